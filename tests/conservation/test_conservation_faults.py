"""Fault injection on a real signed, encrypted bundle: each damage is repaired (bytes identical,
signature verifies, and the standard `par2 r` repairs the same damage on its own) or reported
precisely."""

from __future__ import annotations

import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from nextstep.conservation import CheckStatus, check, recovery_paths
from nextstep.conservation.par2format import read_recovery_set
from tests.conftest import require_tool
from tests.conservation.conservation_helpers import DriveBundle

pytestmark = pytest.mark.usefixtures("_par2")


@pytest.fixture
def _par2() -> None:
    require_tool("par2")


def flip_random(path: Path, count: int, seed: int) -> list[int]:
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    offsets = sorted(rng.sample(range(len(data)), count))
    for off in offsets:
        data[off] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))
    return offsets


def zero_region(path: Path, start: int, size: int = 64 * 1024) -> list[int]:
    data = bytearray(path.read_bytes())
    data[start : start + size] = bytes(size)
    path.write_bytes(bytes(data))
    return [start, start + size - 1]


def standalone_par2_repairs(folder: Path, name: str, original: bytes) -> bool:
    """The same damage, repaired by the Debian par2 tool alone on a copy of the drive."""
    copy = folder.parent / (folder.name + "-par2-only")
    shutil.copytree(folder, copy)
    rc = subprocess.run(
        ["par2", "r", "-q", "-q", f"{name}.par2"], cwd=copy, capture_output=True, check=False
    ).returncode
    return rc == 0 and (copy / name).read_bytes() == original


def _damage_cases() -> list[tuple[str, Callable[[Path], list[int]]]]:
    return [
        ("flip-1", lambda p: flip_random(p, 1, seed=1)),
        ("flip-40", lambda p: flip_random(p, 40, seed=2)),
        ("zero-64k-start", lambda p: zero_region(p, 0)),
        ("zero-64k-middle", lambda p: zero_region(p, p.stat().st_size // 2 - 1000)),
        ("zero-64k-end", lambda p: zero_region(p, p.stat().st_size - 64 * 1024)),
    ]


@pytest.mark.parametrize(("label", "damage"), _damage_cases(), ids=[c[0] for c in _damage_cases()])
def test_damage_is_repaired_and_signature_verifies(
    drive: DriveBundle, label: str, damage: Callable[[Path], list[int]]
) -> None:
    offsets = damage(drive.pdf)
    assert drive.pdf.read_bytes() != drive.original

    found = check(drive.pdf, repair=False)
    assert found.status is CheckStatus.DAMAGED_REPAIRABLE, found.message
    assert found.blocks_damaged >= 1
    # every damaged offset lies inside a reported range, and nothing far outside
    for off in offsets:
        assert any(s <= off < e for s, e in found.damaged_ranges), (off, found.damaged_ranges)
    assert drive.pdf.read_bytes() != drive.original  # --no-repair changed nothing

    assert standalone_par2_repairs(drive.folder, drive.pdf.name, drive.original)

    report = check(drive.pdf)
    assert report.status is CheckStatus.REPAIRED, report.message
    assert report.lost == []
    assert drive.pdf.read_bytes() == drive.original
    assert not list(drive.folder.glob(drive.pdf.name + ".[0-9]*"))  # par2's backup removed
    drive.verify()  # original signature, passphrase opens it, page hashes match
    assert check(drive.pdf, repair=False).status is CheckStatus.INTACT


def test_truncated_bundle_is_repaired(drive: DriveBundle) -> None:
    size = drive.pdf.stat().st_size
    drive.pdf.write_bytes(drive.original[: size // 3])
    found = check(drive.pdf, repair=False)
    assert found.status is CheckStatus.DAMAGED_REPAIRABLE
    assert found.damaged_ranges[-1][1] == size  # everything after the cut is reported
    assert standalone_par2_repairs(drive.folder, drive.pdf.name, drive.original)
    assert check(drive.pdf).status is CheckStatus.REPAIRED
    assert drive.pdf.read_bytes() == drive.original
    drive.verify()


def test_deleted_bundle_is_rebuilt_from_recovery_data(drive: DriveBundle) -> None:
    drive.pdf.unlink()
    found = check(drive.pdf, repair=False)
    assert found.status is CheckStatus.MISSING_REPAIRABLE
    assert standalone_par2_repairs(drive.folder, drive.pdf.name, drive.original)
    report = check(drive.pdf)
    assert report.status is CheckStatus.MISSING_REPAIRED, report.message
    assert drive.pdf.read_bytes() == drive.original
    drive.verify()


def test_deleted_bundle_and_lost_volume_is_reported_precisely(drive: DriveBundle) -> None:
    volumes = [p for p in recovery_paths(drive.pdf) if ".vol" in p.name]
    assert len(volumes) == 4
    volumes[0].unlink()
    drive.pdf.unlink()
    report = check(drive.pdf)
    assert report.status is CheckStatus.MISSING_UNREPAIRABLE
    assert report.blocks_damaged == report.blocks_total
    assert report.recovery_available < report.blocks_total
    assert f"{report.blocks_total - report.recovery_available} more" in report.message
    assert report.lost == [
        f"bytes 0-{len(drive.original) - 1} ({len(drive.original)} bytes, 100.0% of the bundle)"
    ]
    assert report.hint
    assert not drive.pdf.exists()  # nothing half-written
    assert not standalone_par2_repairs(drive.folder, drive.pdf.name, drive.original)


def test_heavy_damage_with_lost_recovery_reports_exact_ranges(drive: DriveBundle) -> None:
    volumes = [p for p in recovery_paths(drive.pdf) if ".vol" in p.name]
    for vol in volumes[:3]:
        vol.unlink()
    rset = read_recovery_set(recovery_paths(drive.pdf))
    assert rset is not None
    block = rset.block_size
    # damage blocks 2..(2+n) where n exceeds the one remaining volume
    n = len(rset.recovery_exponents) + 5
    data = bytearray(drive.original)
    data[2 * block : (2 + n) * block] = bytes(n * block)
    drive.pdf.write_bytes(bytes(data))
    before = drive.pdf.read_bytes()
    report = check(drive.pdf)
    assert report.status is CheckStatus.DAMAGED_UNREPAIRABLE
    assert report.damaged_ranges == [(2 * block, (2 + n) * block)]
    assert report.blocks_damaged == n
    assert report.lost[0].startswith(f"bytes {2 * block}-{(2 + n) * block - 1} ")
    assert drive.pdf.read_bytes() == before  # the damaged bundle is left as it was
    assert not standalone_par2_repairs(drive.folder, drive.pdf.name, drive.original)


def test_damaged_recovery_file_is_rewritten(drive: DriveBundle) -> None:
    vol = [p for p in recovery_paths(drive.pdf) if ".vol" in p.name][1]
    flip_random(vol, 3, seed=9)
    report = check(drive.pdf)
    assert report.status is CheckStatus.INTACT
    assert report.recovery_rewritten
    rset = read_recovery_set(recovery_paths(drive.pdf))
    assert rset is not None and rset.damaged_packets == 0
    assert len(rset.recovery_exponents) == report.recovery_expected
    # and the fresh recovery data can rebuild the bundle on its own
    drive.pdf.unlink()
    assert check(drive.pdf).status is CheckStatus.MISSING_REPAIRED
    assert drive.pdf.read_bytes() == drive.original
