"""The postal conventions of ``detectors.address_conventions`` and the parts ``address_parts`` adds for them
(Turkey, Hungary, Romania, Croatia / Serbia / Slovenia / Bosnia, Czechia / Slovakia, Catalonia, Brazil, Quebec,
Australia): each address is one STREET_ADDRESS span; and in each language what looks like one and is not
stays in the text. The addresses are invented, written after UPU "Postal addressing systems"."""

from __future__ import annotations

import pytest
from tunehouse.pii.scrubber import Scrubber


@pytest.fixture(scope="module")
def scrubber():
    return Scrubber()


def _addresses(scrubber, text):
    return [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "STREET_ADDRESS"]


@pytest.mark.parametrize(("text", "address"), [
    # Turkey: "No:", flat "D:" / "Daire", floor "Kat:", postcode and "district/province", a quarter first
    ("adresim Cumhuriyet Cad. No: 172, D: 1, 35220 Konak/İzmir teşekkürler", "Cumhuriyet Cad. No: 172, D: 1, 35220 Konak/İzmir"),
    ("kargo Papatya Sok. No:17 adresine", "Papatya Sok. No:17"),
    ("Bağdat Cad. No: 39 D: 4 34728 Kadıköy/İstanbul", "Bağdat Cad. No: 39 D: 4 34728 Kadıköy/İstanbul"),
    ("Atatürk Mah. Gül Sokağı No: 8 Kat: 2 Daire 5, 06500 Çankaya/Ankara",
     "Atatürk Mah. Gül Sokağı No: 8 Kat: 2 Daire 5, 06500 Çankaya/Ankara"),
    ("Gazi Mustafa Kemal Bulvarı No: 45/3 Çankaya/Ankara", "Gazi Mustafa Kemal Bulvarı No: 45/3 Çankaya/Ankara"),
    ("Yeni Mahallesi, Lale Sokak No: 3", "Yeni Mahallesi, Lale Sokak No: 3"),
    ("Ziya Gökalp Blv. No: 10", "Ziya Gökalp Blv. No: 10"),
    # Hungary: the number's dot, floor "em." and door, the postcode and city first; a person's name as the street's
    ("lakcímem Damjanich utca 162., 6. em. 6. köszi", "Damjanich utca 162., 6. em. 6."),
    ("Bartók Béla út 115. alatt lakom", "Bartók Béla út 115."),
    ("küldd a Kossuth Lajos u. 72. címre", "Kossuth Lajos u. 72."),
    ("1052 Budapest, Kossuth Lajos u. 1.", "1052 Budapest, Kossuth Lajos u. 1."),
    ("cím:\n6720 Szeged\nBartók Béla út 14.\n7. em. 7.\nköszi", "6720 Szeged\nBartók Béla út 14.\n7. em. 7."),
    ("Petőfi Sándor utca 12, fszt. 2", "Petőfi Sándor utca 12, fszt. 2"),
    ("Szent István krt. 14. 3. em. 2. ajtó", "Szent István krt. 14. 3. em. 2. ajtó"),
    ("A Kossuth tér 3. alatt", "Kossuth tér 3."),
    # Romania: type first, "nr.", block, stair, floor, flat, six-digit postcode
    ("Calea Dorobanților nr. 140, 300944 Timișoara", "Calea Dorobanților nr. 140, 300944 Timișoara"),
    ("Str. Mihai Eminescu nr. 132, bl. B8, sc. A, et. 3, ap. 88, 400420 Cluj-Napoca",
     "Str. Mihai Eminescu nr. 132, bl. B8, sc. A, et. 3, ap. 88, 400420 Cluj-Napoca"),
    ("locuiesc pe Bd. Unirii nr. 5 acum", "Bd. Unirii nr. 5"),
    ("Șos. Kiseleff nr. 12", "Șos. Kiseleff nr. 12"),
    ("Aleea Trandafirilor nr. 7, ap. 3", "Aleea Trandafirilor nr. 7, ap. 3"),
    ("Strada Florilor nr. 9", "Strada Florilor nr. 9"),
    ("Piața Victoriei nr. 2", "Piața Victoriei nr. 2"),
    ("Splaiul Independenței nr. 313", "Splaiul Independenței nr. 313"),
    # Croatia, Serbia, Slovenia, Bosnia: adjective and lower-case type, or the type first; a cue for a bare street
    ("Savska cesta 226, 10000 Zagreb", "Savska cesta 226, 10000 Zagreb"),
    ("živim u Vukovarska ulica 170 od lani", "Vukovarska ulica 170"),
    ("Ulica kralja Zvonimira 18\n10000 Zagreb", "Ulica kralja Zvonimira 18\n10000 Zagreb"),
    ("nađimo se Trg bana Jelačića 3 u podne", "Trg bana Jelačića 3"),
    ("adresa: Ilica 45", "Ilica 45"),
    ("Slovenska cesta 56, 1000 Ljubljana", "Slovenska cesta 56, 1000 Ljubljana"),
    ("Bulevar kralja Aleksandra 73, 11000 Beograd", "Bulevar kralja Aleksandra 73, 11000 Beograd"),
    ("Obala kneza Branimira 4", "Obala kneza Branimira 4"),
    # Czechia, Slovakia: a preposition street with "popisné/orientační", a type first
    ("bydlím Na Louži 1615/32 v Praze", "Na Louži 1615/32"),
    ("U Tržiště 2270/5", "U Tržiště 2270/5"),
    ("Pod Vinicí 2182/45", "Pod Vinicí 2182/45"),
    ("Nádražní 1289/13, 110 00 Praha 1", "Nádražní 1289/13, 110 00 Praha 1"),
    ("nám. Míru 820/9", "nám. Míru 820/9"),
    ("třída Tomáše Bati 3762", "třída Tomáše Bati 3762"),
    ("Námestie SNP 12, 811 06 Bratislava", "Námestie SNP 12, 811 06 Bratislava"),
    # Catalonia: type first, floor and door "8r 8a", "baixos", "àtic"
    ("Carrer de la Riera 207, 8r 8a, 08301 Mataró", "Carrer de la Riera 207, 8r 8a, 08301 Mataró"),
    ("Passeig de Gràcia 123, 4t 2a", "Passeig de Gràcia 123, 4t 2a"),
    ("visc a l'Avinguda Diagonal 640", "Avinguda Diagonal 640"),
    ("Plaça del Sol 3", "Plaça del Sol 3"),
    ("Rambla de Catalunya 45, baixos", "Rambla de Catalunya 45, baixos"),
    ("C. de Mallorca 401, àtic", "C. de Mallorca 401, àtic"),
    ("Pg. de Sant Joan 12", "Pg. de Sant Joan 12"),
    ("Travessera de Gràcia 55, 2n 1a", "Travessera de Gràcia 55, 2n 1a"),
    # Brazil: the state after an en dash, CEP, "conj."
    ("Rua Tabapuã, 144, São Paulo – SP, 04533-383", "Rua Tabapuã, 144, São Paulo – SP, 04533-383"),
    ("Av. Afonso Pena, 234, apto 72, Recife – PE, 51020-736", "Av. Afonso Pena, 234, apto 72, Recife – PE, 51020-736"),
    ("Rua Padre Chagas, 231, apto 92", "Rua Padre Chagas, 231, apto 92"),
    ("Rua Augusta, 1500, conj. 41, sala 3", "Rua Augusta, 1500, conj. 41, sala 3"),
    # Quebec: the flat on a line of its own
    ("187, avenue du Mont-Royal\napp. 6\nMontréal (Québec) H2J 7K1", "187, avenue du Mont-Royal\napp. 6\nMontréal (Québec) H2J 7K1"),
    ("4500, rue Saint-Denis, Montréal QC H2J 2L3", "4500, rue Saint-Denis, Montréal QC H2J 2L3"),
    # Australia: Australia Post's street type abbreviations
    ("Unit 2\n79 Jacana Pde\nBallarat VIC 3350", "Unit 2\n79 Jacana Pde\nBallarat VIC 3350"),
    ("186 Jacana Pde, Bunbury WA 6230", "186 Jacana Pde, Bunbury WA 6230"),
    ("12 Ocean Tce, Manly", "12 Ocean Tce, Manly"),
    ("5 Banksia Cct, Kellyville NSW 2155", "5 Banksia Cct, Kellyville NSW 2155"),
    ("we are at 21 Marine Esp, Geelong VIC 3220 tonight", "21 Marine Esp, Geelong VIC 3220"),
    ("21 Marine Esp", "21 Marine Esp"),
    ("9 Myrtle Gr", "9 Myrtle Gr"),
    # as chats write them: lower-case types, abbreviations, Roman floors, districts, en dashes, "bureau", "boul."
    ("yolla Atatürk cad. no 5 daire 3 lütfen", "Atatürk cad. no 5 daire 3"),
    ("Moda Mah. Şair Nefi Sok. No: 14/2 Kadıköy/İstanbul", "Moda Mah. Şair Nefi Sok. No: 14/2 Kadıköy/İstanbul"),
    ("H-1052 Budapest, Váci utca 12.", "H-1052 Budapest, Váci utca 12."),
    ("Váci út 23-25., 1134 Budapest", "Váci út 23-25., 1134 Budapest"),
    ("Rákóczi út 12. II. em. 4.", "Rákóczi út 12. II. em. 4."),
    ("trimite la str. Lalelelor nr. 10, bl. 4 te rog", "str. Lalelelor nr. 10, bl. 4"),
    ("Str. Lalelelor, nr. 10, jud. Cluj", "Str. Lalelelor, nr. 10, jud. Cluj"),
    ("Calea Moșilor 120, sector 2, București", "Calea Moșilor 120, sector 2, București"),
    ("Bd. Decebal nr. 14, Bl. S5, Sc. 2, Ap. 41", "Bd. Decebal nr. 14, Bl. S5, Sc. 2, Ap. 41"),
    ("ul. Ivana Gundulića 5, 21000 Split", "ul. Ivana Gundulića 5, 21000 Split"),
    ("Václavské nám. 56, 110 00 Praha 1 díky", "Václavské nám. 56, 110 00 Praha 1"),
    ("nábřeží Kapitána Jaroše 1000/7", "nábřeží Kapitána Jaroše 1000/7"),
    ("c/ de Sants 12, 3r 1a", "c/ de Sants 12, 3r 1a"),
    ("Av. de la Catedral 5, pral. 2a", "Av. de la Catedral 5, pral. 2a"),
    ("R. Oscar Freire, 900, São Paulo – SP", "R. Oscar Freire, 900, São Paulo – SP"),
    ("Al. Santos, 1000 – Cerqueira César, São Paulo – SP, 01418-100",
     "Al. Santos, 1000 – Cerqueira César, São Paulo – SP, 01418-100"),
    ("1234, rue Sherbrooke Ouest, bureau 500, Montréal (Québec) H3G 1K5",
     "1234, rue Sherbrooke Ouest, bureau 500, Montréal (Québec) H3G 1K5"),
    ("3456, boul. Saint-Laurent, app. 12, Montréal QC H2X 2T3", "3456, boul. Saint-Laurent, app. 12, Montréal QC H2X 2T3"),
    ("4/12 Jacana Pde, Bunbury WA 6230", "4/12 Jacana Pde, Bunbury WA 6230"),
    ("a Duna sor 5. alatt", "Duna sor 5."),
    ("Al. Santos, 2000, apto 4", "Al. Santos, 2000, apto 4"),  # a year-like number where the address goes on
])
def test_the_whole_address_is_one_span(scrubber, text, address):
    assert _addresses(scrubber, text) == [address]


@pytest.mark.parametrize("text", [
    "born 3. 6. 1952. in Split",  # a date
    "No: 5 in the queue",
    "fiyat 12 Cad. değil",  # no name before the type
    "Bağdat Cad. 5 dakika",  # a count, no house number
    "it was nr. 5 on the list",
    "Piața Romană 5 minute",
    "Str. 5",
    "Äpfel, Birnen u. a. 12 Sorten",  # German "u. a."
    "Äpfel u. 12 Birnen",
    "Seite 5 u. 6",
    "Az út 5 óra volt",  # an article is no street's name
    "A tér 3 oldalán",
    "1052 Budapest is big",
    "Trg je velik",
    "Trg 5 minuta",
    "Ova cesta 12 km dugačka",
    "Please put 5 eggs in",
    "8r lloc",
    "the fraction 1615/32 is odd",
    "jedu do Praha 1 zítra",
    "V Praze 2/3 lidí",  # a fraction after a preposition
    "V Praze 5 dní",
    "Na 5 minut",
    "U 2 koncert",
    "ganhei 3 – SP 5",
    "Gr 8 students",
    "I bought 2 Arduino Esp boards",  # "Esp" and "Gr" are types only where the street line ends
    "Ez az út 12 km",
    "Na Louži 5/3",  # a one-digit fraction
    "Sa. u. So. 10-18 Uhr",
    "Fő u. 5",  # "u." after one word wants the number's dot
    "A Duna sor 5 évig tartott",  # so does "sor"
    "İstanbul Sok. 12 kişi vardı",  # a count
    "V Praze 10/12 bylo hezky",  # a date: a popisné has three digits or more
    "Pod Lípou 12/3 je hospoda",
    "Plaça Catalunya 2 vegades",
    "R. Oscar Freire, 900 likes",
    "Al. Gore, 2000 election",  # a year after a comma, nothing after it
    "R. Kelly, 1998",
    "Tv. Globo, 2020",
    # found by a review of this module, ordinary sentences of other languages
    "Dani put 3 eggs in the bowl.",  # English "put" after a name in -i
    "Then Luigi put 20 euros on red.",
    "Familie Schmidt u. 3 Kinder kommen morgen.",  # German "u." = "und"
    "Zwei Mädchen u. 3 Jungen kamen.",
    "V Praze 2023/24 studovalo 500 lidí.",  # a school year
    "Naše třída 25 žáků jede na výlet.",  # "třída" = a class
    "Our new hire R. Patel, 34, starts Monday.",  # an initial, a surname, an age
    "Mixing Console CD. 2 tracks are bad",  # a disc
])
def test_what_only_looks_like_an_address_stays(scrubber, text):
    assert _addresses(scrubber, text) == []


@pytest.mark.parametrize("text", ["Kossuth Lajos was a statesman", "Kossuth Lajos 1848-ban"])
def test_a_person_named_like_a_street_is_no_address(scrubber, text):
    """Without a street type and a number a Hungarian street's name is a person's."""
    ents = scrubber.detect(text)
    assert not [e for e in ents if e.type == "STREET_ADDRESS"]
    assert [e for e in ents if e.type == "PERSON"]
