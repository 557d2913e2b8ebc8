"""Street addresses and other details for the fourth generated set, written by hand for this set.

Streets per locale with the country's order (number before or after the street), drawn with a random house
number; some shapes carry a flat, a floor or a postcode the way people type them in chat.
"""

from __future__ import annotations

import random

# (street, number-first?) per locale; postcodes and towns that may follow
STREETS = {
    "en-IN": (["Nungambakkam High Road", "3rd Cross, Indiranagar", "Lokhandwala Back Road", "Sector 21C Main Road"], True),
    "en-SG": (["Ang Mo Kio Avenue 6", "Jalan Bukit Merah", "Tampines Street 42", "Upper Serangoon Crescent"], True),
    "en-PH": (["Kamuning Street", "P. Guevarra Street", "Mabini Extension", "Sampaguita Drive"], True),
    "en-GB": (["Mill Lane", "Tannery Row", "Sidwell Close", "Pudding Bag Lane", "Ferncliffe Terrace"], True),
    "en-IE": (["Kilbarrack Grove", "Ballyhooly Road", "Ardnacrusha Park"], True),
    "en-AU": (["Wattletree Parade", "Boomerang Crescent", "Yarraman Street"], True),
    "de-LU": (["Rue de Stroossen", "Uewerstrooss", "Bëschwee", "Millewee"], False),
    "de-LI": (["Landstrasse", "Pradafant", "Meierhofstrasse", "Im Gapetsch"], False),
    "de-AT": (["Zirkusgasse", "Obere Donaustraße", "Kaiserfeldgasse", "Schottenfeldgasse"], False),
    "fr-LU": (["rue des Prés", "rue de la Forge", "Grand-Rue", "route d'Echternach"], True),
    "fr-FR": (["impasse des Glycines", "rue du Lavoir", "chemin de la Garenne", "allée des Tilleuls"], True),
    "es-CL": (["Pasaje Los Aromos", "Avenida Irarrázaval", "Calle Santa Rosalía", "Pje. El Copihue"], False),
    "es-CO": (["Calle 43 Sur", "Carrera 70", "Transversal 39B", "Diagonal 75A"], False),
    "es-PE": (["Jr. Huiracocha", "Av. Benavides", "Calle Los Ficus", "Jirón Ucayali"], False),
    "it-IT": (["via dei Mille", "vicolo del Pozzo", "viale Gramsci", "via Porta Ticinese"], False),
    "nl-NL": (["Kerkstraat", "Brouwersgracht", "Zeedijk", "Populierenlaan"], False),
    "pt-AO": (["Rua Comandante Gika", "Rua Kwame Nkrumah", "Travessa da Sé"], False),
    "pt-MZ": (["Avenida Julius Nyerere", "Rua da Resistência", "Avenida Mao Tsé-Tung"], False),
    "pt-PT": (["Rua do Loureiro", "Travessa da Fábrica", "Largo do Chafariz"], False),
    "pl-PL": (["ul. Zapiecek", "ul. Kwiatowa", "os. Piastów", "ul. Hoża"], False),
    "sv-SE": (["Kungsgatan", "Tallstigen", "Björkvägen", "Hornsgatan"], False),
    "nb-NO": (["Thereses gate", "Bygdøy allé", "Lyngveien", "Tøyengata"], False),
    "da-DK": (["Jægersborggade", "Blågårdsgade", "Ravnsborggade", "Skovvej"], False),
    "fi-FI": (["Mannerheimintie", "Kalevankatu", "Koivukuja", "Pihlajatie"], False),
    "et-EE": (["Telliskivi tn", "Kalamaja põik", "Vana-Viru", "Pärnu mnt"], False),
}

EXTRAS = {
    "en": ["flat {n}", "2nd floor", "near the temple", "Blk {n}", "unit {n}"],
    "de": ["3. Stock", "Top {n}", "Hinterhaus", "{n}. OG"],
    "fr": ["2e étage", "bât. B", "porte {n}"],
    "es": ["depto {n}", "piso {n}", "casa {n}", "of. {n}"],
    "it": ["int. {n}", "scala B", "3° piano"],
    "nl": ["2 hoog", "-{n}", "huis"],
    "pt": ["2º esq.", "r/c dto", "casa {n}"],
    "pl": ["m. {n}", "lok. {n}", "II piętro"],
    "sv": ["tredje våningen", "lgh 1{n}02", "uppgång B"],
    "nb": ["2. etasje", "H0{n}01", "inngang B"],
    "da": ["2. th.", "st. tv.", "1. sal"],
    "fi": ["B {n}", "as. {n}", "A 1{n}"],
    "et": ["korter {n}", "-{n}", "3. korrus"],
}

POSTCODES = {
    "en-IN": "Chennai 600034", "en-SG": "Singapore 56{n}4{n}", "en-GB": "Leeds LS{n} 4QX", "de-LU": "L-9{n}40 Wiltz",
    "de-LI": "9490 Vaduz", "de-AT": "1020 Wien", "fr-LU": "L-6{n}50 Mompach", "nl-NL": "1015 {n}KS Amsterdam",
    "pl-PL": "00-6{n}9 Warszawa", "sv-SE": "113 {n}5 Stockholm", "fi-FI": "00{n}10 Helsinki", "pt-PT": "4050-3{n}2 Porto",
}


def street_address(rng: random.Random, locale: str) -> str:
    """A street address as a chat writes it: the street and number, sometimes a flat or floor, a postcode."""
    streets, number_first = STREETS[locale]
    street, n = rng.choice(streets), rng.randint(2, 148)
    if locale.startswith("es-CO") and street[0] in "CTD":
        core = f"{street} # {n}-{rng.randint(10, 99)}"
    else:
        core = f"{n} {street}" if number_first else f"{street} {n}"
    lang = locale.split("-")[0]
    roll = rng.random()
    if roll < 0.3:
        core += (", " if lang not in ("sv", "nl", "et") else " ") + rng.choice(EXTRAS[lang]).format(n=rng.randint(1, 9))
    elif roll < 0.5 and locale in POSTCODES:
        core += ", " + POSTCODES[locale].format(n=rng.randint(1, 9))
    return core


EMAIL_USERS = ["{f}.{s}", "{f}{y}", "{f}_{s}", "{s}.{f}{y}"]
EMAIL_DOMAINS = ["rediffmail.com", "singnet.com.sg", "yahoo.com.ph", "pt.lu", "vol.at", "orange.fr", "vtr.net",
                 "une.net.co", "libero.it", "ziggo.nl", "sapo.pt", "o2.pl", "telia.com", "online.no", "mail.dk",
                 "suomi24.fi", "hot.ee", "btinternet.com"]
USERNAMES = ["chai_and_chess", "kopi_kaya88", "tita_lovely", "dartsmad_kofi", "mett_vum_minett", "pferdl_at",
             "quesadilla_cl", "parcero_wilmar", "limeño_percy", "ludo.sketch", "fietsfemke", "kizomba_telma",
             "pierogi_bartek", "fika.linnea", "fjelltur_eirik", "hygge.mette", "saunatonttu_jyke", "tiinu_92"]


def email(rng: random.Random, first: str, last: str) -> str:
    def clean(s: str) -> str:
        table = str.maketrans("áéíóúàèìòùâêôãõçäöüßåæøëïñłśżźćńęąÓ", "aeiouaeiouaeoaocaousaaoeinlszzcneaO")
        return s.lower().translate(table).replace(" ", "").replace("-", "").replace("'", "")
    user = rng.choice(EMAIL_USERS).format(f=clean(first), s=clean(last), y=rng.randint(70, 99))
    return f"{user}@{rng.choice(EMAIL_DOMAINS)}"


def date_of_birth(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1951, 2004)
    return rng.choice([f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}"])


def iban(rng: random.Random) -> str:
    country, length = rng.choice([("LU", 16), ("LI", 17), ("AT", 16), ("PT", 21), ("PL", 24), ("EE", 16), ("FI", 14)])
    digits = "".join(str(rng.randint(0, 9)) for _ in range(length))
    raw = f"{country}{rng.randint(10, 99)}{digits}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def booking_ref(rng: random.Random) -> str:
    return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))


def ip_address(rng: random.Random) -> str:
    return f"{rng.choice([49, 103, 112, 151, 185, 213])}.{rng.randint(1, 254)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}"


def url(rng: random.Random, user: str) -> str:
    return rng.choice([f"https://{user}.carrd.co", f"https://www.flickr.com/photos/{user}", f"linktr.ee/{user}"])
