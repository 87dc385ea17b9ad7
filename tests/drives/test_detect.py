"""Detection through pyudev: sysfs scan plus real kernel uevents from attaching and
detaching loop devices, received on a netlink monitor (no udev daemon needed)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from nextstep.drives import detect
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.drives.target import open_target
from tests.conftest import require_tool
from tests.drives.conftest import make_image, require_fs

pytestmark = pytest.mark.root


def _attach(img: Path, *extra: str) -> str:
    return subprocess.run(
        ["losetup", *extra, "-f", "--show", str(img)], capture_output=True, text=True, check=True
    ).stdout.strip()


def _detach(loop: str) -> None:
    subprocess.run(["losetup", "-d", loop], check=True)


def _ours(tmp: Path):
    return lambda c: c.backing_file.startswith(str(tmp))


def _wait_event(mon, name: str, timeout: float = 10.0):
    """The next uevent about block device ``name`` (others' loop devices are skipped)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        dev = mon.poll(timeout=max(0.1, deadline - time.monotonic()))
        if dev is not None and dev.sys_name == name:
            return dev
    raise AssertionError(f"no uevent for {name} within {timeout}s")


def test_uevents_attach_then_detach(tmp_path: Path, mount_root: Path) -> None:
    require_fs("vfat")
    img = make_image(tmp_path / "stick.img", "vfat")
    mon = detect.monitor()
    mon.start()
    loop = _attach(img)
    name = os.path.basename(loop)
    try:
        ev = _wait_event(mon, name)
        assert ev.action in ("add", "change")
        cands = detect.scan(allow_loop=True, include=_ours(tmp_path))
        assert [c.device for c in cands] == [loop]
        (c,) = cands
        assert c.kind == "loop" and c.fs.fstype == "vfat" and not c.readonly
        assert c.status is DriveStatus.READY and "test/demo" in c.label
        assert detect.choose(cands) == c
        # Without the policy, a loop device is never a drive.
        assert detect.scan(allow_loop=False, include=_ours(tmp_path)) == []
    finally:
        _detach(loop)
    ev = _wait_event(mon, name)
    assert ev.action in ("change", "remove")
    after = detect.scan(allow_loop=True, include=_ours(tmp_path))
    assert after == []
    with pytest.raises(DriveError) as exc:
        detect.choose(after)
    assert exc.value.status is DriveStatus.NO_DEVICE


def test_watch_reports_the_situation(tmp_path: Path, mount_root: Path) -> None:
    require_fs("exfat")
    img = make_image(tmp_path / "a.img", "exfat")
    mon = detect.monitor()
    events = detect.watch(allow_loop=True, timeout=5, include=_ours(tmp_path), mon=mon)
    mon.start()
    loop = _attach(img)
    try:
        for ev in events:
            if ev.device == os.path.basename(loop):
                assert ev.status is DriveStatus.READY
                assert [c.device for c in ev.candidates] == [loop]
                break
        else:
            raise AssertionError("watch() saw no event for the attached loop device")
    finally:
        _detach(loop)


def test_refusals(tmp_path: Path, mount_root: Path) -> None:
    require_fs("exfat")
    a = make_image(tmp_path / "a.img", "exfat")
    b = make_image(tmp_path / "b.img", "exfat")
    blank = tmp_path / "blank.img"
    blank.write_bytes(b"\0" * (2 * 1024 * 1024))
    loops = []
    try:
        loops.append(_attach(a))
        loops.append(_attach(b))
        cands = detect.scan(allow_loop=True, include=_ours(tmp_path))
        with pytest.raises(DriveError) as exc:
            detect.choose(cands)
        assert exc.value.status is DriveStatus.SEVERAL_DEVICES
        _detach(loops.pop())
        _detach(loops.pop())

        loops.append(_attach(blank))
        with pytest.raises(DriveError) as exc:
            detect.choose(detect.scan(allow_loop=True, include=_ours(tmp_path)))
        assert exc.value.status is DriveStatus.UNSUPPORTED
        _detach(loops.pop())

        loops.append(_attach(a, "-r"))
        (c,) = detect.scan(allow_loop=True, include=_ours(tmp_path))
        assert c.readonly and c.status is DriveStatus.READ_ONLY
        with pytest.raises(DriveError) as exc:
            detect.choose([c])
        assert exc.value.status is DriveStatus.READ_ONLY
    finally:
        for loop in loops:
            _detach(loop)


def _write_mbr(img: Path, *, start: int, sectors: int, part_type: int) -> None:
    """One primary partition in a classic MBR (what a stick from a shop carries)."""
    entry = bytes([0x00, 0xFE, 0xFF, 0xFF, part_type, 0xFE, 0xFF, 0xFF])
    entry += start.to_bytes(4, "little") + sectors.to_bytes(4, "little")
    with open(img, "r+b") as fh:
        fh.seek(0x1BE)
        fh.write(entry + bytes(48) + b"\x55\xaa")


def test_partitioned_stick(tmp_path: Path, mount_root: Path) -> None:
    """A stick with a partition table: the partition is the candidate, and a write to it
    verifies."""
    require_fs("vfat")
    img = tmp_path / "parted.img"
    with open(img, "wb") as fh:
        fh.truncate(48 * 1024 * 1024)
    _write_mbr(img, start=2048, sectors=48 * 2048 - 2048, part_type=0x0C)
    mon = detect.monitor()
    mon.start()
    loop = _attach(img, "-P")
    part = loop + "p1"
    try:
        if not Path(part).exists():
            # This CI kernel lacks CONFIG_MSDOS_PARTITION: register the partition from user
            # space (BLKPG); the kernel still emits the partition's uevent.
            require_tool("partx")
            subprocess.run(["partx", "-a", loop], check=True, capture_output=True)
        _wait_event(mon, os.path.basename(part))
        subprocess.run(["mkfs.vfat", "-F", "32", "-s", "1", part], check=True, capture_output=True)
        (c,) = detect.scan(allow_loop=True, include=_ours(tmp_path))
        assert c.device == part and c.disk == os.path.basename(loop) and c.fs.fstype == "vfat"
        t = open_target(c.device, allow_loop=True, mount_root=mount_root)
        try:
            assert t.write_bundle({"b.pdf": os.urandom(300_000)}).ok
        finally:
            t.eject()
    finally:
        _detach(loop)
