"""Non-English templates of the seventh generated set (written for it; slots as in ``seventh_templates_en``):
Spanish (Argentina, Colombia), French (France, Senegal, Morocco), German, Italian, Portuguese (Portugal),
Polish, Dutch (Flanders), Swedish and Indonesian helpdesk and operations transcripts.
"""

from __future__ import annotations

TEMPLATES_INTL: dict[str, tuple[str, ...]] = {
    "es": (
        "[{T}] {F}: hola, el técnico de la fibra no vino hoy\n[{T}] Agente {F2}: uh, perdón {F}. ¿Te sirve el "
        "{D}? ¿La dirección sigue siendo {AD}?\n[{T}] {F}: sí, timbre 4B. Mi cel {PH}",
        "Reclamo {REF}: {P} dice que el lavarropas llegó roto. Retiro coordinado en {ADB}. Contacto {PH}.",
        "{f}: che, me bloquearon la cuenta, mi usuario es {U}\nsoporte {f2}: ya lo veo, te mando el código al "
        "{PH}, ¿dale?",
        "Nota interna ({F2}): la señora {S} llamó tres veces por la portabilidad del {PH}. Titular {P}, {IDL} "
        "{ID}. Pasar a {F3}.",
        "Siniestro {REF}: choque en {C}. Asegurado {P} (nac. {DOB}); tercero {P2}, tel. {PH2}, domicilio {AD}.",
        "Hola {F}, te habla {F2} de la farmacia. Ya tenemos el remedio de tu mamá, {P3}. ¿Te lo mandamos a {AD}?",
        "Alta de empleado: {P}\nFecha de nacimiento: {DOB}\nFecha de ingreso: {D}\nDomicilio: {ADB}\nMail personal: {EM}\nCBU/IBAN: {IB}",
        "Objeto perdido: {P} se olvidó la mochila en el auto de {F2}. Se la dejan en {AD}. Avisar al {PH}.",
        "{F2}: ¿quién atiende a {F} {S}? quiere hablar con un supervisor\n{F3}: yo, pasámela\n{F2}: gracias "
        "{f3}!!",
        "Lectura de medidor enviada por {P}: 20811 kWh. Dirección del suministro: {AD}. Tel. {PH}.",
        "Colegio: Estimada familia {S}, {F2} tiene la autorización pendiente para la salida del {D}. Secretaría "
        "{PH}.",
        "Devolución {REF}: reintegro a la tarjeta {CC} del cliente {P}. Autorizó {F2}.",
        "Turno médico confirmado: {P}, {D} a las {T} con la Dra. {S2}. Cancelaciones al {PH}.",
        "Pedido {REF}: el repartidor {F2} no encuentra {AD}. Cliente {F} no atiende el {PH}.",
    ),
    "fr": (
        "[{T}] {F} : bonjour, le livreur devait passer ce matin pour le frigo\n[{T}] Conseiller {F2} : désolé "
        "{F}, je reprogramme pour le {D}. Toujours au {AD} ?\n[{T}] {F} : oui, code 4721B. Tél {PH}",
        "Déclaration de sinistre {REF} : dégât des eaux chez {P}, {ADB}. Expert {F2} {S2} passe le {D}. "
        "Contact : {PH}.",
        "{f} : mon compte est bloqué, identifiant {U}\nsupport {f2} : je vous envoie un code au {PH}",
        "Note agent ({F2}) : Mme {S} a rappelé pour la portabilité du {PH}. Titulaire {P}, {IDL} {ID}.",
        "Bonjour {F}, c'est {F2} de la pharmacie. L'ordonnance de {P3} est prête, on peut livrer au {AD}.",
        "Fiche d'accueil - {P}\nNé(e) le : {DOB}\nArrivée : {D}\nAdresse : {ADB}\nE-mail perso : {EM}\nRIB/IBAN : {IB}",
        "Objet perdu : {P} a oublié son sac dans la voiture de {F2}. Rendez-vous au {AD}. Joindre au {PH}.",
        "{F2} : qui prend {F} {S} ? elle veut un responsable\n{F3} : moi, passe-la moi\n{F2} : merci {f3}",
        "Relevé de compteur transmis par {P} : 15302 kWh. Point de livraison : {AD}. Rappel au {PH}.",
        "École : Madame {S}, le certificat de scolarité de {F2} est prêt au secrétariat. Tél : {PH}.",
        "Rappel RDV : {P}, le {D} à {T} avec le Dr {S2}. Pour annuler : {PH}.",
        "Commande {REF} : le livreur {F2} ne trouve pas {AD}. Client {F} injoignable au {PH}.",
        "Rappel demandé par {P} ({PH}) au sujet du remboursement sur la carte {CC}. Pris par {F2}.",
        "Salam {F}, c'est {F2} du service client. Le technicien passe {D} au {AD}, il vous appelle avant au {PH}.",
    ),
    "de": (
        "[{T}] {F}: Hallo, der Techniker für den Glasfaseranschluss kam heute nicht\n[{T}] Support {F2}: Das "
        "tut mir leid, {F}. Passt der {D}? Adresse weiterhin {AD}?\n[{T}] {F}: ja. Handy {PH}",
        "Schadenmeldung {REF}: Wasserschaden bei {P}, {ADB}. Gutachter {F2} {S2} kommt am {D}. Tel. {PH}.",
        "{f}: mein Konto ist gesperrt, Benutzername {U}\nsupport {f2}: ich schicke einen Code an {PH}",
        "Notiz ({F2}): Frau {S} rief wegen der Rufnummernmitnahme von {PH} an. Inhaber {P}, {IDL} {ID}.",
        "Hallo {F}, hier {F2} von der Apotheke. Das Rezept für {P3} liegt bereit, wir liefern auch zu {AD}.",
        "Onboarding {P}\nGeburtsdatum: {DOB}\nStart: {D}\nAnschrift: {ADB}\nPrivate Mail: {EM}\nIBAN: {IB}",
        "Fundsache: {P} hat den Rucksack im Wagen von {F2} liegen lassen. Übergabe {AD}. Erreichbar: {PH}.",
        "Zählerstand von {P} übermittelt: 33410 kWh. Verbrauchsstelle {AD}. Rückruf {PH}.",
        "Rückrufbitte: {P}, {PH}, wegen der doppelten Abbuchung von Karte {CC}. Aufgenommen: {F2}.",
        "{F2}: wer übernimmt {F} {S}? Sie will die Teamleitung\n{F3}: ich\n{F2}: danke {f3}",
    ),
    "it": (
        "[{T}] {F}: buongiorno, il tecnico della fibra non si è presentato\n[{T}] Operatore {F2}: mi scusi "
        "{F}, va bene {D}? L'indirizzo è ancora {AD}?\n[{T}] {F}: sì, citofono {S}. Cell. {PH}",
        "Sinistro {REF}: infiltrazione d'acqua da {P}, {ADB}. Il perito {F2} {S2} passa {D}. Tel. {PH}.",
        "{f}: mi hanno bloccato l'account, utente {U}\nassistenza {f2}: le invio un codice al {PH}",
        "Nota ({F2}): la signora {S} ha richiamato per la portabilità del {PH}. Intestatario {P}, {IDL} {ID}.",
        "Ciao {F}, sono {F2} della farmacia. La ricetta di {P3} è pronta, possiamo consegnare in {AD}.",
        "Scheda assunzione {P}\nData di nascita: {DOB}\nInizio: {D}\nResidenza: {ADB}\nEmail personale: {EM}\nIBAN: {IB}",
        "Oggetto smarrito: {P} ha lasciato lo zaino nell'auto di {F2}. Ritiro in {AD}. Chiamare {PH}.",
        "Lettura contatore inviata da {P}: 7741 mc. Fornitura in {AD}. Richiamare al {PH}.",
        "Segreteria scolastica: gentile sig. {S}, il tesserino di {F2} è pronto. Info {PH}.",
        "{F2}: chi prende {F} {S}? vuole un responsabile\n{F3}: io\n{F2}: grazie {f3}",
    ),
    "pt": (
        "[{T}] {F}: olá, o técnico da fibra não apareceu\n[{T}] Assistente {F2}: peço desculpa, {F}. Pode ser "
        "{D}? A morada continua {AD}?\n[{T}] {F}: sim. Telemóvel {PH}",
        "Participação de sinistro {REF}: infiltração em casa de {P}, {ADB}. Perito {F2} {S2} vai {D}. Tel. {PH}.",
        "{f}: a minha conta foi bloqueada, utilizador {U}\napoio {f2}: envio-lhe um código para o {PH}",
        "Nota ({F2}): a D. {S} voltou a ligar por causa da portabilidade do {PH}. Titular {P}, {IDL} {ID}.",
        "Olá {F}, fala {F2} da farmácia. A receita de {P3} está pronta, entregamos na {AD}.",
        "Ficha de admissão {P}\nData de nascimento: {DOB}\nInício: {D}\nMorada: {ADB}\nEmail pessoal: {EM}\nIBAN: {IB}",
        "Objeto perdido: {P} deixou a mochila no carro do {F2}. Entrega na {AD}. Contacto {PH}.",
        "Leitura do contador enviada por {P}: 12034 kWh. Local de consumo {AD}. Ligar para {PH}.",
        "Pedido de contacto: {P}, {PH}, sobre a cobrança duplicada no cartão {CC}. Registado por {F2}.",
        "{F2}: quem fica com a {F} {S}? quer falar com a chefe\n{F3}: fico eu\n{F2}: obrigado {f3}",
    ),
    "pl": (
        "[{T}] {F}: dzień dobry, technik od światłowodu nie przyjechał\n[{T}] Konsultant {F2}: przepraszam, "
        "{F}. Pasuje {D}? Adres nadal {AD}?\n[{T}] {F}: tak. Tel. {PH}",
        "Zgłoszenie szkody {REF}: zalanie mieszkania, {P}, {ADB}. Rzeczoznawca {F2} {S2} będzie {D}. Tel. {PH}.",
        "{f}: zablokowali mi konto, login {U}\nwsparcie {f2}: wysyłam kod na {PH}",
        "Notatka ({F2}): pani {S} znowu dzwoniła w sprawie przeniesienia numeru {PH}. Abonent {P}, {IDL} {ID}.",
        "Dzień dobry {F}, tu {F2} z apteki. Recepta dla {P3} gotowa, możemy dowieźć na {AD}.",
        "Karta nowego pracownika: {P}\nData urodzenia: {DOB}\nStart: {D}\nAdres: {ADB}\nPrywatny e-mail: {EM}\nIBAN: {IB}",
        "Zguba: {P} zostawiła plecak w aucie kierowcy {F2}. Odbiór {AD}. Kontakt {PH}.",
        "Odczyt licznika od {P}: 25190 kWh. Punkt poboru {AD}. Oddzwonić na {PH}.",
        "Prośba o kontakt: {P}, {PH}, podwójne obciążenie karty {CC}. Przyjął: {F2}.",
        "{F2}: kto weźmie panią {S}? chce kierownika\n{F3}: ja\n{F2}: dzięki {f3}",
    ),
    "nl": (
        "[{T}] {F}: hallo, de technieker voor de glasvezel is niet gekomen\n[{T}] Medewerker {F2}: sorry {F}. "
        "Past {D}? Adres nog altijd {AD}?\n[{T}] {F}: ja. Gsm {PH}",
        "Schadeaangifte {REF}: waterschade bij {P}, {ADB}. Expert {F2} {S2} komt {D}. Tel. {PH}.",
        "{f}: mijn account is geblokkeerd, gebruikersnaam {U}\nsupport {f2}: ik stuur een code naar {PH}",
        "Notitie ({F2}): mevrouw {S} belde opnieuw over de nummeroverdracht van {PH}. Klant {P}, {IDL} {ID}.",
        "Dag {F}, met {F2} van de apotheek. Het voorschrift van {P3} ligt klaar, we leveren ook in de {AD}.",
        "Onthaalfiche {P}\nGeboortedatum: {DOB}\nStart: {D}\nAdres: {ADB}\nPrivé e-mail: {EM}\nIBAN: {IB}",
        "Verloren voorwerp: {P} liet een rugzak liggen in de wagen van {F2}. Afhalen {AD}. Bellen {PH}.",
        "Meterstand doorgegeven door {P}: 18823 kWh. Leveringsadres {AD}. Terugbellen {PH}.",
        "Terugbelverzoek: {P}, {PH}, dubbele aanrekening op kaart {CC}. Genoteerd door {F2}.",
        "{F2}: wie neemt {F} {S}? ze wil een verantwoordelijke\n{F3}: ik\n{F2}: merci {f3}",
    ),
    "sv": (
        "[{T}] {F}: hej, teknikern för fibern kom aldrig\n[{T}] Kundtjänst {F2}: förlåt {F}. Funkar {D}? "
        "Adressen är fortfarande {AD}?\n[{T}] {F}: ja. Mobil {PH}",
        "Skadeanmälan {REF}: vattenskada hos {P}, {ADB}. Värderingsman {F2} {S2} kommer {D}. Tel. {PH}.",
        "{f}: mitt konto är låst, användarnamn {U}\nsupport {f2}: jag skickar en kod till {PH}",
        "Anteckning ({F2}): {P} ringde igen om nummerflytten för {PH}. {IDL} {ID}.",
        "Hej {F}, det är {F2} på apoteket. Receptet till {P3} är klart, vi kan leverera till {AD}.",
        "Introduktion {P}\nFödd: {DOB}\nStart: {D}\nAdress: {ADB}\nPrivat mejl: {EM}\nIBAN: {IB}",
        "Hittegods: {P} glömde ryggsäcken i {F2}s bil. Hämtas på {AD}. Ring {PH}.",
        "Mätarställning från {P}: 41077 kWh. Anläggningsadress {AD}. Ring tillbaka {PH}.",
        "Återuppringning: {P}, {PH}, dubbeldragning på kort {CC}. Tog emot: {F2}.",
        "{F2}: vem tar {F} {S}? hon vill prata med en chef\n{F3}: jag\n{F2}: tack {f3}",
    ),
    "id": (
        "[{T}] {F}: halo kak, teknisi wifi nya belum datang\n[{T}] CS {F2}: mohon maaf {F}, bisa dijadwalkan "
        "ulang {D}? alamatnya masih {AD}?\n[{T}] {F}: iya kak. WA {PH}",
        "Klaim {REF}: banjir masuk rumah {P}, {ADB}. Surveyor {F2} {S2} datang {D}. Telp {PH}.",
        "{f}: akun saya keblokir, username {U}\ncs {f2}: baik kak, kode OTP dikirim ke {PH} ya",
        "Catatan ({F2}): Ibu {S} telepon lagi soal pindah operator nomor {PH}. Atas nama {P}, {IDL} {ID}.",
        "Halo {F}, saya {F2} dari apotek. Obat untuk Bapak {P3} sudah siap, bisa diantar ke {AD}.",
        "Data karyawan baru: {P}\nTanggal lahir: {DOB}\nMulai: {D}\nAlamat: {ADB}\nEmail pribadi: {EM}",
        "Barang tertinggal: {P} lupa tasnya di mobil driver {F2}. Diantar ke {AD}. Hubungi {PH}.",
        "Laporan meteran dari {P}: 9921 kWh. Alamat pelanggan {AD}. Telp balik {PH}.",
        "Permintaan telepon balik: {P}, {PH}, tagihan kartu {CC} terpotong dua kali. Dicatat oleh {F2}.",
        "{F2}: siapa yang pegang Bu {S}? minta bicara sama supervisor\n{F3}: aku aja\n{F2}: makasih {f3}",
        "Pesanan {REF}: driver {F2} tidak menemukan {AD}. Pelanggan {F} tidak angkat telepon {PH}.",
    ),
}

# hard negatives per language (no private person; kept strings and public figures)
NEGATIVES_INTL: dict[str, tuple[str, ...]] = {
    "es": ("Aviso: el local de {K:Calle Florida} cierra en {K:Navidad}; el de {K:Palermo Soho} abre normal.",
           "Stock de farmacia: {K:Ibuprofeno}, {K:Buscapina} y {K:Actron} repuestos. Gracias {K:Laboratorios Bagó}.",
           "Playlist del equipo: {K:Shakira}, {K:Soda Stereo} y {K:Carlos Vives}. Saludos desde {K:Medellín}.",
           "Partido {K:Boca} vs {K:River} el domingo: los pedidos en {K:La Boca} se demoran. Leer a {NE:Borges} "
           "no ayuda."),
    "fr": ("Info : le magasin des {K:Champs-Élysées} ferme tôt pour le {K:14 Juillet}; {K:Carrefour} reste ouvert.",
           "Stock pharmacie : {K:Doliprane}, {K:Spasfon} et {K:Smecta} réassortis chez {K:Sanofi}.",
           "La {K:Tabaski} approche : livraisons à {K:Dakar} et {K:Thiès} décalées. {K:Orange Money} et {K:Wave} "
           "acceptés.",
           "Pause musicale : {NE:Youssou N'Dour}, {K:Stromae} et un peu de {K:Gnawa}. Bonne {K:Aïd} à {K:Fès}."),
    "de": ("Hinweis: Die Filiale auf der {K:Zeil} schließt an {K:Heiligabend} früher; {K:Rewe} hat offen.",
           "Apothekenbestand: {K:Ibuprofen}, {K:Aspirin} und {K:Voltaren} nachbestellt bei {K:Ratiopharm}.",
           "Teamabend: {K:Tatort} schauen oder zum {K:Oktoberfest}? {NE:Angela Merkel} war auch schon da."),
    "it": ("Avviso: il punto vendita di {K:Via del Corso} chiude prima a {K:Ferragosto}; {K:Esselunga} resta aperta.",
           "Magazzino farmacia: {K:Tachipirina}, {K:Oki} e {K:Moment} riordinati da {K:Angelini}.",
           "Playlist: {K:Måneskin}, {NE:Laura Pausini} e {K:Il Volo}. Saluti da {K:Bari}."),
    "pt": ("Aviso: a loja da {K:Rua Augusta} fecha mais cedo no {K:Natal}; o {K:Continente} abre normal.",
           "Stock da farmácia: {K:Ben-u-ron}, {K:Brufen} e {K:Voltaren} encomendados à {K:Bial}.",
           "Música da equipa: {K:Fado}, {NE:Amália Rodrigues} e {K:Buraka Som Sistema}. Bom {K:Santo António}!"),
    "pl": ("Uwaga: sklep przy {K:Nowym Świecie} zamknięty w {K:Wigilię}; {K:Biedronka} czynna.",
           "Apteka: {K:Apap}, {K:Ibuprom} i {K:Rutinoscorbin} zamówione w {K:Polpharma}.",
           "Playlista: {K:Dawid Podsiadło}, {K:Kult} i {NE:Chopin}. Pozdrowienia z {K:Gdyni}."),
    "nl": ("Let op: de winkel op de {K:Meir} sluit vroeger op {K:Kerstavond}; {K:Delhaize} blijft open.",
           "Apotheek: {K:Dafalgan}, {K:Nurofen} en {K:Motilium} besteld bij {K:UCB}.",
           "Teamquiz: {NE:Eddy Merckx}, {K:Stromae} of {K:Kuifje}? Groeten uit {K:Mechelen}."),
    "sv": ("OBS: butiken på {K:Drottninggatan} stänger tidigt på {K:Midsommarafton}; {K:ICA} har öppet.",
           "Apoteket: {K:Alvedon}, {K:Ipren} och {K:Treo} beställda från {K:Apoteket AB}.",
           "Fredagsmys: {K:Abba}, {NE:Zlatan Ibrahimović} på tv och {K:Kanelbulle} i fikarummet."),
    "id": ("Info: toko di {K:Jalan Malioboro} tutup lebih awal saat {K:Lebaran}; {K:Indomaret} tetap buka.",
           "Stok apotek: {K:Paracetamol}, {K:Promag} dan {K:Tolak Angin} sudah dipesan dari {K:Kalbe Farma}.",
           "Playlist tim: {K:Dewa 19}, {K:Raisa} dan {K:Noah}. Salam dari {K:Surabaya} dan {K:Yogyakarta}.",
           "Ojek online di {K:Bandung} naik tarif saat {K:Natal}; {K:Gojek} dan {K:Grab} sama saja."),
}
