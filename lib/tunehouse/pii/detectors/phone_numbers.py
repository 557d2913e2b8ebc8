"""Phone numbers recognised by ``phonenumbers`` (the Python port of Google's libphonenumber), next
to the regex shapes of ``contact`` / ``digit_runs``: the library knows every country's numbering
plan, so it finds what a regex cannot tell from an amount — national formats ("0664 123 45 67"),
trunk prefixes written in parentheses ("+41 (0)79 123 45 67"), international prefixes written as
00 / 001 ("001-612-330-9921"), and extensions ("x481", "ext. 22", "Durchwahl -82").

A digit run is handed to the library only when it is long enough to be a phone number; it is
parsed for each of ``PHONE_REGIONS`` (a number with a country code once), and kept when the
library calls it *valid* for one of them and its neighbours do not make it an order number, a
price or a date (``contact.phone_context_ok``).
"""

from __future__ import annotations

import re

from phonenumbers import NumberParseException, is_valid_number, parse

from tunehouse.pii.detectors.base import Scan, detector, strong_spans
from tunehouse.pii.detectors.contact import DATE_SHAPE, phone_context_ok
from tunehouse.pii.entity import Candidate, Entity

# The regions whose national formats (no country code) are tried, in this order: where the users
# of a European / North American travel and support chat come from. A number written with "+" or
# an international prefix is the same in every region, so the first region that accepts it is
# enough. Adding a region costs one parse per digit run without a country code.
PHONE_REGIONS: tuple[str, ...] = (
    "US", "GB", "DE", "FR", "ES", "IT", "NL", "PT", "PL", "AT", "CH", "EE", "BE", "IE", "LU", "DK", "SE",
    "CA",
    # then Latin America, Oceania, South Asia, Southern Africa, Central and South-East Europe, Turkey: the
    # national formats of the sixth evaluation set's locales ("11 95965 1558" in Brazil); a number written
    # with a country code never needed them
    "BR", "MX", "AU", "IN", "ZA", "CZ", "SK", "HU", "RO", "HR", "TR",
)

# a run of digit groups that may be a phone number (the library decides): optional "+", groups
# separated by one blank, dot, dash, slash or parenthesis
_RUN_RE = re.compile(r"(?<![\w+@.,/\-])(?:\(\+|[+(])?\d[\d().\-/ ]{5,24}\d(?=x\d|(?![\w]|[.,]\d))")
# an extension after the number the library matched ("x481", "ext. 22", "Durchwahl -82", "-24", Dutch
# "toestel 12", Italian "interno 4", Spanish "extensión 3", Polish "wewn. 21" / "wew. 18", Danish/Norwegian
# "lokal 29", Swedish "ankn. 12", Finnish "alanumero 3")
# Belgian "p. 55" (poste), German "App. 41" (Apparat), Brazilian "ramal 499" / "extensão 83"
_EXT_RE = re.compile(r"(?:\s*(?:ext\.?|extension|x|#|poste|Durchwahl|DW|Nebenstelle|toestel|tst\.?|interno|int\."
                     r"|extensi[óo]n|wewn\.?|wew\.?|p\.|App\.?|Apparat|ramal|extens[ãa]o|lokal|lok\.|anknytning|ankn\.?"
                     r"|sisänumero|alanumero)[\s.:]*[-–]?\s*|-)\d{1,5}(?![\w]|[.,]\d)")
_PLUS_RE = re.compile(r"\(?\+")  # "+34 ...", "(+34) ..."
_SEPARATOR_RE = re.compile(r"\d[ .\-/()]+\d")
# a date inside the run ("2023-09-06 23" of "On 2023-09-06 23:03 ... wrote"), or a time right after it
_DATE_IN_RUN_RE = re.compile(r"(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d\d(?!\d)"
                             # a span of years, as life dates and periods are written: "(1547-1616)", "1914–1918"
                             r"|^\(?(?:1[0-9]|20)\d\d[ \t]?[-–/][ \t]?(?:1[0-9]|20)\d\d\)?$")
_TIME_AFTER_RE = re.compile(r"[:h]\d")


def _digits(val: str) -> int:
    return sum(map(str.isdigit, val))


def _library_match(run: str) -> tuple[int, int] | None:
    """The span of ``run`` when the library parses it as a number valid for one of the regions
    (``parse`` + ``is_valid_number``: a few times cheaper than ``PhoneNumberMatcher``, which would
    also look for numbers inside the run: a number further in is part of something longer)."""
    plus = _PLUS_RE.match(run) is not None
    regions = PHONE_REGIONS[:1] if plus else _regions_by_hits()
    tried = set()
    for region in regions:
        try:
            number = parse(run, region)
        except NumberParseException:
            continue
        # validity depends on the country code and the national significant number only: a number that
        # another region parsed the same ("00..." in every region with that prefix, US and CA) is not re-checked
        key = (number.country_code, number.national_number, number.italian_leading_zero,
               number.number_of_leading_zeros)
        if key in tried:
            continue
        tried.add(key)
        if is_valid_number(number):
            if not plus:
                _REGION_HITS[region] = _REGION_HITS.get(region, 0) + 1
            return 0, len(run)
    return None


# How many national-format numbers each region validated in this process: they are tried most-validating first.
# The answer does not depend on the order (a number is kept when any region validates it), only the number of
# parses does: the users of one chat service mostly write one country's format.
_REGION_HITS: dict[str, int] = {}


def _regions_by_hits() -> list[str]:
    """``PHONE_REGIONS``, those that validated more numbers so far first (ties in ``PHONE_REGIONS`` order)."""
    hits = _REGION_HITS
    if not hits:
        return list(PHONE_REGIONS)
    return sorted(PHONE_REGIONS, key=lambda r: -hits.get(r, 0))


def _plausible(val: str) -> bool:
    """Worth asking the library: 7 to 20 digits (15 and an extension), not a date, and either a country code / trunk
    prefix or digit groups (a bare run like "123456789" is an order or account number more often
    than a phone number)."""
    if not 7 <= _digits(val) <= 20 or DATE_SHAPE.match(val):
        return False
    return val[0] in "+0(" or bool(_SEPARATOR_RE.search(val))


@detector("PHONE", needs_digit=True)
def library_phones(scan: Scan) -> list[Candidate]:
    """Phone numbers the library recognises in the digit runs of the text, with their extension;
    not where a stronger value was found before (a card, an IBAN, an id, a date of birth)."""
    if scan.ndig < 7:
        return []
    text = scan.text
    strong = strong_spans(scan.found)
    out = []
    for run in _RUN_RE.finditer(text):
        s0, e0 = run.start(), run.end()
        if any(a < e0 and s0 < b for a, b in strong) or not _plausible(run.group()):
            continue
        if _DATE_IN_RUN_RE.search(run.group()) or _TIME_AFTER_RE.match(text, e0):
            continue
        span = _library_match(run.group())
        if span is None:
            cut = re.search(r"-\d{1,5}$", run.group())  # "0049 176 81158008-24": a Durchwahl after a dash
            span = _library_match(run.group()[:cut.start()]) if cut else None
        if span is None:
            continue
        s, e = s0 + span[0], s0 + span[1]
        ext = _EXT_RE.match(text, e)
        if ext:
            e = ext.end()
        if e < e0:
            continue  # digits left after the number: part of something longer
        if phone_context_ok(text, s, e):
            out.append(Candidate("PHONE", s, e, 0.85))
    return out


def with_extensions(text: str, ents: list[Entity]) -> list[Entity]:
    """Every PHONE of ``ents`` (sorted, not overlapping) grown over the extension written after it ("<PHONE>
    ramal 499", "<PHONE> App. 41"), whichever detector found the number, unless another entity starts there."""
    out = list(ents)
    for i, e in enumerate(out):
        if e.type != "PHONE":
            continue
        m = _EXT_RE.match(text, e.end)
        if m and (i + 1 == len(out) or out[i + 1].start >= m.end()):
            out[i] = Entity("PHONE", e.start, m.end(), e.score)
    return out
