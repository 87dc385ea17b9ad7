"""Finding the person's drive: USB mass-storage block devices seen through pyudev.

Everything comes from sysfs and the kernel's netlink uevents, so detection works with or
without a udev daemon (this CI machine has none; the kiosk may). The filesystem is probed
with ``blkid -p`` rather than read from the udev database for the same reason.

Rules: a candidate is a partition (or a partition-less "superfloppy" disk) whose disk sits
under a USB interface of class 08 (mass storage). Loop devices count only when the policy
admits them (tests, demos) and are reported as such. Exactly one drive is accepted; anything
else is refused with the status staff need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyudev

from nextstep.drives.fsinfo import FsInfo, probe_fs
from nextstep.drives.status import DriveError, DriveStatus

USB_MASS_STORAGE = "08"


@dataclass(frozen=True)
class Candidate:
    """One block device that could receive the bundle."""

    device: str  # device node, e.g. /dev/sdb1 or /dev/loop3
    disk: str  # the whole disk it belongs to, e.g. sdb
    kind: str  # "usb" or "loop"
    fs: FsInfo
    readonly: bool
    size: int  # bytes
    label: str  # vendor/model or loop backing file, for staff
    backing_file: str = ""

    @property
    def status(self) -> DriveStatus:
        if not self.fs.supported:
            return DriveStatus.UNSUPPORTED
        if self.readonly:
            return DriveStatus.READ_ONLY
        return DriveStatus.READY


def _attr(device: pyudev.Device, name: str) -> str:
    try:
        value = device.attributes.get(name)
    except (KeyError, OSError):
        return ""
    return value.decode(errors="replace").strip() if value else ""


def _is_usb_mass_storage(disk: pyudev.Device) -> str | None:
    """Vendor/model label if ``disk`` hangs under a USB mass-storage interface, else None."""
    iface = disk.find_parent("usb", "usb_interface")
    if iface is None or _attr(iface, "bInterfaceClass") != USB_MASS_STORAGE:
        return None
    usb = disk.find_parent("usb", "usb_device")
    vendor = _attr(usb, "manufacturer") if usb is not None else ""
    product = _attr(usb, "product") if usb is not None else ""
    return " ".join(p for p in (vendor, product) if p) or "USB drive"


def _candidates_of_disk(
    context: pyudev.Context, disk: pyudev.Device, kind: str, label: str
) -> list[Candidate]:
    parts = [
        d
        for d in context.list_devices(subsystem="block", DEVTYPE="partition")
        if d.find_parent("block", "disk") == disk
    ]
    disk_ro = _attr(disk, "ro") == "1"
    backing = _attr(disk, "loop/backing_file") if kind == "loop" else ""
    out = []
    for dev in parts or [disk]:
        node = dev.device_node or f"/dev/{dev.sys_name}"
        sectors = _attr(dev, "size")
        out.append(
            Candidate(
                device=node,
                disk=disk.sys_name,
                kind=kind,
                fs=probe_fs(node),
                readonly=disk_ro or _attr(dev, "ro") == "1",
                size=int(sectors) * 512 if sectors.isdigit() else 0,
                label=f"loop device backed by {backing} (test/demo)" if backing else label,
                backing_file=backing,
            )
        )
    return out


def scan(
    context: pyudev.Context | None = None,
    *,
    allow_loop: bool = False,
    include: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """Every USB mass-storage (and, by policy, loop) filesystem candidate present now.

    ``include`` narrows the result (tests use it to ignore loop devices of other tests)."""
    context = context or pyudev.Context()
    found: list[Candidate] = []
    for disk in context.list_devices(subsystem="block", DEVTYPE="disk"):
        if _attr(disk, "size") in ("", "0"):
            continue  # empty card reader slot or unattached loop device
        if disk.sys_name.startswith("loop"):
            if not allow_loop:
                continue
            found += _candidates_of_disk(context, disk, "loop", "loop device")
            continue
        label = _is_usb_mass_storage(disk)
        if label is not None:
            found += _candidates_of_disk(context, disk, "usb", label)
    if include is not None:
        found = [c for c in found if include(c)]
    return found


def choose(candidates: list[Candidate]) -> Candidate:
    """The one drive to write to, or a :class:`DriveError` saying why there is none."""
    if not candidates:
        raise DriveError(DriveStatus.NO_DEVICE)
    disks = {c.disk for c in candidates}
    if len(disks) > 1:
        raise DriveError(DriveStatus.SEVERAL_DEVICES, f"{len(disks)} drives present")
    usable = [c for c in candidates if c.fs.supported]
    if not usable:
        kinds = ",".join(sorted({c.fs.fstype or "none" for c in candidates}))
        raise DriveError(DriveStatus.UNSUPPORTED, f"filesystem {kinds}")
    if len(usable) > 1:
        raise DriveError(DriveStatus.SEVERAL_DEVICES, "several usable partitions on one drive")
    chosen = usable[0]
    if chosen.readonly:
        raise DriveError(DriveStatus.READ_ONLY, f"{chosen.device} is write-protected")
    return chosen


def find_one(
    *, allow_loop: bool = False, include: Callable[[Candidate], bool] | None = None
) -> Candidate:
    return choose(scan(allow_loop=allow_loop, include=include))


def udev_daemon_running() -> bool:
    return Path("/run/udev/control").exists()


def monitor(context: pyudev.Context | None = None) -> pyudev.Monitor:
    """A netlink monitor on block devices: udev's events when its daemon runs (they carry
    the probed properties), else the kernel's own uevents."""
    context = context or pyudev.Context()
    source = "udev" if udev_daemon_running() else "kernel"
    mon = pyudev.Monitor.from_netlink(context, source=source)
    mon.filter_by("block")
    return mon


@dataclass(frozen=True)
class DriveEvent:
    """A kernel block event and the drive situation right after it."""

    action: str  # add, remove, change
    device: str  # sys_name of the device the event was about
    candidates: tuple[Candidate, ...]
    status: DriveStatus  # READY when exactly one usable drive is present


def situation(candidates: list[Candidate]) -> DriveStatus:
    try:
        choose(candidates)
    except DriveError as exc:
        return exc.status
    return DriveStatus.READY


def watch(
    *,
    allow_loop: bool = False,
    timeout: float | None = None,
    include: Callable[[Candidate], bool] | None = None,
    mon: pyudev.Monitor | None = None,
) -> Iterator[DriveEvent]:
    """Yield a :class:`DriveEvent` for each block uevent until ``timeout`` seconds pass with
    no event (forever when None). Pass a started ``mon`` to avoid missing early events."""
    context = pyudev.Context()
    mon = mon or monitor(context)
    mon.start()
    while True:
        dev = mon.poll(timeout=timeout)
        if dev is None:
            return
        if dev.sys_name.startswith("loop") and not allow_loop:
            continue
        cands = scan(context, allow_loop=allow_loop, include=include)
        yield DriveEvent(dev.action or "", dev.sys_name, tuple(cands), situation(cands))


def describe(c: Candidate) -> str:
    size_mb = c.size // (1024 * 1024)
    flags = " read-only" if c.readonly else ""
    return f"{c.device}\t{c.fs.fstype or '-'}\t{size_mb} MiB{flags}\t{c.label}"


__all__ = [
    "Candidate",
    "DriveEvent",
    "choose",
    "describe",
    "find_one",
    "monitor",
    "scan",
    "situation",
    "watch",
]
