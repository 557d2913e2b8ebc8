"""PII detection and scrubbing for chat logs, fast enough for a Spark pandas UDF.

No NLP model: compiled regular expressions with validation (Luhn, IBAN mod-97, SSN rules, IPv4
octets, DNI/NIE letters, NIR keys), context cues in English, Spanish, French and German ("my name
is", "passport number", "DOB", "Buchungsnummer", ...) and gazetteers (first names and surnames of
~90 locales, cities, countries, airlines, hotel brands, destinations) looked up once per
capitalised token. Place names, flight numbers, prices, dates of travel and times are kept.

    >>> scrubber = get_scrubber()
    >>> scrubber.scrub_text("Hi, I'm Anna Kowalski, flying BA 283 to Lisbon. anna.k@gmail.com")[0]
    "Hi, I'm <PERSON_1>, flying BA 283 to Lisbon. <EMAIL_1>"

``Scrubber.detect`` runs the detectors (``tunehouse.pii.detectors``, one module per family) over a
text, resolves their overlapping candidates (``tunehouse.pii.resolver``) and grows person names over
the name parts next to them (``detectors.name_join``); ``scrub_text`` / ``scrub_messages`` replace
the entities by placeholders (``tunehouse.contracts.placeholders``), numbered consistently within a
conversation. ``evaluate`` scores a detector on labelled cases; ``scrub_jsonl`` (in
``tunehouse.pii.jsonl``, importable from here) is the ``tunehouse scrub`` file command.

A ``Scrubber`` pickles to its settings only and rebuilds its tables on unpickling (once per
process: the gazetteer and regexes are module-level caches), so it can be shipped to Spark
executors; with a learned detector it pickles that too (to its path and options: the model is loaded
once per process by ``tunehouse.pii.learned.detector.get_detector``). ``detect()`` never reports a
placeholder such as ``<PERSON_1>``, so the scrubbed output can be re-scanned as a residual-PII gate.

Scrubbing is idempotent: ``detect(scrub_text(t)[0]) == []`` for any text (and for every message of
``scrub_messages``), which the curation pipeline's residual-PII gate relies on. Two rules make it so,
rather than a second pass:

* Name parts next to a name. A PERSON span grows over the capitalised words right next to it (only
  blanks or particles between) that the lexicon knows as first names or surnames, even when they
  are also months, places or common words ("Hola Julio César", "Dear May Li", "Thanks, Will
  Smith"); titles, brands, place words and function words stay out. ``detect()`` applies the same
  rule next to a PERSON placeholder, so "Hola Julio <PERSON_1>" reports "Julio": nothing that
  scrubbing leaves next to a placeholder would be joined to it on a second scan.
* Values next to values. Digit runs are scanned around the values already found (an IBAN, an SSN,
  a card, an address), and a candidate that loses an overlap keeps the part outside it when that
  part is still a value (a phone number cut short by a card, a name running into an e-mail), as a
  second scan of the scrubbed text, where the winner is a placeholder, would see them.

With ``pii.detector = "rules+learned"`` (or "auto" when a model is there; ``scrubber_from_settings``) the
learned name model runs beside the rules: its spans join the rules' candidates in the resolver at a rank below every
rule candidate of the same reach (``LEARNED_PRIORITY``), so a learned span is taken only where no rule
candidate overlaps it (a learned PERSON that a rule span cuts keeps its words outside it, as a rule
PERSON does). ``detect_batch`` / ``scrub_conversations`` run the model once over many texts. The
idempotence above is a property of the rules; the learned model reads context, which scrubbing changes.
"""

from __future__ import annotations

import collections
import functools
import logging
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from tunehouse.contracts.placeholders import PLACEHOLDER_RE, placeholder
from tunehouse.errors import UserError
from tunehouse.pii.detectors import Pipeline, Scan
from tunehouse.pii.detectors.address_parts import complete_addresses
from tunehouse.pii.detectors.name_join import join_adjacent
from tunehouse.pii.detectors.phone_numbers import with_extensions
from tunehouse.pii.entity import Candidate, Entity
from tunehouse.pii.jsonl import main, scrub_jsonl
from tunehouse.pii.lexicon import figure_key, load_lexicon, load_public_figures
from tunehouse.pii.other_scripts import names_in_latin_spelling
from tunehouse.pii.resolver import resolve
from tunehouse.pii.settings import PiiSettings
from tunehouse.pii.transliteration import has_other_script

if TYPE_CHECKING:
    from tunehouse.config import Settings
    from tunehouse.pii.learned.detector import LearnedDetector

__all__ = ["Entity", "Scrubber", "evaluate", "get_scrubber", "learned_detector", "main", "scrub_jsonl",
           "scrubber_from_settings", "scrubbing_label", "scrubbing_model"]

log = logging.getLogger(__name__)

# Rank of the learned model's spans in the resolver (see ``entity.PRIORITY``). A learned PERSON ranks
# below every rule candidate, so it fills only gaps the rules leave; a learned STREET_ADDRESS ranks just
# below a rule address but above phone numbers and rule names ("Calle Juan Pérez 12" is an address).
LEARNED_PRIORITY = {"PERSON": 39, "STREET_ADDRESS": 69}


class Scrubber:
    """Detect and replace PII. Build once per process (see ``get_scrubber``); thread-safe to use."""

    def __init__(self, settings: PiiSettings | None = None, learned: "LearnedDetector | None" = None):
        self.settings = settings if settings is not None else PiiSettings()
        self.learned = learned
        self._enabled = frozenset(self.settings.entities)
        self._complete_addresses = ("STREET_ADDRESS" in self._enabled
                                    and "address_parts" not in self.settings.disabled_detectors)
        self._person = "PERSON" in self._enabled
        self._lex = load_lexicon()
        self._allow = frozenset(t.strip().casefold() for t in self.settings.allow_terms if t.strip())
        self._figures = load_public_figures() if self.settings.keep_public_figures and self._person else frozenset()
        self._pipeline = Pipeline(self.settings)

    # ------------------------------------------------------------------ pickling
    def __getstate__(self) -> dict:
        return {"settings": self.settings.model_dump(), "learned": self.learned}

    def __setstate__(self, state: dict) -> None:
        self.__init__(PiiSettings(**state["settings"]), state.get("learned"))

    # ------------------------------------------------------------------ detection
    def detect(self, text: str) -> list[Entity]:
        """Non-overlapping PII spans, sorted by start."""
        if self.learned is not None:
            return self.detect_batch([text])[0]
        return self._detect(text, ())

    def detect_batch(self, texts: list[str]) -> list[list[Entity]]:
        """``detect`` of every text: the rules first, then the learned model (if any) once over the texts
        where it could add something beside what the rules found (see ``LearnedDetector.detect_batch``)."""
        if self.learned is None:
            return [self._detect(t, ()) for t in texts]
        rules = [self._rule_candidates(t) if t and isinstance(t, str) else [] for t in texts]
        learned: list = [()] * len(texts)
        idx = [i for i, t in enumerate(texts) if t and isinstance(t, str)]
        covered = [[(c.start, c.end) for c in rules[i] if c.score >= self.settings.min_score] for i in idx]
        for i, ents in zip(idx, self.learned.detect_batch([texts[i] for i in idx], covered)):
            learned[i] = ents
        return [self._detect(t, ents, found) for t, ents, found in zip(texts, learned, rules)]

    def _rule_candidates(self, text: str) -> list[Candidate]:
        found = self._run_rules(text)
        if self._person and has_other_script(text):
            found += names_in_latin_spelling(text, self._run_rules)
        return found

    def _run_rules(self, text: str) -> list[Candidate]:
        return self._pipeline.run(Scan(text, self._enabled, self._lex))

    def _detect(self, text: str, learned: Iterable[Entity], found: list[Candidate] | None = None) -> list[Entity]:
        """The rules' candidates (``found``, else computed here) plus the learned spans of ``text``, resolved."""
        if not text:
            return []
        found = list(found) if found is not None else self._rule_candidates(text)
        found.extend(Candidate(e.type, e.start, e.end, e.score, LEARNED_PRIORITY[e.type]) for e in learned
                     if e.type in self._enabled and e.type in LEARNED_PRIORITY)
        if not found and not (self._person and "<" in text):
            return []
        ents = resolve(text, found, self.settings.min_score, self._allow) if found else []
        if self._person:
            ents = join_adjacent(self._lex, text, ents)
        if self._complete_addresses:  # the floor, postcode and town around a street line
            ents = complete_addresses(text, ents, self._lex)
        if "PHONE" in self._enabled:
            ents = with_extensions(text, ents)
        if self._figures:  # after the joins: a whole name ("Albert Einstein"), never a part of one
            ents = [e for e in ents if e.type != "PERSON" or figure_key(text[e.start:e.end]) not in self._figures]
        return ents

    # ------------------------------------------------------------------ scrubbing
    def _placeholder(self, typ: str, value: str, mapping: dict) -> str:
        if self.settings.placeholder_style == "typed":
            return placeholder(typ)
        key = f"{typ}\x1f{_norm_value(typ, value)}"
        ph = mapping.get(key)
        if ph is None:
            if typ == "PERSON":
                ph = _person_alias(mapping, key)
            if ph is None:
                counters = mapping.setdefault("\x1fcounters", {})
                counters[typ] = counters.get(typ, 0) + 1
                ph = placeholder(typ, counters[typ])
            mapping[key] = ph
        return ph

    def _replace(self, text: str, ents: list[Entity], mapping: dict) -> tuple[str, collections.Counter]:
        counts: collections.Counter = collections.Counter()
        if not ents:
            return text, counts
        out = []
        pos = 0
        for ent in ents:
            out.append(text[pos:ent.start])
            out.append(self._placeholder(ent.type, text[ent.start:ent.end], mapping))
            counts[ent.type] += 1
            pos = ent.end
        out.append(text[pos:])
        return "".join(out), counts

    def scrub_text(self, text: str, mapping: dict | None = None) -> tuple[str, collections.Counter]:
        """Replace PII in ``text`` with placeholders; returns (text, counts by type).

        Pass the same ``mapping`` dict to several calls to keep placeholders consistent across them
        (the same value -> the same ``<TYPE_n>``; the dict's keys are internal). Without one,
        numbering restarts per call.
        """
        if not text or not isinstance(text, str):
            return text, collections.Counter()
        mapping = {} if mapping is None else mapping
        if "<" in text:
            _reserve_numbers(mapping, (text,))
        return self._replace(text, self.detect(text), mapping)

    def scrub_messages(self, messages: list[dict], mapping: dict | None = None) -> tuple[list[dict], collections.Counter]:
        """Scrub the ``content`` of chat messages with placeholders consistent across the conversation.

        The same value gets the same placeholder in every message, and a lone first or last name
        shares the placeholder of the full name it belongs to ("Anna" -> the "<PERSON_1>" of "Anna
        Kowalski"). Other keys are kept as they are; ``content`` may be a string or a list of parts
        (``{"type": "text", "text": ...}``). The input is not modified.
        """
        slots = _text_slots(messages)
        return self._scrub_slots(messages, slots, self.detect_batch([t for _, _, t in slots]), mapping)

    def scrub_conversations(self, conversations: list[list[dict]]) -> list[tuple[list[dict], collections.Counter]]:
        """``scrub_messages`` of each conversation (its own placeholder numbering), the texts of all of
        them detected in one ``detect_batch`` (one pass of the learned model per Spark batch)."""
        slots = [_text_slots(msgs) for msgs in conversations]
        found = self.detect_batch([t for conv in slots for _, _, t in conv])
        out, pos = [], 0
        for msgs, conv in zip(conversations, slots):
            out.append(self._scrub_slots(msgs, conv, found[pos:pos + len(conv)], {}))
            pos += len(conv)
        return out

    def _scrub_slots(self, messages: list[dict], slots: list[tuple[int, int | None, str]],
                     found: list[list[Entity]], mapping: dict | None) -> tuple[list[dict], collections.Counter]:
        """Replace the entities ``found`` in the texts ``slots`` of ``messages`` (see ``scrub_messages``)."""
        mapping = {} if mapping is None else mapping
        if any("<" in t for _, _, t in slots):
            _reserve_numbers(mapping, (t for _, _, t in slots))
        if self.settings.placeholder_style == "numbered":
            # full names first, so that "Anna" alone maps to the placeholder of "Anna Kowalski"
            for (_, _, t), ents in zip(slots, found):
                for e in ents:
                    if e.type == "PERSON" and " " in t[e.start:e.end].strip():
                        self._placeholder("PERSON", t[e.start:e.end], mapping)
        out = [dict(m) if isinstance(m, dict) else m for m in messages]
        total: collections.Counter = collections.Counter()
        for (i, j, t), ents in zip(slots, found):
            new_text, cnt = self._replace(t, ents, mapping)
            total.update(cnt)
            if j is None:
                out[i]["content"] = new_text
            else:
                if out[i]["content"] is messages[i]["content"]:
                    out[i]["content"] = list(messages[i]["content"])
                part = dict(out[i]["content"][j])
                part["text"] = new_text
                out[i]["content"][j] = part
        return out, total

    def scrub_text_batch(self, texts: list[str]) -> list[tuple[str, collections.Counter]]:
        """``scrub_text`` of each text (numbering restarts per text), detected in one ``detect_batch``."""
        out = []
        for text, ents in zip(texts, self.detect_batch(texts)):
            if not text or not isinstance(text, str):
                out.append((text, collections.Counter()))
                continue
            mapping: dict = {}
            if "<" in text:
                _reserve_numbers(mapping, (text,))
            out.append(self._replace(text, ents, mapping))
        return out

    def scrub_texts(self, texts: Iterable[str]) -> list[str]:
        """Scrub each text independently (numbering restarts per text)."""
        return [self.scrub_text(t)[0] if isinstance(t, str) else t for t in texts]


def _text_slots(messages: list[dict]) -> list[tuple[int, int | None, str]]:
    """(message index, part index or None, text) of every text in ``messages``."""
    slots: list[tuple[int, int | None, str]] = []
    for i, msg in enumerate(messages):
        c = msg.get("content") if isinstance(msg, dict) else None
        if isinstance(c, str):
            slots.append((i, None, c))
        elif isinstance(c, list):
            slots.extend((i, j, p["text"]) for j, p in enumerate(c)
                         if isinstance(p, dict) and isinstance(p.get("text"), str))
    return slots


def _reserve_numbers(mapping: dict, texts: Iterable[str]) -> None:
    """Placeholders already in the text ("<PERSON_1>" in re-scrubbed text) keep their numbers: new
    ones are numbered after them."""
    counters = mapping.setdefault("\x1fcounters", {})
    for t in texts:
        if "<" in t:
            for m in PLACEHOLDER_RE.finditer(t):
                if m.group(2):
                    counters[m.group(1)] = max(counters.get(m.group(1), 0), int(m.group(2)))


def _norm_value(typ: str, value: str) -> str:
    if typ in ("PHONE", "CREDIT_CARD", "IBAN", "SSN"):
        return re.sub(r"[^0-9A-Za-z]", "", value).upper()
    return " ".join(value.casefold().split())


def _person_alias(mapping: dict, key: str) -> str | None:
    """A single-token PERSON that is the first or last token of a known full name shares its placeholder."""
    value = key.split("\x1f", 1)[1]
    if " " in value:
        return None
    for k, ph in mapping.items():
        if k.startswith("PERSON\x1f"):
            parts = k.split("\x1f", 1)[1].split()
            if len(parts) > 1 and (parts[0] == value or parts[-1] == value):
                return ph
    return None



@functools.lru_cache(maxsize=16)
def _cached_scrubber(settings_json: str, learned: "LearnedDetector | None") -> Scrubber:
    return Scrubber(PiiSettings.model_validate_json(settings_json), learned)


def get_scrubber(settings: PiiSettings | None = None, learned: "LearnedDetector | None" = None) -> Scrubber:
    """A process-wide cached ``Scrubber`` for these settings (use inside Spark UDF workers); ``learned``
    (from ``get_detector``'s process cache, so one object per model) runs beside the rules."""
    settings = settings if settings is not None else PiiSettings()
    return _cached_scrubber(settings.model_dump_json(), learned)


def learned_detector(settings: "Settings", required: bool = True) -> "LearnedDetector | None":
    """The learned model ``pii.model`` configures (loaded once per process). Absent model: a one-line
    ``UserError`` naming `tunehouse pii-model` when ``required``, else None."""
    try:
        from tunehouse.pii.learned.detector import detector_from_settings
    except ImportError as exc:
        if not required:
            return None
        raise UserError(f"pii.detector=rules+learned needs the pii-model extra (torch, transformers): {exc}") from exc
    try:
        return detector_from_settings(settings)
    except UserError as exc:
        if not required:
            return None
        raise UserError(f"pii.detector=rules+learned: {exc}") from exc


_WARNED_RULES_ONLY: set[tuple[str, str]] = set()  # the settings for which "rules only" was said


def scrubbing_model(settings: "Settings", fast: bool = False) -> "LearnedDetector | None":
    """The learned model that scrubs beside the rules, as ``pii.detector`` says: 'rules' (or ``fast``):
    none; 'rules+learned': the model, an error without one; 'auto': the model when there is one, else
    none and a warning (the run then scrubs with the rules alone, and says so in its summary)."""
    mode = settings.pii.detector
    if fast or mode == "rules":
        return None
    learned = learned_detector(settings, required=mode == "rules+learned")
    # said once per process and model settings: a curate run asks three times (scrub, export gate, summary)
    warn_key = (str(settings.storage.models), settings.pii.model.model_dump_json())
    if learned is None and warn_key not in _WARNED_RULES_ONLY:
        _WARNED_RULES_ONLY.add(warn_key)
        log.warning("PII scrubbing uses the rules only: no learned PII model for these settings (pii.detector=auto; "
                    "train one with `tunehouse pii-model` or set pii.model.path). Names without a cue are missed more.")
    return learned


def scrubbing_label(learned: "LearnedDetector | None") -> str:
    """What scrubbed, for summaries and the export manifest: "rules" or "rules+learned:<model folder>"."""
    return "rules" if learned is None else f"rules+learned:{learned.path}"


def scrubber_from_settings(settings: "Settings", fast: bool = False) -> Scrubber:
    """The scrubber ``pii.detector`` configures (``scrubbing_model``); ``fast``: rules only."""
    return get_scrubber(settings.pii, scrubbing_model(settings, fast))


# ============================================================================ evaluation

def evaluate(cases: list[dict], detect: Callable[[str], Iterable] | None = None,
             place_keep: Iterable[str] | None = None, min_coverage: float = 0.8) -> dict:
    """Score a detector on labelled cases (see ``tests/fixtures/pii_cases.py`` for the format).

    ``detect(text)`` returns ``Entity`` objects or ``(start, end[, type])`` tuples; default: the
    default scrubber. A PII value counts as removed when at least ``min_coverage`` of its
    alphanumeric characters fall inside detected spans. A ``keep`` string survives when none of its
    occurrences (outside labelled PII) overlaps a detected span.
    """
    if detect is None:
        detect = get_scrubber().detect
    place_keep = frozenset(place_keep or ())
    per_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])  # type -> [found, total]
    typed_ok = 0
    missed: list[tuple[str, str, str]] = []
    places, negatives = [0, 0], [0, 0]  # [kept, total]
    broken_places: list[tuple[str, str]] = []
    broken_negatives: list[tuple[str, str]] = []
    false_pos: list[tuple[str, str]] = []
    for case in cases:
        text = case["text"]
        spans = _detected_spans(detect, text)
        covered = bytearray(len(text))
        for s, e, _ in spans:
            covered[s:e] = b"\x01" * (e - s)
        labelled = []
        for typ, value in case.get("pii", ()):
            occ = _occurrences(text, value)
            if not occ:
                raise ValueError(f"PII value {value!r} not found in case {text!r}")
            for s, e in occ:
                labelled.append((s, e))
                alnum = [i for i in range(s, e) if text[i].isalnum()]
                ok = sum(covered[i] for i in alnum) >= min_coverage * len(alnum)
                per_type[typ][1] += 1
                if ok:
                    per_type[typ][0] += 1
                    if any(t == typ and s2 < e and s < e2 for s2, e2, t in spans):
                        typed_ok += 1
                else:
                    missed.append((typ, value, text))
        false_pos.extend((text[s:e], text) for s, e, t in spans
                         if not any(s < le and ls < e for ls, le in labelled))
        for keep in case.get("keep", ()):
            occ = [(s, e) for s, e in _occurrences(text, keep)
                   if not any(s < le and ls < e for ls, le in labelled)]
            if not occ:
                raise ValueError(f"keep string {keep!r} not found in case {text!r}")
            bucket, broken = (places, broken_places) if keep in place_keep else (negatives, broken_negatives)
            bucket[1] += 1
            if not any(any(covered[s:e]) for s, e in occ):
                bucket[0] += 1
            else:
                broken.append((keep, text))
    found = sum(v[0] for v in per_type.values())
    total = sum(v[1] for v in per_type.values())
    return {
        "recall": found / total if total else 1.0,
        "typed_recall": typed_ok / total if total else 1.0,
        "recall_by_type": {t: v[0] / v[1] for t, v in sorted(per_type.items())},
        "support_by_type": {t: v[1] for t, v in sorted(per_type.items())},
        "place_survival": places[0] / places[1] if places[1] else 1.0,
        "negatives_kept": negatives[0] / negatives[1] if negatives[1] else 1.0,
        "false_positives": len(false_pos),
        "missed": missed,
        "broken_places": broken_places,
        "broken_negatives": broken_negatives,
        "false_positive_spans": false_pos,
        "n_cases": len(cases),
        "n_pii": total,
    }


def _detected_spans(detect: Callable[[str], Iterable], text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, type or None) of what ``detect`` finds in ``text``."""
    spans = []
    for ent in detect(text):
        if isinstance(ent, Entity):
            spans.append((ent.start, ent.end, ent.type))
        else:
            spans.append((ent[0], ent[1], ent[2] if len(ent) > 2 else None))
    return spans


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out = []
    i = text.find(value)
    while i >= 0:
        out.append((i, i + len(value)))
        i = text.find(value, i + len(value))
    return out


if __name__ == "__main__":
    raise SystemExit(main())
