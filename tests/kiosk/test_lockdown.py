"""No key lets the person leave the kiosk or reach a shell; the staff exit needs a PIN;
inactivity asks, then wipes."""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest

from nextstep.audit.entry import decode
from tests.kiosk.drive import answer_consent, choose_language, screen_name, sign_in, until

LEAVING_ACTIONS = {"quit", "suspend_process", "command_palette", "help_quit", "bell_quit"}

# Every key a person could reach: control letters, function keys, escape, alt combos.
KEYS = (
    [f"ctrl+{c}" for c in "abcdefghijklmnopqrstuvwxyz"]
    + [f"f{n}" for n in range(1, 13) if n not in (8, 9)]  # F8/F9 answer the screen itself
    + [
        "escape",
        "ctrl+backslash",
        "ctrl+right_square_bracket",
        "alt+f4",
        "alt+tab",
        "ctrl+shift+q",
        "ctrl+alt+delete",
        "super+q",
    ]
)


def test_no_binding_anywhere_quits_suspends_or_opens_the_palette() -> None:
    from kiosk import app as app_module
    from kiosk import modals
    from kiosk.screens import capture, delivery, person, returning, review, staff

    classes: list[Any] = [app_module.KioskApp]
    for module in (capture, delivery, person, returning, review, staff, modals):
        classes += [
            v
            for v in vars(module).values()
            if isinstance(v, type)
            and hasattr(v, "_merge_bindings")
            and v.__module__ == module.__name__
        ]
    assert len(classes) > 12
    for cls in classes:
        for key, bindings in cls._merge_bindings().key_to_bindings.items():
            for b in bindings:
                action = b.action.split(".")[-1].split("(")[0]
                assert action not in LEAVING_ACTIONS, (cls.__name__, key, b.action)
    assert app_module.KioskApp.ENABLE_COMMAND_PALETTE is False


@pytest.mark.parametrize("where", ["language", "consent", "capture"])
def test_no_key_lets_the_person_leave(make_kiosk: Any, where: str) -> None:
    from kiosk.app import KioskApp

    kiosk = make_kiosk()
    app: Any = KioskApp(kiosk, first="signin")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await sign_in(pilot, app)
            if where == "language":
                await pilot.press("n")
                await until(pilot, app, "LanguageScreen")
            else:
                await choose_language(pilot, app, "fa")
                if where == "capture":
                    # fa is a draft notice: consent is recorded only through an interpreter
                    await answer_consent(pilot, app, [True, False, False, False], interpreter=True)
                    await until(pilot, app, "CaptureScreen")
            for key in KEYS:
                await pilot.press(key)
                await pilot.pause()
                # Close whatever a key opened (the staff PIN dialog, an error) and go on.
                while screen_name(app) in ("PinModal", "ErrorModal", "ConfirmModal", "HelpModal"):
                    await pilot.press("escape")
                    await pilot.pause()
                assert app.is_running, key
                assert app.return_code is None, key
            # Escape on the language screen goes back to staff home, never out of the app.
            assert screen_name(app) in (
                "LanguageScreen",
                "ConsentScreen",
                "CaptureScreen",
                "HomeScreen",
            )

    asyncio.run(run())


def test_staff_exit_requires_the_pin(make_kiosk: Any) -> None:
    from kiosk.app import KioskApp

    kiosk = make_kiosk()
    app: Any = KioskApp(kiosk, first="signin")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await sign_in(pilot, app)
            await choose_language(pilot, app, "fr")
            assert kiosk.session is not None
            # Mid-visit, quitting first says what is lost and asks.
            await pilot.press("ctrl+q")
            await until(pilot, app, "ConfirmModal")
            await pilot.press("shift+tab", "enter")
            await until(pilot, app, "PinModal")
            await pilot.press(*"9999", "enter")
            await until(pilot, app, "ErrorModal")
            await pilot.press("enter")
            assert app.is_running and app.return_code is None and kiosk.session is not None
            await pilot.press("ctrl+q")
            await until(pilot, app, "ConfirmModal")
            await pilot.press("shift+tab", "enter")
            await until(pilot, app, "PinModal")
            await pilot.press(*"1234", "enter")
            await pilot.pause()
            assert app.return_code == 0
            assert kiosk.session is None and kiosk.staff is None  # wiped before leaving

    asyncio.run(run())


def test_staff_exit_before_sign_in_needs_a_staff_pin(make_kiosk: Any) -> None:
    from kiosk.app import KioskApp

    app: Any = KioskApp(make_kiosk(), first="signin")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app, "SignInScreen")
            await pilot.press("ctrl+c")
            await until(pilot, app, "PinModal")
            await pilot.press(*"demo:1111", "enter")
            await until(pilot, app, "ErrorModal")
            await pilot.press("enter")
            assert app.return_code is None
            await pilot.press("ctrl+c")
            await until(pilot, app, "PinModal")
            await pilot.press(*"demo:1234", "enter")
            await pilot.pause()
            assert app.return_code == 0

    asyncio.run(run())


@pytest.mark.parametrize("isolate", [False, True], ids=["in-process", "session-process"])
def test_inactivity_asks_then_wipes_the_session(make_kiosk: Any, isolate: bool) -> None:
    """With the session in its own process (as in production), the wipe ends that process."""
    from kiosk.app import KioskApp

    kiosk = make_kiosk(inactivity_seconds=60, isolate=isolate)
    now = [1000.0]
    app: Any = KioskApp(kiosk, first="signin", clock=lambda: now[0])

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await sign_in(pilot, app)
            await choose_language(pilot, app, "fr")
            await answer_consent(pilot, app, [True, False, False, False])
            await until(pilot, app, "CaptureScreen")
            session = kiosk.session
            # Someone answers: the session goes on.
            now[0] += 61
            app.inactivity_tick()
            await until(pilot, app, "InactivityModal")
            await pilot.press("enter")
            await until(pilot, app, "CaptureScreen")
            assert kiosk.session is session
            # Nobody answers: the countdown runs out, the session is wiped, staff signed out.
            now[0] += 61
            app.inactivity_tick()
            await until(pilot, app, "InactivityModal")
            app.screen.left = 1
            app.screen._tick()
            await until(pilot, app, "SignInScreen")
            assert kiosk.session is None and kiosk.staff is None
            assert session.ended
            if isolate:
                assert not session.is_alive()
                with pytest.raises(ProcessLookupError):
                    os.kill(session.pid, 0)
            else:
                assert session.drafts == []

    asyncio.run(run())
    lines = kiosk.settings.audit_log.read_bytes().splitlines()
    events = [decode(line).event for line in lines if line.strip()]
    assert events[-1] == "session_end" or "session_end" in events[-3:]


def test_unexpected_failure_wipes_and_never_prints_a_traceback(
    make_kiosk: Any, capfd: pytest.CaptureFixture[str]
) -> None:
    from kiosk.app import KioskApp
    from kiosk.screens.staff import HomeScreen

    kiosk = make_kiosk()
    app: Any = KioskApp(kiosk, first="signin")
    secret = "PERSONAL-TEXT-7731"

    def broken(self: Any) -> None:
        local_data = secret  # noqa: F841 - what a traceback with locals would reveal
        raise RuntimeError("boom")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await sign_in(pilot, app)
            await choose_language(pilot, app, "fr")
            assert kiosk.session is not None
            HomeScreen.action_checkpoint = broken  # type: ignore[method-assign]
            app.goto_home()
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()

    original = HomeScreen.action_checkpoint
    try:
        with pytest.raises(RuntimeError):
            asyncio.run(run())
    finally:
        HomeScreen.action_checkpoint = original  # type: ignore[method-assign]
    err = capfd.readouterr()
    assert "Traceback" not in err.err + err.out and secret not in err.err + err.out
    assert "unexpected RuntimeError" in err.err
    assert kiosk.session is None and app.return_code == 1
