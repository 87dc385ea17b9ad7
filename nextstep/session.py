"""One person's session, headless: the single orchestration path used by ``nextstep demo``,
the kiosk UI and the end-to-end tests.

Order of a session (each step appends to the audit log; nothing personal goes there):
consent -> capture -> page processing -> OCR -> understanding -> staff review -> bundle ->
drive write + verify -> end (wipe). Personal data (pixels, text, the passphrase) lives only in
this object's memory; :meth:`Session.end` drops every reference so nothing of the documents
stays on the kiosk once the bundle is on the person's drive.

The session is the one writer of a visit's state: every change is a command (a method here,
or the same command as a :mod:`nextstep.visit.commands` dataclass through :meth:`Session.run`)
that checks consent and the visit's :class:`~nextstep.visit.stage.Stage`, logs its own audit
event and returns a typed outcome (:mod:`nextstep.visit.outcomes`). The UI never edits a
document or writes the log itself; it reads :meth:`Session.view`.

The session is UI-agnostic and thread-compatible: the kiosk calls the slow methods
(:meth:`analyze`, :meth:`build`, :meth:`write_to_drive`) from workers and shows the
progress callbacks' messages. :class:`nextstep.visit.process.SessionProcess` runs it in a
child process with the same methods.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crypto import passphrase as passphrases
from crypto import recovery
from crypto.keys import KioskKey, load_private
from nextstep import consent
from nextstep import drafts as edits
from nextstep.audit import events
from nextstep.audit.log import AuditLog
from nextstep.bundle.manifest import sha256
from nextstep.config import Settings
from nextstep.conservation import par2tool
from nextstep.conservation.recovery import recovery_files
from nextstep.drafts import Draft
from nextstep.drives import hostile
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.drives.target import open_target
from nextstep.errors import NextStepError
from nextstep.model import CATEGORIES, DEADLINE_KINDS, Classification, Deadline, Document
from nextstep.returning import check_before_write, holder_of, list_bundles, pick, read_checked
from nextstep.visit import commands as cmd
from nextstep.visit import dispatch
from nextstep.visit.outcomes import (
    Built,
    CaptureOutcome,
    Ended,
    Refusal,
    ReturnVisit,
    SessionView,
    Slips,
    document_view,
    thumbnail_png,
)
from nextstep.visit.stage import (
    BACKUP_STAGES,
    BUILD_STAGES,
    CAPTURE_STAGES,
    KEYCARD_STAGES,
    SHARE_STAGES,
    WRITE_STAGES,
    Stage,
    refuse,
)
from scanners.protocol import Scanner
from scanners.sources import scanner_for
from scanners.types import Page, RawImage

if TYPE_CHECKING:
    from nextstep.audit.entry import Entry
    from nextstep.consent import ConsentRecord
    from nextstep.conservation.recovery import CheckReport
    from nextstep.drives.target import DriveTarget, WriteReport
    from nextstep.returning import DriveBundle, DriveListing, WriteCheck
    from nextstep.sharing import ShareOutcome, ShareRecord, ShareRequest
    from nextstep.sharing.choices import ShareableDocument

Progress = Callable[[str, float], None]


class ConsentRequired(NextStepError):
    """Processing was attempted without the consent it needs."""


class SessionEnded(NextStepError):
    """The session was already ended and its data wiped."""


def new_holder_id() -> str:
    """A random identifier for the person: on their drive and key card, never linked to a name."""
    return "h-" + secrets.token_hex(10)


__all__ = ["BundleOutcome", "ConsentRequired", "Draft", "Session", "SessionEnded"]


@dataclass
class BundleOutcome:
    pdf: bytes
    files: dict[str, bytes]  # every file destined for the drive, by name
    bundle_id: str
    passphrase: str
    keycard_pdf: bytes | None
    obsolete: list[str] = field(default_factory=list)  # previous version's files to remove


@dataclass
class Returning:
    """A return visit's opened bundle: what the new version carries over."""

    drive: DriveBundle
    pdf: Any  # the opened pikepdf.Pdf of the previous version
    info: Any  # nextstep.bundle.verify.BundleInfo
    manifest_sha256: str
    passphrase: str


@dataclass
class StageTimer:
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, started: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


def trusted_keys_of(settings: Settings, own: bytes | None = None) -> list[bytes]:
    """The public keys whose bundles this kiosk accepts: its own (given, or read from
    ``kiosk.pub``/the signing key) and the organisation's other kiosks (``keys/trusted``)."""
    found: list[bytes] = []
    if own is not None:
        found.append(own)
    elif settings.public_key_path.is_file():
        found.append(bytes.fromhex(settings.public_key_path.read_text().strip()))
    elif settings.key_path.is_file():
        found.append(load_private(settings.key_path).public_bytes)
    folder = settings.data_dir / "keys" / "trusted"
    if folder.is_dir():
        found += [bytes.fromhex(p.read_text().strip()) for p in sorted(folder.glob("*.pub"))]
    return found


class Session:
    """A person's visit, from consent to the wipe."""

    def __init__(
        self,
        settings: Settings,
        *,
        key: KioskKey,
        audit: AuditLog,
        staff: str,
        language: str = "fr",
        holder_id: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.settings = settings
        self.key = key
        self.audit = audit
        self.staff = staff
        self.language = language
        self.holder_id = holder_id or new_holder_id()
        self.today = today
        self.session_id = secrets.token_hex(8)
        self.consents: dict[str, bool] = {}
        self.drafts: list[Draft] = []
        self.timer = StageTimer()
        self.stage = Stage.CONSENT
        self._bundle: BundleOutcome | None = None
        self.target: DriveTarget | None = None
        self.drive_description = ""  # the last drive written: for summaries, no content
        self._consent_record: ConsentRecord | None = None
        self._returning: Returning | None = None
        self.shares: list[ShareRecord] = []  # this visit's shares, for the receipt
        self._source: Scanner | None = None  # the scanner capture_source opened
        self._source_key: tuple[str, tuple[str, ...]] = ("", ())
        self._log(
            events.SESSION_START,
            details={"session": self.session_id},
            private={"language": self.language},
        )

    # -- audit -------------------------------------------------------------------------------
    def _log(
        self,
        event: str,
        details: Mapping[str, Any] | None = None,
        *,
        private: Mapping[str, Any] | None = None,
        tally: Mapping[str, Mapping[str, int]] | None = None,
    ) -> Entry:
        """Append an audit entry for this person. ``details`` stay readable for auditors
        (counts, statuses); ``private`` (categories, languages, deadline kinds, the bundle id
        that links the log to their drive) is encrypted under their key, so erasure unlinks
        it; ``tally`` feeds the month's anonymous totals (nextstep.audit.tally)."""
        return self.audit.append(
            event,
            staff=self.staff,
            subject_holder_id=self.holder_id,
            details=dict(details or {}),
            private=dict(private) if private else None,
            tally=tally,
        )

    @property
    def ended(self) -> bool:
        return self.stage is Stage.ENDED

    def _require(self, purpose: str, stages: frozenset[Stage] = CAPTURE_STAGES) -> None:
        """Refuse a command after the end, without the consent it needs, or at a stage where
        it does not fit."""
        if self.ended:
            raise SessionEnded("This session has ended; its data was wiped.")
        if not self.consents.get(purpose):
            raise ConsentRequired(
                "The person has not agreed to this processing.",
                hint="Ask for consent on the consent screen, or continue without it.",
            )
        if self.stage not in stages:
            raise refuse(self.stage)

    def _require_open(self) -> None:
        if self.ended:
            raise SessionEnded("This session has ended; its data was wiped.")

    # -- consent -----------------------------------------------------------------------------
    def give_consent(
        self,
        choices: Mapping[str, bool],
        *,
        informed: str = "screen",
        notice_language: str = "",
        interpreter_language: str | None = None,
    ) -> SessionView:
        """Record the person's explicit per-purpose choices (no default: every purpose given).

        ``informed`` is how the notice was given: "screen", "printed" or "interpreter" (then
        ``interpreter_language`` says which language the interpreter spoke).
        """
        self._require_open()
        if self.stage not in (Stage.CONSENT, Stage.REFUSED):
            raise refuse(self.stage)
        record = consent.give(
            self.audit,
            holder_id=self.holder_id,
            staff=self.staff,
            choices=dict(choices),
            language=notice_language or self.language,
            informed=informed,
            interpreter_language=interpreter_language,
            legal_basis=self.settings.legal_basis,
            controller=self.settings.org_name,
            contact=self.settings.org_contact,
        )
        self.consents.update({p: bool(v) for p, v in record.choices.items()})
        self._consent_record = record
        self.stage = Stage.CAPTURING if self.consents.get(consent.DIGITIZE) else Stage.REFUSED
        return self.view()

    def withdraw_consent(self, purposes: Sequence[str] | None = None) -> SessionView:
        """Withdraw consent; withdrawing the core purpose discards every captured page."""
        self._require_open()
        # Only what was given is withdrawn (and listed on the receipt as withdrawn).
        withdrawn = [p for p in (purposes or list(self.consents)) if self.consents.get(p)]
        if not withdrawn:
            raise consent.ConsentError(
                "There is nothing to withdraw: the person has not agreed to this.",
                hint="Nothing is processed without their consent.",
            )
        consent.withdraw(
            self.audit,
            holder_id=self.holder_id,
            staff=self.staff,
            purposes=withdrawn,
            language=self.language,
            controller=self.settings.org_name,
            contact=self.settings.org_contact,
        )
        for p in withdrawn:
            self.consents[p] = False
        if not self.consents.get(consent.DIGITIZE):
            self.drafts.clear()
            self._bundle = None
            self.stage = Stage.REFUSED
        return self.view()

    # -- capture -----------------------------------------------------------------------------
    def capture(self, scanner: Scanner, *, new_document: bool = True) -> CaptureOutcome:
        """Take what the scanner gives, process each page and keep the usable ones."""
        self._require(consent.DIGITIZE)
        return self.capture_pages(scanner.capture(), new_document=new_document)

    def capture_source(
        self, spec: str, files: Sequence[str] = (), *, new_document: bool = True
    ) -> CaptureOutcome:
        """Capture from a source this session opens itself (the demo samples, the person's
        ``files``, a flatbed): in a session process, the pixels never pass through the UI's
        process. The source stays open between presses (one file or sample per press) until
        another source is asked for or the session ends."""
        self._require(consent.DIGITIZE)
        key = (spec, tuple(files))
        if self._source is None or self._source_key != key:
            self._close_source()
            scanner = scanner_for(spec, [Path(f) for f in files])
            scanner.open()
            self._source, self._source_key = scanner, key
        return self.capture_pages(self._source.capture(), new_document=new_document)

    def _close_source(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            source.close()

    def capture_pages(
        self, raws: Sequence[RawImage], *, new_document: bool = True
    ) -> CaptureOutcome:
        """Process pages a scanner delivered (in this process or the UI's) and keep the usable
        ones; the outcome carries a thumbnail of the last kept page."""
        # Deferred: loads OpenCV, which importing Session must not wait for.
        from scanners.process import process_page

        self._require(consent.DIGITIZE)
        t0 = time.perf_counter()
        accepted: list[Page] = []
        refused: list[Refusal] = []
        for raw in raws:
            page = process_page(raw)
            if page.quality.ok:
                accepted.append(page)
                self._log(
                    events.PAGE_CAPTURED,
                    {"rotation": page.rotation, "dpi": round(page.dpi), "source": raw.kind},
                )
            else:
                reasons = [str(r) for r in page.quality.reasons]
                refused.append(Refusal(raw.origin, tuple(reasons)))
                self._log(events.PAGE_REFUSED, {"reasons": reasons})
        if accepted:
            if new_document or not self.drafts:
                self.drafts.append(Draft())
            draft = self.drafts[-1]
            draft.pages.extend(accepted)
            # A page added to a document already read: read the whole document again, so its
            # pages, OCR and category stay consistent.
            draft.document = None
        self.timer.add("capture", t0)
        thumbnail = thumbnail_png(accepted[-1].color) if accepted else None
        return CaptureOutcome(len(accepted), tuple(refused), thumbnail, self.view())

    # -- understanding -----------------------------------------------------------------------
    def analyze(self, progress: Progress | None = None) -> SessionView:
        """OCR every page not yet read (all documents in one parallel pool), then classify."""
        # Deferred: loads OpenCV and Tesseract wrappers, which importing Session must not wait for.
        from nextstep.understanding import recognize_pages, understand

        self._require(consent.DIGITIZE)
        todo = [d for d in self.drafts if d.document is None]
        pages = [p for d in todo for p in d.pages]
        if progress:
            progress("ocr", 0.0)
        t0 = time.perf_counter()
        ocr = recognize_pages(
            pages, languages=self.settings.ocr_languages, workers=self.settings.ocr_workers
        )
        self.timer.add("ocr", t0)
        t0 = time.perf_counter()
        start = 0
        for n, draft in enumerate(todo, 1):
            chunk = ocr[start : start + len(draft.pages)]
            start += len(draft.pages)
            u = understand(chunk, today=self.today)
            draft.document = Document(
                pages=draft.pages,
                ocr=chunk,
                classification=u.classification,
                language=u.language,
                deadlines=list(u.deadlines),
                references=list(u.references),
                document_date=u.document_date,
                issuer=u.issuer,
            )
            self._log(
                events.DOCUMENT_CLASSIFIED,
                {
                    "confidence_pct": round(u.classification.confidence * 100),
                    "needs_review": u.classification.needs_review,
                    "pages": len(draft.pages),
                    "deadlines": len(u.deadlines),
                },
                private={"category": u.classification.category},
                tally={"documents": {u.classification.category: 1}},
            )
            if progress:
                progress("classify", n / len(todo))
        self.timer.add("classify", t0)
        return self.view()

    @property
    def documents(self) -> list[Document]:
        return [d.document for d in self.drafts if d.document is not None]

    # -- what the UI shows -------------------------------------------------------------------
    def view(self) -> SessionView:
        """The visit now, as the UI shows it: no text, no pixels."""
        return SessionView(
            stage=self.stage,
            consents=dict(self.consents),
            documents=tuple(document_view(d) for d in self.documents),
            drafts=len(self.drafts),
            pages=sum(len(d.pages) for d in self.drafts),
        )

    # -- staff review ------------------------------------------------------------------------
    def _document(self, index: int) -> Document:
        docs = self.documents
        if not 0 <= index < len(docs):
            raise edits.NoSuchPage(
                "That document is no longer there.", hint="Look at the review tables again."
            )
        return docs[index]

    def _edited(self, action: str) -> SessionView:
        """Log a staff edit of the documents: the action's name only, never content."""
        self._log(events.DOCUMENT_EDITED, {"action": action})
        return self.view()

    def move_page(self, index: int, source: int, target: int) -> SessionView:
        """Move a page within its document, its OCR with it; logged as "reorder"."""
        self._require(consent.DIGITIZE)
        if not edits.move_page(self.drafts, index, source, target):
            return self.view()
        return self._edited("reorder")

    def merge(self, index: int) -> SessionView:
        """Join document ``index + 1`` onto document ``index``; logged as "merge"."""
        self._require(consent.DIGITIZE)
        edits.merge_with_next(self.drafts, index)
        return self._edited("merge")

    def split_document(self, index: int, page: int) -> SessionView:
        """Cut document ``index`` before ``page`` into two; logged as "split"."""
        self._require(consent.DIGITIZE)
        edits.split_before(self.drafts, index, page)
        return self._edited("split")

    def delete_page(self, index: int, page: int) -> SessionView:
        """Delete one page (a document left without pages disappears); logged as "delete"."""
        self._require(consent.DIGITIZE)
        edits.delete_page(self.drafts, index, page)
        return self._edited("delete")

    def set_category(self, index: int, category: str) -> SessionView:
        self._require(consent.DIGITIZE)
        if category not in CATEGORIES:
            raise NextStepError(f"Unknown category {category!r}.")
        doc = self._document(index)
        old = doc.classification
        doc.classification = Classification(
            category=category,
            confidence=1.0,
            needs_review=False,
            alternatives=old.alternatives,
            reasons=[*old.reasons, "set by staff"],
        )
        self._log(
            events.CATEGORY_CHANGED,
            private={"from": old.category, "to": category},
            tally={"documents": {old.category: -1, category: 1}},
        )
        return self.view()

    def confirm_deadline(
        self, index: int, deadline: int, date: dt.date | None = None
    ) -> SessionView:
        self._require(consent.DIGITIZE)
        doc = self._document(index)
        if not 0 <= deadline < len(doc.deadlines):
            raise edits.NoSuchPage(
                "That deadline is no longer there.", hint="Look at the deadlines table again."
            )
        d = doc.deadlines[deadline]
        doc.deadlines[deadline] = Deadline(
            date=date or d.date, kind=d.kind, text=d.text, computed=d.computed, confirmed=True
        )
        self._log(events.DEADLINE_CONFIRMED, {"edited": date is not None}, private={"kind": d.kind})
        return self.view()

    def add_deadline(self, index: int, date: dt.date, kind: str) -> SessionView:
        self._require(consent.DIGITIZE)
        if kind not in DEADLINE_KINDS:
            raise NextStepError(f"Unknown kind of deadline {kind!r}.")
        self._document(index).deadlines.append(
            Deadline(date=date, kind=kind, text="", computed=False, confirmed=True)
        )
        self._log(events.DEADLINE_CONFIRMED, {"added": True}, private={"kind": kind})
        return self.view()

    # -- return visit ----------------------------------------------------------------------
    @staticmethod
    def bundles_on_drive(
        settings: Settings, spec: str | None = None, *, trusted_keys: Sequence[bytes] = ()
    ) -> DriveListing:
        """The bundles on the drive, from their signed envelopes (no passphrase, nothing
        decrypted), so a returning person can pick theirs when the drive holds several."""
        keys = list(trusted_keys) or trusted_keys_of(settings)
        target = open_target(
            settings.drive if spec is None else spec, allow_loop=settings.drive_allow_loop
        )
        try:
            return list_bundles(target.root, keys)
        finally:
            # Not ejected: the visit opens the drive again after consent. A failed unmount is
            # cleared by that next open.
            with contextlib.suppress(DriveError):
                target.release()

    @staticmethod
    def holder_on_drive(
        settings: Settings,
        spec: str | None = None,
        *,
        bundle: str | None = None,
        trusted_keys: Sequence[bytes] = (),
    ) -> str:
        """The random holder id of the bundle on the drive (read from its signed envelope), so
        a returning person's new session is linked to the same pseudonym.

        ``bundle`` (bundle id, file stem or holder id) picks one when the drive holds several;
        without it, several bundles raise :class:`nextstep.returning.SeveralBundlesOnDrive`,
        whose ``bundles`` the kiosk shows for the person to choose. Hostile files (links,
        FIFOs, devices, huge files) raise a :class:`DriveError` with its status.
        """
        keys = list(trusted_keys) or trusted_keys_of(settings)
        target = open_target(
            settings.drive if spec is None else spec, allow_loop=settings.drive_allow_loop
        )
        try:
            return holder_of(target.root, keys, bundle)
        finally:
            # Not ejected: the visit opens the drive again after consent. A failed unmount is
            # cleared by that next open.
            with contextlib.suppress(DriveError):
                target.release()

    def open_returning(
        self, passphrase: str, spec: str | None = None, *, bundle: str | None = None
    ) -> Any:
        """Check (and repair) this holder's bundle on the person's drive, then open and verify
        it (``bundle`` picks one when the holder has several on the drive).

        New documents captured in this session are added to it by :meth:`build_bundle`, which
        re-signs and re-encrypts with the same passphrase; the drive keeps the previous version
        until the new one is verified.
        """
        # Deferred: loads OpenCV and Pillow, which importing Session must not wait for.
        from nextstep.bundle.verify import read_manifest, verify_open

        self._require(consent.DIGITIZE)
        if self.target is None:
            self.target = open_target(
                self.settings.drive if spec is None else spec,
                allow_loop=self.settings.drive_allow_loop,
            )
        keys = self._trusted_keys()
        listing = list_bundles(self.target.root, keys)
        listing.bundles = [b for b in listing.bundles if b.holder_id == self.holder_id]
        if not listing.bundles:
            raise NextStepError(
                "This drive holds no bundle of this session's person.",
                hint="Start the session from 'returning person' with this drive inserted.",
            )
        chosen = pick(listing, bundle)
        drive = read_checked(self.target.root, chosen.stem, keys)
        self._log(events.BUNDLE_CHECKED, drive.report.audit_fields())
        pdf, info = verify_open(
            drive.pdf,
            passphrase=passphrase,
            trusted_keys=keys,
            envelope=drive.envelope,
        )
        manifest_bytes, _ = read_manifest(pdf)
        self._returning = Returning(drive, pdf, info, sha256(manifest_bytes), passphrase)
        self._log(
            events.BUNDLE_OPENED, {"version": info.version}, private={"bundle": info.bundle_id}
        )
        return info

    def reopen(
        self, passphrase: str, spec: str | None = None, *, bundle: str | None = None
    ) -> ReturnVisit:
        """:meth:`open_returning` as a command: what staff see of the opened bundle."""
        info = self.open_returning(passphrase, spec, bundle=bundle)
        report = self.drive_check
        return ReturnVisit(
            version=int(info.version),
            documents=len(info.manifest.documents),
            check=report.status.value if report is not None else "",
        )

    def check_drive_before_write(self, spec: str | None = None) -> WriteCheck:
        """Whose bundles the drive already holds, before this (new) person's bundle is written.

        The drive is opened and kept for :meth:`write_to_drive`. When the result's
        ``needs_confirmation`` is true the UI asks whether this drive really is the person's;
        writing never moves, renames or reads the other bundles' files.
        """
        if self.target is None:
            self.target = open_target(
                self.settings.drive if spec is None else spec,
                allow_loop=self.settings.drive_allow_loop,
            )
        return check_before_write(self.target.root, self.holder_id, self._trusted_keys())

    @property
    def drive_check(self) -> CheckReport | None:
        """What the return visit's conservation check found (None before one)."""
        return self._returning.drive.report if self._returning is not None else None

    def _trusted_keys(self) -> list[bytes]:
        """This kiosk's key plus the organisation's other kiosks (``keys/trusted/*.pub``)."""
        return trusted_keys_of(self.settings, self.key.public_bytes)

    # -- bundle ------------------------------------------------------------------------------
    def build_bundle(self) -> BundleOutcome:
        """Encrypt and sign all documents into one bundle with a fresh passphrase.

        Everything destined for the drive is produced here, in memory: the encrypted PDF, the
        signed manifest, PAR2 recovery data, the organisation's age-sealed copy of the
        passphrase (only with the person's consent) and the consent receipt. The key card PDF
        (passphrase in clear) is returned for printing, never written to the kiosk's disk.
        """
        # Deferred: loads OpenCV and Pillow, which importing Session must not wait for.
        from nextstep.bundle.build import build_bundle

        self._require(consent.DIGITIZE, BUILD_STAGES)
        if not self.documents:
            raise NextStepError(
                "There are no documents to put in the bundle.",
                hint="Capture at least one page first.",
            )
        t0 = time.perf_counter()
        help_sections = self._help_sections()
        obsolete: list[str] = []
        if self._returning is None:
            secret = passphrases.generate()
            bundle = build_bundle(
                self.documents,
                holder_id=self.holder_id,
                language=self.language,
                key=self.key,
                kiosk_id=self.audit.kiosk_id,
                passphrase=secret,
                help_section=help_sections,
            )
        else:
            bundle, secret = self._next_version(help_sections)
            # Every file of the previous set goes unless the new set replaces it: PAR2
            # volumes of another layout, and the sealed passphrase when escrow is refused.
            obsolete = list(self._returning.drive.on_drive)
        pdf_name = f"{bundle.file_stem}.pdf"
        files = {
            pdf_name: bundle.pdf,
            f"{bundle.file_stem}.manifest.json": bundle.manifest,
            f"{bundle.file_stem}.manifest.json.minisig": bundle.signature,
        }
        files.update(self._conservation_files(pdf_name, bundle.pdf))
        # The sealed passphrase is made afresh, never copied from the drive: its bytes are
        # not covered by the signed manifest (a link there once carried a kiosk file along).
        if self.consents.get(consent.RECOVERY) and self.settings.recovery_recipient:
            files[f"{bundle.file_stem}{recovery.RECOVERY_SUFFIX}"] = recovery.seal(
                secret, self.settings.recovery_recipient
            )
            self._log(events.RECOVERY_ESCROWED, private={"bundle": bundle.bundle_id})
        if self._consent_record is not None:
            # The receipt in words (the person's language and French) and the same record as
            # ISO/IEC TS 27560 / DPV JSON-LD for any tool the person or a lawyer uses.
            files[f"{bundle.file_stem}{consent.RECEIPT_SUFFIX}"] = consent.receipt_text(
                self._consent_record, self.language
            ).encode("utf-8")
            files[f"{bundle.file_stem}{consent.RECEIPT_JSON_SUFFIX}"] = consent.receipt_json(
                self._consent_record
            ).encode("utf-8")
        keycard = None
        if self.consents.get(consent.KEYCARD):
            # Deferred: loads OpenCV, Pillow and segno, only when a key card is wanted.
            from nextstep.bundle.keycard import make_card

            keycard = make_card(
                secret,
                bundle_id=bundle.bundle_id,
                created=self.today or dt.date.today(),
                language=self.language,
                back=help_sections,
            )
        self._bundle = BundleOutcome(
            bundle.pdf, files, bundle.bundle_id, secret, keycard, obsolete=obsolete
        )
        self.stage = Stage.BUILT
        self.timer.add("bundle", t0)
        self._log(
            events.BUNDLE_BUILT,
            {
                "documents": len(self.documents),
                "pages": sum(len(d.pages) for d in self.documents),
                "version": bundle.version,
            },
            private={"bundle": bundle.bundle_id},
        )
        return self._bundle

    def build(self) -> Built:
        """Make the bundle (:meth:`build_bundle`); the UI gets the passphrase to show and the
        key card to print, nothing else of it."""
        outcome = self.build_bundle()
        self.stage = Stage.BUILT
        version = self._returning.info.version + 1 if self._returning is not None else 1
        return Built(
            passphrase=outcome.passphrase,
            keycard_pdf=outcome.keycard_pdf,
            documents=len(self.documents),
            pages=sum(len(d.pages) for d in self.documents),
            version=version,
            holder_id=self.holder_id,
        )

    def keycard_printed(self) -> None:
        """The UI printed the key card (its printer, not the session's): log it."""
        self._require(consent.KEYCARD, KEYCARD_STAGES)
        self._log(events.KEYCARD_PRINTED)

    def _next_version(self, help_sections: list[Any]) -> tuple[Any, str]:
        """The returning person's bundle, one version on, with the old documents carried."""
        # Deferred: loads OpenCV and Pillow, which importing Session must not wait for.
        from nextstep.bundle.build import AssemblyContext, assemble
        from nextstep.bundle.update import carried_documents

        r = self._returning
        assert r is not None
        bundle = assemble(
            self.documents,
            AssemblyContext(
                holder_id=r.info.manifest.holder_id,
                language=self.language,
                key=self.key,
                kiosk_id=self.audit.kiosk_id,
                passphrase=r.passphrase,
                help_section=help_sections,
                carried=carried_documents(r.pdf, r.info),
                bundle_id=r.info.bundle_id,
                version=r.info.version + 1,
                previous_manifest_sha256=r.manifest_sha256,
                file_stem=r.drive.stem,
            ),
        )
        return bundle, r.passphrase

    @staticmethod
    def _conservation_files(name: str, data: bytes) -> dict[str, bytes]:
        """PAR2 recovery data for the encrypted bundle, when the par2 tool is installed."""
        if not par2tool.probe().ok:
            return {}
        return recovery_files(name, data)

    def _all_deadlines(self) -> list[Deadline]:
        return sorted((d for doc in self.documents for d in doc.deadlines), key=lambda d: d.date)

    def _help_sections(self) -> list[Any]:
        """ "Where to get help": services from the directory for these documents' needs."""
        # Deferred: loads Pillow, which importing Session must not wait for.
        from nextstep.referral import deadlines_from_documents, help_sections, load_directory

        directory = load_directory(data_dir=self.settings.data_dir)
        cats = {d.classification.category for d in self.documents}
        kinds = {dl.kind for d in self.documents for dl in d.deadlines}
        return help_sections(
            directory,
            cats,
            kinds,
            deadlines_from_documents(self.documents),
            self.language,
            today=self.today,
        )

    # -- slips for the person (printed, never stored) ----------------------------------------
    def slips(self) -> Slips:
        """Both slips, made before :meth:`end` wipes the documents; a slip that cannot be
        made is left out (the wipe must happen whatever happens here)."""
        self._require_open()
        if not self.documents:
            return Slips()
        made: dict[str, bytes | None] = {}
        for name, make in (("referral", self.referral_slip), ("reminder", self.reminder_slip)):
            try:
                made[name] = make()
            except Exception as exc:  # noqa: BLE001 - a missing slip never blocks the wipe
                print(f"nextstep: {name} slip failed: {type(exc).__name__}", file=sys.stderr)
                made[name] = None
        return Slips(
            referral=made["referral"], reminder=made["reminder"], deadlines=self._deadline_lines()
        )

    def _deadline_lines(self) -> tuple[str, ...]:
        """Each coming deadline as one line in the person's language: date, kind, document."""
        # Deferred: the bundle's wording module loads Babel, which Session must not wait for.
        from nextstep.bundle import i18n

        today = self.today or dt.date.today()
        found = [
            (d.date, d.kind, doc.classification.category, n)
            for n, doc in enumerate(self.documents, start=1)
            for d in doc.deadlines
            if d.date >= today
        ]
        return tuple(
            f"{i18n.date_text(day)} · {i18n.t(kind, self.language)} · "
            f"{i18n.category(category, self.language)} (D{n})"
            for day, kind, category, n in sorted(found)
        )

    def referral_slip(self) -> bytes:
        """One page of services matching this session's documents, in the person's language."""
        # Deferred: loads Pillow, which importing Session must not wait for.
        from nextstep.referral import load_directory, referral_slip_pdf

        directory = load_directory(data_dir=self.settings.data_dir)
        services = directory.services_for(
            {d.classification.category for d in self.documents},
            {dl.kind for d in self.documents for dl in d.deadlines},
        )
        return referral_slip_pdf(
            services,
            self.language,
            directory=directory,
            org_name=self.settings.org_name,
            today=self.today,
        )

    def reminder_slip(self) -> bytes:
        """One page with the coming deadlines and who can help with each."""
        # Deferred: loads Pillow, which importing Session must not wait for.
        from nextstep.referral import deadlines_from_documents, load_directory, reminder_slip_pdf

        return reminder_slip_pdf(
            deadlines_from_documents(self.documents),
            self.language,
            directory=load_directory(data_dir=self.settings.data_dir),
            categories=sorted({d.classification.category for d in self.documents}),
            org_name=self.settings.org_name,
            today=self.today,
        )

    # -- drive -------------------------------------------------------------------------------
    def write_to_drive(self, spec: str | None = None) -> WriteReport:
        """Write the bundle atomically to the person's drive and verify it by re-reading.

        The drive stays open (mounted read-only after verification) until :meth:`eject`, so the
        kiosk can show "verified" and then eject on the staff's key press.
        """
        # Deferred: loads OpenCV and Pillow, which importing Session must not wait for.
        from nextstep.bundle.verify import verify_bundle

        if self._bundle is None:
            raise NextStepError("Build the bundle before writing it to a drive.")
        self._require(consent.DIGITIZE, WRITE_STAGES)
        t0 = time.perf_counter()
        if self.target is None:  # a return visit already holds the person's drive open
            self.target = open_target(
                self.settings.drive if spec is None else spec,
                allow_loop=self.settings.drive_allow_loop,
            )
        report = self.target.write_bundle(self._bundle.files, obsolete=self._bundle.obsolete)
        self.timer.add("drive", t0)
        if not report.ok:
            self._log(events.BUNDLE_WRITE_FAILED, {"status": report.status.value})
            return report
        # A return visit without escrow consent drops the earlier sealed key copy: say so.
        dropped = [
            n
            for n in self._bundle.obsolete
            if n.endswith(".recovery.age") and n not in self._bundle.files
        ]
        written = self._log(
            events.BUNDLE_WRITTEN,
            {"escrow_removed": len(dropped)} if dropped else None,
            private={"bundle": self._bundle.bundle_id},
        )
        t0 = time.perf_counter()
        pdf_name = next(n for n in self._bundle.files if n.endswith(".pdf"))
        root, stem = self.target.root, pdf_name[: -len(".pdf")]
        verify_bundle(  # what is on the drive now, read as hostile input like any drive file
            hostile.read_file(root / pdf_name, hostile.FileKind.PDF),
            passphrase=self._bundle.passphrase,
            trusted_keys=[self.key.public_bytes],
            envelope=(
                hostile.read_file(root / f"{stem}.manifest.json", hostile.FileKind.MANIFEST),
                hostile.read_file(
                    root / f"{stem}.manifest.json.minisig", hostile.FileKind.SIGNATURE
                ),
            ),
        )
        self.timer.add("verify", t0)
        self._log(events.BUNDLE_VERIFIED, private={"bundle": self._bundle.bundle_id})
        self.stage = Stage.WRITTEN
        self._write_inclusion_proof(written.seq, pdf_name)
        return report

    def _write_inclusion_proof(self, seq: int, pdf_name: str) -> None:
        """Put the signed proof that "bundle written" is in the audit log beside the bundle.

        The person (or a caseworker, or an auditor) can later show that this kiosk logged the
        delivery, checkable with the kiosk's public key alone. Written after the bundle is
        verified; a failure here leaves the bundle intact and is logged, not fatal.
        """
        assert self.target is not None
        proof = self.audit.inclusion_proof(seq).to_json().encode("utf-8")
        name = pdf_name[: -len(".pdf")] + ".audit-proof.json"
        report = self.target.write_bundle({name: proof})
        if not report.ok:
            self._log(events.BUNDLE_WRITE_FAILED, {"status": report.status.value, "proof": True})

    def write_backup(self, spec: str) -> WriteReport:
        """Write the same, already verified bundle set to a second drive (a backup copy)."""
        if self._bundle is None:
            raise NextStepError("Build the bundle before writing a backup copy.")
        self._require(consent.DIGITIZE, BACKUP_STAGES)
        with open_target(spec, allow_loop=self.settings.drive_allow_loop) as backup:
            report = backup.write_bundle(self._bundle.files)
        if report.ok:
            self._log(events.BACKUP_WRITTEN, private={"bundle": self._bundle.bundle_id})
        else:
            self._log(events.BUNDLE_WRITE_FAILED, {"status": report.status.value, "copy": True})
        return report

    @property
    def bundle_built(self) -> bool:
        """Whether :meth:`build_bundle` has made this visit's bundle (the share source)."""
        return self._bundle is not None

    def shareable(self) -> list[ShareableDocument]:
        """What a share may choose from (documents of the source bundle, first pages shown)."""
        # Deferred: nextstep.sharing imports nextstep.session (a real cycle).
        from nextstep.sharing.choices import shareable_documents

        if self.ended:
            raise SessionEnded("This session has ended; its data was wiped.")
        return shareable_documents(self)

    def share(self, request: ShareRequest, *, agreed: bool | None = None) -> ShareOutcome | None:
        """Write a copy of the chosen documents for one recipient (``nextstep.sharing``).

        ``agreed`` is the person's answer to the question for this recipient, asked just
        before: it is recorded here as a ``share_recipient`` consent decision; a no shares
        nothing (None returned). Without it, a consent given earlier is used (headless demo).
        Either way the consent is used up by this share, so the next one is asked again. The
        source is this visit's bundle once built, else the returning person's opened bundle.
        The clear audit part holds counts and the kind of recipient; who and what go in the
        encrypted part.
        """
        # Deferred: nextstep.sharing imports nextstep.session (a real cycle).
        from nextstep.sharing import share_to_drive

        if self.ended:
            raise SessionEnded("This session has ended; its data was wiped.")
        if self._bundle is not None:
            source, secret = self._bundle.pdf, self._bundle.passphrase
        elif self._returning is not None:
            source, secret = self._returning.drive.pdf, self._returning.passphrase
        else:
            raise NextStepError(
                "There is no bundle to share from yet.",
                hint="Build the bundle, or open the returning person's bundle, first.",
            )
        if agreed is not None:
            choices = {p: bool(self.consents.get(p)) for p in consent.PURPOSE_IDS}
            # The question for this recipient is put the way the visit's notice was given
            # (an interpreter for a draft-language notice), so it is recorded the same way.
            earlier = self._consent_record
            consent.give(
                self.audit,
                holder_id=self.holder_id,
                staff=self.staff,
                choices={**choices, consent.SHARE: agreed},
                language=earlier.notice_language if earlier else self.language,
                informed=earlier.informed_via if earlier else "screen",
                interpreter_language=earlier.interpreter_language if earlier else None,
                legal_basis=self.settings.legal_basis,
                controller=self.settings.org_name,
                contact=self.settings.org_contact,
            )
            self.consents[consent.SHARE] = agreed
            if not agreed:
                return None
        self._require(consent.SHARE, SHARE_STAGES)
        second = request.drive is not None
        if second:
            target = open_target(request.drive or "", allow_loop=self.settings.drive_allow_loop)
        else:
            if self.target is None:
                self.target = open_target(
                    self.settings.drive, allow_loop=self.settings.drive_allow_loop
                )
            target = self.target
        try:
            outcome = share_to_drive(
                target,
                source,
                passphrase=secret,
                request=request,
                trusted_keys=self._trusted_keys(),
                key=self.key,
                kiosk_id=self.audit.kiosk_id,
                org_name=self.settings.org_name,
                today=self.today or dt.date.today(),
            )
        finally:
            if second:
                target.eject()
        if not outcome.ok:
            self._log(
                events.BUNDLE_WRITE_FAILED, {"status": outcome.report.status.value, "share": True}
            )
            return outcome
        self._log(events.SHARE, outcome.audit_details(), private=outcome.audit_private())
        self.shares.append(outcome.record)
        self.consents[consent.SHARE] = False
        return outcome

    def eject(self) -> DriveStatus:
        """Unmount and release the drive written by :meth:`write_to_drive`."""
        self._require_open()
        target, self.target = self.target, None
        if target is None:
            return DriveStatus.NO_DEVICE
        self.drive_description = target.description
        status = target.eject()
        if self.stage is Stage.WRITTEN and status is DriveStatus.EJECTED:
            self.stage = Stage.EJECTED
        return status

    # -- end ---------------------------------------------------------------------------------
    def finish(self) -> Ended:
        """:meth:`end` as a command: the checkpoint and the counts the receipt shows."""
        documents = len(self.documents)
        pages = sum(len(d.pages) for d in self.drafts)
        timings = dict(self.timer.seconds)
        return Ended(self.end(), documents, pages, timings)

    def end(self) -> str:
        """Wipe the session's personal data, log the end and return the signed checkpoint."""
        self._require_open()
        with contextlib.suppress(Exception):  # a scanner that fails to close: wipe anyway
            self._close_source()
        if self.target is not None:
            self.eject()
        self.drafts.clear()
        self._bundle = None
        self.shares.clear()
        if self._returning is not None:
            self._returning.pdf.close()
            self._returning = None
        self.consents.clear()
        self.stage = Stage.ENDED
        self._log(events.SESSION_END, {"session": self.session_id})
        return self.audit.checkpoint()

    # -- commands as messages ----------------------------------------------------------------
    def run(self, command: cmd.Command, progress: Progress | None = None) -> object:
        """Run one command dataclass (what :class:`nextstep.visit.process.SessionProcess`
        sends) through the method of the same meaning; returns that method's outcome."""
        return dispatch.run(self, command, progress)
