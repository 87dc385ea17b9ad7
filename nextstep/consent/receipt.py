"""The consent receipt the person keeps (printed, and placed on their drive).

Why: the person must be able to show what they agreed to, when, and how to withdraw, without
asking us. The receipt names the record id, the notice version and hash, every purpose with
their answer, and the audit entry number; it contains no name and no document content.
The PDF is built with pikepdf from a plain content stream in a standard font (WinAnsi), so
it needs no font files; scripts that WinAnsi cannot show (Arabic, Tigrinya...) are given in
the text receipt, and the PDF falls back to English with the language named.
"""

from __future__ import annotations

import io
import textwrap

import pikepdf

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


def _pdf_escape(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def receipt_pdf(record: ConsentRecord, language: str | None = None) -> bytes:
    """The receipt as a one-page (or more) A4 PDF."""
    lang = language or record.notice_language
    if lang not in _LABELS:
        lang = "en"
    text = receipt_text(record, lang)
    wrapped: list[str] = []
    for line in text.splitlines():
        wrapped += textwrap.wrap(line, 90, subsequent_indent="    ") or [""]
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    per_page = 60
    for start in range(0, max(len(wrapped), 1), per_page):
        chunk = wrapped[start : start + per_page]
        ops = [b"BT /F1 10 Tf 12 TL 50 800 Td"]
        for i, line in enumerate(chunk):
            size = b"14" if start == 0 and i == 0 else b"10"
            ops.append(b"/F1 " + size + b" Tf (" + _pdf_escape(line) + b") Tj T*")
        ops.append(b"ET")
        page = pdf.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.docinfo["/Title"] = "NextStep consent receipt"
    buf = io.BytesIO()
    pdf.save(buf, deterministic_id=True)
    return buf.getvalue()
