"""``auto`` hyperparameters, resolved the way the hosted fine-tuning services describe them.

A pure function of the training set size and the worker layout (:func:`resolve`); the driver calls it once
per job, logs the outcome as ``resolved.*`` MLflow params and `tunehouse runs show` prints it.

Where the numbers come from:

* ``batch_size: auto`` — OpenAI's (legacy) fine-tunes API reference, also quoted by Azure OpenAI: "By default,
  the batch size will be dynamically configured to be ~0.2% of the number of examples in the training set,
  capped at 256" (e.g. the ``batchSize`` docs of the generated OpenAI clients on pub.dev, CreateFineTuneRequest).
  We take ceil(0.2% x examples), at least 1, at most 256, then round *up* to a multiple of
  num_workers x gradient_accumulation_steps (every worker needs the same number of micro-batches per step).
* ``learning_rate_multiplier: auto`` — same reference: "the learning rate multiplier is the 0.05, 0.1, or 0.2
  depending on final batch_size (larger learning rates tend to perform better with larger batch sizes)". The
  batch-size thresholds are not public. We anchor the middle value on this project's tuned point (batch 8 ->
  0.1, the demo's defaults) and scale with the square-root rule for Adam (LR ~ sqrt(batch)): 0.05 suits batch
  ~2 and 0.2 batch ~32, so the boundaries sit at the geometric midpoints, 4 and 16:
  batch < 4 -> 0.05, 4 <= batch < 16 -> 0.1, batch >= 16 -> 0.2.
* ``n_epochs: auto`` — OpenAI documents only "auto decides the optimal number of epochs based on the size of the
  dataset" (API reference). The heuristic it publishes is in its cookbook's chat fine-tuning data-preparation
  notebook (cookbook.openai.com, "Data preparation and analysis for chat model fine-tuning"): target 3 epochs,
  but at least 100 and at most 25,000 examples seen in total -> min(25, 100 // n) epochs for small sets,
  max(1, 25000 // n) for large ones. We use exactly that.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

AUTO = "auto"

# batch_size: ~0.2% of the training examples, capped at 256 (OpenAI/Azure fine-tuning API reference)
BATCH_FRACTION = 0.002
MAX_AUTO_BATCH = 256

# n_epochs: the OpenAI cookbook's default-epochs heuristic
TARGET_EPOCHS = 3
MIN_TARGET_EXAMPLES = 100
MAX_TARGET_EXAMPLES = 25_000
MIN_DEFAULT_EPOCHS = 1
MAX_DEFAULT_EPOCHS = 25

# learning_rate_multiplier: 0.05 / 0.1 / 0.2 by final batch size (thresholds ours, see the module docstring)
LR_MULTIPLIER_STEPS = ((4, 0.05), (16, 0.1))
LR_MULTIPLIER_LARGE = 0.2


@dataclass(frozen=True)
class Resolved:
    """The concrete hyperparameters of a job, and which of them were ``auto``."""

    batch_size: int
    n_epochs: int
    learning_rate_multiplier: float
    auto: tuple[str, ...]  # names that were "auto"

    def as_params(self) -> dict:
        d = asdict(self)
        d["auto"] = ",".join(self.auto) or "none"
        return d


def auto_batch_size(n_examples: int, per_step: int = 1) -> int:
    """~0.2% of the examples, 1..256, rounded up to a multiple of ``per_step`` (workers x accumulation)."""
    raw = min(MAX_AUTO_BATCH, max(1, math.ceil(BATCH_FRACTION * n_examples)))
    return per_step * math.ceil(raw / per_step)


def auto_n_epochs(n_examples: int) -> int:
    """3 epochs, more for small sets (>= 100 examples seen), fewer for large ones (<= 25,000 seen)."""
    n = max(1, n_examples)
    if n * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        return min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES // n)
    if n * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        return max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES // n)
    return TARGET_EPOCHS


def auto_learning_rate_multiplier(batch_size: int) -> float:
    for below, multiplier in LR_MULTIPLIER_STEPS:
        if batch_size < below:
            return multiplier
    return LR_MULTIPLIER_LARGE


def resolve(n_examples: int, *, batch_size: int | str, n_epochs: int | str, learning_rate_multiplier: float | str,
            per_step: int = 1) -> Resolved:
    """Replace each ``"auto"`` by its value for a training set of ``n_examples`` conversations; numbers pass
    through. ``per_step`` = num_workers x gradient_accumulation_steps (an auto batch is a multiple of it)."""
    auto = tuple(k for k, v in (("batch_size", batch_size), ("n_epochs", n_epochs),
                                ("learning_rate_multiplier", learning_rate_multiplier)) if v == AUTO)
    bs = auto_batch_size(n_examples, per_step) if batch_size == AUTO else int(batch_size)
    return Resolved(
        batch_size=bs,
        n_epochs=auto_n_epochs(n_examples) if n_epochs == AUTO else int(n_epochs),
        learning_rate_multiplier=(auto_learning_rate_multiplier(bs) if learning_rate_multiplier == AUTO
                                  else float(learning_rate_multiplier)),
        auto=auto,
    )
