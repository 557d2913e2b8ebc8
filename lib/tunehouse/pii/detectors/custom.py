"""The user's own detectors, from the settings: ``deny_terms`` (terms always scrubbed) and
``extra_patterns`` (regexes by type). They run for every text whatever ``entities`` says, and win
over every built-in type where they overlap (a deny term over an extra pattern)."""

from __future__ import annotations

import collections
import functools
import re

from tunehouse.pii.detectors.base import Detector, Scan
from tunehouse.pii.entity import Candidate
from tunehouse.pii.settings import PiiSettings

DENY_PRIORITY = 120
EXTRA_PRIORITY = 115


def custom_detectors(settings: PiiSettings) -> list[Detector]:
    """The detectors of ``settings.deny_terms`` and ``settings.extra_patterns`` (none when unset)."""
    out = []
    deny = deny_patterns(settings.deny_terms)
    if deny:
        out.append(Detector("deny_terms", frozenset(t for t, _ in deny),
                            functools.partial(_matches, deny, DENY_PRIORITY)))
    extra = [(typ, re.compile(pat)) for typ, pat in settings.extra_patterns.items()]
    if extra:
        out.append(Detector("extra_patterns", frozenset(t for t, _ in extra),
                            functools.partial(_matches, extra, EXTRA_PRIORITY)))
    return out


def deny_patterns(terms: list[str]) -> list[tuple[str, re.Pattern]]:
    """One case-insensitive whole-word pattern per type: a term is PERSON unless written 'TYPE:term'."""
    deny: dict[str, list[str]] = collections.defaultdict(list)
    for term in terms:
        m = re.fullmatch(r"([A-Z][A-Z0-9_]*):(.+)", term)
        typ, val = (m.group(1), m.group(2).strip()) if m else ("PERSON", term)
        deny[typ].append(val)
    return [
        (typ, re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(v) for v in sorted(vals, key=len, reverse=True))
                         + r")(?!\w)"))
        for typ, vals in deny.items()]


def _matches(patterns: list[tuple[str, re.Pattern]], priority: int, scan: Scan) -> list[Candidate]:
    """Every non-empty match of each pattern, as its type, with score 1.0."""
    return [Candidate(typ, m.start(), m.end(), 1.0, priority)
            for typ, rx in patterns for m in rx.finditer(scan.text) if m.end() > m.start()]
