"""The seventh generated set: exported customer-support and operations transcripts (helpdesk chats with role and
name prefixes and timestamps, agent notes, escalation summaries, call-back requests, delivery and installation
scheduling, account recovery, insurance claims, pharmacy and clinic scheduling, telecom porting, meter readings,
food delivery, ride-hailing lost and found, school administration, HR onboarding) in 26 locales, 45% English.

Every value is placed by ``records.TextBuilder``, so each span is exactly its value. Templates, names, places
and number shapes were written for this set (``seventh_templates_*``, ``seventh_people``, ``seventh_places``,
``seventh_numbers``); no faker, mimesis or phonenumbers data.
"""

from __future__ import annotations

import random
import re

from pii_eval.records import TextBuilder, capitalised_outside
from pii_eval.seventh_numbers import (
    card,
    credential,
    date_of_birth,
    email,
    iban,
    ip_address,
    national_id,
    phone,
    profile_url,
    username,
)
from pii_eval.seventh_people import NAMES, NICKNAMES
from pii_eval.seventh_places import address
from pii_eval.seventh_templates_en import NEGATIVES_EN, TEMPLATES_EN
from pii_eval.seventh_templates_intl import NEGATIVES_INTL, TEMPLATES_INTL

LOCALES: dict[str, tuple[str, ...]] = {
    "en": ("en-US", "en-GB", "en-IN", "en-NG", "en-KE", "en-PH", "en-PK", "en-SG", "en-MY", "en-AE", "en-JM",
           "en-GH", "en-NZ", "en-IE"),
    "es": ("es-AR", "es-CO"), "fr": ("fr-FR", "fr-SN", "fr-MA"), "de": ("de-DE",), "it": ("it-IT",),
    "pt": ("pt-PT",), "pl": ("pl-PL",), "nl": ("nl-BE",), "sv": ("sv-SE",), "id": ("id-ID",),
}
# the countries whose address and phone conventions the older sets lack are drawn twice as often
ENGLISH_DRAW = LOCALES["en"] + ("en-IN", "en-NG", "en-PH", "en-KE", "en-GH", "en-PK")
OTHER_LOCALES = tuple(loc for lang, locs in LOCALES.items() if lang != "en" for loc in locs)
ENGLISH_SHARE = 0.45
NEGATIVE_SHARE = 0.2
TEMPLATES = {"en": TEMPLATES_EN, **TEMPLATES_INTL}
NEGATIVES = {"en": NEGATIVES_EN, **NEGATIVES_INTL}

# a city of each locale, kept where a template names one ({C})
CITIES = {"en-US": ("Albuquerque", "Milwaukee"), "en-GB": ("Sheffield", "Norwich"), "en-IN": ("Hyderabad", "Kochi"),
          "en-NG": ("Enugu", "Kaduna"), "en-KE": ("Mombasa", "Eldoret"), "en-PH": ("Davao", "Iloilo"),
          "en-PK": ("Faisalabad", "Multan"), "en-SG": ("Woodlands", "Punggol"), "en-MY": ("Ipoh", "Johor Bahru"),
          "en-AE": ("Ajman", "Al Ain"), "en-JM": ("Montego Bay", "Ocho Rios"), "en-GH": ("Takoradi", "Tamale"),
          "en-NZ": ("Dunedin", "Tauranga"), "en-IE": ("Limerick", "Waterford"), "es-AR": ("Mendoza", "Salta"),
          "es-CO": ("Pereira", "Bucaramanga"), "fr-FR": ("Lille", "Toulouse"), "fr-SN": ("Ziguinchor", "Kaolack"),
          "fr-MA": ("Tanger", "Agadir"), "de-DE": ("Leipzig", "Dortmund"), "it-IT": ("Bologna", "Verona"),
          "pt-PT": ("Aveiro", "Faro"), "pl-PL": ("Lublin", "Toruń"), "nl-BE": ("Mechelen", "Aalst"),
          "sv-SE": ("Malmö", "Örebro"), "id-ID": ("Semarang", "Medan")}
DAYS = {"en": ("Tuesday", "Thursday the 14th", "next Monday", "Friday morning", "the 3rd"),
        "es": ("jueves", "martes 12", "lunes que viene"), "fr": ("jeudi 12", "mardi", "lundi prochain"),
        "de": ("Donnerstag", "Dienstag, 12.3.", "nächsten Montag"), "it": ("giovedì", "martedì 12", "lunedì"),
        "pt": ("quinta-feira", "terça, dia 12", "segunda"), "pl": ("czwartek", "wtorek 12.03", "poniedziałek"),
        "nl": ("donderdag", "dinsdag 12/3", "maandag"), "sv": ("torsdag", "tisdag den 12", "måndag"),
        "id": ("Kamis", "Selasa tgl 12", "Senin depan")}
NEG_PREFIXES = ("", "", "[{T}] ", "Ops bulletin {REF}: ", "Pinned: ")
SLOT_RE = re.compile(r"\{(\w+)(?::([^}]*))?\}")
FULL_NAME_RE = re.compile(r"\{F(\d?)\} \{S\1\}")


def build_seventh_generator(n: int, seed: int) -> list[dict]:
    """``n`` records, deterministic in ``seed``; ids ``seventh_g-00000`` ..."""
    rng = random.Random(seed)
    queues = {lang: _Cycle(len(TEMPLATES[lang]), rng) for lang in TEMPLATES}
    neg_queues = {lang: _Cycle(len(NEGATIVES[lang]), rng) for lang in NEGATIVES}
    english = [i < round(n * ENGLISH_SHARE) for i in range(n)]  # the English share exactly, in shuffled order
    rng.shuffle(english)
    out = []
    for i in range(n):
        locale = rng.choice(ENGLISH_DRAW if english[i] else OTHER_LOCALES)
        lang = locale[:2]
        negative = rng.random() < NEGATIVE_SHARE
        if negative:
            k = neg_queues[lang].next()
            template, name = rng.choice(NEG_PREFIXES) + NEGATIVES[lang][k], f"neg-{lang}-{k:02d}"
        else:
            k = queues[lang].next()
            template, name = TEMPLATES[lang][k], f"{lang}-{k:03d}"
        rec = render(template, locale, rng).build(
            f"seventh_g-{i:05d}", lang=lang, locale=locale, kind="negative" if negative else "pii",
            template=name, source="seventh_generator")
        out.append(_with_keep(rec))
    return out


class _Cycle:
    """Templates in a shuffled round robin: every template is drawn before any is drawn twice."""

    def __init__(self, n: int, rng: random.Random) -> None:
        self._n, self._rng, self._order = n, rng, []

    def next(self) -> int:
        if not self._order:
            self._order = list(range(self._n))
            self._rng.shuffle(self._order)
        return self._order.pop()


def _people(locale: str, rng: random.Random, k: int = 4) -> list[tuple[str, str]]:
    given, surnames = NAMES[locale]
    return list(zip(rng.sample(given, k), rng.sample(surnames, k)))


def render(template: str, locale: str, rng: random.Random) -> TextBuilder:
    """Fill ``template``'s slots for ``locale``; the same slot name means the same value within a record."""
    lang = locale[:2]
    people = _people(locale, rng)
    template = FULL_NAME_RE.sub(r"{P\1}", template)  # "{F} {S}" is one full name, one span
    filled: dict[str, tuple[str | None, str]] = {}
    tb = TextBuilder()
    pos = 0
    for m in SLOT_RE.finditer(template):
        tb.text(template[pos:m.start()])
        pos = m.end()
        slot, arg = m.group(1), m.group(2)
        if slot == "K":
            tb.keeper(arg)
            continue
        if slot == "NE":
            tb.neutral.append(arg)
            tb.text(arg)
            continue
        if slot not in filled:
            filled[slot] = _value(slot, locale, lang, people, filled, rng)
        typ, value = filled[slot]
        if typ is None:
            tb.text(value)
        elif typ == "KEEP":
            tb.keeper(value)
        else:
            tb.pii(typ, value)
    tb.text(template[pos:])
    return tb


def _value(slot: str, locale: str, lang: str, people, filled, rng: random.Random) -> tuple[str | None, str]:
    """(type, value) for one slot; type None for plain text, "KEEP" for a kept string."""
    person = {"": 0, "2": 1, "3": 2, "4": 3}
    m = re.fullmatch(r"([PFfS])(\d?)", slot)
    if m:
        given, surname = people[person[m.group(2)]]
        value = {"P": f"{given} {surname}", "F": given, "f": given.lower(), "S": surname}[m.group(1)]
        return "PERSON", value
    first, last = people[0]
    if slot == "N":
        return "PERSON", rng.choice(NICKNAMES[locale])
    if slot in ("PH", "PH2"):
        return "PHONE", phone(locale, rng)
    if slot in ("AD", "AD2"):
        return "STREET_ADDRESS", address(locale, rng, one_line=True)
    if slot == "ADB":
        return "STREET_ADDRESS", address(locale, rng)
    if slot == "EM":
        return "EMAIL", email(first, last.split()[-1], rng)
    if slot == "U":
        return "USERNAME", username(first, last.split()[-1], rng)
    if slot == "URL":
        return "URL", profile_url(username(first, last.split()[-1], rng).replace(".", "-"), rng)
    if slot == "IB":
        return "IBAN", iban(locale if locale in _IBAN_LOCALES else _IBAN_FALLBACK[lang], rng)
    if slot == "CC":
        return "CREDIT_CARD", card(rng)
    if slot == "DOB":
        return "DATE_OF_BIRTH", date_of_birth(locale, rng)
    if slot in ("ID", "IDL"):
        label, value = national_id(locale, rng)
        filled.setdefault("IDL", (None, label))
        filled.setdefault("ID", ("ID_NUMBER", value))
        return filled[slot]
    if slot in ("IP", "IP2"):
        return "IP_ADDRESS", ip_address(rng)
    if slot == "PW":
        return "CREDENTIAL", credential(rng)
    if slot == "T":
        h, mi = rng.randint(7, 20), rng.choice([2, 9, 14, 21, 33, 37, 46, 58])
        return None, f"{h:02d}:{mi:02d}"
    if slot == "D":
        return None, rng.choice(DAYS[lang])
    if slot == "REF":
        return None, rng.choice(["TCK-", "#", "CL-", "INC"]) + str(rng.randint(100000, 999999))
    if slot == "C":
        return "KEEP", rng.choice(CITIES[locale])
    raise KeyError(f"unknown slot {slot!r}")


_IBAN_LOCALES = {"en-GB", "en-IE", "de-DE", "fr-FR", "it-IT", "pt-PT", "pl-PL", "sv-SE", "en-AE", "en-PK", "nl-BE"}
# locales whose banks use no IBAN at home: chats there quote the IBAN of a partner bank abroad
_IBAN_FALLBACK = {"en": "en-GB", "es": "pt-PT", "fr": "fr-FR", "id": "nl-BE"}


def _with_keep(rec: dict) -> dict:
    """Keep strings: the ones put in, then every other capitalised word outside the spans; none equal to a value."""
    values = {s["value"] for s in rec["spans"]}
    keep = rec["keep"] + [w for w in capitalised_outside(rec["text"], rec["spans"], rec["neutral"])
                          if w not in rec["keep"]]
    rec["keep"] = [k for k in keep if k not in values and not _part_of_neutral(k, rec["neutral"])]
    return rec


def _part_of_neutral(word: str, neutral: list[str]) -> bool:
    return any(word in n for n in neutral)
