"""Typed settings of the ``train`` and ``base_model`` configuration sections.

Hyperparameter names follow the hosted fine-tuning APIs users know (Azure OpenAI / OpenAI):
``batch_size``, ``learning_rate_multiplier``, ``n_epochs``, ``seed``. Every field has a default
and a description (the description is the documentation; conf/tunehouse.yaml mirrors it).
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from tunehouse.config.base import Section


class LoraSettings(Section):
    r: int = Field(8, ge=1, le=512, description="LoRA rank: size of the low-rank update matrices.")
    alpha: float = Field(16.0, gt=0, le=4096, description="LoRA scaling numerator: the update is scaled by alpha / r.")
    dropout: float = Field(0.05, ge=0.0, lt=1.0, description="Dropout on the LoRA input during training.")
    target_modules: list[str] = Field(
        ["q_proj", "k_proj", "v_proj", "o_proj"],
        min_length=1,
        description="Module names (suffixes) that get LoRA adapters, e.g. the attention projections of a "
        "Llama-style model; 'all-linear' targets every linear layer except the output head.",
    )


class TrainSettings(Section):
    """Fine-tuning job: data, base model, hyperparameters, Ray scaling, checkpoints, registration."""

    # ---- inputs
    base_model: str | None = Field(
        None,
        description="Hugging Face hub id or local folder of the base causal LM, or a registered tunehouse model "
        "(models:/NAME@ALIAS or models:/NAME/VERSION) to continue fine-tuning from (lineage to that version is "
        "recorded). Default: the offline tiny base built by `tunehouse base-model` at storage.root/models/base.",
    )
    chat_template: str | None = Field(
        None,
        description="Chat template for a base model whose tokenizer has none (a plain, non-instruct checkpoint): "
        "'chatml' (needs <|im_start|> and <|im_end|> tokens) or the path of a Jinja file. A checkpoint's own "
        "template always wins. Loss masks come from the template's {% generation %} markers when it has them, "
        "else from rendering each conversation up to every assistant turn.",
    )
    train_data: Path | None = Field(
        None,
        description="Folder holding train.jsonl and validation.jsonl (chat JSONL from `tunehouse curate`). "
        "Default: the most recent folder under storage.root/exports.",
    )

    # ---- hyperparameters (Azure/OpenAI names)
    method: Literal["lora", "full"] = Field("lora", description="lora: train low-rank adapters (merged into the base "
                                            "when the model is logged); full: train every parameter.")
    batch_size: Annotated[int, Field(ge=1, le=4096)] | Literal["auto"] = Field(
        8, description="Examples per optimizer step across all workers and accumulation steps; must be a multiple "
        "of num_workers * gradient_accumulation_steps. auto: ~0.2% of the training examples, 1..256, rounded up to "
        "that multiple (as Azure OpenAI / OpenAI define it).")
    learning_rate_multiplier: Annotated[float, Field(gt=0, le=10.0)] | Literal["auto"] = Field(
        0.1,
        description="Multiplies the base learning rate of the model (see base_learning_rates). Recommended 0.02-0.2; "
        "larger values suit larger batch sizes. auto: 0.05, 0.1 or 0.2 by the final batch size (< 4, < 16, >= 16).",
    )
    base_learning_rates: dict[str, float] = Field(
        {"tunehouse-tiny-base": 0.1, "*": 0.002},
        description="Base learning rate per model name (glob patterns allowed; the first match in order wins). "
        "The model name is the hub id, or for a local folder its recorded name (tunehouse_base.json) or folder name.",
    )
    n_epochs: Annotated[int, Field(ge=1, le=100)] | Literal["auto"] = Field(
        2, description="Passes over the training data (1-100). auto: by dataset size as OpenAI's cookbook does it: "
        "3, but at least 100 and at most 25,000 examples seen in total (1-25 epochs).")
    seed: int = Field(42, ge=0, description="Random seed for initialisation, shuffling and dropout: the same seed and "
                      "config give the same loss curve on CPU.")
    max_steps: int | None = Field(None, ge=1, description="Stop after this many optimizer steps (smoke tests); "
                                  "default: n_epochs full passes.")

    lora: LoraSettings = Field(default_factory=LoraSettings, description="LoRA adapter shape (method=lora).")

    # ---- sequence handling
    max_seq_length: int = Field(256, ge=16, le=131072, description="Tokens per training sequence; longer "
                                "conversations are truncated (trainable tokens lost are counted and logged).")
    truncation_side: Literal["left", "right"] = Field(
        "left", description="left: drop the oldest turns' tokens (keeps the latest replies); right: drop the end.")
    packing: bool = Field(False, description="Padding-free packing: each micro-batch's conversations are "
                          "concatenated into one row with no padding (positions restart per conversation; attention "
                          "stays within each). Same examples per step, so the same loss; only padding goes: worth it when "
                          "micro-batches are padded a lot (lengths vary widely), break-even at ~5% padding.")
    fractional_weights: bool = Field(
        False,
        description="Scale each assistant token's loss by its message weight in [0,1]; off: weight > 0 counts as 1.",
    )

    # ---- optimisation
    gradient_accumulation_steps: int = Field(1, ge=1, le=1024, description="Micro-batches accumulated per optimizer "
                                             "step on each worker.")
    warmup_ratio: float = Field(0.05, ge=0.0, le=0.5, description="Fraction of optimizer steps with linear LR warm-up.")
    lr_scheduler: Literal["linear", "cosine", "constant"] = Field("cosine", description="LR decay after warm-up.")
    weight_decay: float = Field(0.0, ge=0.0, le=1.0, description="AdamW decoupled weight decay.")
    max_grad_norm: float | None = Field(1.0, gt=0, description="Gradient clipping norm; null disables clipping.")
    precision: Literal["auto", "fp32", "bf16"] = Field(
        "auto", description="auto: bf16 autocast on GPUs that support it, fp32 on CPU.")
    gradient_checkpointing: bool = Field(
        False, description="Recompute each decoder layer's activations in the backward pass instead of keeping "
        "them: much less activation memory (longer sequences, bigger micro-batches) for ~30% more compute.")
    load_in_4bit: bool = Field(
        False, description="method=lora on CUDA workers only: load the frozen base NF4-quantised (QLoRA; needs "
        "bitsandbytes, the 'gpu' extra) to fit a bigger base in GPU memory; the adapters are merged into the "
        "full-precision base when the model is logged.")

    # ---- Ray scaling
    num_workers: int = Field(2, ge=1, le=1024, description="Ray Train workers (data-parallel processes).")
    use_gpu: bool | Literal["auto"] = Field("auto", description="One GPU per worker; auto: when the Ray cluster has GPUs.")
    strategy: Literal["ddp", "fsdp"] = Field(
        "ddp", description="ddp: replicate the model on each worker; fsdp: shard parameters per decoder layer "
        "(FSDP2; models too big for one device; also runs on CPU workers over gloo, e.g. to test a sharded job).")
    cpus_per_worker: float = Field(1.0, gt=0, description="CPUs reserved per Ray worker.")
    torch_threads: int = Field(1, ge=1, le=256, description="torch intra-op threads per worker (1 on a small box "
                               "avoids oversubscription).")
    ray_address: str | None = Field(None, description="Connect to this Ray cluster ('auto', an address or "
                                    "ray://...); 'spark': start Ray on the job's Spark cluster (one Ray worker per "
                                    "Spark worker; Databricks) and shut it down after training; default: start a "
                                    "local Ray runtime with its files under storage.root/ray.")

    # ---- checkpoints, fault tolerance
    keep_checkpoints: int = Field(3, ge=1, le=100, description="Epoch checkpoints kept, with their validation "
                                  "metrics: the N with the lowest validation loss (the last N while it falls), plus "
                                  "always the latest (a restart resumes from it); the others are deleted.")
    early_stopping_patience: int | None = Field(
        None, ge=1, le=100, description="Stop when validation loss has not improved for this many epochs "
        "(the best epoch is then registered); null: off.")
    register_checkpoint: Literal["best", "last"] = Field(
        "best", description="Which epoch checkpoint becomes the registered model: best (lowest validation loss) "
        "or last.")
    from_checkpoint: str | None = Field(
        None, description="RUN_ID:EPOCH (RUN_ID alone: its best epoch): start from that epoch checkpoint of an earlier "
        "job (its trained weights merged into its base) instead of train.base_model.")
    suffix: str | None = Field(
        None, pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$", description="Job name suffix, as Azure OpenAI's 'suffix': "
        "names the MLflow run and the registered version (alias @SUFFIX, version tag 'suffix'); lowercase letters, "
        "digits, - and _ (up to 64).")
    max_failures: int = Field(2, ge=-1, le=100, description="Worker failures to recover from (resuming from the "
                              "latest checkpoint); 0 disables, -1 retries forever.")

    # ---- monitoring, audit, registration
    log_every_steps: int = Field(5, ge=1, description="Log step metrics (loss, lr, tokens/s) every N optimizer steps.")
    max_eval_examples: int | None = Field(512, ge=1, description="Validation examples evaluated per epoch "
                                          "(the first N); null: all.")
    audit_examples: int = Field(3, ge=0, le=100, description="Rendered examples with their loss masks logged to MLflow.")
    register_model: bool = Field(True, description="Register the fine-tuned model in the MLflow model registry.")
    register_alias: str = Field("candidate", min_length=1, description="Alias set on the newly registered version "
                                "(evaluation moves the champion alias).")

    @field_validator("suffix")
    @classmethod
    def _suffix_not_reserved(cls, v: str | None) -> str | None:
        if v is not None and (v == "latest" or re.fullmatch(r"v\d+", v)):
            raise ValueError(f"suffix {v!r} is reserved by the MLflow registry (aliases cannot be 'latest' or v<N>)")
        return v

    @field_validator("base_learning_rates")
    @classmethod
    def _lrs_positive(cls, v: dict[str, float]) -> dict[str, float]:
        bad = {k: lr for k, lr in v.items() if not (0 < lr < 1)}
        if bad:
            raise ValueError(f"base learning rates must be in (0, 1), got {bad}")
        if not v:
            raise ValueError("base_learning_rates needs at least one entry (use '*' as the default)")
        return v

    @model_validator(mode="after")
    def _batch_divides(self) -> "TrainSettings":
        per_step = self.num_workers * self.gradient_accumulation_steps
        if self.batch_size != "auto" and self.batch_size % per_step:
            raise ValueError(
                f"batch_size ({self.batch_size}) must be a multiple of num_workers * gradient_accumulation_steps "
                f"({self.num_workers} * {self.gradient_accumulation_steps} = {per_step})"
            )
        return self

    @model_validator(mode="after")
    def _four_bit_with_lora_and_ddp(self) -> "TrainSettings":
        if self.load_in_4bit and (self.method != "lora" or self.strategy != "ddp"):
            raise ValueError("train.load_in_4bit needs method=lora and strategy=ddp (a 4-bit base is frozen, "
                             "and FSDP does not shard it here)")
        return self

    @property
    def micro_batch_size(self) -> int:
        """Examples per forward pass on one worker (once an auto batch_size is resolved, see auto_hparams.py)."""
        if self.batch_size == "auto":
            raise ValueError("batch_size is 'auto': resolve it for the training set first (training.auto_hparams)")
        return self.batch_size // (self.num_workers * self.gradient_accumulation_steps)

    def base_learning_rate(self, model_name: str) -> float:
        for pattern, lr in self.base_learning_rates.items():
            if fnmatch.fnmatchcase(model_name, pattern):
                return lr
        raise ValueError(f"no base learning rate for model {model_name!r}; add it (or '*') to train.base_learning_rates")

    def learning_rate(self, model_name: str) -> float:
        if self.learning_rate_multiplier == "auto":
            raise ValueError("learning_rate_multiplier is 'auto': resolve it first (training.auto_hparams)")
        return self.base_learning_rate(model_name) * self.learning_rate_multiplier


class BaseModelSettings(Section):
    """The offline tiny Llama-style base built by `tunehouse base-model` (no model hub needed)."""

    name: str = Field("tunehouse-tiny-base", min_length=1, description="Name recorded with the model (selects its "
                      "base learning rate).")
    output: Path | None = Field(None, description="Where the checkpoint is saved; default storage.root/models/base.")
    train_data: Path | None = Field(None, description="Folder with train.jsonl whose conversations train the "
                                    "tokenizer and the warm-up; default the latest export.")
    vocab_size: int = Field(2048, ge=300, le=65536, description="BPE vocabulary size (incl. special and placeholder tokens).")
    hidden_size: int = Field(128, ge=16, le=4096, description="Model width.")
    num_layers: int = Field(4, ge=1, le=64, description="Transformer blocks.")
    num_heads: int = Field(4, ge=1, le=64, description="Attention heads (hidden_size must be divisible by it).")
    num_kv_heads: int = Field(2, ge=1, le=64, description="Key/value heads (grouped-query attention; divides num_heads).")
    intermediate_size: int = Field(256, ge=16, le=16384, description="MLP inner width.")
    max_position_embeddings: int = Field(1024, ge=64, le=131072, description="Longest sequence the model accepts.")
    warmup_steps: int = Field(300, ge=0, le=100_000, description="Generic LM warm-up steps on all turns (unweighted) "
                              "so the base speaks the domain; 0 keeps random weights. The demo's base needs ~300 "
                              "to converge: at 150 its loss is still falling fast and whether its fine-tuned model "
                              "ends its replies depends on the random draw.")
    warmup_batch_size: int = Field(8, ge=1, le=1024, description="Sequences per warm-up step.")
    warmup_seq_length: int = Field(256, ge=16, le=8192, description="Tokens per warm-up sequence.")
    warmup_learning_rate: float = Field(3e-3, gt=0, lt=1, description="Peak AdamW learning rate of the warm-up.")
    seed: int = Field(0, ge=0, description="Seed for tokenizer sampling, initialisation and warm-up order.")
    threads: int = Field(2, ge=1, le=256, description="torch threads for the warm-up.")
    overwrite: bool = Field(False, description="Replace an existing model at the output folder.")

    @model_validator(mode="after")
    def _heads_divide(self) -> "BaseModelSettings":
        if self.hidden_size % self.num_heads:
            raise ValueError(f"hidden_size ({self.hidden_size}) must be divisible by num_heads ({self.num_heads})")
        if self.num_heads % self.num_kv_heads:
            raise ValueError(f"num_heads ({self.num_heads}) must be divisible by num_kv_heads ({self.num_kv_heads})")
        if self.warmup_seq_length > self.max_position_embeddings:
            raise ValueError("warmup_seq_length must not exceed max_position_embeddings")
        return self
