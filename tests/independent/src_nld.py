# ruff: noqa: E501  (letters keep their natural line breaks)
"""Dutch letters (Flemish and Brussels senders). Tokens are expanded by build_letters.py."""

LETTERS = [
    {
        "id": "nld-asylum-1",
        "category": "asylum",
        "date": "2026-11-18",
        "text": """Commissariaat-generaal voor de Vluchtelingen en de Staatlozen
Ernest Blerotstraat 39, 1070 Brussel

Brussel, 18 november 2026

Uw referte CGVS: {cgra:CG 2608815}
DVZ-nummer: {oe:7.654.321}

Aan de heer Mohammad SAFI
Opvangcentrum Fedasil Poelkapelle
Brugseweg 61, 8920 Poelkapelle

Betreft: uitnodiging voor een persoonlijk onderhoud

Mijnheer,

In het kader van uw verzoek om internationale bescherming wordt u uitgenodigd voor een persoonlijk onderhoud op dinsdag 15 december 2026 om 8.30 uur op het CGVS.
Er zal een tolk Pashtou aanwezig zijn. Breng alle documenten mee die uw identiteit, uw reisweg en uw vrees bij terugkeer kunnen staven, evenals deze uitnodiging.
Uw advocaat of een vertrouwenspersoon mag u bijstaan.
Indien u niet kunt komen, moet u het CGVS binnen vijftien dagen na de datum van het onderhoud een geldige reden meedelen.

Met vriendelijke groeten,

De protection officer""",
        "deadlines": [("2026-12-15", "appointment"), ("2026-12-30", "response", True)],
    },
    {
        "id": "nld-asylum-2",
        "category": "asylum",
        "date": "2026-10-22",
        "text": """FEDASIL
Federaal agentschap voor de opvang van asielzoekers
Dispatching - Kartuizersstraat 21, 1000 Brussel

Brussel, 22/10/2026

Mevrouw Hiba AL-HASSAN
Opvangstructuur Rode Kruis Jabbeke

Betreft: wijziging van de verplichte plaats van inschrijving (code 207)

Mevrouw,

Uw verzoek om internationale bescherming is nog in behandeling. In het kader van het opvangnetwerk wordt u toegewezen aan het open opvangcentrum van Sint-Truiden.
U wordt verwacht in uw nieuwe opvangstructuur op maandag 2 november 2026 vóór 16 uur. Het vervoer wordt georganiseerd vanuit uw huidige centrum; meld u om 9 uur aan bij het onthaal.
Indien u zich niet aanmeldt, kan uw recht op materiële hulp beperkt worden. U behoudt in elk geval uw recht op medische begeleiding.

Dispatching Fedasil""",
        "deadlines": [("2026-11-02", "appointment")],
    },
    {
        "id": "nld-residence-1",
        "category": "residence",
        "date": "2027-02-08",
        "text": """FOD Binnenlandse Zaken
Dienst Vreemdelingenzaken
Pachecolaan 44, 1000 Brussel

Datum: 08.02.2027
Dossiernummer DVZ: {oe:9.102.774}

Aan de heer Arben KRASNIQI
Kortrijksesteenweg 301, 9000 Gent
Rijksregisternummer: {nrn:1986-06-17:311}

Betreft: aanvraag tot machtiging tot verblijf op grond van artikel 9bis - ongegrond

Mijnheer,

Uw aanvraag van 14 april 2026 om machtiging tot verblijf op basis van artikel 9bis van de wet van 15 december 1980 wordt ongegrond verklaard. De ingeroepen buitengewone omstandigheden (lange duur van het verblijf, integratie, werkbereidheid) verantwoorden op zich geen verblijfsmachtiging.
Bijgevoegd: bevel om het grondgebied te verlaten (bijlage 13). U moet het grondgebied verlaten binnen dertig dagen na de kennisgeving.
Tegen deze beslissing kan binnen dertig dagen na de kennisgeving een beroep tot nietigverklaring worden ingediend bij de Raad voor Vreemdelingenbetwistingen.

Voor de Staatssecretaris, de attaché""",
        "deadlines": [("+30d", "appeal")],
    },
    {
        "id": "nld-residence-2",
        "category": "residence",
        "date": "2026-12-09",
        "text": """Stad Antwerpen - Loket Vreemdelingenzaken
Francis Wellesplein 1, 2018 Antwerpen

9 december 2026

Mevrouw Tigist BEKELE

Uw elektronische verblijfskaart is klaar.
Kom ze ophalen met uw oude kaart, uw PIN-brief en 25 euro op donderdag 7 januari 2027 om 11.40 uur, loket 14.
Niet afgehaald vóór 31 januari 2027? Dan wordt de kaart vernietigd en moet u een nieuwe aanvraag doen.

Stad Antwerpen""",
        "deadlines": [("2027-01-07", "appointment"), ("2027-01-31", "expiry")],
    },
    {
        "id": "nld-family-1",
        "category": "family",
        "date": "2026-09-21",
        "text": """Stad Gent
Dienst Burgerzaken - Burgerlijke Stand
Botermarkt 1, 9000 Gent

Gent, 21 september 2026

De heer Samuel MENSAH
Mevrouw Grace ADJEI
Dampoortstraat 12, 9000 Gent

Betreft: erkenning van een ongeboren kind

Geachte heer, mevrouw,

U hebt ons laten weten dat u het kind dat mevrouw Adjei verwacht wilt erkennen. De erkenning moet persoonlijk worden afgelegd bij de ambtenaar van de burgerlijke stand.
Wij nodigen u beiden uit op vrijdag 16 oktober 2026 om 10 uur aan de balie Burgerlijke Stand.
Breng mee: uw paspoorten of verblijfsdocumenten, een recent afschrift van de geboorteakte van de heer Mensah (gelegaliseerd en vertaald) en een medisch attest met de vermoedelijke bevallingsdatum.
Ontbreekt een stuk, laat het ons dan uiterlijk op 9 oktober 2026 weten.

Met vriendelijke groet,
De ambtenaar van de burgerlijke stand""",
        "deadlines": [("2026-10-16", "appointment"), ("2026-10-09", "response")],
    },
    {
        "id": "nld-family-2",
        "category": "family",
        "date": "2026-12-21",
        "text": """Dienst Vreemdelingenzaken
Directie Toegang en Verblijf - Bureau Gezinshereniging
Pachecolaan 44, 1000 Brussel

Brussel, 21 december 2026
Ons kenmerk: {oe:8.803.190}

Aan mevrouw Hodan ABDI
Stationsstraat 18, 3500 Hasselt

Betreft: aanvraag gezinshereniging met uw echtgenoot en kinderen

Mevrouw,

Uw aanvraag tot gezinshereniging ten voordele van uw echtgenoot, de heer Ali FARAH, en uw twee minderjarige kinderen is onvolledig.
Om de aanvraag verder te kunnen behandelen, vragen wij u binnen een termijn van twee maanden volgende stukken over te maken:
- het bewijs van toereikende huisvesting (geregistreerd huurcontract);
- het bewijs van een ziektekostenverzekering;
- een DNA-onderzoek volgens de procedure van de ambassade in Addis Abeba.
Bij gebrek aan antwoord binnen deze termijn zal een beslissing genomen worden op basis van de beschikbare gegevens.

Namens de Staatssecretaris""",
        "deadlines": [("+2m", "response")],
    },
    {
        "id": "nld-housing-1",
        "category": "housing",
        "date": "2026-11-25",
        "text": """Woonmaatschappij Leie en Schelde
Sociale huisvesting - Huurdersdienst
Nieuwewandeling 62, 9000 Gent

Gent, 25/11/2026
Huurdersnummer: 20412-07

Mevrouw Zahra MOHAMMADI
Sleepstraat 140 bus 3, 9000 Gent

Betreft: jaarlijkse herberekening van uw huurprijs

Beste mevrouw,

Vanaf 1 januari 2027 berekenen wij uw huurprijs opnieuw op basis van uw inkomen. Wij konden uw inkomen van 2024 niet automatisch opvragen.
Bezorg ons daarom uiterlijk op 15/12/2026 een kopie van uw aanslagbiljet of een attest van uw uitkering.
Ontvangen wij niets, dan moeten wij de maximale huurprijs aanrekenen.
Herinnering: de huur wordt betaald vóór de 5e van elke maand op rekening {iban:0012345684}, met uw huurdersnummer als mededeling.

Met vriendelijke groeten,
Team Huurprijsberekening""",
        "deadlines": [("2026-12-15", "response")],
    },
    {
        "id": "nld-housing-2",
        "category": "housing",
        "date": "2027-01-29",
        "text": """Marleen Van Damme
Lange Leemstraat 220
2018 Antwerpen

Antwerpen, 29 januari 2027

Aangetekend
De heer Emmanuel NKURUNZIZA
Lange Leemstraat 220, appartement 2

Betreft: opzegging huurovereenkomst door de verhuurder

Geachte heer,

Hierbij zeg ik de huurovereenkomst van 1 september 2021 voor het appartement op de tweede verdieping op, omdat het gebouw grondig gerenoveerd wordt (artikel 17 van het Vlaams Woninghuurdecreet).
De opzeggingstermijn van zes maanden begint op 1 februari 2027. U moet de woning dus verlaten en de sleutels teruggeven uiterlijk op 31 juli 2027.
Ik bezorg u bij dit schrijven een kopie van de stedenbouwkundige vergunning en het bestek van de werken.
Voor de plaatsbeschrijving bij vertrek neem ik tijdig contact op.

Met vriendelijke groeten,
M. Van Damme""",
        "deadlines": [("2027-07-31", "expiry")],
    },
    {
        "id": "nld-allowances-1",
        "category": "allowances",
        "date": "2026-10-07",
        "text": """FONS - Vlaams Fonds voor het Groeipakket
Koning Albert II-laan 35 bus 55, 1030 Brussel

7 oktober 2026
Dossiernummer: GP-0922481

Mevrouw Aisha JALLOH
Bredabaan 401, 2170 Merksem

Betreft: schooltoeslag voor uw kinderen

Beste mevrouw,

Met het Groeipakket krijgt u voor elk kind een basisbedrag. Omdat uw gezinsinkomen laag is, hebt u mogelijk ook recht op een schooltoeslag voor uw zoon Musa en uw dochter Fanta.
Wij hebben wel een bewijs nodig dat beide kinderen sinds 1 september 2026 ingeschreven zijn in een Nederlandstalige school.
Stuur het ingevulde schoolattest terug uiterlijk op 6 november 2026. Dat kan ook via Mijn Groeipakket.
De toeslag wordt betaald op rekening {iban:7350059812}.

Met vriendelijke groeten,
Uw dossierbeheerder""",
        "deadlines": [("2026-11-06", "response")],
    },
    {
        "id": "nld-allowances-2",
        "category": "allowances",
        "date": "2026-12-03",
        "text": """RVA - Rijksdienst voor Arbeidsvoorziening
Werkloosheidsbureau Gent
Maria Hendrikaplein 61, 9000 Gent

Gent, 3 december 2026

De heer Kofi ASANTE
INSZ: {nrnp:1990-01-15:097}

Betreft: beslissing over uw aanvraag om werkloosheidsuitkeringen

Mijnheer,

Na onderzoek van uw aanvraag van 2 november 2026 wordt u toegelaten tot het recht op volledige werkloosheidsuitkeringen vanaf 1 november 2026, als werknemer met gezinslast.
Uw dagbedrag bedraagt 62,14 euro. De betaling gebeurt door uw uitbetalingsinstelling (ABVV).
Blijf beschikbaar voor de arbeidsmarkt en schrijf u in bij de VDAB.
Indien u niet akkoord gaat met deze beslissing, kunt u binnen drie maanden na de kennisgeving beroep instellen bij de arbeidsrechtbank.

De directeur van het werkloosheidsbureau""",
        "deadlines": [("+3m", "appeal")],
    },
    {
        "id": "nld-debt-1",
        "category": "debt",
        "date": "2026-10-13",
        "text": """Kantoor VERMEULEN & PEETERS
Gerechtsdeurwaarders
Frankrijklei 101, 2000 Antwerpen
Derdenrekening: {iban:6451234502}

Antwerpen, 13 oktober 2026
Ons dossier: 2026/45123

Mevrouw Nomvula DLAMINI
Kerkstraat 88, 2060 Antwerpen

Betreft: minnelijke invordering - openstaande facturen Telenor Belgium

Mevrouw,

Ondanks herhaalde herinneringen van onze opdrachtgever blijft een bedrag van 512,90 euro onbetaald (facturen van april tot juni 2026, verwijlintresten en kosten).
Wij verzoeken u dit bedrag te betalen uiterlijk op 28/10/2026 met de gestructureerde mededeling {ogm:2645123003}.
Kunt u niet in één keer betalen, neem dan vóór die datum contact op voor een afbetalingsplan.
Zonder reactie zal onze opdrachtgever een gerechtelijke procedure starten, wat bijkomende kosten meebrengt.

Hoogachtend,
Meester K. Peeters""",
        "deadlines": [("2026-10-28", "payment")],
    },
    {
        "id": "nld-debt-2",
        "category": "debt",
        "date": "2027-01-14",
        "text": """OCMW Leuven
Dienst Schuldbemiddeling
Andreas Vesaliusstraat 58, 3000 Leuven

Leuven, 14 januari 2027

Mevrouw Sabina OMEROVIC

Betreft: uw vraag naar budgetbegeleiding

Beste mevrouw,

U hebt hulp gevraagd omdat u uw schulden (energie, ziekenhuis, huurachterstal en een lening) niet meer kunt betalen.
Onze schuldbemiddelaar, mevrouw De Smet, maakt samen met u een overzicht van alle schuldeisers en bekijkt of een afbetalingsplan of een collectieve schuldenregeling mogelijk is.
Uw eerste afspraak is op woensdag 27 januari 2027 om 14 uur. Breng alle aanmaningen, brieven van deurwaarders, uw loonbrieven of uitkeringsattesten en uw bankuittreksels van de laatste drie maanden mee.

Met vriendelijke groeten,
Dienst Schuldbemiddeling""",
        "deadlines": [("2027-01-27", "appointment")],
    },
    {
        "id": "nld-employment-1",
        "category": "employment",
        "date": "2026-09-30",
        "text": """VDAB
Werkwinkel Mechelen
Wollemarkt 15, 2800 Mechelen

Mechelen, 30 september 2026

De heer Tesfay GEBRE
Klientstraat 5, 2800 Mechelen

Betreft: uitnodiging trajectgesprek

Beste Tesfay,

Je bent sinds kort ingeschreven als werkzoekende. We willen samen met jou bekijken welke stappen je kan zetten naar werk: een opleiding Nederlands op de werkvloer, een beroepsopleiding logistiek of een werkervaring.
Je bemiddelaar, Kris, verwacht je op dinsdag 13 oktober 2026 om 9.30 uur in de Werkwinkel.
Laat ons vóór 9 oktober weten of je een tolk nodig hebt.
Meld je niet aan zonder geldige reden? Dan moeten we de RVA verwittigen.

Tot dan!
VDAB""",
        "deadlines": [("2026-10-13", "appointment"), ("2026-10-09", "response")],
    },
    {
        "id": "nld-employment-2",
        "category": "employment",
        "date": "2026-11-04",
        "text": """Randstad-Interim (fictief kantoor) - Vestiging Aalst
Nieuwstraat 33, 9300 Aalst
Erkenning VG.123/BU

Aalst, 4 november 2026

De heer Ramin HOSSEINI
Gentsesteenweg 19, 9300 Aalst

Betreft: uw tewerkstelling als productiemedewerker

Beste heer Hosseini,

Goed nieuws: u kunt starten bij onze klant Vandekerckhove Voeding NV als productiemedewerker in ploegen, vanaf maandag 16 november 2026.
Uw dagcontracten worden elektronisch aangeboden; de Dimona-aangifte gebeurt door ons kantoor.
Breng vóór vrijdag 13 november 2026 langs op ons kantoor met uw verblijfsdocument, uw bankkaart en uw veiligheidsschoenen, zodat wij uw dossier kunnen vervolledigen.
Uw uurloon bedraagt 15,82 euro bruto, plus ploegenpremie.

Succes!
Uw consulent, Ellen""",
        "deadlines": [("2026-11-13", "response"), ("2026-11-16", "other")],
    },
    {
        "id": "nld-health-1",
        "category": "health",
        "date": "2026-12-01",
        "text": """UZ Gent
Dienst Gastro-enterologie
C. Heymanslaan 10, 9000 Gent

Gent, 1 december 2026

Patiëntnummer: 48812276
Mevrouw Mariam NOORI
geboren op 03/07/1982

Geachte mevrouw,

Op verwijzing van uw huisarts hebben wij een afspraak voor u gepland voor een gastroscopie:
maandag 11 januari 2027 om 8.15 uur, ingang 12, route 1245.
U moet nuchter zijn vanaf middernacht: niet eten, niet drinken, niet roken.
Breng uw identiteitskaart of verblijfsdocument, uw medicatielijst en eventueel het attest dringende medische hulp van het OCMW mee.
Na het onderzoek mag u niet zelf met de auto rijden.
Kunt u niet komen, verwittig ons minstens 48 uur op voorhand op 09 332 21 11.

Met vriendelijke groeten,
Secretariaat Gastro-enterologie""",
        "deadlines": [("2027-01-11", "appointment")],
    },
    {
        "id": "nld-health-2",
        "category": "health",
        "date": "2027-02-15",
        "text": """CM - Christelijke Mutualiteit Midden-Vlaanderen
Ziekenfonds
Martelaarslaan 17, 9000 Gent

15 februari 2027
Lidnummer: {nrnp:2001-08-09:124}

De heer Bilal HAIDARI
Wondelgemstraat 2, 9000 Gent

Betreft: terugbetaling van uw tandzorg en bril

Beste heer Haidari,

Wij hebben uw getuigschrift voor verstrekte hulp van uw tandarts ontvangen. Om de terugbetaling van uw brilglazen te kunnen uitvoeren, ontbreekt nog het voorschrift van de oogarts.
Bezorg het ons binnen de dertig dagen na deze brief via ons kantoor of de CM-app.
Tip: als jongere tot 25 jaar hebt u recht op een jaarlijkse gratis mondzorgcontrole. Een Globaal Medisch Dossier bij uw huisarts geeft u ook een betere terugbetaling.

Met vriendelijke groeten,
Uw ziekenfonds""",
        "deadlines": [("+30d", "response")],
    },
    {
        "id": "nld-schooling-1",
        "category": "schooling",
        "date": "2026-09-02",
        "text": """GO! Atheneum Brussel - OKAN-klassen
Onthaalonderwijs voor anderstalige nieuwkomers
Rue des Palais 1, 1030 Brussel

Brussel, 2 september 2026

Aan de ouders van Ahmad RASULI, klas OKAN 2

Beste ouders,

Welkom op onze school! Uw zoon volgt dit schooljaar les in de onthaalklas. Daar leert hij intensief Nederlands, zodat hij daarna kan instromen in het gewone secundair onderwijs.
Op dinsdag 22 september 2026 om 18 uur is er een infoavond voor ouders. We vertellen er over de werking van de OKAN-klas, de schoolregels en de begeleiding door het CLB.
Gelieve het inschrijvingsformulier en de toestemming voor schooluitstappen ondertekend terug te geven vóór 15 september 2026.

Met vriendelijke groeten,
Directie en leerkrachten OKAN""",
        "deadlines": [("2026-09-22", "appointment"), ("2026-09-15", "response")],
    },
    {
        "id": "nld-schooling-2",
        "category": "schooling",
        "date": "2027-03-01",
        "text": """Basisschool De Regenboog
Pastoor Coplaan 40, 2660 Hoboken

Hoboken, 1 maart 2027

Aan mevrouw Fatima ZAHRA, moeder van Yassine (4de leerjaar)

Betreft: afwezigheden van Yassine

Beste mevrouw,

Yassine was sinds januari al 14 halve dagen afwezig zonder geldige reden. Regelmatig naar school komen is belangrijk voor zijn leren en is ook wettelijk verplicht.
Bovendien kan het Groeipakket de schooltoeslag terugvorderen als de leerplicht niet wordt nageleefd.
Wij nodigen u uit voor een gesprek met de zorgcoördinator en de CLB-medewerker op donderdag 11 maart 2027 om 15.30 uur.
Kunt u niet op dat moment? Bel dan vóór 8 maart naar het secretariaat (03 828 11 11).

Met vriendelijke groeten,
Juf Inge, klastitularis, en de directie""",
        "deadlines": [("2027-03-11", "appointment"), ("2027-03-08", "response")],
    },
    {
        "id": "nld-justice-1",
        "category": "justice",
        "date": "2026-10-28",
        "text": """Politiezone Gent
Recherche - Afdeling Zware Criminaliteit
Belfortstraat 4, 9000 Gent

Gent, 28/10/2026
PV-nummer: GE.20.L1.047721/2026

De heer Yonas HAILE

Betreft: uitnodiging tot verhoor

Mijnheer,

In opdracht van het parket Oost-Vlaanderen wordt u uitgenodigd voor een verhoor als verdachte in een onderzoek naar slagen en verwondingen, gepleegd op 14 september 2026.
Meld u aan op het politiecommissariaat, Belfortstraat 4, op vrijdag 13 november 2026 om 14 uur, met deze brief en uw identiteitsbewijs.
U hebt recht op een vertrouwelijk overleg met een advocaat voor het verhoor en op bijstand van een tolk.
Indien u niet ingaat op deze uitnodiging, kan het parket andere maatregelen nemen.

Inspecteur M. Claeys""",
        "deadlines": [("2026-11-13", "appointment")],
    },
    {
        "id": "nld-justice-2",
        "category": "justice",
        "date": "2027-02-22",
        "text": """Advocatenkantoor Janssens & De Wilde
Kasteelpleinstraat 59, 2000 Antwerpen
tel. 03 231 00 00

Antwerpen, 22 februari 2027
Uw zaak: strafzaak correctionele rechtbank Antwerpen, notitie AN.12.L1.3321/26

Aan de heer Dritan HOXHA

Beste heer Hoxha,

Het vonnis van de correctionele rechtbank van 18 februari 2027 is bij verstek uitgesproken, omdat u niet aanwezig was: u werd veroordeeld tot een gevangenisstraf van zes maanden met uitstel en een geldboete.
U kunt verzet aantekenen binnen vijftien dagen na de betekening van het vonnis. De betekening is gebeurd op 22 februari 2027.
Neem dringend contact op met ons kantoor zodat wij het verzet tijdig kunnen indienen. Uw zaak is pro deo; een bewijs van uw inkomen is nodig.

Met vriendelijke groeten,
Mr. L. De Wilde""",
        "deadlines": [("+15d", "appeal")],
    },
    {
        "id": "nld-other-1",
        "category": "other",
        "date": "2027-01-05",
        "text": """KFC Sporting Borgerhout vzw
Jeugdwerking
Te Boelaerlei 11, 2140 Borgerhout

Borgerhout, 5 januari 2027

Beste ouders en spelers,

Gelukkig nieuwjaar van het hele bestuur!
De tweede helft van het seizoen begint: trainingen voor U10 tot U13 op woensdag om 17 uur en vrijdag om 18 uur op het kunstgrasveld.
Nieuw dit jaar: een gratis zwemuur voor alle jeugdspelers en een mini-tornooi met clubs uit Merksem en Deurne.
De clubshirts zijn terug in voorraad in de kantine. Wie nog een paar voetbalschoenen te veel heeft, mag ze binnenbrengen voor de ruilbeurs.
Vrijwilligers voor de kantine en het vervoer naar uitwedstrijden zijn altijd welkom.

Sportieve groeten,
Het jeugdbestuur""",
        "deadlines": [],
    },
    {
        "id": "nld-other-2",
        "category": "other",
        "date": None,
        "received": "2026-12-01",
        "text": """Parochie Sint-Jozef Gent-Brugse Poort
Parochieblad - december 2026

Beste parochianen,

De adventstijd is begonnen. In onze kerk branden opnieuw de kaarsen van de adventskrans, en de kinderen van de catechese hebben een prachtige kerststal gebouwd.
Vieringen met Kerstmis: kerstnachtmis op 24 december om 23 uur, met het koor Cantabile; kerstdag om 10 uur, een viering in vier talen samen met de internationale gemeenschap.
De Warme Soepactie van de Vincentiusvereniging loopt de hele maand. Giften in natura (rijst, pasta, conserven) kunnen afgegeven worden achteraan in de kerk.
Wij wensen u een zalig kerstfeest en een gezegend nieuwjaar.

Pastoor Johan en het parochieteam""",
        "deadlines": [],
    },
]
