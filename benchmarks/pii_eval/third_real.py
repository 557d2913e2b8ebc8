"""The third real set: Polish IRC lines (#linuxpl, IRCnet) from Debian's ``fortunes-pl``, hand-labelled.

    apt-get install fortunes-pl        # /usr/share/games/fortunes/pl/linuxpl (UTF-8), GPL-2+

Each cookie of the ``linuxpl`` file is a short IRC log; a line ``<nick> message`` (continuation lines, indented,
joined to it) becomes one record with the nick prefix dropped, as in the earlier real sets. A fixed sample
is taken: lines of 25 characters or more with a capitalised word after the first or a word ending in ":"
(an addressee), none with an ``@`` (hostmasks), ordered by the sha256 of the text. Every sampled line was read
and labelled by hand (``third_labels``) before anything was scored.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

FORTUNES_PL_DIR = Path(os.environ.get("FORTUNES_PL_DIR", "/usr/share/games/fortunes/pl"))
FORTUNES_PL_FILE = "linuxpl"
N_LINES = 330
MSG_RE = re.compile(r"^<[@+]?([^<>\s]+)>\s+(.*)$")
NICK_ADDRESS_RE = re.compile(r"(?:^|\s)[\w\[\]|^`{}\\-]+[:,]\s")


@dataclass(frozen=True)
class RealLine:
    key: str
    text: str
    speaker: str
    lang: str = "pl"
    source: str = "fortunes-pl:linuxpl"


def key_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def irc_messages(raw: str) -> list[RealLine]:
    """Every ``<nick> message`` of the file, continuation lines joined with a space, nick dropped."""
    out: list[RealLine] = []
    for cookie in re.split(r"^%\s*$", raw, flags=re.M):
        current: list[str] | None = None
        for line in cookie.splitlines() + ["<end> "]:
            m = MSG_RE.match(line)
            if m or not line.startswith(" ") or current is None:
                if current:
                    text = " ".join(current[1:]).strip()
                    out.append(RealLine(key_of(text), text, current[0]))
                current = [m.group(1), m.group(2).strip()] if m else None
            else:
                current.append(line.strip())
    return out


def eligible(line: RealLine) -> bool:
    text = line.text
    capital_inside = any(w[0].isupper() for w in text.split()[1:] if w[0].isalpha())
    return len(text) >= 25 and "@" not in text and (capital_inside or bool(NICK_ADDRESS_RE.search(text)))


def sample_lines(path: Path | None = None, n: int = N_LINES) -> list[RealLine]:
    raw = (path or FORTUNES_PL_DIR / FORTUNES_PL_FILE).read_text(encoding="utf-8")
    seen, pool = set(), []
    for line in irc_messages(raw):
        if eligible(line) and line.key not in seen:
            seen.add(line.key)
            pool.append(line)
    return sorted(pool, key=lambda ln: ln.key)[:n]


def build_third_real(lines: list[RealLine] | None = None) -> list[dict]:
    """Records of the sampled lines with their hand labels (``third_labels``); ids ``tr-<key>``."""
    from pii_eval import third_labels
    from pii_eval.build import build_false_positive

    lines = sample_lines() if lines is None else lines
    unknown = (set(third_labels.PII) | set(third_labels.NEUTRAL)) - {ln.key for ln in lines}
    if unknown:
        raise SystemExit(f"hand labels for lines that are not in the sample: {sorted(unknown)}")
    return build_false_positive(lines, labels=third_labels, prefix="tr")
