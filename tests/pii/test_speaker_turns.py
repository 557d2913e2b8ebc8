"""Speakers of a chat transcript (``names.speaker_turns``): a label that opens two or more turns' lines and says
something is a person, whether or not a name list knows it, in every turn and wherever the text names them; roles,
field names, mail headers and ordinary compounds are no speakers. Written for these tests."""

from __future__ import annotations

import pytest
from tunehouse.pii.detectors import Scan, names
from tunehouse.pii.lexicon import load_lexicon, norm_key, ordinary_compound
from tunehouse.pii.scrubber import Scrubber


def _persons(text: str) -> list[str]:
    return [text[c.start:c.end] for c in names.speaker_turns.detect(Scan(text))]


@pytest.mark.parametrize("text, expected", [
    ("Tiwalade: my parcel never came\nAgent Oskari: sorry, checking now\nTiwalade: ok",
     ["Tiwalade", "Oskari", "Tiwalade"]),  # "ok" says too little, but Tiwalade spoke before
    ("[09:12] Wirawan: modem mati lagi sejak pagi\n[09:13] CS Larasati: baik Wirawan, kami cek dulu ya",
     ["Wirawan", "Larasati", "Wirawan"]),  # the role "CS" is left; the name in running text is found too
    ("gbemi: the installer came late again\nZainab (Support): so sorry about that, refunding the fee",
     ["gbemi", "Zainab"]),  # a lower-case speaker no list knows; a role in brackets
    # once someone spoke at length it is a conversation: short turns are speakers too
    ("Tiwalade: hi\nAgent Oskari: hello there, how can I help?\nTiwalade: ok", ["Tiwalade", "Oskari", "Tiwalade"]),
    ("wirawan: modem mati lagi sejak pagi\nsupport lieve: ik stuur een code naar je nummer", ["wirawan", "lieve"]),
    ("[08:58] nurse kobina: who is covering the clinic tomorrow\n[08:59] Efua: me", ["kobina", "Efua"]),
    ("Ana: quem fica com a cliente agora?\nSiemowit: ja\nAna: dzięki siemowit", ["Ana", "Siemowit", "Ana", "siemowit"]),
])
def test_speakers_of_a_transcript_are_people(text, expected):
    assert _persons(text) == expected


@pytest.mark.parametrize("text", [
    "Tiwalade: my parcel never came, can you check?",  # one line: no transcript
    "Status: open\nPriority: high\nAssignee: second line",  # fields, not turns
    "Bot: an agent will join shortly\nCustomer: hello is anyone there\nAgent: hi sorry for the wait",  # roles
    "Note: router reset twice today\nUpdate: still down after the reboot",
    "Kundendienst: wir melden uns morgen früh\nRückfrage: bitte die Nummer nennen",  # ordinary compounds
    "Paris: sunny all week long\nLondon: rain again tomorrow",  # big places
    "Update: we moved the server tonight\nreason: disk full again today",  # lower-case field words
])
def test_roles_fields_and_places_are_no_speakers(text):
    assert _persons(text) == []


@pytest.mark.parametrize("text, label", [
    ("Morada: Rua das Flores 12, 4050-262 Porto\nTelemóvel: 912 345 678\nObrigado pela ajuda hoje", "Morada"),
    ("Secretary: Ana Lima\nPost: Unit 3/94 Wattle Grove\nSurry Hills NSW 2010", "Post"),
])
def test_a_label_before_a_found_value_is_a_field(text, label):
    assert label not in [text[e.start:e.end] for e in Scrubber().detect(text) if e.type == "PERSON"]


def test_the_scrubber_replaces_every_turn_of_a_speaker():
    text = "Chidinma: the bill doubled this month\nAgent Halvard: let me look at it\nChidinma: thanks"
    out, _ = Scrubber().scrub_text(text)
    assert "Chidinma" not in out and "Halvard" not in out and out.count("<PERSON_1>") == 2, out
    assert Scrubber().scrub_text(out)[0] == out  # idempotent: placeholders are no speakers


def test_ordinary_compound_splits_german_and_dutch_compounds_not_names():
    lex = load_lexicon()
    assert ordinary_compound(lex, norm_key("Kundendienst")) and ordinary_compound(lex, norm_key("Versicherungsnummer"))
    assert not ordinary_compound(lex, norm_key("Tiwalade")) and not ordinary_compound(lex, norm_key("Halvard"))
