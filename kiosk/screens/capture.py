"""Capture: one key per document, live status, the last page as a thumbnail, the page count.

Capturing and reading run in thread workers. After each capture the kiosk starts reading
(OCR and sorting) in the background, so staff can go on capturing while Tesseract works;
both take the session lock, so a capture pressed during reading waits its turn, and the
screen says so instead of freezing.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, ProgressBar, Static

from kiosk.base import KioskScreen
from kiosk.i18n import N_, _, _p
from kiosk.modals import ConfirmModal
from kiosk.widgets import Thumbnail

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


def returning_sentence(visit: Any) -> str:
    """What staff learn when a returning person's bundle opens: its version, how many
    documents it holds, and what the drive check found."""
    opened = _("Bundle opened: version {v}, {n} document(s);").format(
        v=visit.version, n=visit.documents
    )
    check = CHECK_SENTENCES.get(visit.check)
    return f"{opened} {_(check)}" if check else opened


class CaptureScreen(KioskScreen):
    STEP = "capture"
    BINDINGS = [
        Binding("space", "capture", show=False),
        Binding("a", "add_page", show=False),
        Binding("f8", "review", show=False),
        Binding("w", "withdraw", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.capturing = False
        self.queued: list[bool] = []  # presses made while a capture runs, in order
        self.reading = False
        self.read_again = False
        self.presses = 0  # for the input-latency benchmark

    def step_title(self) -> str:
        return _("Capture")

    def keys(self) -> list[tuple[str, str]]:
        return [
            ("Space", _("Capture a document")),
            ("A", _("Add a page to the last one")),
            ("F8", _("Review")),
            ("W", _("Consent withdrawn")),
        ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="capture"):
            with Vertical(id="capture-left"):
                yield Label(_("Put the page in place, then press Space"), classes="screen-title")
                yield Static(_("Ready."), id="capture-status")
                yield Static("", id="capture-count")
                yield Static("", id="reading-status")
                yield ProgressBar(total=1.0, show_eta=False, id="reading-progress")
                with Horizontal(classes="buttons"):
                    yield Button(_("Capture"), id="capture-button", variant="primary")
                    yield Button(_("Review"), id="review-button")
            yield Thumbnail(_("No page yet"), id="thumbnail")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#capture-button", Button).focus()
        self.update_count()
        visit = self.kiosk.returning
        session = self.kiosk.session
        if visit is not None and session is not None and not session.drafts:
            self.query_one("#capture-status", Static).update(returning_sentence(visit))

    def on_key(self, event: Any) -> None:
        self.presses += 1

    def update_count(self) -> None:
        session = self.kiosk.session
        if session is None:
            return
        docs = len(session.drafts)
        pages = sum(len(d.pages) for d in session.drafts)
        read = len(session.documents)
        self.query_one("#capture-count", Static).update(
            _("{pages} page(s) in {docs} document(s); {read} read.").format(
                pages=pages, docs=docs, read=read
            )
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "capture-button":
            self.action_capture()
        else:
            self.action_review()

    def action_capture(self, new_document: bool = True) -> None:
        status = self.query_one("#capture-status", Static)
        if self.capturing:  # never lose a press: capture again once this one is done
            self.queued.append(new_document)
            status.update(_("{n} more capture(s) waiting…").format(n=len(self.queued)))
            return
        self.capturing = True
        status.update(_("Waiting for the reading to finish…") if self.reading else _("Capturing…"))

        def job() -> Any:
            scanner = self.kiosk.open_scanner()
            with self.kiosk.lock:
                return self.kiosk.require_session().capture(scanner, new_document=new_document)

        self.run_domain(job, self.captured, group="capture")

    def action_add_page(self) -> None:
        self.action_capture(new_document=False)

    def captured(self, outcome: Any) -> None:
        self.capturing = False
        lines = []
        for page in outcome.accepted:
            lines.append(_("Page found, sharp, captured."))
            self.query_one("#thumbnail", Thumbnail).set_page(page.color)
        for _origin, reasons in outcome.refused:
            lines.append(
                _("Page refused: {why}.").format(
                    why="; ".join(quality_sentence(r) for r in reasons)
                )
            )
        self.query_one("#capture-status", Static).update("\n".join(lines) or _("Nothing came."))
        self.update_count()
        if outcome.accepted:
            self.start_reading()
        if self.queued:
            self.action_capture(self.queued.pop(0))

    def work_failed(self, message: str, hint: str) -> None:
        self.capturing = False
        self.queued.clear()
        self.query_one("#capture-status", Static).update(_("Ready."))
        super().work_failed(message, hint)
        if self.reading:
            self.reading = False
        self.update_count()

    def start_reading(self) -> None:
        if self.reading:
            self.read_again = True
            return
        self.reading = True
        self.query_one("#reading-status", Static).update(_("Reading the documents…"))

        def job(progress: Any) -> Any:
            with self.kiosk.lock:
                return self.kiosk.require_session().analyze(progress)

        self.run_domain(
            job, self.read_done, progress=self.read_progress, group="read", with_progress=True
        )

    def read_progress(self, _token: int, stage: str, fraction: float) -> None:
        self.query_one("#reading-progress", ProgressBar).update(progress=fraction)

    def read_done(self, _documents: Any) -> None:
        self.reading = False
        self.query_one("#reading-status", Static).update(_("All documents read."))
        self.query_one("#reading-progress", ProgressBar).update(progress=1.0)
        self.update_count()
        if self.read_again:
            self.read_again = False
            self.start_reading()
        elif getattr(self, "_review_when_read", False):
            self._review_when_read = False
            self.kapp.goto_review()

    def action_review(self) -> None:
        session = self.kiosk.session
        if session is None or not session.drafts:
            self.kapp.show_error(
                _("There is nothing to review yet."), _("Capture at least one document first.")
            )
            return
        if self.reading or self.capturing or len(session.documents) < len(session.drafts):
            self._review_when_read = True
            self.query_one("#reading-status", Static).update(
                _("Reading the documents… the review opens when it is done.")
            )
            if not self.reading and not self.capturing:
                self.start_reading()
            return
        self.kapp.goto_review()

    def action_withdraw(self) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.kapp.withdraw_consent()

        self.app.push_screen(
            ConfirmModal(
                _p("Do you withdraw your consent? The pages captured so far will be erased."),
                _p("Yes, withdraw and erase"),
                _p("No, continue"),
            ),
            answered,
        )
