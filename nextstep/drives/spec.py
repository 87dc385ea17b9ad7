"""What a drive spec names: the one place that reads ``""``, ``/dev/...``, an image file or a
folder, so opening a drive (:func:`nextstep.drives.target.open_target`) and asking whether one
is there (:func:`probe`, the kiosk's drive screen) can never disagree about a spec or its loop
policy.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from pathlib import Path

from nextstep.drives.status import DriveError, DriveStatus


class SpecKind(enum.Enum):
    DETECT = "detect"  # "": exactly one USB drive, found by udev
    DEVICE = "device"  # a /dev/... block device (USB or, by policy, loop)
    IMAGE = "image"  # a filesystem image file, loop-mounted
    FOLDER = "folder"  # a plain folder (demo, tests); created when missing


@dataclass(frozen=True)
class DriveSpec:
    kind: SpecKind
    spec: str
    loop: bool = False  # a loop device or an image: needs the loop policy

    @property
    def path(self) -> Path:
        return Path(self.spec)


def resolve(spec: str, *, allow_loop: bool = False) -> DriveSpec:
    """Classify ``spec`` and apply the loop policy; raises :class:`DriveError` (LOOP_POLICY)
    for a loop device or an image when loops are not allowed."""
    if spec == "":
        return DriveSpec(SpecKind.DETECT, spec)
    if spec.startswith("/dev/"):
        is_loop = os.path.basename(os.path.realpath(spec)).startswith("loop")
        if is_loop and not allow_loop:
            raise DriveError(DriveStatus.LOOP_POLICY, f"{spec} is a loop device")
        return DriveSpec(SpecKind.DEVICE, spec, loop=is_loop)
    if Path(spec).is_file():
        if not allow_loop:
            raise DriveError(DriveStatus.LOOP_POLICY, f"{spec} is a disk image")
        return DriveSpec(SpecKind.IMAGE, spec, loop=True)
    return DriveSpec(SpecKind.FOLDER, spec)


def probe(spec: str, *, allow_loop: bool = False) -> DriveStatus:
    """Is the drive named by ``spec`` there? READY or the reason it is not; nothing is
    mounted, created or written."""
    try:
        resolved = resolve(spec, allow_loop=allow_loop)
    except DriveError as exc:
        return exc.status
    if resolved.kind is SpecKind.DETECT:
        from nextstep.drives.detect import scan, situation  # pyudev: only when detecting

        return situation(scan(allow_loop=allow_loop))
    if resolved.kind is SpecKind.DEVICE:
        return DriveStatus.READY if resolved.path.exists() else DriveStatus.NO_DEVICE
    if resolved.kind is SpecKind.IMAGE:
        return DriveStatus.READY
    path = resolved.path
    if path.is_dir() or (not path.exists() and path.parent.is_dir()):
        return DriveStatus.READY
    return DriveStatus.NO_DEVICE
