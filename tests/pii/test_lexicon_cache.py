"""The lexicon's on-disk cache: the first process builds and caches the table, the next one reads it; the
cached table is the built one, and any change to the sources names a new cache file."""

from __future__ import annotations

import os
import subprocess
import sys

from tunehouse.pii import lexicon

DUMP = ("import json; from tunehouse.pii.lexicon import load_lexicon; lex = load_lexicon(); "
        "print(json.dumps([len(lex.flags), sum(lex.flags.values()), sorted(lex.caps_places), len(lex.multi)]))")


def _run(cache_dir) -> str:
    env = {**os.environ, "TUNEHOUSE_CACHE_DIR": str(cache_dir)}
    return subprocess.run([sys.executable, "-c", DUMP], env=env, capture_output=True, text=True, check=True).stdout


def test_first_process_caches_and_the_next_reads_the_same_table(tmp_path):
    built = _run(tmp_path)
    files = list(tmp_path.glob("pii-lexicon-*.marshal"))
    assert len(files) == 1
    assert _run(tmp_path) == built == _run("off")  # cached == built in-process with the cache off
    assert list(tmp_path.glob("pii-lexicon-*.marshal")) == files


def test_the_cache_name_follows_the_sources(tmp_path, monkeypatch):
    monkeypatch.setenv("TUNEHOUSE_CACHE_DIR", str(tmp_path))
    first = lexicon._cache_path()
    changed = tmp_path / "first_names.txt"
    changed.write_text("Ysolde\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "FIRST_NAMES_FILE", changed)
    assert lexicon._cache_path() != first
    monkeypatch.setenv("TUNEHOUSE_CACHE_DIR", "off")
    assert lexicon._cache_path() is None


def test_the_cached_sorted_table_answers_as_the_built_dict(monkeypatch):
    """The cache is read as a ``SortedFlags`` table (binary search, no 260k-key dict built): every key of the
    built table gets its flags, anything else the default, as dict.get would."""
    monkeypatch.setenv("TUNEHOUSE_CACHE_DIR", "off")
    built = lexicon._build_lexicon().flags
    table = lexicon.SortedFlags.of(built)
    assert len(table) == len(built) and sum(table.values()) == sum(built.values())
    assert all(table.get(k) == f for k, f in built.items())
    keys = sorted(built)
    for absent in ("", "\n", keys[0][:-1] + "\x00", keys[-1] + "z", "zzzzzzzzzz", "qqxqq", "Anna"):
        if absent not in built:
            assert table.get(absent) is None and table.get(absent, 0) == 0 and absent not in table
    assert table["anna"] == built["anna"] and dict(table.items()) == built
