"""Fine-tuning: an offline tiny base model, the assistant loss mask, a Ray Train recipe, MLflow tracking.

    job.py          the driver, ``run_training``: prepare data -> Ray Train fit -> merge, log, register
    recipe.py       the worker: WorkerConfig, Recipe (step, validate), the epoch loop; also in-process
    data.py         reading and validating an export's chat JSONL, lineage, ``prepare_data``
    tokenize.py     chat-template rendering and THE assistant loss mask
    batching.py     packing, collation, the mask audit, the step plan, evaluation shards
    attention.py    causal attention within each packed conversation (padding-free packing on CPU)
    loss.py         the weighted loss and gradient accumulation over micro-batches and workers
    modeling.py     base model + LoRA, trained tensors, the merged model
    checkpoint.py   what a checkpoint holds; workers save and restore it
    cluster.py      starting/connecting Ray, GPU use and precision
    tracking.py     MLflow logging (driver and rank 0), the logged chat model
    runs.py         `tunehouse runs` (show, register an epoch, cancel)
    templates.py    where a chat template comes from, what it accepts (system-message folding)
    auto_hparams.py batch_size / n_epochs / learning_rate_multiplier "auto", as the hosted services define them
    control.py      a running job's controls: the cancel marker, early stopping on validation loss
    continuation.py continuing from a registered model version or an epoch checkpoint (with lineage)
    preflight.py    `tunehouse validate-data` (its statistics: preflight_stats.py)
    base_model.py   loading a base model, building the tiny one (`tunehouse base-model`)

Import the submodules you need; this package import stays light (no torch/ray/mlflow) so the CLI starts fast.
"""
