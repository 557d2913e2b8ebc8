"""Phone numbers as people type them in chats, per locale, for the fresh set (``fresh_generator``).

Written for this set from the national numbering conventions (Wikipedia, "Telephone numbers in the United
States / the United Kingdom / the Republic of Ireland / Australia / Germany / Austria / Switzerland / France /
Belgium / Spain / Italy / the Netherlands / Portugal / Brazil / Poland / Estonia / Sweden / Norway / Denmark /
Finland"): trunk prefix 0 (none in es, it, pt, pl, et, dk, no, where the area code is part of the number),
the country code with and without the "(0)" people keep writing, 00 for +, the usual groupings and
separators (spaces, dashes, dots, slashes), mobile ranges (GB 07, IE 08x, AU 04, DE 015x-017x, AT 06xx,
CH 07x, FR 06/07, BE 04xx, ES 6/7, IT 3xx, NL 06, PT 9x, BR 9xxxx-xxxx, PL 5-8xx, EE 5x, SE 07x, NO 4/9,
DK any, FI 04x/050), extensions and company switchboards. Not taken from the ``phonenumbers`` library's
examples or metadata (the scrubber uses it to find phones; a set made from it would measure it against itself).

A pattern is a string: ``#`` a random digit, ``N`` a digit 2-9, anything else literal.
"""

from __future__ import annotations

import random

PATTERNS: dict[str, list[str]] = {
    "en-US": ["(NN#) N##-####", "NN#-N##-####", "NN#.N##.####", "+1 NN# N## ####", "1-NN#-N##-####",
              "(NN#)N##-####", "NN# N## ####", "+1 (NN#) N##-####"],
    "en-GB": ["020 7### ####", "020 8### ####", "0161 N## ####", "0113 N## ####", "0131 N## ####",
              "07N## ######", "07N##N#####", "+44 7N## ######", "+44 (0)20 7### ####", "+44 (0)117 N## ####",
              "0044 7N## ### ###", "(01632) N#####", "01N## N#####"],
    "en-IE": ["087 N## ####", "086-N##-####", "085 N######", "083 N## ####", "(01) N## ####", "01 N## ####",
              "021 4## ####", "+353 87 N## ####", "+353 (0)1 N## ####", "00353 86 N######", "091 5## ###"],
    "en-AU": ["04## ### ###", "04########", "(02) 9### ####", "(03) 9### ####", "02 N### ####", "08 9### ####",
              "+61 4## ### ###", "+61 2 9### ####", "+61 (0)3 8### ####", "1300 N## ###", "07 3### ####"],
    "de-DE": ["030 N#######", "030/N######", "(030) N## ## ###", "089 N## ## ###", "(089) N######",
              "040-N######", "0221 N## ## ##", "0711 N###-0", "0170 N######", "0151 N#######", "0176-N#######",
              "0152/N######", "+49 30 N#######", "+49 (0)89 N######", "+49 171 N######", "0049 160 N######",
              "+49 (0) 6221 N####", "0341 N## ## ##"],
    "de-AT": ["01 N## ## ##", "01/N## ## ##", "0664 N## ## ##", "0660 N######", "0676/N## ## ##", "0699 1## ## ###",
              "0316 N## ###", "0512 N## ###", "+43 664 N######", "+43 (0)1 N## ## ##", "0043 676 N## ## ##",
              "+43 1 N## ## ##"],
    "de-CH": ["044 N## ## ##", "031 N## ## ##", "061 N## ## ##", "079 N## ## ##", "078 N## ## ##", "076 N## ## ##",
              "+41 79 N## ## ##", "+41 (0)44 N## ## ##", "0041 78 N## ## ##", "022 N## ## ##", "079/N## ## ##"],
    "fr-FR": ["01 N# ## ## ##", "04 N# ## ## ##", "06 ## ## ## ##", "07 N# ## ## ##", "06.##.##.##.##",
              "0N########", "+33 6 ## ## ## ##", "+33 (0)1 N# ## ## ##", "0033 7 N# ## ## ##", "+33 6########",
              "05-N#-##-##-##", "09 N# ## ## ##"],
    "fr-BE": ["02 N## ## ##", "02/N##.##.##", "04 N## ## ##", "09/N## ## ##", "0470 ## ## ##", "0486/## ## ##",
              "0498 ## ## ##", "+32 470 ## ## ##", "+32 (0)2 N## ## ##", "0032 475 ## ## ##", "010 N# ## ##"],
    "es-ES": ["91 N## ## ##", "93 N## ## ##", "9N# ### ###", "6## ### ###", "6## ## ## ##", "7N# ### ###",
              "+34 6## ### ###", "+34 91 N## ## ##", "0034 6########", "6########", "954 ## ## ##", "96 N## ## ##"],
    "it-IT": ["06 N### ####", "02 N### ####", "011 N## ####", "055 N######", "3N# N######", "3N# N## ####",
              "3N#-N######", "+39 3N# N######", "+39 06 N### ####", "0039 3N# N## ####", "081 N## ## ##",
              "3N#/N######"],
    "nl-NL": ["020 N## ####", "020-N######", "010-N######", "030 N## ## ##", "06-N#######", "06 N### ####",
              "06 - N# ## ## ##", "+31 6 N#######", "+31 (0)20 N## ####", "0031 6 N### ####", "070 N## ## ##",
              "+31 (0)6 N## ## ###"],
    "pt-PT": ["21 N## ####", "22 N## ####", "2N# ### ###", "91# ### ###", "93# ### ###", "96########",
              "+351 91# ### ###", "+351 21 N## ####", "00351 96# ### ###", "92# ## ## ##"],
    "pt-BR": ["(11) 9####-####", "(21) N###-####", "(31) 9 ####-####", "11 9####-####", "+55 11 9####-####",
              "+55 (21) 9####-####", "(11) 3###-####", "(0xx11) 9####-####", "61 9 ####-####", "(51)9####-####"],
    "pl-PL": ["22 N## ## ##", "(22) N## ## ##", "12 N## ## ##", "5## ### ###", "6## ### ###", "7## ### ###",
              "8## ### ###", "5##-###-###", "+48 5## ### ###", "+48 22 N## ## ##", "0048 6########", "(+48) 7## ### ###"],
    "et-EE": ["5### ####", "5## ####", "5#######", "6## ####", "7## ####", "+372 5### ####", "+372 6## ####",
              "00372 5## ####", "(+372) 5### ####"],
    "sv-SE": ["08-N## ## ##", "08-N## ### ##", "070-N## ## ##", "073-N## ## ##", "031-N## ## ##", "070 N## ## ##",
              "+46 70 N## ## ##", "+46 (0)8 N## ## ##", "0046 73 N## ## ##", "046-## ## ##"],
    "nb-NO": ["N# ## ## ##", "4## ## ###", "9## ## ###", "2# ## ## ##", "+47 4## ## ###", "+47 9## ## ###",
              "0047 2# ## ## ##", "4########"],
    "da-DK": ["N# ## ## ##", "N#######", "+45 N# ## ## ##", "+45 N#######", "0045 N# ## ## ##", "3# ## ## ##"],
    "fi-FI": ["09 N## ###", "09 N### ####", "040 N## ####", "050 N## ## ##", "045 N######", "044-N## ####",
              "+358 40 N## ####", "+358 (0)9 N### ####", "00358 50 N## ####", "+358 44 N######"],
}

# how people mark an extension, per language (kept inside the PHONE span: it is part of the number)
EXTENSIONS: dict[str, list[str]] = {
    "en": [" ext. ###", " ext ##", " x###", " extension ##"],
    "de": [" Durchwahl ##", " App. ##", "-###", " DW ##"],
    "fr": [" poste ###", " p. ##"],
    "es": [" ext. ###", " extensión ##"],
    "it": [" int. ##", " interno ###"],
    "nl": [" toestel ###", " tst. ##"],
    "pt": [" ramal ###", " extensão ##"],
    "pl": [" wew. ###"],
    "sv": [" anknytning ###"],
}

_SPOKEN = {"0": "oh", "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
           "8": "eight", "9": "nine"}


def fill(pattern: str, rng: random.Random) -> str:
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "N":
            out.append(str(rng.randrange(2, 10)))
        else:
            out.append(ch)
    return "".join(out)


def phone(locale: str, rng: random.Random, *, extension: bool = False) -> str:
    """A phone number of ``locale`` in one of the ways people write it; with an extension when asked."""
    number = fill(rng.choice(PATTERNS[locale]), rng)
    if extension:
        lang = locale.split("-")[0]
        ext = EXTENSIONS.get(lang, EXTENSIONS["en"])
        number += fill(rng.choice(ext), rng)
    return number


def spoken_uk_mobile(rng: random.Random) -> str:
    """A mobile number read out in words ("oh seven nine ..."): chat users do this to dodge filters. Labelled
    PHONE like any other: it is the number."""
    digits = fill("07N########", rng)
    groups = [digits[:5], digits[5:8], digits[8:]]
    return ", ".join(" ".join(_SPOKEN[d] for d in g) for g in groups)
