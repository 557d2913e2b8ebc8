"""The context of a name: cue phrases before it ("my name is", "Hi", "Mr."), cue words after it
("said", "here"), and the signs that a name-like word is a place ("flying to Florence", "Paris,
Florence and Victoria")."""

from __future__ import annotations

import re

from tunehouse.pii.detectors.name_tokens import TOKEN, word_after, word_before
from tunehouse.pii.lexicon import FIRST, LAST, ORG, PLACE, TITLE, Lexicon, norm_key
from tunehouse.pii.wordlists import TITLES


def _expand(spec: str) -> list[str]:
    """'my (wife|husband) ; hi' -> ['my wife', 'my husband', 'hi'] (one level of alternatives)."""
    out = []
    for item in spec.replace("\n", " ").split(";"):
        item = " ".join(item.split())
        if not item:
            continue
        m = re.search(r"\(([^()]*)\)", item)
        if m:
            out.extend(_expand(";".join(item[:m.start()] + alt + item[m.end():] for alt in m.group(1).split("|"))))
        else:
            out.append(item)
    return out


_STRONG_PHRASES = _expand("""
my name is; my name's; my names are; name is; names are; name; names; full name; first name; last name;
given name; family name; surname; (full|first|last|given|family) name is; surname is; signed;
(full|first|last|given|family|maiden|middle|married) name (is|was); maiden name; middle name; married name;
in the name of; under the name; under the name of; under the names; booked under; booked in the name of;
(passenger|guest|traveller|traveler|cardholder|customer|client|contact|lead passenger)('s|) name;
(passenger|guest|traveller|traveler|cardholder|customer|client|contact)('s|) name is; cardholder;
name on the (card|ticket|booking|passport|reservation); name on the (card|ticket|booking|passport|reservation) is;
call me; i am called; i'm called; me llamo; mi nombre es; nombre; a nombre de; je m'appelle; mon nom est; nom;
au nom de; ich heiße; ich heisse; mein name ist; auf den namen; im namen von; name ist;
s'appelle; il s'appelle; elle s'appelle; se llama; mi chiamo; si chiama; chamo-me; chama-se; se chama;
heißt; heisst; er heißt; sie heißt; ik heet; heet; hij heet; zij heet; mijn naam is; il mio nome è; o meu nome é;
meu nome é; nazywam się; nazywa się; jeg hedder; hedder; jeg heter; jag heter; heter; nimeni on; minu nimi on;
attn; att; attention; for the attention of; c/o; z. hd.; z.hd.; zu händen; zu handen; à l'attention de; a/c;
a la atención de; ter attentie van; t.a.v.; all'attenzione di; aos cuidados de;
navn; nome; nimi; namn; naam; imię; nazwisko; imię i nazwisko; prénom; nom et prénom; nombre y apellidos;
em nome de; in nome di; na nazwisko; på navn; i navnet;
a nevem; numele meu este; numele meu e; mă numesc; ma numesc; jmenuji se; jmenuju se; benim adım; adım; ismim;
naitwa; tên tôi là; tên em là; tên anh là; tên chị là;
menya zovut; moyo imya; moe imya; mene zvaty; moye imya; kazvam se; imeto mi e; me lene; onomazomai; to onoma mou einai; (recipient|destinatario|destinataria|destinataire|empfänger|empfängerin|ontvanger|odbiorca|mottaker|mottagare|modtager|vastaanottaja|saaja)
""") + TITLES
_WEAK_PHRASES = _expand("""
hi; hello; hey; hiya; dear; good (morning|afternoon|evening); morning; thanks; thank you; thx; ty; cheers;
thanks again; thank you again; thanks so much; thank you so much; many thanks; thanks a lot; regards;
best regards; kind regards; warm regards; best; best wishes; all the best; sincerely; yours sincerely; yours;
bye; goodbye; ciao; hola; buenos días; buenos dias; buenas; buenas tardes; buenas noches; gracias;
muchas gracias; saludos; un saludo; atentamente; (estimado|estimada|querido|querida); bonjour; bonsoir; salut;
merci; merci beaucoup; cordialement; bien à vous; bien cordialement; cher; chère; hallo; guten (tag|morgen|abend);
servus; moin; danke; danke schön; vielen dank; grüße; gruß; viele grüße; beste grüße; liebe grüße;
mit freundlichen grüßen; freundliche grüße; liebe; lieber; mfg; lg;
eu sou; jsem; mimi ni; tôi là; em là; szia; sziasztok; helló; jó napot; kedves; üdv; üdvözlettel; salut; bună; buna; bună ziua; dragă; cu stimă; sunt;
merhaba; selam; sayın; saygılarımla; ahoj; dobrý den; milý; milá; s pozdravem; oi; olá; ola; abraços; atenciosamente;
habari; jambo; hujambo; geia; geia sou; kalimera; kalispera; agapite; agapiti; me ektimisi; filika; privet; zdravstvuyte;
this is; it's; it is; i'm; i am; here is; eimai o; eimai i; under; is under; booked for; soy; je suis; c'est; ich bin; hier ist; hier spricht;
(chatting|speaking|talking|talked|spoke|spoken) (to|with); ask for; asked for; agent; our agent; your agent;
colleague; assistant; host; your host; driver; your driver; guide; your guide; manager; contact; contact person;
(passenger|passengers|traveller|travellers|traveler|travelers|guest|guests); lead (passenger|traveller|traveler|guest);
(my|our|his|her|their) (wife|husband|partner|son|daughter|kid|kids|children|child|mother|mom|mum|father|dad|brother|sister|friend|colleague|boss|assistant|fiance|fiancé|fiancée|girlfriend|boyfriend|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|nephew|niece|baby|twins|mother-in-law|father-in-law|sons|daughters|kids are|children are);
mi (esposa|esposo|marido|mujer|hijo|hija|madre|padre|hermano|hermana|amigo|amiga|compañero|compañera);
ma (femme|fille|mère|soeur|sœur|copine); mon (mari|fils|père|frère|ami|copain);
(meine|mein) (frau|mann|sohn|tochter|mutter|vater|bruder|schwester|kollegin|kollege);
glad i could help; happy to help; glad to help; you're welcome; you are welcome; welcome; welcome back;
safe travels; safe trip; have a great trip; have a nice trip; no problem; of course; sure;
warm wishes; best wishes; with thanks; thanks and regards; kind wishes; all best; take care; talk soon;
¡hola; buen viaje; estimado/a; querido/a; saludos cordiales; cordiales saludos; un abrazo; gute reise; liebe/r; lieber/liebe; bon voyage;
amitiés; bises; herzliche grüße; schöne grüße; mit besten grüßen; bien à toi; a bientôt; à bientôt;
avec plaisir; de rien; je vous en prie; bon séjour; bonne journée; con gusto; de nada; buen día; que disfrutes;
gern geschehen; gerne; schönen tag; gute fahrt; bitte schön; thanks for your patience; sorry;
é a; é o; sou a; sou o; aqui é; aqui é a; aqui é o; jestem; to ja; ik ben; hier is; det er; det är; jag är; jeg er;
olen; sono; qui è; mina olen;
(agent|broker|realtor|landlord|landlady|tenant|courier|plumber|electrician|technician|tutor|coach|nurse|neighbour|neighbor);
(makelaar|verhuurder|huurder|koerier|loodgieter|monteur|buurman|buurvrouw);
(makler|maklerin|vermieter|vermieterin|mieter|mieterin|kurier|klempner|techniker|nachbar|nachbarin|trainer|trainerin);
(courtier|propriétaire|locataire|livreur|plombier|technicien|voisin|voisine|entraîneur);
(agente|corredor|casero|casera|inquilino|inquilina|repartidor|fontanero|técnico|vecino|vecina|entrenador);
(agente|proprietario|inquilino|corriere|idraulico|tecnico|vicino|vicina|allenatore);
(corretor|corretora|senhorio|senhoria|inquilino|inquilina|entregador|canalizador|encanador|técnico|vizinho|vizinha|treinador);
(pośrednik|pośredniczka|właściciel|właścicielka|najemca|kurier|hydraulik|technik|sąsiad|sąsiadka|trener|trenerka);
(megler|megleren|utleier|leietaker|sjåfør|rørlegger|nabo|trener); (mäklare|mäklaren|hyresvärd|hyresgäst|bud|rörmokare|granne);
(mægler|mægleren|udlejer|lejer|vvs-mand|nabo); (välittäjä|vuokranantaja|vuokralainen|lähetti|putkimies|naapuri);
(maakler|üürileandja|üürnik|kuller|torumees|naaber);
mama; tata; babcia; dziadek; brat; siostra; żona; mąż; syn; córka; mãe; pai; irmão; irmã; filho; filha; avó; avô;
(mijn|onze) (vrouw|man|zoon|dochter|moeder|vader|broer|zus); (min|vår) (fru|man|son|dotter|mamma|pappa|bror|syster);
(min|vor) (kone|mand|søn|datter|mor|far|bror|søster); (mia|nostra) (moglie|figlia|madre|sorella);
(mio|nostro) (marito|figlio|padre|fratello);
hej; hei; moi; terve; tere; hoi; olá; oi; cześć; ciao; ahoj; hallå; hejsan;
wife; husband; daughter; mum; mom; dad; brother; sister; fiancé; fiancée; user; w/; spoke w/; with agent;
(agent|host|driver|guide|contact|broker|realtor) (is|will be); your (agent|host|driver|guide|contact) (is|will be);
(customer|client|caller|requester|subscriber|account holder|rider|patient|cliente|klant|kunde|kundin|abonné|abonnée|titulaire|abonado|abonada|titular|abbonato|abbonata|titolare|paziente|pasien|pelanggan|penumpang|pemilik|karyawan|sopir|kurir|klient|klientka|abonent|abonentka|pacjent|pacjentka|kund|patient|kunde|asiakas|klient);
(ügyfél|ügyintéző|hívó|operátor|munkatárs|arayan|temsilci|müşteri|operatör|apelant|operator|agent|zákazník|volající|operátorka|mteja|mpigaji|wakala|mhudumu|atendente|khách|nhân viên|tổng đài viên|pelatis|ekprosopos|ypallilos);
(insured|policyholder|assuré|assurée|versicherter|versicherte|versicherungsnehmer|verzekerde|asegurado|asegurada|assicurato|assicurata|segurado|segurada|ubezpieczony|ubezpieczona|forsikret|försäkrad|vakuutettu|kindlustatu);
(conoce|conocéis|conocen|conozco|llama|pregunta|pregúntale|busca|buscad) a
""")
_CUE_PHRASES: dict[str, int] = {p: 1 for p in _WEAK_PHRASES}
_CUE_PHRASES.update({p: 2 for p in _STRONG_PHRASES})
_TITLE_WORDS = frozenset(TITLES)
_CUE_STRIP = " \t\r\n,:;!.(-–—\"'"
_SIG_DASHES = ("-", "—", "–", "~")
_ENDS_LINE_RE = re.compile(r"[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,3}[ \t!.]*(?:\n|$)")

_PLACE_PREPS = frozenset("""
to from in at via into near around visit visiting visited fly flying flew flight flights trip hotel hotels stay
staying stayed tour tours arrive arriving arrived depart departing land landing leave leaving return returning
through of outside downtown between en a de desde hacia para à au aux vers nach von bis ab über im aus and or y
et und in""".split())
SUFFIX_CUE_RE = re.compile(
    r"(?i)^(?:\s+(?:said|says|asked|asks|told|tells|wrote|writes|emailed|replied|mentioned|thinks|thought|wants|wanted"
    r"|needs|needed|loves|likes|knows|feels|felt|agreed|explained|promised|helped|travels|is\s+travell?ing"
    r"|was\s+travell?ing|will\s+(?:call|send|travel|be\s+travell?ing|contact|join|email|reply|check)|and\s+i\b"
    r"|'s\s+(?:husband|wife|son|daughter|passport|email|phone|birthday|booking|flight|seat|ticket|mum|mom|dad))\b"
    r"|\s+here\b|\s+speaking\b|\s*,?\s+(?:your|the)\s+(?:agent|host|driver|guide)\b"
    r"|\s+from\s+(?:the\s+)?[\w&]+(?:\s+[\w&]+)?\s+(?:team|support|desk|department|office)\b|\s*\((?:agent|guest|customer)\))")
_PLACE_AFTER_RE = re.compile(
    r"(?i)^\s*(?:airport|airports|city|centre|center|downtown|area|region|hotel|hotels|station|beach|old\s+town"
    r"|trip|trips|holiday|holidays|vacation|flight|flights|stay|tour|tours|visit|break|getaway|itinerary|package"
    r"|weekend|cruise|excursion|transfer|train|ferry|connection|layover|stopover|route|leg|office|branch"
    r"|coast|harbou?r|port|in\s+(?:spring|summer|autumn|fall|winter|[a-z]+ber|may|june|july|april|march|august)"
    r"|is\s+(?:a|the)\s+(?:city|country|capital|town|destination))\b")
# A destination after a travel word ("a wonderful trip to Selen", "your stay in Kemer"): a first name on its own
# there, with no cue, is taken for a place (a made-up or unknown one). "Visit", "with" and "for" are left out:
# people are visited, travelled with and booked for.
_TRAVEL_BEFORE_RE = re.compile(
    r"(?i)\b(?:trips?|flights?|fly|flying|flew|flown|travel(?:l?ing|l?ed|s)?|holidays?|vacation|stay|staying|stayed"
    r"|arriv(?:e|es|ed|ing)|land(?:s|ed|ing)?|journey|getaway|cruise|welcome|back|tour|move|moving|moved)"
    r"\s+(?:to|in|into|at)\s+$")
_COORD_AFTER_RE = re.compile(rf"^\s*(?:,|and|or|y|et|und|&|/|in|to|-)\s*({TOKEN})")
_COORD_BEFORE_RE = re.compile(rf"({TOKEN})\s*(?:,|and|or|y|et|und|&|/|-)\s*$")
GREETING_TOKENS = frozenset(
    "hi hello hey hiya dear thanks thank cheers regards best bye goodbye hola gracias saludos estimado estimada "
    "querido querida bonjour bonsoir salut merci cher chère hallo danke liebe lieber servus moin ciao "
    # the greetings of the other languages we read: et, fi, sv/da/no, nl, pt, pl, it, es, cs/sk
    "tere terve moi moikka hei hej hejsan hallå hoi olá oi obrigado obrigada cześć czesc ehi oye ahoj".split())
# verbs of telling that open a sentence before the person told, in languages that inflect the name after them
# ("Sano Riikkalle että ...", "Ütle Kertule, et ..."): like a greeting, never part of the name
TELLING_TOKENS = frozenset("sano kerro ütle sag sage frag dile diz powiedz zeg vraag".split())
MODALS = frozenset(("will", "may", "shall", "might", "must"))


def cue(text: str, pos: int) -> int:
    """2: strong name cue right before ``pos`` ("my name is", "Mr."); 1: weak ("Hi", "Thanks,",
    a "-- " signature); 0: none. A cue does not reach across a sentence end or a blank line
    ("Safe travels!\\n\\nKind regards" is not "Safe travels, Kind")."""
    window = text[max(0, pos - 48):pos]
    t = window.rstrip(" \t")
    if t.endswith(_SIG_DASHES):
        line = t.rstrip("-—–~ \t")
        dashes = t[len(line.rstrip()):].strip()
        if (not line or line.endswith("\n")) and len(t) - len(line.rstrip()) <= 4 and (
                dashes != "-" or _ENDS_LINE_RE.match(text, pos)):
            # "-- Anna", "— Anna", "- Anna" ending its line; not a rule of dashes ("---------- Forwarded
            # message") nor a dialogue's dash before a sentence ("- Come si chiama ...?")
            return 1
    stripped = t.rstrip(_CUE_STRIP)
    words = stripped.lower().replace("’", "'").split()
    best = 0
    for k in range(1, min(5, len(words)) + 1):
        phrase = " ".join(words[-k:]).lstrip(_CUE_STRIP)
        c = _CUE_PHRASES.get(phrase, 0)
        if c > best:
            best = c
            if best == 2:
                break
    if best:
        tail = window[len(stripped):]
        if "\n\n" in tail or "!" in tail or "?" in tail or (
                "." in tail and not (words and words[-1] in _TITLE_WORDS)):
            return 0
    return best


def travel_destination(text: str, s: int) -> bool:
    """Does a travel word and its preposition stand right before ``s`` ("trip to", "stay in")?"""
    return bool(_TRAVEL_BEFORE_RE.search(text, max(0, s - 40), s))


def place_context(lex: Lexicon, text: str, s: int, e: int, coord: bool = True) -> bool:
    """A preposition before ("to", "in"), a place word after ("airport", "trip") or, with
    ``coord``, a list of places around ("Paris, Florence and Victoria")."""
    before = text[max(0, s - 20):s].lower().split()
    if before and (before[-1] in _PLACE_PREPS or " ".join(before[-2:]) == "back to"):
        return True
    after = text[e:e + 40]
    if _PLACE_AFTER_RE.match(after):
        return True
    if not coord:
        return False
    m = _COORD_AFTER_RE.match(after)
    if m:
        f = lex.flags.get(norm_key(m.group(1)), 0)
        if f & PLACE and not f & FIRST and not name_part(lex, text, e + m.start(1), e + m.end(1), f, "right"):
            return True
    m = _COORD_BEFORE_RE.search(text, max(0, s - 40), s)
    if m and m.group(1).lower() not in GREETING_TOKENS:  # "Hola, Paz" is not a list of places
        f = lex.flags.get(norm_key(m.group(1)), 0)
        if f & PLACE and not f & FIRST and not name_part(lex, text, m.start(1), m.end(1), f, "left"):
            return True
    return False


def name_part(lex: Lexicon, text: str, s: int, e: int, f: int, side: str) -> bool:
    """Is the place-like word text[s:e] the surname of a full name ("Anna López, Florence ...":
    López is no evidence that Florence is a place; once scrubbed it is a placeholder)?"""
    if not f & LAST:
        return False
    w = word_before(text, s) if side == "left" else word_after(text, e)
    if not w:
        return False
    other = norm_key(text[w[0]:w[1]])  # (start, end, bridged) of the neighbour
    g = lex.flags.get(other, 0)
    if not g & (FIRST | LAST) or g & (TITLE | ORG):
        return False
    first, second = (other, norm_key(text[s:e])) if side == "left" else (norm_key(text[s:e]), other)
    return not any(c[:2] == (first, second) for c in lex.multi.get(first, ()))  # "Hong Kong"


def role_word(key: str) -> bool:
    """A one-word weak cue that names a person's role ("customer", "asegurado", "driver", "nurse"): written
    capitalised at a sentence's start it opens the run of the name after it ("Asegurado Wbeimar Usuga") but is no
    part of it."""
    return _CUE_PHRASES.get(key) == 1 and " " not in key
