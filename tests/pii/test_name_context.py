"""Titles of works and fictional characters are kept, names beside them are not; the rules' weakest guess (a lone
first name that is also a minor place, no cue) needs corroboration. Sentences written for these tests."""

from __future__ import annotations

import pytest
from tunehouse.pii.detectors.name_context import (
    run_end,
    weak_name_corroborated,
    work_title,
)
from tunehouse.pii.scrubber import Scrubber


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber()


def _persons(scrubber: Scrubber, text: str) -> list[str]:
    return [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "PERSON"]


@pytest.mark.parametrize("text", [
    "Last night we rewatched Forrest Gump, still great.",
    "Has anyone read Jane Eyre? I need to finish it by Friday.",
    "Ich habe gestern Pippi Langstrumpf gelesen, so lustig.",
    "Gisteren hebben we Nijntje gekeken met de kinderen.",
    "J'ai regardé Bridget Jones hier soir.",
    "Is Annie Hall worth watching?",
    "The Forrest Gump soundtrack is on repeat here.",
    "She loved the Anne Shirley books as a kid.",
    "My favourite character is Hermione Granger, obviously.",
    "Abbiamo visto Rocky Balboa in inglese.",
    "I just finished Harry Potter and the Prisoner of Azkaban.",
    "We watched Mr. Bean on the plane.",
])
def test_titles_and_characters_are_kept(scrubber, text):
    assert _persons(scrubber, text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("I watched Jonathan's kids on Saturday.", "Jonathan"),  # a possessive: the kids are his
    ("Ask Jonathan Whitlock about the movie tickets.", "Jonathan Whitlock"),  # a cue, the noun not right after
    ("My name is Jane Eyre and I booked room 12.", "Jane Eyre"),  # a strong cue wins
    ("Can you watch Priya tonight? I'm back at ten.", "Priya"),  # looking after someone is no title context
    ("Peter und die Kinder kommen morgen.", "Peter"),  # German capitalises nouns: no title continues here
    ("We saw Priya in Lisbon last week.", "Priya"),  # seeing a person somewhere, not a film in a language
    ("Yesterday I met Li Wei at the airport.", "Wei"),  # "Li" is a name here, not the Portuguese "I read"
])
def test_names_near_such_words_are_still_names(scrubber, text, name):
    assert any(name in found for found in _persons(scrubber, text))


def test_work_title_contexts():
    t = "We watched Moby Dick yesterday"
    assert work_title(t, 11, 20)
    assert not work_title("We met Moby Dick yesterday", 7, 16)
    assert work_title("Vaatasime Sherlock filmi", 10, 18)  # a word for a work after it
    assert run_end("Is Billy Elliot worth it", 8) == 15


@pytest.mark.parametrize(("text", "start", "end", "expected"), [
    ("Even Ngozi agrees with you.", 5, 10, True),  # subject of a verb
    ("(copying Ngozi on this)", 9, 14, True),  # object of a verb
    ("Ngozi, can you check?", 0, 5, True),  # addressed
    ("Tuesday is fine if Dorris traffic is bad.", 19, 25, False),  # a modifier of a noun
])
def test_weak_guess_needs_corroboration(text, start, end, expected):
    assert weak_name_corroborated(text, start, end) is expected


@pytest.mark.parametrize(("text", "kept"), [
    ("Chama-me quando chegares, por favor.", "Chama-me"),  # a verb with its enclitic pronoun
    ("Dis-moi si tu viens demain.", "Dis-moi"),
    ("The Rosalind router keeps rebooting.", "Rosalind"),  # a product noun after it
])
def test_verbs_and_products_written_like_names_are_kept(scrubber, text, kept):
    assert all(kept not in found for found in _persons(scrubber, text))
