"""Preflight aggregation for the first screen: the domain's checks plus the kiosk's own
(drive target, staff file). Kept in kiosk/ because it only assembles what nextstep probes."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.i18n import CURRENT, _
from kiosk.services import Kiosk
from nextstep.drives.spec import probe as probe_drive
from nextstep.drives.status import DriveStatus
from nextstep.errors import NextStepError
from scanners.probe import ToolProbe

if TYPE_CHECKING:  # the key card module loads pikepdf: not before the first screen
    from nextstep.bundle.keycard import CardPrinter


def preflight(kiosk: Kiosk) -> list[ToolProbe]:
    rows: list[ToolProbe] = []
    if kiosk.settings.demo:
        kiosk.open()  # demo mode creates its kiosk key on first start
    try:
        # Imported here, in the preflight worker: the probes load numpy and OpenCV, which
        # the first screen must not wait for before it is drawn.
        from nextstep.preflight import run_checks, shown

        checks = run_checks(kiosk.settings)
    except ImportError as exc:  # a piece of the domain is not installed
        rows.append(ToolProbe("nextstep", False, str(exc), "./dev.sh setup"))
    else:
        # probes speak English: shown in the staff's language here, at display time
        rows.extend(
            dataclasses.replace(
                c, detail=shown(c.detail, CURRENT.staff), fix=shown(c.fix, CURRENT.staff)
            )
            for c in checks
        )
    spec = kiosk.drive_spec
    if spec and not spec.startswith("/dev/"):
        path = Path(spec)
        ok = path.is_dir() or path.is_file() or path.parent.is_dir()
        rows.append(
            ToolProbe(
                _("drive"),
                ok,
                _("demo drive: {path}").format(path=spec),
                "" if ok else f"mkdir -p {spec}",
                required=False,
            )
        )
    else:
        rows.append(
            ToolProbe(
                _("drive"),
                True,
                _("USB drives detected when the bundle is written"),
                required=False,
            )
        )
    try:
        names = kiosk.staff_store.names
        rows.append(
            ToolProbe(
                _("staff"),
                bool(names),
                _("{n} staff member(s) enrolled").format(n=len(names)),
                "" if names else "nextstep kiosk --enroll ID",
            )
        )
    except Exception as exc:  # noqa: BLE001 - a probe reports, never raises
        rows.append(
            ToolProbe(
                _("staff"), False, str(getattr(exc, "message", exc)), str(getattr(exc, "hint", ""))
            )
        )
    return rows


def drive_status(kiosk: Kiosk) -> DriveStatus:
    """Is the person's drive there? READY or the reason it is not (no write happens); the
    same reading of the drive spec as when the session opens it. A folder drive that has
    gone (renamed, removed) is "no drive", never a folder to create."""
    return probe_drive(
        kiosk.drive_spec, allow_loop=kiosk.settings.drive_allow_loop, missing_folder=False
    )


class LpPrinter:
    """A CUPS queue through ``lp``, the PDF fed on stdin (never a file on disk: a key card holds
    the passphrase, the slips name deadlines). Implements
    :class:`nextstep.bundle.keycard.CardPrinter`."""

    def __init__(self, queue: str) -> None:
        self.queue = queue

    def print_pdf(self, data: bytes, *, title: str) -> str:
        lp = shutil.which("lp")
        if lp is None:
            raise NextStepError(
                "The printing program is missing.",
                hint="Install cups-client, or copy the passphrase by hand.",
            )
        done = subprocess.run(
            [lp, "-d", self.queue, "-t", title, "-"],
            input=data,
            capture_output=True,
            timeout=60,
            check=False,
        )
        if done.returncode != 0:
            raise NextStepError(
                "The document could not be printed.",
                hint="Check the printer's paper and power, then press the key again.",
            )
        return done.stdout.decode(errors="replace").strip()


def printer_of(kiosk: Kiosk) -> CardPrinter | None:
    """The printer the kiosk uses, or None when none is configured."""
    if kiosk.printer is not None:
        return kiosk.printer
    if kiosk.settings.printer:
        return LpPrinter(kiosk.settings.printer)
    return None


def print_document(kiosk: Kiosk, pdf: bytes, title: str) -> bool:
    """Print a key card or a slip on the configured printer; False when there is none (the
    caller then says so: nothing of this is ever saved on the kiosk's disk)."""
    printer = printer_of(kiosk)
    if printer is None:
        return False
    printer.print_pdf(pdf, title=title)
    return True
