"""The demo scanner: the bundled sample pages, so the kiosk runs with no hardware.

A package rather than ``demo.py`` because the samples live in ``scanners/demo/samples/`` and a
module and a folder of the same name would shadow each other. Pages ``NAME-p1.png``,
``NAME-p2.png`` form one document ``NAME``; any other ``NAME.png`` is a one-page document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

from scanners.base import ScannerBase
from scanners.errors import NoSamplesError, SamplesUsedUpError
from scanners.types import RawImage

_PAGE_SUFFIX = re.compile(r"^(?P<doc>.+)-p(?P<n>\d+)$")
#: The samples are rendered A4 pages; their DPI follows from the width.
_A4_WIDTH_IN = 210 / 25.4


def sample_dir() -> Path:
    """Where the bundled sample pages are."""
    return Path(__file__).resolve().parent / "samples"


def group_documents(files: list[Path]) -> list[list[Path]]:
    """Group sorted page files into documents by the prefix before a trailing ``-pN``."""
    groups: dict[str, list[tuple[int, Path]]] = {}
    order: list[str] = []
    for f in sorted(files):
        m = _PAGE_SUFFIX.match(f.stem)
        key, n = (m.group("doc"), int(m.group("n"))) if m else (f.stem, 0)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((n, f))
    return [[f for _, f in sorted(groups[k])] for k in order]


class DemoScanner(ScannerBase):
    """Each :meth:`capture` returns the pages of the next sample document."""

    name = "demo"

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = Path(folder) if folder is not None else sample_dir()
        self._docs = group_documents(list(self._folder.glob("*.png")))
        self._next = 0

    @property
    def documents(self) -> int:
        """How many documents the samples hold."""
        return len(self._docs)

    @property
    def remaining(self) -> int:
        return len(self._docs) - self._next

    def open(self) -> None:
        if not self._docs:
            raise NoSamplesError(
                "The demo sample pages are missing.",
                hint="Run: .venv/bin/python tools/make_samples.py",
            )
        self._next = 0

    def frames(self) -> Iterator[np.ndarray]:
        return iter(())

    def capture(self) -> list[RawImage]:
        if not self._docs:
            self.open()
        if self._next >= len(self._docs):
            raise SamplesUsedUpError(
                "All demo documents have been captured.",
                hint="Close the demo scanner and start again.",
            )
        files = self._docs[self._next]
        self._next += 1
        pages: list[RawImage] = []
        for i, f in enumerate(files):
            pixels = cv2.imread(str(f), cv2.IMREAD_UNCHANGED)
            if pixels is None:
                raise NoSamplesError(
                    "A demo sample page cannot be read.",
                    hint="Run: .venv/bin/python tools/make_samples.py",
                )
            if pixels.ndim == 3 and pixels.shape[2] == 4:
                pixels = cv2.cvtColor(pixels, cv2.COLOR_BGRA2BGR)
            width = min(pixels.shape[:2])
            dpi = round(width / _A4_WIDTH_IN)
            pages.append(
                RawImage(
                    pixels,
                    float(dpi),
                    "demo",
                    f"demo document {self._next} page {i + 1}/{len(files)}",
                )
            )
        return pages

    def close(self) -> None:
        self._next = len(self._docs)
