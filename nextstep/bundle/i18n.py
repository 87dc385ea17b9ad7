"""The words of the cover page, key card and calendar, by key, in the person's language.

A thin adapter over the one translation mechanism (:mod:`nextstep.i18n`, ``documents``
domain): each key names an English msgid, translated in the ``.po`` catalogues. A draft
language missing a string shows French (never English) beside the French line.
"""

from __future__ import annotations

import datetime as dt

from nextstep import i18n
from nextstep.i18n import N_, is_rtl, lang2

__all__ = ["KEYS", "both", "category", "date_text", "is_rtl", "lang2", "pages", "t"]

KEYS: dict[str, str] = {
    "title": N_("My documents"),
    "made_on": N_("Made on"),
    "bundle": N_("Bundle"),
    "deadlines": N_("Deadlines"),
    "earliest": N_("EARLIEST DEADLINE"),
    "no_deadlines": N_("No deadline found."),
    "documents": N_("Documents"),
    "references": N_("Reference numbers"),
    "help": N_("Where to get help"),
    "cover": N_("Cover"),
    "card_title": N_("Key to my documents"),
    "card_keep": N_("Keep this card apart from the USB drive."),
    "card_next": N_("Next deadlines"),
    "card_digits": N_("Type only the digits 0–9."),
    "password": N_("Password"),
    "phone_calendar": N_(
        "To put these deadlines in your phone: open the attachment deadlines.ics in this PDF "
        "and choose “Add to calendar”."
    ),
    **i18n.DEADLINE_KIND_NAMES,
}


def t(key: str, language: str) -> str:
    return i18n.tr(language, KEYS[key])


def category(slug: str, language: str) -> str:
    return i18n.category(language, slug)


def pages(n: int, language: str) -> str:
    """'1 page', '3 pages', '3 صفحات': the plural from the catalogue's Plural-Forms."""
    return i18n.trn(language, "{n} page", "{n} pages", n)


def both(key: str, language: str) -> str:
    """'Deadlines / Échéances': the person's language first, French beside it."""
    own, fr = t(key, language), t(key, "fr")
    return own if own == fr else f"{own} / {fr}"


def date_text(day: dt.date) -> str:
    return i18n.date_text(day)
