"""``nextstep demo``: a whole headless session on the bundled samples, with real components.

It is the foundation's proof that the layers fit: consent, capture through the demo scanner,
page processing, Tesseract OCR, classification, staff edits (``--edit``), one encrypted signed
bundle written atomically to a drive folder (or image) and re-read, every step in the audit
log, the log verified. The session runs in its own child process
(:class:`nextstep.visit.process.SessionProcess`), as in the kiosk, and reads the samples
there: the demo's process sees only counts, categories and the passphrase it prints.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crypto import keys
from nextstep import config, consent
from nextstep.audit.log import AuditLog
from nextstep.audit.verify import verify_log
from nextstep.consent import notices
from nextstep.errors import NextStepError
from nextstep.fsio import write_new
from nextstep.identity import load_identity
from nextstep.returning import SeveralBundlesOnDrive
from nextstep.visit import commands as cmd

if TYPE_CHECKING:
    from nextstep.session import Session
    from nextstep.sharing import ShareOutcome
    from nextstep.visit.process import SessionProcess


def kiosk_id(settings: config.Settings, key: keys.KioskKey) -> str:
    """A stable, non-personal kiosk identifier: configured name plus key fingerprint."""
    return f"{settings.kiosk_name}-{key.public_bytes.hex()[:8]}"


def open_kiosk(settings: config.Settings) -> tuple[keys.KioskKey, AuditLog]:
    """Load (or create, on first use) the kiosk key and open its audit log."""
    key, _ = load_identity(settings)
    settings.audit_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    audit = AuditLog(settings.audit_log, key, kiosk_id(settings, key))
    audit.seal_open_end()  # a crash mid-session left entries after the last checkpoint
    return key, audit


@dataclass
class DemoResult:
    """What the demo prints; the passphrase is shown once, on its own line, never stored."""

    pages: int
    refused: int
    categories: list[str]
    bundle: str
    ejected: str
    timings: dict[str, float]
    total: float
    passphrase: str
    audit_entries: int
    checkpoint: str
    share: ShareOutcome | None = None
    share_error: NextStepError | None = None  # the bundle is written; only the share failed


def demo_consent(
    session: Session | SessionProcess,
    language: str,
    consents: Collection[str] = ("digitize_store",),
) -> None:
    """Record the demo person's answers: yes to ``consents``, no to every other purpose.

    A draft-language notice is recorded as read by an interpreter in that language (the
    kiosk refuses consent on a draft otherwise; docs/gdpr/staff-guide.md)."""
    for p in consents:
        consent.purposes.get(p)
    draft = notices.load(language).draft
    session.give_consent(
        {p: p in consents for p in consent.PURPOSE_IDS},
        informed="interpreter" if draft else "screen",
        interpreter_language=language if draft else None,
    )


@dataclass(frozen=True)
class DemoShare:
    """``--share``: what to share after the demo visit, with whom, and where."""

    categories: tuple[str, ...]
    recipient: str
    service: str = ""
    drive: str | None = None


def parse_consent(text: str) -> frozenset[str]:
    """``--consent digitize_store,share_recipient``: the purposes the demo person agrees to."""
    given = frozenset(p.strip() for p in text.split(",") if p.strip())
    unknown = sorted(given - set(consent.PURPOSE_IDS))
    if unknown:
        raise NextStepError(
            f"Unknown consent purpose {unknown[0]!r}.",
            hint=f"Choose among: {', '.join(consent.PURPOSE_IDS)}.",
        )
    return given


EDIT_HELP = (
    "edit the documents after reading, as staff do in review (repeatable, applied in order; "
    "documents and pages are numbered from 1): merge:D (document D+1 joins D), split:D:P "
    "(page P starts a new document), move:D:P:TO, delete:D:P, category:D:SLUG"
)


def parse_edit(text: str) -> cmd.Command:
    """One ``--edit`` value as a session command (numbers from 1 on the command line)."""
    action, _sep, rest = text.partition(":")
    args = rest.split(":") if rest else []
    try:
        if action == "category" and len(args) == 2:
            return cmd.SetCategory(int(args[0]) - 1, args[1])
        numbers = [int(a) - 1 for a in args]
    except ValueError:
        numbers = []
    shapes: dict[str, tuple[int, type]] = {
        "merge": (1, cmd.Merge),
        "split": (2, cmd.SplitDocument),
        "move": (3, cmd.MovePage),
        "delete": (2, cmd.DeletePage),
    }
    if action in shapes and numbers and len(numbers) == shapes[action][0]:
        made: cmd.Command = shapes[action][1](*numbers)
        return made
    raise NextStepError(
        f"Cannot read the edit {text!r}.",
        hint="Use merge:D, split:D:P, move:D:P:TO, delete:D:P or category:D:SLUG.",
    )


def run_demo(
    settings: config.Settings,
    *,
    drive: str,
    language: str = "fr",
    consents: frozenset[str] | None = None,
    share: DemoShare | None = None,
    edits: Sequence[cmd.Command] = (),
    keycard: Path | None = None,
) -> DemoResult:
    """Run the session in its own process; return the summary (the passphrase included, for
    the printout only). With ``keycard`` the key card PDF is written there (mode 0600: it
    holds the passphrase), which needs the ``print_keycard`` purpose, as in the kiosk."""
    # Deferred: the session process and demo scanner load OpenCV and Pillow; open_kiosk must not.
    from nextstep.visit.process import SessionProcess
    from scanners.demo import DemoScanner

    started = time.perf_counter()
    given = consents if consents is not None else frozenset({consent.DIGITIZE})
    if keycard is not None and consent.KEYCARD not in given:
        raise NextStepError(
            "A key card needs the person's consent to print it.",
            hint=f"Add {consent.KEYCARD} to --consent.",
        )
    key, _audit = open_kiosk(settings)
    session = SessionProcess(settings, staff="demo-staff", language=language)
    shared, share_error = None, None
    try:
        demo_consent(session, language, given)
        refused = 0
        for _ in range(DemoScanner().documents):  # the session's process reads the samples
            refused += len(session.capture_source("demo").refused)
        captured = session.analyze().pages
        for edit in edits:
            session.run(edit)
        view = session.view()
        bundle = session.build()
        if keycard is not None and bundle.keycard_pdf is not None:
            fd = os.open(keycard, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(bundle.keycard_pdf)
        report = session.write_to_drive(drive)
        if not report.ok:
            raise NextStepError(report.sentence("en"), hint=report.detail or "")
        if share is not None:
            try:
                shared = _share(session, settings, share)
            except NextStepError as exc:  # the bundle is written: still print its summary
                share_error = exc
        ejected = session.eject()
        ended = session.finish()
    finally:
        if not session.ended:
            session.kill()
    written = [n for n in report.written if n.endswith(".pdf")]
    timings = dict(ended.timings)
    t0 = time.perf_counter()
    verdict = verify_log(settings.audit_log, [key.public_bytes])
    timings["audit verify"] = time.perf_counter() - t0
    if not verdict.ok:
        raise NextStepError(
            "The audit log does not verify after the demo session.",
            hint="Run `nextstep audit verify` for details.",
        )
    where = session.drive_description or drive
    bundle_where = (
        str(Path(drive) / written[0]) if Path(drive).is_dir() else f"{written[0]} on {where}"
    )
    return DemoResult(
        pages=captured,
        refused=refused,
        categories=[d.category for d in view.documents],
        bundle=bundle_where,
        ejected=ejected.value,
        timings=timings,
        total=time.perf_counter() - started,
        passphrase=bundle.passphrase,
        audit_entries=verdict.entries,
        checkpoint=ended.checkpoint,
        share=shared,
        share_error=share_error,
    )


def _share(session: SessionProcess, settings: config.Settings, share: DemoShare) -> ShareOutcome:
    """The demo visit's share, through the same ``Session.share`` command as the kiosk."""
    # Deferred: sharing and referral load OpenCV and Pillow; open_kiosk (the kiosk) must not.
    from nextstep import sharing
    from nextstep.referral import load_directory

    if share.service:
        directory = load_directory(data_dir=settings.data_dir)
        recipient = sharing.from_directory(directory, share.service, share.recipient)
    else:
        recipient = sharing.typed(share.recipient)
    outcome = session.share(
        sharing.ShareRequest(recipient, categories=share.categories, drive=share.drive)
    )
    assert outcome is not None  # no answer given here: the consent given at the start holds
    if not outcome.ok:
        raise NextStepError(outcome.report.sentence("en"), hint=outcome.report.detail or "")
    return outcome


@dataclass
class ReturnResult:
    """What a headless return visit prints (no passphrase: the person already has it)."""

    previous_version: int
    version: int
    check: str
    documents: int
    pages_added: int
    bundle: str


def run_returning(
    settings: config.Settings,
    *,
    drive: str,
    passphrase: str,
    bundle: str | None = None,
    language: str = "fr",
) -> ReturnResult:
    """A return visit without a screen, for tests and support: read the drive (hostile
    input), check and repair the bundle, open it, add one sample page as a new document and
    write version n+1 through the same :class:`~nextstep.session.Session` path as the kiosk."""
    # Deferred: Session and the demo scanner load OpenCV and pikepdf; open_kiosk must not.
    from nextstep.session import Session, trusted_keys_of
    from scanners.demo import DemoScanner

    key, audit = open_kiosk(settings)
    trusted = trusted_keys_of(settings, key.public_bytes)
    holder = Session.holder_on_drive(settings, drive, bundle=bundle, trusted_keys=trusted)
    session = Session(
        settings, key=key, audit=audit, staff="demo-staff", language=language, holder_id=holder
    )
    try:
        demo_consent(session, language)
        info = session.open_returning(passphrase, drive, bundle=bundle)
        report = session.drive_check
        with DemoScanner() as scanner:
            added = session.capture(scanner).accepted
        session.analyze()
        session.build_bundle()
        written = session.write_to_drive(drive)
        if not written.ok:
            raise NextStepError(written.sentence("en"), hint=written.detail or "")
        pdf = next(n for n in written.written if n.endswith(".pdf"))
        where = session.target.description if session.target is not None else drive
        documents = len(info.manifest.documents) + len(session.documents)
    finally:
        session.end()
    if not verify_log(settings.audit_log, [key.public_bytes]).ok:
        raise NextStepError(
            "The audit log does not verify after the return visit.",
            hint="Run `nextstep audit verify` for details.",
        )
    return ReturnResult(
        previous_version=info.version,
        version=info.version + 1,
        check=report.status.value if report is not None else "",
        documents=documents,
        pages_added=added,
        bundle=f"{pdf} on {where}",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="run a whole headless session on the bundled samples")
    p.add_argument(
        "--drive",
        default=None,
        help="drive folder, image file or /dev/loopN (default ./demo-drive)",
    )
    p.add_argument("--language", default="fr", help="the person's language (default fr)")
    p.add_argument("--edit", action="append", default=[], metavar="ACTION", help=EDIT_HELP)
    p.add_argument(
        "--returning",
        action="store_true",
        help="a return visit: open the bundle on --drive, add one sample page, write version n+1",
    )
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the bundle's passphrase from the first line of stdin (with --returning)",
    )
    p.add_argument(
        "--bundle",
        default=None,
        help="with --returning: which bundle (id, file stem or holder id) when the drive "
        "holds several",
    )
    p.add_argument(
        "--consent",
        default="digitize_store",
        metavar="PURPOSE,...",
        help="the purposes the demo person agrees to (default digitize_store; sharing needs "
        "share_recipient)",
    )
    p.add_argument(
        "--keycard",
        type=Path,
        default=None,
        metavar="PATH",
        help="write the key card PDF there (needs print_keycard in --consent)",
    )
    p.add_argument(
        "--share",
        action="append",
        default=[],
        metavar="CATEGORY",
        help="after the visit, share this category's documents (repeatable; needs --recipient)",
    )
    p.add_argument("--recipient", default="", help="who receives the shared copy")
    p.add_argument(
        "--recipient-service",
        default="",
        metavar="ID",
        help="the recipient's service in the referral directory (e.g. cpas-liege)",
    )
    p.add_argument(
        "--share-drive",
        default=None,
        metavar="DRIVE",
        help="write the shared copy to this second drive instead of the person's",
    )
    p.add_argument(
        "--slip", type=Path, default=None, metavar="PATH", help="save the recipient slip PDF here"
    )
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    settings = config.load(demo=True)
    drive = args.drive or settings.drive
    if args.returning:
        return _cmd_returning(args, settings, drive)
    share = None
    if args.share:
        if not (args.recipient.strip() or args.recipient_service):
            raise NextStepError(
                "A share needs a recipient.",
                hint="Give --recipient NAME and/or --recipient-service ID.",
            )
        share = DemoShare(
            tuple(args.share), args.recipient, args.recipient_service, args.share_drive
        )
    consents = parse_consent(args.consent)
    if share is not None and "share_recipient" not in consents:
        raise NextStepError(
            "Sharing needs the person's share_recipient consent.",
            hint="Add it: --consent digitize_store,share_recipient.",
        )
    edits = [parse_edit(text) for text in args.edit]
    result = run_demo(
        settings,
        drive=drive,
        language=args.language,
        consents=consents,
        share=share,
        edits=edits,
        keycard=args.keycard,
    )
    print(f"Pages: {result.pages} captured, {result.refused} refused")
    for n, category in enumerate(result.categories, 1):
        print(f"Document {n}: {category}")
    print(f"Bundle: {result.bundle}")
    print(
        "Time: "
        + ", ".join(f"{k} {v:.2f}s" for k, v in result.timings.items())
        + f", total {result.total:.2f}s"
    )
    print(f"Audit log: {result.audit_entries} entries, verified")
    if args.keycard is not None:
        print(f"Key card: {args.keycard}")
    print(f"Passphrase: {result.passphrase}")
    if result.share is not None:
        _print_share(result.share, args, drive)
    if result.share_error is not None:
        err = result.share_error
        print(f"nextstep: nothing was shared: {err.message}", file=sys.stderr)
        if err.hint:
            print(f"  {err.hint}", file=sys.stderr)
        return 2
    return 0


def _print_share(outcome: ShareOutcome, args: argparse.Namespace, drive: str) -> None:
    base = args.share_drive or drive
    where = (
        str(Path(base) / outcome.pdf_name)
        if Path(base).is_dir()
        else f"{outcome.pdf_name} on {outcome.where}"
    )
    print(
        f"Shared: {outcome.record.documents} document(s), {outcome.pages} page(s) "
        f"({', '.join(sorted(set(outcome.record.categories)))})"
    )
    print(f"Share: {where}")
    if args.slip is not None:
        write_new(args.slip, outcome.slip_pdf, mode=0o600)
        print(f"Slip: {args.slip}")
    print(f"Share passphrase: {outcome.passphrase}")


def _cmd_returning(args: argparse.Namespace, settings: config.Settings, drive: str) -> int:
    if not args.passphrase_stdin:
        raise NextStepError(
            "A return visit needs the bundle's passphrase.",
            hint="Give it on stdin with --passphrase-stdin.",
        )
    phrase = sys.stdin.readline().strip()
    if not phrase:
        raise NextStepError("The passphrase is empty.", hint="Type the key card's digits.")
    try:
        result = run_returning(
            settings, drive=drive, passphrase=phrase, bundle=args.bundle, language=args.language
        )
    except SeveralBundlesOnDrive as exc:
        print(f"{exc.message} {exc.hint}", file=sys.stderr)
        for b in exc.bundles:
            print(
                f"  --bundle {b.bundle_id}  version {b.version}, {b.created}, "
                f"holder {b.holder_id}, kiosk {b.kiosk_id}",
                file=sys.stderr,
            )
        return 2
    print(f"Check: {result.check}")
    print(f"Previous version: {result.previous_version}")
    print(f"Pages added: {result.pages_added}, documents now {result.documents}")
    print(f"Bundle: {result.bundle}")
    print(f"Version: {result.version}")
    return 0
