"""Preflight: probe every tool and device the kiosk depends on, without running any work.

Probing is separate from running (a probe only asks "is it here, which version, which
languages?"), so the kiosk's first screen and ``nextstep preflight`` can say, per item, either
"ready" or the exact fix (usually the Debian package to install).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from nextstep.config import Settings


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""
    required: bool = True


def _tool(name: str, package: str, *, required: bool, purpose: str) -> Check:
    path = shutil.which(name)
    if path:
        return Check(name, True, f"{purpose}: {path}", required=required)
    return Check(
        name,
        False,
        f"{purpose}: `{name}` is missing.",
        fix=f"sudo apt-get install {package}",
        required=required,
    )


def run_checks(settings: Settings) -> list[Check]:
    """Every check, in the order the preflight screen shows them."""
    from nextstep.understanding.tesseract import probe_tesseract

    checks: list[Check] = []
    probe = probe_tesseract((*settings.ocr_languages, "osd"))
    checks.append(Check("tesseract", probe.ok, probe.message, fix=probe.fix))
    checks.append(_tool("qpdf", "qpdf", required=False, purpose="bundle checks"))
    checks.append(_tool("lp", "cups-client", required=False, purpose="key-card printing"))
    try:
        from scanners.protocol import probe_all

        for backend in probe_all():
            checks.append(
                Check(
                    f"scanner:{backend.name}",
                    backend.available,
                    backend.detail,
                    fix=backend.fix,
                    required=False,
                )
            )
    except ImportError:  # pragma: no cover - scanners always ship probe_all
        pass
    from nextstep.conservation import probe as par2_probe
    from nextstep.referral import probe_fonts

    par2 = par2_probe()
    checks.append(Check("par2", par2.ok, par2.message, fix=par2.fix, required=False))
    fonts = probe_fonts()
    checks.append(Check("fonts", fonts.ok, fonts.message, fix=fonts.fix, required=False))
    key_ok = settings.key_path.exists()
    checks.append(
        Check(
            "kiosk key",
            key_ok,
            f"signing key {'present' if key_ok else 'missing'}: {settings.key_path}",
            fix="" if key_ok else "nextstep init",
        )
    )
    if settings.audit_log.exists() and key_ok:
        from crypto.keys import load_private
        from nextstep.audit.verify import UNSEALED, verify_log

        report = verify_log(settings.audit_log, [load_private(settings.key_path).public_bytes])
        # Entries after the last checkpoint alone mean an interrupted session: the kiosk logs
        # and seals them when it opens the log (AuditLog.seal_open_end); anything else is not ok.
        serious = [p for p in report.problems if p.kind != UNSEALED]
        unsealed = len(report.problems) - len(serious)
        detail = "verified" if not serious else f"{len(serious)} problems"
        if unsealed and not serious:
            detail += "; an interrupted session's entries will be sealed and logged at start"
        checks.append(
            Check(
                "audit log",
                not serious,
                f"{report.entries} entries, {detail}",
                fix="" if not serious else "nextstep audit verify (then call the DPO)",
            )
        )
    else:
        checks.append(Check("audit log", True, "new log (created at the first session)"))
    return checks
