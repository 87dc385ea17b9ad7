"""Folder targets (the demo's drive): atomic write, re-read verification, recovery."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from nextstep.drives import target as drive_target
from nextstep.drives.names import BACKUP_PREFIX, TEMP_PREFIX
from nextstep.drives.readme import README_NAME, readme_bytes
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.drives.target import FolderTarget, open_target


def test_write_verifies_and_adds_readme(tmp_path: Path) -> None:
    t = open_target(str(tmp_path / "drive"))
    assert isinstance(t, FolderTarget)
    data = os.urandom(200_000)
    report = t.write_bundle({"bundle.pdf": data})
    assert report.status is DriveStatus.VERIFIED
    assert set(report.written) == {"bundle.pdf", README_NAME}
    assert (t.root / "bundle.pdf").read_bytes() == data
    assert report.sha256["bundle.pdf"] == hashlib.sha256(data).hexdigest()
    readme = (t.root / README_NAME).read_bytes()
    assert readme == readme_bytes()
    text = readme.decode("utf-8-sig")
    for word in ("FRANÇAIS", "NEDERLANDS", "ENGLISH", "DEUTSCH", "mot de passe"):
        assert word in text
    assert sorted(os.listdir(t.root)) == sorted(["bundle.pdf", README_NAME])


def test_bad_name_refused_before_writing(tmp_path: Path) -> None:
    t = open_target(str(tmp_path / "drive"))
    report = t.write_bundle({"a:b.pdf": b"x"})
    assert report.status is DriveStatus.BAD_NAME
    assert os.listdir(t.root) == []


def test_replacing_keeps_previous_until_verified(tmp_path: Path, no_hook: None) -> None:
    t = open_target(str(tmp_path / "drive"))
    old = os.urandom(50_000)
    assert t.write_bundle({"bundle.pdf": old}).ok
    seen: dict[str, bytes] = {}

    def hook(stage: str) -> None:
        if stage == "readonly":  # renamed, not yet verified: the old one is still kept
            seen["backup"] = (t.root / (BACKUP_PREFIX + "bundle.pdf")).read_bytes()

    drive_target.fault_hook = hook
    new = os.urandom(60_000)
    assert t.write_bundle({"bundle.pdf": new}).ok
    assert seen["backup"] == old
    assert (t.root / "bundle.pdf").read_bytes() == new
    assert not [n for n in os.listdir(t.root) if n.startswith(".nextstep-")]


def test_corruption_before_verify_restores_previous(tmp_path: Path, no_hook: None) -> None:
    t = open_target(str(tmp_path / "drive"))
    old = os.urandom(50_000)
    assert t.write_bundle({"bundle.pdf": old}).ok

    def corrupt(stage: str) -> None:
        if stage == "renamed":
            with open(t.root / "bundle.pdf", "r+b") as fh:
                fh.seek(1234)
                b = fh.read(1)
                fh.seek(1234)
                fh.write(bytes([b[0] ^ 0xFF]))

    drive_target.fault_hook = corrupt
    report = t.write_bundle({"bundle.pdf": os.urandom(60_000)})
    assert report.status is DriveStatus.VERIFY_FAILED
    assert (t.root / "bundle.pdf").read_bytes() == old
    assert not [n for n in os.listdir(t.root) if n.startswith(".nextstep-")]


def test_recover_on_open_removes_temps_and_restores_backup(tmp_path: Path) -> None:
    root = tmp_path / "drive"
    root.mkdir()
    old = os.urandom(1000)
    (root / (BACKUP_PREFIX + "bundle.pdf")).write_bytes(old)
    (root / "bundle.pdf").write_bytes(b"unverified new")
    (root / (TEMP_PREFIX + "0123abcd")).write_bytes(b"half")
    (root / "someone-elses.txt").write_bytes(b"keep me")
    open_target(str(root))
    assert sorted(os.listdir(root)) == ["bundle.pdf", "someone-elses.txt"]
    assert (root / "bundle.pdf").read_bytes() == old
    assert (root / "someone-elses.txt").read_bytes() == b"keep me"


def test_unwritable_folder_is_read_only(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes to any folder; the read-only device case is tested on loops")
    root = tmp_path / "ro"
    root.mkdir(mode=0o500)
    with pytest.raises(DriveError) as exc:
        open_target(str(root))
    assert exc.value.status is DriveStatus.READ_ONLY


def test_images_need_the_loop_policy(tmp_path: Path) -> None:
    img = tmp_path / "x.img"
    img.write_bytes(b"\0" * 4096)
    with pytest.raises(DriveError) as exc:
        open_target(str(img))
    assert exc.value.status is DriveStatus.LOOP_POLICY
    with pytest.raises(DriveError) as exc:
        open_target("/dev/loop0")
    assert exc.value.status is DriveStatus.LOOP_POLICY
