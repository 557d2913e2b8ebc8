"""Token classification (named entities): ``Token`` and ``Tag``, one row per sentence.

Decision (Azure's catalog leaves it open): each row is one sentence; ``Token`` is a list of tokens and ``Tag`` a
list of tags of the same length, or each a space-separated string (in CSV/TSV also a JSON list in the cell).
Tags are IOB2/IOBES (``O``, ``B-PER``, ``I-LOC``, ...); a row whose counts differ or whose tags are not in that
scheme is quarantined. The user message gives the tokens joined by spaces and their count; the assistant replies
with the tags only, one per token, space-separated (a reply that PII scrubbing cannot disturb). A reply is read
back as whitespace-separated tags, cut or padded with ``O`` to the reference's length; an unreadable tag counts
as ``O``. Metric: entity-level precision, recall and F1 (seqeval, CoNLL evaluation).
"""

from __future__ import annotations

import re

from tunehouse.ingest.normalize import Reject
from tunehouse.tasks.base import Column, Task

_TAG = re.compile(r"^(?:O|[BIESLU]-\S+)$")


def _check(values: dict) -> dict:
    tokens, tags = values["Token"], values["Tag"]
    if len(tokens) != len(tags):
        raise Reject("token_tag_count_mismatch", f"{len(tokens)} tokens but {len(tags)} tags")
    bad = [t for t in tags if not _TAG.match(t)]
    if bad:
        raise Reject("bad_tag", f"tag {bad[0]!r} is not IOB2 (O, B-TYPE, I-TYPE)")
    return {"Token": tokens, "Tag": tags}


def parse_reply(reply: str, length: int) -> list[str]:
    tags = [t if _TAG.match(t) else "O" for t in (reply or "").split()][:length]
    return tags + ["O"] * (length - len(tags))


def score(replies: list[str], references: list[str]) -> dict[str, float]:
    from seqeval.metrics import f1_score, precision_score, recall_score

    gold = [(r or "").split() for r in references]
    predicted = [parse_reply(reply, len(g)) for reply, g in zip(replies, gold)]
    if not gold:
        return {}
    return {"entity_f1": float(f1_score(gold, predicted, zero_division=0)),
            "entity_precision": float(precision_score(gold, predicted, zero_division=0)),
            "entity_recall": float(recall_score(gold, predicted, zero_division=0))}


TASK = Task(
    name="token_classification",
    columns=(Column("Token", "tokens"), Column("Tag", "tokens")),
    check=_check,
    user_values=lambda ex: {"Token": " ".join(ex["Token"]), "n_tokens": len(ex["Token"])},
    answer=lambda ex: " ".join(ex["Tag"]),
    score=score,
    placeholders=lambda examples: {"tags": ", ".join(sorted({t for ex in examples for t in ex["Tag"]}))},
)
