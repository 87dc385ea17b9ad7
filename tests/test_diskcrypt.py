"""Preflight warns when the data directory is not on a dm-crypt volume.

The build machine's kernel has no device-mapper (no /dev/mapper/control), so no real LUKS
volume can be opened here: both outcomes are tested by injecting what findmnt, lsblk and sysfs
answer, and the real probe runs once against this machine's own disk.
"""

from __future__ import annotations

from pathlib import Path

from nextstep import config, diskcrypt
from nextstep.preflight import data_encryption_check

LUKS_LSBLK = "luks-data dm-0 crypt\nvda2 vda2 part\nvda vda disk\n"
PLAIN_LSBLK = "vda2 vda2 part\nvda vda disk\n"


def _runner(answers: dict[str, str]):  # type: ignore[no-untyped-def]
    def run(argv: list[str]) -> str:
        return answers.get(argv[0], "")

    return run


def test_a_crypt_layer_in_the_chain_counts_as_encrypted(tmp_path: Path) -> None:
    run = _runner({"findmnt": "/dev/mapper/luks-data ext4\n", "lsblk": LUKS_LSBLK})
    found = diskcrypt.probe(tmp_path, run)
    assert found.encrypted and "luks-data" in found.detail


def test_a_plain_partition_is_not(tmp_path: Path) -> None:
    run = _runner({"findmnt": "/dev/vda2 ext4\n", "lsblk": PLAIN_LSBLK})
    found = diskcrypt.probe(tmp_path, run)
    assert not found.encrypted and "no dm-crypt" in found.detail


def test_dm_uuid_crypt_prefix_counts_even_when_lsblk_says_dm(tmp_path: Path) -> None:
    sys_block = tmp_path / "sys"
    (sys_block / "dm-3" / "dm").mkdir(parents=True)
    (sys_block / "dm-3" / "dm" / "uuid").write_text("CRYPT-LUKS2-0123abcd-data\n")
    uuids = diskcrypt.dm_uuids(["dm-3", "vda"], sys_block)
    lsblk = "data dm-3 dm\nvda vda disk\n"
    assert diskcrypt.judge("/dev/mapper/data", "ext4", lsblk, uuids).encrypted
    other = {"dm-3": "LVM-abc"}
    assert not diskcrypt.judge("/dev/mapper/data", "ext4", lsblk, other).encrypted


def test_memory_filesystem_and_unknown_source(tmp_path: Path) -> None:
    assert diskcrypt.judge("tmpfs", "tmpfs", "", {}).encrypted
    assert not diskcrypt.judge("overlay", "overlay", "", {}).encrypted


def test_preflight_reports_this_machine_as_it_is(tmp_path: Path) -> None:
    settings = config.Settings(data_dir=tmp_path / "data")
    check = data_encryption_check(settings)
    real = diskcrypt.probe(tmp_path)
    assert check.ok == real.encrypted and not check.required
    assert (check.fix == "") == check.ok
