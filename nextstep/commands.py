"""Core sub-commands: ``init``, ``preflight``, ``demo`` and ``kiosk``."""

from __future__ import annotations

import argparse
import sys

from nextstep import config
from nextstep.identity import load_identity


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("init", help="create the kiosk identity and data directory (idempotent)")
    p.add_argument("--demo", action="store_true", help="use the demo data directory")
    p.set_defaults(func=cmd_init)
    # Listed for --help only: nextstep.cli.main hands "kiosk ..." to kiosk.cli before parsing.
    sub.add_parser("kiosk", help="the staff terminal UI (--demo: samples and a folder drive)")
    p = sub.add_parser("preflight", help="check tools, languages, scanners, key and audit log")
    p.set_defaults(func=cmd_preflight)


def cmd_init(args: argparse.Namespace) -> int:
    settings = config.load(demo=True if args.demo else None)
    _, created = load_identity(settings)
    state = "created" if created else "already present"
    print(f"Kiosk key {state}: {settings.key_path}")
    print(f"Public key (minisign): {settings.minisign_public_key_path}")
    if settings.org_public_key:
        print(f"Organisation key (minisign): {settings.org_public_key_copy}")
    print(f"Data directory: {settings.data_dir}")
    sys.stdout.flush()
    return 0


def cmd_preflight(args: argparse.Namespace) -> int:
    from nextstep.preflight import run_checks, shown

    settings = config.load()
    checks = run_checks(settings)
    lang = settings.staff_language
    for c in checks:
        mark = "ok " if c.ok else ("!! " if c.required else "-- ")
        fix = f"  -> {shown(c.fix, lang)}" if c.fix and not c.ok else ""
        print(f"{mark}{c.name}: {shown(c.detail, lang)}{fix}")
    return 0 if all(c.ok or not c.required for c in checks) else 1
