"""The bundle's cover page: what the person holds, and what is urgent, in two languages.

It lists the deadlines first (sorted by date, the earliest upcoming one highlighted, because
that is what a caseworker must see at a glance), then the documents by category with their
dates and page labels, then reference numbers, then "where to get help" entries that the
referral directory (issue 9) provides as :class:`HelpSection` objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from nextstep import i18n as nstep_i18n
from nextstep.bundle import i18n
from nextstep.bundle.manifest import DocumentMeta
from nextstep.bundle.render import GREY, HIGHLIGHT, RED, RasterPage, Writer
from nextstep.model import CATEGORIES

A4_PT = (595.28, 841.89)
COVER_DPI = 150.0


@dataclass
class HelpSection:
    """One "where to get help" block: a service name or topic, then lines (address, hours...).

    Lines should already be in the person's language and French where it matters; the bundle
    draws them as given.
    """

    title: str
    lines: list[str] = field(default_factory=list)
    kind: str = ""  # "deadline", "service" or "notice": the key card picks from these
    contact: list[str] = field(default_factory=list)  # name, address, phone: one place to go


HelpInput = HelpSection | Sequence[HelpSection] | None


def help_list(value: HelpInput) -> list[HelpSection]:
    if value is None:
        return []
    if isinstance(value, HelpSection):
        return [value]
    return list(value)


@dataclass(frozen=True)
class DeadlineRow:
    date: dt.date
    kind: str
    document: int  # index into documents
    category: str


def deadlines(documents: Sequence[DocumentMeta]) -> list[DeadlineRow]:
    rows = [
        DeadlineRow(d.date, d.kind, i, doc.category)
        for i, doc in enumerate(documents)
        for d in doc.deadlines
    ]
    return sorted(rows, key=lambda r: (r.date, r.document))


def earliest_upcoming(rows: Sequence[DeadlineRow], today: dt.date) -> DeadlineRow | None:
    """The deadline to highlight: the first not yet past (a past one is history, not urgency)."""
    return next((r for r in rows if r.date >= today), None)


def document_title(doc: DocumentMeta, language: str) -> str:
    return doc.title or i18n.category(doc.category, language)


def render_cover(
    documents: Sequence[DocumentMeta],
    *,
    language: str,
    created: dt.datetime,
    bundle_id: str,
    labels: Sequence[str],
    help_sections: HelpInput = None,
) -> list[RasterPage]:
    """Cover page(s) as raster pages with their text boxes; ``labels[i]`` is document i's
    first page label."""
    rtl = i18n.is_rtl(language)
    french = i18n.lang2(language) == "fr"
    w = Writer(*A4_PT, dpi=COVER_DPI, margin_pt=40)

    def pair(own: str, fr: str, **kw: object) -> None:
        # The person's language (right-aligned and bidi-ordered if RTL), then French on its
        # own line, smaller and grey: mixing scripts on one line is never needed.
        w.text(own, rtl=rtl, **kw)  # type: ignore[arg-type]
        if own != fr:
            size = float(kw.get("size_pt", 11)) * 0.8  # type: ignore[arg-type]
            w.text(fr, **{**kw, "size_pt": size, "color": GREY})  # type: ignore[arg-type]

    def own_fr(key: str, **kw: object) -> None:
        pair(i18n.t(key, language), i18n.t(key, "fr"), **kw)

    def stamp(lang: str, *, with_id: bool = True) -> str:
        made = f"{i18n.t('made_on', lang)}: {i18n.date_text(created.date())}"
        return f"{made}    {i18n.t('bundle', lang)}: {bundle_id}" if with_id else made

    own_fr("title", size_pt=22, bold=True)
    # On a right-to-left page the bundle id stays on the French line: a Latin id with
    # hyphens inside an RTL line is split and reordered by some extractors (pdfium).
    pair(stamp(language, with_id=not rtl), stamp("fr"), size_pt=9, color=GREY)
    w.space(8)
    w.rule()

    rows = deadlines(documents)
    own_fr("deadlines", size_pt=15, bold=True)
    w.space(3)
    if not rows:
        own_fr("no_deadlines", size_pt=10, color=GREY)
    first = earliest_upcoming(rows, created.date())

    def row_text(row: DeadlineRow, lang: str) -> str:
        kind = i18n.t(row.kind if row.kind in i18n.KEYS else "other", lang)
        doc = documents[row.document]
        title = document_title(doc, lang)
        return f"{i18n.date_text(row.date)}   {kind}   {title}   {labels[row.document]}"

    for row in rows:
        own, fr = row_text(row, language), row_text(row, "fr")
        if row is first:
            own_fr("earliest", size_pt=10, bold=True, color=RED)
            w.text(own, size_pt=13, bold=True, color=RED, background=HIGHLIGHT, rtl=rtl)
            if not french:
                w.text(fr, size_pt=10, color=RED)
        else:
            past = row.date < created.date()
            pair(own, fr, size_pt=11, color=GREY if past else (0, 0, 0))
    if rows:
        w.space(3)
        own_fr("phone_calendar", size_pt=9)
    w.space(8)
    w.rule()

    own_fr("documents", size_pt=15, bold=True)
    w.space(3)
    for slug in CATEGORIES:
        members = [i for i, d in enumerate(documents) if d.category == slug]
        if not members:
            continue
        pair(i18n.category(slug, language), i18n.category(slug, "fr"), size_pt=12, bold=True)
        for i in members:
            doc = documents[i]
            when = i18n.date_text(doc.document_date) if doc.document_date else "-"
            pages = i18n.pages(doc.page_count, language)
            w.text(
                f"{labels[i]}   {when}   {document_title(doc, language)}   {pages}",
                size_pt=10.5,
                indent_pt=0 if rtl else 14,
                rtl=rtl,
            )
    refs = [(i, r) for i, d in enumerate(documents) for r in d.references]
    if refs:
        w.space(8)
        w.rule()
        own_fr("references", size_pt=15, bold=True)
        w.space(3)
        for i, ref in refs:
            own = f"{labels[i]}   {nstep_i18n.reference_kind(language, ref.kind)}:   {ref.value}"
            fr = f"{labels[i]}   {nstep_i18n.reference_kind('fr', ref.kind)}:   {ref.value}"
            pair(own, fr, size_pt=10.5)
    sections = help_list(help_sections)
    if sections:
        w.space(8)
        w.rule()
        own_fr("help", size_pt=15, bold=True)
        w.space(3)
        for section in sections:
            w.text(section.title, size_pt=11.5, bold=True, rtl=rtl and _is_rtl_text(section.title))
            for line in section.lines:
                w.text(
                    line,
                    size_pt=10,
                    indent_pt=0 if rtl else 14,
                    rtl=rtl and _is_rtl_text(line),
                )
            w.space(4)
    return w.pages


def _is_rtl_text(text: str) -> bool:
    import unicodedata

    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
