"""The seventh real set: a fixed sample of Debian ``fortunes-br`` (file ``brasil``), each fortune one record,
hand-labelled (``seventh_labels``).

The fortunes are Brazilian Portuguese quotes with their authors' names, jokes, dialogues and a few lines of
Debian developers and IRC users. Mostly a PRECISION set: most names are public figures (``neutral``: the
attribution after ``--`` unless the labels say it is no person or a private one), the few private people,
nicks and handles are spans, and every other capitalised word must survive (``keep``).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pii_eval.records import capitalised_outside, occurrences
from pii_eval.seventh_labels import EXTRA_KEYS, NEUTRAL, NOT_PEOPLE, PII

BRASIL_FILE = Path("/usr/share/games/fortunes/brasil")
SAMPLE_SIZE = 290
SALT = "7r"
ATTRIBUTION_RE = re.compile(r"^\s*--\s*-?\s*(\S.*?)\s*$")


def cookie_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def cookies(path: Path = BRASIL_FILE) -> list[str]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    return [c.strip("\n") for c in raw.split("\n%\n") if c.strip()]


def _usable(text: str) -> bool:
    """Not too short or long, and with a capitalised word after the first: something a scrubber could touch."""
    return 30 <= len(text) <= 420 and bool(re.search(r"[\s\"'(][A-ZÁÉÍÓÚÂÊÔÃÕÇ][a-zà-ü]", text))


def sample_cookies(path: Path = BRASIL_FILE) -> list[str]:
    """The ``SAMPLE_SIZE`` usable fortunes with the smallest SHA-1 of (salt + text), plus the ``EXTRA_KEYS``
    fortunes (the file's few lines with private people and nicks), in file order."""
    all_cookies = cookies(path)
    ranked = sorted((c for c in all_cookies if _usable(c)),
                    key=lambda c: hashlib.sha1((SALT + c).encode("utf-8")).hexdigest())
    chosen = {cookie_key(c) for c in ranked[:SAMPLE_SIZE]} | set(EXTRA_KEYS)
    return [c for c in all_cookies if cookie_key(c) in chosen]


def attribution(text: str) -> str | None:
    """The name after the last ``--`` line (cut at a comma, semicolon or bracket), if the fortune has one."""
    lines = [ln for ln in text.split("\n") if ln.strip() and not ln.strip().startswith("Retirado de")]
    m = ATTRIBUTION_RE.match(lines[-1]) if lines else None
    if not m:
        return None
    name = re.split(r"[,;(]| em \"| circa ", m.group(1))[0].strip(" .")
    return name or None


def label_spans(text: str, labels: list[tuple[str, str]]) -> list[dict]:
    """Spans for (TYPE, value) labels at every whole-word occurrence; longer values first, and a shorter value
    inside a longer one's span is no second span. A label that does not occur is an error."""
    spans: list[dict] = []
    for typ, value in sorted(labels, key=lambda tv: -len(tv[1])):
        found = [(a, b) for a, b in occurrences(text, value) if _whole_word(text, a, b)]
        if not found:
            raise ValueError(f"label {typ}:{value!r} not found in {text!r}")
        for a, b in found:
            if not any(s["start"] < b and a < s["end"] for s in spans):
                spans.append({"start": a, "end": b, "type": typ, "value": value})
    return sorted(spans, key=lambda s: s["start"])


def _whole_word(text: str, a: int, b: int) -> bool:
    return (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum())


def record(text: str) -> dict:
    key = cookie_key(text)
    spans = label_spans(text, PII.get(key, []))
    neutral = list(NEUTRAL.get(key, []))
    author = attribution(text)
    if author and author not in NOT_PEOPLE and not any(author in s["value"] or s["value"] in author for s in spans):
        neutral.insert(0, author)
    lang = "en" if key in ENGLISH else "pt"
    return {"id": f"seventh_r-{key}", "text": text, "spans": spans,
            "keep": capitalised_outside(text, spans, neutral), "neutral": neutral, "lang": lang,
            "source": f"fortunes-br:{BRASIL_FILE.name}"}


ENGLISH: frozenset[str] = frozenset()  # keys of fortunes written in English (none in the sample so far)


def build_seventh_real(path: Path = BRASIL_FILE) -> list[dict]:
    return [record(c) for c in sample_cookies(path)]
