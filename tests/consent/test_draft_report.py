"""The auditor's report flags a consent recorded on a draft notice without an interpreter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from crypto import keys
from nextstep import consent
from nextstep.audit import AuditLog, events, report

HOLDER = "hold-" + "d" * 24


def test_report_lists_draft_consents_without_interpreter(tmp_path: Path) -> None:
    key = keys.generate()
    path = tmp_path / "log.jsonl"
    with AuditLog(path, key, "k1", sync=False) as log:
        consent.give(  # the kiosk's way: an interpreter explained the draft
            log,
            holder_id=HOLDER,
            staff="s",
            language="tr",
            informed="interpreter",
            interpreter_language="tr",
            choices={p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
        )
        # An entry as an older kiosk wrote it: draft notice read on screen.
        bad = log.append(
            events.CONSENT_GIVEN,
            staff="s",
            subject_holder_id=HOLDER,
            details={
                "purposes": {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
                "notice": {"language": "tr", "version": 1, "draft": True},
                "informed": {"via": "on_screen"},
            },
        )
    today = datetime.now(UTC).date()
    rep = report.build(path, [key.public_bytes], today, today)
    assert rep.draft_consents == [bad.seq]
    text = report.to_text(rep, "log.jsonl")
    assert "Consent on a draft notice without an interpreter: 1" in text
    assert f"entry {bad.seq}" in report.to_html(rep, "log.jsonl")
