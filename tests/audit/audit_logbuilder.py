"""A small, realistic kiosk log shared by the audit tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crypto import keys
from crypto.keys import KioskKey
from nextstep import consent
from nextstep.audit import AuditLog, events

HOLDERS = ["hold-" + c * 24 for c in "abc"]


@dataclass
class Built:
    path: Path
    key: KioskKey
    checkpoints: list[str]  # the auditor's held copies, oldest first
    sizes: list[int]


def build_log(folder: Path, key: KioskKey | None = None, sessions: int = 3) -> Built:
    key = key or keys.generate()
    path = folder / "audit" / "log.jsonl"
    held: list[str] = []
    sizes: list[int] = []
    with AuditLog(path, key, "test-kiosk", sync=False) as log:
        for i in range(sessions):
            holder = HOLDERS[i % len(HOLDERS)]
            log.append(
                events.SESSION_START,
                staff="anna",
                subject_holder_id=holder,
                details={"session": f"s{i}"},
            )
            consent.give(
                log,
                holder_id=holder,
                staff="anna",
                language="fr",
                choices={p: p == consent.DIGITIZE for p in consent.PURPOSE_IDS},
            )
            for page in range(2):
                log.append(
                    events.PAGE_CAPTURED,
                    staff="anna",
                    subject_holder_id=holder,
                    details={"pages": 1},
                    private={"file_name": f"page{page}.jpg"},
                )
            log.append(
                events.DOCUMENT_CLASSIFIED,
                staff="anna",
                subject_holder_id=holder,
                details={"pages": 2},
                private={"category": "housing"},
                tally={"documents": {"housing": 1}},
            )
            log.append(
                events.BUNDLE_WRITTEN,
                staff="anna",
                subject_holder_id=holder,
                details={"bundle": f"b{i}"},
            )
            log.append(events.SESSION_END, staff="anna", subject_holder_id=holder)
            held.append(log.checkpoint("session_end"))
            sizes.append(log.size)
    return Built(path, key, held, sizes)
