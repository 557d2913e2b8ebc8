"""`tunehouse evaluate`: replay the test split with the fine-tuned model, its base (and the champion) on Spark.

    resolve models (candidate, champion, base) -> local folders -> prompts from gold.training_examples
    at the version the candidate was trained on (lineage.py; prompts.py) -> prompts x models scored over Spark partitions and appended to gold.eval_predictions
    (predictions.py, scoring.py) -> per-model metrics from that table (metrics.py) -> MLflow run: metrics,
    side-by-side table, example conversations, plot (report.py), eval prompts -> quality gate (gate.py; with
    --promote, the champion alias)

This module is the run itself: the order of those steps, what the MLflow run records, and its timings.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tunehouse import runtime
from tunehouse.config.secrets import redact_text
from tunehouse.errors import UserError
from tunehouse.evaluation import gate, lineage, prompts, report
from tunehouse.evaluation.metrics import aggregate_metrics, task_metrics
from tunehouse.evaluation.predictions import score_and_store
from tunehouse.evaluation.settings import EvaluateSettings
from tunehouse.model import registry as mref
from tunehouse.model import tracking as mlflow_store

if TYPE_CHECKING:
    import pandas as pd
    from mlflow.entities import RunInfo
    from pyspark.sql import DataFrame, SparkSession

    from tunehouse.config import Settings
    from tunehouse.lakehouse.delta import Lakehouse

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
    decision: "gate.GateDecision | None" = None
    promotion: str | None = None
    source: "lineage.ReplaySource | None" = None   # the gold table version replayed, and why that one
    seconds: float = 0.0
    extra: dict = field(default_factory=dict)


class PhaseTimer:
    """Seconds per phase of the job: logged as each phase ends, recorded in the run as time_<phase>_s."""

    def __init__(self) -> None:
        self.started = self._mark = time.time()
        self.timings: dict[str, float] = {}

    def lap(self, phase: str) -> None:
        now = time.time()
        self.timings[f"time_{phase}_s"] = now - self._mark
        log.info("%s: %.1fs", phase, now - self._mark)
        self._mark = now


# --------------------------------------------------------------------------- the job
def run_evaluation(settings: "Settings", *, model: str | None = None, base_model: str | None = None,
                   promote: bool = False, spark: "SparkSession | None" = None) -> EvalResult:
    import mlflow

    from tunehouse.lakehouse.delta import Lakehouse
    from tunehouse.lakehouse.spark import get_spark

    es = settings.evaluate
    timer = PhaseTimer()
    runtime.quiet_libraries()
    exp_id = mlflow_store.setup_mlflow(settings)
    refs = resolve_models(settings, es, model=model, base_model=base_model, promote=promote)
    timer.lap("resolve_models")
    materialize_models(settings, refs)
    timer.lap("materialize_models")

    lh = Lakehouse(spark or get_spark(settings), settings)
    if not lh.exists(es.table):
        raise UserError(f"table {es.table} does not exist: run `tunehouse curate` first")
    source = lineage.replay_source(lh, es, refs["candidate"])
    replay = prompts.replay_prompts(source.read(lh), es, source.describe())
    timer.lap("prompts")

    with mlflow.start_run(run_name=run_name(refs["candidate"]), experiment_id=exp_id) as run:
        try:
            result = evaluate_in_run(settings, lh, run.info, refs, replay, source, timer, promote=promote)
        except BaseException as e:
            record_failure(run.info.run_id, e)
            raise
    replay.release()
    result.seconds = time.time() - timer.started
    return result


def evaluate_in_run(settings: "Settings", lh: "Lakehouse", run: "RunInfo", refs: dict[str, mref.ModelRef],
                    replay: prompts.ReplayPrompts, source: lineage.ReplaySource, timer: PhaseTimer, *,
                    promote: bool) -> EvalResult:
    """Everything recorded in the evaluation's MLflow run (the active one): inputs, predictions, report, gate."""
    import mlflow

    es, run_id = settings.evaluate, run.run_id
    log_run_inputs(es, refs, replay, source.version)
    lineage.log_replay_source(source, run_id)
    stored, predictions_version = score_and_store(lh, settings, es, replay.sampled, replay.count, refs, run_id,
                                                  source.version)
    timer.lap("score_and_write")
    metrics = aggregate_metrics(stored, es, settings)
    add_task_metrics(metrics, stored, source.read(lh))
    timer.lap("aggregate")
    side = report.side_by_side(metrics, es.gate)
    report.log_to_mlflow(es, refs, metrics, side, stored, replay.sampled)
    timer.lap("report")
    eval_prompt_table = log_eval_prompts(es, refs, replay)
    timer.lap("eval_prompts")
    decision, promotion = gate_candidate(settings, refs, metrics, run_id, promote=promote)
    mlflow.log_metrics(timer.timings)
    stored.unpersist()
    return EvalResult(run_id=run_id, experiment_id=run.experiment_id, models=refs, metrics=metrics,
                      side_by_side=side, prompts=replay.count, skipped_turns=replay.skipped,
                      predictions_table=es.predictions_table, predictions_version=predictions_version, decision=decision, promotion=promotion,
                      source=source, extra={"turns": replay.turns, "eval_prompts": eval_prompt_table})


# --------------------------------------------------------------------------- models
def resolve_models(settings: "Settings", es: EvaluateSettings, *, model: str | None, base_model: str | None,
                   promote: bool) -> dict[str, mref.ModelRef]:
    """role -> model: the candidate, the current champion (when scored and another version), the base."""
    candidate = mref.resolve_registered(model or es.model or mref.default_candidate_uri(settings), "candidate")
    if promote and not candidate.version:
        raise UserError(f"--promote needs a registered model version; {candidate.uri} is not one")
    refs = {"candidate": candidate}
    champion = mref.resolve_champion(settings, candidate) if es.score_champion else None
    if champion:
        refs["champion"] = champion
    refs["base"] = mref.resolve_base(settings, candidate, base_model or es.base_model)
    return refs


def materialize_models(settings: "Settings", refs: dict[str, mref.ModelRef]) -> None:
    """Local Hugging Face folders for every model; the base gets the candidate's chat configuration."""
    log.info("materializing models: %s", ", ".join(r.label for r in refs.values()))
    mref.materialize(settings, refs["candidate"])
    chat_cfg = mref.chat_config_of(refs["candidate"].hf_dir)
    if "champion" in refs:
        mref.materialize(settings, refs["champion"])
    mref.materialize(settings, refs["base"], chat_config=chat_cfg)


def run_name(candidate: mref.ModelRef) -> str:
    return time.strftime(f"evaluate-{candidate.version and 'v' + candidate.version or 'model'}-%Y%m%d-%H%M%S")


# --------------------------------------------------------------------------- the MLflow run
def log_run_inputs(es: EvaluateSettings, refs: dict[str, mref.ModelRef], replay: prompts.ReplayPrompts,
                   table_version: int | None) -> None:
    """Tags (job, models, training run) and params (settings, model URIs, the data read and its counts)."""
    import mlflow

    candidate, champion = refs["candidate"], refs.get("champion")
    mlflow.set_tags({mlflow_store.JOB_TAG: "evaluate", "tunehouse.candidate": candidate.label,
                     "tunehouse.base_model": refs["base"].label,
                     **({"tunehouse.train_run_id": candidate.run_id} if candidate.run_id else {}),
                     **({"tunehouse.champion": champion.label} if champion else {})})
    params = {f"evaluate.{k}": v for k, v in mlflow_store.flat_params("", es.model_dump(mode="json")).items()
              if not k.startswith("eval_prompts")}
    # a model source can be a URL with a token in it (a hub or registry URL): shown redacted, as every logged setting
    params.update({f"model.{role}": redact_text(str(r.uri or r.source)) for role, r in refs.items()})
    params.update({"data.table": es.table, "data.table_version": str(table_version), "data.split": es.split,
                   "data.turns": str(replay.turns), "data.prompts": str(replay.count),
                   "data.skipped_after_assistant": str(replay.skipped),
                   "data.split_source": split_source(replay.all)})
    mlflow.log_params({k: str(v)[:6000] for k, v in params.items()})


def split_source(prompts: "DataFrame") -> str:
    """Whether the evaluated turns are your own test data (curate.split.test_data, which replaces the random
    test split when given) or the random split of the logs."""
    from pyspark.sql import functions as F

    from tunehouse.curation.own_data import own_split_of

    own = prompts.filter(own_split_of(F.col("conversation_id")).isNotNull()).limit(1).count()
    return "your own data (curate.split.test_data / validation_data)" if own else "random split of the logs"


def add_task_metrics(metrics: dict[str, dict[str, float]], stored: "DataFrame", gold: "DataFrame") -> None:
    """The task metrics of prepared conversations (none for chat logs) join each role's metrics, so they are
    logged beside the generic ones (``base/<task>.<metric>``, ``candidate/...``); their differences to the base
    are logged as ``delta_vs_base/<task>.<metric>`` and every example's scores as ``eval/task_examples.json``."""
    import mlflow
    import pandas as pd

    from tunehouse.evaluation.metrics import is_finite

    values, examples = task_metrics(stored, gold)
    if not values:
        return
    for role, vals in values.items():
        metrics.setdefault(role, {}).update(vals)
    base, cand = values.get("base", {}), values.get("candidate", {})
    mlflow.log_metrics({f"delta_vs_base/{k}": cand[k] - base[k] for k in cand
                        if k in base and is_finite(cand[k]) and is_finite(base[k]) and not k.endswith(".examples")})
    mlflow.set_tag("tunehouse.tasks", ",".join(sorted({e["task"] for e in examples})))
    mlflow.log_table(pd.DataFrame(examples), "eval/task_examples.json")


def log_eval_prompts(es: EvaluateSettings, refs: dict[str, mref.ModelRef],
                     replay: prompts.ReplayPrompts) -> "pd.DataFrame":
    """Every model answers the fixed eval prompts, with the configured system message or else the split's most
    common one (the one the model was trained with); the answers are logged as a table."""
    import mlflow

    system = es.eval_prompts_system if es.eval_prompts_system is not None else prompts.common_system_message(
        replay.all)
    table = prompts.answer_eval_prompts(refs, es.model_copy(update={"eval_prompts_system": system}))
    mlflow.log_table(table, "eval/eval_prompts.json")
    mlflow.log_text(system or "(none)", "eval/eval_prompts_system.txt")
    return table


def gate_candidate(settings: "Settings", refs: dict[str, mref.ModelRef], metrics: dict[str, dict], run_id: str,
                   *, promote: bool) -> tuple["gate.GateDecision | None", str | None]:
    """The gate's decision (logged and tagged on the run) and, with ``promote``, what happened to the alias.
    A candidate that already is the champion is not gated again."""
    import mlflow

    candidate, alias = refs["candidate"], settings.tracking.champion_alias
    if candidate.version and "champion" not in refs and (
            mref.alias_version(candidate.name, alias) == candidate.version):
        return None, f"{candidate.label} already is @{alias}"
    decision = gate.decide(metrics, settings.evaluate.gate)
    mlflow.log_dict(decision.as_dict(), "eval/gate.json")
    mlflow.set_tags({"tunehouse.gate": "passed" if decision.promote else "refused",
                     "tunehouse.gate_summary": decision.summary()[:4900]})
    if not promote:
        return decision, None
    promotion = gate.promote(candidate.name, candidate.version, alias, decision, run_id)
    mlflow_store.append_event(mref.client(), run_id, promotion)
    return decision, promotion


def record_failure(run_id: str, error: BaseException) -> None:
    """The first line of the error as a run event; the run ends FAILED."""
    import mlflow

    msg = str(error).splitlines()[0][:500] if str(error) else type(error).__name__
    mlflow_store.append_event(mref.client(), run_id, f"evaluation failed: {msg}")
    mlflow.end_run(status="FAILED")
