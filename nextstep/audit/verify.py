"""Independent verification of an audit log, naming exactly what is wrong and where.

Why each check: the hash chain and sequence numbers catch deletion, insertion, duplication
and reordering at the first entry affected; each line's own leaf hash catches a changed byte;
the signed checkpoints (stored beside the log and, above all, those an auditor or witness
kept) catch a rewritten or truncated history, and entry signatures catch forged entries newer
than the last checkpoint; the time check catches backdating; the consent check shows
processing that no valid consent covered. Only pseudonyms and non-personal details are read:
an auditor never needs a subject key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto import merkle, note
from nextstep.audit import entry as entry_mod
from nextstep.audit import events
from nextstep.audit.entry import Entry, EntryFormatError
from nextstep.audit.log import origin_for, stored_checkpoints
from nextstep.errors import NextStepError

_HEX64 = re.compile(r"^[0-9a-f]{64}$")

INTEGRITY = "integrity"
CHECKPOINT = "checkpoint"
TIME = "time"
CONSENT = "consent"


@dataclass(frozen=True)
class Problem:
    seq: int | None
    line: int | None
    what: str
    kind: str = INTEGRITY

    def __str__(self) -> str:
        where = []
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.seq is not None:
            where.append(f"entry {self.seq}")
        prefix = ", ".join(where)
        return f"{prefix}: {self.what}" if prefix else self.what


@dataclass
class VerifyReport:
    ok: bool
    entries: int
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    checkpoints_checked: int = 0
    root: bytes = b""

    def problems_of(self, kind: str) -> list[Problem]:
        return [p for p in self.problems if p.kind == kind]


def _raw_key(key: bytes | Ed25519PublicKey) -> bytes:
    if isinstance(key, Ed25519PublicKey):
        return key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    if len(key) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return bytes(key)


@dataclass
class _Parsed:
    """What the first pass learned: decoded entries (None where a line is unreadable)."""

    entries: list[Entry | None]
    line_numbers: list[int]


def _read_entries(data: bytes, problems: list[Problem]) -> tuple[_Parsed, merkle.MerkleTree]:
    tree = merkle.MerkleTree()
    parsed = _Parsed([], [])
    prev: str | None = entry_mod.ZERO_HASH
    kiosk: str | None = None
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        problems.append(
            Problem(None, len(lines), "the last line is incomplete (torn write or truncation)")
        )
    for lineno, raw in enumerate(lines, start=1):
        index = len(parsed.entries)
        try:
            e = entry_mod.decode(raw, strict=False)
        except EntryFormatError as exc:
            problems.append(Problem(index, lineno, f"the entry {exc.what}"))
            parsed.entries.append(None)
            parsed.line_numbers.append(lineno)
            tree.append_hash(merkle.leaf_hash(raw))
            prev = None  # unknown: do not report the next entry's chain a second time
            continue
        if e.seq != index:
            problems.append(
                Problem(
                    index,
                    lineno,
                    f"is missing or out of place: the line here carries number {e.seq} "
                    "(an entry was deleted, inserted, duplicated or moved)",
                )
            )
        if prev is not None and e.prev != prev:
            problems.append(
                Problem(
                    index,
                    lineno,
                    "does not follow the entry before it: the hash chain is broken "
                    "(the previous entry was removed, inserted, changed or reordered)",
                )
            )
        if kiosk is None:
            kiosk = e.kiosk
        elif e.kiosk != kiosk:
            problems.append(Problem(e.seq, lineno, f"names kiosk {e.kiosk!r}, not {kiosk!r}"))
        if e.event not in events.ALL_EVENTS:
            problems.append(Problem(e.seq, lineno, f"has an unknown event type {e.event!r}"))
        parsed.entries.append(e)
        parsed.line_numbers.append(lineno)
        tree.append_hash(e.leaf)
        prev = e.leaf.hex()
    return parsed, tree


def _check_times(
    parsed: _Parsed,
    problems: list[Problem],
    backwards: timedelta,
    future: timedelta,
    now: datetime,
) -> None:
    """Times must never go backwards (beyond ``backwards``) nor lie in the future.

    The fixed-width format sorts as text, so parsing happens only when something is off.
    """
    last = ""
    last_seq = -1
    limit = entry_mod.format_time(now + future)
    pattern = entry_mod.TIME_PATTERN
    for e, lineno in zip(parsed.entries, parsed.line_numbers, strict=True):
        if e is None:
            continue
        t = e.time
        if not pattern.match(t):
            problems.append(Problem(e.seq, lineno, f"has an invalid time {t!r}", TIME))
            continue
        try:
            if t < last and entry_mod.parse_time(t) < entry_mod.parse_time(last) - backwards:
                problems.append(
                    Problem(
                        e.seq,
                        lineno,
                        f"is dated {t}, before entry {last_seq} ({last}): "
                        "time goes backwards (backdated entry?)",
                        TIME,
                    )
                )
        except ValueError:
            problems.append(Problem(e.seq, lineno, f"has an invalid time {t!r}", TIME))
            continue
        if t > limit:
            problems.append(Problem(e.seq, lineno, f"is dated in the future ({t})", TIME))
        if t > last:
            last, last_seq = t, e.seq


def _check_checkpoints(
    texts: Iterable[tuple[str, str]],
    keys: Sequence[bytes],
    tree: merkle.MerkleTree,
    origin: str | None,
    problems: list[Problem],
    report: VerifyReport,
) -> list[tuple[int, bool, str]]:
    """Verify each checkpoint; return (size, matches, label) for the ones that are genuine."""
    results: list[tuple[int, bool, str]] = []
    for label, text in texts:
        try:
            body = note.parse_checkpoint_body(note.parse_note(text).text)
            verifiers = [note.Verifier(body.origin, k) for k in keys]
            cp, _, _ = note.open_checkpoint(text, verifiers)
        except note.NoteError as exc:
            problems.append(Problem(None, None, f"checkpoint {label}: {exc.message}", CHECKPOINT))
            continue
        report.checkpoints_checked += 1
        if origin is not None and cp.origin != origin:
            problems.append(
                Problem(
                    None,
                    None,
                    f"checkpoint {label} is for log {cp.origin!r}, not {origin!r}",
                    CHECKPOINT,
                )
            )
            continue
        if cp.size > tree.size:
            problems.append(
                Problem(
                    tree.size,
                    None,
                    f"checkpoint {label} was signed over {cp.size} entries but the log has only "
                    f"{tree.size}: the log was truncated (entries {tree.size} to {cp.size - 1} "
                    "are missing)",
                    CHECKPOINT,
                )
            )
            results.append((cp.size, False, label))
            continue
        matches = cp.size == 0 or tree.root(cp.size) == cp.root
        results.append((cp.size, matches, label))
    return results


def verify_log(
    path: Path,
    public_keys: Sequence[bytes | Ed25519PublicKey],
    *,
    checkpoints: Sequence[str] = (),
    use_stored: bool = True,
    backwards_tolerance: timedelta = timedelta(0),
    future_tolerance: timedelta = timedelta(minutes=5),
    now: datetime | None = None,
) -> VerifyReport:
    """Check a log completely; ``checkpoints`` are signed checkpoint texts the auditor holds."""
    problems: list[Problem] = []
    report = VerifyReport(ok=False, entries=0, problems=problems)
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(None, None, f"the log {path} cannot be read: {exc.strerror}"))
        return report
    keys = [_raw_key(k) for k in public_keys]
    if not keys:
        problems.append(Problem(None, None, "no public key was given to check signatures"))
    parsed, tree = _read_entries(data, problems)
    report.entries = tree.size
    report.root = tree.root()
    _check_times(parsed, problems, backwards_tolerance, future_tolerance, now or datetime.now(UTC))

    first = next((e for e in parsed.entries if e is not None), None)
    origin = origin_for(first.kiosk) if first else None
    texts: list[tuple[str, str]] = []
    if use_stored:
        texts += [(f"stored #{i + 1}", t) for i, t in enumerate(stored_checkpoints(path))]
    texts += [(f"supplied #{i + 1}", t) for i, t in enumerate(checkpoints)]
    results = _check_checkpoints(texts, keys, tree, origin, problems, report)

    good_sizes = [size for size, matches, _ in results if matches]
    covered = max(good_sizes, default=0)
    for size, matches, label in results:
        if matches or size > tree.size:
            continue
        below = max((s for s in good_sizes if s < size), default=0)
        problems.append(
            Problem(
                below,
                None,
                f"checkpoint {label} (size {size}) does not match the log: entries {below} to "
                f"{size - 1} are not the ones the kiosk signed (rewritten or replaced history)",
                CHECKPOINT,
            )
        )
        covered = min(covered, below)

    # Entries not covered by a matching signed checkpoint are checked one by one.
    if keys:
        publics = [Ed25519PublicKey.from_public_bytes(k) for k in keys]
        for e, lineno in zip(parsed.entries[covered:], parsed.line_numbers[covered:], strict=True):
            if e is None:
                continue
            try:
                entry_mod.decode(e.line, strict=True)
            except EntryFormatError as exc:
                problems.append(Problem(e.seq, lineno, f"the entry {exc.what}"))
                continue
            if not any(entry_mod.signature_ok(e, pk) for pk in publics):
                problems.append(
                    Problem(
                        e.seq,
                        lineno,
                        "has no valid kiosk signature (forged, or re-written without the key)",
                    )
                )
    if covered < tree.size:
        report.notes.append(
            f"entries {covered} to {tree.size - 1} are not covered by a signed checkpoint; "
            "their signatures were checked one by one"
        )

    problems.extend(consent_problems(parsed.entries, parsed.line_numbers))
    problems.sort(key=lambda p: (p.seq if p.seq is not None else -1, p.line or 0))
    report.ok = not problems
    return report


def _valid_consent(details: dict[str, Any]) -> str | None:
    """None if a consent_given record is complete enough to count; else what is missing."""
    purposes = details.get("purposes")
    if not isinstance(purposes, dict) or not purposes:
        return "names no purposes"
    if not all(isinstance(v, bool) for v in purposes.values()):
        return "has a purpose without an explicit yes or no"
    notice = details.get("notice")
    if not isinstance(notice, dict) or not _HEX64.match(str(notice.get("sha256", ""))):
        return "does not record the hash of the notice shown"
    if not notice.get("language"):
        return "does not record the notice language"
    if not details.get("informed"):
        return "does not record how the person was informed"
    if not _known_notice(str(notice["language"]), notice.get("version"), str(notice["sha256"])):
        return (
            f"cites a {notice['language']} notice (version {notice.get('version')}) whose hash "
            "matches no notice text shipped with NextStep"
        )
    return None


def _known_notice(language: str, version: object, sha256: str) -> bool:
    """Whether the hash is that of the shipped notice of this language and version."""
    from nextstep.consent import notices

    try:
        return notices.load(language, int(str(version))).sha256 == sha256
    except (NextStepError, ValueError):
        return False


def consent_problems(
    entries: Sequence[Entry | None], line_numbers: Sequence[int] | None = None
) -> list[Problem]:
    """Processing events not covered by a valid prior consent for their purpose."""
    state: dict[str, set[str]] = {}
    withdrawn_at: dict[tuple[str, str], int] = {}
    out: list[Problem] = []
    lines = line_numbers or [None] * len(entries)  # type: ignore[list-item]
    for e, lineno in zip(entries, lines, strict=True):
        if e is None:
            continue
        if e.event == events.CONSENT_GIVEN:
            if e.subject is None:
                out.append(Problem(e.seq, lineno, "records a consent without a subject", CONSENT))
                continue
            missing = _valid_consent(e.details)
            if missing:
                out.append(Problem(e.seq, lineno, f"records a consent that {missing}", CONSENT))
                continue
            current = state.setdefault(e.subject, set())
            for purpose, yes in e.details["purposes"].items():
                if yes:
                    current.add(purpose)
                else:
                    current.discard(purpose)
        elif e.event == events.CONSENT_WITHDRAWN and e.subject is not None:
            current = state.setdefault(e.subject, set())
            listed = e.details.get("purposes")
            gone = set(listed) if isinstance(listed, list) and listed else set(current)
            for purpose in gone:
                current.discard(purpose)
                withdrawn_at[(e.subject, purpose)] = e.seq
        elif e.event == events.ERASURE and e.subject is not None:
            for purpose in state.pop(e.subject, set()):
                withdrawn_at[(e.subject, purpose)] = e.seq
        elif e.event in events.REQUIRED_PURPOSE:
            purpose = events.REQUIRED_PURPOSE[e.event]
            if e.subject is None:
                out.append(
                    Problem(
                        e.seq,
                        lineno,
                        f"{e.event} names no subject, so no consent can cover it",
                        CONSENT,
                    )
                )
            elif purpose not in state.get(e.subject, set()):
                when = withdrawn_at.get((e.subject, purpose))
                why = (
                    f"after consent for {purpose} was withdrawn or erased at entry {when}"
                    if when is not None
                    else f"without a prior consent for {purpose}"
                )
                out.append(
                    Problem(e.seq, lineno, f"{e.event} for subject {e.subject} {why}", CONSENT)
                )
    return out
