"""The generator's data pools, read from the YAML files in ``synthetic/data/``: topic mix, agents, places,
message templates per language, what PII values look like, and the noise planted on top.

This module owns loading them and giving them the shapes the generator uses (records as tuples,
``LANG_INDEX`` from the order of localized names); the text itself lives in the data files so it can be
reviewed, or a language added, without touching code:

* ``mix.yaml``       topic/language/channel weights, agents and their CSAT, what agents ask for per topic
* ``people.yaml``    persona locales, titles, tricky names, e-mail/phone/IBAN/passport formats, month names
* ``places.yaml``    countries, destinations, airlines, hotels
* ``noise.yaml``     foreign openers, broken templates, system rows, garbage, near-duplicate edits
* ``texts_<lang>.yaml`` the message templates of one language (en, es, fr, de)

Template slots (``{name}``) are filled by the generator; each slot is one of three categories:

* PII (recorded in the truth file with exact offsets): ``name`` (customer as typed), ``first``,
  ``last`` (customer, properly cased), ``agent`` (the agent's own first name), ``email``,
  ``phone``, ``card``, ``iban``, ``ssn``, ``ip``, ``address``, ``passport``, ``dob``, ``ref``, ``pnr``.
* places that must survive scrubbing: ``city``, ``city2`` (destinations), ``country``,
  ``home_country``, ``airline``, ``hotel``.
* other non-PII that looks a bit like PII: ``flight``, ``price``, ``price2``, ``date``, ``date2``,
  ``time``, ``gate``, ``terminal``, ``seat``, ``last4``.
* ``asks`` and ``title`` are plain text filled in by the generator (not recorded).
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when libyaml is there: ~10x faster


def load(name: str) -> dict[str, Any]:
    """One data file of this package, parsed."""
    text = resources.files("tunehouse.synthetic").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


def _records(items: list) -> list[tuple]:
    """YAML has no tuples: fixed-shape records ([name, code], [from, to]) become tuples again."""
    return [tuple(x) for x in items]


# -------------------------------------------------------------------------------------------- mix
_mix = load("mix.yaml")
TOPIC_WEIGHTS: dict[str, float] = _mix["topic_weights"]
LANGUAGE_WEIGHTS: dict[str, float] = _mix["language_weights"]
CHANNEL_WEIGHTS: dict[str, float] = _mix["channel_weights"]
AGENTS: list[dict] = [{**a, "langs": tuple(a["langs"])} for a in _mix["agents"]]
HOUSE_STYLES: tuple[str, ...] = tuple(_mix["house_styles"])
CSAT_WEIGHTS: dict[str, tuple[float, ...]] = {k: tuple(v) for k, v in _mix["csat_weights"].items()}
SIGNOFF: str = _mix["signoff"]
TOPIC_DETAILS: dict[str, list[str]] = _mix["topic_details"]
OVERSHARE: list[str] = _mix["overshare"]

# -------------------------------------------------------------------------------------------- people
_people = load("people.yaml")
PERSONA_LOCALES: dict[str, list[tuple[str, float]]] = {k: _records(v) for k, v in _people["persona_locales"].items()}
LOCALE_COUNTRY: dict[str, str] = _people["locale_country"]
TITLES: dict[str, list[str]] = _people["titles"]
TRICKY_NAMES: list[tuple[str, str]] = _records(_people["tricky_names"])
EMAIL_DOMAINS: dict[str, list[str]] = _people["email_domains"]
PHONE_FORMATS: dict[str, list[str]] = _people["phone_formats"]
# BBAN parts (kind, length); a kind that is a tuple lists literal bank codes to choose from
IBAN_LAYOUTS: dict[str, list[tuple]] = {
    country: [(tuple(kind) if isinstance(kind, list) else kind, n) for kind, n in parts]
    for country, parts in _people["iban_layouts"].items()
}
PASSPORT_FORMATS: dict[str, list[str]] = _people["passport_formats"]
MONTHS: dict[str, list[str]] = _people["months"]

# -------------------------------------------------------------------------------------------- places
_places = load("places.yaml")
LANG_INDEX: dict[str, int] = {lang: i for i, lang in enumerate(_places["languages"])}
COUNTRIES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _places["countries"].items()}
DESTINATIONS: list[tuple[str, str, dict[str, str]]] = _records(_places["destinations"])
AIRLINES: list[tuple[str, str]] = _records(_places["airlines"])
HOTEL_CHAINS: list[str] = _places["hotel_chains"]
NAMED_HOTELS: dict[str, list[str]] = _places["named_hotels"]

# -------------------------------------------------------------------------------------------- messages
TEXTS: dict[str, dict] = {lang: load(f"texts_{lang}.yaml") for lang in LANG_INDEX}
for _texts in TEXTS.values():
    _texts["followups"] = _records(_texts["followups"])  # (customer question, agent answer)

# -------------------------------------------------------------------------------------------- noise
_noise = load("noise.yaml")
FOREIGN_OPENERS: dict[str, list[str]] = _noise["foreign_openers"]
UNSUPPORTED_REPLY: str = _noise["unsupported_reply"]
ERROR_TEXTS: list[str] = _noise["error_texts"]
SYSTEM_TEXTS: dict[str, str] = _noise["system_texts"]
VISITOR_INFO: list[str] = _noise["visitor_info"]
BROWSERS: list[str] = _noise["browsers"]
PAGES: list[str] = _noise["pages"]
KEYBOARD_ROWS: list[str] = _noise["keyboard_rows"]
EMOJI_ONLY: list[str] = _noise["emoji_only"]
WHITESPACE: list[str] = _noise["whitespace"]
ATTACHMENTS: list[str] = _noise["attachments"]
EMOJI_TAIL: list[str] = _noise["emoji_tail"]
WORD_SWAPS: list[tuple[str, str]] = _records(_noise["word_swaps"])
ADDED_SENTENCES: dict[str, list[str]] = _noise["added_sentences"]
