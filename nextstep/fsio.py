"""Durable file writes, shared by the bundle, drive, conservation and audit code.

Why one module: every place that must survive a power cut or a pulled drive needs the same
three steps — write everything (``os.write`` may write less than asked), ``fsync`` the file,
rename over the final name and ``fsync`` the directory — and getting one of them wrong in one
copy is how partial files appear under final names.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_all(fd: int, data: bytes | memoryview) -> None:
    """Write every byte (``os.write`` may stop short on large buffers or slow media)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_dir(folder: Path, *, strict: bool = True) -> None:
    """Make renames and new files in ``folder`` survive a power cut.

    ``strict=False`` tolerates filesystems that refuse directory file descriptors (some FUSE
    drivers), where the caller has no better option than to carry on.
    """
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        if strict:
            raise
        return
    try:
        os.fsync(fd)
    except OSError:
        if strict:
            raise
    finally:
        os.close(fd)


def write_new(path: Path, data: bytes, *, mode: int = 0o600) -> None:
    """Create ``path`` (it must not exist) with ``data``, fsynced; removed again on failure."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, mode)
    try:
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)


def write_atomic(path: Path, data: bytes, *, mode: int = 0o600, strict: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a reader sees the old or the new file, whole."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    write_new(tmp, data, mode=mode)
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent, strict=strict)
