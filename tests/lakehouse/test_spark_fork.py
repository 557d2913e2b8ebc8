"""The local Spark gateway survives this process forking: Ray starts its processes with a preexec_fn (Python runs in
the child between fork and exec) while the demo's Spark session is up, and that used to cut the parent's py4j
connections (a ConnectionResetError traceback in the middle of `tunehouse demo`'s train stage)."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
import threading
import time

FINALIZER_POLL_S = 1.0  # py4j's FinalizerWorker looks for released objects once a second


def release_java_objects(spark) -> None:
    """Drop Python proxies of JVM objects and give py4j's FinalizerWorker time to tell the JVM over its connection."""
    for _ in range(5):
        spark.range(3).count()
    gc.collect()
    time.sleep(2.5 * FINALIZER_POLL_S)


def test_a_child_running_python_after_fork_leaves_the_jvm_connections_up(spark, caplog):
    from py4j.clientserver import FinalizerWorker

    release_java_objects(spark)  # the FinalizerWorker thread now holds a connection of its own
    assert any(isinstance(t, FinalizerWorker) for t in threading.enumerate())
    caplog.set_level(logging.INFO)

    # what ray.init does for each of its processes: Python runs in the child before exec
    subprocess.run([sys.executable, "-c", "pass"], preexec_fn=lambda: None, check=True, timeout=120)
    release_java_objects(spark)

    assert "Exception while sending command" not in caplog.text
    assert "Connection reset" not in caplog.text
    assert spark.range(4).count() == 4
