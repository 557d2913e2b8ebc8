"""Tests for the synthetic chat-log generator: the data must be as messy as promised and the
truth file must describe it exactly (otherwise every downstream metric is measured against noise).

The checks re-parse the files independently of the generator (own Luhn/mod-97, own strict row
validator), so a bug in the generator's helpers cannot hide behind itself.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from tunehouse.synthetic.generator import generate_logs

N = 200
COLUMNS = ["conv_id", "seq", "sender", "agent_id", "text", "sent_at", "channel", "lang", "csat"]
SENDERS = {"customer", "agent", "bot", "system"}
JSONL, CSV = "chat_export_part-0001.jsonl", "chat_export_part-0002.csv"


# --- independent validators ------------------------------------------------------------------

def luhn(number: str) -> bool:
    digits = [int(c) for c in number if c.isdigit()][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 if d < 5 else d * 2 - 9) for i, d in enumerate(digits))
    return total % 10 == 0


def mod97(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    moved = s[4:] + s[:4]
    return int("".join(str(ord(c) - 55) if c.isalpha() else c for c in moved)) % 97 == 1


def test_validators_reject_corrupted_values():
    assert luhn("4111 1111 1111 1111") and not luhn("4111 1111 1111 1112")
    assert mod97("DE89 3704 0044 0532 0130 00") and not mod97("DE89 3704 0044 0532 0130 01")


def strict_row(row) -> bool:
    """What an ingestion step should accept."""
    return (isinstance(row, dict) and set(row) == set(COLUMNS)
            and isinstance(row["conv_id"], str) and row["conv_id"] != ""
            and type(row["seq"]) is int and row["sender"] in SENDERS
            and (row["text"] is None or isinstance(row["text"], str))
            and (row["csat"] is None or type(row["csat"]) is int))


def read_exports(out: Path):
    """Parse both files strictly: good rows by (conv_id, seq) and the (file, line) of bad ones."""
    good: dict[tuple[str, int], list[dict]] = defaultdict(list)
    bad: set[tuple[str, int]] = set()
    raw = (out / JSONL).read_bytes()
    for n, line in enumerate(raw.split(b"\n")[:-1], 1):
        try:
            row = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            bad.add((JSONL, n))
            continue
        if strict_row(row):
            good[(row["conv_id"], row["seq"])].append({**row, "file": JSONL})
        else:
            bad.add((JSONL, n))
    text = (out / CSV).read_bytes().decode("utf-8", "surrogateescape")
    reader = csv.reader(io.StringIO(text, newline=""))
    assert next(reader) == COLUMNS
    start = 2
    for rec in reader:
        line, start = start, reader.line_num + 1
        utf8_ok = not any("\udc80" <= ch <= "\udcff" for field in rec for ch in field)
        if len(rec) != len(COLUMNS) or not utf8_ok:
            bad.add((CSV, line))
            continue
        row = dict(zip(COLUMNS, rec))
        if not re.fullmatch(r"\d+", row["seq"]) or row["sender"] not in SENDERS or not row["conv_id"]:
            bad.add((CSV, line))
            continue
        row.update(seq=int(row["seq"]), csat=int(row["csat"]) if row["csat"] else None, file=CSV)
        good[(row["conv_id"], row["seq"])].append(row)
    return good, bad


@pytest.fixture(scope="module")
def gen(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    res = generate_logs(out, conversations=N, seed=11)
    truth = json.loads(res.truth_file.read_text(encoding="utf-8"))
    good, bad = read_exports(out)
    return res, truth, good, bad, out


def conversations(good) -> dict[str, list[dict]]:
    convs = defaultdict(list)
    for (cid, seq), rows in good.items():
        convs[cid].append(rows[0])
    return {cid: sorted(rows, key=lambda r: r["seq"]) for cid, rows in convs.items()}


# --- API and files -------------------------------------------------------------------------------

def test_result_and_files(gen):
    res, truth, good, bad, out = gen
    assert [p.name for p in res.files] == [JSONL, CSV]
    assert res.truth_file == out / "truth" / "truth.json"
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [JSONL, CSV]
    assert res.conversations == N == len(truth["conversations"])
    assert len({c["conv_id"] for c in truth["conversations"]}) == N
    jsonl_lines = (out / JSONL).read_bytes().count(b"\n")
    csv_records = sum(1 for _ in csv.reader(io.StringIO((out / CSV).read_bytes().decode("utf-8", "surrogateescape"),
                                                        newline=""))) - 1
    assert res.messages == jsonl_lines + csv_records
    s = res.summary()
    assert s["conversations"] == N and s["messages"] == res.messages and set(s["pii"]) == {
        "PERSON", "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "SSN", "IP_ADDRESS", "STREET_ADDRESS", "PASSPORT",
        "BOOKING_REF", "DATE_OF_BIRTH"}


def test_csv_share_and_quoting(gen):
    res, truth, good, bad, out = gen
    in_csv = [c for c in truth["conversations"] if CSV in c["files"]]
    assert 0.15 * N <= len(in_csv) <= 0.25 * N
    texts = [r[0]["text"] for k, r in good.items() if r[0]["file"] == CSV]
    assert any("\n" in t for t in texts) and any('"' in t for t in texts) and any("," in t for t in texts)


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    a, b, c = (generate_logs(tmp_path / d, conversations=60, seed=s) for d, s in (("a", 3), ("b", 3), ("c", 4)))
    for pa, pb in zip(a.files + [a.truth_file], b.files + [b.truth_file]):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
    assert a.files[0].read_bytes() != c.files[0].read_bytes()


def test_rejects_bad_arguments(tmp_path):
    with pytest.raises(ValueError):
        generate_logs(tmp_path, conversations=10, languages=("en", "xx"))
    with pytest.raises(ValueError):
        generate_logs(tmp_path, conversations=10, csv_fraction=1.5)


def test_language_subset(tmp_path):
    res = generate_logs(tmp_path, conversations=80, seed=5, languages=("en",))
    truth = json.loads(res.truth_file.read_text(encoding="utf-8"))
    assert {c["language"] for c in truth["conversations"]} == {"en"}
    assert {c["true_language"] for c in truth["conversations"]} <= {"en", "it", "pt", "nl", "pl"}


# --- truth offsets and PII validity -----------------------------------------------------------

def test_offsets_slice_exact_values(gen):
    res, truth, good, bad, out = gen
    checked = 0
    for key in ("pii", "places", "non_pii"):
        assert truth[key], key
        for e in truth[key]:
            rows = good[(e["conv_id"], e["seq"])]
            assert rows, e
            for row in rows:  # re-exported conversations are in both files
                assert row["text"][e["start"]:e["end"]] == e["value"] != "", e
                checked += 1
    assert checked > 1000


def test_pii_kinds_and_formats(gen):
    res, truth, good, bad, out = gen
    by_type = defaultdict(list)
    for e in truth["pii"]:
        by_type[e["type"]].append(e["value"])
    assert len(by_type) == 11
    for card in by_type["CREDIT_CARD"]:
        assert re.fullmatch(r"\d{4}([ -]?\d{4,6}){2,3}|\d{15,16}", card) and luhn(card), card
    assert len({bool(re.search(r"[ -]", c)) for c in by_type["CREDIT_CARD"]}) == 2  # grouped and not
    countries = set()
    for iban in by_type["IBAN"]:
        assert mod97(iban), iban
        countries.add(iban[:2].upper())
    assert len(countries) >= 3
    for ssn in by_type["SSN"]:
        m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", ssn)
        assert m and m[1] not in ("000", "666") and m[1][0] != "9" and m[2] != "00" and m[3] != "0000", ssn
    assert len(set(by_type["IP_ADDRESS"])) > 0.05 * N
    assert any(":" in ip for ip in by_type["IP_ADDRESS"]) and any(re.fullmatch(r"(\d+\.){3}\d+", ip) for ip in by_type["IP_ADDRESS"])
    assert any(v.startswith("+") for v in by_type["PHONE"]) and any(v.startswith("(") or v.startswith("0") for v in by_type["PHONE"])
    assert any(v.upper().startswith("WT-") for v in by_type["BOOKING_REF"]) and any(len(v) == 6 for v in by_type["BOOKING_REF"])
    assert any(v == v.lower() and " " in v for v in by_type["PERSON"])  # typed in lower case
    assert any(not v.isascii() for v in by_type["PERSON"])
    assert all("@" in v for v in by_type["EMAIL"])


def test_agents_echo_names_and_sign_with_their_own(gen):
    res, truth, good, bad, out = gen
    agent_names = {a["name"] for a in truth["agents"].values()}
    who = Counter((e["who"], good[(e["conv_id"], e["seq"])][0]["sender"]) for e in truth["pii"] if e["type"] == "PERSON")
    assert who[("customer", "agent")] > 20  # "Thanks, Maria!"
    assert who[("agent", "agent")] > 10     # "Best regards, Lena"
    # customers type them in lower case ("thanks lena!"), so compare case-insensitively
    assert all(e["value"].lower() in {n.lower() for n in agent_names} for e in truth["pii"] if e["who"] == "agent")


def test_places_and_non_pii_are_planted(gen):
    res, truth, good, bad, out = gen
    kinds = Counter(e["kind"] for e in truth["places"])
    assert {"city", "country", "airline", "hotel"} <= set(kinds)
    assert {"flight", "price", "date", "time", "gate", "terminal"} <= {e["kind"] for e in truth["non_pii"]}
    pii_spans = {(e["conv_id"], e["seq"], s) for e in truth["pii"] for s in range(e["start"], e["end"])}
    assert not any((e["conv_id"], e["seq"], e["start"]) in pii_spans for e in truth["places"] + truth["non_pii"])


# --- duplicates ---------------------------------------------------------------------------------

def scrubbed(convs, truth) -> dict[str, tuple]:
    spans = defaultdict(list)
    for e in truth["pii"]:
        spans[(e["conv_id"], e["seq"])].append(e)
    out = {}
    for cid, rows in convs.items():
        seq = []
        for r in rows:
            t = r["text"] or ""  # CSV cannot tell null from ""
            for e in sorted(spans[(cid, r["seq"])], key=lambda e: -e["start"]):
                t = t[:e["start"]] + f"<{e['type']}>" + t[e["end"]:]
            seq.append((r["sender"], t))
        out[cid] = tuple(seq)
    return out


def test_exact_duplicates_are_identical(gen):
    res, truth, good, bad, out = gen
    convs = conversations(good)
    texts = {cid: tuple((r["sender"], r["text"] or "") for r in rows) for cid, rows in convs.items()}
    assert truth["exact_duplicates"]
    for group in truth["exact_duplicates"]:
        assert len({texts[c] for c in group}) == 1, group
    # and nothing identical is missing from the truth
    found = defaultdict(list)
    for cid, t in texts.items():
        found[t].append(cid)
    assert sorted(sorted(g) for g in found.values() if len(g) > 1) == truth["exact_duplicates"]
    planted = [c for c in truth["conversations"] if c["kind"] == "exact_copy"]
    assert len(planted) == round(N * 0.02)
    for c in planted:
        assert any(c["conv_id"] in g and c["duplicate_of"] in g for g in truth["exact_duplicates"])


def test_scrub_duplicates_differ_only_in_pii(gen):
    res, truth, good, bad, out = gen
    convs = conversations(good)
    raw = {cid: tuple((r["sender"], r["text"] or "") for r in rows) for cid, rows in convs.items()}
    clean = scrubbed(convs, truth)
    for group in truth["scrub_duplicates"]:
        assert len({clean[c] for c in group}) == 1, group
    renamed = [c for c in truth["conversations"] if c["kind"] == "scrub_copy"]
    assert len(renamed) == round(N * 0.01)
    for c in renamed:
        assert raw[c["conv_id"]] != raw[c["duplicate_of"]]
        assert clean[c["conv_id"]] == clean[c["duplicate_of"]]


def test_near_duplicates_are_near_but_not_exact(gen):
    res, truth, good, bad, out = gen
    convs = conversations(good)
    flat = {cid: "\n".join(f"{r['sender']}: {r['text']}" for r in rows) for cid, rows in convs.items()}
    assert len(truth["near_duplicates"]) == round(N * 0.05)
    for src, *copies in truth["near_duplicates"]:
        for cp in copies:
            assert flat[src] != flat[cp]
            assert difflib.SequenceMatcher(None, flat[src], flat[cp], autojunk=False).ratio() > 0.9, (src, cp)


def test_reexported_conversations_appear_in_both_files(gen):
    res, truth, good, bad, out = gen
    assert truth["reexported"]
    for cid in truth["reexported"]:
        files = {r["file"] for (c, _), rows in good.items() if c == cid for r in rows}
        assert files == {JSONL, CSV}


# --- malformed rows ---------------------------------------------------------------------------

def test_malformed_rows_are_exactly_the_truth(gen):
    res, truth, good, bad, out = gen
    listed = {(m["file"], m["line"]) for m in truth["malformed"]}
    assert bad == listed
    kinds = Counter(m["kind"] for m in truth["malformed"])
    assert set(kinds) == {"truncated_json", "missing_sender", "unknown_sender", "seq_not_int", "text_wrong_type",
                          "missing_conv_id", "invalid_utf8", "wrong_column_count", "repeated_header"}
    assert 0.005 < len(listed) / res.messages < 0.03
    # A quarantined row's PII is not expected to be found downstream.
    dropped = {(m["conv_id"], m["seq"]) for m in truth["malformed"]}
    assert not any((e["conv_id"], e["seq"]) in dropped for e in truth["pii"])


# --- the mix ---------------------------------------------------------------------------------------

def test_topic_distribution_is_skewed(gen):
    res, truth, good, bad, out = gen
    topics = Counter(c["topic"] for c in truth["conversations"])
    top, n_top = topics.most_common(1)[0]
    assert top == "booking_change" and n_top / N > 0.2
    assert n_top > 3 * topics["insurance"]
    assert len(topics) >= 8


def test_csat_follows_house_style(gen):
    res, truth, good, bad, out = gen
    rated = [c for c in truth["conversations"] if c["csat"] is not None and c["agent_id"]]
    house = [c["csat"] for c in rated if c["house_style"]]
    poor = [c["csat"] for c in rated if truth["agents"][c["agent_id"]]["style"] in ("terse", "rude", "canned", "broken")]
    assert len(house) > 20 and len(poor) > 20
    assert sum(house) / len(house) - sum(poor) / len(poor) > 1.0
    missing = sum(c["csat"] is None for c in truth["conversations"]) / N
    assert 0.2 < missing < 0.5
    # csat is a conversation attribute: identical on every row
    for cid, rows in conversations(good).items():
        assert len({r["csat"] for r in rows}) == 1


def test_agents_differ_in_style(gen):
    res, truth, good, bad, out = gen
    by_agent = defaultdict(list)
    for rows in good.values():
        if rows[0]["sender"] == "agent":
            by_agent[rows[0]["agent_id"]].append(rows[0]["text"] or "")
    assert 8 <= len(by_agent) <= 12
    signoff = {a: sum("— Wanderly Travel Support" in t for t in ts) / len(ts) for a, ts in by_agent.items()}
    for a, info in truth["agents"].items():
        if a in signoff:
            assert (signoff[a] > 0.9) == info["house_style"], (a, signoff[a])
    canned = [t for a, ts in by_agent.items() if truth["agents"][a]["style"] == "canned" for t in ts]
    assert len(canned) > 20 and len(set(canned)) / len(canned) < 0.4  # the same few lines again and again
    assert "We apologize for the inconvenience." in canned
    assert any(t.startswith("[ERROR]") or t in ("undefined", "null") for t in by_agent["agent_10"])


def test_conversation_shapes_and_time(gen):
    res, truth, good, bad, out = gen
    convs = conversations(good)
    clean = {c["conv_id"] for c in truth["conversations"]} - {m["conv_id"] for m in truth["malformed"]}
    lengths = [len(convs[c]) for c in clean]
    assert min(lengths) >= 2 and max(lengths) <= 14 and len(set(lengths)) > 8
    senders = {c: [r["sender"] for r in convs[c]] for c in clean}
    assert sum("agent" not in s for s in senders.values()) >= 0.02 * N          # nobody answered
    assert sum(s[-1] == "customer" for s in senders.values()) >= 0.1 * N        # ends with the customer
    assert any(s[0] in ("bot", "system") for s in senders.values())
    for c in clean:
        times = [r["sent_at"] for r in convs[c]]
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", t) for t in times)
        assert times == sorted(times) and len(set(times)) == len(times), c
    starts = sorted(rows[0]["sent_at"] for rows in convs.values())
    assert starts[0][:7] <= "2023-08" and starts[-1][:7] >= "2024-11"  # ~18 months


def test_garbage_is_there_and_labelled(gen):
    res, truth, good, bad, out = gen
    kinds = defaultdict(list)
    for g in truth["garbage"]:
        rows = good[(g["conv_id"], g["seq"])]
        kinds[g["kind"]].append(rows[0]["text"])
    assert all(t == "" for t in kinds["empty"]) and kinds["empty"]
    assert all(t and not t.strip() for t in kinds["whitespace"]) and kinds["whitespace"]
    assert all(len(t) > 20_000 for t in kinds["long"]) and kinds["long"]
    assert all(not any(ch.isalnum() for ch in t) for t in kinds["emoji_only"]) and kinds["emoji_only"]
    # a UTF-8 lead byte read as cp1252 (Ã, Â, â, é...) followed by a continuation byte read the same way
    utf8_as_cp1252 = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u2122\ufffd]")
    assert kinds["mojibake"] and all(utf8_as_cp1252.search(t) for t in kinds["mojibake"])
    assert kinds["keyboard_mash"] and kinds["error_text"]
    langs = Counter(c["language"] for c in truth["conversations"])
    assert langs["en"] > N / 2 and {"es", "fr", "de"} <= set(langs)
