"""Every task of every bundle target would run: its entry point is in the wheel the bundle builds, and its command
line, with the local profile and storage on a folder here, runs from the installed wheel on a small run.

What cannot run here (no workspace): the Databricks profile's native Delta, Unity Catalog and workspace MLflow;
those are checked statically in tests/test_bundle.py. The train task's Ray on Spark (train.ray_address=spark) runs
for real, on a local Spark session (one Ray worker node)."""

from __future__ import annotations

import configparser
import json
import zipfile

import pytest

TARGETS = ["dev", "prod"]


@pytest.mark.parametrize("target", TARGETS)
def test_every_task_names_an_entry_point_of_the_built_wheel(bundle, wheel, target):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        [meta] = [z.read(n).decode() for n in names if n.endswith(".dist-info/METADATA")]
        [entry_points] = [z.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt")]
    parser = configparser.ConfigParser()
    parser.read_string(entry_points)
    scripts = dict(parser["console_scripts"])
    tasks = bundle.tasks(target)
    assert [t["task_key"] for t in tasks] == ["ingest", "curate", "base_model", "train", "evaluate"]
    for task in tasks:
        wheel_task = task["python_wheel_task"]
        assert f"Name: {wheel_task['package_name']}\n" in meta
        module, func = scripts[wheel_task["entry_point"]].split(":")
        assert f"{module.replace('.', '/')}.py" in names, module
        with zipfile.ZipFile(wheel) as z:
            assert f"def {func}(" in z.read(f"{module.replace('.', '/')}.py").decode()


@pytest.mark.slow
@pytest.mark.timeout(2400)  # whole-pipeline runs of the installed wheel; a busy 2-core CI box needs the room
def test_every_dev_task_runs_from_the_installed_wheel(bundle, installed, elsewhere, wheel_run):
    """ingest and curate ran as the bundle's tasks in `wheel_run`; the rest run here on the same storage root."""
    root = wheel_run
    outputs = {}
    for task in bundle.tasks("dev"):
        if task["task_key"] in ("ingest", "curate"):
            continue
        out = installed.run(*bundle.local_command(task, "dev", root), cwd=elsewhere, label=task["task_key"])
        outputs[task["task_key"]] = out.stdout + out.stderr
    print("bundle tasks, seconds:", json.dumps(installed.seconds))
    assert {"ingest", "curate"} <= set(installed.seconds)
    assert (root / "models" / "base" / "config.json").is_file()
    assert "Ray on Spark" in outputs["train"] or "Started 1 Ray worker nodes" in outputs["train"]
    assert "registered tunehouse.gold.tunehouse_chat version 1" in outputs["train"]
    assert any((root / "checkpoints").rglob("checkpoint_*")), "Ray Train checkpoints under storage.root"
    assert "champion" in outputs["evaluate"]
