"""English templates of the eighth set (slots: see ``eighth_generator``), as (channel, template).

Channels: ``asr`` call-centre speech-to-text, ``email`` replies pasted into tickets, ``workchat`` workplace chat
exports, ``sms`` SMS / WhatsApp, ``form`` web-form submissions pasted as "key: value". Written for this set.
"""

from __future__ import annotations

TEMPLATES_EN: list[tuple[str, str]] = [
    # ------------------------------------------------------------------ asr
    ("asr", "agent: you're through to the renewals desk this is {b.low} speaking\ncaller: hiya um it's {A.low} "
            "i got a letter about the boiler cover\nagent: lovely can i take the postcode and first line\ncaller: "
            "yeah it's {addr.spoken}\nagent: and a contact number\ncaller: {phone.spoken}"),
    ("asr", "speaker 1: and the surname is\nspeaker 2: {a.sur.low} that's {a.spell}\nspeaker 1: {a.spell} got it "
            "and the first name\nspeaker 2: {a.low}\nspeaker 1: perfect and best email for the quote\nspeaker 2: "
            "{a.email.spoken}"),
    ("asr", "caller: yeah hi i'm ringing for my mum {F.low} she can't hear very well on the phone\nagent: no "
            "problem are you on the account\ncaller: no but she's here with me she says go ahead\nagent: ok can "
            "she confirm her date of birth\ncaller: {dob.spoken}\nagent: thank you and the address we hold\ncaller: "
            "{addr.spoken}"),
    ("asr", "agent: i just need to read the card number back to you {a.low} {card.spoken} is that correct\n"
            "caller: yep that's the one\nagent: and the security code on the back\ncaller: it's the one ending ok "
            "sorry um {pin}"),
    ("asr", "speaker 2: my number sorry is {phone.spoken} and if that doesn't pick up try my work line\nspeaker 1: "
            "go on\nspeaker 2: {phone2.spoken} ask for {b.low}\nspeaker 1: brilliant i'll pop a note on the job"),
    ("asr", "agent: how do you spell the first name\ncaller: it's {a.gspell} and then {a.sur.low} "
            "{a.spell}\nagent: thanks ever so much and the email's {a.email.spoken}\ncaller: that's right yeah"),
    ("asr", "[inaudible] so the engineer {b.low} came out on tuesday and uh\n[crosstalk]\ncaller: sorry the "
            "line's terrible i'm at {addr.spoken} the flat above the chippy\nagent: ok and your name again\n"
            "caller: {A.low}"),
    ("asr", "agent: for security what's the password on the account\ncaller: is it {a.pw.lc} no wait that's my "
            "netflix one\nagent: [laughs] take your time\ncaller: my nan's maiden name is {b.sur.answer} if that "
            "helps"),
    ("asr", "voicemail transcript (confidence 0.71): hi this message is for {a.low} it's {B.low} from the "
            "surgery calling about your results could you ring us back on {phone.spoken} thanks bye"),
    ("asr", "speaker 1: booking reference\nspeaker 2: {ref.lc}\nspeaker 1: and that's under {A.low}\nspeaker 2: yes "
            "and my husband {m.low} is travelling too\nspeaker 1: lovely i can see both of you"),
    # ------------------------------------------------------------------ email
    ("email", "Thanks, that works for us.\n\nOn {date} at {time}, {A} <{a.email}> wrote:\n> Hi {b},\n> Could "
              "the fitter come before noon? Parking on our road is a nightmare after that.\n> {a}"),
    ("email", "From: {A} <{a.email}>\nSent: {date} {time}\nTo: Customer Care <care@hedgerowhomes.co.uk>\n"
              "Subject: RE: snagging list plot 14\n\nThe crack above the patio door is back. I'm in all day "
              "Thursday, ring me on {phone} before you set off.\n\n{A}\n{addr.block}"),
    ("email", "Hi {b},\n\nAttached is the signed form. My bank details for the refund: {iban}, account name "
              "{A}.\n\nKind regards,\n{A}\nSenior Quantity Surveyor\nT {phone} | M {mobile}\n\nThis email and any "
              "files transmitted with it are confidential and intended solely for the addressee."),
    ("email", "Forwarding below — can someone pick this up? I'm on leave from Friday.\n\n-----Original "
              "Message-----\nFrom: {B} [mailto:{b.email}]\nSent: {date}\nTo: {a.work}\nSubject: Lost parcel\n\n"
              "Ordered a rug three weeks ago and it still hasn't turned up at {addr}. Order ref {ref}."),
    ("email", "{a},\n\nSorry for the slow reply, I was on site. Yes please send the replacement to my mum's "
              "instead:\n\n{B}\n{addr.block}\n\nCheers\n{a}\n\nSent from my iPhone"),
    ("email", "> On {date}, {B} <{b.work}> wrote:\n>> we need the customer's date of birth to release the "
              "policy\n\nIt's {dob}. She asked me to mention that {M} (her son) is the second driver.\n\n--\n{A}\n"
              "Mobile: {mobile}"),
    ("email", "Dear Sir/Madam,\n\nPlease update my address on the loyalty account {cust} to:\n{addr.block}\n\n"
              "Yours faithfully,\n{A}"),
    ("email", "Hey {b} — logged in from a new laptop and it asked for a code, the alert says IP {ip}. That was "
              "me, nothing to worry about.\n\n{a}\n\n________________________________\nDISCLAIMER: The "
              "information in this message is privileged. If you are not the intended recipient please notify "
              "the sender."),
    ("email", "Here's my profile for the speaker page: {a.url}\nHeadshot attached. Please list me as {A}, "
              "{a.pron}.\n\nBest,\n{a}\n{phone}"),
    ("email", "Reply above this line\n\nTicket #48213 — {B} (Customer Success) replied\n\nHi {a}, I've "
              "refunded the duplicate charge on the card ending {card}. It can take five working days."),
    # ------------------------------------------------------------------ workchat
    ("workchat", "{A} ({a.pron}) 🌻  {time}\n@{b} can you cover the {city} install tomorrow? customer is "
                 "{C}, {addr}, mobile {phone}\n👍 2  👀 1"),
    ("workchat", "{b} 🚲  {time}\nwho's got the keys to the van, {c}?\n{c}  {time}\nnot me, ask {A} "
                 "({a.pron}) lol\n😂 4"),
    ("workchat", "OncallBot APP  {time}\n:rotating_light: Pager alert acknowledged by @{a.user}\nEscalation "
                 "contact: {B} {phone}\n{a}  {time}\non it, VPN from {ip} if anyone wonders"),
    ("workchat", "Forwarded message\nFrom {B} in #customer-escalations\n\"customer {F} says we double-billed "
                 "her, callback on {phone}\"\n@{a} can you take this one?"),
    ("workchat", "{a} ✈️ (OOO till Mon)  {time}\nhanding over: the {city} client's new contact is {B}, "
                 "{b.work}\nreacted with :pray: by {c}, {d}"),
    ("workchat", "@here fire drill at 11. wardens: {A} (2nd floor), {B} (3rd floor). if you're WFH ignore 🙂\n"
                 "{c} 🏳️‍🌈 (they/them)  {time}\nthanks {a}!"),
    ("workchat", "[{time}] {a.low} 🐢: anyone know {b}'s personal mobile? {b} isn't answering slack\n[{time}] "
                 "{c.low}: {phone} but only if urgent\n[{time}] {a.low}: ta"),
    ("workchat", "HR Bot  {time}\n🎂 Say happy birthday to {A}! (team Payments)\n{c}  {time}\nhappy birthday "
                 "{a}!! 🎉🎉\n{d}  {time}\nhbd {a.low} 🥳"),
    ("workchat", "{B} (contractor)  {time}\nmy login is {b.user} and the temp password they gave me was "
                 "{b.pw}, is that meant to work on the VPN?\n{a}  {time}\n@{b} please don't paste passwords "
                 "in here 🙈 reset it"),
    # ------------------------------------------------------------------ sms
    ("sms", "hey its {a.low} new no. {mobile} save it pls x"),
    ("sms", "hi {b.low} u still ok to grab the sofa sat? address is {addr} ring when outside, buzzer broken"),
    ("sms", "{A} here from the garage, ur car's ready 2 collect. any probs call {phone} ta"),
    ("sms", "omg {b.low} just saw {m.low} at the bus stop on {city} rd 😂 he says hi"),
    ("sms", "Your courier {a} is on the way. Track: {a.url} Reply STOP to opt out"),
    ("sms", "mum's new address {addr} (dad said send the card there) love {a.low}"),
    ("sms", "ok ok the wifi pw is {a.pw} dont give it to {b.low} lol"),
    ("sms", "running 10 late sorry!! tell {b} to start without me. {a} 🙏"),
    # ------------------------------------------------------------------ form
    ("form", "New submission — Contact us\nFull name: {A}\nEmail: {a.email}\nPhone: {phone}\nPostal address: "
             "{addr}\nHow did you hear about us?: Radio\nMessage: please call after 6, kids asleep by 8"),
    ("form", "Web form: Warranty claim\nfirst_name: {a}\nlast_name: {a.sur}\ndob: {dob}\naddress_line: "
             "{addr}\nserial: KX-55 0213\nnotes: unit leaks when the dryer runs"),
    ("form", "Form response #{time}\nName: {A}\nUsername: {a.user}\nIP: {ip}\nReason for account deletion: "
             "moving to a competitor, sorry"),
    ("form", "Volunteer sign-up\nName: {A}\nMobile: {mobile}\nEmergency contact: {B} ({phone})\nDate of birth: "
             "{dob}\nDietary needs: none"),
    ("form", "Direct debit mandate (pasted from portal)\nAccount holder: {A}\nIBAN: {iban}\nCustomer no.: "
             "{cust}\nSignature: typed"),
    ("form", "Appointment request\npatient: {A.low}\nnational id: {id}\ncontact: {a.email}\n"
             "preferred clinic: {city}"),
]

NEGATIVES_EN: list[tuple[str, str]] = [
    ("asr", "caller: yeah i was watching {!Gordon Ramsay} last night and thought i'd finally fix the oven\nagent: "
            "ha fair enough which model is it\ncaller: the Beko one the silver one from Argos"),
    ("email", "On Tuesday we move the Leeds warehouse stock to Swindon. Microsoft Teams link in the invite; "
              "the Easter rota will follow after the bank holiday."),
    ("workchat", "Jenkins  APP  09:12\nBuild #8812 passed on main\n👏 3\nreacted with :tada: in #release-train"),
    ("sms", "watching Bluey with the kids, Ted Lasso after, dont text 😴"),
    ("form", "Survey response\nFavourite store: Trader Joe's\nCountry: Canada\nLanguage: French\nComments: love "
             "the Halloween range"),
    ("workchat", "Reminder: Diwali lunch in the Kensington office Friday, vegetarian options from Dishoom. Bring "
                 "your Spotify playlists 🎶"),
    ("email", "Re: quote for the Harry Potter themed room\n\nWe can do Hogwarts wallpaper but not the Marvel "
              "one. The Sydney showroom has both on display until Anzac Day."),
    ("asr", "agent: the offer covers Sky Sports and the Premier League package\ncaller: does that include "
            "{!Serena Williams} matches on Wimbledon\nagent: Wimbledon is on the BBC i'm afraid"),
    ("sms", "Happy Thanksgiving!! 🦃 we're driving up to Vermont, see u at Costco sat"),
    ("form", "Feedback\nProduct: Dyson V11\nStore: Currys Cape Town? no, Johannesburg\nRating: 4\nComment: "
             "saw {!Trevor Noah} use one on TV haha"),
    ("workchat", "{!Taylor Swift} tickets went in 4 minutes 😭 Ticketmaster queue said 2000 ahead of me. "
                 "Glastonbury next year instead"),
    ("email", "Please read the attached Christmas closure notice. Offices in Toronto, Dublin and Melbourne "
              "shut from 24 December; Zendesk stays on for urgent tickets."),
]
