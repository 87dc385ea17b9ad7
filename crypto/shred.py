"""Per-subject keys for crypto-shredding: erasing a person is destroying their key.

Why: the audit log is append-only and hash-chained, so nothing in it can be deleted without
breaking verification. Anything that could identify or describe a person is therefore stored
in the log only as AES-256-GCM ciphertext under a key of their own, kept outside the log. When
they ask for erasure (GDPR Art. 17) the key file is overwritten and unlinked; the ciphertext
stays (so every hash still verifies) but can no longer be read by anyone.

Each key is a 32-byte random value in its own 0600 file named by the subject pseudonym. The
nonce is 96 random bits per message; the associated data binds a ciphertext to its log entry so
it cannot be moved to another entry.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from crypto.errors import CryptoError
from crypto.secretfile import fsync_dir, write_secret

KEY_SIZE = 32
NONCE_SIZE = 12
_NAME = re.compile(r"^[A-Za-z0-9_-]{4,80}$")


class ShredError(CryptoError):
    """A subject key is missing (erased), damaged, or a ciphertext does not authenticate."""


class SubjectKeyStore:
    """A directory of per-subject AES-256-GCM keys, one file each, mode 0600."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, subject: str) -> Path:
        if not _NAME.match(subject):
            raise ShredError(f"The subject pseudonym {subject!r} is not a valid key name.")
        return self.directory / f"{subject}.key"

    def has_key(self, subject: str) -> bool:
        return self._path(subject).exists()

    def key(self, subject: str, *, create: bool = False) -> bytes:
        path = self._path(subject)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            if not create:
                raise ShredError(
                    "This person's key no longer exists; their private details were erased.",
                ) from None
            return self._create(path)
        if len(data) != KEY_SIZE:
            raise ShredError(f"The subject key file {path.name} is damaged.")
        return data

    def _create(self, path: Path) -> bytes:
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = secrets.token_bytes(KEY_SIZE)
        write_secret(path, key)
        return key

    def encrypt(self, subject: str, plaintext: bytes, aad: bytes) -> bytes:
        """nonce || AES-256-GCM(ciphertext || tag), creating the subject's key if needed."""
        key = self.key(subject, create=True)
        nonce = secrets.token_bytes(NONCE_SIZE)
        return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)

    def decrypt(self, subject: str, blob: bytes, aad: bytes) -> bytes:
        key = self.key(subject)
        if len(blob) < NONCE_SIZE + 16:
            raise ShredError("An encrypted payload is too short to be genuine.")
        try:
            return AESGCM(key).decrypt(blob[:NONCE_SIZE], blob[NONCE_SIZE:], aad)
        except InvalidTag as exc:
            raise ShredError("An encrypted payload does not authenticate under its key.") from exc

    def destroy(self, subject: str) -> bool:
        """Overwrite and unlink the subject's key; return whether there was one.

        Overwriting first limits recovery from the same file system blocks; on flash media the
        controller may keep old blocks, which is why the data directory should sit on an
        encrypted volume (see docs/gdpr/retention.md).
        """
        path = self._path(subject)
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return False
        fd = os.open(path, os.O_WRONLY)
        try:
            os.write(fd, secrets.token_bytes(max(size, KEY_SIZE)))
            os.fsync(fd)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, bytes(max(size, KEY_SIZE)))
            os.fsync(fd)
        finally:
            os.close(fd)
        path.unlink()
        fsync_dir(self.directory)
        return True
