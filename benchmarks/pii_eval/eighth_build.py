"""Build the eighth set (``eighth_generator``) under ``data/`` and add it to the manifest.

    python benchmarks/pii_eval/eighth_build.py

Deterministic: same seed -> byte-identical files. Only the eighth set's files and its manifest entries are
(re)written; every other entry is kept. Dev and held-out are each scored ONCE, by the lead, before any tuning
(see README.md, "Eighth sets").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.build import DATA_DIR, merge_sets  # noqa: E402
from pii_eval.eighth_generator import LOCALE_WEIGHTS, build_eighth_generator  # noqa: E402

EIGHTH_SEED = 20261215
N_EIGHTH = 400
EIGHTH_SETS = ("eighth_generator",)


def eighth_sources(seed: int) -> dict[str, str]:
    return {
        "eighth_generator": "a company's exports outside a clean chat (call-centre speech-to-text transcripts, "
                            "e-mail replies pasted into tickets, workplace chat threads, SMS / WhatsApp, web-form "
                            "submissions): templates (eighth_templates_en.py, eighth_templates_intl.py) and values "
                            "(eighth_people.py, eighth_places.py, eighth_numbers.py) written by hand for this set, "
                            f"locales {', '.join(LOCALE_WEIGHTS)}; seed {seed}; no faker, mimesis or phonenumbers "
                            "data; IBAN, card and national-id check digits computed, national ids validated with "
                            "python-stdnum",
    }


def write_eighth(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    """Write the eighth set's files and merge its entries into ``manifest.json`` (other entries kept)."""
    sources = {k: v for k, v in eighth_sources(seed).items() if k in sets}
    return merge_sets(out_dir, sets, "eighth_seed", seed, sources, {})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=EIGHTH_SEED)
    ap.add_argument("--n", type=int, default=N_EIGHTH, help="records of the eighth_generator set")
    args = ap.parse_args(argv)
    sets = {"eighth_generator": build_eighth_generator(args.n, args.seed)}
    manifest = write_eighth(sets, args.out, args.seed)
    for name in sets:
        print(name, {split: c["records"] for split, c in manifest["sets"][name].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
