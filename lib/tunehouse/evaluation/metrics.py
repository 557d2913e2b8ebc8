"""Evaluation metrics: their names and directions, the per-reply scores, and the per-model summary.

Per reply (computed where the reply is generated, on the Spark executors):
  ROUGE-L F1 (``rouge-score``, with a Unicode word tokenizer so "días" stays one word) and sentence BLEU
  (``sacrebleu``) against the logged reply; the teacher-forced loss of the logged reply (its tokens and
  end-of-turn token, masked exactly as in training) for reference perplexity and token accuracy.
Per model (aggregated from ``gold.eval_predictions``):
  see :data:`METRICS`. Corpus BLEU is computed over all replies at once, as BLEU is meant to be.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Iterable

from tunehouse.evaluation.settings import METRICS, EvaluateSettings

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

    from tunehouse.config import Settings

_WORD = re.compile(r"\w+", re.UNICODE)


class UnicodeWordTokenizer:
    """rouge-score's default tokenizer drops every non-ASCII letter; this one keeps words in any script."""

    def tokenize(self, text: str) -> list[str]:
        return _WORD.findall((text or "").lower())


_ROUGE = None


def rouge_l(prediction: str, reference: str) -> float:
    global _ROUGE
    if _ROUGE is None:
        from rouge_score import rouge_scorer

        _ROUGE = rouge_scorer.RougeScorer(["rougeL"], tokenizer=UnicodeWordTokenizer())
    if not (prediction or "").strip() or not (reference or "").strip():
        return 0.0
    return float(_ROUGE.score(reference, prediction)["rougeL"].fmeasure)


def sentence_bleu(prediction: str, reference: str) -> float:
    import sacrebleu

    return float(sacrebleu.sentence_bleu(prediction or "", [reference or ""]).score)


def corpus_bleu(predictions: Iterable[str], references: Iterable[str]) -> float:
    import sacrebleu

    preds, refs = list(predictions), list(references)
    if not preds:
        return float("nan")
    return float(sacrebleu.corpus_bleu([p or "" for p in preds], [[r or "" for r in refs]]).score)


def better(metric: str, a: float, b: float) -> float:
    """How much better a is than b on ``metric`` (positive: better), in the metric's own units."""
    direction = METRICS.get(metric)
    if direction is None:
        raise ValueError(f"metric {metric!r} has no direction")
    return (a - b) if direction == "higher" else (b - a)


def is_finite(v) -> bool:
    """A metric value that can be compared and logged (not None, NaN or infinite)."""
    return isinstance(v, (int, float)) and math.isfinite(v)


def house_style(settings: "Settings", es: EvaluateSettings) -> tuple[list[str], float]:
    """The house-style markers and the score a reply needs to follow the style: the evaluate section's, else the
    curation weights' (the ones that chose the training replies)."""
    w = settings.curate.weights
    return (es.style_markers if es.style_markers is not None else list(w.style_markers),
            es.min_style_score if es.min_style_score is not None else w.min_style_score)


# --------------------------------------------------------------------------- per model
def aggregate_metrics(preds: "DataFrame", es: EvaluateSettings, settings: "Settings") -> dict[str, dict[str, float]]:
    """role -> metric -> value from the stored predictions; "reference" holds the logged replies' own figures."""
    _, min_style = house_style(settings, es)
    bleu = _corpus_bleu_per_role(preds)
    out: dict[str, dict[str, float]] = {}
    for d in _sums_per_role(preds, min_style):
        tokens = d.pop("tokens") or 0
        nll, correct = d.pop("nll") or 0.0, d.pop("correct") or 0
        d["ref_perplexity"] = math.exp(nll / tokens) if tokens else float("nan")
        d["ref_token_accuracy"] = correct / tokens if tokens else float("nan")
        d["ref_tokens"] = float(tokens)
        d["bleu"] = bleu.get(d["model_role"], float("nan"))
        # the logged replies' figures are the same in every role's row
        out["reference"] = {"style_score": d.pop("ref_style_score"), "style_rate": d.pop("ref_style_rate"),
                            "pii_leak_rate": d.pop("ref_pii_leak_rate"), "reply_chars": d.pop("ref_reply_chars")}
        role = d.pop("model_role")
        out[role] = {k: (float(v) if v is not None else float("nan")) for k, v in d.items()}
    return out


def _sums_per_role(preds: "DataFrame", min_style: float) -> list[dict]:
    """One dict per model role: rates and means, plus the token sums the perplexity is made of."""
    from pyspark.sql import functions as F

    ok = F.col("error").isNull()
    rows = preds.groupBy("model_role").agg(
        F.count("*").alias("prompts"),
        F.avg((~ok).cast("double")).alias("error_rate"),
        F.sum(F.when(ok, F.col("ref_nll"))).alias("nll"),
        F.sum(F.when(ok, F.col("ref_tokens"))).alias("tokens"),
        F.sum(F.when(ok, F.col("ref_correct"))).alias("correct"),
        F.avg("rouge_l").alias("rouge_l"),
        F.avg(F.when(ok, (F.col("finish_reason") == "stop").cast("double"))).alias("stop_rate"),
        F.avg("style_score").alias("style_score"),
        F.avg(F.when(ok, (F.col("style_score") >= min_style).cast("double"))).alias("style_rate"),
        F.avg(F.when(ok, (F.col("pii_entities") > 0).cast("double"))).alias("pii_leak_rate"),
        F.avg(F.length("reply")).alias("reply_chars"),
        F.avg("completion_tokens").alias("reply_tokens"),
        F.percentile_approx("latency_ms", 0.5).alias("latency_ms_p50"),
        F.percentile_approx("latency_ms", 0.95).alias("latency_ms_p95"),
        # the logged replies themselves (identical for every role; taken from each for convenience)
        F.avg("reference_style_score").alias("ref_style_score"),
        F.avg((F.col("reference_style_score") >= min_style).cast("double")).alias("ref_style_rate"),
        F.avg((F.col("reference_pii_entities") > 0).cast("double")).alias("ref_pii_leak_rate"),
        F.avg(F.length("reference")).alias("ref_reply_chars"),
    ).collect()
    return [r.asDict() for r in rows]


def _corpus_bleu_per_role(preds: "DataFrame") -> dict[str, float]:
    """Corpus BLEU of each role's answered prompts (collected to the driver: BLEU is not a mean of rows)."""
    from pyspark.sql import functions as F

    pairs: dict[str, tuple[list, list]] = {}
    for r in preds.filter(F.col("error").isNull()).select("model_role", "reply", "reference").toLocalIterator():
        p = pairs.setdefault(r["model_role"], ([], []))
        p[0].append(r["reply"])
        p[1].append(r["reference"])
    return {role: corpus_bleu(replies, references) for role, (replies, references) in pairs.items()}


# --------------------------------------------------------------------------- task metrics
def task_metrics(preds: "DataFrame", gold: "DataFrame") -> tuple[dict[str, dict[str, float]], list[dict]]:
    """The task metrics of the replayed turns of conversations `tunehouse prepare` made (gold's ``channel``
    ``task:<name>``): role -> ``<task>.<metric>`` -> value (plus ``<task>.examples``), and one row per example
    and role with its own scores. Each task reads replies and references back and scores them
    (:mod:`tunehouse.tasks`); a prompt that failed counts as an empty reply. Collected to the driver (corpus
    BLEU/chrF are not means of rows)."""
    from pyspark.sql import functions as F

    from tunehouse.tasks.base import TASK_CHANNEL_PREFIX
    from tunehouse.tasks.registry import task_of_channel

    if "channel" not in gold.columns:  # a table curated elsewhere, without the column: no task to score
        return {}, []
    channels = (gold.select("conversation_id", "channel").filter(F.col("channel").startswith(TASK_CHANNEL_PREFIX))
                .distinct())
    rows = (preds.join(channels, "conversation_id")
            .select("model_role", "prompt_id", "channel", F.coalesce("reply", F.lit("")).alias("reply"), "reference")
            .orderBy("model_role", "prompt_id").collect())
    groups: dict[tuple[str, str], list] = {}
    for r in rows:
        if task_of_channel(r["channel"]) is not None:
            groups.setdefault((r["model_role"], r["channel"]), []).append(r)
    out: dict[str, dict[str, float]] = {}
    examples: list[dict] = []
    for (role, channel), group in groups.items():
        task = task_of_channel(channel)
        replies, references = [r["reply"] for r in group], [r["reference"] for r in group]
        values = {f"{task.name}.{k}": v for k, v in task.score(replies, references).items()}
        out.setdefault(role, {}).update(values | {f"{task.name}.examples": float(len(group))})
        examples.extend({"model_role": role, "task": task.name, "prompt_id": r["prompt_id"], "reference": r["reference"],
                         "reply": r["reply"], **task.score([r["reply"]], [r["reference"]])} for r in group)
    return out, examples
