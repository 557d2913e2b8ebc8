"""The other PII values of the third generated set: e-mail, IBAN, card, birth date, username, IP, ID number, URL.

Written here from the national formats (IBAN lengths per country, Luhn cards, local date orders, Spanish DNI
letter, Finnish HETU check character, PESEL check digit); the check digits come from ``checksums``.
"""

from __future__ import annotations

import random
import unicodedata

from pii_eval.checksums import iban_with_check, luhn_complete

MAIL_DOMAINS: dict[str, tuple[str, ...]] = {
    "en": ("fastmail.com", "outlook.com", "xtra.co.nz", "shaw.ca", "telkomsa.net", "btinternet.com"),
    "de": ("gmx.de", "posteo.de", "bluewin.ch", "aon.at"), "fr": ("orange.fr", "free.fr", "videotron.ca"),
    "es": ("telefonica.net", "prodigy.net.mx", "fibertel.com.ar"), "it": ("libero.it", "tiscali.it"),
    "nl": ("ziggo.nl", "telenet.be"), "pt": ("sapo.pt", "uol.com.br"), "pl": ("wp.pl", "o2.pl"),
    "et": ("mail.ee",), "sv": ("telia.com",), "nb": ("online.no",), "da": ("mail.dk",), "fi": ("elisanet.fi",),
}

# country code and BBAN shape (9: digit, A: capital letter, X: either) per locale
IBAN_SHAPES = {"en-GB": ("GB", "AAAA99999999999999"), "de-DE": ("DE", "9" * 18), "de-AT": ("AT", "9" * 16),
               "de-CH": ("CH", "9" * 17), "fr-FR": ("FR", "9" * 23), "fr-CH": ("CH", "9" * 17),
               "es-ES": ("ES", "9" * 20), "it-IT": ("IT", "A" + "9" * 22), "it-CH": ("CH", "9" * 17),
               "nl-NL": ("NL", "AAAA" + "9" * 10), "nl-BE": ("BE", "9" * 12), "pt-PT": ("PT", "9" * 21),
               "pl-PL": ("PL", "9" * 24), "et-EE": ("EE", "9" * 16), "sv-SE": ("SE", "9" * 20),
               "nb-NO": ("NO", "9" * 11), "da-DK": ("DK", "9" * 14), "fi-FI": ("FI", "9" * 14),
               "pt-BR": ("BR", "9" * 23 + "AX")}
# locales without IBANs of their own pay into an account of the country they trade with most here
IBAN_FALLBACK = {"en": "en-GB", "es": "es-ES", "fr": "fr-FR", "it": "it-IT", "de": "de-DE"}

MONTHS = {"en": "January February March April May June July August September October November December",
          "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
          "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
          "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
          "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
          "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
          "nl": "januari februari maart april mei juni juli augustus september oktober november december"}


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(ch for ch in s.lower() if ch.isalnum() or ch in " -").replace(" ", "").replace("-", "")


def email(rng: random.Random, lang: str, first: str, last: str) -> str:
    f, la = _ascii(first), _ascii(last)
    local = rng.choice((f"{f}.{la}", f"{f[0]}{la}", f"{la}.{f[0]}", f"{f}{rng.randint(70, 99)}", f"{f}_{la}"))
    return f"{local}@{rng.choice(MAIL_DOMAINS[lang])}"


def iban(rng: random.Random, locale: str) -> str:
    country, shape = IBAN_SHAPES.get(locale) or IBAN_SHAPES[IBAN_FALLBACK[locale.split("-")[0]]]
    body = "".join(str(rng.randint(0, 9)) if c == "9" else rng.choice("ABCDEFGHJKLMNPRSTUVWZ") for c in shape)
    value = iban_with_check(country, body)
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.6 else value


def card(rng: random.Random) -> str:
    prefix = rng.choice(("4", "51", "53", "55", "2221"))
    number = luhn_complete(prefix + "".join(str(rng.randint(0, 9)) for _ in range(15 - len(prefix))))
    sep = rng.choice((" ", "-", ""))
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


def birth_date(rng: random.Random, lang: str, locale: str) -> str:
    y, m, d = rng.randint(1951, 2006), rng.randint(1, 12), rng.randint(1, 28)
    if lang in MONTHS and rng.random() < 0.4:
        month = MONTHS[lang].split()[m - 1]
        return {"en": f"{month} {d}, {y}" if locale in ("en-US", "en-CA") else f"{d} {month} {y}",
                "de": f"{d}. {month} {y}", "es": f"{d} de {month} de {y}", "pt": f"{d} de {month} de {y}"
                }.get(lang, f"{d} {month} {y}")
    if locale in ("en-US",):
        return f"{m:02d}/{d:02d}/{y}"
    if lang in ("de", "pl", "et", "nb", "da", "fi"):
        return f"{d:02d}.{m:02d}.{y}"
    if lang == "sv" or locale == "fr-CA":
        return f"{y}-{m:02d}-{d:02d}"
    if lang == "nl":
        return f"{d:02d}-{m:02d}-{y}"
    return f"{d:02d}/{m:02d}/{y}"


def username(rng: random.Random, first: str) -> str:
    base = _ascii(first)
    return rng.choice((f"@{base}_{rng.randint(80, 99)}", f"{base}.{rng.choice(('fox', 'moth', 'kayak', 'byte'))}",
                       f"xX{base}Xx", f"{base}{rng.randint(1000, 9999)}", f"the_real_{base}"))


def ip_address(rng: random.Random) -> str:
    return ".".join(str(x) for x in (rng.choice((81, 89, 145, 178, 203, 94)), rng.randint(1, 254),
                                     rng.randint(0, 254), rng.randint(2, 253)))


def _dni(rng: random.Random) -> str:
    n = rng.randint(10_000_000, 79_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def _hetu(rng: random.Random) -> str:
    d, m, y, ind = rng.randint(1, 28), rng.randint(1, 12), rng.randint(55, 99), rng.randint(2, 899)
    num = int(f"{d:02d}{m:02d}{y:02d}{ind:03d}")
    return f"{d:02d}{m:02d}{y:02d}-{ind:03d}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[num % 31]}"


def _pesel(rng: random.Random) -> str:
    body = f"{rng.randint(60, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 9999):04d}"
    total = sum(int(c) * w for c, w in zip(body, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)))
    return body + str((10 - total % 10) % 10)


def id_number(rng: random.Random, locale: str) -> str:
    """A national ID number of ``locale`` (DNI, HETU, PESEL with check characters; CPR, fødselsnummer shapes)."""
    if locale == "es-ES":
        return _dni(rng)
    if locale == "fi-FI":
        return _hetu(rng)
    if locale == "pl-PL":
        return _pesel(rng)
    if locale == "da-DK":
        return f"{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(60, 99)}-{rng.randint(1000, 9999)}"
    if locale == "en-ZA":
        return f"{rng.randint(60, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(1000000, 9999999)}"
    return f"{rng.choice('CFGHJK')}{rng.randint(10_000_000, 99_999_999)}"


def url(rng: random.Random, first: str, last: str) -> str:
    f, la = _ascii(first), _ascii(last)
    return rng.choice((f"https://www.linkedin.com/in/{f}-{la}-{rng.randint(100, 999)}", f"https://{f}{la}.photo",
                       f"https://instagram.com/{f}.{la}", f"www.{la}-{f}.net/portfolio"))
