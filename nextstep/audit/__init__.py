"""The tamper-evident audit log: append, checkpoints, proofs, verification, reports."""

from nextstep.audit import events
from nextstep.audit.entry import Entry
from nextstep.audit.log import AuditError, AuditLog, InclusionProof
from nextstep.audit.pseudonyms import staff_pseudonym, subject_pseudonym
from nextstep.audit.verify import Problem, VerifyReport, verify_log

__all__ = [
    "AuditError",
    "AuditLog",
    "Entry",
    "InclusionProof",
    "Problem",
    "VerifyReport",
    "events",
    "staff_pseudonym",
    "subject_pseudonym",
    "verify_log",
]
