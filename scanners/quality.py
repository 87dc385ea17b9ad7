"""The quality gate: measure a processed page and refuse it with typed reasons.

Why measurements rather than one "quality score": staff need to know *what* to fix (hold the
camera still, move the lamp, get closer), so each reason is tested on its own metric. Every
threshold below was calibrated on the labelled capture set of ``benchmarks/capture.py``
(good vs deliberately bad captures); the calibration is recorded in docs/capture.md.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from scanners.types import QualityReason, QualityReport

#: Sharpness is measured at this resolution so that it does not depend on the source's DPI.
SHARPNESS_DPI = 150.0
#: Edge sharpness (max gradient / contrast at 150 dpi) below this: too blurry.
MIN_SHARPNESS = 0.35
#: Paper brightness (90th percentile of grey) below this: too dark.
MIN_PAPER = 95.0
#: Ink/paper contrast below this (grey levels): nothing printed to judge sharpness on.
MIN_CONTRAST = 40.0
#: Share of the page clipped white inside a paper that is otherwise not white: glare.
MAX_GLARE = 0.006
#: Estimated x-height in pixels below this: text too small for OCR.
MIN_XHEIGHT = 6.0
#: Text-sized ink blobs cut by one page edge (scans) at or above this count: cut off.
MAX_CUT_GLYPHS = 6


def sharpness(grey: np.ndarray, dpi: float) -> float:
    """Max text-edge gradient relative to ink/paper contrast, at 150 dpi (1 = crisp)."""
    scale = min(1.0, SHARPNESS_DPI / max(dpi, 1.0))
    h, w = grey.shape[:2]
    g = (
        grey
        if scale >= 1.0
        else cv2.resize(
            grey, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
        )
    )
    # a light blur first: sensor noise and JPEG ringing must not pass for sharp edges
    g = cv2.GaussianBlur(g.astype(np.float32), (0, 0), 1.0)
    gx = cv2.Sobel(g, cv2.CV_32F, 1, 0, ksize=3, scale=0.25)
    gy = cv2.Sobel(g, cv2.CV_32F, 0, 1, ksize=3, scale=0.25)
    mag = cv2.magnitude(gx, gy)
    lo, hi = np.percentile(g, (0.5, 99.5))
    contrast = float(hi - lo)
    if contrast < 10:
        return 0.0
    return float(np.percentile(mag, 99.7)) / contrast


def glare_share(grey: np.ndarray) -> float:
    """Share of pixels in clipped blobs when the paper itself is not clipped (specular spots)."""
    smooth = cv2.GaussianBlur(grey, (5, 5), 0)
    clipped = (smooth >= 250).astype(np.uint8)
    if not clipped.any():
        return 0.0
    rest = smooth[clipped == 0]
    if rest.size == 0 or float(np.percentile(rest, 75)) >= 235:
        return 0.0  # a white scan or an over-exposed page: no "spot" to speak of
    n, _, stats, _ = cv2.connectedComponentsWithStats(clipped, connectivity=8)
    min_blob = 0.0005 * grey.size
    area = sum(int(s[cv2.CC_STAT_AREA]) for s in stats[1:] if s[cv2.CC_STAT_AREA] >= min_blob)
    return area / float(grey.size)


def _in_lines(cx: np.ndarray, cy: np.ndarray, hgt: np.ndarray) -> np.ndarray:
    """Mask of blobs with a same-sized neighbour on the same line (letters, not map dashes)."""
    order = np.argsort(cy, kind="stable")
    x, y, h = cx[order], cy[order], hgt[order]
    mark = np.zeros(len(order), dtype=bool)
    for d in range(1, min(80, len(order))):
        dy = np.abs(y[d:] - y[:-d])
        ratio = h[d:] / h[:-d]
        near = np.abs(x[d:] - x[:-d]) < 2.0 * np.maximum(h[d:], h[:-d])
        ok = (dy < 0.4 * np.maximum(h[d:], h[:-d])) & (ratio > 0.6) & (ratio < 1.7) & near
        mark[d:] |= ok
        mark[:-d] |= ok
    out = np.zeros(len(order), dtype=bool)
    out[order] = mark
    return out


def text_metrics(clean: np.ndarray) -> tuple[float, int]:
    """(median letter height in px, the x-height proxy; most letters cut by one page edge).

    Letters are connected ink blobs of letter shape with a same-sized neighbour on their line,
    so map dashes, dots and rules do not pull the estimate down. NaN when there is no text.
    """
    _, ink = cv2.threshold(clean, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, _, stats, cents = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return math.nan, 0
    s = stats[1:]
    hgt = s[:, cv2.CC_STAT_HEIGHT].astype(np.float64)
    wid = s[:, cv2.CC_STAT_WIDTH].astype(np.float64)
    area = s[:, cv2.CC_STAT_AREA].astype(np.float64)
    h, w = clean.shape[:2]
    glyph = (hgt >= 3) & (hgt < h / 15) & (wid <= 1.6 * hgt) & (area >= 4)
    glyph &= area / (hgt * wid) > 0.12
    idx = np.nonzero(glyph)[0]
    if len(idx) > 6000:
        idx = np.random.default_rng(0).choice(idx, 6000, replace=False)
    if len(idx) < 10:
        return math.nan, 0
    lines = _in_lines(cents[1:][idx, 0], cents[1:][idx, 1], hgt[idx])
    if lines.sum() < 10:
        return math.nan, 0
    xh = float(np.median(hgt[idx][lines]))
    x0, y0 = s[:, cv2.CC_STAT_LEFT], s[:, cv2.CC_STAT_TOP]
    textlike = glyph & (hgt >= 0.6 * xh) & (hgt <= 3 * xh)
    edges = [
        int((textlike & (x0 == 0)).sum()),
        int((textlike & (y0 == 0)).sum()),
        int((textlike & (x0 + wid >= w)).sum()),
        int((textlike & (y0 + hgt >= h)).sum()),
    ]
    return xh, max(edges)


def assess(
    color: np.ndarray,
    clean: np.ndarray,
    dpi: float,
    *,
    kind: str,
    quad_found: bool,
    quad_touches_edge: bool,
) -> QualityReport:
    """Measure the final page and list every reason to refuse it."""
    grey = color if color.ndim == 2 else cv2.cvtColor(color, cv2.COLOR_BGR2GRAY)
    paper = float(np.percentile(grey, 90))
    contrast = float(paper - np.percentile(grey, 0.2))
    sharp = sharpness(grey, dpi)
    glare = glare_share(grey) if kind == "photo" else 0.0
    xh, cut_glyphs = text_metrics(clean)
    metrics = {
        "paper": round(paper, 1),
        "contrast": round(contrast, 1),
        "sharpness": round(sharp, 3),
        "glare": round(glare, 4),
        "x_height_px": round(xh, 1) if math.isfinite(xh) else -1.0,
        "cut_glyphs": float(cut_glyphs),
        "dpi": round(dpi, 1),
    }
    reasons: list[QualityReason] = []
    if kind == "photo" and not quad_found:
        reasons.append(QualityReason.PAGE_NOT_FOUND)
    if paper < MIN_PAPER:
        reasons.append(QualityReason.TOO_DARK)
    if glare > MAX_GLARE:
        reasons.append(QualityReason.GLARE)
    if contrast >= MIN_CONTRAST and sharp < MIN_SHARPNESS:
        reasons.append(QualityReason.TOO_BLURRY)
    if math.isfinite(xh) and xh < MIN_XHEIGHT:
        reasons.append(QualityReason.TEXT_TOO_SMALL)
    if (kind == "photo" and quad_found and quad_touches_edge) or (
        kind != "photo" and cut_glyphs >= MAX_CUT_GLYPHS
    ):
        reasons.append(QualityReason.CUT_OFF)
    return QualityReport(reasons=reasons, metrics=metrics)
