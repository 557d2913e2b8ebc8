"""Ingestion into bronze: mapping, quarantine reasons, reconciled counts, idempotency."""

import json

import pytest
from deltalake import DeltaTable

from tunehouse.config import IngestSettings
from tunehouse.ingest import BRONZE_MESSAGES, BRONZE_QUARANTINE, Reject, ingest, normalize_record, plan_partitions

CFG = IngestSettings()


def row(**kw):
    base = {"conv_id": "c1", "seq": 0, "sender": "customer", "text": "hello", "sent_at": "2024-01-02T03:04:05Z"}
    base.update(kw)
    return base


@pytest.mark.parametrize(
    "rec, code",
    [
        (row(sender="supervisor"), "unknown_role"),
        (row(sender=None), "missing_role"),
        (row(conv_id=""), "missing_conversation_id"),
        (row(seq="abc"), "bad_message_index"),
        (row(text=["a"]), "bad_content_type"),
        (row(text=None), "missing_content"),
        (row(text="   "), "empty_content"),
        (row(text="x" * 20_001), "content_too_long"),
        (row(sent_at="yesterday"), "bad_created_at"),
        (row(csat=9), "bad_csat"),
        ([1, 2], "not_an_object"),
    ],
)
def test_normalize_rejects_with_reason(rec, code):
    with pytest.raises(Reject) as e:
        normalize_record(rec, CFG)
    assert e.value.code == code and e.value.reason


def test_normalize_maps_columns_and_roles():
    out = normalize_record(row(sender="Agent", csat="4", seq="3"), CFG)
    assert out["role"] == "assistant" and out["csat"] == 4 and out["message_index"] == 3
    assert out["created_at"].year == 2024 and out["created_at"].tzinfo is not None
    # canonical names need no mapping, "N/A" csat is simply unknown
    canon = normalize_record({"conversation_id": "x", "role": "user", "content": "hi", "csat": "N/A"}, CFG)
    assert canon["conversation_id"] == "x" and canon["csat"] is None and canon["message_index"] is None


def test_jsonl_chunks_keep_exact_line_numbers(tmp_path, monkeypatch):
    import tunehouse.ingest as ing

    p = tmp_path / "big.jsonl"
    lines = [json.dumps(row(seq=i, text=f"message {i} " + "y" * (i % 50))) for i in range(500)]
    p.write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(ing, "CHUNK_BYTES", 4096)
    parts = plan_partitions([(p, "jsonl")])
    assert len(parts) > 3
    seen = []
    for c in parts:
        seen += [(r["source_line"], r["message_index"]) for r in ing.read_jsonl_chunk(c.path, c.fmt, c.start, c.end, c.first_line, CFG)]
    assert seen == [(i + 1, i) for i in range(500)]


def _write_raw(tmp_path):
    good = [row(conv_id="A", seq=0, text="Hi, I need to change my flight to Rome", csat=5),
            row(conv_id="A", seq=1, sender="agent", agent_id="agent_01", text="Sure, which date?", csat=5),
            row(conv_id="B", seq=0, text="Refund please")]
    bad_lines = [
        json.dumps(row(conv_id="A", seq=2, sender="supervisor")),  # unknown role
        '{"conv_id": "A", "seq": 3, "sender": "agent",',          # truncated JSON
        json.dumps(row(conv_id="B", seq="one")),                   # non-integer index
        json.dumps(row(conv_id="B", seq=1, text=42)),              # wrong type
    ]
    p = tmp_path / "export.jsonl"
    with open(p, "wb") as f:
        for r in good:
            f.write(json.dumps(r).encode() + b"\n")
        f.write(b"\n")  # blank line: not a record
        for ln in bad_lines:
            f.write(ln.encode() + b"\n")
        f.write(b'{"conv_id": "C", "seq": 0, "sender": "customer", "text": "caf\xe9"}\n')  # invalid UTF-8
    c = tmp_path / "export.csv"
    c.write_text('conv_id,seq,sender,text,sent_at\nD,0,customer,"multi\nline, with comma",2024-01-01 10:00:00\n'
                 'D,1,agent,"He said ""hi""",2024-01-01 10:01:00\nD,2,agent\n')
    return p, c


def test_ingest_end_to_end_quarantine_and_idempotent(spark, settings, lakehouse, tmp_path):
    p, c = _write_raw(tmp_path)
    s1 = ingest(spark, settings, [p, c], lakehouse=lakehouse)
    assert s1.read == 3 + 5 + 3 and s1.reconciled
    assert (s1.ingested, s1.duplicates_skipped, s1.quarantined) == (5, 0, 6)
    assert s1.quarantine_reasons == {"unknown_role": 1, "invalid_json": 1, "bad_message_index": 1,
                                     "bad_content_type": 1, "invalid_utf8": 1, "bad_csv_row": 1}
    bronze = DeltaTable(str(lakehouse.path(BRONZE_MESSAGES))).to_pandas()
    assert len(bronze) == 5
    d1 = bronze[(bronze.conversation_id == "D") & (bronze.message_index == 0)].iloc[0]
    assert d1.content == "multi\nline, with comma" and d1.role == "user" and d1.source_line == 2
    assert set(bronze.role) == {"user", "assistant"}
    q = DeltaTable(str(lakehouse.path(BRONZE_QUARANTINE))).to_pandas().set_index("reason_code")
    assert q.loc["invalid_json", "source_line"] == 6 and q.loc["invalid_json", "raw_payload"].startswith('{"conv_id": "A"')
    assert q.loc["invalid_utf8", "source_line"] == 9 and "\\xe9" in q.loc["invalid_utf8", "raw_payload"]
    assert q.loc["unknown_role", "source_file"].endswith("export.jsonl")
    v_b, v_q = lakehouse.version(BRONZE_MESSAGES), lakehouse.version(BRONZE_QUARANTINE)

    s2 = ingest(spark, settings, [p, c], lakehouse=lakehouse)
    assert (s2.read, s2.ingested, s2.duplicates_skipped, s2.quarantined) == (11, 0, 5, 6) and s2.reconciled
    assert lakehouse.version(BRONZE_MESSAGES) == v_b and lakehouse.version(BRONZE_QUARANTINE) == v_q
    assert len(DeltaTable(str(lakehouse.path(BRONZE_QUARANTINE))).to_pandas()) == 6


def test_ingest_chat_jsonl_and_parquet(spark, settings, lakehouse, tmp_path):
    import pandas as pd

    chat = tmp_path / "chat.jsonl"
    chat.write_text(
        json.dumps({"messages": [{"role": "system", "content": "Be nice"}, {"role": "user", "content": "Hi"},
                                 {"role": "assistant", "content": "Hello!", "weight": 1}]}) + "\n"
        + json.dumps({"messages": [{"role": "robot", "content": "?"}]}) + "\n"
        + json.dumps({"messages": "nope"}) + "\n"
    )
    pq_path = tmp_path / "export.parquet"
    pd.DataFrame([row(conv_id="P", seq=0), row(conv_id="P", seq=1, sender="agent", text="ok")]).to_parquet(pq_path)
    s = ingest(spark, settings, [chat, pq_path], lakehouse=lakehouse)
    assert s.reconciled and s.ingested == 5 and s.quarantined == 2
    assert s.quarantine_reasons == {"unknown_role": 1, "bad_messages": 1}
    b = lakehouse.read(BRONZE_MESSAGES).toPandas()
    chat_rows = b[b.conversation_id.str.startswith("chat-")].sort_values("message_index")
    assert list(chat_rows.role) == ["system", "user", "assistant"] and list(chat_rows.weight.fillna(-1)) == [-1, -1, 1.0]
    again = ingest(spark, settings, [chat], lakehouse=lakehouse)
    assert again.ingested == 0 and again.duplicates_skipped == 3


def test_missing_index_is_derived_from_time_order(spark, settings, lakehouse, tmp_path):
    p = tmp_path / "noseq.jsonl"
    rows = [{"conv_id": "Z", "sender": "agent", "text": "second", "sent_at": "2024-01-01T10:01:00Z"},
            {"conv_id": "Z", "sender": "customer", "text": "first", "sent_at": "2024-01-01T10:00:00Z"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    ingest(spark, settings, [p], lakehouse=lakehouse)
    b = lakehouse.read(BRONZE_MESSAGES).toPandas().sort_values("message_index")
    assert list(b.content) == ["first", "second"] and list(b.message_index) == [0, 1]


def test_cli_ingest_bad_path_is_clear_error(tmp_path, capsys):
    from tunehouse.cli import main

    rc = main(["ingest", str(tmp_path / "missing.jsonl"), "--set", f"storage.root={tmp_path}"])
    assert rc == 2
    assert "no such file" in capsys.readouterr().err


def test_csv_every_record_with_bad_bytes_is_quarantined(tmp_path):
    from tunehouse.ingest import read_csv_file

    p = tmp_path / "bad.csv"
    p.write_bytes(b"conv_id,seq,sender,text\nA,0,customer,caf\xe9\nA,1,agent,fine\nA,2,customer,na\xefve\n"
                  b"conv_id,seq,sender,text\n")
    rows = list(read_csv_file(str(p), CFG))
    codes = [(r["source_line"], r["reason_code"]) for r in rows]
    assert codes == [(2, "invalid_utf8"), (3, None), (4, "invalid_utf8"), (5, "repeated_header")]
    assert "\\xe9" in rows[0]["raw_payload"]
