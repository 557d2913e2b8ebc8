"""Serving fixtures: a tiny base, a quickly fine-tuned version registered like `tunehouse train` registers it,
a gold.training_examples table, and one real `mlflow models serve` process per session.

The fine-tune runs in-process (40 AdamW steps with the training loss, no Ray) so the registered version
really differs from its base in seconds; everything else (chat config, pyfunc logging, registry alias,
the run's base_model.* params) is what the training job produces.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "training"))
sys.path.insert(0, str(Path(__file__).parent))

from train_corpus import write_export  # noqa: E402

from serve_helpers import MODEL, TINY, quick_finetune, register_version, serving_settings  # noqa: E402


@pytest.fixture(scope="session")
def serving_root(tmp_path_factory) -> Path:
    """storage.root with an export, the tiny base, and a fine-tuned version registered as @candidate."""
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    root = tmp_path_factory.mktemp("th_serve")
    export = write_export(root, "v1", n_train=48, n_val=12, seed=0)
    settings = serving_settings(root)
    build_base_model(settings, bs=BaseModelSettings(**TINY))
    base = root / "models" / "base"
    tuned = quick_finetune(base, root / "models" / "tuned" / "hf_model", export / "train.jsonl")
    register_version(settings, tuned, base)
    return root


@pytest.fixture(scope="session")
def serving_settings_(serving_root):
    return serving_settings(serving_root)


@pytest.fixture(scope="session")
def server(serving_root, serving_settings_):
    """One real `mlflow models serve` on a free port, serving models:/tunehouse-chat@candidate."""
    from tunehouse.serving.server import start_server

    s = serving_settings_
    srv = start_server(f"models:/{MODEL}@candidate", tracking_uri=s.mlflow_tracking_uri(), port=0,
                       log_path=serving_root / "serve" / "server.log", startup_timeout_s=400)
    yield srv
    srv.stop()


@pytest.fixture(autouse=True)
def _quiet():
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    yield
