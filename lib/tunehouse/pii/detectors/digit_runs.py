"""Card numbers and phone numbers by shape: both are runs of digit groups, so they are scanned in one
step, around the values already found and around each other.

A match that fails its checks where it runs into a value found before ("NL07 ABNA 6172 8630 57 4427
4706 1597 4443": an IBAN, then a card) is cut there and the scan goes on after that value, as a
second scan of the scrubbed text would see it (see ``base.scan_around``).
"""

from __future__ import annotations

from tunehouse.pii.detectors.base import Scan, detector, scan_around, strong_spans
from tunehouse.pii.detectors.contact import PHONE_RE, phone_ok, phone_prefix
from tunehouse.pii.detectors.financial import CARD_RE, card_end
from tunehouse.pii.entity import Candidate


@detector("CREDIT_CARD", "PHONE", needs_digit=True)
def cards_and_phones(scan: Scan) -> list[Candidate]:
    """Card numbers, then phone numbers around them (a phone number never overlaps a stronger
    value), then card numbers again where a failed card match ran into a phone number ("0591 602
    39 58 4654312734202799")."""
    text, enabled = scan.text, scan.enabled
    cards = "CREDIT_CARD" in enabled and scan.ndig >= 12
    phones = "PHONE" in enabled and scan.ndig >= 8
    if not (cards or phones):
        return []
    before = scan.found
    strong = strong_spans(before) if before else []
    soft = sorted((c.start, c.end) for c in before if c.type == "STREET_ADDRESS" and c.score >= 0.85)
    out: list[Candidate] = []
    found = [(c.start, c.end) for c in before]
    misses: list[tuple[int, int]] = []  # card matches that failed their checks

    def card_try(s: int, e: int) -> int:
        end = card_end(text, s, e, found)
        if not end:
            misses.append((s, e))
        return end

    def card_cut(s: int, e: int) -> int:
        return card_end(text, s, e, found)

    if cards:
        out.extend(Candidate("CREDIT_CARD", s, e, 1.0)
                   for s, e in scan_around(CARD_RE, text, strong, card_try, card_cut, soft=soft))
        if out:
            strong = strong_spans(before + out)
    if not phones:
        return out
    n_cards = len(out)
    out.extend(Candidate("PHONE", s, e, 0.85) for s, e in scan_around(
        PHONE_RE, text, strong, lambda s, e: e if phone_ok(text, s, e, text[s:e]) else 0,
        lambda s, e: phone_prefix(text, s, e) if e > s else 0, outranked=True, soft=soft))
    if misses and any(c.start < me and ms < c.end for c in out[n_cards:] for ms, me in misses):
        every = before + out
        have = {(c.start, c.end) for c in every if c.type == "CREDIT_CARD"}
        out.extend(Candidate("CREDIT_CARD", s, e, 1.0) for s, e in scan_around(
            CARD_RE, text, strong_spans(every, phones=True), card_cut, card_cut, soft=soft) if (s, e) not in have)
    return out
