"""One share, start to end: the subset bundle with the recipient's cover, written into
``partage-share/`` on a drive, verified there, and its slip.

:class:`~nextstep.session.Session` calls :func:`share_to_drive` from its one ``share``
command (which checks consent and logs); nothing here touches the audit log, so the domain
keeps one writer of a visit's state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crypto import minisign
from crypto.keys import KioskKey
from nextstep.bundle.manifest import DocumentMeta
from nextstep.bundle.render import RasterPage
from nextstep.bundle.share import SharedBundle, share_subset
from nextstep.sharing.copies import SHARE_FOLDER, share_files, verify_on_drive
from nextstep.sharing.cover import render_recipient_cover
from nextstep.sharing.recipients import Recipient, RecipientKind
from nextstep.sharing.slip import qr_matrix, render_slip, slip_pdf

if TYPE_CHECKING:
    from nextstep.drives.target import DriveTarget, WriteReport


@dataclass(frozen=True)
class ShareRequest:
    """What staff and the person chose: whom, which categories and/or documents (1-based,
    D1 = 1, as on the cover), and where (None: the person's drive; else a second drive)."""

    recipient: Recipient
    categories: tuple[str, ...] = ()
    documents: tuple[int, ...] = ()
    drive: str | None = None


@dataclass(frozen=True)
class ShareRecord:
    """One share made in this visit, for the person's receipt ("recipient in their words")."""

    recipient: str
    kind: RecipientKind
    documents: int
    categories: tuple[str, ...]
    day: dt.date
    second_drive: bool


@dataclass
class ShareOutcome:
    """What the UI shows and the slip prints; the passphrase is shown once, never stored."""

    record: ShareRecord
    report: WriteReport
    bundle_id: str
    source_bundle_id: str
    passphrase: str = field(repr=False)
    stem: str
    pages: int
    slip_pdf: bytes = field(repr=False)
    qr: list[list[bool]] = field(repr=False)
    where: str = ""

    @property
    def ok(self) -> bool:
        return self.report.ok

    @property
    def pdf_name(self) -> str:
        return f"{SHARE_FOLDER}/{self.stem}.pdf"

    def audit_details(self) -> dict[str, Any]:
        """The clear part of the ``share`` entry: counts and the kind of recipient only."""
        return {
            "recipient_kind": self.record.kind.value,
            "documents": self.record.documents,
            "pages": self.pages,
            "second_drive": self.record.second_drive,
        }

    def audit_private(self) -> dict[str, Any]:
        """The encrypted part (erased with the person's key): who, what, which bundles."""
        return {
            "recipient": self.record.recipient,
            "categories": sorted(set(self.record.categories)),
            "bundle": self.source_bundle_id,
            "shared_bundle": self.bundle_id,
        }


def make_shared(
    source: bytes,
    *,
    passphrase: str,
    request: ShareRequest,
    trusted_keys: Sequence[bytes],
    key: KioskKey,
    kiosk_id: str,
    org_name: str,
    today: dt.date,
) -> SharedBundle:
    """The subset bundle with its recipient cover page first (verified source, copied pages)."""
    key_id = minisign.public_key_of(key.private).key_id_hex

    def preface(docs: Sequence[DocumentMeta], stem: str) -> list[RasterPage]:
        return render_recipient_cover(
            docs,
            recipient=request.recipient,
            consented=today,
            org_name=org_name,
            kiosk_id=kiosk_id,
            key_id=key_id,
            stem=stem,
        )

    return share_subset(
        source,
        passphrase=passphrase,
        trusted_keys=trusted_keys,
        key=key,
        kiosk_id=kiosk_id,
        recipient=request.recipient.name,
        categories=request.categories,
        documents=request.documents,
        preface=preface,
    )


def share_to_drive(
    target: DriveTarget,
    source: bytes,
    *,
    passphrase: str,
    request: ShareRequest,
    trusted_keys: Sequence[bytes],
    key: KioskKey,
    kiosk_id: str,
    org_name: str,
    today: dt.date,
) -> ShareOutcome:
    """Build the shared copy, write it into the drive's ``partage-share/``, re-open it there
    with its one-time passphrase, and make the slip. A failed write is in ``report``."""
    shared = make_shared(
        source,
        passphrase=passphrase,
        request=request,
        trusted_keys=trusted_keys,
        key=key,
        kiosk_id=kiosk_id,
        org_name=org_name,
        today=today,
    )
    report = target.write_bundle(share_files(shared.bundle))
    stem = shared.bundle.file_stem
    pages = 0
    if report.ok:
        info = verify_on_drive(
            target.root, stem, passphrase=shared.passphrase, trusted_keys=[key.public_bytes]
        )
        pages = sum(len(d.pages) for d in info.manifest.documents)
    slip = render_slip(
        shared.passphrase,
        org_name=org_name,
        kiosk_id=kiosk_id,
        created=today,
        document_count=shared.document_count,
        categories=shared.categories,
        stem=stem,
        folder=SHARE_FOLDER,
    )
    record = ShareRecord(
        recipient=shared.recipient,
        kind=request.recipient.kind,
        documents=shared.document_count,
        categories=tuple(shared.categories),
        day=today,
        second_drive=request.drive is not None,
    )
    return ShareOutcome(
        record=record,
        report=report,
        bundle_id=shared.bundle.bundle_id,
        source_bundle_id=shared.source_bundle_id,
        passphrase=shared.passphrase,
        stem=stem,
        pages=pages,
        slip_pdf=slip_pdf(slip),
        qr=qr_matrix(shared.passphrase),
        where=target.description,
    )
