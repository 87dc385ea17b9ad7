"""Recovery files in memory, re-protection, missing tools and files, the PAR2 reader, the CLI."""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nextstep.conservation import (
    CheckStatus,
    ConservationError,
    check,
    probe,
    protect,
    recovery_files,
    recovery_paths,
)
from nextstep.conservation import recovery as recovery_mod
from nextstep.conservation.cli import register_bundle_check
from nextstep.conservation.par2format import check_blocks, read_recovery_set
from scanners.probe import ToolProbe
from tests.conftest import require_tool
from tests.conservation.conservation_helpers import SECRET_WORDS, DriveBundle


@pytest.fixture(autouse=True)
def _par2() -> None:
    require_tool("par2")


def test_recovery_files_in_memory_match_the_standard_tool(
    built_drive: DriveBundle, tmp_path: Path
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    files = recovery_files(built_drive.pdf.name, built_drive.original, tmp_root=scratch)
    assert list(scratch.iterdir()) == []  # the private temp folder is gone
    name = built_drive.pdf.name
    assert f"{name}.par2" in files and sum(".vol" in n for n in files) == 4
    # written beside the bundle as the drive writer would, par2 accepts them as they are
    drive = tmp_path / "drive"
    drive.mkdir()
    (drive / name).write_bytes(built_drive.original)
    for fname, data in files.items():
        (drive / fname).write_bytes(data)
    rc = subprocess.run(["par2", "v", "-q", "-q", f"{name}.par2"], cwd=drive, check=False)
    assert rc.returncode == 0
    # redundancy policy: at least 100 % (a deleted bundle can be rebuilt) and about 110 %
    rset = read_recovery_set(drive / n for n in files)
    assert rset is not None
    blocks = len(rset.source.block_checksums)
    assert len(rset.recovery_exponents) >= blocks + 1
    assert len(rset.recovery_exponents) == -(-blocks * 110 // 100)
    assert rset.block_size % 4096 == 0


def test_recovery_data_holds_no_clear_text(drive: DriveBundle) -> None:
    blobs = [p.read_bytes() for p in recovery_paths(drive.pdf)]
    for word in SECRET_WORDS:
        for blob in blobs:
            assert word.encode() not in blob
            assert word.encode("utf-16-be") not in blob


def test_reader_agrees_with_file_hashes(drive: DriveBundle) -> None:
    rset = read_recovery_set(recovery_paths(drive.pdf))
    assert rset is not None
    src = rset.source
    assert src.name == drive.pdf.name
    assert src.length == len(drive.original)
    assert src.md5 == hashlib.md5(drive.original).digest()
    assert src.md5_16k == hashlib.md5(drive.original[:16384]).digest()
    assert check_blocks(drive.original, src, rset.block_size).intact
    assert check_blocks(None, src, rset.block_size).damaged_blocks == tuple(
        range(len(src.block_checksums))
    )


def test_protect_again_replaces_the_old_recovery_set(drive: DriveBundle) -> None:
    old = {p.name: p.read_bytes() for p in recovery_paths(drive.pdf)}
    # a return visit writes a new, larger version of the bundle, then protects it
    drive.pdf.write_bytes(drive.original + b"%" * 300_000)
    new = protect(drive.pdf)
    names = sorted(p.name for p in recovery_paths(drive.pdf))
    assert names == sorted(p.name for p in new)
    assert {p.name: p.read_bytes() for p in new} != old
    assert not list(drive.folder.glob(".*.tmp"))
    assert check(drive.pdf).status is CheckStatus.INTACT


def test_without_par2_damage_is_still_detected(
    drive: DriveBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery_mod, "probe", lambda: ToolProbe("par2", False, "absent", fix="x"))
    assert check(drive.pdf).status is CheckStatus.INTACT
    data = bytearray(drive.original)
    data[5000] ^= 0xFF
    drive.pdf.write_bytes(bytes(data))
    report = check(drive.pdf)
    assert report.status is CheckStatus.DAMAGED_REPAIRABLE
    assert not report.par2_used
    assert "apt-get install par2" in report.hint
    assert drive.pdf.read_bytes() == bytes(data)


def test_missing_things_are_named(tmp_path: Path) -> None:
    lonely = tmp_path / "abc.pdf"
    assert check(lonely).status is CheckStatus.NOT_FOUND
    lonely.write_bytes(b"%PDF-1.7 encrypted")
    report = check(lonely)
    assert report.status is CheckStatus.NO_RECOVERY_DATA
    assert "nextstep bundle verify" in report.hint
    (tmp_path / "abc.pdf.par2").write_bytes(b"garbage" * 10)
    assert check(lonely).status is CheckStatus.RECOVERY_UNREADABLE


def test_bad_names_and_empty_bundles_are_refused() -> None:
    with pytest.raises(ConservationError):
        recovery_files("../x.pdf", b"data")
    with pytest.raises(ConservationError):
        recovery_files("x.pdf", b"")


def test_probe_finds_par2() -> None:
    found = probe()
    assert found.ok and "par2" in found.version.lower()


def _cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    register_bundle_check(sub)
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_cli_checks_a_drive_folder(drive: DriveBundle, capsys: pytest.CaptureFixture[str]) -> None:
    drive.pdf.unlink()
    assert _cli(["check", "--no-repair", str(drive.folder)]) == 1
    assert "can be fully repaired" in capsys.readouterr().out
    assert _cli(["check", "--json", str(drive.folder)]) == 0
    line = json.loads(capsys.readouterr().out.splitlines()[0])
    assert line["status"] == "missing_repaired"
    assert drive.pdf.read_bytes() == drive.original


def test_cli_reports_loss_plainly(drive: DriveBundle, capsys: pytest.CaptureFixture[str]) -> None:
    for vol in [p for p in recovery_paths(drive.pdf) if ".vol" in p.name][:2]:
        vol.unlink()
    drive.pdf.unlink()
    assert _cli(["check", str(drive.pdf)]) == 1
    out = capsys.readouterr().out
    assert "What was lost:" in out and "100.0% of the bundle" in out


def test_nextstep_bundle_check_command(drive: DriveBundle) -> None:
    """Through the real console entry point, as a caseworker would run it."""
    data = bytearray(drive.original)
    data[100:200] = bytes(100)
    drive.pdf.write_bytes(bytes(data))
    exe = Path(sys.executable).parent / "nextstep"
    proc = subprocess.run(
        [str(exe), "bundle", "check", str(drive.pdf)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "fully repaired" in proc.stdout
    assert drive.pdf.read_bytes() == drive.original
