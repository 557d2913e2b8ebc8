"""Extractive question answering, SQuAD-like: ``Question``, ``Context``, ``Answers``, ``Answers_start`` (int),
``Answers_text``.

``Answers`` is SQuAD's nested column, an object holding the answers' start offsets and texts; ``Answers_start``
and ``Answers_text`` name the keys inside it (default ``answer_start`` and ``text``, each a value or a list).
A flat file (CSV/TSV) has no such object: leave ``Answers`` unmapped and map ``Answers_start`` and
``Answers_text`` to columns of their own. Every answer must be found at its offset in the context (else the row
is quarantined, ``answer_not_in_context``). The assistant replies with the first answer's text.

Metrics: exact match and token F1 as the official SQuAD v1.1 evaluation script defines them (answers
normalised: lower case, no punctuation, no articles a/an/the, single spaces;
https://rajpurkar.github.io/SQuAD-explorer/ ``evaluate-v1.1.py``), written out here (a dozen lines) rather than
pulling in a library for it; both 0-1.
"""

from __future__ import annotations

import re
import string
from collections import Counter

from tunehouse.ingest.normalize import Reject
from tunehouse.tasks.base import Column, Task

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = set(string.punctuation)


def normalize_answer(text: str) -> str:
    """SQuAD v1.1's normalize_answer: lower case, punctuation removed, articles removed, whitespace collapsed."""
    text = "".join(ch for ch in (text or "").lower() if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def exact_match(prediction: str, reference: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(reference))


def token_f1(prediction: str, reference: str) -> float:
    pred, ref = normalize_answer(prediction).split(), normalize_answer(reference).split()
    common = Counter(pred) & Counter(ref)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(ref)
    return 2 * precision * recall / (precision + recall)


def _check(values: dict) -> dict:
    starts, texts, context = values["Answers_start"], values["Answers_text"], values["Context"]
    if len(starts) != len(texts):
        raise Reject("answer_count_mismatch", f"{len(starts)} answer starts but {len(texts)} answer texts")
    for start, text in zip(starts, texts):
        found = context[start:start + len(text)]
        if found != text:
            raise Reject("answer_not_in_context", f"answer {text!r} is not at offset {start} of the context "
                         f"(found {found!r})")
    return {"Question": values["Question"], "Context": context, "Answers_start": starts, "Answers_text": texts}


def parse_reply(reply: str) -> str:
    return next((line.strip() for line in (reply or "").splitlines() if line.strip()), "")


def score(replies: list[str], references: list[str]) -> dict[str, float]:
    if not references:
        return {}
    pairs = [(parse_reply(p), parse_reply(r)) for p, r in zip(replies, references)]
    return {"exact_match": sum(exact_match(p, r) for p, r in pairs) / len(pairs),
            "f1": sum(token_f1(p, r) for p, r in pairs) / len(pairs)}


TASK = Task(
    name="question_answering",
    columns=(Column("Question", "string"), Column("Context", "string"), Column("Answers", "object", required=False),
             Column("Answers_start", "int_list", nested_in="Answers", nested_default="answer_start"),
             Column("Answers_text", "str_list", nested_in="Answers", nested_default="text")),
    check=_check,
    user_values=lambda ex: {"Question": ex["Question"], "Context": ex["Context"]},
    answer=lambda ex: ex["Answers_text"][0],
    score=score,
)
