"""Subcommand: pii-model (train the learned detector of names and street addresses, offline). Thin: parse,
call :mod:`tunehouse.pii.learned.train`, log to MLflow, print."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "pii-model", parents=[common],
        help="train the learned PII detector (names, street addresses) offline; evaluate; log to MLflow",
        description="Build a BIO-labelled corpus of chat lines, letters and addresses in pii.model.languages "
        "(values from sources independent of our synthetic data: gender-guesser's name dictionary, US census "
        "lists, GeoNames), train a token classifier on the offline MiniLM encoder (lower layers frozen and "
        "cached, pii.model.trainable_layers on top), report precision/recall per label on a held-out split, "
        "save it to <storage.root>/models/pii/<version>/ (version = hash of corpus, training settings and code; "
        "an existing artefact of that version is reused) and log params, metrics and the artefact to MLflow.",
    )
    p.add_argument("--out", type=Path, default=None, help="output folder (default <storage.root>/models/pii/<version>)")
    p.add_argument("--sentences", type=int, default=None, help="corpus size (default pii.model.sentences)")
    p.add_argument("--epochs", type=int, default=None, help="training epochs (default pii.model.epochs)")
    p.add_argument("--overwrite", action="store_true", help="retrain even if this version is already saved")
    p.add_argument("--no-mlflow", action="store_true", help="do not log the run to MLflow")
    p.add_argument("--try", dest="try_texts", action="append", default=[], metavar="TEXT",
                   help="after training, print the entities the model finds in TEXT (repeatable)")
    p.set_defaults(func=run_pii_model)


def run_pii_model(args, settings) -> int:
    from tunehouse.console import print_kv, print_table
    from tunehouse.pii.learned.train import train_pii_model

    settings = settings.model_copy(deep=True)
    if args.sentences is not None:
        settings.pii.model.sentences = args.sentences
    if args.epochs is not None:
        settings.pii.model.epochs = args.epochs
    result = train_pii_model(settings, output=args.out, overwrite=args.overwrite)
    run_id = None if args.no_mlflow or result.reused else log_to_mlflow(settings, result)
    print_table(f"PII model {result.version}: held-out precision/recall per label",
                ["label", "precision", "recall", "f1", "overlap recall", "support"],
                [(label, *(result.metrics.get(f"heldout.{label}.{m}") for m in
                           ("precision", "recall", "f1", "overlap_recall", "support")))
                 for label in ("PERSON", "STREET_ADDRESS")])
    print_kv("pii-model", {"artefact": str(result.path), "reused": result.reused, **result.sizes,
                           **{f"seconds.{k}": round(v, 1) for k, v in result.seconds.items()},
                           "mlflow run": run_id or "-"})
    if args.try_texts:
        _print_tries(result.path, args.try_texts, settings)
    return 0


def log_to_mlflow(settings, result) -> str:
    """One MLflow run with the training params, held-out metrics and the saved checkpoint."""
    import mlflow

    from tunehouse.model.tracking import JOB_TAG, flat_params, setup_mlflow

    setup_mlflow(settings)
    with mlflow.start_run(run_name=f"pii-model-{result.version}") as run:
        mlflow.set_tags({JOB_TAG: "pii-model", "tunehouse.pii_model.version": result.version})
        mlflow.log_params(flat_params("pii.model", result.params))
        mlflow.log_metrics({**result.metrics, **{f"seconds.{k}": v for k, v in result.seconds.items()},
                            **{f"size.{k}": float(v) for k, v in result.sizes.items()}})
        mlflow.log_artifacts(str(result.path), artifact_path="pii_model")
        return run.info.run_id


def _print_tries(path: Path, texts: list[str], settings) -> None:
    from tunehouse.pii.learned.detector import get_detector

    ms = settings.pii.model
    detector = get_detector(str(path), device=ms.device, min_score=ms.min_score, max_length=ms.max_length,
                            entities=tuple(ms.entities), vet=ms.vet)  # what the scrubber would take
    for text, entities in zip(texts, detector.detect_batch(texts)):
        found = ", ".join(f"{e.type} {text[e.start:e.end]!r} ({e.score:.2f})" for e in entities) or "nothing"
        print(f"{text!r}: {found}")
