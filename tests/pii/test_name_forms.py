"""Names in the forms people of the fresh set's languages write them: after a verb of telling, a title, a
greeting; and what is no name: a greeting alone, a verb of telling, a shop after a fused article."""

from __future__ import annotations

import pytest
from tunehouse.pii.scrubber import Scrubber


@pytest.fixture(scope="module")
def scrubber():
    return Scrubber()


def _people(scrubber, text):
    return [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "PERSON"]


@pytest.mark.parametrize(("text", "names"), [
    ("Dile a Eusebio que me llame", ["Eusebio"]),  # a first name that is also a place, after "tell"
    ("Diz à Madalena para me ligar", ["Madalena"]),
    ("Sig til Lærke, at hun skal ringe", ["Lærke"]),  # an unknown word after "tell"
    ("thanks Ann! and say hi to Hermione and the kids", ["Ann", "Hermione"]),
    ("Der Schlüssel ist oben, klingeln bei Pospischil", ["Pospischil"]),
    ("O consultório do Dr. Siqueira mudou", ["Siqueira"]),  # an ordinary word of some language after a title
    ("Sano Riikkalle että soittaa", ["Riikkalle"]),  # the verb of telling is no part of the name
    ("Tere Mari, kas jalgratas on veel müügil?", ["Mari"]),
])
def test_names(scrubber, text, names):
    assert _people(scrubber, text) == names


@pytest.mark.parametrize("text", [
    "Tere, kas jalgratas on veel müügil?",  # a greeting alone greets nobody by name
    "Hoi, is de fiets nog te koop?",
    "Beim Aldi gibt es wieder Grills",  # a shop after a fused article
    "we flew to Paris last May",
])
def test_no_names(scrubber, text):
    assert _people(scrubber, text) == []


@pytest.mark.parametrize(("text", "handles"), [
    ("gg xniamhx, rematch tomorrow? my discord is xorlax too lol", ["xniamhx", "xorlax"]),
    ("Seltsamer Login auf meinem Konto hild423, war das jemand", ["hild423"]),
    ("DM'd nigel2 about the PS5", ["nigel2"]),
    ("account is kayleigh18, pw was hunter2", ["kayleigh18"]),
    ("my account is suspended", []),  # a common word
    ("gg everyone, well played", []),  # after a verb only what looks like a handle
    ("my steam is broken", []),
])
def test_handles_after_a_platform_or_messaging_word(scrubber, text, handles):
    assert [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "USERNAME"] == handles


def test_after_a_name_particle_an_ordinary_word_is_a_surname(scrubber):
    text = "Het pakketje van Gerrit van Leeuwen is bij mij bezorgd"  # Dutch "leeuwen" (lions) is an ordinary word
    assert _people(scrubber, text) == ["Gerrit van Leeuwen"]


@pytest.mark.parametrize(("text", "names"), [
    ("Mon propriétaire s'appelle Bleuenn Lavergne, il habite ici", ["Bleuenn Lavergne"]),  # a naming verb
    ("Mein Vermieter heißt Jörg Pohlmann", ["Jörg Pohlmann"]),
    ("Het pakketje van Fleur van Leeuwen is bezorgd", ["Fleur van Leeuwen"]),  # a first name that is a word
    ("Nimm die Hände von der Tastatur", []),  # German "von der" is a preposition
])
def test_naming_verbs_and_particles(scrubber, text, names):
    assert _people(scrubber, text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("ask Wojciech Abramczyk about the keys", ["Wojciech Abramczyk"]),  # an unknown word after a plain first name
    ("the invoice went to Harriet Quenneville twice", ["Harriet Quenneville"]),
    ("we met Tamsin Brennan at the gate", ["Tamsin Brennan"]),  # an unknown word before a lone surname
    ("Ho parlato con Carmelo Lo Presti ieri", ["Carmelo Lo Presti"]),  # capitalised Italian particle "Lo"
    ("Hablé con De Luca ayer", ["De Luca"]),  # a capitalised particle before the surname
])
def test_unknown_surnames_and_capitalised_particles_join_a_name(scrubber, text, names):
    assert _people(scrubber, text) == names


@pytest.mark.parametrize(("text", "kept"), [
    ("Pakk Margus Ilves nimele tuli", "Pakk"),  # a sentence's first word is no first name before a name
    ("Du Peter, hast du Zeit?", "Du"),  # a capitalised pronoun is no particle
])
def test_what_stays_beside_a_name(scrubber, text, kept):
    assert scrubber.scrub_text(text)[0].startswith(kept)


@pytest.mark.parametrize(("text", "names"), [
    ("Viewing on Friday with our agent Tamati Whaanga", ["Tamati Whaanga"]),  # a role noun before the name
    ("bezichtiging met makelaar Wout Hendrickx, bel even", ["Wout Hendrickx"]),
    ("spotkanie z pośrednik Bogumił Kowal jutro", ["Bogumił Kowal"]),
    ("please send it attn Dashawn Pettigrew", ["Dashawn Pettigrew"]),  # an attention line
    ("oi Marta, é a Iraci, cheguei", ["Marta", "Iraci"]),  # a self-introduction
    ("hej Ebba, det är Tuva, bilen står ute", ["Ebba", "Tuva"]),
    ("the parcel is by the door, im out. Ngaire", ["Ngaire"]),  # a one-word signature after a sentence
])
def test_role_nouns_introductions_and_signatures_cue_a_name(scrubber, text, names):
    assert _people(scrubber, text) == names


@pytest.mark.parametrize("text", [
    "What do you get when you cross a cow and a duck? Milk-quack.",  # a punch line, no signature
    "see you tomorrow. Kiitos",  # a closing word of a language the word lists lack
    "Żółw. Żółw. Żółw",  # a word said before
])
def test_a_last_word_that_is_no_signature(scrubber, text):
    assert not _people(scrubber, text)


@pytest.mark.parametrize(("text", "names"), [
    ("Your agent will be Tamsin Quayle, mobile below", ["Tamsin Quayle"]),  # a role and "will be"
    ("his wife Ngaire handles the billing", ["Ngaire"]),  # a family noun alone
    ("login blocked, user Tane Whaanga (see log)", ["Tane Whaanga"]),
    ("Navn: Vebjørn Hagen\nAdresse: Storgata 3", ["Vebjørn Hagen"]),  # the word for name, Norwegian
    ("Fatura em nome de Iraci Barbosa, pagamento por MB", ["Iraci Barbosa"]),
    ("spoke w/ Tamsin Quayle re renewal", ["Tamsin Quayle"]),
    ("odbiorca: Bogumił Nowak, ul. Długa 3", ["Bogumił Nowak"]),  # the recipient
    ("hej Villads, det er Bodil", ["Villads", "Bodil"]),  # Nordic greetings
    ("forsikret Marthe Synnøve Fosse, født i Bergen", ["Marthe Synnøve Fosse"]),  # an ordinary word ending the name
])
def test_more_cues_and_surnames_that_are_words(scrubber, text, names):
    assert _people(scrubber, text) == names


@pytest.mark.parametrize("text", [
    "und jetzt bauen wir das noch in son Filmplakat ein",  # German "son" (so ein) is no family noun
    "Hi Anna Great, thanks",  # a greeting word is no surname
])
def test_no_more_than_the_name(scrubber, text):
    assert all(" " not in p for p in _people(scrubber, text)) and "Filmplakat" not in _people(scrubber, text)


@pytest.mark.parametrize(("text", "names"), [
    ("ok but don't tell dougal about the party", ["dougal"]),  # a lower-case first name after "tell"
    ("Wimbledon umpires are a joke", []),  # not after an article: "joke" is also a name
])
def test_lower_case_names_after_a_verb_of_telling(scrubber, text, names):
    assert _people(scrubber, text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("- Come si chiama una mosca che ronza?", []),  # a dialogue's dash before a sentence is no signature
    ("thanks for everything!\n- Anna", ["Anna"]),  # a dash before a name ending its line is one
])
def test_a_single_dash_cues_a_name_only_as_a_signature(scrubber, text, names):
    assert _people(scrubber, text) == names
