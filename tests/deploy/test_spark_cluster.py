"""Curation scales out on a real Spark cluster: a standalone master and two workers, started from pyspark's own
launch scripts as separate processes, run ingest and curate from the installed wheel (``spark.master=spark://``),
and the dataset comes out with the fingerprint local mode gives (tests/golden/dataset_fingerprint.json)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "dataset_fingerprint.json"
WORKERS = 2


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(log: Path, text: str, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in log.read_text(errors="replace"):
            return
        assert proc.poll() is None, f"{log.name} exited:\n{log.read_text()[-2000:]}"
        time.sleep(1)
    pytest.fail(f"{log.name}: no {text!r} after {timeout}s:\n{log.read_text()[-2000:]}")


@pytest.fixture
def standalone_cluster(installed, tmp_path, daemons):
    """spark://127.0.0.1:PORT with WORKERS workers of one core each; stopped after the test."""
    import pyspark

    env = {**installed.env, "SPARK_HOME": os.path.dirname(pyspark.__file__), "SPARK_LOCAL_IP": "127.0.0.1",
           "SPARK_LOG_DIR": str(tmp_path / "logs")}
    port = free_port()
    url = f"spark://127.0.0.1:{port}"
    # spark-class execs the JVM: each process is the daemon itself.
    spark_class = f"{env['SPARK_HOME']}/bin/spark-class"
    master = daemons.start([spark_class, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                            "--port", str(port), "--webui-port", "0"], tmp_path / "master.log", env)
    wait_for(tmp_path / "master.log", "I have been elected leader", master)
    for i in range(WORKERS):
        log = tmp_path / f"worker-{i}.log"
        worker = daemons.start([spark_class, "org.apache.spark.deploy.worker.Worker", url, "--host", "127.0.0.1",
                                "--cores", "1", "--memory", "2g", "--webui-port", "0",
                                "--work-dir", str(tmp_path / f"work-{i}")], log, env)
        wait_for(log, "Successfully registered with master", worker)
    return url, tmp_path


@pytest.mark.slow
@pytest.mark.timeout(2400)  # whole-pipeline runs of the installed wheel; a busy 2-core CI box needs the room
def test_ingest_and_curate_on_a_standalone_cluster_match_local_mode(installed, elsewhere, standalone_cluster):
    url, tmp = standalone_cluster
    golden = json.loads(GOLDEN.read_text())
    root = tmp / "th"
    settings = [s for s in golden["settings"] if not s.startswith("spark.master=")] + [f"spark.master={url}"]
    common = [arg for s in [f"storage.root={root}", *settings] for arg in ("--set", s)]
    env_before = dict(installed.env)
    installed.env["SPARK_LOCAL_IP"] = "127.0.0.1"  # the driver binds where the workers can reach it
    try:
        installed.run("generate-logs", "-n", str(golden["conversations"]), "--seed", str(golden["seed"]), *common,
                      cwd=elsewhere)
        installed.run("ingest", str(root / "raw"), *common, cwd=elsewhere, label="ingest@standalone")
        installed.run("curate", *common, cwd=elsewhere, ok=(0, 1), label="curate@standalone")
    finally:
        installed.env.clear()
        installed.env.update(env_before)
    print("standalone cluster, seconds:", json.dumps(installed.seconds))
    # The application really ran on the workers: each launched executors for it.
    executors = [p for i in range(2) for p in (tmp / f"work-{i}").glob("app-*/*") if p.is_dir()]
    assert len({p.parts[-3] for p in executors}) == WORKERS, executors
    assert (root / "exports" / "LATEST").read_text().strip() == golden["dataset_version"]
