"""Passphrase recovery through the organisation, only with the person's consent.

The passphrase is encrypted with age (X25519 recipient, via pyrage) to the organisation's
offline recovery public key and stored beside the bundle. Only the holder of the private key
(kept offline, split among staff: see docs/security.md) can recover it, with the standard
``age -d -i org.key`` or :func:`recover`. The file is ASCII-armoured so it survives being
printed or mailed; it holds nothing but the passphrase.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyrage

from crypto.errors import CryptoError

RECOVERY_SUFFIX = ".recovery.age"


class RecoveryError(CryptoError):
    """The recovery data or key is unusable."""


@dataclass(frozen=True)
class RecoveryProbe:
    ok: bool
    message: str
    fix: str = ""


def parse_recipient(recipient: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(recipient.strip())
    except (pyrage.RecipientError, ValueError) as exc:
        raise RecoveryError(
            "The organisation's recovery key is not a valid age public key (age1...).",
            hint="Set recovery_recipient to the line 'Public key: age1...' from age-keygen.",
        ) from exc


def probe(recipient: str) -> RecoveryProbe:
    """Preflight: is recovery configured with a usable recipient?"""
    if not recipient:
        return RecoveryProbe(
            False,
            "Passphrase recovery is not configured.",
            "Set recovery_recipient in the configuration (age1...).",
        )
    try:
        parse_recipient(recipient)
    except RecoveryError as exc:
        return RecoveryProbe(False, exc.message, exc.hint)
    return RecoveryProbe(True, "Passphrase recovery is configured.")


def _armor(data: bytes) -> bytes:
    import base64

    body = base64.b64encode(data).decode("ascii")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return (
        "-----BEGIN AGE ENCRYPTED FILE-----\n"
        + "\n".join(lines)
        + "\n-----END AGE ENCRYPTED FILE-----\n"
    ).encode("ascii")


def seal(passphrase: str, recipient: str) -> bytes:
    """The passphrase encrypted to ``recipient``, as an armoured age file."""
    encrypted = pyrage.encrypt(passphrase.encode("utf-8"), [parse_recipient(recipient)])
    return _armor(encrypted)


def _dearmor(data: bytes) -> bytes:
    import base64
    import binascii

    text = data.strip()
    if not text.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----"):
        return data
    lines = text.splitlines()
    if not lines[-1].startswith(b"-----END AGE ENCRYPTED FILE-----"):
        raise RecoveryError("The recovery file is cut short.")
    try:
        return base64.b64decode(b"".join(lines[1:-1]), validate=True)
    except binascii.Error as exc:
        raise RecoveryError("The recovery file is damaged.") from exc


def recover(sealed: bytes, identity: str) -> str:
    """Decrypt a recovery file with the organisation's private key text (AGE-SECRET-KEY-1...).

    ``identity`` may be a whole age-keygen key file: comment lines are skipped.
    """
    keys = [ln.strip() for ln in identity.splitlines() if ln.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise RecoveryError("No age secret key (AGE-SECRET-KEY-1...) was found in the key file.")
    try:
        identities = [pyrage.x25519.Identity.from_str(k) for k in keys]
    except (pyrage.IdentityError, ValueError) as exc:
        raise RecoveryError("The organisation's recovery key file is damaged.") from exc
    try:
        plain = pyrage.decrypt(_dearmor(sealed), identities)
    except pyrage.DecryptError as exc:
        raise RecoveryError(
            "This recovery file was not made for this organisation key, or it is damaged.",
            hint="Use the organisation's recovery key that was current when the bundle was made.",
        ) from exc
    return bytes(plain).decode("utf-8")
