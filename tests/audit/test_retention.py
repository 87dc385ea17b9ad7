"""Retention with an injected clock, and the monthly totals that replace categories in clear."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from crypto import keys
from nextstep import cli, config, consent
from nextstep.audit import AuditError, AuditLog, events, retention, verify_log
from nextstep.audit.kiosk_commands import cmd_retention
from nextstep.audit.log import verify_inclusion_file
from nextstep.audit.report import build as build_report
from nextstep.audit.seal import read_seal
from tests.audit.audit_logbuilder import HOLDERS


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def _visit(log: AuditLog, holder: str, session: str, category: str = "housing") -> int:
    log.append(events.SESSION_START, subject_holder_id=holder, details={"session": session})
    consent.give(
        log,
        holder_id=holder,
        staff="s",
        language="ar",
        choices={p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
    )
    log.append(events.PAGE_CAPTURED, subject_holder_id=holder, details={"pages": 1})
    log.append(
        events.DOCUMENT_CLASSIFIED,
        subject_holder_id=holder,
        details={"pages": 1},
        private={"category": category},
        tally={"documents": {category: 1}},
    )
    written = log.append(events.BUNDLE_WRITTEN, subject_holder_id=holder, private={"b": session})
    log.append(events.SESSION_END, subject_holder_id=holder, details={"session": session})
    log.checkpoint("session_end")
    return written.seq


def _old_log(path: Path, key: keys.KioskKey, clock: Clock) -> dict[str, object]:
    old, recent = HOLDERS[0], HOLDERS[1]
    with AuditLog(path, key, "k1", sync=False, clock=clock) as log:
        clock.moment = datetime(2018, 3, 1, 10, tzinfo=UTC)
        old_written = _visit(log, old, "a")
        proof = log.inclusion_proof(old_written).to_json()  # what went on the old drive
        clock.moment = datetime(2019, 6, 1, 10, tzinfo=UTC)
        _visit(log, recent, "b")
        sealable = log.size
        held = log.latest_checkpoint()  # the auditor's copy from 2019
        clock.moment = datetime(2024, 1, 10, 10, tzinfo=UTC)
        _visit(log, recent, "c", "asylum")
        return {
            "old": log.subject_pseudonym(old),
            "recent": log.subject_pseudonym(recent),
            "sealable": sealable,
            "held": held,
            "proof": proof,
        }


def test_retention_expires_old_keys_and_seals_old_entries(tmp_path: Path) -> None:
    key = keys.generate()
    clock = Clock(datetime(2018, 1, 1, tzinfo=UTC))
    path = tmp_path / "audit" / "log.jsonl"
    facts = _old_log(path, key, clock)
    now = datetime(2025, 1, 15, tzinfo=UTC)
    with AuditLog(path, key, "k1", sync=False, clock=clock) as log:
        chosen = retention.plan(log, now=now, years=5)
        assert chosen.cutoff.startswith("2020-01-15")
        assert chosen.expired_subjects == [facts["old"]]  # recent came back in 2024
        assert chosen.seal_size == facts["sealable"]
        assert retention.plan(log, now=now, years=10).expired_subjects == []
        result = retention.apply(log, chosen, staff="dpo")
        assert result == retention.RetentionResult(1, int(str(facts["sealable"])))
        assert not log.keys.has_key(str(facts["old"])) and log.keys.has_key(str(facts["recent"]))
        assert log.first_seq == facts["sealable"]
        with pytest.raises(AuditError, match="retention"):
            log.inclusion_proof(0)
        size = log.size
    first = json.loads(path.read_bytes().splitlines()[0])
    assert first["seq"] == facts["sealable"]  # the old entries are gone from the file
    seal = read_seal(path)
    assert seal is not None and seal.size == facts["sealable"]
    report = verify_log(path, [key.public_bytes], checkpoints=[str(facts["held"])], now=now)
    assert report.ok, report.problems
    assert report.entries == size and any("retention" in n for n in report.notes)
    # The proof given to the person in 2018 still verifies on its own.
    assert verify_inclusion_file(str(facts["proof"]), key.public_bytes).seq >= 0
    # The log keeps growing after the seal, and tampering with the seal is caught.
    with AuditLog(path, key, "k1", sync=False, clock=clock) as log:
        log.append(events.SESSION_START, details={"session": "d"})
        log.checkpoint()
    assert verify_log(path, [key.public_bytes], now=now).ok
    data = json.loads(path.with_name("log.jsonl.sealed.json").read_text())
    data["leaves"][3] = "00" * 32
    path.with_name("log.jsonl.sealed.json").write_text(json.dumps(data))
    assert not verify_log(path, [key.public_bytes], now=now).ok


def test_retention_command_dry_run_then_apply(
    data_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["init"]) == 0
    settings = config.load()
    key = keys.load_private(settings.key_path)
    _old_log(settings.audit_log, key, Clock(datetime(2018, 1, 1, tzinfo=UTC)))
    capsys.readouterr()
    now = datetime(2025, 1, 15, tzinfo=UTC)
    assert cmd_retention(argparse.Namespace(apply=False, staff="dpo"), now=now) == 0
    assert "Dry run" in capsys.readouterr().out
    assert not read_seal(settings.audit_log)
    assert cmd_retention(argparse.Namespace(apply=True, staff="dpo"), now=now) == 0
    out = capsys.readouterr().out
    assert "Destroyed 1 key(s)" in out and "still verifies" in out
    assert read_seal(settings.audit_log) is not None


def test_monthly_totals_count_categories_without_naming_anyone(tmp_path: Path) -> None:
    key = keys.generate()
    clock = Clock(datetime(2026, 10, 5, tzinfo=UTC))
    path = tmp_path / "audit" / "log.jsonl"
    with AuditLog(path, key, "k1", sync=False, clock=clock) as log:
        _visit(log, HOLDERS[0], "a", "asylum")
        _visit(log, HOLDERS[1], "b", "health")
        assert b'"asylum"' not in path.read_bytes()  # the month is still open
        clock.moment = datetime(2026, 11, 2, tzinfo=UTC)
        _visit(log, HOLDERS[2], "c", "asylum")
        totals = [e for e in log.entries() if e.event == events.PERIOD_TOTALS]
    assert len(totals) == 1 and totals[0].subject is None and totals[0].enc is None
    assert totals[0].details == {
        "period": "2026-10",
        "documents": {"asylum": 1, "health": 1},
        "notice_languages": {"ar": 2},
        "informed_via": {"on_screen": 2},
    }
    rep = build_report(path, [key.public_bytes], date(2026, 10, 1), date(2026, 10, 31))
    assert rep.documents == {"asylum": 1, "health": 1} and rep.consent_languages == {"ar": 2}
    assert rep.documents_classified == 2
    later = build_report(path, [key.public_bytes], date(2026, 11, 1), date(2026, 11, 30))
    assert not later.documents and later.documents_classified == 1
