"""Document classification with explainable, weighted multilingual rules and abstention.

Each category has signals in French, Dutch, German and English: institutions (strongest: a
letter from the CGRA is about asylum whatever its wording), domain phrases, and weaker domain
words. A category's score sums the weights of the distinct signals found (a repeated word
counts a little more, not linearly). Scores become a confidence by a softmax (how clearly the
best beats the others) times an evidence factor (how much evidence there is at all), with
constants calibrated on the development corpus' training split. Below the review threshold
the answer is category ``other`` with ``needs_review`` set, and the alternatives and reasons
say what was seen, so staff decide instead of the kiosk guessing.

Signals are matched on lower-cased, accent-stripped text so OCR that loses an accent still
matches. Why rules and not a model: every decision can be explained to staff in one line
("institution: OCMW; phrase: leefloon"), and they generalise to letters we never saw because
they encode how Belgian institutions name themselves and their procedures.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import numpy as np

from nextstep.model import CATEGORIES, Classification
from nextstep.understanding.learned import (
    FULL_LENGTH,
    LinearModel,
    features,
    rule_features,
    shipped_model,
)

REVIEW_THRESHOLD = 0.65  # one clear institution or topic phrase passes, one common phrase not
TEMPERATURE = 2.0  # softmax temperature over rule scores (calibrated, see docs)
EVIDENCE_SCALE = 3.0  # score at which evidence is ~63% "enough"

INSTITUTION, PHRASE, WORD = 4.0, 2.0, 0.8
#: a phrase that names the letter's own subject ("article 60", "family reunification",
#: "payment reminder", "tribunal de la famille"): it must beat the sender's generic signal
TOPIC = 5.0
SUBJECT_BOOST = 2.5  # a signal in the subject line ("Objet :", "Betreft:", "Betrifft:")
HEAD_BOOST = 1.5  # a signal in the letter's head (issuer, references)


@dataclass(frozen=True)
class Signal:
    category: str
    label: str
    pattern: re.Pattern[str]
    weight: float
    institution: bool
    #: an acronym or name that is also a common word (ONE, MC, AZ, Manpower): matched
    #: case-sensitively on the accent-stripped text, and not inside an all-capitals heading
    #: such as "ONE MONTH NOTICE" unless it stands alone there
    cased: bool = False


def _norm(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("’", "'").replace("ß", "ss")
    return re.sub(r"\s+", " ", t)


RULES = r"""
asylum topic: \bdublin\b | etat membre responsable | verantwoordelijke lidstaat |
    zustandige mitgliedstaat | member state responsible | transfert vers | overdracht naar |
    uberstellung | transfer to (?:another|the) (?:member state|centre) |
    verzoek om internationale bescherming | demande de protection internationale |
    antrag auf internationalen schutz | application for international protection
asylum institution: cgra | cgvs | cgrs | commissariat general aux refugies |
    commissaris-generaal voor de vluchtelingen | generalkommissariat fur fluchtlinge |
    commissioner general for refugees
asylum institution: fedasil | petit-chateau | klein kasteeltje
asylum institution: conseil du contentieux des etrangers |
    raad voor vreemdelingenbetwistingen | rat fur auslanderstreitsachen |
    council for alien law litigation | \bcce\b | \brvv\b
asylum phrase: protection internationale | internationale bescherming |
    internationalen? schutz | international protection
asylum phrase: demande d'asile | asielaanvraag | asylantrag |
    asylum (?:application|claim|request) | demandeur d'asile | asielzoeker | asylbewerber |
    asylum seeker
asylum phrase: statut de refugie | vluchtelingenstatus | fluchtlingseigenschaft |
    fluchtlingsstatus | refugee status | protection subsidiaire | subsidiaire bescherming |
    subsidiaren schutz | subsidiary protection
asylum phrase: entretien personnel | persoonlijk onderhoud | personliche anhorung |
    personal interview | officier de protection | protection officer | protectieofficier
asylum phrase: annexe 26 | bijlage 26 | anlage 26 | annex 26 | procedure dublin |
    dublin-?procedure | dublin regulation | reglement dublin
asylum phrase: centre d'accueil | opvangcentrum | aufnahmezentrum |
    reception (?:centre|center) | structure d'accueil | opvangstructuur | place d'accueil |
    opvangplaats
asylum word: \basile\b | \basiel\b | \basyl\b | \basylum\b | refugie | vluchteling |
    fluchtling | refugee | pays d'origine | land van herkomst | herkunftsland |
    country of origin | persecution | vervolging | verfolgung
residence topic: titre de sejour | carte de sejour | verblijfskaart | verblijfstitel |
    verblijfsvergunning | aufenthaltstitel | aufenthaltskarte | aufenthaltserlaubnis |
    residence card | residence permit | renouvellement de (?:votre|la) carte |
    prolongation de (?:votre|votre titre|la carte) | verlenging van (?:uw|de) (?:kaart|verblijf) |
    verlangerung (?:ihres|ihrer|des|der) (?:aufenthalt|karte) | renewal of your (?:card|residence) |
    carte electronique | elektronische kaart | \be-?kaart | carte [abfk](?:\+|\b) | kaart [abfk]\b |
    karte [abfk]\b | \b[abfk]-card\b | annexe 15 | bijlage 15 | anlage 15 | student permit |
    sejour etudiant | verblijf als student
residence institution: office des etrangers | dienst vreemdelingenzaken | auslanderamt |
    auslanderbehorde | immigration office | \bdvz\b | service (?:des )?etrangers |
    dienst vreemdelingen | ausländerdienst
residence phrase: titre de sejour | droit de sejour | autorisation de sejour |
    verblijfsvergunning | verblijfsrecht | machtiging tot verblijf | aufenthaltstitel |
    aufenthaltserlaubnis | aufenthaltsrecht | residence permit | right of residence |
    residence card | verblijfskaart
residence phrase: ordre de quitter le territoire | bevel om het grondgebied te verlaten |
    anweisung,? das staatsgebiet zu verlassen | order to leave the territory | annexe 13 |
    bijlage 13
residence phrase: regularisation | regularisatie | regularisierung | regularisation | 9 ?bis |
    9 ?ter
residence phrase: auslanderkarte | aufenthaltsschein | aufenthaltskarte | karte [abfk]\b |
    kaart [abfk]\b | card [abfk]\b | verblijfsdocument | residence document |
    service (?:de la )?population | dienst bevolking |
    dienst bevolkerung | einwohnermeldeamt | population office
residence phrase: carte [abfk]\b | carte f\+ | carte electronique d'etranger |
    elektronische vreemdelingenkaart | registre des etrangers | vreemdelingenregister |
    fremdenregister | attestation d'immatriculation | attest van immatriculatie | visa |
    visum
residence word: \bsejour\b | \bverblijf | \baufenthalt | \bresidence\b | \betranger |
    vreemdeling | auslander | \bforeign national | nationalite | nationaliteit |
    staatsangehorigkeit | nationality | passeport | paspoort | reisepass | passport
family topic: regroupement familial | gezinshereniging | familienzusammenfuhrung |
    family reunification | tribunal de la famille | chambre de la famille | familierechtbank |
    familiekamer | familiengericht | familienkammer | family court | family division
family institution: family reunion | reunification familiale
family institution: =\bONE\b | office de la naissance et de l'enfance | kind en gezin |
    agentschap opgroeien | =\bOpgroeien\b |
    etat civil | burgerlijke stand | standesamt | civil registry | registry office
family phrase: acte de naissance | geboorteakte | geburtsurkunde | birth certificate |
    acte de mariage | huwelijksakte | heiratsurkunde | marriage certificate |
    reconnaissance (?:de paternite|prenatale) | erkenning van het kind |
    vaterschaftsanerkennung | acknowledgement of paternity
family phrase: divorce | echtscheiding | scheidung | pension alimentaire | onderhoudsgeld |
    alimentatie | unterhalt | child support | maintenance payment |
    garde (?:des|de l')enfants? | hebergement de l'enfant | verblijfsregeling | omgangsrecht |
    sorgerecht | custody | autorite parentale | ouderlijk gezag | elterliche sorge |
    parental authority
family phrase: mariage | huwelijk | heirat | eheschliessung | marriage | cohabitation legale |
    wettelijke samenwoning | cohabitation | adoption | adoptie | tutelle | voogdij |
    vormundschaft | guardianship | mena | nbmv | unaccompanied minor |
    niet-begeleide minderjarige
family word: enfant | kind(?:eren)?\b | kinder | children | \bchild\b | naissance | geboorte |
    geburt | \bbirth\b | epoux | echtgeno | ehegatte | spouse | famille | gezin | familie |
    family | mere | moeder | mutter | mother | pere | vader | vater | father
housing topic: facture d'(?:electricite|energie|eau|gaz) |
    facture (?:de |d')?(?:electricite|energie|eau|gaz) |
    fournisseur d'(?:energie|electricite|eau|gaz) | consommation d'(?:energie|eau|electricite|gaz) |
    energiefactuur | elektriciteitsfactuur | waterfactuur | gasfactuur | energieleverancier |
    waterleverancier | energieverbruik | waterverbruik | stromrechnung | gasrechnung |
    wasserrechnung | energierechnung | energieversorger | stromverbrauch | wasserverbrauch |
    nebenkostenabrechnung | (?:energy|electricity|gas|water) (?:bill|supplier|consumption) |
    (?:electricity|energy|water|gas) (?:meter|supply) | compteur (?:d'eau|electrique|de gaz) |
    watermeter | elektriciteitsmeter | stromzahler | wasserzahler |
    releve (?:de|des) (?:index|compteur) |
    meterstand | zahlerstand | meter reading |
    =\b(?:ENGIE|Engie|Luminus|LUMINUS|TotalEnergies|Lampiris|Eneco|Mega)\b |
    =\b(?:SWDE|Vivaqua|VIVAQUA|CILE|Farys|FARYS|Watergroep|Pidpa|PIDPA)\b |
    =\b(?:Fluvius|FLUVIUS|Sibelga|ORES|RESA|Octa\+)\b
housing topic: resili\w* (?:\w+ ){0,4}bail | bail (?:\w+ ){0,3}resili | fin du bail |
    fin de (?:votre|mon|notre) bail |
    conge (?:\w+ ){0,2}(?:au|du|pour le) (?:locataire|bailleur|proprietaire) |
    renon (?:\w+ ){0,4}(?:bail|logement|appartement) |
    opzeg\w* (?:\w+ ){0,5}huur | huur\w* (?:\w+ ){0,3}opzeg | einde (?:van )?(?:de |het |uw )?huur |
    kundig\w* (?:\w+ ){0,4}(?:mietvertrag|mietverhaltnis|wohnung) |
    (?:mietvertrag|mietverhaltnis)\w* (?:\w+ ){0,3}kundig |
    ende des mietverhaltnisses | terminat\w* (?:\w+ ){0,4}(?:lease|tenancy) |
    end of (?:the |your |my )?(?:lease|tenancy) | (?:lease|tenancy) (?:\w+ ){0,3}terminat |
    garantie locative | huurwaarborg | mietkaution | rental deposit | logement social |
    sociale (?:huur)?woning | sozialwohnung | social housing | arriere de loyer |
    arrieres de loyer |
    huurachterstal | mietruckstand | rent arrears | loyer impaye | onbetaalde huur
debt topic: mediation de dettes | mediateur de dettes | service de mediation | schuldbemiddeling |
    schuldbemiddelaar | budgetbegeleiding | budgetbeheer | schuldnerberatung | schuldenberatung |
    debt (?:mediation|advice|counselling) | reglement collectif de dettes |
    collectieve schuldenregeling | huissier de justice | gerechtsdeurwaarder | gerichtsvollzieher |
    bailiff | recouvrement judiciaire | gerechtelijke invordering | zwangsvollstreckung |
    bureau de recouvrement | incassobureau | inkassoburo | inkassobuero | debt collection agency |
    debt collector
residence topic: enquete de residence | controle de (?:residence|domicile|l'adresse|votre adresse) |
    verification (?:de (?:votre )?)?(?:residence|domicile|adresse) | visite de l'agent de quartier |
    agent de quartier | woonstcontrole | woonstvaststelling | adrescontrole | verblijfscontrole |
    controle van (?:uw )?(?:woonst|adres|verblijf) | wijkagent | wohnsitzkontrolle |
    wohnsitzuberprufung | uberprufung (?:ihres|des) wohnsitz | kontrolle (?:ihres|des) wohnsitz |
    bezirksbeamte | residence check | (?:check|verification) of (?:your )?(?:address|residence) |
    address check | community police officer | neighbourhood (?:police )?officer |
    recours contre (?:la|une|cette) decision de refus de sejour | refus de sejour |
    weigering van (?:het )?verblijf | verblijfsweigering | ablehnung (?:ihres|des) aufenthalt |
    refusal of (?:your )?(?:residence|stay)
family topic: test (?:adn|d'adn|genetique) | analyse (?:adn|genetique) |
    dna-?(?:test|onderzoek|analyse) |
    dns-?(?:test|analyse) | abstammungsgutachten | (?:dna|genetic) test | lien de filiation |
    verwantschap | verwandtschaftsverhaltnis | acte de naissance | geboorteakte | geburtsurkunde |
    birth certificate | acte de mariage | huwelijksakte | heiratsurkunde | marriage certificate |
    etat civil | burgerlijke stand | standesamt | civil (?:status|registry) | personenstand |
    regroupement familial | gezinshereniging | familienzusammenfuhrung | family reunification
employment topic: equivalence (?:de |du |des |d')?(?:\w+ ){0,2}diplome |
    reconnaissance (?:de |du |des |d')?(?:\w+ ){0,2}(?:diplome|qualification|titre) |
    gelijkwaardigheid (?:van |voor )?(?:\w+ ){0,2}diploma | diplomagelijkwaardigheid |
    erkenning van (?:\w+ ){0,2}diploma |
    naric |
    anerkennung (?:\w+ ){0,3}(?:abschluss|diplom|berufsabschluss|(?:berufs)?qualifikation) |
    gleichwertigkeit (?:\w+ ){0,3}(?:abschluss|diplom) |
    recognition of (?:\w+ ){0,2}(?:qualification|diploma|degree) |
    diploma (?:equivalence|recognition) |
    attestation de (?:formation|reussite de la formation|fin de formation) |
    certificat de formation | opleidingsattest | attest van (?:de )?opleiding |
    getuigschrift (?:van )?(?:de )?opleiding |
    teilnahmebescheinigung | weiterbildung | umschulung | training certificate |
    certificate of (?:completion|attendance) | vocational training | formation qualifiante |
    beroepsopleiding | berufsausbildung
housing institution: societe de logement | logement de service public |
    sociale huisvestingsmaatschappij | woonmaatschappij | sociaal verhuurkantoor |
    agence immobiliere sociale | =\bAIS\b | =\bSVK\b | wohnungsbaugesellschaft |
    housing association | fonds du logement | woonfonds | =\b(?:Immo|IMMO)\b
housing phrase: resiliation du bail | conge (?:du|de) (?:bail|locataire) | \brenon\b |
    opzegging van de huur(?:overeenkomst)? | opzeg(?:ging)? van het huurcontract |
    kundigung des mietvertrag | kundigung der wohnung | notice to quit |
    terminat(?:e|ion of) the (?:lease|tenancy) | \blease\b | tenancy
housing phrase: contrat de bail | bail de residence | bail a loyer | huurovereenkomst |
    huurcontract | mietvertrag | lease agreement | tenancy agreement | rental agreement
housing phrase: garantie locative | huurwaarborg | mietkaution | rental deposit |
    security deposit | etat des lieux | plaatsbeschrijving | wohnungsubergabeprotokoll |
    inventory of fixtures | check-in report
housing phrase: proprietaire | bailleur | verhuurder | vermieter | landlord | locataire |
    preneur | huurder | mieter\b | tenant | loyer | huurprijs | \bhuur\b | miete\b |
    kaltmiete | \brent\b
housing phrase: logement social | sociale woning | sozialwohnung | social housing |
    expulsion du logement | uithuiszetting | zwangsraumung | eviction | insalubr |
    onbewoonbaar | unbewohnbar | uninhabitable
housing word: logement | woning | wohnung | appartement | flat\b | dwelling | housing |
    \bkot\b | chauffage | verwarming | heizung | heating | charges locatives | huurlasten |
    nebenkosten | service charges
allowances topic: allocation de naissance | prime de naissance | geboortepremie | startbedrag |
    kraamgeld | geburtspramie | geburtsbeihilfe | birth (?:allowance|grant) |
    allocations familiales | kinderbijslag | groeipakket | kindergeld | familienleistung |
    family allowances? | child benefit | allocation scolaire | schooltoeslag | school allowance |
    revenu d'integration | leefloon | eingliederungseinkommen | integration income
allowances institution: \bcpas\b | \bocmw\b | \boshz\b | centre public d'action sociale |
    openbaar centrum voor maatschappelijk welzijn | offentliche sozialhilfezentrum |
    public centre for social welfare | public social welfare centre | sociaal huis
allowances institution: \bonem\b | \brva\b | \blfa\b | office national de l'emploi |
    rijksdienst voor arbeidsvoorziening | landesamt fur arbeitsbeschaffung |
    national employment office | \bcapac\b | \bhvw\b | hulpkas | caisse auxiliaire
allowances institution: famiwal | groeipakket | =\bFONS\b | parentia | infino | kidslife |
    myfamily | camille allocations | camille\.be | brussels family | allocations familiales |
    kinderbijslag |
    kindergeld | family allowance | child benefit
allowances phrase: revenu d'integration | leefloon | eingliederungseinkommen |
    integration income | aide sociale | maatschappelijke dienstverlening | sozialhilfe |
    social assistance | equivalent du revenu | equivalent leefloon | projet individualise |
    geindividualiseerd project | \bpiis\b | \bgpmi\b
allowances phrase: allocations? de chomage | werkloosheidsuitkering | arbeitslosengeld |
    unemployment (?:benefit|allowance) | allocation d'insertion | inschakelingsuitkering |
    personnes handicapees | personen met een handicap | dg personnes | tegemoetkoming |
    \ballocations?\b | \buitkering | beihilfe | \bbenefits?\b | prime | premie | toelage |
    zulage
allowances word: \baide\b | steun | unterstutzung | \bsupport\b | montant mensuel |
    maandbedrag | monatlich | monthly | assistant(?:e)? social | maatschappelijk werker |
    sozialarbeiter | social worker | taux isole | alleenstaande | alleinstehend |
    single rate | comite special | bijzonder comite
debt topic: sommation de payer | sommation | rappel de paiement | deuxieme rappel |
    second rappel | dernier rappel | mise en demeure | betalingsherinnering | aanmaning |
    tweede herinnering | laatste herinnering | ingebrekestelling | betalingsbevel |
    zahlungserinnerung | zahlungsaufforderung | \bmahnung | letzte mahnung | zweite mahnung |
    payment reminder | second reminder | final reminder | final notice | formal notice |
    demand for payment | plan de paiement | plan d'apurement | afbetalingsplan |
    betalingsplan | ratenzahlung | ratenplan | payment plan | instalment plan |
    installment plan | payment arrangement
debt phrase: impot | impots | precompte | belasting | belastingen | personenbelasting |
    \bsteuer | einkommensteuer | \btax\b | \btaxes\b | income tax | tax office | fps finance |
    federal public service finance | spf finances | fod financien | \bfof\b | solde a payer |
    montant a payer | te betalen bedrag | zu zahlender betrag | amount to pay
debt institution: huissier de justice | huissiers de justice | gerechtsdeurwaarder |
    gerichtsvollzieher | bailiff | enforcement officer | bureau de recouvrement |
    incassobureau | inkassobuero | inkassoburo | debt collection agency | intrum | fiducre |
    \bspf finances\b | fod financien | recouvrement amiable
debt phrase: mise en demeure | ingebrekestelling | mahnung | formal notice |
    letter before action | dernier rappel | laatste herinnering | letzte mahnung |
    final reminder | rappel de paiement | betalingsherinnering | zahlungserinnerung |
    payment reminder
debt phrase: saisie | beslag | pfandung | seizure | attachment of earnings |
    commandement de payer | bevel tot betalen | zahlungsbefehl | order to pay |
    signification | betekening | zustellung
debt phrase: recouvrement | invordering | incasso | inkasso | debt collection | dette |
    schuld(?:en)?\b | schulden | \bdebts?\b | creancier | schuldeiser | glaubiger | creditor |
    debiteur | schuldenaar | schuldner | debtor | mediation de dettes | schuldbemiddeling |
    schuldnerberatung | debt (?:advice|mediation) | reglement collectif de dettes |
    collectieve schuldenregeling
debt phrase: facture impayee | factures? impayees | onbetaalde factu | unbezahlte rechnung |
    unpaid (?:invoice|bill) | solde (?:du|restant) | openstaand (?:saldo|bedrag) |
    offene[rn]? (?:betrag|forderung) | outstanding (?:amount|balance) |
    montant (?:du|restant du|impaye) | verschuldigd bedrag | geschuldete[rn]? betrag |
    amount (?:due|owed) | arriere | achterstal | ruckstand | arrears
debt word: interets de retard | nalatigheidsinteresten | verzugszinsen |
    late (?:payment )?interest | frais de recouvrement | invorderingskosten | inkassokosten |
    collection costs | plan de paiement | afbetalingsplan | ratenzahlung | payment plan |
    amende | boete | bussgeld | \bfine\b | facture | factuur | rechnung | invoice
employment topic: article 60 | art\.? ?60 | artikel 60 | \bart 60 | mise a l'emploi |
    tewerkstelling | activation sociale | contrat de travail | arbeidsovereenkomst |
    arbeitsvertrag | employment contract | contract of employment | premier jour de travail |
    eerste werkdag | erster arbeitstag | first (?:working )?day (?:of work|at work) |
    entree en service | indiensttreding | arbeitsbeginn | dienstantritt | start date |
    job offer | offre d'emploi | stellenangebot | jobaanbod | contrat interimaire |
    uitzendopdracht | interimopdracht | leiharbeit | temporary assignment
employment phrase: interim | interimaire | uitzend | uitzendbureau | uitzendkracht |
    zeitarbeit | temp agency | staffing agency | periode d'essai | proefperiode | probezeit |
    probation(?:ary)? period | salaire horaire | uurloon | stundenlohn | hourly (?:wage|rate) |
    brutoloon | bruttolohn | salaire brut | gross (?:salary|wage) | temps plein | voltijds |
    vollzeit | full-time | temps partiel | deeltijds | teilzeit | part-time |
    werkrooster | dienstplan | ploegendienst | schichtarbeit | werkplek | arbeitsplatz |
    lieu de travail | workplace | vacature | sollicit | bewerbung | candidature
employment institution: \bforem\b | \bvdab\b | =\bADG\b | arbeitsamt der deutschsprachigen |
    actiris | bruxelles formation | \bsecretariat social | sociaal secretariaat |
    sozialsekretariat | agence d'interim | uitzendkantoor | zeitarbeit | randstad | adecco |
    start people | =\bManpower\b | =\bMANPOWER\b
employment phrase: contrat de travail | arbeidsovereenkomst | arbeidscontract |
    arbeitsvertrag | employment contract | contract of employment | contrat d'interim |
    uitzendcontract | offre d'emploi | vacature | stellenangebot | job offer | job vacancy |
    entretien d'embauche | sollicitatiegesprek | vorstellungsgesprach | job interview
employment phrase: fiche de paie | fiche de salaire | loonfiche | loonbrief | loonstrook |
    lohnabrechnung | gehaltsabrechnung | payslip | pay slip | salaire | \bloon\b | \blohn\b |
    gehalt | salary | \bwages?\b | remuneration | bezoldiging | verguetung | vergutung
employment phrase: employeur | werkgever | arbeitgeber | employer | travailleur | werknemer |
    arbeitnehmer | employee | licenciement | ontslag | kundigung | dismissal | preavis |
    opzeg | notice period | kundigungsfrist | formule c4 | formulier c4 | \bc4\b |
    permis de travail | arbeidskaart | arbeidsvergunning | arbeitserlaubnis | work permit |
    permis unique | gecombineerde vergunning | single permit
employment phrase: demandeur d'emploi | chercheur d'emploi | werkzoekende | arbeitssuchende |
    arbeitsuchende | jobseeker | job seeker | recherche active d'emploi |
    actief zoeken naar werk | arbeitssuche | job search | formation professionnelle |
    beroepsopleiding | berufsausbildung | vocational training |
    insertion socioprofessionnelle | trajectbegeleiding
employment word: emploi | \bwerk\b | arbeit\b | \bjob\b | \bwork\b | embauche | aanwerving |
    einstellung | recruitment | horaire de travail | uurrooster | arbeitszeit |
    working hours | conge | verlof | urlaub | \bleave\b | \bcv\b | curriculum
health institution: mutualite | mutuelle | \bmutualiteit\b | ziekenfonds | krankenkasse |
    krankenversicherung | health insurance fund | sickness fund | \binami\b | \briziv\b |
    \blikiv\b | solidaris | =\bMC\b | cm-mc | partenamut | =\bHelan\b | =\bHELAN\b |
    caisse auxiliaire d'assurance maladie | hulpkas voor ziekte | \bcaami\b | \bhziv\b
health institution: hopital | ziekenhuis | krankenhaus | \bhospital\b | clinique | kliniek |
    klinik | clinic | \bchu\b | \bchr\b | =\bUZ\b | =\bAZ\b | centre de sante |
    wijkgezondheidscentrum | gesundheitszentrum | health centre | maison medicale |
    medisch huis | fedasil medical | croix-rouge medical
health phrase: aide medicale urgente | dringende medische hulp |
    dringende medizinische hilfe | urgent medical (?:aid|assistance) | \bamu\b | \bdmh\b |
    carte medicale | medische kaart | medizinische karte | medical card
health phrase: medecin-conseil | medecin conseil | adviserend arts | vertrauensarzt |
    medical adviser | incapacite de travail | arbeidsongeschiktheid | arbeitsunfahigkeit |
    incapacity for work | indemnites | uitkeringen bij ziekte | krankengeld |
    sickness benefit | certificat medical | medisch attest | arztliches attest |
    medical certificate
health phrase: consultation | raadpleging | sprechstunde | medecin | \barts\b | \barzt\b |
    doctor | physician | patient | traitement | behandeling | behandlung | treatment |
    ordonnance | voorschrift | arztliches rezept | rezept fur | prescription |
    vaccin | impfung | vaccination |
    examen medical | medisch onderzoek | untersuchung | medical examination | sante |
    gezondheid | gesundheit | health
health phrase: cardiolog | kardiolog | radiolog | \bekg\b | \becg\b | hausarzt | huisarts |
    medecin traitant | general practitioner | medicament | geneesmiddel | medikament |
    medication | urgences | spoedgevallen | notaufnahme | emergency department |
    hospitalisation | ziekenhuisopname | krankenhausaufenthalt | operatie |
    chirurg | surgery | prise de sang | bloedafname | bloedonderzoek | blutuntersuchung |
    blood test | versichertenkarte | vignette | kleefbriefje | pediatr | kinderarts |
    kinderarzt | paediatric | gyneco | gynaeco | gynakolog | psycholog | psychiatr | therap
health word: soins | zorg | pflege | \bcare\b | maladie | ziekte | krankheit | illness |
    sickness | pharmacie | apotheek | apotheke | pharmacy | dentiste | tandarts | zahnarzt |
    dentist | infirmi | verpleeg | kranken | nurse | remboursement des soins | terugbetaling |
    erstattung | reimbursement
schooling institution: ecole | athenee | lycee | college saint | institut saint | \bschool\b |
    basisschool | secundaire school | \bschule\b | grundschule | gymnasium | sekundarschule |
    primary school | secondary school | \bcpms\b | \bclb\b |
    centrum voor leerlingenbegeleiding | federation wallonie-bruxelles | agodi |
    onderwijs vlaanderen | \bdaspa\b | \bokan\b | universite | universiteit | universitat |
    university | haute ecole | hogeschool | hochschule
schooling phrase: inscription scolaire | inscription de votre enfant |
    inschrijving van uw kind | schulanmeldung | anmeldung ihres kindes | school enrol?ment |
    obligation scolaire | leerplicht | schulpflicht | compulsory (?:education|schooling) |
    annee scolaire | schooljaar | schuljahr | school year | frais scolaires | schoolkosten |
    schulkosten | school fees | voyage scolaire | schoolreis | klassenfahrt | school trip
schooling phrase: eleve | leerling | schuler | pupil | student | etudiant | enseignant |
    instituteur | leerkracht | leraar | lehrer | teacher | directeur d'ecole | directrice |
    schooldirecteur | schulleiter | head ?teacher | bulletin | rapport scolaire |
    schoolrapport | zeugnis | report card | classe | \bklas\b | \bklasse\b | classroom |
    cantine | refter | mensa | absences? injustifiee | ongewettigde afwezigheid |
    unentschuldigte | unauthori[sz]ed absence | spijbel | truancy | examens? | exams?\b |
    prufung
schooling word: scolaire | school | schul | \bcours\b | \bles(?:sen)?\b | unterricht |
    lessons? | apprentissage | leren | lernen | learning | \bdiplome | diploma | \babschluss |
    bachelier | bachelor | inscription | inschrijving | anmeldung | enrol
justice institution: tribunal de premiere instance | rechtbank van eerste aanleg |
    gericht erster instanz | court of first instance | tribunal correctionnel |
    correctionele rechtbank | strafgericht | criminal court | cour d'appel | hof van beroep |
    appellationshof | court of appeal | justice de paix | juge de paix | vredegerecht |
    vrederechter | friedensgericht | friedensrichter | justice of the peace | conseil d'etat |
    raad van state | staatsrat | council of state | tribunal de police | politierechtbank |
    polizeigericht | police court
justice institution: parquet | procureur du roi | parket | procureur des konings |
    staatsanwaltschaft | prokurator des konigs | public prosecutor | prosecutor's office |
    zone de police | politiezone | polizeizone | police zone | \bpolice\b | \bpolitie\b |
    \bpolizei\b | bureau d'aide juridique | bureau voor juridische bijstand |
    büro fur juristischen beistand | legal aid office | \bbaj\b | \bbjb\b | greffe | griffie |
    gerichtskanzlei | court registry
justice phrase: jugement | vonnis | \burteil\b | judgment | judgement | \barret\b |
    \barrest\b | ordonnance du juge | beschikking | beschluss | court order |
    citation a comparaitre | dagvaarding | ladung vor | summons |
    convocation (?:par la police|a l'audience) | oproeping | vorladung | audience |
    terechtzitting | zitting | gerichtsverhandlung | verhandlung | court hearing | hearing
justice phrase: avocat | advocaat | rechtsanwalt | anwalt | lawyer | solicitor | attorney |
    pro deo | aide juridique | juridische bijstand | juristischer beistand | rechtshilfe |
    legal aid | proces-verbal | proces verbaal | \bpv\b | protokoll | police report |
    plainte | klacht | strafanzeige | anzeige | complaint | casier judiciaire |
    strafregister | fuhrungszeugnis | criminal record | temoin | getuige | zeuge | witness |
    prevenu | beklaagde | angeklagte | defendant | accused
justice word: tribunal | rechtbank | gericht | \bcourt\b | juge\b | rechter | richter |
    \bjudge\b | justice | justitie | justiz | infraction | misdrijf | straftat | offence |
    offense | penal | strafrecht | criminal | requete | verzoekschrift |
    antrag an das gericht | petition | recours | beroep | berufung | appeal
"""


_WEIGHTS = {"topic": TOPIC, "institution": INSTITUTION, "phrase": PHRASE, "word": WORD}


def _parse_rules(spec: str) -> list[tuple[str, float, list[str]]]:
    """``category kind: alt | alt`` lines; indented lines continue the previous rule."""
    rules: list[tuple[str, float, list[str]]] = []
    for line in spec.splitlines():
        if not line.strip():
            continue
        if line.startswith(" "):
            body = line
        else:
            head, body = line.split(":", 1)
            cat, kind = head.split()
            rules.append((cat, _WEIGHTS[kind], []))
        alts = (a.strip().strip("|").strip() for a in body.split(" | "))
        rules[-1][2].extend(a for a in alts if a)
    return rules


def _compile() -> list[Signal]:
    out = []
    for cat, weight, alts in _parse_rules(RULES):
        for alt in alts:
            # each alternative is its own signal so that reasons name the phrase seen
            cased = alt.startswith("=")
            alt = alt.lstrip("=")
            label = alt.replace("\\b", "").replace("(?:", "(")
            rx = re.compile(alt)
            out.append(Signal(cat, label, rx, weight, weight == INSTITUTION, cased))
    return out


SIGNALS: list[Signal] = _compile()


@dataclass
class Evidence:
    scores: dict[str, float]
    hits: dict[str, list[tuple[str, float, bool]]]  # category -> (label, weight, institution)


_SUBJECT_LINE = re.compile(
    r"^\s*(?:objet|concerne|betreft|onderwerp|betrifft|betreff|gegenstand|subject|re|ref)\s*:"
    r".*$|^\s*[A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ' ,\-]{12,}$",
    re.I | re.M,
)


def subject_of(text: str) -> str:
    """The subject line(s) ("Objet :", "Betreft:", "Betrifft:", "Subject:", or a line in
    capitals such as "SOMMATION DE PAYER"): what the letter says it is about."""
    found = []
    for m in _SUBJECT_LINE.finditer(text):
        line = m.group(0)
        if ":" in line.split()[0] or re.match(r"\s*\w+\s*:", line) or line.isupper():
            found.append(line)
    return _norm(" \n ".join(found))


def _strip_accents(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    return "".join(c for c in t if not unicodedata.combining(c)).replace("ß", "ss")


def _cased_count(sig: Signal, plain: str) -> tuple[int, int]:
    """(occurrences, first position) of a case-sensitive signal outside all-capitals
    headings ("ONE MONTH NOTICE"); in such a heading it counts only when it stands alone
    or before a separator ("ONE - Office de la Naissance", "AZ:")."""
    n, first = 0, -1
    for m in sig.pattern.finditer(plain):
        ls = plain.rfind("\n", 0, m.start()) + 1
        le = plain.find("\n", m.end())
        line = plain[ls : le if le >= 0 else len(plain)]
        letters = [c for c in line if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.6:
            rest = plain[m.end() : le if le >= 0 else len(plain)].strip()
            if rest and rest[0] not in "-–:(,|/":
                continue
        before = plain[ls : m.start()].rstrip()
        if (
            not m.group(0).isupper()
            and (not before or before[-1] in ".!?:")
            and len(line.split()) > 5
        ):
            continue  # "Opgroeien in armoede ...": a capital at a sentence start, not a name
        n += 1
        first = m.start() if first < 0 else first
    return n, first


#: conventions (docs/understanding.md): what the document is about, not who sent it
_UTILITY = re.compile(
    r"facture d'(?:electricite|energie|eau|gaz)|energiefactuur|waterfactuur|stromrechnung|"
    r"wasserrechnung|(?:energy|electricity|gas|water) bill|fournisseur d'(?:energie|eau)|"
    r"energieleverancier|energieversorger|energy supplier|meterstand|zahlerstand|"
    r"releve (?:de|des) (?:index|compteur)|meter reading|consommation d'(?:energie|eau)|"
    r"energieverbruik|waterverbruik|stromverbrauch|wasserverbrauch"
)
_ENFORCEMENT = re.compile(
    r"huissier|gerechtsdeurwaarder|gerichtsvollzieher|bailiff|recouvrement|incasso|inkasso|"
    r"debt collect|mediation de dettes|schuldbemiddeling|schuldnerberatung|debt mediation"
)
_ALIEN_COURT = re.compile(
    r"conseil du contentieux des etrangers|raad voor vreemdelingenbetwistingen|"
    r"rat fur auslanderstreitsachen|council for alien law litigation|\bcce\b|\brvv\b"
)


def _apply_conventions(norm: str, ev: Evidence) -> None:
    """Move evidence where the conventions say: a utility bill's reminders and payment plan
    stay housing unless a bailiff or collector is involved; an appeal to the aliens' court
    (CCE/RvV) is part of the asylum or residence case, not a criminal or civil case."""
    sc = ev.scores
    if _UTILITY.search(norm) and not _ENFORCEMENT.search(norm) and sc["debt"] > 0:
        moved = 0.8 * sc["debt"]
        sc["debt"] -= moved
        sc["housing"] += moved
        ev.hits["housing"].append(("convention: energy or water bill for the home", moved, False))
    if _ALIEN_COURT.search(norm) and sc["justice"] > 0:
        sc["justice"] *= 0.3


def score_text(text: str) -> Evidence:
    """Rule scores per category; a signal in the subject line counts 2.5x, one elsewhere in the
    head of the letter (issuer) 1.5x: what the letter says it is about outweighs who sent it."""
    norm = _norm(text)
    head_len = max(300, len(norm) // 5)
    head = norm[:head_len]
    subject = subject_of(text)
    plain = _strip_accents(text)
    scores = dict.fromkeys(CATEGORIES, 0.0)
    hits: dict[str, list[tuple[str, float, bool]]] = {c: [] for c in CATEGORIES}
    for sig in SIGNALS:
        if sig.cased:
            n, first = _cased_count(sig, plain)
            in_subject, in_head = False, 0 <= first < head_len
        else:
            n = len(sig.pattern.findall(norm))
            in_subject = bool(n and subject and sig.pattern.search(subject))
            in_head = bool(n and sig.pattern.search(head))
        if not n:
            continue
        w = sig.weight * (1.0 + 0.35 * math.log(n))
        if in_subject:
            w *= SUBJECT_BOOST
        elif in_head and not sig.institution:
            w *= HEAD_BOOST
        elif in_head:
            w *= 1.25  # the sender: a signal, but not more than what the letter is about
        scores[sig.category] += w
        hits[sig.category].append((sig.label, round(w, 2), sig.institution))
    ev = Evidence(scores, hits)
    _apply_conventions(norm, ev)
    return ev


def calibrate(scores: dict[str, float], *, temperature: float, scale: float) -> dict[str, float]:
    """Probabilities over the ten topical categories plus ``other``.

    ``other`` gets the probability mass that the evidence does not support: with little
    evidence, everything drifts to ``other`` (abstention); with much evidence, a softmax over
    scores decides between close categories.
    """
    topical = [c for c in CATEGORIES if c != "other"]
    top = max(scores[c] for c in topical)
    evidence = 1.0 - math.exp(-top / scale)
    # categories with no signal at all compete only for the evidence they lack (``other``),
    # not in the softmax: a terse note with one clear signal is not a close call
    exps = {c: math.exp((scores[c] - top) / temperature) if scores[c] > 0 else 0.0 for c in topical}
    if not any(exps.values()):
        exps = dict.fromkeys(topical, 1.0)
    z = sum(exps.values())
    probs = {c: evidence * exps[c] / z for c in topical}
    probs["other"] = 1.0 - evidence
    return probs


SHIPPED: Literal["shipped"] = "shipped"


def classify_text(
    text: str,
    *,
    threshold: float | None = None,
    temperature: float = TEMPERATURE,
    scale: float = EVIDENCE_SCALE,
    model: LinearModel | Literal["shipped"] | None = SHIPPED,
) -> Classification:
    """Category of ``text``: the learned model (with the rule scores among its features) when
    one is shipped or given, else the rules alone. ``threshold`` overrides the review
    threshold (the model's calibrated one, or REVIEW_THRESHOLD for the rules)."""
    ev = score_text(text)
    m = shipped_model() if model == SHIPPED else model
    if isinstance(m, LinearModel):
        return _classify_with_model(text, ev, m, threshold)
    return _classify_with_rules(ev, threshold if threshold is not None else REVIEW_THRESHOLD,
                                temperature, scale)  # fmt: skip


def _rule_reasons(ev: Evidence, category: str, k: int) -> list[str]:
    """The ``k`` strongest rule hits for ``category``, each label once (a phrase found in the
    subject line and again in the body is one reason)."""
    out: list[str] = []
    for label, _w, inst in sorted(ev.hits.get(category, []), key=lambda h: -h[1]):
        line = f"{'institution' if inst else 'phrase'} '{label}' -> {category}"
        if line not in out:
            out.append(line)
        if len(out) == k:
            break
    return out


def _classify_with_model(
    text: str, ev: Evidence, m: LinearModel, threshold: float | None
) -> Classification:
    threshold = m.threshold if threshold is None else threshold
    counts = features(_norm(text), subject_of(text))
    ix, vals = m.vectorize(counts)
    rules = rule_features(ev.scores, m.classes)
    probs = m.probabilities(m.logits(ix, vals, rules))
    order = [int(i) for i in np.argsort(-probs, kind="stable")]
    best, conf = m.classes[order[0]], float(probs[order[0]])
    alternatives = [(m.classes[i], round(float(probs[i]), 3)) for i in order[1:4]]
    words, rule_push = m.explain(ix, vals, rules, best)
    reasons = _rule_reasons(ev, best, 3)
    if words:
        reasons.append("words " + ", ".join(f"'{w}'" for w in words) + f" -> {best} (model)")
    if best == "other" and not reasons:
        reasons.append("none of the ten topics' signals: other")
    if not text.strip() or len(ix) == 0:
        reasons = ["no readable text: needs review"]
        return Classification("other", round(conf, 3), True, alternatives, reasons)
    n_words = sum(v for f, v in counts.items() if f.startswith("w ") and " " not in f[2:])
    if best == "other" and n_words < FULL_LENGTH:
        # a scrap with no topic's signal: too little text to say it is about nothing
        reasons.append(f"only {n_words} words and no topic found: needs review")
        return Classification("other", round(conf, 3), True, alternatives, reasons)
    if conf < threshold:
        reasons.append(f"confidence {conf:.2f} below {threshold:.2f}: needs review")
        alts = [(best, round(conf, 3))] + [a for a in alternatives if a[0] != "other"]
        return Classification("other", round(conf, 3), True, alts[:3], reasons)
    del rule_push
    return Classification(best, round(conf, 3), False, alternatives, reasons)


def _classify_with_rules(
    ev: Evidence, threshold: float, temperature: float, scale: float
) -> Classification:
    probs = calibrate(ev.scores, temperature=temperature, scale=scale)
    ranked = sorted(probs.items(), key=lambda kv: -kv[1])
    best, conf = ranked[0]
    topical_best = next(c for c, _ in ranked if c != "other")
    reasons = _rule_reasons(ev, topical_best, 5)
    needs_review = best == "other" or conf < threshold
    alternatives = [(c, round(p, 3)) for c, p in ranked if c != best][:3]
    if needs_review:
        if best != "other":
            reasons.append(f"confidence {conf:.2f} below {threshold:.2f}: needs review")
            alternatives = [(best, round(conf, 3))] + [a for a in alternatives if a[0] != "other"]
            alternatives = alternatives[:3]
        else:
            reasons.append("too little evidence for any category: needs review")
        return Classification("other", round(conf, 3), True, alternatives, reasons)
    return Classification(best, round(conf, 3), False, alternatives, reasons)
