"""Writing and verifying on real filesystems: ext4 on a loop device, FAT32 through fusefat on
an image file, exFAT through exfat-fuse on a loop device."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

import pytest

from nextstep.drives.fsinfo import fat_free_bytes, probe_fs
from nextstep.drives.mount import mount_table
from nextstep.drives.readme import README_NAME
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.drives.target import MountedTarget, open_target
from tests.drives.conftest import leftovers, loops_backed_by, make_image, require_fs

pytestmark = pytest.mark.root


def _mount_opts(point: Path) -> set[str]:
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        fields = line.split()
        if Path(fields[4]) == point:
            return set(fields[5].split(","))
    raise AssertionError(f"{point} is not mounted")


def test_write_verify_eject(fs_image: Path, mount_root: Path) -> None:
    fstype = probe_fs(fs_image).fstype
    t = open_target(str(fs_image), allow_loop=True, mount_root=mount_root)
    assert isinstance(t, MountedTarget) and t.fstype == fstype
    opts = _mount_opts(t.root)
    assert {"nosuid", "nodev", "noexec", "rw"} <= opts
    data = os.urandom(1_500_000)
    report = t.write_bundle({"NextStep-bundle.pdf": data})
    assert report.status is DriveStatus.VERIFIED, report.detail
    # verification ended on a read-only mount
    assert "ro" in _mount_opts(t.root)
    assert t.eject() is DriveStatus.EJECTED
    assert not any(mount_root in p.parents for _, p, _ in mount_table())
    assert loops_backed_by(fs_image.parent) == []

    # Reopen: what is on the medium is what we wrote.
    t2 = open_target(str(fs_image), allow_loop=True, mount_root=mount_root)
    try:
        got = (t2.root / "NextStep-bundle.pdf").read_bytes()
        assert hashlib.sha256(got).hexdigest() == report.sha256["NextStep-bundle.pdf"]
        assert (t2.root / README_NAME).exists()
        # a second bundle of the same name replaces the first, leaving no backups behind
        new = os.urandom(700_000)
        assert t2.write_bundle({"NextStep-bundle.pdf": new}).ok
        assert (t2.root / "NextStep-bundle.pdf").read_bytes() == new
        assert leftovers(t2.root) == []
    finally:
        t2.eject()


def test_preflight_full_writes_nothing(fs_image: Path, mount_root: Path) -> None:
    t = open_target(str(fs_image), allow_loop=True, mount_root=mount_root)
    try:
        before = sorted(os.listdir(t.root))
        report = t.write_bundle({"big.pdf": b"\0" * (48 * 1024 * 1024)})
        assert report.status is DriveStatus.FULL
        assert sorted(os.listdir(t.root)) == before
    finally:
        t.eject()


def test_fat_free_space_matches_fsck(tmp_path: Path, mount_root: Path) -> None:
    """Our FAT free-cluster count (fusefat reports no free space) agrees with dosfstools."""
    require_fs("vfat")
    img = make_image(tmp_path / "f.img", "vfat")
    t = open_target(str(img), allow_loop=True, mount_root=mount_root)
    assert t.write_bundle({"a.pdf": os.urandom(3_000_000)}).ok
    t.eject()
    out = subprocess.run(["fsck.fat", "-n", "-v", str(img)], capture_output=True, text=True)
    used, total = map(int, re.search(r"(\d+)/(\d+) clusters", out.stdout).groups())
    cluster = int(re.search(r"(\d+) bytes per cluster", out.stdout).group(1))
    assert fat_free_bytes(img) == (total - used) * cluster
    assert fat_free_bytes(img) < total * cluster - 3_000_000


def test_read_only_loop_device_is_refused(tmp_path: Path, mount_root: Path) -> None:
    require_fs("exfat")
    img = make_image(tmp_path / "ro.img", "exfat")
    loop = subprocess.run(
        ["losetup", "-r", "-f", "--show", str(img)], capture_output=True, text=True, check=True
    ).stdout.strip()
    with pytest.raises(DriveError) as exc:
        open_target(loop, allow_loop=True, mount_root=mount_root)
    assert exc.value.status is DriveStatus.READ_ONLY


def test_unsupported_filesystem(tmp_path: Path, mount_root: Path) -> None:
    require_fs("ext4")
    img = tmp_path / "blank.img"
    img.write_bytes(b"\0" * (4 * 1024 * 1024))
    with pytest.raises(DriveError) as exc:
        open_target(str(img), allow_loop=True, mount_root=mount_root)
    assert exc.value.status is DriveStatus.UNSUPPORTED


def test_loop_device_spec(tmp_path: Path, mount_root: Path) -> None:
    require_fs("ext4")
    img = make_image(tmp_path / "l.img", "ext4")
    loop = subprocess.run(
        ["losetup", "-f", "--show", str(img)], capture_output=True, text=True, check=True
    ).stdout.strip()
    t = open_target(loop, allow_loop=True, mount_root=mount_root)
    assert t.kind == "loop"
    try:
        assert t.write_bundle({"b.pdf": os.urandom(100_000)}).ok
    finally:
        assert t.eject() is DriveStatus.EJECTED
    # we did not attach it, so we leave it attached for its owner
    assert loop in loops_backed_by(tmp_path)
