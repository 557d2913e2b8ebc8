"""Scrubbing JSONL files line for line: the logic of the ``tunehouse scrub`` file command."""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tunehouse.pii.settings import PiiSettings

if TYPE_CHECKING:
    from tunehouse.pii.scrubber import Scrubber


CHUNK_LINES = 4096  # lines detected together: one pass of the learned model (if any) per chunk, its windows
# sorted by length across the whole chunk: with 256 lines the ~60 texts the model runs on per chunk made one
# batch padded to its longest (measured: a rules+learned scrub of 4,000 messages 4.1 -> ~2.6 s CPU)


def scrub_jsonl(in_path: str | Path, out_path: str | Path, settings: PiiSettings | None = None,
                scrubber: "Scrubber | None" = None) -> dict:
    """Scrub a JSONL file line for line: ``{"text": ...}`` and/or ``{"messages": [...]}`` objects.

    Output line *i* is the scrubbed input line *i* (other keys kept). A line that is not valid JSON
    or not one of these shapes may itself hold PII, so it is **not** copied: ``null`` is written in
    its place (keeping the line numbering) and the line number and reason are listed under
    ``bad_lines`` in the returned summary; the CLI exits non-zero when that list is not empty.
    Blank lines are written blank. ``scrubber``: default the rules-only scrubber of ``settings``; lines
    are detected in chunks of ``CHUNK_LINES`` so a learned model beside the rules runs once per chunk.
    """
    # imported here: tunehouse.pii.scrubber re-exports this module's functions
    from tunehouse.pii.scrubber import get_scrubber

    scrubber = scrubber if scrubber is not None else get_scrubber(settings)
    summary: dict = {"lines": 0, "scrubbed": 0, "bad_lines": [], "entities": collections.Counter()}
    # utf-8-sig: a byte-order mark (Windows exports) is not part of line 1's JSON.
    # newline="\n": only "\n" ends a line, as for ingest and validate-data (universal newlines split a line at a
    # lone "\r" and broke the line-for-line contract: more output lines than input lines)
    with open(in_path, encoding="utf-8-sig", errors="replace", newline="\n") as fin, \
            open(out_path, "w", encoding="utf-8") as fout:
        chunk: list[tuple[int, str]] = []
        for lineno, line in enumerate(fin, 1):
            chunk.append((lineno, line))
            if len(chunk) >= CHUNK_LINES:
                fout.writelines(_scrub_chunk(scrubber, chunk, summary))
                chunk = []
        fout.writelines(_scrub_chunk(scrubber, chunk, summary))
    summary["entities"] = dict(sorted(summary["entities"].items()))
    return summary


def _scrub_chunk(scrubber: "Scrubber", chunk: list[tuple[int, str]], summary: dict) -> list[str]:
    """The output lines of ``chunk`` (its messages and texts detected in one batch each); counts into ``summary``."""
    objs: list[dict | None] = []
    out: list[str] = []
    for lineno, line in chunk:
        summary["lines"] += 1
        obj, reason = _parse_line(line)
        if reason:
            summary["bad_lines"].append({"line": lineno, "reason": reason})
        objs.append(obj)
        out.append("\n" if not line.strip() else "null\n")
    convs = [o for o in objs if o is not None and "messages" in o]
    for obj, (msgs, cnt) in zip(convs, scrubber.scrub_conversations([o["messages"] for o in convs])):
        obj["messages"] = msgs
        summary["entities"].update(cnt)
    texts = [o for o in objs if o is not None and "text" in o]
    for obj, (text, cnt) in zip(texts, scrubber.scrub_text_batch([o["text"] for o in texts])):
        obj["text"] = text
        summary["entities"].update(cnt)
    for i, obj in enumerate(objs):
        if obj is not None:
            out[i] = json.dumps(obj, ensure_ascii=False) + "\n"
            summary["scrubbed"] += 1
    return out


# a \\uD800-\\uDFFF escape that is not half of a pair parses to a lone surrogate, which no UTF-8 writer takes
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _parse_line(line: str) -> tuple[dict | None, str | None]:
    """(a copy of the line's object, None), or (None, why it is not scrubbed); blank lines: (None, None)."""
    if not line.strip():
        return None, None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        return None, "invalid JSON: nested deeper than the JSON parser allows"
    except ValueError as exc:  # an integer literal of more than 4300 digits
        return None, f"invalid JSON: {str(exc).split(';')[0]}"
    if _SURROGATE_ESCAPE.search(line) and _LONE_SURROGATE.search(json.dumps(obj, ensure_ascii=False)):
        return None, "a \\u escape of half a UTF-16 surrogate pair: the text is not valid Unicode"
    reason = _shape_problem(obj)
    return (None, reason) if reason else (dict(obj), None)


def _shape_problem(obj: Any) -> str | None:
    if not isinstance(obj, dict):
        return f"expected a JSON object, got {type(obj).__name__}"
    if "text" not in obj and "messages" not in obj:
        return "object has neither 'text' nor 'messages'"
    if "text" in obj and not isinstance(obj["text"], str):
        return f"'text' must be a string, got {type(obj['text']).__name__}"
    if "messages" in obj:
        msgs = obj["messages"]
        if not isinstance(msgs, list):
            return f"'messages' must be a list, got {type(msgs).__name__}"
        for i, m in enumerate(msgs):
            if not isinstance(m, dict):
                return f"messages[{i}] must be an object"
            c = m.get("content")
            if c is not None and not isinstance(c, (str, list)):
                return f"messages[{i}].content must be a string or a list of parts"
    return None


def main(argv: list[str] | None = None) -> int:
    """``python -m tunehouse.pii.jsonl IN.jsonl OUT.jsonl`` (or ``-m tunehouse.pii.scrubber``): the
    file command of ``tunehouse scrub`` with the default settings."""
    import argparse

    p = argparse.ArgumentParser(prog="tunehouse scrub", description="Scrub PII from a JSONL file.")
    p.add_argument("input")
    p.add_argument("output")
    args = p.parse_args(argv)
    summary = scrub_jsonl(args.input, args.output)
    print(json.dumps({k: v for k, v in summary.items() if k != "bad_lines"}, indent=2))
    if summary["bad_lines"]:
        for b in summary["bad_lines"]:
            print(f"{args.input}:{b['line']}: {b['reason']}", file=sys.stderr)
        print(f"{len(summary['bad_lines'])} bad line(s) written as null", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
