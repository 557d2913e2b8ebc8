"""The MLflow model registry as tunehouse uses it, and local copies of registered models.

- :func:`client` is the one place an ``MlflowClient`` is built (training, evaluation, serving, `runs`).
- Naming models: a :class:`ModelRef` names one model by role (candidate, champion, base, served);
  :func:`resolve_registered` turns a ``models:/`` or ``runs:/`` URI into one, :func:`resolve_champion` and
  :func:`resolve_base` find the models an evaluation compares with, :func:`resolve_serving_uri` the one
  `serve` and `chat` use (the champion alias, else the fallback alias).
- Local folders: :func:`materialize` puts a model's Hugging Face folder (weights, tokenizer,
  ``tunehouse_chat.json`` with the chat template hash and stop ids) under ``<storage.root>/eval/models``,
  downloaded once per registered version, so Spark executors load it with ``ChatModel.from_path`` (on
  Databricks storage.root is a Unity Catalog volume every node sees). The base model is wrapped with the
  *fine-tuned* model's chat configuration: same template, same stop ids, so base and fine-tuned answer
  exactly the same rendered prompts.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tunehouse.errors import UserError
from tunehouse.model.chat import ARTIFACT_KEY as HF_ARTIFACT
from tunehouse.model.chat import CHAT_CONFIG_FILE

if TYPE_CHECKING:
    from tunehouse.config import Settings

log = logging.getLogger(__name__)

_MODELS_URI = re.compile(r"^models:/(?P<name>[^@/]+)(?:@(?P<alias>[^/]+)|/(?P<version>\d+))?$")


@dataclass
class ModelRef:
    role: str                       # candidate | champion | base
    label: str                      # human-readable, e.g. "tunehouse-chat v3"
    uri: str | None = None          # MLflow model URI (None for a base folder)
    name: str | None = None         # registered model name
    version: str | None = None      # registered version
    run_id: str | None = None       # training run that produced it
    source: str | None = None       # base: folder or hub id
    hf_dir: Path | None = None      # local Hugging Face folder, once materialized

    def as_dict(self) -> dict:
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in self.__dict__.items()}


def client(settings: "Settings | None" = None, *, tracking_uri: str | None = None):
    """The one place an MlflowClient is built.

    With ``settings``, mlflow is first pointed at their tracking and registry URIs (a fresh process, e.g.
    `tunehouse runs`); with ``tracking_uri`` (a Ray worker, where no settings travel), that store is used.
    """
    import mlflow
    from mlflow.tracking import MlflowClient

    if settings is not None:
        mlflow.set_tracking_uri(settings.mlflow_tracking_uri())
        if settings.tracking.registry_uri:
            mlflow.set_registry_uri(settings.tracking.registry_uri)
    return MlflowClient(tracking_uri=tracking_uri) if tracking_uri else MlflowClient()


def split_models_uri(uri: str) -> tuple[str, str | None, str | None] | None:
    """models:/NAME@ALIAS -> (NAME, ALIAS, None); models:/NAME/3 -> (NAME, None, "3"); else None."""
    m = _MODELS_URI.match(uri.strip())
    if not m or m["name"].startswith("m-") and not (m["alias"] or m["version"]):
        return None
    return m["name"], m["alias"], m["version"]


def alias_version(name: str, alias: str) -> str | None:
    from mlflow.exceptions import MlflowException

    try:
        return str(client().get_model_version_by_alias(name, alias).version)
    except MlflowException:
        return None


def resolve_registered(uri: str, role: str) -> ModelRef:
    """A models:/ or runs:/ URI -> ModelRef with name/version/run_id filled in where the registry knows them."""
    from mlflow.exceptions import MlflowException

    parts = split_models_uri(uri)
    if parts is None:
        if uri.startswith("runs:/"):
            run_id = uri[len("runs:/"):].split("/", 1)[0]
            return ModelRef(role=role, label=uri, uri=uri, run_id=run_id)
        return ModelRef(role=role, label=uri, uri=uri)
    name, alias, version = parts
    mlflow_client = client()
    try:
        if alias:
            mv = mlflow_client.get_model_version_by_alias(name, alias)
        elif version:
            mv = mlflow_client.get_model_version(name, version)
        else:
            versions = mlflow_client.search_model_versions(f"name = '{name}'")
            if not versions:
                raise UserError(f"registered model {name!r} has no versions; run `tunehouse train` first")
            mv = max(versions, key=lambda v: int(v.version))
    except MlflowException as e:
        what = f"alias @{alias}" if alias else (f"version {version}" if version else "any version")
        raise UserError(f"cannot resolve {uri}: {name!r} has no {what} in the model registry "
                        f"({str(e).splitlines()[0][:160]})") from None
    return ModelRef(role=role, label=f"{name} v{mv.version}", uri=f"models:/{name}/{mv.version}", name=name,
                    version=str(mv.version), run_id=mv.run_id)


def default_candidate_uri(settings: "Settings") -> str:
    """The evaluated model: @<train.register_alias> if set, else the newest version."""
    name = settings.tracking.registered_model
    alias = settings.train.register_alias
    if alias and alias_version(name, alias):
        return f"models:/{name}@{alias}"
    return f"models:/{name}"


def resolve_serving_uri(settings: "Settings", model: str | None, serve=None) -> tuple[str, str | None]:
    """The URI `serve`/`chat` use (``model`` when given), and a note when it fell back from the champion alias
    to the fallback alias of ``serve`` (a serve section; default ``settings.serve``)."""
    if model:
        return model, None
    name = settings.tracking.registered_model
    champion = settings.tracking.champion_alias
    if alias_version(name, champion):
        return f"models:/{name}@{champion}", None
    fallback = (serve or settings.serve).fallback_alias
    if fallback and alias_version(name, fallback):
        return (f"models:/{name}@{fallback}",
                f"no @{champion} alias yet (nothing promoted by `tunehouse evaluate --promote`); using @{fallback}")
    raise UserError(
        f"{name!r} has no @{champion} alias" + (f" and no @{fallback}" if fallback else "")
        + " in the model registry: run `tunehouse train` (and `tunehouse evaluate --promote`), or pass --model URI")


def resolve_champion(settings: "Settings", candidate: ModelRef) -> ModelRef | None:
    """The current champion, when it exists and is another version than the candidate."""
    if not candidate.name:
        return None
    version = alias_version(candidate.name, settings.tracking.champion_alias)
    if version is None or version == candidate.version:
        return None
    ref = resolve_registered(f"models:/{candidate.name}/{version}", "champion")
    ref.label = f"{candidate.name} v{version} (@{settings.tracking.champion_alias})"
    return ref


def training_params(ref: ModelRef) -> dict[str, str]:
    """The params of the training run that produced ``ref`` (base_model.*, data.* lineage, hyperparameters);
    empty when it names no run or the run cannot be read (e.g. it lives in another workspace)."""
    if not ref.run_id:
        return {}
    try:
        return dict(client().get_run(ref.run_id).data.params)
    except Exception:  # noqa: BLE001 - callers say what is missing
        return {}


def resolve_base(settings: "Settings", candidate: ModelRef, override: str | None = None) -> ModelRef:
    """The base model of the candidate: ``override``, else what its training run recorded (base_model.*)."""
    params = training_params(candidate)
    source = override or params.get("base_model.path")
    if not source:
        raise UserError(
            f"do not know the base model of {candidate.label} (its training run recorded none); set "
            "evaluate.base_model to its folder")
    name = params.get("base_model.name") if not override else None
    name = name or Path(source).name
    return ModelRef(role="base", label=f"{name} (base)", source=source,
                    name=name, version=(params.get("base_model.checksum") or "")[:16] or None)


# --------------------------------------------------------------------------- local folders
def cache_root(settings: "Settings") -> Path:
    return (settings.storage.root / "eval" / "models").resolve()


def _safe(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", s)


def materialize(settings: "Settings", ref: ModelRef, chat_config: dict | None = None) -> Path:
    """Make ``ref.hf_dir`` a local Hugging Face folder ChatModel.from_path can load; return it.

    Registered versions are downloaded once (cached by name and version). The base is linked/copied
    next to a ``tunehouse_chat.json`` taken from ``chat_config`` (the fine-tuned model's)."""
    root = cache_root(settings)
    root.mkdir(parents=True, exist_ok=True)
    if ref.role != "base":
        ref.hf_dir = _download_registered(root, ref)
        return ref.hf_dir
    if chat_config is None:
        raise ValueError("the base model needs the fine-tuned model's chat configuration")
    dest = _copy_base(root, ref)
    cfg = dict(chat_config, model_name=ref.label)
    (dest / CHAT_CONFIG_FILE).write_text(json.dumps(cfg, indent=2), encoding="utf-8")
    ref.hf_dir = dest
    return dest


def _download_registered(root: Path, ref: ModelRef) -> Path:
    """The Hugging Face folder of a registered (or run) model under ``root``, downloaded when not there yet.
    The download lands in a ``.partial`` folder first, so an interrupted one is never taken for a model."""
    key = f"{_safe(ref.name)}-v{ref.version}" if ref.version else _safe(ref.uri or ref.label)
    dest = root / key
    if not (dest / "MLmodel").is_file():
        import mlflow

        tmp = root / f".{key}.partial"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            local = Path(mlflow.artifacts.download_artifacts(artifact_uri=ref.uri, dst_path=str(tmp)))
        except Exception as e:  # noqa: BLE001
            shutil.rmtree(tmp, ignore_errors=True)
            raise UserError(f"cannot download {ref.uri}: {str(e).splitlines()[0][:200]}") from None
        try:
            hf_folder(local)
        except UserError as e:
            shutil.rmtree(tmp, ignore_errors=True)
            raise UserError(f"{ref.uri}: {e}") from None
        shutil.rmtree(dest, ignore_errors=True)
        local.rename(dest)  # the downloaded model folder (tmp itself or a folder inside it)
        shutil.rmtree(tmp, ignore_errors=True)
    return hf_folder(dest)


def _copy_base(root: Path, ref: ModelRef) -> Path:
    """A copy of the base model under ``root``: its folder copied, or a hub id loaded once and saved."""
    dest = root / f"base-{_safe(ref.version or ref.name or 'model')}"
    src = Path(ref.source)
    if (dest / "config.json").is_file():
        return dest
    tmp = root / f".{dest.name}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    if src.is_dir():
        shutil.copytree(src, tmp)
    else:  # a hub id: load it once and save a local copy (needs hub access)
        try:
            from transformers import AutoModelForCausalLM, AutoTokenizer

            AutoTokenizer.from_pretrained(ref.source).save_pretrained(tmp)
            AutoModelForCausalLM.from_pretrained(ref.source).save_pretrained(tmp)
        except (OSError, ValueError) as e:
            shutil.rmtree(tmp, ignore_errors=True)
            raise UserError(f"base model {ref.source!r} is neither a local folder nor loadable "
                            f"({str(e).splitlines()[0][:160]}); set evaluate.base_model to its folder") from None
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    return dest


def hf_folder(model_dir: str | Path) -> Path:
    """The Hugging Face folder inside a downloaded tunehouse pyfunc model (its ``hf_model`` artifact)."""
    import yaml

    model_dir = Path(model_dir)
    mlmodel = model_dir / "MLmodel"
    if not mlmodel.is_file():
        raise UserError(f"{model_dir} is not an MLflow model (no MLmodel file)")
    meta = yaml.safe_load(mlmodel.read_text(encoding="utf-8")) or {}
    artifacts = (meta.get("flavors", {}).get("python_function", {}) or {}).get("artifacts") or {}
    rel = (artifacts.get(HF_ARTIFACT) or {}).get("path")
    folder = model_dir / rel if rel else None
    if folder is None or not (folder / "config.json").is_file():
        raise UserError(f"not a tunehouse chat model: no '{HF_ARTIFACT}' artifact with a Hugging Face checkpoint")
    return folder


def chat_config_of(hf_dir: Path) -> dict:
    path = Path(hf_dir) / CHAT_CONFIG_FILE
    if not path.is_file():
        raise UserError(f"{hf_dir} has no {CHAT_CONFIG_FILE}: not a tunehouse chat model")
    return json.loads(path.read_text(encoding="utf-8"))
