"""The learned model on onnxruntime: the same spans as torch, no torch in a scrub process, and the scrubber's
skip test (``PersonVetting.worth_running``) never skipping a message the model could change."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from tunehouse.pii.learned import onnx_runtime
from tunehouse.pii.learned.detector import LearnedDetector, _worth_running
from tunehouse.pii.learned.throughput import chat_messages

pytest.importorskip("onnxruntime")

LONG = ("Hi, this is Ysolde Brannoc again about the order. " * 30) + "Please ask Obadiah O'Halloran to call me."


@pytest.fixture(scope="module")
def messages() -> list[str]:
    return [ex.text for ex in chat_messages(3000, seed=4242)]


def _spans(detector: LearnedDetector, texts: list[str]) -> list[list[tuple[str, int, int]]]:
    return [[(e.type, e.start, e.end) for e in ents] for ents in detector._detect_all(texts)]


def test_onnx_float32_tags_the_spans_torch_float32_tags(model_dir, messages):
    texts = messages[:600] + [LONG]  # LONG is read in several overlapping windows
    onnx = LearnedDetector.load(str(model_dir), device="cpu", runtime="onnx", quantize=False)
    torch = LearnedDetector.load(str(model_dir), device="cpu", runtime="torch", quantize=False)
    assert (onnx.runtime, torch.runtime) == ("onnx", "torch")
    got, expected = _spans(onnx, texts), _spans(torch, texts)
    assert sum(map(len, expected)) > 100  # the comparison covers many tagged spans
    assert got == expected
    scores = [(a.score, b.score) for x, y in zip(onnx._detect_all(texts[:100]), torch._detect_all(texts[:100]))
              for a, b in zip(x, y)]
    assert all(abs(a - b) <= 2e-4 for a, b in scores)


def test_onnx_int8_finds_what_torch_int8_finds_on_most_messages(model_dir, messages):
    """Not the same arithmetic (onnxruntime and torch quantise activations differently), so not the same spans
    everywhere: as torch int8 differs from float32. Most messages agree."""
    texts = messages[:600]
    onnx = LearnedDetector.load(str(model_dir), device="cpu", runtime="onnx", quantize=True)
    torch = LearnedDetector.load(str(model_dir), device="cpu", runtime="torch", quantize=True)
    same = sum(a == b for a, b in zip(_spans(onnx, texts), _spans(torch, texts)))
    assert same >= 0.8 * len(texts)  # measured 84% on this small model (503 of 600), 94% vetted on the DEV texts


def test_the_graph_is_cached_beside_the_model_under_its_version(model_dir):
    path = onnx_runtime.onnx_path(model_dir, quantize=True)
    assert path == onnx_runtime.cached_path(model_dir, True) and path.parent == model_dir / onnx_runtime.ONNX_DIR
    assert path.is_file() and path != onnx_runtime.cached_path(model_dir, False)
    assert not list(path.parent.glob(".*.tmp"))


def test_a_pre_optimised_graph_is_cached_and_gives_the_exported_graphs_logits(model_dir):
    import numpy as np
    import onnxruntime as ort

    path = onnx_runtime.onnx_path(model_dir, quantize=True)
    classifier = onnx_runtime.OnnxClassifier(path, threads=1)
    optimized = onnx_runtime.optimized_path(path)
    assert optimized.is_file() and optimized != path and not list(path.parent.glob(".*.tmp"))
    raw = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    ids = np.array([[101, 7592, 1010, 2026, 2171, 2003, 102], [101, 2057, 2323, 1012, 102, 0, 0]], dtype=np.int64)
    mask = (ids > 0).astype(np.int64)
    expected = raw.run(["logits"], {"input_ids": ids, "attention_mask": mask})[0]
    np.testing.assert_allclose(classifier.logits(ids, mask), expected, rtol=1e-4, atol=1e-4)


def _scrubbed(model_dir, texts: list[str], *overrides: str) -> list[str]:
    from tunehouse.config import load_settings
    from tunehouse.pii.scrubber import scrubber_from_settings

    settings = load_settings(overrides=[f"pii.model.path={model_dir}", "pii.model.device=cpu", *overrides])
    scrubber = scrubber_from_settings(settings)
    return [scrubber.scrub_text(t)[0] for t in texts]


def test_a_scrub_process_on_onnx_never_imports_torch(model_dir, messages):
    """A scrub process on the default settings (int8) and on float32 runs onnx and imports neither torch nor
    transformers, and scrubs as the torch checkpoint does: the same texts as torch on float32, and as torch
    int8 on nearly every text. Compared on the same inputs rather than on one name: a single name can sit
    near min_score (this small model scores "Ysolde" below at 0.54 on float32 and under 0.5 on int8, on
    torch as on onnx)."""
    for quantize in (True, False):
        onnx_runtime.onnx_path(model_dir, quantize=quantize)  # exported already (as `tunehouse pii-model` does)
    texts = ["Ask Ysolde if the parcel arrived, she said it did.", *messages[:300]]
    code = f"""
import json, sys
from tunehouse.config import load_settings
from tunehouse.pii.scrubber import scrubber_from_settings
texts = json.loads(sys.stdin.read())
out = {{}}
for name, extra in (("int8", []), ("float32", ["pii.model.quantize=false"])):
    s = load_settings(overrides=["pii.detector=rules+learned", "pii.model.path={model_dir}", "pii.model.device=auto",
                                 *extra])
    scrubber = scrubber_from_settings(s)
    out[name] = {{"texts": [scrubber.scrub_text(t)[0] for t in texts], "runtime": scrubber.learned.runtime}}
out["torch"], out["transformers"] = "torch" in sys.modules, "transformers" in sys.modules
print(json.dumps(out))
"""
    run = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True,
                         timeout=600, check=True)
    got = json.loads(run.stdout.strip().splitlines()[-1])
    assert (got["int8"]["runtime"], got["float32"]["runtime"]) == ("onnx", "onnx")
    assert got["torch"] is False and got["transformers"] is False
    rules = _scrubbed(model_dir, texts, "pii.detector=rules")
    torch32 = _scrubbed(model_dir, texts, "pii.detector=rules+learned", "pii.model.runtime=torch",
                        "pii.model.quantize=false")
    torch8 = _scrubbed(model_dir, texts, "pii.detector=rules+learned", "pii.model.runtime=torch")
    assert sum(a != b for a, b in zip(rules, torch32)) >= 5  # the model replaces names the rules left (10 of 301 measured)
    assert got["float32"]["texts"] == torch32
    assert sum(a == b for a, b in zip(got["int8"]["texts"], torch8)) >= 0.95 * len(texts)  # 298 of 301 measured


def test_the_skip_test_never_skips_a_message_the_model_would_change(model_dir, messages):
    """On a few thousand corpus chat lines: wherever the skip test says no, the vetted spans of the model
    (run anyway) change nothing the scrubber reports beside the rules' spans. (``PersonVetting.worth_running``
    alone failed this on 5 of 3,000: "Villeneuve" of "Villeneuve-Saint-Georges", "del" after a name the rules
    found.)"""
    from tunehouse.pii.scrubber import Scrubber

    detector = LearnedDetector.load(str(model_dir), device="cpu", entities=("PERSON",), vet=True)
    scrubber = Scrubber()
    skipped = changed = 0
    for text, ents in zip(messages, detector._detect_all(messages)):
        found = scrubber._rule_candidates(text)
        covered = [(c.start, c.end) for c in found if c.score >= scrubber.settings.min_score]
        if _worth_running(detector._vetting, text, covered):
            continue
        skipped += 1
        kept = [k for e in ents for k in detector._kept(text, e)]
        changed += scrubber._detect(text, kept, list(found)) != scrubber._detect(text, (), list(found))
    assert skipped >= 0.2 * len(messages)  # the test skips many messages, and
    assert changed == 0  # none of them would have changed


def test_runtime_setting_reaches_the_detector(model_dir):
    """pii.model.runtime is what detector_from_settings loads with: torch forced where onnx would be the
    automatic choice on this CPU machine, and onnx when asked."""
    from tunehouse.config import load_settings
    from tunehouse.pii.learned.detector import detector_from_settings

    runtimes = {}
    for choice in ("torch", "onnx"):
        settings = load_settings(overrides=[f"pii.model.runtime={choice}", f"pii.model.path={model_dir}"])
        runtimes[choice] = detector_from_settings(settings).runtime
    assert runtimes == {"torch": "torch", "onnx": "onnx"}
