"""The prepare subcommand: a task's table (column mapping) -> chat conversations in bronze. Thin: parse, call, print."""

from __future__ import annotations

import argparse

from tunehouse.config import Settings
from tunehouse.console import print_kv, print_table
from tunehouse.tasks.registry import TASKS


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "prepare", parents=[common],
        help="turn a task's table (classification, NER, QA, summarization, translation) into chat conversations",
        description="Read a task's rows from JSONL, CSV/TSV, Parquet, a Delta table folder or a lakehouse table "
        "(schema.table), map your column names onto the task's columns (--map), check each row's types, and "
        "render every good row into a conversation (the task's system prompt and instruction template, "
        "tasks.<task> settings; the expected output as the assistant reply). Rows that fail go to a quarantine "
        "file and bronze.quarantine with a reason; read = prepared + quarantined. The conversations are written "
        "as chat JSONL and ingested into bronze.chat_messages (unless --no-ingest), tagged with their task so "
        "`tunehouse evaluate` adds the task's metrics. Then: tunehouse curate --conf conf/tasks.yaml. "
        "Columns: text_classification Sentence, Label; token_classification Token, Tag; question_answering "
        "Question, Context, Answers, Answers_start, Answers_text; summarization Document, Summary; translation "
        "Source_language, Target_language.",
    )
    p.add_argument("--task", required=True, choices=list(TASKS), help="the task the rows are examples of")
    p.add_argument("--input", required=True, metavar="FILE_OR_TABLE",
                   help="a .jsonl/.json/.csv/.tsv/.parquet file, a Delta table folder, or a lakehouse table schema.table")
    p.add_argument("--map", dest="mapping", action="append", default=[], metavar="TASK_COLUMN=COLUMN",
                   help="the input column holding a task column, e.g. --map Sentence=review --map Label=stars "
                   "(repeatable; unmapped task columns are looked up by their own name, case-insensitively)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="folder of the chat JSONL and quarantine files (default tasks.out_dir or <storage.root>/raw/tasks)")
    p.add_argument("--no-ingest", action="store_true", help="only write the files; do not load them into bronze")
    p.set_defaults(func=cmd_prepare)


def cmd_prepare(args, settings: Settings) -> int:
    from pathlib import Path

    from tunehouse.tasks.prepare import load_into_bronze, parse_mapping, prepare_rows
    from tunehouse.tasks.reader import open_source
    from tunehouse.tasks.registry import get_task

    task = get_task(args.task)
    mapping = parse_mapping(args.mapping, task)
    spark_holder: dict = {}

    def spark():
        if "s" not in spark_holder:
            from tunehouse.lakehouse.spark import get_spark

            spark_holder["s"] = get_spark(settings)
        return spark_holder["s"]

    def read_table(name: str):
        from tunehouse.lakehouse.delta import Lakehouse

        return Lakehouse(spark(), settings).read(name)

    out = Path(args.out) if args.out else (settings.tasks.out_dir or settings.storage.raw / "tasks")
    source = open_source(args.input, read_table)
    s = prepare_rows(task, source, mapping, getattr(settings.tasks, task.name), out)
    print_kv(f"prepare {task.name}", {
        "input": s.source, "read": s.read, "prepared": s.prepared, "quarantined": s.quarantined,
        "reconciled": f"{s.read} = {s.prepared} + {s.quarantined}" + ("  OK" if s.reconciled else "  MISMATCH"),
        "conversations": str(s.chat_file), "quarantine": str(s.quarantine_file)})
    if s.quarantine_reasons:
        print_table("quarantine reasons", ["reason_code", "rows"], list(s.quarantine_reasons.items()))
    if args.no_ingest:
        print(f"next: tunehouse ingest --format chat_jsonl {s.chat_file}")
        return 0 if s.reconciled else 1
    from tunehouse.commands.data import print_ingest_summary

    ingested = load_into_bronze(spark(), settings, s)
    print_ingest_summary(ingested)
    print("next: tunehouse curate --conf conf/tasks.yaml")
    return 0 if s.reconciled and ingested.reconciled else 1
