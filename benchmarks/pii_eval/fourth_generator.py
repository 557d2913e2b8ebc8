"""The fourth generated set: hand-written chat messages (fourth_templates.py) filled with hand-written values
(fourth_people.py, fourth_places.py, fourth_phones.py), every span recorded where it lands.

Deterministic for a seed. ~15% of the records are pure hard negatives (no PII; places, brands, films, teams,
public figures as neutral).
"""

from __future__ import annotations

import random
import re

from pii_eval.fourth_people import GIVEN, INFLECTED, NICKNAMES, POSSESSIVE, SURNAMES
from pii_eval.fourth_phones import phone, spoken_phone
from pii_eval.fourth_places import (
    USERNAMES,
    booking_ref,
    date_of_birth,
    email,
    iban,
    ip_address,
    street_address,
    url,
)
from pii_eval.fourth_templates import NEGATIVES, TEMPLATES
from pii_eval.records import TextBuilder, capitalised_outside

LOCALE_WEIGHTS = {
    "en-IN": 9, "en-SG": 8, "en-PH": 8, "en-GB": 7, "en-IE": 4, "en-AU": 4,
    "de-LU": 3, "de-LI": 3, "de-AT": 3, "fr-LU": 4, "fr-FR": 4, "es-CL": 3, "es-CO": 3, "es-PE": 3,
    "it-IT": 5, "nl-NL": 5, "pt-AO": 2, "pt-MZ": 2, "pt-PT": 2, "pl-PL": 4,
    "sv-SE": 2, "nb-NO": 2, "da-DK": 2, "fi-FI": 2, "et-EE": 2,
}
NEGATIVE_SHARE = 0.18
SLOT_RE = re.compile(r"\{([A-Za-z]+)(\d?)\}|\[\[([^\]]+)\]\]")
TYPES = {"P": "PERSON", "F": "PERSON", "f": "PERSON", "N": "PERSON", "X": "PERSON", "A": "STREET_ADDRESS",
         "T": "PHONE", "S": "PHONE", "E": "EMAIL", "U": "USERNAME", "D": "DATE_OF_BIRTH", "I": "IBAN",
         "B": "BOOKING_REF", "IP": "IP_ADDRESS", "URL": "URL"}


class Values:
    """The values of one record: a slot and its index always give the same value."""

    def __init__(self, rng: random.Random, locale: str) -> None:
        self.rng, self.locale, self.lang = rng, locale, locale.split("-")[0]
        self.cache: dict[str, str] = {}
        self.first, self.last = rng.choice(GIVEN[locale]), rng.choice(SURNAMES[locale])

    def get(self, slot: str, index: str) -> str:
        key = slot + index
        if key not in self.cache:
            self.cache[key] = self._draw(slot, index)
        return self.cache[key]

    def _other_given(self) -> str:
        """A given name not yet used in this record (two people of one message differ)."""
        used = {self.first, *self.cache.values()}
        return self.rng.choice([g for g in GIVEN[self.locale] if g not in used] or GIVEN[self.locale])

    def _draw(self, slot: str, index: str) -> str:
        rng, loc = self.rng, self.locale
        given = self.first if not index and slot in "Ff" else self._other_given()
        table = {
            "P": lambda: f"{rng.choice(GIVEN[loc])} {rng.choice(SURNAMES[loc])}",
            "F": lambda: given, "f": lambda: given.lower(),
            "N": lambda: rng.choice(NICKNAMES[self.lang]),
            "X": lambda: rng.choice(INFLECTED.get(self.lang) or GIVEN[loc]),
            "A": lambda: street_address(rng, loc),
            "T": lambda: phone(rng, loc), "S": lambda: spoken_phone(rng),
            "E": lambda: email(rng, self.first, self.last),
            "U": lambda: rng.choice(USERNAMES), "D": lambda: date_of_birth(rng), "I": lambda: iban(rng),
            "B": lambda: booking_ref(rng), "IP": lambda: ip_address(rng),
            "URL": lambda: url(rng, rng.choice(USERNAMES).replace(".", "_").replace("ñ", "n")),
        }
        return table[slot]()


def fill(template: str, values: Values) -> TextBuilder:
    """The template with each slot's value recorded as a span and each [[public figure]] as neutral."""
    tb, pos = TextBuilder(), 0
    for m in SLOT_RE.finditer(template):
        tb.text(template[pos:m.start()])
        pos = m.end()
        if m.group(3):
            tb.neutral.append(m.group(3))
            tb.text(m.group(3))
            continue
        slot, index = m.group(1), m.group(2)
        tb.pii(TYPES[slot], values.get(slot, index))
        if slot == "X" and values.lang in POSSESSIVE:
            tb.text(POSSESSIVE[values.lang])
    return tb.text(template[pos:])


def build_record(rng: random.Random, i: int) -> dict:
    locale = rng.choices(list(LOCALE_WEIGHTS), weights=list(LOCALE_WEIGHTS.values()))[0]
    lang = locale.split("-")[0]
    negative = rng.random() < NEGATIVE_SHARE
    template = rng.choice((NEGATIVES if negative else TEMPLATES)[lang])
    tb = fill(template, Values(rng, locale))
    rec = tb.build(f"4g-{i:05d}", lang=lang, locale=locale, kind="negative" if negative else "pii",
                   source="fourth_templates")
    rec["keep"] = capitalised_outside(rec["text"], rec["spans"], rec["neutral"])
    return rec


def build_fourth_generator(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    return [build_record(rng, i) for i in range(n)]
