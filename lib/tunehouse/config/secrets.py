"""Secrets never leave the process in what tunehouse prints or logs: one redaction for every place that does.

tunehouse holds no credential of its own: Databricks authenticates through the environment or the SDK's
configuration (``DATABRICKS_HOST``/``DATABRICKS_TOKEN``, ``~/.databrickscfg``), the hubs through theirs. A secret can
still reach a setting: a connection string with a password (``tracking.tracking_uri =
postgresql://mlflow:PASSWORD@db/mlflow``), a URL with a token in its query, a ``pydantic.SecretStr``. Everything
that shows the configuration or logs it (``tunehouse config``, the resolved settings and params a training run
logs to MLflow, job events) passes through :func:`redact`, which blanks

* the value of any key whose name says it is a secret (token, password, secret, credential, api key...),
* the password of a URL's user info (``scheme://user:PASSWORD@host``),
* ``password=...``/``token=...``-style pairs inside a string (JDBC/ODBC connection strings, URL queries),
* ``SecretStr`` values (pydantic already prints them masked).

What connects (``Settings.mlflow_tracking_uri()``) keeps the real value; only what is shown is redacted.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import SecretBytes, SecretStr

REDACTED = "***"

# a key naming a secret: databricks_token, hf_token, password, client_secret, api_key, credentials...
# (the last word of the key: max_new_tokens or stop_token_ids are not secrets)
SECRET_KEY = re.compile(r"(?i)(^|[_.\-])(token|passw(or)?d|pwd|secret|credentials?|api[_-]?key|apikey|access[_-]?key|"
                        r"private[_-]?key)$")
# scheme://user:password@host (the password part)
_USERINFO = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)(?P<secret>[^@/\s]+)(?P<at>@)")
# key=value pairs naming a secret inside a string: ;password=x; ?access_token=x& PWD=x
_PAIR = re.compile(r"(?i)(?P<head>\b(?:[\w.\-]*[_.\-])?(?:token|passw(?:or)?d|pwd|secret|api[_-]?key|apikey|"
                   r"access[_-]?key|credentials?)\s*=\s*)(?P<secret>[^;&\s,'\"]+)")  # the key ends with the noun


def redact_text(text: str) -> str:
    """``text`` with URL passwords and secret key=value pairs blanked."""
    if not isinstance(text, str) or not text:
        return text
    text = _USERINFO.sub(lambda m: m["head"] + REDACTED + m["at"], text)
    return _PAIR.sub(lambda m: m["head"] + REDACTED, text)


def is_secret_key(key: Any) -> bool:
    return bool(SECRET_KEY.search(str(key)))


def redact(value: Any, key: Any = None) -> Any:
    """A copy of ``value`` (dicts, lists, strings) fit to print or log: secrets by key name, in strings, SecretStr."""
    if isinstance(value, (SecretStr, SecretBytes)):
        return REDACTED
    if key is not None and is_secret_key(key) and value not in (None, "", {}, []):
        return REDACTED
    if isinstance(value, dict):
        return {k: redact(v, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(redact(v) for v in value)
    if isinstance(value, str):
        return redact_text(value)
    return value
