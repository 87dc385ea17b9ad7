"""The kiosk's Ed25519 identity: created once by ``nextstep init``, stored 0600.

The private key is a raw 32-byte seed in a file readable only by the kiosk user; the public
key is what the organisation publishes so anyone can check bundles and checkpoints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from crypto.errors import CryptoError
from crypto.secretfile import write_secret


@dataclass(frozen=True)
class KioskKey:
    """A loaded signing identity."""

    private: Ed25519PrivateKey

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()

    @property
    def public_bytes(self) -> bytes:
        return self.public.public_bytes(Encoding.Raw, PublicFormat.Raw)

    def sign(self, message: bytes) -> bytes:
        return self.private.sign(message)

    def derive(self, label: str, length: int = 32) -> bytes:
        """A secret for one purpose (e.g. keyed staff pseudonyms), derived from the seed.

        HKDF-SHA256 with the label as info: one key file to protect and back up, and secrets
        for different purposes that reveal nothing about each other or the signing key.
        """
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF
        from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

        seed = self.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        hkdf = HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=label.encode())
        return hkdf.derive(seed)


def generate() -> KioskKey:
    return KioskKey(Ed25519PrivateKey.generate())


def save_private(key: KioskKey, path: Path) -> None:
    """Write the seed with mode 0600 from the first byte (never world-readable, even briefly)."""
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    seed = key.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    write_secret(path, seed)


def load_private(path: Path) -> KioskKey:
    try:
        seed = path.read_bytes()
    except FileNotFoundError as exc:
        raise CryptoError(
            f"The kiosk signing key {path} does not exist.", hint="Run `nextstep init` first."
        ) from exc
    if len(seed) != 32:
        raise CryptoError(f"The kiosk signing key {path} is damaged (expected 32 bytes).")
    return KioskKey(Ed25519PrivateKey.from_private_bytes(seed))


def load_or_create(path: Path) -> tuple[KioskKey, bool]:
    """Return the key at ``path``, creating it if absent; the flag says whether it was new."""
    if path.exists():
        return load_private(path), False
    key = generate()
    save_private(key, path)
    return key, True
