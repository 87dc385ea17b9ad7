"""The kiosk application: navigation between steps, the staff-only exit, inactivity, errors.

Lock-down: the app does not inherit Textual's default bindings (Ctrl+Q quit, Ctrl+C help),
the command palette is off, and terminal signals stay disabled (``TEXTUAL_ALLOW_SIGNALS`` is
removed before start), so no key leaves the kiosk. Ctrl+Q opens the staff exit, which asks
for a staff PIN and wipes any open session before quitting.
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path
from typing import Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme

from kiosk.base import KioskScreen, explain
from kiosk.endings import Ending
from kiosk.i18n import CURRENT, _, _p, set_languages
from kiosk.modals import ConfirmModal, ErrorModal, InactivityModal, PinModal
from kiosk.services import Kiosk
from nextstep.visit.stage import Stage
from scanners.probe import ToolProbe

HIGH_CONTRAST = Theme(
    name="nextstep-contrast",
    primary="#ffd700",  # yellow on black: 14.9:1
    secondary="#00e5ff",
    accent="#ffd700",
    foreground="#ffffff",
    background="#000000",
    surface="#111111",
    panel="#1f1f1f",
    success="#33ff66",
    warning="#ffb000",
    error="#ff5555",
    dark=True,
)

ASK_SECONDS = 30  # how long "are you still there?" waits before wiping


class KioskApp(App[None], inherit_bindings=False):
    CSS_PATH = Path(__file__).with_name("theme.tcss")
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "staff_exit", show=False, priority=True),
        Binding("ctrl+c", "staff_exit", show=False, priority=True),
        # Tab moves the focus in the app's own turn: typed in one burst ("demo⇥1234⏎", a
        # badge reader, a fast typist), the keys after Tab would otherwise be forwarded to
        # the old field before it handled the Tab.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self, kiosk: Kiosk, *, first: str = "preflight", clock: Any = time.monotonic
    ) -> None:
        super().__init__()
        self.kiosk = kiosk
        self.first = first
        self.clock = clock
        self.last_input = clock()
        self.asking = False
        self.asking_exit = False
        self.preflight_results: list[ToolProbe] | None = None
        set_languages(staff=kiosk.settings.staff_language, person=kiosk.settings.staff_language)
        self.ready_at: float | None = None  # perf_counter when the first screen was shown

    # -- start -----------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.theme = "nextstep-contrast"
        self.title = "NextStep"
        if self.first == "preflight":
            from kiosk.screens.staff import PreflightScreen

            self.push_screen(PreflightScreen())
        elif self.first == "signin":
            from kiosk.screens.staff import SignInScreen

            self.push_screen(SignInScreen())
        # first == "none": tests push the screen they want to look at.
        self.set_interval(1.0, self.inactivity_tick)
        self.call_after_refresh(self._mark_ready)

    def _mark_ready(self) -> None:
        self.ready_at = time.perf_counter()

    # -- navigation ------------------------------------------------------------------------------
    # Each screen is imported when first shown (here and in on_mount): the capture screen loads
    # OpenCV and the delivery screens cryptography, which the first screen must not wait for.
    def _go(self, screen: Any) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def goto_signin(self) -> None:
        from kiosk.screens.staff import SignInScreen

        self._go(SignInScreen())

    def goto_home(self) -> None:
        from kiosk.screens.staff import HomeScreen

        set_languages(person=CURRENT.staff)
        self.kiosk.forget_slips()
        self._go(HomeScreen())

    def goto_returning(self) -> None:
        from kiosk.screens.returning import ReturningDriveScreen

        self._go(ReturningDriveScreen())

    def goto_withdraw(self) -> None:
        from kiosk.screens.withdraw import WithdrawScreen

        self._go(WithdrawScreen())

    def goto_passphrase(self) -> None:
        from kiosk.screens.returning import PassphraseScreen

        self._go(PassphraseScreen())

    def goto_language(self, holder_id: str | None = None) -> None:
        from kiosk.screens.person import LanguageScreen

        self._go(LanguageScreen(holder_id))

    def goto_consent(self) -> None:
        from kiosk.screens.person import ConsentScreen

        self._go(ConsentScreen())

    def goto_refused(self, withdrawn: bool = False) -> None:
        from kiosk.screens.person import RefusedScreen

        self._go(RefusedScreen(withdrawn))

    def goto_capture(self) -> None:
        from kiosk.screens.capture import CaptureScreen

        self._go(CaptureScreen())

    def goto_review(self) -> None:
        from kiosk.screens.review import ReviewScreen

        self._go(ReviewScreen())

    def goto_bundle(self) -> None:
        from kiosk.screens.delivery import BundleScreen

        self._go(BundleScreen())

    def goto_drive(self) -> None:
        from kiosk.screens.delivery import DriveScreen

        self._go(DriveScreen())

    def goto_end(self, ending: Ending) -> None:
        from kiosk.screens.delivery import EndScreen

        self._go(EndScreen(ending=ending))

    def ask_end_visit(self) -> None:
        """F10 from capture or review: finish the visit without withdrawing consent. Nothing
        is written; the session is wiped and the end screen says so."""
        returning = self.kiosk.returning is not None or self.kiosk.awaiting_passphrase
        ending = Ending.UNCHANGED if returning else Ending.NOT_WRITTEN
        question = (
            _("End the visit now? The drive stays as it is; today's pages are erased.")
            if returning
            else _("End the visit now? Nothing is written to a drive; the pages are erased.")
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.goto_end(ending)

        self.push_screen(ConfirmModal(question, _("End the visit"), _("Stay")), answered)

    def ask_withdraw_consent(self) -> None:
        """Ask the person to confirm (one step, as giving was), then withdraw."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.withdraw_consent()

        self.push_screen(
            ConfirmModal(
                _p("Do you withdraw your consent? The pages captured so far will be erased."),
                _p("Yes, withdraw and erase"),
                _p("No, continue"),
            ),
            answered,
        )

    def withdraw_consent(self) -> None:
        """Withdraw in a worker (reading may hold the session for a few seconds), then show
        the person that their pages are erased."""
        screen = self.screen
        if self.kiosk.session is None or not isinstance(screen, KioskScreen):
            return
        screen.withdraw()  # the screen then shows the refused screen

    def show_error(self, message: str, hint: str = "") -> None:
        self.push_screen(ErrorModal(message, hint))

    # -- staff exit ------------------------------------------------------------------------------
    def action_staff_exit(self) -> None:
        """Ctrl+Q / Ctrl+C: in mid-visit, first say what quitting loses and ask; then the
        PIN."""
        if self.asking_exit or isinstance(self.screen, PinModal):
            return
        loss = self.what_quitting_loses()
        if loss is None:
            self.ask_exit_pin()
            return

        def answered(yes: bool | None) -> None:
            self.asking_exit = False
            if yes:
                self.ask_exit_pin()

        self.asking_exit = True
        self.push_screen(ConfirmModal(loss, _("Quit and erase"), _("Stay")), answered)

    def what_quitting_loses(self) -> str | None:
        """One sentence on what quitting now would lose, or None when no visit is open."""
        session = self.kiosk.session
        if session is None or session.ended:
            return None
        stage = session.stage
        if stage in (Stage.WRITTEN, Stage.EJECTED):
            return _(
                "A visit is open; its bundle is already on the person's drive. Quitting ends "
                "the visit. Quit?"
            )
        if stage in (Stage.CONSENT, Stage.REFUSED):
            return _("A visit is open; nothing was captured yet. Quitting ends it. Quit?")
        pages = None
        if self.kiosk.lock.acquire(timeout=0.5):  # a worker may hold the session (OCR)
            try:
                pages = session.view().pages
            except Exception:  # noqa: BLE001 - the count is a courtesy; the question stands
                pages = None
            finally:
                self.kiosk.lock.release()
        if pages is None:
            return _(
                "A visit is open: quitting erases the pages captured and writes nothing to the "
                "person's drive. Quit?"
            )
        return _(
            "A visit is open: quitting erases its {pages} page(s) and writes nothing to the "
            "person's drive. Quit?"
        ).format(pages=pages)

    def ask_exit_pin(self) -> None:
        staff = self.kiosk.staff
        prompt = _("Staff exit: type your PIN") if staff else _("Staff exit: type a staff PIN")
        note = "" if staff else _("Staff id and PIN, as 'id:PIN'.")

        def answered(pin: str | None) -> None:
            if not pin:
                return
            try:
                if staff:
                    ok = self.kiosk.check_pin(pin)
                else:
                    name, _sep, secret = pin.partition(":")
                    ok = self.kiosk.staff_store.verify(name, secret).ok
            except Exception as exc:  # noqa: BLE001 - locked out, unreadable store
                self.show_error(*explain(exc))
                return
            if ok:
                self.kiosk.sign_out()
                self.exit()
            else:
                self.show_error(
                    _("Wrong PIN: the kiosk stays open."),
                    _("Try again with Ctrl+Q, or ask a colleague."),
                )

        self.push_screen(PinModal(prompt, note), answered)

    # -- unexpected failures ----------------------------------------------------------------
    def _fatal_error(self) -> None:
        """An unexpected exception escaped a handler: never show a traceback (Textual's would
        print local variables, which may hold a person's text or passphrase). Wipe the
        session, name only the exception type on standard error (the journal), and exit;
        systemd restarts the kiosk at its first screen."""
        error = self._exception
        with contextlib.suppress(Exception):  # already failing: exiting matters more
            self.kiosk.wipe()
        print(
            f"nextstep kiosk: unexpected {type(error).__name__}; session wiped, restarting",
            file=sys.stderr,
        )
        self._close_messages_no_wait()

    # -- inactivity ------------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self.last_input = self.clock()
        await super().on_event(event)

    def inactivity_tick(self) -> None:
        limit = self.kiosk.settings.inactivity_seconds
        if self.asking or limit <= 0:
            return
        if self.kiosk.session is None and self.kiosk.staff is None:
            return
        if self.clock() - self.last_input < limit:
            return
        self.asking = True

        def answered(stayed: bool | None) -> None:
            self.asking = False
            self.last_input = self.clock()
            if not stayed:
                self.timeout_wipe()

        self.push_screen(InactivityModal(ASK_SECONDS), answered)

    def timeout_wipe(self) -> None:
        """Nobody answered: end the session (its data is wiped) and sign the staff out."""
        try:
            self.kiosk.sign_out()
        finally:
            while len(self.screen_stack) > 2:
                self.pop_screen()
            self.goto_signin()
