"""Curation subcommands: curate, scrub, validate-data."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tunehouse import runtime
from tunehouse.config import Settings
from tunehouse.console import print_kv, print_table
from tunehouse.errors import UserError


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "curate", parents=[common],
        help="bronze.chat_messages -> scrubbed, deduplicated, filtered, weighted, split training data",
        description="Run the curation pipeline on the latest bronze.chat_messages: assemble conversations, scrub "
        "PII (silver.conversations, gold.pii_report), drop exact and near duplicates, apply quality filters, "
        "sample for diversity (gold.cluster_report), weight assistant replies, split train/validation/test, check "
        "for residual PII, then write gold.training_examples and chat JSONL under "
        "<storage.root>/exports/<dataset_version>/. Every dropped conversation is in silver.dropped with stage "
        "and reason. Ends with the pre-flight data report of train.jsonl, counted as training will see it: the "
        "configured base model's tokenizer and train.max_seq_length (approximate, and saying why, when there is no "
        "tokenizer yet). Settings: the curate.* section.",
    )
    p.set_defaults(func=cmd_curate)

    p = sub.add_parser(
        "scrub", parents=[common],
        help="scrub PII from a JSONL file, line for line (no Spark)",
        description="Read IN.jsonl where each line is {\"text\": ...} or a chat example {\"messages\": [...]}, "
        "and write OUT.jsonl with the same objects, PII replaced by typed placeholders (<PERSON_1>, <EMAIL_1>...). "
        "Lines that are not valid JSON or not one of these shapes are reported with their line number (exit 1). "
        "Detector: pii.detector (default 'auto': the rules plus the model of `tunehouse pii-model` when it is "
        "there, else the rules alone with a warning; 'rules'; 'rules+learned'). "
        "Settings: the pii.* section.",
    )
    p.add_argument("input", type=Path, help="input JSONL")
    p.add_argument("output", type=Path, help="output JSONL (overwritten)")
    p.add_argument("--fast", action="store_true",
                   help="rules only, whatever pii.detector says (no learned model)")
    p.set_defaults(func=cmd_scrub)

    p = sub.add_parser(
        "validate-data", parents=[common],
        help="check a chat JSONL file (OpenAI fine-tuning format) and report token statistics",
        description="Pre-flight data report for a chat fine-tuning JSONL file: the format checks of OpenAI's chat "
        "fine-tuning data-prep guide (JSON objects, messages list, roles, content types, unrecognised keys, an "
        "assistant message in each example, weight only on assistant messages and 0/1) with line numbers, plus "
        "statistics: examples, messages, tokens and trainable (weight > 0) tokens per example with percentiles, "
        "and what truncation at --max-seq-length loses. With --tokenizer the counts and the loss mask are "
        "training's own (its chat template, or train.chat_template when it has none); without, token counts are "
        "approximate. "
        "Saves the report as JSON (FILE.report.json unless --json). Exit 1 when there are format errors.",
    )
    p.add_argument("file", type=Path, help="chat JSONL file, one {\"messages\": [...]} per line")
    p.add_argument("--tokenizer", default=None, metavar="PATH",
                   help="local tokenizer or model folder (its chat template is used); default: approximate counts")
    p.add_argument("--max-seq-length", type=int, default=None, metavar="N",
                   help="truncation length (default train.max_seq_length)")
    p.add_argument("--truncation-side", choices=["left", "right"], default=None,
                   help="which end truncation cuts (default train.truncation_side)")
    p.add_argument("--fractional-weights", action="store_true", default=None,
                   help="accept weights in [0, 1] (default train.fractional_weights; off: only 0 or 1)")
    p.add_argument("--json", type=Path, default=None, metavar="OUT",
                   help="where to save the JSON report (default FILE.report.json next to the file)")
    p.add_argument("--max-errors", type=int, default=50, metavar="N",
                   help="errors/warnings listed individually (counts are always complete; default 50)")
    p.add_argument("--show-mask", type=int, nargs="?", const=3, default=0, metavar="N",
                   help="print the first N valid examples (default 3) as training sees them, trainable tokens "
                   "in [[ ]] (needs --tokenizer)")
    p.set_defaults(func=cmd_validate_data)


def cmd_curate(args, settings: Settings) -> int:
    from tunehouse.curation.pipeline import curate
    from tunehouse.lakehouse.spark import get_spark

    spark = get_spark(settings)
    result = curate(spark, settings)
    print_curation_summary(result)
    return finish_with_validation(result, settings)


def print_curation_summary(r) -> None:
    rows = []
    for s in r.stages:
        if s.dropped:
            for reason, n in sorted(s.dropped.items(), key=lambda kv: -kv[1]):
                rows.append((s.stage, s.rows_in, reason, n, s.kept, round(s.seconds, 1)))
        else:
            rows.append((s.stage, s.rows_in, "", 0, s.kept, round(s.seconds, 1)))
    print_table("curation stages", ["stage", "in", "dropped reason", "dropped", "kept", "seconds"], rows)
    print_kv("curate", {
        "dataset_version": r.dataset_version + ("" if r.changed else "  (unchanged: nothing rewritten)"),
        "bronze version": r.bronze_version,
        "reconciled": f"assembled {r.assembled} = kept {r.kept} + dropped {r.dropped_total}"
        + ("  OK" if r.reconciled else "  MISMATCH"),
        "splits": ", ".join(f"{k} {v}" for k, v in sorted(r.splits.items())),
        "validation/test data": _own_data_line(getattr(r, "own_data", {})),
        "system message": _system_message_line(getattr(r, "system_messages", {})),
        "assistant weights": ", ".join(f"{k}: {v}" for k, v in sorted(r.weights.items())),
        "trailing messages trimmed": f"{r.trimmed_messages} (unanswered last turns of kept conversations; "
        "gold quality.trimmed_messages)",
        "PII replaced": ", ".join(f"{k} {v}" for k, v in sorted(r.pii_entities.items(), key=lambda kv: -kv[1])) or "none",
        "PII scrubbed by": r.pii_scrubbed_by,
        "residual PII in export": _residual_line(r.residual_pii),
        "export folder": str(r.export_folder),
        "seconds": round(r.seconds, 1),
    })


def _own_data_line(own: dict) -> str:
    """Which splits are your own data (curate.split.validation_data / test_data), which the random split."""
    parts = [f"{split}: yours ({own[split]})" if split in own else f"{split}: random split"
             for split in ("validation", "test")]
    return "; ".join(parts) + ("" if own else " (curate.split.validation_data / test_data to use your own)")


def _system_message_line(sources: dict) -> str:
    """Where the kept conversations' system message came from: the data, the configuration, or none."""
    if not sources:
        return "-"
    names = {"data": "from the data", "config": "from curate.assemble.system_message", "none": "none"}
    return ", ".join(f"{names.get(k, k)} {v}" for k, v in sorted(sources.items(), key=lambda kv: -kv[1]))


def _residual_line(n) -> str:
    """The gate's count, by type, and which detector checked (when the pipeline passed that on)."""
    by_type = getattr(n, "by_type", None)
    line = f"{int(n)}" + (" (" + ", ".join(f"{t} {c}" for t, c in by_type.items()) + ")" if by_type else "")
    checked_by = getattr(n, "checked_by", None)
    return f"{line}; checked by {checked_by}" if checked_by else line


def finish_with_validation(result, settings: Settings) -> int:
    """Run the pre-flight report on the exported splits as training will see them (the configured base model's
    tokenizer when there is one, train.max_seq_length and truncation_side); format errors fail the job."""
    try:
        from tunehouse.training.preflight import (
            configured_tokenizer,
            print_report,
            save_report,
            validate_file,
        )
    except ImportError:  # pragma: no cover
        return 0 if result.reconciled else 1
    rc = 0 if result.reconciled else 1
    tokenizer, why_not = configured_tokenizer(settings)
    ts = settings.train
    for split in ("train", "validation", "test"):
        path = Path(result.export_folder) / f"{split}.jsonl"
        report = validate_file(path, tokenizer=tokenizer, max_seq_length=ts.max_seq_length,
                               truncation_side=ts.truncation_side, approximate_reason=why_not,
                               allow_fractional_weights=settings.curate.weights.fractional)
        save_report(report, path.with_suffix(".report.json"))
        if split == "train":
            print_report(report)
        if not report.ok and split != "train" and set(report.error_counts) == {"no_examples"}:
            # a small dataset can leave a held-out split empty: training then says it has no validation data
            # (and evaluation that it has no test split) rather than the export failing after it was written
            print(f"{path}: no {split} examples (the split is empty; curate.split sets its share)")
        elif not report.ok:
            print(f"{path}: {sum(report.error_counts.values())} format error(s)")
            rc = 1
    return rc


def cmd_scrub(args, settings: Settings) -> int:
    from tunehouse.pii.regex_cache import compiled_patterns

    if not args.input.is_file():
        raise UserError(f"{args.input}: no such file")
    if args.input.resolve() == args.output.resolve():
        raise UserError("output must be a different file from input")
    # the detectors' and phonenumbers' patterns (compiled at import and on first use) come from a cache; the
    # detectors' modules and tables are made with the garbage collector off and frozen (runtime.start_up_without_gc)
    with compiled_patterns():
        with runtime.start_up_without_gc():
            from tunehouse.pii.scrubber import (
                scrub_jsonl,
                scrubber_from_settings,
                scrubbing_label,
            )

            scrubber = scrubber_from_settings(settings, fast=args.fast)
        summary = scrub_jsonl(args.input, args.output, settings.pii, scrubber=scrubber)
    summary["detector"] = scrubbing_label(scrubber.learned)
    bad = summary.get("bad_lines") or []
    print_kv("scrub", {k: (json.dumps(v) if isinstance(v, (dict, list)) else v)
                       for k, v in summary.items() if k != "bad_lines"})
    if bad:
        print_table("lines not scrubbed", ["line", "reason"], [(b.get("line"), b.get("reason")) for b in bad[:50]])
        return 1
    return 0


def cmd_validate_data(args, settings) -> int:
    from tunehouse.training.preflight import (
        default_report_path,
        print_report,
        save_report,
        validate_file,
    )

    train = settings.train
    max_len = args.max_seq_length or train.max_seq_length
    side = args.truncation_side or train.truncation_side
    frac = args.fractional_weights if args.fractional_weights is not None else train.fractional_weights
    report = validate_file(args.file, tokenizer=args.tokenizer, max_seq_length=max_len,
                           allow_fractional_weights=frac, max_errors_listed=args.max_errors, truncation_side=side,
                           chat_template=train.chat_template, show_mask=args.show_mask)
    print_report(report)
    out = save_report(report, args.json or default_report_path(args.file))
    print(f"report saved to {out}")
    return 0 if report.ok else 1
