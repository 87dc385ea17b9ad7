# ruff: noqa: E501  (letters keep their natural line breaks)
"""German letters (German-speaking Community: Eupen, St. Vith; federal bodies writing in German).
Tokens are expanded by build_letters.py."""

LETTERS = [
    {
        "id": "deu-asylum-1",
        "category": "asylum",
        "date": "2026-11-10",
        "text": """Generalkommissariat für Flüchtlinge und Staatenlose (GKFS)
Rue Ernest Blerot 39, 1070 Brüssel

Brüssel, den 10. November 2026

Ihr Aktenzeichen GKFS: {cgra:CG 2603377}
Aktenzeichen Ausländeramt: {oe:9.554.102}

Herrn Rustam NAZAROV
Aufnahmezentrum des Roten Kreuzes
Hütte 79, 4700 Eupen

Betreff: Vorladung zur persönlichen Anhörung

Sehr geehrter Herr Nazarov,

im Rahmen Ihres Antrags auf internationalen Schutz werden Sie hiermit zu einer persönlichen Anhörung geladen, und zwar am Mittwoch, dem 9. Dezember 2026, um 9:30 Uhr, am Sitz des Generalkommissariats.
Ein Dolmetscher für die russische Sprache wird anwesend sein. Bringen Sie alle Dokumente mit, die Ihre Identität und Ihre Fluchtgründe belegen.
Sollten Sie verhindert sein, teilen Sie uns dies bitte spätestens am 2. Dezember 2026 schriftlich mit und belegen Sie den Grund.
Ihr Rechtsanwalt kann Sie begleiten.

Mit freundlichen Grüßen

Der Schutzbeauftragte""",
        "deadlines": [("2026-12-09", "appointment"), ("2026-12-02", "response")],
    },
    {
        "id": "deu-asylum-2",
        "category": "asylum",
        "date": "2027-01-18",
        "text": """Rat für Ausländerstreitsachen
Rue Gaucheret 92-94, 1030 Brüssel

Brüssel, 18.01.2027
Rolle Nr. 301 455 / V
Aktenzeichen GKFS: {cgra:25/20981}

An Frau Lamar HADDAD
z. H. Rechtsanwältin Mag. Schröder, Klosterstraße 12, 4700 Eupen

LADUNG ZUR SITZUNG

Sehr geehrte Frau Haddad,

in der Sache betreffend Ihre Beschwerde gegen die Entscheidung des Generalkommissars für Flüchtlinge und Staatenlose vom 4. November 2026 (Verweigerung der Flüchtlingseigenschaft und des subsidiären Schutzstatus) werden Sie zur Sitzung am Dienstag, dem 23. Februar 2027, um 9:00 Uhr, Saal C, geladen.
Sie können bis spätestens 8 Tage vor der Sitzung einen ergänzenden Schriftsatz einreichen.
Die Verhandlung findet auf Französisch statt; ein Dolmetscher wird bei Bedarf gestellt.

Der Greffier""",
        "deadlines": [("2027-02-23", "appointment"), ("2027-02-15", "response", True)],
    },
    {
        "id": "deu-residence-1",
        "category": "residence",
        "date": "2026-10-15",
        "text": """STADT EUPEN
Bevölkerungsdienst - Ausländerdienst
Am Stadthaus 1, 4700 Eupen

Eupen, den 15.10.2026

Frau Zeynep YILMAZ
Herbesthaler Straße 40, 4700 Eupen
Nationalregisternummer: {nrn:1983-02-11:276}

Betreff: Ablauf Ihrer Aufenthaltskarte

Sehr geehrte Frau Yilmaz,

Ihre Aufenthaltskarte für Familienangehörige eines Unionsbürgers (F-Karte) läuft am 30.11.2026 ab.
Bitte vereinbaren Sie bis zum 13. November 2026 einen Termin beim Ausländerdienst, damit wir die Verlängerung einleiten können.
Bringen Sie Ihren gültigen Reisepass, ein Passfoto und den Nachweis einer Krankenversicherung mit. Die Gebühr beträgt 25 Euro.
Nach Ablauf der Karte halten Sie sich ohne gültiges Aufenthaltsdokument im Land auf.

Mit freundlichen Grüßen
Für den Bürgermeister
Die Beamtin des Bevölkerungsdienstes""",
        "deadlines": [("2026-11-30", "expiry"), ("2026-11-13", "response")],
    },
    {
        "id": "deu-residence-2",
        "category": "residence",
        "date": "2026-09-24",
        "text": """FÖD Inneres - Ausländeramt
Pachecolaan 44, 1000 Brüssel

Brüssel, den 24. September 2026
Akte: {oe:7.330.815}

Herrn Mehmet DEMIR
Neustraße 71, 4700 Eupen

Betreff: Anweisung zum Verlassen des Staatsgebiets (Anlage 13septies)

Herr Demir,

nach Prüfung Ihrer Akte wird festgestellt, dass Sie sich ohne gültiges Visum oder Aufenthaltsrecht im Königreich aufhalten. Ihr Antrag auf Aufenthaltserlaubnis als Student wurde abgelehnt.
Sie werden angewiesen, das Staatsgebiet innerhalb von 30 Tagen ab der Notifizierung zu verlassen.
Gegen diesen Beschluss kann binnen dreißig Tagen ab der Notifizierung beim Rat für Ausländerstreitsachen eine Nichtigkeitsbeschwerde eingereicht werden.
Für Informationen über die freiwillige Rückkehr wenden Sie sich an Fedasil oder an die Gemeinde.

Für den Staatssekretär für Asyl und Migration""",
        "deadlines": [("+30d", "appeal")],
    },
    {
        "id": "deu-family-1",
        "category": "family",
        "date": "2027-02-10",
        "text": """Gemeinde Sankt Vith
Standesamt
Rathausplatz 1, 4780 Sankt Vith

Sankt Vith, den 10. Februar 2027

Herrn Ilir BERISHA und Frau Anna SCHMITZ
Hauptstraße 55, 4780 Sankt Vith

Betreff: Eheschließung - Erklärung

Sehr geehrte Frau Schmitz, sehr geehrter Herr Berisha,

wir haben Ihre Unterlagen für die Eheschließung erhalten. Es fehlt noch die beglaubigte Übersetzung der Geburtsurkunde von Herrn Berisha aus dem Albanischen.
Reichen Sie diese bitte bis zum 5. März 2027 beim Standesamt ein.
Die Eheerklärung unterschreiben Sie beide persönlich am Freitag, dem 12. März 2027, um 11 Uhr.
Die Trauung kann frühestens vierzehn Tage danach stattfinden. Bitte nennen Sie uns bis dahin auch Ihre beiden Trauzeugen.

Mit freundlichen Grüßen
Der Standesbeamte""",
        "deadlines": [("2027-03-05", "response"), ("2027-03-12", "appointment")],
    },
    {
        "id": "deu-family-2",
        "category": "family",
        "date": "2026-11-20",
        "text": """Gericht Erster Instanz Eupen
Familienkammer
Aachener Straße 62, 4700 Eupen

Eupen, den 20.11.2026
Geschäftszeichen: FAM 26/311

Frau Khadija BOUAZZA
Bergstraße 7, 4700 Eupen

LADUNG

Sehr geehrte Frau Bouazza,

in dem von Herrn Youssef Amrani eingeleiteten Verfahren betreffend die Ausübung der elterlichen Autorität und das Umgangsrecht für das Kind Adam werden Sie zur Sitzung des Familiengerichts am Donnerstag, dem 14. Januar 2027, um 14:00 Uhr geladen.
Sie können sich von einem Rechtsanwalt vertreten lassen. Der Dienst für Rechtshilfe berät Sie kostenlos.
Ihre Schlussanträge sind spätestens am 7. Januar 2027 bei der Kanzlei zu hinterlegen.

Der Greffier""",
        "deadlines": [("2027-01-14", "appointment"), ("2027-01-07", "response")],
    },
    {
        "id": "deu-housing-1",
        "category": "housing",
        "date": "2027-03-03",
        "text": """Immobilien Kessler GmbH
Hausverwaltung
Gospertstraße 25, 4700 Eupen
Konto: {iban:7320123451}

Eupen, 03.03.2027

Herrn Sergei IVANOV
Gospertstraße 25, Wohnung 4, 4700 Eupen

Betreff: Nebenkostenabrechnung 2026 und Indexierung der Miete

Sehr geehrter Herr Ivanov,

anbei erhalten Sie die Nebenkostenabrechnung für das Jahr 2026. Nach Abzug Ihrer Vorauszahlungen ergibt sich eine Nachzahlung von 143,20 Euro. Bitte überweisen Sie diesen Betrag bis zum 31. März 2027 auf das oben genannte Konto.
Gemäß Ihrem Mietvertrag wird die Miete zum Jahrestag, dem 1. April 2027, an den Gesundheitsindex angepasst: die neue Monatsmiete beträgt 712,40 Euro statt 694,00 Euro.
Bei Fragen erreichen Sie uns dienstags und donnerstags von 9 bis 12 Uhr.

Mit freundlichen Grüßen
Ihre Hausverwaltung""",
        "deadlines": [("2027-03-31", "payment")],
    },
    {
        "id": "deu-housing-2",
        "category": "housing",
        "date": "2026-10-06",
        "text": """Öffentlicher Wohnungsbau Ostbelgien (ÖWO)
Vermietungsdienst
Schilsweg 12, 4700 Eupen

Eupen, den 6. Oktober 2026
Bewerber-Nr. 1877

Frau Farida NASIRI
Aachener Straße 190, 4700 Eupen

Betreff: Angebot einer Sozialwohnung

Sehr geehrte Frau Nasiri,

wir freuen uns, Ihnen eine Dreizimmerwohnung im Wohnpark Unterstadt anbieten zu können (Monatsmiete nach Einkommen, ca. 420 Euro).
Eine Besichtigung ist am Dienstag, dem 13. Oktober 2026, um 16 Uhr vorgesehen.
Bitte teilen Sie uns innerhalb von acht Tagen nach Erhalt dieses Schreibens mit, ob Sie das Angebot annehmen. Eine unbegründete Ablehnung führt zur Streichung aus dem Bewerberregister.

Mit freundlichen Grüßen
Der Vermietungsdienst""",
        "deadlines": [("2026-10-13", "appointment"), ("+8d", "response")],
    },
    {
        "id": "deu-allowances-1",
        "category": "allowances",
        "date": "2026-12-10",
        "text": """Öffentliches Sozialhilfezentrum (ÖSHZ) Eupen
Sozialdienst
Hillstraße 5, 4700 Eupen

Eupen, den 10.12.2026
Unser Zeichen: EE/26/0472

Herrn Abdul Rahman SAIDI
Nationalregisternummer: {nrn:1996-05-30:059}

Betreff: Beschluss Eingliederungseinkommen

Sehr geehrter Herr Saidi,

der Sonderausschuss für den Sozialdienst hat in seiner Sitzung vom 7. Dezember 2026 beschlossen, Ihnen ab dem 1. Dezember 2026 das Eingliederungseinkommen in der Kategorie „Person mit Familienlast" zu gewähren.
Die Zahlung erfolgt monatlich auf Ihr Konto {iban:0015566771}.
Sie verpflichten sich, mit Ihrer Sozialarbeiterin ein individualisiertes Projekt zur sozialen Eingliederung zu erstellen.
Gegen diesen Beschluss können Sie innerhalb von drei Monaten nach der Notifizierung Einspruch beim Arbeitsgericht Eupen einlegen.

Der Präsident                 Die Generaldirektorin""",
        "deadlines": [("+3m", "appeal")],
    },
    {
        "id": "deu-allowances-2",
        "category": "allowances",
        "date": "2027-01-25",
        "text": """Ministerium der Deutschsprachigen Gemeinschaft
Fachbereich Familie - Familienleistungen
Gospertstraße 1, 4700 Eupen

Eupen, den 25. Januar 2027
Akte Kindergeld: FL-2026-1145

Frau Leyla KARIMI
Kirchstraße 3, 4730 Raeren

Betreff: Antrag auf Familienleistungen - fehlende Unterlagen

Sehr geehrte Frau Karimi,

wir haben Ihren Antrag auf Kindergeld für Ihre Kinder Omid und Sara erhalten. Um Ihren Anspruch festzustellen, benötigen wir noch:
- eine Schulbescheinigung für Omid,
- den Nachweis Ihres Wohnsitzes in der Deutschsprachigen Gemeinschaft,
- Ihre Kontonummer mit einer Bankbescheinigung.
Bitte senden Sie diese Unterlagen bis zum 26. Februar 2027 zurück.
Ohne diese Unterlagen können wir das Kindergeld und den Sozialzuschlag nicht auszahlen.

Mit freundlichen Grüßen
Ihr Sachbearbeiter""",
        "deadlines": [("2027-02-26", "response")],
    },
    {
        "id": "deu-debt-1",
        "category": "debt",
        "date": "2026-12-28",
        "text": """Gerichtsvollzieherbüro Mreyen & Lenz
Gerichtsvollzieher
Bahnhofstraße 18, 4780 Sankt Vith
Anderkonto: {iban:0017788997}

Sankt Vith, den 28.12.2026
Akte: GV-26-3391

Frau Mirela POPESCU
Malmedyer Straße 9, 4780 Sankt Vith

ZAHLUNGSBEFEHL

Frau Popescu,

aufgrund des vollstreckbaren Urteils des Friedensgerichts Sankt Vith vom 3. November 2026 schulden Sie der Autohaus Weber AG den Betrag von 2.317,45 Euro (Hauptsumme, Zinsen und Kosten).
Wir fordern Sie auf, diesen Betrag bis spätestens 11. Januar 2027 unter Angabe der strukturierten Mitteilung {ogm:2603391044} zu überweisen.
Andernfalls wird am 18. Januar 2027 die Pfändung Ihrer beweglichen Güter vorgenommen.
Eine Ratenzahlung ist nur nach schriftlicher Vereinbarung möglich.

Der Gerichtsvollzieher""",
        "deadlines": [("2027-01-11", "payment"), ("2027-01-18", "other")],
    },
    {
        "id": "deu-debt-2",
        "category": "debt",
        "date": "2026-10-20",
        "text": """OstEnergie AG
Kundenservice
Industriestraße 4, 4700 Eupen
IBAN {iban:0910044433}

Eupen, 20.10.2026
Kundennummer: 40081123

Herrn Hassan JABER
Bergkapellstraße 14, 4700 Eupen

Letzte Mahnung vor Übergabe an ein Inkassobüro

Sehr geehrter Herr Jaber,

trotz unserer Zahlungserinnerung vom 22. September 2026 ist die Zwischenrechnung Strom und Gas für Juli bis September 2026 über 298,70 Euro weiterhin offen.
Bitte begleichen Sie den offenen Betrag zuzüglich 15 Euro Mahngebühren bis zum 4. November 2026 mit der Mitteilung {ogm:4008112302}.
Erfolgt bis dahin kein Zahlungseingang, übergeben wir die Forderung an ein Inkassobüro und beantragen die Installation eines Budgetzählers.
Bei Zahlungsschwierigkeiten können Sie einen Ratenplan mit uns vereinbaren.

Ihr Kundenservice""",
        "deadlines": [("2026-11-04", "payment")],
    },
    {
        "id": "deu-employment-1",
        "category": "employment",
        "date": "2026-11-02",
        "text": """Arbeitsamt der Deutschsprachigen Gemeinschaft (ADG)
Vennbahnstraße 4/2, 4780 Sankt Vith

Sankt Vith, den 2. November 2026

Herrn Omar KHALIL
Klosterstraße 22, 4780 Sankt Vith

Einladung zum Beratungsgespräch

Sehr geehrter Herr Khalil,

Sie sind seit dem 1. Oktober als Arbeitsuchender eingetragen. Wir laden Sie zu einem ersten Beratungsgespräch mit Ihrem Berater, Herrn Thommessen, ein:
Montag, 16. November 2026, 10:00 Uhr, ADG-Dienststelle Sankt Vith.
Gemeinsam besprechen wir Ihre Berufserfahrung als Schweißer, die Anerkennung Ihrer Diplome und einen Deutschkurs.
Bringen Sie bitte Ihren Lebenslauf und Ihre Zeugnisse mit.
Wenn Sie den Termin nicht wahrnehmen können, melden Sie sich bitte vorher unter 080 28 00 60.

Mit freundlichen Grüßen
Ihr ADG""",
        "deadlines": [("2026-11-16", "appointment")],
    },
    {
        "id": "deu-employment-2",
        "category": "employment",
        "date": "2027-02-17",
        "text": """Bäckerei Kohnen & Söhne PGmbH
Marktplatz 6, 4700 Eupen

Eupen, 17. Februar 2027

Frau Saba TEKLE
Heidberg 31, 4700 Eupen

Betreff: Ihr Arbeitsvertrag als Verkäuferin

Sehr geehrte Frau Tekle,

wir freuen uns, Sie ab dem 1. März 2027 als Verkäuferin in Teilzeit (24 Stunden pro Woche) einzustellen. Der befristete Arbeitsvertrag läuft bis zum 31. August 2027.
Bitte kommen Sie am 24. Februar 2027 um 14 Uhr in unser Büro, um den Vertrag zu unterschreiben. Bringen Sie Ihre Aufenthaltskarte, Ihre Bankverbindung und das Formular C4 Ihres letzten Arbeitgebers mit.
Ihr Bruttostundenlohn beträgt 14,60 Euro.

Mit freundlichen Grüßen
Martin Kohnen, Geschäftsführer""",
        "deadlines": [
            ("2027-02-24", "appointment"),
            ("2027-03-01", "other"),
            ("2027-08-31", "expiry"),
        ],
    },
    {
        "id": "deu-health-1",
        "category": "health",
        "date": "2026-09-16",
        "text": """St. Nikolaus-Hospital Eupen
Kardiologie
Hufengasse 4-8, 4700 Eupen

16.09.2026

Herr Ali REZAEI, geb. 12.04.1975

Terminbestätigung

Belastungs-EKG: Dienstag, 06.10.2026, 8:45 Uhr, Empfang Kardiologie, 1. Etage.
Bequeme Kleidung und Turnschuhe mitbringen. Betablocker bitte zwei Tage vorher absetzen, nur nach Rücksprache mit Ihrem Hausarzt.
Bitte bringen Sie Ihre Versichertenkarte, die Überweisung Ihres Hausarztes und Ihre Medikamentenliste mit.
Absage bitte mindestens 24 Stunden vorher: 087 59 93 11.

Sekretariat Kardiologie""",
        "deadlines": [("2026-10-06", "appointment")],
    },
    {
        "id": "deu-health-2",
        "category": "health",
        "date": "2026-11-26",
        "text": """Christliche Krankenkasse - Ostbelgien
Klosterstraße 74, 4700 Eupen

Eupen, den 26. November 2026
Mitgliedsnummer: {nrnp:1987-10-03:418}

Frau Aylin ÖZTÜRK
Bergkapellstraße 2, 4700 Eupen

Betreff: Ihre Arbeitsunfähigkeit - Untersuchung durch den Vertrauensarzt

Sehr geehrte Frau Öztürk,

Sie haben uns Ihre Arbeitsunfähigkeit seit dem 2. November 2026 gemeldet. Der Vertrauensarzt unserer Krankenkasse möchte Ihren Gesundheitszustand untersuchen.
Wir bitten Sie, sich am Montag, dem 7. Dezember 2026, um 9:20 Uhr in unserer Geschäftsstelle einzufinden. Bringen Sie Ihre medizinischen Berichte, Röntgenbilder und Ihre Medikamentenliste mit.
Erscheinen Sie ohne triftigen Grund nicht, kann die Anerkennung Ihrer Arbeitsunfähigkeit beendet werden.

Mit freundlichen Grüßen
Der medizinische Dienst""",
        "deadlines": [("2026-12-07", "appointment")],
    },
    {
        "id": "deu-schooling-1",
        "category": "schooling",
        "date": "2026-09-09",
        "text": """Gemeindeschule Kettenis
Aachener Straße 250, 4701 Kettenis

Kettenis, 9. September 2026

Liebe Eltern der Klasse 3b,

willkommen im neuen Schuljahr! Besonders begrüßen wir Noor und Elias, die neu in unsere Klasse gekommen sind. Für Kinder, die noch wenig Deutsch sprechen, bieten wir zweimal pro Woche einen Sprachförderkurs an.
Der Elternabend findet am Donnerstag, dem 24. September 2026, um 19:30 Uhr im Klassenraum statt. Wir stellen den Stundenplan, die Schwimmstunden und die Klassenfahrt vor.
Bitte geben Sie den Abschnitt unten mit der Unterschrift bis zum 18. September zurück.

Herzliche Grüße
Frau Hilgers, Klassenlehrerin""",
        "deadlines": [("2026-09-24", "appointment"), ("2026-09-18", "response")],
    },
    {
        "id": "deu-schooling-2",
        "category": "schooling",
        "date": "2027-01-12",
        "text": """Robert-Schuman-Institut Eupen
Sekundarschule
Monschauer Straße 30, 4700 Eupen
Schulkonto: {iban:0913378866}

Eupen, den 12.01.2027

An die Erziehungsberechtigten von Nasrin HOSSAINI, Klasse 4A

Betreff: Studienfahrt nach Berlin

Sehr geehrte Eltern,

vom 19. bis 23. April 2027 fährt die vierte Jahrgangsstufe nach Berlin. Die Kosten betragen 365 Euro (Bus, Unterkunft, Eintritte).
Die Anmeldung erfolgt durch Überweisung einer Anzahlung von 100 Euro bis zum 5. Februar 2027 mit der Mitteilung {ogm:2701120040}; der Restbetrag ist bis zum 19. März 2027 fällig.
Familien, die die Kosten nicht tragen können, wenden sich vertraulich an das Sekretariat: eine Unterstützung durch den Förderverein ist möglich.

Mit freundlichen Grüßen
Die Schulleitung""",
        "deadlines": [("2027-02-05", "payment"), ("2027-03-19", "payment")],
    },
    {
        "id": "deu-justice-1",
        "category": "justice",
        "date": "2026-10-30",
        "text": """Staatsanwaltschaft Eupen
Rathausplatz 1, 4700 Eupen

Eupen, den 30.10.2026
Notiz: EU.11.L1.2289/26

Herrn Bekim GASHI
Paveestraße 12, 4700 Eupen

Vorladung zur Vernehmung

Herr Gashi,

im Rahmen eines Ermittlungsverfahrens wegen Diebstahls in einem Supermarkt am 12. Oktober 2026 werden Sie aufgefordert, sich am Dienstag, dem 17. November 2026, um 10:00 Uhr bei der Polizeizone Weser-Göhl, Herbesthaler Straße 1, 4700 Eupen, zur Vernehmung einzufinden.
Sie haben das Recht, vor der Vernehmung vertraulich mit einem Rechtsanwalt zu sprechen, und das Recht auf einen Dolmetscher.
Bringen Sie diese Vorladung und ein Ausweisdokument mit.

Im Auftrag des Prokurators des Königs""",
        "deadlines": [("2026-11-17", "appointment")],
    },
    {
        "id": "deu-justice-2",
        "category": "justice",
        "date": "2027-02-24",
        "text": """Rechtsanwaltskanzlei Dr. Heinen
Kirchstraße 15, 4700 Eupen

Eupen, 24.02.2027

Frau Nadia BENSALEM

Betreff: Ihr Strafverfahren - Berufung

Sehr geehrte Frau Bensalem,

das Korrektionalgericht Eupen hat Sie am 22. Februar 2027 zu einer Geldbuße von 800 Euro verurteilt.
Gegen dieses Urteil kann innerhalb von 30 Tagen nach der Verkündung Berufung eingelegt werden, also bis zum 24. März 2027.
Damit ich die Berufung rechtzeitig vorbereiten kann, bitte ich Sie, mich spätestens am 3. März 2027 in meiner Kanzlei aufzusuchen. Bringen Sie den Beschluss des Büros für juristischen Beistand über die Kostenfreiheit mit.

Mit freundlichen Grüßen
Dr. M. Heinen, Rechtsanwältin""",
        "deadlines": [("2027-03-24", "appeal"), ("2027-03-03", "appointment")],
    },
    {
        "id": "deu-other-1",
        "category": "other",
        "date": None,
        "received": "2026-09-01",
        "text": """Tischtennisclub TTC Walhorn VoG
Vereinsheim: Walhorner Dorfplatz 3, 4711 Walhorn

Walhorn, im September 2026

Liebe Mitglieder, liebe Freunde des Tischtennis,

die Sommerpause ist vorbei! Ab sofort wird wieder trainiert: Jugend dienstags und freitags ab 17 Uhr, Erwachsene mittwochs ab 19:30 Uhr.
Unser Verein freut sich über neue Spielerinnen und Spieler jeden Alters und jeder Herkunft - Schläger können ausgeliehen werden, das erste Schnuppertraining ist kostenlos.
Beim Vereinsturnier im Herbst winken Pokale und ein großes Kuchenbuffet. Wer backen möchte, meldet sich bei Marianne.
Wir danken der Gemeinde Lontzen für die neuen Tische.

Sportliche Grüße
Der Vorstand""",
        "deadlines": [],
    },
    {
        "id": "deu-other-2",
        "category": "other",
        "date": None,
        "received": "2026-10-01",
        "text": """Volksbank Ostbelgien (Beispielbank)
Kundenservice Privatkunden
Marktplatz 1, 4700 Eupen

Eupen, im Oktober 2026

Sehr geehrte Kundin, sehr geehrter Kunde,

jetzt ist der richtige Moment, an morgen zu denken! Mit unserem neuen Sparkonto „Zukunft Plus" erhalten Sie 2,10 % Basiszins und eine Treueprämie von 0,50 % auf jeden Betrag, der zwölf Monate auf dem Konto bleibt.
Eröffnen Sie Ihr Konto bequem in unserer App oder in einer unserer Filialen in Eupen, Kelmis und Sankt Vith - ohne Kontoführungsgebühren.
Als Willkommensgeschenk erhalten Sie einen Gutschein über 20 Euro für ein Geschäft Ihrer Wahl in Ostbelgien.
Unsere Berater sind gern für Sie da.

Mit freundlichen Grüßen
Ihr Team Privatkunden""",
        "deadlines": [],
    },
]
