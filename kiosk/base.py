"""The base screen: top bar, key bar, and domain work in thread workers.

Workers call the session (OCR, bundle, drive writes take seconds) and only post messages;
the screen's message handlers update the widgets on the UI thread. A domain error arrives
as :class:`WorkFailed` with the exception's plain ``message`` and ``hint`` and is shown in
the error modal; an unexpected exception is reduced to a generic sentence (never a
traceback on screen) and its type name goes to standard error for the technical team.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from itertools import count
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.screen import Screen

from kiosk.i18n import CURRENT, _, is_rtl
from kiosk.widgets import KeyBar, TopBar

if TYPE_CHECKING:
    from kiosk.app import KioskApp
    from kiosk.services import Kiosk


class WorkDone(Message):
    def __init__(self, token: int, result: Any) -> None:
        super().__init__()
        self.token = token
        self.result = result


class WorkFailed(Message):
    def __init__(self, token: int, message: str, hint: str) -> None:
        super().__init__()
        self.token = token
        self.message = message
        self.hint = hint


class WorkProgress(Message):
    def __init__(self, token: int, stage: str, fraction: float) -> None:
        super().__init__()
        self.token = token
        self.stage = stage
        self.fraction = fraction


_tokens = count(1)
ProgressFn = Callable[[int, str, float], None]


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

    def __init__(self) -> None:
        super().__init__()
        self._pending: dict[
            int, tuple[Callable[[Any], None], Callable[[int, str, float], None] | None]
        ] = {}

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
        self.query_one("#keybar", KeyBar).show_keys(self.keys())

    # -- workers ---------------------------------------------------------------------------------
    def run_domain(
        self,
        fn: Callable[..., Any],
        done: Callable[[Any], None],
        *,
        progress: Callable[[int, str, float], None] | None = None,
        group: str = "domain",
        with_progress: bool = False,
    ) -> int:
        """Run ``fn`` in a thread worker; ``done(result)`` runs on the UI thread afterwards."""
        token = next(_tokens)
        self._pending[token] = (done, progress)

        def job() -> None:
            try:
                if with_progress:
                    result = fn(
                        lambda stage, frac: self.post_message(WorkProgress(token, stage, frac))
                    )
                else:
                    result = fn()
            except Exception as exc:  # noqa: BLE001 - every failure becomes a modal
                message, hint = explain(exc)
                self.post_message(WorkFailed(token, message, hint))
            else:
                self.post_message(WorkDone(token, result))

        self.run_worker(job, thread=True, group=group, exit_on_error=False)
        return token

    @property
    def alive(self) -> bool:
        """Still one of the app's screens: a worker's message that arrives after the screen
        was replaced (its widgets being removed) is dropped, never shown as a failure."""
        return self.is_attached and self in self.app.screen_stack

    def on_work_done(self, event: WorkDone) -> None:
        entry = self._pending.pop(event.token, None)
        if entry is not None and self.alive:
            self.guard(entry[0], event.result)

    def on_work_failed(self, event: WorkFailed) -> None:
        self._pending.pop(event.token, None)
        if self.alive:
            self.work_failed(event.message, event.hint)

    def on_work_progress(self, event: WorkProgress) -> None:
        entry = self._pending.get(event.token)
        if entry is not None and entry[1] is not None and self.alive:
            entry[1](event.token, event.stage, event.fraction)

    def work_failed(self, message: str, hint: str) -> None:
        self.kapp.show_error(message, hint)

    def guard(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Call ``fn`` and turn any exception into the error modal."""
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001
            message, hint = explain(exc)
            self.kapp.show_error(message, hint)
            return None
