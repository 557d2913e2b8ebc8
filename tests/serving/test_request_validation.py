"""Request validation of the served chat model without a model: every bad value is a ChatRequestError (an
MlflowException with INVALID_PARAMETER_VALUE, so the scoring server answers 400 with the reason), never a
ValueError/OverflowError from int() or a NaN slipping through comparisons."""

from __future__ import annotations

import pandas as pd
import pytest
from tunehouse.model.chat import ChatRequestError, requests_from_input, validate_request

MSG = [{"role": "user", "content": "Hi"}]
NAN, INF = float("nan"), float("inf")


@pytest.mark.parametrize("options, reason", [
    ({"temperature": NAN}, "temperature"),
    ({"temperature": -INF}, "temperature"),
    ({"top_p": NAN}, "top_p"),
    ({"max_tokens": NAN}, "max_tokens"),
    ({"max_tokens": INF}, "max_tokens"),
    ({"max_tokens": 10**400}, "max_tokens"),
    ({"n": NAN}, "n must be"),
    ({"seed": INF}, "seed"),
    ({"custom_inputs": {"seed": NAN}}, "seed"),
])
def test_nan_infinity_and_huge_numbers_are_refused_with_the_reason(options, reason):
    with pytest.raises(ChatRequestError, match=reason) as e:
        validate_request({"messages": MSG, **options})
    assert len(str(e.value)) < 200  # the value is shown cut short, not 400 digits of it


def test_null_options_mean_the_defaults():
    req = validate_request({"messages": MSG, "temperature": None, "max_tokens": None, "seed": None})
    assert (req["temperature"], req["max_tokens"], req["seed"]) == (0.0, 128, None)


def test_nan_in_a_one_row_dataframe_is_what_the_client_sent():
    """The scoring server turns one request into a one-row DataFrame: a NaN there came from the client."""
    (raw,), shape = requests_from_input(pd.DataFrame({"messages": [MSG], "temperature": [NAN]}))
    with pytest.raises(ChatRequestError, match="temperature"):
        validate_request(raw)


def test_nan_cells_of_a_several_row_dataframe_are_missing_values():
    """Several rows (batch scoring): pandas fills a row without a value with NaN; that row gets the default."""
    df = pd.DataFrame({"messages": [MSG, MSG], "temperature": [0.5, NAN]})
    rows, shape = requests_from_input(df)
    assert shape == "dataframe" and rows[0]["temperature"] == 0.5 and "temperature" not in rows[1]
    assert validate_request(rows[1])["temperature"] == 0.0
