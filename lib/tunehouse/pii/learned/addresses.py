"""Person names and postal addresses in each language's own formats, drawn with a seeded ``random.Random``.

Formats covered: US (number, street, unit, city, state, ZIP), UK (flat, house number, postcode), US military
(Unit/PSC/CMR boxes with APO/FPO/DPO), PO boxes, and the continental orders: street then number (de, nl,
es, it, pt), number then street (fr), postcode before the city. A street may also be a bare name with a
number and no street-type word, as in much of Northern and Eastern Europe.

Every function returns plain text; :mod:`.corpus` labels the whole of it.
"""

from __future__ import annotations

import random
import re
import string

from tunehouse.pii.learned import sources as S
from tunehouse.pii.learned import vocab as V

_UPPER = string.ascii_uppercase


# --------------------------------------------------------------------------- names
def first_name(rng: random.Random, lang: str) -> str:
    roll = rng.random()
    if roll < 0.2:
        return rng.choice(S.first_names(S.WORLD, 3))
    if lang == "en" and roll < 0.45:
        return rng.choice(S.census_first_names())
    return rng.choice(S.first_names(S.LANGUAGE_COUNTRIES[lang], 2))


def surname(rng: random.Random, lang: str) -> str:
    roll = rng.random()
    if lang in V.SURNAME_PARTICLES and roll < 0.2:
        place = rng.choice(S.cities(S.LANGUAGE_CITY_COUNTRIES[lang])) if lang == "nl" and roll < 0.1 else None
        return f"{rng.choice(V.SURNAME_PARTICLES[lang])} {place or rng.choice(S.surnames())}"
    if lang in ("es", "pt") and roll < 0.5:
        return f"{rng.choice(S.surnames())} {rng.choice(S.surnames())}"  # two family names
    if roll > 0.96:
        return f"{rng.choice(S.surnames())}-{rng.choice(S.surnames())}"
    return rng.choice(S.surnames())


def full_name(rng: random.Random, lang: str) -> str:
    roll = rng.random()
    first = first_name(rng, lang)
    if roll < 0.08:
        return f"{first[0]}. {surname(rng, lang)}"
    if roll < 0.16:
        return f"{first} {rng.choice(_UPPER)}. {surname(rng, lang)}"
    if roll < 0.22:
        return f"{first} {first_name(rng, lang)} {surname(rng, lang)}"
    return f"{first} {surname(rng, lang)}"


# --------------------------------------------------------------------------- nicknames, articles, genitives
_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýąęı")
# Per language, the endings of its diminutives: added to the first syllable ("stem": Ben -> Benny), to the name
# less its final vowel ("body": Juan -> Juanito, Marta -> Martita), or to the whole name ("name": Jan -> Jantje);
# "short" keeps the first syllable(s) alone (Fede, Gab) and "redup" doubles the first one (Jojo, Mimi).
# Masculine and feminine endings are told apart only by a final "a", which is good enough for a corpus.
NICKNAME_RULES: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = {
    "en": (("stem", ("y", "ie", "o", "s", "ers"), ("y", "ie", "s")), ("short", (), ()), ("redup", (), ())),
    "de": (("stem", ("i", "e", "o"), ("i", "e")), ("body", ("chen", "el"), ("chen", "le")), ("short", (), ())),
    "fr": (("short", (), ()), ("redup", (), ()), ("body", ("ou", "ot"), ("ette", "ou")), ("stem", ("o",), ("o",))),
    "es": (("body", ("ito", "i", "ín"), ("ita", "i")), ("short", (), ()), ("stem", ("i", "o"), ("i",))),
    "it": (("body", ("ino", "uccio", "etto"), ("ina", "uccia", "etta")), ("short", (), ()), ("stem", ("i",), ("i",))),
    "nl": (("name", ("tje", "je", "ie"), ("tje", "je", "ie")), ("short", (), ()), ("stem", ("ie", "s"), ("ie",))),
    "pt": (("body", ("inho", "ito", "ão"), ("inha", "ita")), ("short", (), ()), ("redup", (), ())),
    "pl": (("body", ("ek", "uś", "cio"), ("ka", "sia", "unia")), ("short", (), ())),
    "cs": (("body", ("ík", "ek", "ouš"), ("ka", "uška", "inka")), ("short", (), ()), ("stem", ("da",), ("ča",))),
    "sv": (("stem", ("e", "an", "is"), ("a", "is", "an")), ("short", (), ())),
    "nb": (("stem", ("e", "en", "is"), ("a", "e")), ("short", (), ())),
    "da": (("stem", ("e", "ser", "ie"), ("e", "ie")), ("short", (), ())),
    "fi": (("stem", ("ke", "ppa", "tsa"), ("ke", "ppa", "ski")), ("short", (), ())),
    "ro": (("body", ("el", "ică", "uț"), ("uța", "ica", "uca")), ("short", (), ())),
    "ca": (("body", ("et", "ona", "ic"), ("eta", "ona")), ("short", (), ()), ("stem", ("i",), ("i",))),
    "tr": (("name", ("cim", "cık"), ("cim", "cık")), ("short", (), ())),
}
# The definite article colloquial speech puts before a first name (feminine, masculine, before a vowel).
NAME_ARTICLES: dict[str, tuple[str, str, str]] = {
    "it": ("la ", "il ", "l'"), "pt": ("a ", "o ", ""), "es": ("la ", "el ", ""), "ca": ("la ", "en ", "l'"),
    "de": ("die ", "der ", ""),
}
# Languages whose possessive glues an s to the name ("Annas Auto", "Jans fiets" is written "Jan's" in Dutch).
GENITIVE_S = frozenset({"de", "sv", "nb", "da"})


def _first_syllable(name: str, groups: int = 1) -> str:
    """The name up to its ``groups``-th vowel group and one consonant after it (Benjamin -> Ben, Federico, 2 ->
    Fed); the whole name when it is shorter."""
    i, seen = 0, 0
    while i < len(name) and seen < groups:
        while i < len(name) and name[i].lower() not in _VOWELS:
            i += 1
        while i < len(name) and name[i].lower() in _VOWELS:
            i += 1
        seen += 1
    if i < len(name) and name[i].lower() not in _VOWELS:
        i += 1
    return name[:max(i, 2)]


def nickname_of(name: str, lang: str, rng: random.Random) -> str:
    """A diminutive or short form of ``name`` by one of the language's rules (Benjamin -> Benny, Juan -> Juanito,
    Marta -> Martita, Gabriele -> Gabi, Joana -> Jojo); one word of letters, capitalised like the name."""
    name = re.split(r"[-' ]", name)[0] or name  # Jean-Luc -> Jean, Yong-Han -> Yong
    rule, masc, fem = rng.choice(NICKNAME_RULES.get(lang, NICKNAME_RULES["en"]))
    endings = fem if _feminine(name, lang) else masc
    stem = _first_syllable(name, rng.choice((1, 1, 2)))
    if rule == "short" or not endings and rule != "redup":
        out = stem
    elif rule == "redup":
        vowel = next((i for i, ch in enumerate(name) if ch.lower() in _VOWELS), 0)
        cv = name[0] + name[vowel] if vowel else name[:2]  # Joana -> Jo, Thomas -> To
        out = cv + cv.lower()
    elif rule == "stem":
        stem = _first_syllable(name)
        if lang == "en" and stem[-1].lower() not in _VOWELS and rng.random() < 0.5:
            stem += stem[-1]  # Ben -> Benny, Tom -> Tommy
        out = stem + rng.choice(endings)
    elif rule == "body":
        out = (name[:-1] if name[-1].lower() in _VOWELS and len(name) > 3 else name) + rng.choice(endings)
    else:
        out = name + rng.choice(endings)
    # a short form of one or two letters reads as a word ("Is", "Al"), not as a name: keep the name then
    return out if out.isalpha() and out != name and len(out) >= 3 else name


def _feminine(name: str, lang: str) -> bool:
    """The name's gender in the language's countries as the name dictionary gives it (Luca: masculine in
    Italy); by a final "a" where it gives none."""
    gender = S.first_name_gender(name, S.LANGUAGE_COUNTRIES.get(lang, S.WORLD))
    return gender == "F" if gender else name.endswith("a")


def nickname(rng: random.Random, lang: str) -> str:
    return nickname_of(first_name(rng, lang), lang, rng)


def article_for(name: str, lang: str) -> str:
    """The article before a first name in ``lang`` ("la " Giulia, "o " João, "l'"Anna, "en " Jordi); "" where the
    language has none."""
    if lang not in NAME_ARTICLES:
        return ""
    fem, masc, elided = NAME_ARTICLES[lang]
    if elided and name[0].lower() in _VOWELS:
        return elided
    return fem if _feminine(name, lang) else masc


def genitive(name: str) -> str:
    """The s-genitive of a name as German and Scandinavian write it: Annas, Jens' (no s after s, x, z)."""
    return name + ("'" if name[-1].lower() in "sxzß" else "s")


# --------------------------------------------------------------------------- pieces
def _digits(rng: random.Random, lo: int, hi: int) -> str:
    return str(rng.randint(lo, hi))


def _house_number(rng: random.Random) -> str:
    n = str(int(rng.paretovariate(0.9)) % 400 + 1)
    return n + (rng.choice(("a", "b", "A", "B", "bis")) if rng.random() < 0.08 else "")


def _city(rng: random.Random, lang: str) -> str:
    return rng.choice(S.cities(S.LANGUAGE_CITY_COUNTRIES[lang]))


def _name_stem(rng: random.Random, lang: str) -> str:
    """A street named after someone: a surname, or a first name and a surname."""
    if rng.random() < 0.5:
        return rng.choice(S.surnames())
    return f"{first_name(rng, lang)} {rng.choice(S.surnames())}"


def street_name(rng: random.Random, lang: str) -> str:
    """A street name without number in the language's shape ("Lindenallee", "rue des Lilas", "Via Roma")."""
    stems = V.STREET_STEMS[lang]
    if lang == "en":
        stem = rng.choice(stems) if rng.random() < 0.5 else rng.choice(S.surnames())
        return f"{stem} {rng.choice(V.STREET_SUFFIX['en'])}"
    if lang in ("de", "nl"):
        if rng.random() < 0.2:
            return f"{rng.choice(V.STREET_PREFIX[lang])} {rng.choice(S.surnames())}"
        stem = rng.choice(stems) if rng.random() < 0.55 else rng.choice(S.surnames())
        suffix = rng.choice(V.STREET_SUFFIX[lang])
        return f"{stem}{suffix}" if rng.random() < 0.85 else f"{stem} {suffix.capitalize()}"
    prefix = rng.choice(V.STREET_PREFIX[lang])
    stem = rng.choice(stems)
    if stem.endswith((" ", "-")) or rng.random() < 0.4:  # "San ", "de São ", "Saint-" take a first name
        stem = (stem if stem.endswith((" ", "-")) else "") + _name_stem(rng, lang)
    return f"{prefix} {stem}"


def street_line(rng: random.Random, lang: str) -> str:
    """Street and number (with unit where the format has one)."""
    if rng.random() < 0.07:  # bare name + number, no street-type word
        return f"{rng.choice(S.surnames())} {_house_number(rng)}"
    name, number = street_name(rng, lang), _house_number(rng)
    if lang == "en":
        line = f"{number} {name}"
        if rng.random() < 0.2:
            line += rng.choice((", Apt ", " Apt. ", ", Unit ", ", Suite ", " #", ", Flat ")) + _digits(rng, 1, 40)
        elif rng.random() < 0.08:
            line = f"Flat {_digits(rng, 1, 30)}, {line}"
        return line
    if lang == "fr":
        return f"{number}{rng.choice(('', ',', ' bis,'))} {name}"
    if lang == "es":
        floor = f", {_digits(rng, 1, 9)}º {rng.choice('ABCD')}" if rng.random() < 0.35 else ""
        return f"{name}{rng.choice((', ', ' '))}{number}{floor}"
    if lang == "it":
        return f"{name}{rng.choice((', ', ' '))}{number}"
    if lang == "pt":
        side = f", {_digits(rng, 1, 9)}º {rng.choice(('Esq.', 'Dto.', 'andar'))}" if rng.random() < 0.3 else ""
        return f"{name}{rng.choice((', ', ' '))}{number}{side}"
    return f"{name} {number}"


def _postcode(rng: random.Random, lang: str) -> str:
    if lang == "en":
        if rng.random() < 0.5:
            return _digits(rng, 10000, 99999)
        area = "".join(rng.choice(_UPPER) for _ in range(rng.choice((1, 2))))
        return f"{area}{_digits(rng, 1, 29)} {rng.randint(1, 9)}{rng.choice(_UPPER)}{rng.choice(_UPPER)}"
    if lang == "nl":
        return f"{_digits(rng, 1000, 9999)} {rng.choice(_UPPER)}{rng.choice(_UPPER)}"
    if lang == "pt":
        return f"{_digits(rng, 1000, 9999)}-{_digits(rng, 100, 999)}"
    return f"{rng.randint(1, 9)}{rng.randint(0, 9999):04d}"


def _city_line(rng: random.Random, lang: str) -> str:
    city = _city(rng, lang)
    if lang == "en":
        code = _postcode(rng, "en")
        if code.isdigit():
            st_code, st_name = rng.choice(S.us_states())
            return f"{city}, {st_code if rng.random() < 0.85 else st_name} {code}"
        return f"{city} {code}" if rng.random() < 0.5 else f"{city}, {code}"
    if lang == "it" and rng.random() < 0.5:
        return f"{_postcode(rng, lang)} {city} ({rng.choice(_UPPER)}{rng.choice(_UPPER)})"
    return f"{_postcode(rng, lang)} {city}"


def military_address(rng: random.Random) -> str:
    box = f"Box {_digits(rng, 1000, 9999)}"
    tail = f"{rng.choice(('APO', 'FPO', 'DPO'))} {rng.choice(('AE', 'AP', 'AA'))} {_digits(rng, 9000, 99999):0>5}"
    head = rng.choice((f"Unit {_digits(rng, 1000, 9999)} {box}", f"PSC {_digits(rng, 1000, 9999)}, {box}",
                       f"CMR {_digits(rng, 100, 999)} {box}", f"USNS {rng.choice(S.surnames())}",
                       f"USS {rng.choice(S.surnames())}"))
    return f"{head}, {tail}"


def po_box(rng: random.Random, lang: str) -> str:
    word = {"en": "P.O. Box", "de": "Postfach", "fr": "BP", "es": "Apartado", "it": "Casella Postale",
            "nl": "Postbus", "pt": "Apartado"}[lang]
    return f"{word} {_digits(rng, 10, 9999)}, {_city_line(rng, lang)}"


def address(rng: random.Random, lang: str, multiline: bool = False) -> str:
    """A postal address: street line, often followed by the city line (its own line when multiline)."""
    roll = rng.random()
    if lang == "en" and roll < 0.06:
        military = military_address(rng)
        return military.replace(", ", "\n", 1) if multiline else military
    if roll < 0.1:
        return po_box(rng, lang)
    street = street_line(rng, lang)
    if not multiline and roll < 0.35:
        return street
    return street + ("\n" if multiline else ", ") + _city_line(rng, lang)
