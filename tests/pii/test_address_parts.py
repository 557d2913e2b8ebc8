"""The parts around a street line (``detectors.address_parts``): floor and flat marks, postcode and town, the
flat or building line before it, post-office boxes; and what they must not take."""

from __future__ import annotations

import pytest
from tunehouse.pii.scrubber import Scrubber
from tunehouse.pii.settings import PiiSettings


@pytest.fixture(scope="module")
def scrubber():
    return Scrubber()


@pytest.mark.parametrize(("text", "address"), [
    ("residente in Largo Augusto 44\n80134 Napoli (NA)", "Largo Augusto 44\n80134 Napoli (NA)"),
    ("jag bor på Linnégatan 156 lgh 1102, 211 41 Malmö till", "Linnégatan 156 lgh 1102, 211 41 Malmö"),
    ("jeg bor på Åboulevarden 17, 4. mf., 5000 Odense C. Ring", "Åboulevarden 17, 4. mf., 5000 Odense C"),
    ("Adresse: Lindenstraße 28 (3. OG links), 04109 Leipzig. Erreichbar",
     "Lindenstraße 28 (3. OG links), 04109 Leipzig"),
    ("asun Aleksanterinkatu 56 as. 12, 00100 Helsinki", "Aleksanterinkatu 56 as. 12, 00100 Helsinki"),
    ("adresse Møllergata 195 H0302, 0555 Oslo. Ring", "Møllergata 195 H0302, 0555 Oslo"),
    ("mora na Av. Paulista, 34 - casa 2\nRio de Janeiro - RJ\nCEP 22240-526",
     "Av. Paulista, 34 - casa 2\nRio de Janeiro - RJ\nCEP 22240-526"),
    ("Pickup: 48 Main Street\nGalway\nH91 N5S5\nDrop-off", "48 Main Street\nGalway\nH91 N5S5"),
    ("Post: Top Floor Flat\n40 Orchard Close\nBristol BS7 1JT", "Top Floor Flat\n40 Orchard Close\nBristol BS7 1JT"),
    ("now living at PO Box 6824, Surry Hills NSW 2010", "PO Box 6824, Surry Hills NSW 2010"),
    ("domiciliée BP 7057, 44000 Nantes Cedex, téléphone", "BP 7057, 44000 Nantes Cedex"),
    ("Vermieter: Grabenweg 6/1/5, 1160 Wien", "Grabenweg 6/1/5, 1160 Wien"),
    ("recogida en Calle de Toledo, 57, 3º izda.\n28005 Madrid", "Calle de Toledo, 57, 3º izda.\n28005 Madrid"),
    # the street's name before a lower-case type or particle; flat marks between the number and the postcode
    ("jeg bor i Thorvald Meyers gate 14 H0302, 7011 Trondheim", "Thorvald Meyers gate 14 H0302, 7011 Trondheim"),
    ("ophalen Witte de Withstraat 134 bis, 2511 AT Den Haag, afleveren",
     "Witte de Withstraat 134 bis, 2511 AT Den Haag"),
    ("je suis au avenue Louise 41, 5000 Namur", "avenue Louise 41, 5000 Namur"),
    ("mieszkam os. Kalinowe 31m. 15, 90-627 Łódź", "os. Kalinowe 31m. 15, 90-627 Łódź"),
    ("dostawa ul. Świętego Marcina 45  lok. 4\n80-037 Gdańsk\nKontakt", "ul. Świętego Marcina 45  lok. 4\n80-037 Gdańsk"),
    ("wohne jetzt An der Alster 183, 3. OG links, 04109 Leipzig", "An der Alster 183, 3. OG links, 04109 Leipzig"),
    ("il habite rue de la Loi 114\n5000 Namur", "rue de la Loi 114\n5000 Namur"),
    ("It's Kastanienallee 5, 3. OG, 10115 Berlin", "Kastanienallee 5, 3. OG, 10115 Berlin"),
    # a unit word is a whole word ("apto 12", not "apt" + flat "o"); Portuguese "n.º"; floor marks in any case;
    # Italian "piano"; a bare CEP after the state; Polish "m. 4" after a blank; "St." towns; an Eircode after a
    # Dublin district; a district vouched for by the postal part after it; a small town ending the address
    ("entrega na Rua do Ouvidor, 7 - apto 1203\nNiterói - RJ\nCEP 24020-002 ok",
     "Rua do Ouvidor, 7 - apto 1203\nNiterói - RJ\nCEP 24020-002"),
    ("fica na Av. Brasil, 500, bloco C, apto 21 - Curitiba - PR, 80010-000", "Av. Brasil, 500, bloco C, apto 21 - Curitiba - PR, 80010-000"),
    ("morada: Travessa do Carmo, n.º 4, 4050-164 Porto", "Travessa do Carmo, n.º 4, 4050-164 Porto"),
    ("Rua Sá da Bandeira 61 2.º Esq.\n4000-427 Porto", "Rua Sá da Bandeira 61 2.º Esq.\n4000-427 Porto"),
    ("consegna in Via Nizza 12, piano 2, 10125 Torino", "Via Nizza 12, piano 2, 10125 Torino"),
    ("adres: ul. Długa 8 m. 4, 31-147 Kraków", "ul. Długa 8 m. 4, 31-147 Kraków"),
    ("Lieferung an Rorschacherstrasse 9, 9000 St. Gallen bitte", "Rorschacherstrasse 9, 9000 St. Gallen"),
    ("send to 7 Leeson Park, Dublin 6 D06 K2Y4 thanks", "7 Leeson Park, Dublin 6 D06 K2Y4"),
    ("post it to 22 Grove Park, Ranelagh, Dublin 6", "22 Grove Park, Ranelagh, Dublin 6"),
    ("uus aadress Tallinna mnt 12, Kärdla", "Tallinna mnt 12, Kärdla"),
    ("it went to 41 Ashgate, Derby DE1 3GL by mistake", "41 Ashgate, Derby DE1 3GL"),
    # the postal conventions of Canada, New Zealand, South Africa, Mexico, Argentina, Switzerland, the Nordics
    ("mail it to 12 Birch Cres, Moncton, NB E1C 4K2 pls", "12 Birch Cres, Moncton, NB E1C 4K2"),
    ("au 88 rue Principale\nGatineau (Québec) J8T 3R1", "88 rue Principale\nGatineau (Québec) J8T 3R1"),
    ("RR 1, Site 2, Comp 7, Red Deer AB T4N 5E1 is the farm", "RR 1, Site 2, Comp 7, Red Deer AB T4N 5E1"),
    ("C.P. 512, succ. Place-d'Armes, Montréal (Québec) H2Y 3H3", "C.P. 512, succ. Place-d'Armes, Montréal (Québec) H2Y 3H3"),
    ("courier to 15 Totara Street, RD 2, Hamilton 3282", "15 Totara Street, RD 2, Hamilton 3282"),
    ("deliver: 3 Fynbos Estate\n17 Protea Road\nDurban\n4001", "3 Fynbos Estate\n17 Protea Road\nDurban\n4001"),
    ("vivo en Calle Juárez 40 Int. 3, Col. Roma Norte, 06700 Ciudad de México, CDMX.", "Calle Juárez 40 Int. 3, Col. Roma Norte, 06700 Ciudad de México, CDMX"),
    ("Privada Los Olivos 15, Col. Centro, 76000 Querétaro, Qro.", "Privada Los Olivos 15, Col. Centro, 76000 Querétaro, Qro."),
    ("Pasaje San Lorenzo 8, piso 2 depto. C, X5000 Córdoba", "Pasaje San Lorenzo 8, piso 2 depto. C, X5000 Córdoba"),
    ("Via alla Chiesa 14, 6900 Lugano", "Via alla Chiesa 14, 6900 Lugano"),
    ("Casella postale 310, 6900 Lugano", "Casella postale 310, 6900 Lugano"),
    ("PL 318, 33101 Tampere", "PL 318, 33101 Tampere"),
    ("Box 2203, 403 14 Göteborg", "Box 2203, 403 14 Göteborg"),
    ("Postboks 412 Sentrum, 0103 Oslo", "Postboks 412 Sentrum, 0103 Oslo"),
    ("Storgata gate 12, H0201, 9008 Tromsø", "Storgata gate 12, H0201, 9008 Tromsø"),
    ("Piazza Santo Spirito, 12/B - 50125 Firenze FI", "Piazza Santo Spirito, 12/B - 50125 Firenze FI"),
    ("12 chemin des Vignes, bât. B, 3e étage, 69005 Lyon", "12 chemin des Vignes, bât. B, 3e étage, 69005 Lyon"),
    ("Av. Sete de Setembro, 40 - Barra, Salvador - BA, CEP 40140-110", "Av. Sete de Setembro, 40 - Barra, Salvador - BA, CEP 40140-110"),
    ("Flat 3\n9 Grey Street\nNewcastle upon Tyne\nNE1 6EE", "Flat 3\n9 Grey Street\nNewcastle upon Tyne\nNE1 6EE"),
    ("Adresse ist Kaiserstraße 8, 2. Stock", "Kaiserstraße 8, 2. Stock"),
    ("chez rue du Lac 7, 1800 Vevey", "rue du Lac 7, 1800 Vevey"),
    ("Lange Gracht 14-II, 2312 PC Leiden", "Lange Gracht 14-II, 2312 PC Leiden"),
    ("17 Mbeki Drive, Polokwane 0699", "17 Mbeki Drive, Polokwane 0699"),
    ("ship to 240 Camino Alto\nSanta Fe, NM 87501", "240 Camino Alto\nSanta Fe, NM 87501"),
    # Singapore, Malaysia, India, the Philippines; Nordic types written apart; a blank before the Dutch flat
    ("we moved to 21 Bedok North Avenue 3, unit 5 last week", "21 Bedok North Avenue 3, unit 5"),
    ("parcel to 9 Jalan Ampang Hilir, Blk 2 pls", "9 Jalan Ampang Hilir, Blk 2"),
    ("flat is 12 5th Cross, Jayanagar, unit 4", "12 5th Cross, Jayanagar, unit 4"),
    ("it is 77 Anna Salai Road, Chennai 600002. ok?", "77 Anna Salai Road, Chennai 600002"),
    ("office at 5 Kalayaan Avenue, 3rd floor, near the church", "5 Kalayaan Avenue, 3rd floor, near the church"),
    ("hos meg i Kirkeveien vei 14, H0302", "Kirkeveien vei 14, H0302"),
    ("ik woon Populierenlaan 12 -2 sinds mei", "Populierenlaan 12 -2"),
    ("bor på Götgatan 13 uppgång B", "Götgatan 13 uppgång B"),
    # a town right after the house number, no comma between
    ("quarto para arrendar na Rua das Flores 127 Aveiro, falar com ela", "Rua das Flores 127 Aveiro"),
    ("bitte bei Lindenhofstraße 13b Tübingen abgeben", "Lindenhofstraße 13b Tübingen"),
    ("Treffpunkt Am Mühlenteich 109a Tübingen, Handy", "Am Mühlenteich 109a Tübingen"),
    ("Kamer te huur Molenstraat 12 Marieke belt je", "Molenstraat 12"),  # a first name after the number is no town
])
def test_the_whole_address_is_one_span(scrubber, text, address):
    spans = [text[e.start:e.end] for e in scrubber.detect(text) if e.type == "STREET_ADDRESS"]
    assert spans == [address]


@pytest.mark.parametrize(("text", "left"), [
    ("meet at 12 Main Street as soon as you can", "as soon as you can"),  # "as" is a Finnish flat mark only with a number
    ("I was at 12 Main Street, thanks a lot", "thanks a lot"),  # a town alone only if the lexicon knows it
    ("the PO Box is full", "PO Box"),  # a box without its postal part is no address
    ("Box 12 of the archive", "Box 12"),
    ("Room 12, 10115 Berlin", "Room 12"),  # ordinary words before a number and a postcode
    ("May 5, 2019 Paris was nice", "May 5, 2019"),  # a date
    ("Windows 10, 2000 Server", "Windows 10"),
    ("I was at 12 Main Street, Bob, are you?", "Bob, are you?"),  # an unknown word is a town only where the address ends
    ("we ordered 12 Apples, Leeds LS6 2AB", "12 Apples"),  # ordinary words before a town and a UK postcode
    ("Pickup: 48 Main Street\nGalway\nZork opens at 9", "Zork opens"),  # an unknown word on the next line is no town
    ("Adresse: Hauptstraße 5. Danach gehen wir", "Danach gehen wir"),  # a house number ends the sentence
    ("boarding at Heathrow gate 5 now", "Heathrow gate 5"),  # an airport's gate is no Nordic street type
])
def test_what_is_no_part_of_an_address_stays(scrubber, text, left):
    assert left in scrubber.scrub_text(text)[0]


def test_the_pass_is_a_detector_family_that_can_be_disabled():
    text = "residente in Largo Augusto 44\n80134 Napoli (NA)"
    off = Scrubber(PiiSettings(disabled_detectors=["address_parts"]))
    assert [text[e.start:e.end] for e in off.detect(text)] == ["Largo Augusto 44\n80134 Napoli"]
