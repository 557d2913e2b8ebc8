"""bundle.yml: valid against the Databricks CLI's own schema, and its references resolve."""

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT.parent / "shared" / "schemas" / "databricks-bundle.schema.json"


@pytest.fixture(scope="module")
def bundle():
    return yaml.safe_load((ROOT / "bundle.yml").read_text())


@pytest.mark.skipif(not SCHEMA.exists(), reason="shared/schemas not beside the checkout")
def test_bundle_validates_against_cli_schema(bundle):
    import jsonschema_rs

    validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text()))
    errors = [f"{'/'.join(map(str, e.instance_path))}: {e.message}" for e in validator.iter_errors(bundle)]
    assert errors == []


def test_schema_rejects_a_broken_bundle(bundle):
    if not SCHEMA.exists():
        pytest.skip("shared/schemas not beside the checkout")
    import jsonschema_rs

    broken = json.loads(json.dumps(bundle))
    broken["resources"]["jobs"]["tunehouse_pipeline"]["tasks"][0]["python_wheel_task"].pop("package_name")
    validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text()))
    assert not validator.is_valid(broken)


def test_variables_referenced_are_declared(bundle):
    text = (ROOT / "bundle.yml").read_text()
    used = set(re.findall(r"\$\{var\.([A-Za-z_]+)\}", text))
    assert used and used <= set(bundle["variables"])


def test_tasks_call_real_subcommands_and_dependencies_exist(bundle):
    from tunehouse.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    tasks = bundle["resources"]["jobs"]["tunehouse_pipeline"]["tasks"]
    keys = {t["task_key"] for t in tasks}
    for t in tasks:
        for dep in t.get("depends_on", []):
            assert dep["task_key"] in keys
        cmd = t["python_wheel_task"]["parameters"][0]
        assert t["python_wheel_task"]["entry_point"] == "tunehouse"
        assert cmd in sub.choices, cmd


def test_jobs_folder_has_an_entry_point_per_task(bundle):
    for t in bundle["resources"]["jobs"]["tunehouse_pipeline"]["tasks"]:
        assert (ROOT / "jobs" / f"{t['task_key']}.py").is_file()
