"""PII detection and scrubbing for chat logs, fast enough for a Spark pandas UDF.

No NLP model: compiled regular expressions with validation (Luhn, IBAN mod-97, SSN rules, IPv4
octets, DNI/NIE letters, NIR keys), context cues in English, Spanish, French and German ("my name
is", "passport number", "DOB", "Buchungsnummer", ...) and gazetteers (first names and surnames of
~90 locales, cities, countries, airlines, hotel brands, destinations) looked up once per
capitalised token. Place names, flight numbers, prices, dates of travel and times are kept.

    >>> scrubber = get_scrubber()
    >>> scrubber.scrub_text("Hi, I'm Anna Kowalski, flying BA 283 to Lisbon. anna.k@gmail.com")[0]
    "Hi, I'm <PERSON_1>, flying BA 283 to Lisbon. <EMAIL_1>"

A ``Scrubber`` pickles to its settings only and rebuilds its tables on unpickling (once per
process: the gazetteer and regexes are module-level caches), so it can be shipped to Spark
executors. ``detect()`` never reports a placeholder such as ``<PERSON_1>``, so the scrubbed output
can be re-scanned as a residual-PII gate.

Scrubbing is idempotent: ``detect(scrub_text(t)[0]) == []`` for any text (and for every message of
``scrub_messages``), which the curation pipeline's residual-PII gate relies on. Two rules make it so,
rather than a second pass:

* Name parts next to a name. A PERSON span grows over the capitalised words right next to it (only
  blanks or particles between) that the lexicon knows as first names or surnames, even when they
  are also months, places or common words ("Hola Julio César", "Dear May Li", "Thanks, Will
  Smith"); titles, brands, place words and function words stay out. ``detect()`` applies the same
  rule next to a PERSON placeholder, so "Hola Julio <PERSON_1>" reports "Julio": nothing that
  scrubbing leaves next to a placeholder would be joined to it on a second scan.
* Values next to values. Digit runs are scanned around the values already found (an IBAN, an SSN,
  a card, an address), and a candidate that loses an overlap keeps the part outside it when that
  part is still a value (a phone number cut short by a card, a name running into an e-mail), as a
  second scan of the scrubbed text, where the winner is a placeholder, would see them.
"""

from __future__ import annotations

import collections
import functools
import ipaddress
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tunehouse.contracts.placeholders import PLACEHOLDER_RE, placeholder
from tunehouse.pii import lexicon as D
from tunehouse.pii.settings import PiiSettings


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int
    score: float




# ============================================================================ regex building

def _char_class(pred: Callable[[str], bool], ranges: Iterable[tuple[int, int]]) -> str:
    chars = sorted({chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if pred(chr(c))})
    return "".join(re.escape(c) for c in chars)


_SCRIPTS = [(0x41, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF)]
_UP = _char_class(str.isupper, _SCRIPTS)
_LETTER = r"[^\W\d_]"
_TOKEN = rf"[{_UP}]{_LETTER}*(?:['’]{_LETTER}+)*(?:-{_LETTER}+)*(?![\d_])"
_ABBR = rf"[{_UP}][a-z]{{0,2}}\.(?=[ \t])"
_PARTICLE = (r"(?:van|von|de|del|della|der|den|di|da|du|dos|das|do|la|le|el|al|bin|ibn|ben|ter|ten"
             r"|zu|af|av|dal|dei|des|degli|ó|ní|nic|ua|abu|bint|ap|op|te)")
# starts with the upper-case class so the regex engine can skip ahead to candidates quickly
_RUN_RE = re.compile(
    rf"[{_UP}](?<![\w<@/#&.'’\-].)(?:[a-z]{{0,2}}\.(?=[ \t])|{_LETTER}*(?:['’]{_LETTER}+)*(?:-{_LETTER}+)*(?![\d_]))"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+)*(?:{_ABBR}|{_TOKEN}))*")
_RUN_TOKEN_RE = re.compile(rf"{_ABBR}|{_TOKEN}|\b{_PARTICLE}\b")
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))

_HAS_DIGIT = re.compile(r"\d")
_MONTHS = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
           r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
           r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
           r"noviembre|diciembre|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
           r"septembre|octobre|novembre|décembre|decembre|januar|jänner|februar|märz|maerz|april|"
           r"juni|juli|oktober|dezember)")
_DATE = (rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)?\d{{2}}(?!\d)"
         rf"|(?:19|20)\d{{2}}[./-]\d{{1,2}}[./-]\d{{1,2}}(?!\d)"
         rf"|\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?(?i:{_MONTHS})\.?,?\s+(?:del?\s+)?(?:19|20)\d{{2}}"
         rf"|(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})")

# ---------------------------------------------------------------- contact / network / finance
_EMAIL_RE = re.compile(r"[\w.+'%-](?<![\w.+'%-].)[\w.+'%-]*@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,24}\b")
_EMAIL_OBF_RE = re.compile(
    r"(?i)\b[\w.+-]+\s*(?:\[at\]|\(at\)|\{at\}|\s+at\s+)\s*[\w-]+"
    r"(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+|\.)\s*[\w-]+)*"
    r"\s*(?:\[dot\]|\(dot\)|\{dot\}|\s+dot\s+)\s*(?:com|net|org|edu|gov|io|co|uk|de|fr|es|it|nl|info|me)\b")
_URL_RE = re.compile(
    r"(?i)(?:\b(?:https?://|www\.)[^\s<>\"'\[\]{}|\\^`]+"
    r"|\b(?:[a-z]{2,3}\.)?(?:linkedin\.com/in|facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com"
    r"|tiktok\.com|github\.com|t\.me|wa\.me|youtube\.com|vk\.com|threads\.net|m\.me)/[^\s<>\"']+)")
_SOCIAL_RE = re.compile(
    r"(?i)(?:^|[/.])(?:linkedin\.com/in|facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|"
    r"tiktok\.com|github\.com|t\.me|wa\.me|m\.me|youtube\.com/(?:@|c/|user/|channel/)|vk\.com|threads\.net)/"
    r"(?!(?:help|about|legal|privacy|policies|pages|groups|hashtag|explore|settings|login|share|sharer)\b)"
    r"[^/?#\s]{2,}")
_URL_PERSONAL_KEYS = re.compile(
    r"(?i)[?&;#](?:e?-?mail|name|first_?name|last_?name|surname|full_?name|phone|tel|mobile|user(?:name)?"
    r"|uid|user_?id|token|auth|session|sid|key|api_?key|ref|pnr|booking(?:_?ref)?|reservation|confirmation"
    r"|conf|code|id|customer(?:_?id)?|account|passport|dob|address|zip|postcode|lastname|firstname)=[^&#\s]")
_URL_ID_PATH = re.compile(
    r"/(?=[A-Za-z0-9]*\d)(?=[0-9]*[A-Za-z])[A-Za-z0-9]{6}(?:[/?#]|$)|/\d{6,}(?:[/?#]|$)|[0-9a-f]{16,}"
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}")

_CARD_RE = re.compile(r"\d(?<![\w\-+.,/]\d)[ -]?(?:\d[ -]?){11,17}\d(?![\w\-]|[.,]\d)")
_CVV_RE = re.compile(
    r"(?i:\b(?:cvv2?|cvc2?|csc|cid|security code|card verification (?:code|value)|código de seguridad"
    r"|cryptogramme|prüfnummer|kartenprüfnummer)\b)(?:\s*(?:is|es|est|ist|:|#|=|-|number|code)\s*)*\s*(\d{3,4})\b")
_IBAN_RE = re.compile(r"\b([A-Za-z]{2})(\d{2})((?:[ \-]?[A-Za-z0-9]){10,32})")
_IBAN_HEAD_RE = re.compile(r"[A-Za-z]{2}\d{2}[ \-]?$")  # digits right after "DE89 " belong to an IBAN
_IBAN_LEN = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
    "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}
_SSN_RE = re.compile(r"(\d(?<![\d\-/.]\d)\d{2})-(\d{2})-(\d{4})(?![\d\-/])")
_SSN_CUE_RE = re.compile(
    r"(?i:\b(?:ssn|social security(?:\s+(?:number|no\.?|#))?|soc\.?\s*sec\.?(?:\s*(?:no\.?|#))?)\b)"
    r"(?:\s*(?:is|was|:|#|=)\s*)*\s*(\d{3}[- ]?\d{2}[- ]?\d{4})(?!\d)")
_IPV4_RE = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)")
_IPV6_RE = re.compile(
    r"(?<![\w:.>])(?=[0-9A-Fa-f:.]*::|(?:[0-9A-Fa-f]{1,4}:){7})[0-9A-Fa-f:]{2,39}"
    r"(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?![\w:])")

_PHONE_RE = re.compile(
    r"(?<![\w+@])(?:"
    r"(?:\+|00)[1-9]\d{0,3}(?:[ .\-/]?\(?\d{1,5}\)?){1,6}"  # +44 20 7946 0958, 0049 30 123456
    r"|\(\d{2,5}\)[ .\-]?\d{2,4}(?:[ .\-]?\d{2,4}){1,3}"  # (415) 555-0132, (020) 7946 0958
    r"|(?:1[ .\-])?[2-9]\d{2}[ .\-][2-9]\d{2}[ .\-]\d{4}"  # 415-555-0132, 1 415 555 0132
    r"|0\d{1,4}(?:[ .\-/]\d{2,8}){1,4}"  # 020 7946 0958, 06 12 34 56 78, 0151 23456789
    r"|[1-9]\d{1,3}(?:[ .\-]\d{2,7}){1,4}"  # 913 30 14 67, 55 4850 8300, 342 4204446 (shape-checked)
    r"|0[1-9]\d{8,9}"  # 0602404074, 07700900123
    r")(?:\s*(?:ext\.?|extension|x|#|poste|Durchwahl|DW)\s*\d{1,5})?(?![\w]|[.,]\d)")
_PHONE_CUE_RE = re.compile(
    r"(?i:\b(?:phone|telephone|tel|mobile|mob|cell|cellphone|whats\s?app|sms|text\s+me|call\s+me|call"
    r"|reach\s+me|ring\s+me|contact\s+(?:me|number)|fax|my\s+number|number\s+is|landline"
    r"|tel[ée]fono|m[óo]vil|celular|ll[áa]m[ae]me|whatsapp|t[ée]l[ée]phone|t[ée]l|portable|joindre|appelez"
    r"|num[ée]ro\s+de\s+t[ée]l[ée]phone|telefon(?:nummer)?|handy(?:nummer)?|rufnummer|anrufen|erreichbar"
    r"|mobilnummer|festnetz|llamadme(?:\s+al)?|ll[áa]mame(?:\s+al)?|llamar(?:me)?(?:\s+al)?|tlf|tfno|contacto"
    r"|whats|n[uú]mero(?:\s+de\s+(?:tel[ée]fono|m[óo]vil|contacto))?|num[ée]ro(?:\s+de\s+portable)?)\b)"
    r"[^\d\n+]{0,24}?(\+?\(?\d[\d .\-()/]{5,20}\d)(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?![\w])")
_NANP_RE = re.compile(r"(?:1[ .\-])?[2-9]\d{2}[ .\-][2-9]\d{2}[ .\-]\d{4}")
_NATIONAL_SHAPES_RE = re.compile(
    r"\d{3}(?:[ .]\d{2}){3}|\d{2}[ .]\d{4}[ .]\d{4}|[2-9]\d{2}[ .]\d{3}[ .]\d{3,4}|3\d{2}[ .]\d{6,7}"
    r"|\d{4}[ .]\d{3}[ .]\d{3}|\d{2}(?:[ .]\d{2}){4}|\d{3}-\d{3}-\d{3,4}|\d{2}-\d{4}-\d{4}")
# a line holding only a phone number (signatures)
_PHONE_LINE_RE = re.compile(r"(?m)^[ \t>]*(\+?\(?\d[\d .\-()/]{6,18}\d)[ \t]*$")
_PHONE_BLOCK_AFTER = re.compile(
    r"(?i)^\s*(?:€|eur|usd|gbp|\$|£|points|pts|miles|km|kg|lbs|%|euros?|dollars?|pounds?)")
_DANGLING_EXT_RE = re.compile(r"\s+(?:ext\.?|extension|x|#|poste|Durchwahl|DW)[\s.:]*$")
_GROUP_SEP_RE = re.compile(r"[ .\-/(](?=[\d(])")
_DATE_SHAPE = re.compile(
    r"^(?:\d{1,2}[./\- ]\d{1,2}[./\- ](?:19|20)?\d{2}|(?:19|20)\d{2}[./\- ]\d{1,2}[./\- ]\d{1,2})$")

# ---------------------------------------------------------------- documents and bookings
# filler words between a cue and its value: "passport number is", "Buchungsnummer lautet", "n°"
_FILL = (r"(?i:(?:\s*(?:is|was|are|no|nr|no|number|num|code|id|es|est|ist|lautet|de|du|my|our|your|the|el|la|le|mi"
         r"|mon|ma|mein|meine|reference|ref)\b\.?|\s*(?:n[º°]|[:#=(\-–]))*\s*)")
_PASSPORT_RE = re.compile(
    r"(?i:\b(?:passport|passports|pass\s?(?:no|nr)\.?|passeport|pasaporte|passaporto|reisepass(?:nummer)?"
    r"|passnummer|pass-nr\.?|paspoort(?:nummer)?)\b)" + _FILL +
    r"(?:\((?:\w+)\)\s*)?(?:[^\W\d_]{1,10}\.?\s*[:#]?\s*){0,2}?"  # "Passport numebr X", "(Irish)"
    r"((?=[A-Za-z]*\d)[A-Za-z0-9]{6,10})\b")
_BOOKING_CUE = (
    r"(?i:\b(?:booking(?:\s+(?:reference|ref\.?|number|no\.?|code|id|#))?|reservation(?:\s+(?:number|no\.?|code"
    r"|id|reference|ref\.?|#))?|confirmation(?:\s+(?:number|no\.?|code|#|id))?|conf\.?\s*(?:no\.?|#|code)"
    r"|pnr|record\s+locator|locator|ref(?:erence)?(?:\s+(?:number|no\.?|code|#))?|ref\.|e-?ticket(?:\s+(?:number"
    r"|no\.?))?|ticket\s+(?:number|no\.?|#)|itinerary\s+(?:number|no\.?|id)|trip\s+(?:id|number|no\.?)"
    r"|localizador|c[oó]digo\s+de\s+(?:reserva|confirmaci[oó]n)|n[uú]mero\s+de\s+(?:reserva|confirmaci[oó]n|billete)"
    r"|referencia(?:\s+de\s+(?:la\s+)?reserva)?|r[ée]f[ée]rence(?:\s+de\s+(?:la\s+)?r[ée]servation)?"
    r"|num[ée]ro\s+de\s+(?:r[ée]servation|dossier|confirmation|billet)|code\s+de\s+r[ée]servation|dossier"
    r"|buchungs(?:nummer|code|referenz|bestätigung)|reservierungs(?:nummer|code)|best[äa]tigungs(?:nummer|code)"
    r"|vorgangsnummer|ticketnummer|reserva|r[ée]servation|buchung|referenz|airline[\s\-]code|airline\s+reference"
    r"|rezerwacj[ai]|boeking(?:snummer)?|prenotazione|bokning|reservering)(?!\w))")
_BOOKING_RE = re.compile(
    _BOOKING_CUE + _FILL +
    r"((?=[A-Za-z0-9\-]*\d)[A-Za-z0-9][A-Za-z0-9\-]{3,15}(?<!-)(?![\w\-])|[A-Za-z]{1,4}-[A-Za-z0-9]{4,10}(?![\w\-])"
    r"|[A-Z]{6}(?![\w\-]))")
_REF_LETTERS_RE = re.compile(r"[A-Z](?<![\w\-/.][A-Z])[A-Z]{1,3}-([A-Z]{5,8})(?![\w\-])")
# "reservation code on my ticket is 5w4yyb", "code de la compagnie est ZXLV26": a few words between
# the cue and a code that mixes letters and digits
_BOOKING_LOOSE_RE = re.compile(
    r"(?i:\b(?:booking|reservation|r[ée]servation|reserva|buchung|confirmation|pnr|locator|reference|code|c[óo]digo"
    r"|referencia|r[ée]f[ée]rence|ref)(?!\w))(?:[ \t]+[^\W\d_]{1,12}[.,:]?){0,5}?[ \t]*[:#]?[ \t]*"
    r"((?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{5,10}|[A-Za-z]{1,4}-(?=[A-Za-z]*\d)[A-Za-z0-9]{4,10})(?![\w\-])")
_REF_SHAPE_RE = re.compile(r"[A-Za-z](?<![\w\-/.].)[A-Za-z]{1,3}-(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{5,10}(?![\w\-])")
_VERSION_BEFORE_RE = re.compile(r"(?i)(?<!\w)(?:version|ver\.?|v)\s*$")
_NOT_PNR_RE = re.compile(r"[A-Z]+\d+|\d+[A-Z]+|[A-Z]\d[A-Z]?\d+")
_PNR_SHAPE_RE = re.compile(r"[A-Z0-9](?<![\w/#@.\-].)[A-Z0-9]{5}(?![\w\-])")
_ID_CUE = (
    r"(?i:\b(?:id\s+(?:number|no\.?|card(?:\s+number)?)|identity\s+(?:card|number|document)(?:\s+number)?"
    r"|national\s+(?:id|identity)(?:\s+(?:number|card))?|national\s+insurance(?:\s+number)?|ni\s+number|nino"
    r"|driver'?s\s+licen[cs]e(?:\s+(?:number|no\.?))?|driving\s+licen[cs]e(?:\s+(?:number|no\.?))?"
    r"|licen[cs]e\s+(?:number|no\.?)|tax\s+(?:id|number|code)|nif|nie|dni|cpf|curp|personnummer"
    r"|personal\s+(?:id|number)|personalausweis(?:nummer)?|ausweis(?:nummer)?|steuer-?id|steuernummer"
    r"|carte\s+d'identit[ée]|num[ée]ro\s+fiscal|frequent\s+fl(?:y|i)er(?:\s+(?:number|no\.?|#|id))?|ff\s*(?:number|#|no\.?)"
    r"|membership\s+(?:number|no\.?|id)|member\s+(?:number|no\.?|id)|loyalty\s+(?:number|no\.?|id)"
    r"|customer\s+(?:number|no\.?|id)|client\s+(?:number|no\.?|id)|(?:bank\s+)?account(?:\s+(?:number|no\.?|#))?"
    r"|acct\s*(?:no\.?|#)?|routing(?:\s+(?:number|no\.?|#))?|aba(?:\s+(?:number|no\.?))?|sort\s+code|bsb(?:\s+number)?"
    r"|nhs(?:\s+(?:number|no\.?))?|aadhaa?r(?:\s+(?:number|no\.?|card))?|social\s+insurance(?:\s+number)?"
    r"|sin\s+(?:number|no\.?|#)|medicare(?:\s+(?:number|no\.?|card))?"
    r"|miles\s*(?:&|and)\s*more(?:\s+number)?|flying\s+blue(?:\s+number)?|avios(?:\s+number)?"
    r"|skymiles(?:\s+number)?|known\s+travell?er\s+number|ktn|redress\s+number"
    r"|kundennummer|mitgliedsnummer|num[ée]ro\s+(?:de\s+)?client|n[uú]mero\s+de\s+(?:cliente|socio|identidad)"
    r"|n[uú]mero\s+de\s+la\s+seguridad\s+social|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|sozialversicherungsnummer)"
    r"(?!\w))")
_ID_CUE_RE = re.compile(
    _ID_CUE + _FILL + r"((?=[A-Za-z0-9 \-]*\d)[A-Za-z0-9]{1,20}(?:[ \-][A-Za-z0-9]{1,12}){0,5})(?![\w\-])")
_DNI_RE = re.compile(r"(\d(?<![\w\-]\d)\d{7})[- ]?([A-Za-z])(?![\w\-])")
_NIE_RE = re.compile(r"([XYZxyz])(?<![\w\-][XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])(?![\w\-])")
_NINO_RE = re.compile(
    r"([A-CEGHJ-PR-TW-Z](?<![\w\-].)[A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![\w\-])")
_NIR_RE = re.compile(r"([12])(?<![\w\-][12]) ?(\d{2}) ?(\d{2}) ?(\d{2}|2A|2B) ?(\d{3}) ?(\d{3}) ?(\d{2})(?![\w\-])")
_DOB_RE = re.compile(
    r"(?i:\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s?date|born(?:\s+on)?|(?:my|his|her|their|child'?s|son'?s"
    r"|daughter'?s|wife'?s|husband'?s)\s+(?:birthday|date\s+of\s+birth|dob)(?:\s+is)?|birthday\s+is"
    r"|fecha\s+de\s+nacimiento|f\.\s*nac\.?|nacid[oa](?:\s+el)?|n[ée]e?\s+le|date\s+de\s+naissance"
    r"|geboren(?:\s+am)?|geburtsdatum|geb\.)(?!\w))"
    r"[^\n\d]{0,25}?(" + _DATE + r")")
_BORN_IN_RE = re.compile(r"(?i:\bborn\s+in\s+)((?:19|20)\d{2})(?!\d)")

# ---------------------------------------------------------------- accounts
_CREDENTIAL_RE = re.compile(
    r"(?i:\b(?:password|passwd|pwd|passcode|pass\s+code|pin(?:\s+(?:code|number))?|security\s+(?:answer|question\s+answer)"
    r"|secret\s+answer|memorable\s+word|contrase[ñn]a|clave|mot\s+de\s+passe|passwort|kennwort|geheimzahl)(?!\w))"
    r"(?P<fill>(?i:\s*(?:is|was|es|est|ist|lautet|:|=|-)\s*)*)[ \t]*(?P<val>[^\s\\\x22'<>]{3,40}?)(?=[.,;:)]*(?:\s|$))")
_USERNAME_RE = re.compile(
    r"(?i:\b(?:user\s*name|user\s*id|login(?:\s+(?:name|id))?|handle|account\s+name|screen\s+name|usuario"
    r"|nombre\s+de\s+usuario|nom\s+d['’]utilisateur|identifiant|benutzer(?:name)?|anmeldename)(?!\w))"
    r"(?:[ \t]+(?:on|for|at|in|the|my|your|app|site|website|account|portal|de|la|sur|auf|der)){0,3}"
    r"(?i:\s*(?:is|was|es|est|ist|lautet|:|=|-)\s*)*[ \t]*(?P<val>@?[\w.\-]{3,40}?)(?=[.,;!?)]*(?:\s|$))")
_HANDLE_RE = re.compile(r"@(?<![\w@.]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])(?![\w@])")

# ---------------------------------------------------------------- street addresses
_STREET_TYPES_EN = (
    r"(?:(?:Street|Avenue|Road|Lane|Boulevard|Drive|Court|Place|Square|Terrace|Way|Close|Crescent|Parkway"
    r"|Highway|Circle|Trail|Row|Mews|Grove|Gardens|Hill|Walk|Alley|Plaza|Rise|Vale|Wharf|Quay|Parade"
    r"|Esplanade|Promenade|Heights|Green|Park|Broadway|Loop|Pike|Crossing|Point|Ridge|Run|Strand)\b"
    r"|(?:St|Ave|Av|Rd|Ln|Blvd|Dr|Ct|Pl|Sq|Ter|Cres|Pkwy|Hwy|Cir|Trl|Gdns)\b\.?)")
_UKPC = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_UNIT = (r"(?:,?\s*(?i:apt\.?|apartment|suite|ste\.?|unit|flat|fl\.?|floor|room|rm\.?|bldg\.?|building|#)"
         r"\s*[A-Za-z0-9\-]{1,6})")
_ADDR_TAIL = (
    rf"(?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){{0,2}},?\s+(?:[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?|{_UKPC}|\d{{4,5}})"
    rf"|,?\s+[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?|,?\s+{_UKPC})?")
_ADDR_EN_RE = re.compile(
    rf"\d(?<![\w/.,\-]\d)\d{{0,4}}[A-Za-z]?(?:[-/]\d{{1,4}}[A-Za-z]?)?,?\s+"
    rf"(?:(?:[A-Z][\w'’.\-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,4}}{_STREET_TYPES_EN}"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?{_UNIT}?{_ADDR_TAIL}")
_PRONOUN_I_RE = re.compile(r"\sI(?:['’][a-z]{1,2})?\s")
_ADDR_FR_RE = re.compile(
    r"\d(?<![\w/.,\-]\d)\d{0,3}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|all[ée]e|impasse|chemin"
    r"|quai|cours|route|passage|square|voie|rond-point)\s+(?:(?:de\s+la|de\s+l'|d'|de|du|des|la|le|les|l')\s*)?"
    r"[A-ZÀ-Ý][\w'’\-]*(?:\s+(?:(?:de|du|des|la|le|les|d'|l')\s*)?[A-ZÀ-Ý][\w'’\-]*){0,3}"
    r"(?:,?\s*\d{5}\s+[A-ZÀ-Ý][\w'’\-]+(?:[\s\-][A-ZÀ-Ý][\w'’\-]+){0,2})?")
_ADDR_TYPE_FIRST_RE = re.compile(
    r"\b(?:Calle|C/|Avenida|Avda\.?|Av\.|Paseo|Pº|Plaza|Pza\.?|Carrer|Carretera|Camino|Ronda|Travesía|Rambla"
    r"|Via|Viale|Corso|Piazza|Piazzale|Vicolo|Rua|Travessa|Praça|Largo|Alameda|Estrada|Ulica|ul\.)\s*"
    r"(?:(?:de\s+la|de\s+los|de\s+las|de\s+l'|de|del|dels|della|delle|dello|dei|degli|di|da|do|dos|das)\s+)?"
    r"[A-ZÀ-Ý0-9][\w'’.\-]*(?:\s+(?:(?:de|del|la|las|los|y|e|di|da|do)\s+)?[A-ZÀ-Ý][\w'’.\-]*){0,3}"
    r",?\s*(?:n[º°o]\.?\s*)?\d{1,4}[A-Za-z]?(?![\w.,]\d)"
    r"(?!\s*(?:h|hrs?|hours?|horas?|days?|d[ií]as|nights?|noches|min|minutes?|km|€|%|\$|am|pm|x)\b)"
    r"(?:,?\s*\d{1,2}\s?[º°ª](?:\s*[A-Za-z](?![\w]))?|,?\s*(?i:piso|puerta|planta|esc\.?|apto\.?|int\.?)\s*\w{1,4})*"
    r"(?:,?\s*\d{5}\s+[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2})?")
_ADDR_DE_RE = re.compile(
    r"\b(?:[A-ZÄÖÜ][\wäöüß\-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ufer|chaussee|straat|laan"
    r"|plein|gracht|kade|gatan|vägen|gade|vej|veien)"
    r"|[A-ZÄÖÜ][\wäöüß\-]+\s+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ufer|Chaussee))"
    r"\s*\d{1,4}\s?[a-zA-Z]?(?![\w.,]\d)(?!\w)"
    r"(?:,?\s*\d{4,5}\s+[A-ZÄÖÜ][\wäöüß\-]+(?:\s+[A-ZÄÖÜ][\wäöüß\-]+)?)?")
_ADDR_FR_WORDS = ("rue ", "av", "bd ", "boulevard", "place ", "allée", "allee", "impasse", "chemin", "quai ",
                  "cours ", "route ", "passage ", "square ", "voie ", "rond-point")
_ADDR_TYPE_FIRST_WORDS = ("Calle", "C/", "Av", "Paseo", "Pº", "Plaza", "Pza", "Carrer", "Carretera", "Camino",
                          "Ronda", "Travesía", "Rambla", "Via", "Corso", "Piazza", "Vicolo", "Rua", "Travessa",
                          "Praça", "Largo", "Alameda", "Estrada", "Ulica", "ul.")
_ADDR_DE_WORDS = ("str", "weg", "allee", "platz", "gasse", "damm", "ufer", "chaussee", "straat", "laan", "plein",
                  "gracht", "kade", "gatan", "vägen", "gade", "vej", "veien")
# "my address is ...", "I live at ...", "Mi dirección es ...": the rest of the clause is the address
_ADDR_CUE_RE = re.compile(
    r"(?i:\b(?:(?:my|our|billing|shipping|home|postal|delivery|new|the)\s+address(?:\s+is|\s*:)?|address\s*:|address\s+is"
    r"|i\s+live\s+at|we\s+live\s+at|i\s+live\s+in|deliver\s+(?:it\s+|them\s+)?to|send\s+(?:it|them|the\s+\w+)\s+to"
    r"|ship\s+(?:it\s+)?to|post\s+(?:it\s+)?to|mail\s+(?:it\s+)?to|(?:mi\s+)?direcci[óo]n(?:\s+es|\s*:)|vivo\s+en"
    r"|env[íi](?:a|e)(?:lo|la|melo|mela)?\s+a|(?:mon\s+)?adresse(?:\s+est|\s*:)|j['’]habite(?:\s+au)?|habite\s+au"
    r"|(?:meine\s+)?adresse\s+(?:ist|lautet)|ich\s+wohne\s+in|wohnhaft\s+in|anschrift\s*:?)(?!\w))[ \t]*:?[ \t]*")
_ADDR_STOP_RE = re.compile(
    r"\n|[!?;](?=\s|$)|\.(?=\s+[^\d\s])|\.$|\s(?i:and\s+(?:my|i|the|you|call|please)|y\s+(?:mi|el|la)|call|phone|tel"
    r"|mobile|moblie|cell|email|e-mail|mail|my|date|dob"
    r"|born|passport|booking|ref|reference|reservation|iban|card|please|thanks|thank|you|mi|fecha|nacid[oa]|tel[ée]fono"
    r"|ll[áa]mame|llamadme|correo|et|mon|ma|né|née|und|meine|mein|geb|geboren|handy|bitte|danke|merci|gracias|if|but"
    r"|which|so|for|from|until|then|because|since)\b")
_ABBREV_BEFORE_DOT = frozenset("av avda ave st rd dr apt no nº edif depto dpto c pl pza bd blvd str sr sra ste bldg fl ul "
                               "al os ii int".split())
_POSTCODE_CUE_RE = re.compile(
    r"(?i:\b(?:post\s?code|postal\s+code|zip(?:\s+code)?|plz|c[óo]digo\s+postal|code\s+postal)\b)"
    r"(?:\s*(?:is|es|est|ist|:|#)\s*)*\s*"
    rf"({_UKPC}|\d{{5}}(?:-\d{{4}})?|\d{{4}}\s?[A-Z]{{2}}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{{4}})(?![\w])")

# ---------------------------------------------------------------- names
_PNR_NAME_RE = re.compile(
    r"(?<![\w/])([A-Z][A-Z'\-]+)/([A-Z][A-Z'\-]+)(?:\s+(MR|MRS|MS|MISS|MSTR|DR|CHD|INF)\b)?")


def _expand(spec: str) -> list[str]:
    """'my (wife|husband) ; hi' -> ['my wife', 'my husband', 'hi'] (one level of alternatives)."""
    out = []
    for item in spec.replace("\n", " ").split(";"):
        item = " ".join(item.split())
        if not item:
            continue
        m = re.search(r"\(([^()]*)\)", item)
        if m:
            out.extend(_expand(";".join(item[:m.start()] + alt + item[m.end():] for alt in m.group(1).split("|"))))
        else:
            out.append(item)
    return out


_STRONG_PHRASES = _expand("""
my name is; my name's; my names are; name is; names are; name; names; full name; first name; last name;
given name; family name; surname; (full|first|last|given|family) name is; surname is; signed;
(full|first|last|given|family|maiden|middle|married) name (is|was); maiden name; middle name; married name;
in the name of; under the name; under the name of; under the names; booked under; booked in the name of;
(passenger|guest|traveller|traveler|cardholder|customer|client|contact|lead passenger)('s|) name;
(passenger|guest|traveller|traveler|cardholder|customer|client|contact)('s|) name is; cardholder;
name on the (card|ticket|booking|passport|reservation); name on the (card|ticket|booking|passport|reservation) is;
call me; i am called; i'm called; me llamo; mi nombre es; nombre; a nombre de; je m'appelle; mon nom est; nom;
au nom de; ich heiße; ich heisse; mein name ist; auf den namen; im namen von; name ist
""") + D.TITLES
_WEAK_PHRASES = _expand("""
hi; hello; hey; hiya; dear; good (morning|afternoon|evening); morning; thanks; thank you; thx; ty; cheers;
thanks again; thank you again; thanks so much; thank you so much; many thanks; thanks a lot; regards;
best regards; kind regards; warm regards; best; best wishes; all the best; sincerely; yours sincerely; yours;
bye; goodbye; ciao; hola; buenos días; buenos dias; buenas; buenas tardes; buenas noches; gracias;
muchas gracias; saludos; un saludo; atentamente; (estimado|estimada|querido|querida); bonjour; bonsoir; salut;
merci; merci beaucoup; cordialement; bien à vous; bien cordialement; cher; chère; hallo; guten (tag|morgen|abend);
servus; moin; danke; danke schön; vielen dank; grüße; gruß; viele grüße; beste grüße; liebe grüße;
mit freundlichen grüßen; freundliche grüße; liebe; lieber; mfg; lg;
this is; it's; it is; i'm; i am; here is; under; is under; booked for; soy; je suis; c'est; ich bin; hier ist; hier spricht;
(chatting|speaking|talking|talked|spoke|spoken) (to|with); ask for; asked for; agent; our agent; your agent;
colleague; assistant; host; your host; driver; your driver; guide; your guide; manager; contact; contact person;
(passenger|passengers|traveller|travellers|traveler|travelers|guest|guests); lead (passenger|traveller|traveler|guest);
(my|our|his|her|their) (wife|husband|partner|son|daughter|kid|kids|children|child|mother|mom|mum|father|dad|brother|sister|friend|colleague|boss|assistant|fiance|fiancé|fiancée|girlfriend|boyfriend|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|nephew|niece|baby|twins|mother-in-law|father-in-law|sons|daughters|kids are|children are);
mi (esposa|esposo|marido|mujer|hijo|hija|madre|padre|hermano|hermana|amigo|amiga|compañero|compañera);
ma (femme|fille|mère|soeur|sœur|copine); mon (mari|fils|père|frère|ami|copain);
(meine|mein) (frau|mann|sohn|tochter|mutter|vater|bruder|schwester|kollegin|kollege);
glad i could help; happy to help; glad to help; you're welcome; you are welcome; welcome; welcome back;
safe travels; safe trip; have a great trip; have a nice trip; no problem; of course; sure;
warm wishes; best wishes; with thanks; thanks and regards; kind wishes; all best; take care; talk soon;
¡hola; buen viaje; estimado/a; querido/a; saludos cordiales; cordiales saludos; un abrazo; gute reise; liebe/r; lieber/liebe; bon voyage;
amitiés; bises; herzliche grüße; schöne grüße; mit besten grüßen; bien à toi; a bientôt; à bientôt;
avec plaisir; de rien; je vous en prie; bon séjour; bonne journée; con gusto; de nada; buen día; que disfrutes;
gern geschehen; gerne; schönen tag; gute fahrt; bitte schön; thanks for your patience; sorry
""")
_CUE_PHRASES: dict[str, int] = {p: 1 for p in _WEAK_PHRASES}
_CUE_PHRASES.update({p: 2 for p in _STRONG_PHRASES})
_TITLE_WORDS = frozenset(D.TITLES)
_CUE_STRIP = " \t\r\n,:;!.(-–—\"'"
_SIG_DASHES = ("-", "—", "–", "~")

_PLACE_PREPS = frozenset("""
to from in at via into near around visit visiting visited fly flying flew flight flights trip hotel hotels stay
staying stayed tour tours arrive arriving arrived depart departing land landing leave leaving return returning
through of outside downtown between en a de desde hacia para à au aux vers nach von bis ab über im aus and or y
et und in""".split())
_SUFFIX_CUE_RE = re.compile(
    r"(?i)^(?:\s+(?:said|says|asked|asks|told|tells|wrote|writes|emailed|replied|mentioned|thinks|thought|wants|wanted"
    r"|needs|needed|loves|likes|knows|feels|felt|agreed|explained|promised|helped|travels|is\s+travell?ing"
    r"|was\s+travell?ing|will\s+(?:call|send|travel|be\s+travell?ing|contact|join|email|reply|check)|and\s+i\b"
    r"|'s\s+(?:husband|wife|son|daughter|passport|email|phone|birthday|booking|flight|seat|ticket|mum|mom|dad))\b"
    r"|\s+here\b|\s+speaking\b|\s*,?\s+(?:your|the)\s+(?:agent|host|driver|guide)\b"
    r"|\s+from\s+(?:the\s+)?[\w&]+(?:\s+[\w&]+)?\s+(?:team|support|desk|department|office)\b|\s*\((?:agent|guest|customer)\))")
# "Jordan, can you ...": a name addressed at the start of a sentence
_NOT_PERSON_AFTER_RE = re.compile(
    r"[ \t]+(?:(?i:team|support|customer\s+(?:service|care|support)|service\s+team|staff|app|website|gmbh|ltd|inc|llc)\b"
    r"|(?:Travel|Travels|Tours|Airlines?|Airways|Hotels?|Group|Company|Holidays|Reisen|Voyages|Viajes|Service"
    r"|Services|Agency|Agencia|Agence)\b|v?\d+(?:\.\d+)+\b)")
_VOCATIVE_RE = re.compile(
    r"\s*,\s+(?:can|could|would|will|please|pls|your|you|you'?re|i|i'm|i've|we|we'?re|thanks|thank|just|did|do|are|is"
    r"|have|hope|sorry|welcome|here|let|kindly|what|when|how|where|unfortunately|good|great)\b")
_COORD_NAME_RE = re.compile(rf"\s*(?:and|&|y|et|und|or|o|ou|oder)\s+({_TOKEN})(?:\s+({_TOKEN}))?")
_PLACE_AFTER_RE = re.compile(
    r"(?i)^\s*(?:airport|airports|city|centre|center|downtown|area|region|hotel|hotels|station|beach|old\s+town"
    r"|trip|trips|holiday|holidays|vacation|flight|flights|stay|tour|tours|visit|break|getaway|itinerary|package"
    r"|weekend|cruise|excursion|transfer|train|ferry|connection|layover|stopover|route|leg|office|branch"
    r"|coast|harbou?r|port|in\s+(?:spring|summer|autumn|fall|winter|[a-z]+ber|may|june|july|april|march|august)"
    r"|is\s+(?:a|the)\s+(?:city|country|capital|town|destination))\b")
_COORD_AFTER_RE = re.compile(rf"^\s*(?:,|and|or|y|et|und|&|/|in|to|-)\s*({_TOKEN})")
_COORD_BEFORE_RE = re.compile(rf"({_TOKEN})\s*(?:,|and|or|y|et|und|&|/|-)\s*$")
_PHONE_BLOCK_WORDS = frozenset("""
order invoice ticket booking ref reference flight account card confirmation tracking serial id member
membership reservation locator voucher receipt policy claim case item sku iban bic swift routing code no nr
number # € $ £ eur usd gbp""".split())
_LOWER_NAME_RE = re.compile(
    r"(?i:\b(?P<cue>(?P<strong>my\s+(?:name|naem|nmae|anme)\s+is|my\s+name's|(?:full\s+)?name\s+is|me\s+llamo"
    r"|mi\s+nombre\s+es|je\s+m['’]appelle|mon\s+nom\s+est|ich\s+hei(?:ß|ss)e|mein\s+name\s+ist"
    r"|(?:name|naem|nmae|anme)\s+on\s+(?:the|teh|my)\s+(?:booking|bookng|ticket|reservation|card|passport)\s*(?:is|:)?"
    r"|(?:booked\s+)?under(?:\s+the\s+name(?:\s+of)?)?|in\s+the\s+name\s+of|au\s+nom\s+de|a\s+nombre\s+de"
    r"|l[äa]uft\s+auf|auf\s+den\s+namen|name\s*:|nombre\s*:|nom\s*:"
    r"|(?:mr|mrs|ms|miss|dr|prof|sr|sra|srta|herr|frau|mme|mlle)\.?|m\.)"
    r"|this\s+is|it'?s|it’s|i'm|i’m|i\s+am|im|soy|je\s+suis|ich\s+bin|hi|hello|hey|dear|thanks|thank\s+you"
    r"|thank\s+u|thx|cheers|regards|bye|hola|gracias|bonjour|merci|hallo|danke"
    r"|(?:my|our)\s+(?:wife|husband|partner|son|daughter|friend|colleague|boss|mother|mom|mum|father|dad|brother"
    r"|sister|kids?|children|fianc[ée]e?|girlfriend|boyfriend|assistant))[ \t]*[,:]?[ \t]+"
    r"(?:(?:so\s+much|very\s+much|a\s+lot|again|so|u|you|ya|guys)[ \t]*[,!]?[ \t]+){0,2})"
    r"(?P<ws>[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*(?:[ \t]+[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*){0,5})")
# a sign-off line, then a line holding only a name: "Kind regards,\nstephanie jones", "> Cheers,\n> Sofia"
_SIGNOFF_RE = re.compile(
    r"(?im)^[ \t>]*(?:thanks(?:\s+again|\s+and\s+regards|\s+so\s+much|\s+a\s+lot)?|thank\s+you(?:\s+so\s+much)?|many\s+thanks"
    r"|with\s+thanks|thx|(?:kind|best|warm|warmest|many|kindest)\s+(?:regards|wishes)|regards|best|all\s+the\s+best|cheers"
    r"|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|take\s+care|talk\s+soon|saludos(?:\s+cordiales)?|un\s+saludo"
    r"|cordiales\s+saludos|atentamente|gracias|muchas\s+gracias|un\s+abrazo|cordialement|bien\s+cordialement"
    r"|bien\s+[àa]\s+vous|merci(?:\s+beaucoup)?|amitiés|bises|mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en"
    r"|(?:viele|beste|liebe|herzliche|schöne|freundliche)\s+gr(?:ü|ue)(?:ß|ss)e|gr(?:ü|ue)(?:ß|ss)e|danke(?:\s+sch[öo]n)?|lg|mfg"
    r"|sent\s+from\s+my\s+\w+)[ \t]*[,!.:]?[ \t]*(?:\r?\n[ \t>]*){1,2}"
    r"(?P<name>[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,3})[ \t]*$")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_RE = re.compile(rf"(?<![{_CJK}])[{_CJK}]{{1,4}}(?:[ \u3000][{_CJK}]{{1,4}})?(?![{_CJK}])")
_HAS_CJK = re.compile(rf"[{_CJK}]")
_MIXED_CASE_RE = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
_NAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|St|Mc)[A-ZÀ-Þ]|\w+-[A-ZÀ-Þ]")
# A capitalised word right next to a PERSON span (only blanks and particles between): "Hola Julio
# <César>", "Dear May <Li>" is joined to it (see Scrubber._join_adjacent).
_TOKEN_RE = re.compile(_TOKEN)
_MODALS = frozenset(("will", "may", "shall", "might", "must"))
_PARTICLE_GAP_RE = re.compile(rf"(?:[ \t]+{_PARTICLE})+[ \t]+")
_WORD_CHARS = "'’-"
# what a word next to a name can start with: a capital, or a particle's first letter ("van", "de")
_WORD_START = frozenset(c for c in _UP if c != "\\") | frozenset(p[0] for p in _PARTICLES) | {" ", "\t"}


def _word_before(text: str, pos: int) -> tuple[int, int, bool] | None:
    """The capitalised word before ``pos`` with only blanks (and particles: "Julio de <PERSON_1>")
    between: (start, end, crossed a particle), or None."""
    bridged = False
    for _ in range(4):
        j = pos
        while j and text[j - 1] in " \t":
            j -= 1
        if j == pos or not j:
            return None
        lo = max(0, j - 40)
        k = text.rfind(" ", lo, j) + 1
        word = text[k:j]
        if "\t" in word or "\n" in word or "\r" in word:
            k = max(text.rfind("\t", k, j), text.rfind("\n", k, j), text.rfind("\r", k, j)) + 1
            word = text[k:j]
        if k == j or k == 0 and lo:
            return None  # nothing, or a 40-character "word"
        if word[0].isupper():
            m = _TOKEN_RE.match(word)
            return (k, j, bridged) if m is not None and m.end() == len(word) else None
        if word not in _PARTICLES:
            return None
        pos, bridged = k, True
    return None


def _word_after(text: str, pos: int) -> tuple[int, int, bool] | None:
    """The capitalised word after ``pos`` with only blanks (and particles) between, or None."""
    bridged, n = False, len(text)
    for _ in range(4):
        k = pos
        while k < n and text[k] in " \t":
            k += 1
        if k == pos or k == n:
            return None
        if text[k].isupper():
            m = _TOKEN_RE.match(text, k)
            if m is None:
                return None
            j = m.end()
            if j < n and (text[j].isalpha() or text[j] in _WORD_CHARS):
                return None
            return k, j, bridged
        j = k
        while j < n and j - k < 6 and text[j].isalpha():
            j += 1
        if text[k:j] not in _PARTICLES:
            return None
        pos, bridged = j, True
    return None


_GREETING_TOKENS = frozenset(
    "hi hello hey hiya dear thanks thank cheers regards best bye goodbye hola gracias saludos estimado estimada "
    "querido querida bonjour bonsoir salut merci cher chère hallo danke liebe lieber servus moin ciao".split())

# One pass of keyword spotting over the lower-cased text finds where a cue may start; the cue
# regexes above are then only tried, anchored, at those positions (instead of at every position).
_KEYWORDS = {
    "passport": "passport passports passeport pasaporte passaporto reisepass reisepassnummer passnummer pass-nr "
                "paspoort pass",
    "booking": "booking reservation confirmation conf pnr record locator ref reference e-ticket eticket ticket "
               "itinerary trip localizador código codigo número numero referencia référence numéro dossier "
               "buchungsnummer buchungscode buchungsreferenz buchungsbestätigung reservierungsnummer "
               "reservierungscode bestätigungsnummer bestätigungscode bestaetigungsnummer vorgangsnummer ticketnummer "
               "reserva réservation buchung referenz code airline airline-code rezerwacja rezerwacji boeking "
               "boekingsnummer prenotazione bokning reservering",
    "ssn": "ssn social soc",
    "cvv": "cvv cvv2 cvc cvc2 csc cid security card código cryptogramme prüfnummer kartenprüfnummer",
    "dob": "dob d.o.b date birth birthdate born my his her their child's childs son's sons daughter's daughters "
           "wife's husband's birthday fecha f. nacido nacida né née ne nee geboren geburtsdatum geb.",
    "born": "born",
    "phone": "phone telephone tel mobile mob cell cellphone whatsapp whats sms text call reach ring contact fax my "
             "number landline teléfono telefono móvil movil celular llámame llamame llámeme téléphone "
             "portable joindre appelez numéro numero telefon telefonnummer handy handynummer rufnummer anrufen "
             "erreichbar mobilnummer festnetz llamadme llamar llamarme llama tlf tfno contacto tél tel.",
    "id": "id identity national ni nino driver's drivers driver driving license licence tax nif nie dni cpf "
          "curp personnummer personal personalausweis personalausweisnummer ausweis ausweisnummer steuer-id "
          "steuerid steuernummer carte numéro numero frequent ff membership member loyalty customer client account "
          "acct miles flying avios skymiles known ktn redress kundennummer mitgliedsnummer número "
          "sozialversicherungsnummer bank routing aba sort bsb nhs aadhaar aadhar social sin medicare",
    "postcode": "post postcode postal zip plz código codigo code",
    "address": "my our billing shipping home postal delivery new the address i we deliver send ship post mail mi "
               "dirección direccion vivo envía envia envíalo envialo envíamelo mon adresse j'habite j’habite habite "
               "meine ich wohnhaft anschrift",
    "credential": "password passwd pwd passcode pass pin security secret memorable contraseña contrasena clave mot "
                  "passwort kennwort geheimzahl",
    "username": "username user login handle account screen usuario nombre nom identifiant benutzer benutzername "
                "anmeldename",
    "lowername": "my our name naem nmae anme full booked under in au a läuft lauft auf nombre nom mr mrs ms miss dr "
                 "prof sr sra srta herr frau mme mlle m me mi je mon ich mein this it's it’s its it i'm i’m i im soy hi hello hey dear thanks thank "
                 "thx cheers regards bye hola gracias bonjour merci hallo danke",
}
_KW_HANDLERS: dict[str, tuple[str, ...]] = {}
for _h, _kws in _KEYWORDS.items():
    for _w in _kws.split():
        if _h not in _KW_HANDLERS.get(_w, ()):
            _KW_HANDLERS[_w] = _KW_HANDLERS.get(_w, ()) + (_h,)
_WORD_RE = re.compile(r"[^\W\d_][\w'’.\-]*")
_NEEDS_DIGIT = frozenset(("passport", "ssn", "cvv", "dob", "born", "phone", "id", "postcode", "address"))

# Entity priorities when spans overlap (higher wins; then longer, then earlier).
_PRIORITY = {
    "CUSTOM": 120, "EMAIL": 100, "URL": 95, "CREDENTIAL": 93, "USERNAME": 91, "IBAN": 92, "CREDIT_CARD": 90, "SSN": 88, "IP_ADDRESS": 86,
    "ID_NUMBER": 84, "DATE_OF_BIRTH": 82, "PASSPORT": 80, "BOOKING_REF": 76, "STREET_ADDRESS": 70,
    "PHONE": 60, "PERSON": 40,
}


# ============================================================================ scanning helpers
# Scrubbing must be idempotent: detect() on scrubbed text finds nothing. So a value must never be
# hidden from a scan by a neighbour that becomes a placeholder (a failed match swallowing it, a
# losing candidate covering half of it): these helpers scan, and cut losers, the way a second scan
# of the scrubbed text would.

_STRONG_TYPES = frozenset(("EMAIL", "URL", "CREDENTIAL", "USERNAME", "IBAN", "CREDIT_CARD", "SSN", "IP_ADDRESS",
                           "ID_NUMBER", "DATE_OF_BIRTH", "PASSPORT"))


def _strong_spans(cands: list, phones: bool = False) -> list[tuple[int, int]]:
    """Spans of the confident candidates found so far (they will be placeholders), sorted."""
    return sorted((c.start, c.end) for c in cands if c.score >= 0.85 and (
        c.type in _STRONG_TYPES or phones and c.type == "PHONE"))


def _scan(rx: re.Pattern, text: str, spans: list[tuple[int, int]], accept, accept_cut, outranked: bool = False,
          soft: list[tuple[int, int]] = ()):
    """Values matched by ``rx``: ``accept(s, e)`` gives the end of the value in text[s:e] (0: none)
    and the scan goes on after it. A match with no value that runs into one of ``spans`` is cut
    where the span starts (``accept_cut`` on the part before it) and the scan goes on after the
    span, instead of after the match: a second scan, with the span replaced by a placeholder,
    would find what follows it. ``outranked``: the spans win over these values, so a value
    running into one is cut too. ``soft`` spans only cut a match with no value that starts
    before them ("680 64 99 72 77479 Yaman Crossing": a phone number, then an address), or make
    the scan go on after them for one that starts inside them."""
    pos = 0
    while True:
        m = rx.search(text, pos)
        if not m:
            return
        s, e = m.start(), m.end()
        end = accept(s, e) if e > s else 0
        hit = next(((a, b) for a, b in spans if a < e and s < b), None) if spans else None
        if end and not (outranked and hit and hit[0] < end):
            yield s, end
            pos = end
            continue
        if hit is None:
            hit = next(((a, b) for a, b in soft if a < e and s < b), None) if soft else None
            pos = max(e, s + 1)
            if hit is not None:
                if s < hit[0]:
                    cut = _trim_cut(text, s, hit[0])
                    end = accept_cut(s, cut) if cut > s else 0
                    if end:
                        yield s, end
                elif hit[1] < e:  # "..., TN 78580 5201 7090 6710 4499": the scan goes on after the address
                    pos = hit[1]
            continue
        if s < hit[0]:
            cut = _trim_cut(text, s, hit[0])
            end = accept_cut(s, cut) if cut > s else 0
            if end:
                yield s, end
        pos = max(hit[1], s + 1)


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    for ts, te in taken:
        if s < te and ts < e:
            return False
    return True


def _person_rest(text: str, c, clash: list):
    """The longest run of whole words of a PERSON candidate outside the spans it clashes with
    (None if nothing is left)."""
    pieces, pos = [], c.start
    for o in sorted(clash, key=lambda o: o.start):
        if o.start > pos:
            pieces.append((pos, o.start))
        pos = max(pos, o.end)
    if pos < c.end:
        pieces.append((pos, c.end))
    best = None
    for a, b in pieces:
        if a > c.start and text[a - 1:a].isalnum() and text[a:a + 1].isalnum():
            while a < b and not text[a].isspace():
                a += 1  # never half a word
        if b < c.end and text[b - 1:b].isalnum() and text[b:b + 1].isalnum():
            while b > a and not text[b - 1].isspace():
                b -= 1
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not (text[b - 1].isalnum() or text[b - 1] in "'’."):
            b -= 1
        if b - a >= 2 and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    return _Cand(c.type, best[0], best[1], c.score, c.prio) if best else None


def _trim_cut(text: str, s: int, cut: int) -> int:
    while cut > s and text[cut - 1] in " \t(":
        cut -= 1
    return cut


# ============================================================================ validators

def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(iban: str) -> bool:
    iban = iban.upper()
    if len(iban) != _IBAN_LEN.get(iban[:2], -1) or not iban[2:4].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    num = "".join(str(int(c, 36)) for c in rearranged)
    return int(num) % 97 == 1


def ssn_ok(area: str, group: str, serial: str) -> bool:
    return not (area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000")


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def dni_ok(number: str, letter: str) -> bool:
    return _DNI_LETTERS[int(number) % 23] == letter.upper()


def nie_ok(prefix: str, number: str, letter: str) -> bool:
    return dni_ok(str("XYZ".index(prefix.upper())) + number, letter)


def nir_ok(parts: tuple[str, ...]) -> bool:
    body = "".join(parts[:6]).replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(parts[6])


# ============================================================================ lexicon helpers

_F, _L, _AMB, _COM = D.FIRST, D.LAST, D.AMBIG, D.COMMON
_PL, _MAJ, _PSTART, _IND, _WIND, _TITLE, _ORG = (
    D.PLACE, D.MAJOR, D.PLACE_START, D.INDICATOR, D.WEAK_INDICATOR, D.TITLE, D.ORG)

# token categories
_C_STOP, _C_F, _C_AF, _C_FP, _C_L, _C_U, _C_PLACE, _C_INIT, _C_PART = range(9)
_NAMEY = frozenset((_C_F, _C_AF, _C_FP, _C_L, _C_U))


def _is_title(tok: tuple) -> bool:
    """An honorific token ("Mr.", "Frau"); "MS Windows" and "DR Congo" are not."""
    raw = tok[4].rstrip(".")
    return bool(tok[3] & _TITLE) and (not raw.isupper() or len(raw) == 1 or raw in ("MR", "MRS", "MISS", "MSTR"))


def _token_flags(lex: D.Lexicon, key: str) -> int:
    f = lex.flags.get(key)
    if f is not None:
        return f
    if "-" in key:  # "adebayo-smith", "jean-luc"
        parts = [lex.flags.get(p, 0) for p in key.split("-") if p]
        if parts and parts[0] & _F and not parts[0] & _COM:
            return _F
        if any(p & (_F | _L) for p in parts) and not all(p & _COM for p in parts):
            return _L
    return 0


# ============================================================================ the scrubber

_KEY_CACHE: dict[str, str] = {}


class _Cand:
    __slots__ = ("type", "start", "end", "score", "prio")

    def __init__(self, typ: str, start: int, end: int, score: float, prio: int | None = None):
        self.type, self.start, self.end, self.score = typ, start, end, score
        self.prio = _PRIORITY.get(typ, 110) if prio is None else prio


class Scrubber:
    """Detect and replace PII. Build once per process (see ``get_scrubber``); thread-safe to use."""

    def __init__(self, settings: PiiSettings | None = None):
        self.settings = settings if settings is not None else PiiSettings()
        self._enabled = frozenset(self.settings.entities)
        self._lex = D.load_lexicon()
        self._allow = frozenset(t.strip().casefold() for t in self.settings.allow_terms if t.strip())
        deny: dict[str, list[str]] = collections.defaultdict(list)
        for term in self.settings.deny_terms:
            m = re.fullmatch(r"([A-Z][A-Z0-9_]*):(.+)", term)
            typ, val = (m.group(1), m.group(2).strip()) if m else ("PERSON", term)
            deny[typ].append(val)
        self._deny = [
            (typ, re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(v) for v in sorted(vals, key=len, reverse=True))
                             + r")(?!\w)"))
            for typ, vals in deny.items()]
        self._extra = [(typ, re.compile(pat)) for typ, pat in self.settings.extra_patterns.items()]

    # ------------------------------------------------------------------ pickling
    def __getstate__(self) -> dict:
        return {"settings": self.settings.model_dump()}

    def __setstate__(self, state: dict) -> None:
        self.__init__(PiiSettings(**state["settings"]))

    # ------------------------------------------------------------------ detection
    def detect(self, text: str) -> list[Entity]:
        """Non-overlapping PII spans, sorted by start."""
        if not text:
            return []
        cands: list[_Cand] = []
        en = self._enabled
        if "@" in text:
            if "EMAIL" in en:
                for m in _EMAIL_RE.finditer(text):
                    cands.append(_Cand("EMAIL", m.start(), m.end(), 1.0))
        if "EMAIL" in en and (" at " in text or "[at]" in text or "(at)" in text or "{at}" in text):
            for m in _EMAIL_OBF_RE.finditer(text):
                cands.append(_Cand("EMAIL", m.start(), m.end(), 0.9))
        if "URL" in en and ("/" in text or "www." in text):
            self._urls(text, cands)
        has_digit = _HAS_DIGIT.search(text) is not None
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        long_phones = self._cues(text, low, has_digit, cands)
        if has_digit:
            self._digits(text, low, cands)
            if long_phones:
                self._cut_phones(text, long_phones, cands)
        if "USERNAME" in en and "@" in text:
            for m in _HANDLE_RE.finditer(text):
                cands.append(_Cand("USERNAME", m.start(), m.end(), 0.8))
        if "BOOKING_REF" in en and "-" in text:
            for m in _REF_LETTERS_RE.finditer(text):
                if not self._lex.flags.get(m.group(1).lower(), 0) & (_COM | _F | _L | _PL):
                    cands.append(_Cand("BOOKING_REF", m.start(), m.end(), 0.6))
        if "PERSON" in en:
            self._names(text, cands)
        for typ, rx in self._deny:
            for m in rx.finditer(text):
                cands.append(_Cand(typ, m.start(), m.end(), 1.0, 120))
        for typ, rx in self._extra:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    cands.append(_Cand(typ, m.start(), m.end(), 1.0, 115))
        if not cands and not ("<" in text and "PERSON" in en):
            return []
        ents = self._resolve(text, cands) if cands else []
        if "PERSON" in en:
            ents = self._join_adjacent(text, ents)
        return ents

    def _resolve(self, text: str, cands: list[_Cand]) -> list[Entity]:
        min_score = self.settings.min_score
        cands = [c for c in cands if c.score >= min_score and c.end > c.start]
        # placeholders are never PII
        if "<" in text:
            blocked = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
            if blocked:
                cands = [c for c in cands if not any(c.start < e and s < c.end for s, e in blocked)]
        if len(cands) > 1:
            types = {c.type for c in cands}
            if types & {"CREDENTIAL", "USERNAME"} and types & {"IBAN", "CREDIT_CARD"}:
                # "PIN: IE12 AIBK 0283 ...": the IBAN, not a PIN "IE12"
                sure = [c for c in cands if c.score >= 1.0 and c.type in ("IBAN", "CREDIT_CARD")]
                cands = [c for c in cands if c.type not in ("CREDENTIAL", "USERNAME") or not any(
                    o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end) for o in sure)]
            if "PHONE" in types and "STREET_ADDRESS" in types:
                # phones that a stronger value will not take
                strong = [c for c in cands if c.type in _STRONG_TYPES and c.score >= 0.85]
                phones = [c for c in cands if c.type == "PHONE" and c.score >= 0.85
                          and not any(o.start < c.end and c.start < o.end for o in strong)]
                if phones:
                    cands = [self._after_phone(text, c, phones) if c.type == "STREET_ADDRESS" else c for c in cands]
                    cands = [c for c in cands if c is not None]
        cands.sort(key=lambda c: (-c.prio, -(c.end - c.start), c.start))
        chosen: list[_Cand] = []
        for c in cands:
            clash = [o for o in chosen if c.start < o.end and o.start < c.end]
            if clash and c.type == "PERSON":
                # "my name is kathryn krueger marykate_d26@outlook.com": the name outside the e-mail
                c = _person_rest(text, c, clash)
                if c is None:
                    continue
                clash = []
            if clash and c.type == "PHONE":
                # "+1 310 658 0300 (4380-0940-6856-5030": the part outside the card, if still a number
                c = self._phone_rest(text, c, clash)
                if c is None:
                    continue
                clash = []
            if clash and c.type == "STREET_ADDRESS":
                # an address running into a phone number or e-mail: keep the part before it
                first = min(o.start for o in clash)
                if first - c.start >= 6 and all(o.start >= c.start for o in clash):
                    end = first
                    while end > c.start and text[end - 1] in " \t,.;:-–(":
                        end -= 1
                    c = _Cand(c.type, c.start, end, c.score, c.prio)
                    clash = [o for o in chosen if c.start < o.end and o.start < c.end]
            if clash:
                continue
            if self._allow and text[c.start:c.end].strip().casefold() in self._allow:
                continue
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        return [Entity(c.type, c.start, c.end, round(c.score, 3)) for c in chosen]

    @staticmethod
    def _after_phone(text: str, c: _Cand, phones: list[_Cand]) -> _Cand | None:
        """An address whose house number is the tail of a phone number ("+44 20 7946 0658 I'm Dr.")
        starts after the phone, if a house number is left; else it is no address."""
        for p in phones:
            if p.start < c.start < p.end:
                s = p.end
                while s < c.end and text[s] in " \t,;:-":
                    s += 1
                if s >= c.end or not text[s].isdigit():
                    return None
                return _Cand(c.type, s, c.end, c.score, c.prio)
        return c

    def _phone_rest(self, text: str, c: _Cand, clash: list[_Cand]) -> _Cand | None:
        """The longest part of a phone candidate outside the spans it clashes with, if it is still a
        valid phone number (else None): what a second scan of the scrubbed text would find."""
        cuts = sorted((max(o.start, c.start), min(o.end, c.end)) for o in clash)
        pieces, pos = [], c.start
        for a, b in cuts:
            if a > pos:
                pieces.append((pos, a))
            pos = max(pos, b)
        if pos < c.end:
            pieces.append((pos, c.end))
        best = None
        for a, b in pieces:
            while a < b and text[a] in " \t.-/),;:":
                a += 1
            while b > a and text[b - 1] in " \t.-/(,;:":
                b -= 1
            if b - a < 7 or best is not None and b - a <= best[1] - best[0]:
                continue
            if c.score >= 0.95:  # after a cue ("call me on ..."): as in _cues
                ok = 7 <= sum(ch.isdigit() for ch in text[a:b]) <= 15 and not _DATE_SHAPE.match(text[a:b])
            else:
                ok = self._phone_ok(text, a, b, text[a:b])
            if ok:
                best = (a, b)
        return _Cand("PHONE", best[0], best[1], c.score, c.prio) if best else None

    # ------------------------------------------------------------------ name parts next to a name
    def _join_adjacent(self, text: str, ents: list[Entity]) -> list[Entity]:
        """Grow every PERSON span over the name-like words right next to it, and flag such words
        next to a PERSON placeholder.

        "Hola Julio César", "Dear May Li", "Thanks, Will Smith": the run analysis may keep only
        part of a name when another part is also a month, a place or a common word. Left behind
        next to the placeholder ("Hola Julio <PERSON_1>"), that part would be found on a second
        scan. The same rule (``_joinable``) is applied to detected spans and to placeholders, so
        a scrubbed text holds no word that this step would still join: scrubbing is idempotent.
        """
        has_ph = "<" in text and ("<PERSON>" in text or "<PERSON_" in text)
        out = ents
        taken = None
        people = 0
        changed = False
        for i, ent in enumerate(ents):
            if ent.type != "PERSON":
                continue
            people += 1
            s, e = ent.start, ent.end
            # quick exit: no word right before or after (the usual case)
            if not (s > 1 and text[s - 1] in " \t" and (text[s - 2].isalpha() or text[s - 2] in " \t")) and not (
                    text[e:e + 1] in (" ", "\t") and e + 1 < len(text) and (text[e + 1] in _WORD_START)):
                continue
            if taken is None:
                taken = [(x.start, x.end) for x in ents]
                if has_ph:
                    taken.extend((m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text))
            s, e = self._grow(text, s, e, taken)
            if s != ent.start or e != ent.end:
                taken.append((s, e))
                if out is ents:
                    out = list(ents)
                out[i] = Entity("PERSON", s, e, ent.score)
                changed = True
        if not people and not has_ph:
            return ents
        if has_ph:
            if taken is None:
                taken = [(x.start, x.end) for x in ents]
                taken.extend((m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text))
            if out is ents:
                out = list(ents)
            for m in PLACEHOLDER_RE.finditer(text):
                if m.group(1) != "PERSON":
                    continue
                s, e = self._grow(text, m.start(), m.end(), taken)
                for a, b in ((s, m.start()), (m.end(), e)):
                    while a < b and text[a] in " \t":
                        a += 1
                    while b > a and text[b - 1] in " \t":
                        b -= 1
                    if b > a:
                        out.append(Entity("PERSON", a, b, 0.8))
                        taken.append((a, b))
                        changed = True
            if changed:
                out.sort(key=lambda x: x.start)
        if people > 1:  # "<Julio César> van der <Berg>": one name
            i = 0
            while i + 1 < len(out):
                a, b = out[i], out[i + 1]
                if a.type == b.type == "PERSON" and _PARTICLE_GAP_RE.fullmatch(text, a.end, b.start):
                    if out is ents:
                        out = list(ents)
                    out[i:i + 2] = [Entity("PERSON", a.start, b.end, max(a.score, b.score))]
                else:
                    i += 1
        return out

    def _grow(self, text: str, s: int, e: int, taken: list[tuple[int, int]]) -> tuple[int, int]:
        """text[s:e] widened over the joinable words on both sides that no other span holds."""
        while s and text[s - 1] in " \t":  # leftwards
            w = _word_before(text, s)
            if not w or not self._joinable(text, w[0], w[1], "left", w[2]) or not _free(taken, w[0], s):
                break
            s = w[0]
        while text[e:e + 1] in (" ", "\t"):  # rightwards
            w = _word_after(text, e)
            if not w or not self._joinable(text, w[0], w[1], "right", w[2]) or not _free(taken, e, w[1]):
                break
            e = w[1]
        return s, e

    def _joinable(self, text: str, s: int, e: int, side: str, bridged: bool) -> bool:
        """Is the capitalised word text[s:e], right next to a PERSON span, part of that name?

        Yes when the lexicon knows it as a first name or surname, even if it is also a month, a
        place or a common word ("Julio", "May", "Will", "Florence") -- but not a title, a brand, a
        place indicator ("Street"), an acronym, or a function word ("Can", "Will") unless a
        greeting precedes it ("Hallo Can ..."). An unknown word joins only with a cue: a greeting
        before it on the left, "said"/"here"... after it on the right. A place is not reached
        across a particle ("Dupont de Paris").
        """
        raw = text[s:e]
        if len(raw) < 2:
            return False
        key = _KEY_CACHE.get(raw)
        if key is None:
            key = _KEY_CACHE[raw] = D.norm_key(raw)
        f = self._lex.flags.get(key)
        if f is None:
            f = _token_flags(self._lex, key)
        if f & (_TITLE | _ORG) or (f & _IND and not f & _F):
            return False
        upper = raw.isupper()
        if upper and (len(raw) < 3 or f & (_COM | _PL)):
            return False
        if not upper and not raw[1:].islower() and _MIXED_CASE_RE.search(raw) and not _NAME_PREFIX_RE.match(raw):
            return False
        if not f & (_F | _L):
            # an unknown word ("Xochitl", "Łucja"): only with a cue, as a lone word would need one
            if upper or key in D.FUNCTION_WORDS or self._category(f, raw) != _C_U:
                return False
            if side == "left":
                return self._cue(text, s) > 0
            return bool(_SUFFIX_CUE_RE.match(text[e:e + 40]))
        if key in D.FUNCTION_WORDS or key in _GREETING_TOKENS or key in _MODALS:
            return side == "left" and self._cue(text, s) > 0  # "Will <Anna> call?", but "Hallo Can <Öztürk>"
        if f & _PL and (bridged or not (side == "left" and self._cue(text, s))
                        and self._place_context(text, s, e, coord=False)):
            return False  # "Anna Smith London office", "Dupont de Paris"
        return True

    # ------------------------------------------------------------------ urls
    def _urls(self, text: str, cands: list[_Cand]) -> None:
        for m in _URL_RE.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in ".,;:!?)]}'\"":
                e -= 1
            url = text[s:e]
            path = "/" + url.split("://", 1)[-1].partition("/")[2]
            if ("@" in url or "%40" in url or _SOCIAL_RE.search(url) or _URL_PERSONAL_KEYS.search(url)
                    or (len(path) > 1 and _URL_ID_PATH.search(path))):
                cands.append(_Cand("URL", s, e, 0.9))

    # ------------------------------------------------------------------ cue-based types
    def _cues(self, text: str, low: str, has_digit: bool, cands: list[_Cand]) -> list[tuple[int, int]]:
        """Cue-anchored values. Returns the phone numbers after a cue that were too long: they may
        run into another value ("Telefon 11100586) 153-89-9360"), see ``_cut_phones``."""
        en = self._enabled
        add = cands.append
        long_phones: list[tuple[int, int]] = []
        tried: set[tuple[str, int]] = set()
        handlers_of = _KW_HANDLERS
        for kw in _WORD_RE.finditer(low):
            w = kw.group()
            hs = handlers_of.get(w)
            if hs is None:
                w = w.rstrip(".-'’:")
                hs = handlers_of.get(w)
                if hs is None:
                    continue
            p = kw.start()
            for h in hs:
                if (h in _NEEDS_DIGIT and not has_digit) or (h, p) in tried:
                    continue
                tried.add((h, p))
                if h == "booking":
                    if "BOOKING_REF" in en:
                        m = _BOOKING_RE.match(text, p)
                        if not m and has_digit:
                            m = _BOOKING_LOOSE_RE.match(text, p)
                        if m:
                            val = m.group(1)
                            if m.group(0)[:1] in "tT" and val.isdigit() and len(val) < 10:
                                continue  # "ticket #48213" is a support case; e-tickets have 13 digits
                            if "-" in val and not _HAS_DIGIT.search(val) and (
                                    val.islower() or val.istitle()) and self._lex.flags.get(
                                    val.split("-", 1)[1].lower(), 0) & (_COM | _F | _L | _PL):
                                continue  # "booking re-issued"
                            if len(val) >= 5:
                                add(_Cand("BOOKING_REF", m.start(1), m.end(1), 0.9))
                elif h == "phone":
                    if "PHONE" in en:
                        m = _PHONE_CUE_RE.match(text, p)
                        if m:
                            val = m.group(1).strip()
                            digits = sum(ch.isdigit() for ch in val)
                            if 7 <= digits <= 15 and not _DATE_SHAPE.match(val):
                                add(_Cand("PHONE", m.start(1), m.end(), 0.95))
                            elif digits > 15:
                                long_phones.append((m.start(1), m.end(1)))
                elif h == "lowername":
                    if "PERSON" in en:
                        m = _LOWER_NAME_RE.match(text, p)
                        if m:
                            self._lower_name(text, m, add)
                elif h == "passport":
                    if "PASSPORT" in en:
                        m = _PASSPORT_RE.match(text, p)
                        if m:
                            add(_Cand("PASSPORT", m.start(1), m.end(1), 0.95))
                elif h == "id":
                    if "ID_NUMBER" in en:
                        m = _ID_CUE_RE.match(text, p)
                        if m and sum(ch.isdigit() for ch in m.group(1)) >= 5:
                            add(_Cand("ID_NUMBER", m.start(1), m.end(1), 0.9))
                elif h == "dob":
                    if "DATE_OF_BIRTH" in en:
                        m = _DOB_RE.match(text, p)
                        if m:
                            add(_Cand("DATE_OF_BIRTH", m.start(1), m.end(1), 0.95))
                elif h == "born":
                    if "DATE_OF_BIRTH" in en:
                        m = _BORN_IN_RE.match(text, p)
                        if m:
                            add(_Cand("DATE_OF_BIRTH", m.start(1), m.end(1), 0.8))
                elif h == "ssn":
                    if "SSN" in en:
                        m = _SSN_CUE_RE.match(text, p)
                        if m:
                            d = re.sub(r"\D", "", m.group(1))
                            if ssn_ok(d[:3], d[3:5], d[5:]):
                                add(_Cand("SSN", m.start(1), m.end(1), 1.0))
                elif h == "cvv":
                    if "CREDIT_CARD" in en:
                        m = _CVV_RE.match(text, p)
                        if m:
                            add(_Cand("CREDIT_CARD", m.start(1), m.end(1), 0.9))
                elif h == "address":
                    if "STREET_ADDRESS" in en:
                        m = _ADDR_CUE_RE.match(text, p)
                        if m:
                            end = self._address_end(text, m.end())
                            val = text[m.end():end]
                            if end - m.end() >= 6 and _HAS_DIGIT.search(val) and re.search(r"[^\W\d_]", val):
                                add(_Cand("STREET_ADDRESS", m.end(), end, 0.85))
                elif h == "credential":
                    if "CREDENTIAL" in en:
                        m = _CREDENTIAL_RE.match(text, p)
                        if m:
                            val = m.group("val")
                            key = val.lower()
                            explicit = ":" in m.group("fill") or "=" in m.group("fill")
                            strong_shape = (any(c.isdigit() for c in val) or not val.isalnum()
                                            or (not val.islower() and not val.istitle() and not val.isupper()))
                            if (explicit or strong_shape) and not (self._lex.flags.get(key, 0) & _COM
                                                                   or key in D.FUNCTION_WORDS):
                                add(_Cand("CREDENTIAL", m.start("val"), m.end("val"), 0.9))
                elif h == "username":
                    if "USERNAME" in en:
                        m = _USERNAME_RE.match(text, p)
                        if m:
                            val = m.group("val")
                            key = val.lower().lstrip("@")
                            if not (self._lex.flags.get(key, 0) & _COM or key in D.FUNCTION_WORDS) and (
                                    any(c.isdigit() for c in val) or any(c in "._@-" for c in val) or len(val) >= 5):
                                add(_Cand("USERNAME", m.start("val"), m.end("val"), 0.85))
                elif h == "postcode":
                    if "STREET_ADDRESS" in en:
                        m = _POSTCODE_CUE_RE.match(text, p)
                        if m:
                            add(_Cand("STREET_ADDRESS", m.start(1), m.end(1), 0.8))

        return long_phones

    @staticmethod
    def _cut_phones(text: str, long_phones: list[tuple[int, int]], cands: list[_Cand]) -> None:
        """A cued phone number that ran into a stronger value ends where that value starts."""
        spans = _strong_spans(cands)
        for s, e in long_phones:
            cut = min((a for a, b in spans if s < a < e), default=None)
            if cut is None:
                continue
            while cut > s and not text[cut - 1].isdigit():
                cut -= 1
            val = text[s:cut]
            if 7 <= sum(ch.isdigit() for ch in val) <= 15 and not _DATE_SHAPE.match(val):
                cands.append(_Cand("PHONE", s, cut, 0.95))

    @staticmethod
    def _address_end(text: str, start: int) -> int:
        limit = min(len(text), start + 130)
        pos = start
        while True:
            m = _ADDR_STOP_RE.search(text, pos, limit)
            if not m:
                end = limit
                break
            if m.group() == "." and m.start() > start:
                word = text[max(start, m.start() - 6):m.start()].split()
                if word and word[-1].lower() in _ABBREV_BEFORE_DOT:
                    pos = m.end()
                    continue
            end = m.start()
            break
        while end > start and text[end - 1] in " \t,.;:-–(":
            end -= 1
        return end

    # ------------------------------------------------------------------ digit-bearing types
    def _digits(self, text: str, low: str, cands: list[_Cand]) -> None:
        en = self._enabled
        add = cands.append
        ndig = sum(map(text.count, "0123456789"))
        if "IBAN" in en and ndig >= 8:
            pos = 0
            while True:
                m = _IBAN_RE.search(text, pos)
                if not m:
                    break
                end = self._iban(text, m)
                if end:
                    add(_Cand("IBAN", m.start(), end, 1.0))
                # a failed candidate does not swallow the IBAN right after it ("MX22M9 Devolvedlo a
                # mi IBAN ES93 ..."): search again after its first four characters
                pos = end or m.start(3)
        if "SSN" in en and ndig >= 9 and "-" in text:
            for m in _SSN_RE.finditer(text):
                if ssn_ok(*m.groups()):
                    add(_Cand("SSN", m.start(), m.end(), 0.85))
        if "IP_ADDRESS" in en:
            if ndig >= 4 and text.count(".") >= 3:
                for m in _IPV4_RE.finditer(text):
                    if not _VERSION_BEFORE_RE.search(text, max(0, m.start() - 9), m.start()):
                        add(_Cand("IP_ADDRESS", m.start(), m.end(), 0.9))
            if "::" in text or text.count(":") >= 7:
                for m in _IPV6_RE.finditer(text):
                    if sum(ch not in ":." for ch in m.group()) < 4:
                        continue  # "::", "::1": no one's address
                    try:
                        ipaddress.IPv6Address(m.group())
                    except ValueError:
                        continue
                    add(_Cand("IP_ADDRESS", m.start(), m.end(), 0.95))
        if "ID_NUMBER" in en and ndig >= 6:
            if ndig >= 8:
                for m in _DNI_RE.finditer(text):
                    if dni_ok(m.group(1), m.group(2)):
                        add(_Cand("ID_NUMBER", m.start(), m.end(), 0.95))
            for m in _NIE_RE.finditer(text):
                if nie_ok(*m.groups()):
                    add(_Cand("ID_NUMBER", m.start(), m.end(), 0.95))
            for m in _NINO_RE.finditer(text):
                if m.group(1) not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
                    add(_Cand("ID_NUMBER", m.start(), m.end(), 0.85))
            if ndig >= 13:
                for m in _NIR_RE.finditer(text):
                    if nir_ok(m.groups()):
                        add(_Cand("ID_NUMBER", m.start(), m.end(), 0.95))
        if "BOOKING_REF" in en:
            for m in _PNR_SHAPE_RE.finditer(text):
                v = m.group()
                # interleaved letters and digits ("X7K9QZ"), not "LH4001" / "BAW283" / "1012AB"
                if (not v.isalpha() and not v.isdigit()
                        and not _NOT_PNR_RE.fullmatch(v) and sum(ch.isalpha() for ch in v) >= 2):
                    add(_Cand("BOOKING_REF", m.start(), m.end(), 0.6))
        if "BOOKING_REF" in en and "-" in text:
            for m in _REF_SHAPE_RE.finditer(text):
                add(_Cand("BOOKING_REF", m.start(), m.end(), 0.65))
        if "STREET_ADDRESS" in en:
            rxs = [_ADDR_EN_RE]
            if any(w in low for w in _ADDR_FR_WORDS):
                rxs.append(_ADDR_FR_RE)
            if any(w in text for w in _ADDR_TYPE_FIRST_WORDS):
                rxs.append(_ADDR_TYPE_FIRST_RE)
            if any(w in low for w in _ADDR_DE_WORDS):
                rxs.append(_ADDR_DE_RE)
            for rx in rxs:
                for m in rx.finditer(text):
                    if rx is _ADDR_EN_RE and _PRONOUN_I_RE.search(m.group()):
                        continue  # "0658 I'm Dr. Davies": no street
                    add(_Cand("STREET_ADDRESS", m.start(), m.end(), 0.85))
        # Digit runs (cards, phones) are scanned around the values already found: a match that fails
        # its checks where it runs into one ("NL07 ABNA 6172 8630 57 4427 4706 1597 4443": an IBAN,
        # then a card) is cut there and the scan goes on after it, as a second scan of the scrubbed
        # text would see it.
        cards = "CREDIT_CARD" in en and ndig >= 13
        phones = "PHONE" in en and ndig >= 8
        strong: list[tuple[int, int]] = []
        soft: list[tuple[int, int]] = []
        if cands and (cards or phones):
            strong = _strong_spans(cands)
            soft = sorted((c.start, c.end) for c in cands if c.type == "STREET_ADDRESS" and c.score >= 0.85)
        card_misses: list[tuple[int, int]] = []
        if cards:
            found = [(c.start, c.end) for c in cands]

            def card_end(s: int, e: int) -> int:
                span = self._card(text[s:e])
                if not span:
                    return 0
                head = _IBAN_HEAD_RE.search(text, max(0, s - 6), s)  # "DE89 3704 ...": an IBAN's digits
                if head and not any(a <= head.start() < b for a, b in found):  # (not the end of a found value)
                    return 0
                return s + span

            def card_try(s: int, e: int) -> int:
                end = card_end(s, e)
                if not end:
                    card_misses.append((s, e))
                return end

            n_before = len(cands)
            for s, e in _scan(_CARD_RE, text, strong, card_try, card_end, soft=soft):
                add(_Cand("CREDIT_CARD", s, e, 1.0))
            if len(cands) > n_before:
                strong = _strong_spans(cands)
        if phones:
            n_before = len(cands)
            for s, e in _scan(_PHONE_RE, text, strong,
                              lambda s, e: e if self._phone_ok(text, s, e, text[s:e]) else 0,
                              lambda s, e: self._phone_prefix(text, s, e) if e > s else 0, outranked=True, soft=soft):
                add(_Cand("PHONE", s, e, 0.85))
            if card_misses and any(c.start < me and ms < c.end for c in cands[n_before:] for ms, me in card_misses):
                # a card right after a phone number ("0591 602 39 58 4654312734202799"): scan again
                have = {(c.start, c.end) for c in cands if c.type == "CREDIT_CARD"}
                for s, e in _scan(_CARD_RE, text, _strong_spans(cands, phones=True), card_end, card_end, soft=soft):
                    if (s, e) not in have:
                        add(_Cand("CREDIT_CARD", s, e, 1.0))
            if ndig >= 9:
                for m in _PHONE_LINE_RE.finditer(text):
                    val = m.group(1)
                    digits = sum(ch.isdigit() for ch in val)
                    if 9 <= digits <= 15 and not _DATE_SHAPE.match(val):
                        add(_Cand("PHONE", m.start(1), m.end(1), 0.75))

    @staticmethod
    def _card(raw: str) -> int:
        """Length of the longest valid card number at the start of ``raw`` (0 if none)."""
        groups = re.split(r"[ -]", raw)
        for n in range(len(groups), 0, -1):
            digits = "".join(groups[:n])
            if not 13 <= len(digits) <= 19:
                continue
            if n > 1 and any(len(g) < 3 for g in groups[: n - 1]):
                continue
            if digits[0] not in "123456" or len(set(digits)) == 1 or not luhn_ok(digits):
                continue
            return len(" ".join(groups[:n]))
        return 0

    @staticmethod
    def _iban(text: str, m: re.Match) -> int:
        cc = m.group(1).upper()
        length = _IBAN_LEN.get(cc)
        if not length:
            return 0
        need = length - 4
        chars = []
        pos = m.start(3)
        end = m.end(3)
        while pos < end and len(chars) < need:
            ch = text[pos]
            if ch.isalnum():
                chars.append(ch)
            pos += 1
        if len(chars) < need:
            return 0
        if pos < len(text) and text[pos].isalnum() and text[pos - 1].isalnum():
            return 0  # the IBAN must end at a token boundary
        return pos if iban_ok(cc + m.group(2) + "".join(chars)) else 0

    def _phone_prefix(self, text: str, s: int, e: int) -> int:
        """End of the longest valid phone number text[s:end], end <= e at a digit group boundary
        (0 if none)."""
        for cut in [e] + [m.start() for m in reversed(list(_GROUP_SEP_RE.finditer(text, s, e)))]:
            end = cut
            m = _DANGLING_EXT_RE.search(text, s, end)  # "525 140 659 x <SSN>"
            if m:
                end = m.start()
            while end > s and text[end - 1] in " .-/(":
                end -= 1
            if end > s and self._phone_ok(text, s, end, text[s:end]):
                return end
        return 0

    @staticmethod
    def _phone_ok(text: str, s: int, e: int, val: str) -> bool:
        digits = sum(ch.isdigit() for ch in val)
        intl = val.startswith(("+", "00"))
        if digits < (8 if intl else 9) or digits > 15:
            return False
        core = re.sub(r"\s*(?:ext\.?|extension|x|#|poste|Durchwahl|DW)\s*\d{1,5}$", "", val)
        if _DATE_SHAPE.match(core):
            return False
        if not intl and not core.startswith(("0", "(")) and not _NANP_RE.fullmatch(core):
            # no trunk prefix: only well-known national groupings, never amounts ("1 249 000")
            if not _NATIONAL_SHAPES_RE.fullmatch(core):
                return False
        before = text[max(0, s - 24):s].lower().replace(":", " ").replace("#", " # ").split()
        if before and (before[-1].rstrip(".") in _PHONE_BLOCK_WORDS or before[-1][:1] in "€$£#"):
            return False
        if _PHONE_BLOCK_AFTER.match(text[e:e + 10]):
            return False
        return True

    # ------------------------------------------------------------------ names
    @staticmethod
    def _cue(text: str, pos: int) -> int:
        """2: strong name cue right before ``pos`` ("my name is", "Mr."); 1: weak ("Hi", "Thanks,",
        a "-- " signature); 0: none. A cue does not reach across a sentence end or a blank line
        ("Safe travels!\n\nKind regards" is not "Safe travels, Kind")."""
        window = text[max(0, pos - 48):pos]
        t = window.rstrip(" \t")
        if t.endswith(_SIG_DASHES):
            line = t.rstrip("-—–~ \t")
            if not line or line.endswith("\n"):
                return 1
        stripped = t.rstrip(_CUE_STRIP)
        words = stripped.lower().replace("’", "'").split()
        best = 0
        for k in range(1, min(5, len(words)) + 1):
            phrase = " ".join(words[-k:]).lstrip(_CUE_STRIP)
            c = _CUE_PHRASES.get(phrase, 0)
            if c > best:
                best = c
                if best == 2:
                    break
        if best:
            tail = window[len(stripped):]
            if "\n\n" in tail or "!" in tail or "?" in tail or (
                    "." in tail and not (words and words[-1] in _TITLE_WORDS)):
                return 0
        return best

    def _names(self, text: str, cands: list[_Cand]) -> None:
        lex = self._lex
        flags_of = lex.flags
        add = cands.append
        for run in _RUN_RE.finditer(text):
            rs, re_ = run.start(), run.end()
            toks = []  # (start, end, key, flags, raw)
            run_text = text[rs:re_]
            p = 0
            for raw in run_text.split():
                p = run_text.find(raw, p)
                key = _KEY_CACHE.get(raw)
                if key is None:
                    key = D.norm_key(raw)
                    if len(_KEY_CACHE) > 200_000:
                        _KEY_CACHE.clear()
                    _KEY_CACHE[raw] = key
                f = flags_of.get(key)
                if f is None:
                    f = _token_flags(lex, key)
                toks.append((rs + p, rs + p + len(raw), key, f, raw))
                p += len(raw)
            if not toks:
                continue
            # quick exit: a single common word / place / unknown token with nothing before it
            if len(toks) == 1:
                f = toks[0][3]
                if not f & (_F | _L) and (f & (_COM | _PL | _TITLE | _IND) or toks[0][1] - toks[0][0] < 2):
                    continue
                if not f and not self._cue(text, toks[0][0]) and not _SUFFIX_CUE_RE.match(text[toks[0][1]:toks[0][1] + 40]):
                    continue
            self._analyse_run(text, toks, add)
        self._coordinated(text, cands)
        if "\n" in text:
            pos = 0
            while True:
                m = _SIGNOFF_RE.search(text, pos)
                if not m:
                    break
                self._signature(text, m, add)
                pos = m.start("name")
        if _HAS_CJK.search(text):
            for m in _CJK_RE.finditer(text):
                if self._cue(text, m.start()):
                    add(_Cand("PERSON", m.start(), m.end(), 0.8))
        if "/" in text:
            for m in _PNR_NAME_RE.finditer(text):
                given = flags_of.get(D.norm_key(m.group(2)), 0)
                if m.group(3) or (given & _F and not given & _COM and len(m.group(1)) > 2):
                    add(_Cand("PERSON", m.start(), m.end(2), 0.9))

    def _signature(self, text: str, m: re.Match, add) -> None:
        name = m.group("name")
        if name.lower().startswith(("sent from", "on ")):
            return
        words = name.split()
        flags = [self._lex.flags.get(D.norm_key(w), 0) for w in words]
        first_key = D.norm_key(words[0])
        if first_key in D.FUNCTION_WORDS or any(f & _ORG for f in flags):
            return
        if all(f & (_COM | _IND) for f in flags):
            return  # "Customer Service", "Travel Team", "Kind regards"
        if flags[0] & _COM and not flags[0] & (_F | _L):
            return
        add(_Cand("PERSON", m.start("name"), m.end("name"), 0.85, 65))

    def _coordinated(self, text: str, cands: list[_Cand]) -> None:
        """"Leo and Mia", "Chloe y Lucía": a name-like word joined to a detected name is a name too."""
        flags_of = self._lex.flags
        seen = {(c.start, c.end) for c in cands if c.type == "PERSON"}
        for c in [c for c in cands if c.type == "PERSON"]:
            m = _COORD_NAME_RE.match(text, c.end)
            if not m:
                continue
            f = flags_of.get(D.norm_key(m.group(1)), 0)
            if not f & (_F | _L) or f & (_PL | _ORG | _TITLE) and not f & _F or f & _COM and not f & _F:
                continue
            if f & _COM and f & _F and not f & _AMB:
                continue
            end = m.end(1)
            if m.group(2):
                f2 = flags_of.get(D.norm_key(m.group(2)), 0)
                if f2 & _L and not f2 & (_COM | _PL):
                    end = m.end(2)
            if (m.start(1), end) not in seen:
                cands.append(_Cand("PERSON", m.start(1), end, 0.7))
                seen.add((m.start(1), end))

    def _lower_name(self, text: str, m: re.Match, add) -> bool:
        """A lower-case name after a cue: "my name is john smith", "thanks maria", "under anna nowak"."""
        strong = m.group("strong") is not None
        # a naming phrase ("my name is", "me llamo"; not a bare "under"): a first name that is also a
        # common word or a month is a name here ("me llamo julio")
        named = strong and m.group("strong").split()[0].lower() not in ("under", "booked")
        flags_of = self._lex.flags
        start = m.start("ws")
        end = None
        pos = start
        pending_particle = False
        words = m.group("ws").split()
        for i, w in enumerate(words):
            wpos = text.index(w, pos)
            pos = wpos + len(w)
            if not w.islower():
                break  # capitalised words are the run analysis' business
            key = D.norm_key(w)
            f = flags_of.get(key, 0)
            if i == 0:
                ok = (f & _F and not f & (_AMB | _COM | _PL)) or (
                    strong and not f & (_COM | _TITLE) and len(w) > 1 and key not in D.FUNCTION_WORDS) or (
                    named and f & _F and not f & _TITLE and key not in D.FUNCTION_WORDS)  # "me llamo julio"
                if not ok and f & _F and not f & _COM and text[pos:pos + 1] in ("!", ",", ".", "?", ""):
                    ok = True  # "thanks sofia!": a name addressed, even if it is also a place
                if not ok and f & _F and key not in D.FUNCTION_WORDS and len(words) > 1 and words[1].islower():
                    nxt = next((x for x in words[1:] if x.lower() not in _PARTICLES), "")  # "soy pilar de la cruz"
                    f2 = flags_of.get(D.norm_key(nxt), 0) if nxt.islower() else 0
                    ok = bool(f2 & _L and not f2 & _PL)  # "this is donna smith"
            elif w.lower() in _PARTICLES:
                pending_particle = True
                continue
            else:  # "my husband david will travel": a modal after a lower-case name is the verb
                ok = key not in D.FUNCTION_WORDS and key not in _MODALS and (
                    (f & (_L | _F) and not (f & _COM and not f & _L)) or (strong and not f & _COM)
                    or pending_particle)
            if not ok:
                break
            end = pos
            pending_particle = False
        if end is None:
            return False
        add(_Cand("PERSON", start, end, 0.9 if strong else 0.8))
        return True

    def _category(self, f: int, raw: str) -> int:
        if raw.endswith(".") and len(raw) == 2:
            return _C_INIT
        if raw.islower():
            return _C_PART
        if len(raw) <= 3 and raw.lower() in _PARTICLES and not (raw.isupper() and len(raw) > 1):
            return _C_PART  # "De Sousa", "Van Dijk", "Ó Loinne": inside a name only
        if not raw[1:].islower() and not raw.isupper() and _MIXED_CASE_RE.search(raw) and not _NAME_PREFIX_RE.match(raw):
            return _C_U if not f & (_COM | _PL | _IND | _TITLE) else _C_STOP  # "LoRA", "GitHub", "JetBlue"
        if len(raw) > 1 and raw.isupper() and len(raw) <= 3 and not f & _F:
            return _C_STOP  # acronyms: KLM, PNR, DOB
        if f & _TITLE:
            return _C_STOP
        if f & _ORG:
            return _C_PLACE  # airline / hotel brand ("Hilton", "Delta"), a name only after a strong cue
        if raw.isupper() and len(raw) > 1 and raw.lower() in self._lex.caps_places:
            return _C_PLACE  # "ANA", "TAP" (but "Ana" is a name)
        if f & _F:
            if f & (_AMB | _COM):
                return _C_AF
            if f & _PL:
                return _C_FP
            return _C_F
        if f & _PL:
            return _C_L if f & _L and not f & (_MAJ | _ORG) else _C_PLACE
        if f & (_COM | _IND):
            return _C_L if (f & _L and not f & _IND) else _C_STOP
        if f & _L:
            return _C_L
        return _C_U

    def _analyse_run(self, text: str, toks: list, add) -> None:
        lex = self._lex
        n = len(toks)
        cat = [self._category(t[3], t[4]) for t in toks]
        # all-caps words: a known first name next to a known surname or unknown all-caps word
        # ("ELENA PETROVA"); never acronyms or shouted common words ("THE AUTHORS")
        caps = [len(t[4]) > 1 and t[4].isupper() for t in toks]
        if any(caps):
            for i, t in enumerate(toks):
                if not caps[i] or cat[i] not in _NAMEY:
                    continue
                if cat[i] in (_C_AF, _C_FP) or t[3] & _COM:
                    cat[i] = _C_STOP
            for i, t in enumerate(toks):
                if not caps[i] or cat[i] not in _NAMEY:
                    continue
                near_f = any(0 <= j < n and caps[j] and cat[j] == _C_F for j in (i - 1, i + 1))
                if cat[i] == _C_F:
                    ok = any(0 <= j < n and caps[j] and cat[j] in (_C_L, _C_U, _C_F) for j in (i - 1, i + 1))
                else:
                    ok = near_f
                if not ok:
                    cat[i] = _C_STOP
        is_place = [False] * n
        # a surname that is also a city, right after a first name: "Owen Bolton", "Alicia Flores"
        for i in range(1, n):
            if cat[i] == _C_PLACE and toks[i][3] & _L and not toks[i][3] & _ORG and cat[i - 1] in (_C_F, _C_FP):
                cat[i] = _C_L
        # 1. multi-token places ("Rio de Janeiro", "Charles de Gaulle", "Holiday Inn Express")
        i = 0
        while i < n:
            f = toks[i][3]
            if f & _PSTART:
                for cand in lex.multi.get(toks[i][2], ()):
                    k = len(cand)
                    if k <= n - i and all(toks[i + j][2] == cand[j] for j in range(k)):
                        for j in range(i, i + k):
                            is_place[j] = True
                        i += k
                        break
                else:
                    i += 1
                continue
            i += 1
        # "the Burj Al Arab", "at the Ritz": a capitalised run right after "the" is a place or thing
        rs = toks[0][0]
        if rs >= 4 and text[rs - 4:rs].lower() == "the " and self._cue(text, rs) < 2:
            return
        # 2. place indicators bind their neighbours ("Hotel Maria Cristina", "Victoria Station")
        for i in range(n):
            f = toks[i][3]
            if f & _ORG and not f & _IND:
                j = i + 1  # "Barceló Geneva", "Hilton Garden Inn Munich"
                while j < n and cat[j] in _NAMEY | {_C_PLACE}:
                    is_place[j] = True
                    j += 1
                continue
            if not f & _IND:
                continue
            if f & _TITLE:
                continue
            weak = bool(f & _WIND)
            left_first = i > 0 and cat[i - 1] in (_C_F, _C_AF, _C_FP) and not is_place[i - 1]
            right = i + 1 < n and cat[i + 1] in _NAMEY | {_C_PLACE}
            left = i > 0 and cat[i - 1] in _NAMEY | {_C_PLACE}
            if weak:
                if f & _F and not (left and not left_first):
                    continue  # "Hi Marina", "Anna Park": the indicator is a name here
                if left_first and not right:
                    continue
            if not (left or right):
                continue
            is_place[i] = True
            j = i - 1
            while j >= 0 and cat[j] in _NAMEY | {_C_PLACE, _C_PART, _C_INIT}:
                is_place[j] = True
                j -= 1
            j = i + 1
            while j < n and cat[j] in _NAMEY | {_C_PLACE, _C_PART, _C_INIT}:
                is_place[j] = True
                j += 1
        # 3. segments of name-like tokens
        i = 0
        while i < n:
            after_title = i > 0 and _is_title(toks[i - 1]) and cat[i - 1] == _C_STOP
            if (is_place[i] and not after_title) or cat[i] not in _NAMEY and not (cat[i] == _C_PLACE):
                i += 1
                continue
            start_i = i
            # cue for this segment: a stop token just before it in the run, else the text before the run
            cue = 0
            if i > 0:
                pk = toks[i - 1][2]
                pf = toks[i - 1][3]
                if _is_title(toks[i - 1]):
                    cue = 2
                elif pk in _GREETING_TOKENS:
                    cue = 1
                elif cat[i - 1] == _C_PART:
                    cue = 0
            else:
                cue = self._cue(text, toks[0][0])
            if cue == 2:
                # strong cue: take up to 4 tokens whatever they are (but stop at common words)
                j = i
                while j < n and j - i < 7 and sum(cat[k] != _C_PART for k in range(i, j)) < 4 and (cat[j] in _NAMEY or cat[j] in (_C_PLACE, _C_INIT, _C_PART)
                                               or is_place[j]) and (cat[j] == _C_PART or not (
                                                   toks[j][3] & _COM and not toks[j][3] & (_F | _L))):
                    j += 1
                while j > i and cat[j - 1] == _C_PART:
                    j -= 1
                if j > i:
                    add(_Cand("PERSON", toks[i][0], toks[j - 1][1], 0.95, 65))
                    i = j
                    continue
                i += 1
                continue
            if cat[i] == _C_PLACE:
                i += 1
                continue
            j = i
            while j < n and not is_place[j] and (
                    cat[j] in _NAMEY or (cat[j] in (_C_PART, _C_INIT) and j + 1 < n and cat[j + 1] in _NAMEY)
                    or (cat[j] == _C_INIT and j > i)):
                j += 1
            seg = list(range(start_i, j))
            while seg and cat[seg[-1]] == _C_PART:
                seg.pop()
            if seg:
                self._decide(text, toks, cat, seg, cue, add)
            i = max(j, i + 1)

    def _decide(self, text: str, toks: list, cat: list, seg: list[int], cue: int, add) -> None:
        names = [k for k in seg if cat[k] in _NAMEY]
        if not names:
            return
        m = _NOT_PERSON_AFTER_RE.match(text, toks[seg[-1]][1]) if cue < 2 else None
        if m and not (m.group()[-1].isdigit() and (_IPV4_RE.fullmatch(m.group().strip())
                                                   or _NANP_RE.fullmatch(m.group().strip()))):
            return  # "Dear Wanderly team", "Safari 17.2", "Anna Travel GmbH" (not "Anna 10.0.0.7")
        c0 = cat[names[0]]
        s, e = toks[seg[0]][0], toks[seg[-1]][1]
        if len(names) == 1:
            k = names[0]
            f = toks[k][3]
            if c0 == _C_F:
                if len(toks[k][4]) < 3 and not cue:
                    return
                add(_Cand("PERSON", s, e, 0.75 if not cue else 0.9))
                return
            suffix = bool(_SUFFIX_CUE_RE.match(text[e:e + 40])) or self._vocative(text, s, e)
            if c0 == _C_FP:
                if self._place_context(text, s, e):
                    return
                if cue or suffix:
                    add(_Cand("PERSON", s, e, 0.8))
                elif not f & _MAJ:
                    add(_Cand("PERSON", s, e, 0.55))
                return
            if c0 == _C_AF:
                if cue or suffix:
                    add(_Cand("PERSON", s, e, 0.8))
                return
            # surname or unknown word alone
            if (cue or suffix) and len(toks[k][4]) > 1:
                if cue == 1 and toks[k][4].isupper() and len(toks[k][4]) > 1 and not f & (_F | _L):
                    return  # "Hi ASAP"
                add(_Cand("PERSON", s, e, 0.75))
            return
        # two or more name-like tokens
        cats = [cat[k] for k in names]
        if cats[0] == _C_AF and len(cats) > 1 and cats[1] in (_C_F, _C_FP) and not toks[names[1]][3] & _L:
            # "Will Anna call?": drop the ambiguous word
            s = toks[names[1]][0]
            cats = cats[1:]
            names = names[1:]
            if len(names) == 1:
                self._decide(text, toks, cat, names, cue, add)
                return
        has_first = any(c in (_C_F, _C_AF, _C_FP) for c in cats)
        if cats[0] in (_C_F, _C_AF, _C_FP):
            rest = [toks[k][3] for k in names[1:]]
            if cats[0] == _C_FP and self._place_context(text, s, toks[names[0]][1]) and not any(
                    r & _L for r in rest):
                return
            if cats[0] == _C_AF and not cue and not any(r & _L for r in rest):
                return  # "Will May", "Happy Eyeballs": an ambiguous word needs a surname or a cue
            add(_Cand("PERSON", s, e, 0.9 if cue else 0.85))
            return
        if has_first:
            # surname first ("Kowalczyk Anna") or unknown word + first name ("Congrats Anna")
            first_idx = next(i for i, c in enumerate(cats) if c in (_C_F, _C_AF, _C_FP))
            if cats[0] == _C_L:
                add(_Cand("PERSON", s, e, 0.7))
            elif cue:  # "Hallo Łucja Te Whiu Can Ødegård": after a greeting it is all one name
                add(_Cand("PERSON", s, e, 0.8))
            else:
                s2 = toks[names[first_idx]][0]
                if cats[first_idx] == _C_F or (len(names) - first_idx) > 1:
                    add(_Cand("PERSON", s2, e, 0.75))
            return
        if cue or _SUFFIX_CUE_RE.match(text[e:e + 40]):
            add(_Cand("PERSON", s, e, 0.8))

    @staticmethod
    def _vocative(text: str, s: int, e: int) -> bool:
        before = text[max(0, s - 12):s].rstrip(" \t")
        if before and before[-1] not in ".!?\n" and not before.lower().endswith(("hi", "hello", "hey", "dear")):
            return False
        return bool(_VOCATIVE_RE.match(text, e))

    def _place_context(self, text: str, s: int, e: int, coord: bool = True) -> bool:
        """A preposition before ("to", "in"), a place word after ("airport", "trip") or, with
        ``coord``, a list of places around ("Paris, Florence and Victoria")."""
        before = text[max(0, s - 20):s].lower().split()
        if before and (before[-1] in _PLACE_PREPS or " ".join(before[-2:]) == "back to"):
            return True
        after = text[e:e + 40]
        if _PLACE_AFTER_RE.match(after):
            return True
        if not coord:
            return False
        m = _COORD_AFTER_RE.match(after)
        if m:
            f = self._lex.flags.get(D.norm_key(m.group(1)), 0)
            if f & _PL and not f & _F and not self._name_part(text, e + m.start(1), e + m.end(1), f, "right"):
                return True
        m = _COORD_BEFORE_RE.search(text, max(0, s - 40), s)
        if m and m.group(1).lower() not in _GREETING_TOKENS:  # "Hola, Paz" is not a list of places
            f = self._lex.flags.get(D.norm_key(m.group(1)), 0)
            if f & _PL and not f & _F and not self._name_part(text, m.start(1), m.end(1), f, "left"):
                return True
        return False

    def _name_part(self, text: str, s: int, e: int, f: int, side: str) -> bool:
        """Is the place-like word text[s:e] the surname of a full name ("Anna López, Florence ...":
        López is no evidence that Florence is a place; once scrubbed it is a placeholder)?"""
        if not f & _L:
            return False
        w = _word_before(text, s) if side == "left" else _word_after(text, e)
        if not w:
            return False
        other = D.norm_key(text[w[0]:w[1]])
        g = self._lex.flags.get(other, 0)
        if not g & (_F | _L) or g & (_TITLE | _ORG):
            return False
        first, second = (other, D.norm_key(text[s:e])) if side == "left" else (D.norm_key(text[s:e]), other)
        return not any(c[:2] == (first, second) for c in self._lex.multi.get(first, ()))  # "Hong Kong"

    # ------------------------------------------------------------------ scrubbing
    def _placeholder(self, typ: str, value: str, mapping: dict) -> str:
        if self.settings.placeholder_style == "typed":
            return placeholder(typ)
        key = f"{typ}\x1f{_norm_value(typ, value)}"
        ph = mapping.get(key)
        if ph is None:
            if typ == "PERSON":
                ph = _person_alias(mapping, key)
            if ph is None:
                counters = mapping.setdefault("\x1fcounters", {})
                counters[typ] = counters.get(typ, 0) + 1
                ph = placeholder(typ, counters[typ])
            mapping[key] = ph
        return ph

    def _replace(self, text: str, ents: list[Entity], mapping: dict) -> tuple[str, collections.Counter]:
        counts: collections.Counter = collections.Counter()
        if not ents:
            return text, counts
        out = []
        pos = 0
        for ent in ents:
            out.append(text[pos:ent.start])
            out.append(self._placeholder(ent.type, text[ent.start:ent.end], mapping))
            counts[ent.type] += 1
            pos = ent.end
        out.append(text[pos:])
        return "".join(out), counts

    def scrub_text(self, text: str, mapping: dict | None = None) -> tuple[str, collections.Counter]:
        """Replace PII in ``text`` with placeholders; returns (text, counts by type).

        Pass the same ``mapping`` dict to several calls to keep placeholders consistent across them
        (the same value -> the same ``<TYPE_n>``; the dict's keys are internal). Without one,
        numbering restarts per call.
        """
        if not text or not isinstance(text, str):
            return text, collections.Counter()
        mapping = {} if mapping is None else mapping
        if "<" in text:
            _reserve_numbers(mapping, (text,))
        return self._replace(text, self.detect(text), mapping)

    def scrub_messages(self, messages: list[dict], mapping: dict | None = None) -> tuple[list[dict], collections.Counter]:
        """Scrub the ``content`` of chat messages with placeholders consistent across the conversation.

        The same value gets the same placeholder in every message, and a lone first or last name
        shares the placeholder of the full name it belongs to ("Anna" -> the "<PERSON_1>" of "Anna
        Kowalski"). Other keys are kept as they are; ``content`` may be a string or a list of parts
        (``{"type": "text", "text": ...}``). The input is not modified.
        """
        mapping = {} if mapping is None else mapping
        slots: list[tuple[int, int | None, str]] = []  # (message index, part index or None, text)
        for i, msg in enumerate(messages):
            c = msg.get("content") if isinstance(msg, dict) else None
            if isinstance(c, str):
                slots.append((i, None, c))
            elif isinstance(c, list):
                slots.extend((i, j, p["text"]) for j, p in enumerate(c)
                             if isinstance(p, dict) and isinstance(p.get("text"), str))
        if any("<" in t for _, _, t in slots):
            _reserve_numbers(mapping, (t for _, _, t in slots))
        found = [self.detect(t) for _, _, t in slots]
        if self.settings.placeholder_style == "numbered":
            # full names first, so that "Anna" alone maps to the placeholder of "Anna Kowalski"
            for (_, _, t), ents in zip(slots, found):
                for e in ents:
                    if e.type == "PERSON" and " " in t[e.start:e.end].strip():
                        self._placeholder("PERSON", t[e.start:e.end], mapping)
        out = [dict(m) if isinstance(m, dict) else m for m in messages]
        total: collections.Counter = collections.Counter()
        for (i, j, t), ents in zip(slots, found):
            new_text, cnt = self._replace(t, ents, mapping)
            total.update(cnt)
            if j is None:
                out[i]["content"] = new_text
            else:
                if out[i]["content"] is messages[i]["content"]:
                    out[i]["content"] = list(messages[i]["content"])
                part = dict(out[i]["content"][j])
                part["text"] = new_text
                out[i]["content"][j] = part
        return out, total

    def scrub_texts(self, texts: Iterable[str]) -> list[str]:
        """Scrub each text independently (numbering restarts per text)."""
        return [self.scrub_text(t)[0] if isinstance(t, str) else t for t in texts]


def _reserve_numbers(mapping: dict, texts: Iterable[str]) -> None:
    """Placeholders already in the text ("<PERSON_1>" in re-scrubbed text) keep their numbers: new
    ones are numbered after them."""
    counters = mapping.setdefault("\x1fcounters", {})
    for t in texts:
        if "<" in t:
            for m in PLACEHOLDER_RE.finditer(t):
                if m.group(2):
                    counters[m.group(1)] = max(counters.get(m.group(1), 0), int(m.group(2)))


def _norm_value(typ: str, value: str) -> str:
    if typ in ("PHONE", "CREDIT_CARD", "IBAN", "SSN"):
        return re.sub(r"[^0-9A-Za-z]", "", value).upper()
    return " ".join(value.casefold().split())


def _person_alias(mapping: dict, key: str) -> str | None:
    """A single-token PERSON that is the first or last token of a known full name shares its placeholder."""
    value = key.split("\x1f", 1)[1]
    if " " in value:
        return None
    for k, ph in mapping.items():
        if k.startswith("PERSON\x1f"):
            parts = k.split("\x1f", 1)[1].split()
            if len(parts) > 1 and (parts[0] == value or parts[-1] == value):
                return ph
    return None


@functools.lru_cache(maxsize=16)
def _cached_scrubber(settings_json: str) -> Scrubber:
    return Scrubber(PiiSettings.model_validate_json(settings_json))


def get_scrubber(settings: PiiSettings | None = None) -> Scrubber:
    """A process-wide cached ``Scrubber`` for these settings (use inside Spark UDF workers)."""
    settings = settings if settings is not None else PiiSettings()
    return _cached_scrubber(settings.model_dump_json())


# ============================================================================ JSONL

def scrub_jsonl(in_path: str | Path, out_path: str | Path, settings: PiiSettings | None = None) -> dict:
    """Scrub a JSONL file line for line: ``{"text": ...}`` and/or ``{"messages": [...]}`` objects.

    Output line *i* is the scrubbed input line *i* (other keys kept). A line that is not valid JSON
    or not one of these shapes may itself hold PII, so it is **not** copied: ``null`` is written in
    its place (keeping the line numbering) and the line number and reason are listed under
    ``bad_lines`` in the returned summary; the CLI exits non-zero when that list is not empty.
    Blank lines are written blank.
    """
    scrubber = get_scrubber(settings)
    counts: collections.Counter = collections.Counter()
    bad: list[dict] = []
    n_lines = n_ok = 0
    with open(in_path, encoding="utf-8", errors="replace") as fin, open(out_path, "w", encoding="utf-8") as fout:
        for lineno, line in enumerate(fin, 1):
            n_lines += 1
            if not line.strip():
                fout.write("\n")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                bad.append({"line": lineno, "reason": f"invalid JSON: {exc.msg} at column {exc.colno}"})
                fout.write("null\n")
                continue
            reason = _shape_problem(obj)
            if reason:
                bad.append({"line": lineno, "reason": reason})
                fout.write("null\n")
                continue
            obj = dict(obj)
            if "messages" in obj:
                obj["messages"], cnt = scrubber.scrub_messages(obj["messages"])
                counts.update(cnt)
            if "text" in obj:
                obj["text"], cnt = scrubber.scrub_text(obj["text"])
                counts.update(cnt)
            fout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n_ok += 1
    return {"lines": n_lines, "scrubbed": n_ok, "bad_lines": bad, "entities": dict(sorted(counts.items()))}


def _shape_problem(obj: Any) -> str | None:
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    if "text" not in obj and "messages" not in obj:
        return "object has neither 'text' nor 'messages'"
    if "text" in obj and not isinstance(obj["text"], str):
        return f"'text' must be a string, got {type(obj['text']).__name__}"
    if "messages" in obj:
        msgs = obj["messages"]
        if not isinstance(msgs, list):
            return f"'messages' must be a list, got {type(msgs).__name__}"
        for i, m in enumerate(msgs):
            if not isinstance(m, dict):
                return f"messages[{i}] must be an object"
            c = m.get("content")
            if c is not None and not isinstance(c, (str, list)):
                return f"messages[{i}].content must be a string or a list of parts"
    return None


def main(argv: list[str] | None = None) -> int:
    """``python -m tunehouse.pii.scrubber IN.jsonl OUT.jsonl``: the engine of ``tunehouse scrub``."""
    import argparse

    p = argparse.ArgumentParser(prog="tunehouse scrub", description="Scrub PII from a JSONL file.")
    p.add_argument("input")
    p.add_argument("output")
    args = p.parse_args(argv)
    summary = scrub_jsonl(args.input, args.output)
    print(json.dumps({k: v for k, v in summary.items() if k != "bad_lines"}, indent=2))
    if summary["bad_lines"]:
        for b in summary["bad_lines"]:
            print(f"{args.input}:{b['line']}: {b['reason']}", file=sys.stderr)
        print(f"{len(summary['bad_lines'])} bad line(s) written as null", file=sys.stderr)
        return 1
    return 0


# ============================================================================ evaluation

def evaluate(cases: list[dict], detect: Callable[[str], Iterable] | None = None,
             place_keep: Iterable[str] | None = None, min_coverage: float = 0.8) -> dict:
    """Score a detector on labelled cases (see ``tests/pii_cases.py`` for the format).

    ``detect(text)`` returns ``Entity`` objects or ``(start, end[, type])`` tuples; default: the
    default scrubber. A PII value counts as removed when at least ``min_coverage`` of its
    alphanumeric characters fall inside detected spans. A ``keep`` string survives when none of its
    occurrences (outside labelled PII) overlaps a detected span.
    """
    if detect is None:
        detect = get_scrubber().detect
    place_keep = frozenset(place_keep or ())
    per_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])  # type -> [found, total]
    typed_ok = 0
    missed: list[tuple[str, str, str]] = []
    places = [0, 0]
    broken_places: list[tuple[str, str]] = []
    negatives = [0, 0]
    broken_negatives: list[tuple[str, str]] = []
    false_pos: list[tuple[str, str]] = []
    for case in cases:
        text = case["text"]
        spans = []
        for ent in detect(text):
            if isinstance(ent, Entity):
                spans.append((ent.start, ent.end, ent.type))
            else:
                spans.append((ent[0], ent[1], ent[2] if len(ent) > 2 else None))
        covered = bytearray(len(text))
        for s, e, _ in spans:
            covered[s:e] = b"\x01" * (e - s)
        labelled = []
        for typ, value in case.get("pii", ()):
            occ = _occurrences(text, value)
            if not occ:
                raise ValueError(f"PII value {value!r} not found in case {text!r}")
            for s, e in occ:
                labelled.append((s, e))
                alnum = [i for i in range(s, e) if text[i].isalnum()]
                ok = sum(covered[i] for i in alnum) >= min_coverage * len(alnum)
                per_type[typ][1] += 1
                if ok:
                    per_type[typ][0] += 1
                    if any(t == typ and s2 < e and s < e2 for s2, e2, t in spans):
                        typed_ok += 1
                else:
                    missed.append((typ, value, text))
        for s, e, t in spans:
            if not any(s < le and ls < e for ls, le in labelled):
                false_pos.append((text[s:e], text))
        for keep in case.get("keep", ()):
            occ = [(s, e) for s, e in _occurrences(text, keep)
                   if not any(s < le and ls < e for ls, le in labelled)]
            if not occ:
                raise ValueError(f"keep string {keep!r} not found in case {text!r}")
            ok = not any(any(covered[s:e]) for s, e in occ)
            bucket, broken = (places, broken_places) if keep in place_keep else (negatives, broken_negatives)
            bucket[1] += 1
            if ok:
                bucket[0] += 1
            else:
                broken.append((keep, text))
    found = sum(v[0] for v in per_type.values())
    total = sum(v[1] for v in per_type.values())
    return {
        "recall": found / total if total else 1.0,
        "typed_recall": typed_ok / total if total else 1.0,
        "recall_by_type": {t: v[0] / v[1] for t, v in sorted(per_type.items())},
        "support_by_type": {t: v[1] for t, v in sorted(per_type.items())},
        "place_survival": places[0] / places[1] if places[1] else 1.0,
        "negatives_kept": negatives[0] / negatives[1] if negatives[1] else 1.0,
        "false_positives": len(false_pos),
        "missed": missed,
        "broken_places": broken_places,
        "broken_negatives": broken_negatives,
        "false_positive_spans": false_pos,
        "n_cases": len(cases),
        "n_pii": total,
    }


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out = []
    i = text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + len(value))
    return out


if __name__ == "__main__":
    raise SystemExit(main())
