"""Which kiosk public keys an audit command trusts, and whether they prove anything.

Why a module of its own: verify, report, check-proof and witness all take ``--key`` (64 hex
characters or a file holding them). A key read from the data directory being verified is
*self-certified*: whoever could rewrite the log could replace that file too, so a log that
verifies under it proves only that it is self-consistent. The auditor brings the key the
organisation published (docs/gdpr/auditors-guide.md); the commands say when they did not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from nextstep import config
from nextstep.audit.bounded import KEY_LIMIT, UnreadableFile, read_bounded_text
from nextstep.errors import NextStepError

HEX_KEY_LENGTH = 64


@dataclass(frozen=True)
class TrustedKeys:
    """Raw 32-byte Ed25519 keys, and the sources among them that are self-certified."""

    keys: list[bytes]
    self_certified: list[str] = field(default_factory=list)


def data_dir_of(log: Path) -> Path:
    """The data directory a log lives in (``<data>/audit/log.jsonl``), else its folder."""
    folder = log.resolve().parent
    return folder.parent if folder.name == "audit" else folder


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _parse(origin: str, text: str) -> bytes:
    try:
        raw = bytes.fromhex(text.strip())
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise NextStepError(
            f"The public key from {origin} is not 32 bytes in hex.",
            hint="A kiosk public key is 64 hexadecimal characters (see keys/kiosk.pub).",
        )
    return raw


def _read_key_file(path: Path) -> str:
    try:
        return read_bounded_text(path, KEY_LIMIT)
    except UnreadableFile as exc:
        raise NextStepError(
            f"The public key file {path} {exc.reason}.",
            hint="Pass --key with the 64 hexadecimal characters the organisation published.",
        ) from None


def load_trusted_keys(
    values: list[str], settings: config.Settings, log: Path | None = None
) -> TrustedKeys:
    """Parse ``--key`` values (hex or file); without any, fall back to the kiosk's own key.

    The fallback, and any key file inside the kiosk's data directory or the data directory
    of ``log``, is listed as self-certified.
    """
    homes = [settings.data_dir] + ([data_dir_of(log)] if log is not None else [])
    keys: list[bytes] = []
    selfish: list[str] = []
    if not values:
        path = settings.public_key_path
        keys.append(_parse(str(path), _read_key_file(path)))
        selfish.append(str(path))
    for value in values:
        candidate = Path(value)
        if len(value) == HEX_KEY_LENGTH and not candidate.exists():
            keys.append(_parse("--key", value))
            continue
        if not candidate.exists():
            raise NextStepError(
                f"The public key {value!r} is neither 64 hexadecimal characters nor a file.",
                hint="Pass the key the organisation published, as hex or as a file.",
            )
        keys.append(_parse(value, _read_key_file(candidate)))
        if any(_inside(candidate, home) for home in homes):
            selfish.append(value)
    return TrustedKeys(keys, selfish)


def load_public_keys(values: list[str], settings: config.Settings) -> list[bytes]:
    """The keys alone, for commands where self-certification does not arise (a proof check)."""
    return load_trusted_keys(values, settings).keys


SELF_CERTIFIED_WARNING = (
    "the trusted key was taken from the data directory being verified ({sources}): whoever "
    "could rewrite the log could replace it too, so this proves only self-consistency. Bring "
    "the key the organisation published (--key) and your last checkpoint (--checkpoint), or "
    "pass --allow-self-certified"
)
