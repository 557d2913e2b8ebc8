"""The fifth generated set: chat messages of ``fifth_templates`` filled with the hand-written values of
``fifth_people``, ``fifth_places`` and ``fifth_details``, exact spans recorded as the text is assembled.

Deterministic: one ``random.Random(seed)`` drives every choice. ~17% of the records are hard negatives
(no private value; capitalised places, brands, teams and films to keep, public figures neutral)."""

from __future__ import annotations

import random
import re

from pii_eval import fifth_details as det
from pii_eval.fifth_people import FIRST, LAST, PUBLIC
from pii_eval.fifth_places import ADDRESS_SHAPES, STREETS, TOWNS
from pii_eval.fifth_templates import NEGATIVES, TEMPLATES
from pii_eval.records import TextBuilder, capitalised_outside

# share of the records per language: English ~35%, the rest by the scrubber's languages
LANG_WEIGHTS = {"en": 35, "de": 10, "fr": 9, "es": 8, "it": 7, "nl": 6, "pt": 6, "pl": 6, "sv": 3, "nb": 3,
                "da": 3, "fi": 2, "et": 2}
LOCALE = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "it": "it-IT", "nl": "nl-NL", "pt": "pt-PT",
          "pl": "pl-PL", "sv": "sv-SE", "nb": "nb-NO", "da": "da-DK", "fi": "fi-FI", "et": "et-EE"}
NEGATIVE_SHARE = 0.19
SLOT_RE = re.compile(r"\{(P|F|f|A|T|E|I|C|D|U|W|IP|ID|N)\}")
# a short English tail some non-English messages end with (people mix languages in one chat)
MIXED_TAILS = [" thx!!", " ok? 👍", " see u there", " lol"]


class _Person:
    def __init__(self, rng: random.Random, lang: str) -> None:
        self.first, self.last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])


def _address(rng: random.Random, lang: str) -> str:
    shapes = ADDRESS_SHAPES.get(lang, ADDRESS_SHAPES["default"])
    town, postcode = rng.choice(TOWNS[lang])
    number = str(rng.randint(1, 140)) + (rng.choice(["", "", "a", "b"]) if lang in ("de", "nl", "da") else "")
    return rng.choice(shapes).format(s=rng.choice(STREETS[lang]), n=number, t=town, z=postcode)


def _value(slot: str, rng: random.Random, lang: str) -> tuple[str, str]:
    """(TYPE, value) for a slot; every person-derived value takes a fresh person."""
    p = _Person(rng, lang)
    values = {
        "P": lambda: ("PERSON", f"{p.first} {p.last}"),
        "F": lambda: ("PERSON", p.first),
        "f": lambda: ("PERSON", p.first.lower()),
        "A": lambda: ("STREET_ADDRESS", _address(rng, lang)),
        "T": lambda: ("PHONE", det.phone(rng, lang)),
        "E": lambda: ("EMAIL", det.email(rng, p.first, p.last)),
        "I": lambda: ("IBAN", det.iban(rng, lang, rng.random() < 0.6)),
        "C": lambda: ("CREDIT_CARD", det.card(rng)),
        "D": lambda: ("DATE_OF_BIRTH", det.date_of_birth(rng, lang)),
        "U": lambda: ("USERNAME", det.handle(rng, p.first, p.last)),
        "W": lambda: ("URL", det.url(rng, p.first, p.last)),
        "IP": lambda: ("IP_ADDRESS", det.ip_address(rng)),
        "ID": lambda: ("ID_NUMBER", det.id_number(rng, lang)),
    }
    return values[slot]()


def fill(template: str, rng: random.Random, lang: str) -> TextBuilder:
    """Assemble ``template`` with values for its slots; spans and neutral names recorded."""
    tb, pos = TextBuilder(), 0
    for m in SLOT_RE.finditer(template):
        tb.text(template[pos:m.start()])
        if m.group(1) == "N":
            name = rng.choice(PUBLIC)
            tb.neutral.append(name)
            tb.text(name)
        else:
            tb.pii(*_value(m.group(1), rng, lang))
        pos = m.end()
    return tb.text(template[pos:])


def _next_negative(decks: dict[str, list[str]], rng: random.Random, lang: str) -> str:
    """The language's hard negatives dealt like cards, so that a line repeats only once all were used."""
    if not decks.get(lang):
        decks[lang] = rng.sample(NEGATIVES[lang], len(NEGATIVES[lang]))
    return decks[lang].pop()


def build_fifth_generator(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    langs, weights = list(LANG_WEIGHTS), list(LANG_WEIGHTS.values())
    records, decks = [], {}
    for i in range(n):
        lang = rng.choices(langs, weights)[0]
        negative = rng.random() < NEGATIVE_SHARE
        template = _next_negative(decks, rng, lang) if negative else rng.choice(TEMPLATES[lang])
        tb = fill(template, rng, lang)
        if lang != "en" and not negative and rng.random() < 0.12:
            tb.text(rng.choice(MIXED_TAILS))
        rec = tb.build(f"5g-{i:05d}", lang=lang, locale=LOCALE[lang], kind="negative" if negative else "pii",
                       source="fifth_templates.py")
        rec["keep"] = capitalised_outside(rec["text"], rec["spans"], rec["neutral"])
        records.append(rec)
    return records
