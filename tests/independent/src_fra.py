# ruff: noqa: E501  (letters keep their natural line breaks)
"""French letters (Wallonia and Brussels senders). Tokens are expanded by build_letters.py."""

LETTERS = [
    {
        "id": "fra-asylum-1",
        "category": "asylum",
        "date": "2026-12-02",
        "text": """ROYAUME DE BELGIQUE
Commissariat général aux réfugiés et aux apatrides
Rue Ernest Blerot 39 - 1070 Bruxelles

Bruxelles, le 2 décembre 2026

Votre dossier CGRA : {cgra:CG 2614523}
Réf. Office des étrangers : {oe:SP 9.876.543}

Monsieur Dawit TESFAYE
Centre d'accueil Croix-Rouge
Rue de Fragnée 12
4000 Liège

Objet : convocation à un entretien personnel

Monsieur,

Dans le cadre de votre demande de protection internationale, vous êtes convoqué à un entretien personnel au siège du Commissariat général le jeudi 14 janvier 2027 à 9h00.
Un interprète en langue tigrinya sera présent. Veuillez apporter tous les documents originaux qui peuvent appuyer votre récit (carte d'identité, actes, preuves de persécution) ainsi que la présente convocation.
Si vous ne pouvez pas vous présenter, vous devez en communiquer le motif par écrit au plus tard le 7 janvier 2027. Une absence non justifiée peut entraîner un refus de votre demande.
Votre avocat peut assister à l'entretien.

Veuillez agréer, Monsieur, l'expression de nos salutations distinguées.

L'officier de protection
C. Vandermeulen""",
        "deadlines": [("2027-01-14", "appointment"), ("2027-01-07", "response")],
    },
    {
        "id": "fra-asylum-2",
        "category": "asylum",
        "date": "2026-10-05",
        "text": """Commissariat général aux réfugiés et aux apatrides
WTC II - Boulevard du Roi Albert II 26A, 1000 Bruxelles

Pli recommandé
Bruxelles, le 05/10/2026

N° CG : {cgra:25/18734}
Madame Amina YOUSSOUF
née le 14/03/1994

DÉCISION : REFUS DU STATUT DE RÉFUGIÉ ET REFUS DU STATUT DE PROTECTION SUBSIDIAIRE

Madame,

Après examen de vos déclarations lors de l'entretien du 22 juillet 2026, le Commissaire général estime que vous n'avez pas établi l'existence, dans votre chef, d'une crainte fondée de persécution au sens de la Convention de Genève, ni d'un risque réel d'atteintes graves.
Les contradictions relevées quant à votre trajet et aux dates de votre détention empêchent de tenir vos faits pour établis.

Recours : un recours contre la présente décision peut être introduit auprès du Conseil du contentieux des étrangers, rue Gaucheret 92-94, 1030 Bruxelles, dans les trente jours de la notification de la décision. Ce recours est suspensif.

Le Commissaire général""",
        "deadlines": [("+30d", "appeal")],
    },
    {
        "id": "fra-residence-1",
        "category": "residence",
        "date": "2027-01-11",
        "text": """VILLE DE LIÈGE
Département de la Population - Service des Étrangers
Cité administrative, Potiérue 5, 4000 Liège

Liège, le 11 janvier 2027

N° national : {nrn:1988-09-23:187}
Madame Olena KOVALENKO
Rue Saint-Léonard 201/3
4000 Liège

Objet : échéance de votre titre de séjour (carte A)

Madame,

Votre carte A (séjour temporaire) arrive à échéance le 28 février 2027.
Afin de permettre le renouvellement de votre autorisation de séjour, nous vous prions de vous présenter à nos guichets, sur rendez-vous, avant le 15 février 2027, muni(e) de :
- votre carte actuelle ;
- votre passeport en cours de validité ;
- la preuve de vos moyens de subsistance (fiches de paie des trois derniers mois) ;
- une attestation de mutuelle.
Rendez-vous au 04 238 50 00 ou via le guichet en ligne.
Sans renouvellement, vous serez en séjour irrégulier après la date d'échéance.

Pour le Bourgmestre,
L'agent délégué""",
        "deadlines": [("2027-02-28", "expiry"), ("2027-02-15", "appointment")],
    },
    {
        "id": "fra-residence-2",
        "category": "residence",
        "date": "2026-11-16",
        "text": """SPF Intérieur
Office des Étrangers
Direction Accès et Séjour - Cellule 9ter
Boulevard Pachéco 44, 1000 Bruxelles

Bruxelles, le 16.11.2026
Dossier OE : {oe:8.412.337}

À Monsieur Giorgi BERIDZE
p.a. Me Lambert, avocat, Place du Marché 7, 4020 Liège

Objet : demande d'autorisation de séjour sur base de l'article 9ter - décision d'irrecevabilité

Monsieur,

Votre demande introduite le 3 juin 2026 sur la base de l'article 9ter de la loi du 15 décembre 1980 est déclarée irrecevable. Le médecin-conseiller constate que la maladie décrite dans le certificat médical type (diabète de type 2) ne présente pas de risque réel pour la vie ou l'intégrité physique, le traitement étant disponible et accessible dans le pays d'origine.
Vous trouverez ci-joint un ordre de quitter le territoire (annexe 13).
Un recours en annulation et en suspension peut être introduit au Conseil du Contentieux des Étrangers dans un délai de trente jours suivant la notification.

Pour le Secrétaire d'État à l'Asile et la Migration,
L'attaché""",
        "deadlines": [("+30d", "appeal")],
    },
    {
        "id": "fra-family-1",
        "category": "family",
        "date": "2026-09-28",
        "text": """Administration communale de Seraing
Service de l'État civil
Place Communale 8 - 4100 Seraing

Seraing, le 28 septembre 2026

Madame Fatoumata DIALLO
Monsieur Ibrahima BAH
Rue Cockerill 45, 4100 Seraing

Concerne : votre déclaration de mariage

Madame, Monsieur,

Nous accusons réception de votre demande de déclaration de mariage. Pour que l'acte de déclaration puisse être établi, il manque encore :
- la copie conforme de l'acte de naissance de Monsieur BAH, légalisée et traduite par un traducteur juré ;
- un certificat de célibat récent.
Merci de déposer ces documents au service avant le 30 octobre 2026. Vous êtes ensuite attendus tous les deux pour la signature de l'acte le mercredi 4 novembre 2026 à 14h.
La célébration du mariage peut avoir lieu au plus tôt 14 jours après l'établissement de l'acte.

L'Officier de l'État civil""",
        "deadlines": [("2026-10-30", "response"), ("2026-11-04", "appointment")],
    },
    {
        "id": "fra-family-2",
        "category": "family",
        "date": "2027-02-03",
        "text": """TRIBUNAL DE PREMIÈRE INSTANCE DE LIÈGE
Division Liège - Tribunal de la famille - 10e chambre
Rue Saint-Gilles 90c, 4000 Liège

Greffe - RG 27/0412/A

Le 3 février 2027

Madame Samira EL AMRANI
Avenue de l'Observatoire 88, 4000 Liège

CONVOCATION

Madame,

En application de l'article 1253ter/4 du Code judiciaire, vous êtes convoquée à l'audience du tribunal de la famille du mardi 9 mars 2027 à 10h30, salle 2.14, dans la cause qui vous oppose à Monsieur Karim BENALI concernant l'exercice de l'autorité parentale, l'hébergement des enfants Yanis et Lina et la contribution alimentaire.
Les parties comparaissent en personne ou représentées par un avocat. Les conclusions éventuelles doivent être déposées au greffe au plus tard le 23 février 2027.
Une chambre de règlement à l'amiable est à votre disposition.

Le greffier""",
        "deadlines": [("2027-03-09", "appointment"), ("2027-02-23", "response")],
    },
    {
        "id": "fra-housing-1",
        "category": "housing",
        "date": "2026-12-18",
        "text": """Jean-Pierre Dumont
Rue des Vennes 14
4020 Liège
Tél. 0475 12 34 56

Liège, le 18 décembre 2026

Recommandé
Monsieur Ahmad NAZARI
Rue des Vennes 14, 1er étage
4020 Liège

Objet : congé - bail de résidence principale du 1er juillet 2023

Monsieur,

Par la présente, je vous notifie mon congé pour occupation personnelle : mon fils va occuper l'appartement que vous louez.
Conformément à l'article 55 du décret wallon relatif au bail d'habitation, le préavis de six mois prend cours le premier jour du mois qui suit, soit le 1er janvier 2027, et le bail prendra fin le 30 juin 2027.
Je vous propose de fixer l'état des lieux de sortie le 30 juin 2027 à 10h. La garantie locative vous sera restituée après l'état des lieux.
Je reste à votre disposition pour toute question.

Salutations,

J.-P. Dumont""",
        "deadlines": [("2027-06-30", "expiry")],
    },
    {
        "id": "fra-housing-2",
        "category": "housing",
        "date": "2027-01-20",
        "text": """LA MAISON LIÉGEOISE scrl
Société de logement de service public
Rue Natalis 2, 4020 Liège - www.maisonliegeoise.example

Liège, le 20/01/2027
Candidat n° 2019-04471

Madame Rahima AKTER
Rue Hors-Château 61, 4000 Liège

Objet : actualisation annuelle de votre candidature à un logement social

Madame,

Votre candidature à un logement public est inscrite dans le registre commun depuis le 14 mars 2019. Comme chaque année, elle doit être actualisée.
Nous vous remercions de nous renvoyer le formulaire ci-joint, complété et signé, accompagné de l'avertissement-extrait de rôle le plus récent et de la composition de ménage, pour le 28 février 2027 au plus tard.
À défaut, votre candidature sera radiée et vous perdrez les points d'ancienneté acquis.

Le service Candidatures""",
        "deadlines": [("2027-02-28", "response")],
    },
    {
        "id": "fra-allowances-1",
        "category": "allowances",
        "date": "2026-11-09",
        "text": """CENTRE PUBLIC D'ACTION SOCIALE DE LIÈGE
Place Saint-Jacques 13 - 4000 Liège
Service Insertion - Antenne Nord

Liège, le 9 novembre 2026
Notre réf. : RIS/2026/11872

Monsieur Yusuf OSMAN
NN {nrn:1991-04-02:243}

Objet : notification de décision - revenu d'intégration

Monsieur,

Le Comité spécial du service social, en sa séance du 4 novembre 2026, a décidé de vous octroyer le revenu d'intégration au taux cohabitant à partir du 1er octobre 2026. Le montant sera versé chaque mois sur votre compte {iban:0630412288}.
Un projet individualisé d'intégration sociale sera signé avec votre assistante sociale, Mme Lejeune.
Vous pouvez introduire un recours contre cette décision auprès du tribunal du travail de Liège, dans les trois mois à compter de la notification.

Le Secrétaire,                     Le Président,""",
        "deadlines": [("+3m", "appeal")],
    },
    {
        "id": "fra-allowances-2",
        "category": "allowances",
        "date": "2026-09-14",
        "text": """FAMIWAL
Caisse publique d'allocations familiales
Rue de Namur 12, 5000 Namur

Namur, le 14 septembre 2026
Dossier : 0587-221-34

Madame Nadia HAMIDI
Rue du Laveu 20, 4000 Liège

Madame,

Pour continuer à verser les allocations familiales pour votre fille Aya (née le 2 février 2008), nous avons besoin d'une attestation de fréquentation scolaire pour l'année 2026-2027.
Faites-la compléter par l'école et renvoyez-la-nous avant le 31 octobre 2026. Sans ce document, le paiement sera suspendu à partir de novembre.
Le supplément social auquel vous avez droit continuera d'être versé pour vos deux autres enfants.

Vos allocations sont payées sur le compte {iban:0018412259}.

Cordialement,
Votre gestionnaire de dossier""",
        "deadlines": [("2026-10-31", "response")],
    },
    {
        "id": "fra-debt-1",
        "category": "debt",
        "date": "2026-11-23",
        "text": """Étude de Maître Philippe RENARD
Huissier de justice
Boulevard de la Sauvenière 130 - 4000 Liège
Compte tiers : {iban:3401234568}

Liège, le 23 novembre 2026
N/réf. : 26/08821/PR

Madame Leila MANSOURI
Rue Jonfosse 33, 4000 Liège

SOMMATION DE PAYER

Madame,

Agissant à la requête de la SA Habitat & Cie, en vertu d'un jugement du juge de paix du 2e canton de Liège, je vous somme de payer la somme de 1.842,37 EUR (principal, intérêts et frais).
Ce montant doit être versé avant le 10 décembre 2026 sur notre compte ci-dessus avec la communication structurée {ogm:2608821017}.
À défaut, je procéderai sans autre avis à la saisie-exécution mobilière de vos biens. Un plan de paiement peut être demandé par écrit.

Maître P. Renard""",
        "deadlines": [("2026-12-10", "payment")],
    },
    {
        "id": "fra-debt-2",
        "category": "debt",
        "date": "2027-01-07",
        "text": """CHU de Liège - Service Facturation Patients
Avenue de l'Hôpital 1, 4000 Liège

Le 07/01/2027

Monsieur Mamadou SOW
Rue Grétry 77, 4020 Liège

Deuxième rappel - facture n° 2026-1187433

Monsieur,

Sauf erreur de notre part, la facture relative à votre hospitalisation du 12 au 15 octobre 2026 (montant à votre charge : 387,60 EUR) reste impayée malgré notre premier rappel.
Nous vous prions de régler ce montant au plus tard le 22/01/2027 sur le compte {iban:0910221144} en mentionnant la communication {ogm:1187433202}.
Passé ce délai, le dossier sera transmis à notre bureau de recouvrement et des frais supplémentaires vous seront réclamés.
Si vous rencontrez des difficultés, contactez le service social de l'hôpital pour un plan d'apurement.

Service Facturation""",
        "deadlines": [("2027-01-22", "payment")],
    },
    {
        "id": "fra-employment-1",
        "category": "employment",
        "date": "2026-10-19",
        "text": """Le Forem
Direction régionale de Liège
Quai Banning 6 - 4000 Liège

Le 19 octobre 2026

Monsieur Abdullahi WARSAME
Rue Vivegnis 150, 4000 Liège

Objet : invitation - accompagnement de votre recherche d'emploi

Monsieur,

Vous êtes inscrit comme demandeur d'emploi. Votre conseillère référente, Mme Piron, vous invite à un entretien d'accompagnement le lundi 9 novembre 2026 à 13h15 au Quai Banning 6, bureau 204.
Cet entretien permettra de faire le point sur vos démarches, vos formations (cours de français langue étrangère, formation cariste) et votre plan d'action.
Merci d'apporter votre CV à jour et les preuves de vos candidatures.
En cas d'empêchement, prévenez-nous au 0800 93 947.

Le Forem""",
        "deadlines": [("2026-11-09", "appointment")],
    },
    {
        "id": "fra-employment-2",
        "category": "employment",
        "date": "2026-12-07",
        "text": """CPAS de Herstal
Service d'insertion socioprofessionnelle
Place Jean Jaurès 45, 4040 Herstal

Herstal, le 7 décembre 2026

Madame Mariam KONATÉ
Rue Large Voie 23, 4040 Herstal

Objet : mise à l'emploi article 60, §7

Madame,

Suite à votre entretien avec notre agent d'insertion, nous avons le plaisir de vous proposer un contrat de travail à durée déterminée dans le cadre de l'article 60, §7, comme aide-cuisinière au restaurant social « Le Bon Plat », à temps plein, à partir du 4 janvier 2027.
Vous êtes attendue pour la signature du contrat et la visite médicale d'embauche le mercredi 16 décembre 2026 à 10h.
Ce contrat vous permettra d'ouvrir le droit aux allocations de chômage. Votre revenu d'intégration prendra fin à la date de début du contrat.

L'agent d'insertion
T. Lemaire""",
        "deadlines": [("2026-12-16", "appointment"), ("2027-01-04", "other")],
    },
    {
        "id": "fra-health-1",
        "category": "health",
        "date": "2026-10-12",
        "text": """Solidaris - Mutualité socialiste de Liège
Rue Douffet 36, 4020 Liège

Liège, le 12 octobre 2026

N° d'inscription : {nrn:1979-12-30:162}
Monsieur Hamid RAHIMI
Rue Sainte-Marguerite 110, 4000 Liège

Objet : votre affiliation - intervention majorée

Monsieur,

Nous confirmons votre affiliation à notre mutualité à partir du 1er octobre 2026.
Vous pourriez bénéficier de l'intervention majorée, qui vous permet d'être mieux remboursé pour vos consultations chez le médecin, vos médicaments et une hospitalisation.
Pour que nous puissions examiner votre droit, renvoyez-nous la déclaration sur l'honneur ci-jointe ainsi que la preuve de vos revenus avant le 15 novembre 2026.
Pensez aussi à ouvrir un dossier médical global (DMG) chez votre médecin généraliste.

Votre conseiller mutualiste""",
        "deadlines": [("2026-11-15", "response")],
    },
    {
        "id": "fra-health-2",
        "category": "health",
        "date": "2026-12-14",
        "text": """CPAS de Liège - Cellule Aide Médicale Urgente
Rue de la Boverie 2, 4020 Liège

Le 14.12.2026

Monsieur Karim TOURÉ

Décision : aide médicale urgente

Monsieur,

Sur base de l'enquête sociale et du certificat médical de votre médecin du 8 décembre 2026, le CPAS prend en charge vos soins de santé au titre de l'aide médicale urgente.
Une carte médicale vous est délivrée ; elle est valable jusqu'au 31.03.2027 et désigne comme prestataires la maison médicale « La Passerelle » et la pharmacie Saint-Gilles.
Les consultations chez un spécialiste doivent être prescrites par votre médecin de la maison médicale.
Pour le renouvellement, présentez-vous à la permanence au moins deux semaines avant l'échéance.

L'assistante sociale""",
        "deadlines": [("2027-03-31", "expiry")],
    },
    {
        "id": "fra-schooling-1",
        "category": "schooling",
        "date": "2026-09-07",
        "text": """École communale de Sainte-Walburge
Rue Sainte-Walburge 200 - 4000 Liège
Direction : Mme I. Gérard

Liège, le 7 septembre 2026

Aux parents de Hevin KARIMI, classe DASPA

Objet : rentrée en classe DASPA et réunion des parents

Chers parents,

Votre enfant est inscrit dans notre dispositif d'accueil et de scolarisation des élèves primo-arrivants (DASPA). Il y apprendra le français avant de rejoindre une classe ordinaire.
Nous vous invitons à la réunion des parents le jeudi 24 septembre 2026 à 17h30 dans le réfectoire. Un interprète en kurde sera présent.
Merci également de nous rendre la fiche médicale et l'autorisation de photos pour le 18 septembre.
Le repas de midi coûte 3,20 EUR ; les modalités de paiement vous seront communiquées.

La directrice""",
        "deadlines": [("2026-09-24", "appointment"), ("2026-09-18", "response")],
    },
    {
        "id": "fra-schooling-2",
        "category": "schooling",
        "date": "2027-02-01",
        "text": """Athénée royal Liège Atlas
Rue Montagne Sainte-Walburge 4b, 4000 Liège
Économat : {iban:0682040755}

Le 1er février 2027

Aux parents de l'élève Salma BOUZID - 2e secondaire B

Objet : classes de neige - Morzine du 14 au 21 mars 2027

Madame, Monsieur,

Comme annoncé lors de la réunion de rentrée, les élèves de 2e année partent en classes de neige.
Le prix du séjour s'élève à 420 EUR. Un acompte de 150 EUR doit être versé pour le 15 février 2027 au plus tard, le solde avant le 5 mars 2027, sur le compte de l'économat avec la communication {ogm:2702150034}.
Des facilités de paiement sont possibles : contactez discrètement l'éducatrice, Mme Colson. Le CPAS peut aussi intervenir.
Le talon d'inscription est à rendre au titulaire.

Le Préfet""",
        "deadlines": [("2027-02-15", "payment"), ("2027-03-05", "payment")],
    },
    {
        "id": "fra-justice-1",
        "category": "justice",
        "date": "2026-10-26",
        "text": """Parquet du Procureur du Roi de Liège
Section Roulage
Place Saint-Lambert 16, 4000 Liège

Liège, le 26/10/2026
Notice : LI.43.L3.114532/26

Monsieur Jamal OUEDRAOGO
Rue Ernest Solvay 9, 4000 Liège

CITATION À COMPARAÎTRE DEVANT LE TRIBUNAL DE POLICE

Monsieur,

Il vous est reproché d'avoir, le 3 août 2026 à Liège, conduit un véhicule à moteur sans être titulaire du permis de conduire requis et sans assurance en responsabilité civile.
Vous êtes cité à comparaître à l'audience du tribunal de police de Liège, division Liège, le vendredi 11 décembre 2026 à 9 heures, salle C.
Vous pouvez vous faire assister d'un avocat. Si vous n'avez pas les moyens, adressez-vous au bureau d'aide juridique.
En cas de défaut, un jugement pourra être rendu en votre absence.

Pour le Procureur du Roi""",
        "deadlines": [("2026-12-11", "appointment")],
    },
    {
        "id": "fra-justice-2",
        "category": "justice",
        "date": "2026-11-30",
        "text": """Ordre des Avocats du Barreau de Liège-Huy
Bureau d'Aide Juridique
Rue du Palais 64, 4000 Liège

Le 30 novembre 2026
Dossier BAJ : 2026/L/07712

Madame Blessing OKAFOR
Quai de Rome 5, 4000 Liège

Madame,

Le Bureau d'aide juridique vous a désigné Maître Sophie HENRARD comme avocate dans le cadre de l'aide juridique de deuxième ligne, pour votre défense devant le tribunal correctionnel.
La gratuité vous est accordée provisoirement. Pour qu'elle devienne définitive, vous devez fournir dans les quinze jours de la présente une preuve de vos revenus (attestation CPAS ou fiches de paie).
Prenez contact rapidement avec votre avocate : rue Louvrex 41, 4000 Liège, tél. 04 222 33 44.

Le Président du Bureau d'Aide Juridique""",
        "deadlines": [("+15d", "response")],
    },
    {
        "id": "fra-other-1",
        "category": "other",
        "date": None,
        "received": "2026-11-02",
        "text": """SUPER DISCOUNT ROCOURT
Chaussée de Tongres 269, 4000 Rocourt

Chère cliente, cher client,

Cette semaine, profitez de nos PROMOS FOLLES !
- Café moulu 500 g : 2 + 1 gratuit
- Lessive liquide 40 lavages : -50 % sur la 2e
- Poulet entier fermier : 4,99 EUR/kg
- Clémentines 2 kg : 2,49 EUR

Avec votre carte fidélité, cumulez des points et recevez un bon de 5 EUR tous les 500 points !
Nouveau : notre rayon halal et notre coin épicerie du monde, avec riz basmati, semoule, épices et pâtes africaines.
Ouvert du lundi au samedi de 8h à 20h, le dimanche de 9h à 13h. Parking gratuit.

À très bientôt dans votre magasin !
Votre équipe Super Discount""",
        "deadlines": [],
    },
    {
        "id": "fra-other-2",
        "category": "other",
        "date": None,
        "received": "2026-10-15",
        "text": """Atelier cuisine du quartier Saint-Léonard
Fiche recette n° 12

BOULETS À LA LIÉGEOISE (pour 4 personnes)

Ingrédients :
- 500 g de haché porc et veau (ou bœuf pour une version sans porc)
- 1 œuf, 50 g de chapelure, 1 oignon
- 2 oignons pour la sauce, 30 g de beurre
- 3 cuillères de sirop de Liège, 1 cuillère de cassonade
- 25 cl de bouillon, un peu de vinaigre, thym et laurier

Préparation :
1. Mélangez la viande, l'œuf, la chapelure et l'oignon haché. Formez 8 boulets.
2. Faites-les dorer dans le beurre puis réservez.
3. Faites fondre les oignons émincés, ajoutez le sirop, la cassonade, le vinaigre et le bouillon.
4. Remettez les boulets et laissez mijoter 30 minutes à feu doux.

Servir avec des frites et une salade. Bon appétit !
Prochain atelier : soupe aux lentilles.""",
        "deadlines": [],
    },
]
