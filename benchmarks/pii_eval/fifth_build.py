"""Build the fifth sets (``fifth_generator``, ``fifth_real``) under ``data/`` and add them to the manifest.

    apt-get install fortunes-es     # the real lines: /usr/share/games/fortunes/es/{familia,amistad}.fortunes
    python benchmarks/pii_eval/fifth_build.py

Deterministic: same seed and fortunes-es version -> byte-identical files. Only the fifth sets' files and
their manifest entries are (re)written; every other entry is kept. The held-out files are written here and
scored ONCE, to judge the scrubber (see README.md, "Fifth sets").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.build import DATA_DIR, merge_sets  # noqa: E402
from pii_eval.fifth_generator import LOCALE, build_fifth_generator  # noqa: E402
from pii_eval.fifth_real import (  # noqa: E402
    FORTUNES_ES_FILES,
    N_LINES,
    build_fifth_real,
)
from pii_eval.sources import _debian_version  # noqa: E402

FIFTH_SEED = 20261205
N_FIFTH = 600
FIFTH_SETS = ("fifth_generator", "fifth_real")


def fifth_sources(seed: int) -> dict[str, str]:
    return {
        "fifth_generator": "group-chat templates (fifth_templates.py) and values (fifth_people.py, fifth_places.py, "
                           "fifth_details.py) written by hand for this set, locales "
                           f"{', '.join(LOCALE.values())}; seed {seed}; no faker, mimesis or phonenumbers data; "
                           "IBAN and card check digits computed (checksums.py)",
        "fifth_real": f"{N_LINES} real fortunes (quotes, computer jokes) of Debian 'fortunes-es' (texts presumed public domain, packaging "
                      f"GPL-2+; files {', '.join(f + '.fortunes' for f in FORTUNES_ES_FILES)}), hand-labelled "
                      "(fifth_labels.py)",
    }


def write_fifth(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    """Write the fifth sets' files and merge their entries into ``manifest.json`` (other entries kept)."""
    return merge_sets(out_dir, sets, "fifth_seed", seed, fifth_sources(seed),
                      {"fortunes-es (Debian)": _debian_version("fortunes-es")})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=FIFTH_SEED)
    ap.add_argument("--n", type=int, default=N_FIFTH, help="records of the fifth_generator set")
    args = ap.parse_args(argv)
    sets = {"fifth_generator": build_fifth_generator(args.n, args.seed), "fifth_real": build_fifth_real()}
    manifest = write_fifth(sets, args.out, args.seed)
    for name in FIFTH_SETS:
        print(name, {split: c["records"] for split, c in manifest["sets"][name].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
