"""Street addresses: house number + street + street type in English ("221B Baker Street, London NW1
6XE"), French ("12 rue de la Paix"), Spanish / Italian / Portuguese / Polish with the type first
("Calle Mayor 5, 3º B"), German and Nordic compounds ("Hauptstraße 5"), the rest of the clause after
an address cue ("my address is ...", "ich wohne in ..."), and a postcode after its cue.
"""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import HAS_DIGIT, Cue, Scan, detector
from tunehouse.pii.entity import Candidate

_STREET_TYPES_EN = (
    r"(?:(?:Street|Avenue|Road|Lane|Boulevard|Drive|Court|Place|Square|Terrace|Way|Close|Crescent|Parkway"
    r"|Highway|Circle|Trail|Row|Mews|Grove|Gardens|Hill|Walk|Alley|Plaza|Rise|Vale|Wharf|Quay|Parade"
    r"|Esplanade|Promenade|Heights|Green|Park|Broadway|Loop|Pike|Crossing|Point|Ridge|Run|Strand)\b"
    r"|(?:St|Ave|Av|Rd|Ln|Blvd|Dr|Ct|Pl|Sq|Ter|Cres|Pkwy|Hwy|Cir|Trl|Gdns)\b\.?)")
_UKPC = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_UNIT = (r"(?:,?\s*(?i:apt\.?|apartment|suite|ste\.?|unit|flat|fl\.?|floor|room|rm\.?|bldg\.?|building|#)"
         r"\s*[A-Za-z0-9\-]{1,6})")
_ADDR_TAIL = (
    rf"(?:,\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){{0,2}},?\s+(?:[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?|{_UKPC}|\d{{4,5}})"
    rf"|,?\s+[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?|,?\s+{_UKPC})?")
_ADDR_EN_RE = re.compile(
    rf"\d(?<![\w/.,\-]\d)\d{{0,4}}[A-Za-z]?(?:[-/]\d{{1,4}}[A-Za-z]?)?,?\s+"
    rf"(?:(?:[A-Z][\w'’.\-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,4}}{_STREET_TYPES_EN}"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?{_UNIT}?{_ADDR_TAIL}")
_PRONOUN_I_RE = re.compile(r"\sI(?:['’][a-z]{1,2})?\s")
_ADDR_FR_RE = re.compile(
    r"\d(?<![\w/.,\-]\d)\d{0,3}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|all[ée]e|impasse|chemin"
    r"|quai|cours|route|passage|square|voie|rond-point)\s+(?:(?:de\s+la|de\s+l'|d'|de|du|des|la|le|les|l')\s*)?"
    r"[A-ZÀ-Ý][\w'’\-]*(?:\s+(?:(?:de|du|des|la|le|les|d'|l')\s*)?[A-ZÀ-Ý][\w'’\-]*){0,3}"
    r"(?:,?\s*\d{5}\s+[A-ZÀ-Ý][\w'’\-]+(?:[\s\-][A-ZÀ-Ý][\w'’\-]+){0,2})?")
_ADDR_TYPE_FIRST_RE = re.compile(
    r"\b(?:Calle|C/|Avenida|Avda\.?|Av\.|Paseo|Pº|Plaza|Pza\.?|Carrer|Carretera|Camino|Ronda|Travesía|Rambla"
    r"|Via|Viale|Corso|Piazza|Piazzale|Vicolo|Rua|Travessa|Praça|Largo|Alameda|Estrada|Ulica|ul\.)\s*"
    r"(?:(?:de\s+la|de\s+los|de\s+las|de\s+l'|de|del|dels|della|delle|dello|dei|degli|di|da|do|dos|das)\s+)?"
    r"[A-ZÀ-Ý0-9][\w'’.\-]*(?:\s+(?:(?:de|del|la|las|los|y|e|di|da|do)\s+)?[A-ZÀ-Ý][\w'’.\-]*){0,3}"
    r",?\s*(?:n[º°o]\.?\s*)?\d{1,4}[A-Za-z]?(?![\w.,]\d)"
    r"(?!\s*(?:h|hrs?|hours?|horas?|days?|d[ií]as|nights?|noches|min|minutes?|km|€|%|\$|am|pm|x)\b)"
    r"(?:,?\s*\d{1,2}\s?[º°ª](?:\s*[A-Za-z](?![\w]))?|,?\s*(?i:piso|puerta|planta|esc\.?|apto\.?|int\.?)\s*\w{1,4})*"
    r"(?:,?\s*\d{5}\s+[A-ZÀ-Ý][\w'’\-]+(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2})?")
_ADDR_DE_RE = re.compile(
    r"\b(?:[A-ZÄÖÜ][\wäöüß\-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ufer|chaussee|straat|laan"
    r"|plein|gracht|kade|gatan|vägen|gade|vej|veien)"
    r"|[A-ZÄÖÜ][\wäöüß\-]+\s+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ufer|Chaussee))"
    r"\s*\d{1,4}\s?[a-zA-Z]?(?![\w.,]\d)(?!\w)"
    r"(?:,?\s*\d{4,5}\s+[A-ZÄÖÜ][\wäöüß\-]+(?:\s+[A-ZÄÖÜ][\wäöüß\-]+)?)?")
_ADDR_FR_WORDS = ("rue ", "av", "bd ", "boulevard", "place ", "allée", "allee", "impasse", "chemin", "quai ",
                  "cours ", "route ", "passage ", "square ", "voie ", "rond-point")
_ADDR_TYPE_FIRST_WORDS = ("Calle", "C/", "Av", "Paseo", "Pº", "Plaza", "Pza", "Carrer", "Carretera", "Camino",
                          "Ronda", "Travesía", "Rambla", "Via", "Corso", "Piazza", "Vicolo", "Rua", "Travessa",
                          "Praça", "Largo", "Alameda", "Estrada", "Ulica", "ul.")
_ADDR_DE_WORDS = ("str", "weg", "allee", "platz", "gasse", "damm", "ufer", "chaussee", "straat", "laan", "plein",
                  "gracht", "kade", "gatan", "vägen", "gade", "vej", "veien")


def _any_of(words: tuple[str, ...]) -> re.Pattern:
    """A regex that finds any of ``words`` in a text (a few times faster than testing them one by one)."""
    return re.compile("|".join(map(re.escape, words)))


_ADDR_FR_WORD_RE = _any_of(_ADDR_FR_WORDS)
_ADDR_TYPE_FIRST_WORD_RE = _any_of(_ADDR_TYPE_FIRST_WORDS)
_ADDR_DE_WORD_RE = _any_of(_ADDR_DE_WORDS)

# "my address is ...", "I live at ...", "Mi dirección es ...": the rest of the clause is the address
_ADDR_CUE_RE = re.compile(
    r"(?i:\b(?:(?:my|our|billing|shipping|home|postal|delivery|new|the)\s+address(?:\s+is|\s*:)?|address\s*:|address\s+is"
    r"|i\s+live\s+at|we\s+live\s+at|i\s+live\s+in|deliver\s+(?:it\s+|them\s+)?to|send\s+(?:it|them|the\s+\w+)\s+to"
    r"|ship\s+(?:it\s+)?to|post\s+(?:it\s+)?to|mail\s+(?:it\s+)?to|(?:mi\s+)?direcci[óo]n(?:\s+es|\s*:)|vivo\s+en"
    r"|env[íi](?:a|e)(?:lo|la|melo|mela)?\s+a|(?:mon\s+)?adresse(?:\s+est|\s*:)|j['’]habite(?:\s+au)?|habite\s+au"
    r"|(?:meine\s+)?adresse\s+(?:ist|lautet)|ich\s+wohne\s+in|wohnhaft\s+in|anschrift\s*:?)(?!\w))[ \t]*:?[ \t]*")
_ADDR_STOP_RE = re.compile(
    r"\n|[!?;](?=\s|$)|\.(?=\s+[^\d\s])|\.$|\s(?i:and\s+(?:my|i|the|you|call|please)|y\s+(?:mi|el|la)|call|phone|tel"
    r"|mobile|moblie|cell|email|e-mail|mail|my|date|dob"
    r"|born|passport|booking|ref|reference|reservation|iban|card|please|thanks|thank|you|mi|fecha|nacid[oa]|tel[ée]fono"
    r"|ll[áa]mame|llamadme|correo|et|mon|ma|né|née|und|meine|mein|geb|geboren|handy|bitte|danke|merci|gracias|if|but"
    r"|which|so|for|from|until|then|because|since)\b")
_ABBREV_BEFORE_DOT = frozenset("av avda ave st rd dr apt no nº edif depto dpto c pl pza bd blvd str sr sra ste bldg fl ul "
                               "al os ii int".split())
_POSTCODE_CUE_RE = re.compile(
    r"(?i:\b(?:post\s?code|postal\s+code|zip(?:\s+code)?|plz|c[óo]digo\s+postal|code\s+postal)\b)"
    r"(?:\s*(?:is|es|est|ist|:|#)\s*)*\s*"
    rf"({_UKPC}|\d{{5}}(?:-\d{{4}})?|\d{{4}}\s?[A-Z]{{2}}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{{4}})(?![\w])")
ADDRESS_CUE = Cue(
    "my our billing shipping home postal delivery new the address i we deliver send ship post mail mi "
    "dirección direccion vivo envía envia envíalo envialo envíamelo mon adresse j'habite j’habite "
    "habite meine ich wohnhaft anschrift")
POSTCODE_CUE = Cue("post postcode postal zip plz código codigo code")


@detector("STREET_ADDRESS", needs_digit=True, cue=ADDRESS_CUE)
def cued_addresses(scan: Scan) -> list[Candidate]:
    """The rest of the clause after an address cue, when it holds a digit and a letter."""
    text = scan.text
    out = []
    for m in scan.matches(ADDRESS_CUE, _ADDR_CUE_RE):
        end = address_end(text, m.end())
        val = text[m.end():end]
        if end - m.end() >= 6 and HAS_DIGIT.search(val) and re.search(r"[^\W\d_]", val):
            out.append(Candidate("STREET_ADDRESS", m.end(), end, 0.85))
    return out


def address_end(text: str, start: int) -> int:
    """Where the address after a cue ends: at a line break, the end of the sentence (not the
    period of "Av." or "Str.") or a word that starts another clause ("and my", "phone", "thanks"),
    130 characters at most."""
    limit = min(len(text), start + 130)
    pos = start
    while True:
        m = _ADDR_STOP_RE.search(text, pos, limit)
        if not m:
            end = limit
            break
        if m.group() == "." and m.start() > start:
            word = text[max(start, m.start() - 6):m.start()].split()
            if word and word[-1].lower() in _ABBREV_BEFORE_DOT:
                pos = m.end()
                continue
        end = m.start()
        break
    while end > start and text[end - 1] in " \t,.;:-–(":
        end -= 1
    return end


@detector("STREET_ADDRESS", needs_digit=True, cue=POSTCODE_CUE)
def cued_postcodes(scan: Scan) -> list[Candidate]:
    """A postcode after its cue ("postcode SW1A 1AA", "PLZ 10115")."""
    return [Candidate("STREET_ADDRESS", m.start(1), m.end(1), 0.8)
            for m in scan.matches(POSTCODE_CUE, _POSTCODE_CUE_RE)]


@detector("STREET_ADDRESS", needs_digit=True)
def street_addresses(scan: Scan) -> list[Candidate]:
    """Addresses by shape; the French, type-first and German patterns are tried only when one of
    their street words occurs in the text."""
    text, low = scan.text, scan.low
    rxs = [_ADDR_EN_RE]
    if _ADDR_FR_WORD_RE.search(low):
        rxs.append(_ADDR_FR_RE)
    if _ADDR_TYPE_FIRST_WORD_RE.search(text):
        rxs.append(_ADDR_TYPE_FIRST_RE)
    if _ADDR_DE_WORD_RE.search(low):
        rxs.append(_ADDR_DE_RE)
    out = []
    for rx in rxs:
        for m in rx.finditer(text):
            if rx is _ADDR_EN_RE and _PRONOUN_I_RE.search(m.group()):
                continue  # "0658 I'm Dr. Davies": no street
            out.append(Candidate("STREET_ADDRESS", m.start(), m.end(), 0.85))
    return out
