"""People of the sixth sets: given names, surnames and nicknames per locale, and the e-mail addresses,
usernames and URLs made from them. Written by hand for this set (no faker or mimesis lists).
"""

from __future__ import annotations

import random
import unicodedata

# locale: (given names, surnames, nicknames)
PEOPLE = {
    "en-US": ("Tavon Brianna Dashiell Anneliese Dewayne Kelsey Ezekiel Dorothea Brantley Shayla Duncan Marguerite Emmitt Annika",
              "Birdsong Adebayo-Price Brandt Zubiate Hargrove Stoltzfus Pettway Ruddock Salcido Vaughn Merriweather "
              "Tolliver Dunleavy Wojtaszek",
              "Bubba Squid Tav Deedee"),
    "en-GB": ("Elowen Digby Georgiana Cosmo Saffron Jolyon Marigold Innes Morwenna Ellis Hermia Auberon Keeley Jago",
              "Threlfall Scattergood Ogunleye Ollerenshaw Trelawney Mowbray Hesketh Postlethwaite Sandhu Greenhalgh "
              "Loveridge Entwistle Crabtree Pargeter",
              "Baz Moz Dodger Gaz"),
    "en-AU": ("Kirra Tully Jaxon Talia Lachie Shanae Nathaniel Kiralee Brock Maddison Corey Elke",
              "Pattinson Nguyen-Walsh Kilpatrick Mcinerney Tregear Vanstone Goodwin-Ruiz Pappas Brierley Rudd",
              "Shazza Stevo Macca Davo"),
    "en-IN": ("Aniruddh Pallavi Vikrant Shalini Raghav Deepika Siddhesh Ishita Harsh Nandini Sujit Kavya",
              "Gokhale Venkataraman Mukhopadhyay Chaudhary Nair Wadekar Iyengar Malhotra Sengupta Rathore "
              "Kuruvilla Joshi",
              "Bunty Pinky Chintu Golu"),
    "en-ZA": ("Thandeka Lwazi Palesa Mpho Jurie Anneke Ntombi Themba Charlize Kagiso Naledi Wian",
              "Mabuza Van_der_Merwe Radebe Oosthuizen Govender Zungu Pretorius Mahlangu Steenkamp Ndlovu",
              "Boeta Sbu Lulu Tsepo"),
    "en-CA": ("Mackenzie Brayden Cheyenne Tanner Keisha Dallas Avery Jocelyn Colton Marlee",
              "Tremblay-Hughes MacKinnon Sandoval Friesen Letourneau Bjornson Chowdhury Penner Arsenault Boudreau",
              "Kenzie Bray Mo"),
    "cs-CZ": ("Radek Věra Ondřej Jitka Vojtěch Alena Lukáš Hana Přemysl Zdeňka Bohumil Kateřina",
              "Dvořák Procházková Kučera Horáková Veselý Němcová Černý Marešová Pokorný Blažková Šťastný Hrubá",
              "Honza Pepa Míra Vašek"),
    "ro-RO": ("Ionuț Anca Răzvan Simona Bogdan Ileana Sorin Daciana Cătălin Roxana Silviu Lavinia",
              "Popescu Dumitrescu Stănescu Ionescu Munteanu Georgescu Constantinescu Rădulescu Moldovan Ursu "
              "Niculescu Zamfir",
              "Nelu Costel Fănel Mimi"),
    "tr-TR": ("Emre Zeynep Burak Elif Oğuz Gülşen Serkan Ayşegül Tolga Sevgi Kaan Derya",
              "Yılmaz Kaya Demir Şahin Çelik Karahan Aydın Arslan Doğan Kılıç Koç Aksoy",
              "Memo Ayşecik Hakkı Tuğçe"),
    "hu-HU": ("Zsolt Ildikó Gergely Enikő Levente Réka Botond Csilla Bence Tímea Gyula Orsolya",
              "Nagy Kovács Szabó Horváth Tóth Varga Farkas Balogh Papp Takács Juhász Mészáros",
              "Pisti Zsuzsi Laci Feri"),
    "ca-ES": ("Genís Assumpta Pau Núria Arnau Mireia Oriol Laia Quim Roser Xavier Meritxell",
              "Vilaseca Vilaró Casals Ferrer Soler Bosch Roig Pujol Batlle Riera Sabaté Font",
              "Quimet Xavi Neus Pitu"),
    "pt-BR": ("Cauã Jaqueline Everton Daiane Wesley Vanessa Gleison Tatiane Jefferson Priscila Diego Taynara",
              "Silva Santos Oliveira Souza Nogueira Sampaio Almeida Ribeiro Pimentel Rezende Damasceno Guimarães",
              "Rodrigão Japa Binho Nandinha"),
    "es-MX": ("Xóchitl Nahúm Marisela Eduardo Anahí Efraín Citlali Armando Jazmín Joaquín Abril Humberto",
              "Hernández García Martínez López González Ramírez Flores Gutiérrez Morales Velázquez Cervantes Ortega",
              "Chela Memo Chuy Paco"),
    "fr-CA": ("Jérémie Geneviève Ghislain Chantal Mathieu Lysanne Jean-Sébastien Marie-Ève Sylvain Francine Benoît Nadia",
              "Paradis Côté Desrosiers Gauthier Lavoie Gingras Beaulieu Lévesque Bergeron Leblanc Turcotte Charbonneau",
              "Ti-Jean Max Gen Ti-Guy"),
    "de-AT": ("Valentin Hannelore Severin Notburga Johannes Irmgard Bartholomäus Katharina Dominik Birgit Stefan Elisabeth",
              "Gruber Huber Bauer Wagner Grabner Steiner Moser Mayer Hofer Zehetner Berger Fuchs",
              "Poldi Burgi Wastl Gerli"),
    "de-CH": ("Mathis Corinne Gian Annemarie Ruedi Chiara Adrian Andrea Marco Rahel Simon Franziska",
              "Müller Meier Schmid Keller Stäheli Huber Schneider Aeschlimann Baumann Zürcher Gerber Widmer",
              "Chrigu Vreni Köbi Käthi"),
    "hr-HR": ("Ivana Tomislav Marija Krešimir Snježana Dario Martina Goran Dunja Zvonimir Lucija Hrvoje",
              "Horvat Kovačević Babić Marić Jurić Novak Knežević Vuković Perić Pavlović Tomić Šarić",
              "Zvone Krešo Seka Ivek"),
}

# the women among the given names, for the places a language marks gender (articles, titles, verb endings)
FEMALE = set("""Brianna Anneliese Kelsey Dorothea Shayla Marguerite Annika Elowen Georgiana Saffron Marigold Morwenna Hermia Keeley
Kirra Talia Shanae Kiralee Maddison Elke Pallavi Shalini Deepika Ishita Nandini Kavya Thandeka Palesa Anneke Ntombi
Charlize Naledi Cheyenne Keisha Jocelyn Marlee Mackenzie Věra Jitka Alena Hana Zdeňka Kateřina Anca Simona Ileana
Daciana Roxana Lavinia Zeynep Elif Gülşen Ayşegül Sevgi Derya Ildikó Enikő Réka Csilla Tímea Orsolya Assumpta
Núria Mireia Laia Roser Meritxell Jaqueline Daiane Vanessa Tatiane Priscila Taynara Xóchitl Marisela Anahí Citlali
Jazmín Abril Geneviève Chantal Lysanne Marie-Ève Francine Nadia Hannelore Notburga Irmgard Katharina Birgit Elisabeth
Corinne Annemarie Chiara Andrea Rahel Franziska Ivana Marija Snježana Martina Dunja Lucija""".split())


def given_names_of(locale: str, female: bool) -> list[str]:
    return [g for g in given_names(locale) if (g in FEMALE) == female]


def surnames_of(locale: str, female: bool) -> list[str]:
    """Surnames fit for a woman or a man: Czech feminine forms end in -á, the rest are shared."""
    if locale != "cs-CZ":
        return surnames(locale)
    return [s for s in surnames(locale) if s.endswith("á") == female]


GENERIC_DOMAINS = ("nordwell-logistics.com", "kestrelmail.net", "ourco.example.org", "brightpath-support.io",
                   "tandemhr.eu", "fieldcrew.app")
# one company domain per non-English locale, in the order of PEOPLE's non-English entries
LOCAL_DOMAINS = ("helpdesk.vantora.cz", "posta.ilvex.ro", "destek.karaca-yazilim.com.tr",
                 "ugyfel.pannonhalo.hu", "correu.serveiscosta.cat", "atendimento.lojaverde.com.br",
                 "soporte.tianguisdigital.mx", "service.erabledistribution.ca", "kundendienst.alpengrid.at",
                 "support.zuriline.ch", "podrska.jadranet.hr")
LOCALE_DOMAIN = dict(zip([loc for loc in PEOPLE if not loc.startswith("en-")], LOCAL_DOMAINS))


def _domain(rng: random.Random, locale: str) -> str:
    local = LOCALE_DOMAIN.get(locale)
    return local if local and rng.random() < 0.6 else rng.choice(GENERIC_DOMAINS)


def _split(s: str) -> list[str]:
    return s.split()


def given_names(locale: str) -> list[str]:
    return _split(PEOPLE[locale][0])


def surnames(locale: str) -> list[str]:
    return [n.replace("_", " ") for n in _split(PEOPLE[locale][1])]  # "Van_der_Merwe" is one surname


def nicknames(locale: str) -> list[str]:
    return _split(PEOPLE[locale][2])


def ascii_fold(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower()


def email(rng: random.Random, locale: str) -> str:
    given, family = ascii_fold(rng.choice(given_names(locale))), ascii_fold(rng.choice(surnames(locale)))
    family = family.replace(" ", "").replace("'", "")
    local = rng.choice((f"{given}.{family}", f"{given[0]}{family}", f"{given}_{family}{rng.randint(1, 99)}",
                        f"{family}.{given[0]}", f"{given}{rng.randint(70, 99)}"))
    return f"{local}@{_domain(rng, locale)}"


def email_of(rng: random.Random, locale: str, name: str) -> str:
    """An e-mail address made from ``name`` (the person just named), on the locale's company domain or a shared one."""
    parts = [ascii_fold(w).replace("'", "") for w in name.split()]
    if locale == "hu-HU":  # surname first in the name, given name first in the address
        parts = parts[1:] + parts[:1]
    given, family = parts[0], "".join(parts[1:]) or parts[0]
    local = rng.choice((f"{given}.{family}", f"{given[0]}.{family}", f"{family}{given[0]}", f"{given}.{family}{rng.randint(1, 9)}"))
    return f"{local}@{_domain(rng, locale)}"


def username(rng: random.Random, locale: str) -> str:
    given, family = ascii_fold(rng.choice(given_names(locale))), ascii_fold(rng.choice(surnames(locale)))
    family = family.replace(" ", "")
    return rng.choice((f"@{given}.{family[:3]}", f"{given}_{family}", f"@{given[:4]}{family[:4]}",
                       f"{family}{rng.randint(2, 98)}", f"{given}-{family[0]}", f"@{family}.{given}"))


URL_SHAPES = ("https://drive.{d}/share/{tok}", "https://{d}/u/{name}", "https://cal.{d}/{name}/30min",
              "https://www.linkedin.com/in/{name}-{tok}", "http://{d}/tickets/attach/{tok}?u={name}",
              "https://github.com/{name}{n}", "https://{d}/profile/{name}.{n}")


def url(rng: random.Random, locale: str) -> str:
    """A personal URL: a profile, a shared folder or a booking page naming the person."""
    given, family = ascii_fold(rng.choice(given_names(locale))), ascii_fold(rng.choice(surnames(locale)))
    tok = "".join(rng.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(8))
    return rng.choice(URL_SHAPES).format(d=_domain(rng, locale), tok=tok, name=f"{given}{family}".replace(" ", ""),
                                         n=rng.randint(3, 97))
