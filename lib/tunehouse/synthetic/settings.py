"""Settings of the ``generate`` section (the synthetic log generator)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from tunehouse.config.base import Section


# --------------------------------------------------------------------------- generate / ingest
class GenerateSettings(Section):
    conversations: int = Field(1000, ge=1, le=5_000_000, description="Conversations to generate.")
    seed: int = Field(7, description="Random seed: the same seed gives byte-identical files.")
    csv_fraction: float = Field(0.2, ge=0.0, le=1.0, description="Share of conversations written as CSV (rest JSONL).")
    languages: list[str] = Field(["en", "es", "fr", "de"], description="Languages of the generated conversations.")
    out_dir: Path | None = Field(None, description="Where raw files go; default storage.root/raw.")
