"""Readers: one file (or one chunk of a JSONL file) -> raw rows. JSONL in newline-aligned byte ranges
with exact line numbers; CSV/TSV with a sniffed delimiter (quoted fields may span lines); JSON documents
(an array of records, one record, or ``{"data": [...]}``); Parquet by row group. Also which reader a
file needs (:func:`detect_format`). Every record that cannot be read is a reject row, never skipped.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any, Iterator

from tunehouse.errors import UserError
from tunehouse.ingest.normalize import Fields
from tunehouse.ingest.settings import IngestSettings
from tunehouse.ingest.shapes import (
    RAW_PAYLOAD_MAX,
    conversation_messages,
    reject_row,
    rows_from_record,
)

# What json.loads raises besides JSONDecodeError on hostile input: RecursionError for nesting deeper than the
# interpreter's stack allows, ValueError for an integer literal of more than 4300 digits (CVE-2020-10735 limit).
JSON_ERRORS = (ValueError, RecursionError)


def json_error(exc: BaseException) -> str:
    """Why a text is not readable JSON (one of :data:`JSON_ERRORS`), for a reject's reason."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested deeper than the JSON parser allows"
    return str(exc).split(";")[0]  # "Exceeds the limit (4300 digits) for integer string conversion"


# json.loads turns a \\uD800-\\uDFFF escape that is not half of a pair into a lone surrogate: not Unicode text,
# so Arrow, Delta and every UTF-8 writer fail on it (one such record crashed a whole ingest job).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
LONE_SURROGATE_REASON = "a \\u escape of half a UTF-16 surrogate pair: the text is not valid Unicode (not storable as UTF-8)"


def has_lone_surrogate(raw: str, parsed: Any) -> bool:
    """Whether ``parsed`` (json.loads of ``raw``) holds a lone surrogate; the cheap scan of ``raw`` for a
    surrogate escape rules out nearly every record before the parsed value is walked."""
    if not _SURROGATE_ESCAPE.search(raw):
        return False
    try:
        return bool(_LONE_SURROGATE.search(json.dumps(parsed, ensure_ascii=False)))
    except (ValueError, RecursionError):
        return True


EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
              ".parquet": "parquet"}


def read_jsonl_chunk(path: str, fmt: str, start: int, end: int, first_line: int, cfg: IngestSettings) -> Iterator[dict]:
    with open(path, "rb") as f:
        f.seek(start)
        data = f.read(end - start) if end >= 0 else f.read()
    line_no = first_line
    for raw_bytes in data.split(b"\n"):
        this_line = line_no
        line_no += 1
        if not raw_bytes.strip():
            continue  # blank lines are not records
        try:
            raw = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as e:
            yield reject_row(fmt, path, this_line, "invalid_utf8", f"invalid UTF-8 at byte {e.start} of the line",
                             raw_bytes.decode("utf-8", errors="backslashreplace"))
            continue
        raw = raw.rstrip("\r")
        if this_line == 1:  # a UTF-8 byte-order mark (Windows exports) is not part of the first record
            raw = raw.removeprefix("\ufeff")
        try:
            rec = json.loads(raw)
        except JSON_ERRORS as e:
            yield reject_row(fmt, path, this_line, "invalid_json", f"invalid JSON: {json_error(e)}", raw)
            continue
        if has_lone_surrogate(raw, rec):
            yield reject_row(fmt, path, this_line, "invalid_utf8", LONE_SURROGATE_REASON, raw)
            continue
        yield from rows_from_record(rec, raw, fmt, path, this_line, cfg)


def read_csv_file(path: str, cfg: IngestSettings) -> Iterator[dict]:
    with open(path, "rb") as f:
        data = f.read()
    # surrogateescape keeps every undecodable byte visible (as a lone surrogate), so each record
    # that carries one is quarantined, not silently "repaired".
    text = data.decode("utf-8", errors="surrogateescape")
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = cfg.csv_delimiter or _sniff_delimiter(text, path)
    header, records = csv_records(text, delimiter)
    if header is None:
        return
    for line, row, raw, reject in records:
        if reject:
            yield reject_row("csv", path, line, *reject, raw)
            continue
        if [c.strip() for c in row] == header:
            yield reject_row("csv", path, line, "repeated_header", "the CSV header repeated inside the file", raw)
            continue
        yield from rows_from_record(dict(zip(header, row)), raw, "csv", path, line, cfg)


_SURROGATE = re.compile("[\udc80-\udcff]")


# A field may be as large as the file (a pasted 5 MB log is quarantined as content_too_long, not a csv.Error that
# ends the whole file: the module's default limit is 128 KiB). The file is in memory anyway.
CSV_FIELD_LIMIT = 2**31 - 1


def csv_records(text: str, delimiter: str) -> tuple[list[str] | None, Iterator[tuple[int, list[str], str, tuple | None]]]:
    """The header (stripped; None for an empty text) and each non-blank record as (line, fields, raw, reject):
    ``reject`` is (code, message) for invalid UTF-8 bytes (``raw`` then shows them as escapes), a field count
    unlike the header's, a quote still open at the end of the file (a truncated export: the record would
    silently swallow every line after its opening quote) or a record the csv module cannot read, else None.
    Shared by ingest and `tunehouse prepare`."""
    csv.field_size_limit(max(csv.field_size_limit(), CSV_FIELD_LIMIT))
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error:
        header = [""]  # an unreadable header: every record is then rejected for its field count
    if header is None:
        return None, iter(())
    header = [h.strip() for h in header]

    def records():
        start = reader.line_num + 1
        while True:
            offset = stream.tell()
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as e:
                line, start = start, reader.line_num + 1
                yield line, [], "", ("bad_csv_row", f"unreadable CSV record: {e}")
                continue
            line, start = start, reader.line_num + 1
            if not row or all(not c.strip() for c in row):
                continue
            raw = delimiter.join(row)
            if _SURROGATE.search(raw):
                yield line, row, raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"), (
                    "invalid_utf8", "invalid UTF-8 bytes in this CSV record")
            elif stream.tell() >= len(text) and _quote_left_open(text[offset:], delimiter):
                yield line, row, raw, ("unterminated_quote", "a quoted field opened in this record is never "
                                       "closed: the file ends inside it (truncated export?)")
            elif len(row) != len(header):
                yield line, row, raw, ("bad_csv_row", f"CSV row has {len(row)} fields, header has {len(header)}")
            else:
                yield line, row, raw, None

    return header, records()


def _quote_left_open(tail: str, delimiter: str) -> bool:
    """Whether the file's last record ends inside a quoted field (the lenient reader takes the rest as its text)."""
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as e:
        return "unexpected end of data" in str(e)
    return False


def _sniff_delimiter(text: str, path: str) -> str:
    """The header line's most frequent of , ; tab | (European exports use ';', .tsv files tab)."""
    if path.lower().endswith(".tsv"):
        return "\t"
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_json_document(path: str, cfg: IngestSettings) -> Iterator[dict]:
    """A whole-file JSON document: an array of records (messages or conversations), one record, or an
    object whose only list of objects holds the records (``{"data": [...]}``). ``source_line`` is the
    record's 1-based position in that list. The file is parsed whole, in one task."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        yield reject_row("json", path, 1, "invalid_utf8", f"invalid UTF-8 at byte {e.start} of the file",
                         data[:RAW_PAYLOAD_MAX].decode("utf-8", errors="backslashreplace"))
        return
    except JSON_ERRORS as e:
        where = (f"{e.msg} at line {e.lineno} column {e.colno}" if isinstance(e, json.JSONDecodeError)
                 else json_error(e))
        yield reject_row("json", path, getattr(e, "lineno", 1), "invalid_json", f"invalid JSON document: {where}",
                         data[:RAW_PAYLOAD_MAX].decode("utf-8", errors="backslashreplace"))
        return
    records = _document_records(doc, cfg)
    for i, rec in enumerate(records, start=1):
        raw = json.dumps(rec, ensure_ascii=False, default=str)
        if _LONE_SURROGATE.search(raw):
            yield reject_row("json", path, i, "invalid_utf8", LONE_SURROGATE_REASON,
                             raw.encode("utf-8", "backslashreplace").decode("utf-8"))
            continue
        yield from rows_from_record(rec, raw, "json", path, i, cfg)


def _document_records(doc: Any, cfg: IngestSettings) -> list:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        if conversation_messages(doc, cfg) is not None or Fields(doc, cfg).get("role")[0] is not None:
            return [doc]  # the document is itself one conversation or one message
        lists = [v for v in doc.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:
            return lists[0]
    return [doc]  # rejected record by record with a reason, not silently skipped


def read_parquet_row_group(path: str, row_group: int, first_row: int, cfg: IngestSettings) -> Iterator[dict]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(path).read_row_group(row_group)
    for i, rec in enumerate(table.to_pylist()):
        raw = json.dumps(rec, default=str, ensure_ascii=False)
        yield from rows_from_record(rec, raw, "parquet", path, first_row + i, cfg)


def detect_format(path: Path, requested: str) -> str:
    """The reader for one file: the requested format, else by extension and (for JSON) by content."""
    if requested != "auto":
        fmt = requested
    else:
        fmt = EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise UserError(f"{path}: cannot tell the format from the extension; "
                            "pass --format jsonl|json|csv|parquet|chat_jsonl")
    if fmt in ("jsonl", "json"):
        first = _first_record_line(path)
        try:
            obj = json.loads(first) if first is not None else None
        except (*JSON_ERRORS, UnicodeDecodeError):
            obj = None
        if fmt == "json" and first is not None:
            # .json holds either JSON Lines (a complete object on the first line) or one document.
            fmt = "jsonl" if isinstance(obj, dict) else "json"
        if fmt == "jsonl" and isinstance(obj, dict) and isinstance(obj.get("messages"), list):
            return "chat_jsonl"  # chat JSONL looks like {"messages": [...]} on its first record
    return fmt


def _first_record_line(path: Path) -> bytes | None:
    with open(path, "rb") as f:
        for raw in f:
            if raw.strip():
                return raw.lstrip(b"\xef\xbb\xbf")
    return None
