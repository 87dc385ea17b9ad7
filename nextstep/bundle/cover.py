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
    w = Writer(*A4_PT, dpi=COVER_DPI, margin_pt=40)

    def own_fr(key: str, **kw: object) -> None:
        # The person's language (right-aligned if RTL), then French on its own line.
        own, fr = i18n.t(key, language), i18n.t(key, "fr")
        w.text(own, rtl=rtl, **kw)  # type: ignore[arg-type]
        if own != fr:
            w.text(fr, **{**kw, "size_pt": float(kw.get("size_pt", 11)) * 0.8, "color": GREY})  # type: ignore[arg-type]

    own_fr("title", size_pt=22, bold=True)
    w.text(
        f"{i18n.both('made_on', language)}: {i18n.date_text(created.date())}    "
        f"{i18n.both('bundle', language)}: {bundle_id}",
        size_pt=9,
        color=GREY,
    )
    w.space(8)
    w.rule()

    rows = deadlines(documents)
    own_fr("deadlines", size_pt=15, bold=True)
    w.space(3)
    if not rows:
        w.text(i18n.both("no_deadlines", language), size_pt=10, color=GREY)
    first = earliest_upcoming(rows, created.date())
    for row in rows:
        doc = documents[row.document]
        kind = i18n.both(row.kind if row.kind in i18n.KEYS else "other", language)
        line = (
            f"{i18n.date_text(row.date)}   {kind}   - {document_title(doc, language)}"
            f" ({labels[row.document]})"
        )
        if row is first:
            w.text(i18n.both("earliest", language), size_pt=10, bold=True, color=RED)
            w.text(line, size_pt=13, bold=True, color=RED, background=HIGHLIGHT)
        else:
            past = row.date < created.date()
            w.text(line, size_pt=11, color=GREY if past else (0, 0, 0))
    w.space(8)
    w.rule()

    own_fr("documents", size_pt=15, bold=True)
    w.space(3)
    for slug in CATEGORIES:
        members = [i for i, d in enumerate(documents) if d.category == slug]
        if not members:
            continue
        w.text(
            f"{i18n.category(slug, language)} / {i18n.category(slug, 'fr')}"
            if i18n.lang2(language) != "fr"
            else i18n.category(slug, "fr"),
            size_pt=12,
            bold=True,
        )
        for i in members:
            doc = documents[i]
            when = i18n.date_text(doc.document_date) if doc.document_date else "-"
            pages = i18n.pages(doc.page_count, language)
            w.text(
                f"{labels[i]}   {when}   {document_title(doc, language)}   ({pages})",
                size_pt=10.5,
                indent_pt=14,
            )
    refs = [(i, r) for i, d in enumerate(documents) for r in d.references]
    if refs:
        w.space(8)
        w.rule()
        own_fr("references", size_pt=15, bold=True)
        w.space(3)
        for i, ref in refs:
            w.text(f"{labels[i]}   {ref.kind}: {ref.value}", size_pt=10.5, indent_pt=14)
    sections = help_list(help_sections)
    if sections:
        w.space(8)
        w.rule()
        own_fr("help", size_pt=15, bold=True)
        w.space(3)
        for section in sections:
            w.text(section.title, size_pt=11.5, bold=True, rtl=rtl and _is_rtl_text(section.title))
            for line in section.lines:
                w.text(line, size_pt=10, indent_pt=14, rtl=rtl and _is_rtl_text(line))
            w.space(4)
    return w.pages


def _is_rtl_text(text: str) -> bool:
    import unicodedata

    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
