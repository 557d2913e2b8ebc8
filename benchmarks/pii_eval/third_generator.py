"""The third generated set: chat messages from ``third_templates`` filled with the hand-written values of
``third_people``, ``third_places``, ``third_phones`` and ``third_details``, with exact spans.

26 locales in 13 languages; about 16% of the records are hard-negative lines (places, shops, brands,
titles, fictional characters, public figures as ``neutral``) with no private PII. Deterministic for a seed.
"""

from __future__ import annotations

import random
import re

from pii_eval import third_details as details
from pii_eval import third_templates, third_templates_more
from pii_eval.records import TextBuilder, capitalised_outside
from pii_eval.third_people import FIRST, NICKNAMES, PUBLIC, SURNAMES
from pii_eval.third_phones import phone
from pii_eval.third_places import address

# locale -> weight (records drawn in proportion); the language is the locale's first part
LOCALE_WEIGHTS: dict[str, int] = {
    "en-US": 6, "en-GB": 6, "en-CA": 5, "en-NZ": 5, "en-ZA": 5, "de-DE": 5, "de-AT": 4, "de-CH": 4,
    "fr-FR": 5, "fr-CA": 4, "fr-CH": 3, "es-ES": 5, "es-MX": 4, "es-AR": 4, "it-IT": 5, "it-CH": 3,
    "nl-NL": 4, "nl-BE": 4, "pt-PT": 4, "pt-BR": 4, "pl-PL": 4, "et-EE": 3, "sv-SE": 3, "nb-NO": 3,
    "da-DK": 3, "fi-FI": 3,
}
NEGATIVE_SHARE = 0.17
TEMPLATES = {**third_templates.TEMPLATES, **third_templates_more.TEMPLATES}
NEGATIVES = {**third_templates.NEGATIVES, **third_templates_more.NEGATIVES}
SLOT_RE = re.compile(r"\{(\w+)\}")
SLOT_TYPES = {"full": "PERSON", "first": "PERSON", "last": "PERSON", "nick": "PERSON", "full2": "PERSON",
              "first2": "PERSON", "addr": "STREET_ADDRESS", "addrml": "STREET_ADDRESS", "addrpost": "STREET_ADDRESS", "phone": "PHONE",
              "email": "EMAIL", "iban": "IBAN", "card": "CREDIT_CARD", "dob": "DATE_OF_BIRTH", "user": "USERNAME",
              "ip": "IP_ADDRESS", "idn": "ID_NUMBER", "url": "URL"}


def lang_of(locale: str) -> str:
    return locale.split("-")[0]


def _values(rng: random.Random, locale: str) -> dict[str, str]:
    """One value per slot for a record: two people of the locale and their details."""
    lang = lang_of(locale)
    first, last = rng.choice(FIRST[locale]), rng.choice(SURNAMES[locale])
    first2 = rng.choice([f for f in FIRST[locale] if f != first])
    return {"full": f"{first} {last}", "first": first, "last": last, "nick": rng.choice(NICKNAMES[lang]),
            "full2": f"{first2} {rng.choice(SURNAMES[locale])}", "first2": first2,
            "addr": address(rng, locale, multiline=False), "addrml": address(rng, locale, multiline=True),
            "addrpost": address(rng, locale, box=True),
            "phone": phone(rng, locale), "email": details.email(rng, lang, first, last),
            "iban": details.iban(rng, locale), "card": details.card(rng), "dob": details.birth_date(rng, lang, locale),
            "user": details.username(rng, first), "ip": details.ip_address(rng),
            "idn": details.id_number(rng, locale), "url": details.url(rng, first, last)}


def fill(template: str, values: dict[str, str], neutral: str | None = None) -> TextBuilder:
    """The template with its slots filled; PII slots become spans, {fig} a neutral string."""
    tb, pos = TextBuilder(), 0
    for m in SLOT_RE.finditer(template):
        tb.text(template[pos:m.start()])
        slot = m.group(1)
        if slot == "fig":
            tb.neutral.append(neutral)
            tb.text(neutral)
        else:
            tb.pii(SLOT_TYPES[slot], values[slot])
        pos = m.end()
    return tb.text(template[pos:])


def build_record(rng: random.Random, index: int) -> dict:
    locale = rng.choices(list(LOCALE_WEIGHTS), weights=list(LOCALE_WEIGHTS.values()))[0]
    lang = lang_of(locale)
    negative = rng.random() < NEGATIVE_SHARE
    template = rng.choice(NEGATIVES[lang] if negative else TEMPLATES[lang])
    tb = fill(template, _values(rng, locale), rng.choice(PUBLIC[lang]))
    rec = tb.build(f"tg-{index:05d}", lang=lang, locale=locale, source="third_generator",
                   kind="negative" if negative else "pii")
    rec["keep"] = capitalised_outside(rec["text"], rec["spans"], rec["neutral"])
    return rec


def build_third_generator(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [build_record(rng, i) for i in range(n)]
