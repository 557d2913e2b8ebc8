"""Build the third sets (``third_generator``, ``third_real``) under ``data/`` and add them to the manifest.

    apt-get install fortunes-pl                   # the real lines: /usr/share/games/fortunes/pl/linuxpl
    python benchmarks/pii_eval/third_build.py

Deterministic: same seed and fortunes-pl version -> byte-identical files. Only the third sets' files and
their manifest entries are (re)written; every other entry is kept. The held-out files are written here and
scored ONCE, to judge the scrubber (see README.md, "Third sets").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.build import DATA_DIR, merge_sets  # noqa: E402
from pii_eval.sources import _debian_version  # noqa: E402
from pii_eval.third_generator import LOCALE_WEIGHTS, build_third_generator  # noqa: E402
from pii_eval.third_real import (  # noqa: E402
    FORTUNES_PL_FILE,
    N_LINES,
    build_third_real,
)

THIRD_SEED = 20261201
N_THIRD = 860
THIRD_SETS = ("third_generator", "third_real")


def third_sources(seed: int) -> dict[str, str]:
    return {
        "third_generator": "templates (third_templates.py, third_templates_more.py) and values (third_people.py, "
                           "third_places.py, third_phones.py, third_details.py) written by hand for this set, "
                           f"locales {', '.join(LOCALE_WEIGHTS)}; seed {seed}; no faker, mimesis or phonenumbers data",
        "third_real": f"{N_LINES} real IRC lines (#linuxpl) of Debian 'fortunes-pl' (GPL-2+; file "
                      f"{FORTUNES_PL_FILE}), hand-labelled (third_labels.py)",
    }


def write_third(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    """Write the third sets' files and merge their entries into ``manifest.json`` (other entries kept)."""
    return merge_sets(out_dir, sets, "third_seed", seed, third_sources(seed),
                      {"fortunes-pl (Debian)": _debian_version("fortunes-pl")})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=THIRD_SEED)
    ap.add_argument("--n", type=int, default=N_THIRD, help="records of the third_generator set")
    args = ap.parse_args(argv)
    sets = {"third_generator": build_third_generator(args.n, args.seed), "third_real": build_third_real()}
    manifest = write_third(sets, args.out, args.seed)
    for name in THIRD_SETS:
        print(name, {split: c["records"] for split, c in manifest["sets"][name].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
