"""Street addresses for the third generated set, written by hand from each country's postal conventions.

Per locale: street names, (postcode, town) pairs that belong together, and address patterns in the local
order with flat / floor / unit / door parts, PO boxes and rural forms; a pattern with "\\n" is an address on
several lines. Fields: {no} house number, {st} street, {u} a small unit number, {fl} a floor, {pc} {town}
a postcode and its town, {box} a box number. ``address(rng, locale, multiline)`` fills one.

Convention: an address is one span from its first part (flat, number or street) to the postcode and town
when they are written; a street named as a landmark with no number ("shopping on Oxford Street") is a place
and a keep string, not PII.
"""

from __future__ import annotations

import random

STREETS: dict[str, tuple[str, ...]] = {
    "en-US": ("Sycamore Ridge Dr", "W 38th St", "Old Mill Road", "Tamarack Lane", "Halsted Ave", "Bluebonnet Trail",
              "Calle Serena", "N Whipple St"),
    "en-GB": ("Hollins Lane", "Alma Terrace", "Cromwell Crescent", "Tannery Row", "Saxon Way", "Quarry Bank Road",
              "Nightingale Mews", "Beechwood Grove"),
    "en-CA": ("Rideau St", "Sherbrooke Ave", "Lakeshore Blvd W", "Cabot Crescent", "Fir Grove Rd", "Quinpool Road",
              "Tecumseh Dr"),
    "en-NZ": ("Karaka Street", "Tui Crescent", "Great South Road", "Rimu Lane", "Kowhai Avenue", "Totara Drive",
              "Matai Terrace"),
    "en-ZA": ("Jacaranda Avenue", "Bree Street", "Protea Close", "Voortrekker Road", "Kloof Nek Road",
              "Umhlanga Rocks Drive", "Vilakazi Street"),
    "de-DE": ("Wolfshagener Straße", "Am Mühlenteich", "Friedrich-Ebert-Allee", "Gänsemarkt", "Rosenweg", "Bergmannstr.",
              "Hinter den Höfen", "Am Pulverturm"),
    "de-AT": ("Schottenfeldgasse", "Mariahilfer Straße", "Annenstraße", "Hauptplatz", "Salzachgasse",
              "Leopold-Figl-Weg"),
    "de-CH": ("Hegibachstrasse", "Rebbergweg", "Spitalgasse", "Bahnhofplatz", "Alte Landstrasse", "Untere Gasse"),
    "fr-FR": ("rue des Chaudronniers", "avenue Jean-Jaurès", "impasse des Glycines", "boulevard Voltaire",
              "chemin de la Croix Blanche", "place des Halles-Basses", "allée des Tilleuls", "quai Saint-Vincent"),
    "fr-CA": ("rue Saint-Denis", "boulevard René-Lévesque Est", "avenue du Parc", "rue des Érables",
              "chemin Sainte-Foy", "rang Saint-Joseph"),
    "fr-CH": ("chemin de Pierrefleur", "avenue de la Gare", "rue du Bourg", "route de Florissant", "rue des Moulins"),
    "es-ES": ("C/ del Pintor Sorolla", "Avda. de Andalucía", "Calle Mayor", "Paseo de Zorrilla", "Plaza del Carmen",
              "Calle de la Amargura", "Rúa do Franco"),
    "es-MX": ("Calle Hidalgo", "Av. Insurgentes Sur", "Privada de los Pinos", "Calle Morelos", "Av. Revolución",
              "Calzada del Hueso"),
    "es-AR": ("Av. Corrientes", "Calle 47", "Pasaje Los Aromos", "Av. Pellegrini", "Güemes", "Bv. Oroño"),
    "it-IT": ("Via Giuseppe Mazzini", "Via del Pratello", "Vicolo del Pozzo", "Viale dei Mille",
              "Piazza delle Erbe", "Via dei Serragli", "Strada Provinciale 12"),
    "it-CH": ("Via Nassa", "Via alla Roggia", "Contrada Maggiore", "Via San Gottardo"),
    "nl-NL": ("Keizersgracht", "Molenstraat", "Burgemeester de Withstraat", "Zeedijk", "Lindengracht",
              "Oude Delft", "Sint Jansstraat"),
    "nl-BE": ("Kraanlei", "Vlaamsekaai", "Brugsesteenweg", "Sint-Pietersnieuwstraat", "Lange Lozanastraat"),
    "pt-PT": ("Rua da Boavista", "Avenida da República", "Travessa da Cruz do Torel", "Rua do Bonjardim",
              "Largo de São Domingos", "Rua Cândido dos Reis"),
    "pt-BR": ("Rua Mourato Coelho", "Av. Oceânica", "Rua Pereira da Silva", "Travessa Mariz e Barros",
              "Av. Afonso Pena", "Rua Cônego Eugênio Leite"),
    "pl-PL": ("ul. Zielna", "ul. Kościuszki", "al. Grunwaldzka", "ul. Dąbrowskiego", "os. Piastów", "pl. Wolności",
              "ul. Ogrodowa"),
    "et-EE": ("Jõe tn", "Pärnu maantee", "Ülikooli tänav", "Soo tänav", "Kalevi tn", "Riia tänav"),
    "sv-SE": ("Skolgatan", "Västra Esplanaden", "Rönnbärsstigen", "Kungsholmsgatan", "Sandgatan", "Tallstigen"),
    "nb-NO": ("Thereses gate", "Ullevålsveien", "Nordre gate", "Fjellveien", "Kalfarveien", "Solbakken"),
    "da-DK": ("Ryesgade", "Vestergade", "Frederiks Allé", "Kastanievej", "Strandvejen", "Bøgevej"),
    "fi-FI": ("Pyynikintie", "Fredrikinkatu", "Pihlajapolku", "Kuninkaankatu", "Rantatie", "Satamakatu"),
}

TOWNS: dict[str, tuple[tuple[str, str], ...]] = {
    "en-US": (("OR 97214", "Portland"), ("IL 60614", "Chicago"), ("TX 78704", "Austin"), ("NC 28801", "Asheville"),
              ("MN 55408", "Minneapolis"), ("NM 87501", "Santa Fe")),
    "en-GB": (("LA9 4QT", "Kendal"), ("BS6 5JE", "Bristol"), ("NE2 1RB", "Newcastle upon Tyne"), ("CF24 3DG", "Cardiff"),
              ("EH7 5HG", "Edinburgh"), ("NR2 3AX", "Norwich")),
    "en-CA": (("ON K1N 5X8", "Ottawa"), ("NS B3L 1A1", "Halifax"), ("AB T2N 1Z4", "Calgary"),
              ("MB R3G 0P9", "Winnipeg"), ("BC V8V 3K6", "Victoria")),
    "en-NZ": (("1011", "Auckland"), ("6011", "Wellington"), ("9016", "Dunedin"), ("3110", "Tauranga"),
              ("8011", "Christchurch")),
    "en-ZA": (("2193", "Johannesburg"), ("8001", "Cape Town"), ("4001", "Durban"), ("7600", "Stellenbosch"),
              ("0181", "Pretoria")),
    "de-DE": (("04109", "Leipzig"), ("24103", "Kiel"), ("79098", "Freiburg im Breisgau"), ("90402", "Nürnberg"),
              ("28195", "Bremen"), ("44787", "Bochum")),
    "de-AT": (("1070", "Wien"), ("8020", "Graz"), ("5020", "Salzburg"), ("6020", "Innsbruck"), ("4020", "Linz")),
    "de-CH": (("8008", "Zürich"), ("3011", "Bern"), ("4051", "Basel"), ("6003", "Luzern"), ("9000", "St. Gallen")),
    "fr-FR": (("67000", "Strasbourg"), ("35000", "Rennes"), ("13006", "Marseille"), ("31000", "Toulouse"),
              ("44000", "Nantes"), ("21000", "Dijon")),
    "fr-CA": (("H2J 2L3", "Montréal (Québec)"), ("G1R 4P5", "Québec (Québec)"), ("J1H 1Z1", "Sherbrooke (Québec)"),
              ("G9A 5H7", "Trois-Rivières (Québec)")),
    "fr-CH": (("1003", "Lausanne"), ("1205", "Genève"), ("2000", "Neuchâtel"), ("1950", "Sion"), ("1700", "Fribourg")),
    "es-ES": (("46002", "Valencia"), ("41004", "Sevilla"), ("47001", "Valladolid"), ("15704", "Santiago de Compostela"),
              ("50001", "Zaragoza"), ("48005", "Bilbao")),
    "es-MX": (("44100", "Guadalajara, Jal."), ("03100", "Ciudad de México, CDMX"), ("64000", "Monterrey, N.L."),
              ("68000", "Oaxaca de Juárez, Oax.")),
    "es-AR": (("C1043AAZ", "CABA"), ("B1900", "La Plata"), ("X5000", "Córdoba"), ("S2000", "Rosario"),
              ("M5500", "Mendoza")),
    "it-IT": (("40126", "Bologna BO"), ("50125", "Firenze FI"), ("80134", "Napoli NA"), ("10123", "Torino TO"),
              ("37121", "Verona VR"), ("90133", "Palermo PA")),
    "it-CH": (("6900", "Lugano"), ("6500", "Bellinzona"), ("6600", "Locarno"), ("6850", "Mendrisio")),
    "nl-NL": (("1016 DV", "Amsterdam"), ("3512 JE", "Utrecht"), ("2611 GH", "Delft"), ("9711 LM", "Groningen"),
              ("5611 AB", "Eindhoven")),
    "nl-BE": (("2000", "Antwerpen"), ("9000", "Gent"), ("3000", "Leuven"), ("8000", "Brugge"), ("3500", "Hasselt")),
    "pt-PT": (("4050-104", "Porto"), ("1250-096", "Lisboa"), ("3000-150", "Coimbra"), ("4700-031", "Braga"),
              ("8000-272", "Faro")),
    "pt-BR": (("01304-001", "São Paulo - SP"), ("22231-000", "Rio de Janeiro - RJ"), ("30130-000", "Belo Horizonte - MG"),
              ("90010-150", "Porto Alegre - RS"), ("40020-000", "Salvador - BA")),
    "pl-PL": (("00-108", "Warszawa"), ("31-624", "Kraków"), ("80-244", "Gdańsk"), ("50-077", "Wrocław"),
              ("61-814", "Poznań"), ("90-413", "Łódź")),
    "et-EE": (("10128", "Tallinn"), ("51004", "Tartu"), ("80010", "Pärnu"), ("41531", "Jõhvi")),
    "sv-SE": (("903 26", "Umeå"), ("113 59", "Stockholm"), ("413 01", "Göteborg"), ("211 22", "Malmö"),
              ("753 20", "Uppsala")),
    "nb-NO": (("0168", "Oslo"), ("5003", "Bergen"), ("7011", "Trondheim"), ("9008", "Tromsø"), ("4006", "Stavanger")),
    "da-DK": (("2200", "København N"), ("8000", "Aarhus C"), ("5000", "Odense C"), ("9000", "Aalborg"),
              ("6700", "Esbjerg")),
    "fi-FI": (("33200", "Tampere"), ("00100", "Helsinki"), ("20100", "Turku"), ("90100", "Oulu"),
              ("40100", "Jyväskylä")),
}

# patterns per locale; the first ones are inline, those with "\n" on several lines, PO boxes and rural forms
PATTERNS: dict[str, tuple[str, ...]] = {
    "en-US": ("{no} {st}, Apt {u}{L}, {town}, {pc}", "{no} {st} #{u}0{u}, {town} {pc}", "{no} {st}",
              "PO Box {box}, {town}, {pc}", "{no} {st}\nUnit {u}\n{town}, {pc}", "RR 2 Box {u}{u}, {town}, {pc}"),
    "en-GB": ("Flat {u}, {no} {st}, {town} {pc}", "{no} {st}, {town}, {pc}", "{no}{l} {st}",
              "Flat {u}\n{no} {st}\n{town}\n{pc}", "{Hname} Cottage, {st}, {town} {pc}", "PO Box {box}, {town} {pc}"),
    "en-CA": ("{u}0{u}-{no} {st}, {town} {pc}", "{no} {st}, {town}, {pc}", "{no} {st} Unit {u}",
              "PO Box {box}, Stn Main, {town} {pc}", "{no} {st}\nApt {u}\n{town} {pc}", "RR 3, Site {u}, Comp {no}, {town} {pc}"),
    "en-NZ": ("Flat {u}/{no} {st}, {town} {pc}", "{u}/{no} {st}, {town}", "{no} {st}, RD {u}, {town} {pc}",
              "{no} {st}\n{town} {pc}", "PO Box {box}, {town} {pc}"),
    "en-ZA": ("Unit {u}, {no} {st}, {town}, {pc}", "{no} {st}, {town} {pc}", "PO Box {box}, {town}, {pc}",
              "{u} {Hname} Estate\n{no} {st}\n{town}\n{pc}"),
    "de-DE": ("{st} {no}{l}, {fl}. OG links, {pc} {town}", "{st} {no}, {pc} {town}", "{st} {no}",
              "{st} {no}\n{pc} {town}", "Postfach {box}, {pc} {town}", "c/o {Hname}, {st} {no}, {pc} {town}"),
    "de-AT": ("{st} {no}/{u}/{fl}, {pc} {town}", "{st} {no}/Top {u}, {pc} {town}", "{st} {no}\n{pc} {town}",
              "{st} {no}/Stiege {u}/Tür {fl}"),
    "de-CH": ("{st} {no}, {pc} {town}", "{st} {no}\n{pc} {town}", "Postfach {box}, {pc} {town}",
              "{st} {no}, {fl}. Stock"),
    "fr-FR": ("{no} bis {st}, {pc} {town}", "{no} {st}, bât. {L}, {fl}e étage, {pc} {town}", "{no} {st}",
              "{no} {st}\n{pc} {town}", "BP {box}, {pc} {town}", "Lieu-dit Les {Hname}s, {pc} {town}"),
    "fr-CA": ("{no}, {st}, app. {u}, {town} {pc}", "{no} {st}\n{town} {pc}", "{no}, {st}",
              "C.P. {box}, succ. Centre-ville, {town} {pc}", "{no}, {st}, {town}"),
    "fr-CH": ("{st} {no}, {pc} {town}", "{st} {no}\n{pc} {town}", "Case postale {box}, {pc} {town}"),
    "es-ES": ("{st}, {no}, {fl}º {L}, {pc} {town}", "{st} {no}, {fl}º izda., {pc} {town}", "{st}, {no}",
              "{st}, {no}, bajo\n{pc} {town}", "Apartado de Correos {box}, {pc} {town}"),
    "es-MX": ("{st} {no} Int. {u}, Col. Centro, {pc} {town}", "{st} {no}, {pc} {town}", "{st} #{no}",
              "{st} {no}\nCol. Del Valle\n{pc} {town}"),
    "es-AR": ("{st} {no}, piso {fl} depto. {L}, {pc} {town}", "{st} N° {no}, {town}", "{st} {no} {fl}°{L}",
              "{st} {no}\n{pc} {town}"),
    "it-IT": ("{st} {no}, scala {L}, int. {u}, {pc} {town}", "{st}, {no}/{L} - {pc} {town}", "{st} {no}",
              "{st} {no}\n{pc} {town}", "Casella Postale {box}, {pc} {town}"),
    "it-CH": ("{st} {no}, {pc} {town}", "{st} {no}\n{pc} {town}", "Casella postale {box}, {pc} {town}"),
    "nl-NL": ("{st} {no}-III, {pc} {town}", "{st} {no}{l}, {pc} {town}", "{st} {no}", "{st} {no} hs\n{pc} {town}",
              "Postbus {box}, {pc} {town}"),
    "nl-BE": ("{st} {no} bus {u}, {pc} {town}", "{st} {no}, {pc} {town}", "{st} {no}\n{pc} {town}"),
    "pt-PT": ("{st}, {no}, {fl}.º Esq., {pc} {town}", "{st} {no} - {fl}.º Dto, {pc} {town}", "{st}, n.º {no}",
              "{st}, {no}\n{pc} {town}", "Apartado {box}, {pc} {town}"),
    "pt-BR": ("{st}, {no}, apto {fl}{u}, {town}, {pc}", "{st}, {no} - Centro, {town}, CEP {pc}", "{st}, {no}",
              "{st}, {no}, bloco {L}\n{town}\n{pc}", "Caixa Postal {box}, {pc} {town}"),
    "pl-PL": ("{st} {no}/{u}, {pc} {town}", "{st} {no} m. {u}, {pc} {town}", "{st} {no}{l}",
              "{st} {no}/{u}\n{pc} {town}", "skr. poczt. {box}, {pc} {town}"),
    "et-EE": ("{st} {no}-{u}, {pc} {town}", "{st} {no}, {town}", "{st} {no}-{u}\n{pc} {town}",
              "{Hname} talu, Vaida küla, Rae vald, 75301 Harju maakond"),
    "sv-SE": ("{st} {no} lgh 1{u}0{u}, {pc} {town}", "{st} {no}{L}, {pc} {town}", "{st} {no}\n{pc} {town}",
              "Box {box}, {pc} {town}"),
    "nb-NO": ("{st} {no}{L}, {pc} {town}", "{st} {no}, H0{fl}0{u}, {pc} {town}", "{st} {no}\n{pc} {town}",
              "Postboks {box} Sentrum, {pc} {town}"),
    "da-DK": ("{st} {no}, {fl}. tv., {pc} {town}", "{st} {no}, st. th., {pc} {town}", "{st} {no}\n{pc} {town}",
              "{st} {no}{l}"),
    "fi-FI": ("{st} {no} {L} {u}{u}, {pc} {town}", "{st} {no} as. {u}, {pc} {town}", "{st} {no}\n{pc} {town}",
              "PL {box}, {pc} {town}"),
}

# house and farm names for the patterns that have one
HOUSE_NAMES = ("Rowan", "Heatherbrae", "Karhu", "Pinecrest", "Tammiku", "Sonnhalde", "Bellevue", "Glenmore")


def address(rng: random.Random, locale: str, multiline: bool | None = None, box: bool = False) -> str:
    """One address of ``locale``: inline, on several lines (``multiline=True``) or either (``None``); a PO box
    when ``box`` (an inline street address where the locale has no box pattern here), else never a box."""
    pats = tuple(p for p in PATTERNS[locale] if ("{box}" in p) == box) or PATTERNS[locale]
    if multiline is not None:
        pats = tuple(p for p in pats if ("\n" in p) == multiline) or pats
    pats = tuple(p for p in pats if "{box}" not in p) if not box else pats
    pc, town = rng.choice(TOWNS[locale])
    fields = {"no": str(rng.choice((rng.randint(1, 60), rng.randint(61, 240)))), "st": rng.choice(STREETS[locale]),
              "u": str(rng.randint(1, 9)), "fl": str(rng.randint(1, 6)), "pc": pc, "town": town,
              "box": str(rng.choice((rng.randint(12, 990), rng.randint(1000, 9800)))),
              "L": rng.choice("ABCD"), "l": rng.choice("abc"), "Hname": rng.choice(HOUSE_NAMES)}
    return rng.choice(pats).format(**fields)

