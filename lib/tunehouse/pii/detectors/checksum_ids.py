"""National identifiers found by their written shape and validated by their check digits with
``python-stdnum`` (``validators.NATIONAL_ID_RULES``): Swiss AHV numbers, Polish PESEL, Estonian
isikukood, German Steuer-ID, Belgian national numbers, Dutch BSN, Portuguese NIF and Italian codici
fiscali. Spanish DNI/NIE, UK NINO and French NIR are found in ``identifiers.national_ids``.

A shape only says which rules to try; a value is kept when one of them accepts it. Nine-digit
numbers pass the BSN or NIF check one time in eleven by chance, so they are taken only unbroken or
in the BSN's dotted grouping, and not right after a word that makes them an order or a price
(``contact.phone_context_ok``). A number that a phone cue introduced stays a phone number.
"""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import Scan, detector
from tunehouse.pii.detectors.contact import phone_context_ok
from tunehouse.pii.entity import Candidate
from tunehouse.pii.validators import NATIONAL_ID_RULES

_B = r"(?<![\w+\-./,])"  # no digit, sign or separator before
_E = r"(?![\w\-]|[.,/]\d)"  # none after
# (shape, rules to try): the groupings in which these numbers are written
_SHAPE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"756[. ]?\d{4}[. ]?\d{4}[. ]?\d{2}", ("ch.ahv",)),
    (r"\d{11}", ("pl.pesel", "ee.ik", "be.nn", "de.idnr")),
    (r"\d{2} \d{3} \d{3} \d{3}", ("de.idnr",)),
    (r"\d{2}\.\d{2}\.\d{2}[-.]\d{3}[-.]\d{2}", ("be.nn",)),
    (r"\d{9}|\d{4}\.\d{2}\.\d{3}", ("nl.bsn", "pt.nif")),
    (r"[A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z]\d{3}[A-Za-z]", ("it.codicefiscale",)),
)
_SHAPES: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = tuple((re.compile(_B + rx + _E), rules)
                                                                for rx, rules in _SHAPE_RULES)
# any shape, without the boundaries: a text with no match here has none of the shapes (one search instead of six)
_ANY_SHAPE = re.compile("|".join(f"(?:{rx})" for rx, _ in _SHAPE_RULES))


def _valid(value: str, rules: tuple[str, ...]) -> bool:
    return any(NATIONAL_ID_RULES[rule](value) for rule in rules)


@detector("ID_NUMBER", needs_digit=True)
def checksum_ids(scan: Scan) -> list[Candidate]:
    """National ids of a known shape whose check digits are right."""
    if scan.ndig < 7:  # a codice fiscale holds seven digits, the others nine or more
        return []
    text = scan.text
    if not _ANY_SHAPE.search(text):
        return []
    cued_phones = [(c.start, c.end) for c in scan.found if c.type == "PHONE" and c.score >= 0.95]
    out = []
    for rx, rules in _SHAPES:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in cued_phones) or not _valid(m.group(), rules):
                continue
            if rules[0] == "nl.bsn" and not phone_context_ok(text, s, e):
                continue  # "order 123456782"
            out.append(Candidate("ID_NUMBER", s, e, 0.9))
    return out
