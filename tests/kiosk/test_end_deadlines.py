"""Without a printer the deadlines still leave with the person: the end screen lists them, in
their language, for a photo (they are also in the bundle's calendar)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.kiosk.test_snapshots import make_app, prepare_session


@pytest.mark.parametrize(
    ("lang", "heading", "kind"),
    [("fr", "prenez cette liste en photo", "paiement"), ("nl", "neem een foto", "betaling")],
)
def test_no_printer_end_screen_lists_the_deadlines_for_a_photo(
    make_kiosk: Any, lang: str, heading: str, kind: str
) -> None:
    from kiosk.screens.delivery import EndScreen

    app = make_app(make_kiosk, lang)
    seen: dict[str, str] = {}

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            prepare_session(app.kiosk, lang, documents=True)
            app.kiosk.printer = None
            await app.push_screen(EndScreen())  # ends the session: slips and lines first
            await pilot.pause()
            seen["status"] = str(app.screen.query_one("#slips-status").render())
            seen["ended"] = str(app.kiosk.session is None)

    asyncio.run(run())
    status = seen["status"]
    assert heading in status
    # every coming deadline of the three documents, in date order, with its document
    assert status.index("15/12/2026") < status.index("05/01/2027") < status.index("12/01/2027")
    assert kind in status and "(D2)" in status
    assert seen["ended"] == "True"
