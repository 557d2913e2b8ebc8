"""Set (a), "other-generator": mimesis values in templates written for this set, with hard negatives.

Each record is one chat line: a template of ``chat_templates`` in the line's language, its PII slots filled
from ``MimesisValues`` for a locale that writes that language (a quarter of the non-English locales write in
English, as customers of international shops do), its negative slots from the hard-negative lists. Labels
come from the filling itself, so they are exact.
"""

from __future__ import annotations

import random
import re

from . import chat_templates as T
from .mimesis_values import MimesisValues
from .records import TextBuilder, capitalised_outside

LOCALE_WEIGHTS = {"en": 24, "en-gb": 10, "de": 12, "de-at": 3, "de-ch": 3, "fr": 10, "es": 10, "it": 8,
                  "nl": 8, "pt": 5, "pl": 5, "et": 5}
SLOT_RE = re.compile(r"\{([A-Za-z_]+)\}")
COMMON_SLOTS = {"FIRST", "LAST", "FULL", "FIRST_LC", "OTHER", "OTHER_FULL", "EMAIL", "PHONE", "ADDRESS"}


def template_weight(template: str) -> float:
    """Templates with a rarer type are drawn three times as often, so every type has enough values."""
    slots = set(SLOT_RE.findall(template)) & set(T.SLOT_TYPES)
    return 3.0 if slots - COMMON_SLOTS else 1.0

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "et": "jaanuar veebruar märts aprill mai juuni juuli august september oktoober november detsember",
}


def template_language(locale: str, rng: random.Random) -> str:
    lang = locale.split("-")[0]
    if lang != "en" and rng.random() < 0.25:
        return "en"
    return lang


def format_dob(d, locale: str, rng: random.Random) -> str:
    lang = locale.split("-")[0]
    month = MONTHS[lang].split()[d.month - 1]
    numeric = {"en": f"{d.month:02d}/{d.day:02d}/{d.year}" if locale == "en" else f"{d.day:02d}/{d.month:02d}/{d.year}",
               "de": f"{d.day:02d}.{d.month:02d}.{d.year}", "pl": f"{d.day:02d}.{d.month:02d}.{d.year}",
               "et": f"{d.day:02d}.{d.month:02d}.{d.year}", "nl": f"{d.day:02d}-{d.month:02d}-{d.year}"}
    words = {"en": f"{month} {d.day}, {d.year}" if locale == "en" else f"{d.day} {month} {d.year}",
             "de": f"{d.day}. {month} {d.year}", "es": f"{d.day} de {month} de {d.year}",
             "pt": f"{d.day} de {month} de {d.year}"}
    choices = [numeric.get(lang, f"{d.day:02d}/{d.month:02d}/{d.year}"),
               words.get(lang, f"{d.day} {month} {d.year}"), f"{d.year}-{d.month:02d}-{d.day:02d}"]
    return rng.choices(choices, weights=[5, 4, 1])[0]


def format_address(v: MimesisValues, multiline: bool) -> str:
    street, city, code = v.street_line(), v.city(), v.postal_code()
    sep = "\n" if multiline else ", "
    if v.locale == "en":
        if v.rng.random() < 0.3:
            street += v.rng.choice([", Apt ", " Apt. ", " #"]) + f"{v.rng.randint(1, 40)}{v.rng.choice(['', 'B', 'C'])}"
        return f"{street}{sep}{city}, {v.us_state()} {code}"
    if v.locale == "en-gb":
        return f"{street}{sep}{city}{sep}{code}"
    return f"{street}{sep}{code} {city}"


def _pii_value(slot: str, v: MimesisValues, me: dict, other: dict, locale: str) -> str:
    simple = {
        "FIRST": lambda: me["first"], "LAST": lambda: me["last"], "FULL": lambda: me["full"],
        "FIRST_LC": lambda: me["first"].lower(), "OTHER": lambda: other["first"], "OTHER_FULL": lambda: other["full"],
        "EMAIL": lambda: v.email(me), "PHONE": lambda: v.phone(), "PHONE_EXT": lambda: v.phone(extension=True),
        "CARD": v.card, "IBAN": v.iban, "SSN": v.ssn, "NATID": v.national_id, "PASSPORT": v.passport,
        "DOB": lambda: format_dob(v.birthdate(), locale, v.rng), "IP": v.ip, "URL": lambda: v.url(me),
        "USER": lambda: v.username(me), "PASSWORD": v.password, "STREET": v.street_line,
        "ADDRESS": lambda: format_address(v, multiline=False), "ADDRESS_ML": lambda: format_address(v, multiline=True),
        "MILITARY": v.military_address,
    }
    return simple[slot]()


def _negative_value(slot: str, v: MimesisValues, lang: str) -> str:
    rng = v.rng
    if slot == "city":
        return v.city()
    if slot == "country":
        return v.country()
    if slot == "language":
        return rng.choice(T.LANGUAGES[lang])
    if slot == "nationality":
        return rng.choice(T.NATIONALITIES[lang])
    if slot == "brand":
        return rng.choice(T.BRANDS) if rng.random() < 0.5 else v.company()
    return rng.choice(T.TITLES)


def fill(template: str, v: MimesisValues, locale: str, lang: str) -> TextBuilder:
    """The template with every slot filled; PII slots recorded as spans, negative slots as keep."""
    me, other = v.persona(), v.persona()
    tb, pos = TextBuilder(), 0
    for m in SLOT_RE.finditer(template):
        tb.text(template[pos:m.start()])
        slot = m.group(1)
        if slot in T.SLOT_TYPES:
            tb.pii(T.SLOT_TYPES[slot], _pii_value(slot, v, me, other, locale))
        else:
            tb.keeper(_negative_value(slot, v, lang))
        pos = m.end()
    tb.text(template[pos:])
    return tb


def build_other_generator(n: int, seed: int) -> list[dict]:
    """``n`` records; record i uses locale, template and values seeded from (seed, i) only."""
    records = []
    locales, weights = zip(*LOCALE_WEIGHTS.items())
    for i in range(n):
        rng = random.Random(f"{seed}:og:{i}")
        locale = rng.choices(locales, weights=weights)[0]
        lang = template_language(locale, rng)
        templates = T.TEMPLATES[lang]
        t_index = rng.choices(range(len(templates)), weights=[template_weight(t) for t in templates])[0]
        v = MimesisValues(locale, seed=rng.randrange(2**31))
        tb = fill(T.TEMPLATES[lang][t_index], v, locale, lang)
        rec = tb.build(f"og-{i:05d}", lang=lang, locale=locale, source="mimesis", template=f"{lang}:{t_index}")
        rec["keep"] += [w for w in capitalised_outside(rec["text"], rec["spans"]) if w not in rec["keep"]]
        records.append(rec)
    return records
