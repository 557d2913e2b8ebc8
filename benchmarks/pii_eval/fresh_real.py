"""The ``fresh_real`` set: real German IRC chat lines, hand-labelled (``fresh_irc_labels``).

Source: Debian's ``fortunes-de`` package (0.35-1, GPL-2+, Andreas Tille and contributors), the cookie files
``infodrom``, ``channel-debian.fortunes`` and ``linuxtag``: quotes of real IRC chat on #debian.de, #Artis,
#LinuxGER and at LinuxTag, as ``<nick> message`` lines. Each message (the ``<nick>`` prefix dropped, as in the
older false-positive set; continuation lines joined; a trailing "-- #Channel" attribution kept as written) is
one record. A fixed sample of 240 lines (the smallest SHA-1 of "fresh" + text among lines of 12+ characters
and 3+ words) was read and labelled by hand before anything was scored.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import fresh_irc_labels
from .build import build_false_positive
from .sources import SourceLine, irc_lines, usable

FORTUNES_DE_DIR = Path("/usr/share/games/fortunes/de")
FORTUNES_DE_FILES = ("infodrom", "channel-debian.fortunes", "linuxtag")
N_LINES = 240
SALT = "fresh"


def irc_lines_de(root: Path = FORTUNES_DE_DIR) -> list[SourceLine]:
    """The ``<nick> message`` messages of the IRC cookie files of fortunes-de, first occurrence only."""
    return irc_lines(root, FORTUNES_DE_FILES, "fortunes-de", "de")


def sample_lines(lines: list[SourceLine], n: int = N_LINES) -> list[SourceLine]:
    ok = [ln for ln in lines if usable(ln, min_chars=12, min_words=3)]
    ranked = sorted((hashlib.sha1((SALT + ln.text).encode("utf-8")).hexdigest(), ln) for ln in ok)
    return [ln for _, ln in ranked[:n]]


def build_fresh_real(lines: list[SourceLine] | None = None) -> list[dict]:
    sample = sample_lines(irc_lines_de() if lines is None else lines)
    unknown = set(fresh_irc_labels.PII) | set(fresh_irc_labels.NEUTRAL)
    unknown -= {ln.key for ln in sample}
    if unknown:
        raise SystemExit(f"hand labels for lines that are not in the sample: {sorted(unknown)}")
    return build_false_positive(sample, fresh_irc_labels, "fr")
