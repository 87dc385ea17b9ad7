"""Retention (docs/gdpr/retention.md): what is older than the period goes, the rest verifies.

Two steps, both logged:

1. **Subject keys.** A person whose last entry is older than the period has their key
   destroyed, as for an erasure request (``erasure`` entry with ``reason: retention``): every
   private payload about them (categories, languages, bundle ids) becomes unreadable.
2. **Old entries.** The oldest part of the log, up to the last checkpoint older than the period
   at which no session was open, is sealed (nextstep.audit.seal): the entries are removed and
   only their hashes and the kiosk's signed checkpoint over them stay, so stored checkpoints,
   witness cosignatures and proofs on people's drives keep verifying.

``plan`` only looks; ``apply`` acts. The clock is a parameter so tests can move through years.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from nextstep.audit import entry as entry_mod
from nextstep.audit import events
from nextstep.audit.log import AuditLog, checkpoint_dir
from nextstep.errors import NextStepError


@dataclass(frozen=True)
class RetentionPlan:
    cutoff: str  # entry time format: anything strictly before is expired
    expired_subjects: list[str] = field(default_factory=list)  # pseudonyms
    seal_size: int = 0  # seal entries before this one (0 or first_seq: nothing to seal)
    first_seq: int = 0

    @property
    def entries_to_seal(self) -> int:
        return max(0, self.seal_size - self.first_seq)


def cutoff_for(now: datetime, years: int) -> datetime:
    if years < 1:
        raise NextStepError(
            f"A retention period of {years} years is not allowed.",
            hint="Set retention_years to 1 or more in the configuration.",
        )
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now.replace(year=now.year - years, day=28)


def plan(log: AuditLog, *, now: datetime, years: int) -> RetentionPlan:
    cutoff = entry_mod.format_time(cutoff_for(now, years))
    last_seen: dict[str, str] = {}
    open_sessions: set[str] = set()
    seal_size = log.first_seq
    folder = checkpoint_dir(log.path)
    for e in log.entries():
        if e.subject is not None:
            last_seen[e.subject] = e.time
        session = e.details.get("session") if isinstance(e.details, dict) else None
        if e.event == events.SESSION_START and isinstance(session, str):
            open_sessions.add(f"{e.subject}/{session}")
        elif e.event == events.SESSION_END and isinstance(session, str):
            open_sessions.discard(f"{e.subject}/{session}")
        if (
            e.event == events.CHECKPOINT
            and e.time < cutoff
            and not open_sessions
            and (folder / f"{e.seq + 1:012d}.txt").is_file()
        ):
            seal_size = e.seq + 1
    expired = sorted(
        subject for subject in _subjects_with_keys(log) if last_seen.get(subject, "") < cutoff
    )
    return RetentionPlan(cutoff, expired, seal_size, log.first_seq)


def _subjects_with_keys(log: AuditLog) -> list[str]:
    folder = log.keys.directory
    if not folder.is_dir():
        return []
    return [p.stem for p in folder.iterdir() if p.suffix == ".key" and p.is_file()]


@dataclass(frozen=True)
class RetentionResult:
    keys_destroyed: int
    entries_sealed: int


def apply(log: AuditLog, chosen: RetentionPlan, *, staff: str | None = None) -> RetentionResult:
    """Destroy the expired keys, seal the old entries, log both and seal the end."""
    for subject in chosen.expired_subjects:
        log.erase_pseudonym(subject, reason="retention", staff=staff)
    sealed = 0
    if chosen.entries_to_seal:
        log.seal_prefix(chosen.seal_size, chosen.cutoff)
        sealed = chosen.entries_to_seal
        log.append(
            events.LOG_SEALED,
            staff=staff,
            details={"entries": sealed, "up_to": chosen.seal_size, "before": chosen.cutoff},
        )
    if chosen.expired_subjects or sealed:
        log.checkpoint("retention")
    return RetentionResult(len(chosen.expired_subjects), sealed)
