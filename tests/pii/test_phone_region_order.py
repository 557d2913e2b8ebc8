"""The phone library's regions are tried most-validating first (detectors/phone_numbers.py): fewer parses, the same
answer whatever the order."""

from __future__ import annotations

import pytest
from tunehouse.pii.detectors import phone_numbers

RUNS = ["0664 123 45 67", "030 901820", "020 7946 0958", "(212) 555-0199", "06 12 34 56 78", "612 34 56 78",
        "001-612-330-9921", "0049 176 81158008", "0049 176 81158008-24", "12 34 56", "999 999 9999", "0800 123 456",
        "+41 (0)79 123 45 67", "+372 536 3998"]


@pytest.fixture
def hits(monkeypatch):
    table: dict[str, int] = {}
    monkeypatch.setattr(phone_numbers, "_REGION_HITS", table)
    return table


def test_the_answer_does_not_depend_on_the_order_the_regions_are_tried_in(hits):
    expected = [phone_numbers._library_match(r) for r in RUNS]
    assert any(expected) and not all(expected)
    for region in phone_numbers.PHONE_REGIONS:  # each region in turn tried first
        hits.clear()
        hits[region] = 10**6
        assert phone_numbers._regions_by_hits()[0] == region
        assert [phone_numbers._library_match(r) for r in RUNS] == expected, region


def test_a_region_that_validated_numbers_is_tried_first(hits, monkeypatch):
    assert phone_numbers._regions_by_hits() == list(phone_numbers.PHONE_REGIONS)
    assert phone_numbers._library_match("030 901820")  # a Berlin number: valid in DE (the 4th region)
    assert hits == {"DE": 1} and phone_numbers._regions_by_hits()[0] == "DE"
    assert phone_numbers._library_match("+41 79 123 45 67") and hits == {"DE": 1}  # "+...": no region's format
    parsed: list[str] = []
    parse = phone_numbers.parse
    monkeypatch.setattr(phone_numbers, "parse", lambda run, region: parsed.append(region) or parse(run, region))
    assert phone_numbers._library_match("089 12345678")  # a Munich number
    assert parsed == ["DE"]  # one parse instead of four
