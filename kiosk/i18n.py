"""Languages, gettext catalogues and right-to-left display for the kiosk.

Two audiences share one screen: **staff** (French, Dutch, English, German) and the **person**
(those four plus Arabic, Dari/Persian, Pashto, Tigrinya, Spanish, Turkish and Albanian). Staff
strings are marked ``_("...")`` (``staff`` domain); person-facing strings ``_p("...")``
(``person`` domain). The languages, catalogues, fallbacks and the one list of right-to-left
languages are the domain's (``nextstep.i18n``, ``nextstep/locale/README.md``); this module
only adds what a terminal needs: shaping and visual order.

Right-to-left: Textual lays out cells left to right and does not run the Unicode bidi
algorithm, and kiosk terminals (foot, in Cage) do not shape Arabic letters. So every string
shown in Arabic, Persian or Pashto goes through :func:`display`: ``arabic_reshaper`` picks the
joined letter forms, then ``python-bidi`` reorders the line into visual order. Reordering is
per line, so long texts are wrapped first (:func:`wrap`) in logical order and each line is
reordered after; widgets holding RTL text are right-aligned (the ``rtl`` CSS class).
"""

from __future__ import annotations

import textwrap

from nextstep.i18n import (
    BY_CODE,
    DOMAINS,
    LANGUAGES,
    LOCALE_DIR,
    PERSON_LANGUAGES,
    RTL_LANGUAGES,
    STAFF_LANGUAGES,
    Language,
    is_draft,
    is_rtl,
    translations,
)

__all__ = [
    "BY_CODE",
    "CURRENT",
    "DOMAINS",
    "LANGUAGES",
    "LOCALE_DIR",
    "PERSON_LANGUAGES",
    "RTL_LANGUAGES",
    "STAFF_LANGUAGES",
    "Language",
    "N_",
    "Np_",
    "Translator",
    "_",
    "_p",
    "display",
    "shape",
    "is_draft",
    "is_rtl",
    "person_raw",
    "set_languages",
    "translations",
    "wrap",
]


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


# Letters of Pashto that Unicode gives no presentation forms (arabic_reshaper knows none), by
# joining type: dual-joining ones join on both sides like ت, right-joining ones only to the
# letter before like ر. Left to arabic_reshaper they count as non-letters and break the joins
# of their neighbours (پښتو came out as ﭖښﺗﻮ: پ isolated). They are shaped through a stand-in
# letter of the same joining type that has forms (Urdu ٹ and ڈ, in none of our languages), then
# put back unshaped, so every neighbour gets its right joined form (ﭘښﺘﻮ); the letter itself
# shows its base glyph, the best a terminal that does not shape can draw (docs/deploy.md).
_DUAL_NO_FORMS = frozenset("ټښځڅګڼ")
_RIGHT_NO_FORMS = frozenset("ړږډۍ")
_DUAL_STAND_IN, _RIGHT_STAND_IN = "ٹ", "ڈ"


def shape(line: str) -> str:
    """Joined letter forms (logical order) for a terminal that does not shape Arabic script."""
    import arabic_reshaper
    from arabic_reshaper.letters import LETTERS_ARABIC

    missing = [c for c in line if c in _DUAL_NO_FORMS or c in _RIGHT_NO_FORMS]
    if not missing or _DUAL_STAND_IN in line or _RIGHT_STAND_IN in line:
        return str(arabic_reshaper.reshape(line))
    stood_in = "".join(
        _DUAL_STAND_IN if c in _DUAL_NO_FORMS else _RIGHT_STAND_IN if c in _RIGHT_NO_FORMS else c
        for c in line
    )
    shaped = str(arabic_reshaper.reshape(stood_in))
    stand_in_forms = {_DUAL_STAND_IN, _RIGHT_STAND_IN}
    for letter in (_DUAL_STAND_IN, _RIGHT_STAND_IN):
        stand_in_forms.update(f for f in LETTERS_ARABIC[letter] if f)
    originals = iter(missing)  # reshaping keeps logical order, so occurrences line up
    return "".join(next(originals) if ch in stand_in_forms else ch for ch in shaped)


def display(text: str, code: str) -> str:
    """Visual order for the terminal: shape and reorder each line when ``code`` is RTL."""
    if not is_rtl(code) or not text:
        return text
    from bidi.algorithm import get_display

    return "\n".join(str(get_display(shape(line), base_dir="R")) for line in text.split("\n"))


def wrap(text: str, code: str, width: int) -> str:
    """Wrap ``text`` (logical order) to ``width`` cells, then put each line in visual order.

    Needed for RTL because Textual would otherwise wrap an already-reordered line and show
    its end first; harmless for left-to-right languages."""
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(textwrap.wrap(para, width) or [""])
    return display("\n".join(lines), code)
