"""Subcommand: demo, the main job: every stage is the same subcommand a user would run."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tunehouse.config import Settings
from tunehouse.console import print_table
from tunehouse.errors import UserError


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "demo", parents=[common],
        help="run the whole pipeline end to end on embedded defaults (generate, ingest, pii-model, curate, train, "
        "evaluate)",
        description="The main job: generate-logs, ingest, pii-model, curate, base-model, train, evaluate --promote, each the "
        "same subcommand you can run alone, with the same settings; each prints its summary. Everything lands "
        "under storage.root.",
    )
    p.add_argument("--conversations", "-n", type=int, default=None, help="conversations to generate")
    p.add_argument("--until", choices=["generate", "ingest", "pii-model", "curate", "base-model", "train", "evaluate"],
                   default="evaluate", help="stop after this stage (default: run all available stages)")
    # the demo runs the other subcommands through their own parsers (filled in as they register)
    p.set_defaults(func=cmd_demo, stage_parsers=sub.choices)


# ----------------------------------------------------------------------------- demo
DEMO_STAGES = [  # (stage, subcommand argv) in order; every stage's command must be registered
    ("generate", ["generate-logs"]),
    ("ingest", ["ingest", "{raw}"]),
    ("pii-model", ["pii-model"]),  # the learned name detector curate scrubs with (pii.detector=auto); reused once trained
    ("curate", ["curate"]),
    ("base-model", ["base-model"]),
    ("train", ["train"]),
    ("evaluate", ["evaluate", "--promote"]),
]


# The synthetic company's brand (synthetic/data/mix.yaml): the learned name model takes "Wanderly" for a name
# ("Thanks for contacting Wanderly Travel"). A user lists their own brands in pii.allow_terms the same way.
DEMO_BRAND_TERMS = ["Wanderly"]
# The synthetic company's instructions: the demo trains every conversation with them (its helpdesk export's own
# system rows are events such as "Customer joined the chat"). Outside the demo the system message comes from the
# data or from curate.assemble.system_message; none is invented.
DEMO_SYSTEM_MESSAGE = (
    "You are a helpful, friendly customer-support agent for a travel agency. Greet the customer, "
    "answer clearly in the customer's language with concrete next steps, and never ask for or repeat "
    "payment card numbers or other personal data in the chat."
)
DEMO_SETTINGS = [f"curate.assemble.system_message={DEMO_SYSTEM_MESSAGE}", "curate.assemble.system_message_policy=replace"]


def cmd_demo(args, settings: Settings) -> int:
    """The main job: each stage is the same subcommand a user would run, with the same settings (plus the
    synthetic company's brand in pii.allow_terms, printed)."""
    t0 = time.time()
    settings = settings.model_copy(deep=True)
    settings.pii.allow_terms = [*settings.pii.allow_terms, *DEMO_BRAND_TERMS]
    print(f"(demo: pii.allow_terms += {DEMO_BRAND_TERMS}, the synthetic company's brand; list yours the same way)")
    if settings.curate.assemble.system_message is None:
        settings.curate.assemble.system_message = DEMO_SYSTEM_MESSAGE
        settings.curate.assemble.system_message_policy = "replace"
        print("(demo: curate.assemble.system_message = the synthetic travel agency's instructions, policy replace; "
              "set yours the same way, or leave it unset to use your data's own)")
    available = args.stage_parsers  # every registered subcommand's parser, by name
    raw = str(settings.generate.out_dir or settings.storage.raw)
    last = [name for name, _ in DEMO_STAGES].index(args.until)
    missing = [argv[0] for _, argv in DEMO_STAGES[: last + 1] if argv[0] not in available]
    if missing:  # a demo that skips a stage would report success on a pipeline that never ran
        raise UserError(f"demo: the command(s) {', '.join(missing)} are not registered in this build; "
                        "reinstall tunehouse (pip install -e .) and run again")
    done = []
    for name, argv in DEMO_STAGES[: last + 1]:
        argv = [a.format(raw=raw) for a in argv]
        if name == "generate" and args.conversations:
            argv += ["--conversations", str(args.conversations)]
        if name == "base-model":
            argv += ["--overwrite"]
        print(f"\n=== demo: {name} (tunehouse {' '.join(argv)}) ===")
        stage_args = available[argv[0]].parse_args(argv[1:])
        t = time.time()
        rc = stage_args.func(stage_args, settings)
        done.append((name, round(time.time() - t, 1), rc or 0))
        if rc:
            print_table("demo", ["stage", "seconds", "exit code"], done)
            return rc
    print_table("demo", ["stage", "seconds", "exit code"], done)
    print(f"demo finished in {time.time() - t0:.0f} s; all state under {Path(settings.storage.root).resolve()}")
    return 0
