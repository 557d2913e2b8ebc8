"""Checksums and validity rules of structured identifiers. Where ``python-stdnum`` has the rule it is
used (Luhn, ISO 7064 mod 97-10 of IBANs, Spanish DNI/NIE letters, French NIR keys, and the national
ids of ``NATIONAL_ID_RULES``); what it lacks stays here (IBAN lengths by country, US SSN area rules).
"""

from __future__ import annotations

from stdnum import luhn
from stdnum.be import nn as be_nn
from stdnum.ch import ssn as ch_ahv
from stdnum.de import idnr as de_idnr
from stdnum.ee import ik as ee_ik
from stdnum.es import dni, nie
from stdnum.fr import nir
from stdnum.iso7064 import mod_97_10
from stdnum.it import codicefiscale as it_cf
from stdnum.nl import bsn as nl_bsn
from stdnum.pl import pesel as pl_pesel
from stdnum.pt import nif as pt_nif

IBAN_LEN = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
    "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
    "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
    "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
    "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
    "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
    "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
    "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}


def luhn_ok(digits: str) -> bool:
    return luhn.is_valid(digits)


# Issuer identification number (IIN) ranges of the payment card networks and the number lengths each
# issues, from the ISO/IEC 7812 registrations as the networks publish them (tabled in Wikipedia's
# "Payment card number" article, revision of 2024): (lowest prefix, highest prefix, lengths). Prefixes
# of one range have the same number of digits. A Luhn-valid run outside every range is no card
# ("€3277777777777777777": 1 in 10 digit runs passes Luhn by chance).
_ANY = tuple(range(12, 20))
CARD_IIN_RANGES: tuple[tuple[str, str, tuple[int, ...]], ...] = (
    ("1", "1", (15,)),  # UATP
    ("2200", "2204", (16, 17, 18, 19)),  # Mir
    ("2221", "2720", (16,)),  # Mastercard 2-series
    ("300", "305", (14, 15, 16, 17, 18, 19)),  # Diners Club International
    ("3095", "3095", (14, 15, 16, 17, 18, 19)),  # Diners Club International
    ("34", "34", (15,)), ("37", "37", (15,)),  # American Express
    ("36", "36", (14, 15, 16, 17, 18, 19)),  # Diners Club International
    ("3528", "3589", (16, 17, 18, 19)),  # JCB
    ("38", "39", (14, 15, 16, 17, 18, 19)),  # Diners Club
    ("4", "4", (13, 16, 19)),  # Visa, Visa Electron
    ("50", "50", _ANY),  # Maestro
    ("51", "55", (16,)),  # Mastercard
    ("56", "69", _ANY),  # Maestro (12-19), Discover 60/64/65, UnionPay 62, RuPay 60/65, InstaPayment 637-639
)


def card_iin_ok(digits: str) -> bool:
    """Whether ``digits`` starts with a payment network's issuer prefix and has a length that network
    issues (``CARD_IIN_RANGES``)."""
    n = len(digits)
    return any(lo <= digits[:len(lo)] <= hi and n in lengths for lo, hi, lengths in CARD_IIN_RANGES)


def iban_ok(iban: str) -> bool:
    iban = iban.upper()
    if len(iban) != IBAN_LEN.get(iban[:2], -1) or not iban[2:4].isdigit():
        return False
    return mod97_ok(iban)


def mod97_ok(iban: str) -> bool:
    """The IBAN check (ISO 7064 mod 97-10 over the account part, then country and check digits), any length."""
    return iban[2:4].isdigit() and mod_97_10.is_valid(iban[4:].upper() + iban[:4].upper())


def ssn_ok(area: str, group: str, serial: str) -> bool:
    return not (area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000")


def dni_ok(number: str, letter: str) -> bool:
    return dni.is_valid(number + letter)


def nie_ok(prefix: str, number: str, letter: str) -> bool:
    return nie.is_valid(prefix + number + letter)


def nir_ok(parts: tuple[str, ...]) -> bool:
    return nir.is_valid("".join(parts))


# the national ids found by shape and check digits (``detectors.checksum_ids``): name -> stdnum's
# is_valid. All but the codice fiscale are digits only; each rule checks a date or a check digit.
NATIONAL_ID_RULES = {
    "ch.ahv": ch_ahv.is_valid,  # Swiss AHV/AVS number, 756.XXXX.XXXX.XC (EAN-13)
    "pl.pesel": pl_pesel.is_valid,  # birth date + check digit
    "ee.ik": ee_ik.is_valid,  # Estonian isikukood: century/sex, birth date, check digit
    "de.idnr": de_idnr.is_valid,  # Steuer-ID: digit repetition rule + ISO 7064 mod 11,10
    "be.nn": be_nn.is_valid,  # Belgian national number: birth date + mod 97
    "nl.bsn": nl_bsn.is_valid,  # burgerservicenummer: 11-proof
    "pt.nif": pt_nif.is_valid,  # Portuguese NIF: first digit class + mod 11
    "it.codicefiscale": it_cf.is_valid,  # letters of the name, birth date and place, check letter
}
