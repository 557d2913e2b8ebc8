"""Hand labels of the false-positive set: real chat lines, read one by one.

The lines are ``sources.sample(irc_lines(), 200)`` and ``sources.sample(<chatterbot lines with a capital
after a blank>, 70, "fp")``; each is keyed by ``sources.line_key`` (first 8 hex digits of the SHA-1 of its
text). A line that is not listed in ``PII`` has no private PII: that was decided by reading it, not by
default. How the lines were labelled:

* PERSON: a private person named in the line (a participant, a friend, a name on a fridge note).
* USERNAME: an IRC nick of a participant, wherever it stands ("Knghtbrd:", "joy/elmo:", "ask cosmicray"),
  and the user part of a shell prompt. Nicks are what identifies people in that chat.
* EMAIL: any e-mail address, even a public figure's.
* ``NEUTRAL``: public figures (authors, musicians, politicians) and words that may or may not be a nick
  ("dpkg" answering as a bot, "SomeLamer" as a made-up nick). The scorer neither rewards nor penalises
  their replacement.
* Everything else that is capitalised (sentence starts, titles, products, places, languages, fictional
  characters such as Spock or Peter Parker) is ``keep``: derived by ``records.capitalised_outside``.
"""

from __future__ import annotations

U, P, E = "USERNAME", "PERSON", "EMAIL"

PII: dict[str, list[tuple[str, str]]] = {
    # ---------------------------------------------------------------- IRC (fortunes: knghtbrd, linux, debian)
    "00bbbcd9": [(U, "Kysh"), (U, "wichert"), (U, "gecko"), (U, "joeyh"), (U, "Knghtbrd")],
    "022f362e": [(U, "Crow")],
    "027ba06e": [(U, "Mercury")],
    "03771712": [(U, "RoboHak")],
    "04526d3a": [(U, "jgoerzen")],
    "04918343": [(U, "CJ|BiZKiT-0-")],
    "05d7c925": [(U, "dackel")],
    "09f1e399": [(U, "elmo")],
    "0ab4bd83": [(U, "dunham")],
    "0b0f2a4b": [(U, "calc")],
    "0c163da4": [(U, "Knghtbrd")],
    "0c99b509": [(U, "Knghtbrd")],
    "0e484e07": [(U, "Culus")],
    "0f2628df": [(U, "knghtbrd")],
    "110cc914": [(P, "Manoj")],
    "1273d196": [(U, "calc")],
    "13be7ed5": [(U, "doogie")],
    "14546f14": [(U, "Diziet"), (U, "CQ")],
    "146f245c": [(U, "seeS")],
    "153c7d10": [(U, "Knghtbrd")],
    "15e7ca33": [(U, "joshk")],
    "15eac970": [(U, "Knghtbrd")],
    "15fc23b0": [(U, "taniwha")],
    "16d38bb3": [(U, "posix")],
    "18bc2f5e": [(U, "shaleh")],
    "18d0a4ad": [(U, "knightbrd")],
    "1a9bd986": [(U, "cosmicray"), (P, "Ben")],
    "1ae6e7d4": [(U, "Knghtbrd")],
    "1bac0a1c": [(U, "doogie")],
    "1c8709c3": [(U, "LordHavoc")],
    "1d9a8e4a": [(U, "kb")],
    "222ddc82": [(U, "danpat")],
    "227e49ae": [(U, "Knghtbrd")],
    "2493c1e7": [(U, "taniwha")],
    "29ced048": [(U, "Overfiend")],
    "29d6edf0": [(U, "aj")],
    "29f990e3": [(U, "Joy")],
    "2c7eee4b": [(U, "Mercury")],
    "2d4e2ae1": [(U, "c90")],
    "2e235aff": [(U, "joy"), (U, "elmo")],
    "2e40ce57": [(U, "gecko")],
    "2ee3eeab": [(U, "Knghtbrd")],
    "31470397": [(U, "cerb")],
    "330765b1": [(U, "knght")],
    "33d398b3": [(U, "culus")],
    "34e1e4e3": [(U, "netgod")],
    "36a629c3": [(U, "Solver_")],
    "37920fbd": [(U, "Mercury")],
    "37a7722b": [(P, "James")],
    "391eca4e": [(U, "Knghtbrd")],
    "3a41b7e4": [(U, "Knghtbrd")],
    "3ad17874": [(U, "Knghtbrd")],
    "3bddc9bd": [(U, "KB")],
    "3cb078fd": [(E, "bill.gates@microsoft.com")],
    "41522682": [(P, "Brian")],
    "41770a20": [(U, "mariab")],
    "437c9641": [(U, "dackel")],
    "4422074b": [(U, "xtifr")],
    "45044ed0": [(U, "Joy")],
    "45b82670": [(U, "Fairlight")],
    "46c3059e": [(U, "Feanor")],
    "46f005db": [(U, "r0bert")],
    # ---------------------------------------------------------------- chatterbot-corpus
    "4ac1d64f": [(P, "Gregory")],
    "5dbb6cf5": [(P, "Malli"), (P, "Raghava")],
}

NEUTRAL: dict[str, list[str]] = {
    "04526d3a": ["stallman"],
    "1e557e9e": ["Wensleydale"],
    "30d7e91d": ["dpkg"],
    "3eb7cdbc": ["SomeLamer"],
    "81fd3ad6": ["Ray"],
    "684753a9": ["Maradona"],
    "d3a797a6": ["Hans Moravec"],
    "4c36b718": ["JK"],
    "541e0503": ["JK"],
    "8fc542b5": ["JK"],
    "5bfd8c8e": ["Philip K. Dick"],
    "437a3f61": ["Beethoven", "Beyoncé"],
    "9f2a4588": ["Piers Anthony"],
    "0ecfef19": ["Longfellow"],
}
