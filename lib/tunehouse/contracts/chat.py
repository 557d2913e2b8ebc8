"""The chat format every stage agrees on: roles, splits, canonical bronze columns.

One owner for these facts; ingest, curation, training, the served model and evaluation import them.
"""

from __future__ import annotations

ROLES = ("system", "user", "assistant")
SPLITS = ("train", "validation", "test")
# bronze.chat_messages columns every export is mapped onto (ingest.column_mapping keys; 'messages' is the
# message list of conversation-shaped records).
CANONICAL_COLUMNS = ("conversation_id", "message_index", "role", "content", "created_at", "csat", "agent_id",
                     "channel", "language")
