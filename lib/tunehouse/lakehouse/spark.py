"""One place that gives a SparkSession: Databricks' own, or a local one with tunehouse's settings."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pyspark.sql import SparkSession

from tunehouse import runtime
from tunehouse.config import Settings

log = logging.getLogger(__name__)


def native_delta_available(spark: SparkSession) -> bool:
    """True when Spark has the Delta JVM connector (Databricks, or delta-spark jars on the classpath)."""
    if os.environ.get("DATABRICKS_RUNTIME_VERSION"):
        return True
    try:
        spark._jvm.java.lang.Class.forName("io.delta.tables.DeltaTable")  # noqa: SLF001
        return True
    except Exception:  # no JVM access (Spark Connect) or class missing
        return False


def get_spark(settings: Settings) -> SparkSession:
    """Return the active session on Databricks, else build a local one rooted in storage.root."""
    if settings.lakehouse.resolved_mode() == "databricks":
        return SparkSession.builder.getOrCreate()
    root = Path(settings.storage.spark).resolve()
    root.mkdir(parents=True, exist_ok=True)
    runtime.spark_python()
    builder = (
        SparkSession.builder.master(settings.spark.master)
        .appName(settings.spark.app_name)
        .config("spark.sql.shuffle.partitions", str(settings.spark.shuffle_partitions))
        .config("spark.default.parallelism", str(settings.spark.shuffle_partitions))
        .config("spark.driver.memory", settings.spark.driver_memory)
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.warehouse.dir", str(root / "warehouse"))
        .config("spark.jars.ivy", str(root / "ivy"))
        .config("spark.local.dir", str(root / "tmp"))
        .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={root / 'derby'}")
        .config("spark.python.worker.reuse", "true")
    )
    for k, v in settings.spark.conf.items():
        builder = builder.config(k, v)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel(settings.spark.log_level)
    if not native_delta_available(spark):
        from tunehouse.lakehouse.delta_source import DeltaRsDataSource

        spark.dataSource.register(DeltaRsDataSource)
    return spark
