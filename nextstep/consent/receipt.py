"""The consent receipt the person keeps (printed, and placed on their drive).

Why: the person must be able to show what they agreed to, when, and how to withdraw, without
asking us. The receipt names the record id, the notice version and hash, every purpose with
their answer, and the audit entry number; it contains no name and no document content.
The PDF is plain text in a standard font (nextstep.audit.textpdf), so it needs no font
files; scripts that WinAnsi cannot show (Arabic, Tigrinya...) are given in the text receipt,
and the PDF falls back to English labels.
"""

from __future__ import annotations

import json
import textwrap

from nextstep.audit.textpdf import text_pdf
from nextstep.consent import purposes
from nextstep.consent.record import ConsentRecord

_LABELS = {
    "en": {
        "title": "NextStep - consent receipt",
        "given": "Your choices",
        "withdrawn": "You withdrew",
        "yes": "YES",
        "no": "NO",
        "withdrawn_word": "WITHDRAWN",
        "record": "Record",
        "time": "Date and time (UTC)",
        "notice": "Privacy notice",
        "informed": "How you were informed",
        "audit": "Audit log entry",
        "how": "To withdraw or see your data: come back with your drive or key card, or ask any "
        "staff member. Withdrawing takes one step, like giving consent.",
    },
    "fr": {
        "title": "NextStep - reçu de consentement",
        "given": "Vos choix",
        "withdrawn": "Vous avez retiré",
        "yes": "OUI",
        "no": "NON",
        "withdrawn_word": "RETIRÉ",
        "record": "Enregistrement",
        "time": "Date et heure (UTC)",
        "notice": "Information sur la vie privée",
        "informed": "Comment vous avez été informé(e)",
        "audit": "Entrée du journal d'audit",
        "how": "Pour retirer votre accord ou voir vos données : revenez avec votre clé USB ou "
        "votre carte, ou demandez à un membre de l'équipe. Retirer prend une etape, comme "
        "donner son accord.",
    },
    "nl": {
        "title": "NextStep - ontvangstbewijs van toestemming",
        "given": "Uw keuzes",
        "withdrawn": "U trok in",
        "yes": "JA",
        "no": "NEE",
        "withdrawn_word": "INGETROKKEN",
        "record": "Registratie",
        "time": "Datum en tijd (UTC)",
        "notice": "Privacyverklaring",
        "informed": "Hoe u werd geïnformeerd",
        "audit": "Auditlogboek, regel",
        "how": "Om in te trekken of uw gegevens te zien: kom terug met uw USB-stick of kaart, "
        "of vraag het aan een medewerker. Intrekken is even eenvoudig als toestemmen.",
    },
    "de": {
        "title": "NextStep - Einwilligungsbeleg",
        "given": "Ihre Entscheidungen",
        "withdrawn": "Sie haben widerrufen",
        "yes": "JA",
        "no": "NEIN",
        "withdrawn_word": "WIDERRUFEN",
        "record": "Datensatz",
        "time": "Datum und Uhrzeit (UTC)",
        "notice": "Datenschutzhinweis",
        "informed": "Wie Sie informiert wurden",
        "audit": "Eintrag im Prüfprotokoll",
        "how": "Zum Widerrufen oder Einsehen Ihrer Daten: Kommen Sie mit Ihrem USB-Stick oder "
        "Ihrer Karte wieder oder fragen Sie das Personal. Widerrufen ist so einfach wie "
        "Einwilligen.",
    },
}


def receipt_text(record: ConsentRecord, language: str | None = None) -> str:
    """A plain-text receipt in the notice language (English labels where none exist)."""
    lang = language or record.notice_language
    labels = _LABELS.get(lang, _LABELS["en"])
    title_lang = lang if lang in ("en", "fr", "nl", "de") else "en"
    lines = [labels["title"], "=" * len(labels["title"]), ""]
    lines.append(labels["given"] if record.kind == "given" else labels["withdrawn"] + ":")
    for d in record.decisions:
        title = purposes.PURPOSES[d.purpose].title.get(title_lang, d.purpose)
        if record.kind == "withdrawn":
            answer = labels["withdrawn_word"]
        else:
            answer = labels["yes"] if d.given else labels["no"]
        lines.append(f"  [{answer}] {title}")
        lines.append(f"        ({d.purpose}; {d.dpv_status}; basis: {d.legal_basis})")
    lines += [
        "",
        f"{labels['record']}: {record.record_id}",
        f"{labels['time']}: {record.time}",
        f"{labels['notice']}: v{record.notice_version} ({record.notice_language}), "
        f"SHA-256 {record.notice_sha256}",
        f"{labels['informed']}: {record.informed_via.value}, {record.informed_language}"
        + (f" (interpreter: {record.interpreter_language})" if record.interpreter_language else ""),
        f"{labels['audit']}: {record.audit_seq}",
        f"Subject pseudonym: {record.subject}",
        f"Controller: {record.controller}",
        "",
    ]
    lines += textwrap.wrap(labels["how"], 78)
    return "\n".join(lines) + "\n"


def receipt_pdf(record: ConsentRecord, language: str | None = None) -> bytes:
    """The receipt as an A4 PDF (plain text in a standard font)."""
    lang = language or record.notice_language
    if lang not in _LABELS:
        lang = "en"
    return text_pdf(receipt_text(record, lang), title="NextStep consent receipt", width=90)


def receipt_json(record: ConsentRecord) -> str:
    """The ISO/IEC TS 27560 / DPV record as JSON-LD, for the person's drive."""
    return json.dumps(record.as_dpv(), ensure_ascii=False, indent=1)
