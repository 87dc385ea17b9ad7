"""``nextstep kiosk [--demo]``: start the kiosk UI.

Reached from ``nextstep.cli.main`` through ``importlib`` by module name (the domain never
imports the UI; see docs/architecture.md), so this module parses its own arguments.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="nextstep kiosk", description="Start the NextStep kiosk.")
    p.add_argument(
        "--demo",
        action="store_true",
        help="bundled samples as the scanner, ./demo-drive as the drive",
    )
    p.add_argument("--drive", default=None, help="drive folder, image or /dev node")
    p.add_argument(
        "--backup-drive",
        default=None,
        help="second drive for backup copies (folder, image or /dev node; default: detect "
        "a USB drive, or ./demo-drive-backup in demo mode)",
    )
    p.add_argument(
        "--enroll",
        metavar="STAFF_ID",
        default=None,
        help="enroll (or reset) a staff member's PIN, read from the terminal",
    )
    p.add_argument("--skip-preflight", action="store_true", help="start at the sign-in screen")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # Deferred: --help and argument errors answer before the domain loads.
    from nextstep import config
    from nextstep.errors import NextStepError

    try:
        settings = config.load(demo=True if args.demo else None)
        if args.enroll:
            return enroll(settings, args.enroll)
        drive = args.drive if args.drive is not None else settings.drive
        backup = args.backup_drive
        if settings.demo and drive and not drive.startswith("/dev/") and not Path(drive).suffix:
            Path(drive).mkdir(parents=True, exist_ok=True)
            if backup is None:
                backup = str(Path(drive).with_name(Path(drive).name + "-backup"))
    except NextStepError as exc:
        print(f"nextstep: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  {exc.hint}", file=sys.stderr)
        return 2
    # Lock-down: terminal signals (Ctrl+C, Ctrl+Z, Ctrl+\) must reach the app as keys.
    os.environ.pop("TEXTUAL_ALLOW_SIGNALS", None)
    # Deferred: Textual loads only once the arguments are good.
    from kiosk.app import KioskApp
    from kiosk.services import Kiosk

    app = KioskApp(
        Kiosk(settings, drive=drive, backup_drive=backup),
        first="signin" if args.skip_preflight else "preflight",
    )
    app.run()
    return 0


def enroll(settings: object, name: str) -> int:
    # Deferred: loads cryptography (scrypt), only to enroll.
    from nextstep.staff import open_store

    store = open_store(settings.data_dir, demo=settings.demo)  # type: ignore[attr-defined]
    pin = getpass.getpass(f"PIN for {name}: ")
    if getpass.getpass("Again: ") != pin:
        print("nextstep: the two PINs differ.", file=sys.stderr)
        return 2
    store.enroll(name, pin)
    print(f"Staff {name} enrolled.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
