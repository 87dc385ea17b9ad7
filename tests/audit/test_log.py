"""AuditLog behaviour: crash safety, erasure, consent coverage, no personal data, proofs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crypto import keys, merkle, note
from nextstep import consent
from nextstep.audit import AuditError, AuditLog, events, verify_log
from nextstep.audit.report import build as build_report
from nextstep.audit.report import to_html
from tests.audit.audit_logbuilder import HOLDERS, build_log


def _log(tmp_path: Path, key=None) -> AuditLog:
    return AuditLog(tmp_path / "audit" / "log.jsonl", key or keys.generate(), "k1", sync=False)


def test_torn_last_line_is_repaired_without_losing_entries(tmp_path: Path) -> None:
    key = keys.generate()
    with _log(tmp_path, key) as log:
        for i in range(5):
            log.append(events.SESSION_START, details={"i": i})
        path = log.path
    whole = path.read_bytes()
    last_start = whole.rstrip(b"\n").rfind(b"\n") + 1
    path.write_bytes(whole[: last_start + 17])  # power cut in the middle of entry 4
    report = verify_log(path, [key.public_bytes])
    assert not report.ok and any("incomplete" in p.what for p in report.problems)
    with AuditLog(path, key, "k1", sync=False) as log:
        assert log.size == 6  # 4 good entries + the logged repair + its checkpoint
        repair, last = list(log.entries())[-2:]
        assert repair.event == events.LOG_REPAIRED and repair.details["bytes_removed"] == 17
        assert last.event == events.CHECKPOINT
    assert list(path.parent.glob("log.jsonl.torn-*"))
    assert verify_log(path, [key.public_bytes]).ok


def test_damage_before_the_end_is_refused_not_repaired(tmp_path: Path) -> None:
    key = keys.generate()
    with _log(tmp_path, key) as log:
        for i in range(3):
            log.append(events.SESSION_START, details={"i": i})
        path = log.path
    lines = path.read_bytes().splitlines(keepends=True)
    lines[1] = lines[1].replace(b'"i":1', b'"i":7')
    path.write_bytes(b"".join(lines))
    with pytest.raises(AuditError, match="damaged at line 2"):
        AuditLog(path, key, "k1")
    assert path.read_bytes() == b"".join(lines)  # nothing was cut


WRITER = """
import sys
from pathlib import Path
from crypto import keys
from nextstep.audit import AuditLog, events
key = keys.load_private(Path(sys.argv[2]))
log = AuditLog(Path(sys.argv[1]), key, "k1")
i = 0
while True:
    e = log.append(events.SESSION_START, details={"i": i, "pad": "x" * 3000})
    print(e.seq, flush=True)
    i += 1
"""


def test_kill_9_during_appends_keeps_every_acknowledged_entry(tmp_path: Path) -> None:
    key = keys.generate()
    key_path = tmp_path / "k.key"
    keys.save_private(key, key_path)
    path = tmp_path / "audit" / "log.jsonl"
    acked = -1
    for round_ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(key_path)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[2],
        )
        assert proc.stdout is not None
        deadline = time.monotonic() + 20
        seen = 0
        while seen < 15 + round_ * 7 and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if line:
                acked = max(acked, int(line))
                seen += 1
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for line in proc.stdout:  # anything acknowledged before the kill
            acked = max(acked, int(line))
        with AuditLog(path, key, "k1", sync=False) as log:  # repairs a torn tail if any
            assert log.size >= acked + 1
            log.seal_open_end()  # what the kiosk does when it starts again
        report = verify_log(path, [key.public_bytes])
        assert report.ok, report.problems
    assert acked > 30


def test_erasure_is_key_destruction_and_log_still_verifies(tmp_path: Path) -> None:
    built = build_log(tmp_path)
    holder = HOLDERS[0]
    with AuditLog(built.path, built.key, "test-kiosk", sync=False) as log:
        before = log.subject_entries(holder)
        privates = [p for _, p in before if p is not None and "file_name" in p]
        assert privates and privates[0]["file_name"].startswith("page")
        subject = before[0][0].subject
        assert subject is not None and log.keys.has_key(subject)
        e = log.erase_subject(holder, staff="dpo")
        assert e.event == events.ERASURE and e.details == {"key_destroyed": True}
        after = log.subject_entries(holder)
        assert all(p is None for _, p in after)
        assert not (built.path.parent / "subject-keys" / f"{subject}.key").exists()
        log.checkpoint("erasure")
    report = verify_log(built.path, [built.key.public_bytes], checkpoints=built.checkpoints)
    assert report.ok, report.problems


def test_consent_coverage_flags_capture_before_consent_and_after_withdrawal(
    tmp_path: Path,
) -> None:
    key = keys.generate()
    early, late, fine = "hold-" + "e" * 24, "hold-" + "l" * 24, "hold-" + "f" * 24
    choices = {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS}
    with _log(tmp_path, key) as log:
        bad1 = log.append(events.PAGE_CAPTURED, subject_holder_id=early, details={"pages": 1})
        consent.give(log, holder_id=early, staff="s", language="en", choices=choices)
        consent.give(log, holder_id=late, staff="s", language="nl", choices=choices)
        log.append(events.PAGE_CAPTURED, subject_holder_id=late, details={"pages": 1})
        w = consent.withdraw(log, holder_id=late, staff="s", purposes=[consent.DIGITIZE])
        bad2 = log.append(events.BUNDLE_WRITTEN, subject_holder_id=late)
        consent.give(log, holder_id=fine, staff="s", language="de", choices=choices)
        log.append(events.PAGE_CAPTURED, subject_holder_id=fine, details={"pages": 2})
        bad3 = log.append(events.SHARE, subject_holder_id=fine)  # share was answered "no"
        path = log.path
    report = verify_log(path, [key.public_bytes])
    flagged = {p.seq: p.what for p in report.problems if p.kind == "consent"}
    assert set(flagged) == {bad1.seq, bad2.seq, bad3.seq}
    assert "without a prior consent" in flagged[bad1.seq]
    assert f"withdrawn or erased at entry {w.audit_seq}" in flagged[bad2.seq]
    from datetime import date

    rep = build_report(path, [key.public_bytes], date(2000, 1, 1), date(2100, 1, 1))
    assert {p.seq for p in rep.without_consent} == {bad1.seq, bad2.seq, bad3.seq}
    html_text = to_html(rep, str(path))
    assert "Processing without a valid consent: 3" in html_text
    assert not rep.consent_languages  # languages are monthly totals, written when it ends
    assert rep.withdrawals == {consent.DIGITIZE: 1}


def test_clean_report_says_zero(tmp_path: Path) -> None:
    from datetime import date

    built = build_log(tmp_path)
    rep = build_report(built.path, [built.key.public_bytes], date(2000, 1, 1), date(2100, 1, 1))
    assert rep.verify.ok and not rep.without_consent
    assert rep.sessions == 3 and rep.documents_classified == 3 and rep.pages == 6
    assert "Processing without a valid consent: 0" in to_html(rep, "log")


def test_no_personal_data_in_log_or_data_dir(tmp_path: Path) -> None:
    secret_words = ["Mohammed-Alaoui", "convocation-CGRA-2026.jpg", "Rue des Tanneurs 12"]
    key = keys.generate()
    holder = "hold-" + "z" * 24
    with _log(tmp_path, key) as log:
        consent.give(
            log,
            holder_id=holder,
            staff="anna",
            language="fr",
            choices={p: True for p in consent.PURPOSE_IDS},
        )
        log.append(
            events.PAGE_CAPTURED,
            subject_holder_id=holder,
            details={"pages": 1},
            private={"name": secret_words[0], "file": secret_words[1], "text": secret_words[2]},
        )
        log.checkpoint()
        assert log.subject_entries(holder)[-1][1]["name"] == secret_words[0]
    for f in (tmp_path / "audit").rglob("*"):
        if f.is_file():
            data = f.read_bytes()
            for word in [*secret_words, holder, "anna"]:
                assert word.encode() not in data, (word, f)


def test_inclusion_proof_for_the_drive_verifies_independently(tmp_path: Path) -> None:
    key = keys.generate()
    with _log(tmp_path, key) as log:
        for i in range(9):
            log.append(events.SESSION_START, details={"i": i})
        proof = json.loads(log.inclusion_proof(4).to_json())
        origin = log.origin
    cp, _, _ = note.open_checkpoint(proof["checkpoint"], [note.Verifier(origin, key.public_bytes)])
    import base64

    leaf = merkle.leaf_hash(proof["entry"].encode())
    assert leaf.hex() != proof["leaf"]  # the leaf hashes the line without its "leaf" field
    from nextstep.audit.entry import decode

    entry = decode(proof["entry"].encode())
    merkle.verify_inclusion(
        proof["seq"], cp.size, entry.leaf, [base64.b64decode(p) for p in proof["path"]], cp.root
    )


def test_unknown_event_and_floats_are_refused(tmp_path: Path) -> None:
    with _log(tmp_path) as log:
        with pytest.raises(AuditError, match="Unknown audit event"):
            log.append("coffee_break")
        from crypto.canonical import CanonicalError

        with pytest.raises(CanonicalError):
            log.append(events.SESSION_START, details={"x": 0.5})
        assert log.size == 0


def test_a_checkpoint_is_signed_at_least_daily(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    now = [datetime(2026, 11, 20, 9, 0, tzinfo=UTC)]
    key = keys.generate()
    with AuditLog(tmp_path / "log.jsonl", key, "k1", sync=False, clock=lambda: now[0]) as log:
        log.append(events.SESSION_START)
        now[0] += timedelta(hours=23)
        log.append(events.SESSION_START)
        assert log.latest_checkpoint() is None
        now[0] += timedelta(hours=2)
        log.append(events.SESSION_START)  # 25 h after the first uncovered entry
        cp = log.latest_checkpoint()
        assert cp is not None and "\n4\n" in cp  # 3 entries + the checkpoint entry
        assert list(log.entries())[-1].details == {"reason": "daily"}


def test_inclusion_proof_file_checks_and_rejects_tampering(tmp_path: Path) -> None:
    from nextstep.audit.log import verify_inclusion_file

    key = keys.generate()
    with _log(tmp_path, key) as log:
        for i in range(6):
            log.append(events.SESSION_START, details={"i": i})
        bundle = log.append(
            events.BUNDLE_WRITTEN, subject_holder_id=HOLDERS[0], details={"bundle": "b1"}
        )
        log.append(events.SESSION_END)
        text = log.inclusion_proof(bundle.seq).to_json()
    assert verify_inclusion_file(text, key.public_bytes).event == events.BUNDLE_WRITTEN
    with pytest.raises(AuditError):
        verify_inclusion_file(text, keys.generate().public_bytes)
    data = json.loads(text)
    data["path"][0] = data["path"][1]
    with pytest.raises(AuditError, match="does not verify"):
        verify_inclusion_file(json.dumps(data), key.public_bytes)
    data = json.loads(text)
    data["entry"] = data["entry"].replace('"b1"', '"b2"')
    with pytest.raises(AuditError):
        verify_inclusion_file(json.dumps(data), key.public_bytes)


def test_consent_without_its_private_record_or_on_an_unknown_notice_does_not_count(
    tmp_path: Path,
) -> None:
    key = keys.generate()
    holder = HOLDERS[1]
    answers = {p: True for p in consent.PURPOSE_IDS}
    with _log(tmp_path, key) as log:
        bare = log.append(
            events.CONSENT_GIVEN,
            subject_holder_id=holder,
            details={"purposes": answers, "notice": {"version": 1}},
        )
        unknown = log.append(
            events.CONSENT_GIVEN,
            subject_holder_id=holder,
            details={"purposes": answers, "notice": {"version": 99}},
            private={"notice": {"language": "fr"}},
        )
        page = log.append(events.PAGE_CAPTURED, subject_holder_id=holder)
        log.checkpoint()
        path = log.path
    problems = verify_log(path, [key.public_bytes]).problems_of("consent")
    assert [p.seq for p in problems] == [bare.seq, unknown.seq, page.seq]
    assert "no encrypted record of the notice" in problems[0].what
    assert "version 99" in problems[1].what


def test_staff_pseudonyms_are_keyed_not_a_plain_hash(tmp_path: Path) -> None:
    import hashlib

    key = keys.generate()
    with _log(tmp_path, key) as log:
        e = log.append(events.SESSION_START, staff="anna")
        assert e.staff == log.staff_pseudonym("anna") and e.staff.startswith("t-")
    with _log(tmp_path / "other") as other:
        assert other.staff_pseudonym("anna") != e.staff  # another key, another pseudonym
    plain = hashlib.sha256(b"nextstep/staff/v1\nanna").hexdigest()[:16]
    assert plain not in e.line.decode()
    assert key.derive("a") != key.derive("b") and len(key.derive("a")) == 32


def test_a_category_or_language_in_clear_next_to_a_subject_is_flagged(tmp_path: Path) -> None:
    key = keys.generate()
    holder = HOLDERS[0]
    with _log(tmp_path, key) as log:
        consent.give(
            log,
            holder_id=holder,
            staff="s",
            language="fr",
            choices={p: True for p in consent.PURPOSE_IDS},
        )
        fine = log.append(
            events.DOCUMENT_CLASSIFIED,
            subject_holder_id=holder,
            details={"pages": 1},
            private={"category": "asylum"},
        )
        leaky = log.append(
            events.DOCUMENT_CLASSIFIED, subject_holder_id=holder, details={"category": "asylum"}
        )
        lang = log.append(
            events.SESSION_START, subject_holder_id=holder, details={"language": "ar"}
        )
        log.append(events.PERIOD_TOTALS, details={"period": "2026-10", "documents": {"asylum": 3}})
        log.checkpoint()
        path = log.path
    flagged = verify_log(path, [key.public_bytes]).problems_of("privacy")
    assert [p.seq for p in flagged] == [leaky.seq, lang.seq], flagged
    assert "asylum" in flagged[0].what and fine.seq not in {p.seq for p in flagged}
