"""Label masks from hand-built conversations: multi-turn, weight 0/1, system, truncation, packing, audit."""

from __future__ import annotations

import pytest
import torch
from tunehouse.errors import UserError
from tunehouse.training import batching
from tunehouse.training import tokenize as tk
from tunehouse.training.data import data_lineage, read_chat_jsonl, validate_conversation

SYS = {"role": "system", "content": "Be brief."}
U1 = {"role": "user", "content": "Hi, order <ORDER_1> is late."}
A1 = {"role": "assistant", "content": "Sorry <PERSON_1>, it ships tomorrow.", "weight": 1}
U2 = {"role": "user", "content": "ok"}
A2_BAD = {"role": "assistant", "content": "whatever", "weight": 0}
U3 = {"role": "user", "content": "Thanks!"}
A3 = {"role": "assistant", "content": "You are welcome!", "weight": 1}


def trained_texts(tok, ex: tk.Example) -> list[str]:
    """Decode each maximal run of trained tokens."""
    runs, cur = [], []
    for tid, w in zip(ex.input_ids, ex.weights):
        if w > 0:
            cur.append(tid)
        elif cur:
            runs.append(tok.decode(cur, skip_special_tokens=False))
            cur = []
    if cur:
        runs.append(tok.decode(cur, skip_special_tokens=False))
    return runs


def tokenize(tok, messages, **kw):
    kw.setdefault("max_seq_length", 512)
    return tk.tokenize_conversation(tok, validate_conversation({"messages": messages}), **kw)


def test_multi_turn_weights_and_system(tokenizer):
    ex = tokenize(tokenizer, [SYS, U1, A1, U2, A2_BAD, U3, A3])
    # exactly the weight-1 replies, each with its end-of-turn token, nothing of system/user/weight-0/headers
    assert trained_texts(tokenizer, ex) == [A1["content"] + "<|im_end|>", A3["content"] + "<|im_end|>"]
    assert ex.n_trainable == sum(1 for w in ex.weights if w > 0)
    assert ex.weight_sum == ex.n_trainable
    # placeholders are single tokens
    assert "<PERSON_1>" in tokenizer.convert_ids_to_tokens(ex.input_ids)


def test_matches_template_generation_markers(tokenizer):
    msgs = [SYS, U1, A1, U3, A3]
    ex = tokenize(tokenizer, msgs)
    out = tokenizer.apply_chat_template([{k: m[k] for k in ("role", "content")} for m in msgs], tokenize=True,
                                        return_dict=True, return_assistant_tokens_mask=True)
    assert out["input_ids"] == ex.input_ids
    assert [int(w > 0) for w in ex.weights] == list(out["assistant_masks"])


def test_all_weight_zero_is_dropped(tokenizer):
    stats = tk.TokenizeStats()
    assert tokenize(tokenizer, [U1, {**A1, "weight": 0}], stats=stats) is None
    assert stats.dropped_no_trainable == 1


def test_missing_weight_means_one(tokenizer):
    ex = tokenize(tokenizer, [U1, {"role": "assistant", "content": "Sure."}])
    assert trained_texts(tokenizer, ex) == ["Sure.<|im_end|>"]


def test_left_truncation_keeps_latest_reply_and_counts_loss(tokenizer):
    full = tokenize(tokenizer, [SYS, U1, A1, U3, A3])
    n = len(full.input_ids) - 6  # cut into the first reply from the left
    stats = tk.TokenizeStats()
    ex = tokenize(tokenizer, [SYS, U1, A1, U3, A3], max_seq_length=n, truncation_side="left", stats=stats)
    assert len(ex.input_ids) == n and ex.input_ids == full.input_ids[-n:]
    assert trained_texts(tokenizer, ex)[-1] == A3["content"] + "<|im_end|>"
    assert stats.truncated == 1
    assert stats.trainable_tokens_lost == full.n_trainable - ex.n_trainable
    assert ex.weights[0] == 0.0  # first token cannot be predicted


def test_right_truncation_cuts_the_end(tokenizer):
    full = tokenize(tokenizer, [U1, A1, U3, A3])
    first = next(i for i, w in enumerate(full.weights) if w > 0)  # first token of the first reply
    stats = tk.TokenizeStats()
    ex = tokenize(tokenizer, [U1, A1, U3, A3], max_seq_length=first + 3, truncation_side="right", stats=stats)
    assert ex.input_ids == full.input_ids[: first + 3]
    assert ex.n_trainable == 3
    assert stats.trainable_tokens_lost == full.n_trainable - 3
    # nothing of any reply left -> dropped, and counted
    assert tokenize(tokenizer, [U1, A1, U3, A3], max_seq_length=first, truncation_side="right", stats=stats) is None
    assert stats.dropped_no_trainable == 1


def test_fractional_weights(tokenizer):
    msgs = [U1, {**A1, "weight": 0.25}, U3, A3]
    on = tokenize(tokenizer, msgs, fractional_weights=True)
    off = tokenize(tokenizer, msgs, fractional_weights=False)
    assert sorted({w for w in on.weights if w > 0}) == [0.25, 1.0]
    assert {w for w in off.weights if w > 0} == {1.0}
    assert on.n_trainable == off.n_trainable
    assert on.weight_sum == pytest.approx(0.25 * (len(tokenizer(A1["content"] + "<|im_end|>")["input_ids"]))
                                          + (off.n_trainable - len(tokenizer(A1["content"] + "<|im_end|>")["input_ids"])))


@pytest.mark.parametrize("row, match", [
    ({"messages": []}, "non-empty"),
    ({"messages": [{"role": "bot", "content": "x"}]}, "role"),
    ({"messages": [{"role": "user", "content": 3}]}, "content"),
    ({"messages": [{"role": "assistant", "content": "x", "weight": 1.5}]}, "weight"),
    ({"messages": [{"role": "assistant", "content": "x", "weight": "1"}]}, "weight"),
    ({"text": "hi"}, "messages"),
])
def test_invalid_rows(row, match):
    with pytest.raises(UserError, match=match):
        validate_conversation(row, where="row")


def test_read_jsonl_reports_line(tmp_path):
    p = tmp_path / "train.jsonl"
    p.write_text('{"messages":[{"role":"user","content":"a"}]}\n{oops\n')
    with pytest.raises(UserError, match=r"train.jsonl:2"):
        read_chat_jsonl(p)


def test_audit_catches_corrupted_labels(tokenizer):
    ex = tokenize(tokenizer, [U1, A1])
    batch = batching.collate([ex], tokenizer.pad_token_id)
    batching.audit_batch(batch)
    first_masked = int((batch["labels"][0] == batching.IGNORE_INDEX).nonzero()[1])
    batch["labels"][0, first_masked] = batch["input_ids"][0, first_masked]  # a user token leaks into the loss
    with pytest.raises(UserError, match="mask audit failed"):
        batching.audit_batch(batch)


def test_render_mask_marks_trained_spans(tokenizer):
    ex = tokenize(tokenizer, [U1, {**A1, "weight": 0.5}, U3, A3], fractional_weights=True)
    text = tk.render_mask(tokenizer, ex)
    assert "[[w=0.5|Sorry <PERSON_1>, it ships tomorrow.<|im_end|>]]" in text
    assert "[[You are welcome!<|im_end|>]]" in text
    assert "Hi, order <ORDER_1> is late." in text and "[[Hi" not in text


def test_packing_gives_the_same_loss(tokenizer, base_dir):
    from transformers import AutoModelForCausalLM
    from tunehouse.training.loss import weighted_loss_sums

    convs = [[U1, A1], [SYS, U3, A3], [U1, A1, U2, A2_BAD, U3, A3]]
    examples = [tokenize(tokenizer, c) for c in convs]
    packed = batching.pack_examples(examples, 512)
    assert len(packed) == 1 and packed[0].n_trainable == sum(e.n_trainable for e in examples)
    model = AutoModelForCausalLM.from_pretrained(base_dir).eval()
    with torch.no_grad():
        a = weighted_loss_sums(model, batching.collate(examples, tokenizer.pad_token_id))
        b = weighted_loss_sums(model, batching.collate(packed, tokenizer.pad_token_id))
    torch.testing.assert_close(a["loss_sum"], b["loss_sum"], rtol=1e-5, atol=1e-5)
    assert float(a["weight_sum"]) == float(b["weight_sum"])


def test_step_plan_covers_every_example_once_per_epoch():
    plan = batching.step_plan(24, epoch=0, seed=1, world_size=2, micro_batch_size=3, accumulation=2)
    assert len(plan) == 2
    seen = [i for step in plan for rank in step for micro in rank for i in micro]
    assert sorted(seen) == list(range(24))
    assert plan == batching.step_plan(24, epoch=0, seed=1, world_size=2, micro_batch_size=3, accumulation=2)
    assert plan != batching.step_plan(24, epoch=1, seed=1, world_size=2, micro_batch_size=3, accumulation=2)


def test_lineage_hashes_and_rows(base_root):
    lin = data_lineage(base_root / "exports" / "v1")
    assert lin["gold_table_version"] == 3 and lin["dataset_version"] == "v1"
    assert lin["files"]["train.jsonl"]["rows"] == 48
    assert len(lin["files"]["train.jsonl"]["sha256"]) == 64


def test_conversation_opening_with_an_assistant_greeting(tokenizer):
    greet = {"role": "assistant", "content": "Hello! How can I help?", "weight": 1}
    ex = tokenize(tokenizer, [greet, U1, A1])
    assert trained_texts(tokenizer, ex) == [greet["content"] + "<|im_end|>", A1["content"] + "<|im_end|>"]
    ex0 = tokenize(tokenizer, [{**greet, "weight": 0}, U1, A1])
    assert trained_texts(tokenizer, ex0) == [A1["content"] + "<|im_end|>"]
