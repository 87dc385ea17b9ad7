"""Independent verification of an audit log, naming exactly what is wrong and where.

Why each check: the hash chain and sequence numbers catch deletion, insertion, duplication
and reordering at the first entry affected; each line's own leaf hash catches a changed byte;
the signed checkpoints (stored beside the log and, above all, those an auditor or witness
kept) catch a rewritten or truncated history, and entry signatures catch forged entries newer
than the last checkpoint; the time check catches backdating; the consent check shows
processing that no valid consent covered. Checkpoints must not be a matter of luck: every
checkpoint event needs its stored checkpoint (deleting the folder fails) and the newest one
must cover the log's end (cutting the last entries with their checkpoints fails). The privacy
check names a category or language in clear next to a subject. Every input is read bounded
and malformed ones become problems, never exceptions. Only pseudonyms and non-personal
details are read: an auditor never needs a subject key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto import merkle, note
from nextstep.audit import entry as entry_mod
from nextstep.audit import events
from nextstep.audit.bounded import LOG_LIMIT, UnreadableFile, read_bounded
from nextstep.audit.entry import Entry, EntryFormatError
from nextstep.audit.log import checkpoint_dir, origin_for, read_stored_checkpoints
from nextstep.audit.seal import Seal, SealError, read_seal
from nextstep.consent import notices
from nextstep.errors import NextStepError
from nextstep.model import CATEGORIES

_HEX64 = re.compile(r"^[0-9a-f]{64}$")

INTEGRITY = "integrity"
CHECKPOINT = "checkpoint"
TIME = "time"
CONSENT = "consent"
UNSEALED = "unsealed"  # entries after the newest checkpoint: a crash, or a cut end
PRIVACY = "privacy"  # a person's category or language in clear (belongs in ``enc``)


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
    """What the first pass learned: decoded entries (None where a line is unreadable).

    ``entries[i]`` is entry ``base + i``: entries before ``base`` were sealed at retention.
    """

    entries: list[Entry | None]
    line_numbers: list[int]
    base: int = 0


def _read_entries(
    data: bytes, problems: list[Problem], seal: Seal | None = None
) -> tuple[_Parsed, merkle.MerkleTree]:
    tree = merkle.MerkleTree()
    base = seal.size if seal else 0
    parsed = _Parsed([], [], base)
    prev: str | None = entry_mod.ZERO_HASH
    for leaf in seal.leaves if seal else ():
        tree.append_hash(leaf)
        prev = leaf.hex()
    kiosk: str | None = None
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    elif lines:
        problems.append(
            Problem(None, len(lines), "the last line is incomplete (torn write or truncation)")
        )
    for lineno, raw in enumerate(lines, start=1):
        index = base + len(parsed.entries)
        if not parsed.entries and seal is not None and _sealed_line(raw, tree):
            continue  # sealed, but the cut of the file was interrupted
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


def _sealed_line(raw: bytes, tree: merkle.MerkleTree) -> bool:
    try:
        e = entry_mod.decode(raw, strict=False)
    except EntryFormatError:
        return False
    return e.seq < tree.size and tree.leaf(e.seq) == e.leaf


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


def _stored_texts(path: Path, problems: list[Problem]) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    for i, stored in enumerate(read_stored_checkpoints(path), start=1):
        if stored.text is None:
            problems.append(
                Problem(None, None, f"stored checkpoint {stored.name} {stored.error}", CHECKPOINT)
            )
        else:
            texts.append((f"stored #{i} ({stored.name})", stored.text))
    return texts


def _missing_stored(
    parsed: _Parsed, stored_sizes: set[int], folder: Path, problems: list[Problem]
) -> None:
    """Every checkpoint event needs the checkpoint the kiosk signed right after it."""
    for e, lineno in zip(parsed.entries, parsed.line_numbers, strict=True):
        if e is None or e.event != events.CHECKPOINT or e.seq + 1 in stored_sizes:
            continue
        problems.append(
            Problem(
                e.seq,
                lineno,
                f"records a checkpoint over {e.seq + 1} entries, but no genuine stored "
                f"checkpoint of that size is in {folder}: stored checkpoints were deleted "
                "or replaced",
                CHECKPOINT,
            )
        )


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
    """Check a log completely; ``checkpoints`` are signed checkpoint texts the auditor holds.

    Besides every entry, the chain, the tree, times and consent: with ``use_stored``, every
    checkpoint event in the log must have its stored checkpoint beside the log; and the newest
    genuine checkpoint (stored or held) must cover the log's last entry. Without a checkpoint
    the auditor holds, a log cut back to one of its checkpoints together with every later one
    looks complete; a note says so.
    """
    problems: list[Problem] = []
    report = VerifyReport(ok=False, entries=0, problems=problems)
    try:
        data = read_bounded(path, LOG_LIMIT)
    except UnreadableFile as exc:
        problems.append(Problem(None, None, f"the log {path} {exc.reason}"))
        return report
    try:
        seal = read_seal(path)
    except SealError as exc:
        problems.append(Problem(None, None, exc.message))
        seal = None
    keys = [_raw_key(k) for k in public_keys]
    if not keys:
        problems.append(Problem(None, None, "no public key was given to check signatures"))
    parsed, tree = _read_entries(data, problems, seal)
    report.entries = tree.size
    report.root = tree.root()
    _check_times(parsed, problems, backwards_tolerance, future_tolerance, now or datetime.now(UTC))

    first = next((e for e in parsed.entries if e is not None), None)
    origin = origin_for(first.kiosk) if first else None
    texts: list[tuple[str, str]] = []
    if use_stored:
        texts += _stored_texts(path, problems)
    if seal is not None:
        texts.append(("of the sealed entries", seal.checkpoint))
    texts += [(f"supplied #{i + 1}", t) for i, t in enumerate(checkpoints)]
    results = _check_checkpoints(texts, keys, tree, origin, problems, report)

    good_sizes = [size for size, matches, _ in results if matches]
    if use_stored:
        stored = {size for size, ok, label in results if ok and label.startswith("stored")}
        _missing_stored(parsed, stored, checkpoint_dir(path), problems)
    covered = max(good_sizes, default=0)
    if covered < tree.size and tree.size > parsed.base:
        problems.append(
            Problem(
                covered,
                None,
                f"entries {covered} to {tree.size - 1} at the end of the log are covered by no "
                "signed checkpoint: later entries may have been cut together with their "
                "checkpoints, or the kiosk stopped mid-session (then seal it with `nextstep "
                "audit checkpoint` and compare with your own last checkpoint)",
                UNSEALED,
            )
        )
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
    start = max(0, covered - parsed.base)
    if keys:
        publics = [Ed25519PublicKey.from_public_bytes(k) for k in keys]
        for e, lineno in zip(parsed.entries[start:], parsed.line_numbers[start:], strict=True):
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
    if not checkpoints:
        report.notes.append(
            "no checkpoint of your own was given: a log cut back to one of its checkpoints, "
            "with every later checkpoint deleted, would look complete; bring your last "
            "checkpoint (--checkpoint) to rule that out"
        )
    if seal is not None:
        report.notes.append(
            f"entries 0 to {seal.size - 1} were removed at the end of their retention period "
            f"(before {seal.sealed_before}); their hashes and signed checkpoint were checked"
        )

    problems.extend(consent_problems(parsed.entries, parsed.line_numbers))
    problems.extend(privacy_problems(parsed.entries, parsed.line_numbers))
    problems.sort(key=lambda p: (p.seq if p.seq is not None else -1, p.line or 0))
    report.ok = not problems
    return report


def _sensitive_words() -> frozenset[str]:
    """Category slugs and language codes (notice and OCR): never in clear next to a subject."""
    ocr = {"ara", "fra", "nld", "deu", "eng", "fas", "pus", "tir", "spa", "tur", "sqi"}
    return frozenset({*CATEGORIES, *notices.languages(), *ocr})


def _clear_strings(value: object, depth: int = 0) -> list[str]:
    if depth > 20:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *_clear_strings(v, depth + 1))]
    if isinstance(value, list):
        return [s for v in value for s in _clear_strings(v, depth + 1)]
    return []


def privacy_problems(
    entries: Sequence[Entry | None], line_numbers: Sequence[int] | None = None
) -> list[Problem]:
    """Entries about a person whose clear details name a category or a language.

    Such details link the person to a category (Art. 9 data) for anyone reading the log, and
    survive erasure; they belong in the encrypted payload (``enc``), counted for the auditor
    by the subject-less monthly totals.
    """
    words = _sensitive_words()
    out: list[Problem] = []
    lines = line_numbers or [None] * len(entries)  # type: ignore[list-item]
    for e, lineno in zip(entries, lines, strict=True):
        if e is None or e.subject is None:
            continue
        found = sorted({s for s in _clear_strings(e.details) if s in words})
        if found:
            out.append(
                Problem(
                    e.seq,
                    lineno,
                    f"names {', '.join(found)} in clear next to subject {e.subject}: a person's "
                    "categories and languages belong in the encrypted payload",
                    PRIVACY,
                )
            )
    return out


def _valid_consent(e: Entry) -> str | None:
    """None if a consent_given record is complete enough to count; else what is missing.

    The notice's language and hash and how the person was informed describe the person, so
    they sit in the entry's encrypted payload (erasure destroys them); the clear part shows
    each purpose's answer and the notice version, and that the encrypted record exists.
    """
    details = e.details
    purposes = details.get("purposes")
    if not isinstance(purposes, dict) or not purposes:
        return "names no purposes"
    if not all(isinstance(v, bool) for v in purposes.values()):
        return "has a purpose without an explicit yes or no"
    notice = details.get("notice")
    version = notice.get("version") if isinstance(notice, dict) else None
    if type(version) is not int:
        return "does not record the version of the notice shown"
    if not _known_version(version):
        return f"cites notice version {version}, which NextStep never shipped"
    if e.enc is None:
        return "has no encrypted record of the notice shown and how the person was informed"
    return None


def _known_version(version: int) -> bool:
    try:
        notices.load(notices.COMPLETE_LANGUAGES[0], version)
    except (NextStepError, ValueError):
        return False
    return True


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
            missing = _valid_consent(e)
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
            named = {p for p in listed if isinstance(p, str)} if isinstance(listed, list) else set()
            gone = named or set(current)
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
