"""The boundary with the standard ``par2`` command (par2cmdline, Debian package ``par2``).

Why drive the command instead of a library: the promise to the person is that *anyone* can
repair their drive with a standard, packaged tool, without NextStep. Using that very tool to
create and repair guarantees the files we write are the files it understands. It only ever
sees the encrypted bundle, never a document in clear.
"""

from __future__ import annotations

import enum
import shutil
import subprocess
from pathlib import Path
from typing import Protocol

from nextstep.errors import NextStepError
from scanners.probe import ToolProbe

PAR2_PACKAGE = "par2"
TIMEOUT_SECONDS = 600


class ConservationError(NextStepError):
    """Recovery data could not be created, read or used."""


class Par2Result(enum.IntEnum):
    """par2cmdline's documented exit codes (``src/libpar2.h``)."""

    SUCCESS = 0
    REPAIR_POSSIBLE = 1
    REPAIR_NOT_POSSIBLE = 2
    INVALID_COMMANDLINE = 3
    INSUFFICIENT_CRITICAL_DATA = 4
    REPAIR_FAILED = 5
    FILE_IO_ERROR = 6
    LOGIC_ERROR = 7
    MEMORY_ERROR = 8


class RecoveryTool(Protocol):
    """What conservation needs from a PAR2 implementation; all names are relative to ``cwd``."""

    def create(
        self, cwd: Path, name: str, *, block_size: int, recovery_blocks: int, volumes: int
    ) -> None: ...

    def verify(self, cwd: Path, index: str) -> Par2Result: ...

    def repair(self, cwd: Path, index: str) -> Par2Result: ...


def probe() -> ToolProbe:
    """Find ``par2`` and read its version without running anything on data."""
    exe = shutil.which("par2")
    if exe is None:
        return ToolProbe(
            "par2",
            False,
            "The par2 tool is not installed, so bundles cannot be protected or repaired.",
            fix=f"Install it: apt-get install {PAR2_PACKAGE}",
            required=False,
        )
    try:
        out = subprocess.run(
            [exe, "-V"], capture_output=True, text=True, timeout=30, check=False
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        return ToolProbe(
            "par2",
            False,
            f"The par2 tool does not run ({exc}).",
            fix="Reinstall par2.",
            required=False,
        )
    version = out.splitlines()[0] if out else ""
    return ToolProbe("par2", True, "par2 is available.", required=False, version=version)


class Par2Tool:
    """The real ``par2`` command, run with the bundle's folder as working directory so that
    recovery files only record the bare file name (no folder, no person)."""

    def __init__(self, executable: str | None = None) -> None:
        exe = executable or shutil.which("par2")
        if exe is None:
            found = probe()
            raise ConservationError(found.detail, hint=found.fix)
        self.executable = exe

    def _run(self, cwd: Path, args: list[str]) -> Par2Result:
        try:
            proc = subprocess.run(
                [self.executable, *args],
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ConservationError(
                "The par2 tool took too long and was stopped.",
                hint="Try again; if it happens again the drive may be failing.",
            ) from exc
        except OSError as exc:
            raise ConservationError(f"The par2 tool could not be started ({exc}).") from exc
        try:
            return Par2Result(proc.returncode)
        except ValueError:
            return Par2Result.LOGIC_ERROR

    def create(
        self, cwd: Path, name: str, *, block_size: int, recovery_blocks: int, volumes: int
    ) -> None:
        result = self._run(
            cwd,
            [
                "c",
                "-q",
                "-q",
                f"-s{block_size}",
                f"-c{recovery_blocks}",
                f"-n{volumes}",
                "-u",
                "--",
                f"{name}.par2",
                name,
            ],
        )
        if result is not Par2Result.SUCCESS:
            raise ConservationError(
                f"The par2 tool could not create recovery data (code {int(result)}).",
                hint="Check free space on the drive and try again.",
            )

    def verify(self, cwd: Path, index: str) -> Par2Result:
        return self._run(cwd, ["v", "-q", "-q", "--", index])

    def repair(self, cwd: Path, index: str) -> Par2Result:
        return self._run(cwd, ["r", "-q", "-q", "--", index])
