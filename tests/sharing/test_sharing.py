"""Sharing in the domain: recipients, the consent it needs (used up by one share), the copy on
the person's drive or a second drive, the receipt's list, and removal on withdrawal.

Real components: the demo scanner over one real sample page, Tesseract, pikepdf, folder
drives, the audit log.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from nextstep import config, consent, sharing
from nextstep.audit.verify import verify_log
from nextstep.demo import open_kiosk
from nextstep.referral import load_directory
from nextstep.session import ConsentRequired, Session
from nextstep.sharing.copies import verify_on_drive
from scanners.demo import DemoScanner, sample_dir
from tests.conftest import require_tool

GIVEN = {p: p in (consent.DIGITIZE, consent.SHARE) for p in consent.PURPOSE_IDS}


@pytest.fixture
def settings(tmp_path: Path) -> config.Settings:
    return config.load(
        env={"NEXTSTEP_DATA_DIR": str(tmp_path / "data"), "NEXTSTEP_DRIVE": str(tmp_path / "drive")}
    )


def built_session(settings: config.Settings, tmp_path: Path, choices: dict[str, bool]) -> Session:
    require_tool("tesseract")
    key, audit = open_kiosk(settings)
    session = Session(settings, key=key, audit=audit, staff="staff-1")
    session.give_consent(choices)
    folder = tmp_path / "samples"
    folder.mkdir()
    shutil.copy(sample_dir() / "03-mutualite.png", folder)
    with DemoScanner(folder) as scanner:
        session.capture(scanner)
    session.analyze()
    session.build_bundle()
    assert session.write_to_drive().ok
    return session


def test_typed_and_directory_recipients() -> None:
    with pytest.raises(sharing.RecipientError, match="recipient's name"):
        sharing.typed("   ")
    lawyer = sharing.typed("  Maître   Dupont ")
    assert (lawyer.name, lawyer.kind) == ("Maître Dupont", sharing.RecipientKind.TYPED)
    assert lawyer.cover_languages == ("fr",)
    directory = load_directory()
    cpas = sharing.from_directory(directory, "baj-liege", "Mme Lejeune")
    assert cpas.kind is sharing.RecipientKind.DIRECTORY
    assert cpas.name.startswith("Mme Lejeune, ") and cpas.service_id == "baj-liege"
    assert cpas.cover_languages == ("fr", "en")
    with pytest.raises(sharing.RecipientError, match="no service 'nope'"):
        sharing.from_directory(directory, "nope")


def test_share_refused_without_consent_writes_nothing(
    settings: config.Settings, tmp_path: Path
) -> None:
    only = {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS}
    session = built_session(settings, tmp_path, only)
    request = sharing.ShareRequest(sharing.typed("Maître Dupont"), categories=("health",))
    with pytest.raises(ConsentRequired):
        session.share(request)
    assert session.share(request, agreed=False) is None  # the person said no
    assert not (tmp_path / "drive" / sharing.SHARE_FOLDER).exists()
    last = json.loads(settings.audit_log.read_text().splitlines()[-1])
    assert last["event"] == "consent_given" and b"Dupont" not in settings.audit_log.read_bytes()
    assert sharing.shares_made(session) == []
    session.end()


def test_share_is_logged_listed_and_needs_consent_again(
    settings: config.Settings, tmp_path: Path
) -> None:
    session = built_session(settings, tmp_path, GIVEN)
    category = session.documents[0].classification.category
    second = tmp_path / "second"
    outcome = session.share(
        sharing.ShareRequest(sharing.typed("Dr Haddad"), categories=(category,), drive=str(second))
    )
    assert outcome.ok and outcome.record.second_drive
    assert (second / outcome.pdf_name).is_file()
    assert not (tmp_path / "drive" / sharing.SHARE_FOLDER).exists()
    info = verify_on_drive(
        second, outcome.stem, passphrase=outcome.passphrase, trusted_keys=[session.key.public_bytes]
    )
    assert info.manifest.recipient == "Dr Haddad"
    assert info.manifest.shared_from == outcome.source_bundle_id
    made = sharing.shares_made(session)
    assert [(m.recipient, m.documents) for m in made] == [("Dr Haddad", 1)]
    (line,) = sharing.receipt_lines(made, "nl")
    assert line.startswith("Op ") and line.endswith("voor: Dr Haddad") and "1 document" in line
    with pytest.raises(ConsentRequired):  # asked again for each share
        session.share(sharing.ShareRequest(sharing.typed("Dr Haddad"), categories=(category,)))
    session.end()
    assert sharing.shares_made(session) == []
    raw = settings.audit_log.read_bytes()
    assert b"Haddad" not in raw
    shares = [json.loads(x) for x in raw.splitlines() if b'"share"' in x]
    assert [s["details"]["recipient_kind"] for s in shares] == ["typed"]
    assert verify_log(settings.audit_log, [session.key.public_bytes]).ok


def test_nothing_matching_is_a_clear_error(settings: config.Settings, tmp_path: Path) -> None:
    from nextstep.bundle.share import ShareError

    session = built_session(settings, tmp_path, GIVEN)
    other = "justice" if session.documents[0].classification.category != "justice" else "debt"
    with pytest.raises(ShareError, match="Nothing to share"):
        session.share(sharing.ShareRequest(sharing.typed("X"), categories=(other,)))
    session.end()


def test_remove_shared_copies_removes_only_the_kiosk_files(tmp_path: Path) -> None:
    root = tmp_path / "drive"
    folder = root / sharing.SHARE_FOLDER
    folder.mkdir(parents=True)
    ours = ["abcdefghijk2.pdf", "abcdefghijk2.manifest.json", "abcdefghijk2.manifest.json.minisig"]
    for name in ours:
        (folder / name).write_bytes(b"x")
    (folder / "mes-notes.txt").write_text("the person's own file")
    (root / "keep.txt").write_text("secret")
    os.symlink(root / "keep.txt", folder / "zzzzzzzzzzzz.pdf")  # a link named like ours
    removed = sharing.remove_shared_copies(root)
    assert sorted(removed) == sorted(f"{sharing.SHARE_FOLDER}/{n}" for n in ours)
    assert sorted(p.name for p in folder.iterdir()) == ["mes-notes.txt", "zzzzzzzzzzzz.pdf"]
    assert (root / "keep.txt").read_text() == "secret"
    (folder / "mes-notes.txt").unlink()
    (folder / "zzzzzzzzzzzz.pdf").unlink()
    (folder / "bcdefghijk23.pdf").write_bytes(b"y")
    assert sharing.remove_shared_copies(root) == [f"{sharing.SHARE_FOLDER}/bcdefghijk23.pdf"]
    assert not folder.exists()
    assert sharing.remove_shared_copies(root) == []


def test_share_to_a_fat32_drive_and_removal_there(
    settings: config.Settings, tmp_path: Path
) -> None:
    """The recipient's own stick: a real FAT32 image (fusefat), written, re-read, verified;
    then the person's drive listing still shows only their own bundle."""
    require_tool("fusefat")
    mkfs = require_tool("mkfs.vfat")
    if not os.path.exists("/dev/fuse"):
        pytest.skip("/dev/fuse is missing: FUSE filesystems cannot be mounted here")
    from nextstep.drives.target import open_target
    from nextstep.returning import list_bundles

    image = tmp_path / "stick.img"
    with image.open("wb") as f:
        f.truncate(48 * 1024 * 1024)
    subprocess.run([mkfs, "-F", "32", str(image)], check=True, capture_output=True)
    settings = dataclasses.replace(settings, drive_allow_loop=True)
    session = built_session(settings, tmp_path, GIVEN)
    category = session.documents[0].classification.category
    outcome = session.share(
        sharing.ShareRequest(sharing.typed("Dr Haddad"), categories=(category,), drive=str(image))
    )
    assert outcome.ok and "(vfat)" in outcome.where
    # The person's drive: a shared copy there is not taken for one of their bundles.
    request = sharing.ShareRequest(sharing.typed("Dr Haddad"), categories=(category,))
    again = session.share(request, agreed=True)  # asked again for the second share
    assert again is not None and again.ok
    keys = [session.key.public_bytes]
    listing = list_bundles(tmp_path / "drive", keys)
    assert len(listing.bundles) == 1
    session.end()
    with open_target(str(image), allow_loop=True) as target:
        info = verify_on_drive(
            target.root, outcome.stem, passphrase=outcome.passphrase, trusted_keys=keys
        )
        assert info.manifest.recipient == "Dr Haddad"
        assert sorted(
            p.name for p in target.root.iterdir() if p.name != "LISEZ-MOI_README.txt"
        ) == [sharing.SHARE_FOLDER]


def test_pages_side_by_side_for_the_share_screen() -> None:
    import numpy as np

    from nextstep.sharing.choices import THUMB_PAGES, THUMB_WIDTH, side_by_side

    tall = np.zeros((800, 600, 3), np.uint8)
    grey = np.full((400, 600), 200, np.uint8)
    picture = side_by_side([tall, grey])
    assert picture is not None
    assert picture.shape == (320, 2 * THUMB_WIDTH + THUMB_WIDTH // 12, 3)
    assert picture[300, -1].tolist() == [255, 255, 255]  # the shorter page padded white
    many = side_by_side([grey] * (THUMB_PAGES + 2))
    assert many is not None and many.shape[1] < (THUMB_PAGES + 1) * THUMB_WIDTH
    assert side_by_side([]) is None


def test_a_link_named_like_the_share_folder_is_refused(
    settings: config.Settings, tmp_path: Path
) -> None:
    """A drive whose ``partage-share`` is a link (to anywhere): nothing is written through it,
    the failure is a drive status, and withdrawal's removal does not follow it either."""
    from nextstep.drives.status import DriveStatus

    session = built_session(settings, tmp_path, GIVEN)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "abcdefghijk2.pdf").write_bytes(b"not the kiosk's")
    os.symlink(elsewhere, tmp_path / "drive" / sharing.SHARE_FOLDER)
    category = session.documents[0].classification.category
    outcome = session.share(
        sharing.ShareRequest(sharing.typed("Dr Haddad"), categories=(category,)), agreed=True
    )
    assert outcome is not None and not outcome.ok
    assert outcome.report.status is DriveStatus.NOT_A_FILE
    assert sorted(p.name for p in elsewhere.iterdir()) == ["abcdefghijk2.pdf"]
    assert sharing.shares_made(session) == []
    assert sharing.remove_shared_copies(tmp_path / "drive") == []
    assert (elsewhere / "abcdefghijk2.pdf").exists()
    session.end()
