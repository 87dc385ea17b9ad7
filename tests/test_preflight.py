"""Preflight: each probe says ready, or names the fix (the Debian package to install)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nextstep import config
from nextstep.preflight import run_checks, shown
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


@pytest.mark.parametrize("path", ["real", "empty"])
def test_every_probe_sentence_is_shown_in_the_staff_language(
    path: str, data_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Probes speak English (the leaves cannot import the catalogues); the screen shows each
    # sentence translated, here with the tools found and with none of them on PATH.
    if path == "empty":
        (tmp_path / "bin").mkdir()
        monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    checks = run_checks(config.load(env={"NEXTSTEP_DATA_DIR": str(data_env)}))
    for check in checks:
        for text in (check.detail, check.fix):
            if not text or text.split()[0] in {"sudo", "apt-get", "pip", "python", "./dev.sh"}:
                continue  # a command, the same in every language
            if text.split()[0] == "nextstep" and "(" not in text:
                continue
            assert shown(text, "en") == text
            for lang in ("fr", "nl", "de"):
                assert shown(text, lang) != text, (lang, check.name, text)


def test_shown_keeps_values_and_translates_purposes() -> None:
    assert shown("key-card printing: `lp` is missing.", "fr") == (
        "impression de la carte-clé : `lp` manque."
    )
    assert shown("Tesseract 5.3.0 with fra, nld.", "de") == "Tesseract 5.3.0 mit fra, nld."
    assert shown("sudo apt-get install qpdf", "fr") == "sudo apt-get install qpdf"
