"""The Python signals of a conversation, computed in one pandas UDF per Arrow batch.

Per conversation (user and assistant messages only; system messages are the company's own text):
garbage counts by role with a first example of each (see :mod:`tunehouse.curation.signals.garbage`),
letters and visible characters, and the detected language of the whole conversation, of the user
text and of the assistant text (:mod:`tunehouse.curation.signals.language`). The quality stage reads
this struct (``SIGNALS_TYPE``); everything it needs that Spark SQL can compute is computed there.
"""

from __future__ import annotations

import pandas as pd
from pyspark.sql.functions import pandas_udf

from tunehouse.curation.signals.garbage import KIND_TEXT, message_garbage
from tunehouse.curation.signals.language import detect_languages_with_parts

SIGNALS_TYPE = (
    "struct<n_checked: int, n_garbage: int, n_assistant_checked: int, n_assistant_garbage: int, "
    "garbage_example: string, assistant_garbage_example: string, garbage_kinds: string, "
    "letters: int, visible: int, language: string, language_confidence: double, "
    "user_language: string, user_language_confidence: double, "
    "assistant_language: string, assistant_language_confidence: double>"
)
_GARBAGE_COLUMNS = ["n_checked", "n_garbage", "n_assistant_checked", "n_assistant_garbage",
                    "garbage_example", "assistant_garbage_example", "garbage_kinds", "letters", "visible"]
_INT_COLUMNS = ("n_checked", "n_garbage", "n_assistant_checked", "n_assistant_garbage", "letters", "visible")


def _snippet(s: str | None, n: int = 60) -> str:
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _garbage_signals(roles, contents) -> tuple[dict, tuple[str, str]]:
    """Garbage counts of one conversation, and its (user text, assistant text) for language detection."""
    roles = list(roles) if roles is not None else []
    contents = list(contents) if contents is not None else []
    n_checked = n_garbage = n_a = n_ag = letters = visible = 0
    example = a_example = None
    kinds: list[str] = []
    parts: dict[str, list[str]] = {"user": [], "assistant": []}
    for role, content in zip(roles, contents):
        if role not in ("user", "assistant"):
            continue
        content = content if isinstance(content, str) else ""
        parts[role].append(content)
        n_checked += 1
        if role == "assistant":
            n_a += 1
        letters += sum(map(str.isalpha, content))
        visible += len("".join(content.split()))
        kind = message_garbage(content, role)
        if kind is None:
            continue
        n_garbage += 1
        if kind not in kinds:
            kinds.append(kind)
        # numbered within its role: "user message 2", "assistant reply 1"
        what = f"{'assistant reply' if role == 'assistant' else 'user message'} {len(parts[role])}, " \
               f"{KIND_TEXT[kind]}"
        what += f": '{_snippet(content)}'" if content.strip() else ""
        if example is None:
            example = what
        if role == "assistant":
            n_ag += 1
            if a_example is None:
                a_example = what
    row = dict(n_checked=n_checked, n_garbage=n_garbage, n_assistant_checked=n_a, n_assistant_garbage=n_ag,
               garbage_example=example, assistant_garbage_example=a_example,
               garbage_kinds=", ".join(KIND_TEXT[k] for k in kinds) or None, letters=letters, visible=visible)
    return row, ("\n".join(parts["user"]), "\n".join(parts["assistant"]))


def signals_batch(all_roles, all_contents, min_confidence: float) -> pd.DataFrame:
    """``SIGNALS_TYPE`` rows for a batch of conversations (parallel sequences of roles and contents)."""
    rows, texts = [], []
    for roles, contents in zip(all_roles, all_contents):
        row, text = _garbage_signals(roles, contents)
        rows.append(row)
        texts.append(text)
    (codes, confs), ((u_codes, u_confs), (a_codes, a_confs)) = detect_languages_with_parts(texts, min_confidence)
    out = pd.DataFrame(rows, columns=_GARBAGE_COLUMNS)
    out["language"] = codes
    out["language_confidence"] = confs
    out["user_language"] = u_codes
    out["user_language_confidence"] = u_confs
    out["assistant_language"] = a_codes
    out["assistant_language_confidence"] = a_confs
    for c in _INT_COLUMNS:
        out[c] = out[c].astype("int32")
    return out


def conversation_signals(roles: list, contents: list, min_confidence: float = 0.5) -> dict:
    """Signals of one conversation (plain Python; the UDF maps it over a batch)."""
    return signals_batch([roles], [contents], min_confidence).iloc[0].to_dict()


def signals_udf(min_confidence: float = 0.5):
    """pandas UDF (roles array<string>, contents array<string>) -> SIGNALS_TYPE struct."""

    @pandas_udf(SIGNALS_TYPE)
    def quality_signals(roles: pd.Series, contents: pd.Series) -> pd.DataFrame:
        return signals_batch(roles, contents, min_confidence)

    # The result is deterministic; marking it otherwise stops the optimizer from evaluating it
    # twice (once below the keep/drop filter, once above it for the quality struct).
    return quality_signals.asNondeterministic()
