"""The curation stages, one module each, and ``STAGES``: the order the runner runs them in.

    assemble -> scrub -> exact_dedup -> near_dedup -> quality -> diversity -> weights -> split

Each stage is an object with a ``name`` and ``run(df, settings) -> StageResult`` (see
:mod:`tunehouse.curation.stages.base`); the functions behind them (``exact_dedup(df, cfg)``,
``quality_filter(df, cfg)``, ...) take their own settings section and work on any conversation frame.
"""

from __future__ import annotations

from tunehouse.curation.stages.assemble import Assemble
from tunehouse.curation.stages.base import Stage, StageResult
from tunehouse.curation.stages.diversity import Diversity
from tunehouse.curation.stages.exact_dedup import ExactDedup
from tunehouse.curation.stages.near_dedup import NearDedup
from tunehouse.curation.stages.quality import Quality
from tunehouse.curation.stages.scrub import Scrub
from tunehouse.curation.stages.split import Split
from tunehouse.curation.stages.weights import Weights

STAGES: tuple[Stage, ...] = (
    Assemble(), Scrub(), ExactDedup(), NearDedup(), Quality(), Diversity(), Weights(), Split(),
)

__all__ = ["STAGES", "Stage", "StageResult"]
