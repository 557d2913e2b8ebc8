"""Which models take part: registry look-ups against a real (empty) MLflow store."""

from __future__ import annotations

import pytest
from tunehouse.errors import UserError


def test_resolving_a_missing_version_says_what_is_missing(settings):
    from tunehouse.model import registry
    from tunehouse.model import tracking as mlflow_store

    mlflow_store.setup_mlflow(settings)
    with pytest.raises(UserError, match=r"'nothing-here' has no version 3 in the model registry"):
        registry.resolve_registered("models:/nothing-here/3", "candidate")
    with pytest.raises(UserError, match=r"has no alias @champion"):
        registry.resolve_registered("models:/nothing-here@champion", "candidate")
    # URIs the registry does not name pass through untouched
    ref = registry.resolve_registered("runs:/abc123/model", "candidate")
    assert (ref.run_id, ref.name, ref.version) == ("abc123", None, None)
