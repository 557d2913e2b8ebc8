"""The curated word lists of the PII scrubber, written by hand (the generated gazetteers are the
``resources/*.txt`` files, see ``tunehouse.pii.build_resources``).

Words that are first names *and* common words ("Will", "Grace"), names from many cultures that the
generated lists miss, titles, function words, the common words of English, Spanish, French and German
that start sentences, place words (airlines, hotel chains, destinations, airports, landmarks) and
place-indicator words ("Hotel", "Airport", "Street"). ``tunehouse.pii.lexicon`` folds them into its
token -> flags table.
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
AMBIGUOUS_FIRST_NAMES = frozenset(w.lower() for w in _words("""
Will Mark May June April August Bill Grace Hope Faith Joy Rose Lily Iris Ruby Amber Crystal Dawn
Summer Autumn Winter Spring Sunny Guy Jack Frank Rich Bob Pat Sue Don Ken Max Art Chance Chase Miles
Sterling Penny Destiny Harmony Trinity Angel Christian Noble Royal King Prince Queen Major Page Sage
Reed Wade Dale Glen Cliff Brook River Forest Sky Star Nova Sol Hunter Price Bell Ray Ed Al Jean
Pearl Ivy Holly Heather Daisy Violet Jasmine Hazel Olive Poppy Honey Candy Cherry Ginger Coral Jade
Opal Ebony Ivory Melody Serenity Journey Justice Liberty Unique Precious Blessing Comfort Patience
Prudence Charity Mercy Earnest Young Rusty Buddy Bud Dusty Sandy Misty Stormy Rain Storm Ocean Cloud
Happy Lucky Rocky Duke Earl Baron Lord Bishop Deacon Judge General Colonel Marshal Admiral Captain
Cash Banks Golden Diamond Gem Silver Gold Brandy Sherry Tiffany Mercedes Porsche China India Asia
Africa America Else Case Line Unknown True Reason Skip Valid Server Constant Add Can An Math Nan Len
Alpha Beta Delta Theta Zeta Echo Trace Meta Unique Long Less Job Doc Link Floor Branch Edit Red Green
Gray Grey Brown White Black Little Early Carry Roll Lane Grant Worth Ridge Fairy Fancy Orange Pink
Love Toy Press Tone Jet Harm Mate Beat Lance Park Stone Kick Rod Lean Sad Brain Mad Doctor Baby Hill
Rock Walker Dash Sunday Monday Friday Tuesday Noel Noël Blanche Claire Fleur Soleil Ange Céleste
Modeste Prosper Constance Consuelo Soledad Amparo Esperanza Milagros Dolores Rocío Luz Paz Cruz Mar
Nieves Reyes Domingo Jesús Jesus Gloria Fe Caridad Amor Pastora Remedios Ernst Kai Ever Ember Haven
Echo Honor Story Legend Saint Royalty Kingdom Marvel Karma Lyric Rhythm Poet Psalm Genesis Zion
Heaven Blue Lemon Apple Peach Plum Bean Bear Wolf Fox Hawk Robin Wren Lark Jay Dove Finch Swan
Cobra Tiger Lion Major Minor Sonny Buck Chip Dick Butch Cookie Dusty Kitty Pinky Rusty Sandy Shady
Speedy Sunshine Angel Bliss Cheer Merry Jolly Sincere Gift Goodness Godswill Godwin Treasure Favour
Favor Wisdom Peace Lovely Success Innocent Loveth Marvellous Promise Divine Emmanuel Testimony
Happiness Fortune Bright Memory Mighty Lucky Clever Smart Chosen Delight Comfort Glory Praise
Precious Gladys Purity Charm Honest Welcome Given Moses Matters
Said Man Lot Governor Roman Van Gun Wing Victory Junior Wood Mile Lies Drew Marine Fleet Princess Ass Bird
Desire Ford Ward Hung Tea Clay Boss Odd Gang Mac Forum Sole Ties Gauge Sierra Liga Raid Peer Pleasant Joke
Harsh Loyal Kit Dock Ace Tan Neo Wash Tore Miracle Rex Ion Cal Lone Berry Bee Doll Essence Rim Atlas Cord
Bra Laurel Mare Herb Nail Bald Ninja Emerald Pal Mir Watt Ants Mans Maj Greet Steward Ping Yen Tad Nanny
Ville Magna Gee Fern Lavender Roe Corona Alfa Burr Dow Rune Cadence Grover Rosy Gust Uno Ether Tri Saga
Unnamed Mats Ale Ole Christ Muslim Islam Nazi French German Council Canal Loan Rush Hunt Danish Fifa Marry
Bent Mills Elder Jail Horn Raf Dakota Martial Philippine Georgian Pastor Marsh Hardy Darling Graves Belle
Heath Raven Valentine Indie Pier Mentor Velvet Mist Shepherd Babe Venus Scarlet Willow Wage Roar Knox
Grove Lady Dean Hall Abbey Urban Baptist Trent Mint Sage Basil Rosemary Saffron Cinnamon Clove Sorrel
"""))

# First names missing from, or under-represented in, the generated list (many cultures).
EXTRA_FIRST_NAMES = _words("""
Aoife Siobhan Siobhán Niamh Saoirse Ciara Caoimhe Oisín Oisin Cian Eoin Darragh Padraig Pádraig
Sinéad Sinead Róisín Roisin Aisling Orla Clodagh Fionn Ronan Declan Cathal Eimear Grainne Gráinne
Oluwaseun Seun Chidi Chinedu Ngozi Adaeze Kwame Kofi Ama Abena Yaw Akua Emeka Tunde Folake
Funmilayo Babajide Olamide Temitope Chiamaka Obinna Ifeoma Nnamdi Uche Yemi Bola Ade Femi Tolu
Tobi Kemi Bisi Dayo Segun Kehinde Taiwo Chukwuemeka Chioma Amaka Nneka Adaora Obi Ike Zainab
Wanjiru Njeri Otieno Achieng Baraka Amani Zawadi Juma Wanjiku Kamau Akinyi Thandiwe Sipho Thabo
Lerato Nomvula Bongani Zanele Themba Lindiwe Mandla Naledi Kagiso Tendai Farai Chipo Tatenda
Mohammed Muhammad Mohamed Mohammad Ahmed Ahmad Mahmoud Mustafa Omar Khalid Yousef Youssef Yusuf Ali
Hassan Hussein Husain Fatima Fatma Aisha Ayesha Layla Leila Laila Mariam Maryam Noor Nour Zainab
Yasmin Yasmine Rania Huda Samir Tariq Karim Kareem Rashid Hamza Bilal Ibrahim Ismail Abdullah
Abdul Faisal Salma Amira Hiba Dalia Rana Reem Lina Hana Hanan Jamal Nabil Walid Waleed Ziad Rami
Sami Nadia Samira Salim Saleh Anwar Idris Imran Irfan Usman Sana Fahad Zara Zahra Mehdi Reza
Dariush Parisa Shirin Farah Arash Babak Navid Mehmet Ayşe Ayse Emre Elif Burak Zeynep Cem Deniz
Ahmet Hüseyin Murat Selin Ece Tolga Serkan Aarav Diya Priya Rahul Rohan Arjun Ananya Aditya Vikram
Sanjay Rajesh Sunita Anil Deepak Pooja Neha Amit Sneha Kavya Ishaan Vivek Lakshmi Ravi Suresh
Ramesh Ganesh Meera Nisha Sachin Harpreet Gurpreet Manpreet Jaspreet Simran Arvind Kiran Anjali
Divya Shreya Aishwarya Karthik Venkat Srinivas Prakash Manoj Vijay Ajay Rakesh Mahesh Dinesh
Sunil Ashok Naveen Nikhil Varun Arun Tarun Sandeep Pradeep Rajiv Raj Shanti Gita Geeta Radha
Wei Li Na Hao Jing Xin Yan Ming Lei Jun Hui Fang Ying Xiaoming Xiaoli Jie Tao Bo Qiang Yong Ling
Mei Lan Hua Ping Chen Zhen Yi Xiu Yun Jian Feng Hong Qing Xiao Jia Lin Hiroshi Takashi Yuki Yuko
Haruto Sakura Aiko Kenji Akira Satoshi Naoko Keiko Kaito Ren Sota Hina Yui Haruka Takumi Daiki
Shota Riku Yuto Misaki Ayumi Emi Kazuki Kenta Koji Makoto Masato Noriko Tomoko Yoko Yumi
Min-jun Minjun Ji-woo Jiwoo Seo-yeon Seoyeon Ji-hoon Jihoon Hye-jin Soo-min Jin Hyun Jae Sung
Minh Linh Anh Huong Thao Trang Tuan Duc Hoa Lan Mai Nam Phuong Quang Thanh Hung Dung Khanh Ngoc
Svetlana Olga Natalia Natalya Dmitri Dmitry Sergei Sergey Vladimir Ivan Igor Yuri Oksana Tatiana
Tatyana Katarzyna Agnieszka Małgorzata Malgorzata Piotr Tomasz Krzysztof Wojciech Jakub Mateusz
Michał Michal Łukasz Lukasz Zofia Aleksandra Magdalena Anastasia Ekaterina Yekaterina Alexei
Alexey Nikolai Nikolay Mikhail Andrei Andrey Pavel Elena Irina Ksenia Daria Darya Yulia Polina
Björn Bjorn Ingrid Gunnar Sven Lars Astrid Freya Sigrid Magnus Nils Erik Anders Henrik Liv Maja
Giorgos Dimitris Eleni Nikos Konstantinos Yannis Giannis Katerina Vasilis Panagiotis Christos
Zoë Zoe Chloé Mateo Matteo Giulia Chiara Francesca Alessandro Lorenzo Giuseppe Luca Federica
Thiago Tiago João Joao Gonçalo Beatriz Inês Ines Leonor Lucía Lucia Javier Alejandro Álvaro
Jürgen Juergen Jörg Joerg Björn Sören Soeren Günter Günther Käthe Hannelore Uwe Dieter Helmut
Kwabena Kojo Kwesi Efua Esi Adwoa Yaa Afua Nana Kobina Kwaku Akosua
""")

EXTRA_LAST_NAMES = _words("""
Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie
Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Oh Seo Kwon Hwang Ahn Song Hong
Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki
Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa
Sharma Patel Singh Kumar Gupta Reddy Iyer Nair Rao Das Bose Mehta Shah Joshi Desai Chopra Kapoor
Malhotra Agarwal Aggarwal Banerjee Chatterjee Mukherjee Pillai Menon Verma Mishra Pandey Yadav
Khan Ahmed Hussain Qureshi Siddiqui Chaudhry Chaudhary Raghunathan Krishnan Subramanian Venkatesh
Bhatt Trivedi Saxena Srivastava Tiwari Dubey Naidu Gill Sandhu Dhillon Grewal Sidhu Bajwa Malik
Okafor Okonkwo Adeyemi Adebayo Eze Nwosu Mensah Owusu Boateng Asante Kamau Otieno Mwangi Ndlovu
Dlamini Nkosi Khumalo Abebe Tesfaye Diallo Traoré Traore Keita Camara Okoro Obi Adeleke Ogunleye
Oyelaran Balogun Bello Danjuma Ibe Nwankwo Onyeka Achebe Afolabi Akande Oduya Kariuki Njoroge
Al-Sayed Al-Rashid Al-Hassan Al-Amin Haddad Khoury Mansour Nasser Saleh Abdullah Hassan Hussein
Ibrahim Mahmoud Farouk Aziz Hamdan Kareem Rahman Rahim Sayed Said Youssef Karimi Hosseini Ahmadi
Rezaei Moradi Yılmaz Yilmaz Kaya Demir Şahin Sahin Çelik Celik Yıldız Yildiz Öztürk Ozturk Aydın
Aydin Arslan Doğan Dogan Kılıç Kilic Murphy Kelly O'Sullivan Walsh O'Brien Byrne Ryan O'Connor
O'Neill Doyle McCarthy Gallagher Kennedy Lynch Quinn Fitzgerald Brennan Nolan Flanagan Kavanagh
Kowalski Nowak Wiśniewski Wisniewski Wójcik Wojcik Kowalczyk Kamiński Kaminski Lewandowski
Zieliński Zielinski Szymański Szymanski Woźniak Wozniak Dąbrowski Dabrowski Kozłowski Mazur
Ivanov Petrov Smirnov Volkov Sokolov Popov Petrova Ivanova Kuznetsov Kuznetsova Novikov Morozov
Pavlov Fedorov Orlov Sidorov Smirnova Volkova Popova Sokolova Morozova Novikova
Papadopoulos Georgiou Nikolaidis Papadakis Pappas Konstantinidis Dimitriou Christodoulou
Cohen Levi Levy Goldberg Friedman Katz Rosenberg Shapiro Rosen Klein Schwartz Weiss Adler Stein
Esposito Rossi Russo Ferrari Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costa
Giordano Mancini Rizzo Lombardi Moretti Fernández García González Rodríguez López Martínez
Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Álvarez Muñoz Romero Navarro Torres
Domínguez Vázquez Ramírez Ramirez Castillo Ortega Delgado Morales Ortiz Silva Santos Oliveira
Souza Pereira Lima Carvalho Almeida Ferreira Ribeiro Rodrigues Gomes Martins Araújo Barbosa
Müller Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch
Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange
Dubois Durand Lefebvre Lefèvre Leroy Moreau Laurent Simon Michel Bernard Thomas Petit Richard
Robert Lambert Bonnet Fontaine Rousseau Vincent Mercier Blanc Guerin Boyer Garnier Chevalier
Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Hansen
Jensen Nielsen Pedersen Larsen Sørensen Rasmussen Jørgensen Johansen Olsen Berg Haugen Lund
Jansen De Jong Bakker Visser Smit Meijer Mulder Bos Vos Dekker Van Dijk Van der Berg
""")

# Capitalised tokens that are never names (they appear in the generated name lists by accident
# or are too generic). Compared lower-case.
NOT_NAMES = frozenset(w.lower() for w in _words("""
Unknown Baby Boy Girl Infant Male Female Mr Mrs Ms Miss Dr Sir Madam Jr Sr Ii Iii Iv Md Phd Esq
Hotel Airport Airlines Airways Team Support Customer Service Agent Manager Desk Booking Flight
"""))

# Function words and frequent sentence starters: never a first name, even where a generated list has
# them ("The", "Can", "Else" occur as given names somewhere). Curated ambiguous names are kept.
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

# Honorifics and titles: a strong cue that the next capitalised tokens are a name.
TITLES = _words("""
mr mrs ms miss mx mister dr doctor prof professor sir dame lady lord madam madame monsieur mme mlle
mademoiselle m sr sra srta señor senor señora senora señorita senorita don doña dona herr frau
fräulein frl sig sig.ra signor signora signorina dott capt captain rev father sister brother
""")

# ------------------------------------------------------------------------------ common words

# Function words and frequent sentence starters of en/es/fr/de plus the vocabulary of a travel
# business. A capitalised token found here is not a name (unless it is also a known surname right
# after a first name, e.g. "Michael Brown").
COMMON_WORDS_CURATED = frozenset(w.lower() for w in _words("""
a an the and or but if so not no yes ok okay sure yeah yep nope hi hello hey hiya dear thanks thank
thx ty cheers regards best kind warm sincerely yours please sorry apologies congrats congratulations
welcome goodbye bye good morning afternoon evening night day today tonight tomorrow yesterday week
weekend month year i me my mine we us our ours you your yours he him his she her hers it its they
them their theirs this that these those there here what when where why how which who whom whose
whatever whenever wherever however also just only even still already again actually unfortunately
fortunately hopefully obviously basically anyway besides meanwhile otherwise then than now soon
later once twice maybe perhaps probably definitely certainly absolutely really very quite too much
many more most less least few several some any all both each every either neither none nothing
something anything everything someone anyone everyone somebody anybody everybody nobody other
another such same own can could will would shall should may might must do does did done doing have
has had having be is are was were been being am get got go going went come came make made let take
took give gave need needs want wants like love know think see look looking check checking call
called calling email emailed text send sent sending book booked booking booking cancel cancelled
canceled cancellation change changed changing confirm confirmed confirmation refund refunded pay
paid payment charge charged help helped understand note noted attached attachment kindly quick
great perfect awesome amazing fine wonderful excellent lovely nice cool fantastic brilliant super
first second third last next previous new old other
for from to in on at by with of about as after before during since until till upon into onto over
under between through via per without within against among toward towards across around near
flight flights hotel hotels airport airports airline airlines airways ticket tickets seat seats
gate gates terminal terminals room rooms suite suites bag bags baggage luggage passport passports
visa visas reservation reservations booking bookings order orders invoice invoices receipt
voucher vouchers transfer transfers shuttle taxi car rental train trains bus buses ferry cruise
cruises tour tours trip trips travel travels traveller travellers traveler travelers passenger
passengers guest guests customer customers client clients agent agents support service services
team manager desk reception concierge staff crew pilot captain host driver guide operator company
business economy premium class first upgrade downgrade lounge breakfast dinner lunch meal meals
package packages deal deals offer offers sale discount price prices fare fares fee fees tax taxes
total amount balance deposit credit debit card cards account accounts number numbers reference
code codes status update updates issue issues problem problems question questions answer request
requests complaint complaints feedback review reviews policy policies terms conditions insurance
claim claims delay delayed delays arrival arrivals departure departures check checkin checkout
itinerary schedule boarding pass passes holiday holidays vacation vacations weekend break stay
night nights week weeks day days hour hours minute minutes
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
january february march april may june july august september october november december jan feb mar
apr jun jul aug sep sept oct nov dec christmas easter xmas new years eve halloween thanksgiving
spring summer autumn fall winter north south east west northern southern eastern western central
upper lower greater grand old new little big great royal national international domestic global
local city town village beach island islands coast mountain mountains lake river sea ocean bay
street road avenue lane square park station harbour harbor port centre center downtown
everyone all folks guys team sir madam ma'am customer friend friends everybody there
i'm i've i'll i'd it's that's there's here's what's let's we're we've we'll you're you've you'll they're
don't doesn't didn't can't cannot won't wouldn't shouldn't couldn't isn't aren't wasn't weren't haven't
hasn't hadn't
el la los las un una unos unas y o pero si no sí hola buenos buenas días tardes noches gracias
muchas saludos un saludo atentamente por favor de del al en con sin para por sobre entre hasta
desde yo tú usted él ella nosotros vosotros ellos ellas mi mis tu tus su sus nuestro nuestra
este esta estos estas ese esa eso aquí allí qué cuándo dónde cómo quién cuál también ya todavía
vuelo vuelos hotel reserva reservas billete billetes maleta equipaje aeropuerto habitación
le la les un une des et ou mais si non oui bonjour bonsoir salut merci beaucoup cordialement
madame monsieur de du au aux en avec sans pour par sur sous entre chez je tu il elle nous vous
ils elles mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces ici
là quoi quand où comment qui quel quelle aussi déjà encore vol vols hôtel réservation billet
bagage bagages aéroport chambre voyage
der die das ein eine einer eines einem einen und oder aber wenn nein ja hallo guten tag morgen
abend danke vielen dank bitte gruß grüße grüßen freundlichen mit ohne für von zu zum zur bei im
am an auf aus nach über unter zwischen ich du er sie es wir ihr mein meine dein deine sein seine
unser unsere euer eure ihre dies diese dieser dieses hier dort was wann wo wie wer welche auch
schon noch flug flüge hotel buchung reservierung ticket koffer gepäck flughafen zimmer reise
herr frau sehr geehrte geehrter liebe lieber
januar jänner februar märz april mai juni juli august september oktober november dezember montag dienstag
mittwoch donnerstag freitag samstag sonntag janvier février mars avril mai juin juillet août septembre octobre
novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche enero febrero marzo abril mayo junio julio
agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo gennaio
febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro januari februari maart mei juni juli
augustus oktober
leider bitte danke gerne natürlich genau also jetzt heute gestern vielleicht außerdem trotzdem allerdings
selbstverständlich sicher klar prima toll entschuldigung tschüss okay alles gut schade wunderbar perfekt
malheureusement bien merci oui non cependant désolé désolée parfait génial également aussi alors ensuite
voilà bon bonne excellent salut d'accord certainement évidemment lamentablemente desafortunadamente claro
perfecto vale bueno buena entonces también además disculpe disculpa perdón siento genial estupendo listo
hecho saludos adiós purtroppo grazie ciao allora perfetto certo obrigado obrigada olá infelizmente
"""))

# ------------------------------------------------------------------------------------ places

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

# Destinations, regions, islands, airports, stations and landmarks that city lists miss.
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
