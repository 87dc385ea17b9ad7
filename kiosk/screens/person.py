"""Person-facing screens: language choice and consent (each purpose its own choice).

These screens speak the person's language (staff guidance stays in the key bar in the staff's
language). Consent has no pre-ticked answer: each purpose is a yes/no pair with neither
selected, and continuing needs an answer for each. Refusing everything is one button and is
recorded like any other answer, without losing help that needs no consent.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Collapsible, Label, RadioSet, Select, Static

from kiosk.base import KioskScreen
from kiosk.endings import Ending
from kiosk.i18n import CURRENT, LANGUAGES, Np_, _, _p, display, person_raw, set_languages, wrap
from kiosk.widgets import Choice
from nextstep.visit.outcomes import SessionView

# Labels of the consent purposes, by the purpose ids of nextstep.consent.
PURPOSE_LABELS: dict[str, str] = {
    "digitize_store": Np_("Digitise my documents and store them, encrypted, on my own USB drive."),
    "print_keycard": Np_("Print a key card with the passphrase that opens my documents."),
    "recovery_escrow": Np_(
        "Let the organisation keep a sealed copy of my passphrase, to help me "
        "if I lose my key card."
    ),
    "share_recipient": Np_("Send my documents to a person or service I name."),
}
INFORMED = (
    ("on_screen", Np_("read on the screen")),
    ("printed", Np_("printed notice")),
    ("interpreter", Np_("through an interpreter")),
)


def purpose_ids() -> list[str]:
    try:
        from nextstep import consent

        return list(consent.PURPOSE_IDS)
    except (ImportError, AttributeError):
        return list(PURPOSE_LABELS)


def notice_text(code: str) -> str:
    """The versioned privacy notice in the person's language (its hash goes into the consent
    record), or the kiosk's short summary where no notice exists in that language yet."""
    try:
        from nextstep.consent import notices

        text = notices.load(code).text
    except Exception:  # noqa: BLE001 - no notice in this language: the summary stands in
        return notice_summary()
    return "\n".join(line.replace("**", "").lstrip("# ") for line in text.splitlines())


def notice_summary() -> str:
    return person_raw(
        "We would like to read and sort your papers so that you can keep them safe. Your "
        "documents stay on your own USB drive, locked with a passphrase that only you receive. "
        "The kiosk forgets them when we finish. You can say no to each point below, and you "
        "can change your mind at any time. Saying no does not stop our help: we can still "
        "advise you with your paper documents."
    )


class LanguageScreen(KioskScreen):
    """Each language written in its own name and script; arrows and Enter, or a digit key."""

    PERSON = True
    STEP = "language"

    def __init__(self, holder_id: str | None = None) -> None:
        super().__init__()
        self.holder_id = holder_id

    def step_title(self) -> str:
        return _("Language of the person")

    def keys(self) -> list[tuple[str, str]]:
        return [("←↑→↓/Tab", _("Move")), ("Enter", _("Choose")), ("Esc", _("Back to home"))]

    COLUMNS = 4  # matches #languages grid-size in theme.tcss
    BINDINGS = [
        Binding("escape", "home", show=False),
        Binding("up", "move(-4)", show=False),
        Binding("down", "move(4)", show=False),
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
    ]

    def action_move(self, delta: int) -> None:
        """Arrow keys move within the grid: left/right by one, up/down by a row."""
        buttons = list(self.query(".language").results(Button))
        focused = self.focused
        index = buttons.index(focused) if focused in buttons else 0
        target = index + delta
        if 0 <= target < len(buttons):
            buttons[target].focus()

    def compose_body(self) -> ComposeResult:
        yield Label(
            "Choisissez votre langue · Choose your language · اختر لغتك", classes="screen-title"
        )
        with Grid(id="languages"):
            for lang in LANGUAGES:
                yield Button(
                    display(lang.native, lang.code), id=f"lang-{lang.code}", classes="language"
                )

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(f"#lang-{CURRENT.staff}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        code = str(event.button.id).removeprefix("lang-")
        set_languages(person=code)
        if not self.running("start"):
            self.start(code)

    @work(thread=True, exclusive=True, group="start", exit_on_error=False)
    def start(self, code: str) -> None:
        """A worker: the session's own process takes a moment to start."""
        self.kiosk.start_session(code, holder_id=self.holder_id)

    def worker_done(self, group: str, result: object) -> None:
        if group == "start":
            self.kapp.goto_consent()

    def action_home(self) -> None:
        self.kapp.goto_home()


class ConsentScreen(KioskScreen):
    PERSON = True
    STEP = "consent"
    BINDINGS = [Binding("f8", "confirm", show=False), Binding("f9", "refuse_all", show=False)]

    def step_title(self) -> str:
        return _("Consent")

    def keys(self) -> list[tuple[str, str]]:
        return [
            ("↑↓", _("Yes / No")),
            ("Tab", _("Next question")),
            ("F8", _("Confirm the answers")),
            ("F9", _("Refuse everything")),
        ]

    def compose_body(self) -> ComposeResult:
        width = 92
        with VerticalScroll(id="consent"):
            yield Label(_p("Your choice"), classes="screen-title")
            yield Static(wrap(notice_summary(), CURRENT.person, width), id="notice")
            with Collapsible(title=_p("Read the full privacy notice"), id="full-notice"):
                yield Static(wrap(notice_text(CURRENT.person), CURRENT.person, width))
            for pid in purpose_ids():
                label = person_raw(PURPOSE_LABELS.get(pid, pid))
                with Vertical(classes="purpose"):
                    yield Static(wrap(label, CURRENT.person, width), classes="purpose-label")
                    with RadioSet(id=f"purpose-{pid}", classes="yes-no"):
                        yield Choice(_p("Yes"))
                        yield Choice(_p("No"))
            yield Static(_("How was the notice given? (staff)"), classes="staff-note")
            with RadioSet(id="informed"):
                for n, (value, label) in enumerate(INFORMED):
                    yield Choice(_p(label), value=n == 0, name=value)
            with Vertical(id="interpreter-box"):
                yield Static(_("Language the interpreter spoke (staff)"), classes="staff-note")
                yield Select(
                    [(display(lang.native, lang.code), lang.code) for lang in LANGUAGES],
                    value=CURRENT.person,
                    allow_blank=False,
                    id="interpreter-language",
                )
            yield Static("", id="consent-message")
            with Horizontal(classes="buttons"):
                yield Button(_p("Confirm my answers"), id="confirm", variant="primary")
                yield Button(_p("I refuse everything"), id="refuse", variant="error")

    def on_mount(self) -> None:
        super().on_mount()
        first = purpose_ids()[0]
        self.query_one(f"#purpose-{first}", RadioSet).focus()
        self.query_one("#interpreter-box").display = False

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """The interpreter's language is asked only when an interpreter informed the person."""
        if event.radio_set.id == "informed":
            self.query_one("#interpreter-box").display = self.informed() == "interpreter"

    def interpreter_language(self) -> str | None:
        if self.informed() != "interpreter":
            return None
        value = self.query_one("#interpreter-language", Select).value
        return value if isinstance(value, str) else CURRENT.person

    def answers(self) -> dict[str, bool | None]:
        out: dict[str, bool | None] = {}
        for pid in purpose_ids():
            index = self.query_one(f"#purpose-{pid}", RadioSet).pressed_index
            out[pid] = None if index < 0 else index == 0
        return out

    def informed(self) -> str:
        button = self.query_one("#informed", RadioSet).pressed_button
        return str(button.name) if button is not None and button.name else "on_screen"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "confirm":
            self.action_confirm()
        elif event.button.id == "refuse":
            self.action_refuse_all()

    def action_confirm(self) -> None:
        answers = self.answers()
        if any(v is None for v in answers.values()):
            self.query_one("#consent-message", Static).update(
                _p("Please answer yes or no to each question.")
            )
            return
        self.record({k: bool(v) for k, v in answers.items()})

    def action_refuse_all(self) -> None:
        self.record(dict.fromkeys(purpose_ids(), False))

    def record(self, choices: dict[str, bool]) -> None:
        session = self.kiosk.require_session()
        informed = self.informed()
        interpreter = self.interpreter_language()
        view = self.guard(
            lambda: session.give_consent(
                choices,
                informed=informed,
                notice_language=CURRENT.person,
                interpreter_language=interpreter,
            )
        )
        if not isinstance(view, SessionView):
            return  # not recorded: the error modal said why
        if view.digitize:
            if self.kiosk.awaiting_passphrase:
                self.kapp.goto_passphrase()
            else:
                self.kapp.goto_capture()
        else:
            self.kapp.goto_refused()


class RefusedScreen(KioskScreen):
    """Consent to digitise was refused: nothing is captured; help goes on without the kiosk."""

    PERSON = True
    STEP = "refused"
    BINDINGS = [Binding("f8", "finish", show=False)]

    def __init__(self, withdrawn: bool = False) -> None:
        super().__init__()
        self.withdrawn = withdrawn

    def step_title(self) -> str:
        return _("Consent withdrawn") if self.withdrawn else _("No digitisation")

    def keys(self) -> list[tuple[str, str]]:
        return [("F8", _("End the session"))]

    def compose_body(self) -> ComposeResult:
        with Vertical(classes="message-box"):
            yield Label(_p("Your choice is recorded"), classes="screen-title")
            if self.withdrawn:
                text = person_raw(
                    "You withdrew your consent. The pages captured today have been erased. "
                    "You keep your papers, and we can still help you with them."
                )
            else:
                text = person_raw(
                    "You chose not to have your documents digitised, so nothing was captured. "
                    "You keep your papers, and we can still help you with them."
                )
            yield Static(wrap(text, CURRENT.person, 80), id="refused-text")
            yield Button(_p("Finish"), id="finish", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#finish", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_finish()

    def action_finish(self) -> None:
        self.kapp.goto_end(Ending.WITHDRAWN if self.withdrawn else Ending.REFUSED)
