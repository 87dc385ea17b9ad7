"""The capture screen's sources: choosing one by keyboard, the camera's live view and
auto-capture read from a recorded video through the real OpenCV VideoCapture path, and files
from a folder on the person's USB key.

The camera test plays tests/kiosk/camera_video.py's recording (two pages laid down in turn) at
the live view's ~10 frames a second; each auto-captured page goes through the session's real
capture (page processing, quality gate) and reading (Tesseract) like a key press would.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from tests.kiosk.camera_video import record
from tests.kiosk.drive import screen_name, until


def open_session(kiosk: Any) -> Any:
    from nextstep import consent

    kiosk.staff = "demo"
    session = kiosk.start_session("fr")
    session.give_consent({p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS})
    return session


async def wait_for(pilot: Any, app: Any, check: Any, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if screen_name(app) == "ErrorModal":
            raise AssertionError(f"error modal: {app.screen.message} / {app.screen.hint}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(0.02)


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector).render())


def test_camera_auto_capture_adds_each_page_once(make_kiosk: Any, tmp_path: Path) -> None:
    from kiosk.app import KioskApp
    from kiosk.screens.capture import CaptureScreen

    video = record(tmp_path / "session.avi")
    kiosk: Any = make_kiosk(scanner=f"camera:{video}")
    session = open_session(kiosk)
    app: Any = KioskApp(kiosk, first="none")
    seen: dict[str, Any] = {}

    async def run() -> None:
        async with app.run_test(size=(110, 34)) as pilot:
            screen = CaptureScreen()
            await app.push_screen(screen)
            await pilot.pause()
            assert screen.choices[:2] == ["demo", f"camera:{video}"]
            assert not screen.query_one("#preview").display  # demo: no live view
            # F2 goes to the source list; Down and Enter choose the camera.
            await pilot.press("f2", "down", "enter")
            await pilot.pause()
            assert kiosk.source == f"camera:{video}" and screen.feed is not None
            feed = screen.feed
            assert screen.query_one("#preview").display
            await wait_for(pilot, app, lambda: screen.auto_pages == 1, "the first page")
            # Input is handled while the camera worker runs: N (new document) takes effect
            # at once, before the second page is laid down.
            presses = screen.presses
            await pilot.press("f3")
            assert screen.presses == presses + 1 and screen.new_next
            assert screen.auto_pages == 1 and screen.feed is feed and feed.frames > 0
            assert "nouveau document" in text_of(screen, "#grouping")
            await wait_for(pilot, app, lambda: screen.auto_pages == 2, "the second page")
            # The recording ends: the worker stops and closes the camera.
            await wait_for(pilot, app, lambda: screen.feed is None, "the end of the video")
            await wait_for(
                pilot,
                app,
                lambda: not screen.capturing and not screen.reading,
                "capture and reading",
                timeout=120,
            )
            seen["camera_closed"] = feed.camera._cap is None
            seen["statuses"] = list(screen.live_status)
            seen["words"] = list(screen.live_words)
            seen["count"] = text_of(screen, "#capture-count")
            seen["last"] = screen.query_one("#thumbnail")._pixels is not None

    asyncio.run(run())
    # Exactly the two pages, each in its own document (N was pressed between them), read.
    assert [len(d.pages) for d in session.drafts] == [1, 1]
    assert len(session.documents) == 2
    assert seen["count"].startswith("2 page(s) dans 2 document(s)")
    assert seen["last"] and seen["camera_closed"]
    statuses = seen["statuses"]
    assert statuses.count("captured") == 2
    assert statuses.index("hold still") < statuses.index("captured")
    words = seen["words"]
    assert any(w.startswith("Page trouvée") and "ne bougez plus" in w for w in words), words
    assert any("capturée" in w for w in words), words
    # (How fast keys are handled while the camera runs is measured in benchmarks/kiosk.py.)
    events = [e.event for e in kiosk.audit.entries()]
    assert events.count("page_captured") == 2 and "page_refused" not in events


def test_camera_key_pause_and_leaving_the_screen(make_kiosk: Any, tmp_path: Path) -> None:
    """Space takes the camera's current frame through the worker; a modal pauses the live
    view; leaving the screen stops the worker and closes the camera."""
    from kiosk.app import KioskApp
    from kiosk.modals import ErrorModal
    from kiosk.screens.capture import CaptureScreen

    # 15 s of empty desk first: the key's picture is the only outcome, however slow the machine
    # (no page lies still long enough for auto-capture while the test runs).
    video = record(tmp_path / "session.avi", pages=1, lead=150)
    kiosk: Any = make_kiosk(scanner=f"camera:{video}")
    open_session(kiosk)
    kiosk.source = f"camera:{video}"
    app: Any = KioskApp(kiosk, first="none")

    def outcomes() -> int:
        events = [e.event for e in kiosk.audit.entries()]
        return events.count("page_captured") + events.count("page_refused")

    async def run() -> None:
        async with app.run_test(size=(110, 34)) as pilot:
            screen = CaptureScreen()
            await app.push_screen(screen)
            await wait_for(pilot, app, lambda: bool(screen.live_status), "a live frame")
            feed = screen.feed
            assert feed is not None and feed.camera._cap is not None
            await pilot.press("space")  # the frame in view now, whatever it shows
            await wait_for(pilot, app, lambda: outcomes() == 1, "the key's picture")
            assert screen.snaps == []
            # a modal over the screen pauses the live view (no page taken meanwhile)
            app.push_screen(ErrorModal("test", ""))
            await pilot.pause(0.3)
            paused_at = feed.frames
            await pilot.pause(0.5)
            assert feed.frames <= paused_at + 1
            app.pop_screen()
            await wait_for(pilot, app, lambda: feed.frames > paused_at + 2, "the view resumed")
            app.pop_screen()  # leave the capture screen
            await wait_for(pilot, app, lambda: feed.camera._cap is None, "the camera closed")
            assert not any(w.is_running for w in app.workers if w.group == "camera")
            left_at = feed.frames
            await pilot.pause(0.3)
            assert feed.frames == left_at

    asyncio.run(run())


def test_live_status_words_and_thumbnail() -> None:
    """What staff read for each state, and the quad drawn on the thumbnail: yellow while the
    page moves, green once it is still."""
    import numpy as np

    from kiosk.preview import frame_message, status_words
    from scanners.camera import CameraFrame, FrameChecks
    from tests.kiosk.camera_video import frozen_frame

    assert status_words("searching", FrameChecks()) == "Aucune page en vue."
    assert status_words("page cut off", FrameChecks(cut_off=True)).startswith("Page coupée")
    moving = FrameChecks(found=True, lit=True, sharp=False)
    assert (
        status_words("hold still", moving) == "Page trouvée, floue, bien éclairée, ne bougez plus."
    )
    glare = FrameChecks(found=True, still=True, lit=False, sharp=True)
    assert status_words("glare", glare) == "Page trouvée, nette, reflets."
    assert "trop sombre" in status_words("too dark", glare)
    assert "capturée" in status_words("captured", FrameChecks(found=True, captured=True))
    assert status_words("turn the page", FrameChecks(found=True, waiting_turn=True)).startswith(
        "Capturée"
    )

    frame: Any = frozen_frame()
    assert frame.quad is not None and frame.status == "hold still"
    yellow = frame_message(frame, (38, 14)).pixels
    assert yellow.shape[1] <= 38 and yellow.shape[0] <= 28
    still = CameraFrame(
        frame.preview, frame.quad, "captured", FrameChecks(found=True, still=True), None, frame.full
    )
    green = frame_message(still, (38, 14)).pixels

    def share(img: np.ndarray, bgr: tuple[int, int, int]) -> float:
        return float(np.mean(np.all(img == bgr, axis=2)))

    assert share(yellow, (0, 215, 255)) > 0.05 and share(yellow, (0, 255, 0)) == 0
    assert share(green, (0, 255, 0)) > 0.05 and share(green, (0, 215, 255)) == 0
    # the frame itself is not drawn on: the worker's preview stays clean
    assert not np.any(np.all(frame.preview == (0, 215, 255), axis=2))


def test_files_source_reads_a_folder_on_the_usb_key(
    make_kiosk: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.app import KioskApp
    from kiosk.screens.capture import CaptureScreen
    from scanners.demo import sample_dir

    media = tmp_path / "media"  # stands for /media: where USB keys are mounted
    key = media / "KEY" / "wand"
    key.mkdir(parents=True)
    (media / "KEY" / "empty").mkdir()  # no files: not offered
    outside = tmp_path / "elsewhere"  # files outside the media: never offered
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"x")
    first = sorted(sample_dir().glob("*.png"))[0]
    shutil.copy(first, key / "photo.png")
    (key / "a-scan.jpg").write_text("not a picture, whatever its name says")
    kiosk: Any = make_kiosk(extra={"media_roots": str(media)})
    session = open_session(kiosk)
    app: Any = KioskApp(kiosk, first="none")

    async def run() -> None:
        async with app.run_test(size=(110, 34)) as pilot:
            screen = CaptureScreen()
            await app.push_screen(screen)
            await pilot.pause()
            assert screen.choices == ["demo", "files"]
            await pilot.press("f2", "down", "enter")
            await pilot.pause()
            assert kiosk.source == "files"
            # The folders with files on the mounted media are listed; nothing is typed.
            folders = screen.query_one("#files-folders")
            assert app.focused is folders
            offered = [str(folders.get_option_at_index(i).id) for i in range(folders.option_count)]
            assert offered == [str(key)]
            await pilot.press("enter")
            await pilot.pause()
            assert kiosk.source == f"files:{key}" and screen_name(app) == "CaptureScreen"
            assert "2 fichier(s)" in text_of(screen, "#capture-status")
            # a text file named .jpg (the first file) is refused with its reason
            await pilot.press("space")
            await until(pilot, app, "ErrorModal")
            assert "whatever its name says" in app.screen.message
            await pilot.press("enter")
            await until(pilot, app, "CaptureScreen")
            assert session.drafts == []
            await pilot.press("space")  # the photo: its pixels become a page
            await wait_for(pilot, app, lambda: bool(session.drafts), "the photo")
            assert [len(d.pages) for d in session.drafts] == [1]
            assert session.drafts[0].pages[0].origin == "file page 1/1"

    asyncio.run(run())
    # The path names the person's key: it is forgotten with the session.
    kiosk.wipe()
    assert kiosk.source == "demo"


def test_source_choices_follow_the_probes() -> None:
    from kiosk.sources import availability, label, source_choices
    from nextstep.config import Settings
    from scanners.probe import ToolProbe

    production = Settings(scanner="sane:test:0")
    found = {"camera": True, "sane": True, "files": True, "demo": True}
    # the configured device first; no demo samples outside demo mode
    assert source_choices(production, found) == ["sane:test:0", "camera", "files"]
    assert source_choices(production, {"files": True}) == ["sane:test:0", "files"]
    demo = Settings(demo=True, scanner="camera:2")
    assert source_choices(demo, {"camera": False, "files": True, "demo": True}) == [
        "demo",
        "camera:2",
        "files",
    ]
    rows = [
        ToolProbe("tesseract", True, ""),
        ToolProbe("scanner:camera", False, ""),
        ToolProbe("scanner:files", True, ""),
    ]
    assert availability(rows) == {"camera": False, "files": True}
    assert availability(None) is None
    assert label("camera:/media/rec/session.avi").endswith("session.avi)")
    assert "test:0" in label("sane:test:0")


def test_make_scanner_builds_each_kind(tmp_path: Path) -> None:
    from kiosk.sources import CapturedPages, list_files, make_scanner
    from nextstep.config import Settings
    from nextstep.errors import NextStepError
    from scanners.camera import CameraScanner
    from scanners.demo import DemoScanner
    from scanners.errors import ScanError
    from scanners.files import FileScanner
    from scanners.protocol import Scanner
    from scanners.sane import SaneScanner

    settings = Settings()
    assert isinstance(make_scanner(settings, "demo"), DemoScanner)
    assert isinstance(make_scanner(settings, "sane:test:0"), SaneScanner)
    camera = make_scanner(settings, "camera:/tmp/v.avi")
    assert isinstance(camera, CameraScanner) and camera.source == "/tmp/v.avi"
    indexed = make_scanner(settings, "camera:1")
    assert isinstance(indexed, CameraScanner) and indexed.source == 1
    (tmp_path / "a.png").write_bytes(b"x")
    (tmp_path / ".hidden").write_bytes(b"x")
    files = make_scanner(settings, f"files:{tmp_path}")
    assert isinstance(files, FileScanner) and files.documents == 1
    with pytest.raises(NextStepError) as info:
        make_scanner(settings, "files")
    assert info.value.hint
    (tmp_path / "empty").mkdir()
    with pytest.raises(NextStepError):
        list_files(str(tmp_path / "empty"))
    with pytest.raises(ScanError) as unknown:  # built by scanners.sources, as in the session
        make_scanner(settings, "flatbed")
    assert "flatbed" in unknown.value.message and unknown.value.hint
    pages = CapturedPages(["raw"])  # type: ignore[list-item]
    assert isinstance(pages, Scanner)
    assert pages.capture() == ["raw"] and pages.capture() == []
