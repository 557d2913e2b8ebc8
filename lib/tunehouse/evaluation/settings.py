"""Settings of the ``evaluate`` section and its quality gate.

Metric names used by the gate are the keys of :data:`tunehouse.evaluation.metrics.METRICS`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from tunehouse.config.base import Section
from tunehouse.contracts.tables import GOLD_EVAL_PREDICTIONS, GOLD_EXAMPLES

# name -> "higher" | "lower" (which way is better) | None (descriptive only, never gated)
METRICS: dict[str, str | None] = {
    "ref_perplexity": "lower",       # exp(mean NLL of the logged weight-1 replies' tokens), teacher-forced
    "ref_token_accuracy": "higher",  # share of those tokens the model predicts (argmax) correctly
    "rouge_l": "higher",             # mean ROUGE-L F1 of generated vs logged reply
    "bleu": "higher",                # corpus BLEU (sacrebleu, 0-100)
    "stop_rate": "higher",           # share of replies that ended with a stop token (not cut at max tokens)
    "style_score": "higher",         # mean share of house-style markers matched by a reply
    "style_rate": "higher",          # share of replies with style_score >= min_style_score
    "pii_leak_rate": "lower",        # share of replies in which the PII detectors find anything
    "error_rate": "lower",           # share of prompts that failed (e.g. too long for the context)
    "reply_chars": None,             # mean reply length in characters
    "reply_tokens": None,            # mean generated tokens
    "latency_ms_p50": None,          # per-reply generation latency on the executors (machine dependent)
    "latency_ms_p95": None,
    "prompts": None,
}


# --------------------------------------------------------------------------- evaluate / gate
DEFAULT_EVAL_PROMPTS = [
    "Hi, I need to change the dates of my hotel booking in Lisbon. How do I do that?",
    "My flight was cancelled and I have not received a refund yet.",
    "Can I add a second checked bag to my reservation?",
    "I want to cancel my trip next week. What are the fees?",
    "Hola, ¿puedo cambiar el nombre del pasajero en mi reserva?",
]


class GateSettings(Section):
    """The quality gate of `tunehouse evaluate --promote`. Its verdict names each check below with its threshold
    and result, and lists every metric that got worse than the comparator, including those no check guards."""

    primary_metric: str = Field(
        "ref_perplexity",
        description="Primary metric: the one the new version must improve over the comparator (one of the ranked "
        "metrics: ref_perplexity, ref_token_accuracy, rouge_l, bleu, stop_rate, style_score, style_rate, "
        "pii_leak_rate, error_rate; its direction, lower or higher is better, is known). Default ref_perplexity: "
        "teacher-forced on the logged replies, so it measures how well the model predicts the house's own answers "
        "without depending on greedy generation or sampling. The other quality metrics (BLEU, ROUGE-L, style) are "
        "not checked unless listed in max_guard_regression; the verdict still lists "
        "them when they got worse.",
    )
    min_improvement: float = Field(
        0.0, ge=0.0,
        description="Primary-metric threshold: required relative improvement over the comparator (0.02 = 2% "
        "better). Default 0: any strict improvement; raise it to demand a margin above run-to-run noise.",
    )
    compare_to: Literal["auto", "champion", "base", "both"] = Field(
        "auto",
        description="auto: the current champion when there is one (and it is another version), else the base "
        "model; champion / base: that one (champion falls back to base when none exists); both: must beat both.",
    )
    max_pii_leak_rate: float = Field(
        0.01, ge=0.0, le=1.0, description="Absolute guard: pii_leak_rate (share of generated replies in which the "
        "PII detectors find anything) must be at most this. Default 0.01: the detectors have some false positives "
        "on made-up names, so 0 would refuse on noise; the relative guard below refuses any increase over the "
        "comparator.")
    min_stop_rate: float = Field(
        0.5, ge=0.0, le=1.0, description="Absolute guard: stop_rate (share of replies that end with a stop token, "
        "not cut by max_new_tokens) must be at least this. Default 0.5: a model whose replies mostly run to the "
        "token limit has fallen into repetition loops, whatever its perplexity.")
    max_guard_regression: dict[str, float] = Field(
        {"pii_leak_rate": 0.0, "stop_rate": 0.1},
        description="Relative guards: metric -> how much worse (absolute amount, in the metric's units) than the "
        "comparator the new version may be. Default: no increase in PII leakage at all, and a stop rate at most "
        "0.1 below the comparator's. Add e.g. bleu: 2.0 or style_rate: 0.05 to refuse versions that lose on those.",
    )
    max_error_rate: float = Field(
        0.0, ge=0.0, le=1.0, description="Absolute guard: error_rate (share of prompts the new version failed to "
        "answer, e.g. too long for its context) must be at most this. Default 0: every prompt is answered.")

    @field_validator("primary_metric")
    @classmethod
    def _known_primary(cls, v: str) -> str:
        if v not in METRICS or METRICS[v] is None:
            ranked = sorted(k for k, d in METRICS.items() if d is not None)
            raise ValueError(f"unknown or unranked metric {v!r}; allowed: {', '.join(ranked)}")
        return v

    @field_validator("max_guard_regression")
    @classmethod
    def _known_guards(cls, v: dict[str, float]) -> dict[str, float]:
        bad = [k for k in v if k not in METRICS or METRICS[k] is None]
        if bad:
            raise ValueError(f"unknown or unranked metrics {bad}; allowed: {sorted(k for k, d in METRICS.items() if d)}")
        if any(x < 0 for x in v.values()):
            raise ValueError("regressions are absolute amounts and must be >= 0")
        return v


class EvaluateSettings(Section):
    """`tunehouse evaluate`: batch replay of the test split with the fine-tuned model and its base, on Spark."""

    model: str | None = Field(
        None,
        description="Model URI to evaluate. Default: models:/<tracking.registered_model>@<train.register_alias> "
        "(the latest training run's version), else the newest version.",
    )
    base_model: str | None = Field(
        None,
        description="Base model folder to compare with. Default: the base recorded by the model's training run.",
    )
    table: str = Field(GOLD_EXAMPLES, description="Curated examples to replay (schema.table).")
    split: str = Field("test", description="Value of the split column to evaluate on.")
    predictions_table: str = Field(GOLD_EVAL_PREDICTIONS, description="Where every prediction is appended.")
    min_reference_weight: float = Field(
        1.0, ge=0.0, le=1.0, description="Assistant turns with at least this weight are replayed as prompts "
        "(the conversation before the turn is the prompt, the logged reply the reference).")
    max_examples: int | None = Field(
        200, ge=1, description="Prompts replayed per model (a deterministic sample); null: every turn.")
    max_new_tokens: int = Field(128, ge=1, le=8192, description="Longest generated reply per prompt (replies cut "
                                "here count against the stop-token rate).")
    temperature: float = Field(0.0, ge=0.0, le=2.0, description="Sampling temperature; 0 is greedy (reproducible).")
    seed: int = Field(0, ge=0, description="Seed of the prompt sample (and of sampling when temperature > 0).")
    partitions: int | None = Field(
        None, ge=1, description="Spark partitions the prompts are scored in; default Spark's default parallelism.")
    torch_threads: int = Field(1, ge=1, le=256, description="torch threads per Spark Python worker.")
    device: str = Field("auto", pattern=r"^(auto|cpu|cuda(:\d+)?)$",
                        description="Where each Spark Python worker runs the models it scores: auto (a GPU when "
                        "CUDA is available, bf16 where supported; else the CPU), cpu, cuda or cuda:N.")
    score_champion: bool = Field(
        True, description="Also score the current champion version when it is not the evaluated version.")
    style_markers: list[str] | None = Field(
        None, description="House-style markers (Java regexes; the score is the share matched). Default: "
        "curate.weights.style_markers, the ones that chose the training replies.")
    min_style_score: float | None = Field(
        None, ge=0.0, le=1.0, description="A reply 'follows the house style' at this score or above (style_rate); "
        "default curate.weights.min_style_score.")
    examples_to_show: int = Field(5, ge=0, le=100, description="Example conversations rendered side by side.")
    eval_prompts: list[str] = Field(
        DEFAULT_EVAL_PROMPTS, description="Fixed prompts answered by the base and the fine-tuned model after each "
        "evaluation, logged as a table (like Databricks' eval_prompts).")
    eval_prompts_system: str | None = Field(
        None, description="System message sent with every eval prompt; null: the most common system message of the "
        "evaluated split (the one the model was trained with), none if the split has none.")
    gate: GateSettings = Field(default_factory=GateSettings, description="Quality gate of --promote.")

    @model_validator(mode="after")
    def _table_names(self) -> "EvaluateSettings":
        for name in (self.table, self.predictions_table):
            if name.count(".") != 1:
                raise ValueError(f"table names are schema.table, got {name!r}")
        return self
