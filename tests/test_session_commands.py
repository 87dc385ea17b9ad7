"""Session as the one writer of a visit: stages, typed commands, edits that log only their
action, and the session in its own child process (issues 16.1 and 13.3).

The edit tests build documents from small synthetic pages (no OCR needed: the edits work on
what review shows); the child-process test runs the real session code in a real spawned
process and checks the process is gone after the end.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nextstep import config, consent
from nextstep.demo import open_kiosk, parse_edit
from nextstep.drafts import Draft, NoSuchPage
from nextstep.errors import NextStepError
from nextstep.model import Classification, Deadline, Document, OcrPage
from nextstep.session import ConsentRequired, Session, SessionEnded
from nextstep.visit import commands as cmd
from nextstep.visit.outcomes import SessionView, thumbnail_pixels, thumbnail_png
from nextstep.visit.process import SessionProcess
from nextstep.visit.stage import SessionStateError, Stage
from scanners.types import Page

ONLY = {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS}


@pytest.fixture
def settings(tmp_path: Path) -> config.Settings:
    return config.load(
        env={"NEXTSTEP_DATA_DIR": str(tmp_path / "data"), "NEXTSTEP_DRIVE": str(tmp_path / "drive")}
    )


def new_session(settings: config.Settings) -> Session:
    key, audit = open_kiosk(settings)
    return Session(settings, key=key, audit=audit, staff="staff-1")


def page(tag: int) -> Page:
    img = np.full((40, 30, 3), tag, dtype=np.uint8)
    return Page(color=img, gray=img[:, :, 0], dpi=100.0, origin=str(tag))


def document(tags: list[int], category: str) -> Document:
    return Document(
        pages=[page(t) for t in tags],
        ocr=[OcrPage([], f"text {t}", "fra", 30, 40, 100.0) for t in tags],
        classification=Classification(category, 0.9),
        deadlines=[Deadline(date=dt.date(2026, 12, 1), kind="appeal", text="")],
    )


def with_documents(session: Session, *docs: Document) -> None:
    """Documents as if captured and read (the test stands in for OCR)."""
    session.drafts = [Draft(pages=d.pages, document=d) for d in docs]


def entries(settings: config.Settings) -> list[dict[str, Any]]:
    lines = settings.audit_log.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def tags(session: Session) -> list[list[int]]:
    return [[int(p.origin) for p in d.pages] for d in session.documents]


def test_edits_keep_text_with_pages_and_log_only_the_action(settings: config.Settings) -> None:
    session = new_session(settings)
    session.give_consent(ONLY)
    with_documents(session, document([1, 2, 3], "housing"), document([4], "health"))

    view = session.split_document(0, 1)
    assert tags(session) == [[1], [2, 3], [4]]
    assert view.documents[1].needs_review and len(view.documents) == 3
    session.merge(1)
    assert tags(session) == [[1], [2, 3, 4]]
    session.move_page(1, 0, 1)
    assert tags(session) == [[1], [3, 2, 4]]
    assert [o.text for o in session.documents[1].ocr] == ["text 3", "text 2", "text 4"]
    session.delete_page(1, 1)
    assert tags(session) == [[1], [3, 4]]
    view = session.delete_page(0, 0)  # its only page: the document goes
    assert tags(session) == [[3, 4]] and len(view.documents) == 1
    assert session.move_page(0, 1, 1).documents == view.documents  # no move, no entry

    edited = [e for e in entries(settings) if e["event"] == "document_edited"]
    assert [e["details"] for e in edited] == [
        {"action": "split"},
        {"action": "merge"},
        {"action": "reorder"},
        {"action": "delete"},
        {"action": "delete"},
    ]
    assert all(e["subject"] and e["staff"] for e in edited)
    assert "text 3" not in settings.audit_log.read_text(encoding="utf-8")


def test_an_edit_naming_a_missing_page_says_so_and_changes_nothing(
    settings: config.Settings,
) -> None:
    session = new_session(settings)
    session.give_consent(ONLY)
    with_documents(session, document([1, 2], "housing"))
    for bad in (
        lambda: session.merge(0),
        lambda: session.split_document(0, 2),
        lambda: session.delete_page(3, 0),
        lambda: session.move_page(0, 0, 5),
        lambda: session.confirm_deadline(0, 4),
        lambda: session.set_category(2, "debt"),
    ):
        with pytest.raises(NoSuchPage):
            bad()
    assert tags(session) == [[1, 2]]
    assert not [e for e in entries(settings) if e["event"] == "document_edited"]


def test_commands_follow_the_stages(settings: config.Settings) -> None:
    session = new_session(settings)
    assert session.stage is Stage.CONSENT
    with pytest.raises(ConsentRequired):
        session.merge(0)
    assert session.give_consent(ONLY).stage is Stage.CAPTURING
    with pytest.raises(SessionStateError):
        session.give_consent(ONLY)  # once per visit
    with pytest.raises(NextStepError, match="Build the bundle"):
        session.write_to_drive()
    with_documents(session, document([1, 2], "housing"))
    session.set_category(0, "debt")
    session.confirm_deadline(0, 0)
    session.add_deadline(0, dt.date(2027, 1, 5), "payment")
    view = session.view()
    assert view.documents[0].category == "debt"
    assert [d.confirmed for d in view.documents[0].deadlines] == [True, True]
    built = session.build()
    assert session.stage is Stage.BUILT and built.documents == 1 and built.version == 1
    for edit in (
        lambda: session.merge(0),
        lambda: session.delete_page(0, 0),
        lambda: session.set_category(0, "health"),
    ):
        with pytest.raises(SessionStateError, match="already made"):
            edit()
    assert session.write_to_drive().ok and session.stage is Stage.WRITTEN
    with pytest.raises(SessionStateError):
        session.split_document(0, 1)
    session.eject()
    assert session.stage is Stage.EJECTED
    ended = session.finish()
    assert (ended.documents, ended.pages) == (1, 2) and "\u2014" in ended.checkpoint
    assert session.stage is Stage.ENDED and session.drafts == []
    with pytest.raises(SessionEnded):
        session.merge(0)
    with pytest.raises(SessionEnded):
        session.end()


def test_refusal_and_withdrawal_stop_processing(settings: config.Settings) -> None:
    session = new_session(settings)
    assert session.give_consent({p: False for p in consent.PURPOSE_IDS}).stage is Stage.REFUSED
    with pytest.raises(ConsentRequired):
        session.build()
    other = new_session(settings)
    other.give_consent(ONLY)
    with_documents(other, document([1], "health"))
    view = other.withdraw_consent()
    assert view.stage is Stage.REFUSED and view.drafts == 0 and not view.digitize


def test_run_takes_each_command_dataclass(settings: config.Settings) -> None:
    session = new_session(settings)
    session.run(cmd.GiveConsent(ONLY))
    with_documents(session, document([1, 2, 3], "housing"), document([4], "health"))
    for text in ("split:1:2", "merge:2", "move:2:1:2", "delete:2:1", "category:1:debt"):
        assert isinstance(session.run(parse_edit(text)), SessionView)
    assert tags(session) == [[1], [2, 4]]
    assert session.documents[0].classification.category == "debt"
    with pytest.raises(NextStepError, match="Cannot read the edit"):
        parse_edit("merge:x")


def test_thumbnail_is_a_small_png() -> None:
    big = np.zeros((3000, 2000, 3), dtype=np.uint8)
    png = thumbnail_png(big)
    assert png.startswith(b"\x89PNG") and len(png) < 20_000
    pixels = thumbnail_pixels(png)
    assert pixels is not None and max(pixels.shape[:2]) == 320


def test_session_process_holds_the_visit_and_is_gone_after_the_end(
    settings: config.Settings,
) -> None:
    from scanners.demo import DemoScanner

    session = SessionProcess(settings, staff="staff-1")
    pid = session.pid
    assert pid is not None and pid != os.getpid() and session.is_alive()
    try:
        with pytest.raises(ConsentRequired):  # the domain's error crosses as its class
            session.merge(0)
        assert session.give_consent(ONLY).stage is Stage.CAPTURING
        # The samples are read in the session's process (as files and the flatbed are) ...
        outcome = session.capture_source("demo")
        assert outcome.accepted == 1 and outcome.view is not None
        assert outcome.view.drafts == 1 and outcome.view.unread == 1
        assert outcome.thumbnail and thumbnail_pixels(outcome.thumbnail) is not None
        # The source stays open: the next press gives the next sample (two pages).
        outcome = session.capture_source("demo", new_document=False)
        assert outcome.accepted == 2 and outcome.view is not None and outcome.view.pages == 3
        # ... and a camera's pages, taken in this process, cross the pipe as pixels.
        with DemoScanner() as scanner:
            outcome = session.capture(scanner)
        assert outcome.view is not None and (outcome.view.drafts, outcome.view.pages) == (2, 4)
        with pytest.raises(NoSuchPage):
            session.merge(0)  # nothing read yet
        assert session.is_alive()  # an error ends nothing
        check = session.check_drive_before_write(str(settings.data_dir.parent / "drive"))
        assert check.holder_id == session.holder_id and not check.needs_confirmation
    finally:
        ended = session.finish()
    assert ended.pages == 4 and ended.checkpoint
    assert not session.is_alive() and session.ended
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(SessionEnded):
        session.view()
    kinds = [e["event"] for e in entries(settings)]
    assert kinds[0] == "session_start" and "session_end" in kinds and "page_captured" in kinds


def test_a_session_process_that_dies_is_reported_and_counted_as_ended(
    settings: config.Settings,
) -> None:
    """Killed (out of memory, a crash in a native library): the UI gets one sentence, the
    session counts as ended, and nothing waits on the dead process."""
    import signal

    from nextstep.visit.process import SessionProcessError

    session = SessionProcess(settings, staff="staff-1")
    assert session.pid is not None
    os.kill(session.pid, signal.SIGKILL)
    with pytest.raises(SessionProcessError) as err:
        session.view()
    assert "stopped unexpectedly" in err.value.message and err.value.hint
    assert session.ended and not session.is_alive()
    with pytest.raises(SessionEnded):
        session.view()


def test_an_unexpected_error_in_the_session_process_is_one_sentence_and_a_log_line(
    settings: config.Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug in the child: the UI gets the generic sentence (no traceback, no data), the type
    name reaches the UI's standard error through the pipe (never the kiosk's terminal), and
    the session goes on."""
    session = SessionProcess(settings, staff="staff-1")
    try:
        session.give_consent(ONLY)
        with pytest.raises(NextStepError) as err:
            session.run(cmd.Capture(("not an image",)))  # type: ignore[arg-type]
        assert err.value.message == "Something went wrong during this step."
        assert session.view().stage is Stage.CAPTURING  # the session goes on
    finally:
        session.finish()
    err_text = capsys.readouterr().err
    assert "nextstep session: unexpected AttributeError" in err_text
    assert "Traceback" not in err_text and "not an image" not in err_text


def test_the_demo_applies_review_edits_in_the_session_process(
    settings: config.Settings, tmp_path: Path
) -> None:
    """``nextstep demo --edit merge:1 --edit category:1:debt``: the same commands as review,
    logged by the session (action only), the bundle holding one document fewer."""
    from nextstep.demo import run_demo
    from scanners.demo import DemoScanner
    from tests.conftest import require_tool

    require_tool("tesseract")
    edits = [parse_edit("merge:1"), parse_edit("category:1:debt")]
    result = run_demo(settings, drive=str(tmp_path / "drive"), edits=edits)
    assert len(result.categories) == DemoScanner().documents - 1
    assert result.categories[0] == "debt"
    logged = entries(settings)
    assert [e["details"] for e in logged if e["event"] == "document_edited"] == [
        {"action": "merge"}
    ]
    assert sum(e["event"] == "category_changed" for e in logged) == 1
