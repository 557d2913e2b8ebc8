"""The whole configuration: one section per top-level key of conf/tunehouse.yaml.

Each section's model lives next to the code that reads it (``<package>/settings.py``, importing only
pydantic and :mod:`tunehouse.config.base`); this module composes them and owns the storage layout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from tunehouse.config.base import Section
from tunehouse.curation.settings import CurateSettings
from tunehouse.evaluation.settings import EvaluateSettings
from tunehouse.ingest.settings import IngestSettings
from tunehouse.lakehouse.settings import LakehouseSettings, SparkSettings
from tunehouse.model.settings import TrackingSettings
from tunehouse.pii.settings import PiiSettings
from tunehouse.serving.settings import ServeSettings
from tunehouse.synthetic.settings import GenerateSettings
from tunehouse.tasks.settings import TasksSettings
from tunehouse.training.settings import BaseModelSettings, TrainSettings


# --------------------------------------------------------------------------- storage / runtime
class StorageSettings(Section):
    root: Path = Field(
        Path(".tunehouse"),
        description="Folder holding ALL local state: Delta tables, MLflow store, Ray temp, Spark "
        "warehouse/ivy, exports, checkpoints. Point it elsewhere to isolate a run completely.",
    )

    @property
    def lakehouse(self) -> Path:
        return self.root / "lakehouse"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    @property
    def mlflow(self) -> Path:
        return self.root / "mlflow"

    @property
    def ray(self) -> Path:
        return self.root / "ray"

    @property
    def spark(self) -> Path:
        return self.root / "spark"

    @property
    def checkpoints(self) -> Path:
        return self.root / "checkpoints"

    @property
    def models(self) -> Path:
        return self.root / "models"

    @property
    def raw(self) -> Path:
        return self.root / "raw"


class Settings(Section):
    """The whole configuration. Sections map 1:1 to the top-level keys of conf/tunehouse.yaml."""

    profile: Literal["local", "databricks"] = Field("local", description="Profile whose overlay was applied.")
    storage: StorageSettings = Field(default_factory=StorageSettings)
    spark: SparkSettings = Field(default_factory=SparkSettings)
    lakehouse: LakehouseSettings = Field(default_factory=LakehouseSettings)
    generate: GenerateSettings = Field(default_factory=GenerateSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    tasks: TasksSettings = Field(default_factory=TasksSettings)
    pii: PiiSettings = Field(default_factory=PiiSettings)
    curate: CurateSettings = Field(default_factory=CurateSettings)
    tracking: TrackingSettings = Field(default_factory=TrackingSettings)
    base_model: BaseModelSettings = Field(default_factory=BaseModelSettings)
    train: TrainSettings = Field(default_factory=TrainSettings)
    serve: ServeSettings = Field(default_factory=ServeSettings)
    evaluate: EvaluateSettings = Field(default_factory=EvaluateSettings)

    def mlflow_tracking_uri(self) -> str:
        if self.tracking.tracking_uri:
            return self.tracking.tracking_uri
        return f"sqlite:///{(self.storage.mlflow / 'mlflow.db').resolve()}"

    def mlflow_artifact_root(self) -> str:
        return (self.storage.mlflow / "artifacts").resolve().as_uri()
