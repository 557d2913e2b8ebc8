"""Latin spellings of Cyrillic and Greek text, with the way back to the original offsets.

The name lists, cues and rules of the detectors read Latin script. A customer who writes "Меня зовут Анна
Кузнецова" or "Είμαι ο Νικόλαος Παπαδόπουλος" names a person the lists know as "Anna Kuznetsova" and "Nikolaos
Papadopoulos"; the scrubber reads such a text a second time in its Latin spelling (``Scrubber._rule_candidates``)
and maps the names found there back onto the original characters.

``anyascii`` (ISC licence) spells every character; Greek needs its digraphs read together (``ου`` -> "ou",
``αυ``/``ευ`` -> "av"/"ev", ``γγ`` -> "ng": "Παπαδόπουλος" -> "Papadopoulos", "Ευάγγελος" -> "Evangelos"), and the
Cyrillic hard and soft signs are dropped ("Ольга" -> "Olga"), as names are spelt in Latin passports.
Arabic and CJK are not read this way: their Latin spellings (no vowels; syllables run together) match no list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a letter of the Cyrillic or Greek blocks (basic and supplements, extended Greek)
_OTHER_SCRIPT_RE = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u1f00-\u1fff]")
_DROPPED = frozenset("ьъЬЪ")
# Greek digraphs whose letters anyascii spells one by one: (first letter, second letters) -> their Latin letters
_GREEK_PAIRS = {
    ("ο", "υύ"): ("o", "u"), ("Ο", "υύ"): ("O", "u"), ("Ο", "ΥΎ"): ("O", "U"),
    ("α", "υύ"): ("a", "v"), ("Α", "υύ"): ("A", "v"), ("Α", "ΥΎ"): ("A", "V"),
    ("ε", "υύ"): ("e", "v"), ("Ε", "υύ"): ("E", "v"), ("Ε", "ΥΎ"): ("E", "V"),
    ("γ", "γ"): ("n", "g"), ("Γ", "Γ"): ("N", "G"),
}


def has_other_script(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic or Greek letter (the texts worth a second, Latin reading)."""
    return _OTHER_SCRIPT_RE.search(text) is not None


@dataclass(frozen=True)
class Transliteration:
    """``latin``: the text spelt in Latin letters; ``origin[j]``: the index in the original text of the character
    that ``latin[j]`` spells (a character spelt by several Latin letters gives each of them its index)."""

    latin: str
    origin: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``latin[start:end]`` spells."""
        return self.origin[start], self.origin[end - 1] + 1


def transliterate(text: str) -> Transliteration:
    """``text`` with its Cyrillic and Greek letters spelt in Latin (every other character kept as it is)."""
    from anyascii import anyascii

    out: list[str] = []
    origin: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if not _OTHER_SCRIPT_RE.match(ch):
            out.append(ch)
            origin.append(i)
            i += 1
            continue
        pair = _greek_pair(ch, text[i + 1] if i + 1 < n else "")
        if pair:
            out += pair
            origin += [i, i + 1]
            i += 2
            continue
        if ch not in _DROPPED:
            for letter in anyascii(ch):
                out.append(letter)
                origin.append(i)
        i += 1
    return Transliteration("".join(out), tuple(origin))


def _greek_pair(first: str, second: str) -> tuple[str, str] | None:
    for (a, seconds), letters in _GREEK_PAIRS.items():
        if first == a and second and second in seconds:
            return letters
    return None
