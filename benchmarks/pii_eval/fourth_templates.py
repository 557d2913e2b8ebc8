"""Chat messages of the fourth generated set, written by hand for this set: long, rambling, several turns.

Slots: {P} full name, {F} given name, {f} given name in lower case, {N} nickname, {X} a given name with a
case ending, {A} street address, {T} phone, {S} phone read out in words, {E} e-mail, {U} username,
{D} date of birth, {I} IBAN, {B} booking reference, {IP} IP address, {URL} a link; a digit after the slot
names a second value of the kind ({F2}). [[...]] marks a public figure (labelled neutral). Every other
capitalised word is a keep string: places, brands, shops, films, bands, teams, holidays, languages, jobs.
"""

from __future__ import annotations

TEMPLATES = {
    "en": [
        "so then {F}'s brother {F2} drove us all the way to Pondicherry in his Maruti, which btw has no AC, and halfway there {f} goes 'is this even the right road' lol. anyway if u want the pics ping him on {T}",
        "ok long story. Diwali party was at {P}'s place, the blue house at {A}, and the neighbour uncle complained twice. next year we're doing it at the Marriott I swear",
        "Agent: Good evening, thank you for calling Globe, this is {F}. Customer: hi yes my line's been dead since Tuesday, the number is {T}. Agent: I'm sorry about that ma'am, can I confirm the billing address? Customer: {A}",
        "hey it's {N}!! new number, old one died in the Grab car lol. save this: {T}. also tell {f} I still have her Uniqlo jacket",
        "my landlord {P} finally replied after three weeks. he says the leak at {A} is 'not urgent'. the Ikea bucket says otherwise",
        "Reminder for the Hari Raya potluck: bring your own containers, {F} is doing rendang, {F2} the kueh. Address is {A}, lift lobby B. Call {T} if the guard doesn't let you in",
        "ugh just spent forty minutes on hold with Vodafone. the guy, {F} I think, kept reading back my number wrong. it's {S}, not whatever he typed",
        "Lola {F} turns 80 on Sunday!! we're meeting at Jollibee first then going to her house, {A}. Tito {F2} has the cake. text me at {T} if you're lost",
        "Thanks for your patience. Your case was assigned to {P} in our Manila office. For follow-ups please quote {B} or email {E}",
        "did u see the Arsenal match?? {f} and me watched it at the Crown and Anchor, he owes me a tenner now. anyway his flat is {A} if you're dropping off the Xbox",
        "honestly Christmas at my aunt's was chaos. {N} broke the Wedgwood, {F} cried, and then {P} from next door came round asking about the parking. his mobile is {T} btw if you still want that Netflix password sorted",
        "For the kirtan on Saturday: {P} is hosting at {A}. Parking is behind the Reliance Fresh. Contact {T} for directions",
        "quick one - courier needs the delivery address again. it's {A}. recipient {P}, phone {T}. thanks Shopee",
        "haha {F} you absolute legend, the Toyota survived. tell {X} mum the dent was already there",
        "Hi, I'm writing on behalf of my father {P} (DOB {D}). The pension office on Victoria Road said I need to email {E}. His contact number is {T}",
        "met this guy {f} at the Coldplay concert, turns out he's {F2}'s cousin from Cebu. small world. he's on insta as {U}",
        "Me: is the room still available? Landlady: yes dear, come see it Saturday, {A}. Me: great, my name is {P}. Landlady: my number is {T}, ring the bell twice",
        "{X} mum said to bring the Tupperware back to {A} and not to the church. also {N} wants his Spotify login back",
        "Customer: I was charged twice for order {B}. Agent {F}: I see that, refund goes to IBAN {I}? Customer: yes. Agent: done, ref sent to {E}",
        "our server at {IP} got hit again. {P} from the NOC says its the same botnet as Easter. his page is {URL}",
        "note to self: pick up {F}'s specs from Specsavers, then drop the form at {A}, ring {T} before 5",
        "{F3} says the Leaving Cert results party is at {A}, his cousin {F} is bringing the Guinness. don't tell {f2}",
        "the plumber {P} never showed. rang him on {T} three times. Bunnings closes at 9 so I'm fixing it myself",
    ],
    "de": [
        "also Freitag war chaotisch: {F} hat beim Fuerbrennen in Wiltz den Autoschlüssel verloren, {N} musste ihn abholen. Falls du ihn erreichen willst, {T}",
        "Kunde: Guten Tag, mein Paket von Zalando kam nie an. Mitarbeiterin {F}: Wie lautet die Adresse? Kunde: {A}. Mitarbeiterin: und eine Rückrufnummer? Kunde: {T}",
        "Hey, zieh um! Ab März wohnen {F} und ich in der {A}. Die Katze vom {P} nehmen wir mit. Handy bleibt {T}",
        "Servus, der {N2} hat gesagt, {X} Schwester {P} verkauft ihr Puch-Moped. Sie wohnt in der {A}, ruf halt an: {T}",
        "hab gestern den {f} beim Spar getroffen, der arbeitet jetzt als Lokführer bei der ÖBB. Seine Mail ist {E}, falls du wegen Silvester fragen willst",
        "Liebe Grüße aus Vaduz! {P} und ich waren beim Staatsfeiertag, das Feuerwerk war super. Ihr findet uns jetzt in der {A}",
        "Bitte überweise die Miete ab Juni auf {I}, Kontoinhaber {P}. Bei Fragen {T}, nicht die alte Nummer",
    ],
    "fr": [
        "bon alors samedi à la Schueberfouer, {F} a perdu son portable et {N} a passé une heure au stand des objets trouvés. si tu le cherches, il est chez sa mère, {A}",
        "Client : bonjour, ma box Orange ne marche plus depuis lundi. Conseiller {F} : votre numéro ? Client : {T}. Conseiller : et l'adresse d'installation ? Client : {A}",
        "coucou c'est {N} ! on fait la galette des rois chez {P} dimanche, {A}, sonne au deuxième. mon nouveau numéro : {T}",
        "franchement le déménagement de {f} c'était l'enfer, trois étages sans ascenseur à Esch. il habite {A} maintenant, écris-lui à {E}",
        "Mon voisin {P} (né le {D}) a besoin d'aide avec la CAF. Son fixe : {T}",
    ],
    "es": [
        "weón, el sábado el {N} se quedó dormido en la micro y terminó en Puente Alto jaja. su mamá, la señora {P}, vive en {A} por si acaso. el cel del {F} es {T}",
        "Cliente: hola, mi pedido de Falabella no ha llegado. Asesora {F}: ¿me confirma la dirección? Cliente: {A}. Asesora: ¿y un teléfono? Cliente: {T}",
        "parce, ¿te acordás de {f}? el que trabajaba en Bancolombia. pues se casó con {P} y viven en {A}. me pasó su número: {T}",
        "oye {F}, la pollada del domingo es en casa de {P}, {A}. lleva Inca Kola. cualquier cosa al {T}",
        "Para la once del 18 de septiembre vamos donde la {F}, {A}. El {F2} trae empanadas del Líder. Confirmen a {E}",
        "mi prima {P} nació el {D} y dice que nadie se acuerda. su Instagram es {U}, salúdenla",
    ],
    "it": [
        "allora ieri da {P} a Ferragosto è successo di tutto: {N} è caduto in piscina col telefono, {f} ha bruciato la carne. se volete venire domenica, {A}, citofono {F}",
        "Cliente: buongiorno, la fibra TIM non va da venerdì. Operatore {F}: numero della linea? Cliente: {T}. Operatore: indirizzo? Cliente: {A}",
        "ciao sono {F}, ho cambiato numero: {T}. dillo anche a {F2} che è sempre in giro con l'Ape",
    ],
    "nl": [
        "dus {F} komt zaterdag met de bakfiets naar Koningsdag, {N} neemt de oranje tompouces mee. we zitten bij {P} thuis, {A}",
        "Klant: goedemiddag, mijn Bol.com pakket is kwijt. Medewerker {F}: welk adres? Klant: {A}. Medewerker: en uw nummer? Klant: {T}",
        "heb {f} gisteren bij de Albert Heijn gezien, hij is nu conducteur bij de NS. mail hem op {E}",
    ],
    "pt": [
        "então o {N} apareceu na festa do {F} com um kizomba do [[Anselmo Ralph]] a tocar alto, a vizinha dona {P} ligou logo. ela mora na {A}, o número dela é {T}",
        "Cliente: boa tarde, a minha encomenda da Worten não chegou. Assistente {F}: qual a morada? Cliente: {A}. Assistente: contacto? Cliente: {T}",
        "olha, o {f} mudou-se para {A} depois do Carnaval. o telemóvel dele é {T}, liga-lhe que ele tem as chaves do Toyota",
    ],
    "pl": [
        "no więc u {X} na imieninach było wesoło, {N} przyszedł z Żubrem, a pani {P} z dołu wezwała straż miejską. ona mieszka {A}, tel. {T}",
        "Klient: dzień dobry, paczka z Allegro nie doszła. Konsultantka {F}: adres? Klient: {A}. Konsultantka: numer kontaktowy? Klient: {T}",
        "słuchaj, {f} się przeprowadził na {A} po Wielkanocy, pisz mu na {E}",
    ],
    "sv": [
        "alltså {N} körde oss till midsommarfirandet i Dalarna i sin gamla Volvo, och {F} somnade i baksätet. {P} bor på {A} nu, tredje våningen. ring {T}",
        "Kund: hej, mitt paket från Apotea har inte kommit. Handläggare {F}: adressen? Kund: {A}. Handläggare: telefon? Kund: {T}",
    ],
    "nb": [
        "så {N} tok med seg {F} på 17. mai-toget i Bergen, og {P} hadde glemt bunaden. hun bor i {A}, ring henne på {T}",
        "Kunde: hei, pakken fra Komplett kom aldri. Rådgiver {F}: adresse? Kunde: {A}. Rådgiver: telefon? Kunde: {T}",
    ],
    "da": [
        "nå men {N} kom til julefrokosten med en kasse Tuborg og {F} sang [[Kim Larsen]] hele natten. {P} bor på {A}, hans nummer er {T}",
        "Kunde: hej, min pakke fra Elgiganten er væk. Medarbejder {F}: adresse? Kunde: {A}. Medarbejder: nummer? Kunde: {T}",
    ],
    "fi": [
        "no niin, juhannuksena {N} unohti avaimet mökille ja {X} piti ajaa Kuopiosta asti. {P} asuu nyt osoitteessa {A}, soita {T}",
        "Asiakas: hei, Verkkokauppa.com paketti ei tullut. Asiakaspalvelija {F}: osoite? Asiakas: {A}. Asiakaspalvelija: puhelin? Asiakas: {T}",
    ],
    "et": [
        "noh, jaanipäeval {N} unustas grilli Saaremaale ja {F} pidi {X} tagasi sõitma. {P} elab nüüd {A}, helista {T}",
        "Klient: tere, mu Kaup24 pakk ei jõudnud kohale. Teenindaja {F}: aadress? Klient: {A}. Teenindaja: telefon? Klient: {T}",
    ],
}

NEGATIVES = {
    "en": [
        "Watched Parasite again last night, then argued about whether [[Bong Joon-ho]] or [[Christopher Nolan]] is better. Anyway Manchester United lost, Ikea was closed and the Tesco on the corner ran out of oat milk",
        "Thanksgiving plans: Friendsgiving at the Hilton, then the Cowboys game. My Portuguese teacher says Lisbon is nicer in April",
        "the Beatles vs the Rolling Stones debate again at the Red Lion pub. [[Paul McCartney]] fans were outnumbered. Guinness was flat",
        "Deepavali sale at Mustafa Centre, the Samsung Galaxy was cheaper than at Courts. Singaporean prices are mad, Malaysian ones better",
        "My manager wants a Senior Data Engineer with Databricks and Azure. The recruiter from Hays keeps calling it a Principal role",
        "Binge-watched Stranger Things and Squid Game, then the Eras Tour film. [[Taylor Swift]] really did that. Marvel is dead",
        "Jollibee vs McDonald's, the eternal Filipino debate. Chickenjoy wins, Spaghetti second, Sundae third",
    ],
    "de": ["Am Nationalfeiertag waren wir in Luxemburg-Stadt, dann bei Cactus einkaufen. Der FC Bayern hat verloren, [[Thomas Müller]] war nicht mal dabei",
           "Die Schweizer Bahn ist pünktlicher als die Deutsche Bahn, sagt mein Kollege, Oberarzt im Kantonsspital"],
    "fr": ["On a revu Amélie Poulain, puis direction Carrefour. Le PSG a gagné, [[Kylian Mbappé]] a marqué deux fois. Vive le Nouvel An chinois",
           "La Fête nationale luxembourgeoise, c'est le 23 juin. Les Luxembourgeois parlent français, allemand et luxembourgeois"],
    "es": ["Vimos Roma de Cuarón en Netflix y después fuimos al Jumbo. Colo-Colo ganó el clásico, la U perdió. Feliz Fiestas Patrias",
           "El Día de los Muertos en Lima no es igual que en México. Mi jefa, Gerente de Ventas en Movistar, habla quechua"],
    "it": ["Abbiamo visto La Grande Bellezza e poi siamo andati all'Esselunga. La Juventus ha perso, [[Sophia Loren]] era in tv per Pasqua"],
    "nl": ["Koningsdag in Utrecht, daarna naar de Hema. Ajax verloor van Feyenoord, de Nederlanders waren woedend"],
    "pt": ["Vimos Cidade de Deus e depois fomos ao Continente. O Benfica ganhou, o Petro de Luanda também. Feliz Natal a todos os angolanos"],
    "pl": ["Na Wigilię oglądaliśmy Kevina samego w domu, potem Biedronka. Legia Warszawa przegrała, [[Robert Lewandowski]] strzelił dwa"],
    "sv": ["Vi såg Babettes gästabud på SVT och handlade på Ica. AIK förlorade, Luciafirandet var fint"],
    "nb": ["Vi så Max Manus på NRK og handlet på Rema 1000. Rosenborg tapte igjen, julebordet var bra"],
    "da": ["Vi så Jagten i Cinemaxx og købte ind i Netto. Brøndby tabte, fastelavn var sjovt"],
    "fi": ["Katsoimme Tuntemattoman sotilaan ja kävimme Prismassa. HIFK hävisi, vappu oli hauska"],
    "et": ["Vaatasime Klassi ja käisime Rimis. Flora kaotas, jõulud olid toredad"],
}
