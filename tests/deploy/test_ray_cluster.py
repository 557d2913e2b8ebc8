"""Training scales out on a real Ray cluster: a head (`ray start --head`) and a second node process with its own
CPU, both run by the installed wheel's interpreter; `tunehouse train --set train.ray_address=...` puts one worker
on each, checkpoints on a path both nodes share, and the loss curve equals a local run's."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

TRAIN = ["--set", "train.num_workers=2", "--set", "train.batch_size=4", "--set", "train.max_steps=4",
         "--set", "train.max_seq_length=128", "--set", "train.log_every_steps=1", "--set", "train.lora.r=4",
         "--set", "train.register_model=false", "--set", "train.max_eval_examples=8"]
RESULT = re.compile(r"(\d+) steps, train loss ([\d.]+), val loss ([\d.]+)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ray_node(daemons, installed, log, *args: str) -> subprocess.Popen:
    """`ray start ... --block` under the installed venv's Python (its workers then import the wheel)."""
    return daemons.start([str(installed.python), "-m", "ray.scripts.scripts", "start", "--block",
                          "--node-ip-address=127.0.0.1", "--num-cpus=1", "--disable-usage-stats", *args],
                         log, installed.env)


def wait_for_nodes(installed, address: str, count: int, timeout: float = 180) -> None:
    probe = ("import ray, sys; ray.init(address=sys.argv[1], logging_level='ERROR'); "
             "print(sum(1 for n in ray.nodes() if n['Alive'] and n['Resources'].get('CPU')))")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run([str(installed.python), "-c", probe, address], capture_output=True, text=True,
                             env=installed.env, timeout=120)
        if out.returncode == 0 and out.stdout.strip().splitlines()[-1] == str(count):
            return
        time.sleep(3)
    pytest.fail(f"the Ray cluster at {address} did not reach {count} nodes")


@pytest.fixture
def ray_cluster(installed, tmp_path, daemons):
    port = free_port()
    # Ray's socket paths (session_<time>_<pid>/sockets/...) under its temp dir are capped at 107 bytes: keep it short.
    temp = tempfile.mkdtemp(prefix="thr", dir="/tmp")
    try:
        ray_node(daemons, installed, tmp_path / "head.log", "--head", f"--port={port}", f"--temp-dir={temp}",
                 "--include-dashboard=true", "--dashboard-host=127.0.0.1", f"--dashboard-port={free_port()}")
        address = f"127.0.0.1:{port}"
        time.sleep(5)
        ray_node(daemons, installed, tmp_path / "node2.log", f"--address={address}")
        wait_for_nodes(installed, address, 2)
        yield address
    finally:
        daemons.stop_all()
        shutil.rmtree(temp, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.timeout(2400)  # whole-pipeline runs of the installed wheel; a busy 2-core CI box needs the room
def test_training_on_a_two_node_ray_cluster_reproduces_the_local_loss_curve(installed, elsewhere, ray_cluster,
                                                                           base_root, base_dir, tmp_path):
    data = ["--set", f"train.base_model={base_dir}", "--set", f"train.train_data={base_root / 'exports' / 'v1'}"]
    shared = tmp_path / "shared"   # storage both nodes see: the checkpoints go here
    # Two workers of one CPU each on nodes of one CPU each: Ray must place one worker on each node.
    cluster = installed.run("train", "--set", f"storage.root={shared}", "--set", f"train.ray_address={ray_cluster}",
                            *data, *TRAIN, cwd=elsewhere, label="train@ray-cluster").stdout
    local = installed.run("train", "--set", f"storage.root={tmp_path / 'local'}", *data, *TRAIN, cwd=elsewhere,
                          label="train@local").stdout
    print("ray cluster, seconds:", json.dumps(installed.seconds))
    on_cluster, here = RESULT.search(cluster), RESULT.search(local)
    assert on_cluster and here, (cluster[-2000:], local[-2000:])
    assert on_cluster.groups() == here.groups()
    assert int(on_cluster.group(1)) == 4
    assert any((shared / "checkpoints").rglob("checkpoint_*")), "checkpoints on the shared path"
