"""The installed wheel, as a user or a Databricks job gets it: built from the project's files, installed into a
fresh virtual environment outside the checkout, run from another directory.

Why a venv that sees the dev venv's packages: installing torch, Spark, Ray... again would take minutes and the
network. The new venv's site-packages gets a ``.pth`` line naming a folder of links to the dev venv's packages,
minus tunehouse itself (its editable install would put the checkout's ``lib/`` on the path); the wheel is then
installed with ``pip install --no-deps``. A ``.pth`` line only adds its folder: the ``.pth`` files in that folder
(the editable install's among them) are not processed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
# What the wheel is built from: the project's metadata and its package (tests, docs, notebooks do not ship).
WHEEL_SOURCES = ["pyproject.toml", "README.md", "lib"]
# Environment variables that would let a child process reach the checkout or the dev interpreter.
LEAKY_ENV = ("PYTHONPATH", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV", "TUNEHOUSE_PROFILE")
# Small enough for a CI run, large enough that every split (train/validation/test) gets examples.
CONVERSATIONS = 100
LOCAL_RUN = ["--set", "spark.master=local[2]", "--set", "spark.shuffle_partitions=4",
             "--set", "curate.diversity.method=hashed_tfidf"]


# Bundle variables a local run replaces: storage on the run's folder, one Ray worker (local Spark gives Ray on Spark
# one worker node with one CPU). Everything else (names, runtimes) keeps the target's value.
REFERENCE = re.compile(r"\$\{([A-Za-z_][\w.-]*)\}")
# Local-only additions to a task's own arguments, so the run stays small (appended: they win).
TINY_RUN = {
    "base_model": ["--steps", "20", "--set", "base_model.vocab_size=400", "--set", "base_model.hidden_size=32",
                   "--set", "base_model.num_layers=2", "--set", "base_model.num_heads=2",
                   "--set", "base_model.num_kv_heads=1", "--set", "base_model.intermediate_size=64",
                   "--set", "base_model.warmup_seq_length=128", "--set", "base_model.threads=1"],
    "train": ["--set", "train.max_steps=4", "--set", "train.max_seq_length=128", "--set", "train.batch_size=4",
              "--set", "train.max_eval_examples=8", "--set", "train.lora.r=4"],
    "evaluate": ["--max-examples", "4", "--max-new-tokens", "8"],
}


def bundle_tasks(target: str) -> list[dict]:
    """The tasks of every job in the bundle's resource files, in the order they depend on each other."""
    bundle = yaml.safe_load((ROOT / "bundle.yml").read_text())
    found = []
    for pattern in bundle["include"]:
        for path in sorted(ROOT.glob(pattern)):
            for job in ((yaml.safe_load(path.read_text()) or {}).get("resources", {}).get("jobs") or {}).values():
                found += job["tasks"]
    ordered, done = [], set()
    while len(ordered) < len(found):
        ready = [t for t in found if t["task_key"] not in done
                 and {d["task_key"] for d in t.get("depends_on", [])} <= done]
        assert ready, "the tasks' depends_on form a cycle"
        ordered += ready
        done |= {t["task_key"] for t in ready}
    return ordered


def target_values(target: str, **local: str) -> dict[str, str]:
    """What ``${...}`` references resolve to in a target: variables, then the resources' names built from them."""
    bundle = yaml.safe_load((ROOT / "bundle.yml").read_text())
    values = {f"var.{k}": str(v.get("default")) for k, v in bundle["variables"].items()}
    values.update({f"var.{k}": str(v) for k, v in (bundle["targets"][target].get("variables") or {}).items()})
    values.update({f"var.{k}": v for k, v in local.items()})
    values["resources.experiments.tunehouse_experiment.name"] = values["var.experiment"]
    values["resources.registered_models.tunehouse_chat.name"] = values["var.model_name"]
    return values


def local_command(task: dict, target: str, root: Path) -> list[str]:
    """A task's command line as the job runs it, with the local profile and storage on ``root``."""
    values = target_values(target, state_volume=str(root), raw_path=str(root / "raw"),
                           base_model=str(root / "models" / "base"), gpu_workers="1")
    args = [REFERENCE.sub(lambda m: values[m.group(1)], p) for p in task["python_wheel_task"]["parameters"]]
    at = args.index("--profile")
    assert args[at + 1] == "databricks", task["task_key"]
    args[at + 1] = "local"
    return [*args, *LOCAL_RUN, *TINY_RUN.get(task["task_key"], [])]


@dataclass
class Installed:
    """A venv with the wheel installed; ``run`` executes its console script from ``cwd`` with a clean env."""

    venv: Path
    wheel: Path
    env: dict[str, str]
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def python(self) -> Path:
        return self.venv / "bin" / "python"

    def run(self, *args: str, cwd: Path, timeout: int = 900, ok: tuple[int, ...] = (0,),
            label: str | None = None) -> subprocess.CompletedProcess:
        cmd = [str(self.venv / "bin" / "tunehouse"), *args]
        start = time.monotonic()
        out = subprocess.run(cmd, cwd=cwd, env=self.env, capture_output=True, text=True, timeout=timeout)
        self.seconds[label or args[0]] = round(time.monotonic() - start, 1)
        assert out.returncode in ok, f"{' '.join(args)} -> {out.returncode}\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
        return out


def build_wheel(out: Path, work: Path) -> Path:
    """``pip wheel`` from a copy of the project's files (no build/ or egg-info left in the checkout)."""
    src = work / "src"
    for name in WHEEL_SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            src.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, src / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-q", "-w", str(out), str(src)], check=True, timeout=300)
    [wheel] = out.glob("tunehouse-*.whl")
    return wheel


def linked_dev_packages(into: Path) -> Path:
    """A folder of links to the dev venv's installed packages, without tunehouse's own entries."""
    into.mkdir(parents=True)
    for entry in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if entry.name.startswith(("tunehouse", "__editable__")) or entry.suffix == ".pth":
            continue
        (into / entry.name).symlink_to(entry)
    return into


def make_venv(venv: Path, wheel: Path, packages: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    [site] = (venv / "lib").glob("python3.*/site-packages")
    (site / "_dev_packages.pth").write_text(f"{packages}\n")
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--no-index", "-q",
                    str(wheel)], check=True, timeout=300, env=clean_env(venv))


def clean_env(venv: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY_ENV}
    # the venv's own scripts, then the dev venv's (the linked dev packages' scripts, e.g. `ray`, live there)
    env["PATH"] = os.pathsep.join([str(venv / "bin"), os.path.dirname(sys.executable), env.get("PATH", "")])
    env["VIRTUAL_ENV"] = str(venv)
    return env


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    return build_wheel(work / "dist", work)


@pytest.fixture(scope="session")
def installed(wheel, tmp_path_factory) -> Installed:
    base = tmp_path_factory.mktemp("installed")
    venv = base / "venv"
    make_venv(venv, wheel, linked_dev_packages(base / "dev-packages"))
    return Installed(venv=venv, wheel=wheel, env=clean_env(venv))


@pytest.fixture(scope="session")
def elsewhere(tmp_path_factory) -> Path:
    """A working directory with no project files in it."""
    return tmp_path_factory.mktemp("elsewhere")


@pytest.fixture(scope="session")
def wheel_run(installed, elsewhere, tmp_path_factory) -> Path:
    """generate-logs, then the bundle's own ingest and curate tasks (dev target, local profile) by the installed
    console script on a small run; returns storage.root, which the later tasks reuse."""
    root = tmp_path_factory.mktemp("wheel_run") / "th"
    installed.run("generate-logs", "-n", str(CONVERSATIONS), "--seed", "7", "--set", f"storage.root={root}",
                  cwd=elsewhere)
    for task in bundle_tasks("dev"):
        if task["task_key"] in ("ingest", "curate"):
            installed.run(*local_command(task, "dev", root), cwd=elsewhere, label=task["task_key"])
    print("installed wheel, seconds per command:", json.dumps(installed.seconds))
    return root


@pytest.fixture(scope="session")
def bundle():
    """The bundle's tasks and their local command lines, for the test modules (conftest is not importable)."""
    from types import SimpleNamespace

    return SimpleNamespace(tasks=bundle_tasks, local_command=local_command)


class Daemons:
    """Long-running processes a test starts (cluster masters, workers, nodes), each logging to its own file."""

    def __init__(self):
        self.procs: list[tuple[subprocess.Popen, object]] = []

    def start(self, cmd: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
        out = log.open("w")
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        self.procs.append((proc, out))
        return proc

    def stop_all(self) -> None:
        """Stop in reverse start order (workers before their master), each by its own process handle."""
        while self.procs:
            proc, out = self.procs.pop()
            proc.terminate()
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            out.close()


@pytest.fixture
def daemons():
    started = Daemons()
    yield started
    started.stop_all()
