"""Tests for the detector package behind the scrubber: the uniform detector interface, the pipeline
a configuration runs, the keyword spotting of cues, and the resolution of overlapping candidates."""

from __future__ import annotations

import pytest
from tunehouse.pii.detectors import (
    PIPELINE,
    Pipeline,
    Scan,
    addresses,
    contact,
    dates,
    financial,
    identifiers,
    names,
)
from tunehouse.pii.detectors.base import Detector
from tunehouse.pii.detectors.digit_runs import cards_and_phones
from tunehouse.pii.entity import PRIORITY, Candidate, Entity
from tunehouse.pii.resolver import resolve
from tunehouse.pii.settings import ENTITY_TYPES, PiiSettings


def _values(detector: Detector, text: str) -> list[tuple[str, str]]:
    """What the detector proposes, once each (two cues or two rules may propose the same span)."""
    return sorted({(c.type, text[c.start:c.end]) for c in detector.detect(Scan(text))})


def test_every_detector_has_the_same_interface():
    assert len({d.name for d in PIPELINE}) == len(PIPELINE)
    assert {t for d in PIPELINE for t in d.types} == set(ENTITY_TYPES)
    text = "Hi, I'm Anna Kowalski (anna.k@gmail.com, +44 7700 900123), passport X1234567, DOB 14/03/1987."
    for d in PIPELINE:
        assert isinstance(d, Detector) and d.types <= set(ENTITY_TYPES), d.name
        found = d.detect(Scan(text))
        assert isinstance(found, list), d.name
        assert all(isinstance(c, Candidate) and c.type in d.types and 0 <= c.start < c.end <= len(text)
                   for c in found), d.name


@pytest.mark.parametrize("detector, text, expected", [
    (contact.emails, "write to anna.k@gmail.com", [("EMAIL", "anna.k@gmail.com")]),
    (contact.cued_phones, "call me on +44 7700 900123", [("PHONE", "+44 7700 900123")]),
    (contact.handles, "DM me @anna.k92", [("USERNAME", "@anna.k92")]),
    (financial.ibans, "IBAN DE89 3704 0044 0532 0130 00", [("IBAN", "DE89 3704 0044 0532 0130 00")]),
    (financial.ibans, "ref DE89370400440532013001", []),  # mod-97 fails and not in the printed form
    (financial.ibans, "IBAN DE89 3704 0044 0532 0130 01", [("IBAN", "DE89 3704 0044 0532 0130 01")]),  # a mistyped
    # IBAN in the printed form (groups of four, the country's length) is still someone's account
    # the right mod-97 check but a length that does not fit the country: a number copied with a digit too many
    (financial.ibans, "IBAN IT81N24877100810458973226989 grazie", [("IBAN", "IT81N24877100810458973226989")]),
    (financial.ibans, "IBAN FR33 6146 4283 6958 2067 3402 23 merci", [("IBAN", "FR33 6146 4283 6958 2067 3402 23")]),
    (financial.ibans, "ref IT82N24877100810458973226989", []),  # ... and with a wrong check, nothing
    (financial.card_codes, "the CVV is 737", [("CREDIT_CARD", "737")]),
    (identifiers.passports, "passport number 533380006", [("PASSPORT", "533380006")]),
    (identifiers.national_ids, "DNI 12345678Z", [("ID_NUMBER", "12345678Z")]),
    (identifiers.national_ids, "DNI 12345678A", []),  # wrong control letter
    (identifiers.cued_ids, "national insurance / id UF8228515", [("ID_NUMBER", "UF8228515")]),
    (identifiers.cued_ids, "nata il 3/8/2001, tessera 80380279322724278035", [("ID_NUMBER", "80380279322724278035")]),
    (dates.dates_of_birth, "DOB: 14/03/1987", [("DATE_OF_BIRTH", "14/03/1987")]),
    (addresses.street_addresses, "I live at 742 Evergreen Terrace.", [("STREET_ADDRESS", "742 Evergreen Terrace")]),
    (names.person_names, "Best regards,\nOliver Bennett", [("PERSON", "Oliver Bennett")]),
    (names.lower_case_names, "my name is john smith", [("PERSON", "john smith")]),
])
def test_each_family_finds_its_values(detector, text, expected):
    assert _values(detector, text) == expected


def test_cue_words_are_spotted_once_per_text():
    scan = Scan("My passport number is X1234567, passport expires soon")
    assert scan.at(identifiers.PASSPORT_CUE) == [3, 32]
    assert scan.at(dates.DOB_CUE) == [0]  # "my" may start "my date of birth"
    assert scan.at(financial.CVV_CUE) == []


def test_pipeline_keeps_enabled_types_and_adds_the_users_detectors():
    only_email = Pipeline(PiiSettings(entities=["EMAIL"])).detectors
    assert [d.name for d in only_email] == ["emails", "spoken_emails"]
    custom = Pipeline(PiiSettings(entities=["EMAIL"], deny_terms=["Bluebird", "EMPLOYEE_ID:AX-17"],
                                  extra_patterns={"MEMBER_ID": r"\bMB-\d{6}\b"})).detectors
    assert [d.name for d in custom] == ["emails", "spoken_emails", "deny_terms", "extra_patterns"]
    assert custom[2].types == {"PERSON", "EMPLOYEE_ID"} and custom[3].types == {"MEMBER_ID"}
    text = "bluebird and ax-17 handled MB-123456"
    assert [(c.type, text[c.start:c.end], c.prio) for d in custom[2:] for c in d.detect(Scan(text))] == [
        ("PERSON", "bluebird", 120), ("EMPLOYEE_ID", "ax-17", 120), ("MEMBER_ID", "MB-123456", 115)]


def test_pipeline_runs_cued_detectors_first_and_only_for_their_cues():
    """``Pipeline.run`` runs the detectors with a cue before the others: they must come first."""
    cued = [d.cue is not None for d in PIPELINE]
    assert cued == sorted(cued, reverse=True)
    text = "My passport number is X1234567; write to anna.k@gmail.com"
    found = Pipeline(PiiSettings()).run(Scan(text))
    # "number is X1234567" is also a phone cue: the resolver lets the passport win
    assert [(c.type, text[c.start:c.end]) for c in found] == [
        ("PHONE", "1234567"), ("PASSPORT", "X1234567"), ("EMAIL", "anna.k@gmail.com")]
    assert Pipeline(PiiSettings()).run(Scan("no digits here, anna.k@gmail.com"))[0].type == "EMAIL"


def test_digit_runs_are_scanned_around_the_values_found_before():
    """Cards and phones are scanned together ("0591 602 39 58 4654312734202799": a phone number,
    then a card) and around the values earlier detectors found (``scan.found``)."""
    text = "0591 602 39 58 4654312734202799"
    assert _values(cards_and_phones, text) == [("CREDIT_CARD", "4654312734202799"), ("PHONE", "0591 602 39 58")]
    text = "call 020 7946 0958 now"
    assert _values(cards_and_phones, text) == [("PHONE", "020 7946 0958")]
    scan = Scan(text)
    scan.found.append(Candidate("SSN", text.index("7946"), text.index("0958") + 4, 1.0))
    assert cards_and_phones.detect(scan) == []  # what is left of the number is too short


def test_resolver_ranks_by_priority_then_length_and_keeps_the_rest_of_a_name():
    text = "my name is kathryn krueger marykate_d26@outlook.com"
    email = text.index("marykate")
    cands = [Candidate("PERSON", 11, len(text), 0.9), Candidate("EMAIL", email, len(text), 1.0),
             Candidate("PHONE", 11, 19, 0.4)]
    assert PRIORITY["EMAIL"] > PRIORITY["PERSON"]
    assert resolve(text, cands, min_score=0.5) == [
        Entity("PERSON", 11, 26, 0.9), Entity("EMAIL", email, len(text), 1.0)]
    assert resolve(text, cands, min_score=0.5, allow=frozenset({"kathryn krueger"})) == [
        Entity("EMAIL", email, len(text), 1.0)]


def test_resolver_never_reports_a_placeholder():
    text = "<PERSON_1> wrote"
    assert resolve(text, [Candidate("PERSON", 0, 10, 1.0), Candidate("PERSON", 11, 16, 0.9)], 0.5) == [
        Entity("PERSON", 11, 16, 0.9)]
