"""The export files: conversations as message rows, written as a helpdesk would (JSONL sorted by time,
CSV grouped by conversation with RFC 4180 quoting), with ~1% of rows replaced by malformed versions
that are recorded (file, physical line, kind) for the truth file."""

from __future__ import annotations

import csv
import json
import random
from datetime import timedelta
from pathlib import Path

from tunehouse.synthetic.rates import MALFORMED_ROW_RATE, START
from tunehouse.synthetic.records import Conv
from tunehouse.synthetic.segments import text_of

JSONL_NAME = "chat_export_part-0001.jsonl"
CSV_NAME = "chat_export_part-0002.csv"
COLUMNS = ["conv_id", "seq", "sender", "agent_id", "text", "sent_at", "channel", "lang", "csat"]
JSONL_MALFORMED = ["truncated_json", "missing_sender", "unknown_sender", "seq_not_int", "text_wrong_type",
                   "missing_conv_id", "invalid_utf8"]
CSV_MALFORMED = ["unknown_sender", "missing_sender", "seq_not_int", "missing_conv_id", "wrong_column_count",
                 "invalid_utf8", "repeated_header"]


def rows_of(c: Conv) -> list[dict]:
    rows, at = [], c.start
    for seq, m in enumerate(c.msgs):
        at += max(1, m.gap)  # strictly increasing inside a conversation
        rows.append({"conv_id": c.conv_id, "seq": seq, "sender": m.sender, "agent_id": m.agent_id,
                     "text": text_of(m.segs), "sent_at": (START + timedelta(seconds=at)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "channel": c.spec.channel, "lang": c.spec.tag, "csat": c.csat})
    return rows


def _latin1_bytes(text: str | None) -> str:
    """The text as a latin-1 writer would have stored it: raw bytes smuggled as surrogates."""
    text = text or "Café"
    if not any(0x80 <= ord(ch) <= 0xFF for ch in text):
        text = text.replace("e", "é", 1) if "e" in text else text + " é"
    out = "".join(chr(0xDC00 + ord(ch)) if 0x80 <= ord(ch) <= 0xFF else ch for ch in text)
    try:  # mojibake ("Â¡") written as latin-1 is valid UTF-8 again ("¡"): then add a byte that never is
        out.encode("utf-8", "surrogateescape").decode("utf-8")
        return out + "\udcff"
    except UnicodeDecodeError:
        return out


def corrupt(rng: random.Random, row: dict, kind: str) -> dict | str:
    """The malformed version of a row (a dict, or a raw JSON line for truncation)."""
    row = dict(row)
    if kind == "missing_sender":
        row.pop("sender") if rng.random() < 0.7 else row.update(sender=None)
    elif kind == "unknown_sender":
        row["sender"] = rng.choice(["supervisor", "Customer ", "admin", "AGENT"])
    elif kind == "seq_not_int":
        row["seq"] = rng.choice(["three", "", "n/a", f"#{row['seq']}", f"{row['seq']}a"])
    elif kind == "text_wrong_type":
        text = row["text"] or ""
        row["text"] = rng.choice([len(text) + 1, [text, "[attachment]"], {"body": text}])
    elif kind == "missing_conv_id":
        row.pop("conv_id") if rng.random() < 0.5 else row.update(conv_id="")
    elif kind == "invalid_utf8":
        row["text"] = _latin1_bytes(row["text"])
    elif kind == "truncated_json":
        line = json.dumps(row, ensure_ascii=False)
        return line[: rng.randint(len(line) // 3, len(line) - 2)]
    return row


class _Chunks(list):
    write = list.append  # lets csv.writer write each record as one chunk


def write_jsonl(rng: random.Random, path: Path, rows: list[dict], bad: dict[int, str], malformed: list[dict]) -> int:
    lines = []
    for i, row in enumerate(rows):
        out = corrupt(rng, row, bad[i]) if i in bad else row
        if i in bad:
            malformed.append({"file": path.name, "line": i + 1, "kind": bad[i], "conv_id": row["conv_id"], "seq": row["seq"]})
        lines.append(out if isinstance(out, str) else json.dumps(out, ensure_ascii=False))
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape") if lines else b"")
    return len(lines)


def write_csv(rng: random.Random, path: Path, rows: list[dict], bad: dict[int, str], malformed: list[dict]) -> int:
    chunks = _Chunks()
    w = csv.writer(chunks, lineterminator="\n")
    w.writerow(COLUMNS)
    line, records = 2, 0
    for i, row in enumerate(rows):
        kind = bad.get(i)
        if kind == "repeated_header":  # two exports concatenated: a header in the middle
            w.writerow(COLUMNS)
            malformed.append({"file": path.name, "line": line, "kind": kind, "conv_id": None, "seq": None})
            line, records, kind = line + 1, records + 1, None
        out = corrupt(rng, row, kind) if kind else row
        fields = ["" if out.get(c) is None else out[c] for c in COLUMNS]
        if kind == "wrong_column_count":
            fields = fields[:-2] if rng.random() < 0.6 else fields + ["export_v2"]
        if kind:
            malformed.append({"file": path.name, "line": line, "kind": kind, "conv_id": row["conv_id"], "seq": row["seq"]})
        w.writerow(fields)
        line += chunks[-1].count("\n")
        records += 1
    path.write_bytes("".join(chunks).encode("utf-8", "surrogateescape"))
    return records


def pick_malformed(rng: random.Random, rows: list[dict], eligible: set[str], kinds: list[str]) -> dict[int, str]:
    cands = [i for i, r in enumerate(rows) if r["conv_id"] in eligible]
    k = round(len(rows) * MALFORMED_ROW_RATE)
    if len(rows) >= 100:
        k = max(k, len(kinds))  # every kind at least once
    chosen = rng.sample(cands, min(k, len(cands)))
    return {i: kinds[j % len(kinds)] for j, i in enumerate(chosen)}
