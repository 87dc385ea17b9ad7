"""The recipient's cover page and slip texts, in French and the languages services read.

English msgids of the ``documents`` gettext domain (translated in
``nextstep/locale/<lang>/LC_MESSAGES/documents.po``), looked up by a short key: these pages
are for the recipient, rendered into the shared bundle and the printed slip, the same on every
kiosk. French is always present (the working language in Liège); a directory service's other
language (``languages`` in the directory file) is added when it is one of :data:`LANGUAGES`.
"""

from __future__ import annotations

from nextstep import i18n
from nextstep.i18n import N_

#: The languages a recipient's cover page is written in (French always, then these).
LANGUAGES: tuple[str, ...] = ("fr", "nl", "de", "en")

MSGIDS: dict[str, str] = {
    "cover_title": N_("Documents shared with you"),
    "recipient": N_("Recipient: {name}"),
    "consent": N_(
        "The person handing you these documents gave explicit consent on {date} for them to "
        "be passed to you, and to you only. They may withdraw this consent at any time."
    ),
    "holds": N_("This bundle holds {n} document(s):"),
    "signed": N_("Signed by kiosk {kiosk} of {org} (minisign key {keyid})."),
    "pages_same": N_(
        "The pages are byte for byte those of the source bundle: their SHA-256 hashes are in "
        "the signed manifest."
    ),
    "check": N_("Check the signature:"),
    "slip_title": N_("Slip for the recipient"),
    "one_time": N_("One-time password (for this bundle only)"),
    "sent_by": N_("Sent by {org}, kiosk {kiosk}, on {date}"),
    "file": N_("File: {path}"),
    "keep_apart": N_("Hand this slip over separately from the USB drive."),
    "pages": N_("pages"),
    "receipt": N_("On {date}, copy of {n} document(s) ({categories}) for: {name}"),
}


def t(key: str, language: str, **fields: object) -> str:
    """``key`` in ``language`` (French for a language not in :data:`LANGUAGES`), filled in."""
    lang = language if language in LANGUAGES else "fr"
    return i18n.tr(lang, MSGIDS[key], **fields)


def check_command(stem: str) -> str:
    """The stock minisign command the recipient runs beside the shared files."""
    return f"minisign -Vm {stem}.manifest.json -p nextstep-org.pub"
