"""The installed wheel is the product: what a Databricks job (or a user's `pip install`) gets must run on its own,
from any directory, with no checkout beside it."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "lib" / "tunehouse"
DOCS_ONLY = {".md"}  # documentation beside the code (pii/learned/SOURCES.md) is read by people, not at run time


def test_wheel_ships_every_file_the_package_reads(wheel):
    """Every non-Python file inside the package (profiles, SQL, word lists, generator data) is in the wheel."""
    with zipfile.ZipFile(wheel) as z:
        members = set(z.namelist())
    data = [p.relative_to(PACKAGE.parent).as_posix() for p in PACKAGE.rglob("*")
            if p.is_file() and p.suffix not in {".py", ".pyc", *DOCS_ONLY} and "__pycache__" not in p.parts]
    assert data, "the package holds data files"
    missing = [d for d in data if d not in members]
    assert missing == []
    assert {"tunehouse/config/profiles/databricks.yaml", "tunehouse/lakehouse/queries/bronze_overview.sql"} <= members
    with zipfile.ZipFile(wheel) as z:
        [entry_points] = [z.read(m).decode() for m in members if m.endswith(".dist-info/entry_points.txt")]
    assert "tunehouse = tunehouse.cli:main" in entry_points


def test_installed_package_is_the_wheel_not_the_checkout(installed, elsewhere):
    probe = subprocess.run([str(installed.python), "-c", "import json, sys, tunehouse; "
                            "print(json.dumps([tunehouse.__file__, sys.path]))"],
                           cwd=elsewhere, env=installed.env, capture_output=True, text=True, timeout=120, check=True)
    module_file, path = json.loads(probe.stdout)
    assert Path(module_file).is_relative_to(installed.venv), module_file
    assert not any(Path(p).resolve().is_relative_to(ROOT) for p in path if p), path


@pytest.mark.slow
@pytest.mark.timeout(2400)  # whole-pipeline runs of the installed wheel; a busy 2-core CI box needs the room
def test_installed_cli_config_profiles(installed, elsewhere):
    shown = yaml.safe_load(installed.run("config", "--profile", "databricks", cwd=elsewhere).stdout)
    assert shown["profile"] == "databricks"
    assert shown["lakehouse"]["mode"] == "databricks"
    assert shown["tracking"]["registry_uri"] == "databricks-uc"
    bad = installed.run("config", "--profile", "nosuch", cwd=elsewhere, ok=(2,))
    assert "invalid choice: 'nosuch' (choose from 'local', 'databricks')" in bad.stderr
    by_env = subprocess.run([str(installed.venv / "bin" / "tunehouse"), "config"], cwd=elsewhere, capture_output=True,
                            text=True, timeout=120, env={**installed.env, "TUNEHOUSE_PROFILE": "nosuch"})
    assert by_env.returncode != 0
    assert re.search(r"unknown profile 'nosuch'; available: local, databricks", by_env.stdout + by_env.stderr)


@pytest.mark.slow
@pytest.mark.timeout(2400)  # whole-pipeline runs of the installed wheel; a busy 2-core CI box needs the room
def test_installed_cli_generates_ingests_and_curates(installed, elsewhere, wheel_run):
    """Real outcomes of the installed commands: Delta tables with rows, a dataset export with every split."""
    from deltalake import DeltaTable

    def rows(table: str) -> int:
        return DeltaTable(str(wheel_run / "lakehouse" / table)).to_pyarrow_table().num_rows

    truth = json.loads((wheel_run / "raw" / "truth" / "truth.json").read_text())
    assert truth
    bronze, quarantined = rows("bronze/chat_messages"), rows("bronze/quarantine")
    assert bronze > 100 * 3 and quarantined > 0
    conversations = rows("silver/conversations")
    assert 0 < conversations <= 100
    version = (wheel_run / "exports" / "LATEST").read_text().strip()
    manifest = json.loads((wheel_run / "exports" / version / "manifest.json").read_text())
    assert manifest["dataset_version"] == version
    splits = {name: len((wheel_run / "exports" / version / f"{name}.jsonl").read_text().splitlines())
              for name in ("train", "validation", "test")}
    assert all(splits.values()), splits
    assert sum(splits.values()) == rows("gold/training_examples")
    first = json.loads((wheel_run / "exports" / version / "train.jsonl").read_text().splitlines()[0])
    assert {m["role"] for m in first["messages"]} >= {"user", "assistant"}


@pytest.mark.slow
@pytest.mark.timeout(2400)  # whole-pipeline runs of the installed wheel; a busy 2-core CI box needs the room
def test_installed_cli_runs_a_shipped_query(installed, elsewhere, wheel_run):
    out = installed.run("sql", "bronze_overview", "--set", f"storage.root={wheel_run}",
                        "--set", "spark.master=local[2]", cwd=elsewhere).stdout
    assert "conversations" in out and "source_file" in out
    assert "chat_export_part-0001.jsonl" in out  # a lineage row per ingested file
