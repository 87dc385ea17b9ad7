"""Snapshots of every screen at 80x24 (the smallest kiosk terminal) and 120x40, in French and
in Arabic (right to left), with the F1 help and the "refuse everything" question; the error
modal and each drive status at 110x34. Deterministic: fixed holder id, passphrase, checkpoint,
date, preflight rows and a synthetic page image; no clock or random value reaches the screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

from nextstep.drives.status import DriveStatus
from nextstep.model import Classification, Deadline, Document, OcrPage
from scanners.types import Page

SIZE = (110, 34)
HOLDER = "h-0123456789abcdef0123"
PASSPHRASE = "2949795894-6799512198-1979779935"  # the real layout: 3 groups of 10
CHECKPOINT = (
    "nextstep/audit/kiosk-4a749b98\n15\n/LvT1Bh1dr8aAIkOMUAqOrLGqvPSzk8i6vUuo0DvDXs=\n\n"
    "— nextstep/audit/kiosk-4a749b98 qM6+CajhCbNHGS1JNV4UWPH84i5lfeWn20S1FILTsd/mJOllVDkmZvtI\n"
)


def page_image(seed: int) -> Page:
    """A synthetic letter: white page, a dark header band and grey text lines."""
    img = np.full((1169, 827, 3), 250, dtype=np.uint8)
    img[60:140, 60:400] = (120, 60, 20)
    for n in range(18):
        y = 220 + n * 45
        img[y : y + 14, 80 : 740 - (n * 37 + seed * 50) % 300] = 70
    return Page(color=img, gray=img[:, :, 0].copy(), dpi=100.0, origin="demo")


def document(category: str, confidence: float, deadlines: list[Deadline], pages: int) -> Document:
    ps = [page_image(i) for i in range(pages)]
    ocr = [
        OcrPage(words=[], text="", language="fra", width=827, height=1169, dpi=100.0) for _ in ps
    ]
    return Document(
        pages=ps,
        ocr=ocr,
        language="fra",
        deadlines=deadlines,
        classification=Classification(
            category=category,
            confidence=confidence,
            needs_review=confidence < 0.6,
            alternatives=[("residence", 0.21), ("other", 0.05)],
            reasons=[
                "mots-clés : Commissariat général, protection internationale",
                "expéditeur : CGRA",
            ],
        ),
    )


def prepare_session(kiosk: Any, lang: str, *, documents: bool) -> Any:
    from nextstep import consent
    from nextstep.session import BundleOutcome, Draft

    kiosk.staff = "demo"
    session = kiosk.start_session(lang, holder_id=HOLDER)
    session.give_consent(
        {p: p in (consent.DIGITIZE, consent.KEYCARD) for p in consent.PURPOSE_IDS},
        notice_language="en",
    )
    if documents:
        docs = [
            document(
                "asylum",
                0.91,
                [
                    Deadline(dt.date(2027, 1, 5), "response", "avant le 5 janvier 2027"),
                    Deadline(
                        dt.date(2027, 1, 12), "appointment", "le 12 janvier 2027", confirmed=True
                    ),
                ],
                2,
            ),
            document("housing", 0.55, [Deadline(dt.date(2026, 12, 15), "payment", "15/12")], 1),
            document("health", 0.78, [], 1),
        ]
        session.drafts = [Draft(pages=d.pages, document=d) for d in docs]
    session.build_bundle = lambda: BundleOutcome(  # fixed passphrase for the picture only
        pdf=b"", files={}, bundle_id="b-0001", passphrase=PASSPHRASE, keycard_pdf=None
    )
    return session


def make_app(make_kiosk: Any, lang: str) -> Any:
    from kiosk.app import KioskApp
    from kiosk.i18n import set_languages

    app: Any = KioskApp(make_kiosk(), first="none")
    set_languages(staff="fr", person=lang)
    return app


PREFLIGHT_ROWS = None


def preflight_rows() -> list[Any]:
    from scanners.probe import ToolProbe

    return [
        ToolProbe("tesseract", True, "Tesseract 5.3.0 with fra, nld, deu, eng, osd, ara"),
        ToolProbe("qpdf", True, "bundle checks: /usr/bin/qpdf", required=False),
        ToolProbe(
            "lp",
            False,
            "key-card printing: `lp` is missing.",
            "sudo apt-get install cups-client",
            required=False,
        ),
        ToolProbe(
            "scanner:camera",
            False,
            "No camera is connected.",
            "Plug in the document camera (USB).",
            required=False,
        ),
        ToolProbe("kiosk key", True, "signing key present"),
        ToolProbe("audit log", True, "15 entries, verified"),
        ToolProbe("drive", True, "demo drive: ./demo-drive", required=False),
    ]


SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
SCREENS = [
    "preflight",
    "signin",
    "home",
    "language",
    "consent",
    "refused",
    "capture",
    "review",
    "bundle",
    "end",
    "error",
    "returning",
    "passphrase",
    "drive",
    "help",
    "refuse-all",
    "share",
]


async def show_screen(app: Any, pilot: Any, name: str, lang: str) -> None:
    """Open screen ``name`` as staff would find it (a session in ``lang`` where it needs one)."""
    from kiosk.screens import capture, delivery, person, review, staff
    from kiosk.services import Delivered

    kiosk = app.kiosk
    if name == "preflight":
        app.preflight_results = preflight_rows()
        await app.push_screen(staff.PreflightScreen())
    elif name == "signin":
        await app.push_screen(staff.SignInScreen())
    elif name in ("home", "error"):
        kiosk.staff = "demo"
        await app.push_screen(staff.HomeScreen())
        if name == "error":
            app.show_error(
                "La clé USB a été retirée pendant l'écriture.",
                "Rebranchez-la et appuyez sur W ; l'ancien dossier est intact.",
            )
    elif name == "language":
        kiosk.staff = "demo"
        await app.push_screen(person.LanguageScreen())
    elif name in ("consent", "refuse-all"):
        kiosk.staff = "demo"
        kiosk.start_session(lang, holder_id=HOLDER)
        await app.push_screen(person.ConsentScreen())
        if name == "refuse-all":
            await pilot.pause()
            await pilot.press("f9")
    elif name == "refused":
        prepare_session(kiosk, lang, documents=False)
        await app.push_screen(person.RefusedScreen())
    elif name == "capture":
        prepare_session(kiosk, lang, documents=True)
        screen = capture.CaptureScreen()
        await app.push_screen(screen)
        await pilot.pause()
        thumb: Any = screen.query_one("#thumbnail")
        thumb.set_page(page_image(0).color)
        status: Any = screen.query_one("#capture-status")
        status.update("Page trouvée, nette, capturée.")
    elif name == "review":
        prepare_session(kiosk, lang, documents=True)
        await app.push_screen(review.ReviewScreen())
    elif name == "bundle":
        prepare_session(kiosk, lang, documents=True)
        await app.push_screen(delivery.BundleScreen())
    elif name == "end":
        kiosk.staff = "demo"
        await app.push_screen(delivery.EndScreen(Delivered(CHECKPOINT, 3, 4, "")))
    elif name == "returning":
        from kiosk.screens.returning import ReturningDriveScreen

        kiosk.staff = "demo"
        await app.push_screen(ReturningDriveScreen(auto=False))
    elif name == "passphrase":
        from kiosk.screens.returning import PassphraseScreen

        kiosk.staff = "demo"
        kiosk.start_session(lang, holder_id=HOLDER)
        await app.push_screen(PassphraseScreen())
    elif name == "drive":
        prepare_session(kiosk, lang, documents=True)
        drive = delivery.DriveScreen(poll=False)
        await app.push_screen(drive)
        await pilot.pause()
        drive.show_status(DriveStatus.READY)
    elif name == "share":
        from kiosk.screens.share import ShareScreen

        session = prepare_session(kiosk, lang, documents=True)
        session._bundle = session.build_bundle()  # the picture needs a made bundle, no more
        await app.push_screen(ShareScreen())
    elif name == "help":
        prepare_session(kiosk, lang, documents=True)
        await app.push_screen(review.ReviewScreen())
        await pilot.pause()
        await pilot.press("f1")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", SCREENS)
def test_screen_snapshot(
    snap_compare: Any, make_kiosk: Any, name: str, lang: str, size: str
) -> None:
    app = make_app(make_kiosk, lang)

    async def before(pilot: Any) -> None:
        await show_screen(app, pilot, name, lang)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=before)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_capture_camera_snapshot(snap_compare: Any, make_kiosk: Any, lang: str) -> None:
    """The capture screen with the camera as source: the live view frozen on one recorded
    frame (page found, sharp, well lit, not yet still), its status, the last page."""
    from tests.kiosk.camera_video import frozen_frame

    app = make_app(make_kiosk, lang)

    async def before(pilot: Any) -> None:
        from kiosk.preview import frame_message
        from kiosk.screens.capture import CaptureScreen

        prepare_session(app.kiosk, lang, documents=True)
        app.kiosk.source = "camera:/media/camera/session.avi"
        screen = CaptureScreen(live=False)
        await app.push_screen(screen)
        await pilot.pause()
        preview: Any = screen.query_one("#preview")
        size = (preview.content_size.width, preview.content_size.height)
        screen.show_preview(frame_message(frozen_frame(), size))
        thumb: Any = screen.query_one("#thumbnail")
        thumb.set_page(page_image(0).color)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("status", list(DriveStatus), ids=lambda s: s.value)
def test_drive_status_snapshot(snap_compare: Any, make_kiosk: Any, status: DriveStatus) -> None:
    app = make_app(make_kiosk, "fr")

    async def before(pilot: Any) -> None:
        from kiosk.screens.delivery import DriveScreen

        app.kiosk.staff = "demo"
        screen = DriveScreen(poll=False)
        await app.push_screen(screen)
        await pilot.pause()
        screen.show_status(status)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_drive_ejected_snapshot_rtl(snap_compare: Any, make_kiosk: Any) -> None:
    app = make_app(make_kiosk, "ar")

    async def before(pilot: Any) -> None:
        from kiosk.screens.delivery import DriveScreen

        app.kiosk.staff = "demo"
        screen = DriveScreen(poll=False)
        await app.push_screen(screen)
        await pilot.pause()
        screen.show_status(DriveStatus.EJECTED)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_bundle_of_a_returning_person_snapshot(snap_compare: Any, make_kiosk: Any) -> None:
    """Version 2 of a returning person's bundle: the passphrase is not shown again."""
    from kiosk.services import ReturnVisit

    app = make_app(make_kiosk, "fr")

    async def before(pilot: Any) -> None:
        from kiosk.screens.delivery import BundleScreen

        prepare_session(app.kiosk, "fr", documents=True)
        app.kiosk.returning = ReturnVisit(version=1, documents=2, check="repaired")
        await app.push_screen(BundleScreen())
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("printer", [False, True], ids=["no-printer", "printer"])
def test_end_with_slips_snapshot(snap_compare: Any, make_kiosk: Any, printer: bool) -> None:
    """The end screen offers the referral and reminder slips (held in memory only)."""
    app = make_app(make_kiosk, "fr")

    class FakePrinter:
        def print_pdf(self, data: bytes, *, title: str) -> str:
            return "fake-1"

    async def before(pilot: Any) -> None:
        from kiosk.screens.delivery import EndScreen
        from kiosk.services import Delivered

        app.kiosk.staff = "demo"
        app.kiosk.slips = {"referral": b"%PDF-1.7", "reminder": b"%PDF-1.7"}
        app.kiosk.printer = FakePrinter() if printer else None
        await app.push_screen(EndScreen(Delivered(CHECKPOINT, 3, 4, "")))
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


def test_consent_through_an_interpreter_snapshot(snap_compare: Any, make_kiosk: Any) -> None:
    """Choosing "through an interpreter" asks which language the interpreter spoke."""
    app = make_app(make_kiosk, "fr")

    async def before(pilot: Any) -> None:
        from textual.widgets import RadioSet

        from kiosk.screens.person import ConsentScreen

        app.kiosk.staff = "demo"
        app.kiosk.start_session("fr", holder_id=HOLDER)
        screen = ConsentScreen()
        await app.push_screen(screen)
        await pilot.pause()
        informed = screen.query_one("#informed", RadioSet)
        informed.focus()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        screen.query_one("#interpreter-language").scroll_visible(animate=False)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=before)


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("name", SCREENS)
def test_every_screen_fits_80x24(make_kiosk: Any, name: str, lang: str) -> None:
    """At 80x24: the heading is on screen when the screen opens, and the focused widget (where
    the keyboard is) is in view."""
    import asyncio

    app = make_app(make_kiosk, lang)
    seen: dict[str, Any] = {}

    async def run() -> None:
        async with app.run_test(size=SIZES["80x24"]) as pilot:
            await show_screen(app, pilot, name, lang)
            screen = app.screen
            visible = screen.region
            # The screen's heading: its title (a modal's own title over it), else the first
            # table title (the review screen has one per table, stacked on a narrow terminal).
            heads = [
                *screen.query(".dialog-title"),
                *screen.query(".screen-title"),
                *screen.query(".table-title"),
            ]
            shown = [h for h in heads if h.display]
            seen["title"] = bool(shown) and visible.contains_region(shown[0].region)
            focused = screen.focused
            seen["focus"] = focused is None or visible.contains_region(focused.region)

    asyncio.run(run())
    assert seen["title"]
    assert seen["focus"]


def test_withdrawal_purposes_snapshot_80x24(snap_compare: Any, make_kiosk: Any) -> None:
    """The withdrawal screen once the key card proved the bundle: the purposes the person gave,
    one box each, none ticked (the proof's outcome is given, so no drive is read)."""
    from nextstep.consent.withdrawal import GivenOnDrive

    app = make_app(make_kiosk, "fr")

    async def before(pilot: Any) -> None:
        from kiosk.screens.withdraw import WithdrawScreen

        screen = WithdrawScreen(auto=False)
        await app.push_screen(screen)
        await pilot.pause()
        given = ["digitize_store", "recovery_escrow"]
        screen.show_purposes(GivenOnDrive(HOLDER, "stem", "keycard", given, "fr"))
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=before)
