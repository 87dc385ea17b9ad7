"""Passphrase recovery with age: sealed by pyrage, opened by the real ``age`` tool."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyrage
import pytest

from crypto import passphrase as pp
from crypto import recovery


def require_tool(name: str) -> str:
    """Skip when a tool is missing (tests/conftest's helper can be shadowed by name)."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (./dev.sh setup installs it)")
    return path


def _keygen(tmp_path: Path) -> tuple[Path, str]:
    tool = require_tool("age-keygen")
    key = tmp_path / "org.key"
    res = subprocess.run([tool, "-o", str(key)], capture_output=True, text=True, check=True)
    recipient = res.stderr.split("Public key:")[1].strip()
    return key, recipient


def test_age_tool_recovers_the_passphrase(tmp_path: Path) -> None:
    age = require_tool("age")
    key, recipient = _keygen(tmp_path)
    phrase = pp.generate()
    sealed = recovery.seal(phrase, recipient)
    assert phrase.encode() not in sealed and phrase.replace("-", "").encode() not in sealed
    out = subprocess.run([age, "-d", "-i", str(key)], input=sealed, capture_output=True, check=True)
    assert out.stdout.decode() == phrase
    assert recovery.recover(sealed, key.read_text()) == phrase


def test_wrong_organisation_key_and_bad_recipient() -> None:
    ours = pyrage.x25519.Identity.generate()
    theirs = pyrage.x25519.Identity.generate()
    sealed = recovery.seal("123", str(ours.to_public()))
    with pytest.raises(recovery.RecoveryError, match="not made for this organisation key"):
        recovery.recover(sealed, str(theirs))
    with pytest.raises(recovery.RecoveryError, match="not a valid age public key"):
        recovery.seal("123", "age1notakey")
    assert not recovery.probe("").ok and recovery.probe(str(ours.to_public())).ok
    with pytest.raises(recovery.RecoveryError, match="cut short"):
        recovery.recover(sealed[: len(sealed) // 2], str(ours))
