"""The kiosk's identity: its Ed25519 key, and the public forms anyone can check bundles with.

Why two public files: ``kiosk.pub`` (64 hex characters) is what the audit tools and trusted-key
folders have always read; ``kiosk.minisign.pub`` is the same key in minisign's own format, so an
institution checks a drive's ``<stem>.manifest.json`` with stock ``minisign -Vm FILE -p
kiosk.minisign.pub`` and no NextStep code. When the organisation has its own minisign key
(``org_public_key`` in the settings), ``nextstep init`` validates it and keeps a copy as
``nextstep-org.pub`` beside them, the name the documentation gives institutions.
"""

from __future__ import annotations

from crypto import keys, minisign
from crypto.errors import CryptoError
from nextstep import config
from nextstep.errors import NextStepError
from nextstep.fsio import write_atomic


class IdentityError(NextStepError):
    """The kiosk's key or the organisation's public key cannot be used."""


def load_identity(settings: config.Settings) -> tuple[keys.KioskKey, bool]:
    """Load (or create, on first use) the kiosk key and (re)write its public key files.

    Returns the key and whether it was created now. Idempotent: running it twice writes the
    same bytes.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    key, created = keys.load_or_create(settings.key_path)
    # Public keys are meant to be copied and published: readable by all (0644).
    hex_key = key.public_bytes.hex().encode("ascii") + b"\n"
    write_atomic(settings.public_key_path, hex_key, mode=0o644)
    public = minisign.public_key_of(key.private)
    write_atomic(settings.minisign_public_key_path, public.to_file().encode("ascii"), mode=0o644)
    if settings.org_public_key:
        org = org_public_key(settings).encode("ascii")
        write_atomic(settings.org_public_key_copy, org, mode=0o644)
    return key, created


def org_public_key(settings: config.Settings) -> str:
    """The organisation's minisign public key file, checked, in minisign's format."""
    path = settings.org_public_key
    try:
        with open(path, "rb") as handle:  # an operator's file, not a person's drive
            raw = handle.read(4096)
        return minisign.parse_public_key(raw).to_file()
    except OSError as exc:
        raise IdentityError(
            f"The organisation's public key {path} cannot be read.",
            hint="Check the org_public_key setting: it names a minisign .pub file.",
        ) from exc
    except CryptoError as exc:
        raise IdentityError(
            f"The file {path} is not a minisign public key.",
            hint="Use the .pub file that `minisign -G` wrote for the organisation.",
        ) from exc
