"""Shared copies on a drive: written into ``partage-share/``, verified, and removed again.

Why a folder of their own: the person's drive holds their own bundle at its root; a shared
copy beside it would be confused with it (and listed as a bundle on a return visit). Writing
goes through the drive target (atomic, re-read, 0644); reading back goes through the hostile
reader, like every drive file. :func:`remove_shared_copies` is what withdrawing the
``share_recipient`` consent calls: it removes only what the kiosk wrote there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from nextstep.bundle.build import ENVELOPE_SIG_SUFFIX, ENVELOPE_SUFFIX, PDF_SUFFIX, Bundle
from nextstep.bundle.verify import BundleInfo, verify_bundle
from nextstep.drives import hostile
from nextstep.drives.status import DriveError
from nextstep.fsio import fsync_dir

SHARE_FOLDER = "partage-share"
# The kiosk's random file stems (nextstep.bundle.build.new_file_stem) with its three suffixes.
_KIOSK_FILE = re.compile(r"[a-km-z2-9]{12}(\.pdf|\.manifest\.json|\.manifest\.json\.minisig)")


def share_files(bundle: Bundle) -> dict[str, bytes]:
    """The shared bundle's files, named for the drive's ``partage-share/`` folder."""
    stem = f"{SHARE_FOLDER}/{bundle.file_stem}"
    return {
        stem + PDF_SUFFIX: bundle.pdf,
        stem + ENVELOPE_SUFFIX: bundle.manifest,
        stem + ENVELOPE_SIG_SUFFIX: bundle.signature,
    }


def verify_on_drive(
    root: Path, stem: str, *, passphrase: str, trusted_keys: Sequence[bytes]
) -> BundleInfo:
    """Open what is on the drive now with the one-time passphrase, read as hostile input."""
    base = root / SHARE_FOLDER / stem
    return verify_bundle(
        hostile.read_file(base.with_name(stem + PDF_SUFFIX), hostile.FileKind.PDF),
        passphrase=passphrase,
        trusted_keys=list(trusted_keys),
        envelope=(
            hostile.read_file(base.with_name(stem + ENVELOPE_SUFFIX), hostile.FileKind.MANIFEST),
            hostile.read_file(
                base.with_name(stem + ENVELOPE_SIG_SUFFIX), hostile.FileKind.SIGNATURE
            ),
        ),
    )


def remove_shared_copies(drive_root: Path) -> list[str]:
    """Remove the shared copies the kiosk wrote in ``<drive>/partage-share/``; return the
    removed names (relative to the drive root).

    Only regular files named like the kiosk's own (random stem, bundle suffixes) go; links,
    folders and anything the person put there stay. The folder goes when left empty. The
    caller mounts the drive read-write (the withdrawal command of the consent module).
    """
    folder = drive_root / SHARE_FOLDER
    if hostile.entry_type(folder) != "dir":
        return []
    removed: list[str] = []
    try:
        for entry in hostile.list_dir(folder):
            if entry.is_file and _KIOSK_FILE.fullmatch(entry.name):
                os.unlink(folder / entry.name)
                removed.append(f"{SHARE_FOLDER}/{entry.name}")
        if removed:
            fsync_dir(folder)
        if not hostile.list_dir(folder):
            os.rmdir(folder)
            fsync_dir(drive_root)
    except OSError as exc:
        raise DriveError(hostile.status_for(exc), f"remove shared copies: {exc}") from exc
    return removed
