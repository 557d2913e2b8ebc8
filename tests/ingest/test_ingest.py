"""Ingestion into bronze: mapping, quarantine reasons, reconciled counts, idempotency."""

import json

import pytest
from deltalake import DeltaTable
from tunehouse.contracts.tables import BRONZE_MESSAGES, BRONZE_QUARANTINE
from tunehouse.ingest.job import ingest
from tunehouse.ingest.normalize import Reject, normalize_record
from tunehouse.ingest.settings import IngestSettings
from tunehouse.ingest.source import plan_partitions

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
    import tunehouse.ingest.source as source
    from tunehouse.ingest.readers import read_jsonl_chunk

    p = tmp_path / "big.jsonl"
    lines = [json.dumps(row(seq=i, text=f"message {i} " + "y" * (i % 50))) for i in range(500)]
    p.write_text("\n".join(lines) + "\n")
    monkeypatch.setattr(source, "CHUNK_BYTES", 4096)
    parts = plan_partitions([(p, "jsonl")])
    assert len(parts) > 3
    seen = []
    for c in parts:
        seen += [(r["source_line"], r["message_index"]) for r in read_jsonl_chunk(c.path, c.fmt, c.start, c.end, c.first_line, CFG)]
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


def test_a_message_without_index_never_takes_another_ones_index(spark, settings, lakehouse, tmp_path):
    """Found by the fuzz probe: numbering index-less messages from 0 gave one the index of an explicit message of
    the same conversation, and the (conversation, index) key dropped it as a duplicate. Now they follow the
    highest explicit index, and every message is kept."""
    p = tmp_path / "mixed.jsonl"
    rows = [{"conversation_id": "M", "role": "user", "content": "zero", "message_index": 0},
            {"conversation_id": "M", "role": "assistant", "content": "one", "message_index": 1},
            {"conversation_id": "M", "role": "user", "content": "late", "message_index": None,
             "created_at": "2024-01-01T10:05:00Z"},
            {"conversation_id": "M", "role": "assistant", "content": "later", "created_at": "2024-01-01T10:06:00Z"}]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    summary = ingest(spark, settings, [p], lakehouse=lakehouse)
    b = lakehouse.read(BRONZE_MESSAGES).toPandas().sort_values("message_index")
    assert list(b.content) == ["zero", "one", "late", "later"] and list(b.message_index) == [0, 1, 2, 3]
    assert summary.duplicates_skipped == 0


def test_cli_ingest_bad_path_is_clear_error(tmp_path, capsys):
    from tunehouse.cli import main

    rc = main(["ingest", str(tmp_path / "missing.jsonl"), "--set", f"storage.root={tmp_path}"])
    assert rc == 2
    assert "no such file" in capsys.readouterr().err


def test_csv_every_record_with_bad_bytes_is_quarantined(tmp_path):
    from tunehouse.ingest.readers import read_csv_file

    p = tmp_path / "bad.csv"
    p.write_bytes(b"conv_id,seq,sender,text\nA,0,customer,caf\xe9\nA,1,agent,fine\nA,2,customer,na\xefve\n"
                  b"conv_id,seq,sender,text\n")
    rows = list(read_csv_file(str(p), CFG))
    codes = [(r["source_line"], r["reason_code"]) for r in rows]
    assert codes == [(2, "invalid_utf8"), (3, None), (4, "invalid_utf8"), (5, "repeated_header")]
    assert "\\xe9" in rows[0]["raw_payload"]


# ----------------------------------------------------------------------------- other exports, no mapping needed
@pytest.mark.parametrize(
    "rec, expected",
    [
        # helpdesk export with its own names, mixed case and spaces in the header
        ({"Chat ID": "T-9", "Turn": "2", "Speaker": "Visitor", "Message": "hola", "Timestamp": 1700000000},
         {"conversation_id": "T-9", "message_index": 2, "role": "user", "content": "hola"}),
        # contact-centre direction, a non-numeric turn id and an unknown date format are best effort (None)
        ({"thread_id": "X", "turn": "t-7", "direction": "outbound", "body": "Done!", "date": "7 March"},
         {"conversation_id": "X", "message_index": None, "role": "assistant", "created_at": None}),
        # an alias csat outside 1..5 (a 0-10 score) is unknown, not a quarantined message
        ({"session_id": "S", "author": {"role": "user"}, "content": [{"type": "text", "text": "a"},
                                                                      {"type": "text", "text": "b"}], "rating": 9},
         {"role": "user", "content": "a\nb", "csat": None}),
    ],
)
def test_normalize_finds_columns_by_alias(rec, expected):
    out = normalize_record(rec, CFG)
    assert {k: out[k] for k in expected} == expected


def test_mapped_and_canonical_columns_stay_strict():
    with pytest.raises(Reject, match="message_index"):
        normalize_record({"conversation_id": "a", "message_index": "t-7", "role": "user", "content": "x"}, CFG)
    with pytest.raises(Reject) as e:
        normalize_record({"conversation_id": "a", "role": "user", "content": "x", "csat": 9}, CFG)
    assert e.value.code == "bad_csat"


def test_sharegpt_and_nested_conversation_records():
    from tunehouse.ingest.shapes import rows_from_record

    share = {"id": "sg-1", "conversations": [{"from": "system", "value": "Be brief"},
                                             {"from": "human", "value": "Hi"}, {"from": "gpt", "value": "Hello"}]}
    rows = list(rows_from_record(share, json.dumps(share), "jsonl", "f.jsonl", 3, CFG))
    assert [r["role"] for r in rows] == ["system", "user", "assistant"]
    assert [r["message_index"] for r in rows] == [0, 1, 2] and {r["conversation_id"] for r in rows} == {"sg-1"}
    assert all(r["ok"] and r["source_line"] == 3 for r in rows)
    # conversation attributes reach every message; a message's own value wins
    conv = {"ticket_id": 77, "csat": 5, "channel": "web", "messages": [
        {"sender": "customer", "text": "Where is my refund?"},
        {"sender": "agent", "text": "Sent today.", "channel": "email"}]}
    rows = list(rows_from_record(conv, json.dumps(conv), "json", "f.json", 1, CFG))
    assert [(r["conversation_id"], r["csat"], r["channel"]) for r in rows] == [("77", 5, "web"), ("77", 5, "email")]
    # one bad message quarantines the whole conversation, with the reason and the raw record
    bad = {"id": "b", "messages": [{"role": "user", "content": "hi"}, {"role": "narrator", "content": "..."}]}
    rows = list(rows_from_record(bad, json.dumps(bad), "jsonl", "f.jsonl", 9, CFG))
    assert len(rows) == 1 and rows[0]["reason_code"] == "unknown_role" and rows[0]["conversation_id"] == "b"
    assert json.loads(rows[0]["raw_payload"]) == bad


def test_json_documents_and_delimited_files(tmp_path):
    from tunehouse.ingest.readers import (
        detect_format,
        read_csv_file,
        read_json_document,
    )

    arr = tmp_path / "export.json"
    arr.write_text(json.dumps([{"conversation_id": "A", "role": "user", "content": "hi"},
                               {"conversation_id": "A", "role": "agent", "content": "hello"},
                               "not a record"], indent=2))
    assert detect_format(arr, "auto") == "json"
    rows = list(read_json_document(str(arr), CFG))
    assert [r["ok"] for r in rows] == [True, True, False] and [r["source_line"] for r in rows] == [1, 2, 3]
    assert rows[2]["reason_code"] == "not_an_object"
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"exported": "2024-05-01", "data": [
        {"id": "c", "messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]}]}))
    assert [r["role"] for r in read_json_document(str(wrapped), CFG)] == ["user", "assistant"]
    lines = tmp_path / "lines.json"
    lines.write_text(json.dumps({"conv_id": "L", "sender": "customer", "text": "x"}) + "\n")
    assert detect_format(lines, "auto") == "jsonl"
    broken = tmp_path / "broken.json"
    broken.write_text('[{"conversation_id": "A",\n "role": }]')
    (r,) = read_json_document(str(broken), CFG)
    assert r["reason_code"] == "invalid_json" and "line 2" in r["reason"] and r["raw_payload"]

    semi = tmp_path / "eu.csv"
    semi.write_text("Conversation ID;Sender;Message;Rating\nE1;customer;Bonjour, j'ai une question;4\n"
                    "E1;agent;Bien sûr, allez-y;4\n")
    rows = list(read_csv_file(str(semi), CFG))
    assert [(r["ok"], r["role"], r["csat"]) for r in rows] == [(True, "user", 4), (True, "assistant", 4)]
    assert rows[0]["content"] == "Bonjour, j'ai une question"
    tsv = tmp_path / "log.tsv"
    tsv.write_text("chat_id\tfrom\tvalue\nT\thuman\ta, b, c\n")
    (r,) = list(read_csv_file(str(tsv), CFG))
    assert r["ok"] and r["content"] == "a, b, c" and r["conversation_id"] == "T"


def test_unknown_canonical_column_in_mapping_is_a_config_error():
    from tunehouse.config import ConfigError, load_settings

    with pytest.raises(ConfigError, match="conversation_id"):
        load_settings(overrides=["ingest.column_mapping.conversation=chat_id"])


def test_ingest_other_export_shapes_end_to_end(spark, settings, lakehouse, tmp_path):
    """A JSON array of helpdesk conversations and a ShareGPT JSONL file, ingested with no mapping."""
    doc = tmp_path / "helpdesk.json"
    doc.write_text(json.dumps([
        {"ticket_id": "H1", "rating": 5, "transcript": [
            {"author": "customer", "body": "My bag is lost", "created": "2024-02-01 10:00:00"},
            {"author": "agent", "body": "I have filed a claim for you.", "created": "2024-02-01 10:01:00"}]},
        {"ticket_id": "H2", "transcript": []},
    ]))
    share = tmp_path / "sharegpt.jsonl"
    share.write_text(json.dumps({"id": "S1", "conversations": [{"from": "human", "value": "Visa for Peru?"},
                                                               {"from": "gpt", "value": "Not for EU citizens."}]})
                     + "\n")
    s = ingest(spark, settings, [doc, share], lakehouse=lakehouse)
    assert s.reconciled and (s.read, s.ingested, s.quarantined) == (5, 4, 1)
    assert s.quarantine_reasons == {"bad_messages": 1}
    b = lakehouse.read(BRONZE_MESSAGES).toPandas().sort_values(["conversation_id", "message_index"])
    assert list(zip(b.conversation_id, b.role)) == [("H1", "user"), ("H1", "assistant"), ("S1", "user"),
                                                     ("S1", "assistant")]
    assert list(b.csat.fillna(0)) == [5, 5, 0, 0] and b.created_at.iloc[0].hour == 10
    again = ingest(spark, settings, [doc, share], lakehouse=lakehouse)
    assert again.ingested == 0 and again.duplicates_skipped == 4


@pytest.mark.parametrize(
    "value, dayfirst, expected",
    [
        ("2024-03-05T10:22:31Z", False, (2024, 3, 5, 10, 22)),
        ("03/05/2024 10:22", False, (2024, 3, 5, 10, 22)),      # month first by default
        ("03/05/2024 10:22", True, (2024, 5, 3, 10, 22)),       # ingest.dayfirst
        ("13/05/2024 10:22 PM", False, (2024, 5, 13, 22, 22)),  # only one reading possible
        ("05.03.2024 10:22", False, (2024, 3, 5, 10, 22)),
        ("2024/03/05 10:22:31", False, (2024, 3, 5, 10, 22)),
        ("5 Mar 2024 10:22", False, (2024, 3, 5, 10, 22)),
        ("Tue, 05 Mar 2024 10:22:31 +0000", False, (2024, 3, 5, 10, 22)),
        ("1709634151", False, (2024, 3, 5, 10, 22)),            # epoch seconds as text (CSV)
        ("1709634151000", False, (2024, 3, 5, 10, 22)),         # epoch millis
        ("20240305", False, (2024, 3, 5, 0, 0)),
    ],
)
def test_common_export_timestamps(value, dayfirst, expected):
    cfg = IngestSettings(dayfirst=dayfirst)
    out = normalize_record({"conversation_id": "a", "role": "user", "content": "x", "created_at": value}, cfg)
    ts = out["created_at"]
    assert (ts.year, ts.month, ts.day, ts.hour, ts.minute) == expected and ts.tzinfo is not None


def test_transcripts_and_prompt_response_pairs(tmp_path):
    """Text transcripts split by speaker labels, and instruction/response pairs, from CSV and JSON."""
    from tunehouse.ingest.readers import read_csv_file
    from tunehouse.ingest.shapes import parse_transcript

    p = tmp_path / "tickets.csv"
    p.write_text('Ticket ID,Conversation,Rating\n'
                 'T1,"[10:22] Customer: Hi, my bag is lost\nit was blue\n[10:23] Agent Smith: Sorry to hear that!\n'
                 'Note: claims take 5 days.",5\n')
    rows = list(read_csv_file(str(p), CFG))
    assert [(r["conversation_id"], r["role"], r["csat"]) for r in rows] == [("T1", "user", 5), ("T1", "assistant", 5)]
    assert rows[0]["content"] == "Hi, my bag is lost\nit was blue"
    assert rows[1]["content"] == "Sorry to hear that!\nNote: claims take 5 days."  # "Note:" is not a speaker
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("instruction,response\nHow do I change my flight?,Use Manage booking.\n")
    (u, a) = read_csv_file(str(pairs), CFG)
    assert (u["role"], a["role"], a["content"]) == ("user", "assistant", "Use Manage booking.")
    assert u["conversation_id"] == a["conversation_id"] and u["conversation_id"].startswith("chat-")
    # not transcripts: text before the first label, or a single labelled line
    assert parse_transcript("Summary of the call\nCustomer: hi\nAgent: hello", CFG) is None
    assert parse_transcript("Customer: hi", CFG) is None
    # a one-message record whose text happens to contain labels stays one message
    one = normalize_record({"conv_id": "c", "sender": "customer", "text": "Agent: hi\nCustomer: x"}, CFG)
    assert one["content"] == "Agent: hi\nCustomer: x"
