"""A complete demo session driven by keyboard through Pilot, and the consent paths.

Real components throughout: the demo scanner's sample pages, page processing, Tesseract,
the classifier, pikepdf bundle, folder drive with re-read verification, the audit log.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Digits

from tests.kiosk.conftest import run_app
from tests.kiosk.drive import (
    answer_consent,
    capture_documents,
    choose_language,
    make_bundle,
    screen_name,
    settle,
    until,
)


def audit_events(kiosk: Any) -> list[Any]:
    """The log's entries as on disk: the session's process appends to the same file."""
    from nextstep.audit.entry import decode

    lines = kiosk.settings.audit_log.read_bytes().splitlines()
    return [decode(line) for line in lines if line.strip()]


def sample_words() -> list[str]:
    """Distinctive words of the sample letters (their labels say which)."""
    from scanners.demo import sample_dir

    labels = json.loads((sample_dir() / "labels.json").read_text(encoding="utf-8"))
    return [w for doc in labels for w in doc["words"] if len(w) >= 6]


def read_passphrase(app: Any) -> str:
    lines = [str(d.value) for d in app.screen.query(Digits)]
    return "-".join(" ".join(lines).split())


@pytest.mark.slow
def test_complete_demo_session_by_keyboard(make_kiosk: Any, tmp_path: Path) -> None:
    from crypto.keys import load_or_create
    from nextstep.audit.verify import verify_log
    from nextstep.bundle.verify import verify_bundle
    from nextstep.visit.process import SessionProcess

    kiosk = make_kiosk(isolate=True)  # as in production: the session in its own process
    state: dict[str, Any] = {}

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "fr")
        await until(pilot, app, "ConsentScreen")
        await answer_consent(pilot, app, [True, False, False, False])
        await until(pilot, app, "CaptureScreen")
        await capture_documents(pilot, app, 3)
        await pilot.press("f8")
        await until(pilot, app, "ReviewScreen", timeout=180)
        session = kiosk.session
        assert isinstance(session, SessionProcess) and session.is_alive()
        state["session"] = session
        docs = session.view().documents
        assert len(docs) == 3
        # Change the first document's category: K opens the list, pick "housing".
        before = docs[0].category
        target = "justice" if before != "justice" else "housing"
        await pilot.press("k")
        await until(pilot, app, "ChoiceModal")
        from nextstep.model import CATEGORIES

        moves = CATEGORIES.index(target) - CATEGORIES.index(before)
        await pilot.press(*(["down"] * moves if moves > 0 else ["up"] * -moves), "enter")
        await until(pilot, app, "ReviewScreen")
        assert session.view().documents[0].category == target
        # Confirm the first deadline of the first document that has one.
        docs = session.view().documents
        with_deadline = next(i for i, d in enumerate(docs) if d.deadlines)
        await pilot.press(*(["down"] * with_deadline), "tab", "d")
        await pilot.pause()
        assert session.view().documents[with_deadline].deadlines[0].confirmed
        await make_bundle(pilot, app)
        await until(pilot, app, "BundleScreen")
        await settle(pilot, app)
        state["passphrase"] = read_passphrase(app)
        await pilot.press("f8")
        await until(pilot, app, "DriveScreen")
        await settle(pilot, app)
        assert app.screen.status.value == "ready"
        await pilot.press("w")
        await settle(pilot, app)
        assert app.screen.status.value == "verified"
        await pilot.press("e")
        await settle(pilot, app)
        assert app.screen.status.value == "ejected"
        assert "retirer la clé" in str(app.screen.query_one("#drive-remove").render())
        await pilot.press("f8")
        await until(pilot, app, "EndScreen")
        state["receipt"] = str(app.screen.query_one("#receipt").render())
        await pilot.press("f8")
        await until(pilot, app, "HomeScreen")

    run_app(kiosk, steps, size=(120, 40))

    # The bundle on the drive opens with the passphrase shown on screen, and verifies.
    drive = tmp_path / "drive"
    pdfs = sorted(drive.glob("*.pdf"))
    assert len(pdfs) == 1
    key, _ = load_or_create(kiosk.settings.key_path)
    info = verify_bundle(pdfs[0], passphrase=state["passphrase"], trusted_keys=[key.public_bytes])
    assert info is not None
    with pytest.raises(Exception):  # noqa: B017 - any refusal; the domain names it
        verify_bundle(
            pdfs[0],
            passphrase="000000-000000-000000-000000-000000",
            trusted_keys=[key.public_bytes],
        )

    # The audit log verifies and holds every step, in order.
    report = verify_log(kiosk.settings.audit_log, [key.public_bytes])
    assert report.ok, report.problems
    events = [e.event for e in audit_events(kiosk)]
    for expected in (
        "session_start",
        "consent_given",
        "page_captured",
        "document_classified",
        "category_changed",
        "deadline_confirmed",
        "bundle_built",
        "bundle_written",
        "bundle_verified",
        "session_end",
    ):
        assert expected in events, expected
    assert events.index("consent_given") < events.index("page_captured")
    assert events.count("document_classified") == 3
    assert events[-1] in ("session_end", "checkpoint")
    assert "Point de contrôle signé" in state["receipt"]

    # The kiosk's working data is gone: no session, the session's process ended (its memory
    # with it), no document words anywhere in the data directory.
    session = state["session"]
    assert kiosk.session is None and session.ended and not session.is_alive()
    with pytest.raises(ProcessLookupError):
        os.kill(session.pid, 0)
    blob = b"".join(p.read_bytes() for p in kiosk.settings.data_dir.rglob("*") if p.is_file())
    state["words"] = sample_words()
    assert state["words"], "the documents had text"
    for word in state["words"]:
        assert word.encode() not in blob, word


def test_refusing_consent_stops_capture_and_is_logged(make_kiosk: Any) -> None:
    from nextstep.session import ConsentRequired
    from scanners.demo import DemoScanner

    kiosk = make_kiosk()

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "ar")
        await pilot.press("f9")  # refuse everything: asked once more
        await until(pilot, app, "ConfirmModal")
        await pilot.press("shift+tab", "enter")  # "Yes, I refuse everything"
        await until(pilot, app, "RefusedScreen")
        session = kiosk.session
        assert session is not None and not any(session.consents.values())
        with pytest.raises(ConsentRequired):
            session.capture(DemoScanner())
        await pilot.press("space", "f8")  # no capture key here; F8 ends
        await until(pilot, app, "EndScreen")
        assert session.ended

    run_app(kiosk, steps, size=(120, 40))
    entries = audit_events(kiosk)
    given = [e for e in entries if e.event == "consent_given"]
    assert len(given) == 1
    assert not any(given[0].details["purposes"].values())
    assert "page_captured" not in [e.event for e in entries]


def test_consent_needs_an_answer_for_each_purpose(make_kiosk: Any) -> None:
    kiosk = make_kiosk()

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "fr")
        await pilot.press("enter", "f8")  # only the first purpose answered
        await pilot.pause()
        assert screen_name(app) == "ConsentScreen"
        assert "chaque question" in str(app.screen.query_one("#consent-message").render())
        assert kiosk.session is not None and kiosk.session.consents == {}

    run_app(kiosk, steps, size=(120, 40))


def test_withdrawing_consent_mid_session_discards_pages(make_kiosk: Any) -> None:
    kiosk = make_kiosk()

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "fr")
        await answer_consent(pilot, app, [True, True, False, False])
        await until(pilot, app, "CaptureScreen")
        await capture_documents(pilot, app, 1)
        session = kiosk.session
        assert sum(len(d.pages) for d in session.drafts) >= 1
        await pilot.press("f9")  # F9: refuse / withdraw consent, on every screen
        await until(pilot, app, "ConfirmModal")
        await pilot.press("shift+tab", "enter")  # focus moves from "No" to "Yes"
        await until(pilot, app, "RefusedScreen", timeout=120)
        assert session.drafts == [] and session.documents == []
        assert not any(session.consents.values())

    run_app(kiosk, steps, size=(120, 40))
    events = [e.event for e in audit_events(kiosk)]
    assert "consent_withdrawn" in events
    assert events.index("page_captured") < events.index("consent_withdrawn")


def test_review_splits_merges_reorders_and_deletes_pages(make_kiosk: Any) -> None:
    """Page operations on documents built from two captured sample documents (no OCR needed:
    the operations work on the documents the review shows)."""
    import numpy as np

    from kiosk.screens.review import ReviewScreen
    from nextstep import consent
    from nextstep.model import Classification, Document, OcrPage
    from nextstep.session import Draft
    from scanners.types import Page

    kiosk = make_kiosk()
    kiosk.staff = "demo"
    session = kiosk.start_session("fr")
    session.give_consent({p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS})

    def page(tag: int) -> Page:
        img = np.full((40, 30, 3), tag, dtype=np.uint8)
        return Page(color=img, gray=img[:, :, 0], dpi=100.0, origin=str(tag))

    def doc(tags: list[int], cat: str) -> Document:
        return Document(
            pages=[page(t) for t in tags],
            ocr=[OcrPage([], f"text {t}", "fra", 30, 40, 100.0) for t in tags],
            classification=Classification(cat, 0.9),
        )

    docs = [doc([1, 2, 3], "housing"), doc([4], "health")]
    session.drafts = [Draft(pages=d.pages, document=d) for d in docs]

    def tags() -> list[list[int]]:
        return [[int(p.origin) for p in d.pages] for d in session.documents]

    def texts() -> list[list[str]]:
        return [[o.text for o in d.ocr] for d in session.documents]

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await app.push_screen(ReviewScreen())
        await pilot.pause()
        await pilot.press("tab", "tab", "down", "s")  # pages table, page 2: split there
        await pilot.pause()
        assert tags() == [[1], [2, 3], [4]]
        assert session.documents[1].classification.needs_review
        await pilot.press("shift+tab", "shift+tab", "down", "m")  # merge doc 2 with doc 3
        await pilot.pause()
        assert tags() == [[1], [2, 3, 4]]
        await pilot.press("tab", "tab", "j")  # move page 1 of doc 2 down
        await pilot.pause()
        assert tags() == [[1], [3, 2, 4]]
        assert texts()[1] == ["text 3", "text 2", "text 4"]  # OCR follows its page
        await pilot.press("x")
        await until(pilot, app, "ConfirmModal")
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert tags() == [[1], [3, 4]]

    run_app(kiosk, steps, size=(120, 40), first="none", signed_in=False)
    # Each edit is in the audit log, by its action only (no text, no page content).
    edits = [e for e in audit_events(kiosk) if e.event == "document_edited"]
    assert [e.details for e in edits] == [
        {"action": "split"},
        {"action": "merge"},
        {"action": "reorder"},
        {"action": "delete"},
    ]
    assert all(e.subject and e.staff for e in edits)


def test_consent_through_an_interpreter_records_the_language(make_kiosk: Any) -> None:
    """Staff pick "through an interpreter" and the interpreter's language (Pashto) from the
    person-language list; the consent entry in the audit log records both."""
    from kiosk.i18n import LANGUAGES

    kiosk = make_kiosk()

    async def steps(pilot: Pilot[Any], app: Any) -> None:
        await choose_language(pilot, app, "fr")
        for n, yes in enumerate([True, False, False, False]):
            if n:
                await pilot.press("tab")
            await pilot.press(*(["enter"] if yes else ["down", "enter"]))
        await pilot.press("tab", "down", "down", "enter")  # informed: interpreter
        await pilot.pause()
        assert app.screen.query_one("#interpreter-box").display
        await pilot.press("tab", "enter")  # open the language list
        await pilot.pause()
        codes = [lang.code for lang in LANGUAGES]
        await pilot.press(*(["down"] * (codes.index("ps") - codes.index("fr"))), "enter")
        await pilot.pause()
        await pilot.press("f8")
        await until(pilot, app, "CaptureScreen")

    run_app(kiosk, steps, size=(120, 40))
    given = [e for e in audit_events(kiosk) if e.event == "consent_given"]
    assert len(given) == 1
    assert "informed" not in given[0].details  # describes the person: encrypted payload only
    private = kiosk.audit.read_private(given[0])
    assert private is not None
    informed = private["informed"]
    assert informed["via"] == "interpreter" and informed["interpreter_language"] == "ps"
