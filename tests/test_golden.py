"""Golden outputs frozen before the package re-layout: a refactor must not change what users see.

The files under tests/golden/ are written by ``python tests/golden/capture.py [--dataset]``; a change that
is meant to alter one of them re-captures it in the same commit and says why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden import capture

GOLDEN = Path(__file__).parent / "golden"


def test_help_texts_unchanged():
    texts = capture.help_texts()
    stored = {p.stem: p.read_text(encoding="utf-8") for p in (GOLDEN / "help").glob("*.txt")}
    assert sorted(texts) == sorted(stored), "subcommands added or removed"
    changed = [name for name in texts if texts[name] != stored[name]]
    assert not changed, f"--help changed for {changed}; re-capture if intended"


def test_scrubber_spans_unchanged(tmp_path):
    stored = [json.loads(line) for line in (GOLDEN / "scrubber_spans.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = capture.corpus_texts(tmp_path)
    assert texts == [r["text"] for r in stored], "the fixed corpus changed"
    now = capture.scrubber_spans(texts)
    diffs = [(r["text"], r["spans"], n["spans"]) for r, n in zip(stored, now) if r["spans"] != n["spans"]]
    assert not diffs, f"{len(diffs)} texts scrubbed differently, e.g. {diffs[:3]}"


@pytest.mark.slow
def test_dataset_fingerprint_unchanged(tmp_path):
    stored = json.loads((GOLDEN / "dataset_fingerprint.json").read_text())
    assert capture.dataset_fingerprint(tmp_path) == stored["dataset_version"]
