"""Pre-flight data report for chat fine-tuning JSONL: format checks with line numbers, plus statistics.

``tunehouse validate-data FILE.jsonl [--tokenizer PATH]`` (also run at the end of ``tunehouse curate``).

The format checks follow OpenAI's cookbook "Data preparation and analysis for chat model fine-tuning"
(same error codes where it has one), tightened to what tunehouse trains on. The file is streamed line by
line, so a multi-GB file is never loaded into memory; distributions are kept as value -> count tables.

What a line must look like::

    {"messages": [{"role": "system"|"user"|"assistant", "content": "...", "weight": 0|1}, ...]}

Decisions (documented, and what the errors below enforce):

* Message keys accepted: ``role``, ``content``, ``weight``, ``name``. Anything else — including OpenAI's
  ``function_call`` / ``tool_calls`` / ``tool_call_id`` — is ``message_unrecognized_key``: tunehouse's
  training and chat templates do not do tool calling, so such examples would be silently mis-trained.
* Roles accepted: ``system``, ``user``, ``assistant``. ``tool`` and ``function`` are
  ``unrecognized_role`` for the same reason.
* ``content`` must be a string (OpenAI's list-of-parts form and ``null`` are ``content_not_string``).
* ``weight`` only on assistant messages, and exactly 0 or 1 (the OpenAI/Azure rule); with
  ``allow_fractional_weights`` any number in [0, 1]. A missing weight counts as 1.
* Blank lines are skipped with a warning (the training reader skips them too).

Errors (``ok`` is False when there is any; the CLI then exits 1), code — meaning:

=================================== ======================================================================
``invalid_utf8``                    the line is not UTF-8
``invalid_json``                    the line is not valid JSON
``data_type``                       the line is JSON but not an object
``missing_messages_list``           no ``messages`` key (or ``null``)
``messages_not_list``               ``messages`` is not a list
``empty_messages``                  ``messages`` is an empty list
``message_not_object``              a message is not an object
``message_missing_key``             a message has no ``role`` or no ``content``
``message_unrecognized_key``        a message has a key other than role/content/weight/name
``unrecognized_role``               role not system/user/assistant
``content_not_string``              content is not a string
``example_missing_assistant_message`` no assistant message in the example
``weight_on_non_assistant``         ``weight`` on a system/user message
``invalid_weight``                  weight not a number in [0, 1] (or a bool, NaN)
``fractional_weight``               weight strictly between 0 and 1 without ``allow_fractional_weights``
``no_examples``                     the file holds no example at all (file-level, line None)
=================================== ======================================================================

Warnings (do not fail the check): ``blank_line``, ``utf8_bom``, ``unknown_top_level_key`` (keys other than
``messages``; OpenAI accepts ``tools``/``parallel_tool_calls``, tunehouse ignores them),
``no_trainable_assistant_message`` (assistant messages exist but all have weight 0: nothing to learn),
``empty_content`` (empty or whitespace-only content), ``consecutive_same_role``, ``system_not_first``,
``exceeds_max_seq_length`` (will be truncated), ``no_trainable_after_truncation`` (truncation removes every
trainable token; training drops such examples), ``few_examples`` (fewer than 10 valid examples, OpenAI's
minimum; file-level).

Statistics are computed over the *valid* examples (no errors). Token counting, in order of preference:

1. ``tokenizer`` with a chat template: each example is rendered with ``apply_chat_template`` (only role and
   content are passed, as in training) and tokenised without extra special tokens — the same ids as
   ``apply_chat_template(messages, tokenize=True)``. Trainable tokens are those of assistant messages with
   weight > 0, located like the training code does: assistant message *i* spans from the end of
   ``render(messages[:i], add_generation_prompt=True)`` to the end of ``render(messages[:i+1])``, cut after
   the last end-of-turn/eos token inside it (a template's trailing newline is not trained). If a template is
   not prefix-stable, that example falls back to counting the reply's content tokens + 1 end-of-turn token
   (counted in ``stats["span_fallbacks"]``).
2. ``tokenizer`` without a chat template: the contents are encoded one after another (no role or template
   tokens); trainable = the content tokens of assistant messages with weight > 0.
3. No tokenizer: an **approximation** (``stats["approximate"] = True``). Content is split into word pieces
   ``\\w+|[^\\w\\s]`` and each piece counts ``ceil(len/4)`` tokens (about 1 token per 4 characters of a word,
   1 per punctuation mark); each message adds 3 tokens of role header and 1 end-of-turn token (like the
   cookbook's ``tokens_per_message = 3``). Trainable = content + end-of-turn of assistant messages with
   weight > 0.

Truncation at ``max_seq_length`` follows training (``train.truncation_side``, default ``left``: the oldest
tokens go). Tokens lost count everything cut; trainable tokens lost also count a trainable token that ends up
first in the truncated sequence, since the first token of a sequence cannot be predicted (as in training).
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable

from tunehouse.errors import UserError

ALLOWED_ROLES = ("system", "user", "assistant")
ALLOWED_MESSAGE_KEYS = ("role", "content", "weight", "name")
ALLOWED_TOP_LEVEL_KEYS = ("messages",)
MIN_EXAMPLES = 10  # OpenAI rejects training files with fewer examples
PERCENTILES = (5, 50, 95)
STOP_TOKENS = ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>")

ERROR_CODES = (
    "invalid_utf8", "invalid_json", "data_type", "missing_messages_list", "messages_not_list", "empty_messages",
    "message_not_object", "message_missing_key", "message_unrecognized_key", "unrecognized_role",
    "content_not_string", "example_missing_assistant_message", "weight_on_non_assistant", "invalid_weight",
    "fractional_weight", "no_examples",
)
WARNING_CODES = (
    "blank_line", "utf8_bom", "unknown_top_level_key", "no_trainable_assistant_message", "empty_content",
    "consecutive_same_role", "system_not_first", "exceeds_max_seq_length", "no_trainable_after_truncation",
    "few_examples",
)

# one match per approximate token: a word of length L gives ceil(L/4) matches of \w{1,4}, punctuation 1 each
_APPROX_TOKEN = re.compile(r"\w{1,4}|[^\w\s]")
APPROX_HEADER_TOKENS = 3  # role header per message (cookbook: tokens_per_message = 3)
APPROX_END_TOKENS = 1  # end-of-turn per message


# --------------------------------------------------------------------------- report
@dataclass
class ValidationReport:
    """Result of :func:`validate_file`. ``errors``/``warnings`` are lists of ``{"line", "code", "message"}``
    (``line`` 1-based, None for file-level findings), capped at ``max_errors_listed`` each; the counts are
    complete."""

    path: str
    errors: list[dict] = field(default_factory=list)
    error_counts: dict[str, int] = field(default_factory=dict)
    warnings: list[dict] = field(default_factory=list)
    warning_counts: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.error_counts

    @property
    def n_errors(self) -> int:
        return sum(self.error_counts.values())

    @property
    def n_warnings(self) -> int:
        return sum(self.warning_counts.values())

    def to_dict(self) -> dict:
        d = asdict(self)
        d["ok"] = self.ok
        return d

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


class _Findings:
    def __init__(self, cap: int):
        self.cap = cap
        self.items: list[dict] = []
        self.counts: Counter = Counter()

    def add(self, line: int | None, code: str, message: str) -> None:
        self.counts[code] += 1
        if len(self.items) < self.cap:
            self.items.append({"line": line, "code": code, "message": message})


# --------------------------------------------------------------------------- distributions
class _Distribution:
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


# --------------------------------------------------------------------------- token counting
class _ApproxCounter:
    description = (
        "approximate: word pieces \\w+|[^\\w\\s] at ceil(len/4) tokens each, "
        f"+{APPROX_HEADER_TOKENS} header and +{APPROX_END_TOKENS} end-of-turn tokens per message"
    )
    approximate = True
    span_fallbacks = 0

    @staticmethod
    def content_tokens(text: str) -> int:
        return len(_APPROX_TOKEN.findall(text))

    def mask(self, messages: list[dict], trainable: list[bool]) -> bytearray:
        out = bytearray()
        for m, t in zip(messages, trainable):
            n = self.content_tokens(m["content"])
            out += bytes(APPROX_HEADER_TOKENS)
            out += (b"\x01" if t else b"\x00") * (n + APPROX_END_TOKENS)
        return out


class _TokenizerCounter:
    approximate = False

    def __init__(self, tokenizer: Any, source: str):
        self.tok = tokenizer
        self.template = bool(getattr(tokenizer, "chat_template", None))
        self.span_fallbacks = 0
        self.fast = bool(getattr(tokenizer, "is_fast", False))
        if self.template:
            self.description = f"tokenizer {source} with its chat template"
        else:
            self.description = f"tokenizer {source}, message contents only (it has no chat template)"
        self.stop_ids: set[int] = set()
        eos = getattr(tokenizer, "eos_token_id", None)
        if isinstance(eos, int):
            self.stop_ids.add(eos)
        try:
            vocab = tokenizer.get_vocab()
        except Exception:  # pragma: no cover - exotic tokenizers
            vocab = {}
        for t in STOP_TOKENS:
            if t in vocab:
                self.stop_ids.add(int(vocab[t]))

    def _encode(self, text: str) -> list[int]:
        return list(self.tok(text, add_special_tokens=False)["input_ids"])

    def _render(self, messages: list[dict], add_generation_prompt: bool = False) -> str:
        return self.tok.apply_chat_template(
            [{"role": m["role"], "content": m["content"]} for m in messages],
            tokenize=False, add_generation_prompt=add_generation_prompt,
        )

    def mask(self, messages: list[dict], trainable: list[bool]) -> bytearray:
        if not self.template:
            out = bytearray()
            for m, t in zip(messages, trainable):
                out += (b"\x01" if t else b"\x00") * len(self._encode(m["content"]))
            return out
        full = self._render(messages)
        spans = []  # (char start, char end) of trainable assistant messages
        stable = True
        for i, t in enumerate(trainable):
            if not t:
                continue
            try:
                before = self._render(messages[:i], add_generation_prompt=True)
                through = self._render(messages[: i + 1])
            except Exception:  # noqa: BLE001 - templates may refuse a prefix (e.g. one not starting with user)
                stable = False
                break
            if not (full.startswith(before) and full.startswith(through) and len(before) <= len(through)):
                stable = False
                break
            spans.append((len(before), len(through)))
        if self.fast:
            enc = self.tok(full, add_special_tokens=False, return_offsets_mapping=True)
            ids = list(enc["input_ids"])
            starts = [s for s, _ in enc["offset_mapping"]]
        else:
            ids = self._encode(full)
            starts = None
        mask = bytearray(len(ids))
        if not stable:
            self.span_fallbacks += 1
            # cannot place the replies: count their content tokens + one end-of-turn token, at the end
            n = sum(len(self._encode(m["content"])) + 1 for m, t in zip(messages, trainable) if t)
            n = min(n, len(ids))
            if n:
                mask[len(ids) - n:] = b"\x01" * n
            return mask
        for c0, c1 in spans:
            if starts is not None:
                t0, t1 = bisect.bisect_left(starts, c0), bisect.bisect_left(starts, c1)
            else:  # slow tokenizer: token counts of the rendered prefixes
                t0, t1 = len(self._encode(full[:c0])), len(self._encode(full[:c1]))
            last_stop = max((k for k in range(t0, t1) if ids[k] in self.stop_ids), default=None)
            if last_stop is not None:
                t1 = last_stop + 1
            mask[t0:t1] = b"\x01" * max(0, t1 - t0)
        return mask


def load_tokenizer(tokenizer: str | Path | Any) -> tuple[Any, str]:
    """A loaded tokenizer (returned as is) or a local path / name for ``AutoTokenizer.from_pretrained``."""
    if not isinstance(tokenizer, (str, Path)):
        return tokenizer, type(tokenizer).__name__
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(tokenizer)), str(tokenizer)
    except Exception as e:  # noqa: BLE001 - many loader failure types; report one line
        raise UserError(f"cannot load tokenizer {tokenizer}: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None


# --------------------------------------------------------------------------- checks
def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_example(row: Any, allow_fractional_weights: bool = False) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Format checks of one parsed line: ``(errors, warnings)``, each a list of ``(code, message)``."""
    errors: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    if not isinstance(row, dict):
        return [("data_type", f"line is a JSON {type(row).__name__}, expected an object")], warnings
    extra = [k for k in row if k not in ALLOWED_TOP_LEVEL_KEYS]
    if extra:
        warnings.append(("unknown_top_level_key", f"keys ignored: {', '.join(map(repr, extra))}"))
    messages = row.get("messages")
    if messages is None:
        return errors + [("missing_messages_list", "no 'messages' list")], warnings
    if not isinstance(messages, list):
        return errors + [("messages_not_list", f"'messages' is a {type(messages).__name__}, expected a list")], warnings
    if not messages:
        return errors + [("empty_messages", "'messages' is empty")], warnings

    has_assistant = False
    n_trainable = 0
    prev_role = None
    for j, m in enumerate(messages):
        where = f"message {j}"
        if not isinstance(m, dict):
            errors.append(("message_not_object", f"{where} is a {type(m).__name__}, expected an object"))
            prev_role = None
            continue
        for k in m:
            if k not in ALLOWED_MESSAGE_KEYS:
                hint = " (tool calling is not supported)" if k in ("function_call", "tool_calls", "tool_call_id") else ""
                errors.append(("message_unrecognized_key", f"{where} has key {k!r}{hint}; allowed: "
                               f"{', '.join(ALLOWED_MESSAGE_KEYS)}"))
        missing = [k for k in ("role", "content") if k not in m]
        if missing:
            errors.append(("message_missing_key", f"{where} has no {' and no '.join(map(repr, missing))}"))
        role = m.get("role")
        if "role" in m and role not in ALLOWED_ROLES:
            hint = " (tool calling is not supported)" if role in ("tool", "function") else ""
            errors.append(("unrecognized_role", f"{where} has role {role!r}{hint}; allowed: {', '.join(ALLOWED_ROLES)}"))
        if "content" in m:
            content = m["content"]
            if not isinstance(content, str):
                kind = "null" if content is None else type(content).__name__
                errors.append(("content_not_string", f"{where} content is {kind}, expected a string"))
            elif not content.strip():
                warnings.append(("empty_content", f"{where} ({role}) has empty content"))
        if role == "assistant":
            has_assistant = True
        if "weight" in m:
            w = m["weight"]
            if role != "assistant":
                errors.append(("weight_on_non_assistant", f"{where} ({role}) has a weight; only assistant "
                               "messages may"))
            elif not _is_number(w) or math.isnan(w) or not 0 <= w <= 1:
                errors.append(("invalid_weight", f"{where} weight {w!r} is not a number in [0, 1]"))
            elif w not in (0, 1) and not allow_fractional_weights:
                errors.append(("fractional_weight", f"{where} weight {w!r} must be 0 or 1 (fractional weights "
                               "are off)"))
        if role == "assistant":
            w = m.get("weight", 1)  # missing weight counts as 1; an invalid one is reported above, not as "0"
            if not (_is_number(w) and w == 0):
                n_trainable += 1
        if role == "system" and j > 0:
            warnings.append(("system_not_first", f"{where} is a system message but not the first"))
        if role in ALLOWED_ROLES and role == prev_role:
            warnings.append(("consecutive_same_role", f"messages {j - 1} and {j} are both {role}"))
        prev_role = role if isinstance(role, str) else None
    if not has_assistant:
        errors.append(("example_missing_assistant_message", "no assistant message"))
    elif n_trainable == 0:
        warnings.append(("no_trainable_assistant_message", "every assistant message has weight 0: nothing to learn"))
    return errors, warnings


def _weight_bucket(m: dict) -> str:
    if "weight" not in m:
        return "missing (=1)"
    w = m["weight"]
    if w == 0:
        return "0"
    if w == 1:
        return "1"
    return "fractional (0,1)"


def _iter_lines(path: Path) -> Iterable[tuple[int, bytes]]:
    with path.open("rb") as f:
        for lineno, raw in enumerate(f, 1):
            yield lineno, raw


# --------------------------------------------------------------------------- main entry
def validate_file(
    path: str | Path,
    tokenizer: str | Path | Any | None = None,
    max_seq_length: int = 2048,
    allow_fractional_weights: bool = False,
    max_errors_listed: int = 50,
    truncation_side: str = "left",
) -> ValidationReport:
    """Check a chat JSONL file line by line and gather statistics; see the module docstring for the rules.

    ``tokenizer``: a local tokenizer/model folder (loaded with ``AutoTokenizer.from_pretrained``), an
    already-loaded tokenizer, or None for the approximate count. ``truncation_side``: ``left`` (default, as
    training) drops the oldest tokens, ``right`` the newest.
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(f"data file not found: {path}")
    if max_seq_length < 1:
        raise UserError("max_seq_length must be at least 1")
    if truncation_side not in ("left", "right"):
        raise UserError(f"truncation_side must be left or right, got {truncation_side!r}")
    if tokenizer is None:
        counter: Any = _ApproxCounter()
        tok_source = None
    else:
        tok, tok_source = load_tokenizer(tokenizer)
        counter = _TokenizerCounter(tok, tok_source)

    errs, warns = _Findings(max_errors_listed), _Findings(max_errors_listed)
    d_messages, d_tokens, d_trainable = _Distribution(), _Distribution(), _Distribution()
    roles: Counter = Counter()
    weights: Counter = Counter()
    lines = blank = examples = valid = 0
    n_messages = n_assistant = n_trainable_msgs = 0
    tokens = trainable_tokens = 0
    over = lost = lost_trainable = no_trainable_after = 0
    kept_tokens = kept_trainable = 0

    for lineno, raw in _iter_lines(path):
        lines += 1
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            examples += 1
            errs.add(lineno, "invalid_utf8", f"not UTF-8 (byte {e.start})")
            continue
        if lineno == 1 and text.startswith("\ufeff"):
            warns.add(lineno, "utf8_bom", "file starts with a UTF-8 byte-order mark (some uploaders reject it)")
            text = text[1:]
        if not text.strip():
            blank += 1
            warns.add(lineno, "blank_line", "blank line (skipped)")
            continue
        examples += 1
        try:
            row = json.loads(text)
        except json.JSONDecodeError as e:
            errs.add(lineno, "invalid_json", f"not valid JSON: {e.msg} at column {e.colno}")
            continue
        e_list, w_list = check_example(row, allow_fractional_weights)
        for code, msg in e_list:
            errs.add(lineno, code, msg)
        for code, msg in w_list:
            warns.add(lineno, code, msg)
        if e_list:
            continue

        # ---- statistics of a valid example
        valid += 1
        messages = row["messages"]
        trainable_flags = []
        for m in messages:
            roles[m["role"]] += 1
            t = False
            if m["role"] == "assistant":
                n_assistant += 1
                weights[_weight_bucket(m)] += 1
                t = m.get("weight", 1) > 0
                n_trainable_msgs += t
            trainable_flags.append(t)
        n_messages += len(messages)
        d_messages.add(len(messages))
        mask = counter.mask(messages, trainable_flags)
        n_tok, n_tr = len(mask), mask.count(1)
        tokens += n_tok
        trainable_tokens += n_tr
        d_tokens.add(n_tok)
        d_trainable.add(n_tr)
        if n_tok > max_seq_length:
            over += 1
            cut = n_tok - max_seq_length
            kept = mask[cut:] if truncation_side == "left" else mask[:max_seq_length]
            kept_tr = kept.count(1) - (1 if kept and kept[0] else 0)  # first token cannot be predicted
            lost += cut
            lost_trainable += n_tr - kept_tr
            kept_tokens += max_seq_length
            kept_trainable += kept_tr
            warns.add(lineno, "exceeds_max_seq_length", f"{n_tok} tokens > {max_seq_length}: {cut} tokens "
                      f"({n_tr - kept_tr} trainable) cut from the {truncation_side}")
            if n_tr and not kept_tr:
                no_trainable_after += 1
                warns.add(lineno, "no_trainable_after_truncation", "truncation removes every trainable token")
        else:
            kept_tokens += n_tok
            kept_trainable += n_tr

    if examples == 0:
        errs.add(None, "no_examples", "the file holds no examples")
    elif valid < MIN_EXAMPLES:
        warns.add(None, "few_examples", f"{valid} valid examples; OpenAI requires at least {MIN_EXAMPLES}")

    stats: dict[str, Any] = {
        "lines": lines,
        "blank_lines": blank,
        "examples": examples,
        "valid_examples": valid,
        "invalid_examples": examples - valid,
        "token_counting": counter.description,
        "approximate": counter.approximate,
        "max_seq_length": max_seq_length,
        "truncation_side": truncation_side,
        "messages": n_messages,
        "assistant_messages": n_assistant,
        "trainable_assistant_messages": n_trainable_msgs,
        "tokens": tokens,
        "trainable_tokens": trainable_tokens,
        "trainable_fraction": trainable_tokens / tokens if tokens else 0.0,
        "examples_over_max_seq_length": over,
        "tokens_lost_to_truncation": lost,
        "trainable_tokens_lost_to_truncation": lost_trainable,
        "examples_no_trainable_after_truncation": no_trainable_after,
        "tokens_after_truncation": kept_tokens,
        "trainable_tokens_after_truncation": kept_trainable,
        "span_fallbacks": counter.span_fallbacks,
        "role_counts": dict(sorted(roles.items(), key=lambda kv: ALLOWED_ROLES.index(kv[0]))),
        "weight_counts": dict(sorted(weights.items())),
        "distributions": {
            "messages_per_example": d_messages.summary(),
            "tokens_per_example": d_tokens.summary(),
            "trainable_tokens_per_example": d_trainable.summary(),
        },
    }
    return ValidationReport(
        path=str(path),
        errors=errs.items,
        error_counts=dict(errs.counts.most_common()),
        warnings=warns.items,
        warning_counts=dict(warns.counts.most_common()),
        stats=stats,
        options={
            "tokenizer": tok_source,
            "max_seq_length": max_seq_length,
            "truncation_side": truncation_side,
            "allow_fractional_weights": allow_fractional_weights,
            "max_errors_listed": max_errors_listed,
        },
    )


# --------------------------------------------------------------------------- output
def default_report_path(data_path: str | Path) -> Path:
    """``FILE.jsonl`` -> ``FILE.report.json`` next to it."""
    p = Path(data_path)
    return p.with_name((p.stem if p.suffix else p.name) + ".report.json")


def save_report(report: ValidationReport, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report.to_json() + "\n", encoding="utf-8")
    return path


def _first_lines(items: list[dict], code: str, k: int = 5) -> str:
    lines = [str(i["line"]) for i in items if i["code"] == code and i["line"] is not None][:k]
    return ", ".join(lines)


def print_report(report: ValidationReport, max_rows: int = 20) -> None:
    from tunehouse.console import print_kv, print_table

    s = report.stats
    print_kv(f"validate-data {report.path}", {
        "result": "OK" if report.ok else f"FAILED: {report.n_errors} format errors",
        "examples (valid / invalid)": f"{s['examples']} ({s['valid_examples']} / {s['invalid_examples']})",
        "blank lines": s["blank_lines"],
        "warnings": report.n_warnings,
        "token counting": s["token_counting"],
        "messages": s["messages"],
        "assistant messages (trainable)": f"{s['assistant_messages']} ({s['trainable_assistant_messages']})",
        "tokens" + (" (approx.)" if s["approximate"] else ""): s["tokens"],
        "trainable tokens (weight > 0)": s["trainable_tokens"],
        "trainable fraction": round(s["trainable_fraction"], 4),
        f"examples over max_seq_length {s['max_seq_length']}": s["examples_over_max_seq_length"],
        f"tokens lost to truncation ({s['truncation_side']})": s["tokens_lost_to_truncation"],
        "trainable tokens lost to truncation": s["trainable_tokens_lost_to_truncation"],
        "examples with nothing trainable after truncation": s["examples_no_trainable_after_truncation"],
    })
    dist_rows = []
    for name, d in s["distributions"].items():
        dist_rows.append((name, *(d[k] for k in ("min", "p5", "p50", "p95", "max", "mean"))))
    print_table("distributions (valid examples)", ["", "min", "p5", "p50", "p95", "max", "mean"], dist_rows)
    if s["role_counts"] or s["weight_counts"]:
        rows = [("role", k, v) for k, v in s["role_counts"].items()]
        rows += [("assistant weight", k, v) for k, v in s["weight_counts"].items()]
        print_table("roles and weights", ["", "value", "messages"], rows)
    if report.error_counts:
        print_table("format errors by code", ["code", "count", "first lines"],
                    [(c, n, _first_lines(report.errors, c)) for c, n in report.error_counts.items()])
        print_table(f"format errors (first {min(len(report.errors), max_rows)} of {report.n_errors})",
                    ["line", "code", "message"],
                    [(e["line"], e["code"], e["message"]) for e in report.errors[:max_rows]])
    if report.warning_counts:
        print_table("warnings by code", ["code", "count", "first lines"],
                    [(c, n, _first_lines(report.warnings, c)) for c, n in report.warning_counts.items()])
