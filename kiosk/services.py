"""The kiosk's link to the domain: one object holding settings, key, audit log, staff store,
the scanner and the current person's session.

Screens never call ``nextstep`` directly for state: they go through :class:`Kiosk`, so the
whole UI can be driven by a test with a different data directory, clock or scanner. Every
domain call that touches the session takes :attr:`Kiosk.lock`, because workers run in threads
(capture and background reading may overlap) and the session is not re-entrant.

The person's session is a :class:`nextstep.visit.port.SessionPort`: by default a
:class:`nextstep.visit.process.SessionProcess`, the session in its own child process, so
nothing of the person outlives the visit in the kiosk's memory. The kiosk only sends the
session's commands and shows the views and outcomes they return; it never edits a document
or writes the audit log itself (``tests/kiosk/test_no_domain_writes.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import sources
from kiosk.sources import default_source
from nextstep.config import Settings
from nextstep.drives.status import DriveError
from nextstep.drives.target import open_target
from nextstep.errors import NextStepError
from nextstep.visit.outcomes import ReturnVisit
from nextstep.visit.port import SessionPort

if TYPE_CHECKING:
    from crypto.keys import KioskKey
    from nextstep.audit.log import AuditLog
    from nextstep.bundle.keycard import CardPrinter
    from nextstep.consent.withdrawal import GivenOnDrive, WithdrawalResult
    from nextstep.returning import WriteCheck
    from nextstep.staff import StaffStore
    from scanners.protocol import Scanner

__all__ = ["Delivered", "Kiosk", "ReturnVisit", "make_scanner"]


@dataclass
class Delivered:
    """What the end screen may still show once the session is wiped: nothing personal."""

    checkpoint: str
    documents: int
    pages: int
    drive_status: str


class Kiosk:
    """State shared by all screens; one per running kiosk."""

    def __init__(
        self,
        settings: Settings,
        *,
        scanner_factory: Callable[[], Scanner] | None = None,
        staff_store: StaffStore | None = None,
        today: dt.date | None = None,
        drive: str | None = None,
        backup_drive: str | None = None,
        printer: CardPrinter | None = None,
        isolate: bool = True,
    ) -> None:
        self.settings = settings
        self.lock = threading.RLock()
        self._scanner_factory = scanner_factory
        self._staff_store = staff_store
        self.today = today
        self.drive_spec = drive if drive is not None else settings.drive
        self._make_demo_drive()
        # The second drive for a backup copy: "" detects the one USB drive plugged in (after
        # the person's drive was ejected); a folder or image in demo and test mode.
        self.backup_spec = (
            backup_drive if backup_drive is not None else settings.extra.get("backup_drive", "")
        )
        # A printer object overrides the CUPS queue of the settings (tests: a Fake printer).
        self.printer = printer
        # Each person's session in its own child process (False: in this process, for tests
        # that look inside the session).
        self.isolate = isolate
        self.returning: ReturnVisit | None = None
        self.awaiting_passphrase = False
        self.chosen_bundle: str | None = None  # picked by staff when a drive holds several
        # Referral and reminder slips of the session just ended: in memory only, until the
        # person leaves the end screen (they name deadlines; never written to disk).
        self.slips: dict[str, bytes] = {}
        self.deadline_lines: tuple[str, ...] = ()  # shown when no printer gives the reminder
        self.staff: str | None = None
        self.session: SessionPort | None = None
        self.scanner: Scanner | None = None
        # The capture source chosen on the capture screen (a spec as in kiosk.sources); back
        # to the default when a session is wiped (a files path names the person's key).
        self.source = default_source(settings)
        self._source_files: tuple[str, ...] | None = None
        # Which backends the probes found ({"camera": bool, ...}); None until probed.
        self.backends: dict[str, bool] | None = None
        self._key: KioskKey | None = None
        self._audit: AuditLog | None = None

    def _make_demo_drive(self) -> None:
        """In demo mode a folder stands for the person's drive: it is made once, when the
        kiosk starts. Later, a folder that is gone is a drive that is not there (the drive
        screen says so) and is never re-created behind staff's back."""
        spec = self.drive_spec
        if not self.settings.demo or not spec or spec.startswith("/dev/"):
            return
        path = Path(spec)
        if not path.exists() and path.parent.is_dir():
            with contextlib.suppress(OSError):  # the preflight and drive screen report it
                path.mkdir()

    # -- identity and log (opened on first use: the first screen must appear at once) ----------
    def open(self) -> tuple[KioskKey, AuditLog]:
        if self._key is None or self._audit is None:
            # Deferred: loads the whole domain (OpenCV, pikepdf); the first screen must not wait.
            from nextstep.demo import open_kiosk

            self._key, self._audit = open_kiosk(self.settings)
        return self._key, self._audit

    @property
    def audit(self) -> AuditLog:
        return self.open()[1]

    @property
    def staff_store(self) -> StaffStore:
        if self._staff_store is None:
            # Deferred: loads cryptography (scrypt), not needed to draw the first screen.
            from nextstep.staff import open_store

            self._staff_store = open_store(self.settings.data_dir, demo=self.settings.demo)
        return self._staff_store

    # -- staff ---------------------------------------------------------------------------------
    def sign_in(self, name: str, pin: str) -> int:
        """Return 0 when signed in, else the attempts left; raises StaffLocked."""
        attempt = self.staff_store.verify(name, pin)
        if attempt.ok:
            self.staff = name.strip()
            return 0
        return attempt.remaining

    def check_pin(self, pin: str) -> bool:
        """The signed-in staff member's PIN (staff exit, unlocking after inactivity)."""
        if self.staff is None:
            return False
        return self.staff_store.verify(self.staff, pin).ok

    def sign_out(self) -> None:
        self.wipe()
        self.staff = None

    # -- the person's session ------------------------------------------------------------------
    def start_session(self, language: str, holder_id: str | None = None) -> SessionPort:
        # Deferred: Session loads OpenCV, pikepdf and cryptography; the first screen must not wait.
        from nextstep.session import Session
        from nextstep.visit.process import SessionProcess

        key, audit = self.open()
        staff = self.staff or "unknown"
        with self.lock:
            self.wipe()
            # A holder id comes only from a returning person's drive: after consent, the
            # passphrase screen opens their bundle before capture.
            self.awaiting_passphrase = holder_id is not None
            session: SessionPort
            if self.isolate:
                session = SessionProcess(
                    self.settings,
                    staff=staff,
                    language=language,
                    holder_id=holder_id,
                    today=self.today,
                )
            else:
                session = Session(
                    self.settings,
                    key=key,
                    audit=audit,
                    staff=staff,
                    language=language,
                    holder_id=holder_id,
                    today=self.today,
                )
            self.session = session
        return session

    # -- return visit -----------------------------------------------------------------------
    def holder_on_drive(self, bundle: str | None = None) -> str:
        """The holder id of the bundle on the inserted drive (nothing to type for staff).
        Several bundles raise :class:`nextstep.returning.SeveralBundlesOnDrive` listing
        them; ``bundle`` (its id) is the one staff then chose."""
        # Deferred: Session loads OpenCV, pikepdf and cryptography; the first screen must not wait.
        from nextstep.session import Session

        holder = Session.holder_on_drive(self.settings, self.drive_spec, bundle=bundle)
        self.chosen_bundle = bundle  # opened after consent: the same one, not its namesake
        return holder

    def given_on_drive(
        self, *, bundle: str | None, passphrase: str | None, attested: bool
    ) -> GivenOnDrive:
        """The purposes the person on the inserted drive can still withdraw, once the key card's
        passphrase opened their bundle (or staff attested it). Read only: nothing logged."""
        from nextstep.consent import withdrawal

        key, log = self.open()
        return withdrawal.given_on_drive(
            self.settings,
            log,
            key.public_bytes,
            self.drive_spec,
            bundle=bundle,
            passphrase=passphrase,
            attested=attested,
        )

    def withdraw_consent(
        self,
        purposes: list[str],
        *,
        bundle: str | None,
        passphrase: str | None,
        attested: bool,
    ) -> WithdrawalResult:
        """Withdraw ``purposes`` with the person's drive: the one domain call the CLI makes too
        (it logs, erases what they covered, writes the receipt); the kiosk writes nothing."""
        from nextstep.consent import withdrawal

        key, log = self.open()
        with self.lock:
            return withdrawal.withdraw_with_drive(
                self.settings,
                log,
                key.public_bytes,
                self.drive_spec,
                staff=self.staff or "kiosk",
                requested=purposes,
                bundle=bundle,
                passphrase=passphrase,
                attested=attested,
            )

    def check_drive_before_write(self) -> WriteCheck:
        """Whose bundles the inserted drive already holds, before this person's is written
        (read from the signed envelopes, nothing decrypted; the drive is released after).

        Read here, like :meth:`holder_on_drive`, because it needs only the pseudonymous
        holder id; the session process opens the drive again to write."""
        # Deferred: returning and Session load cryptography and pikepdf (first screen first).
        from nextstep.returning import check_before_write
        from nextstep.session import trusted_keys_of

        holder = self.require_session().holder_id
        target = open_target(self.drive_spec, allow_loop=self.settings.drive_allow_loop)
        try:
            keys = trusted_keys_of(self.settings, self.open()[0].public_bytes)
            return check_before_write(target.root, holder, keys)
        finally:
            with contextlib.suppress(DriveError):  # the session's write opens it again
                target.release()

    @property
    def camera_configured(self) -> bool:
        """A document camera is the capture source: it can also read the key card's QR code."""
        return self.settings.scanner.startswith("camera")

    def read_card_qr(self) -> str | None:
        """The passphrase from the key card's QR code in one full-resolution camera frame
        (kept in memory only), or None when no valid code is seen."""
        # Deferred: numpy and the key card reader (OpenCV) only when a QR code is read.
        import numpy as np

        from nextstep.bundle.keycard import read_qr

        scanner: Any = self.open_scanner()
        raw = scanner.snap() if hasattr(scanner, "snap") else scanner.capture()[0]
        return read_qr(np.asarray(raw.pixels))

    def open_returning(self, passphrase: str) -> ReturnVisit:
        """Check, repair and open the person's bundle with their passphrase (in a worker)."""
        with self.lock:
            # The check's outcome is logged by the session; the kiosk also shows it to staff.
            self.returning = self.require_session().reopen(
                passphrase, self.drive_spec, bundle=self.chosen_bundle
            )
        return self.returning

    def require_session(self) -> SessionPort:
        if self.session is None:
            raise NextStepError("No person's session is open.", hint="Start a new session.")
        return self.session

    def set_source(self, spec: str) -> None:
        """Choose the capture source; the open scanner of the previous one is closed."""
        if spec != self.source:
            self.close_scanner()
            self.source = spec
            self._source_files = None

    @property
    def source_in_session(self) -> bool:
        """The chosen source is opened by the session itself (in its own process: the pixels
        never pass through the kiosk's). Not the camera, whose live view the kiosk shows,
        nor a scanner injected for tests."""
        if sources.kind_of(self.source) == "camera":
            return False
        return self._scanner_factory is None or self.source != default_source(self.settings)

    def source_files(self) -> tuple[str, ...]:
        """The person's files of a ``files`` source, listed once per choice (a file added to
        the folder meanwhile does not restart the list)."""
        if self._source_files is None:
            self._source_files = tuple(str(p) for p in sources.files_of(self.source))
        return self._source_files

    def make_source_scanner(self, spec: str | None = None) -> Scanner:
        """A scanner for ``spec`` (default: the chosen source), not opened. The injected
        factory (tests, the benchmark) stands for the default source only."""
        spec = self.source if spec is None else spec
        if self._scanner_factory is not None and spec == default_source(self.settings):
            return self._scanner_factory()
        return make_scanner(self.settings, spec)

    def open_scanner(self) -> Scanner:
        if self.scanner is None:
            scanner = self.make_source_scanner()
            scanner.open()
            self.scanner = scanner
        return self.scanner

    def close_scanner(self) -> None:
        if self.scanner is not None:
            try:
                self.scanner.close()
            finally:
                self.scanner = None

    def end_session(self) -> Delivered | None:
        """End the session: wipe its data (its process ends) and return the receipt's
        checkpoint. The referral and reminder slips are made first (memory only)."""
        with self.lock:
            session = self.session
            if session is None:
                return None
            self.session = None
            self.returning = None
            if session.ended:  # its process was lost: nothing left to wipe or sign
                return None
            try:
                made = session.slips()
                self.slips = made.as_dict()
                self.deadline_lines = made.deadlines
            finally:  # the wipe happens whatever the slips did
                ended = session.finish()
            self.close_scanner()
            self.source = default_source(self.settings)
            self._source_files = None
            return Delivered(ended.checkpoint, ended.documents, ended.pages, "")

    def wipe(self) -> None:
        """Forget the person's data (inactivity, staff exit): end the session if one is open."""
        if self.session is not None:
            self.end_session()
        self.close_scanner()
        self.forget_slips()
        self.returning = None
        self.awaiting_passphrase = False
        self.source = default_source(self.settings)
        self._source_files = None

    def forget_slips(self) -> None:
        self.slips = {}
        self.deadline_lines = ()


def make_scanner(settings: Settings, source: str | None = None) -> Scanner:
    """The configured capture source (the bundled samples in demo mode), or ``source``."""
    return sources.make_scanner(settings, source)
