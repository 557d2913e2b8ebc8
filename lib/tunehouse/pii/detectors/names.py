"""Person names: runs of capitalised words decided word by word against the lexicon (``name_runs``),
lower-case names after a cue ("my name is john smith"), names joined to a name ("Leo and Mia"),
the name line under a sign-off, CJK names after a cue, and airline-style "SURNAME/GIVEN" names.

After the overlaps are resolved, ``name_join.join_adjacent`` grows PERSON spans over the name
parts right next to them (see there).
"""

from __future__ import annotations

import bisect
import re

from tunehouse.pii.detectors.base import Cue, Scan, detector
from tunehouse.pii.detectors.name_context import signed, told
from tunehouse.pii.detectors.name_cues import MODALS, SUFFIX_CUE_RE, cue, role_word
from tunehouse.pii.detectors.name_runs import analyse_run
from tunehouse.pii.detectors.name_tokens import (
    PARTICLES,
    RUN_RE,
    TOKEN,
    Token,
    key_and_flags,
    run_tokens,
)
from tunehouse.pii.entity import CUED_PERSON_PRIORITY, Candidate
from tunehouse.pii.lexicon import (
    AMBIG,
    COMMON,
    FIRST,
    INDICATOR,
    LAST,
    MAJOR,
    ORG,
    PLACE,
    TITLE,
    Lexicon,
    norm_key,
    ordinary_compound,
)
from tunehouse.pii.transliteration import has_other_script, transliterate
from tunehouse.pii.wordlists import FUNCTION_WORDS

_PNR_NAME_RE = re.compile(
    r"(?<![\w/])([A-Z][A-Z'\-]+)/([A-Z][A-Z'\-]+)(?:\s+(MR|MRS|MS|MISS|MSTR|DR|CHD|INF)\b)?")
_COORD_NAME_RE = re.compile(rf"\s*(?:and|&|y|et|und|or|o|ou|oder)\s+({TOKEN})(?:\s+({TOKEN}))?")
_LOWER_NAME_RE = re.compile(
    r"(?i:\b(?P<cue>(?P<strong>my\s+(?:name|naem|nmae|anme)\s+is|my\s+name's|(?:full\s+)?name\s+is|me\s+llamo"
    r"|mi\s+nombre\s+es|je\s+m['’]appelle|mon\s+nom\s+est|ich\s+hei(?:ß|ss)e|mein\s+name\s+ist"
    r"|numele\s+meu\s+(?:este|e)|(?:benim\s+)?ad[ıi]m|ismim|jmenuj[iu]\s+se|a\s+nevem|t[êe]n\s+(?:t[ôo]i|em|anh|ch[ịi])\s+l[àa]"
    r"|naitwa|me\s+chamo|meu\s+nome\s+[ée]|message\s+(?:is\s+)?for|ask(?:ed|ing)?\s+for"
    r"|(?:name|naem|nmae|anme)\s+on\s+(?:the|teh|my)\s+(?:booking|bookng|ticket|reservation|card|passport)\s*(?:is|:)?"
    r"|(?:booked\s+)?under(?:\s+the\s+name(?:\s+of)?)?|in\s+the\s+name\s+of|au\s+nom\s+de|a\s+nombre\s+de"
    r"|l[äa]uft\s+auf|auf\s+den\s+namen|name\s*:|nombre\s*:|nom\s*:"
    r"|(?:mr|mrs|ms|miss|dr|prof|sr|sra|srta|herr|frau|mme|mlle)\.?|m\.)"
    r"|this\s+is|it'?s|it’s|i'm|i’m|i\s+am|im|soy|je\s+suis|ich\s+bin|hi|hello|hey|dear|thanks|thank\s+you"
    r"|thank\s+u|thx|cheers|regards|bye|hola|gracias|bonjour|merci|hallo|danke"
    r"|szia|salut|ahoj|merhaba|selam|habari|oi|ol[áa]|kedves|sunt|jsem|eu\s+sou"  # hu, ro, cs, tr, sw, pt
    # casual chat writes names in lower case after a verb of telling or meeting ("don't tell dougal"): only a
    # first name that is no ordinary word, place or ambiguous name is taken there (``_lower_name``); not after an
    # article or preposition, where too many lower-case words that are also names stand ("a joke", "la lana")
    r"|tell|told|ask|asked|met\s+this\s+guy"
    r"|(?:my|our)\s+(?:wife|husband|partner|son|daughter|friend|colleague|boss|mother|mom|mum|father|dad|brother"
    r"|sister|kids?|children|fianc[ée]e?|girlfriend|boyfriend|assistant))[ \t]*[,:]?[ \t]+"
    r"(?:(?:so\s+much|very\s+much|a\s+lot|again|so|u|you|ya|guys)[ \t]*[,!]?[ \t]+){0,2})"
    r"(?P<ws>[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*(?:[ \t]+[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*){0,5})")
# a sign-off line, then a line holding only a name: "Kind regards,\nstephanie jones", "> Cheers,\n> Sofia"
_SIGNOFF_RE = re.compile(
    r"(?im)^[ \t>]*(?:thanks(?:\s+again|\s+and\s+regards|\s+so\s+much|\s+a\s+lot)?|thank\s+you(?:\s+so\s+much)?|many\s+thanks"
    r"|with\s+thanks|thx|(?:kind|best|warm|warmest|many|kindest)\s+(?:regards|wishes)|regards|best|all\s+the\s+best|cheers"
    r"|sincerely|yours(?:\s+(?:sincerely|truly|faithfully))?|take\s+care|talk\s+soon|saludos(?:\s+cordiales)?|un\s+saludo"
    r"|cordiales\s+saludos|atentamente|gracias|muchas\s+gracias|un\s+abrazo|cordialement|bien\s+cordialement"
    r"|bien\s+[àa]\s+vous|merci(?:\s+beaucoup)?|amitiés|bises|mit\s+freundlichen\s+gr(?:ü|ue)(?:ß|ss)en"
    r"|(?:viele|beste|liebe|herzliche|schöne|freundliche)\s+gr(?:ü|ue)(?:ß|ss)e|gr(?:ü|ue)(?:ß|ss)e|danke(?:\s+sch[öo]n)?|lg|mfg"
    r"|sent\s+from\s+my\s+\w+"
    # pt, it, nl, pl, et sign-offs, and the "-- " signature delimiter
    r"|cumprimentos|atenciosamente|abra[çc]os?|obrigad[oa]|beijos|(?:cordiali|distinti)\s+saluti|saluti|un\s+saluto"
    r"|grazie(?:\s+mille)?|met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|(?:hartelijke\s+)?groet(?:en|jes)?"
    r"|pozdrawiam|z\s+powa[żz]aniem|dzi[ęe]kuj[ęe]|parimate\s+soovidega|lugupidamisega|tervitades|--"
    # the first line of a delivery address is the addressee
    r"|(?:delivery|shipping|postal)\s+address|lieferadresse|lieferanschrift|adresse\s+de\s+livraison"
    r"|direcci[óo]n\s+de\s+(?:env[íi]o|entrega)|indirizzo\s+di\s+(?:spedizione|consegna)|bezorgadres|afleveradres"
    r"|morada\s+de\s+entrega|endere[çc]o\s+de\s+entrega|adres\s+dostawy|tarneaadress)[ \t]*[,!.:]?[ \t]*(?:\r?\n[ \t>]*){1,2}"
    r"(?P<name>[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,3})[ \t]*$")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
_CJK_RE = re.compile(rf"(?<![{_CJK}])[{_CJK}]{{1,4}}(?:[ \u3000][{_CJK}]{{1,4}})?(?![{_CJK}])")
_HAS_CJK = re.compile(rf"[{_CJK}]")
LOWER_NAME_CUE = Cue(
    "my our name naem nmae anme full booked under in au a läuft lauft auf nombre nom mr mrs ms miss "
    "dr prof sr sra srta herr frau mme mlle m me mi je mon ich mein this it's it’s its it i'm i’m i "
    "im soy hi hello hey dear thanks thank thx cheers regards bye hola gracias bonjour merci hallo "
    "danke tell told ask asked met numele nevem adım adim ismim jmenuji jmenuju jsem tên sou naitwa szia salut ahoj "
    "merhaba selam habari oi olá ola kedves sunt")


@detector("PERSON", cue=LOWER_NAME_CUE)
def lower_case_names(scan: Scan) -> list[Candidate]:
    """A lower-case name after a cue: "my name is john smith", "thanks maria", "under anna nowak"."""
    found = (_lower_name(scan.lex, scan.text, m) for m in scan.matches(LOWER_NAME_CUE, _LOWER_NAME_RE))
    return [c for c in found if c is not None]


_INTRODUCED_AFTER = re.compile(r"[ \t]+(?:speaking|here|calling)(?![\w'’])")


def _lower_name(lex: Lexicon, text: str, m: re.Match) -> Candidate | None:
    """The name in the ``ws`` group of a ``_LOWER_NAME_RE`` match: its lower-case words while they
    are name-like (capitalised words are the run analysis' business)."""
    strong = m.group("strong") is not None
    # a naming phrase ("my name is", "me llamo"; not a bare "under"): a first name that is also a
    # common word or a month is a name here ("me llamo julio")
    named = strong and m.group("strong").split()[0].lower() not in ("under", "booked")
    flags_of = lex.flags
    start = m.start("ws")
    end = None
    pos = start
    pending_particle = False
    words = m.group("ws").split()
    for i, w in enumerate(words):
        wpos = text.index(w, pos)
        pos = wpos + len(w)
        if not w.islower():
            break
        key = norm_key(w)
        f = flags_of.get(key, 0)
        if i == 0:
            ok = (f & FIRST and not f & (AMBIG | COMMON | PLACE)) or (
                strong and not f & (COMMON | TITLE) and len(w) > 1 and key not in FUNCTION_WORDS) or (
                named and f & FIRST and not f & TITLE and key not in FUNCTION_WORDS)  # "me llamo julio"
            if not ok and not f & (COMMON | TITLE) and key not in FUNCTION_WORDS and _INTRODUCED_AFTER.match(text, pos):
                ok = True  # "this is tallis speaking", "it's keoni here": a speaker introducing themselves
            if not ok and f & FIRST and not f & COMMON and text[pos:pos + 1] in ("!", ",", ".", "?", ""):
                ok = True  # "thanks sofia!": a name addressed, even if it is also a place
            if not ok and f & FIRST and key not in FUNCTION_WORDS and len(words) > 1 and words[1].islower():
                nxt = next((x for x in words[1:] if x.lower() not in PARTICLES), "")  # "soy pilar de la cruz"
                f2 = flags_of.get(norm_key(nxt), 0) if nxt.islower() else 0
                ok = bool(f2 & LAST and not f2 & PLACE)  # "this is donna smith"
        elif w.lower() in PARTICLES:
            pending_particle = True
            continue
        else:  # "my husband david will travel": a modal after a lower-case name is the verb
            ok = key not in FUNCTION_WORDS and key not in MODALS and (
                (f & (LAST | FIRST) and not (f & COMMON and not f & LAST)) or (strong and not f & COMMON)
                or pending_particle)
        if not ok:
            break
        end = pos
        pending_particle = False
    if end is None:
        return None
    return Candidate("PERSON", start, end, 0.9 if strong else 0.8)


# A turn of a chat transcript: the speaker's label opening a line (after an optional "[14:46]" time), an optional
# "(Support)" role, a colon and what was said. "Abhijeet: the bill says ...", "[14:46] CS Agus: mohon maaf",
# "fiifi: oi my washing machine", "Nurul (Support): ugh, sorry!".
_TURN_RE = re.compile(
    r"(?m)^[ \t>]*(?:\[?\d{1,2}[:.]\d{2}(?::\d{2})?\]?[ \t]+)?"
    r"(?P<label>[^\W\d_][\w'’\-]*(?:\.?[ \t]+[^\W\d_][\w'’\-]*){0,3})[ \t]*(?:[^\w\s:()\[\]<>@#]{1,3}[ \t]*)?"
    r"(?:\([^()\n]{1,30}\)[ \t]*)?:[ \t]+"
    r"(?P<said>[^\n]*)")
_LABEL_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")
_SAID_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_MIN_TURNS = 2  # lines shaped as turns before a label counts as a speaker: one "Note: ..." line is no transcript
_FIELD_VALUE_WITHIN = 12  # characters after a label's colon within which a found value makes it a field
# what follows the label of an e-mail header or a form, in any language ("Feladó: Kiss Anna <anna@...>", "Elküldve:
# 2026. március 3.", "Tárgy: Re: számla", "Kwa: huduma@..."): a field, not a turn, whatever the label's word
_HEADER_VALUE_RE = re.compile(r"\d|(?:re|fwd?|aw|sv|tr|vs|odp|antw|r)[ \t]*:|[^\n<>]*<[^<>\s]+@[^<>\s]+>|\S+@\S+\.\w+[ \t]*$",
                              re.IGNORECASE)
_BRACKETED_ADDRESS_RE = re.compile(r"[^\n<>]*<[^<>\s]+@[^<>\s]+>[ \t]*$")
_MIN_SAID_WORDS = 3  # a speaker says something once at least; a field ("Kundennummer: 48213", "Assignee: second line")


def _label_flags(lex: Lexicon, word: str) -> int:
    """The lexicon's flags of a label word; a Cyrillic or Greek one by its Latin spelling ("Оператор": an ordinary
    word, a role; "Галина": a first name)."""
    return lex.flags.get(norm_key(_latin(word)), 0)


def _latin(word: str) -> str:
    return transliterate(word).latin if has_other_script(word) else word


def _speaker_name(lex: Lexicon, label: str) -> tuple[int, int] | None:
    """Where the name lies in a turn's label: after leading role words, titles and acronyms ("Agent", "CS",
    "Pharmacist", "Dr.", "support", "cs"), every remaining word a capitalised word no list knows only as an ordinary
    word, big place, title or brand, or one lower-case word: no list knows it ("fiifi"), or after a role a first
    name ("support lieve"); None when no word is left."""
    words = list(_LABEL_WORD_RE.finditer(label))
    roles = 0
    while len(words) > 1 or (words and roles == 0):
        w = words[0].group()
        f = _label_flags(lex, w)
        if ((w.isupper() and len(w) <= 4) or f & TITLE or (f & COMMON and not f & (FIRST | LAST))
                or (len(words) > 1 and w.islower() and (len(w) <= 3 or f & COMMON)) or role_word(_latin(w).lower())):
            words.pop(0)  # a role or title before the name ("cs eko", "nurse kobina")
            roles += 1
        else:
            break
    if not words:
        return None
    for m in words:
        w = m.group()
        f = _label_flags(lex, w)
        if w.islower():
            if len(words) > 1 or len(w) < 3 or w in FUNCTION_WORDS or (
                    f and not (f & FIRST and (roles or not f & (COMMON | AMBIG)))):
                return None  # lower case: one word no list knows ("fiifi"), a first name ("folke"; after a role
                # also one that is an ordinary word: "support lieve")
        elif (len(w) < 2 or w.isupper() or f & (ORG | TITLE | MAJOR) or (f & COMMON and not f & (FIRST | LAST))
              or (not f and ordinary_compound(lex, norm_key(w)))):
            return None  # "Bot", "Support", "IBM", "Paris" (a big place first), "Kundendienst" (Kunde-n-dienst)
    return words[0].start(), words[-1].end()


def _header_block(turns: list[re.Match]) -> bool:
    """Two lines or more of the text hold a header field's value: an e-mail's header or a form, whose labels are fields
    in any language ("Feladó: ... <...@...>", "Elküldve: 2026. ...")."""
    if sum(1 for m in turns if _HEADER_VALUE_RE.match(m.group("said"))) >= _MIN_TURNS:
        return True
    # a name and an address in angle brackets is how a header writes a sender ("Feladó: Kertész Dorka <dorka@...>"),
    # never how anyone speaks: with two more fields around it, the block is a header
    return len(turns) > _MIN_TURNS and any(_BRACKETED_ADDRESS_RE.match(m.group("said")) for m in turns)


def field_label(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is the label of a field of an e-mail header or form in ``text`` ("Tárgy" of "Tárgy: VÁ:
    visszatérítés" below "Elküldve: Sze 8. 11. 2026"): no person, whatever a model reads in it."""
    if ":" not in text[end:end + 4] or "\n" not in text:
        return False
    turns = list(_TURN_RE.finditer(text))
    return _header_block(turns) and any(m.start("label") == start and m.end("label") == end for m in turns)


@detector("PERSON")
def speaker_turns(scan: Scan) -> list[Candidate]:
    """The speakers of a chat transcript: in a text of two or more turns ("Abhijeet: ...\nAgent Kofi: ..."), a
    label that says something is a person's name, whether or not a list knows it (exported support chats name
    their speakers so; the rules otherwise need a cue before an unknown name). Roles ("Agent", "Bot",
    "Support"), field names ("Status: open") and ordinary words are left."""
    text = scan.text
    if "\n" not in text or text.count(":") < _MIN_TURNS:
        return []
    turns = list(_TURN_RE.finditer(text))
    if len(turns) < _MIN_TURNS or _header_block(turns):
        return []
    # a label whose value starts with a value found already is a field ("Morada: Rua ...", "e-mail: ...", "Post: Unit
    # 3/94 ...": the found address may start a word or two in)
    values = sorted(c.start for c in scan.found if c.type != "PERSON")
    speakers = set()
    for m in turns:  # a label that says something in one turn at least ...
        said = m.start("said")
        at = bisect.bisect_left(values, said)
        if at < len(values) and values[at] - said <= _FIELD_VALUE_WITHIN or _HEADER_VALUE_RE.match(m.group("said")):
            continue
        if len(_SAID_WORD_RE.findall(m.group("said"))) >= _MIN_SAID_WORDS:
            span = _speaker_name(scan.lex, m.group("label"))
            if span is not None:
                speakers.add(m.group("label")[span[0]:span[1]])
    if not speakers:
        return []
    # once someone spoke at length it is a conversation: a label that says less is a speaker too ("Siemowit: ja")
    for m in turns:
        if _SAID_WORD_RE.search(m.group("said")) and not _HEADER_VALUE_RE.match(m.group("said")):
            span = _speaker_name(scan.lex, m.group("label"))
            if span is not None:
                speakers.add(m.group("label")[span[0]:span[1]])
    # ... is a speaker in every turn ("Abhijeet: yes") and wherever the text names them ("mohon maaf Ayu", "dzięki
    # siemowit": in any case when the name is no ordinary word)
    plain = sorted((n for n in speakers if not scan.lex.flags.get(norm_key(n), 0) & COMMON), key=len, reverse=True)
    worded = sorted((n for n in speakers if n not in plain), key=len, reverse=True)
    out = []
    for names_, flags in ((plain, re.IGNORECASE), (worded, 0)):
        if names_:
            rx = re.compile(r"(?<![\w'’\-])(?:" + "|".join(map(re.escape, names_)) + r")(?![\w'’\-])", flags)
            out.extend(Candidate("PERSON", m.start(), m.end(), 0.85) for m in rx.finditer(text))
    return out


@detector("PERSON")
def person_names(scan: Scan) -> list[Candidate]:
    """Capitalised names (run analysis), names joined to them, sign-off names, CJK names after a
    cue and "SURNAME/GIVEN" names."""
    text, lex = scan.text, scan.lex
    out: list[Candidate] = []
    for run in RUN_RE.finditer(text):
        s, e = run.span()
        raw = run.group()
        if " " in raw or "\t" in raw:
            analyse_run(lex, text, run_tokens(lex, text, s, e), out)
            continue
        # one word, the usual run (the first word of a sentence): looked up before making a Token
        key, f = key_and_flags(lex, raw)
        if not _lone_word_is_no_name(text, s, e, f):
            analyse_run(lex, text, [Token(s, e, key, f, raw)], out)
    out.extend(_coordinated(lex, text, scan.found + out))
    if "\n" in text:
        out.extend(_signatures(lex, text))
    if _HAS_CJK.search(text):
        out.extend(Candidate("PERSON", m.start(), m.end(), 0.8) for m in _CJK_RE.finditer(text) if cue(text, m.start()))
    if "/" in text:
        for m in _PNR_NAME_RE.finditer(text):
            given = lex.flags.get(norm_key(m.group(2)), 0)
            if m.group(3) or (given & FIRST and not given & COMMON and len(m.group(1)) > 2):
                out.append(Candidate("PERSON", m.start(), m.end(2), 0.9))
    return out


def _lone_word_is_no_name(text: str, s: int, e: int, f: int) -> bool:
    """A run of one word (text[s:e], lexicon flags ``f``) that is certainly no name: a common word,
    place, title or indicator that is no first name or surname, a single letter, or an unknown word
    with no cue before or after it."""
    if not f & (FIRST | LAST) and (f & (COMMON | PLACE | TITLE | INDICATOR) or e - s < 2):
        return True
    return (not f and not cue(text, s) and not SUFFIX_CUE_RE.match(text[e:e + 40]) and not told(text, s)
            and not signed(text, s, e))


def _coordinated(lex: Lexicon, text: str, cands: list[Candidate]) -> list[Candidate]:
    """"Leo and Mia", "Chloe y Lucía": a name-like word joined to a detected name is a name too."""
    flags_of = lex.flags
    persons = [c for c in cands if c.type == "PERSON"]
    seen = {(c.start, c.end) for c in persons}
    out = []
    for c in persons:
        m = _COORD_NAME_RE.match(text, c.end)
        if not m:
            continue
        f = flags_of.get(norm_key(m.group(1)), 0)
        if not f & (FIRST | LAST) or f & (PLACE | ORG | TITLE) and not f & FIRST or f & COMMON and not f & FIRST:
            continue
        if f & COMMON and f & FIRST and not f & AMBIG:
            continue
        end = m.end(1)
        if m.group(2):
            f2 = flags_of.get(norm_key(m.group(2)), 0)
            if f2 & LAST and not f2 & (COMMON | PLACE):
                end = m.end(2)
        if (m.start(1), end) not in seen:
            out.append(Candidate("PERSON", m.start(1), end, 0.7))
            seen.add((m.start(1), end))
    return out


def _signatures(lex: Lexicon, text: str) -> list[Candidate]:
    """The line under a sign-off ("Kind regards,\\nstephanie jones"), unless it names a team or a
    brand ("Customer Service", "Travel Team") or starts with a common word."""
    out = []
    pos = 0
    while True:
        m = _SIGNOFF_RE.search(text, pos)
        if not m:
            return out
        pos = m.start("name")
        name = m.group("name")
        if name.lower().startswith(("sent from", "on ")):
            continue
        words = name.split()
        flags = [lex.flags.get(norm_key(w), 0) for w in words]
        if norm_key(words[0]) in FUNCTION_WORDS or any(f & ORG for f in flags):
            continue
        if all(f & (COMMON | INDICATOR) for f in flags):
            continue  # "Customer Service", "Travel Team", "Kind regards"
        if flags[0] & COMMON and not flags[0] & (FIRST | LAST):
            continue
        out.append(Candidate("PERSON", m.start("name"), m.end("name"), 0.85, CUED_PERSON_PRIORITY))


# A word spelt out letter by letter ("that's k o w a l s k i", "W-A-Y-L-O-N"): on a call, and in its speech-to-text
# transcript, people spell their names, streets and e-mail addresses so; no ordinary sentence holds four or more
# single letters in a row. Letters in alphabetical order ("a b c d") are a list, not a spelling; one letter over half
# of them a sound ("ba a a a a a d"), not a spelling ("a n n a").
_SPELT_OUT_RE = re.compile(r"(?<![\w'’.\-])(?:[^\W\d_][ \-]){3,}[^\W\d_](?![\w'’\-]|\.\w)")


@detector("PERSON")
def spelt_out_words(scan: Scan) -> list[Candidate]:
    """Four or more single letters in a row, blanks or hyphens between them: a word spelt out (a name, mostly)."""
    out = []
    for m in _SPELT_OUT_RE.finditer(scan.text):
        letters = m.group()[::2].lower()
        most = max(letters.count(c) for c in set(letters))
        if most * 2 <= len(letters) and not all(ord(b) - ord(a) == 1 for a, b in zip(letters, letters[1:])):
            out.append(Candidate("PERSON", m.start(), m.end(), 0.85))
    return out


# The header line of a message in a workplace chat export (Slack, Teams, Google Chat): the author's display name,
# then an optional status emoji and pronouns or status in brackets, then the time ("Cătălin ☕ (el)  13:19",
# "Tegid ✈️ (OOO till Mon)  10:02", "Priya Raman  9:41 AM"), the message on the lines below.
_AUTHOR_LINE_RE = re.compile(
    r"(?m)^[ \t]*(?P<label>[^\W\d_][\w'’\-]*(?:[ \t][^\W\d_][\w'’\-]*){0,2})"
    r"(?P<status>(?:[ \t]+[^\w\s(\[][^\n]{0,8}?)?(?:[ \t]+[(\[][^()\[\]\n]{1,40}[)\]])?)"
    r"[ \t]{1,}(?:\[?\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?\]?)[ \t]*\n(?=[ \t]*\S)")


@detector("PERSON")
def chat_export_authors(scan: Scan) -> list[Candidate]:
    """The author of each message of a workplace chat export, named on the message's header line before its time;
    roles, bots and ordinary words ("Jira Bot", "Reminder") as ``speaker_turns`` leaves them."""
    text = scan.text
    if ":" not in text or "\n" not in text:
        return []
    out = []
    lines = list(_AUTHOR_LINE_RE.finditer(text))
    for m in lines:
        span = _speaker_name(scan.lex, m.group("label"))
        # one header line with no status needs a word a name list holds ("Priya Raman  9:41 AM", not "Standup  09:30")
        if span is not None and (len(lines) > 1 or m.group("status") or any(
                _label_flags(scan.lex, w) & (FIRST | LAST) for w in m.group("label").split())):
            out.append(Candidate("PERSON", m.start("label") + span[0], m.start("label") + span[1], 0.85))
    return out
