"""Chat templates of any base model: where a template comes from, and what it accepts.

A checkpoint's own ``chat_template`` always wins. A base model without one (a plain, non-instruct checkpoint)
gets ``train.chat_template``: a known name (``chatml``) or a Jinja file (:func:`apply_configured_template`).

Families differ in what they accept. Gemma 2 refuses a system message; Mistral v0.3 renders the system message
only into the *last* user turn, so a multi-turn training conversation would silently lose it. Both are found by
rendering a probe conversation (:func:`system_handling`): when the template does not keep a leading system
message in a prefix-stable way but does once it is folded into the first user turn (``system + "\\n\\n" +
user``, what Gemma 3 does itself and what Mistral does for a single turn), every conversation is folded the
same way (:func:`fold_system`) in training, pre-flight and evaluation alike. A template that refuses a
conversation for another reason (Gemma and Mistral want user/assistant turns alternating, starting with a user)
is a clear error naming the template, never a guess.
"""

from __future__ import annotations

import hashlib
import re
import weakref
from pathlib import Path
from typing import Any, Literal

from tunehouse.errors import UserError
from tunehouse.training.base_model import CHAT_TEMPLATE as CHATML_WITH_GENERATION

# name -> (template, special tokens the tokenizer must have as single tokens)
KNOWN_TEMPLATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "chatml": (CHATML_WITH_GENERATION, ("<|im_start|>", "<|im_end|>")),
}
GENERATION_TAG = re.compile(r"\{%-?\s*generation\s*-?%\}")
SYSTEM_FOLD_SEPARATOR = "\n\n"

# tokenizer -> where its configured template came from (absent: the checkpoint's own)
_SOURCES: "weakref.WeakKeyDictionary[Any, str]" = weakref.WeakKeyDictionary()
_SYSTEM_HANDLING: dict[tuple, str] = {}  # (template, bos, eos) -> "native" | "fold"


# --------------------------------------------------------------------------- where the template comes from
def load_template(spec: str) -> tuple[str, tuple[str, ...]]:
    """A known template name, or a Jinja file; returns the template and the special tokens it needs."""
    if spec in KNOWN_TEMPLATES:
        return KNOWN_TEMPLATES[spec]
    path = Path(spec).expanduser()
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            raise UserError(f"train.chat_template: {path} is empty")
        return text, ()
    raise UserError(f"train.chat_template={spec!r} is neither a known template ({', '.join(KNOWN_TEMPLATES)}) "
                    "nor a readable Jinja file")


def apply_configured_template(tokenizer, spec: str | None):
    """Give a tokenizer without a chat template the configured one (``train.chat_template``); a checkpoint's
    own template is kept. Returns the tokenizer."""
    if getattr(tokenizer, "chat_template", None) or not spec:
        return tokenizer
    template, needs = load_template(spec)
    vocab = tokenizer.get_vocab()
    missing = [t for t in needs if t not in vocab]
    if missing:
        raise UserError(
            f"train.chat_template={spec!r} needs the special tokens {missing}, which the tokenizer of "
            f"{tokenizer_name(tokenizer)} does not have; write a template with the model's own turn tokens "
            "to a file and set train.chat_template to its path"
        )
    tokenizer.chat_template = template
    _SOURCES[tokenizer] = f"train.chat_template={spec}"
    return tokenizer


def tokenizer_name(tokenizer) -> str:
    return getattr(tokenizer, "name_or_path", "") or type(tokenizer).__name__


def template_text(tokenizer) -> str:
    """The tokenizer's default chat template as a string ('' when it has none)."""
    t = getattr(tokenizer, "chat_template", None)
    if isinstance(t, dict):  # named templates: the default one is what apply_chat_template uses
        t = t.get("default") or ""
    return t or ""


def template_facts(tokenizer) -> dict[str, str]:
    """Where the tokenizer's template came from, its hash, and how masks are found with it."""
    text = template_text(tokenizer)
    return {
        "origin": _SOURCES.get(tokenizer, "the tokenizer's own chat_template"),
        "sha256": hashlib.sha256(text.encode()).hexdigest()[:12],
        "mask_from": "{% generation %} markers" if has_generation_markers(text)
        else "prefix rendering (no generation markers)",
    }


def describe_template(tokenizer) -> str:
    """One line naming the template for error messages: whose it is, its hash, how masks are found."""
    f = template_facts(tokenizer)
    return (f"chat template of {tokenizer_name(tokenizer)} ({f['origin']}, sha256 {f['sha256']}; "
            f"masks from {f['mask_from']})")


def has_generation_markers(template: str) -> bool:
    return bool(GENERATION_TAG.search(template or ""))


# --------------------------------------------------------------------------- what the template accepts
_PROBE = [
    {"role": "system", "content": "probe system"},
    {"role": "user", "content": "probe one"},
    {"role": "assistant", "content": "probe two"},
    {"role": "user", "content": "probe three"},
    {"role": "assistant", "content": "probe four"},
]


def _prefix_stable_with(tokenizer, messages: list[dict], needle: str) -> bool:
    """Whether the template renders ``needle`` in the full conversation and each prompt before an assistant
    turn is a prefix of it (what the span derivation relies on)."""
    try:
        full = tokenizer.apply_chat_template(messages, tokenize=False)
        prompts = [tokenizer.apply_chat_template(messages[:i], tokenize=False, add_generation_prompt=True)
                   for i, m in enumerate(messages) if m["role"] == "assistant"]
    except Exception:  # noqa: BLE001 - a template refuses by raising (raise_exception -> TemplateError)
        return False
    return needle in full and all(full.startswith(p) for p in prompts)


def system_handling(tokenizer) -> Literal["native", "fold"]:
    """``native`` when the template keeps a leading system message prefix-stably, ``fold`` when it only does so
    once the message is folded into the first user turn (Gemma 2, Mistral); decided once per template."""
    key = (template_text(tokenizer), tokenizer.bos_token, tokenizer.eos_token)
    if key not in _SYSTEM_HANDLING:
        native = _prefix_stable_with(tokenizer, _PROBE, "probe system")
        folded = not native and _prefix_stable_with(tokenizer, fold_system(_PROBE), "probe system")
        _SYSTEM_HANDLING[key] = "fold" if folded else "native"
    return _SYSTEM_HANDLING[key]  # type: ignore[return-value]


def fold_system(messages: list[dict], template: str = "the chat template") -> list[dict]:
    """A leading system message merged into the first user message (``system + "\\n\\n" + user``); the other
    messages (and their weights) unchanged. A system message anywhere else cannot be folded: UserError."""
    out = [dict(m) for m in messages]
    if len(out) > 1 and out[0]["role"] == "system" and out[1]["role"] == "user":
        out[1]["content"] = out[0]["content"] + SYSTEM_FOLD_SEPARATOR + out[1]["content"]
        out = out[1:]
    late = [i for i, m in enumerate(out) if m["role"] == "system"]
    if late:
        raise UserError(f"{template} takes no system message; tunehouse folds a leading system message into the "
                        "first user turn, but this conversation has one that is not followed by a user message")
    return out


def prepare_messages(tokenizer, messages: list[dict]) -> list[dict]:
    """The messages as the template will render them: folded when the template needs it."""
    if any(m["role"] == "system" for m in messages) and system_handling(tokenizer) == "fold":
        return fold_system(messages, describe_template(tokenizer))
    return messages
