"""What a curation stage is: a name and ``run(df, settings) -> StageResult``.

A stage reads the frame the previous stage kept (the first one reads bronze message rows) and
returns the conversations it keeps, the ones it drops (input columns plus ``reason`` and
``detail``, see :func:`tunehouse.curation.frame.split_by_reason`; ``None`` for a transform that
drops nothing) and any extra tables it produces, keyed by the lakehouse table they are written to.
The runner (:mod:`tunehouse.curation.runner`) caches and counts; stages only build frames.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from pyspark.sql import DataFrame

if TYPE_CHECKING:
    from tunehouse.config import Settings


@dataclass
class StageResult:
    kept: DataFrame
    dropped: DataFrame | None = None  # None: a transform, nothing can be dropped
    tables: dict[str, DataFrame] = field(default_factory=dict)  # lakehouse table name -> frame


class Stage(Protocol):
    name: str

    def run(self, df: DataFrame, settings: Settings) -> StageResult:
        ...
