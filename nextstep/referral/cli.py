"""``nextstep referral check|list|slip``: let staff validate their directory and print slips."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from nextstep.referral.directory import ReferralError, load_directory
from nextstep.referral.slips import referral_slip_pdf


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("referral", help="the directory of services and referral slips")
    rsub = p.add_subparsers(dest="referral_command", metavar="ACTION", required=True)

    c = rsub.add_parser("check", help="validate a directory file and list what to verify")
    c.add_argument("file", type=Path, nargs="?", help="directory file (default: in use)")
    c.set_defaults(func=cmd_check)

    ls = rsub.add_parser("list", help="list the services matching categories")
    ls.add_argument("categories", nargs="*", help="category slugs (all when none)")
    ls.add_argument("--kind", action="append", default=[], help="deadline kind")
    ls.add_argument("--file", type=Path, help="directory file (default: in use)")
    ls.set_defaults(func=cmd_list)

    s = rsub.add_parser("slip", help="write a one-page referral slip PDF")
    s.add_argument("service_ids", nargs="+", metavar="SERVICE_ID")
    s.add_argument("--language", default="fr", help="the person's language (fr, nl, en, ar...)")
    s.add_argument("--output", "-o", type=Path, required=True, help="PDF file to write")
    s.add_argument("--file", type=Path, help="directory file (default: in use)")
    s.set_defaults(func=cmd_slip)


def cmd_check(args: argparse.Namespace) -> int:
    directory = load_directory(args.file)
    print(f"{directory.source}: {len(directory.services)} services, version {directory.version}")
    todo = directory.to_check()
    if directory.stale():
        todo.insert(0, "not updated for more than a year ([directory] updated)")
    for line in todo:
        print(f"  to check: {line}")
    sys.stdout.flush()
    return 1 if todo else 0


def cmd_list(args: argparse.Namespace) -> int:
    directory = load_directory(args.file)
    services = (
        directory.services_for(args.categories, args.kind)
        if args.categories
        else list(directory.services)
    )
    for s in services:
        print(f"{s.id:22} {s.name}  [{', '.join(s.categories)}]")
    return 0


def cmd_slip(args: argparse.Namespace) -> int:
    directory = load_directory(args.file)
    services = [directory.get(i) for i in args.service_ids]
    data = referral_slip_pdf(services, args.language, directory=directory, today=dt.date.today())
    try:
        args.output.write_bytes(data)
    except OSError as exc:
        raise ReferralError(
            f"The slip cannot be written to {args.output} ({exc.strerror})."
        ) from exc
    print(f"Referral slip written: {args.output}")
    return 0
