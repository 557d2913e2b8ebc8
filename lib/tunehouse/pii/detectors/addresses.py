"""Street addresses: house number + street + street type in English ("221B Baker Street, London NW1
6XE"), French ("12 rue de la Paix"), Spanish / Italian / Portuguese / Polish with the type first
("Calle Mayor 5, 3º B"), German, Dutch, Nordic and Estonian street types ("Hauptstraße 5", "Pärnu mnt
12"), the rest of the clause after an address cue ("my address is ...", "ich wohne in ..."), and a
postcode after its cue.

``postal_addresses`` finds the addresses that their postal part makes certain even without a street
type from the lists above: US streets with any USPS suffix before city, state code and ZIP, US
military mail (APO / FPO / DPO), and street lines of capitalised words and a house number (either
order) followed by a postcode and a city ("Pikk 17, 10123 Tallinn").

``street_addresses`` also runs the conventions of ``address_conventions`` (Turkey, Hungary, Romania, Croatia /
Serbia / Slovenia / Bosnia, Czechia / Slovakia, Catalonia, Brazil's abbreviations), each behind its street words.
"""

from __future__ import annotations

import re

from tunehouse.pii.detectors.address_conventions import convention_streets
from tunehouse.pii.detectors.base import HAS_DIGIT, Cue, Scan, detector
from tunehouse.pii.entity import Candidate
from tunehouse.pii.lexicon import (
    COMMON,
    FIRST,
    FUNCTION_WORDS,
    INDICATOR,
    LAST,
    MAJOR,
    PLACE,
    Lexicon,
    norm_key,
)

_STREET_TYPES_EN = (
    r"(?:(?:Street|Avenue|Road|Lane|Boulevard|Drive|Court|Place|Square|Terrace|Way|Close|Crescent|Parkway"
    r"|Highway|Circle|Trail|Row|Mews|Grove|Gardens|Hill|Walk|Alley|Plaza|Rise|Vale|Wharf|Quay|Parade"
    r"|Esplanade|Promenade|Heights|Green|Park|Broadway|Loop|Pike|Crossing|Point|Ridge|Run|Strand|Extension"
    r"|Cross)\b"  # "Cross": Bangalore's "3rd Cross"
    r"|Circuit\b"
    r"|(?:St|Ave|Av|Rd|Ln|Blvd|Dr|Ct|Pl|Sq|Ter|Cres|Pkwy|Hwy|Cir|Trl|Gdns"
    r"|Pde|Tce|Cct)\b\.?"  # Australia Post's abbreviations: Parade, Terrace, Circuit, and Esplanade, Grove where the
    r"|(?:Esp|Gr)\b\.?(?=[ \t]*(?:[,\n]|$)))")  # street line ends ("2 Arduino Esp boards" is none)
_UKPC = r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
_UNIT = (r"(?:,?\s*(?i:(?:apt|apartment|suite|ste|unit|flat|fl|floor|room|rm|bldg|building)\b\.?|#)"  # whole words: not
         r"\s*[A-Za-z0-9\-]{1,6})")  # "Ste" + "llenbo" of ", Stellenbosch"
_ADDR_TAIL = (
    rf"(?:(?:,\s*|[ \t]*\n\s*)[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){{0,2}},?\s+"
    rf"(?:[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?|{_UKPC}|\d{{4,6}}(?!\d))"
    rf"|,?\s+[A-Z]{{2}}\s+\d{{5}}(?:-\d{{4}})?|,?\s+{_UKPC})?")
# a city after a postcode: capitalised words, with the particles of "Vilanova i la Geltrú", "Mazara del Vallo"
_CITY = (r"[A-ZÀ-ÝŁŚŻŹĆŃ][\w'’\-]+(?:[ \t\-]+(?:(?:i|y|la|le|de|del|della|di|da|do|sur|en|am|an|im|der|el|les)"
         r"[ \t]+)*[A-ZÀ-ÝŁŚŻŹĆŃ][\w'’\-]+){0,2}")
_ADDR_EN_RE = re.compile(
    rf"(?:(?i:flat|apt\.?|apartment|suite|unit)[ \t]*(?:\d[A-Za-z0-9\-]{{0,4}}|[A-Za-z]\d{{0,3}})(?![\w]),?[ \t]+)?"  # "Flat 5,
    # 27 Elm Road"; not "flat is"
    rf"\d(?<![\w/.,\-]\d)\d{{0,4}}[A-Za-z]?(?:[-/]\d{{1,4}}[A-Za-z]?)?,?\s+"
    rf"(?:(?:[A-Z][\w'’.\-]*|\d{{1,3}}(?:st|nd|rd|th)|\d{{1,3}}[A-Z](?=\s))\s+){{1,4}}{_STREET_TYPES_EN}"
    rf"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b)?{_UNIT}?{_ADDR_TAIL}")
_ADDR_NUMBER_LEADING_TYPE_RE = re.compile(
    r"\d(?<![\w/.,\-]\d)\d{0,4}[A-Za-z]?,?[ \t]+(?:(?:Jalan|Jln\.?|Lorong|Lebuh|Persiaran)[ \t]+[A-Z][\w'’\-]*"
    r"(?:[ \t]+[A-Z][\w'’\-]*){0,3}|Grand-Rue|Grand['’]Rue|Grande[ \t]Rue)(?![\w'’\-])")
_PRONOUN_I_RE = re.compile(r"\sI(?:['’][a-z]{1,2})?\s")
_ADDR_FR_RE = re.compile(
    r"\d(?<![\w/.,\-]\d)\d{0,3}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|boul\.|bd|place|all[ée]e|impasse|chemin"
    r"|quai|cours|cour|route|passage|square|voie|rond-point|derb|zankat|zenqat)\s+(?i:(?:de\s+la|de\s+l'|d'|de|du|des|la|le|les|l')\s*)?"
    r"[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+(?i:(?:de|du|des|la|le|les|d'|l')[ \t]*)?[A-ZÀ-Ý][\w'’\-]*){0,5}"  # on one line
    r"(?:,?\s*\d{5}\s+[A-ZÀ-Ý][\w'’\-]+(?:[\s\-][A-ZÀ-Ý][\w'’\-]+){0,2})?")
_ADDR_TYPE_FIRST_RE = re.compile(
    r"\b(?:Calle|C/|Avenida|Avda\.?|Av\.|Paseo|Pº|Plaza|Pza\.?|Carrer|Carretera|Camino|Ronda|Travesía|Rambla"
    r"|Via|Viale|Corso|Piazza|Piazzale|Vicolo|Strada|Rua|Rúa|Travessa|Praça|Largo|Alameda|Estrada|Ulica|ul\."
    r"|Privada|Calzada|Cerrada|Andador|Circuito|Prolongación|Pasaje|Pje\.|Diagonal|Bv\.|Bulevar|Jr\.|Jirón"
    r"|Carrera|Cra\.|Transversal|Rue|Route|Chemin|Impasse|Calçada"
    # lower-case types of Italian, Spanish and Portuguese, "via" only before a particle ("via dei Mille", not
    # "via Paris 3 times")
    r"|(?:viale|vicolo|corso|piazza|piazzale|strada|calle|avenida|rua|travessa|largo)(?=\s)|via(?=\s+d[eia]))\s*"
    r"(?:(?:de\s+la|de\s+los|de\s+las|de\s+l'|de|del|dels|della|delle|dello|dei|degli|di|da|do|dos|das|alla|alle|al"
    r"|ai|agli|allo|sul|sulla|dal|dalla)\s+)?"
    r"[A-ZÀ-Ý0-9][\w'’.\-]*(?:\s+(?:(?:de|del|la|las|los|y|e|di|da|do)\s+)?[A-ZÀ-Ý][\w'’.\-]*){0,3}"
    r",?[ \t]*(?:[nN]\.?[º°o]\.?\s*|#[ \t]?)?\d{1,4}[A-Za-z]?(?:[ \t]*#[ \t]*\d{1,3}[A-Za-z]?-\d{1,3})?"  # "n.º 8",
    r"(?!\d|[\w.,]\d)"  # "N° 3", "#27", Colombia's "39B # 61-88"
    r"(?!\s*(?:h|hrs?|hours?|horas?|days?|d[ií]as|nights?|noches|min|minutes?|km|€|%|\$|am|pm|x)\b)"
    r"(?:,?\s*\d{1,2}\s?[º°ª](?:\s*(?:piano|[A-Za-z]|Dto|Esq|Dt|Izq|Izda|Dcha|Dch)\.?(?![\w]))?|,?\s*(?i:piso|puerta|planta|esc\.?|apto\.?|int\.?)\s*\w{1,4})*"
    r"(?:,?\s*(?:\d{5}|\d{2}-\d{3}|\d{4}-\d{3})\s+" + _CITY + ")?")
# adjectives that lead a street's name in Dutch, German and the Nordic languages ("Lange Lozanastraat", "Oude
# Gracht", "Große Hamburger Straße", "Store Kongensgade", "Västra Hamngatan")
STREET_ADJECTIVES = ("Lange Korte Oude Nieuwe Grote Kleine Hoge Lage Sint Alte Neue Große Grosse Hohe Obere Untere Lille "
                     "Store Gamle Nye Norra Södra Östra Västra Stora Lilla").split()
_ADDR_DE_RE = re.compile(
    rf"\b(?:(?:{'|'.join(STREET_ADJECTIVES)})[ \t]+)?"
    r"(?:[A-ZÄÖÜÅØÆ][\wäöüß\-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ufer|chaussee|straat|laan"
    r"|plein|gracht|kade|gatan|vägen|gade|vej|veien|ring|steig|stieg|pfad|graben|gürtel|zeile|kai|singel|dijk"
    r"|steeg|siedlung|markt|hof|höhe|hoehe|stede|hout|dreef|wal|gata|gaten|boulevarden|torget|torv|plass|gränd"
    r"|katu|kuja|polku|tie|väylä|stigen|backen|gränden|wee)"  # Luxembourgish "-wee" ("Bëschwee")
    r"|[A-ZÄÖÜ][\wäöüß]*(?:-[A-ZÄÖÜ][\wäöüß]*)*-(?:Straße|Strasse|Weg|Allee|Platz|Gasse|Damm|Ufer|Ring|Steig|Pfad"
    r"|Graben|Kai|Zeile)"
    r"|[A-ZÄÖÜ][\wäöüß\-]+\s+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Gasse|Damm|Ufer|Chaussee|Ring)"
    r"|[A-ZÕÄÖÜ][\wõäöüšž\-]+\s+(?:tn|tänav|mnt|maantee|pst|puiestee|põik|plats|väljak)\.?"
    # Nordic types written apart, lower case ("Bygdøy allé 36"; not "gate": "Heathrow gate 5" is an airport's)
    r"|[A-ZÆØÅÄÖ][\wæøåäö\-]+\s+(?:allé|gata|gatan|vei|veien|veg|vegen|vej|väg|vägen|plass|plads|torg|torget))"
    r"(?:[ \t]+[IVX]{1,4})?\s*\d{1,4}\s?[a-zA-Z]?(?![\w.,]\d)(?!\w)"  # "Heidesiedlung I 165": a numbered part
    r"(?:,?\s*\d{4,5}\s+[A-ZÄÖÜ][\wäöüß\-]+(?:[ \t]+[A-ZÄÖÜ][\wäöüß\-]+)?)?")  # the town on one line ("\nTel" is none)
_ADDR_FR_WORDS = ("rue ", "av", "bd ", "boul",  "place ", "allée", "allee", "impasse", "chemin", "quai ",
                  "cours ", "cour ", "route ", "passage ", "square ", "voie ", "rond-point", "derb ",
                  "zankat ", "zenqat ")
_ADDR_TYPE_FIRST_WORDS = ("Calle", "C/", "Av", "Paseo", "Pº", "Plaza", "Pza", "Carrer", "Carretera", "Camino",
                          "Ronda", "Travesía", "Rambla", "Via", "Corso", "Piazza", "Vicolo", "Rua", "Rúa", "Travessa",
                          "Strada", "Privada", "Calzada", "Cerrada", "Andador", "Circuito", "Prolongación", "Pasaje",
                          "Diagonal", "Bv.", "Bulevar", "Pje.", "Jr.", "Jirón", "Carrera", "Cra.", "Transversal",
                          "Rue", "Route", "Chemin", "Impasse", "viale", "vicolo", "corso", "piazza", "strada", "calle",
                          "avenida", "rua ", "travessa", "largo", "via d", "Calçada",
                          "Praça", "Largo", "Alameda", "Estrada", "Ulica", "ul.")
_ADDR_DE_WORDS = ("str", "weg", "allee", "platz", "gasse", "damm", "ufer", "chaussee", "straat", "laan", "plein",
                  "gracht", "kade", "gatan", "vägen", "gade", "vej", "veien", "ring", "steig", "stieg", "pfad",
                  "graben", "gürtel", "zeile", "kai", "singel", "dijk", "steeg", "siedlung", "markt", "hof", "höhe",
                  "hoehe", "stede", "hout", "dreef", "wal", " tn", "tänav", " mnt",
                  "maantee", " pst", "puiestee", "põik", "gata", "boulevarden", "torget", "torv", "plass", "gränd",
                  "katu", "kuja", "polku", "tie", "väylä", " plats", "väljak", "stigen", "backen", " allé",
                  " gata", " vei", " veg", " vej", " väg", " plass", " plads", " torg", "wee ")


# USPS Publication 28, appendix C1: the street suffixes of US addresses beyond _STREET_TYPES_EN. Many
# are plain words too ("Key", "View", "Union", "Hollow"), so they make an address only with the city,
# state code and ZIP after them ("4471 Garner Hollow, Westbrookfort, MT 40213").
_USPS_SUFFIXES = (
    "Alley Annex Arcade Bayou Beach Bend Bluff Bluffs Bottom Branch Bridge Brook Brooks Burg Burgs Bypass Camp "
    "Canyon Cape Causeway Center Centers Cliff Cliffs Club Common Commons Corner Corners Course Cove Coves Creek "
    "Crest Crossroad Curve Dale Dam Divide Estate Estates Expressway Extension Extensions Falls Ferry Field Fields "
    "Flat Flats Ford Fords Forest Forge Forges Fork Forks Fort Freeway Garden Gateway Glen Glens Greens Harbor "
    "Harbors Haven Hills Hollow Inlet Island Islands Isle Junction Junctions Key Keys Knoll Knolls Lake Lakes Land "
    "Landing Light Lights Loaf Lock Locks Lodge Mall Manor Manors Meadow Meadows Mill Mills Mission Motorway Mount "
    "Mountain Mountains Neck Orchard Oval Overpass Pass Passage Path Pine Pines Plain Plains Port Ports Prairie "
    "Radial Ramp Ranch Rapid Rapids Rest Ridges River Route Shoal Shoals Shore Shores Skyway Spring Springs Spur "
    "Spurs Squares Station Stravenue Stream Streets Summit Throughway Trace Track Trafficway Trailer Tunnel "
    "Turnpike Underpass Union Unions Valley Valleys Viaduct View Views Village Villages Ville Vista Walks Wall "
    "Ways Well Wells").split()
_US_CITY_STATE_ZIP = r"(?:,[ \t]*|[ \t]*\n\s*)[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,2},?[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b"
_ADDR_US_FULL_RE = re.compile(
    rf"\d(?<![\w/.,\-]\d)\d{{0,5}}[A-Za-z]?[ \t]+(?:[A-Z][\w'’.\-]*[ \t]+){{1,3}}(?:{'|'.join(_USPS_SUFFIXES)})\b"
    rf"{_UNIT}?(?:{_US_CITY_STATE_ZIP}|(?:,[ \t]*|[ \t]*\n\s*)[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){{0,2}}"
    rf"(?:,[ \t]*|[ \t]*\n\s*){_UKPC}\b)")
# the same street without the city, state and ZIP, where a locative or an address word stands right before it and
# the house number has two digits or more ("go to 1309 Dooish Viaduct", "we're at 52 Cedar Hollow"; not "at 3 Central
# Station", which is more often a time)
_ADDR_US_AFTER_LOCATIVE_RE = re.compile(
    rf"(?i:\b(?:at|to|on|from|address(?:\s+is)?|is|moved\s+to|live\s+(?:at|on)))[ \t]+"
    rf"(?P<addr>[1-9]\d{{1,5}}[A-Za-z]?[ \t]+(?:[A-Z][\w'’.\-]*[ \t]+){{1,3}}(?:{'|'.join(_USPS_SUFFIXES)})\b{_UNIT}?)")
# US military mail: "Unit 2050 Box 4190, APO AP 96278", "PSC 1234, Box 5678, DPO AE 09012",
# "USNS Comfort, FPO AA 34055"
_ADDR_MILITARY_RE = re.compile(
    r"\b(?:(?:Unit|PSC|CMR)\s+\d{1,5},?\s+Box\s+\d{1,5}|(?:USNS|USS|USCGC)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’.\-]*){0,3})"
    r",?\s+(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}\b")
# a street line with no street-type word, made an address by the postcode and city after it (on the
# same line after a comma, or on the next): "Pikk 17, 10123 Tallinn", "Kerkstraat 5\n1017 GC Amsterdam",
# "al. Lipowa 12, 20-020 Lublin"
# postcode shapes: pt "1100-053", most of Europe 4-5 digits, pl "00-590", nl "2517 AN", se/cz/sk/gr "111 21"
_POSTCODE_CITY = (r"(?P<postcode>\d{4}-\d{3}|\d{4,5}|\d{2}-\d{3}|\d{4}[ \t]?[A-Z]{2}|\d{3}[ \t]\d{2}|[A-Z]-\d{4,5})[ \t]+"
                  r"(?P<city>" + _CITY + ")")
_ADDR_STREET_POSTCODE_RE = re.compile(
    r"(?P<type>\b(?:ul|al|pl|os)\.[ \t]*)?\b(?P<street>[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,3}?)"
    r"[ \t]+(?P<number>\d{1,4})[A-Za-z]?(?:[/\-]\d{1,4}[A-Za-z]?)?(?:,[ \t]*|[ \t]*\n\s*)" + _POSTCODE_CITY
    + r"(?![\w\-])")
# the same with the house number first: "902 Via Belvedere\n12330 Mazara del Vallo", "41 Suur-Lasnamäe
# maantee, 11356 Sindi"
_ADDR_NUMBER_FIRST_RE = re.compile(
    r"\d(?<![\w/.,\-]\d)\d{0,4}[A-Za-z]?[ \t]+(?P<street>[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,5}?)"
    r"(?:,[ \t]*|[ \t]*\n\s*)" + _POSTCODE_CITY + r"(?![\w\-])")
# the same, house number first, in the UK's order: a town, then its postcode ("168 Wellgate, Nottingham NG7 9AH")
_ADDR_NUMBER_FIRST_UK_RE = re.compile(
    r"\d(?<![\w/.,\-]\d)\d{0,4}[A-Za-z]?[ \t]+(?P<street>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3})"
    r"(?:,[ \t]*|[ \t]*\n\s*)(?P<city>" + _CITY + r")(?:,[ \t]*|[ \t]+|[ \t]*\n\s*)" + _UKPC + r"(?![\w\-])")
_UKPC_RE = re.compile(_UKPC)
# a cheap test for what every street line above needs: a postcode and a capitalised word after it
_POSTCODE_HINT_RE = re.compile(r"\d{2}(?:\d{2}|-\d{3}|\d[ \t]\d{2})[ \t]?(?:\d|[A-Z]{2})?[ \t]+[^\W\d_]")
# lower-case street types that follow the name ("Aarde maantee") or lead it ("rue", "via")
# (et, fr, it, es, pt; no "gate" / "vei", dk "vej", se "väg", fi "katu" / "tie", hu "utca" / "út" / "tér",
# cz / sk "ulice" / "náměstí" / "námestie" / "třída", pl / hr / sl "ulica" / "trg", ro "strada" / "calea")
LOWER_STREET_TYPES = frozenset("maantee tänav tn mnt pst puiestee põik rue allée via viale calle rua rúa gate gata "
                                "vei veien vej väg vägen katu tie utca út tér körút ulice náměstí námestie třída "
                                "nábřeží ulica trg strada calea".split())
# amounts and units are no city: "2 Large Pizzas, 1200 Euro"
_NOT_CITY = frozenset("euro euros eur dollar dollars usd pounds gbp chf franken kronen złoty zloty yen points miles "
                      "km kg".split())
# lower-case words that may stand inside a street name ("Laan van Meerdervoort", "Rua da Prata")
_NAME_PARTICLES = frozenset("van von der den de del della delle dello dei degli di da do dos das la le les du des op "
                            "het".split())
# capitalised words that start German and Dutch street names ("Am Kirchberg 7", "Op de Kamp 3")
STREET_LEADS = frozenset("Am An Im Auf Zum Zur Unter Hinter Vor Op Aan Bij".split())
STREET_ABBREVS = frozenset(("ul.", "al.", "pl.", "os."))  # Polish: ulica, aleja, plac, osiedle
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")

def _any_of(words: tuple[str, ...]) -> re.Pattern:
    """A regex that finds any of ``words`` in a text (a few times faster than testing them one by one)."""
    return re.compile("|".join(map(re.escape, words)))


_ADDR_FR_WORD_RE = _any_of(_ADDR_FR_WORDS)
_ADDR_TYPE_FIRST_WORD_RE = _any_of(_ADDR_TYPE_FIRST_WORDS)
_NUMBER_LEADING_TYPE_WORD_RE = _any_of(("Jalan", "Jln", "Lorong", "Lebuh", "Persiaran", "Rue"))
_ADDR_DE_WORD_RE = _any_of(_ADDR_DE_WORDS)

# "my address is ...", "I live at ...", "Mi dirección es ...": the rest of the clause is the address
_ADDR_CUE_RE = re.compile(
    r"(?i:\b(?:(?:my|our|billing|shipping|home|postal|delivery|new|the)\s+address(?:\s+is|\s*:)?|address\s*:|address\s+is"
    r"|i\s+live\s+at|we\s+live\s+at|i\s+live\s+in|deliver\s+(?:it\s+|them\s+)?to|send\s+(?:it|them|the\s+\w+)\s+to"
    r"|ship\s+(?:it\s+)?to|post\s+(?:it\s+)?to|mail\s+(?:it\s+)?to|(?:mi\s+)?direcci[óo]n(?:\s+es|\s*:)|vivo\s+en"
    r"|env[íi](?:a|e)(?:lo|la|melo|mela)?\s+a|(?:mon\s+)?adresse(?:\s+est|\s*:)|j['’]habite(?:\s+au)?|habite\s+au"
    r"|(?:meine\s+)?adresse\s+(?:ist|lautet)|ich\s+wohne\s+in|wohnhaft\s+in|anschrift\s*:?"
    # it, pt, nl, pl, et
    r"|(?:il\s+mio\s+)?indirizzo(?:\s+[èe]|\s*:)|abito\s+in|(?:a\s+minha\s+)?morada(?:\s+[ée]|\s*:)"
    r"|(?:o\s+meu\s+)?endere[çc]o(?:\s+[ée]|\s*:)|moro\s+(?:na|no|em)|(?:mijn\s+|het\s+)?adres(?:\s+is|\s*:)"
    r"|ik\s+woon\s+(?:op|aan|in)|(?:m[óo]j\s+)?adres\s+to|mieszkam\s+(?:na|przy|w)|(?:minu\s+)?aadress(?:\s+on|\s*:)"
    r"|aadressile|aadressil|elan\s+aadressil"
    # hr / sr / bs / sl / cs / sk / ro "adresa", ro "adresă", tr "adresim", hu "címem" / "lakcím", ca "adreça"
    r"|adresa(?:\s+je|\s*:)|adresă\s*:|adresim(?:\s*:)?|(?:lak)?címem(?:\s*:)?|lakcím\s*:|adre[çc]a(?:\s+[ée]s|\s*:))"
    r"(?!\w))[ \t]*:?[ \t]*")
_ADDR_STOP_RE = re.compile(
    r"\n|[!?;](?=\s|$)|\.(?=\s+[^\d\s])|\.$|\s(?i:and\s+(?:my|i|the|you|call|please)|y\s+(?:mi|el|la)|call|phone|tel"
    r"|mobile|moblie|cell|email|e-mail|mail|my|date|dob"
    r"|born|passport|booking|ref|reference|reservation|iban|card|please|thanks|thank|you|mi|fecha|nacid[oa]|tel[ée]fono"
    r"|ll[áa]mame|llamadme|correo|et|mon|ma|né|née|und|meine|mein|geb|geboren|handy|bitte|danke|merci|gracias|if|but"
    r"|which|so|for|from|until|then|because|since|pls|plz|thx|asap|ok|okay|name|nome|nom|nombre|naam|navn|namn|nimi|nazwisko|imię)\b")
_ABBREV_BEFORE_DOT = frozenset("av avda ave st rd dr apt no nº edif depto dpto c pl pza bd blvd str sr sra ste bldg fl ul "
                               "al os ii int col succ bât bat app bv comp".split())
# the dot of an ordinal floor ("29, 4. Stock", "3. OG links") ends no sentence
# (after the house number and a comma: "Hauptstraße 5. OG ist oben" is left to the end of the sentence)
_FLOOR_AFTER_DOT_RE = re.compile(r"\d[ \t]*,[ \t]*\d{1,2}\.[ \t]?(?:Stock|OG|EG|DG|UG|Etage|Obergeschoss|Geschoss|Stiege)\b")
_POSTCODE_CUE_RE = re.compile(
    r"(?i:\b(?:post\s?code|postal\s+code|zip(?:\s+code)?|plz|c[óo]digo\s+postal|code\s+postal)\b)"
    r"(?:\s*(?:is|es|est|ist|:|#)\s*)*\s*"
    rf"({_UKPC}|\d{{5}}(?:-\d{{4}})?|\d{{4}}\s?[A-Z]{{2}}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{{4}})(?![\w])")
ADDRESS_CUE = Cue(
    "my our billing shipping home postal delivery new the address i we deliver send ship post mail mi "
    "dirección direccion vivo envía envia envíalo envialo envíamelo mon adresse j'habite j’habite "
    "habite meine ich wohnhaft anschrift il indirizzo abito a morada o endereço endereco moro mijn het adres ik "
    "mój moj mieszkam minu aadress aadressile aadressil elan adresa adresă adresim címem lakcímem lakcím adreça "
    "adreca")
POSTCODE_CUE = Cue("post postcode postal zip plz código codigo code")


@detector("STREET_ADDRESS", needs_digit=True, cue=ADDRESS_CUE)
def cued_addresses(scan: Scan) -> list[Candidate]:
    """The rest of the clause after an address cue, when it holds a digit and a letter."""
    text = scan.text
    out = []
    for m in scan.matches(ADDRESS_CUE, _ADDR_CUE_RE):
        end = address_end(text, m.end())
        val = text[m.end():end]
        if end - m.end() >= 6 and HAS_DIGIT.search(val) and re.search(r"[^\W\d_]", val):
            out.append(Candidate("STREET_ADDRESS", m.end(), end, 0.85))
    return out


def address_end(text: str, start: int) -> int:
    """Where the address after a cue ends: at a line break, the end of the sentence (not the
    period of "Av." or "Str.") or a word that starts another clause ("and my", "phone", "thanks"),
    130 characters at most."""
    limit = min(len(text), start + 130)
    pos = start
    while True:
        m = _ADDR_STOP_RE.search(text, pos, limit)
        if not m:
            end = limit
            break
        if m.group() == "." and m.start() > start:
            word = text[max(start, m.start() - 6):m.start()].split()
            if word and word[-1].lower() in _ABBREV_BEFORE_DOT or _FLOOR_AFTER_DOT_RE.search(
                    text, max(start, m.start() - 6), m.end() + 14):
                pos = m.end()
                continue
        end = m.start()
        break
    while end > start and text[end - 1] in " \t,.;:-–(":
        end -= 1
    return end


@detector("STREET_ADDRESS", needs_digit=True, cue=POSTCODE_CUE)
def cued_postcodes(scan: Scan) -> list[Candidate]:
    """A postcode after its cue ("postcode SW1A 1AA", "PLZ 10115")."""
    return [Candidate("STREET_ADDRESS", m.start(1), m.end(1), 0.8)
            for m in scan.matches(POSTCODE_CUE, _POSTCODE_CUE_RE)]


@detector("STREET_ADDRESS", needs_digit=True)
def street_addresses(scan: Scan) -> list[Candidate]:
    """Addresses by shape; the French, type-first and German patterns are tried only when one of
    their street words occurs in the text."""
    text, low = scan.text, scan.low
    rxs = [_ADDR_EN_RE]
    if _NUMBER_LEADING_TYPE_WORD_RE.search(text):
        rxs.append(_ADDR_NUMBER_LEADING_TYPE_RE)
    if _ADDR_FR_WORD_RE.search(low):
        rxs.append(_ADDR_FR_RE)
    if _ADDR_TYPE_FIRST_WORD_RE.search(text):
        rxs.append(_ADDR_TYPE_FIRST_RE)
    if _ADDR_DE_WORD_RE.search(low):
        rxs.append(_ADDR_DE_RE)
    out = []
    for rx in rxs:
        for m in rx.finditer(text):
            if rx is _ADDR_EN_RE and _PRONOUN_I_RE.search(m.group()):
                continue  # "0658 I'm Dr. Davies": no street
            out.append(Candidate("STREET_ADDRESS", m.start(), town_after(text, m.end(), scan.lex), 0.85))
    out.extend(Candidate("STREET_ADDRESS", s, e, 0.85) for s, e in convention_streets(scan))
    return out


# a town right after a house number, no comma between ("Rua das Flores 127 Aveiro", "Sagveien 111 Tromsø")
_TOWN_AFTER_RE = re.compile(r"[ \t]+([A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[A-ZÀ-ÖØ-Þ][^\W\d_]+)?)(?![\w\-])")
_HOUSE_NUMBER_END_RE = re.compile(r"\d[a-zA-Z]?$")


def town_after(text: str, end: int, lex: Lexicon) -> int:
    """``end`` moved past a town written right after the house number that ends a street ("Lindenhofstraße 13b
    Tübingen"): a place of the lexicon that is no first name or surname unless a big place. Else ``end``."""
    if not _HOUSE_NUMBER_END_RE.search(text, max(0, end - 3), end):
        return end
    m = _TOWN_AFTER_RE.match(text, end)
    if m is None:
        return end
    f = lex.get(norm_key(m.group(1)))
    return m.end() if f & PLACE and (f & MAJOR or not f & (FIRST | LAST)) else end


_ARTICLE_STREET_RE = re.compile(
    r"\b(?:Am|Im|An[ \t]+der|An[ \t]+den|Auf[ \t]+der|Auf[ \t]+dem|In[ \t]+der|Zum|Zur|Hinter[ \t]+der"
    r"|Unter[ \t]+den|Beim|Op[ \t]+der|Op[ \t]+dem)[ \t]+(?P<name>[A-ZÄÖÜ][\wäöüß\-]+)[ \t]+\d{1,4}[a-z]?"
    r"(?![\w.,:/]\d|\w)(?![ \t]*(?:Uhr|h\b|min|Leute|Personen|Euro|EUR|€|%|Jahre|km|Minuten|Tage|Stunden|mal\b|x\b))")


@detector("STREET_ADDRESS", needs_digit=True)
def article_streets(scan: Scan) -> list[Candidate]:
    """German (and Luxembourgish) streets named with a preposition and article, no street type: "Im Gapetsch 41",
    "Am Pulverturm 187", "Op der Hiel 3"; the name must be no ordinary word ("Am Montag 5 Leute", "Im Jahr 2020")."""
    text = scan.text
    if not re.search(r"\b(?:Am|Im|An|Auf|In|Zum|Zur|Hinter|Unter|Beim|Op) ", text):
        return []
    flags = scan.lex.flags
    return [Candidate("STREET_ADDRESS", m.start(), town_after(text, m.end(), scan.lex), 0.8)
            for m in _ARTICLE_STREET_RE.finditer(text) if not flags.get(m.group("name").lower(), 0) & (COMMON | PLACE)]


@detector("STREET_ADDRESS", needs_digit=True)
def postal_addresses(scan: Scan) -> list[Candidate]:
    """Addresses that the postal part makes certain: a US street with any USPS suffix followed by
    city, state code and ZIP (or after a locative, "go to 1309 Dooish Viaduct"); US military mail (APO / FPO / DPO); a street
    line of a capitalised name and a house number followed by a postcode and a city, or by a town and a UK postcode
    ("168 Wellgate, Nottingham NG7 9AH")."""
    text = scan.text
    out = [Candidate("STREET_ADDRESS", m.start("addr"), m.end("addr"), 0.85)
           for m in _ADDR_US_AFTER_LOCATIVE_RE.finditer(text)]
    if _UKPC_RE.search(text):
        out.extend(Candidate("STREET_ADDRESS", m.start(), m.end(), 0.85) for m in _ADDR_NUMBER_FIRST_UK_RE.finditer(text)
                   if _named_street(m.group("street").split(), scan.lex.flags))
    if scan.ndig < 5:
        return out
    out.extend(Candidate("STREET_ADDRESS", m.start(), m.end(), 0.85) for m in _ADDR_US_FULL_RE.finditer(text))
    if "PO " in text:
        out.extend(Candidate("STREET_ADDRESS", m.start(), m.end(), 0.9) for m in _ADDR_MILITARY_RE.finditer(text))
    if not _POSTCODE_HINT_RE.search(text):
        return out  # the street-line shapes below all end in a postcode and a city
    for m in _ADDR_STREET_POSTCODE_RE.finditer(text):
        start = _street_line_start(m, scan.lex.flags)
        if start is not None:
            out.append(Candidate("STREET_ADDRESS", start, m.end(), 0.85))
    for m in _ADDR_NUMBER_FIRST_RE.finditer(text):
        if m.group("city").split()[0].lower() not in _NOT_CITY and _named_street(m.group("street").split(),
                                                                                   scan.lex.flags):
            out.append(Candidate("STREET_ADDRESS", m.start(), m.end(), 0.85))
    return out


def _named_street(words: list[str], flags: dict[str, int]) -> bool:
    """The words after a house number name a street: capitalised (particles and lower-case street types
    between), not all of them ordinary words ("12 Apples, 10115 Berlin")."""
    return (words[0][0].isupper()
            and all(w[0].isupper() or w.lower() in _NAME_PARTICLES or w.lower() in LOWER_STREET_TYPES for w in words)
            and not all(flags.get(w.lower(), 0) & (COMMON | INDICATOR) == COMMON for w in words))


def _street_line_start(m: re.Match, flags: dict[str, int]) -> int | None:
    """Where the street line before a postcode and city starts (None: no street line). Leading
    words that are not part of a name are dropped ("It's Kastanienallee ...", "at Pikk 17", "na
    adres al. Lipowa 12" keeps "al."); the
    rest must be capitalised words (and particles), not all of them common words ("Room 12, 10115
    Berlin"), before a capitalised city, and no "day, year" ("May 5, 2019 Paris")."""
    if m.group("city").split()[0].lower() in _NOT_CITY:
        return None
    if int(m.group("number")) <= 31 and _YEAR_RE.fullmatch(m.group("postcode")):
        return None
    if m.group("type"):
        return m.start()
    words = list(re.finditer(r"\S+", m.group("street")))
    while len(words) > 1 and words[0].group() not in STREET_ABBREVS and words[0].group() not in STREET_LEADS and (
            words[0].group().lower() not in LOWER_STREET_TYPES or len(words) < 2) and (
            not words[0].group()[0].isupper() or words[0].group().lower() in FUNCTION_WORDS
            or "'" in words[0].group() or "’" in words[0].group()):
        words.pop(0)
    # a lower-case street type leads the name ("via Roma 12") or follows it ("Karl Johans gate 22")
    names = [w.group() for w in words if w.group() not in STREET_ABBREVS and w.group().lower() not in
             LOWER_STREET_TYPES]
    typed = len(names) < len([w for w in words if w.group() not in STREET_ABBREVS])
    if not names or not names[0][0].isupper() or not all(w[0].isupper() or w.lower() in _NAME_PARTICLES
                                                         for w in names):
        return None
    city = m.group("city").split()[0].lower()
    if not typed and all(flags.get(w.lower(), 0) & (COMMON | INDICATOR) == COMMON for w in names) and not (
            flags.get(city, 0) & PLACE and len(names) > 1):  # 'Via dei Mille' is a street; "Grote Markt 1, 2000
        return None  # Antwerpen" one too: two common words before a house number, a postcode and a known city
    return m.start("street") + words[0].start()
