"""A returning person, driven by keyboard through Pilot: the drive names the holder, the
passphrase opens a damaged-then-repaired bundle, a new document is added as version 2 with the
same passphrase, a backup copy goes to a second drive, and the referral and reminder slips are
printed (through a Fake printer behind the kiosk's one print function) before the wipe.

The first visit is made headless through :class:`nextstep.session.Session` directly (it is
not what is under test here); everything after it is the kiosk UI on real components: folder
drives, PAR2 repair, pikepdf, minisign, Tesseract, the audit log.
"""

from __future__ import annotations

import asyncio
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.conftest import require_tool
from tests.kiosk.conftest import FIXED_DAY
from tests.kiosk.drive import (
    answer_consent,
    capture_documents,
    make_bundle,
    screen_name,
    settle,
    sign_in,
    until,
)

ONE_DOC = "04-decision-cpas.png"


@dataclass
class FakePrinter:
    """Stands in for the CUPS queue (no printer on this machine): records each job in memory,
    behind the same ``print_pdf(data, *, title)`` the kiosk's LpPrinter implements."""

    jobs: list[tuple[str, bytes]] = field(default_factory=list)

    def print_pdf(self, data: bytes, *, title: str) -> str:
        self.jobs.append((title, data))
        return f"fake-{len(self.jobs)}"


def samples(tmp_path: Path, *names: str) -> Path:
    from scanners.demo import sample_dir

    folder = tmp_path / ("samples-" + "-".join(n[:2] for n in names))
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(sample_dir() / name, folder / name)
    return folder


def first_visit(kiosk: Any, tmp_path: Path, *, ocr: bool) -> tuple[str, str]:
    """A first session written to the kiosk's drive folder; returns (passphrase, bundle id).

    ``ocr=False`` builds the document from a processed sample page without Tesseract (for
    tests about opening, not about reading)."""
    from nextstep import consent
    from nextstep.model import Classification, Document, OcrPage
    from nextstep.session import Draft, Session
    from scanners.demo import DemoScanner

    key, audit = kiosk.open()
    session = Session(
        kiosk.settings, key=key, audit=audit, staff="demo", language="fr", today=FIXED_DAY
    )
    session.give_consent({p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS})
    with DemoScanner(samples(tmp_path, "03-mutualite.png")) as scanner:
        session.capture(scanner)
    if ocr:
        session.analyze()
    else:
        pages = session.drafts[0].pages
        ocr_pages = [OcrPage([], "", "fra", p.size[0], p.size[1], p.dpi) for p in pages]
        doc = Document(pages=pages, ocr=ocr_pages, classification=Classification("health", 0.9))
        session.drafts = [Draft(pages=pages, document=doc)]
    outcome = session.build_bundle()
    assert session.write_to_drive(kiosk.drive_spec).ok
    session.end()
    return outcome.passphrase, outcome.bundle_id


def zero_region(pdf: Path) -> None:
    data = bytearray(pdf.read_bytes())
    start = len(data) // 3
    data[start : start + 65536] = bytes(65536)
    pdf.write_bytes(bytes(data))


@pytest.mark.slow
def test_returning_person_repaired_bundle_gets_version_two(make_kiosk: Any, tmp_path: Path) -> None:
    require_tool("tesseract")
    require_tool("par2")
    from crypto import passphrase as passphrases
    from crypto.keys import load_or_create
    from kiosk.app import KioskApp
    from nextstep.audit.entry import decode
    from nextstep.audit.verify import verify_log
    from nextstep.bundle.verify import verify_bundle
    from scanners.demo import DemoScanner

    # As in production: the return visit's session runs in its own process; its errors
    # (a wrong passphrase) cross to the kiosk as their own class.
    kiosk = make_kiosk(isolate=True)
    passphrase, bundle_id = first_visit(kiosk, tmp_path, ocr=True)
    drive = Path(kiosk.drive_spec)
    pdf = next(drive.glob("*.pdf"))
    zero_region(pdf)
    backup = tmp_path / "backup-drive"
    kiosk.backup_spec = str(backup)
    printer = FakePrinter()
    kiosk.printer = printer
    folder = samples(tmp_path, ONE_DOC)
    kiosk._scanner_factory = lambda: DemoScanner(folder)
    app: Any = KioskApp(kiosk, first="signin")
    seen: dict[str, Any] = {}

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await sign_in(pilot, app)
            await pilot.press("r")  # returning person: the drive is read, nothing typed
            await until(pilot, app, "LanguageScreen")
            await pilot.press("enter")  # the person's language (French, focused first)
            await until(pilot, app, "ConsentScreen")
            await answer_consent(pilot, app, [True, False, False, False])
            await until(pilot, app, "PassphraseScreen")
            # A mistyped group is named at once, without trying the bundle.
            await pilot.press(*"123456-123456-123456-123456-123456", "enter")
            await until(pilot, app, "ErrorModal")
            seen["typo"] = app.screen.message
            await pilot.press("enter", "ctrl+u")  # the typed text stays to correct; clear it
            # A well-formed but wrong passphrase: one translated sentence, then retry.
            await pilot.press(*passphrases.generate(), "enter")
            await settle(pilot, app)
            assert screen_name(app) == "ErrorModal"
            seen["wrong"] = app.screen.message
            await pilot.press("enter")
            await until(pilot, app, "PassphraseScreen")
            await pilot.press(*passphrase, "enter")
            await until(pilot, app, "CaptureScreen", timeout=120)
            await pilot.pause()
            seen["visit"] = kiosk.returning
            seen["opened"] = str(app.screen.query_one("#capture-status").render())
            await capture_documents(pilot, app, 1)
            await pilot.press("f8")
            await until(pilot, app, "ReviewScreen", timeout=180)
            await make_bundle(pilot, app)
            await until(pilot, app, "BundleScreen")
            await settle(pilot, app)
            seen["digits"] = len(app.screen.query("Digits"))
            seen["ready"] = str(app.screen.query_one("#bundle-status").render())
            seen["note"] = str(app.screen.query_one("#passphrase-note").render())
            await pilot.press("f8")
            await until(pilot, app, "DriveScreen")
            await settle(pilot, app)
            await pilot.press("w")
            await settle(pilot, app)
            assert app.screen.status.value == "verified"
            await pilot.press("b")
            await settle(pilot, app)
            seen["backup"] = str(app.screen.query_one("#backup-status").render())
            await pilot.press("e")
            await settle(pilot, app)
            await pilot.press("f8")
            await until(pilot, app, "EndScreen")
            assert kiosk.session is None  # wiped; the slips were made before
            await pilot.press("p")  # P prints both slips
            await settle(pilot, app)
            seen["slips-status"] = str(app.screen.query_one("#slips-status").render())
            await pilot.press("f8")
            await until(pilot, app, "HomeScreen")
            assert kiosk.slips == {}

    asyncio.run(run())

    assert "groupe 1" in seen["typo"].lower()
    assert seen["wrong"] == "La phrase secrète n'ouvre pas ce dossier."
    assert seen["visit"].version == 1 and seen["visit"].check == "repaired"
    assert "version 1, 1 document(s)" in seen["opened"] and "réparée" in seen["opened"]
    assert seen["ready"].startswith("Version 2 prête : 1 nouveau(x) document(s)")
    # The passphrase is not shown again; the person is told it is unchanged.
    assert seen["digits"] == 0 and "ne change pas" in seen["note"]
    assert "Copie de secours écrite et vérifiée" in seen["backup"]
    # Slips: both printed through the one print function, as PDFs, nothing on disk.
    assert [title for title, _ in printer.jobs] == ["referral slip", "deadline reminder"]
    assert all(data.startswith(b"%PDF") for _, data in printer.jobs)
    assert "imprimé" in seen["slips-status"]
    on_disk = [p for p in kiosk.settings.data_dir.rglob("*.pdf")]
    assert on_disk == []

    # Version 2 on the drive: same bundle, same passphrase, both documents, old files gone.
    key, _ = load_or_create(kiosk.settings.key_path)
    info = verify_bundle(pdf, passphrase=passphrase, trusted_keys=[key.public_bytes])
    assert info.bundle_id == bundle_id and info.version == 2
    assert len(info.manifest.documents) == 2
    assert sorted(p.name for p in drive.glob("*.pdf")) == [pdf.name]
    assert (backup / pdf.name).read_bytes() == pdf.read_bytes()

    lines = kiosk.settings.audit_log.read_bytes().splitlines()
    entries = [decode(line) for line in lines if line.strip()]  # the session's process wrote
    checked = [e for e in entries if e.event == "bundle_checked"]
    assert checked and all(e.details["status"] == "repaired" for e in checked)
    kinds = [e.event for e in entries]
    assert kinds.count("bundle_opened") == 1
    assert kinds.index("bundle_opened") < kinds.index("page_captured", kinds.index("bundle_opened"))
    assert "backup_written" in kinds and kinds[-1] in ("session_end", "checkpoint")
    assert verify_log(kiosk.settings.audit_log, [key.public_bytes]).ok


class FakeCamera:
    """Stands in for the document camera (none on this machine): its full-resolution frame is
    a rendered key card, behind the Scanner protocol plus the camera's ``snap``."""

    def __init__(self, frame: np.ndarray) -> None:
        self.frame = frame

    def open(self) -> None: ...

    def close(self) -> None: ...

    def frames(self) -> Any:
        return iter(())

    def capture(self) -> list[Any]:
        return [self.snap()]

    def snap(self) -> Any:
        from scanners.types import RawImage

        return RawImage(self.frame, None, "photo", "camera snapshot")

    def __enter__(self) -> FakeCamera:
        return self

    def __exit__(self, *exc: object) -> None: ...


def test_returning_passphrase_read_from_the_key_card_qr(make_kiosk: Any, tmp_path: Path) -> None:
    require_tool("par2")
    from kiosk.app import KioskApp
    from nextstep.bundle.keycard import raster_to_array, render_card

    kiosk = make_kiosk(scanner="camera")
    passphrase, bundle_id = first_visit(kiosk, tmp_path, ocr=False)
    card = render_card(passphrase, bundle_id=bundle_id, created=FIXED_DAY, language="fr")
    kiosk._scanner_factory = lambda: FakeCamera(raster_to_array(card[0]))
    app: Any = KioskApp(kiosk, first="signin")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await sign_in(pilot, app)
            await pilot.press("r")
            await until(pilot, app, "LanguageScreen")
            await pilot.press("enter")
            await until(pilot, app, "ConsentScreen")
            await answer_consent(pilot, app, [True, False, False, False])
            await until(pilot, app, "PassphraseScreen")
            assert "QR" in str(app.screen.query_one("#passphrase-camera").render())
            await pilot.press("f7")
            await until(pilot, app, "CaptureScreen", timeout=60)

    asyncio.run(run())
    assert kiosk.returning is not None and kiosk.returning.version == 1
    assert kiosk.returning.check == "intact"


def test_returning_without_a_camera_has_no_qr_key(make_kiosk: Any) -> None:
    from kiosk.app import KioskApp
    from kiosk.screens.returning import PassphraseScreen

    kiosk = make_kiosk()
    kiosk.staff = "demo"
    kiosk.start_session("fr", holder_id="h-0123456789abcdef0123")
    app: Any = KioskApp(kiosk, first="none")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.push_screen(PassphraseScreen())
            await pilot.pause()
            assert not app.screen.query("#passphrase-camera")
            assert "F7" not in [pair[0] for pair in app.screen.keys()]  # noqa: SIM118
            await pilot.press("f7")
            await pilot.pause()
            assert screen_name(app) == "PassphraseScreen" and not app.screen.busy
            # No key card today: F10 ends the visit after a confirmation; the session is wiped.
            session = kiosk.session
            await pilot.press("f10")
            await until(pilot, app, "ConfirmModal")
            await pilot.press("shift+tab", "enter")
            await until(pilot, app, "EndScreen")
            assert kiosk.session is None and session.ended

    asyncio.run(run())


def test_a_drive_without_a_bundle_is_one_translated_sentence(make_kiosk: Any) -> None:
    from kiosk.app import KioskApp

    kiosk = make_kiosk()
    Path(kiosk.drive_spec).mkdir(parents=True, exist_ok=True)
    app: Any = KioskApp(kiosk, first="signin")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await sign_in(pilot, app)
            await pilot.press("r")
            await settle(pilot, app)
            assert screen_name(app) == "ErrorModal"
            assert app.screen.message == (
                "Aucun dossier NextStep lisible n'a été trouvé sur cette clé."
            )
            await pilot.press("enter")
            assert screen_name(app) == "ReturningDriveScreen"
            assert kiosk.session is None
            await pilot.press("escape")
            await until(pilot, app, "HomeScreen")

    asyncio.run(run())


def test_key_card_goes_through_the_same_print_function_and_is_logged(make_kiosk: Any) -> None:
    """A new person's key card is printed by the one print function the slips use (here a
    Fake printer), and ``keycard_printed`` is logged under the person's key-card consent."""
    from kiosk.app import KioskApp
    from kiosk.screens.delivery import BundleScreen
    from nextstep import consent
    from nextstep.session import BundleOutcome

    kiosk = make_kiosk()
    printer = FakePrinter()
    kiosk.printer = printer
    kiosk.staff = "demo"
    session = kiosk.start_session("fr")
    session.give_consent({p: p in (consent.DIGITIZE, consent.KEYCARD) for p in consent.PURPOSE_IDS})
    card = b"%PDF-1.7 key card"
    session.build_bundle = lambda: BundleOutcome(
        pdf=b"", files={}, bundle_id="b-1", passphrase="x", keycard_pdf=card
    )
    app: Any = KioskApp(kiosk, first="none")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await app.push_screen(BundleScreen())
            await settle(pilot, app)
            assert "imprimée" in str(app.screen.query_one("#keycard-status").render())

    asyncio.run(run())
    assert printer.jobs == [("key card", card)]
    events = [e.event for e in kiosk.audit.entries()]
    assert events.count("keycard_printed") == 1
