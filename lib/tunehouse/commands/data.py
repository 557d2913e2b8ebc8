"""Data subcommands: generate-logs, ingest, sql. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from tunehouse.config import Settings
from tunehouse.console import print_kv, print_table
from tunehouse.errors import UserError
from tunehouse.lakehouse.sql import (
    ready_made_queries,
    resolve_sql_file,
    split_statements,
)


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "generate-logs", parents=[common],
        help="write synthetic travel-agency support chat logs (JSONL + CSV) with planted PII, duplicates, garbage",
        description="Write realistic, messy historical chat logs of a travel agency's customer support, as a "
        "helpdesk export (one row per message: JSONL and CSV) plus truth/truth.json describing what was planted "
        "(PII spans, duplicate groups, malformed rows). Deterministic for a seed.",
    )
    p.add_argument("--conversations", "-n", type=int, default=None, help="conversations (default generate.conversations)")
    p.add_argument("--seed", type=int, default=None, help="random seed (default generate.seed)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default generate.out_dir or <storage.root>/raw)")
    p.set_defaults(func=cmd_generate)

    p = sub.add_parser(
        "ingest", parents=[common],
        help="load raw chat-log files into bronze.chat_messages; bad records go to bronze.quarantine",
        description="Read raw chat logs from files or folders: JSONL/NDJSON, JSON documents (an array of records), "
        "CSV/TSV, or Parquet, where each record is one message or one conversation holding a message list "
        "(chat JSONL {\"messages\":[...]}, ShareGPT {\"conversations\":[{\"from\",\"value\"}]}, ...). Columns are "
        "found by ingest.column_mapping, canonical names or ingest.column_aliases, roles mapped by "
        "ingest.role_mapping; rows are MERGEd into the Delta "
        "table bronze.chat_messages keyed on (conversation_id, message_index): re-ingesting adds nothing. Records "
        "that cannot be parsed or break the schema go to bronze.quarantine with the raw payload, file, line and "
        "reason. Prints read = ingested + duplicates_skipped + quarantined (counted in messages; a rejected "
        "conversation record counts once). Exit 0 even with bad rows; non-zero only "
        "for operational failures.",
    )
    p.add_argument("paths", nargs="+", help="files or folders (folders: *.jsonl, *.json, *.ndjson, *.csv, *.tsv, *.parquet)")
    p.add_argument("--format", choices=["auto", "jsonl", "json", "csv", "parquet", "chat_jsonl"], default=None,
                   help="input format (default ingest.format=auto: by extension; .json as JSON Lines or one document by "
                   "content; conversation-shaped records detected per record)")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "sql", parents=[common],
        help="run Spark SQL over the lakehouse tables (schema.table names) and print the result",
        description="Run Spark SQL statements from a file or -e over the lakehouse: every local Delta table is "
        "visible as schema.table (bronze.chat_messages, silver..., gold...). Statements are separated by ';'. "
        f"Ready-made queries (shipped in the package, run by name): {', '.join(ready_made_queries())}.",
    )
    p.add_argument("file", nargs="?", help="a .sql file (or a name in sql/, e.g. bronze_overview)")
    p.add_argument("-e", "--execute", help="SQL text to run instead of a file")
    p.add_argument("--limit", type=int, default=50, help="rows to print per result (default 50)")
    p.set_defaults(func=cmd_sql)


# ----------------------------------------------------------------------------- generate
def cmd_generate(args, settings: Settings) -> int:
    from tunehouse.synthetic.generator import generate_logs

    g = settings.generate
    out = args.out or g.out_dir or settings.storage.raw
    n = args.conversations or g.conversations
    if n < 1:
        raise UserError("--conversations must be at least 1")
    t0 = time.time()
    res = generate_logs(out, conversations=n, seed=args.seed if args.seed is not None else g.seed,
                        csv_fraction=g.csv_fraction, languages=g.languages, progress=True)
    print_kv("generate-logs", {**res.summary(), "seconds": round(time.time() - t0, 1)})
    print(f"next: tunehouse ingest {out}")
    return 0


# ----------------------------------------------------------------------------- ingest
def cmd_ingest(args, settings: Settings) -> int:
    from tunehouse.ingest.job import discover_files, ingest
    from tunehouse.lakehouse.spark import get_spark

    if args.format:
        settings.ingest.format = args.format
    discover_files(args.paths)  # fail fast on a wrong path, before starting Spark
    spark = get_spark(settings)
    s = ingest(spark, settings, args.paths)
    print_ingest_summary(s)
    return 0 if s.reconciled else 1


def print_ingest_summary(s) -> None:
    print_kv(
        f"ingest (batch {s.batch_id})",
        {
            "files": s.files,
            "read": s.read,
            "ingested": s.ingested,
            "duplicates_skipped": s.duplicates_skipped,
            "quarantined": s.quarantined,
            "reconciled": f"{s.read} = {s.ingested} + {s.duplicates_skipped} + {s.quarantined}"
            + ("  OK" if s.reconciled else "  MISMATCH"),
            "bronze.chat_messages version": s.bronze_version,
            "bronze.quarantine version": s.quarantine_version,
            "seconds": round(s.seconds, 1),
        },
    )
    if s.quarantine_reasons:
        print_table("quarantine reasons (this batch)", ["reason_code", "records"],
                    sorted(s.quarantine_reasons.items(), key=lambda kv: -kv[1]))


# ----------------------------------------------------------------------------- sql
def cmd_sql(args, settings: Settings) -> int:
    from pyspark.errors import PySparkException

    from tunehouse.lakehouse.delta import Lakehouse
    from tunehouse.lakehouse.spark import get_spark

    if bool(args.file) == bool(args.execute):
        raise UserError("give either a SQL FILE or -e 'SQL', not both/neither")
    text = args.execute if args.execute else resolve_sql_file(args.file).read_text(encoding="utf-8")
    statements = split_statements(text)
    spark = get_spark(settings)
    lh = Lakehouse(spark, settings)
    tables = lh.register_all()
    for stmt in statements:
        try:
            df = spark.sql(stmt)
            rows = df.limit(args.limit + 1).collect()
        except PySparkException as e:
            msg = str(e).splitlines()[0]
            hint = f" (tables: {', '.join(tables) or 'none yet — run tunehouse ingest'})" if "TABLE_OR_VIEW_NOT_FOUND" in str(e) else ""
            raise UserError(f"SQL failed: {msg}{hint}\n  in: {stmt[:200]}") from None
        title = re.sub(r"\s+", " ", stmt)[:100]
        print_table(title, df.columns, [tuple(r) for r in rows[: args.limit]])
        if len(rows) > args.limit:
            print(f"(showing first {args.limit} rows; --limit N for more)")
    return 0
