"""Bring your own base model: the loss mask with the real chat templates of Llama 3.1, Qwen 2.5, Gemma 2/3,
Mistral v0.3 and Phi-3 (tests/fixtures/chat_templates), each on a tiny tokenizer with the family's special
tokens and a tiny randomly initialised model of its architecture (tests/fixtures/chat_families.py; no hub).

What must hold for every family: exactly the weight > 0 assistant replies are trained, each with the one
end-of-turn token that closes it (not the role header, not a weight-0 reply, not the newline or eos a template
writes after it); a system message is kept (folded into the first user turn where the template refuses or drops
it); a conversation the template refuses is a clear error naming the template; and a loss mask that is all zero
stops the training job before its first step.
"""

from __future__ import annotations

import math

import pytest
import torch
from fixtures.chat_families import FAMILIES, save_family
from fixtures.train_corpus import write_export
from tunehouse.errors import UserError
from tunehouse.training import templates
from tunehouse.training import tokenize as tk
from tunehouse.training.data import validate_conversation

SYS = {"role": "system", "content": "Be brief and kind."}
U1 = {"role": "user", "content": "Hi, order <ORDER_1> is late."}
A1 = {"role": "assistant", "content": "Sorry about that, it ships tomorrow.", "weight": 1}
U2 = {"role": "user", "content": "Thanks for the quick answer!"}
A2 = {"role": "assistant", "content": "You are welcome.", "weight": 0}
U3 = {"role": "user", "content": "Can I change the delivery address?"}
A3 = {"role": "assistant", "content": "Yes, reply with the new address and we update it.", "weight": 1}
CONVERSATION = [SYS, U1, A1, U2, A2, U3, A3]


@pytest.fixture(scope="module")
def family_dirs(tmp_path_factory):
    """name -> checkpoint folder (tokenizer with the family's template + tiny model), built once."""
    root = tmp_path_factory.mktemp("families")
    return {name: save_family(f, root / name) for name, f in FAMILIES.items()}


def load(path):
    from tunehouse.training.base_model import load_tokenizer

    return load_tokenizer(str(path))


def trained_runs(tok, ex: tk.Example) -> list[list[int]]:
    runs, cur = [], []
    for tid, w in zip(ex.input_ids, ex.weights):
        if w > 0:
            cur.append(tid)
        elif cur:
            runs.append(cur)
            cur = []
    return runs + ([cur] if cur else [])


def tokenize(tok, messages, **kw):
    kw.setdefault("max_seq_length", 1024)
    return tk.tokenize_conversation(tok, validate_conversation({"messages": messages}), **kw)


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_mask_is_exactly_the_weighted_replies_and_their_end_of_turn(family_dirs, name):
    fam, tok = FAMILIES[name], load(family_dirs[name])
    ex = tokenize(tok, CONVERSATION)
    runs = trained_runs(tok, ex)
    eot = tok.convert_tokens_to_ids(fam.end_of_turn)
    assert len(runs) == 2  # A1 and A3; not the weight-0 A2, nothing of system/user/headers
    for run, reply in zip(runs, (A1, A3)):
        assert run[-1] == eot and eot not in run[:-1]  # exactly one end-of-turn token, the last one
        assert tok.decode(run[:-1], skip_special_tokens=False).strip() == reply["content"]
    # everything before the first trained token is exactly the prompt a served model gets (header included)
    first = ex.weights.index(1.0)
    prompt = tk.render(tok, templates.prepare_messages(tok, [SYS, U1]), add_generation_prompt=True)
    assert tok.decode(ex.input_ids[:first], skip_special_tokens=False) == prompt
    assert ex.n_trainable == sum(len(r) for r in runs)
    text = tok.decode(ex.input_ids, skip_special_tokens=False)
    assert SYS["content"] in text  # the system message is kept, natively or folded into the first user turn


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_one_training_step_on_the_family_architecture(family_dirs, name):
    """The job's step function on the tiny model: the loss is over the masked tokens only and moves weights."""
    from tunehouse.training.recipe import Hyperparameters, train_in_process
    from tunehouse.training.settings import TrainSettings

    tok = load(family_dirs[name])
    examples, stats = tk.tokenize_conversations(
        tok, [validate_conversation({"messages": CONVERSATION}), validate_conversation({"messages": [U1, A1]})],
        max_seq_length=1024)
    assert stats.trainable_tokens == sum(e.n_trainable for e in examples) > 0
    torch.set_num_threads(1)
    ts = TrainSettings.model_validate({"batch_size": 2, "num_workers": 1, "max_steps": 1, "method": "full"})
    hp = Hyperparameters.from_settings(ts, learning_rate=1e-3, precision="fp32")
    _, rows = train_in_process(str(family_dirs[name]), hp, examples, pad_token_id=tok.pad_token_id)
    assert len(rows) == 1 and math.isfinite(rows[0]["train_loss"]) and rows[0]["train_loss"] > 0


def test_system_handling_per_family(family_dirs):
    handling = {name: templates.system_handling(load(d)) for name, d in family_dirs.items()}
    # Gemma 2 raises on a system message; Mistral v0.3 renders it only into the last user turn, so a multi-turn
    # training conversation would drop it; Gemma 3 folds it itself
    assert handling == {"gemma2": "fold", "mistral": "fold", "gemma3": "native", "llama3": "native",
                        "qwen2.5": "native", "qwen3": "native", "phi3": "native"}


def test_qwen3_think_block_of_the_final_reply_is_context_not_trained(family_dirs):
    """Qwen3 renders the reply after the last user turn with an empty think block and earlier replies without:
    prefix rendering still places every reply, and the template's think block is context (weight 0), as the
    served prompt (generation prompt '<|im_start|>assistant\n') leaves it to the model."""
    tok = load(family_dirs["qwen3"])
    ex = tokenize(tok, CONVERSATION)
    think = tok.convert_tokens_to_ids("<think>")
    at = ex.input_ids.index(think)
    assert ex.input_ids.count(think) == 1 and ex.weights[at] == 0.0
    last_run = trained_runs(tok, ex)[-1]
    assert tok.decode(last_run, skip_special_tokens=False) == A3["content"] + "<|im_end|>"
    last_start = max(i for i in range(1, len(ex.weights)) if ex.weights[i] > 0 and ex.weights[i - 1] == 0)
    assert last_start > at  # the trained reply comes after the think block


@pytest.mark.parametrize("name", ["gemma2", "mistral"])
def test_folded_system_matches_the_served_single_turn_prompt(family_dirs, name):
    """Folding into the first user turn is what these families' templates do for a single-turn prompt (the one
    a served model sees), so training text and served prompt agree there."""
    tok = load(family_dirs[name])
    ex = tokenize(tok, [SYS, U1, A1])
    folded = tk.render(tok, templates.fold_system([SYS, U1]), add_generation_prompt=True)
    training_text = tok.decode(ex.input_ids, skip_special_tokens=False)
    assert training_text.startswith(folded) and SYS["content"] + "\n\n" + U1["content"] in training_text
    if name == "mistral":  # its own template, given the system message natively, renders the same prompt
        assert tk.render(tok, [SYS, U1], add_generation_prompt=True) == folded


@pytest.mark.parametrize("name", ["gemma2", "gemma3", "mistral"])
def test_a_conversation_the_template_refuses_is_a_clear_error(family_dirs, name, tmp_path):
    from tunehouse.training.preflight import validate_file

    tok = load(family_dirs[name])
    greeting_first = [{"role": "assistant", "content": "Hello! How can I help you today?"}, U1, A1]
    with pytest.raises(UserError, match=r"conversation 1: the chat template refuses this conversation: .*"
                                         r"alternate.*\[chat template of "):
        tk.tokenize_conversations(tok, [validate_conversation({"messages": greeting_first})], max_seq_length=256)
    late_system = [U1, A1, SYS, U3, A3]
    if templates.system_handling(tok) == "fold":
        with pytest.raises(UserError, match="takes no system message"):
            tokenize(tok, late_system)
    # the pre-flight report gives the same verdict, with the line
    f = tmp_path / "t.jsonl"
    f.write_text("\n".join(__import__("json").dumps({"messages": m}) for m in (CONVERSATION, greeting_first)) + "\n")
    rep = validate_file(f, tokenizer=tok)
    assert rep.error_counts == {"mask_error": 1} and rep.errors[0]["line"] == 2
    assert "alternate" in rep.errors[0]["message"]


# --------------------------------------------------------------------------- an all-zero mask stops the job
NO_END_OF_TURN = "{% for m in messages %}{{ m['role'] + ': ' + m['content'] + '\n' }}{% endfor %}" \
                 "{% if add_generation_prompt %}{{ 'assistant: ' }}{% endif %}"
EMPTY_GENERATION = (  # markers around the header only: HF's assistant mask would hold no reply token either
    "{% for m in messages %}{% if m['role'] == 'assistant' %}{% generation %}{{ '<|im_start|>assistant\n' }}"
    "{% endgeneration %}{{ m['content'] + '<|im_end|>\n' }}{% else %}"
    "{{ '<|im_start|>' + m['role'] + '\n' + m['content'] + '<|im_end|>\n' }}{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


@pytest.mark.parametrize("template", [NO_END_OF_TURN, EMPTY_GENERATION], ids=["no-end-of-turn", "empty-generation"])
def test_all_zero_mask_fails_the_job_before_the_first_step(tmp_path, template):
    """Through run_training: the job stops while preparing its data, before MLflow, Ray or any step."""
    from tunehouse.config import Settings
    from tunehouse.training.job import run_training

    base = save_family(FAMILIES["qwen2.5"], tmp_path / "base", chat_template=template)
    data = write_export(tmp_path, "v1", n_train=6, n_val=2, seed=0)
    settings = Settings.model_validate({"storage": {"root": str(tmp_path / "root")},
                                        "train": {"base_model": str(base), "train_data": str(data)}})
    with pytest.raises(UserError) as err:
        run_training(settings)
    msg = str(err.value)
    assert "the loss mask is all zero" in msg and str(base) in msg and "sha256" in msg
    assert not (tmp_path / "root").exists()  # nothing started: no tracking store, no checkpoints


def test_truncation_that_cuts_every_reply_is_named(family_dirs):
    tok = load(family_dirs["llama3"])
    with pytest.raises(UserError, match="all zero.*truncation at max_seq_length=16"):
        tk.tokenize_conversations(tok, [validate_conversation({"messages": [SYS, U1, A1, U3]})], max_seq_length=16,
                                  truncation_side="right")


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_served_prompt_is_the_prompt_training_saw(family_dirs, name):
    """The served model (model/chat.py, which imports nothing of tunehouse) renders a request with a system
    message exactly as training rendered the conversation: folded into the first user turn for Gemma 2 and
    Mistral v0.3, as recorded in tunehouse_chat.json by the job (system_message = templates.system_handling)."""
    from tunehouse.model.chat import ChatModel

    tok = load(family_dirs[name])
    served = ChatModel()
    served.tokenizer, served.config = tok, {"system_message": templates.system_handling(tok)}
    request = [SYS, U1, {"role": "assistant", "content": A1["content"]}, U2]
    trained = tk.render(tok, templates.prepare_messages(tok, request), add_generation_prompt=True)
    assert tok.decode(served.render_prompt(request), skip_special_tokens=False) == trained


def test_served_fold_mirrors_training_fold():
    """model/chat.py keeps its own copy of the fold (it must load where tunehouse is not installed): same output,
    and a system message that cannot be folded is refused by both."""
    from tunehouse.model.chat import ChatRequestError
    from tunehouse.model.chat import fold_system as served_fold

    for messages in ([SYS, U1, A1], [U1, A1], [SYS, U1, A1, U2, A2, U3]):
        assert served_fold(messages) == templates.fold_system(messages)
    late = [U1, A1, SYS, U2]
    with pytest.raises(UserError):
        templates.fold_system(late)
    with pytest.raises(ChatRequestError):
        served_fold(late)
