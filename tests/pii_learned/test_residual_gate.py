"""The export's residual-PII gate checks with a detector that did not scrub, and the learned model beside the rules.

A name the rule scrubber does not know, with no cue word before it, is planted in an assistant message of an
otherwise clean gold row: the rules that scrubbed find nothing there (what let 294 planted values through),
the gate running the small trained model of this session (``trained`` in conftest.py) stops the export.
"""

from __future__ import annotations

import pytest
from tunehouse.config import load_settings
from tunehouse.curation.export import ResidualPiiError, check_residual_pii
from tunehouse.curation.settings import ExportSettings
from tunehouse.errors import UserError
from tunehouse.pii.scrubber import get_scrubber, scrubber_from_settings

LEAK = "Florentyna"
PLANTED = f"I explained the refund rules twice at the desk, but {LEAK} just laughed and rebooked me anyway."
CLEAN = [
    {"role": "user", "content": "Hi <PERSON_1>, can I move my flight to Lisbon to Friday?", "weight": None},
    {"role": "assistant", "content": "Yes, the Friday flight has seats; the change is free.", "weight": 1},
]


def gold(spark, planted: bool):
    """Two gold-shaped rows (conversation_id, messages); the second one carries the leak when ``planted``."""
    leaky = [*CLEAN, {"role": "user", "content": "What happened at the airport?", "weight": None},
             {"role": "assistant", "content": PLANTED if planted else "Nothing unusual.", "weight": 1}]
    rows = [("c-clean", CLEAN), ("c-leak", leaky)]
    return spark.createDataFrame(rows, "conversation_id string, messages array<struct<role:string,content:string,"
                                       "weight:int>>")


def test_the_rule_scrubber_misses_the_planted_name():
    assert get_scrubber().detect(PLANTED) == []  # the premise: only an independent detector can catch it


def test_gate_with_the_learned_model_catches_what_the_rules_missed(spark, trained):
    _root, overrides = trained
    settings = load_settings(overrides=[*overrides, "pii.detector=rules"])  # the rules scrubbed alone
    with pytest.raises(ResidualPiiError) as err:
        check_residual_pii(gold(spark, planted=True), settings, ExportSettings())
    msg = str(err.value)
    start = PLANTED.index(LEAK)
    assert f"c-leak message 3: PERSON at {start}-{start + len(LEAK)}" in msg  # where, by position
    assert "PERSON 1" in msg and "checked by learned model" in msg
    assert LEAK not in msg  # never the value


def test_gate_passes_a_clean_export_and_says_which_detector_checked(spark, trained):
    _root, overrides = trained
    n = check_residual_pii(gold(spark, planted=False), load_settings(overrides=[*overrides, "pii.detector=rules"]),
                           ExportSettings())
    assert n == 0 and n.independent and n.checked_by.startswith("learned model (")  # placeholders are not PII


def test_without_a_model_the_gate_falls_back_to_the_rules_and_says_so(spark, tmp_path, caplog):
    settings = load_settings(overrides=[f"storage.root={tmp_path}"])
    n = check_residual_pii(gold(spark, planted=True), settings, ExportSettings())
    assert n == 0 and not n.independent and "not independent" in n.checked_by  # today's blind spot, labelled
    assert "NOT independent" in caplog.text


@pytest.mark.parametrize("detector", ["rules+learned", "auto"])
def test_rules_plus_learned_scrubs_the_name_and_the_gate_uses_both(spark, trained, detector):
    """With a model there, the default (auto) scrubs with it; both scrubbed, so no third detector is left:
    the gate re-runs the rules (the model's context changed with the placeholders) and says it is not
    independent. The leak the rules miss is then not caught: the honest limit, labelled."""
    _root, overrides = trained
    settings = load_settings(overrides=[*overrides, f"pii.detector={detector}"])
    scrubber = scrubber_from_settings(settings)
    (scrubbed, counts), = scrubber.scrub_conversations([[{"role": "assistant", "content": PLANTED}]])
    assert LEAK not in scrubbed[0]["content"] and counts["PERSON"] == 1
    assert scrubber_from_settings(settings, fast=True).learned is None  # --fast: rules only
    n = check_residual_pii(gold(spark, planted=True), settings, ExportSettings())
    assert n == 0 and not n.independent and "both the rules and the learned model scrubbed" in n.checked_by


def test_auto_without_a_model_scrubs_with_the_rules_and_warns(tmp_path, caplog):
    settings = load_settings(overrides=[f"storage.root={tmp_path}"])
    assert settings.pii.detector == "auto"
    assert scrubber_from_settings(settings).learned is None
    assert "rules only" in caplog.text and "tunehouse pii-model" in caplog.text


def test_the_rules_only_warning_is_said_once_per_settings(tmp_path, caplog):
    """A curate run asks for the scrubbing model three times (scrub stage, export gate, summary): one warning."""
    from tunehouse.pii.scrubber import scrubbing_model

    settings = load_settings(overrides=[f"storage.root={tmp_path / 'a'}"])
    for _ in range(3):
        assert scrubbing_model(settings) is None
    assert caplog.text.count("rules only") == 1
    assert scrubbing_model(load_settings(overrides=[f"storage.root={tmp_path / 'b'}"])) is None  # other settings
    assert caplog.text.count("rules only") == 2


def test_rules_plus_learned_without_a_model_names_the_command(tmp_path):
    settings = load_settings(overrides=[f"storage.root={tmp_path}", "pii.detector=rules+learned"])
    with pytest.raises(UserError, match="tunehouse pii-model") as err:
        scrubber_from_settings(settings)
    assert "\n" not in str(err.value)


def test_spark_scrub_stage_runs_the_learned_model_in_its_workers(spark, trained):
    """The stage ships the model to the Python workers (pickled to its path) and scrubs the name there."""
    from tunehouse.curation.stages.scrub import Scrub

    _root, overrides = trained
    for detector, leaked in (("rules", True), ("rules+learned", False)):
        settings = load_settings(overrides=[*overrides, f"pii.detector={detector}"])
        rows = Scrub().run(gold(spark, planted=True), settings).kept.filter("conversation_id = 'c-leak'").collect()
        assert (LEAK in rows[0].messages[3].content) is leaked, detector
        assert rows[0].pii_counts.get("PERSON", 0) == (0 if leaked else 1)
