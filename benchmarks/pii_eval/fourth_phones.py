"""Phone formats for the fourth generated set, written by hand from each country's numbering plan.

``#`` is a random digit, ``N`` a digit 2-9; every number is drawn from the seed, so none is a library's
example number. Odd chat shapes are included: split groups, 'tel:' links, (0) trunk digits, spoken digits.
"""

from __future__ import annotations

import random

FORMATS = {
    "en-IN": ["+91 9#### #####", "09#### #####", "+91-8###-######", "(0)80 2### ####", "tel:+917######### "],
    "en-SG": ["+65 9### ####", "8###-####", "+65 6### ####", "6###  ####"],
    "en-PH": ["0917 ### ####", "+63 918 ### ####", "(02) 8### ####", "09##-###-####"],
    "en-GB": ["07### ######", "+44 (0)7### ### ###", "+44 20 7### ####", "0161 ### ####", "tel:+447#########"],
    "en-IE": ["087 ### ####", "+353 (0)86 ### ####", "01 ### ####"],
    "en-AU": ["04## ### ###", "+61 4## ### ###", "(02) 9### ####"],
    "de-LU": ["+352 621 ### ###", "691 ### ###", "00352 26 ## ## ##"],
    "de-LI": ["+423 2## ## ##", "+423 79# ## ##", "00423 3## ## ##"],
    "de-AT": ["0664 ### ## ##", "+43 (0)1 ### ## ##", "0676/#######", "+43 699 ########"],
    "fr-LU": ["+352 661 ### ###", "(+352) 4# ## ##", "621.###.###"],
    "fr-FR": ["06 ## ## ## ##", "+33 (0)7 ## ## ## ##", "01.##.##.##.##", "+33 6########"],
    "es-CL": ["+56 9 #### ####", "9 ####-####", "(2) 2### ####"],
    "es-CO": ["+57 31# ### ####", "300 ### ####", "(604) ### ####", "+57 (601) ### ####"],
    "es-PE": ["+51 9## ### ###", "9##-###-###", "(01) ###-####"],
    "it-IT": ["+39 33# ### ####", "347 ### ####", "02 #### ####", "+39 06 ########"],
    "nl-NL": ["06-########", "+31 6 ## ## ## ##", "020 ### ####", "+31 (0)10 ### ## ##"],
    "pt-AO": ["+244 92# ### ###", "923 ### ###", "+244 222 ### ###"],
    "pt-MZ": ["+258 84 ### ####", "82 ### ####", "+258 21 ### ###"],
    "pt-PT": ["91# ### ###", "+351 96# ### ###", "21# ### ###"],
    "pl-PL": ["+48 5## ### ###", "6## ### ###", "(22) ### ## ##", "+48 12 ### ## ##"],
    "sv-SE": ["07#-### ## ##", "+46 (0)7# ### ## ##", "08-### ### ##"],
    "nb-NO": ["4## ## ###", "+47 9## ## ###", "22 ## ## ##"],
    "da-DK": ["2# ## ## ##", "+45 3# ## ## ##", "+45 ########"],
    "fi-FI": ["04# ### ####", "+358 (0)5# ### ####", "09 ### ####"],
    "et-EE": ["5### ####", "+372 5### ###", "+372 6## ####"],
}

SPOKEN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def phone(rng: random.Random, locale: str) -> str:
    fmt = rng.choice(FORMATS[locale])
    out = "".join(str(rng.randint(0, 9)) if c == "#" else str(rng.randint(2, 9)) if c == "N" else c for c in fmt)
    return out.strip()


def spoken_phone(rng: random.Random) -> str:
    """'oh-seven-seven-...': a UK mobile read out digit by digit, in groups."""
    digits = "07" + "".join(str(rng.randint(0, 9)) for _ in range(9))
    words = ["oh" if d == "0" else SPOKEN[int(d)] for d in digits]
    return "-".join(words[:5]) + " " + "-".join(words[5:])
