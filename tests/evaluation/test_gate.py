"""The quality gate as a pure function of the metrics: promote, refuse (and why), which comparator."""

from __future__ import annotations

import pytest
from tunehouse.evaluation.gate import decide
from tunehouse.evaluation.settings import EvaluateSettings, GateSettings


def m(**kw) -> dict:
    base = {"ref_perplexity": 20.0, "rouge_l": 0.2, "stop_rate": 0.9, "pii_leak_rate": 0.0, "error_rate": 0.0}
    base.update(kw)
    return base


def test_promotes_when_better_than_base_and_guards_pass():
    d = decide({"candidate": m(ref_perplexity=12.0), "base": m()}, GateSettings())
    assert d.promote and d.comparators == ["base"]
    assert "PROMOTE" in d.summary()


def test_refuses_when_not_better_and_says_why():
    d = decide({"candidate": m(ref_perplexity=25.0), "base": m()}, GateSettings())
    assert not d.promote
    assert "ref_perplexity 25 vs base 20" in d.summary() and "lower is better" in d.summary()


def test_required_relative_improvement():
    metrics = {"candidate": m(ref_perplexity=19.0), "base": m()}     # 5% better
    assert decide(metrics, GateSettings(min_improvement=0.04)).promote
    assert not decide(metrics, GateSettings(min_improvement=0.10)).promote


@pytest.mark.parametrize("bad, words", [
    (dict(pii_leak_rate=0.05), "pii_leak_rate 0.05 (must be at most 0.01)"),
    (dict(stop_rate=0.3), "stop_rate 0.3 (must be at least 0.5)"),
    (dict(error_rate=0.1), "error_rate 0.1"),
])
def test_guards_refuse_a_better_model(bad, words):
    d = decide({"candidate": m(ref_perplexity=5.0, **bad), "base": m()}, GateSettings())
    assert not d.promote and words in d.summary()


def test_guard_regression_relative_to_comparator():
    # stop rate 0.75 passes the absolute bound (0.5) but fell 0.15 below the base (allowed: 0.1)
    d = decide({"candidate": m(ref_perplexity=5.0, stop_rate=0.75), "base": m()}, GateSettings())
    assert not d.promote and "stop_rate 0.75 vs base 0.9" in d.summary()


def test_auto_compares_with_the_champion_when_there_is_one():
    metrics = {"candidate": m(ref_perplexity=12.0), "base": m(), "champion": m(ref_perplexity=10.0)}
    d = decide(metrics, GateSettings())
    assert d.comparators == ["champion"] and not d.promote
    assert decide(metrics, GateSettings(compare_to="base")).promote
    both = decide(metrics, GateSettings(compare_to="both"))
    assert both.comparators == ["champion", "base"] and not both.promote


def test_champion_requested_but_absent_falls_back_to_base():
    d = decide({"candidate": m(ref_perplexity=12.0), "base": m()}, GateSettings(compare_to="champion"))
    assert d.promote and d.comparators == ["base"] and "no current champion" in d.note


def test_higher_is_better_metric_as_primary():
    g = GateSettings(primary_metric="rouge_l")
    assert decide({"candidate": m(rouge_l=0.3), "base": m()}, g).promote
    assert not decide({"candidate": m(rouge_l=0.1), "base": m()}, g).promote


def test_settings_reject_unknown_metrics():
    with pytest.raises(ValueError, match="unknown or unranked metric 'accuracy'"):
        GateSettings(primary_metric="accuracy")
    with pytest.raises(ValueError, match="unranked"):
        GateSettings(primary_metric="reply_chars")
    with pytest.raises(ValueError, match="extra"):
        EvaluateSettings(max_example=3)
