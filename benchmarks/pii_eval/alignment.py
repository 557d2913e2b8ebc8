"""Map a scrubbed text back onto the text it came from: which characters survived, which were replaced by what.

The scrubber's contract is that its output is the input with some spans replaced by placeholders
(``tunehouse.contracts.placeholders``). So the output is read as literal runs and placeholders; the literal
runs must appear in the input in order and every placeholder stands for a non-empty input span between
them. ``align`` solves that as one regular expression over the input (literal runs escaped, each placeholder
a lazy group); a placeholder-like token that was already in the input ("<G>" in an IRC line) may match
itself. When the output is not of that shape (the scrubber changed other text), ``align`` falls back to a
character diff and says so (``exact=False``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from tunehouse.contracts.placeholders import PLACEHOLDER_RE


@dataclass
class Alignment:
    """``kept[i]``: input character i is in the output verbatim at its place; ``replaced``: (start, end, type)."""

    kept: list[bool]
    replaced: list[tuple[int, int, str]] = field(default_factory=list)
    exact: bool = True


def align(original: str, scrubbed: str) -> Alignment:
    if original == scrubbed:
        return Alignment([True] * len(original))
    pieces = _pieces(scrubbed)
    pattern = "".join(_piece_pattern(p, original) for p in pieces)
    m = re.fullmatch(pattern, original, flags=re.DOTALL)
    if m is None:
        return _diff_alignment(original, scrubbed)
    kept = [True] * len(original)
    replaced = []
    placeholders = [p for p in pieces if isinstance(p, tuple)]
    for group, (_, typ) in zip(range(1, len(placeholders) + 1), placeholders):
        if m.group(group) is None:  # the placeholder-like token was input text, kept as is
            continue
        start, end = m.span(group)
        kept[start:end] = [False] * (end - start)
        replaced.append((start, end, typ))
    return Alignment(kept, replaced)


def _pieces(scrubbed: str) -> list[str | tuple[str, str]]:
    """Literal runs (str) and placeholders ((token, TYPE)) of the scrubbed text, in order."""
    out: list[str | tuple[str, str]] = []
    pos = 0
    for m in PLACEHOLDER_RE.finditer(scrubbed):
        if m.start() > pos:
            out.append(scrubbed[pos:m.start()])
        out.append((m.group(0), m.group(1)))
        pos = m.end()
    if pos < len(scrubbed):
        out.append(scrubbed[pos:])
    return out


def _piece_pattern(piece: str | tuple[str, str], original: str) -> str:
    if isinstance(piece, str):
        return re.escape(piece)
    token = piece[0]
    return f"(?:{re.escape(token)}|(.+?))" if token in original else "(.+?)"


def _diff_alignment(original: str, scrubbed: str) -> Alignment:
    """Fallback: characters in matching blocks of a diff are kept; replaced runs take the type of the
    placeholder the output has there (``?`` when none)."""
    kept = [False] * len(original)
    replaced = []
    sm = difflib.SequenceMatcher(None, original, scrubbed, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            kept[i1:i2] = [True] * (i2 - i1)
        elif i2 > i1:
            m = PLACEHOLDER_RE.search(scrubbed[j1:j2])
            replaced.append((i1, i2, m.group(1) if m else "?"))
    return Alignment(kept, replaced, exact=False)
