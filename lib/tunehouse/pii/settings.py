"""Settings of the ``pii`` section and the entity types the scrubber knows."""

from __future__ import annotations

import re
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
    min_score: float = Field(
        default=0.5, ge=0.0, le=1.0,
        description="Detections scoring below this are ignored. Validated or cued values score "
        "0.8-1.0, a lone known first name 0.75, shape-only booking codes 0.6, weak guesses 0.55.",
    )

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, v: list[str]) -> list[str]:
        unknown = sorted(set(v) - set(ENTITY_TYPES))
        if unknown:
            raise ValueError(f"unknown entity types {unknown}; known: {list(ENTITY_TYPES)}")
        return v

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
