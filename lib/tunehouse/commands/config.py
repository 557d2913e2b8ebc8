"""Subcommand: config. Prints the resolved configuration, or every setting with its default."""

from __future__ import annotations

import argparse
import sys

from tunehouse.config import Settings, documented_yaml, dump_settings


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("config", parents=[common], help="print the resolved configuration as YAML",
                       description="Print the configuration after profile, --conf files and --set overrides; "
                       "with --documented, the embedded defaults with a comment per setting (conf/tunehouse.yaml).")
    p.add_argument("--documented", action="store_true", help="print embedded defaults with descriptions")
    p.set_defaults(func=cmd_config)


def cmd_config(args, settings: Settings) -> int:
    sys.stdout.write(documented_yaml() if args.documented else dump_settings(settings))
    return 0
