"""Withdrawal with the person's drive, the proof it needs, the escrow check and the access letter.

Real OCR, bundle, age and PAR2 on a folder drive; the CLI runs in-process as staff would run it.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from nextstep import cli, config, consent
from nextstep.audit import events
from nextstep.audit.verify import verify_log
from nextstep.consent import withdrawal, wording
from nextstep.demo import demo_consent, open_kiosk
from nextstep.session import Session
from scanners.demo import DemoScanner, sample_dir
from tests.conftest import require_tool


@pytest.fixture
def visited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """One Arabic-speaking person's visit with escrow, plus a copy shared with a recipient."""
    require_tool("tesseract")
    identity = pyrage.x25519.Identity.generate()
    drive = tmp_path / "drive"
    env = {
        "NEXTSTEP_DATA_DIR": str(tmp_path / "data"),
        "NEXTSTEP_DRIVE": str(drive),
        "NEXTSTEP_RECOVERY_RECIPIENT": str(identity.to_public()),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("NEXTSTEP_CONFIG", raising=False)
    settings = config.load(env=env)
    key, audit = open_kiosk(settings)
    session = Session(settings, key=key, audit=audit, staff="staff-1", language="ar")
    demo_consent(session, "ar", (consent.DIGITIZE, consent.RECOVERY, consent.SHARE))
    folder = tmp_path / "samples"
    folder.mkdir()
    shutil.copy(sample_dir() / "03-mutualite.png", folder / "03-mutualite.png")
    with DemoScanner(folder) as sc:
        session.capture(sc)
    session.analyze()
    outcome = session.build_bundle()
    assert session.write_to_drive().ok
    holder = session.holder_id
    pdf = next(p for p in drive.glob("*.pdf"))
    from nextstep.bundle.share import share_subset

    shared = share_subset(
        pdf,
        passphrase=outcome.passphrase,
        trusted_keys=[key.public_bytes],
        key=key,
        kiosk_id=audit.kiosk_id,
        recipient="Maître X",
        documents=[1],
    )
    session.end()
    audit.close()
    share_dir = drive / withdrawal.SHARE_FOLDER
    shared.bundle.write(share_dir)
    (share_dir / "mes-notes.txt").write_text("the person's own file")
    return {
        "drive": drive,
        "settings": settings,
        "holder": holder,
        "passphrase": outcome.passphrase,
        "key": key.public_bytes,
        "stem": pdf.stem,
    }


def _run(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return cli.main(list(argv))


def test_withdraw_escrow_needs_proof_removes_file_and_log_verifies(
    visited: dict[str, object], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    drive = Path(str(visited["drive"]))
    settings = visited["settings"]
    assert isinstance(settings, config.Settings)
    stem = str(visited["stem"])
    assert (drive / f"{stem}.recovery.age").is_file()
    assert (drive / f"{stem}.consent.json").is_file()  # the JSON-LD receipt is written
    args = ("consent", "withdraw", "--drive", str(drive), "--purpose", "recovery_escrow")

    # No proof, then a wrong passphrase: refused, nothing removed, nothing logged.
    size = sum(1 for _ in settings.audit_log.open())
    assert _run(monkeypatch, "", *args, "--staff", "anna") == 2
    assert "Proof is needed" in capsys.readouterr().err
    assert (
        _run(
            monkeypatch,
            "0000000000-0000000000-0000000000\n",
            *args,
            "--staff",
            "anna",
            "--passphrase-stdin",
        )
        == 2
    )
    assert "does not open this bundle" in capsys.readouterr().err
    assert (drive / f"{stem}.recovery.age").is_file()
    assert sum(1 for _ in settings.audit_log.open()) == size

    phrase = str(visited["passphrase"]) + "\n"
    assert _run(monkeypatch, phrase, *args, "--staff", "anna", "--passphrase-stdin") == 0
    assert not (drive / f"{stem}.recovery.age").exists()
    receipt = (drive / f"{stem}.withdrawal.txt").read_text(encoding="utf-8")
    assert wording.t("withdrawal_title", "ar") in receipt  # the person's language...
    assert wording.t("withdrawal_title", "fr") in receipt  # ...and French
    assert f"{stem}.recovery.age" in receipt
    assert "Subject pseudonym" not in receipt and "on_screen" not in receipt
    record = json.loads((drive / f"{stem}.withdrawal.json").read_text(encoding="utf-8"))
    statuses = [s["dpv:hasStatus"] for s in record["dpv:hasConsentStatus"]]
    assert statuses == ["dpv:ConsentWithdrawn"]  # only what was given and withdrawn

    report = verify_log(settings.audit_log, [bytes(visited["key"])])  # type: ignore[arg-type]
    assert report.ok, report.problems
    last = [
        e
        for e in (json.loads(line) for line in settings.audit_log.open())
        if e["event"] == events.CONSENT_WITHDRAWN
    ][-1]
    assert last["event"] == events.CONSENT_WITHDRAWN
    assert last["details"]["proof"] == withdrawal.PROOF_KEYCARD
    assert last["details"]["files_removed"] == 1
    assert last["details"]["purposes"] == ["recovery_escrow"]

    # The drive check flags a sealed copy put back after the withdrawal.
    assert _run(monkeypatch, "", "consent", "check", "--drive", str(drive)) == 0
    (drive / f"{stem}.recovery.age").write_bytes(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
    assert _run(monkeypatch, "", "consent", "check", "--drive", str(drive)) == 1
    assert "kept although escrow was withdrawn" in capsys.readouterr().out


def test_withdraw_share_removes_only_the_kiosk_copies_of_this_person(
    visited: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    drive = Path(str(visited["drive"]))
    share_dir = drive / withdrawal.SHARE_FOLDER
    before = sorted(p.name for p in share_dir.iterdir())
    assert any(n.endswith(".pdf") for n in before)
    args = ("consent", "withdraw", "--drive", str(drive), "--purpose", "share_recipient")
    assert _run(monkeypatch, "", *args, "--staff", "anna", "--attest") == 0
    assert sorted(p.name for p in share_dir.iterdir()) == ["mes-notes.txt"]
    settings = visited["settings"]
    assert isinstance(settings, config.Settings)
    last = [
        e
        for e in (json.loads(line) for line in settings.audit_log.open())
        if e["event"] == events.CONSENT_WITHDRAWN
    ][-1]
    assert last["details"]["proof"] == withdrawal.PROOF_STAFF
    # The sealed key copy was not part of this withdrawal: it stays.
    assert (drive / f"{visited['stem']}.recovery.age").is_file()


def test_withdraw_all_lists_only_given_purposes(
    visited: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    drive = Path(str(visited["drive"]))
    args = ("consent", "withdraw", "--drive", str(drive), "--staff", "anna", "--attest")
    assert _run(monkeypatch, "", *args) == 0
    record = json.loads((drive / f"{visited['stem']}.withdrawal.json").read_text(encoding="utf-8"))
    withdrawn = sorted(s["nextstep:purpose"] for s in record["dpv:hasConsentStatus"])
    assert withdrawn == sorted([consent.DIGITIZE, consent.RECOVERY, consent.SHARE])
    # Nothing left to withdraw: a clear message, not a second empty withdrawal.
    assert _run(monkeypatch, "", *args, "--purpose", "print_keycard") == 2


def test_access_letter_in_arabic_and_french_needs_proof(
    visited: dict[str, object], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    require_tool("pdftotext")
    holder = str(visited["holder"])
    out = tmp_path / "L.pdf"
    assert _run(monkeypatch, "", "audit", "subject", holder, "--letter", str(out)) == 2
    assert not out.exists()
    phrase = str(visited["passphrase"]) + "\n"
    drive = str(visited["drive"])
    assert (
        _run(
            monkeypatch,
            phrase,
            "audit",
            "subject",
            holder,
            "--letter",
            str(out),
            "--drive",
            drive,
            "--passphrase-stdin",
        )
        == 0
    )
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    for key in ("rights_h", "retention_h", "automated_h", "recipients_h", "source_h"):
        assert wording.t(key, "fr") in text
    # Arabic comes out shaped and in logical order: pdftotext returns the words as written.
    assert "حقوقك" in text and "قرار آلي" in text
    assert "Autorité de protection des données" in text
    assert consent.purposes.title(consent.RECOVERY, "fr").split(",")[0] in text
    cats = f"{wording.t('categories_seen', 'fr')} : "
    assert cats in text and wording.t("categories_none", "fr") not in text

    # After erasure nothing links the person to a category, not even their own letter.
    assert _run(monkeypatch, "", "audit", "erase", holder, "--yes", "--attest") == 0
    after = tmp_path / "L2.pdf"
    assert (
        _run(monkeypatch, "", "audit", "subject", holder, "--attest", "--letter", str(after)) == 0
    )
    erased = subprocess.run(
        ["pdftotext", str(after), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert cats + wording.t("categories_none", "fr") in erased
    assert wording.t("erased_text", "fr") in erased


def test_draft_notice_needs_an_interpreter(data_env: Path) -> None:
    settings = config.load()
    key, audit = open_kiosk(settings)
    with audit:
        session = Session(settings, key=key, audit=audit, staff="s", language="ps")
        with pytest.raises(consent.ConsentError, match="draft translation"):
            session.give_consent({p: True for p in consent.PURPOSE_IDS}, informed="screen")
        assert not session.consents
        # Saying no to everything is recorded without an interpreter: nothing is processed.
        session.give_consent({p: False for p in consent.PURPOSE_IDS}, informed="screen")
        assert not any(session.consents.values())
        session.give_consent(
            {p: True for p in consent.PURPOSE_IDS},
            informed="interpreter",
            interpreter_language="ps",
        )
        assert session.consents[consent.DIGITIZE]
        session.end()


def test_in_visit_withdrawal_names_only_given_purposes(data_env: Path) -> None:
    settings = config.load()
    key, audit = open_kiosk(settings)
    with audit:
        session = Session(settings, key=key, audit=audit, staff="s", language="fr")
        session.give_consent({p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS})
        with pytest.raises(consent.ConsentError, match="nothing to withdraw"):
            session.withdraw_consent([consent.SHARE])
        session.withdraw_consent()
        session.end()
    last = [
        json.loads(line)
        for line in settings.audit_log.read_text().splitlines()
        if '"consent_withdrawn"' in line
    ]
    assert [e["details"]["purposes"] for e in last] == [[consent.DIGITIZE]]


def test_drive_check_flags_a_sealed_copy_kept_after_a_refusal(tmp_path: Path) -> None:
    from crypto import keys as crypto_keys
    from nextstep.audit import AuditLog

    drive = tmp_path / "drive"
    drive.mkdir()
    with AuditLog(tmp_path / "log.jsonl", crypto_keys.generate(), "k1", sync=False) as log:
        refused = consent.give(
            log,
            holder_id="hold-" + "r" * 24,
            staff="s",
            language="fr",
            choices={p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
        )
    (drive / "abc.consent.json").write_text(consent.receipt_json(refused), encoding="utf-8")
    assert withdrawal.escrow_problems(drive) == []
    (drive / "abc.recovery.age").write_bytes(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
    problems = withdrawal.escrow_problems(drive)
    assert len(problems) == 1 and "kept although escrow was refused" in problems[0]
    # A link planted under the name is not read and not counted as the kiosk's copy.
    (drive / "abc.recovery.age").unlink()
    (drive / "abc.recovery.age").symlink_to(drive / "abc.consent.json")
    assert withdrawal.escrow_problems(drive) == []
