"""Mounting a person's drive without trusting it.

Every mount is ``nosuid,nodev,noexec``; FAT gets ``uid/gid/fmask/dmask`` that make nothing
executable, ``shortname=mixed,utf8,flush``. udisks2 is used when its daemon runs (it then
also powers the stick off); otherwise the kernel's ``mount``, or the FUSE drivers where this
kernel lacks the filesystem (``fusefat`` for FAT, ``exfat-fuse`` for exFAT). exfat-fuse drops
``noexec``, so the mount point is re-flagged with a bind remount afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Protocol

from nextstep.drives.status import DriveError, DriveStatus
from scanners.probe import ToolProbe

SAFE_FLAGS = ("nosuid", "nodev", "noexec")
FAT_OPTIONS = ("uid=0", "gid=0", "fmask=0177", "dmask=0077", "shortname=mixed", "utf8", "flush")
EXFAT_OPTIONS = ("uid=0", "gid=0", "fmask=0177", "dmask=0077")


def kernel_filesystems() -> frozenset[str]:
    try:
        text = Path("/proc/filesystems").read_text()
    except OSError:
        return frozenset()
    return frozenset(line.split()[-1] for line in text.splitlines() if line.strip())


def probe_tools() -> list[ToolProbe]:
    """Which mount helpers are present; separate from running them (used by preflight)."""
    fs = kernel_filesystems()
    probes = []
    for tool, package, needed in (
        ("blkid", "util-linux", True),
        ("losetup", "util-linux", True),
        ("mount", "mount", True),
        ("fusefat", "fusefat", "vfat" not in fs),
        ("mount.exfat-fuse", "exfat-fuse", "exfat" not in fs),
    ):
        found = shutil.which(tool) is not None
        if found or not needed:
            probes.append(ToolProbe(tool, True, f"{tool}: {'found' if found else 'not needed'}"))
        else:
            probes.append(
                ToolProbe(tool, False, f"{tool} is missing.", fix=f"apt-get install {package}")
            )
    udisks = udisks_running()
    probes.append(
        ToolProbe(
            "udisks2",
            True,
            "udisks2 running"
            if udisks
            else "udisks2 not running: using mount directly (fine on a kiosk without a desktop)",
        )
    )
    return probes


def udisks_running() -> bool:
    if shutil.which("udisksctl") is None:
        return False
    try:
        r = subprocess.run(["udisksctl", "status"], capture_output=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


def _run(cmd: list[str], *, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError as exc:
        raise DriveError(DriveStatus.TOOL_MISSING, f"{cmd[0]} is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise DriveError(DriveStatus.MOUNT_ERROR, f"{cmd[0]} timed out") from exc


def mount_table() -> list[tuple[str, Path, str]]:
    """(source, mountpoint, fstype) of every mount, from /proc/self/mountinfo."""
    rows: list[tuple[str, Path, str]] = []
    try:
        text = Path("/proc/self/mountinfo").read_text()
    except OSError:
        return rows
    for line in text.splitlines():
        left, _, right = line.partition(" - ")
        fields = left.split()
        rfields = right.split()
        if len(fields) < 5 or len(rfields) < 2:
            continue
        point = fields[4].encode().decode("unicode_escape")
        rows.append((rfields[1], Path(point), rfields[0]))
    return rows


def is_mounted(mountpoint: Path) -> bool:
    return any(point == mountpoint for _, point, _ in mount_table())


class Mounter(Protocol):
    """Mount and unmount one drive's filesystem at a directory NextStep owns."""

    def mount(self, device: str, fstype: str, mountpoint: Path, *, readonly: bool) -> None: ...

    def unmount(self, mountpoint: Path) -> None: ...


class SystemMounter:
    """``mount``/FUSE drivers run directly (root); the fallback when udisks2 is absent."""

    def __init__(self) -> None:
        self._fuse_children: dict[Path, subprocess.Popen[bytes]] = {}

    def mount(self, device: str, fstype: str, mountpoint: Path, *, readonly: bool) -> None:
        mountpoint.mkdir(parents=True, exist_ok=True, mode=0o700)
        kernel = kernel_filesystems()
        flags = [*SAFE_FLAGS, "ro" if readonly else "rw"]
        if fstype == "vfat" and "vfat" not in kernel:
            self._fusefat(device, mountpoint, readonly)
            return
        if fstype == "exfat" and "exfat" not in kernel:
            opts = ",".join(flags)
            r = _run(["mount.exfat-fuse", "-o", opts, device, str(mountpoint)])
            self._check(r, device, readonly)
            # exfat-fuse ignores noexec: set the per-mount flags ourselves.
            r = _run(["mount", "-o", "remount,bind," + opts, str(mountpoint)])
            if r.returncode != 0:
                self.unmount(mountpoint)
                raise DriveError(DriveStatus.MOUNT_ERROR, "cannot set noexec on the exFAT mount")
            return
        extra: tuple[str, ...] = ()
        if fstype == "vfat":
            extra = FAT_OPTIONS
        elif fstype == "exfat":
            extra = EXFAT_OPTIONS
        opts = ",".join([*flags, *extra])
        r = _run(["mount", "-t", fstype, "-o", opts, device, str(mountpoint)])
        self._check(r, device, readonly)

    def _fusefat(self, device: str, mountpoint: Path, readonly: bool) -> None:
        """fusefat in the foreground as our child, so that unmount can wait for it to flush."""
        if shutil.which("fusefat") is None:
            raise DriveError(DriveStatus.TOOL_MISSING, "fusefat is not installed")
        opts = ",".join([*SAFE_FLAGS, f"fsname={device}", "ro" if readonly else "rw+"])
        child = subprocess.Popen(
            ["fusefat", "-f", "-o", opts, device, str(mountpoint)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if is_mounted(mountpoint):
                self._fuse_children[mountpoint] = child
                return
            if child.poll() is not None:
                break
            time.sleep(0.02)
        if child.poll() is None:
            child.kill()
        child.wait()
        raise DriveError(DriveStatus.MOUNT_ERROR, "fusefat could not mount the FAT volume")

    @staticmethod
    def _check(r: subprocess.CompletedProcess[str], device: str, readonly: bool) -> None:
        if r.returncode == 0:
            return
        err = (r.stderr or "").lower()
        if not readonly and ("write-protected" in err or "read-only" in err):
            raise DriveError(DriveStatus.READ_ONLY, "the device is write-protected")
        raise DriveError(DriveStatus.MOUNT_ERROR, f"mount failed: {r.stderr.strip()[:200]}")

    def unmount(self, mountpoint: Path) -> None:
        if not is_mounted(mountpoint):
            self._reap(mountpoint)
            return
        os.sync()
        r = _run(["umount", str(mountpoint)])
        if r.returncode != 0:
            err = r.stderr.lower()
            if "busy" in err:
                raise DriveError(DriveStatus.BUSY, "the filesystem is busy")
            if "not connected" in err or "transport" in err:
                _run(["umount", "-l", str(mountpoint)])
            elif is_mounted(mountpoint):
                raise DriveError(DriveStatus.BUSY, f"umount failed: {r.stderr.strip()[:200]}")
        self._reap(mountpoint)

    def _reap(self, mountpoint: Path) -> None:
        child = self._fuse_children.pop(mountpoint, None)
        if child is None:
            return
        try:
            child.wait(timeout=30)  # fusefat writes its last FAT updates on exit
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


class UdisksMounter:
    """udisks2 through ``udisksctl`` (D-Bus); mount points are udisks's own, so it records
    where each device landed. Used only when the daemon answers (not on this CI machine)."""

    def __init__(self) -> None:
        self._points: dict[Path, str] = {}

    def mount(self, device: str, fstype: str, mountpoint: Path, *, readonly: bool) -> None:
        opts = ",".join([*SAFE_FLAGS, "ro" if readonly else "rw"])
        r = _run(
            ["udisksctl", "mount", "--no-user-interaction", "-b", device, "-t", fstype, "-o", opts]
        )
        if r.returncode != 0:
            SystemMounter._check(r, device, readonly)
        # "Mounted /dev/sdb1 at /media/kiosk/LABEL"
        where = r.stdout.strip().rsplit(" at ", 1)[-1].rstrip(".")
        self._points[mountpoint] = device
        if mountpoint.is_symlink() or not mountpoint.exists():
            mountpoint.parent.mkdir(parents=True, exist_ok=True)
            if mountpoint.is_symlink():
                mountpoint.unlink()
            mountpoint.symlink_to(where)

    def unmount(self, mountpoint: Path) -> None:
        device = self._points.pop(mountpoint, None)
        if device is None:
            return
        r = _run(["udisksctl", "unmount", "--no-user-interaction", "-b", device])
        if r.returncode != 0 and "busy" in r.stderr.lower():
            raise DriveError(DriveStatus.BUSY, "the filesystem is busy")
        if mountpoint.is_symlink():
            mountpoint.unlink()

    @staticmethod
    def power_off(device: str) -> None:
        _run(["udisksctl", "power-off", "--no-user-interaction", "-b", device])


def default_mounter() -> Mounter:
    return UdisksMounter() if udisks_running() else SystemMounter()
