"""The eighth PII evaluation set (benchmarks/pii_eval/eighth_*.py): labels that hold, the sizes, languages, locales
and channel shapes asked for (speech-to-text transcripts, pasted e-mail replies, workplace chat, SMS, web forms), a
stable split, valid check digits (IBAN, cards also when read aloud, national ids via python-stdnum), a
deterministic build, and independence from every older set (incl. the seventh), the team's strings and
phonenumbers.

Fast: reads the committed data files and the builder's modules. The older sets' texts and values are loaded here
programmatically only to compare against.
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
GENERATOR = "eighth_generator"
EIGHTH = (GENERATOR,)
SEVENTH = ("seventh_generator", "seventh_real")
OLDER = ("other_generator", "real_text", "false_positive", "fresh_generator", "fresh_real", "third_generator",
         "third_real", "fourth_generator", "fourth_real", "fifth_generator", "fifth_real", "sixth_generator",
         "sixth_real") + SEVENTH
SPLITS = ("dev", "heldout")
LOCALES = {"en-US", "en-GB", "en-AU", "en-IE", "en-ZA", "en-CA", "cs-CZ", "tr-TR", "ro-RO", "pt-BR", "hu-HU",
           "el-GR", "vi-VN", "sw-KE"}
CHANNELS = ("asr", "email", "workchat", "sms", "form")


def _load_helpers(filename: str, modname: str):
    return load_sibling(__file__, filename, modname)


H = _load_helpers("test_pii_eval_sets.py", "_pii_eval_sets_helpers_eighth")
T = _load_helpers("test_pii_eval_third.py", "_pii_eval_third_helpers_eighth")
S = _load_helpers("test_pii_eval_sixth.py", "_pii_eval_sixth_helpers_eighth")
W = _load_helpers("test_pii_eval_seventh.py", "_pii_eval_seventh_helpers_eighth")

_records, _both, _spans = T._records, T._both, T._spans


# ---------------------------------------------------------------------------------------------- labels


def test_every_span_is_its_value_and_spans_do_not_overlap():
    # the fresh sets' check, name-agnostic: spans are their values, typed, stripped, disjoint; keep/neutral land
    T.test_every_span_is_its_value_and_spans_do_not_overlap(GENERATOR)


def test_generated_set_has_the_size_types_languages_and_locales_asked_for():
    recs = _both(GENERATOR)
    assert 380 <= len(recs) <= 420
    types = collections.Counter(s["type"] for s in _spans(recs))
    assert types["PERSON"] >= 500 and types["PHONE"] >= 120 and types["EMAIL"] >= 80, types
    assert types["STREET_ADDRESS"] >= 80, types
    assert len(types) >= 12 and all(types[t] >= 8 for t in types), types
    langs = collections.Counter(r["lang"] for r in recs)
    assert set(langs) == {"en", "cs", "tr", "ro", "pt", "hu", "el", "vi", "sw"}, langs
    assert 0.45 <= langs["en"] / len(recs) <= 0.55 and min(langs.values()) >= 20, langs
    locales = collections.Counter(r["locale"] for r in recs)
    assert set(locales) == LOCALES and min(locales.values()) >= 20, locales
    negatives = [r for r in recs if r["kind"] == "negative"]
    assert 0.18 * len(recs) <= len(negatives) <= 0.22 * len(recs) and not _spans(negatives)
    assert sum(len(r["neutral"]) for r in negatives) >= 15  # public figures, neither hit nor false alarm
    assert sum(len(r["keep"]) for r in negatives) >= 2 * len(negatives)
    gen = H._module("eighth_generator")
    used = {r["template"] for r in recs}
    assert len(used) == sum(len(v) for d in (gen.TEMPLATES, gen.NEGATIVES) for v in d.values())  # all drawn


def test_every_language_has_every_channel():
    recs = [r for r in _both(GENERATOR) if r["kind"] == "pii"]
    for lang in {r["lang"] for r in recs}:
        assert {r["channel"] for r in recs if r["lang"] == lang} == set(CHANNELS), lang


def test_speech_to_text_transcripts_are_lower_case_with_spoken_values():
    recs = _both(GENERATOR)
    asr = [r for r in recs if r["channel"] == "asr" and r["kind"] == "pii"]
    assert len(asr) >= 60 and all(r["text"] == r["text"].lower() for r in asr)
    turns = re.compile(r"(^|\n)(agent|caller|speaker \d|operátor|volající|temsilci|arayan|operator|apelant|"
                       r"atendente|cliente|ügyintéző|hívó|εκπρόσωπος|πελάτης|tổng đài viên|khách|wakala|mpigaji):")
    assert sum(bool(turns.search(r["text"])) for r in asr) >= len(asr) - 10
    spans = _spans(asr)
    spoken_phones = [s["value"] for s in spans if s["type"] == "PHONE" and not re.search(r"\d", s["value"])]
    assert len(spoken_phones) >= 30 and sum("double" in p for p in spoken_phones) >= 5
    assert sum(p.startswith("oh ") or " oh " in p for p in spoken_phones) >= 5
    spelled = [s["value"] for s in spans if s["type"] == "PERSON" and re.fullmatch(r"(\w )+\w", s["value"])]
    assert len(spelled) >= 20  # "k o w a l s k i"
    spoken_mail = [s["value"] for s in spans if s["type"] == "EMAIL" and "@" not in s["value"]]
    assert len(spoken_mail) >= 12 and any(" dot " in m and " at " in m for m in spoken_mail)
    assert any(s["type"] == "STREET_ADDRESS" and not re.search(r"\d", s["value"]) for s in spans)
    assert any(s["type"] == "DATE_OF_BIRTH" and "nineteen" in s["value"] for s in spans)
    assert any(s["type"] == "CREDIT_CARD" and not re.search(r"\d", s["value"]) for s in spans)


def test_email_replies_have_quoted_headers_blocks_and_signatures():
    recs = [r for r in _both(GENERATOR) if r["channel"] == "email" and r["kind"] == "pii"]
    assert len(recs) >= 50
    # "On Tue, 3 Mar 2026 at 14:02, Name <mail> wrote:" and its translations: a name span, then "<" an e-mail ">"
    quoted = [r for r in recs if any(s["type"] == "EMAIL" and r["text"][s["start"] - 1] == "<" for s in r["spans"])]
    assert len(quoted) >= 35
    assert sum(bool(re.search(r"(^|\n)(From|Od|Kimden|De la|De|Feladó|Από|Từ|Kutoka): ", r["text"])) for r in recs) >= 20
    assert sum("\n>" in r["text"] or r["text"].startswith(">") for r in recs) >= 15
    assert sum(any(s["type"] == "STREET_ADDRESS" and "\n" in s["value"] for s in r["spans"]) for r in recs) >= 10
    assert any("confidential" in r["text"] or "DISCLAIMER" in r["text"] for r in recs)


def test_workplace_chat_has_mentions_pronouns_emoji_reactions_bots_and_forwards():
    recs = [r for r in _both(GENERATOR) if r["channel"] == "workchat"]
    text = "\n".join(r["text"] for r in recs)
    mentions = [s for r in recs for s in r["spans"] if s["type"] == "PERSON" and r["text"][s["start"] - 1] == "@"]
    assert len(mentions) >= 30
    assert len(re.findall(r"\((she/her|he/him|they/them|ona/její|on/jeho|ela/dela|ele/dele|ea|el)\)", text)) >= 15
    assert "Bot" in text and "APP" in text and "Forwarded message" in text and "reacted with" in text
    emoji_names = [r for r in recs if re.match(r"\w[\w\- ]* [^\w\s(]", r["text"]) and r["spans"]]
    assert len(emoji_names) >= 20  # a display name with an emoji


def test_sms_and_forms_have_their_shapes_and_names_are_often_lower_case():
    recs = _both(GENERATOR)
    persons = [s["value"] for s in _spans(recs) if s["type"] == "PERSON"]
    assert sum(p.islower() for p in persons) >= 150 and len(set(persons)) >= 250
    forms = [r for r in recs if r["channel"] == "form" and r["kind"] == "pii"]
    assert len(forms) >= 40 and all(len(re.findall(r"(^|\n)[^\n:]{2,40}: \S", r["text"])) >= 4 for r in forms)
    sms = [r for r in recs if r["channel"] == "sms" and r["kind"] == "pii"]
    assert len(sms) >= 40 and sum(any(s["type"] == "PHONE" for s in r["spans"]) for r in sms) >= 20
    greek = [s["value"] for r in recs if r["lang"] == "el" for s in r["spans"] if s["type"] == "PERSON"]
    assert any(re.search("[α-ω]", p) for p in greek) and any(re.fullmatch(r"[A-Za-z ]+", p) for p in greek)


def test_names_come_from_many_cultures_and_include_ordinary_words():
    people = H._module("eighth_people")
    given = {g for names, _ in people.NAMES.values() for g in names}
    assert len(people.NAMES) == 14 and len(given) >= 200
    assert {"Clover", "Sterling", "Ransom", "Juniper", "Deniz", "Umut", "Tumaini", "Amani", "Hoa", "Doina"} <= given
    assert people.feminine_surname("cs-CZ", "Vondráček") == "Vondráčková"
    assert people.feminine_surname("el-GR", "Παπαδόπουλος") == "Παπαδοπούλου"
    assert people.spell("Kowalski") == "k o w a l s k i"


def test_phones_come_in_many_shapes():
    phones = [s["value"] for s in _spans(_both(GENERATOR)) if s["type"] == "PHONE" and re.search(r"\d", s["value"])]
    assert len({re.sub(r"\d", "9", p) for p in phones}) >= 32
    assert sum(p.startswith(("+", "00")) for p in phones) >= 20 and sum("(" in p for p in phones) >= 15


def _digits_of_spoken(value: str, lang: str) -> str:
    numbers = H._module("eighth_numbers")
    words = {w: str(i) for i, w in enumerate(numbers.DIGIT_WORDS[lang])} | {"oh": "0"}
    out, times = [], 1
    for w in value.split():
        if w in ("double", "triple"):
            times = 2 if w == "double" else 3
            continue
        out.append(words[w] * times)
        times = 1
    return "".join(out)


def test_iban_and_card_check_digits_are_valid_also_when_read_aloud():
    recs = _both(GENERATOR)
    ibans = [s["value"] for s in _spans(recs) if s["type"] == "IBAN"]
    assert len(ibans) >= 15 and all(S._iban_ok(v) for v in ibans), [v for v in ibans if not S._iban_ok(v)]
    assert len({v[:2] for v in ibans}) >= 7
    cards = [(r["lang"], s["value"]) for r in recs for s in r["spans"] if s["type"] == "CREDIT_CARD"]
    assert len(cards) >= 8
    for lang, v in cards:
        digits = v if re.search(r"\d", v) else _digits_of_spoken(v, lang)
        assert S._luhn_ok(digits), v
    phones = [(r["lang"], s["value"]) for r in recs for s in r["spans"]
              if s["type"] == "PHONE" and not re.search(r"\d", s["value"])]
    assert all(8 <= len(_digits_of_spoken(v.replace("plus ", ""), lang)) <= 13 for lang, v in phones)


def _taj_ok(v: str) -> bool:
    d = re.sub(r"\D", "", v)
    return len(d) == 9 and sum(int(c) * (3 if i % 2 == 0 else 7) for i, c in enumerate(d[:8])) % 10 == int(d[8])


def test_national_id_check_digits_are_valid():
    from stdnum.au import tfn
    from stdnum.br import cpf
    from stdnum.ca import sin
    from stdnum.cz import rc
    from stdnum.gb import nhs
    from stdnum.gr import amka
    from stdnum.ie import pps
    from stdnum.ro import cnp
    from stdnum.tr import tckimlik
    from stdnum.za import idnr

    checks = {"en-GB": nhs.is_valid, "en-IE": pps.is_valid, "en-AU": tfn.is_valid, "en-ZA": idnr.is_valid,
              "en-CA": sin.is_valid, "cs-CZ": rc.is_valid, "tr-TR": tckimlik.is_valid, "ro-RO": cnp.is_valid,
              "pt-BR": cpf.is_valid, "el-GR": amka.is_valid, "hu-HU": _taj_ok}
    assert set(checks) == set(H._module("eighth_numbers").CHECKED_ID_LOCALES)
    checked = collections.Counter()
    for rec in _both(GENERATOR):
        for s in rec["spans"]:
            if s["type"] == "ID_NUMBER" and rec["locale"] in checks and not s["value"].startswith("CU-") \
                    and not re.fullmatch(r"\d{3}-\d{5}-\d\d", s["value"]):
                assert checks[rec["locale"]](s["value"]), (rec["locale"], s["value"])
                checked[rec["locale"]] += 1
    assert sum(checked.values()) >= 20 and len(checked) >= 7, checked
    assert not cpf.is_valid("52998224726") and not _taj_ok("123 456 780")


# ---------------------------------------------------------------------------------------------- build


def test_manifest_has_the_eighth_set_and_its_counts():
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["eighth_seed"] == H._module("eighth_build").EIGHTH_SEED
    assert GENERATOR in manifest["sources"]
    for split in SPLITS:
        recs = _records(GENERATOR, split)
        assert manifest["sets"][GENERATOR][split]["records"] == len(recs)
        assert manifest["sets"][GENERATOR][split]["spans"] == len(_spans(recs))
    for name in OLDER:  # the other sets' entries were kept
        assert name in manifest["sets"]


def test_new_data_stays_under_half_a_megabyte():
    assert sum((DATA / f"{GENERATOR}.{s}.jsonl").stat().st_size for s in SPLITS) < 500_000


def test_generator_is_deterministic_and_matches_the_committed_files():
    gen = H._module("eighth_generator")
    first = gen.build_eighth_generator(40, 7)
    assert first == gen.build_eighth_generator(40, 7) and first != gen.build_eighth_generator(40, 8)
    build = H._module("eighth_build")
    rebuilt = sorted(gen.build_eighth_generator(build.N_EIGHTH, build.EIGHTH_SEED), key=lambda r: r["id"])
    assert rebuilt == sorted(_both(GENERATOR), key=lambda r: r["id"])


def test_building_twice_in_a_fresh_folder_gives_identical_files(tmp_path):
    build = H._module("eighth_build")
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        out.mkdir()
        assert build.main(["--out", str(out)]) == 0
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1] and len(outputs[0]) == 3  # 2 data files + manifest
    for name, data in outputs[0].items():
        if name.endswith(".jsonl"):
            assert data == (DATA / name).read_bytes(), name


def test_score_and_ablation_know_the_eighth_set_but_score_it_only_when_named():
    score = H._module("score")
    assert score.parse_args(["--set", GENERATOR, "--heldout"]).names == [GENERATOR]
    assert GENERATOR not in score.parse_args(["--heldout"]).names and GENERATOR in score.KNOWN_SETS
    assert score.EIGHTH_SETS == EIGHTH
    ablation = H._module("ablation")
    assert ablation.parse_args(["--set", GENERATOR]).sets == [GENERATOR]
    assert GENERATOR not in ablation.parse_args([]).sets


# ---------------------------------------------------------------------------------------------- split


def test_split_follows_the_id_hash_and_ids_are_new():
    T.split_by_id_hash(EIGHTH, OLDER, dict(zip(("eighth_g-00000", "eighth_g-00001", "eighth_g-00002",
                                                "eighth_g-00003", "eighth_g-00004"), PINNED)))
    assert all(r["id"].startswith("eighth_g-") for r in _both(GENERATOR))


PINNED = ["heldout", "dev", "dev", "heldout", "heldout"]


# ---------------------------------------------------------------------------------------------- independence


def _eighth_template_strings() -> list[str]:
    gen = H._module("eighth_generator")
    return [t for d in (gen.TEMPLATES, gen.NEGATIVES) for xs in d.values() for _, t in xs]


def _older_texts() -> list[str]:
    texts = W._older_texts() + W._seventh_template_strings()
    return texts + [r["text"] for n in SEVENTH for s in SPLITS for r in _records(n, s)]


def test_no_six_word_shingle_shared_with_any_older_set_or_the_team_cases():
    theirs = set().union(*(H._shingles(t) for t in _older_texts()))
    assert len(theirs) > 25000
    ours = set().union(*(H._shingles(t) for t in _eighth_template_strings()))
    ours |= set().union(*(H._shingles(r["text"]) for r in _both(GENERATOR)))
    assert not ours & theirs, sorted(ours & theirs)[:10]


def _older_values() -> set[str]:
    values = W._older_values()
    values |= {s["value"] for n in SEVENTH for s in SPLITS for r in _records(n, s) for s in r["spans"]}
    for modname in ("seventh_people", "seventh_places", "seventh_numbers"):
        values.update(H._string_constants(PKG / f"{modname}.py"))
    return {v for v in values if v.strip()}


def test_no_text_is_an_older_sets_line():
    others = {r["text"] for n in OLDER for s in SPLITS for r in _records(n, s)}
    assert len(others) > 3500
    assert not others & {r["text"] for r in _both(GENERATOR)}


def test_no_planted_value_is_an_older_sets_value():
    others = _older_values()
    assert len(others) > 6000
    ours = {s["value"] for s in _spans(_both(GENERATOR))}
    shared = sorted(ours & others)
    assert not shared, shared[:60]


def test_no_pool_name_or_street_is_an_older_sets_value():
    # stricter than the planted values: every given name, surname and street of the pools, in any case
    others = {v.lower() for v in _older_values()}
    people, places = H._module("eighth_people"), H._module("eighth_places")
    pool = [n for given, surnames in people.NAMES.values() for n in given + surnames]
    pool += [s for streets in places.STREETS.values() for s in streets]
    assert len(pool) >= 480
    shared = sorted(n for n in pool if n.lower() in others)
    assert not shared, shared


def test_no_phone_value_contains_a_phonenumbers_example_number():
    phonenumbers = pytest.importorskip("phonenumbers")
    examples = set()
    for region in ("US", "GB", "AU", "IE", "ZA", "CA", "CZ", "TR", "RO", "BR", "HU", "GR", "VN", "KE"):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            ex = phonenumbers.example_number_for_type(region, kind)
            if ex is not None:
                examples.add(str(ex.national_number))
    assert len(examples) > 20
    ours = {re.sub(r"\D", "", s["value"]) for s in _spans(_both(GENERATOR)) if s["type"] == "PHONE"}
    ours |= {_digits_of_spoken(s["value"].replace("plus ", ""), r["lang"]) for r in _both(GENERATOR)
             for s in r["spans"] if s["type"] == "PHONE" and not re.search(r"\d", s["value"])}
    assert not any(ex in digits for ex in examples for digits in ours)
