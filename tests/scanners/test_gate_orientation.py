"""The quality gate's x-height and the text-line orientation cue, on rendered prose.

The OCR-accuracy calibration itself is `benchmarks/capture.py --ocr-sweep` (real Tesseract, too
slow for CI); these tests check the behaviour the calibration relies on.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from scanners import orientation as orient
from scanners import quality
from scanners.process import process_page
from scanners.synthetic import flatbed, prose_page
from scanners.types import QualityReason, RawImage


def _metrics(grey: np.ndarray) -> quality.TextMetrics:
    return quality.text_metrics(grey)


@pytest.mark.parametrize("font_px", [10, 16, 25, 36])
def test_x_height_tracks_the_font(font_px: int) -> None:
    grey, _ = prose_page(1, font_px)
    xh = _metrics(grey).x_height
    # DejaVu Serif's x-height is about 0.52 em; hinting rounds it at small sizes
    assert 0.42 * font_px <= xh <= 0.62 * font_px


def test_gate_refuses_small_text_and_accepts_body_text() -> None:
    rng = np.random.default_rng(0)
    small = flatbed(prose_page(2, 8)[0], skew=1.0, rotation=0, rng=rng).image
    body = flatbed(prose_page(2, 25)[0], skew=1.0, rotation=0, rng=rng).image
    bad = process_page(RawImage(small, 150.0, "scan", "t"), orientation=False)
    good = process_page(RawImage(body, 150.0, "scan", "t"), orientation=False)
    assert QualityReason.TEXT_TOO_SMALL in bad.quality.reasons
    assert bad.quality.metrics["x_height_px"] < quality.MIN_XHEIGHT
    assert good.quality.ok, good.quality.metrics


def test_few_small_labels_are_not_judged_for_size() -> None:
    grey = prose_page(3, 8, max_lines=1)[0].copy()
    grey[:, 450:] = 255  # a few words of tiny text: a caption, not a letter
    page = process_page(RawImage(grey, 150.0, "scan", "t"), orientation=False)
    assert QualityReason.TEXT_TOO_SMALL not in page.quality.reasons


def _verdict(grey: np.ndarray) -> int | None:
    tm = _metrics(grey)
    return orient.text_line_verdict(
        orient.estimate_skew(grey),
        words=tm.words,
        x_height=tm.x_band,
        word_height=tm.word_height,
        above=tm.above,
        below=tm.below,
    )


def _caps_page() -> np.ndarray:
    _, text = prose_page(4, 25)
    font = ImageFont.truetype("DejaVuSerif.ttf", 25)
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(text.upper().splitlines()):
        draw.text((100, 100 + 34 * i), line, fill=0, font=font)
    return np.asarray(img, dtype=np.uint8)


def test_text_line_cue_reads_upright_and_upside_down() -> None:
    grey, _ = prose_page(5, 20)
    assert _verdict(grey) == 0
    assert _verdict(cv2.rotate(grey, cv2.ROTATE_180)) == 180
    assert _verdict(cv2.rotate(grey, cv2.ROTATE_90_CLOCKWISE)) is None


def test_text_line_cue_abstains_on_capitals() -> None:
    caps = _caps_page()
    # no ascender/descender asymmetry in capitals: OSD must decide, both ways up
    assert _verdict(caps) is None
    assert _verdict(cv2.rotate(caps, cv2.ROTATE_180)) is None


def test_text_lines_orient_latin_pages_without_osd_and_capitals_use_it() -> None:
    grey, _ = prose_page(6, 25)
    upright = process_page(RawImage(grey, 150.0, "scan", "t"))
    assert upright.rotation == 0 and upright.rotation_confident
    assert upright.quality.metrics["osd_run"] == 0.0
    # upside down and sideways Latin text: the ascender cue (after a quarter turn) decides
    for turn, needed in ((cv2.ROTATE_180, 180), (cv2.ROTATE_90_CLOCKWISE, 270),
                         (cv2.ROTATE_90_COUNTERCLOCKWISE, 90)):  # fmt: skip
        turned = process_page(RawImage(cv2.rotate(grey, turn), 150.0, "scan", "t"))
        assert turned.quality.metrics["osd_run"] == 0.0
        assert turned.rotation == needed and turned.rotation_confident
        assert np.abs(turned.gray.astype(int) - upright.gray.astype(int)).mean() < 20
    if not orient.osd_available():
        pytest.skip("tesseract is not installed (OSD)")
    caps = process_page(RawImage(cv2.rotate(_caps_page(), cv2.ROTATE_180), 150.0, "scan", "t"))
    assert caps.quality.metrics["osd_run"] == 1.0
