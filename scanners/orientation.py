"""Small-angle deskew (projection profiles) and 90/180/270 orientation (Tesseract OSD).

Deskew: text lines make the horizontal projection of ink pixels spiky; the spikiest angle is
the skew. We rotate the ink pixels' *coordinates* (not the image) for each candidate angle,
which costs a bincount per angle, coarse-to-fine to 0.02 degrees. Pages turned by 90 degrees
have vertical lines: both families are scored and the stronger one wins, so a sideways page is
still straightened (OSD then turns it upright).

Orientation: Tesseract's OSD, run as ``tesseract stdin stdout --psm 0`` on PNG bytes piped in
(no temporary file holds the page). Its orientation confidence is compared with a threshold
calibrated in benchmarks/capture.py; below it we report "not confident" and let staff decide
rather than guess.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

import cv2
import numpy as np

#: Largest skew we correct; beyond it the page is more likely a diagram than a skewed letter.
MAX_SKEW = 15.0
#: Working width for skew estimation.
SKEW_SIDE = 1400
#: OSD confidence below which the rotation is not trusted (calibrated: docs/capture.md).
OSD_MIN_CONFIDENCE = 2.0
#: Long side of the image given to OSD (its accuracy does not improve above ~150 dpi).
OSD_SIDE = 1700
#: Smallest x-height (px) of the copy given to OSD (see detect_orientation).
OSD_MIN_XHEIGHT = 11.0
OSD_TIMEOUT = 30.0


def _ink_points(grey: np.ndarray, limit: int = 50_000) -> np.ndarray:
    h, w = grey.shape[:2]
    scale = min(1.0, SKEW_SIDE / max(h, w))
    small = cv2.resize(grey, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # ignore a margin where borders and punch holes live
    sh, sw = ink.shape
    my, mx = sh // 30, sw // 30
    ink[:my, :] = 0
    ink[-my:, :] = 0
    ink[:, :mx] = 0
    ink[:, -mx:] = 0
    # drop large blobs (photos, black bars): they carry no line direction
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n > 1:
        big = (stats[:, cv2.CC_STAT_HEIGHT] > sh / 8) | (stats[:, cv2.CC_STAT_WIDTH] > sw / 3)
        big[0] = True
        ink[big[labels]] = 0
    ys, xs = np.nonzero(ink)
    pts = np.stack([xs, ys], axis=1).astype(np.float32)
    if len(pts) > limit:
        rng = np.random.default_rng(0)
        pts = pts[rng.choice(len(pts), limit, replace=False)]
    return pts - pts.mean(axis=0) if len(pts) else pts


def _score(pts: np.ndarray, angle_deg: float) -> float:
    a = np.deg2rad(angle_deg)
    y = pts[:, 1] * np.cos(a) - pts[:, 0] * np.sin(a)
    bins = np.round(y - y.min()).astype(np.int64)
    hist = np.bincount(bins).astype(np.float64)
    return float(np.dot(hist, hist))


def _search(pts: np.ndarray) -> tuple[float, float]:
    """(best angle, sharpness ratio best/median over the coarse sweep)."""
    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.5)
    scores = np.array([_score(pts, a) for a in coarse])
    best = float(coarse[int(np.argmax(scores))])
    ratio = float(scores.max() / max(np.median(scores), 1e-9))
    for step, span in ((0.1, 0.5), (0.02, 0.1)):
        fine = np.arange(best - span, best + span + 1e-9, step)
        fs = [_score(pts, a) for a in fine]
        best = float(fine[int(np.argmax(fs))])
    return best, ratio


@dataclass(frozen=True)
class SkewEstimate:
    angle: float  # degrees; rotate the image counter-clockwise by this to straighten it
    confidence: float  # projection sharpness ratio (1 = no line structure)
    vertical_lines: bool
    #: projection sharpness of the other line family (1 = none): how clearly lines run one way
    other_confidence: float = 1.0


def estimate_skew(grey: np.ndarray) -> SkewEstimate:
    """The small skew of the text lines in ``grey`` (0 when no line structure is found)."""
    pts = _ink_points(grey)
    if len(pts) < 500:
        return SkewEstimate(0.0, 1.0, False)
    ang_h, ratio_h = _search(pts)
    rotated = np.stack([pts[:, 1], -pts[:, 0]], axis=1)  # turn vertical lines horizontal
    ang_v, ratio_v = _search(rotated)
    if ratio_v > ratio_h * 1.1:
        return SkewEstimate(ang_v, ratio_v, True, ratio_h)
    return SkewEstimate(ang_h, ratio_h, False, ratio_v)


def rotate_small(image: np.ndarray, angle: float, fill: int | tuple[int, int, int]) -> np.ndarray:
    """Rotate counter-clockwise by ``angle`` degrees about the centre, same canvas size."""
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2.0, h / 2.0), angle, 1.0)
    return cv2.warpAffine(
        image, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill
    )


#: Lines must be this much sharper horizontally than vertically for the text-line check.
LINE_DOMINANCE = 1.5
#: Words needed before the text-line check may speak.
MIN_WORDS_UPRIGHT = 40
#: Ink above / below the x-band at or beyond which a page reads as upright (or, inverted, as
#: upside down). Measured: upright Latin pages 1.8-4.6, the same pages turned 180 deg 0.22-0.55.
ASCENDER_DOMINANCE = 1.5
#: A short page (a photo of a few paragraphs: 25-40 words measured) may speak with this much
#: dominance. Measured on the issue-17 selection: upright photos 2.0-3.6, turned 180 deg 3.2.
MIN_WORDS_STRONG = 25
STRONG_DOMINANCE = 2.0
#: Dominance at which an upside-down verdict is trusted without Tesseract OSD.
TRUST_INVERTED = 2.5
#: Latin lowercase text: word height / x-height (ascenders + descenders over the x-band).
#: ALL-CAPS text (about 1) and thin-baseline scripts (Arabic, above 3) fall outside: OSD.
WORD_XBAND_RANGE = (1.3, 2.6)


def text_line_verdict(
    skew: SkewEstimate,
    *,
    words: int,
    x_height: float,
    word_height: float,
    above: float,
    below: float,
) -> int | None:
    """0 (upright) or 180 (upside down) when the text lines say so clearly, else None.

    Why: Tesseract OSD costs 0.5-2.5 s a page, and most pages arrive upright. Lowercase Latin
    text has far more ink above its x-band (ascenders b d f h k l t, capitals, accents) than
    below it (descenders g j p q y); turned 180 degrees the balance inverts. The cue is only
    trusted where it was measured to hold - horizontal lines, enough words, a Latin-like word
    height to x-height ratio - so ALL-CAPS text, Arabic, tables and sideways pages go to OSD.
    """
    if skew.vertical_lines or skew.confidence < LINE_DOMINANCE * skew.other_confidence:
        return None
    if words < MIN_WORDS_STRONG or not (x_height > 0 and word_height > 0):
        return None
    lo, hi = WORD_XBAND_RANGE
    if not lo <= word_height / x_height <= hi:
        return None
    dominance = ASCENDER_DOMINANCE if words >= MIN_WORDS_UPRIGHT else STRONG_DOMINANCE
    if above >= dominance * max(below, 1.0) and above >= words:
        return 0
    if below >= dominance * max(above, 1.0) and below >= words:
        return 180
    return None


@dataclass(frozen=True)
class Orientation:
    """``rotate``: clockwise degrees to apply to make the page upright."""

    rotate: int
    confidence: float
    confident: bool
    detail: str = ""


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONF = re.compile(r"Orientation confidence:\s*([-\d.]+)")


def osd_available() -> bool:
    return shutil.which("tesseract") is not None


def detect_orientation(
    grey: np.ndarray,
    dpi: float,
    *,
    min_confidence: float | None = None,
    x_height: float = math.nan,
) -> Orientation:
    """Tesseract OSD on a downscaled copy, piped through stdin (no temporary files).

    The copy is at most ``OSD_SIDE`` pixels long, but never so small that the x-height falls
    below ``OSD_MIN_XHEIGHT``: measured on the demo letters, OSD at an 8-px x-height answered
    180 for upright pages with confidences up to 4.6, above our threshold.
    """
    threshold = OSD_MIN_CONFIDENCE if min_confidence is None else min_confidence
    exe = shutil.which("tesseract")
    if exe is None:
        return Orientation(0, 0.0, False, "tesseract missing")
    h, w = grey.shape[:2]
    scale = min(1.0, OSD_SIDE / max(h, w))
    if math.isfinite(x_height) and x_height > 0:
        scale = min(1.0, max(scale, OSD_MIN_XHEIGHT / x_height))
    small = (
        grey
        if scale >= 1.0
        else cv2.resize(grey, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    )
    ok, png = cv2.imencode(".png", small)
    if not ok:
        return Orientation(0, 0.0, False, "encode failed")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    eff_dpi = max(70, round(dpi * scale))
    try:
        proc = subprocess.run(
            [exe, "stdin", "stdout", "--psm", "0", "--dpi", str(eff_dpi)],
            input=png.tobytes(),
            capture_output=True,
            timeout=OSD_TIMEOUT,
            env=env,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return Orientation(0, 0.0, False, "tesseract failed")
    out = proc.stdout.decode("utf-8", "replace")
    rot, conf = _ROTATE.search(out), _CONF.search(out)
    if proc.returncode != 0 or rot is None or conf is None:
        return Orientation(0, 0.0, False, "too little text for orientation")
    rotate = int(rot.group(1)) % 360
    confidence = float(conf.group(1))
    return Orientation(rotate, confidence, confidence >= threshold, f"osd {confidence:.2f}")


def rotate_cardinal(image: np.ndarray, clockwise: int) -> np.ndarray:
    """Rotate by 0/90/180/270 degrees clockwise (lossless)."""
    clockwise %= 360
    if clockwise == 90:
        return cv2.rotate(image, cv2.ROTATE_90_CLOCKWISE)
    if clockwise == 180:
        return cv2.rotate(image, cv2.ROTATE_180)
    if clockwise == 270:
        return cv2.rotate(image, cv2.ROTATE_90_COUNTERCLOCKWISE)
    return image
