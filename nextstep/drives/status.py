"""Every outcome of putting a bundle on a person's drive, with one sentence staff can act on.

The kiosk shows exactly one of these sentences, in the staff's language (fr, nl, en, de; the
translations are in the ``staff`` gettext catalogues of ``nextstep/locale``), so
that whoever stands at the kiosk knows what to do next without reading a log. The enum is
exhaustive on purpose: any failure that escapes it would surface as a traceback, which the
project forbids.
"""

from __future__ import annotations

import enum

from nextstep.errors import NextStepError
from nextstep.i18n import NS_, STAFF_LANGUAGES, lang2, staff_text

LANGUAGES: tuple[str, ...] = STAFF_LANGUAGES


class DriveStatus(enum.Enum):
    """What happened to the drive; ``ok`` tells success from failure."""

    NO_DEVICE = "no_device"
    SEVERAL_DEVICES = "several_devices"
    UNSUPPORTED = "unsupported"
    READ_ONLY = "read_only"
    FULL = "full"
    TOO_LARGE = "too_large"
    BAD_NAME = "bad_name"
    REMOVED = "removed"
    IO_ERROR = "io_error"
    VERIFY_FAILED = "verify_failed"
    MOUNT_ERROR = "mount_error"
    BUSY = "busy"
    LOOP_POLICY = "loop_policy"
    TOOL_MISSING = "tool_missing"
    NOT_A_FILE = "not_a_file"
    FILE_TOO_LARGE = "file_too_large"
    READY = "ready"
    WRITTEN = "written"
    VERIFIED = "verified"
    EJECTED = "ejected"

    @property
    def ok(self) -> bool:
        return self in _SUCCESS

    def sentence(self, lang: str = "fr") -> str:
        return sentence(self, lang)


_SUCCESS = frozenset(
    {DriveStatus.READY, DriveStatus.WRITTEN, DriveStatus.VERIFIED, DriveStatus.EJECTED}
)

# One actionable sentence per status (English msgid, ``staff`` catalogue). One sentence each.
_SENTENCES: dict[DriveStatus, str] = {
    DriveStatus.NO_DEVICE: NS_("No USB drive found: plug in the person's drive and try again."),
    DriveStatus.SEVERAL_DEVICES: NS_(
        "Several USB drives are plugged in: remove all but the person's drive."
    ),
    DriveStatus.UNSUPPORTED: NS_(
        "This drive is not FAT32 or exFAT: use another drive or format it as exFAT with the "
        "person's agreement."
    ),
    DriveStatus.READ_ONLY: NS_(
        "The drive is write-protected: slide the lock switch on its side and plug it in again."
    ),
    DriveStatus.FULL: NS_(
        "The drive is full: free some space with the person or use another drive."
    ),
    DriveStatus.TOO_LARGE: NS_("The bundle exceeds 4 GB, the FAT32 limit: use an exFAT drive."),
    DriveStatus.BAD_NAME: NS_(
        "A file name is not accepted by the drive: report it to the technical team."
    ),
    DriveStatus.REMOVED: NS_(
        "The drive was removed during writing: plug it in again and write again, the previous"
        " bundle is intact."
    ),
    DriveStatus.IO_ERROR: NS_("The drive reported a read or write error: try another drive."),
    DriveStatus.VERIFY_FAILED: NS_(
        "The copy read back does not match the original and was removed: try another drive."
    ),
    DriveStatus.MOUNT_ERROR: NS_(
        "The drive cannot be opened: unplug it, plug it in again, and try another drive if "
        "this repeats."
    ),
    DriveStatus.BUSY: NS_("The drive is still in use: wait a few seconds and press Eject again."),
    DriveStatus.LOOP_POLICY: NS_(
        "A test drive (disk image) is refused outside demo mode: plug in a real USB drive."
    ),
    DriveStatus.TOOL_MISSING: NS_(
        "A system tool for drives is missing on this kiosk: tell the technical team (nextstep"
        " drive list names it)."
    ),
    DriveStatus.NOT_A_FILE: NS_(
        "A folder, link or special file on the drive has a kiosk file's name: rename it on a "
        "computer or use another drive."
    ),
    DriveStatus.FILE_TOO_LARGE: NS_(
        "A file on the drive named like a kiosk file is far too large and was not read: check"
        " the drive on a computer or use another drive."
    ),
    DriveStatus.READY: NS_("The drive is ready: you can write the bundle."),
    DriveStatus.WRITTEN: NS_(
        "The bundle is written but not yet verified: do not unplug the drive yet."
    ),
    DriveStatus.VERIFIED: NS_(
        "The bundle is written and verified: press Eject before unplugging the drive."
    ),
    DriveStatus.EJECTED: NS_("The drive can be unplugged and handed back to the person."),
}


def sentence(status: DriveStatus, lang: str = "fr") -> str:
    """The one sentence staff read for ``status`` in a staff language (``nextstep.i18n``);
    unknown languages fall back to French, the kiosk's default staff language."""
    code = lang2(lang)
    return staff_text(code if code in LANGUAGES else "fr", _SENTENCES[status])


class DriveError(NextStepError):
    """A drive operation failed; ``status`` says which way, ``message`` is its sentence."""

    def __init__(
        self, status: DriveStatus, detail: str = "", *, lang: str = "en", hint: str = ""
    ) -> None:
        message = sentence(status, lang)
        super().__init__(message, hint=hint or detail)
        self.status = status
        self.detail = detail
