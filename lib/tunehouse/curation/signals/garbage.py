"""Per-message garbage: is one chat message unusable text, and why (plain Python, no Spark).

``message_garbage(text, role) -> kind | None`` is strict for assistant replies (empty, no letters /
emoji only, one repeated character, keyboard mash, mojibake) and lenient for customers ("ok", "👍",
"??", an order number alone are normal chat; empty messages, keyboard mash, one repeated letter and
mojibake are not). The conversation signals UDF (:mod:`tunehouse.curation.signals.conversation`)
counts these per conversation; the quality stage turns the counts into drops.
"""

from __future__ import annotations

import re
from functools import lru_cache

# UTF-8 read as Latin-1/cp1252: a lead byte shown as Â Ã Ä Å Ð Ñ â (or ð Ÿ for emoji) followed by a
# continuation byte shown as \x80-\xbf or a cp1252 punctuation character: "Ã©", "â€™", "Å„", "ðŸ˜¡".
_CONT = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
         "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
_MOJIBAKE = re.compile(f"[\u00c2-\u00c5\u00d0\u00d1\u00e2][{_CONT}]|\u00f0\u0178|\u00ef\u00bb\u00bf|\ufffd")
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = set("aeiouyäöüàáâãåæèéêëìíîïòóôõøùúûœ")
_REPEAT_UNIT = re.compile(r"^(.{2,3})\1+$")


def _keyboard_runs() -> frozenset[str]:
    rows_top = ["qwertyuiop", "azertyuiop", "qwertzuiop"]
    rows_short = ["asdfghjklñ", "asdfghjklö", "qsdfghjklm", "zxcvbnm", "yxcvbnm", "wxcvbn"]
    runs = set()
    for rows, k in ((rows_top, 5), (rows_short, 4)):
        for row in rows:
            for r in (row, row[::-1]):
                runs.update(r[i:i + k] for i in range(len(r) - k + 1))
    return frozenset(runs)


_KEY_RUNS = _keyboard_runs()


@lru_cache(maxsize=200_000)
def _is_mash_token(t: str) -> bool:
    """A lower-cased letter token that looks like keys hit at random."""
    n = len(t)
    if n < 4:
        return False
    if any(t[i:i + 4] in _KEY_RUNS or t[i:i + 5] in _KEY_RUNS for i in range(n - 3)):
        return True
    if not t.isascii():
        return False
    vowels = sum(c in _VOWELS for c in t)
    if vowels == 0 and n >= 5 and len(set(t)) >= 3:
        return True
    m = _REPEAT_UNIT.match(t)
    if m and not any(c in _VOWELS for c in m.group(1)):
        return True
    return n >= 10 and (n - vowels) / n > 0.85


def _is_symbolic(s: str) -> bool:
    """Emoji / pictographs / symbols only (no letters, no digits)."""
    return not any(c.isalnum() for c in s) and any(ord(c) > 0x2000 for c in s)


def message_garbage(text: str | None, role: str) -> str | None:
    """Why a message is garbage, or None. Strict for assistant replies, lenient for users."""
    s = (text or "").strip()
    if not s:
        return "empty"
    if _MOJIBAKE.search(s):
        return "mojibake"
    n_letters = sum(map(str.isalpha, s))
    if not n_letters:
        if role != "assistant":
            return None  # "👍", "??", "48213": normal from a customer
        return "emoji_only" if _is_symbolic(s) else "no_letters"
    compact = "".join(s.split()).lower()
    if len(compact) >= 4 and len(set(compact)) == 1:
        return "repeated_char"
    mash = sum(len(w) for w in _WORD.findall(s.lower()) if _is_mash_token(w))
    if mash >= 4 and mash * 2 >= n_letters:
        return "keyboard_mash"
    return None


#: How each garbage kind reads in a drop's detail ("user message 2, keyboard mash: 'asdfgh'").
KIND_TEXT = {
    "empty": "empty", "mojibake": "mojibake", "emoji_only": "emoji only", "no_letters": "without letters",
    "repeated_char": "one repeated character", "keyboard_mash": "keyboard mash",
}
