"""The SQL runner's plumbing: the ready-made queries shipped in the package, and statement splitting."""

from __future__ import annotations

from pathlib import Path

from tunehouse.errors import UserError

# Ready-made queries over bronze/silver/gold; package data, so the installed wheel has them too.
QUERIES_DIR = Path(__file__).resolve().parent / "queries"


def ready_made_queries() -> list[str]:
    return sorted(q.stem for q in QUERIES_DIR.glob("*.sql"))


def split_statements(text: str) -> list[str]:
    """Split on ';' outside quotes and strip -- comments."""
    out, buf, quote = [], [], None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            buf.append(ch)
            if ch == quote:
                quote = None
        elif ch in ("'", '"', "`"):
            quote = ch
            buf.append(ch)
        elif ch == "-" and text[i : i + 2] == "--":
            nl = text.find("\n", i)
            i = len(text) if nl < 0 else nl
            continue
        elif ch == ";":
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    out.append("".join(buf))
    return [s.strip() for s in out if s.strip()]


def resolve_sql_file(name: str) -> Path:
    p = Path(name)
    if p.is_file():
        return p
    for cand in (QUERIES_DIR / name, QUERIES_DIR / f"{name}.sql"):
        if cand.is_file():
            return cand
    known = ", ".join(ready_made_queries()) or "none"
    raise UserError(f"no SQL file {name!r} (ready-made: {known})")
