"""``pii.keep_public_figures``: the names of public figures and fictional characters WordNet lists survive when the
setting is on, and only whole names of the list; private names beside them are still scrubbed; off by default.
The list itself (``resources/pii_public_figures.txt``) never holds a first name or surname of ours alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tunehouse.pii.lexicon import (
    FIRST,
    LAST,
    PUBLIC_FIGURES_FILE,
    figure_key,
    load_lexicon,
    load_public_figures,
    norm_key,
)
from tunehouse.pii.scrubber import Scrubber
from tunehouse.pii.settings import PiiSettings

ROOT = Path(__file__).resolve().parents[2]


def _persons(scrubber: Scrubber, text: str) -> list[str]:
    return [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "PERSON"]


@pytest.fixture(scope="module")
def keeping() -> Scrubber:
    return Scrubber(PiiSettings(keep_public_figures=True))


@pytest.mark.parametrize("text, figure", [
    ("We read a biography of Albert Einstein last week.", "Albert Einstein"),
    ("Ask Sherlock Holmes, he knows everyone.", "Sherlock Holmes"),
    ("Tarzan swung in and waved at us.", "Tarzan"),
])
def test_public_figures_are_kept_with_the_setting(keeping, text, figure):
    assert figure_key(figure) in load_public_figures()
    assert figure not in _persons(keeping, text) and figure in keeping.scrub_text(text)[0]


def test_the_default_scrubs_a_figure_like_any_name():
    text = "We read a biography of Albert Einstein last week."
    assert _persons(Scrubber(), text) == ["Albert Einstein"]


def test_private_names_beside_a_figure_are_still_scrubbed(keeping):
    text = "Sherlock Holmes is my favourite detective, says Marta Kowalski."
    assert _persons(keeping, text) == ["Marta Kowalski"]


def test_a_part_of_a_longer_name_is_not_a_figure(keeping):
    # "Einstein" alone is listed, but "Hannah Einstein" is a person of her own
    assert "Hannah Einstein" in _persons(keeping, "Please call Hannah Einstein back about her order.")


def test_the_list_holds_no_first_name_or_surname_of_ours_alone():
    lex = load_lexicon()
    lines = PUBLIC_FIGURES_FILE.read_text(encoding="utf-8").splitlines()
    singles = [name for name in lines if " " not in name]
    assert len(lines) > 3000 and singles
    assert not [w for w in singles if lex.get(norm_key(w)) & (FIRST | LAST)]
    assert "Miller" not in lines and "Arthur Miller" in lines  # a surname alone never; the full name yes


def test_the_setting_reaches_the_scrub_command(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"text": "A biography of Albert Einstein, sent by Marta Kowalski."}) + "\n")
    code = ("from tunehouse.cli import main\n"
            f"raise SystemExit(main(['scrub', {str(src)!r}, {str(dst)!r}, '--set', 'pii.keep_public_figures=true']))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT / "lib"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    out = json.loads(dst.read_text())["text"]
    assert "Albert Einstein" in out and "Marta Kowalski" not in out, out
