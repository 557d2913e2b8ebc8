"""Hand labels of the seventh real set (Debian fortunes-br, file ``brasil``), by fortune key (sha1 of the text,
8 hex digits), made after reading every sampled fortune.

PERSON: private people and quoted people who are not widely known (the rule of the sixth set); USERNAME: IRC
and Debian nicks of the people in the line. NEUTRAL: public figures (politicians, footballers, a TV host, a
club president, a philosopher) named in the body; the attribution after ``--`` is neutral unless labelled here
or listed in NOT_PEOPLE (dialogue lines, "Anônimo", proverbs). Every other capitalised word is kept.
"""

from __future__ import annotations

PII: dict[str, list[tuple[str, str]]] = {
    # Debian developers and IRC users
    "5e5f254a": [("PERSON", "Gustavo Noronha Silva"), ("USERNAME", "kov")],
    "96ab5d07": [("PERSON", "Henrique de Moraes Holschuh"), ("USERNAME", "hmh")],
    "2bfd31a8": [("USERNAME", "Knghtbrd"), ("USERNAME", "mariab")],
    "e7dc04b8": [("PERSON", "Eduardo Maçan")],
    # quoted people who are not widely known
    "45f2869b": [("PERSON", "Arturo Tognato")],
    "1b5dd7de": [("PERSON", "Alipio do Amaral Ferreira")],
    "8729dba9": [("PERSON", "Clarissa Manuchaguian")],
    "6266a2dc": [("PERSON", "Mylton Mesquita Filho")],
    "9fec0464": [("PERSON", "Richard Collin")],
    "2aeddbf8": [("PERSON", "Roberto das Neves")],
    "5334309c": [("PERSON", "Thomas Koch")],
    "714ecc52": [("PERSON", "Antonio Costa")],
    "63b1cf21": [("PERSON", "Bob Fifer")],
    "613c9a1b": [("PERSON", "Max Gunther")],
    "c49d4b32": [("PERSON", "Edson vaz Musa")],
    "101b1410": [("PERSON", "João Bosco Lodi")],
}

NEUTRAL: dict[str, list[str]] = {
    "bf165122": ["VICENTE MATHEUS", "Matheus", "Sócrates"],  # a football club's president and its player
    "d4089a50": ["Edmundo"],  # a footballer
    "f06b0c50": ["Arnold Swarzenegar"],
    "fb2f1530": ["Luciano do Vale"],  # a sports commentator
    "c714750f": ["Silvester Stallonge"],
    "6d06211a": ["Bill Clintom", "Bill"],
    "2eca630e": ["Lao Tsé"],
    "ba125771": ["Marta", "Maluf"],  # São Paulo politicians
    "fab55f50": ["Xuxa"],
    "23377c9c": ["Mengalvio"],
    "2decb1e0": ["Proudhon"],  # the philosopher  # a footballer, attribution followed by a second line
}

# attributions that name no person: dialogue, anonymous sources, proverbs, a scissors line
NOT_PEOPLE: frozenset[str] = frozenset({
    "----> Não corte aqui", "Anon", "Anônimo", "Cala a boca menino e continua cavando!",
    "De uma vítima de Chernobyl", "Ora", "Proverbio Chinês", "Sabedoria Asiática",
})

# fortunes added to the hash sample on purpose: the file's lines with Debian developers' names and IRC nicks
EXTRA_KEYS: tuple[str, ...] = ("96ab5d07", "2bfd31a8", "e7dc04b8", "5e5f254a")
