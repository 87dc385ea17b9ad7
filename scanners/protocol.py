"""The one capture interface every backend implements, and the preflight probes.

Why a Protocol: the session and the kiosk drive a camera, a flatbed, files or the demo the
same way (open, preview frames, capture, close), and tests can swap any of them. Probing is
separate from running: ``probe_all`` only looks (which programs, devices, libraries exist)
and never captures, so the preflight screen is fast and side-effect free.
"""

from __future__ import annotations

import glob
import importlib.util
import shutil
import subprocess
from collections.abc import Iterator
from types import TracebackType
from typing import Protocol, Self, runtime_checkable

import numpy as np

from scanners.probe import ToolProbe
from scanners.types import RawImage


@runtime_checkable
class Scanner(Protocol):
    """A capture source.

    ``frames()`` yields downscaled BGR preview frames where the device has them (camera) and
    yields nothing otherwise (flatbed, files, demo). ``capture()`` returns the pages of one
    document (one or more :class:`RawImage`) or raises :class:`scanners.errors.ScanError`.
    """

    def open(self) -> None: ...

    def frames(self) -> Iterator[np.ndarray]: ...

    def capture(self) -> list[RawImage]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def probe_camera() -> ToolProbe:
    """Video devices visible to OpenCV's V4L2 backend (does not open them: they may be busy)."""
    devices = sorted(glob.glob("/dev/video*"))
    if devices:
        return ToolProbe("camera", True, f"{len(devices)} video device(s): {', '.join(devices)}")
    return ToolProbe(
        "camera", False, "No camera is connected.", fix="Plug in the document camera (USB)."
    )


def probe_sane(timeout: float = 20.0) -> ToolProbe:
    """Flatbed scanners via ``scanimage -L`` (the program the SANE backend drives)."""
    if shutil.which("scanimage") is None:
        return ToolProbe(
            "sane",
            False,
            "The scanimage program is not installed.",
            fix="sudo apt-get install sane-utils",
        )
    from scanners.sane import list_devices

    try:
        devices = list_devices(timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - a probe reports, never raises
        return ToolProbe(
            "sane",
            False,
            f"Listing scanners failed: {exc}",
            fix="Check the scanner's cable and power.",
        )
    if not devices:
        return ToolProbe(
            "sane",
            False,
            "No scanner found by SANE.",
            fix="Connect and switch on the flatbed scanner.",
        )
    names = ", ".join(d.name for d in devices)
    return ToolProbe("sane", True, f"{len(devices)} scanner(s): {names}")


def probe_files() -> ToolProbe:
    """PDF (pdfium) and HEIC (libheif) readers."""
    missing = [m for m in ("PIL", "pypdfium2") if importlib.util.find_spec(m) is None]
    if missing:
        return ToolProbe(
            "files", False, f"Missing Python modules: {', '.join(missing)}.", fix="./dev.sh setup"
        )
    heic = importlib.util.find_spec("pillow_heif") is not None
    return ToolProbe(
        "files",
        True,
        "JPEG, PNG, TIFF, PDF" + (", HEIC" if heic else " (no HEIC)") + " readable.",
        fix="" if heic else "pip install pillow-heif",
    )


def probe_demo() -> ToolProbe:
    from scanners.demo import sample_dir

    n = len(list(sample_dir().glob("*.png")))
    if n:
        return ToolProbe("demo", True, f"{n} demo page(s) available.")
    return ToolProbe(
        "demo", False, "The demo samples are missing.", fix="python tools/make_samples.py"
    )


def probe_osd(timeout: float = 10.0) -> ToolProbe:
    """Tesseract's orientation model, used to turn pages upright."""
    exe = shutil.which("tesseract")
    if exe is None:
        return ToolProbe(
            "orientation",
            False,
            "Tesseract is not installed.",
            fix="sudo apt-get install tesseract-ocr",
        )
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=timeout, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return ToolProbe(
            "orientation",
            False,
            f"Tesseract did not answer: {exc}",
            fix="sudo apt-get install --reinstall tesseract-ocr",
        )
    if "osd" in out.stdout.split():
        return ToolProbe("orientation", True, "Tesseract orientation detection (osd) ready.")
    return ToolProbe(
        "orientation",
        False,
        "Tesseract's orientation data is missing; pages will not be turned.",
        fix="sudo apt-get install tesseract-ocr-osd",
    )


def probe_all() -> list[ToolProbe]:
    """Every backend's probe, in the order the preflight screen shows them."""
    return [probe_camera(), probe_sane(), probe_files(), probe_demo(), probe_osd()]
