"""Crash-safety building blocks, each with a real process kill (seconds, no Spark): the named crash point,
the per-table write locks (released by the kernel when the holder is SIGKILLed), the atomic LATEST pointer,
stale export staging, and delta-rs commit conflicts turned into an error naming the table."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tunehouse.errors import UserError
from tunehouse.lakehouse.locks import LOCK_DIR, TableBusyError, table_locks

LIB = str(Path(__file__).resolve().parents[2] / "lib")


def _python(code: str, **env: str) -> subprocess.Popen:
    full = {**os.environ, "PYTHONPATH": LIB, **env}
    return subprocess.Popen([sys.executable, "-c", code], env=full, stdout=subprocess.PIPE, text=True)


def test_crash_point_kills_only_at_its_name():
    code = "from tunehouse.runtime import crash_point; crash_point('a.b'); print('survived', flush=True)"
    killed = _python(code, TUNEHOUSE_CRASH_AT="a.b")
    other = _python(code, TUNEHOUSE_CRASH_AT="c.d")
    assert killed.wait(60) == -signal.SIGKILL and "survived" not in killed.stdout.read()
    assert other.wait(60) == 0 and "survived" in other.stdout.read()


def _holder(root: Path, table: str) -> subprocess.Popen:
    """A process that takes the write lock of ``table`` and keeps it until killed."""
    p = _python(f"import time; from tunehouse.lakehouse.locks import table_locks\n"
                f"with table_locks({str(root)!r}, [{table!r}], 'ingest'):\n"
                f"    print('locked', flush=True); time.sleep(600)")
    assert p.stdout.readline().strip() == "locked"
    return p


def test_second_writer_fails_naming_the_table_and_the_lock_dies_with_its_holder(tmp_path):
    holder = _holder(tmp_path, "bronze.chat_messages")
    try:
        with pytest.raises(TableBusyError) as err:
            with table_locks(tmp_path, ["bronze.quarantine", "bronze.chat_messages"], "ingest"):
                pass
        assert isinstance(err.value, UserError)
        assert "bronze.chat_messages is being written by another tunehouse job" in str(err.value)
        assert f"pid {holder.pid}" in str(err.value) and "lakehouse.lock_wait_s" in str(err.value)
        # the lock it did get (bronze.quarantine) was given back when it failed on the other one
        with table_locks(tmp_path, ["bronze.quarantine"], "curate"):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(60)
    with table_locks(tmp_path, ["bronze.chat_messages"], "ingest"):  # SIGKILL left no stale lock behind
        assert (tmp_path / LOCK_DIR / "bronze.chat_messages.lock").read_text().startswith(f"ingest, pid {os.getpid()}")


def test_a_waiting_writer_serialises_behind_the_holder(tmp_path):
    holder = _holder(tmp_path, "gold.training_examples")
    t0 = time.monotonic()
    killer = subprocess.Popen([sys.executable, "-c", f"import os, time; time.sleep(1.5); os.kill({holder.pid}, 9)"])
    with table_locks(tmp_path, ["gold.training_examples"], "curate", wait_s=60):
        waited = time.monotonic() - t0
    killer.wait(60)
    holder.wait(60)
    assert 1.0 < waited < 30


def test_latest_pointer_is_replaced_atomically_and_stale_staging_removed(tmp_path):
    from tunehouse.curation.export import (
        STAGING_PREFIX,
        remove_stale_staging,
        write_pointer,
    )

    write_pointer(tmp_path, "ds-1")
    write_pointer(tmp_path, "ds-2")
    assert (tmp_path / "LATEST").read_text() == "ds-2\n"
    assert [p.name for p in tmp_path.iterdir()] == ["LATEST"]  # no temporary file left
    (tmp_path / f"{STAGING_PREFIX}dead" / "spark").mkdir(parents=True)
    (tmp_path / "ds-2").mkdir()
    assert remove_stale_staging(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LATEST", "ds-2"]


def _commit(path: Path, name: str, snapshot, mode: str) -> None:
    """Write one parquet file and commit it from ``snapshot`` (an earlier DeltaTable), as a second job would."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq
    from deltalake.transaction import AddAction

    pq.write_table(pa.table({"k": pa.array([1, 2], pa.int64())}), path / name)
    add = AddAction(name, (path / name).stat().st_size, {}, int(time.time() * 1000), True, json.dumps({"numRecords": 2}))
    snapshot.create_write_transaction([add], mode=mode, schema=pa.schema([("k", pa.int64())]))


def test_delta_rs_commits_two_appends_from_one_snapshot_and_refuses_the_second_overwrite(tmp_path):
    """Why ingest and curate lock: two appends read at the same version both commit (an insert-only MERGE run
    twice at once would insert its rows twice); a second overwrite is refused, and the error names the table."""
    import pyarrow as pa
    from deltalake import DeltaTable, write_deltalake
    from tunehouse.lakehouse.delta import TableConflictError, _commit_conflicts_named

    write_deltalake(str(tmp_path), pa.table({"k": pa.array([1, 2], pa.int64())}))
    first, second = DeltaTable(str(tmp_path)), DeltaTable(str(tmp_path))
    _commit(tmp_path, "a.parquet", first, "append")
    _commit(tmp_path, "b.parquet", second, "append")
    assert DeltaTable(str(tmp_path)).to_pyarrow_table().num_rows == 6  # both landed: duplicates without a lock

    first, second = DeltaTable(str(tmp_path)), DeltaTable(str(tmp_path))
    _commit(tmp_path, "c.parquet", first, "overwrite")
    with pytest.raises(TableConflictError, match="silver.dropped: another writer committed") as err:
        with _commit_conflicts_named("silver.dropped"):
            _commit(tmp_path, "d.parquet", second, "overwrite")
    assert isinstance(err.value, UserError)
    assert DeltaTable(str(tmp_path)).to_pyarrow_table().num_rows == 2  # the first overwrite, intact
    with pytest.raises(ValueError, match="unrelated"):  # other errors pass through unchanged
        with _commit_conflicts_named("silver.dropped"):
            raise ValueError("unrelated")
