"""The association's audit commands, run on the kiosk with its keys.

- ``checkpoint``: sign a checkpoint now; print it (and a QR code) for the paper register.
- ``proof SEQ``: export an inclusion proof (for the person's drive).
- ``subject HOLDER_ID``: Art. 15 — a person's entries, with their decrypted details.
- ``erase HOLDER_ID``: Art. 17 — destroy the person's key; the log still verifies.
- ``staff NAME...``: this kiosk's pseudonym for staff members.
- ``retention [--apply]``: destroy subject keys and seal log entries older than the period.

Each command that appends to the log ends with a checkpoint, so the log at rest is always
covered by a stored checkpoint (``audit verify`` requires it).
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from crypto import keys, note
from nextstep import config
from nextstep.audit import events, retention
from nextstep.audit.bounded import CHECKPOINT_LIMIT, read_user_file
from nextstep.audit.log import AuditLog
from nextstep.audit.verify import verify_log
from nextstep.audit.witness import proof_file
from nextstep.consent.withdrawal import add_proof_arguments


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

    p = asub.add_parser(
        "retention",
        help="destroy subject keys and seal log entries older than the retention period",
        description="Without --apply, only lists what would go. The period is the setting "
        "retention_years (default 5).",
    )
    p.add_argument("--apply", action="store_true", help="destroy and seal (otherwise: a dry run)")
    p.add_argument("--staff", default="staff", help="who runs it")
    p.set_defaults(func=cmd_retention)


def open_log(settings: config.Settings) -> AuditLog:
    """Open the kiosk's log with its key, keeping the kiosk id already in the log."""
    key = keys.load_private(settings.key_path)
    kiosk_id = f"{settings.kiosk_name}-{key.public_bytes.hex()[:8]}"
    with contextlib.suppress(OSError), settings.audit_log.open("rb") as fh:
        first = fh.readline(64 * 1024)
        if first.endswith(b"\n"):
            with contextlib.suppress(ValueError, KeyError, TypeError, RecursionError):
                kiosk_id = str(json.loads(first)["kiosk"])
    return AuditLog(settings.audit_log, key, kiosk_id)


def cmd_checkpoint(args: argparse.Namespace) -> int:
    settings = config.load()
    with open_log(settings) as log:
        text = log.checkpoint("manual")
        if args.since:
            since = read_user_file(args.since, CHECKPOINT_LIMIT, "checkpoint file")
            old = note.parse_checkpoint_body(note.parse_note(since).text)
            new_size = log.size
            proof = log.consistency_proof(old.size, new_size) if old.size else []
            out = args.proof_out or Path(f"consistency-{old.size}-{new_size}.json")
            out.write_text(proof_file(old.size, new_size, proof))
            print(f"Consistency proof {old.size} -> {new_size}: {out}")
    print(text, end="")
    if args.qr or args.page:
        import segno  # only here: QR output is rare and segno is slow to import

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


def cmd_subject(args: argparse.Namespace) -> int:
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
        log.checkpoint("access_request")
    if args.letter is not None:
        from nextstep.consent.letter import write_letter

        language = write_letter(args.letter, found, settings)
        both = "fr" if language == "fr" else f"{language} and fr"
        print(f"Access letter ({both}) written to {args.letter}")
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
    settings = config.load()
    proof = _proof(args, settings)
    if not args.yes:
        try:
            answer = input(
                "Destroy this person's key? Their private details become unreadable. "
                "Type 'erase' to confirm: "
            )
        except EOFError:  # no terminal to answer on (a script): refuse rather than guess
            answer = ""
            print()
        if answer.strip() != "erase":
            print("Nothing erased (confirm by typing 'erase', or pass --yes).")
            return 1
    with open_log(settings) as log:
        log.append(  # who proved what before the key goes (the erasure entry has no room)
            events.ACCESS_REQUEST,
            staff=args.staff,
            subject_holder_id=args.holder_id,
            details={"request": "erasure", "proof": proof},
        )
        entry = log.erase_subject(args.holder_id, staff=args.staff)
        log.checkpoint("erasure")
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


def cmd_retention(args: argparse.Namespace, *, now: datetime | None = None) -> int:
    settings = config.load()
    moment = now or datetime.now(UTC)
    with open_log(settings) as log:
        chosen = retention.plan(log, now=moment, years=settings.retention_years)
        print(
            f"Retention {settings.retention_years} years: before {chosen.cutoff}, "
            f"{len(chosen.expired_subjects)} subject key(s) and "
            f"{chosen.entries_to_seal} log entries are past it."
        )
        if not args.apply:
            print("Dry run: nothing changed (add --apply to destroy and seal).")
            return 0
        result = retention.apply(log, chosen, staff=args.staff)
        key_bytes = log.key.public_bytes
    print(f"Destroyed {result.keys_destroyed} key(s); sealed {result.entries_sealed} entries.")
    report = verify_log(settings.audit_log, [key_bytes])
    print("The log still verifies." if report.ok else "WARNING: the log does not verify.")
    return 0 if report.ok else 1
