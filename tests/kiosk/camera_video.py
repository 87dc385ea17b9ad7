"""A recorded document-camera session for the kiosk tests: written with cv2.VideoWriter and read
back by the real CameraScanner (OpenCV VideoCapture), as tests/scanners/test_camera.py does.

An empty desk, page 1 slid in and held still, taken away, page 2 laid down and held still,
taken away. The pages are printed large enough (x-height ~13 px in the 800x600 frame) to pass
the quality gate, so each auto-captured page reaches the session.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from scanners.synthetic import photo, prose_page

FRAME = (800, 600)  # width, height
HOLD = 10  # frames a page is held still (auto-capture fires on the 6th)
GAP = 30  # desk frames between pages (3 s: a loaded test machine must see page 1 before page 2)


def desk(rng: np.random.Generator) -> np.ndarray:
    return np.clip(rng.normal(60, 3, (FRAME[1], FRAME[0], 3)), 0, 255).astype(np.uint8)


def hold(still: np.ndarray, n: int, rng: np.random.Generator) -> list[np.ndarray]:
    """``n`` frames of the same scene with sensor noise."""
    base = still.astype(np.float32)
    return [np.clip(base + rng.normal(0, 2, base.shape), 0, 255).astype(np.uint8) for _ in range(n)]


def page_shot(seed: int, angle: float, **kw: object) -> np.ndarray:
    """Page ``seed`` photographed on the desk; its own generator, so the pose of each page
    does not depend on how many frames came before."""
    page, _text = prose_page(seed=seed, font_px=40, width=620, height=877)
    rng = np.random.default_rng(100 + seed)
    shot = photo(page, rng, frame=FRAME, angle=angle, blur=0.3, fill=0.8, shadow=False, **kw)  # type: ignore[arg-type]
    return np.clip(shot.image, 0, 255).astype(np.uint8)


def frames(pages: int = 2, lead: int = 3) -> list[np.ndarray]:
    """``lead`` desk frames, then each page slid in, held still, and taken away."""
    rng = np.random.default_rng(11)
    out = [desk(rng) for _ in range(lead)]
    for n in range(pages):
        if n == 0:  # the first page slides in: moving frames first
            out += [page_shot(1, 3, offset=(dx, 0.0)) for dx in (0.25, 0.12)]
        out += hold(page_shot(n + 1, 3 if n % 2 == 0 else -2), HOLD, rng)
        out += [desk(rng) for _ in range(GAP if n < pages - 1 else 2)]
    return out


def record(path: Path, pages: int = 2, lead: int = 3) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, FRAME)
    assert writer.isOpened()
    for f in frames(pages, lead):
        writer.write(f)
    writer.release()
    return path


def still_frame() -> np.ndarray:
    """One frame of page 1 lying on the desk (the frozen preview of the snapshot)."""
    return page_shot(1, 3)


def frozen_frame(feeds: int = 3) -> object:
    """A :class:`scanners.camera.CameraFrame` of :func:`still_frame` after ``feeds`` frames of
    the real auto-capture (page found, not yet still): the same every run."""
    from scanners.camera import PREVIEW_SIDE, AutoCapture, CameraFrame

    full = still_frame()
    h, w = full.shape[:2]
    scale = min(1.0, PREVIEW_SIDE / max(h, w))
    small = cv2.resize(full, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    auto = AutoCapture()
    for _ in range(feeds):
        auto.feed(small)
    return CameraFrame(small, auto.last_quad, auto.status, auto.checks, None, full)
