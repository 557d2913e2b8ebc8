"""The ``sixth_generator`` set: company chat logs a team would export to fine-tune on (support chats, helpdesk
threads, handovers, internal team chat, banter), 11 languages, 17 locales, with exact spans.

Each record is one template (``sixth_templates_en``, ``sixth_templates_intl``) filled with values drawn for one
locale (``sixth_people``, ``sixth_places``, ``sixth_numbers``), or a hard-negative line with no PII at all
(its public figures ``neutral``). Deterministic: ``random.Random(seed)`` drives every choice.
"""

from __future__ import annotations

import random
import re

from pii_eval import sixth_numbers as num
from pii_eval import sixth_people as people
from pii_eval.records import TextBuilder, capitalised_outside
from pii_eval.sixth_places import address, street_part
from pii_eval.sixth_templates_en import NEGATIVES_EN, TEMPLATES_EN
from pii_eval.sixth_templates_intl import NEGATIVES_INTL, TEMPLATES_INTL

TEMPLATES = {"en": TEMPLATES_EN, **TEMPLATES_INTL}
NEGATIVES = {"en": NEGATIVES_EN, **NEGATIVES_INTL}
# language -> its locales (a record's values all come from one)
LOCALES = {"en": ("en-US", "en-GB", "en-AU", "en-IN", "en-ZA", "en-CA"), "cs": ("cs-CZ",), "ro": ("ro-RO",),
           "tr": ("tr-TR",), "hu": ("hu-HU",), "ca": ("ca-ES",), "pt": ("pt-BR",), "es": ("es-MX",),
           "fr": ("fr-CA",), "de": ("de-AT", "de-CH"), "hr": ("hr-HR",)}
ENGLISH_SHARE = 0.35
NEGATIVE_SHARE = 0.20
SOURCE = "sixth_generator"

# {Pw}/{Pm}, {Fw}/{Fm}, {fw}/{fm}, {Sw}/{Sm}: a woman's / a man's name where the language marks it
# {E+}: the e-mail address of the person named just before it ("From: {P} <{E+}>")
PLACEHOLDER_RE = re.compile(r"\{(AB|ID|IP|E\+|[PFfS][wm]?|[NAaTEICUHD])\}|\[\[([^\]]+)\]\]")


def _value(rng: random.Random, key: str, locale: str, last_person: str = "") -> tuple[str, str]:
    """(entity type, value) for one placeholder of ``locale``; ``last_person`` for ``{E+}``."""
    if key == "E+":
        return "EMAIL", people.email_of(rng, locale, last_person)
    if key[0] in "PFfSN":
        return "PERSON", _person(rng, key, locale)
    if key in ("A", "a", "AB"):
        value = {"A": lambda: address(rng, locale), "a": lambda: street_part(rng, locale),
                 "AB": lambda: address(rng, locale, sep="\n")}[key]()
        return "STREET_ADDRESS", value
    if key == "ID":
        return num.national_id(rng, locale, rng.choice(people.surnames(locale)), rng.choice(people.given_names(locale)))
    makers = {"T": ("PHONE", lambda: num.phone(rng, locale)), "E": ("EMAIL", lambda: people.email(rng, locale)),
              "I": ("IBAN", lambda: num.iban(rng, locale)), "C": ("CREDIT_CARD", lambda: num.card(rng)),
              "U": ("URL", lambda: people.url(rng, locale)), "H": ("USERNAME", lambda: people.username(rng, locale)),
              "IP": ("IP_ADDRESS", lambda: num.ip_address(rng)),
              "D": ("DATE_OF_BIRTH", lambda: num.date_of_birth(rng, locale))}
    typ, make = makers[key]
    return typ, make()


def _person(rng: random.Random, key: str, locale: str) -> str:
    """A name for placeholder ``key``: P full, F given, f given in lower case, S surname, N nickname; a ``w`` or
    ``m`` suffix draws from the women's or the men's names."""
    if key == "N":
        return rng.choice(people.nicknames(locale))
    female = rng.random() < 0.5 if len(key) == 1 else key[1] == "w"
    given = rng.choice(people.given_names_of(locale, female))
    family = rng.choice(people.surnames_of(locale, female))
    if key[0] == "P":
        return f"{family} {given}" if locale == "hu-HU" else f"{given} {family}"
    return {"F": given, "f": given.lower(), "S": family}[key[0]]


def render(template: str, rng: random.Random, locale: str) -> TextBuilder:
    """Fill ``template``: literal text as is, each placeholder a fresh value (a span), ``[[x]]`` neutral."""
    tb, pos, last_person = TextBuilder(), 0, ""
    for m in PLACEHOLDER_RE.finditer(template):
        tb.text(template[pos:m.start()])
        if m.group(2):
            tb.neutral.append(m.group(2))
            tb.text(m.group(2))
        else:
            typ, value = _value(rng, m.group(1), locale, last_person)
            last_person = value if typ == "PERSON" else last_person
            tb.pii(typ, value)
        pos = m.end()
    return tb.text(template[pos:])


def _record(tb: TextBuilder, record_id: str, **meta) -> dict:
    rec = tb.build(record_id, **meta)
    rec["keep"] = capitalised_outside(rec["text"], rec["spans"], rec["neutral"])
    return rec


def _language(rng: random.Random) -> str:
    if rng.random() < ENGLISH_SHARE:
        return "en"
    return rng.choice([lang for lang in TEMPLATES if lang != "en"])


def build_sixth_generator(n: int, seed: int) -> list[dict]:
    """``n`` records, ids ``6g-00000`` on; ``kind`` is ``pii`` or ``negative`` (no spans)."""
    rng = random.Random(seed)
    records = []
    for i in range(n):
        lang = _language(rng)
        locale = rng.choice(LOCALES[lang])
        negative = rng.random() < NEGATIVE_SHARE
        pool = NEGATIVES[lang] if negative else TEMPLATES[lang]
        t = rng.randrange(len(pool))
        tb = render(pool[t], rng, locale)
        records.append(_record(tb, f"6g-{i:05d}", lang=lang, locale=locale, source=SOURCE,
                               kind="negative" if negative else "pii",
                               template=f"{'neg' if negative else 'pii'}-{lang}-{t:03d}"))
    return records
