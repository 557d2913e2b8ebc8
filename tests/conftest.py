"""Shared fixtures: one local SparkSession per test session, every test under its own storage.root.

Heavier fixtures live in the ``fixtures`` package (tests/ is on pytest's pythonpath) and are loaded as
plugins: a tiny base model and a Ray runtime (``fixtures.training``), a registered fine-tuned version and a
real scoring server (``fixtures.serving``). Test data helpers are plain modules there too.
"""

from __future__ import annotations

import logging

import pytest
from tunehouse import runtime

runtime.configure_process()  # the CLI's environment: no telemetry, offline hubs, nothing written to $HOME

pytest_plugins = ["fixtures.training", "fixtures.serving"]


@pytest.fixture(scope="session")
def spark_root(tmp_path_factory):
    return tmp_path_factory.mktemp("spark")


@pytest.fixture(scope="session")
def spark(spark_root):
    """A real local SparkSession (local[2]) with the delta-rs `delta` data source registered."""
    from tunehouse.config import load_settings
    from tunehouse.lakehouse.spark import get_spark

    s = load_settings(overrides=[f"storage.root={spark_root}", "spark.master=local[2]", "spark.shuffle_partitions=4"])
    session = get_spark(s)
    yield session
    session.stop()


@pytest.fixture
def settings(tmp_path):
    """Settings isolated under a fresh storage.root for this test."""
    from tunehouse.config import load_settings

    return load_settings(overrides=[f"storage.root={tmp_path / 'th'}", "spark.master=local[2]"])


@pytest.fixture
def lakehouse(spark, settings):
    from tunehouse.lakehouse.delta import Lakehouse

    return Lakehouse(spark, settings)


@pytest.fixture(autouse=True)
def _quiet_mlflow():
    logging.getLogger("mlflow").setLevel(logging.WARNING)
    yield
