"""Build the sixth sets (``sixth_generator``, ``sixth_real``) under ``data/`` and add them to the manifest.

    apt-get install fortunes-mario     # the real lines: /usr/share/games/fortunes/mario.computadores
    python benchmarks/pii_eval/sixth_build.py

Deterministic: same seed and fortunes-mario version -> byte-identical files. Only the sixth sets' files and
their manifest entries are (re)written; every other entry is kept. Dev and held-out are scored ONCE, by the
lead, before any tuning (see README.md, "Sixth sets").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pii_eval.build import DATA_DIR, merge_sets  # noqa: E402
from pii_eval.sixth_generator import LOCALES, build_sixth_generator  # noqa: E402
from pii_eval.sixth_labels import EXCLUDED  # noqa: E402
from pii_eval.sixth_real import MARIO_FILE, build_sixth_real  # noqa: E402
from pii_eval.sources import _debian_version  # noqa: E402

SIXTH_SEED = 20261207
N_SIXTH = 600
SIXTH_SETS = ("sixth_generator", "sixth_real")


def sixth_sources(seed: int) -> dict[str, str]:
    locales = [loc for locs in LOCALES.values() for loc in locs]
    return {
        "sixth_generator": "company chat-log templates (sixth_templates_en.py, sixth_templates_intl.py) and values "
                           "(sixth_people.py, sixth_places.py, sixth_numbers.py) written by hand for this set, locales "
                           f"{', '.join(locales)}; seed {seed}; no faker, mimesis or phonenumbers data; IBAN, card "
                           "and national-id check digits computed (checksums.py, sixth_numbers.py)",
        "sixth_real": f"every fortune of Debian 'fortunes-mario' (GPL-2; file {MARIO_FILE}) but {len(EXCLUDED)} also "
                      "in Debian 'fortunes': real Usenet, mailing-list and IRC quotes with posters' names, mail "
                      "headers and signatures, computer jokes (Portuguese and English), hand-labelled (sixth_labels.py)",
    }


def write_sixth(sets: dict[str, list[dict]], out_dir: Path, seed: int) -> dict:
    """Write the sixth sets' files and merge their entries into ``manifest.json`` (other entries kept)."""
    sources = {k: v for k, v in sixth_sources(seed).items() if k in sets}
    packages = {"fortunes-mario (Debian)": _debian_version("fortunes-mario")} if "sixth_real" in sets else {}
    return merge_sets(out_dir, sets, "sixth_seed", seed, sources, packages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--seed", type=int, default=SIXTH_SEED)
    ap.add_argument("--n", type=int, default=N_SIXTH, help="records of the sixth_generator set")
    args = ap.parse_args(argv)
    sets = {"sixth_generator": build_sixth_generator(args.n, args.seed), "sixth_real": build_sixth_real()}
    manifest = write_sixth(sets, args.out, args.seed)
    for name in sets:
        print(name, {split: c["records"] for split, c in manifest["sets"][name].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
