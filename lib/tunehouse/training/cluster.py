"""The Ray side of a training job: connect to (or start) Ray, and what the cluster decides (GPU use, precision).

A local Ray runtime keeps its files under storage.root/ray and serves its dashboard on a free localhost
port; ``train.ray_address`` connects to an existing cluster instead, and ``train.ray_address=spark`` starts
Ray on the Spark cluster the job runs on (:func:`ray_on_spark`: a Databricks job cluster's worker nodes become
Ray worker nodes, each with all the CPUs and GPUs of its Spark worker; shut down when training ends).
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.errors import UserError

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)


def ensure_ray(settings: "Settings") -> bool:
    """Connect to / start Ray; return True when this call started it (and should shut it down)."""
    import ray

    if ray.is_initialized():
        return False
    ts = settings.train
    if ts.ray_address:
        ray.init(address=ts.ray_address, log_to_driver=True)
        return True
    temp = ray_temp_dir(settings)
    need = math.ceil(ts.num_workers * ts.cpus_per_worker)
    # The dashboard process serves the state API that Ray Train V2's placement-group cleaner polls; without
    # it that actor logs a warning every second. Bound to localhost on a free port (no clash with other runs).
    ray.init(num_cpus=max(need, os.cpu_count() or 1), _temp_dir=str(temp), include_dashboard=True,
             dashboard_host="127.0.0.1", dashboard_port=_free_port(), log_to_driver=True,
             logging_level=logging.WARNING)
    return True


# The value of train.ray_address that asks for Ray on the job's own Spark cluster.
RAY_ON_SPARK = "spark"


@contextmanager
def ray_on_spark(settings: "Settings") -> Iterator["Settings"]:
    """With ``train.ray_address=spark``: start a Ray cluster on the active Spark cluster and yield the settings
    with ``train.ray_address`` set to its address; shut it down on exit (also when training fails). Otherwise
    yield the settings unchanged.

    Why here and not in Ray's own auto-detection: on a Databricks job cluster ``ray.init()`` alone starts Ray on
    the driver, and the worker nodes sit idle. Each Spark worker gets one Ray worker node with all of its CPUs
    and GPUs (one GPU node per Ray Train worker on a single-GPU node type); the head runs on the driver with no
    GPU, so training is scheduled on the workers. Checkpoints go to storage.checkpoints, which the bundle puts
    on a Unity Catalog volume that every node sees.
    """
    if settings.train.ray_address != RAY_ON_SPARK:
        yield settings
        return
    from ray.util.spark import (
        MAX_NUM_WORKER_NODES,
        setup_ray_cluster,
        shutdown_ray_cluster,
    )

    from tunehouse.lakehouse.spark import get_spark

    spark = get_spark(settings)  # Databricks' session, or a local one (local mode runs one Ray worker node)
    local = spark.sparkContext.master.startswith("local")
    # Ray's Unix sockets cannot live on a volume (FUSE), and their paths are capped at 107 bytes: on Databricks
    # Ray's default (the node's local disk); elsewhere storage.root/ray through a very short /tmp link, because
    # Ray on Spark nests ray-<port>-<id>/session_<timestamp>_<pid>/sockets/... under it.
    on_databricks = bool(os.environ.get("DATABRICKS_RUNTIME_VERSION"))
    _ray_command_on_path()
    address, _ = setup_ray_cluster(
        max_worker_nodes=1 if local else MAX_NUM_WORKER_NODES,
        num_gpus_head_node=0,
        ray_temp_root_dir=None if on_databricks else ray_temp_dir(settings, max_len=16, link_prefix="thr-"),
        collect_log_to_path=str(settings.storage.ray / "logs"),
    )
    log.info("Ray on Spark: %s (master %s)", address, spark.sparkContext.master)
    try:
        yield settings.model_copy(update={"train": settings.train.model_copy(update={"ray_address": address})})
    finally:
        shutdown_ray_cluster()


def _ray_command_on_path() -> None:
    """Ray on Spark starts every node with the `ray` script found on PATH. A virtual environment that was not
    activated (`.venv/bin/tunehouse train`) has it beside its Python only: put that folder on PATH, or say what
    is missing instead of Ray's bare TypeError."""
    if shutil.which("ray"):
        return
    os.environ["PATH"] = os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")
    if not shutil.which("ray"):
        raise UserError("train.ray_address=spark needs the `ray` command (installed with the ray package) on PATH; "
                        f"it is not beside {sys.executable} either: activate the environment ray is installed in")


def ray_temp_dir(settings: "Settings", max_len: int = 40, link_prefix: str = "tunehouse-ray-") -> str:
    """storage.root/ray, reached through a short /tmp symlink when its path is long: Ray puts Unix sockets
    under it (session_<timestamp>/sockets/dash_MetricsHead...) and AF_UNIX paths are capped at 107 bytes."""
    real = settings.storage.ray.resolve()
    real.mkdir(parents=True, exist_ok=True)
    if len(str(real)) <= max_len:
        return str(real)
    link = Path(tempfile.gettempdir()) / f"{link_prefix}{hashlib.sha1(str(real).encode()).hexdigest()[:10]}"
    if link.is_symlink() and os.readlink(link) != str(real):
        link.unlink()
    if not link.exists():
        link.symlink_to(real, target_is_directory=True)
    return str(link)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def resolve_use_gpu(settings: "Settings") -> bool:
    import ray

    want = settings.train.use_gpu
    gpus = ray.cluster_resources().get("GPU", 0)
    if want == "auto":
        return gpus >= 1
    if want and gpus < 1:
        raise UserError("train.use_gpu is true but the Ray cluster has no GPU")
    return bool(want)


def resolve_precision(settings: "Settings", use_gpu: bool) -> str:
    """The precision the driver hands the workers: fp32 for CPU workers under auto; for GPU workers the request
    itself, which each worker resolves from its own GPU (recipe.py, modeling.device_precision): the driver may
    have no GPU at all (a CPU head node), so it must not decide bf16 for them."""
    p = settings.train.precision
    if p == "auto":
        return "auto" if use_gpu else "fp32"
    if p == "bf16" and not use_gpu:
        log.warning("bf16 on CPU is slow and rarely helps; consider precision=fp32")
    return p
