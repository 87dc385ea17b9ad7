"""Sharing chosen documents with a recipient the person names (issue 18).

``recipients`` (who), ``export`` (build, write into ``partage-share/``, verify, slip),
``cover`` and ``slip`` (what the recipient reads), ``copies`` (the drive folder, and
:func:`remove_shared_copies` for consent withdrawal). :func:`shares_made` lists a visit's
shares for the person's receipt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nextstep.sharing.copies import SHARE_FOLDER, remove_shared_copies
from nextstep.sharing.export import ShareOutcome, ShareRecord, ShareRequest, share_to_drive
from nextstep.sharing.recipients import (
    Recipient,
    RecipientError,
    RecipientKind,
    from_directory,
    typed,
)

if TYPE_CHECKING:
    from nextstep.session import Session


def shares_made(session: Session) -> list[ShareRecord]:
    """The shares made in this visit (recipient in the person's words), for the receipt."""
    return list(session.shares)


def receipt_lines(records: list[ShareRecord], language: str) -> list[str]:
    """One line per share for the person's receipt, in ``language`` (fr, nl, de, en; else
    French), the recipient as the person named them."""
    from nextstep.bundle import i18n
    from nextstep.sharing.texts import LANGUAGES, t

    lang = language[:2] if language[:2] in LANGUAGES else "fr"
    return [
        t(
            "receipt",
            lang,
            date=i18n.date_text(r.day),
            n=r.documents,
            categories=", ".join(i18n.category(c, lang) for c in dict.fromkeys(r.categories)),
            name=r.recipient,
        )
        for r in records
    ]


__all__ = [
    "SHARE_FOLDER",
    "Recipient",
    "RecipientError",
    "RecipientKind",
    "ShareOutcome",
    "ShareRecord",
    "ShareRequest",
    "from_directory",
    "receipt_lines",
    "remove_shared_copies",
    "share_to_drive",
    "shares_made",
    "typed",
]
