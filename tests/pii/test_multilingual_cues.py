"""Cue-based detectors added for data we did not write: birth dates in it/pt/nl/pl/et, passwords with
symbols, handles on a platform, URLs their owner names, sign-off and delivery-address blocks in more
languages. Sentences here are written for these tests (none is taken from benchmarks/pii_eval)."""

from __future__ import annotations

import pytest
from tunehouse.pii.detectors import Scan, contact, dates, identifiers, names
from tunehouse.pii.scrubber import Scrubber


def _values(detector, text: str) -> set[tuple[str, str]]:
    return {(c.type, text[c.start:c.end]) for c in detector.detect(Scan(text))}


@pytest.mark.parametrize("text, value", [
    ("Sono nato il 4 marzo 1979 a Bari.", "4 marzo 1979"),
    ("Nasci em 12 de outubro de 1990, em Braga.", "12 de outubro de 1990"),
    ("Geboren op 30 mei 1985 in Utrecht.", "30 mei 1985"),
    ("Nací el 02/11/1993 en Cádiz.", "02/11/1993"),
    ("Urodziłam się 14.06.1971 w Gdańsku.", "14.06.1971"),
])
def test_birth_dates_after_a_cue_in_more_languages(text, value):
    assert ("DATE_OF_BIRTH", value) in _values(dates.dates_of_birth, text)


def test_birth_date_before_its_cue():
    assert _values(dates.dates_before_born, "Sie ist am 17.09.1968 geboren.") == {("DATE_OF_BIRTH", "17.09.1968")}
    assert _values(dates.dates_before_born, "The store opened on 17.09.1968 downtown.") == set()


@pytest.mark.parametrize("text, value", [
    ("The password I chose was Tq<9#vv!Lm and it is rejected", "Tq<9#vv!Lm"),
    ("new password \"Ramp@rt-77 please change it", "\"Ramp@rt-77"),
    ("login b.ortega / pw Kx$4'jj:zz", "Kx$4'jj:zz"),
])
def test_passwords_with_symbols(text, value):
    assert ("CREDENTIAL", value) in _values(identifiers.credentials, text)


def test_a_password_cue_before_an_ordinary_word_is_not_a_password():
    assert _values(identifiers.credentials, "the password reset link expired") == set()


@pytest.mark.parametrize("text, value", [
    ("ping me, I'm kestrel_88 on Discord", "kestrel_88"),
    ("Je suis m.duval sur Twitch depuis hier", "m.duval"),
    ("ik ben jorisvd op Steam", "jorisvd"),
])
def test_handles_on_a_platform(text, value):
    assert _values(contact.platform_usernames, text) == {("USERNAME", value)}


@pytest.mark.parametrize("text", ["I'm Jonas on Discord", "I'm new on Discord", "I'm online on there"])
def test_names_and_words_on_a_platform_are_not_handles(text):
    assert _values(contact.platform_usernames, text) == set()


def test_urls_their_owner_names_are_personal():
    text = "Check my portfolio: https://lenagravel.design and the docs at https://example.org/guide"
    assert _values(contact.owned_urls, text) == {("URL", "https://lenagravel.design")}


@pytest.mark.parametrize("text, name", [
    ("Obrigado pela ajuda.\nCumprimentos,\nTeodoro Brás\n+351 912 000 111", "Teodoro Brás"),
    ("Dzięki!\nPozdrawiam,\nWiesława Nowicka", "Wiesława Nowicka"),
    ("See you.\n--\nOrla Brennan\norla.b@example.net", "Orla Brennan"),
    ("Bezorgadres:\nSanne Ketelaar\nKerkstraat 12\n1017 GB Amsterdam", "Sanne Ketelaar"),
])
def test_names_under_sign_offs_and_address_headers(text, name):
    assert ("PERSON", name) in _values(names.person_names, text)


def test_the_scrubber_removes_them_end_to_end():
    text = "Geboren op 30 mei 1985. I'm kestrel_88 on Discord, my site: https://lenagravel.design"
    out, counts = Scrubber().scrub_text(text)
    assert "1985" not in out and "kestrel_88" not in out and "lenagravel" not in out
    assert counts["DATE_OF_BIRTH"] == 1 and counts["USERNAME"] == 1 and counts["URL"] == 1


@pytest.mark.parametrize("text, value", [
    ("ubezpieczona Halina Nowak, ur. 07.11.1961, PESEL w załączniku", "07.11.1961"),  # Polish "ur."
    ("forsikret Trond Lie, født 14.02.1977, skade på kjøkkenet", "14.02.1977"),  # Norwegian / Danish
    ("försäkrad Elsa Berg, född 1990-06-30, vattenskada", "1990-06-30"),  # Swedish
    ("kindlustatu Mart Tamm, sünniaeg 01.09.1988, veekahju", "01.09.1988"),  # Estonian
    ("vakuutettu Aila Koski, syntymäaika 5. toukokuuta 1979", "5. toukokuuta 1979"),  # Finnish month
    ("inscrit : Loïc Guen, né(e) le 3 mars 1996, club de Brest", "3 mars 1996"),
    ("urodzona 12 marca 1985 w Gdyni", "12 marca 1985"),  # Polish month in the genitive
])
def test_birth_dates_after_a_cue_in_the_nordic_languages_and_polish(text, value):
    assert ("DATE_OF_BIRTH", value) in _values(dates.dates_of_birth, text)


@pytest.mark.parametrize("text, value", [
    ("su Telegram sono lupo_grigio77, scrivimi", "lupo_grigio77"),  # the platform first, then "I am"
    ("on Discord I'm xXvalkyrieXx", "xXvalkyrieXx"),  # a gamer's wrapper in mixed case
])
def test_handles_after_their_platform_in_more_forms(text, value):
    assert ("USERNAME", value) in {(e.type, text[e.start:e.end]) for e in Scrubber().detect(text)}


@pytest.mark.parametrize("text, value", [
    ("mi usuario en Vinted es the_true_marta, mirad", "the_true_marta"),  # a platform between cue and value
    ("my username on the forum is quiet.otter if you want", "quiet.otter"),
    ("mon pseudo sur le forum du club c'est loutre5511, ajoutez-moi", "loutre5511"),
    ("Benutzername the_real_jonas, registriert", "the_real_jonas"),  # "the" starts the value here
])
def test_usernames_after_a_cue_with_words_between(text, value):
    assert ("USERNAME", value) in {(e.type, text[e.start:e.end]) for e in Scrubber().detect(text)}


@pytest.mark.parametrize("text, value", [
    ("il mio portfolio è qui www.bianchi-lia.net/lavori, ciao", "www.bianchi-lia.net/lavori"),
    ("portfolio's up finally www.okafor-jude.net/work - enjoy", "www.okafor-jude.net/work"),
    ("meine neue Website ist online: https://jonasmeier.photo", "https://jonasmeier.photo"),
])
def test_urls_their_owner_names_with_words_between(text, value):
    assert ("URL", value) in _values(contact.owned_urls, text)


@pytest.mark.parametrize("text, value", [
    ("ring +45 31 22 40 18 lokal 12 i morgen", "+45 31 22 40 18 lokal 12"),  # Danish extension
    ("tel. +48 22 615 40 07 wew. 31", "+48 22 615 40 07 wew. 31"),  # Polish extension
])
def test_phone_extensions_in_more_languages(text, value):
    assert ("PHONE", value) in {(e.type, text[e.start:e.end]) for e in Scrubber().detect(text)}


@pytest.mark.parametrize("text", ["dann mach's @home", "still @work, call later"])
def test_at_written_as_a_sign_is_no_handle(text):
    assert not _values(contact.handles, text)


@pytest.mark.parametrize("text", ["mail me at bob @home.com if it bounces", "we moved everyone to @mail.uni-kiel.de",
                                  "the list lives at @lists.example.org now"])
def test_a_mail_host_after_a_blank_is_no_handle(text):
    assert not _values(contact.handles, text)


@pytest.mark.parametrize("text, value", [("ping @anna.k92 about it", "@anna.k92"), ("follow @jo.ana for news", "@jo.ana"),
                                         ("ask @marta_kr", "@marta_kr")])
def test_handles_with_dots_are_still_handles(text, value):
    assert ("USERNAME", value) in _values(contact.handles, text)


# Central and South-East Europe, Turkey, Catalonia, Brazil (session 10; written for these tests)
@pytest.mark.parametrize("text, value", [
    ("Data de naixement 07/02/1988, comprovada.", "07/02/1988"),
    ("Nascimento 14/11/1975 confere.", "14/11/1975"),
    ("Doğum tarihi 02.09.1964 ile doğrulandı.", "02.09.1964"),
    ("Datum rođenja: 9. 4. 1971.", "9. 4. 1971."),
    ("Született 1983. 11. 20., Győr.", "1983. 11. 20."),
    ("narozena 21.5.1990 v Brně", "21.5.1990"),
    ("data nașterii 30.01.1977", "30.01.1977"),
])
def test_birth_dates_after_a_cue_in_central_european_languages_turkish_catalan(text, value):
    assert ("DATE_OF_BIRTH", value) in _values(dates.dates_of_birth, text)


def test_a_date_with_blanks_after_its_dots_is_no_birth_date_without_a_cue():
    assert _values(dates.dates_of_birth, "sastanak je 3. 6. 2025. u deset") == set()


@pytest.mark.parametrize("text, value", [
    ("müşteri Ali Veli, T.C. kimlik no 10000000146, iade", "10000000146"),
    ("korisnica Ana, OIB 69435151530, traži povrat", "69435151530"),
    ("clientul Ion, CNP 1800101221144, solicită", "1800101221144"),
    ("rodné číslo 800101/1234 je v pořádku", "800101/1234"),
    ("national insurance / id QQ123456C please", "QQ123456C"),
])
def test_national_ids_after_their_own_names(text, value):
    assert ("ID_NUMBER", value) in _values(identifiers.cued_ids, text)


@pytest.mark.parametrize("text, value", [
    ("fotos do dano: https://mail.example.net/u/joanasilva.", "https://mail.example.net/u/joanasilva"),
    ("planilha: https://drive.example.org/share/q8w2e4r6 ok", "https://drive.example.org/share/q8w2e4r6"),
    ("book me: https://cal.example.com/marta.ruiz/30min", "https://cal.example.com/marta.ruiz/30min"),
    ("log: https://support.example.io/t/123/file?u=pedro.m", "https://support.example.io/t/123/file?u=pedro.m"),
])
def test_personal_links_on_any_host(text, value):
    assert ("URL", value) in _values(contact.urls, text)


@pytest.mark.parametrize("text", [
    "docs at https://docs.example.com/3/library/re.html",
    "see https://example.com/team/about and https://example.com/blog/python310-release",
])
def test_links_to_pages_of_no_one_are_kept(text):
    assert _values(contact.urls, text) == set()


@pytest.mark.parametrize("text, value", [
    ("Liguei pra Bia no +55 (21) 98765-4321, ela retorna", "+55 (21) 98765-4321"),
    ("Cel.: 11 98765 4321", "11 98765 4321"),
    ("Cep: 0532-123-45-67", "0532-123-45-67"),
])
def test_phones_of_brazil_and_turkey(text, value):
    spans = {(e.type, text[e.start:e.end]) for e in Scrubber().detect(text)}
    assert ("PHONE", value) in spans


@pytest.mark.parametrize("text, name", [
    ("et passo el tiquet de la senyora Puigdomènech, diu que", "Puigdomènech"),
    ("las tichetul doamnei Dumitrescu pentru mâine", "Dumitrescu"),
    ("Zvao je gospodin Horvatinčić jutros", "Horvatinčić"),
    ("balík převzala paní Dvořáková včera", "Dvořáková"),
    ("belde meneer Oosterhuis vanochtend", "Oosterhuis"),
])
def test_a_surname_after_an_honorific_of_more_languages(text, name):
    spans = {(e.type, text[e.start:e.end]) for e in Scrubber().detect(text)}
    assert ("PERSON", name) in spans


@pytest.mark.parametrize("text, value", [
    ("Ticket closed by maya_okafor. Resolution: refund", "maya_okafor"),
    ("dvorak77 joined #night-shift. Say hi", "dvorak77"),
    ("ayse_k kullanıcısının şifresi sıfırlandı", "ayse_k"),
    ("Račun horvat82 zaključan", "horvat82"),
])
def test_handles_in_helpdesk_log_lines(text, value):
    assert ("USERNAME", value) in _values(contact.logged_handles, text)


@pytest.mark.parametrize("text", ["ticket closed by e-mail yesterday", "closed by support.team", "account balance ok",
                                  "Conversation assigned to agent_02."])
def test_ordinary_words_in_log_lines_are_no_handles(text):
    assert _values(contact.logged_handles, text) == set()


@pytest.mark.parametrize("text", [
    "share: https://www.facebook.com/sharer/sharer.php?u=https://example.com/news",  # a shared link's address
    "see https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html",  # a product name in the path
    "get it from https://www.python.org/dl/something-big",
])
def test_company_pages_with_user_like_parts_are_kept(text):
    assert _values(contact.urls, text) == set()


@pytest.mark.parametrize("text", ["Mobil: 2 500 000 km gefahren", "cel mai mic preț: 1 250 000 lei"])
def test_amounts_after_a_phone_word_are_no_phones(text):
    assert not any(e.type == "PHONE" for e in Scrubber().detect(text))
