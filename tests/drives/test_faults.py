"""Fault injection on real filesystems. In every case: the right status, no final-named
partial file, and the previous bundle intact and still verifying (SHA-256 of its bytes)."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nextstep.drives import target as drive_target
from nextstep.drives.fsinfo import probe_fs
from nextstep.drives.status import DriveStatus
from nextstep.drives.target import MountedTarget, open_target
from tests.conftest import ROOT
from tests.drives.conftest import leftovers

pytestmark = pytest.mark.root

NAME = "NextStep-bundle.pdf"


def _previous(img: Path, mount_root: Path) -> tuple[MountedTarget, bytes]:
    """Open the drive and put a first, verified bundle on it."""
    t = open_target(str(img), allow_loop=True, mount_root=mount_root)
    assert isinstance(t, MountedTarget)
    old = os.urandom(400_000)
    assert t.write_bundle({NAME: old}).status is DriveStatus.VERIFIED
    return t, old


def _assert_previous_intact(img: Path, mount_root: Path, old: bytes) -> None:
    """Reopen (which recovers leftovers) and check the previous bundle byte for byte."""
    t = open_target(str(img), allow_loop=True, mount_root=mount_root)
    try:
        assert leftovers(t.root) == []
        got = (t.root / NAME).read_bytes()
        assert hashlib.sha256(got).hexdigest() == hashlib.sha256(old).hexdigest()
        # and the drive still takes a new bundle afterwards
        assert t.write_bundle({"after.pdf": b"%PDF-1.7 after"}).ok
    finally:
        t.eject()


def _fill(root: Path) -> None:
    with open(root / "filler.bin", "wb") as fh:
        block = b"\xaa" * (256 * 1024)
        try:
            while True:
                fh.write(block)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            # fusefat answers a full FAT with EPERM; the kernel and exfat-fuse with ENOSPC
            assert exc.errno in (errno.ENOSPC, errno.EPERM), exc
            fh.truncate(fh.tell())  # keep only what fit, so close() succeeds


def test_enospc_during_write(fs_image: Path, mount_root: Path, no_hook: None) -> None:
    t, old = _previous(fs_image, mount_root)
    drive_target.fault_hook = lambda s: _fill(t.root) if s == "preflight" else None
    report = t.write_bundle({NAME: os.urandom(2_000_000)})
    drive_target.fault_hook = None
    assert report.status is DriveStatus.FULL, report.detail
    assert (t.root / NAME).read_bytes() == old
    assert leftovers(t.root) == []
    os.unlink(t.root / "filler.bin")
    t.eject()
    _assert_previous_intact(fs_image, mount_root, old)


def test_read_only_remount_before_writing(fs_image: Path, mount_root: Path, no_hook: None) -> None:
    t, old = _previous(fs_image, mount_root)

    def remount_ro(stage: str) -> None:
        if stage == "preflight":
            subprocess.run(
                ["mount", "-o", "remount,bind,ro,nosuid,nodev,noexec", str(t.root)], check=True
            )

    drive_target.fault_hook = remount_ro
    report = t.write_bundle({NAME: os.urandom(500_000)})
    drive_target.fault_hook = None
    assert report.status is DriveStatus.READ_ONLY, report.detail
    assert (t.root / NAME).read_bytes() == old
    t.eject()
    _assert_previous_intact(fs_image, mount_root, old)


def test_corrupted_before_verification(fs_image: Path, mount_root: Path, no_hook: None) -> None:
    t, old = _previous(fs_image, mount_root)

    def corrupt(stage: str) -> None:
        if stage == "renamed":
            fd = os.open(t.root / NAME, os.O_RDWR)
            try:
                byte = os.pread(fd, 1, 100_000)
                os.pwrite(fd, bytes([byte[0] ^ 0x01]), 100_000)
                os.fsync(fd)
            finally:
                os.close(fd)

    drive_target.fault_hook = corrupt
    report = t.write_bundle({NAME: os.urandom(600_000)})
    drive_target.fault_hook = None
    assert report.status is DriveStatus.VERIFY_FAILED, report.detail
    assert report.written == []
    assert (t.root / NAME).read_bytes() == old
    assert leftovers(t.root) == []
    t.eject()
    _assert_previous_intact(fs_image, mount_root, old)


def _fuse_daemon(point: Path) -> int:
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if str(point).encode() in argv and any(b"fuse" in a or b"fusefat" in a for a in argv):
            return int(pid)
    raise AssertionError(f"no FUSE daemon for {point}")


EXT4_IOC_SHUTDOWN = 0x8004587D  # _IOR('X', 125, __u32)
EXT4_GOING_FLAGS_NOLOGFLUSH = 2


def _pull_out(t: MountedTarget) -> DriveStatus:
    """Make the medium vanish under the writer, the way each driver can: the FUSE drivers
    lose their daemon (and exFAT's loop device is detached), ext4 is shut down (all I/O
    fails, as on a dying stick). Returns the status the writer must report."""
    if t.fstype == "ext4":
        fd = os.open(t.root, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.ioctl(fd, EXT4_IOC_SHUTDOWN, EXT4_GOING_FLAGS_NOLOGFLUSH.to_bytes(4, "little"))
        finally:
            os.close(fd)
        return DriveStatus.IO_ERROR
    os.kill(_fuse_daemon(t.root), signal.SIGKILL)
    time.sleep(0.2)
    if t.fstype == "exfat":
        subprocess.run(["losetup", "-d", t.device], check=True)
    return DriveStatus.REMOVED


@pytest.mark.parametrize("stage", ["writing", "renaming", "readonly"])
def test_device_pulled_out(fs_image: Path, mount_root: Path, no_hook: None, stage: str) -> None:
    t, old = _previous(fs_image, mount_root)
    expected: list[DriveStatus] = []

    def pull(s: str) -> None:
        if s == stage and not expected:
            expected.append(_pull_out(t))

    drive_target.fault_hook = pull
    report = t.write_bundle({NAME: os.urandom(3_000_000)})
    drive_target.fault_hook = None
    assert expected, f"stage {stage} never reached"
    assert report.status is expected[0], report.detail
    assert not report.ok and report.written == []
    t.eject()
    _assert_previous_intact(fs_image, mount_root, old)


KILL_SCRIPT = f"""
import os, sys, time
from pathlib import Path
from nextstep.drives import target
img, root, stage = sys.argv[1:4]
def hook(s):
    if s == stage:
        print("AT", s, flush=True)
        time.sleep(120)
target.fault_hook = hook
t = target.open_target(img, allow_loop=True, mount_root=Path(root))
r = t.write_bundle({{{NAME!r}: os.urandom(3_000_000)}})
print("DONE", r.status, flush=True)
"""


@pytest.mark.parametrize("stage", ["writing", "tmp_written", "renaming", "renamed", "readonly"])
def test_writer_killed(fs_image: Path, mount_root: Path, stage: str) -> None:
    t, old = _previous(fs_image, mount_root)
    t.eject()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(fs_image), str(mount_root), stage],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == f"AT {stage}", line
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    # No final-named partial file: the name holds the old bytes until recovery decides.
    assert probe_fs(fs_image).supported
    _assert_previous_intact(fs_image, mount_root, old)
