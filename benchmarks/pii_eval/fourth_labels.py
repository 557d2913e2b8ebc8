"""Hand labels of the fourth_real lines (fourth_real.py), keyed by the first 8 hex digits of sha256(text)."""

PII: dict[str, list[tuple[str, str]]] = {}
NEUTRAL: dict[str, list[str]] = {}
