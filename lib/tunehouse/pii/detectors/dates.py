"""Dates of birth: a date after a birth cue ("DOB 12/03/1985", "born on 3 May 1990", "fecha de
nacimiento", "geboren am", "sono nata il", "nasci a"), a date right before one ("am 03.08.1975
geboren") and a year after "born in". Dates of travel are kept."""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import Cue, Scan, detector
from tunehouse.pii.entity import Candidate

_MONTHS = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|"
           r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
           r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
           r"noviembre|diciembre|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|"
           r"septembre|octobre|novembre|décembre|decembre|januar|jänner|februar|märz|maerz|april|"
           r"juni|juli|oktober|dezember|"
           # it, pt, nl (the months the lists above do not already hold)
           r"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|"
           r"mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro|januari|februari|maart|mei|augustus|"
           # sv, nb/da, pl (genitive, as dates write them), fi (partitive), et
           r"maj|augusti|desember|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia|"
           r"pa[źz]dziernika|listopada|grudnia|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|"
           r"kes[äa]kuuta|hein[äa]kuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta|jaanuar|veebruar|"
           r"m[äa]rts|aprill|juuni|juuli|september|detsember)")
_DATE = (rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)?\d{{2}}(?!\d)"
         # Croatian, Czech, Slovak with a blank after each dot ("3. 6. 1952."); Hungarian year first ("1952. 06. 03.")
         rf"|\d{{1,2}}\.[ \t]\d{{1,2}}\.[ \t](?:19|20)\d{{2}}\.?(?!\d)|(?:19|20)\d{{2}}\.[ \t]?\d{{1,2}}\.[ \t]?\d{{1,2}}\.?(?!\d)"
         rf"|(?:19|20)\d{{2}}[./-]\d{{1,2}}[./-]\d{{1,2}}(?!\d)"
         rf"|(?i:ng[àa]y[ \t]+)?\d{{1,2}}[ \t]+(?i:th[áa]ng)[ \t]+\d{{1,2}}[ \t]+(?i:n[ăa]m)[ \t]+(?:19|20)\d{{2}}"  # vi
         rf"|\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?(?i:{_MONTHS})\.?,?\s+(?:del?\s+)?(?:19|20)\d{{2}}"
         rf"|(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})")
_DOB_RE = re.compile(
    r"(?i:\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s?date|born(?:\s+on)?|(?:my|his|her|their|child'?s|son'?s"
    r"|daughter'?s|wife'?s|husband'?s)\s+(?:birthday|date\s+of\s+birth|dob)(?:\s+is)?|birthday\s+is"
    r"|fecha\s+de\s+nacimiento|f\.\s*nac\.?|nacid[oa](?:\s+el)?|n[ée](?:e|\(e\))?\s+le|date\s+de\s+naissance"
    r"|geboren(?:\s+(?:am|op))?|geburtsdatum|geb\.|nac[íi](?:\s+el)?|nasci(?:d[oa])?(?:\s+(?:a|em|no|na))?"
    r"|data\s+de\s+nascimento|sono\s+nat[oa](?:\s+il)?|nat[oa]\s+il|data\s+di\s+nascita|geboortedatum"
    r"|urodzi(?:[łl]em|[łl]am)|urodzon[ya]|ur\.|data\s+urodzenia|s[üu]nnip[äa]ev|s[üu]ndinud|s[üu]nniaeg"
    r"|s[üu]nnikuup[äa]ev|f[øö](?:dt|dd|d)(?:\s+den)?|f[øö]dselsdato|f[öø]delsedatum|f[øö]dselsdag|syntynyt|syntym[äa]aika"
    r"|geboren\s+op"
    # ca, pt, tr, hr/sr/bs, ro, hu, cs, sk
    r"|data\s+de\s+naixement|nascud?[ta]|nascimento|dt\.\s*nasc\.?|do[ğg]um\s+tarihi|do[ğg]umlu|datum\s+ro[đd]enja"
    r"|ro[đd]en[ai]?|data\s+na[șşs]terii|n[ăa]scut[ăa]?|sz[üu]let(?:ett|[ée]si\s+(?:d[áa]tum|id[őo]))|sz[üu]l\."
    r"|datum\s+narozen[íi]|narozen[aá]?|nar\.|d[áa]tum\s+narodenia|narodil[a]?"
    r"|tarehe\s+ya\s+kuzaliwa|nilizaliwa|ng[àa]y\s+sinh|sinh\s+ng[àa]y|ημερομηνία\s+γέννησης|γεννήθηκα)(?!\w))"
    r"[^\n\d]{0,25}?(" + _DATE + r")")
# the date before its cue: "Ich bin am 03.08.1975 geboren", "I was 3 May 1990 born"
_DATE_THEN_BORN_RE = re.compile(r"(?i:\b(?:am|on|le|il|el|op|em)\s+)(" + _DATE + r")(?i:\s+(?:geboren|born|n[ée]e?|nat[oa]))\b")
_BORN_IN_RE = re.compile(r"(?i:\bborn\s+in\s+)((?:19|20)\d{2})(?!\d)")
DOB_CUE = Cue(
    "dob d.o.b date birth birthdate born my his her their child's childs son's sons daughter's "
    "daughters wife's husband's birthday fecha f. nacido nacida né née ne nee geboren geburtsdatum "
    "geb. nací naci nasci nascido nascida data sono nato nata geboortedatum urodziłem urodziłam "
    "urodzilem urodzilam urodzony urodzona ur. sünnipäev sunnipaev sündinud sundinud sünniaeg sunniaeg "
    "sünnikuupäev født fødd född fodd fødselsdato födelsedatum fødselsdag syntynyt syntymäaika né(e) "
    "naixement nascut nascuda nascimento dt. doğum dogum doğumlu dogumlu datum rođen rođena rođeni roden rodena "
    "nașterii naşterii nasterii născut născută nascut nascuta született szuletett születési szuletesi szül. szul. "
    "narození narozeni narozen narozena nar. dátum narodil narodila tarehe nilizaliwa ngày ngay sinh ημερομηνία "
    "γεννήθηκα")
BORN_CUE = Cue("born")
BORN_AFTER_CUE = Cue("geboren born né née nato nata")


@detector("DATE_OF_BIRTH", needs_digit=True, cue=DOB_CUE)
def dates_of_birth(scan: Scan) -> list[Candidate]:
    """A full date after a birth cue."""
    return [Candidate("DATE_OF_BIRTH", m.start(1), m.end(1), 0.95) for m in scan.matches(DOB_CUE, _DOB_RE)]


@detector("DATE_OF_BIRTH", needs_digit=True, cue=BORN_AFTER_CUE)
def dates_before_born(scan: Scan) -> list[Candidate]:
    """A full date right before its birth word ("Ich bin am 03.08.1975 geboren")."""
    return [Candidate("DATE_OF_BIRTH", m.start(1), m.end(1), 0.9) for m in _DATE_THEN_BORN_RE.finditer(scan.text)]


@detector("DATE_OF_BIRTH", needs_digit=True, cue=BORN_CUE)
def birth_years(scan: Scan) -> list[Candidate]:
    """A year after "born in"."""
    return [Candidate("DATE_OF_BIRTH", m.start(1), m.end(1), 0.8) for m in scan.matches(BORN_CUE, _BORN_IN_RE)]
