"""One writer per table at a time (local mode): an advisory ``flock`` per table, held for a whole job.

Why: local writes go through delta-rs, whose optimistic concurrency lets two *appends* both commit. Ingest's
insert-only MERGE is an anti-join against the table followed by an append, so two ingests of the same files
run at once would both find the rows new and both append them (duplicate keys in bronze); two curations would
interleave their overwrites of silver and gold (a gold table from one run next to the silver of the other).
So each job takes the lock files of the tables it writes, in name order (no deadlock), before it reads them.

``flock`` locks belong to the open file: the kernel drops them when the process dies, even by SIGKILL, so a
crashed job never leaves a stale lock behind. The file's text (which job, pid, since when) is only for the
message the next job prints.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from tunehouse.errors import UserError

LOCK_DIR = "_locks"  # under the lakehouse root; Lakehouse.tables() lists folders only, so it is never a table


class TableBusyError(UserError):
    """Another tunehouse job holds the write lock of a table."""


@contextmanager
def table_locks(root: Path, tables: list[str], job: str, wait_s: float = 0.0) -> Iterator[None]:
    """Hold the write locks of ``tables`` (``schema.table`` names) for the ``with`` block.

    Waits up to ``wait_s`` seconds for each, then raises :class:`TableBusyError` naming the table and who holds
    it."""
    folder = Path(root) / LOCK_DIR
    folder.mkdir(parents=True, exist_ok=True)
    held = []
    try:
        for table in sorted(set(tables)):
            held.append(_acquire(folder / f"{table}.lock", table, job, wait_s))
        yield
    finally:
        for f in reversed(held):
            fcntl.flock(f, fcntl.LOCK_UN)
            f.close()


def _acquire(path: Path, table: str, job: str, wait_s: float):
    f = open(path, "a+")
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                f.seek(0)
                holder = f.read().strip() or "another process"
                f.close()
                raise TableBusyError(
                    f"{table} is being written by another tunehouse job ({holder}); nothing was written by this "
                    f"{job}. Run it again when that one has finished, or let it wait: "
                    f"--set lakehouse.lock_wait_s=SECONDS (lock file {path})") from None
            time.sleep(min(0.5, max(0.0, deadline - time.monotonic())))
    f.seek(0)
    f.truncate()
    f.write(f"{job}, pid {os.getpid()}, since {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
    f.flush()
    return f
