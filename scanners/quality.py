"""The quality gate: measure a processed page and refuse it with typed reasons.

Why measurements rather than one "quality score": staff need to know *what* to fix (hold the
camera still, move the lamp, get closer), so each reason is tested on its own metric. Every
threshold below was calibrated on the labelled capture set of ``benchmarks/capture.py``
(good vs deliberately bad captures); the calibration is recorded in docs/capture.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

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
#: Estimated x-height in pixels below this: text too small for OCR. Calibrated on real
#: Tesseract (benchmarks/capture.py --ocr-sweep): CER <= 2.4 % from 6.0 px up, 18 % mean
#: (up to 50 %) at 5.5-6 px and 32-91 % below (docs/capture.md).
MIN_XHEIGHT = 6.0
#: Text size is judged only on pages with at least this much text (total word width in
#: x-heights, about two lines): a map, a photo or an ID card with a few small labels is not a
#: letter whose text must be read (the baiona map has 97, a page of body text 1000-3000).
MIN_TEXT_EXTENT = 150.0
#: Word blobs taller than this many x-bands: the script has a thin baseline, not an x-band.
WORD_TO_XBAND = 3.0
#: Text-sized ink blobs cut by one page edge (scans) at or above this count: cut off.
MAX_CUT_GLYPHS = 6


def _percentile_u8(grey: np.ndarray, q: float) -> float:
    """Percentile of a uint8 image from its histogram (exact for integers, no full sort)."""
    hist = cv2.calcHist([grey], [0], None, [256], [0, 256]).ravel()
    cum = np.cumsum(hist)
    return float(np.searchsorted(cum, q / 100.0 * (cum[-1] - 1) + 1))


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


@dataclass(frozen=True)
class TextMetrics:
    """What the page's text tells us: its x-height, the letter height and edge-cut letters."""

    x_height: float  # px, NaN without text
    letter_height: float  # px, median height of letter-sized blobs (NaN without text)
    cut_glyphs: int  # most text-sized blobs cut by one page edge
    words: int  # word blobs that contributed to the x-height
    above: float  # ink pixels above the words' x-bands (ascenders, capitals, accents)
    below: float  # ink pixels below them (descenders)
    word_height: float  # px, width-weighted median height of word blobs (NaN without text)
    x_band: float = math.nan  # px, the words' half-maximum band before any script fallback
    extent: float = 0.0  # total width of the words, in x-heights (how much text there is)


def _fwhm(prof: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Full width at half maximum of each row of ``prof`` (rows of a word's ink per pixel row).

    The x-band of a word (where every lowercase letter has ink) is the plateau of its row
    profile; ascenders, descenders and accents are thin tails below half the peak. Edges are
    interpolated linearly, so the width is sub-pixel even for 3-pixel letters.
    """
    m = prof.max(axis=1)
    half = 0.5 * m
    above = prof >= half[:, None]
    n = prof.shape[1]
    lo = np.argmax(above, axis=1)
    hi = n - 1 - np.argmax(above[:, ::-1], axis=1)
    rows = np.arange(len(prof))
    p_lo, p_hi = prof[rows, lo], prof[rows, hi]
    before = np.where(lo > 0, prof[rows, np.maximum(lo - 1, 0)], 0.0)
    after = np.where(hi < n - 1, prof[rows, np.minimum(hi + 1, n - 1)], 0.0)
    f_lo = np.clip((p_lo - half) / np.maximum(p_lo - before, 1e-9), 0.0, 1.0)
    f_hi = np.clip((p_hi - half) / np.maximum(p_hi - after, 1e-9), 0.0, 1.0)
    return (hi - lo).astype(np.float64) + f_lo + f_hi, lo, hi


def text_metrics(clean: np.ndarray) -> TextMetrics:
    """Measure the x-height of the dominant text on an OCR-ready grey page.

    Why not the median height of letter blobs: at the sizes where OCR starts to fail (x-height
    5-6 px) letters touch and blur into each other, ascenders join their neighbours, and blob
    heights stop shrinking with the font - the old estimate read 7-8 px for text Tesseract
    could no longer read. Instead letters are joined into words with a short horizontal
    closing (a third of a letter's height), and for each word the full width at half maximum
    of its row profile is its x-band; the width-weighted median over words is the page's
    x-height. This tracks the true x-height down to 3 px (docs/capture.md, OCR sweep).
    """
    _, ink = cv2.threshold(clean, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    h, w = clean.shape[:2]
    n, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    none = TextMetrics(math.nan, math.nan, 0, 0, 0.0, 0.0, math.nan)
    if n <= 1:
        return none
    s = stats[1:]
    hgt = s[:, cv2.CC_STAT_HEIGHT].astype(np.float64)
    wid = s[:, cv2.CC_STAT_WIDTH].astype(np.float64)
    area = s[:, cv2.CC_STAT_AREA].astype(np.float64)
    letters = (hgt >= 2) & (hgt < h / 15) & (area >= 3) & (wid < 0.1 * w)
    if letters.sum() < 20:
        return none
    # width-weighted: the dots and diacritics of Arabic script must not pass for its letters
    lh, lw = hgt[letters], wid[letters]
    order = np.argsort(lh)
    cum_w = np.cumsum(lw[order])
    letter_h = float(lh[order][np.searchsorted(cum_w, cum_w[-1] / 2)])
    # cut-off: text-sized blobs that touch one page edge
    x0, y0 = s[:, cv2.CC_STAT_LEFT], s[:, cv2.CC_STAT_TOP]
    glyph = letters & (wid <= 1.6 * hgt) & (area / (hgt * wid) > 0.12)
    textlike = glyph & (hgt >= 0.6 * letter_h) & (hgt <= 3 * letter_h)
    cut = max(
        int((textlike & (x0 == 0)).sum()),
        int((textlike & (y0 == 0)).sum()),
        int((textlike & (x0 + wid >= w)).sum()),
        int((textlike & (y0 + hgt >= h)).sum()),
    )
    k = max(2, round(0.45 * letter_h))
    joined = cv2.morphologyEx(
        ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1))
    )
    n2, labels, st2, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    ww = st2[:, cv2.CC_STAT_WIDTH].astype(np.float64)
    wh = st2[:, cv2.CC_STAT_HEIGHT].astype(np.float64)
    wa = st2[:, cv2.CC_STAT_AREA].astype(np.float64)
    band = int(max(3, math.ceil(4 * letter_h)))
    word = (wh >= 2) & (wh <= band) & (ww >= 2.5 * wh) & (wa >= 0.25 * ww * wh) & (ww < 0.9 * w)
    word[0] = False
    if word.sum() < 8:
        return TextMetrics(math.nan, letter_h, cut, 0, 0.0, 0.0, math.nan)
    ys, xs = np.nonzero(ink)
    lab = labels[ys, xs]
    keep = word[lab]
    lab, ys = lab[keep], ys[keep]
    ids = np.nonzero(word)[0]
    index = np.full(n2, -1, np.int64)
    index[ids] = np.arange(len(ids))
    row = ys - st2[lab, cv2.CC_STAT_TOP]
    prof = np.bincount(index[lab] * band + row, minlength=len(ids) * band)
    prof2 = prof.reshape(len(ids), band).astype(np.float64)
    widths, lo, hi = _fwhm(prof2)
    # ink above and below each word's x-band, a gap of a fifth of the band away from it
    gap = np.ceil(0.2 * (hi - lo + 1)).astype(np.int64)
    cols = np.arange(band)[None, :]
    above = float(prof2[cols < (lo - gap)[:, None]].sum())
    below = float(prof2[cols > (hi + gap)[:, None]].sum())
    weights = ww[ids]
    order = np.argsort(widths)
    cum = np.cumsum(weights[order])
    xh = float(widths[order][np.searchsorted(cum, cum[-1] / 2)])
    order = np.argsort(wh[ids])
    word_h = float(wh[ids][order][np.searchsorted(cum, cum[-1] / 2)])
    band_h = xh
    if word_h > WORD_TO_XBAND * xh:
        # a thin, dense baseline (Arabic, Hebrew...) rather than a Latin x-band: half the word
        # height stands in for the x-height
        xh = 0.5 * word_h
    extent = float(weights.sum()) / max(xh, 1.0)
    return TextMetrics(xh, letter_h, cut, len(ids), above, below, word_h, band_h, extent)


def assess(
    color: np.ndarray,
    clean: np.ndarray,
    dpi: float,
    *,
    kind: str,
    quad_found: bool,
    quad_touches_edge: bool,
    text: TextMetrics | None = None,
) -> QualityReport:
    """Measure the final page and list every reason to refuse it."""
    grey = color if color.ndim == 2 else cv2.cvtColor(color, cv2.COLOR_BGR2GRAY)
    paper = _percentile_u8(grey, 90)
    contrast = paper - _percentile_u8(grey, 0.2)
    sharp = sharpness(grey, dpi)
    glare = glare_share(grey) if kind == "photo" else 0.0
    text = text_metrics(clean) if text is None else text
    xh, cut_glyphs = text.x_height, text.cut_glyphs
    metrics = {
        "paper": round(paper, 1),
        "contrast": round(contrast, 1),
        "sharpness": round(sharp, 3),
        "glare": round(glare, 4),
        "x_height_px": round(xh, 2) if math.isfinite(xh) else -1.0,
        "cut_glyphs": float(cut_glyphs),
        "words": float(text.words),
        "text_extent": round(text.extent, 1),
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
    if math.isfinite(xh) and xh < MIN_XHEIGHT and text.extent >= MIN_TEXT_EXTENT:
        reasons.append(QualityReason.TEXT_TOO_SMALL)
    if (kind == "photo" and quad_found and quad_touches_edge) or (
        kind != "photo" and cut_glyphs >= MAX_CUT_GLYPHS
    ):
        reasons.append(QualityReason.CUT_OFF)
    return QualityReport(reasons=reasons, metrics=metrics)
