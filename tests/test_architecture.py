"""The architecture as tests: the layer contract, light configuration, modules of a readable size.

The layers (pyproject.toml, [tool.importlinter]) are checked with import-linter; docs/ARCHITECTURE.md
draws them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lib" / "tunehouse"
HEAVY = ("pyspark", "torch", "pandas", "numpy", "pyarrow", "ray", "mlflow", "transformers", "peft", "deltalake")
MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def _imported_modules(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return {line.split("|")[-1].strip() for line in out.stderr.splitlines() if line.startswith("import time:")}


def test_import_contracts_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout[-3000:]
    assert "broken" not in out.stdout.split("Contracts:")[-1].replace("0 broken", "")


@pytest.mark.parametrize("code", [
    "from tunehouse.config import load_settings; load_settings()",
    "import tunehouse.cli",  # every `tunehouse ...` call pays for this before its command runs
    "import tunehouse.pii.settings, tunehouse.curation.settings, tunehouse.training.settings",
])
def test_configuration_and_cli_import_no_heavy_library(code):
    loaded = _imported_modules(code)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY)
    assert not heavy, f"{code!r} imports {heavy[:10]}"


def _long_functions(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            doc = ast.get_docstring(node) or ""
            if length > MAX_FUNCTION_LINES and "long because" not in doc.lower():
                out.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} lines)")
    return out


def _module_too_long(path: Path) -> str | None:
    n = len(path.read_text(encoding="utf-8").splitlines())
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    if n > MAX_MODULE_LINES and "long because" not in doc.lower():
        return f"{path.relative_to(ROOT)} ({n} lines)"
    return None


def test_modules_and_functions_have_a_readable_size():
    """No module over ~500 lines and no function over ~80 unless its docstring says why ("long because ...")."""
    modules = sorted(PACKAGE.rglob("*.py"))
    too_long = [m for m in (_module_too_long(p) for p in modules) if m]
    long_functions = [f for p in modules for f in _long_functions(p)]
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines: {too_long}"
    assert not long_functions, f"functions over {MAX_FUNCTION_LINES} lines: {long_functions}"
