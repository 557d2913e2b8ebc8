"""The token lexicon of the PII scrubber: one token -> flags table, looked up once per capitalised token.

``load_lexicon()`` folds the curated lists (``tunehouse.pii.wordlists``) and the generated gazetteers
shipped in ``resources/`` (first names, surnames, places with their population, ordinary words of eight
languages, language names; built from documented sources by ``python -m tunehouse.pii.build_resources``,
which records them in ``resources/MANIFEST.json``) into one table, once per process.
"""

from __future__ import annotations

import array
import bisect
import functools
import hashlib
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tunehouse.pii.wordlists import (
    AIRLINES,
    AMBIGUOUS_FIRST_NAMES,
    COMMON_WORDS_CURATED,
    DESTINATIONS,
    EXTRA_FIRST_NAMES,
    EXTRA_LAST_NAMES,
    FUNCTION_WORDS,
    HOTEL_BRANDS,
    NOT_NAMES,
    PLACE_INDICATORS,
    RETAIL_BRANDS,
    TITLES,
    WEAK_PLACE_INDICATORS,
)

RESOURCES = Path(__file__).resolve().parent / "resources"
FIRST_NAMES_FILE = RESOURCES / "pii_first_names.txt"
LAST_NAMES_FILE = RESOURCES / "pii_last_names.txt"
PLACES_FILE = RESOURCES / "pii_places.txt"
COMMON_WORDS_FILE = RESOURCES / "pii_common_words.txt"
LANGUAGE_NAMES_FILE = RESOURCES / "pii_language_names.txt"
RARE_WORDS_FILE = RESOURCES / "pii_rare_words.txt"  # not in the table: see ``load_rare_words``
CHAT_WORDS_FILE = RESOURCES / "pii_chat_words.txt"  # not in the table: see ``load_chat_words``
PUBLIC_FIGURES_FILE = RESOURCES / "pii_public_figures.txt"  # not in the table: see ``load_public_figures``
MANIFEST_FILE = RESOURCES / "MANIFEST.json"  # sources, versions, licences, thresholds, sha256 of each file


def strip_accents(s: str) -> str:
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# Token flags.
FIRST = 1  # known first name
LAST = 2  # known surname
AMBIG = 4  # first name that is also a common word / brand
COMMON = 8  # common word (not a name on its own)
PLACE = 16  # single-token place (city, country, region, airline, hotel brand, landmark)
MAJOR = 32  # a place big enough to win over a first name without context (>= 100,000 people,
#             a country or state, a curated destination)
PLACE_START = 64  # first token of a multi-token place
INDICATOR = 128  # place indicator ("Hotel", "Airport")
WEAK_INDICATOR = 256  # indicator that is also a name ("Marina", "Park")
TITLE = 512  # honorific ("Mr", "Frau")
ORG = 1024  # airline / hotel brand / company


class SortedFlags:
    """The token -> flags table as the cache stores it: the keys sorted, in one string, found by binary search
    and remembered once looked up. Reading it is a few milliseconds where building the 260k-key dict takes
    ~0.09 s, and a process looks up a few thousand distinct keys (1,358 in the 4,000 messages of
    benchmarks/bench_scrubber.py). Read-only; ``get`` as a dict's."""

    __slots__ = ("_keys", "_starts", "_flags", "_seen")

    def __init__(self, keys: str, starts: array.array, flags: array.array):
        self._keys = keys  # the sorted keys, each followed by "\n"
        self._starts = starts  # where key i starts in ``keys``; one more entry: len(keys)
        self._flags = flags  # flags of key i
        self._seen: dict[str, int | None] = {}

    @classmethod
    def of(cls, table: dict[str, int]) -> SortedFlags:
        keys = sorted(table)
        starts = array.array("I", [0])
        for k in keys:
            starts.append(starts[-1] + len(k) + 1)
        return cls("".join(k + "\n" for k in keys), starts, array.array("I", (table[k] for k in keys)))

    def _key(self, i: int) -> str:
        return self._keys[self._starts[i]:self._starts[i + 1] - 1]

    def _find(self, key: str) -> int | None:
        i = bisect.bisect_left(range(len(self._flags)), key, key=self._key)
        return self._flags[i] if i < len(self._flags) and self._key(i) == key else None

    def get(self, key: str, default: int | None = None) -> int | None:
        f = self._seen.get(key, -1)
        if f == -1:
            f = self._seen[key] = self._find(key)
        return default if f is None else f

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __getitem__(self, key: str) -> int:
        f = self.get(key)
        if f is None:
            raise KeyError(key)
        return f

    def __len__(self) -> int:
        return len(self._flags)

    def keys(self) -> list[str]:
        return self._keys.split("\n")[:-1]

    def values(self) -> array.array:
        return self._flags

    def items(self) -> Iterator[tuple[str, int]]:
        return zip(self.keys(), self._flags)


class SortedWords:
    """A sorted word list in one string, one word a line, searched by bisection over its characters: no index
    is built, so loading is reading the file (~5 ms for the 4.7 MB rare-word list) and a lookup is ~20 string
    comparisons. Read-only."""

    __slots__ = ("_text",)

    def __init__(self, text: str):
        self._text = text if not text or text.endswith("\n") else text + "\n"

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not key or "\n" in key:
            return False
        text, lo, hi = self._text, 0, len(self._text)  # [lo, hi): whole lines
        while lo < hi:
            mid = text.rfind("\n", lo, (lo + hi) // 2) + 1 or lo  # start of the line holding the midpoint
            end = text.index("\n", mid)
            word = text[mid:end]
            if word == key:
                return True
            if word < key:
                lo = end + 1
            else:
                hi = mid
        return False


@functools.lru_cache(maxsize=1)
def load_rare_words() -> SortedWords:
    """The rare words of ``resources/pii_rare_words.txt`` (dictionary words below the common-word bar that no
    name list holds; see ``build_resources``), once per process. Only the learned model's vetting reads them, so
    a rules-only process never loads them."""
    try:
        return SortedWords(RARE_WORDS_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return SortedWords("")


def load_chat_words() -> SortedWords:
    """The chat words of ``resources/pii_chat_words.txt`` (words frequent in one of 25 languages; see
    ``build_resources``): a lower-case token among them is taken for the word, never for a name, by the learned
    model's vetting, the only reader (a rules-only process never loads them)."""
    try:
        return SortedWords(CHAT_WORDS_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return SortedWords("")


def figure_key(name: str) -> str:
    """How a public figure's name is compared: case-folded, blanks collapsed ("albert  EINSTEIN" -> "albert einstein")."""
    return " ".join(name.casefold().split())


@functools.lru_cache(maxsize=1)
def load_public_figures() -> frozenset[str]:
    """The names of ``resources/pii_public_figures.txt`` (people and characters of WordNet; see ``build_resources``)
    as :func:`figure_key` keys; read only when ``pii.keep_public_figures`` is on."""
    try:
        return frozenset(figure_key(line) for line in PUBLIC_FIGURES_FILE.read_text(encoding="utf-8").splitlines()
                         if line.strip())
    except FileNotFoundError:
        return frozenset()


@dataclass
class Lexicon:
    flags: dict[str, int] | SortedFlags = field(default_factory=dict)
    multi: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first token -> places
    caps_places: set[str] = field(default_factory=set)  # acronyms that are places only in capitals: ANA, TAP

    def get(self, tok: str) -> int:
        return self.flags.get(tok, 0)


_TOKEN_SPLIT = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*['’.]?")


def norm_key(tok: str) -> str:
    """Lookup key of a token: lower-case, accents stripped, trailing period and "'s" dropped."""
    key = tok.lower().rstrip(".")
    if key.endswith(("'s", "’s")) and len(key) > 3:
        key = key[:-2]
    return strip_accents(key)


def place_tokens(name: str) -> tuple[str, ...]:
    return tuple(norm_key(t) for t in _TOKEN_SPLIT.findall(name))


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def _cache_path() -> Path | None:
    """Where the folded table is cached: named by a digest of everything it is built from (the resource
    files, the curated lists, this module) and the Python version (marshal's format), so any change
    rebuilds it. ``$TUNEHOUSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/tunehouse``, else ``~/.cache/tunehouse``;
    ``TUNEHOUSE_CACHE_DIR=off`` turns the cache off."""
    root = os.environ.get("TUNEHOUSE_CACHE_DIR")
    if root == "off":
        return None
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for path in (FIRST_NAMES_FILE, LAST_NAMES_FILE, PLACES_FILE, COMMON_WORDS_FILE, LANGUAGE_NAMES_FILE,
                 Path(__file__).with_name("wordlists.py"), Path(__file__)):
        try:
            digest.update(path.read_bytes())
        except FileNotFoundError:
            digest.update(b"-")
    base = Path(root) if root else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "tunehouse"
    return base / f"pii-lexicon-{digest.hexdigest()[:16]}.marshal"


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The table, once per process: from the cache when it is there (~0.02 s: a ``SortedFlags`` table), else
    built (~0.8 s CPU: 260k keys) and cached for the next process (a worker, the next `tunehouse scrub`)."""
    path = _cache_path()
    if path is not None:
        try:
            keys, starts, flags, multi, caps = marshal.loads(path.read_bytes())
            table = SortedFlags(keys, array.array("I", starts), array.array("I", flags))
            return Lexicon(table, {k: [tuple(t) for t in v] for k, v in multi.items()}, set(caps))
        except (OSError, ValueError, EOFError, TypeError):
            pass
    lex = _build_lexicon()
    if path is not None:
        table = SortedFlags.of(lex.flags)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as tmp:
                tmp.write(marshal.dumps((table._keys, table._starts.tobytes(), table._flags.tobytes(), lex.multi,
                                         sorted(lex.caps_places))))
            os.replace(tmp.name, path)
        except OSError:
            pass  # a read-only home: built in every process, as before
    return lex


def _build_lexicon() -> Lexicon:
    lex = Lexicon()
    flags = lex.flags

    def mark(word: str, bit: int) -> None:
        key = norm_key(word)
        flags[key] = flags.get(key, 0) | bit

    common = {norm_key(w) for w in COMMON_WORDS_CURATED}
    common |= {norm_key(w) for w in _read_lines(COMMON_WORDS_FILE) if w.strip()}
    common |= {norm_key(w) for w in _read_lines(LANGUAGE_NAMES_FILE) if w.strip()}  # "Spanish", "Deutsch"
    firsts = {w.strip() for w in _read_lines(FIRST_NAMES_FILE) if w.strip()} | set(EXTRA_FIRST_NAMES)
    lasts = {w.strip() for w in _read_lines(LAST_NAMES_FILE) if w.strip()} | set(EXTRA_LAST_NAMES)
    ambiguous = {norm_key(w) for w in AMBIGUOUS_FIRST_NAMES}
    not_names = {norm_key(w) for w in NOT_NAMES | FUNCTION_WORDS} - ambiguous
    for w in common:
        flags[w] = flags.get(w, 0) | COMMON
    for w in {norm_key(w) for w in firsts}:
        if w in not_names:
            continue
        flags[w] = flags.get(w, 0) | FIRST | (AMBIG if (w in ambiguous or w in common) else 0)
    for w in ambiguous:
        flags[w] = flags.get(w, 0) | FIRST | AMBIG
    for w in {norm_key(w) for w in lasts}:
        if w not in not_names:
            flags[w] = flags.get(w, 0) | LAST

    particles = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "el",
                 "al", "van", "von", "der", "den", "y", "e"}

    def add_place(name: str, pop: int, org: bool = False, curated: bool = False) -> None:
        toks = place_tokens(name)
        if not toks:
            return
        if curated and len(toks) == 1 and name.isupper() and len(name) <= 4:
            lex.caps_places.add(toks[0])  # "ANA" the airline, not "Ana" the name
            return
        if len(toks) > 1 and not curated and pop < 100_000 and all(
                t in particles or flags.get(t, 0) & (FIRST | LAST) for t in toks):
            return  # "Diego Martin", "Eva Peron": small towns named like people
        if len(toks) == 1:
            bit = PLACE | (ORG if org else 0) | (MAJOR if pop >= 100_000 else 0)
            flags[toks[0]] = flags.get(toks[0], 0) | bit
        else:
            flags[toks[0]] = flags.get(toks[0], 0) | PLACE_START
            lst = lex.multi.setdefault(toks[0], [])
            if toks not in lst:
                lst.append(toks)

    for line in _read_lines(PLACES_FILE):
        name, _, pop = line.partition("\t")
        add_place(name, int(pop or 0))
    big = 10**8
    for name in DESTINATIONS:
        add_place(name, big, curated=True)
    for name in AIRLINES + HOTEL_BRANDS + RETAIL_BRANDS:
        add_place(name, big, org=True, curated=True)
    for w in PLACE_INDICATORS:
        mark(w, INDICATOR)
    for w in WEAK_PLACE_INDICATORS:
        mark(w, INDICATOR | WEAK_INDICATOR)
    for w in TITLES:
        mark(w, TITLE)
    for lst in lex.multi.values():
        lst.sort(key=len, reverse=True)
    return lex


# German/Dutch linking elements between the parts of a compound ("Versicherung-s-nummer", "Hühner-ei").
_LINKS = ("", "s", "es", "n", "en", "e", "er")
_MIN_PART = 3  # shortest compound part looked up ("Eis|zeit"); shorter ones match too much by chance
_MIN_COMPOUND = 7  # shortest word tried as a compound


def ordinary_compound(lex: "Lexicon", key: str, rare_heads: "SortedWords | None" = None) -> bool:
    """``key`` (a :func:`norm_key`) splits into an ordinary word (or, given ``rare_heads``, a rare word), an optional
    linking element and another ordinary word: "kundendienst" = Kunde-n-dienst, "versicherungsnummer". German and
    Dutch write compounds as one capitalised word, too many for any word list; a name rarely splits so."""
    if len(key) < _MIN_COMPOUND:
        return False
    for cut in range(_MIN_PART, len(key) - _MIN_PART + 1):
        if not lex.get(key[cut:]) & COMMON:
            continue
        head = key[:cut]
        for link in _LINKS:
            if head.endswith(link) and len(head) - len(link) >= _MIN_PART:
                part = head[:len(head) - len(link)] if link else head
                if lex.get(part) & COMMON or (rare_heads is not None and part in rare_heads):
                    return True
    return False
