"""Finding the page in a photo and straightening it (pure functions on numpy arrays).

Why classic image processing rather than a learned detector: it runs in tens of milliseconds
on one core of a small PC, needs no model download, and fails in ways we can detect (no
convex four-sided region), which is what the "page not found" reason needs.

Method: the page is the large, bright, low-saturation region. On a downscaled frame we remove
text with a morphological closing, threshold "paperness" with Otsu, take the largest blob,
reduce its hull to four corners, then refine each side by a least-squares line fit to the
blob's boundary points and intersect the lines (sub-pixel corners). Edges from Canny are the
fallback when the page is not brighter than its background. The true aspect ratio is
recovered from the perspective quad with Zhang & He's single-view rectification
("Whiteboard scanning and image enhancement", 2007), assuming the principal point at the
image centre, then snapped to A4/Letter/A5 when within 3 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

#: Long side of the frame used for detection (speed; corners are refined back at full size).
DETECT_SIDE = 900
#: Smallest page area as a share of the frame.
MIN_AREA = 0.08

#: Paper formats (name, short side, long side) in inches. A5 and A3 share A4's aspect ratio, so
#: a photo cannot tell them apart: A4, by far the most common for letters, stands for all three.
PAPER = (
    ("A4", 210 / 25.4, 297 / 25.4),
    ("Letter", 8.5, 11.0),
    ("Legal", 8.5, 14.0),
)


@dataclass(frozen=True)
class QuadResult:
    """A page quad (TL, TR, BR, BL, float32, full-resolution pixels) and how it was found."""

    quad: np.ndarray
    method: str
    touches_edge: bool
    contrast: float


def order_corners(pts: np.ndarray) -> np.ndarray:
    """TL, TR, BR, BL order for four points."""
    pts = np.asarray(pts, dtype=np.float32).reshape(4, 2)
    c = pts.mean(axis=0)
    ang = np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0])
    pts = pts[np.argsort(ang)]  # clockwise on screen starting from the left-most angle
    # rotate so that the first point is top-left (smallest x + y)
    start = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -start, axis=0)


def quad_is_sane(quad: np.ndarray, frame_area: float) -> bool:
    q = quad.astype(np.float64)
    area = abs(cv2.contourArea(q.astype(np.float32)))
    if area < MIN_AREA * frame_area:
        return False
    if not cv2.isContourConvex(q.astype(np.float32).reshape(-1, 1, 2)):
        return False
    for i in range(4):
        a, b, c = q[i - 1], q[i], q[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cosang = float(np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-9))
        if abs(cosang) > 0.6:  # angles outside ~53..127 degrees
            return False
    return True


def _hull_to_quad(contour: np.ndarray) -> np.ndarray | None:
    hull = cv2.convexHull(contour)
    peri = cv2.arcLength(hull, True)
    for eps in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            return order_corners(approx.reshape(4, 2))
        if len(approx) < 4:
            break
    # Many vertices (rounded corners, dog-ears): the largest-area 4-subset of hull vertices.
    pts = hull.reshape(-1, 2).astype(np.float32)
    if len(pts) < 4:
        return None
    rect = cv2.boxPoints(cv2.minAreaRect(pts))
    # snap each rectangle corner to the nearest hull vertex
    snapped = np.array([pts[np.argmin(((pts - r) ** 2).sum(axis=1))] for r in rect])
    if len({tuple(p) for p in snapped.tolist()}) < 4:
        return None
    return order_corners(snapped)


def _refine_sides(quad: np.ndarray, boundary: np.ndarray) -> np.ndarray:
    """Fit a line to the boundary points along each side; intersect neighbouring lines."""
    b = boundary.reshape(-1, 2).astype(np.float64)
    lines = []
    for i in range(4):
        p, q = quad[i].astype(np.float64), quad[(i + 1) % 4].astype(np.float64)
        d = q - p
        length = float(np.hypot(*d))
        if length < 8:
            return quad
        u = d / length
        n = np.array([-u[1], u[0]])
        rel = b - p
        t = rel @ u
        dist = np.abs(rel @ n)
        # the side's middle 80 %, within a few pixels of the coarse side
        sel = (t > 0.1 * length) & (t < 0.9 * length) & (dist < max(3.0, 0.015 * length))
        pts = b[sel]
        if len(pts) < 10:
            lines.append((p, u))
            continue
        vx, vy, x0, y0 = cv2.fitLine(pts.astype(np.float32), cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0], dtype=np.float64), np.array([vx, vy], dtype=np.float64)))
    out = []
    for i in range(4):
        (p1, u1), (p2, u2) = lines[i - 1], lines[i]
        a = np.array([u1, -u2]).T
        if abs(np.linalg.det(a)) < 1e-6:
            return quad
        s = np.linalg.solve(a, p2 - p1)
        out.append(p1 + s[0] * u1)
    refined = np.array(out, dtype=np.float32)
    if np.max(np.abs(refined - quad)) > 0.05 * max(np.ptp(quad[:, 0]), np.ptp(quad[:, 1])):
        return quad  # the fit went astray; keep the coarse corners
    return refined


def _paper_mask(small: np.ndarray) -> np.ndarray:
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    v = hsv[:, :, 2].astype(np.int16)
    s = hsv[:, :, 1].astype(np.int16)
    paper = np.clip(v - s, 0, 255).astype(np.uint8)
    k = max(3, (min(small.shape[:2]) // 60) | 1)
    paper = cv2.morphologyEx(
        paper, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    )
    paper = cv2.GaussianBlur(paper, (5, 5), 0)
    _, mask = cv2.threshold(paper, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    return mask


def _edge_mask(small: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    k = max(3, (min(small.shape[:2]) // 60) | 1)
    grey = cv2.morphologyEx(
        grey, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    )
    grey = cv2.GaussianBlur(grey, (5, 5), 0)
    med = float(np.median(grey))
    edges = cv2.Canny(grey, int(max(10, 0.5 * med)), int(min(255, 1.2 * med + 20)))
    edges = cv2.dilate(edges, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    # fill closed outlines so that the page becomes a blob
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    filled = np.zeros_like(edges)
    cv2.drawContours(filled, contours, -1, 255, thickness=cv2.FILLED)
    return filled


def _best_quad(mask: np.ndarray, frame_area: float) -> tuple[np.ndarray, np.ndarray] | None:
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    for c in sorted(contours, key=cv2.contourArea, reverse=True)[:3]:
        if cv2.contourArea(c) < MIN_AREA * frame_area:
            break
        quad = _hull_to_quad(c)
        if quad is None or not quad_is_sane(quad, frame_area):
            continue
        # the blob must fill its quad (a page, not an L-shaped shadow)
        fill = cv2.contourArea(c) / max(1.0, cv2.contourArea(quad))
        if fill < 0.9:
            continue
        return quad, c
    return None


def _contrast(grey: np.ndarray, quad: np.ndarray) -> float:
    """Median brightness inside the quad minus outside it (outside band only)."""
    inside = np.zeros(grey.shape, np.uint8)
    cv2.fillConvexPoly(inside, quad.astype(np.int32), 255)
    grown = cv2.dilate(inside, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25)))
    band = cv2.subtract(grown, inside)
    eroded = cv2.erode(inside, cv2.getStructuringElement(cv2.MORPH_RECT, (25, 25)))
    if not band.any() or not eroded.any():
        return 0.0
    return float(np.median(grey[eroded > 0]) - np.median(grey[band > 0]))


def find_page_quad(bgr: np.ndarray) -> QuadResult | None:
    """The page's corners in ``bgr`` (full resolution), or None when no page stands out."""
    h, w = bgr.shape[:2]
    scale = min(1.0, DETECT_SIDE / max(h, w))
    small = cv2.resize(bgr, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape[:2]
    area = float(sh * sw)
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    for method, mask in (("paper", _paper_mask(small)), ("edges", _edge_mask(small))):
        # a page that fills the whole frame is no detection: leave a 1-pixel border
        mask[[0, -1], :] = 0
        mask[:, [0, -1]] = 0
        found = _best_quad(mask, area)
        if found is None:
            continue
        quad, contour = found
        quad = _refine_sides(quad, contour)
        margin = 0.01 * max(sw, sh)
        touches = bool(
            (quad[:, 0] < margin).any()
            or (quad[:, 0] > sw - 1 - margin).any()
            or (quad[:, 1] < margin).any()
            or (quad[:, 1] > sh - 1 - margin).any()
        )
        contrast = _contrast(grey, quad)
        full = (quad + 0.5) / scale - 0.5
        return QuadResult(full.astype(np.float32), method, touches, contrast)
    return None


def true_aspect(quad: np.ndarray, frame_w: int, frame_h: int) -> float:
    """Width/height of the real rectangle seen as ``quad`` (Zhang & He), centre principal point."""
    q = quad.astype(np.float64)
    c = np.array([frame_w / 2.0, frame_h / 2.0])
    m1, m2, m4, m3 = (np.append(p - c, 1.0) for p in q)  # TL, TR, BR, BL
    k2 = np.dot(np.cross(m1, m4), m3) / np.dot(np.cross(m2, m4), m3)
    k3 = np.dot(np.cross(m1, m4), m2) / np.dot(np.cross(m3, m4), m2)
    n2 = k2 * m2 - m1
    n3 = k3 * m3 - m1
    top = float(np.linalg.norm(q[1] - q[0]) + np.linalg.norm(q[2] - q[3]))
    side = float(np.linalg.norm(q[3] - q[0]) + np.linalg.norm(q[2] - q[1]))
    naive = top / max(side, 1e-6)
    denom = n2[2] * n3[2]
    if abs(denom) < 1e-12:
        ratio2 = (n2[0] ** 2 + n2[1] ** 2) / max(n3[0] ** 2 + n3[1] ** 2, 1e-12)
        return math.sqrt(ratio2) if ratio2 > 0 else naive
    f2 = -(n2[0] * n3[0] + n2[1] * n3[1]) / denom
    if not (f2 > 0) or not math.isfinite(f2):
        return naive
    f = math.sqrt(f2)
    # an implausible focal length (a near-affine view) makes the estimate noisy
    if not (0.3 * max(frame_w, frame_h) < f < 20 * max(frame_w, frame_h)):
        return naive
    a2 = (n2[0] ** 2 + n2[1] ** 2) / f2 + n2[2] ** 2
    a3 = (n3[0] ** 2 + n3[1] ** 2) / f2 + n3[2] ** 2
    if a3 <= 0 or a2 <= 0:
        return naive
    return math.sqrt(a2 / a3)


def snap_paper(aspect: float, tolerance: float = 0.03) -> tuple[str, float, float] | None:
    """The paper format (name, width in, height in) whose aspect is within tolerance."""
    best = None
    for name, short, long in PAPER:
        for w_in, h_in in ((short, long), (long, short)):
            err = abs(aspect / (w_in / h_in) - 1.0)
            if err <= tolerance and (best is None or err < best[0]):
                best = (err, name, w_in, h_in)
    return None if best is None else (best[1], best[2], best[3])


def warp_quad(bgr: np.ndarray, quad: np.ndarray) -> tuple[np.ndarray, float | None]:
    """Perspective-correct the quad to the page's true aspect; return (page, dpi or None).

    The output keeps the source's pixel density along the longer measured side, so nothing is
    upsampled for nothing. The DPI is known when the aspect matches a paper format.
    """
    h, w = bgr.shape[:2]
    q = quad.astype(np.float64)
    width_px = max(np.linalg.norm(q[1] - q[0]), np.linalg.norm(q[2] - q[3]))
    height_px = max(np.linalg.norm(q[3] - q[0]), np.linalg.norm(q[2] - q[1]))
    aspect = true_aspect(quad, w, h)
    paper = snap_paper(aspect)
    if paper is not None:
        aspect = paper[1] / paper[2]
    if width_px / aspect >= height_px:
        out_w, out_h = width_px, width_px / aspect
    else:
        out_w, out_h = height_px * aspect, height_px
    out_w_i, out_h_i = max(8, round(out_w)), max(8, round(out_h))
    dst = np.array([[0, 0], [out_w_i, 0], [out_w_i, out_h_i], [0, out_h_i]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    page = cv2.warpPerspective(
        bgr, matrix, (out_w_i, out_h_i), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    dpi = out_w_i / paper[1] if paper is not None else None
    return page, dpi
