"""Sharing: staff and the person choose documents (by document or category, first pages shown)
and a recipient (from the referral directory, or typed), the person is asked for this share
alone, and the copy is written and verified; the recipient slip is printed, or shown here
(one-time passphrase as text and QR) for a photo when there is no printer.

The screen sends one Session command, ``share`` with the person's answer (recorded there as
the consent for this recipient); what may be chosen comes from
:func:`nextstep.sharing.choices.shareable_documents`. It sits on top of the drive screen (or
a return visit's capture screen) and returns to it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from kiosk.base import KioskScreen
from kiosk.i18n import CURRENT, _, _p, display, person_raw, wrap
from kiosk.keymap import bindings, hint
from kiosk.modals import ConfirmModal
from kiosk.support import print_document, printer_of
from kiosk.widgets import Thumbnail
from nextstep.bundle import i18n

TYPED = "__typed__"


def qr_text(matrix: list[list[bool]]) -> Text:
    """A QR code in half-block cells (two modules a cell, dark on white) for a phone to scan."""
    dark, light = "rgb(0,0,0)", "rgb(255,255,255)"
    text = Text(no_wrap=True, overflow="crop")
    rows = matrix + ([[False] * len(matrix[0])] if len(matrix) % 2 else [])
    for y in range(0, len(rows), 2):
        for top, bottom in zip(rows[y], rows[y + 1], strict=True):
            text.append("▀", Style(color=dark if top else light, bgcolor=dark if bottom else light))
        if y + 2 < len(rows):
            text.append("\n")
    return text


def category_name(slug: str, language: str) -> str:
    return i18n.category(slug, language)


class ShareScreen(KioskScreen):
    STEP = "share"
    BINDINGS: ClassVar[list[Any]] = bindings("next:ask", "back")
    CSS = """
    #share-top { height: 9; }
    #share-docs { width: 1fr; height: 9; border: round #ffffff; }
    #share-docs:focus { border: heavy #ffd700; }
    #share-thumb { width: 24; height: 9; }
    #share-who { height: 3; margin-top: 1; }
    #share-service { width: 1fr; }
    #share-name { width: 1fr; }
    #share-actions { height: 3; }
    #share-status { color: #00e5ff; height: auto; }
    /* Chosen or not by shape, not colour alone: an empty box, or a black X on yellow. */
    #share-docs > .selection-list--button,
    #share-docs > .selection-list--button-highlighted { color: #1f1f1f; background: #1f1f1f; }
    #share-docs > .selection-list--button-selected,
    #share-docs > .selection-list--button-selected-highlighted {
        color: #000000; background: #ffd700; text-style: bold;
    }
    #share-second > .toggle--button { color: #1f1f1f; background: #1f1f1f; }
    #share-second.-on > .toggle--button { color: #000000; background: #ffd700; }
    #share-result { height: auto; display: none; }
    #share-qr { width: 31; height: auto; }
    #share-text { width: 1fr; height: auto; padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.documents: list[Any] = []
        self.busy = False
        self.outcome: Any = None
        self.services: list[Any] = []

    def step_title(self) -> str:
        return _("Share with a recipient")

    def keys(self) -> list[tuple[str, str]]:
        if self.outcome is not None:
            return [hint("back")]
        return [hint("next", _("Ask the person and share")), hint("back")]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="share"):
            yield Label(_("Share documents with a recipient"), classes="screen-title")
            with Vertical(id="share-form"):
                with Horizontal(id="share-top"):
                    yield SelectionList[str](id="share-docs")
                    yield Thumbnail(_("No picture"), id="share-thumb")
                with Horizontal(id="share-who"):
                    yield Select[str]([], prompt=_("Recipient"), id="share-service")
                    yield Input(placeholder=_("Name (typed, or a person there)"), id="share-name")
                with Horizontal(id="share-actions"):
                    yield Checkbox(_("Second drive"), id="share-second")
                    yield Button(_("Ask the person"), id="share-ask", variant="primary")
            with Horizontal(id="share-result"):
                yield Static("", id="share-qr")
                yield Static("", id="share-text")
            yield Static("", id="share-status")

    def on_mount(self) -> None:
        super().on_mount()
        # Deferred: nextstep.referral loads Pillow, not needed before this screen is drawn.
        from nextstep.referral import load_directory

        with self.kiosk.lock:  # rendered in the session's process; pictures only cross over
            self.documents = self.kiosk.require_session().shareable()
        lang = CURRENT.staff
        docs = self.query_one("#share-docs", SelectionList)
        categories = list(dict.fromkeys(d.category for d in self.documents))
        for slug in categories:
            count = sum(d.category == slug for d in self.documents)
            label = _("All {category} ({count})").format(
                category=category_name(slug, lang), count=count
            )
            docs.add_option(Selection(label, f"cat:{slug}"))
        for d in self.documents:
            label = _("D{n} {category}, {pages} page(s)").format(
                n=d.number, category=category_name(d.category, lang), pages=d.pages
            )
            if d.earlier:
                label += " · " + _("earlier visit")
            docs.add_option(Selection(label, f"doc:{d.number}"))
        directory = load_directory(data_dir=self.kiosk.settings.data_dir)
        self.directory = directory
        wanted = {d.category for d in self.documents}
        self.services = directory.services_for(wanted) + [
            s for s in directory.services if not wanted.intersection(s.categories)
        ]
        choices = [(_("Typed recipient (name below)"), TYPED)]
        choices += [(s.name, s.id) for s in self.services]
        self.query_one("#share-service", Select).set_options(choices)
        self.query_one("#share-service", Select).value = TYPED
        if not self.kiosk.backup_spec and not self.kiosk.settings.demo:
            self.query_one("#share-second", Checkbox).display = False
        self.show_thumbnail(self.documents[0].number if self.documents else 0)
        if docs.option_count:
            docs.highlighted = 0
        docs.focus()

    # -- choosing --------------------------------------------------------------------------------
    def on_selection_list_selection_highlighted(
        self, event: SelectionList.SelectionHighlighted[str]
    ) -> None:
        value = str(event.selection.value)
        if value.startswith("doc:"):
            self.show_thumbnail(int(value[4:]))
        else:
            first = next((d for d in self.documents if f"cat:{d.category}" == value), None)
            self.show_thumbnail(first.number if first else 0)

    def show_thumbnail(self, number: int) -> None:
        thumb = self.query_one("#share-thumb", Thumbnail)
        doc = next((d for d in self.documents if d.number == number), None)
        thumb.border_title = f"D{number}" if doc else ""
        thumb.set_page(doc.thumbnail if doc is not None else None)

    def chosen(self) -> tuple[tuple[str, ...], tuple[int, ...]]:
        values = [str(v) for v in self.query_one("#share-docs", SelectionList).selected]
        cats = tuple(v[4:] for v in values if v.startswith("cat:"))
        docs = tuple(int(v[4:]) for v in values if v.startswith("doc:"))
        return cats, docs

    def recipient(self) -> Any:
        # Deferred: nextstep.sharing loads OpenCV and Pillow, not needed to draw this screen.
        from nextstep import sharing

        service = self.query_one("#share-service", Select).value
        name = self.query_one("#share-name", Input).value
        if service in (TYPED, Select.BLANK, None):
            return sharing.typed(name)
        return sharing.from_directory(self.directory, str(service), name)

    # -- consent and share ---------------------------------------------------------------------
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "share-ask":
            self.action_ask()

    def action_ask(self) -> None:
        # Deferred: nextstep.sharing loads OpenCV and Pillow, not needed to draw this screen.
        from nextstep import sharing

        if self.busy or self.outcome is not None:
            return
        cats, docs = self.chosen()
        if not cats and not docs:
            self.kapp.show_error(
                _("Choose at least one document or category to share."),
                _("Select with the space bar in the list."),
            )
            return
        recipient = self.guard(self.recipient)
        if recipient is None:
            return
        request = sharing.ShareRequest(
            recipient,
            categories=cats,
            documents=docs,
            drive=self.second_drive(),
        )
        numbers = {d.number for d in self.documents if d.number in docs or d.category in cats}
        names = sorted(
            {
                category_name(d.category, CURRENT.person)
                for d in self.documents
                if d.number in numbers
            }
        )
        question = "\n".join(
            [
                wrap(
                    person_raw(
                        "Do you agree that these documents are sent to this recipient, and only "
                        "to them?"
                    ),
                    CURRENT.person,
                    66,
                ),
                recipient.name,
                display(", ".join(names), CURRENT.person),
            ]
        )

        def answered(yes: bool | None) -> None:
            self.answer(request, bool(yes))

        self.app.push_screen(ConfirmModal(question, _p("Yes"), _p("No"), person=True), answered)

    def second_drive(self) -> str | None:
        box = self.query_one("#share-second", Checkbox)
        return self.kiosk.backup_spec if box.display and box.value else None

    def answer(self, request: Any, yes: bool) -> None:
        """Record the person's answer for this recipient, then share on a yes (one command)."""
        self.busy = True
        status = self.query_one("#share-status", Static)
        status.update(_("Writing and verifying the shared copy…") if yes else "")
        self.share(request, yes)

    @work(thread=True, exclusive=True, group="share", exit_on_error=False)
    def share(self, request: Any, yes: bool) -> Any:
        with self.kiosk.lock:
            return self.kiosk.require_session().share(request, agreed=yes)

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def print_pdf(self, pdf: bytes) -> object:
        return print_document(self.kiosk, pdf, "recipient slip")

    def worker_done(self, group: str, result: object) -> None:
        if group == "share":
            self.shared(result)
        elif group == "print":
            self.query_one("#share-status", Static).update(_("Recipient slip printed."))

    def work_failed(self, group: str, message: str, hint: str) -> None:
        self.busy = False
        self.query_one("#share-status", Static).update("")
        super().work_failed(group, message, hint)

    def shared(self, outcome: Any) -> None:
        self.busy = False
        status = self.query_one("#share-status", Static)
        if outcome is None:
            status.update(_("The person said no: nothing was shared."))
            return
        if not outcome.ok:
            status.update(
                _("Shared copy not written: {sentence}").format(
                    sentence=outcome.report.status.sentence(CURRENT.staff)
                )
            )
            return
        self.outcome = outcome
        self.query_one("#share-form").display = False
        self.query_one("#share-result").display = True
        self.query_one("#share-qr", Static).update(qr_text(outcome.qr))
        lines = [
            _("Shared and verified: {docs} document(s) for {name}.").format(
                docs=outcome.record.documents, name=outcome.record.recipient
            ),
            _("File: {path}").format(path=outcome.pdf_name),
            "",
            _("One-time passphrase for the recipient:"),
            f"[b]{outcome.passphrase}[/b]",
        ]
        self.query_one("#share-text", Static).update("\n".join(lines))
        self.print_slip()
        self.refresh_chrome()

    def print_slip(self) -> None:
        status = self.query_one("#share-status", Static)
        if printer_of(self.kiosk) is None:
            status.update(_("No printer: the person photographs this screen for the recipient."))
            return
        status.update(_("Printing the recipient slip…"))
        self.print_pdf(self.outcome.slip_pdf)

    def action_back(self) -> None:
        if not self.busy:
            self.app.pop_screen()
