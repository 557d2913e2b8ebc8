"""Which words of a run of capitalised words are a person's name.

Each word gets a category from the lexicon (first name, surname, place, stop word, ...); places
made of several words ("Rio de Janeiro") and words bound to a place indicator ("Hotel Maria
Cristina", "Victoria Station") are set aside; the remaining segments of name-like words are names
when their shape and context say so: a first name alone, a first name and a surname, any word after
a strong cue ("Mr.", "my name is"), a surname or unknown word only with a cue or a suffix cue.
"""

from __future__ import annotations

import re

from tunehouse.pii.detectors.contact import IPV4_RE, NANP_RE
from tunehouse.pii.detectors.name_context import (
    signed,
    told,
    weak_name_corroborated,
    work_title,
)
from tunehouse.pii.detectors.name_cues import (
    GREETING_TOKENS,
    SUFFIX_CUE_RE,
    TELLING_TOKENS,
    cue,
    place_context,
    role_word,
    travel_destination,
)
from tunehouse.pii.detectors.name_tokens import (
    C_AF,
    C_F,
    C_FP,
    C_INIT,
    C_L,
    C_PART,
    C_PLACE,
    C_STOP,
    C_U,
    NAMEY,
    Token,
    category,
    is_title,
    word_before,
)
from tunehouse.pii.entity import CUED_PERSON_PRIORITY, Candidate
from tunehouse.pii.lexicon import (
    COMMON,
    FIRST,
    INDICATOR,
    LAST,
    MAJOR,
    ORG,
    PLACE_START,
    TITLE,
    WEAK_INDICATOR,
    Lexicon,
    norm_key,
)
from tunehouse.pii.wordlists import FUNCTION_WORDS

# what makes a name-like word a team, a company, a product or a version: "Dear Wanderly team", "Anna Travel GmbH",
# "the Zorblax modem"
NOT_PERSON_AFTER_RE = re.compile(
    r"[ \t]+(?:(?i:team|support|customer\s+(?:service|care|support)|service\s+team|staff|app|website|gmbh|ltd|inc|llc"
    r"|modem|router|box|subscription|account|device|software|printer|console|laptop|tablet)\b"
    r"|(?:Travel|Travels|Tours|Airlines?|Airways|Hotels?|Group|Company|Holidays|Reisen|Voyages|Viajes|Service"
    r"|Services|Agency|Agencia|Agence)\b|v?\d+(?:\.\d+)+\b)")
# "Jordan, can you ...": a name addressed at the start of a sentence
_VOCATIVE_RE = re.compile(
    r"\s*,\s+(?:can|could|would|will|please|pls|your|you|you'?re|i|i'm|i've|we|we'?re|thanks|thank|just|did|do|are|is"
    r"|have|hope|sorry|welcome|here|let|kindly|what|when|how|where|unfortunately|good|great)\b")

_FIRSTY = (C_F, C_AF, C_FP)
# a name particle and a capitalised word after a word: a surname follows ("Fleur van Leeuwen", "Rose de la Vega")
# (not German "von", "der", "den": prepositions and articles before the capitalised nouns of "Hände von der Tastatur")
_PARTICLE_SURNAME_AFTER = re.compile(r"(?:[ \t]+(?:van|de|del|della|di|da|du|dos|das|do|la|le))+[ \t]+[A-ZÀ-Ý]")
_NAMEY_OR_PLACE = NAMEY | {C_PLACE}
_IN_PLACE = NAMEY | {C_PLACE, C_PART, C_INIT}  # what a place indicator binds on either side


def analyse_run(lex: Lexicon, text: str, toks: list[Token], out: list[Candidate]) -> None:
    """Add the PERSON candidates of the run ``toks`` to ``out``."""
    # "the Burj Al Arab", "at the Ritz": a capitalised run right after "the" is a place or thing
    rs = toks[0].start
    if rs >= 4 and text[rs - 4:rs].lower() == "the " and cue(text, rs) < 2:
        return
    cat = _categories(lex, toks)
    _segments(lex, text, toks, cat, _places(lex, toks, cat), out)


def _categories(lex: Lexicon, toks: list[Token]) -> list[int]:
    """The category of each word, in the context of the run."""
    cat = [category(lex, t.flags, t.raw) for t in toks]
    caps = [len(t.raw) > 1 and t.raw.isupper() for t in toks]
    if any(caps):
        _shouted_words(toks, cat, caps)
    # a greeting that is also a first name opens the run, it is not in the name: "Tere Mari", "Hei Teemu"
    if toks[0].key in GREETING_TOKENS or len(toks) > 1 and toks[0].key in TELLING_TOKENS:
        cat[0] = C_STOP  # alone too: "Tere, kas ..." greets nobody by name
    elif len(toks) > 1 and not toks[0].flags & FIRST and role_word(toks[0].raw.lower()):
        cat[0] = C_STOP  # "Customer Fiifi Appiah", "Driver Kwabena": a role, then the name it cues
    # a surname that is also a city, right after a first name: "Owen Bolton", "Alicia Flores"
    for i in range(1, len(toks)):
        if cat[i] == C_PLACE and toks[i].flags & LAST and not toks[i].flags & ORG and cat[i - 1] in (C_F, C_FP):
            cat[i] = C_L
    return cat


def _shouted_words(toks: list[Token], cat: list[int], caps: list[bool]) -> None:
    """All-caps words: a known first name next to a known surname or unknown all-caps word
    ("ELENA PETROVA"); never acronyms or shouted common words ("THE AUTHORS")."""
    n = len(toks)
    for i, t in enumerate(toks):
        if not caps[i] or cat[i] not in NAMEY:
            continue
        if cat[i] in (C_AF, C_FP) or t.flags & COMMON:
            cat[i] = C_STOP
    for i in range(n):
        if not caps[i] or cat[i] not in NAMEY:
            continue
        if cat[i] == C_F:
            ok = any(0 <= j < n and caps[j] and cat[j] in (C_L, C_U, C_F) for j in (i - 1, i + 1))
        else:
            ok = any(0 <= j < n and caps[j] and cat[j] == C_F for j in (i - 1, i + 1))
        if not ok:
            cat[i] = C_STOP


def _places(lex: Lexicon, toks: list[Token], cat: list[int]) -> list[bool]:
    """Which words belong to a place: to a place of several words ("Rio de Janeiro", "Charles de
    Gaulle", "Holiday Inn Express"; the longest place wins), or bound to a place indicator."""
    n = len(toks)
    is_place = [False] * n
    keys: tuple[str, ...] = ()
    i = 0
    while i < n:
        if toks[i].flags & PLACE_START:
            keys = keys or tuple(t.key for t in toks)
            for place in lex.multi.get(keys[i], ()):
                k = len(place)
                if keys[i:i + k] == place:
                    for j in range(i, i + k):
                        is_place[j] = True
                    i += k
                    break
            else:
                i += 1
            continue
        i += 1
    _bind_to_indicators(toks, cat, is_place)
    return is_place


def _bind_to_indicators(toks: list[Token], cat: list[int], is_place: list[bool]) -> None:
    """Place indicators bind their neighbours ("Hotel Maria Cristina", "Victoria Station"), brands
    the words after them ("Barceló Geneva", "Hilton Garden Inn Munich")."""
    n = len(toks)
    for i in range(n):
        f = toks[i].flags
        if f & ORG and not f & INDICATOR:
            j = i + 1
            while j < n and cat[j] in _NAMEY_OR_PLACE:
                is_place[j] = True
                j += 1
            continue
        if not f & INDICATOR or f & TITLE:
            continue
        left_first = i > 0 and cat[i - 1] in _FIRSTY and not is_place[i - 1]
        right = i + 1 < n and cat[i + 1] in _NAMEY_OR_PLACE
        left = i > 0 and cat[i - 1] in _NAMEY_OR_PLACE
        if f & WEAK_INDICATOR:
            if f & FIRST and not (left and not left_first):
                continue  # "Hi Marina", "Anna Park": the indicator is a name here
            if left_first and not right:
                continue
        if not (left or right):
            continue
        is_place[i] = True
        j = i - 1
        while j >= 0 and cat[j] in _IN_PLACE:
            is_place[j] = True
            j -= 1
        j = i + 1
        while j < n and cat[j] in _IN_PLACE:
            is_place[j] = True
            j += 1


def _segments(lex: Lexicon, text: str, toks: list[Token], cat: list[int], is_place: list[bool],
              out: list[Candidate]) -> None:
    """Split the run into segments of name-like words and decide each."""
    n = len(toks)
    i = 0
    while i < n:
        after_title = i > 0 and is_title(toks[i - 1]) and cat[i - 1] == C_STOP
        titled_word = after_title and _surname_after_title(toks[i])  # "Dr. Siqueira", "Frau Berger"
        if (is_place[i] and not after_title) or cat[i] not in NAMEY and not (cat[i] == C_PLACE) and not titled_word:
            i += 1
            continue
        level = _segment_cue(text, toks, cat, i)
        if level == 2:
            # strong cue: take up to 4 tokens whatever they are (but stop at common words)
            j = _strong_cue_end(toks, cat, is_place, i)
            if j > i and i > 0 and work_title(text, toks[i - 1].start, toks[j - 1].end):
                i = j  # "I read Don Quixote", "we watched Mr. Bean": an honorific in a title
                continue
            if j > i:
                out.append(Candidate("PERSON", toks[i].start, toks[j - 1].end, 0.95, CUED_PERSON_PRIORITY))
                i = j
            else:
                i += 1
            continue
        if cat[i] == C_PLACE:
            i += 1
            continue
        j = i
        while j < n and not is_place[j] and (
                cat[j] in NAMEY or (cat[j] in (C_PART, C_INIT) and j + 1 < n and cat[j + 1] in NAMEY)
                or (cat[j] == C_INIT and j > i)):
            j += 1
        seg = list(range(i, j))
        while seg and cat[seg[-1]] == C_PART:
            seg.pop()
        if seg:
            decide(lex, text, toks, cat, seg, level, out)
        i = max(j, i + 1)


def _segment_cue(text: str, toks: list[Token], cat: list[int], i: int) -> int:
    """The cue of the segment starting at word ``i``: a title (2), a greeting or a role opening the run (1: "Customer
    Fiifi Appiah") just before it in the run, else the text before the run (see ``name_cues.cue``)."""
    if i == 0:
        return cue(text, toks[0].start)
    if is_title(toks[i - 1]):
        return 2
    before = toks[i - 1]
    return 1 if (before.key in GREETING_TOKENS or before.key in TELLING_TOKENS
                 or (i == 1 and cat[0] == C_STOP and role_word(before.raw.lower()))) else 0


def _surname_after_title(tok: Token) -> bool:
    """A capitalised word right after an honorific is a surname even if it is also an ordinary word of some
    language ("Dr. Siqueira", "Frau Berger", "Mr. Brown"): not a function word, title or acronym."""
    return (tok.raw[:1].isupper() and not tok.raw.isupper() and len(tok.raw) > 1
            and tok.key not in FUNCTION_WORDS and not tok.flags & TITLE)


def _strong_cue_end(toks: list[Token], cat: list[int], is_place: list[bool], i: int) -> int:
    """After a strong cue a name is up to 4 words from ``i`` on, whatever they are, but not a common
    word (particles do not count and do not end it) -- except the first word after an honorific."""
    n = len(toks)
    j = i
    if i > 0 and is_title(toks[i - 1]) and cat[i] == C_STOP and _surname_after_title(toks[i]):
        j = i + 1  # "Dr. Siqueira": the surname, then the usual rule for the words after it
    while j < n and j - i < 7 and sum(cat[k] != C_PART for k in range(i, j)) < 4 and (
            cat[j] in NAMEY or cat[j] in (C_PLACE, C_INIT, C_PART) or is_place[j]) and (
            cat[j] == C_PART or not (toks[j].flags & COMMON and not toks[j].flags & (FIRST | LAST))):
        j += 1
    while j > i and cat[j - 1] == C_PART:
        j -= 1
    return j


def decide(lex: Lexicon, text: str, toks: list[Token], cat: list[int], seg: list[int], level: int,
           out: list[Candidate]) -> None:
    """Is the segment ``seg`` (word indexes) a name, given its cue ``level`` (0, 1 weak, 2 strong)?"""
    names = [k for k in seg if cat[k] in NAMEY]
    if not names:
        return
    m = NOT_PERSON_AFTER_RE.match(text, toks[seg[-1]].end) if level < 2 else None
    if m and not (m.group()[-1].isdigit() and (IPV4_RE.fullmatch(m.group().strip())
                                               or NANP_RE.fullmatch(m.group().strip()))):
        return  # "Dear Wanderly team", "Safari 17.2", "Anna Travel GmbH" (not "Anna 10.0.0.7")
    s, e = toks[seg[0]].start, toks[seg[-1]].end
    if level < 2 and work_title(text, s, e):
        return  # "We watched Moby Dick", "the Harry Potter books", "the character Peter Parker"
    if len(names) == 1:
        _decide_one(lex, text, toks[names[0]], cat[names[0]], s, e, level, out)
    else:
        _decide_several(lex, text, toks, cat, names, s, e, level, out)


def _decide_one(lex: Lexicon, text: str, tok: Token, c0: int, s: int, e: int, level: int,
                out: list[Candidate]) -> None:
    """One name-like word (text[s:e] may hold initials and particles around it)."""
    f = tok.flags
    if c0 == C_F:
        if not level and (len(tok.raw) < 3 or travel_destination(text, s)):
            return  # "Have a wonderful trip to Selen": a destination, not a person
        out.append(Candidate("PERSON", s, e, 0.75 if not level else 0.9))
        return
    suffix = bool(SUFFIX_CUE_RE.match(text[e:e + 40])) or _vocative(text, s, e) or told(text, s)
    if c0 == C_FP:
        if place_context(lex, text, s, e) and not told(text, s):  # "Dile a Eusebio que ...": no place
            return
        if level or suffix:
            out.append(Candidate("PERSON", s, e, 0.8))
        elif not f & MAJOR and (weak_name_corroborated(text, s, e) or _after_first_name(lex, text, s)):
            out.append(Candidate("PERSON", s, e, 0.55))  # the weakest guess: not "if Davis traffic is bad"
        return
    if c0 == C_AF:
        if level or suffix or _PARTICLE_SURNAME_AFTER.match(text, e):  # "Fleur van Leeuwen" (name_join grows it)
            out.append(Candidate("PERSON", s, e, 0.8))
        return
    # surname or unknown word alone (an unknown word signing a message counts as cued)
    if (level or suffix or (c0 == C_U and signed(text, s, e))) and len(tok.raw) > 1:
        if level == 1 and tok.raw.isupper() and len(tok.raw) > 1 and not f & (FIRST | LAST):
            return  # "Hi ASAP"
        out.append(Candidate("PERSON", s, e, 0.75))


def _decide_several(lex: Lexicon, text: str, toks: list[Token], cat: list[int], names: list[int], s: int, e: int,
                    level: int, out: list[Candidate]) -> None:
    """Two or more name-like words."""
    cats = [cat[k] for k in names]
    if cats[0] == C_AF and len(cats) > 1 and cats[1] in (C_F, C_FP) and not toks[names[1]].flags & LAST:
        # "Will Anna call?": drop the ambiguous word
        s = toks[names[1]].start
        cats = cats[1:]
        names = names[1:]
        if len(names) == 1:
            decide(lex, text, toks, cat, names, level, out)
            return
    if cats[0] in _FIRSTY:
        rest = [toks[k].flags for k in names[1:]]
        if cats[0] == C_FP and place_context(lex, text, s, toks[names[0]].end) and not any(r & LAST for r in rest):
            return
        particle = any(cat[k] == C_PART for k in range(names[0] + 1, names[-1]))
        if cats[0] == C_AF and not level and not any(r & LAST for r in rest) and not particle:
            return  # "Will May", "Happy Eyeballs": an ambiguous word needs a surname, a cue or a particle after it
        out.append(Candidate("PERSON", s, e, 0.9 if level else 0.85))
        return
    if any(c in _FIRSTY for c in cats):
        # surname first ("Kowalczyk Anna") or unknown word + first name ("Congrats Anna")
        first_idx = next(i for i, c in enumerate(cats) if c in _FIRSTY)
        if cats[0] == C_L:
            out.append(Candidate("PERSON", s, e, 0.7))
        elif level:  # "Hallo Łucja Te Whiu Can Ødegård": after a greeting it is all one name
            out.append(Candidate("PERSON", s, e, 0.8))
        elif cats[first_idx] == C_F or (len(names) - first_idx) > 1:
            out.append(Candidate("PERSON", toks[names[first_idx]].start, e, 0.75))
        return
    if level or SUFFIX_CUE_RE.match(text[e:e + 40]):
        out.append(Candidate("PERSON", s, e, 0.8))


def _after_first_name(lex: Lexicon, text: str, s: int) -> bool:
    """A first name right before ``s`` ("Thanks, Al Gore!": the surname of a full name; ``name_join`` grows it)."""
    w = word_before(text, s)
    return bool(w and lex.flags.get(norm_key(text[w[0]:w[1]]), 0) & FIRST)


def _vocative(text: str, s: int, e: int) -> bool:
    """A name addressed at the start of a sentence: "Jordan, can you ..."."""
    before = text[max(0, s - 12):s].rstrip(" \t")
    if before and before[-1] not in ".!?\n" and not before.lower().endswith(("hi", "hello", "hey", "dear")):
        return False
    return bool(_VOCATIVE_RE.match(text, e))
