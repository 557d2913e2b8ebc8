"""Which of the learned model's PERSON spans the scrubber takes: the model proposes, the lexicon vetoes.

The model reads context, so it finds names no list holds ("Marisol: thanks!", "Ask Obadiah"), but on
real text it also tags ordinary words: sentence starts ("Rent goes to ..."), German nouns ("Bescheid",
"Versicherungsnummer"), lower-case words, acronyms. Measured on the DEV splits of
``benchmarks/pii_eval`` (not the held-out ones), the raw model added ~8 false replacements for every real
name it added. A span is taken only when every word of it could stand in a name:

* it starts with a capital letter, has two letters or more and is not an acronym (``QF``, ``PESEL``) --
  lower-case names are left to the rule detectors, which find them after cue words ("my husband david");
* it is not an ordinary word, place, title or honorific of the lexicon -- unless the lexicon also knows
  it as a first name or surname ("Will" stays possible; "Rent", "Comment" do not);
* one word of it could be a name on its own: a first name or a surname that is not also a big place (nor,
  for a surname, an ordinary word), or a word the lexicon does not know ("Brown" and "Doktor" are names
  only beside one; "France" and "Sydney" never alone); brands of the lexicon never stand in a name;
* it is not a closed compound of two ordinary words ("Versicherungs|nummer", "Benutzer|name"): German
  and Dutch capitalise every noun, and compounds are too many for any word list;
* alone, it is no rare word: a word of a dictionary below the common-word bar that no name list holds, or a
  compound of one and an ordinary word ("Thunderbolt", "Argh", "Bohemian", "Reisepass|nummer";
  ``lexicon.load_rare_words``, built from the same frequency lists down to what name use alone can give a first
  name the lists lack) is taken only with evidence of a name around it: a cue before or after it ("Ask ...",
  "Diz ao ... que", "... said"; a verb of telling, asking or talking with is a cue here), addressed on its own, a
  chat speaker's prefix ("Solver: ..."), or a capitalised neighbour that may stand in a name and is no rare word
  ("Obadiah O'Halloran"). Written as no word is written ("RoboHak", "BiZKiT"), it is no rare word. Surnames of
  countries outside the census are often rare words ("Brüggemann", "Jagiełło"): alone and with no cue, the
  model's tag is not enough for them.

Name particles in lower case ("van", "de", "von") may sit between accepted words but never make a span
alone; capitalised, they are words like any other ("Ben", "Van").

Because a span is only taken when one of its words passes :meth:`PersonVetting.could_be_name` and all
pass :meth:`PersonVetting.could_be_in_name`, a text with no such word, or with all of them inside what
the rules found already, cannot gain anything from the model: :meth:`PersonVetting.worth_running` lets
the scrubber skip the model for it (``Scrubber.detect_batch``; on generated support chats it runs on about
a third of the messages).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from tunehouse.pii.detectors.name_context import (
    addressee_cue,
    defined_after,
    name_evidence,
    named_here,
    run_end,
    weak_name_corroborated,
    work_title,
)
from tunehouse.pii.detectors.name_cues import (
    GREETING_TOKENS,
    TELLING_TOKENS,
    cue,
    place_context,
    travel_destination,
)
from tunehouse.pii.detectors.name_runs import NOT_PERSON_AFTER_RE
from tunehouse.pii.detectors.name_tokens import PARTICLES, word_after, word_before
from tunehouse.pii.detectors.names import field_label
from tunehouse.pii.entity import Entity
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
    SortedWords,
    norm_key,
    ordinary_compound,
)

# the rules' name particles ("van", "de", "bin"), plus the conjunctions inside Iberian names ("Silva e Costa")
NAME_PARTICLES = PARTICLES | {"e", "y"}
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Lexicon flags that make a word ordinary unless it is also a known name.
_NOT_A_NAME = COMMON | PLACE | TITLE | INDICATOR
# An ordinary word that is also a first name and no surname ("Kino", "Rien", "Dile"): the rules take it for a
# name only after a cue or beside another name part, and so does the vetting when the model tags it alone.
_AMBIGUOUS_WORD = FIRST | AMBIG | COMMON
# A lower-case word with one of these flags is an ordinary word, an ambiguous name, a big place, a title, a brand
# or a place word first ("will", "hope", "paris", "don"); a minor place that is also a first name may be a name
# ("carmen", "jasper").
_NOT_A_LOWER_CASE_NAME = COMMON | AMBIG | MAJOR | TITLE | ORG | INDICATOR
# The first word of a holiday wish ("Feliz Natal", "Frohe Weihnachten", "God Jul"): dropped from the start of a
# learned span like a greeting (the rest is then judged alone: "Natal" is a big place). Not a cue of the rules:
# there "Joyeux Noël" would make "Noël" a name after a greeting.
_WISH_TOKENS = frozenset(norm_key(w) for w in (
    "feliz felices frohe frohes joyeux joyeuses joyeuse buon buone merry happy boas prettige fijne vrolijk wesołych "
    "glædelig gledelig god gott hyvää häid").split())
# A preposition of place right before a word: then a town is meant ("in Colton", "nach Tolga", "à Lorient"). Not the
# prepositions that also mark a person ("to", Spanish personal "a", "per", "zu", "bei": "say hi to Colton").
_PLACE_PREPOSITION_BEFORE_RE = re.compile(
    r"(?i:\b(?:in|from|at|near|via|into|towards|nach|aus|im|am|à|au|aux|en|em|no|na|nos|nas|do|da|dos|das|al|del|w|we"
    r"|z|ze|pod|i|på|till|från|fra|naar|uit|bij|te|op|u|v|ve|k|ke|la|în|din|spre|iz|kod|prema|nel|nella|dal|dalla"
    r"|verso|hacia|desde|para))[ \t]+$")
_HYPHENED = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)+")
_GLUE = "!&+@#*/|"  # signs inside product and brand names ("Yahoo!Mail"), never inside a person's name
# What may sit between two words of one name: blanks, an initial's dot, a hyphen or apostrophe.
_RUN_GAP = re.compile(r"[ \t.'’\-]*")
_MODEL_CODE_AFTER_RE = re.compile(r"[ \t]+[A-Z]{1,3}-?\d{1,4}[a-z]?(?![\w.,]\d|[\w\-])")  # "Lexmark Z42", "Nokia N95"


class PersonVetting:
    """Vetoes on learned PERSON spans, from the scrubber's lexicon (see the module docstring)."""

    def __init__(self, lexicon: Lexicon, rare_words: SortedWords | None = None,
                 chat_words: SortedWords | None = None, town_name_min_score: float = 0.95) -> None:
        """``town_name_min_score``: the model's score from which a first name that is also a small town is taken
        with no cue (``pii.model.town_name_min_score``)."""
        self.lex = lexicon
        self.town_name_min_score = town_name_min_score
        self.rare_words = rare_words if rare_words is not None else SortedWords("")
        self.chat_words = chat_words if chat_words is not None else SortedWords("")
        self.could_be_name = functools.lru_cache(maxsize=65536)(self._could_be_name)
        self.rare_word = functools.lru_cache(maxsize=65536)(self._rare_word)
        self.lower_case_name = functools.lru_cache(maxsize=65536)(self._lower_case_name)

    def _lower_case_name(self, word: str) -> bool:
        """A word written in lower case that is a first name and nothing else we know: no ordinary word, place, title
        or brand of the lexicon, no rare word, and no frequent word of any of 25 languages (``chat_words``: "til",
        "min", "oli", "sean"). Chat writes names so ("ok so anselmo is bringing the tent"), with no capital and often
        no cue: the model's tag is the evidence, and the detector asks a higher score of such spans
        (``pii.model.lower_case_min_score``)."""
        if not word.islower() or len(word) < 3 or not word.isalpha():
            return False  # one word of letters: the skip test reads "jong-man" as two (``worth_running``)
        key = norm_key(word)
        flags = self.lex.get(key)
        return (bool(flags & FIRST) and not flags & _NOT_A_LOWER_CASE_NAME and key not in self.rare_words
                and key not in self.chat_words)

    def _could_be_name(self, word: str) -> bool:
        """Whether one word may be a name on its own: a known first name, a surname that is neither an
        ordinary word nor a big place, or a word the lexicon does not know (and no compound)."""
        if not self.could_be_in_name(word):
            return False
        flags = self.lex.get(norm_key(word))
        if flags & MAJOR:
            return False  # "France", "Sydney": a big place first, whatever names it shares
        if flags & FIRST:
            return True
        if flags & LAST:
            return not flags & (COMMON | MAJOR)  # "Brown" only next to a name; "Madrid" is a city
        return not flags & _NOT_A_NAME and not self._is_compound(norm_key(word))

    def could_be_in_name(self, word: str) -> bool:
        """Whether one word may stand in a name beside a word that ``could_be_name`` ("Brown" in
        "Jane Brown", "Ginevra" in "Ginevra Zanetti"): capitalised, two letters or more, no acronym, and
        not only an ordinary word, big place, title or place word of the lexicon."""
        if len(word) < 2 or not word[:1].isupper() or word.isupper():
            return False
        flags = self.lex.get(norm_key(word))
        if flags & (TITLE | ORG):
            return False  # "Herr"; "Air France", "Hilton": titles and brands of the lexicon
        return bool(flags & (FIRST | LAST)) or not flags & (COMMON | MAJOR | INDICATOR)

    def _is_compound(self, key: str, rare_head: bool = False) -> bool:
        """``key`` splits into an ordinary word (``rare_head``: or a rare word), an optional linking element and
        another ordinary word (``lexicon.ordinary_compound``)."""
        return ordinary_compound(self.lex, key, self.rare_words if rare_head else None)

    def vetted(self, text: str, entity: Entity) -> list[Entity]:
        """The spans to take of one learned span (none, one or more): honorifics, greetings and verbs of telling at
        its start are left out ("mevrouw Kuipers" -> "Kuipers": the rules treat titles the same way), it is cut to
        its first line, then split at every word that cannot stand in a name, and :meth:`accept` decides on each
        part. The model's span often runs on past the name ("Gismonda lunedì", "mariage de Ermeline", "Lysander
        fancies Cressida Dunmore"): refusing it whole lost the name (measured on the fourth and fifth DEV sets: 68
        of the names the model found and the vetting refused)."""
        start = self._after_leading_titles(text, entity.start, entity.end)
        if start >= entity.end:
            return []
        start, end = self._name_part(text, start, entity.end)
        runs = self._name_runs(text, start, end)
        if runs == [(start, end)]:
            whole = entity if (start, end) == (entity.start, entity.end) else Entity(entity.type, start, end, entity.score)
            return [whole] if self.accept(text, whole) else []
        if start > 0 and text[start - 1].isalnum():
            return []  # the span starts inside a word ("VR:llä Ouluun"): the model misread the text here
        parts = [Entity(entity.type, self._without_sentence_opener(text, s, e), e, entity.score) for s, e in runs]
        return [p for p in parts if not self._doubtful_part(text, p.start, p.end, start, end) and self.accept(text, p)]

    def _without_sentence_opener(self, text: str, s: int, e: int) -> int:
        """Where a part of several words starts without a first word no name list holds that is capitalised only
        because it opens the sentence ("Pakk| Margus Ilves nimele ...": Estonian for parcel)."""
        words = list(_WORD.finditer(text, s, e))
        if len(words) > 1 and self._unknown_sentence_start(text, s, words[0].group()):
            return words[1].start()
        return s

    def _doubtful_part(self, text: str, s: int, e: int, start: int, end: int) -> bool:
        """A part ``text[s:e]`` of a broken span ``text[start:end]`` that is no name, though it may look like one:
        beside a capitalised word the lexicon refuses (a title or a brand: "Norby| Chronicles", "Hercule |Poirot",
        "Der |Schwarm"), glued to a digit ("Kaup|24"), or one word starting a sentence that the span ran on from
        ("Hai| visto", "Vale| anche": capitalised as any sentence start; measured on the DEV sets' real text)."""
        if (e < len(text) and text[e].isdigit()) or (s > 0 and text[s - 1].isdigit()):
            return True
        for near in (word_before(text, s), word_after(text, e)):
            if near is not None and start <= near[0] and near[1] <= end:
                word = text[near[0]:near[1]]
                if word[:1].isupper() and not self.could_be_in_name(word):
                    return True
        before = text[:s].rstrip(" \t\"'“„«(")
        one_word = len(_WORD.findall(text, s, e)) == 1
        opens = not before or before[-1] in ".!?…\n:;-–—"  # a sentence, a line of dialogue, a speaker's turn
        return one_word and e < end and opens and not name_evidence(text, s, e)

    def _after_leading_titles(self, text: str, start: int, end: int) -> int:
        """Where the span starts once leading titles, greetings and verbs of telling are dropped ("Hoi Joost",
        "Sano Riikkalle")."""
        for m in _WORD.finditer(text, start, end):
            if m.start() != start and text[start:m.start()].strip():
                break
            key = norm_key(m.group())
            if not (self.lex.get(key) & TITLE or key in GREETING_TOKENS or key in TELLING_TOKENS or key in _WISH_TOKENS):
                break
            start = m.end()
            while start < end and not (text[start].isalnum()):
                start += 1
        return start

    def _name_runs(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """``text[start:end]`` split into runs of words that may stand in a name, joined by blanks, a name
        particle or an initial's dot ("Jan van der Berg", "J. R. Tolkien"); any other word or sign ends a run
        ("Gismonda| lunedì", "Tuborg og |Gudny"). Particles at a run's ends are left out. A span with no word
        that breaks it comes back whole."""
        runs: list[tuple[int, int]] = []
        words: list[re.Match] = []
        taken = seen = 0
        # lower-case names only in a span written all in lower case ("yo con marisela"): beside capitalised words
        # a lower-case word is the sentence around a name
        lower = not any(ch.isupper() for ch in text[start:end])

        def close() -> None:
            while words and words[-1].group().islower() and words[-1].group() in NAME_PARTICLES:
                words.pop()
            while words and words[0].group().islower() and words[0].group() in NAME_PARTICLES and (
                    words[0].start() > start or len(words) == 1):
                words.pop(0)  # "festa do| Celso": after a refused word a particle is a preposition; "van Rossum" stays
            nonlocal taken
            if words:
                runs.append((words[0].start(), words[-1].end()))
                taken += len(words)
            words.clear()

        for m in _WORD.finditer(text, start, end):
            w, seen = m.group(), seen + 1
            joined = not words or _RUN_GAP.fullmatch(text, words[-1].end(), m.start())
            if not joined:
                close()
            if self.could_be_in_name(w) or (lower and self.lower_case_name(w)) or (w.islower() and w in NAME_PARTICLES):
                words.append(m)
            else:
                close()
        close()
        if len(runs) == 1 and taken == seen:
            return [(start, end)]  # nothing broke the span: its ends as they were (a trailing dot, an apostrophe)
        return runs

    def _name_part(self, text: str, start: int, end: int) -> tuple[int, int]:
        """``text[start:end]`` cut to its name: its first line ("Juho Laine\nOsoite": a name stays on its line,
        the next line's field label is none of it), without a leading word that is a compound of ordinary
        words ("Karteninhaber Hermine") or a lower-case particle before a lone first name ("Fotos von Broder")."""
        newline = text.find("\n", start, end)
        if newline > start:
            end = newline
            while end > start and text[end - 1] in " \t\r":
                end -= 1
        words = list(_WORD.finditer(text, start, end))
        while len(words) > 1 and self._leading_no_name(words[0].group(), words[1].group(), len(words)):
            words.pop(0)
            start = words[0].start()
        return start, end

    def _leading_no_name(self, lead: str, nxt: str, n: int) -> bool:
        """The first of ``n`` words of a span is none of the name before ``nxt``: a particle before a lone first
        name ("von Broder"), a compound of ordinary words ("Karteninhaber Hermine")."""
        if lead.islower():
            return lead in NAME_PARTICLES and n == 2 and bool(self.lex.get(norm_key(nxt)) & FIRST)
        key = norm_key(lead)
        return not self.lex.get(key) & (FIRST | LAST) and self._is_compound(key)

    def accept(self, text: str, entity: Entity) -> bool:
        """Whether a learned PERSON span of ``text`` is taken: every word may stand in a name and one of
        them could be a name on its own."""
        words = [w for w in _WORD.findall(text[entity.start:entity.end]) if not (w.islower() and w in NAME_PARTICLES)]
        if words and all(self.lower_case_name(w) for w in words):
            if len(words) == 1 and norm_key(words[0]) in GREETING_TOKENS | TELLING_TOKENS:
                return False
            # the place vetoes of a capitalised name, and for a word that is also a town, the rules' place context
            # ("driving to colton tomorrow", "stay in jasper")
            town = any(self.lex.get(norm_key(w)) & PLACE for w in words)
            return not (self._a_thing(text, entity.start, entity.end) or travel_destination(text, entity.start)
                        or self._after_place_preposition(text, entity.start)
                        or (town and place_context(self.lex, text, entity.start, entity.end, coord=False)))
        if not (words and all(self.could_be_in_name(w) for w in words) and any(self.could_be_name(w) for w in words)):
            return False
        if len(words) == 1 and field_label(text, entity.start, entity.end):
            return False  # "Feladó:", "Tárgy:" in an e-mail's header: a field, in a language our lists lack
        if len(words) == 1 and norm_key(words[0]) in GREETING_TOKENS | TELLING_TOKENS:
            return False  # "Tere, kas ...", "Hoi, is de fiets ...": a greeting, not a name
        if len(words) == 1 and self.lex.get(norm_key(words[0])) & (FIRST | AMBIG | COMMON | LAST) == _AMBIGUOUS_WORD:
            return named_here(text, entity.start, entity.end)
        if not cue(text, entity.start) and self._a_thing(text, entity.start, entity.end):
            return False
        if len(words) == 1 and self.lex.get(norm_key(words[0])) & (FIRST | PLACE | MAJOR) == FIRST | PLACE:
            # a first name that is also a minor place, as the rules' weakest guess: only with corroboration, or the
            # model sure of it where no preposition of place stands before it ("Colton and Kenzie say hi", "Tolga
            # haberdar"; GeoNames holds a town for most first names; not "flights to Colton")
            return weak_name_corroborated(text, entity.start, entity.end) or (
                entity.score >= self.town_name_min_score and not defined_after(text, entity.end)
                and not self._after_place_preposition(text, entity.start))
        if len(words) == 1 and travel_destination(text, entity.start) and not cue(text, entity.start):
            return False  # "Enjoy your stay in Selen!": a destination, as the rules read it
        if len(words) == 1 and (self.rare_word(words[0]) or self._unknown_sentence_start(text, entity.start, words[0])):
            # "collect your Thunderbolt", "Argh..", "Kolimine 4. kuupäeval", "Udlejer er ..."
            return name_evidence(text, entity.start, entity.end) or self._beside_name_part(text, entity.start, entity.end)
        return True

    @staticmethod
    def _after_place_preposition(text: str, start: int) -> bool:
        return bool(_PLACE_PREPOSITION_BEFORE_RE.search(text, max(0, start - 16), start))

    def _unknown_sentence_start(self, text: str, start: int, word: str) -> bool:
        """A word no name list holds, capitalised because it starts a sentence or line: in the languages our word
        lists lack (Estonian, Finnish, the Nordic ones) an ordinary word looks the same to the model ("Kolimine",
        "Udlejer", "Käisime"); measured on the fresh DEV set, the commonest false name. It then needs evidence."""
        if not word[1:].islower() or self.lex.get(norm_key(word)) & (FIRST | LAST):
            return False  # "RoboHak": written as no word is written, a nick
        before = text[:start].rstrip(" \t\"'“„«(")
        return not before or before[-1] in ".!?…\n"

    def _a_thing(self, text: str, start: int, end: int) -> bool:
        """Context that makes a span no person, as the rules read it: a title or a character ("Vaatasime Sherlock
        filmi", ``name_context.work_title``), a product, team or company after it ("the Zorblax modem",
        ``name_runs.NOT_PERSON_AFTER_RE``), a word glued to it by a sign ("Zorblax!Box"), or the span is itself
        the verb that names an addressee ("Dile a ...")."""
        run = run_end(text, end)
        if work_title(text, start, run) or NOT_PERSON_AFTER_RE.match(text, run):
            return True
        if end < len(text) - 1 and text[end] in _GLUE and text[end + 1].isalnum():
            return True
        if start > 1 and text[start - 1] in _GLUE + "^_\\" and text[start - 2].isalnum():
            return True  # "nivea^Wlevel", "foo/Bar": glued after a word
        if start > 0 and text[start - 1] in "=+[*{~":  # (not "<": IRC's "<nick>")
            return True  # "[-+=AacdisSu]": an option string, a key's value; "*IXow]"
        if _MODEL_CODE_AFTER_RE.match(text, end):
            return True  # "printer Lexmark Z42": a product and its model
        return addressee_cue(text, start, end) or self._hyphened_thing(text, start, end)

    def _hyphened_thing(self, text: str, start: int, end: int) -> bool:
        """A word joined by a hyphen to a part that no name list holds is a compound, not a double name
        with an ordinary word in it
        ("CfP-Frontend", "Lambda-Kalkül", "Hick-Hack"; but "Jean-Pierre", "Gruber-Moser", "Kertu-le"): on the fresh real
        DEV set (German IRC) the model's commonest false name after nicks."""
        m = _HYPHENED.match(text, start) if start == 0 or not text[start - 1].isalnum() else None
        whole = m.group() if m and m.end() >= end else None
        if whole is None:
            after = _HYPHENED.match(text, _word_start(text, end)) if text[end:end + 1] == "-" else None
            whole = after.group() if after and after.start() <= start else None
        if whole is None or "-" not in whole:
            return False
        # an ordinary word as a part makes it a compound; a case ending ("Kertu-le") or an unknown part does not
        return any(self.lex.get(norm_key(part)) & (FIRST | LAST | COMMON) == COMMON or self.rare_word(part)
                   for part in whole.split("-") if part[:1].isupper() or len(part) > 3)

    def _beside_name_part(self, text: str, start: int, end: int) -> bool:
        """A capitalised word right before or after ``text[start:end]`` (blanks and particles between) may stand in
        a name and is no rare word: the span is one word of a longer name ("Obadiah O'Halloran")."""
        for near in (word_before(text, start), word_after(text, end)):
            if near is not None:
                word = text[near[0]:near[1]]
                if self.could_be_in_name(word) and not self.rare_word(word):
                    return True
        return False

    def _rare_word(self, word: str) -> bool:
        """A word of a dictionary that is no known name, written as a word is ("Thunderbolt", not "RoboHak"): a rare
        word, or a compound whose head is one ("Reisepass|nummer")."""
        key = norm_key(word)
        return (word[1:].islower() and not self.lex.get(key) & (FIRST | LAST)
                and (key in self.rare_words or self._is_compound(key, rare_head=True)))

    def worth_running(self, text: str, covered: Sequence[tuple[int, int]] = ()) -> bool:
        """Whether a learned PERSON span could change what is scrubbed in ``text``: it holds a word that
        could be a name, and a word that may stand in one outside the ``covered`` spans (what the rules
        found already). Else no span the vetting takes could add anything, so the model need not run."""
        could_be, outside = False, False
        for m in _WORD.finditer(text):
            w = m.group()
            if not w[:1].isupper():
                if self.lower_case_name(w) and not any(s <= m.start() < e for s, e in covered):
                    return True  # a lower-case name the rules left
                continue
            could_be = could_be or self.could_be_name(w)
            if not outside and self.could_be_in_name(w):
                outside = not any(s <= m.start() < e for s, e in covered)
            if could_be and outside:
                return True
        return False


@functools.lru_cache(maxsize=1)
def _word_start(text: str, pos: int) -> int:
    """The start of the word ending at or containing ``pos`` (for a hyphenated word read from its end)."""
    while pos > 0 and (text[pos - 1].isalnum() or text[pos - 1] in "-'’"):
        pos -= 1
    return pos


def default_vetting(town_name_min_score: float = 0.95) -> PersonVetting:
    """The vetting over the scrubber's own lexicon (its word lists are loaded once per process)."""
    from tunehouse.pii.lexicon import load_chat_words, load_lexicon, load_rare_words

    return PersonVetting(load_lexicon(), load_rare_words(), load_chat_words(), town_name_min_score)
