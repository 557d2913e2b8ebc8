"""Street lines of the postal conventions the patterns of ``addresses`` do not know (UPU "Postal addressing
systems", per country), each tried only on a text where the scan spotted one of its street words (a ``Cue``:
the words are looked up once per text with all other cues, so the languages cost the texts without them
nothing measurable):

* Turkey: name, type, "No:" and the flat ("Cumhuriyet Cad. No: 172, D: 1, 35220 Konak/İzmir"), a quarter
  before the street ("Atatürk Mah. Gül Sokağı No: 8"), district and province written "Konak/İzmir";
* Hungary: name, lower-case type, number with its dot, floor and door ("Damjanich utca 162., 6. em. 6."),
  the postcode and city before the street ("1052 Budapest, Kossuth Lajos u. 1.");
* Romania: type first, "nr.", block, stair, floor, flat, a six-digit postcode ("Str. Mihai Eminescu nr. 132,
  bl. B8, sc. A, et. 3, ap. 88, 400420 Cluj-Napoca");
* Croatia, Serbia, Slovenia, Bosnia (Latin script): an adjective and a lower-case type ("Savska cesta 226"),
  or the type first, titles in lower case ("Trg bana Jelačića 3", "Ulica kralja Zvonimira 18");
* Czechia, Slovakia: a street named with a preposition and a house number "popisné/orientační" ("Na Louži
  1615/32"; a popisné of three digits or more: "V Praze 10/12" is a date), or a type first ("nám. Míru 820/9",
  "třída Tomáše Bati 3762");
* Catalonia: type first ("Passeig de Gràcia 123", "Avinguda Diagonal 640", "Plaça del Sol 3");
* Brazil: abbreviated types, the number after a comma ("R. Oscar Freire, 900", "Al. Santos, 1000");
* South and South-East Asia, Africa, the Gulf, Latin America: the unit first ("House No. 12, Jail Road, Lahore",
  "Blk 6 Lot 12, Phase 3, Brgy. San Roque", "Flat 4, Building 9, Street 14, Al Barsha 2"; the detector is
  ``address_parts.unit_first_addresses``), and the segments of localities after a street (``locality_end``:
  "Brgy.", "Taman", "Seksyen", "Kel.", "Kec.", RT/RW, "Hay", "Cité", "barrio", "Estate", "Society", "State",
  Islamabad's "G-11/3", a district's number "Al Nahda 1"); Singapore's HDB blocks ("Blk 27 Hougang Ave 8
  #09-44"), Indonesia's "Jl. Pahlawan No. 56" and "Perumahan ... Blok C2 No. 7", Dakar's corners ("Rue Carnot x
  218") and villas ("Cité Keur Gorgui, villa 25"), Thailand's moo and soi, Vietnam's đường.

What follows the street line everywhere (floor, door, postcode, town) is ``address_parts``'s; what a
convention writes in a way no other does is taken here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tunehouse.pii.detectors.base import Cue, Scan
from tunehouse.pii.lexicon import (
    COMMON,
    FIRST,
    FUNCTION_WORDS,
    INDICATOR,
    MAJOR,
    PLACE,
    norm_key,
)

_UC = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽȘȚ"
_W = rf"[{_UC}][\w'’\-]*"  # a capitalised word
_NUM_END = r"(?![\w.,/]\d|\w)"  # a house number ends ("12", not "12.5", "12/3", "12b7")
# a count or an amount is no house number ("Az út 5 óra", "Ova cesta 12 km", "Piața Romană 5 minute")
_NO_UNIT = (r"(?![ \t]*(?:%|€|\$|(?i:min|minut[ae]?|minute|perc|óra|órá|nap|napig|km|m|kg|ft|forint|lei|kn|eur|euro|tl"
            r"|lira|dakika|dk|saat|h|hrs?|hod|hodin|dní|dana|sati|godina|ore|zile|anys|dies|cops|persones|ljudi"
            r"|lidí|osoba|fő|éves|év|évig|éve|évet|évre|kom|ks|kişi|kez|yıl|gün|adet|vegades|vegada|vez|vezes|veces|times"
            r"|likes|views|seguidores|pontos|reais|songs)\b))")

# articles, demonstratives and pronouns that start a sentence, not a street's name ("Az út 5", "Ova cesta 12")
_NOT_NAME = (r"(?!(?i:a|az|egy|ez|ezt|azt|minden|melyik|milyen|ide|itt|ott|ova|ta|ona|ovo|to|moja|tvoja|naša|vaša"
             r"|svaka|jedna|neka|koja|the|this|that|my|our|your)(?![\w'’\-]))")

# Turkey: "Cad." / "Caddesi", "Sok." / "Sokak" / "Sokağı", "Bulvarı" / "Blv."; a "Mahallesi" (quarter) before
# chats write them in lower case; the two-letter abbreviations only as words are written ("Cd.", "cd.", not "CD.": a disc)
_TR_TYPE = r"(?:(?i:cad\.|caddesi|sok\.|sokak|sokağı|bulvarı|blv\.|bulv\.)|[Cc]d\.|[Ss]k\.)"
_TR_RE = re.compile(
    rf"(?<![\w.])(?:{_W}(?:[ \t]+{_W}){{0,2}}[ \t]+(?:Mah\.|Mahallesi|Mh\.),?[ \t]+)?"
    rf"{_W}(?:[ \t]+{_W}){{0,3}}[ \t]+{_TR_TYPE},?[ \t]*(?:(?i:no)[ \t]?[:.]?[ \t]?)?\d{{1,4}}[A-Za-z]?(?:/\d{{1,3}}[A-Za-z]?)?"
    rf"{_NUM_END}{_NO_UNIT}"
    r"(?:,?[ \t]*(?:D|(?i:daire|kat)|İç[ \t]Kapı[ \t]No)[ \t]?[:.]?[ \t]?\d{1,3}(?![\w]))*"  # "D: 1", "Kat: 2", "Daire 5"
    rf"(?:(?:,[ \t]*|[ \t]+|[ \t]*\n[ \t]*)(?:\d{{5}}[ \t]+)?{_W}[ \t]?/[ \t]?{_W})?")  # "35220 Konak/İzmir"
_TR_WORDS = Cue("cad caddesi cd sok sokak sokağı sk bulvarı blv bulv")

# Hungary: "utca", "u.", "út", "tér", "körút", "krt.", "köz", "sor", "fasor", "rakpart", "sétány"; the number
# with its dot ("72."), the floor and door ("6. em. 6.", "fszt. 2", "2. ajtó"), on the same line or the next
_HU_TYPE = r"(?:utca|u\.|út|útja|tér|tere|körút|krt\.|köz|sor|fasor|rakpart|sétány|lakótelep|ltp\.)"
_HU_MARK = (r"(?:(?:\d{1,2}|[IVX]{1,4})\.[ \t]?em(?:elet)?\.?(?:[ \t]?\d{1,3}\.?(?:[ \t]?ajtó)?)?|fszt\.?(?:[ \t]?\d{1,3}\.?)?"
            r"|földszint(?:[ \t]\d{1,3}\.?)?|\d{1,3}\.?[ \t]?ajtó|\d{1,2}\.[ \t]?lph\.?)")
_HU_RE = re.compile(
    rf"(?<![\w.])(?:(?:H-)?\d{{4}}[ \t]+{_W}(?:[ \t]+{_W})?(?:,[ \t]*|[ \t]*\n[ \t]*))?"  # "1052 Budapest, "
    rf"(?P<name>{_NOT_NAME}{_W}(?:[ \t]+{_W}){{0,2}})[ \t]+(?P<type>{_HU_TYPE})[ \t]+\d{{1,4}}(?:[/\-]\d{{1,4}})?(?:/?[A-Za-z](?![\w]))?"
    rf"(?P<dot>\.(?!\d))?{_NUM_END}{_NO_UNIT}"
    rf"(?:(?:,[ \t]*|[ \t]+|[ \t]*\n[ \t]*){_HU_MARK})*")
_HU_WORDS = Cue("utca u út útja tér tere körút krt köz sor fasor rakpart sétány lakótelep ltp")
_HU_WEAK_TYPES = frozenset(("u.", "köz", "sor"))  # also a German abbreviation and Hungarian words

# Romania: the type first, "nr.", then block, stair, floor, flat, sector; a six-digit postcode and the town
_RO_TYPE = (r"(?:Str\.|Strada|Calea|Bd\.|Bdul\.?|B-dul|Bulevardul|[ȘŞS]os\.|[ȘŞS]oseaua|Aleea|Pia[țţ]a|P-[țţ]a|Splaiul"
            r"|Intrarea|Drumul|Prelungirea)")
_RO_RE = re.compile(
    rf"(?<![\w.])(?:{_RO_TYPE}|(?P<lower>str\.|bd\.|bdul\.?|b-dul|[șşs]os\.|calea|strada|aleea|splaiul))[ \t]*"
    rf"{_W}(?:[ \t]+(?:(?:lui|de|din|cu)[ \t]+)?{_W}){{0,3}}"
    rf"(?:,?[ \t]*nr\.?[ \t]*|[ \t]+)\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?{_NUM_END}{_NO_UNIT}"
    r"(?:,?[ \t]*(?i:bl|sc|et|ap|cam|corp)\.?[ \t]*[A-Z0-9]{1,4}(?![\w]))*"  # "bl. B8, sc. A, et. 3, ap. 88"
    r"(?:,?[ \t]*(?:sector(?:ul)?|sect\.)[ \t]*\d(?!\d))?"
    rf"(?:(?:,[ \t]*|[ \t]*\n[ \t]*)\d{{6}}[ \t]+{_W}(?:[ \t\-]+{_W}){{0,2}})?"  # "400420 Cluj-Napoca"
    rf"(?:,?[ \t]*(?:jud\.|jude[țţ]ul)[ \t]*{_W}(?:[ \t\-]+{_W})?)?")  # the county
_RO_WORDS = Cue("str strada calea bd bdul b-dul bulevardul șos şos sos șoseaua şoseaua soseaua aleea piața piaţa "
                "p-ța p-ţa splaiul intrarea drumul prelungirea")

# Croatia, Serbia, Slovenia, Bosnia: an adjective before a lower-case type ("Savska cesta", "Jadranski put"),
# or the type first with lower-case titles before the name ("Trg bana Jelačića", "Ulica kralja Zvonimira")
_HR_RE = re.compile(
    rf"(?<![\w.])(?:{_NOT_NAME}(?:{_W}[ \t]+)?{_NOT_NAME}[{_UC}][\w\-]*a[ \t]+(?:ulica|cesta|obala|ul\.)"
    # "Jadranski put", "Zagrebački bulevar": the adjective's own endings, not any word in -i ("Dani put 3 eggs")
    rf"|{_NOT_NAME}(?:{_W}[ \t]+)?{_NOT_NAME}[{_UC}][\w\-]{{3,}}(?:sk|šk|čk|ck|n|ov|ev)i[ \t]+(?:put|trg|bulevar)"
    rf"|(?:Ulica|Ul\.|Trg|Obala|Bulevar|Šetalište|Prilaz|Avenija)[ \t]+(?:[a-zčćđšž]+[ \t]+){{0,2}}{_W}"
    rf"(?:[ \t]+(?:i[ \t]+)?{_W}){{0,3}})"
    rf"[ \t]+\d{{1,4}}[a-zA-Z]?{_NUM_END}{_NO_UNIT}")
_HR_WORDS = Cue("ulica cesta obala ul put trg bulevar šetalište prilaz avenija")

# Czechia, Slovakia: a preposition street with the number "popisné/orientační" ("U Tržiště 2270/5"); a type
# first ("nám. Míru 820/9", "třída Tomáše Bati 3762")
_CZ_NOT_NAME = r"(?!(?i:naše|náš|moje|můj|vaše|váš|jeho|její|ta|ten|ty|celá|celý|tato|tento|každá)(?![\w\-]))"
_CZ_RE = re.compile(
    # "U Tržiště 2270/5"; not a school year ("V Praze 2023/24")
    rf"(?<![\w.])(?:(?:Na|U|Pod|Nad|V|Ve|Za|K|Ke|Před|Při)[ \t]+{_W}(?:[ \t]+{_W})?[ \t]+(?!(?:19|20)\d\d/\d\d(?!\d))"
    rf"\d{{3,4}}/\d{{1,4}}[a-zA-Z]?"
    # "Václavské nám. 56"; not "Naše třída 25 žáků" (a class)
    rf"|{_CZ_NOT_NAME}{_W}[ \t]+(?:nám\.|náměstí|nábř\.|nábřeží|tř\.|třída)[ \t]+\d{{1,4}}(?:/\d{{1,4}}[a-zA-Z]?)?"
    rf"|(?:nám\.|náměstí|Náměstí|tř\.|třída|Třída|nábř\.|nábřeží|Nábřeží|námestie|Námestie)[ \t]*{_W}"
    rf"(?:[ \t]+{_W}){{0,2}}[ \t]+\d{{1,4}}(?:/\d{{1,4}}[a-zA-Z]?)?){_NUM_END}{_NO_UNIT}")
_CZ_WORDS = Cue("na u pod nad v ve za k ke před při nám náměstí tř třída nábř nábřeží námestie")

# Catalonia: the type first, a particle, the name ("Carrer de la Riera", "Passeig de Gràcia")
_CA_TYPE = (r"(?:Carrer|C/|c/|C\.(?=[ \t]*d)|Passeig|Pg\.|Avinguda|Avgda\.|Plaça|Pl\.|Rambla|Travessera|Ronda|Camí|Carretera"
            r"|Ctra\.|Baixada|Pujada|Passatge|Ptge\.|Gran[ \t]Via)")
_CA_RE = re.compile(
    rf"(?<![\w.]){_CA_TYPE}[ \t]*(?:(?:de[ \t]+l['’]|de[ \t]+la[ \t]+|de[ \t]+les[ \t]+|dels[ \t]+|del[ \t]+|de[ \t]+|d['’]))?"
    rf"{_W}(?:[ \t]+(?:(?:de|del|dels|de[ \t]+la|i)[ \t]+|d['’])?{_W}){{0,3}},?[ \t]+\d{{1,4}}[A-Za-z]?(?:-\d{{1,4}})?"
    rf"{_NUM_END}{_NO_UNIT}")
_CA_WORDS = Cue("carrer c passeig pg avinguda l'avinguda l’avinguda avgda l'avgda l’avgda plaça pl rambla travessera "
                "ronda camí carretera ctra baixada pujada passatge ptge gran")

# Brazil: the abbreviated types the Portuguese patterns of ``addresses`` lack, the number after a comma as Brazil
# writes it ("R. Oscar Freire, 900", "Al. Santos, 1000")
_BR_RE = re.compile(
    rf"(?<![\w.])(?:R\.|Al\.|Tv\.|Trav\.|Pça\.|Pç\.|Rod\.|Estr\.)[ \t]*(?:(?:d[aeo]s?)[ \t]+)?{_W}"
    rf"(?:[ \t]+(?:(?:d[aeo]s?)[ \t]+)?{_W}){{0,3}},[ \t]*(?:n[º°][ \t]?)?\d{{1,5}}[A-Za-z]?{_NUM_END}{_NO_UNIT}")
_BR_WORDS = Cue("r al tv trav pça pç rod estr")


def _hu_ok(m: re.Match, flags: dict[str, int]) -> bool:
    """A Hungarian street whose type is also a word elsewhere ("u." of German "u." = "und", "sor", "köz") has a
    name that is not all ordinary words (two letters or fewer: no telling), and the number's dot or a Hungarian
    postcode and town before it ("Fő u. 5.", "1052 Budapest, Kossuth Lajos u. 1"), or after "u." a name of two words
    whose first is no ordinary word ("Kossuth Lajos u. 72"; not "Familie Schmidt u. 3 Kinder", "A Duna sor 5 évig")."""
    words = m.group("name").split()
    if m.group("type") not in _HU_WEAK_TYPES:
        return True
    ordinary = [len(w) > 2 and flags.get(norm_key(w), 0) & (COMMON | INDICATOR) == COMMON for w in words]
    if not m.group("dot") and not m.group().lstrip("H-")[:1].isdigit():
        # "Kossuth Lajos u. 72": two words, the first no ordinary word ("Familie Schmidt u. 3 Kinder")
        return m.group("type") == "u." and len(words) >= 2 and not ordinary[0]
    return not all(ordinary)


def _ro_ok(m: re.Match, flags: dict[str, int]) -> bool:
    """A Romanian type in lower case ("str. Lalelelor nr. 10", as chats write it) needs the "nr." after it."""
    return not m.group("lower") or " nr" in m.group() or ",nr" in m.group()


def _br_ok(m: re.Match, flags: dict[str, int]) -> bool:
    """A Brazilian street line with an abbreviated type is one only when the address goes on after it (a flat, a
    bairro, a town): "R." and "Al." are also a person's initial ("Al. Gore, 2000", "R. Patel, 34, starts Monday")."""
    return bool(_GOES_ON_RE.match(m.string, m.end()))


_GOES_ON_RE = re.compile(r"[ \t]*(?:,|[-–][ \t])[ \t]*(?:[A-Z]|(?i:ap|apto|sala|bloco|conj|casa|loja)\b)")


def _always(m: re.Match, flags: dict[str, int]) -> bool:
    return True


# (the street words, as a cue the scan spots with the others at no cost; street line; check of a match)
CONVENTIONS: tuple[tuple[Cue, re.Pattern, Callable[[re.Match, dict[str, int]], bool]], ...] = (
    (_TR_WORDS, _TR_RE, _always),
    (_HU_WORDS, _HU_RE, _hu_ok),
    (_RO_WORDS, _RO_RE, _ro_ok),
    (_HR_WORDS, _HR_RE, _always),
    (_CZ_WORDS, _CZ_RE, _always),
    (_CA_WORDS, _CA_RE, _always),
    (_BR_WORDS, _BR_RE, _br_ok),
)


# ============================================================================ unit-first addresses and localities
# South and South-East Asia, Africa, the Gulf and Latin America write an address as a unit (house, plot, lot,
# flat, villa) and its number, then comma-separated name segments from the street to the town: "House No. 12,
# Jail Road, Gulberg III, Lahore 54000", "Blk 6 Lot 12, Phase 3, Brgy. San Roque, Antipolo City", "Flat 4,
# Building 9, Street 14, Al Barsha 2". A postal clerk reads each segment by its lead or trailing word (a street
# type, a locality word: "Brgy.", "Taman", "Kel.", "Hay", "barrio", "Estate", "Society", "State"), by the town
# the lexicon knows, or by the postcode; ``locality_end`` walks these segments, for the unit-first addresses
# below and for the tail of every street ``address_parts`` completes.

# the unit that leads such an address, as each country abbreviates it: Pakistan "H#", India "H.No.", "D.No."
# (door), Ghana "Hse No.", "H/No.", Nigeria "No 12", Malaysia "Lot", "No.", Singapore and the Philippines "Blk", Senegal "Villa n°",
# Morocco "Appt", "Imm." (immeuble), France "Escalier", "Bât.", Benin and Togo "Îlot", "Carré", Peru and Brazil
# "Mz." / "Qd." (block: manzana, quadra) and "Lt." (lote), the Gulf "Office"
UNIT_MARK = (r"(?:House[ \t]?No\.?|Hse\.?[ \t]?No\.?|H\.[ \t]?No\.?|H/[ \t]?No\.?|H[ \t]?#|D\.[ \t]?No\.?|Door[ \t]No\.?|House|Plot|Lot"
             r"|Blk\.?|Block|Villa|Flat|Apartment|Apt\.?|Appt\.?|Unit|Building|Bldg\.?|Imm\.|Immeuble|Office"
             r"|Escalier|Esc\.|B[âa]t\.|B[âa]timent|Shop|Suite|[ÎI]lot|Carr[ée]|Mz\.|Manzana|Lt\.|Lote|Qd\.|Quadra"
             r"|No\.|No(?=[ \t]\d)|N[°º])")
# the unit's number: "143-C", "12/A", Hyderabad's door numbers "5-3-21", a stair or block letter ("Escalier B"),
# after "No." or "#" ("Plot No. 14", "Villa n° 7", "House #12")
UNIT_NUMBER = r"[ \t]?(?:(?:n[°º]|No\.?|#)[ \t]?)?(?:\d{1,4}[A-Za-z]?(?:[-/][A-Za-z0-9]{1,3}){0,2}|[A-Z])(?![\w])"
_UNIT_CHAIN = rf"{UNIT_MARK}{UNIT_NUMBER}(?:(?:[ \t]*,[ \t]*|[ \t]+){UNIT_MARK}{UNIT_NUMBER})*"
UNIT_FIRST_RE = re.compile(rf"(?<![\w#]){_UNIT_CHAIN}")
UNIT_WORDS = Cue("house hse h h.no d d.no door plot lot blk block villa flat apartment apt appt unit building bldg imm immeuble "
                  "escalier esc bât bat bâtiment batiment shop suite no n office îlot ilot carré carre mz manzana lt "
                  "lote qd quadra")  # "H#", "H/No." and "H.No." start at the word "h"

# street types that follow the name in these countries beside the English ones: India "Marg", Singapore "Lor"
# (Lorong), the Philippines "Ext." (Extension), Ghana and Kenya "Link", Malaysia "Jalan ..." first (below)
SEGMENT_STREET_TYPES = (
    "Road Rd Street St Avenue Ave Lane Ln Close Crescent Cres Drive Dr Way Link Boulevard Blvd Highway Hwy Marg Path "
    "Extension Ext Place Court Ct Square Sq Terrace Walk Row Bypass Expressway Circle Lor Lorong Chowk Bazaar Galli "
    "Gali Soi Parade Grove Gardens Mews Rise View Hill Park Cross Main").split()  # Bangalore's "2nd Cross", "5th Main"
# the types that are ordinary words or names of places too ("Hyde Park", "Sunset View", "Times Square"): a street,
# but not one that makes a unit-first address sure on its own ("Block 3, Jurassic Park")
_PLAIN_STREET_TYPES = frozenset("Place Court Ct Square Sq Terrace Walk Row Circle Parade Grove Gardens Mews Rise View Hill "
                                "Park Path Way".split())
# types that lead the name: Malay / Indonesian "Jalan", "Jl.", "Gang", French "Rue", Moroccan "Derb", the Spanish
# and Portuguese ones (a town's barrio after a street: "Calle 8, barrio Centro")
SEGMENT_LEAD_TYPES = (
    "Jalan Jln. Jln Jl. Lorong Lrg. Persiaran Lebuh Gang Gg. Rue Avenue Av. Boulevard Bd Route Chemin Derb Zankat "
    "Zenqat Calle Carrera Cra. Avenida Av Transversal Diagonal Rua Via Corso Đường Ngõ Hẻm Ngách").split()  # Vietnam
# words that lead a locality, then its name or number: the Philippines' barangay, purok, sitio and subdivision
# phase, Malaysia's "Taman" (estate) and "Seksyen", Indonesia's kelurahan and kecamatan, Morocco's "Hay", Senegal's
# housing estates ("Cité", "HLM", "Sicap", "Parcelles Assainies"), Latin America's "barrio" and "colonia",
# Mexico's "Alc." / "Del." / "Mpio." (borough, municipality), Ireland's "Co." (county), South Asia's "Sector",
# "Block", "Phase"
LOCALITY_LEADS = (
    "Brgy. Brgy Bgy. Barangay Purok Sitio Phase Seksyen Section Sector Taman Tmn. Kel. Kelurahan Kec. Kecamatan "
    "Desa Kampung Kg. Kampong Hay Quartier Cité HLM Sicap Lotissement barrio Barrio Colonia Col. Urb. Urbanización "
    "Fracc. Alc. Alcaldía Del. Delegación Mpio. Municipio Co. County Blok Block Blk Blk. Zone Ward Moo Tambon Amphoe Khet Khwaeng Phường Quận Huyện Xã TP.").split() + [
        "Parcelles Assainies"]  # Thailand's moo, tambon, amphoe, khet, khwaeng; Vietnam's phường, quận, huyện, xã
# the leads that are ordinary English words: a phrase after an address ("..., Phase 2 starts Monday") as often
_ORDINARY_LEADS = frozenset("Phase Section Sector Block Zone Ward".split())
# words that end a locality's name: an estate, a housing society, an apartment block, a colony, a city or state
LOCALITY_TAILS = ("Estate Estates Society Apartments Apts. Apts Colony Nagar Layout Enclave Residency Tower Towers Heights "
                  "Complex City State Town Township Village Scheme Housing Garden Gardens District Stage").split()
# words that end an address's segments: a phone, a mail, a time ("Contact 0803 ...", "Tel. ...")
SEGMENT_STOPS = frozenset("tel tel. telp telp. phone mobile mob call contact whatsapp wa email e-mail mail hp cel celular "
                          "móvil movil tél fax ref thanks thank please pls regards".split())
# articles that lead a locality's name, whatever its words are ("El Poblado", "Al Khan", "La Candelaria")
_ARTICLES = frozenset("Al El La Le Las Los Les San Santa São Sidi".split())


def _alt(words: list[str]) -> str:
    """A regex alternation of ``words`` (written with their dots), longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_PARTICLE = r"(?:al|el|de|del|des|du|la|le|di|da|do|dos|bin|binti|ul|e|van|upon)"
# a word of a name: "M.L.", "Gulberg", an ordinal ("2nd Cross", "Jayanagar 4th Block")
_SEG_WORD = rf"(?:[{_UC}](?:\.[{_UC}])*\.(?=[ \t]+[{_UC}])|[{_UC}][\w'’]*(?:-[\w'’]+)*|\d{{1,2}}(?:st|nd|rd|th)(?=[ \t]+[{_UC}]))"
_SEG_NAME = rf"{_SEG_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_SEG_WORD}){{0,3}}"
_SEG_NUMBER = r"(?:\d{1,3}[A-Z]?|[IVX]{1,4}|[A-Z]{1,2}\d{1,3})"  # "Al Nahda 1", "Gulberg III", "Parcelles ... U17"
# the number of a district after its name: one digit, a Roman numeral, a letter and digits ("Al Nahda 1", "Gulberg
# III", "Parcelles Assainies U17", "Colombo 03"); two digits or more after a name are a house number ("Hirschengraben 38")
_DISTRICT_NUMBER = r"(?:\d[A-Z]?|0\d|[IVX]{1,4}|[A-Z]{1,2}\d{1,3})(?![\w])"  # and Colombo's "03"
_SEG_END = r"(?![\w'’/\-]|\.\w)"
_DIRECTION = r"(?:East|West|North|South|Extension)"  # "Ring Road East"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"  # after a town in Britain: "Birmingham B13 1GQ"
_STREET_TYPE = rf"(?:{_alt([t for t in SEGMENT_STREET_TYPES if len(t) > 3 or t in ('Way', 'Row', 'Lor', 'Soi')])}" \
               rf"|(?:{_alt([t for t in SEGMENT_STREET_TYPES if len(t) <= 3 and t not in ('Way', 'Row', 'Soi')])})\.?)"
_SEGMENT_RE = re.compile(
    r"(?:[ \t]*,[ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*)(?:"
    # a street: name and type ("Old Airport Road", "95 Rizal Ext.", "Nehru Nagar Lane 3"), type and name ("Jalan
    # Tun Razak", "Jalan SS 2/24"), a numbered street ("Street 7", Bahrain's "Road 1234", Oman's "Way 3021"), "off" a street (Kenya, India: the road it branches from)
    rf"(?P<street>(?:off[ \t]+)?(?:(?:\d{{1,4}}[A-Z]?,?[ \t]+)?{_SEG_NAME}[ \t]+(?P<type>{_STREET_TYPE})(?:[ \t]+\d{{1,3}}[A-Z]?|[ \t]+{_DIRECTION})?"
    rf"|(?:{_alt(SEGMENT_LEAD_TYPES)})[ \t]+(?:{_PARTICLE}[ \t]+|d['’])*{_SEG_NAME}(?:[ \t]+\d{{1,3}}(?:/\d{{1,3}})?[A-Z]?)?"
    rf"|(?:Street|Road|Lane|Avenue|Way|St\.?|Rd\.?|Ave\.?|Soi|Lorong|Rue|Calle)[ \t]?\d{{1,4}}[A-Z]?)){_SEG_END}"
    # a locality: its lead and name or number, or name and tail word ("Brgy. Lahug", "Phase 18", "Kileleshwa
    # Estate", "PECHS Block 6", "Makati City 1280"), RT/RW (Indonesia's neighbourhood units), a sector code
    # ("G-11/3", Islamabad)
    rf"|(?P<lead>{_alt(LOCALITY_LEADS)})[ \t]+(?P<leadname>{_SEG_NAME}|{_SEG_NUMBER})(?:[ \t]+{_SEG_NUMBER})?{_SEG_END}"
    rf"|(?P<locality>{_SEG_NAME}[ \t]+(?:(?:{_alt(LOCALITY_TAILS)})(?:[ \t]+\d{{1,6}})?"
    rf"|(?:Block|Phase|Sector|Zone|Stage)[ \t]?{_SEG_NUMBER})"
    rf"|RT[ \t.]?\d{{1,3}}[ \t]*(?:/[ \t]*|[ \t]+)RW[ \t.]?\d{{1,3}}|[A-Z]{{1,2}}-\d{{1,2}}(?:/\d{{1,2}})?){_SEG_END}"
    # a postcode, before or after its town ("47300 Petaling Jaya", "Mumbai - 400033", "Malang 65192"), Ghana's
    # digital address ("GA-183-8164"), Mexico's "C.P. 03940"
    rf"|(?P<postcode>(?:C\.[ \t]?P\.[ \t]?)?\d{{5,6}}(?:[ \t]+{_SEG_NAME})?(?![ \t]+\w)|[A-Z]{{2}}-\d{{3,4}}-\d{{4}}|(?:{_SEG_NAME}(?:[ \t]*[-–][ \t]*|[ \t]+))?{_UK_POSTCODE}"
    rf"|{_SEG_NAME}(?:[ \t]*[-–][ \t]*|[ \t]+)\d{{4,6}}){_SEG_END}"
    # a name: a town, a district, an area ("Velachery", "Gulberg III", "Al Nahda 1")
    rf"|(?P<name>{_SEG_NAME})(?:[ \t]+{_DISTRICT_NUMBER})?(?![\w'’\-]|[.,]?[ \t]?\d|[ \t]*:))")
_MAX_SEGMENTS = 7


_NAME_PARTICLES = frozenset("al el de del des du la le di da do dos bin binti ul e van upon".split())


class Segments:
    """What ``locality_end`` found: where the segments end, whether one of them makes the address certain
    (a street, a named locality, a postcode) and how many there are."""

    __slots__ = ("end", "certain", "count", "last_place")

    def __init__(self, end: int, certain: bool, count: int, last_place: bool):
        self.end, self.certain, self.count, self.last_place = end, certain, count, last_place


def locality_end(text: str, pos: int, stop: int, flags: dict[str, int], postal: re.Pattern | None = None) -> Segments:
    """The comma-separated segments of an address after ``pos`` (street, locality, town, postcode), as far as they
    are sure. A weak segment (a plain name the lexicon does not know as a town, a street whose type is an ordinary
    word: "Harbour View", a numbered lead: "Phase 2") counts before a sure one or, last, after a comma where the
    address ends, a name only when none of its words is an ordinary word or a first name ("..., Velachery." ends an
    address; "..., Thanks", "..., Sarah will sign" and "..., Phase 2 starts Monday" do not). ``postal``: where it
    matches, the segments end (the caller's postcode grammar takes the rest: "..., Birmingham B13 1GQ")."""
    end, certain, count, last_place = pos, False, 0, False
    names: list[re.Match] = []  # the plain names after the last sure segment
    p = pos
    for _ in range(_MAX_SEGMENTS):
        if postal is not None and postal.match(text, p, stop):
            # the names before a postcode are the address's, and the postcode makes it sure
            end, count, names, certain = p, count + len(names) + 1, [], True
            break
        m = _SEGMENT_RE.match(text, p, stop)
        if m is None or m.group().strip(" \t,\n").split(None, 1)[0].lower() in SEGMENT_STOPS:
            break
        p = m.end()
        if _weak(m, flags):
            names.append(m)
            continue
        end, count, names = p, count + len(names) + 1, []
        last_place = bool(m.group("name"))
        certain = certain or not last_place
    if names and all(_may_end(m, flags) for m in names):
        end, count, last_place = names[-1].end(), count + len(names), False
    return Segments(end, certain, count, last_place)


def _weak(m: re.Match, flags: dict[str, int]) -> bool:
    """A segment that may be an ordinary phrase as well: a name the lexicon does not know as a town, a street whose
    type is an ordinary word ("Central Park"), a lead with a number only ("Phase 2", "Section 3")."""
    if m.group("name"):
        return not _is_place(m.group("name"), flags)
    if m.group("street"):
        return (m.group("type") or "").rstrip(".") in _PLAIN_STREET_TYPES
    return bool(m.group("lead")) and m.group("lead") in _ORDINARY_LEADS


def _is_place(name: str, flags: dict[str, int]) -> bool:
    """A town or region the lexicon knows (its first word, or the word after an article: "Abu Dhabi", "Al Ain"), a
    big one if it is an ordinary word too ("Mobile", "Reading"; not "Central")."""
    words = name.split()
    if words[0] in _ARTICLES and len(words) > 1:
        words = words[1:]
    f = flags.get(norm_key(words[0]), 0)
    return bool(f & MAJOR or f & PLACE and not f & COMMON)  # not "Central", "Park": ordinary words first


def _may_end(m: re.Match, flags: dict[str, int]) -> bool:
    """A weak segment may end an address after a comma, where the address ends; a plain name only when an article
    leads it ("El Poblado", "Al Khan") or none of its words is an ordinary word or a first name the lexicon knows
    ("Velachery", "Gulberg III")."""
    separator = m.group()[:len(m.group()) - len(m.group().lstrip(" \t,\n"))]
    if "," not in separator:
        return False  # a name on the next line may be a signature
    if not _ADDRESS_ENDS_RE.match(m.string, m.end()):
        return False  # "..., Zieladresse Mariahilfer Str. 14": a label and the next address
    if not m.group("name"):
        return True
    words = m.group("name").split()
    if words[0] in _ARTICLES and len(words) > 1:
        return True
    return words[0].lower() not in FUNCTION_WORDS and all(_may_name_place(w, flags) for w in words)


_ROMAN_RE = re.compile(r"[IVX]{1,4}")
# what may follow a district's name that ends an address: the end of the text, line, clause or sentence, or "or",
# "and" ("..., Westlands or Kilimani?")
_ADDRESS_ENDS_RE = re.compile(r"[ \t]*(?:$|[\n.?!;,)]|(?:or|and|ou|et|o|y)(?![\w'’]))")


def _may_name_place(word: str, flags: dict[str, int]) -> bool:
    """A word of a district's name: no ordinary word, no first name (a surname only: many towns are one, "Chorlton"),
    unless the lexicon knows it as a place too; a particle; a Roman numeral ("Gulberg III")."""
    f = flags.get(norm_key(word), 0)
    return (word.lower() in _NAME_PARTICLES or bool(_ROMAN_RE.fullmatch(word)) or bool(f & PLACE)
            or not f & (COMMON | FIRST))


# Singapore's public housing (HDB): the block first, the street, the road's number, the flat "#floor-unit"
# ("Blk 27 Hougang Ave 8 #09-44", "Blk 178 Toa Payoh Lor 4, #06-28"); the town and postcode after are
# ``address_parts``'s ("Singapore 310027")
_SG_TYPE = r"(?:Ave|Avenue|St|Street|Rd|Road|Dr|Drive|Cres|Crescent|Lor|Lorong|Way|Central|Ctrl|Close|Walk|Link)"
_SG_RE = re.compile(
    rf"(?<![\w.])Blk\.?[ \t]?\d{{1,4}}[A-Z]?[ \t]+{_W}(?:[ \t]+{_W}){{0,3}}[ \t]+{_SG_TYPE}\.?(?:[ \t]+\d{{1,2}}[A-Z]?)?"
    rf"{_NUM_END}(?:,?[ \t]*#[ \t]?\d{{1,3}}-\d{{1,5}}[A-Z]?)?(?![\w\-])")
_SG_WORDS = Cue("blk")

# Indonesia: the street type, the name, the house number "No." or lot "Kav." ("Jl. Pahlawan No. 56", "Gang Mawar No. 4"), a housing
# estate with its block ("Perumahan Griya Asri Blok C2 No. 7"); the kelurahan and kecamatan with a house number
# ("Kel. Sukamaju, Kec. Cilodong No. 18"). RT/RW, kelurahan, kecamatan, town and postcode after are
# ``locality_end``'s
_ID_LEAD = r"(?:Jl\.|Jln\.?|Jalan|Gg\.|Gang|Perumahan|Perum\.?|Komplek|Kompleks|Komp\.)"
_ID_RE = re.compile(
    rf"(?<![\w.])(?:{_ID_LEAD}[ \t]*{_W}\.?(?:[ \t]+{_W}\.?){{0,3}}(?:[ \t]+(?:Blok|Blk\.?)[ \t]?[A-Z]{{0,2}}\d{{0,3}}[A-Z]?)?"
    rf"|Kel\.[ \t]*{_W}(?:[ \t]+{_W}){{0,2}},[ \t]*Kec\.[ \t]*{_W}(?:[ \t]+{_W}){{0,2}})"
    rf",?[ \t]+(?:No|Kav|Km)\.?[ \t]?\d{{1,4}}[A-Z]?(?:-\d{{1,4}})?{_NUM_END}{_NO_UNIT}")  # "Kav. 52-53": a lot (kavling);
# "Km. 28": the kilometre of a highway
_ID_WORDS = Cue("jl jln jalan gg gang perumahan perum komplek kompleks komp kel")

# Senegal: a corner, the street and its cross street after "x" ("Rue Carnot x 218", "Avenue Blaise Diagne x Rue 22")
_SN_CORNER_RE = re.compile(
    rf"(?<![\w.])(?:Rue|Avenue|Av\.|Boulevard|Bd|Route|Allées|Autoroute)[ \t]+(?:(?:de[ \t]+la|de|du|des)[ \t]+|d['’]|l['’])?"
    rf"(?:{_W}(?:[ \t]+{_W}){{0,2}}|\d{{1,3}})[ \t]+x[ \t]+(?:(?:Rue|Avenue|Av\.|Boulevard|Bd|Route)[ \t]+)?"
    rf"(?:\d{{1,4}}[A-Z]?|{_W}(?:[ \t]+{_W}){{0,2}}){_NUM_END}{_NO_UNIT}(?![ \t]*(?:cm|mm|in|ft)\b)")  # "5 x 3 cm": a size
# Thailand: the house number and the village (moo), or the soi (lane) or thanon (road) ("99/1 Moo 5", "12 Soi Sukhumvit
# 11"); Vietnam: the house number and a street type ("12 Đường Lê Lợi", "5 Ngõ Huế", "3/7 Hẻm Ba Gia"). Tambon,
# amphoe, phường, quận and the province after are ``locality_end``'s
_TH_VN_RE = re.compile(
    rf"(?<![\w.,/])\d{{1,4}}[A-Z]?(?:/\d{{1,4}})?,?[ \t]+(?:Moo[ \t]?\d{{1,2}}(?![\w])|(?:Soi|Thanon|Đường|Phố|Ngõ|Hẻm)[ \t]+{_W}"
    rf"(?:[ \t]+{_W}){{0,3}}(?:[ \t]+\d{{1,3}}(?![\w]))?)")
_TH_VN_WORDS = Cue("moo soi thanon đường phố ngõ hẻm")
_SN_CORNER_WORDS = Cue("rue avenue av boulevard bd route allées autoroute")
# West Africa and the Maghreb: the housing estate or quarter, then the villa ("Cité Keur Gorgui, villa 25", "Mermoz
# Pyrotechnie, villa 23", "Sicap Liberté 6, Villa n° 12"), where the address ends or its town follows
_SN_VILLA_RE = re.compile(
    rf"(?<![\w.]){_W}(?:[ \t]+{_W}){{0,3}}(?:[ \t]+[A-Z]?\d{{1,2}})?,[ \t]*[Vv]illa[ \t]+(?:n[°º][ \t]?)?\d{{1,4}}[A-Z]?{_NUM_END}"
    rf"(?=[ \t]*(?:,[ \t]*[{_UC}]|[.;!?]|$|\n))")
_SN_VILLA_WORDS = Cue("villa")


def _always_span(rx: re.Pattern) -> Callable[[Scan], list[tuple[int, int]]]:
    """A finder of the matches of ``rx`` anywhere in the text."""
    return lambda scan: [m.span() for m in rx.finditer(scan.text)]


def _going_on_span(rx: re.Pattern) -> Callable[[Scan], list[tuple[int, int]]]:
    """A finder of the matches of ``rx`` after which the address goes on (a comma and a capitalised segment: "12 Soi
    Sukhumvit 11, Khet Watthana"); "2 Soi Dogs" is a band's name."""
    return lambda scan: [m.span() for m in rx.finditer(scan.text) if _SEGMENT_GOES_ON_RE.match(scan.text, m.end())]


_SEGMENT_GOES_ON_RE = re.compile(rf"[ \t]*(?:,[ \t]*|\n[ \t]*)[{_UC}]")


# (the words that must occur, the finder of the spans), after the street lines of ``CONVENTIONS``
FINDERS: tuple[tuple[Cue, Callable[[Scan], list[tuple[int, int]]]], ...] = (
    (_SG_WORDS, _always_span(_SG_RE)),
    (_ID_WORDS, _always_span(_ID_RE)),
    (_SN_CORNER_WORDS, _always_span(_SN_CORNER_RE)),
    (_TH_VN_WORDS, _going_on_span(_TH_VN_RE)),
    (_SN_VILLA_WORDS, _always_span(_SN_VILLA_RE)),
)


def convention_streets(scan: Scan) -> list[tuple[int, int]]:
    """The spans of the street lines (and the parts their convention writes its own way) in the text, each
    convention tried only where the scan spotted one of its street words."""
    out = []
    flags = scan.lex.flags
    for words, rx, ok in CONVENTIONS:
        if scan.at(words):
            out.extend(m.span() for m in rx.finditer(scan.text) if ok(m, flags))
    for words, find in FINDERS:
        if scan.at(words):
            out.extend(find(scan))
    return out
