"""Settings of the ``tracking`` section: MLflow tracking and the model registry."""

from __future__ import annotations

from pydantic import Field

from tunehouse.config.base import Section


# --------------------------------------------------------------------------- tracking
class TrackingSettings(Section):
    tracking_uri: str | None = Field(
        None, description="MLflow tracking URI; default a SQLite store under storage.root/mlflow. 'databricks' on Databricks."
    )
    registry_uri: str | None = Field(None, description="MLflow registry URI; default the tracking URI ('databricks-uc' for UC).")
    experiment: str = Field("tunehouse", description="MLflow experiment name (a workspace path on Databricks).")
    registered_model: str = Field("tunehouse-chat", description="Registered model name (catalog.schema.name in UC).")
    champion_alias: str = Field("champion", description="Alias moved by `evaluate --promote`.")
