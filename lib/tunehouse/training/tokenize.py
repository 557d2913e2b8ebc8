"""Chat messages -> token ids and THE assistant loss mask (per-token loss weights).

The one place that decides which tokens a model learns from: training (``data.prepare_data``), the
pre-flight report (``validate-data --tokenizer``) and evaluation's reference loss all call
:func:`assistant_loss_mask` / :func:`tokenize_conversation`, so they cannot disagree.

The rule: loss falls only on the tokens of assistant messages whose ``weight`` > 0, including the
end-of-turn token that closes them; everything else (system, user, weight-0 replies, role headers, text a
template writes after the end-of-turn token, padding) gets weight 0, i.e. label -100.

Spans are never found by searching for the reply text. A template with ``{% generation %}`` markers says
where replies are: the k-th generation block is the k-th assistant message. Any other template (most stock
ones: Llama 3, Qwen 2.5/3, Gemma, Mistral, Phi-3) is rendered prefix by prefix: for assistant message *i* the
span starts where ``render(messages[:i], add_generation_prompt=True)`` (a prefix of the full rendering, else
an error) ends. Either way the reply ends at its first end-of-turn token (or the token right after a
generation block, when that is one), so a template's trailing newline or eos (Phi-3) is not trained. The
text before it must be the message content, or end with it: what a template writes between the generation
prompt and the content (Qwen3's empty think block on a final reply) is context, not trained. Characters map
to tokens through the fast tokenizer's offsets, so the result does not depend on how BPE merges around
boundaries, and the trained tokens must decode back to the content. Messages are first shaped the way the
template takes them (:mod:`tunehouse.training.templates`: a system message folded into the first user turn
for Gemma 2 and Mistral). :func:`tokenize_conversations` refuses data whose mask is all zero or has a failed span, so a job
that would train on nothing or on the wrong tokens stops before its first step.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from tunehouse.errors import UserError
from tunehouse.training import templates

END_OF_TURN_TOKENS = ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>")
START_OF_TURN_TOKENS = ("<|im_start|>", "<|start_header_id|>", "<start_of_turn>")


@dataclass
class Example:
    """One training sequence: ids, the loss weight of each token (0 = masked), positions (reset per packed part)."""

    input_ids: list[int]
    weights: list[float]
    position_ids: list[int]
    n_trainable: int  # tokens with weight > 0, from the message spans (the audit's expectation)
    weight_sum: float  # sum of the token weights, from the message spans
    sources: list[int] = field(default_factory=list)  # conversation indices packed into this sequence

    def __len__(self) -> int:
        return len(self.input_ids)


@dataclass
class TokenizeStats:
    conversations: int = 0
    kept: int = 0
    dropped_no_trainable: int = 0  # nothing left to learn (all weight 0, or truncated away)
    truncated: int = 0
    tokens: int = 0
    trainable_tokens: int = 0
    trainable_tokens_lost: int = 0  # lost to truncation (incl. a first token that cannot be predicted)
    weighted_messages: int = 0
    span_check_failures: int = 0
    sequences: int = 0  # after packing
    first_failure: str | None = None  # the first reply that could not be placed, and why (for the error)

    def as_dict(self) -> dict:
        d = dict(self.__dict__)
        d.pop("first_failure")  # the numbers only (they are logged as metrics)
        d["trainable_fraction"] = self.trainable_tokens / self.tokens if self.tokens else 0.0
        return d


@dataclass
class LossMask:
    """A rendered conversation before truncation: its ids, the loss weight of each, and the span check's tally."""

    input_ids: list[int]
    weights: list[float]
    weighted_messages: int = 0  # assistant messages with weight > 0 (each should get a trained span)
    span_check_failures: int = 0  # of those: no end-of-turn token, or tokens that do not decode to the content
    # (such a reply gets no weight; tokenize_conversations refuses data with any)
    first_failure: str | None = None  # what was wrong with the first such reply


# --------------------------------------------------------------------------- tokenizer facts
def stop_token_ids(tokenizer) -> list[int]:
    """End-of-turn / end-of-sequence ids that terminate a reply (eos, plus <|im_end|>/<|eot_id|> when present)."""
    ids = []
    eos = tokenizer.eos_token_id
    if isinstance(eos, int):
        ids.append(eos)
    ids += _vocab_ids(tokenizer, END_OF_TURN_TOKENS, ids)
    if not ids:
        raise UserError("the tokenizer has no eos / end-of-turn token; set eos_token in its tokenizer_config.json")
    return ids


def generation_stop_ids(tokenizer) -> list[int]:
    """Ids that end generation: the end-of-turn ids, plus the start-of-turn token (a model that opens a new
    turn instead of closing its own has finished its reply)."""
    ids = stop_token_ids(tokenizer)
    return ids + _vocab_ids(tokenizer, START_OF_TURN_TOKENS, ids)


def _vocab_ids(tokenizer, tokens: Sequence[str], known: list[int]) -> list[int]:
    vocab = tokenizer.get_vocab()
    out: list[int] = []
    for tok in tokens:
        tid = tokenizer.convert_tokens_to_ids(tok) if tok in vocab else None
        if isinstance(tid, int) and tid not in known and tid not in out:
            out.append(tid)
    return out


def require_chat_tokenizer(tokenizer) -> None:
    """The mask needs a chat template (to place the replies) and a fast tokenizer (character offsets)."""
    if not getattr(tokenizer, "chat_template", None):
        raise UserError(
            f"the tokenizer of {templates.tokenizer_name(tokenizer)} has no chat_template; use a chat/instruct "
            "model, or set train.chat_template (a Jinja file, or one of: "
            f"{', '.join(templates.KNOWN_TEMPLATES)})"
        )
    if not getattr(tokenizer, "is_fast", False):
        raise UserError("the tokenizer is not a fast (Rust) tokenizer: reply spans need its character offsets")


# --------------------------------------------------------------------------- the mask
def render(tokenizer, messages: list[dict], add_generation_prompt: bool = False) -> str:
    """The chat template's text for the messages (role and content only, as the served model renders them)."""
    try:
        return tokenizer.apply_chat_template(
            [{"role": m["role"], "content": m["content"]} for m in messages],
            tokenize=False,
            add_generation_prompt=add_generation_prompt,
        )
    except Exception as e:  # noqa: BLE001 - templates refuse conversations with raise_exception (TemplateError)
        raise UserError(f"the chat template refuses this conversation: {e} "
                        f"[{templates.describe_template(tokenizer)}]") from None


def _common_prefix_len(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _marker_spans(tokenizer, messages: list[dict]) -> tuple[str, list[tuple[int, int, int]]]:
    """The template's own ``{% generation %}`` blocks, the k-th block being the k-th assistant message's."""
    from transformers.utils.chat_template_utils import render_jinja_template

    plain = [{"role": m["role"], "content": m["content"]} for m in messages]
    try:
        rendered, blocks = render_jinja_template(
            conversations=[plain], chat_template=templates.template_text(tokenizer),
            return_assistant_tokens_mask=True, **tokenizer.special_tokens_map)
    except Exception as e:  # noqa: BLE001 - as in render()
        raise UserError(f"the chat template refuses this conversation: {e} "
                        f"[{templates.describe_template(tokenizer)}]") from None
    replies = [i for i, m in enumerate(messages) if m["role"] == "assistant"]
    if len(blocks[0]) != len(replies):
        raise UserError(f"the chat template emits {len(blocks[0])} generation blocks for {len(replies)} assistant "
                        "messages; each assistant message needs exactly one "
                        f"[{templates.describe_template(tokenizer)}]")
    return rendered[0], [(i, c0, c1) for i, (c0, c1) in zip(replies, blocks[0])
                         if messages[i].get("weight", 1.0) > 0]


def _prefix_spans(tokenizer, messages: list[dict], full: str) -> list[tuple[int, int, int]]:
    """No markers: a reply starts where the prompt before it (rendered with the generation prompt) ends and runs
    to the end-of-turn token that follows (found on the tokens later; the span's end here is the text's end)."""
    spans = []
    for i, m in enumerate(messages):
        if m["role"] != "assistant" or m.get("weight", 1.0) <= 0:
            continue
        if i > 0:
            before = render(tokenizer, messages[:i], add_generation_prompt=True)
        else:
            # nothing before it to render (a bot greeting opens the conversation): the reply starts where the
            # rendering of the same message with empty content stops agreeing with it
            through = render(tokenizer, messages[:1])
            empty = render(tokenizer, [{"role": "assistant", "content": ""}])
            before = through[: _common_prefix_len(empty, through)]
        if not full.startswith(before):
            raise UserError(
                "the chat template is not prefix-stable (rendering a conversation prefix does not give a prefix of "
                "the full rendering), so reply spans cannot be derived safely; use a template that is, or one with "
                f"{{% generation %}} markers [{templates.describe_template(tokenizer)}]"
            )
        spans.append((i, len(before), len(full)))
    return spans


def assistant_char_spans(tokenizer, messages: list[dict]) -> tuple[str, list[tuple[int, int, int]]]:
    """Render the conversation; return it and (message index, char start, char end) of each assistant message
    with weight > 0: the template's generation blocks when it has them, else by prefix rendering. ``messages``
    must already be as the template renders them (:func:`templates.prepare_messages`)."""
    require_chat_tokenizer(tokenizer)
    if templates.has_generation_markers(templates.template_text(tokenizer)):
        return _marker_spans(tokenizer, messages)
    full = render(tokenizer, messages)
    return full, _prefix_spans(tokenizer, messages, full)


def _end_of_turn(starts: list[int], ids: list[int], stop: set[int], c0: int, c1: int) -> int | None:
    """Position of the reply's end-of-turn token: the first stop token starting in [c0, c1), or the token right
    after the span when that is one (a generation block that leaves the end-of-turn outside)."""
    k0, k1 = bisect.bisect_left(starts, c0), bisect.bisect_left(starts, c1)
    for k in range(k0, k1):
        if ids[k] in stop:
            return k
    return k1 if k1 < len(ids) and ids[k1] in stop else None


def _reply_tokens(tokenizer, enc_text: str, starts: list[int], ids: list[int], stop: set[int],
                  span: tuple[int, int], content: str) -> tuple[int, int] | str:
    """Token positions [k0, eot] trained for one reply: its content and its end-of-turn token. Text a template
    writes between the generation prompt and the content (Qwen3's empty think block on a final reply) is
    context, not trained. A string saying what is wrong when the reply cannot be placed."""
    c0, c1 = span
    eot = _end_of_turn(starts, ids, stop, c0, c1)
    if eot is None:
        return "no end-of-turn token follows it"
    body, want = enc_text[c0:starts[eot]], content.strip()
    cs = c0
    if body.strip() != want:
        if not (want and body.rstrip().endswith(want)):
            return f"the template renders it as {body[:80]!r}"
        cs = c0 + len(body.rstrip()) - len(want)
    k0 = bisect.bisect_left(starts, cs)
    if tokenizer.decode(ids[k0:eot], skip_special_tokens=False).strip() != want:
        return "its tokens do not decode back to its content (a token straddles the reply's start)"
    return k0, eot


def assistant_loss_mask(tokenizer, messages: list[dict], *, fractional_weights: bool = False,
                        stop_ids: Sequence[int] | None = None) -> LossMask:
    """THE loss mask: the rendered conversation's ids and each token's weight (the message weight on the tokens
    of a reply with weight > 0 and its end-of-turn token, or 1 when ``fractional_weights`` is off; 0 elsewhere)."""
    stop = set(stop_ids if stop_ids is not None else stop_token_ids(tokenizer))
    shift = len(messages)
    messages = templates.prepare_messages(tokenizer, messages)
    shift -= len(messages)  # 1 when a system message was folded into the first user turn
    text, spans = assistant_char_spans(tokenizer, messages)
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    mask = LossMask(input_ids=list(enc["input_ids"]), weights=[0.0] * len(enc["input_ids"]))
    ids = mask.input_ids
    starts = [s for s, _ in enc["offset_mapping"]]
    mask.weighted_messages = len(spans)
    for msg_index, c0, c1 in spans:
        w = messages[msg_index].get("weight", 1.0) if fractional_weights else 1.0
        placed = _reply_tokens(tokenizer, text, starts, ids, stop, (c0, c1), messages[msg_index]["content"])
        if isinstance(placed, str):
            mask.span_check_failures += 1
            mask.first_failure = mask.first_failure or f"message {msg_index + shift + 1}: {placed}"
            continue
        for t in range(placed[0], placed[1] + 1):
            mask.weights[t] = w
    return mask


def truncate(ids: list, weights: list[float], max_seq_length: int, side: str = "left") -> tuple[list, list[float]]:
    """Keep ``max_seq_length`` tokens (left: the latest, right: the first); the first token kept gets weight 0,
    since the first token of a sequence has no context to be predicted from."""
    if len(ids) > max_seq_length:
        if side == "left":
            ids, weights = ids[-max_seq_length:], weights[-max_seq_length:]
        else:
            ids, weights = ids[:max_seq_length], weights[:max_seq_length]
    weights = list(weights)
    if weights:
        weights[0] = 0.0
    return ids, weights


# --------------------------------------------------------------------------- training examples
def tokenize_conversation(
    tokenizer,
    messages: list[dict],
    *,
    max_seq_length: int,
    truncation_side: str = "left",
    fractional_weights: bool = False,
    stop_ids: Sequence[int] | None = None,
    stats: TokenizeStats | None = None,
    source: int = 0,
) -> Example | None:
    """Tokenise one validated conversation into an :class:`Example` (None when nothing is left to train)."""
    stats = stats if stats is not None else TokenizeStats()
    stats.conversations += 1
    mask = assistant_loss_mask(tokenizer, messages, fractional_weights=fractional_weights, stop_ids=stop_ids)
    stats.weighted_messages += mask.weighted_messages
    stats.span_check_failures += mask.span_check_failures
    if mask.first_failure and not stats.first_failure:
        stats.first_failure = f"conversation {source + 1}, {mask.first_failure}"
    trainable_before = sum(1 for w in mask.weights if w > 0)
    if len(mask.input_ids) > max_seq_length:
        stats.truncated += 1
    ids, weights = truncate(mask.input_ids, mask.weights, max_seq_length, truncation_side)
    n_trainable = sum(1 for w in weights if w > 0)
    stats.trainable_tokens_lost += trainable_before - n_trainable
    if n_trainable == 0:
        stats.dropped_no_trainable += 1
        return None
    stats.kept += 1
    stats.tokens += len(ids)
    stats.trainable_tokens += n_trainable
    return Example(input_ids=ids, weights=weights, position_ids=list(range(len(ids))), n_trainable=n_trainable,
                   weight_sum=float(sum(weights)), sources=[source])


def tokenize_conversations(
    tokenizer,
    conversations: Iterable[list[dict]],
    *,
    max_seq_length: int,
    truncation_side: str = "left",
    fractional_weights: bool = False,
) -> tuple[list[Example], TokenizeStats]:
    """Tokenise many conversations; raise UserError when the mask is all zero or any span check failed, so a
    job that would train on nothing (or on the wrong tokens) stops before its first step."""
    stats = TokenizeStats()
    stop_ids = stop_token_ids(tokenizer)
    examples = []
    for i, messages in enumerate(conversations):
        try:
            ex = tokenize_conversation(tokenizer, messages, max_seq_length=max_seq_length,
                                       truncation_side=truncation_side, fractional_weights=fractional_weights,
                                       stop_ids=stop_ids, stats=stats, source=i)
        except UserError as e:
            raise UserError(f"conversation {i + 1}: {e}") from None
        if ex is not None:
            examples.append(ex)
    check_mask_not_empty(tokenizer, stats, max_seq_length)
    if stats.span_check_failures:
        raise UserError(
            f"mask audit: {stats.span_check_failures} of {stats.weighted_messages} weighted assistant replies cannot "
            f"be placed as their content followed by an end-of-turn token (first: {stats.first_failure}); the "
            f"{templates.describe_template(tokenizer)} and its tokenizer disagree about where replies are, so "
            "training would learn the wrong tokens"
        )
    stats.sequences = len(examples)
    return examples, stats


def check_mask_not_empty(tokenizer, stats: TokenizeStats, max_seq_length: int) -> None:
    """Refuse an all-zero loss mask: weighted replies exist but no token would be trained (a template whose
    replies carry no end-of-turn token or that does not render them, or truncation that cuts every reply)."""
    if not stats.weighted_messages or stats.trainable_tokens:
        return
    if stats.trainable_tokens_lost:
        why = (f"truncation at max_seq_length={max_seq_length} cuts every trainable token "
               f"({stats.trainable_tokens_lost} lost); raise train.max_seq_length")
    else:
        why = (f"the {templates.describe_template(tokenizer)} places none of them as content followed by an "
               f"end-of-turn token {tokenizer.convert_ids_to_tokens(stop_token_ids(tokenizer))} (first: "
               f"{stats.first_failure}); check the template with "
               "`tunehouse validate-data FILE --tokenizer PATH --show-mask`")
    raise UserError(
        f"the loss mask is all zero: {stats.conversations} conversations hold {stats.weighted_messages} assistant "
        f"replies with weight > 0, but no token would be trained: {why}"
    )


def render_mask(tokenizer, example: Example, marker: tuple[str, str] = ("[[", "]]")) -> str:
    """Human-readable rendering of an example: trained spans wrapped in [[...]] (with their weight if not 1)."""
    out, run, run_w = [], [], None

    def flush():
        if not run:
            return
        text = tokenizer.decode(run, skip_special_tokens=False)
        if run_w and run_w > 0:
            tag = "" if abs(run_w - 1.0) < 1e-9 else f"w={run_w:g}|"
            out.append(f"{marker[0]}{tag}{text}{marker[1]}")
        else:
            out.append(text)

    for tid, w in zip(example.input_ids, example.weights):
        if run and w != run_w:
            flush()
            run = []
        run.append(tid)
        run_w = w
    flush()
    return "".join(out)
