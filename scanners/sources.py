"""A scanner from a source spec (``demo``, ``files``, ``sane[:device]``, ``camera[:index or
path]``), built but not opened.

Why in the leaf: the session opens the demo samples, a person's files and the flatbed in its
own process (:meth:`nextstep.session.Session.capture_source`), so their pixels never pass
through the kiosk's; the kiosk keeps only the camera, whose live view it shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scanners.errors import ScanError
from scanners.protocol import Scanner


def scanner_for(spec: str, files: Sequence[Path] = ()) -> Scanner:
    """The scanner for ``spec``; ``files`` are the person's files for a ``files`` source."""
    kind, _sep, arg = spec.partition(":")
    if kind == "demo":
        from scanners.demo import DemoScanner

        return DemoScanner()
    if kind == "files":
        if not files:
            raise ScanError(
                "No files are chosen yet.",
                hint="Type the path of the person's files on the USB key, then Enter.",
            )
        from scanners.files import FileScanner

        return FileScanner(list(files))
    if kind == "sane":
        from scanners.sane import SaneScanner

        return SaneScanner(arg) if arg else SaneScanner()
    if kind == "camera":
        from scanners.camera import CameraScanner

        return CameraScanner(int(arg) if arg.isdigit() else arg) if arg else CameraScanner()
    raise ScanError(
        f"Unknown scanner setting {spec!r}.",
        hint="Set scanner to demo, files, sane or camera in the configuration.",
    )
