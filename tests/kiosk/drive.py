"""Helpers that drive the kiosk by keyboard, as staff would (used by the Pilot tests and the
benchmark)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from textual.pilot import Pilot

STAFF = "demo"
PIN = "1234"


def screen_name(app: Any) -> str:
    return type(app.screen).__name__


async def settle(pilot: Pilot[Any], app: Any, timeout: float = 120.0) -> None:
    """Wait until no worker runs and the message queues are empty."""
    deadline = time.monotonic() + timeout
    while any(w.is_running for w in app.workers) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    await pilot.pause()


async def until(pilot: Pilot[Any], app: Any, name: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while screen_name(app) != name:
        if screen_name(app) == "ErrorModal":
            raise AssertionError(f"error modal: {app.screen.message} / {app.screen.hint}")
        if time.monotonic() > deadline:
            raise AssertionError(f"still on {screen_name(app)}, expected {name}")
        await pilot.pause(0.05)


async def sign_in(pilot: Pilot[Any], app: Any) -> None:
    await until(pilot, app, "SignInScreen")
    await pilot.press(*STAFF, "enter", *PIN, "enter")
    await until(pilot, app, "HomeScreen")


async def choose_language(pilot: Pilot[Any], app: Any, code: str) -> None:
    await pilot.press("n")
    await until(pilot, app, "LanguageScreen")
    from kiosk.i18n import LANGUAGES

    order = [lang.code for lang in LANGUAGES]
    start = order.index("fr")
    steps = order.index(code) - start
    await pilot.press(*(["right"] * steps if steps >= 0 else ["left"] * -steps), "enter")
    await until(pilot, app, "ConsentScreen")


async def answer_consent(
    pilot: Pilot[Any], app: Any, answers: list[bool], *, interpreter: bool = False
) -> None:
    """Answer each purpose in order with the keyboard: Enter picks Yes, Down+Enter picks No.

    ``interpreter``: staff record that an interpreter explained the notice (a draft-language
    notice needs it), in the first language the list offers."""
    for n, yes in enumerate(answers):
        if n:
            await pilot.press("tab")
        await pilot.press(*(["enter"] if yes else ["down", "enter"]))
    if interpreter:
        await pilot.press("tab", "down", "down", "enter")  # informed: through an interpreter
        await pilot.pause()
        await pilot.press("tab", "enter")  # open the interpreter's language list
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    await pilot.press("f8")
    await pilot.pause()


async def capture_documents(pilot: Pilot[Any], app: Any, count: int) -> None:
    for _ in range(count):
        await pilot.press("space")
        await pilot.pause(0.05)
        while getattr(app.screen, "capturing", False):
            await pilot.pause(0.05)
        if screen_name(app) == "ErrorModal":
            raise AssertionError(app.screen.message)


async def make_bundle(pilot: Pilot[Any], app: Any) -> None:
    """F8 on the review screen; when deadlines are still unconfirmed the kiosk asks, and the
    answer here is "make the bundle anyway"."""
    await pilot.press("f8")
    await pilot.pause()
    if screen_name(app) == "ConfirmModal":
        await pilot.press("shift+tab", "enter")  # focus moves from "No" to "Yes"
        await pilot.pause()
