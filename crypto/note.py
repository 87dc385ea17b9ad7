"""C2SP signed notes (Ed25519), tlog checkpoints and tlog cosignatures.

Why these formats: a checkpoint that any transparency-log tool (Go's ``sumdb/note``, the
transparency-dev witnesses, Sigstore) can read lets an auditor check NextStep's log without
trusting NextStep's code, and a paper register of daily checkpoints stays meaningful for years.

- signed-note (c2sp.org/signed-note): text ending in a newline, a blank line, then lines
  ``— <name> base64(key id || signature)``. Ed25519 key id = SHA-256(name || 0x0A || 0x01 ||
  public key)[:4]; verifier keys are ``<name>+<hex id>+base64(0x01 || public key)``.
- tlog-checkpoint (c2sp.org/tlog-checkpoint): body ``origin\\nsize\\nbase64(root)\\n[ext...]``.
- tlog-cosignature (c2sp.org/tlog-cosignature, cosignature/v1): a witness signs
  ``cosignature/v1\\ntime <t>\\n`` + checkpoint body; key type 0x04; the signature bytes are
  key id || uint64 big-endian t || Ed25519 signature.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto.errors import CryptoError

ALG_ED25519 = 0x01
ALG_COSIGNATURE_V1 = 0x04
EM_DASH = "\u2014"
_SIZE = re.compile(r"0|[1-9][0-9]{0,19}")  # uint64 in decimal, no leading zero, ASCII digits
MAX_SIGNATURES = 100


class NoteError(CryptoError):
    """A note, key or checkpoint is malformed or does not verify."""


def key_id(name: str, alg: int, public: bytes) -> bytes:
    """The 4-byte key id of signed-note: SHA-256(name || 0x0A || alg || key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([alg]) + public).digest()[:4]


def _check_name(name: str) -> None:
    if not name or any(c.isspace() for c in name) or "+" in name:
        raise NoteError(f"The key name {name!r} is not allowed (no spaces, no '+', not empty).")


def _b64decode(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise NoteError("A base64 field of a note or key is malformed.") from exc


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Verifier:
    """A verifier key: a name, a key type (0x01 note signer, 0x04 cosigner) and Ed25519 key."""

    name: str
    public: bytes
    alg: int = ALG_ED25519

    def __post_init__(self) -> None:
        _check_name(self.name)
        if len(self.public) != 32:
            raise NoteError("An Ed25519 public key must be 32 bytes.")
        if self.alg not in (ALG_ED25519, ALG_COSIGNATURE_V1):
            raise NoteError(f"Key type 0x{self.alg:02x} is not supported.")

    @property
    def id(self) -> bytes:
        return key_id(self.name, self.alg, self.public)

    @property
    def vkey(self) -> str:
        material = base64.b64encode(bytes([self.alg]) + self.public).decode()
        return f"{self.name}+{self.id.hex()}+{material}"

    @classmethod
    def from_vkey(cls, vkey: str) -> Verifier:
        parts = vkey.strip().split("+", 2)
        if len(parts) != 3 or len(parts[1]) != 8 or parts[1] != parts[1].lower():
            raise NoteError(
                "The verifier key is malformed.", hint="Expect <name>+<8 hex>+<base64 key>."
            )
        name, hex_id, material = parts
        raw = _b64decode(material)
        if len(raw) != 33:
            raise NoteError("The verifier key has the wrong length for Ed25519.")
        verifier = cls(name, raw[1:], raw[0])
        if verifier.id.hex() != hex_id:
            raise NoteError(f"The verifier key id {hex_id} does not match the key {name}.")
        return verifier

    def _public_key(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.public)


@dataclass(frozen=True)
class Signer:
    """An Ed25519 note signer (type 0x01) or cosigner (type 0x04)."""

    name: str
    private: Ed25519PrivateKey
    alg: int = ALG_ED25519

    def __post_init__(self) -> None:
        _check_name(self.name)

    @property
    def verifier(self) -> Verifier:
        return Verifier(self.name, _raw_public(self.private.public_key()), self.alg)

    @property
    def skey(self) -> str:
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        seed = self.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        material = base64.b64encode(bytes([self.alg]) + seed).decode()
        return f"PRIVATE+KEY+{self.name}+{self.verifier.id.hex()}+{material}"

    @classmethod
    def from_skey(cls, skey: str) -> Signer:
        parts = skey.strip().split("+", 4)
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
            raise NoteError("The signer key is malformed.")
        _, _, name, hex_id, material = parts
        raw = _b64decode(material)
        if len(raw) != 33:
            raise NoteError("The signer key has the wrong length for Ed25519.")
        signer = cls(name, Ed25519PrivateKey.from_private_bytes(raw[1:]), raw[0])
        if signer.verifier.id.hex() != hex_id:
            raise NoteError(f"The signer key id {hex_id} does not match the key {name}.")
        return signer


@dataclass(frozen=True)
class Signature:
    """One signature line: the key name, the 4-byte key id and the rest of the blob."""

    name: str
    id: bytes
    blob: bytes  # what follows the key id: the Ed25519 signature (or timestamp + signature)

    @property
    def line(self) -> str:
        return f"{EM_DASH} {self.name} {base64.b64encode(self.id + self.blob).decode()}\n"


@dataclass(frozen=True)
class Note:
    text: str
    signatures: tuple[Signature, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        return self.text + "\n" + "".join(s.line for s in self.signatures)


def _check_text(text: str) -> None:
    if not text.endswith("\n"):
        raise NoteError("A note's text must end with a newline.")
    if "\n\n" in text or text.startswith("\n"):
        raise NoteError("A note's text must not contain a blank line.")
    for c in text:
        if c != "\n" and (ord(c) < 0x20 or 0xD800 <= ord(c) <= 0xDFFF):
            raise NoteError("A note's text must not contain control characters.")


def sign(text: str, signer: Signer) -> Signature:
    _check_text(text)
    if signer.alg != ALG_ED25519:
        raise NoteError("Use cosign() for a cosignature key.")
    return Signature(signer.name, signer.verifier.id, signer.private.sign(text.encode()))


def sign_note(text: str, *signers: Signer) -> str:
    """Return the signed note text: body, blank line, one signature line per signer."""
    return str(Note(text, tuple(sign(text, s) for s in signers)))


def parse_note(data: str | bytes) -> Note:
    """Split a signed note into text and signature lines (nothing is verified here)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise NoteError("The note is not valid UTF-8.") from exc
    split = data.rfind("\n\n")
    if split < 0:
        raise NoteError("The note has no signature block (no blank line).")
    text, block = data[: split + 1], data[split + 2 :]
    _check_text(text)
    if not block.endswith("\n"):
        raise NoteError("The note's last signature line does not end with a newline.")
    sigs: list[Signature] = []
    for line in block[:-1].split("\n"):
        prefix = EM_DASH + " "
        if not line.startswith(prefix):
            raise NoteError(f"A signature line does not start with '{EM_DASH} ': {line[:40]!r}")
        parts = line[len(prefix) :].split(" ")
        if len(parts) != 2:
            raise NoteError("A signature line must be '— <name> <base64>'.")
        name, b64 = parts
        _check_name(name)
        raw = _b64decode(b64)
        if len(raw) < 5:
            raise NoteError("A signature is too short.")
        sigs.append(Signature(name, raw[:4], raw[4:]))
    if not sigs or len(sigs) > MAX_SIGNATURES:
        raise NoteError("A note must carry between 1 and 100 signatures.")
    return Note(text, tuple(sigs))


def _verify_one(note: Note, sig: Signature, v: Verifier) -> bool:
    try:
        if v.alg == ALG_ED25519:
            v._public_key().verify(sig.blob, note.text.encode())
            return True
        if len(sig.blob) != 8 + 64:
            return False
        (timestamp,) = struct.unpack(">Q", sig.blob[:8])
        v._public_key().verify(sig.blob[8:], cosignature_message(note.text, timestamp))
        return True
    except InvalidSignature:
        return False


def open_note(data: str | bytes, verifiers: Iterable[Verifier]) -> tuple[Note, list[Signature]]:
    """Parse and verify; return the note and the signatures made by known keys.

    Raises :class:`NoteError` if a known key's signature is invalid or if no known key signed.
    Signatures by unknown keys are ignored, as signed-note requires.
    """
    note = parse_note(data)
    known = {(v.name, v.id): v for v in verifiers}
    good: list[Signature] = []
    for sig in note.signatures:
        v = known.get((sig.name, sig.id))
        if v is None:
            continue
        if not _verify_one(note, sig, v):
            raise NoteError(f"The signature by {sig.name} ({sig.id.hex()}) is invalid.")
        good.append(sig)
    if not good:
        names = ", ".join(f"{s.name}+{s.id.hex()}" for s in note.signatures)
        raise NoteError(
            f"The note is not signed by any trusted key (signed by: {names}).",
            hint="Check that the right public key was supplied.",
        )
    return note, good


# --- tlog-checkpoint -------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        lines = [self.origin, str(self.size), base64.b64encode(self.root).decode()]
        return "\n".join([*lines, *self.extensions]) + "\n"


def parse_checkpoint_body(text: str) -> Checkpoint:
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "":
        raise NoteError("A checkpoint body needs an origin, a size and a root hash line.")
    origin, size_text, root_text = lines[0], lines[1], lines[2]
    if not origin:
        raise NoteError("A checkpoint's origin line is empty.")
    if not _SIZE.fullmatch(size_text) or int(size_text) >= 1 << 64:
        raise NoteError(f"A checkpoint's size {size_text[:24]!r} is not a decimal uint64.")
    root = _b64decode(root_text)
    if len(root) != 32:
        raise NoteError("A checkpoint's root hash is not 32 bytes.")
    return Checkpoint(origin, int(size_text), root, tuple(lines[3:-1]))


def sign_checkpoint(cp: Checkpoint, signer: Signer) -> str:
    return sign_note(cp.body, signer)


def open_checkpoint(
    data: str | bytes, verifiers: Sequence[Verifier]
) -> tuple[Checkpoint, Note, list[Signature]]:
    """Verify a signed checkpoint. The log's own key (named as the origin) must have signed."""
    note, good = open_note(data, verifiers)
    cp = parse_checkpoint_body(note.text)
    if not any(s.name == cp.origin for s in good):
        raise NoteError(
            f"The checkpoint for {cp.origin} is not signed by that log's key.",
            hint="A checkpoint must carry the signature of the key named like its origin.",
        )
    return cp, note, good


# --- tlog-cosignature ------------------------------------------------------------------------


def cosignature_message(checkpoint_body: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n".encode() + checkpoint_body.encode()


def cosign(checkpoint_body: str, witness: Signer, timestamp: int) -> Signature:
    """A witness's cosignature/v1 over a checkpoint it has checked."""
    if witness.alg != ALG_COSIGNATURE_V1:
        raise NoteError("A witness key must have type 0x04 (cosignature/v1).")
    _check_text(checkpoint_body)
    sig = witness.private.sign(cosignature_message(checkpoint_body, timestamp))
    return Signature(witness.name, witness.verifier.id, struct.pack(">Q", timestamp) + sig)


def add_signatures(note_text: str, *extra: Signature) -> str:
    """Append signature lines to an existing signed note (keeps existing ones)."""
    note = parse_note(note_text)
    return str(Note(note.text, note.signatures + tuple(extra)))


def cosignature_time(sig: Signature) -> int:
    if len(sig.blob) != 72:
        raise NoteError("A cosignature must hold a timestamp and a 64-byte signature.")
    return int(struct.unpack(">Q", sig.blob[:8])[0])
