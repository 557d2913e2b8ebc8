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


# South and South-East Asia, Africa, the Gulf, Latin America: the unit first, then comma-separated segments (street,
# locality, town, postcode); the locality words of each country after a street ("Brgy.", "Taman", "Kel.", "Hay",
# "barrio", "Estate", "State"). Invented addresses, written after each country's postal conventions.
@pytest.mark.parametrize(("text", "address"), [
    # Pakistan: "House No.", "H#", numbered streets, Islamabad's sector codes, a PIN after the town
    ("please courier it to House No. 47, Canal View Road, Model Town, Lahore 54700 thanks",
     "House No. 47, Canal View Road, Model Town, Lahore 54700"),
    ("the parcel went to H# 12, Street 9, F-7/2 yesterday", "H# 12, Street 9, F-7/2"),
    ("Address House 19, Street 4, Gulshan VI, Karachi.", "House 19, Street 4, Gulshan VI, Karachi"),
    # India: Hyderabad's door numbers, "Marg", "Nagar", a housing society, "#" before the number, a PIN after a dash
    ("my place is H.No. 5-3-21, Gandhi Marg, Ashok Nagar, Hyderabad 500020",
     "H.No. 5-3-21, Gandhi Marg, Ashok Nagar, Hyderabad 500020"),
    ("D.No. 12-4, Beach Road, Visakhapatnam 530002", "D.No. 12-4, Beach Road, Visakhapatnam 530002"),
    ("the flat is #42, MG Road, Brigade Towers, Indiranagar", "#42, MG Road, Brigade Towers, Indiranagar"),
    ("the courier has Flat 3, Sunrise Society, Baner, Pune - 411045 as the address",
     "Flat 3, Sunrise Society, Baner, Pune - 411045"),
    # Ghana, Kenya, Nigeria: "Hse No.", plots and blocks, an estate, "off" the road it branches from, a state
    ("send the keys to Hse No. 31, Riverside Estate, off Ngong Road", "Hse No. 31, Riverside Estate, off Ngong Road"),
    ("she stays at Plot 8 Block 4, Dansoman, Accra now", "Plot 8 Block 4, Dansoman, Accra"),
    ("parcel for Apartment 6, Kiambu Road, Runda, Nairobi", "Apartment 6, Kiambu Road, Runda, Nairobi"),
    ("Flat 2, Block 9, Adeola Close, Garki 2\nAbuja", "Flat 2, Block 9, Adeola Close, Garki 2\nAbuja"),
    ("ship it to 14 Aba Road, Rumuola, Port Harcourt, Rivers State.", "14 Aba Road, Rumuola, Port Harcourt, Rivers State"),
    # the Gulf: flat and building, a numbered street, a district with its number
    ("delivery to Flat 12, Building 7, Street 21, Al Quoz 3.", "Flat 12, Building 7, Street 21, Al Quoz 3"),
    ("rider is at Villa 5, Jumeirah Beach Road, Umm Suqeim 2, Dubai, gate closed",
     "Villa 5, Jumeirah Beach Road, Umm Suqeim 2, Dubai"),
    # Malaysia: "Lot", "No." before the number, "Jalan", "Lorong", "Taman", "Seksyen", a postcode before the town
    ("pickup at Lot 55, Jalan Bukit Bintang, Taman Maluri, 55100 Kuala Lumpur",
     "Lot 55, Jalan Bukit Bintang, Taman Maluri, 55100 Kuala Lumpur"),
    ("we moved to No. 9, Lorong Damai 4, Seksyen 13 last month", "No. 9, Lorong Damai 4, Seksyen 13"),
    # Singapore: block, street, road number, "#floor-unit", the town and postcode
    ("leave it at Blk 412 Tampines St 41, #08-112, Singapore 520412 pls", "Blk 412 Tampines St 41, #08-112, Singapore 520412"),
    ("Blk 9 Jurong East Ave 1 #03-15 is mine", "Blk 9 Jurong East Ave 1 #03-15"),
    # the Philippines: block and lot, subdivision phase, barangay, city and postcode, on one line or several
    ("Blk 23 Lot 7, Phase 2, Brgy. San Isidro, Cainta, Rizal 1900", "Blk 23 Lot 7, Phase 2, Brgy. San Isidro, Cainta, Rizal 1900"),
    ("meet me at 45 Rizal Ave., Brgy. Poblacion, Taguig City tomorrow", "45 Rizal Ave., Brgy. Poblacion, Taguig City"),
    ("Unit 3, 12 Luna Ext.\nBarangay Kapitolyo\nPasig City 1603", "Unit 3, 12 Luna Ext.\nBarangay Kapitolyo\nPasig City 1603"),
    # Indonesia: "Jl.", "Gang", a housing estate and its block, RT/RW, kelurahan, kecamatan, town and postcode
    ("kirim ke Jl. Merdeka No. 12, RT 03/RW 05, Kel. Sukajadi, Kec. Sukasari, Bandung 40162 ya",
     "Jl. Merdeka No. 12, RT 03/RW 05, Kel. Sukajadi, Kec. Sukasari, Bandung 40162"),
    ("alamat saya Perumahan Bumi Indah Blok D3 No. 15, Tangerang", "Perumahan Bumi Indah Blok D3 No. 15, Tangerang"),
    ("rumahnya di Gang Melati No. 8, Depok", "Gang Melati No. 8, Depok"),
    ("Kel. Cempaka Putih, Kec. Ciputat No. 21 ya kak", "Kel. Cempaka Putih, Kec. Ciputat No. 21"),
    # Senegal: a corner ("x"), a villa in a housing estate, the estate words "Cité", "HLM", "Sicap"
    ("le colis est au Rue Félix Faure x 12, Sicap Amitié 2.", "Rue Félix Faure x 12, Sicap Amitié 2"),
    ("livraison à Villa n° 88, Cité Mixta, Dakar merci", "Villa n° 88, Cité Mixta, Dakar"),
    ("Rendez-vous au Cité Fadia, villa 31, Dakar.", "Cité Fadia, villa 31, Dakar"),
    ("Avenue Blaise Diagne x Rue 22, Médina", "Avenue Blaise Diagne x Rue 22, Médina"),
    # Morocco: "Derb", the quarter "Hay", flat and building ("Appt", "Imm.")
    ("le technicien passe au 18, Derb Moulay Ali, Hay Hassani, Casablanca demain",
     "18, Derb Moulay Ali, Hay Hassani, Casablanca"),
    ("Appt 4, Imm. 12, Rue Oued Sebou, Agdal, Rabat 10090", "Appt 4, Imm. 12, Rue Oued Sebou, Agdal, Rabat 10090"),
    # Colombia: the barrio after the street, on the same line or the next; a neighbourhood named with an article
    ("Dirección: Calle 45 # 12-30, barrio Manga, Cartagena", "Calle 45 # 12-30, barrio Manga, Cartagena"),
    ("lo dejan en Carrera 7 # 72-41, El Chicó?", "Carrera 7 # 72-41, El Chicó"),
    # France's stair, Italy's floor, Portugal's "Calçada", a Dutch adjective before the street, Ireland's county
    ("l'adresse c'est Escalier B, 12 rue des Lilas, 69003 Lyon", "Escalier B, 12 rue des Lilas, 69003 Lyon"),
    ("consegna in Via Garibaldi 8, 2° piano, 10122 Torino", "Via Garibaldi 8, 2° piano, 10122 Torino"),
    ("moramos na Calçada da Estrela, n.º 40, 1200-661 Lisboa", "Calçada da Estrela, n.º 40, 1200-661 Lisboa"),
    ("Adres: Korte Gasthuisstraat 4, 2000 Antwerpen", "Korte Gasthuisstraat 4, 2000 Antwerpen"),
    ("Apt 2, Mill Lane, Ballybrack, Co. Kerry, V92 X2T4", "Apt 2, Mill Lane, Ballybrack, Co. Kerry, V92 X2T4"),
    # the same conventions written otherwise: "Plot No.", "House #", Bangalore's crosses and mains, Dhaka's numbered
    # roads, Colombo's districts, Riyadh's districts, a tower, Ghana's digital address, Jakarta's "Kav.", Peru's
    # manzana and lote, Cotonou's îlot and carré, Thailand's moo and soi, Vietnam's đường, phường, quận
    ("the parcel is at Plot No. 14, Sector 5, Kharghar, Navi Mumbai 410210 now",
     "Plot No. 14, Sector 5, Kharghar, Navi Mumbai 410210"),
    ("courier to 12/3, 2nd Cross, 5th Main, Jayanagar 4th Block, Bangalore 560011 asap",
     "12/3, 2nd Cross, 5th Main, Jayanagar 4th Block, Bangalore 560011"),
    ("the address is House #12, Road 5, Dhanmondi, Dhaka 1209.", "House #12, Road 5, Dhanmondi, Dhaka 1209"),
    ("deliver No. 45, Galle Road, Colombo 03 before noon", "No. 45, Galle Road, Colombo 03"),
    ("Building No. 1234, King Fahd Road, Al Olaya District, Riyadh 12211",
     "Building No. 1234, King Fahd Road, Al Olaya District, Riyadh 12211"),
    ("we are at Office 1203, Al Moosa Tower 2, Sheikh Zayed Road, Dubai",
     "Office 1203, Al Moosa Tower 2, Sheikh Zayed Road, Dubai"),
    ("GhanaPost address House No. 7, Ring Road East, Osu, GA-183-8164", "House No. 7, Ring Road East, Osu, GA-183-8164"),
    ("kantor di Jl. Jend. Sudirman Kav. 52-53, Jakarta Selatan 12190", "Jl. Jend. Sudirman Kav. 52-53, Jakarta Selatan 12190"),
    ("Mz. B Lt. 5, Urb. Los Pinos, Trujillo", "Mz. B Lt. 5, Urb. Los Pinos, Trujillo"),
    ("le colis à Îlot 52, Carré 1043, Cadjèhoun, Cotonou", "Îlot 52, Carré 1043, Cadjèhoun, Cotonou"),
    ("99/1 Moo 5, Tambon Nong Prue, Amphoe Bang Lamung, Chonburi 20150",
     "99/1 Moo 5, Tambon Nong Prue, Amphoe Bang Lamung, Chonburi 20150"),
    ("condo at 12 Soi Sukhumvit 11, Khet Watthana, Bangkok 10110", "12 Soi Sukhumvit 11, Khet Watthana, Bangkok 10110"),
    ("giao hàng tới 12 Đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
     "12 Đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh"),
    ("drop at Sicap Liberté 6, Villa n° 12, Dakar.", "Sicap Liberté 6, Villa n° 12, Dakar"),
    ("House No. 12-B, Block 7, Gulshan-e-Iqbal, Karachi", "House No. 12-B, Block 7, Gulshan-e-Iqbal, Karachi"),
    ("H/No. 12, Ring Road, Kaneshie, Accra", "H/No. 12, Ring Road, Kaneshie, Accra"),
    ("No 12, Allen Avenue, Ikeja, Lagos", "No 12, Allen Avenue, Ikeja, Lagos"),
    ("No. 12, Jalan SS 2/24, 47300 Petaling Jaya", "No. 12, Jalan SS 2/24, 47300 Petaling Jaya"),
    ("Jl. Raya Bogor Km. 28, Jakarta Timur", "Jl. Raya Bogor Km. 28, Jakarta Timur"),
    ("Av. Insurgentes Sur 1602, Col. Crédito Constructor, Alc. Benito Juárez, C.P. 03940, CDMX",
     "Av. Insurgentes Sur 1602, Col. Crédito Constructor, Alc. Benito Juárez, C.P. 03940, CDMX"),
    ("Flat 12, Bldg 345, Road 1234, Block 456, Manama", "Flat 12, Bldg 345, Road 1234, Block 456, Manama"),
])
def test_unit_first_and_locality_segments_are_one_address(scrubber, text, address):
    assert _addresses(scrubber, text) == [address]


@pytest.mark.parametrize("text", [
    # a unit word and a number are no address without a street, a locality or a town after them
    "Building 5 is closed today",
    "Lot 7 of the auction went for 300",
    "House No. 1 hit of the summer",
    "Phase 2 of the project starts Monday",
    "Block 3 of the exam was hard",
    "#188 in the queue",
    "Block 3, Section 2 of the exam",  # numbered sections are no locality a unit-first address can rest on
    "Unit 4, Chapter 2 covers verbs",
    "Flat 5, Paris is lovely",
    "Lot 7, Phase 2 of the auction",
    "No. 5, Sector 4 results are in",
    "Building 5, Level 2 is closed",
    "Flat 3, Thanks, Bob",
    "he is No. 1, Tokyo is No. 2",
    "Villa 3, Season 2 was better",
    "Plot 4, Chapter 7: the twist",
    "the size is 10 x 12, Large",  # "x" between numbers is no street corner
    "Rue 5 x 3 cm",
    "Tuscany, villa 3 camere con piscina",  # a three-room villa
    "we had 2 Soi Dogs tickets",  # a Thai street type with nothing after it
    "Moo 5 times a day",
    "Lt. 5, Platoon B",
    "No 1 fan, Tokyo is No 2",
    "No 5 in line, Main Street closed",
])
def test_units_and_locality_words_alone_stay(scrubber, text):
    assert _addresses(scrubber, text) == []


@pytest.mark.parametrize(("text", "address"), [
    ("I'm at 12 Oak Road, Sarah will sign for it", "12 Oak Road"),  # a first name after the street is no district
    ("ship to 12 Oak Road, Thanks!", "12 Oak Road"),
    ("sent to 4 Elm Street, Tuesday works", "4 Elm Street"),
    # unknown words end an address only where it ends: not before a verb or a house number
    ("at 12 Oak Road, Zorblax Quintet plays tonight", "12 Oak Road"),
    ("meet at 12 Oak Road, Phase 2 starts Monday", "12 Oak Road"),  # an ordinary word with a number goes on a sentence
    ("pick-up was Lot 19, Lorong Mawar 3, Seksyen 7. driver was late", "Lot 19, Lorong Mawar 3, Seksyen 7"),
    ("Kerkstraat 5, 1000 Brussel, Zieladresse Hoogstraat 38", "Kerkstraat 5, 1000 Brussel"),
])
def test_the_tail_stops_where_the_address_does(scrubber, text, address):
    assert _addresses(scrubber, text)[0] == address
