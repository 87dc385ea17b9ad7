"""Pseudonyms for the log: derived, never names.

Why: the auditor must be able to follow one person's consents and processing without learning
who they are. The subject pseudonym is a domain-separated SHA-256 of the random holder id that
lives only on the person's drive and key card (at least 128 bits of entropy, so it cannot be
guessed from the pseudonym); the person can therefore ask for their entries (Art. 15) by
showing the holder id, and nobody else can link the entries to them.
"""

from __future__ import annotations

import hashlib

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


def staff_pseudonym(staff: str) -> str:
    staff = staff.strip()
    if not staff:
        raise NextStepError("A staff identifier is empty.")
    if staff.startswith(STAFF_PREFIX) and len(staff) == len(STAFF_PREFIX) + 16:
        return staff  # already a pseudonym
    return STAFF_PREFIX + hashlib.sha256(b"nextstep/staff/v1\n" + staff.encode()).hexdigest()[:16]
