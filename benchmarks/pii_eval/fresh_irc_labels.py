"""Hand labels of the ``fresh_real`` set: real German IRC lines of Debian's ``fortunes-de`` package.

Every one of the 240 sampled lines (``fresh_real.sample_lines``) was read and labelled here BEFORE any
scrubber ran on it, by a reader who had not seen the scrubber's detectors. Keys are ``sources.line_key``
(first 8 hex digits of the SHA-1 of the line). Conventions, as in ``fp_labels`` of the older set:

* USERNAME: the IRC nick of a participant wherever it stands ("Joey: ich ;-)", "* nobse ist auch buffy fan",
  "Wo ist der echte puffy?"), lower or upper case as written.
* PERSON: a private person named by a real name ("Die Sabine heißt ... Sonja", "Petra, Martin", the
  attribution "-- Michael Kleinhenz").
* EMAIL, IP_ADDRESS: as written (two bounce-message lines hold masked addresses and a mail server's IP).
* NEUTRAL (``NEUTRAL``): public figures (Hans Reiser, Klaus Knopper's nickname "Knoppi") and strings that
  may or may not be a nick or a person ("Strack", "LGS", "Marquardt", "ZAlfie"), a university URL.

A line not in ``PII`` was read and holds no private PII. Channel names (#Debian.DE), products, programs and
places are keep strings (every capitalised word outside the labels).
"""

from __future__ import annotations

U, P = "USERNAME", "PERSON"

PII: dict[str, list[tuple[str, str]]] = {
    "ce56bc93": [(U, "mrvn"), (U, "weaselTM"), (U, "nobse"), (U, "weasel")],
    "f36088cd": [(U, "_eis")],
    "a35b03bc": [(U, "zenman")],
    "3205bfb3": [(U, "Weasel")],
    "d603ec74": [(U, "Alfie")],
    "57158b1b": [(U, "Joey")],
    "eb0556d8": [(U, "som")],
    "b8207c3c": [(P, "Sabine"), (P, "Sonja")],
    "f0c2edb0": [(U, "Aquariophile")],
    "fa60c39b": [(U, "Joey")],
    "0ebf11e9": [(U, "nobse")],
    "915a2127": [(U, "_eis")],
    "53ac0322": [(U, "Joey")],
    "29d19b1a": [(U, "Joey")],
    "046b7837": [(U, "roots-")],
    "1a9374ee": [(U, "Y_Plentyn")],
    "d040d590": [(U, "puffy"), (U, "joey")],
    "dd387230": [(U, "hsarc_")],
    "9e7f0c28": [(U, "Joey")],
    "5aa1004e": [(U, "yps")],
    "15fdfeed": [(U, "Joey")],
    "8def191b": [(U, "shorty")],
    "2935c148": [(U, "Alfie")],
    "ecdc7eab": [(U, "Joey")],
    "b0a14d9e": [("EMAIL", "xxxxxxxxxxxxxx@privat.oldenburg.de")],
    "24f99638": [("EMAIL", "xxxxxxxxxxxxxxxxx@privat.oldenburg.de"), ("IP_ADDRESS", "193.16.3.10")],
    "54af01a5": [(U, "Woglinde")],
    "84fc1999": [(P, "Klaus")],
    "b7a3db34": [(U, "Fuchur")],
    "f94d2dbf": [(U, "Alfie")],
    "ae25e79f": [(U, "Joey")],
    "6bff40c7": [(U, "teite")],
    "bae251a9": [(U, "puffy")],
    "13dbc537": [(U, "_crash")],
    "46edb22f": [(U, "zomb")],
    "b1657e6b": [(U, "Alfie")],
    "4a4e0511": [(U, "Joey"), (P, "Michael Kleinhenz")],
    "e3346076": [(U, "Woglinde")],
    "b5ad30cf": [(U, "nobse")],
    "56345fa3": [(U, "Alfie")],
    "a1c6591b": [(U, "Manti")],
    "c5f29e25": [(U, "alfie")],
    "c50f85af": [(U, "Joey")],
    "24aa8bbe": [(U, "chibao")],
    "c5341a96": [(U, "Joey")],
    "3d3d5883": [(U, "Shorty")],
    "7651842f": [(U, "Joey")],
    "3cd216ee": [(U, "Joey")],
    "8fb5eb53": [(U, "SubMuffi")],
    "79746f38": [(U, "puffy"), (U, "Joey")],
    "3ddc8ab5": [(U, "kju")],
    "969583dd": [(U, "somnium_")],
    "fba9596b": [(U, "Alfie")],
    "bf011d6a": [(P, "Sabine")],
    "793c9d33": [(U, "AnsgarX")],
    "aaeee4cf": [(U, "zenman")],
    "4b6b9716": [(U, "plaisthos")],
    "8428c813": [(U, "Getty")],
    "378ecffe": [(U, "Alfie")],
    "75c6e5cd": [(P, "Klaus")],
    "1346b89a": [(U, "Joey")],
    "064d9f2d": [(U, "fizz")],
    "3a5d9985": [(U, "Joey")],
    "d02a4568": [(U, "Joey")],
    "798527b0": [(U, "Getty")],
    "64af4705": [(U, "Manti")],
    "95a62f4c": [(U, "Joey")],
    "33d5da02": [(U, "Joey")],
    "c96df9e5": [(U, "DeVries")],
    "de7b3695": [(U, "Woglinde")],
    "84b414cb": [(P, "Petra"), (P, "Martin")],
    "d615c773": [(U, "Getty")],
    "7a64fc25": [(U, "Joey")],
    "18af1619": [(U, "Joey")],
    "8e050f71": [(U, "somnium_")],
    "2bad892a": [(U, "Fuchur")],
    "5fe33eed": [(U, "jjFux")],
    "45bc7087": [(U, "shorty")],
    "5c33de83": [(U, "teeboitel")],
    "1cd04c62": [(U, "weasel")],
    "e4b14dc2": [(U, "Perserker")],
    "bcab19b2": [(U, "ij")],
}

NEUTRAL: dict[str, list[str]] = {
    "882e9f67": ["Knoppi"],
    "9a489ebf": ["Strack"],
    "54af01a5": ["LGS"],
    "aca1a453": ["Marquardt"],
    "b1657e6b": ["ZAlfie"],
    "b5ad30cf": ["http://wwwbrauer.informatik.tu-muenchen.de/"],
    "bf011d6a": ["Hans Reiser"],
}
