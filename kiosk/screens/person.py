"""Person-facing screens: language choice and consent (each purpose its own choice).

These screens speak the person's language (staff guidance stays in the key bar in the staff's
language). Consent has no pre-ticked answer: each purpose is a yes/no pair with neither
selected, and continuing needs an answer for each. Refusing everything is one button and is
recorded like any other answer, without losing help that needs no consent.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Collapsible, Label, RadioSet, Select, Static

from kiosk.base import KioskScreen
from kiosk.endings import Ending
from kiosk.i18n import CURRENT, LANGUAGES, N_, Np_, _, _p, display, person_raw, set_languages, wrap
from kiosk.keymap import bindings, hint
from kiosk.modals import ConfirmModal
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
# How the notice was given: answered by staff, so in the staff's language.
INFORMED = (
    ("on_screen", N_("read on the screen")),
    ("printed", N_("printed notice")),
    ("interpreter", N_("through an interpreter")),
)


def purpose_ids() -> list[str]:
    try:
        # Deferred: nextstep.consent loads cryptography, which the first screen must not wait for.
        from nextstep import consent

        return list(consent.PURPOSE_IDS)
    except (ImportError, AttributeError):
        return list(PURPOSE_LABELS)


def notice_text(code: str) -> str:
    """The versioned privacy notice in the person's language (its hash goes into the consent
    record), or the kiosk's short summary where no notice exists in that language yet."""
    try:
        # Deferred: nextstep.consent loads cryptography, which the first screen must not wait for.
        from nextstep.consent import notices

        text = notices.load(code).text
    except Exception:  # noqa: BLE001 - no notice in this language: the summary stands in
        return notice_summary()
    return "\n".join(paragraphs(text))


def paragraphs(markdown: str) -> list[str]:
    """The notice's markdown as plain paragraphs, one per line (blank lines kept): the
    source's hard line breaks inside a paragraph are joined, so the kiosk wraps (and, in a
    right-to-left language, reorders) whole sentences, not the file's arbitrary halves."""
    out: list[str] = []
    joinable = False
    for raw in markdown.splitlines():
        if raw.startswith(">"):
            continue
        line = plain_line(raw.strip())
        starts_block = not line or raw.startswith("#") or line.startswith("• ")
        starts_block = starts_block or (line[:1].isdigit() and line[1:3] in (". ", ") "))
        if joinable and not starts_block:
            out[-1] += " " + line
        else:
            out.append(line)
        joinable = bool(line) and not raw.startswith("#")
    return out


def plain_line(line: str) -> str:
    """One markdown line as plain text: no heading marks, no bold marks, bullets as "•".
    Quoted lines (">", the translator's draft banner, for staff) are dropped by the caller:
    in a right-to-left language the bidi algorithm would mirror ">" into "<"."""
    line = line.replace("**", "").lstrip("# ")
    if line.startswith(("- ", "* ")):
        line = "• " + line[2:]
    return line


def notice_summary() -> str:
    return person_raw(
        "We would like to read and sort your papers so that you can keep them safe. Your "
        "documents stay on your own USB drive, locked with a passphrase that only you receive. "
        "The kiosk forgets them when we finish. You can say no to each point below, and you "
        "can change your mind at any time. Saying no does not stop our help: we can still "
        "advise you with your paper documents."
    )


def player() -> str | None:
    """The program that plays a WAV on the kiosk's speaker (PulseAudio's paplay, else ALSA's
    aplay), or None when the kiosk has neither (no speaker to use)."""
    import shutil

    return shutil.which("paplay") or shutil.which("aplay")


def voice_for(language: str) -> str | None:
    # Deferred: nextstep.consent loads cryptography, which the first screen must not wait for.
    from nextstep.consent.speech import voice_for as voice

    return voice(language)


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
        return [("←↑→↓/Tab", _("Move")), ("Enter", _("Choose")), hint("back", _("Back to home"))]

    COLUMNS = 4  # matches #languages grid-size in theme.tcss
    BINDINGS = [
        *bindings("back:home"),
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
    BINDINGS = bindings("next:confirm", "refuse:refuse_all", "back", "listen")

    def step_title(self) -> str:
        return _("Consent")

    def keys(self) -> list[tuple[str, str]]:
        keys = [
            hint("next", _("Confirm the answers")),
            ("↑↓ Enter", _("Yes / No")),
            ("Tab", _("Next question")),
            hint("refuse", _("Refuse everything")),
            hint("back", _("Back to the language choice")),
        ]
        if player() is not None:
            keys.append(hint("listen"))
        return keys

    def compose_body(self) -> ComposeResult:
        width = self.text_width(92)
        with VerticalScroll(id="consent"):
            yield Label(_p("Your choice"), classes="screen-title")
            yield Static(wrap(notice_summary(), CURRENT.person, width), id="notice")
            # The fold arrow points the way the person reads: ◀ in a right-to-left language.
            with Collapsible(
                title=_p("Read the full privacy notice"),
                id="full-notice",
                collapsed_symbol="◀" if self.rtl else "▶",
            ):
                yield Static(wrap(notice_text(CURRENT.person), CURRENT.person, width))
            for pid in purpose_ids():
                label = person_raw(PURPOSE_LABELS.get(pid, pid))
                with Vertical(classes="purpose"):
                    yield Static(wrap(label, CURRENT.person, width), classes="purpose-label")
                    # Its own box, so a right-to-left screen can put it on the right (Textual
                    # aligns a container's children as one block, the full-width label too).
                    with (
                        Vertical(classes="answer"),
                        RadioSet(id=f"purpose-{pid}", classes="yes-no"),
                    ):
                        yield Choice(_p("Yes"), rtl=self.rtl)
                        yield Choice(_p("No"), rtl=self.rtl)
            yield Static(_("How was the notice given? (staff)"), classes="staff-note")
            with RadioSet(id="informed", classes="staff-choice"):
                for n, (value, label) in enumerate(INFORMED):
                    yield Choice(_(label), value=n == 0, name=value)
            with Vertical(id="interpreter-box"):
                yield Static(_("Language the interpreter spoke (staff)"), classes="staff-note")
                yield Select(
                    [(display(lang.native, lang.code), lang.code) for lang in LANGUAGES],
                    value=CURRENT.person,
                    allow_blank=False,
                    id="interpreter-language",
                )
            yield Static("", id="consent-message")
            yield Static("", id="listen-status", classes="staff-note")
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
        gaps = [pid for pid, v in answers.items() if v is None]
        if gaps:
            # The message, then the first unanswered question itself, brought into view
            # and focused: at 80x24 the message alone would sit below the visible area.
            self.query_one("#consent-message", Static).update(
                _p("Please answer yes or no to each question.")
            )
            question = self.query_one(f"#purpose-{gaps[0]}", RadioSet)
            question.focus()
            blocks = [
                a for a in question.ancestors if isinstance(a, Widget) and a.has_class("purpose")
            ]
            self.call_after_refresh((blocks[0] if blocks else question).scroll_visible)
            return
        self.record({k: bool(v) for k, v in answers.items()})

    def action_refuse_all(self) -> None:
        """F9 sits next to F8: refusing everything is asked once more, in the person's
        language, before it is recorded."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.record(dict.fromkeys(purpose_ids(), False))

        self.app.push_screen(
            ConfirmModal(
                _p("Do you refuse everything? Nothing will be digitised."),
                _p("Yes, I refuse everything"),
                _p("No, go back"),
            ),
            answered,
        )

    def action_back(self) -> None:
        """Esc: a wrong language is left by going back to the choice, not by refusing. The
        session started for that language is ended first (it holds no answer yet)."""
        session = self.kiosk.session
        holder = (
            session.holder_id if session is not None and self.kiosk.awaiting_passphrase else None
        )
        if session is not None:
            self.guard(self.kiosk.wipe)
        self.kapp.goto_language(holder_id=holder)

    def action_listen(self) -> None:
        """Read the privacy notice aloud (espeak-ng, then the kiosk's speaker)."""
        status = self.query_one("#listen-status", Static)
        if voice_for(CURRENT.person) is None:
            status.update(
                _("No voice reads this language aloud: ask for an interpreter to read it.")
            )
            return
        if player() is None:
            status.update(_("This kiosk has no speaker: read the notice to the person."))
            return
        if self.running("listen"):
            return
        status.update(_("Reading the notice aloud…"))
        self.speak(CURRENT.person)

    @work(thread=True, exclusive=True, group="listen", exit_on_error=False)
    def speak(self, language: str) -> str:
        """The notice is public text: its WAV may sit in a temporary folder."""
        # Deferred: nextstep.consent loads cryptography, which the first screen must not wait for.
        from nextstep.consent.speech import speak_notice

        tool = player()
        if tool is None:
            return ""
        with tempfile.TemporaryDirectory(prefix="nextstep-notice-") as tmp:
            wav = Path(tmp) / "notice.wav"
            speak_notice(language, wav)
            subprocess.run([tool, str(wav)], check=False, capture_output=True, timeout=600)
        return language

    def worker_done(self, group: str, result: object) -> None:
        if group == "listen":
            self.query_one("#listen-status", Static).update(_("Notice read aloud."))

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
    BINDINGS = bindings("next:finish")

    def __init__(self, withdrawn: bool = False) -> None:
        super().__init__()
        self.withdrawn = withdrawn

    def step_title(self) -> str:
        return _("Consent withdrawn") if self.withdrawn else _("No digitisation")

    def keys(self) -> list[tuple[str, str]]:
        return [hint("next", _("End the session"))]

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
            yield Static(wrap(text, CURRENT.person, self.text_width(80)), id="refused-text")
            yield Button(_p("Finish"), id="finish", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#finish", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_finish()

    def action_finish(self) -> None:
        self.kapp.goto_end(Ending.WITHDRAWN if self.withdrawn else Ending.REFUSED)
