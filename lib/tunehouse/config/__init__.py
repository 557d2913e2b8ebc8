"""Typed configuration: defaults in code, documented in conf/tunehouse.yaml, overridable.

``load_settings`` builds :class:`Settings` from the embedded defaults, a profile shipped in the package,
``--conf`` files and ``--set`` overrides. Importing it imports pydantic and the ``*/settings.py`` modules
only: no Spark, torch or pandas.

The names below are resolved on first use (PEP 562), so that a leaf ``*/settings.py`` can import
:mod:`tunehouse.config.base` without pulling in the settings tree that imports it.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "ConfigError": "tunehouse.config.base",
    "Section": "tunehouse.config.base",
    "Settings": "tunehouse.config.settings",
    "load_settings": "tunehouse.config.loading",
    "dump_settings": "tunehouse.config.loading",
    "available_profiles": "tunehouse.config.loading",
    "documented_yaml": "tunehouse.config.documented",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'tunehouse.config' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
