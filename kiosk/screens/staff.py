"""Staff screens: preflight, sign-in and home (new person, returning person, end of day)."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from rich.markup import escape
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Static

from kiosk.base import KioskScreen
from kiosk.i18n import _
from kiosk.keymap import bindings, hint
from kiosk.support import preflight
from scanners.probe import ToolProbe


class PreflightScreen(KioskScreen):
    """Every tool and device, green or with its fix. Probing runs in a worker."""

    STEP = "preflight"
    BINDINGS = bindings("next", "again:recheck")

    def step_title(self) -> str:
        return _("Preflight")

    def keys(self) -> list[tuple[str, str]]:
        return [hint("next"), hint("again"), ("Ctrl+Q", _("Staff exit"))]

    def compose_body(self) -> ComposeResult:
        yield Label(_("Checking the kiosk before the first person"), classes="screen-title")
        yield VerticalScroll(Static(_("Checking…"), id="checks"), id="checks-box")
        yield Button(_("Continue to sign-in"), id="next", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#next", Button).focus()
        if self.kapp.preflight_results is not None:
            self.show_checks(self.kapp.preflight_results)
        else:
            self.action_recheck()

    def action_recheck(self) -> None:
        self.query_one("#checks", Static).update(_("Checking…"))
        self.check()

    @work(thread=True, exclusive=True, group="preflight", exit_on_error=False)
    def check(self) -> list[ToolProbe]:
        return preflight(self.kiosk)

    def worker_done(self, group: str, result: object) -> None:
        if isinstance(result, list):
            self.show_checks(result)

    def show_checks(self, checks: list[ToolProbe]) -> None:
        self.kapp.preflight_results = checks
        lines = []
        for c in checks:
            mark = "[b green]✔[/]" if c.ok else ("[b red]✘[/]" if c.required else "[b yellow]![/]")
            line = f"{mark} [b]{c.name}[/b] — {_escape(c.detail)}"
            if not c.ok and c.fix:
                line += "\n    " + _("Fix: {fix}").format(fix=_escape(c.fix))
            lines.append(line)
        self.query_one("#checks", Static).update("\n".join(lines))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_next()

    def action_next(self) -> None:
        self.kapp.goto_signin()


def _escape(text: str) -> str:
    return escape(str(text))


@dataclass(frozen=True)
class Locked:
    """Sign-in is locked for ``seconds`` (too many wrong PINs)."""

    seconds: int


class SignInScreen(KioskScreen):
    """Staff id and PIN (scrypt-hashed, locked after five wrong PINs)."""

    STEP = "signin"

    def __init__(self) -> None:
        super().__init__()
        self.unlock_at = 0.0
        self.countdown: Timer | None = None

    def step_title(self) -> str:
        return _("Staff sign-in")

    def keys(self) -> list[tuple[str, str]]:
        return [("Tab", _("Next field")), ("Enter", _("Sign in")), ("Ctrl+Q", _("Staff exit"))]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="signin", classes="form"):
            yield Label(_("Sign in to start"), classes="screen-title")
            yield Label(_("Staff id"))
            yield Input(id="staff-id", placeholder=_("your staff id"))
            yield Label(_("PIN"))
            yield Input(id="staff-pin", password=True, placeholder=_("PIN"))
            yield Static("", id="signin-message")
            if self.kiosk.settings.demo:
                yield Static(_("Demo mode: staff id demo, PIN 1234."), id="demo-hint")
            yield Button(_("Sign in"), id="signin-button", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#staff-id", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "staff-id":
            self.query_one("#staff-pin", Input).focus()
        else:
            self.attempt()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.attempt()

    def attempt(self) -> None:
        name = self.query_one("#staff-id", Input).value
        pin = self.query_one("#staff-pin", Input).value
        self.query_one("#signin-message", Static).update(_("Checking…"))
        self.check(name, pin)

    @work(thread=True, exclusive=True, group="signin", exit_on_error=False)
    def check(self, name: str, pin: str) -> int | Locked:
        """Attempts left (0: signed in), or the lock-out (even for the right PIN: the
        store checks no PIN while locked, so the screen never says "wrong PIN" then)."""
        # Imported here: the staff store loads scrypt, not needed to draw the first screen.
        from nextstep.staff import StaffLocked

        try:
            return self.kiosk.sign_in(name, pin)
        except StaffLocked as locked:
            return Locked(locked.seconds)

    def worker_done(self, group: str, result: object) -> None:
        if isinstance(result, Locked):
            self.locked(result.seconds)
        elif isinstance(result, int):
            self.result(result)

    def locked(self, seconds: int) -> None:
        """Show the lock-out with a countdown that moves, once a second."""
        self.query_one("#staff-pin", Input).value = ""
        self.unlock_at = time.monotonic() + seconds
        if self.countdown is not None:
            self.countdown.stop()
        self.countdown = self.set_interval(1.0, self.tick)
        self.tick()

    def tick(self) -> None:
        left = math.ceil(self.unlock_at - time.monotonic())
        message = self.query_one("#signin-message", Static)
        if left <= 0:
            message.update(_("You can sign in again."))
            if self.countdown is not None:
                self.countdown.stop()
                self.countdown = None
            return
        message.update(
            _(
                "Too many wrong PINs: sign-in is locked for {seconds} more seconds. Wait, or "
                "ask a colleague to sign in."
            ).format(seconds=left)
        )

    def result(self, remaining: int) -> None:
        pin = self.query_one("#staff-pin", Input)
        pin.value = ""
        if remaining == 0:
            self.kapp.goto_home()
            return
        self.query_one("#signin-message", Static).update(
            _("Wrong staff id or PIN. {n} attempts left before a 5-minute lock.").format(
                n=remaining
            )
        )
        pin.focus()

    def work_failed(self, group: str, message: str, hint: str) -> None:
        self.query_one("#staff-pin", Input).value = ""
        self.query_one("#signin-message", Static).update(f"{message} {hint}")


class HomeScreen(KioskScreen):
    STEP = "home"
    BINDINGS = bindings(
        "new_person:new",
        "returning",
        "withdraw_consent",
        "checkpoint",
        "sign_out",
        "staff_language",
    )

    def step_title(self) -> str:
        return _("Home")

    def keys(self) -> list[tuple[str, str]]:
        return [
            hint("new_person"),
            hint("returning"),
            hint("withdraw_consent"),
            hint("checkpoint"),
            hint("sign_out"),
            hint("staff_language"),
            ("Ctrl+Q", _("Staff exit")),
        ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="home", classes="menu"):
            yield Label(_("What do you want to do?"), classes="screen-title")
            yield Button(_("New person"), id="new", variant="primary")
            yield Button(_("Returning person (drive and key card)"), id="returning")
            yield Button(_("Withdraw consent (drive and key card)"), id="withdraw")
            yield Button(_("End-of-day checkpoint"), id="checkpoint")
            yield Button(_("Sign out"), id="sign-out")
            yield Static("", id="home-message")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#new", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {
            "new": self.action_new,
            "returning": self.action_returning,
            "withdraw": self.action_withdraw_consent,
            "checkpoint": self.action_checkpoint,
            "sign-out": self.action_sign_out,
        }[str(event.button.id)]()

    def action_new(self) -> None:
        self.kapp.goto_language(holder_id=None)

    def action_returning(self) -> None:
        self.kapp.goto_returning()

    def action_withdraw_consent(self) -> None:
        self.kapp.goto_withdraw()

    def action_checkpoint(self) -> None:
        self.sign_checkpoint()

    @work(thread=True, exclusive=True, group="checkpoint", exit_on_error=False)
    def sign_checkpoint(self) -> str:
        return str(self.kiosk.audit.checkpoint())

    def worker_done(self, group: str, result: object) -> None:
        from kiosk.modals import ErrorModal

        if group == "checkpoint" and isinstance(result, str):
            modal = ErrorModal(
                _("End-of-day checkpoint signed. Copy it into the paper register:"), result
            )
            self.app.push_screen(modal)

    def action_sign_out(self) -> None:
        self.kiosk.sign_out()
        self.kapp.goto_signin()

    def action_staff_language(self) -> None:
        """Cycle the staff UI through French, Dutch, English and German."""
        from kiosk.i18n import CURRENT, STAFF_LANGUAGES, set_languages

        following = STAFF_LANGUAGES[(STAFF_LANGUAGES.index(CURRENT.staff) + 1) % 4]
        set_languages(staff=following, person=following)
        self.kapp.goto_home()
