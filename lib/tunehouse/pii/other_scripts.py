"""Person names in Cyrillic and Greek text, found by reading the text in its Latin spelling.

The detectors' name lists, cues and rules read Latin script; ``Scrubber`` hands a text that holds Cyrillic or Greek
letters to :func:`names_in_latin_spelling` with its rule pipeline, which runs on the Latin spelling
(``pii.transliteration``); the PERSON candidates over those letters come back on the original offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tunehouse.pii.detectors.name_context import speaker
from tunehouse.pii.detectors.name_cues import cue
from tunehouse.pii.entity import Candidate
from tunehouse.pii.transliteration import has_other_script, transliterate

# Greek puts the article before a name ("μου είπε ο Χαράλαμπος", "με την Ελένη"): a cue for a name a list holds
_GREEK_ARTICLE_BEFORE = re.compile(r"(?<![^\W\d_])(?:ο|η|τον|την|τη|του|της)[ \t]+$")
# days that are also first names (with the article: "η Κυριακή", Sunday)
_NAMED_DAYS = frozenset({"κυριακή", "κυριακη", "παρασκευή", "παρασκευη"})
# a blank, then a capitalised Cyrillic or Greek word
_CAPITALISED_OTHER_SCRIPT_WORD = re.compile(
    r"[ \t]+[\u0386-\u038f\u0391-\u03ab\u0400-\u042f][\u03ac-\u03ff\u0430-\u045f]+")


def names_in_latin_spelling(text: str, run_rules: Callable[[str], list[Candidate]]) -> list[Candidate]:
    """The PERSON candidates ``run_rules`` finds in the Latin spelling of ``text``, on the original offsets: those over
    a Cyrillic or Greek letter only (the Latin-script rest was read as it is). A word alone needs a cue before it, to
    speak or (Greek) an article; a capitalised word of the same script after a name joins it as the surname."""
    spelt = transliterate(text)
    out = []
    for c in run_rules(spelt.latin):
        if c.type != "PERSON":
            continue
        start, end = spelt.original_span(c.start, c.end)
        if not has_other_script(text[start:end]):
            continue
        if m := _CAPITALISED_OTHER_SCRIPT_WORD.match(text, end):
            end = m.end()  # a surname no list holds after the name ("Дмитрий Щербаков"): these scripts capitalise
            # nothing but sentence starts and proper nouns
        elif " " not in text[start:end].strip() and not _one_word_named(text, spelt.latin, start, c):
            continue  # the ordinary words of these languages are in no list of ours, and many are spelt as a name of
            # some country ("Един" -> "Edin", "Това" -> "Tova", also at a sentence start before a comma)
        out.append(Candidate(c.type, start, end, c.score, c.prio))
    return out


def _one_word_named(text: str, latin: str, start: int, c: Candidate) -> bool:
    if cue(latin, c.start) or speaker(latin, c.start, c.end):
        return True
    word = text[start:text.find(" ", start) if " " in text[start:] else len(text)].strip(".,;:!?")
    return bool(_GREEK_ARTICLE_BEFORE.search(text, max(0, start - 6), start)) and word.lower() not in _NAMED_DAYS
