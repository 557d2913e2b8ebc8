"""Names for the fifth generated set, written by hand for it (no faker / mimesis data): first names and
surnames per language, picked to sound like the people of each country's clubs and group chats."""

from __future__ import annotations

FIRST = {
    "en": ["Rory", "Esme", "Maisie", "Ewan", "Bronwen", "Jasper", "Marnie", "Lorcan", "Wilhelmina", "Crispin", "Fenwick", "Briony", "Tiernan", "Hermione-Rose", "Lysander", "Petronella", "Ptolemy", "Winifred", "Eamonn", "Cressida"],
    "de": ["Hartmut", "Volkmar", "Ingolf", "Ortrun", "Eckhard", "Hiltrud", "Waltraud", "Reinhild", "Ortwin", "Gesche"],
    "fr": ["Aurélien", "Ludovic", "Enguerrand", "Théophile", "Guenièvre", "Sosthène", "Eudoxie", "Barthélémy", "Philomène", "Ermeline"],
    "es": ["Remedios", "Covadonga", "Leandro", "Nieves", "Custodia", "Epifanio", "Celedonio", "Eulalia"],
    "it": ["Ruggero", "Filiberto", "Costanza", "Ermanno", "Tancredi", "Gherardo", "Ortensia", "Aurelio", "Ubaldo", "Gismonda"],
    "nl": ["Maaike", "Gijs", "Wietske", "Reinier", "Geertruida", "Hendrikus", "Ymkje", "Folkert", "Jantine"],
    "pt": ["Mafalda", "Gualter", "Clotilde", "Teotónio", "Filipa-Maria", "Hermenegildo", "Belmiro"],
    "pl": ["Sławomir", "Bartłomiej", "Bogumiła", "Czesław", "Leokadia", "Mieczysław"],
    "sv": ["Hjalmar", "Gunborg", "Arvid", "Ragnvald", "Gösta", "Ingvald"],
    "nb": ["Torunn", "Øyvind", "Tormod", "Brynjulf", "Gjertrud", "Sølvi", "Ansgar"],
    "da": ["Kirsten", "Ebbe", "Jytte", "Holger", "Gudmund", "Valborg", "Aksel"],
    "fi": ["Juhani", "Sirkka", "Eero", "Pasi", "Marjatta", "Ilkka", "Hilkka", "Reijo", "Orvokki", "Veikko"],
    "et": ["Tiiu", "Vello", "Helgi-Mai", "Malle", "Heino", "Ilmar"],
}

LAST = {
    "en": ["Pennington", "Ashworth", "Fairbrother", "O'Sullivan", "Blackwood", "Cartwright", "Thistlewood",
           "McCafferty", "Dunmore", "Whitlock", "Trevelyan", "Honeycutt", "Gallagher-Reid", "Pemberton",
           "Featherstone", "Kilbride", "Oyelaran", "Nakashima", "Radcliffe", "Quinlan"],
    "de": ["Wendelken", "Brinkhaus", "Oberreuter", "Kötter", "Schimanski", "Haberkorn", "Rosenbusch", "Tiedemann",
           "Lindholz", "Wachtendorf", "Grübler", "Quandt-Möller"],
    "fr": ["Delacroix-Morel", "Vautrin", "Lemarchand", "Beauséjour", "Courtois", "Pelletier", "Rochambeau",
           "Desjardins", "Malbranque", "Fauconnet"],
    "es": ["Echeverría", "Villalobos", "Arrizabalaga", "Quintanilla", "Bermejo", "Sotomayor", "Carrasquilla",
           "Olmedo", "Zubizarreta", "Peñalver"],
    "it": ["Bellandi", "Scognamiglio", "Tortorella", "Baldacchini", "Zanichelli", "Capuozzo", "Ferragamo-Rossi",
           "Lanzavecchia", "Brambilla", "Iacovone"],
    "nl": ["van Wijngaarden", "Hoekstra", "de Bruijckere", "Terpstra", "Oosterhuis", "van der Meulen",
           "Brouwershaven", "Kuipers", "Dijkgraaf"],
    "pt": ["Magalhães", "Sarmento", "Vasconcelos", "Figueiredo", "Quaresma", "Albuquerque", "Meireles",
           "Brandão", "Teixeira Lobo"],
    "pl": ["Wróblewska", "Szczepaniak", "Kaczmarczyk", "Jabłoński", "Przybylska", "Grabowiecki", "Chmielewska",
           "Zawadzki", "Pietrzyk"],
    "sv": ["Lindqvist", "Bergström", "Åkesson", "Hällgren", "Sjöberg", "Nordenfalk"],
    "nb": ["Haugland", "Bjørnstad", "Kvamme", "Tveit", "Solberg-Lie", "Fossum"],
    "da": ["Kjærgaard", "Mølgaard", "Thygesen", "Bech-Nielsen", "Ravnholt", "Skovby"],
    "fi": ["Koskinen", "Häkkinen", "Tuominen", "Rantanen", "Kärkkäinen", "Leppänen"],
    "et": ["Tamm", "Saar", "Kask", "Mägi", "Lepik", "Rebane"],
}

# public figures: neither a hit nor a false alarm when scrubbed (``neutral``)
PUBLIC = ["Taylor Swift", "Lionel Messi", "Angela Merkel", "Roger Federer", "Greta Thunberg", "David Attenborough",
          "Emmanuel Macron", "Beyoncé", "Cristiano Ronaldo", "Stephen King", "Shakira", "Zlatan Ibrahimović"]
