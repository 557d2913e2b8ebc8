"""The PII evaluation sets under benchmarks/pii_eval: labels that hold, a stable split, independence from the
synthetic generator and the team's own cases, and a scorer that counts what it says it counts.

Fast: reads the committed data files and runs the scorer on hand-made outputs (no subprocess, no Spark).
The builder's own dependencies (mimesis, chatterbot-corpus) are not needed here.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from tunehouse.pii.settings import ENTITY_TYPES

ROOT = Path(__file__).resolve().parents[2]
PKG_DIR = ROOT / "benchmarks" / "pii_eval"
DATA = PKG_DIR / "data"
SETS = ("other_generator", "real_text", "false_positive")
SPLITS = ("dev", "heldout")


def _module(name: str):
    """``pii_eval.<name>`` loaded from benchmarks/ as a package (benchmarks/ is not on sys.path)."""
    if "pii_eval" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "pii_eval", PKG_DIR / "__init__.py", submodule_search_locations=[str(PKG_DIR)])
        pkg = importlib.util.module_from_spec(spec)
        sys.modules["pii_eval"] = pkg
        spec.loader.exec_module(pkg)
    return importlib.import_module(f"pii_eval.{name}")


def _records(name: str, split: str) -> list[dict]:
    return _module("records").read_jsonl(DATA / f"{name}.{split}.jsonl")


def _all_records() -> list[dict]:
    return [r for name in SETS for split in SPLITS for r in _records(name, split)]


# ---------------------------------------------------------------------------------------------- labels


def test_every_span_is_its_value_and_every_keep_string_is_in_the_text():
    records = _all_records()
    assert len(records) > 1000
    for rec in records:
        assert set(rec) >= {"id", "text", "spans", "keep"}
        for s in rec["spans"]:
            assert 0 <= s["start"] < s["end"] <= len(rec["text"]), rec["id"]
            assert rec["text"][s["start"]:s["end"]] == s["value"], rec["id"]
            assert s["type"] in ENTITY_TYPES, (rec["id"], s["type"])
        for k in rec["keep"] + rec.get("neutral", []):
            assert k in rec["text"], (rec["id"], k)


def test_spans_do_not_overlap():
    for rec in _all_records():
        spans = sorted(rec["spans"], key=lambda s: s["start"])
        for a, b in zip(spans, spans[1:]):
            assert a["end"] <= b["start"], rec["id"]


def test_false_positive_set_is_a_hand_labelled_sample_of_at_least_150_real_lines():
    fp = _records("false_positive", "dev") + _records("false_positive", "heldout")
    assert len(fp) >= 150
    labelled = {r["id"][3:] for r in fp if r["spans"]}
    assert labelled == set(_module("fp_labels").PII)  # every hand label lands, nothing else is labelled
    assert sum(len(r["keep"]) for r in fp) > len(fp)  # capitalised non-PII words to keep


def test_manifest_counts_match_the_files():
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["packages"]["mimesis"] != "not installed"
    for name in SETS:
        for split in SPLITS:
            recs = _records(name, split)
            counts = manifest["sets"][name][split]
            assert counts["records"] == len(recs)
            assert counts["spans"] == sum(len(r["spans"]) for r in recs)


def test_data_files_stay_small():
    # about 0.4 MB a set; seven sets so far (each set's own test keeps it under 1 MB)
    assert sum(p.stat().st_size for p in DATA.iterdir()) < 3_500_000


# ---------------------------------------------------------------------------------------------- split


def test_split_is_disjoint_and_follows_the_id_hash():
    split_of = _module("records").split_of
    seen: dict[str, str] = {}
    for name in SETS:
        for split in SPLITS:
            for rec in _records(name, split):
                assert rec["id"] not in seen, rec["id"]
                seen[rec["id"]] = split
                assert split_of(rec["id"]) == split, rec["id"]
    heldout_share = sum(v == "heldout" for v in seen.values()) / len(seen)
    assert 0.25 < heldout_share < 0.35


def test_split_function_is_stable():
    # pinned: changing the hash or the threshold would silently move records between dev and held-out
    split_of = _module("records").split_of
    assert [split_of(i) for i in ("og-00000", "og-00001", "og-00002", "rt-4ac1d64f", "fp-00bbbcd9")] == \
        ["heldout", "heldout", "dev", "dev", "dev"]


# ---------------------------------------------------------------------------------------------- independence

SHINGLE = 6


def _segments(s: str) -> list[str]:
    """Text runs between template slots ({name}, {NAME}, %s), lower-cased."""
    return [seg.lower() for seg in re.split(r"\{[^{}]*\}|%\w", s)]


def _shingles(s: str) -> set[tuple[str, ...]]:
    out: set[tuple[str, ...]] = set()
    for seg in _segments(s):
        words = re.findall(r"\w+(?:['’]\w+)?", seg)
        out.update(tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    return out


def _string_constants(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def _team_texts() -> list[str]:
    """Strings of the synthetic generator's pools and data, and of the team's hand-labelled cases."""
    texts = _string_constants(ROOT / "lib/tunehouse/synthetic/pools.py")
    texts += _string_constants(ROOT / "tests/fixtures/pii_cases.py")
    data_dir = ROOT / "lib/tunehouse/synthetic/data"
    if data_dir.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in data_dir.rglob("*") if p.is_file()]
    return texts


def test_no_six_word_shingle_shared_with_the_generator_or_the_team_cases():
    team = set().union(*(_shingles(t) for t in _team_texts()))
    assert len(team) > 1000  # the comparison has something to compare with
    ours = set()
    for rec in _all_records():
        ours |= _shingles(rec["text"])
    templates = [t for ts in _module("chat_templates").TEMPLATES.values() for t in ts]
    rt = _module("real_text")
    templates += [f for fs in rt.MENTION.values() for f in fs] + [f for fs in rt.CONTACT.values() for f in fs]
    templates += [f for d in rt.DETAIL.values() for f in d.values()]
    for t in templates:
        ours |= _shingles(t)
    assert not ours & team, sorted(ours & team)[:10]


def test_no_planted_value_other_than_a_name_is_in_the_generator_or_the_team_cases():
    # names are compared with faker's lists below; every other value must be new to the team's strings
    team = "\n".join(_team_texts())
    values = {s["value"] for r in _all_records() for s in r["spans"] if s["type"] not in ("PERSON", "USERNAME")}
    assert len(values) > 300
    shared = sorted(v for v in values if v in team)
    assert not shared, shared[:10]


def _faker_names() -> set[str]:
    import pkgutil

    import faker.providers.person as person

    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"faker.providers.person.{info.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary", "last_names"):
            value = getattr(provider, "__dict__", {}).get(attr)
            if isinstance(value, (list, tuple, dict, set)):
                names.update(str(n).lower() for n in value)
    return names


def _faker_share(values: list[str], names: set[str]) -> float:
    """Share of values all of whose words are in faker's name lists."""
    def all_known(v: str) -> bool:
        return all(w in names for w in re.split(r"[\s-]+", v.lower()) if w)
    return sum(all_known(v) for v in values) / len(values)


def test_person_values_are_not_faker_names(capsys):
    names = _faker_names()
    assert len(names) > 10_000
    og = [s["value"] for r in _records("other_generator", "dev") + _records("other_generator", "heldout")
          for s in r["spans"] if s["type"] == "PERSON"]
    full = [v for v in og if " " in v]
    hv = _module("hand_values")
    hand = [f for fs in hv.FIRST.values() for f in fs] + [s for ss in hv.LAST.values() for s in ss]
    shares = {"other_generator PERSON": _faker_share(og, names),
              "other_generator full names": _faker_share(full, names), "hand-written names": _faker_share(hand, names)}
    with capsys.disabled():
        print("\nshare of PERSON values whose every word is in faker's name lists:",
              {k: round(v, 3) for k, v in shares.items()})
    assert len(og) > 150 and len(full) > 50
    assert shares["other_generator PERSON"] < 0.7
    assert shares["other_generator full names"] < 0.6
    assert shares["hand-written names"] < 0.8


# ---------------------------------------------------------------------------------------------- the scorer

TEXT = "Call Oriana on 0664 123 45 67 about Harry Potter. <G>"
REC = {"id": "t-1", "text": TEXT, "keep": ["Harry Potter"], "neutral": [], "spans": [
    {"start": 5, "end": 11, "type": "PERSON", "value": "Oriana"},
    {"start": 15, "end": 29, "type": "PHONE", "value": "0664 123 45 67"}]}


def _score(output: str) -> dict:
    return _module("score").score_outputs([REC], [output])


def test_scorer_counts_a_fully_scrubbed_text_as_full_recall():
    r = _score("Call <PERSON_1> on <PHONE_1> about Harry Potter. <G>")
    assert (r["recall"], r["typed_recall"], r["partial"], r["keep_survival"]) == (1.0, 1.0, 0, 1.0)
    assert (r["replacements"], r["true_replacements"], r["false_replacements"], r["precision"]) == (2, 2, 0, 1.0)
    assert r["inexact_alignments"] == 0


def test_scorer_counts_an_untouched_text_as_zero_recall():
    r = _score(TEXT)
    assert (r["recall"], r["removed"], r["leaked"], r["replacements"], r["keep_survival"]) == (0.0, 0, 2, 0, 1.0)


def test_scorer_counts_partial_removal_wrong_types_and_false_replacements():
    r = _score("Call <PERSON_1> on <PHONE_1> 67 about <PERSON_2>. <G>")
    assert (r["removed"], r["partial"], r["keep_survival"]) == (1, 1, 0.0)
    assert (r["true_replacements"], r["false_replacements"]) == (2, 1)
    assert r["top_false_replacements"] == [("Harry Potter -> PERSON", 1)]
    typed = _score("Call <LOCATION_1> on <PHONE_1> about Harry Potter. <G>")
    assert (typed["recall"], typed["typed_recall"]) == (1.0, 0.5)


def test_scorer_separates_words_of_a_value_and_falls_back_to_a_diff():
    rec = {"id": "t-2", "text": "Anna Kowalski paid", "keep": [], "spans": [
        {"start": 0, "end": 13, "type": "PERSON", "value": "Anna Kowalski"}]}
    score_outputs = _module("score").score_outputs
    assert score_outputs([rec], ["<PERSON_1> <PERSON_2> paid"])["recall"] == 1.0
    reshaped = score_outputs([rec], ["<PERSON_1>  paid!"])  # not the input with spans replaced
    assert reshaped["inexact_alignments"] == 1 and reshaped["recall"] == 1.0
    with pytest.raises(ValueError):
        score_outputs([rec], [])
