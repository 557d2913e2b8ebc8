"""The fuzz probe (benchmarks/reliability/fuzz.py) at the test suite's size: the nasty corpus through each command's
reader and the real ingest job, every record accounted for exactly once, no crash, bounded memory."""

from __future__ import annotations

import pytest
from reliability import fuzz
from reliability.fuzz_corpus import nasty_corpus

RSS_GROWTH_BOUND_MB = 400  # reading the 10 MB message and 100k-deep JSON: measured ~200 MB over the resident size
# after the imports, far below a runaway copy per nesting level or line
RSS_PEAK_BOUND_MB = 1500  # what it takes now (tens of MB), far below a runaway copy per nesting level


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("fuzz")
    return workdir, fuzz.build_corpus(workdir, quick=True)


def _assert_clean(tally: fuzz.Tally) -> None:
    assert tally.records > 0
    assert tally.crashes == 0, "\n".join(tally.problems[:5])
    assert tally.unaccounted == 0, "\n".join(tally.problems[:10])


def test_every_record_accounted_for_by_the_ingest_reader(corpus):
    _assert_clean(fuzz.check_ingest_readers(corpus[1]))


def test_every_record_accounted_for_by_prepare(corpus):
    workdir, cases = corpus
    tally = fuzz.check_prepare(cases, workdir / "prepared")
    _assert_clean(tally)
    # refusals are whole files prepare cannot map or parse, each with an error naming the file
    assert all(".json" in r for r in tally.refusals) and tally.refused <= 4


def test_every_example_accounted_for_by_validate_data(corpus):
    _assert_clean(fuzz.check_validate(corpus[1]))


def test_scrub_stays_line_for_line(corpus):
    workdir, cases = corpus
    _assert_clean(fuzz.check_scrub(cases, workdir / "scrubbed"))


def test_files_changing_while_read(tmp_path):
    _assert_clean(fuzz.check_changing_files(tmp_path, lines=500))


def test_accounting_catches_a_lost_and_a_doubled_record():
    """The checker itself: a missing record, a phantom line and a record both rejected and kept are all caught."""
    assert fuzz.account_rows([1, 2, 3], [(1, True), (1, True), (2, False)]) == ["record at line 3: no row"]
    assert len(fuzz.account_rows([1], [(1, True), (1, False), (5, True)])) == 2


@pytest.mark.slow
def test_peak_memory_on_huge_and_deep_inputs_is_bounded(tmp_path):
    cases = nasty_corpus(tmp_path)
    peak, growth = fuzz.peak_rss_mb([c.path for c in cases if c.name in fuzz.BIG_CASES])
    assert growth < RSS_GROWTH_BOUND_MB and peak < RSS_PEAK_BOUND_MB, (peak, growth)


@pytest.mark.slow
def test_ingest_job_accounts_for_the_whole_corpus(spark, settings, corpus):
    """One ingest job over every corpus file: each record is in bronze (or a duplicate of a message there) or
    one row of the quarantine, and the job's counts reconcile."""
    workdir, cases = corpus
    _assert_clean(fuzz.ingest_corpus(spark, settings, workdir / "corpus", cases))
