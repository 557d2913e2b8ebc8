"""Overlapping candidates -> non-overlapping entities.

Candidates are taken by rank: priority of the type (``entity.PRIORITY``), then the longer, then the
earlier. A candidate that overlaps one already taken is dropped, except that, as a second scan of
the scrubbed text (where the winner is a placeholder) would see it:

* a PERSON keeps its longest run of whole words outside the winners ("my name is kathryn krueger
  marykate_d26@outlook.com");
* a PHONE keeps its longest part outside the winners if that is still a phone number ("+1 310 658
  0300 (4380-0940-6856-5030");
* a STREET_ADDRESS that runs into a winner keeps the part before it.

Before that, candidates below ``min_score``, names right after "#" (channels, hashtags), over a placeholder or inside a sure IBAN / card (a
"PIN" that is the head of an IBAN) are dropped, and an address whose house number is the tail of a
phone number starts after it. ``allow`` terms are never reported.
"""

from __future__ import annotations

import re

from tunehouse.contracts.placeholders import PLACEHOLDER_RE
from tunehouse.pii.detectors.contact import cued_phone_ok, phone_ok
from tunehouse.pii.entity import STRONG_TYPES, Candidate, Entity


def resolve(text: str, cands: list[Candidate], min_score: float, allow: frozenset[str] = frozenset()) -> list[Entity]:
    """The entities of ``text`` chosen among ``cands``, sorted by start (scores rounded to 3 places)."""
    cands = _admissible(text, cands, min_score)
    cands.sort(key=lambda c: (-c.prio, -(c.end - c.start), c.start))
    chosen: list[Candidate] = []
    for c in cands:
        clash = [o for o in chosen if c.start < o.end and o.start < c.end]
        if clash and c.type == "PERSON":
            c = _person_rest(text, c, clash)
            if c is None:
                continue
            clash = []
        if clash and c.type == "PHONE":
            c = _phone_rest(text, c, clash)
            if c is None:
                continue
            clash = []
        if clash and c.type == "STREET_ADDRESS":
            c = _address_before(text, c, clash)
            clash = [o for o in chosen if c.start < o.end and o.start < c.end]
        if clash:
            continue
        if allow and text[c.start:c.end].strip().casefold() in allow:
            continue
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return [Entity(c.type, c.start, c.end, round(c.score, 3)) for c in chosen]


_ARTICLE_FUSED_BEFORE = re.compile(r"(?i)(?<!\w)(?:beim|vom|zum|zur|ins)[ \t]+$")


def _admissible(text: str, cands: list[Candidate], min_score: float) -> list[Candidate]:
    """The candidates that may be chosen at all (a new list)."""
    cands = [c for c in cands if c.score >= min_score and c.end > c.start]
    if "#" in text:  # a word after "#" is a channel or a hashtag ("-- #Artis", "#LinuxGER"), never a person
        cands = [c for c in cands if not (c.type == "PERSON" and c.start and text[c.start - 1] == "#")]
    # after a German preposition fused with an article a name is a shop, a brand or a place ("beim Aldi", "zum Lidl")
    cands = [c for c in cands if not (c.type == "PERSON" and c.score < 0.95
                                      and _ARTICLE_FUSED_BEFORE.search(text, max(0, c.start - 8), c.start))]
    # placeholders are never PII
    if "<" in text:
        blocked = [(m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text)]
        if blocked:
            cands = [c for c in cands if not any(c.start < e and s < c.end for s, e in blocked)]
    if len(cands) <= 1:
        return cands
    types = {c.type for c in cands}
    if types & {"CREDENTIAL", "USERNAME"} and types & {"IBAN", "CREDIT_CARD"}:
        # "PIN: IE12 AIBK 0283 ...": the IBAN, not a PIN "IE12"
        sure = [c for c in cands if c.score >= 1.0 and c.type in ("IBAN", "CREDIT_CARD")]
        cands = [c for c in cands if c.type not in ("CREDENTIAL", "USERNAME") or not any(
            o.start <= c.start and c.end <= o.end and (o.start, o.end) != (c.start, c.end) for o in sure)]
    if "PHONE" in types and "STREET_ADDRESS" in types:
        # phones that a stronger value will not take
        strong = [c for c in cands if c.type in STRONG_TYPES and c.score >= 0.85]
        phones = [c for c in cands if c.type == "PHONE" and c.score >= 0.85
                  and not any(o.start < c.end and c.start < o.end for o in strong)]
        if phones:
            cands = [_after_phone(text, c, phones) if c.type == "STREET_ADDRESS" else c for c in cands]
            cands = [c for c in cands if c is not None]
    return cands


def _after_phone(text: str, c: Candidate, phones: list[Candidate]) -> Candidate | None:
    """An address whose house number is the tail of a phone number ("+44 20 7946 0658 I'm Dr.")
    starts after the phone, if a house number is left; else it is no address."""
    for p in phones:
        if p.start < c.start < p.end:
            s = p.end
            while s < c.end and text[s] in " \t,;:-":
                s += 1
            if s >= c.end or not text[s].isdigit():
                return None
            return Candidate(c.type, s, c.end, c.score, c.prio)
    return c


def _outside(c: Candidate, clash: list[Candidate]) -> list[tuple[int, int]]:
    """The pieces of ``c`` that no candidate of ``clash`` covers, in order."""
    pieces, pos = [], c.start
    for a, b in sorted((max(o.start, c.start), min(o.end, c.end)) for o in clash):
        if a > pos:
            pieces.append((pos, a))
        pos = max(pos, b)
    if pos < c.end:
        pieces.append((pos, c.end))
    return pieces


def _person_rest(text: str, c: Candidate, clash: list[Candidate]) -> Candidate | None:
    """The longest run of whole words of a PERSON candidate outside the spans it clashes with
    (None if nothing is left)."""
    best = None
    for a, b in _outside(c, clash):
        if a > c.start and text[a - 1:a].isalnum() and text[a:a + 1].isalnum():
            while a < b and not text[a].isspace():
                a += 1  # never half a word
        if b < c.end and text[b - 1:b].isalnum() and text[b:b + 1].isalnum():
            while b > a and not text[b - 1].isspace():
                b -= 1
        while a < b and not text[a].isalnum():
            a += 1
        while b > a and not (text[b - 1].isalnum() or text[b - 1] in "'’."):
            b -= 1
        if b - a >= 2 and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    return Candidate(c.type, best[0], best[1], c.score, c.prio) if best else None


def _phone_rest(text: str, c: Candidate, clash: list[Candidate]) -> Candidate | None:
    """The longest part of a phone candidate outside the spans it clashes with, if it is still a
    valid phone number (else None)."""
    best = None
    for a, b in _outside(c, clash):
        while a < b and text[a] in " \t.-/),;:":
            a += 1
        while b > a and text[b - 1] in " \t.-/(,;:":
            b -= 1
        if b - a < 7 or best is not None and b - a <= best[1] - best[0]:
            continue
        if c.score >= 0.95:  # after a cue ("call me on ..."): as in contact.cued_phones
            ok = cued_phone_ok(text[a:b])
        else:
            ok = phone_ok(text, a, b, text[a:b])
        if ok:
            best = (a, b)
    return Candidate("PHONE", best[0], best[1], c.score, c.prio) if best else None


def _address_before(text: str, c: Candidate, clash: list[Candidate]) -> Candidate:
    """An address running into a phone number or e-mail keeps the part before it (when that part
    has 6 characters or more and nothing it clashes with starts before it); else ``c`` itself."""
    first = min(o.start for o in clash)
    if first - c.start >= 6 and all(o.start >= c.start for o in clash):
        end = first
        while end > c.start and text[end - 1] in " \t,.;:-–(":
            end -= 1
        return Candidate(c.type, c.start, end, c.score, c.prio)
    return c
