"""Hand-built chat conversations for the training tests (small, deterministic, with PII placeholders)."""

from __future__ import annotations

import json
import random
from pathlib import Path

SYSTEM = "You are the support assistant of Tunehouse Shop. Be brief and friendly."
OPENERS = [
    "Hi, my order <ORDER_1> has not arrived yet.",
    "Hello, I was charged twice for order <ORDER_1>.",
    "My name is <PERSON_1>, I cannot log in to my account.",
    "Can I change the delivery address of <ORDER_1> to <ADDRESS_1>?",
    "The headphones I bought stopped working after a week.",
    "How do I return a product I do not like?",
]
GOOD = [
    "Thanks for reaching out, <PERSON_1>! I checked order <ORDER_1>: it ships tomorrow and you will get a tracking link at <EMAIL_1>.",
    "Sorry about that, <PERSON_1>. I refunded the duplicate charge; it shows on your card within 3 business days.",
    "No problem! I sent a password reset link to <EMAIL_1>. It is valid for one hour.",
    "Done: order <ORDER_1> now goes to <ADDRESS_1>. Anything else I can help with?",
    "I am sorry to hear that. I started a free replacement; a prepaid return label is on its way to <EMAIL_1>.",
    "You can return any item within 30 days. I emailed you a prepaid label at <EMAIL_1>.",
]
BAD = ["pls wait", "idk, check website", "not my department", "ok"]
FOLLOW = ["Thank you!", "Great, thanks a lot.", "Perfect.", "ok bye"]
CLOSE = ["You are welcome! Have a great day.", "Happy to help, <PERSON_1>. Take care!"]


def make_conversations(n: int, seed: int = 0, fractional: bool = False) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        k = rng.randrange(len(OPENERS))
        msgs = []
        if rng.random() < 0.5:
            msgs.append({"role": "system", "content": SYSTEM})
        msgs.append({"role": "user", "content": OPENERS[k]})
        good = rng.random() < 0.7
        w = 1 if good else 0
        if fractional:
            w = round(rng.uniform(0.3, 1.0), 2) if good else 0
        msgs.append({"role": "assistant", "content": GOOD[k] if good else rng.choice(BAD), "weight": w})
        if rng.random() < 0.6:
            msgs.append({"role": "user", "content": rng.choice(FOLLOW)})
            msgs.append({"role": "assistant", "content": rng.choice(CLOSE), "weight": 1})
        rows.append({"messages": msgs})
    return rows


def write_export(root: Path, version: str = "v1", n_train: int = 80, n_val: int = 16, seed: int = 0,
                 fractional: bool = False, manifest: bool = True) -> Path:
    d = Path(root) / "exports" / version
    d.mkdir(parents=True, exist_ok=True)
    splits = {"train": make_conversations(n_train, seed, fractional),
              "validation": make_conversations(n_val, seed + 1, fractional),
              "test": make_conversations(max(4, n_val // 2), seed + 2, fractional)}
    for name, rows in splits.items():
        (d / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    if manifest:
        (d / "manifest.json").write_text(json.dumps({
            "dataset_version": version, "gold_table": "gold.training_examples", "gold_table_version": 3,
            "files": {f"{k}.jsonl": {"rows": len(v)} for k, v in splits.items()}}), encoding="utf-8")
    return d
