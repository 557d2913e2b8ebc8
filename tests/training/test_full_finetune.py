"""method=full: every parameter trains, the loss falls, and the job logs and registers the full model."""

from __future__ import annotations

import pytest
import torch
from fixtures.train_corpus import make_conversations
from fixtures.training import train_settings
from tunehouse.training import modeling
from tunehouse.training.data import validate_conversation
from tunehouse.training.recipe import Hyperparameters, train_in_process
from tunehouse.training.settings import TrainSettings
from tunehouse.training.tokenize import tokenize_conversations

FULL_LR_MULTIPLIER = 0.02  # 0.1 * 0.02 = 2e-3 for the tiny base: a full fine-tuning rate, not a LoRA one


def test_full_finetuning_in_process_trains_every_parameter(base_dir, tokenizer):
    convs = [validate_conversation(r) for r in make_conversations(16, seed=4)]
    examples, _ = tokenize_conversations(tokenizer, convs, max_seq_length=64)
    ts = TrainSettings.model_validate({"method": "full", "batch_size": 8, "num_workers": 1, "n_epochs": 4,
                                       "seed": 2, "learning_rate_multiplier": FULL_LR_MULTIPLIER,
                                       "lr_scheduler": "constant"})
    hp = Hyperparameters.from_settings(ts, learning_rate=ts.learning_rate("tunehouse-tiny-base"), precision="auto")
    torch.set_num_threads(1)
    model, rows = train_in_process(str(base_dir), hp, examples, pad_token_id=tokenizer.pad_token_id)
    losses = [r["train_loss"] for r in rows]
    assert len(losses) == 8 and sum(losses[-2:]) < sum(losses[:2])  # the same batches seen again: loss fell

    trained = modeling.trainable_state_dict(model)
    base_model = modeling.build_model(str(base_dir), "full", ts.lora)
    base = base_model.state_dict()
    assert set(trained) == {n for n, _ in base_model.named_parameters()}  # every parameter (tied ones once)
    unchanged = [k for k in trained if torch.equal(trained[k], base[k])]
    assert not unchanged, f"full fine-tuning left these untouched: {unchanged[:3]}"
    logged = modeling.merged_model(str(base_dir), "full", ts.lora, trained)  # what the job saves
    assert all(torch.equal(logged.state_dict()[k], v) for k, v in trained.items())


@pytest.mark.slow
def test_full_finetuning_job_on_ray_registers_the_full_model(ray_runtime, base_root, base_dir, tmp_path):
    import mlflow
    from transformers import AutoModelForCausalLM
    from tunehouse.training.job import run_training

    settings = train_settings(tmp_path, base_dir, base_root / "exports" / "v1", method="full",
                              learning_rate_multiplier=FULL_LR_MULTIPLIER, register_alias="full-ft")
    r = run_training(settings)
    assert r.final_metrics["val_loss"] < r.final_metrics["val_loss_before"]
    steps = [s["train_loss"] for s in r.history["steps"]]
    assert sum(steps[-3:]) < sum(steps[:3])

    mlflow.set_tracking_uri(settings.mlflow_tracking_uri())
    run = mlflow.MlflowClient().get_run(r.run_id)
    assert run.data.tags["tunehouse.method"] == "full" and r.alias == "full-ft"
    model = mlflow.pyfunc.load_model(f"models:/{r.registered_name}@full-ft")
    out = model.predict({"messages": [{"role": "user", "content": "How do I return a product?"}], "max_tokens": 4})
    assert out["object"] == "chat.completion" and out["usage"]["completion_tokens"] >= 1
    tuned = model.unwrap_python_model().model.state_dict()
    base = AutoModelForCausalLM.from_pretrained(base_dir).state_dict()
    for part in ("mlp.down_proj", "self_attn.q_proj", "embed_tokens", "input_layernorm"):  # not only attention
        assert any(part in k and not torch.equal(base[k], tuned[k]) for k in base), part
