"""The chat format every stage agrees on: roles, splits, canonical bronze columns, and the rules of a chat message.

One owner for these facts; ingest, curation, training, the pre-flight report, the served model and evaluation
import them. A training line is ``{"messages": [{"role", "content", "weight"?, "name"?}, ...]}``:

* ``role`` one of :data:`ROLES` and ``content`` a string are required;
* ``weight`` is for assistant messages only: a number in [0, 1] (not a bool, not NaN), missing = 1; exactly
  0 or 1 unless fractional weights are allowed;
* any other key (OpenAI's tool-calling keys included) is not part of the format.

:func:`line_error` and :func:`message_errors` return every broken rule as ``(code, message)`` pairs; the codes
are the pre-flight report's (``tunehouse validate-data``), which lists them all. The trainer refuses a line on the
codes it cannot train around and ignores the others (see ``tunehouse.training.data``).
"""

from __future__ import annotations

import math
from typing import Any

ROLES = ("system", "user", "assistant")
SPLITS = ("train", "validation", "test")
# bronze.chat_messages columns every export is mapped onto (ingest.column_mapping keys; 'messages' is the
# message list of conversation-shaped records).
CANONICAL_COLUMNS = ("conversation_id", "message_index", "role", "content", "created_at", "csat", "agent_id",
                     "channel", "language")

MESSAGE_KEYS = ("role", "content", "weight", "name")
REQUIRED_MESSAGE_KEYS = ("role", "content")
# OpenAI tool calling: neither the trainer nor the chat templates do it, so these are named in the errors
TOOL_CALLING_KEYS = ("function_call", "tool_calls", "tool_call_id")
TOOL_CALLING_ROLES = ("tool", "function")
_TOOL_HINT = " (tool calling is not supported)"


def line_error(row: Any) -> tuple[str, str] | None:
    """What is wrong with the shape of one parsed line (an object with a non-empty ``messages`` list), or None."""
    if not isinstance(row, dict):
        return "data_type", f"line is a JSON {type(row).__name__}, expected an object"
    messages = row.get("messages")
    if messages is None:
        return "missing_messages_list", "no 'messages' list"
    if not isinstance(messages, list):
        return "messages_not_list", f"'messages' is a {type(messages).__name__}, expected a list"
    if not messages:
        return "empty_messages", "'messages' is empty (a non-empty list is required)"
    return None


def message_errors(m: Any, index: int, allow_fractional_weights: bool = False) -> list[tuple[str, str]]:
    """Every broken rule of message ``index`` of a line, as ``(code, message)``."""
    where = f"message {index}"
    if not isinstance(m, dict):
        return [("message_not_object", f"{where} is a {type(m).__name__}, expected an object")]
    errors = []
    for k in m:
        if k not in MESSAGE_KEYS:
            hint = _TOOL_HINT if k in TOOL_CALLING_KEYS else ""
            errors.append(("message_unrecognized_key", f"{where} has key {k!r}{hint}; allowed: {', '.join(MESSAGE_KEYS)}"))
    missing = [k for k in REQUIRED_MESSAGE_KEYS if k not in m]
    if missing:
        errors.append(("message_missing_key", f"{where} has no {' and no '.join(map(repr, missing))}"))
    role = m.get("role")
    if "role" in m and role not in ROLES:
        hint = _TOOL_HINT if role in TOOL_CALLING_ROLES else ""
        errors.append(("unrecognized_role", f"{where} has role {role!r}{hint}; allowed: {', '.join(ROLES)}"))
    if "content" in m and not isinstance(m["content"], str):
        kind = "null" if m["content"] is None else type(m["content"]).__name__
        errors.append(("content_not_string", f"{where} content is {kind}, expected a string"))
    if "weight" in m:
        if role != "assistant":
            errors.append(("weight_on_non_assistant", f"{where} ({role}) has a weight; only assistant messages may"))
        else:
            problem = weight_error(m["weight"], allow_fractional_weights)
            if problem:
                errors.append((problem[0], f"{where} {problem[1]}"))
    return errors


def weight_error(w: Any, allow_fractional: bool = False) -> tuple[str, str] | None:
    """The weight rule of an assistant message: ``(code, message)`` when ``w`` breaks it, else None."""
    if not is_number(w) or math.isnan(w) or not 0 <= w <= 1:
        return "invalid_weight", f"weight {w!r} is not a number in [0, 1]"
    if w not in (0, 1) and not allow_fractional:
        return "fractional_weight", f"weight {w!r} must be 0 or 1 (fractional weights are off)"
    return None


def is_number(v: Any) -> bool:
    """An int or float, and not a bool (JSON true is not a weight)."""
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def message_weight(m: dict) -> float:
    """The loss weight of a valid message: its ``weight`` for an assistant (missing = 1), 0 for the others."""
    return float(m.get("weight", 1)) if m.get("role") == "assistant" else 0.0
