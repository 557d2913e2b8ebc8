"""`tunehouse prepare` without Spark: column mapping, type checks, quarantine with reasons, counts that reconcile,
the rendered conversations, and every input format (JSONL, CSV, TSV, Parquet, a Delta table folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures.task_samples import CASES, SAMPLES
from tunehouse.errors import UserError
from tunehouse.tasks.prepare import parse_mapping, prepare_rows
from tunehouse.tasks.reader import open_source
from tunehouse.tasks.registry import get_task
from tunehouse.tasks.settings import TasksSettings


def run_prepare(name: str, path: Path | str, pairs: list[str], out: Path, settings: TasksSettings | None = None):
    task = get_task(name)
    prompt = getattr(settings or TasksSettings(), task.name)
    return prepare_rows(task, open_source(str(path)), parse_mapping(pairs, task), prompt, out)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", list(CASES))
def test_sample_files_prepare_and_reconcile(name, tmp_path):
    file, pairs, read, prepared, reasons = CASES[name]
    s = run_prepare(name, SAMPLES / file, pairs, tmp_path)
    assert (s.read, s.prepared, s.quarantined) == (read, prepared, read - prepared) and s.reconciled
    assert s.quarantine_reasons == reasons
    conversations = read_jsonl(s.chat_file)
    assert len(conversations) == prepared
    for c in conversations:
        assert c["channel"] == f"task:{name}" and c["conversation_id"].startswith(f"{name}-")
        assert [m["role"] for m in c["messages"]] == ["system", "user", "assistant"]
        assert c["messages"][-1]["weight"] == 1 and c["messages"][-1]["content"].strip()
        assert c["messages"][0]["content"] == getattr(TasksSettings(), name).system_prompt
    quarantined = read_jsonl(s.quarantine_file)
    assert len(quarantined) == s.quarantined
    for q in quarantined:
        assert q["source_file"] == str(SAMPLES / file) and q["source_line"] >= 2 and q["raw_payload"]
        assert q["reason"] and q["source_format"].startswith(f"task:{name}:")


def test_rendering_fills_the_templates(tmp_path):
    s = run_prepare("text_classification", SAMPLES / "text_classification.jsonl", ["Sentence=review", "Label=stars"],
                    tmp_path)
    first = read_jsonl(s.chat_file)[0]["messages"]
    assert first[1]["content"].startswith("Classify the text into one of these labels: negative, neutral, positive.")
    custom = TasksSettings.model_validate({"translation": {
        "system_prompt": "Translate.", "instruction": "{source_language} -> {target_language}: {Source_language}",
        "source_language": "English", "target_language": "German"}})
    s = run_prepare("translation", SAMPLES / "translation.tsv", ["Source_language=en", "Target_language=de"], tmp_path,
                    custom)
    msgs = read_jsonl(s.chat_file)[0]["messages"]
    assert msgs[1]["content"] == "English -> German: Where is the train station?"
    assert msgs[2]["content"] == "Wo ist der Bahnhof?"


def test_token_lists_or_space_joined_strings_and_qa_reply(tmp_path):
    s = run_prepare("token_classification", SAMPLES / "token_classification.jsonl", ["Token=words", "Tag=ner_tags"],
                    tmp_path)
    by_tokens = {c["messages"][1]["content"].split("Tokens: ")[1]: c["messages"][2]["content"]
                 for c in read_jsonl(s.chat_file)}
    assert by_tokens["Rome is warm"] == "B-LOC O O"  # the row given as strings
    assert "Tag each of the 3 tokens." in next(c["messages"][1]["content"] for c in read_jsonl(s.chat_file)
                                               if c["messages"][2]["content"] == "B-LOC O O")
    s = run_prepare("question_answering", SAMPLES / "question_answering.jsonl",
                    ["Question=question", "Context=context", "Answers=answers"], tmp_path)
    assert read_jsonl(s.chat_file)[0]["messages"][2]["content"] == "3 pm"


def test_a_missing_column_is_an_error_naming_it_and_its_type(tmp_path):
    with pytest.raises(UserError, match=r"column 'text' \(Sentence, expected string\) is not in .*its columns: id, "
                       r"review, stars"):
        run_prepare("text_classification", SAMPLES / "text_classification.jsonl", ["Sentence=text", "Label=stars"],
                    tmp_path)
    with pytest.raises(UserError, match=r"column 'Summary' \(Summary, expected string\)"):
        run_prepare("summarization", SAMPLES / "summarization.csv", ["Document=article"], tmp_path)
    with pytest.raises(UserError, match="has no column 'Labels'"):
        parse_mapping(["Labels=stars"], get_task("text_classification"))


def test_a_column_of_the_wrong_type_everywhere_is_an_error(tmp_path):
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps({"t": f"text {i}", "y": [i]}) + "\n" for i in range(3)))
    with pytest.raises(UserError, match=r"column 'y' \(Label\) is list .*expected integer or string in every row"):
        run_prepare("text_classification", src, ["Sentence=t", "Label=y"], tmp_path / "out")


def test_unmapped_columns_are_found_by_name_and_flat_qa_columns(tmp_path):
    src = tmp_path / "qa.csv"
    src.write_text("question,CONTEXT,answers_start,answers_text\nWho?,Ana went home,0,Ana\nWhere?,Ana went home,9,"
                   "house\n")
    s = run_prepare("question_answering", src, [], tmp_path / "out")
    assert (s.prepared, s.quarantine_reasons) == (1, {"answer_not_in_context": 1})
    integer_labels = tmp_path / "labels.jsonl"
    integer_labels.write_text(json.dumps({"Sentence": "good", "Label": 1}) + "\n" + json.dumps(
        {"Sentence": "bad", "Label": 0}) + "\n" + json.dumps({"Sentence": "meh", "Label": True}) + "\n")
    s = run_prepare("text_classification", integer_labels, [], tmp_path / "out")
    assert s.prepared == 2 and s.quarantine_reasons == {"bad_type_label": 1}
    assert [c["messages"][2]["content"] for c in read_jsonl(s.chat_file)] == ["1", "0"]


def test_parquet_and_delta_inputs(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from deltalake import write_deltalake

    table = pa.table({"words": [["Anna", "flew"], ["Rome"], ["x", "y"]],
                      "tags": [["B-PER", "O"], ["B-LOC"], ["O"]]})
    pq.write_table(table, tmp_path / "ner.parquet")
    write_deltalake(str(tmp_path / "ner_delta"), table)
    for source in (tmp_path / "ner.parquet", tmp_path / "ner_delta"):
        s = run_prepare("token_classification", source, ["Token=words", "Tag=tags"], tmp_path / "out")
        assert (s.read, s.prepared, s.quarantine_reasons) == (3, 2, {"token_tag_count_mismatch": 1})
    assert open_source(str(tmp_path / "ner_delta")).fmt == "delta"


def test_same_rows_same_conversation_ids(tmp_path):
    args = ("summarization", SAMPLES / "summarization.csv", ["Document=article", "Summary=highlights"])
    first = [c["conversation_id"] for c in read_jsonl(run_prepare(*args, tmp_path / "a").chat_file)]
    second = [c["conversation_id"] for c in read_jsonl(run_prepare(*args, tmp_path / "b").chat_file)]
    assert first == second and len(set(first)) == len(first)


def test_cli_prepare_writes_files_and_names_a_missing_column(tmp_path, capsys):
    from tunehouse.cli import main

    root = f"storage.root={tmp_path / 'th'}"
    rc = main(["prepare", "--task", "translation", "--input", str(SAMPLES / "translation.tsv"), "--map",
               "Source_language=en", "--map", "Target_language=de", "--no-ingest", "--set", root])
    out = capsys.readouterr().out
    assert rc == 0 and "34 = 32 + 2  OK" in out
    assert len(read_jsonl(tmp_path / "th" / "raw" / "tasks" / "translation-translation.jsonl")) == 32
    rc = main(["prepare", "--task", "translation", "--input", str(SAMPLES / "translation.tsv"), "--map",
               "Source_language=english", "--no-ingest", "--set", root])
    err = capsys.readouterr().err
    assert rc == 2 and "column 'english' (Source_language, expected string) is not in" in err
