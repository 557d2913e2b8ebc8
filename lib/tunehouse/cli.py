"""The ``tunehouse`` command line: one subcommand per job, all sharing --conf/--set/--profile.

Each subsystem registers its own subcommands (``register(subparsers, common)``) so the argument
definitions live next to the code they drive; this module only assembles them and turns known
errors into a one-line message and exit code 2 instead of a stack trace.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from tunehouse import __version__, runtime
from tunehouse.errors import UserError

if TYPE_CHECKING:
    from tunehouse.config import Settings

# tunehouse.config (pydantic and every settings section) is imported by the functions below, not here: inside
# main's start-up, while the garbage collector is off (see runtime.start_up_without_gc)

# One module per area; each provides register(subparsers, common_parent). The order is the order of
# `tunehouse --help` and of the demo's stages.
COMMAND_MODULES = [
    "tunehouse.commands.data",       # generate-logs, ingest, sql
    "tunehouse.commands.prepare",    # prepare
    "tunehouse.commands.config",     # config
    "tunehouse.commands.demo",       # demo
    "tunehouse.commands.curate",     # curate, scrub, validate-data
    "tunehouse.commands.pii_model",  # pii-model
    "tunehouse.commands.train",      # base-model, train, runs
    "tunehouse.commands.serve",      # serve, chat
    "tunehouse.commands.evaluate",   # evaluate
]

# The module that registers each command: `tunehouse CMD ...` imports only that one (`tunehouse scrub` then
# loads nothing of Spark, MLflow or the other commands); None: the whole CLI (`demo` runs the other commands). tests/pii/test_scrub_imports.py checks it against what
# the modules register, and that each command's --help is the same either way.
COMMAND_MODULE = {
    "generate-logs": "tunehouse.commands.data", "ingest": "tunehouse.commands.data", "sql": "tunehouse.commands.data",
    "config": "tunehouse.commands.config", "prepare": "tunehouse.commands.prepare",
    "demo": None,  # runs the other commands through their parsers: needs every module
    "curate": "tunehouse.commands.curate", "scrub": "tunehouse.commands.curate",
    "validate-data": "tunehouse.commands.curate", "pii-model": "tunehouse.commands.pii_model",
    "base-model": "tunehouse.commands.train", "train": "tunehouse.commands.train", "runs": "tunehouse.commands.train",
    "serve": "tunehouse.commands.serve", "chat": "tunehouse.commands.serve", "evaluate": "tunehouse.commands.evaluate",
}


def common_options() -> argparse.ArgumentParser:
    from tunehouse.config import available_profiles

    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("configuration")
    g.add_argument("--conf", action="append", default=[], metavar="FILE",
                   help="YAML file overriding defaults (repeatable; later files win)")
    g.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override one setting, e.g. --set storage.root=/tmp/th (repeatable; wins over --conf)")
    g.add_argument("--profile", choices=available_profiles(), default=None,
                   help="configuration profile (default: $TUNEHOUSE_PROFILE or local)")
    g.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    return p


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``command`` (a name of ``COMMAND_MODULE``), only the module that
    registers it is imported and registered (what ``main`` does for ``tunehouse CMD ...``)."""
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="tunehouse",
        description="Turn historical chat logs into a fine-tuned chat model: generate/ingest raw logs into "
        "Delta (bronze), curate them into training data (silver/gold + chat JSONL), fine-tune with Ray Train, "
        "track, serve and evaluate with MLflow. All local state lives under storage.root (default ./.tunehouse).",
    )
    parser.add_argument("--version", action="version", version=f"tunehouse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod_name in [COMMAND_MODULE[command]] if COMMAND_MODULE.get(command) else COMMAND_MODULES:
        importlib.import_module(mod_name).register(sub, common)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    from tunehouse.config import load_settings

    return load_settings(conf_files=args.conf, overrides=args.overrides, profile=args.profile)


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # run as the program: its start-up is made with the garbage collector off and frozen
        runtime.run_as_program()
    with runtime.start_up_without_gc() as startup_done:
        return _main(sys.argv[1:] if argv is None else list(argv), startup_done)


def _main(argv: list[str], startup_done: Callable[[], None]) -> int:
    from tunehouse.config import ConfigError

    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    for noisy in ("py4j", "urllib3", "filelock", "alembic", "httpx", "httpx2"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    settings = None  # for the out-of-memory advice when the failure comes before the settings are read
    try:
        settings = settings_from(args)
        runtime.configure_process()
        startup_done()
        rc = args.func(args, settings)
        return int(rc or 0)
    except (ConfigError, UserError) as e:
        print(f"tunehouse {args.command}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as e:  # noqa: BLE001 - only a JVM out-of-memory is explained; everything else is re-raised
        if "OutOfMemoryError" not in str(e):
            raise
        from tunehouse.lakehouse.spark import out_of_memory_advice

        print(f"tunehouse {args.command}: error: {out_of_memory_advice(e, settings)}",
              file=sys.stderr)
        return 1

