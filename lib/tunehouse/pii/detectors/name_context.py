"""What the words around a name-like span say about it, beyond the cue phrases of ``name_cues``: evidence
that it names a person (used where a guess is weak: a rule's lone first name that is also a place, a
learned span of a rare word), and the contexts where a name-like run is the title of a work or a
fictional character ("We watched Moby Dick", "the Harry Potter books", "the character Peter Parker").

Titles and characters are the commonest false names on real casual text: films, books and series are
named after their characters, and the names are real names ("Billy Elliot", "Matilda"). No offline list
of works is at hand, and a list could not keep up; the context is what tells them apart, in the
languages of the word lists:

* a verb of watching or reading right before the run ("watched", "read", "geschaut",
  "keken", "regardé", "leí", "guardato", "assistimos", "vaatasime", "obejrzałem"), or, in German and
  Dutch perfect clauses, its participle later in the clause ("Wir haben ... geschaut"). Verbs of seeing
  and meeting are left out (people are seen and met), except when the run is followed by a language
  ("Abbiamo visto ... in francese": a film in French, not a person), and so is the bare "watch" (people
  are watched over: "can you watch Anna tonight");
* a word for a work right after it ("... movie", "... Film", "... filmi", "... series") or "worth
  watching / reading" after it;
* a word for a character before it in the same clause ("the character", "il personaggio di",
  "stripfiguur, ook bekend als");
* a title goes on after it ("... and the Goblet of Fire", "... et la Chocolaterie"; not in German, which
  capitalises every noun).

Quotation marks are no such context: names are quoted as often as titles ("the container labeled 'James'").

A strong cue ("my name is", "Mr." outside a title context) still wins: these contexts are consulted
only where the name had no cue, or only an honorific inside the run ("I read Don Quixote").
"""

from __future__ import annotations

import functools
import re

from tunehouse.pii.detectors.base import case_sensitive, may_match_ignoring_case
from tunehouse.pii.detectors.name_cues import SUFFIX_CUE_RE, cue
from tunehouse.pii.lexicon import LANGUAGE_NAMES_FILE, norm_key

_ARTICLE = r"(?:(?:the|a|an|le|la|les|il|lo|el|los|las|o|os|as|het|een|der|die|das|den|de)\s+)?"
# verbs of watching and reading (en, de, nl, fr, es, it, pt, pl, et), right before the run
_WORK_VERB_BEFORE_RE = re.compile(
    r"(?i)(?:^|[^\w'’])(?P<verb>(?:re-?)?watch(?:ed|ing)|rewatch|binge(?:d|-?watched|-?watching)?|stream(?:ed|ing)"
    r"|(?:re-?)?read(?:ing|s)?|schau(?:e|en|t|ten)|(?:an)?geschaut|guck(?:e|en|t|ten)|geguckt|gelesen|les(?:e|en)"
    r"|keken|keek|kijken|gekeken|lazen|gelezen|lees|regard(?:é|ée|er|ons|ez|ais|ait)|relu|lu|lire|le[íi]|le[íi]do"
    r"|leer|leyendo|mir(?:é|amos|ando)|guardat[oaie]|guardare|guardando|letto|leggere|leggendo|assist(?:i|imos|ir|indo)"
    r"|lemos|lido|lendo|ogl[aą]da(?:ł|łem|łam|liśmy|łyśmy|m)|obejrza(?:ł|łem|łam|liśmy|łyśmy)|czyta(?:ł|łem|łam|liśmy)"
    r"|przeczyta(?:ł|łem|łam|liśmy)|vaata(?:sin|sime|n|me)|luge(?:sin|sime))\s+" + _ARTICLE + r"$")
# a German or Dutch participle of watching or reading closing the clause the run stands in
_WORK_PARTICIPLE_AFTER_RE = re.compile(
    r"(?i)^[^.!?\n,;]{0,40}?\s(?:geschaut|angeschaut|geguckt|gelesen|gekeken|bekeken|gelezen)\b")
# verbs of seeing: a work only with a language after the run ("visto ... in francese", "saw ... in German")
_SEE_VERB_BEFORE_RE = re.compile(
    r"(?i)(?:^|[^\w'’])(?:saw|seen|see|visto|vimos|vi|vu|vus|gesehen|sahen|zagen|gezien|widzieli(?:śmy|ście)|nägime)"
    r"\s+" + _ARTICLE + r"$")
_IN_LANGUAGE_RE = re.compile(r"(?i)^\s+(?:in|auf|en|em|na|w|po)\s+(?:het\s+|el\s+|de\s+)?([^\W\d_]+)")
_IN_LANGUAGE_ET_RE = re.compile(r"(?i)^\s+([^\W\d_]+)\s+keeles\b")  # Estonian: "soome keeles"
# a word for a work right after the run
_WORK_NOUN_AFTER_RE = re.compile(
    r"(?i)^\s*(?:movies?|films?|filmi|filme|filmen|books?|novels?|series|season|episodes?|trailer|soundtrack"
    r"|sequel|prequel|musical|cartoons?|comics?|anime|manga|saga|franchise|trilogy|video\s?game|Buch|Bücher|Roman"
    r"|Serie|Staffel|Folge|livres?|roman|série|saison|películas?|libros?|novela|temporada|romanzo|stagione|puntata"
    r"|livros?|boek(?:en)?|reeks|seizoen|książk[aię]|serial|sezon|odcinek|raamat(?:ut)?|hooaeg|fan|fans|fandom|fanfic)\b"
    r"|^\s+(?:is|was|'s|’s)?\s*(?:worth|wert)\s+(?:watching|reading|seeing|a\s+watch|a\s+read|it)\b")
# a word for a character earlier in the clause ("the character", "il personaggio di", "stripfiguur, ook bekend als")
_CHARACTER_BEFORE_RE = re.compile(
    r"(?i)(?:character|personaggio|personaggi|personnage|personaje|personagem|personage|(?:strip|roman|comic)?figu(?:ur|r)"
    r"|postaci?|postać|tegelane|protagonist|superhero|superheld|supereroe|superhéros?|superhéroe)\b[^.!?\n]{0,32}$")
# the three before-patterns, case-sensitive, for a first look at the lower-cased window (most windows hold none)
_WORK_VERB_BEFORE_LOW = case_sensitive(_WORK_VERB_BEFORE_RE)
_SEE_VERB_BEFORE_LOW = case_sensitive(_SEE_VERB_BEFORE_RE)
_CHARACTER_BEFORE_LOW = case_sensitive(_CHARACTER_BEFORE_RE)
# "Harry Potter and the Goblet of Fire", "Charlie et la Chocolaterie": a name, a conjunction and an article, then a
# capitalised word is a title in the languages that write common nouns in lower case (not in German:
# "Peter und die Kinder")
_TITLE_CONTINUES_RE = re.compile(
    r"^\s+(?:and\s+the|e\s+(?:il|la|lo|i|le|gli|o|a|os|as)|et\s+(?:le|la|les)|y\s+(?:el|la|los|las)"
    r"|en\s+(?:de|het)|i\s+(?:the))\s+[A-ZÀ-Þ]")


@functools.lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Lexicon keys of the language names the build recorded (``resources/pii_language_names.txt``)."""
    return frozenset(norm_key(w) for w in LANGUAGE_NAMES_FILE.read_text(encoding="utf-8").split() if w)


def _language_after(text: str, e: int) -> bool:
    """A language right after ``text[:e]`` ("... in French", "... auf Türkisch", "... soome keeles")."""
    m = _IN_LANGUAGE_RE.match(text[e:e + 40]) or _IN_LANGUAGE_ET_RE.match(text[e:e + 40])
    return bool(m and norm_key(m.group(1)) in language_names())


def work_title(text: str, s: int, e: int) -> bool:
    """Whether the name-like run ``text[s:e]`` stands where a title of a work or a fictional character does
    (see the module docstring); ``s`` is where the run starts, honorifics included ("Don Quixote")."""
    before = text[max(0, s - 48):s]
    low = before.lower()
    verb = (_WORK_VERB_BEFORE_RE.search(before) if may_match_ignoring_case(_WORK_VERB_BEFORE_LOW, before, low)
            else None)
    if verb and _lower_or_opening(before, verb.start("verb")):
        return not (text[e:e + 2] in ("'s", "’s") or text[e - 2:e] in ("'s", "’s"))  # "read Anna's message"
    after = text[e:e + 60]
    if (_WORK_NOUN_AFTER_RE.match(after) or (may_match_ignoring_case(_CHARACTER_BEFORE_LOW, before, low)
                                             and _CHARACTER_BEFORE_RE.search(before))
            or _TITLE_CONTINUES_RE.match(after)):
        return True
    if _WORK_PARTICIPLE_AFTER_RE.match(after) and _german_or_dutch_perfect(before):
        return True
    return (may_match_ignoring_case(_SEE_VERB_BEFORE_LOW, before, low) and bool(_SEE_VERB_BEFORE_RE.search(before))
            and _language_after(text, e))


_CAPITALISED_NEXT_RE = re.compile(r"[ \t]+[A-ZÀ-Þ][\w'’\-]*")


def run_end(text: str, e: int) -> int:
    """End of the run of capitalised words that ``text[:e]`` ends in the middle of ("Billy| Elliot"): a span the
    learned model cut short is judged as the run it will be joined to (``name_join``)."""
    m = _CAPITALISED_NEXT_RE.match(text, e)
    while m:
        e = m.end()
        m = _CAPITALISED_NEXT_RE.match(text, e)
    return e


def _lower_or_opening(before: str, i: int) -> bool:
    """The verb at ``before[i:]`` is written as a verb: in lower case, or capitalised only as a sentence's first
    word ("Lees Smith", "Li Wei" are names, not "lees", "li")."""
    if before[i].islower():
        return True
    head = before[:i].rstrip()
    return not head or head[-1] in ".!?\n:\"“("


_PERFECT_AUX_RE = re.compile(r"(?i)\b(?:haben|habe|hast|hat|habt|hatten|hebben|heb|hebt|heeft|hadden)\s+(?:\w+\s+){0,2}$")


def _german_or_dutch_perfect(before: str) -> bool:
    """A perfect tense opens right before the run ("Wir haben ...", "We hebben gisteren ...")."""
    return bool(_PERFECT_AUX_RE.search(before))


# ------------------------------------------------------------------ evidence that a word names a person

_SENTENCE_END = ".!?\n"
# A chat speaker's prefix after a word that opens its line: "Solver: ...", "Solver_: ...", "<Solver> ..."
# (a trailing mark or digit of a nick may stand between; "://" is a URL, not a prefix).
_SPEAKER_AFTER = re.compile(r"[\w|\-]{0,8}(?:>|:(?!//))")
_SPEAKER_BEFORE = " \t<@*+"
# The person a verb of telling, asking or talking with is about, in the languages of the word lists: "ask
# Obadiah if ...", "Dile a ...", "Diz ao ... que", "Sag ... bitte", "Chiedi a ...", "Vraag ...", "Powiedz ...",
# and the scrubber's English cue "talked with" in the others ("Falei com ...", "Hablé con ...", "Ho parlato con").
_ADDRESSEE_BEFORE = re.compile(
    r"(?i)(?:^|[^\w'])(?:ask|tell|asked|told|pregúntale\s+a|pregunta\s+a|dile\s+a|dígale\s+a|diz\s+à|diz\s+ao"
    r"|diga\s+à|diga\s+ao|pergunta\s+à|pergunta\s+ao|pergunte\s+à|pergunte\s+ao|dis\s+à|dites\s+à|demande\s+à"
    r"|demandez\s+à|sag|sagen\s+sie|frag|fragen\s+sie|chiedi\s+a|di'\s+a|dì\s+a|dica\s+a|vraag|vraag\s+aan"
    r"|zeg\s+tegen|powiedz|zapytaj|fal(?:ei|ou|amos)\s+com|habl(?:é|ó|amos)\s+con|parlé\s+(?:à|avec)"
    r"|(?:gesprochen|sprach|spreche)\s+mit|(?:ho|abbiamo)\s+parlato\s+con|parlato\s+con|(?:sprak|gesproken)\s+met"
    r"|rozmawia(?:łam|łem|ł|ła)(?:\s+\w+)?\s+z"
    # say hi / give my love to; nordic "sig til" / "säg till" / "si til", fi "sano", et "ütle", de "grüß"
    r"|say\s+hi\s+to|say\s+hello\s+to|give\s+my\s+love\s+to|sig\s+til|säg\s+till|si\s+til|sano|ütle|grüß|grüße"
    r"|klingeln\s+bei|klingel\s+bei|ring\s+bei)\s+$")


def told(text: str, start: int) -> bool:
    """A verb of telling, asking or talking with and its preposition right before ``start`` ("Dile a", "Diz à",
    "say hi to", "Sig til", "klingeln bei"): what follows is a person, even a word that is also a place."""
    return bool(_ADDRESSEE_BEFORE.search(text, max(0, start - 32), start))


# closing words of the languages the word lists lack, which may stand alone at a message's end like a name
_CLOSINGS = frozenset("kiitos takk tack tak mvh bises xoxo brb aitäh terveisin hilsen hälsningar mvg hej".split())


def signed(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a one-word signature: the last word of a message that has a sentence before it
    ("leave it behind the green bin pls, im at work. Kiri"), nothing but blanks, "!" or emoji after it. Not a
    punch line ("... a chicken? Eggs-ams.": a full stop after it, a hyphen in it) nor a word said before."""
    word, before, after = text[start:end], text[:start].rstrip(" \t"), text[end:]
    return (bool(before) and before[-1] in ".!?\n" and not any(ch.isalnum() or ch in ".?" for ch in after)
            and "-" not in word and word.lower() not in _CLOSINGS and word not in before)


def named_here(text: str, start: int, end: int) -> bool:
    """A name cue before ``text[start:end]`` (``name_cues.cue``: "my friend", "thanks") or the word addressed
    on its own: at the start of a sentence before a comma ("Ginevra, la tristezza ..."), or after a comma at
    the end of one ("..., Ginevra.")."""
    if cue(text, start):
        return True
    before, after = text[:start].rstrip(), text[end:].lstrip()
    opens = not before or before[-1] in _SENTENCE_END
    closes = not after or after[0] in _SENTENCE_END
    return (opens and after[:1] == ",") or (before.endswith(",") and closes)


def speaker(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` opens its line (blanks or "<", "@" before it) as a chat speaker's prefix."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(_SPEAKER_BEFORE) and bool(_SPEAKER_AFTER.match(text, end))


def name_evidence(text: str, start: int, end: int) -> bool:
    """Evidence that the one word ``text[start:end]`` names a person: a name cue before it (the scrubber's cues,
    or a verb of telling, asking or talking with) or after it, addressed on its own, or a chat speaker's prefix."""
    return (named_here(text, start, end) or bool(_ADDRESSEE_BEFORE.search(text, max(0, start - 32), start))
            or bool(SUFFIX_CUE_RE.match(text[end:end + 80])) or speaker(text, start, end))


_NEXT_WORD_RE = re.compile(r"\s+\w+\s+")


def addressee_cue(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is itself a verb of telling or asking with its preposition after it ("Dile a Isidro",
    "Diz ao ..."): the cue of a name, not one."""
    m = _NEXT_WORD_RE.match(text, end)
    probe = text[start:m.end()] if m else text[start:end] + " "
    return bool(_ADDRESSEE_BEFORE.fullmatch(" " + probe) or _ADDRESSEE_BEFORE.fullmatch(" " + text[start:end] + " "))


# "Ada, the only language ...": a word followed by a comma and an article is being defined, not addressed
_APPOSITIVE_RE = re.compile(r"(?i)\s*,\s+(?:the|a|an|el|la|los|las|le|les|il|lo|der|die|das|de|het|een|o|a|um|uma)\s")


def defined_after(text: str, end: int) -> bool:
    """A word being defined or described right after it ("Shelby, the town by the river"): no person's name."""
    return bool(_APPOSITIVE_RE.match(text, end))


# a person as the subject or object of a verb: an auxiliary, a modal or an inflected verb next to the word
_VERB_AFTER_RE = re.compile(
    r"(?i)^\s+(?:is|was|has|had|does|did|will|would|can|could|should|might|must|may|agrees|agreed|ist|war|hat|hatte"
    r"|wird|kann|est|a|était|va|es|está|ha|era|è|ha|é|tem|foi|heeft|zal|kan|[a-z]{2,}(?:ed|es))\b")
_VERB_BEFORE_RE = re.compile(r"(?i)\b(?:[a-z]{2,}ing|with|for|from|to|cc|copy|copying|cc'ing|met|mit|con|com|avec)\s+$")


def weak_name_corroborated(text: str, start: int, end: int) -> bool:
    """For the weakest guess of the rules (a first name that is also a minor place, alone, no cue): evidence that
    it names a person (``name_evidence``) or a verb it is the subject or object of ("Even Ngozi agrees",
    "copying Ngozi on this"); not "if Davis traffic is bad", nor a word being defined ("Ada, the only language")."""
    if _APPOSITIVE_RE.match(text, end):
        return False
    return (name_evidence(text, start, end) or bool(_VERB_AFTER_RE.match(text[end:end + 24]))
            or bool(_VERB_BEFORE_RE.search(text, max(0, start - 24), start)))
