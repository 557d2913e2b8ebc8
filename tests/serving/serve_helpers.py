"""Helpers for the serving tests: a quick in-process fine-tune, registration like `tunehouse train`, a gold table."""

from __future__ import annotations

import json
from pathlib import Path

TINY = dict(vocab_size=400, hidden_size=32, num_layers=2, num_heads=2, num_kv_heads=1, intermediate_size=64,
            max_position_embeddings=256, warmup_steps=20, warmup_batch_size=4, warmup_seq_length=128,
            warmup_learning_rate=1e-2, threads=1, overwrite=True)
MODEL = "tunehouse-chat"


def serving_settings(root: Path, **sections):
    from tunehouse.config import Settings

    cfg = {"storage": {"root": str(root)}, "spark": {"master": "local[2]", "shuffle_partitions": 2}}
    cfg.update(sections)
    return Settings.model_validate(cfg)


def quick_finetune(base_dir: Path, out: Path, train_file: Path, steps: int = 40, lr: float = 3e-3) -> Path:
    """A few full fine-tuning steps with the training loss on the weighted replies; saved like the trainer does."""
    import torch
    from transformers import AutoModelForCausalLM

    from tunehouse.training import data as td
    from tunehouse.training.base_model import chat_template_hash, load_tokenizer
    from tunehouse.training.chat_model import CHAT_CONFIG_FILE
    from tunehouse.training.loop import weighted_loss_sums

    torch.manual_seed(0)
    torch.set_num_threads(1)
    tok = load_tokenizer(str(base_dir))
    model = AutoModelForCausalLM.from_pretrained(base_dir)
    examples, _ = td.tokenize_conversations(tok, td.read_chat_jsonl(train_file), max_seq_length=128)
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    model.train()
    for step in range(steps):
        batch = td.collate([examples[(step * 4 + k) % len(examples)] for k in range(4)], tok.pad_token_id)
        sums = weighted_loss_sums(model, batch)
        (sums["loss_sum"] / sums["weight_sum"]).backward()
        opt.step()
        opt.zero_grad()
    model.eval()
    model.save_pretrained(out)
    tok.save_pretrained(out)
    stop = td.stop_token_ids(tok)
    (out / CHAT_CONFIG_FILE).write_text(json.dumps({
        "model_name": MODEL, "base_model": "tunehouse-tiny-base", "chat_template_sha256": chat_template_hash(tok),
        "stop_token_ids": stop, "stop_tokens": tok.convert_ids_to_tokens(stop), "max_seq_length": 128}))
    return out


def as_chat_model(src: Path, out: Path) -> Path:
    """Any HF checkpoint folder (e.g. the base itself) packaged like a fine-tuned one (chat config added)."""
    import shutil

    from tunehouse.training import data as td
    from tunehouse.training.base_model import chat_template_hash, load_tokenizer
    from tunehouse.training.chat_model import CHAT_CONFIG_FILE

    shutil.copytree(src, out)
    tok = load_tokenizer(str(src))
    stop = td.stop_token_ids(tok)
    (out / CHAT_CONFIG_FILE).write_text(json.dumps({
        "model_name": MODEL, "chat_template_sha256": chat_template_hash(tok), "stop_token_ids": stop}))
    return out


def register_version(settings, hf_dir: Path, base_dir: Path, alias: str = "candidate") -> dict:
    """Log + register like the training job: a 'train' run with base_model.* params, the pyfunc, the alias."""
    import mlflow

    from tunehouse.training import tracking
    from tunehouse.training.base_model import checksum_dir

    tracking.setup_mlflow(settings)
    with mlflow.start_run(run_name="train-test") as run:
        mlflow.set_tag(tracking.JOB_TAG, "train")
        mlflow.log_params({"base_model.path": str(base_dir), "base_model.name": "tunehouse-tiny-base",
                           "base_model.checksum": checksum_dir(base_dir)})
        return tracking.log_chat_model(hf_dir, registered_name=MODEL, alias=alias, run_id=run.info.run_id)


def write_gold(spark, settings, export_dir: Path) -> int:
    """gold.training_examples from the export's test split (+ a few train rows that must be ignored)."""
    from tunehouse.lakehouse import Lakehouse

    rows = []
    for split in ("test", "train"):
        lines = (export_dir / f"{split}.jsonl").read_text().splitlines()
        for i, line in enumerate(lines[:12]):
            msgs = json.loads(line)["messages"]
            rows.append((f"{split}-{i:03d}", split, [(m["role"], m["content"], m.get("weight")) for m in msgs]))
    df = spark.createDataFrame(
        rows, "conversation_id string, split string, messages array<struct<role:string,content:string,weight:int>>")
    return Lakehouse(spark, settings).write(df, "gold.training_examples", mode="overwrite")
