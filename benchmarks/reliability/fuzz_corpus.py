"""The nasty-input corpus of the fuzz probe (:mod:`reliability.fuzz`; split from it to keep each module short): hand-made hostile files and seeded random
mutations of valid records, each file with the lines its records start on (what every reader must account for).

A record is one non-blank line of a JSONL file, one record of a CSV file (a quoted field may span lines: the
record's first line), or one element of a JSON document's array (its 1-based position). Every case is written
so that its records are known by construction, not by running a reader.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

BIG = 5_000_000  # characters in the "pasted log" messages
DEEP = 100_000  # nesting levels of the deeply nested values (the parser's limit is about 1000)


@dataclass
class Case:
    """One corpus file: ``records`` are the lines (positions, for a JSON document) its records start on."""

    name: str
    path: Path
    records: list[int]

    @property
    def jsonl(self) -> bool:
        return self.path.suffix == ".jsonl"


def _msg(conv: str, role: str = "user", content: str = "hello", **extra) -> dict:
    return {"conversation_id": conv, "role": role, "content": content, **extra}


def _chat(*turns: tuple[str, str], **extra) -> dict:
    return {"messages": [{"role": r, "content": c} for r, c in turns], **extra}


GOOD = json.dumps(_msg("good-1", content="my card was charged twice"))
GOOD_CHAT = json.dumps(_chat(("user", "hi"), ("assistant", "hello, how can I help?")))

# one JSONL case per kind of damage; each entry is a line's bytes (never containing b"\n")
JSONL_CASES: dict[str, list[bytes]] = {
    "truncated_json": [GOOD.encode(), GOOD[: len(GOOD) // 2].encode(), b'{"messages": [{"role": "user", "conte'],
    "invalid_json": [b"{'single': 'quotes'}", b"[1, 2", b"nul", b'{"a": 1}}', b'{"a": 1,}', b"\x1b[31m{}"],
    "bom_first_line": [b"\xef\xbb\xbf" + GOOD.encode(), GOOD_CHAT.encode()],
    "invalid_utf8": [b'{"conversation_id": "u", "role": "user", "content": "caf\xe9"}', b"\xff\xfe{}", GOOD.encode()],
    "mixed_encodings": ['{"conversation_id": "m", "role": "user", "content": "café"}'.encode("latin-1"),
                        '{"conversation_id": "m", "role": "agent", "content": "café"}'.encode(),
                        '{"conversation_id": "m", "role": "user", "content": "日本"}'.encode("utf-16-le")],
    "nul_bytes": [b'{"conversation_id": "n", "role": "user", "content": "a\x00b"}',
                  b'{"conversation_id": "n", "role": "user", "content": "a\\u0000b"}', b"\x00\x00\x00"],
    "huge_message": [json.dumps(_msg("big", content="x" * BIG)).encode(),
                     json.dumps(_chat(("user", "y" * BIG), ("assistant", "ok"))).encode(), GOOD.encode()],
    "deeply_nested": [b'{"conversation_id": "d", "role": "user", "content": ' + b"[" * DEEP + b"]" * DEEP + b"}",
                      b'{"messages": ' + b"[" * DEEP + b"]" * DEEP + b"}", b"{" * DEEP,
                      b'{"conversation_id": "d", "role": "user", "content": "x", "meta": ' + b"[" * 900 + b"]" * 900
                      + b"}"],
    "wrong_types": [json.dumps(r).encode() for r in (
        _msg("w", content=42), _msg("w", role=["user"]), _msg({"id": 1}), _msg("w", csat="abc"),
        _msg("w", weight="1"), {"messages": "hi"}, {"messages": [1, 2]}, {"messages": {"role": "user"}},
        _msg("w", message_index="first"), _msg("w", created_at=[2024]), _msg(["w"]), _msg(None))],
    "roles": [json.dumps(r).encode() for r in (
        _msg("r", role="wizard"), _msg("r", role=""), {"conversation_id": "r", "content": "no role"},
        _msg("r", role=None), _chat(("user", "q"), ("narrator", "x")), _msg("r", role="AGENT"),
        _msg("r", role={"role": "user"}))],
    "message_indexes": [json.dumps(r).encode() for r in (
        _msg("i", content="third", message_index=3), _msg("i", content="first", message_index=1),
        _msg("i", content="again first", message_index=1), _msg("i", content="neg", message_index=-1),
        _msg("i", content="huge", message_index=2**64), _msg("i", content="float", message_index=2.5),
        _msg("i", content="str", message_index="2"), _msg("i", content="third", message_index=3))],
    "empty_conversations": [json.dumps(r).encode() for r in (
        {"messages": []}, {"messages": [{}]}, _chat(("user", ""), ("assistant", "  ")), {}, _msg("e", content=""),
        {"conversation_id": "e", "messages": None})],
    "not_objects": [b"42", b'"a string"', b"null", b"[]", b"true", b"[{}]"],
    "json_numbers": [b'{"conversation_id": "j", "role": "user", "content": "x", "weight": NaN}',
                     b'{"conversation_id": "j", "role": "user", "content": "x", "csat": Infinity}',
                     b'{"conversation_id": "j", "role": "user", "content": "x", "created_at": 1e300}',
                     b'{"conversation_id": "j", "role": "user", "content": "x", "created_at": -1e20}',
                     b'{"conversation_id": "j", "role": "user", "content": "x", "message_index": ' + b"9" * 5000
                     + b"}"],
    "surrogates_and_newlines": [b'{"conversation_id": "s", "role": "user", "content": "a\\ud800"}',
                                b'{"conversation_id": "s", "role": "user", "content": "\\ud83d\\ude00"}',
                                GOOD.encode() + b"\r", GOOD.encode() + b"\r" + GOOD.encode(),
                                '{"conversation_id": "s", "role": "user", "content": "a\u2028b\u0085c"}'.encode()],
}


def _write_jsonl(folder: Path, name: str, lines: list[bytes]) -> Case:
    """Lines joined by "\\n", with a blank line after the first (not a record); a record's line is its place."""
    body = [lines[0], b"", *lines[1:]]
    path = folder / f"{name}.jsonl"
    path.write_bytes(b"\n".join(body) + b"\n")
    return Case(name, path, [i + 1 for i, line in enumerate(body) if line.strip()])


CSV_RECORDS = [
    'c1,user,"multi\nline ""quoted"" text"', "c1,agent,plain", 'c1,user,5" screen', "c1,user,too,many,fields",
    "c1,user", "conversation_id,role,content", "c2,agent,\x00nul", 'c2,user,"quoted, with comma"',
    'c2,agent,"embedded\r\ncrlf"', "c3,wizard,unknown role", ",user,no conversation", f'c3,user,"{"z" * BIG}"',
]


def _write_csv(folder: Path) -> list[Case]:
    """The CSV records after a BOM'd header and a blank row (not a record), plus a latin-1 row, and a second
    file truncated inside a quoted field (its last record must be rejected, not swallow the lines after it)."""
    parts = ["\ufeffconversation_id,role,content", ""]
    records = []
    for rec in CSV_RECORDS:
        records.append(sum(p.count("\n") + 1 for p in parts) + 1)
        parts.append(rec)
    head = "\n".join(parts).encode() + b"\n"
    latin_line = head.count(b"\n") + 1
    path = folder / "csv_quotes_newlines.csv"
    path.write_bytes(head + "c4,user,caf\xe9\n".encode("latin-1"))
    truncated = folder / "csv_truncated.csv"
    truncated.write_bytes(b'conversation_id;role;content\nc5;user;hi\nc5;agent;"the file ends inside\nc5;user;x\n')
    return [Case("csv_quotes_newlines", path, records + [latin_line]), Case("csv_truncated", truncated, [2, 3])]


def _write_json_documents(folder: Path) -> list[Case]:
    elements = [_msg("doc"), 42, None, [], {"messages": [1]}, _chat(("user", "q"), ("assistant", "a")),
                _msg("doc", content={"parts": ["a", "b"]}), {"data": "x"}]
    doc = folder / "json_array.json"
    doc.write_text(json.dumps(elements))
    truncated = folder / "json_truncated.json"
    truncated.write_text(json.dumps(elements)[:-7])  # one line: the one reject is on line 1
    deep = folder / "json_deep.json"
    deep.write_bytes(b"[" * DEEP + b"]" * DEEP)
    return [Case("json_array", doc, list(range(1, len(elements) + 1))), Case("json_truncated", truncated, [1]),
            Case("json_deep", deep, [1])]


def nasty_corpus(folder: Path) -> list[Case]:
    """Every hand-made case, written to ``folder`` (about 25 MB: the 5 MB messages)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = [_write_jsonl(folder, name, lines) for name, lines in JSONL_CASES.items()]
    return cases + _write_csv(folder) + _write_json_documents(folder)


# ----------------------------------------------------------------------------- seeded random mutations
NASTY_VALUES = [None, 0, -1, 2**63, 1e308, "", " ", "\x00", "\ud800", "x" * 30_000, [], {}, [[[[]]]], True,
                {"role": "user"}, "user", "agent", "wizard", "2024-13-45", "NaN", "1" * 40]
NASTY_BYTES = [b"\x00", b"\xff", b"\xc3", b"\r", b"\x1b", b'"', b"\\", b"{", b"}", b"[", b",", b":", b"\xef\xbb\xbf",
               b"\\ud800", b"\\u0000", b"\xe2\x80\xa8"]


def _mutate_value(rng: random.Random, rec: dict) -> dict:
    rec = dict(rec)
    key = rng.choice([*rec, "messages", "message_index", "created_at", "weight", "csat"])
    if rng.random() < 0.2:
        rec.pop(key, None)
    else:
        rec[key] = rng.choice(NASTY_VALUES)
    return rec


def _mutate_bytes(rng: random.Random, line: bytes) -> bytes:
    at = rng.randrange(len(line) + 1)
    kind = rng.randrange(4)
    if kind == 0:
        return line[:at]  # truncated
    if kind == 1:
        return line[:at] + rng.choice(NASTY_BYTES) + line[at:]
    if kind == 2:
        return line[:at] + line[at + 1:]
    return line[:at] + bytes([rng.randrange(256)]) + line[at + 1:]


def random_lines(rng: random.Random, n: int) -> list[bytes]:
    """``n`` record lines: valid messages and conversations with 1-3 value or byte mutations each (never a
    newline, never blank, so each stays exactly one record)."""
    out = []
    for i in range(n):
        rec = rng.choice([_msg(f"rand-{i % 7}", rng.choice(["user", "agent", "customer"]), f"text {i}",
                               message_index=i % 5),
                          _chat(("user", f"q {i}"), ("assistant", f"a {i}"), conversation_id=f"rc-{i}")])
        for _ in range(rng.randrange(3)):
            rec = _mutate_value(rng, rec)
        line = json.dumps(rec, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        for _ in range(rng.randrange(3)):
            line = _mutate_bytes(rng, line)
        line = line.replace(b"\n", b" ")
        out.append(line if line.strip() else b"x")
    return out


def random_corpus(folder: Path, seed: int, files: int, lines_per_file: int) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    return [_write_jsonl(folder, f"random_{seed}_{k}", random_lines(rng, lines_per_file)) for k in range(files)]
