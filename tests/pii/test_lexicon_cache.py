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
