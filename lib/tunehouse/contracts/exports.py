"""The export layout, in one place: what `tunehouse curate` writes and training, evaluation and users read.

    <storage.root>/exports/
        LATEST                       the dataset version of the last curate run
        <dataset_version>/
            train.jsonl  validation.jsonl  test.jsonl    chat JSONL, one {"messages": [...]} per line
            manifest.json            dataset version, gold table and version, rows and sha256 per file
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from tunehouse.contracts.chat import SPLITS

LATEST_POINTER = "LATEST"
MANIFEST = "manifest.json"


def split_file(split: str) -> str:
    """The file name of one split: train.jsonl, validation.jsonl, test.jsonl."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; one of {SPLITS}")
    return f"{split}.jsonl"


def file_sha256(path: str | Path) -> str:
    """sha256 of a file, streamed (exports can be large)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def latest_export(exports_root: Path) -> Path | None:
    """The dataset folder of the last `tunehouse curate` (the LATEST pointer it writes), else the newest
    folder with a train.jsonl."""
    root = Path(exports_root)
    pointer = root / LATEST_POINTER
    if pointer.is_file():
        folder = root / pointer.read_text().strip()
        if (folder / split_file("train")).is_file():
            return folder
    candidates = sorted(root.glob("*/train.jsonl"), key=lambda p: (p.stat().st_mtime, str(p)))
    return candidates[-1].parent if candidates else None
