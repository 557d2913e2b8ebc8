"""Words written for the training corpus: street vocabulary per language and the hard negatives.

Nothing here is copied from a name or address generator. Street words are each language's ordinary
street-type words plus plain word stems; the hard negatives are things that look like names or places but
are not personal data and must stay labelled O: languages, nationalities, brands, titles of works,
ordinary capitalised words, and public figures and fictional characters.

Public figures and fictional characters are a documented choice: they are labelled O (kept) when the
sentence is about them as public figures or characters ("reading a biography of Marie Curie", "the new
Sherlock Holmes series"). They are not the data subject of a support chat and scrubbing them makes the
training data say less; a customer who shares such a name is still caught when the context is personal
("my name is ...", a signature), which is where the templates put person slots.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- streets
# (words used as a separate word before the name, words glued after the name or after it as a word)
STREET_PREFIX: dict[str, tuple[str, ...]] = {
    "en": (),
    "de": ("Am", "An der", "Auf dem", "Im", "Zum", "Unter den"),
    "fr": ("rue", "Rue", "avenue", "Avenue", "boulevard", "Bd", "place", "Place", "chemin", "impasse", "allée",
           "quai", "Quai", "cours", "route", "passage", "square"),
    "es": ("Calle", "C/", "Avenida", "Avda.", "Paseo", "Plaza", "Camino", "Carrera", "Ronda", "Travesía",
           "Callejón", "Glorieta", "Pasaje"),
    "it": ("Via", "via", "Viale", "Piazza", "Corso", "Vicolo", "Largo", "Piazzale", "Strada", "Lungomare",
           "Borgo", "Contrada"),
    "nl": ("Lange", "Korte", "Oude", "Nieuwe", "Achter de", "Op de"),
    "pt": ("Rua", "R.", "Avenida", "Av.", "Travessa", "Largo", "Praça", "Estrada", "Alameda", "Calçada",
           "Beco", "Rotunda"),
}
STREET_SUFFIX: dict[str, tuple[str, ...]] = {
    "en": ("Street", "St", "St.", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Court", "Ct",
           "Place", "Pl", "Way", "Close", "Crescent", "Terrace", "Boulevard", "Blvd", "Hill", "Row", "Grove",
           "Gardens", "Mews", "Parkway", "Trail", "Circle", "Square", "Walk", "Ridge", "Heights", "Path",
           "Loop", "Pike", "Bend", "Crossing", "Highway", "Wharf", "Green", "Park", "Vale", "View"),
    "de": ("straße", "strasse", "str.", "weg", "allee", "gasse", "platz", "ring", "damm", "ufer", "steig",
           "pfad", "chaussee", "graben", "markt", "hof", "zeile"),
    "nl": ("straat", "weg", "laan", "gracht", "plein", "kade", "singel", "dijk", "steeg", "hof", "pad",
           "dreef", "markt", "wal", "haven", "park"),
}
STREET_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("Oak", "Maple", "Cedar", "Birch", "Willow", "Elm", "Pine", "Chestnut", "Mill", "Church", "Station",
           "Bridge", "River", "Lake", "Forest", "Meadow", "Orchard", "Spring", "Harbour", "Harbor", "Market",
           "King", "Queen", "Castle", "Abbey", "Manor", "Valley", "Sunset", "Highland", "Fox", "Heron",
           "Kingfisher", "Primrose", "Hawthorn", "Juniper", "Summit", "Prospect", "Union", "Liberty", "Broad",
           "High", "North", "South", "East", "West", "Old Farm", "Cherry Tree", "Rose", "Ivy", "Beacon"),
    "de": ("Linden", "Eichen", "Birken", "Buchen", "Rosen", "Garten", "Schul", "Kirch", "Bahnhof", "Haupt",
           "Markt", "Berg", "Wald", "Feld", "Mühlen", "Brunnen", "Schloss", "Burg", "Dorf", "Wiesen", "Sonnen",
           "Tal", "Hafen", "Post", "Kastanien", "Ahorn", "Tannen", "Weiden", "Lerchen", "Amsel", "Fasanen",
           "Blumen", "Neu", "Alt", "Ober", "Unter", "Hoch", "Kloster"),
    "fr": ("de la Paix", "des Lilas", "du Moulin", "de l'Église", "de la Gare", "du Château", "des Roses",
           "du Port", "de la République", "des Écoles", "du Marché", "des Acacias", "de la Fontaine",
           "du Stade", "des Tilleuls", "de la Liberté", "du Lavoir", "des Peupliers", "du Général Leclerc",
           "de Verdun", "des Vignes", "de la Mairie", "du Pont", "des Cerisiers", "Saint-"),
    "es": ("Mayor", "del Sol", "de la Paz", "de los Olivos", "Real", "de la Constitución", "del Mar",
           "de las Flores", "de la Iglesia", "del Río", "de la Estación", "Nueva", "del Carmen", "de Goya",
           "de la Libertad", "del Pilar", "de los Pinos", "de la Fuente", "del Prado", "San "),
    "it": ("Roma", "dei Mille", "del Corso", "della Libertà", "Vittorio Veneto", "delle Rose", "del Mare",
           "dei Pini", "della Stazione", "del Popolo", "della Repubblica", "dei Tigli", "del Castello",
           "delle Vigne", "Nazionale", "della Chiesa", "del Lago", "San "),
    "nl": ("Kerk", "Molen", "Dorps", "Haven", "Linden", "Eiken", "Beuken", "Prinsen", "Heren", "Keizers",
           "Water", "Zand", "Veld", "Bloemen", "Tuin", "Markt", "Brug", "Kastanje", "Wilgen", "Berken",
           "Zuider", "Noorder", "Ooster", "Wester", "Stations", "School", "Sint-"),
    "pt": ("da Liberdade", "do Comércio", "das Flores", "do Carmo", "da Prata", "dos Anjos", "da Boavista",
           "do Sol", "da Igreja", "das Amoreiras", "da República", "do Mar", "dos Pinheiros", "da Estação",
           "Direita", "Nova", "de São ", "Dom "),
}

# --------------------------------------------------------------------------- hard negatives (labelled O)
LANGUAGES: dict[str, tuple[str, ...]] = {
    "en": ("English", "German", "French", "Spanish", "Italian", "Dutch", "Portuguese", "Polish", "Turkish",
           "Arabic", "Mandarin", "Japanese", "Korean", "Hindi", "Greek", "Swedish", "Russian", "Catalan"),
    "de": ("Englisch", "Deutsch", "Französisch", "Spanisch", "Italienisch", "Niederländisch", "Portugiesisch",
           "Polnisch", "Türkisch", "Arabisch", "Japanisch", "Griechisch", "Russisch"),
    "fr": ("anglais", "allemand", "français", "espagnol", "italien", "néerlandais", "portugais", "arabe",
           "polonais", "turc", "japonais", "grec", "russe"),
    "es": ("inglés", "alemán", "francés", "español", "italiano", "neerlandés", "portugués", "árabe",
           "catalán", "gallego", "euskera", "japonés", "ruso"),
    "it": ("inglese", "tedesco", "francese", "spagnolo", "italiano", "olandese", "portoghese", "arabo",
           "giapponese", "russo", "greco", "polacco"),
    "nl": ("Engels", "Duits", "Frans", "Spaans", "Italiaans", "Nederlands", "Portugees", "Arabisch",
           "Turks", "Pools", "Japans", "Fries"),
    "pt": ("inglês", "alemão", "francês", "espanhol", "italiano", "holandês", "português", "árabe",
           "japonês", "russo", "mandarim", "crioulo"),
}
NATIONALITIES: dict[str, tuple[str, ...]] = {
    "en": ("American", "British", "Canadian", "Irish", "Australian", "Mexican", "Brazilian", "Nigerian",
           "Indian", "Chinese", "Swiss", "Belgian", "Austrian", "Norwegian", "Scottish", "Welsh"),
    "de": ("Amerikaner", "Brite", "Schweizer", "Österreicher", "Italienerin", "Franzose", "Spanierin",
           "Niederländer", "Türke", "Polin", "Kanadierin"),
    "fr": ("américain", "britannique", "suisse", "belge", "canadienne", "allemand", "espagnole",
           "italienne", "marocain", "sénégalaise", "portugais"),
    "es": ("mexicano", "argentina", "colombiano", "chilena", "peruano", "británico", "alemana",
           "francés", "estadounidense", "venezolana"),
    "it": ("americano", "inglese", "svizzera", "tedesco", "francese", "spagnola", "brasiliano", "rumena"),
    "nl": ("Amerikaan", "Brit", "Belg", "Duitser", "Française", "Spanjaard", "Marokkaanse", "Surinamer",
           "Turkse", "Pool"),
    "pt": ("brasileiro", "angolana", "americano", "inglesa", "alemão", "francesa", "espanhol",
           "cabo-verdiano", "moçambicana"),
}
BRANDS: tuple[str, ...] = (
    "Apple", "Amazon", "Zara", "Mercedes", "Peugeot", "IKEA", "Nike", "Adidas", "Lidl", "Aldi", "Carrefour",
    "Vodafone", "Orange", "Santander", "ING", "Deutsche Bahn", "Dior", "Chanel", "Ferrari", "Philips",
    "Heineken", "Renault", "Citroën", "Tesco", "Mango", "Fnac", "Decathlon", "Spotify", "Netflix",
    "WhatsApp", "PayPal", "Samsung", "Toyota", "Volkswagen", "Bosch", "Siemens", "Nespresso", "Uber",
    "Airbnb", "Revolut", "Telekom", "Movistar", "Esselunga", "Albert Heijn", "Continente", "El Corte Inglés",
    "Lufthansa", "Ryanair", "Vueling", "Trenitalia", "SNCF", "Primark", "Hermès", "Lacoste", "Benetton",
    "Fiat", "Lancia", "Seat", "Skoda", "Opel", "Porsche", "Lamborghini", "Gucci", "Prada", "Bulgari",
)
TITLES: tuple[str, ...] = (
    "Hamlet", "Breaking Bad", "Game of Thrones", "The Crown", "Stranger Things", "Pride and Prejudice",
    "Don Quijote", "Les Misérables", "Der Zauberberg", "La Casa de Papel", "Il Nome della Rosa",
    "Os Lusíadas", "Madame Bovary", "Dune", "The Office", "Succession", "Frozen", "Toy Story", "Top Gun",
    "Cien Años de Soledad", "Die Verwandlung", "Le Petit Prince", "La Dolce Vita", "Inception",
    "The Godfather", "Titanic", "Jurassic Park", "The Sopranos", "Downton Abbey", "Mad Men",
)
# Public figures and fictional characters: kept (labelled O) in sentences about them; see the docstring.
PUBLIC_FIGURES: tuple[str, ...] = (
    "Shakespeare", "Napoleon", "Marie Curie", "Albert Einstein", "Frida Kahlo", "Goethe", "Cervantes",
    "Leonardo da Vinci", "Mozart", "Beethoven", "Picasso", "Van Gogh", "Rembrandt", "Dante", "Pessoa",
    "Victor Hugo", "Sherlock Holmes", "Harry Potter", "Don Quixote", "Pinocchio", "Asterix", "Tintin",
    "Cleopatra", "Julius Caesar", "Isaac Newton", "Charles Darwin", "Gandalf", "Mickey Mouse",
)
# Capitalised words that are not names: headings, UI labels, products, months, weekdays.
CAPITALISED_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("Order", "Status", "Shipped", "Refund", "Premium", "Account", "Settings", "Monday", "Friday",
           "January", "August", "Express", "Support", "Invoice", "Gold Member", "Customer Service", "Urgent",
           "Update", "Delivery", "Checkout", "Gift Card", "Black Friday", "Christmas", "Easter"),
    "de": ("Bestellung", "Rechnung", "Lieferung", "Kundenservice", "Montag", "Freitag", "Januar", "Konto",
           "Rückerstattung", "Paket", "Gutschein", "Weihnachten", "Ostern", "Termin", "Vertrag"),
    "fr": ("Commande", "Facture", "Livraison", "Service Client", "Lundi", "Vendredi", "Janvier", "Compte",
           "Remboursement", "Colis", "Noël", "Pâques", "Abonnement"),
    "es": ("Pedido", "Factura", "Envío", "Atención al Cliente", "Lunes", "Viernes", "Enero", "Cuenta",
           "Reembolso", "Paquete", "Navidad", "Semana Santa", "Suscripción"),
    "it": ("Ordine", "Fattura", "Spedizione", "Assistenza Clienti", "Lunedì", "Venerdì", "Gennaio", "Conto",
           "Rimborso", "Pacco", "Natale", "Pasqua", "Abbonamento"),
    "nl": ("Bestelling", "Factuur", "Levering", "Klantenservice", "Maandag", "Vrijdag", "Januari", "Account",
           "Terugbetaling", "Pakket", "Kerstmis", "Pasen", "Abonnement"),
    "pt": ("Encomenda", "Fatura", "Entrega", "Apoio ao Cliente", "Segunda-feira", "Sexta-feira", "Janeiro",
           "Conta", "Reembolso", "Pacote", "Natal", "Páscoa", "Assinatura"),
}
# Honorifics that may precede a surname (the honorific itself is O).
HONORIFICS: dict[str, tuple[str, ...]] = {
    "en": ("Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Miss"),
    "de": ("Herr", "Frau", "Dr."),
    "fr": ("M.", "Mme", "Madame", "Monsieur"),
    "es": ("Sr.", "Sra.", "señor", "señora", "don", "doña"),
    "it": ("Sig.", "Sig.ra", "signor", "signora", "dott."),
    "nl": ("meneer", "mevrouw", "dhr.", "mevr."),
    "pt": ("Sr.", "Sra.", "senhor", "senhora", "Dona"),
}
# Surname particles by language (part of the PERSON span).
SURNAME_PARTICLES: dict[str, tuple[str, ...]] = {
    "de": ("von", "zu"), "fr": ("de", "du", "Le"), "es": ("de", "del"), "it": ("di", "De", "Della"),
    "nl": ("van", "van der", "de", "van den", "ter"), "pt": ("da", "dos", "de"),
}

# --------------------------------------------------------------------------- casual chat (labelled O)
# Words of time a chat line is full of, in the case people type them (weekday, month, parts of the day),
# mixed in one list per language: hard negatives that sit where a name could be ("see you friday").
TIME_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("monday", "tuesday", "Thursday", "friday", "Saturday", "sunday", "tonight", "tomorrow", "June",
           "july", "March", "april", "next week", "the weekend", "noon"),
    "de": ("Montag", "dienstag", "Donnerstag", "freitag", "Samstag", "sonntag", "heute abend", "morgen früh",
           "Juni", "Juli", "März", "nächste Woche", "Wochenende", "Mittag"),
    "fr": ("lundi", "mardi", "jeudi", "vendredi", "samedi", "dimanche", "ce soir", "demain", "juin", "juillet",
           "mars", "avril", "la semaine pro", "le week-end"),
    "es": ("lunes", "martes", "jueves", "viernes", "sábado", "domingo", "esta noche", "mañana", "junio",
           "julio", "marzo", "abril", "la semana que viene", "el finde"),
    "it": ("lunedì", "martedì", "giovedì", "venerdì", "sabato", "domenica", "stasera", "domani", "giugno",
           "luglio", "marzo", "aprile", "la settimana prossima", "il weekend"),
    "nl": ("maandag", "dinsdag", "donderdag", "vrijdag", "zaterdag", "zondag", "vanavond", "morgen", "juni",
           "juli", "maart", "april", "volgende week", "het weekend"),
    "pt": ("segunda", "terça", "quinta", "sexta", "sábado", "domingo", "hoje à noite", "amanhã", "junho",
           "julho", "março", "abril", "a semana que vem", "o fim de semana"),
    "pl": ("poniedziałek", "wtorek", "czwartek", "piątek", "sobota", "niedziela", "dziś wieczorem", "jutro",
           "czerwiec", "lipiec", "marzec", "weekend"),
    "sv": ("måndag", "tisdag", "torsdag", "fredag", "lördag", "söndag", "ikväll", "imorgon", "juni", "juli",
           "mars", "helgen"),
    "nb": ("mandag", "tirsdag", "torsdag", "fredag", "lørdag", "søndag", "i kveld", "i morgen", "juni", "juli",
           "mars", "helga"),
    "da": ("mandag", "tirsdag", "torsdag", "fredag", "lørdag", "søndag", "i aften", "i morgen", "juni", "juli",
           "marts", "weekenden"),
    "fi": ("maanantaina", "tiistaina", "torstaina", "perjantaina", "lauantaina", "sunnuntaina", "tänään",
           "huomenna", "kesäkuussa", "heinäkuussa", "viikonloppuna"),
    "cs": ("pondělí", "úterý", "čtvrtek", "pátek", "sobota", "neděle", "dnes večer", "zítra", "červen",
           "červenec", "březen", "víkend"),
    "ca": ("dilluns", "dimarts", "dijous", "divendres", "dissabte", "diumenge", "aquesta nit", "demà", "juny",
           "juliol", "març", "el cap de setmana"),
    "ro": ("luni", "marți", "joi", "vineri", "sâmbătă", "duminică", "diseară", "mâine", "iunie", "iulie",
           "martie", "weekendul"),
    "tr": ("pazartesi", "salı", "perşembe", "cuma", "cumartesi", "pazar", "bu akşam", "yarın", "haziran",
           "temmuz", "mart", "hafta sonu"),
}
# Dishes, games and shows people mention in group chats; several are also first names or places elsewhere.
FOODS: tuple[str, ...] = (
    "pizza", "sushi", "ramen", "paella", "kebab", "pierogi", "tacos", "lasagne", "bratwurst", "croissants",
    "pho", "falafel", "poke", "carbonara", "tiramisu", "churros", "pastel de nata", "fondue", "curry",
    "burritos", "dumplings", "Margherita", "Marinara", "Wellington", "Stroganoff", "nachos", "gnocchi",
    "smørrebrød", "köttbullar", "baklava", "sarmale", "svíčková",
)
GAMES: tuple[str, ...] = (
    "Minecraft", "Fortnite", "FIFA", "Mario Kart", "Catan", "Wordle", "Zelda", "Among Us", "Valorant",
    "League", "Uno", "Monopoly", "Tetris", "Pokémon GO", "Elden Ring", "Rocket League", "Dixit", "Jenga",
    "Sims", "Overwatch", "Cluedo", "Scrabble", "Carcassonne", "Animal Crossing",
)
SHOWS: tuple[str, ...] = (
    "Succession", "Bridgerton", "Dark", "Money Heist", "Friends", "Seinfeld", "Lupin", "Borgen", "Squid Game",
    "The Bear", "Severance", "Fleabag", "Ted Lasso", "Euphoria", "Wednesday", "Love Island", "Shameless",
    "Gomorra", "Skam", "Elite", "Narcos", "Vikings", "Sherlock", "Emily in Paris", "Eurovision",
)
