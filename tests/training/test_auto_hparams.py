"""`auto` hyperparameters: the pure resolution (auto_hparams.resolve) and the settings that accept "auto"."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from tunehouse.training import auto_hparams as ah
from tunehouse.training.settings import TrainSettings


@pytest.mark.parametrize(("n", "per_step", "expected"), [
    (48, 1, 1),          # 0.2% of 48 = 0.096 -> at least 1
    (48, 2, 2),          # rounded up to a multiple of workers x accumulation
    (1000, 1, 2),        # ceil(2.0)
    (1001, 1, 3),        # ceil(2.002)
    (10_000, 4, 20),     # 20 is already a multiple of 4
    (10_000, 8, 24),     # 20 -> 24
    (200_000, 1, 256),   # 400 capped at 256
    (0, 1, 1),
])
def test_auto_batch_size_is_two_per_mille_capped_at_256(n, per_step, expected):
    assert ah.auto_batch_size(n, per_step) == expected


@pytest.mark.parametrize(("n", "expected"), [
    (10, 10),        # 100 // 10: at least 100 examples seen
    (3, 25),         # 100 // 3 = 33, capped at 25
    (20, 5),         # 60 seen < 100 -> 100 // 20
    (48, 3),         # the test export: 144 seen, the target 3
    (1000, 3),
    (8334, 2),       # 25,002 seen > 25,000 -> 25000 // 8334
    (8333, 3),
    (30_000, 1),     # max(1, 0)
])
def test_auto_n_epochs_follows_the_openai_cookbook_heuristic(n, expected):
    assert ah.auto_n_epochs(n) == expected


@pytest.mark.parametrize(("batch", "expected"), [(1, 0.05), (3, 0.05), (4, 0.1), (8, 0.1), (15, 0.1), (16, 0.2),
                                                 (256, 0.2)])
def test_auto_learning_rate_multiplier_grows_with_the_batch(batch, expected):
    assert ah.auto_learning_rate_multiplier(batch) == expected


def test_resolve_replaces_only_auto_and_says_which():
    r = ah.resolve(20_000, batch_size="auto", n_epochs=4, learning_rate_multiplier="auto", per_step=2)
    assert (r.batch_size, r.n_epochs, r.learning_rate_multiplier) == (40, 4, 0.2)
    assert r.auto == ("batch_size", "learning_rate_multiplier")
    assert r.as_params()["auto"] == "batch_size,learning_rate_multiplier"
    fixed = ah.resolve(48, batch_size=8, n_epochs=2, learning_rate_multiplier=0.5)
    assert (fixed.batch_size, fixed.n_epochs, fixed.learning_rate_multiplier, fixed.auto) == (8, 2, 0.5, ())
    assert fixed.as_params()["auto"] == "none"
    # the learning-rate multiplier follows the *resolved* batch size, also when the batch was given
    assert ah.resolve(48, batch_size=32, n_epochs=1, learning_rate_multiplier="auto").learning_rate_multiplier == 0.2


def test_settings_accept_auto_and_keep_numeric_defaults():
    ts = TrainSettings()
    assert (ts.batch_size, ts.n_epochs, ts.learning_rate_multiplier, ts.keep_checkpoints) == (8, 2, 0.1, 3)
    auto = TrainSettings(batch_size="auto", n_epochs="auto", learning_rate_multiplier="auto", num_workers=3)
    assert auto.batch_size == "auto"  # no multiple-of-workers check until it is resolved
    with pytest.raises(ValueError, match="resolve it"):
        auto.micro_batch_size
    with pytest.raises(ValueError, match="resolve it"):
        auto.learning_rate("tunehouse-tiny-base")
    for bad in ({"batch_size": 0}, {"batch_size": "big"}, {"n_epochs": 101}, {"learning_rate_multiplier": 0},
                {"batch_size": 7}, {"suffix": "v2"}, {"suffix": "Has Space"}, {"early_stopping_patience": 0}):
        with pytest.raises(ValidationError):
            TrainSettings(**bad)
    assert TrainSettings(suffix="support-bot_2").suffix == "support-bot_2"
