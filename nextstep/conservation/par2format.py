"""A small reader of the standard PAR2 2.0 file format (verification only, no repair).

Why our own reader beside the ``par2`` tool: ``par2`` says *whether* a file can be repaired,
but a person whose bundle cannot be repaired deserves to be told precisely *what* is damaged
(which byte ranges, how many blocks, how many more recovery blocks would be needed), and a
check should still say "intact" or "damaged" on a machine where ``par2`` is missing. The
format is public (https://parchive.github.io/doc/Parity%20Volume%20Set%20Specification%20v2.0.html):
packets with a 64-byte header, a Main packet (block size, file ids), a File Description
packet (name, length, MD5s) and an Input File Slice Checksum packet (MD5 + CRC32 per block).
MD5 and CRC32 here are the format's integrity checksums, not a security mechanism; the
bundle's authenticity comes from its minisign signature.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nextstep.drives import hostile
from nextstep.drives.status import DriveError

MAGIC = b"PAR2\x00PKT"
HEADER = struct.Struct("<8sQ16s16s16s")  # magic, length, packet md5, recovery set id, type
TYPE_MAIN = b"PAR 2.0\x00Main\x00\x00\x00\x00"
TYPE_FILEDESC = b"PAR 2.0\x00FileDesc"
TYPE_IFSC = b"PAR 2.0\x00IFSC\x00\x00\x00\x00"
TYPE_RECOVERY = b"PAR 2.0\x00RecvSlic"

_VOLUME_NAME = re.compile(r"\.vol(\d+)\+(\d+)\.par2$", re.IGNORECASE)


def md5_digest(data: bytes | memoryview) -> bytes:
    return hashlib.md5(data, usedforsecurity=False).digest()


@dataclass(frozen=True)
class SourceFile:
    """What the recovery set knows about the one protected file."""

    file_id: bytes
    name: str
    length: int
    md5: bytes
    md5_16k: bytes
    block_checksums: tuple[tuple[bytes, int], ...]  # (MD5, CRC32) per block


@dataclass
class RecoverySet:
    """The union of the valid packets found in a group of ``.par2`` files."""

    set_id: bytes
    block_size: int
    files: dict[bytes, SourceFile]
    recovery_exponents: set[int] = field(default_factory=set)
    expected_recovery_blocks: int = 0  # announced by the volume file names
    damaged_packets: int = 0

    @property
    def source(self) -> SourceFile:
        """The protected file (NextStep puts exactly one file in each set)."""
        return next(iter(self.files.values()))


@dataclass(frozen=True)
class BlockCheck:
    """Result of comparing a file, block by block, with the set's checksums."""

    total_blocks: int
    damaged_blocks: tuple[int, ...]
    actual_length: int | None  # None when the file is missing
    expected_length: int
    block_size: int

    @property
    def intact(self) -> bool:
        return not self.damaged_blocks and self.actual_length == self.expected_length

    def damaged_ranges(self) -> list[tuple[int, int]]:
        """Merged byte ranges ``[start, end)`` covered by damaged blocks."""
        ranges: list[tuple[int, int]] = []
        for index in self.damaged_blocks:
            start = index * self.block_size
            end = min(start + self.block_size, self.expected_length)
            if ranges and ranges[-1][1] == start:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
        return ranges


def _packets(data: bytes) -> Iterable[tuple[bytes, bytes, bytes]]:
    """Yield ``(set_id, type, body)`` of every packet whose MD5 checks; skip damaged ones.

    Scans for the magic at every 4-byte boundary so that one damaged packet does not hide the
    ones after it (the specification requires packets to be 4-byte aligned).
    """
    view = memoryview(data)
    pos = data.find(MAGIC)
    while 0 <= pos <= len(data) - HEADER.size:
        _magic, length, digest, set_id, ptype = HEADER.unpack_from(data, pos)
        ok = length >= HEADER.size and length % 4 == 0 and pos + length <= len(data)
        if ok and md5_digest(view[pos + 32 : pos + length]) == digest:
            yield set_id, ptype, bytes(view[pos + HEADER.size : pos + length])
            pos = data.find(MAGIC, pos + length)
        else:
            yield b"", b"damaged", b""
            pos = data.find(MAGIC, pos + 4)


def read_recovery_set(paths: Iterable[Path]) -> RecoverySet | None:
    """Merge the packets of ``paths``; None when no readable Main/FileDesc/IFSC packets remain."""
    mains: dict[bytes, bytes] = {}
    descs: dict[bytes, dict[bytes, tuple[bytes, bytes, int, str]]] = {}
    ifscs: dict[bytes, dict[bytes, tuple[tuple[bytes, int], ...]]] = {}
    exponents: dict[bytes, set[int]] = {}
    damaged = 0
    expected = 0
    for path in paths:
        match = _VOLUME_NAME.search(path.name)
        if match:
            expected += int(match.group(2))
        try:
            data = hostile.read_file(path, hostile.FileKind.PAR2)
        except DriveError:
            continue  # a link, special file, oversized or unreadable volume counts as lost
        for set_id, ptype, body in _packets(data):
            if ptype == b"damaged":
                damaged += 1
            elif ptype == TYPE_MAIN:
                mains[set_id] = body
            elif ptype == TYPE_FILEDESC and len(body) >= 56:
                file_id, md5, md5_16k, length = struct.unpack_from("<16s16s16sQ", body)
                name = body[56:].rstrip(b"\x00").decode("utf-8", "replace")
                descs.setdefault(set_id, {})[file_id] = (md5, md5_16k, length, name)
            elif ptype == TYPE_IFSC and len(body) >= 16:
                file_id = body[:16]
                slices: tuple[tuple[bytes, int], ...] = tuple(
                    (body[i : i + 16], int(struct.unpack_from("<I", body, i + 16)[0]))
                    for i in range(16, len(body) - 19, 20)
                )
                ifscs.setdefault(set_id, {})[file_id] = slices
            elif ptype == TYPE_RECOVERY and len(body) >= 4:
                exponents.setdefault(set_id, set()).add(struct.unpack_from("<I", body)[0])
    for set_id, main in mains.items():
        block_size, count = struct.unpack_from("<QI", main)
        file_ids = [main[12 + 16 * i : 28 + 16 * i] for i in range(count)]
        files: dict[bytes, SourceFile] = {}
        for file_id in file_ids:
            desc = descs.get(set_id, {}).get(file_id)
            sums = ifscs.get(set_id, {}).get(file_id)
            if desc is None or sums is None:
                continue
            md5, md5_16k, length, name = desc
            files[file_id] = SourceFile(file_id, name, length, md5, md5_16k, sums)
        if files:
            return RecoverySet(
                set_id=set_id,
                block_size=block_size,
                files=files,
                recovery_exponents=exponents.get(set_id, set()),
                expected_recovery_blocks=expected,
                damaged_packets=damaged,
            )
    return None


def check_blocks(data: bytes | None, source: SourceFile, block_size: int) -> BlockCheck:
    """Compare ``data`` (None = file missing) with the per-block checksums at their positions."""
    total = len(source.block_checksums)
    if data is None:
        return BlockCheck(total, tuple(range(total)), None, source.length, block_size)
    damaged: list[int] = []
    view = memoryview(data)
    for index, (md5, crc) in enumerate(source.block_checksums):
        start = index * block_size
        end = min(start + block_size, source.length)
        block = bytes(view[start:end])
        if len(block) < end - start:
            damaged.append(index)
            continue
        block += b"\x00" * (block_size - len(block))  # the last block is zero-padded
        if zlib.crc32(block) != crc or md5_digest(block) != md5:
            damaged.append(index)
    return BlockCheck(total, tuple(damaged), len(data), source.length, block_size)
