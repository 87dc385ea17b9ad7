"""The one exception root of :mod:`scanners`, carrying a sentence staff can act on.

Each subclass has a stable ``kind`` (a message id) so the kiosk can show the sentence in the
staff's language (see :mod:`scanners.messages`); ``message`` stays the English fallback.
"""

from __future__ import annotations


class ScanError(Exception):
    """Capture failed; ``message`` is one plain sentence for staff, ``hint`` what to do."""

    kind: str = "scan_failed"

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class EmptyFileError(ScanError):
    """The file has no bytes at all (an interrupted copy from a phone, usually)."""

    kind = "file_empty"


class UnsupportedFileError(ScanError):
    """The bytes are not an image or PDF we read, whatever the file name says."""

    kind = "file_unsupported"


class CorruptFileError(ScanError):
    """The format is recognised but the data is damaged or truncated."""

    kind = "file_corrupt"


class FileTooLargeError(ScanError):
    """Pixel count or byte size beyond what a page can be (decompression bombs land here)."""

    kind = "file_too_large"


class TooManyPagesError(ScanError):
    """More pages than one person's document can have; refuse before rendering any."""

    kind = "file_too_many_pages"


class EncryptedFileError(ScanError):
    """A password-protected PDF: we cannot and will not guess the password."""

    kind = "file_encrypted"


class DeviceError(ScanError):
    """The camera or scanner is missing, busy or failed during a scan."""

    kind = "device_failed"


class NoDeviceError(DeviceError):
    """No device of that kind is connected or configured."""

    kind = "device_missing"


class NoPageError(ScanError):
    """The capture finished without any page (camera saw no stable page, feeder empty)."""

    kind = "no_page"


class SamplesUsedUpError(NoPageError):
    """Every demo sample has been captured (same ``kind``: no page this time)."""


class NoSamplesError(ScanError):
    """The demo samples are not installed."""

    kind = "demo_samples_missing"


class ToolMissingError(ScanError):
    """A program we drive (scanimage, tesseract) is not installed."""

    kind = "tool_missing"
