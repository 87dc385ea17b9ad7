"""``nextstep audit ...``: the auditor's and the data-protection officer's commands.

- ``verify [LOG] [--checkpoint FILE...] [--key PUBKEY]``: every check, every problem named.
- ``checkpoint``: sign a checkpoint now; print it (and a QR code) for the paper register.
- ``proof SEQ``: export an inclusion proof (for the person's drive).
- ``witness``: countersign a checkpoint on a second device after checking consistency.
- ``report --from --to``: the auditor's HTML report (or PDF with --pdf).
- ``subject HOLDER_ID``: Art. 15 — a person's entries, with their decrypted details.
- ``erase HOLDER_ID``: Art. 17 — destroy the person's key; the log still verifies.
"""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from nextstep import config
from nextstep.errors import NextStepError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="verify, report on and answer requests about the log")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION")

    def usage(_args: argparse.Namespace) -> int:
        audit.print_help()
        return 2

    audit.set_defaults(func=usage)

    p = asub.add_parser("verify", help="verify the audit log and name every problem")
    p.add_argument("log", nargs="?", type=Path, help="log file (default: the kiosk's)")
    p.add_argument(
        "--checkpoint",
        action="extend",
        nargs="+",
        default=[],
        type=Path,
        metavar="FILE",
        help="a signed checkpoint you hold (repeatable); the log must be consistent with it",
    )
    p.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="PUBKEY",
        help="kiosk public key: 64 hex characters, or a file holding them (repeatable)",
    )
    p.add_argument("--no-stored", action="store_true", help="ignore checkpoints beside the log")
    p.add_argument(
        "--time-tolerance",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="accept entries dated up to this much before the previous one (default 0)",
    )
    p.set_defaults(func=cmd_verify)

    from nextstep.audit import cli_more

    cli_more.register(asub)


def load_public_keys(values: list[str], settings: config.Settings) -> list[bytes]:
    """Parse --key values (hex or file) or fall back to the kiosk's public key file."""
    texts: list[tuple[str, str]] = []
    if not values:
        path = settings.public_key_path
        try:
            texts.append((str(path), path.read_text(encoding="ascii")))
        except (OSError, UnicodeDecodeError) as exc:
            raise NextStepError(
                f"The kiosk public key {path} cannot be read.",
                hint="Pass --key with the 64-hex-character public key, or run `nextstep init`.",
            ) from exc
    for value in values:
        candidate = Path(value)
        if len(value) != 64 and candidate.exists():
            texts.append((value, candidate.read_text(encoding="ascii", errors="replace")))
        else:
            texts.append(("--key", value))
    keys: list[bytes] = []
    for origin, text in texts:
        try:
            raw = bytes.fromhex(text.strip())
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise NextStepError(
                f"The public key from {origin} is not 32 bytes in hex.",
                hint="A kiosk public key is 64 hexadecimal characters (see keys/kiosk.pub).",
            )
        keys.append(raw)
    return keys


def cmd_verify(args: argparse.Namespace) -> int:
    from nextstep.audit.verify import verify_log

    settings = config.load()
    log = args.log or settings.audit_log
    keys = load_public_keys(args.key, settings)
    held: list[str] = []
    for path in args.checkpoint:
        try:
            held.append(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise NextStepError(f"The checkpoint file {path} cannot be read.") from exc
    report = verify_log(
        log,
        keys,
        checkpoints=held,
        use_stored=not args.no_stored,
        backwards_tolerance=timedelta(seconds=args.time_tolerance),
    )
    for n in report.notes:
        print(f"note: {n}")
    if report.ok:
        print(
            f"OK: {log}: {report.entries} entries, {report.checkpoints_checked} checkpoint(s) "
            f"verified, root {report.root.hex()}"
        )
        return 0
    print(f"FAILED: {log}: {len(report.problems)} problem(s) in {report.entries} entries:")
    for problem in report.problems:
        print(f"  [{problem.kind}] {problem}")
    sys.stdout.flush()
    return 1
