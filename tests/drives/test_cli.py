"""``nextstep drive ...`` end to end in a subprocess, on a real exFAT image."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nextstep.drives.status import DriveStatus, sentence
from tests.conftest import ROOT
from tests.drives.conftest import loops_backed_by, make_image, require_fs

pytestmark = pytest.mark.root


def _nextstep(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEXTSTEP_STAFF_LANGUAGE": "nl"}
    env.pop("NEXTSTEP_CONFIG", None)
    return subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "drive", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_write_then_refuse_without_policy(tmp_path: Path, mount_root: Path) -> None:
    require_fs("exfat")
    img = make_image(tmp_path / "stick.img", "exfat")
    doc = tmp_path / "NextStep-bundle.pdf"
    doc.write_bytes(os.urandom(50_000))

    r = _nextstep("write", "--drive", str(img), str(doc))
    assert r.returncode == 1
    assert sentence(DriveStatus.LOOP_POLICY, "nl") in r.stdout

    r = _nextstep("write", "--allow-loop", "--drive", str(img), str(doc))
    assert r.returncode == 0, r.stdout + r.stderr
    assert sentence(DriveStatus.VERIFIED, "nl") in r.stdout
    assert sentence(DriveStatus.EJECTED, "nl") in r.stdout
    assert "NextStep-bundle.pdf" in r.stdout
    assert loops_backed_by(tmp_path) == []  # ejected: nothing left attached

    r = _nextstep("eject", "--drive", str(img))
    assert r.returncode == 0
    assert sentence(DriveStatus.EJECTED, "nl") in r.stdout


def test_list_names_loop_policy(tmp_path: Path) -> None:
    r = _nextstep("list", "--allow-loop", "--lang", "en")
    assert "Loop devices are admitted" in r.stdout
    assert r.returncode in (0, 1)
