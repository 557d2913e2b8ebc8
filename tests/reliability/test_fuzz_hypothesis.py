"""Property-based fuzzing (hypothesis) of the pure-Python reading layer of ingest, prepare, validate-data and scrub:
every input record is accounted for exactly once (a row or rows, or one reject with a reason), nothing but a
reject comes out of a hostile value, and what is accepted can be stored (Arrow, the ingest job's schema)."""

from __future__ import annotations

import csv
import io
import json
import string

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tunehouse.ingest import source as ingest_source
from tunehouse.ingest.normalize import CANONICAL, Reject, normalize_record
from tunehouse.ingest.readers import csv_records, read_jsonl_chunk
from tunehouse.ingest.settings import IngestSettings
from tunehouse.ingest.shapes import rows_from_record
from tunehouse.pii.jsonl import scrub_jsonl
from tunehouse.tasks.reader import open_source
from tunehouse.training.preflight import validate_file

CFG = IngestSettings()
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])



def _records(nasty_strings: list[str]):
    """JSON-ish records, hostile values included: huge/negative numbers, NaN, control characters, nesting."""
    scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**80), max_value=2**80),
                        st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
                        st.sampled_from(["user", "agent", "wizard", "", " ", "2024-03-05", "1e309", "\x00",
                                         *nasty_strings]))
    values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
    keys = st.sampled_from([*CANONICAL, "messages", "weight", "conv_id", "sender", "text", "seq", "timestamp", "id"])
    return values, st.dictionaries(keys, values, max_size=7)


# what a reader hands on (the readers reject a lone surrogate before: see test_fuzz_regressions)
values, records = _records([])
# what a file may hold: a lone surrogate too
_, raw_records = _records(["\ud800", "\udfff"])

# raw JSONL lines: valid records, byte soup, and records cut short; never a newline inside (one line, one record)
line_bytes = st.one_of(
    raw_records.map(lambda r: json.dumps(r, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    raw_records.map(lambda r: json.dumps(r).encode()),  # ASCII: surrogates as \\ud800 escapes
    st.binary(min_size=1, max_size=60),
    raw_records.flatmap(lambda r: st.integers(0, 200).map(lambda n: json.dumps(r).encode()[:n])),
).map(lambda b: b.replace(b"\n", b" ")).filter(lambda b: b.strip())


def _arrow_ok(rows: list[dict]) -> None:
    """What a reader yields must convert to the ingest job's Arrow schema (a failure there kills the job)."""
    pa.RecordBatch.from_pylist(rows, schema=ingest_source.raw_arrow_schema())


@FUZZ
@given(records)
def test_normalize_accepts_or_rejects_and_what_it_accepts_is_storable(rec):
    try:
        row = normalize_record(rec, CFG)
    except Reject as r:
        assert r.code and r.reason
        return
    assert isinstance(row["conversation_id"], str) and isinstance(row["content"], str)
    assert row["message_index"] is None or 0 <= row["message_index"] < 2**63
    _arrow_ok([{**row, "ok": True, "source_file": "f", "source_line": 1, "source_format": "jsonl"}])


@FUZZ
@given(st.one_of(records, values))
def test_rows_from_any_record_are_all_good_or_one_reject(rec):
    raw = json.dumps(rec, default=str)
    rows = list(rows_from_record(rec, raw, "jsonl", "f.jsonl", 7, CFG))
    assert rows and all(r["source_line"] == 7 for r in rows)
    assert all(r["ok"] for r in rows) or (len(rows) == 1 and rows[0]["reason_code"] and rows[0]["reason"])
    _arrow_ok(rows)


def _write_lines(tmp_path, lines: list[bytes], blank_after: set[int]) -> tuple:
    body, expected = [], []
    for i, line in enumerate(lines):
        body.append(line)
        expected.append(len(body))
        if i in blank_after:
            body.append(b"  ")
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(body) + b"\n")
    return path, expected


@FUZZ
@given(st.lists(line_bytes, min_size=1, max_size=12), st.sets(st.integers(0, 11)), st.integers(8, 200))
def test_jsonl_lines_accounted_once_by_ingest_at_any_chunk_size(tmp_path, monkeypatch, lines, blanks, chunk):
    """Chunked like the Spark source (a tiny CHUNK_BYTES: lines cross chunk ends), every line is rows or one reject."""
    path, expected = _write_lines(tmp_path, lines, blanks)
    monkeypatch.setattr(ingest_source, "CHUNK_BYTES", chunk)
    rows = []
    for c in ingest_source.plan_partitions([(path, "jsonl")]):
        rows += list(read_jsonl_chunk(c.path, c.fmt, c.start, c.end, c.first_line, CFG))
    by_line: dict[int, list[bool]] = {}
    for r in rows:
        by_line.setdefault(r["source_line"], []).append(r["ok"])
    assert sorted(by_line) == expected
    assert all(all(oks) or len(oks) == 1 for oks in by_line.values())
    _arrow_ok(rows)


@FUZZ
@given(st.lists(line_bytes, min_size=1, max_size=12), st.sets(st.integers(0, 11)))
def test_jsonl_lines_accounted_once_by_prepare_validate_and_scrub(tmp_path, lines, blanks):
    path, expected = _write_lines(tmp_path, lines, blanks)
    prepared = list(open_source(str(path)).rows())
    assert [r.line for r in prepared] == expected
    assert all((r.record is None) != (r.reject is None) for r in prepared)

    report = validate_file(path, max_errors_listed=10**6)
    with_errors = {e["line"] for e in report.errors if e["line"] is not None}
    assert report.stats["valid_examples"] + len(with_errors) == report.stats["examples"]
    assert with_errors <= set(expected)

    out = tmp_path / "out.jsonl"
    summary = scrub_jsonl(path, out)
    out_lines = out.read_bytes().split(b"\n")[:-1]
    assert len(out_lines) == summary["lines"] == path.read_bytes().count(b"\n")  # line for line
    bad = {b["line"] for b in summary["bad_lines"]}
    assert all(out_lines[n - 1] == b"null" for n in bad)
    assert summary["scrubbed"] + len(bad) == sum(1 for line in out_lines if line.strip())


csv_fields = st.text(alphabet=string.ascii_letters + ' ,;"\n\r\t\x00é日', max_size=12)


@FUZZ
@given(st.lists(st.lists(csv_fields, min_size=3, max_size=3), min_size=1, max_size=8))
def test_csv_written_by_any_writer_reads_back_record_for_record(rows):
    """Quotes, delimiters, embedded newlines and NULs: each record comes back whole, on the line it starts on."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf)  # "\r\n" ends a record: a field with "\r" or "\n" is quoted
    writer.writerow(["conversation_id", "role", "content"])
    starts = []
    for r in rows:
        starts.append(buf.getvalue().count("\n") + buf.getvalue().count("\r") - buf.getvalue().count("\r\n") + 1)
        writer.writerow(r)
    header, recs = csv_records(buf.getvalue(), ",")
    got = list(recs)
    assert header == ["conversation_id", "role", "content"]
    assert [(line, fields) for line, fields, _, reject in got] == list(zip(starts, rows))
    assert all(reject is None for *_, reject in got)


@FUZZ
@given(st.lists(csv_fields, min_size=1, max_size=20), st.integers(1, 60))
def test_csv_cut_anywhere_is_records_or_rejects_never_an_error(fields, cut):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["a", "b", "c"])
    for i in range(0, len(fields), 3):
        writer.writerow(fields[i:i + 3])
    text = buf.getvalue()
    header, recs = csv_records(text[: len("a,b,c\n") + cut], ",")
    for line, row, raw, reject in recs:
        assert line >= 2
        assert reject is None or reject[0] in ("bad_csv_row", "unterminated_quote", "invalid_utf8")
