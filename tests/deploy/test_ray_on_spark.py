"""train.ray_address=spark is the only value that starts Ray on Spark; anything else leaves the settings alone
(the real Ray-on-Spark start runs in test_bundle_tasks.py, as the bundle's train task, on a local Spark session)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("address", [None, "auto", "127.0.0.1:6379"])
def test_ray_on_spark_leaves_other_addresses_alone(tmp_path, address):
    from tunehouse.config import load_settings
    from tunehouse.training.cluster import ray_on_spark

    overrides = [f"storage.root={tmp_path}"] + ([f"train.ray_address={address}"] if address else [])
    settings = load_settings(overrides=overrides)
    with ray_on_spark(settings) as used:
        assert used is settings
    assert not (tmp_path / "spark").exists(), "no Spark session was started"
