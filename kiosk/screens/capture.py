"""Capture: the source, one key per document, live status, the last page as a thumbnail,
the page count; with a camera, its live view and auto-capture.

Capturing and reading run in thread workers. After each capture the kiosk starts reading
(OCR and sorting) in the background, so staff can go on capturing while Tesseract works;
both take the session lock, so a capture pressed during reading waits its turn, and the
screen says so instead of freezing.

With a camera source a :class:`kiosk.preview.LiveFeed` worker reads the camera and posts
frames and pages; an auto-captured page goes to the session through the same path as the
capture key (the pixels handed to the session, which runs in its own process). Auto-captured
pages join the current document until staff press N: the next page then starts a new document.
The screen shows what the session's outcomes and views say it holds, never its pages.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, OptionList, ProgressBar, RadioSet, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from kiosk import sources
from kiosk.base import KioskScreen, explain
from kiosk.i18n import N_, _
from kiosk.keymap import bindings, hint
from kiosk.preview import LiveFeed, PageSeen, PreviewFrame, PreviewStopped
from kiosk.screens.share import ShareScreen
from kiosk.widgets import Choice, Thumbnail
from nextstep.visit.outcomes import CaptureOutcome, ReturnVisit, SessionView, thumbnail_pixels

QUALITY_SENTENCES = {
    "too_blurry": N_("too blurry: hold the page still and capture again"),
    "glare": N_("glare on the page: tilt the page or dim the light"),
    "too_dark": N_("too dark: add light and capture again"),
    "page_not_found": N_("no page found: put the whole page in view"),
    "text_too_small": N_("text too small: bring the camera closer or scan at 300 dpi"),
    "cut_off": N_("page cut off at the edge: centre it and capture again"),
}


def quality_sentence(reason: str) -> str:
    return _(QUALITY_SENTENCES[reason]) if reason in QUALITY_SENTENCES else reason


CHECK_SENTENCES = {
    "intact": N_("the copy on the drive was intact."),
    "repaired": N_("the copy on the drive was damaged and has been repaired."),
    "missing_repaired": N_("the bundle file was missing and has been rebuilt."),
    "no_recovery_data": N_("the drive had no recovery data; it is added with this version."),
}


def returning_sentence(visit: ReturnVisit) -> str:
    """What staff learn when a returning person's bundle opens: its version, how many
    documents it holds, and what the drive check found."""
    opened = _("Bundle opened: version {v}, {n} document(s);").format(
        v=visit.version, n=visit.documents
    )
    check = CHECK_SENTENCES.get(visit.check)
    return f"{opened} {_(check)}" if check else opened


class CaptureScreen(KioskScreen):
    STEP = "capture"
    BINDINGS = bindings(
        "capture",
        "add_page",
        "new_document",
        "choose_source",
        "next:review",
        "refuse:withdraw",
        "end_visit",
        "share",
    )

    def __init__(self, *, live: bool = True) -> None:
        super().__init__()
        self.live = live  # False: no camera worker (tests freeze the preview on one frame)
        # presses and pages that came while a capture runs, in order: (new document, pages)
        self.queued: list[tuple[bool, list[Any] | None]] = []
        self.read_again = False
        self.presses = 0  # for the input-latency benchmark
        self.feed: LiveFeed | None = None
        self.snaps: list[bool] = []  # capture-key presses the camera worker is taking
        self.auto_pages = 0  # pages auto-captured by the camera on this screen
        self.new_next = True  # the next camera page starts a new document
        self.live_status: list[str] = []  # the statuses the camera went through (tests)
        self.live_words: list[str] = []  # and what staff read
        self.choices: list[str] = []
        self.held: SessionView | None = None  # the session's last view: what it holds
        self.review_when_read = False  # F8 pressed while reading: review opens after

    def step_title(self) -> str:
        return _("Capture")

    @property
    def camera_mode(self) -> bool:
        return sources.kind_of(self.kiosk.source) == "camera"

    def keys(self) -> list[tuple[str, str]]:
        keys = [hint("capture"), hint("add_page")]
        if self.camera_mode:
            keys.append(hint("new_document"))
        keys += [
            hint("choose_source"),
            hint("next", _("Review")),
            hint("end_visit"),
            hint("refuse", _("Withdraw consent")),
        ]
        if self.kiosk.returning is not None:
            keys.append(hint("share"))
        return keys

    def action_share(self) -> None:
        """A returning person's opened bundle can be shared before anything is added."""
        if self.kiosk.returning is not None and not self.capturing:
            self.app.push_screen(ShareScreen())

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="capture"):
            with Vertical(id="capture-left"):
                yield Label(
                    _("Put the page in place, then press Space"),
                    id="capture-title",
                    classes="screen-title",
                )
                with Horizontal(id="source-row"):
                    yield Label(_("Source:"), id="source-label")
                    available = self.kiosk.backends
                    if available is None:
                        available = sources.availability(self.kapp.preflight_results)
                        self.kiosk.backends = available
                    yield self.source_box(self.choice_list(available or {}))
                yield OptionList(id="files-folders")
                yield Static("", id="live-status")
                yield Static(_("Ready."), id="capture-status")
                yield Static("", id="capture-count")
                yield Static("", id="grouping")
                yield Static("", id="reading-status")
                yield ProgressBar(total=1.0, show_eta=False, id="reading-progress")
                with Horizontal(classes="buttons"):
                    yield Button(_("Capture"), id="capture-button", variant="primary")
                    yield Button(_("Review"), id="review-button")
            with Vertical(id="capture-right"):
                yield Thumbnail(_("Starting the camera…"), id="preview")
                yield Thumbnail(_("No page yet"), id="thumbnail")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#capture-button", Button).focus()
        self.query_one("#preview", Thumbnail).border_title = _("Camera")
        self.query_one("#thumbnail", Thumbnail).border_title = _("Last page")
        if self.kiosk.session is not None:  # a worker: the session may still be reading
            self.load_view()
        if self.kiosk.backends is None:
            self.probe()
        self.apply_source()

    # -- workers: the session's commands and the probes ----------------------------------------
    @property
    def capturing(self) -> bool:
        return self.running("capture")

    @property
    def reading(self) -> bool:
        return self.running("read")

    @work(thread=True, exclusive=True, group="view", exit_on_error=False)
    def load_view(self) -> SessionView:
        with self.kiosk.lock:
            return self.kiosk.require_session().view()

    @work(thread=True, exclusive=True, group="probe", exit_on_error=False)
    def probe(self) -> dict[str, bool]:
        return sources.probe_availability()

    @work(thread=True, exclusive=True, group="capture", exit_on_error=False)
    def capture(self, pages: list[Any] | None, new_document: bool, camera: bool) -> CaptureOutcome:
        """Pages from the chosen source (or the camera's) for the session. The session opens
        the demo samples, files and flatbed itself; the camera is the kiosk's (its live view
        is shown here), and its pixels go straight to the session, which keeps them."""
        raws = pages
        if raws is None and self.kiosk.source_in_session:
            files = self.kiosk.source_files()
            with self.kiosk.lock:
                return self.kiosk.require_session().capture_source(
                    self.kiosk.source, files, new_document=new_document
                )
        if raws is None:
            scanner: Any = self.kiosk.open_scanner()
            raws = [scanner.snap()] if camera and hasattr(scanner, "snap") else None
            if raws is None:
                raws = scanner.capture()
        with self.kiosk.lock:
            return self.kiosk.require_session().capture_pages(raws, new_document=new_document)

    @work(thread=True, exclusive=True, group="read", exit_on_error=False)
    def read(self) -> SessionView:
        """OCR and classification (seconds): progress shown as the session reports it."""

        def progress(stage: str, fraction: float) -> None:
            # Showing progress must never stop the reading (the screen may be gone).
            with contextlib.suppress(Exception):
                self.app.call_from_thread(self.read_progress, stage, fraction)

        with self.kiosk.lock:
            return self.kiosk.require_session().analyze(progress)

    def worker_done(self, group: str, result: object) -> None:
        if group == "capture" and isinstance(result, CaptureOutcome):
            self.captured(result)
        elif group == "read" and isinstance(result, SessionView):
            self.read_done(result)
        elif group == "view" and isinstance(result, SessionView):
            self.first_view(result)
        elif group == "probe" and isinstance(result, dict):
            self.probed(result)

    def work_failed(self, group: str, message: str, hint: str) -> None:
        if group == "capture":
            # presses are dropped (the source failed), pages the camera already took are kept
            self.queued = [q for q in self.queued if q[1] is not None]
            self.query_one("#capture-status", Static).update(_("Ready."))
        super().work_failed(group, message, hint)
        if group == "capture" and self.queued:
            new_document, pages = self.queued.pop(0)
            self.capture_pages(pages, new_document)

    def first_view(self, view: SessionView) -> None:
        self.update_count(view)
        visit = self.kiosk.returning
        if visit is not None and not view.drafts:
            self.query_one("#capture-status", Static).update(returning_sentence(visit))

    def on_key(self, event: Any) -> None:
        self.presses += 1

    # -- source --------------------------------------------------------------------------------
    def choice_list(self, available: dict[str, bool]) -> list[str]:
        """The configured source, then the available others; a typed files path kept."""
        choices = sources.source_choices(self.kiosk.settings, available)
        current = self.kiosk.source
        if sources.kind_of(current) == "files":
            choices = [current if s == "files" else s for s in choices]
        if current not in choices:
            choices.append(current)
        return choices

    def source_box(self, choices: list[str]) -> RadioSet:
        self.choices = choices
        current = self.kiosk.source
        return RadioSet(
            *(Choice(sources.label(spec), value=spec == current) for spec in choices),
            id="source",
        )

    def probed(self, available: dict[str, bool]) -> None:
        """The probes answered (first capture screen without a preflight): offer what they
        found."""
        self.kiosk.backends = available
        choices = self.choice_list(available)
        if choices != self.choices:
            self.call_later(self.rebuild_sources, choices)

    async def rebuild_sources(self, choices: list[str]) -> None:
        """Replace the source list, keeping the focus where it was."""
        old = self.query_one("#source", RadioSet)
        had_focus = old.has_focus
        await old.remove()
        box = self.source_box(choices)
        await self.query_one("#source-row", Horizontal).mount(box)
        if had_focus:
            box.focus()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id != "source":
            return
        spec = self.choices[event.index]
        if spec == self.kiosk.source:
            return
        self.kiosk.set_source(spec)
        self.apply_source()

    def action_choose_source(self) -> None:
        """Go to the source list; with the camera stopped (unplugged, stream ended), also
        start it again."""
        self.query_one("#source", RadioSet).focus()
        if self.camera_mode and self.feed is None and self.live:
            self.start_feed()

    def apply_source(self) -> None:
        """Show what the chosen source needs: the path box for files, the live view for the
        camera (its worker started), nothing else for the demo or the flatbed."""
        self.stop_feed()
        kind = sources.kind_of(self.kiosk.source)
        files = self.query_one("#files-folders", OptionList)
        files.display = kind == "files"
        camera = kind == "camera"
        self.query_one("#preview", Thumbnail).display = camera
        self.query_one("#grouping", Static).display = camera
        self.query_one("#live-status", Static).display = camera
        self.query_one("#thumbnail", Thumbnail).set_class(camera, "small")
        title = self.query_one("#capture-title", Label)
        status = self.query_one("#capture-status", Static)
        if camera:
            title.update(_("Lay the page under the camera: it is captured when still"))
            self.new_next = True
            self.update_grouping()
            if self.live:
                self.start_feed()
        elif kind == "files":
            title.update(_("Choose the folder on the person's USB key, then Space for each file"))
            self.list_folders(files, status)
        else:
            title.update(_("Put the page in place, then press Space"))
        self.refresh_chrome()

    def list_folders(self, files: OptionList, status: Static) -> None:
        """The folders holding files on mounted USB keys: staff pick one, nothing is typed."""
        folders = sources.media_folders(sources.media_roots(self.kiosk.settings))
        files.clear_options()
        files.add_options([Option(str(f), id=str(f)) for f in folders])
        _kind, _sep, chosen = self.kiosk.source.partition(":")
        if not folders:
            status.update(_("No USB key with files is plugged in: plug it in, then F2 again."))
            return
        status.update(_("Choose the folder of the person's files, then Enter."))
        files.highlighted = next((n for n, f in enumerate(folders) if str(f) == chosen), 0)
        files.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "files-folders" or event.option.id is None:
            return
        path = event.option.id
        try:
            found = sources.list_files(path)
        except Exception as exc:  # noqa: BLE001 - the modal says what to do
            self.kapp.show_error(*explain(exc))
            return
        spec = f"files:{path}"
        self.kiosk.set_source(spec)
        self.choices = [spec if sources.kind_of(s) == "files" else s for s in self.choices]
        self.query_one("#capture-status", Static).update(
            _("{n} file(s) found: press Space to read the next one.").format(n=len(found))
        )
        self.query_one("#capture-button", Button).focus()

    # -- camera --------------------------------------------------------------------------------
    def start_feed(self) -> None:
        """Open the camera in a worker thread that posts frames and pages to this screen."""
        self.kiosk.close_scanner()  # one reader per device: the kiosk's scanner lets go
        try:
            camera: Any = self.kiosk.make_source_scanner()
        except Exception as exc:  # noqa: BLE001
            self.kapp.show_error(*explain(exc))
            return
        if not hasattr(camera, "watch"):
            return  # a camera without a live view: the capture key only
        preview = self.query_one("#preview", Thumbnail)
        preview.set_placeholder(_("Starting the camera…"))
        width = max(8, preview.content_size.width or 38)
        height = max(4, preview.content_size.height or 12)

        def cancelled() -> bool:
            return get_current_worker().is_cancelled

        feed = LiveFeed(camera, self.post_message, size=(width, height), cancelled=cancelled)
        self.feed = feed
        self.run_worker(feed.run, thread=True, group="camera", exit_on_error=False)

    def stop_feed(self) -> None:
        if self.feed is not None:
            self.feed.stop()
            self.feed = None
        self.snaps.clear()

    def on_unmount(self) -> None:
        self.stop_feed()

    def on_screen_suspend(self, _event: events.ScreenSuspend) -> None:
        if self.feed is not None:  # a modal is shown: no page is taken meanwhile
            self.feed.pause()

    def on_screen_resume(self, _event: events.ScreenResume) -> None:
        if self.feed is not None:
            self.feed.resume()

    def on_preview_frame(self, message: PreviewFrame) -> None:
        if self.feed is None or not self.alive:
            return
        self.show_preview(message)
        self.feed.shown()

    def show_preview(self, message: PreviewFrame) -> None:
        """Draw one live frame and its status (the worker's message, or a frozen one)."""
        self.query_one("#preview", Thumbnail).set_page(message.pixels)
        if not self.live_status or self.live_status[-1] != message.status:
            self.live_status.append(message.status)
        if not self.live_words or self.live_words[-1] != message.words:
            self.live_words.append(message.words)
        self.query_one("#live-status", Static).update(message.words)

    def on_page_seen(self, message: PageSeen) -> None:
        session = self.kiosk.session
        if self.feed is None or not self.alive or session is None or session.ended:
            return  # left the screen, or the session was wiped: the page is dropped
        if message.auto:
            self.auto_pages += 1
            new = self.new_next
            self.new_next = False
        else:
            new = self.snaps.pop(0) if self.snaps else True
            self.new_next = False
        self.update_grouping()
        self.capture_pages([message.raw], new)

    def on_preview_stopped(self, message: PreviewStopped) -> None:
        self.feed = None
        self.snaps.clear()
        if not self.alive:
            return
        self.query_one("#preview", Thumbnail).set_placeholder(_("The camera is stopped."))
        self.query_one("#preview", Thumbnail).set_page(None)
        self.query_one("#live-status", Static).update(
            _("The camera is stopped. Space still takes a picture; F2 to restart it.")
        )
        if message.message:
            self.kapp.show_error(message.message, message.hint)

    def action_new_document(self) -> None:
        self.new_next = True
        self.update_grouping()

    def update_grouping(self) -> None:
        if self.new_next:
            nxt = _("next page: new document")
        else:
            nxt = _("next page: same document (F3: new document)")
        self.query_one("#grouping", Static).update(
            _("Auto-capture: {n} page(s); {next}.").format(n=self.auto_pages, next=nxt)
        )

    # -- capture -------------------------------------------------------------------------------
    def update_count(self, view: SessionView | None = None) -> None:
        if view is not None:
            self.held = view
        if self.held is None:
            return
        docs, pages, read = self.held.drafts, self.held.pages, len(self.held.documents)
        self.query_one("#capture-count", Static).update(
            _("{pages} page(s) in {docs} document(s); {read} read.").format(
                pages=pages, docs=docs, read=read
            )
        )
        if pages:  # back from review: never "no page yet" while pages are held
            self.query_one("#thumbnail", Thumbnail).set_placeholder(
                _("{pages} page(s) held").format(pages=pages)
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "capture-button":
            self.action_capture()
        else:
            self.action_review()

    def action_capture(self, new_document: bool = True) -> None:
        if self.feed is not None:  # the camera worker takes the next frame
            self.snaps.append(new_document)
            self.feed.snap()
            self.query_one("#capture-status", Static).update(_("Capturing…"))
            return
        self.capture_pages(None, new_document)

    def capture_pages(self, pages: list[Any] | None, new_document: bool) -> None:
        """Capture from the chosen source (``pages`` None) or hand the camera's pages to the
        session; one at a time, the others queued in order."""
        status = self.query_one("#capture-status", Static)
        if self.capturing:  # never lose a press or a page: capture once this one is done
            self.queued.append((new_document, pages))
            status.update(_("{n} more capture(s) waiting…").format(n=len(self.queued)))
            return
        status.update(_("Waiting for the reading to finish…") if self.reading else _("Capturing…"))
        self.capture(pages, new_document, self.camera_mode)

    def action_add_page(self) -> None:
        self.action_capture(new_document=False)

    def captured(self, outcome: CaptureOutcome) -> None:
        lines = [_("Page found, sharp, captured.")] * outcome.accepted
        if outcome.thumbnail:
            self.query_one("#thumbnail", Thumbnail).set_page(thumbnail_pixels(outcome.thumbnail))
        for refusal in outcome.refused:
            lines.append(
                _("Page refused: {why}.").format(
                    why="; ".join(quality_sentence(r) for r in refusal.reasons)
                )
            )
        self.query_one("#capture-status", Static).update("\n".join(lines) or _("Nothing came."))
        self.update_count(outcome.view)
        if self.camera_mode:
            self.update_grouping()
        if outcome.accepted:
            self.start_reading()
        if self.queued:
            new_document, pages = self.queued.pop(0)
            self.capture_pages(pages, new_document)

    def start_reading(self) -> None:
        if self.reading:
            self.read_again = True
            return
        self.query_one("#reading-status", Static).update(_("Reading the documents…"))
        self.read()

    def read_progress(self, stage: str, fraction: float) -> None:
        if not self.alive:
            return
        self.query_one("#reading-progress", ProgressBar).update(progress=fraction)

    def read_done(self, view: SessionView) -> None:
        self.query_one("#reading-status", Static).update(_("All documents read."))
        self.query_one("#reading-progress", ProgressBar).update(progress=1.0)
        self.update_count(view)
        if self.read_again:
            self.read_again = False
            self.start_reading()
        elif self.review_when_read:
            self.review_when_read = False
            self.kapp.goto_review()

    def action_review(self) -> None:
        held = self.held
        if self.kiosk.session is None or held is None or not held.drafts:
            self.kapp.show_error(
                _("There is nothing to review yet."), _("Capture at least one document first.")
            )
            return
        if self.reading or self.capturing or held.unread:
            self.review_when_read = True
            self.query_one("#reading-status", Static).update(
                _("Reading the documents… the review opens when it is done.")
            )
            if not self.reading and not self.capturing:
                self.start_reading()
            return
        self.kapp.goto_review()

    def action_withdraw(self) -> None:
        self.kapp.ask_withdraw_consent()

    def action_end_visit(self) -> None:
        """Finish without withdrawing (a returning person who came only for the drive check,
        or nothing worth keeping): nothing is written, the session is wiped, the end screen
        says so."""
        if self.capturing or self.reading:
            return
        self.kapp.ask_end_visit()
