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
import shutil
import subprocess
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What the wheel is built from: the project's metadata and its package (tests, docs, notebooks do not ship).
WHEEL_SOURCES = ["pyproject.toml", "README.md", "lib"]
# Environment variables that would let a child process reach the checkout or the dev interpreter.
LEAKY_ENV = ("PYTHONPATH", "PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON", "VIRTUAL_ENV", "TUNEHOUSE_PROFILE")
# Small enough for a CI run, large enough that every split (train/validation/test) gets examples.
CONVERSATIONS = 100
LOCAL_RUN = ["--set", "spark.master=local[2]", "--set", "spark.shuffle_partitions=4",
             "--set", "curate.diversity.method=hashed_tfidf"]


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
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
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
    """generate-logs -> ingest -> curate by the installed console script on a small run; returns storage.root."""
    root = tmp_path_factory.mktemp("wheel_run") / "th"
    common = ["--set", f"storage.root={root}", *LOCAL_RUN]
    installed.run("generate-logs", "-n", str(CONVERSATIONS), "--seed", "7", *common, cwd=elsewhere)
    installed.run("ingest", str(root / "raw"), *common, cwd=elsewhere)
    installed.run("curate", *common, cwd=elsewhere)
    print("installed wheel, seconds per command:", json.dumps(installed.seconds))
    return root
