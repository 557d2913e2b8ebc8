"""Payment data: card numbers (Luhn-valid, with an issuer prefix and a length that issuer uses:
``validators.CARD_IIN_RANGES``; not an amount after a currency sign), card security codes after a cue, and
IBANs (country length and mod-97 checked).

Card numbers by shape are scanned with phone numbers, in ``digit_runs``; the checks that decide
what is a card number (``card_length``, ``card_end``) live here.
"""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import Cue, Scan, detector
from tunehouse.pii.entity import Candidate
from tunehouse.pii.validators import IBAN_LEN, card_iin_ok, iban_ok, luhn_ok, mod97_ok

CARD_RE = re.compile(r"\d(?<![\w\-+.,/]\d)[ -]?(?:\d[ -]?){10,17}\d(?![\w\-]|[.,]\d)")
# a digit run glued to a currency sign is an amount ("€3277777777777777777"), never a card number
_CURRENCY_BEFORE_RE = re.compile(r"[$€£¥₹₽₩₺¢][ \u00a0]?$")
_CVV_RE = re.compile(
    r"(?i:\b(?:cvv2?|cvc2?|csc|cid|security code|card verification (?:code|value)|código de seguridad"
    r"|cryptogramme|prüfnummer|kartenprüfnummer)\b)(?:\s*(?:is|es|est|ist|:|#|=|-|number|code)\s*)*\s*(\d{3,4})\b")
_IBAN_RE = re.compile(r"\b([A-Za-z]{2})(\d{2})((?:[ \-]?[A-Za-z0-9]){10,32})")
_IBAN_HEAD_RE = re.compile(r"[A-Za-z]{2}\d{2}[ \-]?$")  # digits right after "DE89 " belong to an IBAN
CVV_CUE = Cue("cvv cvv2 cvc cvc2 csc cid security card código cryptogramme prüfnummer kartenprüfnummer")


@detector("IBAN", needs_digit=True)
def ibans(scan: Scan) -> list[Candidate]:
    """IBANs, grouped or not ("DE89 3704 0044 0532 0130 00")."""
    if scan.ndig < 8:
        return []
    text = scan.text
    out = []
    pos = 0
    while True:
        m = _IBAN_RE.search(text, pos)
        if not m:
            return out
        end = iban_end(text, m)
        if end:
            out.append(Candidate("IBAN", m.start(), end, 1.0))
        # a failed candidate does not swallow the IBAN right after it ("MX22M9 Devolvedlo a
        # mi IBAN ES93 ..."): search again after its first four characters
        pos = end or m.start(3)


def iban_end(text: str, m: re.Match) -> int:
    """End of the valid IBAN that the ``_IBAN_RE`` match ``m`` starts (0 if none): as many characters
    as the country's IBAN length, ending at a token boundary."""
    return _country_length_iban_end(text, m) or _misfit_iban_end(text, m.start())


def _country_length_iban_end(text: str, m: re.Match) -> int:
    cc = m.group(1).upper()
    length = IBAN_LEN.get(cc)
    if not length:
        return 0
    need = length - 4
    chars = []
    pos = m.start(3)
    end = m.end(3)
    while pos < end and len(chars) < need:
        ch = text[pos]
        if ch.isalnum():
            chars.append(ch)
        pos += 1
    if len(chars) < need:
        return 0
    if pos < len(text) and text[pos].isalnum() and text[pos - 1].isalnum():
        return 0  # the IBAN must end at a token boundary
    if iban_ok(cc + m.group(2) + "".join(chars)):
        return pos
    # a wrong check digit in the printed form (groups of four, the country's length): a mistyped IBAN, still
    # someone's account; nothing else is written so
    return pos if _PRINTED_IBAN_RE.fullmatch(text, m.start(), pos) else 0


_PRINTED_IBAN_RE = re.compile(r"[A-Z]{2}\d{2}(?: [A-Z0-9]{4})+(?: [A-Z0-9]{1,3})?")
# An IBAN's shape, solid or printed in groups of four, whatever its length: a number copied with a digit too
# many or too few for its country, or of a country we list no length for, still is someone's account
# when its mod-97 check holds (a random string passes 1 time in 97; it must also be mostly digits).
_MISFIT_IBAN_RES = (re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}\b"),
                    re.compile(r"[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?\b"))


def _misfit_iban_end(text: str, start: int) -> int:
    """End of an IBAN-shaped string at ``start`` whose mod-97 check holds though its length does not fit its
    country ("IT81N24877100810458973226989": 28 characters, Italy's are 27), or 0."""
    for pattern in _MISFIT_IBAN_RES:
        m = pattern.match(text, start)
        if m is None:
            continue
        compact = m.group().replace(" ", "")
        if sum(ch.isdigit() for ch in compact) >= 12 and mod97_ok(compact):
            return m.end()
    return 0


@detector("CREDIT_CARD", needs_digit=True, cue=CVV_CUE)
def card_codes(scan: Scan) -> list[Candidate]:
    """A card security code after its cue ("CVV 123", "Prüfnummer: 4567"), scrubbed as CREDIT_CARD."""
    return [Candidate("CREDIT_CARD", m.start(1), m.end(1), 0.9) for m in scan.matches(CVV_CUE, _CVV_RE)]


def card_length(raw: str) -> int:
    """Length of the longest valid card number at the start of ``raw`` (0 if none)."""
    groups = re.split(r"[ -]", raw)
    for n in range(len(groups), 0, -1):
        digits = "".join(groups[:n])
        if not card_iin_ok(digits):
            continue
        if n > 1 and any(len(g) < 3 for g in groups[: n - 1]):
            continue
        if len(set(digits)) == 1 or not luhn_ok(digits):
            continue
        return len(" ".join(groups[:n]))
    return 0


# A card number hard-wrapped across two lines ("4539 1488 0343\n6467"): digit groups, one line break among the
# separators. Taken only when the whole run, read as one line, is a valid card (issuer prefix, Luhn, grouping).
_WRAPPED_CARD_RE = re.compile(r"(?<![\w\-+.,/])\d(?:[ -]?\d){2,}[ \t]*\n[ \t>]*(?:\d[ -]?){0,15}\d(?![\w\-]|[.,]\d)")
_LINE_BREAK_RE = re.compile(r"[ \t]*\n[ \t>]*")


@detector("CREDIT_CARD", needs_digit=True)
def wrapped_cards(scan: Scan) -> list[Candidate]:
    """Card numbers broken by a line break (a mail client's hard wrap, a pasted form): the rest of the scan reads
    each line alone and would find neither half."""
    text = scan.text
    if scan.ndig < 12 or "\n" not in text:
        return []
    out = []
    for m in _WRAPPED_CARD_RE.finditer(text):
        flat = _LINE_BREAK_RE.sub(" ", m.group(), count=1)
        if card_length(flat) == len(flat) and len(re.sub(r"\D", "", flat)) >= 12:
            out.append(Candidate("CREDIT_CARD", m.start(), m.end(), 1.0))
    return out


def card_end(text: str, s: int, e: int, found: list[tuple[int, int]]) -> int:
    """End of the valid card number that starts text[s:e] (0 if none). Digits right after an IBAN's
    head ("DE89 3704 ...") are that IBAN's, unless that head ends a value in ``found``."""
    span = card_length(text[s:e])
    if not span or _CURRENCY_BEFORE_RE.search(text, max(0, s - 2), s):
        return 0
    head = _IBAN_HEAD_RE.search(text, max(0, s - 6), s)
    if head and not any(a <= head.start() < b for a, b in found):
        return 0
    return s + span
