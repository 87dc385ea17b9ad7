"""Return visits and sharing: old documents kept, interrupted updates harmless."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from crypto import keys
from nextstep.bundle import update, verify
from nextstep.bundle.share import ShareError, share_subset
from tests.bundle.bundle_samples import Built, make_document, require_tool


@pytest.fixture
def drive(built: Built, tmp_path: Path) -> Path:
    folder = tmp_path / "drive"
    folder.mkdir()
    for p in built.paths.all():
        shutil.copy(p, folder / p.name)
    return folder / built.paths.pdf.name


NEW = [["Décision CPAS Tarentule", "Revenu d'intégration accordé"]]


def test_return_visit_adds_documents_and_keeps_old_ones(
    built: Built, drive: Path, kiosk_key: keys.KioskKey, tmp_path: Path
) -> None:
    before = verify.verify_bundle(
        drive, passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
    )
    result = update.add_documents(
        drive,
        [make_document(NEW, "allowances", title="Décision CPAS")],
        passphrase=built.passphrase,
        key=kiosk_key,
        kiosk_id="kiosk-liege-1",
        trusted_keys=[kiosk_key.public_bytes],
    )
    after = verify.verify_bundle(
        drive, passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
    )
    assert after.version == before.version + 1 == 2
    assert after.bundle_id == before.bundle_id and result.paths.pdf == drive
    old_hashes = [p.image_sha256 for d in before.manifest.documents for p in d.pages]
    new_hashes = [p.image_sha256 for d in after.manifest.documents for p in d.pages]
    assert new_hashes[: len(old_hashes)] == old_hashes  # old pages byte-identical
    assert [d.category for d in after.manifest.documents][-1] == "allowances"
    assert after.manifest.previous_manifest_sha256 is not None
    # the text of old and new documents is searchable in the new version
    clear = tmp_path / "clear.pdf"
    subprocess.run(
        [
            require_tool("qpdf"),
            f"--password={built.passphrase}",
            "--decrypt",
            str(drive),
            str(clear),
        ],
        check=True,
    )
    text = subprocess.run(
        [require_tool("pdftotext"), str(clear), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Zorglubovic" in text and "Tarentule" in text
    assert sorted(p.name for p in drive.parent.iterdir()) == sorted(
        p.name for p in built.paths.all()
    )


@pytest.mark.parametrize("fail_at", [1, 2, 3, 4, 5])
def test_interrupted_update_leaves_a_valid_bundle(
    built: Built,
    drive: Path,
    kiosk_key: keys.KioskKey,
    monkeypatch: pytest.MonkeyPatch,
    fail_at: int,
) -> None:
    """Power loss at the n-th rename on the drive: pending envelope (1, 2), the PDF swap
    itself (3) -> the old version remains; after the swap (4, 5) -> the new one. Each
    verifies on its own, and the next visit tidies up."""
    real_replace = os.replace
    calls = {"n": 0}

    def crashing_replace(src: object, dst: object) -> None:
        if str(dst).startswith(str(drive.parent)) and ".part" not in str(dst):
            calls["n"] += 1
            if calls["n"] == fail_at:
                raise OSError("simulated power loss")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(update.os, "replace", crashing_replace)
    with pytest.raises(OSError, match="power loss"):
        update.add_documents(
            drive,
            [make_document(NEW, "allowances")],
            passphrase=built.passphrase,
            key=kiosk_key,
            kiosk_id="k",
            trusted_keys=[kiosk_key.public_bytes],
        )
    monkeypatch.setattr(update.os, "replace", real_replace)
    info = verify.verify_bundle(
        drive, passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
    )
    assert info.envelope_checked
    assert info.version == (1 if fail_at <= 3 else 2)
    assert len(info.manifest.documents) == (3 if fail_at <= 3 else 4)
    # the next return visit completes or discards the pending files and works
    update.add_documents(
        drive,
        [make_document([["Encore"]], "other")],
        passphrase=built.passphrase,
        key=kiosk_key,
        kiosk_id="k",
        trusted_keys=[kiosk_key.public_bytes],
    )
    names = sorted(p.name for p in drive.parent.iterdir())
    assert not any(n.endswith((".next", ".next.minisig", ".part")) for n in names), names


def test_update_refuses_a_tampered_bundle(
    built: Built, drive: Path, kiosk_key: keys.KioskKey
) -> None:
    data = drive.read_bytes()
    drive.write_bytes(data[:500] + bytes([data[500] ^ 1]) + data[501:])
    with pytest.raises(verify.TamperedBundleError):
        update.add_documents(
            drive,
            [make_document(NEW, "other")],
            passphrase=built.passphrase,
            key=kiosk_key,
            kiosk_id="k",
            trusted_keys=[kiosk_key.public_bytes],
        )
    assert drive.read_bytes()[:500] == data[:500]  # nothing overwritten


def test_share_a_category_with_a_one_time_passphrase(
    built: Built, drive: Path, kiosk_key: keys.KioskKey, tmp_path: Path
) -> None:
    from nextstep.audit.log import AuditLog

    log_path = tmp_path / "audit" / "log.jsonl"
    with AuditLog(log_path, kiosk_key, "kiosk-test") as audit:
        shared = share_subset(
            drive,
            passphrase=built.passphrase,
            trusted_keys=[kiosk_key.public_bytes],
            key=kiosk_key,
            kiosk_id="k",
            recipient="Maître Dupont",
            categories=["housing"],
            documents=[3],
            audit=audit,
        )
        entries = list(audit.entries())
    assert shared.passphrase != built.passphrase
    info = verify.verify_bundle(
        shared.bundle.pdf, passphrase=shared.passphrase, trusted_keys=[kiosk_key.public_bytes]
    )
    assert [d.category for d in info.manifest.documents] == ["housing", "health"]
    assert info.manifest.recipient == "Maître Dupont"
    assert info.manifest.shared_from == built.bundle.bundle_id
    with pytest.raises(verify.WrongPassphraseError):
        verify.verify_bundle(
            shared.bundle.pdf, passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
        )
    assert [e.event for e in entries] == ["share"]
    assert entries[0].details["documents"] == 2 and entries[0].enc  # recipient encrypted
    assert b"Dupont" not in log_path.read_bytes()
    # Categories and bundle ids describe the person: encrypted too, only the count is clear.
    assert entries[0].details == {"documents": 2}
    assert b'"housing"' not in log_path.read_bytes()
    assert built.bundle.bundle_id.encode() not in log_path.read_bytes()
    with pytest.raises(ShareError, match="no document D9"):
        share_subset(
            drive,
            passphrase=built.passphrase,
            trusted_keys=[kiosk_key.public_bytes],
            key=kiosk_key,
            kiosk_id="k",
            recipient="X",
            documents=[9],
        )
    with pytest.raises(ShareError, match="Nothing to share"):
        share_subset(
            drive,
            passphrase=built.passphrase,
            trusted_keys=[kiosk_key.public_bytes],
            key=kiosk_key,
            kiosk_id="k",
            recipient="X",
            categories=["justice"],
        )
