"""The kiosk-side and witness-side audit commands (see nextstep.audit.cli for the list)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from datetime import date
from pathlib import Path

from crypto import keys, note
from nextstep import config
from nextstep.audit.log import AuditLog
from nextstep.consent.withdrawal import add_proof_arguments
from nextstep.errors import NextStepError


def register(asub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = asub.add_parser("checkpoint", help="sign a checkpoint now and print it (text and QR)")
    p.add_argument("--qr", type=Path, help="also write a QR code of it (.png or .svg)")
    p.add_argument("--page", type=Path, help="write a printable HTML page (text + QR)")
    p.add_argument("--since", type=Path, metavar="CHECKPOINT", help="write a consistency proof")
    p.add_argument("--proof-out", type=Path, help="where to write that proof (JSON)")
    p.set_defaults(func=cmd_checkpoint)

    p = asub.add_parser("proof", help="export the inclusion proof of one entry")
    p.add_argument("seq", type=int)
    p.add_argument("--out", type=Path, help="file to write (default: print)")
    p.set_defaults(func=cmd_proof)

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

    p = asub.add_parser("report", help="the auditor's report for a period (HTML or PDF)")
    p.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    p.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    p.add_argument("--log", type=Path)
    p.add_argument("--key", action="append", default=[])
    p.add_argument("--checkpoint", action="append", default=[], type=Path)
    p.add_argument("--out", type=Path, help="file to write (default: print the HTML)")
    p.add_argument("--pdf", action="store_true", help="write a PDF instead of HTML")
    p.set_defaults(func=cmd_report)

    p = asub.add_parser("subject", help="a person's own entries (GDPR Art. 15)")
    p.add_argument("holder_id", help="the holder id printed on the person's drive or key card")
    p.add_argument("--staff", default="staff", help="who handles the request")
    p.add_argument("--json", action="store_true")
    p.add_argument("--letter", type=Path, help="write the person's access letter (PDF) here")
    add_proof_arguments(p)
    p.set_defaults(func=cmd_subject)

    p = asub.add_parser("staff", help="this kiosk's pseudonym for a staff member")
    p.add_argument("name", nargs="+", help="staff identifiers as given at login")
    p.set_defaults(func=cmd_staff)

    p = asub.add_parser("erase", help="erase a person's private details (GDPR Art. 17)")
    p.add_argument("holder_id")
    p.add_argument("--staff", default="staff", help="who handles the request")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_proof_arguments(p)
    p.set_defaults(func=cmd_erase)


def open_log(settings: config.Settings) -> AuditLog:
    """Open the kiosk's log with its key, keeping the kiosk id already in the log."""
    key = keys.load_private(settings.key_path)
    kiosk_id = f"{settings.kiosk_name}-{key.public_bytes.hex()[:8]}"
    if settings.audit_log.exists():
        with settings.audit_log.open("rb") as fh:
            first = fh.readline()
        if first.endswith(b"\n"):
            with contextlib.suppress(ValueError, KeyError):
                kiosk_id = str(json.loads(first)["kiosk"])
    return AuditLog(settings.audit_log, key, kiosk_id)


def cmd_checkpoint(args: argparse.Namespace) -> int:
    settings = config.load()
    with open_log(settings) as log:
        text = log.checkpoint("manual")
        if args.since:
            old = note.parse_checkpoint_body(note.parse_note(args.since.read_text()).text)
            from nextstep.audit.witness import proof_file

            new_size = log.size
            proof = log.consistency_proof(old.size, new_size) if old.size else []
            out = args.proof_out or Path(f"consistency-{old.size}-{new_size}.json")
            out.write_text(proof_file(old.size, new_size, proof))
            print(f"Consistency proof {old.size} -> {new_size}: {out}")
    print(text, end="")
    if args.qr or args.page:
        import segno

        qr = segno.make(text, error="m")
        if args.qr:
            qr.save(str(args.qr), scale=4)
            print(f"QR code: {args.qr}")
        if args.page:
            args.page.write_text(printable_page(text, qr.svg_inline(scale=4)), encoding="utf-8")
            print(f"Printable page: {args.page}")
    return 0


def printable_page(checkpoint_text: str, qr_svg: str) -> str:
    """One A4 page for the paper register: the checkpoint, its QR code, a line to sign."""
    import html
    from datetime import UTC, datetime

    today = datetime.now(UTC).strftime("%Y-%m-%d")
    return f"""<!doctype html><html lang=en><head><meta charset=utf-8>
<title>NextStep checkpoint {today}</title>
<style>body{{font-family:sans-serif;margin:2cm}}pre{{font-size:11pt;white-space:pre-wrap;
word-break:break-all;border:1px solid #000;padding:.5em}}</style></head><body>
<h1>NextStep audit checkpoint — {today}</h1>
<p>Keep this page in the register. An auditor compares it with the kiosk's log
(<code>nextstep audit verify --checkpoint</code>): any later rewrite of the log shows.</p>
<pre>{html.escape(checkpoint_text)}</pre>
{qr_svg}
<p>Printed and filed by: ______________________ &nbsp; Signature: ______________</p>
</body></html>
"""


def cmd_check_proof(args: argparse.Namespace) -> int:
    from nextstep.audit.cli import load_public_keys
    from nextstep.audit.log import verify_inclusion_file

    settings = config.load()
    text = args.file.read_text(encoding="utf-8")
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


def cmd_proof(args: argparse.Namespace) -> int:
    settings = config.load()
    with open_log(settings) as log:
        proof = log.inclusion_proof(args.seq)
    text = proof.to_json()
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"Inclusion proof of entry {args.seq} written to {args.out}")
    else:
        print(text)
    return 0


def cmd_witness(args: argparse.Namespace) -> int:
    from nextstep.audit.cli import load_public_keys
    from nextstep.audit.witness import Witness, read_proof_file

    settings = config.load()
    (log_key,) = load_public_keys([args.log_key], settings)
    witness = Witness.open(args.state, args.name)
    proof = read_proof_file(args.proof.read_text()) if args.proof else None
    cosigned = witness.check_and_cosign(args.checkpoint.read_text(encoding="utf-8"), log_key, proof)
    if args.out:
        args.out.write_text(cosigned, encoding="utf-8")
    print(cosigned, end="")
    print(f"Witness key: {witness.signer.verifier.vkey}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from nextstep.audit import report
    from nextstep.audit.cli import load_public_keys

    settings = config.load()
    log = args.log or settings.audit_log
    if not log.exists():
        raise NextStepError(f"The audit log {log} does not exist.")
    held = [p.read_text(encoding="utf-8") for p in args.checkpoint]
    rep = report.build(
        log, load_public_keys(args.key, settings), args.start, args.end, checkpoints=held
    )
    if args.pdf:
        from nextstep.audit.textpdf import text_pdf

        if not args.out:
            raise NextStepError("A PDF report needs --out FILE.pdf.")
        args.out.write_bytes(text_pdf(report.to_text(rep, str(log)), title="NextStep audit"))
        print(f"Report written to {args.out}")
    elif args.out:
        args.out.write_text(report.to_html(rep, str(log)), encoding="utf-8")
        print(f"Report written to {args.out}")
    else:
        print(report.to_html(rep, str(log)))
    ok = rep.verify.ok and not rep.without_consent and not rep.draft_consents
    return 0 if ok else 1


def cmd_subject(args: argparse.Namespace) -> int:
    from nextstep.audit import events

    settings = config.load()
    proof = _proof(args, settings)
    with open_log(settings) as log:
        found = log.subject_entries(args.holder_id)
        log.append(
            events.ACCESS_REQUEST,
            staff=args.staff,
            subject_holder_id=args.holder_id,
            details={"entries": len(found), "proof": proof},
        )
    if args.letter is not None:
        from nextstep.consent.letter import write_letter

        language = write_letter(args.letter, found, settings)
        print(f"Access letter ({language} and fr) written to {args.letter}")
    rows = [
        {
            "seq": e.seq,
            "time": e.time,
            "event": e.event,
            "details": e.details,
            "private": private,
            "private_state": "none" if e.enc is None else ("erased" if private is None else "ok"),
        }
        for e, private in found
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print(f"{len(rows)} entries for this person:")
        for r in rows:
            extra = f" private={r['private']}" if r["private"] else ""
            print(f"  #{r['seq']} {r['time']} {r['event']} {r['details']}{extra}")
    return 0


def _proof(args: argparse.Namespace, settings: config.Settings) -> str:
    """Access and erasure need the key card (passphrase opening the bundle) or staff attestation."""
    from nextstep.consent.withdrawal import prove_holder
    from nextstep.session import trusted_keys_of

    passphrase = sys.stdin.readline().strip() if args.passphrase_stdin else None
    return prove_holder(
        args.holder_id,
        drive=args.drive,
        passphrase=passphrase,
        attested=args.attest,
        trusted_keys=trusted_keys_of(settings),
        allow_loop=settings.drive_allow_loop,
    )


def cmd_erase(args: argparse.Namespace) -> int:
    from nextstep.audit import events
    from nextstep.audit.verify import verify_log

    settings = config.load()
    proof = _proof(args, settings)
    if not args.yes:
        answer = input(
            "Destroy this person's key? Their private details become unreadable. "
            "Type 'erase' to confirm: "
        )
        if answer.strip() != "erase":
            print("Nothing erased.")
            return 1
    with open_log(settings) as log:
        log.append(  # who proved what before the key goes (the erasure entry has no room)
            events.ACCESS_REQUEST,
            staff=args.staff,
            subject_holder_id=args.holder_id,
            details={"request": "erasure", "proof": proof},
        )
        entry = log.erase_subject(args.holder_id, staff=args.staff)
        key_bytes = log.key.public_bytes
    state = "destroyed" if entry.details.get("key_destroyed") else "already absent"
    print(f"Subject key {state}; erasure logged as entry {entry.seq}.")
    report = verify_log(settings.audit_log, [key_bytes])
    print("The log still verifies." if report.ok else "WARNING: the log does not verify.")
    return 0


def cmd_staff(args: argparse.Namespace) -> int:
    """Let the association map pseudonyms in the log back to its own staff list."""
    settings = config.load()
    with open_log(settings) as log:
        for name in args.name:
            print(f"{log.staff_pseudonym(name)}  {name}")
    return 0
