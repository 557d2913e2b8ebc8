"""English templates of the seventh generated set: exported helpdesk and operations transcripts (written for it).

Slots (filled by ``seventh_generator``): {P} {F} {f} {S} the first person's full name, given name, given name in
lower case, surname; {P2} {F2} {f2} {S2} a second person, {F3} a third; {N} a nickname; {PH} {PH2} phones;
{AD} an address on one line, {ADB} one that may be a block; {EM} e-mail; {IB} IBAN; {CC} card; {DOB}; {ID} a
national id and {IDL} what it is called; {U} username; {IP}; {URL} a profile URL; {PW} a credential. Text
slots (no PII): {T} a time, {D} a day, {REF} a ticket number, {C} a city of the locale (kept), {K:x} a kept
string, {NE:x} a public figure (neutral).
"""

from __future__ import annotations

TEMPLATES_EN: tuple[str, ...] = (
    # --- delivery and installation scheduling
    "[{T}] {F}: hi, the fridge was meant to arrive {D} but nobody showed\n[{T}] Agent {F2}: so sorry {F}! I can "
    "rebook the two-man crew for {D}, is {AD} still right?\n[{T}] {F}: yes, gate code changed though, ring {PH}",
    "Installer note ({REF}): wall-mount bracket for the 65in panel at {ADB}. Customer {P} wants it above the "
    "fireplace; told her we need a stud finder check first. Best number {PH}.",
    "{f}: oi my washing machine came with a dent on the side\n{F2} (Support): ugh, sorry! send two photos and "
    "I'll raise a swap. which address, still {AD}?\n{f}: yeah same. {PH} if the driver gets lost",
    "Reschedule request {REF} - {P} cannot take the sofa delivery {D}; neighbour {F2} {S2} will sign for it at "
    "{AD}. Neighbour's mobile: {PH2}.",
    "Dispatch board, {D}\n08:00-10:00  {P}  {AD}  {PH}\n10:00-12:00  {P2}  (address on file)  call first\n"
    "Crew lead: {F3}",
    "{F} from the broadband install team here. I'm outside {AD} but the intercom is dead. Can you ring me back on "
    "{PH}? Won't wait past {T}, cheers",
    "Agent {F2}: Your router swap is booked for {D} between 1 and 5. The engineer, {F3}, will call from {PH} about "
    "thirty minutes before. Anything else, {F}?\nCustomer: nope that's grand, thanks {F2}",
    # --- account recovery
    "Recovery ticket {REF}\nUser claims to be {P}, DOB {DOB}, registered e-mail {EM}. Old handle {U}. Last login "
    "from {IP}. Asked for a new OTP to {PH}; verification passed, reset sent.",
    "{F2}: for security could you confirm the e-mail on the account?\n{F}: it's {EM}, or maybe the old one, "
    "{U} at the same provider\n{F2}: the first one matches, thanks {F}",
    "Hey {f2}, the lockout was {F} {S} again. Third time this month. Tell her to stop sharing the login "
    "({PW}) in the team group, seriously",
    "Agent note: caller said her username is {U} and gave the backup phone {PH}. Voice did not match the earlier "
    "call from {F}; flagged to fraud ({F2} on shift).",
    "Escalation summary - account takeover suspected\nAccount holder: {P}\nLogin IPs: {IP} (unfamiliar)\nContact: "
    "{EM} / {PH}\nOwner: {F2} {S2}, Trust & Safety",
    "@{F2} can you look at {REF}? {P} says someone changed her recovery number to {PH} from an IP in another "
    "country ({IP})",
    # --- insurance claims
    "Claim {REF} opened by {P} (policy holder, born {DOB}). Hailstorm damage to the carport at {ADB}. Assessor "
    "{F2} {S2} visiting {D}. Contact {PH}.",
    "{F}: the assessor never turned up?? I took the day off\nAgent {F2}: I can see that, I'm really sorry {F}. "
    "I've escalated to {F3}, she'll phone you on {PH} before {T}",
    "Payout details confirmed for claim {REF}: account holder {P}, IBAN {IB}. Second approver: {F2}.",
    "Third-party details (motor claim): driver {P2}, phone {PH2}, lives at {AD}. Our insured {P} says {F2} "
    "reversed into her at the petrol station on {C} ring road.",
    "Hi {F}, this is {F2} from claims. Quick one: was the bike stolen from {AD} or from the office? Text me back "
    "on {PH}. Thanks!",
    # --- pharmacy and clinic scheduling
    "Clinic front desk, {D}\n{T} {P} (new patient, DOB {DOB}) - physio, ankle\n{T} {P2} - bloods, fasting\n"
    "Call {F} back on {PH} to confirm",
    "Pharmacy chat\n{F}: is my mum's prescription ready? it's under {P2}\nPharmacist {F3}: yes, ready for "
    "collection. Bring ID please\n{F}: ok and can you deliver to {AD}? she can't walk far",
    "{F2}, Dr {S} asked for the referral letter for {P} ({IDL} {ID}) to go out today. Patient's number is "
    "{PH} if radiology calls.",
    "Reminder sent: Dear {F}, your appointment with Dr {S2} is on {D} at {T}. Reply C to cancel or call {PH}.",
    "Note from {F2}: patient {P} rang in tears, insulin delivery didn't arrive. Redirected courier to her "
    "sister {F3}'s place: {AD}.",
    "[{T}] nurse {f2}: who's covering the vaccine clinic tomorrow\n[{T}] {f}: me and {f3} until 2, then {F3} "
    "leaves and it's just me\n[{T}] nurse {f2}: ok I'll tell reception",
    # --- telecom porting
    "Port-in request {REF}: number {PH} moving from the old network. Account name {P}, {IDL} {ID}. Porting "
    "code received from customer by SMS at {T}.",
    "{F}: my number still hasn't moved over, it's been 4 days\n{F2} (Porting desk): checking... the name on "
    "the donor account is {P2}, not you. Is that your partner?\n{F}: it's my brother {F3}. ugh",
    "Porting failed twice for {PH}. Customer {P} insists the account is in her name. Donor says the "
    "registered address is {AD}. Escalated to {F2}.",
    "Hi {F}, we've scheduled your number transfer for {D}. Your temporary number is {PH2}; your old number "
    "{PH} stays live until the switch. - {F2}, Mobile Team",
    "SIM replacement log: {P} collected a new SIM at the {C} store, verified with {IDL} {ID}. Staff: {F2}.",
    # --- utility meter readings
    "Meter reading submitted by {P} for {ADB}: 48213 day / 19877 night. Photo attached. Callback {PH}.",
    "{F}: the bill says we used 3x more gas than last winter?? we were away for a month\nAgent {F2}: let me "
    "check. Is the meter at {AD}?\n{F}: yes\nAgent {F2}: looks like an estimated read, I'll book a real one",
    "Field tech {F2} {S2}: meter at {AD} is behind a locked gate. Owner {P} not answering {PH}. Left a card.",
    "Direct debit update for {P}: new IBAN {IB}, effective next cycle. Requested by phone, verified DOB {DOB}.",
    "From: {EM}\nHi, I moved out of {AD} on {D}. Final reading attached. Please send the closing bill to my "
    "new place, {AD2}.\nThanks, {P}",
    # --- food delivery
    "[{T}] rider {F2}: at the gate, nobody answering\n[{T}] {F}: sorry!! coming down, 3rd floor\n[{T}] rider "
    "{F2}: ok",
    "Order {REF} complaint: {P} received someone else's biryani. Refund issued to card {CC}. Rider: {F2}.",
    "Courier note: leave with security guard {F3} at {AD}, do not ring, baby sleeping. Customer {F}: {PH}",
    "{f}: can u add extra chilli sauce? also pls don't call, text {PH}\nsupport {f2}: noted, added to the "
    "order for the kitchen",
    "Refund dispute {REF}: {P} says the order was never delivered to {AD}; rider {P2} has a photo at the "
    "door. Assigned to {F3}.",
    # --- ride-hailing lost and found
    "Lost item report: {P} left a grey backpack in a ride on {D} around {T}. Driver {F2} found it and can "
    "drop it at {AD}. Rider's number {PH}.",
    "{F}: I think I left my phone in the car, can you ask the driver? I'm using my friend {F3}'s phone, "
    "{PH}\nSupport {F2}: I've messaged {F4}, your driver. I'll update you here",
    "Driver {P2} returned a wallet (cards in the name of {P}). Owner contacted on {PH}; collecting from the "
    "{C} hub tomorrow.",
    "hey it's {f}, the driver took my suitcase by mistake!! pick-up was {AD}. driver name on the app was {F2}",
    # --- school administration
    "From the school office: Dear Mr {S}, {F2}'s bus pass is ready. Please collect it or we can post it to "
    "{AD}. Office: {PH}",
    "Admissions note: {P} (DOB {DOB}) joining Year 4 after half-term. Parents {F2} and {F3}; main contact "
    "{PH}. Previous school sent records.",
    "{F2} (class teacher): Hi {F}, {F3} was unwell after lunch; we couldn't reach you on {PH}. Grandma "
    "collected her.\n{F}: thank you so much, my phone was dead",
    "Fee reminder: Parent {P}, term fees outstanding. Pay to IBAN {IB} quoting your child's name ({F2}).",
    "School trip consent, {D}\nStudent: {P}\nEmergency contact: {P2} - {PH}\nMedical: mild asthma, inhaler "
    "in bag",
    # --- HR onboarding
    "Onboarding checklist - {P}\nStart date: {D}\nHome address: {ADB}\nPersonal e-mail: {EM}\nBuddy: {F2}",
    "{F2} (HR): welcome {F}! Can you send your {IDL} and bank details before payroll closes?\n{F}: {IDL} is "
    "{ID}, IBAN {IB}\n{F2} (HR): perfect, thanks",
    "New starter {P} has no laptop yet. IT contact {F2} says it ships to {AD} {D}. Personal mobile: {PH}",
    "Hey {f2}, payroll bounced for {F} {S} - the account number had a typo. Correct one: {IB}",
    "Background check consent form received from {P}, DOB {DOB}, {IDL} {ID}. Reviewer: {F2}.",
    "Relocation: {P} moves from {C} on {D}. Temporary flat: {ADB}. Contact {PH} or {EM}.",
    # --- call-back requests
    "CALLBACK - {P} - {PH} - wants to talk about the cancelled order, prefers after {T}. Taken by {F2}.",
    "Please call {F} back on {PH}, she's been waiting since this morning. ({F2})",
    "Voicemail transcript: hi this is {P}, my number is {PH}, I'm calling about the boiler service at "
    "{AD}, please ring me back, thanks",
    "{F2}: {F} called twice, wants a manager. Gave her {F3}'s direct line {PH2}, hope that's ok",
    # --- escalation summaries and agent notes
    "ESCALATION {REF}\nCustomer: {P} ({EM})\nIssue: double charge on card {CC}\nHandled by: {F2} -> {F3}\n"
    "Status: refund approved",
    "Handover to {F2}: {P} still waiting on the replacement part. Address {AD}; she prefers WhatsApp on {PH}.",
    "Internal: the user {U} keeps opening tickets from {IP} pretending to be {P}. Real {F} confirmed by phone "
    "({PH}) she never did.",
    "Agent note ({F2}): customer mentioned her LinkedIn ({URL}) when asking for a refund reference letter. "
    "Not needed, declined politely.",
    "QA review: {F2} told {P} her full card number ({CC}) back over chat. Coaching with {F3} booked.",
    "Shift log {D}\n- {F}: 14 chats, 2 escalations\n- {F2}: 19 chats\n- {F3}: off sick, covered by {F4}",
    "Summary for {F3}: {P} ({PH}) was promised a callback three times. Apologised, goodwill credit applied.",
    "Customer {P} sent a screenshot showing the API key {PW} in the app logs. Rotated; told her to delete the "
    "screenshot.",
    "Account {U} (owner {P}) locked after 6 failed logins from {IP}. Unlock approved by {F2}.",
    # --- chat banter with names in odd places
    "{F}: {F2} is out today, {F3} is covering the queue\n{F2}: not out, just late lol\n{F}: ok {f2}",
    "@{U} thanks for the quick fix! {F2} says the invoice address is now {AD}",
    "{P2} asked me to forward this: the courier has her number as {PH} but the right one is {PH2}",
    "Good morning team! Reminder that {N} is doing the 9am stand-up, {F2} the late one. {F3} is at the {C} "
    "office until Friday",
    "lol {f2} you sent the customer {F}'s address ({AD}) instead of the depot's. please fix",
    "{F} and {F2} both asked for the {D} off. {F3}, can you decide?",
    "pls ping {N} on {PH} when the van leaves, she's the one signing at {AD}",
    "Notes from the tenant call: {P} reports mould in the bathroom at {ADB}. Landlord rep {P2} ({PH}) will "
    "send someone {D}.",
    "{F2}: whose pen drive is this? it has {F}'s CV and a scan of her {IDL} ({ID}) on it\n{F3}: give it to "
    "{F} directly pls",
    "{F}'s personal site {URL} is linked from the staff page. HR ({F2}) asked to remove it.",
    "Courier card left for {P}, {AD}: parcel at the {C} depot, ref {REF}. Questions: {PH}",
    "Customer gave two numbers: home {PH} and work {PH2} (ask for {F}).",
    "Welcome pack posted to {P}, {ADB}",
    "[{T}] System: chat transferred from {F2} to {F3}\n[{T}] {F3}: hi {F}, picking this up. Is {PH} the best "
    "number for the courier?\n[{T}] {F}: yes, or my husband {F4}",
    "[{T}] {f}: hello?? anyone\n[{T}] Bot: an agent will join shortly\n[{T}] {F2} (Agent): hi {f}, sorry for the "
    "wait! what's the postcode for {AD}?",
    "[{T}] {F2} (Clinic): your scan is moved to {D}, same time. Bring your {IDL}.\n[{T}] {P}: thanks, "
    "will do. {IDL} is {ID} if you need it now",
    "[{T}] Agent {F2}: I see two accounts for {P}, one with {EM}\n[{T}] {F}: the other one is my daughter "
    "{F3}'s, please don't merge them",
    "[{T}] {F}: the meter guy left without reading it!\n[{T}] Agent {F2}: sorry {F}, which property, {AD}?"
    "\n[{T}] {F}: yes. I'm home all day, call {PH}",
    "[{T}] rider {f2}: ma'am I'm at {AD}, the guard says no deliveries inside\n[{T}] {f}: omg ok coming, 2 mins",
    "[{T}] {F2} (HR): {F}, your laptop courier needs a number\n[{T}] {F}: {PH}. and the flat is {AD}",
    "[{T}] Dispatcher {F2}: {F3} is running late from the {C} depot\n[{T}] {F}: ok, I'll wait till {T}",
    "Seller check - {URL} belongs to {P}, who also wrote from {EM}. Chargeback owner {F2}.",
    "{F}: my old photos are on {URL}, can you link that to the new account?\nAgent {F2}: I can't merge social "
    "logins, sorry {F}. I've noted it on {REF}",
    "Debug note: customer {P} pasted her Wi-Fi password ({PW}) into the chat so the tech could test. Masked in "
    "the CRM by {F2}; IP on record {IP}.",
    "Login alerts for {U}: {IP} at {T}, then {IP2} a minute later. Owner {P} confirmed only the first.",
    "Refund form for {P}\nSocial link given: {URL}\nPhone: {PH}\nCard: {CC}\nApproved: {F2}",
    "{F2}: the shared inbox password is still {PW} lol. {F3} please change it before {F} starts",
    "Driver app shows {P2} logged in from {IP} while on leave. {F} asked HR ({F3}) to check.",
)

# hard negatives: no private person, many names of places, brands, works and holidays that must survive;
# {NE:x} public figures (neutral)
NEGATIVES_EN: tuple[str, ...] = (
    "Reminder: the {K:Oxford Street} store closes early on {K:Boxing Day}, and the {K:Westfield} kiosk stays shut "
    "until {K:New Year}.",
    "Menu update: the {K:Jollof Rice} combo returns for {K:Eid al-Fitr}; {K:Suya} wraps sold out in {K:Abuja} "
    "and {K:Kano} branches.",
    "Pharmacy stock check: {K:Paracetamol} 500mg, {K:Amoxicillin} syrup, {K:Cetirizine} and {K:Panadol Extra} "
    "all reordered from {K:GSK}.",
    "Agents, please stop recommending {K:Netflix} shows in chats. Yes even {K:Squid Game}. Thanks.",
    "Porting is paused for {K:Safaricom} and {K:Airtel Kenya} numbers this weekend while {K:Telkom} migrates.",
    "Team quiz: who wrote {K:Things Fall Apart}? ({NE:Chinua Achebe}). Who sang {K:Redemption Song}? "
    "({NE:Bob Marley}).",
    "Store locator: {K:Bonifacio High Street}, {K:SM Megamall}, {K:Greenbelt 5}; all open on {K:Independence Day}.",
    "The {K:Ramadan} schedule starts Monday: the {K:Dubai Mall} and {K:Mall of the Emirates} desks open at 10.",
    "Coffee order for the {K:Auckland} office: flat whites from {K:Allpress}, one {K:L&P} for the intern.",
    "Please use {K:British English} in replies to {K:Ireland} and {K:United Kingdom} customers, {K:American "
    "English} for {K:Jamaica}.",
    "Training video this week: {NE:Malala Yousafzai} on school access, then the {K:Diwali} sales briefing.",
    "Install guide: {K:Samsung} {K:Galaxy A54}, {K:Redmi Note 13} and {K:Tecno Spark} all support e-SIM "
    "transfer in {K:Ghana} now.",
    "Monsoon alert: deliveries to {K:Chennai}, {K:Mumbai} and {K:Kochi} may slip by a day. {K:Flipkart} pickups "
    "unaffected.",
    "The office playlist has {K:Burna Boy}, {K:Tems} and far too much {K:Coldplay}. Vote in the thread.",
    "Lost property: an {K:Arsenal} scarf, a {K:Kindle} and a copy of {K:The God of Small Things} at the {K:Leeds} "
    "front desk.",
    "Fare surge expected during the {K:Singapore Grand Prix}; ride-hailing pickups at {K:Marina Bay} move to "
    "{K:Raffles Avenue}.",
    "Clinic closed on {K:Waitangi Day}; urgent cases go to {K:Auckland City Hospital}.",
    "School calendar: {K:Thanksgiving} break, then {K:Hanukkah} and {K:Kwanzaa} assemblies before winter.",
    "Our {K:Karachi} and {K:Lahore} hubs use {K:JazzCash} and {K:Easypaisa}; {K:Islamabad} also takes {K:Visa}.",
    "HR: onboarding slides now quote {NE:Kofi Annan} instead of {NE:Steve Jobs}. Please update your decks.",
)
