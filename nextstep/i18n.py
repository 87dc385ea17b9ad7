"""The one translation mechanism: gettext catalogues (Babel) and the one list of RTL languages.

Every string a person or staff member sees is an English msgid marked in the source and
translated in ``nextstep/locale/<lang>/LC_MESSAGES/<domain>.po``:

- ``staff``: the staff UI, drive statuses, preflight, lock-out (fr, nl, de; English = msgid);
- ``person``: the person's kiosk screens;
- ``documents``: what is printed or written for the person (cover, key card, slips, help,
  calendar, drive README).

The ``.po`` files are the only source of truth; they are compiled in memory at first use
(Babel ``read_po`` + ``write_mo``), so no ``.mo`` file can go stale. A catalogue whose header
comment holds a line starting with ``DRAFT`` is a draft (to be checked by a sworn translator):
what it lacks falls back to **French**, never to the English msgid, because French is the
language of Belgian institutions and of the staff beside the person. This module knows
nothing about terminals (``kiosk.i18n`` shapes text for display) and never imports the UI.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAINS = ("staff", "person", "documents")
PERSON_DOMAINS = frozenset({"person", "documents"})


@dataclass(frozen=True)
class Language:
    code: str
    native: str  # the language's own name, in its own script
    english: str
    rtl: bool = False
    staff: bool = False  # may the staff UI run in it?


LANGUAGES: tuple[Language, ...] = (
    Language("fr", "Français", "French", staff=True),
    Language("nl", "Nederlands", "Dutch", staff=True),
    Language("en", "English", "English", staff=True),
    Language("de", "Deutsch", "German", staff=True),
    Language("ar", "العربية", "Arabic", rtl=True),
    Language("fa", "دری / فارسی", "Dari / Persian", rtl=True),
    Language("ps", "پښتو", "Pashto", rtl=True),
    Language("ti", "ትግርኛ", "Tigrinya"),
    Language("es", "Español", "Spanish"),
    Language("tr", "Türkçe", "Turkish"),
    Language("sq", "Shqip", "Albanian"),
)
BY_CODE = {lang.code: lang for lang in LANGUAGES}
STAFF_LANGUAGES = tuple(lang.code for lang in LANGUAGES if lang.staff)
PERSON_LANGUAGES = tuple(lang.code for lang in LANGUAGES)
#: The one list of right-to-left languages (``prs`` is Dari's own code).
RTL_LANGUAGES = frozenset(lang.code for lang in LANGUAGES if lang.rtl)

_ALIASES = {
    "fra": "fr",
    "nld": "nl",
    "eng": "en",
    "deu": "de",
    "ger": "de",
    "ara": "ar",
    "fas": "fa",
    "per": "fa",
    "prs": "fa",
    "pus": "ps",
    "tir": "ti",
    "spa": "es",
    "tur": "tr",
    "sqi": "sq",
    "alb": "sq",
}


def lang2(language: str) -> str:
    """Our code from 'fr', 'fra', 'fr-BE', 'prs' or a Tesseract string like 'nld+eng'."""
    code = language.split("+")[0].split("-")[0].split("_")[0].lower()
    return _ALIASES.get(code, code)


def is_rtl(language: str) -> bool:
    return lang2(language) in RTL_LANGUAGES


def catalogue_path(domain: str, code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po"


@cache
def is_draft(code: str) -> bool:
    """True when the language's catalogues are marked as drafts in their header comment."""
    # Deferred: Babel loads only when a catalogue, number or date needs it.
    from babel.messages.pofile import read_po

    for domain in DOMAINS:
        po = catalogue_path(domain, code)
        if po.is_file():
            with po.open("rb") as fh:
                header = read_po(fh).header_comment
            if any(line.lstrip("# ").startswith("DRAFT") for line in header.splitlines()):
                return True
    return False


def _compiled(domain: str, code: str) -> gettext.NullTranslations | None:
    # Deferred: Babel loads only when a catalogue, number or date needs it.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = catalogue_path(domain, code)
    if not po.is_file():
        return None
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=code)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def translations(domain: str, language: str) -> gettext.NullTranslations:
    """The catalogue of ``domain`` in ``language``, with its fallback.

    Person-facing domains fall back to French (then the msgid only for English itself);
    the staff domain falls back to the English msgid. Never raises for an unknown language.
    """
    return _chain(domain, lang2(language))


@cache
def _chain(domain: str, code: str) -> gettext.NullTranslations:
    # Each chain compiles its own objects: add_fallback mutates, so nothing is shared.
    own = _compiled(domain, code) or gettext.NullTranslations()
    if code not in ("fr", "en") and domain in PERSON_DOMAINS:
        french = _compiled(domain, "fr")
        if french is not None:
            own.add_fallback(french)
    return own


@cache
def _own(domain: str, code: str) -> gettext.NullTranslations:
    return _compiled(domain, code) or gettext.NullTranslations()


def translated(domain: str, language: str, message: str) -> bool:
    """Whether ``language``'s own catalogue translates ``message`` (no fallback counted);
    English, the msgid language, always does."""
    code = lang2(language)
    return code == "en" or _own(domain, code).gettext(message) != message


def tr(language: str, message: str, **fields: object) -> str:
    """``message`` (an English msgid of the ``documents`` domain) in ``language``."""
    out = translations("documents", language).gettext(message)
    return out.format(**fields) if fields else out


def trn(language: str, singular: str, plural_: str, n: int) -> str:
    """The plural form for ``n`` in ``language`` (``{n}`` is filled with Babel's number)."""
    out = translations("documents", language).ngettext(singular, plural_, n)
    return out.format(n=number(n, language))


def staff_text(language: str, message: str) -> str:
    """A staff-facing sentence (drive status, preflight, lock-out) in a staff language."""
    return translations("staff", language).gettext(message)


def N_(message: str) -> str:  # noqa: N802 - gettext's marker convention
    """Mark a module constant for extraction; translate it at use with :func:`tr`."""
    return message


def NS_(message: str) -> str:  # noqa: N802 - gettext's marker convention
    """Mark a staff-facing module constant (``staff`` domain) in the domain layer."""
    return message


def tr_both(language: str, message: str, *, sep: str = " / ") -> str:
    """'Deadlines / Échéances': the person's language first, French beside it."""
    own, fr = tr(language, message), tr("fr", message)
    return own if own == fr else f"{own}{sep}{fr}"


# The domain's vocabularies, as English msgids of the ``documents`` domain.
CATEGORY_NAMES: dict[str, str] = {
    "asylum": N_("Asylum"),
    "residence": N_("Residence"),
    "family": N_("Family"),
    "housing": N_("Housing"),
    "allowances": N_("Allowances and CPAS"),
    "debt": N_("Debt"),
    "employment": N_("Employment"),
    "health": N_("Health"),
    "schooling": N_("School"),
    "justice": N_("Justice"),
    "other": N_("Other"),
}
DEADLINE_KIND_NAMES: dict[str, str] = {
    "appeal": N_("appeal"),
    "payment": N_("payment"),
    "appointment": N_("appointment"),
    "expiry": N_("expiry"),
    "response": N_("response"),
    "other": N_("other"),
}
REFERENCE_KIND_NAMES: dict[str, str] = {
    "cgra_file": N_("CGRA file number"),
    "oe_file": N_("Immigration Office file number"),
    "national_register": N_("national register number"),
    "structured_communication": N_("structured payment reference"),
    "iban": N_("IBAN"),
    "file": N_("file number"),
}


def category(language: str, slug: str) -> str:
    return tr(language, CATEGORY_NAMES.get(slug, CATEGORY_NAMES["other"]))


def deadline_kind(language: str, kind: str) -> str:
    return tr(language, DEADLINE_KIND_NAMES.get(kind, DEADLINE_KIND_NAMES["other"]))


def reference_kind(language: str, kind: str) -> str:
    """'numéro CGRA' for ``cgra_file``: never the internal name on a page."""
    return tr(language, REFERENCE_KIND_NAMES.get(kind, REFERENCE_KIND_NAMES["file"]))


def babel_locale(language: str) -> str:
    code = lang2(language)
    return code if code in BY_CODE else "fr"


def number(n: int, language: str) -> str:
    # Deferred: Babel loads only when a catalogue, number or date needs it.
    from babel.numbers import format_decimal

    return str(format_decimal(n, locale=babel_locale(language)))


def date_text(day: dt.date) -> str:
    """Numeric dates read the same in every language: 03/12/2026 (day/month/year, Belgian).

    Kept numeric on purpose (Babel's Belgian-French short pattern) so that a caseworker and
    the person read the same digits; month names come from :func:`long_date`."""
    # Deferred: Babel loads only when a catalogue, number or date needs it.
    from babel.dates import format_date

    return str(format_date(day, "dd/MM/yyyy", locale="fr_BE"))


def long_date(day: dt.date, language: str) -> str:
    """'3 décembre 2026' / '3 ديسمبر 2026' from Babel's CLDR data."""
    # Deferred: Babel loads only when a catalogue, number or date needs it.
    from babel.dates import format_date

    return str(format_date(day, "long", locale=babel_locale(language)))
