"""Each task's metrics on hand-checked replies, and that a perfect reply scores perfectly."""

from __future__ import annotations

import pytest
from tunehouse.tasks import question_answering as qa
from tunehouse.tasks import text_classification as tc
from tunehouse.tasks import token_classification as ner
from tunehouse.tasks.registry import TASKS, get_task, task_of_channel


def test_classification_accuracy_and_macro_f1():
    refs = ["positive", "positive", "negative", "neutral"]
    replies = ["Positive.", "negative", "\"negative\"\nbecause it is bad", "no idea"]
    got = tc.score(replies, refs)
    assert got["accuracy"] == pytest.approx(0.5)
    # per label F1: positive P=1 R=.5 -> 2/3; negative P=.5 R=1 -> 2/3; neutral 0 -> macro 4/9
    assert got["macro_f1"] == pytest.approx(4 / 9)


def test_token_classification_entity_f1_reads_tags_back():
    refs = ["B-PER I-PER O B-LOC", "O B-ORG"]
    # second entity of the first sentence missed; the second reply is too short (padded with O) -> ORG missed
    replies = ["B-PER I-PER O O", "O"]
    got = ner.score(replies, refs)
    assert got["entity_precision"] == pytest.approx(1.0)
    assert got["entity_recall"] == pytest.approx(1 / 3)
    assert got["entity_f1"] == pytest.approx(0.5)
    assert ner.parse_reply("B-PER junk O O O extra", 3) == ["B-PER", "O", "O"]


def test_squad_exact_match_and_f1():
    assert qa.normalize_answer("The  Eiffel Tower!") == "eiffel tower"
    assert qa.exact_match("the Eiffel tower", "Eiffel Tower.") == 1.0
    assert qa.token_f1("at the Eiffel tower", "Eiffel Tower") == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))
    got = qa.score(["3 pm", "at 11", "nothing"], ["3 pm", "11 am", "Pier 4"])
    assert got["exact_match"] == pytest.approx(1 / 3)
    assert got["f1"] == pytest.approx((1 + 0.5 + 0) / 3)


def test_summarization_and_translation_scores():
    summ = get_task("summarization").score(["a storm delayed the flight", ""],
                                           ["A storm delayed the flight three hours", "Vouchers were given"])
    assert 0 < summ["rouge1"] < 1 and summ["rouge2"] < summ["rouge1"] and set(summ) == {"rouge1", "rouge2", "rougeL"}
    perfect = get_task("translation").score(["Wo ist der Bahnhof?"], ["Wo ist der Bahnhof?"])
    assert perfect["bleu"] == pytest.approx(100) and perfect["chrf"] == pytest.approx(100)
    worse = get_task("translation").score(["Wo ist Bahnhof"], ["Wo ist der Bahnhof?"])
    assert worse["bleu"] < 100 and 0 < worse["chrf"] < 100


@pytest.mark.parametrize("name", list(TASKS))
def test_the_rendered_answer_scores_perfectly(name):
    examples = {
        "text_classification": {"Sentence": "Great", "Label": "positive"},
        "token_classification": {"Token": ["Anna", "flew"], "Tag": ["B-PER", "O"]},
        "question_answering": {"Question": "Who?", "Context": "Anna flew", "Answers_start": [0],
                               "Answers_text": ["Anna"]},
        "summarization": {"Document": "Long text here", "Summary": "Short text"},
        "translation": {"Source_language": "Where is the station?", "Target_language": "Wo ist der Bahnhof?"},
    }
    task = get_task(name)
    answer = task.answer(examples[name])
    scores = task.score([answer], [answer])
    assert scores and all(v in (pytest.approx(1.0), pytest.approx(100.0)) for v in scores.values())
    assert task_of_channel(task.channel) is task and task_of_channel("chat") is None
