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
import string

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

# What a field of a probe sentence matches where "anything" would be too loose.
_NUMBER = r"\d+"
_NO_SPACE = r"\S*"


def _sentence(msgid: str, **fields: str) -> tuple[re.Pattern[str], str]:
    """A probe sentence's pattern, made from its msgid: the text as it is, each ``{field}`` a
    named group matching ``fields[field]`` (anything when not given).

    Why: each sentence is written once, as its msgid, so the pattern that recognises the
    probe's English and the msgid it is shown as cannot drift apart."""
    parts: list[str] = []
    for literal, name, _spec, _conversion in string.Formatter().parse(msgid):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(f"(?P<{name}>{fields.get(name, '.*')})")
    return re.compile("".join(parts), re.DOTALL), msgid


#: Each probe sentence (English, from the probe's source) and the staff msgid it is shown as.
_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    # scanners.protocol
    _sentence(NS_("{n} video device(s): {devices}"), n=_NUMBER),
    _sentence(NS_("No camera is connected.")),
    _sentence(NS_("Plug in the document camera (USB).")),
    _sentence(NS_("The scanimage program is not installed.")),
    _sentence(NS_("Listing scanners failed: {error}")),
    _sentence(NS_("Check the scanner's cable and power.")),
    _sentence(NS_("No scanner found by SANE.")),
    _sentence(NS_("Connect and switch on the flatbed scanner.")),
    _sentence(NS_("{n} scanner(s): {names}"), n=_NUMBER),
    _sentence(NS_("Missing Python modules: {modules}.")),
    _sentence(NS_("JPEG, PNG, TIFF, PDF, HEIC readable.")),
    _sentence(NS_("JPEG, PNG, TIFF, PDF (no HEIC) readable.")),
    _sentence(NS_("{n} demo page(s) available."), n=_NUMBER),
    _sentence(NS_("The demo samples are missing.")),
    _sentence(NS_("Tesseract is not installed.")),
    _sentence(NS_("Tesseract did not answer: {error}")),
    _sentence(NS_("Tesseract orientation detection (osd) ready.")),
    _sentence(NS_("Tesseract's orientation data is missing; pages will not be turned.")),
    # nextstep.understanding.tesseract
    _sentence(NS_("Tesseract {version} lacks language data: {languages}."), version=_NO_SPACE),
    _sentence(NS_("Tesseract {version} with {languages}."), version=_NO_SPACE),
    # nextstep.conservation.par2tool and nextstep.referral.slips
    _sentence(NS_("The par2 tool is not installed, so bundles cannot be protected or repaired.")),
    _sentence(NS_("Install it: {command}")),
    _sentence(NS_("The par2 tool does not run ({error}).")),
    _sentence(NS_("Reinstall par2.")),
    _sentence(NS_("par2 is available.")),
    _sentence(NS_("Slip fonts are available.")),
    _sentence(NS_("The DejaVu fonts needed to print slips are missing.")),
    _sentence(NS_("Install them: {command}")),
    # this module
    _sentence(NS_("{purpose}: `{name}` is missing."), purpose=r"[a-z -]+", name=r"\S+"),
    _sentence(NS_("{purpose}: {path}"), purpose=r"bundle checks|key-card printing"),
    _sentence(NS_("signing key present: {path}")),
    _sentence(NS_("signing key missing: {path}")),
    _sentence(NS_("{entries} entries, verified"), entries=_NUMBER),
    _sentence(
        NS_(
            "{entries} entries, verified; an interrupted session's entries will be sealed and "
            "logged at start"
        ),
        entries=_NUMBER,
    ),
    _sentence(NS_("{entries} entries, {n} problems"), entries=_NUMBER, n=_NUMBER),
    _sentence(NS_("nextstep audit verify (then call the DPO)")),
    _sentence(NS_("new log (created at the first session)")),
    # nextstep.diskcrypt, behind "data directory"
    _sentence(
        NS_("data directory in memory ({fstype}): nothing is written to a disk"), fstype=_NO_SPACE
    ),
    _sentence(NS_("data directory {source} is not a block device NextStep can inspect")),
    _sentence(
        NS_("data directory on {source}, above the dm-crypt volume {volume}"),
        source=_NO_SPACE,
        volume=_NO_SPACE,
    ),
    _sentence(NS_("data directory on {source}, with no dm-crypt layer below it"), source=_NO_SPACE),
    _sentence(NS_("put the data directory on a LUKS volume (docs/deploy.md)")),
)


def shown(text: str, language: str) -> str:
    """A check's detail or fix in the staff ``language``: the probe's English sentence mapped
    to its staff msgid (captured values kept, captured purposes translated); commands and
    unknown sentences unchanged."""
    for pattern, msgid in _SENTENCES:
        found = pattern.fullmatch(text)
        if found:
            fields = {
                k: staff_text(language, v) if v in _WORDS else v
                for k, v in found.groupdict().items()
            }
            return staff_text(language, msgid).format(**fields)
    return text
