"""The generator's data files: they load into the shapes the generator relies on, and every template
only uses slots the generator fills (a typo in a YAML template would otherwise fail mid-run, or only
for the one seed that happens to draw it)."""

from __future__ import annotations

import re

from tunehouse.synthetic import pools as D
from tunehouse.synthetic.segments import PII_TYPES

PLACES = {"city", "city2", "country", "home_country", "airline", "hotel"}
KEPT = {"flight", "price", "price2", "date", "date2", "time", "gate", "terminal", "seat", "last4"}
SLOTS = set(PII_TYPES) | PLACES | KEPT | {"asks", "title"}
EN_ONLY = {"rude", "rude_ask", "rude_bye"}  # the rude agent only writes English


def templates(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from templates(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from templates(v)


def test_every_template_slot_is_filled_by_the_generator():
    found = set()
    for lang, texts in D.TEXTS.items():
        for key, value in texts.items():
            if key == "quote":  # filled with str.format(date=...), not a slot
                continue
            for t in templates(value):
                found |= set(re.findall(r"\{([a-z_0-9]+)\}", t))
    for t in templates(D.FOREIGN_OPENERS):
        found |= set(re.findall(r"\{([a-z_0-9]+)\}", t))
    assert found and found <= SLOTS, found - SLOTS
    assert {"name", "ref", "city", "iban", "asks"} <= found


def test_every_language_has_the_same_keys_and_every_topic():
    en = set(D.TEXTS["en"])
    assert set(D.TEXTS) == {"en", "es", "fr", "de"} == set(D.LANG_INDEX) == set(D.MONTHS)
    for lang, texts in D.TEXTS.items():
        assert set(texts) == (en if lang == "en" else en - EN_ONLY), lang
        for key in ("opener", "resolve", "steps"):
            assert set(texts[key]) == set(D.TOPIC_WEIGHTS), (lang, key)
        assert set(texts["details"]) >= {s for slots in D.TOPIC_DETAILS.values() for s in slots}, lang
        assert all(isinstance(pair, tuple) and len(pair) == 2 for pair in texts["followups"])


def test_records_come_back_as_tuples_and_strings_survive_yaml():
    assert all(isinstance(a["langs"], tuple) for a in D.AGENTS)
    assert all(len(d) == 3 and isinstance(d[2], dict) for d in D.DESTINATIONS)
    assert D.IBAN_LAYOUTS["GB"][0] == (("NWBK", "BARC", "HBUK", "LOYD", "MIDL"), 4)
    assert all(len(v) == 4 for v in D.COUNTRIES.values()) and D.COUNTRIES["NO"][0] == "Norway"  # not YAML's false
    assert "no" in D.TEXTS["en"]["terse"] and "null" in D.ERROR_TEXTS  # quoted in YAML, still strings
    assert "\u00a0" in D.WHITESPACE and all(not w.strip() for w in D.WHITESPACE)
    assert D.TEXTS["en"]["email_open"][0] == "Hello,\n\n"
    assert all(e.startswith(" ") for e in D.EMOJI_TAIL)
    assert set(D.CSAT_WEIGHTS) >= {a["style"] for a in D.AGENTS} | {"none"}
    assert all(len(w) == 5 for w in D.CSAT_WEIGHTS.values())
