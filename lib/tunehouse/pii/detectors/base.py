"""What every detector shares: the ``Scan`` of one text (the text, facts about it computed once, the
candidates found so far and the positions of cue words), the ``Detector`` interface, and the helpers
that scan digit runs around the values already found.

A detector is a function ``detect(scan) -> list[Candidate]`` wrapped by ``@detector(TYPE, ...)``. It
reads ``scan.text`` and may read ``scan.found``, the candidates of the detectors that ran before it
(``detectors.Pipeline.run`` adds each detector's result to it), so the order of
``detectors.PIPELINE`` matters.

Scrubbing must be idempotent: detect() on scrubbed text finds nothing. So a value must never be
hidden from a scan by a neighbour that becomes a placeholder (a failed match swallowing it, a losing
candidate covering half of it): ``scan_around`` scans, and the resolver cuts losers, the way a second
scan of the scrubbed text would.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from tunehouse.pii.entity import STRONG_TYPES, Candidate
from tunehouse.pii.lexicon import Lexicon, load_lexicon
from tunehouse.pii.settings import ENTITY_TYPES

HAS_DIGIT = re.compile(r"\d")
# The letters that a case-insensitive pattern reads as an ASCII letter but that ``Scan.low`` does not turn into it:
# "İ" and "ı" for "i", "ſ" for "s" (every other letter that (?i) takes for an ASCII one lower-cases to it; checked
# over all of Unicode by tests/pii/test_scan_prefilters.py)
_ODD_FOLDS_RE = re.compile("[\u0130\u0131\u017f]")

# ============================================================================ cue words
# One pass of keyword spotting over the lower-cased text finds where a cue may start; the cue
# regexes are then only tried, anchored, at those positions (instead of at every position).

_WORD_RE = re.compile(r"[^\W\d_][\w'’.\-]*")
_CUES: list[Cue] = []
_CUE_INDEX: dict[str, tuple[int, ...]] = {}  # word -> ids of the cues it may start


class Cue:
    """The words that may start one kind of cue ("passport", "reisepass", ...), registered in the
    keyword index when the detector module is imported: ``scan.at(cue)`` is where they occur in a
    text, ``scan.matches(cue, rx)`` the cue regex's matches there. A word of the text is also tried
    without a trailing ".-'’:"."""

    __slots__ = ("id",)

    def __init__(self, words: str):
        self.id = len(_CUES)
        _CUES.append(self)
        for w in words.split():
            if self.id not in _CUE_INDEX.get(w, ()):
                _CUE_INDEX[w] = _CUE_INDEX.get(w, ()) + (self.id,)


_WORD_SPLIT_RE = re.compile(f"({_WORD_RE.pattern})")  # split: [gap, word, gap, word, ..., gap]
_CUE_STRIP = ".-'’:"


def _spot(low: str) -> dict[int, list[int]]:
    """Cue id -> the start positions of its words in ``low``, in order. The words are those of ``_WORD_RE``
    (split in one call; a word's start is the length of all parts before it, summed only when a word hits)."""
    hits: dict[int, list[int]] = {}
    index = _CUE_INDEX
    parts = _WORD_SPLIT_RE.split(low)
    starts = None
    for j in range(1, len(parts), 2):
        w = parts[j]
        ids = index.get(w)
        if ids is None:
            if w[-1] not in _CUE_STRIP:
                continue
            ids = index.get(w.rstrip(_CUE_STRIP))
            if ids is None:
                continue
        if starts is None:
            starts = list(itertools.accumulate(map(len, parts), initial=0))
        p = starts[j]
        for i in ids:
            if i in hits:
                hits[i].append(p)
            else:
                hits[i] = [p]
    return hits


# ============================================================================ the scan of one text

class Scan:
    """One text being scanned by the detectors.

    ``low`` is ``text`` lower-cased at the same offsets; ``cue_hits`` maps a cue's id to where its
    words start; ``found`` the candidates of the detectors that ran so far; ``long_phones`` the cued
    numbers too long for a phone number (see ``contact.cued_phones``); ``enabled`` the entity types
    the scrubber reports.
    """

    __slots__ = ("text", "low", "has_digit", "ndig", "enabled", "lex", "cue_hits", "found", "long_phones",
                 "_odd_folds")

    def __init__(self, text: str, enabled: Iterable[str] = ENTITY_TYPES, lex: Lexicon | None = None):
        self.text = text
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        self.low = low
        self.has_digit = HAS_DIGIT.search(text) is not None
        self.ndig = sum(map(text.count, "0123456789")) if self.has_digit else 0  # how many digits
        self.enabled = enabled if isinstance(enabled, frozenset) else frozenset(enabled)
        self.lex = lex if lex is not None else load_lexicon()
        self.cue_hits = _spot(low)
        self.found: list[Candidate] = []
        self.long_phones: list[tuple[int, int]] = []
        self._odd_folds: bool | None = None  # whether the text holds one of _ODD_FOLDS_RE (looked at when asked)

    def may_hold(self, words: re.Pattern) -> bool:
        """False when a case-insensitive pattern of ASCII letters cannot match the text: ``words`` (case-sensitive,
        lower case) finds in ``low`` what every match of that pattern holds, e.g. its words, and the text has none
        of the few letters that (?i) reads as "i" or "s" but lower() keeps. A prefilter: searching ``low`` with
        ``words`` is several times faster than a case-insensitive search, and most texts hold none of the words."""
        if words.search(self.low):
            return True
        if self._odd_folds is None:
            self._odd_folds = _ODD_FOLDS_RE.search(self.text) is not None
        return self._odd_folds

    def at(self, cue: Cue) -> list[int]:
        """Where the words of ``cue`` start in the text (spotted once per text, for all cues)."""
        return self.cue_hits.get(cue.id, [])

    def matches(self, cue: Cue, rx: re.Pattern) -> list[re.Match]:
        """The matches of ``rx`` anchored where the words of ``cue`` start."""
        out = []
        for p in self.cue_hits.get(cue.id, ()):
            m = rx.match(self.text, p)
            if m:
                out.append(m)
        return out


def may_match_ignoring_case(lowered: re.Pattern, text: str, low: str) -> bool:
    """False when the case-insensitive pattern that ``lowered`` was made from (``case_sensitive``) cannot match
    ``text``; ``low`` is ``text.lower()``. The prefilter of ``Scan.may_hold`` for any piece of a text (a window
    before a name): a case-sensitive search of the lower-cased piece is a few times faster."""
    return lowered.search(low) is not None or _ODD_FOLDS_RE.search(text) is not None


def case_sensitive(rx: re.Pattern) -> re.Pattern:
    """``rx``, a pattern that starts with "(?i)" and holds no capital letter, without "(?i)": what it matches in a
    lower-cased text (see ``may_match_ignoring_case``)."""
    if not rx.pattern.startswith("(?i)") or re.search(r"[A-Z]", re.sub(r"\(\?P[<=]", "", rx.pattern)):
        raise ValueError(f"not a case-insensitive pattern of lower-case letters: {rx.pattern[:60]!r}")
    return re.compile(rx.pattern[4:], rx.flags & ~re.IGNORECASE)


# ============================================================================ the detector interface

@dataclass(frozen=True, slots=True)
class Detector:
    """``detect(scan)`` returns the candidates of ``types`` found in ``scan.text``. The pipeline
    does not call it for a text that cannot hold them: one without a digit (``needs_digit``), or
    without a word of its ``cue``."""

    name: str
    types: frozenset[str]
    detect: Callable[[Scan], list[Candidate]]
    needs_digit: bool = False
    cue: Cue | None = None

    @property
    def family(self) -> str:
        """The module the detector lives in ("contact", "names"): what ``pii.disabled_detectors`` names."""
        return self.detect.__module__.rpartition(".")[2]


def detector(*types: str, needs_digit: bool = False,
             cue: Cue | None = None) -> Callable[[Callable[[Scan], list[Candidate]]], Detector]:
    """``@detector("EMAIL")`` makes a ``Detector`` of a function ``(scan) -> list[Candidate]``."""
    def wrap(fn: Callable[[Scan], list[Candidate]]) -> Detector:
        return Detector(fn.__name__, frozenset(types), fn, needs_digit, cue)
    return wrap


# ============================================================================ scanning around values

def strong_spans(cands: Iterable[Candidate], phones: bool = False) -> list[tuple[int, int]]:
    """Spans of the confident candidates found so far (they will be placeholders), sorted."""
    return sorted((c.start, c.end) for c in cands if c.score >= 0.85 and (
        c.type in STRONG_TYPES or phones and c.type == "PHONE"))


def scan_around(rx: re.Pattern, text: str, spans: list[tuple[int, int]], accept: Callable[[int, int], int],
                accept_cut: Callable[[int, int], int], outranked: bool = False,
                soft: list[tuple[int, int]] | tuple = ()) -> Iterator[tuple[int, int]]:
    """Values matched by ``rx``: ``accept(s, e)`` gives the end of the value in text[s:e] (0: none)
    and the scan goes on after it. A match with no value that runs into one of ``spans`` is cut
    where the span starts (``accept_cut`` on the part before it) and the scan goes on after the
    span, instead of after the match: a second scan, with the span replaced by a placeholder,
    would find what follows it. ``outranked``: the spans win over these values, so a value
    running into one is cut too. ``soft`` spans only cut a match with no value that starts
    before them ("680 64 99 72 77479 Yaman Crossing": a phone number, then an address), or make
    the scan go on after them for one that starts inside them."""
    pos = 0
    while True:
        m = rx.search(text, pos)
        if not m:
            return
        s, e = m.start(), m.end()
        end = accept(s, e) if e > s else 0
        hit = next(((a, b) for a, b in spans if a < e and s < b), None) if spans else None
        if end and not (outranked and hit and hit[0] < end):
            yield s, end
            pos = end
            continue
        if hit is None:
            hit = next(((a, b) for a, b in soft if a < e and s < b), None) if soft else None
            pos = max(e, s + 1)
            if hit is not None:
                if s < hit[0]:
                    cut = trim_cut(text, s, hit[0])
                    end = accept_cut(s, cut) if cut > s else 0
                    if end:
                        yield s, end
                elif hit[1] < e:  # "..., TN 78580 5201 7090 6710 4499": the scan goes on after the address
                    pos = hit[1]
            continue
        if s < hit[0]:
            cut = trim_cut(text, s, hit[0])
            end = accept_cut(s, cut) if cut > s else 0
            if end:
                yield s, end
        pos = max(hit[1], s + 1)


def trim_cut(text: str, s: int, cut: int) -> int:
    """``cut`` moved back over the blanks and an opening parenthesis before it (not before ``s``)."""
    while cut > s and text[cut - 1] in " \t(":
        cut -= 1
    return cut
