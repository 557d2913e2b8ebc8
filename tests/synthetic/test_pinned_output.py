"""The generator's bytes are pinned: for a given seed the files must not change by a single byte.

The digests were computed on the generator as it was before its word pools and templates moved
from Python code into data files; any refactoring of the generator must keep them. A deliberate
change to the generated data updates these digests in its own commit, saying why.
"""

from __future__ import annotations

import hashlib

import pytest
from tunehouse.synthetic.generator import generate_logs

PINNED = [
    (dict(conversations=50, seed=3), {
        "chat_export_part-0001.jsonl": "5ae8852efb0a3928856cda8a20afab00a374440b8cbb81b05bf95f8893c96b70",
        "chat_export_part-0002.csv": "fbb98ae9c275fb926b7c284f4c3db3ab727baca4ca2ff788ecfd0023ade89915",
        "truth/truth.json": "9cdbe7e35b12b45dbce38501cdfa7eaf64f46e371e414ab1e30095a26afd6781",
    }),
    # large enough for every malformed kind and the >20k-character pasted log
    (dict(conversations=400, seed=11), {
        "chat_export_part-0001.jsonl": "2b6fac7c9b3bc746bd3a6932a663f3a02ede1d8ec903ee5d51597fda78deafae",
        "chat_export_part-0002.csv": "4bafeb2911626553112fca39d356ec3ce1c2c49f94000cedabaaa5094e8fdb59",
        "truth/truth.json": "b2652b2838def5b614992b9f3772dfd01e654fcd33c2bd4635682dbdf78642da",
    }),
    # a language subset without English, half CSV
    (dict(conversations=120, seed=5, csv_fraction=0.5, languages=("de", "fr")), {
        "chat_export_part-0001.jsonl": "7c46555c0943a7a920d941a18ab62f3fa2544c790a9df8420d1960088ea52c0d",
        "chat_export_part-0002.csv": "34ad8e9f8114a96efe2237ac2814658859e0060af4158cd0b37636e75a20cdc9",
        "truth/truth.json": "da39bb6678b2af5a529ce3c139685851252be7604a0b6ab0b8bec4b1aad2e4dc",
    }),
]


@pytest.mark.parametrize("kwargs,digests", PINNED, ids=["n50-seed3", "n400-seed11", "de-fr-seed5"])
def test_generated_bytes_are_pinned(tmp_path, kwargs, digests):
    res = generate_logs(tmp_path, **kwargs)
    written = {str(p.relative_to(tmp_path)): p for p in [*res.files, res.truth_file]}
    assert sorted(written) == sorted(digests)
    got = {name: hashlib.sha256(p.read_bytes()).hexdigest() for name, p in written.items()}
    assert got == digests
