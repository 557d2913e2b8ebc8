"""The quality gate as a pure function of the metrics: promote, refuse (and why), which comparator."""

from __future__ import annotations

import pytest
from tunehouse.evaluation.gate import decide, guarded_metrics
from tunehouse.evaluation.metrics import METRICS
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
    assert "ref_perplexity 20 -> 25 vs base (+25.0%" in d.summary() and "lower is better" in d.summary()


def test_required_relative_improvement():
    metrics = {"candidate": m(ref_perplexity=19.0), "base": m()}     # 5% better
    assert decide(metrics, GateSettings(min_improvement=0.04)).promote
    assert not decide(metrics, GateSettings(min_improvement=0.10)).promote


@pytest.mark.parametrize("bad, words", [
    (dict(pii_leak_rate=0.05), "pii_leak_rate 0.05 <= 0.01: FAILED"),
    (dict(stop_rate=0.3), "stop_rate 0.3 >= 0.5: FAILED"),
    (dict(error_rate=0.1), "error_rate 0.1 <= 0: FAILED"),
])
def test_guards_refuse_a_better_model(bad, words):
    d = decide({"candidate": m(ref_perplexity=5.0, **bad), "base": m()}, GateSettings())
    assert not d.promote and words in d.summary()


def test_guard_regression_relative_to_comparator():
    # stop rate 0.75 passes the absolute bound (0.5) but fell 0.15 below the base (allowed: 0.1)
    d = decide({"candidate": m(ref_perplexity=5.0, stop_rate=0.75), "base": m()}, GateSettings())
    assert not d.promote and "stop_rate 0.9 -> 0.75 vs base (worse by 0.15, may be worse by at most 0.1)" in d.summary()


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


# ----------------------------------------------------------------------------- the verdict tells the truth
# The demo once printed "PROMOTE: beats base on every check" while BLEU fell 17% and the style rate halved.
DEMO_BASE = {"ref_perplexity": 2.30, "ref_token_accuracy": 0.61, "rouge_l": 0.31, "bleu": 27.1, "stop_rate": 0.99,
             "style_score": 0.55, "style_rate": 0.40, "pii_leak_rate": 0.0, "error_rate": 0.0, "reply_chars": 300.0}
DEMO_CAND = dict(DEMO_BASE, ref_perplexity=2.23, bleu=22.5, style_rate=0.20, reply_chars=120.0)


def demo_decision(**gate):
    return decide({"candidate": DEMO_CAND, "base": DEMO_BASE}, GateSettings(**gate))


def test_a_promotion_lists_every_metric_that_got_worse():
    d = demo_decision()
    assert d.promote       # the decision itself is unchanged: only what it says
    text = d.summary()
    assert "every check" not in text
    assert "bleu 27.1 -> 22.5 (-17.0%, higher is better; not guarded)" in text
    assert "style_rate 0.4 -> 0.2 (-50.0%, higher is better; not guarded)" in text
    assert d.lines()[0] == "PROMOTE vs base: all 6 checks passed; worse on metrics no check guards: bleu, style_rate"
    # every ranked metric that is worse than the base is named; better, equal and unranked ones are not
    worse = {k for k, dirn in METRICS.items() if dirn and k in DEMO_CAND and
             (DEMO_CAND[k] - DEMO_BASE[k]) * (1 if dirn == "higher" else -1) < 0}
    assert {w.metric for w in d.worse} == worse == {"bleu", "style_rate"}
    assert "reply_chars" not in text.split("worse than base:")[1]


def test_the_verdict_names_each_check_with_its_threshold_and_result():
    d = demo_decision(min_improvement=0.01, min_stop_rate=0.9, max_pii_leak_rate=0.0)
    text = d.summary()
    assert "primary: ref_perplexity 2.3 -> 2.23 vs base (-3.0%, lower is better; needs >= 1.0% better): passed" in text
    assert "pii_leak_rate 0 -> 0 vs base (worse by 0, may be worse by at most 0): passed" in text
    assert "stop_rate 0.99 -> 0.99 vs base (worse by 0, may be worse by at most 0.1): passed" in text
    assert "absolute guards: pii_leak_rate 0 <= 0: passed, stop_rate 0.99 >= 0.9: passed, error_rate 0 <= 0: passed" \
        in text
    assert "not guarded: ref_token_accuracy, rouge_l, bleu, style_score, style_rate" in text
    assert len(d.checks) == 1 + 2 + 3 and all(c.threshold is not None for c in d.checks)


def test_a_refusal_also_lists_what_passed_and_what_got_worse():
    d = demo_decision(min_improvement=0.05)   # 3% better is not enough
    assert not d.promote
    text = d.summary()
    assert text.startswith("REFUSED vs base: 1 of 6 checks failed: ref_perplexity 2.3 -> 2.23 vs base")
    assert "needs >= 5.0% better): FAILED" in text and "stop_rate 0.99 >= 0.5: passed" in text
    assert "bleu 27.1 -> 22.5" in text and "style_rate 0.4 -> 0.2" in text


def test_a_guarded_metric_that_got_worse_is_marked_guarded():
    d = demo_decision(max_guard_regression={"bleu": 5.0, "stop_rate": 0.1})
    assert d.promote   # bleu fell 4.6, 5 allowed
    assert "bleu 27.1 -> 22.5 (-17.0%, higher is better; guarded)" in d.summary()
    assert "bleu" not in d.not_guarded and guarded_metrics(GateSettings()) >= {"ref_perplexity", "pii_leak_rate"}
    assert d.lines()[0] == "PROMOTE vs base: all 6 checks passed; worse on metrics no check guards: style_rate"


def test_a_promotion_with_nothing_worse_says_so():
    d = decide({"candidate": m(ref_perplexity=12.0, rouge_l=0.3), "base": m()}, GateSettings())
    assert d.promote and d.worse == []
    assert d.lines()[0] == "PROMOTE vs base: all 6 checks passed" and "worse than base: none" in d.lines()


def test_worse_is_listed_per_comparator():
    champion = dict(DEMO_BASE, bleu=20.0, ref_perplexity=2.25)
    d = decide({"candidate": DEMO_CAND, "base": DEMO_BASE, "champion": champion}, GateSettings(compare_to="both"))
    assert d.promote and d.comparators == ["champion", "base"]
    by_role = {(w.comparator, w.metric) for w in d.worse}
    assert ("base", "bleu") in by_role and ("champion", "bleu") not in by_role
    assert ("champion", "style_rate") in by_role


def test_the_structured_form_carries_checks_thresholds_and_worse_metrics():
    d = demo_decision(min_improvement=0.01).as_dict()
    primary = next(c for c in d["checks"] if c["kind"] == "primary")
    assert primary["metric"] == "ref_perplexity" and primary["threshold"] == 0.01 and primary["passed"]
    assert (primary["reference"], primary["value"]) == (2.30, 2.23)
    assert {c["name"]: c["threshold"] for c in d["checks"] if c["kind"] != "primary"} == {
        "pii_leak_rate regression vs base": 0.0, "stop_rate regression vs base": 0.1,
        "pii_leak_rate": 0.01, "stop_rate": 0.5, "error_rate": 0.0}
    assert [(w["metric"], w["before"], w["after"], round(w["relative_change"], 3), w["guarded"])
            for w in d["worse"]] == [("bleu", 27.1, 22.5, -0.170, False), ("style_rate", 0.4, 0.2, -0.5, False)]
    assert "style_rate" in d["not_guarded"] and d["summary"].startswith("PROMOTE vs base")
    assert all("detail" in c and "passed" in c for c in d["checks"])   # what the results notebook prints


def test_side_by_side_says_what_the_gate_checks_on_each_metric():
    from tunehouse.evaluation.report import side_by_side

    rows = {r["metric"].split(" ")[0]: r for r in side_by_side({"candidate": DEMO_CAND, "base": DEMO_BASE},
                                                                 GateSettings(min_improvement=0.01))}
    assert rows["ref_perplexity"]["gate"] == "primary: >= 1.0% better"
    assert rows["stop_rate"]["gate"] == "at most 0.1 worse; >= 0.5"
    assert rows["pii_leak_rate"]["gate"] == "at most 0 worse; <= 0.01"
    assert rows["error_rate"]["gate"] == "<= 0"
    assert rows["bleu"]["gate"] == rows["style_rate"]["gate"] == "not guarded"
    assert rows["reply_chars"]["gate"] == ""    # descriptive, no direction
