"""The detectors' compiled regular expressions, cached on disk between processes.

Importing the detectors compiles a few hundred regular expressions (theirs and ``phonenumbers``'): ~80 ms of
CPU in every `tunehouse scrub` process, because ``re``'s parser and compiler are pure Python. What they produce
is a small program (a list of integers) that ``_sre.compile`` turns into a ``re.Pattern``; that program is the
same for the same pattern, flags and interpreter. ``compiling()`` caches it: while the detectors are imported,
``re.compile`` takes the program from the cache when it is there (built by ``_sre.compile`` exactly as
``re.compile`` would build it) and compiles as usual otherwise, and the new programs are written back once,
at the end.

The cache file is named by the interpreter's version and ``_sre.MAGIC`` (the program format), keyed by the
pattern text and flags, so a changed pattern is simply a miss. It lives beside the lexicon cache
(``cache_dir``; ``TUNEHOUSE_CACHE_DIR=off`` turns both off). Anything unexpected (no ``re._compiler``, an
unreadable or stale file, a program ``_sre`` refuses) falls back to ``re.compile``.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:  # CPython 3.11+: the pure-Python parts of re
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another interpreter: no cache
    _sre = _compiler = _parser = None

Program = tuple  # (flags, code, groups, groupindex, indexgroup): the arguments of _sre.compile after the pattern


def cache_dir() -> Path | None:
    """``$TUNEHOUSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/tunehouse``, else ``~/.cache/tunehouse``; None when
    ``TUNEHOUSE_CACHE_DIR=off``."""
    root = os.environ.get("TUNEHOUSE_CACHE_DIR")
    if root == "off":
        return None
    return Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tunehouse"


def cache_path() -> Path | None:
    base = cache_dir()
    if base is None or _sre is None:
        return None
    version = "-".join(map(str, sys.version_info[:3])) + f"-{sys.implementation.name}-{_sre.MAGIC}-{_sre.CODESIZE}"
    return base / f"pii-regex-{version}.marshal"


def program(pattern: str | bytes, flags: int) -> Program:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern`` (same steps, same order)."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = p.state.groupdict
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    # the opcodes are int subclasses (named constants): plain ints, for marshal
    return int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, dict(groupindex), tuple(indexgroup)


def build(pattern: str | bytes, prog: Program) -> re.Pattern:
    flags, code, groups, groupindex, indexgroup = prog
    return _sre.compile(pattern, flags, list(code), groups, groupindex, tuple(indexgroup))


def _read(path: Path) -> dict:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _write(path: Path, table: dict) -> None:
    try:
        data = marshal.dumps(table)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
            tmp.write(data)
        os.replace(tmp.name, path)
    except (OSError, ValueError):
        pass  # a read-only cache: compiled in every process, as without it


@contextlib.contextmanager
def compiling() -> Iterator[None]:
    """Within the block, ``re.compile`` of a str/bytes pattern uses the cached program (see the module);
    new programs are saved when the block ends. Not re-entrant; meant for module imports."""
    path = cache_path()
    if path is None:
        yield
        return
    table = _read(path)
    added = 0
    original = re.compile

    def cached_compile(pattern, flags=0):
        nonlocal added
        if not isinstance(pattern, (str, bytes)) or flags & re.DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags))
        prog = table.get(key)
        if prog is not None:
            try:
                return build(pattern, prog)
            except (RuntimeError, TypeError, ValueError):
                pass  # a stale or damaged entry: compiled again below
        try:
            prog = program(pattern, int(flags))
            compiled = build(pattern, prog)
        except Exception:  # noqa: BLE001 - whatever went wrong, re.compile decides (and raises its own errors)
            return original(pattern, flags)
        table[key] = prog
        added += 1
        return compiled

    re.compile = cached_compile
    try:
        yield
    finally:
        re.compile = original
        if added:
            _write(path, table)
