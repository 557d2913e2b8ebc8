"""Picking checkpoints without Ray: the kept-checkpoint listing, best/last/epoch choice, early stopping rule,
checkpoint references."""

from __future__ import annotations

import json

import pytest
import torch
from tunehouse.errors import UserError
from tunehouse.training import checkpoint
from tunehouse.training.continuation import parse_checkpoint_ref
from tunehouse.training.control import JobControl, early_stop, request_cancel


def _fake_checkpoint(run_dir, i, epoch, val_loss, state=True):
    d = run_dir / f"checkpoint_{i:06d}"
    d.mkdir(parents=True)
    (d / checkpoint.META_FILE).write_text(json.dumps({"epoch": epoch, "step": 6 * epoch, "train_loss": 1.0,
                                                      "val_loss": val_loss, "val_token_accuracy": 0.5}))
    if state:
        torch.save({"model": {"w": torch.full((2,), float(epoch))}}, d / checkpoint.STATE_FILE)
    return d


def test_list_and_pick_checkpoints(tmp_path):
    _fake_checkpoint(tmp_path, 3, 4, 1.30)
    _fake_checkpoint(tmp_path, 1, 2, 1.10)
    _fake_checkpoint(tmp_path, 2, 3, 1.20)
    _fake_checkpoint(tmp_path, 4, 5, 1.10, state=False)  # being written (no tensors yet): not listed
    kept = checkpoint.list_checkpoints(tmp_path)
    assert [c["epoch"] for c in kept] == [2, 3, 4]
    assert checkpoint.pick(kept, "best")["epoch"] == 2
    assert checkpoint.pick(kept, "last")["epoch"] == 4
    assert checkpoint.pick(kept, 3)["val_loss"] == 1.20
    assert checkpoint.pick(kept, 1) is None and checkpoint.pick([], "best") is None
    assert torch.equal(checkpoint.read_trained(checkpoint.pick(kept, 3)["path"])["w"], torch.full((2,), 3.0))
    tie = [{"epoch": 1, "val_loss": 1.0}, {"epoch": 2, "val_loss": 1.0}]
    assert checkpoint.pick(tie, "best")["epoch"] == 1  # the earlier epoch on a tie


def test_a_restart_without_a_registered_checkpoint_finds_the_latest_complete_one_on_storage(tmp_path):
    """Ray Train registers a reported checkpoint only when its controller next polls; a worker killed before
    that leaves the checkpoint on storage but unknown to Ray. The restart takes it from there, if complete."""
    assert checkpoint.persisted_after_lost_report(None, 2) is None
    assert checkpoint.persisted_after_lost_report(tmp_path, 2) is None  # a fresh job: nothing on storage
    for i, epoch in enumerate((1, 2, 3)):
        d = _fake_checkpoint(tmp_path, i, epoch, 1.0)
        for rank in range(2 if epoch < 3 else 1):  # epoch 3: rank 1 died during its own report
            torch.save({}, d / f"rng_rank{rank}.pt")
    found = checkpoint.persisted_after_lost_report(tmp_path, 2)
    assert found.path.endswith("checkpoint_000001")  # epoch 2: the latest with every rank's part
    assert checkpoint.persisted_after_lost_report(tmp_path, 1).path.endswith("checkpoint_000002")


def test_early_stop_when_the_best_validation_loss_is_patience_epochs_old():
    rows = [{"epoch": 0, "val_loss": 0.5},  # the base before training is no candidate
            {"epoch": 1, "val_loss": 2.0}, {"epoch": 2, "val_loss": 1.5}, {"epoch": 3, "val_loss": 1.6}]
    assert early_stop(rows, None) is None
    assert early_stop(rows, 1) == {"best_epoch": 2, "best_val_loss": 1.5, "epoch": 3}
    assert early_stop(rows, 2) is None
    assert early_stop(rows + [{"epoch": 4, "val_loss": 1.5}], 2) == {"best_epoch": 2, "best_val_loss": 1.5,
                                                                      "epoch": 4}
    assert early_stop(rows[:3], 1) is None  # still improving
    assert early_stop(rows[:1], 1) is None


def test_cancel_marker(tmp_path):
    ctl = JobControl(cancel_marker=str(tmp_path / "run" / "CANCEL"))
    assert not ctl.cancel_requested() and not JobControl().cancel_requested()
    assert request_cancel(tmp_path / "run") == tmp_path / "run" / "CANCEL"
    assert ctl.cancel_requested()


def test_checkpoint_references():
    assert parse_checkpoint_ref("abc123:2") == ("abc123", 2)
    assert parse_checkpoint_ref("abc123") == ("abc123", "best")
    assert parse_checkpoint_ref("abc123:last") == ("abc123", "last")
    for bad in ("abc:0", "abc:two", ":3"):
        with pytest.raises(UserError):
            parse_checkpoint_ref(bad)


def test_without_validation_data_best_is_the_last_epoch_and_nothing_early_stops():
    """A job without validation data has NaN validation losses: 'best' must not pick by NaN comparisons (which
    order arbitrarily) but take the latest epoch, and early stopping must never fire on them."""
    nan = float("nan")
    kept = [{"epoch": e, "val_loss": nan, "path": f"/c{e}"} for e in (1, 2, 3)]
    assert checkpoint.pick(kept, "best")["epoch"] == 3
    assert checkpoint.pick(kept, "last")["epoch"] == 3
    rows = [{"epoch": 0, "val_loss": nan}] + [{"epoch": e, "val_loss": nan} for e in (1, 2, 3)]
    assert early_stop(rows, patience=1) is None
    # a NaN epoch among validated ones is skipped, not taken as the best
    mixed = [{"epoch": 1, "val_loss": 2.0}, {"epoch": 2, "val_loss": nan}, {"epoch": 3, "val_loss": 1.5}]
    assert checkpoint.pick(mixed, "best")["epoch"] == 3


def test_lineage_tags_read_back():
    """What a continued job writes as run tags is what `runs register` reads back as its parent."""
    from tunehouse.training.continuation import lineage_tags, parent_from_tags

    for parent in ({"kind": "registered_model", "model": "tunehouse-chat", "version": "3", "run_id": "abc"},
                   {"kind": "checkpoint", "run_id": "def", "epoch": "2"}, {}):
        assert parent_from_tags(lineage_tags(parent)) == parent
