"""Build the PII evaluation sets under ``data/`` (deterministic: same packages + seed -> same files).

    python benchmarks/pii_eval/build.py            # needs mimesis, chatterbot-corpus (requirements.txt)
                                                   # and Debian's fortunes package (apt-get install fortunes)

Writes ``data/<set>.<split>.jsonl`` for the sets ``other_generator``, ``real_text`` and ``false_positive``
and the splits ``dev`` / ``heldout`` (``records.split_of``), and ``data/manifest.json`` (sources, package
versions, seed, counts per set, split and type). The held-out files are written here and scored only once,
at the end of the PII work (see README.md).
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval import fp_labels, real_text, sources  # noqa: E402
from pii_eval.records import (  # noqa: E402
    SPLITS,
    capitalised_outside,
    spans_for,
    split_of,
    write_jsonl,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
SEED = 20240611
N_OTHER = 800
N_FP_IRC, N_FP_CHATTERBOT = 200, 70
SET_NAMES = ("other_generator", "real_text", "false_positive")


def fp_lines() -> list[sources.SourceLine]:
    """The false-positive set's lines: the hand-labelled sample (see ``fp_labels``)."""
    with_capital = [ln for ln in sources.chatterbot_lines() if re.search(r"\s[A-Z]", ln.text)]
    return sources.sample(sources.irc_lines(), N_FP_IRC) + sources.sample(with_capital, N_FP_CHATTERBOT, "fp")


def build_false_positive(lines: list[sources.SourceLine], labels=fp_labels, prefix: str = "fp") -> list[dict]:
    """Records of hand-labelled real lines: ``labels.PII`` / ``labels.NEUTRAL`` by line key (``fp_labels`` here,
    ``fresh_irc_labels`` for ``fresh_real``); ids ``<prefix>-<line key>``."""
    records = []
    for line in lines:
        spans = spans_for(line.text, labels.PII.get(line.key, []))
        neutral = labels.NEUTRAL.get(line.key, [])
        records.append({"id": f"{prefix}-{line.key}", "text": line.text, "spans": spans,
                        "keep": capitalised_outside(line.text, spans, neutral), "neutral": neutral,
                        "lang": line.lang, "source": line.source})
    return records


def real_text_lines(exclude: set[str]) -> list[sources.SourceLine]:
    """Base lines of the real-text set: a fixed sample per language, none of the false-positive set's."""
    pool = [ln for ln in sources.chatterbot_lines() if ln.key not in exclude]
    out = []
    for lang, n in real_text.SAMPLE_PER_LANG.items():
        out += sources.sample([ln for ln in pool if ln.lang == lang], n, "rt")
    return out


def counts(records: list[dict]) -> dict:
    return {"records": len(records), "spans": sum(len(r["spans"]) for r in records),
            "keep": sum(len(r["keep"]) for r in records),
            "types": dict(sorted(collections.Counter(s["type"] for r in records for s in r["spans"]).items())),
            "langs": dict(sorted(collections.Counter(r.get("lang", "?") for r in records).items()))}


def build_all(seed: int, n_other: int) -> dict[str, list[dict]]:
    fp = fp_lines()
    unlabelled = set(fp_labels.PII) - {ln.key for ln in fp}
    if unlabelled:
        raise SystemExit(f"hand labels for lines that are not in the sample: {sorted(unlabelled)}")
    from pii_eval.other_generator import (
        build_other_generator,  # mimesis: only to build this set
    )

    return {"other_generator": build_other_generator(n_other, seed),
            "real_text": real_text.build_real_text(real_text_lines({ln.key for ln in fp}), seed),
            "false_positive": build_false_positive(fp)}


def write_sets(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    from pii_eval.other_generator import (
        LOCALE_WEIGHTS,  # mimesis: the later sets' builders import this module
    )

    manifest = {
        "seed": seed, "heldout_rule": "sha256(id)[:8] as int % 100 < 30 -> heldout",
        "packages": sources.package_versions(),
        "sources": {
            "other_generator": "mimesis (MIT) values in locales " + ", ".join(LOCALE_WEIGHTS)
                               + "; templates and hard negatives written for this set (chat_templates.py)",
            "real_text": "chatterbot-corpus (BSD-3-Clause) lines in en, de, fr, es, it, nl, pt; PII values written "
                         "by hand (hand_values.py) inserted by real_text.py",
            "false_positive": f"{N_FP_IRC} IRC lines from Debian 'fortunes' (fortune-mod, BSD; files "
                              f"{', '.join(sources.FORTUNE_FILES)}) + {N_FP_CHATTERBOT} chatterbot-corpus lines; "
                              "hand-labelled (fp_labels.py)",
        },
        "sets": {},
    }
    _carry_over_other_sets(manifest, out_dir / "manifest.json", set(sets))
    for name, records in sets.items():
        manifest["sets"][name] = write_splits(out_dir, name, records)
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def write_splits(out_dir: Path, name: str, records: list[dict]) -> dict:
    """Write ``<name>.<split>.jsonl`` for each split; returns the counts per split for the manifest."""
    per_split = {}
    for split in SPLITS:
        part = [r for r in records if split_of(r["id"]) == split]
        write_jsonl(out_dir / f"{name}.{split}.jsonl", part)
        per_split[split] = counts(part)
    return per_split


def _carry_over_other_sets(manifest: dict, path: Path, rebuilt: set[str]) -> None:
    """Keep the entries of sets this run does not build (the fresh sets of ``fresh_build.py``)."""
    if not path.exists():
        return
    previous = json.loads(path.read_text(encoding="utf-8"))
    for key in ("packages", "sources", "sets"):
        for name, value in previous.get(key, {}).items():
            if not (key == "sets" and name in rebuilt):
                manifest[key].setdefault(name, value)
    for key, value in previous.items():  # the seeds of the later sets: "fresh_seed", "third_seed", ...
        if key.endswith("_seed") and key != "seed":
            manifest[key] = value


def merge_sets(out_dir: Path, sets: dict[str, list[dict]], seed_key: str, seed: int, sources: dict[str, str],
               packages: dict[str, str]) -> dict:
    """Write the files of ``sets`` (a later author's sets, built by their own script: ``fresh_build.py``,
    ``third_build.py``, ...) and merge their entries, seed, sources and packages into ``manifest.json``; the
    other sets' entries are kept."""
    path = out_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"sets": {}}
    manifest.setdefault("packages", {}).update(packages)
    manifest[seed_key] = seed
    manifest.setdefault("sources", {}).update(sources)
    for name, records in sets.items():
        manifest.setdefault("sets", {})[name] = write_splits(out_dir, name, records)
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n-other", type=int, default=N_OTHER, help="records of the other-generator set")
    args = ap.parse_args(argv)
    manifest = write_sets(build_all(args.seed, args.n_other), args.out, args.seed)
    for name, per_split in manifest["sets"].items():
        print(name, {split: c["records"] for split, c in per_split.items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
