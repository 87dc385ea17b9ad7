"""Page processing: from a raw capture to an upright, straight, cropped page with a verdict.

Order matters and is chosen for speed and robustness:
1. find the page quad (photos must have one; flatbed scans and files keep the full frame unless
   a page clearly stands out from a dark background, e.g. an open scanner lid);
2. perspective-correct to the page's true aspect and derive the DPI from the paper size;
3. flatten illumination for the OCR grey image (background estimated at low resolution with a
   max filter, then divided out: shadows and lamp gradients vanish, ink stays);
4. deskew small angles from projection profiles;
5. turn 90/180/270 with Tesseract OSD, reporting low confidence instead of guessing;
6. run the quality gate on the final page.
Everything stays in memory; the only subprocess (OSD) reads PNG bytes from a pipe.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from scanners import geometry, quality
from scanners import orientation as orient
from scanners.types import Page, RawImage

#: The page size assumed when the source gives no DPI and the aspect matches no paper format.
A4_IN = (210 / 25.4, 297 / 25.4)
#: A detected quad in a flatbed scan or file is used only with this much paper/background
#: contrast (grey levels) - otherwise a table or a photo printed on the page could be cropped.
SCAN_QUAD_CONTRAST = 60.0
#: Height of a body-text letter (median of x-height and ascender letters), inches.
TYPICAL_LETTER_IN = 0.075
MAX_INFERRED_DPI = 600.0
#: Skews smaller than this are left alone (resampling costs more sharpness than it gains).
MIN_DESKEW = 0.05
#: Pages finer than this are brought down to WORK_DPI first: OCR gains nothing above ~300 dpi
#: and every later step costs in proportion to the pixels (a 600 dpi A3 scan is 70 MP).
MAX_WORK_DPI = 400.0
WORK_DPI = 300.0


def to_bgr(pixels: np.ndarray) -> np.ndarray:
    if pixels.ndim == 2:
        return cv2.cvtColor(pixels, cv2.COLOR_GRAY2BGR)
    if pixels.shape[2] == 4:
        return cv2.cvtColor(pixels, cv2.COLOR_BGRA2BGR)
    return pixels


def infer_dpi(width: int, height: int, letter_px: float = math.nan) -> float:
    """DPI when the source gives none.

    A page whose aspect matches a paper format is that format. Otherwise body text is the
    ruler (letters of 10-12 pt text are about 0.075 in high), bounded below by "the image is
    no larger than an A4 page" and above by 600 dpi; without text, the A4 bound alone.
    """
    paper = geometry.snap_paper(width / height, tolerance=0.02)
    if paper is not None:
        return width / paper[1]
    short_in, long_in = A4_IN
    if height >= width:
        a4_fit = max(width / short_in, height / long_in)
    else:
        a4_fit = max(width / long_in, height / short_in)
    if math.isfinite(letter_px):
        return float(min(max(letter_px / TYPICAL_LETTER_IN, a4_fit), MAX_INFERRED_DPI))
    return a4_fit


def flatten_illumination(
    grey: np.ndarray,
    dpi: float,
    letter_px: float = math.nan,
) -> np.ndarray:
    """Divide out the paper's background brightness (shadows, gradients) and stretch."""
    h, w = grey.shape[:2]
    # work where letters are ~3 px high (~25 dpi for body text): a 5x5 max filter erases them
    factor = max(1, round(letter_px / 3)) if math.isfinite(letter_px) else max(1, round(dpi / 25))
    small = cv2.resize(
        grey, (max(1, w // factor), max(1, h // factor)), interpolation=cv2.INTER_AREA
    )
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
    background = cv2.dilate(small, kernel)  # max filter: paper wins over ink
    background = cv2.medianBlur(background, 5)
    background = cv2.GaussianBlur(background, (0, 0), 2)
    background = cv2.resize(background, (w, h), interpolation=cv2.INTER_LINEAR)
    flat = cv2.divide(grey, np.maximum(background, 1), scale=255)
    # stretch so that the darkest ink is black (robust percentile, not the minimum)
    lo = float(np.percentile(flat, 0.5))
    if lo < 200:
        flat = cv2.convertScaleAbs(
            flat, alpha=255.0 / (255.0 - lo), beta=-lo * 255.0 / (255.0 - lo)
        )
    return flat


def process_page(raw: RawImage, *, orientation: bool = True) -> Page:
    """Turn one capture into a straight, upright, cropped :class:`Page` with its quality."""
    color = to_bgr(raw.pixels)
    dpi: float | None = raw.dpi
    if dpi is not None and dpi > MAX_WORK_DPI:
        f = WORK_DPI / dpi
        size = (max(1, round(color.shape[1] * f)), max(1, round(color.shape[0] * f)))
        color = cv2.resize(color, size, interpolation=cv2.INTER_AREA)
        dpi = WORK_DPI
    h, w = color.shape[:2]
    found = geometry.find_page_quad(color) if min(h, w) >= 64 else None
    use_quad = False
    if found is not None:
        if raw.kind == "photo":
            use_quad = True
        else:
            use_quad = found.contrast >= SCAN_QUAD_CONTRAST and not found.touches_edge
    quad = None
    if use_quad and found is not None:
        quad = found.quad
        color, paper_dpi = geometry.warp_quad(color, quad)
        if raw.kind == "photo" or dpi is None:
            dpi = paper_dpi
    grey = cv2.cvtColor(color, cv2.COLOR_BGR2GRAY)
    letter_px = _letter_px(grey)
    if dpi is None:
        dpi = infer_dpi(color.shape[1], color.shape[0], letter_px)
    clean = flatten_illumination(grey, dpi, letter_px)

    est = orient.estimate_skew(clean)
    angle = est.angle if abs(est.angle) >= MIN_DESKEW and est.confidence > 1.5 else 0.0
    if angle:
        color = orient.rotate_small(color, angle, (255, 255, 255))
        clean = orient.rotate_small(clean, angle, 255)

    rotation = 0
    confident = True
    osd_confidence = -1.0
    method = "none"
    # measured after deskew: the gate's x-height and the text-line orientation cue
    text = quality.text_metrics(clean)
    if orientation:
        cue = _cue(est, text)
        if cue is None and est.vertical_lines:
            # Sideways: turn a quarter and ask the text lines again (a fraction of OSD's cost).
            turned = orient.rotate_cardinal(clean, 90)
            turned_text = quality.text_metrics(turned)
            turned_cue = _cue(orient.estimate_skew(turned), turned_text)
            if turned_cue is not None:
                rotation = 90 if turned_cue == 0 else 270
                method = "text_lines"
                color = orient.rotate_cardinal(color, rotation)
                clean = turned if rotation == 90 else orient.rotate_cardinal(turned, 180)
                text = turned_text
        elif cue == 0:
            method = "text_lines"  # clearly upright: no OSD needed
        elif cue == 180 and _inverted_clearly(text):
            method = "text_lines"
            rotation = 180
            color = orient.rotate_cardinal(color, 180)
            clean = orient.rotate_cardinal(clean, 180)
        if method == "none":
            result = orient.detect_orientation(clean, dpi, x_height=text.x_height)
            method = "osd"
            confident = result.confident
            osd_confidence = result.confidence
            if cue == 180 and result.rotate in (0, 180) and result.rotate != 180:
                confident = False  # the two detectors disagree: ask staff, never guess
            if confident and result.rotate:
                rotation = result.rotate
                color = orient.rotate_cardinal(color, rotation)
                clean = orient.rotate_cardinal(clean, rotation)
                if rotation != 180:
                    text = quality.text_metrics(clean)  # letters were measured sideways
    report = quality.assess(
        color,
        clean,
        dpi,
        kind=raw.kind,
        quad_found=use_quad,
        quad_touches_edge=bool(found is not None and found.touches_edge and use_quad),
        text=text,
    )
    if raw.kind == "photo" and found is not None and not use_quad:
        report.metrics["quad_rejected"] = 1.0
    report.metrics["skew_deg"] = round(angle, 2)
    if orientation:
        report.metrics["osd_confidence"] = round(osd_confidence, 2)
        report.metrics["osd_run"] = 1.0 if method == "osd" else 0.0
    return Page(
        color=color,
        gray=clean,
        dpi=float(dpi),
        rotation=rotation,
        rotation_confident=confident,
        skew_deg=angle,
        quad_found=use_quad,
        quality=report,
        origin=raw.origin,
        quad=quad,
    )


#: Pages above this many pixels are measured for the flattening scale on a half-size copy.
HALF_SIZE_MEASURE = 4_000_000


def _letter_px(grey: np.ndarray) -> float:
    """The x-height (else letter height) that sets the flattening scale. Large pages are
    measured at half size: the scale is rounded to a third of it, and the full-size
    measurement cost ~0.12 s of CPU a page (the gate measures the final page again anyway)."""
    f = 1.0
    if grey.size > HALF_SIZE_MEASURE:
        f = 2.0
        h, w = grey.shape[:2]
        grey = cv2.resize(grey, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    text = quality.text_metrics(grey)
    return f * (text.x_height if math.isfinite(text.x_height) else text.letter_height)


def _cue(est: orient.SkewEstimate, text: quality.TextMetrics) -> int | None:
    return orient.text_line_verdict(
        est,
        words=text.words,
        x_height=text.x_band,
        word_height=text.word_height,
        above=text.above,
        below=text.below,
    )


def _inverted_clearly(text: quality.TextMetrics) -> bool:
    """Upside down beyond doubt (descender ink far above ascender ink, on enough words)."""
    return text.words >= orient.MIN_WORDS_UPRIGHT and text.below >= orient.TRUST_INVERTED * max(
        text.above, 1.0
    )
