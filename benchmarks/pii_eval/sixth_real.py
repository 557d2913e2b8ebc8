"""The ``sixth_real`` set: every fortune of Debian ``fortunes-mario``'s ``mario.computadores`` (real Usenet,
mailing-list and IRC quotes with their posters' names, mail headers and signatures, computer jokes; Portuguese
and English), one record per fortune, labelled by hand (``sixth_labels``).

Ids ``6r-<sha256 of the text, 8 hex digits>``; the fortunes in ``sixth_labels.EXCLUDED`` (also in an older set's
source) are left out. Needs ``apt-get install fortunes-mario``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pii_eval import sixth_labels
from pii_eval.records import _whole_word, capitalised_outside, occurrences

MARIO_FILE = Path("/usr/share/games/fortunes/mario.computadores")
SOURCE = "fortunes-mario mario.computadores"

_PT = {"não", "que", "você", "é", "um", "uma", "para", "pra", "com", "os", "eu", "sobre", "na", "da", "do", "de", "em",
       "se", "mas", "mais", "ser", "o", "quem", "por", "seu", "sua", "como", "tem", "isso", "há", "está"}
_EN = {"the", "is", "and", "to", "of", "you", "it", "that", "in", "are", "on", "be", "for", "what", "with", "not"}


def fortune_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def read_fortunes(path: Path = MARIO_FILE) -> list[str]:
    """The fortunes of a fortune file, in file order, trailing blanks stripped."""
    raw = path.read_text(encoding="utf-8")
    return [f.strip("\n").rstrip() for f in raw.split("\n%\n") if f.strip()]


# read by hand where the word count gets it wrong (an English mailing-list quote)
LANGUAGE_BY_HAND = {"6661455b": "en"}


def language(text: str) -> str:
    """'pt' or 'en': whichever language's common words are more frequent in the text."""
    if fortune_key(text) in LANGUAGE_BY_HAND:
        return LANGUAGE_BY_HAND[fortune_key(text)]
    words = re.findall(r"[^\W\d_]+", text.lower())
    return "pt" if sum(w in _PT for w in words) > sum(w in _EN for w in words) else "en"


def label_spans(text: str, labels: list[tuple[str, str]]) -> list[dict]:
    """Spans for every whole-word occurrence of each labelled value; longer values first, and an occurrence
    inside an already labelled span is skipped ("Gordon" inside "Gordon McMillan")."""
    spans: list[dict] = []
    for typ, value in sorted(labels, key=lambda tv: -len(tv[1])):
        found = [(a, b) for a, b in occurrences(text, value) if _whole_word(text, a, b)]
        if not found:
            raise ValueError(f"label {typ}:{value!r} not found in {text!r}")
        spans += [{"start": a, "end": b, "type": typ, "value": value} for a, b in found
                  if not any(s["start"] < b and a < s["end"] for s in spans)]
    return sorted(spans, key=lambda s: s["start"])


def build_sixth_real(path: Path = MARIO_FILE) -> list[dict]:
    records = []
    for text in read_fortunes(path):
        key = fortune_key(text)
        if key in sixth_labels.EXCLUDED:
            continue
        spans = label_spans(text, sixth_labels.PII.get(key, []))
        neutral = list(sixth_labels.NEUTRAL.get(key, []))
        records.append({"id": f"6r-{key}", "text": text, "spans": spans,
                        "keep": capitalised_outside(text, spans, neutral), "neutral": neutral,
                        "lang": language(text), "source": SOURCE})
    unknown = (set(sixth_labels.PII) | set(sixth_labels.NEUTRAL)) - {r["id"][3:] for r in records}
    if unknown:
        raise SystemExit(f"labels for fortunes that are not in the file: {sorted(unknown)}")
    return records
