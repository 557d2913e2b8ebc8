"""A tunehouse command run as the program makes its start-up with the garbage collector off and leaves those
objects frozen (``gc.freeze``), then gives the collector back as it found it; a host calling ``cli.main(argv)`` is left
alone (``tunehouse.runtime.start_up_without_gc``, used by ``cli.main`` and ``tunehouse scrub``)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tunehouse import cli

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("enabled_before", [True, False])
def test_a_scrub_process_freezes_its_start_up_and_restores_the_collector(tmp_path, enabled_before):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"text": "Hi, I'm Anna Kowalski."}) + "\n")
    code = ("import gc, json, sys\n"
            f"{'' if enabled_before else 'gc.disable()'}\n"
            "from tunehouse.cli import main\n"
            "frozen_before = gc.get_freeze_count()\n"
            f"sys.argv = ['tunehouse', 'scrub', '--fast', {str(src)!r}, {str(dst)!r}]\n"
            "rc = main()\n"
            "print(json.dumps([rc, frozen_before, gc.get_freeze_count(), gc.isenabled()]))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "lib")))
    assert proc.returncode == 0, proc.stderr
    rc, frozen_before, frozen_after, enabled_after = json.loads(proc.stdout.strip().splitlines()[-1])
    assert rc == 0 and "<PERSON_1>" in dst.read_text()
    assert frozen_before == 0 and frozen_after > 10_000  # the settings, pydantic and the command's modules
    assert enabled_after is enabled_before


def test_a_host_that_calls_main_keeps_its_collector_as_it_was(tmp_path):
    """A test or notebook calling ``main(argv)``: nothing frozen, the collector as it was, on success and failure."""
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"text": "Hi, I'm Anna Kowalski."}) + "\n")
    frozen = gc.get_freeze_count()
    assert cli.main(["scrub", "--fast", str(src), str(dst)]) == 0
    with pytest.raises(SystemExit):
        cli.main(["scrub", "--no-such-option"])
    assert gc.isenabled() and gc.get_freeze_count() == frozen
