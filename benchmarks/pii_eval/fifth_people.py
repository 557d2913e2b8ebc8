"""Names for the fifth generated set, written by hand for it (no faker / mimesis data): first names and
surnames per language, picked to sound like the people of each country's clubs and group chats."""

from __future__ import annotations

FIRST = {
    "en": ["Harriet", "Declan", "Imogen", "Callum", "Niamh", "Rory", "Esme", "Tobias", "Philippa", "Gareth",
           "Saoirse", "Barnaby", "Rosalind", "Fergus", "Maisie", "Ewan", "Tamsin", "Lachlan", "Bronwen", "Jasper",
           "Ottilie", "Cormac", "Delphine", "Alfie", "Marnie", "Hamish", "Lorcan", "Wilhelmina", "Crispin", "Ffion"],
    "de": ["Gerlinde", "Hartmut", "Wiebke", "Torsten", "Annegret", "Volkmar", "Frauke", "Detlef", "Heike", "Ingolf",
           "Sieglinde", "Malte", "Ortrun", "Jannik", "Roswitha", "Eckhard"],
    "fr": ["Ghislaine", "Aurélien", "Solène", "Gaëtan", "Maëlys", "Thibault", "Apolline", "Anatole", "Bérénice",
           "Ludovic", "Clémence", "Enguerrand", "Ombeline", "Théophile"],
    "es": ["Remedios", "Iñaki", "Maite", "Rodrigo", "Ainhoa", "Fermín", "Covadonga", "Leandro", "Itziar",
           "Baltasar", "Nieves", "Eusebio", "Begoña"],
    "it": ["Ottavia", "Gianmarco", "Benedetta", "Ruggero", "Ludovica", "Filiberto", "Costanza", "Ermanno",
           "Ginevra", "Tancredi", "Assunta", "Corrado"],
    "nl": ["Femke", "Joost", "Marieke", "Wouter", "Anouk", "Sjoerd", "Maaike", "Hidde", "Ilse", "Gijs", "Wietske",
           "Reinier"],
    "pt": ["Leonor", "Tiago", "Inês", "Gonçalo", "Matilde", "Rodrigo", "Beatriz", "Duarte", "Carolina", "Afonso",
           "Mafalda", "Vasco"],
    "pl": ["Bożena", "Przemysław", "Jadwiga", "Grzegorz", "Małgorzata", "Zbigniew", "Agnieszka", "Wojciech",
           "Dorota", "Sławomir", "Halina", "Bartłomiej"],
    "sv": ["Ingegerd", "Björn", "Sigrid", "Torbjörn", "Märta", "Gustav", "Ylva", "Hjalmar"],
    "nb": ["Solveig", "Eirik", "Ragnhild", "Håvard", "Torunn", "Sindre", "Gudrun", "Øyvind"],
    "da": ["Mette", "Rasmus", "Bodil", "Mads", "Signe", "Søren", "Kirsten", "Asger"],
    "fi": ["Aino", "Juhani", "Sirkka", "Eero", "Tuulikki", "Pasi", "Marjatta", "Ilkka"],
    "et": ["Maarja", "Tõnu", "Kadri", "Priit", "Liis", "Jaanus", "Triin", "Rein"],
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
