"""Settings of the ``spark`` and ``lakehouse`` sections."""

from __future__ import annotations

import os
from typing import Literal

from pydantic import Field

from tunehouse.config.base import Section


class SparkSettings(Section):
    master: str = Field("local[*]", description="Spark master when tunehouse starts Spark itself (ignored on Databricks).")
    app_name: str = Field("tunehouse", description="Spark application name.")
    shuffle_partitions: int = Field(8, ge=1, description="spark.sql.shuffle.partitions; small for one machine.")
    driver_memory: str = Field("4g", description="spark.driver.memory when tunehouse starts Spark locally.")
    log_level: Literal["ERROR", "WARN", "INFO", "DEBUG"] = Field("ERROR", description="Spark log level.")
    conf: dict[str, str] = Field(default_factory=dict, description="Extra spark.* settings passed as-is.")


class LakehouseSettings(Section):
    mode: Literal["auto", "local", "databricks"] = Field(
        "auto",
        description="local: real Delta tables under storage.root/lakehouse via delta-rs; databricks: native Delta "
        "and Unity Catalog names; auto: databricks when DATABRICKS_RUNTIME_VERSION is set, else local.",
    )
    catalog: str | None = Field(
        None, description="Unity Catalog catalog: tables become catalog.schema.table (databricks mode only)."
    )
    schema_prefix: str = Field(
        "", description="Prefix for schema names (e.g. 'dev_' gives dev_bronze, dev_silver, dev_gold)."
    )
    lock_wait_s: float = Field(
        0.0, ge=0,
        description="local mode: seconds an ingest or curate waits for another tunehouse job that is writing the "
        "same tables (a lock file per table under the lakehouse folder) before it fails with a message naming "
        "the table and the job holding it; 0: fail at once. On Databricks Delta's own commit protocol decides.",
    )

    def resolved_mode(self) -> Literal["local", "databricks"]:
        if self.mode != "auto":
            return self.mode
        return "databricks" if os.environ.get("DATABRICKS_RUNTIME_VERSION") else "local"
