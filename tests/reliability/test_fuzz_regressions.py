"""Regressions found by the malformed-input fuzzing (issue 13): each hostile input the readers once crashed on is
now a reject with a reason (file and line), for ingest, prepare, validate-data and scrub alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tunehouse.ingest.readers import read_csv_file, read_json_document, read_jsonl_chunk
from tunehouse.ingest.settings import IngestSettings
from tunehouse.pii.jsonl import scrub_jsonl
from tunehouse.tasks.reader import open_source
from tunehouse.training.preflight import validate_file

DEEP = "[" * 100_000 + "]" * 100_000  # deeper than the interpreter's recursion limit
HUGE_INT = "9" * 5000  # more digits than int() converts (4300)


def _hostile_lines(tmp_path: Path, value: str) -> Path:
    p = tmp_path / "in.jsonl"
    good = json.dumps({"conversation_id": "c1", "role": "user", "content": "hello", "text": "hi",
                       "messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]})
    p.write_text(f'{good}\n{{"conversation_id": "c2", "role": "user", "content": {value}}}\n{good}\n')
    return p


@pytest.mark.parametrize("value", [DEEP, HUGE_INT], ids=["deeply_nested", "5000_digit_int"])
def test_json_parse_limits_are_rejects_with_their_line(tmp_path, value):
    p = _hostile_lines(tmp_path, value)
    rows = list(read_jsonl_chunk(str(p), "jsonl", 0, -1, 1, IngestSettings()))
    bad = [r for r in rows if not r["ok"]]
    assert [(r["source_line"], r["reason_code"]) for r in bad] == [(2, "invalid_json")]
    assert "invalid JSON" in bad[0]["reason"]

    prepared = list(open_source(str(p)).rows())
    assert [(r.line, r.reject[0]) for r in prepared if r.reject] == [(2, "invalid_json")]

    report = validate_file(p)
    assert [(e["line"], e["code"]) for e in report.errors if e["code"] == "invalid_json"] == [(2, "invalid_json")]

    summary = scrub_jsonl(p, tmp_path / "out.jsonl")
    assert [b["line"] for b in summary["bad_lines"]] == [2]
    assert (tmp_path / "out.jsonl").read_text().splitlines()[1] == "null"


@pytest.mark.parametrize("value", [DEEP, HUGE_INT], ids=["deeply_nested", "5000_digit_int"])
def test_json_document_parse_limits(tmp_path, value):
    p = tmp_path / "doc.json"
    p.write_text(f'[{{"conversation_id": "c", "role": "user", "content": {value}}}]')
    rows = list(read_json_document(str(p), IngestSettings()))
    assert [(r["ok"], r["reason_code"]) for r in rows] == [(False, "invalid_json")]


def test_prepare_cells_with_parse_limits_are_type_errors():
    from tunehouse.ingest.normalize import Reject
    from tunehouse.tasks.base import Column, convert

    for cell in (DEEP, f"[{HUGE_INT}]", HUGE_INT):
        with pytest.raises(Reject) as err:
            convert(Column("Labels", "int_list"), "cell", cell)
        assert err.value.code == "bad_type_labels"


def _csv_rows(p: Path) -> list[tuple[int, bool, str | None]]:
    return [(r["source_line"], r["ok"], r["reason_code"]) for r in read_csv_file(str(p), IngestSettings())]


def test_csv_field_over_the_module_limit_is_quarantined_not_a_crash(tmp_path):
    p = tmp_path / "big.csv"
    p.write_text(f'conversation_id,role,content\nc,user,"{"x" * 5_000_000}"\nc,agent,hi\n')
    assert _csv_rows(p) == [(2, False, "content_too_long"), (3, True, None)]
    assert [(r.line, r.reject and r.reject[0]) for r in open_source(str(p)).rows()] == [(2, None), (3, None)]


def test_csv_quote_left_open_at_the_end_is_rejected_not_swallowing_the_rest(tmp_path):
    p = tmp_path / "truncated.csv"
    p.write_text('conversation_id,role,content\nc,user,"multi\nline ""quoted"" ok"\nc,agent,"truncated mid-fi\n'
                 'c,user,this line was swallowed\n')
    assert _csv_rows(p) == [(2, True, None), (4, False, "unterminated_quote")]
    assert [(r.line, r.reject and r.reject[0]) for r in open_source(str(p)).rows()] == [
        (2, None), (4, "unterminated_quote")]
    closed = tmp_path / "closed.csv"  # the same text with its quote closed is one valid (multi-line) record
    closed.write_text(p.read_text() + '"\n')
    assert _csv_rows(closed) == [(2, True, None), (4, True, None)]


def test_lone_surrogate_escapes_are_invalid_utf8_rejects(tmp_path):
    """json.loads turns "\\ud800" into a lone surrogate, which Arrow (the ingest job), prepare's and scrub's UTF-8
    writers fail on; a proper pair ("\\ud83d\\ude00") is one emoji and stays valid."""
    p = tmp_path / "surrogates.jsonl"
    lines = ['{"conversation_id": "c", "role": "user", "content": "a\\ud800b", "text": "a\\ud800b", '
             '"messages": [{"role": "user", "content": "x\\udc00"}, {"role": "assistant", "content": "ok"}]}',
             '{"conversation_id": "c", "role": "user", "content": "\\ud83d\\ude00", "text": "\\ud83d\\ude00", '
             '"messages": [{"role": "user", "content": "\\ud83d\\ude00"}, {"role": "assistant", "content": "ok"}]}']
    p.write_text("\n".join(lines) + "\n")
    rows = list(read_jsonl_chunk(str(p), "jsonl", 0, -1, 1, IngestSettings()))
    assert [(r["source_line"], r["reason_code"]) for r in rows if not r["ok"]] == [(1, "invalid_utf8")]
    assert [r.line for r in open_source(str(p)).rows() if r.reject] == [1]
    assert [(e["line"], e["code"]) for e in validate_file(p).errors if e["code"] == "invalid_utf8"] == [(1, "invalid_utf8")]
    summary = scrub_jsonl(p, tmp_path / "out.jsonl")
    assert [b["line"] for b in summary["bad_lines"]] == [1]
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0] == "null"
    doc = tmp_path / "doc.json"
    doc.write_text("[" + ", ".join(lines) + "]")
    assert [(r["source_line"], r["reason_code"]) for r in read_json_document(str(doc), IngestSettings())
            if not r["ok"]] == [(1, "invalid_utf8")]
    assert [r.line for r in open_source(str(doc)).rows() if r.reject] == [1]


@pytest.mark.parametrize("extra, code", [
    ({"created_at": 1e300}, "bad_created_at"),  # OverflowError in datetime.fromtimestamp
    ({"created_at": -1e20}, "bad_created_at"),
    ({"created_at": "99999999999999999999"}, "bad_created_at"),
    ({"message_index": 2**63}, "bad_message_index"),  # a Delta long: Arrow failed the whole job on it
    ({"message_index": 1e300}, "bad_message_index"),
    ({"conversation_id": {"id": 1}}, "bad_conversation_id"),  # was stored as "{'id': 1}"
    ({"agent_id": ["a", "b"]}, "bad_agent_id"),
    ({"weight": float("nan")}, "bad_weight"),  # json.loads reads NaN / Infinity
])
def test_out_of_range_and_wrong_type_values_are_rejects(tmp_path, extra, code):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"conversation_id": "c", "role": "user", "content": "x"} | extra) + "\n")
    rows = list(read_jsonl_chunk(str(p), "jsonl", 0, -1, 1, IngestSettings()))
    assert [(r["ok"], r["reason_code"]) for r in rows] == [(False, code)]


def test_scrub_keeps_line_for_line_with_lone_carriage_returns(tmp_path):
    p = tmp_path / "cr.jsonl"
    p.write_bytes(b'{"text": "a"}\r{"text": "b"}\n{"text": "mail bob@example.com"}\r\n\n{"text": "c"}\n')
    summary = scrub_jsonl(p, tmp_path / "out.jsonl")
    out = (tmp_path / "out.jsonl").read_bytes().split(b"\n")[:-1]
    assert len(out) == 4 == summary["lines"]  # one output line per "\n"-terminated input line
    assert [b["line"] for b in summary["bad_lines"]] == [1]  # '{..}\r{..}' is one line, not JSON
    assert b"bob@example.com" not in out[1] and out[2] == b"" and json.loads(out[3]) == {"text": "c"}


def test_utf8_bom_on_the_first_jsonl_line_is_not_invalid_json(tmp_path):
    p = tmp_path / "bom.jsonl"
    line = '{"conversation_id": "c", "role": "user", "content": "x", "text": "hi"}\n'
    p.write_bytes(b"\xef\xbb\xbf" + line.encode() + line.encode())
    rows = list(read_jsonl_chunk(str(p), "jsonl", 0, -1, 1, IngestSettings()))
    assert [(r["source_line"], r["ok"]) for r in rows] == [(1, True), (2, True)]
    summary = scrub_jsonl(p, tmp_path / "out.jsonl")
    assert summary["bad_lines"] == [] and summary["scrubbed"] == 2
    assert [r.line for r in open_source(str(p)).rows() if r.reject] == []
    assert not [e for e in validate_file(p).errors if e["code"] == "invalid_json"]
