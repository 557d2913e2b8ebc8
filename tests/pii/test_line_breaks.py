"""Values a hard wrap breaks across two lines: a card number ("4539 1488 0343\\n6467", taken only when the whole run
is a valid card) and a surname on the next line after a lone first name when the sentence goes on ("for
Harriet\\nBlackwood, phone ..."); lists of lines stay apart. Written for these tests."""

from __future__ import annotations

import pytest
from tunehouse.pii.scrubber import Scrubber


def _found(text: str) -> set[tuple[str, str]]:
    return {(e.type, text[e.start:e.end]) for e in Scrubber().detect(text)}


@pytest.mark.parametrize("text, card", [
    ("and the card is 4539 1488 0343\n6467, expiring soon", "4539 1488 0343\n6467"),
    ("paid with 5555 5555\n5555 4444 yesterday", "5555 5555\n5555 4444"),
])
def test_a_card_number_across_a_line_break(text, card):
    assert ("CREDIT_CARD", card) in _found(text)


@pytest.mark.parametrize("text", [
    "Order 1234 5678\n9012 items shipped",  # no valid card read as one line
    "Totals 4539 1488\n\n0343 6467",  # a blank line between: two values, not one wrapped
])
def test_digits_on_two_lines_that_make_no_card_stay_apart(text):
    assert not any(t == "CREDIT_CARD" for t, _ in _found(text))


def test_a_surname_wrapped_onto_the_next_line_joins_the_first_name():
    text = "The ticket is for Harriet\nBlackwood, phone her after six."
    assert ("PERSON", "Harriet\nBlackwood") in _found(text)


@pytest.mark.parametrize("text", ["Thanks,\nAnna\nSales Manager", "Harriet\nBlackwood Road 12"])
def test_a_name_line_and_the_next_line_stay_apart(text):
    assert not any("\n" in value for t, value in _found(text) if t == "PERSON")
