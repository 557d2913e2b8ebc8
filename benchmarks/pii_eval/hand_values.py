"""PII values for the real-text set, written by hand for this set (neither faker nor mimesis).

Per language: given names and surnames of people who live there today (of many origins), phone numbers in
the national formats people type (trunk prefixes, extensions, spaces), e-mail addresses, street addresses
(one line and several lines), and identity numbers. Card numbers and IBANs are hand-written bodies whose
check digit is computed (``luhn_complete``, ``iban_with_check``), so that validating detectors can fire.
"""

from __future__ import annotations

from .checksums import iban_with_check, luhn_complete

FIRST = {
    "en": ["Oriana", "Tamsin", "Declan", "Ngozi", "Priyanka", "Wren", "Thaddeus", "Marisol", "Bongani", "Keziah",
           "Rufus", "Imogen", "Lachlan", "Xiomara", "Obadiah", "Saoirse", "Ezinne", "Cormac", "Delphine", "Yusuf"],
    "de": ["Friederike", "Malte", "Jannik", "Svenja", "Hatice", "Leonie", "Bastian", "Ilka", "Wiebke", "Torben",
           "Mirela", "Ole"],
    "fr": ["Solène", "Gaspard", "Maëlys", "Anouk", "Corentin", "Yasmine", "Bastien", "Ophélie", "Kylian", "Clémence"],
    "es": ["Itziar", "Iñaki", "Rocío", "Nerea", "Fermín", "Candela", "Aitana", "Gonzalo", "Maite", "Xabier"],
    "it": ["Ludovica", "Tommaso", "Benedetta", "Gioele", "Ilaria", "Pietro", "Nives", "Matteo", "Ginevra", "Arturo"],
    "nl": ["Femke", "Joris", "Sanne", "Thijs", "Lieke", "Maarten", "Noor", "Sven", "Mirthe", "Jelle"],
    "pt": ["Inês", "Duarte", "Leonor", "Tiago", "Matilde", "Gonçalo", "Beatriz", "Rodrigo", "Carolina", "Afonso"],
}
LAST = {
    "en": ["Okonkwo", "Featherstone", "Abernathy", "Lindqvist", "Castellanos", "Nakamura-Reid", "O'Halloran",
           "Pemberton", "Achterberg", "Szymanski", "Mbeki", "Thistlewood", "Ferreira", "Quigley"],
    "de": ["Brüggemann", "Yilmaz", "Rademacher", "Kowalczyk", "Hinrichs", "Eberhardt", "Jankowski", "Lüders"],
    "fr": ["Lefèvre", "Benali", "Marchetti", "Guillot", "Nguyen", "Delacroix", "Rousseau", "Haddad"],
    "es": ["Etxeberria", "Villalobos", "Quiroga", "Salcedo", "Benítez", "Arrieta", "Olmedo", "Cifuentes"],
    "it": ["Bellandi", "Esposito", "Zanetti", "Carrozza", "Tedeschi", "Lombardo", "Pagano", "Quaranta"],
    "nl": ["van der Meulen", "Bakker", "de Wit", "Huisman", "Smeets", "Verhoeven", "Kuipers", "van Dam"],
    "pt": ["Carvalho", "Monteiro", "Sousa", "Pinheiro", "Vasconcelos", "Figueiredo", "Antunes", "Correia"],
}

PHONES = {
    "en": ["001-612-330-9921x481", "(503) 281-7764 ext. 22", "+1 917 555 0148", "0161 496 0752", "07700 900461",
           "+44 (0)20 7946 0381", "617.555.0199", "1-800-555-0175 x3"],
    "de": ["0151 23456789", "+49 (0)30 12345-67", "030 / 901 820 44", "0664 123 45 67", "+41 (0)79 555 12 34",
           "0221 4711-0", "+43 1 5123 4567"],
    "fr": ["06 47 81 30 59", "+33 (0)1 45 67 89 10", "07.81.22.90.13", "+33 6 98 76 54 32", "04 72 11 08 35"],
    "es": ["612 34 56 78", "+34 699 123 456", "91 555 23 87", "(+34) 934 567 890", "0034 655 443 221"],
    "it": ["347 123 4567", "+39 02 8765 4321", "06 4455 6677", "+39 333 9876543", "0039 320 1122334"],
    "nl": ["06-12345678", "+31 (0)20 555 1234", "06 43 21 87 65", "+31 6 1122 3344", "010 - 412 7766"],
    "pt": ["912 345 678", "+351 21 345 6789", "(+351) 936 112 233", "22 208 7654", "+351 967 554 321"],
}

EMAIL_DOMAINS = {"en": ["fastmail.com", "proton.me", "hey.com", "gmail.com"], "de": ["mailbox.org", "gmx.net", "posteo.de"],
                 "fr": ["orange.fr", "wanadoo.fr", "proton.me"], "es": ["gmail.com", "yahoo.es", "outlook.es"],
                 "it": ["libero.it", "alice.it", "gmail.com"], "nl": ["xs4all.nl", "planet.nl", "gmail.com"],
                 "pt": ["sapo.pt", "gmail.com", "clix.pt"]}

ADDRESSES = {  # one line, several lines (\n), street lines of non-English countries
    "en": ["4471 Garner Hollow, Westbrookfort, MT 40213", "Unit 8812 Box 4410, DPO AE 11930",
           "PSC 3301, Box 2271, APO AP 57020", "18 Larkspur Close\nHarrogate\nHG2 7QT",
           "902 W Addison St Apt 3R, Chicago, IL 60613", "Flat 5, 27 Cranbourne Road, Sheffield S11 8RT",
           "1207 Bellamy Ave\nNorman, OK 73069", "Pikk 17, 10123 Tallinn"],
    "de": ["Schillerstraße 41, 04109 Leipzig", "Am Kirchberg 7\n79219 Staufen", "Lindenallee 112a, 50968 Köln",
           "Hauptplatz 3/2/14, 8010 Graz", "Bahnhofstrasse 88\n8001 Zürich"],
    "fr": ["12 rue des Tanneurs, 67000 Strasbourg", "Résidence Les Pins, bât. B\n4 allée Lamartine\n13090 Aix-en-Provence",
           "87 boulevard Voltaire, 75011 Paris", "3 impasse du Moulin, 35000 Rennes"],
    "es": ["Calle de Embajadores 54, 3º izq., 28012 Madrid", "Carrer de Verdi 19\n08012 Barcelona",
           "Avenida de la Constitución 8, 41001 Sevilla", "Rúa do Franco 22, 15705 Santiago de Compostela"],
    "it": ["Via dei Serragli 31, 50124 Firenze", "Corso Vittorio Emanuele II 204\n10138 Torino",
           "Vicolo del Cinque 9, 00153 Roma", "Via Toledo 256, 80134 Napoli"],
    "nl": ["Lange Voorhout 9, 2514 EA Den Haag", "Oudegracht 118\n3511 AX Utrecht",
           "Prinsengracht 263-2, 1016 GV Amsterdam"],
    "pt": ["Rua de Santa Catarina 312, 4000-442 Porto", "Travessa do Carmo 5, 2º Dto\n1200-095 Lisboa",
           "Avenida Sá da Bandeira 41, 3000-351 Coimbra"],
}

CARD_BODIES = ["449210863157204", "537194026681530", "34712690458213", "50189047326", "67613582940",
               "601174920385116", "63049125830"]


def cards() -> list[str]:
    """Card numbers typed in several ways: grouped by four, Amex 4-6-5, plain, 12-digit Maestro."""
    out = []
    for body in CARD_BODIES:
        num = luhn_complete(body)
        if len(num) == 15:
            out.append(f"{num[:4]} {num[4:10]} {num[10:]}")
        elif len(num) == 12:
            out += [num, f"{num[:4]} {num[4:8]} {num[8:]}"]
        else:
            out += [" ".join(num[i:i + 4] for i in range(0, 16, 4)), num]
    return out


IBAN_BODIES = {  # typed for this set; none is a textbook example IBAN
    "en": [("GB", "LOYD30962471859302"), ("GB", "MIDL40472619035577"), ("IE", "BOFI90583412769034")],
    "de": [("DE", "430609671052837164"), ("DE", "120300008406127395"), ("AT", "2011182937465012")],
    "fr": [("FR", "1027800001002938475K612"), ("FR", "3000300617298403185R277")],
    "es": [("ES", "01826152880201583749"), ("ES", "20385906176000419283")],
    "it": [("IT", "B0306922805100000072849"), ("IT", "M0200811703000104958213")],
    "nl": [("NL", "RABO0318274650"), ("NL", "TRIO0773940182"), ("BE", "063527481965")],
    "pt": [("PT", "001000004829175320195"), ("PT", "003300005017398264081")],
}


def iban(lang: str, index: int, spaced: bool) -> str:
    bodies = IBAN_BODIES[lang]
    value = iban_with_check(*bodies[index % len(bodies)])
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4)) if spaced else value


ID_NUMBERS = {  # (cue the sentence gives, value)
    "en": [("SSN", "512-47-3086"), ("social security number", "338 61 9052"), ("NI number", "JT 48 27 16 B")],
    "de": [("Steuer-ID", "57 382 941 601"), ("Ausweisnummer", "LZ6311T47")],
    "fr": [("numéro de sécu", "2 91 08 69 123 187 14")],
    "es": [("DNI", "48213597P"), ("NIE", "X4829163Z")],
    "it": [("codice fiscale", "BLLLDV92C47D612K")],
    "nl": [("BSN", "274918365")],
    "pt": [("NIF", "241738598")],
}
PASSPORTS = ["CFJ8T4K2R", "P45173928", "NX7K4P2R8", "YA5819342", "17CV84215", "PAB742196"]
BIRTH_DATES = {"en": ["March 3, 1979", "12/07/1991", "1988-11-30"], "de": ["03.08.1975", "21. Juni 1990"],
               "fr": ["14/02/1983", "9 octobre 1996"], "es": ["27/05/1969", "3 de enero de 2001"],
               "it": ["18/09/1977", "2 aprile 1994"], "nl": ["06-12-1985", "30 april 1972"],
               "pt": ["11/11/1980", "25 de julho de 1998"]}
IPS = ["83.169.41.207", "2a02:810d:4b40:1e7c::52", "141.24.9.188", "92.184.97.11", "188.114.96.3"]
PROFILE_URLS = ["https://www.linkedin.com/in/oriana-featherstone-7b21a9", "https://github.com/malte-hinrichs",
                "https://mastodon.social/@solene_l", "https://www.instagram.com/itziar.etxe/",
                "https://www.flickr.com/photos/tommaso_bellandi/"]
USERNAMES = ["wren_t_1987", "xabi.olmedo", "femke_b", "darkstar_tiago", "mirela.k", "gaspard2004", "ngozi.o"]
