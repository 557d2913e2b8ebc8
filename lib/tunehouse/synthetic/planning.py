"""Planning: the main RNG decides who/what/when for every conversation (:func:`plan`), then which
conversations get copied as exact, renamed or near duplicates (:func:`plant_copies`). Quotas rather
than coin flips, so a small test run still has every shape."""

from __future__ import annotations

import random
from typing import Sequence

from tunehouse.synthetic import pools as D
from tunehouse.synthetic.builder import build
from tunehouse.synthetic.edits import near_edit
from tunehouse.synthetic.personas import PersonaPools, make_persona, rename_persona
from tunehouse.synthetic.rates import (
    FOREIGN_RATE,
    GARBAGE_RATES,
    HANDOFF_RATE,
    HOUR_WEIGHTS,
    LONG_MESSAGE_RATE,
    MISLABEL_RATE,
    NO_AGENT_RATE,
    SPAN_DAYS,
    UNANSWERED_RATE,
)
from tunehouse.synthetic.records import Conv, Spec
from tunehouse.synthetic.segments import text_of

FOREIGN_LOCALES = {"it": "it_IT", "pt": "pt_BR", "nl": "nl_NL", "pl": "pl_PL"}


def quota(rng: random.Random, pool: list[int], k: int) -> set[int]:
    return set(rng.sample(pool, min(max(k, 0), len(pool))))


def random_start(rng: random.Random) -> int:
    hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
    return rng.randrange(SPAN_DAYS) * 86400 + hour * 3600 + rng.randrange(3600)


def _allocate(rng: random.Random, weights: dict[str, float], n: int) -> list[str]:
    """Exactly proportional labels for n items (largest remainder), in random order."""
    total = sum(weights.values())
    exact = {k: n * w / total for k, w in weights.items()}
    counts = {k: int(v) for k, v in exact.items()}
    for k in sorted(exact, key=lambda k: counts[k] - exact[k])[: n - sum(counts.values())]:
        counts[k] += 1
    labels = [k for k in weights for _ in range(counts[k])]
    rng.shuffle(labels)
    return labels


def _shape_quotas(rng: random.Random, n: int, languages: Sequence[str]) -> dict:
    """Which conversations get which planted shape (index sets), and the forced garbage kinds."""
    idx = list(range(n))
    no_agent = quota(rng, idx, round(n * NO_AGENT_RATE))
    rest = [i for i in idx if i not in no_agent]
    unanswered = quota(rng, rest, round(n * UNANSWERED_RATE))
    handoff = quota(rng, rest, round(n * HANDOFF_RATE))
    long_msg = quota(rng, idx, max(1 if n >= 20 else 0, round(n * LONG_MESSAGE_RATE)))
    foreign = quota(rng, rest, round(n * FOREIGN_RATE)) if "en" in languages else set()
    forced = rng.sample([i for i in rest if i not in foreign], len(GARBAGE_RATES)) if n >= 50 else []
    force_garbage = {i: kind for i, (kind, _) in zip(forced, GARBAGE_RATES)}
    return {"no_agent": no_agent, "unanswered": unanswered, "handoff": handoff, "long": long_msg,
            "foreign": foreign, "force_garbage": force_garbage}


def plan(rng: random.Random, pools: PersonaPools, n: int, languages: Sequence[str]) -> list[Spec]:
    langs = [x for x in D.LANGUAGE_WEIGHTS if x in languages]
    lang_w = [D.LANGUAGE_WEIGHTS[x] for x in langs]
    topics = _allocate(rng, D.TOPIC_WEIGHTS, n)
    channels, channel_w = list(D.CHANNEL_WEIGHTS), list(D.CHANNEL_WEIGHTS.values())
    q = _shape_quotas(rng, n, languages)
    specs = []
    for i in range(n):
        lang = rng.choices(langs, lang_w)[0]
        tag, fl = lang, None
        if i in q["foreign"]:
            fl = rng.choice(sorted(D.FOREIGN_OPENERS))
            lang = tag = "en"
        elif lang != "en" and "en" in languages and rng.random() < MISLABEL_RATE:
            tag = "en"
        channel = rng.choices(channels, channel_w)[0]
        cands = [a for a in D.AGENTS if lang in a["langs"]]
        agent = rng.choices(cands, [a["load"] for a in cands])[0]
        can_handoff = any(a["style"] == "house" and a is not agent for a in cands)
        locale = FOREIGN_LOCALES[fl] if fl else rng.choices(*zip(*D.PERSONA_LOCALES[lang]))[0]
        persona = make_persona(rng, pools, locale, lang)
        specs.append(Spec(seed=rng.getrandbits(64), topic=topics[i], lang=lang, tag=tag, channel=channel, agent=agent,
                          start=random_start(rng), persona=persona,
                          shape="no_agent" if i in q["no_agent"] else "unanswered" if i in q["unanswered"] else "normal",
                          handoff=i in q["handoff"] and can_handoff, long_message=i in q["long"], foreign=fl,
                          force_garbage=q["force_garbage"].get(i)))
    return specs


def plant_copies(rng: random.Random, pools: PersonaPools, convs: list[Conv], n_exact: int, n_scrub: int,
                 n_near: int, tick) -> None:
    """Append near copies, renamed copies (exact after scrubbing) and exact copies to `convs`."""
    n_orig = len(convs)
    order = rng.sample(range(n_orig), n_orig)
    near_src = _near_copies(rng, convs, order, n_near, tick)
    rest = [i for i in order if i not in set(near_src)]
    scrub_src = _scrub_copies(rng, pools, convs, rest, n_scrub, tick)
    pool = [i for i in rest if i not in scrub_src] or list(range(n_orig))
    exact_src: list[int] = []
    for _ in range(n_exact):  # some originals get two copies: groups of three
        src_i = rng.choice(exact_src) if exact_src and rng.random() < 0.2 else rng.choice(pool)
        exact_src.append(src_i)
        src = convs[src_i]
        convs.append(Conv(src.spec, src.msgs, src.csat, random_start(rng), "exact_copy", src_i))
        tick()


def _near_copies(rng: random.Random, convs: list[Conv], order: list[int], n_near: int, tick) -> list[int]:
    """Near copies of the first editable originals in `order`; returns their sources."""
    near_src, pos = [], 0
    while len(near_src) < n_near and pos < len(order):
        src = convs[order[pos]]
        msgs = near_edit(rng, src.msgs, src.spec.lang)
        if msgs is not None:
            near_src.append(order[pos])
            convs.append(Conv(src.spec, msgs, src.csat, random_start(rng), "near_copy", order[pos]))
            tick()
        pos += 1
    return near_src


def _scrub_copies(rng: random.Random, pools: PersonaPools, convs: list[Conv], rest: list[int], n_scrub: int,
                  tick) -> set[int]:
    """Re-builds of originals under another customer name and e-mail; returns their sources."""
    scrub_src: set[int] = set()
    for src_i in rest:
        if len(scrub_src) == n_scrub:
            break
        src = convs[src_i]
        spec = Spec(**{**src.spec.__dict__, "persona": rename_persona(rng, pools, src.spec.persona)})
        copy = build(spec)
        assert [m.sender for m in copy.msgs] == [m.sender for m in src.msgs], "re-build drifted"
        if [text_of(m.segs) for m in copy.msgs] == [text_of(m.segs) for m in src.msgs]:
            continue  # name and email never came up: that would be a plain exact copy
        scrub_src.add(src_i)
        convs.append(Conv(spec, copy.msgs, copy.csat, random_start(rng), "scrub_copy", src_i))
        tick()
    return scrub_src
