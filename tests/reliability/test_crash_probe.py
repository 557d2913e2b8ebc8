"""The crash probe at the test suite's size: the real CLI in subprocesses, SIGKILLed (benchmarks/reliability/crash.py).

Slow (about four JVM starts on a tiny log set): an uninterrupted ingest, an ingest killed between its bronze
and quarantine commits then re-run, and two ingests started at once on fresh tables."""

from __future__ import annotations

import json

import pytest
from reliability import PARTS, crash


@pytest.mark.slow
def test_killed_and_concurrent_ingests_leave_clean_tables_and_recover(tmp_path):
    fig = crash.run(tmp_path, quick=True)
    notes = json.loads((tmp_path / "notes.json").read_text())["notes"]
    tried, failed = PARTS["crash"]
    assert fig[tried] >= 1
    assert fig[failed] == 0, notes
    assert fig["concurrent_runs"] == fig["concurrent_runs_clean"] == 1, notes
