"""The cross-process cache of compiled patterns (tunehouse/pii/regex_cache.py) gives the patterns ``re`` gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tunehouse.pii import regex_cache

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not regex_cache._SUPPORTED, reason="re internals of CPython 3.11+ only")

PATTERNS = [(r"(?P<num>\+?\d[\d ().\-]{5,20}\d)(?!\d)", 0), (r"(?i)\bstra(?:ss|ß)e\b", 0), (r"^x$", re.M),
            (rb"[\x00-\x1f]+", 0), (r"(?x) a  b  # comment", 0)]
TEXTS = ["call +44 20 7946 0958 now", "Hauptstraße 5", "STRASSE", "a\nx\nb", "ab", "a b"]


def _compile_all() -> list[re.Pattern]:
    re.purge()  # re's own in-process cache would hand back the patterns of an earlier call
    return [re.compile(p, f) for p, f in PATTERNS]


def _behaviour(rx: re.Pattern) -> list:
    texts = [t.encode() for t in TEXTS] if isinstance(rx.pattern, bytes) else TEXTS
    return [rx.pattern, rx.flags, rx.groups, dict(rx.groupindex),
            [(m.span(), m.groups()) for t in texts for m in rx.finditer(t)]]


def test_patterns_from_the_cache_behave_as_re_compiles_them(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = tmp_path / "regex.marshal"
    expected = [_behaviour(rx) for rx in _compile_all()]
    with regex_cache.compiled_patterns(path) as table:
        first = [_behaviour(rx) for rx in _compile_all()]
    assert path.is_file() and len(table) >= len(PATTERNS)
    with regex_cache.compiled_patterns(path) as table:
        assert {(p, f) for p, f in PATTERNS} <= set(table)  # read back from the file
        second = [_behaviour(rx) for rx in _compile_all()]
    assert first == expected and second == expected
    assert re._compiler.compile is regex_cache._ORIGINAL  # re is itself again after the block


def test_the_stored_code_is_what_re_compiles_for_every_scrubber_pattern(tmp_path):
    """A scrub in the block (a fresh interpreter: the detectors compile their patterns at import) records the
    detectors' and phonenumbers' patterns; each stored entry equals a fresh compilation."""
    path = tmp_path / "regex.marshal"
    code = ("import sys\nfrom pathlib import Path\nfrom tunehouse.pii.regex_cache import compiled_patterns\n"
            f"with compiled_patterns(Path({str(path)!r})):\n"
            "    from tunehouse.pii.scrubber import Scrubber\n"
            "    print(Scrubber().scrub_text('Hi, I am Anna Kowalski, call me on +44 20 7946 0958, "
            "Hauptstrasse 5, 10115 Berlin.')[0])\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "<PHONE_1>" in proc.stdout
    with regex_cache.compiled_patterns(path) as table:
        pass
    assert len(table) > 100
    for (pattern, flags), entry in table.items():
        assert regex_cache._code_of(pattern, flags) == entry, pattern


def test_a_damaged_or_foreign_file_is_ignored_and_nothing_is_written_without_bytecode(tmp_path, monkeypatch):
    path = tmp_path / "regex.marshal"
    path.write_bytes(b"not marshal at all")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    expected = [_behaviour(rx) for rx in _compile_all()]
    with regex_cache.compiled_patterns(path):
        assert [_behaviour(rx) for rx in _compile_all()] == expected
    assert path.read_bytes() == b"not marshal at all"  # PYTHONDONTWRITEBYTECODE: not rewritten
    # an entry whose code the engine refuses is compiled afresh
    import marshal

    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path.write_bytes(marshal.dumps({(PATTERNS[0][0], 0): (0, [999999], 0, {}, ())}))
    with regex_cache.compiled_patterns(path):
        assert [_behaviour(rx) for rx in _compile_all()] == expected
