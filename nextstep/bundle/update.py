"""Return visit: add documents to an existing bundle without ever risking the old one.

Steps: verify the bundle on the drive with the person's passphrase; build version n+1 in
memory (old pages copied unchanged, new pages added, cover rebuilt, same bundle id, same
passphrase, same file name); verify the new bytes; write them beside the old files under
temporary names and verify *what is on the drive*; only then swap, PDF first. The new
envelope is written as ``<stem>.manifest.json.next`` before the PDF swap and renamed after, and the
verifier accepts whichever envelope matches the PDF, so an interruption at any point leaves
either the complete old version or the complete new one, each verifying on its own.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crypto import minisign
from crypto.keys import KioskKey
from nextstep.bundle.build import (
    AssemblyContext,
    Bundle,
    BundlePaths,
    CarriedDocument,
    assemble,
)
from nextstep.bundle.cover import HelpInput
from nextstep.bundle.manifest import Envelope, ManifestError, sha256
from nextstep.bundle.verify import (
    BundleError,
    BundleInfo,
    check_structure,
    load,
    pending_sidecars,
    read_manifest,
    sidecars,
    verify_open,
)
from nextstep.drives import hostile
from nextstep.drives.hostile import FileKind
from nextstep.drives.status import DriveError
from nextstep.fsio import fsync_dir, write_atomic, write_new
from nextstep.model import Document


@dataclass
class UpdateResult:
    bundle: Bundle
    paths: BundlePaths
    previous_version: int
    info: BundleInfo


def carried_documents(pdf: object, info: BundleInfo) -> list[CarriedDocument]:
    """The old version's documents with the indices of their pages in ``pdf``."""
    index = len(info.manifest.cover)
    out = []
    for meta in info.manifest.documents:
        pages = list(range(index, index + len(meta.pages)))
        index += len(meta.pages)
        out.append(CarriedDocument(meta=meta, source=pdf, page_indices=pages))  # type: ignore[arg-type]
    return out


def finish_pending(path: Path) -> None:
    """Complete or roll back an interrupted swap (see the module docstring)."""
    stem = path.name[: -len(".pdf")] if path.name.endswith(".pdf") else path.stem
    for stale in path.parent.glob(f".{stem}.*.part"):  # half-written temp files: ciphertext
        stale.unlink(missing_ok=True)
    nxt_env, nxt_sig = pending_sidecars(path)
    if hostile.entry_type(nxt_env) is None:
        if hostile.entry_type(nxt_sig) is not None:
            nxt_sig.unlink()
        return
    env_path, sig_path = sidecars(path)
    try:
        data = hostile.read_file(path, FileKind.PDF)
        pending = hostile.read_file(nxt_env, FileKind.MANIFEST)
        matches = Envelope.from_bytes(pending).pdf_sha256 == sha256(data)
    except (DriveError, ManifestError):
        matches = False
    if matches:  # the PDF was swapped: finish the envelope's move (its sig may be moved)
        if nxt_sig.exists():
            os.replace(nxt_sig, sig_path)
        os.replace(nxt_env, env_path)
    else:
        for p in (nxt_env, nxt_sig):
            p.unlink(missing_ok=True)


def add_documents(
    path: Path,
    documents: Sequence[Document],
    *,
    passphrase: str,
    key: KioskKey,
    kiosk_id: str,
    trusted_keys: Sequence[bytes | minisign.PublicKey],
    language: str | None = None,
    created: dt.datetime | None = None,
    help_section: HelpInput = None,
) -> UpdateResult:
    """Add ``documents`` to the bundle at ``path`` (a return visit); returns the new version."""
    finish_pending(path)
    data, envelope = load(path)
    old_pdf, info = verify_open(
        data, passphrase=passphrase, trusted_keys=trusted_keys, envelope=envelope
    )
    manifest_bytes, _ = read_manifest(old_pdf)
    stem = path.name[: -len(".pdf")] if path.name.endswith(".pdf") else path.stem
    new = assemble(
        documents,
        AssemblyContext(
            holder_id=info.manifest.holder_id,
            language=language or info.manifest.language,
            key=key,
            kiosk_id=kiosk_id,
            passphrase=passphrase,
            created=created,
            help_section=help_section,
            carried=carried_documents(old_pdf, info),
            bundle_id=info.manifest.bundle_id,
            version=info.manifest.version + 1,
            previous_manifest_sha256=sha256(manifest_bytes),
            file_stem=stem,
        ),
    )
    old_pdf.close()
    trusted = list(trusted_keys) + [key.public_bytes]
    # 1. the new bytes verify in memory
    verify_open(
        new.pdf, passphrase=passphrase, trusted_keys=trusted, envelope=(new.manifest, new.signature)
    )[0].close()
    paths = new.paths(path.parent)
    nxt_env, nxt_sig = pending_sidecars(path)
    part = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    # 2. write the new version under temporary names and verify what the drive gives back
    write_atomic(nxt_sig, new.signature)
    write_atomic(nxt_env, new.manifest)
    write_new(part, new.pdf)
    on_drive = hostile.read_file(part, FileKind.PDF)
    check_structure(on_drive)
    verify_open(
        on_drive,
        passphrase=passphrase,
        trusted_keys=trusted,
        envelope=(
            hostile.read_file(nxt_env, FileKind.MANIFEST),
            hostile.read_file(nxt_sig, FileKind.SIGNATURE),
        ),
    )[0].close()
    # 3. swap: the PDF rename is the commit point; then the envelope follows
    os.replace(part, paths.pdf)
    fsync_dir(path.parent, strict=False)
    os.replace(nxt_sig, paths.signature)
    os.replace(nxt_env, paths.manifest)
    fsync_dir(path.parent, strict=False)
    _, final = verify_open(
        hostile.read_file(paths.pdf, FileKind.PDF),
        passphrase=passphrase,
        trusted_keys=trusted,
        envelope=(
            hostile.read_file(paths.manifest, FileKind.MANIFEST),
            hostile.read_file(paths.signature, FileKind.SIGNATURE),
        ),
    )
    if final.version != info.version + 1:  # pragma: no cover - would be a logic error
        raise BundleError("The updated bundle on the drive is not the new version.")
    return UpdateResult(new, paths, info.version, final)
