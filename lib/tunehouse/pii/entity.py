"""What detection produces: the ``Entity`` spans the scrubber reports, the ``Candidate`` spans its
detectors propose, and the rank (``PRIORITY``) that decides between overlapping candidates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entity:
    """A detected PII span: ``text[start:end]`` is a value of ``type`` (an entity type name)."""

    type: str
    start: int
    end: int
    score: float


# Entity priorities when spans overlap (higher wins; then longer, then earlier).
PRIORITY = {
    "CUSTOM": 120, "EMAIL": 100, "URL": 95, "CREDENTIAL": 93, "USERNAME": 91, "IBAN": 92, "CREDIT_CARD": 90, "SSN": 88, "IP_ADDRESS": 86,
    "ID_NUMBER": 84, "DATE_OF_BIRTH": 82, "PASSPORT": 80, "BOOKING_REF": 76, "STREET_ADDRESS": 70,
    "PHONE": 60, "PERSON": 40,
}
OTHER_PRIORITY = 110  # a type of the user's (extra_patterns and deny_terms give their own)
CUED_PERSON_PRIORITY = 65  # a name after a strong cue or in a signature wins over a phone number

# Types whose confident candidates (score >= 0.85) will become placeholders whatever else overlaps
# them: digit runs are scanned around them (see ``detectors.base.strong_spans``).
STRONG_TYPES = frozenset(("EMAIL", "URL", "CREDENTIAL", "USERNAME", "IBAN", "CREDIT_CARD", "SSN", "IP_ADDRESS",
                          "ID_NUMBER", "DATE_OF_BIRTH", "PASSPORT"))


class Candidate:
    """A span a detector proposes; the resolver keeps the best of overlapping ones (``prio`` first).

    A plain slotted class rather than a dataclass: detection creates many of them per text."""

    __slots__ = ("type", "start", "end", "score", "prio")

    def __init__(self, typ: str, start: int, end: int, score: float, prio: int | None = None):
        self.type, self.start, self.end, self.score = typ, start, end, score
        self.prio = PRIORITY.get(typ, OTHER_PRIORITY) if prio is None else prio

    def __repr__(self) -> str:
        return f"Candidate({self.type!r}, {self.start}, {self.end}, {self.score}, prio={self.prio})"
