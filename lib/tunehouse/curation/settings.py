"""The ``curate`` configuration section: one sub-section per stage, in the order the stages run."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from tunehouse.curation.assemble import AssembleSettings
from tunehouse.curation.diversity import DiversitySettings
from tunehouse.curation.exact_dedup import ExactDedupSettings
from tunehouse.curation.export import ExportSettings
from tunehouse.curation.near_dedup import NearDedupSettings
from tunehouse.curation.quality import QualitySettings
from tunehouse.curation.split import SplitSettings
from tunehouse.curation.weights import WeightSettings


class CurateSettings(BaseModel):
    """Curation stages in the order they run; each section configures one stage."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    assemble: AssembleSettings = Field(default_factory=AssembleSettings)
    exact_dedup: ExactDedupSettings = Field(default_factory=ExactDedupSettings)
    near_dedup: NearDedupSettings = Field(default_factory=NearDedupSettings)
    quality: QualitySettings = Field(default_factory=QualitySettings)
    diversity: DiversitySettings = Field(default_factory=DiversitySettings)
    weights: WeightSettings = Field(default_factory=WeightSettings)
    split: SplitSettings = Field(default_factory=SplitSettings)
    export: ExportSettings = Field(default_factory=ExportSettings)
