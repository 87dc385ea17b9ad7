"""The base screen: top bar, key bar, and domain work in Textual thread workers.

Screens run the session's commands (OCR, bundle, drive writes take seconds) in workers
declared with ``@work(thread=True, exclusive=True, group=..., exit_on_error=False)``; a
worker returns its outcome and never touches a widget. The screen reacts to
``Worker.StateChanged`` on the UI thread: :meth:`KioskScreen.worker_done` gets the group and
the result, :meth:`KioskScreen.work_failed` the exception's plain ``message`` and ``hint``
(shown in the error modal); an unexpected exception is reduced to a generic sentence (never a
traceback on screen) and its type name goes to standard error for the technical team.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from kiosk.i18n import CURRENT, _, is_rtl
from kiosk.widgets import KeyBar, TopBar

if TYPE_CHECKING:
    from kiosk.app import KioskApp
    from kiosk.services import Kiosk


def explain(exc: BaseException) -> tuple[str, str]:
    """The sentence and the hint shown for an exception (never its traceback): translated for
    the errors staff meet at the desk (:mod:`kiosk.messages`), else the domain's sentence."""
    from kiosk.messages import translate

    translated = translate(exc)
    if translated is not None:
        return translated
    message = getattr(exc, "message", None)
    if isinstance(message, str) and message:
        return message, str(getattr(exc, "hint", "") or "")
    print(f"nextstep kiosk: unexpected {type(exc).__name__}", file=sys.stderr)
    return (
        _("Something went wrong during this step."),
        _("Try again. If it happens again, call the technical team."),
    )


class KioskScreen(Screen[Any]):
    """A kiosk step. ``PERSON`` screens are shown to the person (their language, RTL aware)."""

    PERSON: ClassVar[bool] = False
    STEP: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f1", "help", show=False)]

    # -- helpers ---------------------------------------------------------------------------------
    @property
    def kapp(self) -> KioskApp:
        return self.app  # type: ignore[return-value]

    @property
    def kiosk(self) -> Kiosk:
        return self.kapp.kiosk

    def step_title(self) -> str:
        return ""

    def keys(self) -> list[tuple[str, str]]:
        return []

    @property
    def rtl(self) -> bool:
        return self.PERSON and is_rtl(CURRENT.person)

    def compose(self) -> ComposeResult:
        yield TopBar(id="topbar")
        with Container(id="body", classes="rtl" if self.rtl else ""):
            yield from self.compose_body()
        yield KeyBar(id="keybar")

    def compose_body(self) -> ComposeResult:
        yield from ()

    def text_width(self, most: int) -> int:
        """Columns to wrap a person's text to: at most ``most``, less on a narrow terminal
        (wrapped wider than the screen, each line would wrap again, raggedly, and at 80x24
        push the heading off screen)."""
        return max(30, min(most, self.app.size.width - 8))

    def on_mount(self) -> None:
        self.refresh_chrome()

    def refresh_chrome(self) -> None:
        k = self.kapp.kiosk
        parts = ["NextStep"]
        if k.settings.demo:
            parts.append(_("DEMO"))
        if self.step_title():
            parts.append(self.step_title())
        if k.staff:
            parts.append(_("staff: {name}").format(name=k.staff))
        self.query_one("#topbar", TopBar).update("  ·  ".join(parts))
        self.query_one("#keybar", KeyBar).show_keys(self.keys(), _("more keys"))

    def help_keys(self) -> list[tuple[str, str]]:
        """Every key of this screen for the F1 help, the ones the key bar shows first."""
        keys = [*self.keys(), ("F1", _("This help")), ("Ctrl+Q", _("Staff exit"))]
        unique: dict[str, str] = {}
        for key, label in keys:
            unique.setdefault(key, label)
        return list(unique.items())

    def action_help(self) -> None:
        from kiosk.modals import HelpModal

        title = _("Keys of this screen: {step}").format(step=self.step_title() or "NextStep")
        self.app.push_screen(HelpModal(title, self.help_keys()))

    # -- workers ---------------------------------------------------------------------------------
    @property
    def alive(self) -> bool:
        """Still one of the app's screens: a worker that ends after the screen was replaced
        (its widgets being removed) is dropped, never shown as a failure."""
        return self.is_attached and self in self.app.screen_stack

    def running(self, group: str) -> bool:
        """A worker of this screen in ``group`` is pending or running."""
        return any(
            w.node is self
            and w.group == group
            and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
            for w in self.app.workers
        )

    @work(thread=True, exclusive=True, group="withdraw", exit_on_error=False)
    def withdraw(self) -> None:
        """Withdraw consent (from any screen of the visit; reading may hold the session for a
        few seconds, hence a worker); the person is then shown their pages are erased."""
        with self.kiosk.lock:
            self.kiosk.require_session().withdraw_consent()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.node is not self or not self.alive:
            return
        if event.state is WorkerState.SUCCESS and worker.group == "withdraw":
            self.kapp.goto_refused(withdrawn=True)
        elif event.state is WorkerState.SUCCESS:
            self.guard(self.worker_done, worker.group, worker.result)
        elif event.state is WorkerState.ERROR and worker.error is not None:
            message, hint = explain(worker.error)
            self.work_failed(worker.group, message, hint)

    def worker_done(self, group: str, result: object) -> None:
        """A worker of ``group`` returned ``result`` (on the UI thread): show it."""

    def work_failed(self, group: str, message: str, hint: str) -> None:
        self.kapp.show_error(message, hint)

    def guard(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Call ``fn`` and turn any exception into the error modal."""
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001
            message, hint = explain(exc)
            self.kapp.show_error(message, hint)
            return None
