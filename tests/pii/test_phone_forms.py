"""Phone numbers as people write them beside their owner ("her number: ...", "nytt nummer ..."), with a
national extension word, and spelled out in words; and the numbers that stay (order numbers, counting)."""

from __future__ import annotations

import pytest
from tunehouse.pii.scrubber import Scrubber


@pytest.fixture(scope="module")
def scrubber():
    return Scrubber()


@pytest.mark.parametrize(("text", "phone"), [
    ("Her number: 08 9463 2566", "08 9463 2566"),
    ("et ta mulle tagasi helistaks, uus number +372 680 4699", "+372 680 4699"),
    ("Si til Ola at hun må ringe meg, nytt nummer 406292729", "406292729"),
    ("Dile a Ana que me llame, mi número nuevo es 661923079", "661923079"),
    ("Kontakt: Mari, 56993867", "56993867"),
    ("Ring 45831251 etter fem", "45831251"),
    ("mudou de número: (11) 91963-8477 ramal 499", "(11) 91963-8477 ramal 499"),
    ("ruf sie an: 0170 6257399 App. 45", "0170 6257399 App. 45"),
    ("a changé de numéro : 0498 06 36 87 p. 55", "0498 06 36 87 p. 55"),
    ("my number's oh seven four four six, oh four nine, seven oh two, don't share it",
     "oh seven four four six, oh four nine, seven oh two"),
    ("call me on five five five, double two three, four one nine", "five five five, double two three, four one nine"),
])
def test_phone_found_whole(scrubber, text, phone):
    assert [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "PHONE"] == [phone]


@pytest.mark.parametrize("text", [
    "order number 123 456 789",
    "count: one two three four five six seven eight",
    "it was one one one, two two two, one one one",
    "I have one or two ideas, maybe three",
])
def test_no_phone(scrubber, text):
    assert not [e for e in scrubber.detect(text) if e.type == "PHONE"]


@pytest.mark.parametrize("text", [
    "Factuur 2024-058 t.a.v. Fien, graag overmaken",  # an invoice number after the word for invoice
    "Rechnung 2025-114 bitte bis Freitag",
    "Faktura 2024-077 dla klienta",
])
def test_an_invoice_number_is_no_phone(text):
    assert "PHONE" not in {e.type for e in Scrubber().detect(text)}


def test_a_rule_of_dashes_is_no_signature():
    text = "---------- Forwarded message ---------\nFrom: Tobias Mayweather"
    assert [text[e.start:e.end] for e in Scrubber().detect(text) if e.type == "PERSON"] == ["Tobias Mayweather"]


@pytest.mark.parametrize("text", [
    "Miguel de Cervantes (1547-1616) escribió el Quijote",  # life dates
    "the war (1914–1918) changed everything",
    "in den Jahren 1998-2004 wohnte ich dort",
])
def test_a_span_of_years_is_no_phone(scrubber, text):
    assert "PHONE" not in {e.type for e in scrubber.detect(text)}
