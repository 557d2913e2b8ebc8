"""Check digits the planted values carry, so that a validating detector has a fair chance (no dependencies)."""

from __future__ import annotations


def luhn_complete(body: str) -> str:
    """``body`` followed by its Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


def iban_with_check(country: str, body: str) -> str:
    digits = "".join(str(int(c, 36)) for c in body + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{body}"
