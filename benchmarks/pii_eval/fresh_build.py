"""Build the fresh sets (``fresh_generator``, ``fresh_real``) under ``data/`` and add them to the manifest.

    python benchmarks/pii_eval/fresh_build.py      # needs Debian's fortunes-de (apt-get install fortunes-de)

Deterministic: same seed and fortunes-de version -> byte-identical files. Only the fresh sets' files and
their manifest entries are (re)written; the older sets are left as they are. The held-out files are written
here and scored ONCE, to judge the final scrubber (see README.md, "Fresh sets").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.build import DATA_DIR, merge_sets  # noqa: E402
from pii_eval.fresh_generator import LANG_LOCALES, build_fresh_generator  # noqa: E402
from pii_eval.fresh_real import (  # noqa: E402
    FORTUNES_DE_FILES,
    N_LINES,
    build_fresh_real,
)
from pii_eval.sources import _debian_version  # noqa: E402

FRESH_SEED = 20261130
N_FRESH = 900
FRESH_SETS = ("fresh_generator", "fresh_real")


def fresh_sources() -> dict[str, str]:
    locales = ", ".join(loc for locs in LANG_LOCALES.values() for loc in locs)
    return {
        "fresh_generator": "templates (fresh_templates.py) and values (fresh_people.py, fresh_phones.py, "
                           f"fresh_places.py) written by hand for this set, locales {locales}; no faker, mimesis "
                           "or phonenumbers data",
        "fresh_real": f"{N_LINES} real IRC lines of Debian 'fortunes-de' (GPL-2+; files "
                      f"{', '.join(FORTUNES_DE_FILES)}), hand-labelled (fresh_irc_labels.py)",
    }


def write_fresh(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    """Write the fresh sets' files and merge their entries into ``manifest.json`` (other entries kept)."""
    return merge_sets(out_dir, sets, "fresh_seed", seed, fresh_sources(),
                      {"fortunes-de (Debian)": _debian_version("fortunes-de")})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=FRESH_SEED)
    ap.add_argument("--n", type=int, default=N_FRESH, help="records of the fresh_generator set")
    args = ap.parse_args(argv)
    sets = {"fresh_generator": build_fresh_generator(args.n, args.seed), "fresh_real": build_fresh_real()}
    manifest = write_fresh(sets, args.out, args.seed)
    for name in FRESH_SETS:
        print(name, {split: c["records"] for split, c in manifest["sets"][name].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
