"""The PII detectors, one module per family, and the order the scrubber runs them in.

Every detector has the same interface (``base.Detector``): ``detect(scan) -> list[Candidate]``,
the ``types`` it may report, whether it ``needs_digit`` and its ``cue``, if any. ``Pipeline(settings)``
runs those of a configuration: the built-in detectors of the enabled types in ``PIPELINE`` order,
then the user's (``custom``), each only on the texts that can hold its values.

The order matters where a detector reads the candidates found before it (``scan.found``): digit
runs (cards, phones) are scanned around the values found before them, a cued phone number that ran
into a later value is cut after the digit scan, and a name joined to a name ("Leo and Mia") needs
the names found so far. Among candidates of one type, the earlier one wins a tie in the resolver.
Detectors with a ``cue`` come first (``Pipeline.run`` runs them only for the cues a text holds);
they read nothing found before them.
"""

from __future__ import annotations

from collections.abc import Callable

from tunehouse.pii.detectors import (
    address_parts,
    addresses,
    checksum_ids,
    contact,
    dates,
    digit_runs,
    financial,
    identifiers,
    names,
    phone_numbers,
    spelled_numbers,
)
from tunehouse.pii.detectors.base import Detector, Scan
from tunehouse.pii.detectors.custom import custom_detectors
from tunehouse.pii.entity import Candidate
from tunehouse.pii.settings import PiiSettings

PIPELINE: tuple[Detector, ...] = (
    # values after a cue word ("passport", "call me on", "my name is")
    identifiers.cued_booking_refs,
    contact.cued_phones,
    names.lower_case_names,
    identifiers.passports,
    identifiers.cued_ids,
    dates.dates_of_birth,
    dates.dates_before_born,
    dates.birth_years,
    identifiers.cued_ssns,
    financial.card_codes,
    addresses.cued_addresses,
    identifiers.credentials,
    contact.cued_usernames,
    contact.platform_usernames,
    contact.platform_handles,
    contact.logged_handles,
    contact.owned_urls,
    addresses.cued_postcodes,
    address_parts.unit_first_addresses,  # behind its unit words ("House No.", "Lot", "Blk", "Villa")
    # values by shape
    contact.emails,
    contact.urls,
    financial.ibans,
    identifiers.ssns,
    contact.ip_addresses,
    identifiers.national_ids,
    checksum_ids.checksum_ids,
    identifiers.booking_codes,
    addresses.street_addresses,
    addresses.postal_addresses,
    addresses.article_streets,
    address_parts.po_boxes,
    address_parts.street_lines,
    financial.wrapped_cards,
    digit_runs.cards_and_phones,  # around all of the above
    phone_numbers.library_phones,  # after the cards: never over one
    contact.phone_lines,
    contact.cut_long_phones,
    spelled_numbers.spelled_phones,
    spelled_numbers.spoken_phones,
    spelled_numbers.spoken_emails,
    spelled_numbers.spoken_street_addresses,
    names.spelt_out_words,
    # the rest
    contact.handles,
    identifiers.lettered_booking_codes,
    names.speaker_turns,
    names.chat_export_authors,
    names.person_names,  # last: joins names to the names found so far
)


class Pipeline:
    """The detectors of one configuration, ready to run on many texts: the built-in detectors of
    the enabled types in ``PIPELINE`` order (less the families of ``pii.disabled_detectors``), then
    the user's (``custom``)."""

    def __init__(self, settings: PiiSettings):
        enabled = frozenset(settings.entities)
        disabled = frozenset(settings.disabled_detectors)
        self.detectors: list[Detector] = [d for d in PIPELINE if d.types & enabled and d.family not in disabled]
        self.detectors += custom_detectors(settings)
        # for a text with / without a digit: cue id -> [(rank, detect)] of the detectors with that
        # cue, and the detect functions of the others, in order
        self._cued: dict[bool, dict[int, list[tuple[int, Callable]]]] = {}
        self._uncued: dict[bool, list[Callable]] = {}
        for has_digit in (True, False):
            steps = [(rank, d) for rank, d in enumerate(self.detectors) if has_digit or not d.needs_digit]
            cued: dict[int, list[tuple[int, Callable]]] = {}
            for rank, d in steps:
                if d.cue is not None:
                    cued.setdefault(d.cue.id, []).append((rank, d.detect))
            self._cued[has_digit] = cued
            self._uncued[has_digit] = [d.detect for _, d in steps if d.cue is None]

    def run(self, scan: Scan) -> list[Candidate]:
        """The candidates of all detectors on ``scan``, in ``scan.found``: first those with a cue that
        the text holds (in pipeline order: they come first in it), then those without one."""
        found = scan.found
        if scan.cue_hits:
            cued = self._cued[scan.has_digit]
            todo = [step for cue in scan.cue_hits for step in cued.get(cue, ())]
            todo.sort()
            for _, detect in todo:
                found += detect(scan)
        for detect in self._uncued[scan.has_digit]:
            found += detect(scan)
        return found


__all__ = ["PIPELINE", "Detector", "Pipeline", "Scan"]
