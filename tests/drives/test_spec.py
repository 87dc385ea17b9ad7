"""One reading of a drive spec: asking whether a drive is there (the kiosk's drive screen)
and opening it for writing never disagree, loop policy included (issue 16: the kiosk's own
copy had drifted and reported a loop device as ready)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextstep.drives.spec import SpecKind, probe, resolve
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.drives.target import FolderTarget, open_target


def test_a_folder_is_ready_where_it_can_be_made(tmp_path: Path) -> None:
    assert resolve(str(tmp_path / "drive")).kind is SpecKind.FOLDER
    assert probe(str(tmp_path / "drive")) is DriveStatus.READY
    assert probe(str(tmp_path / "no" / "such" / "drive")) is DriveStatus.NO_DEVICE
    with open_target(str(tmp_path / "drive")) as target:
        assert isinstance(target, FolderTarget)


def fat_image(path: Path) -> Path:
    """A real (empty) FAT filesystem image, made by mkfs.vfat."""
    import shutil
    import subprocess

    tool = shutil.which("mkfs.vfat")
    if tool is None:
        pytest.skip("mkfs.vfat (dosfstools) is not installed")
    with path.open("wb") as fh:
        fh.truncate(8 * 1024 * 1024)
    subprocess.run([tool, str(path)], check=True, capture_output=True)
    return path


def test_a_file_without_a_filesystem_is_unsupported_never_ready(tmp_path: Path) -> None:
    """A plain file where the drive folder was (or a zeroed image) is not a drive."""
    text = tmp_path / "drive"
    text.write_text("not a drive\n")
    zeros = tmp_path / "zeros.img"
    zeros.write_bytes(b"\0" * 65536)
    assert probe(str(text), allow_loop=True) is DriveStatus.UNSUPPORTED
    assert probe(str(zeros), allow_loop=True) is DriveStatus.UNSUPPORTED


def test_a_vanished_folder_is_no_drive_when_asked_not_to_create_it(tmp_path: Path) -> None:
    spec = str(tmp_path / "demo-drive")
    assert probe(spec) is DriveStatus.READY  # the CLI makes it
    assert probe(spec, missing_folder=False) is DriveStatus.NO_DEVICE  # the kiosk does not
    (tmp_path / "demo-drive").mkdir()
    assert probe(spec, missing_folder=False) is DriveStatus.READY


@pytest.mark.parametrize("allow_loop", [False, True])
def test_an_image_file_follows_the_loop_policy_in_both(tmp_path: Path, allow_loop: bool) -> None:
    image = fat_image(tmp_path / "drive.img")
    spec = str(image)
    if allow_loop:
        assert resolve(spec, allow_loop=True).kind is SpecKind.IMAGE
        assert probe(spec, allow_loop=True) is DriveStatus.READY
        return
    assert probe(spec) is DriveStatus.LOOP_POLICY
    with pytest.raises(DriveError) as err:
        open_target(spec)
    assert err.value.status is DriveStatus.LOOP_POLICY


def test_a_loop_device_follows_the_loop_policy_in_both() -> None:
    assert probe("/dev/loop0") is DriveStatus.LOOP_POLICY
    with pytest.raises(DriveError) as err:
        open_target("/dev/loop0")
    assert err.value.status is DriveStatus.LOOP_POLICY
    assert resolve("/dev/loop0", allow_loop=True).loop


def test_a_missing_device_is_no_device() -> None:
    assert probe("/dev/nextstep-no-such-disk") is DriveStatus.NO_DEVICE
    assert resolve("/dev/sdz9").kind is SpecKind.DEVICE
