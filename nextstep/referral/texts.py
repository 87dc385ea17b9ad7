"""The fixed texts of the referral sections and slips, by key, in the person's language.

A thin adapter over the one translation mechanism (:mod:`nextstep.i18n`, ``documents``
domain): each key names an English msgid; the translations live in the ``.po`` catalogues,
and a draft language missing one falls back to French, never English.
"""

from __future__ import annotations

from nextstep import i18n
from nextstep.i18n import N_, is_rtl, lang2

__all__ = ["KEYS", "both", "is_rtl", "lang2", "t"]

KEYS: dict[str, str] = {
    "help_title": N_("Where to get help"),
    "referral_title": N_("Referral slip"),
    "reminder_title": N_("My deadlines"),
    "address": N_("Address"),
    "hours": N_("Hours"),
    "phone": N_("Phone"),
    "languages": N_("Languages"),
    "appointment_yes": N_("By appointment"),
    "appointment_no": N_("No appointment needed"),
    "to_check": N_("to check"),
    "for_deadline": N_("For the deadline"),
    "today": N_("today"),
    "past": N_("deadline passed"),
    "bring": N_("Bring this slip and your USB drive (your documents)."),
    "sample": N_("SAMPLE - directory to be checked by the organisation"),
    "printed": N_("Printed on"),
    "no_deadlines": N_("No deadline found."),
    "who": N_("Who can help"),
    **i18n.DEADLINE_KIND_NAMES,
}


def t(key: str, language: str, **kw: object) -> str:
    """The text of ``key`` in ``language`` (French where a draft lacks it)."""
    if key == "days_left":
        n = kw.get("n", 0)
        return i18n.trn(language, "in {n} day", "in {n} days", n if isinstance(n, int) else 0)
    return i18n.tr(language, KEYS[key], **kw)


def both(key: str, language: str, **kw: object) -> str:
    """Person's language, then French in brackets (French alone when they are the same)."""
    own, fr = t(key, language, **kw), t(key, "fr", **kw)
    if own == fr:
        return own
    # brackets around Latin words on a right-to-left line come out mirrored in extractors
    return f"{own} / {fr}" if is_rtl(language) else f"{own} ({fr})"
