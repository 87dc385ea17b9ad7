"""The share screen, driven through Pilot on real components (folder drives, pikepdf,
minisign, the audit log): a directory recipient chosen from the drive screen, a typed
recipient, a refusal, a returning person sharing from the capture screen; at 80x24 and with
the person's questions in Arabic.

Documents are made from processed sample pages without Tesseract (reading is not under test
here), so each test costs seconds.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.kiosk.drive import settle, until

SMALL = (80, 24)


def _documents(session: Any, tmp_path: Path, names_and_categories: list[tuple[str, str]]) -> None:
    """Capture each sample as one document and give it a category without OCR."""
    from nextstep.model import Classification, Document, OcrPage
    from nextstep.session import Draft
    from scanners.demo import DemoScanner, sample_dir

    drafts = []
    for n, (name, category) in enumerate(names_and_categories):
        folder = tmp_path / f"s{n}"
        folder.mkdir()
        shutil.copy(sample_dir() / name, folder / name)
        with DemoScanner(folder) as scanner:
            assert session.capture(scanner).accepted
        pages = session.drafts[-1].pages
        ocr = [OcrPage([], "", "fra", p.size[0], p.size[1], p.dpi) for p in pages]
        doc = Document(pages=pages, ocr=ocr, classification=Classification(category, 0.9))
        drafts.append(Draft(pages=pages, document=doc))
    session.drafts = drafts


def written_visit(kiosk: Any, tmp_path: Path, *, language: str = "fr") -> Any:
    """A first visit up to the verified drive, as the kiosk leaves it on the drive screen."""
    from nextstep import consent

    kiosk.staff = "demo"
    session = kiosk.start_session(language)
    # A draft-language notice (ar) is recorded only as explained by an interpreter.
    informed = "screen" if language in consent.notices.COMPLETE_LANGUAGES else "interpreter"
    session.give_consent(
        {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
        informed=informed,
        interpreter_language=None if informed == "screen" else language,
    )
    _documents(
        session, tmp_path, [("03-mutualite.png", "health"), ("04-decision-cpas.png", "allowances")]
    )
    session.build_bundle()
    assert session.write_to_drive(kiosk.drive_spec).ok
    return session


def audit_events(kiosk: Any) -> list[dict[str, Any]]:
    raw = kiosk.settings.audit_log.read_text(encoding="utf-8")
    return [json.loads(x) for x in raw.splitlines() if x.strip()]


async def open_share_from_drive(pilot: Any, app: Any) -> None:
    from kiosk.screens.delivery import DriveScreen
    from nextstep.drives.status import DriveStatus

    screen = DriveScreen(poll=False)
    await app.push_screen(screen)
    await pilot.pause()
    screen.show_status(DriveStatus.VERIFIED)
    await pilot.press("f4")
    await until(pilot, app, "ShareScreen")
    await settle(pilot, app)


def opens_with(pdf: Path, passphrase: str) -> list[str]:
    """The categories in the shared copy's signed manifest, opened with its passphrase."""
    import pikepdf

    from nextstep.bundle.verify import verify_bundle

    info = verify_bundle(pdf, passphrase=passphrase, trusted_keys=[_key(pdf)])
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(pdf)
    return [d.category for d in info.manifest.documents]


def _key(pdf: Path) -> bytes:
    data = pdf
    while data.name != "drive":
        data = data.parent
    return bytes.fromhex((data.parent / "data" / "keys" / "kiosk.pub").read_text().strip())


def test_directory_recipient_from_the_drive_screen_at_80x24(
    make_kiosk: Any, tmp_path: Path
) -> None:
    from kiosk.app import KioskApp

    kiosk: Any = make_kiosk()
    written_visit(kiosk, tmp_path)
    app: Any = KioskApp(kiosk, first="none")
    seen: dict[str, Any] = {}

    async def run() -> None:
        async with app.run_test(size=SMALL) as pilot:
            await open_share_from_drive(pilot, app)
            screen = app.screen
            seen["options"] = [
                str(screen.query_one("#share-docs").get_option_at_index(i).prompt)
                for i in range(screen.query_one("#share-docs").option_count)
            ]
            await pilot.press("space")  # the first option: every document of one category
            screen.query_one("#share-service").value = "cpas-liege"
            screen.query_one("#share-name").focus()
            await pilot.press(*"Mme Lejeune")
            seen["visible"] = {
                w: screen.query_one(w).region.bottom <= SMALL[1] - 1
                for w in ("#share-docs", "#share-service", "#share-name", "#share-ask")
            }
            await pilot.press("f8")
            await until(pilot, app, "ConfirmModal")
            seen["question"] = str(app.screen.question)
            await pilot.click("#yes")
            await until(pilot, app, "ShareScreen")
            await settle(pilot, app)
            seen["outcome"] = screen.outcome
            seen["text"] = str(screen.query_one("#share-text").render())
            seen["status"] = str(screen.query_one("#share-status").render())
            seen["qr_rows"] = len(str(screen.query_one("#share-qr").render()).splitlines())
            seen["qr_bottom"] = screen.query_one("#share-qr").region.bottom
            await pilot.press("escape")
            await until(pilot, app, "DriveScreen")

    asyncio.run(run())
    assert seen["options"][:2] == ["Tous : Santé (1)", "Tous : Allocations et CPAS (1)"]
    assert seen["options"][2].startswith("D1 Santé, 1 page(s)")
    assert all(seen["visible"].values()), seen["visible"]
    assert "Mme Lejeune, CPAS de Liège" in seen["question"]
    outcome = seen["outcome"]
    assert outcome is not None and outcome.ok
    assert outcome.passphrase in seen["text"]
    assert "photographie" in seen["status"]  # no printer: shown for a photo
    assert seen["qr_rows"] >= 13 and seen["qr_bottom"] <= SMALL[1] - 1
    pdf = Path(kiosk.drive_spec) / outcome.pdf_name
    assert opens_with(pdf, outcome.passphrase) == ["health"]
    shares = [e for e in audit_events(kiosk) if e["event"] == "share"]
    assert [s["details"]["recipient_kind"] for s in shares] == ["directory"]
    assert b"Lejeune" not in kiosk.settings.audit_log.read_bytes()
    assert [r.recipient for r in kiosk.session.shares] == [outcome.record.recipient]


def test_typed_recipient_one_document(make_kiosk: Any, tmp_path: Path) -> None:
    from kiosk.app import KioskApp

    kiosk: Any = make_kiosk()
    written_visit(kiosk, tmp_path)
    app: Any = KioskApp(kiosk, first="none")
    seen: dict[str, Any] = {}

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_share_from_drive(pilot, app)
            screen = app.screen
            # Options: 2 categories, then D1, D2: choose D2 alone.
            await pilot.press("down", "down", "down", "space")
            seen["thumb"] = screen.query_one("#share-thumb")._pixels is not None
            screen.query_one("#share-name").focus()
            await pilot.press(*"Maitre Dupont, avocate")
            await pilot.press("f8")
            await until(pilot, app, "ConfirmModal")
            await pilot.click("#yes")
            await until(pilot, app, "ShareScreen")
            await settle(pilot, app)
            seen["outcome"] = screen.outcome

    asyncio.run(run())
    assert seen["thumb"]
    outcome = seen["outcome"]
    assert outcome is not None and outcome.record.recipient == "Maitre Dupont, avocate"
    pdf = Path(kiosk.drive_spec) / outcome.pdf_name
    assert opens_with(pdf, outcome.passphrase) == ["allowances"]
    shares = [e for e in audit_events(kiosk) if e["event"] == "share"]
    assert [s["details"]["recipient_kind"] for s in shares] == ["typed"]


def test_refusal_in_arabic_shares_nothing(make_kiosk: Any, tmp_path: Path) -> None:
    from kiosk.app import KioskApp
    from kiosk.i18n import set_languages

    kiosk: Any = make_kiosk()
    written_visit(kiosk, tmp_path, language="ar")
    app: Any = KioskApp(kiosk, first="none")
    seen: dict[str, Any] = {}

    async def run() -> None:
        async with app.run_test(size=SMALL) as pilot:
            set_languages(person="ar")
            await open_share_from_drive(pilot, app)
            screen = app.screen
            await pilot.press("space")
            screen.query_one("#share-name").focus()
            await pilot.press(*"Dr Haddad")
            await pilot.press("f8")
            await until(pilot, app, "ConfirmModal")
            seen["question"] = str(app.screen.question)
            seen["yes"] = str(app.screen.yes)
            await pilot.press("enter")  # "No" has the focus
            await until(pilot, app, "ShareScreen")
            await settle(pilot, app)
            seen["status"] = str(screen.query_one("#share-status").render())
            seen["outcome"] = screen.outcome

    asyncio.run(run())
    assert any("\u0600" <= c <= "\u06ff" or "\ufe70" <= c <= "\ufeff" for c in seen["question"])
    assert "Dr Haddad" in seen["question"]
    assert seen["yes"] != "Yes"
    assert seen["outcome"] is None and "rien" in seen["status"]
    assert not (Path(kiosk.drive_spec) / "partage-share").exists()
    events = audit_events(kiosk)
    assert not [e for e in events if e["event"] == "share"]
    assert events[-1]["event"].startswith("consent")


def test_returning_person_shares_from_the_opened_bundle(make_kiosk: Any, tmp_path: Path) -> None:
    from kiosk.app import KioskApp
    from kiosk.screens.capture import CaptureScreen
    from kiosk.services import ReturnVisit
    from nextstep import consent

    kiosk: Any = make_kiosk()
    first = written_visit(kiosk, tmp_path)
    passphrase = first._bundle.passphrase
    kiosk.end_session()
    holder = kiosk.holder_on_drive()
    session = kiosk.start_session("fr", holder_id=holder)
    session.give_consent({p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS})
    info = session.open_returning(passphrase, kiosk.drive_spec)
    kiosk.returning = ReturnVisit(info.version, len(info.manifest.documents), "ok")
    kiosk.awaiting_passphrase = False
    app: Any = KioskApp(kiosk, first="none")
    seen: dict[str, Any] = {}

    async def run() -> None:
        async with app.run_test(size=SMALL) as pilot:
            await app.push_screen(CaptureScreen(live=False))
            await settle(pilot, app)
            seen["keys"] = app.screen.keys()
            await pilot.press("f4")
            await until(pilot, app, "ShareScreen")
            await settle(pilot, app)
            screen = app.screen
            seen["earlier"] = [d.earlier for d in screen.documents]
            seen["thumbs"] = [d.thumbnail is not None for d in screen.documents]
            await pilot.press("space")
            # The service list by keyboard: open it, the first service after "typed", choose.
            screen.query_one("#share-service").focus()
            await pilot.press("enter", "down", "enter")
            await pilot.pause()
            seen["service"] = screen.services[0]
            await pilot.press("f8")
            await until(pilot, app, "ConfirmModal")
            seen["question"] = str(app.screen.question)
            await pilot.click("#yes")
            await until(pilot, app, "ShareScreen")
            await settle(pilot, app)
            seen["outcome"] = screen.outcome
            await pilot.press("escape")
            await until(pilot, app, "CaptureScreen")

    asyncio.run(run())
    assert ("F4", "Partager avec un destinataire") in seen["keys"]
    assert seen["earlier"] == [True, True] and all(seen["thumbs"])
    assert seen["service"].name in seen["question"]
    outcome = seen["outcome"]
    assert outcome is not None and outcome.ok
    assert outcome.source_bundle_id == info.bundle_id
    assert outcome.record.recipient == seen["service"].name
    pdf = Path(kiosk.drive_spec) / outcome.pdf_name
    assert opens_with(pdf, outcome.passphrase) == ["health"]
