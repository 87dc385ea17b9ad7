"""Data passed between capture backends, page processing and the domain layer.

Pixels stay in memory as numpy arrays (BGR or grey, uint8); nothing here touches disk, so no
personal image ever lands in a temporary file in clear.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

SourceKind = Literal["scan", "photo", "file", "demo"]


@dataclass
class RawImage:
    """One image as a backend delivered it, before page processing.

    ``kind`` tells page processing what to expect: a flatbed ``scan`` is already flat and
    cropped; a camera ``photo`` needs the page found and its perspective corrected.
    ``dpi`` is ``None`` when the source does not say (a phone photo, a PNG without pHYs).
    ``origin`` is a non-personal description ("file page 2/3", "sane test:0"): never a file name.
    """

    pixels: np.ndarray
    dpi: float | None
    kind: SourceKind
    origin: str
    #: Message ids (see :mod:`scanners.messages`) about what was dropped from the source,
    #: e.g. ``pdf_active_content_dropped``; never personal data.
    notes: tuple[str, ...] = ()


class QualityReason(enum.StrEnum):
    """Why a capture is refused; each maps to one sentence in the UI."""

    TOO_BLURRY = "too_blurry"
    GLARE = "glare"
    TOO_DARK = "too_dark"
    PAGE_NOT_FOUND = "page_not_found"
    TEXT_TOO_SMALL = "text_too_small"
    CUT_OFF = "cut_off"


@dataclass
class QualityReport:
    """The quality gate's verdict with the measurements behind it."""

    reasons: list[QualityReason] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.reasons


@dataclass
class Page:
    """A processed page: upright, cropped, straightened, with its true resolution.

    ``color`` (BGR) goes into the bundle; ``gray`` (cleaned, illumination-flattened) goes to OCR.
    ``rotation`` is the clockwise rotation in degrees (0/90/180/270) that was applied to make it
    upright; ``rotation_confident`` is False when orientation detection was unsure and staff
    should be asked instead of trusting a guess.
    """

    color: np.ndarray
    gray: np.ndarray
    dpi: float
    rotation: int = 0
    rotation_confident: bool = True
    skew_deg: float = 0.0
    quad_found: bool = True
    quality: QualityReport = field(default_factory=QualityReport)
    origin: str = ""
    #: The page corners found in the source image (4x2 float32, TL TR BR BL), or None when the
    #: full frame was used.
    quad: np.ndarray | None = None

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels."""
        return int(self.color.shape[1]), int(self.color.shape[0])
