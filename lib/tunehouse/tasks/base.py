"""What every task is made of (:class:`Task`): its columns and their types, how a checked row becomes a
conversation, how a reply is read back, and its metrics. Also the column types (:class:`Column`) and the
conversion of one raw value to a column's type, which raises :class:`Reject` (ingest's: a reason code and a
human-readable reason) for a value that cannot be one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from tunehouse.ingest.normalize import Reject

# Column kinds -> how errors describe the type a column must have
EXPECTED = {
    "string": "string",
    "label": "integer or string",
    "tokens": "list of strings or space-separated string",
    "int_list": "integer or list of integers",
    "str_list": "string or list of strings",
    "object": "object",
}
TASK_CHANNEL_PREFIX = "task:"  # the bronze/gold ``channel`` of a prepared conversation: task:<name>


@dataclass(frozen=True)
class Column:
    """One column a task needs: its name (what ``--map NAME=your_column`` maps), kind and whether it may be absent."""

    name: str
    kind: str
    required: bool = True
    nested_in: str | None = None       # a key inside this (object) column when the row has it, e.g. SQuAD's answers
    nested_default: str | None = None  # the key read there when the column is not mapped

    @property
    def expected(self) -> str:
        return EXPECTED[self.kind]


@dataclass(frozen=True)
class Task:
    """A task: ``columns`` are checked and converted per row, ``check`` validates the row as a whole (returns the
    example), ``placeholders`` computes dataset-wide template values (e.g. the label list), ``render`` gives the
    (user, assistant) texts, ``score`` turns replies and references into metrics."""

    name: str
    columns: tuple[Column, ...]
    check: Callable[[dict], dict]
    user_values: Callable[[dict], dict]
    answer: Callable[[dict], str]
    score: Callable[[list[str], list[str]], dict[str, float]]
    placeholders: Callable[[list[dict]], dict] = field(default=lambda examples: {})

    def render(self, example: dict, system_prompt: str, instruction: str, extra: dict) -> list[dict]:
        """The conversation of one example: system, user (the filled template), assistant (weight 1)."""
        values = {**extra, **self.user_values(example)}
        try:
            user = instruction.format(**values)
        except KeyError as e:
            raise Reject("bad_template", f"instruction template of {self.name} has placeholder {e} this task does "
                         f"not fill; available: {', '.join(sorted(values))}") from None
        return [{"role": "system", "content": system_prompt}, {"role": "user", "content": user},
                {"role": "assistant", "content": self.answer(example), "weight": 1}]

    @property
    def channel(self) -> str:
        return TASK_CHANNEL_PREFIX + self.name


# --------------------------------------------------------------------------- value conversion
def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, float)
                                                                                and value != value)


def _type_error(col: Column, source: str, value: Any) -> Reject:
    kind = "null" if value is None else type(value).__name__
    return Reject(f"bad_type_{col.name.lower()}",
                  f"column {source!r} ({col.name}) is {kind} {_short(value)}, expected {col.expected}")


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and len(value.strip()) <= 4300:
        return int(value.strip())  # (longer digit strings raise ValueError in int(): not an id, a type error)
    return None


def _json_list(value: Any) -> Any:
    """A list written as JSON inside a CSV cell (``["a", "b"]``) -> the list; anything else unchanged."""
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):  # not JSON, too deep, or an integer of more than 4300 digits
            return value
    return value


def convert(col: Column, source: str, value: Any) -> Any:
    """``value`` (read from column ``source``) as ``col``'s type, or :class:`Reject` saying why it cannot be."""
    if hasattr(value, "tolist"):  # numpy arrays from Parquet/Delta
        value = value.tolist()
    if _missing(value) or (isinstance(value, list) and not value):
        raise Reject(f"missing_{col.name.lower()}", f"column {source!r} ({col.name}) is empty or missing")
    if col.kind == "string":
        if isinstance(value, str):
            return value.strip()
    elif col.kind == "label":
        if isinstance(value, str):
            return value.strip()
        as_int = _as_int(value)
        if as_int is not None:
            return as_int
    elif col.kind in ("tokens", "str_list"):
        value = _json_list(value)
        if isinstance(value, str):
            return value.split() if col.kind == "tokens" else [value]
        if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
            return [v.strip() for v in value]
    elif col.kind == "int_list":
        value = _json_list(value)
        items = value if isinstance(value, list) else [value]
        ints = [_as_int(v) for v in items]
        if all(i is not None and i >= 0 for i in ints):
            return ints
    elif col.kind == "object":
        if isinstance(value, dict):
            return value
    raise _type_error(col, source, value)
