"""How much of each thing the generator plants, and when the logs happen: the numbers the module
docstring of :mod:`tunehouse.synthetic.generator` promises, in one place. Rates are of conversations
unless said otherwise; most are quotas, not coin flips, so small runs still contain every kind."""

from __future__ import annotations

from datetime import datetime, timezone

# Duplicates and re-exports (shares of all conversations)
EXACT_DUP_RATE = 0.02
SCRUB_DUP_RATE = 0.01
NEAR_DUP_RATE = 0.05
REEXPORT_RATE = 0.005
# Rows of the export files replaced by a malformed version
MALFORMED_ROW_RATE = 0.01
# Conversation shapes
LONG_MESSAGE_RATE = 0.003
FOREIGN_RATE = 0.01
MISLABEL_RATE = 0.02
CSAT_MISSING = 0.30
NO_AGENT_RATE = 0.04
UNANSWERED_RATE = 0.10
HANDOFF_RATE = 0.03
# (kind, probability per customer message): garbage inserted right after a customer message.
GARBAGE_RATES = [("empty", 0.006), ("whitespace", 0.004), ("keyboard_mash", 0.005), ("emoji_only", 0.010),
                 ("attachment", 0.006), ("null_text", 0.002)]
MOJIBAKE_RATE = 0.01
MAX_MESSAGES = 14

# Time: 18 months of business-hour-heavy traffic
START = datetime(2023, 7, 1, tzinfo=timezone.utc)
SPAN_DAYS = 549  # ~18 months
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2]
