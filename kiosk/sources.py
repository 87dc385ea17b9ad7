"""Capture sources the staff can choose on the capture screen, and how each is opened.

A source is a short spec string, the same as the ``scanner`` setting: ``demo``, ``files``
(``files:<path>`` once staff typed where the person's files are), ``sane`` or
``sane:<device>``, ``camera`` or ``camera:<index or video path>``. The choice offered is the
configured default plus every other backend the preflight probes found available. The demo
samples are offered only in demo mode (or when configured): sample pages must never end up in
a real person's bundle.

Why the camera's live view is not opened here: the capture screen owns it in a worker
(:mod:`kiosk.preview`), because a video device must be read and closed by one thread.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import _
from nextstep.errors import NextStepError
from scanners.base import ScannerBase
from scanners.probe import ToolProbe

if TYPE_CHECKING:
    import numpy as np

    from nextstep.config import Settings
    from scanners.protocol import Scanner
    from scanners.types import RawImage

KINDS = ("camera", "sane", "files", "demo")
#: A folder with more files than this is not a person's documents (a whole phone backup?).
MAX_FILES = 200
#: Where removable media are mounted (udisks, fstab): the only places the files source lists.
MEDIA_ROOTS = ("/media", "/run/media", "/mnt")


def media_roots(settings: Settings) -> list[Path]:
    """The folders under which the person's USB key is mounted (``media_roots`` in the
    settings' extra values, separated by ``os.pathsep``, for tests and odd setups)."""
    configured = settings.extra.get("media_roots", "")
    names = configured.split(os.pathsep) if configured else list(MEDIA_ROOTS)
    return [Path(n) for n in names if n]


def media_folders(roots: list[Path], *, depth: int = 3, limit: int = 60) -> list[Path]:
    """Folders on mounted media that hold files, for staff to pick from (no path is ever
    typed, so nothing outside the media can be read as "the person's files"). Links are not
    followed; hidden entries are skipped; the walk is shallow and bounded."""
    found: list[Path] = []

    def walk(folder: str, level: int) -> None:
        if len(found) >= limit:
            return
        try:
            with os.scandir(folder) as it:
                entries = sorted(
                    (e for e in it if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError:
            return
        if any(e.is_file(follow_symlinks=False) for e in entries):
            found.append(Path(folder))
        if level < depth:
            for e in entries:
                if e.is_dir(follow_symlinks=False):
                    walk(e.path, level + 1)

    for root in roots:
        if root.is_dir() and not root.is_symlink():
            walk(str(root), 0)
    return found


def kind_of(spec: str) -> str:
    return spec.partition(":")[0]


def default_source(settings: Settings) -> str:
    """The source the capture screen starts with: the samples in demo mode, else the setting."""
    return "demo" if settings.demo else (settings.scanner or "demo")


def source_choices(settings: Settings, available: Mapping[str, bool]) -> list[str]:
    """The configured source first, then the other backends the probes say are available."""
    specs = [default_source(settings)]
    if settings.scanner and settings.scanner not in specs:
        specs.append(settings.scanner)
    for kind in KINDS:
        if kind == "demo" and not settings.demo:
            continue
        if available.get(kind) and all(kind_of(s) != kind for s in specs):
            specs.append(kind)
    return specs


def availability(rows: list[ToolProbe] | None) -> dict[str, bool] | None:
    """Backend availability from the preflight rows (``scanner:<kind>``), None if not run."""
    if rows is None:
        return None
    found = {r.name.partition(":")[2]: r.ok for r in rows if r.name.startswith("scanner:")}
    return found or None


def probe_availability() -> dict[str, bool]:
    """Ask every backend's probe (seconds for SANE: call it in a worker)."""
    # Deferred: loads numpy, which the first screen must not wait for.
    from scanners.protocol import probe_all

    return {p.name: p.ok for p in probe_all()}


def label(spec: str) -> str:
    """The source's name for staff, in their language."""
    kind, _sep, arg = spec.partition(":")
    if kind == "demo":
        return _("Demo samples")
    if kind == "files":
        return _("Files (USB key)")
    if kind == "sane":
        return _("Flatbed {device}").format(device=arg) if arg else _("Flatbed scanner")
    if kind == "camera":
        if not arg:
            return _("Camera")
        if arg.isdigit():
            return _("Camera {n}").format(n=arg)
        return _("Camera (recording {name})").format(name=Path(arg).name)
    return spec


def list_files(path_text: str) -> list[Path]:
    """The files at ``path_text``: one file, or the files of a folder (sorted, not recursive,
    hidden files skipped). Raises a NextStepError with what to do when there is nothing."""
    path = Path(path_text.strip()).expanduser()
    if not path_text.strip() or not path.exists():
        raise NextStepError(
            _("This file or folder does not exist."),
            hint=_("Check the path on the USB key, for example /media/usb/photos."),
        )
    if path.is_file():
        return [path]
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        raise NextStepError(
            _("This folder holds no files."),
            hint=_("Type the folder that holds the photos or PDF files."),
        )
    if len(files) > MAX_FILES:
        raise NextStepError(
            _("This folder holds too many files ({n}).").format(n=len(files)),
            hint=_("Type the folder of this person's documents only."),
        )
    return files


def files_of(spec: str) -> list[Path]:
    """The person's files named by a ``files:<path>`` spec (checked, with what to do when
    there are none); nothing for any other source."""
    kind, _sep, arg = spec.partition(":")
    if kind != "files":
        return []
    if not arg:
        raise NextStepError(
            _("No files are chosen yet."),
            hint=_("Type the path of the person's files on the USB key, then Enter."),
        )
    return list_files(arg)


def make_scanner(settings: Settings, source: str | None = None) -> Scanner:
    """Open nothing yet: build the scanner for ``source`` (default: :func:`default_source`)."""
    # Deferred: loads numpy, which the first screen must not wait for.
    from scanners.sources import scanner_for

    spec = source if source is not None else default_source(settings)
    return scanner_for(spec, files_of(spec))


class CapturedPages(ScannerBase):
    """A Scanner whose capture() returns pages already taken (the camera's auto-capture), so
    they go through :meth:`nextstep.session.Session.capture` exactly like a key press."""

    name = "captured"

    def __init__(self, pages: list[RawImage]) -> None:
        self._pages = list(pages)

    def open(self) -> None:
        return None

    def frames(self) -> Iterator[np.ndarray]:
        return iter(())

    def capture(self) -> list[RawImage]:
        pages, self._pages = self._pages, []
        return pages

    def close(self) -> None:
        self._pages = []
