"""One conversation, built from its :class:`~tunehouse.synthetic.records.Spec`.

The planner (main RNG) fixes a Spec; everything else is drawn from the conversation's own RNG, in an
order that does not depend on PII values, so re-building with a renamed persona yields the same
conversation with only the name/email changed. That order is also what keeps a seed's files
byte-identical: any change here that draws a number more, less or earlier changes every later
conversation.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from tunehouse.synthetic import pools as D
from tunehouse.synthetic.edits import garbage, mojibake, quoted, typo_edit
from tunehouse.synthetic.rates import (
    CSAT_MISSING,
    GARBAGE_RATES,
    MAX_MESSAGES,
    MOJIBAKE_RATE,
    START,
)
from tunehouse.synthetic.records import Conv, Msg, Spec
from tunehouse.synthetic.segments import keep, lit, pii, place, render, seg_map, text_of
from tunehouse.synthetic.values import format_date, format_price, format_time


def build(spec: Spec) -> Conv:
    msgs, csat = ConversationBuilder(spec).build()
    return Conv(spec, msgs, csat, spec.start)


class ConversationBuilder:
    def __init__(self, spec: Spec):
        self.s = spec
        self.r = random.Random(spec.seed)
        self.lang = "en" if spec.foreign else spec.lang
        self.T = D.TEXTS[self.lang]
        self.msgs: list[Msg] = []
        self.agent_def = spec.agent
        self.greeted: set[str] = set()
        self.elapsed = 0
        chat = spec.channel != "email"
        self.p_lower = 0.45 if spec.channel == "whatsapp" else 0.12
        self.p_emoji = {"whatsapp": 0.3, "app": 0.1}.get(spec.channel, 0.02)
        self.reply_gap = (20, 900) if chat else (1800, 100_000)
        self.answer_gap = (15, 400) if chat else (3600, 80_000)
        self.ctx = self._context()

    # -- slot values -----------------------------------------------------------------------
    def _context(self) -> dict[str, list[tuple]]:
        """Every template slot's segments for this conversation (see :mod:`tunehouse.synthetic.pools`)."""
        r, s, p = self.r, self.s, self.s.persona
        dest, dest2 = r.sample(D.DESTINATIONS, 2)
        airline, code = r.choice(D.AIRLINES)
        travel = START + timedelta(seconds=s.start, days=r.randint(3, 200))
        travel2 = travel + timedelta(days=r.randint(1, 21))
        hotel = self._hotel(dest)
        name_lower = r.random() < 0.1  # "my name is maria gonzalez"
        ctx = self._pii_slots(name_lower)
        ctx.update(self._place_slots(dest, dest2, airline, hotel))
        ctx.update(self._travel_slots(code, travel, travel2))
        ctx.update(title=lit(p.title), asks=lit(""))
        if p.iban:
            ctx["iban"] = pii(p.iban, "iban")
        if p.ssn:
            ctx["ssn"] = pii(p.ssn, "ssn")
        return ctx

    def _hotel(self, dest: tuple) -> str:
        """A named hotel of the destination, or a chain with or without the city appended."""
        r = self.r
        named = D.NAMED_HOTELS.get(dest[0], [])
        h1, h2, chain = r.random(), r.random(), r.choice(D.HOTEL_CHAINS)
        if named and h1 < 0.5:
            return named[int(h2 * len(named))]
        return f"{chain} {dest[2].get('en', dest[0])}" if h2 < 0.6 else chain

    def _pii_slots(self, name_lower: bool) -> dict[str, list[tuple]]:
        p = self.s.persona
        return {
            "name": pii(p.full.lower() if name_lower else p.full, "name"),
            "first": pii(p.first, "first"), "last": pii(p.last, "last"),
            "agent": pii(self.agent_def["name"], "agent", who="agent"),
            "email": pii(p.email, "email"), "phone": pii(p.phone, "phone"), "card": pii(p.card, "card"),
            "ip": pii(p.ip, "ip"), "address": pii(p.address, "address"), "passport": pii(p.passport, "passport"),
            "dob": pii(p.dob, "dob"), "ref": pii(p.ref, "ref"), "pnr": pii(p.pnr, "pnr"),
        }

    def _place_slots(self, dest: tuple, dest2: tuple, airline: str, hotel: str) -> dict[str, list[tuple]]:
        L, li = self.lang, D.LANG_INDEX[self.lang]
        return {
            "city": place(dest[2].get(L, dest[0]), "city"), "city2": place(dest2[2].get(L, dest2[0]), "city"),
            "country": place(D.COUNTRIES[dest[1]][li], "country"),
            "home_country": place(D.COUNTRIES[self.s.persona.country][li], "country"),
            "airline": place(airline, "airline"), "hotel": place(hotel, "hotel"),
        }

    def _travel_slots(self, code: str, travel: datetime, travel2: datetime) -> dict[str, list[tuple]]:
        """Flight numbers, prices, dates, times, gates... drawn in this order (the dict literal's)."""
        r, L = self.r, self.lang
        return {
            "flight": keep(f"{code}{r.choice([' ', ''])}{r.choice([r.randint(1, 999), r.randint(1000, 9999)])}", "flight"),
            "price": keep(format_price(r, L), "price"), "price2": keep(format_price(r, L), "price"),
            "date": keep(format_date(r, travel, L, year=False), "date"),
            "date2": keep(format_date(r, travel2, L, year=False), "date"),
            "time": keep(format_time(r, L), "time"),
            "gate": keep(f"{r.choice('ABCDEFGK')}{r.randint(1, 60)}", "gate"),
            "terminal": keep(r.choice(["1", "2", "3", "4", "5", "2E", "1A"]), "terminal"),
            "seat": keep(f"{r.randint(1, 38)}{r.choice('ABCDEF')}", "seat"),
            "last4": keep(f"{r.randrange(10000):04d}", "last4"),
        }

    # -- rows --------------------------------------------------------------------------------
    def add(self, sender: str, segs: list[tuple] | None, gap: tuple[int, int] | int, agent_id: str | None = None,
            tag: str | None = None) -> None:
        g = gap if isinstance(gap, int) else self.r.randint(*gap)
        self.elapsed += g
        self.msgs.append(Msg(sender, agent_id, g, segs, tag))

    def system(self, key: str, agent_id: str = "") -> None:
        self.add("system", lit(D.SYSTEM_TEXTS[key].format(agent_id=agent_id)), (0, 5))

    def pick(self, key: str) -> list[tuple]:
        return render(self.r.choice(self.T[key]), self.ctx)

    def customer(self, segs: list[tuple], gap=None, tag: str | None = None) -> None:
        r = self.r
        lower, caps, typo, emoji, quote = r.random(), r.random(), r.random(), r.random(), r.random()
        if tag is None:  # typing habits, drawn unconditionally so re-builds stay in step
            if lower < self.p_lower:
                segs = seg_map(segs, str.lower)
            elif caps < 0.3 and self.s.topic == "complaint":
                segs = seg_map(segs, str.upper, pii_too=False)
            if typo < 0.15:
                segs = typo_edit(r, segs)
            if emoji < self.p_emoji:
                segs = segs + lit(r.choice(D.EMOJI_TAIL))
            if self.s.channel == "email":
                segs = self._as_email(segs, quote)
        if gap is None:
            last = self.msgs[-1].sender if self.msgs else None
            gap = (30, 600) if last == "customer" else self.answer_gap if last == "agent" else (2, 60)
        self.add("customer", segs, gap, tag=tag)

    def _as_email(self, segs: list[tuple], quote: float) -> list[tuple]:
        """Salutation and signature around the text; sometimes the agent's last reply quoted below."""
        segs = self.pick("email_open") + segs + self.pick("email_close")
        prev = next((m for m in reversed(self.msgs) if m.sender == "agent" and m.segs), None)
        if prev is not None and quote < 0.35:
            when = (START + timedelta(seconds=self.s.start + self.elapsed)).strftime("%Y-%m-%d %H:%M")
            segs = segs + lit("\n\n" + self.T["quote"].format(date=when) + "\n") + quoted(prev.segs)
        return segs

    # -- agent replies, by style -------------------------------------------------------------
    def agent(self, kind: str, body: list[tuple] | None = None, steps: list[list[tuple]] | None = None) -> None:
        """An agent reply of `kind` (ask|resolve|answer|goodbye) in the current agent's style."""
        r, a = self.r, self.agent_def
        self.ctx["agent"] = pii(a["name"], "agent", who="agent")
        d = [r.random() for _ in range(4)]
        style = a["style"] if (a["style"] != "rude" or self.lang == "en") else "terse"
        tag = None
        if style == "broken" and d[0] < 0.35:
            segs, tag = lit(r.choice(D.ERROR_TEXTS)), "error_text"
        elif style == "canned":
            segs = self.pick("canned")
        elif style == "terse":
            segs = self._terse(kind, body, d)
        elif style == "rude":
            segs = self._rude(kind, body, d)
        elif style in ("ok", "broken"):
            segs = self._ok(kind, body, steps, d)
        else:
            segs = self._house(kind, body, steps, d)
        self.add("agent", segs, self.reply_gap, agent_id=a["id"], tag=tag)

    def _terse(self, kind: str, body: list[tuple] | None, d: list[float]) -> list[tuple]:
        if kind == "ask" and d[1] < 0.5:
            return self.ctx["asks"] + lit("?")
        if kind in ("resolve", "answer") and body and d[1] < 0.4:
            return body
        return self.pick("terse")

    def _rude(self, kind: str, body: list[tuple] | None, d: list[float]) -> list[tuple]:
        if kind == "ask":
            return render(self.T["rude_ask"], self.ctx)
        if kind == "goodbye":
            return self.pick("rude_bye")
        return self.pick("rude") + (lit(" ") + body if body and d[1] < 0.4 else [])

    def _ok(self, kind: str, body: list[tuple] | None, steps: list[list[tuple]] | None, d: list[float]) -> list[tuple]:
        opener = self.pick("ok_thanks") + lit(" ") if d[1] < 0.4 and kind != "goodbye" else []
        if kind == "ask":
            return opener + self.pick("ask")
        if kind == "goodbye":
            return self.pick("ok_bye")
        segs = opener + (body or [])
        if steps and d[2] < 0.5:
            segs = segs + lit(" ") + steps[0]
        return segs

    def _house(self, kind: str, body: list[tuple] | None, steps: list[list[tuple]] | None,
               d: list[float]) -> list[tuple]:
        """House style: greeting by name, empathy, numbered steps, sign-off."""
        a, email = self.agent_def, self.s.channel == "email"
        segs = []
        if a["id"] not in self.greeted and kind != "goodbye":
            self.greeted.add(a["id"])
            segs = self.pick("agent_email_open" if email else "greet")
            segs = segs + lit("" if email else (" " if d[1] < 0.5 else "\n"))
        if kind == "ask":
            segs = segs + self.pick("empathy") + lit(" ") + self.pick("ask")
        elif kind == "goodbye":
            segs = segs + self.pick("goodbye")
        else:
            if kind == "resolve" and d[2] < 0.6:
                segs = segs + self.pick("empathy") + lit(" ")
            segs = segs + (body or [])
            if steps:
                segs = segs + lit("\n\n") + self.pick("steps_intro")
                for i, st in enumerate(steps, 1):
                    segs = segs + lit(f"\n{i}. ") + st
            segs = segs + lit("\n\n" if steps else " ") + self.pick("close_q")
        if d[3] < 0.5:
            segs = segs + lit("\n\n") + self.pick("agent_sign")
        return segs + lit("\n" + D.SIGNOFF)

    # -- the conversation ------------------------------------------------------------------
    def build(self) -> tuple[list[Msg], int | None]:
        s = self.s
        self._opening()
        if s.foreign:
            return self._unsupported_language()
        if s.shape == "no_agent":
            return self._unattended()
        if self.r.random() < 0.25:
            self.system("assigned", self.agent_def["id"])
        self._exchange_details()
        steps = [render(x, self.ctx) for x in self.r.sample(self.T["steps"][s.topic], min(3, len(self.T["steps"][s.topic])))]
        self.agent("resolve", render(self.r.choice(self.T["resolve"][s.topic]), self.ctx), steps)
        last_q = self._follow_ups()
        if s.shape == "unanswered":
            self.customer(render(last_q[0], self.ctx))
            return self.finish(agent_style=s.agent["style"])
        return self._closing()

    def _opening(self) -> None:
        """Bot greeting, system rows, the customer's first message (and a pasted log or a nudge)."""
        r, s, T, ctx = self.r, self.s, self.T, self.ctx
        if s.channel in ("web", "app") and r.random() < 0.35:
            self.add("bot", self.pick("bot"), (0, 3))
        if r.random() < 0.12:
            self.system("joined")
        visitor, browser, page, tmpl = r.random(), r.choice(D.BROWSERS), r.choice(D.PAGES), r.choice(D.VISITOR_INFO)
        if s.channel == "web" and visitor < 0.25:
            self.add("system", render(tmpl.replace("{browser}", browser).replace("{page}", page), self.ctx), (0, 2))
        if s.foreign:
            opener = render(r.choice(D.FOREIGN_OPENERS[s.foreign]), ctx)
        else:
            opener = render(r.choice(T["opener"][s.topic]), ctx)
        if r.random() < 0.25 and not s.foreign:  # introduces themselves
            opener = render(r.choice(T["details"]["name"]), ctx) + lit(" ") + opener
        self.customer(opener)
        if s.long_message:
            self.customer(self.pasted_log(), gap=(20, 120), tag="long")
        if r.random() < 0.08:
            self.customer(self.pick("nudge"))

    def _unsupported_language(self) -> tuple[list[Msg], int | None]:
        self.add("agent", lit(D.UNSUPPORTED_REPLY), self.reply_gap, agent_id=self.agent_def["id"])
        if self.r.random() < 0.5:
            self.customer(lit(self.r.choice(D.EMOJI_ONLY)), tag="emoji_only")
        return self.finish(agent_style=self.agent_def["style"])

    def _unattended(self) -> tuple[list[Msg], int | None]:
        """Nobody answers: maybe a busy bot, a nudge, maybe closed for inactivity."""
        if self.r.random() < 0.5:
            self.add("bot", self.pick("bot_busy"), (1, 5))
        self.customer(self.pick("nudge"))
        if self.r.random() < 0.3:
            self.system("idle")
        return self.finish(agent_style="none")

    def _exchange_details(self) -> None:
        """Mostly: the agent asks for the topic's details and the customer hands (some of) them over,
        sometimes with more than asked for."""
        r, s, T, ctx = self.r, self.s, self.T, self.ctx
        wanted = [x for x in D.TOPIC_DETAILS[s.topic] if x in ctx or x == "iban"]
        wanted = [("iban" if "iban" in ctx else "card") if x == "iban" else x for x in wanted]
        extra = r.choice([x for x in D.OVERSHARE if x in ctx])
        if r.random() >= 0.8:
            return
        nouns = [T["nouns"][x] for x in wanted]
        ctx["asks"] = lit(", ".join(nouns[:-1]) + f" {T['and']} " + nouns[-1] if len(nouns) > 1 else nouns[0])
        self.agent("ask")
        given = wanted if r.random() < 0.6 else r.sample(wanted, max(1, len(wanted) - 1))
        if r.random() < 0.25 and extra not in given:
            given = given + [extra]
        sep = r.choice([" ", " ", "\n", ", "])
        segs: list[tuple] = []
        if "dob" in given and "ssn" in ctx and r.random() < 0.35:  # US customers add their SSN
            given = given + ["ssn"]
        for i, slot in enumerate(r.sample(given, len(given))):
            segs = segs + (lit(sep) if i else []) + render(r.choice(T["details"][slot]), ctx)
        self.customer(segs)

    def _follow_ups(self) -> tuple[str, str]:
        """Follow-up questions and answers (a hand-over to another agent first, if planned); returns the
        last question, held back for the ending."""
        r, s, T, ctx = self.r, self.s, self.T, self.ctx
        k = r.choices([0, 1, 2, 3, 4], [35, 30, 20, 10, 5])[0] + 1
        pairs = r.sample(T["followups"], min(k, len(T["followups"])))
        last_q = pairs.pop()
        if s.handoff:
            others = [a for a in D.AGENTS if a["style"] == "house" and self.lang in a["langs"] and a is not s.agent]
            self.agent_def = r.choice(others)
            self.system("transfer", self.agent_def["id"])
        for q, a in pairs:
            self.customer(render(q, ctx))
            self.agent("answer", render(a, ctx))
        return last_q

    def _closing(self) -> tuple[list[Msg], int | None]:
        r, s = self.r, self.s
        unhappy = {"house": 0.1, "ok": 0.2}.get(s.agent["style"], 0.5)
        self.customer(self.pick("unhappy" if r.random() < unhappy else "thanks"))
        if r.random() < 0.7:
            self.agent("goodbye")
        if r.random() < 0.08:
            self.system("left")
        return self.finish(agent_style=s.agent["style"])

    def pasted_log(self) -> list[tuple]:
        """A >20k character paste of a browser/app log; the customer's IP recurs in it."""
        r = self.r
        segs = lit(r.choice(["here is the error log:\n", "Console output below\n\n", "log:\n"]))
        size, target = 0, r.randint(20_500, 36_000)
        t = START + timedelta(seconds=self.s.start)
        while size < target:
            t += timedelta(milliseconds=r.randint(5, 4000))
            ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"
            if r.random() < 0.12:
                line = [(f"{ts} WARN  [edge] client=", None, None, None), *self.ctx["ip"],
                        (" POST /api/v2/payments 403 rate_limited\n", None, None, None)]
                size += 80  # fixed, so the number of draws does not depend on the IP's length
            else:
                level = r.choice(["INFO ", "INFO ", "DEBUG", "ERROR"])
                comp = r.choice(["checkout", "search", "auth", "cdn", "booking-svc"])
                path = r.choice(["/api/v2/bookings/search", "/static/app.js", "/api/v2/cart", "/health", "/api/v2/fx"])
                line = lit(f"{ts} {level} [{comp}] req={r.getrandbits(32):08x} GET {path} "
                           f"{r.choice([200, 200, 200, 304, 500, 502])} {r.randint(3, 2500)}ms\n")
                size += len(line[0][0])
            segs.extend(line)
        return segs

    # -- the end: garbage, mojibake, length cap, rating ----------------------------------------
    def finish(self, agent_style: str) -> tuple[list[Msg], int | None]:
        out = self._with_garbage(self.msgs)
        if len(out) > MAX_MESSAGES:
            out = out[:MAX_MESSAGES]
        if not any(m.sender == "agent" for m in out):
            agent_style = "none"
        return out, self._csat(agent_style)

    def _with_garbage(self, msgs: list[Msg]) -> list[Msg]:
        """Garbage after customer messages, and mojibake; one draw per message either way. Then the
        conversation's forced garbage kind, if it did not come up by chance."""
        r = self.r
        out: list[Msg] = []
        moji = MOJIBAKE_RATE * (1 if self.lang == "en" else 3)
        for m in msgs:
            g, mb, pick = r.random(), r.random(), r.random()
            if mb < moji and m.segs and m.sender in ("customer", "agent") and m.tag is None:
                new = seg_map(m.segs, mojibake)
                if text_of(new) != text_of(m.segs):
                    m = Msg(m.sender, m.agent_id, m.gap, new, "mojibake")
            out.append(m)
            if m.sender != "customer":
                continue
            acc = 0.0
            for kind, p in GARBAGE_RATES:
                acc += p
                if g < acc:
                    out.append(Msg("customer", None, r.randint(1, 30), garbage(r, kind, pick), kind))
                    break
        first = next((i for i, m in enumerate(out) if m.sender == "customer"), None)
        kind = self.s.force_garbage
        if kind and first is not None and not any(m.tag == kind for m in out):
            out.insert(first + 1, Msg("customer", None, r.randint(1, 30), garbage(r, kind, r.random()), kind))
        return out

    def _csat(self, agent_style: str) -> int | None:
        """The rating follows the agent's style; complaints end worse whoever answers; often missing."""
        r = self.r
        w, missing, shift = r.choices(range(1, 6), D.CSAT_WEIGHTS[agent_style])[0], r.random(), r.random()
        if self.s.topic == "complaint" and shift < 0.4:
            w = max(1, w - 1)
        return None if missing < (0.7 if agent_style == "none" else CSAT_MISSING) else w
