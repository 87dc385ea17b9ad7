"""The consent notice read aloud with espeak-ng, for people who read little.

Why espeak-ng: it is in Debian, runs offline, has voices for most of the kiosk's notice
languages (``voices.toml``, data not code), and reads text from standard input, so the
notice's words go through a pipe. The notice is public text, not personal data, so the WAV
file it writes may sit anywhere. Where no voice exists (Pashto, Tigrinya), :func:`voice_for`
returns ``None`` and the kiosk says to ask for an interpreter instead of reading a wrong
language aloud.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
import wave
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from nextstep.consent import notices
from nextstep.errors import NextStepError

ESPEAK = "espeak-ng"
_TIMEOUT_S = 120


class SpeechError(NextStepError):
    """The notice could not be spoken."""


@dataclass(frozen=True)
class Spoken:
    """A notice written as speech: where, in which voice, and how long it lasts."""

    path: Path
    voice: str
    seconds: float


@cache
def _voices() -> dict[str, str]:
    raw = resources.files("nextstep.consent").joinpath("voices.toml").read_text("utf-8")
    return {str(k): str(v) for k, v in tomllib.loads(raw).items()}


def voice_for(language: str) -> str | None:
    """The espeak-ng voice for a notice language, or ``None`` when there is none."""
    return _voices().get(language.split("-")[0].lower())


def spoken_text(notice: notices.Notice) -> str:
    """The notice as sentences to read: no draft banner, no markdown marks."""
    lines = []
    for line in notice.text.splitlines():
        if line.startswith(">") or notices.DRAFT_MARK in line:
            continue  # the translator's banner is for staff, not for the person
        line = re.sub(r"[#*_`>|]", "", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def speak_notice(language: str, out: Path) -> Spoken:
    """Write the notice in ``language`` as a WAV file; raise :class:`SpeechError` otherwise."""
    voice = voice_for(language)
    if voice is None:
        raise SpeechError(
            f"There is no voice to read the notice in '{language}'.",
            hint="Ask an interpreter to read the notice to the person.",
        )
    tool = shutil.which(ESPEAK)
    if tool is None:
        raise SpeechError(
            "espeak-ng is not installed, so the notice cannot be read aloud.",
            hint="Install the Debian package espeak-ng (tools/apt-packages.txt).",
        )
    text = spoken_text(notices.load(language))
    try:
        subprocess.run(
            [tool, "-v", voice, "--stdin", "-w", str(out)],
            input=text.encode("utf-8"),
            check=True,
            capture_output=True,
            timeout=_TIMEOUT_S,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        raise SpeechError(
            f"espeak-ng could not write the spoken notice to {out}.",
            hint="Check that the folder exists and is writable, then try again.",
        ) from exc
    with wave.open(str(out), "rb") as wav:
        seconds = wav.getnframes() / float(wav.getframerate())
    return Spoken(out, voice, seconds)
