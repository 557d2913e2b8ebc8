"""Numbers for the eighth set: phones in national shapes (``#`` is a digit drawn from the seed), phones, cards
and dates read aloud, IBANs, cards and national ids with their check digits (validated with python-stdnum where
it knows the number), birth dates in local orders, IPs, personal URLs, passwords, booking references.

Written by hand for this set; no faker, mimesis or phonenumbers data.
"""

from __future__ import annotations

import datetime as dt

from pii_eval.checksums import iban_with_check, luhn_complete
from pii_eval.eighth_people import ascii_fold

PHONE_SHAPES = {
    "en-US": ["(4##) 5##-####", "7##.3##.####", "+1 6##-2##-####", "5##-8##-#### ext. ##", "3##-4##-####"],
    "en-GB": ["07### ######", "+44 7### ######", "01### ######", "+44 (0)20 7### ####", "0161 4## ####"],
    "en-AU": ["04## ### ###", "+61 4## ### ###", "(02) 9### ####", "+61 3 9### ####", "04########"],
    "en-IE": ["08# ### ####", "+353 8# ### ####", "(021) 4## ####", "+353 (0)1 6## ####", "087-#######"],
    "en-ZA": ["07# ### ####", "+27 8# ### ####", "(012) 3## ####", "+27 (0)21 4## ####", "08#-###-####"],
    "en-CA": ["(604) 5##-####", "+1 (416) 7##-####", "250.3##.####", "(819) 8##-#### poste ###", "1-902-4##-####"],
    "cs-CZ": ["+420 6## ### ###", "7## ### ###", "+420 2## ### ###", "00420 7## ### ###", "6########"],
    "tr-TR": ["0 (5##) ### ## ##", "+90 5## ### ## ##", "05## ### ####", "0 (212) 5## ## ##", "+90 (532) ### ####"],
    "ro-RO": ["07## ### ###", "+40 7## ### ###", "0264 ### ###", "+40 (0)21 3## ## ##", "07##.###.###"],
    "pt-BR": ["(11) 9####-####", "+55 21 9####-####", "(31) 3###-####", "+55 (85) 9 ####-####", "41 9####-####"],
    "hu-HU": ["+36 30 ### ####", "06 20 ### ####", "06-1-###-####", "+36 (1) ### ####", "06/70/###-####"],
    "el-GR": ["69# ### ####", "+30 69# ### ####", "210 ### ####", "+30 2310 ######", "0030 697 #######"],
    "vi-VN": ["09## ### ###", "+84 9# ### ## ##", "(028) 38## ####", "03## ### ###", "+84 (0)24 3### ####"],
    "sw-KE": ["07## ### ###", "+254 7## ######", "020 2## ####", "01## ### ###", "+254 (0)7##-###-###"],
}

DIGIT_WORDS = {
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"],
    "cs": ["nula", "jedna", "dva", "tři", "čtyři", "pět", "šest", "sedm", "osm", "devět"],
    "tr": ["sıfır", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"],
    "ro": ["zero", "unu", "doi", "trei", "patru", "cinci", "șase", "șapte", "opt", "nouă"],
    "pt": ["zero", "um", "dois", "três", "quatro", "cinco", "meia", "sete", "oito", "nove"],
    "hu": ["nulla", "egy", "kettő", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc"],
    "el": ["μηδέν", "ένα", "δύο", "τρία", "τέσσερα", "πέντε", "έξι", "εφτά", "οχτώ", "εννιά"],
    "vi": ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"],
    "sw": ["sifuri", "moja", "mbili", "tatu", "nne", "tano", "sita", "saba", "nane", "tisa"],
}
PLUS = {"en": "plus", "cs": "plus", "tr": "artı", "ro": "plus", "pt": "mais", "hu": "plusz", "el": "συν",
        "vi": "cộng", "sw": "jumlisha"}


def fill(rng, shape: str) -> str:
    return "".join(str(rng.randint(0, 9)) if ch == "#" else ch for ch in shape)


def phone(rng, locale: str, shape: int | None = None) -> str:
    shapes = PHONE_SHAPES[locale]
    return fill(rng, shapes[shape % len(shapes)] if shape is not None else rng.choice(shapes))


def spoken_digits(rng, digits: str, lang: str, locale: str = "") -> str:
    """Digits as a caller reads them: words, English 'oh' and 'double'/'triple' now and then."""
    words = DIGIT_WORDS[lang]
    out, i = [], 0
    if digits.startswith("+"):
        out.append(PLUS[lang])
        digits = digits[1:]
    digits = "".join(ch for ch in digits if ch.isdigit())
    oh = lang == "en" and locale in ("en-GB", "en-IE", "en-AU", "en-ZA") or (lang == "en" and rng.random() < 0.3)
    while i < len(digits):
        d = digits[i]
        run = 1
        while i + run < len(digits) and digits[i + run] == d and run < 3:
            run += 1
        w = "oh" if (oh and d == "0") else words[int(d)]
        if lang == "en" and run >= 2 and rng.random() < 0.8:
            out.append(("triple " if run == 3 else "double ") + w)
            i += run
            continue
        out.append(w)
        i += 1
    return " ".join(out)


def spoken_phone(rng, locale: str, lang: str) -> str:
    national = [s for s in PHONE_SHAPES[locale] if not s.startswith(("+", "00"))]
    return spoken_digits(rng, fill(rng, rng.choice(national)), lang, locale)


# ----------------------------------------------------------------------------------------- dates of birth

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
            "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
         "nineteen"]


def birth_date(rng) -> dt.date:
    return dt.date(rng.randint(1948, 2006), rng.randint(1, 12), rng.randint(1, 28))


def two_digit_words(n: int) -> str:
    if n < 10:
        return f"oh {DIGIT_WORDS['en'][n]}"
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else " " + DIGIT_WORDS["en"][n % 10])


def year_words(y: int) -> str:
    if y >= 2000:
        return "two thousand" + ("" if y == 2000 else " and " + two_digit_words(y - 2000).replace("oh ", ""))
    return f"nineteen {two_digit_words(y - 1900)}"


def dob(rng, locale: str, spoken: bool = False) -> str:
    d = birth_date(rng)
    if spoken:  # English speech-to-text
        if locale == "en-US":
            return f"{MONTHS_EN[d.month - 1].lower()} {ORDINALS[d.day - 1]} {year_words(d.year)}"
        return f"the {ORDINALS[d.day - 1]} of {MONTHS_EN[d.month - 1].lower()} {year_words(d.year)}"
    if locale in ("en-US", "en-CA") and rng.random() < 0.7:
        return rng.choice([f"{d.month:02d}/{d.day:02d}/{d.year}", f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"])
    if locale.startswith("en"):
        return rng.choice([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day} {MONTHS_EN[d.month - 1][:3]} {d.year}"])
    if locale == "hu-HU":
        return f"{d.year}. {d.month:02d}. {d.day:02d}."
    if locale == "cs-CZ":
        return f"{d.day}. {d.month}. {d.year}"
    if locale in ("tr-TR", "ro-RO"):
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if locale == "vi-VN" and rng.random() < 0.5:
        return f"ngày {d.day} tháng {d.month} năm {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


# ----------------------------------------------------------------------------------------- bank and card

IBAN_COUNTRY = {"en-GB": "GB", "en-IE": "IE", "cs-CZ": "CZ", "tr-TR": "TR", "ro-RO": "RO", "pt-BR": "BR",
                "hu-HU": "HU", "el-GR": "GR"}
_BANKS = {"GB": ["NWBK", "BARC", "LOYD", "MIDL"], "IE": ["AIBK", "BOFI", "IPBS"], "RO": ["BTRL", "RNCB", "INGB"]}


def _digits(rng, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def iban(rng, locale: str, grouped: bool = True) -> str:
    cc = IBAN_COUNTRY.get(locale) or rng.choice(["DK", "NO", "FI"])
    body = {"GB": lambda: rng.choice(_BANKS["GB"]) + _digits(rng, 14),
            "IE": lambda: rng.choice(_BANKS["IE"]) + _digits(rng, 14),
            "RO": lambda: rng.choice(_BANKS["RO"]) + _digits(rng, 16),
            "CZ": lambda: rng.choice(["0800", "0100", "0300", "2010"]) + _digits(rng, 16),
            "TR": lambda: _digits(rng, 5) + "0" + _digits(rng, 16),
            "BR": lambda: _digits(rng, 23) + "C1",
            "HU": lambda: _digits(rng, 24),
            "GR": lambda: _digits(rng, 23),
            "DK": lambda: _digits(rng, 14), "NO": lambda: _digits(rng, 11), "FI": lambda: _digits(rng, 14)}[cc]()
    value = iban_with_check(cc, body)
    if not grouped:
        return value
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


def card(rng, sep: str = " ") -> str:
    prefix = rng.choice(["4", "51", "53", "55"])
    number = luhn_complete(prefix + _digits(rng, 15 - len(prefix)))
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


# ----------------------------------------------------------------------------------------- national ids

def _taj(rng) -> str:
    body = _digits(rng, 8)
    check = sum(int(d) * (3 if i % 2 == 0 else 7) for i, d in enumerate(body)) % 10
    return f"{body[:3]} {body[3:6]} {body[6:]}{check}"


def _until_valid(rng, make, is_valid, tries: int = 5000) -> str:
    for _ in range(tries):
        v = make()
        if is_valid(v):
            return v
    raise RuntimeError("no valid number drawn")


def national_id(rng, locale: str) -> tuple[str, str]:
    """(type, value): a national id of the locale; check digits valid where the number has them."""
    if locale == "en-US":
        return "SSN", f"{rng.randint(101, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"
    if locale == "en-GB":
        from stdnum.gb import nhs
        v = _until_valid(rng, lambda: _digits(rng, 10), nhs.is_valid)
        return "ID_NUMBER", f"{v[:3]} {v[3:6]} {v[6:]}"
    if locale == "en-IE":
        from stdnum.ie import pps
        return "ID_NUMBER", _until_valid(rng, lambda: _digits(rng, 7) + rng.choice("ABCDEFGHJKLMNPTWX"), pps.is_valid)
    if locale == "en-AU":
        from stdnum.au import tfn
        v = _until_valid(rng, lambda: _digits(rng, 9), tfn.is_valid)
        return "ID_NUMBER", f"{v[:3]} {v[3:6]} {v[6:]}"
    if locale == "en-ZA":
        from stdnum.za import idnr
        d = birth_date(rng)
        return "ID_NUMBER", _until_valid(rng, lambda: f"{d:%y%m%d}{_digits(rng, 4)}08{_digits(rng, 1)}", idnr.is_valid)
    if locale == "en-CA":
        from stdnum.ca import sin
        v = _until_valid(rng, lambda: str(rng.randint(1, 7)) + _digits(rng, 8), sin.is_valid)
        return "ID_NUMBER", f"{v[:3]} {v[3:6]} {v[6:]}"
    if locale == "cs-CZ":
        from stdnum.cz import rc
        d = birth_date(rng)
        month = d.month + rng.choice([0, 50])
        v = _until_valid(rng, lambda: f"{d:%y}{month:02d}{d:%d}{_digits(rng, 4)}", rc.is_valid)
        return "ID_NUMBER", f"{v[:6]}/{v[6:]}"
    if locale == "tr-TR":
        from stdnum.tr import tckimlik
        return "ID_NUMBER", _until_valid(rng, lambda: str(rng.randint(1, 9)) + _digits(rng, 10), tckimlik.is_valid)
    if locale == "ro-RO":
        from stdnum.ro import cnp
        d = birth_date(rng)
        sex = rng.choice("12") if d.year < 2000 else rng.choice("56")
        county = f"{rng.randint(1, 46):02d}"
        return "ID_NUMBER", _until_valid(rng, lambda: f"{sex}{d:%y%m%d}{county}{_digits(rng, 4)}", cnp.is_valid)
    if locale == "pt-BR":
        from stdnum.br import cpf
        v = _until_valid(rng, lambda: _digits(rng, 11), cpf.is_valid)
        return "ID_NUMBER", f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}"
    if locale == "el-GR":
        from stdnum.gr import amka
        d = birth_date(rng)
        return "ID_NUMBER", _until_valid(rng, lambda: f"{d:%d%m%y}{_digits(rng, 5)}", amka.is_valid)
    if locale == "hu-HU":
        return "ID_NUMBER", _taj(rng)
    if locale == "vi-VN":
        return "ID_NUMBER", f"0{rng.choice(['01', '79', '48', '31'])}{rng.randint(0, 3)}{_digits(rng, 8)}"
    if locale == "sw-KE":
        return "ID_NUMBER", str(rng.randint(21000000, 39999999))
    raise KeyError(locale)


CHECKED_ID_LOCALES = ("en-GB", "en-IE", "en-AU", "en-ZA", "en-CA", "cs-CZ", "tr-TR", "ro-RO", "pt-BR", "el-GR",
                      "hu-HU")


# ----------------------------------------------------------------------------------------- the rest

def ip(rng) -> str:
    if rng.random() < 0.2:
        return f"2a02:{rng.randint(0x1000, 0xffff):x}:{rng.randint(0x100, 0xfff):x}::{rng.randint(2, 0xff):x}"
    return rng.choice([f"{rng.choice([82, 94, 178, 188, 31, 85])}.{rng.randint(1, 254)}.{rng.randint(0, 254)}."
                       f"{rng.randint(2, 254)}", f"10.{rng.randint(0, 40)}.{rng.randint(0, 254)}.{rng.randint(2, 254)}",
                       f"192.168.{rng.randint(0, 20)}.{rng.randint(2, 254)}"])


def personal_url(rng, given: str, surname: str) -> str:
    g, s = ascii_fold(given).lower().replace(" ", ""), ascii_fold(surname).lower().replace(" ", "")
    return rng.choice([f"https://www.linkedin.com/in/{g}-{s}-{_digits(rng, 3)}",
                       f"instagram.com/{g}.{s[:5]}", f"https://{g}{s}.wordpress.com",
                       f"https://calendly.com/{g}-{s}/30min", f"https://portal.example-tickets.net/profile?user={g}{s}"])


def password(rng, given: str) -> str:
    g = ascii_fold(given).lower().replace(" ", "")
    return rng.choice([f"{g.capitalize()}{rng.randint(1960, 2010)}!", f"sunflower{_digits(rng, 2)}{g[:2]}",
                       f"Qw7#{g[:3]}{_digits(rng, 3)}", f"{g}_{_digits(rng, 4)}"])


def pin(rng) -> str:
    return _digits(rng, rng.choice([4, 6]))


def booking_ref(rng) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return rng.choice(["".join(rng.choice(letters + "23456789") for _ in range(6)),
                       f"{rng.choice(letters)}{rng.choice(letters)}-{_digits(rng, 6)}"])


def customer_number(rng) -> str:
    return rng.choice([f"CU-{_digits(rng, 7)}", f"{_digits(rng, 3)}-{_digits(rng, 5)}-{_digits(rng, 2)}"])
