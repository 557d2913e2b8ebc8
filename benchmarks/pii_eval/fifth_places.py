"""Streets and towns for the fifth generated set, written by hand from each country's conventions (house
number after the street in most of Europe, before it in English; Polish 'ul.', Italian 'via', Dutch
postcodes with two letters). Combined with numbers by ``fifth_generator``."""

from __future__ import annotations

STREETS = {
    "en": ["Marlborough Crescent", "Quarry Lane", "Tanners Row", "Wellington Mews", "Foxglove Close",
           "Abbeyfield Road", "Ropewalk Terrace", "Chandlers Way", "Kestrel Drive", "Orchard Rise"],
    "de": ["Lindenhofstraße", "Am Mühlenteich", "Kastanienallee", "Brückenweg", "Schwalbenstr.",
           "Hinter der Burg", "Ulmenring", "Gerberstraße"],
    "fr": ["rue des Tanneurs", "allée des Tilleuls", "impasse du Moulin", "rue Jean-Baptiste Clément",
           "chemin des Vignes", "boulevard de la Liberté"],
    "es": ["calle del Olivar", "avenida de los Almendros", "calle Cuesta del Sol", "paseo de la Alameda",
           "calle Maestro Serrano", "travesía del Pozo"],
    "it": ["via dei Tessitori", "viale delle Rimembranze", "vicolo del Pozzo", "via Monte Grappa",
           "piazza delle Erbe", "via San Rocco"],
    "nl": ["Lijnbaansgracht", "Kastanjelaan", "Molenstraat", "Zuiderdiep", "Bloemgracht", "Vlierweg"],
    "pt": ["Rua das Flores", "Travessa do Carmo", "Avenida Almirante Reis", "Rua do Cabo", "Largo da Graça"],
    "pl": ["ul. Jaśminowa", "ul. Kościuszki", "ul. Ogrodowa", "al. Niepodległości", "ul. Żeromskiego"],
    "sv": ["Tegnérgatan", "Björkvägen", "Storgatan", "Lilla Torg"],
    "nb": ["Thereses gate", "Bjerkeveien", "Sagveien", "Kirkegata"],
    "da": ["Nørrebrogade", "Skovvej", "Ahornsgade", "Vestergade"],
    "fi": ["Mannerheimintie", "Koivukuja", "Rantatie", "Puistokatu"],
    "et": ["Tartu mnt", "Kalamaja tn", "Pärnu mnt", "Vana-Kalamaja"],
}

TOWNS = {
    "en": [("Harrogate", "HG1 4QW"), ("Cheltenham", "GL50 2RT"), ("Galway", "H91 X2C4"), ("Norwich", "NR3 1JP")],
    "de": [("Lüneburg", "21335"), ("Bamberg", "96047"), ("Göttingen", "37083"), ("Tübingen", "72074")],
    "fr": [("Angers", "49100"), ("Besançon", "25000"), ("Nîmes", "30900"), ("Quimper", "29000")],
    "es": [("Cáceres", "10003"), ("Logroño", "26002"), ("Gijón", "33206"), ("Cádiz", "11004")],
    "it": [("Ferrara", "44121"), ("Lecce", "73100"), ("Bergamo", "24122"), ("Perugia", "06123")],
    "nl": [("Zwolle", "8011 PK"), ("Leeuwarden", "8911 BG"), ("Haarlem", "2011 RW"), ("Deventer", "7411 JL")],
    "pt": [("Braga", "4700-321"), ("Aveiro", "3810-164"), ("Évora", "7000-512"), ("Coimbra", "3000-214")],
    "pl": [("Toruń", "87-100"), ("Lublin", "20-072"), ("Rzeszów", "35-064"), ("Opole", "45-061")],
    "sv": [("Uppsala", "753 20"), ("Lund", "222 21")],
    "nb": [("Trondheim", "7013"), ("Tromsø", "9008")],
    "da": [("Aarhus C", "8000"), ("Odense", "5000")],
    "fi": [("Tampere", "33100"), ("Oulu", "90100")],
    "et": [("Tartu", "50090"), ("Tallinn", "10415")],
}

# address shape per language: {s} street, {n} number, {t} town, {z} postcode
ADDRESS_SHAPES = {
    "en": ["{n} {s}", "{n} {s}, {t}", "flat 3, {n} {s}", "{n} {s}, {t} {z}"],
    "fr": ["{n} {s}", "{n}, {s}, {z} {t}", "{n} {s} {t}"],
    "default": ["{s} {n}", "{s} {n}, {z} {t}", "{s} {n} {t}"],
    "pl": ["{s} {n}", "{s} {n}/4, {z} {t}", "{s} {n} m. 12"],
    "it": ["{s} {n}", "{s}, {n} - {z} {t}", "{s} {n}, {t}"],
    "es": ["{s} {n}", "{s}, {n}, 2º B", "{s} {n}, {z} {t}"],
}
