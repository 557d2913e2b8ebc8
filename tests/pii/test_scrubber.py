"""Tests for the PII scrubber (tunehouse.pii.scrubber)."""

from __future__ import annotations

import json
import pickle
import time

import pytest
from fixtures.pii_cases import CASES, PLACE_KEEP
from tunehouse.pii import scrubber as pii
from tunehouse.pii.scrubber import Entity, Scrubber, evaluate, get_scrubber, scrub_jsonl
from tunehouse.pii.settings import ENTITY_TYPES, PiiSettings


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return get_scrubber()


def _found(scrubber: Scrubber, text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start:e.end]) for e in scrubber.detect(text)]


# ----------------------------------------------------------------------------- each type

POSITIVES = [
    ("PERSON", "Hi, my name is Anna Kowalski.", "Anna Kowalski"),
    ("PERSON", "Dear Mr. Okafor, your refund is ready.", "Okafor"),
    ("PERSON", "Best regards,\nOliver Bennett", "Oliver Bennett"),
    ("PERSON", "my name is john smith", "john smith"),
    ("PERSON", "hi, this is donna smith, any news?", "donna smith"),
    ("PERSON", "my name is ana maría de la cruz.", "ana maría de la cruz"),
    ("PERSON", "Frau Schneider möchte umbuchen.", "Schneider"),
    ("PERSON", "SMITH/JOHN MR is on the PNR.", "SMITH/JOHN"),
    ("EMAIL", "write to anna.k+trips@example.co.uk please", "anna.k+trips@example.co.uk"),
    ("EMAIL", "anna dot k at gmail dot com", None),
    ("PHONE", "Call me on +44 7700 900123.", "+44 7700 900123"),
    ("PHONE", "My number is (415) 555-0132.", "(415) 555-0132"),
    ("PHONE", "Office: 020 7946 0958", "020 7946 0958"),
    ("PHONE", "mobile 06 12 34 56 78", "06 12 34 56 78"),
    ("PHONE", "Ruf mich an: +49 30 1234567", "+49 30 1234567"),
    ("PHONE", "call me at 5551234567", "5551234567"),
    ("CREDIT_CARD", "Card 4111 1111 1111 1111 exp 09/27", "4111 1111 1111 1111"),
    ("CREDIT_CARD", "amex 3782 822463 10005", "3782 822463 10005"),
    ("CREDIT_CARD", "the CVV is 737", "737"),
    ("IBAN", "IBAN DE89 3704 0044 0532 0130 00 thanks", "DE89 3704 0044 0532 0130 00"),
    ("IBAN", "GB82WEST12345698765432", "GB82WEST12345698765432"),
    ("SSN", "SSN 536-22-8871", "536-22-8871"),
    ("ID_NUMBER", "DNI 12345678Z", "12345678Z"),
    ("ID_NUMBER", "NI number JG103759A", "JG103759A"),
    ("IP_ADDRESS", "logged in from 203.0.113.45 today", "203.0.113.45"),
    ("IP_ADDRESS", "from 2001:db8:85a3::8a2e:370:7334", "2001:db8:85a3::8a2e:370:7334"),
    ("STREET_ADDRESS", "I live at 742 Evergreen Terrace.", "742 Evergreen Terrace"),
    ("STREET_ADDRESS", "Calle de Alcalá 45, 28014 Madrid", "Calle de Alcalá 45, 28014 Madrid"),
    ("STREET_ADDRESS", "Friedrichstraße 123, 10117 Berlin", "Friedrichstraße 123, 10117 Berlin"),
    ("STREET_ADDRESS", "12 rue de Rivoli, 75004 Paris", "12 rue de Rivoli, 75004 Paris"),
    ("PASSPORT", "passport number 533380006", "533380006"),
    ("PASSPORT", "Reisepassnummer: C01X00T47", "C01X00T47"),
    ("BOOKING_REF", "booking reference X7K9QZ", "X7K9QZ"),
    ("BOOKING_REF", "Localizador: J8K2LM", "J8K2LM"),
    ("BOOKING_REF", "my code is 8XKQ2M I think", "8XKQ2M"),  # shape alone
    ("DATE_OF_BIRTH", "DOB: 14/03/1987", "14/03/1987"),
    ("DATE_OF_BIRTH", "born on March 3rd, 1979", "March 3rd, 1979"),
    ("DATE_OF_BIRTH", "geboren am 23.08.1975", "23.08.1975"),
    ("URL", "see https://www.facebook.com/anna.kowalski.92", "https://www.facebook.com/anna.kowalski.92"),
    ("URL", "https://trip.example.com/manage?email=a%40b.com&ref=ZX81QP", None),
    ("USERNAME", "my username is jdoe_88", "jdoe_88"),
    ("USERNAME", "DM me on insta @anna.k92", "@anna.k92"),
    ("CREDENTIAL", "my password is Summer2024!", "Summer2024!"),
    ("CREDENTIAL", "PIN: 4821", "4821"),
    # session 2: values right after the cue word, no "is"/":" in between; banking and national ids
    ("CREDENTIAL", "username jdoe_1987 and password hunter2", "hunter2"),
    ("USERNAME", "username jdoe_1987 and password hunter2", "jdoe_1987"),
    ("ID_NUMBER", "account number 12345678, sort code 20-00-00", "20-00-00"),
    ("ID_NUMBER", "please refund to account 000123456789", "000123456789"),
    ("ID_NUMBER", "NHS number 943 476 5919", "943 476 5919"),
    ("ID_NUMBER", "My Aadhaar is 2345 6789 0123", "2345 6789 0123"),
    ("PERSON", "Her maiden name was Kowalczyk.", "Kowalczyk"),
]


@pytest.mark.parametrize("typ,text,value", POSITIVES, ids=[f"{p[0]}-{i}" for i, p in enumerate(POSITIVES)])
def test_detects_each_type(scrubber, typ, text, value):
    found = _found(scrubber, text)
    if value is None:
        assert any(t == typ for t, _ in found), found
    else:
        assert (typ, value) in found, found


def test_every_entity_type_is_covered():
    assert {p[0] for p in POSITIVES} == set(ENTITY_TYPES)


# ----------------------------------------------------------------------------- validation

INVALID = [
    "Card 4111 1111 1111 1112 please",  # Luhn fails
    "card 0000 0000 0000 0000",
    "ref DE89370400440532013001",  # mod-97 fails (a mistyped IBAN in the printed form, in groups of four, is scrubbed)
    "IBAN XX89 3704 0044 0532 0130 00",  # unknown country
    "SSN-like 000-12-3456 and 666-12-3456 and 901-12-3456",
    "version 999.1.1.1 and 300.2.3.4",
    "12345678A was printed on the form",  # DNI shape, wrong check letter
]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_values_not_scrubbed(scrubber, text):
    found = _found(scrubber, text)
    assert not [f for f in found if f[0] in ("CREDIT_CARD", "IBAN", "SSN", "IP_ADDRESS", "ID_NUMBER")], found


# ----------------------------------------------------------------------------- false-positive traps

TRAPS = [
    "Flight LH400 departs Frankfurt at 13:25 from gate B22, Terminal 1.",
    "I need to change BA 283 on 12 May 2025 to the 14:30 flight.",
    "The total is €1,249.00 for 2 adults; the upgrade is $89.99.",
    "Seat 14C, room 1204, 3 bags, 2 nights from 2024-07-01 to 2024-07-03.",
    "Order number 40213377821 shipped yesterday.",
    "In 2019 we paid £899 for Marrakech; the 10001 points are on your account.",
    "Will the shuttle run on Sunday? May I bring a dog?",
    "Grace period is 24 hours. Hope that helps!",
    "We fly Qatar Airways via Doha to Auckland, then Air New Zealand.",
    "Paris, Florence, Victoria, Jordan and Georgia are all on the list.",
    "Flights to São Paulo and Rio de Janeiro are delayed by 90 minutes.",
    "Is the Boeing 787 on the Tokyo route or the Airbus A350?",
    "Check-in at the Holiday Inn Express in Orlando opens at 3 pm.",
    "Our Easter special: Lisbon, Porto and the Algarve for €799.",
    "Version 2.4.1 of the app fixes the login bug.",
    "Thanks for your patience! The team will get back to you shortly.",
    "Hello there, could you check my booking please?",
    "El vuelo IB 3166 a Barcelona sale a las 10:45 del 15 de julio.",
    "Le vol AF 1148 pour Nice part du terminal 2F à 9h30.",
    "Der Flug LH 2024 nach München kostet 189,99 €.",
    "My password is not working and the login page is blank.",
    "I forgot my password, can you reset it?",
    "I reset my password yesterday and the password reset link expired.",
    "My account was charged 3 times; the account 2 days ago showed 1 booking.",
    "Can I pay by bank transfer? Which sort code and account do you need?",
    "The old name was Marriott Courtyard, now renamed; the name was wrong on the ticket.",
]


@pytest.mark.parametrize("text", TRAPS)
def test_false_positive_traps_survive(scrubber, text):
    assert scrubber.detect(text) == [], _found(scrubber, text)


def test_place_name_versus_person(scrubber):
    assert _found(scrubber, "I'm flying to Florence next week.") == []
    assert ("PERSON", "Florence Adams") in _found(scrubber, "Florence Adams called about her refund.")
    assert _found(scrubber, "We want to visit Jordan in October.") == []
    assert ("PERSON", "Jordan Peterson") in _found(scrubber, "Jordan Peterson is the lead passenger.")
    assert ("PERSON", "Paris Hilton") in _found(scrubber, "Hi, my name is Paris Hilton.")
    assert _found(scrubber, "We stayed at the Paris Hilton.") == []


# ----------------------------------------------------------------------------- scrubbing

def test_scrub_text_replaces_with_numbered_placeholders(scrubber):
    text = "I'm Anna Kowalski (anna.k@gmail.com), flying BA 283 to Lisbon. Call +48 601 234 567."
    out, counts = scrubber.scrub_text(text)
    assert out == "I'm <PERSON_1> (<EMAIL_1>), flying BA 283 to Lisbon. Call <PHONE_1>."
    assert counts == {"PERSON": 1, "EMAIL": 1, "PHONE": 1}


def test_typed_placeholders():
    s = Scrubber(PiiSettings(placeholder_style="typed"))
    out, _ = s.scrub_text("Thanks, Priya! Mail priya@example.com")
    assert out == "Thanks, <PERSON>! Mail <EMAIL>"


def test_placeholders_consistent_within_conversation(scrubber):
    messages = [
        {"role": "user", "content": "Hi, I'm Anna Kowalski, my email is anna.k@gmail.com", "weight": 0},
        {"role": "assistant", "content": "Thanks Anna! I have sent the voucher to anna.k@gmail.com."},
        {"role": "user", "content": "Great. My husband James O'Connor travels too. Mrs Kowalski is me."},
        {"role": "assistant", "content": "Noted, James O'Connor is added.", "weight": 1},
    ]
    original = json.loads(json.dumps(messages))
    out, counts = scrubber.scrub_messages(messages)
    assert messages == original, "input must not be modified"
    assert out[0]["content"] == "Hi, I'm <PERSON_1>, my email is <EMAIL_1>"
    assert out[1]["content"] == "Thanks <PERSON_1>! I have sent the voucher to <EMAIL_1>."
    assert out[2]["content"] == "Great. My husband <PERSON_2> travels too. Mrs <PERSON_1> is me."
    assert out[3]["content"] == "Noted, <PERSON_2> is added."
    assert [m.get("weight") for m in out] == [0, None, None, 1]
    assert [m["role"] for m in out] == ["user", "assistant", "user", "assistant"]
    assert counts["PERSON"] == 5 and counts["EMAIL"] == 2


def test_scrub_messages_keeps_other_keys_and_parts(scrubber):
    messages = [
        {"role": "system", "content": "You are a travel agent.", "name": "sys"},
        {"role": "user", "content": [{"type": "text", "text": "call me on +44 7700 900123"},
                                     {"type": "image_url", "image_url": {"url": "x"}}]},
        {"role": "tool", "content": None, "tool_call_id": "abc"},
    ]
    out, counts = scrubber.scrub_messages(messages)
    assert out[0] == messages[0]
    assert out[1]["content"][0]["text"] == "call me on <PHONE_1>"
    assert out[1]["content"][1] == messages[1]["content"][1]
    assert out[2] == messages[2]
    assert counts == {"PHONE": 1}


def test_placeholders_are_never_detected(scrubber):
    for case in CASES:
        out, _ = scrubber.scrub_text(case["text"])
        assert scrubber.detect(out) == [], (out, _found(scrubber, out))
        assert scrubber.scrub_text(out)[0] == out  # idempotent
    assert scrubber.detect("Hi <PERSON_1>, your code <BOOKING_REF_2> and <PHONE> are saved.") == []


# ----------------------------------------------------------------------------- idempotence
# The curation pipeline's residual-PII gate runs detect() over scrubbed text and fails on any hit:
# for every text t, detect(scrub_text(t)) must be [].

# (text, substrings that must not survive, substrings that must survive)
TRICKY_NAMES = [
    # a first name that is also a month / place / common word, next to a surname
    ("Hola Julio Gómez: Con gusto te ayudo con tu reserva.", ["Julio", "Gómez"], ["Con gusto"]),
    ("Hola Julio César: Con gusto te ayudo.", ["Julio", "César"], []),
    ("¡Hola, Julio César! Tu vuelo a Madrid sale en julio.", ["Julio", "César"], ["Madrid", "julio"]),
    ("Estimada Abril Fernández: su reembolso está en camino.", ["Abril", "Fernández"], []),
    ("Gracias, Paz Ortega. Buen viaje a Lima.", ["Paz", "Ortega"], ["Lima"]),
    ("¡Hola, Paz Florence! Con gusto te ayudo.", ["Paz", "Florence"], []),
    ("Gracias, Julio César van der Berg.", ["Julio", "César", "Berg"], []),
    ("Dear May Li, your refund of €120 is on its way.", ["May", "Li"], ["€120"]),
    ("Thanks, Will Smith! See you in Florence.", ["Will", "Smith"], ["Florence"]),
    ("Hi June Carter, your seat is 14C.", ["June", "Carter"], ["14C"]),
    ("Hello Florence Adams, the shuttle to Florence leaves at 9.", ["Adams"], ["to Florence"]),
    ("Please ask for Grace Park at the front desk in Sydney.", ["Grace", "Park"], ["Sydney"]),
    ("Please ask for Iris Berlin at the desk.", ["Iris", "Berlin"], []),
    ("Mr. August Rush called about the Berlin booking.", ["August", "Rush"], ["Berlin booking"]),
    ("This is Charlotte Brooks from Charlotte, NC.", ["Brooks"], ["from Charlotte"]),
    ("Good morning Hope Summers, the summer sale ends in June.", ["Hope", "Summers"], ["June"]),
    ("Hi Sydney García López, Ana María Bill here.", ["Sydney", "López", "Ana María"], []),
    ("Julio César called about the refund.", ["Julio", "César"], ["refund"]),
    ("Bonjour Avril Lavigne, votre vol pour Nice part en avril.", ["Avril", "Lavigne"], ["Nice", "avril"]),
    ("Merci Pascal Noël ! Joyeux Noël et bon voyage.", ["Pascal"], ["Joyeux Noël"]),
    ("Madame Florence Martin, votre chambre à Florence est prête.", ["Martin"], ["à Florence"]),
    ("Bonjour Mai Florence, votre vol AF 1148 part à 9h30.", ["Mai", "Florence"], ["AF 1148"]),
    # "Juni" was a first name only in faker's lists (no census or nam_dict entry): the month-name case
    # now uses "April" (US census)
    ("Hallo April Becker, Ihr Flug im April ist bestätigt.", ["Becker"], ["im April"]),
    ("Liebe Mai Nguyen, danke für Ihre Geduld.", ["Mai", "Nguyen"], []),
    ("Herr August Winter fliegt im August nach Wien.", ["Winter"], ["im August", "Wien"]),
    ("Hallo Can Berlin Marie-Claire Young!", ["Can", "Berlin", "Marie-Claire", "Young"], []),
    ("Hallo Łucja Te Whiu Can Ødegård!", ["Łucja", "Whiu", "Ødegård"], []),
    ("¡Hola, Xochitl Franco! Con gusto te ayudo.", ["Xochitl", "Franco"], []),
    # lower-case names
    ("Me llamo julio césar gómez y viajo en agosto.", ["julio", "gómez"], ["agosto"]),
    ("soy pilar de la cruz, mi vuelo es el IB 3166.", ["pilar", "cruz"], ["IB 3166"]),
    ("my name is april ludgate and i fly to paris on 12 may", ["april", "ludgate"], ["paris", "12 may"]),
    ("my name is julio Gómez", ["julio", "Gómez"], []),
    ("ich heiße florian mai und wohne in Berlin.", ["florian"], ["Berlin"]),
    ("thanks maria lopez, see you in Madrid", ["maria", "lopez"], ["Madrid"]),
    # titles
    ("Dear Mrs. May Anderson, your booking is confirmed.", ["May", "Anderson"], ["Mrs."]),
    ("Sr. Mayo Rivas, su vuelo sale a las 10:45.", ["Mayo", "Rivas"], ["10:45"]),
    ("Frau Sommer fliegt am 12. Juli nach Wien.", ["Sommer"], ["Wien"]),
    # capitalised particles (Irish "Ó", "Ní", "Mac"; "De"): the name grows across them on the first scan, as
    # the placeholder pass would on a second one (found by benchmarks/bench_curation.py at 10k: the gate
    # caught "Dean" left before "Ó <PERSON_1>")
    ("this is Dean Ó Treasa My suitcase didn't arrive in Melbourne.", ["Dean", "Treasa"], ["Melbourne"]),
    ("Saoirse Ní Bhriain here, about my refund", ["Saoirse", "Bhriain"], ["refund"]),
    ("Hola Maria De Sousa, su vuelo sale hoy.", ["Maria", "Sousa"], []),
    ("Thanks, Al Gore!", ["Al", "Gore"], []),
    # a first name alone right after a travel word and its preposition is a destination (the demo's gate refused
    # a fine-tuned reply "Have a wonderful trip to Selen."); with a cue or a surname it is still a person
    ("Have a wonderful trip to Selen. Enjoy your stay in Kemer!", [], ["Selen", "Kemer"]),
    ("Dear Selen, I sent the voucher to Selen Yilmaz for your flight to Antalya.", ["Selen", "Yilmaz"], ["Antalya"]),
    ("Please forward it to Selen before Friday.", ["Selen"], ["Friday"]),
    # already partly scrubbed text: a name part next to a PERSON placeholder is still found
    ("Hola Julio <PERSON_1>: ya está.", ["Julio"], ["<PERSON_"]),
]


@pytest.mark.parametrize("text,gone,kept", TRICKY_NAMES, ids=[f"tricky-{i}" for i in range(len(TRICKY_NAMES))])
def test_tricky_names_scrubbed_and_idempotent(scrubber, text, gone, kept):
    out, _ = scrubber.scrub_text(text)
    assert scrubber.detect(out) == [], (out, _found(scrubber, out))
    for value in gone:
        assert value not in out, (value, out)
    for value in kept:
        assert value in out, (value, out)


# greetings / cues x (first names that are months, places, common words) x surnames, 4 languages
_GREETINGS = ["Hola {}:", "¡Hola, {}!", "Gracias, {}.", "Me llamo {}.", "Dear {},", "Thanks, {}!", "Hi {} here",
              "Bonjour {},", "Merci {} !", "Je m'appelle {}.", "Hallo {},", "Liebe {},", "Danke, {}!",
              "Mein Name ist {}.", "The booking is under {} for Lisbon.", "{}, can you help?", "Will {} call me?"]
_FIRSTS = ["Julio", "May", "Will", "Hope", "August", "Avril", "Juni", "Mai", "Abril", "Florence", "Paris", "Sydney",
           "Grace", "Mark", "Summer", "Can", "Paz", "Luz", "Mercedes", "Jordan", "Berlin", "Xochitl", "Julio César",
           "Ana María"]
_LASTS = ["Gómez", "Li", "Smith", "Bolton", "Lima", "Müller", "Dupont", "Cuauhtémoc", "London", "Cruz", "Winter",
          "de la Cruz", "O'Connor", "García López", "Mayo"]


def test_idempotent_on_name_grid(scrubber):
    bad = []
    for i, greet in enumerate(_GREETINGS):
        for j, first in enumerate(_FIRSTS):
            last = _LASTS[(i * 7 + j) % len(_LASTS)]
            for name in (f"{first} {last}", f"{first} {last}".lower(), first):
                text = greet.format(name)
                out, _ = scrubber.scrub_text(text)
                if scrubber.detect(out):
                    bad.append((text, out, _found(scrubber, out)))
    assert not bad, "\n".join(map(repr, bad[:20]))


# values glued together: a failed or losing candidate must not hide (or half-cover) a value that a
# second scan of the scrubbed text would find
GLUED = [
    ("Referencia: WT-MX22M9 Devolvedlo a mi IBAN ES93 4719 6559 4425 1571 2415.", "IBAN"),
    ("call me on +44 20 7946 0658 I'm Dr. joseph davies.", "PHONE"),
    ("+44 20 7946 0277 5433-1833-5864-9721", "PHONE"),
    ("card: NL07 ABNA 6172 8630 57 4427 4706 1597 4443", "CREDIT_CARD"),
    ("7GPK7V. 346383182433295 5559 2734 7117 8514", "CREDIT_CARD"),
    ("WT-ZGXG72 4445 3943 0078 3430", "CREDIT_CARD"),
    ("Dear 110.131.72.36 748-850-6990) code", "PHONE"),
    ("PIN, 160-58-4547: WT-FJX36V 123.198.147.40", "IP_ADDRESS"),
    ("DOB - +44 7388 704089 5 732-92-0057", "PHONE"),
    ("680 64 99 72 77479 Yaman Crossing Apt. 333, East Deger, VT 27391", "PHONE"),
    ("I live at 0830 Akgündüz Heights, Bilgeshire, TN 78580 5201 7090 6710 4499 is my card", "CREDIT_CARD"),
    ("Telefon/p11100586) 153-89-9360", "PHONE"),
    ("my name is kathryn krueger marykate_dangelo26@outlook.com", "PERSON"),
    ("password: María Luisa Mármol robert742@gmail.com", "PERSON"),
    ("Pancho 28.224.101.9", "PERSON"),
    ("Mark Martin 312.347.8030", "PERSON"),
    ("under (Referencia:: ", None),
]


@pytest.mark.parametrize("text,typ", GLUED, ids=[f"glued-{i}" for i in range(len(GLUED))])
def test_glued_values_idempotent(scrubber, text, typ):
    out, counts = scrubber.scrub_text(text)
    assert scrubber.detect(out) == [], (out, _found(scrubber, out))
    if typ:
        assert counts[typ] >= 1, (out, counts)


def test_person_placeholder_neighbours(scrubber):
    # the gate flags a name part left next to a PERSON placeholder; not a title or a place word
    assert _found(scrubber, "Hola Julio <PERSON_1>: ya está.") == [("PERSON", "Julio")]
    assert _found(scrubber, "Dear May <PERSON_1>,") == [("PERSON", "May")]
    assert _found(scrubber, "<PERSON_1> Gómez called") == [("PERSON", "Gómez")]
    assert scrubber.detect("Dear Mr. <PERSON_1>, your flight to Florence is at 9.") == []
    assert scrubber.detect("Will <PERSON_1> call me?") == []
    assert scrubber.detect("<PERSON_1> London office") == []
    assert scrubber.detect("Frau <PERSON_1> fliegt nach Wien.") == []
    assert scrubber.detect("Hi ::1 and <PERSON_1>:: ok") == []


def test_rescrubbing_keeps_placeholder_numbers(scrubber):
    out, _ = scrubber.scrub_text("Hola Julio <PERSON_1>: ya está. anna@x.com")
    assert out == "Hola <PERSON_2> <PERSON_1>: ya está. <EMAIL_1>"
    assert scrubber.scrub_text(out)[0] == out


def _read_generated(out_dir) -> dict[str, list[dict]]:
    """Rows of both export files by conversation (malformed rows skipped), in seq order."""
    import csv
    import io
    from collections import defaultdict

    from tunehouse.synthetic.generator import CSV_NAME, JSONL_NAME

    convs: dict[str, list[dict]] = defaultdict(list)

    def take(row) -> None:
        if not isinstance(row, dict) or not isinstance(row.get("conv_id"), str) or not row["conv_id"]:
            return
        try:
            seq = int(row.get("seq"))
        except (TypeError, ValueError):
            return
        if isinstance(row.get("text"), str) and row.get("sender") in ("customer", "agent", "bot", "system"):
            convs[row["conv_id"]].append({"seq": seq, "sender": row["sender"], "text": row["text"]})

    for line in (out_dir / JSONL_NAME).read_bytes().split(b"\n"):
        try:
            take(json.loads(line.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
    text = (out_dir / CSV_NAME).read_bytes().decode("utf-8", "replace")
    for row in csv.DictReader(io.StringIO(text, newline="")):
        take(row)
    return {cid: sorted(rows, key=lambda r: r["seq"]) for cid, rows in convs.items()}


@pytest.mark.parametrize("seed", [8, 6])  # before the fix: "Hola Marco <PERSON_2>:" (8), an IBAN (6)
def test_idempotent_on_generated_conversations(scrubber, tmp_path, seed):
    """The residual-PII gate of the curation pipeline, on 300 synthetic conversations: every
    conversation scrubbed with scrub_messages (and each message alone with scrub_text), then
    scanned again with detect()."""
    from tunehouse.synthetic.generator import generate_logs

    generate_logs(tmp_path, 300, seed=seed)
    convs = _read_generated(tmp_path)
    assert len(convs) >= 290
    roles = {"customer": "user", "agent": "assistant", "bot": "assistant", "system": "system"}
    residual = []
    n_msgs = n_found = 0
    for cid, rows in convs.items():
        messages = [{"role": roles[r["sender"]], "content": r["text"]} for r in rows]
        out, counts = scrubber.scrub_messages(messages)
        n_found += sum(counts.values())
        for row, msg in zip(rows, out):
            n_msgs += 1
            for e in scrubber.detect(msg["content"]):
                c = msg["content"]
                residual.append(f"{cid}#{row['seq']} {e.type} {c[e.start:e.end]!r} in "
                                f"{c[max(0, e.start - 40):e.end + 40]!r}")
            single, _ = scrubber.scrub_text(row["text"])  # also one message at a time
            for e in scrubber.detect(single):
                residual.append(f"{cid}#{row['seq']} (scrub_text) {e.type} {single[e.start:e.end]!r} in "
                                f"{single[max(0, e.start - 40):e.end + 40]!r}")
    assert n_msgs >= 2000 and n_found >= 1000
    assert not residual, f"{len(residual)} residual detection(s) after scrubbing:\n" + "\n".join(residual[:30])


def test_scrub_texts_batch(scrubber):
    out = scrubber.scrub_texts(["Thanks, Priya!", "Flight LH400 at 13:25", ""])
    assert out == ["Thanks, <PERSON_1>!", "Flight LH400 at 13:25", ""]


# ----------------------------------------------------------------------------- settings

def test_settings_allow_deny_extra_entities():
    s = Scrubber(PiiSettings(
        allow_terms=["support@travelco.example"],
        deny_terms=["Bluebird", "EMPLOYEE_ID:AX-17"],
        extra_patterns={"MEMBER_ID": r"\bMB-\d{6}\b"},
    ))
    text = "Mail support@travelco.example or anna@x.com; Bluebird and AX-17 handled MB-123456."
    out, counts = s.scrub_text(text)
    assert out == "Mail support@travelco.example or <EMAIL_1>; <PERSON_1> and <EMPLOYEE_ID_1> handled <MEMBER_ID_1>."
    assert counts == {"EMAIL": 1, "PERSON": 1, "EMPLOYEE_ID": 1, "MEMBER_ID": 1}
    only_email = Scrubber(PiiSettings(entities=["EMAIL"]))
    assert only_email.scrub_text("Hi, I'm Anna Kowalski, anna@x.com")[0] == "Hi, I'm Anna Kowalski, <EMAIL_1>"
    strict = Scrubber(PiiSettings(min_score=0.99))
    assert strict.detect("Thanks, Priya!") == []


def test_settings_validation():
    with pytest.raises(ValueError):
        PiiSettings(entities=["PERSON", "NOPE"])
    with pytest.raises(ValueError):
        PiiSettings(extra_patterns={"lower": "x"})
    with pytest.raises(ValueError):
        PiiSettings(extra_patterns={"BAD": "("})
    with pytest.raises(ValueError):
        PiiSettings(unknown_field=1)
    for name, field in PiiSettings.model_fields.items():
        assert field.description, name


# ----------------------------------------------------------------------------- process use

def test_picklable_and_cached(scrubber):
    blob = pickle.dumps(Scrubber(PiiSettings(deny_terms=["Bluebird"])))
    assert len(blob) < 2000  # settings only; tables rebuild per process
    clone = pickle.loads(blob)
    assert clone.scrub_text("Bluebird called")[0] == "<PERSON_1> called"
    assert get_scrubber() is get_scrubber(PiiSettings())
    assert isinstance(scrubber.detect("Thanks, Priya!")[0], Entity)


def test_scrub_jsonl_line_for_line(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"text": "Thanks, Priya! Call +44 7700 900123.", "id": 1}),
        json.dumps({"messages": [{"role": "user", "content": "I'm Anna Kowalski"},
                                 {"role": "assistant", "content": "Hi Anna!"}], "weight": 2}),
        '{"text": "Hi, I am Tom Baker", broken',
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": 42}),
        json.dumps({"other": "Anna Kowalski"}),
        json.dumps({"text": "Flight LH400 at 13:25"}),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dst = tmp_path / "out.jsonl"
    summary = scrub_jsonl(src, dst)
    out = dst.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(out) == len(lines)
    assert json.loads(out[0]) == {"text": "Thanks, <PERSON_1>! Call <PHONE_1>.", "id": 1}
    assert json.loads(out[1]) == {"messages": [{"role": "user", "content": "I'm <PERSON_1>"},
                                               {"role": "assistant", "content": "Hi <PERSON_1>!"}], "weight": 2}
    assert out[2] == "null" and "Tom Baker" not in dst.read_text(encoding="utf-8")
    assert out[3] == ""
    assert out[4] == out[5] == out[6] == "null"
    assert json.loads(out[7]) == {"text": "Flight LH400 at 13:25"}
    assert [b["line"] for b in summary["bad_lines"]] == [3, 5, 6, 7]
    assert "invalid JSON" in summary["bad_lines"][0]["reason"]
    assert summary["lines"] == 8 and summary["scrubbed"] == 3
    assert summary["entities"] == {"PERSON": 3, "PHONE": 1}
    assert pii.main([str(src), str(tmp_path / "out2.jsonl")]) == 1
    good = tmp_path / "good.jsonl"
    good.write_text(lines[0] + "\n", encoding="utf-8")
    assert pii.main([str(good), str(tmp_path / "out3.jsonl")]) == 0


# ----------------------------------------------------------------------------- labelled set

@pytest.fixture(scope="module")
def report(scrubber) -> dict:
    return evaluate(CASES, scrubber.detect, PLACE_KEEP)


def test_labelled_set_is_large_and_valid(report):
    assert report["n_cases"] >= 150
    assert report["n_pii"] >= 150
    langs = {c["lang"] for c in CASES}
    assert langs == {"en", "es", "fr", "de"}


def test_labelled_set_recall(report):
    assert report["recall"] >= 0.95, report["missed"]
    for typ, recall in report["recall_by_type"].items():
        assert recall >= 0.8, (typ, recall, [m for m in report["missed"] if m[0] == typ])


def test_labelled_set_place_survival(report):
    assert report["place_survival"] >= 0.9, report["broken_places"]


def test_labelled_set_hard_negatives_kept(report):
    assert report["broken_negatives"] == []


def test_throughput_smoke(scrubber):
    texts = [c["text"] for c in CASES] * 5
    t0 = time.process_time()
    for t in texts:
        scrubber.scrub_text(t)
    rate = len(texts) / max(time.process_time() - t0, 1e-9)
    assert rate > 1500, f"{rate:.0f} msg/s"


@pytest.mark.parametrize("text", ["Der Mann flößt mir langsam Angst ein. -- #Artis", "Er postet auf #LinuxGER",
                                  "thanks #Anna you rock"])
def test_a_word_after_a_hash_is_a_channel_or_hashtag_not_a_person(text):
    assert not [e for e in Scrubber().detect(text) if e.type == "PERSON"]
