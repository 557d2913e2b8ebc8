"""Document and account identifiers: US SSNs, national ids (Spanish DNI/NIE, UK NINO, French NIR,
and any number after an id cue: driving licence, tax, loyalty, customer and bank account numbers),
passport numbers, booking references and credentials (passwords, PINs, security answers).

Cue-anchored values are tried only where ``scan.at(cue)`` spotted a cue word; the shape-only ones
(an SSN, a DNI with its letter, a PNR-like code) are validated where a checksum exists.
"""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import HAS_DIGIT, Cue, Scan, detector
from tunehouse.pii.entity import Candidate
from tunehouse.pii.lexicon import COMMON, FIRST, FUNCTION_WORDS, LAST, PLACE
from tunehouse.pii.validators import dni_ok, nie_ok, nir_ok, ssn_ok

_SSN_RE = re.compile(r"(\d(?<![\d\-/.]\d)\d{2})-(\d{2})-(\d{4})(?![\d\-/])")
# the number may come a few words after the cue ("SSN for the credit check, it's 123456789", "my social
# is ..."); the SSN rules (``ssn_ok``) and the nine digits keep that loose
_SSN_CUE_RE = re.compile(
    r"(?i:\b(?:ssn|social security(?:\s+(?:number|no\.?|#))?|soc\.?\s*sec\.?(?:\s*(?:no\.?|#))?|(?<=my )social)\b)"
    r"[^\d\n]{0,40}?(?<![\w\-])(\d{3}[- ]?\d{2}[- ]?\d{4})(?![\d\-])")

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
_NOT_PNR_RE = re.compile(r"[A-Z]+\d+|\d+[A-Z]+|[A-Z]\d[A-Z]?\d+")
_PNR_SHAPE_RE = re.compile(r"[A-Z0-9](?<![\w/#@.\-].)[A-Z0-9]{5}(?![\w\-])")
_ID_CUE = (
    r"(?i:\b(?:id\s+(?:number|no\.?|card(?:\s+number)?)|identity\s+(?:card|number|document)(?:\s+number)?"
    r"|national\s+(?:id|identity)(?:\s+(?:number|card))?|national\s+insurance(?:\s+number)?(?:\s*/\s*id)?|ni\s+number|nino"
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
    r"|n[uú]mero\s+de\s+la\s+seguridad\s+social|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|sozialversicherungsnummer"
    # national ids by their own names: AHV/AVS (CH), Versicherungsnummer (DE/AT), codice fiscale (IT),
    # isikukood (EE), PESEL (PL), BSN (NL), rijksregisternummer (BE)
    r"|(?:renten)?versicherungs(?:nummer|nr\.?)|ahv(?:-?(?:nummer|nr\.?))?|avs|svnr|codice\s+fiscale|tessera(?:\s+sanitaria)?|isikukood"
    r"|pesel|bsn|burgerservicenummer|rijksregisternummer|steueridentifikationsnummer"
    # T.C. kimlik no (TR), OIB (HR), CNP (RO), EMŠO / JMBG (SI, ex-YU), rodné číslo (CZ/SK), személyi szám,
    # adóazonosító jel, TAJ szám (HU)
    r"|t\.?\s?c\.?\s+kimlik(?:\s+(?:no\.?|numaras[ıi]))?|kimlik\s+(?:no\.?|numaras[ıi])|oib|cnp|em[šs]o|jmbg"
    r"|rodn[ée]\s+[čc][íi]slo|szem[ée]lyi\s+sz[áa]m|ad[óo]azonos[íi]t[óo](?:\s+jel)?|taj(?:\s+sz[áa]m)?)"
    r"(?!\w))")
# "codice fiscale è", "isikukood on", "PESEL jest / wynosi": the verb in the id's own language
_ID_CUE_NATIVE_FILL = r"(?i:(?:è|e|on|jest|wynosi|är|er)\s+)?"
_ID_CUE_RE = re.compile(
    _ID_CUE + _FILL + _ID_CUE_NATIVE_FILL
    # groups after the first hold a digit or are a short capital code ("12 150785 M 123"), never the
    # next word ("BNCLRA80A41H501X grazie")
    + r"((?=[A-Za-z0-9 .\-]*\d)[A-Za-z0-9]{1,20}(?:[ \-](?:[A-Za-z]{0,11}\d[A-Za-z0-9]{0,11}|[A-Z]{1,3})"
    r"|\.[0-9]{1,12}|/[0-9]{3,4}(?![\d/])){0,5})(?![\w\-]|\.\d)")  # "/5163": the Czech birth number's tail
_DNI_RE = re.compile(r"(\d(?<![\w\-]\d)\d{7})[- ]?([A-Za-z])(?![\w\-])")
_NIE_RE = re.compile(r"([XYZxyz])(?<![\w\-][XYZxyz])[- ]?(\d{7})[- ]?([A-Za-z])(?![\w\-])")
_NINO_RE = re.compile(
    r"([A-CEGHJ-PR-TW-Z](?<![\w\-].)[A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![\w\-])")
_NIR_RE = re.compile(r"([12])(?<![\w\-][12]) ?(\d{2}) ?(\d{2}) ?(\d{2}|2A|2B) ?(\d{3}) ?(\d{3}) ?(\d{2})(?![\w\-])")

# ---------------------------------------------------------------- accounts
_CREDENTIAL_RE = re.compile(
    r"(?i:\b(?:password|passwd|pwd|passcode|pass\s+code|pin(?:\s+(?:code|number))?|security\s+(?:answer|question\s+answer)"
    r"|secret\s+answer|memorable\s+word|contrase[ñn]a|clave|mot\s+de\s+passe|passwort|kennwort|geheimzahl|pw"
    r"|jelsz[óo](?:m|t)?|jelszavam|parola\s+mea|parol[aă]|[şs]ifre(?:m|si)?|heslo|m[ậa]t\s+kh[ẩa]u|nenosiri|senha|κωδικός)(?!\w))"
    r"(?i:\s+(?:I|we|you)\s+(?:set|chose|picked|use|used|made|got|have|had))?"  # "the password I set was ..."
    r"(?P<fill>(?i:\s*(?:is|was|es|est|ist|lautet|este|(?<=\s)(?:e|je|là|ni|é)(?=\s)|:|=|-)\s*)*)[ \t]*"
    r"(?P<val>[^\s\\\x22'<>]{3,40}?|[^\s]{3,40}?)(?=[.,;:)]*(?:\s|$))")  # symbols (<>"') only when nothing else fits

PASSPORT_CUE = Cue(
    "passport passports passeport pasaporte passaporto reisepass reisepassnummer passnummer pass-nr "
    "paspoort pass")
BOOKING_CUE = Cue(
    "booking reservation confirmation conf pnr record locator ref reference e-ticket eticket ticket "
    "itinerary trip localizador código codigo número numero referencia référence numéro dossier "
    "buchungsnummer buchungscode buchungsreferenz buchungsbestätigung reservierungsnummer "
    "reservierungscode bestätigungsnummer bestätigungscode bestaetigungsnummer vorgangsnummer "
    "ticketnummer reserva réservation buchung referenz code airline airline-code rezerwacja "
    "rezerwacji boeking boekingsnummer prenotazione bokning reservering")
SSN_CUE = Cue("ssn social soc")
ID_CUE = Cue(
    "id identity national ni nino driver's drivers driver driving license licence tax nif nie dni cpf "
    "curp personnummer personal personalausweis personalausweisnummer ausweis ausweisnummer steuer-id "
    "steuerid steuernummer carte numéro numero frequent ff membership member loyalty customer client "
    "account acct miles flying avios skymiles known ktn redress kundennummer mitgliedsnummer número "
    "sozialversicherungsnummer bank routing aba sort bsb nhs aadhaar aadhar social sin medicare "
    "versicherungsnummer rentenversicherungsnummer versicherungsnr ahv ahv-nummer ahv-nr avs svnr codice "
    "isikukood tessera pesel bsn burgerservicenummer rijksregisternummer steueridentifikationsnummer "
    "t.c. tc t.c kimlik oib cnp emšo emso jmbg rodné rodne személyi szemelyi adóazonosító adoazonosito taj")
CREDENTIAL_CUE = Cue(
    "password passwd pwd passcode pass pin security secret memorable contraseña contrasena clave mot "
    "passwort kennwort geheimzahl pw jelszó jelszo jelszóm jelszavam parola parolă şifre sifre şifrem şifresi heslo "
    "mật mat nenosiri senha κωδικός")

_NAME_OR_WORD = COMMON | FIRST | LAST | PLACE


# ============================================================================ after a cue

@detector("BOOKING_REF", cue=BOOKING_CUE)
def cued_booking_refs(scan: Scan) -> list[Candidate]:
    """A code after a booking cue ("booking ref X7K9QZ", "Buchungsnummer: 4711-AB"), or a code mixing
    letters and digits a few words after one ("reservation code on my ticket is 5w4yyb")."""
    text = scan.text
    out = []
    for p in scan.at(BOOKING_CUE):
        m = _BOOKING_RE.match(text, p)
        if not m and scan.has_digit:
            m = _BOOKING_LOOSE_RE.match(text, p)
        if not m:
            continue
        val = m.group(1)
        if m.group(0)[:1] in "tT" and val.isdigit() and len(val) < 10:
            continue  # "ticket #48213" is a support case; e-tickets have 13 digits
        if "-" in val and not HAS_DIGIT.search(val) and (
                val.islower() or val.istitle()) and scan.lex.flags.get(val.split("-", 1)[1].lower(), 0) & _NAME_OR_WORD:
            continue  # "booking re-issued"
        if len(val) >= 5:
            out.append(Candidate("BOOKING_REF", m.start(1), m.end(1), 0.9))
    return out


@detector("PASSPORT", needs_digit=True, cue=PASSPORT_CUE)
def passports(scan: Scan) -> list[Candidate]:
    """A passport number after its cue ("passport no. X1234567", "Reisepass: C01X00T47")."""
    return [Candidate("PASSPORT", m.start(1), m.end(1), 0.95) for m in scan.matches(PASSPORT_CUE, _PASSPORT_RE)]


@detector("ID_NUMBER", needs_digit=True, cue=ID_CUE)
def cued_ids(scan: Scan) -> list[Candidate]:
    """A number of five digits or more after an id cue ("driving licence number", "Kundennummer",
    "frequent flyer number", "account no.")."""
    return [Candidate("ID_NUMBER", m.start(1), m.end(1), 0.9) for m in scan.matches(ID_CUE, _ID_CUE_RE)
            if sum(map(str.isdigit, m.group(1))) >= 5]


@detector("SSN", needs_digit=True, cue=SSN_CUE)
def cued_ssns(scan: Scan) -> list[Candidate]:
    """A valid SSN after its cue, with or without dashes ("SSN 123456789")."""
    out = []
    for m in scan.matches(SSN_CUE, _SSN_CUE_RE):
        d = re.sub(r"\D", "", m.group(1))
        if ssn_ok(d[:3], d[3:5], d[5:]):
            out.append(Candidate("SSN", m.start(1), m.end(1), 1.0))
    return out


@detector("CREDENTIAL", cue=CREDENTIAL_CUE)
def credentials(scan: Scan) -> list[Candidate]:
    """A password, PIN or security answer after its cue: after "is" it must look like one (a digit,
    a symbol, mixed case), after ":" or "=" anything but a common word."""
    flags = scan.lex.flags
    out = []
    for m in scan.matches(CREDENTIAL_CUE, _CREDENTIAL_RE):
        val = m.group("val")
        key = val.lower()
        explicit = ":" in m.group("fill") or "=" in m.group("fill")
        strong_shape = (any(c.isdigit() for c in val) or not val.isalnum()
                        or (not val.islower() and not val.istitle() and not val.isupper()))
        if (explicit or strong_shape) and not (flags.get(key, 0) & COMMON or key in FUNCTION_WORDS):
            out.append(Candidate("CREDENTIAL", m.start("val"), m.end("val"), 0.9))
    return out


# ============================================================================ by shape

@detector("SSN", needs_digit=True)
def ssns(scan: Scan) -> list[Candidate]:
    """A valid SSN written with dashes ("123-45-6789")."""
    if scan.ndig < 9 or "-" not in scan.text:
        return []
    return [Candidate("SSN", m.start(), m.end(), 0.85) for m in _SSN_RE.finditer(scan.text)
            if ssn_ok(*m.groups())]


@detector("ID_NUMBER", needs_digit=True)
def national_ids(scan: Scan) -> list[Candidate]:
    """Checksummed national ids: Spanish DNI and NIE (control letter), UK NINO (prefix rules),
    French NIR (key)."""
    text, ndig = scan.text, scan.ndig
    if ndig < 6:
        return []
    out = []
    if ndig >= 8:
        out.extend(Candidate("ID_NUMBER", m.start(), m.end(), 0.95)
                   for m in _DNI_RE.finditer(text) if dni_ok(m.group(1), m.group(2)))
    out.extend(Candidate("ID_NUMBER", m.start(), m.end(), 0.95) for m in _NIE_RE.finditer(text) if nie_ok(*m.groups()))
    out.extend(Candidate("ID_NUMBER", m.start(), m.end(), 0.85) for m in _NINO_RE.finditer(text)
               if m.group(1) not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))
    if ndig >= 13:
        out.extend(Candidate("ID_NUMBER", m.start(), m.end(), 0.95)
                   for m in _NIR_RE.finditer(text) if nir_ok(m.groups()))
    return out


@detector("BOOKING_REF", needs_digit=True)
def booking_codes(scan: Scan) -> list[Candidate]:
    """Codes shaped like a booking reference with no cue: six characters interleaving letters and
    digits ("X7K9QZ", not "LH4001" / "BAW283" / "1012AB"), or "ABC-4X7K9Q"."""
    text = scan.text
    out = []
    for m in _PNR_SHAPE_RE.finditer(text):
        v = m.group()
        if (not v.isalpha() and not v.isdigit()
                and not _NOT_PNR_RE.fullmatch(v) and sum(ch.isalpha() for ch in v) >= 2):
            out.append(Candidate("BOOKING_REF", m.start(), m.end(), 0.6))
    if "-" in text:
        out.extend(Candidate("BOOKING_REF", m.start(), m.end(), 0.65) for m in _REF_SHAPE_RE.finditer(text))
    return out


@detector("BOOKING_REF")
def lettered_booking_codes(scan: Scan) -> list[Candidate]:
    """An airline-style code of letters only after a short prefix ("LH-QWERTY"), unless the letters
    are a word, a name or a place."""
    if "-" not in scan.text:
        return []
    flags = scan.lex.flags
    return [Candidate("BOOKING_REF", m.start(), m.end(), 0.6) for m in _REF_LETTERS_RE.finditer(scan.text)
            if not flags.get(m.group(1).lower(), 0) & _NAME_OR_WORD]
