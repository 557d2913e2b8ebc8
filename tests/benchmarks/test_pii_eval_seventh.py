"""The seventh PII evaluation sets (benchmarks/pii_eval/seventh_*.py): labels that hold, the sizes, locales and
shapes asked for, a stable split, valid check digits (IBAN, cards, national ids via python-stdnum), a
deterministic build, and independence from every older set (incl. the sixth), the team's strings and
phonenumbers.

Fast: reads the committed data files and the builders' modules (the byte-for-byte rebuild needs Debian's
fortunes-br and is skipped without it). The older sets' texts and values are loaded here programmatically only
to compare against.
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
GENERATOR = "seventh_generator"
SEVENTH = (GENERATOR, "seventh_real")
OLDER = ("other_generator", "real_text", "false_positive", "fresh_generator", "fresh_real", "third_generator",
         "third_real", "fourth_generator", "fourth_real", "fifth_generator", "fifth_real", "sixth_generator",
         "sixth_real")
SPLITS = ("dev", "heldout")


def _load_helpers(filename: str, modname: str):
    return load_sibling(__file__, filename, modname)


H = _load_helpers("test_pii_eval_sets.py", "_pii_eval_sets_helpers_seventh")
T = _load_helpers("test_pii_eval_third.py", "_pii_eval_third_helpers_seventh")
S = _load_helpers("test_pii_eval_sixth.py", "_pii_eval_sixth_helpers_seventh")

_records, _both, _spans = T._records, T._both, T._spans


# ---------------------------------------------------------------------------------------------- labels


@pytest.mark.parametrize("name", SEVENTH)
def test_every_span_is_its_value_and_spans_do_not_overlap(name):
    # the fresh sets' check, name-agnostic: spans are their values, typed, stripped, disjoint; keep/neutral land
    T.test_every_span_is_its_value_and_spans_do_not_overlap(name)


def test_generated_set_has_the_size_types_and_locales_asked_for():
    recs = _both(GENERATOR)
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert 550 <= len(recs) <= 650
    assert types["PERSON"] >= 350 and types["STREET_ADDRESS"] >= 150 and types["PHONE"] >= 150, types
    others = {"EMAIL", "IBAN", "CREDIT_CARD", "DATE_OF_BIRTH", "ID_NUMBER", "USERNAME", "IP_ADDRESS", "URL",
              "CREDENTIAL"}
    assert others <= set(types) and sum(types[t] >= 10 for t in others) >= 6, types
    langs = collections.Counter(r["lang"] for r in recs)
    assert len(langs) == 10 and 0.38 <= langs["en"] / len(recs) <= 0.52, langs
    locales = collections.Counter(r["locale"] for r in recs)
    assert {"en-US", "en-GB", "en-IN", "en-NG", "en-KE", "en-PH", "en-PK", "en-SG", "en-MY", "en-AE", "en-JM",
            "en-GH", "en-NZ", "en-IE", "es-AR", "es-CO", "fr-FR", "fr-SN", "fr-MA", "de-DE", "it-IT", "pt-PT",
            "pl-PL", "nl-BE", "sv-SE", "id-ID"} == set(locales), locales
    assert min(locales.values()) >= 5, locales
    negatives = [r for r in recs if r["kind"] == "negative"]
    assert 0.15 * len(recs) <= len(negatives) <= 0.25 * len(recs) and not _spans(negatives)
    assert sum(len(r["neutral"]) for r in negatives) >= 10  # public figures, neither hit nor false alarm
    assert sum(len(r["keep"]) for r in negatives) >= 3 * len(negatives)


def test_many_templates_transcript_shapes_several_people_and_lower_case_names():
    recs = _both(GENERATOR)
    assert len({r["template"] for r in recs if r["kind"] == "pii"}) >= 150
    persons = [s["value"] for s in _spans(recs) if s["type"] == "PERSON"]
    assert sum(p.islower() for p in persons) >= 30 and len(set(persons)) >= 300
    assert sum(sum(s["type"] == "PERSON" for s in r["spans"]) >= 2 for r in recs) >= 150
    with_person = [r for r in recs if any(s["type"] == "PERSON" for s in r["spans"])]
    # "[09:14] Name:" timestamps and role or name prefixes at the start of a line
    assert sum(bool(re.search(r"(^|\n)\[\d\d:\d\d\] ", r["text"])) for r in with_person) >= 40
    assert sum(bool(re.search(r"(^|\n)[^\W\d_][\w'’-]*( [^\W\d_][\w'’-]*)?( \(\w+\))? ?:", r["text"]))
               for r in with_person) >= 60
    # a name right after "@", and a name as the first word of the text
    assert any(r["text"][s["start"] - 1:s["start"]] == "@" for r in recs for s in r["spans"] if s["type"] == "PERSON")
    assert sum(any(s["start"] == 0 and s["type"] == "PERSON" for s in r["spans"]) for r in recs) >= 20


def test_names_come_from_many_cultures_and_include_ordinary_words():
    people = H._module("seventh_people")
    pool = {n for given, surnames in people.NAMES.values() for n in given + surnames}
    for sample in ("Oluwatobiloba", "Wanjiru", "Kwabena", "Raghavachari", "Truong-Vu", "Panganiban", "Al Mazrouei",
                   "Wiśniewska", "Ó Séaghdha", "Kusumawardani", "Zhi Hao", "Ndèye", "Farahani", "Bogle"):
        assert sample in pool, sample
    given = {g for names, _ in people.NAMES.values() for g in names}
    assert {"Blessing", "Sunday", "Precious", "Ligaya", "Bunga", "Rose", "Sten", "Roos"} <= given
    assert len(given) >= 300
    persons = {s["value"] for s in _spans(_both(GENERATOR)) if s["type"] == "PERSON"}
    assert len({p for p in persons if p in given}) >= 250  # most given names are drawn


def test_addresses_and_phones_come_in_many_shapes():
    recs = _both(GENERATOR)
    addrs = [(r["locale"], s["value"]) for r in recs for s in r["spans"] if s["type"] == "STREET_ADDRESS"]
    assert sum("\n" in a for _, a in addrs) >= 15  # signature and label blocks
    assert any(loc == "en-IN" and re.search(r"\b[1-6]\d{5}$", a) for loc, a in addrs)  # PIN code
    assert any(loc == "id-ID" and "RT" in a and "RW" in a for loc, a in addrs)
    assert any(loc == "en-PH" and "Brgy." in a for loc, a in addrs)
    assert any(loc == "es-CO" and re.search(r"# \d+-\d+", a) for loc, a in addrs)
    assert any(loc == "en-SG" and re.search(r"#\d-\d+", a) for loc, a in addrs)
    assert sum(not re.search(r"\d{4}", a) for _, a in addrs) >= 40  # no postcode
    phones = [s["value"] for s in _spans(recs) if s["type"] == "PHONE"]
    assert len({re.sub(r"\d", "9", p) for p in phones}) >= 70
    assert sum(p.startswith(("+", "00")) for p in phones) >= 40
    assert sum("(" in p for p in phones) >= 15 and sum("." in p for p in phones) >= 3
    assert sum("/" in p for p in phones) >= 2
    assert sum(bool(re.search(r"ext\.|Extn\.|loc\.|poste", p)) for p in phones) >= 3  # extensions


def test_iban_and_card_check_digits_are_valid():
    spans = _spans(_both(GENERATOR))
    ibans = [s["value"] for s in spans if s["type"] == "IBAN"]
    cards = [s["value"] for s in spans if s["type"] == "CREDIT_CARD"]
    assert len(ibans) >= 20 and len(cards) >= 10
    assert all(S._iban_ok(v) for v in ibans), [v for v in ibans if not S._iban_ok(v)]
    assert all(S._luhn_ok(v) for v in cards), [v for v in cards if not S._luhn_ok(v)]
    assert len({v[:2] for v in ibans}) >= 8


def _stdnum_checks() -> dict:
    from stdnum.ar import cuit
    from stdnum.be import nn
    from stdnum.co import nit
    from stdnum.fr import nir
    from stdnum.gb import nhs
    from stdnum.ie import pps
    from stdnum.in_ import aadhaar
    from stdnum.it import codicefiscale
    from stdnum.nz import ird
    from stdnum.pl import pesel
    from stdnum.pt import nif
    from stdnum.se import personnummer

    return {"pl-PL": pesel.is_valid, "sv-SE": personnummer.is_valid, "fr-FR": nir.is_valid, "pt-PT": nif.is_valid,
            "nl-BE": nn.is_valid, "en-IE": pps.is_valid, "es-AR": cuit.is_valid, "es-CO": nit.is_valid,
            "en-IN": aadhaar.is_valid, "it-IT": codicefiscale.is_valid, "en-NZ": ird.is_valid,
            "en-GB": nhs.is_valid, "en-AE": lambda v: S._luhn_ok(v.replace("-", ""))}


def test_national_id_check_digits_are_valid():
    checks = _stdnum_checks()
    numbers = H._module("seventh_numbers")
    assert set(checks) == set(numbers.CHECKED_ID_LOCALES)
    checked = collections.Counter()
    for rec in _both(GENERATOR):
        for s in rec["spans"]:
            if s["type"] == "ID_NUMBER" and rec["locale"] in checks:
                assert checks[rec["locale"]](s["value"]), (rec["locale"], s["value"])
                checked[rec["locale"]] += 1
    assert sum(checked.values()) >= 15 and len(checked) >= 6, checked
    assert not checks["pl-PL"]("44051401358") and not checks["en-IE"]("1234567A")


def test_real_set_is_the_hand_labelled_fortunes_br_sample():
    recs = _both("seventh_real")
    labels = H._module("seventh_labels")
    assert len(recs) >= 250
    keys = {r["id"][len("seventh_r-"):] for r in recs}
    assert {k for k in keys if any(r["spans"] for r in recs if r["id"].endswith(k))} == set(labels.PII)
    assert set(labels.NEUTRAL) <= keys and set(labels.EXTRA_KEYS) <= keys
    assert sum(len(r["neutral"]) for r in recs) >= 150 and sum(len(r["keep"]) for r in recs) >= 400
    neutral = {n for r in recs for n in r["neutral"]}
    assert not neutral & labels.NOT_PEOPLE and {"Machado de Assis", "Millôr Fernandes", "Xuxa"} <= neutral
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert types["PERSON"] >= 12 and types["USERNAME"] >= 4, types
    assert collections.Counter(r["lang"] for r in recs)["pt"] >= 250


def test_a_shorter_label_inside_a_longer_one_is_not_a_second_span_and_attributions_are_read():
    real = H._module("seventh_real")
    text = "Pode acabar.\n\n--Gustavo Noronha Silva (kov), e Gustavo"
    spans = real.label_spans(text, [("PERSON", "Gustavo"), ("PERSON", "Gustavo Noronha Silva")])
    assert [(s["start"], s["value"]) for s in spans] == [(16, "Gustavo Noronha Silva"), (47, "Gustavo")]
    with pytest.raises(ValueError):
        real.label_spans(text, [("PERSON", "Timo")])
    assert real.attribution(text) == "Gustavo Noronha Silva"
    assert real.attribution("Tudo vale a pena\n\t\t-- Fernando Pessoa; poeta\n") == "Fernando Pessoa"
    assert real.attribution("sem autor nenhum aqui") is None


def test_manifest_has_the_seventh_sets_and_their_counts():
    T.manifest_has(SEVENTH, "fortunes-br", OLDER)


def test_new_data_stays_under_one_megabyte():
    assert sum((DATA / f"{n}.{s}.jsonl").stat().st_size for n in SEVENTH for s in SPLITS) < 1_000_000


def test_generator_is_deterministic_and_matches_the_committed_files():
    gen = H._module("seventh_generator")
    first = gen.build_seventh_generator(40, 7)
    assert first == gen.build_seventh_generator(40, 7) and first != gen.build_seventh_generator(40, 8)
    build = H._module("seventh_build")
    rebuilt = sorted(gen.build_seventh_generator(build.N_SEVENTH, build.SEVENTH_SEED), key=lambda r: r["id"])
    assert rebuilt == sorted(_both(GENERATOR), key=lambda r: r["id"])


def test_building_twice_in_a_fresh_folder_gives_identical_files(tmp_path):
    real = H._module("seventh_real")
    if not real.BRASIL_FILE.exists():
        pytest.skip("Debian fortunes-br is not installed")
    build = H._module("seventh_build")
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        out.mkdir()
        assert build.main(["--out", str(out)]) == 0
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 5  # 4 data files + manifest
    for name, data in outputs[0].items():
        if name.endswith(".jsonl"):
            assert data == (DATA / name).read_bytes(), name


def test_score_and_ablation_know_the_seventh_sets_but_score_them_only_when_named():
    T.scored_only_when_named(SEVENTH)


# ---------------------------------------------------------------------------------------------- split


def test_split_follows_the_id_hash_and_ids_are_new():
    T.split_by_id_hash(SEVENTH, OLDER, dict(zip(("seventh_g-00000", "seventh_g-00001", "seventh_g-00002",
                                                 "seventh_g-00003", "seventh_r-5e5f254a", "seventh_r-2bfd31a8"),
                                                PINNED)))
    assert all(r["id"].startswith("seventh_") for n in SEVENTH for r in _both(n))


PINNED = ["dev", "dev", "dev", "heldout", "dev", "dev"]


# ---------------------------------------------------------------------------------------------- independence


def _seventh_template_strings() -> list[str]:
    gen = H._module("seventh_generator")
    return [x for d in (gen.TEMPLATES, gen.NEGATIVES) for xs in d.values() for x in xs]


def _older_texts() -> list[str]:
    texts = S._older_texts() + S._sixth_template_strings()
    return texts + [r["text"] for n in ("sixth_generator", "sixth_real") for s in SPLITS for r in _records(n, s)]


def test_no_six_word_shingle_shared_with_any_older_set_or_the_team_cases():
    theirs = set().union(*(H._shingles(t) for t in _older_texts()))
    assert len(theirs) > 20000
    ours = set().union(*(H._shingles(t) for t in _seventh_template_strings()))
    ours |= set().union(*(H._shingles(r["text"]) for n in SEVENTH for r in _both(n)))
    assert not ours & theirs, sorted(ours & theirs)[:10]


def _older_values() -> set[str]:
    values = S._older_values()
    values |= {s["value"] for n in ("sixth_generator", "sixth_real") for s in SPLITS for r in _records(n, s)
               for s in r["spans"]}
    for modname in ("sixth_people", "sixth_places", "sixth_numbers"):
        values.update(H._string_constants(PKG / f"{modname}.py"))
    return {v for v in values if v.strip()}


def test_no_real_line_is_in_an_older_set():
    others = {r["text"] for n in OLDER for s in SPLITS for r in _records(n, s)}
    assert len(others) > 3000
    assert not others & {r["text"] for r in _both("seventh_real")}


def test_no_planted_value_is_an_older_sets_value():
    others = _older_values()
    assert len(others) > 5000
    ours = {s["value"] for s in _spans(_both(GENERATOR))}
    ours |= {s["value"] for s in _spans(_both("seventh_real")) if s["type"] in ("PERSON", "STREET_ADDRESS", "PHONE")}
    shared = sorted(ours & others)
    assert not shared, shared[:40]


def test_no_phone_value_contains_a_phonenumbers_example_number():
    phonenumbers = pytest.importorskip("phonenumbers")
    examples = set()
    for region in ("US", "GB", "IN", "NG", "KE", "PH", "PK", "SG", "MY", "AE", "JM", "GH", "NZ", "IE", "AR", "CO",
                   "FR", "SN", "MA", "DE", "IT", "PT", "PL", "BE", "SE", "ID"):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                examples.add(str(ex.national_number))
    assert len(examples) > 40
    ours = {re.sub(r"\D", "", s["value"]) for s in _spans(_both(GENERATOR)) if s["type"] == "PHONE"}
    assert not any(ex in digits for ex in examples for digits in ours)
