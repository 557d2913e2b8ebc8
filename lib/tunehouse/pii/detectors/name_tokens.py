"""The words of person names: the regexes of capitalised tokens and runs of them, the ``Token`` of a
run with its lexicon flags, the category of a token (first name, surname, place, stop word...) and
the words right next to a span."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from tunehouse.pii.lexicon import (
    AMBIG,
    COMMON,
    FIRST,
    INDICATOR,
    LAST,
    MAJOR,
    ORG,
    PLACE,
    TITLE,
    Lexicon,
    norm_key,
)


def _char_class(pred: Callable[[str], bool], ranges: Iterable[tuple[int, int]]) -> str:
    chars = sorted({chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if pred(chr(c))})
    return "".join(re.escape(c) for c in chars)


_SCRIPTS = [(0x41, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF)]
UP = _char_class(str.isupper, _SCRIPTS)
_LETTER = r"[^\W\d_]"
TOKEN = rf"[{UP}]{_LETTER}*(?:['’]{_LETTER}+)*(?:-{_LETTER}+)*(?![\d_])"
_ABBR = rf"[{UP}][a-z]{{0,2}}\.(?=[ \t])"
PARTICLE = (r"(?:van|von|de|del|della|der|den|di|da|du|dos|das|do|la|le|el|al|bin|ibn|ben|ter|ten"
            r"|zu|af|av|dal|dei|des|degli|ó|ní|nic|ua|abu|bint|ap|op|te|lo)")
# starts with the upper-case class so the regex engine can skip ahead to candidates quickly
RUN_RE = re.compile(
    rf"[{UP}](?<![\w<@/#&.'’\-].)(?:[a-z]{{0,2}}\.(?=[ \t])|{_LETTER}*(?:['’]{_LETTER}+)*(?:-{_LETTER}+)*(?![\d_]))"
    rf"(?:[ \t]+(?:{PARTICLE}[ \t]+)*(?:{_ABBR}|{TOKEN}))*")
PARTICLES = frozenset(PARTICLE[3:-1].split("|"))
MIXED_CASE_RE = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]")
NAME_PREFIX_RE = re.compile(r"(?:Mc|Mac|O['’]|D['’]|De|Di|Da|Du|La|Le|Van|Von|Fitz|St|Mc)[A-ZÀ-Þ]|\w+-[A-ZÀ-Þ]")
# A capitalised word right next to a PERSON span (only blanks and particles between): "Hola Julio
# <César>", "Dear May <Li>" is joined to it (see ``name_join``).
TOKEN_RE = re.compile(TOKEN)
_WORD_CHARS = "'’-"
# what a word next to a name can start with: a capital, or a particle's first letter ("van", "de")
WORD_START = frozenset(c for c in UP if c != "\\") | frozenset(p[0] for p in PARTICLES) | {" ", "\t"}

# Token categories (``category``).
C_STOP = 0  # never part of a name: a title, an acronym, a common word that is not a surname
C_F = 1  # a first name
C_AF = 2  # a first name that is also a common word or brand ("Will", "May")
C_FP = 3  # a first name that is also a place ("Florence", "Victoria")
C_L = 4  # a surname
C_U = 5  # an unknown word
C_PLACE = 6  # a place or an airline / hotel brand
C_INIT = 7  # an initial ("J.")
C_PART = 8  # a particle ("de", "van") or another lower-case word inside a run
NAMEY = frozenset((C_F, C_AF, C_FP, C_L, C_U))


@dataclass(slots=True)
class Token:
    """One word of a run of capitalised words: ``raw`` = text[start:end], its lexicon ``key`` and
    ``flags``. A slotted class: its fields are read in the inner loops of name detection, faster
    than a NamedTuple's."""

    start: int
    end: int
    key: str
    flags: int
    raw: str


_KEY_CACHE: dict[str, str] = {}
# pronouns written after a verb with a hyphen (pt, es, fr): "Liga-me", "Chama-se", "Dis-moi", "Dites-lui"
ENCLITICS = frozenset("me te se nos vos lhe lhes lo la los las le les moi toi lui nous vous leur".split())


def key_and_flags(lex: Lexicon, raw: str) -> tuple[str, int]:
    """The lexicon key of a word and its flags (memoised: the same words recur in every text)."""
    key = _KEY_CACHE.get(raw)
    if key is None:
        key = norm_key(raw)
        if len(_KEY_CACHE) > 200_000:
            _KEY_CACHE.clear()
        _KEY_CACHE[raw] = key
    f = lex.flags.get(key)
    if f is None:
        f = token_flags(lex, key)
    return key, f


def run_tokens(lex: Lexicon, text: str, start: int, end: int) -> list[Token]:
    """The words of the run text[start:end]."""
    toks = []
    run_text = text[start:end]
    p = 0
    for raw in run_text.split():
        p = run_text.find(raw, p)
        key, f = key_and_flags(lex, raw)
        toks.append(Token(start + p, start + p + len(raw), key, f, raw))
        p += len(raw)
    return toks


def token_flags(lex: Lexicon, key: str) -> int:
    """Flags of a word the lexicon lacks: a hyphenated name takes them from its parts."""
    f = lex.flags.get(key)
    if f is not None:
        return f
    if "-" in key:  # "adebayo-smith", "jean-luc"
        if key.rsplit("-", 1)[1] in ENCLITICS:
            return COMMON  # "Liga-me", "Diz-me", "Dis-moi": a verb and its pronoun
        parts = [lex.flags.get(p, 0) for p in key.split("-") if p]
        if parts and parts[0] & FIRST and not parts[0] & COMMON:
            return FIRST
        if any(p & (FIRST | LAST) for p in parts) and not all(p & COMMON for p in parts):
            return LAST
    return 0


def is_title(tok: Token) -> bool:
    """An honorific token ("Mr.", "Frau"); "MS Windows" and "DR Congo" are not."""
    raw = tok.raw.rstrip(".")
    return bool(tok.flags & TITLE) and (not raw.isupper() or len(raw) == 1 or raw in ("MR", "MRS", "MISS", "MSTR"))


def category(lex: Lexicon, f: int, raw: str) -> int:
    """The category (``C_*``) of the word ``raw`` with lexicon flags ``f``."""
    if raw.endswith(".") and len(raw) == 2:
        return C_INIT
    if raw.islower():
        return C_PART
    if len(raw) <= 3 and raw.lower() in PARTICLES and not (raw.isupper() and len(raw) > 1):
        return C_PART  # "De Sousa", "Van Dijk", "Ó Loinne": inside a name only
    if not raw[1:].islower() and not raw.isupper() and MIXED_CASE_RE.search(raw) and not NAME_PREFIX_RE.match(raw):
        return C_U if not f & (COMMON | PLACE | INDICATOR | TITLE) else C_STOP  # "LoRA", "GitHub", "JetBlue"
    if len(raw) > 1 and raw.isupper() and len(raw) <= 3 and not f & FIRST:
        return C_STOP  # acronyms: KLM, PNR, DOB
    if f & TITLE:
        return C_STOP
    if f & ORG:
        return C_PLACE  # airline / hotel brand ("Hilton", "Delta"), a name only after a strong cue
    if raw.isupper() and len(raw) > 1 and raw.lower() in lex.caps_places:
        return C_PLACE  # "ANA", "TAP" (but "Ana" is a name)
    if f & FIRST:
        if f & (AMBIG | COMMON):
            return C_AF
        if f & PLACE:
            return C_FP
        return C_F
    if f & PLACE:
        return C_L if f & LAST and not f & (MAJOR | ORG) else C_PLACE
    if f & (COMMON | INDICATOR):
        return C_L if (f & LAST and not f & INDICATOR) else C_STOP
    if f & LAST:
        return C_L
    return C_U


def word_before(text: str, pos: int) -> tuple[int, int, bool] | None:
    """The capitalised word before ``pos`` with only blanks (and particles: "Julio de <PERSON_1>")
    between: (start, end, crossed a particle), or None."""
    bridged = False
    for _ in range(4):
        j = pos
        while j and text[j - 1] in " \t":
            j -= 1
        if j == pos or not j:
            return None
        lo = max(0, j - 40)
        k = text.rfind(" ", lo, j) + 1
        word = text[k:j]
        if "\t" in word or "\n" in word or "\r" in word:
            k = max(text.rfind("\t", k, j), text.rfind("\n", k, j), text.rfind("\r", k, j)) + 1
            word = text[k:j]
        if k == j or k == 0 and lo:
            return None  # nothing, or a 40-character "word"
        if word[0].isupper():
            m = TOKEN_RE.match(word)
            if m is None or m.end() != len(word):
                return None
            # a capitalised particle ("Dean Ó <Treasa>", "Maria De <Sousa>") is crossed when a word stands
            # before it, as the placeholder pass does; else it is the word ("Al <Gore>")
            further = word_before(text, k) if word.lower() in PARTICLES else None
            return (further[0], further[1], True) if further else (k, j, bridged)
        if word not in PARTICLES:
            return None
        pos, bridged = k, True
    return None


def word_after(text: str, pos: int) -> tuple[int, int, bool] | None:
    """The capitalised word after ``pos`` with only blanks (and particles) between, or None."""
    bridged, n = False, len(text)
    for _ in range(4):
        k = pos
        while k < n and text[k] in " \t":
            k += 1
        if k == pos or k == n:
            return None
        if text[k].isupper():
            m = TOKEN_RE.match(text, k)
            if m is None:
                return None
            j = m.end()
            if j < n and (text[j].isalpha() or text[j] in _WORD_CHARS):
                return None
            further = word_after(text, j) if text[k:j].lower() in PARTICLES else None  # "<Dean> Ó Treasa"
            return (further[0], further[1], True) if further else (k, j, bridged)
        j = k
        while j < n and j - k < 6 and text[j].isalpha():
            j += 1
        if text[k:j] not in PARTICLES:
            return None
        pos, bridged = j, True
    return None


