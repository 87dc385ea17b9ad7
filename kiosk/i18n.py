"""Languages, gettext catalogues and right-to-left display for the kiosk.

Two audiences share one screen: **staff** (French, Dutch, English, German) and the **person**
(those four plus Arabic, Dari/Persian, Pashto, Tigrinya, Spanish, Turkish and Albanian). Staff
strings are marked ``_("...")`` and live in the ``staff`` domain; person-facing strings are
marked ``_p("...")`` and live in the ``person`` domain (``kiosk/locale/<lang>/LC_MESSAGES/``).
Babel extracts both (``kiosk/babel.cfg``, see ``kiosk/locale/README.md``).

The ``.po`` files are the only source of truth: they are compiled in memory when a language
is first used (Babel's ``read_po`` + ``write_mo`` into a buffer), so no compiled ``.mo`` file
can go stale in the repository.

Right-to-left: Textual lays out cells left to right and does not run the Unicode bidi
algorithm, and kiosk terminals (foot, in Cage) do not shape Arabic letters. So every string
shown in Arabic, Persian or Pashto goes through :func:`display`: ``arabic_reshaper`` picks the
joined letter forms, then ``python-bidi`` reorders the line into visual order. Reordering is
per line, so long texts are wrapped first (:func:`wrap`) in logical order and each line is
reordered after; widgets holding RTL text are right-aligned (the ``rtl`` CSS class).
"""

from __future__ import annotations

import gettext
import io
import textwrap
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@dataclass(frozen=True)
class Language:
    code: str
    native: str  # the language's own name, in its own script
    english: str
    rtl: bool = False
    staff: bool = False  # may the staff UI run in it?
    draft: bool = False  # translation still to be checked by a sworn translator


LANGUAGES: tuple[Language, ...] = (
    Language("fr", "Français", "French", staff=True),
    Language("nl", "Nederlands", "Dutch", staff=True),
    Language("en", "English", "English", staff=True),
    Language("de", "Deutsch", "German", staff=True),
    Language("ar", "العربية", "Arabic", rtl=True, draft=True),
    Language("fa", "دری / فارسی", "Dari / Persian", rtl=True, draft=True),
    Language("ps", "پښتو", "Pashto", rtl=True, draft=True),
    Language("ti", "ትግርኛ", "Tigrinya", draft=True),
    Language("es", "Español", "Spanish", draft=True),
    Language("tr", "Türkçe", "Turkish", draft=True),
    Language("sq", "Shqip", "Albanian", draft=True),
)
BY_CODE = {lang.code: lang for lang in LANGUAGES}
STAFF_LANGUAGES = tuple(lang.code for lang in LANGUAGES if lang.staff)
PERSON_LANGUAGES = tuple(lang.code for lang in LANGUAGES)
DOMAINS = ("staff", "person")


def is_rtl(code: str) -> bool:
    lang = BY_CODE.get(code)
    return bool(lang and lang.rtl)


@cache
def translations(domain: str, code: str) -> gettext.NullTranslations:
    """The catalogue of ``domain`` in ``code``, compiled in memory from its .po file.

    A missing catalogue falls back to the English msgids (never an exception on screen)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = LOCALE_DIR / code / "LC_MESSAGES" / f"{domain}.po"
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=code.replace("-", "_"))
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


class Translator:
    """Holds the current staff and person languages; ``_``/``_p`` read them at call time."""

    def __init__(self, staff: str = "fr", person: str = "fr") -> None:
        self.staff = staff if staff in STAFF_LANGUAGES else "fr"
        self.person = person if person in PERSON_LANGUAGES else self.staff

    def staff_text(self, message: str) -> str:
        return translations("staff", self.staff).gettext(message)

    def person_text(self, message: str) -> str:
        return display(translations("person", self.person).gettext(message), self.person)


CURRENT = Translator()


def set_languages(*, staff: str | None = None, person: str | None = None) -> None:
    if staff is not None:
        CURRENT.staff = staff if staff in STAFF_LANGUAGES else "fr"
    if person is not None:
        CURRENT.person = person if person in PERSON_LANGUAGES else CURRENT.staff


def _(message: str) -> str:
    """Staff-facing text in the staff's language."""
    return CURRENT.staff_text(message)


def _p(message: str) -> str:
    """Person-facing text in the person's language, already in visual order if RTL."""
    return CURRENT.person_text(message)


def N_(message: str) -> str:
    """Mark a staff string for extraction without translating it yet (module constants)."""
    return message


def Np_(message: str) -> str:
    """Mark a person string for extraction without translating it yet."""
    return message


def person_raw(message: str, code: str | None = None) -> str:
    """Person-facing text in logical order (for wrapping before :func:`display`)."""
    return translations("person", code or CURRENT.person).gettext(message)


def display(text: str, code: str) -> str:
    """Visual order for the terminal: shape and reorder each line when ``code`` is RTL."""
    if not is_rtl(code) or not text:
        return text
    import arabic_reshaper
    from bidi.algorithm import get_display

    return "\n".join(
        str(get_display(arabic_reshaper.reshape(line), base_dir="R")) for line in text.split("\n")
    )


def wrap(text: str, code: str, width: int) -> str:
    """Wrap ``text`` (logical order) to ``width`` cells, then put each line in visual order.

    Needed for RTL because Textual would otherwise wrap an already-reordered line and show
    its end first; harmless for left-to-right languages."""
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(textwrap.wrap(para, width) or [""])
    return display("\n".join(lines), code)
