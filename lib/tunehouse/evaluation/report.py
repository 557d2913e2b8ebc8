"""What an evaluation shows: the side-by-side table, example conversations, a plot, all logged to MLflow."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.errors import UserError
from tunehouse.evaluation.gate import gate_role
from tunehouse.evaluation.metrics import METRICS, better, is_finite
from tunehouse.model import registry

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from tunehouse.evaluation.settings import EvaluateSettings

ROLE_ORDER = ("base", "champion", "candidate")
TABLE_METRICS = ["ref_perplexity", "ref_token_accuracy", "rouge_l", "bleu", "stop_rate", "style_score", "style_rate",
                 "pii_leak_rate", "error_rate", "reply_chars", "reply_tokens", "latency_ms_p50", "latency_ms_p95",
                 "prompts"]


def roles_in(metrics: dict) -> list[str]:
    return [r for r in ROLE_ORDER if r in metrics]


def side_by_side(metrics: dict[str, dict], gate=None) -> list[dict]:
    """One row per metric: base | champion | candidate | reference | delta vs base (and champion) | better, and
    with ``gate`` what the quality gate checks on it (thresholds, or "not guarded")."""
    roles = roles_in(metrics)
    rows = []
    for m in TABLE_METRICS:
        row = {"metric": m, "better": METRICS.get(m) or ""}
        for r in roles:
            row[r] = metrics[r].get(m)
        row["reference"] = metrics.get("reference", {}).get(m)
        cand = metrics.get("candidate", {}).get(m)
        for r in ("base", "champion"):
            other = metrics.get(r, {}).get(m)
            if r in metrics and is_finite(cand) and is_finite(other):
                row[f"delta_vs_{r}"] = cand - other
                if METRICS.get(m):
                    row[f"improved_vs_{r}"] = better(m, cand, other) > 0
        if gate is not None:
            row["gate"] = gate_role(m, gate)
            if m == gate.primary_metric:
                row["metric"] = f"{m} (primary)"
        rows.append(row)
    return rows


def fmt(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.4g}" if abs(v) < 1e5 else f"{v:.3e}"
    return str(v)


def side_by_side_markdown(rows: list[dict], labels: dict[str, str]) -> str:
    cols = [c for c in ("metric", "better", "gate", "base", "champion", "candidate", "reference", "delta_vs_base",
                        "delta_vs_champion") if any(c in r for r in rows)]
    head = [labels.get(c, c) for c in cols]
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        out.append("| " + " | ".join(fmt(r.get(c)) for c in cols) + " |")
    return "\n".join(out) + "\n"


def examples_markdown(examples: list[dict], labels: dict[str, str], max_context: int = 6) -> str:
    """Rendered conversations: the context, the logged reply, and each model's reply."""
    parts = []
    for i, ex in enumerate(examples, 1):
        parts.append(f"### Example {i}: {ex['prompt_id']}\n")
        msgs = ex["messages"][:-1]
        if len(msgs) > max_context:
            parts.append(f"_({len(msgs) - max_context} earlier messages not shown)_\n")
            msgs = msgs[-max_context:]
        for m in msgs:
            parts.append(f"**{m['role']}:** {_quote(m['content'])}\n")
        parts.append("---\n")
        parts.append(f"**logged reply (reference):** {_quote(ex['messages'][-1]['content'])}\n")
        for role in ROLE_ORDER:
            if role in ex["replies"]:
                parts.append(f"**{labels.get(role, role)}:** {_quote(ex['replies'][role])}\n")
        parts.append("")
    return "\n".join(parts)


def _quote(text: str | None) -> str:
    return "_(no reply)_" if text is None else (text.strip().replace("\n", " ⏎ ") or "_(empty)_")


def plot(metrics: dict[str, dict], labels: dict[str, str], path: Path) -> Path:
    """Three panels: bounded quality metrics per model, reference perplexity, reply length vs the logs."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    roles = roles_in(metrics)
    bounded = ["ref_token_accuracy", "rouge_l", "stop_rate", "style_score", "pii_leak_rate"]
    fig, axes = plt.subplots(1, 3, figsize=(14, 4.2), dpi=110, gridspec_kw={"width_ratios": [3, 1, 1]})
    width = 0.8 / max(1, len(roles))
    for k, role in enumerate(roles):
        vals = [metrics[role].get(m, float("nan")) for m in bounded]
        xs = [i + (k - (len(roles) - 1) / 2) * width for i in range(len(bounded))]
        axes[0].bar(xs, vals, width, label=labels.get(role, role))
    axes[0].set_xticks(range(len(bounded)), [m.replace("_", " ") for m in bounded], rotation=15)
    axes[0].set_ylim(0, 1)
    axes[0].set_title("quality (higher is better, except PII leak rate)")
    axes[0].legend(fontsize=8)
    axes[0].grid(axis="y", alpha=0.3)
    axes[1].bar([labels.get(r, r) for r in roles], [metrics[r].get("ref_perplexity", float("nan")) for r in roles],
                color=[f"C{i}" for i in range(len(roles))])
    axes[1].set_title("reference perplexity (lower is better)")
    axes[1].tick_params(axis="x", rotation=20, labelsize=7)
    names = [labels.get(r, r) for r in roles] + ["logged replies"]
    lens = [metrics[r].get("reply_chars", float("nan")) for r in roles] + [
        metrics.get("reference", {}).get("reply_chars", float("nan"))]
    axes[2].bar(names, lens, color=[f"C{i}" for i in range(len(roles))] + ["grey"])
    axes[2].set_title("mean reply length (chars)")
    axes[2].tick_params(axis="x", rotation=20, labelsize=7)
    fig.suptitle("tunehouse evaluation: fine-tuned vs base on replayed test conversations")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def collect_examples(stored: "DataFrame", prompts: "DataFrame", n: int) -> list[dict]:
    """The first n prompts (by id) that every model answered, with their messages and each model's reply."""
    from pyspark.sql import functions as F

    if n <= 0:
        return []
    roles = [r["model_role"] for r in stored.select("model_role").distinct().collect()]
    complete = (stored.filter(F.col("error").isNull()).groupBy("prompt_id").agg(F.count("*").alias("k"))
                .filter(F.col("k") == len(roles)).select("prompt_id").orderBy("prompt_id").limit(n))
    ids = [r["prompt_id"] for r in complete.collect()]
    if not ids:
        return []
    msgs = {r["prompt_id"]: [m.asDict() for m in r["messages"]]
            for r in prompts.filter(F.col("prompt_id").isin(ids)).select("prompt_id", "messages").collect()}
    replies: dict[str, dict] = {}
    for r in stored.filter(F.col("prompt_id").isin(ids)).select("prompt_id", "model_role", "reply").collect():
        replies.setdefault(r["prompt_id"], {})[r["model_role"]] = r["reply"]
    return [{"prompt_id": i, "messages": msgs[i], "replies": replies.get(i, {})} for i in ids if i in msgs]


def log_to_mlflow(es: "EvaluateSettings", refs: dict, metrics: dict, rows: list[dict], stored: "DataFrame",
                  prompts: "DataFrame") -> None:
    """Into the active run: every metric (role/metric, delta_vs_<role>/metric), the side-by-side table, the
    example conversations, the models taking part and the plot."""
    import mlflow
    import pandas as pd

    labels = {role: r.label for role, r in refs.items()}
    flat = {}
    for role, vals in metrics.items():
        for k, v in vals.items():
            if is_finite(v):
                flat[f"{role}/{k}"] = float(v)
    for row in rows:
        name = row["metric"].split(" ")[0]
        for r in ("base", "champion"):
            if is_finite(row.get(f"delta_vs_{r}")):
                flat[f"delta_vs_{r}/{name}"] = float(row[f"delta_vs_{r}"])
    mlflow.log_metrics(flat)
    table = pd.DataFrame(rows)
    mlflow.log_table(table, "eval/side_by_side.json")
    mlflow.log_text(side_by_side_markdown(rows, labels), "eval/side_by_side.md")
    examples = collect_examples(stored, prompts, es.examples_to_show)
    mlflow.log_text(examples_markdown(examples, labels), "eval/examples.md")
    if examples:
        mlflow.log_table(pd.DataFrame([
            {"prompt_id": e["prompt_id"],
             "last_user_message": next((m["content"] for m in reversed(e["messages"][:-1]) if m["role"] == "user"), ""),
             "reference": e["messages"][-1]["content"], **{labels[k]: v for k, v in e["replies"].items()}}
            for e in examples]), "eval/examples.json")
    mlflow.log_dict({role: r.as_dict() for role, r in refs.items()}, "eval/models.json")
    with tempfile.TemporaryDirectory() as d:
        mlflow.log_artifact(str(plot(metrics, labels, Path(d) / "side_by_side.png")), "eval")


def load_evaluation(settings, run_id: str | None = None) -> dict:
    """An evaluation run's report (the latest when ``run_id`` is None): run, side-by-side table, examples (markdown),
    eval-prompt answers, gate decision and the plot's local path. For notebooks and `tunehouse runs`-style views."""
    import mlflow

    from tunehouse.model import tracking as mlflow_store

    exp_id = mlflow_store.setup_mlflow(settings)
    client = registry.client()
    if run_id is None:
        runs = client.search_runs([exp_id], filter_string=f"tags.`{mlflow_store.JOB_TAG}` = 'evaluate'",
                                  order_by=["attributes.start_time DESC"], max_results=1)
        if not runs:
            raise UserError("no evaluation run yet: run `tunehouse evaluate`")
        run = runs[0]
    else:
        run = client.get_run(run_id)
    rid = run.info.run_id

    def artifact(path: str) -> str | None:
        try:
            return mlflow.artifacts.download_artifacts(run_id=rid, artifact_path=path)
        except Exception:  # noqa: BLE001 - an unfinished or failed run lacks some files
            return None

    gate = artifact("eval/gate.json")
    examples = artifact("eval/examples.md")
    return {
        "run": run,
        "side_by_side": mlflow.load_table("eval/side_by_side.json", run_ids=[rid]),
        "eval_prompts": mlflow.load_table("eval/eval_prompts.json", run_ids=[rid]),
        "examples_markdown": Path(examples).read_text(encoding="utf-8") if examples else "",
        "gate": json.loads(Path(gate).read_text()) if gate else None,
        "plot_path": artifact("eval/side_by_side.png"),
    }
