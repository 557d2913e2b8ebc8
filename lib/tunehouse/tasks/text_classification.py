"""Text classification: ``Sentence`` (string) -> ``Label`` (integer or string).

The assistant replies with the label; the prompt lists the labels seen in the prepared rows (``{labels}``).
A reply is read as its first line without surrounding quotes or a final full stop, compared case-insensitively.
Metrics (scikit-learn): accuracy, and macro-F1 over the labels that occur in the references (a reply that is
no label counts as a miss for its reference's label).
"""

from __future__ import annotations

from tunehouse.tasks.base import Column, Task


def _check(values: dict) -> dict:
    return {"Sentence": values["Sentence"], "Label": str(values["Label"])}


def parse_reply(reply: str) -> str:
    """'Positive.' / '"positive"' / 'positive\\nbecause ...' -> 'positive'."""
    first = next((line for line in (reply or "").splitlines() if line.strip()), "")
    return first.strip().strip("\"'`*").rstrip(".!").strip().casefold()


def score(replies: list[str], references: list[str]) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    predicted = [parse_reply(r) for r in replies]
    gold = [parse_reply(r) for r in references]
    if not gold:
        return {}
    return {"accuracy": float(accuracy_score(gold, predicted)),
            "macro_f1": float(f1_score(gold, predicted, labels=sorted(set(gold)), average="macro",
                                       zero_division=0))}


TASK = Task(
    name="text_classification",
    columns=(Column("Sentence", "string"), Column("Label", "label")),
    check=_check,
    user_values=lambda ex: {"Sentence": ex["Sentence"]},
    answer=lambda ex: ex["Label"],
    score=score,
    placeholders=lambda examples: {"labels": ", ".join(sorted({ex["Label"] for ex in examples}))},
)
