"""Hand labels of the ``third_real`` lines (Polish #linuxpl IRC, ``third_real.sample_lines``), one line per
labelled record: ``<key> item | item ...`` where an item is a participant's nick (USERNAME, wherever it stands:
an addressee "mteg:", a nick inflected "mteg'a", a nick quoted "<prorok_>"), ``TYPE=value`` for another type,
or ``~value`` for a neutral string (public figures: Linus T., Alan Cox, Marilyn Manson, mIRC's author; strings
that may or may not be a handle or a private host). Every one of the 330 sampled lines was read; a line not
listed here holds no private PII. Lowercase words that are nicks only by chance (pingwin "penguin", free)
are not labelled.
"""

from __future__ import annotations

_RAW = """
0019fcbb dreamer
006e1028 _demon
00b4e028 mteg
014d9a5b ~Linus T.
02accb54 Wypracow
02b14d5c H0BELIK
0338ace6 poluvex
03d5f1c8 br`
044f2e13 blacky
0464eff6 smoku
0492f3d1 mteg | spm
04f20d60 elk
06f60d81 prorok_
07852288 tomaszek
08037eaf prorok__
08789c2e mteg
08900800 kaczorek
0952d663 mteg
0a691cf0 prorok_
0adb2d76 mteg
0b03348f nightdrg
0b7045e4 kacz
0b7fd28d poluvex
0c0860d0 kacz
0ccf3e1b mteg
0d34c833 Piaskowy
0da770bb wysek
0e980a48 Poluvex | Agusia
0ec71ac8 mteg
0fd7a49e kerozorek
10e2a466 mteg
113465d8 mteg
13e6dcaa GustavM
141794fa so_lame
1499401c montee
1513f2c0 Crvisty | mteg
15cb00fa mteg
1619ce58 Piechcio
1718cee4 Patryk
1785c71f prorok_
17929016 PAKK
17d054d2 taw
17fc23f2 kaczorek
193f1409 kaczorek
19bd5a94 ~AZBEST.EU.ORG
1a13f5db mteg
1a84916f Blacky_
1aa41446 _Agusia_
1b0e25fb updek
1b74183e spm17
1bab34f4 kuguar_
1bccda15 Bero
1bf775ac wysek
1c2d6ede roach
1c9e479c pietlek
1cc9ba32 valkyria
1d51b405 taw
1d8f8d98 morfi5
1ddcec95 Blacky_
1e790db4 mteg
1f24264b spm18
1ff4df37 kaczorek_
20e342ff prorok_
2106f5ad mteg
21686cb9 MuToN
227900fd ~teku
22860599 wieszcz
22c07977 mteg
235b1c99 agusia
2370c395 Blacky_
23afda75 prorok
23c22931 abnuk
23cb0486 updek
23e75ef5 smoku
23ffcefd taw
242f0648 smoku`
243f303d frejk
24532339 ojama
245f30dc br`
25396add roach
25e0a130 Polouvex
2618e14f Fighter_
2799bb3b Agusia
27db8f02 blacky
28cd585a Buster
292efad8 smoku
2a2bcdf4 mteg
2a7e8b57 kaczorek
2a9030fb prorok_
2b4d90c0 CHILEK
2c069a41 mteg
2c2ce84b br
2c9fc79a ml0dy
2dbdaa49 dreamer_
2def15d3 Fighter
2e88d695 Blacky_
2f6354fe Bero
2ff06e4c hash
3029f828 Agusia
303fc793 mteg
308c250c mteg
30ee6598 mteg
3274afb7 morfi5
327d0e1c _demon
328cc9a3 madball_
3383bfc2 kaczorek
35469b8a mteg | Disarm
367c76d3 Fighter_
36ac9d88 taw
36e3cd10 mteg
36f55138 kaczorek
370d743e mteg | taw
37afccd0 Falconek | ~lcamtufem
38f78017 |updek|
39297ea9 wwilma
3a0cd07f mteg
3a78f292 so_lame
3a990703 abnuk
3ad2f3ec skeev
3b33bb66 poluvex
3b33bf11 dreamer_
3cd32558 kaczorek
3d5c2495 Ufo`
3df10d14 Sand_
3df2a82b Apache_
3e2d505c devnul
3e4a91fe patryk
3e71e36b Falcon___
3f34e046 Falconne
3f51bfa4 Harvi
3f6a54ed Mechanus
3fcc3011 glash
413e9686 kaczorek
423ec9b7 Nightman
425a218a jack_
42836b09 mteg
428ab381 blad3
442216ff [FRN] | ~K.Mardam-Bey
44346659 _traceR_
443955d3 masb
45b5da62 _demon | kazuik | ~Marilyn Manson
45cc6d97 dylemiQ
46a886df Navy
484bab58 q84
4a4e81e8 Tisp
4ab1346b mteg
4abad023 smoku
4af0bf94 kerozorek
4c16e394 ^radio^
4dc42887 mteg
4e195f0f ameno
4e673f5f kuguar | kerozorek
4edc7085 Chilek
4f4688a0 skoczy
4f860dd8 nikisanto
4f9aebfd br
50898731 Bero
506a1b48 ~ZOFIA
50b99e13 [kosiarz] | ~K.Mardam-Bey
50dc5ace dreamer_
516e25b1 mteg
51beb1a9 br
53d4119f mteg
5412e47e so_lame
5498e66a prorok
5503c0fc [kosiarz] | faq
5737d9a5 ~alana coxa | ~linusa torvaldsa
58f04e27 siaraX
58f1c9bc mteg | kaczorek
5900b303 darek_z
59088222 Blacky_
5912a27d Harvi
5950207d Blacky__
598d1d38 Fighter_
59b0d5eb kaczorek
5a354eeb yamNICK
5a803ad4 wysek
5b132be5 Poluvex
5b49363c prorok_
5ba80642 pietlek
5cd1a292 smoku | ~\\-_|`]
5d1ab8b4 JaBBaS
5dd8833e chrochody
5e3fe014 mteg
5ecc855d elk
5f3dddf3 _demon
5fec7084 mteg | iRlanDia
5ff4cc9a prorok_
601e9d71 br` | taw
60a28989 piterson
60afa557 br`
6165fd9b br`
61bff341 ikt0rn
63d0de99 mteg
6425c529 smoku_
64ddfa6a duki
6594e789 Nightman^
65b6388e Apache
66c91963 smoku
67a117b9 ~www.spawn.space.pc.pl
67a27c8a prorok_ | Yarecky
685b40e8 Harvi
694cde1d Piaskowy
6a9e2f20 abnuk
6aba720d Piaskowy
6c3cb269 mteg
6c688a35 kuguar
6ccb797f dreamer
6d5f65e8 kaczorek
6d5f78b5 _Agusia_
6d89761d apple25
6dc3188a chipnet
"""


def _parse(raw: str) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
    pii: dict[str, list[tuple[str, str]]] = {}
    neutral: dict[str, list[str]] = {}
    for line in raw.strip().splitlines():
        key, rest = line.split(" ", 1)
        for item in (x.strip() for x in rest.split(" | ")):
            if item.startswith("~"):
                neutral.setdefault(key, []).append(item[1:])
            elif "=" in item and item.split("=", 1)[0].isupper():
                typ, value = item.split("=", 1)
                pii.setdefault(key, []).append((typ, value))
            else:
                pii.setdefault(key, []).append(("USERNAME", item))
    return pii, neutral


PII, NEUTRAL = _parse(_RAW)
