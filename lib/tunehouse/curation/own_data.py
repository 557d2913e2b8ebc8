"""Your own validation and test data (``curate.split.validation_data`` / ``test_data``) as bronze message rows.

A source is a chat JSONL file (one ``{"messages": [...]}`` per line, the OpenAI/Azure fine-tuning format) or a
Delta table, either of conversations (a ``messages`` column) or of message rows like ``bronze.chat_messages``.
Its conversations become message rows of the bronze schema the first stage (assemble) reads, so they go through
the same stages as the logs. Their ids are ``<split>_data:<id>`` (the line number of a file, or the table's
``conversation_id``): unique next to the logs' ids, and they name the split they belong to
(:func:`own_split_of`).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F

from tunehouse.contracts import chat
from tunehouse.errors import UserError

if TYPE_CHECKING:
    from tunehouse.lakehouse.delta import Lakehouse

ID_SUFFIX = "_data:"  # own conversation ids: validation_data:12, test_data:3
BRONZE_ROW_SCHEMA = (
    "conversation_id string, message_index int, role string, content string, weight double, message_key string, "
    "csat int, agent_id string, channel string, language string, created_at timestamp"
)
_MESSAGE_ROW_COLUMNS = ("conversation_id", "message_index", "role", "content")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)  # own data has no time: a fixed one keeps curation deterministic


def own_id_prefix(split: str) -> str:
    return f"{split}{ID_SUFFIX}"


def own_split_of(conversation_id: Column) -> Column:
    """The split an own conversation belongs to (from its id); null for the logs' conversations."""
    prefix = F.regexp_extract(conversation_id, r"^(validation|test)_data:", 1)
    return F.when(prefix != "", prefix)


def is_file_source(source: str) -> bool:
    """A path (it exists, or names a .jsonl/.json file) rather than a Delta table name."""
    return Path(source).exists() or source.endswith((".jsonl", ".json")) or "/" in source


def read_own_data(spark: SparkSession, lh: "Lakehouse", sources: dict[str, str]) -> DataFrame | None:
    """Message rows (``BRONZE_ROW_SCHEMA``) of every configured split's source, or None when there is none."""
    frames = [_read_source(spark, lh, split, source) for split, source in sources.items()]
    if not frames:
        return None
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out


def _read_source(spark: SparkSession, lh: "Lakehouse", split: str, source: str) -> DataFrame:
    if is_file_source(source):
        return spark.createDataFrame(read_chat_file(Path(source), split), BRONZE_ROW_SCHEMA)
    if not lh.exists(source):
        raise UserError(f"curate.split.{split}_data: {source!r} is neither a file nor an existing Delta table")
    table = lh.read(source)
    if "messages" in table.columns:
        return _conversation_table_rows(table, split)
    if all(c in table.columns for c in _MESSAGE_ROW_COLUMNS):
        return _message_table_rows(table, split)
    raise UserError(f"curate.split.{split}_data: table {source} has neither a messages column nor message rows "
                    f"({', '.join(_MESSAGE_ROW_COLUMNS)}); it has {', '.join(table.columns)}")


def read_chat_file(path: Path, split: str) -> list[tuple]:
    """The message rows of a chat JSONL file; a line that is not a valid chat example fails with its number."""
    if not path.is_file():
        raise UserError(f"curate.split.{split}_data: file not found: {path}")
    rows: list[tuple] = []
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                rows += _chat_line_rows(line, f"{path}:{lineno}", own_id_prefix(split) + str(lineno))
    if not rows:
        raise UserError(f"curate.split.{split}_data: {path} has no conversation")
    return rows


def _chat_line_rows(line: str, where: str, conversation_id: str) -> list[tuple]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        raise UserError(f"{where}: not valid JSON ({e.msg})") from None
    problem = chat.line_error(row)
    errors = [msg for m_i, m in enumerate(row["messages"]) for code, msg in chat.message_errors(m, m_i, True)
              if code != "message_unrecognized_key"] if not problem else [problem[1]]
    if errors:
        raise UserError(f"{where}: {errors[0]}")
    return [(conversation_id, i, m["role"], m["content"],
             float(m["weight"]) if m["role"] == "assistant" and "weight" in m else None,
             f"{conversation_id}:{i}", None, None, None, None, _EPOCH)
            for i, m in enumerate(row["messages"])]


def _conversation_table_rows(table: DataFrame, split: str) -> DataFrame:
    """A table with a ``messages`` array (and optionally ``conversation_id``): one row per message."""
    cid = (F.col("conversation_id").cast("string") if "conversation_id" in table.columns
           else F.monotonically_increasing_id().cast("string"))
    has_weight = "weight" in table.schema["messages"].dataType.elementType.names
    exploded = table.select(F.concat(F.lit(own_id_prefix(split)), cid).alias("conversation_id"),
                            F.posexplode("messages").alias("message_index", "m"))
    return exploded.select(
        "conversation_id", F.col("message_index").cast("int"), F.col("m.role").alias("role"),
        F.col("m.content").alias("content"),
        (F.col("m.weight").cast("double") if has_weight else F.lit(None).cast("double")).alias("weight"),
        *_lineage_columns())


def _message_table_rows(table: DataFrame, split: str) -> DataFrame:
    """A table of message rows (bronze.chat_messages' columns); missing optional columns are null."""
    def col(name: str, kind: str) -> Column:
        return (F.col(name) if name in table.columns else F.lit(None)).cast(kind).alias(name)

    prefixed = table.withColumn("conversation_id", F.concat(F.lit(own_id_prefix(split)),
                                                            F.col("conversation_id").cast("string")))
    return prefixed.select(
        "conversation_id", F.col("message_index").cast("int"), "role", "content", col("weight", "double"),
        F.concat_ws(":", "conversation_id", "message_index").alias("message_key"), col("csat", "int"),
        col("agent_id", "string"), col("channel", "string"), col("language", "string"),
        F.coalesce(col("created_at", "timestamp"), F.lit(_EPOCH)).alias("created_at"))


def _lineage_columns() -> list[Column]:
    return [F.concat_ws(":", "conversation_id", "message_index").alias("message_key"),
            F.lit(None).cast("int").alias("csat"), F.lit(None).cast("string").alias("agent_id"),
            F.lit(None).cast("string").alias("channel"), F.lit(None).cast("string").alias("language"),
            F.lit(_EPOCH).cast("timestamp").alias("created_at")]
