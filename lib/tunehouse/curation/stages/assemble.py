"""Stage 1: bronze message rows -> one conversation per row, normalised, with the system message."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

import pandas as pd
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
from pyspark.sql.types import StringType

from tunehouse.curation.settings import AssembleSettings
from tunehouse.curation.stages.base import StageResult

if TYPE_CHECKING:
    from tunehouse.config import Settings

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str | None, form: str = "NFKC") -> str | None:
    """Unicode form, no control chars, \\r\\n -> \\n, runs of spaces -> one, at most one blank line."""
    if text is None:
        return None
    if form != "none":
        text = unicodedata.normalize(form, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def normalize_column(col: str, form: str) -> F.Column:
    @F.pandas_udf(StringType())
    def _norm(s: pd.Series) -> pd.Series:
        return s.map(lambda t: normalize_text(t, form))

    return _norm(F.col(col))


def assemble_conversations(bronze: DataFrame, cfg: AssembleSettings) -> DataFrame:
    """bronze.chat_messages -> conversation frame (see frame.py), ordered by message_index."""
    msgs = bronze.withColumn("content", normalize_column("content", cfg.unicode_form))
    grouped = msgs.groupBy("conversation_id").agg(
        F.array_sort(F.collect_list(F.struct(
            F.col("message_index").alias("i"), "role", "content", "weight", "message_key"))).alias("rows"),
        F.max("csat").cast("int").alias("csat"),
        F.mode(F.when(F.col("role") == "assistant", F.col("agent_id")), deterministic=True).alias("agent_id"),
        F.min("channel").alias("channel"),
        F.min("language").alias("language"),
        F.min("created_at").alias("started_at"),
        F.max("created_at").alias("ended_at"),
    )
    conv = grouped.select(
        "conversation_id",
        F.transform("rows", lambda r: F.struct(r["role"].alias("role"), r["content"].alias("content"),
                                                r["weight"].alias("weight"))).alias("messages"),
        "csat", "agent_id", "channel", "language", "started_at", "ended_at",
        F.transform("rows", lambda r: r["message_key"]).alias("bronze_keys"),
    )
    conv = apply_system_message(conv, cfg)
    return merge_consecutive_turns(conv) if cfg.merge_consecutive else conv


def merge_consecutive_turns(conv: DataFrame) -> DataFrame:
    """[user a, user b, assistant c] -> [user "a\nb", assistant c]; weights: the larger of the merged."""
    msg_type = conv.schema["messages"].dataType

    def step(acc, m):
        last = F.element_at(acc, -1)
        merged = F.struct(
            m["role"].alias("role"),
            F.concat_ws("\n", last["content"], m["content"]).alias("content"),
            F.greatest(last["weight"], m["weight"]).alias("weight"))
        same = (F.size(acc) > 0) & (last["role"] == m["role"])
        return F.when(same, F.concat(F.slice(acc, 1, F.size(acc) - 1), F.array(merged))).otherwise(
            F.concat(acc, F.array(m)))

    return conv.withColumn("messages", F.aggregate("messages", F.array().cast(msg_type), step))


SYSTEM_SOURCE = "system_message_source"  # data | config | none: where a conversation's system message came from


def apply_system_message(conv: DataFrame, cfg: AssembleSettings) -> DataFrame:
    """Start each conversation with the system message the policy gives it, and record where it came from
    (``system_message_source``): ``data`` (the conversation opened with one), ``config`` (curate.assemble.
    system_message) or ``none``. Without a configured message nothing is added or removed."""
    opens_with_system = F.coalesce(F.col("messages")[0]["role"] == "system", F.lit(False))
    from_data = F.when(opens_with_system, F.lit("data")).otherwise(F.lit("none"))
    if cfg.system_message_policy == "keep" or not cfg.system_message:
        return conv.withColumn(SYSTEM_SOURCE, from_data)
    system = F.struct(F.lit("system").alias("role"), F.lit(cfg.system_message).alias("content"),
                      F.lit(None).cast("double").alias("weight"))
    non_system = F.filter("messages", lambda m: m["role"] != "system")
    if cfg.system_message_policy == "replace":
        return conv.withColumn("messages", F.concat(F.array(system), non_system)).withColumn(
            SYSTEM_SOURCE, F.lit("config"))
    return conv.withColumn(SYSTEM_SOURCE, F.when(opens_with_system, F.lit("data")).otherwise(F.lit("config"))
                           ).withColumn("messages", F.when(opens_with_system, F.col("messages"))
                                        .otherwise(F.concat(F.array(system), F.col("messages"))))


class Assemble:
    """bronze.chat_messages rows -> the conversation frame (one row per conversation)."""

    name = "assemble"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        return StageResult(assemble_conversations(df, settings.curate.assemble))
