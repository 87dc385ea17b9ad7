"""What receipts, withdrawal receipts and access letters say, one table per language.

Why one module of plain tables: the person reads these words (in their language, then French,
the language of the association and of Belgian administrations). Keeping every sentence here,
keyed, makes them easy to check by a translator and to move into the project's gettext
catalogues later. fr, nl, de, en and ar are complete (a test checks every key); the languages
whose notice is still a draft (fa, ps, ti, es, tr, sq) fall back to French, which an
interpreter reads with the person. No English jargon: the French text says
"responsable du traitement" once, with the plain words beside it.
"""

from __future__ import annotations

FALLBACK = "fr"

# Belgian supervisory authority (Art. 77 GDPR): one address, the same in every language.
APD_CONTACT = (
    "Autorité de protection des données / Gegevensbeschermingsautoriteit, "
    "rue de la Presse 35, 1000 Bruxelles, contact@apd-gba.be, www.autoriteprotectiondonnees.be"
)

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "receipt_title": "NextStep - reçu de votre accord",
        "withdrawal_title": "NextStep - reçu de retrait de votre accord",
        "your_choices": "Vos choix",
        "you_withdrew": "Vous avez retiré votre accord pour",
        "not_given": "Vous n'aviez pas donné votre accord pour",
        "yes": "OUI",
        "no": "NON",
        "withdrawn": "RETIRÉ",
        "record": "Numéro de l'enregistrement",
        "time": "Date et heure (temps universel)",
        "notice": "Texte d'information lu",
        "version": "version",
        "informed": "Comment vous avez été informé(e)",
        "via_on_screen": "sur l'écran",
        "via_printed": "sur papier",
        "via_interpreter": "par un interprète",
        "interpreter_language": "langue de l'interprète",
        "audit": "Numéro dans le journal de contrôle",
        "pseudonym": "Votre numéro anonyme (il ne dit pas votre nom)",
        "controller": "Responsable du traitement (qui s'occupe de vos données)",
        "contact": "Contact",
        "dpo": "Délégué à la protection des données",
        "basis_consent": "votre accord",
        "basis_public_task": "une mission d'intérêt public confiée par la loi",
        "basis": "raison légale",
        "how": "Pour retirer votre accord ou voir vos données : revenez avec votre clé USB "
        "et votre carte, ou demandez à un membre de l'équipe. Retirer se fait en une étape, "
        "comme donner son accord.",
        "removed": "Fichiers effacés de votre clé USB",
        "nothing_removed": "Aucun fichier n'était à effacer sur votre clé USB.",
        "kept": "Vos documents restent sur votre clé USB : ils sont à vous. Vous pouvez les "
        "effacer vous-même quand vous voulez.",
        "stopped": "Le service ne traitera plus vos données pour ces choix à partir de maintenant.",
        "letter_title": "NextStep - vos données chez nous",
        "letter_intro": "Vous avez demandé ce que nous savons de vous. Voici la réponse "
        "(article 15 du règlement européen sur la protection des données).",
        "purposes_h": "Pourquoi nous utilisons vos données",
        "categories_h": "Quelles données",
        "categories_text": "Les types de vos documents (par exemple asile, santé), la langue "
        "choisie, vos choix d'accord, les dates de vos visites. Jamais le texte ni les images "
        "de vos documents : ils sont seulement sur votre clé USB, chiffrés.",
        "categories_seen": "Types de documents enregistrés pour vous",
        "categories_none": "aucun (ou déjà effacés)",
        "recipients_h": "Qui reçoit vos données",
        "recipients_text": "Personne, sauf la personne ou le service que vous avez choisi pour "
        "un envoi. Les contrôleurs de la protection des données voient seulement des numéros "
        "anonymes et des totaux.",
        "retention_h": "Combien de temps",
        "retention_text": "Cinq ans après votre dernière visite, puis la clé qui protège vos "
        "informations est détruite.",
        "rights_h": "Vos droits",
        "rights_text": "Voir vos données, les faire corriger ou effacer, limiter leur "
        "utilisation, retirer votre accord à tout moment, recevoir vos données (elles sont "
        "sur votre clé USB). Vous pouvez vous plaindre auprès de l'Autorité de protection "
        "des données",
        "source_h": "D'où viennent ces données",
        "source_text": "De vous et des documents que vous avez apportés.",
        "automated_h": "Décision automatique",
        "automated_text": "Aucune décision n'est prise sur vous par une machine. Le classement "
        "des documents est vérifié par un membre de l'équipe.",
        "entries_h": "Ce que notre journal contient sur vous",
        "entries_none": "Rien.",
        "erased_text": "Les détails ont été effacés (la clé est détruite).",
        "language": "langue choisie",
        "event_session_start": "début de visite",
        "event_session_end": "fin de visite",
        "event_consent_given": "accord enregistré",
        "event_consent_withdrawn": "accord retiré",
        "event_page_captured": "page scannée",
        "event_page_refused": "page refusée (illisible)",
        "event_document_classified": "document classé",
        "event_category_changed": "type de document corrigé",
        "event_deadline_confirmed": "date limite confirmée",
        "event_bundle_built": "dossier chiffré préparé",
        "event_bundle_written": "dossier écrit sur votre clé USB",
        "event_bundle_verified": "dossier vérifié sur votre clé USB",
        "event_bundle_write_failed": "écriture sur la clé USB échouée",
        "event_keycard_printed": "carte imprimée",
        "event_recovery_escrowed": "copie scellée de votre clé gardée",
        "event_share": "documents envoyés à la personne choisie",
        "event_recovery": "votre clé retrouvée avec la copie scellée",
        "event_access_request": "demande pour voir vos données",
        "event_erasure": "effacement",
        "event_other": "autre étape",
    },
    "nl": {
        "receipt_title": "NextStep - bewijs van uw toestemming",
        "withdrawal_title": "NextStep - bewijs van intrekking van uw toestemming",
        "your_choices": "Uw keuzes",
        "you_withdrew": "U hebt uw toestemming ingetrokken voor",
        "not_given": "U had geen toestemming gegeven voor",
        "yes": "JA",
        "no": "NEE",
        "withdrawn": "INGETROKKEN",
        "record": "Nummer van de registratie",
        "time": "Datum en tijd (universele tijd)",
        "notice": "Gelezen informatietekst",
        "version": "versie",
        "informed": "Hoe u werd geïnformeerd",
        "via_on_screen": "op het scherm",
        "via_printed": "op papier",
        "via_interpreter": "door een tolk",
        "interpreter_language": "taal van de tolk",
        "audit": "Nummer in het controlelogboek",
        "pseudonym": "Uw anoniem nummer (het zegt uw naam niet)",
        "controller": "Verwerkingsverantwoordelijke (wie uw gegevens beheert)",
        "contact": "Contact",
        "dpo": "Functionaris voor gegevensbescherming",
        "basis_consent": "uw toestemming",
        "basis_public_task": "een taak van algemeen belang opgelegd door de wet",
        "basis": "wettelijke grond",
        "how": "Om uw toestemming in te trekken of uw gegevens te zien: kom terug met uw "
        "USB-stick en uw kaart, of vraag het aan een medewerker. Intrekken gaat in één stap, "
        "net als toestemmen.",
        "removed": "Bestanden gewist van uw USB-stick",
        "nothing_removed": "Er was geen bestand te wissen op uw USB-stick.",
        "kept": "Uw documenten blijven op uw USB-stick: ze zijn van u. U kunt ze zelf wissen "
        "wanneer u wilt.",
        "stopped": "Vanaf nu verwerkt de dienst uw gegevens niet meer voor deze keuzes.",
        "letter_title": "NextStep - uw gegevens bij ons",
        "letter_intro": "U vroeg wat wij over u weten. Hier is het antwoord (artikel 15 van de "
        "Europese verordening over gegevensbescherming).",
        "purposes_h": "Waarom wij uw gegevens gebruiken",
        "categories_h": "Welke gegevens",
        "categories_text": "De soorten van uw documenten (bijvoorbeeld asiel, gezondheid), de "
        "gekozen taal, uw keuzes, de data van uw bezoeken. Nooit de tekst of de beelden van uw "
        "documenten: die staan alleen op uw USB-stick, versleuteld.",
        "categories_seen": "Soorten documenten voor u geregistreerd",
        "categories_none": "geen (of al gewist)",
        "recipients_h": "Wie uw gegevens ontvangt",
        "recipients_text": "Niemand, behalve de persoon of dienst die u koos voor een zending. "
        "Controleurs zien alleen anonieme nummers en totalen.",
        "retention_h": "Hoe lang",
        "retention_text": "Vijf jaar na uw laatste bezoek; daarna wordt de sleutel die uw "
        "informatie beschermt vernietigd.",
        "rights_h": "Uw rechten",
        "rights_text": "Uw gegevens inzien, laten verbeteren of wissen, het gebruik beperken, "
        "uw toestemming altijd intrekken, uw gegevens ontvangen (ze staan op uw USB-stick). "
        "U kunt klacht indienen bij de Gegevensbeschermingsautoriteit",
        "source_h": "Waar deze gegevens vandaan komen",
        "source_text": "Van u en van de documenten die u meebracht.",
        "automated_h": "Automatische beslissing",
        "automated_text": "Geen enkele beslissing over u wordt door een machine genomen. Een "
        "medewerker controleert de indeling van de documenten.",
        "entries_h": "Wat ons logboek over u bevat",
        "entries_none": "Niets.",
        "erased_text": "De details zijn gewist (de sleutel is vernietigd).",
        "language": "gekozen taal",
        "event_session_start": "begin van het bezoek",
        "event_session_end": "einde van het bezoek",
        "event_consent_given": "toestemming geregistreerd",
        "event_consent_withdrawn": "toestemming ingetrokken",
        "event_page_captured": "pagina gescand",
        "event_page_refused": "pagina geweigerd (onleesbaar)",
        "event_document_classified": "document ingedeeld",
        "event_category_changed": "soort document verbeterd",
        "event_deadline_confirmed": "termijn bevestigd",
        "event_bundle_built": "versleuteld dossier gemaakt",
        "event_bundle_written": "dossier op uw USB-stick geschreven",
        "event_bundle_verified": "dossier op uw USB-stick gecontroleerd",
        "event_bundle_write_failed": "schrijven op de USB-stick mislukt",
        "event_keycard_printed": "kaart afgedrukt",
        "event_recovery_escrowed": "verzegelde kopie van uw sleutel bewaard",
        "event_share": "documenten verstuurd naar de gekozen persoon",
        "event_recovery": "uw sleutel teruggevonden met de verzegelde kopie",
        "event_access_request": "vraag om uw gegevens te zien",
        "event_erasure": "wissing",
        "event_other": "andere stap",
    },
    "de": {
        "receipt_title": "NextStep - Beleg Ihrer Einwilligung",
        "withdrawal_title": "NextStep - Beleg über den Widerruf Ihrer Einwilligung",
        "your_choices": "Ihre Entscheidungen",
        "you_withdrew": "Sie haben Ihre Einwilligung widerrufen für",
        "not_given": "Sie hatten keine Einwilligung gegeben für",
        "yes": "JA",
        "no": "NEIN",
        "withdrawn": "WIDERRUFEN",
        "record": "Nummer des Eintrags",
        "time": "Datum und Uhrzeit (Weltzeit)",
        "notice": "Gelesener Informationstext",
        "version": "Version",
        "informed": "Wie Sie informiert wurden",
        "via_on_screen": "auf dem Bildschirm",
        "via_printed": "auf Papier",
        "via_interpreter": "durch einen Dolmetscher",
        "interpreter_language": "Sprache des Dolmetschers",
        "audit": "Nummer im Kontrollprotokoll",
        "pseudonym": "Ihre anonyme Nummer (sie nennt Ihren Namen nicht)",
        "controller": "Verantwortlicher (wer sich um Ihre Daten kümmert)",
        "contact": "Kontakt",
        "dpo": "Datenschutzbeauftragte(r)",
        "basis_consent": "Ihre Einwilligung",
        "basis_public_task": "eine gesetzliche Aufgabe im öffentlichen Interesse",
        "basis": "Rechtsgrundlage",
        "how": "Um Ihre Einwilligung zu widerrufen oder Ihre Daten zu sehen: Kommen Sie mit "
        "Ihrem USB-Stick und Ihrer Karte wieder oder fragen Sie das Personal. Widerrufen geht "
        "in einem Schritt, wie Einwilligen.",
        "removed": "Von Ihrem USB-Stick gelöschte Dateien",
        "nothing_removed": "Auf Ihrem USB-Stick war keine Datei zu löschen.",
        "kept": "Ihre Dokumente bleiben auf Ihrem USB-Stick: Sie gehören Ihnen. Sie können sie "
        "jederzeit selbst löschen.",
        "stopped": "Ab jetzt verarbeitet der Dienst Ihre Daten für diese Zwecke nicht mehr.",
        "letter_title": "NextStep - Ihre Daten bei uns",
        "letter_intro": "Sie haben gefragt, was wir über Sie wissen. Hier ist die Antwort "
        "(Artikel 15 der europäischen Datenschutz-Grundverordnung).",
        "purposes_h": "Warum wir Ihre Daten verwenden",
        "categories_h": "Welche Daten",
        "categories_text": "Die Arten Ihrer Dokumente (zum Beispiel Asyl, Gesundheit), die "
        "gewählte Sprache, Ihre Entscheidungen, die Daten Ihrer Besuche. Nie der Text oder die "
        "Bilder Ihrer Dokumente: Diese sind nur verschlüsselt auf Ihrem USB-Stick.",
        "categories_seen": "Für Sie erfasste Arten von Dokumenten",
        "categories_none": "keine (oder bereits gelöscht)",
        "recipients_h": "Wer Ihre Daten erhält",
        "recipients_text": "Niemand, außer der Person oder Stelle, die Sie für eine Sendung "
        "gewählt haben. Prüfer sehen nur anonyme Nummern und Summen.",
        "retention_h": "Wie lange",
        "retention_text": "Fünf Jahre nach Ihrem letzten Besuch; dann wird der Schlüssel, der "
        "Ihre Angaben schützt, vernichtet.",
        "rights_h": "Ihre Rechte",
        "rights_text": "Ihre Daten sehen, berichtigen oder löschen lassen, die Nutzung "
        "einschränken, Ihre Einwilligung jederzeit widerrufen, Ihre Daten erhalten (sie sind "
        "auf Ihrem USB-Stick). Sie können sich bei der Datenschutzbehörde beschweren",
        "source_h": "Woher diese Daten kommen",
        "source_text": "Von Ihnen und von den Dokumenten, die Sie mitgebracht haben.",
        "automated_h": "Automatische Entscheidung",
        "automated_text": "Keine Entscheidung über Sie wird von einer Maschine getroffen. Die "
        "Einordnung der Dokumente prüft ein Mitglied des Personals.",
        "entries_h": "Was unser Protokoll über Sie enthält",
        "entries_none": "Nichts.",
        "erased_text": "Die Einzelheiten wurden gelöscht (der Schlüssel ist vernichtet).",
        "language": "gewählte Sprache",
        "event_session_start": "Beginn des Besuchs",
        "event_session_end": "Ende des Besuchs",
        "event_consent_given": "Einwilligung erfasst",
        "event_consent_withdrawn": "Einwilligung widerrufen",
        "event_page_captured": "Seite gescannt",
        "event_page_refused": "Seite abgelehnt (unleserlich)",
        "event_document_classified": "Dokument eingeordnet",
        "event_category_changed": "Art des Dokuments berichtigt",
        "event_deadline_confirmed": "Frist bestätigt",
        "event_bundle_built": "verschlüsselte Mappe erstellt",
        "event_bundle_written": "Mappe auf Ihren USB-Stick geschrieben",
        "event_bundle_verified": "Mappe auf Ihrem USB-Stick geprüft",
        "event_bundle_write_failed": "Schreiben auf den USB-Stick fehlgeschlagen",
        "event_keycard_printed": "Karte gedruckt",
        "event_recovery_escrowed": "versiegelte Kopie Ihres Schlüssels aufbewahrt",
        "event_share": "Dokumente an die gewählte Person gesendet",
        "event_recovery": "Ihr Schlüssel mit der versiegelten Kopie wiedergefunden",
        "event_access_request": "Anfrage, Ihre Daten zu sehen",
        "event_erasure": "Löschung",
        "event_other": "anderer Schritt",
    },
    "en": {
        "receipt_title": "NextStep - receipt of your agreement",
        "withdrawal_title": "NextStep - receipt of the withdrawal of your agreement",
        "your_choices": "Your choices",
        "you_withdrew": "You withdrew your agreement for",
        "not_given": "You had not agreed to",
        "yes": "YES",
        "no": "NO",
        "withdrawn": "WITHDRAWN",
        "record": "Record number",
        "time": "Date and time (universal time)",
        "notice": "Information text read",
        "version": "version",
        "informed": "How you were informed",
        "via_on_screen": "on the screen",
        "via_printed": "on paper",
        "via_interpreter": "by an interpreter",
        "interpreter_language": "interpreter's language",
        "audit": "Number in the control log",
        "pseudonym": "Your anonymous number (it does not say your name)",
        "controller": "Who looks after your data",
        "contact": "Contact",
        "dpo": "Data protection officer",
        "basis_consent": "your agreement",
        "basis_public_task": "a task in the public interest given by law",
        "basis": "legal reason",
        "how": "To withdraw your agreement or see your data: come back with your USB drive and "
        "your card, or ask a staff member. Withdrawing takes one step, like agreeing.",
        "removed": "Files erased from your USB drive",
        "nothing_removed": "There was no file to erase on your USB drive.",
        "kept": "Your documents stay on your USB drive: they are yours. You can erase them "
        "yourself whenever you want.",
        "stopped": "From now on the service no longer uses your data for these choices.",
        "letter_title": "NextStep - your data with us",
        "letter_intro": "You asked what we know about you. Here is the answer (Article 15 of "
        "the European data protection regulation).",
        "purposes_h": "Why we use your data",
        "categories_h": "Which data",
        "categories_text": "The kinds of your documents (for example asylum, health), the "
        "language you chose, your choices, the dates of your visits. Never the text or images "
        "of your documents: they are only on your USB drive, encrypted.",
        "categories_seen": "Kinds of documents recorded for you",
        "categories_none": "none (or already erased)",
        "recipients_h": "Who receives your data",
        "recipients_text": "Nobody, except the person or service you chose for a sending. "
        "Auditors see only anonymous numbers and totals.",
        "retention_h": "How long",
        "retention_text": "Five years after your last visit; then the key that protects your "
        "information is destroyed.",
        "rights_h": "Your rights",
        "rights_text": "See your data, have it corrected or erased, limit its use, withdraw "
        "your agreement at any time, receive your data (it is on your USB drive). You can "
        "complain to the Data Protection Authority",
        "source_h": "Where this data comes from",
        "source_text": "From you and the documents you brought.",
        "automated_h": "Automatic decision",
        "automated_text": "No decision about you is taken by a machine. A staff member checks "
        "how the documents are sorted.",
        "entries_h": "What our log holds about you",
        "entries_none": "Nothing.",
        "erased_text": "The details were erased (the key is destroyed).",
        "language": "chosen language",
        "event_session_start": "visit started",
        "event_session_end": "visit ended",
        "event_consent_given": "agreement recorded",
        "event_consent_withdrawn": "agreement withdrawn",
        "event_page_captured": "page scanned",
        "event_page_refused": "page refused (unreadable)",
        "event_document_classified": "document sorted",
        "event_category_changed": "kind of document corrected",
        "event_deadline_confirmed": "deadline confirmed",
        "event_bundle_built": "encrypted file prepared",
        "event_bundle_written": "file written to your USB drive",
        "event_bundle_verified": "file checked on your USB drive",
        "event_bundle_write_failed": "writing to the USB drive failed",
        "event_keycard_printed": "card printed",
        "event_recovery_escrowed": "sealed copy of your key kept",
        "event_share": "documents sent to the person you chose",
        "event_recovery": "your key recovered from the sealed copy",
        "event_access_request": "request to see your data",
        "event_erasure": "erasure",
        "event_other": "other step",
    },
    "ar": {
        "receipt_title": "NextStep - إيصال موافقتك",
        "withdrawal_title": "NextStep - إيصال سحب موافقتك",
        "your_choices": "اختياراتك",
        "you_withdrew": "لقد سحبت موافقتك على",
        "not_given": "لم تكن قد وافقت على",
        "yes": "نعم",
        "no": "لا",
        "withdrawn": "مسحوبة",
        "record": "رقم التسجيل",
        "time": "التاريخ والوقت (التوقيت العالمي)",
        "notice": "نص المعلومات الذي قُرئ",
        "version": "النسخة",
        "informed": "كيف تم إعلامك",
        "via_on_screen": "على الشاشة",
        "via_printed": "على الورق",
        "via_interpreter": "بواسطة مترجم",
        "interpreter_language": "لغة المترجم",
        "audit": "الرقم في سجل المراقبة",
        "pseudonym": "رقمك المجهول (لا يذكر اسمك)",
        "controller": "الجهة المسؤولة عن بياناتك",
        "contact": "الاتصال",
        "dpo": "مسؤول حماية البيانات",
        "basis_consent": "موافقتك",
        "basis_public_task": "مهمة للمصلحة العامة يحددها القانون",
        "basis": "السبب القانوني",
        "how": "لسحب موافقتك أو رؤية بياناتك: عد ومعك مفتاح USB وبطاقتك، أو اسأل أحد أعضاء "
        "الفريق. السحب يتم في خطوة واحدة، مثل إعطاء الموافقة.",
        "removed": "الملفات التي حُذفت من مفتاح USB الخاص بك",
        "nothing_removed": "لم يكن هناك أي ملف يجب حذفه من مفتاح USB الخاص بك.",
        "kept": "تبقى وثائقك على مفتاح USB الخاص بك: إنها ملكك. يمكنك حذفها بنفسك متى شئت.",
        "stopped": "من الآن لن تستعمل الخدمة بياناتك لهذه الاختيارات.",
        "letter_title": "NextStep - بياناتك لدينا",
        "letter_intro": "لقد سألت عما نعرفه عنك. هذا هو الجواب (المادة 15 من اللائحة "
        "الأوروبية لحماية البيانات).",
        "purposes_h": "لماذا نستعمل بياناتك",
        "categories_h": "أي بيانات",
        "categories_text": "أنواع وثائقك (مثلاً اللجوء، الصحة)، اللغة التي اخترتها، اختياراتك، "
        "تواريخ زياراتك. أبداً لا نص ولا صور وثائقك: إنها فقط على مفتاح USB الخاص بك، مشفرة.",
        "categories_seen": "أنواع الوثائق المسجلة لك",
        "categories_none": "لا شيء (أو حُذفت من قبل)",
        "recipients_h": "من يتلقى بياناتك",
        "recipients_text": "لا أحد، إلا الشخص أو الجهة التي اخترتها للإرسال. المراقبون يرون "
        "فقط أرقاماً مجهولة ومجاميع.",
        "retention_h": "إلى متى",
        "retention_text": "خمس سنوات بعد زيارتك الأخيرة، ثم يُتلف المفتاح الذي يحمي معلوماتك.",
        "rights_h": "حقوقك",
        "rights_text": "رؤية بياناتك، تصحيحها أو حذفها، تقييد استعمالها، سحب موافقتك في أي "
        "وقت، الحصول على بياناتك (إنها على مفتاح USB الخاص بك). يمكنك تقديم شكوى إلى هيئة "
        "حماية البيانات",
        "source_h": "من أين تأتي هذه البيانات",
        "source_text": "منك ومن الوثائق التي أحضرتها.",
        "automated_h": "قرار آلي",
        "automated_text": "لا يُتخذ أي قرار بشأنك بواسطة آلة. أحد أعضاء الفريق يتحقق من "
        "تصنيف الوثائق.",
        "entries_h": "ما يحتويه سجلنا عنك",
        "entries_none": "لا شيء.",
        "erased_text": "حُذفت التفاصيل (أُتلف المفتاح).",
        "language": "اللغة المختارة",
        "event_session_start": "بداية الزيارة",
        "event_session_end": "نهاية الزيارة",
        "event_consent_given": "تسجيل الموافقة",
        "event_consent_withdrawn": "سحب الموافقة",
        "event_page_captured": "مسح صفحة",
        "event_page_refused": "رفض صفحة (غير مقروءة)",
        "event_document_classified": "تصنيف وثيقة",
        "event_category_changed": "تصحيح نوع الوثيقة",
        "event_deadline_confirmed": "تأكيد موعد نهائي",
        "event_bundle_built": "تحضير ملف مشفر",
        "event_bundle_written": "كتابة الملف على مفتاح USB الخاص بك",
        "event_bundle_verified": "التحقق من الملف على مفتاح USB الخاص بك",
        "event_bundle_write_failed": "فشل الكتابة على مفتاح USB",
        "event_keycard_printed": "طباعة البطاقة",
        "event_recovery_escrowed": "حفظ نسخة مختومة من مفتاحك",
        "event_share": "إرسال وثائق إلى الشخص الذي اخترته",
        "event_recovery": "استرجاع مفتاحك من النسخة المختومة",
        "event_access_request": "طلب رؤية بياناتك",
        "event_erasure": "حذف",
        "event_other": "خطوة أخرى",
    },
}

COMPLETE = tuple(TEXT)


def language_for(language: str) -> str:
    """The table used for ``language``: its own if complete, else French."""
    short = language.split("-")[0].lower()
    return short if short in TEXT else FALLBACK


def t(key: str, language: str) -> str:
    """One sentence in ``language`` (French where that language has no table yet)."""
    return TEXT[language_for(language)][key]


def both(language: str) -> tuple[str, ...]:
    """The languages a person's text is given in: theirs (if complete) and French."""
    own = language_for(language)
    return (own,) if own == FALLBACK else (own, FALLBACK)
