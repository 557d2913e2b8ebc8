"""Streets, towns and postcodes for the eighth set, written by hand for it, in each country's order.

``address(rng, locale)`` gives (one_line, block): the same address on one line and as a signature or form block
(several lines). ``spoken_address`` is an English address as speech-to-text writes it (lower case, numbers in
words, no punctuation). No faker, mimesis or phonenumbers data.
"""

from __future__ import annotations

from pii_eval.eighth_numbers import two_digit_words

STREETS = {
    "en-US": ["Sassafras Hollow Rd", "Cottonwood Bend Dr", "N Larkspur Ave", "Quarry Ridge Ct", "Bluestem Trail",
              "W Pawnee St", "Old Mill Pond Rd", "Tamarack Loop"],
    "en-GB": ["Hollybush Lane", "Ropewalk Mews", "Cuckoo Pen Close", "Tanyard Row", "Gooseberry Shute",
              "Gallowtree Gate", "Fennel Street", "Kiln Croft"],
    "en-AU": ["Quandong Grove", "Bilby Crescent", "Ironbark Rise", "Banksia Pde", "Currawong Way", "Lyrebird Cct",
              "Spinifex St", "Coolabah Tce"],
    "en-IE": ["Ard Caoin", "Bóthar an Phoist", "Knockmore Heights", "Pairc an Choill", "Ballinlough Road",
              "Cúirt na Coille", "Cnoc an Óir", "Lios na Carraige"],
    "en-ZA": ["Kiepersol Close", "Umgeni Rd", "Klipfontein Ave", "Boekenhout Str", "Mimosa Crescent", "Ntemi Piliso St",
              "Vygie Lane", "Dassie Way"],
    "en-CA": ["Saskatoon Berry Cres", "Chinook Trail NW", "Rue des Pimbinas", "Muskoka Bay Rd", "Tamarind Gate",
              "Caribou Crt", "Fireweed Lane", "Loonsong Dr"],
    "cs-CZ": ["Lipová", "U Pivovaru", "Na Výsluní", "Třebízského", "Kaštanová", "Za Mlýnem", "Jabloňová", "K Rybníku"],
    "tr-TR": ["Lale Sok.", "Gül Sk.", "Menekşe Sokak", "Nergis Çıkmazı", "Papatya Sok.", "Zambak Sk.", "Akasya Sokağı",
              "Sümbül Sok."],
    "ro-RO": ["Str. Teiului", "Strada Zorilor", "Aleea Crizantemelor", "Str. Fagului", "Bd. Independenței",
              "Calea Florilor", "Str. Morii", "Aleea Castanilor"],
    "pt-BR": ["Rua das Acácias", "Rua Tabapuã", "Av. Ipiranga", "Travessa do Ouvidor", "Rua Pirapitingui",
              "Alameda dos Jurupis", "Rua Coronel Tabajara", "Rua do Cajueiro"],
    "hu-HU": ["Tulipán utca", "Hajnal u.", "Gyöngyvirág utca", "Kökény köz", "Szegfű u.", "Malom utca", "Pacsirta köz",
              "Árpád fejedelem útja"],
    "el-GR": ["Οδός Αγίας Σοφίας", "Ερμού", "Πλαστήρα", "Αριστοτέλους", "Οδός Ιπποκράτους", "Μαιάνδρου",
              "Λεωφόρος Κηφισίας", "Κανάρη"],
    "vi-VN": ["phố Hàng Bông", "đường Nguyễn Trãi", "đường Lê Văn Sỹ", "phố Tô Hiến Thành", "đường Trần Hưng Đạo",
              "đường Hoàng Diệu", "phố Đội Cấn", "đường Cách Mạng Tháng Tám"],
    "sw-KE": ["Barabara ya Ngong", "Mtaa wa Moi", "Barabara ya Jogoo", "Mtaa wa Tom Mboya", "Barabara ya Kenyatta",
              "Mtaa wa Biashara", "Barabara ya Ole Sereni", "Mtaa wa Digo"],
}

# (town, postcode shape, region) per locale; "#" a digit, "@" a letter
TOWNS = {
    "en-US": [("Tulsa", "741##", "OK"), ("Missoula", "598##", "MT"), ("Asheville", "288##", "NC"),
              ("Boise", "837##", "ID"), ("Duluth", "558##", "MN")],
    "en-GB": [("Stroud", "GL5 #@@", ""), ("Kendal", "LA9 #@@", ""), ("Hexham", "NE46 #@@", ""),
              ("Frome", "BA11 #@@", ""), ("Ludlow", "SY8 #@@", "")],
    "en-AU": [("Ballarat", "3350", "VIC"), ("Toowoomba", "4350", "QLD"), ("Wagga Wagga", "2650", "NSW"),
              ("Bunbury", "6230", "WA"), ("Launceston", "7250", "TAS")],
    "en-IE": [("Tralee", "V92 @#@#", "Co. Kerry"), ("Ennis", "V95 @@##", "Co. Clare"), ("Athlone", "N37 @#@#", "Co. Westmeath"),
              ("Letterkenny", "F92 @@#@", "Co. Donegal"), ("Clonmel", "E91 #@@#", "Co. Tipperary")],
    "en-ZA": [("Pretoria", "00##", "Lynnwood"), ("Gqeberha", "60##", "Walmer"), ("Bloemfontein", "93##", "Universitas"),
              ("Durban", "40##", "Glenwood"), ("Stellenbosch", "76##", "Die Boord")],
    "en-CA": [("Kamloops", "V2C #@#", "BC"), ("Moncton", "E1C #@#", "NB"), ("Red Deer", "T4N #@#", "AB"),
              ("Sherbrooke", "J1H #@#", "QC"), ("Thunder Bay", "P7B #@#", "ON")],
    "cs-CZ": [("Olomouc", "779 00", ""), ("Jihlava", "586 01", ""), ("Kolín", "280 02", ""), ("Třebíč", "674 01", ""),
              ("Písek", "397 01", "")],
    "tr-TR": [("Kadıköy/İstanbul", "347##", "Caferağa Mah."), ("Çankaya/Ankara", "066##", "Bahçelievler Mah."),
              ("Nilüfer/Bursa", "161##", "Fethiye Mah."), ("Merkezefendi/Denizli", "200##", "Sırakapılar Mah."),
              ("Tepebaşı/Eskişehir", "260##", "Hoşnudiye Mah.")],
    "ro-RO": [("Brașov", "500###", "jud. Brașov"), ("Sibiu", "550###", "jud. Sibiu"), ("Oradea", "410###", "jud. Bihor"),
              ("Suceava", "720###", "jud. Suceava"), ("Craiova", "200###", "jud. Dolj")],
    "pt-BR": [("São Paulo", "04###-###", "SP"), ("Fortaleza", "60###-###", "CE"), ("Curitiba", "80###-###", "PR"),
              ("Belém", "66###-###", "PA"), ("Juiz de Fora", "36###-###", "MG")],
    "hu-HU": [("Szeged", "67##", ""), ("Pécs", "76##", ""), ("Eger", "33##", ""), ("Győr", "90##", ""),
              ("Kecskemét", "60##", "")],
    "el-GR": [("Θεσσαλονίκη", "546 ##", ""), ("Αθήνα", "105 ##", ""), ("Πάτρα", "262 ##", ""), ("Ηράκλειο", "712 ##", ""),
              ("Λάρισα", "412 ##", "")],
    "vi-VN": [("Hà Nội", "quận Hoàn Kiếm", "phường Hàng Gai"), ("TP. Hồ Chí Minh", "quận 3", "phường 9"),
              ("Đà Nẵng", "quận Hải Châu", "phường Thạch Thang"), ("Huế", "TP. Huế", "phường Phú Hội"),
              ("Cần Thơ", "quận Ninh Kiều", "phường An Cư")],
    "sw-KE": [("Nairobi", "00100", "Kilimani"), ("Mombasa", "80100", "Nyali"), ("Kisumu", "40100", "Milimani"),
              ("Nakuru", "20100", "Section 58"), ("Eldoret", "30100", "Elgon View")],
}

LETTERS = "ABDEFHJKNPRTWXY"


def _code(rng, shape: str) -> str:
    return "".join(str(rng.randint(0, 9)) if c == "#" else rng.choice(LETTERS) if c == "@" else c for c in shape)


def address(rng, locale: str) -> tuple[str, str]:
    street = rng.choice(STREETS[locale])
    town, pshape, region = rng.choice(TOWNS[locale])
    pc = _code(rng, pshape)
    n = rng.randint(2, 189)
    flat = rng.random() < 0.35
    if locale == "en-US":
        line1 = f"{n * 7 + 100} {street}" + (f", Apt {rng.randint(1, 30)}{rng.choice('ABC')}" if flat else "")
        return f"{line1}, {town}, {region} {pc}", f"{line1}\n{town}, {region} {pc}"
    if locale == "en-GB":
        line1 = (f"Flat {rng.randint(1, 12)}, " if flat else "") + f"{n} {street}"
        return f"{line1}, {town} {pc}", f"{line1}\n{town}\n{pc}"
    if locale == "en-AU":
        line1 = (f"Unit {rng.randint(1, 14)}/" if flat else "") + f"{n} {street}"
        return f"{line1}, {town} {region} {pc}", f"{line1}\n{town.upper()} {region} {pc}"
    if locale == "en-IE":
        line1 = (f"Apt {rng.randint(1, 40)}, " if flat else "") + f"{n} {street}"
        return f"{line1}, {town}, {region}, {pc}", f"{line1}\n{town}\n{region}\n{pc}"
    if locale == "en-ZA":
        return f"{n} {street}, {region}, {town}, {pc}", f"{n} {street}\n{region}\n{town}\n{pc}"
    if locale == "en-CA":
        line1 = (f"{rng.randint(101, 409)}-" if flat else "") + f"{n * 11} {street}"
        return f"{line1}, {town}, {region} {pc}", f"{line1}\n{town} {region}  {pc}"
    if locale == "cs-CZ":
        line1 = f"{street} {rng.randint(200, 2900)}/{rng.randint(1, 40)}"
        return f"{line1}, {pc} {town}", f"{line1}\n{pc} {town}"
    if locale == "tr-TR":
        line1 = f"{region} {street} No: {n}" + (f" D: {rng.randint(1, 20)}" if flat else "")
        return f"{line1}, {pc} {town}", f"{line1}\n{pc} {town}"
    if locale == "ro-RO":
        line1 = f"{street} nr. {n}" + (f", bl. {rng.choice('ABCDEG')}{rng.randint(1, 9)}, ap. {rng.randint(1, 60)}"
                                      if flat else "")
        return f"{line1}, {town} {pc}, {region}", f"{line1}\n{pc} {town}\n{region}"
    if locale == "pt-BR":
        line1 = f"{street}, {n * 3}" + (f", apto {rng.randint(11, 184)}" if flat else "")
        return f"{line1} - {town}/{region}, CEP {pc}", f"{line1}\n{town} - {region}\nCEP {pc}"
    if locale == "hu-HU":
        line1 = f"{street} {n}." + (f" {rng.randint(1, 9)}/{rng.randint(1, 12)}." if flat else "")
        return f"{pc} {town}, {line1}", f"{town}\n{line1}\n{pc}"
    if locale == "el-GR":
        return f"{street} {n}, {pc} {town}", f"{street} {n}\n{pc} {town}"
    if locale == "vi-VN":
        line1 = (f"Số {n} ngõ {rng.randint(2, 90)} " if flat else f"Số {n} ") + street
        return f"{line1}, {region}, {pshape}, {town}", f"{line1}\n{region}, {pshape}\n{town}"
    if locale == "sw-KE":
        if flat:
            box = f"S.L.P. {rng.randint(1000, 99999)}-{pc} {town}"
            return box, f"S.L.P. {rng.randint(1000, 99999)}\n{pc} {town}"
        return f"Nyumba Na. {n}, {street}, {region}, {town}", f"Nyumba Na. {n}\n{street}\n{region}, {town}"
    raise KeyError(locale)


def _number_words(n: int) -> str:
    if n < 100:
        return two_digit_words(n).replace("oh ", "")
    h, rest = divmod(n, 100)
    if rest == 0:
        return f"{two_digit_words(h).replace('oh ', '')} hundred"
    return f"{two_digit_words(h).replace('oh ', '')} {two_digit_words(rest)}"


_ABBREV = {"Rd": "road", "Dr": "drive", "Ave": "avenue", "Ct": "court", "St": "street", "N": "north", "W": "west",
           "Pde": "parade", "Cct": "circuit", "Tce": "terrace", "Str": "street", "Cres": "crescent", "NW": "northwest",
           "Crt": "court"}


def spoken_address(rng, locale: str) -> str:
    """'twenty seven hollybush lane stroud': an English address as a call-centre transcript writes it."""
    street = rng.choice(STREETS[locale])
    town = rng.choice(TOWNS[locale])[0]
    words = " ".join(_ABBREV.get(w, w) for w in street.split()).lower()
    n = rng.randint(2, 340)
    return f"{_number_words(n)} {words} {town.lower()}"


CITIES = {loc: [t[0] for t in towns] for loc, towns in TOWNS.items()}
