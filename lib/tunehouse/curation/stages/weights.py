"""Stage 7: a ``weight`` on every assistant message — 1 to learn from, 0 to keep as context only.

Rules, in order (the first that applies decides a reply's weight):

1. the source already carried a weight (chat JSONL imports) and ``respect_source_weights``: keep it;
2. the conversation's agent is excluded (``exclude_agents``), or ``include_agents`` is set and the
   agent is not in it: 0;
3. the reply itself is unfit to imitate: shorter than ``min_reply_chars``, an error, or a canned
   apology (patterns shared with the quality stage): 0;
4. rated conversations: csat >= ``min_csat`` -> 1, else 0;
5. unrated conversations (``unrated_policy``): ``agent`` (default) -> 1 unless the conversation's
   agent is rated below the bar elsewhere in the data (mean csat below ``min_agent_mean_csat``, 4 like
   ``min_csat``, over at least
   ``min_agent_ratings`` rated conversations) -> 0; ``style`` -> 1 when the reply's house-style score
   >= ``min_style_score``; ``learn`` -> 1; ``context`` -> 0.

Why ``agent`` by default: it uses only evidence the logs carry (ratings), so an export with no
ratings at all keeps every fit reply, as hosted fine-tuning does with unweighted data, while a
poorly rated agent's unrated replies are not imitated. ``style`` depends on markers that must be
written for the company's house style (the defaults describe a greeting/empathy/next-step/closing
style; real replies such as "Your refund was processed today." match none of them).

The house-style score of a reply is the share of ``style_markers`` (case-insensitive Java regexes:
greeting, empathy, concrete next step, closing) it matches. With ``fractional: true`` the weight is
a score in [0, 1] instead (rated: (csat-1)/4 blended with style; unrated: style), a feature hosted
fine-tuning does not offer; with it off, weights are exactly 0 or 1 as the OpenAI/Azure format
requires. Conversations left with no weight > 0 reply are dropped (``no_trainable_reply``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

from tunehouse.curation.frame import split_by_reason
from tunehouse.curation.settings import WeightSettings
from tunehouse.curation.signals.style import style_score
from tunehouse.curation.stages.base import StageResult

if TYPE_CHECKING:
    from tunehouse.config import Settings


def _unfit(content: Column, cfg: WeightSettings, bad_patterns: list[str]) -> Column:
    cond = F.length(F.trim(content)) < cfg.min_reply_chars
    for p in bad_patterns:
        cond = cond | content.rlike(p)
    return cond


def assign_weights(df: DataFrame, cfg: WeightSettings, bad_reply_patterns: list[str] | None = None
                   ) -> tuple[DataFrame, DataFrame]:
    """Set ``weight`` on assistant messages; drop conversations with nothing to learn."""
    bad = bad_reply_patterns or []
    agent_ok = F.lit(True)
    if cfg.exclude_agents:
        agent_ok = agent_ok & ~F.coalesce(F.col("agent_id").isin(cfg.exclude_agents), F.lit(False))
    if cfg.include_agents:
        agent_ok = agent_ok & F.coalesce(F.col("agent_id").isin(cfg.include_agents), F.lit(False))
    csat = F.col("csat")
    agent_mean = F.col("_agent_mean_csat")  # null: unknown agent or too few ratings
    if cfg.unrated_policy == "agent":
        df = with_agent_mean_csat(df, cfg.min_agent_ratings)

    def weigh(m: Column) -> Column:
        style = style_score(m["content"], cfg.style_markers)
        if cfg.fractional:
            def blend(rating: Column) -> Column:  # a 1-5 rating and the reply's style, in [0, 1]
                return ((rating - 1) / 4.0) * 0.7 + style * 0.3

            rated = blend(csat)
            unrated = {"style": style, "learn": F.lit(1.0), "context": F.lit(0.0),
                       "agent": F.coalesce(blend(agent_mean), F.lit(1.0))}[cfg.unrated_policy]
        else:
            rated = F.when(csat >= cfg.min_csat, 1.0).otherwise(0.0)
            unrated = {
                "style": F.when(style >= cfg.min_style_score, 1.0).otherwise(0.0),
                "learn": F.lit(1.0),
                "context": F.lit(0.0),
                "agent": F.when(agent_mean < cfg.min_agent_mean_csat, 0.0).otherwise(1.0),
            }[cfg.unrated_policy]
        rule = (
            F.when(~agent_ok, 0.0)
            .when(_unfit(m["content"], cfg, bad), 0.0)
            .when(csat.isNotNull(), rated)
            .otherwise(unrated)
        )
        if cfg.respect_source_weights:
            rule = F.coalesce(m["weight"], rule)
        w = F.when(m["role"] == "assistant", F.round(rule.cast("double"), 4)).otherwise(F.lit(None).cast("double"))
        return F.struct(m["role"].alias("role"), m["content"].alias("content"), w.alias("weight"))

    weighted = df.withColumn("messages", F.transform("messages", weigh))
    if cfg.unrated_policy == "agent":
        weighted = weighted.drop("_agent_mean_csat")
    trainable = F.filter("messages", lambda m: m["weight"] > 0)
    replies = F.filter("messages", lambda m: m["role"] == "assistant")
    return split_by_reason(
        weighted,
        F.when(F.size(trainable) == 0, F.lit("no_trainable_reply")),
        F.concat(F.lit("0 of "), F.size(replies).cast("string"),
                 F.lit(" assistant replies qualify (csat "), F.coalesce(csat.cast("string"), F.lit("unrated")),
                 F.lit(", agent "), F.coalesce(F.col("agent_id"), F.lit("none")), F.lit(")")),
    )


def with_agent_mean_csat(df: DataFrame, min_ratings: int) -> DataFrame:
    """Add ``_agent_mean_csat``: the agent's mean rating over their rated conversations in ``df``, null
    for conversations without an agent or agents with fewer than ``min_ratings`` ratings. An aggregate
    joined back (one row per agent), nothing collected to the driver."""
    per_agent = (df.filter(F.col("agent_id").isNotNull() & F.col("csat").isNotNull())
                 .groupBy("agent_id")
                 .agg(F.avg("csat").alias("_agent_mean_csat"), F.count("csat").alias("_agent_ratings"))
                 .filter(F.col("_agent_ratings") >= min_ratings)
                 .select("agent_id", "_agent_mean_csat"))
    joined = df.join(F.broadcast(per_agent), on="agent_id", how="left")
    return joined.select(*[F.col(c) for c in df.columns], "_agent_mean_csat")  # keep the frame's column order


def weight_stats(df: DataFrame) -> DataFrame:
    """Distribution of assistant-message weights (for reports)."""
    return (df.select(F.explode("messages").alias("m")).filter("m.role = 'assistant'")
            .groupBy(F.col("m.weight").alias("weight")).count().orderBy("weight"))


class Weights:
    name = "weights"

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        cfg = settings.curate
        return StageResult(*assign_weights(df, cfg.weights, cfg.quality.error_reply_patterns))
