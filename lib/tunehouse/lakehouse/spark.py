"""One place that gives a SparkSession: Databricks' own, or a local one with tunehouse's settings, and a py4j
gateway that survives this process forking (Ray starts its processes that way while Spark is up: the demo)."""

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


def out_of_memory_advice(error: BaseException, settings: Settings | None) -> str | None:
    """One line for a Spark job that ran out of JVM memory (``java.lang.OutOfMemoryError`` inside a py4j or
    Spark error), saying which setting to raise; None for any other error.

    Why: the error arrives as a page of Java stack trace, and the fix is a setting. Delta commits are atomic,
    so the tables are left at their last committed version and the job can simply be run again."""
    text = str(error)
    if "java.lang.OutOfMemoryError" not in text:
        return None
    line = next((x.strip() for x in text.splitlines() if "java.lang.OutOfMemoryError" in x), "")
    where = (f"spark.driver_memory (now {settings.spark.driver_memory}; in local mode the driver also holds the "
             "executors' cached data)" if settings is not None else "spark.driver_memory")
    return (f"Spark ran out of memory ({line.lstrip(': ')}). Raise {where}, or on a cluster the executors' memory "
            "(--set 'spark.conf={\"spark.executor.memory\": \"8g\"}'), or use a larger node type. Delta tables "
            "are left at their last committed version: run the job again after raising it.")


def keep_jvm_connections_across_forks() -> None:
    """Make an inherited py4j connection in a forked child let go of its socket without ``shutdown()``.

    Why: Ray starts its processes with ``subprocess.Popen(preexec_fn=...)``, so Python runs in the child between
    fork and exec. There CPython drops the thread states of the parent's other threads, among them py4j's
    ``FinalizerWorker`` (it tells the JVM which objects Python released); py4j's thread-local finalizer then
    closes that thread's connection, and ``close()`` calls ``socket.shutdown()``, which (unlike closing a file
    descriptor) ends the TCP connection the parent still uses. The parent's next release then fails with
    ``ConnectionResetError``; py4j retries on a new connection but logs the traceback (`tunehouse demo` printed
    it during `train`). Only the process that owns the gateway may shut its connections down; a child drops its
    copies, and exec (or exit) closes the file descriptors.
    """
    try:
        from py4j.clientserver import ClientServerConnection
    except ImportError:  # pragma: no cover - a py4j without the pinned-thread client (Spark Connect)
        return
    close = ClientServerConnection.close
    if getattr(close, "owner_pid", None) is not None:
        return
    owner = os.getpid()

    def close_in_owner_only(self, reset=False):
        if os.getpid() == owner:
            return close(self, reset)
        self.socket = self.stream = None  # the child's copies of the descriptors; the connection stays up

    close_in_owner_only.owner_pid = owner
    ClientServerConnection.close = close_in_owner_only


def get_spark(settings: Settings) -> SparkSession:
    """Return the active session on Databricks, else build a local one rooted in storage.root."""
    keep_jvm_connections_across_forks()
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
