"""Audit event names, and which consent purpose each processing event needs.

Why as data: the verifier and the auditor's report check consent coverage from this one table,
so adding a processing step without saying which consent covers it is impossible to miss.
"""

from __future__ import annotations

SESSION_START = "session_start"
SESSION_END = "session_end"
CONSENT_GIVEN = "consent_given"
CONSENT_WITHDRAWN = "consent_withdrawn"
PAGE_CAPTURED = "page_captured"
PAGE_REFUSED = "page_refused"
CATEGORY_CHANGED = "category_changed"
DEADLINE_CONFIRMED = "deadline_confirmed"
BUNDLE_BUILT = "bundle_built"
BUNDLE_WRITE_FAILED = "bundle_write_failed"
DOCUMENT_CLASSIFIED = "document_classified"
BUNDLE_WRITTEN = "bundle_written"
BUNDLE_VERIFIED = "bundle_verified"
KEYCARD_PRINTED = "keycard_printed"
RECOVERY_ESCROWED = "recovery_escrowed"
SHARE = "share"
RECOVERY = "recovery"
ACCESS_REQUEST = "access_request"
ERASURE = "erasure"
CHECKPOINT = "checkpoint"
LOG_REPAIRED = "log_repaired"
BUNDLE_CHECKED = "bundle_checked"  # return visit: conservation check (and repair) of the drive
BUNDLE_OPENED = "bundle_opened"  # return visit: opened with the passphrase, signature verified
BACKUP_WRITTEN = "backup_written"  # a second copy on another drive, verified
DOCUMENT_EDITED = "document_edited"  # staff split/merged/reordered/deleted pages (action only)
PERIOD_TOTALS = "period_totals"  # a finished month's anonymous counts (nextstep.audit.tally)
LOG_SEALED = "log_sealed"  # retention removed old entries, keeping their hashes (audit.seal)

# Processing events and the consent purpose (nextstep.consent.purposes) each one needs.
REQUIRED_PURPOSE: dict[str, str] = {
    PAGE_CAPTURED: "digitize_store",
    PAGE_REFUSED: "digitize_store",
    CATEGORY_CHANGED: "digitize_store",
    DEADLINE_CONFIRMED: "digitize_store",
    BUNDLE_BUILT: "digitize_store",
    BUNDLE_WRITE_FAILED: "digitize_store",
    DOCUMENT_CLASSIFIED: "digitize_store",
    BUNDLE_WRITTEN: "digitize_store",
    BUNDLE_VERIFIED: "digitize_store",
    KEYCARD_PRINTED: "print_keycard",
    RECOVERY_ESCROWED: "recovery_escrow",
    RECOVERY: "recovery_escrow",
    SHARE: "share_recipient",
    BUNDLE_CHECKED: "digitize_store",
    BUNDLE_OPENED: "digitize_store",
    BACKUP_WRITTEN: "digitize_store",
    DOCUMENT_EDITED: "digitize_store",
}

# Events that carry no processing of a person's documents and need no consent.
ADMINISTRATIVE = frozenset(
    {
        SESSION_START,
        SESSION_END,
        CONSENT_GIVEN,
        CONSENT_WITHDRAWN,
        ACCESS_REQUEST,
        ERASURE,
        CHECKPOINT,
        LOG_REPAIRED,
        PERIOD_TOTALS,
        LOG_SEALED,
    }
)

ALL_EVENTS = frozenset(REQUIRED_PURPOSE) | ADMINISTRATIVE
