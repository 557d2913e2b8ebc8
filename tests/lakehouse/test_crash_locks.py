"""Lakehouse.exclusive: the per-table write locks of local mode (no Spark needed to take them)."""

from __future__ import annotations

import pytest
from tunehouse.lakehouse.delta import Lakehouse, LakehouseError
from tunehouse.lakehouse.locks import TableBusyError


def test_exclusive_locks_tables_under_the_lakehouse_and_names_the_busy_one(settings):
    lh = Lakehouse(None, settings)
    with lh.exclusive(["gold.training_examples", "silver.dropped"], job="curate"):
        other = Lakehouse(None, settings)  # flock is per open file: a second holder in this process conflicts too
        with pytest.raises(TableBusyError, match="silver.dropped is being written by another tunehouse job"):
            with other.exclusive(["silver.dropped"], job="curate"):
                pass
    assert lh.tables() == []  # the lock folder is never listed as a table
    with pytest.raises(LakehouseError, match="schema.table"):
        with lh.exclusive(["../escape"], job="ingest"):
            pass


def test_exclusive_is_a_no_op_on_databricks(settings):
    settings.lakehouse.mode = "databricks"
    with Lakehouse(None, settings).exclusive(["gold.training_examples"], job="curate"):
        pass
