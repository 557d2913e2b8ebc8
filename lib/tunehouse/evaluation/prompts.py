"""What the models are asked: the replayed turns of the evaluated split, and the fixed eval prompts.

Replayed turns (on Spark): every assistant turn of ``gold.training_examples`` with weight >=
``evaluate.min_reference_weight`` in ``evaluate.split`` becomes one prompt: the conversation before the turn
is the request, the logged reply the reference. A seeded, deterministic sample of at most
``evaluate.max_examples`` of them is scored.

Eval prompts (in this process): a handful of fixed questions (``evaluate.eval_prompts``) every model answers
after each evaluation, shown side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.errors import UserError
from tunehouse.evaluation.report import ROLE_ORDER
from tunehouse.evaluation.settings import EvaluateSettings
from tunehouse.model import registry as mref

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame


# --------------------------------------------------------------------------- replayed turns
def build_prompts(df: "DataFrame", es: EvaluateSettings) -> "DataFrame":
    """gold.training_examples rows -> one row per replayed turn: prompt_id, conversation_id, turn_index and
    ``messages`` = the conversation through the reference reply (last element). Turns directly after another
    assistant message are skipped (a chat request must end with a user or system message)."""
    from pyspark.sql import functions as F

    turns = (
        df.filter(F.col("split") == es.split)
        .select("conversation_id", "messages", F.posexplode("messages").alias("turn_index", "m"))
        .filter((F.col("m.role") == "assistant") & (F.col("m.weight") >= F.lit(es.min_reference_weight))
                & (F.col("turn_index") > 0))
        .withColumn("previous_role", F.expr("element_at(messages, turn_index).role"))
    )
    return turns.select(
        F.concat_ws(":", "conversation_id", F.col("turn_index").cast("string")).alias("prompt_id"),
        "conversation_id",
        F.col("turn_index").cast("int").alias("turn_index"),
        F.expr("transform(slice(messages, 1, turn_index + 1), x -> named_struct('role', x.role, "
               "'content', x.content))").alias("messages"),
        (F.col("previous_role") == "assistant").alias("after_assistant"),
    )


def sample_prompts(prompts: "DataFrame", es: EvaluateSettings) -> "DataFrame":
    """A deterministic sample of at most max_examples prompts (by a seeded hash of the prompt id)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    usable = prompts.filter(~F.col("after_assistant")).drop("after_assistant")
    key = F.sha2(F.concat(F.lit(f"{es.seed}:"), F.col("prompt_id")), 256)
    ranked = usable.withColumn("prompt_rank", F.row_number().over(Window.orderBy(key)) - 1)
    if es.max_examples is None:
        return ranked
    return ranked.filter(F.col("prompt_rank") < es.max_examples)


@dataclass
class ReplayPrompts:
    """The replayed turns of one evaluation (both DataFrames cached until :meth:`release`)."""

    all: "DataFrame"        # every replayable turn of the split (build_prompts)
    sampled: "DataFrame"    # the ones scored (sample_prompts), with prompt_rank
    turns: int              # replayable turns in the split
    skipped: int            # of those, turns right after another assistant message (not askable)
    count: int              # sampled prompts

    def release(self) -> None:
        self.all.unpersist()
        self.sampled.unpersist()


def replay_prompts(gold: "DataFrame", es: EvaluateSettings, source: str) -> ReplayPrompts:
    """The prompts to score from the gold rows; ``source`` names the table and version read, for the error
    raised when the split has nothing to replay."""
    from pyspark.sql import functions as F

    every = build_prompts(gold, es).cache()
    counts = every.agg(F.count("*").alias("n"), F.sum(F.col("after_assistant").cast("int")).alias("k")).first()
    sampled = sample_prompts(every, es).cache()
    replay = ReplayPrompts(all=every, sampled=sampled, turns=int(counts["n"]), skipped=int(counts["k"] or 0),
                           count=sampled.count())
    if replay.count == 0:
        raise UserError(f"no assistant turn with weight >= {es.min_reference_weight} in split {es.split!r} of "
                        f"{source}: nothing to evaluate")
    return replay


# --------------------------------------------------------------------------- eval prompts
def common_system_message(prompts: "DataFrame") -> str | None:
    """The most frequent opening system message among the replayed conversations (None when there is none)."""
    from pyspark.sql import functions as F

    row = (prompts.filter(F.col("messages")[0]["role"] == "system")
           .select("conversation_id", F.col("messages")[0]["content"].alias("system")).distinct()
           .groupBy("system").count().orderBy(F.desc("count"), "system").first())
    return row["system"] if row else None


def answer_eval_prompts(models: dict[str, "mref.ModelRef | Path | str"], es: EvaluateSettings) -> "pd.DataFrame":
    """The configured eval prompts answered by each model (role -> ModelRef or HF folder), as a DataFrame
    with one row per prompt and one column per model. Runs in this process (a handful of prompts)."""
    import pandas as pd

    from tunehouse.evaluation.scoring import load_chat_model

    rows = [{"prompt": p} for p in es.eval_prompts]
    order = [r for r in ROLE_ORDER if r in models] + [r for r in models if r not in ROLE_ORDER]
    for role in order:
        ref = models[role]
        folder = ref.hf_dir if isinstance(ref, mref.ModelRef) else ref
        label = ref.label if isinstance(ref, mref.ModelRef) else role
        chat = load_chat_model(str(folder))
        for row, prompt in zip(rows, es.eval_prompts):
            msgs = ([{"role": "system", "content": es.eval_prompts_system}] if es.eval_prompts_system else [])
            msgs.append({"role": "user", "content": prompt})
            try:
                r = chat.chat({"messages": msgs, "max_tokens": es.max_new_tokens, "temperature": es.temperature})
                row[label] = r["choices"][0]["message"]["content"]
            except Exception as e:  # noqa: BLE001 - shown in the table instead
                row[label] = f"[error: {e}]"
    return pd.DataFrame(rows)
