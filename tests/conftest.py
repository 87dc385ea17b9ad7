"""Shared fixtures: the external material in ../shared, tool checks, isolated data dirs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXTERNAL = SHARED / "external"


@pytest.fixture
def external() -> Path:
    """The real scans from other projects; skip cleanly when ../shared is absent."""
    if not EXTERNAL.is_dir():
        pytest.skip("../shared/external is absent (external scans and test vectors)")
    return EXTERNAL


def require_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (./dev.sh setup installs it)")
    return path


@pytest.fixture
def data_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated NextStep data directory, with no system configuration file read."""
    data = tmp_path / "data"
    monkeypatch.setenv("NEXTSTEP_DATA_DIR", str(data))
    monkeypatch.delenv("NEXTSTEP_CONFIG", raising=False)
    return data


def is_root() -> bool:
    return os.geteuid() == 0


def _hypothesis_profiles() -> None:
    """CI explores a fixed sequence of examples (a red CI must be reproducible); developers
    get fresh random examples on every run."""
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, print_blob=True)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()
