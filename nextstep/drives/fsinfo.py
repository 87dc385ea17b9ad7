"""What is on a block device or image: filesystem type (``blkid -p``) and free space.

``blkid -p`` probes the superblock itself, so it works without a udev daemon (no udev
database here). Free space normally comes from ``statvfs``; fusefat reports zero blocks, so
for FAT the free clusters are counted from the first FAT directly (read-only access).
"""

from __future__ import annotations

import os
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_FS = ("vfat", "exfat", "ext4")
FAT32_MAX_FILE = 0xFFFF_FFFF  # bytes; FAT stores sizes on 32 bits


@dataclass(frozen=True)
class FsInfo:
    """The probed identity of a filesystem (empty ``fstype`` when none was recognised)."""

    fstype: str
    version: str = ""
    label: str = ""
    uuid: str = ""
    pttype: str = ""  # a partition table instead of a filesystem ("dos", "gpt")

    @property
    def supported(self) -> bool:
        return self.fstype in SUPPORTED_FS

    @property
    def is_fat32(self) -> bool:
        return self.fstype == "vfat"


def probe_fs(source: str | Path) -> FsInfo:
    """Probe ``source`` (device node or image file) with ``blkid -p``; never mounts it."""
    try:
        out = subprocess.run(
            ["blkid", "-p", "-o", "export", str(source)],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return FsInfo(fstype="")
    values: dict[str, str] = {}
    for line in out.stdout.splitlines():
        key, _, value = line.partition("=")
        values[key] = value
    return FsInfo(
        fstype=values.get("TYPE", ""),
        version=values.get("VERSION", ""),
        label=values.get("LABEL", ""),
        uuid=values.get("UUID", ""),
        pttype=values.get("PTTYPE", ""),
    )


def fat_free_bytes(source: str | Path) -> int | None:
    """Free bytes of a FAT12/16/32 volume, counted from its first FAT; None if not FAT."""
    try:
        with open(source, "rb") as fh:
            boot = fh.read(512)
            if len(boot) < 512 or boot[510:512] != b"\x55\xaa":
                return None
            bps, spc, reserved, nfats, root_entries, total16 = struct.unpack_from(
                "<HBHBHH", boot, 11
            )
            fatsz16 = struct.unpack_from("<H", boot, 22)[0]
            total32, fatsz32 = struct.unpack_from("<II", boot, 32)
            if bps not in (512, 1024, 2048, 4096) or spc == 0 or nfats == 0:
                return None
            fatsz = fatsz16 or fatsz32
            total = total16 or total32
            root_sectors = (root_entries * 32 + bps - 1) // bps
            data_sectors = total - (reserved + nfats * fatsz + root_sectors)
            clusters = data_sectors // spc
            fh.seek(reserved * bps)
            fat = fh.read(fatsz * bps)
    except OSError:
        return None
    free = 0
    if clusters >= 65525:  # FAT32
        entries = memoryview(fat)[8 : 4 * (clusters + 2)].cast("I")
        free = sum(1 for e in entries if e & 0x0FFF_FFFF == 0)
    elif clusters >= 4085:  # FAT16
        entries = memoryview(fat)[4 : 2 * (clusters + 2)].cast("H")
        free = sum(1 for e in entries if e == 0)
    else:  # FAT12
        for n in range(2, clusters + 2):
            off = n * 3 // 2
            pair = fat[off] | (fat[off + 1] << 8)
            free += ((pair >> 4) if n & 1 else (pair & 0xFFF)) == 0
    return int(free * spc * bps)


def free_bytes(mountpoint: Path, source: str | Path | None, fstype: str) -> int:
    """Bytes a new file may use on the mounted filesystem."""
    st = os.statvfs(mountpoint)
    if st.f_blocks == 0 and fstype == "vfat" and source is not None:
        counted = fat_free_bytes(source)
        if counted is not None:
            return counted
    return st.f_bavail * st.f_frsize


def cluster_size(mountpoint: Path) -> int:
    """Allocation unit used to round file sizes up in the free-space preflight."""
    st = os.statvfs(mountpoint)
    return max(st.f_bsize, st.f_frsize, 4096)
