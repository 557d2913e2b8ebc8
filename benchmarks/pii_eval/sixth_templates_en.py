"""English chat-log templates of the sixth sets (support chats, helpdesk threads, team chat, banter).

Placeholders (``sixth_generator.render``): ``{P}`` full name, ``{F}`` given name, ``{f}`` given name in lower
case, ``{S}`` surname, ``{N}`` nickname (a ``w``/``m`` suffix: a woman's / a man's name), ``{A}`` address with
postcode and town, ``{a}`` street and number only, ``{AB}`` address as a signature block (one part a line),
``{T}`` phone, ``{E}`` e-mail, ``{E+}`` the e-mail of the person named just before, ``{I}`` IBAN, ``{C}`` card
number, ``{ID}`` national id number, ``{U}`` URL, ``{H}`` username, ``{IP}`` IP address, ``{D}`` date of
birth; ``[[...]]`` a public figure (neutral). Everything else is literal text; its capitalised words are keep
strings. Written for this set.
"""

from __future__ import annotations

TEMPLATES_EN = [
    # customer support chats
    "[14:02] Agent {F}: Thanks for holding. Can I confirm the delivery address on the order?\n"
    "[14:03] Customer: yeah it's {A}, and the buzzer is broken so ring {T}",
    "Chat transcript #88412\nVisitor: hi my name is {P}, the parcel says delivered but nothing here\n"
    "Bot: I'm handing you over to a human.\n{F} (Support): Hi {f}! Which address did you order to?\n"
    "Visitor: {a}",
    "Customer {P} called back re: damaged blender. Replacement to go to {A}. Best number after 5pm is {T}. "
    "- note by {F}",
    "hey {F}, this is the customer from yesterday, the refund went to the wrong card?? I used {C} not the old one",
    "Hello, I'd like to close my account. Name on it: {P}, DOB {D}. Please send confirmation to {E}. Kind regards, {F}",
    "{F}: can you resend the invoice? the email on file is dead\n{F}: use {E} instead\nAgent: Done, {F}, check your inbox.",
    "Thank you for contacting Parcelhive, {F}. I've updated your contact number to {T} and your billing "
    "address to {A}. Anything else today?",
    "Support note: caller said she's the mother of the account holder ({Pm}), would not give DOB. "
    "Told her {Fm} must call from {T} himself.",
    "Agent {P} joined the chat.\n{P}: Good afternoon! I see you wrote about a missing refund.\n"
    "Customer: yes, 3 weeks now. IBAN is {I}, account in the name of {P}",
    "Customer wants the technician to come to the back entrance: {a}. Gate code is on the ticket. Contact: {T} ({F})",
    # helpdesk tickets, e-mail style threads, handovers
    "Ticket INC-30417 | Requester: {P} <{E+}> | Laptop won't join VPN from home IP {IP}. "
    "Assigned to {F}. Escalated to {F} (network) at 10:40.",
    "From: {P} <{E+}>\nTo: service desk\nSubject: Re: Re: printer on 3rd floor\n\n"
    "Still jammed. {Fm} from facilities said he would come by but nobody showed.\n\n{P}\nExt. 4417 / {T}",
    "Hi team,\n\nplease ship the replacement handset to:\n{P}\n{AB}\n\nThanks,\n{F}",
    "> On Tue, {P} wrote:\n> my new starter {Fw} can't log in, username {H}\n\nReset done, temp password sent to her "
    "manager. -- {F}, IT Support",
    "HANDOVER (night -> day)\n- {Pw}: still waiting on the courier, she rang twice from {T}\n"
    "- {P}: address change to {A} needs a second approval\n- nothing else open",
    "Internal note: the customer ({P}) is also our supplier's contact, please be careful. "
    "Wife {Fw} is the second cardholder.",
    "Passing this one to {F} since I'm off tomorrow. Mr {S} wants a callback between 9 and 11 on {T}, "
    "he's been very patient.",
    "Re: account merge\n\nHi {F},\nBoth profiles belong to {P} (old email {E+}, new one {E+}). "
    "Merged under the newer. Cheers, {N}",
    "Ticket closed by {H}. Resolution: customer {P} confirmed the router at {IP} is back online.",
    "Dear {P},\n\nYour repair is booked for Thursday between 8am and 12pm at {A}. "
    "Our engineer {F} will call {T} about 30 minutes before arrival.\n\nService Team",
    # internal team chat
    "on-call handover: pager goes to {fm} from tonight, backup is {f}. if PagerDuty is flaky his mobile is {T}",
    "{F} {S}: prod db failover done, primary now on {IP}\n{F}: nice one, anyone tell {Fw}?\n{F}: pinged her",
    "@channel lunch for {F}'s farewell is at the Thai place on Friday. RSVP to {F} or me. {f} don't bring cake again lol",
    "{f}: who has the keys to the van\n{f}: {fm} took them home, he lives at {a}, can swing by\n{f}: legend",
    "Sales follow-up: met {Pw} (procurement) at the trade show, wants a demo for her team. "
    "Direct line {T}, assistant is {F}. Owner: {F}",
    "quick q - does anyone have {Pw}'s new number? the old one bounces. \n reply: it's {T}, she changed it in March",
    "Reminder: {P} starts Monday as Regional Manager. Desk is next to {F}. Badge photo needed by Friday, "
    "send to {E}",
    "HR: we have {F}'s change of address, new one is {A}. Payroll please update before the 25th.",
    "Facilities request from {P}: radiator in meeting room B rattles. Also the kitchen tap. Tel {T}",
    "Delivery for {Pw} is at reception. If she's out, {F} or {F} can sign.",
    "field visit done at {A}. customer {P} happy, invoice to follow. next job is {a} with {f}",
    "{F}: running 15 late to the {S} install, traffic on the ring road\n{F}: np, I'll text the customer on {T}",
    "{F} {S} has submitted leave for 2-6 June. Approver: {F}. Cover: {f} and {f}.",
    "Can someone from finance confirm the supplier's bank details? {P} sent a new IBAN {I} and I'd like a "
    "second pair of eyes before I pay.",
    "New joiner details for {F}'s team: {P}, DOB {D}, ID {ID}. Please don't forward this thread.",
    "Sent {f} the slides. {F} wanted the Q3 numbers too but I'll wait till {F} signs them off.",
    "ok so the Dell for {F} goes to {AB}\nand the monitor stays here for {f}",
    "reminder that {F} and {F} are both out Thursday, so escalations go to {P} ({T})",
    "congrats {f} & {f} on the baby!! 🎉 collection envelope is on {F}'s desk",
    "Expense claim for {P} rejected - the card used ({C}) is a personal one, not the company Amex.",
    "{F}, {F}, {F}: standup moved to 9:45 because {N} has the dentist",
    "Who's picking up {Fm} from the airport? Flight lands 18:20. His number in case: {T}",
    "IT: {P}'s account was locked after 5 attempts from {IP}. Unlocked, told {F}.",
    "The locksmith is coming to {A} at 3. {F} will let him in; call {T} if stuck.",
    "Sales: {P} from the school district says send the quote to {E} and cc {F}.",
    "Booking page for interviews with {F}: {U}. Candidates so far: {P}, {P}, {P}.",
    "{H} joined #field-ops. Say hi to {Pw}, she's covering {a} and the depot this week.",
    "{F}, the folder with {P}'s onboarding paperwork is here: {U} (don't share outside HR)",
    "Customer {P} sent a link to the photos of the damage: {U}. Claim passed to {F}.",
    "New rep intro: {Pm}, covering the Midlands. Book time with him at {U} or call {T}.",
    "Driver update: 2 drops left. {a} (leave with neighbour, per {F}) and {A}, customer {P} wants a call on {T} first",
    "Field service report\nSite: {A}\nContact on site: {P}, {T}\nEngineer: {F}\nOutcome: boiler serviced, flue ok",
    "Callback list for {F}:\n1. {P} - {T}\n2. {P} - {T} (after 4)\n3. {P} - wants the visit at {a}",
    "{P}: hi all, I moved! new address for the Christmas cards is {A} 🏡 landline is {T} if anyone still uses those",
    "Warranty claim from {Pw}, {A}. Serial on the unit matches. Reach her on {T} or {E}.",
    "pls update the CRM: {P} left the company, new contact there is {P}, {T}, same office at {a}",
    # casual banter
    "lol {f} you were not 'five minutes away' you were in bed. {f} saw your story",
    "Happy birthday {F}!!! 🎂 {F} and {N} say hi from the warehouse",
    "{N} and I are doing the quiz at the pub tonight if {f} wants in. need a 4th, {F} bailed",
    "my mum {Fw} wants to know if your son {Fm} still does the dog walking? she's at {A}",
    "{F} what's your cousin's number, the one who fixed the boiler? {F} says it's {T} but that sounds wrong",
    "not me forgetting {F}'s name in front of the whole client call. it's {F}. I said {F}. kill me",
    "who took {N}'s mug. it says WORLD'S OKAYEST DAD on it, not hard to spot",
    "my brother {Fm} and his wife {Fw} are visiting, so I'm out Friday. {f} has my keys",
]

NEGATIVES_EN = [
    "Reminder: the Slack migration happens Saturday. Teams channels stay read-only until Monday. Questions to IT.",
    "Has anyone tried the new Sennheiser headsets? The Jabra ones keep dropping on Zoom calls.",
    "Black Friday queue stats: Chat up 340%, Email up 120%. Shout-out to the Tuesday shift in Leeds.",
    "[[Taylor Swift]] tickets sold out in nine minutes, so naturally half of Accounts is working from home today.",
    "Customer asked if we ship to Newfoundland and the Yukon. We do, via Canada Post, 7-12 business days.",
    "Lunch order: two Margherita, one Hawaiian, a Caesar salad. Somebody tell Marketing we're not paying for Nando's again.",
    "Anyone watching Succession? Finished it over Diwali and now I'm suspicious of every Regional Director.",
    "Our Customer Success Manager role is open in Johannesburg and Cape Town. Afrikaans or isiZulu a plus.",
    "The Durban depot closes early on Heritage Day. Ikea and Woolworths orders go out Wednesday.",
    "Book club pick: The Remains of the Day by [[Kazuo Ishiguro]]. Not as sad as Klara and the Sun, apparently.",
    "Reminder: Thanksgiving schedule - Phoenix and Tampa closed Thursday, Boise on skeleton crew.",
    "The Kindle return spike is because of the new Paperwhite. Please tag as Hardware, not Billing.",
    "Quiz answer: Wellington is the capital, Auckland is just bigger. Also [[David Attenborough]] is 98, not 89.",
    "Bangalore team: Ugadi is a holiday for you, Pune works as usual. Sorry Hyderabad, you get Sankranti instead.",
    "Note for Tier 2: when the Samsung Galaxy won't pair, tell them to forget the device in Bluetooth settings.",
]
