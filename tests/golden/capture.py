"""Freeze behaviour: write the golden files that tests/test_golden.py compares against.

Run after a change that is *meant* to change one of these outputs, and say why in the commit:

    python tests/golden/capture.py            # help texts + scrubber spans (seconds)
    python tests/golden/capture.py --dataset  # also the dataset fingerprint of a fixed small run (~2 min)

Golden outputs: every subcommand's --help, the scrubber's spans on a fixed corpus (generated logs with a
fixed seed plus the labelled cases), and the dataset version (fingerprint) curated from a fixed run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from pathlib import Path

from tunehouse.commands.demo import DEMO_SETTINGS

HERE = Path(__file__).resolve().parent
HELP_DIR = HERE / "help"
SPANS_FILE = HERE / "scrubber_spans.jsonl"
DATASET_FILE = HERE / "dataset_fingerprint.json"
CORPUS_CONVERSATIONS = 150
DATASET_CONVERSATIONS = 200
# The demo's curation settings (its company's system message), so the fingerprint is the demo's dataset.
DATASET_SETTINGS = ["curate.diversity.method=hashed_tfidf", "spark.master=local[2]", "spark.shuffle_partitions=4",
                    *DEMO_SETTINGS]


def help_texts() -> dict[str, str]:
    """`tunehouse --help` and `tunehouse COMMAND --help`, rendered at a fixed width."""
    os.environ["COLUMNS"] = "100"
    from tunehouse.cli import build_parser

    def render(argv: list[str]) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
            build_parser().parse_args(argv)
        return out.getvalue()

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    texts = {"tunehouse": render(["--help"])}
    for name in sub.choices:
        texts[name] = render([name, "--help"])
    return texts


def corpus_texts(tmp: Path) -> list[str]:
    """A fixed corpus: generated messages (seed 11) and the hand-labelled cases' texts."""
    from tunehouse.synthetic.generator import generate_logs

    result = generate_logs(tmp / "raw", conversations=CORPUS_CONVERSATIONS, seed=11)
    texts = []
    jsonl = next(p for p in result.files if str(p).endswith(".jsonl"))
    for line in Path(jsonl).read_bytes().splitlines():
        try:
            rec = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(rec, dict) and isinstance(rec.get("text"), str):
            texts.append(rec["text"])
    sys.path.insert(0, str(HERE.parent))
    from fixtures.pii_cases import CASES  # noqa: E402

    texts += [c["text"] for c in CASES]
    return texts


def scrubber_spans(texts: list[str]) -> list[dict]:
    from tunehouse.pii.scrubber import get_scrubber

    scrubber = get_scrubber()
    return [{"text": t, "spans": [[e.type, e.start, e.end] for e in scrubber.detect(t)]} for t in texts]


def dataset_fingerprint(tmp: Path) -> str:
    from tunehouse.cli import main

    root = [f"--set=storage.root={tmp}"] + [f"--set={s}" for s in DATASET_SETTINGS]
    assert main(["generate-logs", "-n", str(DATASET_CONVERSATIONS), "--seed", "7", *root]) == 0
    assert main(["ingest", str(tmp / "raw"), *root]) == 0
    assert main(["curate", *root]) in (0, 1)
    return (tmp / "exports" / "LATEST").read_text(encoding="utf-8").strip()


if __name__ == "__main__":
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", action="store_true", help="also capture the dataset fingerprint (~2 min)")
    args = ap.parse_args()
    HELP_DIR.mkdir(exist_ok=True)
    for name, text in help_texts().items():
        (HELP_DIR / f"{name}.txt").write_text(text, encoding="utf-8")
    with tempfile.TemporaryDirectory() as d:
        rows = scrubber_spans(corpus_texts(Path(d)))
    SPANS_FILE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} texts, {sum(len(r['spans']) for r in rows)} spans -> {SPANS_FILE}")
    if args.dataset:
        with tempfile.TemporaryDirectory() as d:
            fp = dataset_fingerprint(Path(d))
        DATASET_FILE.write_text(json.dumps({"conversations": DATASET_CONVERSATIONS, "seed": 7,
                                            "settings": DATASET_SETTINGS, "dataset_version": fp}, indent=1) + "\n")
        print("dataset_version", fp)
