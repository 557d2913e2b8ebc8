"""Access in the Databricks bundle (issue 13, part 6): the raw bronze schema is readable only by the pipeline's
service principal, gold by the ML group, the serving endpoint is queried by the app group; the names are bundle
variables with defaults, the production jobs run as that service principal, and all of it validates against the
Databricks CLI's bundle schema (found as tests/test_bundle.py finds it)."""

from __future__ import annotations

import copy

import pytest
from test_bundle import BUNDLE_ROOT, load, merged, validator

PRINCIPAL, ML_GROUP, APP_GROUP = "${var.pipeline_principal}", "${var.ml_group}", "${var.app_group}"


def prod() -> dict:
    return load(BUNDLE_ROOT)["targets"]["prod"]


def schema_grants(name: str) -> dict[str, set[str]]:
    """principal -> privileges on one of the production target's schemas."""
    schema = prod()["resources"]["schemas"][name]
    return {g["principal"]: set(g["privileges"]) for g in schema["grants"]}


def test_principals_are_bundle_variables_with_defaults():
    variables = load(BUNDLE_ROOT)["variables"]
    for name in ("pipeline_principal", "ml_group", "app_group"):
        assert variables[name].get("default"), name
        assert variables[name].get("description"), name


def test_raw_bronze_is_readable_only_by_the_pipelines_service_principal():
    for schema in ("bronze", "silver"):
        grants = schema_grants(schema)
        assert set(grants) == {PRINCIPAL}, schema
        assert {"USE_SCHEMA", "SELECT", "MODIFY"} <= grants[PRINCIPAL]
        assert "ALL_PRIVILEGES" not in grants[PRINCIPAL] and "MANAGE" not in grants[PRINCIPAL]


def test_gold_is_readable_by_the_ml_group_and_written_only_by_the_pipeline():
    grants = schema_grants("gold")
    assert set(grants) == {PRINCIPAL, ML_GROUP}
    assert grants[ML_GROUP] == {"USE_SCHEMA", "SELECT", "EXECUTE"}  # read the data, load the model; no writes
    assert {"MODIFY", "CREATE_TABLE", "CREATE_MODEL"} <= grants[PRINCIPAL]


def test_schemas_are_the_catalogs_lakehouse_schemas_and_gold_holds_the_model():
    schemas = prod()["resources"]["schemas"]
    assert {s["name"] for s in schemas.values()} == {"bronze", "silver", "${var.model_schema}"}
    assert {s["catalog_name"] for s in schemas.values()} == {"${var.catalog}"}
    [model] = merged("resources")["registered_models"].values()
    assert (model["catalog_name"], model["schema_name"]) == ("${var.catalog}", schemas["gold"]["name"])
    from tunehouse.contracts.tables import (
        BRONZE_MESSAGES,
        GOLD_EXAMPLES,
        SILVER_CONVERSATIONS,
    )

    assert [t.split(".")[0] for t in (BRONZE_MESSAGES, SILVER_CONVERSATIONS, GOLD_EXAMPLES)] == \
        ["bronze", "silver", "gold"]


def test_production_jobs_run_as_the_pipelines_service_principal():
    assert prod()["run_as"] == {"service_principal_name": PRINCIPAL}


def test_the_endpoint_is_queried_by_the_app_group_only():
    [endpoint] = merged("resources")["model_serving_endpoints"].values()
    assert endpoint["permissions"] == [{"group_name": APP_GROUP, "level": "CAN_QUERY"}]


def test_grants_validate_against_the_cli_schema_and_a_bad_one_does_not():
    bundle = load(BUNDLE_ROOT)
    assert validator().is_valid(bundle)
    broken = copy.deepcopy(bundle)
    broken["targets"]["prod"]["resources"]["schemas"]["bronze"]["grants"][0]["privileges"] = ["READ_EVERYTHING"]
    assert not validator().is_valid(broken)
    [(path, serving)] = [(f, load(f)) for f in BUNDLE_ROOT.parent.glob("resources/serving.yml")]
    assert validator().is_valid(serving)
    bad = copy.deepcopy(serving)
    next(iter(bad["resources"]["model_serving_endpoints"].values()))["permissions"][0]["level"] = "CAN_READ"
    assert not validator().is_valid(bad), path


@pytest.mark.parametrize("target", ["dev", "prod"])
def test_no_target_grants_anything_to_all_users(target):
    text = str(load(BUNDLE_ROOT)["targets"][target]) + str(merged("resources"))
    assert "account users" not in text and "'users'" not in text
