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
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from crypto import canonical, merkle, note
from crypto.keys import KioskKey
from crypto.shred import SubjectKeyStore
from nextstep.audit import entry as entry_mod
from nextstep.audit import events
from nextstep.audit.entry import Entry, EntryFormatError
from nextstep.audit.pseudonyms import STAFF_SECRET_LABEL, staff_pseudonym, subject_pseudonym
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


def stored_checkpoints(path: Path) -> list[str]:
    """The signed checkpoints kept beside a log, oldest first."""
    folder = checkpoint_dir(path)
    if not folder.is_dir():
        return []
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


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
        self._last_time = ""
        self._uncovered_since = ""
        self._size_bytes = 0
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        created = not path.exists()
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        if created:
            fsync_dir(path.parent)
        with self._locked():
            repaired = self._load()
        if repaired:
            self.append(events.LOG_REPAIRED, details={"bytes_removed": repaired})

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

    @property
    def size(self) -> int:
        return self._tree.size

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
                if e.seq != len(self._lines) or e.prev != prev:
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
        """Another process appended since we last looked: reload (under the lock)."""
        if os.fstat(self._fd).st_size != self._size_bytes:
            self._load()

    # --- writing -------------------------------------------------------------------------

    def append(
        self,
        event: str,
        *,
        staff: str | None = None,
        subject_holder_id: str | None = None,
        details: dict[str, Any] | None = None,
        private: dict[str, Any] | None = None,
    ) -> Entry:
        """Append one event and make it durable before returning.

        ``details`` must be non-personal (counts, categories, purposes, hashes); ``private`` is
        anything about the person and is stored only encrypted under their key.
        """
        if event not in events.ALL_EVENTS:
            raise AuditError(f"Unknown audit event {event!r}.", hint="Use nextstep.audit.events.")
        if self._fd < 0:
            raise AuditError("The audit log is closed.")
        subject = subject_pseudonym(subject_holder_id) if subject_holder_id else None
        if private is not None and subject is None:
            raise AuditError("A private payload needs the subject's holder id to encrypt it.")
        details = dict(details or {})
        canonical.dumps(details)  # refuse floats and the like before anything is written
        with self._locked():
            self._refresh_if_changed()
            seq = len(self._lines)
            moment = entry_mod.format_time(self._clock())
            time = max(moment, self._last_time)  # never backwards, even if the clock steps back
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
        written_entry = entry_mod.decode(line)
        if event != events.CHECKPOINT and self._checkpoint_due():
            self.checkpoint("daily")
        return written_entry

    def _checkpoint_due(self) -> bool:
        """At least one signed checkpoint per day (the issue's rule), made on the next append."""
        if self.checkpoint_every is None or not self._uncovered_since:
            return False
        age = entry_mod.parse_time(self._last_time) - entry_mod.parse_time(self._uncovered_since)
        return age >= self.checkpoint_every

    def checkpoint(self, reason: str = "manual") -> str:
        """Log a checkpoint event, sign a C2SP checkpoint over the whole log and store it."""
        self.append(events.CHECKPOINT, details={"reason": reason})
        with self._locked():
            self._refresh_if_changed()
            cp = note.Checkpoint(self.origin, self._tree.size, self._tree.root())
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
            entry_line=self._lines[seq].decode("utf-8"),
            checkpoint=text,
        )

    def consistency_proof(self, size1: int, size2: int | None = None) -> list[bytes]:
        return self._tree.consistency_proof(size1, size2)

    def subject_entries(self, holder_id: str) -> list[tuple[Entry, dict[str, Any] | None]]:
        """Every entry about the person, with their decrypted private payload (Art. 15)."""
        subject = subject_pseudonym(holder_id)
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

    def erase_subject(self, holder_id: str, *, staff: str | None = None) -> Entry:
        """Art. 17: destroy the person's key (their payloads become unreadable) and log it."""
        subject = subject_pseudonym(holder_id)
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
        if data.get("format") != "nextstep-inclusion-proof/v1":
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
    except (ValueError, KeyError, TypeError, EntryFormatError) as exc:
        raise AuditError(
            "The inclusion proof file is malformed.", hint="Export it again from the kiosk."
        ) from exc
    except (note.NoteError, merkle.ProofError) as exc:
        raise AuditError(f"The inclusion proof does not verify: {exc.message}") from exc
    return e
