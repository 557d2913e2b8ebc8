"""The quality gate: may the evaluated version become the champion?

``decide`` is a pure function of the metrics (so it is tested without models): the new version must
beat the comparator (the current champion, or the base when there is none; see ``compare_to``) on the
primary metric by at least ``min_improvement`` (relative), and pass every guard:

- absolute: PII leak rate <= ``max_pii_leak_rate``, stop-token hit rate >= ``min_stop_rate``, error
  rate <= ``max_error_rate``;
- relative: on each metric of ``max_guard_regression`` it may be worse than the comparator by at most
  that much.

Every check is recorded with its numbers; a refusal lists each failed check in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tunehouse.evaluation.metrics import METRICS, better, is_finite
from tunehouse.evaluation.settings import GateSettings
from tunehouse.model import registry


@dataclass
class Check:
    name: str
    passed: bool
    detail: str


@dataclass
class GateDecision:
    promote: bool
    comparators: list[str]
    checks: list[Check] = field(default_factory=list)
    note: str | None = None

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if not c.passed]

    def summary(self) -> str:
        vs = " and ".join(self.comparators) or "nothing"
        if self.promote:
            return f"PROMOTE: beats {vs} on every check"
        return f"REFUSED vs {vs}: " + "; ".join(c.detail for c in self.failed)

    def as_dict(self) -> dict:
        return {"promote": self.promote, "comparators": self.comparators, "note": self.note,
                "checks": [c.__dict__ for c in self.checks]}


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


def decide(metrics: dict[str, dict], gate: GateSettings, candidate: str = "candidate") -> GateDecision:
    """``metrics``: role -> metric -> value (roles: candidate, base, and champion when scored)."""
    if candidate not in metrics:
        raise ValueError("no metrics for the candidate")
    roles, note = comparators_for(gate, {k: v for k, v in metrics.items() if k != candidate})
    cand = metrics[candidate]
    checks: list[Check] = []
    p = gate.primary_metric
    for role in roles:
        ref = metrics.get(role)
        if ref is None:
            checks.append(Check(f"{p} vs {role}", False, f"{role} was not scored"))
            continue
        a, b = cand.get(p), ref.get(p)
        if not is_finite(a) or not is_finite(b):
            checks.append(Check(f"{p} vs {role}", False, f"{p} is not available ({_fmt(a)} vs {_fmt(b)})"))
            continue
        gain = better(p, a, b)
        rel = gain / abs(b) if b else (math.inf if gain > 0 else 0.0)
        ok = gain > 0 and rel >= gate.min_improvement
        need = f"better by >= {gate.min_improvement:.1%}" if gate.min_improvement else "strictly better"
        checks.append(Check(f"{p} vs {role}", ok,
                            f"{p} {_fmt(a)} vs {role} {_fmt(b)} ({METRICS[p]} is better; {rel:+.1%}, needs {need})"))
        for g, allowed in gate.max_guard_regression.items():
            ga, gb = cand.get(g), ref.get(g)
            if not is_finite(ga) or not is_finite(gb):
                continue
            worse = -better(g, ga, gb)
            checks.append(Check(f"{g} regression vs {role}", worse <= allowed + 1e-12,
                                f"{g} {_fmt(ga)} vs {role} {_fmt(gb)} (may be worse by at most {_fmt(allowed)})"))
    absolute = [
        ("pii_leak_rate", lambda v: v <= gate.max_pii_leak_rate, f"at most {gate.max_pii_leak_rate:g}"),
        ("stop_rate", lambda v: v >= gate.min_stop_rate, f"at least {gate.min_stop_rate:g}"),
        ("error_rate", lambda v: v <= gate.max_error_rate, f"at most {gate.max_error_rate:g}"),
    ]
    for name, ok, need in absolute:
        v = cand.get(name)
        if not is_finite(v):
            checks.append(Check(name, False, f"{name} not available"))
            continue
        checks.append(Check(name, bool(ok(v)), f"{name} {_fmt(v)} (must be {need})"))
    return GateDecision(promote=all(c.passed for c in checks), comparators=roles, checks=checks, note=note)


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
