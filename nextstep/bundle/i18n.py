"""The few words the cover page and key card need, in the person's language and French.

Kept here as a small table (not gettext) because the bundle must render the same strings on
any kiosk without compiled catalogues; unknown languages fall back to English beside French.
"""

from __future__ import annotations

import datetime as dt

STRINGS: dict[str, dict[str, str]] = {
    "fr": {
        "title": "Mes documents",
        "made_on": "Créé le",
        "bundle": "Dossier",
        "deadlines": "Échéances",
        "earliest": "PREMIÈRE ÉCHÉANCE",
        "no_deadlines": "Aucune échéance trouvée.",
        "documents": "Documents",
        "pages": "pages",
        "references": "Numéros de référence",
        "help": "Où trouver de l'aide",
        "cover": "Couverture",
        "card_title": "Clé de mes documents",
        "card_keep": "Gardez cette carte séparée de la clé USB.",
        "card_next": "Prochaines échéances",
        "appeal": "recours",
        "payment": "paiement",
        "appointment": "rendez-vous",
        "expiry": "expiration",
        "response": "réponse",
        "other": "autre",
        "asylum": "Asile",
        "residence": "Séjour",
        "family": "Famille",
        "housing": "Logement",
        "allowances": "Allocations et CPAS",
        "debt": "Dettes",
        "employment": "Emploi",
        "health": "Santé",
        "schooling": "École",
        "justice": "Justice",
    },
    "nl": {
        "title": "Mijn documenten",
        "made_on": "Gemaakt op",
        "bundle": "Dossier",
        "deadlines": "Termijnen",
        "earliest": "EERSTE TERMIJN",
        "no_deadlines": "Geen termijnen gevonden.",
        "documents": "Documenten",
        "pages": "pagina's",
        "references": "Referentienummers",
        "help": "Waar vind ik hulp",
        "cover": "Voorblad",
        "card_title": "Sleutel van mijn documenten",
        "card_keep": "Bewaar deze kaart apart van de USB-stick.",
        "card_next": "Volgende termijnen",
        "appeal": "beroep",
        "payment": "betaling",
        "appointment": "afspraak",
        "expiry": "vervaldatum",
        "response": "antwoord",
        "other": "ander",
        "asylum": "Asiel",
        "residence": "Verblijf",
        "family": "Gezin",
        "housing": "Huisvesting",
        "allowances": "Uitkeringen en OCMW",
        "debt": "Schulden",
        "employment": "Werk",
        "health": "Gezondheid",
        "schooling": "School",
        "justice": "Justitie",
    },
    "de": {
        "title": "Meine Dokumente",
        "made_on": "Erstellt am",
        "bundle": "Mappe",
        "deadlines": "Fristen",
        "earliest": "ERSTE FRIST",
        "no_deadlines": "Keine Fristen gefunden.",
        "documents": "Dokumente",
        "pages": "Seiten",
        "references": "Aktenzeichen",
        "help": "Wo finde ich Hilfe",
        "cover": "Deckblatt",
        "card_title": "Schlüssel meiner Dokumente",
        "card_keep": "Bewahren Sie diese Karte getrennt vom USB-Stick auf.",
        "card_next": "Nächste Fristen",
        "appeal": "Einspruch",
        "payment": "Zahlung",
        "appointment": "Termin",
        "expiry": "Ablauf",
        "response": "Antwort",
        "other": "Sonstiges",
        "asylum": "Asyl",
        "residence": "Aufenthalt",
        "family": "Familie",
        "housing": "Wohnung",
        "allowances": "Beihilfen und ÖSHZ",
        "debt": "Schulden",
        "employment": "Arbeit",
        "health": "Gesundheit",
        "schooling": "Schule",
        "justice": "Justiz",
    },
    "en": {
        "title": "My documents",
        "made_on": "Made on",
        "bundle": "Bundle",
        "deadlines": "Deadlines",
        "earliest": "EARLIEST DEADLINE",
        "no_deadlines": "No deadline found.",
        "documents": "Documents",
        "pages": "pages",
        "references": "Reference numbers",
        "help": "Where to get help",
        "cover": "Cover",
        "card_title": "Key to my documents",
        "card_keep": "Keep this card apart from the USB drive.",
        "card_next": "Next deadlines",
        "appeal": "appeal",
        "payment": "payment",
        "appointment": "appointment",
        "expiry": "expiry",
        "response": "response",
        "other": "other",
        "asylum": "Asylum",
        "residence": "Residence",
        "family": "Family",
        "housing": "Housing",
        "allowances": "Allowances and CPAS",
        "debt": "Debt",
        "employment": "Employment",
        "health": "Health",
        "schooling": "School",
        "justice": "Justice",
    },
    "ar": {
        "title": "مستنداتي",
        "made_on": "أُنشئ في",
        "bundle": "الملف",
        "deadlines": "المواعيد النهائية",
        "earliest": "أقرب موعد نهائي",
        "no_deadlines": "لم يُعثر على أي موعد نهائي.",
        "documents": "المستندات",
        "pages": "صفحات",
        "references": "الأرقام المرجعية",
        "help": "أين أجد المساعدة",
        "cover": "الغلاف",
        "card_title": "مفتاح مستنداتي",
        "card_keep": "احتفظ بهذه البطاقة بعيدًا عن ذاكرة USB.",
        "card_next": "المواعيد القادمة",
        "appeal": "طعن",
        "payment": "دفع",
        "appointment": "موعد",
        "expiry": "انتهاء الصلاحية",
        "response": "رد",
        "other": "أخرى",
        "asylum": "اللجوء",
        "residence": "الإقامة",
        "family": "العائلة",
        "housing": "السكن",
        "allowances": "المساعدات و CPAS",
        "debt": "الديون",
        "employment": "العمل",
        "health": "الصحة",
        "schooling": "المدرسة",
        "justice": "القضاء",
    },
}
STRINGS["fr"]["other_category"] = "Autres"
STRINGS["nl"]["other_category"] = "Overige"
STRINGS["de"]["other_category"] = "Sonstige"
STRINGS["en"]["other_category"] = "Other"
STRINGS["ar"]["other_category"] = "أخرى"

RTL = frozenset({"ar", "fa", "ps", "ur", "he", "ku"})
_THREE = {"fra": "fr", "nld": "nl", "deu": "de", "eng": "en", "ara": "ar", "fas": "fa"}


def lang2(language: str) -> str:
    """'fra', 'fr-BE', 'nld+eng' -> 'fr', 'fr', 'nl'."""
    code = language.split("+")[0].split("-")[0].split("_")[0].lower()
    return _THREE.get(code, code)


def t(key: str, language: str) -> str:
    table = STRINGS.get(lang2(language), STRINGS["en"])
    return table.get(key, STRINGS["en"].get(key, key))


def category(slug: str, language: str) -> str:
    return t("other_category" if slug == "other" else slug, language)


def both(key: str, language: str) -> str:
    """'Deadlines / Échéances': the person's language first, French beside it."""
    own, fr = t(key, language), t(key, "fr")
    return own if own == fr else f"{own} / {fr}"


def is_rtl(language: str) -> bool:
    return lang2(language) in RTL


def date_text(day: dt.date) -> str:
    """Numeric dates read the same in every language: 03/12/2026 (day/month/year, Belgian)."""
    return day.strftime("%d/%m/%Y")
