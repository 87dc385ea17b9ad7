"""The kiosk's append-only audit log: JSON Lines, a hash chain, an RFC 9162 tree, checkpoints.

Why this shape: an auditor must be able to detect any deleted, inserted, reordered, altered
or truncated entry without seeing personal data. Each entry is canonical JSON holding only
pseudonyms and non-personal details; anything describing the person goes into ``enc``,
encrypted under their own key (crypto-shredding, see :mod:`crypto.shred`). Signed C2SP
checkpoints over the Merkle tree are written beside the log (``<log>.checkpoints/``), and can
be printed, cosigned by witnesses and checked for consistency years later.

Crash safety: one ``write`` of the whole line to an ``O_APPEND`` descriptor followed by
``fsync``; on open, a last line cut short by a power loss (no newline, or unparsable bytes
after the last good line) is moved to ``<log>.torn-<time>`` and cut off, and the repair itself
is logged. A damaged line *before* the end is tampering, not a crash: the log refuses to grow.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crypto import canonical, merkle, note
from crypto.keys import KioskKey
from crypto.shred import SubjectKeyStore
from nextstep.audit import entry as entry_mod
from nextstep.audit import events
from nextstep.audit import tally as tally_mod
from nextstep.audit.bounded import CHECKPOINT_LIMIT, UnreadableFile, read_bounded_text
from nextstep.audit.entry import Entry, EntryFormatError
from nextstep.audit.pseudonyms import (
    STAFF_SECRET_LABEL,
    pseudonym_key,
    staff_pseudonym,
    subject_pseudonym,
)
from nextstep.audit.seal import Seal, SealError, read_seal, write_seal
from nextstep.errors import NextStepError
from nextstep.fsio import fsync_dir


class AuditError(NextStepError):
    """The audit log cannot be opened, appended to, or is damaged."""


def origin_for(kiosk_id: str) -> str:
    """The checkpoint origin (and note key name) of a kiosk's log."""
    return f"nextstep/audit/{kiosk_id}"


def checkpoint_dir(path: Path) -> Path:
    return path.with_name(path.name + ".checkpoints")


def subject_key_dir(path: Path) -> Path:
    return path.parent / "subject-keys"


@dataclass(frozen=True)
class StoredCheckpoint:
    """One file of ``<log>.checkpoints/``: its text, or why it cannot be read."""

    name: str
    text: str | None
    error: str | None


def read_stored_checkpoints(path: Path) -> list[StoredCheckpoint]:
    """Every ``*.txt`` beside a log, oldest first; unreadable ones carry an error, never raise."""
    folder = checkpoint_dir(path)
    try:
        names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    except OSError:
        return []
    out: list[StoredCheckpoint] = []
    for name in names:
        try:
            text = read_bounded_text(folder / name, CHECKPOINT_LIMIT, follow_links=False)
            out.append(StoredCheckpoint(name, text, None))
        except UnreadableFile as exc:
            out.append(StoredCheckpoint(name, None, exc.reason))
    return out


def stored_checkpoints(path: Path) -> list[str]:
    """The readable signed checkpoints kept beside a log, oldest first."""
    return [c.text for c in read_stored_checkpoints(path) if c.text is not None]


@dataclass(frozen=True)
class InclusionProof:
    """An RFC 9162 inclusion proof of one entry, with the signed checkpoint it leads to."""

    seq: int
    tree_size: int
    leaf: bytes
    path: tuple[bytes, ...]
    root: bytes
    entry_line: str
    checkpoint: str

    def to_json(self) -> str:
        """A self-contained file for the person's drive; checkable with the kiosk's public key."""
        return json.dumps(
            {
                "format": "nextstep-inclusion-proof/v1",
                "seq": self.seq,
                "tree_size": self.tree_size,
                "leaf": self.leaf.hex(),
                "path": [base64.b64encode(p).decode() for p in self.path],
                "root": base64.b64encode(self.root).decode(),
                "entry": self.entry_line,
                "checkpoint": self.checkpoint,
            },
            indent=1,
            ensure_ascii=False,
        )


def _now() -> datetime:
    return datetime.now(UTC)


class AuditLog:
    """Append-only audit log of one kiosk. Use one instance per process and path."""

    def __init__(
        self,
        path: Path,
        key: KioskKey,
        kiosk_id: str,
        *,
        sync: bool = True,
        clock: Any = _now,
        checkpoint_every: timedelta | None = timedelta(days=1),
    ) -> None:
        if not kiosk_id or any(c.isspace() or c == "+" for c in kiosk_id):
            raise AuditError(f"The kiosk id {kiosk_id!r} must be non-empty, without spaces or '+'.")
        self.path = path
        self.key = key
        self.kiosk_id = kiosk_id
        self.origin = origin_for(kiosk_id)
        self.sync = sync
        self._clock = clock
        self.checkpoint_every = checkpoint_every
        self._signer = note.Signer(self.origin, key.private)
        self._staff_secret = key.derive(STAFF_SECRET_LABEL)
        self.keys = SubjectKeyStore(subject_key_dir(path))
        self._tree = merkle.MerkleTree()
        self._lines: list[bytes] = []
        self._base = 0  # entries before this one were sealed (see nextstep.audit.seal)
        self._tally_period = ""  # the month of the running tally, as last read
        self.seal: Seal | None = None
        self._last_time = ""
        self._uncovered_since = ""
        self._size_bytes = 0
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._pseudonym_secret = pseudonym_key(path.parent)
        created = not path.exists()
        try:
            self._fd = os.open(
                path, os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK, 0o600
            )
        except OSError as exc:
            raise AuditError(
                f"The audit log {path} cannot be opened ({exc.strerror or exc}).",
                hint="It must be a regular file the kiosk user can write.",
            ) from None
        if not stat.S_ISREG(os.fstat(self._fd).st_mode):
            os.close(self._fd)
            self._fd = -1
            raise AuditError(f"The audit log {path} is not a regular file.")
        if created:
            fsync_dir(path.parent)
        with self._locked():
            repaired = self._load()
        if repaired:  # logged and sealed at once: the verifier wants every end covered
            self.append(events.LOG_REPAIRED, details={"bytes_removed": repaired})
            self.checkpoint("repair")

    # --- state ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def staff_pseudonym(self, staff: str) -> str:
        """This kiosk's pseudonym for a staff member (keyed; see nextstep.audit.pseudonyms)."""
        return staff_pseudonym(staff, self._staff_secret)

    def subject_pseudonym(self, holder_id: str) -> str:
        """The organisation's keyed pseudonym for a holder id (see nextstep.audit.pseudonyms)."""
        return subject_pseudonym(holder_id, self._pseudonym_secret)

    @property
    def size(self) -> int:
        return self._tree.size

    @property
    def first_seq(self) -> int:
        """The first entry still in the file (those before were sealed at retention)."""
        return self._base

    def root(self) -> bytes:
        return self._tree.root()

    def entries(self) -> Iterator[Entry]:
        for raw in self._lines:
            yield entry_mod.decode(raw)

    def _locked(self) -> _Lock:
        return _Lock(self._fd)

    def _load(self) -> int:
        """Read and check the file; cut a torn tail. Returns the number of bytes removed."""
        os.lseek(self._fd, 0, os.SEEK_SET)
        data = _read_all(self._fd)
        self._tree = merkle.MerkleTree()
        self._lines = []
        self._last_time = ""
        self._uncovered_since = ""
        prev = entry_mod.ZERO_HASH
        try:
            self.seal = read_seal(self.path)
        except SealError as exc:
            raise AuditError(exc.message, hint=exc.hint) from exc
        self._base = self.seal.size if self.seal else 0
        for leaf in self.seal.leaves if self.seal else ():
            self._tree.append_hash(leaf)
            prev = leaf.hex()
        good_end = 0
        pos = 0
        lineno = 0
        while pos < len(data):
            nl = data.find(b"\n", pos)
            lineno += 1
            raw = data[pos:] if nl < 0 else data[pos:nl]
            is_last = nl < 0 or nl + 1 == len(data)
            try:
                if nl < 0:
                    raise EntryFormatError("is incomplete (no end of line)")
                e = entry_mod.decode(raw)
                if not self._lines and e.seq < self._base and self._tree.leaf(e.seq) == e.leaf:
                    pos, good_end = nl + 1, nl + 1  # sealed, the cut was interrupted: skip it
                    continue
                if e.seq != self._base + len(self._lines) or e.prev != prev:
                    raise EntryFormatError("is out of sequence or breaks the hash chain")
            except EntryFormatError as exc:
                if is_last and (nl < 0 or not raw.rstrip(b"\0").endswith(b"}")):
                    break  # a torn final write
                raise AuditError(
                    f"The audit log {self.path} is damaged at line {lineno}: the entry {exc.what}.",
                    hint="Run `nextstep audit verify` and report it; the log will not be extended.",
                ) from exc
            self._lines.append(raw)
            self._tree.append_hash(e.leaf)
            self._last_time = e.time
            if e.event == events.CHECKPOINT:
                self._uncovered_since = ""
            elif not self._uncovered_since:
                self._uncovered_since = e.time
            prev = e.leaf.hex()
            pos = nl + 1
            good_end = pos
        removed = len(data) - good_end
        if removed:
            stamp = _now().strftime("%Y%m%dT%H%M%S%f")
            torn = self.path.with_name(f"{self.path.name}.torn-{stamp}")
            fd = os.open(torn, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                os.write(fd, data[good_end:])
                os.fsync(fd)
            finally:
                os.close(fd)
            os.ftruncate(self._fd, good_end)
            os.fsync(self._fd)
        self._size_bytes = good_end
        return removed

    def _refresh_if_changed(self) -> None:
        """Another process appended (or sealed) since we last looked: reload (under the lock)."""
        try:
            replaced = os.stat(self.path).st_ino != os.fstat(self._fd).st_ino
        except FileNotFoundError:
            replaced = False
        if replaced:  # retention replaced the file: follow it
            os.close(self._fd)
            self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND)
            self._load()
        elif os.fstat(self._fd).st_size != self._size_bytes:
            self._load()

    # --- writing -------------------------------------------------------------------------

    def append(
        self,
        event: str,
        *,
        staff: str | None = None,
        subject_holder_id: str | None = None,
        subject: str | None = None,
        details: dict[str, Any] | None = None,
        private: dict[str, Any] | None = None,
        tally: Mapping[str, Mapping[str, int]] | None = None,
    ) -> Entry:
        """Append one event and make it durable before returning.

        ``details`` must be non-personal (event facts, counts, purposes, statuses); ``private``
        is anything about the person (categories, languages, bundle ids) and is stored only
        encrypted under their key. ``tally`` adds to this month's anonymous counts (e.g.
        ``{"documents": {"asylum": 1}}``), written as one entry when the month ends.
        ``subject`` names the person by pseudonym where the holder id is not known (retention).
        """
        if event not in events.ALL_EVENTS:
            raise AuditError(f"Unknown audit event {event!r}.", hint="Use nextstep.audit.events.")
        if self._fd < 0:
            raise AuditError("The audit log is closed.")
        if subject_holder_id:
            subject = self.subject_pseudonym(subject_holder_id)
        if private is not None and subject is None:
            raise AuditError("A private payload needs the subject's holder id to encrypt it.")
        details = dict(details or {})
        canonical.dumps(details)  # refuse floats and the like before anything is written
        with self._locked():
            self._refresh_if_changed()
            time = max(entry_mod.format_time(self._clock()), self._last_time)  # never backwards
            self._close_period(time)
            line = self._write(event, time, staff, subject, details, private)
            if tally:
                self._add_tally(time, tally)
        written_entry = entry_mod.decode(line)
        if event != events.CHECKPOINT and self._checkpoint_due():
            self.checkpoint("daily")
        return written_entry

    def _write(
        self,
        event: str,
        time: str,
        staff: str | None,
        subject: str | None,
        details: dict[str, Any],
        private: dict[str, Any] | None,
    ) -> bytes:
        """Sign, append and fsync one line (under the lock); return it."""
        seq = self._base + len(self._lines)
        enc = None
        if private is not None and subject is not None:
            aad = f"nextstep/audit/v1|{self.kiosk_id}|{seq}|{subject}".encode()
            blob = self.keys.encrypt(subject, canonical.dumps(private), aad)
            enc = base64.b64encode(blob).decode("ascii")
        body: dict[str, Any] = {
            "v": entry_mod.FORMAT_VERSION,
            "seq": seq,
            "time": time,
            "kiosk": self.kiosk_id,
            "event": event,
            "staff": self.staff_pseudonym(staff) if staff else None,
            "subject": subject,
            "details": details,
            "enc": enc,
            "prev": self._tree.leaf(seq - 1).hex() if seq else entry_mod.ZERO_HASH,
        }
        line, leaf, _ = entry_mod.encode(body, self.key)
        data = line + b"\n"
        written = os.write(self._fd, data)
        if written != len(data):
            os.ftruncate(self._fd, self._size_bytes)
            raise AuditError("The audit log could not be written in full (disk full?).")
        if self.sync:
            os.fsync(self._fd)
        self._size_bytes += len(data)
        self._lines.append(line)
        self._tree.append_hash(leaf)
        self._last_time = time
        if event == events.CHECKPOINT:
            self._uncovered_since = ""
        elif not self._uncovered_since:
            self._uncovered_since = time
        return line

    def _close_period(self, time: str) -> None:
        """At the first entry of a new month, write the finished month's anonymous totals.

        The month last seen is cached, so the tally file is read only when the month changes
        (or another process may have changed it: the file, read under the lock, decides).
        """
        if self._tally_period == tally_mod.period_of(time):
            return
        running = tally_mod.load(self.path.parent)
        self._tally_period = running.period or tally_mod.period_of(time)
        if not running.period or running.period == tally_mod.period_of(time):
            return
        if running.counts:
            details: dict[str, Any] = {"period": running.period, **running.counts}
            self._write(events.PERIOD_TOTALS, time, None, None, details, None)
        tally_mod.save(self.path.parent, tally_mod.Tally(tally_mod.period_of(time)))
        self._tally_period = tally_mod.period_of(time)

    def _add_tally(self, time: str, changes: Mapping[str, Mapping[str, int]]) -> None:
        running = tally_mod.load(self.path.parent)
        running.period = self._tally_period = tally_mod.period_of(time)
        running.add(changes)
        tally_mod.save(self.path.parent, running)

    def _checkpoint_due(self) -> bool:
        """At least one signed checkpoint per day (the issue's rule), made on the next append."""
        if self.checkpoint_every is None or not self._uncovered_since:
            return False
        age = entry_mod.parse_time(self._last_time) - entry_mod.parse_time(self._uncovered_since)
        return age >= self.checkpoint_every

    def checkpoint(self, reason: str = "manual") -> str:
        """Log a checkpoint event, sign a C2SP checkpoint over the log up to it and store it.

        The checkpoint covers exactly the entries up to and including its own event (even if
        another process appended meanwhile), so the verifier can demand, for every checkpoint
        event in the log, the stored checkpoint of that size.
        """
        seq = self.append(events.CHECKPOINT, details={"reason": reason}).seq
        with self._locked():
            self._refresh_if_changed()
            cp = note.Checkpoint(self.origin, seq + 1, self._tree.root(seq + 1))
            text = note.sign_checkpoint(cp, self._signer)
            folder = checkpoint_dir(self.path)
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            target = folder / f"{cp.size:012d}.txt"
            tmp = target.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                os.write(fd, text.encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, target)
            fsync_dir(folder)
        return text

    def seal_prefix(self, size: int, sealed_before: str) -> Seal:
        """Remove entries ``first_seq`` to ``size - 1`` from the file, keeping their leaf hashes.

        ``size`` must be the size of a stored, genuine checkpoint (retention picks one); the
        seal file is written first, then the log file is replaced by its remaining lines.
        """
        stored = checkpoint_dir(self.path) / f"{size:012d}.txt"
        text = read_bounded_text(stored, CHECKPOINT_LIMIT, follow_links=False)
        with self._locked():
            self._refresh_if_changed()
            if not self._base < size <= self._tree.size:
                raise AuditError(f"Cannot seal the log up to entry {size}.")
            cp = note.parse_checkpoint_body(note.parse_note(text).text)
            if cp.size != size or cp.root != self._tree.root(size):
                raise AuditError(f"The stored checkpoint {stored.name} does not match the log.")
            leaves = tuple(self._tree.leaf(i) for i in range(size))
            seal = Seal(size, leaves, text, sealed_before)
            write_seal(self.path, seal)
            keep = b"".join(line + b"\n" for line in self._lines[size - self._base :])
            tmp = self.path.with_name(self.path.name + ".sealing")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
            try:
                view = memoryview(keep)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, self.path)
            fsync_dir(self.path.parent)
            self._refresh_if_changed()  # follows the new file and reloads
        return seal

    def seal_open_end(self) -> int:
        """At the kiosk's start: log and seal entries a crash left after the last checkpoint.

        Returns how many entries were unsealed (0: nothing to do). The ``log_repaired`` entry
        tells the auditor; their own last checkpoint still shows whether anything was cut.
        Only the kiosk's main process calls this, when no session can be open.
        """
        with self._locked():
            self._refresh_if_changed()
            unsealed = 0
            for raw in reversed(self._lines):
                e = entry_mod.decode(raw, strict=False)
                if e.event == events.CHECKPOINT:
                    stored = checkpoint_dir(self.path) / f"{e.seq + 1:012d}.txt"
                    if not stored.is_file():
                        unsealed += 1  # the crash hit between the event and its file
                    break
                unsealed += 1
        if unsealed:
            self.append(events.LOG_REPAIRED, details={"unsealed_entries": unsealed})
            self.checkpoint("repair")
        return unsealed

    def latest_checkpoint(self) -> str | None:
        stored = stored_checkpoints(self.path)
        return stored[-1] if stored else None

    # --- proofs and subject access ---------------------------------------------------------

    def inclusion_proof(self, seq: int, checkpoint: str | None = None) -> InclusionProof:
        """Proof that entry ``seq`` is in the tree of the given (default: latest) checkpoint.

        If no stored checkpoint covers ``seq`` yet, a new one is made.
        """
        if not 0 <= seq < self.size:
            raise AuditError(f"There is no entry {seq} in the audit log.")
        if seq < self._base:
            raise AuditError(f"Entry {seq} was removed at the end of its retention period.")
        text = checkpoint or self.latest_checkpoint()
        cp = note.parse_checkpoint_body(note.parse_note(text).text) if text else None
        if text is None or cp is None or cp.size <= seq:
            text = self.checkpoint("inclusion_proof")
            cp = note.parse_checkpoint_body(note.parse_note(text).text)
        path = self._tree.inclusion_proof(seq, cp.size)
        return InclusionProof(
            seq=seq,
            tree_size=cp.size,
            leaf=self._tree.leaf(seq),
            path=tuple(path),
            root=cp.root,
            entry_line=self._lines[seq - self._base].decode("utf-8"),
            checkpoint=text,
        )

    def consistency_proof(self, size1: int, size2: int | None = None) -> list[bytes]:
        return self._tree.consistency_proof(size1, size2)

    def subject_entries(self, holder_id: str) -> list[tuple[Entry, dict[str, Any] | None]]:
        """Every entry about the person, with their decrypted private payload (Art. 15)."""
        subject = self.subject_pseudonym(holder_id)
        out: list[tuple[Entry, dict[str, Any] | None]] = []
        for e in self.entries():
            if e.subject != subject:
                continue
            out.append((e, self.read_private(e)))
        return out

    def read_private(self, e: Entry) -> dict[str, Any] | None:
        """Decrypt an entry's private payload; None if it has none or the key was erased."""
        if e.enc is None or e.subject is None or not self.keys.has_key(e.subject):
            return None
        aad = f"nextstep/audit/v1|{e.kiosk}|{e.seq}|{e.subject}".encode()
        plain = self.keys.decrypt(e.subject, base64.b64decode(e.enc), aad)
        value: dict[str, Any] = json.loads(plain)
        return value

    def erase_pseudonym(self, subject: str, *, reason: str, staff: str | None = None) -> Entry:
        """Destroy a subject's key known only by pseudonym (retention) and log it."""
        existed = self.keys.destroy(subject)
        return self.append(
            events.ERASURE,
            staff=staff,
            subject=subject,
            details={"key_destroyed": existed, "reason": reason},
        )

    def erase_subject(self, holder_id: str, *, staff: str | None = None) -> Entry:
        """Art. 17: destroy the person's key (their payloads become unreadable) and log it."""
        subject = self.subject_pseudonym(holder_id)
        existed = self.keys.destroy(subject)
        return self.append(
            events.ERASURE,
            staff=staff,
            subject_holder_id=holder_id,
            details={"key_destroyed": existed},
        )


class _Lock:
    """An exclusive advisory lock on the log file for one append or load."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __enter__(self) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.fd, fcntl.LOCK_UN)


def _read_all(fd: int) -> bytes:
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def verify_inclusion_file(text: str, public_key: bytes) -> Entry:
    """Check an exported inclusion proof (e.g. the one on the person's drive) on its own.

    Verifies the checkpoint's signature with the kiosk's public key, the entry's own leaf, and
    the RFC 9162 inclusion path from that leaf to the signed root. Returns the entry.
    """
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != "nextstep-inclusion-proof/v1":
            raise ValueError("format")
        body = note.parse_checkpoint_body(note.parse_note(data["checkpoint"]).text)
        cp, _, _ = note.open_checkpoint(
            data["checkpoint"], [note.Verifier(body.origin, public_key)]
        )
        e = entry_mod.decode(data["entry"].encode("utf-8"))
        path = [base64.b64decode(p, validate=True) for p in data["path"]]
        if origin_for(e.kiosk) != cp.origin or int(data["seq"]) != e.seq:
            raise ValueError("entry and checkpoint disagree")
        merkle.verify_inclusion(e.seq, cp.size, e.leaf, path, cp.root)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, EntryFormatError):
        raise AuditError(
            "The inclusion proof file is malformed.", hint="Export it again from the kiosk."
        ) from None
    except (note.NoteError, merkle.ProofError) as exc:
        raise AuditError(f"The inclusion proof does not verify: {exc.message}") from exc
    return e
