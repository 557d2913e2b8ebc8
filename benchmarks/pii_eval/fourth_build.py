"""Build the fourth sets (``fourth_generator``, ``fourth_real``) under ``data/`` and add them to the manifest.

    apt-get install fortunes-it                   # the real lines: /usr/share/games/fortunes/it/italia
    python benchmarks/pii_eval/fourth_build.py

Deterministic: same seed and fortunes-it version -> byte-identical files. Only the fourth sets' files and
their manifest entries are (re)written; every other entry is kept. The held-out files are written here and
scored ONCE, to judge the scrubber (see README.md, "Fourth sets").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.build import DATA_DIR, merge_sets  # noqa: E402
from pii_eval.fourth_generator import (  # noqa: E402
    LOCALE_WEIGHTS,
    build_fourth_generator,
)
from pii_eval.fourth_real import (  # noqa: E402
    FORTUNES_IT_FILE,
    N_LINES,
    build_fourth_real,
)
from pii_eval.sources import _debian_version  # noqa: E402

FOURTH_SEED = 20261202
N_FOURTH = 720
FOURTH_SETS = ("fourth_generator", "fourth_real")


def fourth_sources(seed: int) -> dict[str, str]:
    return {
        "fourth_generator": "templates (fourth_templates.py) and values (fourth_people.py, fourth_places.py, "
                           "fourth_phones.py) written by hand for this set, "
                           f"locales {', '.join(LOCALE_WEIGHTS)}; seed {seed}; no faker, mimesis or phonenumbers data",
        "fourth_real": f"{N_LINES} real Usenet jokes and dialogues (it.hobby.umorismo) of Debian 'fortunes-it' "
                      f"(public domain / freeware; file {FORTUNES_IT_FILE}), hand-labelled (fourth_labels.py)",
    }


def write_fourth(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    """Write the fourth sets' files and merge their entries into ``manifest.json`` (other entries kept)."""
    return merge_sets(out_dir, sets, "fourth_seed", seed, fourth_sources(seed),
                      {"fortunes-it (Debian)": _debian_version("fortunes-it")})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=FOURTH_SEED)
    ap.add_argument("--n", type=int, default=N_FOURTH, help="records of the fourth_generator set")
    args = ap.parse_args(argv)
    sets = {"fourth_generator": build_fourth_generator(args.n, args.seed), "fourth_real": build_fourth_real()}
    manifest = write_fourth(sets, args.out, args.seed)
    for name in FOURTH_SETS:
        print(name, {split: c["records"] for split, c in manifest["sets"][name].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
