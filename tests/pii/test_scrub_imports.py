"""`tunehouse scrub` stays a light process: its start-up counts in its throughput (benchmarks/bench_scrubber.py),
so it must not import the data or ML stack (pyspark, pandas, numpy, torch, ...) with the rules detector."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = {"pyspark", "pandas", "numpy", "pyarrow", "torch", "transformers", "mlflow", "ray", "deltalake", "sklearn"}


def _scrub_in_a_process(tmp_path: Path, text: str, flags: list[str], modules_expr: str) -> tuple[int, list, str]:
    """Run `tunehouse scrub` (``cli.main``) on one text in a fresh interpreter: (exit code, the value of
    ``modules_expr`` there after the run, the scrubbed output file's text)."""
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"text": text}) + "\n")
    code = ("import json, sys\nfrom tunehouse.cli import main\n"
            f"rc = main(['scrub', {str(src)!r}, {str(dst)!r}] + {flags!r})\n"
            f"print(json.dumps([rc, {modules_expr}]))")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "lib"))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    rc, modules = json.loads(proc.stdout.strip().splitlines()[-1])
    return rc, modules, dst.read_text()


@pytest.mark.parametrize("flags", [[], ["--fast"]])
def test_scrub_command_imports_no_heavy_library(tmp_path, flags):
    rc, modules, out = _scrub_in_a_process(tmp_path, "Hi, I'm Anna Kowalski, call me on +44 20 7946 0958.", flags,
                                           "sorted({m.split('.')[0] for m in sys.modules})")
    assert rc == 0 and "<PERSON_1>" in out
    assert not HEAVY & set(modules), sorted(HEAVY & set(modules))
    assert {"tunehouse", "phonenumbers"} <= set(modules)  # the check looks at the process that scrubbed


def _help(parser, argv: list[str]) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        parser.parse_args(argv)
    return out.getvalue()


def test_each_command_is_registered_by_the_module_the_cli_imports_for_it(monkeypatch):
    """`tunehouse CMD` imports only ``COMMAND_MODULE[CMD]``: the map names every command, each module registers
    exactly the commands mapped to it, and each command's --help is the same as with the whole parser."""
    from tunehouse import cli

    monkeypatch.setenv("COLUMNS", "100")
    full = cli.build_parser()
    commands = next(a for a in full._actions if a.dest == "command").choices
    assert set(cli.COMMAND_MODULE) == set(commands)
    for name, module in cli.COMMAND_MODULE.items():
        alone = cli.build_parser(name)
        registered = next(a for a in alone._actions if a.dest == "command").choices
        assert name in registered
        if module is None:  # `demo` runs the other commands through their parsers: it gets them all
            assert set(registered) == set(commands)
        else:
            assert {c for c, m in cli.COMMAND_MODULE.items() if m == module} == set(registered)
        assert _help(alone, [name, "--help"]) == _help(full, [name, "--help"])
    assert set(next(a for a in cli.build_parser("no-such")._actions if a.dest == "command").choices) == set(commands)


def test_scrub_command_imports_no_other_command_module(tmp_path):
    rc, modules, _ = _scrub_in_a_process(tmp_path, "Hi, I'm Anna Kowalski.", ["--fast"],
                                         "sorted(m for m in sys.modules if m.startswith('tunehouse.commands.'))")
    assert rc == 0 and modules == ["tunehouse.commands.curate"]


def test_demo_sees_every_stage_it_runs():
    """`tunehouse demo` runs generate-logs ... evaluate through their own parsers; with only its own module
    imported it skipped every stage as "not available in this build" (caught by tests/test_notebooks.py)."""
    from tunehouse import cli
    from tunehouse.commands.demo import DEMO_STAGES

    args = cli.build_parser("demo").parse_args(["demo"])
    assert {argv[0] for _, argv in DEMO_STAGES} <= set(args.stage_parsers)


def test_demo_refuses_to_skip_a_stage_whose_command_is_missing(tmp_path):
    """A demo that skipped a stage would end "demo finished" on a pipeline that never ran: it names the
    missing command and stops before running anything."""
    from tunehouse import cli
    from tunehouse.commands.demo import cmd_demo
    from tunehouse.config import load_settings
    from tunehouse.errors import UserError

    args = cli.build_parser("demo").parse_args(["demo", "--until", "curate"])
    args.stage_parsers = {k: v for k, v in args.stage_parsers.items() if k != "pii-model"}
    settings = load_settings(overrides=[f"storage.root={tmp_path}"])
    with pytest.raises(UserError, match="pii-model"):
        cmd_demo(args, settings)
    assert not any(tmp_path.iterdir())  # nothing ran: no stage wrote under storage.root
