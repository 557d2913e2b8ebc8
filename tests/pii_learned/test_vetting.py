"""The vetting of the learned model's PERSON spans (pii/learned/vetting.py), on the scrubber's real
lexicon, and the detector's use of it: vetted spans only, and texts vetting rules out skip the model."""

from __future__ import annotations

import pytest
from tunehouse.pii.learned.detector import LearnedDetector
from tunehouse.pii.learned.vetting import PersonVetting, default_vetting
from tunehouse.pii.lexicon import COMMON, Lexicon
from tunehouse.pii.scrubber import Entity


def _person(text: str, value: str) -> Entity:
    start = text.index(value)
    return Entity("PERSON", start, start + len(value), 0.99)


@pytest.mark.parametrize("text, value", [
    ("Ask Ysolde if you don't believe me.", "Ysolde"),
    ("Marisol: thanks, that fixed it", "Marisol"),
    ("I spoke to Obrecht Vanterpool yesterday", "Obrecht Vanterpool"),
    ("Hallo mevrouw Annelot van Kessel", "Annelot van Kessel"),  # a particle inside a name
])
def test_names_pass(text, value):
    assert default_vetting().accept(text, _person(text, value))


@pytest.mark.parametrize("text, value", [
    ("rent goes out on friday", "rent"),  # lower case: left to the rule detectors
    ("Mein PESEL ist falsch", "PESEL"),  # an acronym
    ("Q said hi", "Q"),  # a single letter
    ("Le colis est arrivé", "Le"),  # a particle alone
    ("Madrid was lovely", "Madrid"),  # a big place, known only as a surname otherwise
])
def test_non_names_are_refused(text, value):
    assert not default_vetting().accept(text, _person(text, value))


@pytest.mark.parametrize("text, value, taken", [
    ("Würdest du mit mir ins Kino gehen?", "Kino", False),  # de "cinema", also a first name: alone, no context
    ("Rien de nouveau, et toi ?", "Rien", False),  # fr "nothing"
    ("Kino, kommst du heute?", "Kino", True),  # addressed at the start of a sentence
    ("Ich weiß es nicht, Kino.", "Kino", True),  # addressed at the end of one
    ("Thanks Kino, see you", "Kino", True),  # after a name cue
    ("Dile a Ainara que ya llegué", "Ainara", True),  # not an ordinary word: as before
])
def test_an_ordinary_word_that_is_also_a_first_name_needs_context_alone(text, value, taken):
    """The lexicon's ambiguous first names (an ordinary word too, no surname) are names for the rules only
    after a cue or beside another name part; a learned span of that word alone needs a cue or the word
    addressed on its own."""
    assert default_vetting().accept(text, _person(text, value)) is taken


def test_ordinary_words_and_their_compounds_are_refused():
    lex = Lexicon()
    for word in ("nummer", "versicherung", "haus", "tur"):  # lexicon keys: lower case, accents stripped
        lex.flags[word] = COMMON
    vetting = PersonVetting(lex)
    assert not vetting.could_be_name("Haus")  # an ordinary word
    assert not vetting.could_be_name("Versicherungsnummer")  # word + linking "s" + word
    assert not vetting.could_be_name("Haustür")  # word + word
    assert vetting.could_be_name("Hausmann")  # "mann" is not an ordinary word of this lexicon
    assert vetting.could_be_name("Tamsin")


def test_worth_running_needs_a_word_that_could_be_a_name():
    vetting = default_vetting()
    assert vetting.worth_running("thanks, Ysolde will call back")
    assert not vetting.worth_running("thanks, the parcel arrived on monday")
    assert not vetting.worth_running("<PERSON_1> said the ETA is 10 minutes")


def test_the_detector_takes_only_vetted_spans_and_skips_texts_with_no_candidate(model_dir, monkeypatch):
    raw = LearnedDetector.load(str(model_dir), device="cpu", min_score=0.0)
    vetted = LearnedDetector.load(str(model_dir), device="cpu", min_score=0.0, entities=("PERSON",), vet=True)
    texts = ["Ask Ysolde if you don't believe me.", "the invoice was paid twice", "Rent goes to the old account."]
    vetting = default_vetting()
    for text, got, everything in zip(texts, vetted.detect_batch(texts), raw.detect_batch(texts)):
        expected = [e for e in everything if e.type == "PERSON" and vetting.accept(text, e)]
        assert got == expected
    seen: list[list[str]] = []
    original = vetted._detect_all
    monkeypatch.setattr(vetted, "_detect_all", lambda batch: seen.append(list(batch)) or original(batch))
    vetted.detect_batch(texts)
    # "the invoice was paid twice" and "Rent goes ..." ("Rent" is an ordinary word) hold no word that could be a name
    assert seen == [[texts[0]]] == [[t for t in texts if vetting.worth_running(t)]]


def test_skipping_the_model_changes_no_scrubbed_text(model_dir, monkeypatch):
    """The scrubber runs the model only where a vetted span could add something beside the rules' spans;
    running it everywhere gives the same entities."""
    from tunehouse.pii.learned import vetting
    from tunehouse.pii.scrubber import Scrubber

    texts = ["Ask Ysolde if you don't believe me.", "Hi, I'm Anna Kowalski, booking ref X7K9QZ.",
             "Rent goes to the old account.", "Ysolde Brannoc called from +44 7700 900123 about Lisbon.",
             "the invoice was paid twice", "Danke, Herr Obrecht, bis morgen!"]
    detector = LearnedDetector.load(str(model_dir), device="cpu", entities=("PERSON",), vet=True)
    selective = Scrubber(learned=detector).detect_batch(texts)
    calls: list[int] = []
    original = detector._detect_all
    monkeypatch.setattr(detector, "_detect_all", lambda batch: calls.append(len(batch)) or original(batch))
    monkeypatch.setattr(vetting.PersonVetting, "worth_running", lambda self, text, covered=(): True)
    everywhere = Scrubber(learned=detector).detect_batch(texts)
    assert calls == [len(texts)] and selective == everywhere


def test_honorifics_are_trimmed_and_places_may_stand_beside_a_name():
    vetting = default_vetting()
    text = "Danke, Herr Obrecht, bis morgen!"
    trimmed = vetting.vetted(text, _person(text, "Herr Obrecht"))
    assert [text[e.start:e.end] for e in trimmed] == ["Obrecht"]
    assert vetting.vetted(text, _person(text, "Herr")) == []
    text = "Taverny Zanetti: grazie mille"  # "Taverny" is a town of the lexicon (a place, no name)
    assert vetting.accept(text, _person(text, "Taverny Zanetti"))
    assert not vetting.accept(text, _person(text, "Taverny"))  # a place alone stays a place
    text = "Does the pass work in France and Sydney?"  # big places, though also first names
    assert not vetting.accept(text, _person(text, "France")) and not vetting.accept(text, _person(text, "Sydney"))
    text = "Your Air France flight leaves at nine"  # a brand of the lexicon
    assert not vetting.accept(text, _person(text, "Air France"))


@pytest.mark.parametrize("text, value, taken", [
    ("Enjoy your stay in Selen!", "Selen", False),  # a destination after a travel word, as the rules read it
    ("Have a wonderful trip to Ysolde.", "Ysolde", False),
    ("Please forward it to Selen before Friday.", "Selen", True),  # "to" without a travel word: a person
    ("Thanks Selen, enjoy your trip", "Selen", True),
    ("my flight to Obrecht Vanterpool", "Obrecht Vanterpool", True),  # two name words: a person still
])
def test_a_lone_name_after_a_travel_word_is_a_destination(text, value, taken):
    assert default_vetting().accept(text, _person(text, value)) is taken


@pytest.mark.parametrize("text, value, taken", [
    # titles of works and characters (name_context.work_title), judged over the capitalised run the span is in
    ("We binge-watched Anne Shirley last weekend.", "Anne", False),
    ("Tonight we are rewatching Forrest Gump again", "Forrest", False),
    ("Mijn favoriete personage is Pippi Langkous.", "Pippi", False),
    # a product, team or company after it, a sign gluing it to another word, the verb that names an addressee
    ("the Zorblax modem keeps dropping the line", "Zorblax", False),
    ("my Quennel!Cloud login expired", "Quennel", False),
    ("Dime a Tobias si viene mañana.", "Dime", False),
    # a first name that is also a minor place, alone: only with corroboration, as the rules' weakest guess
    ("Shelby, the town by the river, was lovely.", "Shelby", False),
    ("Shelby said she would call back.", "Shelby", True),
    # the same words as names
    ("I met Forrest at the cafe, he says hi.", "Forrest", True),
    ("Zorblax said the invoice is fine.", "Zorblax", True),
])
def test_things_named_like_people_are_refused(text, value, taken):
    assert default_vetting().accept(text, _person(text, value)) is taken


@pytest.mark.parametrize("text, value, taken", [
    ("ok so anselmo is bringing the tent", "anselmo", True),  # a first name, and no word of any language we list
    ("yo con marisela, el resto libre", "marisela", True),
    ("vi ses til fredag", "til", False),  # Danish/Norwegian "to": a frequent word of a chat language
    ("det er min bil", "min", False),
    ("I will call later", "will", False),  # an ordinary word of the lexicon
    ("hi, can you help", "hi", False),
])
def test_a_lower_case_first_name_is_taken_unless_it_is_a_word_of_a_chat_language(text, value, taken):
    assert default_vetting().accept(text, _person(text, value)) is taken


def test_in_a_span_with_capitals_a_lower_case_word_is_no_name_part():
    text = "ci vediamo da Gismonda anselmo lunedì"  # beside a capitalised name, the sentence around it
    span = "Gismonda anselmo lunedì"
    assert [text[e.start:e.end] for e in default_vetting().vetted(text, _person(text, span))] == ["Gismonda"]


def test_worth_running_sees_a_lower_case_name_the_rules_left():
    vetting = default_vetting()
    assert vetting.worth_running("ok so anselmo is bringing the tent")
    assert not vetting.worth_running("ok so anselmo is bringing the tent", covered=[(6, 13)])
    assert not vetting.worth_running("vi ses til fredag med min bil")


def test_a_lower_case_span_needs_the_higher_score(model_dir):
    detector = LearnedDetector.load(str(model_dir), device="cpu", entities=("PERSON",), vet=True,
                                    lower_case_min_score=0.95)
    text = "ok so anselmo is bringing the tent"
    start = text.index("anselmo")
    sure, unsure = (Entity("PERSON", start, start + 7, score) for score in (0.97, 0.92))
    assert detector._kept(text, sure) == [sure] and detector._kept(text, unsure) == []
    text = "ok so Anselmo is bringing the tent"  # capitalised: the ordinary min_score only
    assert detector._kept(text, Entity("PERSON", start, start + 7, 0.92)) != []


@pytest.mark.parametrize("text, value, taken", [
    ("Colton and Kenzie say hi from the warehouse", "Colton", True),  # a name that is also a small town, model sure
    ("say hi to Colton from all of us", "Colton", True),  # "to" also marks a person
    ("we drove in Colton for an hour", "Colton", False),  # a preposition of place
    ("we're driving to colton tomorrow", "colton", False),  # lower case: the travel veto too
])
def test_a_first_name_that_is_also_a_town(text, value, taken):
    vetting = default_vetting()
    start = text.index(value)
    assert vetting.accept(text, Entity("PERSON", start, start + len(value), 0.99)) is taken


def test_the_town_name_score_is_a_setting_that_reaches_the_vetting(model_dir):
    from tunehouse.config import load_settings
    from tunehouse.pii.learned.detector import detector_from_settings

    settings = load_settings(overrides=[f"pii.model.path={model_dir}", "pii.model.town_name_min_score=0.999"])
    vetting = detector_from_settings(settings)._vetting
    text = "Colton and Kenzie say hi from the warehouse"
    assert vetting.town_name_min_score == 0.999
    assert not vetting.accept(text, Entity("PERSON", 0, 6, 0.99))  # not sure enough now, and no cue
