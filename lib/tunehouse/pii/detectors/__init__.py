"""The PII detectors, one module per family, and the order the scrubber runs them in.

Every detector has the same interface (``base.Detector``): ``detect(scan) -> list[Candidate]``,
the ``types`` it may report and whether it ``needs_digit``. ``pipeline(settings)`` is the list for
a configuration: the built-in detectors of the enabled types in ``PIPELINE`` order, then the user's
(``custom``).

The order matters where a detector reads the candidates found before it (``scan.found``): digit
runs (cards, phones) are scanned around the values found before them, a cued phone number that ran
into a later value is cut after the digit scan, and a name joined to a name ("Leo and Mia") needs
the names found so far. Among candidates of one type, the earlier one wins a tie in the resolver.
"""

from __future__ import annotations

from tunehouse.pii.detectors import (
    addresses,
    contact,
    dates,
    digit_runs,
    financial,
    identifiers,
    names,
)
from tunehouse.pii.detectors.base import Detector, Scan
from tunehouse.pii.detectors.custom import custom_detectors
from tunehouse.pii.settings import PiiSettings

PIPELINE: tuple[Detector, ...] = (
    contact.emails,
    contact.urls,
    # values after a cue word ("passport", "call me on", "my name is")
    identifiers.cued_booking_refs,
    contact.cued_phones,
    names.lower_case_names,
    identifiers.passports,
    identifiers.cued_ids,
    dates.dates_of_birth,
    dates.birth_years,
    identifiers.cued_ssns,
    financial.card_codes,
    addresses.cued_addresses,
    identifiers.credentials,
    contact.cued_usernames,
    addresses.cued_postcodes,
    # values with digits, by shape
    financial.ibans,
    identifiers.ssns,
    contact.ip_addresses,
    identifiers.national_ids,
    identifiers.booking_codes,
    addresses.street_addresses,
    digit_runs.cards_and_phones,  # around all of the above
    contact.phone_lines,
    contact.cut_long_phones,
    # the rest
    contact.handles,
    identifiers.lettered_booking_codes,
    names.person_names,  # last: joins names to the names found so far
)


def pipeline(settings: PiiSettings) -> list[Detector]:
    """The detectors of a scrubber configured by ``settings``, in the order they run."""
    enabled = frozenset(settings.entities)
    return [d for d in PIPELINE if d.types & enabled] + custom_detectors(settings)


__all__ = ["PIPELINE", "Detector", "Scan", "pipeline"]
