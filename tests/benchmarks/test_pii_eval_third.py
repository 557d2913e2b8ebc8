"""The third PII evaluation sets (benchmarks/pii_eval/third_*.py): labels that hold, the sizes asked for, a
stable split, and independence from the older and fresh sets, the team's strings and the phonenumbers library.

Fast: reads the committed data files and the builders' modules (no subprocess, no Spark, no fortunes-pl).
The older and fresh sets' templates and value lists are loaded here programmatically only to compare against.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest
from fixtures.sibling_tests import load_sibling

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "benchmarks" / "pii_eval"
DATA = PKG / "data"
THIRD = ("third_generator", "third_real")
OLD = ("other_generator", "real_text", "false_positive")
FRESH = ("fresh_generator", "fresh_real")
SPLITS = ("dev", "heldout")


def _load_helpers(filename: str, modname: str):
    return load_sibling(__file__, filename, modname)


H = _load_helpers("test_pii_eval_sets.py", "_pii_eval_sets_helpers_third")
F = _load_helpers("test_pii_eval_fresh.py", "_pii_eval_fresh_helpers_third")


def _records(name: str, split: str) -> list[dict]:
    return H._records(name, split)


def _both(name: str) -> list[dict]:
    return _records(name, "dev") + _records(name, "heldout")


def _spans(recs: list[dict]):
    return [s for r in recs for s in r["spans"]]


# ---------------------------------------------------------------------------------------------- labels


@pytest.mark.parametrize("name", THIRD)
def test_every_span_is_its_value_and_spans_do_not_overlap(name):
    # the fresh sets' check, name-agnostic: spans are their values, typed, stripped, disjoint; keep/neutral land
    F.test_every_span_is_its_value_and_spans_do_not_overlap(name)


def test_generated_set_has_the_size_types_and_locales_asked_for():
    recs = _both("third_generator")
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert 700 <= len(recs) <= 900
    assert types["PERSON"] >= 300 and types["STREET_ADDRESS"] >= 300 and types["PHONE"] >= 250, types
    assert len(set(types) - {"PERSON", "STREET_ADDRESS", "PHONE"}) >= 8, types
    locales = collections.Counter(r["locale"] for r in recs if r["kind"] == "pii")
    assert {"en-CA", "en-NZ", "en-ZA", "fr-CA", "fr-CH", "es-MX", "es-AR", "it-CH", "nl-BE", "pt-BR"} <= set(locales)
    assert len({r["lang"] for r in recs}) == 13 and min(locales.values()) >= 10, locales
    negatives = [r for r in recs if r["kind"] == "negative"]
    assert len(negatives) >= 0.15 * len(recs) and not _spans(negatives)
    assert sum(len(r["neutral"]) for r in negatives) >= 20  # public figures, neither hit nor false alarm
    assert sum(len(r["keep"]) for r in negatives) >= 2 * len(negatives)


def test_addresses_and_phones_come_in_many_shapes():
    spans = _spans(_both("third_generator"))
    addrs = [s["value"] for s in spans if s["type"] == "STREET_ADDRESS"]
    assert sum("\n" in a for a in addrs) >= 50
    assert sum(bool(re.search(r"\b(PO Box|Postfach|BP|Postbus|Box|Postboks|PL|Apartado|Casella|Caixa|C\.P\.|"
                              r"Case postale|skr\. poczt\.)\s?\d", a)) for a in addrs) >= 15
    assert sum(bool(re.search(r"\b(Flat|Apt|Unit|app\.|apto|int\.|piso|lgh|bus|Top|OG|tv\.|th\.|as\.|m\.)\s?", a))
               for a in addrs) >= 40
    phones = [s["value"] for s in spans if s["type"] == "PHONE"]
    assert len({re.sub(r"\d", "9", p) for p in phones}) >= 90
    assert sum(p.startswith(("+", "00")) for p in phones) >= 60
    assert sum("(0)" in p for p in phones) >= 5
    assert sum(bool(re.search(r"[a-zA-Z]{2,}", p)) for p in phones) >= 8  # extensions: ext., poste, Durchwahl


def test_names_have_particles_hyphens_and_nicknames():
    persons = [s["value"] for s in _spans(_both("third_generator")) if s["type"] == "PERSON"]
    assert sum(bool(re.search(r"\b(van|de|da|du|le|von|dos|Lo|De|Van|Te)\b ", p)) for p in persons) >= 15
    assert sum("-" in p for p in persons) >= 15
    assert len(set(persons)) >= 300


def test_real_set_is_a_hand_labelled_sample_of_at_least_300_lines():
    recs = _both("third_real")
    labels = H._module("third_labels")
    assert len(recs) >= 300
    assert {r["id"][3:] for r in recs if r["spans"]} == set(labels.PII)
    assert {r["id"][3:] for r in recs if r["neutral"]} == set(labels.NEUTRAL)
    assert len(_spans(recs)) >= 150 and sum(len(r["keep"]) for r in recs) >= 150


def manifest_has(sets: tuple[str, ...], package: str, older: tuple[str, ...]) -> None:
    """The manifest names ``sets`` with their record and span counts per split and the version of the Debian
    ``package`` their real text comes from, and still holds every ``older`` set (shared by the later sets' tests)."""
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["packages"][f"{package} (Debian)"] not in ("not installed", "unknown")
    for name in sets:
        assert name in manifest["sources"]
        for split in SPLITS:
            recs = _records(name, split)
            assert manifest["sets"][name][split]["records"] == len(recs)
            assert manifest["sets"][name][split]["spans"] == len(_spans(recs))
    for name in older:  # the other sets' entries were kept
        assert name in manifest["sets"]


def test_manifest_has_the_third_sets_and_their_counts():
    manifest_has(THIRD, "fortunes-pl", OLD + FRESH)


def test_new_data_stays_under_one_megabyte():
    assert sum((DATA / f"{n}.{s}.jsonl").stat().st_size for n in THIRD for s in SPLITS) < 1_000_000


def scored_only_when_named(sets: tuple[str, str]) -> None:
    """``score.py`` and ``ablation.py`` take a later author's sets (generator, real) only when named: a plain
    ``--heldout`` must not spend their held-out split. Shared by the third, fourth and fifth sets' tests."""
    generator, real = sets
    score = H._module("score")
    assert score.parse_args(["--set", real, "--heldout"]).names == [real]
    assert not set(score.parse_args(["--heldout"]).names) & set(sets)
    assert set(sets) <= set(score.KNOWN_SETS)
    ablation = H._module("ablation")
    assert ablation.parse_args(["--set", generator]).sets == [generator]
    assert not set(ablation.parse_args([]).sets) & set(sets)


def split_by_id_hash(sets: tuple[str, ...], older: tuple[str, ...], pinned: dict[str, str]) -> None:
    """Each record of ``sets`` is in the split its id's hash says, no id is reused (within ``sets`` or from
    ``older``), about 30% are held out, and the ``pinned`` ids stay where they are (a change of the hash or the
    threshold would move records between dev and held-out)."""
    split_of = H._module("records").split_of
    other_ids = {r["id"] for n in older for s in SPLITS for r in _records(n, s)}
    seen = set()
    for name in sets:
        for split in SPLITS:
            for rec in _records(name, split):
                assert split_of(rec["id"]) == split and rec["id"] not in seen | other_ids, rec["id"]
                seen.add(rec["id"])
    assert 0.25 < sum(split_of(i) == "heldout" for i in seen) / len(seen) < 0.35
    assert {i: split_of(i) for i in pinned} == pinned


def test_score_and_ablation_know_the_third_sets_but_score_them_only_when_named():
    scored_only_when_named(THIRD)


# ---------------------------------------------------------------------------------------------- split


def test_split_follows_the_id_hash_and_ids_are_new():
    split_by_id_hash(THIRD, OLD + FRESH,
                     dict(zip(("tg-00000", "tg-00001", "tg-00002", "tg-00003", "tr-0019fcbb", "tr-006e1028"), PINNED)))


PINNED = ["heldout", "dev", "dev", "dev", "dev", "heldout"]


# ---------------------------------------------------------------------------------------------- independence


def _third_template_strings() -> list[str]:
    out = []
    for modname in ("third_templates", "third_templates_more"):
        t = H._module(modname)
        out += [x for d in (t.TEMPLATES, t.NEGATIVES) for xs in d.values() for x in xs]
    return out


def _other_texts() -> list[str]:
    texts = F._old_template_strings() + F._fresh_template_strings()
    texts += [r["text"] for n in OLD + FRESH for s in SPLITS for r in _records(n, s)]
    return texts + H._team_texts()


def test_no_six_word_shingle_shared_with_older_or_fresh_sets_or_the_team_cases():
    theirs = set().union(*(H._shingles(t) for t in _other_texts()))
    assert len(theirs) > 8000
    ours = set().union(*(H._shingles(t) for t in _third_template_strings()))
    ours |= set().union(*(H._shingles(r["text"]) for r in _both("third_generator")))
    assert not ours & theirs, sorted(ours & theirs)[:10]


def test_no_real_line_is_in_an_older_or_fresh_set():
    others = {r["text"] for n in OLD + FRESH for s in SPLITS for r in _records(n, s)}
    assert len(others) > 1500
    assert not others & {r["text"] for r in _both("third_real")}


def _other_values() -> set[str]:
    values = F._old_values()
    values |= {s["value"] for n in FRESH for s in SPLITS for r in _records(n, s) for s in r["spans"]}
    for modname in ("fresh_people", "fresh_phones", "fresh_places"):
        values.update(H._string_constants(PKG / f"{modname}.py"))
    return {v for v in values if v.strip()}


def test_no_planted_value_is_an_older_or_fresh_sets_value():
    others = _other_values()
    assert len(others) > 2000
    ours = {s["value"] for s in _spans(_both("third_generator"))}
    shared = sorted(ours & others)
    assert not shared, shared[:30]


def test_no_phone_value_contains_a_phonenumbers_example_number():
    phonenumbers = pytest.importorskip("phonenumbers")
    examples = set()
    for region in ("US", "GB", "CA", "NZ", "ZA", "DE", "AT", "CH", "FR", "BE", "ES", "MX", "AR", "IT", "NL", "PT",
                   "BR", "PL", "EE", "SE", "NO", "DK", "FI"):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                examples.add(str(ex.national_number))
    assert len(examples) > 35
    ours = {re.sub(r"\D", "", s["value"]) for s in _spans(_both("third_generator")) if s["type"] == "PHONE"}
    assert not any(ex in digits for ex in examples for digits in ours)
