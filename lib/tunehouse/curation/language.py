"""Language identification for short chat texts, with no model files and no dependencies.

``detect_language(text) -> (code | None, confidence)`` returns an ISO 639-1 code, or ``None``
with a low confidence when it cannot tell (numbers, codes, emoji, a lone "ok", keyboard mash).

How it works (one pass, a few microseconds per short message):

* Clean-up: placeholders left by PII scrubbing (``<PERSON_1>``), template markers, URLs, e-mail
  addresses, and every token holding a digit (order numbers, flight numbers, prices) are removed.
* Non-Latin scripts decide by themselves: kana -> ja, hangul -> ko, han -> zh, Greek -> el,
  Cyrillic -> ru/uk/bg/sr, Arabic -> ar/fa, Hebrew -> he, Thai, Devanagari, ...
* Latin-script text is scored with a naive-Bayes model over words: a ranked lexicon per language
  (function words and everyday customer-chat words: greetings, thanks, "please", "order", ...) with
  Zipf-shaped probabilities, and for a word outside every lexicon a character-trigram model
  trained on the same lexicon plus a short morphology sample. Capitalised unknown words (names,
  places, brands) carry no evidence, so "Bonjour, je pars à New York" stays French.
* Full models for en, es, fr, de, it, pt, nl; smaller lexicons for pl, cs, sk, sv, da, no, fi, hu,
  tr, ro, ca, hr, id, so a text in one of those is named as such instead of being forced into the
  nearest big language.
* Confidence is the tempered posterior of the best language, scaled down when the evidence is thin
  (one or two words); below ``min_confidence`` the answer is ``None``.

For Spark use :func:`detect_languages` (lists) or :func:`language_udf` (a pandas UDF returning
``struct<code: string, confidence: double>``).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from tunehouse.contracts.placeholders import PLACEHOLDER_PATTERN

# --------------------------------------------------------------------------------------------
# Lexicons: space-separated words in rough frequency order (most frequent first). A word ending
# in an apostrophe is an elided form as the tokenizer yields it ("l'" from "l'adresse", "don'"
# from "don't"). Chat words (greetings, thanks, order, refund, ...) are included on purpose.
# --------------------------------------------------------------------------------------------
LEXICONS: dict[str, str] = {
    "en": """
the i you to a and is it my of for in that on have this be with me your we not was can do are at
no please thanks thank hi hello yes but so if don' i' it' can' what will just get order from as or
an would could how all there when help they like need now been here did any about want know out up
sure ok okay one by has had let' which our us he she them their were am should also still back
because then than more some very only really again today tomorrow yesterday already why where who
does didn' isn' doesn' won' haven' got make go going check send sent email account number card
refund payment problem issue sorry great good well day days week month morning afternoon evening
hey dear regards best kind cancel change booking ticket delivery delivered package received receive
waiting wait call called phone possible able free new same other after before into over through
while until since t s m ll re ve d let see look looking find found give take told said tell ask
asked way much many thing something anything nothing everything someone nobody anyone try trying
tried work working doesn yet soon right left last next first two three five hours minutes minute
hour moment money charged charge twice fee price service customer support team message contact
reply answer please' information details address name date shipped arrived arrive late
appreciate welcome understand confirm confirmed update updated mean means these those its his her
him there' you' we' that' they' what' wasn' aren' couldn' wouldn' mine yours ours ever never
always usually might must may shall shouldn' cannot every each both either neither such own
u ur pls plz thx ty im dont cant wont didnt doesnt isnt hasn' hadn' wanna gonna yeah yep nope asap guys thing things people said just
moment possible service information question message total normal minute minutes
""",
    "es": """
de la que el en y a los se del las un por con no una su para es al lo como más o pero sus le ha me
si sin sobre este ya entre cuando todo esta ser son dos también fue había era muy años hasta desde
está mi porque qué sólo solo han yo hay vez puede todos así nos ni parte tiene él uno donde bien
tiempo mismo ese ahora cada e vida otro después te otros aunque esa eso hace otra gobierno tan
durante siempre día tanto ella tres sí dijo sido gran país según menos mundo año antes estado
hola gracias favor por buenos buenas días tardes noches quiero quisiera necesito tengo pedido
reembolso ayuda puedo pueden podría podrían usted ustedes su sus gusto saludos cordiales vale
claro perfecto disculpe perdone lo siento lamentamos todavía aún nada nadie algo alguien
cuenta tarjeta pago cobro cobrado factura envío enviado entrega llegado llegó recibido correo
número problema cambiar cancelar reserva billete vuelo mañana ayer hoy semana mes dinero
esperando espero llamar llamada teléfono información dirección nombre fecha hecho hacer puede
cómo cuándo dónde cuánto cual cuál quién están estoy estamos somos hemos he has tenemos
tienen nuestro nuestra nuestros le les les mis tus tu te muchas muchos mucho poco gracias
q xq pq porfa k tb bueno pues entonces ahí aquí allí nosotros ellos ellas cosa hacer dar ver decir ir voy va vamos estaba tenía sería podemos debe deben haber gente nuevo buen buena
aquí allá cada otra
momento posible servicio información mensaje minuto minutos total normal
""",
    "fr": """
de la le et à les des en un une du est que pour qui dans pas il ne je vous sur au se plus par ce
avec a sont mais ou nous elle ils on ont été son sa comme tout aussi ses être fait y bien cette
sans peut même leur entre très deux dont tous faire avoir encore après aux ces autre était moi
me mon ma mes votre vos notre nos leur l' d' j' qu' c' n' s' m' t' jusqu' aujourd' bonjour
bonsoir merci beaucoup oui non s' il vous plaît plait voudrais veux voulez pouvez pourriez
pouvons peux dois doit avez ai as avons suis es sommes êtes cordialement salut madame monsieur
désolé désolée excuser excusez commande remboursement aide compte carte paiement facture
livraison livré reçu colis adresse nom date numéro problème changer annuler réservation billet
vol demain hier semaine mois argent attends attente appeler appel téléphone information
toujours rien personne quelque chose quelqu' déjà pourquoi comment quand où combien quel quelle
ici là alors donc car si tu te ton ta tes lui eux ça cela ceci celui celle ont fait faut
d'accord accord parfait bien sûr bonne journée soirée envoyé envoyer vérifier reçu jours heures
fais faire vais va allez aller dit dire voir peut-être peu trop vraiment svp stp slt bjr ouais bah ben coup chose temps jour fois ceux aucun aucune mettre prendre savoir sais
possible impossible moment service information question message client date minute minutes simple normal total attention parfait ok super
""",
    "de": """
der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden
aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur
oder aber vor zur bis mehr durch man sein wurde sei hallo danke bitte vielen dank ich du wir ihr
mein meine meinen meiner mir mich dich dir uns euch ihnen ihre ihren ihrem ihrer unser unsere
kann können könnte könnten möchte möchten will wollen muss müssen habe hast hatte hätte bin bist
schon jetzt heute morgen gestern woche monat tag tage tagen ja nein nicht nichts etwas jemand
niemand immer warum wie wann wo was wer welche welcher welches bestellung rückerstattung hilfe
konto karte zahlung rechnung lieferung geliefert erhalten paket adresse name datum nummer
problem ändern stornieren buchung ticket flug geld warte warten anrufen anruf telefon
information leider gerne gern grüße freundlichen guten tag abend sehr geehrte geehrter herr frau
ok okay alles gut klar natürlich sofort bereits noch mal kein keine keinen dies diese dieser
dieses dann denn doch weil wenn ob also eigentlich bekommen gemacht machen geht gibt bitte
hab nen ne mal halt ganz viel viele neue neuen neu zwei drei ihm ihn wurden wäre würde lg mfg vg moin servus tschüss einfach gerade wieder weil
hier dort da weg los gleich vielleicht zurück ganz oben unten etwas nun dann sehr
moment erledigt siehe mail email super prima info service ticket termin minute minuten
""",
    "it": """
di e il la che è per un in non a una del con si da i le sono al della mi lo ho ma come ci anche
gli più se nel ha io questo mio mia miei mie suo sua tuo tua nostro nostra vostro vostra l'
dell' all' nell' un' d' c' po' quest' dall' sull' com' dov' alla dei delle degli nei nelle sul
sulla dal dalla cosa fatto essere fare stato solo quando ancora già perché dove chi quale quanto
molto grazie mille prego buongiorno buonasera ciao salve vorrei voglio devo posso può potete
potrei potrebbe avete abbiamo hanno sei siete siamo era erano stata sto sta stiamo ordine
rimborso aiuto conto carta pagamento fattura consegna consegnato ricevuto pacco indirizzo nome
data numero problema cambiare annullare prenotazione biglietto volo domani ieri oggi settimana
mese soldi aspetto attesa chiamare chiamata telefono informazioni niente nessuno qualcosa
qualcuno sempre mai ora adesso subito allora quindi però oppure o anzi sì no bene va certo
perfetto scusi scusa scusate dispiace purtroppo saluti cordiali gentile signor signora tutto
tutti questa questi queste quello quella ne gli ti vi lei lui loro noi voi ed tra fra
fare fatto dire detto vedere sapere volta tempo giorno anno bene hai grz cmq nn xké perchè tipo proprio mica ecco magari certo nuovo
qui là già pure sempre ogni
momento possibile servizio informazione messaggio minuto minuti totale normale
""",
    "pt": """
de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das
tem à seu sua ou ser quando muito há nos já está eu também só pelo pela até isso ela entre era
depois sem mesmo aos ter seus quem nas me esse eles estão você vocês tinha foram essa num nem
suas meu minha meus minhas às numa pelos elas havia seja qual será nós tenho lhe deles essas
esses pelas este fosse dele tu te olá obrigado obrigada bom boa dia tarde noite favor quero
queria gostaria preciso pedido encomenda reembolso ajuda posso pode podem poderia poderiam
conta cartão pagamento fatura entrega entregue recebi recebido morada endereço nome data número
problema mudar alterar cancelar reserva bilhete passagem voo amanhã ontem hoje semana mês
dinheiro aguardo esperando ligar ligação telefone informação nada ninguém algo alguém sempre
nunca agora ainda porque porquê onde quanto qual sim não bem certo claro perfeito desculpe
desculpa lamentamos infelizmente cumprimentos atenciosamente senhor senhora tudo todos estou
estamos somos fiz foi vou vai vamos consigo consegue isso aqui ali então pois mas ao
pra pro né tá vc obg blz tb fazer vez toda todo coisa tempo ano vai estava sobre outro outra antes mesmo aqui agora dar ver dizer ir
momento possível serviço informação mensagem minuto minutos total normal
""",
    "nl": """
de van een het en in is dat op te zijn met voor niet die aan er om ook als dan maar bij nog uit
wordt door naar of over hij ze al kan wel heeft zo was worden deze tot mijn meer hebben ik je jij
u uw we wij ons onze jullie hun hem haar mij me zich dit wat wie waar wanneer waarom hoe welke
hallo hoi goedemorgen goedemiddag goedenavond dag bedankt dank bedank alvast graag alstublieft
alsjeblieft ja nee geen niets iets iemand niemand altijd nooit nu al weer even toch echt heel
erg goed prima oké sorry excuses helaas vriendelijke groet groeten met bestelling
terugbetaling hulp rekening kaart betaling factuur levering geleverd ontvangen pakket adres
naam datum nummer probleem wijzigen annuleren boeking ticket vlucht morgen gisteren vandaag
week maand geld wacht wachten bellen gebeld telefoon informatie wil wilt willen moet moeten
kunt kunnen zou zouden heb hebt had hadden ben bent was waren gaat ga gaan doen gedaan krijg
krijgen komt komen zien graag omdat want dus toen tegen zonder na sinds tussen onder hier daar
mag meneer mevrouw beste hartelijk groetjes verstuurd sturen controleren dagen uur
veel keer tijd jaar doe doet mee toe af weg terug ff mn zn ofzo oke top nieuwe
hier daar zo ook nu pas net zelf
moment mail super ticket service informatie minuut minuten
""",
    # Smaller lexicons so other European languages are named, not forced into a big one.
    "pl": """
i w nie na się z do to że a o jak ale po co tak za od jest mi mnie jestem są było być dzień dobry
dziękuję proszę chcę czy moja mój moje lot zamówienie może można już tylko jeszcze bardzo przez
dla tego tej ten ta który która które gdzie kiedy dlaczego nie mam pan pani witam pozdrawiam
""",
    "cs": """
a se na v je že to s z do o jsem jste ale k jak by tak za po od co jsou bylo být dobrý den děkuji
prosím chci chtěl chtěla bych svou svoji moje můj mé objednávku objednávka zrušit můžete může už
jen ještě velmi pro tento tato které kde kdy proč nemám pane paní dobrý den zdravím
""",
    "sk": """
a sa na v je že to s z do o som ste ale k ako by tak za po od čo sú bolo byť dobrý deň ďakujem
prosím chcem chcel chcela by som svoju moju môj moje objednávku zrušiť môžete môže už len ešte
veľmi pre tento táto ktoré kde kedy prečo nemám pane pani
""",
    "sv": """
och i att det som en på är av för med till den har de inte om ett han men var jag hon vi ni kan
min mitt mina din ditt er vill skulle hej tack så mycket hur vad varför när var jag har resa
avboka boka beställning hjälp kan ni snälla bara också redan från efter här där eller måste
""",
    "da": """
og i at det er en til på som de med han af for ikke der var mig sig men et har om vi min mit
mine jeg vil gerne kan du hej tak venlig hilsen bestilling ændre hvordan hvad hvorfor hvornår
hvor også allerede fra efter her der eller skal kunne have være blev bliver
""",
    "no": """
og i det er som en på å til av at ikke med for har de jeg han var vi seg men om et min mitt
mine vil gjerne kan du hei takk hilsen bestilling endre hvordan hva hvorfor når hvor også
allerede fra etter her der eller skal kunne ha være ble blir
""",
    "fi": """
ja on ei se että hän oli ole mutta kun niin myös jo minä sinä me te he tämä joka mitä miten
miksi missä kiitos hei moi haluaisin haluan peruuttaa tilaukseni tilaus voisitteko voitteko
apua olen olet olemme ovat oli ollut kanssa vain vielä nyt sitten jos tai koska
""",
    "hu": """
a az és hogy nem is egy ez meg de van volt csak már el ki mint még ha vagy kell fel be jó
napot köszönöm kérem szeretném szeretnék lemondani rendelésemet rendelés segítség tudna
tudnak miért hol mikor hogyan vagyok vagyunk nekem nincs igen
""",
    "tr": """
ve bir bu da de için ile çok ne mi var daha gibi ama en o ben sen biz siz onlar değil olarak
merhaba teşekkürler teşekkür ederim lütfen siparişim sipariş hala hâlâ gelmedi yardımcı
olabilir misiniz mısınız istiyorum iptal nasıl neden nerede zaman şimdi evet hayır
""",
    "ro": """
și în de la a cu nu să pe o un că este din mai se care ce pentru sunt am ai au fost dar
bună ziua mulțumesc vă rog aș dori doresc să anulez comanda mea meu noastră poate puteți
unde când de ce cum acum da foarte
""",
    "ca": """
de la i que el a en les els per un una no amb és es del al com més però ho hi ha em m' ens
bon dia bona tarda gràcies si us plau vull voldria puc podeu la meva el meu comanda vol
reserva ajuda avui demà ahir també encara ja quan on per què molt moltes
""",
    "hr": """
i je u se na da za su od s a što ne to sa kao ili ali bi sam smo ste dobar dan hvala molim
želim htio htjela bih otkazati narudžbu narudžba moj moja mogu možete gdje kada zašto kako
sada već još jako
""",
    "id": """
yang dan di itu dengan untuk tidak ini dari dalam akan pada juga saya anda kami kita mereka
ada bisa sudah belum apa bagaimana kenapa mengapa kapan dimana halo selamat pagi siang terima
kasih tolong mohon ingin mau pesanan saya membatalkan tiket penerbangan
""",
}

# Morphology samples: extra text that only trains the character model (endings, clusters and
# letters typical of the language), so unknown words still lean the right way.
MORPHOLOGY: dict[str, str] = {
    "en": "house water people world children family friend school business government company market question answer example history country morning evening weekend holiday journey hotel room window kitchen garden street building office manager employee product quality quantity price battery screen computer laptop printer settings download upload password username broken beautiful important different available expensive cheaper quickly slowly finally probably actually together between without against everyone whatever understand remember forgotten brought bought caught taught thought light night right bright knowledge strength length nothing everything thinking information confirmation application shipping tracking "
          "through thought enough although knowledge weather whether written happened quickly "
          "unfortunately immediately customer subscription", 
    "es": "casa agua gente mundo niños familia amigo escuela negocio gobierno empresa mercado pregunta respuesta ejemplo historia ciudad mañana noche fin semana vacaciones viaje hotel habitación ventana cocina jardín calle edificio oficina gerente empleado producto calidad cantidad precio batería pantalla ordenador portátil impresora ajustes descargar contraseña usuario roto hermoso importante diferente disponible caro barato rápido lento finalmente probablemente juntos entre contra todos entiendo recuerdo olvidado trajeron compré pensamiento luz conocimiento fuerza longitud equipaje maleta aeropuerto llegada salida información confirmación aplicación solución devolución reclamación tramitación "
          "llegada enviado recibido solicitud señor señora año mañana pequeño niño compañía "
          "rápidamente desafortunadamente inmediatamente lamentablemente",
    "fr": "maison eau gens monde enfants famille ami école affaires gouvernement entreprise marché question réponse exemple histoire ville matin soir semaine vacances voyage hôtel chambre fenêtre cuisine jardin rue bâtiment bureau responsable employé produit qualité quantité prix batterie écran ordinateur portable imprimante paramètres télécharger utilisateur cassé magnifique important différent disponible cher moins rapide lentement finalement probablement ensemble entre contre tout comprends souviens oublié apporté acheté pensée lumière nuit connaissance force longueur bagages valise aéroport arrivée départ information confirmation application remboursement évidemment malheureusement "
          "rapidement immédiatement reçu être où leçon garçon œuvre cœur beaucoup bateau "
          "nouveaux travaux voyageur réclamation désagrément",
    "de": "haus wasser leute welt kinder familie freund schule geschäft regierung unternehmen markt frage antwort beispiel geschichte stadt morgen abend wochenende urlaub reise hotel zimmer fenster küche garten straße gebäude büro leiter mitarbeiter produkt qualität menge preis akku bildschirm rechner laptop drucker einstellungen herunterladen passwort benutzer kaputt schön wichtig verschieden verfügbar teuer billiger schnell langsam endlich wahrscheinlich zusammen zwischen ohne gegen jeder verstehe erinnere vergessen gebracht gekauft gedanke licht nacht wissen stärke länge gepäck koffer flughafen ankunft abfahrt bestätigung anwendung lieferung rückerstattung verspätung entschuldigung möglichkeit "
          "freundlichkeit zurückschicken schließlich größe straße mädchen schön müssen können "
          "unglücklicherweise sofortige geschäft kündigung",
    "it": "casa acqua gente mondo bambini famiglia amico scuola affari governo azienda mercato domanda risposta esempio storia città mattina sera fine settimana vacanze viaggio albergo camera finestra cucina giardino strada edificio ufficio responsabile dipendente prodotto qualità quantità prezzo batteria schermo computer portatile stampante impostazioni scaricare utente rotto bellissimo importante diverso disponibile caro economico veloce lentamente finalmente probabilmente insieme contro tutti capisco ricordo dimenticato portato comprato pensiero luce notte conoscenza forza lunghezza bagaglio valigia aeroporto arrivo partenza informazione conferma applicazione spedizione rimborso prenotazione purtroppo "
          "immediatamente velocemente gentilezza città perché già più può cioè richiesta "
          "biglietti abbonamento disponibile",
    "pt": "casa água gente mundo crianças família amigo escola negócio governo empresa mercado pergunta resposta exemplo história cidade manhã noite fim semana férias viagem hotel quarto janela cozinha jardim rua edifício escritório gerente funcionário produto qualidade quantidade preço bateria ecrã tela computador portátil impressora definições descarregar senha utilizador usuário partido bonito importante diferente disponível caro barato rápido devagar finalmente provavelmente juntos entre contra todos entendo lembro esquecido trouxe comprei pensamento luz conhecimento força comprimento bagagem mala aeroporto chegada partida informação confirmação aplicação solução devolução reclamação não são então "
          "também obrigações ações coração irmão mãe pão você está após através infelizmente "
          "imediatamente rapidamente encomendas",
    "nl": "huis water mensen wereld kinderen familie vriend school zaken regering bedrijf markt vraag antwoord voorbeeld geschiedenis stad ochtend avond weekend vakantie reis hotel kamer raam keuken tuin straat gebouw kantoor manager medewerker product kwaliteit hoeveelheid prijs batterij scherm computer laptop printer instellingen downloaden wachtwoord gebruiker kapot mooi belangrijk verschillend beschikbaar duur goedkoper snel langzaam eindelijk waarschijnlijk samen tussen zonder tegen iedereen begrijp herinner vergeten gebracht gekocht gedachte licht nacht kennis kracht lengte bagage koffer luchthaven aankomst vertrek bevestiging toepassing levering terugbetaling vertraging excuses mogelijkheid "
          "vriendelijkheid terugsturen uiteindelijk grootte straat meisje mooi moeten kunnen "
          "helaas onmiddellijk bedrijf opzeggen abonnement",
    "pl": "dziękujemy zamówienia płatność rezerwację przesyłka państwo źle żółć łóżko wiadomość "
          "szczegóły przepraszamy",
    "cs": "děkujeme objednávky platba rezervaci zásilka řekněte příliš čtvrtek některé "
          "dobře omlouváme",
    "sk": "ďakujeme objednávky platba rezerváciu zásielka povedzte príliš štvrtok niektoré "
          "dobre ospravedlňujeme",
    "sv": "beställningen betalning bokningen försenad tyvärr återbetalning kvitto "
          "väska därför också",
    "da": "bestillingen betaling bookingen forsinket desværre tilbagebetaling kvittering "
          "kuffert derfor også",
    "no": "bestillingen betaling bookingen forsinket dessverre tilbakebetaling kvittering "
          "koffert derfor også",
    "fi": "tilauksen maksu varauksen myöhässä valitettavasti hyvitys kuitti matkalaukku "
          "siksi myös",
    "hu": "rendelésem fizetés foglalásom késik sajnos visszatérítés nyugta bőrönd "
          "ezért szintén",
    "tr": "siparişimi ödeme rezervasyonum gecikti maalesef iade makbuz bavulum "
          "bu yüzden ayrıca",
    "ro": "comanda plata rezervarea întârziere din păcate rambursare chitanță valiza "
          "deci de asemenea",
    "ca": "comanda pagament reserva retard malauradament reemborsament rebut maleta "
          "per això també",
    "hr": "narudžbu plaćanje rezervaciju kašnjenje nažalost povrat račun kofer "
          "zato također",
    "id": "pesanan pembayaran pemesanan terlambat sayangnya pengembalian kuitansi koper "
          "karena juga",
}

MAJOR = ("en", "es", "fr", "de", "it", "pt", "nl")
LANGS = tuple(LEXICONS)
_IDX = {lang: i for i, lang in enumerate(LANGS)}
# Share of running text the lexicon covers, roughly (major lexicons are larger).
_COVERAGE = np.array([0.5 if lang in MAJOR else 0.3 for lang in LANGS])
_TEMPERATURE = 2.0        # naive Bayes is over-confident; soften before the posterior
_OOV_WEIGHT = 0.5         # an unknown word counts half as much as a known one
_MAX_CHARS = 2000         # longer texts are judged on their first characters
_MAX_CACHED = 300_000     # token rows kept before the unknown-word cache is reset


# --------------------------------------------------------------------------------------------
# Model (built once per process, ~10 ms)
# --------------------------------------------------------------------------------------------
def _words(s: str) -> list[str]:
    return list(dict.fromkeys(w for w in s.split() if w))


def _train_trigrams() -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Character-trigram log-probs per language, interpolated with a background over all."""
    n = len(LANGS)
    counts: dict[str, np.ndarray] = {}
    totals = np.zeros(n)
    for lang in LANGS:
        i = _IDX[lang]
        for w in _words(LEXICONS[lang]) + _words(MORPHOLOGY.get(lang, "")):
            padded = f"^{w.rstrip(chr(39))}$"
            for k in range(len(padded) - 2):
                v = counts.setdefault(padded[k:k + 3], np.zeros(n))
                v[i] += 1.0
                totals[i] += 1.0
    vocab = len(counts) + 1
    bg_total = totals.sum()
    lp = {g: np.log(0.7 * (v + 0.1) / (totals + 0.1 * vocab) + 0.3 * (v.sum() + 1.0) / (bg_total + vocab))
          for g, v in counts.items()}
    unseen = np.log(0.7 * 0.1 / (totals + 0.1 * vocab) + 0.3 / (bg_total + vocab))
    return lp, unseen


_TRI_LP, _TRI_UNSEEN = _train_trigrams()
_LOG_OOV = np.log(1.0 - _COVERAGE)


def _char_lp(word: str) -> np.ndarray:
    padded = f"^{word.rstrip(chr(39))}$"
    out = np.zeros(len(LANGS))
    for k in range(len(padded) - 2):
        out += _TRI_LP.get(padded[k:k + 3], _TRI_UNSEEN)
    return out


def _known_words() -> dict[str, np.ndarray]:
    """word -> log P(word | lang) for every language (lexicon Zipf prob, else OOV char model)."""
    table: dict[str, np.ndarray] = {}
    for lang in LANGS:
        words = _words(LEXICONS[lang])
        h = sum(1.0 / (r + 2) for r in range(len(words)))
        for r, w in enumerate(words):
            if w not in table:
                table[w] = _LOG_OOV + _char_lp(w)
            table[w][_IDX[lang]] = math.log(_COVERAGE[_IDX[lang]] * (1.0 / (r + 2)) / h)
    return table


class _Rows:
    """Token -> row of log-likelihoods (centred), in one growing matrix so a batch sums in numpy."""

    def __init__(self) -> None:
        known = _known_words()
        self.n_known = len(known)
        self.ids: dict[str, int] = {}
        self.matrix = np.zeros((self.n_known * 2, len(LANGS)))
        for i, (w, v) in enumerate(known.items()):
            self.ids[w] = i
            self.matrix[i] = v - v.mean()
        self.size = self.n_known

    def reset_unknown(self) -> None:
        self.ids = {w: i for w, i in self.ids.items() if 0 <= i < self.n_known}
        self.size = self.n_known

    def row(self, tok: str, capitalised: bool) -> int:
        """Row id, or -1 for a token that carries no evidence; known rows are < n_known."""
        key = tok if not capitalised else "^" + tok
        i = self.ids.get(key)
        if i is not None:
            return i
        i = self.ids.get(tok)  # a capitalised known word ("Hola", "Danke") is still known
        if i is not None and i < self.n_known:
            self.ids[key] = i
            return i
        if capitalised or len(tok) < 3:  # names, places, brands, stray letters
            self.ids[key] = -1
            return -1
        if self.size >= _MAX_CACHED:
            self.reset_unknown()
        if self.size >= len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.zeros_like(self.matrix)])
        v = (_LOG_OOV + _char_lp(tok)) * _OOV_WEIGHT
        self.matrix[self.size] = v - v.mean()
        self.ids[key] = self.size
        self.size += 1
        return self.size - 1


_ROWS: _Rows | None = None


def _rows() -> _Rows:
    global _ROWS
    if _ROWS is None:
        _ROWS = _Rows()
    return _ROWS


# --------------------------------------------------------------------------------------------
# Clean-up and scripts
# --------------------------------------------------------------------------------------------
_STRIP = re.compile(
    PLACEHOLDER_PATTERN                          # <PERSON_1>, <EMAIL>
    + r"|\{\{.*?\}\}|\{%.*?%\}|\$\{[^}]*\}"       # template markers
    r"|<[^<>\s]+:[^<>]*>"                        # <template:x>
    r"|\b(?:https?://|www\.)\S+"                # URLs
    r"|[\w.+-]+@[\w-]+\.[\w.]+"                 # e-mail addresses
    r"|\[[^\]]{0,60}\]",                         # [attachment: ...], [sticker], [ERROR]
)
_STRIP_TRIGGERS = ("<", "{", "[", "@", "://", "www.")
# A chunk holding a digit (refs, flight numbers, prices, times) is consumed whole and yields
# an empty match; otherwise a word, with an elided prefix split off ("l'", "don'").
_TOKEN = re.compile(r"\w*\d\w*|([^\W\d_]+'(?=[^\W\d_])|[^\W\d_]+)")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\W\d_]")
_APOSTROPHES = ("\u2019", "\u2018", "`", "\u02bc")

# (name, code, regex of its letters, weight per letter)
_SCRIPTS = [
    ("kana", "ja", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]"), 3.0),
    ("hangul", "ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"), 3.0),
    ("han", "zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"), 3.0),
    ("cyrillic", "ru", re.compile(r"[\u0400-\u04ff]"), 1.0),
    ("greek", "el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"), 1.0),
    ("arabic", "ar", re.compile(r"[\u0600-\u06ff\u0750-\u077f]"), 1.0),
    ("hebrew", "he", re.compile(r"[\u0590-\u05ff]"), 1.0),
    ("thai", "th", re.compile(r"[\u0e00-\u0e7f]"), 1.0),
    ("devanagari", "hi", re.compile(r"[\u0900-\u097f]"), 1.0),
    ("bengali", "bn", re.compile(r"[\u0980-\u09ff]"), 1.0),
    ("tamil", "ta", re.compile(r"[\u0b80-\u0bff]"), 1.0),
    ("georgian", "ka", re.compile(r"[\u10a0-\u10ff]"), 1.0),
    ("armenian", "hy", re.compile(r"[\u0530-\u058f]"), 1.0),
]
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def _script_language(text: str, script: str, code: str) -> str:
    if script == "kana" or (script == "han" and re.search(r"[\u3040-\u30ff]", text)):
        return "ja"
    if script == "cyrillic":
        if re.search(r"[іїєґ]", text, re.I):
            return "uk"
        if re.search(r"[ђћџљњј]", text, re.I):
            return "sr"
        if re.search(r"ъ", text) and not re.search(r"[ыэё]", text):
            return "bg"
        return "ru"
    if script == "arabic" and re.search(r"[پچژگ]", text):
        return "fa"
    return code


def _script_decision(text: str) -> tuple[str, float] | None:
    """(code, confidence) when non-Latin letters outweigh Latin ones, else None."""
    n_latin = len(_LATIN.findall(text))
    best_script, best_w = None, 0.0
    for name, code, rx, weight in _SCRIPTS:
        n = len(rx.findall(text))
        if n and n * weight > best_w:
            best_script, best_w = (name, code), n * weight
    if best_script is None or best_w <= n_latin:
        return None
    enough = min(1.0, best_w / 8.0)
    return _script_language(text, *best_script), (best_w / (best_w + n_latin)) * (0.5 + 0.5 * enough)


def _features(text: str | None, rows: _Rows) -> tuple:
    """("script", code, confidence) when a non-Latin script decides, else ("latin", row ids, known words)."""
    if not isinstance(text, str) or not text:
        return "latin", [], 0
    if len(text) > _MAX_CHARS:
        text = text[:_MAX_CHARS]
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        for a in _APOSTROPHES:
            if a in text:
                text = text.replace(a, "'")
        if _NON_LATIN.search(text):
            decided = _script_decision(text)
            if decided is not None:
                return "script", decided[0], decided[1]
    if any(trigger in text for trigger in _STRIP_TRIGGERS):
        text = _STRIP.sub(" ", text)
    ids: list[int] = []
    n_known = 0
    row = rows.row
    n_known_rows = rows.n_known
    for raw in _TOKEN.findall(text):
        if not raw:
            continue
        i = row(raw.lower(), raw[0].isupper() and not raw.isupper())
        if i >= 0:
            ids.append(i)
            n_known += i < n_known_rows
    return "latin", ids, n_known


def _score(feats: list[tuple], rows: _Rows, min_confidence: float) -> tuple[list[str | None], list[float]]:
    """Codes and confidences for a batch of features: one numpy pass over all Latin texts."""
    codes: list[str | None] = [None] * len(feats)
    confs: list[float] = [0.0] * len(feats)
    latin = []
    for k, (kind, a, b) in enumerate(feats):
        if kind == "script":
            conf = round(float(b), 4)
            codes[k] = a if conf >= min_confidence else None
            confs[k] = conf
        elif a and not (b == 0 and len(a) < 3):  # enough to judge: a known word, or 3+ unknown ones
            latin.append(k)
    if latin:
        ids = [feats[k][1] for k in latin]
        lengths = np.fromiter((len(x) for x in ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for x in ids for i in x), dtype=np.int64, count=int(lengths.sum()))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        scores = np.add.reduceat(rows.matrix[flat], starts, axis=0) / _TEMPERATURE
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        best = p.argmax(axis=1)
        top = p[np.arange(len(latin)), best]
        n_known = np.fromiter((feats[k][2] for k in latin), dtype=np.float64, count=len(latin))
        # Thin evidence caps the confidence: one known word -> at most ~0.67, two -> ~0.82, ...
        evidence = n_known + 0.3 * (lengths - n_known)
        conf = np.round(top * (1.0 - 0.6 * np.exp(-0.6 * evidence)), 4)
        for j, k in enumerate(latin):
            c = float(conf[j])
            codes[k] = LANGS[int(best[j])] if c >= min_confidence else None
            confs[k] = c
    return codes, confs


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------
def detect_languages(texts: Iterable[str | None], min_confidence: float = 0.5
                     ) -> tuple[list[str | None], list[float]]:
    """Vectorised detection (the form pandas UDFs use): ``(codes, confidences)``, one per text.

    Tokenising is per text; scoring is one numpy pass over the whole batch.
    """
    rows = _rows()
    return _score([_features(t, rows) for t in texts], rows, min_confidence)


def detect_languages_with_parts(groups: Iterable[Sequence[str | None]], min_confidence: float = 0.5
                                ) -> tuple[tuple[list[str | None], list[float]], list[tuple[list, list]]]:
    """Detection of each group of texts as a whole and of each of its parts, tokenising once.

    For a conversation, parts = (user text, assistant text): returns ``((codes, confidences) of
    the wholes, [(codes, confidences) of part i over the groups, ...])``. The whole is scored on the
    parts' words together (the same as detecting the joined text, up to the length cut-off).
    """
    rows = _rows()
    part_feats: list[list[tuple]] = []
    whole_feats: list[tuple] = []
    for parts in groups:
        feats = [_features(t, rows) for t in parts]
        if len(part_feats) < len(feats):
            part_feats.extend([] for _ in range(len(feats) - len(part_feats)))
        for i, f in enumerate(feats):
            part_feats[i].append(f)
        if all(f[0] == "latin" for f in feats):
            whole_feats.append(("latin", [i for f in feats for i in f[1]], sum(f[2] for f in feats)))
        else:
            whole_feats.append(_features("\n".join(t for t in parts if isinstance(t, str)), rows))
    return _score(whole_feats, rows, min_confidence), [_score(f, rows, min_confidence) for f in part_feats]


def detect_language(text: str | None, min_confidence: float = 0.5) -> tuple[str | None, float]:
    """Language of a chat text: ``(ISO 639-1 code, confidence in [0, 1])`` or ``(None, conf)``.

    ``None`` means "cannot tell": no letters after removing numbers, codes, placeholders, URLs
    and emoji; a word every language shares ("ok"); keyboard mash; or a best guess whose
    confidence is below ``min_confidence``.
    """
    codes, confs = detect_languages([text], min_confidence)
    return codes[0], confs[0]


def language_udf(min_confidence: float = 0.5):
    """A pandas UDF: string column -> ``struct<code: string, confidence: double>``."""
    from pyspark.sql.functions import pandas_udf

    @pandas_udf("struct<code: string, confidence: double>")
    def detect(texts: pd.Series) -> pd.DataFrame:
        codes, confs = detect_languages(texts, min_confidence)
        return pd.DataFrame({"code": codes, "confidence": confs})

    return detect


def supported_languages() -> Sequence[str]:
    """Codes the detector can return (Latin-script models plus script-decided languages)."""
    return LANGS + ("ja", "ko", "zh", "ru", "uk", "bg", "sr", "el", "ar", "fa", "he", "th", "hi",
                    "bn", "ta", "ka", "hy")
