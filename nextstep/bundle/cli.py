"""``nextstep bundle verify|info|open|share|recover`` (and ``check`` from conservation).

Passphrases are never taken as command-line arguments (they would show in ``ps`` and shell
history): they are asked for on the terminal, or read from stdin with ``--passphrase-stdin``.
Without a passphrase, ``verify`` still checks the signed manifest beside the file and its
hash, which needs no secret.
"""

from __future__ import annotations

import argparse
import getpass
import io
import os
import subprocess
import sys
from pathlib import Path

from crypto import keys as keymod
from crypto import minisign, recovery
from nextstep import config
from nextstep.bundle import i18n
from nextstep.bundle.verify import BundleError, BundleInfo, load, verify_envelope_only, verify_open
from nextstep.drives import hostile
from nextstep.errors import NextStepError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("bundle", help="verify, inspect, open, share or recover a bundle")
    bsub = p.add_subparsers(dest="bundle_command", metavar="ACTION")

    def usage(_: argparse.Namespace) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=usage)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("path", type=Path, metavar="BUNDLE", help="the bundle's .pdf file")
        q.add_argument(
            "--key",
            action="append",
            type=Path,
            default=[],
            metavar="PUBKEY",
            help="trusted public key file (minisign .pub or kiosk.pub); repeatable",
        )
        q.add_argument(
            "--passphrase-stdin",
            action="store_true",
            help="read the passphrase from standard input",
        )

    q = bsub.add_parser("verify", help="check a bundle's signature and integrity")
    common(q)
    q.add_argument(
        "--no-passphrase",
        action="store_true",
        help="check only the signed manifest beside the file (no secret needed)",
    )
    q.add_argument(
        "--source",
        type=Path,
        default=None,
        metavar="SOURCE",
        help="for a shared copy: also check that its pages are byte for byte those of the "
        "source bundle (its passphrase is the second line of stdin, or asked)",
    )
    q.set_defaults(func=cmd_verify)

    q = bsub.add_parser("info", help="show what a bundle holds (after verifying it)")
    common(q)
    q.set_defaults(func=cmd_info)

    q = bsub.add_parser("open", help="verify, then print the text or save a decrypted copy")
    common(q)
    group = q.add_mutually_exclusive_group(required=True)
    group.add_argument("--text", action="store_true", help="print the documents' text")
    group.add_argument("--output", type=Path, help="write a decrypted copy (keep it safe)")
    q.set_defaults(func=cmd_open)

    q = bsub.add_parser("share", help="export chosen documents for a named recipient")
    common(q)
    q.add_argument("--recipient", required=True, help="who receives the copy")
    q.add_argument(
        "--category",
        action="append",
        default=[],
        choices=None,
        help="category slug to include; repeatable",
    )
    q.add_argument(
        "--document",
        action="append",
        type=int,
        default=[],
        help="document number (D1 = 1) to include; repeatable",
    )
    q.add_argument("--output-dir", type=Path, required=True, help="folder for the shared copy")
    q.set_defaults(func=cmd_share)

    q = bsub.add_parser("recover", help="recover a passphrase with the organisation's age key")
    q.add_argument("path", type=Path, metavar="RECOVERY", help="the .recovery.age file")
    q.add_argument("--identity", "-i", type=Path, required=True, help="age private key file")
    q.set_defaults(func=cmd_recover)

    try:  # the conservation helper's optional `bundle check`
        from nextstep.conservation.cli import register_bundle_check
    except ImportError:
        pass
    else:
        register_bundle_check(bsub)


def trusted_keys(args: argparse.Namespace) -> list[bytes]:
    keys: list[bytes] = []
    for path in args.key:
        try:
            keys.append(path.read_bytes())
        except OSError as exc:
            raise NextStepError(f"The public key file {path} cannot be read.") from exc
    if not keys:
        settings = config.load()
        if settings.public_key_path.exists():
            keys.append(settings.public_key_path.read_bytes())
    if not keys:
        raise NextStepError(
            "No trusted public key: give the organisation's key with --key.",
            hint="The key is published by the organisation (a minisign .pub file).",
        )
    for k in keys:
        try:
            minisign.parse_public_key(k)
        except minisign.MinisignError as exc:
            raise NextStepError("A --key file is not a public key.", hint=exc.message) from exc
    return keys


def read_passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_stdin:
        text = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        text = getpass.getpass("Passphrase: ").strip()
    else:
        raise NextStepError("A passphrase is needed.", hint="Use --passphrase-stdin or a terminal.")
    if not text:
        raise NextStepError("The passphrase is empty.")
    return text


def _open(args: argparse.Namespace) -> tuple[object, BundleInfo]:
    data, envelope = load(args.path)
    return verify_open(
        data, passphrase=read_passphrase(args), trusted_keys=trusted_keys(args), envelope=envelope
    )


def cmd_verify(args: argparse.Namespace) -> int:
    keys = trusted_keys(args)
    if args.no_passphrase or (not args.passphrase_stdin and not sys.stdin.isatty()):
        env = verify_envelope_only(args.path, trusted_keys=keys)
        print(
            f"OK: bundle {env.bundle_id} version {env.version} from kiosk {env.kiosk_id}, "
            f"signature and file hash verified (contents not opened)."
        )
        return 0
    pdf, info = _open(args)
    pdf.close()  # type: ignore[attr-defined]
    print(
        f"OK: bundle {info.bundle_id} version {info.version}, {info.page_count} pages, "
        f"signed by key {info.signer_key_id}, {info.encryption}; every page matches."
    )
    for w in info.warnings:
        print(f"note: {w}")
    if args.source is not None:
        _compare_source(args, info)
    return 0


def _compare_source(args: argparse.Namespace, shared: BundleInfo) -> None:
    """``verify --source``: the shared copy's page hashes against the source's manifest."""
    # Deferred: bundle.share loads OpenCV and Pillow, only for this sub-command.
    from nextstep.bundle.share import pages_in_source

    data, envelope = load(args.source)
    pdf, source = verify_open(
        data, passphrase=read_passphrase(args), trusted_keys=trusted_keys(args), envelope=envelope
    )
    pdf.close()
    same, total = pages_in_source(shared, source)
    if same != total:
        raise BundleError(
            f"{total - same} of {total} page(s) of the shared copy are not in bundle "
            f"{source.bundle_id}.",
            hint="The copy was not made from this bundle, or was altered.",
        )
    print(f"Pages: all {total} page hashes equal those of bundle {source.bundle_id}.")


def cmd_info(args: argparse.Namespace) -> int:
    pdf, info = _open(args)
    pdf.close()  # type: ignore[attr-defined]
    m = info.manifest
    print(f"Bundle {m.bundle_id}  version {m.version}  created {m.created}  kiosk {m.kiosk_id}")
    print(f"Signed by key {info.signer_key_id}; {info.encryption}; {info.page_count} pages")
    for n, d in enumerate(m.documents, start=1):
        when = i18n.date_text(d.document_date) if d.document_date else "-"
        print(f"  D{n}  {d.category:<11} {when}  {len(d.pages)} page(s)  {d.title}")
        for dl in sorted(d.deadlines, key=lambda x: x.date):
            print(f"        deadline {i18n.date_text(dl.date)} ({dl.kind})")
    return 0


def cmd_open(args: argparse.Namespace) -> int:
    pdf, info = _open(args)
    if args.text:
        buf = io.BytesIO()
        pdf.save(buf)  # type: ignore[attr-defined]
        result = subprocess.run(
            ["pdftotext", "-layout", "-", "-"],
            input=buf.getvalue(),
            capture_output=True,
            check=False,
        )
        if result.returncode != 0:
            raise NextStepError(
                "pdftotext could not read the bundle.", hint="apt-get install poppler-utils"
            )
        sys.stdout.write(result.stdout.decode("utf-8", errors="replace"))
        return 0
    out: Path = args.output
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        pdf.save(fh)  # type: ignore[attr-defined]
    print(
        f"Decrypted copy of bundle {info.bundle_id} written to {out} (readable by you only). "
        "Delete it when done."
    )
    return 0


def cmd_share(args: argparse.Namespace) -> int:
    # Deferred: bundle.share loads OpenCV and Pillow, only for this sub-command.
    from nextstep.bundle.share import share_subset

    settings = config.load()
    key = keymod.load_private(settings.key_path)
    shared = share_subset(
        args.path,
        passphrase=read_passphrase(args),
        trusted_keys=trusted_keys(args) + [key.public_bytes],
        key=key,
        kiosk_id=settings.kiosk_name,
        recipient=args.recipient,
        categories=args.category,
        documents=args.document,
    )
    paths = shared.bundle.write(args.output_dir)
    print(f"Shared {shared.document_count} document(s) for {shared.recipient}: {paths.pdf}")
    print(f"One-time passphrase: {shared.passphrase}")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    sealed = hostile.read_file(args.path, hostile.FileKind.RECOVERY)  # from a person's drive
    try:
        identity = args.identity.read_text()
    except OSError as exc:
        raise BundleError(f"Cannot read {exc.filename}.", hint="Check the path.") from exc
    print(f"Passphrase: {recovery.recover(sealed, identity)}")
    return 0
