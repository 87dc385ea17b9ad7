"""Return visits carry nothing from the drive that the signed manifest does not vouch for: the
age-sealed passphrase is made afresh when the person consents to escrow, and dropped (the old
file removed) when they do not. Real OCR, bundle, PAR2 and age on a folder drive."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyrage
import pytest

from crypto import recovery
from nextstep import config, consent
from nextstep.demo import open_kiosk
from nextstep.drives.hostile import list_dir
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.returning import MAX_BUNDLES, NoBundleOnDrive, list_bundles
from nextstep.session import Session
from scanners.demo import DemoScanner, sample_dir
from tests.conftest import require_tool


def visit(
    settings: config.Settings,
    tmp: Path,
    *,
    escrow: bool,
    holder: str | None = None,
    passphrase: str = "",
) -> tuple[str, str]:
    """One visit adding one page; returns (holder id, passphrase)."""
    key, audit = open_kiosk(settings)
    session = Session(settings, key=key, audit=audit, staff="staff-1", holder_id=holder)
    session.give_consent(
        {
            p: p == consent.DIGITIZE or (escrow and p == consent.RECOVERY)
            for p in consent.PURPOSE_IDS
        }
    )
    if holder is not None:
        session.open_returning(passphrase)
    folder = tmp / f"samples-{len(list(tmp.iterdir()))}"
    folder.mkdir()
    shutil.copy(sample_dir() / "03-mutualite.png", folder / "03-mutualite.png")
    with DemoScanner(folder) as sc:
        session.capture(sc)
    session.analyze()
    outcome = session.build_bundle()
    assert session.write_to_drive().ok
    holder_id = session.holder_id
    session.end()
    return holder_id, outcome.passphrase


def test_escrow_is_made_afresh_or_dropped(tmp_path: Path) -> None:
    require_tool("tesseract")
    require_tool("par2")
    identity = pyrage.x25519.Identity.generate()
    settings = config.load(
        env={
            "NEXTSTEP_DATA_DIR": str(tmp_path / "data"),
            "NEXTSTEP_DRIVE": str(tmp_path / "drive"),
            "NEXTSTEP_RECOVERY_RECIPIENT": str(identity.to_public()),
        }
    )
    work = tmp_path / "work"
    work.mkdir()
    drive = Path(settings.drive)
    holder, phrase = visit(settings, work, escrow=True)
    sealed = next(drive.glob("*.recovery.age"))
    assert recovery.recover(sealed.read_bytes(), str(identity)) == phrase

    # Someone replaces the sealed file (it is not covered by the signed manifest).
    planted = b"-----BEGIN AGE ENCRYPTED FILE-----\nplanted\n"
    sealed.write_bytes(planted)
    assert Session.holder_on_drive(settings) == holder
    visit(settings, work, escrow=True, holder=holder, passphrase=phrase)
    again = sealed.read_bytes()
    assert again != planted
    assert recovery.recover(again, str(identity)) == phrase

    # Escrow refused on the next visit: the old sealed copy goes.
    visit(settings, work, escrow=False, holder=holder, passphrase=phrase)
    names = [e.name for e in list_dir(drive)]
    assert not [n for n in names if n.endswith(".recovery.age")], names
    assert any(n.endswith(".pdf") for n in names)


@pytest.mark.parametrize("make", ["link", "folder"])
def test_envelope_named_link_or_folder_is_refused(tmp_path: Path, make: str) -> None:
    """A link or folder named like an envelope is refused with a status, not followed."""
    secret = tmp_path / "kiosk.ed25519"
    secret.write_bytes(b"K" * 32)
    drive = tmp_path / "drive"
    drive.mkdir()
    bad = drive / "x.manifest.json"
    if make == "link":
        bad.symlink_to(secret)
    else:
        bad.mkdir()
    with pytest.raises(DriveError) as err:
        list_bundles(drive, [b"\x01" * 32])
    assert err.value.status is DriveStatus.NOT_A_FILE


def test_a_drive_full_of_envelopes_is_refused_without_reading_them(tmp_path: Path) -> None:
    drive = tmp_path / "drive"
    drive.mkdir()
    for n in range(MAX_BUNDLES + 1):
        (drive / f"b{n:03d}.manifest.json").write_bytes(b"{}")
    with pytest.raises(NoBundleOnDrive) as err:
        list_bundles(drive, [b"\x01" * 32])
    assert str(MAX_BUNDLES) in err.value.message
