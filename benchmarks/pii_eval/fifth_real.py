"""The fifth real set: every fortune of Debian 'fortunes-es' files ``familia``, ``amistad`` and
``informatica`` (real Spanish text: quotes rich in capitalised names of quoted authors, computer jokes full
of brands and product names, a few nicks and an e-mail), hand-labelled in ``fifth_labels``.

One record per fortune, its lines joined by single spaces; id ``5r-<file>-<index>``."""

from __future__ import annotations

import re
from pathlib import Path

from pii_eval import fifth_labels
from pii_eval.records import capitalised_outside, spans_for

FORTUNES_ES_DIR = Path("/usr/share/games/fortunes/es")
FORTUNES_ES_FILES = ("familia", "amistad", "informatica")
N_LINES = 445


def fortunes(directory: Path = FORTUNES_ES_DIR) -> list[tuple[str, str]]:
    """(key, text) of every fortune of the two files, in file order."""
    out = []
    for name in FORTUNES_ES_FILES:
        path = directory / f"{name}.fortunes"
        if not path.exists():
            raise SystemExit(f"{path} missing: apt-get install fortunes-es")
        items = [re.sub(r"\s+", " ", x).strip() for x in path.read_text(encoding="utf-8").split("\n%\n")]
        out += [(f"{name}-{i:03d}", text) for i, text in enumerate(x for x in items if x)]
    return out


def build_fifth_real(directory: Path = FORTUNES_ES_DIR) -> list[dict]:
    records = []
    for key, text in fortunes(directory):
        spans = spans_for(text, fifth_labels.PII.get(key, []))
        neutral = fifth_labels.NEUTRAL.get(key, [])
        missing = [n for n in neutral if n not in text]
        if missing:
            raise ValueError(f"neutral {missing} not in {key}: {text!r}")
        records.append({"id": f"5r-{key}", "text": text, "spans": spans,
                        "keep": capitalised_outside(text, spans, neutral), "neutral": neutral, "lang": "es",
                        "source": f"fortunes-es {key.split('-')[0]}"})
    if len(records) != N_LINES:
        raise ValueError(f"{len(records)} fortunes, expected {N_LINES}: has fortunes-es changed?")
    return records
