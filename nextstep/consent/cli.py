"""``nextstep notice`` (the privacy notice, as text or read aloud) and ``nextstep consent``
(withdraw with the person's drive; check a drive for an escrow copy kept against a refusal)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nextstep import config
from nextstep.consent import notices, purposes, speech


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "notice",
        help="print the privacy notice in a language, or speak it to a WAV file (--audio)",
    )
    p.add_argument("--language", required=True, help="notice language, e.g. fr, nl, ar")
    p.add_argument("--audio", type=Path, help="write the notice as speech (espeak-ng) to FILE")
    p.set_defaults(func=cmd_notice)

    c = sub.add_parser("consent", help="withdraw consent with the person's drive; check a drive")
    csub = c.add_subparsers(dest="consent_command", required=True)
    w = csub.add_parser(
        "withdraw",
        help="withdraw purposes (default: all given) and erase what they covered on the drive",
    )
    w.add_argument("--drive", required=True, help="the person's drive: folder, image or /dev/...")
    w.add_argument(
        "--purpose",
        action="append",
        choices=sorted(purposes.PURPOSES),
        help="a purpose to withdraw (repeat; none: every purpose the person gave)",
    )
    w.add_argument("--bundle", help="which bundle (id, file stem or holder id) if several")
    w.add_argument("--staff", required=True, help="staff member doing it (logged as a pseudonym)")
    w.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="proof: read the key card's passphrase from stdin; it must open the bundle",
    )
    w.add_argument(
        "--attest",
        action="store_true",
        help="proof: the staff member attests the drive is the person's (logged)",
    )
    w.set_defaults(func=cmd_withdraw)
    k = csub.add_parser(
        "check", help="flag a sealed key copy kept on a drive after escrow was refused/withdrawn"
    )
    k.add_argument("--drive", required=True, help="drive folder, image or /dev/...")
    k.set_defaults(func=cmd_check)


def cmd_notice(args: argparse.Namespace) -> int:
    if args.audio is None:
        sys.stdout.write(notices.load(args.language).text)
        return 0
    spoken = speech.speak_notice(args.language, args.audio)
    print(f"Spoken notice: {spoken.path} ({spoken.seconds:.0f} s, voice {spoken.voice})")
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    from nextstep.consent import withdrawal
    from nextstep.demo import open_kiosk

    passphrase = sys.stdin.readline().strip() if args.passphrase_stdin else None
    settings = config.load()
    key, log = open_kiosk(settings)
    with log:
        result = withdrawal.withdraw_with_drive(
            settings,
            log,
            key.public_bytes,
            args.drive,
            staff=args.staff,
            requested=args.purpose,
            bundle=args.bundle,
            passphrase=passphrase,
            attested=args.attest,
        )
    print(f"Withdrawn: {', '.join(d.purpose for d in result.record.decisions)}")
    if result.not_given:
        print(f"Never given (nothing to withdraw): {', '.join(result.not_given)}")
    print(f"Removed from the drive: {', '.join(result.removed) or 'nothing'}")
    print(f"Receipt: {', '.join(result.receipt_files)} (language {result.language} and fr)")
    print(f"Logged as entry {result.record.audit_seq} (proof: {result.proof})")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from nextstep.consent import withdrawal
    from nextstep.drives.target import open_target

    settings = config.load()
    with open_target(args.drive, allow_loop=settings.drive_allow_loop) as target:
        problems = withdrawal.escrow_problems(target.root)
    for p in problems:
        print(f"PROBLEM: {p}")
    if not problems:
        print("No sealed key copy is kept against the person's choice.")
    return 1 if problems else 0
