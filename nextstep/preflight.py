"""Preflight: probe every tool and device the kiosk depends on, without running any work.

Probing is separate from running (a probe only asks "is it here, which version, which
languages?"), so the kiosk's first screen and ``nextstep preflight`` can say, per item, either
"ready" or the exact fix (usually the Debian package to install).

Probes write English sentences: the leaves (``scanners``, ``crypto``) cannot import the
domain's catalogues. :func:`shown` translates them at display time, mapping each known probe
sentence (a pattern) to a ``staff`` msgid; commands (``sudo apt-get install …``) and unknown
sentences are shown as they are.
"""

from __future__ import annotations

import dataclasses
import re
import shutil

from crypto.keys import load_private
from nextstep.audit.verify import UNSEALED, verify_log
from nextstep.config import Settings
from nextstep.conservation import probe as par2_probe
from nextstep.diskcrypt import probe as probe_disk
from nextstep.i18n import NS_, staff_text
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


# Words the patterns below capture and translate too (the purposes of the tools checked).
_WORDS = frozenset({NS_("bundle checks"), NS_("key-card printing")})

#: Each probe sentence (English, from the probe's source) and the staff msgid it is shown as.
_SENTENCES: tuple[tuple[str, str], ...] = (
    # scanners.protocol
    (r"(?P<n>\d+) video device\(s\): (?P<devices>.*)", NS_("{n} video device(s): {devices}")),
    (r"No camera is connected\.", NS_("No camera is connected.")),
    (r"Plug in the document camera \(USB\)\.", NS_("Plug in the document camera (USB).")),
    (r"The scanimage program is not installed\.", NS_("The scanimage program is not installed.")),
    (r"Listing scanners failed: (?P<error>.*)", NS_("Listing scanners failed: {error}")),
    (r"Check the scanner's cable and power\.", NS_("Check the scanner's cable and power.")),
    (r"No scanner found by SANE\.", NS_("No scanner found by SANE.")),
    (
        r"Connect and switch on the flatbed scanner\.",
        NS_("Connect and switch on the flatbed scanner."),
    ),
    (r"(?P<n>\d+) scanner\(s\): (?P<names>.*)", NS_("{n} scanner(s): {names}")),
    (r"Missing Python modules: (?P<modules>.*)\.", NS_("Missing Python modules: {modules}.")),
    (r"JPEG, PNG, TIFF, PDF, HEIC readable\.", NS_("JPEG, PNG, TIFF, PDF, HEIC readable.")),
    (
        r"JPEG, PNG, TIFF, PDF \(no HEIC\) readable\.",
        NS_("JPEG, PNG, TIFF, PDF (no HEIC) readable."),
    ),
    (r"(?P<n>\d+) demo page\(s\) available\.", NS_("{n} demo page(s) available.")),
    (r"The demo samples are missing\.", NS_("The demo samples are missing.")),
    (r"Tesseract is not installed\.", NS_("Tesseract is not installed.")),
    (r"Tesseract did not answer: (?P<error>.*)", NS_("Tesseract did not answer: {error}")),
    (
        r"Tesseract orientation detection \(osd\) ready\.",
        NS_("Tesseract orientation detection (osd) ready."),
    ),
    (
        r"Tesseract's orientation data is missing; pages will not be turned\.",
        NS_("Tesseract's orientation data is missing; pages will not be turned."),
    ),
    # nextstep.understanding.tesseract
    (
        r"Tesseract (?P<version>\S*) lacks language data: (?P<languages>.*)\.",
        NS_("Tesseract {version} lacks language data: {languages}."),
    ),
    (
        r"Tesseract (?P<version>\S*) with (?P<languages>.*)\.",
        NS_("Tesseract {version} with {languages}."),
    ),
    # nextstep.conservation.par2tool and nextstep.referral.slips
    (
        r"The par2 tool is not installed, so bundles cannot be protected or repaired\.",
        NS_("The par2 tool is not installed, so bundles cannot be protected or repaired."),
    ),
    (r"Install it: (?P<command>.*)", NS_("Install it: {command}")),
    (
        r"The par2 tool does not run \((?P<error>.*)\)\.",
        NS_("The par2 tool does not run ({error})."),
    ),
    (r"Reinstall par2\.", NS_("Reinstall par2.")),
    (r"par2 is available\.", NS_("par2 is available.")),
    (r"Slip fonts are available\.", NS_("Slip fonts are available.")),
    (
        r"The DejaVu fonts needed to print slips are missing\.",
        NS_("The DejaVu fonts needed to print slips are missing."),
    ),
    (r"Install them: (?P<command>.*)", NS_("Install them: {command}")),
    # this module
    (
        r"(?P<purpose>[a-z -]+): `(?P<name>\S+)` is missing\.",
        NS_("{purpose}: `{name}` is missing."),
    ),
    (r"(?P<purpose>bundle checks|key-card printing): (?P<path>.*)", NS_("{purpose}: {path}")),
    (r"signing key present: (?P<path>.*)", NS_("signing key present: {path}")),
    (r"signing key missing: (?P<path>.*)", NS_("signing key missing: {path}")),
    (r"(?P<entries>\d+) entries, verified", NS_("{entries} entries, verified")),
    (
        r"(?P<entries>\d+) entries, verified; an interrupted session's entries will be sealed "
        r"and logged at start",
        NS_(
            "{entries} entries, verified; an interrupted session's entries will be sealed and "
            "logged at start"
        ),
    ),
    (r"(?P<entries>\d+) entries, (?P<n>\d+) problems", NS_("{entries} entries, {n} problems")),
    (
        r"nextstep audit verify \(then call the DPO\)",
        NS_("nextstep audit verify (then call the DPO)"),
    ),
    (r"new log \(created at the first session\)", NS_("new log (created at the first session)")),
    # nextstep.diskcrypt, behind "data directory"
    (
        r"data directory in memory \((?P<fstype>\S*)\): nothing is written to a disk",
        NS_("data directory in memory ({fstype}): nothing is written to a disk"),
    ),
    (
        r"data directory (?P<source>.*) is not a block device NextStep can inspect",
        NS_("data directory {source} is not a block device NextStep can inspect"),
    ),
    (
        r"data directory on (?P<source>\S*), above the dm-crypt volume (?P<volume>\S*)",
        NS_("data directory on {source}, above the dm-crypt volume {volume}"),
    ),
    (
        r"data directory on (?P<source>\S*), with no dm-crypt layer below it",
        NS_("data directory on {source}, with no dm-crypt layer below it"),
    ),
    (
        r"put the data directory on a LUKS volume \(docs/deploy\.md\)",
        NS_("put the data directory on a LUKS volume (docs/deploy.md)"),
    ),
)
_PATTERNS = tuple((re.compile(pattern, re.DOTALL), msgid) for pattern, msgid in _SENTENCES)


def shown(text: str, language: str) -> str:
    """A check's detail or fix in the staff ``language``: the probe's English sentence mapped
    to its staff msgid (captured values kept, captured purposes translated); commands and
    unknown sentences unchanged."""
    for pattern, msgid in _PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            fields = {
                k: staff_text(language, v) if v in _WORDS else v
                for k, v in found.groupdict().items()
            }
            return staff_text(language, msgid).format(**fields)
    return text
