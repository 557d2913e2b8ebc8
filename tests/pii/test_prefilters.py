"""Shortcuts taken for speed give what the plain scans give: cue spotting by one split of the text, the
single search that lets ``checksum_ids`` skip texts holding none of its shapes, and the case-sensitive searches of
``Scan.low`` that let a detector skip a case-insensitive search (``Scan.may_hold``)."""

from __future__ import annotations

import json
import re
import string
import sys
from pathlib import Path

import pytest
from tunehouse.pii.detectors import (
    address_parts,
    base,
    checksum_ids,
    name_context,
    spelled_numbers,
)

TEXTS = [
    "", "hi", "my name is anna, my passport no: x1234567", "Call me on +44 20 7946 0958!",
    "it's me — i'm here: thanks, regards.", "l'adresse: 12 rue de la paix; mon nom est jean-luc.",
    "reisepass-nr. 123 und geburtsdatum: 01.02.1990", "no cue words at all in this one",
    "thanks: thanks. thanks- thanks’ thanks'", "ÉCOLE école ß straße 7, my my my", "a\nb\tc  d",
    "passport:passport.passport", "x" * 50 + " my name is " + "y" * 50, "_my __name is 3my",
]


def _spot_reference(low: str) -> dict[int, list[int]]:
    """The plain version: every word of ``_WORD_RE`` looked up in the cue index."""
    hits: dict[int, list[int]] = {}
    for kw in base._WORD_RE.finditer(low):
        ids = base._CUE_INDEX.get(kw.group()) or base._CUE_INDEX.get(kw.group().rstrip(".-'’:"))
        for i in ids or ():
            hits.setdefault(i, []).append(kw.start())
    return hits


@pytest.mark.parametrize("text", TEXTS)
def test_cue_spotting_finds_what_a_word_by_word_scan_finds(text):
    low = text.lower()
    assert base._spot(low) == _spot_reference(low)


def test_cue_spotting_on_real_chat_lines():
    """Every DEV text of the PII evaluation sets (chat lines in nine languages, real IRC and chatterbot lines)."""
    data = Path(__file__).resolve().parents[2] / "benchmarks" / "pii_eval" / "data"
    lows = [json.loads(line)["text"].lower() for f in sorted(data.glob("*.dev.jsonl"))
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lows) > 1000
    assert [base._spot(low) for low in lows] == [_spot_reference(low) for low in lows]


@pytest.mark.parametrize("value", ["756.1234.5678.97", "75612345678 97", "12345678901", "12 345 678 901",
                                   "85.07.30-033.61", "123456782", "1234.56.782", "RSSMRA85T10A562S"])
def test_the_shape_gate_lets_every_shape_through(value):
    text = f"my id is {value} ok"
    assert any(rx.search(text) for rx, _ in checksum_ids._SHAPES)
    assert checksum_ids._ANY_SHAPE.search(text)


def test_the_shape_gate_stops_texts_without_a_shape():
    for text in ("call +44 20 7946 0958", "card 4111 1111 1111 1111", "on 2023-09-06 at 10:30", "12345678"):
        assert not any(rx.search(text) for rx, _ in checksum_ids._SHAPES)
        assert not checksum_ids._ANY_SHAPE.search(text)


# ---------------------------------------------------------------------------- case-insensitive searches on Scan.low

CASE_INSENSITIVE = [address_parts._PO_BOX_HINT, spelled_numbers._HINT_RE, name_context._WORK_VERB_BEFORE_RE,
                    name_context._SEE_VERB_BEFORE_RE, name_context._CHARACTER_BEFORE_RE]


def test_the_odd_folds_are_the_only_letters_lower_does_not_fold_as_ignorecase_does():
    """Every character that a case-insensitive pattern takes for one of the letters of the prefiltered patterns
    (ASCII, and "é", "ł", "ś" ...) lower-cases to it, but for "İ", "ı" and "ſ": ``Scan.may_hold`` and
    ``may_match_ignoring_case`` let a text holding one of them through."""
    letters = {c.lower() for rx in CASE_INSENSITIVE for c in rx.pattern if c.isalpha()} | set(string.ascii_lowercase)
    any_letter = re.compile("(?i)[" + "".join(sorted(letters)) + "]")
    odd = set()
    for c in map(chr, range(sys.maxunicode + 1)):
        if any_letter.fullmatch(c):
            low = base.Scan(c).low
            if not any(low == x for x in letters if re.fullmatch("(?i)" + re.escape(x), c)):
                odd.add(c)
    assert odd == {"\u0130", "\u0131", "\u017f"}
    assert all(base._ODD_FOLDS_RE.fullmatch(c) for c in odd)


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.swapcase(), text.title(), text.replace("s", "ſ").replace("i", "ı"),
            text.upper().replace("I", "İ").replace("S", "ſ")]


PREFILTERS = [(address_parts._PO_BOX_HINT, address_parts._PO_BOX_WORDS),
              (spelled_numbers._HINT_RE, spelled_numbers._HINT_WORDS_RE)]
HINTED = ["PO Box 5778, Hobart", "Postfach, 6003 Luzern", "skr. poczt. 12", "RR 3 Site 4", "C.P. 7069", "PL 12",
          "Caixa Postal 12", "Casella postale 3", "Apartado de Correos 2", "Postboks 985", "BP 319",
          "call me on oh seven seven", "zero one two", "double four", "nine, eight-seven", "triple six"]


@pytest.mark.parametrize("case_insensitive, words", PREFILTERS)
def test_may_hold_never_stops_a_text_the_case_insensitive_pattern_matches(case_insensitive, words):
    data = Path(__file__).resolve().parents[2] / "benchmarks" / "pii_eval" / "data"
    texts = [json.loads(line)["text"] for f in sorted(data.glob("*.dev.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()] + HINTED
    matched = 0
    for text in (v for t in texts for v in _variants(t)):
        if case_insensitive.search(text):
            matched += 1
            assert base.Scan(text).may_hold(words), text
    assert matched >= 3 * len(HINTED)


def test_may_hold_stops_texts_without_the_words():
    for text in ("see you at 10:30", "flight BA 283 to Lisbon", "Order 12345678"):
        assert not base.Scan(text).may_hold(address_parts._PO_BOX_WORDS)
        assert not base.Scan(text).may_hold(spelled_numbers._HINT_WORDS_RE)
    assert base.Scan("Poſtfach 12").may_hold(address_parts._PO_BOX_WORDS)  # "ſ": (?i) reads it as "s"


WINDOW_PREFILTERS = [(name_context._WORK_VERB_BEFORE_RE, name_context._WORK_VERB_BEFORE_LOW),
                     (name_context._SEE_VERB_BEFORE_RE, name_context._SEE_VERB_BEFORE_LOW),
                     (name_context._CHARACTER_BEFORE_RE, name_context._CHARACTER_BEFORE_LOW)]
WINDOWED = ["We watched the ", "Ich habe gestern gelesen ", "we saw ", "ogladałem ", "Obejrzałam ", "Wir schauten die ",
            "the character ", "il personaggio di ", "la postać ", "el superhéroe ", "Nous avons regardé le "]


@pytest.mark.parametrize("case_insensitive, lowered", WINDOW_PREFILTERS)
def test_a_window_the_case_insensitive_pattern_matches_is_never_stopped(case_insensitive, lowered):
    data = Path(__file__).resolve().parents[2] / "benchmarks" / "pii_eval" / "data"
    texts = [json.loads(line)["text"] for f in sorted(data.glob("*.dev.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()] + WINDOWED
    windows = [t[max(0, i - 48):i] for t in texts for i in range(0, len(t) + 1, 7)] + WINDOWED
    matched = 0
    for w in (v for w in windows for v in _variants(w)):
        if case_insensitive.search(w):
            matched += 1
            assert base.may_match_ignoring_case(lowered, w, w.lower()), w
    assert matched >= 2 * len(WINDOWED)


def test_case_sensitive_takes_only_lower_case_patterns_marked_case_insensitive():
    assert base.case_sensitive(re.compile("(?i)abc(?P<x>d)")).pattern == "abc(?P<x>d)"
    for rx in (re.compile("abc"), re.compile("(?i)Abc")):
        with pytest.raises(ValueError):
            base.case_sensitive(rx)
