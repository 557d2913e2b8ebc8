"""Numbers and handles of the seventh generated set, written for it: phones in each country's own conventions,
national ids with their check digits (computed; python-stdnum validates them), IBANs (mod 97), Luhn cards,
dates of birth, e-mails, usernames, IP addresses, profile URLs and credentials.

Digits are drawn from the caller's ``random.Random``: no faker, mimesis or phonenumbers data.
Phone patterns: ``#`` any digit, ``N`` a digit 2-9, ``[abc]`` one of the characters a, b, c.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata

from stdnum import iban as std_iban
from stdnum.ar import cuit
from stdnum.be import nn as be_nn
from stdnum.co import nit
from stdnum.fr import nir
from stdnum.gb import nhs
from stdnum.ie import pps
from stdnum.in_ import aadhaar
from stdnum.it import codicefiscale
from stdnum.nz import ird
from stdnum.pl import pesel
from stdnum.pt import nif
from stdnum.se import personnummer

from pii_eval.checksums import iban_with_check, luhn_complete

PHONE_PATTERNS: dict[str, tuple[str, ...]] = {
    "en-US": ("(N##) N##-####", "N##-N##-####", "+1 N## N## ####", "N##.N##.####", "(N##) N##-#### ext. ###"),
    "en-GB": ("07[3456789]## ######", "+44 7[45789]## ### ###", "020 [378]### ####", "0161 N## ####",
              "+44 (0)113 N## ####", "01[2345]## N#####", "020 [378]### #### ext. ##"),
    "en-IN": ("+91 9[6789]### #####", "09[789]########", "080-2### ####", "+91-22-2###-####", "[789]#### #####", "080-2### #### Extn. ###"),
    "en-NG": ("080[2356] ### ####", "+234 80[36] ### ####", "081[0246]-###-####", "+234 (0)1 N## ####",
              "070[36]#######"),
    "en-KE": ("07[012]# ### ###", "+254 7[012]# ### ###", "0110-###-###", "+254 20 N## ####", "254 7[29]########"),
    "en-PH": ("09[1234]# ### ####", "+63 9[1257]# ### ####", "(02) 8### ####", "+63 2 8### ####", "09[1789]#-###-####",
              "(02) 8### #### loc. ###"),
    "en-PK": ("03[0-4]#-#######", "+92 3[0123]# #######", "(042) 3#######", "+92-21-3#######", "03[01]# ### ####"),
    "en-SG": ("9### ####", "+65 8### ####", "6### ####", "+65 9###-####"),
    "en-MY": ("01[2367]-### ####", "+60 1[269]-### ####", "03-N### ####", "+60 3-N### ####", "011-#### ####"),
    "en-AE": ("05[0256] ### ####", "+971 5[05] ### ####", "04 N## ####", "+971 4 N## ####", "00971 5[26] ### ####"),
    "en-JM": ("(876) N##-####", "876-N##-####", "+1 876 N## ####", "1-876-N##-####"),
    "en-GH": ("02[04] ### ####", "+233 2[047] ### ####", "030 2## ####", "+233 (0)5[045] ### ####", "05[045]-###-####"),
    "en-NZ": ("02[127] ### ####", "+64 2[17] ### ####", "(09) N## ####", "+64 9 N## ####", "(03) N## ####"),
    "en-IE": ("08[3567] ### ####", "+353 8[57] ### ####", "(01) N## ####", "+353 1 N## ####", "(021) 4## ####"),
    "es-AR": ("11 15-####-####", "+54 9 11 ####-####", "(011) 4###-####", "0351 15-N##-####", "+54 9 341 N##-####"),
    "es-CO": ("3[012]# ### ####", "+57 3[01]# ### ####", "(601) N## ####", "+57 604 N## ####", "3[12]#-###-####"),
    "fr-FR": ("06 ## ## ## ##", "+33 7 ## ## ## ##", "01.##.##.##.##", "+33 (0)4 ## ## ## ##", "09 ## ## ## ##",
              "01 ## ## ## ## poste ###"),
    "fr-SN": ("7[0678] ### ## ##", "+221 7[067] ### ## ##", "33 8## ## ##", "+221 33 8## ## ##"),
    "fr-MA": ("06 ## ## ## ##", "+212 6 ## ## ## ##", "05 22 ## ## ##", "+212 (0)5 37 ## ## ##", "07-##-##-##-##"),
    "de-DE": ("015[12] N#######", "+49 17[0-6] N######", "030 N######", "+49 (0)89 N## ## ##", "0221/N#####",
              "089 N####-###"),
    "it-IT": ("3[2-9]# ### ####", "+39 34[0-9] ### ####", "02 N### ####", "+39 06 N######", "333.#######"),
    "pt-PT": ("9[1236]# ### ###", "+351 9[136]# ### ###", "21N ### ###", "+351 22N ### ###", "00351 91#######"),
    "pl-PL": ("5[0-3]# ### ###", "+48 6[0-9]# ### ###", "22 N## ## ##", "+48 12 N## ## ##", "60#-###-###"),
    "nl-BE": ("04[789]# ## ## ##", "+32 4[789]# ## ## ##", "09 N## ## ##", "+32 (0)3 N## ## ##", "04[789]#/##.##.##"),
    "sv-SE": ("07[0236]-### ## ##", "+46 7[0236] ### ## ##", "08-N## ### ##", "+46 (0)31 ## ## ##", "07[03]#######"),
    "id-ID": ("08[15]#-####-####", "+62 81# #### ####", "(021) N### ####", "+62 22 N### ####", "0857########"),
}


def expand(pattern: str, rng: random.Random) -> str:
    """A value for ``pattern``: ``#`` any digit, ``N`` 2-9, ``[..]`` one listed character (``a-b`` a range)."""
    out, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "[":
            j = pattern.index("]", i)
            out.append(rng.choice(_char_class(pattern[i + 1:j])))
            i = j + 1
            continue
        out.append(str(rng.randint(0, 9)) if ch == "#" else str(rng.randint(2, 9)) if ch == "N" else ch)
        i += 1
    return "".join(out)


def _char_class(body: str) -> str:
    return re.sub(r"(\w)-(\w)", lambda m: "".join(chr(c) for c in range(ord(m[1]), ord(m[2]) + 1)), body)


def phone(locale: str, rng: random.Random) -> str:
    return expand(rng.choice(PHONE_PATTERNS[locale]), rng)


# ------------------------------------------------------------------------------------------- national ids


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def _first_valid(candidates, is_valid) -> str:
    for c in candidates:
        if is_valid(c):
            return c
    raise ValueError("no valid check digit")


def _birth(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(1958, 1999), rng.randint(1, 12), rng.randint(1, 28)


def _pesel(rng):
    y, m, d = _birth(rng)
    body = f"{y % 100:02d}{m:02d}{d:02d}{_digits(rng, 4)}"
    return _first_valid((body + c for c in string.digits), pesel.is_valid)


def _personnummer(rng):
    y, m, d = _birth(rng)
    body = f"{y % 100:02d}{m:02d}{d:02d}-{_digits(rng, 3)}"
    return _first_valid((body + c for c in string.digits), personnummer.is_valid)


def _nir(rng):
    y, m, _ = _birth(rng)
    body = f"{rng.choice('12')}{y % 100:02d}{m:02d}{rng.choice(['75', '69', '13', '59', '33', '44'])}" \
           f"{rng.randint(1, 399):03d}{rng.randint(1, 499):03d}"
    key = f"{97 - int(body) % 97:02d}"
    value = f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key}"
    assert nir.is_valid(value), value
    return value


def _nif(rng):
    body = rng.choice("12") + _digits(rng, 7)
    return _first_valid((body + c for c in string.digits), nif.is_valid)


def _be_nn(rng):
    y, m, d = _birth(rng)
    body = f"{y % 100:02d}{m:02d}{d:02d}{rng.randint(1, 997):03d}"
    check = 97 - int(body) % 97
    value = f"{body[:2]}.{body[2:4]}.{body[4:6]}-{body[6:9]}.{check:02d}"
    assert be_nn.is_valid(value), value
    return value


def _pps(rng):
    body = _digits(rng, 7)
    return _first_valid((body + c for c in string.ascii_uppercase), pps.is_valid)


def _cuil(rng):
    for _ in range(20):
        body = rng.choice(["20", "27", "23"]) + str(rng.randint(20_000_000, 45_999_999))
        for c in string.digits:
            if cuit.is_valid(body + c):
                return f"{body[:2]}-{body[2:]}-{c}"
    raise ValueError("cuil")


def _nit(rng):
    body = str(rng.randint(10_000_000, 1_099_999_999))
    c = _first_valid(string.digits, lambda c: nit.is_valid(body + c))
    return f"{int(body):,}".replace(",", ".") + f"-{c}"


def _aadhaar(rng):
    for _ in range(50):
        body = str(rng.randint(2, 9)) + _digits(rng, 10)
        for c in string.digits:
            if aadhaar.is_valid(body + c):
                v = body + c
                return f"{v[:4]} {v[4:8]} {v[8:]}"
    raise ValueError("aadhaar")


def _codice_fiscale(rng):
    letters = "".join(rng.choice("BCDFGLMNPRSTVZ") for _ in range(3)) + "".join(
        rng.choice("BCDFGLMNPRSTVZAEIO") for _ in range(3))
    y, m, d = _birth(rng)
    day = d + rng.choice([0, 40])
    body = f"{letters}{y % 100:02d}{'ABCDEHLMPRST'[m - 1]}{day:02d}{rng.choice('ABCDEFGHLMZ')}{rng.randint(1, 999):03d}"
    return _first_valid((body + c for c in string.ascii_uppercase), codicefiscale.is_valid)


def _ird(rng):
    for _ in range(50):
        body = str(rng.randint(10_000_000, 14_999_999))
        for c in string.digits:
            if ird.is_valid(body + c):
                v = body + c
                return f"{v[:3]}-{v[3:6]}-{v[6:]}"
    raise ValueError("ird")


def _nhs(rng):
    for _ in range(50):
        body = str(rng.randint(400, 799)) + _digits(rng, 6)
        for c in string.digits:
            if nhs.is_valid(body + c):
                v = body + c
                return f"{v[:3]} {v[3:6]} {v[6:]}"
    raise ValueError("nhs")


def _emirates_id(rng):
    y, _, _ = _birth(rng)
    v = luhn_complete(f"784{y}{_digits(rng, 7)}")
    return f"{v[:3]}-{v[3:7]}-{v[7:14]}-{v[14]}"


def _no_check(pattern: str):
    return lambda rng: expand(pattern, rng)


# locale -> (how the id is called in that country's chats, generator); the checked ones carry real check digits
NATIONAL_IDS = {
    "pl-PL": ("PESEL", _pesel), "sv-SE": ("personnummer", _personnummer), "fr-FR": ("n° de sécu", _nir),
    "pt-PT": ("NIF", _nif), "nl-BE": ("rijksregisternummer", _be_nn), "en-IE": ("PPSN", _pps),
    "es-AR": ("CUIL", _cuil), "es-CO": ("NIT", _nit), "en-IN": ("Aadhaar", _aadhaar),
    "it-IT": ("codice fiscale", _codice_fiscale), "en-NZ": ("IRD number", _ird), "en-GB": ("NHS number", _nhs),
    "en-AE": ("Emirates ID", _emirates_id),
    "en-US": ("SSN", _no_check("N##-[1-8]#-####")), "en-NG": ("NIN", _no_check("N##########")),
    "en-KE": ("ID no.", _no_check("N#######")), "en-PH": ("SSS no.", _no_check("3#-#######-#")),
    "en-PK": ("CNIC", _no_check("3[1-7]###-#######-[1-9]")), "en-SG": ("NRIC", _no_check("[ST]#######[A-Z]")),
    "en-MY": ("IC", _no_check("[6-9]#[01]#[0-2]#-[01][0-4]-####")), "en-JM": ("TRN", _no_check("1## ### ###")),
    "en-GH": ("Ghana Card", _no_check("GHA-7########-#")), "fr-SN": ("CNI", _no_check("1 ### #### #####")),
    "fr-MA": ("CIN", _no_check("[BJKW][A-Z]#####")), "de-DE": ("Ausweisnummer", _no_check("L[0-9CFGHJKLMNPRTVWXYZ]#######")),
    "id-ID": ("NIK", _no_check("3[1-6]7#[0-6]#[0-7]#[01]#[0-9]#####")),
}
CHECKED_ID_LOCALES = ("pl-PL", "sv-SE", "fr-FR", "pt-PT", "nl-BE", "en-IE", "es-AR", "es-CO", "en-IN", "it-IT",
                      "en-NZ", "en-GB", "en-AE")


def national_id(locale: str, rng: random.Random) -> tuple[str, str]:
    label, make = NATIONAL_IDS[locale]
    return label, make(rng)


# ------------------------------------------------------------------------------------------- bank and cards

IBAN_SHAPES = {"GB": "[A-Z][A-Z][A-Z][A-Z]##############", "IE": "[A-Z][A-Z][A-Z][A-Z]##############",
               "DE": "##################", "FR": "#######################", "IT": "[A-Z]######################",
               "PT": "#####################", "PL": "########################", "SE": "####################",
               "AE": "###################", "PK": "[A-Z][A-Z][A-Z][A-Z]################"}
LOCALE_IBAN = {"en-GB": "GB", "en-IE": "IE", "de-DE": "DE", "fr-FR": "FR", "it-IT": "IT", "pt-PT": "PT",
               "pl-PL": "PL", "sv-SE": "SE", "en-AE": "AE", "en-PK": "PK", "nl-BE": "BE"}


def iban(locale: str, rng: random.Random, grouped: bool = True) -> str:
    country = LOCALE_IBAN[locale]
    for _ in range(200):
        if country == "BE":
            head = _digits(rng, 10)
            body = head + f"{int(head) % 97 or 97:02d}"
        else:
            body = expand(IBAN_SHAPES[country], rng)
        value = iban_with_check(country, body)
        if std_iban.is_valid(value):
            return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if grouped else value
    raise ValueError(f"no valid IBAN for {country}")


def card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc", "amex"])
    if kind == "amex":
        v = luhn_complete(rng.choice(["34", "37"]) + _digits(rng, 12))
        return f"{v[:4]} {v[4:10]} {v[10:]}"
    v = luhn_complete(("4" if kind == "visa" else "5" + str(rng.randint(1, 5))) + _digits(rng, 15 - (1 if kind == "visa" else 2)))
    sep = rng.choice([" ", " ", "-", ""])
    return sep.join(v[i:i + 4] for i in range(0, 16, 4))


# ------------------------------------------------------------------------------------------- dates and handles

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
           "novembre", "dicembre"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
           "novembro", "dezembro"],
    "pl": ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
           "października", "listopada", "grudnia"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
    "sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"],
    "id": ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"],
}


def date_of_birth(locale: str, rng: random.Random) -> str:
    y, m, d = _birth(rng)
    lang = locale[:2]
    if locale == "en-US":
        return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{MONTHS['en'][m - 1]} {d}, {y}"])
    if lang == "en":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS['en'][m - 1]} {y}", f"{d}-{MONTHS['en'][m - 1][:3]}-{y}"])
    if lang in ("de", "pl"):
        return rng.choice([f"{d:02d}.{m:02d}.{y}", f"{d}. {MONTHS[lang][m - 1]} {y}" if lang == "de"
                           else f"{d} {MONTHS[lang][m - 1]} {y}"])
    if lang == "sv":
        return rng.choice([f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[lang][m - 1]} {y}"])
    if lang == "nl":
        return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d} {MONTHS[lang][m - 1]} {y}"])
    joiner = {"es": " de ", "pt": " de "}.get(lang, " ")
    return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d}{joiner}{MONTHS[lang][m - 1]}{joiner}{y}"])


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


MAIL_DOMAINS = ("gmail.com", "yahoo.co.uk", "outlook.com", "proton.me", "hotmail.fr", "web.de", "libero.it",
                "sapo.pt", "wp.pl", "telenet.be", "spray.se", "yahoo.co.id", "rediffmail.com", "icloud.com",
                "gmx.net", "orange.sn", "menara.ma", "xtra.co.nz", "eircom.net", "fibertel.com.ar", "une.net.co")


def email(first: str, last: str, rng: random.Random) -> str:
    f, lst = re.sub(r"[^a-z]", "", _ascii(first)), re.sub(r"[^a-z]", "", _ascii(last))
    local = rng.choice([f"{f}.{lst}", f"{f[0]}{lst}", f"{f}_{lst}{rng.randint(1, 99)}", f"{lst}.{f}",
                        f"{f}{rng.randint(70, 99)}"])
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def username(first: str, last: str, rng: random.Random) -> str:
    f, lst = re.sub(r"[^a-z]", "", _ascii(first)), re.sub(r"[^a-z]", "", _ascii(last))
    return rng.choice([f"{f}_{lst[:3]}{rng.randint(1, 999)}", f"{lst}{f[0]}{rng.randint(10, 99)}",
                       f"{f[:4]}.{lst[:5]}", f"x{f}{lst[:2]}x", f"{f}{rng.randint(1980, 2004)}"])


def ip_address(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "2a02:" + ":".join(f"{rng.randint(0, 0xffff):x}" for _ in range(3)) + "::" + f"{rng.randint(1, 0xfff):x}"
    first = rng.choice([41, 49, 77, 82, 88, 102, 105, 112, 117, 154, 177, 186, 197, 203])
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def profile_url(handle: str, rng: random.Random) -> str:
    return rng.choice([f"https://www.linkedin.com/in/{handle}", f"https://instagram.com/{handle}",
                       f"https://github.com/{handle}", f"https://www.facebook.com/{handle}",
                       f"https://x.com/{handle}", f"https://t.me/{handle}"])


def credential(rng: random.Random) -> str:
    words = ("Mango", "Kiwi", "Delta", "Tiger", "Sunrise", "Pepper", "Harbor", "Nimbus", "Baobab", "Lotus")
    return rng.choice([
        f"{rng.choice(words)}{rng.randint(10, 99)}{rng.choice('!#$%&*')}{rng.choice(words).lower()}",
        "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(12)),
        f"sk_live_{''.join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(20))}",
        f"{rng.choice(words).lower()}-{rng.randint(1000, 9999)}-{rng.choice(words).lower()}",
    ])
