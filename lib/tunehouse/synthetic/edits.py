"""Edits that make messages messy: typos, quoted replies, mojibake, garbage messages, and the small
changes that turn a conversation into a near duplicate. All keep the segments' labels, so the truth
offsets stay exact."""

from __future__ import annotations

import random
import re

from tunehouse.synthetic import pools as D
from tunehouse.synthetic.records import Msg
from tunehouse.synthetic.segments import lit, text_of


def mojibake(s: str) -> str:
    """UTF-8 bytes read as cp1252: the classic 'CafÃ©'."""
    return s.encode("utf-8").decode("cp1252", errors="replace")


def garbage(r: random.Random, kind: str, u: float) -> list[tuple] | None:
    if kind == "empty":
        return lit("")
    if kind == "whitespace":
        return lit(D.WHITESPACE[int(u * len(D.WHITESPACE))])
    if kind == "keyboard_mash":
        row = D.KEYBOARD_ROWS[int(u * len(D.KEYBOARD_ROWS))]
        return lit((row * 3)[: r.randint(5, 24)])
    if kind == "emoji_only":
        return lit(D.EMOJI_ONLY[int(u * len(D.EMOJI_ONLY))])
    if kind == "attachment":
        return lit(D.ATTACHMENTS[int(u * len(D.ATTACHMENTS))])
    return None  # null_text: an attachment-only row, text is null


def quoted(segs: list[tuple]) -> list[tuple]:
    out = [("> ", None, None, None)]
    for text, cat, label, who in segs:
        out.append((text if cat == "pii" else text.replace("\n", "\n> "), cat, label, who))
    return out


def typo_edit(r: random.Random, segs: list[tuple]) -> list[tuple]:
    """Swap two adjacent letters in a template part (never inside PII or place names)."""
    cands = [i for i, s in enumerate(segs) if s[1] is None and len(s[0]) >= 6]
    if not cands:
        return segs
    i = r.choice(cands)
    t = segs[i][0]
    pos = r.randrange(len(t) - 1)
    if t[pos].isalpha() and t[pos + 1].isalpha() and t[pos] != t[pos + 1]:
        t = t[:pos] + t[pos + 1] + t[pos] + t[pos + 2:]
    return segs[:i] + [(t, None, None, None)] + segs[i + 1:]


def _swap_word(segs: list[tuple]) -> list[tuple]:
    """The first of ``WORD_SWAPS`` found in a template part, swapped once."""
    for a, b in D.WORD_SWAPS:
        j = next((k for k, s in enumerate(segs) if s[1] is None and re.search(rf"\b{re.escape(a)}\b", s[0])), None)
        if j is not None:
            t = re.sub(rf"\b{re.escape(a)}\b", b, segs[j][0], count=1)
            return segs[:j] + [(t, None, None, None)] + segs[j + 1:]
    return segs


def _change_punctuation(segs: list[tuple]) -> list[tuple]:
    """The last template part ends with '!' instead of '.', or gains a '.'."""
    j = max(k for k, s in enumerate(segs) if s[1] is None and s[0].strip())
    t = segs[j][0].rstrip()
    t = t[:-1] + "!" if t.endswith(".") else t + "."
    return segs[:j] + [(t, None, None, None)] + segs[j + 1:]


def near_edit(r: random.Random, msgs: list[Msg], lang: str) -> list[Msg] | None:
    """A near duplicate: one or two messages get a small edit. None if nothing editable."""
    new = [Msg(m.sender, m.agent_id, m.gap, m.segs, m.tag) for m in msgs]
    cands = [i for i, m in enumerate(new) if m.sender in ("customer", "agent") and m.segs and m.tag is None
             and any(s[1] is None and len(s[0].strip()) >= 8 for s in m.segs)]
    if not cands:
        return None
    for i in r.sample(cands, min(len(cands), r.choice([1, 1, 2]))):
        segs, how = new[i].segs, r.choice(["swap", "punct", "sentence", "typo"])
        if how == "swap":
            segs = _swap_word(segs)
        elif how == "typo":
            segs = typo_edit(r, segs)
        elif how == "punct":
            segs = _change_punctuation(segs)
        else:
            segs = segs + lit(" " + r.choice(D.ADDED_SENTENCES[lang]))
        new[i].segs = segs
    if [text_of(m.segs) for m in new] == [text_of(m.segs) for m in msgs]:  # the edit was a no-op
        new[cands[0]].segs = new[cands[0]].segs + lit(" " + r.choice(D.ADDED_SENTENCES[lang]))
    return new
