"""``nextstep demo``: a whole headless session on the bundled samples, with real components.

It is the foundation's proof that the layers fit: consent, capture through the demo scanner,
page processing, Tesseract OCR, classification, one encrypted signed bundle written atomically
to a drive folder (or image) and re-read, every step in the audit log, the log verified.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from crypto import keys
from nextstep import config
from nextstep.errors import NextStepError

if TYPE_CHECKING:
    from nextstep.audit.log import AuditLog


def kiosk_id(settings: config.Settings, key: keys.KioskKey) -> str:
    """A stable, non-personal kiosk identifier: configured name plus key fingerprint."""
    return f"{settings.kiosk_name}-{key.public_bytes.hex()[:8]}"


def open_kiosk(settings: config.Settings) -> tuple[keys.KioskKey, AuditLog]:
    """Load (or create, on first use) the kiosk key and open its audit log."""
    from nextstep.audit.log import AuditLog

    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    key, _ = keys.load_or_create(settings.key_path)
    settings.public_key_path.write_text(key.public_bytes.hex() + "\n")
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


def run_demo(settings: config.Settings, *, drive: str, language: str = "fr") -> DemoResult:
    """Run the session; return the summary (the passphrase included, for the printout only)."""
    from nextstep import consent
    from nextstep.audit.verify import verify_log
    from nextstep.session import Session
    from scanners.demo import DemoScanner

    started = time.perf_counter()
    key, audit = open_kiosk(settings)
    session = Session(settings, key=key, audit=audit, staff="demo-staff", language=language)
    session.give_consent(
        {p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
        informed="screen",
    )
    scanner = DemoScanner()
    refused = 0
    with scanner:
        for _ in range(scanner.documents):
            refused += len(session.capture(scanner).refused)
    documents = session.analyze()
    bundle = session.build_bundle()
    report = session.write_to_drive(drive)
    if not report.ok:
        raise NextStepError(report.sentence("en"), hint=report.detail or "")
    pages = sum(len(d.pages) for d in documents)
    categories = [d.classification.category for d in documents]
    written = [n for n in report.written if n.endswith(".pdf")]
    where = session.target.description if session.target is not None else drive
    ejected = session.eject()
    timings = dict(session.timer.seconds)
    checkpoint = session.end()
    t0 = time.perf_counter()
    verdict = verify_log(settings.audit_log, [key.public_bytes])
    timings["audit verify"] = time.perf_counter() - t0
    if not verdict.ok:
        raise NextStepError(
            "The audit log does not verify after the demo session.",
            hint="Run `nextstep audit verify` for details.",
        )
    bundle_where = (
        str(Path(drive) / written[0]) if Path(drive).is_dir() else f"{written[0]} on {where}"
    )
    return DemoResult(
        pages=pages,
        refused=refused,
        categories=categories,
        bundle=bundle_where,
        ejected=ejected.value,
        timings=timings,
        total=time.perf_counter() - started,
        passphrase=bundle.passphrase,
        audit_entries=verdict.entries,
        checkpoint=checkpoint,
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help="run a whole headless session on the bundled samples")
    p.add_argument(
        "--drive",
        default=None,
        help="drive folder, image file or /dev/loopN (default ./demo-drive)",
    )
    p.add_argument("--language", default="fr", help="the person's language (default fr)")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    settings = config.load(demo=True)
    drive = args.drive or settings.drive
    result = run_demo(settings, drive=drive, language=args.language)
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
    print(f"Passphrase: {result.passphrase}")
    return 0
