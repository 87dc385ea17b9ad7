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


@pytest.mark.parametrize("allow_loop", [False, True])
def test_an_image_file_follows_the_loop_policy_in_both(tmp_path: Path, allow_loop: bool) -> None:
    image = tmp_path / "drive.img"
    image.write_bytes(b"\0" * 4096)
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
