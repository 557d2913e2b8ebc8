"""Name parts next to a name: after the overlaps are resolved, a PERSON span grows over the
capitalised words right next to it (only blanks or particles between) that the lexicon knows as
first names or surnames, even when they are also months, places or common words ("Hola Julio
César", "Dear May Li", "Thanks, Will Smith"); titles, brands, place words and function words stay
out.

The run analysis may keep only part of such a name; left behind next to the placeholder ("Hola
Julio <PERSON_1>"), the other part would be found on a second scan. The same rule (``joinable``) is
applied next to a PERSON placeholder, which reports "Julio" there: a scrubbed text holds no word that
this step would still join, so scrubbing is idempotent.
"""

from __future__ import annotations

import re

from tunehouse.contracts.placeholders import PLACEHOLDER_RE
from tunehouse.pii.detectors.name_cues import (
    GREETING_TOKENS,
    MODALS,
    SUFFIX_CUE_RE,
    TELLING_TOKENS,
    cue,
    place_context,
    role_word,
)
from tunehouse.pii.detectors.name_tokens import (
    C_F,
    C_FP,
    C_U,
    MIXED_CASE_RE,
    NAME_PREFIX_RE,
    PARTICLE,
    WORD_START,
    category,
    key_and_flags,
    word_after,
    word_before,
)
from tunehouse.pii.entity import Entity
from tunehouse.pii.lexicon import (
    COMMON,
    FIRST,
    INDICATOR,
    LAST,
    MAJOR,
    ORG,
    PLACE,
    TITLE,
    Lexicon,
)
from tunehouse.pii.wordlists import FUNCTION_WORDS

_PARTICLE_GAP_RE = re.compile(rf"(?:[ \t]+{PARTICLE})+[ \t]+")


def join_adjacent(lex: Lexicon, text: str, ents: list[Entity]) -> list[Entity]:
    """``ents`` with every PERSON span grown over the name-like words right next to it, the
    merged names across particles ("<Julio César> van der <Berg>"), and a PERSON entity for each
    such word next to a PERSON placeholder. ``ents`` itself is not changed."""
    has_ph = "<" in text and ("<PERSON>" in text or "<PERSON_" in text)
    people = [i for i, x in enumerate(ents) if x.type == "PERSON"]
    growable = [i for i in people if _word_beside(text, ents[i])]
    out = ents
    if growable or has_ph:
        out = list(ents)
        taken = [(x.start, x.end) for x in ents]
        if has_ph:
            taken.extend((m.start(), m.end()) for m in PLACEHOLDER_RE.finditer(text))
        changed = _grow_people(lex, text, out, taken, growable)
        if has_ph:
            changed = _beside_placeholders(lex, text, out, taken) or changed
            if changed:
                out.sort(key=lambda x: x.start)
    if "\n" in text and people:
        out = _wrapped_surnames(lex, text, out)
    if len(people) > 1:
        out = _merge_across_particles(text, out)
    return out


# A first name ending its line, the surname starting the next, and the sentence going on after it: a hard wrap
# ("for Harriet\nBlackwood, phone ..."; a surname that is also a small town counts, a big place does not), not a
# list of lines ("Anna\nSales Manager": an ordinary word; "Harriet\nBlackwood Road": no punctuation or lower-case
# word follows).
_WRAP_RE = re.compile(r"[ \t]*\n[ \t]*([^\W\d_][\w'’\-]*)(?=[ \t]*[,;.)]|[ \t]+[a-zà-ÿ])")


def _wrapped_surnames(lex: Lexicon, text: str, ents: list[Entity]) -> list[Entity]:
    """``ents`` with a lone first name grown over a surname hard-wrapped onto the next line (a new list if any)."""
    out = ents
    for i, ent in enumerate(ents):
        if ent.type != "PERSON" or " " in text[ent.start:ent.end]:
            continue
        m = _WRAP_RE.match(text, ent.end)
        if not m or any(x.start < m.end(1) and m.start(1) < x.end for x in ents):
            continue
        first = key_and_flags(lex, text[ent.start:ent.end])[1]
        last = key_and_flags(lex, m.group(1))[1]
        if (first & FIRST and last & LAST and not last & (COMMON | MAJOR | TITLE | ORG | INDICATOR | FIRST)
                and m.group(1)[1:].islower()):
            if out is ents:
                out = list(ents)
            out[i] = Entity("PERSON", ent.start, m.end(1), ent.score)
    return out


def _word_beside(text: str, ent: Entity) -> bool:
    """Is there a word right before or after ``ent`` (a quick test, before looking at the words)?"""
    s, e = ent.start, ent.end
    return (s > 1 and text[s - 1] in " \t" and (text[s - 2].isalpha() or text[s - 2] in " \t")) or (
        text[e:e + 1] in (" ", "\t") and e + 1 < len(text) and (text[e + 1] in WORD_START))


def _grow_people(lex: Lexicon, text: str, out: list[Entity], taken: list[tuple[int, int]],
                 indexes: list[int]) -> bool:
    """Grow the PERSON entities at ``indexes`` of ``out`` in place; True if one grew."""
    changed = False
    for i in indexes:
        ent = out[i]
        s, e = _grow(lex, text, ent.start, ent.end, taken)
        if s != ent.start or e != ent.end:
            taken.append((s, e))
            out[i] = Entity("PERSON", s, e, ent.score)
            changed = True
    return changed


def _beside_placeholders(lex: Lexicon, text: str, out: list[Entity], taken: list[tuple[int, int]]) -> bool:
    """Add a PERSON entity for the joinable words next to each PERSON placeholder; True if any."""
    changed = False
    for m in PLACEHOLDER_RE.finditer(text):
        if m.group(1) != "PERSON":
            continue
        s, e = _grow(lex, text, m.start(), m.end(), taken)
        for a, b in ((s, m.start()), (m.end(), e)):
            while a < b and text[a] in " \t":
                a += 1
            while b > a and text[b - 1] in " \t":
                b -= 1
            if b > a:
                out.append(Entity("PERSON", a, b, 0.8))
                taken.append((a, b))
                changed = True
    return changed


def _merge_across_particles(text: str, ents: list[Entity]) -> list[Entity]:
    """"<Julio César> van der <Berg>": two PERSON entities with only particles between are one
    (a new list if any are merged, else ``ents``)."""
    out = ents
    i = 0
    while i + 1 < len(out):
        a, b = out[i], out[i + 1]
        if a.type == b.type == "PERSON" and _PARTICLE_GAP_RE.fullmatch(text, a.end, b.start):
            if out is ents:
                out = list(ents)
            out[i:i + 2] = [Entity("PERSON", a.start, b.end, max(a.score, b.score))]
        else:
            i += 1
    return out


def _grow(lex: Lexicon, text: str, s: int, e: int, taken: list[tuple[int, int]]) -> tuple[int, int]:
    """text[s:e] widened over the joinable words on both sides that no other span holds."""
    words = text[s:e].split()
    first = category(lex, key_and_flags(lex, words[0])[1], words[0]) if words else C_U
    # a name that starts with a plain first name takes an unknown word after it as its surname ("Liisi
    # Sanchís"); one that starts with a surname takes an unknown word before it as the first name ("Jarrah
    # Brennan"): no cue needed there, as a lone unknown word would need one
    surname_first = len(words) == 1 and bool(key_and_flags(lex, words[0])[1] & LAST)
    while s and text[s - 1] in " \t":  # leftwards
        w = word_before(text, s)
        if not w:
            break
        ws, we, bridged = w
        if not joinable(lex, text, ws, we, "left", bridged, unknown_ok=surname_first) or not _free(taken, ws, s):
            break
        s = ws
    while text[e:e + 1] in (" ", "\t"):  # rightwards
        w = word_after(text, e)
        if not w:
            break
        ws, we, bridged = w
        if not joinable(lex, text, ws, we, "right", bridged, unknown_ok=first in _PLAIN_FIRST) or not _free(
                taken, e, we):
            break
        e = we
    return s, e


# particles that start a surname written with a capital, and are no capitalised pronoun or article ("Du", "El",
# "Le", "Te" are left out)
_SURNAME_PARTICLES = frozenset(("de", "di", "da", "del", "della", "dal", "degli", "dei", "lo", "van", "von", "dos"))


def _starts_sentence(text: str, pos: int) -> bool:
    """Nothing but blanks and sentence ends before ``pos``."""
    before = text[:pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n\"“«(-"


_PLAIN_FIRST = frozenset((C_F, C_FP))
_CLAUSE_END_RE = re.compile(r"[ \t]*(?:[,;:(\n]|$)")  # a first name that is no ordinary word ("Wojciech", "Florence")


def _free(taken: list[tuple[int, int]], s: int, e: int) -> bool:
    for ts, te in taken:
        if s < te and ts < e:
            return False
    return True


def joinable(lex: Lexicon, text: str, s: int, e: int, side: str, bridged: bool, unknown_ok: bool = False) -> bool:
    """Is the capitalised word text[s:e], right next to a PERSON span, part of that name?

    Yes when the lexicon knows it as a first name or surname, even if it is also a month, a
    place or a common word ("Julio", "May", "Will", "Florence") -- but not a title, a brand, a
    place indicator ("Street"), an acronym, or a function word ("Can", "Will") unless a
    greeting precedes it ("Hallo Can ..."). An unknown word joins only with a cue (a greeting
    before it on the left, "said"/"here"... after it on the right) or ``unknown_ok`` (the name beside it says
    it is a name part: see ``_grow``). A place is not reached
    across a particle (``bridged``: "Dupont de Paris"); any other capitalised word is, on the right ("Fleur
    van Leeuwen": Dutch "leeuwen" is an ordinary word).
    """
    raw = text[s:e]
    if len(raw) < 2:
        return False
    if side == "left" and not bridged and raw[0].isupper() and raw[1:].islower() and raw.lower() in _SURNAME_PARTICLES:
        return True  # a capitalised particle starts the surname: "De Luca", "Van Dijk", "Lo Russo"
    key, f = key_and_flags(lex, raw)
    if f & (TITLE | ORG) or (f & INDICATOR and not f & FIRST):
        return False
    if side == "left" and not f & FIRST and role_word(raw.lower()):
        return False  # "Caller <Oluwaseun Adeyemi>", "Driver <Kwabena>": the role that cued the name
    upper = raw.isupper()
    if upper and (len(raw) < 3 or f & (COMMON | PLACE)):
        return False
    if not upper and not raw[1:].islower() and MIXED_CASE_RE.search(raw) and not NAME_PREFIX_RE.match(raw):
        return False
    if not f & (FIRST | LAST):
        if side == "right" and bridged and not upper and not f & PLACE and key not in FUNCTION_WORDS:
            return True  # after a name particle a capitalised word is a surname, even an ordinary word ("van Leeuwen")
        if (unknown_ok and side == "right" and f & ~COMMON == 0 and not upper and key not in FUNCTION_WORDS
                and key not in GREETING_TOKENS and _CLAUSE_END_RE.match(text, e)):
            return True  # an ordinary word that ends the phrase after a plain first name: "Åshild Fosse, født ..."
        # an unknown word ("Xochitl", "Łucja"): only with a cue, as a lone word would need one
        if upper or key in FUNCTION_WORDS or category(lex, f, raw) != C_U:
            return False
        if unknown_ok:
            return side == "right" or not _starts_sentence(text, s)  # "Pakk <Margus>": a sentence's first word
        if side == "left":
            return cue(text, s) > 0
        return bool(SUFFIX_CUE_RE.match(text[e:e + 40]))
    if key in FUNCTION_WORDS or key in GREETING_TOKENS or key in TELLING_TOKENS or key in MODALS:
        return side == "left" and cue(text, s) > 0  # "Will <Anna> call?", but "Hallo Can <Öztürk>"
    if f & PLACE and (bridged or not (side == "left" and cue(text, s))
                      and place_context(lex, text, s, e, coord=False)):
        return False  # "Anna Smith London office", "Dupont de Paris"
    return True
