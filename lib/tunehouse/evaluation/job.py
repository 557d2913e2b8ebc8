"""`tunehouse evaluate`: replay the test split with the fine-tuned model, its base (and the champion) on Spark.

    resolve models (candidate, champion, base) -> local folders -> prompts from gold.training_examples
    (one per weight-1 assistant turn: the conversation before it is the prompt, the logged reply the
    reference) -> prompts x models scored over Spark partitions (mapInPandas, scoring.py) -> style scores
    (Spark, the curation markers) -> append to gold.eval_predictions -> per-model metrics from that table
    -> MLflow run: metrics, side-by-side table, example conversations, plot, eval prompts
    -> quality gate (and, with --promote, the champion alias)
"""

from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse import runtime
from tunehouse.errors import UserError
from tunehouse.evaluation.report import ROLE_ORDER
from tunehouse.evaluation.settings import EvaluateSettings
from tunehouse.model import registry as mref

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

    from tunehouse.config import Settings
    from tunehouse.evaluation.gate import GateDecision

log = logging.getLogger(__name__)



@dataclass
class EvalResult:
    run_id: str
    experiment_id: str
    models: dict[str, mref.ModelRef]
    metrics: dict[str, dict[str, float]]          # role -> metric -> value; plus "reference"
    side_by_side: list[dict]
    prompts: int
    skipped_turns: int
    predictions_table: str
    predictions_version: int | None
    decision: "GateDecision | None" = None
    promotion: str | None = None
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)


def eval_settings(settings: "Settings") -> EvaluateSettings:
    return getattr(settings, "evaluate", None) or EvaluateSettings()


# --------------------------------------------------------------------------- prompts
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


# --------------------------------------------------------------------------- the job
def run_evaluation(settings: "Settings", *, model: str | None = None, base_model: str | None = None,
                   promote: bool = False, spark: "SparkSession | None" = None) -> EvalResult:
    import mlflow

    from tunehouse.lakehouse.delta import Lakehouse
    from tunehouse.lakehouse.spark import get_spark
    from tunehouse.model import tracking as mlflow_store

    t0 = time.time()
    es = eval_settings(settings)
    timings: dict[str, float] = {}
    mark = [time.time()]

    def phase(name: str) -> None:
        now = time.time()
        timings[f"time_{name}_s"] = now - mark[0]
        log.info("%s: %.1fs", name, now - mark[0])
        mark[0] = now

    runtime.quiet_libraries()
    exp_id = mlflow_store.setup_mlflow(settings)
    client = mref.client()

    # ---- models
    candidate = mref.resolve_registered(model or es.model or mref.default_candidate_uri(settings), "candidate")
    if promote and not candidate.version:
        raise UserError(f"--promote needs a registered model version; {candidate.uri} is not one")
    refs = {"candidate": candidate}
    champion = mref.resolve_champion(settings, candidate) if es.score_champion else None
    if champion:
        refs["champion"] = champion
    refs["base"] = mref.resolve_base(settings, candidate, base_model or es.base_model)
    phase("resolve_models")
    log.info("materializing models: %s", ", ".join(r.label for r in refs.values()))
    mref.materialize(settings, candidate)
    chat_cfg = mref.chat_config_of(candidate.hf_dir)
    if champion:
        mref.materialize(settings, champion)
    mref.materialize(settings, refs["base"], chat_config=chat_cfg)
    phase("materialize_models")

    # ---- data
    spark = spark or get_spark(settings)
    lh = Lakehouse(spark, settings)
    if not lh.exists(es.table):
        raise UserError(f"table {es.table} does not exist: run `tunehouse curate` first")
    table_version = lh.version(es.table)
    all_prompts = build_prompts(lh.read(es.table), es).cache()
    from pyspark.sql import functions as F

    counts = all_prompts.agg(F.count("*").alias("n"), F.sum(F.col("after_assistant").cast("int")).alias("k")).first()
    n_turns, skipped = int(counts["n"]), int(counts["k"] or 0)
    prompts = sample_prompts(all_prompts, es).cache()
    n_prompts = prompts.count()
    if n_prompts == 0:
        raise UserError(f"no assistant turn with weight >= {es.min_reference_weight} in split {es.split!r} of "
                        f"{es.table} (version {table_version}): nothing to evaluate")
    phase("prompts")

    run_name = time.strftime(f"evaluate-{candidate.version and 'v' + candidate.version or 'model'}-%Y%m%d-%H%M%S")
    with mlflow.start_run(run_name=run_name, experiment_id=exp_id) as run:
        run_id = run.info.run_id
        try:
            mlflow.set_tags({mlflow_store.JOB_TAG: "evaluate", "tunehouse.candidate": candidate.label,
                             "tunehouse.base_model": refs["base"].label,
                             **({"tunehouse.train_run_id": candidate.run_id} if candidate.run_id else {}),
                             **({"tunehouse.champion": champion.label} if champion else {})})
            params = {f"evaluate.{k}": v for k, v in mlflow_store.flat_params("", es.model_dump(mode="json")).items()
                      if not k.startswith("eval_prompts")}
            params.update({f"model.{role}": (r.uri or r.source) for role, r in refs.items()})
            params.update({"data.table": es.table, "data.table_version": str(table_version), "data.split": es.split,
                           "data.turns": str(n_turns), "data.prompts": str(n_prompts),
                           "data.skipped_after_assistant": str(skipped)})
            mlflow.log_params({k: str(v)[:6000] for k, v in params.items()})

            # ---- score on Spark, store
            scored = score_on_spark(spark, settings, es, prompts, refs, n_prompts)
            preds = with_lineage(scored, settings, es, refs, run_id, table_version)
            version = lh.write(preds, es.predictions_table, mode="append")
            phase("score_and_write")
            stored = lh.read(es.predictions_table).filter(F.col("eval_run_id") == run_id).cache()

            # ---- metrics, report
            metrics = aggregate_metrics(stored, es, settings)
            phase("aggregate")
            from tunehouse.evaluation import report

            side = report.side_by_side(metrics, es.gate)
            report.log_to_mlflow(settings, es, run_id, refs, metrics, side, stored, prompts)
            phase("report")
            system = es.eval_prompts_system if es.eval_prompts_system is not None else common_system_message(all_prompts)
            eval_prompt_table = answer_eval_prompts({r.role: r for r in refs.values()},
                                                    es.model_copy(update={"eval_prompts_system": system}))
            mlflow.log_table(eval_prompt_table, "eval/eval_prompts.json")
            mlflow.log_text(system or "(none)", "eval/eval_prompts_system.txt")
            phase("eval_prompts")

            # ---- gate
            from tunehouse.evaluation import gate

            decision = None
            promotion = None
            if candidate.version and champion is None and mref.alias_version(
                    candidate.name, settings.tracking.champion_alias) == candidate.version:
                promotion = f"{candidate.label} already is @{settings.tracking.champion_alias}"
            else:
                decision = gate.decide(metrics, es.gate)
                mlflow.log_dict(decision.as_dict(), "eval/gate.json")
                mlflow.set_tags({"tunehouse.gate": "passed" if decision.promote else "refused",
                                 "tunehouse.gate_summary": decision.summary()[:4900]})
                if promote:
                    promotion = gate.promote(candidate.name, candidate.version, settings.tracking.champion_alias,
                                             decision, run_id)
                    mlflow_store.append_event(client, run_id, promotion)
            mlflow.log_metrics(timings)
            stored.unpersist()
        except BaseException as e:
            msg = str(e).splitlines()[0][:500] if str(e) else type(e).__name__
            mlflow_store.append_event(client, run_id, f"evaluation failed: {msg}")
            mlflow.end_run(status="FAILED")
            raise
    all_prompts.unpersist()
    prompts.unpersist()
    return EvalResult(run_id=run_id, experiment_id=exp_id, models=refs, metrics=metrics, side_by_side=side,
                      prompts=n_prompts, skipped_turns=skipped, predictions_table=es.predictions_table,
                      predictions_version=version, decision=decision, promotion=promotion,
                      seconds=time.time() - t0, extra={"turns": n_turns, "eval_prompts": eval_prompt_table})


def score_on_spark(spark, settings: "Settings", es: EvaluateSettings, prompts: "DataFrame",
                   refs: dict[str, mref.ModelRef], n_prompts: int) -> "DataFrame":
    """prompts x models, spread over partitions (rows of one model kept together), scored by scoring.py."""
    from pyspark.sql import functions as F

    from tunehouse.evaluation.scoring import OUTPUT_SCHEMA, score_batches

    models = spark.createDataFrame([(role, str(r.hf_dir), i) for i, (role, r) in enumerate(refs.items())],
                                   "model_role string, hf_dir string, model_index int")
    n = es.partitions or spark.sparkContext.defaultParallelism
    # job g = (model, prompt) in model-major order; partition = g * n // jobs: equal shares, contiguous per model
    # (each Python worker mostly loads one model); range partitioning keeps those contiguous blocks apart
    total = len(refs) * n_prompts
    jobs = (prompts.crossJoin(F.broadcast(models))
            .withColumn("part", F.floor((F.col("model_index") * n_prompts + F.col("prompt_rank")) * n / total))
            .repartitionByRange(n, "part")
            .drop("part", "model_index", "prompt_rank"))
    cfg = {"max_new_tokens": es.max_new_tokens, "temperature": es.temperature, "seed": es.seed,
           "torch_threads": es.torch_threads, "pii": settings.pii.model_dump_json()}
    return jobs.mapInPandas(score_batches(json.dumps(cfg)), OUTPUT_SCHEMA)


def style_markers(settings: "Settings", es: EvaluateSettings) -> tuple[list[str], float]:
    w = settings.curate.weights
    return (es.style_markers if es.style_markers is not None else list(w.style_markers),
            es.min_style_score if es.min_style_score is not None else w.min_style_score)


def with_lineage(scored: "DataFrame", settings: "Settings", es: EvaluateSettings, refs: dict[str, mref.ModelRef],
                 run_id: str, table_version) -> "DataFrame":
    """Add who/what/when columns and the house-style scores (Spark regexes, as in curation)."""
    from pyspark.sql import functions as F

    from tunehouse.curation.weights import style_score

    markers, _ = style_markers(settings, es)
    info = {role: (r.label, r.name, r.version, r.uri or r.source) for role, r in refs.items()}

    def pick(i: int):
        expr = F.lit(None).cast("string")
        for role, vals in info.items():
            expr = F.when(F.col("model_role") == role, F.lit(vals[i])).otherwise(expr)
        return expr

    return scored.select(
        F.lit(run_id).alias("eval_run_id"),
        F.lit(datetime.now(timezone.utc)).alias("evaluated_at"),
        "model_role",
        pick(0).alias("model_label"), pick(1).alias("model_name"), pick(2).alias("model_version"),
        pick(3).alias("model_uri"),
        *[c for c in scored.columns if c != "model_role"],
        F.when(F.col("reply").isNotNull(), style_score(F.col("reply"), markers)).alias("style_score"),
        style_score(F.col("reference"), markers).alias("reference_style_score"),
        F.lit(es.table).alias("source_table"),
        F.lit(table_version).cast("long").alias("source_table_version"),
        F.lit(es.split).alias("source_split"),
    )


# --------------------------------------------------------------------------- metrics
def aggregate_metrics(preds: "DataFrame", es: EvaluateSettings, settings: "Settings") -> dict[str, dict[str, float]]:
    """role -> metric -> value from the stored predictions; "reference" holds the logged replies' own figures."""
    from pyspark.sql import functions as F

    from tunehouse.evaluation.metrics import corpus_bleu

    _, min_style = style_markers(settings, es)
    ok = F.col("error").isNull()
    rows = preds.groupBy("model_role").agg(
        F.count("*").alias("prompts"),
        F.avg((~ok).cast("double")).alias("error_rate"),
        F.sum(F.when(ok, F.col("ref_nll"))).alias("nll"),
        F.sum(F.when(ok, F.col("ref_tokens"))).alias("tokens"),
        F.sum(F.when(ok, F.col("ref_correct"))).alias("correct"),
        F.avg("rouge_l").alias("rouge_l"),
        F.avg(F.when(ok, (F.col("finish_reason") == "stop").cast("double"))).alias("stop_rate"),
        F.avg("style_score").alias("style_score"),
        F.avg(F.when(ok, (F.col("style_score") >= min_style).cast("double"))).alias("style_rate"),
        F.avg(F.when(ok, (F.col("pii_entities") > 0).cast("double"))).alias("pii_leak_rate"),
        F.avg(F.length("reply")).alias("reply_chars"),
        F.avg("completion_tokens").alias("reply_tokens"),
        F.percentile_approx("latency_ms", 0.5).alias("latency_ms_p50"),
        F.percentile_approx("latency_ms", 0.95).alias("latency_ms_p95"),
        # the logged replies themselves (identical for every role; taken from each for convenience)
        F.avg("reference_style_score").alias("ref_style_score"),
        F.avg((F.col("reference_style_score") >= min_style).cast("double")).alias("ref_style_rate"),
        F.avg((F.col("reference_pii_entities") > 0).cast("double")).alias("ref_pii_leak_rate"),
        F.avg(F.length("reference")).alias("ref_reply_chars"),
    ).collect()
    pairs: dict[str, tuple[list, list]] = {}
    for r in preds.filter(ok).select("model_role", "reply", "reference").toLocalIterator():
        p = pairs.setdefault(r["model_role"], ([], []))
        p[0].append(r["reply"])
        p[1].append(r["reference"])
    out: dict[str, dict[str, float]] = {}
    for r in rows:
        d = r.asDict()
        tokens = d.pop("tokens") or 0
        nll, correct = d.pop("nll") or 0.0, d.pop("correct") or 0
        d["ref_perplexity"] = math.exp(nll / tokens) if tokens else float("nan")
        d["ref_token_accuracy"] = correct / tokens if tokens else float("nan")
        d["ref_tokens"] = float(tokens)
        preds_refs = pairs.get(d["model_role"], ([], []))
        d["bleu"] = corpus_bleu(*preds_refs) if preds_refs[0] else float("nan")
        reference = {"style_score": d.pop("ref_style_score"), "style_rate": d.pop("ref_style_rate"),
                     "pii_leak_rate": d.pop("ref_pii_leak_rate"), "reply_chars": d.pop("ref_reply_chars")}
        out["reference"] = reference
        role = d.pop("model_role")
        out[role] = {k: (float(v) if v is not None else float("nan")) for k, v in d.items()}
    return out


# --------------------------------------------------------------------------- eval prompts
def common_system_message(prompts: "DataFrame") -> str | None:
    """The most frequent opening system message among the replayed conversations (None when there is none)."""
    from pyspark.sql import functions as F

    row = (prompts.filter(F.col("messages")[0]["role"] == "system")
           .select("conversation_id", F.col("messages")[0]["content"].alias("system")).distinct()
           .groupBy("system").count().orderBy(F.desc("count"), "system").first())
    return row["system"] if row else None


def answer_eval_prompts(models: dict[str, "mref.ModelRef | Path | str"], es: EvaluateSettings):
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
