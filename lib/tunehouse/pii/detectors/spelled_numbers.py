"""Phone numbers written out in words ("oh seven four four six, oh four nine, seven oh two"): people spell a
number in chats to keep it from filters and bots, and no digit-based detector sees it. English digit words
("oh", "zero" ... "nine", "double", "triple"); seven digits or more, after a phone cue or starting with "oh" /
"zero" (a trunk prefix), and not counting ("one two three four five six seven")."""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import Scan, detector
from tunehouse.pii.entity import Candidate

_DIGITS = {"oh": 0, "o": 0, "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
           "six": 6, "seven": 7, "eight": 8, "nine": 9}
_WORD = r"(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)"
_RUN_RE = re.compile(rf"(?i)\b{_WORD}(?:(?:[ \t]*[,\-][ \t]*|[ \t]+){_WORD}){{6,}}\b")
_CUE_BEFORE_RE = re.compile(r"(?i)\b(?:number|phone|mobile|cell|call|ring|text|whats\s?app|reach|digits|landline)"
                            r"\b[^.!?\n]{0,30}$")
_HINT_RE = re.compile(r"(?i)\b(?:oh|zero|nought|double|triple)\b|\b(?:one|two|three|four|five|six|seven|eight|nine)"
                      r"[ ,\-]+(?:one|two|three|four|five|six|seven|eight|nine|oh|zero)\b")
# every match of _HINT_RE holds one of these words: looked for in ``Scan.low`` first (see ``Scan.may_hold``)
_HINT_WORDS_RE = re.compile(r"oh|zero|nought|double|triple|one|two|three|four|five|six|seven|eight|nine")


def _digits(run: str) -> list[int] | None:
    """The digits a run of digit words spells ("double four" is 4 4), None if "double"/"triple" ends it."""
    out, repeat = [], 1
    for w in re.findall(r"[A-Za-z]+", run.lower()):
        if w in ("double", "triple"):
            repeat = 2 if w == "double" else 3
            continue
        out.extend([_DIGITS[w]] * repeat)
        repeat = 1
    return out if repeat == 1 else None


@detector("PHONE")
def spelled_phones(scan: Scan) -> list[Candidate]:
    """Seven or more spelled digits after a phone cue, or starting with a trunk "oh"/"zero"."""
    text = scan.text
    if not scan.may_hold(_HINT_WORDS_RE) or not _HINT_RE.search(text):
        return []
    out = []
    for m in _RUN_RE.finditer(text):
        digits = _digits(m.group())
        if not digits or len(digits) < 7:
            continue
        counting = all(b - a == 1 for a, b in zip(digits, digits[1:]))
        first = m.group().split()[0].strip(",-").lower()
        if counting or not (first in ("oh", "o", "zero", "nought")
                            or _CUE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())):
            continue
        out.append(Candidate("PHONE", m.start(), m.end(), 0.85))
    return out
