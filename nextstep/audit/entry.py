"""One audit entry: its canonical line, its Merkle leaf and its signature.

A line is the RFC 8785 canonical JSON of the body fields, ``sig`` (the kiosk's Ed25519
signature over a context string and the canonical body) and ``leaf`` (hex of the RFC 9162 leaf
hash of the canonical body *with* its signature, so that not a single byte of a line escapes
the tree). The body carries ``prev``, the previous entry's leaf hash, so the file is also a
hash chain: an entry cannot be moved, dropped or inserted without breaking the next one, even
before a checkpoint covers it. Signatures let the verifier check entries newer than the last
signed checkpoint; older ones are covered by the checkpoint's signed root.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from crypto import canonical, merkle
from crypto.errors import CryptoError
from crypto.keys import KioskKey

FORMAT_VERSION = 1
ZERO_HASH = "0" * 64
SIG_CONTEXT = b"nextstep/audit-entry/v1\n"
BODY_FIELDS = ("details", "enc", "event", "kiosk", "prev", "seq", "staff", "subject", "time", "v")
LINE_FIELDS = frozenset((*BODY_FIELDS, "leaf", "sig"))
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
TIME_PATTERN = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


class EntryFormatError(ValueError):
    """A line is not a well-formed entry; ``what`` says precisely why."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass(slots=True)
class Entry:
    seq: int
    time: str
    kiosk: str
    event: str
    staff: str | None
    subject: str | None
    details: dict[str, Any]
    enc: str | None
    prev: str
    leaf: bytes
    sig_b64: str = field(repr=False)
    line: bytes = field(repr=False)

    @property
    def sig(self) -> bytes:
        """The Ed25519 signature (decoded on demand: most entries never need it)."""
        try:
            return binascii.a2b_base64(self.sig_b64, strict_mode=True)
        except binascii.Error:
            return b""

    @property
    def timestamp(self) -> datetime:
        return parse_time(self.time)


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)


def signed_message(body: dict[str, Any]) -> bytes:
    return SIG_CONTEXT + canonical.dumps(body)


def encode(body: dict[str, Any], key: KioskKey) -> tuple[bytes, bytes, bytes]:
    """Return (line without newline, leaf hash, signature) for a body."""
    sig = key.sign(signed_message(body))
    signed = {**body, "sig": base64.b64encode(sig).decode("ascii")}
    leaf = merkle.leaf_hash(canonical.dumps(signed))
    line = canonical.dumps({**signed, "leaf": leaf.hex()})
    return line, leaf, sig


_DECODER = json.JSONDecoder()
LEAF_MEMBER_SIZE = len(b',"leaf":"') + 64 + 1


def canonical_ok(signed: bytes, obj: dict[str, Any]) -> bool:
    """Whether the signed body bytes are exactly the canonical form of the parsed body."""
    try:
        return canonical.fast_dumps(obj) == signed or canonical.dumps(obj) == signed
    except (CryptoError, ValueError, TypeError, RecursionError):
        return False


def decode(raw: bytes, *, strict: bool = True) -> Entry:
    """Parse one line (without its newline) and check its own internal consistency.

    Checks: JSON object with exactly the expected fields and types, a ``leaf`` equal to the
    hash of the line without its leaf member (so every byte is covered), and with ``strict``
    that those bytes are the canonical form. The verifier skips the canonical re-serialisation
    for entries a signed checkpoint covers (the kiosk checked them before signing) and checks
    it, with the signature, for the rest. Chain, order and signatures need context and are the
    caller's business.
    """
    try:
        obj = _DECODER.decode(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise EntryFormatError("is not valid JSON") from exc
    except RecursionError:
        raise EntryFormatError("is nested too deeply to be an entry") from None
    if not isinstance(obj, dict):
        raise EntryFormatError("is not a JSON object")
    if obj.keys() != LINE_FIELDS:
        missing = sorted(LINE_FIELDS - obj.keys())
        extra = sorted(obj.keys() - LINE_FIELDS)
        raise EntryFormatError(f"has wrong fields (missing {missing}, unexpected {extra})")
    leaf_hex = obj.pop("leaf")
    seq, sig_b64 = obj["seq"], obj["sig"]
    if type(seq) is not int or seq < 0 or obj["v"] != FORMAT_VERSION:
        raise EntryFormatError("has an invalid sequence number or format version")
    if not (
        type(leaf_hex) is str
        and type(sig_b64) is str
        and type(obj["time"]) is str
        and type(obj["kiosk"]) is str
        and type(obj["event"]) is str
        and type(obj["prev"]) is str
        and type(obj["details"]) is dict
        and (obj["staff"] is None or type(obj["staff"]) is str)
        and (obj["subject"] is None or type(obj["subject"]) is str)
        and (obj["enc"] is None or type(obj["enc"]) is str)
    ):
        raise EntryFormatError("has a field of the wrong type")
    if len(leaf_hex) != 64:
        raise EntryFormatError("has a leaf hash that is not 64 lower-case hex digits")
    try:
        leaf = bytes.fromhex(leaf_hex)
    except ValueError as exc:
        raise EntryFormatError("has a malformed leaf hash") from exc
    if leaf.hex() != leaf_hex:
        raise EntryFormatError("has a leaf hash that is not 64 lower-case hex digits")
    # The leaf member sits just before the top-level "prev" (the last key that can follow a
    # nested object); the leaf hashes the line without it, i.e. the canonical signed body.
    cut = raw.rfind(b',"prev":"')
    member = raw[cut - LEAF_MEMBER_SIZE : cut] if cut >= LEAF_MEMBER_SIZE else b""
    if member != b',"leaf":"' + leaf_hex.encode() + b'"':
        raise EntryFormatError("is not in canonical JSON form (bytes were altered)")
    signed = raw[: cut - LEAF_MEMBER_SIZE] + raw[cut:]
    if merkle.leaf_hash(signed) != leaf:
        raise EntryFormatError("does not match its own leaf hash (its content was altered)")
    if strict and not canonical_ok(signed, obj):
        raise EntryFormatError("is not in canonical JSON form (bytes were altered)")
    return Entry(
        seq,
        obj["time"],
        obj["kiosk"],
        obj["event"],
        obj["staff"],
        obj["subject"],
        obj["details"],
        obj["enc"],
        obj["prev"],
        leaf,
        sig_b64,
        raw,
    )


def body_of(entry: Entry) -> dict[str, Any]:
    return {
        "v": FORMAT_VERSION,
        "seq": entry.seq,
        "time": entry.time,
        "kiosk": entry.kiosk,
        "event": entry.event,
        "staff": entry.staff,
        "subject": entry.subject,
        "details": entry.details,
        "enc": entry.enc,
        "prev": entry.prev,
    }


def signature_ok(entry: Entry, public: Ed25519PublicKey) -> bool:
    sig = entry.sig
    if len(sig) != 64 or base64.b64encode(sig).decode("ascii") != entry.sig_b64:
        return False
    body = body_of(entry)
    try:
        public.verify(sig, SIG_CONTEXT + canonical.fast_dumps(body))
        return True
    except (InvalidSignature, ValueError, TypeError, RecursionError):
        pass
    try:  # exotic keys: the full RFC 8785 serialiser decides
        public.verify(sig, signed_message(body))
        return True
    except (InvalidSignature, CryptoError, RecursionError):
        return False
