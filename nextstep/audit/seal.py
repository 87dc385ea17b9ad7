"""A sealed log prefix: the leaf hashes of entries removed at the end of their retention.

Why: the log is a hash chain and a Merkle tree from entry 0, and retention (docs/gdpr/
retention.md) says entries older than the period must go. Sealing keeps exactly what the rest
needs to verify and nothing about anyone: the RFC 9162 leaf hashes of the removed entries
(hashes only, no content) and the kiosk's signed checkpoint over them. The tree of the whole
history can still be rebuilt from the hashes, so every stored checkpoint, witness cosignature
and inclusion proof given to a person keeps verifying; the first remaining entry's ``prev`` is
the last sealed leaf, so the chain continues.

The seal file ``<log>.sealed.json`` is replaced atomically before the log is cut; a crash in
between leaves sealed lines at the head of the log, which the readers skip after checking
that their leaf is the sealed one.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from nextstep.audit.bounded import SEAL_LIMIT, UnreadableFile, read_bounded_text
from nextstep.errors import NextStepError
from nextstep.fsio import fsync_dir

FORMAT = "nextstep-sealed-log/v1"


class SealError(NextStepError):
    """The seal file beside a log is unreadable or malformed."""


@dataclass(frozen=True)
class Seal:
    size: int
    leaves: tuple[bytes, ...]
    checkpoint: str  # the kiosk's signed checkpoint at ``size``
    sealed_before: str  # entries dated before this time were removed

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "size": self.size,
                "leaves": [leaf.hex() for leaf in self.leaves],
                "checkpoint": self.checkpoint,
                "sealed_before": self.sealed_before,
            },
            indent=0,
        )


def seal_path(log: Path) -> Path:
    return log.with_name(log.name + ".sealed.json")


def read_seal(log: Path) -> Seal | None:
    """The seal beside ``log`` (None if the log was never sealed); SealError if damaged."""
    path = seal_path(log)
    if not path.exists() and not path.is_symlink():
        return None
    try:
        data = json.loads(read_bounded_text(path, SEAL_LIMIT, follow_links=False))
    except UnreadableFile as exc:
        raise SealError(f"The seal file {path} {exc.reason}.") from None
    except (ValueError, RecursionError):
        raise SealError(f"The seal file {path} is not valid JSON.") from None
    try:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("format")
        size, leaves = data["size"], data["leaves"]
        checkpoint, before = data["checkpoint"], data["sealed_before"]
        if type(size) is not int or not isinstance(leaves, list) or len(leaves) != size:
            raise ValueError("size")
        if not isinstance(checkpoint, str) or not isinstance(before, str):
            raise ValueError("types")
        decoded = []
        for leaf in leaves:
            if not isinstance(leaf, str) or len(leaf) != 64:
                raise ValueError("leaf")
            decoded.append(bytes.fromhex(leaf))
    except (ValueError, KeyError, TypeError):
        raise SealError(
            f"The seal file {path} is malformed.",
            hint="Restore it from the backup; the log cannot be verified without it.",
        ) from None
    return Seal(size, tuple(decoded), checkpoint, before)


def write_seal(log: Path, seal: Seal) -> None:
    path = seal_path(log)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    try:
        data = (seal.to_json() + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)
