"""The training corpus: labelled chat lines, letters and addresses in several languages, seeded.

An :class:`Example` is a text with character spans labelled PERSON or STREET_ADDRESS; everything else is O.
:func:`words_and_tags` gives the BIO view (words split on spaces and punctuation, as a BERT pre-tokeniser
does). Shapes: support chat lines, casual chat, "Name: message" lines, letters and e-mails with greeting,
sign-off, signature block and postal address, sentences about addresses, and hard negatives (languages,
nationalities, cities and countries alone, brands, titles of works, public figures, capitalised words).

Same :class:`CorpusConfig` and same source package versions -> the same corpus, byte for byte.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from tunehouse.pii.learned import addresses as A
from tunehouse.pii.learned import sources as S
from tunehouse.pii.learned import vocab as V
from tunehouse.pii.learned.templates_chat_en import CHAT_EN
from tunehouse.pii.learned.templates_chat_eu import (
    CHAT_DE,
    CHAT_ES,
    CHAT_FR,
    CHAT_IT,
    CHAT_NL,
    CHAT_PT,
)
from tunehouse.pii.learned.templates_chat_more import CHAT_MORE
from tunehouse.pii.learned.templates_en import EN
from tunehouse.pii.learned.templates_eu import DE, ES, FR, IT, NL, PT

LABELS = ("PERSON", "STREET_ADDRESS")
_FULL = {"en": EN, "de": DE, "fr": FR, "es": ES, "it": IT, "nl": NL, "pt": PT}
_CHAT = {"en": CHAT_EN, "de": CHAT_DE, "fr": CHAT_FR, "es": CHAT_ES, "it": CHAT_IT, "nl": CHAT_NL, "pt": CHAT_PT,
         **CHAT_MORE}


def _with_chat(full: dict[str, tuple[str, ...]], chat: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """A language's templates: its support/letter/address ones, then its casual group-chat ones (same groups
    appended, so a group's first templates stay where they were)."""
    return {group: full.get(group, ()) + chat.get(group, ()) for group in dict.fromkeys((*full, *chat))}


TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {lang: _with_chat(_FULL.get(lang, {}), _CHAT.get(lang, {}))
                                                     for lang in dict.fromkeys((*_FULL, *_CHAT))}
# Languages written only as casual chat (names in group chats and chat hard negatives): no letters or addresses.
CHAT_ONLY = frozenset(lang for lang in TEMPLATES if lang not in _FULL)
CHAT_ONLY_WEIGHT = 0.4  # how often a chat-only language is drawn, against 1.0 for a full one (English 2.0)
# How often each shape is drawn: names and addresses in context, and as many sentences that have neither.
# casual was 2.0 before the group-chat templates; 3.5 measured better on chat names at 3,000 sentences
# (hand-written chat probes 27/33 names found against 22/33 with the earlier corpus) with street addresses
# held (held-out F1 0.77 against 0.78).
KIND_WEIGHTS: dict[str, float] = {"support": 3.0, "casual": 3.5, "speaker": 1.2, "letter": 1.2, "address": 2.5,
                                  "negative": 2.5, "mixed": 1.0}
# Chat style given to casual lines and chat negatives (each independently, spans kept exact): the share of
# examples restyled, then of those: all lower case, the end punctuation dropped or repeated, an emoji at the
# end, a short word's last letter stretched ("sooo").
CHAT_STYLE_RATE = 0.6
CHAT_STYLE = {"lower": 0.35, "punct": 0.45, "emoji": 0.3, "stretch": 0.25}
_EMOJI = ("😂", "🙏", "❤️", "👍", "🎉", "😅", "🙄", "🔥", "😭", "🤣", "😍", "🥲", ":)", ":D", ":(", "xD", "<3")
_END_PUNCT = ("", "", "!!", "!!!", "??", "?!", "...", "!")
_SLOT = re.compile(r"\{(\w+)\}")
_WORD = re.compile(r"\w+|[^\w\s]")
_NON_PERSON_SPEAKERS = ("Agent", "Support", "Bot", "System", "Assistant", "Admin")


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, label), sorted, non-overlapping
    lang: str
    kind: str


@dataclass(frozen=True)
class CorpusConfig:
    languages: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pt")  # as pii.model.languages (settings.py)
    sentences: int = 6000
    seed: int = 13

    def fingerprint(self, code_dir: Path | None = None) -> str:
        """Hash of the configuration, the source package versions and the code that makes the corpus and the
        weights (``weight_code_files``: this package less what only runs a trained model)."""
        h = hashlib.sha256(json.dumps(dataclasses.asdict(self), sort_keys=True).encode())
        h.update(json.dumps(S.source_versions(), sort_keys=True).encode())
        for path in weight_code_files(code_dir or CODE_DIR):
            h.update(path.name.encode() + path.read_bytes())
        return h.hexdigest()[:16]


CODE_DIR = Path(__file__).parent
# Modules of this package that only use a trained model: changing them (the vetting of learned names, how the
# model is run, its throughput benchmark) does not change the weights, so it must not force a retrain. Every
# other module (corpus, templates, value lists, training, the label encoding of model.py) is hashed: a new
# module counts until it is listed here.
INFERENCE_ONLY = frozenset({"__init__.py", "detector.py", "vetting.py", "throughput.py", "onnx_runtime.py"})


def weight_code_files(code_dir: Path) -> list[Path]:
    """The modules whose code is part of the model's artefact version (see ``INFERENCE_ONLY``), sorted."""
    return [p for p in sorted(code_dir.glob("*.py")) if p.name not in INFERENCE_ONLY]


class _Builder:
    """Accumulates text and labelled spans piece by piece."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.length = 0

    def add(self, text: str, label: str | None = None) -> None:
        if label and text:
            self.spans.append((self.length, self.length + len(text), label))
        self.parts.append(text)
        self.length += len(text)

    def example(self, lang: str, kind: str) -> Example:
        return Example("".join(self.parts), tuple(self.spans), lang, kind)


def _slot_pieces(slot: str, rng: random.Random, lang: str) -> list[tuple[str, str | None]]:
    """The text of one template slot as (piece, label) pairs (None = O): one piece, or an unlabelled article
    and the name after it ("la " + Giulia)."""
    lower = slot.endswith("_lower")
    base = slot.removesuffix("_lower").rstrip("0123456789")
    if base in _ARTICLE_SLOTS:
        name = _SLOT_FILLERS[_ARTICLE_SLOTS[base]](rng, lang)[0]
        pieces = [(A.article_for(name, lang), None), (name, "PERSON")]
    else:
        pieces = [_SLOT_FILLERS[base](rng, lang)]
    return [(value.lower() if lower and len(value.lower()) == len(value) else value, label)
            for value, label in pieces]


def _any_language_first(rng: random.Random) -> str:
    """A first name of any language's countries: names from elsewhere in a chat of this language."""
    return A.first_name(rng, rng.choice(sorted(S.LANGUAGE_COUNTRIES)))


_SLOT_FILLERS = {
    "first": lambda r, lang: (A.first_name(r, lang), "PERSON"),
    "full": lambda r, lang: (A.full_name(r, lang), "PERSON"),
    "last": lambda r, lang: (A.surname(r, lang), "PERSON"),
    "hon": lambda r, lang: (r.choice(V.HONORIFICS[lang]), None),
    "addr": lambda r, lang: (A.address(r, lang), "STREET_ADDRESS"),
    "addr_ml": lambda r, lang: (A.address(r, lang, multiline=True), "STREET_ADDRESS"),
    "street": lambda r, lang: (A.street_line(r, lang), "STREET_ADDRESS"),
    "city": lambda r, lang: (r.choice(S.cities(S.LANGUAGE_CITY_COUNTRIES[r.choice(tuple(S.LANGUAGE_CITY_COUNTRIES))])),
                             None),
    "country": lambda r, lang: (r.choice(S.countries()), None),
    "lang": lambda r, lang: (r.choice(V.LANGUAGES[lang]), None),
    "nat": lambda r, lang: (r.choice(V.NATIONALITIES[lang]), None),
    "brand": lambda r, lang: (r.choice(V.BRANDS), None),
    "title": lambda r, lang: (r.choice(V.TITLES), None),
    "figure": lambda r, lang: (r.choice(V.PUBLIC_FIGURES), None),
    "word": lambda r, lang: (r.choice(V.CAPITALISED_WORDS[lang]), None),
    "num": lambda r, lang: (str(r.randint(1000, 99_999_999)), None),
    # casual chat
    "nick": lambda r, lang: (A.nickname(r, lang), "PERSON"),
    "wfirst": lambda r, lang: (_any_language_first(r), "PERSON"),
    "gen": lambda r, lang: (A.genitive(A.first_name(r, lang)), "PERSON"),
    "time": lambda r, lang: (r.choice(V.TIME_WORDS[lang]), None),
    "food": lambda r, lang: (r.choice(V.FOODS), None),
    "game": lambda r, lang: (r.choice(V.GAMES), None),
    "show": lambda r, lang: (r.choice(V.SHOWS), None),
}
# Slots that put the language's article before a name: {afirst} -> "la " (O) + "Giulia" (PERSON).
_ARTICLE_SLOTS = {"afirst": "first", "anick": "nick"}


def _render(template: str, rng: random.Random, lang: str, out: _Builder) -> None:
    pos = 0
    for m in _SLOT.finditer(template):
        out.add(template[pos:m.start()])
        for piece in _slot_pieces(m.group(1), rng, lang):
            out.add(*piece)
        pos = m.end()
    out.add(template[pos:])


def _speaker_lines(rng: random.Random, lang: str, out: _Builder) -> None:
    """1-3 "Name: message" lines, sometimes with a time stamp; role names (Agent, Bot) are not people."""
    for i in range(rng.randint(1, 3)):
        if i:
            out.add("\n")
        if rng.random() < 0.25:
            out.add(f"[{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}] ")
        if rng.random() < 0.15:
            out.add(rng.choice(_NON_PERSON_SPEAKERS))
        else:
            name = A.first_name(rng, lang) if rng.random() < 0.8 else A.full_name(rng, lang)
            out.add(name.lower() if rng.random() < 0.1 and len(name.lower()) == len(name) else name, "PERSON")
        out.add(rng.choice((": ", ":  ", " - ", ": ")))
        _render(rng.choice(TEMPLATES[lang]["speaker"] + TEMPLATES[lang]["casual"][:4]), rng, lang, out)


def _letter(rng: random.Random, lang: str, out: _Builder) -> None:
    """Greeting, body, sign-off and a signature block (name, maybe role, company and postal address)."""
    t = TEMPLATES[lang]
    if rng.random() < 0.8:
        _render(rng.choice(t["greet"]), rng, lang, out)
        out.add(rng.choice(("\n\n", "\n", " ")))
    out.add(rng.choice(t["body"]).capitalize() if rng.random() < 0.5 else rng.choice(t["body"]))
    out.add(rng.choice(("\n\n", "\n", " ")))
    out.add(rng.choice(t["signoff"]))
    out.add(rng.choice(("\n", " ", "\n\n")))
    name = A.full_name(rng, lang) if rng.random() < 0.6 else A.first_name(rng, lang)
    out.add(name, "PERSON")
    if rng.random() < 0.4:
        out.add("\n" + rng.choice(t["role"]))
    if rng.random() < 0.3:
        out.add(("\n" if rng.random() < 0.7 else " | ") + rng.choice(V.BRANDS))
    if rng.random() < 0.35:
        out.add("\n")
        out.add(A.address(rng, lang, multiline=rng.random() < 0.7), "STREET_ADDRESS")


def _lowercased(ex: Example) -> Example:
    low = ex.text.lower()
    return dataclasses.replace(ex, text=low) if len(low) == len(ex.text) else ex


def _insert(ex: Example, pos: int, text: str) -> Example:
    """``text`` inserted at ``pos`` (never inside a span); spans after it move along."""
    assert all(pos <= start or pos >= end for start, end, _ in ex.spans), (ex, pos)
    spans = tuple((s + len(text), e + len(text), lab) if s >= pos else (s, e, lab) for s, e, lab in ex.spans)
    return dataclasses.replace(ex, text=ex.text[:pos] + text + ex.text[pos:], spans=spans)


def restyle_end(ex: Example, rng: random.Random) -> Example:
    """The closing punctuation dropped, kept or repeated ("thx Ines!!", "you coming??"); spans end before it."""
    tail = re.search(r"[.!?…]*$", ex.text).start()
    if tail == 0 or any(end > tail for _, end, _ in ex.spans):
        return ex
    return dataclasses.replace(ex, text=ex.text[:tail] + rng.choice(_END_PUNCT))


def add_emoji(ex: Example, rng: random.Random) -> Example:
    """An emoji or emoticon at the end, glued to the last word now and then (never a word-like one: "xD")."""
    emoji = rng.choice(_EMOJI)
    glued = not any(ch.isalnum() for ch in emoji) and rng.random() < 0.4
    return dataclasses.replace(ex, text=ex.text + ("" if glued else " ") + emoji * rng.choice((1, 1, 2, 3)))


def stretch_word(ex: Example, rng: random.Random) -> Example:
    """One short ordinary word (outside every span) with its last letter typed 2-4 more times: "sooo", "okkk"."""
    words = [m for m in re.finditer(r"\b[^\W\d_]{2,5}\b", ex.text)
             if all(m.end() <= start or m.start() >= end for start, end, _ in ex.spans)]
    if not words:
        return ex
    m = rng.choice(words)
    return _insert(ex, m.end(), m.group()[-1] * rng.randint(2, 4))


def chat_style(ex: Example, rng: random.Random) -> Example:
    """Some of ``CHAT_STYLE``'s restylings of a casual line, each drawn on its own; spans stay exact."""
    if rng.random() < CHAT_STYLE["lower"]:
        ex = _lowercased(ex)
    if rng.random() < CHAT_STYLE["punct"]:
        ex = restyle_end(ex, rng)
    if rng.random() < CHAT_STYLE["stretch"]:
        ex = stretch_word(ex, rng)
    if rng.random() < CHAT_STYLE["emoji"]:
        ex = add_emoji(ex, rng)
    return ex


def make_example(rng: random.Random, lang: str, kind: str) -> Example:
    out = _Builder()
    if kind == "speaker":
        _speaker_lines(rng, lang, out)
    elif kind == "letter":
        _letter(rng, lang, out)
    else:
        _render(rng.choice(TEMPLATES[lang][kind]), rng, lang, out)
    ex = out.example(lang, kind)
    if kind in ("casual", "negative") and rng.random() < CHAT_STYLE_RATE * (1.0 if kind == "casual" else 0.5):
        return chat_style(ex, rng)
    return _lowercased(ex) if kind in ("support", "address") and rng.random() < 0.1 else ex


def kinds_of(lang: str) -> list[str]:
    """The shapes ``lang`` has templates for (all of KIND_WEIGHTS, or the chat ones of a chat-only language)."""
    needs = {"letter": "greet"}
    return [kind for kind in KIND_WEIGHTS if TEMPLATES[lang].get(needs.get(kind, kind))]


def build_corpus(config: CorpusConfig) -> list[Example]:
    """``config.sentences`` examples, languages drawn evenly (English twice as often, chat-only languages at
    ``CHAT_ONLY_WEIGHT``), shapes by KIND_WEIGHTS among those the language has."""
    unknown = sorted(set(config.languages) - set(TEMPLATES))
    if unknown:
        raise ValueError(f"no templates for languages {unknown}; known: {sorted(TEMPLATES)}")
    rng = random.Random(config.seed)
    lang_weights = [2.0 if lang == "en" else CHAT_ONLY_WEIGHT if lang in CHAT_ONLY else 1.0
                    for lang in config.languages]
    out = []
    for _ in range(config.sentences):
        lang = rng.choices(config.languages, lang_weights)[0]
        kinds = kinds_of(lang)
        out.append(make_example(rng, lang, rng.choices(kinds, [KIND_WEIGHTS[k] for k in kinds])[0]))
    return out


def split(examples: list[Example], heldout_fraction: float, seed: int) -> tuple[list[Example], list[Example]]:
    """(train, held-out): a seeded shuffle, the last ``heldout_fraction`` held out."""
    order = list(range(len(examples)))
    random.Random(seed + 1).shuffle(order)
    n_held = max(1, round(len(examples) * heldout_fraction))
    return [examples[i] for i in order[n_held:]], [examples[i] for i in order[:n_held]]


def words_and_tags(ex: Example) -> list[tuple[str, int, int, str]]:
    """(word, start, end, BIO tag) for every word of the example."""
    out = []
    for m in _WORD.finditer(ex.text):
        tag = "O"
        for start, end, label in ex.spans:
            if start <= m.start() < end:
                tag = ("B-" if m.start() == start else "I-") + label
                break
        out.append((m.group(), m.start(), m.end(), tag))
    return out


def to_jsonl(examples: list[Example], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for ex in examples:
            f.write(json.dumps(dataclasses.asdict(ex), ensure_ascii=False) + "\n")
