"""Synthetic historical support-chat exports of "Wanderly Travel": the test data for curation.

``generate_logs(out_dir, conversations=1000, seed=7)`` writes what a helpdesk export looks like,
plus a ground-truth file to measure every curation stage against::

    out_dir/chat_export_part-0001.jsonl   one JSON object per message row (most conversations)
    out_dir/chat_export_part-0002.csv     the same columns as CSV (``csv_fraction`` of them)
    out_dir/truth/truth.json              ground truth (kept in a subfolder so a directory ingest
                                          of out_dir does not pick it up)

Row columns: conv_id, seq, sender (customer|agent|bot|system), agent_id (on agent rows, else null),
text, sent_at (``2024-03-05T10:22:31Z``), channel (web|app|whatsapp|email), lang, csat (1-5 or
null; a conversation attribute repeated on every row). JSONL rows are sorted by sent_at, so
conversations interleave; CSV rows are grouped by conversation, RFC 4180 quoting (doubled quotes,
newlines inside quoted fields; Spark needs ``multiLine`` and ``escape='"'``), nulls as empty fields.

What is planted (rates are of conversations unless said otherwise; quotas, not coin flips, so
small runs still contain every kind):

* Topics, skewed (exact shares of the originals): booking_change 30%, refund 20%, baggage 15%,
  visa 10%, destination_info 10%, insurance 5%, loyalty 4%, complaint 4%, payment_issue 1%,
  accessibility 0.6%, pet_travel 0.4%.
* Languages: en 70%, es 12%, fr 9%, de 9% (renormalised over ``languages``); 2% of non-English
  conversations are tagged "en" (mislabelled); 1% are customers writing it/pt/nl/pl, tagged "en".
* Channels web 45%, app 25%, whatsapp 18% (lower case, emoji), email 12% (salutations,
  signatures with name/phone, quoted replies).
* 11 agents (generate_data.AGENTS): 4 house style (greet by name, empathy, numbered steps,
  "— Wanderly Travel Support"), 2 ok, 2 terse, 1 rude, 1 canned ("We apologize for the
  inconvenience."), 1 broken (~35% of replies are "[ERROR] template not found", "undefined", ...).
  CSAT follows the agent's style (house mostly 4-5, poor 1-3), missing for ~30%.
* 2-14 messages; bot greeting ~35% of web/app chats, system rows in ~40%; 4% of conversations get
  no agent reply at all, 10% end with an unanswered customer question (~38% end on a customer
  row overall, e.g. a closing "thanks" nobody answers); 3% are handed over to a
  second (house style) agent.
* PII in natural sentences, recorded with exact offsets: PERSON (customer names from 16 Faker
  locales + tricky names, titles, typed in lower case; agents' own names in sign-offs), EMAIL,
  PHONE (national/international formats of 16 countries), CREDIT_CARD (Luhn-valid Visa/MC/Amex,
  grouped or not), IBAN (mod-97-valid, 10 countries, grouped or compact), SSN (US customers),
  IP_ADDRESS (v4, ~20% v6; also inside pasted logs), STREET_ADDRESS, PASSPORT, BOOKING_REF
  ("WT-8K3J9Q" and airline PNRs "X7QF2M"), DATE_OF_BIRTH (many formats, next to travel dates).
* Non-PII that must survive, also with offsets: cities (some are first names: Charlotte,
  Florence, Sydney...), countries, airlines ("Delta", "Swiss"), hotels ("Hilton Garden Inn
  Munich"), and flight numbers, prices, travel dates, times, gates, terminals, seats.
* Duplicates: 2% exact copies (same texts, new conv_id and time), 1% copies where only the
  customer's name and email differ (exact after scrubbing), 5% near copies (a word swapped,
  punctuation, a sentence added, a typo), 0.5% re-exported in both files under the same conv_id.
* Garbage messages (of customer messages): ~0.6% empty, 0.4% whitespace, 0.5% keyboard mash,
  1% emoji-only, 0.6% attachment placeholders, 0.2% null text (attachment-only rows, not
  malformed), 1% mojibake (3% in es/fr/de); every kind at least once from 50 conversations on;
  0.3% of conversations (at least one) hold a pasted log of >20k characters. Web chats may open
  with a system row carrying the visitor's IP address.
* Malformed rows (~1% of rows) for the ingestion quarantine, recorded with file and line:
  JSONL truncated_json, missing_sender, unknown_sender, seq_not_int, text_wrong_type,
  missing_conv_id, invalid_utf8; CSV unknown_sender, missing_sender, seq_not_int,
  missing_conv_id, wrong_column_count, invalid_utf8, repeated_header. A malformed row replaces
  the real row (its PII is then left out of the truth); duplicated conversations are never hit.
* Timestamps over 18 months (2023-07-01 .. 2024-12-31), business-hour heavy, strictly
  increasing inside a conversation.

truth.json (one list item per line) holds:

* ``pii``: ``{conv_id, seq, type, value, start, end, who}``; ``text[start:end] == value`` on the
  exported row (Python str offsets). ``who`` is "customer" or "agent" (an agent's own name).
  Titles are outside the span ("Dr. " + PERSON "Anna Schmidt"), so is "the " before a country.
* ``places``: ``{conv_id, seq, value, kind, start, end}``, kind city|country|airline|hotel;
  ``non_pii``: same shape, kind flight|price|date|time|gate|terminal|seat|last4.
* ``exact_duplicates``: groups of conv_ids whose (sender, text) sequences are identical;
  ``scrub_duplicates``: groups identical once every PII span is replaced by ``<TYPE>`` (a superset);
  ``near_duplicates``: planted ``[original, copy...]``; ``reexported``: conv_ids in both files.
  All computed over well-formed rows only.
* ``malformed``: ``{file, line, kind, conv_id, seq}``; line is 1-based and physical (for CSV the
  line a record starts on, the header being line 1).
* ``conversations``: ``{conv_id, topic, agent_id (first agent), agent_ids, house_style, csat,
  language (the column), true_language, channel, files, messages, ends_with, kind, duplicate_of}``.
* ``garbage``: ``{conv_id, seq, kind}``; ``agents``: id -> name, style, house_style, languages.

Deterministic: the same arguments give byte-identical files (one ``random.Random(seed)``, Faker
seeded per locale; no global RNG, no clock).
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Sequence

from tunehouse.synthetic import pools as D
from tunehouse.synthetic.pools import (
    Persona,
    PersonaPools,
    format_date,
    format_price,
    format_time,
    iban_ok,
    luhn_ok,
    make_persona,
    rename_persona,
)

__all__ = ["GenerateResult", "generate_logs", "iban_ok", "luhn_ok", "main"]

# ---------------------------------------------------------------------------------------------
# Rates (see the module docstring)
# ---------------------------------------------------------------------------------------------
EXACT_DUP_RATE = 0.02
SCRUB_DUP_RATE = 0.01
NEAR_DUP_RATE = 0.05
REEXPORT_RATE = 0.005
MALFORMED_ROW_RATE = 0.01
LONG_MESSAGE_RATE = 0.003
FOREIGN_RATE = 0.01
MISLABEL_RATE = 0.02
CSAT_MISSING = 0.30
NO_AGENT_RATE = 0.04
UNANSWERED_RATE = 0.10
HANDOFF_RATE = 0.03
# (kind, probability per customer message): garbage inserted right after a customer message.
GARBAGE_RATES = [("empty", 0.006), ("whitespace", 0.004), ("keyboard_mash", 0.005), ("emoji_only", 0.010),
                 ("attachment", 0.006), ("null_text", 0.002)]
MOJIBAKE_RATE = 0.01
MAX_MESSAGES = 14

START = datetime(2023, 7, 1, tzinfo=timezone.utc)
SPAN_DAYS = 549  # ~18 months
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 10, 10, 9, 8, 7, 6, 5, 4, 3, 2]

JSONL_NAME = "chat_export_part-0001.jsonl"
CSV_NAME = "chat_export_part-0002.csv"
COLUMNS = ["conv_id", "seq", "sender", "agent_id", "text", "sent_at", "channel", "lang", "csat"]
JSONL_MALFORMED = ["truncated_json", "missing_sender", "unknown_sender", "seq_not_int", "text_wrong_type",
                   "missing_conv_id", "invalid_utf8"]
CSV_MALFORMED = ["unknown_sender", "missing_sender", "seq_not_int", "missing_conv_id", "wrong_column_count",
                 "invalid_utf8", "repeated_header"]

PII_TYPES = {"name": "PERSON", "first": "PERSON", "last": "PERSON", "agent": "PERSON", "email": "EMAIL",
             "phone": "PHONE", "card": "CREDIT_CARD", "iban": "IBAN", "ssn": "SSN", "ip": "IP_ADDRESS",
             "address": "STREET_ADDRESS", "passport": "PASSPORT", "dob": "DATE_OF_BIRTH", "ref": "BOOKING_REF",
             "pnr": "BOOKING_REF"}


@dataclass
class GenerateResult:
    files: list[Path]          # raw export files written (jsonl, csv)
    truth_file: Path           # ground truth json
    conversations: int         # conversations generated (incl. planted dup copies)
    messages: int              # message rows written (incl. malformed ones)
    stats: dict = field(default_factory=dict)

    def summary(self) -> dict:
        return {"files": [str(p) for p in self.files], "truth_file": str(self.truth_file),
                "conversations": self.conversations, "messages": self.messages, **self.stats}


# ---------------------------------------------------------------------------------------------
# Segments: a message is a list of (text, category, label, who) pieces. Offsets are computed only
# when the final text is assembled, so any per-piece edit (lower-casing, mojibake, quoting) keeps
# the truth exact by construction.
# ---------------------------------------------------------------------------------------------

def lit(text: str) -> list[tuple]:
    return [(text, None, None, None)]


def pii(value: str, slot: str, who: str = "customer") -> list[tuple]:
    return [(value, "pii", PII_TYPES[slot], who)]


def place(value: str, kind: str) -> list[tuple]:
    if value.startswith("the "):  # "the UK": the article is not part of the name
        return [("the ", None, None, None), (value[4:], "place", kind, None)]
    return [(value, "place", kind, None)]


def keep(value: str, kind: str) -> list[tuple]:
    return [(value, "keep", kind, None)]


_SLOT = re.compile(r"\{([a-z_0-9]+)\}")
_PARSED: dict[str, list[tuple[str | None, str | None]]] = {}


def render(template: str, ctx: dict[str, list[tuple]]) -> list[tuple]:
    parts = _PARSED.get(template)
    if parts is None:
        parts, pos = [], 0
        for m in _SLOT.finditer(template):
            if m.start() > pos:
                parts.append((template[pos:m.start()], None))
            parts.append((None, m.group(1)))
            pos = m.end()
        if pos < len(template):
            parts.append((template[pos:], None))
        _PARSED[template] = parts
    out: list[tuple] = []
    for text, slot in parts:
        if slot is None:
            out.append((text, None, None, None))
        else:
            out.extend(ctx[slot])
    return out


def seg_map(segs: list[tuple], fn, pii_too: bool = True) -> list[tuple]:
    return [(fn(s[0]) if (pii_too or s[1] != "pii") else s[0], s[1], s[2], s[3]) for s in segs]


def text_of(segs: list[tuple] | None) -> str | None:
    return None if segs is None else "".join(s[0] for s in segs)


def mojibake(s: str) -> str:
    """UTF-8 bytes read as cp1252: the classic 'CafÃ©'."""
    return s.encode("utf-8").decode("cp1252", errors="replace")


# ---------------------------------------------------------------------------------------------
# One conversation. The planner (main RNG) fixes a Spec; everything else is drawn from the
# conversation's own RNG, in an order that does not depend on PII values, so re-building with a
# renamed persona yields the same conversation with only the name/email changed.
# ---------------------------------------------------------------------------------------------

class Msg:
    __slots__ = ("sender", "agent_id", "gap", "segs", "tag")

    def __init__(self, sender: str, agent_id: str | None, gap: int, segs: list[tuple] | None, tag: str | None = None):
        self.sender, self.agent_id, self.gap, self.segs, self.tag = sender, agent_id, gap, segs, tag


@dataclass
class Spec:
    seed: int
    topic: str
    lang: str                 # language the conversation is written in
    tag: str                  # the exported `lang` column (sometimes wrong)
    channel: str
    agent: dict
    start: int                # seconds after START
    persona: Persona
    shape: str = "normal"     # normal | no_agent | unanswered
    handoff: bool = False
    long_message: bool = False
    foreign: str | None = None  # it/pt/nl/pl: customer writes in a language the desk doesn't support
    force_garbage: str | None = None  # guarantees every garbage kind shows up in small runs


@dataclass
class Conv:
    spec: Spec
    msgs: list[Msg]
    csat: int | None
    start: int
    kind: str = "original"    # original | exact_copy | scrub_copy | near_copy
    source: int | None = None
    files: list[str] = field(default_factory=list)
    conv_id: str = ""


EMOJI_TAIL = [" 😊", " 🙏", " 😡", " ✈️", " 👍", " 😅", " 🙂"]


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
        r, s, p, L = self.r, self.s, self.s.persona, self.lang
        li = D.LANG_INDEX[L]
        dest, dest2 = r.sample(D.DESTINATIONS, 2)
        airline, code = r.choice(D.AIRLINES)
        travel = START + timedelta(seconds=s.start, days=r.randint(3, 200))
        travel2 = travel + timedelta(days=r.randint(1, 21))
        named = D.NAMED_HOTELS.get(dest[0], [])
        h1, h2, chain = r.random(), r.random(), r.choice(D.HOTEL_CHAINS)
        if named and h1 < 0.5:
            hotel = named[int(h2 * len(named))]
        else:
            hotel = f"{chain} {dest[2].get('en', dest[0])}" if h2 < 0.6 else chain
        name_lower = r.random() < 0.1  # "my name is maria gonzalez"
        ctx = {
            "name": pii(p.full.lower() if name_lower else p.full, "name"),
            "first": pii(p.first, "first"), "last": pii(p.last, "last"),
            "agent": pii(self.agent_def["name"], "agent", who="agent"),
            "email": pii(p.email, "email"), "phone": pii(p.phone, "phone"), "card": pii(p.card, "card"),
            "ip": pii(p.ip, "ip"), "address": pii(p.address, "address"), "passport": pii(p.passport, "passport"),
            "dob": pii(p.dob, "dob"), "ref": pii(p.ref, "ref"), "pnr": pii(p.pnr, "pnr"),
            "city": place(dest[2].get(L, dest[0]), "city"), "city2": place(dest2[2].get(L, dest2[0]), "city"),
            "country": place(D.COUNTRIES[dest[1]][li], "country"),
            "home_country": place(D.COUNTRIES[p.country][li], "country"),
            "airline": place(airline, "airline"), "hotel": place(hotel, "hotel"),
            "flight": keep(f"{code}{r.choice([' ', ''])}{r.choice([r.randint(1, 999), r.randint(1000, 9999)])}", "flight"),
            "price": keep(format_price(r, L), "price"), "price2": keep(format_price(r, L), "price"),
            "date": keep(format_date(r, travel, L, year=False), "date"),
            "date2": keep(format_date(r, travel2, L, year=False), "date"),
            "time": keep(format_time(r, L), "time"),
            "gate": keep(f"{r.choice('ABCDEFGK')}{r.randint(1, 60)}", "gate"),
            "terminal": keep(r.choice(["1", "2", "3", "4", "5", "2E", "1A"]), "terminal"),
            "seat": keep(f"{r.randint(1, 38)}{r.choice('ABCDEF')}", "seat"),
            "last4": keep(f"{r.randrange(10000):04d}", "last4"),
            "title": lit(p.title), "asks": lit(""),
        }
        if p.iban:
            ctx["iban"] = pii(p.iban, "iban")
        if p.ssn:
            ctx["ssn"] = pii(p.ssn, "ssn")
        return ctx

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
                segs = segs + lit(r.choice(EMOJI_TAIL))
            if self.s.channel == "email":
                segs = self.pick("email_open") + segs + self.pick("email_close")
                prev = next((m for m in reversed(self.msgs) if m.sender == "agent" and m.segs), None)
                if prev is not None and quote < 0.35:
                    when = (START + timedelta(seconds=self.s.start + self.elapsed)).strftime("%Y-%m-%d %H:%M")
                    segs = segs + lit("\n\n" + self.T["quote"].format(date=when) + "\n") + quoted(prev.segs)
        if gap is None:
            last = self.msgs[-1].sender if self.msgs else None
            gap = (30, 600) if last == "customer" else self.answer_gap if last == "agent" else (2, 60)
        self.add("customer", segs, gap, tag=tag)

    def agent(self, kind: str, body: list[tuple] | None = None, steps: list[list[tuple]] | None = None) -> None:
        """An agent reply of `kind` (ask|resolve|answer|goodbye) in the current agent's style."""
        r, T, a = self.r, self.T, self.agent_def
        self.ctx["agent"] = pii(a["name"], "agent", who="agent")
        d = [r.random() for _ in range(4)]
        style = a["style"] if (a["style"] != "rude" or self.lang == "en") else "terse"
        tag = None
        if style == "broken" and d[0] < 0.35:
            segs, tag = lit(r.choice(D.ERROR_TEXTS)), "error_text"
        elif style == "canned":
            segs = self.pick("canned")
        elif style == "terse":
            if kind == "ask" and d[1] < 0.5:
                segs = self.ctx["asks"] + lit("?")
            elif kind in ("resolve", "answer") and body and d[1] < 0.4:
                segs = body
            else:
                segs = self.pick("terse")
        elif style == "rude":
            if kind == "ask":
                segs = lit("I need your ") + self.ctx["asks"] + lit(". Obviously.")
            elif kind == "goodbye":
                segs = lit(r.choice(["Anything else? No? Ok.", "Bye.", "Is that all?"]))
            else:
                segs = self.pick("rude") + (lit(" ") + body if body and d[1] < 0.4 else [])
        elif style in ("ok", "broken"):
            opener = self.pick("ok_thanks") + lit(" ") if d[1] < 0.4 and kind != "goodbye" else []
            if kind == "ask":
                segs = opener + self.pick("ask")
            elif kind == "goodbye":
                segs = self.pick("ok_bye")
            else:
                segs = opener + (body or [])
                if steps and d[2] < 0.5:
                    segs = segs + lit(" ") + steps[0]
        else:  # house style: greeting by name, empathy, numbered steps, sign-off
            segs = []
            if a["id"] not in self.greeted and kind != "goodbye":
                self.greeted.add(a["id"])
                segs = self.pick("agent_email_open" if self.s.channel == "email" else "greet")
                segs = segs + lit("" if self.s.channel == "email" else (" " if d[1] < 0.5 else "\n"))
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
            segs = segs + lit("\n" + D.SIGNOFF)
        self.add("agent", segs, self.reply_gap, agent_id=a["id"], tag=tag)

    # -- the conversation ------------------------------------------------------------------
    def build(self) -> tuple[list[Msg], int | None]:
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
        if s.foreign:
            self.add("agent", lit(D.UNSUPPORTED_REPLY), self.reply_gap, agent_id=self.agent_def["id"])
            if r.random() < 0.5:
                self.customer(lit(r.choice(D.EMOJI_ONLY)), tag="emoji_only")
            return self.finish(agent_style=self.agent_def["style"])
        if s.shape == "no_agent":
            if r.random() < 0.5:
                self.add("bot", self.pick("bot_busy"), (1, 5))
            self.customer(self.pick("nudge"))
            if r.random() < 0.3:
                self.system("idle")
            return self.finish(agent_style="none")
        if r.random() < 0.25:
            self.system("assigned", self.agent_def["id"])

        wanted = [x for x in D.TOPIC_DETAILS[s.topic] if x in ctx or x == "iban"]
        wanted = [("iban" if "iban" in ctx else "card") if x == "iban" else x for x in wanted]
        extra = r.choice([x for x in D.OVERSHARE if x in ctx])
        if r.random() < 0.8:  # agent asks for details, customer hands them over
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
        steps = [render(x, ctx) for x in r.sample(T["steps"][s.topic], min(3, len(T["steps"][s.topic])))]
        self.agent("resolve", render(r.choice(T["resolve"][s.topic]), ctx), steps)
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
        if s.shape == "unanswered":
            self.customer(render(last_q[0], ctx))
            return self.finish(agent_style=s.agent["style"])
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
                        (f" POST /api/v2/payments 403 rate_limited\n", None, None, None)]
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

    def finish(self, agent_style: str) -> tuple[list[Msg], int | None]:
        r, msgs = self.r, self.msgs
        # Garbage after customer messages, and mojibake; one draw per message either way.
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
        if len(out) > MAX_MESSAGES:
            out = out[:MAX_MESSAGES]
        if not any(m.sender == "agent" for m in out):
            agent_style = "none"
        w, missing, shift = r.choices(range(1, 6), D.CSAT_WEIGHTS[agent_style])[0], r.random(), r.random()
        if self.s.topic == "complaint" and shift < 0.4:  # complaints end worse whoever answers
            w = max(1, w - 1)
        csat = None if missing < (0.7 if agent_style == "none" else CSAT_MISSING) else w
        return out, csat


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
            for a, b in D.WORD_SWAPS:
                j = next((k for k, s in enumerate(segs) if s[1] is None and re.search(rf"\b{re.escape(a)}\b", s[0])), None)
                if j is not None:
                    t = re.sub(rf"\b{re.escape(a)}\b", b, segs[j][0], count=1)
                    segs = segs[:j] + [(t, None, None, None)] + segs[j + 1:]
                    break
        elif how == "typo":
            segs = typo_edit(r, segs)
        elif how == "punct":
            j = max(k for k, s in enumerate(segs) if s[1] is None and s[0].strip())
            t = segs[j][0].rstrip()
            t = t[:-1] + "!" if t.endswith(".") else t + "."
            segs = segs[:j] + [(t, None, None, None)] + segs[j + 1:]
        else:
            segs = segs + lit(" " + r.choice(D.ADDED_SENTENCES[lang]))
        new[i].segs = segs
    if [text_of(m.segs) for m in new] == [text_of(m.segs) for m in msgs]:  # the edit was a no-op
        new[cands[0]].segs = new[cands[0]].segs + lit(" " + r.choice(D.ADDED_SENTENCES[lang]))
    return new


# ---------------------------------------------------------------------------------------------
# Planning: the main RNG decides who/what/when for every conversation, then the copies
# ---------------------------------------------------------------------------------------------

FOREIGN_LOCALES = {"it": "it_IT", "pt": "pt_BR", "nl": "nl_NL", "pl": "pl_PL"}


def _quota(rng: random.Random, pool: list[int], k: int) -> set[int]:
    return set(rng.sample(pool, min(max(k, 0), len(pool))))


def _random_start(rng: random.Random) -> int:
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


def plan(rng: random.Random, pools: PersonaPools, n: int, languages: Sequence[str]) -> list[Spec]:
    langs = [x for x in D.LANGUAGE_WEIGHTS if x in languages]
    lang_w = [D.LANGUAGE_WEIGHTS[x] for x in langs]
    topics = _allocate(rng, D.TOPIC_WEIGHTS, n)
    channels, channel_w = list(D.CHANNEL_WEIGHTS), list(D.CHANNEL_WEIGHTS.values())
    idx = list(range(n))
    # Quotas rather than coin flips: a 200-conversation test run still has every shape.
    no_agent = _quota(rng, idx, round(n * NO_AGENT_RATE))
    rest = [i for i in idx if i not in no_agent]
    unanswered = _quota(rng, rest, round(n * UNANSWERED_RATE))
    handoff = _quota(rng, rest, round(n * HANDOFF_RATE))
    long_msg = _quota(rng, idx, max(1 if n >= 20 else 0, round(n * LONG_MESSAGE_RATE)))
    foreign = _quota(rng, rest, round(n * FOREIGN_RATE)) if "en" in languages else set()
    forced = rng.sample([i for i in rest if i not in foreign], len(GARBAGE_RATES)) if n >= 50 else []
    force_garbage = {i: kind for i, (kind, _) in zip(forced, GARBAGE_RATES)}
    specs = []
    for i in idx:
        lang = rng.choices(langs, lang_w)[0]
        tag, fl = lang, None
        if i in foreign:
            fl = rng.choice(sorted(D.FOREIGN_OPENERS))
            lang = tag = "en"
        elif lang != "en" and "en" in languages and rng.random() < MISLABEL_RATE:
            tag = "en"
        topic = topics[i]
        channel = rng.choices(channels, channel_w)[0]
        cands = [a for a in D.AGENTS if lang in a["langs"]]
        agent = rng.choices(cands, [a["load"] for a in cands])[0]
        can_handoff = any(a["style"] == "house" and a is not agent for a in cands)
        locale = FOREIGN_LOCALES[fl] if fl else rng.choices(*zip(*D.PERSONA_LOCALES[lang]))[0]
        persona = make_persona(rng, pools, locale, lang)
        specs.append(Spec(seed=rng.getrandbits(64), topic=topic, lang=lang, tag=tag, channel=channel, agent=agent,
                          start=_random_start(rng), persona=persona,
                          shape="no_agent" if i in no_agent else "unanswered" if i in unanswered else "normal",
                          handoff=i in handoff and can_handoff, long_message=i in long_msg, foreign=fl,
                          force_garbage=force_garbage.get(i)))
    return specs


def build(spec: Spec) -> Conv:
    msgs, csat = ConversationBuilder(spec).build()
    return Conv(spec, msgs, csat, spec.start)


def plant_copies(rng: random.Random, pools: PersonaPools, convs: list[Conv], n_exact: int, n_scrub: int,
                 n_near: int, tick) -> None:
    """Append exact copies, renamed copies (exact after scrubbing) and near copies to `convs`."""
    n_orig = len(convs)
    order = rng.sample(range(n_orig), n_orig)
    near_src, pos = [], 0
    while len(near_src) < n_near and pos < len(order):
        src = convs[order[pos]]
        msgs = near_edit(rng, src.msgs, src.spec.lang)
        if msgs is not None:
            near_src.append(order[pos])
            convs.append(Conv(src.spec, msgs, src.csat, _random_start(rng), "near_copy", order[pos]))
            tick()
        pos += 1
    rest = [i for i in order if i not in set(near_src)]
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
        convs.append(Conv(spec, copy.msgs, copy.csat, _random_start(rng), "scrub_copy", src_i))
        tick()
    pool = [i for i in rest if i not in scrub_src] or list(range(n_orig))
    exact_src: list[int] = []
    for _ in range(n_exact):  # some originals get two copies: groups of three
        src_i = rng.choice(exact_src) if exact_src and rng.random() < 0.2 else rng.choice(pool)
        exact_src.append(src_i)
        src = convs[src_i]
        convs.append(Conv(src.spec, src.msgs, src.csat, _random_start(rng), "exact_copy", src_i))
        tick()


# ---------------------------------------------------------------------------------------------
# Export: rows, malformed rows, the two files
# ---------------------------------------------------------------------------------------------

def _rows(c: Conv) -> list[dict]:
    rows, at = [], c.start
    for seq, m in enumerate(c.msgs):
        at += max(1, m.gap)  # strictly increasing inside a conversation
        rows.append({"conv_id": c.conv_id, "seq": seq, "sender": m.sender, "agent_id": m.agent_id,
                     "text": text_of(m.segs), "sent_at": (START + timedelta(seconds=at)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                     "channel": c.spec.channel, "lang": c.spec.tag, "csat": c.csat})
    return rows


def _latin1_bytes(text: str | None) -> str:
    """The text as a latin-1 writer would have stored it: raw bytes smuggled as surrogates."""
    text = text or "Café"
    if not any(0x80 <= ord(ch) <= 0xFF for ch in text):
        text = text.replace("e", "é", 1) if "e" in text else text + " é"
    out = "".join(chr(0xDC00 + ord(ch)) if 0x80 <= ord(ch) <= 0xFF else ch for ch in text)
    try:  # mojibake ("Â¡") written as latin-1 is valid UTF-8 again ("¡"): then add a byte that never is
        out.encode("utf-8", "surrogateescape").decode("utf-8")
        return out + "\udcff"
    except UnicodeDecodeError:
        return out


def corrupt(rng: random.Random, row: dict, kind: str) -> dict | str:
    """The malformed version of a row (a dict, or a raw JSON line for truncation)."""
    row = dict(row)
    if kind == "missing_sender":
        row.pop("sender") if rng.random() < 0.7 else row.update(sender=None)
    elif kind == "unknown_sender":
        row["sender"] = rng.choice(["supervisor", "Customer ", "admin", "AGENT"])
    elif kind == "seq_not_int":
        row["seq"] = rng.choice(["three", "", "n/a", f"#{row['seq']}", f"{row['seq']}a"])
    elif kind == "text_wrong_type":
        text = row["text"] or ""
        row["text"] = rng.choice([len(text) + 1, [text, "[attachment]"], {"body": text}])
    elif kind == "missing_conv_id":
        row.pop("conv_id") if rng.random() < 0.5 else row.update(conv_id="")
    elif kind == "invalid_utf8":
        row["text"] = _latin1_bytes(row["text"])
    elif kind == "truncated_json":
        line = json.dumps(row, ensure_ascii=False)
        return line[: rng.randint(len(line) // 3, len(line) - 2)]
    return row


class _Chunks(list):
    write = list.append  # lets csv.writer write each record as one chunk


def write_jsonl(rng: random.Random, path: Path, rows: list[dict], bad: dict[int, str], malformed: list[dict]) -> int:
    lines = []
    for i, row in enumerate(rows):
        out = corrupt(rng, row, bad[i]) if i in bad else row
        if i in bad:
            malformed.append({"file": path.name, "line": i + 1, "kind": bad[i], "conv_id": row["conv_id"], "seq": row["seq"]})
        lines.append(out if isinstance(out, str) else json.dumps(out, ensure_ascii=False))
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape") if lines else b"")
    return len(lines)


def write_csv(rng: random.Random, path: Path, rows: list[dict], bad: dict[int, str], malformed: list[dict]) -> int:
    chunks = _Chunks()
    w = csv.writer(chunks, lineterminator="\n")
    w.writerow(COLUMNS)
    line, records = 2, 0
    for i, row in enumerate(rows):
        kind = bad.get(i)
        if kind == "repeated_header":  # two exports concatenated: a header in the middle
            w.writerow(COLUMNS)
            malformed.append({"file": path.name, "line": line, "kind": kind, "conv_id": None, "seq": None})
            line, records, kind = line + 1, records + 1, None
        out = corrupt(rng, row, kind) if kind else row
        fields = ["" if out.get(c) is None else out[c] for c in COLUMNS]
        if kind == "wrong_column_count":
            fields = fields[:-2] if rng.random() < 0.6 else fields + ["export_v2"]
        if kind:
            malformed.append({"file": path.name, "line": line, "kind": kind, "conv_id": row["conv_id"], "seq": row["seq"]})
        w.writerow(fields)
        line += chunks[-1].count("\n")
        records += 1
    path.write_bytes("".join(chunks).encode("utf-8", "surrogateescape"))
    return records


def pick_malformed(rng: random.Random, rows: list[dict], eligible: set[str], kinds: list[str]) -> dict[int, str]:
    cands = [i for i, r in enumerate(rows) if r["conv_id"] in eligible]
    k = round(len(rows) * MALFORMED_ROW_RATE)
    if len(rows) >= 100:
        k = max(k, len(kinds))  # every kind at least once
    chosen = rng.sample(cands, min(k, len(cands)))
    return {i: kinds[j % len(kinds)] for j, i in enumerate(chosen)}


# ---------------------------------------------------------------------------------------------
# Ground truth
# ---------------------------------------------------------------------------------------------

def spans(segs: list[tuple] | None):
    pos = 0
    for text, cat, label, who in segs or ():
        end = pos + len(text)
        if cat is not None:
            yield cat, label, who, text, pos, end
        pos = end


def _groups(keys: dict[str, tuple]) -> list[list[str]]:
    by_key = defaultdict(list)
    for cid, key in keys.items():
        by_key[key].append(cid)
    return sorted(sorted(g) for g in by_key.values() if len(g) > 1)


def build_truth(convs: list[Conv], malformed: list[dict], args: dict, files: list[str]) -> dict:
    bad = {(m["conv_id"], m["seq"]) for m in malformed}
    pii_rows, places, non_pii, garbage_rows, conv_rows = [], [], [], [], []
    exact_keys, scrub_keys = {}, {}
    for c in sorted(convs, key=lambda c: c.conv_id):
        exact, scrub = [], []
        for seq, m in enumerate(c.msgs):
            if (c.conv_id, seq) in bad:
                continue
            text = text_of(m.segs)
            scrubbed, cut = [], 0
            for cat, label, who, value, start, end in spans(m.segs):
                rec = {"conv_id": c.conv_id, "seq": seq}
                if cat == "pii":
                    pii_rows.append({**rec, "type": label, "value": value, "start": start, "end": end, "who": who})
                    scrubbed += [text[cut:start], f"<{label}>"]
                    cut = end
                else:
                    (places if cat == "place" else non_pii).append({**rec, "value": value, "kind": label,
                                                                     "start": start, "end": end})
            if m.tag:
                garbage_rows.append({"conv_id": c.conv_id, "seq": seq, "kind": m.tag})
            # null and "" count as the same empty message: a CSV export cannot tell them apart
            exact.append((m.sender, text or ""))
            scrub.append((m.sender, "".join(scrubbed) + (text or "")[cut:]))
        exact_keys[c.conv_id], scrub_keys[c.conv_id] = tuple(exact), tuple(scrub)
        agents = list(dict.fromkeys(m.agent_id for m in c.msgs if m.sender == "agent"))
        agent = next((a for a in D.AGENTS if agents and a["id"] == agents[0]), None)
        conv_rows.append({
            "conv_id": c.conv_id, "topic": c.spec.topic, "agent_id": agents[0] if agents else None,
            "agent_ids": agents, "house_style": bool(agent and agent["style"] in D.HOUSE_STYLES),
            "csat": c.csat, "language": c.spec.tag, "true_language": c.spec.foreign or c.spec.lang,
            "channel": c.spec.channel, "files": c.files, "messages": len(c.msgs), "ends_with": c.msgs[-1].sender,
            "kind": c.kind, "duplicate_of": convs[c.source].conv_id if c.source is not None else None,
        })
    near = defaultdict(list)
    for c in convs:
        if c.kind == "near_copy":
            near[convs[c.source].conv_id].append(c.conv_id)
    return {
        "generator": {**args, "module": "tunehouse.synthetic.generator", "files": files},
        "agents": {a["id"]: {"name": a["name"], "style": a["style"], "house_style": a["style"] in D.HOUSE_STYLES,
                             "languages": list(a["langs"])} for a in D.AGENTS},
        "topic_weights": D.TOPIC_WEIGHTS,
        "exact_duplicates": _groups(exact_keys),
        "scrub_duplicates": _groups(scrub_keys),
        "near_duplicates": sorted([src, *sorted(cps)] for src, cps in near.items()),
        "reexported": sorted(c.conv_id for c in convs if len(c.files) > 1),
        "malformed": malformed,
        "conversations": conv_rows,
        "pii": pii_rows,
        "places": places,
        "non_pii": non_pii,
        "garbage": garbage_rows,
    }


def dump_truth(truth: dict) -> str:
    """JSON with one list item per line: valid for json.load, readable with grep and diff."""
    parts = []
    for key, value in truth.items():
        if isinstance(value, list) and value:
            body = "[\n" + ",\n".join(json.dumps(x, ensure_ascii=False) for x in value) + "\n]"
        else:
            body = json.dumps(value, ensure_ascii=False)
        parts.append(f"{json.dumps(key)}: {body}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------

def generate_logs(out_dir: str | Path, conversations: int = 1000, seed: int = 7, csv_fraction: float = 0.2,
                  languages: Sequence[str] = ("en", "es", "fr", "de"), progress: bool = False) -> GenerateResult:
    """Write synthetic Wanderly Travel chat exports and their ground truth to `out_dir`."""
    languages = tuple(languages)
    unknown = sorted(set(languages) - set(D.TEXTS))
    if unknown or not languages:
        raise ValueError(f"languages must be a non-empty subset of {sorted(D.TEXTS)}, got {list(languages)}")
    if conversations < 1:
        raise ValueError("conversations must be >= 1")
    if not 0.0 <= csv_fraction <= 1.0:
        raise ValueError("csv_fraction must be between 0 and 1")
    from tqdm import tqdm

    out = Path(out_dir)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for stale in (out / JSONL_NAME, out / CSV_NAME):
        stale.unlink(missing_ok=True)
    rng = random.Random(seed)
    pools = PersonaPools(seed)
    n = conversations
    n_exact, n_scrub, n_near = (round(n * r) for r in (EXACT_DUP_RATE, SCRUB_DUP_RATE, NEAR_DUP_RATE))
    n_orig = max(1, n - n_exact - n_scrub - n_near)
    n_exact = n - n_orig - n_scrub - n_near

    with tqdm(total=n, disable=not progress, desc="conversations", unit="conv") as bar:
        convs = []
        for spec in plan(rng, pools, n_orig, languages):
            convs.append(build(spec))
            bar.update(1)
        plant_copies(rng, pools, convs, n_exact, n_scrub, n_near, lambda: bar.update(1))
    n = len(convs)

    # Files, re-exports, ids (ids follow time, with gaps as in a real ticketing system).
    in_csv = _quota(rng, list(range(n)), round(csv_fraction * n))
    for i, c in enumerate(convs):
        c.files = [CSV_NAME if i in in_csv else JSONL_NAME]
    duplicated = {c.source for c in convs if c.source is not None} | {i for i, c in enumerate(convs) if c.kind != "original"}
    if 0 < len(in_csv) < n:
        cands = [i for i in range(n) if i not in duplicated]
        for i in _quota(rng, cands, max(1 if n >= 100 else 0, round(n * REEXPORT_RATE))):
            convs[i].files = [JSONL_NAME, CSV_NAME]
    counter = rng.randint(1000, 4000)
    for i in sorted(range(n), key=lambda i: (convs[i].start, i)):
        counter += rng.choice((1, 1, 1, 2, 3))
        convs[i].conv_id = f"WT-{(START + timedelta(seconds=convs[i].start)).year}-{counter:06d}"

    jsonl_rows = sorted((r for c in convs if JSONL_NAME in c.files for r in _rows(c)),
                        key=lambda r: (r["sent_at"], r["conv_id"], r["seq"]))
    csv_rows = [r for c in sorted(convs, key=lambda c: c.conv_id) if CSV_NAME in c.files for r in _rows(c)]
    # Malformed rows go to conversations that carry nothing else planted (dups, re-exports, quotas).
    eligible = {c.conv_id for i, c in enumerate(convs) if i not in duplicated and len(c.files) == 1
                and not c.spec.long_message and not c.spec.force_garbage}
    malformed: list[dict] = []
    files, messages = [], 0
    if jsonl_rows:
        bad = pick_malformed(rng, jsonl_rows, eligible, JSONL_MALFORMED)
        messages += write_jsonl(rng, out / JSONL_NAME, jsonl_rows, bad, malformed)
        files.append(out / JSONL_NAME)
    if csv_rows:
        bad = pick_malformed(rng, csv_rows, eligible, CSV_MALFORMED)
        messages += write_csv(rng, out / CSV_NAME, csv_rows, bad, malformed)
        files.append(out / CSV_NAME)

    args = {"conversations": conversations, "seed": seed, "csv_fraction": csv_fraction, "languages": list(languages)}
    truth = build_truth(convs, malformed, args, [p.name for p in files])
    truth_file = out / "truth" / "truth.json"
    truth_file.write_text(dump_truth(truth), encoding="utf-8")

    stats = {
        "rows": {p.name: (len(jsonl_rows) if p.name == JSONL_NAME else len(csv_rows)) for p in files},
        "pii": dict(sorted(Counter(x["type"] for x in truth["pii"]).items())),
        "places": len(truth["places"]), "non_pii": len(truth["non_pii"]),
        "exact_duplicate_groups": len(truth["exact_duplicates"]), "scrub_duplicate_groups": len(truth["scrub_duplicates"]),
        "near_duplicate_groups": len(truth["near_duplicates"]), "reexported": len(truth["reexported"]),
        "malformed": dict(sorted(Counter(x["kind"] for x in malformed).items())),
        "garbage": dict(sorted(Counter(x["kind"] for x in truth["garbage"]).items())),
        "topics": dict(Counter(c.spec.topic for c in convs).most_common()),
        "languages": dict(Counter(c.spec.tag for c in convs).most_common()),
    }
    return GenerateResult(files=files, truth_file=truth_file, conversations=n, messages=messages, stats=stats)


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Write synthetic Wanderly Travel chat exports plus ground truth.")
    ap.add_argument("out_dir")
    ap.add_argument("-n", "--conversations", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--csv-fraction", type=float, default=0.2)
    ap.add_argument("--languages", default="en,es,fr,de")
    a = ap.parse_args(argv)
    res = generate_logs(a.out_dir, a.conversations, a.seed, a.csv_fraction, a.languages.split(","), progress=True)
    print(json.dumps(res.summary(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
