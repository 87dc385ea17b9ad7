"""Flatbed and sheet-fed scanners through SANE's ``scanimage`` program.

Why ``scanimage`` rather than python-sane: python-sane is a C extension that must be built
against libsane-dev for each Python, and it loads the vendor backend *into the kiosk process*,
so a crashing or hanging driver (not rare with USB scanners) would take the kiosk down with it.
``scanimage`` ships with sane-utils on every Debian, runs the driver in a child process we can
time out and kill, and writes the image to its stdout, which we read from a pipe: no page ever
touches the disk. ADF batches are one ``scanimage`` run per sheet (``--batch`` would write
files), stopping when the feeder reports it is empty.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import numpy as np

from scanners.base import ScannerBase
from scanners.errors import DeviceError, NoDeviceError, NoPageError, ToolMissingError
from scanners.types import RawImage

DEFAULT_RESOLUTION = 300
SCAN_TIMEOUT = 180.0
ADF_SOURCES = ("Automatic Document Feeder", "ADF", "ADF Front", "ADF Duplex", "Duplex")
_FEEDER_EMPTY = ("out of documents", "no docs", "feeder empty", "no document")


@dataclass(frozen=True)
class SaneDevice:
    """One scanner as ``scanimage -L`` lists it."""

    name: str
    vendor: str
    model: str
    type: str


def _scanimage() -> str:
    exe = shutil.which("scanimage")
    if exe is None:
        raise ToolMissingError(
            "The scanimage program (SANE) is not installed.",
            hint="Install it with: sudo apt-get install sane-utils",
        )
    return exe


def _env(env: Mapping[str, str] | None) -> dict[str, str]:
    merged = dict(os.environ)
    if env:
        merged.update(env)
    return merged


def list_devices(
    *,
    timeout: float = 20.0,
    env: Mapping[str, str] | None = None,
) -> list[SaneDevice]:
    """The scanners SANE sees (``scanimage -L`` in a parseable format)."""
    exe = _scanimage()
    try:
        proc = subprocess.run(
            [exe, "-f", "%d\t%v\t%m\t%t%n"],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=_env(env),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DeviceError(
            "Listing the scanners took too long.",
            hint="Unplug the scanner, plug it back and try again.",
        ) from exc
    devices = []
    for line in proc.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[0]:
            devices.append(SaneDevice(*parts))
    return devices


def device_options(
    device: str, *, timeout: float = 30.0, env: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The device's options and their allowed values (``scanimage -A``), e.g. ``source``."""
    exe = _scanimage()
    proc = subprocess.run(
        [exe, "-d", device, "-A"],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(env),
        check=False,
    )
    if proc.returncode != 0:
        raise NoDeviceError(
            f"The scanner {device} cannot be opened.",
            hint="Check that it is switched on and connected.",
        )
    options: dict[str, str] = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("--"):
            name, _, rest = line[2:].partition(" ")
            options[name.split("[")[0]] = rest.strip()
    return options


def parse_pnm(data: bytes) -> tuple[np.ndarray, bytes]:
    """Decode one binary PNM (P4/P5/P6, 1/8/16-bit) from the start of ``data``; return rest."""
    if len(data) < 3 or data[:1] != b"P" or data[1:2] not in (b"4", b"5", b"6"):
        raise DeviceError(
            "The scanner sent data that is not an image.",
            hint="Try again; if it persists, restart the scanner.",
        )
    kind = data[1:2]
    fields: list[int] = []
    pos = 2
    need = 2 if kind == b"4" else 3
    while len(fields) < need:
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        start = pos
        while pos < len(data) and data[pos : pos + 1].isdigit():
            pos += 1
        if start == pos:
            raise DeviceError(
                "The scanner sent a damaged image header.", hint="Try the scan again."
            )
        fields.append(int(data[start:pos]))
    pos += 1  # the single whitespace before the raster
    width, height = fields[0], fields[1]
    maxval = fields[2] if need == 3 else 1
    if kind == b"4":
        row = (width + 7) // 8
        size = row * height
        bits = np.unpackbits(np.frombuffer(data, np.uint8, size, pos).reshape(height, row), axis=1)
        img = np.where(bits[:, :width] == 1, 0, 255).astype(np.uint8)
    else:
        channels = 3 if kind == b"6" else 1
        sample = 2 if maxval > 255 else 1
        size = width * height * channels * sample
        if len(data) - pos < size:
            raise DeviceError(
                "The scan stopped before the end of the page.",
                hint="Check the paper is not jammed and scan again.",
            )
        raw = np.frombuffer(
            data, ">u2" if sample == 2 else np.uint8, width * height * channels, pos
        )
        if sample == 2:
            raw = (raw >> 8).astype(np.uint8)
        img = raw.reshape(height, width, channels) if channels == 3 else raw.reshape(height, width)
        # RGB -> BGR
        img = np.ascontiguousarray(img[:, :, ::-1]) if channels == 3 else img.copy()
    return img, data[pos + size :]


class SaneScanner(ScannerBase):
    """A SANE scanner behind the :class:`scanners.protocol.Scanner` protocol.

    ``source`` selects flatbed or feeder (a value from ``scanimage -A``, e.g. "Automatic
    Document Feeder"); with a feeder, :meth:`capture` scans sheets until the feeder is empty or
    ``max_pages`` is reached. ``options`` are extra device options (``{"test-picture": "Grid"}``)
    and ``env`` extra environment (the tests point ``SANE_CONFIG_DIR`` at a private config).
    """

    name = "sane"

    def __init__(
        self,
        device: str | None = None,
        *,
        mode: str = "Color",
        resolution: int = DEFAULT_RESOLUTION,
        source: str | None = None,
        max_pages: int = 50,
        options: Mapping[str, str] | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = SCAN_TIMEOUT,
    ) -> None:
        self.device = device
        self.mode = mode
        self.resolution = resolution
        self.source = source
        self.max_pages = max_pages
        self.options = dict(options or {})
        self.env = dict(env or {})
        self.timeout = timeout

    @property
    def is_feeder(self) -> bool:
        return self.source is not None and any(
            s.lower() in self.source.lower() for s in ("feeder", "adf", "duplex")
        )

    def open(self) -> None:
        if self.device is None:
            devices = list_devices(env=self.env)
            if not devices:
                raise NoDeviceError(
                    "No scanner was found.",
                    hint="Connect and switch on the scanner, then try again.",
                )
            self.device = devices[0].name

    def frames(self) -> Iterator[np.ndarray]:
        return iter(())  # a flatbed has no live preview

    def _command(self) -> list[str]:
        assert self.device is not None
        cmd = [
            _scanimage(),
            "-d",
            self.device,
            "--format=pnm",
            "--mode",
            self.mode,
            "--resolution",
            str(self.resolution),
        ]
        if self.source:
            cmd += ["--source", self.source]
        for key, value in self.options.items():
            cmd.append(f"--{key}={value}")
        return cmd

    def scan_one(self) -> RawImage | None:
        """One sheet; None when the feeder reports it is empty."""
        if self.device is None:
            self.open()
        try:
            proc = subprocess.run(
                self._command(),
                capture_output=True,
                timeout=self.timeout,
                env=_env(self.env),
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            said = (exc.stderr or b"").decode("utf-8", "replace").lower()
            if any(s in said for s in _FEEDER_EMPTY):
                # scanimage may report the empty feeder and then not exit (seen with SANE's
                # test backend under load): the feeder is empty all the same
                return None
            raise DeviceError(
                "The scanner did not finish the scan in time.",
                hint="Check the scanner, then scan again.",
            ) from exc
        err = proc.stderr.decode("utf-8", "replace").lower()
        if any(s in err for s in _FEEDER_EMPTY):
            return None
        if proc.returncode != 0 or not proc.stdout:
            if "open of device" in err or "invalid argument" in err:
                raise NoDeviceError(
                    f"The scanner {self.device} cannot be opened.",
                    hint="Check that it is switched on and connected.",
                )
            if "jammed" in err:
                raise DeviceError(
                    "The paper is jammed in the scanner.",
                    hint="Open the scanner, remove the sheet and scan again.",
                )
            if "cover" in err:
                raise DeviceError("The scanner cover is open.", hint="Close it and scan again.")
            if "busy" in err:
                raise DeviceError("The scanner is busy.", hint="Wait a moment and scan again.")
            raise DeviceError("The scan failed.", hint="Check the scanner and scan again.")
        pixels, _ = parse_pnm(proc.stdout)
        return RawImage(pixels, float(self.resolution), "scan", f"sane {self.device}")

    def capture(self) -> list[RawImage]:
        pages: list[RawImage] = []
        limit = self.max_pages if self.is_feeder else 1
        while len(pages) < limit:
            page = self.scan_one()
            if page is None:
                break
            page.origin = f"sane {self.device} sheet {len(pages) + 1}"
            pages.append(page)
        if not pages:
            raise NoPageError(
                "The document feeder is empty.",
                hint="Put the pages in the feeder, face as the scanner shows.",
            )
        return pages

    def close(self) -> None:
        pass
