"""A role word opening a run of capitalised words cues the name after it ("Customer Fiifi Appiah", "Asegurado
Wbeimar Usuga": support notes name people after their role, at a sentence's start too), and is no part of it;
a role before ordinary words is no name. Written for these tests."""

from __future__ import annotations

import pytest
from tunehouse.pii.scrubber import Scrubber


def _persons(text: str) -> list[str]:
    return [text[e.start:e.end] for e in Scrubber().detect(text) if e.type == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("Porting failed. Customer Tawiah Boakye insists the line is hers.", "Tawiah Boakye"),
    ("Choque leve. Asegurado Wbeimar Usuga llamó dos veces.", "Wbeimar Usuga"),
    ("Client Ndeye injoignable ce matin.", "Ndeye"),
    ("Caller Oluwaseun Adeyemi asked for a refund.", "Oluwaseun Adeyemi"),
])
def test_a_role_at_the_start_cues_the_name_after_it(text, name):
    assert name in _persons(text)


@pytest.mark.parametrize("text", [
    "Customer Service will reply within two days.",
    "Client Portal is down again this morning.",
    "Patient Portal logins fail since Monday.",
])
def test_a_role_before_ordinary_words_is_no_name(text):
    assert _persons(text) == []
