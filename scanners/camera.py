"""Document camera through OpenCV ``VideoCapture``, with auto-capture.

Why auto-capture: staff have both hands on the paper; the kiosk fires when the page has been
still, sharp and well exposed for a few frames, then takes the full-resolution frame. Detection
runs on a downscaled copy (~640 px) so that ~10 fps is reachable on a small PC. After a shot,
a cooldown plus a "page turn" condition (the page left the view, or its content changed
clearly) stop one page from being captured twice.

The same code reads a device index (``/dev/videoN``) or a recorded video file, so the tests
drive the real ``VideoCapture`` path with a file written by ``cv2.VideoWriter``.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import cv2
import numpy as np

from scanners import geometry, quality
from scanners.base import ScannerBase
from scanners.errors import DeviceError, NoDeviceError, NoPageError
from scanners.types import RawImage

PREVIEW_SIDE = 640


@dataclass
class AutoCaptureConfig:
    """Thresholds of the auto-capture state machine (in preview pixels and frames)."""

    stable_frames: int = 5  # consecutive frames with the quad (nearly) still
    max_motion: float = 0.01  # corner motion between frames, share of the frame diagonal
    min_sharpness: float = 0.45  # edge sharpness of the page region (see quality.sharpness)
    min_brightness: float = 90.0  # median paper grey level
    max_clipped: float = 0.02  # share of clipped-white pixels on the page
    cooldown_frames: int = 8  # frames ignored after a shot
    change_threshold: float = 12.0  # mean abs difference of page thumbnails = a new page


@dataclass(frozen=True)
class FrameChecks:
    """What auto-capture saw in one preview frame, for a live status line ("page found, sharp,
    well lit, hold still"). ``lit`` and ``sharp`` are None when not judged on this frame (no
    page, or the page was already captured and waits to be turned or taken away)."""

    found: bool = False  # a page quad inside the view
    cut_off: bool = False  # a page touching the edge of the view
    still: bool = False  # the quad has been still for enough frames (and no cooldown)
    lit: bool | None = None  # neither too dark nor glare
    sharp: bool | None = None
    captured: bool = False  # auto-capture fired on this frame
    waiting_turn: bool = False  # captured before: turn the page or take it away


@dataclass
class AutoCapture:
    """Decides, frame by frame, when to take the shot. Pure: no device inside."""

    config: AutoCaptureConfig = field(default_factory=AutoCaptureConfig)
    _last_quad: np.ndarray | None = None
    _stable: int = 0
    _cooldown: int = 0
    _armed: bool = True
    _last_thumb: np.ndarray | None = None
    status: str = "searching"
    checks: FrameChecks = field(default_factory=FrameChecks)

    @property
    def last_quad(self) -> np.ndarray | None:
        """The page quad of the last frame fed (preview coordinates), None without a page."""
        return None if self._last_quad is None else self._last_quad.copy()

    def _thumb(self, small: np.ndarray, quad: np.ndarray) -> np.ndarray:
        dst = np.array([[0, 0], [63, 0], [63, 89], [0, 89]], np.float32)
        m = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
        grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
        return cv2.warpPerspective(grey, m, (64, 90)).astype(np.float32)

    def feed(self, small: np.ndarray) -> np.ndarray | None:
        """Feed one preview frame; return the page quad (preview coords) when it is time to fire.

        :attr:`status` names the state in one word or two and :attr:`checks` says which
        conditions held; exposure and sharpness are judged on every frame with an armed page
        (not only once it is still), so the live status can say "sharp, well lit" early.
        """
        cfg = self.config
        if self._cooldown > 0:
            self._cooldown -= 1
        found = geometry.find_page_quad(small)
        if found is None or found.touches_edge:
            self._last_quad, self._stable = None, 0
            self._armed = True  # the page left the view: the next page may be captured
            self.status = "searching" if found is None else "page cut off"
            self.checks = FrameChecks(cut_off=found is not None)
            return None
        quad = found.quad
        diag = float(np.hypot(*small.shape[:2]))
        if (
            self._last_quad is not None
            and np.max(np.linalg.norm(quad - self._last_quad, axis=1)) < cfg.max_motion * diag
        ):
            self._stable += 1
        else:
            self._stable = 0
        self._last_quad = quad
        thumb = self._thumb(small, quad)
        turned = (
            not self._armed
            and self._last_thumb is not None
            and self._stable >= cfg.stable_frames
            and float(np.mean(np.abs(thumb - self._last_thumb))) > cfg.change_threshold
        )
        if turned:
            self._armed = True  # page turned in place
        still = self._stable >= cfg.stable_frames and self._cooldown <= 0
        if not self._armed:
            self.status = "turn the page"
            self.checks = FrameChecks(found=True, still=still, waiting_turn=True)
            return None
        page, _ = geometry.warp_quad(small, quad)
        grey = cv2.cvtColor(page, cv2.COLOR_BGR2GRAY)
        median = float(np.median(grey))
        dark = median < cfg.min_brightness
        glare = float(np.mean(grey >= 250)) > cfg.max_clipped and median < 235
        sharp = quality.sharpness(grey, 150.0) >= cfg.min_sharpness
        fire = still and not dark and not glare and sharp
        self.checks = FrameChecks(
            found=True, still=still, lit=not (dark or glare), sharp=sharp, captured=fire
        )
        if not still:
            self.status = "hold still"
            return None
        if dark:
            self.status = "too dark"
            return None
        if glare:
            self.status = "glare"
            return None
        if not sharp:
            self.status = "blurry"
            return None
        self._armed = False
        self._cooldown = cfg.cooldown_frames
        self._last_thumb = thumb
        self._stable = 0
        self.status = "captured"
        return quad


@dataclass(frozen=True)
class CameraFrame:
    """One live frame as :meth:`CameraScanner.watch` yields it: the downscaled preview (nothing
    drawn on it), the page quad in preview coordinates, what auto-capture saw, and the
    full-resolution page when auto-capture fired on this frame."""

    preview: np.ndarray
    quad: np.ndarray | None
    status: str
    checks: FrameChecks
    page: RawImage | None
    full: np.ndarray  # the full-resolution frame, for a capture the staff ask for by key

    def snapshot(self) -> RawImage:
        """This frame at full resolution as a page (the staff's capture key)."""
        return RawImage(self.full, None, "photo", "camera snapshot")


class CameraScanner(ScannerBase):
    """A camera (device index) or a recorded video (path) behind the Scanner protocol.

    :meth:`frames` yields preview frames (downscaled, with the detected quad drawn) and records
    the pages auto-captured meanwhile; :meth:`capture` runs until ``pages`` pages were taken,
    the stream ends, or ``idle_timeout`` seconds pass without a new page.
    """

    name = "camera"

    def __init__(
        self,
        source: int | str = 0,
        *,
        width: int | None = None,
        height: int | None = None,
        pages: int = 50,
        idle_timeout: float = 20.0,
        config: AutoCaptureConfig | None = None,
    ) -> None:
        self.source = source
        self.width, self.height = width, height
        self.pages = pages
        self.idle_timeout = idle_timeout
        self.auto = AutoCapture(config or AutoCaptureConfig())
        self._cap: cv2.VideoCapture | None = None
        self._captured: list[RawImage] = []

    def open(self) -> None:
        cap = cv2.VideoCapture(self.source)
        if not cap.isOpened():
            cap.release()
            raise NoDeviceError(
                "The camera cannot be opened.",
                hint="Check that the document camera is plugged in and not in use.",
            )
        if self.width and self.height:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        self._cap = cap
        self.auto = AutoCapture(self.auto.config)

    def _next(self) -> tuple[np.ndarray, np.ndarray, np.ndarray | None] | None:
        """Read one frame: (full frame, preview, quad when auto-capture fires), None at the end."""
        if self._cap is None:
            self.open()
        assert self._cap is not None
        ok, frame = self._cap.read()
        if not ok or frame is None:
            return None
        h, w = frame.shape[:2]
        scale = min(1.0, PREVIEW_SIDE / max(h, w))
        small = cv2.resize(
            frame, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA
        )
        return frame, small, self.auto.feed(small)

    def _step(self) -> tuple[np.ndarray, np.ndarray | None] | None:
        got = self._next()
        if got is None:
            return None
        frame, small, quad = got
        if quad is not None:
            self._captured.append(
                RawImage(frame.copy(), None, "photo", f"camera page {len(self._captured) + 1}")
            )
        return small, quad

    def frames(self) -> Iterator[np.ndarray]:
        """Preview frames; pages captured meanwhile are returned by the next :meth:`capture`."""
        while True:
            step = self._step()
            if step is None:
                return
            small, _ = step
            if self.auto._last_quad is not None:
                cv2.polylines(small, [self.auto._last_quad.astype(np.int32)], True, (0, 200, 0), 2)
            yield small

    def watch(self) -> Iterator[CameraFrame]:
        """Live frames with what auto-capture saw, for a preview that shows its status.

        A page auto-captured on a frame is handed over in that frame's ``page`` and not kept
        for :meth:`capture`: the caller (the kiosk's preview worker) passes it on at once, so
        no full-resolution frame piles up in memory. Ends when the stream ends.
        """
        shots = itertools.count(1)
        while True:
            got = self._next()
            if got is None:
                return
            frame, small, quad = got
            page = None
            if quad is not None:
                page = RawImage(frame, None, "photo", f"camera page {next(shots)}")
            yield CameraFrame(
                small, self.auto.last_quad, self.auto.status, self.auto.checks, page, frame
            )

    def capture(self) -> list[RawImage]:
        start = last = time.monotonic()
        while len(self._captured) < self.pages:
            step = self._step()
            if step is None:
                break
            now = time.monotonic()
            if step[1] is not None:
                last = now
            elif now - max(last, start) > self.idle_timeout:
                break
        pages, self._captured = self._captured, []
        if not pages:
            raise NoPageError(
                "The camera did not see a steady page.",
                hint="Lay the page flat under the camera and hold it still.",
            )
        return pages

    def snap(self) -> RawImage:
        """Manual capture of the current full-resolution frame (the staff's button)."""
        if self._cap is None:
            self.open()
        assert self._cap is not None
        ok, frame = self._cap.read()
        if not ok:
            raise DeviceError("The camera sent no picture.", hint="Check the camera cable.")
        return RawImage(frame, None, "photo", "camera snapshot")

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
