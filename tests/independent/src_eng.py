# ruff: noqa: E501  (letters keep their natural line breaks)
"""English letters (international bodies, NGOs, private senders, some Brussels services).
Tokens are expanded by build_letters.py."""

LETTERS = [
    {
        "id": "eng-asylum-1",
        "category": "asylum",
        "date": "2026-12-04",
        "text": """Refugee Legal Support Brussels asbl
Rue du Progrès 80, 1030 Brussels
www.refugee-legal-support.example

Brussels, 4 December 2026
Our file: RLS-26-0913
CGRS reference: {cgra:CG 2511209}

Ms Shirin AHMADI
Reception centre Fedasil Arendonk

Dear Ms Ahmadi,

As discussed with your social worker, we will help you prepare your appeal before the Council for Alien Law Litigation (CALL) against the decision of the Commissioner General refusing you refugee status and subsidiary protection.
The appeal must reach the Council within 30 days of the notification of the decision, which you received by registered mail on 30 November 2026, so no later than 30 December 2026.
Please come to our office on Wednesday 9 December 2026 at 2 pm with the full decision, the notes of your personal interview and any new documents about your religious conversion.

Kind regards,
Hanna Verbeke, legal adviser""",
        "deadlines": [("2026-12-30", "appeal"), ("2026-12-09", "appointment")],
    },
    {
        "id": "eng-asylum-2",
        "category": "asylum",
        "date": "2027-02-19",
        "text": """FPS Home Affairs - Immigration Office
Dublin Unit
Boulevard Pachéco 44, 1000 Brussels

Brussels, 19 February 2027
Immigration Office file: {oe:9.871.206}

Mr Abdikarim HASSAN
born 01/01/1999

Subject: Dublin procedure - request to take charge

Sir,

You applied for international protection in Belgium on 28 January 2027. Your fingerprints show that you were previously registered in Italy.
Belgium has therefore asked Italy to take charge of your application under Regulation (EU) No 604/2013 (Dublin III).
You are invited to a Dublin interview at the Immigration Office on Tuesday 9 March 2027 at 10:00, where you may explain any reasons, including family ties or health problems, why your application should be examined in Belgium.
Bring your registration annex (annex 26) and any medical documents.

For the Secretary of State for Asylum and Migration""",
        "deadlines": [("2027-03-09", "appointment")],
    },
    {
        "id": "eng-residence-1",
        "category": "residence",
        "date": "2026-09-18",
        "text": """Immigration Office - Students Unit
Boulevard Pachéco 44, 1000 Brussels

Brussels, 18/09/2026
Our reference: {oe:8.240.069}

Mr Chinedu OKONKWO
Rue de l'Université 12, 4000 Liège

Subject: renewal of your residence permit as a student (A card)

Dear Mr Okonkwo,

Your temporary residence permit as a third-country student expires on 31/10/2026. To renew it, your municipality must send us:
- proof of enrolment at the University of Liège for the academic year 2026-2027;
- proof of sufficient means of subsistence (annex 32 or scholarship);
- proof of payment of the administrative fee.
Please submit these documents to the foreigners' office of the City of Liège before 15/10/2026.
If your file is incomplete when the card expires, an order to leave the territory may be issued.

Yours sincerely,
The Students Unit""",
        "deadlines": [("2026-10-31", "expiry"), ("2026-10-15", "response")],
    },
    {
        "id": "eng-residence-2",
        "category": "residence",
        "date": "2027-01-06",
        "text": """Commune d'Ixelles / Municipality of Ixelles
Foreigners' Department
Chaussée d'Ixelles 168, 1050 Brussels

6 January 2027

Ms Priya NAIR

Your application for an EU long-term resident permit (L card) has been approved.
Appointment for fingerprints and photo: Monday 25 January 2027, 9:40 am, counter 6.
Bring: your current residence card, passport, EUR 24 in cash or by card.
Your current card remains valid until 28 February 2027.

Foreigners' Department""",
        "deadlines": [("2027-01-25", "appointment"), ("2027-02-28", "expiry")],
    },
    {
        "id": "eng-family-1",
        "category": "family",
        "date": "2026-10-09",
        "text": """Belgian Red Cross - Restoring Family Links
Rue de Stalle 96, 1180 Brussels

Brussels, 9 October 2026
Tracing request: RFL-2025-0448

Mr Jean-Claude NSHIMIYIMANA
Centre Croix-Rouge de Natoye

Dear Mr Nshimiyimana,

We are pleased to inform you that the Red Cross Society in Uganda has located your sister, Ms Claudine Mukamana, in the Nakivale settlement. She is safe and would like to be in contact with you.
She has written a Red Cross message for you, which we would like to give to you in person. We can also organise a first phone call.
Please come to our office on Thursday 22 October 2026 at 11:00. If this date is not convenient, please call us before 19 October 2026 on 02 371 31 11.
We can also inform you about the possibilities of family reunification.

With warm regards,
Restoring Family Links team""",
        "deadlines": [("2026-10-22", "appointment"), ("2026-10-19", "response")],
    },
    {
        "id": "eng-family-2",
        "category": "family",
        "date": "2026-11-12",
        "text": """VISA APPLICATION CENTRE - BELGIUM
Nairobi, Kenya
On behalf of the Embassy of Belgium

12 November 2026
Application ref.: KE-NBO-2026-334412

Dear Ms Sahra MOHAMED,

Your online application for a long-stay visa (type D) for family reunification with your husband, Mr Abdi Warsame, who resides in Liège, Belgium, has been registered.
Your biometric appointment is confirmed for Tuesday, 1 December 2026 at 08:30 at the Visa Application Centre.
Please bring the original marriage certificate (legalised), birth certificates of your children, the medical certificate, the police clearance certificate and proof of payment of the administrative fee.
Applicants who miss their appointment must book a new one.

Visa Application Centre""",
        "deadlines": [("2026-12-01", "appointment")],
    },
    {
        "id": "eng-housing-1",
        "category": "housing",
        "date": "2027-03-02",
        "text": """Thomas Whitfield
12 Avenue Louise, 1050 Brussels
thomas.whitfield@example.com

Brussels, 2 March 2027

To: Ms Liang WEI
Rue Washington 44, 1050 Brussels (flat 3B)

Re: end of lease and return of your rental deposit

Dear Ms Wei,

Thank you for your notice. As agreed, your lease ends on 31 May 2027.
I propose to carry out the check-out inspection together with the inventory expert on Monday 31 May 2027 at 9 am. Please make sure the flat is empty and cleaned, and return all keys (3 flat keys, 1 mailbox key, 2 garage remotes).
Please also confirm by 15 April 2027 whether you want the viewing visits by new tenants on Saturdays or weekday evenings.
The rental deposit blocked at the bank will be released once the inspection report is signed.

Best regards,
Thomas Whitfield""",
        "deadlines": [("2027-05-31", "expiry"), ("2027-04-15", "response")],
    },
    {
        "id": "eng-housing-2",
        "category": "housing",
        "date": "2026-10-27",
        "text": """Social Rental Agency "Logement Pour Tous" (AIS/SVK)
Avenue de la Reine 50, 1030 Brussels

Brussels, 27 October 2026

Mr Abdoulaye CAMARA
Family of 5

Subject: offer of a flat through our social rental agency

Dear Mr Camara,

We can offer you a three-bedroom flat in Schaerbeek, rue Josaphat 118, 2nd floor. Rent: EUR 690 per month plus EUR 60 charges.
The lease will be signed at our office on Friday 13 November 2026 at 3 pm. The flat will be available from 1 December 2026.
You must provide the rental deposit (two months' rent). If you cannot pay it, the CPAS of Schaerbeek can give a deposit guarantee: apply there as soon as possible.
Please confirm that you accept the flat before 3 November 2026.

Kind regards,
Housing team""",
        "deadlines": [("2026-11-13", "appointment"), ("2026-11-03", "response")],
    },
    {
        "id": "eng-allowances-1",
        "category": "allowances",
        "date": "2026-11-05",
        "text": """BrusselsKids Family Allowance Fund (example fund)
Rue Royale 72, 1000 Brussels

Brussels, 5 November 2026
File number: BK-26-77120

Mrs Esther MWANGI
Chaussée de Haecht 300, 1030 Brussels

Subject: birth allowance for your son

Dear Mrs Mwangi,

Congratulations on the birth of your son! You are entitled to the birth allowance of EUR 1,216.13 and, from next month, to monthly family allowances.
We need a copy of the birth certificate and the bank account number in your name. Please send them by 30 November 2026 at the latest.
Because your household income is low, a social supplement may also be granted; you will receive a form for this.
Payments will be made to account {iban:0630115599} unless you tell us otherwise.

Kind regards,
Your file manager""",
        "deadlines": [("2026-11-30", "response")],
    },
    {
        "id": "eng-allowances-2",
        "category": "allowances",
        "date": "2027-02-12",
        "text": """Public Centre for Social Welfare (CPAS/OCMW) of Saint-Gilles
Rue Fernand Bernier 40, 1060 Brussels

Saint-Gilles, 12 February 2027
Reference: AS/27/00314

Mr Ahmed YUSUF
National number: {nrn:2002-11-20:317}

Notification of decision - social assistance

Dear Mr Yusuf,

On 10 February 2027, the Special Committee for Social Services decided to refuse your request for financial social assistance equivalent to the integration income, because your enrolment as a full-time student does not show that you are available for work and no study project was agreed.
You may reapply once a study project has been discussed with your social worker.
You may appeal against this decision to the Labour Court of Brussels within three months from the notification of this letter.

The Secretary General          The President""",
        "deadlines": [("+3m", "appeal")],
    },
    {
        "id": "eng-debt-1",
        "category": "debt",
        "date": "2026-09-29",
        "text": """CREDITRA COLLECTIONS NV
Amicable debt collection
Noorderlaan 147, 2030 Antwerp
Client account: {iban:3630001188}

Antwerp, 29 September 2026
Our ref.: CR-55190-26

Mr Tomasz NOWAK
Rue de Mons 15, 1070 Anderlecht

FINAL NOTICE

Dear Mr Nowak,

Our client, MobiTel Belgium SA, has instructed us to collect the following unpaid amount:
Invoices 05/2026-07/2026: EUR 164.55
Late-payment interest and fixed compensation: EUR 35.00
Total due: EUR 199.55
Please pay the total by 14 October 2026 using the structured communication {ogm:5519026008}.
If you dispute this debt, write to us before that date with your reasons. Without payment or reaction, the file may be passed to a bailiff.

Creditra Collections NV""",
        "deadlines": [("2026-10-14", "payment")],
    },
    {
        "id": "eng-debt-2",
        "category": "debt",
        "date": "2026-12-16",
        "text": """FPS Finance - General Administration of Collection and Recovery
Tax Collection Centre Brussels
North Galaxy, Boulevard du Roi Albert II 33, 1030 Brussels

16 December 2026
Article number: 742.118.903

Ms Daria SHEVCHENKO
Avenue du Port 86, 1000 Brussels

Subject: your request for a payment plan - personal income tax 2025

Dear Ms Shevchenko,

Following your request, we grant you a payment plan for the outstanding personal income tax of EUR 1,460.00 (tax year 2025), in six monthly instalments of EUR 243.34.
The first instalment must be paid by 15 January 2027, the following ones on the 15th of each month, to account {ibanp:6792005099} with the structured communication {ogms:7421189035}.
If one instalment is missed, the plan will be cancelled and the full amount will become immediately payable, with late-payment interest.

The Collection Manager""",
        "deadlines": [("2027-01-15", "payment")],
    },
    {
        "id": "eng-employment-1",
        "category": "employment",
        "date": "2027-01-27",
        "text": """Hartwell Logistics Belgium BV
HR Department
Airport Business Park 7, 1830 Machelen

27 January 2027

Mr Hamza QURESHI
Rue Heyvaert 9, 1080 Molenbeek

Subject: job offer - warehouse operator

Dear Mr Qureshi,

Following your interview on 22 January, we are pleased to offer you a permanent full-time position as warehouse operator in our Machelen site, starting on Monday 1 March 2027. Your gross monthly salary will be EUR 2,284.00, plus meal vouchers and a night-shift premium.
Please sign and return the enclosed employment contract by 10 February 2027, together with a copy of your residence card and your bank details.
A safety training day is scheduled on 26 February 2027.

We look forward to welcoming you to the team.

Kind regards,
Sarah Janssens, HR Officer""",
        "deadlines": [
            ("2027-02-10", "response"),
            ("2027-03-01", "other"),
            ("2027-02-26", "appointment"),
        ],
    },
    {
        "id": "eng-employment-2",
        "category": "employment",
        "date": "2026-10-14",
        "text": """Actiris - Brussels Employment Service
Avenue de l'Astronomie 14, 1210 Brussels

Brussels, 14 October 2026

Ms Fatima SAMADI
Job-seeker number: 5512873

Invitation: information session "Working in Brussels"

Dear Ms Samadi,

You recently registered as a job seeker with Actiris. We invite you to a collective information session in English on Thursday 29 October 2026 from 9:30 to 12:00, room 3.2.
You will learn how to look for a job in Brussels, how to have your diplomas recognised, which Dutch and French courses are available and how your counsellor can help you.
Your attendance is compulsory. If you cannot attend, please inform us in advance with a valid reason.

Kind regards,
Your Actiris counsellor""",
        "deadlines": [("2026-10-29", "appointment")],
    },
    {
        "id": "eng-health-1",
        "category": "health",
        "date": "2026-11-19",
        "text": """Saint-Pierre University Hospital - International Patients Desk
Rue Haute 322, 1000 Brussels

19 November 2026
Patient ID: 2260411-9

Dear Mr Kwame BOATENG,

Your appointment with Dr L. Moreau, Pulmonology, is confirmed for Thursday 10 December 2026 at 11:20, building B, 3rd floor.
Please come 20 minutes early to register at the front desk.
Bring: your identity or residence document, your health insurance card or an urgent medical assistance certificate from your CPAS, your previous X-rays and the list of your medicines.
If you need an interpreter, please let us know at least three working days before the appointment.

International Patients Desk""",
        "deadlines": [("2026-12-10", "appointment")],
    },
    {
        "id": "eng-health-2",
        "category": "health",
        "date": "2027-02-04",
        "text": """Doctors of the World Belgium - Medical Centre for People without Residence Status
Rue Botanique 75, 1210 Brussels

Brussels, 4 February 2027

Ms Gloria EZE

Dear Ms Eze,

Thank you for your visit to our centre on 2 February. Your blood test results show that you need treatment for hepatitis B and a follow-up by a specialist.
We have booked an appointment for you at the hepatology department of the Saint-Pierre hospital on Monday 22 February 2027 at 9:00.
Our social worker will help you apply for urgent medical assistance at the CPAS so that the treatment is covered. Please bring your proof of address to our centre before 15 February 2027.
Your second vaccination dose for your daughter is also due; our nurse can give it on the same day.

Take care,
Dr N. Ilunga""",
        "deadlines": [("2027-02-22", "appointment"), ("2027-02-15", "response")],
    },
    {
        "id": "eng-schooling-1",
        "category": "schooling",
        "date": "2026-09-04",
        "text": """International Primary School of Waterloo (example school)
Admissions Office
Chaussée de Bruxelles 90, 1410 Waterloo

4 September 2026

Dear Mr and Mrs ARSLAN,

Thank you for your application for a place in Year 4 for your daughter Elif.
Before we can confirm admission, Elif is invited to an English and maths placement assessment on Monday 14 September 2026 at 8:45. The assessment lasts about two hours; please bring a pencil case and a snack.
Please also send us her last school report (with a translation if it is not in English, French or Dutch) and her vaccination record by 10 September 2026.
Tuition support is available for families sponsored by a refugee resettlement programme.

Yours sincerely,
Admissions Office""",
        "deadlines": [("2026-09-14", "appointment"), ("2026-09-10", "response")],
    },
    {
        "id": "eng-schooling-2",
        "category": "schooling",
        "date": "2026-11-24",
        "text": """Brussels International Academy - Secondary School
Rue Belliard 150, 1040 Brussels

24 November 2026

To the parents of Daniel OKORO, Grade 8

Subject: progress report and parent-teacher conference

Dear parents,

Daniel's first-term report is enclosed. He has made good progress in mathematics and science, but his results in French are below the required level and he missed several homework deadlines.
We would like to meet you at the parent-teacher conference on Wednesday 9 December 2026 at 17:15, with his form tutor and the French teacher, to agree on a support plan (homework club, extra French lessons).
Please confirm your attendance by replying to this letter before 2 December 2026.

Kind regards,
Ms R. Patel, Head of Year 8""",
        "deadlines": [("2026-12-09", "appointment"), ("2026-12-02", "response")],
    },
    {
        "id": "eng-justice-1",
        "category": "justice",
        "date": "2026-10-01",
        "text": """Van Acker & Partners - Law firm
Criminal law and human rights
Avenue Louise 231, 1050 Brussels

Brussels, 1 October 2026
Our ref.: VA/26/1187 - Public prosecutor ref.: BR.43.L1.019922/25

Mr Oleksandr MELNYK

Dear Mr Melnyk,

I write to inform you that the criminal court of Brussels (Dutch-speaking section, 53rd chamber) has set the hearing of your case on Thursday 19 November 2026 at 1:30 pm, Palace of Justice, Place Poelaert.
You are accused of document fraud in connection with your job application. Your presence is necessary. An interpreter for Ukrainian will be present.
Before the hearing, please send me the documents from your former employer and the witness statements we discussed, by 30 October 2026 at the latest.

Yours sincerely,
Mr Pieter Van Acker, lawyer""",
        "deadlines": [("2026-11-19", "appointment"), ("2026-10-30", "response")],
    },
    {
        "id": "eng-justice-2",
        "category": "justice",
        "date": "2027-03-04",
        "text": """Public Prosecutor's Office of Brussels - Traffic Section
Immediate collection (perception immédiate / onmiddellijke inning)
Rue des Quatre Bras 4, 1000 Brussels

4 March 2027
Reference: BR.17.L3.006712/27

Ms Mónica RUIZ

Proposal of immediate collection for a traffic offence

Madam,

On 19 February 2027 at 23:10, a vehicle registered in your name was recorded by a fixed camera in Brussels, Boulevard Léopold II, at 72 km/h where the maximum speed is 50 km/h.
To settle the matter without prosecution, you may pay the sum of EUR 174.00 within 14 days of this letter, to account {ibanp:6790077441} with the communication {ogm:0671227003}.
If you do not pay, or if you contest the offence, the public prosecutor may summon you before the police court.

The Public Prosecutor""",
        "deadlines": [("+14d", "payment")],
    },
    {
        "id": "eng-other-1",
        "category": "other",
        "date": None,
        "received": "2026-11-06",
        "text": """NORDSTAR BANK Belgium (example bank)
Boulevard Anspach 1, 1000 Brussels

Brussels, November 2026

Dear valued customer,

Make the most of the festive season with the Nordstar Gold credit card!
- No annual fee for the first year
- 1 % cashback on all your purchases
- Free travel insurance worldwide
- Contactless payments with your phone
Apply online in five minutes and receive a welcome gift of EUR 30 on your first purchase.
Representative example: credit limit EUR 1,500, annual percentage rate of charge 11.5 %. Borrowing money also costs money.
Our advisers are available in our branches from Monday to Saturday.

Warm wishes,
The Nordstar Team""",
        "deadlines": [],
    },
    {
        "id": "eng-other-2",
        "category": "other",
        "date": None,
        "received": "2026-12-11",
        "text": """Anglican Church of the Holy Trinity - Brussels
Parish newsletter, Advent 2026

Dear friends,

As the evenings grow longer, our community comes together to prepare for Christmas.
The carol service with the choir will take place on Sunday 20 December at 6 pm, followed by mulled wine and mince pies in the hall. Everyone is welcome, whatever your faith or background.
Our Wednesday drop-in (tea, English conversation, children's corner) continues every week from 10 am to noon.
We thank all who donated warm coats for the winter collection; more than 120 coats were given to people sleeping rough.
Wishing you and your loved ones a peaceful Christmas.

The Chaplain and the parish council""",
        "deadlines": [],
    },
]
