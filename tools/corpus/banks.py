# ruff: noqa: E501  (phrase banks read best one sentence per line)
"""Phrase banks for the development corpus: institutions, subjects and sentences per category
and language. Every list with two or more entries is split alternately into a training half
(even positions) and a held-out half (odd positions), so held-out letters use institutions and
wordings the classifier's author never calibrated on.
"""

from __future__ import annotations

# category -> language -> {"inst": [...], "subj": [...], "body": [...]}
BANKS: dict[str, dict[str, dict[str, list[str]]]] = {
    "asylum": {
        "fra": {
            "inst": [
                "Commissariat général aux réfugiés et aux apatrides",
                "Fedasil - Centre d'accueil de Jette",
                "CGRA - Service Dublin",
                "Conseil du Contentieux des Étrangers",
            ],
            "subj": [
                "Convocation à un entretien personnel",
                "Décision concernant votre demande de protection internationale",
                "Demande de documents complémentaires",
                "Transfert vers une autre structure d'accueil",
            ],
            "body": [
                "Votre demande de protection internationale est en cours d'examen par nos services.",
                "L'officier de protection souhaite vous entendre au sujet de votre récit d'asile.",
                "Nous avons décidé de vous reconnaître le statut de réfugié au sens de la Convention de Genève.",
                "Un interprète dans votre langue sera présent pendant l'entretien.",
                "Votre place d'accueil est maintenue pendant la durée de la procédure.",
                "Veuillez apporter votre annexe 26 et tous les documents prouvant votre identité.",
                "Le statut de protection subsidiaire vous est refusé pour les motifs exposés ci-dessous.",
                "Votre dossier d'asile a été transmis au service compétent.",
            ],
        },
        "nld": {
            "inst": [
                "Commissariaat-generaal voor de Vluchtelingen en de Staatlozen",
                "Fedasil - Opvangcentrum Mechelen",
                "CGVS - Dienst Dublin",
                "Raad voor Vreemdelingenbetwistingen",
            ],
            "subj": [
                "Uitnodiging voor een persoonlijk onderhoud",
                "Beslissing over uw verzoek om internationale bescherming",
                "Vraag om bijkomende documenten",
                "Overplaatsing naar een andere opvangstructuur",
            ],
            "body": [
                "Uw verzoek om internationale bescherming wordt momenteel onderzocht.",
                "De protectieofficier wenst u te horen over de redenen van uw vlucht.",
                "Wij hebben beslist u de vluchtelingenstatus toe te kennen.",
                "Tijdens het onderhoud is een tolk aanwezig.",
                "Uw opvangplaats blijft behouden tijdens de procedure.",
                "Breng uw bijlage 26 en alle documenten mee die uw identiteit bewijzen.",
                "De subsidiaire beschermingsstatus wordt u geweigerd om de hieronder vermelde redenen.",
                "Uw asieldossier werd doorgestuurd naar de bevoegde dienst.",
            ],
        },
        "deu": {
            "inst": [
                "Generalkommissariat für Flüchtlinge und Staatenlose",
                "Fedasil - Aufnahmezentrum Eupen",
                "CGRA - Dublin-Dienst",
                "Rat für Ausländerstreitsachen",
            ],
            "subj": [
                "Vorladung zur persönlichen Anhörung",
                "Entscheidung über Ihren Antrag auf internationalen Schutz",
                "Anforderung zusätzlicher Unterlagen",
                "Verlegung in eine andere Aufnahmeeinrichtung",
            ],
            "body": [
                "Ihr Antrag auf internationalen Schutz wird derzeit geprüft.",
                "Der Schutzbeauftragte möchte Sie zu den Gründen Ihrer Flucht anhören.",
                "Wir haben beschlossen, Ihnen die Flüchtlingseigenschaft zuzuerkennen.",
                "Während der Anhörung ist ein Dolmetscher anwesend.",
                "Ihr Platz im Aufnahmezentrum bleibt während des Verfahrens erhalten.",
                "Bringen Sie Ihre Anlage 26 und alle Dokumente zu Ihrer Identität mit.",
                "Der subsidiäre Schutzstatus wird Ihnen aus den unten genannten Gründen verweigert.",
                "Ihre Asylakte wurde an den zuständigen Dienst weitergeleitet.",
            ],
        },
        "eng": {
            "inst": [
                "Office of the Commissioner General for Refugees and Stateless Persons",
                "Fedasil - Reception Centre Arendonk",
                "CGRS - Dublin Unit",
                "Council for Alien Law Litigation",
            ],
            "subj": [
                "Invitation to a personal interview",
                "Decision on your application for international protection",
                "Request for additional documents",
                "Transfer to another reception centre",
            ],
            "body": [
                "Your application for international protection is being examined.",
                "The protection officer wishes to hear you about the reasons why you fled.",
                "We have decided to grant you refugee status under the Geneva Convention.",
                "An interpreter will be present during the interview.",
                "Your place in the reception centre is kept for the duration of the procedure.",
                "Please bring your annex 26 and all documents proving your identity.",
                "Subsidiary protection status is refused for the reasons set out below.",
                "Your asylum file has been forwarded to the competent department.",
            ],
        },
    },
    "residence": {
        "fra": {
            "inst": [
                "Office des Étrangers",
                "Ville de Liège - Service Population, bureau des étrangers",
                "SPF Intérieur - Office des Étrangers",
                "Commune d'Ans - Service Étrangers",
            ],
            "subj": [
                "Votre demande d'autorisation de séjour",
                "Renouvellement de votre titre de séjour",
                "Ordre de quitter le territoire",
            ],
            "body": [
                "Votre demande de séjour sur base de l'article 9bis a été déclarée recevable.",
                "Votre carte A arrive à échéance et doit être renouvelée à la commune.",
                "Il vous est enjoint de quitter le territoire dans le délai indiqué.",
                "Vous êtes inscrit au registre des étrangers de la commune.",
                "Une attestation d'immatriculation vous sera délivrée.",
                "Veuillez présenter votre passeport national en cours de validité.",
                "Votre demande de séjour pour raisons médicales (article 9ter) est en cours de traitement.",
                "Le droit de séjour vous est accordé pour une durée limitée.",
            ],
        },
        "nld": {
            "inst": [
                "Dienst Vreemdelingenzaken",
                "Stad Gent - Dienst Burgerzaken, cel vreemdelingen",
                "FOD Binnenlandse Zaken - DVZ",
                "Gemeente Leuven - Vreemdelingendienst",
            ],
            "subj": [
                "Uw aanvraag tot machtiging tot verblijf",
                "Verlenging van uw verblijfsvergunning",
                "Bevel om het grondgebied te verlaten",
            ],
            "body": [
                "Uw aanvraag tot verblijf op basis van artikel 9bis werd ontvankelijk verklaard.",
                "Uw verblijfskaart vervalt binnenkort en moet bij de gemeente vernieuwd worden.",
                "U krijgt het bevel om het grondgebied te verlaten binnen de vermelde termijn.",
                "U bent ingeschreven in het vreemdelingenregister van de gemeente.",
                "U ontvangt een attest van immatriculatie.",
                "Gelieve uw geldig nationaal paspoort voor te leggen.",
                "Uw aanvraag tot verblijf om medische redenen (artikel 9ter) wordt behandeld.",
                "Het verblijfsrecht wordt u toegekend voor een beperkte duur.",
            ],
        },
        "deu": {
            "inst": [
                "Ausländeramt - Dienst Ausländerangelegenheiten",
                "Gemeinde Eupen - Einwohnermeldeamt, Ausländerdienst",
                "FÖD Inneres - Ausländeramt",
                "Gemeinde Kelmis - Ausländerbehörde",
            ],
            "subj": [
                "Ihr Antrag auf Aufenthaltserlaubnis",
                "Verlängerung Ihres Aufenthaltstitels",
                "Anweisung, das Staatsgebiet zu verlassen",
                "Antrag auf Familienzusammenführung",
            ],
            "body": [
                "Ihr Antrag auf Aufenthalt nach Artikel 9bis wurde für zulässig erklärt.",
                "Ihre Aufenthaltskarte läuft bald ab und muss bei der Gemeinde erneuert werden.",
                "Sie werden angewiesen, das Staatsgebiet innerhalb der genannten Frist zu verlassen.",
                "Sie sind im Fremdenregister der Gemeinde eingetragen.",
                "Sie erhalten eine Eintragungsbescheinigung.",
                "Bitte legen Sie Ihren gültigen Reisepass vor.",
                "Ihr Antrag auf Aufenthalt aus medizinischen Gründen (Artikel 9ter) wird bearbeitet.",
                "Das Aufenthaltsrecht wird Ihnen für eine begrenzte Dauer gewährt.",
            ],
        },
        "eng": {
            "inst": [
                "Immigration Office",
                "City of Brussels - Population Department, foreigners desk",
                "FPS Home Affairs - Immigration Office",
                "Municipality of Schaerbeek - Foreigners Service",
            ],
            "subj": [
                "Your application for a residence permit",
                "Renewal of your residence card",
                "Order to leave the territory",
            ],
            "body": [
                "Your application for residence under article 9bis has been declared admissible.",
                "Your residence card expires soon and must be renewed at the municipality.",
                "You are ordered to leave the territory within the period stated.",
                "You are registered in the foreigners register of the municipality.",
                "You will receive a certificate of registration.",
                "Please present your valid national passport.",
                "Your application for residence on medical grounds (article 9ter) is being processed.",
                "The right of residence is granted to you for a limited period.",
            ],
        },
    },
    "family": {
        "fra": {
            "inst": [
                "Ville de Liège - Service de l'état civil",
                "Tribunal de la famille de Liège",
                "ONE - Office de la Naissance et de l'Enfance",
                "Commune de Seraing - État civil",
            ],
            "subj": [
                "Demande de regroupement familial",
                "Déclaration de naissance",
                "Audience relative à l'hébergement des enfants",
                "Consultation pour enfants",
                "Dossier de mariage",
            ],
            "body": [
                "Pour déclarer la naissance de votre enfant, munissez-vous de l'acte de naissance délivré par la maternité.",
                "Le juge examinera la demande relative à l'autorité parentale et à la pension alimentaire.",
                "Votre enfant est attendu à la consultation de l'ONE pour le suivi de sa croissance.",
                "Les futurs époux doivent déposer les documents nécessaires à la célébration du mariage.",
                "La reconnaissance prénatale de l'enfant peut être faite par le père.",
                "Un acte de mariage légalisé doit être produit.",
                "La garde des enfants sera organisée selon un hébergement égalitaire.",
                "La cohabitation légale peut être déclarée à l'état civil.",
            ],
        },
        "nld": {
            "inst": [
                "Stad Antwerpen - Dienst Burgerlijke Stand",
                "Familierechtbank Gent",
                "Kind en Gezin - Opgroeien",
                "Gemeente Genk - Burgerlijke stand",
            ],
            "subj": [
                "Aanvraag gezinshereniging",
                "Aangifte van geboorte",
                "Zitting over de verblijfsregeling van de kinderen",
                "Consultatie voor uw baby",
                "Huwelijksdossier",
            ],
            "body": [
                "Breng voor de aangifte van de geboorte van uw kind de geboorteakte van de kraamkliniek mee.",
                "De rechter onderzoekt de vraag over het ouderlijk gezag en het onderhoudsgeld.",
                "Uw kind wordt verwacht op de consultatie van Kind en Gezin voor de opvolging van de groei.",
                "De aanstaande echtgenoten moeten de documenten voor het huwelijk indienen.",
                "De erkenning van het kind kan voor de geboorte door de vader gebeuren.",
                "Een gelegaliseerde huwelijksakte moet worden voorgelegd.",
                "Het verblijf van de kinderen wordt gelijkmatig verdeeld tussen beide ouders.",
                "Een verklaring van wettelijke samenwoning kan bij de burgerlijke stand worden afgelegd.",
            ],
        },
        "deu": {
            "inst": [
                "Gemeinde Eupen - Standesamt",
                "Familiengericht Eupen",
                "Kaleido - Dienst für Familien",
                "Gemeinde Sankt Vith - Standesamt",
            ],
            "subj": [
                "Anzeige einer Geburt",
                "Verhandlung über das Sorgerecht",
                "Beratung für Ihr Kind",
                "Eheschließung",
            ],
            "body": [
                "Bringen Sie zur Anzeige der Geburt Ihres Kindes die Geburtsurkunde der Klinik mit.",
                "Der Richter prüft den Antrag auf elterliche Sorge und Unterhalt.",
                "Ihr Kind wird zur Vorsorgeuntersuchung für Kinder erwartet.",
                "Die künftigen Ehegatten müssen die Unterlagen für die Eheschließung einreichen.",
                "Die Vaterschaftsanerkennung kann vor der Geburt erfolgen.",
                "Eine legalisierte Heiratsurkunde ist vorzulegen.",
                "Das Sorgerecht für die Kinder wird gemeinsam ausgeübt.",
                "Das gesetzliche Zusammenwohnen kann beim Standesamt erklärt werden.",
            ],
        },
        "eng": {
            "inst": [
                "City of Brussels - Civil Registry",
                "Family Court of Brussels",
                "ONE - Birth and Childhood Office",
                "Municipality of Ixelles - Registry Office",
            ],
            "subj": [
                "Application for family reunification",
                "Registration of a birth",
                "Hearing on the custody of the children",
                "Check-up for your baby",
                "Marriage file",
            ],
            "body": [
                "To register the birth of your child, bring the birth certificate issued by the maternity ward.",
                "The judge will examine the request concerning parental authority and child support.",
                "Your child is expected at the check-up for the follow-up of his growth.",
                "The future spouses must submit the documents required for the marriage.",
                "The acknowledgement of paternity may be made by the father before the birth.",
                "A legalised marriage certificate must be produced.",
                "Custody of the children will be shared equally between the parents.",
                "Legal cohabitation can be declared at the civil registry.",
            ],
        },
    },
    "housing": {
        "fra": {
            "inst": [
                "La Maison Liégeoise - Société de logement de service public",
                "Agence Immobilière Sociale de Liège",
                "Immo Meuse sprl",
                "Fonds du Logement de Wallonie",
            ],
            "subj": [
                "Contrat de bail de résidence principale",
                "Indexation de votre loyer",
                "État des lieux d'entrée",
                "Votre candidature pour un logement social",
            ],
            "body": [
                "Le bailleur donne en location au preneur un appartement situé au premier étage.",
                "Le loyer mensuel est fixé à {amount} euros, charges non comprises.",
                "La garantie locative équivaut à deux mois de loyer.",
                "Un état des lieux détaillé sera dressé en présence du locataire et du propriétaire.",
                "Votre candidature pour un logement social a été inscrite sur la liste d'attente.",
                "Le locataire entretient le logement en bon père de famille.",
                "Le chauffage et l'eau chaude sont à charge du locataire.",
                "Le bail est conclu pour une durée de trois ans.",
            ],
        },
        "nld": {
            "inst": [
                "Woonmaatschappij Gent",
                "Sociaal Verhuurkantoor Leuven",
                "Immo Schelde bv",
                "Vlaams Woningfonds",
            ],
            "subj": [
                "Huurovereenkomst voor hoofdverblijfplaats",
                "Indexering van uw huurprijs",
                "Plaatsbeschrijving bij intrede",
                "Uw inschrijving voor een sociale woning",
            ],
            "body": [
                "De verhuurder geeft aan de huurder een appartement op de eerste verdieping in huur.",
                "De maandelijkse huurprijs bedraagt {amount} euro, lasten niet inbegrepen.",
                "De huurwaarborg bedraagt twee maanden huur.",
                "Er wordt een gedetailleerde plaatsbeschrijving opgemaakt in aanwezigheid van huurder en verhuurder.",
                "Uw inschrijving voor een sociale woning werd op de wachtlijst geplaatst.",
                "De huurder onderhoudt de woning als een goede huisvader.",
                "De verwarming en het warm water zijn ten laste van de huurder.",
                "De huurovereenkomst wordt gesloten voor een duur van drie jaar.",
            ],
        },
        "deu": {
            "inst": [
                "Öffentlicher Wohnungsbau Ostbelgien",
                "Soziale Immobilienagentur Eupen",
                "Immo Weser GmbH",
                "Wohnungsbaugesellschaft Nosbau",
            ],
            "subj": [
                "Mietvertrag für den Hauptwohnsitz",
                "Indexierung Ihrer Miete",
                "Wohnungsübergabeprotokoll",
                "Ihr Antrag auf eine Sozialwohnung",
            ],
            "body": [
                "Der Vermieter vermietet dem Mieter eine Wohnung im ersten Stock.",
                "Die monatliche Miete beträgt {amount} Euro ohne Nebenkosten.",
                "Die Mietkaution entspricht zwei Monatsmieten.",
                "Ein ausführliches Übergabeprotokoll wird im Beisein von Mieter und Vermieter erstellt.",
                "Ihr Antrag auf eine Sozialwohnung wurde in die Warteliste eingetragen.",
                "Der Mieter pflegt die Wohnung sorgfältig.",
                "Heizung und Warmwasser gehen zu Lasten des Mieters.",
                "Der Mietvertrag wird für eine Dauer von drei Jahren geschlossen.",
            ],
        },
        "eng": {
            "inst": [
                "Brussels Regional Housing Company",
                "Social Rental Agency Brussels",
                "Immo Senne Ltd",
                "Housing Fund of the Brussels Region",
            ],
            "subj": [
                "Lease agreement for a main residence",
                "Indexation of your rent",
                "Check-in inventory report",
                "Your application for social housing",
            ],
            "body": [
                "The landlord lets to the tenant a flat on the first floor.",
                "The monthly rent is {amount} euros, service charges not included.",
                "The rental deposit equals two months of rent.",
                "A detailed inventory of fixtures will be drawn up with the tenant and the landlord.",
                "Your application for social housing has been placed on the waiting list.",
                "The tenant shall keep the dwelling in good condition.",
                "Heating and hot water are paid by the tenant.",
                "The lease is concluded for a period of three years.",
            ],
        },
    },
    "allowances": {
        "fra": {
            "inst": [
                "CPAS de Liège",
                "ONEM - Office national de l'Emploi",
                "Famiwal - Caisse publique d'allocations familiales",
                "CPAS de Herstal - Service social",
            ],
            "subj": [
                "Décision relative au revenu d'intégration",
                "Vos allocations de chômage",
                "Allocations familiales pour votre enfant",
                "Aide sociale complémentaire",
            ],
            "body": [
                "Le Comité spécial du service social a décidé de vous octroyer le revenu d'intégration au taux isolé.",
                "Le montant mensuel de votre allocation s'élève à {amount} euros.",
                "Vos allocations familiales seront versées chaque mois sur votre compte.",
                "Votre assistante sociale vous accompagnera dans votre projet individualisé d'intégration sociale.",
                "Le droit aux allocations de chômage vous est reconnu à partir de la date de votre demande.",
                "L'aide sociale est accordée sous forme d'une intervention dans vos frais.",
                "Le montant de l'équivalent du revenu d'intégration est adapté à l'index.",
                "Vous devez signaler tout changement de votre situation familiale ou de vos revenus.",
            ],
        },
        "nld": {
            "inst": [
                "OCMW Antwerpen",
                "RVA - Rijksdienst voor Arbeidsvoorziening",
                "Groeipakket - FONS",
                "OCMW Mechelen - Sociale dienst",
            ],
            "subj": [
                "Beslissing over het leefloon",
                "Uw werkloosheidsuitkering",
                "Groeipakket voor uw kind",
                "Aanvullende maatschappelijke dienstverlening",
            ],
            "body": [
                "Het Bijzonder Comité voor de Sociale Dienst heeft beslist u een leefloon toe te kennen als alleenstaande.",
                "Het maandelijkse bedrag van uw uitkering bedraagt {amount} euro.",
                "Uw kinderbijslag wordt elke maand op uw rekening gestort.",
                "Uw maatschappelijk werker begeleidt u in uw geïndividualiseerd project voor maatschappelijke integratie.",
                "Het recht op werkloosheidsuitkering wordt u toegekend vanaf de datum van uw aanvraag.",
                "De maatschappelijke dienstverlening wordt toegekend als tussenkomst in uw kosten.",
                "Het bedrag van het equivalent leefloon wordt aangepast aan de index.",
                "U moet elke wijziging in uw gezinssituatie of inkomen melden.",
            ],
        },
        "deu": {
            "inst": [
                "ÖSHZ Eupen - Öffentliches Sozialhilfezentrum",
                "LfA - Landesamt für Arbeitsbeschaffung",
                "Ministerium der DG - Familienleistungen",
                "ÖSHZ Sankt Vith - Sozialdienst",
            ],
            "subj": [
                "Entscheidung über das Eingliederungseinkommen",
                "Ihr Arbeitslosengeld",
                "Kindergeld für Ihr Kind",
                "Zusätzliche Sozialhilfe",
            ],
            "body": [
                "Der Sonderausschuss für den Sozialdienst hat beschlossen, Ihnen das Eingliederungseinkommen als Alleinstehende zu gewähren.",
                "Der monatliche Betrag Ihrer Beihilfe beläuft sich auf {amount} Euro.",
                "Ihr Kindergeld wird jeden Monat auf Ihr Konto überwiesen.",
                "Ihre Sozialarbeiterin begleitet Sie bei Ihrem individuellen Projekt zur sozialen Eingliederung.",
                "Der Anspruch auf Arbeitslosengeld wird Ihnen ab dem Datum Ihres Antrags zuerkannt.",
                "Die Sozialhilfe wird als Beteiligung an Ihren Kosten gewährt.",
                "Der Betrag der Sozialhilfe wird an den Index angepasst.",
                "Sie müssen jede Änderung Ihrer Familiensituation oder Ihres Einkommens melden.",
            ],
        },
        "eng": {
            "inst": [
                "Public Centre for Social Welfare of Brussels (CPAS)",
                "National Employment Office (ONEM/RVA)",
                "Brussels Family - family allowance fund",
                "Public Social Welfare Centre of Etterbeek",
            ],
            "subj": [
                "Decision on your integration income",
                "Your unemployment benefit",
                "Family allowance for your child",
                "Additional social assistance",
            ],
            "body": [
                "The Special Committee for Social Services has decided to grant you the integration income at the single rate.",
                "The monthly amount of your benefit is {amount} euros.",
                "Your family allowance will be paid into your account every month.",
                "Your social worker will support you in your individual social integration project.",
                "Your right to unemployment benefit is recognised from the date of your application.",
                "Social assistance is granted as a contribution to your costs.",
                "The amount of the allowance is adjusted to the index.",
                "You must report any change in your family situation or income.",
            ],
        },
    },
    "debt": {
        "fra": {
            "inst": [
                "Étude de Maître Renard, huissier de justice",
                "Intrum - Bureau de recouvrement",
                "SPF Finances - Recouvrement non fiscal",
                "Huissiers de justice associés Dubois & Lemaire",
            ],
            "subj": [
                "Mise en demeure",
                "Dernier rappel avant poursuites",
                "Commandement de payer",
                "Proposition de plan de paiement",
            ],
            "body": [
                "Malgré nos rappels, la facture impayée reste due à notre client.",
                "Le montant restant dû s'élève à {amount} euros, frais de recouvrement et intérêts de retard compris.",
                "À défaut de paiement, nous procéderons à la saisie de vos biens mobiliers.",
                "Votre créancier accepte un plan de paiement par mensualités.",
                "Nous vous signifions le jugement rendu à votre encontre.",
                "Vous pouvez vous adresser à un service de médiation de dettes agréé.",
                "Le solde de votre dette doit être réglé par virement.",
                "Des frais supplémentaires seront mis à votre charge en cas de retard.",
            ],
        },
        "nld": {
            "inst": [
                "Kantoor van Meester Peeters, gerechtsdeurwaarder",
                "Fiducre - Incassobureau",
                "FOD Financiën - Niet-fiscale invordering",
                "Gerechtsdeurwaarders Janssens & De Smet",
            ],
            "subj": [
                "Ingebrekestelling",
                "Laatste herinnering voor gerechtelijke stappen",
                "Bevel tot betalen",
                "Voorstel van afbetalingsplan",
            ],
            "body": [
                "Ondanks onze herinneringen blijft de onbetaalde factuur verschuldigd aan onze cliënt.",
                "Het openstaand bedrag bedraagt {amount} euro, invorderingskosten en nalatigheidsinteresten inbegrepen.",
                "Bij gebrek aan betaling gaan wij over tot beslag op uw roerende goederen.",
                "Uw schuldeiser aanvaardt een afbetalingsplan in maandelijkse schijven.",
                "Wij betekenen u het vonnis dat tegen u werd uitgesproken.",
                "U kunt terecht bij een erkende dienst voor schuldbemiddeling.",
                "Het saldo van uw schuld moet per overschrijving worden betaald.",
                "Bij laattijdige betaling worden bijkomende kosten aangerekend.",
            ],
        },
        "deu": {
            "inst": [
                "Kanzlei Gerichtsvollzieher Schmitz",
                "Inkassobüro Ostbelgien",
                "FÖD Finanzen - Nichtsteuerliche Beitreibung",
                "Gerichtsvollzieher Müller & Kessler",
            ],
            "subj": [
                "Mahnung",
                "Letzte Mahnung vor gerichtlichen Schritten",
                "Zahlungsbefehl",
                "Vorschlag einer Ratenzahlung",
            ],
            "body": [
                "Trotz unserer Erinnerungen ist die unbezahlte Rechnung weiterhin offen.",
                "Der offene Betrag beläuft sich auf {amount} Euro einschließlich Inkassokosten und Verzugszinsen.",
                "Bei Nichtzahlung werden wir eine Pfändung Ihrer beweglichen Güter vornehmen.",
                "Ihr Gläubiger ist mit einer Ratenzahlung einverstanden.",
                "Wir stellen Ihnen das gegen Sie ergangene Urteil zu.",
                "Sie können sich an eine anerkannte Schuldnerberatung wenden.",
                "Der Restbetrag Ihrer Schuld ist per Überweisung zu begleichen.",
                "Bei Verzug werden zusätzliche Kosten berechnet.",
            ],
        },
        "eng": {
            "inst": [
                "Office of Mr Smith, bailiff",
                "EuroCollect - Debt collection agency",
                "FPS Finance - Non-tax debt recovery",
                "Bailiffs Wilson & Clarke",
            ],
            "subj": [
                "Formal notice",
                "Final reminder before legal action",
                "Order to pay",
                "Proposal for a payment plan",
            ],
            "body": [
                "Despite our reminders, the unpaid invoice is still owed to our client.",
                "The outstanding amount is {amount} euros, including collection costs and late payment interest.",
                "Failing payment, we will proceed with the seizure of your movable goods.",
                "Your creditor agrees to a payment plan in monthly instalments.",
                "We hereby serve you the judgment given against you.",
                "You may contact an approved debt advice service.",
                "The balance of your debt must be paid by bank transfer.",
                "Additional costs will be charged in case of late payment.",
            ],
        },
    },
    "employment": {
        "fra": {
            "inst": [
                "Le Forem - Service public wallon de l'emploi",
                "Actiris - Office régional bruxellois de l'emploi",
                "Randstad Belgium - Agence d'intérim",
                "Boulangerie Delvaux sprl - Ressources humaines",
            ],
            "subj": [
                "Invitation à une séance d'information",
                "Votre contrat de travail",
                "Offre d'emploi",
                "Formulaire C4 - fin de contrat",
            ],
            "body": [
                "En tant que demandeur d'emploi inscrit, vous êtes invité à une séance sur la recherche active d'emploi.",
                "L'employeur engage le travailleur en qualité d'ouvrier à temps plein.",
                "Le salaire mensuel brut est fixé à {amount} euros.",
                "Une formation professionnelle en logistique vous est proposée.",
                "Votre contrat de travail prend fin à l'issue du préavis.",
                "Vous trouverez ci-joint votre fiche de paie et le formulaire C4.",
                "Votre conseiller emploi souhaite faire le point sur votre projet professionnel.",
                "Le permis unique vous autorise à travailler pour cet employeur.",
            ],
        },
        "nld": {
            "inst": [
                "VDAB - Vlaamse Dienst voor Arbeidsbemiddeling",
                "Actiris - Brusselse Gewestelijke Dienst voor Arbeidsbemiddeling",
                "Start People - Uitzendkantoor",
                "Bakkerij Claes bv - Personeelsdienst",
            ],
            "subj": [
                "Uitnodiging voor een infosessie",
                "Uw arbeidsovereenkomst",
                "Vacature",
                "Formulier C4 - einde contract",
            ],
            "body": [
                "Als ingeschreven werkzoekende wordt u uitgenodigd voor een sessie over actief zoeken naar werk.",
                "De werkgever neemt de werknemer in dienst als arbeider met een voltijds uurrooster.",
                "Het bruto maandloon bedraagt {amount} euro.",
                "U krijgt een beroepsopleiding in logistiek aangeboden.",
                "Uw arbeidsovereenkomst eindigt na afloop van de opzegtermijn.",
                "In bijlage vindt u uw loonfiche en het formulier C4.",
                "Uw VDAB-consulent wil uw trajectbegeleiding bespreken.",
                "De gecombineerde vergunning laat u toe voor deze werkgever te werken.",
            ],
        },
        "deu": {
            "inst": [
                "ADG - Arbeitsamt der Deutschsprachigen Gemeinschaft",
                "Adecco - Zeitarbeit Eupen",
                "Bäckerei Kessler GmbH - Personalabteilung",
                "ADG - Berufsberatung Sankt Vith",
            ],
            "subj": [
                "Einladung zu einer Informationsveranstaltung",
                "Ihr Arbeitsvertrag",
                "Stellenangebot",
                "Formular C4 - Vertragsende",
            ],
            "body": [
                "Als eingetragener Arbeitsuchender sind Sie zu einer Veranstaltung über die aktive Arbeitssuche eingeladen.",
                "Der Arbeitgeber stellt den Arbeitnehmer als Arbeiter in Vollzeit ein.",
                "Das monatliche Bruttogehalt beträgt {amount} Euro.",
                "Ihnen wird eine Berufsausbildung in der Logistik angeboten.",
                "Ihr Arbeitsvertrag endet nach Ablauf der Kündigungsfrist.",
                "Anbei finden Sie Ihre Lohnabrechnung und das Formular C4.",
                "Ihr Berater möchte mit Ihnen über Ihre berufliche Zukunft sprechen.",
                "Die kombinierte Erlaubnis gestattet Ihnen, für diesen Arbeitgeber zu arbeiten.",
            ],
        },
        "eng": {
            "inst": [
                "Actiris - Brussels Regional Employment Office",
                "Manpower - Temporary employment agency",
                "Bakery Evans Ltd - Human Resources",
                "Bruxelles Formation - Vocational training centre",
            ],
            "subj": [
                "Invitation to an information session",
                "Your employment contract",
                "Job offer",
                "Form C4 - end of contract",
            ],
            "body": [
                "As a registered jobseeker, you are invited to a session on active job search.",
                "The employer hires the employee as a full-time worker.",
                "The gross monthly salary is {amount} euros.",
                "Vocational training in logistics is offered to you.",
                "Your employment contract ends at the end of the notice period.",
                "Please find enclosed your payslip and form C4.",
                "Your employment adviser would like to review your job search.",
                "The single permit allows you to work for this employer.",
            ],
        },
    },
    "health": {
        "fra": {
            "inst": [
                "Mutualité Chrétienne de Liège",
                "CHR de la Citadelle - Service des consultations",
                "Solidaris - Mutualité socialiste",
                "Maison médicale du Laveu",
            ],
            "subj": [
                "Votre incapacité de travail",
                "Rendez-vous de consultation",
                "Remboursement de vos soins de santé",
                "Aide médicale urgente",
            ],
            "body": [
                "Le médecin-conseil a examiné votre dossier d'incapacité de travail.",
                "Votre consultation en cardiologie est prévue à l'hôpital.",
                "Les soins de santé vous seront remboursés selon le tarif INAMI.",
                "Veuillez apporter votre carte d'identité et l'ordonnance de votre médecin traitant.",
                "Vos indemnités seront versées par votre mutualité.",
                "La carte médicale pour l'aide médicale urgente couvre vos soins.",
                "Un certificat médical doit être envoyé au médecin-conseil.",
                "Le patient doit être à jeun pour l'examen.",
            ],
        },
        "nld": {
            "inst": [
                "Christelijke Mutualiteit Antwerpen",
                "UZ Gent - Dienst raadplegingen",
                "Helan Onafhankelijk Ziekenfonds",
                "Wijkgezondheidscentrum De Brug",
            ],
            "subj": [
                "Uw arbeidsongeschiktheid",
                "Afspraak voor een raadpleging",
                "Terugbetaling van uw geneeskundige verzorging",
                "Dringende medische hulp",
            ],
            "body": [
                "De adviserend arts heeft uw dossier van arbeidsongeschiktheid onderzocht.",
                "Uw raadpleging cardiologie vindt plaats in het ziekenhuis.",
                "De zorg wordt terugbetaald volgens het tarief van het RIZIV.",
                "Breng uw identiteitskaart en het voorschrift van uw huisarts mee.",
                "Uw uitkeringen worden door uw ziekenfonds betaald.",
                "De medische kaart voor dringende medische hulp dekt uw zorg.",
                "Een medisch attest moet naar de adviserend arts worden gestuurd.",
                "De patiënt moet nuchter zijn voor het onderzoek.",
            ],
        },
        "deu": {
            "inst": [
                "Christliche Krankenkasse Eupen",
                "St. Nikolaus-Hospital Eupen - Sprechstunden",
                "Sozialistische Krankenkasse Ostbelgien",
                "Gesundheitszentrum Kelmis",
            ],
            "subj": [
                "Ihre Arbeitsunfähigkeit",
                "Termin für eine Sprechstunde",
                "Erstattung Ihrer Gesundheitskosten",
                "Dringende medizinische Hilfe",
            ],
            "body": [
                "Der Vertrauensarzt hat Ihre Akte zur Arbeitsunfähigkeit geprüft.",
                "Ihre Sprechstunde in der Kardiologie findet im Krankenhaus statt.",
                "Die Behandlungskosten werden nach dem LIKIV-Tarif erstattet.",
                "Bringen Sie Ihren Personalausweis und das Rezept Ihres Hausarztes mit.",
                "Ihr Krankengeld wird von Ihrer Krankenkasse gezahlt.",
                "Die medizinische Karte für dringende medizinische Hilfe deckt Ihre Behandlung.",
                "Ein ärztliches Attest muss an den Vertrauensarzt geschickt werden.",
                "Der Patient muss zur Untersuchung nüchtern sein.",
            ],
        },
        "eng": {
            "inst": [
                "Christian Health Insurance Fund",
                "Saint-Pierre University Hospital - Outpatient clinic",
                "Partenamut health insurance fund",
                "Medical Centre Matonge",
            ],
            "subj": [
                "Your incapacity for work",
                "Outpatient appointment",
                "Reimbursement of your medical costs",
                "Urgent medical assistance",
            ],
            "body": [
                "The medical adviser has examined your incapacity for work file.",
                "Your cardiology consultation will take place at the hospital.",
                "Your medical care will be reimbursed at the INAMI rate.",
                "Please bring your identity card and your doctor's prescription.",
                "Your sickness benefit will be paid by your health insurance fund.",
                "The medical card for urgent medical assistance covers your care.",
                "A medical certificate must be sent to the medical adviser.",
                "The patient must not eat before the examination.",
            ],
        },
    },
    "schooling": {
        "fra": {
            "inst": [
                "Athénée royal Liège 1",
                "École communale de Sainte-Walburge",
                "Collège Saint-Louis - Direction",
                "Centre PMS de Liège",
            ],
            "subj": [
                "Inscription de votre enfant",
                "Réunion de parents",
                "Absences injustifiées",
                "Classe DASPA",
            ],
            "body": [
                "Votre enfant est inscrit en première année pour l'année scolaire en cours.",
                "Le titulaire de classe vous remettra le bulletin lors de la réunion.",
                "Nous constatons plusieurs absences injustifiées de votre enfant.",
                "Nous vous rappelons que l'obligation scolaire s'applique à tous les élèves.",
                "Les frais scolaires pour le voyage scolaire s'élèvent à {amount} euros.",
                "Votre enfant peut suivre la classe DASPA pour apprendre le français.",
                "Les repas de la cantine sont à payer à l'économat de l'école.",
                "L'enseignant souhaite discuter des résultats de votre enfant.",
            ],
        },
        "nld": {
            "inst": [
                "Basisschool De Regenboog",
                "Koninklijk Atheneum Antwerpen",
                "Sint-Jozefscollege - Directie",
                "CLB Gent",
            ],
            "subj": [
                "Inschrijving van uw kind",
                "Oudercontact",
                "Ongewettigde afwezigheden",
                "Onthaalklas OKAN",
            ],
            "body": [
                "Uw kind is ingeschreven in het eerste leerjaar voor het huidige schooljaar.",
                "De klastitularis overhandigt het rapport tijdens het oudercontact.",
                "Wij stellen meerdere ongewettigde afwezigheden van uw kind vast.",
                "Wij herinneren u eraan dat de leerplicht geldt voor alle leerlingen.",
                "De schoolkosten voor de schoolreis bedragen {amount} euro.",
                "Uw kind kan de OKAN-klas volgen om Nederlands te leren.",
                "De maaltijden in de refter worden op het secretariaat van de school betaald.",
                "De leerkracht wil de resultaten van uw kind bespreken.",
            ],
        },
        "deu": {
            "inst": [
                "Städtische Grundschule Eupen",
                "Königliches Athenäum Sankt Vith",
                "Pater-Damian-Sekundarschule - Direktion",
                "Kaleido - Schulgesundheit",
            ],
            "subj": [
                "Anmeldung Ihres Kindes",
                "Elternabend",
                "Unentschuldigte Abwesenheiten",
                "Sprachlernklasse",
            ],
            "body": [
                "Ihr Kind ist für das laufende Schuljahr im ersten Schuljahr angemeldet.",
                "Der Klassenlehrer übergibt Ihnen das Zeugnis beim Elternabend.",
                "Wir stellen mehrere unentschuldigte Abwesenheiten Ihres Kindes fest.",
                "Wir erinnern Sie daran, dass die Schulpflicht für alle Schüler gilt.",
                "Die Schulkosten für die Klassenfahrt betragen {amount} Euro.",
                "Ihr Kind kann die Sprachlernklasse besuchen, um Deutsch zu lernen.",
                "Die Mahlzeiten in der Mensa werden im Sekretariat der Schule bezahlt.",
                "Die Lehrerin möchte die Ergebnisse Ihres Kindes besprechen.",
            ],
        },
        "eng": {
            "inst": [
                "International Primary School of Brussels",
                "Royal Athenaeum Brussels - Secondary school",
                "Saint Mary's College - Head teacher",
                "School Pupil Guidance Centre",
            ],
            "subj": [
                "Enrolment of your child",
                "Parents' evening",
                "Unauthorised absences",
                "Reception class for newcomers",
            ],
            "body": [
                "Your child is enrolled in year one for the current school year.",
                "The class teacher will hand you the report card at the parents' evening.",
                "We note several unauthorised absences of your child.",
                "We remind you that compulsory education applies to all pupils.",
                "The school fees for the school trip amount to {amount} euros.",
                "Your child can attend the reception class to learn French.",
                "School meals in the canteen are paid at the school office.",
                "The teacher would like to discuss your child's results.",
            ],
        },
    },
    "justice": {
        "fra": {
            "inst": [
                "Tribunal de première instance de Liège - Greffe",
                "Parquet du Procureur du Roi de Liège",
                "Zone de police Liège - Service des auditions",
                "Bureau d'aide juridique de Liège",
            ],
            "subj": [
                "Citation à comparaître",
                "Convocation à une audition",
                "Désignation d'un avocat pro deo",
                "Notification d'un jugement",
            ],
            "body": [
                "Vous êtes cité à comparaître devant le tribunal correctionnel.",
                "Vous êtes convoqué en qualité de témoin au commissariat de police.",
                "Un avocat a été désigné dans le cadre de l'aide juridique.",
                "Le jugement rendu par le tribunal vous est notifié par le greffe.",
                "Un procès-verbal a été dressé à la suite de votre plainte.",
                "Vous pouvez consulter votre dossier au greffe du tribunal.",
                "Le juge de paix examinera votre requête lors de l'audience.",
                "Le ministère public requiert une peine de travail.",
            ],
        },
        "nld": {
            "inst": [
                "Rechtbank van eerste aanleg Antwerpen - Griffie",
                "Parket van de Procureur des Konings Gent",
                "Politiezone Leuven - Dienst verhoren",
                "Bureau voor Juridische Bijstand Brussel",
            ],
            "subj": [
                "Dagvaarding",
                "Oproeping voor verhoor",
                "Aanstelling van een pro-Deoadvocaat",
                "Kennisgeving van een vonnis",
            ],
            "body": [
                "U wordt gedagvaard om te verschijnen voor de correctionele rechtbank.",
                "U wordt opgeroepen als getuige op het politiecommissariaat.",
                "Er werd een advocaat aangesteld in het kader van de juridische bijstand.",
                "Het vonnis van de rechtbank wordt u door de griffie ter kennis gebracht.",
                "Er werd een proces-verbaal opgesteld naar aanleiding van uw klacht.",
                "U kunt uw dossier inkijken op de griffie van de rechtbank.",
                "De vrederechter onderzoekt uw verzoekschrift tijdens de zitting.",
                "Het openbaar ministerie vordert een werkstraf.",
            ],
        },
        "deu": {
            "inst": [
                "Gericht Erster Instanz Eupen - Kanzlei",
                "Staatsanwaltschaft Eupen",
                "Polizeizone Weser-Göhl - Vernehmungen",
                "Büro für juristischen Beistand Eupen",
            ],
            "subj": [
                "Ladung vor Gericht",
                "Vorladung zur Vernehmung",
                "Bestellung eines Pro-Deo-Anwalts",
                "Zustellung eines Urteils",
            ],
            "body": [
                "Sie werden geladen, vor dem Strafgericht zu erscheinen.",
                "Sie werden als Zeuge zur Polizeidienststelle vorgeladen.",
                "Im Rahmen des juristischen Beistands wurde Ihnen ein Rechtsanwalt zugewiesen.",
                "Das Urteil des Gerichts wird Ihnen durch die Kanzlei zugestellt.",
                "Nach Ihrer Anzeige wurde ein Protokoll erstellt.",
                "Sie können Ihre Akte in der Kanzlei des Gerichts einsehen.",
                "Der Friedensrichter prüft Ihren Antrag in der Sitzung.",
                "Die Staatsanwaltschaft beantragt eine Arbeitsstrafe.",
            ],
        },
        "eng": {
            "inst": [
                "Court of First Instance of Brussels - Registry",
                "Public Prosecutor's Office Brussels",
                "Police Zone Brussels North - Interviews",
                "Legal Aid Office of Brussels",
            ],
            "subj": [
                "Summons to appear",
                "Summons for a police interview",
                "Appointment of a legal aid lawyer",
                "Notification of a judgment",
            ],
            "body": [
                "You are summoned to appear before the criminal court.",
                "You are summoned as a witness to the police station.",
                "A lawyer has been appointed under legal aid.",
                "The judgment of the court is notified to you by the registry.",
                "A police report was drawn up following your complaint.",
                "You may consult your file at the court registry.",
                "The justice of the peace will examine your petition at the hearing.",
                "The public prosecutor requests community service.",
            ],
        },
    },
    "other": {
        "fra": {
            "inst": [
                "Bibliothèque des Chiroux",
                "Club de football de Sclessin",
                "Supermarché du Longdoz",
                "Paroisse Saint-Nicolas",
            ],
            "subj": [
                "Nouveautés du mois",
                "Fête de fin de saison",
                "Promotions de la semaine",
                "Concert de Noël",
            ],
            "body": [
                "Découvrez nos nouveaux romans et bandes dessinées au premier étage.",
                "Le match amical sera suivi d'un barbecue pour les familles.",
                "Cette semaine, les fruits de saison sont à moitié prix.",
                "La chorale vous invite à un concert dans l'église.",
                "Recette: faites revenir les oignons puis ajoutez les tomates et le basilic.",
                "Les horaires d'ouverture changent pendant les vacances.",
                "Venez nombreux encourager nos joueurs.",
                "Merci à tous les bénévoles pour leur aide précieuse.",
            ],
        },
        "nld": {
            "inst": [
                "Stadsbibliotheek Gent",
                "Voetbalclub Eendracht",
                "Supermarkt De Kring",
                "Parochie Sint-Jan",
            ],
            "subj": ["Nieuw in de bib", "Seizoensfeest", "Promoties van de week", "Kerstconcert"],
            "body": [
                "Ontdek onze nieuwe romans en strips op de eerste verdieping.",
                "Na de vriendschappelijke wedstrijd is er een barbecue voor de gezinnen.",
                "Deze week zijn de seizoensvruchten aan halve prijs.",
                "Het koor nodigt u uit voor een concert in de kerk.",
                "Recept: fruit de uien en voeg daarna de tomaten en basilicum toe.",
                "De openingsuren veranderen tijdens de vakantie.",
                "Kom met velen onze spelers aanmoedigen.",
                "Dank aan alle vrijwilligers voor hun hulp.",
            ],
        },
        "deu": {
            "inst": [
                "Stadtbibliothek Eupen",
                "Fußballverein Kelmis",
                "Supermarkt am Werthplatz",
                "Pfarrei Sankt Josef",
            ],
            "subj": [
                "Neu in der Bibliothek",
                "Saisonabschlussfest",
                "Angebote der Woche",
                "Weihnachtskonzert",
            ],
            "body": [
                "Entdecken Sie unsere neuen Romane und Comics im ersten Stock.",
                "Nach dem Freundschaftsspiel gibt es ein Grillfest für Familien.",
                "Diese Woche gibt es das Obst der Saison zum halben Preis.",
                "Der Chor lädt Sie zu einem Konzert in der Kirche ein.",
                "Rezept: Zwiebeln andünsten, dann Tomaten und Basilikum hinzufügen.",
                "Die Öffnungszeiten ändern sich während der Ferien.",
                "Kommen Sie zahlreich und feuern Sie unsere Spieler an.",
                "Danke an alle Freiwilligen für ihre Hilfe.",
            ],
        },
        "eng": {
            "inst": [
                "Brussels Public Library",
                "Royal Football Club Evere",
                "Corner Market Ixelles",
                "Saint Andrew's Church",
            ],
            "subj": [
                "New this month",
                "End of season party",
                "This week's offers",
                "Christmas concert",
            ],
            "body": [
                "Discover our new novels and comics on the first floor.",
                "The friendly match will be followed by a barbecue for families.",
                "This week, seasonal fruit is half price.",
                "The choir invites you to a concert in the church.",
                "Recipe: fry the onions, then add the tomatoes and basil.",
                "Opening hours change during the holidays.",
                "Come and cheer on our players.",
                "Thanks to all volunteers for their help.",
            ],
        },
    },
}

# Deadline sentences per kind and language; {date} is a formatted date, {n} a count.
DEADLINES: dict[str, dict[str, list[str]]] = {
    "appeal": {
        "fra": [
            "Vous pouvez introduire un recours contre cette décision jusqu'au {date}.",
            "Un recours est possible auprès du Conseil au plus tard le {date}.",
        ],
        "nld": [
            "U kunt tegen deze beslissing beroep instellen tot {date}.",
            "Een beroep is mogelijk uiterlijk op {date}.",
        ],
        "deu": [
            "Gegen diese Entscheidung können Sie bis zum {date} Widerspruch einlegen.",
            "Eine Berufung ist spätestens am {date} möglich.",
        ],
        "eng": [
            "You may lodge an appeal against this decision until {date}.",
            "An appeal can be filed no later than {date}.",
        ],
    },
    "payment": {
        "fra": [
            "Nous vous prions de payer ce montant avant le {date}.",
            "Le paiement doit nous parvenir au plus tard le {date}.",
        ],
        "nld": [
            "Gelieve dit bedrag te betalen vóór {date}.",
            "De betaling moet ons uiterlijk op {date} bereiken.",
        ],
        "deu": [
            "Bitte zahlen Sie diesen Betrag bis zum {date}.",
            "Die Zahlung muss spätestens am {date} eingehen.",
        ],
        "eng": [
            "Please pay this amount before {date}.",
            "Payment must reach us no later than {date}.",
        ],
    },
    "appointment": {
        "fra": [
            "Nous vous attendons le {wdate} à {time}.",
            "Votre rendez-vous est fixé au {wdate} à {time}.",
        ],
        "nld": [
            "Wij verwachten u op {wdate} om {time}.",
            "Uw afspraak is vastgelegd op {wdate} om {time}.",
        ],
        "deu": ["Wir erwarten Sie am {wdate} um {time}.", "Ihr Termin ist am {wdate} um {time}."],
        "eng": ["We expect you on {wdate} at {time}.", "Your appointment is on {wdate} at {time}."],
    },
    "expiry": {
        "fra": ["Ce document est valable jusqu'au {date}.", "Votre titre expire le {date}."],
        "nld": ["Dit document is geldig tot {date}.", "Uw kaart vervalt op {date}."],
        "deu": ["Dieses Dokument ist gültig bis {date}.", "Ihre Karte läuft am {date} ab."],
        "eng": ["This document is valid until {date}.", "Your card expires on {date}."],
    },
    "response": {
        "fra": [
            "Veuillez nous renvoyer le formulaire complété avant le {date}.",
            "Merci de nous faire parvenir les documents demandés au plus tard le {date}.",
        ],
        "nld": [
            "Gelieve het ingevulde formulier terug te sturen vóór {date}.",
            "Bezorg ons de gevraagde documenten uiterlijk op {date}.",
        ],
        "deu": [
            "Bitte senden Sie uns das ausgefüllte Formular bis zum {date} zurück.",
            "Reichen Sie die angeforderten Unterlagen spätestens am {date} ein.",
        ],
        "eng": [
            "Please return the completed form before {date}.",
            "Please send us the requested documents no later than {date}.",
        ],
    },
}

RELATIVE: dict[str, dict[str, list[str]]] = {
    "appeal": {
        "fra": [
            "Un recours peut être introduit dans les {n} jours de la notification de la présente."
        ],
        "nld": [
            "Tegen deze beslissing kan beroep worden ingesteld binnen {n} dagen na de kennisgeving."
        ],
        "deu": [
            "Gegen diesen Bescheid kann innerhalb von {n} Tagen nach Zustellung Widerspruch eingelegt werden."
        ],
        "eng": ["An appeal may be lodged within {n} days of this notification."],
    },
    "response": {
        "fra": ["Veuillez répondre dans les {n} jours de la date du présent courrier."],
        "nld": ["Gelieve te antwoorden binnen {n} dagen na de datum van deze brief."],
        "deu": ["Bitte antworten Sie innerhalb von {n} Tagen nach dem Datum dieses Schreibens."],
        "eng": ["Please reply within {n} days of the date of this letter."],
    },
}

GREETING = {
    "fra": ["Madame, Monsieur,", "Monsieur,", "Madame,"],
    "nld": ["Geachte mevrouw, geachte heer,", "Geachte heer,", "Beste,"],
    "deu": ["Sehr geehrte Damen und Herren,", "Sehr geehrter Herr,", "Sehr geehrte Frau,"],
    "eng": ["Dear Sir or Madam,", "Dear Sir,", "Dear Madam,"],
}
CLOSING = {
    "fra": [
        "Veuillez agréer nos salutations distinguées.",
        "Nous vous prions de croire à l'expression de nos sentiments les meilleurs.",
    ],
    "nld": ["Met vriendelijke groeten,", "Hoogachtend,"],
    "deu": ["Mit freundlichen Grüßen", "Hochachtungsvoll"],
    "eng": ["Yours faithfully,", "Kind regards,"],
}
CITIES = {
    "fra": ["Liège", "Namur", "Bruxelles", "Charleroi", "Verviers", "Mons"],
    "nld": ["Gent", "Antwerpen", "Leuven", "Brussel", "Hasselt", "Mechelen"],
    "deu": ["Eupen", "Sankt Vith", "Kelmis", "Bütgenbach", "Raeren", "Lontzen"],
    "eng": ["Brussels", "Brussels", "Brussels", "Brussels", "Brussels", "Brussels"],
}
NAMES = [
    "Amina Exemple",
    "Karim Voorbeeld",
    "Fatou Muster",
    "Yusuf Sample",
    "Leila Test",
    "Omar Fictif",
    "Sara Demo",
    "Ali Placeholder",
]
STREETS = [
    "Rue de la Station 12",
    "Stationsstraat 45",
    "Bahnhofstraße 8",
    "Church Street 3",
    "Rue Haute 101",
    "Kerkstraat 7",
]
