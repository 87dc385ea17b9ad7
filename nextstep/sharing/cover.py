"""The recipient's cover page, the first page of a shared bundle.

It tells a social worker or lawyer, before anything else, why they hold these documents (the
person's consent, its date), what the bundle holds, who signed it and how to check that, in
French and in the service's other language when the directory says it reads one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from nextstep.bundle import i18n
from nextstep.bundle.cover import A4_PT, COVER_DPI
from nextstep.bundle.manifest import DocumentMeta
from nextstep.bundle.render import GREY, RasterPage, Writer
from nextstep.sharing.recipients import Recipient
from nextstep.sharing.texts import check_command, t


def render_recipient_cover(
    documents: Sequence[DocumentMeta],
    *,
    recipient: Recipient,
    consented: dt.date,
    org_name: str,
    kiosk_id: str,
    key_id: str,
    stem: str,
) -> list[RasterPage]:
    """One A4 page (more only if the document list is very long)."""
    w = Writer(*A4_PT, dpi=COVER_DPI, margin_pt=40)
    langs = recipient.cover_languages
    fields = {
        "name": recipient.name,
        "date": i18n.date_text(consented),
        "n": len(documents),
        "kiosk": kiosk_id,
        "org": org_name,
        "keyid": key_id,
    }

    def each(key: str, size: float, *, bold: bool = False) -> None:
        for n, lang in enumerate(langs):
            w.text(
                t(key, lang, **fields),
                size_pt=size if n == 0 else size * 0.85,
                bold=bold and n == 0,
                color=(0, 0, 0) if n == 0 else GREY,
            )

    each("cover_title", 20, bold=True)
    w.space(4)
    each("recipient", 12, bold=True)
    w.space(6)
    w.rule()
    each("consent", 11)
    w.space(6)
    each("holds", 12, bold=True)
    for n, doc in enumerate(documents, start=1):
        when = i18n.date_text(doc.document_date) if doc.document_date else "-"
        w.text(
            f"D{n}   {i18n.category(doc.category, 'fr')}   {when}   "
            f"({doc.page_count or len(doc.pages)} {t('pages', 'fr')})",
            size_pt=10.5,
            indent_pt=14,
        )
    w.space(6)
    w.rule()
    each("signed", 10.5)
    each("pages_same", 10)
    w.space(4)
    each("check", 10.5, bold=True)
    w.text(check_command(stem), size_pt=10, indent_pt=14)
    return w.pages
