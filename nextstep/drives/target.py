"""Where a bundle goes: a folder (demo), a filesystem image or loop device, or a USB drive.

Whatever the target, :meth:`DriveTarget.write_bundle` keeps one promise: the person never
leaves with a corrupt bundle that looks valid, and an earlier bundle is never damaged.

How (each step closes one failure):

1. preflight: FAT/exFAT-safe names, FAT32's 4 GiB file limit, free space (the old files stay
   until the new ones are verified, so the whole new size must fit);
2. each file is written under a temporary name and ``fsync``-ed: a pulled stick or a killed
   process leaves only temporary names, which the next :func:`open_target` removes;
3. an existing file of the same name is renamed to a backup name, the new one renamed into
   place, the directory ``fsync``-ed;
4. the filesystem is unmounted and mounted read-only again (folders: page cache dropped),
   and every file is re-read and compared by SHA-256 with what was meant to be written;
5. only then are the backups deleted. On a mismatch the new files are deleted and the
   backups restored; if the process dies before that, the next open restores them.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import stat
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from nextstep.drives.fsinfo import FAT32_MAX_FILE, FsInfo, free_bytes, probe_fs
from nextstep.drives.hostile import describe, entry_type
from nextstep.drives.mount import (
    Mounter,
    SystemMounter,
    UdisksMounter,
    default_mounter,
    is_mounted,
    kernel_filesystems,
    mount_table,
)
from nextstep.drives.names import BACKUP_PREFIX, TEMP_PREFIX, name_problem
from nextstep.drives.readme import README_NAME, readme_bytes
from nextstep.drives.spec import SpecKind, resolve
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.fsio import fsync_dir

CHUNK = 1 << 20
# Bundle files are readable by everyone on POSIX filesystems (ext4): the person's own Linux
# machine must open them without root; their content is encrypted or public anyway.
FILE_MODE = 0o644
PER_FILE_SLACK = 256 * 1024  # cluster rounding and directory entries, per file

# Test seam for fault injection: called with the name of each stage of a write
# ("preflight", "writing", "tmp_written", "renaming", "renamed", "readonly", "verified").
# Production leaves it None.
fault_hook: Callable[[str], None] | None = None


def _stage(name: str) -> None:
    if fault_hook is not None:
        fault_hook(name)


@dataclass
class WriteReport:
    """The outcome of one :meth:`DriveTarget.write_bundle`; ``sha256`` is hex per file."""

    status: DriveStatus
    written: list[str] = field(default_factory=list)
    sha256: dict[str, str] = field(default_factory=dict)
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status is DriveStatus.VERIFIED

    def sentence(self, lang: str = "fr") -> str:
        return self.status.sentence(lang)


@runtime_checkable
class DriveTarget(Protocol):
    """A place a bundle can be written to, verified on, and ejected from."""

    kind: str  # "folder", "image", "loop" or "usb"
    description: str

    @property
    def root(self) -> Path: ...

    def write_bundle(
        self, files: Mapping[str, bytes], *, obsolete: Iterable[str] = ()
    ) -> WriteReport: ...

    def eject(self) -> DriveStatus: ...

    def release(self) -> None: ...

    def __enter__(self) -> DriveTarget: ...

    def __exit__(self, *exc: object) -> None: ...


def _status_for(exc: OSError, present: bool) -> DriveStatus:
    """Map an OS error during a write or verify to what staff must do."""
    if not present:
        return DriveStatus.REMOVED
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return DriveStatus.FULL
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DriveStatus.READ_ONLY
    if code == errno.EFBIG:
        return DriveStatus.TOO_LARGE
    if code in (errno.ENAMETOOLONG, errno.EILSEQ, errno.EINVAL):
        return DriveStatus.BAD_NAME
    if code in (errno.ENOTCONN, errno.ENODEV, errno.ENXIO, errno.ESHUTDOWN, errno.ENOENT):
        return DriveStatus.REMOVED
    return DriveStatus.IO_ERROR


def _hash_file(path: Path) -> str:
    """SHA-256 of a file we wrote, read without following links and without the page cache
    (best effort) so that the bytes come from the medium."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        with contextlib.suppress(OSError, AttributeError):
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        h = hashlib.sha256()
        while chunk := os.read(fd, CHUNK):
            h.update(chunk)
        return h.hexdigest()
    finally:
        os.close(fd)


class _BaseTarget:
    """The write/verify algorithm; subclasses say how to (re)mount and whether the medium is
    still there."""

    kind = "folder"
    description = ""
    fstype = ""

    @property
    def root(self) -> Path:
        raise NotImplementedError

    # -- medium-specific steps ------------------------------------------------------------
    def _mount_rw(self) -> None:
        """Make ``root`` writable (no-op for folders)."""

    def _mount_ro(self) -> None:
        """Make ``root`` a fresh read-only view of the medium (no-op for folders)."""

    def _present(self) -> bool:
        return self.root.is_dir()

    def _free(self) -> int:
        return free_bytes(self.root, None, self.fstype)

    # -- recovery ---------------------------------------------------------------------------
    def _dirs(self) -> list[Path]:
        root = self.root
        dirs = [root]
        with contextlib.suppress(OSError):
            for entry in os.scandir(root):
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    dirs.append(Path(entry.path))
        return dirs

    def recover(self) -> list[str]:
        """Finish what an interrupted write left: delete temporary files and put back the
        previous version of any file whose replacement was never verified. Only names with
        NextStep's own prefixes are touched; nothing on the drive is opened."""
        try:
            return self._recover()
        except OSError as exc:
            raise DriveError(_status_for(exc, self._present()), f"recover: {exc}") from exc

    def _recover(self) -> list[str]:
        actions: list[str] = []
        for d in self._dirs():
            try:
                entries = list(os.scandir(d))
            except OSError:
                continue
            changed = False
            for entry in entries:
                if not entry.is_file(follow_symlinks=False):
                    continue
                if entry.name.startswith(TEMP_PREFIX):
                    os.unlink(entry.path)
                    actions.append(f"removed temporary file {entry.name}")
                    changed = True
                elif entry.name.startswith(BACKUP_PREFIX):
                    final = d / entry.name[len(BACKUP_PREFIX) :]
                    if entry_type(final) not in (None, "file"):
                        continue  # never replace the person's folder, link or device
                    os.replace(entry.path, final)
                    actions.append(f"restored previous {final.name}")
                    changed = True
            if changed:
                fsync_dir(d)
        return actions

    # -- the algorithm ----------------------------------------------------------------------
    def write_bundle(
        self, files: Mapping[str, bytes], *, obsolete: Iterable[str] = ()
    ) -> WriteReport:
        """Write ``files`` atomically and verify them; then delete the ``obsolete`` names (a
        previous version's files that the new set no longer has, e.g. PAR2 volumes)."""
        bundle = dict(files)
        bundle.setdefault(README_NAME, readme_bytes())
        digests = {name: hashlib.sha256(data).hexdigest() for name, data in bundle.items()}
        for name in bundle:
            problem = name_problem(name)
            if problem:
                return WriteReport(DriveStatus.BAD_NAME, [], digests, f"{name!r}: {problem}")
        if self.fstype == "vfat" and any(len(d) > FAT32_MAX_FILE for d in bundle.values()):
            return WriteReport(DriveStatus.TOO_LARGE, [], digests, "a file exceeds 4 GiB")
        try:
            taken = self._names_taken(bundle)
        except DriveError as exc:
            return WriteReport(self._removed_or(exc.status), [], digests, exc.detail)
        if taken:
            # A folder, link, FIFO or device has one of our names: it is the person's (or a
            # trap); nothing is renamed, replaced or written.
            return WriteReport(DriveStatus.NOT_A_FILE, [], digests, taken)

        temps: dict[str, Path] = {}
        renamed: list[str] = []
        try:
            self._mount_rw()
            need = sum(len(d) + PER_FILE_SLACK for d in bundle.values())
            free = self._free()
            if free < need:
                return WriteReport(
                    DriveStatus.FULL, [], digests, f"needs {need} bytes, {free} free"
                )
            _stage("preflight")
            for name, data in bundle.items():
                final = self.root / name
                final.parent.mkdir(exist_ok=True)
                tmp = final.parent / (TEMP_PREFIX + secrets.token_hex(6))
                temps[name] = tmp
                self._write_file(tmp, data)
            for d in {p.parent for p in temps.values()}:
                fsync_dir(d)
            _stage("tmp_written")
            for name, tmp in temps.items():
                final = self.root / name
                if entry_type(final) == "file":
                    os.replace(final, final.parent / (BACKUP_PREFIX + final.name))
                    _stage("renaming")
                os.replace(tmp, final)
                renamed.append(name)
            for d in {p.parent for p in temps.values()}:
                fsync_dir(d)
            _stage("renamed")
        except OSError as exc:
            status = self._classify_write_error(exc)
            self._undo(temps, renamed)
            return WriteReport(status, [], digests, f"write: {exc.strerror or exc}")
        except DriveError as exc:
            self._undo(temps, renamed)
            return WriteReport(self._removed_or(exc.status), [], digests, exc.detail)

        # Verification on a fresh read-only mount.
        bad: list[str] = []
        try:
            self._mount_ro()
            _stage("readonly")
            for name in bundle:
                if _hash_file(self.root / name) != digests[name]:
                    bad.append(name)
        except OSError as exc:
            status = _status_for(exc, self._present())
            self._undo(temps, renamed)
            return WriteReport(status, [], digests, f"verify: {exc.strerror or exc}")
        except DriveError as exc:
            self._undo(temps, renamed)
            return WriteReport(self._removed_or(exc.status), [], digests, exc.detail)
        if bad:
            self._undo(temps, renamed)
            return WriteReport(
                DriveStatus.VERIFY_FAILED, [], digests, f"{len(bad)} file(s) differ on re-read"
            )
        _stage("verified")
        if not self._present():
            # Gone before the previous version's backups were deleted: the next open would
            # restore them over the new files, so this write did not happen.
            return WriteReport(DriveStatus.REMOVED, [], digests, "removed after verification")
        # Verified: the backups of replaced files may go now.
        backups = [(self.root / n).parent / (BACKUP_PREFIX + (self.root / n).name) for n in bundle]
        backups += [self.root / n for n in obsolete if n not in bundle and not name_problem(n)]
        try:
            pending = any(entry_type(b) is not None for b in backups)
        except DriveError as exc:
            return WriteReport(self._removed_or(exc.status), [], digests, exc.detail)
        if pending:
            try:
                self._mount_rw()
                for b in backups:
                    if entry_type(b) not in ("file", "link"):
                        continue  # a folder or device is the person's: never removed
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(b)
                for d in {b.parent for b in backups}:
                    fsync_dir(d)
                self._mount_ro()
            except (OSError, DriveError) as exc:
                # The new files are verified; a leftover backup is restored over them at the
                # next open, so say the drive failed rather than claim success.
                status = (
                    self._removed_or(exc.status)
                    if isinstance(exc, DriveError)
                    else _status_for(exc, self._present())
                )
                return WriteReport(status, [], digests, f"cleanup: {exc}")
        return WriteReport(DriveStatus.VERIFIED, list(bundle), digests)

    def _names_taken(self, bundle: Mapping[str, bytes]) -> str:
        """Which of the names to write is held by something other than a regular file (or
        sits in a "folder" that is not one); "" when all are free or plain files."""
        for name in bundle:
            final = self.root / name
            if final.parent != self.root and entry_type(final.parent) not in (None, "dir"):
                return f"{final.parent.name} is not a folder"
            kind = entry_type(final)
            if kind not in (None, "file"):
                return f"{name} is {describe(kind)}"
        return ""

    def _removed_or(self, status: DriveStatus) -> DriveStatus:
        """A mount or read failure of a drive that is no longer there is its removal."""
        if status in (DriveStatus.MOUNT_ERROR, DriveStatus.IO_ERROR, DriveStatus.BUSY):
            try:
                present = self._present()
            except OSError:
                present = False
            if not present:
                return DriveStatus.REMOVED
        return status

    def _classify_write_error(self, exc: OSError) -> DriveStatus:
        """Like :func:`_status_for`, but a full filesystem is recognised by its free space:
        fusefat answers a full FAT with EPERM, not ENOSPC."""
        status = _status_for(exc, self._present())
        if status in (DriveStatus.READ_ONLY, DriveStatus.IO_ERROR) and exc.errno != errno.EROFS:
            try:
                if self._free() < 2 * CHUNK:
                    return DriveStatus.FULL
            except OSError:
                pass
        return status

    def _write_file(self, path: Path, data: bytes) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
        try:
            with contextlib.suppress(OSError):  # the umask may be stricter; FAT has no modes
                os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            half = len(view) // 2
            pos = 0
            staged = False
            while pos < len(view):
                pos += os.write(fd, view[pos : pos + CHUNK])
                if not staged and pos >= half:
                    staged = True
                    _stage("writing")
            os.fsync(fd)
        finally:
            os.close(fd)

    def _undo(self, temps: Mapping[str, Path], renamed: list[str]) -> None:
        """Best-effort rollback after a failure: remove new files and temporaries, restore
        backups. What cannot be done now (drive gone) :meth:`recover` does at next open."""
        try:
            self._mount_rw()
            for tmp in temps.values():
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)
            for name in temps:
                final = self.root / name
                backup = final.parent / (BACKUP_PREFIX + final.name)
                if entry_type(backup) == "file":
                    os.replace(backup, final)
                elif name in renamed:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(final)
            for d in {(self.root / n).parent for n in temps}:
                fsync_dir(d)
        except (OSError, DriveError):
            pass

    def eject(self) -> DriveStatus:
        return DriveStatus.EJECTED

    def release(self) -> None:
        """Let go of the drive without powering it off, because it is opened again soon
        (a return visit reads the holder id, then opens the bundle after consent)."""

    def __enter__(self) -> _BaseTarget:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(DriveError):
            self.eject()


class FolderTarget(_BaseTarget):
    """A plain directory (the demo's ``./demo-drive/``): same atomic write and re-read
    verification, without mount steps."""

    kind = "folder"

    def __init__(self, path: Path) -> None:
        self._root = path.resolve()
        self.description = f"folder {self._root}"
        try:
            self._root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DriveError(_status_for(exc, True), f"cannot create {self._root}") from exc
        if not os.access(self._root, os.W_OK):
            raise DriveError(DriveStatus.READ_ONLY, f"{self._root} is not writable")
        self.recover()

    @property
    def root(self) -> Path:
        return self._root


def default_mount_root() -> Path:
    if os.geteuid() == 0:
        return Path("/run/nextstep/drives")
    return Path(tempfile.gettempdir()) / f"nextstep-drives-{os.getuid()}"


def _sysfs_block(device: str) -> Path:
    return Path("/sys/class/block") / os.path.basename(os.path.realpath(device))


def _read_sysfs(path: Path) -> str:
    try:
        return path.read_text().strip()
    except OSError:
        return ""


def _loop_for(image: Path) -> str | None:
    """A loop device already backed by ``image`` (left by an interrupted session)."""
    r = subprocess.run(
        ["losetup", "-j", str(image), "-O", "NAME", "-n"],
        capture_output=True,
        text=True,
        check=False,
        timeout=20,
    )
    names = r.stdout.split()
    return names[0] if names else None


class MountedTarget(_BaseTarget):
    """A filesystem on a block device or image file, mounted by NextStep at a directory it
    owns, ``nosuid,nodev,noexec``; unmounted and remounted read-only to verify."""

    def __init__(
        self,
        source: str,
        *,
        kind: str,
        mounter: Mounter | None = None,
        mount_root: Path | None = None,
        fs: FsInfo | None = None,
    ) -> None:
        self.kind = kind
        self.source = source  # image path or device node as given
        self.image: Path | None = Path(source).resolve() if kind == "image" else None
        self.fs = fs or probe_fs(source)
        self.fstype = self.fs.fstype
        self.description = f"{kind} {source} ({self.fstype or 'unknown'})"
        self._mounter = mounter or default_mounter()
        self._mount_root = mount_root or default_mount_root()
        self._loop: str | None = None
        self._attached = False
        self._mounted_ro: bool | None = None
        if not self.fs.supported:
            detail = f"filesystem {self.fstype or self.fs.pttype or 'none'} is not supported"
            raise DriveError(DriveStatus.UNSUPPORTED, detail)
        name = os.path.basename(source).replace(".", "_")
        self._point = self._mount_root / f"{kind}-{name}"
        self._device = self._prepare_device()
        self._clear_stale()
        self._mount(readonly=False)
        self.recover()

    @property
    def root(self) -> Path:
        return self._point

    @property
    def device(self) -> str:
        return self._device

    def _prepare_device(self) -> str:
        if self.image is not None:
            if not os.access(self.image, os.W_OK):
                raise DriveError(DriveStatus.READ_ONLY, "the image file is read-only")
            if self.fstype == "vfat" and "vfat" not in kernel_filesystems():
                return str(self.image)  # fusefat reads the image file itself
            existing = _loop_for(self.image)
            if existing:
                self._loop, self._attached = existing, True
                return existing
            r = subprocess.run(
                ["losetup", "-f", "--show", str(self.image)],
                capture_output=True,
                text=True,
                check=False,
                timeout=30,
            )
            if r.returncode != 0:
                raise DriveError(DriveStatus.MOUNT_ERROR, f"losetup: {r.stderr.strip()[:200]}")
            self._loop, self._attached = r.stdout.strip(), True
            return self._loop
        try:
            mode = os.stat(self.source).st_mode
        except OSError as exc:
            raise DriveError(DriveStatus.NO_DEVICE, f"{self.source} does not exist") from exc
        if not stat.S_ISBLK(mode):
            raise DriveError(DriveStatus.UNSUPPORTED, f"{self.source} is not a block device")
        if _read_sysfs(_sysfs_block(self.source) / "ro") == "1":
            raise DriveError(DriveStatus.READ_ONLY, "the device is write-protected")
        return self.source

    def _clear_stale(self) -> None:
        """Unmount what an interrupted session left at our mount point or of our device;
        refuse a device someone else mounted."""
        ours = self._mount_root
        for src, point, _ in mount_table():
            if point == self._point or src in (self._device, self.source):
                if point == self._point or ours in point.parents:
                    SystemMounter().unmount(point)
                else:
                    raise DriveError(DriveStatus.BUSY, f"already mounted at {point}")

    def _mount(self, *, readonly: bool) -> None:
        self._mounter.mount(self._device, self.fstype, self._point, readonly=readonly)
        self._mounted_ro = readonly

    def _unmount(self) -> None:
        self._mounter.unmount(self._point)
        self._mounted_ro = None

    def _mount_rw(self) -> None:
        if self._mounted_ro is False:
            return
        self._unmount()
        self._mount(readonly=False)

    def _mount_ro(self) -> None:
        self._unmount()
        self._mount(readonly=True)

    def _present(self) -> bool:
        if self.image is not None and not self.image.exists():
            return False
        if self._device.startswith("/dev/"):
            sys = _sysfs_block(self._device)
            if not sys.exists() or _read_sysfs(sys / "size") in ("", "0"):
                return False
        try:
            os.stat(self._point)
        except OSError as exc:
            if exc.errno in (errno.ENOTCONN, errno.ENODEV, errno.EIO):
                return False
        return True

    def _free(self) -> int:
        return free_bytes(self._point, self._device, self.fstype)

    def release(self) -> None:
        """Unmount and detach the loop device we attached; the stick stays powered."""
        if self._mounted_ro is not None or is_mounted(self._point):
            self._unmount()
        if self._loop and self._attached:
            subprocess.run(["losetup", "-d", self._loop], capture_output=True, check=False)
            self._attached = False
        with contextlib.suppress(OSError):
            self._point.rmdir()

    def eject(self) -> DriveStatus:
        """Unmount, detach the loop device we attached, power a USB stick off (udisks)."""
        self.release()
        if self.kind == "usb" and isinstance(self._mounter, UdisksMounter):
            self._mounter.power_off(self._device)
        return DriveStatus.EJECTED


def open_target(
    spec: str,
    *,
    allow_loop: bool = False,
    mounter: Mounter | None = None,
    mount_root: Path | None = None,
) -> DriveTarget:
    """Open the drive named by ``spec``, ready to write (mounted read-write, leftovers of an
    interrupted write cleaned up).

    ``spec``: "" detects exactly one USB drive; a ``/dev/...`` node; a filesystem image file
    (loop-mounted: needs ``allow_loop``); anything else is a folder (created if missing).
    Raises :class:`DriveError` with the status when the drive cannot be used.
    """
    resolved = resolve(spec, allow_loop=allow_loop)
    if resolved.kind is SpecKind.DETECT:
        from nextstep.drives.detect import find_one

        cand = find_one(allow_loop=allow_loop)
        return MountedTarget(
            cand.device, kind=cand.kind, mounter=mounter, mount_root=mount_root, fs=cand.fs
        )
    if resolved.kind is SpecKind.DEVICE:
        kind = "loop" if resolved.loop else "usb"
        return MountedTarget(spec, kind=kind, mounter=mounter, mount_root=mount_root)
    if resolved.kind is SpecKind.IMAGE:
        return MountedTarget(spec, kind="image", mounter=mounter, mount_root=mount_root)
    return FolderTarget(resolved.path)
