"""Preflight: each probe says ready, or names the fix (the Debian package to install)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nextstep import config
from nextstep.preflight import run_checks
from tests.conftest import require_tool


def test_all_ready_here(data_env: Path) -> None:
    require_tool("tesseract")
    checks = {c.name: c for c in run_checks(config.load(env={"NEXTSTEP_DATA_DIR": str(data_env)}))}
    assert checks["tesseract"].ok, checks["tesseract"].detail
    assert "fra" in checks["tesseract"].detail
    assert not checks["kiosk key"].ok and checks["kiosk key"].fix == "nextstep init"


def test_missing_tesseract_names_the_package(
    data_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    checks = {c.name: c for c in run_checks(config.load(env={"NEXTSTEP_DATA_DIR": str(data_env)}))}
    assert not checks["tesseract"].ok
    assert "tesseract-ocr" in checks["tesseract"].fix
    assert "qpdf" in checks["qpdf"].fix


def test_missing_language_pack_names_it(data_env: Path) -> None:
    require_tool("tesseract")
    settings = config.load(
        env={"NEXTSTEP_DATA_DIR": str(data_env), "NEXTSTEP_OCR_LANGUAGES": "fra,tir"}
    )
    tess = next(c for c in run_checks(settings) if c.name == "tesseract")
    assert not tess.ok
    assert "tesseract-ocr-tir" in tess.fix


def test_preflight_command_exit_code(data_env: Path) -> None:
    require_tool("tesseract")
    env = {"NEXTSTEP_DATA_DIR": str(data_env), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "preflight"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 1  # no kiosk key yet: a required check fails
    assert "-> nextstep init" in proc.stdout
    subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "init"], env=env, check=True, capture_output=True
    )
    proc = subprocess.run(
        [sys.executable, "-m", "nextstep.cli", "preflight"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0, proc.stdout
