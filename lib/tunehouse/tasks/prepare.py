"""`tunehouse prepare`: a task's rows -> chat conversations (chat JSONL) + the rows that failed (quarantine).

    open the input (reader.py) -> check the mapping against its columns -> per row: look up each task column,
    convert it to the column's type, check the row as a whole (the task module) -> render the good rows with
    the task's system prompt and instruction template (settings ``tasks.<task>``) -> write
    ``<out>/<task>-<input>.jsonl`` and ``<out>/quarantine/<task>-<input>.jsonl``

Each conversation carries ``channel = task:<name>`` (kept by ingest and curation into gold), which tells the
evaluation which task metrics to compute, and a stable id from its content, so preparing the same rows again
adds nothing at ingest. :func:`load_into_bronze` then ingests the conversations (ingest's own job) and MERGEs
the quarantined rows into ``bronze.quarantine`` with ingest's key. Counts reconcile:
``read = prepared + quarantined``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse.errors import UserError
from tunehouse.ingest.normalize import Reject, fold_key
from tunehouse.ingest.shapes import reject_row
from tunehouse.tasks.base import Column, Task
from tunehouse.tasks.reader import SourceRow, TaskSource
from tunehouse.tasks.settings import TaskPrompt

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from tunehouse.config import Settings
    from tunehouse.ingest.job import IngestSummary


# the columns of bronze.quarantine a prepared row fills (ingest adds its batch id, time and key)
QUARANTINE_FIELDS = ("source_file", "source_line", "source_format", "reason_code", "reason", "raw_payload",
                     "conversation_id")


@dataclass
class PrepareSummary:
    task: str
    source: str
    read: int = 0
    prepared: int = 0
    quarantined: int = 0
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    chat_file: Path | None = None
    quarantine_file: Path | None = None

    @property
    def reconciled(self) -> bool:
        return self.read == self.prepared + self.quarantined


def parse_mapping(pairs: list[str], task: Task) -> dict[str, str]:
    """``["Sentence=my_text", ...]`` -> {task column: input column}; unknown task columns are errors."""
    names = {c.name.lower(): c.name for c in task.columns}
    mapping = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UserError(f"--map {pair!r}: expected TASK_COLUMN=your_column")
        if key.strip().lower() not in names:
            raise UserError(f"--map {pair!r}: {task.name} has no column {key.strip()!r}; its columns: "
                            f"{', '.join(c.name for c in task.columns)}")
        mapping[names[key.strip().lower()]] = value.strip()
    return mapping


class ColumnLookup:
    """Finds each task column in a row: the mapped name, else the task's name; exact, then case- and
    separator-insensitively. A column ``nested_in`` an object column is a key of that object when the row has it."""

    def __init__(self, task: Task, mapping: dict[str, str]):
        self.task, self.mapping = task, mapping
        self.by_name = {c.name: c for c in task.columns}

    def source_name(self, col: Column, nested: bool) -> str:
        default = col.nested_default if nested else col.name
        return self.mapping.get(col.name, default)

    @staticmethod
    def find(record: dict, name: str) -> tuple[bool, Any]:
        if name in record:
            return True, record[name]
        folded = fold_key(name)
        for key, value in record.items():
            if fold_key(key) == folded:
                return True, value
        return False, None

    def parent_of(self, col: Column, record: dict) -> dict | None:
        if col.nested_in is None:
            return None
        parent = self.by_name[col.nested_in]
        present, value = self.find(record, self.source_name(parent, False))
        return value if present and isinstance(value, dict) else None

    def value(self, col: Column, record: dict) -> tuple[str, Any]:
        """(the name it was looked up under, its value or None)."""
        parent = self.parent_of(col, record)
        name = self.source_name(col, parent is not None)
        return name, self.find(parent if parent is not None else record, name)[1]


def check_columns(source: TaskSource, lookup: ColumnLookup, sample: list[dict]) -> None:
    """Every required column is in the input (its header or schema; for JSONL the first rows): else an error
    naming the column, the task column it feeds and the type it must have."""
    known = source.columns if source.columns is not None else sorted({k for r in sample for k in r})
    stub = dict.fromkeys(known)
    for r in sample[:1]:
        stub.update(r)  # nested objects (SQuAD answers) are looked into through a real row
    for col in lookup.task.columns:
        if not col.required:
            continue
        name, _ = lookup.value(col, stub)
        parent = lookup.parent_of(col, stub)
        present = lookup.find(parent if parent is not None else stub, name)[0]
        if not present:
            where = f" inside {lookup.source_name(lookup.by_name[col.nested_in], False)!r}" if parent is not None else ""
            raise UserError(f"column {name!r}{where} ({col.name}, expected {col.expected}) is not in {source.name}; "
                            f"its columns: {', '.join(known) or '(none)'}; map it with --map {col.name}=COLUMN")


def example_of(row: SourceRow, lookup: ColumnLookup) -> dict:
    """The checked, typed example of one row, or :class:`Reject`."""
    from tunehouse.tasks.base import convert

    if row.reject:
        raise Reject(*row.reject)
    values = {}
    for col in lookup.task.columns:
        name, value = lookup.value(col, row.record)
        if value is None and not col.required:
            continue
        values[col.name] = convert(col, name, value)
    return lookup.task.check(values)


def conversation_id(task: Task, example: dict) -> str:
    digest = hashlib.sha1(json.dumps(example, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"{task.name}-{digest[:20]}"


def prompt_values(task: Task, prompt: TaskPrompt, examples: list[dict]) -> dict:
    """Template values shared by every row: the task's (label lists) and the prompt's other settings."""
    extra = {k: v for k, v in prompt.model_dump().items() if k not in ("system_prompt", "instruction")}
    return {**extra, **task.placeholders(examples)}


def prepare_rows(task: Task, source: TaskSource, mapping: dict[str, str], prompt: TaskPrompt,
                 out_dir: Path) -> PrepareSummary:
    """Check and render every row of ``source``; write the chat JSONL and the quarantine file (long because it is
    the one pass over the rows, counting as it goes, and the check that a column is wrong everywhere)."""
    lookup = ColumnLookup(task, mapping)
    rows = list(source.rows())
    check_columns(source, lookup, [r.record for r in rows[:200] if r.record is not None])
    summary = PrepareSummary(task=task.name, source=source.name, read=len(rows))
    good: list[tuple[SourceRow, dict]] = []
    rejects: list[dict] = []
    for row in rows:
        try:
            good.append((row, example_of(row, lookup)))
        except Reject as r:
            rejected = reject_row(f"{task.channel}:{source.fmt}", source.name, row.line, r.code, r.reason, row.raw)
            rejects.append({k: rejected[k] for k in QUARANTINE_FIELDS})
    readable = sum(1 for r in rows if r.record is not None)
    codes = Counter(r["reason_code"] for r in rejects)
    for col in task.columns:
        wrong = codes.get(f"bad_type_{col.name.lower()}", 0)
        if readable and wrong == readable:
            first = next(r["reason"] for r in rejects if r["reason_code"] == f"bad_type_{col.name.lower()}")
            raise UserError(f"{first} in every row of {source.name}: map {col.name} to a column of type "
                            f"{col.expected} (--map {col.name}=COLUMN)")
    examples = [ex for _, ex in good]
    extra = prompt_values(task, prompt, examples)
    stem = Path(source.name).stem if source.fmt != "delta" or "/" in source.name else source.name
    summary.chat_file = out_dir / f"{task.name}-{stem}.jsonl"
    summary.quarantine_file = out_dir / "quarantine" / f"{task.name}-{stem}.jsonl"
    summary.chat_file.parent.mkdir(parents=True, exist_ok=True)
    summary.quarantine_file.parent.mkdir(parents=True, exist_ok=True)
    with summary.chat_file.open("w", encoding="utf-8") as f:
        for row, ex in good:
            try:
                messages = task.render(ex, prompt.system_prompt, prompt.instruction, extra)
            except Reject as r:
                raise UserError(f"tasks.{task.name}.instruction: {r.reason}") from None
            f.write(json.dumps({"conversation_id": conversation_id(task, ex), "channel": task.channel,
                                "messages": messages}, ensure_ascii=False) + "\n")
    with summary.quarantine_file.open("w", encoding="utf-8") as f:
        for r in rejects:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    summary.prepared, summary.quarantined = len(good), len(rejects)
    summary.quarantine_reasons = dict(Counter(r["reason_code"] for r in rejects).most_common())
    return summary


def load_into_bronze(spark: "SparkSession", settings: "Settings", summary: PrepareSummary) -> "IngestSummary":
    """MERGE the quarantined rows into ``bronze.quarantine`` (ingest's columns and key), then ingest the prepared
    conversations (ingest's own job, chat JSONL). The quarantine goes first: that MERGE then creates the table or
    adds to one that ingest has filled before (the local Delta source cannot yet read a table with no files)."""
    import uuid
    from datetime import datetime, timezone

    from pyspark.sql import functions as F

    from tunehouse.contracts.tables import BRONZE_QUARANTINE
    from tunehouse.ingest.job import QUARANTINE_COLUMNS, ingest, with_quarantine_key
    from tunehouse.lakehouse.delta import Lakehouse

    lh = Lakehouse(spark, settings)
    rows = [json.loads(line) for line in summary.quarantine_file.read_text(encoding="utf-8").splitlines()]
    if rows:
        schema = ", ".join(f"{c} {'long' if c == 'source_line' else 'string'}" for c in QUARANTINE_FIELDS)
        bad = (spark.createDataFrame([tuple(r[c] for c in QUARANTINE_FIELDS) for r in rows], schema)
               .withColumn("ingest_batch_id", F.lit("prepare-" + uuid.uuid4().hex[:12]))
               .withColumn("ingested_at", F.lit(datetime.now(timezone.utc))))
        lh.merge(with_quarantine_key(bad).select(*QUARANTINE_COLUMNS), BRONZE_QUARANTINE, keys=["quarantine_key"])
    cfg = settings.model_copy(update={"ingest": settings.ingest.model_copy(update={"format": "chat_jsonl"})})
    return ingest(spark, cfg, [summary.chat_file], lakehouse=lh)
