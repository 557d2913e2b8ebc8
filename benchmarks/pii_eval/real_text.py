"""Set (b), "real-text": lines people wrote (chatterbot-corpus), with hand-written PII values put in where they fit.

Every record is one real line plus one insertion, chosen per record:

* ``names``: the line already names private people ("Gregory said ...", "Hi Mrs. Smith"): the names are
  replaced (``GOSSIP_NAMES`` in the gossip file, ``EXISTING_NAMES`` per line, found by reading the sample).
* ``speaker``: an export-style "Name: line" prefix, no cue word.
* ``vocative``: "Name, line" or "line, Name!"; the way friends address each other.
* ``mention``: a short follow-up sentence that names someone without a cue ("Ask Declan if ...").
* ``signature``: a sign-off, a full name and a phone number or e-mail on their own lines.
* ``contact``: a follow-up with a phone number, an e-mail or an address (one line or several).
* ``detail``: a follow-up with a card, IBAN, ID number, birth date, passport, IP, profile URL or username.

Values come from ``hand_values``; frames are written here per language. Labels come from the insertion.
``keep`` is every capitalised word outside the inserted values, except public figures' names of the base
lines (``PUBLIC_NAMES``, checked by hand over the sampled lines), which are ``neutral``.
"""

from __future__ import annotations

import random
import re

from . import hand_values as H
from .records import TextBuilder, capitalised_outside, occurrences
from .sources import SourceLine

SAMPLE_PER_LANG = {"en": 300, "de": 40, "fr": 35, "es": 40, "it": 40, "nl": 35, "pt": 30}
METHOD_WEIGHTS = {"speaker": 15, "vocative": 15, "mention": 15, "signature": 10, "contact": 20, "detail": 25}
GOSSIP_NAMES = ("Gregory", "Habib", "Hal", "Sal", "Tom", "Malli", "Raghava", "Jimmy", "John", "Jordan", "Kevin")
GOSSIP_RE = re.compile(r"\b(" + "|".join(GOSSIP_NAMES) + r")\b")

MENTION = {
    "en": ["{NAME} said the same thing yesterday.", "Ask {NAME} if you don't believe me.",
           "{NAME} sends her love, by the way.", "(copying {NAME} on this)", "Even {NAME} agrees."],
    "de": ["{NAME} hat gestern dasselbe gesagt.", "Frag {NAME}, wenn du mir nicht glaubst.", "Liebe Grüße auch von {NAME}."],
    "fr": ["{NAME} m'a dit la même chose hier.", "Demande à {NAME} si tu ne me crois pas.", "{NAME} t'embrasse."],
    "es": ["{NAME} me dijo lo mismo ayer.", "Pregúntale a {NAME} si no me crees.", "{NAME} te manda saludos."],
    "it": ["{NAME} mi ha detto la stessa cosa ieri.", "Chiedi a {NAME} se non ci credi.", "{NAME} ti saluta."],
    "nl": ["{NAME} zei gisteren precies hetzelfde.", "Vraag het aan {NAME} als je me niet gelooft.", "Groetjes van {NAME}."],
    "pt": ["{NAME} disse-me o mesmo ontem.", "Pergunta a {NAME} se não acreditas.", "Beijinhos de {NAME}."],
}
SIGN_OFF = {"en": ["Cheers", "Best", "Thanks"], "de": ["Viele Grüße", "LG"], "fr": ["Bises", "Cordialement"],
            "es": ["Un abrazo", "Saludos"], "it": ["Un saluto", "Ciao"], "nl": ["Groetjes", "Groet"],
            "pt": ["Beijinhos", "Abraço"]}
CONTACT = {  # {PHONE} / {EMAIL} / {ADDRESS}
    "en": ["Call me on {PHONE} later.", "My number is {PHONE}.", "Mail me at {EMAIL}.", "You can write to {EMAIL} too.",
           "I'm at {ADDRESS} now.", "My address:\n{ADDRESS}"],
    "de": ["Ruf mich unter {PHONE} an.", "Meine Nummer: {PHONE}", "Schreib mir an {EMAIL}.", "Ich wohne jetzt {ADDRESS}.",
           "Meine Adresse:\n{ADDRESS}"],
    "fr": ["Appelle-moi au {PHONE}.", "Mon numéro : {PHONE}", "Écris-moi à {EMAIL}.", "J'habite maintenant {ADDRESS}.",
           "Mon adresse :\n{ADDRESS}"],
    "es": ["Llámame al {PHONE}.", "Mi número es {PHONE}.", "Escríbeme a {EMAIL}.", "Ahora vivo en {ADDRESS}.",
           "Mi dirección:\n{ADDRESS}"],
    "it": ["Chiamami al {PHONE}.", "Il mio numero è {PHONE}.", "Scrivimi a {EMAIL}.", "Adesso abito in {ADDRESS}.",
           "Il mio indirizzo:\n{ADDRESS}"],
    "nl": ["Bel me op {PHONE}.", "Mijn nummer is {PHONE}.", "Mail me op {EMAIL}.", "Ik woon nu op {ADDRESS}.",
           "Mijn adres:\n{ADDRESS}"],
    "pt": ["Liga-me para o {PHONE}.", "O meu número é {PHONE}.", "Escreve-me para {EMAIL}.", "Agora moro na {ADDRESS}.",
           "A minha morada:\n{ADDRESS}"],
}
DETAIL = {  # one frame per kind; {CUE} is the ID number's name in that language
    "en": {"card": "My card number is {V}.", "iban": "Pay me back to {V}.", "id": "My {CUE} is {V}.",
           "dob": "I was born on {V}.", "passport": "Passport no. {V}", "ip": "My IP is {V} if that helps.",
           "url": "Here's my profile: {V}", "user": "I'm {V} on Discord."},
    "de": {"card": "Meine Kartennummer ist {V}.", "iban": "Überweis es auf {V}.", "id": "Meine {CUE} ist {V}.",
           "dob": "Ich bin am {V} geboren.", "passport": "Reisepass: {V}", "ip": "Meine IP ist {V}.",
           "url": "Mein Profil: {V}", "user": "Ich bin {V} auf Discord."},
    "fr": {"card": "Mon numéro de carte : {V}.", "iban": "Rembourse-moi sur {V}.", "id": "Mon {CUE} : {V}.",
           "dob": "Je suis né le {V}.", "passport": "Passeport n° {V}", "ip": "Mon IP c'est {V}.",
           "url": "Mon profil : {V}", "user": "Je suis {V} sur Discord."},
    "es": {"card": "Mi tarjeta es la {V}.", "iban": "Devuélvemelo a {V}.", "id": "Mi {CUE} es {V}.",
           "dob": "Nací el {V}.", "passport": "Pasaporte {V}", "ip": "Mi IP es {V}.",
           "url": "Mi perfil: {V}", "user": "Soy {V} en Discord."},
    "it": {"card": "Il numero della carta è {V}.", "iban": "Ridammeli su {V}.", "id": "Il mio {CUE} è {V}.",
           "dob": "Sono nato il {V}.", "passport": "Passaporto n. {V}", "ip": "Il mio IP è {V}.",
           "url": "Il mio profilo: {V}", "user": "Sono {V} su Discord."},
    "nl": {"card": "Mijn kaartnummer is {V}.", "iban": "Maak het over naar {V}.", "id": "Mijn {CUE} is {V}.",
           "dob": "Ik ben geboren op {V}.", "passport": "Paspoort {V}", "ip": "Mijn IP is {V}.",
           "url": "Mijn profiel: {V}", "user": "Ik ben {V} op Discord."},
    "pt": {"card": "O número do cartão é {V}.", "iban": "Devolve para {V}.", "id": "O meu {CUE} é {V}.",
           "dob": "Nasci a {V}.", "passport": "Passaporte n.º {V}", "ip": "O meu IP é {V}.",
           "url": "O meu perfil: {V}", "user": "Sou {V} no Discord."},
}
DETAIL_TYPES = {"card": "CREDIT_CARD", "iban": "IBAN", "dob": "DATE_OF_BIRTH", "passport": "PASSPORT",
                "ip": "IP_ADDRESS", "url": "URL", "user": "USERNAME"}

# public figures and other well-known people named in the sampled base lines (checked by hand): neutral
PUBLIC_NAMES = {
    "Shakespeare", "William Shakespeare", "Ray Bradbury", "Bradbury", "Asimov", "Isaac Asimov", "Philip K. Dick",
    "Frank Herbert", "Tolkien", "Einstein", "Albert Einstein", "Newton", "Isaac Newton", "Darwin", "Lincoln",
    "Abraham Lincoln", "George Washington", "Napoleon", "Hitler", "Obama", "Trump", "Pelé",
    "Maradona", "Messi", "Beethoven", "Mozart", "Picasso", "Leonardo da Vinci", "Da Vinci", "Marx", "Gandhi",
    "JK", "Getúlio Vargas", "Vargas", "Dom Pedro", "Cabral", "Tiradentes", "Ray", "Longfellow",
    "Piers Anthony", "Hans Moravec", "Stephen King", "Agatha Christie", "Jules Verne", "H.G. Wells",
    "Charles Dickens", "Dickens", "Galileo", "Copernicus", "Kafka", "Freud", "Jung", "Kant", "Nietzsche",
    "Plato", "Aristotle", "Socrates", "Cervantes", "Dante", "Goethe", "Molière", "Victor Hugo", "Hemingway",
    "George Herman Ruth", "Babe", "Robert Anton Wilson", "Robert Shea", "Charles Babbage", "J.R.R. Tolkein",
    "Thomas Pynchon", "Dom Pedro II", "Isaac", "Janet",
}
# private people already named in sampled base lines (checked by hand): replaced like the gossip names
EXISTING_NAMES = {"274dfc5a": "Smith", "63f14050": "Jacobs", "bf996544": "Smit", "22af9f44": "Smit",
                  "cc8ef06f": "Gilberto"}


def _lower_first(s: str) -> str:
    return s[0].lower() + s[1:] if len(s) > 1 and s[1].islower() and not s.startswith("I ") else s


class _Values:
    """Picks hand-written values for one record."""

    def __init__(self, lang: str, rng: random.Random) -> None:
        self.lang, self.rng = lang, rng

    def first(self) -> str:
        return self.rng.choice(H.FIRST[self.lang])

    def full(self) -> str:
        return f"{self.first()} {self.rng.choice(H.LAST[self.lang])}"

    def email(self) -> str:
        first, last = self.first().lower(), self.rng.choice(H.LAST[self.lang]).lower().replace(" ", "").replace("'", "")
        user = self.rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{self.rng.randint(1, 99)}"])
        return f"{user}@{self.rng.choice(H.EMAIL_DOMAINS[self.lang])}"

    def phone(self) -> str:
        return self.rng.choice(H.PHONES[self.lang])

    def address(self, multiline: bool) -> str:
        pool = [a for a in H.ADDRESSES[self.lang] if ("\n" in a) == multiline] or H.ADDRESSES[self.lang]
        return self.rng.choice(pool)

    def detail(self, kind: str) -> tuple[str, str, str]:
        """(type, value, cue) for a detail kind."""
        rng = self.rng
        if kind == "id":
            cue, value = rng.choice(H.ID_NUMBERS[self.lang])
            return ("SSN" if "SSN" in cue or "social" in cue else "ID_NUMBER"), value, cue
        value = {"card": lambda: rng.choice(H.cards()), "iban": lambda: H.iban(self.lang, rng.randrange(3), rng.random() < 0.6),
                 "dob": lambda: rng.choice(H.BIRTH_DATES[self.lang]), "passport": lambda: rng.choice(H.PASSPORTS),
                 "ip": lambda: rng.choice(H.IPS), "url": lambda: rng.choice(H.PROFILE_URLS),
                 "user": lambda: rng.choice(H.USERNAMES)}[kind]()
        return DETAIL_TYPES[kind], value, ""


def _names_re(line: SourceLine) -> re.Pattern:
    if line.key in EXISTING_NAMES:
        return re.compile(rf"\b{re.escape(EXISTING_NAMES[line.key])}\b")
    return GOSSIP_RE


def _has_names(line: SourceLine) -> bool:
    return line.key in EXISTING_NAMES or (line.source.endswith("gossip.yml") and bool(GOSSIP_RE.search(line.text)))


def _frame(tb: TextBuilder, frame: str, slot: str, typ: str, value: str, cue: str = "") -> None:
    before, after = frame.replace("{CUE}", cue).split(slot)
    tb.text(before).pii(typ, value).text(after)


def insert(line: SourceLine, method: str, rng: random.Random) -> TextBuilder:
    """One record's text: the real line with one insertion of ``method``."""
    v, text, tb = _Values(line.lang, rng), line.text, TextBuilder()
    if method == "names":
        pos, new_names = 0, {}
        for m in _names_re(line).finditer(text):
            surname = line.key in EXISTING_NAMES and m.group(0) != "Gilberto"  # "Mrs. Smith", "Dr. Smit"
            new = new_names.setdefault(m.group(0), rng.choice(H.LAST[line.lang]) if surname else v.first())
            tb.text(text[pos:m.start()]).pii("PERSON", new)
            pos = m.end()
        return tb.text(text[pos:])
    if method == "speaker":
        return tb.pii("PERSON", v.first() if rng.random() < 0.7 else v.full()).text(": " + text)
    if method == "vocative":
        if rng.random() < 0.5:
            return tb.pii("PERSON", v.first()).text(", " + _lower_first(text))
        stripped = text.rstrip(".!?")
        return tb.text(stripped + ", ").pii("PERSON", v.first()).text(text[len(stripped):] or "!")
    tb.text(text + " ")
    if method == "mention":
        _frame(tb, rng.choice(MENTION[line.lang]), "{NAME}", "PERSON", v.first() if rng.random() < 0.7 else v.full())
    elif method == "signature":
        tb.text(f"\n{rng.choice(SIGN_OFF[line.lang])},\n").pii("PERSON", v.full()).text("\n")
        if rng.random() < 0.6:
            tb.pii("PHONE", v.phone())
        else:
            tb.pii("EMAIL", v.email())
    elif method == "contact":
        frame = rng.choice(CONTACT[line.lang])
        slot = re.search(r"\{(PHONE|EMAIL|ADDRESS)\}", frame).group(0)
        value = {"{PHONE}": v.phone, "{EMAIL}": v.email,
                 "{ADDRESS}": lambda: v.address(multiline=frame.endswith(":\n{ADDRESS}"))}[slot]()
        _frame(tb, frame, slot, "STREET_ADDRESS" if slot == "{ADDRESS}" else slot.strip("{}"), value)
    else:
        kind = rng.choice(list(DETAIL[line.lang]))
        typ, value, cue = v.detail(kind)
        _frame(tb, DETAIL[line.lang][kind], "{V}", typ, value, cue)
    return tb


def build_real_text(lines: list[SourceLine], seed: int) -> list[dict]:
    """One record per base line; the method and values are seeded from (seed, line key)."""
    methods, weights = zip(*METHOD_WEIGHTS.items())
    records = []
    for line in lines:
        rng = random.Random(f"{seed}:rt:{line.key}")
        method = "names" if _has_names(line) else rng.choices(methods, weights=weights)[0]
        tb = insert(line, method, rng)
        rec = tb.build(f"rt-{line.key}", lang=line.lang, source=line.source, method=method)
        rec["neutral"] = sorted(n for n in PUBLIC_NAMES if occurrences(rec["text"], n)
                                and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", rec["text"]))
        rec["keep"] = capitalised_outside(rec["text"], rec["spans"], rec["neutral"])
        records.append(rec)
    return records
