"""Conservation: PAR2 recovery data beside each bundle, and a check that repairs what it can.

Public API (used by the bundle, drives and session code)::

    protect(bundle_path) -> list[Path]            # write recovery files beside the bundle
    recovery_files(name, data) -> dict[str, bytes]  # the same, in memory, for write_bundle()
    check(bundle_path, *, repair=True) -> CheckReport
    probe() -> scanners.probe.ToolProbe            # preflight: is par2 installed?
"""

from __future__ import annotations

from nextstep.conservation.par2tool import (
    ConservationError,
    Par2Result,
    Par2Tool,
    RecoveryTool,
    probe,
)
from nextstep.conservation.recovery import (
    CheckReport,
    CheckStatus,
    check,
    protect,
    recovery_file_names,
    recovery_files,
    recovery_paths,
)

__all__ = [
    "CheckReport",
    "CheckStatus",
    "ConservationError",
    "Par2Result",
    "Par2Tool",
    "RecoveryTool",
    "check",
    "probe",
    "protect",
    "recovery_file_names",
    "recovery_files",
    "recovery_paths",
]
