"""Secrets (issue 13, part 6): no token, password or connection string in printed config, logs or MLflow; Databricks
credentials come only from the environment / SDK configuration."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from reliability import PARTS, secret_leaks
from tunehouse.config import dump_settings, load_settings
from tunehouse.config.secrets import REDACTED, redact, redact_text
from tunehouse.model.tracking import flat_params

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("text, secret", [
    ("postgresql://mlflow:S3cr3t-pw@db.example:5432/mlflow", "S3cr3t-pw"),
    ("jdbc:sqlserver://h:1433;databaseName=chat;user=sa;password=Hunter2x;", "Hunter2x"),
    ("Driver={ODBC};Server=h;UID=u;PWD=pw9zz;", "pw9zz"),
    ("https://registry.example/api?access_token=tok123abc&x=1", "tok123abc"),
    ("https://user:hf_abcdef@hub.example/org/model", "hf_abcdef"),
    ("job failed: cannot reach mysql://root:rootpw77@10.0.0.1/mlflow (refused)", "rootpw77"),
])
def test_redact_text_blanks_passwords_and_tokens(text, secret):
    out = redact_text(text)
    assert secret not in out and REDACTED in out
    assert out.split(REDACTED)[0] == text.split(secret)[0]  # everything before the secret is kept


@pytest.mark.parametrize("text", ["databricks", "databricks-uc", "sqlite:////tmp/mlflow.db", "/Shared/tunehouse",
                                  "https://example.com/users/a", "max_new_tokens=256"])
def test_redact_text_keeps_what_holds_no_secret(text):
    assert redact_text(text) == text


def test_redact_by_key_name_but_not_token_counts():
    from pydantic import SecretStr

    value = {"hf_token": "abc", "client_secret": "s", "db": {"password": "p"}, "key": SecretStr("x"),
             "max_new_tokens": 256, "stop_token_ids": [1, 2], "api_key": None}
    assert redact(value) == {"hf_token": REDACTED, "client_secret": REDACTED, "db": {"password": REDACTED},
                             "key": REDACTED, "max_new_tokens": 256, "stop_token_ids": [1, 2], "api_key": None}


def test_the_default_settings_are_shown_unchanged():
    """Redaction only touches secrets: every default setting prints and logs as it is."""
    dumped = load_settings().model_dump(mode="json")
    assert redact(dumped) == dumped
    assert yaml.safe_load(dump_settings(load_settings())) == dumped


def test_dump_settings_and_params_redact_a_connection_string():
    s = load_settings(overrides=["tracking.tracking_uri=postgresql://ml:pw-x91@db.invalid/mlflow"])
    assert s.mlflow_tracking_uri().endswith("ml:pw-x91@db.invalid/mlflow")  # what connects keeps the value
    assert "pw-x91" not in dump_settings(s) and f"ml:{REDACTED}@db.invalid" in dump_settings(s)
    params = flat_params("", s.model_dump(mode="json"))
    assert params["tracking.tracking_uri"] == f"postgresql://ml:{REDACTED}@db.invalid/mlflow"


@pytest.mark.slow
def test_no_planted_secret_in_config_output_mlflow_or_logs(tmp_path):
    out = secret_leaks.probe(tmp_path)
    assert out["found"] == {"config_output": {}, "mlflow": {}, "logs": {}}
    # the probe is live: the surfaces it searched hold the settings it planted (redacted)
    assert "postgresql://mlflow:***@db.invalid" in out["config_output"]
    assert any("config/resolved.yaml" in k for k in out["mlflow"])
    assert any(k.endswith("params") and "tracking.tracking_uri" not in v and v for k, v in out["mlflow"].items())
    assert "logged run" in out["log"]
    tried, failed = PARTS["secret_leaks"]
    assert secret_leaks.figures(out)[tried] == 8 and secret_leaks.figures(out)[failed] == 0


# --------------------------------------------------------------------------- Databricks credentials
TOKEN_LIKE = re.compile(r"(?i)\b(dapi[0-9a-f]{8,}|hf_[A-Za-z0-9]{8,}|(token|password|client_secret)\s*:\s*\S+)")


def test_bundle_holds_no_credential():
    for f in [ROOT / "bundle.yml", *sorted((ROOT / "resources").glob("*.yml"))]:
        assert not TOKEN_LIKE.search(f.read_text()), f.name


def test_databricks_token_is_read_only_from_the_environment():
    """The only place tunehouse reads a Databricks token is the endpoint client, from DATABRICKS_TOKEN; nothing
    writes one (the SDK/CLI configuration authenticates everything else)."""
    readers = []
    for f in sorted((ROOT / "lib" / "tunehouse").rglob("*.py")):
        text = f.read_text()
        if re.search(r"(environ(\.get)?[\[(]|getenv\()\s*[\"'][A-Z_]*(TOKEN|PASSWORD|SECRET)|open\([^)]*databrickscfg"
                     r"|\.token\s*=", text):
            readers.append(f.relative_to(ROOT).as_posix())
    assert readers == ["lib/tunehouse/serving/chat.py"]
    chat = (ROOT / "lib" / "tunehouse" / "serving" / "chat.py").read_text()
    assert 'os.environ.get("DATABRICKS_TOKEN")' in chat
    assert not re.search(r"(log|print|write)\w*\([^)]*token", chat)
