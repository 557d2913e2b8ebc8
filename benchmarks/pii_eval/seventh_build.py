"""Build the seventh sets (``seventh_generator``, ``seventh_real``) under ``data/`` and add them to the manifest.

    apt-get install fortunes-br     # the real lines: /usr/share/games/fortunes/brasil
    python benchmarks/pii_eval/seventh_build.py

Deterministic: same seed and fortunes-br version -> byte-identical files. Only the seventh sets' files and their
manifest entries are (re)written; every other entry is kept. Dev and held-out are scored ONCE, by the lead,
before any tuning (see README.md, "Seventh sets").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.build import DATA_DIR, merge_sets  # noqa: E402
from pii_eval.seventh_generator import LOCALES, build_seventh_generator  # noqa: E402
from pii_eval.seventh_real import BRASIL_FILE, build_seventh_real  # noqa: E402
from pii_eval.sources import _debian_version  # noqa: E402

SEVENTH_SEED = 20261211
N_SEVENTH = 600
SEVENTH_SETS = ("seventh_generator", "seventh_real")


def seventh_sources(seed: int) -> dict[str, str]:
    locales = [loc for locs in LOCALES.values() for loc in locs]
    return {
        "seventh_generator": "exported helpdesk and operations transcripts: templates (seventh_templates_en.py, "
                             "seventh_templates_intl.py) and values (seventh_people.py, seventh_places.py, "
                             f"seventh_numbers.py) written by hand for this set, locales {', '.join(locales)}; "
                             f"seed {seed}; no faker, mimesis or phonenumbers data; IBAN, card and national-id "
                             "check digits computed and validated with python-stdnum",
        "seventh_real": f"a fixed sample of Debian 'fortunes-br' (GPL-2; file {BRASIL_FILE}): Brazilian Portuguese "
                        "quotes with their authors, jokes, dialogues and a few IRC and Debian-developer lines, "
                        "hand-labelled (seventh_labels.py)",
    }


def write_seventh(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    """Write the seventh sets' files and merge their entries into ``manifest.json`` (other entries kept)."""
    sources = {k: v for k, v in seventh_sources(seed).items() if k in sets}
    packages = {"fortunes-br (Debian)": _debian_version("fortunes-br")} if "seventh_real" in sets else {}
    return merge_sets(out_dir, sets, "seventh_seed", seed, sources, packages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=SEVENTH_SEED)
    ap.add_argument("--n", type=int, default=N_SEVENTH, help="records of the seventh_generator set")
    args = ap.parse_args(argv)
    sets = {"seventh_generator": build_seventh_generator(args.n, args.seed), "seventh_real": build_seventh_real()}
    manifest = write_seventh(sets, args.out, args.seed)
    for name in sets:
        print(name, {split: c["records"] for split, c in manifest["sets"][name].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
