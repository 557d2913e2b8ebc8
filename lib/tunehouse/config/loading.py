"""Loading the configuration: embedded defaults, a profile, --conf files, --set overrides.

Resolution order (later wins):
  1. the defaults of the typed settings (every ``*/settings.py``, composed in :mod:`tunehouse.config.settings`),
  2. the profile ``<profile>.yaml``, shipped inside the package (``tunehouse/config/profiles/``),
  3. each ``--conf FILE`` given on the command line, in order,
  4. each ``--set dotted.key=value`` override, in order (values are parsed as YAML scalars).

Map-valued settings (``ingest.role_mapping``, ``ingest.column_aliases``, ``pii.extra_patterns``...) merge
key by key with their defaults, so adding one role keeps the others; a key set to null is removed.
A misspelt key is an error that names the key and lists the allowed ones; a bad value names the key and
what is allowed; an unknown profile names the available ones.
"""

from __future__ import annotations

import os
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from tunehouse.config.base import ConfigError
from tunehouse.config.secrets import redact
from tunehouse.config.settings import Settings

# The profiles ship inside the package, so the installed wheel (a Databricks job) has them too.
PROFILES_DIR = Path(__file__).resolve().parent / "profiles"


def available_profiles() -> list[str]:
    """The profiles shipped with the package, the default (local) first."""
    return sorted((p.stem for p in PROFILES_DIR.glob("*.yaml")), key=lambda name: (name != "local", name))


def _deep_merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def _with_map_defaults(model: type[BaseModel], data: dict) -> dict:
    """Merge each map-valued setting given in ``data`` over its default map (keys set to None removed):
    ``--set ingest.role_mapping.supervisor=assistant`` adds a role instead of replacing all of them."""
    out = dict(data)
    for name, field in model.model_fields.items():
        given = out.get(name)
        if not isinstance(given, dict):
            continue
        ann = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out[name] = _with_map_defaults(ann, given)
        elif typing.get_origin(ann) is dict:
            default = field.get_default(call_default_factory=True)
            merged = {**(default if isinstance(default, dict) else {}), **given}
            out[name] = {k: v for k, v in merged.items() if v is not None}
    return out


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"config file {path} is not valid YAML: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"config file {path} must hold a mapping of sections, got {type(data).__name__}")
    return data


def _parse_override(item: str) -> tuple[list[str], Any]:
    if "=" not in item:
        raise ConfigError(f"override {item!r} must look like section.key=value")
    key, raw = item.split("=", 1)
    key = key.strip()
    if not key or any(not p for p in key.split(".")):
        raise ConfigError(f"override {item!r} has an empty key part")
    try:
        value = yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        value = raw
    return key.split("."), value


def _set_path(data: dict, parts: list[str], value: Any) -> None:
    cur = data
    for p in parts[:-1]:
        nxt = cur.get(p)
        if not isinstance(nxt, dict):
            nxt = {}
            cur[p] = nxt
        cur = nxt
    cur[parts[-1]] = value


def _explain(err: ValidationError, model: type[BaseModel]) -> str:
    lines = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        if e["type"] == "extra_forbidden":
            parent = _section_at(model, e["loc"][:-1])
            allowed = sorted(parent.model_fields) if parent else []
            lines.append(f"unknown key '{loc}'; allowed keys here: {', '.join(allowed)}")
        else:
            msg = e["msg"]
            if e.get("ctx", {}).get("expected"):
                msg = f"must be one of {e['ctx']['expected']}"
            lines.append(f"bad value for '{loc}' ({e.get('input')!r}): {msg}")
    return "invalid configuration:\n  " + "\n  ".join(lines)


def _section_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    cur: Any = model
    for p in loc:
        field = cur.model_fields.get(str(p)) if hasattr(cur, "model_fields") else None
        if field is None:
            return None
        cur = field.annotation
    return cur if isinstance(cur, type) and issubclass(cur, BaseModel) else None


def load_settings(
    conf_files: list[str | Path] | None = None,
    overrides: list[str] | None = None,
    profile: str | None = None,
) -> Settings:
    """Build Settings from embedded defaults, a profile, YAML files and key=value overrides."""
    profile = profile or os.environ.get("TUNEHOUSE_PROFILE") or "local"
    profile_file = PROFILES_DIR / f"{profile}.yaml"
    if not profile_file.is_file():
        raise ConfigError(f"unknown profile {profile!r}; available: {', '.join(available_profiles())} "
                          f"(in {PROFILES_DIR})")
    data = _read_yaml(profile_file)
    for f in conf_files or []:
        data = _deep_merge(data, _read_yaml(Path(f)))
    for item in overrides or []:
        parts, value = _parse_override(item)
        _set_path(data, parts, value)
    data["profile"] = profile
    data = _with_map_defaults(Settings, data)
    try:
        return Settings.model_validate(data)
    except ValidationError as e:
        raise ConfigError(_explain(e, Settings)) from None


def dump_settings(settings: Settings) -> str:
    """The resolved configuration as YAML (printed by `tunehouse config`, logged with every training run), secrets
    redacted (:mod:`tunehouse.config.secrets`): what is shown or logged never holds a password or token."""
    return yaml.safe_dump(redact(settings.model_dump(mode="json")), sort_keys=False)
