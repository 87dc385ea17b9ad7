"""Pseudonyms for the log: keyed, never names, never a bare hash of something on a drive.

Why: the auditor must be able to follow one person's consents and processing without learning
who they are, and holding the person's drive must not be enough to find them in the log. The
holder id is printed on the drive (envelope, consent receipt) and the key card, so a plain hash
of it would let anyone holding the drive link it to the log. The subject pseudonym is therefore
an HMAC-SHA256 of the holder id under the organisation's pseudonym key, a random 32-byte file
in the data directory (``audit/pseudonym.key``, mode 0600; copy it to the association's other
kiosks so a person keeps one pseudonym across them). The kiosk recomputes the pseudonym for an
access or erasure request from the holder id the person shows; an auditor cannot.

Staff identifiers are short and guessable (first names, logins): staff pseudonyms are an HMAC
under a secret derived from the kiosk key. The association can recompute them for its own
staff list; an auditor cannot.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from pathlib import Path

from crypto.secretfile import write_secret
from nextstep.audit.bounded import UnreadableFile, read_bounded
from nextstep.errors import NextStepError

SUBJECT_PREFIX = "s-"
STAFF_PREFIX = "t-"
PSEUDONYM_KEY_SIZE = 32
PSEUDONYM_KEY_FILE = "pseudonym.key"


def pseudonym_key(audit_dir: Path, *, create: bool = True) -> bytes:
    """The organisation's subject-pseudonym key in ``audit_dir`` (made on first use)."""
    path = audit_dir / PSEUDONYM_KEY_FILE
    if not path.exists() and not path.is_symlink():
        if not create:
            raise NextStepError(f"The pseudonym key {path} does not exist.")
        write_secret(path, secrets.token_bytes(PSEUDONYM_KEY_SIZE))
    try:
        key = read_bounded(path, PSEUDONYM_KEY_SIZE, follow_links=False)
    except UnreadableFile as exc:
        raise NextStepError(
            f"The pseudonym key {path} {exc.reason}.",
            hint="Restore audit/pseudonym.key from the backup of the data directory.",
        ) from None
    if len(key) != PSEUDONYM_KEY_SIZE:
        raise NextStepError(
            f"The pseudonym key {path} is damaged.",
            hint="Restore audit/pseudonym.key from the backup of the data directory.",
        )
    return key


def subject_pseudonym(holder_id: str, secret: bytes) -> str:
    """HMAC-SHA256(organisation key, holder id), shortened to 128 bits."""
    holder_id = holder_id.strip()
    if len(holder_id) < 16:
        raise NextStepError(
            "The holder id is too short to be a NextStep holder id.",
            hint="Copy it exactly from the person's drive or key card.",
        )
    digest = hmac.new(secret, b"nextstep/subject/v2\n" + holder_id.encode(), hashlib.sha256)
    return SUBJECT_PREFIX + digest.hexdigest()[:32]


STAFF_SECRET_LABEL = "nextstep/audit/staff-pseudonym/v1"  # noqa: S105 (an HKDF label)


def staff_pseudonym(staff: str, secret: bytes) -> str:
    """HMAC-SHA256(secret, staff id), shortened; ``secret`` from KioskKey.derive()."""
    staff = staff.strip()
    if not staff:
        raise NextStepError("A staff identifier is empty.")
    if staff.startswith(STAFF_PREFIX) and len(staff) == len(STAFF_PREFIX) + 16:
        return staff  # already a pseudonym
    digest = hmac.new(secret, b"nextstep/staff/v1\n" + staff.encode(), hashlib.sha256)
    return STAFF_PREFIX + digest.hexdigest()[:16]
