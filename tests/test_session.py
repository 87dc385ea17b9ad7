"""The headless session: consent gates, withdrawal, return visits with repair, backup copies.

Real components throughout (demo scanner over real sample pages, Tesseract, pikepdf, PAR2,
folder drives, the audit log); each test OCRs one or two pages only.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from crypto import keys
from nextstep import config, consent
from nextstep.audit.verify import verify_log
from nextstep.bundle.verify import verify_bundle
from nextstep.demo import open_kiosk
from nextstep.session import ConsentRequired, Session
from scanners.demo import DemoScanner, sample_dir
from tests.conftest import require_tool

ONLY = {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS}


def scanner_with(tmp_path: Path, *names: str) -> DemoScanner:
    folder = tmp_path / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(sample_dir() / name, folder / name)
    return DemoScanner(folder)


@pytest.fixture
def settings(tmp_path: Path) -> config.Settings:
    return config.load(
        env={"NEXTSTEP_DATA_DIR": str(tmp_path / "data"), "NEXTSTEP_DRIVE": str(tmp_path / "drive")}
    )


def new_session(settings: config.Settings, **kw: object) -> Session:
    key, audit = open_kiosk(settings)
    return Session(settings, key=key, audit=audit, staff="staff-1", **kw)  # type: ignore[arg-type]


def events(settings: config.Settings) -> list[dict[str, object]]:
    lines = settings.audit_log.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_no_capture_without_consent_and_refusal_is_logged(
    settings: config.Settings, tmp_path: Path
) -> None:
    session = new_session(settings)
    session.give_consent({p: False for p in consent.PURPOSE_IDS})
    with pytest.raises(ConsentRequired) as err, scanner_with(tmp_path, "03-mutualite.png") as sc:
        session.capture(sc)
    assert "not agreed" in err.value.message
    kinds = [e["event"] for e in events(settings)]
    assert "consent_given" in kinds and "page_captured" not in kinds
    session.end()  # the log at rest ends on a checkpoint (the verifier requires it)
    key = keys.load_private(settings.key_path)
    assert verify_log(settings.audit_log, [key.public_bytes]).ok


def test_withdrawal_discards_captured_pages(settings: config.Settings, tmp_path: Path) -> None:
    session = new_session(settings)
    session.give_consent(ONLY)
    with scanner_with(tmp_path, "03-mutualite.png") as sc:
        assert session.capture(sc).accepted == 1
    assert session.drafts
    session.withdraw_consent()
    assert session.drafts == [] and session.documents == []
    with pytest.raises(ConsentRequired):
        session.build_bundle()
    kinds = [e["event"] for e in events(settings)]
    assert kinds.index("consent_withdrawn") > kinds.index("page_captured")


def test_return_visit_repairs_then_adds_documents_and_backup(
    settings: config.Settings, tmp_path: Path
) -> None:
    require_tool("tesseract")
    require_tool("par2")
    drive = Path(settings.drive)
    # First visit: one document.
    first = new_session(settings)
    first.give_consent(ONLY)
    with scanner_with(tmp_path, "03-mutualite.png") as sc:
        first.capture(sc)
    first.analyze()
    outcome = first.build_bundle()
    assert first.write_to_drive().ok
    passphrase, bundle_id = outcome.passphrase, outcome.bundle_id
    first.end()
    pdf = next(drive.glob("*.pdf"))
    original = pdf.read_bytes()

    # The drive loses a 64 KiB region of the bundle.
    damaged = bytearray(original)
    start = len(damaged) // 3
    damaged[start : start + 65536] = bytes(65536)
    pdf.write_bytes(bytes(damaged))

    # Second visit: check + repair, open, add a document, write version 2.
    holder = Session.holder_on_drive(settings)
    second = new_session(settings, holder_id=holder)
    second.give_consent(ONLY)
    info = second.open_returning(passphrase)
    assert info.bundle_id == bundle_id and info.version == 1
    with scanner_with(tmp_path / "b", "04-decision-cpas.png") as sc:
        second.capture(sc)
    second.analyze()
    second.build_bundle()
    assert second.write_to_drive().ok
    backup = tmp_path / "backup-drive"
    assert second.write_backup(str(backup)).ok
    second.end()

    key = keys.load_private(settings.key_path)
    new = verify_bundle(pdf, passphrase=passphrase, trusted_keys=[key.public_bytes])
    assert new.bundle_id == bundle_id and new.version == 2
    assert [d.category for d in new.manifest.documents] == ["health", "allowances"]
    assert sorted(p.name for p in drive.glob("*.pdf")) == [pdf.name]
    assert (backup / pdf.name).read_bytes() == pdf.read_bytes()
    # PAR2 data on the drive now protects version 2, not the repaired version 1.
    from nextstep.conservation import check

    assert check(pdf, repair=False).status.value == "intact"

    log = events(settings)
    checked = [e for e in log if e["event"] == "bundle_checked"]
    assert checked and checked[0]["details"]["status"] == "repaired"  # type: ignore[index]
    kinds = [e["event"] for e in log]
    assert "bundle_opened" in kinds and "backup_written" in kinds
    assert verify_log(settings.audit_log, [key.public_bytes]).ok


def test_wrong_passphrase_on_return_visit_is_its_own_message(
    settings: config.Settings, tmp_path: Path
) -> None:
    require_tool("tesseract")
    first = new_session(settings)
    first.give_consent(ONLY)
    with scanner_with(tmp_path, "03-mutualite.png") as sc:
        first.capture(sc)
    first.analyze()
    first.build_bundle()
    assert first.write_to_drive().ok
    first.end()
    second = new_session(settings, holder_id=Session.holder_on_drive(settings))
    second.give_consent(ONLY)
    from nextstep.bundle.verify import WrongPassphraseError

    with pytest.raises(WrongPassphraseError) as err:
        second.open_returning("111111-111111-111111-111111-111111")
    assert "passphrase" in err.value.message.lower()


def test_referral_and_reminder_slips_for_the_session(
    settings: config.Settings, tmp_path: Path
) -> None:
    require_tool("tesseract")
    session = new_session(settings, language="fr")
    session.give_consent(ONLY)
    with scanner_with(tmp_path, "04-decision-cpas.png") as sc:
        session.capture(sc)
    session.analyze()
    assert session.documents[0].classification.category == "allowances"
    referral, reminder = (ocr_pdf(session.referral_slip()), ocr_pdf(session.reminder_slip()))
    assert "CPAS" in referral, referral
    assert "16/02/2027" in reminder, reminder  # the appeal deadline: three months after notice


def ocr_pdf(data: bytes) -> str:
    """The slips are raster pages (exact glyphs for every script): read them back with OCR."""
    import subprocess

    import cv2
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(data)[0].render(scale=150 / 72).to_numpy()
    ok, png = cv2.imencode(".png", page)
    assert ok
    return subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "fra"],
        input=png.tobytes(),
        capture_output=True,
        check=True,
    ).stdout.decode()


def test_consent_through_an_interpreter_records_the_language(settings: config.Settings) -> None:
    session = new_session(settings, language="ps")
    with pytest.raises(consent.ConsentError):
        session.give_consent(ONLY, informed="interpreter")
    session.give_consent(ONLY, informed="interpreter", interpreter_language="ps")
    # Recorded in the person's encrypted payload (the language describes them), not in clear.
    given = [e for e in session.audit.entries() if e.event == "consent_given"]
    assert "informed" not in given[-1].details and b'"ps"' not in given[-1].line
    private = session.audit.read_private(given[-1])
    assert private is not None and private["informed"] == {
        "via": "interpreter",
        "language": "ps",
        "interpreter_language": "ps",
    }


def test_return_visit_on_a_fat32_image(tmp_path: Path) -> None:
    """The same flow on a real FAT32 filesystem (fusefat): the drive is opened once for the
    check and the write, then ejected; version 2 verifies on a fresh mount."""
    require_tool("tesseract")
    require_tool("fusefat")
    import os
    import subprocess

    if not os.path.exists("/dev/fuse"):
        pytest.skip("/dev/fuse is missing: FUSE filesystems cannot be mounted here")
    image = tmp_path / "stick.img"
    with image.open("wb") as f:
        f.truncate(48 * 1024 * 1024)
    subprocess.run(
        [require_tool("mkfs.vfat"), "-F", "32", str(image)], check=True, capture_output=True
    )
    settings = config.load(
        env={
            "NEXTSTEP_DATA_DIR": str(tmp_path / "data"),
            "NEXTSTEP_DRIVE": str(image),
            "NEXTSTEP_DRIVE_ALLOW_LOOP": "1",
        }
    )
    first = new_session(settings)
    first.give_consent(ONLY)
    with scanner_with(tmp_path, "03-mutualite.png") as sc:
        first.capture(sc)
    first.analyze()
    passphrase = first.build_bundle().passphrase
    assert first.write_to_drive().ok
    first.end()

    second = new_session(settings, holder_id=Session.holder_on_drive(settings))
    second.give_consent(ONLY)
    assert second.open_returning(passphrase).version == 1
    assert second.drive_check is not None and second.drive_check.status.usable
    with scanner_with(tmp_path / "b", "04-decision-cpas.png") as sc:
        second.capture(sc)
    second.analyze()
    second.build_bundle()
    assert second.write_to_drive().ok
    second.end()
    assert str(image) not in Path("/proc/mounts").read_text()

    from nextstep.drives.target import open_target

    key = keys.load_private(settings.key_path)
    with open_target(str(image), allow_loop=True) as target:
        pdfs = list(target.root.glob("*.pdf"))
        assert len(pdfs) == 1
        info = verify_bundle(pdfs[0], passphrase=passphrase, trusted_keys=[key.public_bytes])
    assert info.version == 2 and len(info.manifest.documents) == 2


def test_a_page_added_after_reading_is_read_with_its_document(
    settings: config.Settings, tmp_path: Path
) -> None:
    require_tool("tesseract")
    session = new_session(settings)
    session.give_consent(ONLY)
    with scanner_with(tmp_path, "03-mutualite.png", "04-decision-cpas.png") as sc:
        session.capture(sc)
        session.analyze()
        [first] = session.documents
        assert (len(first.pages), len(first.ocr)) == (1, 1)
        session.capture(sc, new_document=False)  # staff: "add a page to the last document"
        assert session.analyze().documents[0].pages[1].width > 0
        [doc] = session.documents
    assert (len(doc.pages), len(doc.ocr)) == (2, 2)
    assert "CPAS" in doc.ocr[1].text
    session.build_bundle()  # pages and text layer line up
