"""The logged chat model as Databricks Model Serving sees it: MLflow's chat signature and the llm/v1/chat task in
the MLmodel file, OpenAI chat requests in and `chat.completion` dicts out through `mlflow.pyfunc.load_model`,
and a request scored the way a serving container scores it (`validate_serving_input`).

A real tiny model (the session's tiny base, packaged like a fine-tuned one) is logged and registered with
`tunehouse.training.tracking.log_chat_model` into a local MLflow store (SQLite), exactly as `tunehouse train`
does; nothing is mocked."""

from __future__ import annotations

import pandas as pd
import pytest
from fixtures.serving import as_chat_model, serving_settings

NAME = "tunehouse-chat-signature"
MSGS = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Where is order <ORDER_1>?"}]


@pytest.fixture(scope="module")
def logged(base_dir, tmp_path_factory):
    """(settings, model_uri of the registered @candidate, the log_chat_model result)."""
    import mlflow
    from tunehouse.model import tracking as mlflow_store
    from tunehouse.training import tracking

    root = tmp_path_factory.mktemp("th_signature")
    settings = serving_settings(root)
    hf = as_chat_model(base_dir, root / "hf_model")
    mlflow_store.setup_mlflow(settings)
    with mlflow.start_run(run_name="signature-test") as run:
        reg = tracking.log_chat_model(hf, registered_name=NAME, alias="candidate", run_id=run.info.run_id)
    return settings, f"models:/{NAME}@candidate", reg


@pytest.fixture(scope="module")
def pyfunc(logged):
    import mlflow

    return mlflow.pyfunc.load_model(logged[1])


def test_mlmodel_carries_the_chat_signature_and_task(logged):
    import mlflow
    import yaml
    from mlflow.types.llm import CHAT_MODEL_INPUT_SCHEMA, CHAT_MODEL_OUTPUT_SCHEMA

    _, uri, reg = logged
    assert reg["version"] == "1" and reg["alias"] == "candidate"
    local = mlflow.artifacts.download_artifacts(uri)
    mlmodel = yaml.safe_load(open(f"{local}/MLmodel", encoding="utf-8"))
    assert mlmodel["metadata"]["task"] == "llm/v1/chat"
    info = mlflow.models.get_model_info(uri)
    assert info.signature.inputs.to_dict() == CHAT_MODEL_INPUT_SCHEMA.to_dict()
    assert info.signature.outputs.to_dict() == CHAT_MODEL_OUTPUT_SCHEMA.to_dict()
    # read as a client would: messages is an array of {role, content, ...} objects, outputs have choices
    inputs = {c["name"]: c for c in info.signature.inputs.to_dict()}
    assert inputs["messages"]["type"] == "array" and inputs["messages"]["required"] is True
    props = inputs["messages"]["items"]["properties"]
    assert props["role"]["type"] == "string" and props["content"]["type"] == "string"
    assert {"max_tokens", "temperature", "top_p", "n", "stop", "custom_inputs"} <= set(inputs)
    outputs = {c["name"]: c for c in info.signature.outputs.to_dict()}
    assert {"id", "object", "created", "model", "choices", "usage"} <= set(outputs)


def _assert_completion(r: dict, max_tokens: int) -> None:
    assert isinstance(r, dict) and r["object"] == "chat.completion" and r["id"].startswith("chatcmpl-")
    choice = r["choices"][0]
    assert choice["index"] == 0 and choice["message"]["role"] == "assistant"
    assert isinstance(choice["message"]["content"], str) and choice["finish_reason"] in ("stop", "length")
    u = r["usage"]
    assert 1 <= u["completion_tokens"] <= max_tokens and u["total_tokens"] == u["prompt_tokens"] + u["completion_tokens"]


def test_pyfunc_answers_a_chat_request_with_a_chat_completion(pyfunc):
    r = pyfunc.predict({"messages": MSGS, "max_tokens": 8})
    _assert_completion(r, 8)
    # no temperature given: greedy, so the same request gives the same reply
    again = pyfunc.predict({"messages": MSGS, "max_tokens": 8})
    assert again["choices"][0]["message"] == r["choices"][0]["message"]


def test_seed_travels_in_custom_inputs(pyfunc):
    req = {"messages": MSGS, "max_tokens": 8, "temperature": 1.5, "custom_inputs": {"seed": 7}}
    a, b = pyfunc.predict(req), pyfunc.predict(req)
    assert a["choices"][0]["message"] == b["choices"][0]["message"]
    outs = {pyfunc.predict({**req, "custom_inputs": {"seed": s}})["choices"][0]["message"]["content"]
            for s in range(6)}
    assert len(outs) > 1  # sampling really happened: the seed decides the reply


def test_several_rows_give_one_completion_each(pyfunc):
    out = pyfunc.predict(pd.DataFrame({"messages": [MSGS, MSGS[1:]], "max_tokens": [3, 4]}))
    assert isinstance(out, list) and len(out) == 2
    _assert_completion(out[0], 3)
    _assert_completion(out[1], 4)


@pytest.mark.parametrize("request_body, reason", [
    ({"messages": [{"role": "user", "content": "x", "weight": 1}]}, "weight"),  # a training-only key
    ({"messages": [{"role": "user", "content": 5}]}, "content"),
    ({"messages": "hello"}, "list"),
    ({"max_tokens": 5}, "messages"),
    ({"messages": [{"role": "bot", "content": "x"}]}, "role must be one of"),  # past the schema: the model's check
])
def test_requests_outside_the_schema_are_refused(pyfunc, request_body, reason):
    from mlflow.exceptions import MlflowException

    with pytest.raises(MlflowException, match=reason) as e:
        pyfunc.predict(request_body)
    assert e.value.get_http_status_code() == 400


def test_scored_like_a_serving_container(logged):
    """The request JSON a Databricks endpoint receives, parsed and predicted by MLflow's scoring-server code."""
    from mlflow.models import (
        convert_input_example_to_serving_input,
        validate_serving_input,
    )

    body = convert_input_example_to_serving_input({"messages": MSGS, "max_tokens": 6, "temperature": 0.0})
    assert '"messages"' in body and "dataframe" not in body  # sent as-is: the OpenAI chat request
    r = validate_serving_input(logged[1], body)
    _assert_completion(r, 6)
