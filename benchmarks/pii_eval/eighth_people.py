"""Names for the eighth set, written by hand for it: given names and surnames per locale, from many naming
cultures, some of them ordinary words (Clover, Sterling, Ransom, Juniper, Subira, Deniz, Umut, Doina, Hoa, Đông).

No faker, mimesis or phonenumbers data. ``NAMES[locale] = (given, surnames)``.
"""

from __future__ import annotations

import unicodedata

NAMES: dict[str, tuple[list[str], list[str]]] = {
    "en-US": (["Oleta", "Waylon", "Rosalba", "Tavish", "Clover", "Ignatius", "Latrice", "Bartholomew",
               "Winona", "Keoni", "Annabeth", "Lemuel", "Ransom", "Neriah", "Jedidiah", "Maybelle"],
              ["Okonkwo-Reyes", "Vanderslice", "Brennecke", "Kowalewicz", "Fairlamb", "Espinoza-Hale", "Heckathorn",
               "Nakamura-Lind", "Ashgrove", "Gentle", "Whitebird", "Adeyemi-Cole", "Delacroix-Moore"]),
    "en-GB": (["Lowenna", "Dilys", "Rhodri", "Hepzibah", "Jaswinder", "Caradog", "Kerensa", "Adebowale",
               "Prudence", "Iestyn", "Bryony", "Tegid", "Sterling", "Parveen", "Cerys", "Zebulon"],
              ["Honeyball", "Featherstonehaugh", "Ap Rhys", "Chaudhry-Bell", "Jowett", "Sparrow", "Postlethwaite",
               "Tregenza", "Higginbottom", "McCorquodale", "Lamb", "Wetherall", "Odedra"]),
    "en-AU": (["Allira", "Bindi", "Kalinda", "Yarran", "Tallis", "Matilda-Rose", "Nerida", "Ashwin", "Bundy",
               "Bronte", "Koa", "Juniper", "Dusty", "Tarni", "Anzac", "Yindi"],
              ["Papadimitriou", "Wirrpanda", "Trevallion", "Nguyen-Ashby", "Goldsworthy", "Mulvihill",
               "Kowalski-Hunt", "Yunupingu", "Bottomley", "Crowhurst", "Fairhall", "Tsang", "Hardcastle"]),
    "en-IE": (["Tuathal", "Ríona", "Senan", "Cliodhna", "Cillian", "Bláthnaid", "Fearghal", "Saorlaith", "Donnacha",
               "Aoibheann", "Daithí", "Gobnait", "Fiontán", "Ailbhe", "Naoise", "Treasa"],
              ["Ó Loingsigh", "Mac Cárthaigh", "Mac Conmara", "Fitzgibbon-Walsh", "Ó Dálaigh", "Ó Meachair",
               "Coughlan", "Moriarty-Kane", "Ó Ceallaigh", "Geoghegan", "Shanahan", "Ó Donnchadha", "Tierney"]),
    "en-ZA": (["Thandiwe", "Dumisani", "Mbali", "Ruan", "Nosipho", "Pieter-Jan", "Nokwanda", "Siyabonga", "Annelie",
               "Tumelo", "Refilwe", "Katlego", "Wessel", "Ebrahim", "Lindiwe", "Tshepo"],
              ["Mahlangu", "van der Westhuizen", "Nkosi-Daniels", "Strydom", "Kubheka", "Ramaphala", "Pillay",
               "Oosthuizen", "Radebe", "Hendricks", "Ngcobo", "Jacobs-Khumalo", "du Preez"]),
    "en-CA": (["Émilienne", "Gurpreet", "Tanis", "Ysolde", "Kateri", "Bohdan", "Yves-André", "Anaëlle", "Aputi",
               "Harjit", "Aurore", "Desmond", "Tenzin", "Thordis", "Okalik", "Rupinder"],
              ["Tremblay-Singh", "Kuptana", "Hnatyshyn", "Gallant", "Sandhar", "Beauchesne", "Wapachee", "Leblanc-Osei",
               "Fortier", "Dhaliwal", "Arsenault", "Thériault", "Tkachuk"]),
    "cs-CZ": (["Bohuslav", "Bohumila", "Vratislav", "Radka", "Blanka", "Otakar", "Libuše", "Kryštof", "Markéta",
               "Svatopluk", "Dagmar", "Čestmír", "Vendula", "Bořivoj", "Hedvika", "Drahomír"],
              ["Kořínek", "Procházka", "Vondráček", "Šťastný", "Hrubeš", "Zelenka", "Dvořáček", "Kubíček",
               "Sýkora", "Pešek", "Holub", "Řehák", "Vrba"]),
    "tr-TR": (["Gülsüm", "Oğuzhan", "Deniz", "Umut", "Şebnem", "Kıvanç", "Nurcan", "Barış", "Ilgın", "Çağatay",
               "Ebru", "Yiğit", "Sevgül", "Tuncay", "Özlem", "Doğan"],
              ["Karataş", "Kurtuluş", "Öztürkmen", "Çelikkaya", "Şahinbaş", "Ağaoğlu", "Demirkol", "Kuşçu",
               "Eroğlu", "Güneş", "Bayraktaroğlu", "Tosun", "Aydemir"]),
    "ro-RO": (["Doina", "Costin", "Lăcrămioara", "Remus", "Mirabela", "Cătălin", "Smaranda", "Viorel", "Anca-Maria",
               "Dorin", "Codruța", "Lucian", "Brândușa", "Horia", "Violeta", "Ovidiu"],
              ["Țurcanu", "Popescu-Dobre", "Stănescu", "Negoiță", "Bălan", "Chirilă", "Mureșan", "Pârvulescu",
               "Drăgulescu", "Oprea", "Iordache", "Zăvoianu", "Câmpeanu"]),
    "pt-BR": (["Thayná", "Claudinei", "Jussara", "Gleidson", "Raimunda", "Ubirajara", "Gisleine", "Kauã",
               "Iracema", "Josué", "Lucineide", "Francisco das Chagas", "Valdirene", "Emerson", "Jaci", "Rosimeire"],
              ["Ximenes", "dos Santos Brito", "Cerqueira", "Paranhos", "Carneiro", "Jacobina",
               "Sampaio", "Tavares de Lima", "Quintanilha", "Pimenta", "Assunção", "Sardinha", "Guimarães"]),
    "hu-HU": (["Zsófia", "Bulcsú", "Emőke", "Vazul", "Csenge", "Gergő", "Boglárka", "Ákos", "Dorka", "Huba",
               "Tünde", "Zoltán", "Hajnalka", "Kornél", "Piroska", "Örs"],
              ["Szűcs", "Kovács", "Fehérvári", "Gulyás", "Pásztor", "Bodnár", "Rácz", "Oláh", "Vörös",
               "Takács-Nagy", "Erdős", "Kertész", "Sándorfi"]),
    "el-GR": (["Ευαγγελία", "Σπύρος", "Χαράλαμπος", "Δέσποινα", "Παναγιώτης", "Αικατερίνη", "Θεμιστοκλής",
               "Ξανθή", "Στυλιανός", "Φωτεινή", "Ιάσονας", "Χρυσούλα", "Ζήσης", "Βασιλική", "Αριστείδης", "Ρένα"],
              ["Παπαδόπουλος", "Καραγιάννης", "Τσολάκης", "Μπακογιάννης", "Χατζηγεωργίου", "Σταυρόπουλος",
               "Ζαφειρίου", "Κουτσούκος", "Λαμπράκης", "Ντόκος", "Γεωργιάδης", "Βλάχος", "Φραγκιαδάκης"]),
    "vi-VN": (["Thảo", "Phúc", "Hoa", "Tuấn", "Ngọc Ánh", "Đông", "Lan Hương", "Quang Huy", "Bích", "Khoa",
               "Minh Thư", "Trung", "Yến", "Hiếu", "Diệp", "Thắng"],
              ["Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Vương"]),
    "sw-KE": (["Subira", "Jabari", "Neema", "Juma", "Sanaa", "Wanjiku", "Ouma", "Atieno", "Kipchoge", "Nafula",
               "Mwanaisha", "Simiyu", "Makena", "Tumaini", "Amani", "Cherono"],
              ["Kinyanjui", "Onyango", "Kibet", "Wanyama", "Gitau", "Nyambura", "Mburu", "Chepkoech", "Chelimo",
               "Wekesa", "Mohamed Said", "Ndungu", "Akinyi"]),
}

# given names of women (the others are men's or either); Czech and Greek surnames take the feminine form
FEMALE = {
    "Oleta", "Rosalba", "Clover", "Latrice", "Winona", "Annabeth", "Neriah", "Maybelle", "Lowenna", "Dilys",
    "Hepzibah", "Kerensa", "Prudence", "Bryony", "Parveen", "Cerys", "Allira", "Bindi", "Kalinda", "Matilda-Rose",
    "Nerida", "Bronte", "Juniper", "Tarni", "Yindi", "Ríona", "Cliodhna", "Bláthnaid", "Saorlaith", "Aoibheann",
    "Gobnait", "Ailbhe", "Treasa", "Thandiwe", "Mbali", "Nosipho", "Nokwanda", "Annelie", "Refilwe", "Lindiwe",
    "Émilienne", "Ysolde", "Kateri", "Anaëlle", "Aurore", "Thordis", "Tanis", "Bohumila", "Radka", "Blanka",
    "Libuše", "Markéta", "Dagmar", "Vendula", "Hedvika", "Gülsüm", "Şebnem", "Nurcan", "Ilgın", "Ebru", "Sevgül",
    "Özlem", "Doina", "Lăcrămioara", "Mirabela", "Smaranda", "Anca-Maria", "Codruța", "Brândușa", "Violeta", "Thayná",
    "Jussara", "Raimunda", "Gisleine", "Iracema", "Lucineide", "Valdirene", "Rosimeire", "Zsófia", "Emőke",
    "Csenge", "Boglárka", "Dorka", "Tünde", "Hajnalka", "Piroska", "Ευαγγελία", "Δέσποινα", "Αικατερίνη", "Ξανθή",
    "Φωτεινή", "Χρυσούλα", "Βασιλική", "Ρένα", "Thảo", "Hoa", "Ngọc Ánh", "Lan Hương", "Bích", "Minh Thư", "Yến",
    "Diệp", "Subira", "Neema", "Sanaa", "Wanjiku", "Atieno", "Nafula", "Mwanaisha", "Makena", "Cherono",
}


def feminine_surname(locale: str, surname: str) -> str:
    if locale == "cs-CZ":
        if surname.endswith("ý"):
            return surname[:-1] + "á"
        if surname.endswith("ek"):
            return surname[:-2] + "ková"
        return (surname[:-1] if surname.endswith("a") else surname) + "ová"
    if locale == "en-IE" and surname.startswith(("Ó ", "Mac ")):  # Ní / Nic, the next consonant lenited
        particle, rest = surname.split(" ", 1)
        if particle == "Ó" and rest[0] in "BCDFGMPST":
            rest = rest[0] + "h" + rest[1:]
        return ("Ní " if particle == "Ó" else "Nic ") + rest
    if locale == "el-GR":
        if surname.endswith("όπουλος"):
            return surname[:-7] + "οπούλου"
        if surname.endswith("ος"):
            return surname[:-2] + "ου"
        if surname.endswith("ης"):
            return surname[:-2] + "η"
    return surname


PRONOUNS = {"en": ("she/her", "he/him"), "cs": ("ona/její", "on/jeho"), "pt": ("ela/dela", "ele/dele"),
            "ro": ("ea", "el")}
ARTICLES = {"el": ("η", "ο"), "pt": ("a", "o")}


# Vietnamese names are written surname first; Hungarian ones too
SURNAME_FIRST = {"vi-VN", "hu-HU"}

_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s",
                   "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"]))
_SPECIAL = {"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "ß": "ss", "ð": "d"}


_DIGRAPHS = [("ού", "ou"), ("ου", "ou"), ("εύ", "ev"), ("ευ", "ev"), ("αύ", "av"), ("αυ", "av"), ("γγ", "ng"),
             ("γκ", "gk"), ("μπ", "b"), ("ντ", "nt")]


def greeklish(s: str) -> str:
    """Greek letters written in Latin ones, as Greeks type them in chat and e-mail addresses ('Ευαγγελία' ->
    'Evangelia', 'Χρυσούλα' -> 'Chrysoula', 'Μπακογιάννης' -> 'Bakogiannis')."""
    words = []
    for word in s.split(" "):
        low = word.lower()
        for gr, lat in _DIGRAPHS:
            low = low.replace(gr, lat)
        out = "".join(_GREEK.get(ch, ch) for ch in low)
        words.append(out[:1].upper() + out[1:] if word[:1].isupper() else out)
    return " ".join(words)


def ascii_fold(s: str) -> str:
    s = greeklish(s)
    s = "".join(_SPECIAL.get(ch, _SPECIAL.get(ch.lower(), ch)) for ch in s)
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


def full_name(locale: str, given: str, surname: str) -> str:
    return f"{surname} {given}" if locale in SURNAME_FIRST else f"{given} {surname}"


def spell(word: str) -> str:
    """A name spelled out letter by letter as a speech-to-text engine writes it: 'k o w a l s k i'."""
    return " ".join(ch for ch in word.lower() if ch.isalpha())


EMAIL_DOMAINS = {
    "en-US": ["gmail.com", "yahoo.com", "icloud.com", "comcast.net", "proton.me"],
    "en-GB": ["btinternet.com", "gmail.com", "outlook.com", "sky.com", "virginmedia.com"],
    "en-AU": ["bigpond.com", "gmail.com", "optusnet.com.au", "outlook.com.au"],
    "en-IE": ["eircom.net", "gmail.com", "hotmail.ie", "outlook.ie"],
    "en-ZA": ["mweb.co.za", "gmail.com", "telkomsa.net", "webmail.co.za"],
    "en-CA": ["sympatico.ca", "gmail.com", "shaw.ca", "rogers.com"],
    "cs-CZ": ["seznam.cz", "email.cz", "centrum.cz", "post.cz"],
    "tr-TR": ["hotmail.com.tr", "gmail.com", "yandex.com.tr", "mynet.com"],
    "ro-RO": ["yahoo.ro", "gmail.com", "rdslink.ro", "clicknet.ro"],
    "pt-BR": ["uol.com.br", "bol.com.br", "gmail.com", "terra.com.br", "yahoo.com.br"],
    "hu-HU": ["freemail.hu", "citromail.hu", "gmail.com", "t-online.hu"],
    "el-GR": ["otenet.gr", "gmail.com", "yahoo.gr", "hol.gr"],
    "vi-VN": ["gmail.com", "yahoo.com.vn", "fpt.vn", "vnn.vn"],
    "sw-KE": ["gmail.com", "yahoo.co.ke", "safaricom.co.ke", "africaonline.co.ke"],
}

# a company's own domain per locale, for staff addresses in From:/To: lines and signatures
COMPANY_DOMAINS = {
    "en-US": "tallgrass-freight.com", "en-GB": "hedgerowhomes.co.uk", "en-AU": "saltbushsolar.com.au",
    "en-IE": "curraghcare.ie", "en-ZA": "jacarandalogistics.co.za", "en-CA": "birchbarkbooks.ca",
    "cs-CZ": "vltava-okna.cz", "tr-TR": "kapadokyaseramik.com.tr", "ro-RO": "carpatimobila.ro",
    "pt-BR": "ipecalcados.com.br", "hu-HU": "balatonbutor.hu", "el-GR": "aigaiofarm.gr",
    "vi-VN": "sencafe.vn", "sw-KE": "mvulelogistics.co.ke",
}


def email_of(rng, locale: str, given: str, surname: str, company: bool = False) -> str:
    g = ascii_fold(given).lower().replace(" ", "").replace("'", "")
    s = ascii_fold(surname).lower().replace(" ", "").replace("'", "")
    if company:
        return f"{rng.choice([f'{g}.{s}', f'{g[0]}{s}', f'{g}'])}@{COMPANY_DOMAINS[locale]}"
    local = rng.choice([f"{g}.{s}", f"{g}{s}{rng.randint(2, 99)}", f"{s}.{g[0]}", f"{g}_{s[:4]}",
                        f"{g[0]}.{s}{rng.randint(70, 99)}"])
    return f"{local}@{rng.choice(EMAIL_DOMAINS[locale])}"


# "at" and "dot" as a caller reads an address aloud, per language
SPOKEN_AT_DOT = {"en": ("at", "dot"), "cs": ("zavináč", "tečka"), "tr": ("et", "nokta"), "ro": ("arond", "punct"),
                 "pt": ("arroba", "ponto"), "hu": ("kukac", "pont"), "el": ("παπάκι", "τελεία"),
                 "vi": ("a còng", "chấm"), "sw": ("at", "nukta")}


def spoken_email(email: str, lang: str) -> str:
    at, dot = SPOKEN_AT_DOT[lang]
    local, domain = email.split("@")
    under = {"en": "underscore", "pt": "underline", "cs": "podtržítko", "tr": "alt çizgi", "ro": "underscore",
             "hu": "alsóvonás", "el": "κάτω παύλα", "vi": "gạch dưới", "sw": "underscore"}[lang]
    dash = {"en": "dash", "cs": "pomlčka", "tr": "tire", "ro": "cratimă", "pt": "hífen", "hu": "kötőjel",
            "el": "παύλα", "vi": "gạch ngang", "sw": "dash"}[lang]
    local = local.replace("_", f" {under} ").replace(".", f" {dot} ").replace("-", f" {dash} ")
    return f"{local} {at} {domain.replace('.', f' {dot} ').replace('-', f' {dash} ')}"


def username_of(rng, given: str, surname: str) -> str:
    g = ascii_fold(given).lower().replace(" ", "")
    s = ascii_fold(surname).lower().replace(" ", "").replace("-", "")
    return rng.choice([f"{g}.{s[:3]}", f"{g}_{rng.randint(80, 99)}", f"{s}{g[0]}", f"{g[:4]}{s[:4]}",
                       f"the_{g}", f"{g}{rng.randint(1990, 2004)}"])
