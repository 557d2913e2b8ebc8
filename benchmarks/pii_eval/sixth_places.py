"""Street addresses of the sixth sets in each locale's own order: street and number alone, with unit, with
postcode and town, on one line or as a signature block. Streets, towns and postcode shapes written by hand.
"""

from __future__ import annotations

import random

# locale: streets ("|"-separated), towns with their postcode shape ("#" a random digit, "@" a letter; "|"-separated)
STREETS = {
    "en-US": "Larkspur Ln|Tamarack Dr|W Hollis St|Cottonwood Ct|Bramblewood Ave|N Sycamore Blvd|Quarry Ridge Rd",
    "en-GB": "Ashgrove Terrace|Pendle Road|Kiln Lane|Wharfedale Close|St Oswald's Crescent|Foundry Mews|Gorse Hill",
    "en-AU": "Banksia Cres|Wattle Grove|Kurrajong St|Jacana Pde|Bottlebrush Way|Ironbark Rd",
    "en-IN": "14th Cross, Indiranagar|Lokhandwala Complex Rd|Sector 15A Main Rd|Gandhi Bazaar Main Rd|"
             "Park Circus Connector|Anna Salai Service Rd",
    "en-ZA": "Jacaranda Ave|Protea Rd|Kloof St|Umgeni Rd|Marula Close|Voortrekker Rd",
    "en-CA": "Birchmount Rd|Kingsway Cres|Muskoka Ave|Tamarack Trail|Lakeshore Blvd W|Spadina Rd",
    "cs-CZ": "Na Louži|Kounicova|Bělehradská|U Tržiště|Sokolská|Pod Vinicí|Nádražní",
    "ro-RO": "Str. Mihai Eminescu|Bd. Ion Mihalache|Str. Avram Iancu|Calea Dorobanților|Str. Zorilor|Aleea Trandafirilor",
    "tr-TR": "Bağdat Cad.|Gül Sok.|Cumhuriyet Cad.|Papatya Sok.|Halaskargazi Cad.|Ihlamur Sok.",
    "hu-HU": "Petőfi Sándor utca|Rákóczi út|Kossuth Lajos u.|Damjanich utca|Szent István körút|Bartók Béla út",
    "ca-ES": "Carrer de la Riera|Carrer Major|Passeig de Gràcia|Carrer del Rec|Rambla de Catalunya|Carrer de Sant Pere",
    "pt-BR": "Rua Tabapuã|Av. Afonso Pena|Rua das Laranjeiras|Rua Padre Chagas|Av. Boa Viagem|Rua Oscar Freire",
    "es-MX": "Calle Tehuantepec|Av. Insurgentes Sur|Calle Jalapa|Av. Chapultepec|Calle Morelos|Privada de los Pinos",
    "fr-CA": "rue Saint-Denis|boulevard René-Lévesque|avenue du Mont-Royal|rue des Mélèzes|chemin des Quatre-Bourgeois|rue Cartier",
    "de-AT": "Schönbrunner Straße|Lerchenfelder Gürtel|Annenstraße|Herrengasse|Linzer Straße|Mariahilfer Gasse",
    "de-CH": "Bahnhofstrasse|Seefeldstrasse|Spalenberg|Zeughausgasse|Rebgasse|Kramgasse",
    "hr-HR": "Ulica Ivana Gundulića|Ilica|Vukovarska ulica|Put Firula|Ulica kralja Zvonimira|Savska cesta",
}

TOWNS = {
    "en-US": "Dayton, OH 454##|Boise, ID 837##|Tacoma, WA 984##|Savannah, GA 314##|Akron, OH 443##",
    "en-GB": "Harrogate HG1 #@@|Stockport SK4 #@@|Truro TR1 #@@|Lancaster LA1 #@@|Kendal LA9 #@@",
    "en-AU": "Toowoomba QLD 4350|Ballarat VIC 3350|Wollongong NSW 2500|Bunbury WA 6230",
    "en-IN": "Bengaluru 5600##|Mumbai 4000##|Noida 2013##|Chennai 6000##|Kolkata 7000##",
    "en-ZA": "Pretoria, 0081|Cape Town, 8001|Durban, 4001|Bloemfontein, 9301",
    "en-CA": "Scarborough, ON M1K #@#|Winnipeg, MB R3M #@#|Halifax, NS B3H #@#|Kelowna, BC V1Y #@#",
    "cs-CZ": "602 00 Brno|120 00 Praha 2|301 00 Plzeň|779 00 Olomouc|370 01 České Budějovice",
    "ro-RO": "400### Cluj-Napoca|011### București|300### Timișoara|700### Iași",
    "tr-TR": "34728 Kadıköy/İstanbul|06690 Çankaya/Ankara|35220 Konak/İzmir|16040 Nilüfer/Bursa",
    "hu-HU": "1052 Budapest|4024 Debrecen|6720 Szeged|7621 Pécs|9022 Győr",
    "ca-ES": "08301 Mataró|17004 Girona|25002 Lleida|43003 Tarragona|08221 Terrassa",
    "pt-BR": "São Paulo – SP, 04533-###|Belo Horizonte – MG, 30130-###|Rio de Janeiro – RJ, 22240-###|Recife – PE, 51020-###",
    "es-MX": "06760 Ciudad de México, CDMX|44160 Guadalajara, Jal.|64000 Monterrey, N.L.|72000 Puebla, Pue.",
    "fr-CA": "Montréal (Québec) H2J #@#|Québec (Québec) G1R #@#|Sherbrooke (Québec) J1H #@#|Gatineau (Québec) J8X #@#",
    "de-AT": "1050 Wien|8020 Graz|4020 Linz|5020 Salzburg|6020 Innsbruck",
    "de-CH": "8400 Winterthur|4051 Basel|3011 Bern|6004 Luzern|9000 St. Gallen",
    "hr-HR": "21000 Split|10000 Zagreb|51000 Rijeka|31000 Osijek|23000 Zadar",
}

UNITS = {"en-US": "Apt {n}B", "en-GB": "Flat {n}", "en-AU": "Unit {n}", "en-IN": "Flat {n}02", "en-ZA": "Unit {n}",
         "en-CA": "Suite {n}0{n}", "ro-RO": "bl. B{n}, ap. {n}{n}", "tr-TR": "D: {n}", "ca-ES": "{n}r {n}a",
         "pt-BR": "apto {n}2", "es-MX": "Int. {n}", "fr-CA": "app. {n}", "de-CH": "", "hr-HR": "", "cs-CZ": "",
         "hu-HU": "{n}. em. {n}.", "de-AT": ""}


def _fill(rng: random.Random, shape: str) -> str:
    return "".join(rng.choice("0123456789") if c == "#" else rng.choice("ABCEGHJKLMNPRSTVWXY") if c == "@" else c
                   for c in shape)


def _number(rng: random.Random, locale: str) -> str:
    n = rng.randint(1, 240)
    if locale == "cs-CZ":  # číslo popisné / orientační
        return f"{rng.randint(100, 2900)}/{rng.randint(1, 60)}"
    if locale == "de-AT" and rng.random() < 0.5:  # Stiege and Tür
        return f"{n}/{rng.randint(1, 5)}/{rng.randint(1, 24)}"
    if locale == "ro-RO":
        return f"nr. {n}"
    if locale == "tr-TR":
        return f"No: {n}" if rng.random() < 0.5 else f"No:{n}"
    if locale == "hu-HU":
        return f"{n}."
    return str(n)


def street_part(rng: random.Random, locale: str) -> str:
    """The street and house number in local order (number first in English, fr-CA: "4521, rue ...")."""
    street = rng.choice(STREETS[locale].split("|"))
    number = _number(rng, locale)
    if locale.startswith("en-"):
        return f"{number} {street}"
    if locale == "fr-CA":
        return f"{number}, {street}"
    if locale == "pt-BR":
        return f"{street}, {number}"
    return f"{street} {number}"


def address(rng: random.Random, locale: str, *, town: bool = True, unit: bool | None = None,
            sep: str = ", ") -> str:
    """A street address of ``locale``: street part, maybe a unit, maybe postcode and town, joined by ``sep``
    (a newline for a signature block). Hungarian puts the postcode and town first."""
    parts = [street_part(rng, locale)]
    want_unit = rng.random() < 0.35 if unit is None else unit
    unit_shape = UNITS[locale]
    if want_unit and unit_shape:
        u = unit_shape.format(n=rng.randint(1, 9))
        if locale in ("en-GB", "en-IN") or (locale == "en-AU" and "/" not in parts[0]):
            parts.insert(0, u)
        else:
            parts.append(u)
    if town:
        place = _fill(rng, rng.choice(TOWNS[locale].split("|")))
        parts = [place] + parts if locale == "hu-HU" else parts + [place]
    return sep.join(parts)

