"""The short multilingual text file that tells the person how to open the bundle.

It is written next to the bundle on every write, in every language whose ``documents``
catalogue translates all of its sentences (``nextstep/locale``; English is the msgid), in
plain UTF-8 text with a BOM and CRLF line ends so that Notepad on an old Windows shows the
accents correctly. The text is generic (nothing about the person), so the same file serves
every drive.
"""

from __future__ import annotations

from functools import cache

from nextstep import i18n
from nextstep.i18n import N_

README_NAME = "LISEZ-MOI_README.txt"

PARAGRAPHS: tuple[str, ...] = (
    N_("This folder holds your documents in one protected PDF file."),
    N_("Open the .pdf file with a PDF reader (Adobe Reader, Firefox, Chrome, Edge)."),
    N_(
        "Type the password printed on the card you were given. Without it nobody can read "
        "your documents."
    ),
    N_("Keep the card apart from this drive. Make a copy of the drive."),
)


def languages() -> list[str]:
    """French first, then every language whose catalogue has all the sentences."""
    return [
        lang.code
        for lang in i18n.LANGUAGES
        if all(i18n.translated("documents", lang.code, p) for p in PARAGRAPHS)
    ]


def readme_text() -> str:
    parts = ["NextStep - Le Monde des Possibles", ""]
    for code in languages():
        parts.append(i18n.BY_CODE[code].native.upper())
        parts.extend(i18n.tr(code, p) for p in PARAGRAPHS)
        parts.append("")
    return "\n".join(parts)


@cache
def readme_bytes() -> bytes:
    """The README file's exact bytes (UTF-8 with BOM, CRLF)."""
    return "\ufeff".encode() + readme_text().replace("\n", "\r\n").encode("utf-8")
