"""Record shapes: whether one raw record is a single message or a whole conversation, and turning it into
raw rows (canonical columns + ok/reason + lineage) for the Spark source.

A conversation-shaped record is recognised by its message list: chat JSONL ``{"messages": [...]}``,
ShareGPT ``{"conversations": [{"from", "value"}]}``, helpdesk exports with a transcript list; a
plain-text transcript (``"Customer: hi\nAgent: hello"``) under one of the message-list names; or a
prompt/response pair (``instruction``/``response``, ``question``/``answer``, ...). Anything else is one
message (:func:`~tunehouse.ingest.normalize.normalize_record`).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Iterator

from tunehouse.ingest.normalize import (
    CANONICAL,
    Fields,
    Reject,
    fold_key,
    normalize_record,
    record_conversation_id,
)
from tunehouse.ingest.settings import IngestSettings

RAW_PAYLOAD_MAX = 100_000  # keep the evidence, but not a 50 MB pasted log per row


def conversation_messages(rec: Any, cfg: IngestSettings, fields: "Fields | None" = None) -> list | None:
    """The message list of a conversation-shaped record, or None for a one-message record.

    Recognised: a list of message objects (``{"messages": [...]}``, ShareGPT's ``{"conversations":
    [{"from", "value"}]}``, ...); a transcript string under one of the message-list names
    (``"Customer: hi\nAgent: hello"``, see :func:`parse_transcript`); a prompt/response pair
    (``instruction``/``response``, ``question``/``answer``, ``prompt``/``completion``, ...) in a record
    with no role column.
    """
    if not isinstance(rec, dict):
        return None
    fields = fields or Fields(rec, cfg)
    value, _ = fields.get("messages")
    if isinstance(value, list):
        return value if all(isinstance(m, dict) for m in value) else None
    folded = fields.folded()
    for name in ("messages", *cfg.column_aliases.get("messages", ())):
        text = folded.get(fold_key(name))
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
    record with folded keys (:meth:`Fields.folded`)."""
    prompt = next((folded[n] for n in _PROMPT_NAMES if isinstance(folded.get(n), str)), None)
    reply = next((folded[n] for n in _REPLY_NAMES if isinstance(folded.get(n), str)), None)
    if prompt is None or reply is None:
        return None
    system = next((folded[n] for n in ("system", "system_prompt") if isinstance(folded.get(n), str)), None)
    msgs = [{"role": "system", "content": system}] if system and system.strip() else []
    return msgs + [{"role": "user", "content": prompt}, {"role": "assistant", "content": reply}]


def expand_conversation(obj: Any, raw_line: str, cfg: IngestSettings, messages: list | None = None,
                        fields: "Fields | None" = None) -> list[dict]:
    """A conversation-shaped record -> canonical message dicts (or Reject for the whole record).

    Messages are ordered by their position in the list. Conversation-level columns (id, rating, agent,
    channel, language, time) apply to every message that lacks its own. Without an id, a stable one is
    derived from the record's content, so re-ingesting the same record is a no-op.
    """
    if not isinstance(obj, dict):
        raise Reject("not_an_object", f"expected a JSON object per line, got {type(obj).__name__}")
    fields = fields or Fields(obj, cfg)
    msgs = messages if messages is not None else conversation_messages(obj, cfg, fields)
    if msgs is None:
        value = fields.get("messages")[0]
        if isinstance(value, list):
            bad = next(i for i, m in enumerate(value) if not isinstance(m, dict))
            raise Reject("bad_messages", f"messages[{bad}] is {type(value[bad]).__name__}, expected an object")
        raise Reject("bad_messages", "a conversation record needs a non-empty 'messages' list")
    if not msgs:
        raise Reject("bad_messages", "a conversation record needs a non-empty 'messages' list")
    conv = record_conversation_id(obj, cfg, conversation=True, fields=fields)
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


# ----------------------------------------------------------------------------- raw rows
def empty_row(fmt: str, path: str, line: int) -> dict:
    return {c: None for c in CANONICAL} | {"weight": None, "source_file": path, "source_line": line, "source_format": fmt}


def rows_from_record(rec: Any, raw: str, fmt: str, path: str, line: int, cfg: IngestSettings) -> Iterator[dict]:
    """One raw record -> canonical rows (a conversation-shaped record gives one row per message)."""
    base = empty_row(fmt, path, line)
    fields = Fields(rec, cfg) if isinstance(rec, dict) else None  # one column lookup per record
    messages = conversation_messages(rec, cfg, fields)
    try:
        if fmt == "chat_jsonl" or messages is not None:
            canon = expand_conversation(rec, raw, cfg, messages, fields)
        else:
            canon = [normalize_record(rec, cfg, fields=fields)]
    except Reject as r:
        conv = record_conversation_id(rec, cfg, fmt == "chat_jsonl" or messages is not None, fields)
        yield base | {"ok": False, "reason_code": r.code, "reason": r.reason, "raw_payload": raw[:RAW_PAYLOAD_MAX],
                      "conversation_id": conv}
        return
    for c in canon:
        yield base | c | {"ok": True, "reason_code": None, "reason": None, "raw_payload": None}


def reject_row(fmt: str, path: str, line: int, code: str, reason: str, raw: str) -> dict:
    return empty_row(fmt, path, line) | {"ok": False, "reason_code": code, "reason": reason,
                                         "raw_payload": raw[:RAW_PAYLOAD_MAX]}
