"""Phone numbers and e-mail addresses read aloud, as speech-to-text transcripts of support calls write them, in
more languages than English. Sentences written for these tests; none is taken from benchmarks/pii_eval."""

from __future__ import annotations

import pytest
from tunehouse.pii.detectors import Scan, spelled_numbers
from tunehouse.pii.scrubber import Scrubber


def _values(detector, text: str) -> list[str]:
    return [text[c.start:c.end] for c in detector.detect(Scan(text))]


@pytest.mark.parametrize("text, number", [
    ("caller: a számom nulla hat harminc ... bocs, nulla hat három kettő egy öt öt hét nyolc kilenc",
     "nulla hat három kettő egy öt öt hét nyolc kilenc"),  # hu, from its zero
    ("numărul meu e zero șapte patru doi unu unu opt trei nouă cinci", "zero șapte patru doi unu unu opt trei nouă cinci"),
    ("telefon numaram sıfır beş üç iki yedi yedi bir dört sekiz dokuz", "sıfır beş üç iki yedi yedi bir dört sekiz dokuz"),
    ("το κινητό μου είναι έξι εννιά επτά τρία ένα δύο οχτώ τέσσερα πέντε μηδέν",
     "έξι εννιά επτά τρία ένα δύο οχτώ τέσσερα πέντε μηδέν"),  # el, ten digits, no zero first
    ("số của tôi là không chín một hai ba tám bảy sáu năm bốn", "không chín một hai ba tám bảy sáu năm bốn"),
    ("namba yangu ni sifuri saba moja mbili tatu nne tano sita", "sifuri saba moja mbili tatu nne tano sita"),
    ("it is four one five double two eight nine three zero one", "four one five double two eight nine three zero one"),
])
def test_numbers_read_aloud(text, number):
    assert _values(spelled_numbers.spoken_phones, text) == [number]


@pytest.mark.parametrize("text", [
    "jedna dva tři čtyři pět šest sedm osm devět",  # counting
    "egy kettő három négy öt hat hét nyolc kilenc",
    "we need two three four more chairs and one two tables",  # a few numbers, not seven in a row
    "bir iki üç dört beş",
])
def test_counting_and_short_runs_are_no_phones(text):
    assert _values(spelled_numbers.spoken_phones, text) == []


@pytest.mark.parametrize("text, address", [
    ("agent: and the e-mail?\ncaller: marek dot novy at seznam dot cz", "marek dot novy at seznam dot cz"),
    ("é joana ponto lima arroba gmail ponto com ponto br", "joana ponto lima arroba gmail ponto com ponto br"),
    ("adresim deniz alt çizgi kaya et outlook nokta com", "deniz alt çizgi kaya et outlook nokta com"),
    ("email là linh chấm pham a còng yahoo chấm com", "linh chấm pham a còng yahoo chấm com"),
])
def test_email_addresses_read_aloud(text, address):
    assert address in _values(spelled_numbers.spoken_emails, text)


@pytest.mark.parametrize("text", [
    "I used to work at google dot com back then",  # a preposition before a company site
    "the point is we met at noon",
    "see you at the station",
])
def test_no_spoken_address(text):
    assert _values(spelled_numbers.spoken_emails, text) == []


def test_a_transcript_is_scrubbed_whole():
    text = ("agent: can I have a number to call you back\ncaller: yes nulla hat egy kettő három négy négy öt hat hét "
            "and the mail is anna dot kiss at freemail dot hu")
    out, counts = Scrubber().scrub_text(text)
    assert counts["PHONE"] == 1 and counts["EMAIL"] == 1
    assert "négy" not in out and "freemail" not in out


@pytest.mark.parametrize("text, address", [
    ("caller: it's four twenty one wattle grove bendigo", "four twenty one wattle grove bendigo"),
    ("yeah two oh nine elmfield crescent, near the school", "two oh nine elmfield crescent"),
    ("one fifty five north hollyhock avenue", "one fifty five north hollyhock avenue"),
])
def test_street_addresses_read_aloud(text, address):
    assert _values(spelled_numbers.spoken_street_addresses, text) == [address]


@pytest.mark.parametrize("text", [
    "it's twenty five minutes drive from the depot",
    "we did two hundred miles road trip",
    "one more lane closure on the bridge",
])
def test_no_street_read_aloud(text):
    assert _values(spelled_numbers.spoken_street_addresses, text) == []


@pytest.mark.parametrize("text, address", [
    ("Livrare: Str. Mărului nr. 12, Cluj-Napoca 400100, jud. Cluj", "Str. Mărului nr. 12, Cluj-Napoca 400100, jud. Cluj"),
    ("Post it to 12 Church Road, Ennis, Co. Clare, V95 X2K8 thanks", "12 Church Road, Ennis, Co. Clare, V95 X2K8"),
    ("Anwani yangu:\nS.L.P. 3321\n40100 Kisumu", "S.L.P. 3321\n40100 Kisumu"),
])
def test_counties_and_boxes_end_an_address(text, address):
    s = Scrubber()
    assert [text[e.start:e.end] for e in s.detect(text) if e.type == "STREET_ADDRESS"] == [address]


@pytest.mark.parametrize("text, value", [
    ("jelszó: Kv8#tamas21", "Kv8#tamas21"),  # hu
    ("parola mea este Vlad!2024", "Vlad!2024"),  # ro
    ("şifrem: deniz_4471", "deniz_4471"),  # tr
    ("heslo je Hrad88?", "Hrad88?"),  # cs
    ("mật khẩu là Lan@9921", "Lan@9921"),  # vi
    ("nenosiri ni Simba#55", "Simba#55"),  # sw
])
def test_passwords_after_a_cue_in_more_languages(text, value):
    s = Scrubber()
    assert [text[e.start:e.end] for e in s.detect(text) if e.type == "CREDENTIAL"] == [value]


@pytest.mark.parametrize("text, value", [
    ("Tarehe ya kuzaliwa: 14/03/1988", "14/03/1988"),
    ("Ngày sinh: ngày 5 tháng 9 năm 1990", "ngày 5 tháng 9 năm 1990"),
    ("Ημερομηνία γέννησης: 02/07/1979", "02/07/1979"),
])
def test_birth_dates_after_a_cue_in_more_languages(text, value):
    s = Scrubber()
    assert [text[e.start:e.end] for e in s.detect(text) if e.type == "DATE_OF_BIRTH"] == [value]


def test_a_vietnamese_date_alone_is_no_birth_date():
    s = Scrubber()
    assert [e for e in s.detect("Hẹn gặp ngày 5 tháng 9 năm 2026 nhé") if e.type == "DATE_OF_BIRTH"] == []


def test_a_short_word_of_another_language_is_no_part_of_the_password_before_it():
    """'e' (ro "is"), 'je' (cs) are read between the cue and the value only as words: a password made of those
    letters stays whole."""
    text = "temp password eEjEe7x#q - change it after you log in"
    s = Scrubber()
    assert [text[e.start:e.end] for e in s.detect(text) if e.type == "CREDENTIAL"] == ["eEjEe7x#q"]
