"""The camera's live view on the capture screen: a thread reads the camera, the UI shows it.

Why a thread that only posts messages: reading a video device blocks, and page detection costs
~20 ms a frame; the UI thread must stay free for keys. :class:`LiveFeed` runs in a Textual
thread worker, reads :meth:`scanners.camera.CameraScanner.watch` paced to about 10 frames a
second, and posts :class:`PreviewFrame` (a small thumbnail with the page quad drawn, and the
status in words), :class:`PageSeen` (a full-resolution page to hand to the session) and, at the
end, :class:`PreviewStopped`. It never touches a widget. The same thread opens and closes the
camera, so a device is never released while another thread reads it.

Frames stay in memory; nothing of them is written anywhere. A new preview frame is posted only
once the screen has shown the previous one, so a busy UI never builds a queue of pictures.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import cv2
import numpy as np
from textual.message import Message

from kiosk.i18n import _

FPS = 10.0


class PreviewFrame(Message):
    """One live frame: ``pixels`` is the thumbnail (BGR, quad drawn), ``words`` the status."""

    def __init__(self, pixels: np.ndarray, words: str, status: str, checks: Any) -> None:
        super().__init__()
        self.pixels = pixels
        self.words = words
        self.status = status
        self.checks = checks


class PageSeen(Message):
    """A full-resolution page: auto-captured, or taken because staff pressed the key."""

    def __init__(self, raw: Any, *, auto: bool) -> None:
        super().__init__()
        self.raw = raw
        self.auto = auto


class PreviewStopped(Message):
    """The feed ended: the stream ended or was stopped (empty message) or failed."""

    def __init__(self, message: str = "", hint: str = "") -> None:
        super().__init__()
        self.message = message
        self.hint = hint


def status_words(status: str, checks: Any) -> str:
    """The live status as staff read it: what is right and what to do."""
    if checks.captured or status == "captured":
        return _("Page found, sharp, well lit: captured.")
    if checks.waiting_turn:
        return _("Captured. Turn the page or take it away.")
    if checks.cut_off:
        return _("Page cut off at the edge: centre it.")
    if not checks.found:
        return _("No page in view.")
    parts = [_("Page found")]
    if checks.sharp is not None:
        parts.append(_("sharp") if checks.sharp else _("not sharp"))
    if checks.lit is not None:
        if checks.lit:
            parts.append(_("well lit"))
        else:
            parts.append(_("glare") if status == "glare" else _("too dark"))
    if not checks.still:
        parts.append(_("hold still"))
    return ", ".join(parts) + "."


def thumbnail(frame: Any, width: int, height: int) -> np.ndarray:
    """The preview shrunk to ``width`` x ``2*height`` pixels (half-block cells), with the
    detected page quad drawn: green once the page is still or captured, yellow before."""
    small = np.asarray(frame.preview)
    h, w = small.shape[:2]
    scale = min(width / w, (2 * height) / h)
    tw, th = max(1, round(w * scale)), max(2, round(h * scale))
    thumb = cv2.resize(small, (tw, th), interpolation=cv2.INTER_AREA)
    if frame.quad is not None:
        checks = frame.checks
        colour = (0, 255, 0) if checks.still or checks.captured else (0, 215, 255)
        pts = (np.asarray(frame.quad, np.float32) * scale).round().astype(np.int32)
        cv2.polylines(thumb, [pts], True, colour, 1)
    return thumb


def frame_message(frame: Any, size: tuple[int, int]) -> PreviewFrame:
    """The message the worker posts for one frame (also used to freeze a frame in tests)."""
    return PreviewFrame(
        thumbnail(frame, *size),
        status_words(frame.status, frame.checks),
        frame.status,
        frame.checks,
    )


class LiveFeed:
    """Reads the camera in a worker thread and posts messages; controlled from the UI thread
    through events (stop, pause, take a picture, the last frame was shown)."""

    def __init__(
        self,
        camera: Any,
        post: Callable[[Message], Any],
        *,
        size: tuple[int, int],
        fps: float = FPS,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> None:
        self.camera = camera
        self.post = post
        self.size = size
        self.period = 1.0 / fps
        self.cancelled = cancelled
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._snap = threading.Event()
        self._shown = threading.Event()
        self._shown.set()
        self.frames = 0

    # -- from the UI thread -------------------------------------------------------------------
    def stop(self) -> None:
        self._stop.set()
        self._running.set()  # wake a paused loop so it can end

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def snap(self) -> None:
        """Take the next frame at full resolution as a page (the capture key)."""
        self._snap.set()

    def shown(self) -> None:
        """The screen has drawn the last preview frame: the next one may be posted."""
        self._shown.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set() or self.cancelled()

    # -- in the worker thread -----------------------------------------------------------------
    def run(self) -> None:
        from kiosk.base import explain

        try:
            next_at = time.monotonic()
            for frame in self.camera.watch():
                while not self._running.is_set() and not self.stopped:
                    self._running.wait(0.1)
                if self.stopped:
                    break
                self.frames += 1
                page, auto = frame.page, True
                if self._snap.is_set():  # the key asks for this frame (or its auto page)
                    self._snap.clear()
                    page, auto = page if page is not None else frame.snapshot(), False
                if page is not None:
                    self.post(PageSeen(page, auto=auto))
                if self._shown.is_set() or page is not None:
                    self._shown.clear()
                    self.post(frame_message(frame, self.size))
                next_at += self.period
                delay = next_at - time.monotonic()
                if delay > 0:
                    self._stop.wait(delay)
                else:
                    next_at = time.monotonic()
        except Exception as exc:  # noqa: BLE001 - a camera failure becomes a sentence
            self.post(PreviewStopped(*explain(exc)))
        else:
            self.post(PreviewStopped())
        finally:
            self.camera.close()
