"""Dates of birth: a date after a birth cue ("DOB 12/03/1985", "born on 3 May 1990", "fecha de
nacimiento", "geboren am"), and a year after "born in". Dates of travel are kept."""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import Cue, Scan, detector
from tunehouse.pii.entity import Candidate

_MONTHS = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
           r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
           r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
           r"noviembre|diciembre|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
           r"septembre|octobre|novembre|décembre|decembre|januar|jänner|februar|märz|maerz|april|"
           r"juni|juli|oktober|dezember)")
_DATE = (rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)?\d{{2}}(?!\d)"
         rf"|(?:19|20)\d{{2}}[./-]\d{{1,2}}[./-]\d{{1,2}}(?!\d)"
         rf"|\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?(?i:{_MONTHS})\.?,?\s+(?:del?\s+)?(?:19|20)\d{{2}}"
         rf"|(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})")
_DOB_RE = re.compile(
    r"(?i:\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s?date|born(?:\s+on)?|(?:my|his|her|their|child'?s|son'?s"
    r"|daughter'?s|wife'?s|husband'?s)\s+(?:birthday|date\s+of\s+birth|dob)(?:\s+is)?|birthday\s+is"
    r"|fecha\s+de\s+nacimiento|f\.\s*nac\.?|nacid[oa](?:\s+el)?|n[ée]e?\s+le|date\s+de\s+naissance"
    r"|geboren(?:\s+am)?|geburtsdatum|geb\.)(?!\w))"
    r"[^\n\d]{0,25}?(" + _DATE + r")")
_BORN_IN_RE = re.compile(r"(?i:\bborn\s+in\s+)((?:19|20)\d{2})(?!\d)")
DOB_CUE = Cue(
    "dob d.o.b date birth birthdate born my his her their child's childs son's sons daughter's "
    "daughters wife's husband's birthday fecha f. nacido nacida né née ne nee geboren geburtsdatum "
    "geb.")
BORN_CUE = Cue("born")


@detector("DATE_OF_BIRTH", needs_digit=True, cue=DOB_CUE)
def dates_of_birth(scan: Scan) -> list[Candidate]:
    """A full date after a birth cue."""
    return [Candidate("DATE_OF_BIRTH", m.start(1), m.end(1), 0.95) for m in scan.matches(DOB_CUE, _DOB_RE)]


@detector("DATE_OF_BIRTH", needs_digit=True, cue=BORN_CUE)
def birth_years(scan: Scan) -> list[Candidate]:
    """A year after "born in"."""
    return [Candidate("DATE_OF_BIRTH", m.start(1), m.end(1), 0.8) for m in scan.matches(BORN_CUE, _BORN_IN_RE)]
