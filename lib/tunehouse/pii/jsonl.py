"""Scrubbing JSONL files line for line: the logic of the ``tunehouse scrub`` file command."""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path
from typing import Any

from tunehouse.pii.settings import PiiSettings


def scrub_jsonl(in_path: str | Path, out_path: str | Path, settings: PiiSettings | None = None) -> dict:
    """Scrub a JSONL file line for line: ``{"text": ...}`` and/or ``{"messages": [...]}`` objects.

    Output line *i* is the scrubbed input line *i* (other keys kept). A line that is not valid JSON
    or not one of these shapes may itself hold PII, so it is **not** copied: ``null`` is written in
    its place (keeping the line numbering) and the line number and reason are listed under
    ``bad_lines`` in the returned summary; the CLI exits non-zero when that list is not empty.
    Blank lines are written blank.
    """
    # imported here: tunehouse.pii.scrubber re-exports this module's functions
    from tunehouse.pii.scrubber import get_scrubber

    scrubber = get_scrubber(settings)
    counts: collections.Counter = collections.Counter()
    bad: list[dict] = []
    n_lines = n_ok = 0
    with open(in_path, encoding="utf-8", errors="replace") as fin, open(out_path, "w", encoding="utf-8") as fout:
        for lineno, line in enumerate(fin, 1):
            n_lines += 1
            if not line.strip():
                fout.write("\n")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                bad.append({"line": lineno, "reason": f"invalid JSON: {exc.msg} at column {exc.colno}"})
                fout.write("null\n")
                continue
            reason = _shape_problem(obj)
            if reason:
                bad.append({"line": lineno, "reason": reason})
                fout.write("null\n")
                continue
            obj = dict(obj)
            if "messages" in obj:
                obj["messages"], cnt = scrubber.scrub_messages(obj["messages"])
                counts.update(cnt)
            if "text" in obj:
                obj["text"], cnt = scrubber.scrub_text(obj["text"])
                counts.update(cnt)
            fout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            n_ok += 1
    return {"lines": n_lines, "scrubbed": n_ok, "bad_lines": bad, "entities": dict(sorted(counts.items()))}


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
