"""Labelled synthetic captures for tests and benchmarks (never used on real documents).

Why it lives in the library: the benchmark, the tests and the camera test all need the same
simulations of a camera photo (perspective, background, shadow, blur, noise, JPEG) and of a
flatbed scan (skew, 90/180/270 rotation), with the ground truth (corners, angle, rotation) kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

_WORDS = [
    "le",
    "la",
    "les",
    "de",
    "des",
    "un",
    "une",
    "rendez-vous",
    "convocation",
    "dossier",
    "commune",
    "loyer",
    "allocation",
    "mutualite",
    "decision",
    "article",
    "paragraphe",
    "date",
    "signature",
    "adresse",
    "demande",
    "recours",
    "delai",
    "het",
    "de",
    "een",
    "van",
    "en",
    "afspraak",
    "huur",
    "beslissing",
    "datum",
    "adres",
    "bijlage",
    "termijn",
]


def text_page(seed: int = 0, width: int = 1240, height: int = 1754) -> np.ndarray:
    """A grey A4 page (150 dpi by default) of Hershey-font text lines, for when no sample exists."""
    rng = np.random.default_rng(seed)
    page = np.full((height, width), 255, np.uint8)
    scale = width / 1240
    y = int(110 * scale)
    cv2.putText(
        page,
        "ADMINISTRATION COMMUNALE",
        (int(90 * scale), y),
        cv2.FONT_HERSHEY_DUPLEX,
        1.2 * scale,
        0,
        max(1, int(2 * scale)),
        cv2.LINE_AA,
    )
    y += int(80 * scale)
    while y < height - 120 * scale:
        x = int(90 * scale)
        line: list[str] = []
        while True:
            w = str(rng.choice(_WORDS))
            if x + len(" ".join([*line, w])) * 17 * scale > width - 90 * scale:
                break
            line.append(w)
        cv2.putText(
            page,
            " ".join(line),
            (x, y),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.75 * scale,
            0,
            max(1, int(1.6 * scale)),
            cv2.LINE_AA,
        )
        y += int(rng.choice([36, 36, 36, 60]) * scale)
    return page


@dataclass
class SyntheticCapture:
    """One simulated capture and its truth."""

    image: np.ndarray
    quad: np.ndarray | None  # true corners (TL, TR, BR, BL) in ``image``, None if no page
    skew: float = 0.0  # degrees the page was turned counter-clockwise (flatbed)
    rotation: int = 0  # clockwise degrees needed to make it upright
    defects: list[str] = field(default_factory=list)  # expected QualityReason values


def _background(h: int, w: int, rng: np.random.Generator) -> np.ndarray:
    kind = rng.integers(0, 3)
    base = rng.uniform(25, 120, size=3)
    if kind == 0:  # plain desk
        bg = np.ones((h, w, 3), np.float32) * base
    elif kind == 1:  # wood-like streaks
        xs = np.linspace(0, rng.uniform(20, 60), w, dtype=np.float32)
        streak = (np.sin(xs + 3 * np.sin(np.linspace(0, 4, h))[:, None]) * 18).astype(np.float32)
        bg = base[None, None, :] + streak[:, :, None]
    else:  # mottled fabric
        coarse = rng.normal(0, 1, (h // 16 + 1, w // 16 + 1)).astype(np.float32)
        noise = np.asarray(cv2.resize(coarse, (w, h), interpolation=cv2.INTER_CUBIC))
        bg = base[None, None, :] + 20 * noise[:h, :w, None]
    bg += rng.normal(0, 4, (h, w, 3)).astype(np.float32)
    return bg


def photo(
    page: np.ndarray,
    rng: np.random.Generator,
    *,
    frame: tuple[int, int] = (1200, 1600),
    fill: float | None = None,
    tilt: float = 0.07,
    angle: float | None = None,
    blur: float | None = None,
    shadow: bool = True,
    jpeg: int | None = None,
    offset: tuple[float, float] = (0.0, 0.0),
) -> SyntheticCapture:
    """A camera photo of ``page`` lying on a desk; ``frame`` is (width, height)."""
    fw, fh = frame
    if page.ndim == 2:
        page = cv2.cvtColor(page, cv2.COLOR_GRAY2BGR)
    ph, pw = page.shape[:2]
    fill = rng.uniform(0.6, 0.82) if fill is None else fill
    s = fill * min(fw / pw, fh / ph)
    cx = fw / 2 + offset[0] * fw + rng.uniform(-0.03, 0.03) * fw
    cy = fh / 2 + offset[1] * fh + rng.uniform(-0.03, 0.03) * fh
    # a pinhole camera (focal length ~ a phone's, principal point at the centre) looking at
    # the page tilted by up to `tilt` radians about x and y and turned by `angle` degrees
    f = 1.1 * max(fw, fh)
    rz = np.deg2rad(rng.uniform(-10, 10) if angle is None else angle)
    rx, ry = rng.uniform(-1, 1, 2) * tilt * 3.0
    cz, sz, cxr, sxr, cyr, syr = (
        np.cos(rz),
        np.sin(rz),
        np.cos(rx),
        np.sin(rx),
        np.cos(ry),
        np.sin(ry),
    )
    rot = (
        np.array([[cyr, 0, syr], [0, 1, 0], [-syr, 0, cyr]])
        @ np.array([[1, 0, 0], [0, cxr, -sxr], [0, sxr, cxr]])
        @ np.array([[cz, -sz, 0], [sz, cz, 0], [0, 0, 1]])
    )
    rect = np.array([[-pw, -ph, 0], [pw, -ph, 0], [pw, ph, 0], [-pw, ph, 0]], np.float64) / 2
    dist = f / s  # at this distance the page would appear `s` times its pixel size head-on
    pts = rect @ rot.T + [0, 0, dist]
    proj = pts[:, :2] * f / pts[:, 2:3]
    quad = (proj + [cx, cy]).astype(np.float32)
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    m = cv2.getPerspectiveTransform(src, quad)
    bg = _background(fh, fw, rng)
    warped = cv2.warpPerspective(page.astype(np.float32), m, (fw, fh), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), m, (fw, fh), flags=cv2.INTER_LINEAR)
    paper_tint = rng.uniform(0.88, 1.0, size=3).astype(np.float32)
    img = bg * (1 - mask[:, :, None]) + warped * paper_tint * mask[:, :, None]
    if shadow:
        gx = np.linspace(0, 1, fw, dtype=np.float32)
        gy = np.linspace(0, 1, fh, dtype=np.float32)
        dirn = rng.uniform(0, 2 * np.pi)
        grad = np.cos(dirn) * gx[None, :] + np.sin(dirn) * gy[:, None]
        grad = (grad - grad.min()) / max(float(np.ptp(grad)), 1e-6)
        light = 1.0 - rng.uniform(0.1, 0.35) * grad
        img *= light[:, :, None]
    sigma = rng.uniform(0.0, 0.9) if blur is None else blur
    if sigma > 0.05:
        img = np.asarray(cv2.GaussianBlur(img, (0, 0), sigma), dtype=np.float32)
    img += np.asarray(rng.normal(0, rng.uniform(1.5, 4.0), img.shape), dtype=np.float32)
    out = np.clip(img, 0, 255).astype(np.uint8)
    q = int(rng.integers(70, 93)) if jpeg is None else jpeg
    ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, q])
    if ok:
        out = np.asarray(cv2.imdecode(buf, cv2.IMREAD_COLOR), dtype=np.uint8)
    return SyntheticCapture(out, quad)


def flatbed(
    page: np.ndarray,
    *,
    skew: float,
    rotation: int,
    noise: float = 2.0,
    rng: np.random.Generator | None = None,
) -> SyntheticCapture:
    """A flatbed scan of ``page`` placed ``skew`` degrees off (counter-clockwise) and turned
    so that ``rotation`` degrees clockwise are needed to bring it upright."""
    rng = rng or np.random.default_rng(0)
    img = page if page.ndim == 3 else cv2.cvtColor(page, cv2.COLOR_GRAY2BGR)
    # turn the page counter-clockwise by `rotation` so that a clockwise turn undoes it
    turn = {
        0: None,
        90: cv2.ROTATE_90_COUNTERCLOCKWISE,
        180: cv2.ROTATE_180,
        270: cv2.ROTATE_90_CLOCKWISE,
    }[rotation % 360]
    if turn is not None:
        img = cv2.rotate(img, turn)
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), skew, 1.0)
    img = cv2.warpAffine(
        img,
        m,
        (w, h),
        flags=cv2.INTER_LINEAR,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=(250, 250, 250),
    )
    f = img.astype(np.float32) + rng.normal(0, noise, img.shape).astype(np.float32)
    return SyntheticCapture(
        np.clip(f, 0, 255).astype(np.uint8), None, skew=skew, rotation=rotation % 360
    )


def quad_iou(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection over union of two convex quads."""
    pa, pb = a.astype(np.float32).reshape(-1, 2), b.astype(np.float32).reshape(-1, 2)
    inter, _ = cv2.intersectConvexConvex(pa, pb)
    union = cv2.contourArea(pa) + cv2.contourArea(pb) - inter
    return float(inter / union) if union > 0 else 0.0


_PROSE = (
    "Madame, Monsieur, nous vous informons que votre demande d'allocation a été examinée "
    "par le centre public d'action sociale de Liège. Vous êtes invité à vous présenter le "
    "lundi 14 décembre à 9 h 30 au bureau 12, rue de la Régence 45, muni de votre carte "
    "d'identité, de la décision du 3 novembre et des trois dernières fiches de paie. À défaut, "
    "le dossier sera clôturé sans autre avis. Le recours doit être introduit dans un délai de "
    "trente jours auprès du tribunal du travail. Geachte mevrouw, geachte heer, uw aanvraag "
    "werd goedgekeurd; de huurwaarborg bedraagt 1.250 euro en wordt betaald binnen veertien "
    "dagen. Gelieve het formulier te ondertekenen en terug te sturen met een kopie van uw "
    "verblijfsdocument. Für Rückfragen wenden Sie sich bitte an unser Büro, Telefon 04 221 "
    "33 17, von Montag bis Freitag zwischen 9 und 12 Uhr."
)


def prose_page(
    seed: int = 0,
    font_px: float = 25.0,
    *,
    width: int = 1240,
    height: int = 1754,
    max_lines: int | None = None,
) -> tuple[np.ndarray, str]:
    """A grey page of real prose (DejaVu Serif, accents) and its exact text, for OCR accuracy.

    ``font_px`` is the em size in pixels (x-height is about 0.52 em). Lines are the prose's words,
    shuffled by ``seed`` from a fixed start, wrapped to the page width with 1.35 em leading.
    """
    from PIL import Image, ImageDraw, ImageFont  # Pillow is a dependency of scanners.files

    font = ImageFont.truetype("DejaVuSerif.ttf", max(4, round(font_px)))
    words = _PROSE.split()
    rng = np.random.default_rng(seed)
    start = int(rng.integers(0, len(words)))
    words = words[start:] + words[:start]
    img = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    margin = round(0.08 * width)
    y = margin
    lines: list[str] = []
    i = 0
    while y + 1.35 * font_px < height - margin and (max_lines is None or len(lines) < max_lines):
        line = ""
        while True:
            cand = (line + " " + words[i % len(words)]).strip()
            if draw.textlength(cand, font=font) > width - 2 * margin and line:
                break
            line = cand
            i += 1
        draw.text((margin, y), line, fill=0, font=font)
        lines.append(line)
        y += round(1.35 * font_px)
    return np.asarray(img, dtype=np.uint8), "\n".join(lines)
