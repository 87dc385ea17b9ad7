"""Pseudonyms for the log: derived, never names.

Why: the auditor must be able to follow one person's consents and processing without learning
who they are. The subject pseudonym is a domain-separated SHA-256 of the random holder id that
lives only on the person's drive and key card (80 random bits or more, so it cannot be
guessed from the pseudonym); the person can therefore ask for their entries (Art. 15) by
showing the holder id, and nobody else can link the entries to them.

Staff identifiers are short and guessable (first names, logins), so a plain hash would be no
pseudonym at all: staff pseudonyms are an HMAC under a secret derived from the kiosk key. The
association can recompute them for its own staff list; an auditor cannot.
"""

from __future__ import annotations

import hashlib
import hmac

from nextstep.errors import NextStepError

SUBJECT_PREFIX = "s-"
STAFF_PREFIX = "t-"


def subject_pseudonym(holder_id: str) -> str:
    holder_id = holder_id.strip()
    if len(holder_id) < 16:
        raise NextStepError(
            "The holder id is too short to be a NextStep holder id.",
            hint="Copy it exactly from the person's drive or key card.",
        )
    digest = hashlib.sha256(b"nextstep/subject/v1\n" + holder_id.encode()).hexdigest()
    return SUBJECT_PREFIX + digest[:32]


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
