"""Word pieces -> words -> BIO labels and back to character spans, with the real MiniLM tokenizer."""

from __future__ import annotations

import pytest
from tunehouse.config import load_settings
from tunehouse.pii.learned.corpus import Example
from tunehouse.pii.learned.model import (
    BIO_LABELS,
    IGNORE,
    WordPrediction,
    artefact_version,
    decode_words,
    default_encoder,
    first_pieces,
    piece_labels,
    tag_of,
)


@pytest.fixture(scope="module")
def tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(default_encoder()))


def test_first_piece_of_each_word_carries_the_words_bio_tag(tokenizer):
    text = "Marisol: I live at Schillerstraße 41, Berlin."
    ex = Example(text, ((0, 7, "PERSON"), (19, 44, "STREET_ADDRESS")), "en", "test")
    enc = tokenizer(text, return_offsets_mapping=True)
    labels = piece_labels(ex, enc["offset_mapping"], enc.word_ids())
    tags = [BIO_LABELS[labels[i]] for i, _ in first_pieces(enc.word_ids())]
    # words: Marisol : I live at Schillerstraße 41 , Berlin .
    assert tags == ["B-PERSON", "O", "O", "O", "O", "B-STREET_ADDRESS", "I-STREET_ADDRESS",
                                      "I-STREET_ADDRESS", "I-STREET_ADDRESS", "O"]
    continuation = [i for i, wid in enumerate(enc.word_ids()) if wid is not None and (i, wid) not in
                    set(first_pieces(enc.word_ids()))]
    assert continuation and all(labels[i] == IGNORE for i in continuation)  # "##ol", "##straße" pieces
    assert labels[0] == IGNORE and labels[-1] == IGNORE  # [CLS], [SEP]


def _w(start, end, tag, entity, prob=0.9):
    return WordPrediction(start, end, tag, entity, prob)


def test_bio_decoding_joins_runs_splits_on_b_and_trims_edge_punctuation():
    text = "Ana Lima, 12 Rua Nova, Porto; Rua Alta 3"
    words = [_w(0, 3, "B", "PERSON"), _w(4, 8, "I", "PERSON"), _w(8, 9, "I", "PERSON"),
             _w(10, 12, "B", "STREET_ADDRESS", 0.8), _w(13, 16, "I", "STREET_ADDRESS", 0.6),
             _w(17, 21, "I", "STREET_ADDRESS", 0.7), _w(21, 22, "O", None), _w(23, 28, "B", "STREET_ADDRESS"),
             _w(28, 29, "O", None), _w(30, 33, "B", "STREET_ADDRESS"), _w(34, 38, "I", "STREET_ADDRESS"),
             _w(39, 40, "B", "STREET_ADDRESS")]
    spans = decode_words(words, text)
    assert [(text[s:e], t) for s, e, t, _ in spans] == [
        ("Ana Lima", "PERSON"), ("12 Rua Nova", "STREET_ADDRESS"), ("Porto", "STREET_ADDRESS"),
        ("Rua Alta 3", "STREET_ADDRESS")]  # "3" tagged B- after a blank joins "Rua Alta"
    assert spans[1][3] == pytest.approx(0.7)


def test_a_beginning_right_after_a_blank_continues_the_entity_a_comma_separates_people():
    text = "Simone de Kimmel, Ana Lima"
    words = [_w(0, 6, "B", "PERSON"), _w(7, 9, "I", "PERSON"), _w(10, 16, "B", "PERSON"), _w(16, 17, "O", None),
             _w(18, 21, "B", "PERSON"), _w(22, 26, "I", "PERSON")]
    assert [text[s:e] for s, e, *_ in decode_words(words, text)] == ["Simone de Kimmel", "Ana Lima"]


def test_an_inside_tag_without_a_beginning_starts_an_entity_and_a_type_change_closes_one():
    text = "Oriana laughed"
    assert decode_words([_w(0, 6, "I", "PERSON"), _w(7, 14, "O", None)], text) == [(0, 6, "PERSON", 0.9)]
    two = decode_words([_w(0, 6, "I", "PERSON"), _w(7, 14, "I", "STREET_ADDRESS")], text)
    assert [t for *_, t, _s in two] == ["PERSON", "STREET_ADDRESS"]


@pytest.mark.parametrize("label, expected", [
    ("B-PER", ("B", "PERSON")), ("I-PERSON", ("I", "PERSON")), ("PER", ("I", "PERSON")),
    ("B-STREET_ADDRESS", ("B", "STREET_ADDRESS")), ("I-ADDRESS", ("I", "STREET_ADDRESS")),
    ("B-LOC", ("O", None)), ("O", ("O", None)), ("B-ORG", ("O", None)),
])
def test_labels_of_other_checkpoints_map_onto_ours(label, expected):
    assert tag_of(label) == expected


def test_artefact_version_follows_corpus_and_training_settings_not_inference_ones():
    base = load_settings().pii.model
    v = artefact_version(base)
    assert artefact_version(base.model_copy(update={"sentences": 999})) != v
    assert artefact_version(base.model_copy(update={"epochs": 9})) != v
    assert artefact_version(base.model_copy(update={"batch_size": 7, "quantize": True, "threads": 1})) == v
    assert base.encoder_layers == 2  # the default; None (the whole encoder) keeps the versions from before it
    whole, three = (artefact_version(base.model_copy(update={"encoder_layers": n})) for n in (None, 3))
    assert len({v, whole, three}) == 3


def test_encoder_layers_keeps_the_bottom_layers_of_the_encoder_with_their_weights():
    from safetensors import safe_open
    from tunehouse.pii.learned.model import new_model

    shallow, _ = new_model(default_encoder(), layers=2)
    assert len(shallow.base_model.encoder.layer) == shallow.config.num_hidden_layers == 2  # saved in its config
    (weights,) = default_encoder().glob("*.safetensors")
    with safe_open(str(weights), "pt") as f:
        for i in range(2):
            expected = f.get_tensor(f"encoder.layer.{i}.output.dense.weight")
            assert (shallow.base_model.encoder.layer[i].output.dense.weight == expected).all()
