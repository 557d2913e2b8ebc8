"""Tests for the structured identifiers found with well-kept libraries (phone numbers with
``phonenumbers``, cards and national ids with ``python-stdnum``) and the street-address shapes.
The examples are written here (made-up numbers with valid check digits), not taken from the
evaluation sets."""

from __future__ import annotations

import pytest
from tunehouse.pii.detectors import Scan
from tunehouse.pii.detectors.phone_numbers import library_phones
from tunehouse.pii.scrubber import Scrubber
from tunehouse.pii.settings import PiiSettings


def _phones(text: str) -> list[str]:
    return [text[c.start:c.end] for c in library_phones.detect(Scan(text))]


@pytest.mark.parametrize(("text", "phone"), [
    ("ring the office on 001-212-555-0187x733 after nine", "001-212-555-0187x733"),
    ("Festnetz +43 1 5872 300 Durchwahl -17, danke", "+43 1 5872 300 Durchwahl -17"),
    ("mein Handy: 0049 151 23456789-12", "0049 151 23456789-12"),
    ("Natel +41 (0)78 912 34 56 abends", "+41 (0)78 912 34 56"),
    ("erreichbar unter 0676 987 65 43", "0676 987 65 43"),
    ("(212) 555-0187 ext. 9 is the front desk", "(212) 555-0187 ext. 9"),
])
def test_library_finds_national_and_extended_formats(text, phone):
    assert _phones(text) == [phone]


@pytest.mark.parametrize("text", [
    "order 4471223390 shipped on 14.02.2023",
    "the flat costs 1 249 000 EUR",
    "see you on 2024-06-01 at 10:30",
    "card 4000 0566 5566 5557 expired",  # a card number (Luhn-valid), never a phone
    "ticket 551234 and 556789",
])
def test_library_leaves_dates_amounts_and_order_numbers(text):
    assert _phones(text) == []


def test_scrubber_removes_extension_with_the_number():
    out, _ = Scrubber(PiiSettings()).scrub_text("ring the office on 001-212-555-0187x733 after nine")
    assert "0187" not in out and "733" not in out
