"""Number-shaped values of the sixth sets: phones, national ids, IBANs, cards, dates of birth, e-mails, URLs,
usernames and IP addresses, per locale. Digits come from the caller's ``random.Random``; check digits are
computed (``checksums`` for Luhn and IBAN, the national rules here). Written for this set: no faker, mimesis
or ``phonenumbers`` data.
"""

from __future__ import annotations

import random
import string

from pii_eval.checksums import iban_with_check, luhn_complete


def digits(rng: random.Random, n: int, first: str = "123456789") -> str:
    """``n`` random digits, the first one from ``first`` (no leading zero unless asked for)."""
    return rng.choice(first) + "".join(rng.choice(string.digits) for _ in range(n - 1))


# ---------------------------------------------------------------------------------------------- phones

# per locale: shapes of a phone; "#" a random digit, "%" a digit 2-8, everything else literal (national and
# international forms, trunk prefixes, brackets, dots, dashes, extensions)
PHONE_SHAPES = {
    "en-US": ["(%##) %##-####", "%##-%##-####", "%##.%##.####", "+1 %## %## ####", "1-%##-%##-####",
              "(%##) %##-#### ext. 2#", "+1 (%##) %##-####"],
    "en-GB": ["07%## ######", "07%## ### ###", "+44 7%## ######", "+44 (0)1%# ### ####", "01%# ### ####",
              "020 7%## ####", "+44 20 7%## #### ext 2##"],
    "en-AU": ["04%# ### ###", "+61 4%# ### ###", "(02) 9%## ####", "+61 3 9%## ####", "04%#######",
              "(08) 6%## ####"],
    "en-IN": ["+91 9%### #####", "09%### #####", "9%########", "+91-8%##-###-###", "080-2%## ####",
              "(022) 2%## ####", "+91 11 4%## ####"],
    "en-ZA": ["08% ### ####", "+27 8% ### ####", "(011) 4%# ####", "+27 21 4%# ####", "07%-###-####",
              "08%#######"],
    "en-CA": ["(4%6) %##-####", "6%7-%##-####", "+1 5%4 %## ####", "4%6.%##.####", "(9%2) %##-#### poste 2%#"],
    "cs-CZ": ["6%# ### ###", "+420 7%# ### ###", "7%#######", "+420 2%# ### ###", "00420 6%# ### ###",
              "7%# ## ## ##"],
    "ro-RO": ["07%# ### ###", "+40 7%# ### ###", "07%#.###.###", "021 3%# ####", "+40 (0)2% ### ####",
              "07%#-###-###"],
    "tr-TR": ["0 (5%#) ### ## ##", "+90 5%# ### ## ##", "05%# ### ####", "0212 3%# ## ##", "+90 (2%2) ### ## ##",
              "05%#-###-##-##"],
    "hu-HU": ["+36 30 3%# ####", "06 20 3%# ####", "06-70-3%#-####", "+36 1 3%# ####", "06 (1) 3%# ####",
              "+36-20-3%#-##-##"],
    "ca-ES": ["6%# ## ## ##", "+34 6%# ### ###", "93 3%# ## ##", "+34 972 3% ## ##", "6%#######",
              "0034 6%# ## ## ##"],
    "pt-BR": ["(11) 9%###-####", "+55 21 9%###-####", "(31) 3%##-####", "11 9%### ####", "+55 (51) 9%###-####",
              "(0xx61) 3%##-####"],
    "es-MX": ["55 1%## ####", "+52 55 1%## ####", "(33) 3%##-####", "+52 1 81 1%## ####", "55-1%##-####",
              "(55) 5%## #### ext. 1%#"],
    "fr-CA": ["514 5%#-####", "(450) 6%#-####", "+1 418 5%# ####", "819.5%#.####", "514-5%#-#### poste 2%",
              "1 8%7 5%#-####"],
    "de-AT": ["0664 3%# ## ##", "+43 664 3%#####", "+43 (0)1 5%# ## ##", "01/5%# ## ##", "0676/3%# ## ##",
              "+43 699 1%# ## ##-#"],
    "de-CH": ["079 3%# ## ##", "+41 79 3%# ## ##", "044 3%# ## ##", "+41 (0)31 3%# ## ##", "0041 76 3%# ## ##",
              "061 2%# ## ##"],
    "hr-HR": ["091 3%# ####", "+385 98 3%# ###", "01 4%# ####", "+385 (0)1 4%# ## ##", "099/3%#-###",
              "00385 91 3%# ####"],
}


def phone(rng: random.Random, locale: str) -> str:
    """A phone number of ``locale`` in one of its shapes (``PHONE_SHAPES``)."""
    shape = rng.choice(PHONE_SHAPES[locale])
    return "".join(rng.choice("2345678") if c == "%" else rng.choice(string.digits) if c == "#" else c
                   for c in shape)


# ---------------------------------------------------------------------------------------------- national ids


def _birth(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)


def cz_birth_number(rng: random.Random) -> str:
    """Czech rodné číslo YYMMDD/XXXX: the 10-digit number is divisible by 11 (women: month + 50)."""
    y, m, d = _birth(rng)
    m += 50 * rng.randint(0, 1)
    while True:
        head = f"{y % 100:02d}{m:02d}{d:02d}{digits(rng, 3, string.digits)}"
        check = int(head) % 11
        if check < 10:
            return f"{head[:6]}/{head[6:]}{check}"


def ro_cnp(rng: random.Random) -> str:
    """Romanian CNP: sex/century digit, YYMMDD, county, serial, check digit (weights 279146358279)."""
    y, m, d = _birth(rng)
    body = f"{rng.choice('12') if y < 2000 else rng.choice('56')}{y % 100:02d}{m:02d}{d:02d}{rng.randint(1, 46):02d}"
    body += digits(rng, 3, string.digits)
    total = sum(int(a) * int(b) for a, b in zip(body, "279146358279")) % 11
    return body + ("1" if total == 10 else str(total))


def tr_identity(rng: random.Random) -> str:
    """Turkish T.C. kimlik no: 11 digits, the 10th and 11th check digits."""
    d = [int(c) for c in digits(rng, 9)]
    d10 = ((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10
    d11 = (sum(d) + d10) % 10
    return "".join(map(str, d)) + f"{d10}{d11}"


def hu_taj(rng: random.Random) -> str:
    """Hungarian TAJ number: 8 digits and a check digit (weights 3, 7 alternating, mod 10), as 999 999 999."""
    body = digits(rng, 8)
    check = sum(int(c) * (3 if i % 2 == 0 else 7) for i, c in enumerate(body)) % 10
    n = body + str(check)
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def es_nie_or_dni(rng: random.Random) -> str:
    """Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter); letter = number mod 23."""
    letters = "TRWAGMYFPDXBNJZSQVHLCKE"
    if rng.random() < 0.5:
        n = digits(rng, 8, "1234567")
        return n + letters[int(n) % 23]
    prefix = rng.choice("XYZ")
    n = digits(rng, 7, string.digits)
    return prefix + n + letters[int(str("XYZ".index(prefix)) + n) % 23]


def br_cpf(rng: random.Random) -> str:
    """Brazilian CPF 999.999.999-99 with its two check digits."""
    d = [int(c) for c in digits(rng, 9)]
    for n in (10, 11):
        r = sum(x * w for x, w in zip(d, range(n, 1, -1))) * 10 % 11
        d.append(0 if r == 10 else r)
    s = "".join(map(str, d))
    return f"{s[:3]}.{s[3:6]}.{s[6:9]}-{s[9:]}"


_CURP_CHARS = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"


def mx_curp(rng: random.Random, surname: str, given: str) -> str:
    """Mexican CURP (18 characters) from a name and a drawn birth date, with its check digit."""
    y, m, d = _birth(rng)
    s = surname.upper().replace("Á", "A").replace("É", "E").replace("Í", "I").replace("Ó", "O").replace("Ú", "U")
    g = given.upper().replace("Á", "A").replace("É", "E").replace("Í", "I").replace("Ó", "O").replace("Ú", "U")
    vowel = next((c for c in s[1:] if c in "AEIOU"), "X")
    inner = [c for c in s[1:] if c.isalpha() and c not in "AEIOU"] or ["X"]
    body = (f"{s[0]}{vowel}{rng.choice('BCDFGLMNPRSTVZ')}{g[0]}{y % 100:02d}{m:02d}{d:02d}{rng.choice('HM')}"
            f"{rng.choice(['DF', 'JC', 'NL', 'PL', 'VZ', 'YN', 'GT', 'QT'])}{inner[0]}{rng.choice('BCDFGLMNRSTV')}"
            f"{rng.choice('BCDFGLMNRSTV')}{'0' if y < 2000 else 'A'}")
    total = sum(_CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def ca_sin(rng: random.Random) -> str:
    """Canadian social insurance number 999 999 999 (Luhn)."""
    n = luhn_complete(digits(rng, 8, "12345679"))
    return f"{n[:3]} {n[3:6]} {n[6:]}"


def at_svnr(rng: random.Random) -> str:
    """Austrian Sozialversicherungsnummer: serial (3), check digit, DDMMYY; weights 3790584216, mod 11."""
    y, m, d = _birth(rng)
    while True:
        serial, date = digits(rng, 3), f"{d:02d}{m:02d}{y % 100:02d}"
        check = sum(int(c) * w for c, w in zip(serial + "0" + date, (3, 7, 9, 0, 5, 8, 4, 2, 1, 6))) % 11
        if check < 10:
            return f"{serial}{check} {date}"


def ch_ahv(rng: random.Random) -> str:
    """Swiss AHV number 756.9999.9999.99 (EAN-13 check digit)."""
    body = "756" + digits(rng, 9, string.digits)
    check = (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body)) % 10) % 10
    n = body + str(check)
    return f"{n[:3]}.{n[3:7]}.{n[7:11]}.{n[11:]}"


def hr_oib(rng: random.Random) -> str:
    """Croatian OIB: 10 digits and an ISO 7064 MOD 11,10 check digit."""
    body, a = digits(rng, 10), 10
    for c in body:
        a = (a + int(c)) % 10 or 10
        a = a * 2 % 11
    return body + str((11 - a) % 10)


def za_identity(rng: random.Random) -> str:
    """South African ID: YYMMDD, 4-digit sequence, citizenship, 8, Luhn check digit."""
    y, m, d = _birth(rng)
    return luhn_complete(f"{y % 100:02d}{m:02d}{d:02d}{digits(rng, 4, string.digits)}{rng.choice('01')}8")


def _verhoeff_tables() -> tuple[list[list[int]], list[list[int]], list[int]]:
    d = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
         [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
         [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
         [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
    p = [list(range(10)), [1, 5, 7, 6, 2, 8, 3, 0, 9, 4]]
    for _ in range(6):
        p.append([p[1][x] for x in p[-1]])
    return d, p, [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def in_aadhaar(rng: random.Random) -> str:
    """Indian Aadhaar number 9999 9999 9999 with its Verhoeff check digit."""
    d, p, inv = _verhoeff_tables()
    body, c = digits(rng, 11, "23456789"), 0
    for i, ch in enumerate(reversed(body)):
        c = d[c][p[(i + 1) % 8][int(ch)]]
    n = body + str(inv[c])
    return f"{n[:4]} {n[4:8]} {n[8:]}"


def au_tfn(rng: random.Random) -> str:
    """Australian tax file number 999 999 999 (weights 1 4 3 7 5 8 6 9 10, mod 11 == 0)."""
    while True:
        n = digits(rng, 9)
        if sum(int(c) * w for c, w in zip(n, (1, 4, 3, 7, 5, 8, 6, 9, 10))) % 11 == 0:
            return f"{n[:3]} {n[3:6]} {n[6:]}"


def gb_nino(rng: random.Random) -> str:
    """UK National Insurance number (no check digit): two letters, six digits, A-D."""
    return (rng.choice("ABCEGHJKLMNPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
            + f" {digits(rng, 2, string.digits)} {digits(rng, 2, string.digits)} {digits(rng, 2, string.digits)} "
            + rng.choice("ABCD"))


def us_ssn(rng: random.Random) -> str:
    """A US social security number shape (area 100-665, no check digit)."""
    return f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}"


def national_id(rng: random.Random, locale: str, surname: str = "Lara", given: str = "Ema") -> tuple[str, str]:
    """(type, value) of a national identity number of ``locale``."""
    if locale == "en-US":
        return "SSN", us_ssn(rng)
    if locale == "es-MX":
        return "ID_NUMBER", mx_curp(rng, surname, given)
    make = {"cs-CZ": cz_birth_number, "ro-RO": ro_cnp, "tr-TR": tr_identity, "hu-HU": hu_taj,
            "ca-ES": es_nie_or_dni, "pt-BR": br_cpf, "fr-CA": ca_sin, "en-CA": ca_sin, "de-AT": at_svnr,
            "de-CH": ch_ahv, "hr-HR": hr_oib, "en-ZA": za_identity, "en-IN": in_aadhaar, "en-AU": au_tfn,
            "en-GB": gb_nino}[locale]
    return "ID_NUMBER", make(rng)


# ---------------------------------------------------------------------------------------------- money

# country, body shape ("9" digit, "A" capital letter); the locales without IBAN pay to a European account
IBAN_BODY = {"CZ": "9999" + "9" * 16, "RO": "AAAA" + "9" * 16, "TR": "99999" + "0" + "9" * 16, "HU": "9" * 24,
             "ES": "9" * 20, "BR": "9" * 23 + "C1", "AT": "9" * 16, "CH": "9" * 17, "HR": "9" * 17,
             "GB": "AAAA" + "9" * 14, "DE": "9" * 18, "FR": "9" * 23}
IBAN_COUNTRY = {"cs-CZ": "CZ", "ro-RO": "RO", "tr-TR": "TR", "hu-HU": "HU", "ca-ES": "ES", "pt-BR": "BR",
                "de-AT": "AT", "de-CH": "CH", "hr-HR": "HR", "en-GB": "GB", "fr-CA": "FR", "es-MX": "ES",
                "en-US": "DE", "en-AU": "GB", "en-IN": "GB", "en-ZA": "GB", "en-CA": "FR"}


def iban(rng: random.Random, locale: str) -> str:
    """A valid (mod 97) IBAN of the locale's country, grouped by four or run together."""
    country = IBAN_COUNTRY[locale]
    body = "".join(rng.choice(string.digits) if c == "9" else rng.choice("BCDEFGHKMNPRSTW") if c == "A" else c
                   for c in IBAN_BODY[country])
    value = iban_with_check(country, body)
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.6 else value


def card(rng: random.Random) -> str:
    """A Luhn-valid card number: Visa, Mastercard or Amex, grouped or not."""
    kind = rng.choice(("visa", "mc", "amex"))
    if kind == "amex":
        n = luhn_complete(rng.choice(("34", "37")) + digits(rng, 12, string.digits))
        return f"{n[:4]} {n[4:10]} {n[10:]}"
    prefix = "4" if kind == "visa" else str(rng.randint(51, 55))
    n = luhn_complete(prefix + digits(rng, 15 - len(prefix), string.digits))
    sep = rng.choice((" ", "-", ""))
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


# ---------------------------------------------------------------------------------------------- dates, online

DOB_SHAPES = {"en-US": "{m}/{d}/{y}", "en-GB": "{d:02d}/{m:02d}/{y}", "en-AU": "{d}/{m}/{y}", "en-IN": "{d:02d}-{m:02d}-{y}",
              "en-ZA": "{y}/{m:02d}/{d:02d}", "en-CA": "{y}-{m:02d}-{d:02d}", "cs-CZ": "{d}. {m}. {y}",
              "ro-RO": "{d:02d}.{m:02d}.{y}", "tr-TR": "{d:02d}.{m:02d}.{y}", "hu-HU": "{y}. {m:02d}. {d:02d}.",
              "ca-ES": "{d}/{m}/{y}", "pt-BR": "{d:02d}/{m:02d}/{y}", "es-MX": "{d:02d}/{m:02d}/{y}",
              "fr-CA": "{y}-{m:02d}-{d:02d}", "de-AT": "{d}.{m}.{y}", "de-CH": "{d:02d}.{m:02d}.{y}",
              "hr-HR": "{d}. {m}. {y}."}


def date_of_birth(rng: random.Random, locale: str) -> str:
    y, m, d = _birth(rng)
    return DOB_SHAPES[locale].format(y=y, m=m, d=d)


def ip_address(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    return f"{rng.randint(31, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
