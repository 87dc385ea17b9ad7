"""Consent records (ISO/IEC TS 27560 shape, W3C DPV terms), given and withdrawn through the log.

Why this way: the record must prove, per purpose, that the person was informed in a language
they understand (which notice, by hash; on screen, printed or through an interpreter), by whom,
when, and what they answered — with no pre-ticked answer. ``give`` and ``withdraw`` each take
one call (one screen, one confirmation): withdrawing is never harder than giving. Both write
the record to the audit log, where the verifier checks that every processing step is covered.
Only the pseudonym goes into the log; the holder id stays on the person's drive.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from nextstep.audit import events
from nextstep.audit.log import AuditLog
from nextstep.consent import notices
from nextstep.consent import purposes as _purposes
from nextstep.errors import NextStepError

DPV = _purposes.DPV
SCHEMA = "ISO/IEC TS 27560:2023 consent record, W3C DPV 2.0 terms"


class ConsentError(NextStepError):
    """A consent cannot be recorded as asked (missing answer, unknown purpose, no notice)."""


class InformedVia(StrEnum):
    ON_SCREEN = "on_screen"
    PRINTED = "printed"
    INTERPRETER = "interpreter"

    @classmethod
    def parse(cls, value: InformedVia | str) -> InformedVia:
        aliases = {"screen": "on_screen", "print": "printed", "paper": "printed"}
        text = str(value.value if isinstance(value, InformedVia) else value).strip().lower()
        try:
            return cls(aliases.get(text, text))
        except ValueError:
            raise ConsentError(
                f"Unknown way of informing the person: {value!r}.",
                hint="Use on_screen, printed or interpreter.",
            ) from None


@dataclass(frozen=True)
class PurposeDecision:
    purpose: str
    given: bool
    legal_basis: str
    dpv_purposes: tuple[str, ...]
    dpv_status: str  # dpv:ConsentGiven / dpv:ConsentRefused / dpv:ConsentWithdrawn


@dataclass(frozen=True)
class ConsentRecord:
    """One consent event for one person, as stored (pseudonymously) in the audit log."""

    record_id: str
    subject: str  # pseudonym
    controller: str
    time: str
    staff: str  # pseudonym
    kind: str  # "given" or "withdrawn"
    notice_language: str
    notice_version: int
    notice_sha256: str
    informed_via: InformedVia
    informed_language: str
    interpreter_language: str | None
    decisions: tuple[PurposeDecision, ...]
    audit_seq: int = -1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def choices(self) -> dict[str, bool]:
        """purpose -> answer (for a withdrawal: the withdrawn purposes, all False)."""
        return {d.purpose: d.given for d in self.decisions}

    @property
    def given_purposes(self) -> list[str]:
        return [d.purpose for d in self.decisions if d.given]

    def as_dpv(self) -> dict[str, Any]:
        """A JSON-LD view with DPV terms, for export and the person's drive."""
        return {
            "@context": {"dpv": DPV},
            "@id": f"urn:uuid:{self.record_id}",
            "@type": "dpv:ConsentRecord",
            "dpv:hasDataSubject": self.subject,
            "dpv:hasDataController": self.controller,
            "dpv:hasRecipient": None,
            "dpv:hasNotice": {
                "language": self.notice_language,
                "version": self.notice_version,
                "sha256": self.notice_sha256,
            },
            "dpv:isIndicatedBy": self.staff,
            "dpv:isIndicatedAtTime": self.time,
            "dpv:hasConsentStatus": [
                {
                    "dpv:hasPurpose": list(d.dpv_purposes),
                    "nextstep:purpose": d.purpose,
                    "dpv:hasLegalBasis": d.legal_basis,
                    "dpv:hasStatus": d.dpv_status,
                }
                for d in self.decisions
            ],
            "informed": {
                "via": self.informed_via.value,
                "language": self.informed_language,
                "interpreter_language": self.interpreter_language,
            },
            "schema": SCHEMA,
        }


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def give(
    log: AuditLog,
    *,
    holder_id: str,
    choices: Mapping[str, bool],
    language: str,
    staff: str,
    informed: InformedVia | str = InformedVia.ON_SCREEN,
    interpreter_language: str | None = None,
    legal_basis: str = "consent",
    controller: str = "Le Monde des Possibles",
) -> ConsentRecord:
    """Record the person's answer for EVERY purpose (yes or no: there is no default).

    ``language`` is the notice's language; with an interpreter, ``interpreter_language`` is the
    language the interpreter spoke to the person.
    """
    missing = [p for p in _purposes.PURPOSES if p not in choices]
    if missing:
        raise ConsentError(
            "Every purpose needs an explicit yes or no; there are no pre-ticked answers.",
            hint="Ask the person about: " + ", ".join(missing) + ".",
        )
    for p, answer in choices.items():
        _purposes.get(p)
        if not isinstance(answer, bool):
            raise ConsentError(f"The answer for {p} must be yes or no.")
    via = InformedVia.parse(informed)
    if via is InformedVia.INTERPRETER and not interpreter_language:
        raise ConsentError(
            "With an interpreter, record the language the interpreter used.",
            hint="Set interpreter_language (e.g. 'ps' for Pashto).",
        )
    notice = notices.load(language)
    decisions = tuple(
        PurposeDecision(
            purpose=p,
            given=choices[p],
            legal_basis=_purposes.legal_basis(p, legal_basis).id,
            dpv_purposes=_purposes.PURPOSES[p].dpv,
            dpv_status="dpv:ConsentGiven" if choices[p] else "dpv:ConsentRefused",
        )
        for p in _purposes.PURPOSES
    )
    record = ConsentRecord(
        record_id=str(uuid.uuid4()),
        subject=log.subject_pseudonym(holder_id),
        controller=controller,
        time=_now(),
        staff=log.staff_pseudonym(staff),
        kind="given",
        notice_language=notice.language,
        notice_version=notice.version,
        notice_sha256=notice.sha256,
        informed_via=via,
        informed_language=interpreter_language or notice.language,
        interpreter_language=interpreter_language,
        decisions=decisions,
    )
    # The notice's language and hash (the hash names the language) and how the person was
    # informed describe the person: encrypted under their key; the month's anonymous totals
    # count them for the auditor (nextstep.audit.tally).
    entry = log.append(
        events.CONSENT_GIVEN,
        staff=staff,
        subject_holder_id=holder_id,
        details={
            "consent_id": record.record_id,
            "purposes": {d.purpose: d.given for d in decisions},
            "basis": {d.purpose: d.legal_basis for d in decisions},
            "notice": {"version": notice.version},
            "schema": SCHEMA,
        },
        private={
            "notice": {
                "language": notice.language,
                "version": notice.version,
                "sha256": notice.sha256,
                "draft": notice.draft,
            },
            "informed": {
                "via": via.value,
                "language": record.informed_language,
                "interpreter_language": interpreter_language,
            },
        },
        tally={"notice_languages": {notice.language: 1}, "informed_via": {via.value: 1}},
    )
    return _with_seq(record, entry.seq)


def withdraw(
    log: AuditLog,
    *,
    holder_id: str,
    staff: str,
    purposes: Iterable[str] | None = None,
    language: str = "en",
    controller: str = "Le Monde des Possibles",
) -> ConsentRecord:
    """Withdraw some purposes (default: all) in one step. Processing stops from this entry on."""
    chosen = list(_purposes.PURPOSES) if purposes is None else list(purposes)
    for p in chosen:
        _purposes.get(p)
    if not chosen:
        raise ConsentError("Name at least one purpose to withdraw, or none to withdraw all.")
    notice = notices.load(language)
    record = ConsentRecord(
        record_id=str(uuid.uuid4()),
        subject=log.subject_pseudonym(holder_id),
        controller=controller,
        time=_now(),
        staff=log.staff_pseudonym(staff),
        kind="withdrawn",
        notice_language=notice.language,
        notice_version=notice.version,
        notice_sha256=notice.sha256,
        informed_via=InformedVia.ON_SCREEN,
        informed_language=notice.language,
        interpreter_language=None,
        decisions=tuple(
            PurposeDecision(p, False, "consent", _purposes.PURPOSES[p].dpv, "dpv:ConsentWithdrawn")
            for p in chosen
        ),
    )
    entry = log.append(
        events.CONSENT_WITHDRAWN,
        staff=staff,
        subject_holder_id=holder_id,
        details={"consent_id": record.record_id, "purposes": chosen, "schema": SCHEMA},
    )
    return _with_seq(record, entry.seq)


def _with_seq(record: ConsentRecord, seq: int) -> ConsentRecord:
    return replace(record, audit_seq=seq)
