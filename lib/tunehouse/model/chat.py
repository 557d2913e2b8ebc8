"""An MLflow pyfunc chat model: OpenAI-style chat requests in, ``chat.completion`` dicts out.

Self-contained on purpose (imports only mlflow, torch, transformers, pandas, numpy): MLflow logs this file
as "model code" next to the weights, so the model loads in a serving container or on Spark executors where
tunehouse itself is not installed. The same class is usable directly, without MLflow::

    model = ChatModel.from_path("path/to/hf_model")
    model.chat({"messages": [{"role": "user", "content": "Hi"}], "max_tokens": 32})

The logged model carries MLflow's standard chat signature (:func:`chat_signature`: the OpenAI chat request
and ``chat.completion`` schemas that ``mlflow.pyfunc.ChatModel`` and the transformers flavour's ``llm/v1/chat``
task log) and the ``llm/v1/chat`` task, so Databricks Model Serving treats the endpoint as a chat model, and
the local `tunehouse serve` enforces exactly the same schema. With a signature MLflow hands ``predict`` a
one-row DataFrame for a request dict; ``predict`` answers one row with one ``chat.completion`` dict, several
rows with a list of them. Called directly, ``predict`` takes one request dict or a list of them.

Prompts are rendered with exactly the chat template stored with the weights, and generation stops on exactly
the stop token ids stored in ``tunehouse_chat.json``. Message keys other than role/content are ignored here
(the served schema already refuses keys it does not define, e.g. the training ``weight``). ``seed`` is not
part of the chat schema: send it as ``custom_inputs: {"seed": N}`` (a top-level ``seed`` works in direct calls).

The model goes on a GPU when there is one (bf16 weights where the GPU supports bf16), else on the CPU in fp32:
``device`` of :meth:`ChatModel.from_path`, or for a served model the environment variable ``TUNEHOUSE_DEVICE``
(auto | cpu | cuda | cuda:N; default auto).
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import time
import uuid
from pathlib import Path
from typing import Any

import mlflow
import mlflow.pyfunc
from mlflow.exceptions import MlflowException
from mlflow.protos.databricks_pb2 import INVALID_PARAMETER_VALUE

CHAT_CONFIG_FILE = "tunehouse_chat.json"
ARTIFACT_KEY = "hf_model"
ROLES = ("system", "user", "assistant")
DEFAULTS = {"max_tokens": 128, "temperature": 0.0, "top_p": 1.0, "n": 1, "stop": None, "seed": None}
LIMITS = {"n": 16, "stop": 4}
OPTION_KEYS = tuple(DEFAULTS) + ("custom_inputs", "stream")
# MLflow's task for OpenAI-style chat models (the transformers flavour and Databricks' own LLM tooling log it
# beside the chat signature); Databricks Model Serving serves such a model as a chat endpoint.
CHAT_TASK = "llm/v1/chat"
# Where a served model runs when nobody passes a device (the scoring server is a separate process).
DEVICE_ENV = "TUNEHOUSE_DEVICE"


def resolve_device(wanted: str | None = None):
    """auto (default: ``$TUNEHOUSE_DEVICE`` or auto) -> the first GPU when CUDA is available, else the CPU;
    cpu / cuda / cuda:N as given (cuda without a GPU is an error, not a silent CPU fallback)."""
    import torch

    wanted = (wanted or os.environ.get(DEVICE_ENV) or "auto").strip().lower()
    if wanted == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(wanted)
    if device.type == "cuda" and not torch.cuda.is_available():
        raise MlflowException(f"device {wanted!r} requested but CUDA is not available here",
                              error_code=INVALID_PARAMETER_VALUE)
    return device


def inference_dtype(device):
    """bf16 weights on a GPU that supports it (half the memory, tensor cores), fp32 elsewhere."""
    import torch

    if device.type == "cuda" and torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32


class ChatRequestError(MlflowException, ValueError):
    """A malformed chat request (HTTP 400 when served by MLflow)."""

    def __init__(self, message: str):
        super().__init__(message, error_code=INVALID_PARAMETER_VALUE)


# --------------------------------------------------------------------------- request validation
def _to_python(x: Any) -> Any:
    """numpy arrays / pandas rows from Spark -> plain lists and dicts."""
    try:
        import numpy as np

        if isinstance(x, np.ndarray):
            return [_to_python(v) for v in x.tolist()]
        if isinstance(x, np.generic):
            return x.item()
    except ImportError:  # pragma: no cover
        pass
    if isinstance(x, dict):
        return {k: _to_python(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_to_python(v) for v in x]
    if hasattr(x, "asDict"):  # pyspark Row
        return _to_python(x.asDict())
    return x


def _is_missing(v: Any) -> bool:
    """None (JSON null) means "not given". A NaN is not: a client that sends ``temperature: NaN`` gets a 400;
    the NaN pandas puts in the cells of a several-row DataFrame where a row had no value is dropped
    before validation (:func:`requests_from_input`)."""
    return v is None


def _nan(v: Any) -> bool:
    return isinstance(v, float) and v != v


def _number(v: Any) -> bool:
    """A finite int or float (not a bool, NaN or infinity: comparisons with NaN are all False)."""
    return not isinstance(v, bool) and (isinstance(v, int) or (isinstance(v, float) and math.isfinite(v)))


def _integer(v: Any) -> bool:
    return _number(v) and int(v) == v


def _show(v: Any, limit: int = 60) -> str:
    """repr() for an error message, cut short (a 4000-digit max_tokens need not come back whole)."""
    text = repr(v)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def validate_request(request: Any, max_new_tokens_limit: int = 4096) -> dict:
    """Check one chat request; return {messages:[{role,content}], max_tokens, temperature, top_p, n, stop, seed}."""
    request = _to_python(request)
    if isinstance(request, str):
        try:
            request = json.loads(request)
        except json.JSONDecodeError:
            raise ChatRequestError("a request must be a JSON object with a 'messages' list") from None
    if not isinstance(request, dict):
        raise ChatRequestError(f"a request must be an object with a 'messages' list, got {type(request).__name__}")
    messages = request.get("messages")
    if isinstance(messages, str):
        try:
            messages = json.loads(messages)
        except json.JSONDecodeError:
            raise ChatRequestError("'messages' must be a list of {role, content} objects") from None
    if not isinstance(messages, list) or not messages:
        raise ChatRequestError("'messages' must be a non-empty list of {role, content} objects")
    clean = []
    for i, m in enumerate(messages):
        if not isinstance(m, dict):
            raise ChatRequestError(f"messages[{i}] must be an object with 'role' and 'content'")
        role, content = m.get("role"), m.get("content")
        if role not in ROLES:
            raise ChatRequestError(f"messages[{i}].role must be one of {', '.join(ROLES)}, got {role!r}")
        if not isinstance(content, str):
            raise ChatRequestError(f"messages[{i}].content must be a string")
        clean.append({"role": role, "content": content})
    if clean[-1]["role"] == "assistant":
        raise ChatRequestError("the last message must be from the user or system, not the assistant")
    if not _is_missing(request.get("stream")) and request.get("stream") is not False:
        raise ChatRequestError("streaming is not supported: send the request without 'stream' (or stream=false)")
    out: dict[str, Any] = {"messages": clean}
    custom = request.get("custom_inputs")
    custom = custom if isinstance(custom, dict) else {}
    for key, default in DEFAULTS.items():
        v = request.get(key)
        if _is_missing(v) and key == "seed":
            v = custom.get("seed")  # the chat schema has no seed: custom_inputs carries it
        out[key] = default if _is_missing(v) else v
    mt = out["max_tokens"]
    if not _integer(mt) or not 1 <= mt <= max_new_tokens_limit:
        raise ChatRequestError(f"max_tokens must be an integer in [1, {max_new_tokens_limit}], got {_show(mt)}")
    out["max_tokens"] = int(mt)
    t = out["temperature"]
    if not _number(t) or not 0 <= t <= 2:
        raise ChatRequestError(f"temperature must be a number in [0, 2], got {_show(t)}")
    p = out["top_p"]
    if not _number(p) or not 0 < p <= 1:
        raise ChatRequestError(f"top_p must be a number in (0, 1], got {_show(p)}")
    n = out["n"]
    if not _integer(n) or not 1 <= n <= LIMITS["n"]:
        raise ChatRequestError(f"n must be an integer in [1, {LIMITS['n']}], got {_show(n)}")
    out["n"] = int(n)
    stop = out["stop"]
    if isinstance(stop, str):
        stop = [stop]
    if stop is not None and (
        not isinstance(stop, list) or len(stop) > LIMITS["stop"] or not all(isinstance(s, str) and s for s in stop)
    ):
        raise ChatRequestError(f"stop must be a string or a list of up to {LIMITS['stop']} non-empty strings")
    out["stop"] = stop or []
    seed = out["seed"]
    if seed is not None and not _integer(seed):
        raise ChatRequestError(f"seed must be an integer, got {_show(seed)}")
    out["seed"] = None if seed is None else int(seed)
    return out


def requests_from_input(model_input: Any) -> tuple[list[dict], str]:
    """Normalise predict() input to a list of raw requests; also say which shape came in (dict|list|dataframe)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(model_input, pd.DataFrame):
        if "messages" not in model_input.columns:
            raise ChatRequestError(
                f"a DataFrame input needs a 'messages' column, got columns {list(model_input.columns)}")
        cols = [c for c in model_input.columns if c == "messages" or c in OPTION_KEYS]
        # several rows: a NaN cell is pandas' "this row has no value" (one row: what the client sent)
        fill = len(model_input) > 1
        return [{c: row[c] for c in cols if not (fill and _nan(row[c]))} for _, row in model_input.iterrows()], \
            "dataframe"
    if isinstance(model_input, dict):
        if "messages" not in model_input and "inputs" in model_input:
            return requests_from_input(model_input["inputs"])
        return [model_input], "dict"
    if isinstance(model_input, (list, tuple)):
        return list(model_input), "list"
    raise ChatRequestError(
        "input must be a chat request object, a list of them, or a DataFrame with a 'messages' column")


# --------------------------------------------------------------------------- the model
def fold_system(messages: list[dict]) -> list[dict]:
    """A leading system message merged into the first user message (``system + "\\n\\n" + user``), as
    training rendered it for a template that refuses or drops system messages (recorded as
    ``system_message: fold`` in ``tunehouse_chat.json`` by ``tunehouse.training.templates.system_handling``,
    whose ``fold_system`` this mirrors: this file imports nothing of tunehouse). A system message elsewhere: 400."""
    out = [dict(m) for m in messages]
    if len(out) > 1 and out[0]["role"] == "system" and out[1]["role"] == "user":
        out[1]["content"] = f"{out[0]['content']}\n\n{out[1]['content']}"
        out = out[1:]
    if any(m["role"] == "system" for m in out):
        raise ChatRequestError("this model's chat template takes a system message only as the first message, "
                               "followed by a user message")
    return out


class ChatModel(mlflow.pyfunc.PythonModel):
    """A causal LM + its tokenizer + the stored chat template and stop ids, answering chat requests."""

    # predict() takes dicts, lists and DataFrames on purpose: no type-hint based input conversion
    _skip_type_hint_validation = True

    def __init__(self):
        self.model = None
        self.tokenizer = None
        self.config: dict = {}
        self.max_token_chars = 1

    # -- loading
    def load_context(self, context) -> None:
        self.load(context.artifacts[ARTIFACT_KEY])

    @classmethod
    def from_path(cls, path: str | Path, device: str | None = None) -> "ChatModel":
        m = cls()
        m.load(path, device)
        return m

    def load(self, path: str | Path, device: str | None = None) -> None:
        """Tokenizer, weights (on :func:`resolve_device`, in :func:`inference_dtype`) and the chat config."""
        from transformers import AutoModelForCausalLM, AutoTokenizer

        path = Path(path)
        where = resolve_device(device)
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForCausalLM.from_pretrained(path, dtype=inference_dtype(where)).to(where)
        self.model.eval()
        cfg_file = path / CHAT_CONFIG_FILE
        self.config = json.loads(cfg_file.read_text(encoding="utf-8")) if cfg_file.is_file() else {}
        template = self.tokenizer.chat_template or ""
        want = self.config.get("chat_template_sha256")
        if want and hashlib.sha256(template.encode()).hexdigest() != want:
            raise MlflowException(f"the chat template in {path} does not match the one recorded at training time")
        if not self.config.get("stop_token_ids"):
            eos = self.tokenizer.eos_token_id
            self.config["stop_token_ids"] = [eos] if isinstance(eos, int) else list(eos or [])
        self.config.setdefault("model_name", path.name)
        # no token covers more characters than its longest vocabulary string: a conversation longer than
        # max_context times that cannot fit, and is refused before the tokenizer spends seconds on it
        self.max_token_chars = max((len(t) for t in self.tokenizer.get_vocab()), default=1) or 1

    @property
    def stop_token_ids(self) -> list[int]:
        return list(self.config["stop_token_ids"])

    @property
    def max_context(self) -> int:
        return int(getattr(self.model.config, "max_position_embeddings", 2048))

    # -- pyfunc entry point
    def predict(self, context, model_input, params: dict | None = None):
        """dict -> chat.completion dict; list -> list of them; DataFrame (what the chat signature makes of a
        served request) -> one chat.completion dict for one row, a list of them for several rows.
        ``params`` set request defaults (direct calls; the logged signature defines no params)."""
        raw, shape = requests_from_input(model_input)
        responses = [self.chat({**(params or {}), **_to_python(r)}) for r in raw]
        if shape == "dict" or (shape == "dataframe" and len(responses) == 1):
            return responses[0]
        return responses

    def render_prompt(self, messages: list[dict]) -> list[int]:
        if self.config.get("system_message") == "fold":  # as training rendered it (Gemma 2, Mistral v0.3)
            messages = fold_system(messages)
        ids = self.tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=True,
                                                 return_dict=True)["input_ids"]
        return list(ids)

    def chat(self, request: Any) -> dict:
        """Answer one chat request with an OpenAI-style ``chat.completion`` dict (incl. ``usage``)."""
        import torch

        req = validate_request(request, max_new_tokens_limit=self.max_context)
        chars = sum(len(m["content"]) for m in req["messages"])
        if chars > self.max_context * self.max_token_chars:
            raise ChatRequestError(f"the conversation is {chars} characters, more than this model's context of "
                                   f"{self.max_context} tokens can hold")
        prompt = self.render_prompt(req["messages"])
        budget = self.max_context - len(prompt)
        if budget < 1:
            raise ChatRequestError(
                f"the conversation is {len(prompt)} tokens; this model's context is {self.max_context} tokens")
        max_new = min(req["max_tokens"], budget)
        sample = req["temperature"] > 0
        if req["seed"] is not None:
            torch.manual_seed(req["seed"])
        gen_kwargs = dict(
            max_new_tokens=max_new,
            do_sample=sample,
            num_return_sequences=req["n"],
            eos_token_id=self.stop_token_ids,
            pad_token_id=self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None
            else self.stop_token_ids[0],
        )
        if sample:
            gen_kwargs.update(temperature=float(req["temperature"]), top_p=float(req["top_p"]))
        else:
            gen_kwargs.update(temperature=None, top_p=None, top_k=None)
        input_ids = torch.tensor([prompt], device=self.model.device)
        with torch.no_grad():
            out = self.model.generate(input_ids=input_ids, attention_mask=torch.ones_like(input_ids), **gen_kwargs)
        choices, completion_tokens = [], 0
        stops = set(self.stop_token_ids)
        for i, seq in enumerate(out[:, len(prompt):].tolist()):
            cut = next((k for k, t in enumerate(seq) if t in stops), None)
            finish = "stop" if cut is not None else "length"
            gen = seq[:cut] if cut is not None else seq
            completion_tokens += len(gen) + (1 if cut is not None else 0)
            text = self.tokenizer.decode(gen, skip_special_tokens=True)
            for s in req["stop"]:
                pos = text.find(s)
                if pos >= 0:
                    text, finish = text[:pos], "stop"
            choices.append({"index": i, "message": {"role": "assistant", "content": text}, "finish_reason": finish})
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.config.get("model_name", "tunehouse"),
            "choices": choices,
            "usage": {"prompt_tokens": len(prompt), "completion_tokens": completion_tokens,
                      "total_tokens": len(prompt) + completion_tokens},
        }


def chat_signature():
    """MLflow's standard chat signature: OpenAI chat request in (messages of role/content, max_tokens,
    temperature, top_p, n, stop, custom_inputs...), ``chat.completion`` out (choices, usage...). The same
    everywhere: Unity Catalog requires a signature, and Databricks serving reads this one as a chat model."""
    from mlflow.models import ModelSignature
    from mlflow.types.llm import CHAT_MODEL_INPUT_SCHEMA, CHAT_MODEL_OUTPUT_SCHEMA

    return ModelSignature(inputs=CHAT_MODEL_INPUT_SCHEMA, outputs=CHAT_MODEL_OUTPUT_SCHEMA)


# MLflow "models from code": when this file is logged as the model's code, MLflow executes it and takes
# the model object set here. Harmless on a normal import.
mlflow.models.set_model(ChatModel())
