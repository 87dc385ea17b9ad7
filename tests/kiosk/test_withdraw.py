"""The withdrawal screen (Home → V), driven by keyboard at 80x24: the person's drive is read,
the key card's passphrase proves the history is theirs, the purposes they gave are listed with
nothing ticked, and the one domain call removes what the purpose covered, logs and writes the
receipt. A wrong passphrase removes nothing and logs nothing.

The bundle, drive folder, escrow file, audit log and receipt are real; the document is built
without OCR (the test is about withdrawal, not reading).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyrage
import pytest
from textual.pilot import Pilot

from nextstep import consent
from tests.kiosk.conftest import run_app, written_visit
from tests.kiosk.drive import settle, until


def escrow_visit(kiosk: Any, language: str) -> tuple[str, str]:
    """A visit in ``language`` with consent to digitise and to escrow, written to the kiosk's
    drive folder; returns the bundle's file stem and the key card's passphrase."""
    _holder, phrase = written_visit(
        kiosk, language=language, purposes=(consent.DIGITIZE, consent.RECOVERY)
    )
    return next(Path(kiosk.drive_spec).glob("*.pdf")).stem, phrase


@pytest.fixture
def escrow_kiosk(make_kiosk: Any) -> Any:
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    return make_kiosk(recovery_recipient=recipient)


def withdrawn_proofs(kiosk: Any) -> list[str]:
    """The proof of each ``consent_withdrawn`` entry in the kiosk's log."""
    entries = [json.loads(line) for line in kiosk.settings.audit_log.open()]
    return [e["details"]["proof"] for e in entries if e["event"] == "consent_withdrawn"]


def log_lines(kiosk: Any) -> int:
    return sum(1 for _ in kiosk.settings.audit_log.open())


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_withdraw_escrow_on_the_drive_at_80x24(escrow_kiosk: Any, language: str) -> None:
    from nextstep.audit.verify import verify_log

    kiosk = escrow_kiosk
    stem, phrase = escrow_visit(kiosk, language)
    drive = Path(kiosk.drive_spec)
    escrow = drive / f"{stem}.recovery.age"
    assert escrow.is_file()
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await pilot.press("v")
        await until(pilot, app, "WithdrawScreen")
        await settle(pilot, app)
        await pilot.press(*phrase, "enter")
        await settle(pilot, app)
        screen = app.screen
        boxes = list(screen.query("Checkbox"))
        seen["boxes"] = {str(b.id): b.value for b in boxes}
        # Nothing ticked: F8 says so and withdraws nothing.
        await pilot.press("f8")
        await until(pilot, app, "ErrorModal")
        await pilot.press("enter")
        await until(pilot, app, "WithdrawScreen")
        screen.query_one("#withdraw-recovery_escrow").value = True
        await pilot.press("f8")
        await until(pilot, app, "ConfirmModal")
        seen["question"] = str(app.screen.question)
        await pilot.press("shift+tab", "enter")  # "No" has the focus: a safe default
        await until(pilot, app, "WithdrawScreen")
        await settle(pilot, app)
        seen["status"] = str(screen.query_one("#withdraw-status").render())

    run_app(kiosk, steps)
    assert seen["boxes"] == {
        "withdraw-digitize_store": False,
        "withdraw-recovery_escrow": False,
    }
    if language == "ar":
        # Arabic letters, shaped for the terminal (presentation forms) or not.
        arabic = [c for c in seen["question"] if "\u0600" <= c <= "\u06ff" or c >= "\ufb50"]
        assert len(arabic) > 20, seen["question"]
    assert not escrow.exists()
    assert f"{stem}.recovery.age" in seen["status"]
    assert (drive / f"{stem}.withdrawal.txt").is_file()
    assert f"{stem}.withdrawal.txt" in seen["status"]
    key, _log = kiosk.open()
    report = verify_log(kiosk.settings.audit_log, [key.public_bytes])
    assert report.ok, report.problems
    assert withdrawn_proofs(kiosk) == ["keycard"]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_wrong_passphrase_removes_nothing_and_says_so(escrow_kiosk: Any, language: str) -> None:
    kiosk = escrow_kiosk
    stem, phrase = escrow_visit(kiosk, language)
    escrow = Path(kiosk.drive_spec) / f"{stem}.recovery.age"
    before = log_lines(kiosk)
    # A well-formed passphrase (its check groups pass) that is not this bundle's.
    from crypto import passphrase as passphrases

    wrong = passphrases.generate()
    assert wrong != phrase
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await pilot.press("v")
        await until(pilot, app, "WithdrawScreen")
        await settle(pilot, app)
        await pilot.press(*wrong, "enter")
        await settle(pilot, app)
        seen["modal"] = type(app.screen).__name__
        seen["message"] = app.screen.message
        await pilot.press("enter")
        await until(pilot, app, "WithdrawScreen")
        seen["status"] = str(app.screen.query_one("#withdraw-status").render())
        seen["boxes"] = len(app.screen.query("Checkbox"))

    run_app(kiosk, steps)
    assert seen["modal"] == "ErrorModal"
    assert "rien n'a été retiré" in seen["message"]  # said in the staff's language (fr)
    assert seen["boxes"] == 0
    assert escrow.is_file()
    assert log_lines(kiosk) == before


def test_home_offers_withdrawal_and_f1_lists_its_key(make_kiosk: Any) -> None:
    kiosk = make_kiosk()
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await pilot.press("f1")
        await until(pilot, app, "HelpModal")
        seen["help"] = str(app.screen.query_one("#help-keys").render())
        await pilot.press("escape")
        await until(pilot, app, "HomeScreen")
        await pilot.press("v")
        await settle(pilot, app)
        seen["modal"] = type(app.screen).__name__
        seen["message"] = str(getattr(app.screen, "message", ""))
        await pilot.press("enter")
        await until(pilot, app, "WithdrawScreen")
        seen["status"] = str(app.screen.query_one("#withdraw-status").render())

    run_app(kiosk, steps)
    assert seen["modal"] == "ErrorModal" and "Aucun dossier NextStep" in seen["message"]
    assert "V  Retirer le consentement" in seen["help"]
    # The empty demo drive holds no bundle: said, and nothing to type yet.
    assert "F5" in seen["status"]


def test_without_a_key_card_staff_attest_and_it_is_logged(escrow_kiosk: Any) -> None:
    kiosk = escrow_kiosk
    stem, _phrase = escrow_visit(kiosk, "fr")
    escrow = Path(kiosk.drive_spec) / f"{stem}.recovery.age"

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await pilot.press("v")
        await until(pilot, app, "WithdrawScreen")
        await settle(pilot, app)
        app.screen.action_attest()
        await until(pilot, app, "ConfirmModal")
        await pilot.press("shift+tab", "enter")
        await until(pilot, app, "WithdrawScreen")
        await settle(pilot, app)
        app.screen.query_one("#withdraw-recovery_escrow").value = True
        await pilot.press("f8")
        await until(pilot, app, "ConfirmModal")
        await pilot.press("shift+tab", "enter")
        await until(pilot, app, "WithdrawScreen")
        await settle(pilot, app)

    run_app(kiosk, steps)
    assert not escrow.exists()
    assert withdrawn_proofs(kiosk) == ["staff_attestation"]


def test_a_drive_with_several_bundles_asks_which_and_reads_that_one(escrow_kiosk: Any) -> None:
    """Two people's bundles on one drive: staff pick one in the list, and the key card proof
    and the purposes shown are that bundle's."""
    kiosk = escrow_kiosk
    _first, _first_phrase = written_visit(kiosk)  # digitise only
    second, phrase = written_visit(kiosk, purposes=(consent.DIGITIZE, consent.RECOVERY))
    seen: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await pilot.press("v")
        await until(pilot, app, "ChoiceModal")
        asked = app.screen_stack[-2].query_one("#withdraw-status").render()
        seen["asked"] = " ".join(str(asked).split())
        options = app.screen.query_one("#choices")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        index = next(i for i, label in enumerate(labels) if second[:8] in label)
        await pilot.press(*(["down"] * index), "enter")
        await until(pilot, app, "WithdrawScreen")
        await settle(pilot, app)
        seen["found"] = " ".join(str(app.screen.query_one("#withdraw-status").render()).split())
        await pilot.press(*phrase, "enter")
        await settle(pilot, app)
        seen["boxes"] = sorted(str(b.id) for b in app.screen.query("Checkbox"))

    run_app(kiosk, steps)
    assert seen["asked"].startswith("Cette clé contient 2 dossiers")
    assert seen["found"] == "Le dossier de la personne est sur la clé."
    assert seen["boxes"] == ["withdraw-digitize_store", "withdraw-recovery_escrow"]
