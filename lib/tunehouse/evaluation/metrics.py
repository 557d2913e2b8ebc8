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
from typing import Iterable

from tunehouse.evaluation.settings import METRICS

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


def is_number(v) -> bool:
    return isinstance(v, (int, float)) and not (isinstance(v, float) and math.isnan(v))
