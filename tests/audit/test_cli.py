"""The audit commands as an auditor and a DPO use them."""

from __future__ import annotations

from pathlib import Path

import pytest

from crypto import keys
from nextstep import cli, config, consent
from nextstep.audit import AuditLog, events
from tests.audit.audit_logbuilder import HOLDERS


@pytest.fixture
def kiosk(data_env: Path) -> Path:
    assert cli.main(["init"]) == 0
    settings = config.load()
    key = keys.load_private(settings.key_path)
    with AuditLog(settings.audit_log, key, "kiosk-test", sync=False) as log:
        consent.give(
            log,
            holder_id=HOLDERS[0],
            staff="s",
            language="fr",
            choices={p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
        )
        log.append(
            events.PAGE_CAPTURED,
            subject_holder_id=HOLDERS[0],
            details={"pages": 1},
            private={"file_name": "x.jpg"},
        )
        log.checkpoint()
    return settings.audit_log


def _pub() -> str:
    """The key as an auditor brings it: typed from the organisation's publication."""
    return config.load().public_key_path.read_text().strip()


def test_verify_ok_then_names_a_flipped_byte(kiosk: Path, capsys) -> None:
    assert cli.main(["audit", "verify", "--key", _pub()]) == 0
    assert "OK" in capsys.readouterr().out
    data = bytearray(kiosk.read_bytes())
    data[data.index(b'"pages":1') + 8] = ord("2")
    kiosk.write_bytes(bytes(data))
    assert cli.main(["audit", "verify", "--key", _pub()]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "line 2, entry 1" in out


def test_verify_with_wrong_key_fails(kiosk: Path, capsys) -> None:
    other = keys.generate().public_bytes.hex()
    assert cli.main(["audit", "verify", str(kiosk), "--key", other]) == 1
    assert "trusted key" in capsys.readouterr().out
    assert cli.main(["audit", "verify", "--key", "zz"]) == 2


def test_witness_cosigns_and_refuses_rollback(kiosk: Path, tmp_path: Path, capsys) -> None:
    settings = config.load()
    pub = settings.public_key_path.read_text().strip()
    first = tmp_path / "cp1.txt"
    assert cli.main(["audit", "checkpoint", "--qr", str(tmp_path / "cp.svg")]) == 0
    first.write_text(capsys.readouterr().out.split("QR code:")[0])
    assert (tmp_path / "cp.svg").read_text().startswith("<?xml")
    state = tmp_path / "witness"
    assert (
        cli.main(
            [
                "audit",
                "witness",
                str(first),
                "--state",
                str(state),
                "--name",
                "witness.lmdp/1",
                "--log-key",
                pub,
            ]
        )
        == 0
    )
    assert "— witness.lmdp/1 " in capsys.readouterr().out
    with AuditLog(kiosk, keys.load_private(settings.key_path), "kiosk-test") as log:
        log.append(events.SESSION_START, details={})
    second, proof = tmp_path / "cp2.txt", tmp_path / "proof.json"
    assert cli.main(["audit", "checkpoint", "--since", str(first), "--proof-out", str(proof)]) == 0
    second.write_text(capsys.readouterr().out.split("\n", 1)[1])
    # Without the consistency proof the witness refuses; with it, it cosigns.
    assert cli.main(["audit", "witness", str(second), "--state", str(state), "--log-key", pub]) == 2
    assert "not consistent" in capsys.readouterr().err
    assert (
        cli.main(
            [
                "audit",
                "witness",
                str(second),
                "--state",
                str(state),
                "--log-key",
                pub,
                "--proof",
                str(proof),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert cli.main(["audit", "witness", str(first), "--state", str(state), "--log-key", pub]) == 2
    assert "Rollback" in capsys.readouterr().err


def test_subject_erase_and_report(kiosk: Path, tmp_path: Path, capsys) -> None:
    assert cli.main(["audit", "subject", HOLDERS[0], "--attest"]) == 0
    out = capsys.readouterr().out
    assert "page_captured" in out and "x.jpg" in out
    assert cli.main(["audit", "erase", HOLDERS[0], "--yes", "--attest"]) == 0
    out = capsys.readouterr().out
    assert "destroyed" in out and "still verifies" in out
    assert cli.main(["audit", "subject", HOLDERS[0], "--json", "--attest"]) == 0
    assert "x.jpg" not in capsys.readouterr().out
    html = tmp_path / "r.html"
    assert (
        cli.main(
            [
                "audit",
                "report",
                "--from",
                "2000-01-01",
                "--to",
                "2100-01-01",
                "--out",
                str(html),
                "--key",
                _pub(),
            ]
        )
        == 0
    )
    text = html.read_text()
    assert "Processing without a valid consent: 0" in text and "erasures" in text
    assert cli.main(["audit", "verify", "--allow-self-certified"]) == 0


def test_report_as_pdf_and_proof_check(kiosk: Path, tmp_path: Path, capsys) -> None:
    import shutil
    import subprocess

    pdf = tmp_path / "r.pdf"
    assert (
        cli.main(
            [
                "audit",
                "report",
                "--from",
                "2000-01-01",
                "--to",
                "2100-01-01",
                "--pdf",
                "--out",
                str(pdf),
                "--allow-self-certified",
            ]
        )
        == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert "Processing without a valid consent: 0" in text
    proof = tmp_path / "proof.json"
    assert cli.main(["audit", "proof", "1", "--out", str(proof)]) == 0
    assert cli.main(["audit", "check-proof", str(proof)]) == 0
    assert "OK: entry 1 (page_captured" in capsys.readouterr().out
    page = tmp_path / "cp.html"
    assert cli.main(["audit", "checkpoint", "--page", str(page)]) == 0
    assert "<svg" in page.read_text() and "nextstep/audit/kiosk-test" in page.read_text()


def test_verify_takes_several_checkpoints_after_one_flag(
    kiosk: Path, tmp_path: Path, capsys
) -> None:
    stored = sorted((kiosk.parent / "log.jsonl.checkpoints").glob("*.txt"))
    assert (
        cli.main(
            [
                "audit",
                "verify",
                str(kiosk),
                "--checkpoint",
                *map(str, stored),
                "--key",
                _pub(),
            ]
        )
        == 0
    )
    assert "OK" in capsys.readouterr().out
    lines = kiosk.read_bytes().splitlines(keepends=True)
    kiosk.write_bytes(b"".join(lines[:-1]))  # drop the last entry
    args = ["audit", "verify", str(kiosk), "--checkpoint", str(stored[-1]), "--key", _pub()]
    assert cli.main(args) == 1
    assert "truncated" in capsys.readouterr().out


def test_staff_pseudonym_lookup(kiosk: Path, capsys) -> None:
    assert cli.main(["audit", "staff", "s"]) == 0
    pseudonym = capsys.readouterr().out.split()[0]
    assert pseudonym.startswith("t-")
    assert pseudonym.encode() in kiosk.read_bytes()  # the consent in the fixture was by "s"


def test_a_key_from_the_data_dir_is_self_certified(kiosk: Path, tmp_path: Path, capsys) -> None:
    settings = config.load()
    for args in ([], ["--key", str(settings.public_key_path)]):
        assert cli.main(["audit", "verify", *args]) == 1
        out = capsys.readouterr().out
        assert "[trust]" in out and "self-consistency" in out, out
        assert cli.main(["audit", "verify", *args, "--allow-self-certified"]) == 0
        assert "OK" in capsys.readouterr().out
    brought = tmp_path / "published.pub"
    brought.write_text(_pub() + "\n")
    assert cli.main(["audit", "verify", "--key", str(brought)]) == 0
    capsys.readouterr()
    # A log and key copied elsewhere together: the key still sits in the log's data dir.
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(settings.data_dir, copy)
    log, key = copy / "audit" / "log.jsonl", copy / "keys" / "kiosk.pub"
    assert cli.main(["audit", "verify", str(log), "--key", str(key)]) == 1
    assert "[trust]" in capsys.readouterr().out


def test_missing_checkpoints_or_cut_end_fail_verification(kiosk: Path, capsys) -> None:
    import shutil

    settings = config.load()
    with AuditLog(kiosk, keys.load_private(settings.key_path), "kiosk-test", sync=False) as log:
        log.append(events.SESSION_START, subject_holder_id=HOLDERS[0], details={"session": "2"})
        log.checkpoint()
    assert cli.main(["audit", "verify", "--key", _pub()]) == 0
    capsys.readouterr()
    folder = kiosk.parent / "log.jsonl.checkpoints"
    saved = kiosk.parent / "saved"
    shutil.copytree(folder, saved)
    shutil.rmtree(folder)  # the stored checkpoints alone
    assert cli.main(["audit", "verify", "--key", _pub()]) == 1
    out = capsys.readouterr().out
    assert "no genuine stored checkpoint" in out, out
    shutil.copytree(saved, folder)
    # The last entries together with the checkpoints covering them.
    lines = kiosk.read_bytes().splitlines(keepends=True)
    kiosk.write_bytes(b"".join(lines[:-1]))
    max(folder.glob("*.txt")).unlink()
    assert cli.main(["audit", "verify", "--key", _pub()]) == 1
    assert "covered by no signed checkpoint" in capsys.readouterr().out


def test_erase_without_a_terminal_to_confirm_erases_nothing(
    kiosk: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A script with no answer on stdin gets a sentence and exit 1, never EOFError."""
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert cli.main(["audit", "erase", HOLDERS[0], "--attest"]) == 1
    assert "Nothing erased" in capsys.readouterr().out
    assert cli.main(["audit", "subject", HOLDERS[0], "--attest"]) == 0
    assert "x.jpg" in capsys.readouterr().out  # the person's details are still readable
