"""The wheel's requirements against what Databricks Runtime 17.3 LTS ML ships: installing the wheel on the bundle's
clusters must not replace the runtime's Spark, torch, Ray, MLflow, pandas, numpy or pyarrow, and the `local` extra
pins the exact stack this repository is tested with.

Read from the built wheel's METADATA (what pip sees on a cluster), not from pyproject.toml. The runtime's versions
are those its release notes list ("Installed Python libraries" of the CPU and GPU images):
https://docs.databricks.com/aws/en/release-notes/runtime/17.3lts-ml (mirrored as pip constraints in
https://github.com/pietern/databricks-environments, dbr/17.3.x-{cpu,gpu}-ml-scala2.13); Spark 4.0.0 from
https://docs.databricks.com/aws/en/release-notes/runtime/ and Python 3.12 from the same images."""

from __future__ import annotations

import sys
import zipfile
from email.parser import Parser
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

RUNTIME = "17.3 LTS ML"
RUNTIME_PYTHON = "3.12"
# The runtime's versions of the libraries tunehouse uses (its full list has ~420 packages).
RUNTIME_SHIPS = {
    "torch": "2.7.0", "ray": "2.37.0", "mlflow-skinny": "3.0.1", "pandas": "2.2.3", "numpy": "2.1.3",
    "pyarrow": "19.0.1", "pydantic": "2.10.6", "pyyaml": "6.0.2", "tqdm": "4.67.1", "rich": "13.9.4",
    "matplotlib": "3.10.0", "transformers": "4.51.3", "tokenizers": "0.21.0", "accelerate": "1.5.2",
    "sentence-transformers": "4.0.1", "safetensors": "0.6.2", "huggingface-hub": "0.30.2", "openai": "1.69.0",
}
# Part of the runtime itself, not pip packages there (Spark 4.0.0 and its native Delta): never a requirement.
RUNTIME_BUILT_IN = {"pyspark", "delta-spark"}
# The engines: replacing them breaks the cluster (Spark's Python, the CUDA build of torch, Ray on Spark, the
# workspace's MLflow client). Their requirements must admit the runtime's version.
ENGINES = {"torch", "ray", "mlflow", "mlflow-skinny", "pandas", "numpy", "pyarrow"} | RUNTIME_BUILT_IN
# Required newer than the runtime ships, on purpose (pip upgrades them on the cluster): the code is written and
# tested for transformers 5 (from_pretrained(dtype=...) alone needs >= 4.56), and sentence-transformers 6 is
# the release that runs on it.
UPGRADED_ON_THE_RUNTIME = {"transformers", "sentence-transformers"}


@pytest.fixture(scope="module")
def wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as z:
        [meta] = [z.read(n).decode() for n in z.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(meta)


def requirements(meta, extra: str | None = None) -> dict[str, Requirement]:
    """Requirements by canonical name: the base ones (extra=None) or exactly those of one extra."""
    out = {}
    for line in meta.get_all("Requires-Dist"):
        req = Requirement(line)
        in_extra = req.marker is not None and req.marker.evaluate({"extra": extra or ""})
        if (extra is None and req.marker is None) or (extra is not None and in_extra):
            out[canonicalize_name(req.name)] = req
    return out


def test_requires_python_admits_the_runtime_and_this_interpreter(wheel_metadata):
    spec = SpecifierSet(wheel_metadata["Requires-Python"])
    assert spec.contains(RUNTIME_PYTHON + ".3") and spec.contains(f"{sys.version_info[0]}.{sys.version_info[1]}.0")


def test_base_requirements_keep_the_runtimes_engines(wheel_metadata):
    base = requirements(wheel_metadata)
    assert base, "the wheel has base requirements"
    assert not RUNTIME_BUILT_IN & set(base), "Spark and Delta are the runtime's own, never installed from PyPI"
    assert "mlflow" not in base, "the full mlflow would be installed beside the runtime's mlflow-skinny"
    refused = {name: str(req.specifier) for name, req in base.items()
               if name in RUNTIME_SHIPS and not req.specifier.contains(RUNTIME_SHIPS[name], prereleases=True)}
    assert set(refused) == UPGRADED_ON_THE_RUNTIME, f"requirements that replace {RUNTIME}'s version: {refused}"
    assert not ENGINES & UPGRADED_ON_THE_RUNTIME
    # every library the runtime does not ship is pinned exactly (the version tested here)
    loose = [str(req) for name, req in base.items()
             if name not in RUNTIME_SHIPS and [s.operator for s in req.specifier] != ["=="]]
    assert loose == []


def test_local_extra_pins_the_tested_engine_stack(wheel_metadata):
    base, local = requirements(wheel_metadata), requirements(wheel_metadata, "local")
    must_pin = (ENGINES - {"mlflow-skinny"}) | {"mlflow", "deltalake"} | (set(base) & set(RUNTIME_SHIPS) - {"mlflow-skinny"})
    unpinned = sorted(n for n in must_pin if n not in local or [s.operator for s in local[n].specifier] != ["=="])
    assert unpinned == []
    # ...and the pins are this environment's versions (what `make install` / CI install and the tests run on)
    differ = {}
    for name, req in local.items():
        pinned = next(iter(req.specifier)).version
        installed = metadata.version(name).split("+")[0]  # torch's local tag (+cpu)
        if installed != pinned:
            differ[name] = (pinned, installed)
    assert differ == {}
    # the local stack satisfies the base ranges (one environment can hold both)
    clash = {n: (str(base[n].specifier), str(local[n].specifier)) for n in set(base) & set(local)
             if not base[n].specifier.contains(next(iter(local[n].specifier)).version)}
    assert clash == {}
