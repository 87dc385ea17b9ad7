"""Is the kiosk's data directory on an encrypted volume (dm-crypt / LUKS)?

Why: the DPIA counts on it. The audit log's subject keys, the kiosk's signing key and the staff
PIN hashes sit in the data directory; a stolen kiosk disk must give none of them. Preflight
warns (it does not refuse: a demo laptop is fine) when the directory's block device has no
``crypt`` layer in its chain. Two independent signs count: ``lsblk -s`` (the device and every
device below it) lists a ``crypt`` type, or a device-mapper node's ``dm/uuid`` starts with
``CRYPT-`` (how cryptsetup names its mappings). Reading the answer is separate from asking the
system, so both outcomes are tested with injected input where no device-mapper is available.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

SYS_BLOCK = Path("/sys/class/block")
MEMORY_FILESYSTEMS = frozenset({"tmpfs", "ramfs"})


@dataclass(frozen=True)
class CryptProbe:
    encrypted: bool
    detail: str


def _run(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout if done.returncode == 0 else ""


def dm_uuids(names: list[str], sys_block: Path = SYS_BLOCK) -> dict[str, str]:
    """``dm/uuid`` of each device-mapper device among ``names`` (e.g. "dm-0")."""
    out: dict[str, str] = {}
    for name in names:
        path = sys_block / name / "dm" / "uuid"
        try:
            out[name] = path.read_text(encoding="ascii").strip()
        except OSError:
            continue
    return out


def judge(source: str, fstype: str, lsblk: str, uuids: Mapping[str, str]) -> CryptProbe:
    """Decide from what the system said: the mount source and type, ``lsblk -s -r -no
    NAME,KNAME,TYPE`` of that source, and the dm uuids of the devices listed."""
    if fstype in MEMORY_FILESYSTEMS:
        return CryptProbe(True, f"in memory ({fstype}): nothing is written to a disk")
    chain = [line.split() for line in lsblk.splitlines() if line.strip()]
    if not chain:
        return CryptProbe(
            False, f"{source or 'the data directory'} is not a block device NextStep can inspect"
        )
    for parts in chain:
        if parts[-1] == "crypt":
            return CryptProbe(True, f"on {source}, above the dm-crypt volume {parts[0]}")
    for name, uuid in uuids.items():
        if uuid.startswith("CRYPT-"):
            return CryptProbe(True, f"on {source}, above the dm-crypt volume {name}")
    return CryptProbe(False, f"on {source}, with no dm-crypt layer below it")


def probe(path: Path, run: Callable[[list[str]], str] = _run) -> CryptProbe:
    """Ask the system about the volume holding ``path`` (or its nearest existing parent)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    found = run(["findmnt", "-n", "-o", "SOURCE,FSTYPE", "--target", str(path)]).split()
    source, fstype = (found + ["", ""])[:2]
    lsblk = run(["lsblk", "-s", "-r", "-n", "-o", "NAME,KNAME,TYPE", source]) if source else ""
    knames = [parts[1] for parts in (line.split() for line in lsblk.splitlines()) if len(parts) > 2]
    return judge(source, fstype, lsblk, dm_uuids(knames))
