"""The sixth PII evaluation sets (benchmarks/pii_eval/sixth_*.py): labels that hold, the sizes asked for, a
stable split, valid check digits (IBAN, cards, national ids), determinism, and independence from every older
set (incl. the fifth), the team's strings and phonenumbers.

Fast: reads the committed data files and the builders' modules (no subprocess, no Spark, no fortunes-mario).
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
GENERATOR = "sixth_generator"
OLDER = ("other_generator", "real_text", "false_positive", "fresh_generator", "fresh_real", "third_generator",
         "third_real", "fourth_generator", "fourth_real", "fifth_generator", "fifth_real")
SPLITS = ("dev", "heldout")


def _load_helpers(filename: str, modname: str):
    return load_sibling(__file__, filename, modname)


H = _load_helpers("test_pii_eval_sets.py", "_pii_eval_sets_helpers_sixth")
T = _load_helpers("test_pii_eval_third.py", "_pii_eval_third_helpers_sixth")
V = _load_helpers("test_pii_eval_fifth.py", "_pii_eval_fifth_helpers_sixth")

_records, _both, _spans = T._records, T._both, T._spans


SIXTH = (GENERATOR, "sixth_real")


# ---------------------------------------------------------------------------------------------- labels


@pytest.mark.parametrize("name", SIXTH)
def test_every_span_is_its_value_and_spans_do_not_overlap(name):
    # the fresh sets' check, name-agnostic: spans are their values, typed, stripped, disjoint; keep/neutral land
    T.test_every_span_is_its_value_and_spans_do_not_overlap(name)


def test_generated_set_has_the_size_types_and_languages_asked_for():
    recs = _both(GENERATOR)
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert 550 <= len(recs) <= 650
    assert types["PERSON"] >= 350 and types["STREET_ADDRESS"] >= 150 and types["PHONE"] >= 150, types
    assert len(set(types) - {"PERSON", "STREET_ADDRESS", "PHONE"}) >= 6, types
    langs = collections.Counter(r["lang"] for r in recs)
    assert len(langs) >= 11 and 0.3 <= langs["en"] / len(recs) <= 0.42, langs
    locales = {r["locale"] for r in recs}
    assert {"cs-CZ", "ro-RO", "tr-TR", "hu-HU", "ca-ES", "pt-BR", "es-MX", "fr-CA", "de-AT", "de-CH", "en-IN",
            "en-US", "en-GB", "en-AU", "en-ZA", "en-CA", "hr-HR"} <= locales, locales
    negatives = [r for r in recs if r["kind"] == "negative"]
    assert 0.15 * len(recs) <= len(negatives) <= 0.27 * len(recs) and not _spans(negatives)
    assert sum(len(r["neutral"]) for r in negatives) >= 10  # public figures, neither hit nor false alarm
    assert sum(len(r["keep"]) for r in negatives) >= 3 * len(negatives)


def test_many_templates_chat_shapes_several_people_and_lower_case_names():
    recs = _both(GENERATOR)
    assert len({r["template"] for r in recs if r["kind"] == "pii"}) >= 150
    persons = [s["value"] for s in _spans(recs) if s["type"] == "PERSON"]
    assert sum(p.islower() for p in persons) >= 30 and len(set(persons)) >= 300
    assert sum(sum(s["type"] == "PERSON" for s in r["spans"]) >= 2 for r in recs) >= 150
    # "Name:" speaker prefixes at the start of a line
    assert sum(bool(re.search(r"(^|\n)[^\W\d_][\w'’-]*( [^\W\d_][\w'’-]*)? ?:", r["text"])) for r in recs
               if any(s["type"] == "PERSON" for s in r["spans"])) >= 40


def test_addresses_and_phones_come_in_many_shapes():
    spans = _spans(_both(GENERATOR))
    addrs = [s["value"] for s in spans if s["type"] == "STREET_ADDRESS"]
    assert sum("\n" in a for a in addrs) >= 15  # signature blocks
    assert sum(not re.search(r"\d{4}|[A-Z]\d[A-Z]|\d{3} \d{2}", a) for a in addrs) >= 40  # no postcode
    assert sum(a[:4].isdigit() for a in addrs) >= 3  # Hungarian: postcode and town first
    phones = [s["value"] for s in spans if s["type"] == "PHONE"]
    assert len({re.sub(r"\d", "9", p) for p in phones}) >= 60
    assert sum(p.startswith(("+", "00")) for p in phones) >= 40
    assert sum("(" in p for p in phones) >= 15 and sum("." in p for p in phones) >= 5
    assert sum(bool(re.search(r"ext|poste", p)) for p in phones) >= 3


_iban_ok, _luhn_ok = V._iban_ok, V._luhn_ok  # the fifth sets' checks (mod 97, Luhn)


def test_iban_and_card_check_digits_are_valid():
    spans = _spans(_both(GENERATOR))
    ibans = [s["value"] for s in spans if s["type"] == "IBAN"]
    cards = [s["value"] for s in spans if s["type"] == "CREDIT_CARD"]
    assert len(ibans) >= 20 and len(cards) >= 10
    assert all(_iban_ok(v) for v in ibans), [v for v in ibans if not _iban_ok(v)]
    assert all(_luhn_ok(v) for v in cards), [v for v in cards if not _luhn_ok(v)]
    assert not _iban_ok("CZ00" + ibans[0].replace(" ", "")[4:]) and not _luhn_ok("4111 1111 1111 1112")


def _cz_ok(v: str) -> bool:
    return int(v.replace("/", "")) % 11 == 0


def _tr_ok(v: str) -> bool:
    d = [int(c) for c in v]
    return d[9] == ((sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10) and d[10] == sum(d[:10]) % 10


def _cpf_ok(v: str) -> bool:
    d = [int(c) for c in re.sub(r"\D", "", v)]
    for n in (9, 10):
        r = sum(x * w for x, w in zip(d[:n], range(n + 1, 1, -1))) * 10 % 11
        if d[n] != (0 if r == 10 else r):
            return False
    return True


def _oib_ok(v: str) -> bool:
    a = 10
    for c in v[:10]:
        a = ((a + int(c)) % 10 or 10) * 2 % 11
    return int(v[10]) == (11 - a) % 10


def _cnp_ok(v: str) -> bool:
    r = sum(int(a) * int(b) for a, b in zip(v, "279146358279")) % 11
    return int(v[12]) == (1 if r == 10 else r)


def _ahv_ok(v: str) -> bool:
    d = re.sub(r"\D", "", v)
    return int(d[12]) == (10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12])) % 10) % 10


ID_CHECKS = {"cs-CZ": _cz_ok, "tr-TR": _tr_ok, "pt-BR": _cpf_ok, "hr-HR": _oib_ok, "ro-RO": _cnp_ok,
             "de-CH": _ahv_ok, "fr-CA": _luhn_ok, "en-CA": _luhn_ok, "en-ZA": _luhn_ok}


def test_national_id_check_digits_are_valid():
    checked = 0
    for rec in _both(GENERATOR):
        check = ID_CHECKS.get(rec["locale"])
        for s in rec["spans"]:
            if s["type"] == "ID_NUMBER" and check:
                assert check(s["value"]), (rec["locale"], s["value"])
                checked += 1
    assert checked >= 10
    assert not _tr_ok("10000000147") and not _cpf_ok("123.456.789-00") and not _oib_ok("12345678901")


def test_real_set_is_the_hand_labelled_fortunes_mario_file():
    recs = _both("sixth_real")
    labels = H._module("sixth_labels")
    assert len(recs) >= 300
    assert {r["id"][3:] for r in recs if r["spans"]} == set(labels.PII)
    assert {r["id"][3:] for r in recs if r["neutral"]} == set(labels.NEUTRAL)
    assert not {r["id"][3:] for r in recs} & labels.EXCLUDED
    assert sum(len(r["neutral"]) for r in recs) >= 150 and sum(len(r["keep"]) for r in recs) >= 1000
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert types["PERSON"] >= 60 and types["EMAIL"] >= 15 and types["USERNAME"] >= 5 and types["URL"] >= 3, types
    langs = collections.Counter(r["lang"] for r in recs)
    assert langs["pt"] >= 25 and langs["en"] >= 250, langs


def test_a_shorter_label_inside_a_longer_one_is_not_a_second_span():
    real = H._module("sixth_real")
    text = "From: Gordon McMillan\nthanks\n- Gordon"
    spans = real.label_spans(text, [("PERSON", "Gordon"), ("PERSON", "Gordon McMillan")])
    assert [(s["start"], s["value"]) for s in spans] == [(6, "Gordon McMillan"), (31, "Gordon")]
    with pytest.raises(ValueError):
        real.label_spans(text, [("PERSON", "Timo")])


def test_manifest_has_the_sixth_sets_and_their_counts():
    T.manifest_has(SIXTH, "fortunes-mario", OLDER)


def test_generator_is_deterministic():
    gen = H._module("sixth_generator")
    first = gen.build_sixth_generator(40, 7)
    assert first == gen.build_sixth_generator(40, 7) and first != gen.build_sixth_generator(40, 8)
    build = H._module("sixth_build")
    rebuilt = sorted(gen.build_sixth_generator(build.N_SIXTH, build.SIXTH_SEED), key=lambda r: r["id"])
    assert rebuilt == sorted(_both(GENERATOR), key=lambda r: r["id"])


def test_score_and_ablation_know_the_sixth_sets_but_score_them_only_when_named():
    T.scored_only_when_named(("sixth_generator", "sixth_real"))


# ---------------------------------------------------------------------------------------------- split


def test_split_follows_the_id_hash_and_ids_are_new():
    T.split_by_id_hash(SIXTH, OLDER, dict(zip(("6g-00000", "6g-00001", "6g-00004", "6g-00005", "6r-6d6029dd",
                                               "6r-ff2074f6"), PINNED)))


PINNED = ["dev", "dev", "dev", "heldout", "dev", "dev"]


# ---------------------------------------------------------------------------------------------- independence


def _sixth_template_strings() -> list[str]:
    gen = H._module("sixth_generator")
    return [x for d in (gen.TEMPLATES, gen.NEGATIVES) for xs in d.values() for x in xs]


def _older_texts() -> list[str]:
    texts = V._older_texts() + V._fifth_template_strings()
    return texts + [r["text"] for n in ("fifth_generator", "fifth_real") for s in SPLITS for r in _records(n, s)]


def test_no_six_word_shingle_shared_with_any_older_set_or_the_team_cases():
    theirs = set().union(*(H._shingles(t) for t in _older_texts()))
    assert len(theirs) > 15000
    ours = set().union(*(H._shingles(t) for t in _sixth_template_strings()))
    ours |= set().union(*(H._shingles(r["text"]) for n in SIXTH for r in _both(n)))
    assert not ours & theirs, sorted(ours & theirs)[:10]


def _older_values() -> set[str]:
    values = V._older_values()
    values |= {s["value"] for n in ("fifth_generator", "fifth_real") for s in SPLITS for r in _records(n, s)
               for s in r["spans"]}
    for modname in ("fifth_people", "fifth_places", "fifth_details"):
        values.update(H._string_constants(PKG / f"{modname}.py"))
    return {v for v in values if v.strip()}


def test_no_real_line_is_in_an_older_set():
    others = {r["text"] for n in OLDER for s in SPLITS for r in _records(n, s)}
    assert len(others) > 3000
    assert not others & {r["text"] for r in _both("sixth_real")}


def test_no_planted_value_is_an_older_sets_value():
    others = _older_values()
    assert len(others) > 5000
    ours = {s["value"] for n in SIXTH for s in _spans(_both(n))}
    shared = sorted(ours & others)
    assert not shared, shared[:40]


def test_no_phone_value_contains_a_phonenumbers_example_number():
    phonenumbers = pytest.importorskip("phonenumbers")
    examples = set()
    for region in ("US", "GB", "AU", "IN", "ZA", "CA", "CZ", "RO", "TR", "HU", "ES", "BR", "MX", "AT", "CH", "HR"):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                examples.add(str(ex.national_number))
    assert len(examples) > 25
    ours = {re.sub(r"\D", "", s["value"]) for s in _spans(_both(GENERATOR)) if s["type"] == "PHONE"}
    assert not any(ex in digits for ex in examples for digits in ours)
