"""Bounded reads of the files an audit command is handed (logs, checkpoints, keys, proofs).

Why: an auditor verifies copies whose origin they cannot vouch for. A FIFO must not block the
verifier, a device or a giant file must not exhaust memory, a directory named ``*.txt`` must be
a message rather than a traceback. Every reader here opens with ``O_NONBLOCK``, accepts only a
regular file, and reads at most ``limit`` bytes; failures are :class:`UnreadableFile` carrying
one sentence that the caller turns into a problem or a CLI message.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from nextstep.errors import NextStepError

CHECKPOINT_LIMIT = 64 * 1024  # a C2SP checkpoint with 100 signatures is a few kilobytes
KEY_LIMIT = 4 * 1024
PROOF_LIMIT = 4 * 1024 * 1024
SEAL_LIMIT = 256 * 1024 * 1024  # the leaf hashes of millions of sealed entries
LOG_LIMIT = 16 * 1024 * 1024 * 1024


class UnreadableFile(ValueError):
    """A file cannot be used: ``reason`` says why in a few words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def read_bounded(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or :class:`UnreadableFile`."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(path, "does not exist") from None
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be opened ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(path, "is not a regular file")
        if info.st_size > limit:
            raise UnreadableFile(path, f"is larger than {limit} bytes")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(path, f"is larger than {limit} bytes")
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read_bounded_text(path: Path, limit: int, *, follow_links: bool = True) -> str:
    """As :func:`read_bounded`, decoded as UTF-8 (anything else is :class:`UnreadableFile`)."""
    data = read_bounded(path, limit, follow_links=follow_links)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise UnreadableFile(path, "is not UTF-8 text") from None


def read_user_file(path: Path, limit: int, what: str) -> str:
    """A text file named on the command line, or a one-sentence NextStepError."""
    try:
        return read_bounded_text(path, limit)
    except UnreadableFile as exc:
        raise NextStepError(
            f"The {what} {path} {exc.reason}.", hint=f"Give the path of the {what} itself."
        ) from None
