"""The eighth generated set: what a company's exports look like outside a clean chat.

Call-centre speech-to-text transcripts (lower case, spoken numbers, names spelled letter by letter, e-mail
addresses read aloud), e-mail replies pasted into tickets (quoted headers, From:/Sent:/To: blocks, signatures,
disclaimers), workplace chat threads (@mentions, display names with emoji or pronouns, reactions, bots,
forwarded messages), SMS / WhatsApp messages and web-form submissions pasted as "key: value". English in six
locales (about half the records) and eight other languages: Czech, Turkish, Romanian, Brazilian Portuguese,
Hungarian, Greek (Greek script and Greeklish), Vietnamese, Swahili.

Templates (``eighth_templates_en.py``, ``eighth_templates_intl.py``) hold slots in braces, filled per record:

* ``{a}`` a person's given name, ``{A}`` the full name, ``{a.sur}`` the surname, ``.low`` lower case, ``{a.sur.answer}`` a surname given as a security answer (CREDENTIAL),
  ``{a.spell}`` / ``{a.gspell}`` surname / given name spelled letter by letter, ``{a.email}`` / ``{a.work}`` /
  ``{a.email.spoken}``, ``{a.user}``, ``{a.url}``, ``{a.pw}``, ``{a.latin}`` / ``{A.latin}`` (Greeklish); the
  persons are ``a``, ``b``, ``c``, ``d``, and ``f`` / ``m`` where the words around say a woman / a man;
  ``{a.pron}`` their pronouns ("she/her"), ``{a.art}`` / ``{a.artl}`` the article before a name (Greek η/ο,
  Greeklish i/o, Portuguese a/o);
* ``{phone}``, ``{phone2}``, ``{mobile}``, ``{phone.spoken}``, ``{addr}``, ``{addr.block}``, ``{addr.spoken}``,
  ``{dob}``, ``{dob.spoken}``, ``{iban}``, ``{card}``, ``{card.spoken}``, ``{id}``, ``{ip}``, ``{pin}``,
  ``{ref}``, ``{cust}``: PII of their type;
* ``.lc`` after any slot: its value in lower case (speech-to-text);
* ``{city}``, ``{date}``, ``{time}``: ordinary text (a town of the locale, a mail date, a clock time);
* ``{!Public Figure}``: a ``neutral`` string.

Every value is a span of the whole slot (a number read aloud is one PHONE span from its first word to its last);
``keep`` is every capitalised word outside the spans and neutral strings.
"""

from __future__ import annotations

import random
import re

from pii_eval import eighth_numbers as num
from pii_eval import eighth_people as people
from pii_eval.eighth_places import CITIES, address, spoken_address
from pii_eval.eighth_templates_en import NEGATIVES_EN, TEMPLATES_EN
from pii_eval.eighth_templates_intl import NEGATIVES_INTL, TEMPLATES_INTL
from pii_eval.records import capitalised_outside

LOCALE_WEIGHTS = {"en-US": 36, "en-GB": 36, "en-AU": 32, "en-IE": 32, "en-ZA": 32, "en-CA": 32,
                  "cs-CZ": 25, "tr-TR": 25, "ro-RO": 25, "pt-BR": 25, "hu-HU": 25, "el-GR": 25, "vi-VN": 25,
                  "sw-KE": 25}
TEMPLATES = {"en": TEMPLATES_EN, **TEMPLATES_INTL}
NEGATIVES = {"en": NEGATIVES_EN, **NEGATIVES_INTL}
CHANNELS = ("asr", "email", "workchat", "sms", "form")
NEGATIVE_EVERY = 5  # one record in five of each language is a pure hard negative

SLOT_RE = re.compile(r"\{([^{}]+)\}")
WEEKDAYS = {"en": ["Mon", "Tue", "Wed", "Thu", "Fri"], "cs": ["po", "út", "st", "čt", "pá"],
            "tr": ["Pzt", "Sal", "Çar", "Per", "Cum"], "ro": ["lun.", "mar.", "mie.", "joi", "vin."],
            "pt": ["seg.", "ter.", "qua.", "qui.", "sex."], "hu": ["H", "K", "Sze", "Cs", "P"],
            "el": ["Δευ", "Τρί", "Τετ", "Πέμ", "Παρ"], "vi": ["Th 2", "Th 3", "Th 4", "Th 5", "Th 6"],
            "sw": ["Jumatatu", "Jumanne", "Jumatano", "Alhamisi", "Ijumaa"]}


def lang_of(locale: str) -> str:
    return locale.split("-")[0]


class Record:
    """One record's values: the same slot gives the same value everywhere in the record."""

    def __init__(self, rng: random.Random, locale: str) -> None:
        self.rng, self.locale, self.lang = rng, locale, lang_of(locale)
        self.cache: dict[str, tuple[str | None, str]] = {}
        self.persons: dict[str, tuple[str, str]] = {}

    def person(self, key: str) -> tuple[str, str]:
        if key not in self.persons:
            given, surnames = people.NAMES[self.locale]
            taken = {p for gs in self.persons.values() for p in gs}
            if key in "fm":  # a woman / a man, where the template's words say which
                given = [x for x in given if (x in people.FEMALE) == (key == "f")]
            g = self.rng.choice([x for x in given if x not in taken])
            s = self.rng.choice([x for x in surnames if x not in taken])
            if g in people.FEMALE:
                s = people.feminine_surname(self.locale, s)
            self.persons[key] = (g, s)
        return self.persons[key]

    def value(self, slot: str) -> tuple[str | None, str]:
        if slot.endswith(".lc"):  # any value as speech-to-text writes it: lower case
            typ, text = self.value(slot[:-3])
            return typ, text.lower()
        if slot not in self.cache:
            self.cache[slot] = self._make(slot)
        return self.cache[slot]

    def _make(self, slot: str) -> tuple[str | None, str]:
        rng, loc, lang = self.rng, self.locale, self.lang
        head, _, form = slot.partition(".")
        if head.lower() in "abcdfm" and len(head) == 1:
            g, s = self.person(head.lower())
            fem = g in people.FEMALE
            if form in ("pron", "art", "artl"):
                pair = {"pron": people.PRONOUNS, "art": people.ARTICLES}.get(form, {"el": ("i", "o")})[lang]
                return None, pair[0] if fem else pair[1]
            full = people.full_name(loc, g, s)
            if head.isupper():
                return {"": ("PERSON", full), "low": ("PERSON", full.lower()),
                        "latin": ("PERSON", people.greeklish(full))}[form]
            return {"": ("PERSON", g), "low": ("PERSON", g.lower()), "sur": ("PERSON", s), "sur.low": ("PERSON", s.lower()), "sur.answer": ("CREDENTIAL", s.lower()),
                    "latin": ("PERSON", people.greeklish(g)), "sur.latin": ("PERSON", people.greeklish(s)),
                    "spell": ("PERSON", people.spell(s)), "gspell": ("PERSON", people.spell(g)),
                    "email": ("EMAIL", self._email(head, False)),
                    "work": ("EMAIL", self._email(head, True)),
                    "email.spoken": ("EMAIL", people.spoken_email(self._email(head, False), lang)),
                    "user": ("USERNAME", people.username_of(rng, g, s)),
                    "url": ("URL", num.personal_url(rng, g, s)),
                    "pw": ("CREDENTIAL", num.password(rng, g))}[form]
        if head in ("phone", "phone2", "mobile"):
            if form == "spoken":
                return "PHONE", num.spoken_phone(rng, loc, lang)
            return "PHONE", num.phone(rng, loc, 0 if head == "mobile" else None)
        if head == "addr":
            one, block = address(rng, loc)
            if form == "spoken":
                return "STREET_ADDRESS", spoken_address(rng, loc)
            return "STREET_ADDRESS", block if form == "block" else one
        simple = {"dob": lambda: ("DATE_OF_BIRTH", num.dob(rng, loc, spoken=form == "spoken")),
                  "iban": lambda: ("IBAN", num.iban(rng, loc, grouped=form != "compact")),
                  "card": lambda: ("CREDIT_CARD", num.spoken_digits(rng, num.card(rng, ""), lang) if form == "spoken"
                                   else num.card(rng, rng.choice([" ", "-", ""]))),
                  "id": lambda: num.national_id(rng, loc),
                  "ip": lambda: ("IP_ADDRESS", num.ip(rng)),
                  "pin": lambda: ("CREDENTIAL", num.pin(rng)),
                  "ref": lambda: ("BOOKING_REF", num.booking_ref(rng)),
                  "cust": lambda: ("ID_NUMBER", num.customer_number(rng)),
                  "city": lambda: (None, rng.choice(CITIES[loc])),
                  "date": lambda: (None, self._mail_date()),
                  "time": lambda: (None, f"{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}")}
        return simple[head]()

    def _email(self, key: str, company: bool) -> str:
        slot = f"__email_{key}_{company}"
        if slot not in self.cache:
            g, s = self.person(key)
            self.cache[slot] = (None, people.email_of(self.rng, self.locale, g, s, company))
        return self.cache[slot][1]

    def _mail_date(self) -> str:
        rng = self.rng
        day, month = rng.randint(2, 27), rng.randint(1, 11)
        wd = WEEKDAYS[self.lang][rng.randint(0, 4)]
        if self.lang == "en":
            mon = num.MONTHS_EN[month - 1][:3]
            return f"{wd}, {day} {mon} 2026" if self.locale != "en-US" else f"{wd}, {mon} {day}, 2026"
        return f"{wd} {day}. {month}. 2026" if self.lang in ("cs", "hu") else f"{wd}, {day:02d}/{month:02d}/2026"


def fill_template(template: str, rec: Record) -> dict:
    """Text, spans and neutral strings of one template filled with ``rec``'s values."""
    parts, spans, neutral, pos = [], [], [], 0
    for i, piece in enumerate(SLOT_RE.split(template)):
        if i % 2 == 0:
            text = piece
        elif piece.startswith("!"):
            text = piece[1:]
            if text not in neutral:
                neutral.append(text)
        else:
            typ, text = rec.value(piece)
            if typ:
                spans.append({"start": pos, "end": pos + len(text), "type": typ, "value": text})
        parts.append(text)
        pos += len(text)
    return {"text": "".join(parts), "spans": spans, "neutral": neutral}


def _schedule(n: int, seed: int) -> list[str]:
    total = sum(LOCALE_WEIGHTS.values())
    locales = [loc for loc, w in LOCALE_WEIGHTS.items() for _ in range(round(w * n / total))]
    while len(locales) < n:
        locales.append(list(LOCALE_WEIGHTS)[len(locales) % len(LOCALE_WEIGHTS)])
    random.Random(f"eighth-schedule-{seed}").shuffle(locales)
    return locales[:n]


def build_eighth_generator(n: int, seed: int) -> list[dict]:
    cycles: dict[tuple[str, str], list[int]] = {}
    seen: dict[str, int] = {}
    out = []
    for i, locale in enumerate(_schedule(n, seed)):
        lang = lang_of(locale)
        rng = random.Random(f"eighth-{seed}-{i}")
        k = seen.get(lang, 0)
        seen[lang] = k + 1
        kind = "negative" if k % NEGATIVE_EVERY == NEGATIVE_EVERY - 1 else "pii"
        pool = (NEGATIVES if kind == "negative" else TEMPLATES)[lang]
        cycle = cycles.setdefault((lang, kind), [])
        if not cycle:  # every template once, in a seeded order, before any is drawn again
            order = list(range(len(pool)))
            random.Random(f"eighth-cycle-{seed}-{lang}-{kind}-{k}").shuffle(order)
            cycle.extend(order)
        t = cycle.pop(0)
        channel, template = pool[t]
        filled = fill_template(template, Record(rng, locale))
        keep = capitalised_outside(filled["text"], filled["spans"], filled["neutral"])
        out.append({"id": f"eighth_g-{i:05d}", "text": filled["text"], "spans": filled["spans"], "keep": keep,
                    "neutral": filled["neutral"], "lang": lang, "locale": locale, "source": "eighth_generator",
                    "kind": kind, "channel": channel, "template": f"{lang}-{kind[:3]}-{t:03d}"})
    return out
