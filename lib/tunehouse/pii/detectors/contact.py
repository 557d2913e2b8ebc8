"""Contact details: e-mail addresses (plain and obfuscated), personal URLs, IP addresses, phone
numbers (after a cue, by shape, alone on a line) and usernames / social handles.

Phone numbers by shape are found with card numbers, in ``digit_runs``; the checks that decide what
is a phone number (``phone_ok``, ``phone_prefix``) live here.
"""

from __future__ import annotations

import ipaddress
import re

from tunehouse.pii.detectors.base import Cue, Scan, detector, strong_spans
from tunehouse.pii.entity import Candidate
from tunehouse.pii.lexicon import COMMON, FIRST, FUNCTION_WORDS

# ---------------------------------------------------------------- e-mail, URLs, IP addresses
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
    r"tiktok\.com|github\.com|t\.me|wa\.me|m\.me|youtube\.com/(?:@|c/|user/|channel/)|vk\.com|threads\.net"
    r"|flickr\.com/(?:photos|people)|linktr\.ee|behance\.net|dribbble\.com|medium\.com/@?|deviantart\.com"
    r"|soundcloud\.com|twitch\.tv|reddit\.com/u(?:ser)?|bsky\.app/profile|mastodon\.social/@?)/"
    r"(?!(?:help|about|legal|privacy|policies|pages|groups|hashtag|explore|settings|login|share|sharer)\b)"
    r"[^/?#\s]{2,}")
# a personal page on its own subdomain of a host for such pages ("https://fika_linnea.carrd.co")
_PERSONAL_HOST_RE = re.compile(r"(?i)(?:^|//|\.)[\w\-]{2,}\.(?:carrd\.co|bandcamp\.com|substack\.com|tumblr\.com"
                               r"|wordpress\.com|blogspot\.com|github\.io|wixsite\.com|weebly\.com|neocities\.org)\b")
_URL_PERSONAL_KEYS = re.compile(
    # "u" a user's name, not a shared link's address ("sharer.php?u=https://...")
    r"(?i)[?&;#](?:u(?==(?!https?(?::|%3A)|www\.))|e?-?mail|name|first_?name|last_?name|surname|full_?name|phone"
    r"|tel|mobile|user(?:name)?"
    r"|uid|user_?id|token|auth|session|sid|key|api_?key|ref|pnr|booking(?:_?ref)?|reservation|confirmation"
    r"|conf|code|id|customer(?:_?id)?|account|passport|dob|address|zip|postcode|lastname|firstname)=[^&#\s]")
_URL_ID_PATH = re.compile(
    r"/(?=[A-Za-z0-9]*\d)(?=[0-9]*[A-Za-z])[A-Za-z0-9]{6}(?:[/?#]|$)|/\d{6,}(?:[/?#]|$)|[0-9a-f]{16,}"
    # longer ids with two digits or more ("/fd7dn7wd"; not a product name: "/AmazonS3", "/python3")
    r"|/(?=(?:[A-Za-z]*\d){2})(?=[0-9]*[A-Za-z])[A-Za-z0-9]{7,24}(?:[/?#]|$)"
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}"
    # a person's page on any host ("/u/briannabrandt", "/profile/chantal.88", "/~jdoe"), a link shared with
    # someone ("/share/...", "/invite/..."), a booking page named after a person ("cal.example.com/anna/30min")
    r"|^/(?:u|user|users|profile|profiles|people|member|members|staff)/[\w.\-]{3,}"
    r"|^/~[\w.\-]{2,}|/(?:share|shared|invite|attach|attachments)/(?=[\w\-]*\d)[\w\-]{6,}"
    r"|^/[a-z][\w.\-]{3,}/\d{2,3}min\b")
IPV4_RE = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)")
_IPV6_RE = re.compile(
    r"(?<![\w:.>])(?=[0-9A-Fa-f:.]*::|(?:[0-9A-Fa-f]{1,4}:){7})[0-9A-Fa-f:]{2,39}"
    r"(?:(?<=:)\d{1,3}(?:\.\d{1,3}){3})?(?![\w:])")
_VERSION_BEFORE_RE = re.compile(r"(?i)(?<!\w)(?:version|ver\.?|v)\s*$")

# ---------------------------------------------------------------- phones
PHONE_RE = re.compile(
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
    r"|whats|n[uú]mero(?:\s+de\s+(?:tel[ée]fono|m[óo]vil|contacto))?|num[ée]ro(?:\s+de\s+portable)?"
    # extensions and direct lines; it, pt, nl, pl, et
    r"|extension|ext|durchwahl|direct\s+line|poste|interno|toestel|cellulare|chiamami|telefone|telem[óo]vel|ligue(?:-me)?"
    r"|liga-me|telefoon(?:nummer)?|bel\s+me|mobiel(?:e\s+nummer)?|numer(?:\s+telefonu)?|zadzwo[ńn]|mobiil|helista"
    # a number someone owns ("her number", "new number"); nordic, fi; "zap" (pt-BR: WhatsApp)
    r"|(?:my|her|his|your|our|their|new)\s+(?:phone\s+|mobile\s+|cell\s+)?number|nummer|ring(?:\s+(?:me|mig|meg|på))?"
    r"|soita|puh(?:elin)?|kontakt|zap"
    # pt-BR "Cel.", tr "Cep" / "ara", cs "volej" / "zavolej", hu "hívj", ro "sună", hr/hu/cs "mobil"
    # ("Cel.:", "Cep:" with their sign: "cel" is Romanian "the", "CEP" a Brazilian postcode; "ara" only as "beni ara")
    r"|cel(?=[.:])|(?-i:[Cc]ep)(?=\s*:)|cep\s+telefonu|beni\s+ara|z?avolej(?:te)?|h[íi]vj(?:on)?|sun[ăa](?:-m[ăa]|[țt]i)?|mobil"
    r"|telefonsz[áa]m|telefonn[íi]\s+[čc][íi]slo|broj(?:\s+mobitela)?|mobitel)\b)"
    r"[^\d\n+]{0,24}?(\+?\(?\d[\d .\-()/]{5,20}\d)(?:\s*(?:ext\.?|x)\s*\d{1,5})?(?![\w])")
NANP_RE = re.compile(r"(?:1[ .\-])?[2-9]\d{2}[ .\-][2-9]\d{2}[ .\-]\d{4}")
_NATIONAL_SHAPES_RE = re.compile(
    r"\d{3}(?:[ .]\d{2}){3}|\d{2}[ .]\d{4}[ .]\d{4}|[2-9]\d{2}[ .]\d{3}[ .]\d{3,4}|3\d{2}[ .]\d{6,7}"
    r"|\d{4}[ .]\d{3}[ .]\d{3}|\d{2}(?:[ .]\d{2}){4}|\d{3}-\d{3}-\d{3,4}|\d{2}-\d{4}-\d{4}")
# a line holding only a phone number (signatures)
_PHONE_LINE_RE = re.compile(r"(?m)^[ \t>]*(\+?\(?\d[\d .\-()/]{6,18}\d)[ \t]*$")
_PHONE_BLOCK_AFTER = re.compile(
    r"(?i)^\s*(?:€|eur|usd|gbp|\$|£|points|pts|miles|km|kg|lbs|%|euros?|dollars?|pounds?"
    # the currencies of the other languages we read ("1 250 000 lei", "2.500.000 Ft", "1.250.000 TL")
    r"|lei|ron|kn|hrk|kr|sek|nok|dkk|zł|zl|pln|kč|czk|ft|huf|tl|try|chf|reais|r\$)(?![\w])")
_DANGLING_EXT_RE = re.compile(r"\s+(?:ext\.?|extension|x|#|poste|Durchwahl|DW)[\s.:]*$")
_GROUP_SEP_RE = re.compile(r"[ .\-/(](?=[\d(])")
DATE_SHAPE = re.compile(
    r"^(?:\d{1,2}[./\- ]\d{1,2}[./\- ](?:19|20)?\d{2}|(?:19|20)\d{2}[./\- ]\d{1,2}[./\- ]\d{1,2})$")
_PHONE_BLOCK_WORDS = frozenset("""
order invoice ticket booking ref reference flight account card confirmation tracking serial id member
membership reservation locator voucher receipt policy claim case item sku iban bic swift routing code no nr
number # € $ £ eur usd gbp
factuur rechnung faktura fattura factura fatura facture lasku arve faktura bestelling bestellung commande pedido
ordine zamówienie tilaus tellimus ordre kvittering kvitto""".split())
_NUMBER_WORDS = frozenset("number nummer numer número numero numéro nr no".split())
# words before "number" that make it someone's phone number, not an order's (en, nordic, et, de, nl, es, pt, it, fr)
_PHONE_OWNER_WORDS = frozenset("""my her his your our their new phone mobile cell contact home work office direct
uus minu nytt ny nye nya mit mitt min neue meine seine ihre handy nieuwe nieuw mijn nuevo novo nuovo nouveau mon
mi meu""".split())
PHONE_CUE = Cue(
    "phone telephone tel mobile mob cell cellphone whatsapp whats sms text call reach ring contact "
    "fax my number landline teléfono telefono móvil movil celular llámame llamame llámeme téléphone "
    "portable joindre appelez numéro numero telefon telefonnummer handy handynummer rufnummer anrufen "
    "erreichbar mobilnummer festnetz llamadme llamar llamarme llama tlf tfno contacto tél tel. "
    "extension ext durchwahl direct poste interno toestel cellulare chiamami telefone telemóvel telemovel ligue "
    "liga-me liga telefoon telefoonnummer bel mobiel mobiele numer zadzwoń zadzwon mobiil helista "
    "número her his your our their new nummer soita puh puhelin kontakt zap cel cel. cep beni volej zavolej "
    "volejte zavolejte hívj hivj hívjon sună suna sunați sunati sună-mă mobil telefonszám telefonszam telefonní "
    "telefonni broj mobitel")

# ---------------------------------------------------------------- usernames
_USERNAME_RE = re.compile(
    r"(?i:\b(?:user\s*name|user\s*id|login(?:\s+(?:name|id))?|handle|account\s+name|screen\s+name|usuario"
    r"|nombre\s+de\s+usuario|nom\s+d['’]utilisateur|identifiant|benutzer(?:name)?|anmeldename|pseudo(?:nyme)?"
    r"|nick(?:name)?|gebruikersnaam|nome\s+utente|nome\s+de\s+usu[aá]rio|nazwa\s+u[żz]ytkownika|brugernavn"
    r"|brukernavn|anv[äa]ndarnamn|k[äa]ytt[äa]j[äa]tunnus|kasutajanimi)(?!\w))"
    r"(?:[ \t]+(?:on|for|at|in|en|em|su|na|op|på|the|my|your|app|site|website|account|portal|de|la|le|du|sur|auf"
    r"|der|forum|club|group|server|game|chat|board|[A-Z][\w.]+)(?![\w.\-])){0,5}"  # "usuario en Wallapop es ...", not "the" of "the_real_x"
    r"(?i:\s*(?:is|was|es|est|ist|lautet|c['’]est|è|é|er|är|on|jest|to|:|=|-)\s*)*[ \t]*"
    r"(?P<val>@?[\w.\-]{3,40}?)(?=[.,;!?)]*(?:\s|$))")
_HANDLE_RE = re.compile(r"@(?<![\w@.]@)[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])(?![\w@])")
USERNAME_CUE = Cue(
    "username user login handle account screen usuario nombre nom identifiant benutzer benutzername "
    "anmeldename pseudo pseudonyme nick nickname gebruikersnaam nome nazwa brugernavn brukernavn användarnamn "
    "käyttäjätunnus kasutajanimi")


@detector("EMAIL")
def emails(scan: Scan) -> list[Candidate]:
    """E-mail addresses, and obfuscated ones ("anna dot k at gmail dot com")."""
    text = scan.text
    out = []
    if "@" in text:
        out.extend(Candidate("EMAIL", m.start(), m.end(), 1.0) for m in _EMAIL_RE.finditer(text))
    if " at " in text or "[at]" in text or "(at)" in text or "{at}" in text:
        out.extend(Candidate("EMAIL", m.start(), m.end(), 0.9) for m in _EMAIL_OBF_RE.finditer(text))
    return out


@detector("URL")
def urls(scan: Scan) -> list[Candidate]:
    """Personal URLs only: social profiles, an e-mail address or a personal key in the query string,
    an id in the path. Links to a company's pages are kept."""
    text = scan.text
    if "/" not in text and "www." not in text:
        return []
    out = []
    for m in _URL_RE.finditer(text):
        s, e = m.start(), m.end()
        while e > s and text[e - 1] in ".,;:!?)]}'\"":
            e -= 1
        url = text[s:e]
        path = "/" + url.split("://", 1)[-1].partition("/")[2]
        if ("@" in url or "%40" in url or _SOCIAL_RE.search(url) or _PERSONAL_HOST_RE.search(url)
                or _URL_PERSONAL_KEYS.search(url)
                or (len(path) > 1 and _URL_ID_PATH.search(path))):
            out.append(Candidate("URL", s, e, 0.9))
    return out


# "my profile: https://...", "portfolio's at https://...", "mon site : www...": the URL is its owner's
_URL_OWNER_RE = re.compile(
    r"(?i:\b(?:(?:my|his|her|their|our|mi|mon|ma|son|sa|mein|meine|sein|seine|ihr|ihre|il\s+mio|la\s+mia"
    r"|il\s+suo|la\s+sua|mijn|zijn|haar|o\s+meu|a\s+minha|o\s+seu|a\s+sua|m[oó]j|moja|jego|jej)\s+(?:\w+\s+)?"
    r"(?:profile?|perfil|profil|profilo|profiel|website|web\s*site|site|sito|page|p[aá]gina|pagina|blog|homepage"
    r"|linkedin|github|instagram|twitter|channel|canal|kanal|portfolio|portf[oó]lio|cv|resume)"
    r"|portfolio|portf[oó]lio)(?:['’]s)?(?:\s+(?:is|at|es|est|ist|è|[ée]|op|on|er|är|on|jest))?"
    # "il mio portfolio è qui ...", "portfolio's up finally ...", "meine neue Website ist online: ..."
    r"(?:\s+(?:here|now|online|live|up|finally|qui|ora|aquí|aqui|ici|hier|jetzt|nu|tutaj|här|her|täällä|siin"
    r"|finalmente|enfin|endlich|eindelijk|wreszcie|vihdoin|lõpuks|äntligen|endelig)){0,2}\s*[:=\-]?\s*)$")
URL_OWNER_CUE = Cue(
    "my his her their our mi mon ma son sa mein meine sein seine ihr ihre il la mijn zijn haar o a mój moj moja "
    "jego jej portfolio portfolio's portfólio")


@detector("URL", cue=URL_OWNER_CUE)
def owned_urls(scan: Scan) -> list[Candidate]:
    """Any URL right after a possessive cue ("Here's my LinkedIn: https://omarjames.dev"): a
    personal site has no tell-tale path, so the cue decides."""
    text = scan.text
    if "/" not in text and "www." not in text:
        return []
    out = []
    for m in _URL_RE.finditer(text):
        if _URL_OWNER_RE.search(text, max(0, m.start() - 48), m.start()):
            e = m.end()
            while e > m.start() and text[e - 1] in ".,;:!?)]}'\"":
                e -= 1
            out.append(Candidate("URL", m.start(), e, 0.85))
    return out


@detector("IP_ADDRESS", needs_digit=True)
def ip_addresses(scan: Scan) -> list[Candidate]:
    """IPv4 addresses (not a version number: "v10.2.0.1") and valid IPv6 addresses."""
    text = scan.text
    out = []
    if scan.ndig >= 4 and text.count(".") >= 3:
        for m in IPV4_RE.finditer(text):
            if not _VERSION_BEFORE_RE.search(text, max(0, m.start() - 9), m.start()):
                out.append(Candidate("IP_ADDRESS", m.start(), m.end(), 0.9))
    if "::" in text or text.count(":") >= 7:
        for m in _IPV6_RE.finditer(text):
            if sum(ch not in ":." for ch in m.group()) < 4:
                continue  # "::", "::1": no one's address
            try:
                ipaddress.IPv6Address(m.group())
            except ValueError:
                continue
            out.append(Candidate("IP_ADDRESS", m.start(), m.end(), 0.95))
    return out


# ============================================================================ phones

# a local number of a small exchange or an extension: six digits in groups of two or three ("83 51 20", "835-120")
_SHORT_LOCAL_RE = re.compile(r"\d{2,3}(?:[ .\-]\d{2,3}){1,2}")


def cued_phone_ok(val: str) -> bool:
    """A number right after a phone cue is a phone number when it has 7 to 15 digits and is no date, or six
    digits grouped as a local number that cannot be a date ("ring the desk: 83 51 20", not "on 12 05 24")."""
    digits = sum(map(str.isdigit, val))
    if digits == 6 and _SHORT_LOCAL_RE.fullmatch(val):
        return not _maybe_date(val)
    return 7 <= digits <= 15 and not DATE_SHAPE.match(val)


def _maybe_date(val: str) -> bool:
    """Whether a short digit group could be a day, a month and a year ("12 05 24", "5.12.24")."""
    parts = [int(p) for p in re.split(r"[ .\-]", val)]
    if len(parts) != 3:
        return False
    a, b, _ = parts
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


@detector("PHONE", needs_digit=True, cue=PHONE_CUE)
def cued_phones(scan: Scan) -> list[Candidate]:
    """A number after a phone cue ("call me on", "Telefon", "llámame al"). One with more than 15
    digits may run into another value ("Telefon 11100586) 153-89-9360"): it is noted in
    ``scan.long_phones`` for ``cut_long_phones``."""
    out = []
    for m in scan.matches(PHONE_CUE, _PHONE_CUE_RE):
        val = m.group(1).strip()
        if cued_phone_ok(val) and not _PHONE_BLOCK_AFTER.match(scan.text[m.end():m.end() + 12]):  # "2 500 000 km"
            out.append(Candidate("PHONE", m.start(1), m.end(), 0.95))
        elif sum(map(str.isdigit, val)) > 15:
            scan.long_phones.append((m.start(1), m.end(1)))
    return out


@detector("PHONE", needs_digit=True)
def phone_lines(scan: Scan) -> list[Candidate]:
    """A line holding only a phone number (signatures)."""
    if scan.ndig < 9:
        return []
    out = []
    for m in _PHONE_LINE_RE.finditer(scan.text):
        val = m.group(1)
        digits = sum(map(str.isdigit, val))
        if 9 <= digits <= 15 and not DATE_SHAPE.match(val):
            out.append(Candidate("PHONE", m.start(1), m.end(1), 0.75))
    return out


@detector("PHONE", needs_digit=True)
def cut_long_phones(scan: Scan) -> list[Candidate]:
    """A cued phone number that ran into a stronger value ends where that value starts."""
    if not scan.long_phones:
        return []
    text = scan.text
    spans = strong_spans(scan.found)
    out = []
    for s, e in scan.long_phones:
        cut = min((a for a, b in spans if s < a < e), default=None)
        if cut is None:
            continue
        while cut > s and not text[cut - 1].isdigit():
            cut -= 1
        if cued_phone_ok(text[s:cut]):
            out.append(Candidate("PHONE", s, cut, 0.95))
    return out


def phone_ok(text: str, s: int, e: int, val: str) -> bool:
    """Is ``val`` (= text[s:e]) a phone number by its shape and its neighbours? 8 to 15 digits
    with a country code, else 9 to 15 with a trunk prefix or a well-known national grouping; not a
    date, not after "order", "invoice", a currency..., not before an amount or a unit."""
    digits = sum(map(str.isdigit, val))
    intl = val.startswith(("+", "00"))
    if digits < (8 if intl else 9) or digits > 15:
        return False
    core = re.sub(r"\s*(?:ext\.?|extension|x|#|poste|Durchwahl|DW)\s*\d{1,5}$", "", val)
    if DATE_SHAPE.match(core):
        return False
    if not intl and not core.startswith(("0", "(")) and not NANP_RE.fullmatch(core):
        # no trunk prefix: only well-known national groupings, never amounts ("1 249 000")
        if not _NATIONAL_SHAPES_RE.fullmatch(core):
            return False
    return phone_context_ok(text, s, e)


def phone_context_ok(text: str, s: int, e: int) -> bool:
    """The neighbours of text[s:e] allow a phone number: it does not follow "order", "invoice", a
    currency..., and no amount or unit follows it."""
    before = text[max(0, s - 24):s].lower().replace(":", " ").replace("#", " # ").split()
    if before and (before[-1].rstrip(".") in _PHONE_BLOCK_WORDS or before[-1][:1] in "€$£#") and not (
            text[s] == "+" and before[-1] in ("no", "na", "nr")):  # "Liguei pro João no +55 ...": pt "in the"
        # "order number 123 456 789" is no phone; "her number: 08 9463 2566", "uus number +372 ..." are
        return len(before) > 1 and before[-1] in _NUMBER_WORDS and before[-2] in _PHONE_OWNER_WORDS
    return not _PHONE_BLOCK_AFTER.match(text[e:e + 10])


def phone_prefix(text: str, s: int, e: int) -> int:
    """End of the longest valid phone number text[s:end], end <= e at a digit group boundary
    (0 if none)."""
    for cut in [e] + [m.start() for m in reversed(list(_GROUP_SEP_RE.finditer(text, s, e)))]:
        end = cut
        m = _DANGLING_EXT_RE.search(text, s, end)  # "525 140 659 x <SSN>"
        if m:
            end = m.start()
        while end > s and text[end - 1] in " .-/(":
            end -= 1
        if end > s and phone_ok(text, s, end, text[s:end]):
            return end
    return 0


# ============================================================================ usernames

# A handle shaped as no word is written (letters joined by "_", "." or "-", or letters then two digits or more:
# "corey_rudd", "reka-p", "peric89"), beside a word that makes it an account: the log line of a chat or helpdesk
# ("Ticket closed by x", "x joined #field-ops") or the word for an account or user in the language around it
# ("Račun x", "x kullanıcısının", "x fiókja").
_SHAPED_HANDLE = r"(?P<val>[a-z][a-z0-9]*(?:[_.\-][a-z0-9]+)+|[a-z]{2,}\d{2,})"
_HANDLE_BEFORE_RE = re.compile(
    r"(?i:\b(?:closed\s+by|assigned\s+to|reassigned\s+to|escalated\s+to|opened\s+by|updated\s+by|approved\s+by"
    r"|račun|účet|contul|konto|kontot|kontoen|compte|cuenta|conta|fiók|hesap|account))[ \t:]+" + _SHAPED_HANDLE
    + r"(?![\w@])")
_HANDLE_AFTER_RE = re.compile(
    r"(?<![\w@.\-])" + _SHAPED_HANDLE + r"(?=[ \t]+(?:joined|left|has\s+joined|has\s+left|kullanıcısının"
    r"|kullanıcısı|fiókja|fiókját|účet|hesabı)\b)")
HANDLE_LOG_CUE = Cue("closed assigned reassigned escalated opened updated approved račun účet contul konto kontot "
                     "kontoen compte cuenta conta fiók hesap account joined left kullanıcısının kullanıcısı fiókja "
                     "fiókját hesabı")


@detector("USERNAME", cue=HANDLE_LOG_CUE)
def logged_handles(scan: Scan) -> list[Candidate]:
    """A handle shaped as no word is, beside an account or log word ("Ticket closed by corey_rudd"); not ordinary
    words joined, with or without a number ("closed by e-mail", "support.team", "assigned to agent_02": a role's
    id, as our own logs write the desk's agents)."""
    flags = scan.lex.flags
    out = []
    for rx in (_HANDLE_BEFORE_RE, _HANDLE_AFTER_RE):
        for m in rx.finditer(scan.text):
            low = m.group("val").lower()
            words = [w for w in re.split(r"[_.\-]|\d+", low) if w]
            if not all(flags.get(w, 0) & COMMON or w in FUNCTION_WORDS for w in words):  # "agent_02", "e-mail"
                out.append(Candidate("USERNAME", m.start("val"), m.end("val"), 0.8))
    return out


@detector("USERNAME", cue=USERNAME_CUE)
def cued_usernames(scan: Scan) -> list[Candidate]:
    """A username after a cue ("username: jdoe88", "mi usuario es ..."), unless a common word."""
    flags = scan.lex.flags
    out = []
    for m in scan.matches(USERNAME_CUE, _USERNAME_RE):
        val = m.group("val")
        key = val.lower().lstrip("@")
        if not (flags.get(key, 0) & COMMON or key in FUNCTION_WORDS) and (
                any(c.isdigit() for c in val) or any(c in "._@-" for c in val) or len(val) >= 5):
            out.append(Candidate("USERNAME", m.start("val"), m.end("val"), 0.85))
    return out


# "I'm wren_t_1987 on Discord", "add me, I'm ann_sepp on there", "Je suis xabi.olmedo sur Discord"
_PLATFORM_USER_RE = re.compile(
    r"(?i:\b(?:i['’]?m|i\s+am|je\s+suis|sono|ik\s+ben|soy|sou|ich\s+bin|jestem|olen))[ \t]+"
    r"(?P<val>@?[\w][\w.\-]{1,38}[\w])[ \t]+(?i:on|su|sur|op|en|auf|no|na|em|w|in|peal)[ \t]+"
    r"(?i:there|it|(?:the\s+)?(?:discord|instagram|insta|twitter|x|telegram|reddit|steam|github|gitlab|slack|skype"
    r"|tiktok|snapchat|snap|twitch|xbox|xbox\s+live|psn|playstation|signal|threads|mastodon|bluesky|facebook"
    r"|linkedin|pinterest|youtube|kik|wechat|line|viber|matrix|irc|libera|freenode|tinder|bumble|hinge|strava"
    r"|duolingo|chess\.com|lichess|roblox|minecraft|fortnite|battle\.net|epic|spotify|soundcloud|flickr))\b")
PLATFORM_USER_CUE = Cue("i'm i’m im i je sono ik soy sou ich jestem olen")
# "my discord is darr420", "auf meinem Konto hild423", "account is kayleigh18": a handle after its platform or
# account word; "gg callum9", "DM'd nigel2", "contacté xjeanbaptistex": after a gamer's or messenger's verb
_PLATFORM_IS_RE = re.compile(
    r"(?i:\b(?:(?:discord|steam|psn|xbox|gamer\s?tag|insta(?:gram)?|snap(?:chat)?|tiktok|twitter|telegram|twitch"
    r"|reddit|roblox|konto|account|compte|cuenta|conta|profile|profil)(?:[ \t]+(?:name|id))?"
    r"(?:[ \t]*(?:is|ist|est|es|é|è|:|=|sono|soy|sou|i['’]?m|jestem|olen|ben\s+ik|bin\s+ich|je\s+suis|er\s+jeg"
    r"|är\s+jag))?"  # "su Telegram sono mirella1967"
    r"|(?P<verb>gg|dm['’]?d|dmed|messaged|pinged|contact[ée]|kontaktiert|contacted|scrive\s+a|escribí\s+a)))"
    r"[ \t]+(?P<val>@?[\w][\w.\-]{1,38}[\w])(?=[.,;!?)]*(?:\s|$))")
PLATFORM_IS_CUE = Cue("discord steam psn xbox gamertag gamer insta instagram snap snapchat tiktok twitter telegram "
                      "twitch reddit roblox konto account compte cuenta conta profile profil gg dm'd dm’d dmed "
                      "messaged pinged contacté contacte kontaktiert contacted scrive escribí")


# "@home", "@work": "at" written as "@" before a place or time, no handle
_AT_WORDS = frozenset("home work school uni office lunch night noon dinner breakfast weekend".split())
# "@home.com", "@popmail.med.nyu.edu": a mail host after a blank (an address cut in two, "the @gmx.de one"), no
# handle: its last label is a generic top-level domain, or a country's two letters after two dots or more. A host
# names a provider, not a person; handles with dots ("@anna.k92", "@jo.ana") end otherwise.
_MAIL_HOST_RE = re.compile(r"@(?:(?:[A-Za-z0-9_\-]+\.)+(?:com|net|org|edu|gov|mil|int|info|biz)"
                           r"|(?:[A-Za-z0-9_\-]+\.){2,}[A-Za-z]{2})(?![\w\-]|\.\w)", re.IGNORECASE)
_X_WRAPPED_RE = re.compile(r"x+[a-z]{2,}x+|x+X+\w{2,}X+x+")  # a gamer's wrapper: "xjeanbaptistex", "xXottavioXx"


def _handle_shaped(val: str) -> bool:
    """Written as a handle is, not as a name: a digit, "_" or "." inside, or a leading "@"."""
    return any(c.isdigit() or c in "_." for c in val) or val.startswith("@")


@detector("USERNAME", cue=PLATFORM_USER_CUE)
def platform_usernames(scan: Scan) -> list[Candidate]:
    """A name someone goes by on a platform ("I'm wren_t_1987 on Discord"): it must look like a
    handle (a digit, "_" or "." inside, or all lower case and no common word); "I'm Anna on Discord"
    is left to the name detectors."""
    flags = scan.lex.flags
    out = []
    for p in scan.at(PLATFORM_USER_CUE):
        m = _PLATFORM_USER_RE.match(scan.text, p)
        if not m:
            continue
        val = m.group("val")
        key = val.lower().lstrip("@")
        handle_like = _handle_shaped(val)
        if handle_like or (val.islower() and not flags.get(key, 0) & COMMON and key not in FUNCTION_WORDS):
            out.append(Candidate("USERNAME", m.start("val"), m.end("val"), 0.85))
    return out


@detector("USERNAME", cue=PLATFORM_IS_CUE)
def platform_handles(scan: Scan) -> list[Candidate]:
    """A handle after its platform or account word ("my discord is darr420", "Konto hild423") or after a verb
    of messaging ("gg callum9", "DM'd nigel2"). After a verb it must look like a handle (a digit, "_" or "."
    inside, or an x...x wrapper); after a platform word, all lower case and no common word will do too."""
    flags = scan.lex.flags
    out = []
    for m in scan.matches(PLATFORM_IS_CUE, _PLATFORM_IS_RE):
        val = m.group("val")
        if not any(c.isalpha() for c in val):
            continue  # "refund to account 000123456789": an account number, not a handle
        key = val.lower().lstrip("@")
        strict = _handle_shaped(val) or (len(val) > 4 and _X_WRAPPED_RE.fullmatch(val) is not None)
        loose = val.islower() and not flags.get(key, 0) & (COMMON | FIRST) and key not in FUNCTION_WORDS
        if strict or (not m.group("verb") and loose):
            out.append(Candidate("USERNAME", m.start("val"), m.end("val"), 0.85))
    return out


@detector("USERNAME")
def handles(scan: Scan) -> list[Candidate]:
    """Social handles: "@anna_k92" (not the domain of an e-mail address)."""
    if "@" not in scan.text:
        return []
    return [Candidate("USERNAME", m.start(), m.end(), 0.8) for m in _HANDLE_RE.finditer(scan.text)
            if m.group()[1:] not in _AT_WORDS and not _MAIL_HOST_RE.match(scan.text, m.start())]
