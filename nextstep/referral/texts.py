"""Fixed texts of the referral sections and slips, in the person's language and French.

fr, nl, en and de are complete. es, tr and sq are complete but were written without a native
speaker; ar, fa, ps and ti hold the headings and deadline kinds only. Everything in
``TO_CHECK`` must be reviewed by a speaker before the kiosk is used in that language; missing
keys fall back to English.
"""

from __future__ import annotations

TO_CHECK: frozenset[str] = frozenset({"es", "tr", "sq", "ar", "fa", "ps", "ti"})
RTL: frozenset[str] = frozenset({"ar", "fa", "ps"})

TEXTS: dict[str, dict[str, str]] = {
    "fr": {
        "help_title": "Où trouver de l'aide",
        "referral_title": "Fiche d'orientation",
        "reminder_title": "Mes dates limites",
        "address": "Adresse",
        "hours": "Heures",
        "phone": "Tél.",
        "languages": "Langues",
        "appointment_yes": "Sur rendez-vous",
        "appointment_no": "Sans rendez-vous",
        "to_check": "à vérifier",
        "for_deadline": "Pour la date limite",
        "days_left": "dans {n} jours",
        "today": "aujourd'hui",
        "past": "date dépassée",
        "bring": "Apportez cette fiche et votre clé USB (vos documents).",
        "sample": "EXEMPLE - annuaire à vérifier par l'organisation",
        "printed": "Imprimé le",
        "no_deadlines": "Aucune date limite trouvée.",
        "who": "Qui peut aider",
        "appeal": "recours",
        "payment": "paiement",
        "appointment": "rendez-vous",
        "expiry": "expiration",
        "response": "réponse",
        "other": "autre",
    },
    "nl": {
        "help_title": "Waar vindt u hulp",
        "referral_title": "Doorverwijzingsbrief",
        "reminder_title": "Mijn termijnen",
        "address": "Adres",
        "hours": "Uren",
        "phone": "Tel.",
        "languages": "Talen",
        "appointment_yes": "Op afspraak",
        "appointment_no": "Zonder afspraak",
        "to_check": "na te kijken",
        "for_deadline": "Voor de termijn",
        "days_left": "over {n} dagen",
        "today": "vandaag",
        "past": "termijn verstreken",
        "bring": "Breng deze brief en uw USB-stick (uw documenten) mee.",
        "sample": "VOORBEELD - adresboek na te kijken door de organisatie",
        "printed": "Gedrukt op",
        "no_deadlines": "Geen termijnen gevonden.",
        "who": "Wie kan helpen",
        "appeal": "beroep",
        "payment": "betaling",
        "appointment": "afspraak",
        "expiry": "vervaldatum",
        "response": "antwoord",
        "other": "andere",
    },
    "en": {
        "help_title": "Where to get help",
        "referral_title": "Referral slip",
        "reminder_title": "My deadlines",
        "address": "Address",
        "hours": "Hours",
        "phone": "Phone",
        "languages": "Languages",
        "appointment_yes": "By appointment",
        "appointment_no": "No appointment needed",
        "to_check": "to check",
        "for_deadline": "For the deadline",
        "days_left": "in {n} days",
        "today": "today",
        "past": "deadline passed",
        "bring": "Bring this slip and your USB drive (your documents).",
        "sample": "SAMPLE - directory to be checked by the organisation",
        "printed": "Printed on",
        "no_deadlines": "No deadline found.",
        "who": "Who can help",
        "appeal": "appeal",
        "payment": "payment",
        "appointment": "appointment",
        "expiry": "expiry",
        "response": "reply",
        "other": "other",
    },
    "de": {
        "help_title": "Wo Sie Hilfe finden",
        "referral_title": "Überweisungsschein",
        "reminder_title": "Meine Fristen",
        "address": "Adresse",
        "hours": "Öffnungszeiten",
        "phone": "Tel.",
        "languages": "Sprachen",
        "appointment_yes": "Nach Terminvereinbarung",
        "appointment_no": "Ohne Termin",
        "to_check": "zu prüfen",
        "for_deadline": "Für die Frist",
        "days_left": "in {n} Tagen",
        "today": "heute",
        "past": "Frist abgelaufen",
        "bring": "Bringen Sie diesen Zettel und Ihren USB-Stick (Ihre Dokumente) mit.",
        "sample": "BEISPIEL - Verzeichnis von der Organisation zu prüfen",
        "printed": "Gedruckt am",
        "no_deadlines": "Keine Frist gefunden.",
        "who": "Wer helfen kann",
        "appeal": "Beschwerde",
        "payment": "Zahlung",
        "appointment": "Termin",
        "expiry": "Ablauf",
        "response": "Antwort",
        "other": "sonstige",
    },
    # --- written without a native speaker: TO CHECK ---
    "es": {
        "help_title": "Dónde encontrar ayuda",
        "referral_title": "Hoja de derivación",
        "reminder_title": "Mis plazos",
        "address": "Dirección",
        "hours": "Horario",
        "phone": "Tel.",
        "languages": "Idiomas",
        "appointment_yes": "Con cita previa",
        "appointment_no": "Sin cita previa",
        "days_left": "en {n} días",
        "today": "hoy",
        "past": "plazo vencido",
        "bring": "Traiga esta hoja y su memoria USB (sus documentos).",
        "who": "Quién puede ayudar",
        "appeal": "recurso",
        "payment": "pago",
        "appointment": "cita",
        "expiry": "vencimiento",
        "response": "respuesta",
        "other": "otro",
    },
    "tr": {
        "help_title": "Nereden yardım alabilirsiniz",
        "referral_title": "Yönlendirme belgesi",
        "reminder_title": "Son tarihlerim",
        "address": "Adres",
        "hours": "Saatler",
        "phone": "Tel.",
        "languages": "Diller",
        "appointment_yes": "Randevu ile",
        "appointment_no": "Randevusuz",
        "days_left": "{n} gün içinde",
        "today": "bugün",
        "past": "süre doldu",
        "bring": "Bu belgeyi ve USB belleğinizi (belgelerinizi) getirin.",
        "who": "Kim yardım edebilir",
        "appeal": "itiraz",
        "payment": "ödeme",
        "appointment": "randevu",
        "expiry": "süre sonu",
        "response": "cevap",
        "other": "diğer",
    },
    "sq": {
        "help_title": "Ku të gjeni ndihmë",
        "referral_title": "Fletë referimi",
        "reminder_title": "Afatet e mia",
        "address": "Adresa",
        "hours": "Orari",
        "phone": "Tel.",
        "languages": "Gjuhët",
        "appointment_yes": "Me takim",
        "appointment_no": "Pa takim",
        "days_left": "pas {n} ditësh",
        "today": "sot",
        "past": "afati ka kaluar",
        "bring": "Sillni këtë fletë dhe USB-në tuaj (dokumentet tuaja).",
        "who": "Kush mund të ndihmojë",
        "appeal": "ankesë",
        "payment": "pagesë",
        "appointment": "takim",
        "expiry": "skadim",
        "response": "përgjigje",
        "other": "tjetër",
    },
    "ar": {
        "help_title": "أين تجد المساعدة",
        "referral_title": "ورقة الإحالة",
        "reminder_title": "مواعيدي النهائية",
        "who": "من يمكنه المساعدة",
        "appeal": "طعن",
        "payment": "دفع",
        "appointment": "موعد",
        "expiry": "انتهاء الصلاحية",
        "response": "رد",
        "other": "أخرى",
    },
    "fa": {
        "help_title": "کجا کمک بگیرید",
        "referral_title": "برگه ارجاع",
        "reminder_title": "مهلت‌های من",
        "who": "چه کسی می‌تواند کمک کند",
        "appeal": "اعتراض",
        "payment": "پرداخت",
        "appointment": "وقت ملاقات",
        "expiry": "پایان اعتبار",
        "response": "پاسخ",
        "other": "دیگر",
    },
    "ps": {
        "help_title": "مرسته چېرته ترلاسه کړئ",
        "referral_title": "د لېږلو پاڼه",
        "reminder_title": "زما وروستۍ نېټې",
        "appeal": "استیناف",
        "payment": "تادیه",
        "appointment": "ملاقات",
        "response": "ځواب",
    },
    "ti": {
        "help_title": "ሓገዝ ኣበይ ትረኽቡ",
        "referral_title": "ወረቐት ምምራሕ",
        "reminder_title": "ናተይ ናይ መወዳእታ ዕለታት",
    },
}


def lang2(language: str) -> str:
    """Two-letter code from 'fr', 'fra', 'fr-BE' or a Tesseract string like 'nld+eng'."""
    code = language.split("+")[0].split("-")[0].split("_")[0].lower()
    return {
        "fra": "fr",
        "nld": "nl",
        "eng": "en",
        "deu": "de",
        "ara": "ar",
        "fas": "fa",
        "pus": "ps",
        "tir": "ti",
        "spa": "es",
        "tur": "tr",
        "sqi": "sq",
    }.get(code, code[:2])


def t(key: str, language: str, **kw: object) -> str:
    """The text in ``language``, falling back to English, then French."""
    lang = lang2(language)
    for candidate in (lang, "en", "fr"):
        text = TEXTS.get(candidate, {}).get(key)
        if text is not None:
            return text.format(**kw) if kw else text
    raise KeyError(key)


def both(key: str, language: str, **kw: object) -> str:
    """Person's language, then French in brackets (French alone when they are the same)."""
    own, fr = t(key, language, **kw), t(key, "fr", **kw)
    return own if own == fr else f"{own} ({fr})"


def is_rtl(language: str) -> bool:
    return lang2(language) in RTL
