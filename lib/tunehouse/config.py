"""Typed configuration: defaults in code, documented in conf/tunehouse.yaml, overridable.

Resolution order (later wins):
  1. the defaults of the pydantic models below (the "embedded defaults"),
  2. the profile file ``conf/profiles/<profile>.yaml`` (``local`` or ``databricks``),
  3. each ``--conf FILE`` given on the command line, in order,
  4. each ``--set dotted.key=value`` override, in order (values are parsed as YAML scalars).

Map-valued settings (``ingest.role_mapping``, ``ingest.column_aliases``, ``pii.extra_patterns``...) merge
key by key with their defaults, so adding one role keeps the others; a key set to null is removed.

Every section is a pydantic model with ``extra="forbid"``, so a misspelt key is an error that
names the key and lists the allowed ones, and a bad value names the key and what is allowed.
Sections owned by other subsystems (pii, training, serving) import their models from there so
each knob lives next to the code that reads it; this module only composes them.
"""

from __future__ import annotations

import os
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from tunehouse.curation.settings import CurateSettings
from tunehouse.pii import PiiSettings
from tunehouse.serving.settings import EvaluateSettings, ServeSettings
from tunehouse.training.settings import BaseModelSettings, TrainSettings

# Where conf/ lives: next to lib/ in a checkout (and in a Databricks bundle sync), or set
# TUNEHOUSE_CONF_DIR when the package is installed elsewhere.
CONF_DIR = Path(os.environ.get("TUNEHOUSE_CONF_DIR", Path(__file__).resolve().parents[2] / "conf"))
PROFILES = ("local", "databricks")


class ConfigError(ValueError):
    """A configuration problem, with a message that names the key and what is allowed."""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


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


class SparkSettings(Section):
    master: str = Field("local[*]", description="Spark master when tunehouse starts Spark itself (ignored on Databricks).")
    app_name: str = Field("tunehouse", description="Spark application name.")
    shuffle_partitions: int = Field(8, ge=1, description="spark.sql.shuffle.partitions; small for one machine.")
    driver_memory: str = Field("4g", description="spark.driver.memory when tunehouse starts Spark locally.")
    log_level: Literal["ERROR", "WARN", "INFO", "DEBUG"] = Field("ERROR", description="Spark log level.")
    conf: dict[str, str] = Field(default_factory=dict, description="Extra spark.* settings passed as-is.")


class LakehouseSettings(Section):
    mode: Literal["auto", "local", "databricks"] = Field(
        "auto",
        description="local: real Delta tables under storage.root/lakehouse via delta-rs; databricks: native Delta "
        "and Unity Catalog names; auto: databricks when DATABRICKS_RUNTIME_VERSION is set, else local.",
    )
    catalog: str | None = Field(
        None, description="Unity Catalog catalog: tables become catalog.schema.table (databricks mode only)."
    )
    schema_prefix: str = Field(
        "", description="Prefix for schema names (e.g. 'dev_' gives dev_bronze, dev_silver, dev_gold)."
    )

    def resolved_mode(self) -> Literal["local", "databricks"]:
        if self.mode != "auto":
            return self.mode
        return "databricks" if os.environ.get("DATABRICKS_RUNTIME_VERSION") else "local"


# --------------------------------------------------------------------------- generate / ingest
class GenerateSettings(Section):
    conversations: int = Field(1000, ge=1, le=5_000_000, description="Conversations to generate.")
    seed: int = Field(7, description="Random seed: the same seed gives byte-identical files.")
    csv_fraction: float = Field(0.2, ge=0.0, le=1.0, description="Share of conversations written as CSV (rest JSONL).")
    languages: list[str] = Field(["en", "es", "fr", "de"], description="Languages of the generated conversations.")
    out_dir: Path | None = Field(None, description="Where raw files go; default storage.root/raw.")


ROLES = ("system", "user", "assistant")


class IngestSettings(Section):
    format: Literal["auto", "jsonl", "json", "csv", "parquet", "chat_jsonl"] = Field(
        "auto",
        description="Input format; auto decides per file by extension and content: .jsonl/.ndjson one record per line; "
        ".json one record per line, or one JSON document (an array of records/conversations, or an object holding "
        "one); .csv/.tsv; .parquet. Each record is one message, or one conversation holding a list of messages.",
    )
    column_mapping: dict[str, str] = Field(
        {
            "conversation_id": "conv_id",
            "message_index": "seq",
            "role": "sender",
            "content": "text",
            "created_at": "sent_at",
            "csat": "csat",
            "agent_id": "agent_id",
            "channel": "channel",
            "language": "lang",
        },
        description="canonical column -> column name in your export. Canonical names also work unmapped, and so do "
        "the names in column_aliases. 'messages' maps the list of messages in conversation-shaped records.",
    )
    column_aliases: dict[str, list[str]] = Field(
        {
            "conversation_id": ["conversation_id", "conversationid", "conversation", "chat_id", "thread_id",
                                "session_id", "ticket_id", "dialog_id", "dialogue_id", "case_id", "transcript_id"],
            "message_index": ["message_index", "seq", "sequence", "turn", "turn_index", "position", "msg_index",
                              "message_number", "index", "idx"],
            "role": ["role", "sender", "speaker", "author", "from", "sender_type", "author_role", "author_type",
                     "participant", "party", "user_type", "direction"],
            "content": ["content", "text", "message", "body", "value", "utterance", "msg", "message_text",
                        "transcript"],
            "created_at": ["created_at", "timestamp", "sent_at", "time", "ts", "datetime", "date", "created",
                           "created_time", "sent", "posted_at"],
            "csat": ["csat", "rating", "satisfaction", "csat_score", "satisfaction_score", "score"],
            "agent_id": ["agent_id", "agent", "agent_name", "assignee", "operator_id"],
            "channel": ["channel", "source", "medium"],
            "language": ["language", "lang", "locale"],
            "messages": ["messages", "conversation", "conversations", "turns", "dialog", "dialogue", "utterances",
                         "transcript", "chat", "items"],
        },
        description="Fallback names tried, in order and case-insensitively (spaces/dashes as underscores), when a "
        "record has neither the mapped nor the canonical column: other exports work without a mapping. An alias "
        "value that does not parse (a non-numeric turn id, an unknown date format) is left empty rather than "
        "quarantining the message; mapped and canonical columns are strict.",
    )
    role_mapping: dict[str, str] = Field(
        {
            "customer": "user",
            "client": "user",
            "user": "user",
            "human": "user",
            "visitor": "user",
            "guest": "user",
            "end_user": "user",
            "enduser": "user",
            "end-user": "user",
            "contact": "user",
            "traveler": "user",
            "traveller": "user",
            "caller": "user",
            "requester": "user",
            "inbound": "user",
            "agent": "assistant",
            "assistant": "assistant",
            "bot": "assistant",
            "chatbot": "assistant",
            "gpt": "assistant",
            "model": "assistant",
            "ai": "assistant",
            "operator": "assistant",
            "support": "assistant",
            "support_agent": "assistant",
            "representative": "assistant",
            "rep": "assistant",
            "staff": "assistant",
            "advisor": "assistant",
            "outbound": "assistant",
            "system": "system",
        },
        description="value in your export's role column (lower-cased) -> system|user|assistant. Unknown values are quarantined.",
    )
    dayfirst: bool = Field(
        False, description="Read ambiguous slash dates as day/month/year (03/05/2024 = 3 May); default month/day/year. "
        "ISO 8601, epoch numbers and dotted dates (05.03.2024) are unambiguous."
    )
    csv_delimiter: str | None = Field(
        None, description="CSV field delimiter; null sniffs it from the header line among , ; tab and | (.tsv: tab)."
    )
    max_content_chars: int = Field(
        20_000, ge=1, description="Messages longer than this are quarantined as absurdly long (pasted logs, dumps)."
    )
    allow_empty_content: bool = Field(
        False, description="Keep empty/whitespace-only messages in bronze (curation filters them) instead of quarantining."
    )

    @field_validator("role_mapping")
    @classmethod
    def _roles_valid(cls, v: dict[str, str]) -> dict[str, str]:
        bad = {k: r for k, r in v.items() if r not in ROLES}
        if bad:
            raise ValueError(f"role_mapping values must be one of {list(ROLES)}, got {bad}")
        return {k.lower(): r for k, r in v.items()}

    @field_validator("column_mapping", "column_aliases")
    @classmethod
    def _canonical_keys(cls, v: dict) -> dict:
        allowed = ("conversation_id", "message_index", "role", "content", "created_at", "csat", "agent_id",
                   "channel", "language", "messages")
        bad = sorted(set(v) - set(allowed))
        if bad:
            raise ValueError(f"unknown canonical column(s) {bad}; allowed: {list(allowed)}")
        return v

    @field_validator("csv_delimiter")
    @classmethod
    def _one_char(cls, v: str | None) -> str | None:
        if v is not None:
            v = {"\\t": "\t", "tab": "\t"}.get(v, v)
            if len(v) != 1:
                raise ValueError(f"csv_delimiter must be one character (or 'tab'), got {v!r}")
        return v


# --------------------------------------------------------------------------- tracking
class TrackingSettings(Section):
    tracking_uri: str | None = Field(
        None, description="MLflow tracking URI; default a SQLite store under storage.root/mlflow. 'databricks' on Databricks."
    )
    registry_uri: str | None = Field(None, description="MLflow registry URI; default the tracking URI ('databricks-uc' for UC).")
    experiment: str = Field("tunehouse", description="MLflow experiment name (a workspace path on Databricks).")
    registered_model: str = Field("tunehouse-chat", description="Registered model name (catalog.schema.name in UC).")
    champion_alias: str = Field("champion", description="Alias moved by `evaluate --promote`.")


class Settings(Section):
    """The whole configuration. Sections map 1:1 to the top-level keys of conf/tunehouse.yaml."""

    profile: Literal["local", "databricks"] = Field("local", description="Profile whose overlay was applied.")
    storage: StorageSettings = Field(default_factory=StorageSettings)
    spark: SparkSettings = Field(default_factory=SparkSettings)
    lakehouse: LakehouseSettings = Field(default_factory=LakehouseSettings)
    generate: GenerateSettings = Field(default_factory=GenerateSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
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


# --------------------------------------------------------------------------- loading
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
    if profile not in PROFILES:
        raise ConfigError(f"unknown profile {profile!r}; allowed: {', '.join(PROFILES)}")
    data: dict = {}
    profile_file = CONF_DIR / "profiles" / f"{profile}.yaml"
    if profile_file.exists():
        data = _deep_merge(data, _read_yaml(profile_file))
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
    """The resolved configuration as YAML (logged with every run)."""
    return yaml.safe_dump(settings.model_dump(mode="json"), sort_keys=False)


def documented_yaml(model: type[BaseModel] | None = None) -> str:
    """The embedded defaults as YAML with each field's description as a comment.

    conf/tunehouse.yaml is this text (``tunehouse config --documented > conf/tunehouse.yaml``); a
    test keeps the two in sync, so the file always tells the truth about the defaults.
    """
    model = model or Settings
    lines = [
        "# tunehouse configuration: every setting with its embedded default.",
        "# Generated by `tunehouse config --documented`; edit descriptions in lib/tunehouse/config.py.",
        "# Override with --conf FILE (same shape, only the keys you change) or --set section.key=value.",
        "# Maps (role_mapping, column_aliases, ...) merge key by key with these defaults; null removes a key.",
    ]

    def emit(m: type[BaseModel], instance: BaseModel, indent: int) -> None:
        pad = "  " * indent
        for name, f in m.model_fields.items():
            if name == "profile" and m is Settings:
                continue
            value = getattr(instance, name)
            if isinstance(value, BaseModel):
                if indent == 0 and lines[-1] != "":
                    lines.append("")
                lines.append(f"{pad}{name}:")
                emit(type(value), value, indent + 1)
                continue
            if f.description:
                for chunk in _wrap(f.description, 100 - len(pad)):
                    lines.append(f"{pad}# {chunk}")
            if isinstance(value, dict) and value:  # mappings read better one entry per line
                block = yaml.safe_dump({name: _jsonable(value)}, default_flow_style=False, sort_keys=False,
                                       allow_unicode=True, width=10_000)
                lines.extend(pad + ln for ln in block.rstrip("\n").splitlines())
                continue
            dumped = yaml.safe_dump({name: _jsonable(value)}, default_flow_style=True, width=10_000,
                                    sort_keys=False, allow_unicode=True).strip()
            lines.append(f"{pad}{dumped[1:-1] if dumped.startswith('{') else dumped}")

    emit(model, model(), 0)
    return "\n".join(lines) + "\n"


def _jsonable(v: Any) -> Any:
    if isinstance(v, Path):
        return str(v)
    if isinstance(v, BaseModel):
        return v.model_dump(mode="json")
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    return v


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=max(40, width)) or [""]
