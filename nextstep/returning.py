"""Return visits: find the person's bundle on their drive, check and repair it, open it.

Why a private copy: the conservation check repairs with PAR2, which rewrites files. Doing that
on a copy of the (encrypted) bundle set in a private temporary folder leaves the drive
untouched until the new version has been written and verified by the drive layer, so an
interrupted visit can never make things worse. Only ciphertext and non-personal sidecars are
copied; nothing in clear touches the kiosk's disk.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from nextstep.conservation.recovery import CheckReport, CheckStatus, check
from nextstep.errors import NextStepError

ENVELOPE_SUFFIX = ".manifest.json"


class NoBundleOnDrive(NextStepError):
    """The drive holds no NextStep bundle (or several, which staff must sort out)."""


@dataclass
class DriveBundle:
    """The bundle set read from a drive, repaired in memory when it needed it."""

    stem: str
    holder_id: str
    files: dict[str, bytes]  # every file of the set after repair, by name
    report: CheckReport

    @property
    def pdf(self) -> bytes:
        return self.files[f"{self.stem}.pdf"]

    @property
    def envelope(self) -> tuple[bytes, bytes]:
        return self.files[self.stem + ENVELOPE_SUFFIX], self.files[
            self.stem + ENVELOPE_SUFFIX + ".minisig"
        ]


def find_stem(root: Path) -> str:
    """The one bundle on the drive, by its signed envelope (present even if the PDF is lost)."""
    stems = sorted(p.name[: -len(ENVELOPE_SUFFIX)] for p in root.glob("*" + ENVELOPE_SUFFIX))
    if not stems:
        raise NoBundleOnDrive(
            "No NextStep bundle was found on this drive.",
            hint="Check that this is the person's drive, or start a new person.",
        )
    if len(stems) > 1:
        raise NoBundleOnDrive(
            f"This drive holds {len(stems)} bundles; the kiosk expects one per person.",
            hint="Ask the person which one is theirs and copy the others off the drive first.",
        )
    return stems[0]


def holder_of(root: Path) -> str:
    """The random holder id from the envelope (in clear on purpose: it names no one)."""
    stem = find_stem(root)
    try:
        envelope = json.loads((root / (stem + ENVELOPE_SUFFIX)).read_bytes())
        return str(envelope["holder_id"])
    except (OSError, ValueError, KeyError) as exc:
        raise NoBundleOnDrive(
            "The bundle's description file on this drive is damaged.",
            hint="Run `nextstep bundle check` on the drive.",
        ) from exc


def read_checked(root: Path) -> DriveBundle:
    """Copy the bundle set, check and repair the copy, and return the repaired bytes."""
    stem = find_stem(root)
    holder = holder_of(root)
    with tempfile.TemporaryDirectory(prefix="nextstep-return-") as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o700)
        for path in root.glob(stem + ".*"):
            if path.is_file():
                fd = os.open(folder / path.name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    out.write(path.read_bytes())
        report = check(folder / f"{stem}.pdf", repair=True)
        if not report.status.usable and report.status is not CheckStatus.NO_RECOVERY_DATA:
            raise NoBundleOnDrive(report.message, hint=report.hint or "; ".join(report.lost))
        files = {
            p.name: p.read_bytes()
            for p in folder.iterdir()
            if p.is_file() and not p.name.endswith(".1")  # par2's backups of damaged files
        }
    return DriveBundle(stem=stem, holder_id=holder, files=files, report=report)
