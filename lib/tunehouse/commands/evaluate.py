"""Subcommand: evaluate. Thin: parse, call, print."""

from __future__ import annotations

import argparse

from tunehouse.evaluation.settings import EvaluateSettings


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "evaluate", parents=[common],
        help="batch-evaluate the fine-tuned model vs its base on the test split (Spark); --promote gates the alias",
        description="Replay the test split of gold.training_examples: every assistant turn of weight 1 becomes a "
        "prompt (the conversation before it) with the logged reply as reference. The fine-tuned version (default "
        "@<train.register_alias>), its base model and the current champion answer every prompt in parallel over "
        "Spark partitions. Predictions go to gold.eval_predictions; an MLflow run gets reference perplexity and "
        "token accuracy, ROUGE-L, BLEU, reply length, stop-token rate, house-style adherence, PII leakage, a "
        "side-by-side table, example conversations, a plot and the eval prompts. --promote moves the champion "
        "alias only when the quality gate (evaluate.gate) passes, and says why not otherwise.",
    )
    p.add_argument("--model", default=None, help="model URI to evaluate (default evaluate.model or @candidate)")
    p.add_argument("--base-model", default=None, help="base model folder (default: the one its training run used)")
    p.add_argument("--max-examples", type=int, default=None, help="prompts per model (default evaluate.max_examples)")
    p.add_argument("--max-new-tokens", type=int, default=None, help="longest reply (default evaluate.max_new_tokens)")
    p.add_argument("--promote", action="store_true", help="move the champion alias if the quality gate passes")
    p.set_defaults(func=run_evaluate)


# ----------------------------------------------------------------------------- evaluate
def run_evaluate(args, settings) -> int:
    from tunehouse.console import print_table
    from tunehouse.evaluation.job import run_evaluation
    from tunehouse.evaluation.report import fmt

    es = settings.evaluate.model_copy(deep=True)
    if args.max_examples is not None:
        es.max_examples = args.max_examples
    if args.max_new_tokens is not None:
        es.max_new_tokens = args.max_new_tokens
    settings = _with_evaluate(settings, es)
    r = run_evaluation(settings, model=args.model, base_model=args.base_model, promote=args.promote)
    labels = {role: ref.label for role, ref in r.models.items()}
    cols = [c for c in ("base", "champion", "candidate") if c in r.metrics]
    rows = [[row["metric"], row["better"], *[fmt(row.get(c)) for c in cols], fmt(row.get("reference")),
             fmt(row.get("delta_vs_base")), row.get("gate", "")] for row in r.side_by_side]
    print_table(f"evaluation on {r.prompts} replayed turns ({r.extra['turns']} in the split; MLflow run {r.run_id})",
                ["metric", "better", *[labels[c] for c in cols], "logged replies", "delta vs base", "gate"], rows)
    print(f"predictions: {r.predictions_table} (version {r.predictions_version}); {r.seconds:.0f}s")
    if r.source.note:
        print(f"note: {r.source.note}")
    if r.decision is not None:
        head, *rest = r.decision.lines()
        print(f"quality gate: {head}")
        for line in rest:
            print(f"  {line}")
        if r.decision.note:
            print(f"  note: {r.decision.note}")
    if r.promotion:
        print(r.promotion)
    elif r.decision is not None and not args.promote:
        print("(--promote not given: the champion alias was not touched)")
    return 0


def _with_evaluate(settings, es: EvaluateSettings):
    """Settings with this evaluate section."""
    return settings.model_copy(update={"evaluate": es})

