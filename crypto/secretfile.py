"""Writing secret key material to disk: mode 0600 from the first byte, durable, atomic.

Shared by the kiosk identity (``keys``) and the per-subject erasure keys (``shred``), so both
get the same guarantees: never world-readable even briefly, never half-written under the
final name, and the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a new file, rename or deletion in ``folder`` durable (erasure must survive a power
    cut as surely as creation)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_secret(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data`` (mode 0600), fsyncing file and folder."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
