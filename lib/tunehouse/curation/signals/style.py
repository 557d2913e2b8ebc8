"""The house-style score of a reply: the share of ``style_markers`` (case-insensitive Java regexes:
greeting, empathy, concrete next step, closing) its text matches, as a Spark column in [0, 1].

The weighting stage uses it for unrated replies and fractional weights; evaluation scores model
replies with the same markers.
"""

from __future__ import annotations

from pyspark.sql import Column
from pyspark.sql import functions as F


def style_score(content: Column, markers: list[str]) -> Column:
    if not markers:
        return F.lit(0.0)
    hits = [F.when(content.rlike(m), 1.0).otherwise(0.0) for m in markers]
    total = hits[0]
    for h in hits[1:]:
        total = total + h
    return total / F.lit(float(len(markers)))
