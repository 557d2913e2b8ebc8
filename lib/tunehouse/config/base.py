"""The base of every settings section: unknown keys are errors, assignments are validated.

Every ``*/settings.py`` imports only pydantic and this module, so loading the configuration never imports
Spark, torch or pandas (``python -X importtime -c "import tunehouse.config"`` shows it).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ConfigError(ValueError):
    """A configuration problem, with a message that names the key and what is allowed."""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
