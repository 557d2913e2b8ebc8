"""Phone numbers written out in words ("oh seven four four six, oh four nine, seven oh two"): people spell a
number in chats to keep it from filters and bots, and no digit-based detector sees it. English digit words
("oh", "zero" ... "nine", "double", "triple"); seven digits or more, after a phone cue or starting with "oh" /
"zero" (a trunk prefix), and not counting ("one two three four five six seven")."""

from __future__ import annotations

import re

from tunehouse.pii.detectors.base import Scan, detector
from tunehouse.pii.entity import Candidate
from tunehouse.pii.lexicon import COMMON, FIRST, LAST, norm_key

_DIGITS = {"oh": 0, "o": 0, "zero": 0, "nought": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
           "six": 6, "seven": 7, "eight": 8, "nine": 9}
_WORD = r"(?:oh|o|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple)"
_RUN_RE = re.compile(rf"(?i)\b{_WORD}(?:(?:[ \t]*[,\-][ \t]*|[ \t]+){_WORD}){{6,}}\b")
_CUE_BEFORE_RE = re.compile(r"(?i)\b(?:number|phone|mobile|cell|call|ring|text|whats\s?app|reach|digits|landline)"
                            r"\b[^.!?\n]{0,30}$")
_HINT_RE = re.compile(r"(?i)\b(?:oh|zero|nought|double|triple)\b|\b(?:one|two|three|four|five|six|seven|eight|nine)"
                      r"[ ,\-]+(?:one|two|three|four|five|six|seven|eight|nine|oh|zero)\b")
# every match of _HINT_RE holds one of these words: looked for in ``Scan.low`` first (see ``Scan.may_hold``)
_HINT_WORDS_RE = re.compile(r"oh|zero|nought|double|triple|one|two|three|four|five|six|seven|eight|nine")


def _digits(run: str) -> list[int] | None:
    """The digits a run of digit words spells ("double four" is 4 4), None if "double"/"triple" ends it."""
    out, repeat = [], 1
    for w in re.findall(r"[A-Za-z]+", run.lower()):
        if w in ("double", "triple"):
            repeat = 2 if w == "double" else 3
            continue
        out.extend([_DIGITS[w]] * repeat)
        repeat = 1
    return out if repeat == 1 else None


@detector("PHONE")
def spelled_phones(scan: Scan) -> list[Candidate]:
    """Seven or more spelled digits after a phone cue, or starting with a trunk "oh"/"zero"."""
    text = scan.text
    if not scan.may_hold(_HINT_WORDS_RE) or not _HINT_RE.search(text):
        return []
    out = []
    for m in _RUN_RE.finditer(text):
        digits = _digits(m.group())
        if not digits or len(digits) < 7:
            continue
        counting = all(b - a == 1 for a, b in zip(digits, digits[1:]))
        first = m.group().split()[0].strip(",-").lower()
        if counting or not (first in ("oh", "o", "zero", "nought")
                            or _CUE_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())):
            continue
        out.append(Candidate("PHONE", m.start(), m.end(), 0.85))
    return out


# ============================================================================ other languages, and spoken e-mails
# Digit words of the languages people read numbers aloud in on support calls (speech-to-text transcripts write them
# so: "nulla hat egy három ...", "zero șapte zero ...", "không chín sáu ..."). One table per language: a run is read
# in one language. Nordic "en"/"to"/"et" are left out: they are frequent English and French words.
_FOREIGN_DIGITS: dict[str, dict[str, int]] = {
    "de": dict(null=0, eins=1, zwei=2, zwo=2, drei=3, vier=4, fünf=5, sechs=6, sieben=7, acht=8, neun=9),
    "fr": dict(zéro=0, zero=0, un=1, deux=2, trois=3, quatre=4, cinq=5, six=6, sept=7, huit=8, neuf=9),
    "es": dict(cero=0, uno=1, dos=2, tres=3, cuatro=4, cinco=5, seis=6, siete=7, ocho=8, nueve=9),
    "it": dict(zero=0, uno=1, due=2, tre=3, quattro=4, cinque=5, sei=6, sette=7, otto=8, nove=9),
    "pt": dict(zero=0, um=1, dois=2, três=3, tres=3, quatro=4, cinco=5, seis=6, meia=6, sete=7, oito=8, nove=9),
    "nl": dict(nul=0, een=1, één=1, twee=2, drie=3, vier=4, vijf=5, zes=6, zeven=7, acht=8, negen=9),
    "pl": dict(zero=0, jeden=1, dwa=2, trzy=3, cztery=4, pięć=5, sześć=6, siedem=7, osiem=8, dziewięć=9),
    "ro": dict(zero=0, unu=1, doi=2, trei=3, patru=4, cinci=5, șase=6, şase=6, sase=6, șapte=7, şapte=7, sapte=7,
               opt=8, nouă=9, noua=9),
    "hu": dict(nulla=0, egy=1, kettő=2, két=2, három=3, négy=4, öt=5, hat=6, hét=7, nyolc=8, kilenc=9),
    "cs": dict(nula=0, jedna=1, jedno=1, dva=2, dvě=2, tři=3, čtyři=4, pět=5, šest=6, sedm=7, osm=8, devět=9),
    "tr": dict(sıfır=0, bir=1, iki=2, üç=3, dört=4, beş=5, altı=6, yedi=7, sekiz=8, dokuz=9),
    "el": dict(μηδέν=0, μηδεν=0, ένα=1, ενα=1, δύο=2, δυο=2, τρία=3, τρια=3, τέσσερα=4, τεσσερα=4, πέντε=5, πεντε=5,
               έξι=6, εξι=6, επτά=7, εφτά=7, εφτα=7, οκτώ=8, οχτώ=8, οχτω=8, εννιά=9, εννέα=9, εννια=9),
    "vi": {"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
           "chín": 9},
    "sw": dict(sifuri=0, moja=1, mbili=2, tatu=3, nne=4, tano=5, sita=6, saba=7, nane=8, tisa=9),
}
_FOREIGN_RUNS = [(digits, re.compile(
    r"(?i)(?<![\w])(?:" + "|".join(sorted(map(re.escape, digits), key=len, reverse=True)) + r")(?:(?:[ \t]*[,\-][ \t]*|[ \t]+)(?:"
    + "|".join(sorted(map(re.escape, digits), key=len, reverse=True)) + r")){6,}(?!\w)")) for digits in _FOREIGN_DIGITS.values()]
_ZERO_WORDS = frozenset(w for digits in _FOREIGN_DIGITS.values() for w, d in digits.items() if d == 0)
_MIN_UNCUED_DIGITS = 9  # no cue and no leading zero: a run this long is a number read aloud (a phone, mostly)


_ALL_DIGIT_WORDS = frozenset(w for digits in _FOREIGN_DIGITS.values() for w in digits) | frozenset(_DIGITS) | {
    "double", "triple"}


def _seven_digit_words(low: str) -> bool:
    """Whether seven digit words of any language follow each other in ``low`` (the lower-cased text): a prefilter, a
    split and set lookups being several times cheaper than the 15 run patterns on the many texts with none."""
    run = 0
    for token in low.split():
        if token.strip(",-.") in _ALL_DIGIT_WORDS:
            run += 1
            if run >= 7:
                return True
        else:
            run = 0
    return False


def _foreign_digits(run: str, digits: dict[str, int]) -> list[int]:
    return [digits[w] for w in re.findall(r"[^\W\d_]+", run.lower())]


@detector("PHONE")
def spoken_phones(scan: Scan) -> list[Candidate]:
    """Seven or more digits read aloud in one of 14 languages (``_FOREIGN_DIGITS``) starting with its zero, or nine or
    more in English or any of them, not counting ("one two three ..."). English with a cue: ``spelled_phones``."""
    if not _seven_digit_words(scan.low):
        return []
    text = scan.text
    out = []
    for digits, rx in _FOREIGN_RUNS:
        for m in rx.finditer(text):
            out += _spoken_phone(m, _foreign_digits(m.group(), digits))
    for m in _RUN_RE.finditer(text):
        found = _digits(m.group())
        if found and len(found) >= _MIN_UNCUED_DIGITS:
            out += _spoken_phone(m, found)
    return out


def _spoken_phone(m: re.Match, digits: list[int]) -> list[Candidate]:
    if len(digits) < 7 or len(set(digits)) < 3 or all(b - a == 1 for a, b in zip(digits, digits[1:])):
        return []  # too short, a chant ("one one one, two two two ..."), counting
    first = m.group().split()[0].strip(",-").lower()
    if len(digits) < _MIN_UNCUED_DIGITS and first not in _ZERO_WORDS:
        return []
    return [Candidate("PHONE", m.start(), m.end(), 0.85)]


# An e-mail address read aloud: "anna dot berg at gmail dot com", "thayna ponto sampaio arroba yahoo ponto com ponto
# br", "hieu gạch dưới do a còng fpt chấm vn". The local part is one word or words joined by the words for dot,
# underscore and dash; the domain ends in a word for dot and a top-level domain.
_SAY_DOT = r"(?:dot|period|punkt|punto|point|ponto|pont|nokta|chấm|tečka|kropka|τελεία|nukta)"
_SAY_JOIN = (r"(?:" + _SAY_DOT + r"|underscore|under\s?score|dash|hyphen|minus|unterstrich|bindestrich|guion bajo|guión bajo|"
             r"guion|guión|tiret|trattino|underline|alt çizgi|tire|gạch dưới|gạch ngang|podtržítko|pomlčka|aláhúzás|"
             r"kötőjel|cratimă|liniuță jos|liniuta jos|κάτω παύλα|παύλα)")
_SAY_AT = r"(?:at|at sign|arroba|arobase|chiocciola|klammeraffe|et|et işareti|a còng|a móc|kukac|zavináč|małpa|παπάκι|kwa)"
_TLD = (r"(?:com|net|org|edu|gov|info|biz|io|me|co|uk|de|fr|es|it|pt|br|nl|pl|cz|sk|hu|ro|gr|tr|vn|ke|za|ie|au|ca|"
        r"us|ch|at|be|se|no|dk|fi|ru|ua|in|ng|gh|sg|my|ph|id|jp|cn|kr|mx|ar|cl|nz)")
_SPOKEN_EMAIL_RE = re.compile(
    rf"(?i)(?<![\w])(?P<local>[^\W_]+(?:[ \t]+{_SAY_JOIN}[ \t]+[^\W_]+)*)[ \t]+(?P<at>{_SAY_AT})[ \t]+[^\W_]+"
    rf"(?:[ \t]+{_SAY_JOIN}[ \t]+[^\W_]+)*?[ \t]+{_SAY_DOT}[ \t]+{_TLD}(?:[ \t]+{_SAY_DOT}[ \t]+{_TLD})?(?!\w)")
# every spoken e-mail holds one of these (``Scan.may_hold``: searched case-sensitively in the lower-cased text)
_SAY_DOT_WORDS_RE = re.compile(_SAY_DOT.lower())
_SPOKEN_EMAIL_HINT_RE = re.compile(r"(?i)[ \t]" + _SAY_DOT + r"[ \t]+" + _TLD + r"(?!\w)")


@detector("EMAIL")
def spoken_emails(scan: Scan) -> list[Candidate]:
    """An e-mail address read aloud (words for "at" and "dot" in 14 languages, a top-level domain at the end)."""
    text = scan.text
    if not scan.may_hold(_SAY_DOT_WORDS_RE) or not _SPOKEN_EMAIL_HINT_RE.search(text):
        return []
    out = []
    for m in _SPOKEN_EMAIL_RE.finditer(text):
        local, said_at = m.group("local"), m.group("at").lower()
        if said_at in ("at", "et") and " " not in local.strip():
            f = scan.lex.flags.get(norm_key(local.strip()), 0)
            if f & COMMON and not f & (FIRST | LAST):
                continue  # "we met at home dot com", "I work at google dot com": a preposition, not "@"
        out.append(Candidate("EMAIL", m.start(), m.end(), 0.85))
    return out


# A street address read aloud in English: a house number in two to four number words, the street's name and its type,
# then the town where the sentence ends ("three thirty four banksia parade ballarat", "one oh eight knockmore heights").
_NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)")
_SPOKEN_TYPES = (r"(?:street|avenue|road|lane|drive|court|close|crescent|parade|heights|bend|terrace|grove|boulevard"
                 r"|highway|place|gardens|mews|rise)")
_SPOKEN_STREET_RE = re.compile(
    rf"(?i)(?<![\w])(?:{_NUMBER_WORD}[ \t\-]+){{2,4}}(?P<name>(?:(?:north|south|east|west)[ \t]+)?[^\W\d_]{{3,}}"
    rf"(?:[ \t]+[^\W\d_]{{3,}}){{0,2}})[ \t]+{_SPOKEN_TYPES}(?![\w])"
    r"(?:[ \t]+[^\W\d_]{3,}(?=[ \t]*(?:$|[,.!?\n])))?")
# words that measure, before a type that is also a verb or noun ("twenty five minutes drive", "two more road trips")
_NOT_STREET_NAMES = frozenset("minutes minute hours hour days day weeks week months month years year miles mile km "
                              "kilometres kilometers more less times people of the and".split())


@detector("STREET_ADDRESS")
def spoken_street_addresses(scan: Scan) -> list[Candidate]:
    """An English street address read aloud (``_SPOKEN_STREET_RE``): speech-to-text writes the house number in words."""
    if not scan.may_hold(_HINT_WORDS_RE):
        return []
    out = []
    for m in _SPOKEN_STREET_RE.finditer(scan.text):
        if not _NOT_STREET_NAMES.intersection(m.group("name").lower().split()):
            out.append(Candidate("STREET_ADDRESS", m.start(), m.end(), 0.85))
    return out
