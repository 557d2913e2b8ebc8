"""Language identification for short chat texts, with no model files and no dependencies.

``detect_language(text) -> (code | None, confidence)`` returns an ISO 639-1 code, or ``None``
with a low confidence when it cannot tell (numbers, codes, emoji, a lone "ok", keyboard mash).

How it works (one pass, a few microseconds per short message):

* Clean-up: placeholders left by PII scrubbing (``<PERSON_1>``), template markers, URLs, e-mail
  addresses, and every token holding a digit (order numbers, flight numbers, prices) are removed.
* Non-Latin scripts decide by themselves: kana -> ja, hangul -> ko, han -> zh, Greek -> el,
  Cyrillic -> ru/uk/bg/sr, Arabic -> ar/fa, Hebrew -> he, Thai, Devanagari, ...
* Latin-script text is scored with a naive-Bayes model over words: a ranked lexicon per language
  (function words and everyday customer-chat words: greetings, thanks, "please", "order", ...) with
  Zipf-shaped probabilities, and for a word outside every lexicon a character-trigram model
  trained on the same lexicon plus a short morphology sample. Capitalised unknown words (names,
  places, brands) carry no evidence, so "Bonjour, je pars à New York" stays French.
* Full models for en, es, fr, de, it, pt, nl; smaller lexicons for pl, cs, sk, sv, da, no, fi, hu,
  tr, ro, ca, hr, id, so a text in one of those is named as such instead of being forced into the
  nearest big language. The lexicons and morphology samples are word lists shipped as package data
  (``data/lexicons.txt``, ``data/morphology.txt``, read at import); the model is trained from them
  once per process.
* Confidence is the tempered posterior of the best language, scaled down when the evidence is thin
  (one or two words); below ``min_confidence`` the answer is ``None``.

For Spark use :func:`detect_languages` (lists) or :func:`language_udf` (a pandas UDF returning
``struct<code: string, confidence: double>``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from tunehouse.contracts.placeholders import PLACEHOLDER_PATTERN

# --------------------------------------------------------------------------------------------
# Lexicons and morphology samples: package data (data/lexicons.txt, data/morphology.txt), read once
# at import. Each file's header says the format; the order of its sections is LANGS.
# --------------------------------------------------------------------------------------------
_DATA = Path(__file__).parent / "data"


def load_word_lists(path: Path) -> dict[str, list[str]]:
    """``[code]`` sections of space/newline-separated words, in file order; ``#`` lines are comments."""
    sections: dict[str, list[str]] = {}
    words: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            words = sections.setdefault(line[1:-1], [])
        elif words is None:
            raise ValueError(f"{path}: words before the first [language] section: {line[:40]!r}")
        else:
            words.extend(line.split())
    return sections


LEXICONS: dict[str, list[str]] = load_word_lists(_DATA / "lexicons.txt")
MORPHOLOGY: dict[str, list[str]] = load_word_lists(_DATA / "morphology.txt")

MAJOR = ("en", "es", "fr", "de", "it", "pt", "nl")
LANGS = tuple(LEXICONS)
_IDX = {lang: i for i, lang in enumerate(LANGS)}
# Share of running text the lexicon covers, roughly (major lexicons are larger).
_COVERAGE = np.array([0.5 if lang in MAJOR else 0.3 for lang in LANGS])
_TEMPERATURE = 2.0        # naive Bayes is over-confident; soften before the posterior
_OOV_WEIGHT = 0.5         # an unknown word counts half as much as a known one
_MAX_CHARS = 2000         # longer texts are judged on their first characters
_MAX_CACHED = 300_000     # token rows kept before the unknown-word cache is reset


# --------------------------------------------------------------------------------------------
# Model (built once per process, ~10 ms)
# --------------------------------------------------------------------------------------------
def _words(words: list[str]) -> list[str]:
    """Distinct words in first-seen order (a repeated word keeps its first rank)."""
    return list(dict.fromkeys(w for w in words if w))


def _train_trigrams() -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Character-trigram log-probs per language, interpolated with a background over all."""
    n = len(LANGS)
    counts: dict[str, np.ndarray] = {}
    totals = np.zeros(n)
    for lang in LANGS:
        i = _IDX[lang]
        for w in _words(LEXICONS[lang]) + _words(MORPHOLOGY.get(lang, [])):
            padded = f"^{w.rstrip(chr(39))}$"
            for k in range(len(padded) - 2):
                v = counts.setdefault(padded[k:k + 3], np.zeros(n))
                v[i] += 1.0
                totals[i] += 1.0
    vocab = len(counts) + 1
    bg_total = totals.sum()
    lp = {g: np.log(0.7 * (v + 0.1) / (totals + 0.1 * vocab) + 0.3 * (v.sum() + 1.0) / (bg_total + vocab))
          for g, v in counts.items()}
    unseen = np.log(0.7 * 0.1 / (totals + 0.1 * vocab) + 0.3 / (bg_total + vocab))
    return lp, unseen


_TRI_LP, _TRI_UNSEEN = _train_trigrams()
_LOG_OOV = np.log(1.0 - _COVERAGE)


def _char_lp(word: str) -> np.ndarray:
    padded = f"^{word.rstrip(chr(39))}$"
    out = np.zeros(len(LANGS))
    for k in range(len(padded) - 2):
        out += _TRI_LP.get(padded[k:k + 3], _TRI_UNSEEN)
    return out


def _known_words() -> dict[str, np.ndarray]:
    """word -> log P(word | lang) for every language (lexicon Zipf prob, else OOV char model)."""
    table: dict[str, np.ndarray] = {}
    for lang in LANGS:
        words = _words(LEXICONS[lang])
        h = sum(1.0 / (r + 2) for r in range(len(words)))
        for r, w in enumerate(words):
            if w not in table:
                table[w] = _LOG_OOV + _char_lp(w)
            table[w][_IDX[lang]] = math.log(_COVERAGE[_IDX[lang]] * (1.0 / (r + 2)) / h)
    return table


class _Rows:
    """Token -> row of log-likelihoods (centred), in one growing matrix so a batch sums in numpy."""

    def __init__(self) -> None:
        known = _known_words()
        self.n_known = len(known)
        self.ids: dict[str, int] = {}
        self.matrix = np.zeros((self.n_known * 2, len(LANGS)))
        for i, (w, v) in enumerate(known.items()):
            self.ids[w] = i
            self.matrix[i] = v - v.mean()
        self.size = self.n_known

    def reset_unknown(self) -> None:
        self.ids = {w: i for w, i in self.ids.items() if 0 <= i < self.n_known}
        self.size = self.n_known

    def row(self, tok: str, capitalised: bool) -> int:
        """Row id, or -1 for a token that carries no evidence; known rows are < n_known."""
        key = tok if not capitalised else "^" + tok
        i = self.ids.get(key)
        if i is not None:
            return i
        i = self.ids.get(tok)  # a capitalised known word ("Hola", "Danke") is still known
        if i is not None and i < self.n_known:
            self.ids[key] = i
            return i
        if capitalised or len(tok) < 3:  # names, places, brands, stray letters
            self.ids[key] = -1
            return -1
        if self.size >= _MAX_CACHED:
            self.reset_unknown()
        if self.size >= len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.zeros_like(self.matrix)])
        v = (_LOG_OOV + _char_lp(tok)) * _OOV_WEIGHT
        self.matrix[self.size] = v - v.mean()
        self.ids[key] = self.size
        self.size += 1
        return self.size - 1


_ROWS: _Rows | None = None


def _rows() -> _Rows:
    global _ROWS
    if _ROWS is None:
        _ROWS = _Rows()
    return _ROWS


# --------------------------------------------------------------------------------------------
# Clean-up and scripts
# --------------------------------------------------------------------------------------------
_STRIP = re.compile(
    PLACEHOLDER_PATTERN                          # <PERSON_1>, <EMAIL>
    + r"|\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}"       # template markers
    r"|<[^<>\s]+:[^<>]*>"                        # <template:x>
    r"|\b(?:https?://|www\.)\S+"                # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.]+"                 # e-mail addresses
    r"|\[[^\]]{0,60}\]",                         # [attachment: ...], [sticker], [ERROR]
)
_STRIP_TRIGGERS = ("<", "{", "[", "@", "://", "www.")
# A chunk holding a digit (refs, flight numbers, prices, times) is consumed whole and yields
# an empty match; otherwise a word, with an elided prefix split off ("l'", "don'").
_TOKEN = re.compile(r"\w*\d\w*|([^\W\d_]+'(?=[^\W\d_])|[^\W\d_]+)")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\W\d_]")
_APOSTROPHES = ("\u2019", "\u2018", "`", "\u02bc")

# (name, code, regex of its letters, weight per letter)
_SCRIPTS = [
    ("kana", "ja", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]"), 3.0),
    ("hangul", "ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"), 3.0),
    ("han", "zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"), 3.0),
    ("cyrillic", "ru", re.compile(r"[\u0400-\u04ff]"), 1.0),
    ("greek", "el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"), 1.0),
    ("arabic", "ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]"), 1.0),
    ("hebrew", "he", re.compile(r"[\u0590-\u05ff]"), 1.0),
    ("thai", "th", re.compile(r"[\u0e00-\u0e7f]"), 1.0),
    ("devanagari", "hi", re.compile(r"[\u0900-\u097f]"), 1.0),
    ("bengali", "bn", re.compile(r"[\u0980-\u09ff]"), 1.0),
    ("tamil", "ta", re.compile(r"[\u0b80-\u0bff]"), 1.0),
    ("georgian", "ka", re.compile(r"[\u10a0-\u10ff]"), 1.0),
    ("armenian", "hy", re.compile(r"[\u0530-\u058f]"), 1.0),
]
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _script_language(text: str, script: str, code: str) -> str:
    if script == "kana" or (script == "han" and re.search(r"[\u3040-\u30ff]", text)):
        return "ja"
    if script == "cyrillic":
        if re.search(r"[іїєґ]", text, re.I):
            return "uk"
        if re.search(r"[ђћџљњј]", text, re.I):
            return "sr"
        if re.search(r"ъ", text) and not re.search(r"[ыэё]", text):
            return "bg"
        return "ru"
    if script == "arabic" and re.search(r"[پچژگ]", text):
        return "fa"
    return code


def _script_decision(text: str) -> tuple[str, float] | None:
    """(code, confidence) when non-Latin letters outweigh Latin ones, else None."""
    n_latin = len(_LATIN.findall(text))
    best_script, best_w = None, 0.0
    for name, code, rx, weight in _SCRIPTS:
        n = len(rx.findall(text))
        if n and n * weight > best_w:
            best_script, best_w = (name, code), n * weight
    if best_script is None or best_w <= n_latin:
        return None
    enough = min(1.0, best_w / 8.0)
    return _script_language(text, *best_script), (best_w / (best_w + n_latin)) * (0.5 + 0.5 * enough)


def _features(text: str | None, rows: _Rows) -> tuple:
    """("script", code, confidence) when a non-Latin script decides, else ("latin", row ids, known words)."""
    if not isinstance(text, str) or not text:
        return "latin", [], 0
    if len(text) > _MAX_CHARS:
        text = text[:_MAX_CHARS]
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        for a in _APOSTROPHES:
            if a in text:
                text = text.replace(a, "'")
        if _NON_LATIN.search(text):
            decided = _script_decision(text)
            if decided is not None:
                return "script", decided[0], decided[1]
    if any(trigger in text for trigger in _STRIP_TRIGGERS):
        text = _STRIP.sub(" ", text)
    ids: list[int] = []
    n_known = 0
    row = rows.row
    n_known_rows = rows.n_known
    for raw in _TOKEN.findall(text):
        if not raw:
            continue
        i = row(raw.lower(), raw[0].isupper() and not raw.isupper())
        if i >= 0:
            ids.append(i)
            n_known += i < n_known_rows
    return "latin", ids, n_known


def _score(feats: list[tuple], rows: _Rows, min_confidence: float) -> tuple[list[str | None], list[float]]:
    """Codes and confidences for a batch of features: one numpy pass over all Latin texts."""
    codes: list[str | None] = [None] * len(feats)
    confs: list[float] = [0.0] * len(feats)
    latin = []
    for k, (kind, a, b) in enumerate(feats):
        if kind == "script":
            conf = round(float(b), 4)
            codes[k] = a if conf >= min_confidence else None
            confs[k] = conf
        elif a and not (b == 0 and len(a) < 3):  # enough to judge: a known word, or 3+ unknown ones
            latin.append(k)
    if latin:
        ids = [feats[k][1] for k in latin]
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lengths.sum()))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        scores = np.add.reduceat(rows.matrix[flat], starts, axis=0) / _TEMPERATURE
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        best = p.argmax(axis=1)
        top = p[np.arange(len(latin)), best]
        n_known = np.fromiter((feats[k][2] for k in latin), dtype=np.float64, count=len(latin))
        # Thin evidence caps the confidence: one known word -> at most ~0.67, two -> ~0.82, ...
        evidence = n_known + 0.3 * (lengths - n_known)
        conf = np.round(top * (1.0 - 0.6 * np.exp(-0.6 * evidence)), 4)
        for j, k in enumerate(latin):
            c = float(conf[j])
            codes[k] = LANGS[int(best[j])] if c >= min_confidence else None
            confs[k] = c
    return codes, confs


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------
def detect_languages(texts: Iterable[str | None], min_confidence: float = 0.5
                     ) -> tuple[list[str | None], list[float]]:
    """Vectorised detection (the form pandas UDFs use): ``(codes, confidences)``, one per text.

    Tokenising is per text; scoring is one numpy pass over the whole batch.
    """
    rows = _rows()
    return _score([_features(t, rows) for t in texts], rows, min_confidence)


def detect_languages_with_parts(groups: Iterable[Sequence[str | None]], min_confidence: float = 0.5
                                ) -> tuple[tuple[list[str | None], list[float]], list[tuple[list, list]]]:
    """Detection of each group of texts as a whole and of each of its parts, tokenising once.

    For a conversation, parts = (user text, assistant text): returns ``((codes, confidences) of
    the wholes, [(codes, confidences) of part i over the groups, ...])``. The whole is scored on the
    parts' words together (the same as detecting the joined text, up to the length cut-off).
    """
    rows = _rows()
    part_feats: list[list[tuple]] = []
    whole_feats: list[tuple] = []
    for parts in groups:
        feats = [_features(t, rows) for t in parts]
        if len(part_feats) < len(feats):
            part_feats.extend([] for _ in range(len(feats) - len(part_feats)))
        for i, f in enumerate(feats):
            part_feats[i].append(f)
        if all(f[0] == "latin" for f in feats):
            whole_feats.append(("latin", [i for f in feats for i in f[1]], sum(f[2] for f in feats)))
        else:
            whole_feats.append(_features("\n".join(t for t in parts if isinstance(t, str)), rows))
    return _score(whole_feats, rows, min_confidence), [_score(f, rows, min_confidence) for f in part_feats]


def detect_language(text: str | None, min_confidence: float = 0.5) -> tuple[str | None, float]:
    """Language of a chat text: ``(ISO 639-1 code, confidence in [0, 1])`` or ``(None, conf)``.

    ``None`` means "cannot tell": no letters after removing numbers, codes, placeholders, URLs
    and emoji; a word every language shares ("ok"); keyboard mash; or a best guess whose
    confidence is below ``min_confidence``.
    """
    codes, confs = detect_languages([text], min_confidence)
    return codes[0], confs[0]


def language_udf(min_confidence: float = 0.5):
    """A pandas UDF: string column -> ``struct<code: string, confidence: double>``."""
    from pyspark.sql.functions import pandas_udf

    @pandas_udf("struct<code: string, confidence: double>")
    def detect(texts: pd.Series) -> pd.DataFrame:
        codes, confs = detect_languages(texts, min_confidence)
        return pd.DataFrame({"code": codes, "confidence": confs})

    return detect


def supported_languages() -> Sequence[str]:
    """Codes the detector can return (Latin-script models plus script-decided languages)."""
    return LANGS + ("ja", "ko", "zh", "ru", "uk", "bg", "sr", "el", "ar", "fa", "he", "th", "hi",
                    "bn", "ta", "ka", "hy")
