"""The commands a session accepts: one frozen dataclass each, the messages the UI sends to
the session (in the same process, or to its child process through a pipe).

Each command names documents and pages by position in :attr:`SessionView.documents` (what the
UI shows), never by object: the UI holds no document object to hand back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scanners.types import RawImage

if TYPE_CHECKING:
    from nextstep.sharing.export import ShareRequest


@dataclass(frozen=True)
class GiveConsent:
    choices: dict[str, bool]
    informed: str = "screen"
    notice_language: str = ""
    interpreter_language: str | None = None


@dataclass(frozen=True)
class WithdrawConsent:
    purposes: tuple[str, ...] | None = None  # None: every purpose given


@dataclass(frozen=True)
class Capture:
    """Pages a scanner in the UI's process delivered (the camera's live view, a flatbed);
    processed, judged and kept by the session."""

    raws: tuple[RawImage, ...]
    new_document: bool = True


@dataclass(frozen=True)
class CaptureSource:
    """Capture from a source the session opens in its own process (``demo``, ``files`` with
    the person's file paths, ``sane[:device]``), one document per command."""

    spec: str
    files: tuple[str, ...] = ()
    new_document: bool = True


@dataclass(frozen=True)
class Analyze:
    """OCR and classify every document not yet read."""


@dataclass(frozen=True)
class MovePage:
    document: int
    source: int
    target: int


@dataclass(frozen=True)
class Merge:
    """Join document ``document + 1`` onto ``document``."""

    document: int


@dataclass(frozen=True)
class SplitDocument:
    """Cut ``document`` before ``page``: the later pages become the next document."""

    document: int
    page: int


@dataclass(frozen=True)
class DeletePage:
    document: int
    page: int


@dataclass(frozen=True)
class SetCategory:
    document: int
    category: str


@dataclass(frozen=True)
class ConfirmDeadline:
    document: int
    deadline: int
    date: dt.date | None = None  # a corrected date, or None to confirm as read


@dataclass(frozen=True)
class AddDeadline:
    document: int
    date: dt.date
    kind: str


@dataclass(frozen=True)
class Reopen:
    """A return visit: check, repair and open the bundle on the drive with the passphrase."""

    passphrase: str = field(repr=False)
    spec: str | None = None
    bundle: str | None = None  # which bundle, when the holder has several on the drive


@dataclass(frozen=True)
class Build:
    """Make the encrypted, signed bundle (version n+1 on a return visit)."""


@dataclass(frozen=True)
class Write:
    spec: str | None = None


@dataclass(frozen=True)
class Share:
    """A copy of chosen documents for one recipient; ``agreed`` is the person's answer."""

    request: ShareRequest
    agreed: bool | None = None


@dataclass(frozen=True)
class ShareChoices:
    """The documents a share may choose from, with their first pages as small pictures."""


@dataclass(frozen=True)
class CheckDrive:
    """Whose bundles the drive already holds, before a new person's bundle is written."""

    spec: str | None = None


@dataclass(frozen=True)
class WriteBackup:
    spec: str


@dataclass(frozen=True)
class Eject:
    pass


@dataclass(frozen=True)
class KeycardPrinted:
    """The UI printed the key card: logged as such (the printer is the UI's)."""


@dataclass(frozen=True)
class MakeSlips:
    """The referral and reminder slips, made before the end wipes the documents."""


@dataclass(frozen=True)
class View:
    """What the UI shows of the visit now (no command, no log entry)."""


@dataclass(frozen=True)
class End:
    pass


Command = (
    GiveConsent
    | WithdrawConsent
    | Capture
    | CaptureSource
    | Analyze
    | MovePage
    | Merge
    | SplitDocument
    | DeletePage
    | SetCategory
    | ConfirmDeadline
    | AddDeadline
    | Reopen
    | Build
    | Write
    | Share
    | ShareChoices
    | CheckDrive
    | WriteBackup
    | Eject
    | KeycardPrinted
    | MakeSlips
    | View
    | End
)
