"""The ``fresh_generator`` set: chat messages from ``fresh_templates`` filled with hand-written values.

Built by a different author from the other sets, with no look at the scrubber's detectors, word lists or
training templates: values from ``fresh_people`` (names, e-mails, handles, IDs), ``fresh_phones`` and
``fresh_places`` (national formats written from the numbering plans and postal conventions), no faker,
mimesis or phonenumbers. Deterministic for a seed (``random.Random``); ids ``fg-00000``...
"""

from __future__ import annotations

import random
import re

from . import fresh_people as people
from . import fresh_phones as phones
from . import fresh_places as places
from .fresh_templates import NEGATIVES, TEMPLATES
from .records import TextBuilder, capitalised_outside

LANG_LOCALES: dict[str, list[str]] = {
    "en": ["en-US", "en-GB", "en-IE", "en-AU"], "de": ["de-DE", "de-AT", "de-CH"], "fr": ["fr-FR", "fr-BE"],
    "es": ["es-ES"], "it": ["it-IT"], "nl": ["nl-NL"], "pt": ["pt-PT", "pt-BR"], "pl": ["pl-PL"], "et": ["et-EE"],
    "sv": ["sv-SE"], "nb": ["nb-NO"], "da": ["da-DK"], "fi": ["fi-FI"],
}
LANG_WEIGHTS = {"en": 26, "de": 14, "fr": 10, "es": 8, "it": 8, "nl": 7, "pt": 8, "pl": 5, "et": 4, "sv": 3, "nb": 2,
                "da": 2, "fi": 3}
NEGATIVE_SHARE = 0.15
IBAN_COUNTRY = {"en-GB": "gb", "en-IE": "ie", "de-DE": "de", "de-AT": "at", "de-CH": "ch", "fr-FR": "fr",
                "fr-BE": "be", "es-ES": "es", "it-IT": "it", "nl-NL": "nl", "pt-PT": "pt", "pt-BR": "pt",
                "pl-PL": "pl", "et-EE": "ee", "sv-SE": "se", "fi-FI": "fi"}
SLOT_TYPES = {"full": "PERSON", "first": "PERSON", "last": "PERSON", "phone": "PHONE", "phone_ext": "PHONE",
              "spoken": "PHONE", "address": "STREET_ADDRESS", "address_ml": "STREET_ADDRESS", "email": "EMAIL",
              "user": "USERNAME", "dob": "DATE_OF_BIRTH", "iban": "IBAN", "card": "CREDIT_CARD", "ip": "IP_ADDRESS",
              "url": "URL", "pw": "CREDENTIAL", "ssn": "SSN", "idnum": "ID_NUMBER"}
PIECE_RE = re.compile(r"\{(\w+)\}|\[\[(.+?)\]\]")


def slot_value(slot: str, locale: str, rng: random.Random) -> str:
    """The value of one template slot for ``locale``."""
    lang = locale.split("-")[0]
    makers = {
        "full": lambda: people.full(locale, rng), "first": lambda: people.first(locale, rng),
        "last": lambda: people.last(locale, rng), "phone": lambda: phones.phone(locale, rng),
        "phone_ext": lambda: phones.phone(locale, rng, extension=True), "spoken": lambda: phones.spoken_uk_mobile(rng),
        "address": lambda: places.address(locale, rng, multiline=False),
        "address_ml": lambda: places.address(locale, rng, multiline=True),
        "email": lambda: people.email(locale, rng), "user": lambda: people.username(locale, rng),
        "dob": lambda: people.date_of_birth(lang, rng),
        "iban": lambda: people.iban(IBAN_COUNTRY.get(locale, "de"), rng, spaced=rng.random() < 0.6),
        "card": lambda: people.card(rng), "ip": lambda: people.ip_address(rng),
        "url": lambda: people.profile_url(locale, rng), "pw": lambda: people.password(rng),
        "ssn": lambda: people.ssn(rng), "idnum": lambda: people.pesel(rng) if lang == "pl" else people.dni(rng),
        "town": lambda: places.town(locale, rng),
    }
    return makers[slot]()


def fill_template(template: str, locale: str, rng: random.Random) -> TextBuilder:
    """The template with its slots filled: PII slots as spans, ``{town}`` as a keep string, ``[[x]]`` neutral."""
    tb = TextBuilder()
    pos = 0
    for m in PIECE_RE.finditer(template):
        tb.text(template[pos:m.start()])
        slot, famous = m.group(1), m.group(2)
        if famous:
            tb.neutral.append(famous)
            tb.text(famous)
        elif slot == "town":
            tb.keeper(slot_value(slot, locale, rng))
        else:
            tb.pii(SLOT_TYPES[slot], slot_value(slot, locale, rng))
        pos = m.end()
    return tb.text(template[pos:])


def _locale_for(lang: str, template: str, rng: random.Random) -> str:
    locales = LANG_LOCALES[lang]
    if "{ssn}" in template:  # a US number only makes sense for a US resident
        return "en-US"
    if "{iban}" in template:  # no IBAN in the US or Australia
        locales = [loc for loc in locales if loc in IBAN_COUNTRY] or locales
    return rng.choice(locales)


def build_fresh_generator(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    langs = list(LANG_WEIGHTS)
    records = []
    for i in range(n):
        lang = rng.choices(langs, weights=[LANG_WEIGHTS[x] for x in langs])[0]
        negative = rng.random() < NEGATIVE_SHARE
        template = rng.choice((NEGATIVES if negative else TEMPLATES)[lang])
        locale = _locale_for(lang, template, rng)
        tb = fill_template(template, locale, rng)
        rec = tb.build(f"fg-{i:05d}", lang=lang, locale=locale, source="fresh_templates",
                       kind="negative" if negative else "pii")
        keep = rec["keep"] + capitalised_outside(rec["text"], rec["spans"], rec["neutral"])
        rec["keep"] = list(dict.fromkeys(keep))
        records.append(rec)
    return records
