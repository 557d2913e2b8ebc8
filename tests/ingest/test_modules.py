"""Reading and checking records is plain Python: the readers, record shapes and normalisation load
without Spark (they run inside Spark's Python workers, and their unit tests need no session)."""

from __future__ import annotations

import subprocess
import sys


def test_readers_import_no_spark():
    code = ("import sys, tunehouse.ingest.readers, tunehouse.ingest.shapes, tunehouse.ingest.normalize; "
            "print(sorted(m for m in ('pyspark', 'pyarrow', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_job_keeps_its_entry_points():
    from tunehouse.ingest import job

    assert callable(job.ingest) and callable(job.discover_files)
