"""The rows of a task's input: a JSONL/NDJSON file (or a .json array), CSV/TSV, Parquet, a Delta table folder,
or a lakehouse table (``schema.table``). Every row comes with its place (line, or row number for tables) and its
raw text; a row that cannot be read comes as a reject with ingest's reason codes (``invalid_json``,
``invalid_utf8``, ``bad_csv_row``, ``unterminated_quote``, ``not_an_object``), never skipped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from tunehouse.errors import UserError
from tunehouse.ingest.readers import (
    JSON_ERRORS,
    LONE_SURROGATE_REASON,
    _sniff_delimiter,
    csv_records,
    has_lone_surrogate,
    json_error,
)
from tunehouse.ingest.shapes import RAW_PAYLOAD_MAX

_TABLE_NAME = re.compile(r"^[A-Za-z_]\w*\.[A-Za-z_]\w*$")


@dataclass
class SourceRow:
    """One input row: ``record`` (column -> value), or ``reject`` ``(code, reason)`` when it could not be read."""

    line: int
    raw: str
    record: dict | None = None
    reject: tuple[str, str] | None = None


@dataclass
class TaskSource:
    """An opened input: its format, its column names (None when only the rows can tell, JSONL) and its rows."""

    name: str
    fmt: str
    columns: list[str] | None
    rows: Callable[[], Iterator[SourceRow]]


def open_source(source: str, read_table: Callable[[str], Any] | None = None) -> TaskSource:
    """``source`` as a :class:`TaskSource`. ``read_table(name)`` returns a Spark DataFrame of a lakehouse table
    (only called for ``schema.table`` names that are not a path here)."""
    path = Path(source)
    if path.is_dir() and (path / "_delta_log").is_dir():
        return _delta_folder(path)
    if path.is_file():
        suffix = path.suffix.lower()
        if suffix in (".csv", ".tsv"):
            return _csv(path)
        if suffix == ".parquet":
            return _parquet(path)
        if suffix in (".jsonl", ".ndjson", ".json"):
            return TaskSource(str(path), "jsonl", None, lambda: _jsonl_rows(path))
        raise UserError(f"{path}: unsupported input; use .jsonl, .json, .csv, .tsv, .parquet, a Delta table folder "
                        "or a lakehouse table name (schema.table)")
    if _TABLE_NAME.match(source) and read_table is not None:
        return _lakehouse_table(source, read_table)
    raise UserError(f"{source}: no such file, Delta table folder or schema.table name")


def _record_row(line: int, raw: str, record: Any) -> SourceRow:
    if not isinstance(record, dict):
        return SourceRow(line, raw[:RAW_PAYLOAD_MAX], reject=(
            "not_an_object", f"expected a JSON object per record, got {type(record).__name__}"))
    return SourceRow(line, raw[:RAW_PAYLOAD_MAX], record=record)


def _jsonl_rows(path: Path) -> Iterator[SourceRow]:
    data = path.read_bytes()
    if path.suffix.lower() == ".json" and data.lstrip().startswith(b"["):
        yield from _json_array(path, data)
        return
    for line_no, raw_bytes in enumerate(data.split(b"\n"), start=1):
        if not raw_bytes.strip():
            continue
        try:
            raw = raw_bytes.decode("utf-8").rstrip("\r").lstrip("\ufeff")
        except UnicodeDecodeError as e:
            yield SourceRow(line_no, raw_bytes.decode("utf-8", "backslashreplace")[:RAW_PAYLOAD_MAX],
                            reject=("invalid_utf8", f"invalid UTF-8 at byte {e.start} of the line"))
            continue
        try:
            record = json.loads(raw)
        except JSON_ERRORS as e:
            yield SourceRow(line_no, raw[:RAW_PAYLOAD_MAX], reject=("invalid_json", f"invalid JSON: {json_error(e)}"))
            continue
        if has_lone_surrogate(raw, record):
            yield SourceRow(line_no, raw[:RAW_PAYLOAD_MAX], reject=("invalid_utf8", LONE_SURROGATE_REASON))
            continue
        yield _record_row(line_no, raw, record)


def _json_array(path: Path, data: bytes) -> Iterator[SourceRow]:
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise UserError(f"{path}: not a JSON array of records (invalid UTF-8 at byte {e.start})") from None
    except JSON_ERRORS as e:
        raise UserError(f"{path}: not a JSON array of records ({json_error(e)})") from None
    for i, record in enumerate(records, start=1):
        raw = json.dumps(record, ensure_ascii=False, default=str)
        if has_lone_surrogate(json.dumps(record), record):
            yield SourceRow(i, raw.encode("utf-8", "backslashreplace").decode("utf-8")[:RAW_PAYLOAD_MAX],
                            reject=("invalid_utf8", LONE_SURROGATE_REASON))
            continue
        yield _record_row(i, raw, record)


def _csv(path: Path) -> TaskSource:
    text = path.read_bytes().decode("utf-8", errors="surrogateescape").lstrip("\ufeff")
    delimiter = _sniff_delimiter(text, str(path))
    header, records = csv_records(text, delimiter)
    header = header or []

    def rows() -> Iterator[SourceRow]:
        for line, row, raw, reject in records:
            if reject:
                yield SourceRow(line, raw[:RAW_PAYLOAD_MAX], reject=reject)
            else:
                yield SourceRow(line, raw[:RAW_PAYLOAD_MAX], record=dict(zip(header, row)))

    fmt = "tsv" if delimiter == "\t" else "csv"
    return TaskSource(str(path), fmt, header, rows)


def _table_rows(records: Iterator[dict]) -> Iterator[SourceRow]:
    for i, record in enumerate(records, start=1):
        yield SourceRow(i, json.dumps(record, ensure_ascii=False, default=str)[:RAW_PAYLOAD_MAX], record=record)


def _parquet(path: Path) -> TaskSource:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    return TaskSource(str(path), "parquet", table.column_names, lambda: _table_rows(iter(table.to_pylist())))


def _delta_folder(path: Path) -> TaskSource:
    from deltalake import DeltaTable

    table = DeltaTable(str(path)).to_pyarrow_table()
    return TaskSource(str(path), "delta", table.column_names, lambda: _table_rows(iter(table.to_pylist())))


def _lakehouse_table(name: str, read_table: Callable[[str], Any]) -> TaskSource:
    df = read_table(name)
    return TaskSource(name, "delta", list(df.columns),
                      lambda: _table_rows(r.asDict(recursive=True) for r in df.toLocalIterator()))
