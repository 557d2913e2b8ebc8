"""The Databricks Asset Bundle: bundle.yml and every resources/*.yml it includes are valid against the Databricks
CLI's own schema, their references resolve, and each task runs an entry point that exists with arguments the CLI
accepts.

The schema (~900 KB, under the Databricks License) is not vendored: the test finds it as
``shared/schemas/databricks-bundle.schema.json`` beside the checkout (or beside one of its parent folders, as for
a git worktree), or at ``$TUNEHOUSE_BUNDLE_SCHEMA``; without it the test fails and says how to get it.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLE_ROOT = ROOT / "bundle.yml"
SCHEMA_NAME = Path("shared", "schemas", "databricks-bundle.schema.json")
SCHEMA_ENV = "TUNEHOUSE_BUNDLE_SCHEMA"
REFERENCE = re.compile(r"\$\{([A-Za-z_][\w.-]*)\}")


def find_schema() -> Path:
    given = os.environ.get(SCHEMA_ENV)
    candidates = [Path(given)] if given else [folder / SCHEMA_NAME for folder in ROOT.parents]
    for path in candidates:
        if path.is_file():
            return path
    pytest.fail(f"the Databricks bundle schema is missing: expected {SCHEMA_NAME} beside the checkout (or beside one "
                f"of its parent folders), or a path in ${SCHEMA_ENV}. Get it with `databricks bundle schema > FILE`.",
                pytrace=False)


@cache
def validator():
    import jsonschema_rs

    return jsonschema_rs.validator_for(json.loads(find_schema().read_text()))


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text()) or {}


def included_files() -> list[Path]:
    """bundle.yml's `include` globs, resolved as the Databricks CLI does (relative to the bundle root)."""
    files = []
    for pattern in load(BUNDLE_ROOT).get("include", []):
        matched = sorted(BUNDLE_ROOT.parent.glob(pattern))
        assert matched, f"include {pattern!r} matches no file"
        files += matched
    return files


BUNDLE_FILES = [BUNDLE_ROOT, *included_files()]


def merged(key: str) -> dict:
    """One top-level mapping (variables, resources...) merged over every bundle file, as the CLI merges them."""
    out: dict = {}
    for f in BUNDLE_FILES:
        for kind, items in (load(f).get(key) or {}).items():
            if isinstance(items, dict) and key == "resources":
                out.setdefault(kind, {}).update(items)
            else:
                out[kind] = items
    return out


def tasks() -> list[tuple[Path, dict]]:
    """Every job task with the file that defines it (task paths are relative to that file)."""
    return [(f, t) for f in BUNDLE_FILES
            for job in ((load(f).get("resources") or {}).get("jobs") or {}).values() for t in job["tasks"]]


def references(kind: str) -> list[tuple[Path, str]]:
    return [(f, ref) for f in BUNDLE_FILES for ref in REFERENCE.findall(f.read_text()) if ref.startswith(kind + ".")]


# --------------------------------------------------------------------------- layout and schema
def test_layout_one_file_per_workflow_plus_ml_artifacts_and_serving():
    names = {f.name for f in BUNDLE_FILES[1:]}
    assert {"ml-artifacts.yml", "serving.yml"} <= names
    assert any(n.endswith(".job.yml") for n in names)
    for f in BUNDLE_FILES[1:]:
        assert set(load(f)) <= {"resources"}, f"{f.name}: an included file only declares resources"
    targets = load(BUNDLE_ROOT)["targets"]
    assert targets["dev"]["mode"] == "development" and targets["prod"]["mode"] == "production"


@pytest.mark.parametrize("path", BUNDLE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_bundle_file_validates_against_cli_schema(path):
    errors = [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator().iter_errors(load(path))]
    assert errors == []


def test_schema_rejects_a_broken_task():
    path, _ = tasks()[0]
    broken = load(path)
    job = next(iter(broken["resources"]["jobs"].values()))
    job["tasks"][0]["python_wheel_task"].pop("package_name")
    assert not validator().is_valid(broken)


# --------------------------------------------------------------------------- references
def test_variables_referenced_are_declared_and_declared_ones_used():
    used = {ref.split(".")[1] for _, ref in references("var")}
    declared = set(load(BUNDLE_ROOT)["variables"])
    assert used and used <= declared, used - declared
    assert declared <= used, f"variables nobody uses: {declared - used}"
    for name, target in load(BUNDLE_ROOT)["targets"].items():
        assert set(target.get("variables", {})) <= declared, name


def test_resource_references_point_to_declared_resources():
    resources = merged("resources")
    refs = references("resources")
    assert refs
    for f, ref in refs:
        _, kind, key, *field = ref.split(".")
        assert key in resources.get(kind, {}), f"{f.name}: ${{{ref}}} names no resource"
        assert field, f"{f.name}: ${{{ref}}} names no field"


def test_names_come_from_one_source():
    """Tasks log to the bundle's experiment and register into the bundle's model; the endpoint serves that model."""
    resources = merged("resources")
    [(exp_key, _)] = resources["experiments"].items()
    [(model_key, model)] = resources["registered_models"].items()
    model_name = f"{model['catalog_name']}.{model['schema_name']}.${{resources.registered_models.{model_key}.name}}"
    expected = {
        "lakehouse.catalog": model["catalog_name"],
        "tracking.experiment": f"${{resources.experiments.{exp_key}.name}}",
        "tracking.registered_model": model_name,
        "storage.root": "${var.state_volume}",
    }
    for _, task in tasks():
        params = task["python_wheel_task"]["parameters"]
        sets = dict(params[i + 1].split("=", 1) for i, p in enumerate(params) if p == "--set")
        assert sets == expected, task["task_key"]
    [endpoint] = resources["model_serving_endpoints"].values()
    assert [e["entity_name"] for e in endpoint["config"]["served_entities"]] == [model_name]


# --------------------------------------------------------------------------- what the tasks run
def test_tasks_run_the_wheels_console_script_with_arguments_the_cli_accepts(monkeypatch):
    from tunehouse.cli import build_parser, settings_from

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    scripts = project.get("scripts", {})
    monkeypatch.delenv("TUNEHOUSE_PROFILE", raising=False)
    assert tasks()
    keys = {t["task_key"] for _, t in tasks()}
    for path, task in tasks():
        for dep in task.get("depends_on", []):
            assert dep["task_key"] in keys
        if "spark_python_task" in task:
            assert (path.parent / task["spark_python_task"]["python_file"]).is_file(), task["task_key"]
            continue
        wheel = task["python_wheel_task"]
        assert wheel["package_name"] == project["name"]
        assert scripts.get(wheel["entry_point"]) == "tunehouse.cli:main", wheel["entry_point"]
        try:
            args = build_parser().parse_args(wheel["parameters"])
        except SystemExit:
            pytest.fail(f"task {task['task_key']}: `tunehouse` rejects {wheel['parameters']}")
        settings = settings_from(args)  # and every --set names a real setting
        assert settings.profile == "databricks", task["task_key"]


def test_task_libraries_are_the_wheel_the_bundle_builds():
    [artifact] = load(BUNDLE_ROOT)["artifacts"].values()
    out_dir = BUNDLE_ROOT.parent / artifact["path"] / artifact["build"].split("-w ")[1].split()[0]
    for path, task in tasks():
        wheels = [lib["whl"] for lib in task.get("libraries", []) if "whl" in lib]
        assert wheels, task["task_key"]
        for whl in wheels:  # relative to the file that declares the task, as the CLI resolves them
            assert (path.parent / whl).parent.resolve() == out_dir.resolve(), (task["task_key"], whl)


def test_python_m_tunehouse_is_the_same_command_line():
    """One entry point family: the console script the tasks run and `python -m tunehouse` are one CLI."""
    import subprocess
    import sys

    from tunehouse import __version__

    out = subprocess.run([sys.executable, "-m", "tunehouse", "--version"], capture_output=True, text=True,
                         timeout=120, check=True)
    assert out.stdout.strip() == f"tunehouse {__version__}"
