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


def probe(spec: str, *, allow_loop: bool = False, missing_folder: bool = True) -> DriveStatus:
    """Is the drive named by ``spec`` there? READY or the reason it is not; nothing is
    mounted, created or written.

    ``missing_folder=False`` (the kiosk's drive screen): a folder drive that is not there is
    NO_DEVICE, like a USB drive not plugged in, instead of a folder to create; so a renamed
    demo folder is never silently re-created and reported written. A plain file that holds no
    FAT, exFAT or ext filesystem is UNSUPPORTED, never READY."""
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
        return (
            DriveStatus.READY if looks_like_filesystem(resolved.path) else DriveStatus.UNSUPPORTED
        )
    path = resolved.path
    if path.is_dir() or (missing_folder and not path.exists() and path.parent.is_dir()):
        return DriveStatus.READY
    if path.exists() and not path.is_dir():
        return DriveStatus.UNSUPPORTED  # a special file where the folder should be
    return DriveStatus.NO_DEVICE


def looks_like_filesystem(image: Path) -> bool:
    """Does the image file start like a FAT, exFAT or ext2/3/4 filesystem? Read from the
    boot sector and superblock only (2 KiB); a text file or a truncated copy is not one."""
    try:
        with image.open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    if len(head) < 2048:
        return False
    exfat = head[3:11] == b"EXFAT   "
    fat = head[510:512] == b"\x55\xaa" and (b"FAT" in head[54:62] or b"FAT" in head[82:90])
    ext = head[1080:1082] == b"\x53\xef"
    return exfat or fat or ext
