"""Compiled regular expressions kept across processes, as byte-code is: a ``tunehouse scrub`` process
spent ~0.1 s of CPU compiling the detectors' and phonenumbers' patterns (Python's ``re`` parses and
compiles them in pure Python at every start), a fifth of its fixed cost.

    with compiled_patterns():
        from tunehouse.pii.scrubber import ...   # every pattern compiled in here is looked up first

Inside the block ``re``'s compiler is wrapped: a pattern already in the cache file is built straight from
its stored SRE code (``_sre.compile``, what ``re`` itself ends with), any other is compiled as usual and its
code recorded; on leaving, new entries are written (to a temporary name, then ``os.replace``). The code of a
(pattern, flags) pair is what ``re`` would produce for it, so a cached pattern is the same object ``re``
builds; the file is keyed by the interpreter's version and the SRE engine's magic number, so an upgraded
Python never reads another's code (``_sre.compile`` validates the code it is given, too).

The cache sits beside this module, in ``__pycache__``, and is written only where byte-code may be
(``sys.dont_write_bytecode``, i.e. ``PYTHONDONTWRITEBYTECODE``, turns writing off, as for ``.pyc`` files).
Where the interpreter's ``re`` internals differ from what this module knows (not CPython 3.11+), or the file
cannot be read or written, patterns are compiled as usual.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Iterator
from pathlib import Path

try:  # CPython 3.11+: re._compiler.compile(pattern, flags) -> _sre.compile(...)
    import _sre
    from re import _compiler, _parser
    _SUPPORTED = hasattr(_compiler, "_code") and hasattr(_compiler, "compile") and hasattr(_sre, "MAGIC")
except ImportError:  # pragma: no cover - another interpreter
    _SUPPORTED = False

MAX_ENTRIES = 20_000  # a cache that grows past this (patterns built from data) is not written
_DEBUG = 128  # re.DEBUG: such patterns print their code when compiled, so they never come from the cache


def cache_file() -> Path:
    """The cache file of this interpreter (``__pycache__/regex-<tag>.marshal`` beside this module)."""
    tag = hashlib.sha256(f"{sys.version}|{getattr(_sre, 'MAGIC', 0)}|{sys.maxunicode}".encode()).hexdigest()[:12]
    return Path(__file__).with_name("__pycache__") / f"regex-{sys.implementation.cache_tag}-{tag}.marshal"


def _load(path: Path) -> dict:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def _save(path: Path, table: dict) -> None:
    if sys.dont_write_bytecode or len(table) > MAX_ENTRIES:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps(table))
        os.replace(tmp, path)
    except (OSError, ValueError):  # ValueError: something marshal cannot write
        with contextlib.suppress(OSError):
            tmp.unlink()


def _code_of(pattern: str | bytes, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern``: (flags, code, groups, groupindex,
    indexgroup)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    # plain ints: the opcodes are an int subclass, which marshal does not write
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


@contextlib.contextmanager
def compiled_patterns(path: Path | None = None) -> Iterator[dict]:
    """Within the block, ``re`` compiles through the cache at ``path`` (default ``cache_file()``); yields the
    table ((pattern, flags) -> code). Not thread-safe to enter: meant for a command's start-up."""
    if not _SUPPORTED or _compiler.compile is not _ORIGINAL:
        yield {}
        return
    path = path or cache_file()
    table = _load(path)
    before = len(table)
    original = _compiler.compile

    def compile_cached(p, flags=0):
        if not isinstance(p, (str, bytes)) or flags & _DEBUG:
            return original(p, flags)
        key = (p, flags)
        entry = table.get(key)
        if entry is not None:
            try:
                return _sre.compile(p, *entry)
            except (TypeError, ValueError, RuntimeError):  # a damaged entry: compiled afresh below
                pass
        entry = table[key] = _code_of(p, flags)
        return _sre.compile(p, *entry)

    _compiler.compile = compile_cached
    try:
        yield table
    finally:
        _compiler.compile = original
        if len(table) > before:
            _save(path, table)


_ORIGINAL = _compiler.compile if _SUPPORTED else None
