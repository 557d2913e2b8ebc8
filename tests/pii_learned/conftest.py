"""One small learned PII model per test session, trained through the real `tunehouse pii-model` command.

The command is registered on a parser of our own (as cli.py does), run under a temporary storage.root, and
logs to a real MLflow SQLite store there; the tests then read the artefact and the MLflow run it left.
Small on purpose (a thousand sentences on the default two-layer encoder, both layers trained with the head):
about a minute of training on a busy 2-core machine, still a model a broken pipeline could not imitate (held-out
PERSON precision/recall 0.69/0.70 on the 16 languages of the default corpus since session 10; 0.81/0.80 on the
seven languages before).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

# the default model on a sixth of the corpus, with every language the corpus knows (the chat-only ones too: at this
# size the seven default languages alone leave "Spanish" and "German" tagged as names)
SMALL_MODEL = ["pii.model.sentences=1000", "pii.model.seed=7",
               "pii.model.languages=[en,de,fr,es,it,nl,pt,pl,sv,nb,da,fi,cs,ca,ro,tr]"]


def run_command(argv: list[str]) -> int:
    """Parse and run `tunehouse <argv>` with only our command registered, like the CLI's main() does."""
    from tunehouse import runtime
    from tunehouse.cli import common_options, settings_from
    from tunehouse.commands import pii_model

    parser = argparse.ArgumentParser(prog="tunehouse")
    sub = parser.add_subparsers(dest="command")
    pii_model.register(sub, common_options())
    args = parser.parse_args(argv)
    settings = settings_from(args)
    runtime.configure_process()
    return args.func(args, settings)


@pytest.fixture(scope="session")
def pii_command():
    return run_command


@pytest.fixture(scope="session")
def trained(tmp_path_factory):
    """(storage root, settings overrides, command output) of one `tunehouse pii-model` run."""
    root = tmp_path_factory.mktemp("pii_model")
    overrides = [f"storage.root={root}", *SMALL_MODEL]
    argv = ["pii-model", *[a for o in overrides for a in ("--set", o)]]
    rc = run_command(argv)
    assert rc == 0
    return root, overrides


@pytest.fixture(scope="session")
def model_dir(trained) -> Path:
    from tunehouse.config import load_settings
    from tunehouse.pii.learned.model import resolve_model_path

    _root, overrides = trained
    return Path(resolve_model_path(load_settings(overrides=overrides)))
