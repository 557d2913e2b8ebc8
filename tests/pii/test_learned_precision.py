"""Precision of the scrubber beside the learned model, no model needed: the rare-word list
(``resources/pii_rare_words.txt``: dictionary words below the common-word bar that no name list holds) and its one
reader, the learned model's vetting: a rare word tagged alone as a name is taken only with evidence of a name
around it (run on hand-made spans over the real lexicon)."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys

import pytest
from tunehouse.pii import build_resources as build
from tunehouse.pii.learned.vetting import PersonVetting, default_vetting
from tunehouse.pii.lexicon import (
    FIRST,
    LAST,
    MANIFEST_FILE,
    RARE_WORDS_FILE,
    SortedWords,
    load_lexicon,
    load_rare_words,
    norm_key,
)
from tunehouse.pii.scrubber import Entity


def _person(text: str, value: str) -> Entity:
    start = text.index(value)
    return Entity("PERSON", start, start + len(value), 0.99)


# ---------------------------------------------------------------------------------- the list

def test_sorted_words_finds_every_line_and_nothing_else():
    words = sorted({"".join(random.Random(i).choices("abcdeé'-", k=1 + i % 9)) for i in range(3000)})
    table = SortedWords("".join(w + "\n" for w in words))
    assert all(w in table for w in words)  # first, last and every line between
    assert not any(w + "z" in table for w in words)
    assert "" not in table and "a\nb" not in table and None not in table
    assert "x" not in SortedWords("") and "b" in SortedWords("a\nb")  # empty; no final newline


def test_shipped_rare_words_are_words_and_never_names():
    rare, lex = load_rare_words(), load_lexicon()
    for word in ("thunderbolt", "argh", "bohemian", "pacman", "reisepass", "rhapsody"):
        assert word in rare, word
    for word in ("anna", "kowalski", "house", "haus", "la"):  # names and common words are not in it
        assert word not in rare, word
    lines = RARE_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines) and all(w == norm_key(w) and w.islower() for w in lines[::97])
    for word in random.Random(9).sample(lines, 5000):  # (a language name may be one: "kazako", common already)
        assert not lex.get(word) & (FIRST | LAST), word


def test_rare_words_follow_the_rule():
    """Between the name-use bar of the rarest class nam_dict records and the common-word bar, less the names."""
    manifest = json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))
    log_rate = manifest["rule"]["log10_name_rate"]
    assert manifest["rule"]["rare_word_zipf"] == round(math.log10(build.NAM_DICT_FINEST_SHARE) + 9 + log_rate, 2)
    assert manifest["rule"]["rare_word_zipf"] < manifest["rule"]["word_zipf"]
    zipf = {lang: {} for lang in build.WORD_LANGUAGES}
    zipf["en"] = {"thunderbolt": 3.09, "unicron": 1.99, "obadiah": 2.37, "house": 5.6, "x1": 3.0, "№": 2.5}
    zipf["pl"] = {"wytwornia": 2.4}
    assert build._rare_words(zipf, 2.13, exclude={"house", "obadiah"}) == ["thunderbolt", "wytwornia"]


def test_rules_never_load_the_rare_words(tmp_path):
    """Only the learned model's vetting reads the list: a rules-only scrub pays nothing for it."""
    code = ("from tunehouse.pii.lexicon import load_rare_words\n"
            "from tunehouse.pii.scrubber import get_scrubber\n"
            "out, _ = get_scrubber().scrub_text('Collect your Thunderbolt, Anna Kowalski!')\n"
            "assert '<PERSON_1>' in out, out\n"
            "print(load_rare_words.cache_info().currsize)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "0"


# ------------------------------------------------------------------------------- the vetting

@pytest.mark.parametrize("text, value", [
    ("is it a sign of mental illness to collect your Thunderbolt, hop in the pool", "Thunderbolt"),
    ("Argh.. who's handing out the paper bags 8)", "Argh"),
    ("O que acha dos jogos do Pacman?", "Pacman"),
    ('ik hoor dat "Bohemian Rhapsody" een klassieker is', "Bohemian"),  # the neighbour is a rare word too
    ("If Xerxes had a tech spec card, his motto would be", "Xerxes"),  # a word first, with no cue
    ("Reisepassnummer abgelaufen, was nun?", "Reisepassnummer"),  # a rare word and an ordinary one
])
def test_a_rare_word_alone_without_evidence_is_refused(text, value):
    assert not default_vetting().accept(text, _person(text, value))


@pytest.mark.parametrize("text, value", [
    ("Ask Obadiah if you don't believe me.", "Obadiah"),  # a verb of asking
    ("Diz ao Xerxes que as chaves estão com a vizinha.", "Xerxes"),  # of telling, in Portuguese
    ("Falei com Xerxes ontem, diz que a fatura já saiu.", "Xerxes"),  # of talking with
    ("Obadiah, try not to be too scared.", "Obadiah"),  # addressed
    ("Solver_: add users who should be messing with it", "Solver"),  # a chat speaker's prefix
    ("<Solver> add users who should be messing with it", "Solver"),
    ("Obadiah O'Halloran: Tell me about it", "Obadiah"),  # one word of a longer name
    ("Xerxes said the keys are with the neighbour", "Xerxes"),  # a cue after it
    ("RoboHak - okay, the patch isn't broken", "RoboHak"),  # written as no word is
    ("collect your Ezinne, hop in the pool", "Ezinne"),  # not a word of any list: the model decides
])
def test_a_rare_word_with_evidence_or_no_word_is_taken(text, value):
    assert default_vetting().accept(text, _person(text, value))


@pytest.mark.parametrize(("text", "value", "taken"), [
    ("Kolimine 4. kuupäeval: Narva mnt 2, Tallinn", "Kolimine", False),  # an Estonian word starting the line
    ("Udlejer er Bent, tlf. 20 30 40 50", "Udlejer", False),
    ("All good. Käisime eile kinos", "Käisime", False),  # after a sentence end
    ("Ezinne, kas jalgratas on veel müügil?", "Ezinne", True),  # addressed: evidence
    ("Ezinne said the keys are with the neighbour", "Ezinne", True),  # a cue after it
    ("collect your Ezinne, hop in the pool", "Ezinne", True),  # inside a sentence: the model decides
])
def test_an_unknown_word_starting_a_sentence_needs_evidence(text, value, taken):
    assert default_vetting().accept(text, _person(text, value)) is taken


@pytest.mark.parametrize(("text", "value", "taken"), [
    ("Das CfP-Frontend ist identisch", "CfP", False),  # a compound with a dictionary word
    ("Das Lambda-Kalkül ist es", "Lambda-Kalkül", False),
    ("wir haben kein nivea^Wlevel mehr", "Wlevel", False),  # glued after a word
    ("Hey Anne-Sophie, kommst du?", "Anne-Sophie", True),  # a double first name
    ("Ütle Kertu-le, et ta helistaks", "Kertu", True),  # a case ending after a hyphen
])
def test_hyphened_and_glued_words(text, value, taken):
    assert default_vetting().accept(text, _person(text, value)) is taken


@pytest.mark.parametrize(("text", "name"), [
    ("Tere Mari, kas jalgratas on veel müügil?", "Mari"),  # a greeting that is also a first name stays out
    ("Hei Teemu, onko pyörä vielä myynnissä?", "Teemu"),
    ("Hallo Can Öztürk, wie gehts", "Can Öztürk"),
])
def test_a_greeting_is_no_part_of_the_name(text, name):
    from tunehouse.pii.scrubber import Scrubber

    assert [text[e.start:e.end] for e in Scrubber().detect(text) if e.type == "PERSON"] == [name]


def test_without_the_list_the_vetting_is_as_before():
    vetting = PersonVetting(load_lexicon())  # no rare words given: nothing is a rare word
    text = "is it a sign of mental illness to collect your Thunderbolt, hop in the pool"
    assert vetting.accept(text, _person(text, "Thunderbolt"))
    assert not vetting.rare_word("Thunderbolt") and default_vetting().rare_word("Thunderbolt")



@pytest.mark.parametrize(("text", "span", "kept"), [
    ("Nimi: Juho Laine\nOsoite: Pyynikintie 134", "Juho Laine\nOsoite", "Juho Laine"),  # a name stays on its line
    ("Name: Mareike Feldhaus\nAnschrift: Hinter den Höfen 203", "Mareike Feldhaus\nAnschrift", "Mareike Feldhaus"),
    ("ging nicht durch, Karteninhaber Hermine Lechner", "Karteninhaber Hermine", "Hermine"),  # a compound before it
    ("neue Fotos online (Fotos von Broder)", "von Broder", "Broder"),  # a particle before a lone first name
    ("gesprek met van Rossum morgen", "van Rossum", "van Rossum"),  # ... but not before a surname
])
def test_a_learned_span_is_cut_to_its_name(text, span, kept):
    out = default_vetting().vetted(text, _person(text, span))
    assert [text[e.start:e.end] for e in out] == [kept]


@pytest.mark.parametrize(("text", "value"), [
    ("usage: frob [-RV] [-+=QxvidsTm] files", "QxvidsTm"),  # an option string after "="
    ("how to install the printer Brennix Z42 on linux?", "Brennix"),  # a product and its model code
    ("er outet sich als Zorvana fan", "Zorvana"),  # a fan of a work or band
])
def test_a_learned_span_in_the_context_of_a_thing_is_refused(text, value):
    assert default_vetting().vetted(text, _person(text, value)) == []


def test_an_irc_nick_in_angle_brackets_is_still_taken():
    text = "<Poluvex[#linuxpl]> kto ma klucz?"
    assert default_vetting().vetted(text, _person(text, "Poluvex")) != []


@pytest.mark.parametrize("text", [
    "Iemand al bij de nieuwe Albert Heijn op het plein geweest?",  # a chain named like a person
    "The Tim Hortons on King Street has the good coffee",
    "Tesco, Aldi or Lidl for the party stuff?",
])
def test_shops_and_brands_are_no_names(text):
    from tunehouse.pii.scrubber import Scrubber

    assert not [e for e in Scrubber().detect(text) if e.type == "PERSON"]


def test_a_first_name_that_is_also_a_brand_is_listed_only_in_its_longer_form():
    from tunehouse.pii.scrubber import Scrubber

    text = "Falei com Albert ontem"
    assert [text[e.start:e.end] for e in Scrubber().detect(text) if e.type == "PERSON"] == ["Albert"]


@pytest.mark.parametrize("text", [
    "Teenindaja: tere, kuidas saan teid aidata?",  # a service transcript's role word
    "Silvester feiern wir dieses Jahr zu Hause",  # a holiday
    "Feliz Navidad a todos!",
])
def test_holidays_and_role_words_are_no_names(text):
    from tunehouse.pii.scrubber import Scrubber

    assert not [e for e in Scrubber().detect(text) if e.type == "PERSON"]


@pytest.mark.parametrize(("text", "span", "kept"), [
    # the model's span runs on past the name: the name is taken, the words after it are not
    ("ci vediamo da Gismonda lunedì alle otto", "Gismonda lunedì", ["Gismonda"]),
    ("pour le mariage de Ermeline on cotise", "mariage de Ermeline", ["Ermeline"]),
    ("apparently Marta fancies Jonas Weber now", "Marta fancies Jonas Weber", ["Marta", "Jonas Weber"]),
    ("gestern im Regen, Jonas musste ihn abholen", "Jonas musste", ["Jonas"]),
    ("então o Guida apareceu na festa do Celso ontem", "festa do Celso", ["Celso"]),
])
def test_a_learned_span_that_runs_on_is_split_at_the_words_no_name_holds(text, span, kept):
    out = default_vetting().vetted(text, _person(text, span))
    assert [text[e.start:e.end] for e in out] == kept


@pytest.mark.parametrize(("text", "span"), [
    ("Hai visto la finale ieri sera?", "Hai visto"),  # a verb opening the sentence, capitalised as any opener
    ("- Vale anche per i masochisti?", "Vale anche"),  # ... after a dialogue dash
    ("tere, mu Kaup24 pakk ei jõudnud kohale", "mu Kaup24"),  # glued to a digit: a shop's name
    ("Fun fact: The Norby Chronicles was written by two people", "Norby Chronicles"),  # beside a title word
])
def test_a_part_of_a_broken_span_that_only_looks_like_a_name_is_refused(text, span):
    assert default_vetting().vetted(text, _person(text, span)) == []


def test_an_unbroken_span_keeps_its_exact_ends():
    text = "Thanks, Mareike Feldhaus."
    assert [text[e.start:e.end] for e in default_vetting().vetted(text, _person(text, "Mareike Feldhaus."))] == [
        "Mareike Feldhaus."]


@pytest.mark.parametrize(("text", "span"), [
    ("Feliz Natal a todos, até para o ano!", "Feliz Natal"),  # a holiday wish: "Natal" is then a big place alone
    ("Frohe Weihnachten euch allen", "Frohe Weihnachten"),
])
def test_a_holiday_wish_is_no_name(text, span):
    assert default_vetting().vetted(text, _person(text, span)) == []
