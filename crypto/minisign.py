"""The minisign signature and public-key formats, over ``cryptography``'s Ed25519.

Why minisign: a caseworker or auditor can check a bundle's manifest with the standard,
packaged ``minisign`` tool and the organisation's published public key, without NextStep.
We implement the format (not the crypto) ourselves so the kiosk needs no secret-key file in
minisign's own format: the kiosk's raw Ed25519 seed signs directly.

Formats (https://jedisct1.github.io/minisign/):

* public key: ``untrusted comment: ...`` then base64(``"Ed"`` || key_id[8] || pk[32]);
* signature: ``untrusted comment: ...``, base64(``"ED"`` || key_id[8] || sig[64]) where
  ``sig = Ed25519(BLAKE2b-512(message))`` (the pre-hashed variant; legacy ``"Ed"`` signs the
  message itself), then ``trusted comment: <text>`` and base64(global_sig[64]) where
  ``global_sig = Ed25519(sig || text)`` so the trusted comment cannot be altered.

The key id is 8 bytes; minisign displays it as the little-endian 64-bit integer in hex.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto.errors import CryptoError

PUBKEY_ALG = b"Ed"
SIG_ALG_PREHASHED = b"ED"
SIG_ALG_LEGACY = b"Ed"
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
MAX_COMMENT = 1024


class MinisignError(CryptoError):
    """Root of minisign failures."""


class MalformedSignatureError(MinisignError):
    """The text is not a minisign signature (or public key) at all, or is cut short."""


class UnknownKeyError(MinisignError):
    """The signature was made by a key that is not among the trusted ones."""

    def __init__(self, message: str, *, hint: str = "", key_id: str = "") -> None:
        super().__init__(message, hint=hint)
        self.key_id = key_id


class BadSignatureError(MinisignError):
    """The key is known but the signature does not match: the data or comment was altered."""


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes, as stored in the files
    key: bytes  # 32-byte raw Ed25519 public key

    @property
    def key_id_hex(self) -> str:
        """The id as minisign prints it: the little-endian uint64 in upper-case hex, without
        leading zeros (minisign's ``%" PRIX64 "``), so ids can be compared with its output."""
        return format(int.from_bytes(self.key_id, "little"), "X")

    def to_file(self) -> str:
        """The public-key file ``minisign -p`` reads."""
        blob = base64.b64encode(PUBKEY_ALG + self.key_id + self.key).decode("ascii")
        return f"{UNTRUSTED_PREFIX}minisign public key {self.key_id_hex}\n{blob}\n"

    def ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.key)


@dataclass(frozen=True)
class Verified:
    key: PublicKey
    trusted_comment: str
    prehashed: bool


def key_id_for(public_key: bytes) -> bytes:
    """A stable key id for a raw Ed25519 key (BLAKE2b-64 of it).

    minisign draws its ids at random; ours is derived so the same kiosk key always has the
    same id without storing one more file.
    """
    return hashlib.blake2b(public_key, digest_size=8).digest()


def public_key_from_raw(public_key: bytes, key_id: bytes | None = None) -> PublicKey:
    if len(public_key) != 32:
        raise MinisignError("An Ed25519 public key must be 32 bytes long.")
    return PublicKey(key_id or key_id_for(public_key), bytes(public_key))


def public_key_of(private: Ed25519PrivateKey, key_id: bytes | None = None) -> PublicKey:
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return public_key_from_raw(raw, key_id)


def _b64(line: str, what: str) -> bytes:
    try:
        return base64.b64decode(line.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise MalformedSignatureError(f"The {what} is not valid base64.") from exc


def parse_public_key(data: bytes | str) -> PublicKey:
    """Read a public key given as minisign file text, its base64 line, 64 hex digits or 32 raw
    bytes (the kiosk's ``kiosk.pub`` holds hex)."""
    if isinstance(data, bytes):
        if len(data) == 32:
            return public_key_from_raw(data)
        try:
            data = data.decode("ascii")
        except UnicodeDecodeError as exc:
            raise MalformedSignatureError("The public key is not text nor 32 raw bytes.") from exc
    lines = [ln for ln in data.strip().splitlines() if ln.strip()]
    if not lines:
        raise MalformedSignatureError("The public key is empty.")
    line = lines[-1].strip()
    if len(line) == 64 and all(c in "0123456789abcdefABCDEF" for c in line):
        return public_key_from_raw(bytes.fromhex(line))
    blob = _b64(line, "public key")
    if len(blob) != 42 or blob[:2] != PUBKEY_ALG:
        raise MalformedSignatureError("This is not a minisign Ed25519 public key.")
    return PublicKey(blob[2:10], blob[10:42])


def _check_comment(text: str, what: str) -> None:
    if "\n" in text or "\r" in text or len(text) > MAX_COMMENT:
        raise MinisignError(f"The {what} must be one line of at most {MAX_COMMENT} characters.")


def sign(
    private: Ed25519PrivateKey,
    message: bytes,
    *,
    trusted_comment: str,
    untrusted_comment: str = "signature from NextStep kiosk key",
    key_id: bytes | None = None,
) -> bytes:
    """A ``.minisig`` file (pre-hashed ``ED`` variant) for ``message``."""
    _check_comment(trusted_comment, "trusted comment")
    _check_comment(untrusted_comment, "untrusted comment")
    pub = public_key_of(private, key_id)
    digest = hashlib.blake2b(message, digest_size=64).digest()
    sig = private.sign(digest)
    global_sig = private.sign(sig + trusted_comment.encode("utf-8"))
    text = (
        f"{UNTRUSTED_PREFIX}{untrusted_comment}\n"
        + base64.b64encode(SIG_ALG_PREHASHED + pub.key_id + sig).decode("ascii")
        + f"\n{TRUSTED_PREFIX}{trusted_comment}\n"
        + base64.b64encode(global_sig).decode("ascii")
        + "\n"
    )
    return text.encode("utf-8")


@dataclass(frozen=True)
class Signature:
    algorithm: bytes
    key_id: bytes
    sig: bytes
    trusted_comment: str
    global_sig: bytes

    @property
    def key_id_hex(self) -> str:
        return format(int.from_bytes(self.key_id, "little"), "X")


def parse_signature(data: bytes) -> Signature:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise MalformedSignatureError("The signature file is not text.") from exc
    lines = text.splitlines()
    if len(lines) < 4 or not lines[0].startswith(UNTRUSTED_PREFIX):
        raise MalformedSignatureError(
            "The signature file is incomplete or not a minisign signature."
        )
    blob = _b64(lines[1], "signature")
    if len(blob) != 74 or blob[:2] not in (SIG_ALG_PREHASHED, SIG_ALG_LEGACY):
        raise MalformedSignatureError("The signature uses an unknown minisign algorithm.")
    if not lines[2].startswith(TRUSTED_PREFIX):
        raise MalformedSignatureError("The signature file lacks its trusted comment.")
    global_sig = _b64(lines[3], "global signature")
    if len(global_sig) != 64:
        raise MalformedSignatureError("The global signature has the wrong length.")
    return Signature(blob[:2], blob[2:10], blob[10:74], lines[2][len(TRUSTED_PREFIX) :], global_sig)


def verify(message: bytes, signature: bytes, keys: Sequence[PublicKey]) -> Verified:
    """Check ``signature`` (``.minisig`` bytes) over ``message`` with one of ``keys``.

    Raises :class:`UnknownKeyError` when no key has the signature's id,
    :class:`BadSignatureError` when the signature or the trusted comment does not verify.
    """
    parsed = parse_signature(signature)
    key = next((k for k in keys if k.key_id == parsed.key_id), None)
    if key is None:
        raise UnknownKeyError(
            f"The signature was made by key {parsed.key_id_hex}, which is not a trusted key.",
            hint="Check it with the organisation's published public key.",
            key_id=parsed.key_id_hex,
        )
    pub = key.ed25519()
    prehashed = parsed.algorithm == SIG_ALG_PREHASHED
    signed = hashlib.blake2b(message, digest_size=64).digest() if prehashed else message
    try:
        pub.verify(parsed.sig, signed)
    except InvalidSignature as exc:
        raise BadSignatureError("The signature does not match the signed data.") from exc
    try:
        pub.verify(parsed.global_sig, parsed.sig + parsed.trusted_comment.encode("utf-8"))
    except InvalidSignature as exc:
        raise BadSignatureError("The signature's trusted comment was altered.") from exc
    return Verified(key, parsed.trusted_comment, prehashed)
