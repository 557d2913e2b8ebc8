"""The quality gate: may the evaluated version become the champion?

``decide`` is a pure function of the metrics (so it is tested without models): the new version must
beat the comparator (the current champion, or the base when there is none; see ``compare_to``) on the
primary metric by at least ``min_improvement`` (relative), and pass every guard:

- absolute: PII leak rate <= ``max_pii_leak_rate``, stop-token hit rate >= ``min_stop_rate``, error
  rate <= ``max_error_rate``;
- relative: on each metric of ``max_guard_regression`` it may be worse than the comparator by at most
  that much.

Every check is recorded with its numbers and threshold. The verdict also lists every metric that got worse
than the comparator (guarded or not) and which ranked metrics no check looks at, so a promotion never hides a
regression the gate was not asked to guard (the demo once printed "beats base on every check" while BLEU fell
17% and the house-style rate halved).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field

from tunehouse.evaluation.metrics import METRICS, better, is_finite
from tunehouse.evaluation.settings import GateSettings
from tunehouse.model import registry

# the absolute guards: metric -> (comparison shown in the text, settings field holding the bound)
ABSOLUTE_GUARDS: dict[str, tuple[str, str]] = {
    "pii_leak_rate": ("<=", "max_pii_leak_rate"),
    "stop_rate": (">=", "min_stop_rate"),
    "error_rate": ("<=", "max_error_rate"),
}


@dataclass
class Check:
    name: str
    passed: bool
    detail: str
    kind: str = ""                  # primary | regression | absolute
    metric: str = ""
    comparator: str | None = None   # the role compared with (None for absolute guards)
    value: float | None = None      # the candidate's value
    reference: float | None = None  # the comparator's value
    threshold: float | None = None  # min_improvement, the allowed regression, or the absolute bound


@dataclass
class Worse:
    """A metric on which the candidate is worse than a comparator (in the metric's better direction)."""
    metric: str
    comparator: str
    before: float                   # the comparator's value
    after: float                    # the candidate's value
    relative_change: float | None   # (after - before) / |before|; None when before is 0
    guarded: bool                   # some check of the gate looks at this metric

    def text(self) -> str:
        change = (f"{self.relative_change:+.1%}" if self.relative_change is not None
                  else f"{self.after - self.before:+.4g}")
        return (f"{self.metric} {_fmt(self.before)} -> {_fmt(self.after)} ({change}, "
                f"{METRICS[self.metric]} is better; {'guarded' if self.guarded else 'not guarded'})")


@dataclass
class GateDecision:
    promote: bool
    comparators: list[str]
    checks: list[Check] = field(default_factory=list)
    note: str | None = None
    worse: list[Worse] = field(default_factory=list)
    not_guarded: list[str] = field(default_factory=list)   # ranked metrics scored but looked at by no check

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    def lines(self) -> list[str]:
        """The verdict, one line per part: headline, each check with its result, what got worse, what is unguarded."""
        vs = " and ".join(self.comparators) or "nothing"
        if self.promote:
            unguarded = list(dict.fromkeys(w.metric for w in self.worse if not w.guarded))
            head = f"PROMOTE vs {vs}: all {len(self.checks)} checks passed" + (
                f"; worse on metrics no check guards: {', '.join(unguarded)}" if unguarded else "")
        else:
            head = (f"REFUSED vs {vs}: {len(self.failed)} of {len(self.checks)} checks failed: "
                    + "; ".join(c.detail for c in self.failed))
        out = [head]
        for kind, title in (("primary", "primary"), ("regression", "guards vs comparator"),
                            ("absolute", "absolute guards")):
            checks = [c for c in self.checks if c.kind == kind]
            if checks:
                out.append(f"{title}: " + ", ".join(
                    f"{c.detail}: {'passed' if c.passed else 'FAILED'}" for c in checks))
        for role in self.comparators:
            worse = [w.text() for w in self.worse if w.comparator == role]
            out.append(f"worse than {role}: " + ("; ".join(worse) if worse else "none"))
        if self.not_guarded:
            out.append("not guarded: " + ", ".join(self.not_guarded))
        return out

    def summary(self) -> str:
        return " | ".join(self.lines())

    def as_dict(self) -> dict:
        return {"promote": self.promote, "comparators": self.comparators, "note": self.note,
                "checks": [asdict(c) for c in self.checks], "worse": [asdict(w) for w in self.worse],
                "not_guarded": self.not_guarded, "summary": self.summary()}


def comparators_for(gate: GateSettings, available: dict[str, dict]) -> tuple[list[str], str | None]:
    """Which roles the candidate is compared with, given the scored roles (champion may be absent)."""
    has_champion = "champion" in available
    if gate.compare_to == "auto":
        return (["champion"] if has_champion else ["base"]), None
    if gate.compare_to == "champion" and not has_champion:
        return ["base"], "no current champion to compare with: compared with the base model"
    if gate.compare_to == "both":
        return (["champion", "base"] if has_champion else ["base"]), (
            None if has_champion else "no current champion: compared with the base model only")
    return [gate.compare_to], None


def _fmt(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    return f"{v:.4g}" if isinstance(v, float) else str(v)


def _change(a: float, b: float) -> str:
    """The candidate's change from the comparator's value, relative when it can be."""
    return f"{(a - b) / abs(b):+.1%}" if b else f"{a - b:+.4g}"


def _primary_check(p: str, role: str, a, b, gate: GateSettings) -> Check:
    name, need = f"{p} vs {role}", (f">= {gate.min_improvement:.1%} better" if gate.min_improvement
                                   else "strictly better")
    if not is_finite(a) or not is_finite(b):
        return Check(name, False, f"{p} is not available ({_fmt(b)} -> {_fmt(a)} vs {role})", "primary", p, role,
                     a, b, gate.min_improvement)
    gain = better(p, a, b)
    rel = gain / abs(b) if b else (math.inf if gain > 0 else 0.0)
    ok = gain > 0 and rel >= gate.min_improvement
    detail = f"{p} {_fmt(b)} -> {_fmt(a)} vs {role} ({_change(a, b)}, {METRICS[p]} is better; needs {need})"
    return Check(name, ok, detail, "primary", p, role, a, b, gate.min_improvement)


def _regression_check(g: str, role: str, a: float, b: float, allowed: float) -> Check:
    worse = -better(g, a, b)
    detail = (f"{g} {_fmt(b)} -> {_fmt(a)} vs {role} (worse by {_fmt(worse if worse > 0 else 0.0)}, "
              f"may be worse by at most {_fmt(allowed)})")
    return Check(f"{g} regression vs {role}", worse <= allowed + 1e-12, detail, "regression", g, role, a, b,
                 allowed)


def _absolute_checks(cand: dict, gate: GateSettings) -> list[Check]:
    checks = []
    for name, (op, setting) in ABSOLUTE_GUARDS.items():
        bound, v = getattr(gate, setting), cand.get(name)
        if not is_finite(v):
            checks.append(Check(name, False, f"{name} not available (must be {op} {bound:g})", "absolute", name,
                                None, None, None, bound))
            continue
        ok = v <= bound if op == "<=" else v >= bound
        checks.append(Check(name, bool(ok), f"{name} {_fmt(v)} {op} {bound:g}", "absolute", name, None, v, None,
                            bound))
    return checks


def guarded_metrics(gate: GateSettings) -> set[str]:
    """Metrics some check of the gate looks at."""
    return {gate.primary_metric, *gate.max_guard_regression, *ABSOLUTE_GUARDS}


def gate_role(metric: str, gate: GateSettings) -> str:
    """What the gate checks on ``metric``, with thresholds ("not guarded" for a ranked metric no check looks at;
    empty for a descriptive one). For the side-by-side table."""
    if METRICS.get(metric) is None:
        return ""
    parts = []
    if metric == gate.primary_metric:
        parts.append(f"primary: >= {gate.min_improvement:.1%} better" if gate.min_improvement
                     else "primary: strictly better")
    if metric in gate.max_guard_regression:
        parts.append(f"at most {gate.max_guard_regression[metric]:g} worse")
    if metric in ABSOLUTE_GUARDS:
        op, setting = ABSOLUTE_GUARDS[metric]
        parts.append(f"{op} {getattr(gate, setting):g}")
    return "; ".join(parts) or "not guarded"


def _worse_metrics(cand: dict, ref: dict, role: str, guarded: set[str]) -> list[Worse]:
    """Every ranked metric (see METRICS) on which the candidate is worse than ``ref``."""
    out = []
    for m, direction in METRICS.items():
        a, b = cand.get(m), ref.get(m)
        if direction is None or not is_finite(a) or not is_finite(b) or better(m, a, b) >= 0:
            continue
        out.append(Worse(m, role, b, a, (a - b) / abs(b) if b else None, m in guarded))
    return out


def decide(metrics: dict[str, dict], gate: GateSettings, candidate: str = "candidate") -> GateDecision:
    """``metrics``: role -> metric -> value (roles: candidate, base, and champion when scored)."""
    if candidate not in metrics:
        raise ValueError("no metrics for the candidate")
    roles, note = comparators_for(gate, {k: v for k, v in metrics.items() if k != candidate})
    cand, p, guarded = metrics[candidate], gate.primary_metric, guarded_metrics(gate)
    checks: list[Check] = []
    worse: list[Worse] = []
    for role in roles:
        ref = metrics.get(role)
        if ref is None:
            checks.append(Check(f"{p} vs {role}", False, f"{role} was not scored", "primary", p, role,
                                cand.get(p), None, gate.min_improvement))
            continue
        checks.append(_primary_check(p, role, cand.get(p), ref.get(p), gate))
        worse += _worse_metrics(cand, ref, role, guarded)
        if not (is_finite(cand.get(p)) and is_finite(ref.get(p))):
            continue   # refused already; the relative guards of this comparator are not applied
        for g, allowed in gate.max_guard_regression.items():
            if is_finite(cand.get(g)) and is_finite(ref.get(g)):
                checks.append(_regression_check(g, role, cand[g], ref[g], allowed))
    checks += _absolute_checks(cand, gate)
    not_guarded = [m for m, d in METRICS.items() if d is not None and m not in guarded and is_finite(cand.get(m))]
    return GateDecision(promote=all(c.passed for c in checks), comparators=roles, checks=checks, note=note,
                        worse=worse, not_guarded=not_guarded)


def promote(name: str, version: str, alias: str, decision: GateDecision, eval_run_id: str | None) -> str:
    """Move ``alias`` to ``version`` when the decision says so; record the outcome on the version either way."""
    client = registry.client()
    client.set_model_version_tag(name, version, "tunehouse.gate", "passed" if decision.promote else "refused")
    client.set_model_version_tag(name, version, "tunehouse.gate_summary", decision.summary()[:4900])
    if eval_run_id:
        client.set_model_version_tag(name, version, "tunehouse.eval_run_id", eval_run_id)
    if not decision.promote:
        return f"@{alias} left where it was: " + decision.summary()
    client.set_registered_model_alias(name, alias, version)
    return f"@{alias} -> {name} version {version}: " + decision.summary()
