"""Preflight aggregation for the first screen: the domain's checks plus the kiosk's own
(drive target, staff file). Kept in kiosk/ because it only assembles what nextstep probes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.i18n import _
from kiosk.services import Kiosk


@dataclass(frozen=True)
class Row:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True


def preflight(kiosk: Kiosk) -> list[Row]:
    rows: list[Row] = []
    if kiosk.settings.demo:
        kiosk.open()  # demo mode creates its kiosk key on first start
    try:
        from nextstep.preflight import run_checks

        checks: list[Any] = run_checks(kiosk.settings)
    except ImportError as exc:  # a piece of the domain is not installed
        checks = [Row("nextstep", False, str(exc), "./dev.sh setup")]
    for c in checks:
        rows.append(
            Row(
                str(c.name),
                bool(c.ok),
                str(c.detail),
                str(c.fix),
                bool(getattr(c, "required", True)),
            )
        )
    spec = kiosk.drive_spec
    if spec and not spec.startswith("/dev/"):
        path = Path(spec)
        ok = path.is_dir() or path.is_file() or path.parent.is_dir()
        rows.append(
            Row(
                _("drive"),
                ok,
                _("demo drive: {path}").format(path=spec),
                "" if ok else f"mkdir -p {spec}",
                required=False,
            )
        )
    else:
        rows.append(
            Row(
                _("drive"),
                True,
                _("USB drives detected when the bundle is written"),
                required=False,
            )
        )
    try:
        names = kiosk.staff_store.names
        rows.append(
            Row(
                _("staff"),
                bool(names),
                _("{n} staff member(s) enrolled").format(n=len(names)),
                "" if names else "nextstep kiosk --enroll ID",
            )
        )
    except Exception as exc:  # noqa: BLE001 - a probe reports, never raises
        rows.append(
            Row(_("staff"), False, str(getattr(exc, "message", exc)), str(getattr(exc, "hint", "")))
        )
    return rows


def move_page(document: Any, source: int, target: int) -> None:
    """Reorder a document's pages, keeping each page's OCR beside it (order is not logged:
    it changes nothing the audit log records)."""
    for seq in (document.pages, document.ocr):
        if len(seq) > max(source, target):
            seq.insert(target, seq.pop(source))


def drive_status(kiosk: Kiosk) -> Any:
    """Is the person's drive there? READY or the reason it is not (no write happens)."""
    from nextstep.drives.status import DriveStatus

    spec = kiosk.drive_spec
    if spec == "":
        from nextstep.drives.detect import scan, situation

        return situation(scan(allow_loop=kiosk.settings.drive_allow_loop))
    if spec.startswith("/dev/"):
        return DriveStatus.READY if Path(spec).exists() else DriveStatus.NO_DEVICE
    path = Path(spec)
    if path.is_file() and not kiosk.settings.drive_allow_loop:
        return DriveStatus.LOOP_POLICY
    return DriveStatus.READY if (path.exists() or path.parent.is_dir()) else DriveStatus.NO_DEVICE


def print_keycard(pdf: bytes, printer: str) -> None:
    """Send the key card to the CUPS queue through stdin (never a file on disk: it holds the
    passphrase)."""
    import shutil
    import subprocess

    from nextstep.errors import NextStepError

    lp = shutil.which("lp")
    if lp is None:
        raise NextStepError(
            "The printing program is missing.",
            hint="Install cups-client, or copy the passphrase by hand.",
        )
    done = subprocess.run(
        [lp, "-d", printer, "-t", "key card", "-"],
        input=pdf,
        capture_output=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        raise NextStepError(
            "The key card could not be printed.",
            hint="Check the printer's paper and power, then press P.",
        )


def merge_with_next(session: Any, index: int) -> None:
    """Join document ``index + 1`` onto document ``index`` (pages, text, deadlines,
    references); the first document's category stays and is marked for review."""
    docs = session.documents
    if not 0 <= index < len(docs) - 1:
        return
    first, second = docs[index], docs[index + 1]
    first.pages.extend(second.pages)
    first.ocr.extend(second.ocr)
    first.deadlines.extend(second.deadlines)
    first.references.extend(second.references)
    first.classification.needs_review = True
    session.drafts = [d for d in session.drafts if d.document is not second]


def split_before(session: Any, index: int, page: int) -> None:
    """Cut document ``index`` before ``page``: the later pages become a new document right
    after it, with the same category marked for review (staff then check it)."""
    import copy

    from nextstep.session import Draft

    docs = session.documents
    if not 0 <= index < len(docs):
        return
    doc = docs[index]
    if not 0 < page < len(doc.pages):
        return
    new = copy.copy(doc)
    new.pages, doc.pages[:] = doc.pages[page:], doc.pages[:page]
    new.ocr, doc.ocr[:] = doc.ocr[page:], doc.ocr[:page]
    new.deadlines = []
    new.references = []
    new.classification = copy.copy(doc.classification)
    new.classification.needs_review = True
    position = next(n for n, d in enumerate(session.drafts) if d.document is doc)
    session.drafts.insert(position + 1, Draft(pages=new.pages, document=new))
