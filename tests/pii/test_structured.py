"""Tests for the structured identifiers found with well-kept libraries (phone numbers with
``phonenumbers``, cards and national ids with ``python-stdnum``) and the street-address shapes.
The examples are written here (made-up numbers with valid check digits), not taken from the
evaluation sets."""

from __future__ import annotations

import functools

import pytest
from tunehouse.pii.detectors import Scan, addresses, checksum_ids, identifiers
from tunehouse.pii.detectors.digit_runs import cards_and_phones
from tunehouse.pii.detectors.phone_numbers import library_phones
from tunehouse.pii.scrubber import Scrubber
from tunehouse.pii.settings import PiiSettings
from tunehouse.pii.validators import dni_ok, iban_ok, luhn_ok, nie_ok, nir_ok


def _phones(text: str) -> list[str]:
    return [text[c.start:c.end] for c in library_phones.detect(Scan(text))]


@pytest.mark.parametrize(("text", "phone"), [
    ("ring the office on 001-212-555-0187x733 after nine", "001-212-555-0187x733"),
    ("Festnetz +43 1 5872 300 Durchwahl -17, danke", "+43 1 5872 300 Durchwahl -17"),
    ("mein Handy: 0049 151 23456789-12", "0049 151 23456789-12"),
    ("Natel +41 (0)78 912 34 56 abends", "+41 (0)78 912 34 56"),
    ("erreichbar unter 0676 987 65 43", "0676 987 65 43"),
    ("(212) 555-0187 ext. 9 is the front desk", "(212) 555-0187 ext. 9"),
    ("bel 020-5551234 toestel 31 maar", "020-5551234 toestel 31"),
    ("llamar al (+34) 912 345 678 hoy", "(+34) 912 345 678"),
    ("chiama 02 1234 5678 interno 12", "02 1234 5678 interno 12"),
])
def test_library_finds_national_and_extended_formats(text, phone):
    assert _phones(text) == [phone]


@pytest.mark.parametrize("text", [
    "order 4471223390 shipped on 14.02.2023",
    "the flat costs 1 249 000 EUR",
    "see you on 2024-06-01 at 10:30",
    "card 4000 0566 5566 5557 expired",  # a card number (Luhn-valid), never a phone
    "ticket 551234 and 556789",
    "On 2023-11-04 21:17 the support team wrote:",  # a date and an hour
    "Le 14/05/2024 09:30, le service a écrit",
])
def test_library_leaves_dates_amounts_and_order_numbers(text):
    assert _phones(text) == []


def test_scrubber_removes_extension_with_the_number():
    out, _ = Scrubber(PiiSettings()).scrub_text("ring the office on 001-212-555-0187x733 after nine")
    assert "0187" not in out and "733" not in out


# ---------------------------------------------------------------- cards and national ids (stdnum)

def _found(detector, text: str) -> list[tuple[str, str]]:
    return sorted({(c.type, text[c.start:c.end]) for c in detector.detect(Scan(text))})


@pytest.mark.parametrize(("text", "value"), [
    ("meine AHV-Nummer 756.1234.5678.97 bitte", "756.1234.5678.97"),
    ("PESEL 90071512342 w systemie", "90071512342"),
    ("isikukood on 49007151236", "49007151236"),
    ("Steuer-ID 86 421 975 317 im Brief", "86 421 975 317"),
    ("rijksregisternummer 90.07.15-017.17", "90.07.15-017.17"),
    ("mijn BSN is 111222333", "111222333"),
    ("o meu NIF 298765438, obrigado", "298765438"),
    ("codice fiscale RSSMRA85T10A562S", "RSSMRA85T10A562S"),
])
def test_checksummed_national_ids(text, value):
    assert _found(checksum_ids.checksum_ids, text) == [("ID_NUMBER", value)]


@pytest.mark.parametrize("text", [
    "ich rufe unter 756.1234.5678.98 an",  # AHV shape, wrong check digit
    "PESEL 90071512343",  # wrong check digit
    "mijn BSN is 111222334",
    "order 111222333 shipped",  # valid by chance, but an order number
    "Steuer-ID 11 111 111 111",  # the Steuer-ID repeats no digit more than three times
])
def test_national_id_shapes_need_their_check_digits(text):
    assert _found(checksum_ids.checksum_ids, text) == []


def test_twelve_digit_maestro_cards():
    assert _found(cards_and_phones, "Maestro 6703 1234 5671 please") == [("CREDIT_CARD", "6703 1234 5671")]
    assert _found(cards_and_phones, "Maestro 670312345671.") == [("CREDIT_CARD", "670312345671")]
    # twelve Luhn-valid digits outside the Maestro ranges are no card
    assert not [t for t, _ in _found(cards_and_phones, "ref 4000 0000 0002") if t == "CREDIT_CARD"]


def _luhn(body: str) -> str:
    """``body`` and its Luhn check digit: a made-up number that passes the checksum."""
    from stdnum import luhn
    return body + luhn.calc_check_digit(body)


def _cards(text: str) -> list[str]:
    return [v for t, v in _found(cards_and_phones, text) if t == "CREDIT_CARD"]


@pytest.mark.parametrize("number", [
    _luhn("411111111111111"),  # Visa, 16
    _luhn("401288888888"),  # Visa, 13
    _luhn("37828224631000"),  # American Express, 15
    _luhn("222100000000000"),  # Mastercard 2-series, 16
    _luhn("545454545454545"),  # Mastercard, 16
    _luhn("353011133330000"),  # JCB, 16
    _luhn("601111111111111"),  # Discover, 16
    _luhn("62212600000000000"),  # UnionPay, 18
    _luhn("3056930902590"),  # Diners Club, 14
])
def test_cards_of_every_issuer_range_are_found(number):
    assert _cards(f"my card is {number} thanks") == [number]


@pytest.mark.parametrize("number", [
    _luhn("327777777777777777"),  # 19 digits, "32" is no issuer's prefix (the demo's false card)
    _luhn("91234567890123"),  # "9": no payment network
    _luhn("41111111111111"),  # a Visa prefix at 15 digits: Visa issues 13, 16 and 19
    _luhn("3712345678901"),  # American Express numbers have 15 digits, not 14
    _luhn("51234567890123456"),  # Mastercard numbers have 16 digits, not 18
])
def test_luhn_valid_runs_outside_the_issuer_ranges_are_no_card(number):
    assert _cards(f"reference {number} noted") == []


@pytest.mark.parametrize("text", [
    "Paid €" + _luhn("411111111111111") + " in total",  # an amount glued to its currency sign
    "the quote was $ " + _luhn("545454545454545"),
])
def test_a_digit_run_after_a_currency_sign_is_an_amount(text):
    assert _cards(text) == []


def test_validators_keep_their_behaviour_on_stdnum():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("DE89370400440532013000") and not iban_ok("DE89370400440532013001")
    assert dni_ok("12345678", "Z") and not dni_ok("12345678", "A")
    assert nie_ok("X", "1234567", "L") and not nie_ok("X", "1234567", "M")
    assert nir_ok(("1", "84", "12", "76", "451", "089", "46"))
    assert not nir_ok(("1", "84", "12", "76", "451", "089", "47"))


# ---------------------------------------------------------------- street addresses

def _addresses(text: str) -> list[str]:
    scan = Scan(text)
    return sorted({text[c.start:c.end] for d in (addresses.street_addresses, addresses.postal_addresses)
                   for c in d.detect(scan)})


@pytest.mark.parametrize(("text", "address"), [
    ("ship to 982 Quarry Bend, Lakeport, OR 97411 thanks", "982 Quarry Bend, Lakeport, OR 97411"),
    ("508 Tillman Hollow\nFairhaven, VT 05743", "508 Tillman Hollow\nFairhaven, VT 05743"),
    ("55 Mill Lane\nNorman, OK 73069", "55 Mill Lane\nNorman, OK 73069"),
    ("19 Holly Close\nRipon\nHG4 1AB", "19 Holly Close\nRipon\nHG4 1AB"),
    ("mail: Unit 4021 Box 7734, APO AE 09123", "Unit 4021 Box 7734, APO AE 09123"),
    ("PSC 1180, Box 3345, FPO AP 96521", "PSC 1180, Box 3345, FPO AP 96521"),
    ("USNS Mercy\nFPO AP 96672", "USNS Mercy\nFPO AP 96672"),
    ("Lieferung an Kastanienweg 14, 04109 Leipzig", "Kastanienweg 14, 04109 Leipzig"),
    ("ich wohne am Hans-Sachs-Ring 8", "Hans-Sachs-Ring 8"),
    ("saada Vabaduse pst 12 peale", "Vabaduse pst 12"),
    ("It's Narva 45\n10152 Tallinn", "Narva 45\n10152 Tallinn"),
    ("Prinsengracht 263\n1016 GV Amsterdam", "Prinsengracht 263\n1016 GV Amsterdam"),
    ("Laan van Nieuw Oost-Indië 9, 2593 BJ Den Haag", "Laan van Nieuw Oost-Indië 9, 2593 BJ Den Haag"),
    ("na adres al. Lipowa 12, 20-020 Lublin", "al. Lipowa 12, 20-020 Lublin"),
    ("ul. Długa 7, 80-831 Gdańsk", "ul. Długa 7, 80-831 Gdańsk"),
    # the house number first, lower-case street types, particles in the city
    ("17 Via dei Mille\n90139 Palermo", "17 Via dei Mille\n90139 Palermo"),
    ("8 Tartu maantee, 10115 Tallinn", "8 Tartu maantee, 10115 Tallinn"),
    ("Rúa do Franco 12, 15702 Santiago de Compostela", "Rúa do Franco 12, 15702 Santiago de Compostela"),
    ("Rua Augusta 44, 3º Esq\n1100-053 Lisboa", "Rua Augusta 44, 3º Esq\n1100-053 Lisboa"),
    ("Am Lindenhof 3\n79098 Freiburg", "Am Lindenhof 3\n79098 Freiburg"),
    ("Flat 2, 14 Elm Road, Leeds LS6 2AB", "Flat 2, 14 Elm Road, Leeds LS6 2AB"),
    ("771 Orchard Turnpike\nHexham\nNE46 3AB", "771 Orchard Turnpike\nHexham\nNE46 3AB"),
    # a lower-case street type before or after the name; three-two digit postcodes (se, cz, sk, gr)
    ("spedisci a via Garibaldi 7, 10122 Torino", "via Garibaldi 7, 10122 Torino"),
    ("Karl Johans gate 22, 0159 Oslo", "Karl Johans gate 22, 0159 Oslo"),
    ("Andrássy út 60, 1062 Budapest", "Andrássy út 60, 1062 Budapest"),
    ("Václavské náměstí 1, 110 00 Praha", "Václavské náměstí 1, 110 00 Praha"),
    ("Drottninggatan 53, 111 21 Stockholm", "Drottninggatan 53, 111 21 Stockholm"),
    ("Am Markt 3, 28195 Bremen", "Am Markt 3, 28195 Bremen"),  # common words, a known city
])
def test_street_addresses(text, address):
    assert address in _addresses(text)


@pytest.mark.parametrize("text", [
    "I arrived on May 5, 2019 Paris was lovely",
    "Room 12, 10115 Berlin is the hotel's street",
    "We were 3, 1200 Passengers were on board",
    "Gate 4, 2023 Terminal",
    "I ordered 2 Large Pizzas, 1200 Euro later",
    "I have 4 Key points to raise, OK 12345 times",  # a USPS suffix needs city, state and ZIP
    "Windows 10, 2000 Server",
    "we sold 120 units, 300 00 left in Praha",
])
def test_no_address_without_a_street_line(text):
    assert not [a for a in _addresses(text) if "," in a or "\n" in a]


@pytest.mark.parametrize(("text", "found"), [
    ("SSN for the loan form, it is 512-44-8123 ok", ["512-44-8123"]),
    ("my social is 512448123", ["512448123"]),
    ("social media 512448123", []),  # no cue
    ("SSN for the form: 666-12-3456", []),  # area 666 is never issued
])
def test_ssn_a_few_words_after_its_cue(text, found):
    assert [text[c.start:c.end] for c in identifiers.cued_ssns.detect(Scan(text))] == found


@pytest.mark.parametrize(("text", "found"), [
    ("meine AHV-Nummer ist 756.1234.5678.90, danke", ["756.1234.5678.90"]),  # check digit wrong: the cue decides
    ("Versicherungsnummer: 12 150785 M 123", ["12 150785 M 123"]),
    ("il mio codice fiscale è BNCLRA80A41H501X grazie", ["BNCLRA80A41H501X"]),
    ("minu isikukood on 38001085718.", ["38001085718"]),
    ("PESEL jest 90071512342", ["90071512342"]),
    ("customer number 99812 thanks", ["99812"]),  # the next word is no part of the number
])
def test_national_id_cues_in_their_own_languages(text, found):
    assert sorted({text[c.start:c.end] for c in identifiers.cued_ids.detect(Scan(text))}) == found


@functools.lru_cache(maxsize=1)
def _scrubber() -> Scrubber:
    return Scrubber()


def _addresses(text: str) -> list[str]:
    return [text[e.start:e.end] for e in _scrubber().detect(text) if e.type == "STREET_ADDRESS"]


@pytest.mark.parametrize(("text", "address"), [
    # address cues of it, pt, nl, pl, et before a street line with no street-type word
    ("Il mio indirizzo è Borgo Nuovo 14, Lecce.", "Borgo Nuovo 14, Lecce"),
    ("A minha morada é Quinta do Lago 7, Faro.", "Quinta do Lago 7, Faro"),
    ("Mijn adres is Korte Poten 3, Den Haag.", "Korte Poten 3, Den Haag"),
    ("Mój adres to Krzywa 9, Toruń.", "Krzywa 9, Toruń"),
    ("Palun saatke see aadressile Vene 12, Tartu.", "Vene 12, Tartu"),
    # street types the shapes lacked: a French "cour" with capitalised particles, German "-siedlung" with a numbered
    # part, a USPS suffix after a locative with no city, state and ZIP
    ("Livrez au 14 Cour Des Petites Ecuries, merci", "14 Cour Des Petites Ecuries"),
    ("Wir wohnen in der Waldsiedlung II 42 seit Mai.", "Waldsiedlung II 42"),
    ("please forward the parcel to 2261 Marsh Hollow instead", "2261 Marsh Hollow"),
])
def test_street_lines_of_more_languages_and_types(text, address):
    assert address in _addresses(text)


@pytest.mark.parametrize("text", [
    "meet me at 3 Central Station at noon",  # a one-digit number after "at" is more often a time
    "we arrived at 1830 Tuesday evening",
])
def test_usps_suffix_after_a_locative_needs_a_street_shape(text):
    assert _addresses(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("my extension is 47 19 63, ask for Ines", "47 19 63"),
    ("Durchwahl 472 196 bitte", "472 196"),
    ("bel me op 47-19-63 vanavond", "47-19-63"),
])
def test_short_local_numbers_after_a_phone_cue(text, found):
    assert [text[e.start:e.end] for e in _scrubber().detect(text) if e.type == "PHONE"] == [found]


@pytest.mark.parametrize("text", [
    "call me on 12 05 24 about it",  # six digits that may be a date
    "my number is 4719",  # too short for a phone number
])
def test_short_digit_groups_that_may_be_dates_are_no_phone(text):
    assert not [e for e in _scrubber().detect(text) if e.type == "PHONE"]
