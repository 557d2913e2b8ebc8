"""The Ray side of a training job: connect to (or start) Ray, and what the cluster decides (GPU use, precision).

A local Ray runtime keeps its files under storage.root/ray and serves its dashboard on a free localhost
port; ``train.ray_address`` connects to an existing cluster instead.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import socket
import tempfile
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


def ray_temp_dir(settings: "Settings", max_len: int = 40) -> str:
    """storage.root/ray, reached through a short /tmp symlink when its path is long: Ray puts Unix sockets
    under it (session_<timestamp>/sockets/dash_MetricsHead...) and AF_UNIX paths are capped at 107 bytes."""
    real = settings.storage.ray.resolve()
    real.mkdir(parents=True, exist_ok=True)
    if len(str(real)) <= max_len:
        return str(real)
    link = Path(tempfile.gettempdir()) / f"tunehouse-ray-{hashlib.sha1(str(real).encode()).hexdigest()[:10]}"
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
    p = settings.train.precision
    if p == "auto":
        if not use_gpu:
            return "fp32"
        import torch

        return "bf16" if torch.cuda.is_available() and torch.cuda.is_bf16_supported() else "fp32"
    if p == "bf16" and not use_gpu:
        log.warning("bf16 on CPU is slow and rarely helps; consider precision=fp32")
    return p
