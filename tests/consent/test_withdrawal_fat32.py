"""Withdrawal on a real FAT32 drive (loop device + fusefat), as on a person's USB stick: the
sealed key copy goes, the receipt is written, and nothing else on the drive changes."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pyrage
import pytest

from nextstep import cli, config, consent
from nextstep.consent import wording
from nextstep.demo import demo_consent, open_kiosk
from nextstep.drives.target import open_target
from nextstep.session import Session
from scanners.demo import DemoScanner, sample_dir
from tests.conftest import require_tool
from tests.drives.conftest import cleanup, make_image, require_fs


def test_withdraw_escrow_on_fat32(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_fs("vfat")
    require_tool("tesseract")
    image = make_image(tmp_path / "stick.img", "vfat")
    identity = pyrage.x25519.Identity.generate()
    env = {
        "NEXTSTEP_DATA_DIR": str(tmp_path / "data"),
        "NEXTSTEP_DRIVE": str(image),
        "NEXTSTEP_DRIVE_ALLOW_LOOP": "true",
        "NEXTSTEP_RECOVERY_RECIPIENT": str(identity.to_public()),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("NEXTSTEP_CONFIG", raising=False)
    settings = config.load(env=env)
    try:
        key, audit = open_kiosk(settings)
        session = Session(settings, key=key, audit=audit, staff="s", language="nl")
        demo_consent(session, "nl", (consent.DIGITIZE, consent.RECOVERY))
        folder = tmp_path / "samples"
        folder.mkdir()
        shutil.copy(sample_dir() / "03-mutualite.png", folder / "03-mutualite.png")
        with DemoScanner(folder) as sc:
            session.capture(sc)
        session.analyze()
        phrase = session.build_bundle().passphrase
        assert session.write_to_drive().ok
        session.eject()
        session.end()
        audit.close()

        monkeypatch.setattr("sys.stdin", io.StringIO(phrase + "\n"))
        argv = ["consent", "withdraw", "--drive", str(image), "--purpose", "recovery_escrow"]
        assert cli.main([*argv, "--staff", "s", "--passphrase-stdin"]) == 0

        with open_target(str(image), allow_loop=True, mount_root=tmp_path / "mnt") as t:
            names = sorted(p.name for p in t.root.iterdir())
            receipt = next(t.root.glob("*.withdrawal.txt")).read_text(encoding="utf-8")
        assert not [n for n in names if n.endswith(".recovery.age")], names
        assert any(n.endswith(".pdf") for n in names) and any(
            n.endswith(".withdrawal.json") for n in names
        )
        assert wording.t("withdrawal_title", "nl") in receipt
    finally:
        cleanup(tmp_path)
