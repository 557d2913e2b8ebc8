"""Templates of the eighth set in Czech, Turkish, Romanian, Brazilian Portuguese, Hungarian, Greek (Greek script
and Greeklish), Vietnamese and Swahili (slots: see ``eighth_generator``), as (channel, template) per language.
Written for this set.
"""

from __future__ import annotations

TEMPLATES_INTL: dict[str, list[tuple[str, str]]] = {
    "cs": [
        ("asr", "operátor: dobrý den zákaznická linka u telefonu {b.low}\nvolající: dobrý den tady {A.low} volám "
                "kvůli faktuře\noperátor: můžete mi nadiktovat příjmení\nvolající: {a.spell}\noperátor: a "
                "telefon\nvolající: {phone.spoken}"),
        ("email", "Dne {date} v {time} {A} <{a.email}> napsal(a):\n> Dobrý den, pračka pořád teče. Technik "
                  "{m} slíbil, že se ozve.\n\nOmlouváme se, ozve se Vám kolega {M}, tel. {phone}."),
        ("email", "Od: {A} <{a.work}>\nOdesláno: {date}\nKomu: reklamace\nPředmět: RE: výměna oken\n\nVážení, "
                  "adresa montáže je {addr}. Doma bude manželka {f}.\n\nS pozdravem\n{A}\nvedoucí provozu\n"
                  "{addr.block}\nmobil: {mobile}"),
        ("workchat", "{a} 🍺  {time}\n@{b} prosím tě, kdo má klíče od skladu?\n{b} ({b.pron})  {time}\n"
                     "asi {m.low}, zkus mu volat {phone}"),
        ("sms", "ahoj {b.low} tady {a.low}, mam nove cislo {mobile} uloz si ho 😉"),
        ("form", "Nový formulář: Objednávka\nJméno a příjmení: {A}\nE-mail: {a.email}\nDatum narození: {dob}\n"
                 "Rodné číslo: {id}\nAdresa: {addr}"),
        ("sms", "{m} vyzvedne balík zítra, jeho číslo účtu pro vratku je {iban}"),
    ],
    "tr": [
        ("asr", "temsilci: iyi günler ben {b.low} size nasıl yardımcı olabilirim\narayan: merhaba ben {A.low} "
                "siparişim gelmedi\ntemsilci: soyadınızı harf harf söyler misiniz\narayan: {a.spell}\n"
                "temsilci: telefon numaranız\narayan: {phone.spoken}"),
        ("email", "{date} {time} tarihinde {A} <{a.email}> şunu yazdı:\n> Merhaba {m} Bey, fatura adresim "
                  "değişti.\n\nYeni adresinizi kaydettik: {addr}"),
        ("email", "Kimden: {A} <{a.work}>\nGönderildi: {date}\nKime: destek\nKonu: YNT: iade\n\nİade tutarını "
                  "{iban} numaralı hesaba yatırabilirsiniz. Hesap sahibi {A}.\n\nSaygılarımla,\n{A}\nSatış "
                  "Müdürü\nTel: {phone}"),
        ("workchat", "{a} 🌙 (izinde)  {time}\n@{b} {city} müşterisi {C} aradı, numarası {phone}\n👍 1"),
        ("sms", "slm {b.low} ben {a.low} yeni numaram {mobile} kaydet bunu"),
        ("form", "Web formu: Başvuru\nAd Soyad: {A}\nT.C. Kimlik No: {id}\nDoğum tarihi: {dob}\nE-posta: "
                 "{a.email}\nAdres: {addr}"),
        ("asr", "arayan: e posta adresim {a.email.spoken}\ntemsilci: tekrar eder misiniz\narayan: {a.email.spoken} "
                "annem {f.low} hanım da aynı hesabı kullanıyor"),
    ],
    "ro": [
        ("asr", "operator: bună ziua mă numesc {b.low} cu ce vă pot ajuta\napelant: bună ziua sunt {A.low} am o "
                "problemă cu contorul\noperator: îmi spuneți adresa vă rog\napelant: {addr.lc}\noperator: și un "
                "număr de telefon\napelant: {phone.spoken}"),
        ("email", "Pe {date}, la {time}, {A} <{a.email}> a scris:\n> Bună ziua, vă rog să-mi trimiteți factura "
                  "pe numele soțului, {M}.\n\nAm actualizat contul."),
        ("email", "De la: {A} <{a.work}>\nTrimis: {date}\nCătre: suport\nSubiect: RE: rambursare\n\nContul meu "
                  "este {iban}.\n\nCu stimă,\n{A}\nContabil-șef\n{addr.block}\nTel. {phone}"),
        ("workchat", "{a} ☕ ({a.pron})  {time}\n@{b} poți prelua tu clientul {C}? sună de trei ori azi, {mobile}\n"
                     "👀 2"),
        ("sms", "salut {b.low}, sunt {a.low}, am număr nou {mobile} 🙂"),
        ("form", "Formular nou: Înscriere\nNume: {A}\nCNP: {id}\nData nașterii: {dob}\nEmail: {a.email}\nAdresă: "
                 "{addr}"),
        ("sms", "{a} zice ca parola de la router e {a.pw} nu o da la nimeni"),
    ],
    "pt": [
        ("asr", "atendente: boa tarde meu nome é {b.low} em que posso ajudar\ncliente: oi aqui é {A.low} minha "
                "internet caiu de novo\natendente: me confirma o cpf por favor\ncliente: {id}\natendente: e um "
                "telefone pra contato\ncliente: {phone.spoken}"),
        ("email", "Em {date} às {time}, {A} <{a.email}> escreveu:\n> Oi {b}, o técnico pode vir de manhã?\n\n"
                  "Pode sim, {c.art} {C} passa aí entre 8h e 12h."),
        ("email", "De: {A} <{a.work}>\nEnviada em: {date}\nPara: atendimento\nAssunto: RES: troca de produto\n\n"
                  "Segue meu endereço pra coleta: {addr}\n\nAtt,\n{A}\nAnalista Financeira\nCel: {mobile}"),
        ("workchat", "{a} ⚽ ({a.pron})  {time}\n@{b} {c.art} cliente {C} ligou de novo, já é a terceira vez kkk, {phone}\n😅 3"),
        ("sms", "oi {b.low} é {a.art} {a.low}, salva meu número novo {mobile} bjs"),
        ("form", "Formulário de contato\nNome completo: {A}\nE-mail: {a.email}\nData de nascimento: {dob}\n"
                 "Cartão: {card}\nEndereço: {addr}"),
        ("asr", "cliente: meu email é {f.email.spoken}\natendente: só um minutinho dona {f.low}\ncliente: e o "
                "nome do meu filho é {M.low} ele que vai receber"),
    ],
    "hu": [
        ("asr", "ügyintéző: jó napot {b.low} vagyok miben segíthetek\nhívó: jó napot {A.low} vagyok a "
                "számlámról lenne szó\nügyintéző: betűzné a vezetéknevét\nhívó: {a.spell}\nügyintéző: és a "
                "telefonszáma\nhívó: {phone.spoken}"),
        ("email", "{date} {time} időpontban {A} <{a.email}> ezt írta:\n> Kedves {b}, a csomag nem érkezett "
                  "meg.\n\nElnézést, újraküldtük erre a címre: {addr}"),
        ("email", "Feladó: {A} <{a.work}>\nElküldve: {date}\nCímzett: ügyfélszolgálat\nTárgy: VÁ: "
                  "visszatérítés\n\nA számlaszámom {iban}.\n\nÜdvözlettel:\n{A}\nirodavezető\n{addr.block}\n"
                  "Tel.: {phone}"),
        ("workchat", "{a} 🎸  {time}\n@{b} átvennéd {C} ügyét? ma háromszor hívott, {mobile}\n👍 2"),
        ("sms", "szia {b.low} {a.low} vagyok uj szamom {mobile} mentsd el"),
        ("form", "Új űrlap: Regisztráció\nNév: {A}\nTAJ szám: {id}\nSzületési dátum: {dob}\nE-mail: {a.email}\n"
                 "Lakcím: {addr}"),
        ("sms", "{a} azt mondja a wifi jelszó {a.pw}, ne add tovább {b.low}nak"),
    ],
    "el": [
        ("asr", "εκπρόσωπος: καλησπέρα είμαι {b.art} {b.low} πώς μπορώ να βοηθήσω\nπελάτης: γεια σας είμαι {a.art} {A.low} "
                "για το ρεύμα\nεκπρόσωπος: μου λέτε το επώνυμο γράμμα γράμμα\nπελάτης: {a.spell}\n"
                "εκπρόσωπος: και ένα τηλέφωνο\nπελάτης: {phone.spoken}"),
        ("email", "Στις {date}, {time}, ο/η {A} <{a.email}> έγραψε:\n> Καλημέρα, δεν ήρθε ακόμα ο τεχνικός "
                  "που μου είπε {b.art} {b}.\n\nΣυγγνώμη, θα σας καλέσει {c.art} {C} στο {phone}."),
        ("email", "Από: {A} <{a.work}>\nΣτάλθηκε: {date}\nΠρος: υποστήριξη\nΘέμα: ΑΠ: επιστροφή\n\nΟ λογαριασμός "
                  "μου είναι {iban}.\n\nΜε εκτίμηση,\n{A}\nΛογιστήριο\n{addr.block}\nΤηλ. {phone}"),
        ("workchat", "{a.latin} 🏖️  {time}\n@{b.latin} o pelatis {M.latin} exei parapono gia tin paragelia, "
                     "kinito {mobile}, pare ton esy?\n👍 1"),
        ("sms", "geia {f.latin} eimai {a.artl} {a.latin} neo noumero {mobile} apothikeuse to"),
        ("form", "Νέα φόρμα: Εγγραφή\nΟνοματεπώνυμο: {A}\nΑΜΚΑ: {id}\nΗμ. γέννησης: {dob}\nEmail: {a.email}\n"
                 "Διεύθυνση: {addr}"),
        ("sms", "re {f.latin}, {a.artl} {a.latin} leei oti to pin tis kartas einai {pin} alla min to peis pouthena"),
    ],
    "vi": [
        ("asr", "tổng đài viên: xin chào em là {b.low} anh chị cần hỗ trợ gì ạ\nkhách: chào em chị là {F.low} "
                "đơn hàng của chị chưa tới\ntổng đài viên: chị cho em xin số điện thoại\nkhách: {phone.spoken}"),
        ("email", "Vào {date} lúc {time}, {A} <{a.email}> đã viết:\n> Chào anh {m}, em muốn đổi địa chỉ giao "
                  "hàng.\n\nĐã cập nhật địa chỉ mới: {addr}"),
        ("email", "Từ: {A} <{a.work}>\nĐã gửi: {date}\nĐến: chăm sóc khách hàng\nChủ đề: TL: hoàn tiền\n\n"
                  "Trân trọng,\n{A}\nTrưởng phòng kinh doanh\n{addr.block}\nĐT: {phone}"),
        ("workchat", "{a} 🍜  {time}\n@{b} khách {C} gọi lại ba lần rồi, số {mobile}\n😂 2"),
        ("sms", "e oi chi {f.low} day, so moi cua chi {mobile} nhe"),
        ("form", "Biểu mẫu mới: Đăng ký\nHọ và tên: {A}\nSố CCCD: {id}\nNgày sinh: {dob}\nEmail: {a.email}\n"
                 "Địa chỉ: {addr}"),
        ("asr", "khách: email của anh là {m.email.spoken}\ntổng đài viên: dạ anh {m.low} đợi em một chút"),
    ],
    "sw": [
        ("asr", "wakala: habari za mchana naitwa {b.low} nikusaidie vipi\nmpigaji: habari mimi ni {A.low} "
                "nimelipa bili lakini umeme haujarudi\nwakala: naomba namba yako ya simu\nmpigaji: "
                "{phone.spoken}"),
        ("email", "Tarehe {date} saa {time}, {A} <{a.email}> aliandika:\n> Habari {b}, mzigo wangu bado "
                  "haujafika.\n\nSamahani, {C} atakupigia kwa {phone}."),
        ("email", "Kutoka: {A} <{a.work}>\nImetumwa: {date}\nKwa: huduma kwa wateja\nSomo: JIBU: marejesho\n\n"
                  "Wasalaam,\n{A}\nMeneja wa Mauzo\n{addr.block}\nSimu: {phone}"),
        ("workchat", "{a} 🦒  {time}\n@{b} mteja {C} amepiga mara tatu leo, namba {mobile}\n🙏 2"),
        ("sms", "mambo {b.low} ni {a.low} hii ndio namba yangu mpya {mobile} ihifadhi"),
        ("form", "Fomu mpya: Usajili\nJina kamili: {A}\nNamba ya kitambulisho: {id}\nTarehe ya kuzaliwa: {dob}\n"
                 "Barua pepe: {a.email}\nAnwani: {addr}"),
        ("sms", "{a} anasema nenosiri la M-Pesa ni {pin} usimwambie {b.low} 😂"),
    ],
}

NEGATIVES_INTL: dict[str, list[tuple[str, str]]] = {
    "cs": [("workchat", "Vánoční večírek bude v Plzni, ne v Brně. Pivo Kozel a Kofola zajištěny 🎄"),
           ("email", "V úterý zavíráme kvůli Velikonocům. Objednávky přes Alzu a Mall vyřídíme ve středu."),
           ("sms", "dívám se na Krtečka s dětma, {!Jaromír Jágr} včera zase hrál")],
    "tr": [("workchat", "Bayram tatilinde Antalya ofisi kapalı. Migros siparişleri pazartesi çıkar 🌙"),
           ("email", "Kurban Bayramı nedeniyle Trendyol kargoları gecikebilir. Türkçe ve İngilizce destek devam."),
           ("sms", "akşam {!Tarkan} konseri var Harbiye'de gelcen mi")],
    "ro": [("workchat", "De Paște sediul din Cluj rămâne închis; coletele eMAG ies abia marți 🐣"),
           ("email", "Vă rugăm citiți regulamentul Dacia Service. Programările din Timișoara se mută în ianuarie."),
           ("sms", "ai văzut meciul? {!Simona Halep} a jucat la București ieri")],
    "pt": [("workchat", "Carnaval: escritório de Recife fecha segunda e terça. Pedidos do Mercado Livre saem "
                        "quarta 🎉"),
           ("email", "Informamos que a Natura e o Boticário mudaram as regras de troca. Dúvidas no Zap oficial."),
           ("sms", "vendo a novela da Globo, depois Flamengo x Palmeiras, {!Anitta} no intervalo kkk")],
    "hu": [("workchat", "Karácsonykor a debreceni iroda zárva. A Tesco és az Auchan rendelések hétfőn mennek 🎄"),
           ("email", "Március 15-én nemzeti ünnep miatt zárva tartunk. Magyar és angol nyelvű ügyfélszolgálat."),
           ("sms", "nezed a Balatont? {!Hosszú Katinka} uszott a Duna Arénában")],
    "el": [("workchat", "Το Πάσχα το γραφείο στην Κρήτη θα είναι κλειστό. Οι παραγγελίες Skroutz φεύγουν Τρίτη 🐣"),
           ("email", "Λόγω της 25ης Μαρτίου τα καταστήματα Public και Κωτσόβολος κλείνουν νωρίς."),
           ("sms", "vlepeis ton agona? o {!Giannis Antetokounmpo} ekane 40 pontous, Olympiakos-Panathinaikos aurio")],
    "vi": [("workchat", "Tết Nguyên Đán văn phòng Đà Lạt nghỉ một tuần. Đơn Shopee và Tiki giao sau mùng 6 🧧"),
           ("email", "Do lễ Quốc khánh, cửa hàng Vinmart và Highlands Coffee đóng cửa sớm."),
           ("sms", "toi nay xem {!Sơn Tùng M-TP} o Sài Gòn ko, ve Ticketbox het roi")],
    "sw": [("workchat", "Ofisi ya Arusha itafungwa wakati wa Eid. Oda za Jumia zitatoka Jumanne 🌙"),
           ("email", "Tafadhali kumbuka sikukuu ya Madaraka. Huduma za Safaricom na Equity zitaendelea kama kawaida."),
           ("sms", "unaangalia mechi? Gor Mahia dhidi ya AFC Leopards, {!Eliud Kipchoge} yupo uwanjani")],
}
