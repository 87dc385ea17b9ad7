"""Protect a bundle with PAR2 recovery files, then check and repair it on any later visit.

Policy (justified in docs/conservation.md):

* blocks of a multiple of 4 KiB, about 256 per bundle, so a dead flash page or sector damages
  one block and not two, and so repair cost stays small;
* 110 % recovery blocks: 100 % is what rebuilding a *deleted or lost* bundle requires, the 10 %
  on top tolerates a few damaged recovery blocks at the same time;
* spread over four equal volume files, so losing one of them still leaves full repair
  possible for any damage up to 82 % of the bundle.

Files are named ``<bundle>.par2`` and ``<bundle>.volNNN+MMM.par2`` beside the bundle, so that
``par2 r <bundle>.par2`` on any machine repairs it without NextStep.
"""

from __future__ import annotations

import enum
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from nextstep.conservation import par2format
from nextstep.conservation.par2tool import (
    ConservationError,
    Par2Result,
    Par2Tool,
    RecoveryTool,
    probe,
)
from nextstep.drives import hostile
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.fsio import write_atomic

BLOCK_ALIGN = 4096
TARGET_BLOCKS = 256
REDUNDANCY_PERCENT = 110
VOLUMES = 4
MAX_LISTED_RANGES = 12


class CheckStatus(enum.Enum):
    INTACT = "intact"
    REPAIRED = "repaired"
    MISSING_REPAIRED = "missing_repaired"
    DAMAGED_REPAIRABLE = "damaged_repairable"  # repair was not asked for, or par2 is missing
    MISSING_REPAIRABLE = "missing_repairable"
    DAMAGED_UNREPAIRABLE = "damaged_unrepairable"
    MISSING_UNREPAIRABLE = "missing_unrepairable"
    REPAIR_FAILED = "repair_failed"
    NO_RECOVERY_DATA = "no_recovery_data"
    RECOVERY_UNREADABLE = "recovery_unreadable"
    NOT_FOUND = "not_found"

    @property
    def usable(self) -> bool:
        """The bundle on the drive is now byte-identical to the protected one."""
        return self in {CheckStatus.INTACT, CheckStatus.REPAIRED, CheckStatus.MISSING_REPAIRED}


@dataclass
class CheckReport:
    """What a check found and did, in words for a person and in numbers for the audit log."""

    status: CheckStatus
    message: str
    lost: list[str] = field(default_factory=list)
    hint: str = ""
    blocks_total: int = 0
    blocks_damaged: int = 0
    recovery_available: int = 0
    recovery_expected: int = 0
    damaged_ranges: list[tuple[int, int]] = field(default_factory=list)
    recovery_rewritten: bool = False
    par2_used: bool = False

    def audit_fields(self) -> dict[str, object]:
        """Counts only: safe for the audit log (no name, no content, no file path)."""
        return {
            "status": self.status.value,
            "blocks_total": self.blocks_total,
            "blocks_damaged": self.blocks_damaged,
            "recovery_available": self.recovery_available,
            "recovery_expected": self.recovery_expected,
            "recovery_rewritten": self.recovery_rewritten,
        }


def block_size_for(length: int) -> int:
    """About TARGET_BLOCKS blocks, each a multiple of 4 KiB (flash pages and FAT clusters)."""
    per_block = -(-max(length, 1) // TARGET_BLOCKS)
    return max(BLOCK_ALIGN, -(-per_block // BLOCK_ALIGN) * BLOCK_ALIGN)


def recovery_blocks_for(source_blocks: int) -> int:
    return max(source_blocks + 1, -(-source_blocks * REDUNDANCY_PERCENT // 100))


def _check_name(name: str) -> None:
    if not name or name != Path(name).name or name.startswith((".", "-")):
        raise ConservationError(
            f"The bundle file name {name!r} cannot carry recovery data.",
            hint="Use the bundle's plain file name, without a folder.",
        )


def _default_tool() -> RecoveryTool:
    return Par2Tool()


def recovery_file_names(name: str, names: list[str]) -> list[str]:
    """Which of ``names`` are recovery files of bundle ``name`` (index first)."""
    pattern = re.compile(re.escape(name) + r"(\.vol\d+\+\d+)?\.par2")
    found = [n for n in names if pattern.fullmatch(n)]
    return sorted(found, key=lambda n: (n != f"{name}.par2", n))


def recovery_paths(bundle_path: Path) -> list[Path]:
    folder = bundle_path.parent
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in recovery_file_names(bundle_path.name, names)]


def recovery_files(
    name: str, data: bytes, *, tool: RecoveryTool | None = None, tmp_root: Path | None = None
) -> dict[str, bytes]:
    """PAR2 recovery files for a bundle called ``name`` holding ``data``, as ``{name: bytes}``.

    ``par2`` needs real files, so the (already encrypted) bundle is written into a private
    temporary folder (mode 0700, file 0600) that is removed before returning; nothing in clear
    ever goes there. The result can be handed to the drive writer together with the bundle.
    """
    _check_name(name)
    if not data:
        raise ConservationError("An empty bundle cannot be protected.", hint="Build it again.")
    tool = tool or _default_tool()
    block = block_size_for(len(data))
    source_blocks = -(-len(data) // block)
    recovery = recovery_blocks_for(source_blocks)
    with tempfile.TemporaryDirectory(prefix="nextstep-par2-", dir=tmp_root) as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o700)
        fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        tool.create(
            folder,
            name,
            block_size=block,
            recovery_blocks=recovery,
            volumes=min(VOLUMES, recovery),
        )
        names = recovery_file_names(name, os.listdir(folder))
        if f"{name}.par2" not in names:
            raise ConservationError("The par2 tool wrote no recovery index.")
        return {n: (folder / n).read_bytes() for n in names}


def protect(bundle_path: Path, *, tool: RecoveryTool | None = None) -> list[Path]:
    """Create (or replace) the recovery files beside ``bundle_path``; return their paths.

    New files are written atomically first, then recovery files of an older version of the
    bundle are removed, so an interruption never leaves the bundle without recovery data.
    """
    bundle_path = Path(bundle_path)
    try:
        data = hostile.read_file(bundle_path, hostile.FileKind.PDF)
    except DriveError as exc:
        raise ConservationError(
            f"The bundle {bundle_path.name} cannot be read ({exc.detail}).",
            hint="Check that the drive is plugged in and the path is right.",
        ) from exc
    files = recovery_files(bundle_path.name, data, tool=tool)
    old = set(recovery_paths(bundle_path))
    written: list[Path] = []
    for fname, content in files.items():
        target = bundle_path.parent / fname
        write_atomic(target, content, mode=0o644)
        written.append(target)
    for stale in old - set(written):
        stale.unlink(missing_ok=True)
    return written


def _describe_ranges(ranges: list[tuple[int, int]], length: int) -> list[str]:
    lines = [
        f"bytes {start}-{end - 1} ({end - start} bytes, {100 * (end - start) / max(length, 1):.1f}%"
        " of the bundle)"
        for start, end in ranges[:MAX_LISTED_RANGES]
    ]
    if len(ranges) > MAX_LISTED_RANGES:
        lines.append(f"and {len(ranges) - MAX_LISTED_RANGES} more damaged ranges")
    return lines


def _par2_backups(bundle_path: Path) -> set[Path]:
    pattern = re.compile(re.escape(bundle_path.name) + r"\.\d+")
    try:
        names = os.listdir(bundle_path.parent)
    except OSError:
        return set()
    return {bundle_path.parent / n for n in names if pattern.fullmatch(n)}


def _read(path: Path) -> bytes | None:
    try:
        return hostile.read_file(path, hostile.FileKind.PDF)
    except DriveError:
        return None  # missing, or unreadable sectors: treated like a missing file


def _refuse_non_files(paths: list[Path]) -> None:
    """The bundle and its recovery files must be plain files: par2 follows links and would
    read (or repair over) whatever a link on the drive points to."""
    for path in paths:
        kind = hostile.entry_type(path)
        if kind not in (None, "file"):
            raise DriveError(DriveStatus.NOT_A_FILE, f"{path.name} is {hostile.describe(kind)}")


def check(
    bundle_path: Path,
    *,
    repair: bool = True,
    tool: RecoveryTool | None = None,
    tool_factory: Callable[[], RecoveryTool] | None = None,
) -> CheckReport:
    """Check ``bundle_path`` against its recovery data; repair in place when asked and possible.

    Our own PAR2 reader says which blocks are damaged (for a precise report); the standard
    ``par2`` tool gives the verdict and does the repair. When ``par2`` is missing the check
    still reports, and says how to install it to repair. After a repair, or when the recovery
    files themselves were damaged, fresh recovery files are written.
    """
    bundle_path = Path(bundle_path)
    name = bundle_path.name
    rec = recovery_paths(bundle_path)
    _refuse_non_files([bundle_path, *rec])
    exists = hostile.entry_type(bundle_path) == "file"
    if not rec:
        if exists:
            return CheckReport(
                CheckStatus.NO_RECOVERY_DATA,
                f"The bundle {name} has no recovery data beside it, so damage cannot be "
                "detected or repaired by this check.",
                hint="Check its signature with 'nextstep bundle verify'; the kiosk can add "
                "recovery data on the next visit.",
            )
        return CheckReport(
            CheckStatus.NOT_FOUND,
            f"Neither the bundle {name} nor its recovery data is on this drive.",
            hint="Check the drive and the file name; a backup drive may hold a copy.",
        )
    rset = par2format.read_recovery_set(rec)
    if rset is None or rset.source.name != name:
        return CheckReport(
            CheckStatus.RECOVERY_UNREADABLE,
            f"The recovery files of {name} are too damaged to be used"
            if rset is None
            else f"The recovery files beside {name} protect another file ({rset.source.name})",
            hint="Check the bundle's signature with 'nextstep bundle verify'.",
        )
    source = rset.source
    data = _read(bundle_path) if exists else None
    blocks = par2format.check_blocks(data, source, rset.block_size)
    full_ok = data is not None and par2format.md5_digest(data) == source.md5
    available = len(rset.recovery_exponents)
    damaged = len(blocks.damaged_blocks)
    report = CheckReport(
        CheckStatus.INTACT,
        "",
        blocks_total=blocks.total_blocks,
        blocks_damaged=damaged,
        recovery_available=available,
        recovery_expected=max(
            rset.expected_recovery_blocks,
            max(rset.recovery_exponents, default=-1) + 1,
            recovery_blocks_for(blocks.total_blocks),
        ),
        damaged_ranges=blocks.damaged_ranges(),
    )
    missing = data is None

    if tool is None and probe().ok:
        tool = (tool_factory or _default_tool)()
    verdict: Par2Result | None = None
    if tool is not None:
        report.par2_used = True
        verdict = tool.verify(bundle_path.parent, rec[0].name)
        intact = verdict is Par2Result.SUCCESS
        repairable = verdict is Par2Result.REPAIR_POSSIBLE
    else:
        intact = full_ok and blocks.intact
        repairable = not intact and damaged <= available

    if intact:
        report.message = f"The bundle {name} is intact."
    elif not repairable:
        needed = max(damaged - available, 1)
        if verdict is not None and verdict not in {
            Par2Result.REPAIR_NOT_POSSIBLE,
            Par2Result.SUCCESS,
            Par2Result.REPAIR_POSSIBLE,
        }:
            report.status = CheckStatus.REPAIR_FAILED
            report.message = (
                f"The bundle {name} could not be checked by par2 (code {int(verdict)})."
            )
            report.hint = "Copy the whole drive to a computer and run 'par2 r' there."
            return report
        report.status = (
            CheckStatus.MISSING_UNREPAIRABLE if missing else CheckStatus.DAMAGED_UNREPAIRABLE
        )
        what = "is missing" if missing else "is damaged beyond repair"
        report.message = (
            f"The bundle {name} {what}: {damaged} of {blocks.total_blocks} blocks are lost and "
            f"only {available} recovery blocks are readable ({needed} more would be needed)."
        )
        report.lost = _describe_ranges(report.damaged_ranges, source.length)
        if blocks.actual_length is not None and blocks.actual_length < source.length:
            report.lost.insert(
                0,
                f"the file is cut short: {blocks.actual_length} of {source.length} bytes remain",
            )
        report.hint = (
            "Do not write to this drive. Bring it to the organisation: a backup drive may "
            "hold a copy, and the documents can be scanned again."
        )
        return report
    elif not repair or tool is None:
        report.status = (
            CheckStatus.MISSING_REPAIRABLE if missing else CheckStatus.DAMAGED_REPAIRABLE
        )
        state = (
            "is missing" if missing else f"is damaged ({damaged} of {blocks.total_blocks} blocks)"
        )
        report.message = f"The bundle {name} {state} and can be fully repaired."
        report.hint = (
            "Install par2 (apt-get install par2) and run the check again, or run "
            f"'par2 r {rec[0].name}' in the drive's folder."
            if tool is None
            else "Run the check again with repair allowed."
        )
        return report
    else:
        before = _par2_backups(bundle_path)
        result = tool.repair(bundle_path.parent, rec[0].name)
        repaired = _read(bundle_path)
        if (
            result is not Par2Result.SUCCESS
            or repaired is None
            or par2format.md5_digest(repaired) != source.md5
        ):
            report.status = CheckStatus.REPAIR_FAILED
            report.message = f"Repairing the bundle {name} failed (par2 code {int(result)})."
            report.hint = "Do not write to this drive; bring it to the organisation."
            return report
        for backup in _par2_backups(bundle_path) - before:
            backup.unlink(missing_ok=True)  # the damaged copy par2 kept aside
        report.status = CheckStatus.MISSING_REPAIRED if missing else CheckStatus.REPAIRED
        what = "was missing" if missing else f"had {damaged} damaged blocks"
        report.message = f"The bundle {name} {what} and has been fully repaired."

    recovery_damaged = available < report.recovery_expected or rset.damaged_packets > 0
    if recovery_damaged:
        if repair and tool is not None:
            protect(bundle_path, tool=tool)
            report.recovery_rewritten = True
            report.message += " Its damaged recovery data was written again."
        else:
            report.message += " Part of its recovery data is damaged."
            report.hint = "Run the check with repair allowed to write fresh recovery data."
    return report
