"""``pii.disabled_detectors``: rule detector families switched off (for ablations), validated by name."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from tunehouse.config import load_settings
from tunehouse.pii.detectors import PIPELINE, Pipeline
from tunehouse.pii.scrubber import Scrubber
from tunehouse.pii.settings import DETECTOR_FAMILIES, PiiSettings

TEXT = "Hi, I'm Anna Kowalski, mail anna.k@gmail.com, IBAN DE89 3704 0044 0532 0130 00, flying to Lisbon."


def _types(settings: PiiSettings, text: str = TEXT) -> list[tuple[str, str]]:
    return [(e.type, text[e.start:e.end]) for e in Scrubber(settings).detect(text)]


def test_default_is_nothing_disabled():
    assert PiiSettings().disabled_detectors == []
    assert len(Pipeline(PiiSettings()).detectors) == len(PIPELINE)


def test_families_listed_in_settings_are_those_of_the_pipeline():
    assert set(DETECTOR_FAMILIES) == {d.family for d in PIPELINE}


def test_unknown_family_rejected_with_the_known_ones():
    with pytest.raises(ValidationError, match="unknown detector families \\['nmaes'\\].*'names'"):
        PiiSettings(disabled_detectors=["nmaes"])


@pytest.mark.parametrize("family", DETECTOR_FAMILIES)
def test_each_family_removes_exactly_its_detectors(family):
    kept = Pipeline(PiiSettings(disabled_detectors=[family])).detectors
    assert [d.name for d in kept] == [d.name for d in PIPELINE if d.family != family]


def test_disabling_a_family_drops_its_values_and_keeps_the_others():
    assert _types(PiiSettings()) == [
        ("PERSON", "Anna Kowalski"), ("EMAIL", "anna.k@gmail.com"), ("IBAN", "DE89 3704 0044 0532 0130 00")]
    assert _types(PiiSettings(disabled_detectors=["contact"])) == [
        ("PERSON", "Anna Kowalski"), ("IBAN", "DE89 3704 0044 0532 0130 00")]
    assert _types(PiiSettings(disabled_detectors=["names", "financial"])) == [("EMAIL", "anna.k@gmail.com")]


def test_all_families_off_leaves_only_the_users_own_patterns():
    settings = PiiSettings(disabled_detectors=list(DETECTOR_FAMILIES), deny_terms=["EMAIL:anna.k@gmail.com"])
    assert _types(settings) == [("EMAIL", "anna.k@gmail.com")]


def test_set_from_a_command_line_override():
    settings = load_settings(overrides=['pii.disabled_detectors=["names","dates"]'])
    assert settings.pii.disabled_detectors == ["names", "dates"]
