"""Pre-flight data report for chat fine-tuning JSONL: format checks with line numbers, plus statistics.

``tunehouse validate-data FILE.jsonl [--tokenizer PATH]`` (also run at the end of ``tunehouse curate``).

The format checks follow OpenAI's cookbook "Data preparation and analysis for chat model fine-tuning"
(same error codes where it has one), tightened to what tunehouse trains on; the message rules are
:mod:`tunehouse.contracts.chat`'s, shared with the trainer. The file is streamed line by
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
``mask_error``                      (with a tokenizer) training cannot place the example's replies: the
                                    template refuses it (e.g. Gemma/Mistral want alternating user/assistant
                                    turns) or is not prefix-stable for it, or a reply does not decode back to
                                    its content + end-of-turn (training would refuse the file)
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

1. ``tokenizer``: exactly what training trains on — the ids and loss mask of
   :func:`tunehouse.training.tokenize.assistant_loss_mask`, the function the trainer calls (the tokenizer
   needs a chat template, its own or ``train.chat_template``, and must be a fast tokenizer, as for training;
   else a UserError). An example whose replies it cannot place is a ``mask_error``. ``--show-mask`` prints
   the first examples with their trained tokens in ``[[ ]]``. The report at the end of ``curate`` uses the
   configured base model's tokenizer (:func:`configured_tokenizer`) and train.max_seq_length.
2. No tokenizer: an **approximation** (``stats["approximate"] = True``, ``stats["approximate_reason"]`` says
   why when the caller knows). Content is split into word pieces
   ``\\w+|[^\\w\\s]`` and each piece counts ``ceil(len/4)`` tokens (about 1 token per 4 characters of a word,
   1 per punctuation mark); each message adds 3 tokens of role header and 1 end-of-turn token (like the
   cookbook's ``tokens_per_message = 3``). Trainable = content + end-of-turn of assistant messages with
   weight > 0.

Truncation at ``max_seq_length`` follows training (``train.truncation_side``, default ``left``: the oldest
tokens go). Tokens lost count everything cut; trainable tokens lost also count a trainable token that ends up
first in the truncated sequence, since the first token of a sequence cannot be predicted (as in training).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from tunehouse.contracts import chat
from tunehouse.errors import UserError
from tunehouse.ingest.readers import (
    JSON_ERRORS,
    LONE_SURROGATE_REASON,
    has_lone_surrogate,
    json_error,
)
from tunehouse.training import tokenize as tk
from tunehouse.training.preflight_stats import (
    ApproxCounter,
    MaskError,
    Statistics,
    TokenizerCounter,
    load_tokenizer,
)

if TYPE_CHECKING:
    from tunehouse.config import Settings

ALLOWED_TOP_LEVEL_KEYS = ("messages",)
MIN_EXAMPLES = 10  # OpenAI rejects training files with fewer examples

ERROR_CODES = (
    "invalid_utf8", "invalid_json", "data_type", "missing_messages_list", "messages_not_list", "empty_messages",
    "message_not_object", "message_missing_key", "message_unrecognized_key", "unrecognized_role",
    "content_not_string", "example_missing_assistant_message", "weight_on_non_assistant", "invalid_weight",
    "fractional_weight", "mask_error", "no_examples",
)
WARNING_CODES = (
    "blank_line", "utf8_bom", "unknown_top_level_key", "no_trainable_assistant_message", "empty_content",
    "consecutive_same_role", "system_not_first", "exceeds_max_seq_length", "no_trainable_after_truncation",
    "few_examples",
)


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
    mask_examples: list[dict] = field(default_factory=list)  # --show-mask: {"line", "text"}, trained spans in [[ ]]

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


# --------------------------------------------------------------------------- checks
def check_example(row: Any, allow_fractional_weights: bool = False) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Format checks of one parsed line: ``(errors, warnings)``, each a list of ``(code, message)``."""
    warnings: list[tuple[str, str]] = []
    if isinstance(row, dict):
        extra = [k for k in row if k not in ALLOWED_TOP_LEVEL_KEYS]
        if extra:
            warnings.append(("unknown_top_level_key", f"keys ignored: {', '.join(map(repr, extra))}"))
    problem = chat.line_error(row)
    if problem:
        return [problem], warnings

    errors: list[tuple[str, str]] = []
    has_assistant = False
    n_trainable = 0
    prev_role = None
    for j, m in enumerate(row["messages"]):
        errors += chat.message_errors(m, j, allow_fractional_weights)
        if not isinstance(m, dict):
            prev_role = None
            continue
        role = m.get("role")
        if isinstance(m.get("content"), str) and not m["content"].strip():
            warnings.append(("empty_content", f"message {j} ({role}) has empty content"))
        if role == "assistant":
            has_assistant = True
            w = m.get("weight", 1)  # missing weight counts as 1; an invalid one is reported above, not as "0"
            if not (chat.is_number(w) and w == 0):
                n_trainable += 1
        if role == "system" and j > 0:
            warnings.append(("system_not_first", f"message {j} is a system message but not the first"))
        if role in chat.ROLES and role == prev_role:
            warnings.append(("consecutive_same_role", f"messages {j - 1} and {j} are both {role}"))
        prev_role = role if isinstance(role, str) else None
    if not has_assistant:
        errors.append(("example_missing_assistant_message", "no assistant message"))
    elif n_trainable == 0:
        warnings.append(("no_trainable_assistant_message", "every assistant message has weight 0: nothing to learn"))
    return errors, warnings


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
    chat_template: str | None = None,
    show_mask: int = 0,
    approximate_reason: str | None = None,
) -> ValidationReport:
    """Check a chat JSONL file line by line and gather statistics; see the module docstring for the rules.

    ``tokenizer``: a local tokenizer/model folder (loaded with ``AutoTokenizer.from_pretrained``), an
    already-loaded tokenizer, or None for the approximate count (``approximate_reason`` says why in the
    report). ``chat_template``: train.chat_template, for a tokenizer without one. ``truncation_side``: ``left``
    (default, as training) drops the oldest tokens, ``right`` the newest. ``show_mask``: keep the first N valid
    examples rendered with their trained tokens in ``[[ ]]`` (needs a tokenizer).
    """
    path = Path(path)
    if not path.is_file():
        raise UserError(f"data file not found: {path}")
    if max_seq_length < 1:
        raise UserError("max_seq_length must be at least 1")
    if truncation_side not in ("left", "right"):
        raise UserError(f"truncation_side must be left or right, got {truncation_side!r}")
    counter = _counter(tokenizer, chat_template, allow_fractional_weights, approximate_reason)
    if show_mask and counter.approximate:
        raise UserError("showing the loss mask needs a tokenizer (--tokenizer PATH)")
    shown: list[dict] = []

    errs, warns = _Findings(max_errors_listed), _Findings(max_errors_listed)
    stats = Statistics(max_seq_length, truncation_side)
    lines = blank = examples = valid = 0
    for lineno, raw in _iter_lines(path):
        lines += 1
        row = _parse_line(lineno, raw, errs, warns)
        if row is _BLANK:
            blank += 1
            continue
        examples += 1
        if row is _UNREADABLE:
            continue
        e_list, w_list = check_example(row, allow_fractional_weights)
        for code, msg in e_list:
            errs.add(lineno, code, msg)
        for code, msg in w_list:
            warns.add(lineno, code, msg)
        if e_list:
            continue
        try:
            mask = counter.mask(row["messages"])
        except MaskError as e:
            errs.add(lineno, "mask_error", f"training cannot place its replies: {e}"[:1000])
            continue
        valid += 1
        for code, msg in stats.add(row["messages"], mask):
            warns.add(lineno, code, msg)
        if len(shown) < show_mask:
            shown.append({"line": lineno, "text": _masked_text(counter, max_seq_length, truncation_side)})

    if examples == 0:
        errs.add(None, "no_examples", "the file holds no examples")
    elif valid < MIN_EXAMPLES:
        warns.add(None, "few_examples", f"{valid} valid examples; OpenAI requires at least {MIN_EXAMPLES}")
    return ValidationReport(
        path=str(path),
        errors=errs.items,
        error_counts=dict(errs.counts.most_common()),
        warnings=warns.items,
        warning_counts=dict(warns.counts.most_common()),
        stats={"lines": lines, "blank_lines": blank, "examples": examples, "valid_examples": valid,
               "invalid_examples": examples - valid, **stats.as_dict(counter)},
        options={"tokenizer": getattr(counter, "source", None), "max_seq_length": max_seq_length,
                 "truncation_side": truncation_side,
                 "allow_fractional_weights": allow_fractional_weights, "max_errors_listed": max_errors_listed},
        mask_examples=shown,
    )


def _counter(tokenizer, chat_template: str | None, fractional: bool,
             approximate_reason: str | None) -> ApproxCounter | TokenizerCounter:
    if tokenizer is None:
        return ApproxCounter(approximate_reason)
    tok, source = load_tokenizer(tokenizer, chat_template)
    return TokenizerCounter(tok, source, fractional)


def _masked_text(counter: TokenizerCounter, max_seq_length: int, truncation_side: str) -> str:
    """The last example as training sees it (truncated), trained tokens in [[ ]] (training's audit rendering)."""
    m = counter.last
    ids, weights = tk.truncate(m.input_ids, m.weights, max_seq_length, truncation_side)
    ex = tk.Example(input_ids=ids, weights=weights, position_ids=[], n_trainable=0, weight_sum=0.0)
    return tk.render_mask(counter.tok, ex)


def configured_tokenizer(settings: "Settings") -> tuple[Any | None, str | None]:
    """The tokenizer a training job would use (train.base_model, else the tiny base once built; train.chat_template
    when it has no template), loaded once: ``(tokenizer, None)``, or ``(None, why not)`` when there is none or
    training could not use it, so the report counts approximately and says why."""
    from tunehouse.training import base_model as bm

    ts = settings.train
    if not ts.base_model and not (bm.default_base_path(settings) / "config.json").is_file():
        return None, (f"no tokenizer: train.base_model is not set and the tiny base is not built yet at "
                      f"{bm.default_base_path(settings)}")
    try:
        tok, _ = load_tokenizer(bm.resolve_base_model(settings), ts.chat_template)
        tk.require_chat_tokenizer(tok)
    except UserError as e:
        return None, f"the configured tokenizer cannot be used: {e}"
    return tok, None


_BLANK = object()  # a blank line (skipped, not an example)
_UNREADABLE = object()  # an example that is not UTF-8 or not JSON (its error is recorded)


def _parse_line(lineno: int, raw: bytes, errs: _Findings, warns: _Findings) -> Any:
    """One line as parsed JSON, or ``_BLANK``, or ``_UNREADABLE``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errs.add(lineno, "invalid_utf8", f"not UTF-8 (byte {e.start})")
        return _UNREADABLE
    if lineno == 1 and text.startswith("\ufeff"):
        warns.add(lineno, "utf8_bom", "file starts with a UTF-8 byte-order mark (some uploaders reject it)")
        text = text[1:]
    if not text.strip():
        warns.add(lineno, "blank_line", "blank line (skipped)")
        return _BLANK
    try:
        row = json.loads(text)
    except JSON_ERRORS as e:  # also too deep, or an integer of more than 4300 digits
        errs.add(lineno, "invalid_json", f"not valid JSON: {json_error(e)}")
        return _UNREADABLE
    if has_lone_surrogate(text, row):
        errs.add(lineno, "invalid_utf8", LONE_SURROGATE_REASON)
        return _UNREADABLE
    return row


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
        **({"approximate because": s["approximate_reason"]} if s.get("approximate_reason") else {}),
        **({"chat template": f"{t['origin']}, sha256 {t['sha256']}", "loss mask from": t["mask_from"]}
           if (t := s.get("chat_template")) else {}),
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
    for ex in report.mask_examples:
        print(f"\n----- line {ex['line']}: trained tokens in [[ ]] (w=<weight> when not 1), as training truncates it")
        print(ex["text"])
