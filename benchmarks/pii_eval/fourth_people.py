"""Names for the fourth generated set, written by hand for this set (no faker, mimesis or older lists).

Per locale: given names, surnames, nicknames or diminutives, and a few inflected given names (a case ending
the way the language writes it: Finnish 'Mikolle', Polish 'Kasi', Estonian 'Tiinale').
"""

from __future__ import annotations

GIVEN = {
    "en-IN": ["Vaishnavi", "Vikramaditya", "Shreyasi", "Anirudh", "Meenakshi", "Harpreet", "Tanmay", "Ishwari"],
    "en-SG": ["Wei Ling", "Jun Hao", "Siew Mei", "Darius", "Nurul Aisyah", "Kelvin", "Shu Fen", "Rajkumar"],
    "en-PH": ["Maricel", "Jhonrey", "Kristine Joy", "Rodelio", "Analyn", "Bongbong", "Jericho", "Lovely"],
    "en-GB": ["Kofi", "Perpetua", "Somhairle", "Rhiannon", "Peregrine", "Euphemia", "Ruaridh", "Nuala"],
    "en-IE": ["Cathal", "Éabha", "Diarmuid", "Sorcha", "Fachtna", "Órlaith"],
    "en-AU": ["Raelene", "Jedda", "Kirrily", "Koby-Lee", "Tahnee", "Dougal"],
    "de-LU": ["Jhemp", "Mett", "Fränz", "Liliane", "Pol", "Nadine"],
    "de-LI": ["Fidelis", "Marlies", "Egon", "Ruperta", "Gebhard", "Walburga"],
    "de-AT": ["Ferdinand", "Kathi-Vroni", "Leopoldine", "Gottlieb", "Zenzi", "Wolfram"],
    "fr-LU": ["Guy", "Huguette", "Raoul", "Ghislaine", "Fernand", "Yolande"],
    "fr-FR": ["Gwendoline", "Gatien", "Maëlle", "Tugdual", "Ombeline", "Anatole"],
    "es-CL": ["Javiera", "Benjamín", "Constanza", "Matías", "Catalina", "Vicente"],
    "es-CO": ["Yuliana", "Jhon Fredy", "Luz Dary", "Wilmar", "Yesenia", "Duván"],
    "es-PE": ["Rosmery", "Percy", "Yolanda", "Wálter", "Rosaura", "Jhonatan"],
    "it-IT": ["Eleonora-Maria", "Gianmarco", "Fiammetta", "Settimio", "Rosalinda", "Ercole"],
    "nl-NL": ["Hiltje", "Gijsbert", "Marijke", "Wiebe", "Annelies", "Harmen"],
    "pt-AO": ["Isménia", "Adilson", "Yuri", "Telma", "Osvaldo", "Delfina"],
    "pt-MZ": ["Zeferino", "Ermelinda", "Celso", "Graça", "Anselmo", "Nilza"],
    "pt-PT": ["Leonor", "Gervásio", "Laurinda", "Duarte", "Custódia", "Anacleto"],
    "pl-PL": ["Grażyna", "Bogusław", "Czesława", "Wiesław", "Halina", "Zbigniew"],
    "sv-SE": ["Ingegerd", "Torbjörn", "Linnea", "Alrik", "Gunvor", "Viggo"],
    "nb-NO": ["Sigrunn", "Halvard", "Borghild", "Gaute", "Åsne", "Sindre"],
    "da-DK": ["Gudny", "Palle", "Birthe", "Eskild", "Vibeke", "Kasper"],
    "fi-FI": ["Vuokko", "Jyrki", "Tuulikki", "Pekka", "Satu", "Eemeli"],
    "et-EE": ["Tiina", "Arvo-Jüri", "Helje", "Toomas", "Liivi", "Jaak-Hendrik"],
}

SURNAMES = {
    "en-IN": ["Raghunathan", "Chaturvedi", "Bhattacharjee", "Gill", "Kulkarni", "Deshpande", "Venkatesan"],
    "en-SG": ["Tan", "Ong", "Lim", "Goh", "Pillai", "Rahman", "Chua"],
    "en-PH": ["Dimaculangan", "Macaraeg", "Sumalpong", "Tolentino", "Bacani", "Ocampo", "Villaruz"],
    "en-GB": ["Mensah", "Hargreaves", "Pennington", "Okoro", "Blakeley", "Ashworth", "Winterbottom"],
    "en-IE": ["Ó Briain", "Mac Giolla", "Fitzmaurice", "Gallagher", "Keohane"],
    "en-AU": ["Cartwright", "Dunstan", "McInnes", "Whitely", "Baxendale"],
    "de-LU": ["Schmit", "Wagner-Kieffer", "Reuter", "Hoffmann", "Feltgen", "Thill"],
    "de-LI": ["Büchel", "Frick", "Marxer", "Ospelt", "Kaiser", "Hasler"],
    "de-AT": ["Pöschl", "Gruber-Haslinger", "Stöckl", "Moosbrugger", "Wimmer", "Hinterleitner"],
    "fr-LU": ["Muller", "Weber", "Kremer", "Schroeder", "Kayser", "Hansen"],
    "fr-FR": ["Le Gall", "Dufresnoy", "Carbonnel", "Bouvier-Lemaire", "Kerjean", "Vasseur"],
    "es-CL": ["Sepúlveda", "Urrutia", "Quintanilla", "Bustamante Leiva", "Cárcamo", "Riquelme"],
    "es-CO": ["Ospina", "Zapata Giraldo", "Cardona", "Betancur", "Londoño", "Arango"],
    "es-PE": ["Quispe", "Huamaní", "Mamani Condori", "Ccori", "Villanueva", "Chumpitaz"],
    "it-IT": ["Bonfiglioli", "Zanardelli", "Cuccurullo", "Esposito Vinci", "Tagliaferri", "Pozzoli"],
    "nl-NL": ["van der Wiel", "Bosma", "de Groot-Hiemstra", "Oosterhuis", "Kuipers", "ter Horst"],
    "pt-AO": ["Kiala", "dos Santos Neto", "Mbala", "Cassoma", "Chipenda", "Vunge"],
    "pt-MZ": ["Macuácua", "Cossa", "Nhantumbo", "Sitoe", "Mondlane Chissano", "Tembe"],
    "pt-PT": ["Albuquerque", "Figueiredo", "Serôdio", "Brás", "Castelo-Branco", "Vilaça"],
    "pl-PL": ["Wróblewska", "Szczepański", "Grzybowska", "Kaczmarczyk", "Pietrzak", "Żuławski"],
    "sv-SE": ["Lindqvist", "Sjöberg", "Hedlund", "Åkesson", "Björklund", "Nyström"],
    "nb-NO": ["Haugland", "Sæther", "Bjørnstad", "Nygaard", "Tveit", "Løvås"],
    "da-DK": ["Kjærgaard", "Mortensen", "Skovgaard", "Thygesen", "Brøndum", "Damgaard"],
    "fi-FI": ["Hämäläinen", "Peltonen", "Kärkkäinen", "Nurmi", "Savolainen", "Väisänen"],
    "et-EE": ["Tamm", "Kask", "Saar", "Mägi", "Rebane", "Ilves"],
}

NICKNAMES = {
    "en": ["Bobbo", "Priya", "Shez", "Mags", "Tommo", "Jas", "Ricki", "Dee-Dee", "Nonoy", "Bunso"],
    "de": ["Jhempi", "Resl", "Ferdl", "Lili", "Hansi", "Wolfi"],
    "fr": ["Jojo", "Nanou", "Fanfan", "Titi", "Loulou"],
    "es": ["Coni", "Benja", "Pancho", "Maca", "Yuli", "Chabela"],
    "it": ["Ludo", "Gianmi", "Bene", "Totò"],
    "nl": ["Fem", "Joostje", "Sjoerdje", "Annie"],
    "pt": ["Zeca", "Guida", "Nené", "Tininha"],
    "pl": ["Grażynka", "Przemek", "Jadzia", "Bartuś", "Zbyszek"],
    "sv": ["Totte", "Lina", "Sixan"],
    "nb": ["Solla", "Halle", "Ragna"],
    "da": ["Mette-mor", "Bimse", "Kasse"],
    "fi": ["Jyke", "Tuula", "Pekkis"],
    "et": ["Tiinu", "Reinu", "Kadi"],
}

# a given name in a case form, as a chat writes it (span = the inflected word)
POSSESSIVE = {"en": "'s", "de": "s"}
INFLECTED = {
    "fi": ["Jyrkille", "Tuulikin", "Pekalta", "Satulle", "Eemelin"],
    "et": ["Tiinale", "Reinuga", "Kadrile", "Toomase", "Priiduga"],
    "pl": ["Grażynki", "Przemkowi", "Jadzi", "Bartkiem", "Zbyszkowi"],
    "de": ["Ferdl", "Kathi-Vroni", "Wolfi"],  # + genitive 's' outside the span
    "en": ["Kofi", "Perpetua", "Tanmay"],  # + possessive "'s" outside the span
}
