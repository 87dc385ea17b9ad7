"""Message ids -> one short English sentence each, for every refusal and error of capture.

The kiosk translates by id (its catalogues key on these ids); English here is the source text
and the fallback. Ids are stable: QualityReason values, ScanError ``kind`` values and the
``notes`` a backend attaches to a RawImage.
"""

from __future__ import annotations

from scanners import errors
from scanners.types import QualityReason

QUALITY: dict[QualityReason, str] = {
    QualityReason.TOO_BLURRY: "The page is blurry: hold it still and capture it again.",
    QualityReason.GLARE: "Light is reflecting on the page: tilt it or move the lamp.",
    QualityReason.TOO_DARK: "The page is too dark: add light or move out of the shadow.",
    QualityReason.PAGE_NOT_FOUND: "No page was found: place the whole page on a dark surface.",
    QualityReason.TEXT_TOO_SMALL: "The text is too small to read: bring the camera closer.",
    QualityReason.CUT_OFF: "Part of the page is cut off: make sure all four corners are visible.",
}

ERRORS: dict[str, str] = {
    errors.ScanError.kind: "The capture failed.",
    errors.EmptyFileError.kind: "The file is empty.",
    errors.UnsupportedFileError.kind: "This file is not a photo, a scan or a PDF.",
    errors.CorruptFileError.kind: "The file is damaged and cannot be read.",
    errors.FileTooLargeError.kind: "The file is far too large to be a page.",
    errors.TooManyPagesError.kind: "The file has too many pages.",
    errors.EncryptedFileError.kind: "The PDF is protected by a password.",
    errors.DeviceError.kind: "The scanner or camera failed.",
    errors.NoDeviceError.kind: "No scanner or camera is connected.",
    errors.NoPageError.kind: "No page was captured.",
    errors.NoSamplesError.kind: "The demo pages are missing.",
    errors.ToolMissingError.kind: "A program needed for scanning is not installed.",
}

NOTES: dict[str, str] = {
    "pdf_active_content_dropped": "The PDF contained scripts or attachments; only its pages' "
    "images were kept.",
}


def sentence(message_id: str | QualityReason) -> str:
    """The English sentence for a message id (reason, error kind or note)."""
    if isinstance(message_id, QualityReason):
        return QUALITY[message_id]
    try:
        return QUALITY[QualityReason(message_id)]
    except ValueError:
        pass
    if message_id in ERRORS:
        return ERRORS[message_id]
    return NOTES.get(message_id, ERRORS[errors.ScanError.kind])


def all_ids() -> list[str]:
    """Every message id, for the translators' catalogue and its completeness test."""
    return [str(r) for r in QUALITY] + list(ERRORS) + list(NOTES)
