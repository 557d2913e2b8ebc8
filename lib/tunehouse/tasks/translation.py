"""Translation: ``Source_language`` (the text in the source language) -> ``Target_language`` (its translation).

The language names are the task's settings (``tasks.translation.source_language`` / ``target_language``), used
by the prompt templates as ``{source_language}`` and ``{target_language}``. The assistant replies with the
translation. Metrics (sacrebleu, over the whole test set as both are meant to be computed): BLEU and chrF, 0-100.
"""

from __future__ import annotations

from tunehouse.tasks.base import Column, Task


def score(replies: list[str], references: list[str]) -> dict[str, float]:
    import sacrebleu

    if not references:
        return {}
    hyps = [(r or "").strip() for r in replies]
    refs = [[r or "" for r in references]]
    return {"bleu": float(sacrebleu.corpus_bleu(hyps, refs).score),
            "chrf": float(sacrebleu.corpus_chrf(hyps, refs).score)}


TASK = Task(
    name="translation",
    columns=(Column("Source_language", "string"), Column("Target_language", "string")),
    check=lambda values: {"Source_language": values["Source_language"], "Target_language": values["Target_language"]},
    user_values=lambda ex: {"Source_language": ex["Source_language"]},
    answer=lambda ex: ex["Target_language"],
    score=score,
)
