"""Names in Cyrillic and Greek script, read in their Latin spelling (``tunehouse.pii.transliteration``).

Sentences written for these tests; none is taken from benchmarks/pii_eval or the reliability probe.
"""

from __future__ import annotations

import pytest
from tunehouse.pii.scrubber import Scrubber
from tunehouse.pii.transliteration import has_other_script, transliterate


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber()


def _persons(scrubber: Scrubber, text: str) -> list[str]:
    return [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "PERSON"]


@pytest.mark.parametrize("text, latin", [
    ("Ольга Вьюгина", "Olga Vyugina"),  # the soft sign dropped, as in passports
    ("Σταύρος Κουτσούκος", "Stavros Koutsoukos"),  # Greek digraphs read together
    ("Ευάγγελος", "Evangelos"),
    ("Tel. 0301 / Анна", "Tel. 0301 / Anna"),  # the rest kept as it is
])
def test_latin_spelling(text, latin):
    assert transliterate(text).latin == latin


def test_every_latin_letter_maps_back_to_the_letter_it_spells():
    text = "Звоните: Щукина Юлия, Θεσσαλονίκη"
    spelt = transliterate(text)
    assert len(spelt.latin) == len(spelt.origin)
    start = spelt.latin.index("Shchukina")
    assert text[slice(*spelt.original_span(start, start + len("Shchukina")))] == "Щукина"
    start = spelt.latin.index("Yuliya")
    assert text[slice(*spelt.original_span(start, start + len("Yuliya")))] == "Юлия"


def test_which_texts_get_a_second_reading():
    assert has_other_script("Привет") and has_other_script("καλημέρα") and has_other_script("ok, Ἀθῆναι")
    assert not has_other_script("Grüße aus Kraków, Łódź") and not has_other_script("王秀英 فاطمة")


@pytest.mark.parametrize("text, name", [
    ("Меня зовут Светлана Морозова, заказ 88213.", "Светлана Морозова"),  # a cue, two known words
    ("Меня зовут Светлана.", "Светлана"),  # a cue: one word is enough
    ("Передайте Борису Аксенову, что посылка пришла", None),  # inflected: not read (a known limit)
    ("Добрий день, мене звати Тарас Бойко.", "Тарас Бойко"),  # Ukrainian
    ("Казвам се Десислава Иванова и пиша за поръчката си.", "Десислава Иванова"),  # Bulgarian
    ("Καλησπέρα, με λένε Δημήτρης Αλεξίου.", "Δημήτρης Αλεξίου"),  # Greek
    ("Γεια σας, είμαι η Κατερίνα Ιωάννου από το λογιστήριο.", "Κατερίνα Ιωάννου"),
    ("Здравствуйте, я Виктор Хабибуллин, номер договора 55-1", "Виктор Хабибуллин"),  # a surname no list holds
    ("Галина: спасибо, всё получила\nОператор: рады помочь", "Галина"),  # a speaker
])
def test_names_in_cyrillic_and_greek(scrubber, text, name):
    persons = _persons(scrubber, text)
    assert persons == ([name] if name else [])


@pytest.mark.parametrize("text", [
    "Това, което не е ясно, трябва да се изясни.",  # "this, which ...": "Tova" is a name somewhere
    "Един ден ще разбереш всичко.",  # "one day": "Edin"
    "Има време за всичко.",  # "there is": "Ima"
    "Спасибо, всё работает. Доставка в Москву завтра.",
    "Θα είμαι στην Αθήνα την Τρίτη.",
    "Надежда умирает последней.",  # a proverb: "hope" is also a first name
])
def test_ordinary_words_of_those_languages_stay(scrubber, text):
    assert _persons(scrubber, text) == []


def test_latin_text_is_read_once(scrubber):
    """Latin names beside a Cyrillic word are found by the first reading, not doubled by the second."""
    text = "Thanks Anna Kowalski, спасибо!"
    assert _persons(scrubber, text) == ["Anna Kowalski"]


def test_scrubbing_such_names_is_idempotent(scrubber):
    for text in ("Меня зовут Светлана Морозова.", "Καλησπέρα, με λένε Δημήτρης Αλεξίου.",
                 "Здравствуйте, я Виктор Хабибуллин"):
        out, counts = scrubber.scrub_text(text)
        assert counts["PERSON"] == 1
        assert scrubber.detect(out) == []


def test_without_person_scrubbing_no_second_reading():
    from tunehouse.pii.settings import PiiSettings

    s = Scrubber(PiiSettings(entities=["EMAIL", "PHONE"]))
    assert s.detect("Меня зовут Светлана Морозова.") == []
