"""Real filesystems for the drive tests: images formatted with the standard mkfs tools,
mounted through loop devices / FUSE under a per-test mount root, always cleaned up."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextstep.drives.mount import mount_table
from tests.conftest import is_root, require_tool

SIZES_MB = {"ext4": 24, "vfat": 40, "exfat": 24}
MKFS = {
    "ext4": ["mkfs.ext4", "-q", "-F", "-O", "^has_journal"],
    "vfat": ["mkfs.vfat", "-F", "32", "-s", "1"],
    "exfat": ["mkfs.exfat"],
}


def require_loop_root() -> None:
    if not is_root():
        pytest.skip("needs root (loop devices, mount)")
    if not Path("/dev/loop-control").exists():
        pytest.skip("no /dev/loop-control: this kernel has no loop devices")
    require_tool("losetup")
    require_tool("blkid")


def require_fs(fstype: str) -> None:
    require_loop_root()
    require_tool(MKFS[fstype][0])
    if fstype == "vfat":
        require_tool("fusefat")
    if fstype == "exfat":
        require_tool("mount.exfat-fuse")
    if fstype in ("vfat", "exfat") and not Path("/dev/fuse").exists():
        pytest.skip("no /dev/fuse: FUSE is unavailable")


def make_image(path: Path, fstype: str, size_mb: int | None = None) -> Path:
    with open(path, "wb") as fh:
        fh.truncate((size_mb or SIZES_MB[fstype]) * 1024 * 1024)
    subprocess.run([*MKFS[fstype], str(path)], check=True, capture_output=True)
    return path


def loops_backed_by(tmp: Path) -> list[str]:
    out = subprocess.run(
        ["losetup", "-l", "-n", "-O", "NAME,BACK-FILE"], capture_output=True, text=True
    ).stdout
    loops = []
    for line in out.splitlines():
        parts = line.split(None, 1)
        if len(parts) == 2 and parts[1].strip().startswith(str(tmp)):
            loops.append(parts[0])
    return loops


def cleanup(tmp: Path) -> None:
    """Unmount everything below ``tmp`` (FUSE lazily if its daemon died) and detach loop
    devices backed by files below it."""
    for _, point, _ in reversed(mount_table()):
        if tmp in point.parents:
            r = subprocess.run(["umount", str(point)], capture_output=True)
            if r.returncode != 0:
                subprocess.run(["umount", "-l", str(point)], capture_output=True)
    for loop in loops_backed_by(tmp):
        subprocess.run(["losetup", "-d", loop], capture_output=True)


@pytest.fixture
def mount_root(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "mnt"
    root.mkdir()
    yield root
    cleanup(tmp_path)


@pytest.fixture(params=["ext4", "vfat", "exfat"])
def fs_image(request: pytest.FixtureRequest, tmp_path: Path, mount_root: Path) -> Path:
    """An image formatted with each supported filesystem (needs root, loop, FUSE)."""
    fstype = request.param
    require_fs(fstype)
    return make_image(tmp_path / f"drive-{fstype}.img", fstype)


@pytest.fixture
def no_hook() -> Iterator[None]:
    from nextstep.drives import target

    yield
    target.fault_hook = None


def leftovers(root: Path) -> list[str]:
    return [n for n in os.listdir(root) if n.startswith(".nextstep-")]
