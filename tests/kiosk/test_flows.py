"""The kiosk's flows that staff and people must not get wrong, driven by keyboard (Pilot):
quitting mid-visit, consent, every ending, finishing from capture, F1 help and the one key
map, the drive (unusable, vanished, shared), a drive holding several bundles, and the one
deadlines panel.

Documents are built from a processed sample page without Tesseract (these tests are about
the flows, not reading); the bundle, drive writes, envelopes and the audit log are real.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.kiosk.conftest import FIXED_DAY, run_app, written_visit
from tests.kiosk.drive import (
    answer_consent,
    choose_language,
    make_bundle,
    screen_name,
    settle,
    sign_in,
    until,
)


def text_of(app: Any, selector: str) -> str:
    """The widget's text with its wrapping undone (lines follow the terminal's width)."""
    return " ".join(str(app.screen.query_one(selector).render()).split())


def open_visit(kiosk: Any, deadlines: list[list[tuple[dt.date, bool]]] | None = None) -> Any:
    """A kiosk session (in this process) with consent to digitise and one document per item
    of ``deadlines`` (each a list of (date, confirmed)), built without OCR."""
    from nextstep import consent
    from nextstep.model import Classification, Deadline, Document, OcrPage
    from nextstep.session import Draft
    from scanners.demo import DemoScanner, sample_dir

    plan = deadlines if deadlines is not None else [[]]
    session = kiosk.start_session("fr")
    session.give_consent({p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS})
    with DemoScanner(sample_dir()) as scanner:
        session.capture(scanner)
    page = session.drafts[0].pages[0]
    drafts = []
    for dates in plan:
        ocr = [OcrPage([], "", "fra", page.size[0], page.size[1], page.dpi)]
        doc = Document(
            pages=[page],
            ocr=ocr,
            classification=Classification("health", 0.9),
            deadlines=[Deadline(d, "payment", "", confirmed=c) for d, c in dates],
        )
        drafts.append(Draft(pages=[page], document=doc))
    session.drafts = drafts
    return session


# -- quitting ----------------------------------------------------------------------------------
def test_quitting_mid_visit_says_what_is_lost_and_asks(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "fr")
        await pilot.press("ctrl+q")
        await until(pilot, app, "ConfirmModal")
        seen["consent"] = app.screen.question
        await pilot.press("escape")  # stay: nothing is lost
        await until(pilot, app, "ConsentScreen")
        assert kiosk.session is not None and app.return_code is None
        await answer_consent(pilot, app, [True, False, False, False])
        await until(pilot, app, "CaptureScreen")
        await pilot.press("space")
        await settle(pilot, app)
        await pilot.press("ctrl+c")
        await until(pilot, app, "ConfirmModal")
        seen["capture"] = app.screen.question
        await pilot.press("shift+tab", "enter")  # "Quit and erase"
        await until(pilot, app, "PinModal")
        await pilot.press(*"1234", "enter")
        await pilot.pause()
        assert app.return_code == 0
        assert kiosk.session is None  # wiped before leaving

    run_app(kiosk, steps)
    assert "rien n'a encore été capturé" in seen["consent"]
    assert "efface ses" in seen["capture"] and "page(s)" in seen["capture"]
    assert "n'écrit rien sur la clé" in seen["capture"]


# -- consent -----------------------------------------------------------------------------------
def test_consent_starts_blank_and_every_way_out_is_asked_or_reversible(make_kiosk: Any) -> None:
    from textual.widgets import RadioSet

    kiosk = make_kiosk()
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "fr")
        screen = app.screen
        sets = [s for s in screen.query(RadioSet) if s.has_class("yes-no")]
        seen["pressed"] = [s.pressed_index for s in sets]
        # The keyboard cursor sits on "Yes" of each question; it must not look chosen:
        # "Yes" (cursor) and "No" are drawn alike in every question without focus.
        blurred = [s for s in sets if not s.has_focus]
        styles = [
            [b.get_component_rich_style("toggle--label") for b in s.query("RadioButton")]
            for s in blurred
        ]
        seen["alike"] = all(yes.bgcolor == no.bgcolor for yes, no in styles)
        seen["heading"] = screen.query_one(".screen-title").region.y
        # F9 asks before refusing everything; "No" keeps the form.
        await pilot.press("f9")
        await until(pilot, app, "ConfirmModal")
        seen["f9"] = app.screen.question
        await pilot.press("enter")  # focus is on "No, go back"
        await until(pilot, app, "ConsentScreen")
        assert kiosk.session.view().stage.value == "consent"
        # F8 with the second question unanswered: it gets the focus, in view.
        await pilot.press("enter", "f8")
        body = app.screen.query_one("#consent")
        for _ in range(50):  # the scroll happens after a refresh: wait for it, boundedly
            await pilot.pause(0.1)
            now = app.screen.focused
            if now is not None and body.region.contains_region(now.region):
                break
        focused = app.screen.focused
        seen["focused"] = focused.id if focused is not None else None
        seen["in_view"] = body.region.contains_region(focused.region)
        seen["message"] = text_of(app, "#consent-message")
        # Staff's question in the staff's language.
        seen["informed"] = [str(b.label) for b in app.screen.query_one("#informed").children]
        # Esc: back to the language choice; the session for French is ended.
        session = kiosk.session
        await pilot.press("escape")
        await until(pilot, app, "LanguageScreen")
        seen["ended"] = session.ended and kiosk.session is None

    run_app(kiosk, steps)
    assert seen["pressed"] == [-1, -1, -1, -1]
    assert seen["alike"]
    assert seen["heading"] <= 3  # the heading is on screen when the form opens at 80x24
    assert seen["f9"] == "Refusez-vous tout ? Rien ne sera numérisé."
    assert seen["focused"] == "purpose-print_keycard" and seen["in_view"]
    assert seen["message"] == "Répondez oui ou non à chaque question, s'il vous plaît."
    assert seen["informed"][0] == "lue à l'écran"
    assert seen["ended"]


def test_staff_options_stay_in_the_staff_language_for_an_arabic_speaker(make_kiosk: Any) -> None:
    from textual.widgets import RadioButton

    kiosk = make_kiosk()
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "ar")
        informed = app.screen.query_one("#informed")
        seen["informed"] = [str(b.label) for b in informed.children]
        yes = app.screen.query_one("#purpose-digitize_store").query(RadioButton).first()
        seen["box_last"] = not yes._button_first  # the box on the right, RTL
        await pilot.press("f6")
        await pilot.pause()
        seen["listen"] = text_of(app, "#listen-status")

    run_app(kiosk, steps, size=(120, 40))
    assert seen["informed"] == ["lue à l'écran", "notice imprimée", "par un interprète"]
    assert seen["box_last"]
    # No speaker on this machine (no paplay/aplay): said, nothing played.
    if shutil.which("paplay") is None and shutil.which("aplay") is None:
        assert seen["listen"] == (
            "Ce kiosque n'a pas de haut-parleur : lisez la notice à la personne."
        )


def test_a_language_without_a_voice_sends_staff_to_an_interpreter(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "ti")  # Tigrinya: no espeak-ng voice
        await pilot.press("f6")
        await pilot.pause()
        seen["listen"] = text_of(app, "#listen-status")

    run_app(kiosk, steps, size=(120, 40))
    assert "interprète" in seen["listen"]


# -- endings -----------------------------------------------------------------------------------
def test_every_ending_tells_the_truth(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    seen: dict[str, str] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        # Refusal.
        await choose_language(pilot, app, "fr")
        await answer_consent(pilot, app, [False, False, False, False])
        await until(pilot, app, "RefusedScreen")
        await pilot.press("f8")
        await until(pilot, app, "EndScreen")
        seen["refused"] = text_of(app, "#end-text")
        await pilot.press("f8")
        await until(pilot, app, "HomeScreen")
        # Finishing from capture, without withdrawing: F10, asked first.
        await choose_language(pilot, app, "fr")
        await answer_consent(pilot, app, [True, False, False, False])
        await until(pilot, app, "CaptureScreen")
        await pilot.press("space")
        await settle(pilot, app)
        session = kiosk.session
        await pilot.press("f10")
        await until(pilot, app, "ConfirmModal")
        seen["ask"] = app.screen.question
        await pilot.press("shift+tab", "enter")
        await until(pilot, app, "EndScreen")
        seen["not_written"] = text_of(app, "#end-text")
        assert session.ended and kiosk.session is None
        await pilot.press("f8")
        await until(pilot, app, "HomeScreen")
        # Withdrawal, from capture: F9.
        await choose_language(pilot, app, "fr")
        await answer_consent(pilot, app, [True, False, False, False])
        await until(pilot, app, "CaptureScreen")
        await pilot.press("f9")
        await until(pilot, app, "ConfirmModal")
        await pilot.press("shift+tab", "enter")
        await until(pilot, app, "RefusedScreen")
        await pilot.press("f8")
        await until(pilot, app, "EndScreen")
        seen["withdrawn"] = text_of(app, "#end-text")

    run_app(kiosk, steps)
    assert "rien n'a été capturé" in seen["refused"]
    assert "clé USB" not in seen["refused"]
    assert "Rien n'est écrit sur une clé" in seen["ask"]
    assert seen["not_written"].startswith("Vos documents n'ont pas été écrits sur une clé USB")
    assert "retiré votre consentement" in seen["withdrawn"]


# -- keys --------------------------------------------------------------------------------------
def test_one_key_one_meaning_on_every_screen() -> None:
    import importlib
    import inspect

    from kiosk.base import KioskScreen
    from kiosk.keymap import KEYS

    by_key: dict[str, str] = {}
    for k in KEYS.values():
        for name in k.key.split(","):
            assert name not in by_key, f"{name} means both {by_key[name]} and {k.action}"
            by_key[name] = k.action
    screens = []
    for module in (
        "staff",
        "person",
        "capture",
        "review",
        "delivery",
        "returning",
        "share",
        "withdraw",
    ):
        mod = importlib.import_module(f"kiosk.screens.{module}")
        screens += [
            c for _n, c in inspect.getmembers(mod, inspect.isclass) if issubclass(c, KioskScreen)
        ]
    arrows = {"up", "down", "left", "right"}
    for screen in screens:
        for binding in screen.BINDINGS:
            key = binding.key if hasattr(binding, "key") else binding[0]
            assert key in by_key or key in arrows, f"{screen.__name__}: {key} is not in the map"
            action = binding.action if hasattr(binding, "action") else binding[1]
            assert hasattr(screen, f"action_{action.split('(')[0]}"), (screen.__name__, action)


def test_f1_lists_the_screen_keys_and_the_key_bar_never_cuts_a_hint(make_kiosk: Any) -> None:
    from kiosk.widgets import KeyBar

    kiosk = make_kiosk()
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        open_visit(kiosk, [[(FIXED_DAY, False)]])
        app.goto_review()
        await until(pilot, app, "ReviewScreen")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        seen["all"] = app.screen.keys()
        seen["shown"] = bar.shown
        seen["lines"] = str(bar.render()).splitlines()
        await pilot.press("f1")
        await until(pilot, app, "HelpModal")
        seen["help"] = text_of(app, "#help-keys")
        await pilot.press("escape")
        await until(pilot, app, "ReviewScreen")

    run_app(kiosk, steps)
    shown, every = seen["shown"], seen["all"]
    assert len(shown) < len(every) + 1 and shown[-1][0] == "F1"  # "F1 more keys" ends it
    assert shown[:-1] == every[: len(shown) - 1]  # whole hints, in order
    for line in seen["lines"]:
        assert len(line) <= 78
    for _key, label in every:
        assert label in seen["help"]
    assert "Créer le dossier" in seen["help"] and "Ctrl+Q" in seen["help"]


# -- deadlines ---------------------------------------------------------------------------------
def test_one_deadlines_panel_flags_past_dates_and_f8_asks(make_kiosk: Any) -> None:
    from textual.widgets import DataTable

    kiosk = make_kiosk()
    seen: dict[str, Any] = {}
    past, later = FIXED_DAY - dt.timedelta(days=3), FIXED_DAY + dt.timedelta(days=20)

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        session = open_visit(kiosk, [[(later, True)], [], [(past, False)]])
        app.goto_review()
        await until(pilot, app, "ReviewScreen")
        await pilot.pause()
        table = app.screen.query_one("#deadlines", DataTable)
        seen["rows"] = [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)]
        await pilot.press("f8")
        await until(pilot, app, "ConfirmModal")
        seen["ask"] = app.screen.question
        await pilot.press("enter")  # "Check the deadlines": back to the table
        await until(pilot, app, "ReviewScreen")
        seen["focus"] = app.screen.focused.id
        await pilot.press("down", "d")  # the second row: document 3's past date
        await pilot.pause()
        seen["confirmed"] = session.view().documents[2].deadlines[0].confirmed
        await pilot.press("f8")
        await until(pilot, app, "BundleScreen")

    run_app(kiosk, steps, size=(120, 40))
    rows = seen["rows"]
    assert [r[0] for r in rows] == ["1", "3"]  # every document's deadline, in one table
    assert "passée" in rows[1][1] and "passée" not in rows[0][1]
    assert seen["ask"].startswith("1 échéance(s) non confirmée(s)")
    assert seen["focus"] == "deadlines" and seen["confirmed"]


# -- the drive ---------------------------------------------------------------------------------
def test_an_unusable_or_vanished_drive_is_a_status_never_ready(make_kiosk: Any) -> None:
    from kiosk.screens.delivery import DriveScreen
    from nextstep.drives.status import DriveStatus

    kiosk = make_kiosk()
    drive = Path(kiosk.drive_spec)
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        session = open_visit(kiosk)
        session.build()
        # A plain file where the drive folder was.
        shutil.rmtree(drive)
        drive.write_text("not a drive\n")
        app.push_screen(DriveScreen(poll=False))
        await until(pilot, app, "DriveScreen")
        await pilot.press("w")
        await settle(pilot, app)
        seen["file"] = (app.screen.status, text_of(app, "#drive-status"))
        # The folder renamed away: no drive, and it is not re-created.
        drive.unlink()
        await pilot.press("w")
        await settle(pilot, app)
        seen["gone"] = (app.screen.status, text_of(app, "#drive-status"), drive.exists())
        # The drive back: written and verified.
        drive.mkdir()
        await pilot.press("w")
        await settle(pilot, app)
        seen["back"] = app.screen.status

    run_app(kiosk, steps)
    assert seen["file"][0] is DriveStatus.UNSUPPORTED and "✘" in seen["file"][1]
    assert seen["gone"][0] is DriveStatus.NO_DEVICE and "Aucune clé USB" in seen["gone"][1]
    assert not seen["gone"][2]
    assert seen["back"] is DriveStatus.VERIFIED


def test_writing_onto_someone_elses_drive_asks_first(make_kiosk: Any) -> None:
    from kiosk.screens.delivery import DriveScreen
    from nextstep.drives.status import DriveStatus

    kiosk = make_kiosk()
    drive = Path(kiosk.drive_spec)
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        written_visit(kiosk)  # someone else's
        before = {p.name: p.read_bytes() for p in drive.iterdir()}
        session = open_visit(kiosk)
        session.build()
        app.push_screen(DriveScreen(poll=False))
        await until(pilot, app, "DriveScreen")
        await pilot.press("w")
        await until(pilot, app, "ConfirmModal")
        seen["ask"] = app.screen.question
        await pilot.press("enter")  # "No, change the drive"
        await until(pilot, app, "DriveScreen")
        seen["untouched"] = {p.name: p.read_bytes() for p in drive.iterdir()} == before
        seen["said"] = text_of(app, "#drive-status")
        await pilot.press("w")
        await until(pilot, app, "ConfirmModal")
        await pilot.press("shift+tab", "enter")  # "Yes, write on it"
        await settle(pilot, app)
        seen["status"] = app.screen.status
        seen["others_kept"] = all(
            (drive / name).read_bytes() == data for name, data in before.items()
        )

    run_app(kiosk, steps)
    assert "1 autre(s) personne(s)" in seen["ask"]
    assert seen["untouched"] and seen["said"].startswith("Rien n'est écrit")
    assert seen["status"] is DriveStatus.VERIFIED and seen["others_kept"]


def test_a_drive_with_several_bundles_lists_them_and_staff_pick_one(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    first, first_phrase = written_visit(kiosk)
    second, second_phrase = written_visit(kiosk)
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await pilot.press("r")
        await until(pilot, app, "ChoiceModal")
        options = app.screen.query_one("#choices")
        seen["labels"] = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        await pilot.press("down", "enter")
        await until(pilot, app, "LanguageScreen")
        seen["holder"] = app.screen.holder_id
        # After consent, the chosen bundle is the one opened with its passphrase.
        await pilot.press("enter")
        await until(pilot, app, "ConsentScreen")
        await answer_consent(pilot, app, [True, False, False, False])
        await until(pilot, app, "PassphraseScreen")
        phrase = first_phrase if seen["holder"] == first else second_phrase
        await pilot.press(*phrase, "enter")
        await until(pilot, app, "CaptureScreen")
        seen["opened"] = kiosk.returning

    run_app(kiosk, steps)
    assert all("version 1" in label for label in seen["labels"])
    assert {label.split("titulaire ")[1] for label in seen["labels"]} == {
        first[:8],
        second[:8],
    }
    assert seen["holder"] in (first, second)
    assert seen["opened"].version == 1 and seen["opened"].documents == 1


# -- sign-in -----------------------------------------------------------------------------------
def test_a_burst_of_keys_keeps_its_tab(make_kiosk: Any) -> None:
    """ "demo⇥1234⏎" arriving at once (a fast typist, a badge reader): Tab still moves to
    the PIN field before the digits are typed."""
    from textual import events

    kiosk = make_kiosk()

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await until(pilot, app, "SignInScreen")
        await pilot.pause()
        for ch in "demo\t1234\r":
            key = {"\t": "tab", "\r": "enter"}.get(ch, ch)
            app.post_message(events.Key(key, ch if ch.isalnum() else None))
        await until(pilot, app, "HomeScreen", timeout=30)

    run_app(kiosk, steps, signed_in=False)
    assert kiosk.staff == "demo"


def test_lock_out_is_translated_and_counts_down(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    seen: list[str] = []

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await until(pilot, app, "SignInScreen")
        await pilot.press(*"demo", "enter")
        for _ in range(5):
            await pilot.press(*"0000", "enter")
            await settle(pilot, app)
        seen.append(text_of(app, "#signin-message"))
        # The right PIN while locked: still the lock-out, never "wrong PIN".
        await pilot.press(*"1234", "enter")
        await settle(pilot, app)
        seen.append(text_of(app, "#signin-message"))
        await pilot.pause(2.2)
        seen.append(text_of(app, "#signin-message"))
        assert screen_name(app) == "SignInScreen" and kiosk.staff is None

    run_app(kiosk, steps, signed_in=False)
    first, right_pin, later = seen
    assert first.startswith("Trop de PIN erronés : la connexion est bloquée encore")
    assert right_pin.startswith("Trop de PIN erronés") and "erroné." not in right_pin
    number = [int(w) for w in first.split() if w.isdigit()][0]
    assert [int(w) for w in later.split() if w.isdigit()][0] < number


def test_running_out_of_demo_samples_is_said_in_the_staff_language() -> None:
    from kiosk.base import explain
    from kiosk.i18n import set_languages
    from scanners.demo import DemoScanner
    from scanners.errors import SamplesUsedUpError

    set_languages(staff="fr", person="ar")
    with DemoScanner() as scanner:
        for _ in range(scanner.remaining):
            scanner.capture()
        try:
            scanner.capture()
        except SamplesUsedUpError as exc:
            message, hint = explain(exc)
        else:
            raise AssertionError("the demo scanner gave more pages than it has")
    assert message == "Tous les documents de démonstration ont été capturés."
    assert "F10" in hint


# -- the README's walk -------------------------------------------------------------------------
def test_the_readme_walk_works_by_keyboard_at_80x24(make_kiosk: Any) -> None:
    """From the first (preflight) screen to the next person, keys only, on the smallest
    terminal: the walk README.md describes."""
    from nextstep.drives.status import DriveStatus

    kiosk = make_kiosk()
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await until(pilot, app, "PreflightScreen")
        await settle(pilot, app)
        await pilot.press("f8")
        await sign_in(pilot, app)
        await choose_language(pilot, app, "fr")
        await answer_consent(pilot, app, [True, False, False, False])
        await until(pilot, app, "CaptureScreen")
        await pilot.press("space")
        await settle(pilot, app)
        await pilot.press("f8")
        await until(pilot, app, "ReviewScreen", timeout=300)
        await make_bundle(pilot, app)
        await until(pilot, app, "BundleScreen")
        await settle(pilot, app)
        await pilot.press("f8")
        await until(pilot, app, "DriveScreen")
        await settle(pilot, app)
        await pilot.press("w")
        await settle(pilot, app)
        seen["written"] = app.screen.status
        await pilot.press("e")
        await settle(pilot, app)
        seen["ejected"] = app.screen.status
        await pilot.press("f8")
        await until(pilot, app, "EndScreen")
        seen["end"] = text_of(app, "#end-text")
        await pilot.press("f8")
        await until(pilot, app, "HomeScreen")

    run_app(kiosk, steps, first="preflight", signed_in=False)
    assert seen["written"] is DriveStatus.VERIFIED and seen["ejected"] is DriveStatus.EJECTED
    assert seen["end"].startswith("Vos documents sont sur votre clé USB")
    assert list(Path(kiosk.drive_spec).glob("*.pdf"))
