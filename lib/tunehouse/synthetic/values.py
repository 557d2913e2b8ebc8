"""PII values with a valid structure (Luhn-valid cards, mod-97-valid IBANs, issued-range SSNs) in varied
national formats, and how dates, prices and times are written per language. Pure functions of a
``random.Random``: the generator's determinism depends on each drawing the same numbers in the same order."""

from __future__ import annotations

import random
import re
from datetime import datetime

from stdnum import luhn
from stdnum.iso7064 import mod_97_10

from tunehouse.synthetic.pools import IBAN_LAYOUTS, MONTHS

_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def luhn_ok(number: str) -> bool:
    """A written card number (spaces/dashes allowed) of 12+ digits whose Luhn checksum holds."""
    digits = "".join(c for c in number if c.isdigit())
    return len(digits) >= 12 and luhn.checksum(digits) == 0


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    return mod_97_10.is_valid(s[4:] + s[:4])


def _digits(r: random.Random, n: int) -> str:
    return f"{r.randrange(10 ** n):0{n}d}"  # one draw per run of digits: this is on the hot path


_RUNS = re.compile(r"#+|.")


def pattern(r: random.Random, fmt: str) -> str:
    out = []
    for c in _RUNS.findall(fmt):
        if c[0] == "#":
            out.append(_digits(r, len(c)))
        elif c == "N":
            out.append(str(r.randrange(2, 10)))
        elif c == "A":
            out.append(chr(65 + r.randrange(26)))
        elif c == "X":
            out.append(r.choice("CFGHJKLMNPRTVWXYZ0123456789"))
        else:
            out.append(c)
    return "".join(out)


def make_card(r: random.Random) -> str:
    brand = r.choices(["visa", "mc", "amex"], [55, 35, 10])[0]
    if brand == "amex":
        body = r.choice(["34", "37"]) + _digits(r, 12)
    else:
        prefix = "4" if brand == "visa" else str(r.randint(51, 55))
        body = prefix + _digits(r, 15 - len(prefix))
    number = body + luhn.calc_check_digit(body)
    style = r.choices(["space", "dash", "plain"], [45, 15, 40])[0]
    if style == "plain":
        return number
    groups = [number[:4], number[4:10], number[10:]] if brand == "amex" else [number[i:i + 4] for i in range(0, 16, 4)]
    return (" " if style == "space" else "-").join(groups)


def make_iban(r: random.Random, country: str) -> str:
    bban = []
    for kind, n in IBAN_LAYOUTS[country]:
        if isinstance(kind, tuple):
            bban.append(r.choice(kind))
        elif kind == "n":
            bban.append(_digits(r, n))
        elif kind == "a":
            bban.append("".join(chr(65 + r.randrange(26)) for _ in range(n)))
        else:  # alphanumeric, mostly digits as in real accounts
            bban.append("".join(r.choice("0123456789" * 3 + "ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n)))
    bban = "".join(bban)
    iban = f"{country}{mod_97_10.calc_check_digits(bban + country)}{bban}"
    if r.random() < 0.55:
        iban = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def make_ssn(r: random.Random) -> str:
    area = r.randint(1, 899)
    area = 667 if area == 666 else area  # 000, 666 and 9xx are never issued
    ssn = f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    style = r.random()
    return ssn if style < 0.85 else (ssn.replace("-", " ") if style < 0.95 else ssn.replace("-", ""))


def make_ip(r: random.Random) -> str:
    if r.random() < 0.2:
        head = r.choice(["2001:db8", "2a02:8108", "2600:1700", "2a01:cb00", "2a00:23c6"])
        groups = [f"{r.randrange(0x10000):x}" for _ in range(r.choice([2, 3, 6]))]
        return head + (":" if len(groups) == 6 else "::") + ":".join(groups)
    first = r.choice([a for a in range(1, 224) if a not in (10, 127)])
    return f"{first}.{r.randrange(256)}.{r.randrange(256)}.{r.randint(1, 254)}"


def make_ref(r: random.Random) -> str:
    return "WT-" + "".join(r.choice(_REF_ALPHABET) for _ in range(6))


def make_pnr(r: random.Random) -> str:
    while True:  # airline record locators mix letters and digits
        pnr = "".join(r.choice(_REF_ALPHABET) for _ in range(6))
        if sum(c.isdigit() for c in pnr) in (1, 2, 3):
            return pnr


def format_date(r: random.Random, d: datetime, lang: str, year: bool, us: bool = False) -> str:
    m = MONTHS[lang][d.month - 1]
    y = f" {d.year}" if year else ""
    if lang == "en":
        opts = [f"{d.day} {m}{y}", f"{m} {d.day}{',' if year else ''}{y}",
                f"{d.month:02d}/{d.day:02d}/{d.year}" if us else f"{d.day:02d}/{d.month:02d}/{d.year}"]
        if year:
            opts.append(f"{d.year}-{d.month:02d}-{d.day:02d}")
        else:
            opts[2] = f"{d.day} {m[:3]}"
    elif lang == "es":
        opts = [f"{d.day} de {m}" + (f" de {d.year}" if year else ""), f"{d.day:02d}/{d.month:02d}/{d.year}"]
    elif lang == "fr":
        opts = [f"{d.day} {m}{y}", f"{d.day:02d}/{d.month:02d}/{d.year}"]
    else:
        opts = [f"{d.day}. {m}{y}", f"{d.day:02d}.{d.month:02d}.{d.year}" if year else f"{d.day}.{d.month}."]
    return r.choice(opts)


def format_price(r: random.Random, lang: str) -> str:
    amount = r.choice([r.randint(20, 400), r.randint(100, 3500)]) + r.choice([0, 0, 0.5, 0.99, 0.25])
    whole, cents = int(amount), round((amount % 1) * 100)
    if lang == "en":
        sym = r.choice(["€", "€", "£", "$"])
        return r.choice([f"{sym}{whole:,}.{cents:02d}", f"{sym}{whole:,}", f"{whole} EUR"])
    grouped = f"{whole:,}".replace(",", " " if lang == "fr" else ".")
    return r.choice([f"{grouped},{cents:02d} €", f"{whole} €", f"{whole}€", f"{whole} EUR"])


def format_time(r: random.Random, lang: str) -> str:
    h, mi = r.randint(5, 23), r.choice(range(0, 60, 5))
    if lang == "en":
        return r.choice([f"{h:02d}:{mi:02d}", f"{(h - 1) % 12 + 1}:{mi:02d} {'pm' if h >= 12 else 'am'}"])
    if lang == "fr":
        return r.choice([f"{h}h{mi:02d}", f"{h:02d}:{mi:02d}"])
    if lang == "de":
        return r.choice([f"{h:02d}:{mi:02d} Uhr", f"{h}.{mi:02d}"])
    return f"{h:02d}:{mi:02d}"
