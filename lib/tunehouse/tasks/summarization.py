"""Summarisation: ``Document`` (string) -> ``Summary`` (string). The assistant replies with the summary.

Metrics: ROUGE-1, ROUGE-2 and ROUGE-L F1 (``rouge-score``, Google's reimplementation of the original ROUGE, with
its Porter stemmer as in the published summarisation results), means over the examples, 0-1.
"""

from __future__ import annotations

from tunehouse.tasks.base import Column, Task

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


def score(replies: list[str], references: list[str]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    if not references:
        return {}
    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    sums = dict.fromkeys(ROUGE_TYPES, 0.0)
    for reply, reference in zip(replies, references):
        scores = scorer.score(reference or "", (reply or "").strip())
        for t in ROUGE_TYPES:
            sums[t] += scores[t].fmeasure
    return {t: v / len(references) for t, v in sums.items()}


TASK = Task(
    name="summarization",
    columns=(Column("Document", "string"), Column("Summary", "string")),
    check=lambda values: {"Document": values["Document"], "Summary": values["Summary"]},
    user_values=lambda ex: {"Document": ex["Document"]},
    answer=lambda ex: ex["Summary"],
    score=score,
)
