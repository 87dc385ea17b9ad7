"""The purposes a person can consent to, as data, with their legal basis and DPV terms.

Why as data: the consent screen, the receipt, the audit verifier (which processing event needs
which purpose, see nextstep.audit.events) and the Art. 30 record are all generated from this
one table, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from nextstep import i18n
from nextstep.errors import NextStepError

DPV = "https://w3id.org/dpv#"
PD = "https://w3id.org/dpv/pd#"  # personal-data categories live in the PD extension

DIGITIZE = "digitize_store"
KEYCARD = "print_keycard"
RECOVERY = "recovery_escrow"
SHARE = "share_recipient"


@dataclass(frozen=True)
class LegalBasis:
    id: str  # "consent" or "public_task"
    articles: str
    dpv: tuple[str, ...]


CONSENT_BASIS = LegalBasis(
    "consent",
    "GDPR Art. 6(1)(a) consent and Art. 9(2)(a) explicit consent",
    (DPV + "Consent", DPV + "ExplicitlyExpressedConsent"),
)
PUBLIC_TASK_BASIS = LegalBasis(
    "public_task",
    "GDPR Art. 6(1)(e) public task with Art. 9(2)(g) substantial public interest "
    "(only where national law gives the operator that task)",
    (DPV + "OfficialAuthorityOfController",),
)
BASES = {b.id: b for b in (CONSENT_BASIS, PUBLIC_TASK_BASIS)}


@dataclass(frozen=True)
class Purpose:
    id: str
    # English msgid of the ``person`` catalogues, the very entry the consent screen shows
    # (kiosk.screens.person.PURPOSE_LABELS): one translation for the screen and the receipt.
    title: str
    dpv: tuple[str, ...]
    data: tuple[str, ...]  # DPV personal-data categories concerned
    always_consent: bool = False  # true where no other basis can apply (sharing, escrow)


PURPOSES: dict[str, Purpose] = {
    p.id: p
    for p in (
        Purpose(
            "digitize_store",
            "Digitise my documents and store them, encrypted, on my own USB drive.",
            (DPV + "ServiceProvision", DPV + "RecordManagement"),
            (
                PD + "OfficialID",
                PD + "HealthRecord",
                PD + "EthnicOrigin",
                PD + "Criminal",  # the justice category: Art. 10 data
                DPV + "SpecialCategoryPersonalData",
            ),
        ),
        Purpose(
            "print_keycard",
            "Print a key card with the passphrase that opens my documents.",
            (DPV + "ServiceProvision",),
            (PD + "Authenticating",),
        ),
        Purpose(
            "recovery_escrow",
            "Let the organisation keep a sealed copy of my passphrase, to help me if I lose my "
            "key card.",
            (DPV + "ServiceProvision", DPV + "IdentityAuthentication"),
            (PD + "Authenticating",),
            always_consent=True,
        ),
        Purpose(
            "share_recipient",
            "Send my documents to a person or service I name.",
            (DPV + "ServiceProvision", DPV + "CommunicationManagement"),
            (PD + "OfficialID", PD + "HealthRecord"),
            always_consent=True,
        ),
    )
}


PURPOSE_IDS: tuple[str, ...] = tuple(PURPOSES)


def legal_basis(purpose_id: str, configured: str = "consent") -> LegalBasis:
    """The basis for a purpose under the operator's setting (Settings.legal_basis)."""
    purpose = get(purpose_id)
    if configured not in BASES:
        raise NextStepError(
            f"Unknown legal basis {configured!r}.", hint="Use consent or public_task."
        )
    if purpose.always_consent:
        return CONSENT_BASIS
    return BASES[configured]


def title(purpose_id: str, language: str) -> str:
    """The purpose's wording in ``language``: the same words the consent screen shows and the
    receipt records (French where the language has none yet)."""
    code = language.split("-")[0].lower()
    code = code if code in i18n.PERSON_LANGUAGES else "fr"
    return i18n.translations("person", code).gettext(get(purpose_id).title)


def get(purpose_id: str) -> Purpose:
    try:
        return PURPOSES[purpose_id]
    except KeyError:
        raise NextStepError(
            f"Unknown consent purpose {purpose_id!r}.",
            hint="Use one of: " + ", ".join(PURPOSES) + ".",
        ) from None
