"""`tunehouse scrub` hands the learned model a file's texts in large chunks: the model sorts a chunk's windows by
length before batching them, and with 256-line chunks each chunk's ~60 texts made one batch padded to its longest."""

from __future__ import annotations

import json

from tunehouse.pii.jsonl import CHUNK_LINES, scrub_jsonl
from tunehouse.pii.scrubber import Scrubber


class _CountingScrubber(Scrubber):
    """The rules scrubber, recording how many texts each ``detect_batch`` call (one model pass) gets."""

    def __init__(self):
        super().__init__()
        self.batches: list[int] = []

    def detect_batch(self, texts):
        self.batches.append(len(texts))
        return super().detect_batch(texts)


def test_a_file_of_some_thousand_lines_is_detected_in_one_batch(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    texts = [f"Message {i}: call Anna on +44 20 7946 {i % 10000:04d}" for i in range(1500)]
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    scrubber = _CountingScrubber()
    summary = scrub_jsonl(src, dst, scrubber=scrubber)
    assert CHUNK_LINES >= 1500 and [n for n in scrubber.batches if n] == [1500]  # (no conversations: 0)
    assert summary["scrubbed"] == 1500
    out = [json.loads(line)["text"] for line in dst.read_text().splitlines()]
    assert out == [Scrubber().scrub_text(t)[0] for t in texts]  # line for line, as scrubbed one by one
