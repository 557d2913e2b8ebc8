"""Ingestion: raw chat-log exports (JSONL, JSON, CSV/TSV, Parquet, chat JSONL) -> ``bronze.chat_messages``.

Nothing is lost: every record either lands in ``bronze.chat_messages`` or in ``bronze.quarantine``
with its raw payload, source location and a human-readable reason, and the job prints
``read = ingested + duplicates_skipped + quarantined``.

How it runs: a Spark Python data source (``tunehouse_raw``) reads the files on the executors —
JSONL in newline-aligned byte chunks so big files are parallel and line numbers stay exact,
CSV and JSON documents one task per file (quoted fields may span lines), Parquet one task per row
group. A record is one message, or one conversation holding a list of messages (expanded by
:func:`expand_conversation`). Each message goes through :func:`normalize_record`, a plain function
(unit-tested without Spark) that finds the canonical columns (mapping, canonical name, aliases),
maps roles and validates it. The good rows are then
MERGEd into bronze on a stable key (conversation_id, message_index), so re-ingesting a file, or a
re-export of the same conversations, adds nothing.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import math
import os
import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Iterator

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.datasource import DataSource, DataSourceReader, InputPartition
from pyspark.sql.window import Window

from tunehouse.config import Settings
from tunehouse.contracts.tables import BRONZE_MESSAGES, BRONZE_QUARANTINE
from tunehouse.errors import UserError
from tunehouse.ingest.settings import IngestSettings

EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
              ".parquet": "parquet"}
CANONICAL = ("conversation_id", "message_index", "role", "content", "created_at", "csat", "agent_id", "channel", "language")
CHUNK_BYTES = 8 * 1024 * 1024  # JSONL split size: parallel reads without tiny tasks

# Schema the raw reader yields: canonical columns + record status + lineage.
RAW_SCHEMA = (
    "conversation_id string, message_index long, role string, content string, created_at timestamp, "
    "csat int, agent_id string, channel string, language string, weight double, "
    "ok boolean, reason_code string, reason string, raw_payload string, "
    "source_file string, source_line long, source_format string"
)
MESSAGE_COLUMNS = [
    "message_key", "conversation_id", "message_index", "role", "content", "created_at", "csat", "agent_id",
    "channel", "language", "weight", "source_file", "source_line", "source_format", "ingest_batch_id", "ingested_at",
]
QUARANTINE_COLUMNS = [
    "quarantine_key", "source_file", "source_line", "source_format", "reason_code", "reason", "raw_payload",
    "conversation_id", "ingest_batch_id", "ingested_at",
]
RAW_PAYLOAD_MAX = 100_000  # keep the evidence, but not a 50 MB pasted log per row


# ----------------------------------------------------------------------------- record validation
class Reject(Exception):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def _parse_int(name: str, value: Any, *, required: bool) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise Reject(f"missing_{name}", f"missing {name}")
        return None
    if isinstance(value, bool):
        raise Reject(f"bad_{name}", f"{name} {value!r} is not an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        s = value.strip()
        try:
            return int(s)
        except ValueError:
            try:
                f = float(s)
                if f.is_integer():
                    return int(f)
            except ValueError:
                pass
    raise Reject(f"bad_{name}", f"{name} {value!r} is not an integer")


# Formats exports use besides ISO 8601 and epoch numbers. Slash dates are ambiguous (03/05/2024 is
# March 5 in the US, 3 May elsewhere): month-first is tried first (day-first with ingest.dayfirst), the
# other order only when the first cannot parse (13/05/2024 can only be 13 May).
_TIME_SUFFIXES = ("", " %H:%M", " %H:%M:%S", " %H:%M:%S.%f", " %I:%M %p", " %I:%M:%S %p", "T%H:%M:%S")
_MDY_FORMATS = tuple(f"%m/%d/%Y{t}" for t in _TIME_SUFFIXES)
_DMY_FORMATS = tuple(f"%d/%m/%Y{t}" for t in _TIME_SUFFIXES)
_OTHER_FORMATS = tuple(f"{d}{t}" for d in ("%Y/%m/%d", "%d.%m.%Y", "%d-%m-%Y", "%d %b %Y", "%d %B %Y", "%b %d, %Y",
                                           "%B %d, %Y", "%b %d %Y", "%B %d %Y") for t in _TIME_SUFFIXES)


def _parse_timestamp(value: Any, dayfirst: bool = False) -> datetime | None:
    """ISO 8601, epoch seconds/milliseconds (numbers or digit strings), common export formats
    (03/05/2024 10:22, 05.03.2024, 2024/03/05, 5 Mar 2024, RFC 2822). Naive times are taken as UTC."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        secs = value / 1000.0 if value > 1e11 else float(value)  # epoch millis or seconds
        return datetime.fromtimestamp(secs, tz=timezone.utc)
    if isinstance(value, str):
        s = value.strip()
        iso = s.replace("Z", "+00:00")
        for candidate in (iso, iso.replace(" ", "T", 1)):
            try:
                dt = datetime.fromisoformat(candidate)
                return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
            except ValueError:
                continue
        if s.isdigit() and len(s) in (8, 14):  # 20240305, 20240305102231
            try:
                return datetime.strptime(s, "%Y%m%d" if len(s) == 8 else "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
            except ValueError:
                pass
        if s.replace(".", "", 1).isdigit():
            return _parse_timestamp(float(s))
        for fmt in (_DMY_FORMATS + _MDY_FORMATS if dayfirst else _MDY_FORMATS + _DMY_FORMATS) + _OTHER_FORMATS:
            try:
                return datetime.strptime(s, fmt).replace(tzinfo=timezone.utc)
            except ValueError:
                continue
        try:  # RFC 2822, as in e-mail exports: "Tue, 05 Mar 2024 10:22:31 +0000"
            dt = parsedate_to_datetime(s)
            return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
        except (TypeError, ValueError, IndexError):
            pass
    raise Reject("bad_created_at", f"created_at {value!r} is not a timestamp (ISO 8601, epoch, or a common format "
                 "such as 03/05/2024 10:22, 05.03.2024, 5 Mar 2024; set ingest.dayfirst=true for day/month/year)")


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    s = str(value).strip()
    return s or None


_MISSING = object()
_KEY_SEPARATORS = re.compile(r"[\s\-.]+")


@functools.lru_cache(maxsize=8192)  # the same few column names, millions of times
def _fold_key(key: Any) -> str:
    """'Conversation ID' / 'conversation-id' / 'conversation_id' -> 'conversation_id'."""
    return _KEY_SEPARATORS.sub("_", str(key).strip().lower())


def _fits(canon: str, value: Any) -> bool:
    """Whether a value can be the canonical column (a list is a message list, never an id or a role)."""
    if canon == "messages":
        return isinstance(value, list)
    if canon == "content":
        return not isinstance(value, (int, float, bool))
    if canon == "role":
        return isinstance(value, (str, dict))
    if canon == "conversation_id" and isinstance(value, str):
        return "\n" not in value and len(value) <= 256  # an id, not a transcript under "conversation"
    return not isinstance(value, (list, dict))


class _Fields:
    """Finds the canonical columns in one record.

    Order: the mapped name (``ingest.column_mapping``), the canonical name, then ``ingest.column_aliases``;
    names are also matched case-insensitively with spaces/dashes folded. ``get`` returns ``(value, strict)``:
    a value found under a mapped or canonical name is validated strictly (a bad value quarantines the
    record); one found only under an alias is best effort (a bad value counts as missing), because an alias
    guesses what a column means.
    """

    def __init__(self, rec: dict, cfg: IngestSettings):
        self.rec = rec
        self.cfg = cfg
        self._folded: dict[str, Any] | None = None

    def folded(self) -> dict[str, Any]:
        if self._folded is None:
            self._folded = {_fold_key(k): v for k, v in self.rec.items()}
        return self._folded

    def get(self, canon: str) -> tuple[Any, bool]:
        rec, cfg = self.rec, self.cfg
        mapped = cfg.column_mapping.get(canon)
        if mapped is not None and mapped in rec:
            return rec[mapped], True
        if canon in rec:
            return rec[canon], True
        aliases = cfg.column_aliases.get(canon, ())
        for a in aliases:
            v = rec.get(a, _MISSING)
            if v is not _MISSING and v is not None and _fits(canon, v):
                return v, False
        folded = self.folded()
        for name, strict in ([(mapped, True)] if mapped else []) + [(canon, True)] + [(a, False) for a in aliases]:
            v = folded.get(_fold_key(name), _MISSING)
            if v is not _MISSING and (strict or (v is not None and _fits(canon, v))):
                return v, strict
        return None, True


def _as_text(value: Any) -> Any:
    """Message content in the shapes exports use: a string, OpenAI content parts ``[{"type": "text",
    "text": ...}]``, or ``{"parts": [...]}`` / ``{"text": ...}`` objects. Anything else is returned as is
    (and rejected as a wrong type by the caller)."""
    if isinstance(value, list) and value and all(isinstance(p, dict) for p in value):
        texts = [p.get("text") for p in value if p.get("type", "text") == "text"]
        if texts and all(isinstance(t, str) for t in texts):
            return "\n".join(texts)
    if isinstance(value, dict):
        if isinstance(value.get("parts"), list) and all(isinstance(t, str) for t in value["parts"]):
            return "\n".join(value["parts"])
        if isinstance(value.get("text"), str):
            return value["text"]
    return value


def _lenient(parse, value: Any, strict: bool):
    """Strict columns raise Reject on a bad value; alias-found ones count as missing instead."""
    try:
        return parse(value)
    except Reject:
        if strict:
            raise
        return None


def normalize_record(rec: Any, cfg: IngestSettings, defaults: dict | None = None,
                     fields: "_Fields | None" = None) -> dict:
    """Map one raw message record (a dict from JSON/CSV/Parquet) to canonical columns, or raise Reject.

    Columns are found by :class:`_Fields` (mapping, canonical name, aliases). ``defaults`` supplies values
    a message of a conversation-shaped record inherits from its conversation (id, rating, agent, ...);
    ``fields`` reuses the lookup of a caller that already inspected the record.
    """
    if not isinstance(rec, dict):
        raise Reject("not_an_object", f"expected a JSON object per line, got {type(rec).__name__}")
    fields = fields or _Fields(rec, cfg)
    defaults = defaults or {}

    def get(canon: str) -> tuple[Any, bool]:
        value, strict = fields.get(canon)
        if value is None and canon in defaults:
            return defaults[canon]
        return value, strict

    def where(canon: str) -> str:
        return f"column {cfg.column_mapping.get(canon, canon)!r} or one of ingest.column_aliases.{canon}"

    conv = _opt_str(get("conversation_id")[0])
    if conv is None:
        raise Reject("missing_conversation_id", f"missing conversation_id ({where('conversation_id')})")
    idx_value, idx_strict = get("message_index")
    idx = _lenient(lambda v: _parse_int("message_index", v, required=False), idx_value, idx_strict)
    if idx is not None and idx < 0:
        if idx_strict:
            raise Reject("bad_message_index", f"message_index {idx} is negative")
        idx = None
    raw_role = get("role")[0]
    if isinstance(raw_role, dict):  # {"role": "user", "name": ...} author objects
        raw_role = raw_role.get("role")
    if raw_role is None or (isinstance(raw_role, str) and not raw_role.strip()):
        raise Reject("missing_role", f"missing role ({where('role')})")
    role = cfg.role_mapping.get(str(raw_role).strip().lower())
    if role is None:
        raise Reject("unknown_role", f"unknown role {raw_role!r}; known: {', '.join(sorted(cfg.role_mapping))} "
                     "(extend ingest.role_mapping)")
    content = _as_text(get("content")[0])
    if content is None:
        raise Reject("missing_content", f"missing content ({where('content')})")
    if not isinstance(content, str):
        raise Reject("bad_content_type", f"content has type {type(content).__name__}, expected a string")
    if not content.strip() and not cfg.allow_empty_content:
        raise Reject("empty_content", "empty or whitespace-only content (set ingest.allow_empty_content=true to keep)")
    if len(content) > cfg.max_content_chars:
        raise Reject("content_too_long", f"content is {len(content):,} chars > ingest.max_content_chars={cfg.max_content_chars:,}")
    raw_csat, csat_strict = get("csat")
    csat = _lenient(_parse_csat, raw_csat, csat_strict)
    weight = rec.get("weight")
    if weight is not None and (isinstance(weight, bool) or not isinstance(weight, (int, float))):
        raise Reject("bad_weight", f"weight {weight!r} is not a number")
    return {
        "conversation_id": conv,
        "message_index": idx,
        "role": role,
        "content": content,
        "created_at": _lenient(lambda v: _parse_timestamp(v, cfg.dayfirst), *get("created_at")),
        "csat": csat,
        "agent_id": _opt_str(get("agent_id")[0]),
        "channel": _opt_str(get("channel")[0]),
        "language": _opt_str(get("language")[0]),
        "weight": float(weight) if weight is not None else None,
    }


def _parse_csat(value: Any) -> int | None:
    if _opt_str(value) in (None, "n/a", "N/A", "na", "NA", "null", "None"):
        return None
    csat = _parse_int("csat", value, required=False)
    if csat is not None and not 1 <= csat <= 5:
        raise Reject("bad_csat", f"csat {csat} outside 1..5")
    return csat


def conversation_messages(rec: Any, cfg: IngestSettings, fields: "_Fields | None" = None) -> list | None:
    """The message list of a conversation-shaped record, or None for a one-message record.

    Recognised: a list of message objects (``{"messages": [...]}``, ShareGPT's ``{"conversations":
    [{"from", "value"}]}``, ...); a transcript string under one of the message-list names
    (``"Customer: hi\nAgent: hello"``, see :func:`parse_transcript`); a prompt/response pair
    (``instruction``/``response``, ``question``/``answer``, ``prompt``/``completion``, ...) in a record
    with no role column.
    """
    if not isinstance(rec, dict):
        return None
    fields = fields or _Fields(rec, cfg)
    value, _ = fields.get("messages")
    if isinstance(value, list):
        return value if all(isinstance(m, dict) for m in value) else None
    folded = fields.folded()
    for name in ("messages", *cfg.column_aliases.get("messages", ())):
        text = folded.get(_fold_key(name))
        if isinstance(text, str) and "\n" in text.strip():
            parsed = parse_transcript(text, cfg)
            if parsed:
                return parsed
    if fields.get("role")[0] is None:
        return _prompt_response_pair(folded)
    return None


# "Customer: hi", "[10:22] Agent Smith: hello", "(2024-03-05 10:22:31) Visitor: ..."
_TRANSCRIPT_LINE = re.compile(
    r"^\s*(?:[\[(]?\d{1,4}[\d:/.\-T ]*(?:[AaPp][Mm])?[\])]?\s*(?:-\s*)?)?"
    r"(?P<speaker>[^\W\d_][\w .'’\-]{0,40}?)\s*:[ \t]?(?P<text>.*)$")


def parse_transcript(text: str, cfg: IngestSettings) -> list[dict] | None:
    """Split a plain-text transcript into messages by its speaker labels.

    A line starting with ``Speaker:`` (optionally after a time stamp) opens a message when the speaker,
    or its first word ("Agent Smith" -> "agent"), is in ``ingest.role_mapping``; other lines continue the
    current message. Not a transcript (None) when text comes before the first label or fewer than two
    messages are found."""
    msgs: list[dict] = []
    for line in text.splitlines():
        m = _TRANSCRIPT_LINE.match(line)
        role = None
        if m:
            speaker = m.group("speaker").strip().lower()
            role = cfg.role_mapping.get(speaker) or cfg.role_mapping.get(speaker.split()[0])
        if role:
            msgs.append({"role": role, "content": m.group("text").strip()})
        elif msgs:
            msgs[-1]["content"] = (msgs[-1]["content"] + "\n" + line.rstrip()).strip("\n")
        elif line.strip():
            return None
    return msgs if len(msgs) >= 2 else None


_PROMPT_NAMES = ("prompt", "instruction", "question", "input", "query", "request", "user_message",
                 "customer_message")
_REPLY_NAMES = ("response", "completion", "answer", "output", "reply", "agent_response", "assistant_message",
                "agent_message", "chosen")


def _prompt_response_pair(folded: dict) -> list[dict] | None:
    """``{"instruction": ..., "response": ...}``-style records (one user turn, one reply); ``folded`` is the
    record with folded keys (:meth:`_Fields.folded`)."""
    prompt = next((folded[n] for n in _PROMPT_NAMES if isinstance(folded.get(n), str)), None)
    reply = next((folded[n] for n in _REPLY_NAMES if isinstance(folded.get(n), str)), None)
    if prompt is None or reply is None:
        return None
    system = next((folded[n] for n in ("system", "system_prompt") if isinstance(folded.get(n), str)), None)
    msgs = [{"role": "system", "content": system}] if system and system.strip() else []
    return msgs + [{"role": "user", "content": prompt}, {"role": "assistant", "content": reply}]


def expand_conversation(obj: Any, raw_line: str, cfg: IngestSettings, messages: list | None = None,
                        fields: "_Fields | None" = None) -> list[dict]:
    """A conversation-shaped record -> canonical message dicts (or Reject for the whole record).

    Messages are ordered by their position in the list. Conversation-level columns (id, rating, agent,
    channel, language, time) apply to every message that lacks its own. Without an id, a stable one is
    derived from the record's content, so re-ingesting the same record is a no-op.
    """
    if not isinstance(obj, dict):
        raise Reject("not_an_object", f"expected a JSON object per line, got {type(obj).__name__}")
    fields = fields or _Fields(obj, cfg)
    msgs = messages if messages is not None else conversation_messages(obj, cfg, fields)
    if msgs is None:
        value = fields.get("messages")[0]
        if isinstance(value, list):
            bad = next(i for i, m in enumerate(value) if not isinstance(m, dict))
            raise Reject("bad_messages", f"messages[{bad}] is {type(value[bad]).__name__}, expected an object")
        raise Reject("bad_messages", "a conversation record needs a non-empty 'messages' list")
    if not msgs:
        raise Reject("bad_messages", "a conversation record needs a non-empty 'messages' list")
    conv = _record_conversation_id(obj, cfg, conversation=True, fields=fields)
    if conv is None:  # stable id from the content, so re-ingesting the same line is a no-op
        conv = "chat-" + hashlib.sha1(raw_line.strip().encode("utf-8")).hexdigest()[:20]
    inherited = {c: fields.get(c) for c in ("created_at", "csat", "agent_id", "channel", "language")}
    inherited["conversation_id"] = (conv, True)
    defaults = {k: v for k, v in inherited.items() if v[0] is not None}
    out = []
    for i, m in enumerate(msgs):
        message = normalize_record(m, cfg, defaults=defaults)
        message["conversation_id"] = conv  # a message's own "conversation" field never splits it
        message["message_index"] = i
        out.append(message)
    return out


def _record_conversation_id(rec: Any, cfg: IngestSettings, conversation: bool,
                            fields: "_Fields | None" = None) -> str | None:
    """The conversation id of a record; a conversation-shaped record may also call it id/_id/uuid."""
    if not isinstance(rec, dict):
        return None
    conv = (fields or _Fields(rec, cfg)).get("conversation_id")[0]
    if conv is None and conversation:
        conv = next((rec[k] for k in ("id", "_id", "uuid") if _opt_str(rec.get(k)) is not None), None)
    return None if isinstance(conv, (list, dict)) else _opt_str(conv)


# ----------------------------------------------------------------------------- reading files
@dataclass
class _Chunk(InputPartition):
    path: str
    fmt: str
    start: int = 0
    end: int = -1
    first_line: int = 1
    row_group: int = -1


def _empty_row(fmt: str, path: str, line: int) -> dict:
    return {c: None for c in CANONICAL} | {"weight": None, "source_file": path, "source_line": line, "source_format": fmt}


def _rows_from_record(rec: Any, raw: str, fmt: str, path: str, line: int, cfg: IngestSettings) -> Iterator[dict]:
    """One raw record -> canonical rows (a conversation-shaped record gives one row per message)."""
    base = _empty_row(fmt, path, line)
    fields = _Fields(rec, cfg) if isinstance(rec, dict) else None  # one column lookup per record
    messages = conversation_messages(rec, cfg, fields)
    try:
        if fmt == "chat_jsonl" or messages is not None:
            canon = expand_conversation(rec, raw, cfg, messages, fields)
        else:
            canon = [normalize_record(rec, cfg, fields=fields)]
    except Reject as r:
        conv = _record_conversation_id(rec, cfg, fmt == "chat_jsonl" or messages is not None, fields)
        yield base | {"ok": False, "reason_code": r.code, "reason": r.reason, "raw_payload": raw[:RAW_PAYLOAD_MAX],
                      "conversation_id": conv}
        return
    for c in canon:
        yield base | c | {"ok": True, "reason_code": None, "reason": None, "raw_payload": None}


def _reject_row(fmt: str, path: str, line: int, code: str, reason: str, raw: str) -> dict:
    return _empty_row(fmt, path, line) | {"ok": False, "reason_code": code, "reason": reason,
                                          "raw_payload": raw[:RAW_PAYLOAD_MAX]}


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
            yield _reject_row(fmt, path, this_line, "invalid_utf8", f"invalid UTF-8 at byte {e.start} of the line",
                              raw_bytes.decode("utf-8", errors="backslashreplace"))
            continue
        raw = raw.rstrip("\r")
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as e:
            yield _reject_row(fmt, path, this_line, "invalid_json", f"invalid JSON: {e.msg} at column {e.colno}", raw)
            continue
        yield from _rows_from_record(rec, raw, fmt, path, this_line, cfg)


def read_csv_file(path: str, cfg: IngestSettings) -> Iterator[dict]:
    with open(path, "rb") as f:
        data = f.read()
    # surrogateescape keeps every undecodable byte visible (as a lone surrogate), so each record
    # that carries one is quarantined, not silently "repaired".
    text = data.decode("utf-8", errors="surrogateescape")
    if text.startswith("\ufeff"):
        text = text[1:]
    delimiter = cfg.csv_delimiter or _sniff_delimiter(text, path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        return
    header = [h.strip() for h in header]
    start_line = reader.line_num + 1
    for row in reader:
        line = start_line
        start_line = reader.line_num + 1
        if not row or all(not c.strip() for c in row):
            continue
        raw = delimiter.join(row)
        if _SURROGATE.search(raw):
            yield _reject_row("csv", path, line, "invalid_utf8", "invalid UTF-8 bytes in this CSV record",
                              raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace"))
            continue
        if len(row) != len(header):
            yield _reject_row("csv", path, line, "bad_csv_row", f"CSV row has {len(row)} fields, header has {len(header)}", raw)
            continue
        if [c.strip() for c in row] == header:
            yield _reject_row("csv", path, line, "repeated_header", "the CSV header repeated inside the file", raw)
            continue
        yield from _rows_from_record(dict(zip(header, row)), raw, "csv", path, line, cfg)


_SURROGATE = re.compile("[\udc80-\udcff]")


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
        yield _reject_row("json", path, 1, "invalid_utf8", f"invalid UTF-8 at byte {e.start} of the file",
                          data[:RAW_PAYLOAD_MAX].decode("utf-8", errors="backslashreplace"))
        return
    except json.JSONDecodeError as e:
        yield _reject_row("json", path, e.lineno, "invalid_json",
                          f"invalid JSON document: {e.msg} at line {e.lineno} column {e.colno}",
                          data[:RAW_PAYLOAD_MAX].decode("utf-8", errors="backslashreplace"))
        return
    records = _document_records(doc, cfg)
    for i, rec in enumerate(records, start=1):
        raw = json.dumps(rec, ensure_ascii=False, default=str)
        yield from _rows_from_record(rec, raw, "json", path, i, cfg)


def _document_records(doc: Any, cfg: IngestSettings) -> list:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        if conversation_messages(doc, cfg) is not None or _Fields(doc, cfg).get("role")[0] is not None:
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
        yield from _rows_from_record(rec, raw, "parquet", path, first_row + i, cfg)


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
        except (json.JSONDecodeError, UnicodeDecodeError):
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


def plan_partitions(files: list[tuple[Path, str]]) -> list[_Chunk]:
    """Split work: JSONL by newline-aligned byte ranges (with their first line number)."""
    import pyarrow.parquet as pq

    parts: list[_Chunk] = []
    for path, fmt in files:
        p = str(path.resolve())
        if fmt in ("jsonl", "chat_jsonl"):
            size = os.path.getsize(p)
            start, line = 0, 1
            with open(p, "rb") as f:
                while start < size:
                    f.seek(start)
                    block = f.read(CHUNK_BYTES)
                    if start + len(block) >= size:
                        end = size
                    else:
                        cut = block.rfind(b"\n")
                        end = start + (cut + 1 if cut >= 0 else len(block))
                        if cut < 0:  # a single line longer than a chunk: extend to its end
                            rest = f.read()
                            nl = rest.find(b"\n")
                            end = start + len(block) + (nl + 1 if nl >= 0 else len(rest))
                    parts.append(_Chunk(p, fmt, start, end, line))
                    f.seek(start)
                    line += f.read(end - start).count(b"\n")
                    start = end
        elif fmt in ("csv", "json"):
            parts.append(_Chunk(p, fmt))
        elif fmt == "parquet":
            meta = pq.ParquetFile(p).metadata
            first = 1
            for rg in range(meta.num_row_groups):
                parts.append(_Chunk(p, fmt, first_line=first, row_group=rg))
                first += meta.row_group(rg).num_rows
        else:
            raise UserError(f"{path}: unsupported format {fmt!r}")
    return parts


_ARROW_TYPES = {"string": "string", "long": "int64", "int": "int32", "double": "float64", "boolean": "bool"}


def raw_arrow_schema():
    """RAW_SCHEMA as Arrow (built without a SparkContext: this runs in Python workers)."""
    import pyarrow as pa

    fields = []
    for part in RAW_SCHEMA.split(", "):
        name, typ = part.split()
        t = pa.timestamp("us", tz="UTC") if typ == "timestamp" else pa.type_for_alias(_ARROW_TYPES[typ])
        fields.append(pa.field(name, t, nullable=True))
    return pa.schema(fields)


class RawChatLogSource(DataSource):
    """Spark data source ``tunehouse_raw``: options ``plan`` (JSON list of chunks) and ``ingest`` (settings JSON)."""

    @classmethod
    def name(cls) -> str:
        return "tunehouse_raw"

    def schema(self) -> str:
        return RAW_SCHEMA

    def reader(self, schema) -> DataSourceReader:
        return _RawReader(self.options)


class _RawReader(DataSourceReader):
    def __init__(self, options: dict):
        self.chunks = [_Chunk(**c) for c in json.loads(options["plan"])]
        self.cfg_json = options["ingest"]

    def partitions(self):
        return self.chunks

    def read(self, chunk: _Chunk):
        cfg = IngestSettings.model_validate_json(self.cfg_json)
        if chunk.fmt in ("jsonl", "chat_jsonl"):
            rows = read_jsonl_chunk(chunk.path, chunk.fmt, chunk.start, chunk.end, chunk.first_line, cfg)
        elif chunk.fmt == "csv":
            rows = read_csv_file(chunk.path, cfg)
        elif chunk.fmt == "json":
            rows = read_json_document(chunk.path, cfg)
        else:
            rows = read_parquet_row_group(chunk.path, chunk.row_group, chunk.first_line, cfg)
        # Arrow batches, not tuples: far less per-row overhead between Python and the JVM.
        import pyarrow as pa

        schema = raw_arrow_schema()
        buf: list[dict] = []
        for r in rows:
            buf.append(r)
            if len(buf) >= 4096:
                yield pa.RecordBatch.from_pylist(buf, schema=schema)
                buf = []
        if buf:
            yield pa.RecordBatch.from_pylist(buf, schema=schema)


# ----------------------------------------------------------------------------- the job
@dataclass
class IngestSummary:
    batch_id: str
    files: int
    read: int = 0
    ingested: int = 0
    duplicates_skipped: int = 0
    quarantined: int = 0
    quarantine_reasons: dict[str, int] = field(default_factory=dict)
    bronze_version: int | None = None
    quarantine_version: int | None = None
    seconds: float = 0.0

    @property
    def reconciled(self) -> bool:
        return self.read == self.ingested + self.duplicates_skipped + self.quarantined


def discover_files(paths: list[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.is_file() and q.suffix.lower() in EXTENSIONS
                           and not q.name.startswith((".", "_")))
            if not found:
                raise UserError(f"{p}: no .jsonl/.json/.ndjson/.csv/.tsv/.parquet files in this folder")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise UserError(f"{p}: no such file or folder")
    return out


def read_raw(spark: SparkSession, files: list[Path], cfg: IngestSettings) -> DataFrame:
    """All records of the given files as one DataFrame with canonical columns + ok/reason + lineage."""
    typed = [(p, detect_format(p, cfg.format)) for p in files]
    plan = [c.__dict__ for c in plan_partitions(typed)]
    spark.dataSource.register(RawChatLogSource)
    return (
        spark.read.format("tunehouse_raw")
        .option("plan", json.dumps(plan))
        .option("ingest", cfg.model_dump_json())
        .load()
    )


def fill_message_index(df: DataFrame) -> DataFrame:
    """Exports without an explicit order column get one from (created_at, file, line)."""
    w = Window.partitionBy("conversation_id").orderBy(
        F.col("created_at").asc_nulls_last(), "source_file", "source_line")
    return df.withColumn(
        "message_index",
        F.coalesce(F.col("message_index"), (F.row_number().over(w) - 1).cast("long")),
    )


def with_message_key(df: DataFrame) -> DataFrame:
    return df.withColumn(
        "message_key",
        F.sha2(F.concat_ws("\x1f", F.col("conversation_id"), F.col("message_index").cast("string")), 256),
    )


def with_quarantine_key(df: DataFrame) -> DataFrame:
    return df.withColumn(
        "quarantine_key",
        F.sha2(F.concat_ws("\x1f", "source_file", F.col("source_line").cast("string"), "reason_code",
                           F.coalesce("raw_payload", F.lit(""))), 256),
    )


def ingest(spark: SparkSession, settings: Settings, paths: list[str | Path], lakehouse=None) -> IngestSummary:
    """Read files, MERGE good rows into bronze.chat_messages and bad ones into bronze.quarantine."""
    import time

    from tunehouse.lakehouse.delta import Lakehouse

    t0 = time.time()
    lh = lakehouse or Lakehouse(spark, settings)
    files = discover_files(paths)
    batch_id = uuid.uuid4().hex[:12]
    now = datetime.now(timezone.utc)
    raw = read_raw(spark, files, settings.ingest).cache()
    try:
        stats = raw.groupBy("ok", "reason_code").count().collect()
        summary = IngestSummary(batch_id=batch_id, files=len(files))
        summary.read = sum(r["count"] for r in stats)
        summary.quarantine_reasons = {r["reason_code"]: r["count"] for r in stats if not r["ok"]}

        good = fill_message_index(raw.filter("ok"))
        good = with_message_key(good)
        good = good.withColumn("ingest_batch_id", F.lit(batch_id)).withColumn("ingested_at", F.lit(now))
        res = lh.merge(good.select(*MESSAGE_COLUMNS), BRONZE_MESSAGES, keys=["message_key"])
        summary.ingested = res.inserted
        summary.duplicates_skipped = res.source_rows - res.inserted
        summary.bronze_version = res.version

        bad = raw.filter(~F.col("ok"))
        n_bad = sum(summary.quarantine_reasons.values())
        summary.quarantined = n_bad
        if n_bad or not lh.exists(BRONZE_QUARANTINE):
            bad = with_quarantine_key(bad).withColumn("ingest_batch_id", F.lit(batch_id)) \
                .withColumn("ingested_at", F.lit(now))
            qres = lh.merge(bad.select(*QUARANTINE_COLUMNS), BRONZE_QUARANTINE, keys=["quarantine_key"])
            summary.quarantine_version = qres.version
            # A bad record seen again in a re-ingest is still accounted for as quarantined
            # (it is in the quarantine table), just not stored twice.
    finally:
        raw.unpersist()
    summary.seconds = time.time() - t0
    return summary
