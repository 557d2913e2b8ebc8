"""Training fixtures: one tiny base model and one Ray runtime per test session, hand-made chat JSONL."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from train_corpus import write_export  # noqa: E402

TINY = dict(vocab_size=400, hidden_size=32, num_layers=2, num_heads=2, num_kv_heads=1, intermediate_size=64,
            max_position_embeddings=256, warmup_steps=30, warmup_batch_size=4, warmup_seq_length=128,
            warmup_learning_rate=1e-2, threads=1, overwrite=True)


@pytest.fixture(scope="session")
def base_root(tmp_path_factory) -> Path:
    """A storage.root holding an export (v1) and the tiny base model built from it."""
    from tunehouse.config import Settings
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    root = tmp_path_factory.mktemp("th_train")
    write_export(root, "v1", n_train=48, n_val=12, seed=0)
    settings = Settings.model_validate({"storage": {"root": str(root)}})
    build_base_model(settings, bs=BaseModelSettings(**TINY))
    return root


@pytest.fixture(scope="session")
def base_dir(base_root) -> Path:
    return base_root / "models" / "base"


@pytest.fixture(scope="session")
def tokenizer(base_dir):
    from tunehouse.training.base_model import load_tokenizer

    return load_tokenizer(str(base_dir))


@pytest.fixture(scope="session")
def ray_runtime(tmp_path_factory):
    """One local Ray runtime (2 CPUs) shared by every Ray test of the session."""
    import ray

    from tunehouse.config import Settings
    from tunehouse.training.trainer import ensure_ray

    root = tmp_path_factory.mktemp("ray_rt")
    started = ensure_ray(Settings.model_validate({"storage": {"root": str(root)}, "train": {"num_workers": 2}}))
    yield ray
    if started:
        ray.shutdown()


def train_settings(root: Path, base_dir: Path, data_dir: Path, **train):
    """Settings for a short CPU run under `root` (its own MLflow store and checkpoints)."""
    from tunehouse.config import Settings

    cfg = {"base_model": str(base_dir), "train_data": str(data_dir), "n_epochs": 2, "batch_size": 8,
           "num_workers": 2, "max_seq_length": 128, "log_every_steps": 2, "learning_rate_multiplier": 0.5,
           "lora": {"r": 4, "alpha": 8, "dropout": 0.1}}
    cfg.update(train)
    return Settings.model_validate({"storage": {"root": str(root)}, "train": cfg})


@pytest.fixture(autouse=True)
def _quiet():
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    yield

