"""The process-environment policy, in one place: what every tunehouse process (the CLI, Spark's Python
workers, Ray Train workers, the scoring server, the tests) sets before the heavy libraries load.

Why: keep every tool's files under storage.root and out of $HOME, send no telemetry, never reach for a
model hub (none is reachable from a locked-down cluster), and keep job output free of progress-bar noise.
Values already set by the user win (``setdefault``).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import warnings
from collections.abc import Callable, Iterator

# Set in every process, before ray/mlflow/transformers import.
PROCESS_ENV: dict[str, str] = {
    "RAY_USAGE_STATS_ENABLED": "0",        # no usage report to Anyscale
    "RAY_AUTH_MODE": "disabled",           # else Ray writes a token file under $HOME
    "RAY_TRAIN_HEALTH_CHECK_INTERVAL_S": "0.2",  # default 1.8 s per ray.train.report on a small job
    "MLFLOW_ENABLE_TELEMETRY": "false",
    "MLFLOW_DISABLE_TELEMETRY": "true",
    "MLFLOW_ENABLE_ARTIFACTS_PROGRESS_BAR": "false",
    "DO_NOT_TRACK": "1",
    "HF_HUB_OFFLINE": "1",                 # real from_pretrained code, but never a download attempt
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",     # tokenizers' threads fight Spark/Ray workers on small machines
}


def configure_process() -> None:
    """Apply :data:`PROCESS_ENV` to this process (values the user set are kept)."""
    for key, value in PROCESS_ENV.items():
        os.environ.setdefault(key, value)


# Whether this process is a tunehouse command run as the program (`tunehouse ...`, `python -m tunehouse`): set by
# cli.main when it takes its arguments from sys.argv. Only then is start-up frozen (start_up_without_gc): a host that
# calls cli.main(argv) itself (a test, a notebook) keeps its garbage collector as it runs it, and its garbage.
_RUN_AS_PROGRAM = False


def run_as_program() -> None:
    global _RUN_AS_PROGRAM
    _RUN_AS_PROGRAM = True


@contextlib.contextmanager
def start_up_without_gc() -> Iterator[Callable[[], None]]:
    """A process's start-up (imports, the parser, the settings, tables: up to the call of ``done``, else the whole
    block) with the cyclic garbage collector off, and what it made frozen after it (``gc.freeze``: left out of every
    later collection); used by ``cli.main`` and by commands around their own start-up (``tunehouse scrub``'s
    detectors and lexicon). Start-up allocates ~45k objects that live as long as the process (modules, pydantic's
    validators of the settings, compiled patterns) and makes next to no garbage, yet the collector ran ~130 times
    over them, once over the whole heap: ~55 ms of the ~0.3 s CPU of a `tunehouse scrub --fast` of one message (its
    start-up counts in its throughput against Presidio: benchmarks/bench_scrubber.py). The collector's state (on or
    off) is restored. Nothing is done in a process that tunehouse does not run as the program (``run_as_program``):
    freezing would keep the host's uncollected garbage for good."""
    if not _RUN_AS_PROGRAM:
        yield lambda: None
        return
    was_enabled = gc.isenabled()
    paused = True

    def done() -> None:
        nonlocal paused
        if paused:
            paused = False
            gc.freeze()
            if was_enabled:
                gc.enable()

    gc.disable()
    try:
        yield done
    finally:
        done()


def worker_env() -> dict[str, str]:
    """The environment a Ray worker must apply: the policy as this driver resolved it."""
    return {k: os.environ[k] for k in PROCESS_ENV if k in os.environ}


def apply_worker_env(env: dict[str, str]) -> None:
    for key, value in env.items():
        os.environ.setdefault(key, value)


def spark_python() -> None:
    """Spark's Python workers must run this interpreter (the venv's), not whatever `python3` is on PATH."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)


def quiet_libraries() -> None:
    """No per-load progress bars or deprecation chatter from transformers/peft/mlflow in job output."""
    configure_process()
    warnings.filterwarnings("ignore", category=FutureWarning)
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except ImportError:  # pragma: no cover - transformers is a dependency; keep the CLI usable without it
        pass


CRASH_ENV = "TUNEHOUSE_CRASH_AT"


def crash_point(name: str) -> None:
    """Test hook: SIGKILL this process here when ``TUNEHOUSE_CRASH_AT`` equals ``name``.

    Why it exists: the crash-safety probe (benchmarks/reliability/crash.py) must kill a real job at an exact
    moment of its writes (between two Delta commits, after the parquet files but before the commit, between the
    commit and the JSONL export) to prove that what is left is readable and that a re-run recovers. A kill after
    a random delay rarely lands there. SIGKILL (not an exception) so no ``finally``/``atexit`` cleanup runs,
    just as when a node dies. Unset (always, outside that probe) it is one dictionary lookup.
    """
    if os.environ.get(CRASH_ENV) == name:
        import signal

        sys.stdout.flush()
        os.kill(os.getpid(), signal.SIGKILL)
