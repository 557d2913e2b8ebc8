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
* Brazil: abbreviated types, the number after a comma ("R. Oscar Freire, 900", "Al. Santos, 1000").

What follows the street line everywhere (floor, door, postcode, town) is ``address_parts``'s; what a
convention writes in a way no other does is taken here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tunehouse.pii.detectors.base import Cue, Scan
from tunehouse.pii.lexicon import COMMON, INDICATOR, norm_key

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


def convention_streets(scan: Scan) -> list[tuple[int, int]]:
    """The spans of the street lines (and the parts their convention writes its own way) in the text, each
    convention tried only where the scan spotted one of its street words."""
    out = []
    flags = scan.lex.flags
    for words, rx, ok in CONVENTIONS:
        if scan.at(words):
            out.extend(m.span() for m in rx.finditer(scan.text) if ok(m, flags))
    return out
