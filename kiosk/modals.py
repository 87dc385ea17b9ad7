"""Modal dialogs: errors (what happened, what to do), the staff PIN, inactivity, choices.

Modals carry their own bindings only for Escape/Enter; they never offer a way out of the
kiosk except :class:`PinModal` used for the staff exit, which checks the PIN first.
"""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from kiosk.i18n import _, _p


class ErrorModal(ModalScreen[None]):
    """A failure in one plain sentence plus what to do; never a traceback."""

    AUTO_FOCUS = "#ok"
    BINDINGS = [Binding("escape,enter", "close", show=False)]

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__()
        self.message = message
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="error"):
            yield Label(_("Something needs your attention"), classes="dialog-title")
            yield Static(self.message, id="error-message")
            if self.hint:
                yield Static(_("What to do: {hint}").format(hint=self.hint), id="error-hint")
            yield Button(_("OK"), id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class PinModal(ModalScreen[str | None]):
    """Ask the signed-in staff member's PIN; returns the PIN typed, or None if cancelled."""

    AUTO_FOCUS = "#pin"
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, prompt: str, note: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.prompt, classes="dialog-title")
            if self.note:
                yield Static(self.note, id="pin-note")
            yield Input(password=True, id="pin", placeholder=_("PIN"))
            with Horizontal(classes="buttons"):
                yield Button(_("Confirm"), id="ok", variant="primary")
                yield Button(_("Cancel"), id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.query_one("#pin", Input).value if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class InactivityModal(ModalScreen[bool]):
    """ "Are you still there?" with a countdown; True if someone answered."""

    BINDINGS = [Binding("escape", "stay", show=False)]

    def __init__(self, seconds: int) -> None:
        super().__init__()
        self.left = seconds

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_p("Are you still there?"), classes="dialog-title")
            yield Static(self._text(), id="countdown")
            yield Button(_p("Yes, continue"), id="stay", variant="primary")

    def _text(self) -> str:
        return _p(
            "Without an answer, this session ends and its pages are erased in {seconds} seconds."
        ).format(seconds=self.left)

    AUTO_FOCUS = "#stay"

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.dismiss(False)
            return
        self.query_one("#countdown", Static).update(self._text())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(True)

    def action_stay(self) -> None:
        self.dismiss(True)


class ChoiceModal(ModalScreen[str | None]):
    """Pick one value from a list (a category, a deadline kind)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, choices: list[tuple[str, str]], current: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(
                *[Option(label, id=value) for value, label in self.choices], id="choices"
            )

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        options.focus()
        for n, (value, _label) in enumerate(self.choices):
            if value == self.current:
                options.highlighted = n

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DateModal(ModalScreen[dt.date | None]):
    """Type a date as YYYY-MM-DD (or DD/MM/YYYY, the Belgian way); re-asks until valid."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, current: dt.date | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(
                value=self.current.strftime("%d/%m/%Y") if self.current else "",
                placeholder=_("DD/MM/YYYY"),
                id="date",
            )
            yield Static("", id="date-error")

    AUTO_FOCUS = "#date"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        parsed = parse_date(event.value)
        if parsed is None:
            self.query_one("#date-error", Static).update(
                _("This is not a date: type it as DD/MM/YYYY.")
            )
            return
        self.dismiss(parsed)

    def action_cancel(self) -> None:
        self.dismiss(None)


def parse_date(text: str) -> dt.date | None:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


class ConfirmModal(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "no", show=False)]

    def __init__(self, question: str, yes: str, no: str, *, person: bool = False) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.person = person

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(self.no, id="no", variant="primary")

    AUTO_FOCUS = "#no"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_no(self) -> None:
        self.dismiss(False)


class HelpModal(ModalScreen[None]):
    """F1: every key of the current screen with what it does, in the staff's language (the
    key bar may show only the first ones on a narrow screen)."""

    AUTO_FOCUS = "#ok"
    BINDINGS = [Binding("escape,enter,f1", "close", show=False)]

    def __init__(self, title: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.keys = keys

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _label in self.keys), default=3)
        lines = [f"{key.rjust(width)}  {label}" for key, label in self.keys]
        with Vertical(id="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(id="help-scroll"):  # at 80x24 the review's keys scroll
                yield Static("\n".join(lines), id="help-keys", markup=False)
            yield Button(_("OK"), id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
