"""Fixtures for the kiosk tests: an isolated demo kiosk (own data dir, drive folder, a staff
store with cheap scrypt parameters so sign-in costs milliseconds, a fixed date);
:func:`run_app`, the one way the Pilot tests start the app; :func:`written_visit`, a visit
already on the kiosk's drive."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable, Callable, Collection, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from kiosk.app import KioskApp
from kiosk.i18n import set_languages
from kiosk.services import Kiosk
from nextstep import consent
from nextstep.demo import demo_consent
from nextstep.model import Classification, Document, OcrPage
from nextstep.session import Draft, Session
from scanners.demo import DemoScanner, sample_dir
from tests.kiosk.drive import sign_in

FIXED_DAY = dt.date(2026, 11, 27)
STAFF = "demo"
PIN = "1234"


@pytest.fixture
def make_kiosk(
    data_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., object]:
    from nextstep import config
    from nextstep.staff import StaffStore

    monkeypatch.delenv("TEXTUAL_ALLOW_SIGNALS", raising=False)

    def make(*, isolate: bool = False, **overrides: object) -> object:
        """``isolate``: the session in its own process, as in production; the default keeps it
        in the test's process so tests can build documents without OCR and look inside."""
        from kiosk.services import Kiosk

        settings = config.load(demo=True)
        if overrides:
            import dataclasses

            settings = dataclasses.replace(settings, **overrides)  # type: ignore[arg-type]
        store = StaffStore(data_env / "staff.json", n=2**10)
        if STAFF not in store.names:
            store.enroll(STAFF, PIN)
        kiosk = Kiosk(
            settings,
            staff_store=store,
            today=FIXED_DAY,
            drive=str(tmp_path / "drive"),
            isolate=isolate,
        )
        # The same capture sources on every machine (a test machine may have a camera or a
        # SANE device): no camera, no flatbed; files and the demo samples.
        kiosk.backends = {"camera": False, "sane": False, "files": True, "demo": True}
        return kiosk

    return make


#: What a Pilot test does with the running app, after sign-in.
Steps = Callable[[Pilot[Any], Any], Awaitable[None]]


def run_app(
    kiosk: Kiosk,
    steps: Steps,
    *,
    size: tuple[int, int] = (80, 24),
    first: str = "signin",
    signed_in: bool = True,
) -> Any:
    """Run ``kiosk``'s app under Pilot at ``size`` (the smallest terminal unless said), sign
    staff in unless ``signed_in`` is False, then await ``steps(pilot, app)``; returns the app.

    Why one helper: every Pilot test opened the app, entered the test harness and signed in
    the same way, so a change to that start (a new first screen, a sign-in step) is made
    here once."""
    app: Any = KioskApp(kiosk, first=first)

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            if signed_in:
                await sign_in(pilot, app)
            await steps(pilot, app)

    asyncio.run(run())
    return app


def written_visit(
    kiosk: Kiosk, *, language: str = "fr", purposes: Collection[str] = (consent.DIGITIZE,)
) -> tuple[str, str]:
    """An earlier visit in ``language`` (yes to ``purposes`` only), its bundle written to the
    kiosk's drive; returns its holder id and the key card's passphrase.

    One housing document of one demo page, built without OCR: the tests that need a bundle
    on the drive are about what the kiosk does with it, not about reading."""
    key, audit = kiosk.open()
    session = Session(
        kiosk.settings, key=key, audit=audit, staff=STAFF, language=language, today=FIXED_DAY
    )
    demo_consent(session, language, purposes)
    with DemoScanner(sample_dir()) as scanner:
        session.capture(scanner)
    pages = session.drafts[0].pages[:1]
    ocr = [OcrPage([], "", "fra", p.size[0], p.size[1], p.dpi) for p in pages]
    doc = Document(pages=pages, ocr=ocr, classification=Classification("housing", 0.9))
    session.drafts = [Draft(pages=pages, document=doc)]
    outcome = session.build_bundle()
    assert session.write_to_drive(kiosk.drive_spec).ok
    holder = session.holder_id
    session.end()
    return holder, outcome.passphrase


@pytest.fixture(autouse=True)
def _reset_languages() -> Iterator[None]:
    set_languages(staff="fr", person="fr")
    yield
    set_languages(staff="fr", person="fr")
