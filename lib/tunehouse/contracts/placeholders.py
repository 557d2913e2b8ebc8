"""The placeholder grammar, in one place: what the PII scrubber writes and every later stage recognises.

A scrubbed value becomes ``<TYPE_N>`` (numbered style: the same value keeps its number within a
conversation) or ``<TYPE>`` (typed style). TYPE is upper case letters, digits and underscores, starting
with a letter (``PERSON``, ``STREET_ADDRESS``, a user's ``EMPLOYEE_ID``); N is a positive integer.
"""

from __future__ import annotations

import re

# One placeholder, either style; group 1 = TYPE, group 2 = N or None. TYPE is matched lazily so that
# "<STREET_ADDRESS_2>" splits as ("STREET_ADDRESS", "2").
PLACEHOLDER_RE = re.compile(r"<([A-Z][A-Z0-9_]*?)(?:_(\d+))?>")
# The same as a plain pattern, for Spark SQL regexes and for alternations in other patterns.
PLACEHOLDER_PATTERN = r"<[A-Z][A-Z0-9_]*>"


def placeholder(entity_type: str, number: int | None = None) -> str:
    """``<TYPE_N>`` (numbered) or ``<TYPE>`` (typed)."""
    return f"<{entity_type}_{number}>" if number is not None else f"<{entity_type}>"


def find_placeholders(text: str) -> list[str]:
    """Every placeholder in ``text``, in order, as written."""
    return [m.group(0) for m in PLACEHOLDER_RE.finditer(text)]
