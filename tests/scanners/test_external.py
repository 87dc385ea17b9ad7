"""The real scans of ../shared/external/ocrmypdf: skew, cardinal rotations, no-DPI images.

Residual skew is measured independently of our estimator: the processed page is registered
against the straight reference scan (ccitt.pdf, the same page) with OpenCV's ECC alignment.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pytest

from scanners.files import load_file
from scanners.process import process_page

WIDTH = 500  # registration resolution: enough for 0.05 degree precision


def _small(grey: np.ndarray) -> np.ndarray:
    h, w = grey.shape[:2]
    return cv2.resize(grey, (WIDTH, round(h * WIDTH / w)), interpolation=cv2.INTER_AREA)


def _angle_to(reference: np.ndarray, page: np.ndarray) -> float:
    """Rotation in degrees between two renderings of the same page (ECC, Euclidean)."""
    ref = cv2.GaussianBlur(_small(reference), (0, 0), 1.5).astype(np.float32)
    img = cv2.GaussianBlur(_small(page), (0, 0), 1.5).astype(np.float32)
    img = cv2.resize(img, (ref.shape[1], ref.shape[0]))
    warp = np.eye(2, 3, dtype=np.float32)
    criteria = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 200, 1e-6)
    _, warp = cv2.findTransformECC(ref, img, warp, cv2.MOTION_EUCLIDEAN, criteria, None, 5)
    return math.degrees(math.atan2(float(warp[1, 0]), float(warp[0, 0])))


_REF: dict[str, np.ndarray] = {}


@pytest.fixture
def reference(external: Path) -> np.ndarray:
    """The straight reference page, processed once per test run."""
    if "ref" not in _REF:
        raw = load_file(external / "ocrmypdf" / "ccitt.pdf")[0]
        _REF["ref"] = process_page(raw, orientation=False).gray
    return _REF["ref"]


def test_skew_pdf_residual_below_half_degree(external: Path, reference: np.ndarray) -> None:
    raw = load_file(external / "ocrmypdf" / "skew.pdf")[0]
    before = _angle_to(reference, cv2.cvtColor(raw.pixels, cv2.COLOR_BGR2GRAY))
    assert abs(before) > 1.5  # the file really is skewed by about 1.9 degrees
    page = process_page(raw)
    assert page.quality.ok, page.quality.reasons
    assert page.rotation == 0 and page.rotation_confident
    assert abs(_angle_to(reference, page.gray)) < 0.5


def test_cardinal_pages_all_upright(external: Path, reference: np.ndarray) -> None:
    raws = load_file(external / "ocrmypdf" / "cardinal.pdf")
    pages = [process_page(r) for r in raws]
    assert sorted(p.rotation for p in pages) == [0, 90, 180, 270]
    ref = _small(reference).astype(np.float32)
    for p in pages:
        assert p.rotation_confident
        g = cv2.resize(_small(p.gray), (ref.shape[1], ref.shape[0])).astype(np.float32)
        assert np.corrcoef(ref.ravel(), g.ravel())[0, 1] > 0.8


def test_rotated_skew_portrait_and_straight(external: Path, reference: np.ndarray) -> None:
    page = process_page(load_file(external / "ocrmypdf" / "rotated_skew.pdf")[0])
    h, w = page.gray.shape
    assert h > w
    assert page.quality.ok
    assert abs(_angle_to(reference, page.gray)) < 0.5


@pytest.mark.parametrize(
    ("name", "lo", "hi"),
    [
        ("francais_page.jpg", 200, 400),  # a 3-inch square at 300 dpi
        ("baiona_color.jpg", 70, 300),  # a 640-pixel web map: low resolution, still readable
    ],
)
def test_no_dpi_images_accepted_with_sensible_dpi(
    external: Path, name: str, lo: float, hi: float
) -> None:
    raws = load_file(external / "ocrmypdf" / name)
    assert raws[0].dpi is None
    page = process_page(raws[0], orientation=False)
    assert page.quality.ok, (page.quality.reasons, page.quality.metrics)
    assert lo <= page.dpi <= hi
