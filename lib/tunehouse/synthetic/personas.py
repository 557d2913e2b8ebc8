"""Personas: who the customer is (name, e-mail, phone, card, IBAN, SSN, IP, address, passport, date of birth,
booking references), drawn from Faker pools pre-drawn per locale (Faker in the hot loop would dominate the
run time)."""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from tunehouse.synthetic.pools import (
    EMAIL_DOMAINS,
    IBAN_LAYOUTS,
    LOCALE_COUNTRY,
    PASSPORT_FORMATS,
    PHONE_FORMATS,
    TITLES,
    TRICKY_NAMES,
)
from tunehouse.synthetic.values import (
    format_date,
    make_card,
    make_iban,
    make_ip,
    make_pnr,
    make_ref,
    make_ssn,
    pattern,
)

DOB_REFERENCE = datetime(2023, 7, 1)  # customers are 18-80 years old at the start of the logs

_FAKERS: dict = {}
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d",
                       "þ": "th", "Þ": "Th", "ı": "i", "'": "", " ": "", "-": ""})
_PINYIN = ["wei", "li", "zhang", "wang", "liu", "chen", "yang", "huang", "zhao", "wu", "xiaoming", "lei"]
_ROMAJI = ["yuki", "haruto", "sakura", "kenji", "tanaka", "sato", "aoi", "ren", "hina", "suzuki"]


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if c.isascii() and c.isalnum()).lower()


class PersonaPools:
    """Names and addresses per locale, drawn once per seed; independent of how many are used."""

    def __init__(self, seed: int):
        self.seed = seed
        self._pools: dict[str, dict] = {}

    def get(self, locale: str) -> dict:
        if locale not in self._pools:
            from faker import Faker

            fake = _FAKERS.get(locale) or _FAKERS.setdefault(locale, Faker(locale))
            fake.seed_instance(self.seed * 1_000_003 + zlib.crc32(locale.encode()))
            if locale == "ja_JP":  # mostly romanised, some in kanji (family name first)
                firsts = [fake.first_romanized_name() for _ in range(120)]
                lasts = [fake.last_romanized_name() for _ in range(120)]
                native = [(fake.last_name(), fake.first_name()) for _ in range(40)]
            else:
                firsts = [fake.first_name() for _ in range(160)]
                lasts = [fake.last_name() for _ in range(160)]
                native = [(fake.last_name(), fake.first_name()) for _ in range(40)] if locale == "zh_CN" else []
            addresses = [re.sub(r"\s*\n\s*", ", ", fake.address()).strip() for _ in range(120)]
            self._pools[locale] = {"first": firsts, "last": lasts, "native": native, "address": addresses}
        return self._pools[locale]


@dataclass
class Persona:
    locale: str
    country: str
    first: str
    last: str
    full: str
    email: str
    phone: str
    card: str
    iban: str | None
    ssn: str | None
    ip: str
    address: str
    passport: str
    dob: str
    ref: str
    pnr: str
    title: str


def make_email(r: random.Random, first: str, last: str, country: str) -> str:
    f, l = _ascii(first), _ascii(last)
    if not f or not l:  # names in CJK script: a romanised handle
        handles = _ROMAJI if country == "JP" else _PINYIN
        f, l = r.choice(handles), r.choice(handles)
    local = r.choice([f"{f}.{l}", f"{f}{l}", f"{f[0]}.{l}", f"{f}_{l}{r.randint(1, 99)}", f"{f}{r.randint(70, 2005)}",
                      f"{l}.{f}", f"{f}.{l}+travel"])
    domain = r.choice(EMAIL_DOMAINS.get(country, []) + EMAIL_DOMAINS["*"][:2])
    email = f"{local}@{domain}"
    return email.upper() if r.random() < 0.02 else email


def make_persona(r: random.Random, pools: PersonaPools, locale: str, lang: str) -> Persona:
    country = LOCALE_COUNTRY[locale]
    pool = pools.get(locale)
    if r.random() < 0.04:
        first, last = r.choice(TRICKY_NAMES)
    else:
        first, last = r.choice(pool["first"]), r.choice(pool["last"])
    full = f"{first} {last}"
    if pool["native"] and r.random() < 0.3:  # family name first, no space in Chinese
        last, first = r.choice(pool["native"])
        full = f"{last}{first}" if locale == "zh_CN" else f"{last} {first}"
    born = DOB_REFERENCE - timedelta(days=r.randint(18 * 365, 80 * 365))
    return Persona(
        locale=locale, country=country, first=first, last=last, full=full,
        email=make_email(r, first, last, country),
        phone=pattern(r, r.choice(PHONE_FORMATS[country])),
        card=make_card(r),
        iban=make_iban(r, country) if country in IBAN_LAYOUTS else None,
        ssn=make_ssn(r) if country == "US" else None,
        ip=make_ip(r),
        address=r.choice(pool["address"]),
        passport=pattern(r, r.choice(PASSPORT_FORMATS[country])),
        dob=format_date(r, born, lang, year=True, us=country == "US"),
        ref=make_ref(r), pnr=make_pnr(r),
        title=r.choice(TITLES[lang]),
    )


def rename_persona(r: random.Random, pools: PersonaPools, p: Persona) -> Persona:
    """The same customer data under another name and email (an exact duplicate after scrubbing)."""
    pool = pools.get(p.locale)
    first, last = r.choice(pool["first"]), r.choice(pool["last"])
    while f"{first} {last}" == p.full:
        first = r.choice(pool["first"])
    return Persona(**{**p.__dict__, "first": first, "last": last, "full": f"{first} {last}",
                      "email": make_email(r, first, last, p.country)})
