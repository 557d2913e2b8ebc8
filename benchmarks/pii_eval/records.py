"""The record format of the evaluation sets, how a record's text is assembled with exact spans, and the split.

A record is one JSON line::

    {"id": "og-000123", "text": "...", "spans": [{"start", "end", "type", "value"}],
     "keep": ["Lisbon", "Spanish", ...], "neutral": [...], "lang": "de", "source": "..."}

``spans`` are the PII values (``text[start:end] == value``), ``keep`` the strings that must survive
scrubbing, ``neutral`` strings that are neither (a public figure's name, an ambiguous nickname): the
scorer neither rewards nor penalises what happens to them.

The dev / held-out split is a fixed function of the id (``split_of``), so adding records never moves an
existing one to the other side.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path

HELDOUT_PERCENT = 30
SPLITS = ("dev", "heldout")

# a word (letters, digits, apostrophes, hyphens) not glued to an address, path or tag; kept when capitalised
WORD_RE = re.compile(r"(?<![\w@#/.<])[^\W\d_][\w'’\-]*(?<![-'’])")


def split_of(record_id: str) -> str:
    """'heldout' for ~30% of ids, 'dev' for the rest; stable: sha256 of the id, first 8 hex digits."""
    bucket = int(hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "heldout" if bucket < HELDOUT_PERCENT else "dev"


class TextBuilder:
    """Assemble a text piece by piece, recording where each PII value lands."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self.spans: list[dict] = []
        self.keep: list[str] = []
        self.neutral: list[str] = []

    def text(self, s: str) -> TextBuilder:
        self._parts.append(s)
        self._len += len(s)
        return self

    def pii(self, typ: str, value: str) -> TextBuilder:
        self.spans.append({"start": self._len, "end": self._len + len(value), "type": typ, "value": value})
        return self.text(value)

    def keeper(self, value: str) -> TextBuilder:
        if value not in self.keep:
            self.keep.append(value)
        return self.text(value)

    def build(self, record_id: str, **meta) -> dict:
        text = "".join(self._parts)
        keep = [k for k in self.keep if not _inside_span(text, k, self.spans)]
        return {"id": record_id, "text": text, "spans": self.spans, "keep": keep,
                "neutral": list(self.neutral), **meta}


def _inside_span(text: str, value: str, spans: list[dict]) -> bool:
    """True when every occurrence of ``value`` lies inside a PII span (then it cannot also be kept)."""
    occ = occurrences(text, value)
    return bool(occ) and all(any(s["start"] <= a and b <= s["end"] for s in spans) for a, b in occ)


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of ``value`` in ``text``, left to right."""
    out, i = [], text.find(value)
    while value and i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + len(value))
    return out


def spans_for(text: str, labels: Iterable[tuple[str, str]]) -> list[dict]:
    """Spans for hand labels given as (TYPE, value): every whole-word occurrence of the value."""
    spans = []
    for typ, value in labels:
        found = [(a, b) for a, b in occurrences(text, value) if _whole_word(text, a, b)]
        if not found:
            raise ValueError(f"label {typ}:{value!r} not found in {text!r}")
        spans += [{"start": a, "end": b, "type": typ, "value": value} for a, b in found]
    return sorted(spans, key=lambda s: s["start"])


def _whole_word(text: str, a: int, b: int) -> bool:
    return (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum())


def capitalised_outside(text: str, spans: list[dict], neutral: Iterable[str] = ()) -> list[str]:
    """Capitalised words of ``text`` outside every span and neutral string, each once, in order."""
    blocked = [(s["start"], s["end"]) for s in spans]
    for value in neutral:
        blocked += occurrences(text, value)
    out: list[str] = []
    for m in WORD_RE.finditer(text):
        word = m.group(0)
        if word[0].isupper() and word not in out and not any(a < m.end() and m.start() < b for a, b in blocked):
            out.append(word)
    return out


def write_jsonl(path: Path, records: Iterable[dict]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def read_jsonl(path: Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
