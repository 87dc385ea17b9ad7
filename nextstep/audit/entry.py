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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from crypto import canonical, merkle
from crypto.keys import KioskKey

FORMAT_VERSION = 1
ZERO_HASH = "0" * 64
SIG_CONTEXT = b"nextstep/audit-entry/v1\n"
BODY_FIELDS = ("details", "enc", "event", "kiosk", "prev", "seq", "staff", "subject", "time", "v")
LINE_FIELDS = frozenset((*BODY_FIELDS, "leaf", "sig"))
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class EntryFormatError(ValueError):
    """A line is not a well-formed entry; ``what`` says precisely why."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass(frozen=True)
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
    sig: bytes
    line: bytes = field(repr=False)

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


def decode(raw: bytes) -> Entry:
    """Parse one line (without its newline) and check its own internal consistency.

    Checks: JSON object with exactly the expected fields and types, canonical bytes, and a
    ``leaf`` equal to the hash of the canonical body. Chain, order and signatures are the
    caller's business because they need context.
    """
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise EntryFormatError("is not valid JSON") from exc
    if not isinstance(obj, dict):
        raise EntryFormatError("is not a JSON object")
    if obj.keys() != LINE_FIELDS:
        missing = sorted(LINE_FIELDS - obj.keys())
        extra = sorted(obj.keys() - LINE_FIELDS)
        raise EntryFormatError(f"has wrong fields (missing {missing}, unexpected {extra})")
    if not canonical.is_canonical(raw, obj):
        raise EntryFormatError("is not in canonical JSON form (bytes were altered)")
    seq, leaf_hex, sig_b64 = obj["seq"], obj["leaf"], obj["sig"]
    if type(seq) is not int or seq < 0 or obj["v"] != FORMAT_VERSION:
        raise EntryFormatError("has an invalid sequence number or format version")
    for name in ("time", "kiosk", "event", "prev", "leaf", "sig"):
        if not isinstance(obj[name], str):
            raise EntryFormatError(f"has a non-text '{name}'")
    for name in ("staff", "subject", "enc"):
        if obj[name] is not None and not isinstance(obj[name], str):
            raise EntryFormatError(f"has an invalid '{name}'")
    if not isinstance(obj["details"], dict):
        raise EntryFormatError("has details that are not an object")
    try:
        leaf = bytes.fromhex(leaf_hex)
        sig = base64.b64decode(sig_b64, validate=True)
    except (ValueError, binascii.Error) as exc:
        raise EntryFormatError("has a malformed leaf or signature encoding") from exc
    if leaf.hex() != leaf_hex or len(leaf) != merkle.HASH_SIZE:
        raise EntryFormatError("has a leaf hash that is not 64 lower-case hex digits")
    del obj["leaf"]
    body_bytes = canonical.fast_dumps(obj)
    computed = merkle.leaf_hash(body_bytes)
    if computed != leaf:
        computed = merkle.leaf_hash(canonical.dumps(obj))
        if computed != leaf:
            raise EntryFormatError("does not match its own leaf hash (its content was altered)")
    return Entry(
        seq=seq,
        time=obj["time"],
        kiosk=obj["kiosk"],
        event=obj["event"],
        staff=obj["staff"],
        subject=obj["subject"],
        details=obj["details"],
        enc=obj["enc"],
        prev=obj["prev"],
        leaf=leaf,
        sig=sig,
        line=raw,
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
    try:
        public.verify(entry.sig, signed_message(body_of(entry)))
        return True
    except InvalidSignature:
        return False
