"""Segments: a message is a list of ``(text, category, label, who)`` pieces; this module owns building
them (literal text, PII, places, other kept values), filling templates, mapping text edits over them,
and reading the text and labelled spans back.

Offsets are computed only when the final text is assembled, so any per-piece edit (lower-casing,
mojibake, quoting) keeps the truth exact by construction. ``category`` is None for plain text,
"pii", "place" or "keep" (non-PII that must survive scrubbing); ``label`` is the PII type or kind.
"""

from __future__ import annotations

import re

# Template slot -> the PII type recorded in the truth file
PII_TYPES = {"name": "PERSON", "first": "PERSON", "last": "PERSON", "agent": "PERSON", "email": "EMAIL",
             "phone": "PHONE", "card": "CREDIT_CARD", "iban": "IBAN", "ssn": "SSN", "ip": "IP_ADDRESS",
             "address": "STREET_ADDRESS", "passport": "PASSPORT", "dob": "DATE_OF_BIRTH", "ref": "BOOKING_REF",
             "pnr": "BOOKING_REF"}


def lit(text: str) -> list[tuple]:
    return [(text, None, None, None)]


def pii(value: str, slot: str, who: str = "customer") -> list[tuple]:
    return [(value, "pii", PII_TYPES[slot], who)]


def place(value: str, kind: str) -> list[tuple]:
    if value.startswith("the "):  # "the UK": the article is not part of the name
        return [("the ", None, None, None), (value[4:], "place", kind, None)]
    return [(value, "place", kind, None)]


def keep(value: str, kind: str) -> list[tuple]:
    return [(value, "keep", kind, None)]


_SLOT = re.compile(r"\{([a-z_0-9]+)\}")
_PARSED: dict[str, list[tuple[str | None, str | None]]] = {}


def render(template: str, ctx: dict[str, list[tuple]]) -> list[tuple]:
    parts = _PARSED.get(template)
    if parts is None:
        parts, pos = [], 0
        for m in _SLOT.finditer(template):
            if m.start() > pos:
                parts.append((template[pos:m.start()], None))
            parts.append((None, m.group(1)))
            pos = m.end()
        if pos < len(template):
            parts.append((template[pos:], None))
        _PARSED[template] = parts
    out: list[tuple] = []
    for text, slot in parts:
        if slot is None:
            out.append((text, None, None, None))
        else:
            out.extend(ctx[slot])
    return out


def seg_map(segs: list[tuple], fn, pii_too: bool = True) -> list[tuple]:
    return [(fn(s[0]) if (pii_too or s[1] != "pii") else s[0], s[1], s[2], s[3]) for s in segs]


def text_of(segs: list[tuple] | None) -> str | None:
    return None if segs is None else "".join(s[0] for s in segs)


def spans(segs: list[tuple] | None):
    """``(category, label, who, value, start, end)`` of every labelled piece, offsets in the final text."""
    pos = 0
    for text, cat, label, who in segs or ():
        end = pos + len(text)
        if cat is not None:
            yield cat, label, who, text, pos, end
        pos = end
