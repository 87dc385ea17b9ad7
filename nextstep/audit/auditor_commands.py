"""The auditor's and the witness's audit commands: they need no secret of the kiosk.

- ``verify [LOG] [--checkpoint FILE...] [--key PUBKEY] [--allow-self-certified]``
- ``report --from --to``: the auditor's HTML report (or PDF with --pdf).
- ``check-proof FILE``: check an inclusion proof exported for a person's drive.
- ``witness``: countersign a checkpoint on a second device after checking consistency.

Every file handed to these commands is read with a size bound and must be a regular file
(nextstep.audit.bounded); a key taken from the data directory being verified is reported as
self-certified (nextstep.audit.trusted_keys).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from nextstep import config
from nextstep.audit import report as report_mod
from nextstep.audit.bounded import (
    CHECKPOINT_LIMIT,
    PROOF_LIMIT,
    read_user_file,
)
from nextstep.audit.log import verify_inclusion_file
from nextstep.audit.textpdf import text_pdf
from nextstep.audit.trusted_keys import (
    SELF_CERTIFIED_WARNING,
    TrustedKeys,
    load_public_keys,
    load_trusted_keys,
)
from nextstep.audit.verify import verify_log
from nextstep.audit.witness import Witness, read_proof_file
from nextstep.errors import NextStepError

SELF_CERTIFIED_HELP = (
    "accept a key read from the data directory being verified (proves only self-consistency)"
)


def register(asub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
        help="the organisation's published kiosk key: 64 hex characters, or a file holding "
        "them (repeatable)",
    )
    p.add_argument("--allow-self-certified", action="store_true", help=SELF_CERTIFIED_HELP)
    p.add_argument("--no-stored", action="store_true", help="ignore checkpoints beside the log")
    p.add_argument(
        "--time-tolerance",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="accept entries dated up to this much before the previous one (default 0)",
    )
    p.set_defaults(func=cmd_verify)

    p = asub.add_parser("report", help="the auditor's report for a period (HTML or PDF)")
    p.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    p.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    p.add_argument("--log", type=Path)
    p.add_argument("--key", action="append", default=[])
    p.add_argument("--allow-self-certified", action="store_true", help=SELF_CERTIFIED_HELP)
    p.add_argument("--checkpoint", action="append", default=[], type=Path)
    p.add_argument("--out", type=Path, help="file to write (default: print the HTML)")
    p.add_argument("--pdf", action="store_true", help="write a PDF instead of HTML")
    p.set_defaults(func=cmd_report)

    p = asub.add_parser("check-proof", help="check an exported inclusion proof file")
    p.add_argument("file", type=Path)
    p.add_argument("--key", action="append", default=[], help="kiosk public key (hex or file)")
    p.set_defaults(func=cmd_check_proof)

    p = asub.add_parser("witness", help="countersign a checkpoint on a second device")
    p.add_argument("checkpoint", type=Path)
    p.add_argument("--state", type=Path, required=True, help="the witness's own folder")
    p.add_argument("--name", help="witness name (only to create its key on first use)")
    p.add_argument("--log-key", required=True, help="the kiosk public key (hex or file)")
    p.add_argument("--proof", type=Path, help="consistency proof from the last checkpoint seen")
    p.add_argument("--out", type=Path, help="write the cosigned checkpoint here")
    p.set_defaults(func=cmd_witness)


def _self_certified(trusted: TrustedKeys) -> str | None:
    """The sentence to show when the key proves nothing, or None."""
    if not trusted.self_certified:
        return None
    return SELF_CERTIFIED_WARNING.format(sources=", ".join(trusted.self_certified))


def cmd_verify(args: argparse.Namespace) -> int:
    settings = config.load()
    log = args.log or settings.audit_log
    trusted = load_trusted_keys(args.key, settings, log)
    held = [read_user_file(p, CHECKPOINT_LIMIT, "checkpoint file") for p in args.checkpoint]
    report = verify_log(
        log,
        trusted.keys,
        checkpoints=held,
        use_stored=not args.no_stored,
        backwards_tolerance=timedelta(seconds=args.time_tolerance),
    )
    warning = _self_certified(trusted)
    for n in report.notes:
        print(f"note: {n}")
    if warning and args.allow_self_certified:
        print(f"note: {warning}")
    refused = warning is not None and not args.allow_self_certified
    if report.ok and not refused:
        print(
            f"OK: {log}: {report.entries} entries, {report.checkpoints_checked} checkpoint(s) "
            f"verified, root {report.root.hex()}"
        )
        return 0
    count = len(report.problems) + int(refused)
    print(f"FAILED: {log}: {count} problem(s) in {report.entries} entries:")
    for problem in report.problems:
        print(f"  [{problem.kind}] {problem}")
    if refused:
        print(f"  [trust] {warning}")
    sys.stdout.flush()
    return 1


def cmd_report(args: argparse.Namespace) -> int:
    settings = config.load()
    log = args.log or settings.audit_log
    if not log.exists():
        raise NextStepError(f"The audit log {log} does not exist.")
    trusted = load_trusted_keys(args.key, settings, log)
    held = [read_user_file(p, CHECKPOINT_LIMIT, "checkpoint file") for p in args.checkpoint]
    rep = report_mod.build(log, trusted.keys, args.start, args.end, checkpoints=held)
    warning = _self_certified(trusted)
    if warning:
        print(f"note: {warning}", file=sys.stderr)
    if args.pdf:
        if not args.out:
            raise NextStepError("A PDF report needs --out FILE.pdf.")
        args.out.write_bytes(text_pdf(report_mod.to_text(rep, str(log)), title="NextStep audit"))
        print(f"Report written to {args.out}")
    elif args.out:
        args.out.write_text(report_mod.to_html(rep, str(log)), encoding="utf-8")
        print(f"Report written to {args.out}")
    else:
        print(report_mod.to_html(rep, str(log)))
    ok = rep.verify.ok and not rep.without_consent
    return 0 if ok and (warning is None or args.allow_self_certified) else 1


def cmd_check_proof(args: argparse.Namespace) -> int:
    settings = config.load()
    text = read_user_file(args.file, PROOF_LIMIT, "proof file")
    errors: list[str] = []
    for key in load_public_keys(args.key, settings):
        try:
            e = verify_inclusion_file(text, key)
        except NextStepError as exc:
            errors.append(exc.message)
            continue
        print(f"OK: entry {e.seq} ({e.event}, {e.time}) is in the kiosk's signed log.")
        return 0
    print("FAILED: " + "; ".join(errors))
    return 1


def cmd_witness(args: argparse.Namespace) -> int:
    settings = config.load()
    (log_key,) = load_public_keys([args.log_key], settings)
    witness = Witness.open(args.state, args.name)
    proof = (
        read_proof_file(read_user_file(args.proof, PROOF_LIMIT, "consistency proof"))
        if args.proof
        else None
    )
    text = read_user_file(args.checkpoint, CHECKPOINT_LIMIT, "checkpoint file")
    cosigned = witness.check_and_cosign(text, log_key, proof)
    if args.out:
        args.out.write_text(cosigned, encoding="utf-8")
    print(cosigned, end="")
    print(f"Witness key: {witness.signer.verifier.vkey}")
    return 0
