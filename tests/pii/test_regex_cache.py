"""The on-disk cache of compiled detector regexes (``tunehouse.pii.regex_cache``) gives the patterns that
``re.compile`` gives (``re.Pattern.__eq__`` compares flags, pattern text and the compiled program)."""

from __future__ import annotations

import re

import pytest
from tunehouse.pii import regex_cache
from tunehouse.pii.detectors import (
    addresses,
    contact,
    identifiers,
    names,
    phone_numbers,
)

pytestmark = pytest.mark.skipif(regex_cache._sre is None, reason="no re._compiler on this interpreter")


def _detector_patterns() -> list[re.Pattern]:
    mods = (addresses, contact, identifiers, names, phone_numbers)
    return [v for m in mods for v in vars(m).values() if isinstance(v, re.Pattern)]


def test_cached_programs_build_the_patterns_re_compile_builds():
    pats = _detector_patterns()
    assert len(pats) > 30
    for p in pats:
        again = regex_cache.build(p.pattern, regex_cache.program(p.pattern, p.flags))
        assert again == re.compile(p.pattern, p.flags)
        assert (again.groups, again.groupindex) == (p.groups, p.groupindex)


def test_compiling_writes_then_reads_the_cache_and_restores_re_compile(tmp_path, monkeypatch):
    monkeypatch.setenv("TUNEHOUSE_CACHE_DIR", str(tmp_path))
    original = re.compile
    pattern = r"(?P<area>\d{3})-(?P<serial>\d{4})(?!\d)"
    with regex_cache.compiling():
        assert re.compile is not original
        first = re.compile(pattern, re.I)
    assert re.compile is original
    assert first == original(pattern, re.I)
    assert regex_cache.cache_path().is_file()

    calls = []
    monkeypatch.setattr(regex_cache, "program", lambda *a: calls.append(a))  # a hit must not compile
    with regex_cache.compiling():
        second = re.compile(pattern, re.I)
    assert calls == [] and second == first
    assert second.match("555-1234").group("serial") == "1234"


def test_a_damaged_cache_or_a_bad_pattern_falls_back_to_re(tmp_path, monkeypatch):
    monkeypatch.setenv("TUNEHOUSE_CACHE_DIR", str(tmp_path))
    path = regex_cache.cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not marshal data")
    original = re.compile
    with regex_cache.compiling():
        assert re.compile(r"\bx+\b") == original(r"\bx+\b")
        with pytest.raises(re.error):
            re.compile(r"(unclosed")
    assert regex_cache._read(path)  # the damaged file was replaced by a good one
    with regex_cache.compiling():
        assert re.compile(r"\bx+\b").match("xx")


def test_cache_off(monkeypatch):
    monkeypatch.setenv("TUNEHOUSE_CACHE_DIR", "off")
    assert regex_cache.cache_path() is None
    original = re.compile
    with regex_cache.compiling():
        assert re.compile is original
