"""The one way the kiosk reads files from a person's drive: as hostile input.

Why: the drive is the person's (or anyone's) property. A file there may be a symbolic link to
the kiosk's signing key (whose bytes a return visit would then carry onto the drive), a link
to ``/dev/zero`` (endless bytes), a FIFO (a read that never returns), a folder, or simply a
file far larger than anything the kiosk writes. So every read of a drive file:

* lists directories with :func:`os.scandir` without following links;
* opens with ``O_NOFOLLOW | O_NONBLOCK | O_NOCTTY`` (a link is refused by the kernel, a FIFO
  or device does not block or become a terminal) and checks ``fstat`` says regular file;
* refuses a file larger than the cap for its kind before reading, and reads in bounded
  chunks, stopping one byte past the cap (a file that grows while read is refused too);
* turns every failure into a :class:`~nextstep.drives.status.DriveError` with a status and
  its one staff sentence, never a traceback.
"""

from __future__ import annotations

import enum
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from nextstep.drives.status import DriveError, DriveStatus

MiB = 1024 * 1024
CHUNK = 1 << 20
# More entries than any drive root the kiosk should meet; bounds the listing's memory.
MAX_ENTRIES = 100_000
# The biggest bundle PDF the kiosk reads back (a few hundred pages at scanning resolution).
PDF_MAX = 512 * MiB


class FileKind(enum.Enum):
    """A kind of kiosk file, with the largest size the kiosk ever writes for it (with room)."""

    MANIFEST = ("manifest", 64 * 1024)  # <stem>.manifest.json: a few hundred bytes
    SIGNATURE = ("signature", 4 * 1024)  # minisign .minisig: under 400 bytes
    PROOF = ("proof", 1 * MiB)  # <stem>.audit-proof.json: a log-size proof path
    RECEIPT = ("receipt", 256 * 1024)  # <stem>.consent.txt
    PAR2 = ("par2", PDF_MAX // 2 + 4 * MiB)  # 110 % over four volumes, plus packet headers
    PDF = ("pdf", PDF_MAX)
    KEY = ("key", 4 * 1024)  # a public key file
    RECOVERY = ("recovery", 64 * 1024)  # <stem>.recovery.age, read by the organisation only

    def __init__(self, label: str, cap: int) -> None:
        self.label = label
        self.cap = cap


def kind_of(name: str) -> FileKind | None:
    """The kind of a kiosk file by its name; None for a name the kiosk does not read."""
    if name.endswith(".manifest.json") or name.endswith(".manifest.json.next"):
        return FileKind.MANIFEST
    if name.endswith(".minisig"):
        return FileKind.SIGNATURE
    if name.endswith(".audit-proof.json"):
        return FileKind.PROOF
    if name.endswith(".consent.txt"):
        return FileKind.RECEIPT
    if name.endswith(".par2"):
        return FileKind.PAR2
    if name.endswith(".pdf"):
        return FileKind.PDF
    return None


@dataclass(frozen=True)
class Entry:
    """One directory entry, typed without following links: "file", "dir", "link" or "other"."""

    name: str
    type: str
    size: int  # lstat size (meaningful for files only)

    @property
    def is_file(self) -> bool:
        return self.type == "file"

    def describe(self) -> str:
        """For a status's detail: "x.pdf is a folder"."""
        return f"{self.name} is {describe(self.type)}"


_WORDS = {"file": "a file", "dir": "a folder", "link": "a link", "other": "a FIFO or device"}


def describe(kind: str) -> str:
    return _WORDS.get(kind, kind)


def status_for(exc: OSError) -> DriveStatus:
    """What a read error on the drive means for staff."""
    code = exc.errno
    if code in (errno.ELOOP, errno.EISDIR, errno.ENOTDIR, errno.ENXIO, errno.EMLINK):
        return DriveStatus.NOT_A_FILE
    if code in (errno.ENOTCONN, errno.ENODEV, errno.ESHUTDOWN):
        return DriveStatus.REMOVED
    return DriveStatus.IO_ERROR


def _entry_type(entry: os.DirEntry[str]) -> str:
    if entry.is_symlink():
        return "link"
    if entry.is_dir(follow_symlinks=False):
        return "dir"
    if entry.is_file(follow_symlinks=False):
        return "file"
    return "other"


def list_dir(folder: Path) -> list[Entry]:
    """The entries of ``folder`` (sorted by name), typed without following any link."""
    out: list[Entry] = []
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if len(out) >= MAX_ENTRIES:
                    raise DriveError(
                        DriveStatus.IO_ERROR, f"more than {MAX_ENTRIES} entries in {folder.name}"
                    )
                kind = _entry_type(entry)
                size = entry.stat(follow_symlinks=False).st_size if kind == "file" else 0
                out.append(Entry(entry.name, kind, size))
    except OSError as exc:
        raise DriveError(status_for(exc), f"listing the drive: {exc.strerror or exc}") from exc
    return sorted(out, key=lambda e: e.name)


def entry_type(path: Path) -> str | None:
    """The type of ``path`` itself (a link is "link"), or None when nothing has that name."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DriveError(status_for(exc), f"{path.name}: {exc.strerror or exc}") from exc
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return "other"


def read_file(path: Path, kind: FileKind, *, cap: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` on a drive, at most ``cap`` (default: the cap
    of ``kind``). Raises :class:`DriveError`: ``NOT_A_FILE`` for a link, folder, FIFO or
    device; ``FILE_TOO_LARGE`` past the cap; ``REMOVED``/``IO_ERROR`` for the medium.
    A missing file raises ``FileNotFoundError``'s status too — use :func:`read_optional`
    where absence is normal."""
    limit = kind.cap if cap is None else cap
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise DriveError(DriveStatus.IO_ERROR, f"{path.name} is missing") from exc
    except OSError as exc:
        raise DriveError(status_for(exc), f"{path.name}: {exc.strerror or exc}") from exc
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise DriveError(DriveStatus.NOT_A_FILE, f"{path.name} is not a regular file")
        if st.st_size > limit:
            raise DriveError(
                DriveStatus.FILE_TOO_LARGE,
                f"{path.name}: {st.st_size} bytes, a {kind.label} file is at most {limit}",
            )
        parts: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            total += len(chunk)
            parts.append(chunk)
            if total > limit:
                raise DriveError(DriveStatus.FILE_TOO_LARGE, f"{path.name} grew past {limit} bytes")
        return b"".join(parts)
    except OSError as exc:
        raise DriveError(status_for(exc), f"{path.name}: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def read_optional(path: Path, kind: FileKind, *, cap: int | None = None) -> bytes | None:
    """Like :func:`read_file`, but None when nothing has that name (a link, folder or other
    non-file with the name is still refused with a status)."""
    if entry_type(path) is None:
        return None
    return read_file(path, kind, cap=cap)
