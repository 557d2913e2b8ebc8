"""PII values and hard negatives for the other-generator set, drawn from ``mimesis`` (not ``faker``).

Names, streets, cities, postal codes, companies, e-mail user parts, usernames, passwords, IPs and card
numbers come from mimesis' own locale data; the formats around them (phone masks with trunk prefixes and
extensions, grouped IBANs, national ID layouts with their check digits, US military addresses) are written
here, so that the values have the shapes people type. Checksums (Luhn, IBAN mod-97, DNI letter, BSN 11-test,
PESEL, isikukood, NIR key) are computed, so a validating detector has a fair chance.
"""

from __future__ import annotations

import random
import string
import unicodedata

from mimesis import Address, Finance, Internet, Locale, Payment, Person
from mimesis.enums import CardType, Gender

from .checksums import iban_with_check, luhn_complete

# our locale code -> mimesis locale
MIMESIS_LOCALES = {
    "en": Locale.EN, "en-gb": Locale.EN_GB, "de": Locale.DE, "de-at": Locale.DE_AT, "de-ch": Locale.DE_CH,
    "fr": Locale.FR, "es": Locale.ES, "it": Locale.IT, "nl": Locale.NL, "pt": Locale.PT, "pl": Locale.PL,
    "et": Locale.ET,
}

# phone masks people type, per locale ('#' = a digit); extensions and trunk prefixes on purpose
PHONE_MASKS = {
    "en": ["(###) ###-####", "###-###-####", "+1 ### ### ####", "###.###.####", "001-###-###-####x###",
           "(###) ###-#### ext. ##", "1-###-###-####"],
    "en-gb": ["07### ######", "+44 7### ######", "0161 ### ####", "020 #### ####", "+44 (0)20 #### ####",
              "01632 ###### ext 2##", "(0113) ### ####"],
    "de": ["0151 ########", "+49 (0)30 #######", "030 / ### ## ##", "0171-#######", "+49 89 ####-###",
           "0049 176 ########", "(0221) ### ## ##-##"],
    "de-at": ["0664 ### ## ##", "+43 (0)1 ### ####", "0699/########", "+43 664 #######"],
    "de-ch": ["+41 (0)79 ### ## ##", "079 ### ## ##", "044 ### ## ##", "+41 44 ### ## ##"],
    "fr": ["06 ## ## ## ##", "+33 (0)6 ## ## ## ##", "01.##.##.##.##", "07########", "+33 1 ## ## ## ##"],
    "es": ["6## ## ## ##", "+34 6## ### ###", "91 ### ## ##", "(+34) 9## ######", "0034 6########"],
    "it": ["3## ### ####", "+39 3## #######", "06 #### ####", "+39 02 ########", "0039 3#########"],
    "nl": ["06-########", "+31 (0)6 ########", "020 - ### ####", "06 ## ## ## ##", "+31 6 #### ####"],
    "pt": ["9## ### ###", "+351 9## ### ###", "21# ### ###", "(+351) 9########"],
    "pl": ["5## ### ###", "+48 6## ### ###", "(22) ### ## ##", "0048 7## ### ###", "8##-###-###"],
    "et": ["5### ####", "+372 5### ####", "6## ####", "+372 5## ####"],
}
EXTENSION_SUFFIX = {"en": [" ext. ###", " x##"], "de": [" Durchwahl -##", "-##"], "fr": [" poste ##"],
                    "es": [" ext. ##"], "nl": [" toestel ##"]}

EMAIL_DOMAINS = {
    "en": ["gmail.com", "yahoo.com", "outlook.com", "aol.com", "icloud.com", "comcast.net"],
    "en-gb": ["btinternet.com", "yahoo.co.uk", "gmail.com", "sky.com", "virginmedia.com"],
    "de": ["gmx.de", "web.de", "t-online.de", "posteo.de", "gmail.com"],
    "de-at": ["gmx.at", "aon.at", "chello.at"], "de-ch": ["bluewin.ch", "gmx.ch", "sunrise.ch"],
    "fr": ["orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com"],
    "es": ["hotmail.es", "telefonica.net", "gmail.com", "yahoo.es"],
    "it": ["libero.it", "virgilio.it", "tiscali.it", "gmail.com"],
    "nl": ["ziggo.nl", "kpnmail.nl", "hetnet.nl", "gmail.com"],
    "pt": ["sapo.pt", "gmail.com", "netcabo.pt"], "pl": ["wp.pl", "onet.pl", "o2.pl", "interia.pl"],
    "et": ["hot.ee", "mail.ee", "gmail.com"],
}

IBAN_LAYOUTS = {  # country, body pattern ('9' digit, 'A' upper letter, 'X' digit or letter)
    "de": "DE", "de-at": "AT", "de-ch": "CH", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pt": "PT",
    "pl": "PL", "et": "EE", "en-gb": "GB", "en": "DE",
}
IBAN_BODY = {"DE": "999999999999999999", "AT": "9999999999999999", "CH": "99999XXXXXXXXXXXX",
             "FR": "9999999999XXXXXXXXXXX99", "ES": "99999999999999999999", "IT": "A9999999999XXXXXXXXXXXX",
             "NL": "AAAA9999999999", "PT": "999999999999999999999", "PL": "999999999999999999999999",
             "EE": "9999999999999999", "GB": "AAAA99999999999999"}

PASSPORT_LAYOUTS = {  # fixed leading letter, then the pattern
    "en": ("", "999999999"), "en-gb": ("", "999999999"), "de": ("C", "XXXXXXXX"), "de-at": ("P", "9999999"),
    "de-ch": ("", "A9999999"), "fr": ("", "99AA99999"), "es": ("", "AAA999999"), "it": ("", "AA9999999"),
    "nl": ("", "AAXXXXXX9"), "pt": ("", "A999999"), "pl": ("", "AA9999999"), "et": ("K", "9999999"),
}

MAESTRO_PREFIXES = ["5018", "5020", "5038", "6304", "6759", "6761", "6762", "6763"]


def fold_ascii(s: str) -> str:
    """'Gołębiewska' -> 'golebiewska': what people type in an e-mail address or a username."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss").replace("ø", "o")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and (c.isalnum() or c in ".-_")).lower()


class MimesisValues:
    """Every value of one record in one locale, from mimesis providers seeded by ``seed``."""

    def __init__(self, locale: str, seed: int) -> None:
        loc = MIMESIS_LOCALES[locale]
        self.locale = locale
        self.rng = random.Random(seed)
        self.person = Person(loc, seed=seed)
        self.address = Address(loc, seed=seed)
        self.finance = Finance(loc, seed=seed)
        self.internet = Internet(seed=seed)
        self.payment = Payment(seed=seed)

    # ------------------------------------------------------------------ people
    def persona(self) -> dict[str, str]:
        gender = self.rng.choice([Gender.FEMALE, Gender.MALE])
        first = self.person.first_name(gender=gender)
        last = self.person.last_name(gender=gender)
        return {"first": first, "last": last, "full": f"{first} {last}"}

    def email(self, p: dict[str, str]) -> str:
        first, last = fold_ascii(p["first"]), fold_ascii(p["last"])
        user = self.rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last}{self.rng.randint(1, 99)}",
                                f"{last}.{first[0]}", self.person.username(mask="l_d")])
        return f"{user}@{self.rng.choice(EMAIL_DOMAINS[self.locale if self.locale in EMAIL_DOMAINS else 'en'])}"

    def username(self, p: dict[str, str]) -> str:
        first, last = fold_ascii(p["first"]), fold_ascii(p["last"])
        return self.rng.choice([self.person.username(mask="ld"), self.person.username(mask="l_d"),
                                f"{first}{last[:1]}{self.rng.randint(70, 99)}", f"{first[:3]}_{last[:4]}"])

    def password(self) -> str:
        return self.person.password(length=self.rng.randint(9, 14))

    def url(self, p: dict[str, str]) -> str:
        first, last = fold_ascii(p["first"]), fold_ascii(p["last"])
        return self.rng.choice([
            f"linkedin.com/in/{first}-{last}-{self.rng.randrange(16**6):06x}",
            f"https://github.com/{first}{last}", f"https://www.instagram.com/{first}.{last}/",
            f"https://www.facebook.com/{first}.{last}.{self.rng.randint(10, 999)}",
            f"https://{first}{last}.{self.rng.choice(['me', 'net', 'dev', 'com'])}"])

    # ------------------------------------------------------------------ phone, finance, ids
    def phone(self, extension: bool = False) -> str:
        masks = PHONE_MASKS[self.locale] + ["<mimesis>"]
        mask = self.rng.choice(masks)
        number = self.person.telephone() if mask == "<mimesis>" else self._mask(mask)
        lang = self.locale.split("-")[0]
        if extension and lang in EXTENSION_SUFFIX:
            number += self._mask(self.rng.choice(EXTENSION_SUFFIX[lang]))
        return number

    def card(self) -> str:
        kind = self.rng.choice(["visa", "mc", "amex", "maestro12", "maestro12", "compact"])
        if kind == "maestro12":
            digits = luhn_complete(self.rng.choice(MAESTRO_PREFIXES) + self._digits(7))
            return self.rng.choice([digits, f"{digits[:4]} {digits[4:8]} {digits[8:]}", f"{digits[:4]}-{digits[4:8]}-{digits[8:]}"])
        if kind == "compact":
            return self.payment.credit_card_number(CardType.VISA).replace(" ", "")
        card_type = {"visa": CardType.VISA, "mc": CardType.MASTER_CARD, "amex": CardType.AMERICAN_EXPRESS}[kind]
        return self.payment.credit_card_number(card_type)

    def iban(self) -> str:
        country = IBAN_LAYOUTS.get(self.locale, "DE")
        body = "".join(self._char(c) for c in IBAN_BODY[country])
        iban = iban_with_check(country, body)
        if self.rng.random() < 0.6:
            return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        return iban

    def ssn(self) -> str:
        area = self.rng.choice([a for a in range(1, 900) if a != 666])
        group, serial = self.rng.randint(1, 99), self.rng.randint(1, 9999)
        sep = self.rng.choice(["-", "-", " ", ""])
        return f"{area:03d}{sep}{group:02d}{sep}{serial:04d}"

    def national_id(self) -> str:
        return {"es": self._dni, "fr": self._nir, "nl": self._bsn, "pl": self._pesel, "et": self._isikukood,
                "en-gb": self._nino, "pt": self._nif, "de": self._steuer_id, "de-at": self._steuer_id,
                "de-ch": self._ahv, "it": self._codice_like, "en": self._driver_licence}[self.locale]()

    def passport(self) -> str:
        prefix, pattern = PASSPORT_LAYOUTS[self.locale]
        return prefix + "".join(self._char(c) for c in pattern)

    def birthdate(self):
        return self.person.birthdate(min_year=1941, max_year=2006)

    def ip(self) -> str:
        return self.internet.ip_v6() if self.rng.random() < 0.2 else self.internet.ip_v4()

    # ------------------------------------------------------------------ addresses
    def street_line(self) -> str:
        return self.address.address()

    def city(self) -> str:
        return self.address.city()

    def postal_code(self) -> str:
        return self.address.postal_code()

    def us_state(self) -> str:
        return self.address.state(abbr=True)

    def military_address(self) -> str:
        d = self._digits
        return self.rng.choice([
            f"Unit {d(4)} Box {d(4)}, DPO {self.rng.choice(['AE', 'AP', 'AA'])} {d(5)}",
            f"PSC {d(4)}, Box {d(4)}, APO {self.rng.choice(['AE', 'AP', 'AA'])} {d(5)}",
            f"USNS {self.person.last_name()}, FPO {self.rng.choice(['AE', 'AP'])} {d(5)}",
            f"CMR {d(3)} Box {d(4)}, APO AE {d(5)}"])

    # ------------------------------------------------------------------ hard negatives
    def company(self) -> str:
        return self.finance.company()

    def country(self) -> str:
        return self.address.country()

    # ------------------------------------------------------------------ helpers
    def _digits(self, n: int) -> str:
        return "".join(self.rng.choice(string.digits) for _ in range(n))

    def _char(self, c: str) -> str:
        if c == "9":
            return self.rng.choice(string.digits)
        if c == "A":
            return self.rng.choice(string.ascii_uppercase)
        if c == "X":
            return self.rng.choice(string.digits + "CFGHJKLMNPRTVWXYZ")
        return c

    def _mask(self, mask: str) -> str:
        return "".join(self.rng.choice(string.digits) if c == "#" else c for c in mask)

    def _dni(self) -> str:
        if self.rng.random() < 0.25:
            prefix, num = self.rng.choice("XYZ"), self._digits(7)
            return f"{prefix}{num}{'TRWAGMYFPDXBNJZSQVHLCKE'[int(str('XYZ'.index(prefix)) + num) % 23]}"
        num = self._digits(8)
        return f"{num}{'TRWAGMYFPDXBNJZSQVHLCKE'[int(num) % 23]}"

    def _nir(self) -> str:
        body = f"{self.rng.choice('12')}{self._digits(2)}{self.rng.randint(1, 12):02d}{self.rng.randint(1, 95):02d}" \
               f"{self._digits(3)}{self._digits(3)}"
        key = 97 - int(body) % 97
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"

    def _bsn(self) -> str:
        while True:
            digits = [int(c) for c in self._digits(8)]
            total = sum(d * w for d, w in zip(digits, range(9, 1, -1)))
            last = total % 11
            if last < 10 and digits[0] != 0:
                return "".join(map(str, digits)) + str(last)

    def _pesel(self) -> str:
        b = self.birthdate()
        month = b.month + (20 if b.year >= 2000 else 0)
        body = f"{b.year % 100:02d}{month:02d}{b.day:02d}{self._digits(4)}"
        check = (10 - sum(int(c) * w for c, w in zip(body, [1, 3, 7, 9] * 3)) % 10) % 10
        return body + str(check)

    def _isikukood(self) -> str:
        b = self.birthdate()
        first = self.rng.choice("34") if b.year < 2000 else self.rng.choice("56")
        body = f"{first}{b.year % 100:02d}{b.month:02d}{b.day:02d}{self._digits(3)}"
        w1, w2 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1], [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]
        c = sum(int(x) * w for x, w in zip(body, w1)) % 11
        if c == 10:
            c = sum(int(x) * w for x, w in zip(body, w2)) % 11 % 10
        return body + str(c)

    def _nino(self) -> str:
        letters = "ABCEGHJKLMNPRSTWXYZ"
        d = self._digits(6)
        return f"{self.rng.choice(letters)}{self.rng.choice(letters)} {d[:2]} {d[2:4]} {d[4:]} {self.rng.choice('ABCD')}"

    def _nif(self) -> str:
        body = self.rng.choice("123") + self._digits(7)
        check = 11 - sum(int(c) * w for c, w in zip(body, range(9, 1, -1))) % 11
        return body + str(0 if check >= 10 else check)

    def _steuer_id(self) -> str:
        body = str(self.rng.randint(1, 9)) + self._digits(9)
        product = 10
        for c in body:  # ISO 7064 MOD 11,10
            s = (int(c) + product) % 10 or 10
            product = (s * 2) % 11
        check = (11 - product) % 10
        ident = body + str(check)
        return self.rng.choice([ident, f"{ident[:2]} {ident[2:5]} {ident[5:8]} {ident[8:]}"])

    def _ahv(self) -> str:
        body = "756" + self._digits(9)
        full = luhn_complete(body)  # EAN-13 style check, close enough in shape
        return f"{full[:3]}.{full[3:7]}.{full[7:11]}.{full[11:]}"

    def _codice_like(self) -> str:
        letters = string.ascii_uppercase
        pick = self.rng.choice
        return (f"{''.join(pick(letters) for _ in range(6))}{self._digits(2)}{pick('ABCDEHLMPRST')}"
                f"{self._digits(2)}{pick(letters)}{self._digits(3)}{pick(letters)}")

    def _driver_licence(self) -> str:
        return f"{self.rng.choice(string.ascii_uppercase)}{self._digits(3)}-{self._digits(4)}-{self._digits(4)}"
