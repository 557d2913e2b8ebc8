"""The fourth real set: short jokes and dialogues posted to the Usenet group it.hobby.umorismo, as collected
in Debian's ``fortunes-it`` (file ``it/italia``), hand-labelled in ``fourth_labels.py``.

    apt-get install fortunes-it      # /usr/share/games/fortunes/it/italia

Two parts, each a fixed function of the package's files. The jokes: from ``it/italia``, every fortune attributed to it.hobby.umorismo whose text is one
or two lines and holds a capitalised word after its first, ordered by sha256 of the text, the first
``N_LINES``. The signed quips: from every cookie file of ``it/``, each fortune of one to three lines whose
attribution line holds an e-mail address (Usenet and FidoNet posters of the 1990s: their names, nicks and
addresses are the private PII), text and attribution joined into one line, ascii-art and the two TV-show
signatures left out. A record's id is ``4r-`` + the first 8 hex digits of that hash.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pii_eval.records import capitalised_outside, spans_for

FORTUNES_IT_DIR = Path("/usr/share/games/fortunes/it")
FORTUNES_IT_FILE = FORTUNES_IT_DIR / "italia"
ATTRIBUTION = "-- Da it.hobby.umorismo"
N_LINES = 260
_CAP_AFTER_FIRST = re.compile(r"\s[A-ZÀ-Ý][a-zà-ÿ]")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def candidate_lines(path: Path = FORTUNES_IT_FILE) -> list[str]:
    """The one- or two-line fortunes of it.hobby.umorismo, each joined into one line, in file order."""
    out = []
    for block in path.read_text(encoding="utf-8", errors="replace").split("\n%\n"):
        lines = [ln for ln in block.strip("\n").split("\n") if ln.strip()]
        if not lines or lines[-1].strip() != ATTRIBUTION or not 1 <= len(lines) - 1 <= 2:
            continue
        text = " ".join(ln.strip() for ln in lines[:-1])
        if _CAP_AFTER_FIRST.search(text) and text not in out:
            out.append(text)
    return out


def _blocks(path: Path) -> list[list[str]]:
    return [[ln for ln in block.strip("\n").split("\n") if ln.strip()]
            for block in path.read_text(encoding="utf-8", errors="replace").split("\n%\n")]


def signed_lines(directory: Path = FORTUNES_IT_DIR) -> list[str]:
    """One- to three-line fortunes whose attribution has an e-mail address, with the attribution, in file order."""
    out = []
    for path in sorted(p for p in directory.iterdir() if p.suffix not in (".dat", ".u8") and not p.is_symlink()):
        for lines in _blocks(path):
            att = lines[-1].strip() if lines else ""
            if len(lines) < 2 or len(lines) > 4 or not att.startswith("-- ") or "@" not in att:
                continue
            if "TABLOID" in att or "Dave Barry" in att:
                continue
            text = " ".join(ln.strip() for ln in lines)
            if len(re.findall(r"[A-Za-z]{3,}", " ".join(lines[:-1]))) >= 4 and text not in out:
                out.append(text)
    return out


def sample_lines(path: Path = FORTUNES_IT_FILE, n: int = N_LINES) -> list[str]:
    """The joke sample, then every signed quip (ordered by hash); a line in both is taken once."""
    jokes = sorted(candidate_lines(path), key=_digest)[:n]
    return jokes + [t for t in sorted(signed_lines(path.parent), key=_digest) if t not in jokes]


def build_fourth_real(path: Path = FORTUNES_IT_FILE) -> list[dict]:
    from pii_eval.fourth_labels import NEUTRAL, PII

    records = []
    for text in sample_lines(path):
        key = _digest(text)[:8]
        spans = spans_for(text, PII.get(key, ()))
        neutral = list(NEUTRAL.get(key, ()))
        records.append({"id": f"4r-{key}", "text": text, "spans": spans,
                        "keep": capitalised_outside(text, spans, neutral), "neutral": neutral, "lang": "it",
                        "source": "fortunes-it it/ (Usenet)"})
    return records
