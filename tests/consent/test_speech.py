"""The consent notice read aloud by the real espeak-ng, and the languages it cannot read."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import pytest

from nextstep.consent import notices, speech
from tests.conftest import require_tool

NEXTSTEP = [sys.executable, "-m", "nextstep.cli"]


@pytest.mark.parametrize("language", ["fr", "nl", "de", "en", "ar"])
def test_notice_is_spoken_for_at_least_ten_seconds(language: str, tmp_path: Path) -> None:
    require_tool("espeak-ng")
    out = tmp_path / f"{language}.wav"
    proc = subprocess.run(
        [*NEXTSTEP, "notice", "--language", language, "--audio", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    with wave.open(str(out), "rb") as wav:
        seconds = wav.getnframes() / wav.getframerate()
    assert seconds >= 10
    assert f"voice {speech.voice_for(language)}" in proc.stdout


@pytest.mark.parametrize("language", ["ps", "ti"])
def test_language_without_a_voice_says_to_ask_an_interpreter(language: str, tmp_path: Path) -> None:
    assert speech.voice_for(language) is None
    proc = subprocess.run(
        [*NEXTSTEP, "notice", "--language", language, "--audio", str(tmp_path / "x.wav")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "interpreter" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.wav").exists()


def test_spoken_text_drops_the_draft_banner_and_markdown() -> None:
    text = speech.spoken_text(notices.load("ar"))
    assert notices.DRAFT_MARK not in text and "**" not in text and "#" not in text
    assert "Le Monde des Possibles" in text


def test_every_notice_language_with_a_voice_is_installed() -> None:
    """A voice named in voices.toml that espeak-ng lacks would fail only at the kiosk."""
    tool = require_tool("espeak-ng")
    listed = subprocess.run([tool, "--voices"], capture_output=True, text=True).stdout
    names = {line.split()[1] for line in listed.splitlines()[1:] if line.split()}
    for language in notices.languages():
        voice = speech.voice_for(language)
        if voice is not None:
            assert voice in names, (language, voice)
