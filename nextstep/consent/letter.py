"""The person's own access letter (GDPR Art. 15): what the kiosk's log holds about them, in words.

Why a letter and not a dump: the person (and whoever helps them) must understand it. It says,
in their language and then in French, the Art. 15(1) items — purposes, categories of data,
recipients, retention, rights (with the complaint to the Belgian Data Protection Authority),
source, no automated decision — and lists their log entries as dated sentences. The PDF is
drawn with the cover page's raster writer (nextstep.bundle.render: Arabic shaped and set right
to left) and carries the same invisible text layer, so pdftotext extracts every line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nextstep.audit.entry import Entry
from nextstep.bundle import i18n as bundle_i18n
from nextstep.consent import purposes, wording

if TYPE_CHECKING:
    from nextstep.config import Settings

A4_PT = (595.28, 841.89)
LETTER_DPI = 150.0


def _categories(found: Sequence[tuple[Entry, dict[str, Any] | None]]) -> list[str]:
    """Category slugs recorded for the person: in the encrypted payload (or, in entries
    written before categories were encrypted, in the clear details)."""
    seen: list[str] = []
    for e, private in found:
        for source in (private or {}, e.details):
            slug = source.get("category") or source.get("to")
            if isinstance(slug, str) and slug not in seen:
                seen.append(slug)
    return seen


def _entry_line(e: Entry, private: dict[str, Any] | None, lang: str) -> str:
    key = f"event_{e.event}"
    words = wording.t(key if key in wording.MSGIDS else "event_other", lang)
    extra = ""
    cat = (private or {}).get("category") or e.details.get("category")
    if e.event == "document_classified" and isinstance(cat, str):
        extra = f" : {bundle_i18n.category(cat, lang)}"
    if e.event in ("consent_given",) and isinstance(e.details.get("purposes"), dict):
        yes = [purposes.title(p, lang) for p, v in e.details["purposes"].items() if v]
        extra = " : " + "; ".join(yes) if yes else ""
    if e.event == "consent_withdrawn" and isinstance(e.details.get("purposes"), list):
        extra = " : " + "; ".join(purposes.title(str(p), lang) for p in e.details["purposes"])
    if e.enc is not None and private is None:
        extra += f" ({wording.t('erased_text', lang)})"
    return f"{e.time[:10]} {e.time[11:16]} - {words}{extra}"


def letter_lines(
    found: Sequence[tuple[Entry, dict[str, Any] | None]],
    lang: str,
    *,
    controller: str,
    contact: str,
    dpo: str = "",
) -> list[tuple[str, str]]:
    """The letter in one language as (style, text) pairs: "h1", "h2" or "p"."""

    def w(key: str) -> str:
        return wording.t(key, lang)

    code = wording.language_for(lang)
    out: list[tuple[str, str]] = [("h1", w("letter_title")), ("p", w("letter_intro"))]
    out.append(("p", f"{w('controller')} : {controller}. {w('contact')} : {contact}"))
    if dpo:
        out.append(("p", f"{w('dpo')} : {dpo}"))
    given: list[str] = []  # the purposes in force now: the last consent less withdrawals
    for e, _ in found:
        if e.event == "consent_given" and isinstance(e.details.get("purposes"), dict):
            given = [p for p, v in e.details["purposes"].items() if v]
        elif e.event == "consent_withdrawn" and isinstance(e.details.get("purposes"), list):
            given = [p for p in given if p not in e.details["purposes"]]
    out.append(("h2", w("purposes_h")))
    out += [("p", f"- {purposes.title(p, code)}") for p in given]
    if not given:
        out.append(("p", w("entries_none")))
    out.append(("h2", w("categories_h")))
    out.append(("p", w("categories_text")))
    cats = _categories(found)
    names = ", ".join(bundle_i18n.category(c, code) for c in cats) or w("categories_none")
    out.append(("p", f"{w('categories_seen')} : {names}"))
    out += [("h2", w("recipients_h")), ("p", w("recipients_text"))]
    out += [("h2", w("retention_h")), ("p", w("retention_text"))]
    out += [("h2", w("rights_h")), ("p", f"{w('rights_text')} : {wording.APD_CONTACT}")]
    out += [("h2", w("source_h")), ("p", w("source_text"))]
    out += [("h2", w("automated_h")), ("p", w("automated_text"))]
    out.append(("h2", w("entries_h")))
    if not found:
        out.append(("p", w("entries_none")))
    out += [("p", _entry_line(e, private, code)) for e, private in found]
    return out


def letter_pdf(
    found: Sequence[tuple[Entry, dict[str, Any] | None]],
    language: str,
    *,
    controller: str,
    contact: str,
    dpo: str = "",
) -> bytes:
    """The access letter as a PDF: the person's language first, then French."""
    from nextstep.bundle.keycard import card_pdf
    from nextstep.bundle.render import GREY, Writer

    w = Writer(*A4_PT, dpi=LETTER_DPI, margin_pt=40)
    for n, code in enumerate(wording.both(language)):
        rtl = bundle_i18n.is_rtl(code)
        if n:
            w.space(10)
            w.rule()
        for style, text in letter_lines(
            found, code, controller=controller, contact=contact, dpo=dpo
        ):
            if style == "h1":
                w.text(text, size_pt=16, bold=True, rtl=rtl)
                w.space(4)
            elif style == "h2":
                w.space(5)
                w.text(text, size_pt=12, bold=True, rtl=rtl)
            else:
                w.text(text, size_pt=10, rtl=rtl, color=(0, 0, 0) if n == 0 else GREY)
    return card_pdf(w.pages)


def write_letter(
    out: Path, found: Sequence[tuple[Entry, dict[str, Any] | None]], settings: Settings
) -> str:
    """Write the letter to ``out`` in the person's language (from their log entries) and
    French; return that language."""
    from nextstep.fsio import write_atomic

    language = "fr"
    for e, private in found:
        if e.event == "session_start" and private and private.get("language"):
            language = str(private["language"])
    data = letter_pdf(
        found,
        language,
        controller=settings.org_name,
        contact=settings.org_contact,
        dpo=settings.dpo_contact,
    )
    write_atomic(out, data, mode=0o600)
    return language
