"""Subcommands: base-model, train, runs (list; show, cancel, register ID). Thin: parse, call, print."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tunehouse.errors import UserError


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "base-model", parents=[common],
        help="build the offline tiny base model (BPE tokenizer + small Llama + warm-up) from the curated data",
        description="Build a base causal LM without any model hub: train a byte-level BPE tokenizer on the "
        "conversations of train.jsonl (ChatML special tokens, a chat template with generation markers, PII "
        "placeholders such as <PERSON_1> as single tokens), create a small Llama-style model and give it a short "
        "unweighted warm-up on all turns so it speaks the domain. Saved with save_pretrained to "
        "base_model.output (default <storage.root>/models/base), where `tunehouse train` finds it.",
    )
    p.add_argument("--data", type=Path, default=None,
                   help="folder with train.jsonl (default base_model.train_data or the latest export)")
    p.add_argument("--out", type=Path, default=None, help="output folder (default <storage.root>/models/base)")
    p.add_argument("--steps", type=int, default=None, help="warm-up steps (default base_model.warmup_steps)")
    p.add_argument("--overwrite", action="store_true", help="replace an existing model at the output folder")
    p.set_defaults(func=run_base_model)

    p = sub.add_parser(
        "train", parents=[common],
        help="fine-tune the base model on the curated chat JSONL with Ray Train; track and register in MLflow",
        description="Fine-tune a causal LM on train.jsonl of the latest export (train.train_data to choose), with "
        "loss only on assistant replies of weight > 0 (mask audited before training), on train.num_workers Ray "
        "workers (DDP; gloo on CPU). Per epoch: validation loss and token accuracy, a checkpoint (the last "
        "train.keep_checkpoints kept; failed workers resume from it up to train.max_failures times). One MLflow run "
        "per job with params, metrics, lineage, mask audit and loss curve; the merged model is logged as a chat "
        "pyfunc and registered as tracking.registered_model with alias train.register_alias (the epoch with the "
        "lowest validation loss by default: train.register_checkpoint). Hyperparameters: --set train.n_epochs=3 "
        "--set train.learning_rate_multiplier=0.1 ...; batch_size, n_epochs and learning_rate_multiplier accept "
        "'auto' (resolved from the training set size, shown by `tunehouse runs show`). Continue fine-tuning from "
        "a registered model with --base-model models:/NAME@ALIAS, or from an earlier job's epoch with "
        "--from-checkpoint RUN_ID:EPOCH.",
    )
    p.add_argument("--data", type=Path, default=None, help="folder with train.jsonl/validation.jsonl")
    p.add_argument("--base-model", default=None, help="hub id, local folder, or a registered model to continue "
                   "from: models:/NAME@ALIAS or models:/NAME/VERSION (default train.base_model)")
    p.add_argument("--from-checkpoint", metavar="RUN_ID:EPOCH", default=None,
                   help="start from an epoch checkpoint of an earlier job (RUN_ID alone: its best epoch)")
    p.add_argument("--suffix", default=None, help="job name suffix: names the MLflow run and the registered "
                   "version (alias @SUFFIX), as Azure OpenAI's suffix (train.suffix)")
    p.add_argument("--resume", metavar="RUN_ID", default=None,
                   help="resume an interrupted job from its latest checkpoint (same MLflow run and settings)")
    p.set_defaults(func=run_train)

    p = sub.add_parser(
        "runs", parents=[common],
        help="list training jobs (status, start/end, key params, final metrics); show, cancel or register one",
        description="Training jobs recorded in the MLflow experiment tracking.experiment, newest first. "
        "`tunehouse runs show RUN_ID` prints the job's hyperparameters (auto ones with what they resolved to), "
        "input parameters, kept epoch checkpoints with their validation metrics, metrics and timestamped events. "
        "`tunehouse runs cancel RUN_ID` stops a running job after its current step (the run ends KILLED, nothing "
        "is registered). `tunehouse runs register RUN_ID --epoch K` registers a kept epoch checkpoint of a job.",
    )
    p.add_argument("action", nargs="?", choices=["list", "show", "cancel", "register"], default="list",
                   help="list (default), show, cancel or register")
    p.add_argument("run_id", nargs="?", help="run id (or a unique prefix) for show/cancel/register")
    p.add_argument("--epoch", default="best", help="register: the epoch to register, best or last (default best)")
    p.add_argument("--limit", type=int, default=20, help="runs to list (default 20)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=run_runs)


def run_base_model(args, settings) -> int:
    from tunehouse.training.base_model import build_base_model

    bs = settings.base_model.model_copy(deep=True)
    if args.data is not None:
        bs.train_data = args.data
    if args.steps is not None:
        bs.warmup_steps = args.steps
    if args.overwrite:
        bs.overwrite = True
    info = build_base_model(settings, bs=bs, output=args.out)
    print(f"base model {info['name']} saved to {info['path']}: {info['parameters'] / 1e6:.2f}M parameters, "
          f"vocabulary {info['vocab_size']} ({info['placeholder_tokens']} placeholder tokens), "
          f"warm-up {info['warmup_steps']} steps, loss {_f(info['warmup_loss_first'])} -> "
          f"{_f(info['warmup_loss_last'])}, {info['seconds']}s")
    return 0


def run_train(args, settings) -> int:
    from tunehouse.training.cluster import ray_on_spark
    from tunehouse.training.job import run_training

    updates = {}
    if args.data is not None:
        updates["train_data"] = args.data
    if args.base_model is not None:
        updates["base_model"] = args.base_model
    if args.from_checkpoint is not None:
        updates["from_checkpoint"] = args.from_checkpoint
    if args.suffix is not None:
        updates["suffix"] = args.suffix
    if updates:
        settings = settings.model_copy(update={"train": settings.train.model_copy(update=updates)})
        train = type(settings.train).model_validate(settings.train.model_dump())
        settings = settings.model_copy(update={"train": train})
    with ray_on_spark(settings) as settings:  # train.ray_address=spark: Ray across the job's Spark cluster
        r = run_training(settings, resume_run_id=args.resume)
    if r.extra.get("cancelled"):
        print(f"training run {r.run_id} cancelled after {r.extra['steps']} steps; nothing registered")
        return 0
    m = r.final_metrics
    print(f"training run {r.run_id} finished in {r.seconds:.0f}s: {int(m.get('steps', 0))} steps, train loss "
          f"{_f(m.get('train_loss'))}, val loss {_f(m.get('val_loss'))}, val token accuracy "
          f"{_f(m.get('val_token_accuracy'))}, {m.get('trainable_tokens_per_s', 0):.0f} trainable tokens/s")
    if r.extra.get("validation"):  # e.g. "no validation data: validation skipped (...)"
        print(r.extra["validation"])
    if r.version:
        print(f"registered {r.registered_name} version {r.version} from epoch {r.extra.get('registered_epoch')} "
              f"(models:/{r.registered_name}@{r.alias})")
    else:
        print(f"model logged at {r.model_uri}")
    return 0


def run_runs(args, settings) -> int:
    from tunehouse.training import runs

    if args.action != "list" and not args.run_id:
        raise UserError(f"runs {args.action} needs a RUN_ID (see `tunehouse runs`)")
    if args.action == "cancel":
        run_id = _expand_run_id(settings, args.run_id)
        marker = runs.cancel_run(settings, run_id)
        print(f"cancel requested for run {run_id} ({marker}); its workers stop after their current step")
        return 0
    if args.action == "register":
        from tunehouse.training.job import register_epoch

        which = int(args.epoch) if args.epoch.isdigit() else args.epoch
        r = register_epoch(settings, _expand_run_id(settings, args.run_id), which)
        print(f"registered {r.registered_name} version {r.version} from epoch {r.extra['registered_epoch']} of run "
              f"{r.run_id} (val_loss {r.extra['registered_val_loss']:.4f})" if r.version else
              f"model logged at {r.model_uri} (train.register_model is off)")
        return 0
    if args.action == "show":
        run_id = _expand_run_id(settings, args.run_id)
        d = runs.show_run(settings, run_id)
        print(json.dumps(d, indent=2, default=str) if args.json else runs.format_run(d))
        return 0
    rows = runs.list_runs(settings, limit=args.limit)
    print(json.dumps(rows, indent=2, default=str) if args.json else runs.format_runs_table(rows))
    return 0


def _expand_run_id(settings, prefix: str) -> str:
    from tunehouse.training import runs

    if len(prefix) == 32:
        return prefix
    matches = [r["run_id"] for r in runs.list_runs(settings, limit=1000) if r["run_id"].startswith(prefix)]
    if len(matches) != 1:
        raise UserError(f"run id prefix {prefix!r} matches {len(matches)} training runs")
    return matches[0]


def _f(v) -> str:
    return "-" if v is None else f"{v:.4f}"
