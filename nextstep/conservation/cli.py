"""``nextstep bundle check PATH``: verify a bundle on any machine and repair what can be.

The bundle command group belongs to the bundle module, which calls
:func:`register_bundle_check` with its sub-parsers; this keeps ``check`` next to
``verify|info|open|share|recover`` for the person and the caseworker.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nextstep.conservation.recovery import CheckReport, CheckStatus, check
from nextstep.drives.hostile import list_dir
from nextstep.errors import NextStepError

EXIT_OK = 0
EXIT_DAMAGED = 1


def register_bundle_check(bundle_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = bundle_sub.add_parser(
        "check",
        help="check a bundle against its recovery data and repair it when possible",
        description="Check a bundle (or every bundle in a folder) against its PAR2 recovery "
        "files, repair it in place when possible, and say plainly what was lost if not.",
    )
    p.add_argument("path", type=Path, metavar="PATH", help="bundle file, or a drive folder")
    p.add_argument("--no-repair", action="store_true", help="only report, change nothing")
    p.add_argument("--json", action="store_true", help="print one JSON object per bundle")
    p.set_defaults(func=cmd_check)


def bundles_in(folder: Path) -> list[Path]:
    """Bundles in a drive folder: every PDF, plus every bundle named by a recovery index
    (so a deleted bundle whose recovery data survived is found and rebuilt)."""
    entries = [e for e in list_dir(folder) if e.is_file and not e.name.startswith(".")]
    names = {e.name for e in entries if e.name.endswith(".pdf")}
    for e in entries:
        if e.name.endswith(".par2") and ".vol" not in e.name:
            names.add(e.name[: -len(".par2")])
    return [folder / n for n in sorted(names)]


def _print(report: CheckReport, path: Path, as_json: bool) -> None:
    if as_json:
        print(
            json.dumps(
                {
                    "path": str(path),
                    **report.audit_fields(),
                    "message": report.message,
                    "lost": report.lost,
                    "damaged_ranges": report.damaged_ranges,
                }
            )
        )
        return
    print(report.message)
    if report.lost:
        print("What was lost:")
        for line in report.lost:
            print(f"  - {line}")
    if report.hint:
        print(f"  {report.hint}")


def cmd_check(args: argparse.Namespace) -> int:
    path: Path = args.path
    if path.is_dir():
        targets = bundles_in(path)
        if not targets:
            raise NextStepError(
                f"No bundle was found in {path}.", hint="Give the path of the bundle file."
            )
    else:
        targets = [path]
    worst = EXIT_OK
    for target in targets:
        report = check(target, repair=not args.no_repair)
        _print(report, target, args.json)
        if report.status is not CheckStatus.NO_RECOVERY_DATA and not report.status.usable:
            worst = EXIT_DAMAGED
    sys.stdout.flush()
    return worst
