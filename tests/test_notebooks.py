"""notebooks/*.ipynb run headless, top to bottom, against a small local run, so they cannot rot unnoticed.

One storage.root serves both notebooks: `tunehouse demo --until curate` on 150 generated conversations (the
explore notebook reads its lakehouse tables), then a tiny base model built from that export, a few steps of
fine-tuning, the version registered as `tunehouse train` registers it, and `evaluate --promote` on the curated
test split (the evaluation notebook reads that run back). Fine-tuning is the short in-process loop of
``fixtures.serving`` rather than Ray Train (tests/training covers that): what the notebook shows is the evaluation
run, and it is the real one. Each notebook gets the root through its `parameters` cell, as papermill would pass it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
CELL_TIMEOUT_S = 600


@pytest.fixture(scope="module")
def local_run(spark, tmp_path_factory) -> Path:
    """A storage.root after a small curate run and an evaluation of a quickly fine-tuned version."""
    from fixtures.serving import TINY, quick_finetune, register_version
    from tunehouse.cli import main
    from tunehouse.config import load_settings
    from tunehouse.contracts.exports import latest_export
    from tunehouse.evaluation.job import run_evaluation
    from tunehouse.training.base_model import build_base_model
    from tunehouse.training.settings import BaseModelSettings

    root = tmp_path_factory.mktemp("notebooks")
    overrides = kernel_overrides(root)
    rc = main(["demo", "-n", "150", "--until", "curate", *[a for o in overrides for a in ("--set", o)]])
    assert rc == 0
    settings = load_settings(overrides=[*overrides, "evaluate.max_examples=4", "evaluate.max_new_tokens=6",
                                        "evaluate.examples_to_show=2"])
    build_base_model(settings, bs=BaseModelSettings(**TINY))
    base = settings.storage.models / "base"
    tuned = quick_finetune(base, settings.storage.models / "tuned" / "hf_model",
                           latest_export(settings.storage.exports) / "train.jsonl", steps=10)
    register_version(settings, tuned, base)
    run_evaluation(settings, promote=True, spark=spark)
    return root


def kernel_overrides(root: Path) -> list[str]:
    # pii.model.sentences: the demo's pii-model stage trains the learned PII detector the curate stage scrubs with;
    # the notebooks only need it to exist, so it is the small model of tests/pii_learned (a sixth of the corpus)
    return [f"storage.root={root}", "spark.master=local[2]", "spark.shuffle_partitions=2", "pii.model.sentences=1000"]


def run_notebook(name: str, parameters: dict, tmp_path: Path):
    """Execute a notebook in a fresh kernel with `parameters` set right after its `parameters` cell."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    injected = nbformat.v4.new_code_cell("\n".join(f"{k} = {v!r}" for k, v in parameters.items()))
    nb.cells.insert(at + 1, injected)
    with pytest.MonkeyPatch.context() as mp:  # Jupyter's and IPython's files stay out of $HOME
        for var, sub in (("JUPYTER_RUNTIME_DIR", "runtime"), ("JUPYTER_DATA_DIR", "data"), ("IPYTHONDIR", "ipython")):
            (tmp_path / "jupyter" / sub).mkdir(parents=True, exist_ok=True)
            mp.setenv(var, str(tmp_path / "jupyter" / sub))
        NotebookClient(nb, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb


def text_of(nb) -> str:
    """Everything the notebook printed or displayed as text (streams and text/plain results)."""
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            out.append(o.get("text", "") if o["output_type"] == "stream" else o.get("data", {}).get("text/plain", ""))
    return "\n".join(out)


def test_explore_curated_data_runs(local_run, tmp_path):
    nb = run_notebook("explore_curated_data.ipynb", {"OVERRIDES": kernel_overrides(local_run)}, tmp_path)
    text = text_of(nb)
    assert "train" in text and "validation" in text  # dataset_splits
    assert "quality" in text  # drops_by_stage: the generated logs always hold conversations the quality stage drops
    assert "agent_error_reply" in text  # the hand-made frame's error reply is dropped
    scrubbed = nb.cells[-1].outputs[0]["data"]["text/plain"]
    assert "Maria Lopez" not in scrubbed and "4111" not in scrubbed and "Paris" in scrubbed


def test_evaluation_results_runs(local_run, tmp_path):
    nb = run_notebook("evaluation_results.ipynb", {"OVERRIDES": kernel_overrides(local_run)}, tmp_path)
    text = text_of(nb)
    assert "ref_perplexity (primary)" in text  # the side-by-side table
    assert "PROMOTE" in text or "REFUSED" in text  # the gate decision
    assert "candidate" in text and "base" in text  # gold.eval_predictions per model role
    assert any(o["output_type"] == "display_data" and "image/png" in o["data"]
               for c in nb.cells for o in c.get("outputs", []))  # the side-by-side plot
