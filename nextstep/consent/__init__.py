"""GDPR consent: purposes as data, hashed versioned notices, ISO/IEC TS 27560 records, receipts."""

from nextstep.consent.purposes import (
    DIGITIZE,
    KEYCARD,
    PURPOSE_IDS,
    PURPOSES,
    RECOVERY,
    SHARE,
    Purpose,
    legal_basis,
)
from nextstep.consent.receipt import (
    RECEIPT_JSON_SUFFIX,
    RECEIPT_SUFFIX,
    WITHDRAWAL_JSON_SUFFIX,
    WITHDRAWAL_SUFFIX,
    receipt_json,
    receipt_pdf,
    receipt_text,
)
from nextstep.consent.record import (
    ConsentError,
    ConsentRecord,
    InformedVia,
    PurposeDecision,
    give,
    withdraw,
)

__all__ = [
    "DIGITIZE",
    "KEYCARD",
    "PURPOSE_IDS",
    "RECOVERY",
    "SHARE",
    "PURPOSES",
    "RECEIPT_JSON_SUFFIX",
    "RECEIPT_SUFFIX",
    "WITHDRAWAL_JSON_SUFFIX",
    "WITHDRAWAL_SUFFIX",
    "ConsentError",
    "ConsentRecord",
    "InformedVia",
    "Purpose",
    "PurposeDecision",
    "give",
    "legal_basis",
    "receipt_json",
    "receipt_pdf",
    "receipt_text",
    "withdraw",
]
