"""The fourth PII evaluation sets (benchmarks/pii_eval/fourth_*.py): labels that hold, the sizes asked for, a
stable split, and independence from every older set (incl. the third), the team's strings and phonenumbers.

Fast: reads the committed data files and the builders' modules (no subprocess, no Spark, no fortunes-it).
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
FOURTH = ("fourth_generator", "fourth_real")
OLDER = ("other_generator", "real_text", "false_positive", "fresh_generator", "fresh_real", "third_generator",
         "third_real")
SPLITS = ("dev", "heldout")


def _load_helpers(filename: str, modname: str):
    return load_sibling(__file__, filename, modname)


H = _load_helpers("test_pii_eval_sets.py", "_pii_eval_sets_helpers_fourth")
F = _load_helpers("test_pii_eval_fresh.py", "_pii_eval_fresh_helpers_fourth")
T = _load_helpers("test_pii_eval_third.py", "_pii_eval_third_helpers_fourth")


_records, _both, _spans = T._records, T._both, T._spans


# ---------------------------------------------------------------------------------------------- labels


@pytest.mark.parametrize("name", FOURTH)
def test_every_span_is_its_value_and_spans_do_not_overlap(name):
    # the third sets' check, name-agnostic: spans are their values, typed, stripped, disjoint; keep/neutral land
    T.test_every_span_is_its_value_and_spans_do_not_overlap(name)


def test_generated_set_has_the_size_types_languages_and_locales_asked_for():
    recs = _both("fourth_generator")
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert 650 <= len(recs) <= 800
    assert types["PERSON"] >= 350 and types["STREET_ADDRESS"] >= 200 and types["PHONE"] >= 200, types
    assert len(set(types) - {"PERSON", "STREET_ADDRESS", "PHONE"}) >= 6, types
    langs = collections.Counter(r["lang"] for r in recs)
    assert len(langs) == 13 and 0.35 <= langs["en"] / len(recs) <= 0.5, langs
    locales = {r["locale"] for r in recs if r["kind"] == "pii"}
    assert {"en-IN", "en-SG", "en-PH", "de-LU", "de-LI", "fr-LU", "es-CL", "es-CO", "es-PE", "pt-AO", "pt-MZ"} <= locales
    negatives = [r for r in recs if r["kind"] == "negative"]
    assert len(negatives) >= 0.15 * len(recs) and not _spans(negatives)
    assert sum(len(r["neutral"]) for r in negatives) >= 15  # public figures, neither hit nor false alarm
    assert sum(len(r["keep"]) for r in negatives) >= 4 * len(negatives)


def test_names_phones_and_addresses_come_in_chat_shapes():
    spans = _spans(_both("fourth_generator"))
    persons = [s["value"] for s in spans if s["type"] == "PERSON"]
    assert sum(p.islower() for p in persons) >= 30  # names typed in lower case
    assert len(set(persons)) >= 250
    texts = [r["text"] for r in _both("fourth_generator")]
    assert sum(bool(re.search(r"\w's brother|\w's place|\w's specs|\w's mum", t)) for t in texts) >= 15
    phones = [s["value"] for s in spans if s["type"] == "PHONE"]
    assert len({re.sub(r"\d", "9", p) for p in phones}) >= 60
    assert sum(p.startswith(("+", "00", "tel:", "(+")) for p in phones) >= 80
    assert sum(bool(re.search(r"\b(oh|seven|nine)-", p)) for p in phones) >= 5  # read out in words
    addrs = [s["value"] for s in spans if s["type"] == "STREET_ADDRESS"]
    assert len(set(addrs)) >= 180 and sum("," in a for a in addrs) >= 60


def test_real_set_is_a_hand_labelled_sample_of_at_least_250_lines():
    recs = _both("fourth_real")
    labels = H._module("fourth_labels")
    assert len(recs) >= 250
    assert {r["id"][3:] for r in recs if r["spans"]} == set(labels.PII)
    assert {r["id"][3:] for r in recs if r["neutral"]} == set(labels.NEUTRAL)
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert types["PERSON"] >= 60 and types["EMAIL"] >= 80 and types["USERNAME"] >= 3, types
    assert sum(len(r["keep"]) for r in recs) >= 500


def test_manifest_has_the_fourth_sets_and_their_counts():
    T.manifest_has(FOURTH, "fortunes-it", OLDER)


def test_new_data_stays_under_one_megabyte():
    assert sum((DATA / f"{n}.{s}.jsonl").stat().st_size for n in FOURTH for s in SPLITS) < 1_000_000


def test_score_and_ablation_know_the_fourth_sets_but_score_them_only_when_named():
    T.scored_only_when_named(FOURTH)


# ---------------------------------------------------------------------------------------------- split


def test_split_follows_the_id_hash_and_ids_are_new():
    T.split_by_id_hash(FOURTH, OLDER,
                       dict(zip(("4g-00000", "4g-00001", "4g-00002", "4r-01740eeb", "4r-018883e8"), PINNED)))


PINNED = ["heldout", "heldout", "dev", "dev", "dev"]


# ---------------------------------------------------------------------------------------------- independence


def _fourth_template_strings() -> list[str]:
    t = H._module("fourth_templates")
    return [x for d in (t.TEMPLATES, t.NEGATIVES) for xs in d.values() for x in xs]


def _older_texts() -> list[str]:
    texts = F._old_template_strings() + F._fresh_template_strings() + T._third_template_strings()
    texts += [r["text"] for n in OLDER for s in SPLITS for r in _records(n, s)]
    return texts + H._team_texts()


def test_no_six_word_shingle_shared_with_any_older_set_or_the_team_cases():
    theirs = set().union(*(H._shingles(t) for t in _older_texts()))
    assert len(theirs) > 10000
    ours = set().union(*(H._shingles(t) for t in _fourth_template_strings()))
    ours |= set().union(*(H._shingles(r["text"]) for r in _both("fourth_generator")))
    assert not ours & theirs, sorted(ours & theirs)[:10]


def test_no_real_line_is_in_an_older_set():
    others = {r["text"] for n in OLDER for s in SPLITS for r in _records(n, s)}
    assert len(others) > 2000
    assert not others & {r["text"] for r in _both("fourth_real")}


def _older_values() -> set[str]:
    values = T._other_values()
    values |= {s["value"] for n in ("third_generator", "third_real") for s in SPLITS for r in _records(n, s)
               for s in r["spans"]}
    for modname in ("third_people", "third_phones", "third_places", "third_details"):
        values.update(H._string_constants(PKG / f"{modname}.py"))
    return {v for v in values if v.strip()}


def test_no_planted_value_is_an_older_sets_value():
    others = _older_values()
    assert len(others) > 3000
    ours = {s["value"] for s in _spans(_both("fourth_generator"))}
    shared = sorted(ours & others)
    assert not shared, shared[:30]


def test_no_phone_value_contains_a_phonenumbers_example_number():
    phonenumbers = pytest.importorskip("phonenumbers")
    examples = set()
    for region in ("IN", "SG", "PH", "GB", "IE", "AU", "LU", "LI", "AT", "FR", "CL", "CO", "PE", "IT", "NL", "AO",
                   "MZ", "PT", "PL", "SE", "NO", "DK", "FI", "EE"):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                examples.add(str(ex.national_number))
    assert len(examples) > 35
    ours = {re.sub(r"\D", "", s["value"]) for s in _spans(_both("fourth_generator")) if s["type"] == "PHONE"}
    assert not any(ex in digits for ex in examples for digits in ours)
