"""Settings of the ``ingest`` section: how raw exports map onto bronze.chat_messages."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from tunehouse.config.base import Section
from tunehouse.contracts.chat import CANONICAL_COLUMNS, ROLES


class IngestSettings(Section):
    format: Literal["auto", "jsonl", "json", "csv", "parquet", "chat_jsonl"] = Field(
        "auto",
        description="Input format; auto decides per file by extension and content: .jsonl/.ndjson one record per line; "
        ".json one record per line, or one JSON document (an array of records/conversations, or an object holding "
        "one); .csv/.tsv; .parquet. Each record is one message, or one conversation holding a list of messages.",
    )
    column_mapping: dict[str, str] = Field(
        {
            "conversation_id": "conv_id",
            "message_index": "seq",
            "role": "sender",
            "content": "text",
            "created_at": "sent_at",
            "csat": "csat",
            "agent_id": "agent_id",
            "channel": "channel",
            "language": "lang",
        },
        description="canonical column -> column name in your export. Canonical names also work unmapped, and so do "
        "the names in column_aliases. 'messages' maps the list of messages in conversation-shaped records.",
    )
    column_aliases: dict[str, list[str]] = Field(
        {
            "conversation_id": ["conversation_id", "conversationid", "conversation", "chat_id", "thread_id",
                                "session_id", "ticket_id", "dialog_id", "dialogue_id", "case_id", "transcript_id"],
            "message_index": ["message_index", "seq", "sequence", "turn", "turn_index", "position", "msg_index",
                              "message_number", "index", "idx"],
            "role": ["role", "sender", "speaker", "author", "from", "sender_type", "author_role", "author_type",
                     "participant", "party", "user_type", "direction"],
            "content": ["content", "text", "message", "body", "value", "utterance", "msg", "message_text",
                        "transcript"],
            "created_at": ["created_at", "timestamp", "sent_at", "time", "ts", "datetime", "date", "created",
                           "created_time", "sent", "posted_at"],
            "csat": ["csat", "rating", "satisfaction", "csat_score", "satisfaction_score", "score"],
            "agent_id": ["agent_id", "agent", "agent_name", "assignee", "operator_id"],
            "channel": ["channel", "source", "medium"],
            "language": ["language", "lang", "locale"],
            "messages": ["messages", "conversation", "conversations", "turns", "dialog", "dialogue", "utterances",
                         "transcript", "chat", "items"],
        },
        description="Fallback names tried, in order and case-insensitively (spaces/dashes as underscores), when a "
        "record has neither the mapped nor the canonical column: other exports work without a mapping. An alias "
        "value that does not parse (a non-numeric turn id, an unknown date format) is left empty rather than "
        "quarantining the message; mapped and canonical columns are strict.",
    )
    role_mapping: dict[str, str] = Field(
        {
            "customer": "user",
            "client": "user",
            "user": "user",
            "human": "user",
            "visitor": "user",
            "guest": "user",
            "end_user": "user",
            "enduser": "user",
            "end-user": "user",
            "contact": "user",
            "traveler": "user",
            "traveller": "user",
            "caller": "user",
            "requester": "user",
            "inbound": "user",
            "agent": "assistant",
            "assistant": "assistant",
            "bot": "assistant",
            "chatbot": "assistant",
            "gpt": "assistant",
            "model": "assistant",
            "ai": "assistant",
            "operator": "assistant",
            "support": "assistant",
            "support_agent": "assistant",
            "representative": "assistant",
            "rep": "assistant",
            "staff": "assistant",
            "advisor": "assistant",
            "outbound": "assistant",
            "system": "system",
        },
        description="value in your export's role column (lower-cased) -> system|user|assistant. Unknown values are quarantined.",
    )
    dayfirst: bool = Field(
        False, description="Read ambiguous slash dates as day/month/year (03/05/2024 = 3 May); default month/day/year. "
        "ISO 8601, epoch numbers and dotted dates (05.03.2024) are unambiguous."
    )
    csv_delimiter: str | None = Field(
        None, description="CSV field delimiter; null sniffs it from the header line among , ; tab and | (.tsv: tab)."
    )
    max_content_chars: int = Field(
        20_000, ge=1, description="Messages longer than this are quarantined as absurdly long (pasted logs, dumps)."
    )
    allow_empty_content: bool = Field(
        False, description="Keep empty/whitespace-only messages in bronze (curation filters them) instead of quarantining."
    )

    @field_validator("role_mapping")
    @classmethod
    def _roles_valid(cls, v: dict[str, str]) -> dict[str, str]:
        bad = {k: r for k, r in v.items() if r not in ROLES}
        if bad:
            raise ValueError(f"role_mapping values must be one of {list(ROLES)}, got {bad}")
        return {k.lower(): r for k, r in v.items()}

    @field_validator("column_mapping", "column_aliases")
    @classmethod
    def _canonical_keys(cls, v: dict) -> dict:
        allowed = (*CANONICAL_COLUMNS, "messages")
        bad = sorted(set(v) - set(allowed))
        if bad:
            raise ValueError(f"unknown canonical column(s) {bad}; allowed: {list(allowed)}")
        return v

    @field_validator("csv_delimiter")
    @classmethod
    def _one_char(cls, v: str | None) -> str | None:
        if v is not None:
            v = {"\\t": "\t", "tab": "\t"}.get(v, v)
            if len(v) != 1:
                raise ValueError(f"csv_delimiter must be one character (or 'tab'), got {v!r}")
        return v
