"""Running counts for the current month, written to the log as one entry when the month ends.

Why: the auditor's report must show how many documents of each category, and consents per
notice language, a period saw, while the log must not link any person to a category or a
language (those go encrypted under the person's key, and erasure destroys them). The kiosk
therefore counts at append time, in ``audit/tally.json`` (no subject, no time, no entry
number), and the first append of a new month writes the finished month as one
``period_totals`` entry without a subject. A month is coarse on purpose: within it, totals
cannot be matched to one visit by time; a month with a single visit still reveals that visit's
categories to someone who also sees the log's times, which docs/gdpr/auditors-guide.md says.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nextstep.audit.bounded import UnreadableFile, read_bounded_text
from nextstep.fsio import fsync_dir

TALLY_FILE = "tally.json"
TALLY_LIMIT = 1024 * 1024
GROUPS = ("documents", "notice_languages", "informed_via")

Counts = dict[str, dict[str, int]]


def period_of(time: str) -> str:
    """The month (``YYYY-MM``) of an entry time."""
    return time[:7]


@dataclass
class Tally:
    period: str = ""
    counts: Counts = field(default_factory=dict)

    def add(self, changes: Mapping[str, Mapping[str, int]]) -> None:
        for group, deltas in changes.items():
            if group not in GROUPS:
                raise ValueError(f"unknown tally group {group!r}")
            bucket = self.counts.setdefault(group, {})
            for key, delta in deltas.items():
                value = max(0, bucket.get(key, 0) + int(delta))
                if value:
                    bucket[key] = value
                else:
                    bucket.pop(key, None)
            if not bucket:
                self.counts.pop(group)


def load(audit_dir: Path) -> Tally:
    """The running tally (empty if none, or if the file is unreadable: counts are advisory)."""
    path = audit_dir / TALLY_FILE
    try:
        data = json.loads(read_bounded_text(path, TALLY_LIMIT, follow_links=False))
        counts = {
            str(g): {str(k): int(v) for k, v in dict(c).items() if int(v) > 0}
            for g, c in dict(data["counts"]).items()
            if g in GROUPS
        }
        return Tally(str(data["period"]), counts)
    except (UnreadableFile, ValueError, KeyError, TypeError, RecursionError):
        return Tally()


def save(audit_dir: Path, tally: Tally) -> None:
    path = audit_dir / TALLY_FILE
    tmp = path.with_name(path.name + ".tmp")
    data = json.dumps({"period": tally.period, "counts": tally.counts}, sort_keys=True).encode()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)
