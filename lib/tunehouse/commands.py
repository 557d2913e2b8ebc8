"""Foundation subcommands: generate-logs, ingest, sql, config, demo."""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from tunehouse.config import Settings, dump_settings
from tunehouse.errors import UserError
from tunehouse.report import print_kv, print_table

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


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
        f"Ready-made queries live in {SQL_DIR}.",
    )
    p.add_argument("file", nargs="?", help="a .sql file (or a name in sql/, e.g. bronze_overview)")
    p.add_argument("-e", "--execute", help="SQL text to run instead of a file")
    p.add_argument("--limit", type=int, default=50, help="rows to print per result (default 50)")
    p.set_defaults(func=cmd_sql)

    p = sub.add_parser("config", parents=[common], help="print the resolved configuration as YAML",
                       description="Print the configuration after profile, --conf files and --set overrides; "
                       "with --documented, the embedded defaults with a comment per setting (conf/tunehouse.yaml).")
    p.add_argument("--documented", action="store_true", help="print embedded defaults with descriptions")
    p.set_defaults(func=cmd_config)

    p = sub.add_parser(
        "demo", parents=[common],
        help="run the whole pipeline end to end on embedded defaults (generate, ingest, curate, train, evaluate)",
        description="The main job: generate-logs, ingest, curate, base-model, train, evaluate --promote, each the "
        "same subcommand you can run alone, with the same settings; each prints its summary. Everything lands "
        "under storage.root.",
    )
    p.add_argument("--conversations", "-n", type=int, default=None, help="conversations to generate")
    p.add_argument("--until", choices=["generate", "ingest", "curate", "base-model", "train", "evaluate"],
                   default="evaluate", help="stop after this stage (default: run all available stages)")
    p.set_defaults(func=cmd_demo)


# ----------------------------------------------------------------------------- generate
def cmd_generate(args, settings: Settings) -> int:
    from tunehouse.generate import generate_logs

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
    from tunehouse.ingest import discover_files, ingest
    from tunehouse.spark import get_spark

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
def split_statements(text: str) -> list[str]:
    """Split on ';' outside quotes and strip -- comments."""
    out, buf, quote = [], [], None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            buf.append(ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"', "`"):
            quote = ch
            buf.append(ch)
        elif ch == "-" and text[i : i + 2] == "--":
            nl = text.find("\n", i)
            i = len(text) if nl < 0 else nl
            continue
        elif ch == ";":
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    out.append("".join(buf))
    return [s.strip() for s in out if s.strip()]


def resolve_sql_file(name: str) -> Path:
    p = Path(name)
    if p.is_file():
        return p
    for cand in (SQL_DIR / name, SQL_DIR / f"{name}.sql"):
        if cand.is_file():
            return cand
    known = ", ".join(sorted(q.stem for q in SQL_DIR.glob("*.sql"))) if SQL_DIR.exists() else "none"
    raise UserError(f"no SQL file {name!r} (ready-made: {known})")


def cmd_sql(args, settings: Settings) -> int:
    from pyspark.errors import PySparkException

    from tunehouse.lakehouse import Lakehouse
    from tunehouse.spark import get_spark

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


def cmd_config(args, settings: Settings) -> int:
    from tunehouse.config import documented_yaml

    sys.stdout.write(documented_yaml() if args.documented else dump_settings(settings))
    return 0


# ----------------------------------------------------------------------------- demo
DEMO_STAGES = [  # (stage, subcommand argv) in order; a stage whose command is not installed is skipped
    ("generate", ["generate-logs"]),
    ("ingest", ["ingest", "{raw}"]),
    ("curate", ["curate"]),
    ("base-model", ["base-model"]),
    ("train", ["train"]),
    ("evaluate", ["evaluate", "--promote"]),
]


def cmd_demo(args, settings: Settings) -> int:
    """The main job: each stage is the same subcommand a user would run, with the same settings."""
    from tunehouse.cli import build_parser

    t0 = time.time()
    parser = build_parser()
    available = next(a for a in parser._actions if a.dest == "command").choices  # noqa: SLF001
    raw = str(settings.generate.out_dir or settings.storage.raw)
    last = [name for name, _ in DEMO_STAGES].index(args.until)
    done = []
    for name, argv in DEMO_STAGES[: last + 1]:
        if argv[0] not in available:
            print(f"(stage {name}: `tunehouse {argv[0]}` is not available in this build, skipped)")
            continue
        argv = [a.format(raw=raw) for a in argv]
        if name == "generate" and args.conversations:
            argv += ["--conversations", str(args.conversations)]
        if name == "base-model":
            argv += ["--overwrite"]
        print(f"\n=== demo: {name} (tunehouse {' '.join(argv)}) ===")
        stage_args = parser.parse_args(argv)
        t = time.time()
        rc = stage_args.func(stage_args, settings)
        done.append((name, round(time.time() - t, 1), rc or 0))
        if rc:
            print_table("demo", ["stage", "seconds", "exit code"], done)
            return rc
    print_table("demo", ["stage", "seconds", "exit code"], done)
    print(f"demo finished in {time.time() - t0:.0f} s; all state under {Path(settings.storage.root).resolve()}")
    return 0
