"""Street addresses per locale, written by hand for the fresh set in each country's own order and style.

Written from the national conventions (Wikipedia "Address" articles and the postal operators' own
guides: USPS Publication 28, Royal Mail PAF, An Post / Eircode, Australia Post, Deutsche Post, Swiss Post,
La Poste, bpost, Correos, Poste Italiane, PostNL, CTT, Correios, Poczta Polska, Omniva, PostNord, Posten,
Posti): house number after the street in most of Europe, before it in en and fr-FR; flat / unit / floor /
stair / door parts (US "Apt 4B", GB "Flat 2", AU "Unit 3/27", AT "Stiege 2/Tür 14", ES "3º izda.",
IT "scala B, int. 7", PL "m. 15", PT "2.º Esq.", BR "apto 502", DK "2. th.", FI "B 34"); postcode before the
city (after it in en-GB/IE/US/AU and pt-BR); PO boxes; one line or several. Streets and towns are real
street names of the kind every town has (named after trees, trades, saints, writers) paired with real towns
and plausible postcodes; the combination is invented. An address is one STREET_ADDRESS span from the first
part (flat or number) to the postcode and town: a scrubber that keeps the town still leaks it.
"""

from __future__ import annotations

import random
import re

# (street names, [(postcode pattern, town)], line formats): "{no}" house number, "{st}" street, "{pc}" postcode,
# "{town}" town, "{unit}" a flat/floor part of the locale, "{box}" a PO box, "{small}" a box / flat number;
# "#" random digit, "L" random capital in postcodes
LOCALES: dict[str, dict] = {
    "en-US": {"streets": ["Sycamore Ln", "W Fullerton Ave", "Old Mill Rd", "Magnolia Street", "NE Alberta St",
                          "Cedar Ridge Dr", "Elm Ct", "S Congress Ave", "Hawthorne Blvd", "County Road 12"],
              "towns": [("60614", "Chicago, IL"), ("97211", "Portland, OR"), ("78704", "Austin, TX"),
                        ("43215", "Columbus, OH"), ("02139", "Cambridge, MA"), ("85004", "Phoenix, AZ"),
                        ("37206", "Nashville, TN"), ("55408", "Minneapolis, MN")],
              "units": ["Apt 4B", "Apt. 12", "Unit 7", "Suite 210", "#3", "Apt 2R"],
              "formats": ["{no} {st}, {town} {pc}", "{no} {st} {unit}, {town} {pc}", "{no} {st}\n{unit}\n{town} {pc}",
                          "{no} {st}, {unit}, {town} {pc}", "PO Box {box}, {town} {pc}"]},
    "en-GB": {"streets": ["Cromwell Road", "Beech Grove", "Albert Terrace", "Chapel Lane", "Victoria Street",
                          "Orchard Close", "Mill Hill", "Tennyson Avenue", "Wellgate", "Sandringham Drive"],
              "towns": [("LS6 #LL", "Leeds"), ("M20 #LL", "Manchester"), ("BS7 #LL", "Bristol"), ("EH10 #LL", "Edinburgh"),
                        ("NG7 #LL", "Nottingham"), ("CF24 #LL", "Cardiff"), ("SE15 #LL", "London"), ("YO31 #LL", "York")],
              "units": ["Flat 2", "Flat 3B", "Top Floor Flat", "Flat 11"],
              "formats": ["{no} {st}, {town} {pc}", "{unit}, {no} {st}, {town}, {pc}", "{no} {st}\n{town}\n{pc}",
                          "{unit}\n{no} {st}\n{town} {pc}", "{no} {st}, {pc}"]},
    "en-IE": {"streets": ["Griffith Avenue", "Main Street", "Ballyhooly Road", "Church Road", "Sráid an Mhuilinn",
                          "Ashfield Park", "Kilmore Road", "Bóthar na Trá"],
              "towns": [("D09 L#L#", "Dublin 9"), ("T23 L#L#", "Cork"), ("H91 L#L#", "Galway"), ("V94 L#L#", "Limerick"),
                        ("D06 L#L#", "Rathmines, Dublin 6")],
              "units": ["Apt 5", "Apartment 22", "Flat 1"],
              "formats": ["{no} {st}, {town}, {pc}", "{unit}, {no} {st}, {town} {pc}", "{no} {st}\n{town}\n{pc}",
                          "{no} {st}, {town}"]},
    "en-AU": {"streets": ["Banksia St", "Sydney Rd", "Wattle Grove", "Bridge Rd", "Jacaranda Ave", "Beach Parade",
                          "Kookaburra Cres", "Oxford St"],
              "towns": [("3056", "Brunswick VIC"), ("2010", "Surry Hills NSW"), ("4101", "West End QLD"),
                        ("6160", "Fremantle WA"), ("5067", "Norwood SA"), ("7000", "Hobart TAS")],
              "units": ["Unit 3/", "U 12/", "Unit 4/", "3/", "Level 2, "],
              "formats": ["{no} {st}, {town} {pc}", "{unit}{no} {st}, {town} {pc}", "{unit}{no} {st}\n{town} {pc}",
                          "PO Box {box}, {town} {pc}"]},
    "de-DE": {"streets": ["Lindenstraße", "Am Mühlbach", "Kastanienallee", "Goethestr.", "Bahnhofstraße",
                          "Hermann-Löns-Weg", "Im Grund", "Schäferkampsallee", "Karl-Marx-Str.", "An der Alster"],
              "towns": [("10437", "Berlin"), ("20357", "Hamburg"), ("80469", "München"), ("50667", "Köln"),
                        ("04109", "Leipzig"), ("69117", "Heidelberg"), ("28195", "Bremen"), ("01067", "Dresden")],
              "units": ["3. OG links", "Hinterhaus, 2. Stock", "c/o Schubert", "Whg. 14", "EG rechts"],
              "formats": ["{st} {no}, {pc} {town}", "{st} {no}\n{pc} {town}", "{st} {no}, {unit}, {pc} {town}",
                          "{st} {no}a, {pc} {town}", "Postfach {box}, {pc} {town}", "{st} {no} ({unit}), {pc} {town}"]},
    "de-AT": {"streets": ["Gumpendorfer Straße", "Mariahilfer Str.", "Grabenweg", "Lerchenfelder Gürtel",
                          "Herrengasse", "Leopoldauer Platz"],
              "towns": [("1060", "Wien"), ("1160", "Wien"), ("8010", "Graz"), ("6020", "Innsbruck"), ("5020", "Salzburg"),
                        ("4020", "Linz")],
              "units": ["/2/14", "/7", "/Stiege 3/Tür 9", "/1/5"],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no}, {pc} {town}", "{st} {no}{unit}\n{pc} {town}",
                          "A-{pc} {town}, {st} {no}"]},
    "de-CH": {"streets": ["Bahnhofstrasse", "Seefeldstrasse", "Rue du Simplon", "Kirchgasse", "Spalenberg",
                          "Via Cantonale", "Hirschengraben"],
              "towns": [("8008", "Zürich"), ("3011", "Bern"), ("4051", "Basel"), ("6003", "Luzern"), ("9000", "St. Gallen"),
                        ("7000", "Chur")],
              "units": ["3. Stock", "Postfach", "bei Meier"],
              "formats": ["{st} {no}, {pc} {town}", "{st} {no}\nCH-{pc} {town}", "{st} {no}, {unit}, {pc} {town}"]},
    "fr-FR": {"streets": ["rue des Tanneurs", "avenue Jean Jaurès", "boulevard de la Croix-Rousse", "impasse des Lilas",
                          "rue du Faubourg Saint-Antoine", "allée des Acacias", "place du Marché", "chemin des Vignes"],
              "towns": [("69004", "Lyon"), ("67000", "Strasbourg"), ("75011", "Paris"), ("13006", "Marseille"),
                        ("31000", "Toulouse"), ("44000", "Nantes"), ("59800", "Lille"), ("35000", "Rennes")],
              "units": ["Bât. B, 3e étage", "appt 42", "Résidence Les Tilleuls, esc. C", "2e étage gauche"],
              "formats": ["{no} {st}, {pc} {town}", "{no} {st}\n{pc} {town}", "{unit}, {no} {st}, {pc} {town}",
                          "{no} bis {st}, {pc} {town}", "{unit}\n{no} {st}\n{pc} {town}", "BP {box}, {pc} {town} Cedex"]},
    "fr-BE": {"streets": ["rue de la Loi", "Chaussée de Wavre", "avenue Louise", "Kerkstraat", "rue des Bouchers",
                          "Meir", "Boulevard d'Avroy"],
              "towns": [("1000", "Bruxelles"), ("1050", "Ixelles"), ("4000", "Liège"), ("2000", "Antwerpen"),
                        ("9000", "Gent"), ("5000", "Namur")],
              "units": ["bte 3", "boîte 12", "bus 4"],
              "formats": ["{st} {no}, {pc} {town}", "{st} {no} {unit}, {pc} {town}", "{st} {no}\n{pc} {town}",
                          "{st} {no}/{small}, B-{pc} {town}"]},
    "es-ES": {"streets": ["Calle de Toledo", "C/ Mayor", "Avda. de la Constitución", "Carrer de Mallorca",
                          "Calle Sierpes", "Paseo de la Castellana", "Rúa do Vilar", "Plaza del Pilar"],
              "towns": [("28005", "Madrid"), ("08013", "Barcelona"), ("41004", "Sevilla"), ("46001", "Valencia"),
                        ("50003", "Zaragoza"), ("15705", "Santiago de Compostela"), ("48005", "Bilbao")],
              "units": ["3º izda.", "2ºB", "bajo", "4.º 1.ª", "esc. 2, 5º D", "ático"],
              "formats": ["{st} {no}, {unit}, {pc} {town}", "{st}, {no}, {unit}\n{pc} {town}", "{st} {no}, {pc} {town}",
                          "{st}, nº {no}, {unit}, {pc} {town}", "Apartado de Correos {box}, {pc} {town}"]},
    "it-IT": {"streets": ["Via Giuseppe Garibaldi", "Viale Monza", "Corso Vittorio Emanuele II", "Via dei Mille",
                          "Piazza San Domenico", "Vicolo del Cinque", "Via Roma", "Largo Augusto"],
              "towns": [("10122", "Torino"), ("20127", "Milano"), ("00153", "Roma"), ("80134", "Napoli"),
                        ("40125", "Bologna"), ("50122", "Firenze"), ("90133", "Palermo")],
              "units": ["scala B, int. 7", "interno 4", "piano 3", "scala A"],
              "formats": ["{st} {no}, {pc} {town}", "{st}, {no} - {pc} {town}", "{st} {no}, {unit}, {pc} {town}",
                          "{st} {no}\n{pc} {town} ({prov})", "{st} {no}/b, {pc} {town}", "Casella Postale {box}, {pc} {town}"]},
    "nl-NL": {"streets": ["Prinsengracht", "Kerkstraat", "Oudegracht", "Burgemeester de Vlugtlaan", "Witte de Withstraat",
                          "Lange Nieuwstraat", "Vismarkt"],
              "towns": [("1016 LL", "Amsterdam"), ("3511 LL", "Utrecht"), ("3012 LL", "Rotterdam"), ("9712 LL", "Groningen"),
                        ("2511 LL", "Den Haag"), ("6811 LL", "Arnhem")],
              "units": ["-1", " hs", "-III", " bis", " A"],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no}\n{pc} {town}", "{st} {no}{unit}\n{pc}  {town}",
                          "Postbus {box}, {pc} {town}"]},
    "pt-PT": {"streets": ["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Travessa do Carmo",
                          "Largo do Rato", "Rua Dr. Alves da Veiga"],
              "towns": [("1100-###", "Lisboa"), ("4000-###", "Porto"), ("3000-###", "Coimbra"), ("8000-###", "Faro"),
                        ("4700-###", "Braga")],
              "units": ["2.º Esq.", "3.º Dto.", "r/c", "1.º Frente"],
              "formats": ["{st}, {no}, {unit}, {pc} {town}", "{st} {no} {unit}\n{pc} {town}", "{st}, n.º {no}, {pc} {town}"]},
    "pt-BR": {"streets": ["Rua das Laranjeiras", "Av. Paulista", "Rua Augusta", "Rua Voluntários da Pátria",
                          "Av. Sete de Setembro", "Travessa São José"],
              "towns": [("22240-###", "Rio de Janeiro - RJ"), ("01310-###", "São Paulo - SP"), ("30130-###", "Belo Horizonte/MG"),
                        ("40020-###", "Salvador - BA"), ("90010-###", "Porto Alegre/RS")],
              "units": ["apto 502", "ap. 31", "casa 2", "bloco B, apto 104", "sala 1203"],
              "formats": ["{st}, {no}, {unit} - {town}, {pc}", "{st}, {no} - {unit}\n{town}\nCEP {pc}",
                          "{st} {no}, {unit}, {town}, CEP {pc}", "{st}, {no}, {town}"]},
    "pl-PL": {"streets": ["ul. Marszałkowska", "ul. Długa", "al. Niepodległości", "ul. Piotrkowska", "os. Kalinowe",
                          "ul. Świętego Marcina", "pl. Grunwaldzki"],
              "towns": [("00-###", "Warszawa"), ("31-###", "Kraków"), ("90-###", "Łódź"), ("80-###", "Gdańsk"),
                        ("61-###", "Poznań"), ("50-###", "Wrocław")],
              "units": ["m. 15", "/12", " lok. 4", "/3"],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no} {unit}\n{pc} {town}", "{st} {no}, {pc} {town}"]},
    "et-EE": {"streets": ["Tartu mnt", "Pikk tn", "Narva mnt", "Vana-Kalamaja", "Rüütli", "Kalevi", "Raekoja plats"],
              "towns": [("10117", "Tallinn"), ("51004", "Tartu"), ("80010", "Pärnu"), ("41531", "Jõhvi")],
              "units": ["-14", "-3", "-27"],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no}{unit}\n{pc} {town}", "{st} {no}, {town}"]},
    "sv-SE": {"streets": ["Storgatan", "Drottninggatan", "Björkvägen", "Kungsgatan", "Linnégatan"],
              "towns": [("113 ##", "Stockholm"), ("413 ##", "Göteborg"), ("211 ##", "Malmö"), ("753 ##", "Uppsala")],
              "units": [" lgh 1102", " 3 tr", " B"],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no}\n{pc} {town}"]},
    "nb-NO": {"streets": ["Thorvald Meyers gate", "Kirkeveien", "Bryggen", "Storgata", "Møllergata"],
              "towns": [("0555", "Oslo"), ("5003", "Bergen"), ("7011", "Trondheim"), ("9008", "Tromsø")],
              "units": [" H0302", " B"],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no}\n{pc} {town}"]},
    "da-DK": {"streets": ["Nørrebrogade", "Jægersborggade", "Vesterbrogade", "Åboulevarden", "Istedgade"],
              "towns": [("2200", "København N"), ("1620", "København V"), ("8000", "Aarhus C"), ("5000", "Odense C")],
              "units": [", 2. th.", ", st. tv.", ", 4. mf."],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no}{unit}\n{pc} {town}"]},
    "fi-FI": {"streets": ["Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Puistokatu", "Koivukuja"],
              "towns": [("00100", "Helsinki"), ("33100", "Tampere"), ("20100", "Turku"), ("90100", "Oulu")],
              "units": [" B 34", " A 5", " as. 12"],
              "formats": ["{st} {no}{unit}, {pc} {town}", "{st} {no}{unit}\n{pc} {town}"]},
}

_PROVINCE = {"Torino": "TO", "Milano": "MI", "Roma": "RM", "Napoli": "NA", "Bologna": "BO", "Firenze": "FI",
             "Palermo": "PA"}


def _postcode(pattern: str, rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) if c == "#" else rng.choice("ABDEFHJNPRSTUWXY") if c == "L" else c
                   for c in pattern)


def address(locale: str, rng: random.Random, *, multiline: bool | None = None) -> str:
    """An address of ``locale``; ``multiline`` True/False restricts to formats with/without line breaks."""
    spec = LOCALES[locale]
    formats = spec["formats"]
    if multiline is not None:
        formats = [f for f in formats if ("\n" in f) == multiline] or formats
    fmt = rng.choice(formats)
    pc, town = rng.choice(spec["towns"])
    number = str(rng.choice([rng.randrange(1, 30), rng.randrange(1, 200), rng.randrange(100, 9999)
                             if locale.startswith("en-US") else rng.randrange(1, 60)]))
    return fmt.format(no=number, st=rng.choice(spec["streets"]), pc=_postcode(pc, rng), town=town,
                      unit=rng.choice(spec["units"]), box=rng.randrange(10, 9999), small=rng.randrange(1, 30),
                      prov=_PROVINCE.get(town, "TO"))


def town(locale: str, rng: random.Random) -> str:
    """A town of the locale on its own (a hard negative: places must survive)."""
    name = re.split(r",| - |/", rng.choice(LOCALES[locale]["towns"])[1])[0]
    return re.sub(r"\s+(VIC|NSW|QLD|WA|SA|TAS|N|V|C)$", "", name)
