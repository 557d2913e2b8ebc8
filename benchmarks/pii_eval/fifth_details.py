"""Phones, bank and card numbers, ids, birth dates, handles, links and addresses of machines for the fifth
generated set: shapes written by hand from each country's conventions, digits drawn from the seeded
generator, check digits computed (``checksums``). No phonenumbers example numbers, no faker data."""

from __future__ import annotations

import random
import unicodedata

from pii_eval.checksums import iban_with_check, luhn_complete

# how people type a number in a chat: 'd' is a random digit, everything else is written as is
PHONE_SHAPES = {
    "en": ["07dd3 dd4 d82", "+44 7dd5 d6d 1d9", "07d8d-d3d-d5d", "(01dd3) 5d6 d42", "+353 87 d4d 6d1d",
           "083 d7d 2dd4", "0161 d8d 4d2d"],
    "de": ["0171 d5d8 d4d", "+49 152 d6d3 8d1d", "0176-d8d7d2d", "(0531) d4d 7d8", "+49 (0)30 d8d 4d5d"],
    "fr": ["06 d8 4d 7d 1d", "+33 7 d2 9d 4d 3d", "07.d3.d8.d6.d2", "02 d6 5d 1d 8d"],
    "es": ["6d8 4d2 7d5", "+34 7d1 d3d 9d4", "6d7-d2d-d8d", "9d5 d8 d2 d6"],
    "it": ["3d8 d4d 7d2d", "+39 34d d8d3 d71", "3d5-d6d-d4d8", "0d9 d7d 5d4"],
    "nl": ["06-d8d3d7d4", "+31 6 d5d 8d2d1", "06 d7 d3 d4 d8", "0d0-d5d8d2d"],
    "pt": ["91d d8d 4d2", "+351 96d d2d 7d1", "93d-d5d-d8d", "2d3 d4d 6d1"],
    "pl": ["5d1 d8d 4d2", "+48 60d d7d 3d1", "7d8-d2d-d6d", "(22) d8d d4 d7"],
    "sv": ["07d-d8d d4 d2", "+46 7d d5d d8 d3", "08-d4d d2 d7"],
    "nb": ["9d4 d7 d2d", "+47 4d8 d3 d6d", "4d 6d 2d 8d"],
    "da": ["2d d8 d4 d7", "+45 5d d3 d8 d2", "0045 3d d6 d1 d9"],
    "fi": ["04d d8d d4d2", "+358 50 d7d d3d4"],
    "et": ["5d8 d4d2", "+372 5d7 d3d1", "+372 6d4 d8d2"],
}
# 11 the first two letters and the length of the bank part; 'd' digit, 'A' capital letter
IBAN_BODIES = {
    "en": ("GB", "AAAAdddddddddddddd"), "de": ("DE", "dddddddddddddddddd"), "fr": ("FR", "dddddddddddddddddddddd"),
    "es": ("ES", "dddddddddddddddddddd"), "it": ("IT", "Addddddddddddddddddddddd"), "nl": ("NL", "AAAAdddddddddd"),
    "pt": ("PT", "ddddddddddddddddddddd"), "pl": ("PL", "dddddddddddddddddddddddd"), "sv": ("SE", "dddddddddddddddddddd"),
    "nb": ("NO", "ddddddddddd"), "da": ("DK", "dddddddddddddd"), "fi": ("FI", "dddddddddddddd"),
    "et": ("EE", "dddddddddddddddd"),
}
CARD_PREFIXES = [("4", 16), ("51", 16), ("53", 16), ("2221", 16), ("37", 15)]
DOB_SHAPES = {
    "en": ["{d} {M} {y}", "{d:02}/{m:02}/{y}"], "de": ["{d:02}.{m:02}.{y}", "{d}. {M} {y}"],
    "fr": ["{d:02}/{m:02}/{y}", "{d} {M} {y}"], "es": ["{d:02}/{m:02}/{y}", "{d} de {M} de {y}"],
    "it": ["{d:02}/{m:02}/{y}", "{d} {M} {y}"], "nl": ["{d:02}-{m:02}-{y}", "{d} {M} {y}"],
    "pt": ["{d:02}/{m:02}/{y}", "{d} de {M} de {y}"], "pl": ["{d:02}.{m:02}.{y}", "{d} {M} {y}"],
    "sv": ["{y}-{m:02}-{d:02}"], "nb": ["{d:02}.{m:02}.{y}"], "da": ["{d:02}.{m:02}.{y}"], "fi": ["{d}.{m}.{y}"],
    "et": ["{d:02}.{m:02}.{y}"],
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
HANDLE_TAILS = ["_ontour", ".bakes", "_gk", "xx", "_on_wheels", "_knits", "_fc", ".climbs", "_og", "_rides"]
URL_SHAPES = ["https://{h}.bandcamp.com", "www.strava.com/athletes/{n}", "https://linktr.ee/{h}",
              "https://www.instagram.com/{h}/", "https://vinted.example-shop.net/member/{n}-{h}",
              "https://{h}.wordpress.com/about"]
MAIL_DOMAINS = ["posteo.de", "web.de", "laposte.net", "orange.fr", "libero.it", "ziggo.nl", "sapo.pt",
                "o2.pl", "telia.com", "online.no", "outlook.dk", "elisanet.fi", "hot.ee", "btinternet.com",
                "icloud.com", "proton.me", "gmx.at", "tiscali.it"]


def digits(rng: random.Random, shape: str) -> str:
    return "".join(str(rng.randrange(10)) if c == "d" else chr(65 + rng.randrange(26)) if c == "A" else c
                   for c in shape)


def phone(rng: random.Random, lang: str) -> str:
    """A number in one of the country's shapes; one in six typed without its spaces, as thumbs do."""
    number = digits(rng, rng.choice(PHONE_SHAPES[lang]))
    return number.replace(" ", "") if rng.random() < 0.17 else number


def iban(rng: random.Random, lang: str, grouped: bool) -> str:
    country, body = IBAN_BODIES[lang]
    value = iban_with_check(country, digits(rng, body))
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if grouped else value


def card(rng: random.Random) -> str:
    prefix, length = rng.choice(CARD_PREFIXES)
    number = luhn_complete(prefix + digits(rng, "d" * (length - len(prefix) - 1)))
    if length == 15:
        return f"{number[:4]} {number[4:10]} {number[10:]}"
    return rng.choice([" ", "-", ""]).join(number[i:i + 4] for i in range(0, 16, 4))


def date_of_birth(rng: random.Random, lang: str) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1948, 2009)
    months = MONTHS.get(lang, MONTHS["en"]).split()
    return rng.choice(DOB_SHAPES[lang]).format(d=d, m=m, y=y, M=months[m - 1])


def ascii_fold(s: str) -> str:
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and (c.isalnum() or c in "._-"))


def handle(rng: random.Random, first: str, last: str) -> str:
    base = ascii_fold(rng.choice([first.lower(), first.lower()[:4] + last.lower()[:3], last.lower()]))
    return base + rng.choice(HANDLE_TAILS) + rng.choice(["", str(rng.randint(2, 99))])


def email(rng: random.Random, first: str, last: str) -> str:
    local = rng.choice(["{f}.{l}", "{f}{l}{n}", "{f0}{l}", "{l}.{f}{n}"]).format(
        f=ascii_fold(first.lower()), l=ascii_fold(last.lower().replace(" ", "")), f0=ascii_fold(first.lower())[0],
        n=rng.randint(1, 89))
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


def url(rng: random.Random, first: str, last: str) -> str:
    return rng.choice(URL_SHAPES).format(h=handle(rng, first, last).replace(".", "-"), n=rng.randint(10000, 9999999))


def ip_address(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"2a02:{rng.randrange(16**4):x}:{rng.randrange(16**4):x}::{rng.randrange(16**3):x}"
    return ".".join(str(x) for x in (rng.choice([84, 91, 178, 213, 88, 37]), rng.randint(1, 254),
                                     rng.randint(0, 254), rng.randint(2, 254)))


def id_number(rng: random.Random, lang: str) -> str:
    """A national id number with its real check digit where the country has a simple one."""
    if lang == "es":
        n = rng.randint(10000000, 79999999)
        return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
    if lang == "pl":  # PESEL
        body = f"{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 9999):04d}"
        total = sum(int(c) * w for c, w in zip(body, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)))
        return body + str((10 - total % 10) % 10)
    if lang == "nl":  # BSN, the eleven test
        while True:
            body = digits(rng, "dddddddd")
            rest = sum(int(c) * w for c, w in zip(body, range(9, 1, -1))) % 11
            if rest < 10:
                return body + str(rest)
    if lang == "sv":  # personnummer, Luhn over the ten digits
        body = f"{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
        full = luhn_complete(body)
        return f"{full[:6]}-{full[6:]}"
    if lang == "it":  # a tessera sanitaria number as printed
        return "80380" + digits(rng, "ddddddddddddddd")
    return digits(rng, rng.choice(["AAddddddd", "dddddddddA", "ddd-ddd-ddd"]))
