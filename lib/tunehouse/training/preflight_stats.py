"""Statistics of the pre-flight report: token counting (training's own loss mask, or an approximation) and
value -> count distributions, accumulated one valid example at a time (see preflight.py for the rules)."""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

from tunehouse.contracts.chat import ROLES
from tunehouse.errors import UserError
from tunehouse.training import templates
from tunehouse.training import tokenize as tk

PERCENTILES = (5, 50, 95)
# one match per approximate token: a word of length L gives ceil(L/4) matches of \w{1,4}, punctuation 1 each
_APPROX_TOKEN = re.compile(r"\w{1,4}|[^\w\s]")
APPROX_HEADER_TOKENS = 3  # role header per message (cookbook: tokens_per_message = 3)
APPROX_END_TOKENS = 1  # end-of-turn per message


class MaskError(Exception):
    """Training could not place this example's replies (the report's ``mask_error``)."""


# --------------------------------------------------------------------------- token counting
class ApproxCounter:
    """No tokenizer: word pieces at ceil(len/4) tokens, plus a role header and an end-of-turn per message."""

    description = (
        "approximate: word pieces \\w+|[^\\w\\s] at ceil(len/4) tokens each, "
        f"+{APPROX_HEADER_TOKENS} header and +{APPROX_END_TOKENS} end-of-turn tokens per message"
    )
    approximate = True

    def __init__(self, reason: str | None = None):
        self.reason = reason  # why there is no tokenizer (the report says so next to the counts)
        self.template: dict | None = None

    def mask(self, messages: list[dict]) -> list[int]:
        """1 per trainable (approximate) token, 0 per other token, in order."""
        out: list[int] = []
        for m in messages:
            n = len(_APPROX_TOKEN.findall(m["content"]))
            trainable = m["role"] == "assistant" and m.get("weight", 1) > 0
            out += [0] * APPROX_HEADER_TOKENS + [int(trainable)] * (n + APPROX_END_TOKENS)
        return out


class TokenizerCounter:
    """A real tokenizer: exactly the ids and loss mask training computes (:func:`tk.assistant_loss_mask`)."""

    approximate = False

    def __init__(self, tokenizer: Any, source: str, fractional_weights: bool = False):
        tk.require_chat_tokenizer(tokenizer)
        self.tok = tokenizer
        self.stop_ids = tk.stop_token_ids(tokenizer)
        self.fractional_weights = fractional_weights
        self.source = source
        self.last: tk.LossMask | None = None  # the last example's ids and weights (for --show-mask)
        self.description = f"tokenizer {source} with its chat template (training's loss mask)"
        self.template = templates.template_facts(tokenizer)
        self.reason = None

    def mask(self, messages: list[dict]) -> list[int]:
        try:
            m = tk.assistant_loss_mask(self.tok, messages, stop_ids=self.stop_ids,
                                       fractional_weights=self.fractional_weights)
        except UserError as e:
            raise MaskError(str(e)) from None
        except Exception as e:  # noqa: BLE001 - a template may refuse a conversation (e.g. raise_exception)
            raise MaskError(f"the chat template cannot render it: {type(e).__name__}: {e}") from None
        if m.span_check_failures:
            raise MaskError(f"{m.span_check_failures} of its weighted replies cannot be placed as their content "
                            f"followed by an end-of-turn token ({m.first_failure}; training refuses such data)")
        self.last = m
        return [int(w > 0) for w in m.weights]


def load_tokenizer(tokenizer: str | Path | Any, chat_template: str | None = None) -> tuple[Any, str]:
    """A loaded tokenizer (returned as is) or a local path / name for ``AutoTokenizer.from_pretrained``; one
    without a chat template gets ``chat_template`` (train.chat_template), as in training."""
    if not isinstance(tokenizer, (str, Path)):
        return templates.apply_configured_template(tokenizer, chat_template), templates.tokenizer_name(tokenizer)
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(str(tokenizer))
    except Exception as e:  # noqa: BLE001 - many loader failure types; report one line
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise UserError(f"cannot load tokenizer {tokenizer}: {first}") from None
    return templates.apply_configured_template(tok, chat_template), str(tokenizer)


# --------------------------------------------------------------------------- distributions
class Distribution:
    """Exact distribution of non-negative ints as a value -> count table (memory ~ distinct values)."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.n = 0
        self.total = 0

    def add(self, v: int) -> None:
        self.counts[v] += 1
        self.n += 1
        self.total += v

    def summary(self) -> dict[str, float | int | None]:
        if not self.n:
            return {"min": None, **{f"p{p}": None for p in PERCENTILES}, "max": None, "mean": None}
        values = sorted(self.counts)
        out: dict[str, float | int | None] = {"min": values[0]}
        for p in PERCENTILES:
            out[f"p{p}"] = self._percentile(values, p)
        out["max"] = values[-1]
        out["mean"] = self.total / self.n
        return out

    def _value_at(self, values: list[int], rank: int) -> int:
        seen = 0
        for v in values:
            seen += self.counts[v]
            if rank < seen:
                return v
        return values[-1]

    def _percentile(self, values: list[int], p: float) -> float:
        """Linear interpolation between closest ranks (numpy's default method)."""
        pos = p / 100 * (self.n - 1)
        lo, hi = math.floor(pos), math.ceil(pos)
        a, b = self._value_at(values, lo), self._value_at(values, hi)
        r = a + (b - a) * (pos - lo)
        return int(r) if float(r).is_integer() else r


# --------------------------------------------------------------------------- the statistics
def weight_bucket(m: dict) -> str:
    if "weight" not in m:
        return "missing (=1)"
    w = m["weight"]
    if w == 0:
        return "0"
    if w == 1:
        return "1"
    return "fractional (0,1)"


class Statistics:
    """Counts over the valid examples; :meth:`add` returns the example's truncation warnings."""

    def __init__(self, max_seq_length: int, truncation_side: str):
        self.max_seq_length, self.truncation_side = max_seq_length, truncation_side
        self.d_messages, self.d_tokens, self.d_trainable = Distribution(), Distribution(), Distribution()
        self.roles: Counter = Counter()
        self.weights: Counter = Counter()
        self.n = Counter()  # messages, assistant, trainable messages, tokens, truncation tallies

    def add(self, messages: list[dict], mask: list[int]) -> list[tuple[str, str]]:
        n = self.n
        for m in messages:
            self.roles[m["role"]] += 1
            if m["role"] == "assistant":
                n["assistant"] += 1
                self.weights[weight_bucket(m)] += 1
                n["trainable_messages"] += m.get("weight", 1) > 0
        n["messages"] += len(messages)
        self.d_messages.add(len(messages))
        n_tok, n_tr = len(mask), sum(mask)
        n["tokens"] += n_tok
        n["trainable"] += n_tr
        self.d_tokens.add(n_tok)
        self.d_trainable.add(n_tr)
        if n_tok <= self.max_seq_length:
            n["kept_tokens"] += n_tok
            n["kept_trainable"] += n_tr
            return []
        # training's truncation: the first token kept cannot be predicted, so it is not trainable either
        _, kept = tk.truncate(mask, mask, self.max_seq_length, self.truncation_side)
        kept_tr, cut = int(sum(kept)), n_tok - self.max_seq_length
        n["over"] += 1
        n["lost"] += cut
        n["lost_trainable"] += n_tr - kept_tr
        n["kept_tokens"] += self.max_seq_length
        n["kept_trainable"] += kept_tr
        warnings = [("exceeds_max_seq_length", f"{n_tok} tokens > {self.max_seq_length}: {cut} tokens "
                     f"({n_tr - kept_tr} trainable) cut from the {self.truncation_side}")]
        if n_tr and not kept_tr:
            n["no_trainable_after"] += 1
            warnings.append(("no_trainable_after_truncation", "truncation removes every trainable token"))
        return warnings

    def as_dict(self, counter) -> dict[str, Any]:
        n = self.n
        return {
            "token_counting": counter.description,
            "approximate": counter.approximate,
            "approximate_reason": counter.reason,
            "chat_template": counter.template,
            "max_seq_length": self.max_seq_length,
            "truncation_side": self.truncation_side,
            "messages": n["messages"],
            "assistant_messages": n["assistant"],
            "trainable_assistant_messages": n["trainable_messages"],
            "tokens": n["tokens"],
            "trainable_tokens": n["trainable"],
            "trainable_fraction": n["trainable"] / n["tokens"] if n["tokens"] else 0.0,
            "examples_over_max_seq_length": n["over"],
            "tokens_lost_to_truncation": n["lost"],
            "trainable_tokens_lost_to_truncation": n["lost_trainable"],
            "examples_no_trainable_after_truncation": n["no_trainable_after"],
            "tokens_after_truncation": n["kept_tokens"],
            "trainable_tokens_after_truncation": n["kept_trainable"],
            "role_counts": dict(sorted(self.roles.items(), key=lambda kv: ROLES.index(kv[0]))),
            "weight_counts": dict(sorted(self.weights.items())),
            "distributions": {
                "messages_per_example": self.d_messages.summary(),
                "tokens_per_example": self.d_tokens.summary(),
                "trainable_tokens_per_example": self.d_trainable.summary(),
            },
        }
