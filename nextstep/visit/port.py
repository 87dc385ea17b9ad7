"""What a UI may call on a person's session: the commands and the view, nothing else.

Both :class:`nextstep.session.Session` (in the UI's process: tests, benchmarks) and
:class:`nextstep.visit.process.SessionProcess` (in its own child process: the kiosk, the
demo) satisfy it, so the kiosk is written against this and never against a document object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations only: the kiosk imports this before its first screen
    from nextstep.drives.status import DriveStatus
    from nextstep.drives.target import WriteReport
    from nextstep.returning import WriteCheck
    from nextstep.sharing.choices import ShareableDocument
    from nextstep.sharing.export import ShareOutcome, ShareRequest
    from nextstep.visit.outcomes import (
        Built,
        CaptureOutcome,
        Ended,
        ReturnVisit,
        SessionView,
        Slips,
    )
    from nextstep.visit.stage import Stage
    from scanners.types import RawImage


class SessionPort(Protocol):
    holder_id: str
    language: str
    stage: Stage

    @property
    def ended(self) -> bool: ...

    def view(self) -> SessionView: ...

    def give_consent(
        self,
        choices: Mapping[str, bool],
        *,
        informed: str = "screen",
        notice_language: str = "",
        interpreter_language: str | None = None,
    ) -> SessionView: ...

    def withdraw_consent(self, purposes: Sequence[str] | None = None) -> SessionView: ...

    def capture_pages(
        self, raws: Sequence[RawImage], *, new_document: bool = True
    ) -> CaptureOutcome: ...

    def capture_source(
        self, spec: str, files: Sequence[str] = (), *, new_document: bool = True
    ) -> CaptureOutcome: ...

    def analyze(self, progress: Callable[[str, float], None] | None = None) -> SessionView: ...

    def move_page(self, index: int, source: int, target: int) -> SessionView: ...

    def merge(self, index: int) -> SessionView: ...

    def split_document(self, index: int, page: int) -> SessionView: ...

    def delete_page(self, index: int, page: int) -> SessionView: ...

    def set_category(self, index: int, category: str) -> SessionView: ...

    def confirm_deadline(
        self, index: int, deadline: int, date: dt.date | None = None
    ) -> SessionView: ...

    def add_deadline(self, index: int, date: dt.date, kind: str) -> SessionView: ...

    def reopen(
        self, passphrase: str, spec: str | None = None, *, bundle: str | None = None
    ) -> ReturnVisit: ...

    def build(self) -> Built: ...

    def write_to_drive(self, spec: str | None = None) -> WriteReport: ...

    def check_drive_before_write(self, spec: str | None = None) -> WriteCheck: ...

    def write_backup(self, spec: str) -> WriteReport: ...

    def eject(self) -> DriveStatus: ...

    def shareable(self) -> list[ShareableDocument]: ...

    def share(
        self, request: ShareRequest, *, agreed: bool | None = None
    ) -> ShareOutcome | None: ...

    def keycard_printed(self) -> None: ...

    def slips(self) -> Slips: ...

    def finish(self) -> Ended: ...
