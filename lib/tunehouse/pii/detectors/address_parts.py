"""The parts of a street address around its street line: what comes after the house number (flat, floor,
stair, door: "lgh 1102", "4.º 1.ª", "st. tv.", "3. OG links", "B 34", "/1/5", "(NA)"), the postcode and town
after it on the same line or the next ones ("5000 Odense C", "\\nGalway\\nH91 N5S5", " - São Paulo - SP", ",
Cambridge, MA 02139"), and what comes before it ("Flat 2\\n", "Unit ", "Level 2, ", "Résidence Les Tilleuls,
esc. C\\n"); and post-office boxes with their town ("PO Box 5778, Hobart TAS 7000", "BP 319, 44000 Nantes
Cedex", "Postfach, 6003 Luzern").

Why a pass of its own: the street detectors (``addresses``, the learned model) find the street line, and each
national way of writing the rest is a small grammar that every one of them would otherwise repeat. Measured on
the DEV split of ``benchmarks/pii_eval``'s ``fresh_generator`` set (hand-written addresses of 20 locales that
no rule here was written from): 134 of 297 addresses were *partial* before this pass, the street replaced and
the floor, postcode or town left in the text.

The conventions are those of each country's postal addressing (UPU "Postal addressing systems" per country):
floor and side after the number in Spain, Portugal, Denmark, Austria ("Stiege/Tür"), Sweden ("3 tr", "lgh
1102"), Finland (stair letter and flat "B 34", "as. 12"), Norway ("H0302"), Italy ("scala B, int. 7", the
province in parentheses), Brazil (city "/ UF", " - UF" or " – UF", "CEP 01310-264", "conj. 41"), Ireland
(Eircode), Australia (state and postcode), the US (state and ZIP), the UK (postcode), Catalonia (floor and door
"8r 8a", "baixos", "àtic"), Quebec (a flat on a line of its own, "app. 6"; "bureau 500"), Czechia and Slovakia
(the district after the town: "110 00 Praha 1").
"""

from __future__ import annotations

import re

from tunehouse.pii.detectors.address_conventions import (
    UNIT_FIRST_RE,
    UNIT_MARK,
    UNIT_NUMBER,
    UNIT_WORDS,
    locality_end,
)
from tunehouse.pii.detectors.addresses import (
    LOWER_STREET_TYPES,
    STREET_ABBREVS,
    STREET_LEADS,
)
from tunehouse.pii.detectors.base import Scan, detector
from tunehouse.pii.entity import Candidate, Entity
from tunehouse.pii.lexicon import (
    COMMON,
    FUNCTION_WORDS,
    INDICATOR,
    MAJOR,
    PLACE,
    Lexicon,
    norm_key,
)

# one floor, side, stair, door or flat mark after the house number (each needs a number, a letter or a dot
# that makes it no ordinary word)
_ORDINAL = r"\d{1,2}\s?(?:\.\s?[ºª°]|[ºª°]|\.)"
_FLOOR_SIDE = (r"(?:(?i:izda|izq|izqda|dcha|dch|drcha|dta|esq|dto|frente|tr[áa]s|stock|etage|[ée]tage|korrus|etasje|etg"
               r"|kerros|krs)|OG|EG|DG|UG"
               r"|mf|tv|th|sal)\.?(?:\s(?:links|rechts|li|re|Mitte))?")
_UNIT_WORDS = (r"(?:apt|apto|ap|app|appt|apartment|suite|ste|unit|flat|room|lgh|lok|lokal|bus|bo[îi]te|bte|bloco"
               r"|bl|casa|piso|planta|puerta|pta|esc|escalera|escalier|scala|int|interno|stiege|stg|t[üu]r|top|as"
               r"|porta|porte|sala|andar|dpto|depto|piano|b[âa]t|app|conj|conjunto|bureau)")  # Brazil's "conj. 41", Quebec's "bureau 500"
_CANADA = r"[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"  # Canadian postal code "H2J 2L3"
_EIRCODE = r"[A-Z]\d[0-9W][ \t]?[A-Z0-9]{4}"  # routing key and unique identifier (written loosely in chats)
# a county after the town: Romanian "jud. Sibiu" (and Bucharest's "sector 3"), Irish "Co. Kerry" and its Eircode
_COUNTY = (r"(?:jud(?:\.|e[țţ]ul)[ \t]+[A-ZĂÂÎȘŞȚŢa-zăâîșşțţ][\w\-]+|sector(?:ul)?[ \t]+[1-6]"
           r"|Co\.[ \t]+[A-Z][a-z]+(?:,?[ \t]+" + _EIRCODE + r")?|" + _EIRCODE + r")(?![\w])")
_COUNTY_AFTER = re.compile(r"[ \t]*,[ \t]*" + _COUNTY)
_TAIL_PART = re.compile(
    r"(?:[ \t]*[,;][ \t]*|[ \t]+[-–][ \t]+|[ \t]+)(?:"
    rf"{_ORDINAL}(?:\s?{_ORDINAL})?(?:\s?{_FLOOR_SIDE})?"  # "4.º 1.ª", "3º izda.", "4. mf.", "3. OG links"
    r"|st\.(?:\s?(?:tv|th|mf)\.)?"  # Danish "st. tv." (ground floor, left)
    r"|\d{1,2}\s?tr\b\.?"  # Swedish "3 tr" (third floor)
    rf"|(?i:{_UNIT_WORDS})(?![^\W\d_])\.?[ \t]?(?:n\.?[º°o]\.?\s?)?(?:\d[A-Za-z0-9\-]{{0,5}}|[A-Za-z](?:-?\d{{1,4}})?)(?![\w])"
    r"|n\.?[º°]\.?[ \t]?\d{1,5}[A-Za-z]?(?![\w])"  # Portuguese house number after the street: ", n.º 136"
    r"|(?:\d{1,2}(?:r|n|t|è)|pral\.?)[ \t]+\d{1,2}a(?![\w])|(?i:baixos|àtic|sobreàtic|entresol)(?![\w])"  # Catalan "8r 8a",
    # "4t 2a", "pral. 2a"
    r"|(?i:bajo|[áa]tico|entresuelo|principal|r/c|hs|bis|ter|hinterhaus|vorderhaus|postfach|cedex|izda|izq|izqda"
    r"|dcha|dch|drcha|dta|esq|dto)(?![\w])\.?"
    r"|H\d{4}(?![\w])"  # Norwegian flat number "H0302"
    r"|\d{1,2}[ \t]?hoog|huis(?![\w])"  # Dutch floors: "2 hoog", "huis" (ground floor)
    r"|\d{1,2}(?:st|nd|rd|th)[ \t]+floor|(?i:ground|top)[ \t]+floor|(?i:blk|block)\.?[ \t]?\d{1,4}[A-Z]?(?![\w])"
    r"|uppg[åa]ng[ \t]?[A-Z0-9]{1,2}(?![\w])|m\.[ \t]?\d{1,4}(?![\w])"  # Swedish stairwell, Polish flat after a comma
    # a landmark after the address, as India and the Philippines write it ("near the temple", "opp. SBI")
    r"|(?i:near|opp\.?|opposite|behind|beside)[ \t]+(?:the[ \t]+)?[A-Za-z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2}"
    r"|(?<=[a-z] )\d{1,3}[A-Z]?(?=[ \t]*(?:,|$|\n))"  # the road's number after its type: "Ang Mo Kio Avenue 6"
    r"|(?i:korter|krt\.?)[ \t]?\d{1,4}(?![\w])"  # Estonian flat (floors "3. korrus", "2. etasje": _FLOOR_SIDE)
    r"|of\.[ \t]?\d{1,4}(?![\w])"  # Latin American "of. 6" (oficina)
    r"|" + _COUNTY + r""
    r"|[A-H][ \t]\d{1,3}(?![\w.,]\d|[\w])"  # Finnish stair and flat after a comma: ", B 4"
    rf"|\((?:Québec|Quebec|Ontario|Alberta|Manitoba|Saskatchewan|Nouveau-Brunswick|Nouvelle-Écosse)\)(?:[ \t]+{_CANADA})?"
    r"|\d{1,2}(?:e|er|re|ère|ème)[ \t]+(?i:étage|etage)"  # French floor "6e étage"
    r"|RD[ \t]?\d{1,2}(?![\w])"  # New Zealand rural delivery "RD 6"
    r"|\d{1,4}[ \t]?/[ \t]?[A-Za-z0-9]{1,3}(?![\w])"  # Italian civic number after the road's: "SP 12, 209/B"
    r"|\((?:[A-Z]{2}|[^()\n]{0,30}?(?:\d|\b(?i:stock|og|hinterhaus|vorderhaus|links|rechts|étage|piano)\b)"
    r"[^()\n]{0,30})\)"  # "(NA)", "(3. OG links)", "(Hinterhaus, 2. Stock)"
    r")")
# right after the house number only: a stair letter and flat ("B 34", "51 B"; not the pronoun "I" or an article
# before a lower-case word), slash parts ("/b", "/1/5", "/Stiege 3/Tür 9"), Polish "m. 15" (the flat; also glued: "31m. 15"),
# Dutch "-III"
_NUMBER_SUFFIX = re.compile(
    r"[ \t]?(?:[A-Z][ \t]\d{1,4}|[A-HJ-Z](?![ \t]+[a-zà-ÿ]))(?![\w'’.\-])"
    r"|[ \t]?/[ \t]?(?:\d{1,4}[A-Za-z]?|[A-Za-z]\b|(?:Stiege|Tür|Top)[ \t]?\d{1,3})"
    r"|[ \t]?m\.[ \t]?\d{1,4}(?![\w])"
    r"|[ \t]?-(?:[IVX]{1,4}|\d{1,3})(?![\w])")  # Dutch "-III", "7 -4"
# a flat on a line of its own under the street line, the whole line ("187, avenue du Mont-Royal\napp. 6\n...")
_UNIT_LINE = re.compile(r"[ \t]*\n[ \t]*(?i:app|appt|apt|apartment|suite|unit|unité|bureau|flat)\.?[ \t]?#?\d{1,5}[A-Za-z]?"
                        r"(?=[ \t]*(?:\n|$))")
_ADJACENT = re.compile(r"[ \t]*,?[ \t]*\n?[ \t]*")
_STAIR_LETTER_END = re.compile(r"\d[ \t]?[A-Z]$")
_FLAT_AFTER_STAIR = re.compile(r"[ \t]\d{1,4}(?![\w]|[.,:]\d)")
# a town: capitalised words, with the particles of "Santiago de Compostela", "Vilanova i la Geltrú"
_TOWN = (r"(?:(?:St|Ste|Sta|Sto|S)\.[ \t]?)?[A-ZÀ-ÝŁŚŻŹĆŃÅØÆ][\w'’\-]+(?:[ \t\-]+(?:(?:i|y|la|le|de|del|della|di|da|do|dos|das|sur|en|am|an|im|der"
         r"|el|les|upon)[ \t]+)*[A-ZÀ-ÝŁŚŻŹĆŃÅØÆ][\w'’\-]+){0,2}")
_POSTCODE = (r"(?:[A-Z]\d{4}(?:[A-Z]{3})?(?![\w])|(?:[A-Z]{1,2}-)?(?:\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4}[ \t]{0,2}[A-Z]{2}(?![\w])"
             r"|\d{4,5}))")
_UK = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"
_SEP_LINE = r"(?:[ \t]*,[ \t]*(?:\n[ \t]*)?|[ \t]*\n[ \t]*|[ \t]+[-–][ \t]+)"  # Brazil writes an en dash too
# the postal part after the street line, each alternative anchored right after what was taken so far
_POSTAL_PART = re.compile(
    _SEP_LINE + r"(?:"
    rf"\d{{3}}[ \t]\d{{2}}[ \t]+{_TOWN}[ \t]+\d{{1,2}}(?![\w.,:/\-])|"  # Czech and Slovak districts: "110 00 Praha 1"
    rf"(?:CEP[ \t]?)?{_POSTCODE}[ \t]+{_TOWN}(?:[ \t]+(?:Cedex(?:[ \t]\d{{1,2}})?|[A-Z]{{1,2}}(?![\w'’\-])))?"
    r"(?:[ \t]?\([A-Z]{2}\))?"  # "44000 Nantes Cedex", "5000 Odense C", "80134 Napoli (NA)"
    rf"|{_TOWN}(?:[ \t]*,)?[ \t]+(?!CEP)[A-Z]{{2,3}}[ \t]+\d{{4,5}}(?:-\d{{4}})?(?![\w\-])"  # US/AU: "Hobart TAS 7000"
    rf"|{_TOWN}(?:[ \t]*,)?[ \t]+(?:[A-Z]{{2}}|\([A-ZÀ-Ý][\w\-é]+\))(?:[ \t]+{_CANADA})?(?![\w\-])"  # Canada: "Halifax, NS
    # B3L 1A1", "Montréal (Québec) H2J 2L3", "Sherbrooke (Québec)"
    rf"|{_TOWN}(?:[ \t]+|[ \t]*\n[ \t]*)\d{{4,6}}(?![\w\-])"  # New Zealand, South Africa: "Auckland 1011", "Cape Town\n8001";
    # India's PIN and Singapore's postcode: "Chennai 600034"
    rf"|{_TOWN}(?:[ \t]*,?[ \t]*|[ \t]*\n[ \t]*)(?:{_UK}|{_EIRCODE})(?![\w])"  # "Leeds LS6 2AB", "Galway\nH91 N5S5"
    rf"|{_TOWN}[ \t]?(?:/|[ \t][-–])[ \t]?[A-Z]{{2}}(?![\w])"  # Brazil: "Belo Horizonte/MG", "Salvador - BA", "Recife – PE"
    rf"|Col\.[ \t]+{_TOWN}"  # Mexico's colonia: "Col. Del Valle"
    rf"|Dublin[ \t]\d{{1,2}}W?(?:[ \t]*,?[ \t]*{_EIRCODE})?(?![\w])"  # Dublin postal districts, an Eircode after
    rf"|(?:CEP[ \t]?\d{{5}}-?\d{{3}}|\d{{5}}-\d{{3}}|{_UK}|{_EIRCODE}|{_CANADA})(?![\w])"  # a postcode on its own ("SP, 01310-160")
    r")")
# a town alone after a comma: only a place the lexicon knows (else "..., thanks" would be taken)
_TOWN_ALONE = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+[-–][ \t]+|[ \t]*\n[ \t]*)(" + _TOWN + r")(?![\w'’\-])")
# Mexican states "Jal.", "Oax."; not an abbreviation that leads a name ("Alc. Benito Juárez": the borough)
_STATE_ABBREV = re.compile(r"[ \t]*,[ \t]*[A-Z][a-zé]{1,4}\.(?![\w])(?![ \t]+[A-ZÀ-Ý][a-zà-ÿ])")
# what may stand before the street line: a flat or unit ("Flat 2\n", "Top Floor Flat\n", "Unit ", "U ",
# "Level 2, "), a building ("Résidence Les Tilleuls, esc. C\n")
_HEAD = re.compile(
    r"(?:(?i:(?:top|ground|first|second|basement|garden)[ \t]floor[ \t]flat|flat|apt\.?|apartment|unit|suite|level"
    r"|lvl|shop)(?:[ \t]?(?:\d[A-Za-z0-9]{0,3}|[A-Za-z]\d{0,3})(?![\w]))?|\bU(?:[ \t]?\d{1,4})?"  # not "flat is"
    r"|\d{1,4}[ \t]+[A-Z][\w'’\-]+[ \t]+(?:Estate|Complex|Village|Mansions|Gardens)"
    r"|(?:R[ée]sidence|Residenza|Residencial|Edificio|Edif[íi]cio|B[âa]timent|Building)[ \t][^\n,]{1,40}?"
    r"(?:,[ \t]*(?i:esc|b[âa]t|escalier|escalera|entr[ée]e)\.?[ \t]?\w{1,3})?)"
    r"(?:[ \t]*,[ \t]*|[ \t]*\n[ \t]*|[ \t]*/[ \t]*|[ \t]+)$")
_HEAD_TYPES = "|".join(sorted(LOWER_STREET_TYPES | {"avenue", "boulevard", "place", "chemin", "impasse", "quai", "piazza", "corso",
                                  "avenida", "travessa", "largo", "praça", "plaza", "paseo"}))
_HEAD_PARTICLES = r"van|von|der|den|de|del|della|di|da|do|dos|das|la|le|les|du|des"
# capitalised words, then particles or lower-case types ("Witte de |", "Thorvald Meyers gate |"); or a lower-case
# type alone ("avenue |Louise"); particles alone ("in der |Waldsiedlung") are no street's name
_NAME_HEAD_RE = re.compile(
    rf"(?<![\w'’])(?:(?:[A-ZÀ-ÝÅØÆ][\w'’.\-]*[ \t]+){{1,3}}(?:(?:{_HEAD_PARTICLES}|{_HEAD_TYPES})[ \t]+|d['’])+"
    rf"|(?:{_HEAD_TYPES})[ \t]+(?:(?:{_HEAD_PARTICLES})[ \t]+|d['’])*)$")
# a street line whose house number has flat or floor marks before the postcode ("os. Kalinowe 31m. 15, 90-627
# Łódź", "An der Alster 183, 3. OG links, 04109 Leipzig", "rue de la Loi 1\n5000 Namur")
_LEADING_TYPES = ("rue", "avenue", "boulevard", "via", "viale", "calle", "rua")  # lower-case, before the name
_AFTER_TYPES = "gate|gata|gaten|vei|veien|vej|väg|vägen|katu|tie|tänav|mnt|maantee|pst|puiestee"  # and after it
_STREET_LINE_RE = re.compile(
    rf"(?P<street>(?:(?:ul|al|pl|os)\.[ \t]*)?(?:[A-ZÀ-ÝÅØÆŁŚŻ][\w'’.\-]*|(?:{'|'.join(_LEADING_TYPES)})"
    rf"(?=[ \t]))(?:[ \t]+(?:[A-ZÀ-ÝÅØÆŁŚŻ][\w'’.\-]*|(?:{_HEAD_PARTICLES}|{_AFTER_TYPES})"
    r"(?=[ \t])|d['’][A-ZÀ-Ý][\w'’\-]*)){0,4})[ \t]+(?:[Nn][°º][ \t]?)?(?P<number>\d{1,4}(?:[A-Za-z](?!\.))?)"
    r"(?![\w.,]\d)")
_POSTCODE_ANYWHERE = re.compile(_POSTCODE + r"[ \t]+[^\W\d_]|" + _UK + "|" + _EIRCODE + r"|CEP")
_PO_BOX = re.compile(
    r"\b(?:P\.?[ \t]?O\.?[ \t]?Box|S\.L\.P\.|BP|Postfach|Postbus|Apartado(?:[ \t]de[ \t]Correos)?|Caixa[ \t]Postal"
    r"|Casella[ \t][Pp]ostale|Skrytka[ \t]pocztowa|skr\.[ \t]?poczt\.|Box(?=[ \t]\d)|PL(?=[ \t]\d)|Postboks|C\.P\.(?=[ \t]\d)"
    r"|RR[ \t]?\d{1,3}(?:,?[ \t]*Site[ \t]\d{1,4})?(?:,?[ \t]*Comp[ \t]\d{1,4})?(?:[ \t]+Box(?=[ \t]\d))?)"
    r"(?:[ \t]\d{1,6})?(?:[ \t]+[A-Z][a-z]+(?=,))?"  # "Postboks 985 Sentrum, 5003 Bergen"
    r"(?:[ \t]*,[ \t]*(?:succ\.|succursale|Station)[ \t]+[A-ZÀ-Ý][\w'’\-]*)?(?![\w])")  # "C.P. 7069, succ. Centre-ville"

# the words of a post-office box ("PO Box", "Postfach", "C.P. 7069"): a text without one has no box (one search instead
# of _PO_BOX's); _PO_BOX_WORDS in lower case, to search ``Scan.low`` first (see ``Scan.may_hold``)
_PO_BOX_HINT = re.compile(r"(?i)box|s\.l\.p|bp|postfach|postbus|postboks|apartado|caixa|casella|skrytka|poczt|PL |RR ?\d|C\.P\.")
_PO_BOX_WORDS = re.compile(r"box|s\.l\.p|bp|postfach|postbus|postboks|apartado|caixa|casella|skrytka|poczt|pl |rr ?\d|c\.p\.")


_CUT_ABBREVIATION = re.compile(r"[ \t]*,[ \t]*(?:Co|jud)$")


def _tail_end(text: str, pos: int, stop: int, lex: Lexicon) -> int:
    """Where an address ending at ``pos`` really ends (``stop``: not beyond): its unit and floor marks, then its
    postal part (postcode and town, town and state, a town the lexicon knows), at most a few of each."""
    while pos > 0 and text[pos - 1] in " \t":  # a street line taken with the blank after its number ("7 -4")
        pos -= 1
    pos = _marks_end(text, pos, stop)
    if cut := _CUT_ABBREVIATION.search(text, max(0, pos - 6), pos):
        pos = cut.start()  # "..., Tralee, Co|. Kerry", "..., jud|. Sibiu": a county abbreviation taken for a town
    for _ in range(4):
        m = _POSTAL_PART.match(text, pos, stop)
        if m:
            pos = m.end()
        elif (localities := locality_end(text, pos, stop, lex.flags, _POSTAL_PART).end) > pos:
            pos = localities  # "..., Brgy. Lahug, Makati City", "..., Hay Riad, Casablanca"
        elif (m := _TOWN_ALONE.match(text, pos, stop)) and _town_alone(text, m, stop, lex):
            pos = m.end()
        elif county := _COUNTY_AFTER.match(text, pos, stop):
            pos = county.end()
        else:
            break
        if state := _STATE_ABBREV.match(text, pos, stop):
            pos = state.end()
        while True:  # "(NA)", "Cedex" after the town
            m = _TAIL_PART.match(text, pos, stop)
            if not m or m.end() == pos or "\n" in m.group():
                break
            pos = m.end()
    return pos


# what may follow a small town that ends an address: the end of the text, line or sentence, an arrow or a dash
_TOWN_END = re.compile(r"[ \t]*(?:$|\n|[.!?;)]|→|->|[ \t]-[ \t])")


_UNIT_AFTER_RE = re.compile(rf"[ \t]*,[ \t]*(?i:{_UNIT_WORDS}|blk|block|floor)\b")  # "..., Indiranagar, unit 9"


def _town_alone(text: str, m: re.Match, stop: int, lex: Lexicon) -> bool:
    """Whether the capitalised word(s) after an address's comma are its town: a place the lexicon knows, a district
    the postal part right after vouches for ("Rathmines, Dublin 6"), or one word the lexicon does not know at all
    (a small town: "Narva mnt 2, Jõhvi") where the address ends ("..., Thanks" and "..., Bob." are no town)."""
    town = m.group(1)
    flags = lex.get(norm_key(town.split()[0]))
    if flags & (PLACE | MAJOR) or _POSTAL_PART.match(text, m.end(), stop):
        return True
    return (" " not in town and not flags and "," in text[m.start():m.start(1)]
            and bool(_TOWN_END.match(text, m.end(), stop) or _UNIT_AFTER_RE.match(text, m.end(), stop)))


def _marks_end(text: str, pos: int, stop: int, stair_flat: bool = True) -> int:
    """Where the flat, floor and stair marks after a house number ending at ``pos`` end (at most six of them).
    ``stair_flat``: a flat number after a stair letter counts too ("Hämeenkatu 14 A| 5")."""
    for _ in range(6):
        m = _NUMBER_SUFFIX.match(text, pos, stop) if text[pos - 1:pos].isdigit() else None
        if m is None and stair_flat and _STAIR_LETTER_END.search(text, max(0, pos - 3), pos):
            m = _FLAT_AFTER_STAIR.match(text, pos, stop)
        m = m or _TAIL_PART.match(text, pos, stop) or _UNIT_LINE.match(text, pos, stop)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _name_head(text: str, start: int, floor: int) -> int:
    """Where the street's name starts when the detector took only its end: capitalised words before a
    lower-case street type or name particle ("avenue |Louise 41", "Witte de |Withstraat 134", "Thorvald Meyers
    gate |14"); ``start`` if there is none."""
    m = _NAME_HEAD_RE.search(text, max(floor, start - 60), start)
    return m.start() if m and m.end() == start else start


def _head_start(text: str, start: int, floor: int) -> int:
    """Where an address starting at ``start`` really starts (``floor``: not before): a flat, unit or building
    line right before it, or a house number before a street whose type comes first (the US's Spanish street
    names: "181 Calle Serena")."""
    m = _HEAD.search(text, max(floor, start - 60), start)
    if m and m.end() == start and (m.start() == 0 or not text[m.start() - 1].isalnum()):
        return m.start()
    if text[start:start + 1].isdigit() and (m := _UNIT_HEAD.search(text, max(floor, start - 60), start)):
        return m.start()
    if _TYPE_FIRST_RE.match(text, start) and (n := _HOUSE_NUMBER_BEFORE_RE.search(text, max(floor, start - 8), start)):
        return n.start()
    return start


# the units before a house number, as South Asia, Africa, the Gulf and South-East Asia write them ("House No. |12,
# Jail Road", "H# |20, ...", "Lot |19, Jalan ...", "Flat 17, Building |3, Al Wasl Road", "#|18, Old Airport Road",
# "Appt 1, Imm. |8, Rue ...", "Escalier 2, |85 chemin ..."): a chain of units, the last one's number being the
# street's house number
_UNIT_HEAD = re.compile(rf"(?<![\w#])(?:(?:{UNIT_MARK}(?:{UNIT_NUMBER})?(?:[ \t]*,[ \t]*|[ \t]+))+|#)$")
_TYPE_FIRST_RE = re.compile(r"(?:Calle|Camino|Avenida|Via|Vía|Paseo|Plaza|Calzada|Caminito|Rua)[ \t]")
_HOUSE_NUMBER_BEFORE_RE = re.compile(r"(?<![\w.,:/\-])\d{2,5}[A-Za-z]?[ \t]+$")


_ABSORBED = frozenset(("PHONE", "PERSON", "STREET_ADDRESS"))  # a postcode read as a phone, a town as a name


def complete_addresses(text: str, ents: list[Entity], lex: Lexicon) -> list[Entity]:
    """Each STREET_ADDRESS of ``ents`` (sorted, not overlapping) grown over the parts around it. An entity
    the grown address covers whole becomes part of it if it is a phone number (a postcode read as one), a name
    (a town read as one) or an address (the next line); any other entity stops it where that one starts."""
    if not any(e.type == "STREET_ADDRESS" for e in ents):
        return ents
    out: list[Entity] = []
    i = 0
    while i < len(ents):
        e = ents[i]
        if e.type != "STREET_ADDRESS":
            out.append(e)
            i += 1
            continue
        start = _head_start(text, e.start, out[-1].end if out else 0)
        named = _name_head(text, start, out[-1].end if out else 0)
        if named < start and out and out[-1].type == "PERSON" and not text[out[-1].end:named].strip():
            named = out.pop().start  # "<Thorvald Meyers> gate 14": the street's name read as a person's
        start = named
        end, j = _before_open_bracket(text, e.start, e.end), i + 1
        while True:
            grown = _tail_end(text, end, len(text), lex)
            if j < len(ents) and ents[j].type == "STREET_ADDRESS" and _ADJACENT.fullmatch(text, grown, ents[j].start):
                grown = ents[j].end  # two parts of one address found apart ("Møllergata" | "195 H0302, 0555 Oslo")
            if j < len(ents) and ents[j].start < grown:
                if ents[j].end <= grown and ents[j].type in _ABSORBED:
                    end, j = max(grown, ents[j].end), j + 1
                    continue
                end = max(end, _trim(text, end, ents[j].start))
            else:
                end = grown
            break
        out.append(Entity("STREET_ADDRESS", start, end, e.score))
        i = j
    return out


def _before_open_bracket(text: str, start: int, end: int) -> int:
    """An address cut inside a bracket ("Lindenstraße 28 (3" of "... (3. OG links)": a sentence end was seen
    at the dot) ends before the bracket; the tail grammar takes the bracket whole, or not at all."""
    cut = text.rfind("(", start, end)
    return _trim(text, start, cut) if cut > start and ")" not in text[cut:end] else end


def _trim(text: str, start: int, end: int) -> int:
    """``end`` moved back over separators, not before ``start``."""
    while end > start and text[end - 1] in " \t\n,;-–/(":
        end -= 1
    return end


@detector("STREET_ADDRESS", needs_digit=True, cue=UNIT_WORDS)
def unit_first_addresses(scan: Scan) -> list[Candidate]:
    """Addresses that start with their unit, as South and South-East Asia, Africa and the Gulf write them ("House
    No. 12, Jail Road, Lahore", "Blk 6 Lot 12, Phase 3, Brgy. San Roque", "Flat 4, Building 9, Street 14, Al Barsha
    2"): the unit, then segments (``locality_end``) of which one is sure (a street, a named locality, a postcode) or
    two, the last a town ("Plot 6 Block 2, Adenta, Accra"). "Lot 7 of the auction", "Block 3, Section 2 of the
    exam" have no such segments."""
    text, flags = scan.text, scan.lex.flags
    out = []
    for m in scan.matches(UNIT_WORDS, UNIT_FIRST_RE):
        seg = locality_end(text, m.end(), len(text), flags, _POSTAL_PART)
        if seg.certain or seg.count >= 2 and seg.last_place:
            out.append(Candidate("STREET_ADDRESS", m.start(), _tail_end(text, seg.end, len(text), scan.lex), 0.85))
    return out


@detector("STREET_ADDRESS", needs_digit=True)
def po_boxes(scan: Scan) -> list[Candidate]:
    """A post-office box with its postal part ("PO Box 5778, Hobart TAS 7000", "BP 319, 44000 Nantes Cedex",
    "Postfach, 6003 Luzern"); the box alone is no address."""
    text = scan.text
    if not scan.may_hold(_PO_BOX_WORDS) or not _PO_BOX_HINT.search(text):
        return []
    out = []
    for m in _PO_BOX.finditer(text):
        if _POSTAL_PART.match(text, m.end()):
            out.append(Candidate("STREET_ADDRESS", m.start(), m.end(), 0.85))
    return out


@detector("STREET_ADDRESS", needs_digit=True)
def street_lines(scan: Scan) -> list[Candidate]:
    """A street line, its flat and floor marks, and a postcode and town after them: the street detectors of
    ``addresses`` need the postcode right after the house number. Not when every word of the street is an
    ordinary word ("Room 12, 10115 Berlin") or the number and postcode make a date ("May 5, 2019 Paris")."""
    text, lex = scan.text, scan.lex
    if scan.ndig < 5 or not _POSTCODE_ANYWHERE.search(text):
        return []  # no postcode shape: no street line of this kind (most messages; the regex below is costly)
    out = []
    for m in _STREET_LINE_RE.finditer(text):
        pos = _marks_end(text, m.end(), len(text), stair_flat=False)
        postal = _POSTAL_PART.match(text, pos)
        if not postal or not re.search(r"\d{2}", postal.group()):
            continue
        typed = _typed(m.group("street"), strict=True)
        if not (typed or _STRONG_POSTCODE_RE.search(postal.group()) or _street_words_ok(m.group("street"), lex)):
            continue
        if _UNIT_BEFORE_NUMBER_RE.search(m.group("street")):
            continue  # "Crossing Apt. 333, ...": a flat number, the street is before it
        if not typed and int(re.match(r"\d+", m.group("number")).group()) <= 31 and re.match(
                r"[ \t,]*(?:19|20)\d\d\b", postal.group()):
            continue  # "May 5, 2019 Paris"; not "rue des Moulins 5, 1950 Sion"
        out.append(Candidate("STREET_ADDRESS", _street_start(m, lex), postal.end(), 0.85))
    return out


_ADDRESS_NOUN_RE = re.compile(r"(?i).*(?:adresse|anschrift|address|adres|indirizzo|direcci[óo]n|endere[çc]o|morada)$")


def _street_start(m: re.Match, lex: Lexicon) -> int:
    """Where the street's name starts: leading words that are no part of it dropped ("It's", "Anschrift",
    "Ladeadresse", a function word), as ``addresses`` does for its street lines."""
    words = list(re.finditer(r"\S+", m.group("street")))
    while len(words) > 1:
        w = words[0].group()
        if w in STREET_LEADS or w in STREET_ABBREVS or w.lower() in LOWER_STREET_TYPES:
            break
        if not ("'" in w or "’" in w or w.lower() in FUNCTION_WORDS or _ADDRESS_NOUN_RE.match(w)):
            break
        words.pop(0)
    start = m.start("street") + words[0].start()
    number = _NUMBER_BEFORE_RE.search(m.string, max(0, start - 8), start)  # "4469 |County Road 12, ..."
    return number.start() if number else start


_UNIT_BEFORE_NUMBER_RE = re.compile(rf"(?i)\b{_UNIT_WORDS}\.?$")
_NUMBER_BEFORE_RE = re.compile(r"(?<![\w.,])\d{1,5}[A-Za-z]?[ \t]+$")


# postcodes of a shape no date, amount or count has: Dutch "2611 GH", Polish "61-814", Portuguese "4050-164",
# Brazilian "40020-000", Swedish "113 59", Canadian, British
_STRONG_POSTCODE_RE = re.compile(r"\d{4}[ \t]?[A-Z]{2}(?![\w])|(?<!\d)(?:\d{2}|\d{4}|\d{5})-\d{3}(?!\d)|(?<!\d)\d{3}[ \t]\d{2}(?!\d)|"
                                 + _CANADA + "|" + _UK)


def _typed(street: str, strict: bool = False) -> bool:
    """A street type, abbreviation or particle among the words says the street is one (``strict``: a type in
    lower case, as it is written inside a street's name: "rue des Moulins", not "Gate 4")."""
    return any((w if strict else w.lower()) in LOWER_STREET_TYPES or w in STREET_ABBREVS
               or (w if strict else w.lower()) in _LEADING_TYPES
               or w.lower() in ("der", "de", "van", "von", "la") or w.lower().startswith(("d'", "d’"))
               for w in street.replace(".", ". ").split())


def _street_words_ok(street: str, lex: Lexicon) -> bool:
    """Some word of the street is no ordinary word, or a street type, abbreviation or particle says it is one."""
    words = street.replace(".", ". ").split()
    if _typed(street):
        return True
    return not all(lex.get(norm_key(w)) & (COMMON | INDICATOR) == COMMON for w in words if w[:1].isupper())
