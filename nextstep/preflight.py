"""Preflight: probe every tool and device the kiosk depends on, without running any work.

Probing is separate from running (a probe only asks "is it here, which version, which
languages?"), so the kiosk's first screen and ``nextstep preflight`` can say, per item, either
"ready" or the exact fix (usually the Debian package to install).
"""

from __future__ import annotations

import dataclasses
import shutil

from crypto.keys import load_private
from nextstep.audit.verify import UNSEALED, verify_log
from nextstep.config import Settings
from nextstep.conservation import probe as par2_probe
from nextstep.diskcrypt import probe as probe_disk
from nextstep.referral import probe_fonts
from nextstep.understanding.tesseract import probe_tesseract
from scanners.probe import ToolProbe
from scanners.protocol import probe_all


def _tool(name: str, package: str, *, required: bool, purpose: str) -> ToolProbe:
    path = shutil.which(name)
    if path:
        return ToolProbe(name, True, f"{purpose}: {path}", required=required)
    return ToolProbe(
        name,
        False,
        f"{purpose}: `{name}` is missing.",
        fix=f"sudo apt-get install {package}",
        required=required,
    )


def run_checks(settings: Settings) -> list[ToolProbe]:
    """Every check, in the order the preflight screen shows them."""
    checks: list[ToolProbe] = []
    checks.append(probe_tesseract((*settings.ocr_languages, "osd")))
    checks.append(_tool("qpdf", "qpdf", required=False, purpose="bundle checks"))
    checks.append(_tool("lp", "cups-client", required=False, purpose="key-card printing"))
    # No single scanner backend is required: one working source is enough to start.
    checks.extend(
        dataclasses.replace(backend, name=f"scanner:{backend.name}", required=False)
        for backend in probe_all()
    )
    checks.append(par2_probe())
    checks.append(probe_fonts())
    key_ok = settings.key_path.exists()
    checks.append(
        ToolProbe(
            "kiosk key",
            key_ok,
            f"signing key {'present' if key_ok else 'missing'}: {settings.key_path}",
            fix="" if key_ok else "nextstep init",
        )
    )
    if settings.audit_log.exists() and key_ok:
        report = verify_log(settings.audit_log, [load_private(settings.key_path).public_bytes])
        # Entries after the last checkpoint alone mean an interrupted session: the kiosk logs
        # and seals them when it opens the log (AuditLog.seal_open_end); anything else is not ok.
        serious = [p for p in report.problems if p.kind != UNSEALED]
        unsealed = len(report.problems) - len(serious)
        detail = "verified" if not serious else f"{len(serious)} problems"
        if unsealed and not serious:
            detail += "; an interrupted session's entries will be sealed and logged at start"
        checks.append(
            ToolProbe(
                "audit log",
                not serious,
                f"{report.entries} entries, {detail}",
                fix="" if not serious else "nextstep audit verify (then call the DPO)",
            )
        )
    else:
        checks.append(ToolProbe("audit log", True, "new log (created at the first session)"))
    checks.append(data_encryption_check(settings))
    return checks


def data_encryption_check(settings: Settings) -> ToolProbe:
    """A warning (not a refusal) when the data directory is not on a dm-crypt volume."""
    found = probe_disk(settings.data_dir)
    return ToolProbe(
        "data disk encryption",
        found.encrypted,
        f"data directory {found.detail}",
        fix="" if found.encrypted else "put the data directory on a LUKS volume (docs/deploy.md)",
        required=False,
    )
