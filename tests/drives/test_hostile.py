"""The hostile-file reader: links, FIFOs, folders, devices and huge files are statuses, and a
listing never follows a link. Plain folders here; the same threats on ext4 and FAT32 images
are in ``test_hostile_images.py``."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from nextstep.drives import hostile
from nextstep.drives.hostile import FileKind
from nextstep.drives.status import DriveError, DriveStatus


def test_reads_a_regular_file_within_its_cap(tmp_path: Path) -> None:
    data = os.urandom(3 * hostile.CHUNK + 17)  # several bounded chunks
    (tmp_path / "b.pdf").write_bytes(data)
    assert hostile.read_file(tmp_path / "b.pdf", FileKind.PDF) == data
    assert hostile.read_optional(tmp_path / "absent.pdf", FileKind.PDF) is None


@pytest.mark.parametrize(
    "make",
    ["link_to_file", "link_to_dev_zero", "fifo", "folder", "dangling_link"],
)
def test_non_files_are_refused_without_blocking(tmp_path: Path, make: str) -> None:
    secret = tmp_path / "kiosk.ed25519"
    secret.write_bytes(b"S" * 32)
    path = tmp_path / "x.manifest.json"
    if make == "link_to_file":
        path.symlink_to(secret)
    elif make == "link_to_dev_zero":
        path.symlink_to("/dev/zero")
    elif make == "fifo":
        os.mkfifo(path)
    elif make == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "nowhere")
    started = time.monotonic()
    with pytest.raises(DriveError) as err:
        hostile.read_file(path, FileKind.MANIFEST)
    assert err.value.status is DriveStatus.NOT_A_FILE
    assert time.monotonic() - started < 2
    with pytest.raises(DriveError) as err:
        hostile.read_optional(path, FileKind.MANIFEST)
    assert err.value.status is DriveStatus.NOT_A_FILE


def test_a_file_past_its_cap_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "x.manifest.json"
    with open(path, "wb") as fh:
        fh.truncate(8 * 1024 * 1024 * 1024)  # sparse: 8 GiB announced, nothing to read
    with pytest.raises(DriveError) as err:
        hostile.read_file(path, FileKind.MANIFEST)
    assert err.value.status is DriveStatus.FILE_TOO_LARGE
    small = tmp_path / "s.minisig"
    small.write_bytes(b"x" * 100)
    with pytest.raises(DriveError) as err:
        hostile.read_file(small, FileKind.SIGNATURE, cap=99)
    assert err.value.status is DriveStatus.FILE_TOO_LARGE
    assert hostile.read_file(small, FileKind.SIGNATURE, cap=100) == b"x" * 100


def test_listing_types_entries_without_following_links(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "d").mkdir()
    (tmp_path / "l").symlink_to(tmp_path / "d")
    (tmp_path / "z").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "f")
    types = {e.name: e.type for e in hostile.list_dir(tmp_path)}
    assert types == {"a.pdf": "file", "d": "dir", "l": "link", "z": "link", "f": "other"}


def test_kinds_by_name() -> None:
    assert hostile.kind_of("x.manifest.json") is FileKind.MANIFEST
    assert hostile.kind_of("x.manifest.json.minisig") is FileKind.SIGNATURE
    assert hostile.kind_of("x.pdf.vol00+15.par2") is FileKind.PAR2
    assert hostile.kind_of("x.pdf") is FileKind.PDF
    assert hostile.kind_of("x.recovery.age") is None  # never read by the kiosk
    assert FileKind.MANIFEST.cap < FileKind.PAR2.cap < FileKind.PDF.cap
