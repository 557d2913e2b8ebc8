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


# Settings a task may pass beyond the shared names: what that one task needs (train: base model and Ray on Spark).
TASK_SETTINGS = {"train.base_model", "train.ray_address", "train.num_workers"}


def task_sets(task: dict) -> dict[str, str]:
    params = task["python_wheel_task"]["parameters"]
    return dict(params[i + 1].split("=", 1) for i, p in enumerate(params) if p == "--set")


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
        sets = task_sets(task)
        assert {k: sets.get(k) for k in expected} == expected, task["task_key"]
        assert set(sets) - set(expected) <= TASK_SETTINGS, task["task_key"]
    [endpoint] = resources["model_serving_endpoints"].values()
    assert [e["entity_name"] for e in endpoint["config"]["served_entities"]] == [model_name]


def target_variables(target: str) -> dict[str, str]:
    """The variables' values in one target: defaults, then the target's overrides."""
    bundle = load(BUNDLE_ROOT)
    values = {name: spec.get("default") for name, spec in bundle["variables"].items()}
    values.update(bundle["targets"][target].get("variables") or {})
    return values


def resolve_vars(text, target: str = "dev") -> str:
    """``${var.NAME}`` replaced by the target's value (resource references stay: the CLI fills them at deploy)."""
    v = target_variables(target)
    return REFERENCE.sub(lambda m: str(v[m.group(1)[4:]]) if m.group(1).startswith("var.") else m.group(0),
                         str(text))


def test_databricks_profile_agrees_with_the_bundle_defaults():
    """The profile a user runs by hand (`--profile databricks`, no --set) names what the bundle's default
    deployment creates; the jobs themselves always get the names with --set."""
    from tunehouse.config import load_settings

    v = target_variables("dev")
    s = load_settings(profile="databricks")
    assert s.lakehouse.catalog == v["catalog"]
    assert str(s.storage.root) == v["state_volume"]
    assert s.tracking.experiment == v["experiment"]
    assert s.tracking.registered_model == f"{v['catalog']}.{v['model_schema']}.{v['model_name']}"


@pytest.mark.parametrize("target", ["dev", "prod"])
def test_every_path_a_target_writes_is_in_its_catalog(target):
    v = target_variables(target)
    for name in ("state_volume", "raw_path", "base_model"):
        assert v[name].startswith(f"/Volumes/{v['catalog']}/"), (target, name, v[name])


def test_prod_schedule_runs_and_dev_is_development_mode():
    """Development mode pauses every schedule by itself; production mode keeps it as written, so it is on."""
    targets = load(BUNDLE_ROOT)["targets"]
    assert targets["dev"]["mode"] == "development" and targets["prod"]["mode"] == "production"
    jobs = merged("resources")["jobs"]
    assert all(job["schedule"]["pause_status"] == "UNPAUSED" for job in jobs.values())


# Databricks Runtime ML releases the wheel supports: the Spark and Python each ships (release notes), Scala 2.13.
SUPPORTED_RUNTIMES = {"17.3": {"spark": (4, 0), "python": (3, 12)}}
GPU_NODE_FAMILIES = ("g4dn.", "g5.", "g6.", "g6e.", "p3.", "p4d.", "p5.", "Standard_NC", "a2-", "g2-")


def clusters() -> dict[str, dict]:
    [job] = merged("resources")["jobs"].values()
    return {c["job_cluster_key"]: c["new_cluster"] for c in job["job_clusters"]}


def test_cluster_runtimes_node_types_and_the_wheel_agree():
    """GPU runtime on a GPU node type, CPU runtime on the CPU one, one release for both, and that release's
    Python and Spark are what the wheel is built for."""
    resolve = resolve_vars
    cpu, gpu = clusters()["cpu"], clusters()["gpu"]
    cpu_rt, gpu_rt = resolve(cpu["spark_version"]), resolve(gpu["spark_version"])
    assert re.fullmatch(r"\d+\.\d+\.x-cpu-ml-scala2\.13", cpu_rt), cpu_rt
    assert re.fullmatch(r"\d+\.\d+\.x-gpu-ml-scala2\.13", gpu_rt), gpu_rt
    release = cpu_rt.split(".x-")[0]
    assert gpu_rt.split(".x-")[0] == release
    assert resolve(gpu["node_type_id"]).startswith(GPU_NODE_FAMILIES)
    assert not resolve(cpu["node_type_id"]).startswith(GPU_NODE_FAMILIES)
    runtime = SUPPORTED_RUNTIMES[release]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    bounds = [int(n) for n in re.fullmatch(r">=(\d+)\.(\d+),<(\d+)\.(\d+)", project["requires-python"]).groups()]
    assert tuple(bounds[:2]) <= runtime["python"] < tuple(bounds[2:])
    # pyspark is the runtime's own on Databricks: only the `local` extra (the stack tested here) names it
    assert not [d for d in project["dependencies"] if d.startswith("pyspark")]
    [pyspark] = [d for d in project["optional-dependencies"]["local"] if d.startswith("pyspark")]
    assert int(pyspark.split("==")[1].split(".")[0]) == runtime["spark"][0], "the tested Spark API major version"


def test_training_runs_ray_on_the_gpu_cluster_one_worker_per_gpu_node():
    by_key = {t["task_key"]: t for _, t in tasks()}
    gpu = clusters()["gpu"]
    assert by_key["train"]["job_cluster_key"] == by_key["evaluate"]["job_cluster_key"] == "gpu"
    sets = task_sets(by_key["train"])
    assert sets["train.ray_address"] == "spark"
    assert sets["train.num_workers"] == str(gpu["num_workers"]) == "${var.gpu_workers}"
    assert gpu["data_security_mode"] == "SINGLE_USER"  # Ray on Spark is not supported in shared access mode
    assert gpu["spark_conf"]["spark.task.resource.gpu.amount"] == "0"  # Spark tasks leave the GPUs to Ray
    from tunehouse.training.cluster import RAY_ON_SPARK

    assert RAY_ON_SPARK == "spark"


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
            args = build_parser().parse_args([resolve_vars(p) for p in wheel["parameters"]])
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
