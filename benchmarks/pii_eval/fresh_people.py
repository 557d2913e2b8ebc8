"""Names, handles and personal details for the fresh set, written by hand for it (no faker, no mimesis).

Names are ordinary names of each country as its people are named (given names of several generations,
common and less common surnames, compound and particle surnames: "van der", "de la", "dos", double
barrels, hyphenated given names); they were written from memory for this set, so many are of course also in
other name lists: what matters is that no list the scrubber was shaped by produced them.
"""

from __future__ import annotations

import random

from .checksums import iban_with_check, luhn_complete

FIRST: dict[str, list[str]] = {
    "en-US": ["Tamika", "Brandon", "Dolores", "Tyrell", "Kayleigh", "Marcus", "Rosalind", "Deshawn", "Courtney",
              "Hector", "Wendell", "Bethany", "Lorraine", "Dwayne", "Shaniqua", "Cody", "Harriet", "Jamal"],
    "en-GB": ["Siobhan", "Gareth", "Nigel", "Clementine", "Callum", "Bethan", "Rhys", "Poppy", "Alistair", "Gemma",
              "Darren", "Philippa", "Kieran", "Tilly", "Fergal", "Hermione", "Wayne", "Fenella"],
    "en-IE": ["Aoife", "Cian", "Niamh", "Oisín", "Gráinne", "Pádraig", "Clodagh", "Eoin", "Róisín", "Tadhg",
              "Caoimhe", "Fionnuala", "Darragh", "Sinéad", "Colm", "Orla"],
    "en-AU": ["Bronwyn", "Angus", "Shane", "Kylie", "Hamish", "Tegan", "Brodie", "Narelle", "Jarrah", "Mitchell",
              "Shaylee", "Bruce", "Leanne", "Travis", "Ebony", "Darcy"],
    "de-DE": ["Jürgen", "Heike", "Torsten", "Mandy", "Sören", "Ilona", "Björn", "Dörte", "Hauke", "Uschi",
              "Hans-Peter", "Annegret", "Kevin", "Gudrun", "Lennart", "Frauke", "Detlef", "Hildegard"],
    "de-AT": ["Florian", "Theresia", "Alois", "Valentina", "Ferdinand", "Roswitha", "Leopold", "Herta", "Jakob",
              "Gerlinde", "Xaver", "Magdalena"],
    "de-CH": ["Urs", "Regula", "Beat", "Verena", "Reto", "Cornelia", "Ueli", "Seraina", "Gian-Luca", "Barbla",
              "Res", "Mirjam"],
    "fr-FR": ["Gwenaëlle", "Thibault", "Ségolène", "Anthony", "Bleuenn", "Jean-Baptiste", "Perrine", "Yannick",
              "Bérénice", "Loïc", "Mireille", "Kévin", "Apolline", "Gaëtan", "Josiane", "Enzo"],
    "fr-BE": ["Maxime", "Lucie", "Quentin", "Nathalie", "Wout", "Ambre", "Cédric", "Marie-Noëlle", "Arnaud", "Inès"],
    "es-ES": ["Koldo", "Montserrat", "Álvaro", "Begoña", "Jordi", "Rosario", "Íñigo", "Edurne", "Eusebio", "Amparo",
              "Gorka", "Macarena", "Borja", "Inmaculada", "Unai", "Consuelo"],
    "it-IT": ["Gianluca", "Ornella", "Salvatore", "Loredana", "Ettore", "Graziella", "Pasquale", "Ottavia",
              "Rocco", "Annunziata", "Gennaro", "Carmela", "Vittorio", "Noemi", "Ciro", "Mariangela"],
    "nl-NL": ["Sjoerd", "Tjitske", "Joost", "Marieke", "Gerrit", "Jikke", "Bram", "Ilse", "Siebe", "Willemijn",
              "Hendrik-Jan", "Fleur", "Wouter", "Griet", "Teun", "Lotte"],
    "pt-PT": ["Vasco", "Madalena", "Rui", "Filipa", "Gaspar", "Guilhermina", "Diogo", "Conceição", "Nuno", "Benedita",
              "Bernardo", "Fátima"],
    "pt-BR": ["Thiago", "Luana", "Wellington", "Jéssica", "Cleber", "Thaís", "Cleiton", "Raíssa", "Anderson",
              "Gabriela", "Ademir", "Vitória", "Juscelino", "Kelly"],
    "pl-PL": ["Grzegorz", "Agnieszka", "Przemysław", "Małgorzata", "Szymon", "Jadwiga", "Krzysztof", "Bożena",
              "Wojciech", "Żaneta", "Łukasz", "Genowefa", "Mirosław", "Dorota"],
    "et-EE": ["Tõnu", "Kadri", "Jaanus", "Liisi", "Margus", "Triin", "Priit", "Ülle", "Rein", "Kertu", "Indrek",
              "Maarika"],
    "sv-SE": ["Björn", "Ingela", "Pontus", "Agneta", "Joakim", "Linnéa", "Sixten", "Ebba", "Göran", "Märta"],
    "nb-NO": ["Eirik", "Solveig", "Håkon", "Gunnhild", "Sindre", "Tuva", "Øystein", "Ragnhild", "Vegard", "Synnøve"],
    "da-DK": ["Søren", "Mette", "Rasmus", "Birgitte", "Mikkel", "Ditte", "Jesper", "Signe", "Bjarke", "Lærke"],
    "fi-FI": ["Jukka", "Päivi", "Teemu", "Hannele", "Jarmo", "Riikka", "Ville", "Tuulikki", "Aleksi", "Sirpa"],
}

LAST: dict[str, list[str]] = {
    "en-US": ["Washington", "Dombrowski", "Delgado", "Pruitt", "Okafor", "Whitfield", "Nakamura", "McAllister",
              "Brewster", "Thibodeaux", "Castellano", "Haskins", "Grimsley", "Yazzie", "Gustafson", "Boateng"],
    "en-GB": ["Blenkinsop", "Ramsbottom", "Cruickshank", "Adeyemi", "Hargreaves", "Bhattacharya", "Pryce-Jones",
              "Cartwright", "Llewellyn", "Thistlethwaite", "Ashworth", "Nwosu", "Fairbairn", "Dunmore"],
    "en-IE": ["Ó Súilleabháin", "Mac Giolla Phádraig", "Fitzgerald", "Ní Bhriain", "Cullinane", "Moriarty",
              "Geraghty", "O'Donoghue", "McGuinness", "Twomey", "Breathnach", "Hennessy"],
    "en-AU": ["Papadopoulos", "Nguyen-Tran", "McKinnon", "Whitlock", "Tuckwell", "Giannopoulos", "Fairweather",
              "Brennan", "Kowalski", "Moorcroft", "Tran", "Sutherland"],
    "de-DE": ["Schimanski", "Oberländer", "Pohlmann", "Kowalewski", "Bräutigam", "Eichhorn", "Sauerbier",
              "Dittrich", "Hülsmann", "Brückner", "Janssen", "Öztürk", "Riedesel", "Mittermaier", "Wawrzyniak"],
    "de-AT": ["Hinterberger", "Pichler", "Gruber-Moser", "Stadlbauer", "Wimmer", "Haslinger", "Auinger",
              "Fuchsberger", "Leitner", "Pospischil"],
    "de-CH": ["Brunner", "Zimmerli", "Gisler", "Ammann", "Baumgartner", "Tschudi", "Caflisch", "Hürlimann",
              "Wyss", "Lüthi"],
    "fr-FR": ["Le Goff", "Dubreuil", "Lefebvre-Martin", "Kerouac", "Guillou", "Benhamou", "Lavergne",
              "Jacquemin", "Boucherot", "Phan", "Lemaître", "Chevallier", "Ferrand", "de Villeneuve"],
    "fr-BE": ["Vandenberghe", "Dupont-Lemaire", "Claessens", "Wauters", "Lejeune", "Peeters", "Mertens",
              "Van Damme", "Deprez", "Hoebeke"],
    "es-ES": ["Arrizabalaga", "García-Valdecasas", "Puigdemont", "Orozco", "de la Fuente", "Villanueva",
              "Castañeda", "Ibarretxe", "Sanchís", "Fernández de Córdoba", "Ruiz", "Palomares", "Olaizola"],
    "it-IT": ["Capuano", "Di Benedetto", "Lo Russo", "Ferrante", "Santangelo", "Bianchini", "Cavallaro",
              "D'Alessandro", "Pellegrino", "Brambilla", "Scognamiglio", "De Luca", "Fumagalli"],
    "nl-NL": ["van Leeuwen", "de Boer", "Hoekstra", "Brouwer", "van 't Hof", "Dijkstra", "Vermeulen",
              "Oosterhuis", "Smits", "ten Hove", "Wolters", "van Dongen", "Zwart"],
    "pt-PT": ["Quaresma", "dos Santos", "Magalhães", "Quintela", "Albergaria", "Teixeira", "Meireles",
              "Pinto da Costa", "Gouveia", "Rebelo"],
    "pt-BR": ["da Silva", "Nascimento", "Albuquerque", "Cavalcanti", "dos Reis", "Bezerra", "Siqueira",
              "Moura", "Fonseca", "Tavares", "Gonçalves Dias", "Rocha"],
    "pl-PL": ["Wiśniewski", "Grabowska", "Brzęczyszczykiewicz", "Nowak", "Zając", "Kaczmarek", "Szczepańska",
              "Woźniak", "Jabłoński", "Krawczyk", "Dąbrowska", "Lewandowski"],
    "et-EE": ["Tamm", "Saar", "Kask", "Mägi", "Õunapuu", "Rebane", "Kuusk", "Pärn", "Lepik", "Ilves"],
    "sv-SE": ["Wallgren", "Bergström", "Öberg", "Sjöberg", "Nyström", "Åkesson", "Holmgren", "Ekdahl"],
    "nb-NO": ["Haugland", "Solberg", "Bakke", "Strømme", "Kvamme", "Halvorsen", "Rønning", "Eide"],
    "da-DK": ["Kjærgaard", "Mortensen", "Skovgaard", "Østergaard", "Lauridsen", "Bach", "Thygesen", "Holm"],
    "fi-FI": ["Korhonen", "Mäkelä", "Virtanen", "Leinonen", "Hämäläinen", "Kettunen", "Nieminen", "Järvinen"],
}

EMAIL_DOMAINS = {"en": ["gmail.com", "outlook.com", "yahoo.co.uk", "icloud.com", "eircom.net", "bigpond.com"],
                 "de": ["gmx.de", "web.de", "t-online.de", "gmx.at", "bluewin.ch", "posteo.de"],
                 "fr": ["orange.fr", "free.fr", "laposte.net", "skynet.be", "wanadoo.fr"],
                 "es": ["telefonica.net", "gmail.com", "hotmail.es"], "it": ["libero.it", "tiscali.it", "virgilio.it"],
                 "nl": ["ziggo.nl", "kpnmail.nl", "hetnet.nl"], "pt": ["sapo.pt", "uol.com.br", "bol.com.br"],
                 "pl": ["wp.pl", "onet.pl", "interia.pl", "o2.pl"], "et": ["hot.ee", "mail.ee"],
                 "sv": ["telia.com", "bredband.net"], "nb": ["online.no"], "da": ["mail.dk"], "fi": ["kolumbus.fi"]}

IBAN_BODY = {"de": ("DE", "##################"), "at": ("AT", "################"), "ch": ("CH", "#################"),
             "fr": ("FR", "#######################"), "be": ("BE", "############"), "es": ("ES", "####################"),
             "it": ("IT", "X######################"), "nl": ("NL", "RABO##########"), "pt": ("PT", "#####################"),
             "pl": ("PL", "########################"), "ee": ("EE", "################"), "gb": ("GB", "MIDL##############"),
             "ie": ("IE", "AIBK##############"), "se": ("SE", "####################"), "fi": ("FI", "##############")}

_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "ë": "e", "ê": "e", "á": "a",
                        "à": "a", "â": "a", "ã": "a", "í": "i", "ì": "i", "ï": "i", "ó": "o", "ò": "o", "õ": "o",
                        "ô": "o", "ú": "u", "ù": "u", "ç": "c", "ñ": "n", "ł": "l", "ś": "s", "ż": "z", "ź": "z",
                        "ć": "c", "ń": "n", "ą": "a", "ę": "e", "ø": "o", "å": "a", "æ": "ae", "'": "", " ": ""})


def ascii_fold(s: str) -> str:
    return s.lower().translate(_ASCII)


def first(locale: str, rng: random.Random) -> str:
    return rng.choice(FIRST[locale])


def last(locale: str, rng: random.Random) -> str:
    return rng.choice(LAST[locale])


def full(locale: str, rng: random.Random) -> str:
    given, family = first(locale, rng), last(locale, rng)
    if locale.startswith("es") and rng.random() < 0.5:  # two surnames
        family = f"{family} {rng.choice([s for s in LAST[locale] if s != family])}"
    return f"{given} {family}"


def email(locale: str, rng: random.Random) -> str:
    given, family = ascii_fold(first(locale, rng)), ascii_fold(last(locale, rng)).replace("-", "")
    local = rng.choice([f"{given}.{family}", f"{given[0]}{family}", f"{given}{rng.randrange(70, 100)}",
                        f"{family}.{given[0]}", f"{given}_{family}{rng.randrange(1, 9)}"])
    return f"{local}@{rng.choice(EMAIL_DOMAINS[locale.split('-')[0]])}"


def username(locale: str, rng: random.Random) -> str:
    given = ascii_fold(first(locale, rng)).replace("-", "")
    return rng.choice([f"{given}_{rng.randrange(80, 100)}", f"x{given}x", f"{given[:4]}{rng.randrange(100, 999)}",
                       f"the_real_{given}", f"{given}.{ascii_fold(last(locale, rng))[:3]}", f"{given}{rng.randrange(2, 30)}"])


def date_of_birth(lang: str, rng: random.Random) -> str:
    y, m, d = rng.randrange(1948, 2006), rng.randrange(1, 13), rng.randrange(1, 29)
    if lang == "en":
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                  "November", "December"]
        return rng.choice([f"{m:02d}/{d:02d}/{y}", f"{d} {months[m - 1]} {y}", f"{months[m - 1]} {d}, {y}"])
    sep = {"de": ".", "pl": ".", "et": ".", "fi": ".", "nl": "-", "sv": "-"}.get(lang, "/")
    if lang == "sv":
        return f"{y}-{m:02d}-{d:02d}"
    return f"{d:02d}{sep}{m:02d}{sep}{y}"


def iban(country: str, rng: random.Random, spaced: bool) -> str:
    code, pattern = IBAN_BODY[country]
    body = "".join(str(rng.randrange(10)) if c == "#" else c for c in pattern)
    value = iban_with_check(code, body)
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if spaced else value


def card(rng: random.Random) -> str:
    prefix = rng.choice(["4", "51", "53", "55", "2221"])
    number = luhn_complete(prefix + "".join(str(rng.randrange(10)) for _ in range(15 - len(prefix))))
    sep = rng.choice([" ", "-", ""])
    return sep.join(number[i:i + 4] for i in range(0, 16, 4))


def ip_address(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return f"2a02:{rng.randrange(0x1000, 0xffff):x}:{rng.randrange(0x100, 0xfff):x}::{rng.randrange(1, 0xff):x}"
    return f"{rng.choice([81, 84, 95, 176, 188, 213, 37, 92])}.{rng.randrange(1, 255)}.{rng.randrange(255)}.{rng.randrange(1, 255)}"


def profile_url(locale: str, rng: random.Random) -> str:
    handle = username(locale, rng).replace(".", "")
    return rng.choice([f"https://www.instagram.com/{handle}/", f"https://www.linkedin.com/in/{handle}-{rng.randrange(1000, 9999)}",
                       f"facebook.com/{handle}", f"https://github.com/{handle}"])


def password(rng: random.Random) -> str:
    words = ["Sonnenblume", "tortuga", "Kanarie", "zielony", "Pingvin", "mariposa", "Eichhörnchen", "kotek"]
    return rng.choice([f"{rng.choice(words)}{rng.randrange(10, 99)}!", f"{rng.choice(words)[:5]}#{rng.randrange(1000, 9999)}",
                       f"Qw{rng.randrange(100, 999)}rT!{rng.choice('xyzk')}"])


def ssn(rng: random.Random) -> str:
    area = rng.choice([n for n in range(1, 899) if n != 666])
    return f"{area:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}"


def dni(rng: random.Random) -> str:
    n = rng.randrange(10_000_000, 99_999_999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def pesel(rng: random.Random) -> str:
    body = f"{rng.randrange(50, 99):02d}{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}{rng.randrange(10000):04d}"
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(c) * w for c, w in zip(body, weights)) % 10) % 10)
