"""Printing job summaries and tables (rich when on a terminal, plain text otherwise)."""

from __future__ import annotations

import sys
from typing import Any, Iterable, Sequence

from rich.console import Console
from rich.table import Table

# Piped output (logs, CI, benchmarks) gets a wide console instead of rich's 80-column default.
_console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def _fmt(v: Any) -> str:
    if v is None:
        return "NULL"
    if isinstance(v, float):
        return f"{v:,.4g}" if abs(v) < 1e6 else f"{v:,.0f}"
    if isinstance(v, int) and not isinstance(v, bool):
        return f"{v:,}"
    s = str(v)
    return s if len(s) <= 120 else s[:117] + "..."


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    t = Table(title=title, title_justify="left", show_lines=False)
    for c in columns:
        t.add_column(str(c), overflow="fold")
    for r in rows:
        t.add_row(*[_fmt(v) for v in r])
    _console.print(t)


def print_kv(title: str, items: dict[str, Any]) -> None:
    print_table(title, ["", "value"], [(k, v) for k, v in items.items()])
