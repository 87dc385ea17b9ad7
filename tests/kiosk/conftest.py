"""Fixtures for the kiosk tests: an isolated demo kiosk (own data dir, drive folder, a staff
store with cheap scrypt parameters so sign-in costs milliseconds, a fixed date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.i18n import set_languages

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


@pytest.fixture(autouse=True)
def _reset_languages() -> Iterator[None]:
    set_languages(staff="fr", person="fr")
    yield
    set_languages(staff="fr", person="fr")
