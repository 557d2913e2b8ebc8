"""Normalisation: one raw message record (a dict from JSON, CSV or Parquet) -> a canonical row, or a
:class:`Reject` with a reason code and a human-readable reason.

Columns are found by :class:`Fields` (``ingest.column_mapping``, the canonical name, then
``ingest.column_aliases``, also case- and separator-insensitively). A value found under a mapped or
canonical name is validated strictly (a bad value rejects the record); one found only under an alias
is best effort (a bad value counts as missing), because an alias guesses what a column means. Plain
functions, no Spark: unit-tested directly and run inside the Spark Python workers.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from tunehouse.ingest.settings import IngestSettings

CANONICAL = ("conversation_id", "message_index", "role", "content", "created_at", "csat", "agent_id", "channel", "language")


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
        try:
            secs = value / 1000.0 if value > 1e11 else float(value)  # epoch millis or seconds
            return datetime.fromtimestamp(secs, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):  # 1e300, -1e20, NaN: outside what a date can hold
            raise Reject("bad_created_at", f"created_at {value!r} is outside the years 1..9999") from None
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


def opt_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    s = str(value).strip()
    return s or None


_MISSING = object()
_KEY_SEPARATORS = re.compile(r"[\s\-.]+")


@functools.lru_cache(maxsize=8192)  # the same few column names, millions of times
def fold_key(key: Any) -> str:
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


class Fields:
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
            self._folded = {fold_key(k): v for k, v in self.rec.items()}
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
            v = folded.get(fold_key(name), _MISSING)
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
                     fields: "Fields | None" = None) -> dict:
    """Map one raw message record (a dict from JSON/CSV/Parquet) to canonical columns, or raise Reject.

    Columns are found by :class:`Fields` (mapping, canonical name, aliases). ``defaults`` supplies values
    a message of a conversation-shaped record inherits from its conversation (id, rating, agent, ...);
    ``fields`` reuses the lookup of a caller that already inspected the record. The checks run in a
    fixed order (id, index, role, content, rating, weight, time): a record with several problems is
    rejected for the first.
    """
    if not isinstance(rec, dict):
        raise Reject("not_an_object", f"expected a JSON object per line, got {type(rec).__name__}")
    fields = fields or Fields(rec, cfg)
    defaults = defaults or {}

    def get(canon: str) -> tuple[Any, bool]:
        value, strict = fields.get(canon)
        if value is None and canon in defaults:
            return defaults[canon]
        return value, strict

    conv = opt_str(_scalar("conversation_id", get("conversation_id")[0]))
    if conv is None:
        raise Reject("missing_conversation_id", f"missing conversation_id ({_where('conversation_id', cfg)})")
    idx = _message_index(*get("message_index"))
    role = _role(get("role")[0], cfg)
    content = _content(get("content")[0], cfg)
    csat = _lenient(_parse_csat, *get("csat"))
    weight = _weight(rec.get("weight"))
    return {
        "conversation_id": conv,
        "message_index": idx,
        "role": role,
        "content": content,
        "created_at": _lenient(lambda v: _parse_timestamp(v, cfg.dayfirst), *get("created_at")),
        "csat": csat,
        "agent_id": opt_str(_scalar("agent_id", get("agent_id")[0])),
        "channel": opt_str(_scalar("channel", get("channel")[0])),
        "language": opt_str(_scalar("language", get("language")[0])),
        "weight": weight,
    }


def _scalar(name: str, value: Any) -> Any:
    """A text column's value, or Reject when it is a list or an object (stored as its Python repr before)."""
    if isinstance(value, (list, dict)):
        raise Reject(f"bad_{name}", f"{name} is a JSON {'array' if isinstance(value, list) else 'object'}, "
                     "expected a string or a number")
    return value


def _where(canon: str, cfg: IngestSettings) -> str:
    return f"column {cfg.column_mapping.get(canon, canon)!r} or one of ingest.column_aliases.{canon}"


INT64_MAX = 2**63 - 1  # message_index is a Delta long: a larger one failed the whole job in Arrow


def _message_index(value: Any, strict: bool) -> int | None:
    idx = _lenient(lambda v: _parse_int("message_index", v, required=False), value, strict)
    if idx is not None and not 0 <= idx <= INT64_MAX:
        if strict:
            raise Reject("bad_message_index", f"message_index {idx} is negative" if idx < 0 else
                         f"message_index {str(idx)[:30]}... is larger than a 64-bit integer")
        idx = None
    return idx


def _role(raw_role: Any, cfg: IngestSettings) -> str:
    """The canonical role of a sender label, through ``ingest.role_mapping``."""
    if isinstance(raw_role, dict):  # {"role": "user", "name": ...} author objects
        raw_role = raw_role.get("role")
    if raw_role is None or (isinstance(raw_role, str) and not raw_role.strip()):
        raise Reject("missing_role", f"missing role ({_where('role', cfg)})")
    role = cfg.role_mapping.get(str(raw_role).strip().lower())
    if role is None:
        raise Reject("unknown_role", f"unknown role {raw_role!r}; known: {', '.join(sorted(cfg.role_mapping))} "
                     "(extend ingest.role_mapping)")
    return role


def _content(value: Any, cfg: IngestSettings) -> str:
    content = _as_text(value)
    if content is None:
        raise Reject("missing_content", f"missing content ({_where('content', cfg)})")
    if not isinstance(content, str):
        raise Reject("bad_content_type", f"content has type {type(content).__name__}, expected a string")
    if not content.strip() and not cfg.allow_empty_content:
        raise Reject("empty_content", "empty or whitespace-only content (set ingest.allow_empty_content=true to keep)")
    if len(content) > cfg.max_content_chars:
        raise Reject("content_too_long", f"content is {len(content):,} chars > ingest.max_content_chars={cfg.max_content_chars:,}")
    return content


def _weight(weight: Any) -> float | None:
    if weight is not None and (isinstance(weight, bool) or not isinstance(weight, (int, float))
                               or not math.isfinite(weight)):  # json.loads reads NaN and Infinity
        raise Reject("bad_weight", f"weight {weight!r} is not a (finite) number")
    return float(weight) if weight is not None else None


def _parse_csat(value: Any) -> int | None:
    if opt_str(value) in (None, "n/a", "N/A", "na", "NA", "null", "None"):
        return None
    csat = _parse_int("csat", value, required=False)
    if csat is not None and not 1 <= csat <= 5:
        raise Reject("bad_csat", f"csat {csat} outside 1..5")
    return csat


def record_conversation_id(rec: Any, cfg: IngestSettings, conversation: bool,
                            fields: "Fields | None" = None) -> str | None:
    """The conversation id of a record; a conversation-shaped record may also call it id/_id/uuid."""
    if not isinstance(rec, dict):
        return None
    conv = (fields or Fields(rec, cfg)).get("conversation_id")[0]
    if conv is None and conversation:
        conv = next((rec[k] for k in ("id", "_id", "uuid") if opt_str(rec.get(k)) is not None), None)
    return None if isinstance(conv, (list, dict)) else opt_str(conv)
