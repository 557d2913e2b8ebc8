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


def test_the_ray_command_is_found_beside_the_interpreter_when_the_venv_is_not_activated(monkeypatch):
    """Ray on Spark starts its nodes with the `ray` script from PATH: CI and `.venv/bin/tunehouse` run with the
    venv's bin folder off PATH, where Ray failed with a bare TypeError."""
    import os
    import shutil
    import sys

    from tunehouse.training.cluster import _ray_command_on_path

    venv_bin = os.path.dirname(sys.executable)
    monkeypatch.setenv("PATH", os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep)
                                               if p and os.path.realpath(p) != os.path.realpath(venv_bin)))
    assert shutil.which("ray") is None or os.path.dirname(shutil.which("ray")) != venv_bin
    _ray_command_on_path()
    assert shutil.which("ray") is not None
