"""The curated word lists of the PII scrubber, written by hand for this package (the generated
gazetteers are the ``resources/*.txt`` files, built from documented sources by
``tunehouse.pii.build_resources`` and recorded in ``resources/MANIFEST.json``).

Each list holds only what those sources cannot give: ambiguity the frequency rule does not see, names
the sources lack, titles, function words, chat and travel words, place words (airlines, hotel chains,
destinations, airports, landmarks) and place-indicator words ("Hotel", "Airport", "Street"). Entries the
sources now give were removed when the lists were rebuilt without faker (issue 9), and so were entries
that only patched faker's lists ("True", "Reason", "Valid" as first names). ``tunehouse.pii.lexicon``
folds these lists into its token -> flags table.
"""

from __future__ import annotations


def _words(s: str) -> list[str]:
    return [w for w in s.split() if w]


def _phrases(s: str) -> list[str]:
    """One phrase per line; blank lines and ``#`` comments skipped."""
    out = []
    for line in s.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.extend(p.strip() for p in line.split(";") if p.strip())
    return out


# --------------------------------------------------------------------------------------- names

# First names that are also everyday words (or brands): a name only next to a surname or after a
# name cue ("Will Smith", "Hi Will,", "my name is Grace"), never alone ("Will you...", "Grace period").
# The build already makes a name ambiguous when wordfreq finds it 30 times more frequent than its use as
# a name explains; this list holds the ones under that bar that still start sentences ("Mark", "Rose",
# "Jack", "Grace"), function words that are also names ("Can", Turkish), names the rule drops as words
# but that are names ("Will"), surnames that double as first names ("Park", "Hall"), and names the
# sources lack (virtue names, "Abril": a top Spanish name since the 2000s, after nam_dict was made).
AMBIGUOUS_FIRST_NAMES = frozenset(w.lower() for w in _words("""
Will Mark June August Bill Grace Faith Joy Rose Lily Iris Ruby Amber Crystal Dawn Summer Autumn Winter
Sunny Guy Jack Frank Rich Bob Pat Don Ken Max Art Chase Miles Sterling Penny Destiny Harmony Trinity
Angel Christian Noble King Prince Queen Major Page Reed Wade Dale Glen Cliff Brook Forest Star Nova Sol
Hunter Price Bell Ray Al Jean Pearl Ivy Holly Heather Daisy Violet Jasmine Hazel Olive Poppy Honey Candy
Cherry Ginger Coral Jade Opal Ebony Ivory Melody Serenity Journey Justice Liberty Blessing Comfort Mercy
Earnest Young Rusty Buddy Bud Dusty Sandy Misty Stormy Rain Ocean Cloud Rocky Duke Earl Baron Lord
Bishop Deacon General Colonel Marshal Captain Cash Banks Golden Diamond Silver Gold Brandy Sherry
Tiffany Mercedes China Asia Africa Else Line Skip Server Can An Math Nan Len Alpha Delta Theta
Zeta Echo Trace Meta Long Doc Link Branch Edit Red Green Gray Grey Brown White Black Little Early Roll
Lane Grant Worth Ridge Fairy Orange Pink Toy Press Tone Jet Harm Mate Beat Lance Park Stone Rod Lean Mad
Doctor Baby Hill Walker Dash Sunday Monday Friday Noel Noël Blanche Claire Fleur Ange Céleste Prosper
Constance Consuelo Soledad Amparo Esperanza Milagros Dolores Rocío Cruz Mar Nieves Reyes Domingo Jesús
Jesus Gloria Fe Caridad Amor Pastora Remedios Ernst Kai Ember Haven Story Saint Royalty Kingdom Marvel
Karma Lyric Poet Genesis Zion Heaven Blue Lemon Peach Plum Bean Bear Wolf Fox Hawk Robin Wren Lark Jay
Dove Finch Swan Tiger Lion Minor Sonny Buck Chip Dick Butch Kitty Pinky Shady Speedy Sunshine Bliss
Merry Jolly Gift Goodness Godswill Godwin Treasure Favor Wisdom Peace Lovely Loveth Marvellous Promise
Divine Emmanuel Fortune Bright Memory Mighty Clever Smart Glory Gladys Charm Welcome Given Moses Matters
Lot Roman Gun Wing Victory Junior Wood Mile Lies Drew Marine Fleet Princess Bird Ford Ward Hung Tea Clay
Boss Odd Gang Mac Sole Sierra Liga Raid Peer Pleasant Joke Harsh Kit Dock Ace Tan Wash Tore Miracle Rex
Ion Cal Lone Berry Bee Doll Rim Atlas Cord Bra Laurel Mare Herb Nail Bald Ninja Emerald Pal Mir Watt
Ants Mans Maj Greet Steward Ping Yen Tad Nanny Magna Gee Fern Lavender Roe Corona Alfa Burr Dow Rune
Cadence Grover Rosy Ether Tri Saga Mats Ale Ole Muslim Islam French Council Canal Loan Rush Hunt Danish
Fifa Mills Elder Horn Dakota Martial Philippine Pastor Marsh Hardy Darling Graves Heath Raven Valentine
Pier Mentor Velvet Shepherd Babe Venus Scarlet Willow Wage Roar Knox Grove Lady Dean Hall Abbey Urban
Baptist Trent Basil Rosemary Saffron Cinnamon Clove Sorrel Abril
"""))

# First names that the sources (US Census 1990, nam_dict.txt of 2007) lack: Irish, West and East African,
# southern African, Indian, Chinese, Japanese, Korean and transliterated spellings. Written by hand.
EXTRA_FIRST_NAMES = _words("""
Oluwaseun Chidi Chinedu Ngozi Adaeze Kwame Ama Abena Yaw Akua Emeka Folake Funmilayo Babajide Olamide
Temitope Chiamaka Obinna Ifeoma Nnamdi Uche Yemi Bola Tolu Kemi Bisi Dayo Segun Kehinde Taiwo
Chukwuemeka Chioma Amaka Nneka Adaora Obi Wanjiru Njeri Otieno Achieng Baraka Zawadi Juma Wanjiku Kamau
Akinyi Thandiwe Sipho Thabo Lerato Nomvula Bongani Zanele Themba Lindiwe Mandla Naledi Kagiso Tendai
Farai Chipo Tatenda Aarav Diya Ananya Kavya Ishaan Manpreet Jaspreet Simran Aishwarya Varun Na Xiaoming
Xiaoli Haruto Kaito Sota Hina Yuto Minjun Jiwoo Seo-yeon Seoyeon Jihoon Soo-min Malgorzata Lukasz
Giorgos Thiago Juergen Joerg Soeren Kwabena Kwesi Efua Esi Adwoa Yaa Afua Kobina Kwaku Akosua
""")

# Surnames that the US Census 1990 list lacks or has too rarely: Chinese, Korean, Vietnamese, Indian,
# African, Arabic, Turkish, Irish, Polish, Russian, Greek, Nordic, Dutch. Written by hand.
EXTRA_LAST_NAMES = _words("""
Ma He Du Das Yadav Chaudhary Raghunathan Venkatesh Tiwari Okonkwo Adeyemi Adebayo Eze Nwosu Kamau Otieno
Mwangi Ndlovu Dlamini Nkosi Khumalo Abebe Tesfaye Traoré Traore Keita Camara Adeleke Ogunleye Oyelaran
Danjuma Ibe Onyeka Achebe Afolabi Oduya Kariuki Njoroge Al-Sayed Al-Rashid Al-Hassan Al-Amin Farouk
Rezaei Moradi Yılmaz Yilmaz Demir Şahin Sahin Çelik Celik Yıldız Yildiz Öztürk Ozturk Aydın Kılıç Kilic
O'Sullivan O'Brien O'Connor O'Neill Kozłowski Smirnov Volkov Sokolov Popov Petrova Ivanova Kuznetsov
Kuznetsova Novikov Morozov Fedorov Orlov Sidorov Smirnova Volkova Popova Sokolova Morozova Novikova
Nikolaidis Konstantinidis Lange Petit Blanc Svensson Gustafsson Sørensen Jørgensen De Meijer Vos Dijk
der
""")

# Tokens that a source lists as a name but that are never one here (the census first-name list has
# "Boy"). Compared lower-case; only entries that remove something from a generated list are kept.
NOT_NAMES = frozenset(w.lower() for w in _words("""
Boy
"""))

# Function words and frequent sentence starters: never a first name, even where a source lists them
# ("The", "Else" occur as given names somewhere); curated ambiguous names ("Can") are kept. The
# detectors also use this list to reject usernames, passwords and street words. Written by hand.
FUNCTION_WORDS = frozenset(w.lower() for w in _words("""
The A An And Or But If So Not No Yes Of To In On At By For With From As Is Are Was Were Be Been Can Could
Would Should Shall Must Might Do Does Did Done Have Has Had This That These Those There Here What When Where
Why How Which Who Whom Whose My Your Our Their His Her Its It We You They He She Me Us Them Please Thanks
Thank Hello Hi Hey Dear Sorry Also Just Only Even Still Again Then Than Now Any Some All Each Every Both
Either Neither Other Another Such Same Own Read See Let Get Got Make Made Take Use Used Using New Old
Yes Okay Ok Sure Great Good Nice Fine Well Very Much More Most Less Many Few Another About After Before
Into Over Under Between Through During Without Within Upon Via Per Since Until While Because Though
Although However Therefore Thus Hence Else Case Line True False None Null Unknown Other Others Mars
Windows Linux Apple Google Python Java Read Write Open Close Start End Note Notes See Also Example
El La Los Las Un Una Y O Pero Si De Del Al Con Sin Para Por Le Les Des Du Et Ou Mais Au Aux Avec Sans Pour Par
Der Die Das Ein Eine Und Oder Aber Wenn Mit Ohne Für Von Zu Zum Zur Bei Im Am An Auf Aus Nach Über
Sie Ihr Ihre Ihnen Ihren Ihrer Wir Uns Unser Unsere Es Er Du Dich Dir Mich Mir Ich Vous Nous Je Tu Il Elle Ils
Elles On Usted Ustedes Nosotros Yo Ella Ellos Lo Se Su Sus
"""))

# Honorifics and titles: a strong cue that the next capitalised tokens are a name. Written by hand.
TITLES = _words("""
mr mrs ms miss mx mister dr doctor prof professor sir dame lady lord madam madame monsieur mme mlle
mademoiselle m sr sra srta señor senor señora senora señorita senorita don doña dona herr frau
fräulein frl sig sig.ra signor signora signorina dott capt captain rev father sister brother
meneer mevrouw mevr dhr juffrouw senhor senhora senyor senyora senyoreta domnul domnului doamna doamnei dl dna
d-l d-na domnișoara gospodin gospodina gospodine gospođa gospođe gospođi gđa gđe paní pana panem pane slečna
slečno pani panią panu sayın fru herra rouva härra proua
""")

# ------------------------------------------------------------------------------ common words

# Chat and travel words that must never be names but that the generated common-word list leaves out
# (holidays and the role words of service transcripts in the languages we read are among them):
# greetings and short forms ("hi", "thx", "xmas"), words that are also census surnames or first names
# ("day", "beach", "park", "june", "summer") and so are not ordinary words by the build's rule, and
# words under its frequency bar. A capitalised token found here is not a name (unless it is also a
# known surname right after a first name: "Michael Day"). Written by hand.
COMMON_WORDS_CURATED = frozenset(w.lower() for w in _words("""
ok hi hey hiya dear thx cheers bye day mine ours soon emailed cancel refunded quick lovely till gates
passports visa visas bookings invoice invoices vouchers ferry cruise cruises traveller guest concierge
driver downgrade meals deal price fares fee card delay arrivals departures checkin itinerary holiday
vacations weeks monday thu thurs fri sun june august jan mar jun sep christmas easter xmas eve summer
autumn winter north east west southern little beach lake bay street lane park harbour harbor ma'am
friend tú tu ton ja gruß grüße grüßen buchung reservierung zimmer geehrter jänner mai julio domingo
março mei außerdem d'accord olá
silvester pasqua ferragosto natale capodanno pfingsten ostern weihnachten nikolaus sinterklaas koningsdag
juhannus midsommar jaanipäev sankthans navidad nochevieja carnaval fasching karneval diwali hanukkah ramadan
thanksgiving halloween feliz frohe buon joyeux luciafirandet schueberfouer
teenindaja rådgiver rådgivare oberarzt oberärztin medarbejder medarbetare assistente asesora asesor
kundeservice klantenservice kundenservice asiakaspalvelu konsultant konsultantka operatore operador
"""))

# ------------------------------------------------------------------------------------ places

# Airlines, rail and bus operators, travel brands and apps: organisations, never people. Written by hand.
AIRLINES = _phrases("""
Aer Lingus; Aegean; Aeroflot; Aerolíneas Argentinas; Aeroméxico; Air Arabia; Air Canada; Air China
Air Europa; Air France; Air India; Air Malta; Air New Zealand; Air Serbia; Air Transat; Alaska Airlines
Alitalia; All Nippon Airways; ANA; American Airlines; American; Asiana; Austrian; Austrian Airlines
Avianca; Azul; British Airways; Brussels Airlines; Cathay Pacific; Cebu Pacific; China Airlines
China Eastern; China Southern; Condor; Copa; Croatia Airlines; Delta; Delta Air Lines; Discover
easyJet; EasyJet; EgyptAir; El Al; Emirates; Ethiopian; Ethiopian Airlines; Etihad; Eurowings; EVA Air
Finnair; flydubai; Frontier; Garuda; Gol; Hawaiian; Hawaiian Airlines; Iberia; Icelandair; IndiGo
ITA; ITA Airways; Japan Airlines; JAL; Jet2; JetBlue; Jetstar; Kenya Airways; KLM; Korean Air; LATAM
LOT; Lufthansa; Luxair; Malaysia Airlines; Norse; Norwegian; Oman Air; Pegasus; Philippine Airlines
Qantas; Qatar Airways; Royal Air Maroc; Royal Jordanian; Ryanair; SAS; Saudia; Scoot; Singapore Airlines
South African Airways; Southwest; Spirit; SunExpress; Swiss; Swiss International Air Lines; TAP
TAP Air Portugal; Thai Airways; TUI; TUIfly; Turkish Airlines; United; United Airlines; Vietnam Airlines
Virgin; Virgin Atlantic; Virgin Australia; Viva Aerobus; Volaris; Vueling; WestJet; Wizz Air; Wizz
Transavia; Volotea; Binter; Air Baltic; airBaltic; Widerøe; Loganair; Flybe; Eurostar; Thalys; TGV
Renfe; Amtrak; Deutsche Bahn; SNCF; Trenitalia; Italo; Ouigo; Avlo; Iryo; ÖBB; SBB; Flixbus; FlixBus
National Express; Greyhound; Megabus; Uber; Lyft; Bolt; Hertz; Avis; Europcar; Sixt; Enterprise
Budget; Alamo; Thrifty; Booking.com; Expedia; Airbnb; Tripadvisor; Skyscanner; Kayak; Trivago
Star Alliance; SkyTeam; Oneworld; Miles & More; Flying Blue; Avios; Executive Club; SkyMiles
AAdvantage; MileagePlus; KrisFlyer; Skywards; Etihad Guest; Privilege Club
Royal Caribbean; Carnival; Norwegian Cruise Line; MSC; MSC Cruises; Costa Cruises; Celebrity Cruises
Princess Cruises; Cunard; P&O; Holland America; Viking; Disney Cruise Line; Hurtigruten
Boeing; Airbus; Embraer; Bombardier; Dreamliner; Apple; Google; Samsung; iPhone; Visa; Mastercard
American Express; Amex; PayPal; Revolut; Wise; Klarna; WhatsApp; Zoom; Teams; Outlook; Gmail
Safari; Chrome; Firefox; Edge; Opera; Android; iOS; iPad; Telegram; Messenger; Instagram; Facebook; Twitter
Slack; Skype; Signal; Viber; WeChat; LINE; Uber Eats; Google Maps; Apple Pay; Google Pay; Alexa; Siri
""")

# Hotel chains and brands: organisations, never people. Written by hand.
HOTEL_BRANDS = _phrases("""
Hilton; Hilton Garden Inn; Hampton Inn; DoubleTree; Conrad; Waldorf Astoria; Marriott; Courtyard
Residence Inn; Sheraton; Westin; W Hotels; St. Regis; Ritz-Carlton; Ritz; Le Méridien; Le Meridien
Renaissance; Aloft; Moxy; Four Points; Hyatt; Hyatt Regency; Grand Hyatt; Park Hyatt; Andaz
InterContinental; Crowne Plaza; Holiday Inn; Holiday Inn Express; Kimpton; Indigo; Radisson
Radisson Blu; Park Inn; Accor; Novotel; Ibis; ibis; Ibis Budget; Mercure; Sofitel; Pullman; Fairmont
Raffles; Swissôtel; Mövenpick; Movenpick; Best Western; Wyndham; Ramada; Days Inn; Travelodge
Premier Inn; NH; NH Hotels; NH Collection; Meliá; Melia; Barceló; Barcelo; Iberostar; Riu; RIU
Paradores; Parador; Kempinski; Shangri-La; Mandarin Oriental; Four Seasons; Peninsula; Aman
Rosewood; Belmond; Jumeirah; Atlantis; Taj; Oberoi; Leela; Savoy; Claridge's; Dorchester; Adlon
Hotel Adlon; Steigenberger; Maritim; Motel One; Scandic; Citizen M; citizenM; Premier; Generator
Selina; Hostelworld; Club Med; Sandals; Beaches; Center Parcs; Butlin's; Disneyland; Legoland
""")

# Shops, chains, consumer brands, apps and beers that chats name in the countries of the scrubber's languages:
# organisations, never people (no offline list of brands installs; this one is written by hand, and a brand
# that is also a first name alone, "Otto", "Penny", "Costa", is listed only in its longer form).
RETAIL_BRANDS = _phrases("""
Tesco; Sainsbury's; Asda; Waitrose; Morrisons; Boots; Argos; Primark; Currys; Greggs; Pret a Manger;
Costa Coffee; Marks & Spencer; John Lewis; Carrefour; Auchan; Intermarché; Monoprix; Fnac; Darty; Decathlon;
E.Leclerc; Mercadona; Eroski; El Corte Inglés; Esselunga; Conad; Edeka; Rewe; Kaufland; MediaMarkt;
Media Markt; Zalando; Albert Heijn; Kruidvat; Hema; Coolblue; Blokker; Bol.com; Continente; Pingo Doce; Worten;
Biedronka; Żabka; Allegro; Empik; Lidl; Aldi; Prisma; K-Market; S-Market; Verkkokauppa; Rimi; Selver; Maxima;
Elgiganten; Elkjøp; Clas Ohlson; Systembolaget; Vinmonopolet; Rema 1000; Coop Extra; Føtex; Bilka; Netto;
Jollibee; Shopee; Lazada; Grab; Gojek; Flipkart; Swiggy; Zomato; Paytm; Tim Hortons; Taco Bell; Starbucks;
Burger King; KFC; Domino's Pizza; Pizza Hut; Chipotle; Walmart; Costco; Kroger; Walgreens; Home Depot;
Best Buy; Amazon; eBay; Etsy; IKEA; Uniqlo; Netflix; Spotify; Hulu; YouTube; TikTok; WhatsApp; Duolingo;
Airbnb; Booking.com; Vinted; Wallapop; Leboncoin; Marktplaats; Blocket; Mercado Libre; Rappi; Falabella;
Oxxo; Tuborg; Carlsberg; Heineken; Guinness; Peroni; Birra Moretti; Estrella Damm; Mahou; Super Bock;
Żywiec; Tyskie; Lapin Kulta; Coca-Cola; Pepsi; Nutella; Lego; PlayStation; Nintendo; Xbox; Samsung; Huawei;
Xiaomi; Lexmark; Nokia; Volkswagen; Peugeot; Renault; Škoda; Toyota; Tesla; Ryanair; easyJet
""")

# Destinations, regions, islands, airports, stations and landmarks that city lists miss. Written by
# hand; a curated place counts as big enough to win over a first name.
DESTINATIONS = _phrases("""
Bali; Java; Lombok; Sumatra; Borneo; Phuket; Koh Samui; Koh Phangan; Krabi; Langkawi; Boracay
Palawan; Maldives; Seychelles; Mauritius; Zanzibar; Madagascar; Tenerife; Gran Canaria; Lanzarote
Fuerteventura; La Palma; La Gomera; Mallorca; Majorca; Menorca; Minorca; Ibiza; Formentera
Canary Islands; Canaries; Balearics; Balearic Islands; Costa del Sol; Costa Brava; Costa Blanca
Costa Dorada; Algarve; Madeira; Azores; Santorini; Mykonos; Crete; Rhodes; Corfu; Kos; Zakynthos
Zante; Kefalonia; Naxos; Paros; Cyclades; Cyprus; Malta; Gozo; Sardinia; Sicily; Capri; Ischia
Corsica; Amalfi; Amalfi Coast; Positano; Cinque Terre; Lake Como; Lake Garda; Tuscany; Umbria
Provence; Côte d'Azur; French Riviera; Riviera; Normandy; Brittany; Loire; Loire Valley; Alsace
Burgundy; Bordeaux; Champagne; Dordogne; Bavaria; Black Forest; Rhine; Tyrol; Swiss Alps; Alps
Dolomites; Pyrenees; Andalusia; Andalucía; Catalonia; Catalunya; Galicia; Basque Country
Highlands; Scottish Highlands; Lake District; Cotswolds; Cornwall; Devon; Yorkshire; Snowdonia
Lapland; Fjords; Norwegian Fjords; Iceland; Greenland; Faroe Islands; Dalmatia; Istria; Dubrovnik
Split; Hvar; Montenegro; Kotor; Transylvania; Caribbean; Bahamas; Barbados; Jamaica; Aruba
Curaçao; Curacao; St Lucia; Saint Lucia; Antigua; Bermuda; Cayman Islands; Turks and Caicos
Puerto Rico; Cuba; Dominican Republic; Punta Cana; Cancún; Cancun; Riviera Maya; Tulum; Playa del Carmen
Los Cabos; Cabo; Yucatán; Yucatan; Patagonia; Galápagos; Galapagos; Machu Picchu; Cusco; Cuzco
Atacama; Iguazu; Amazon; Hawaii; Maui; Oahu; Kauai; Big Island; Honolulu; Waikiki; Florida Keys
Key West; Napa; Napa Valley; Yosemite; Grand Canyon; Yellowstone; Niagara; Niagara Falls; Banff
Whistler; Rockies; Alaska; Fiji; Tahiti; Bora Bora; Moorea; Cook Islands; Samoa; Tonga; Vanuatu
Great Barrier Reef; Gold Coast; Sunshine Coast; Whitsundays; Tasmania; Uluru; Queenstown
Milford Sound; Rotorua; Goa; Kerala; Rajasthan; Ladakh; Kashmir; Sri Lanka; Nepal; Everest
Bhutan; Ha Long Bay; Halong Bay; Hoi An; Sapa; Angkor; Angkor Wat; Siem Reap; Luang Prabang
Chiang Mai; Chiang Rai; Okinawa; Hokkaido; Kyushu; Jeju; Serengeti; Masai Mara; Maasai Mara; Kruger; Cape Winelands
Garden Route; Sahara; Petra; Wadi Rum; Dead Sea; Red Sea; Sharm el-Sheikh; Hurghada; Luxor
Aswan; Giza; Cappadocia; Antalya; Bodrum; Marmaris; Dalaman; Fethiye; Oludeniz; Dubai Marina
Palm Jumeirah; Abu Dhabi; Seminyak; Ubud; Kuta; Nusa Dua; Canggu; Uluwatu; Gili Islands
Heathrow; Gatwick; Stansted; Luton; London City; Schiphol; Charles de Gaulle; Roissy; Orly
Fiumicino; Ciampino; Malpensa; Linate; Barajas; El Prat; Tegel; Schönefeld; BER; Zaventem
Kastrup; Arlanda; Gardermoen; Vantaa; Keflavik; JFK; John F. Kennedy; LaGuardia; Newark; O'Hare
Midway; Logan; Dulles; Reagan National; Hartsfield-Jackson; LAX; SFO; Pearson; Changi; Narita
Haneda; Kansai; Incheon; Suvarnabhumi; Don Mueang; Ngurah Rai; Soekarno-Hatta; Hamad; Ben Gurion
Sabiha Gökçen; Dallas Fort Worth; DFW; Sea-Tac; Marco Polo; Leonardo da Vinci; Adolfo Suárez
Humberto Delgado; Václav Havel; Frédéric Chopin; Lech Wałęsa; Franz Josef Strauss; Willy Brandt
Konrad Adenauer; Galileo Galilei; Amerigo Vespucci; Indira Gandhi; Chhatrapati Shivaji; Jomo Kenyatta
Oliver Tambo; O. R. Tambo; King Shaka; Murtala Muhammed; Nnamdi Azikiwe; Kotoka; Simón Bolívar
Benito Juárez; Jorge Chávez; Ninoy Aquino; Pierre Elliott Trudeau; George Bush Intercontinental
Louis Armstrong; Queen Alia; King Abdulaziz; King Fahd; Rafic Hariri; Imam Khomeini; Atatürk
Gare du Nord; Gare de Lyon; Gare de l'Est; Gare Montparnasse; Gare Saint-Lazare; King's Cross
St Pancras; St. Pancras; Euston; Paddington; Waterloo; Victoria Station; Liverpool Street
Penn Station; Grand Central; Union Station; Atocha; Chamartín; Sants; Termini; Santa Maria Novella
Hauptbahnhof; Hbf; Centraal; Central Station; Madison Square Garden; Times Square; Central Park
Empire State Building; Statue of Liberty; Golden Gate; Brooklyn Bridge; Eiffel Tower; Louvre
Notre-Dame; Notre Dame; Champs-Élysées; Montmartre; Versailles; Colosseum; Vatican; Sistine Chapel
Trevi Fountain; Pantheon; Acropolis; Parthenon; Sagrada Familia; Park Güell; Alhambra; Prado
Big Ben; Buckingham Palace; Tower Bridge; London Eye; Westminster; Hyde Park; Soho; Chelsea
Kensington; Notting Hill; Camden; Shoreditch; Covent Garden; Piccadilly; Oxford Street; Brandenburg Gate
Checkpoint Charlie; Neuschwanstein; Oktoberfest; Burj Khalifa; Taj Mahal; Great Wall; Forbidden City
Mount Fuji; Fuji; Sydney Opera House; Bondi; Bondi Beach; Copacabana; Ipanema; Christ the Redeemer
Machu Picchu; Chichen Itza; Manhattan; Brooklyn; Queens; Bronx; Staten Island; Hollywood
Beverly Hills; Santa Monica; Malibu; Venice Beach; Silicon Valley; Las Vegas; Vegas; The Strip
Montparnasse; Marais; Trastevere; Plaka; Alfama; Baixa; Chiado; Gràcia; Eixample; Barceloneta
Kreuzberg; Mitte; Jordaan; Shibuya; Shinjuku; Ginza; Gangnam; Kowloon; Marina Bay; Sentosa
Venice; Venezia; Florence; Firenze; Geneva; Genève; Nice; Cannes; Monaco; Monte Carlo; Salzburg; Bruges; Brugge
Lucerne; Luzern; Interlaken; Zermatt; Innsbruck; Hallstatt; Oxford; Cambridge; Bath; York; Edinburgh; Siena; Pisa
Verona; Bologna; Sorrento; Taormina; Lake Bled; Bled; Ljubljana; Tallinn; Riga; Vilnius; Krakow; Kraków; Gdansk
Porto; Lisbon; Lisboa; Seville; Sevilla; Granada; Cordoba; Córdoba; Malaga; Málaga; Marbella; Benidorm; Alicante
Valencia; Palma; San Sebastián; Bilbao; Santiago de Compostela; Toledo; Segovia; Salamanca; Avignon; Arles
Carcassonne; Chamonix; Lourdes; Annecy; Biarritz; Strasbourg; Colmar; Heidelberg; Rothenburg; Dresden
Savannah; Charleston; Charlotte; Sedona; Aspen; Vail; Santa Fe; Napa; Carmel; Monterey; Key West; Orlando
Sydney; Adelaide; Perth; Darwin; Cairns; Hobart; Victoria; Vancouver; Quebec; Québec; Montreal; Montréal
Havana; Cartagena; Medellín; Medellin; Cusco; Lima; Quito; La Paz; Valparaíso; Mendoza; Bariloche; Ushuaia
Marrakech; Marrakesh; Fez; Essaouira; Chefchaouen; Tunis; Cairo; Alexandria; Luxor; Petra; Amman; Jerusalem
Tel Aviv; Istanbul; Antalya; Bodrum; Dubai; Abu Dhabi; Doha; Muscat; Zanzibar; Cape Town; Nairobi; Kigali
Kyoto; Osaka; Nara; Hiroshima; Seoul; Busan; Taipei; Hanoi; Hoi An; Ho Chi Minh City; Saigon; Bangkok; Chiang Mai
Siem Reap; Luang Prabang; Kathmandu; Pokhara; Jaipur; Agra; Udaipur; Varanasi; Colombo; Kandy; Male; Malé
Queenstown; Rotorua; Wellington; Auckland; Christchurch; Nadi; Papeete; Honolulu; Reykjavik; Reykjavík; Tromsø
Bergen; Stockholm; Copenhagen; Helsinki; Oslo; Dubrovnik; Split; Kotor; Santorini; Mykonos; Athens; Rhodes
Europe; Asia; Africa; North America; South America; Latin America; Central America; Oceania
Scandinavia; Balkans; Baltics; Benelux; Middle East; Far East; Southeast Asia; Mediterranean
Schengen; EU; European Union; UK; U.K.; USA; U.S.; US; UAE; Holland; Great Britain; Britain
England; Scotland; Wales; Northern Ireland; Czechia; Czech Republic; South Korea; North Korea
Russia; Türkiye; Turkey; Ivory Coast; Côte d'Ivoire; Congo; Bosnia; Herzegovina; Macedonia
""")

# Words that make an adjacent capitalised token part of a place or organisation name
# ("Hotel Maria Cristina", "Victoria Station", "Lake Victoria", "Air Canada").
PLACE_INDICATORS = frozenset(w.lower() for w in _words("""
Airport Airports Aeropuerto Aéroport Aeroporto Flughafen Lufthavn Airlines Airline Airways Air
Aviation Express Rail Railway Railways Station Gare Estación Estacion Stazione Bahnhof Hauptbahnhof
Terminal Hotel Hotels Hôtel Hostal Hostel Motel Inn Lodge Resort Resorts Suites Apartments Aparthotel
Villa Villas Casa Parador Pousada Riad Ryokan Palace Palacio Palais Palazzo Château Chateau Schloss
Castle Castillo Tower Towers Plaza Piazza Place Platz Square Mall Market Mercado Museum Museo Musée
Museu Gallery Galleria Cathedral Catedral Cathédrale Dom Duomo Basilica Church Chapel Abbey Temple
Mosque Synagogue Monastery Shrine Bridge Puente Pont Brücke Park Parque Garden Gardens Jardín Jardin
Zoo Aquarium Beach Playa Plage Praia Strand Bay Bahía Baie Island Islands Isla Islas Isle Isles Île
Lake Lago Lac See Mountain Mountains Mount Mt Monte Mont Sierra Falls Cascada Canyon Valley Valle
Vallée Coast Costa Côte Cape Cabo Cap Peninsula Harbour Harbor Port Puerto Porto Marina Pier Quay
Wharf Cruise Cruises Line Lines Ferries Ferry Tours Travel Travels Holidays Vacations Group Club
Spa Golf Casino Stadium Stadion Estadio Arena Theatre Theater Teatro Opera Hall University
Universidad Université Universität College School Academy Institute Hospital Clinic Clínica
Centre Center Centro Zentrum Bank Banco Company Co Inc Ltd LLC GmbH AG SA SL SAS BV Corp
Corporation Foundation Street Road Avenue Boulevard Lane Drive Way Calle Avenida Rue Via Straße
Strasse Rambla Paseo Promenade Embankment Quarter District Downtown Old Town Altstadt Ciudad City
Town Village Province Region County State Republic Kingdom Emirates Coast Riviera Highlands Forest
National International Regional Grand Royal Imperial Continental Central Intercontinental
San Santa Santo São Sao Saint Sainte St Ste Sankt Fort Puerto Porto Port Mount Mt Lake Cape
Show Festival Fair Expo Marathon Carnival Cup Games Concert Gala Exhibition Week Film Fest Biennale
"""))

# Indicators that are also common names or surnames ("Marina", "Park", "Hall", "Lane"): they make a
# place only when the neighbouring token is not a first name ("Hyde Park" vs "Anna Park").
WEAK_PLACE_INDICATORS = frozenset(w.lower() for w in _words("""
Marina Park Hall Lane Hill Church Bridge Forest Field Wood Woods Villa Casa Victoria Regina Ciudad
Mount Grand Royal Central Lake Bay Dom See Line Way Place Air Express Inn Co Sa As Club Group
Hospital Drive Road Street Avenue Gardens Garden Tower Towers Temple Court Green Express
"""))
