"""The fifth PII evaluation sets (benchmarks/pii_eval/fifth_*.py): labels that hold, the sizes asked for, a
stable split, valid check digits, and independence from every older set (incl. the fourth), the team's
strings and phonenumbers.

Fast: reads the committed data files and the builders' modules (no subprocess, no Spark, no fortunes-es).
The older sets' templates and value lists are loaded here programmatically only to compare against.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from fixtures.sibling_tests import load_sibling

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "benchmarks" / "pii_eval"
DATA = PKG / "data"
FIFTH = ("fifth_generator", "fifth_real")
OLDER = ("other_generator", "real_text", "false_positive", "fresh_generator", "fresh_real", "third_generator",
         "third_real", "fourth_generator", "fourth_real")
SPLITS = ("dev", "heldout")


def _load_helpers(filename: str, modname: str):
    return load_sibling(__file__, filename, modname)


H = _load_helpers("test_pii_eval_sets.py", "_pii_eval_sets_helpers_fifth")
F = _load_helpers("test_pii_eval_fresh.py", "_pii_eval_fresh_helpers_fifth")
T = _load_helpers("test_pii_eval_third.py", "_pii_eval_third_helpers_fifth")
Q = _load_helpers("test_pii_eval_fourth.py", "_pii_eval_fourth_helpers_fifth")

_records, _both, _spans = T._records, T._both, T._spans


# ---------------------------------------------------------------------------------------------- labels


@pytest.mark.parametrize("name", FIFTH)
def test_every_span_is_its_value_and_spans_do_not_overlap(name):
    # the fresh sets' check, name-agnostic: spans are their values, typed, stripped, disjoint; keep/neutral land
    T.test_every_span_is_its_value_and_spans_do_not_overlap(name)


def test_generated_set_has_the_size_types_and_languages_asked_for():
    recs = _both("fifth_generator")
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert 550 <= len(recs) <= 650
    assert types["PERSON"] >= 300 and types["STREET_ADDRESS"] >= 150 and types["PHONE"] >= 150, types
    assert len(set(types) - {"PERSON", "STREET_ADDRESS", "PHONE"}) >= 6, types
    langs = collections.Counter(r["lang"] for r in recs)
    assert len(langs) == 13 and 0.3 <= langs["en"] / len(recs) <= 0.42, langs
    negatives = [r for r in recs if r["kind"] == "negative"]
    assert len(negatives) >= 0.15 * len(recs) and not _spans(negatives)
    assert sum(len(r["neutral"]) for r in negatives) >= 10  # public figures, neither hit nor false alarm
    assert sum(len(r["keep"]) for r in negatives) >= 3 * len(negatives)


def test_chat_shapes_several_people_and_lower_case_names():
    recs = _both("fifth_generator")
    persons = [s["value"] for s in _spans(recs) if s["type"] == "PERSON"]
    assert sum(p.islower() for p in persons) >= 30 and len(set(persons)) >= 250
    assert sum(sum(s["type"] == "PERSON" for s in r["spans"]) >= 2 for r in recs) >= 80
    phones = [s["value"] for s in _spans(recs) if s["type"] == "PHONE"]
    assert len({re.sub(r"\d", "9", p) for p in phones}) >= 40 and sum(p.startswith("+") for p in phones) >= 40


def _iban_ok(value: str) -> bool:
    v = value.replace(" ", "")
    return int("".join(str(int(c, 36)) for c in v[4:] + v[:4])) % 97 == 1


def _luhn_ok(value: str) -> bool:
    digits = [int(c) for c in re.sub(r"\D", "", value)][::-1]
    return sum(d if i % 2 == 0 else (2 * d - 9 if d > 4 else 2 * d) for i, d in enumerate(digits)) % 10 == 0


def test_iban_and_card_check_digits_are_valid():
    spans = _spans(_both("fifth_generator"))
    ibans = [s["value"] for s in spans if s["type"] == "IBAN"]
    cards = [s["value"] for s in spans if s["type"] == "CREDIT_CARD"]
    assert len(ibans) >= 30 and len(cards) >= 5
    assert all(_iban_ok(v) for v in ibans), [v for v in ibans if not _iban_ok(v)]
    assert all(_luhn_ok(v) for v in cards), [v for v in cards if not _luhn_ok(v)]
    assert not _iban_ok("DE00" + ibans[0].replace(" ", "")[4:]) and not _luhn_ok("4111 1111 1111 1112")


def test_real_set_is_the_hand_labelled_fortunes_es_sample():
    recs = _both("fifth_real")
    labels = H._module("fifth_labels")
    assert len(recs) >= 200
    assert {r["id"][3:] for r in recs if r["spans"]} == set(labels.PII)
    assert {r["id"][3:] for r in recs if r["neutral"]} == set(labels.NEUTRAL)
    assert sum(len(r["neutral"]) for r in recs) >= 300 and sum(len(r["keep"]) for r in recs) >= 1000
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert types["USERNAME"] >= 6 and types["PERSON"] >= 2 and types["EMAIL"] >= 1, types


def test_manifest_has_the_fifth_sets_and_their_counts():
    T.manifest_has(FIFTH, "fortunes-es", OLDER)


def test_generator_is_deterministic():
    gen = H._module("fifth_generator")
    first = gen.build_fifth_generator(40, 7)
    assert first == gen.build_fifth_generator(40, 7) and first != gen.build_fifth_generator(40, 8)
    build = H._module("fifth_build")
    assert sorted(gen.build_fifth_generator(build.N_FIFTH, build.FIFTH_SEED), key=lambda r: r["id"]) == _both_in_id_order("fifth_generator")


def _both_in_id_order(name: str) -> list[dict]:
    return sorted(_both(name), key=lambda r: r["id"])


def test_score_and_ablation_know_the_fifth_sets_but_score_them_only_when_named():
    T.scored_only_when_named(FIFTH)


# ---------------------------------------------------------------------------------------------- split


def test_split_follows_the_id_hash_and_ids_are_new():
    T.split_by_id_hash(FIFTH, OLDER,
                       dict(zip(("5g-00000", "5g-00001", "5g-00002", "5r-familia-000", "5r-amistad-000"), PINNED)))


PINNED = ["dev", "dev", "dev", "dev", "dev"]


# ---------------------------------------------------------------------------------------------- independence


def _fifth_template_strings() -> list[str]:
    t = H._module("fifth_templates")
    return [x for d in (t.TEMPLATES, t.NEGATIVES) for xs in d.values() for x in xs]


def _older_texts() -> list[str]:
    texts = F._old_template_strings() + F._fresh_template_strings() + T._third_template_strings()
    texts += Q._fourth_template_strings()
    texts += [r["text"] for n in OLDER for s in SPLITS for r in _records(n, s)]
    return texts + H._team_texts()


def test_no_six_word_shingle_shared_with_any_older_set_or_the_team_cases():
    theirs = set().union(*(H._shingles(t) for t in _older_texts()))
    assert len(theirs) > 12000
    ours = set().union(*(H._shingles(t) for t in _fifth_template_strings()))
    ours |= set().union(*(H._shingles(r["text"]) for n in FIFTH for r in _both(n)))
    assert not ours & theirs, sorted(ours & theirs)[:10]


def test_no_real_line_is_in_an_older_set():
    others = {r["text"] for n in OLDER for s in SPLITS for r in _records(n, s)}
    assert len(others) > 2500
    assert not others & {r["text"] for r in _both("fifth_real")}


def _older_values() -> set[str]:
    values = Q._older_values()
    values |= {s["value"] for n in ("fourth_generator", "fourth_real") for s in SPLITS for r in _records(n, s)
               for s in r["spans"]}
    for modname in ("fourth_people", "fourth_phones", "fourth_places"):
        values.update(H._string_constants(PKG / f"{modname}.py"))
    return {v for v in values if v.strip()}


def test_no_planted_value_is_an_older_sets_value():
    others = _older_values()
    assert len(others) > 4000
    ours = {s["value"] for n in FIFTH for s in _spans(_both(n))}
    shared = sorted(ours & others)
    assert not shared, shared[:40]


def test_no_phone_value_contains_a_phonenumbers_example_number():
    phonenumbers = pytest.importorskip("phonenumbers")
    examples = set()
    for region in ("GB", "IE", "DE", "FR", "ES", "IT", "NL", "PT", "PL", "SE", "NO", "DK", "FI", "EE"):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                examples.add(str(ex.national_number))
    assert len(examples) > 20
    ours = {re.sub(r"\D", "", s["value"]) for s in _spans(_both("fifth_generator")) if s["type"] == "PHONE"}
    assert not any(ex in digits for ex in examples for digits in ours)
