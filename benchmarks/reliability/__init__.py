"""Reliability probes: each module tries to break one property and counts what survived.

One module per part of issue 13, each with the same entry point, used by both the test suite
(``tests/reliability``, which asserts on the counts) and ``benchmarks/bench_reliability.py`` (which prints them):

    def run(workdir: pathlib.Path, *, quick: bool = False) -> dict[str, int]

``workdir`` is an empty directory the probe owns (storage roots, input files, logs); ``quick`` is the size the
test suite runs (seconds to a minute or two); the full size is what the benchmark prints. The returned keys are
the figures of ``PARTS`` below: how many things were tried and how many of them failed the property.
"""

from __future__ import annotations

# module name -> (figure tried, figure failed); a probe returns at least these two keys (more are printed too)
PARTS: dict[str, tuple[str, str]] = {
    "fuzz": ("records_fuzzed", "records_unaccounted"),
    "crash": ("crash_points_tried", "crash_points_not_recovered"),
    "train_faults": ("worker_kills", "worker_kills_not_recovered"),
    "serving_load": ("requests_sent", "responses_5xx"),
    "pii_probes": ("pii_planted", "pii_leaked"),
    "secret_leaks": ("secrets_planted", "secrets_found_in_logs"),
}
