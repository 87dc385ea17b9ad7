"""Withdrawing consent after the visit, with the person's drive: as easy as giving it (Art. 7(3)).

Why here and not only in Session: after the visit the kiosk holds nothing of the person but
the log. What a purpose covered is on their drive (the organisation's sealed copy of the key
for ``recovery_escrow``, copies made for a recipient in ``partage-share/`` for
``share_recipient``), so withdrawal reads the drive (through the hostile reader only), proves
the history is the person's (their key card's passphrase opens the bundle, or a staff member
attests it, which is logged), logs ``consent_withdrawn`` through
:func:`nextstep.consent.record.withdraw`, erases those files through the drive target, and
writes the receipt (text in the person's language and French, and JSON-LD) beside the bundle.
The bundle itself stays: it is the person's property, not the kiosk's copy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crypto import minisign
from nextstep.audit import events
from nextstep.audit.log import AuditLog
from nextstep.config import Settings
from nextstep.consent import purposes as _purposes
from nextstep.consent import receipt
from nextstep.consent.record import ConsentError, ConsentRecord, withdraw
from nextstep.drives import hostile
from nextstep.drives.target import DriveTarget
from nextstep.errors import NextStepError
from nextstep.sharing import SHARE_FOLDER, remove_shared_copies

PROOF_KEYCARD = "keycard"
PROOF_STAFF = "staff_attestation"
RECOVERY_SUFFIX = ".recovery.age"


class ProofRequired(NextStepError):
    """Withdrawal, access or erasure was asked without proof that the history is the person's."""


@dataclass
class History:
    """What the log says about a person's consents (read with their key)."""

    active: dict[str, bool] = field(default_factory=dict)  # purpose -> currently given
    language: str = ""  # the language the person chose (encrypted in the log)
    ever_given: bool = False


@dataclass
class WithdrawalResult:
    record: ConsentRecord
    removed: list[str]
    not_given: list[str]
    receipt_files: list[str]
    language: str
    proof: str = ""


@dataclass
class GivenOnDrive:
    """The purposes a person can still withdraw, once they proved the drive's bundle is theirs.

    ``language`` is the person's own (from the log) so the kiosk can ask them to confirm in
    it; nothing here is written anywhere."""

    holder_id: str
    stem: str
    proof: str
    given: list[str]
    language: str


def history(log: AuditLog, holder_id: str) -> History:
    """The person's current consents and language, from their entries in the log."""
    out = History()
    for e, private in log.subject_entries(holder_id):
        private = private or {}
        if e.event == events.SESSION_START and private.get("language"):
            out.language = str(private["language"])
        elif e.event == events.CONSENT_GIVEN:
            out.ever_given = True
            out.active = {str(p): bool(v) for p, v in dict(e.details.get("purposes", {})).items()}
            notice = private.get("notice") or e.details.get("notice") or {}
            if isinstance(notice, dict) and notice.get("language"):
                out.language = str(notice["language"])
        elif e.event == events.CONSENT_WITHDRAWN:
            for p in e.details.get("purposes", []):
                out.active[str(p)] = False
        elif e.event == events.ERASURE:
            out.active = {}
    return out


def check_proof(
    *,
    passphrase: str | None,
    attested: bool,
    pdf: bytes | None = None,
    envelope: tuple[bytes, bytes] | None = None,
    trusted_keys: Sequence[bytes | minisign.PublicKey] = (),
) -> str:
    """How the person proved the history is theirs: "keycard" when the passphrase opens their
    bundle, "staff_attestation" when staff attests; raises :class:`ProofRequired` otherwise.

    Why: the holder id in clear on a drive names the history but proves nothing (anyone who
    found the drive holds it); the passphrase is on the key card the person keeps.
    """
    if passphrase:
        if pdf is None:
            raise ProofRequired(
                "There is no bundle to check the key card's passphrase against.",
                hint="Use the drive that holds the person's bundle, or a staff attestation.",
            )
        from nextstep.bundle.verify import BundleError, verify_bundle

        try:
            verify_bundle(pdf, passphrase=passphrase, trusted_keys=trusted_keys, envelope=envelope)
        except BundleError as exc:
            raise ProofRequired(
                "The passphrase does not open this bundle, so it does not prove the history "
                "is this person's.",
                hint="Type the passphrase from the key card again, or use a staff attestation "
                "(--attest) after checking who the person is.",
            ) from exc
        return PROOF_KEYCARD
    if attested:
        return PROOF_STAFF
    raise ProofRequired(
        "Proof is needed that this history is the person's: the key card or a staff attestation.",
        hint="Give the passphrase (--passphrase-stdin) or, after checking, attest it (--attest).",
    )


def withdraw_on_drive(
    log: AuditLog,
    target: DriveTarget,
    *,
    holder_id: str,
    stem: str,
    staff: str,
    proof: str,
    requested: Sequence[str] | None,
    trusted_keys: Sequence[bytes],
    controller: str,
    contact: str = "",
) -> WithdrawalResult:
    """Withdraw ``requested`` (None: every purpose given), erase what they covered from the
    drive, log it and write the receipt beside the bundle ``stem``."""
    for p in requested or []:
        _purposes.get(p)
    past = history(log, holder_id)
    if not past.ever_given:
        raise ConsentError(
            "This kiosk's log holds no consent for this person.",
            hint="The bundle may come from another kiosk: withdraw there, or ask the "
            "association's desk.",
        )
    given = [p for p, v in past.active.items() if v]
    asked = list(requested) if requested else given
    chosen = [p for p in asked if p in given]
    not_given = [p for p in asked if p not in given]
    root = target.root
    entries = {e.name: e for e in hostile.list_dir(root)}
    obsolete: list[str] = []
    if _purposes.RECOVERY in asked:
        # Erased even if escrow was already refused: a copy kept after a refusal is exactly
        # what the verifier flags. Every bundle of this holder on the drive counts.
        from nextstep.returning import list_bundles

        stems = {stem} | {
            b.stem for b in list_bundles(root, trusted_keys).bundles if b.holder_id == holder_id
        }
        obsolete += sorted(
            n
            for n, e in entries.items()
            if e.is_file and n.endswith(RECOVERY_SUFFIX) and n[: -len(RECOVERY_SUFFIX)] in stems
        )
    share_folder = hostile.entry_type(root / SHARE_FOLDER) == "dir"
    if not chosen and not obsolete and not (_purposes.SHARE in asked and share_folder):
        raise ConsentError(
            "There is nothing to withdraw: the person has not agreed to "
            + ", ".join(asked or ["any purpose"])
            + ".",
            hint="Check the person's choices with `nextstep audit subject`.",
        )
    language = past.language or "fr"
    removed = list(obsolete)
    if _purposes.SHARE in asked:
        # The sharing module knows its own file names; the drive is mounted read-write here.
        removed += remove_shared_copies(root)
    record = withdraw(
        log,
        holder_id=holder_id,
        staff=staff,
        purposes=chosen or asked,
        language=language,
        controller=controller,
        contact=contact,
        proof=proof,
        removed=len(removed),
    )
    text = receipt.receipt_text(record, language, removed=removed, not_given=not_given)
    files = {
        f"{stem}{receipt.WITHDRAWAL_SUFFIX}": text.encode("utf-8"),
        f"{stem}{receipt.WITHDRAWAL_JSON_SUFFIX}": receipt.receipt_json(record).encode("utf-8"),
    }
    report = target.write_bundle(files, obsolete=obsolete)
    if not report.ok:
        raise NextStepError(
            "The withdrawal is recorded, but the drive could not be updated: "
            + report.sentence("en"),
            hint="Run the same command again with the drive; the log already holds the withdrawal.",
        )
    return WithdrawalResult(record, removed, not_given, sorted(files), language)


def escrow_problems(root: Path) -> list[str]:
    """Sealed key copies on a drive that the drive's own receipts say must not be there.

    A ``.recovery.age`` is flagged when the latest receipt beside it (withdrawal, else consent,
    JSON-LD) says escrow was refused or withdrawn. Drive files are read as hostile input.
    """
    import json

    problems: list[str] = []
    entries = {e.name: e for e in hostile.list_dir(root)}
    for name in sorted(entries):
        if not name.endswith(RECOVERY_SUFFIX) or not entries[name].is_file:
            continue
        stem = name[: -len(RECOVERY_SUFFIX)]
        for suffix in (receipt.WITHDRAWAL_JSON_SUFFIX, receipt.RECEIPT_JSON_SUFFIX):
            data = hostile.read_optional(root / (stem + suffix), hostile.FileKind.RECEIPT)
            if data is None:
                continue
            try:
                record = json.loads(data)
                statuses = {
                    s.get("nextstep:purpose"): s.get("dpv:hasStatus")
                    for s in record.get("dpv:hasConsentStatus", [])
                    if isinstance(s, dict)
                }
            except (ValueError, AttributeError):
                problems.append(f"{stem + suffix}: the receipt is not a readable record")
                break
            status = statuses.get(_purposes.RECOVERY)
            if status in ("dpv:ConsentRefused", "dpv:ConsentWithdrawn"):
                word = "refused" if status == "dpv:ConsentRefused" else "withdrawn"
                problems.append(f"{name}: kept although escrow was {word} ({stem + suffix})")
            if status is not None:
                break
    return problems


def add_proof_arguments(parser: Any) -> None:
    """The proof options shared by withdrawal, access and erasure commands."""
    parser.add_argument(
        "--drive", help="proof: the person's drive, whose bundle the passphrase must open"
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="proof: read the key card's passphrase from stdin (with --drive)",
    )
    parser.add_argument(
        "--attest",
        action="store_true",
        help="proof: the staff member attests, after checking, that this is the person (logged)",
    )


def prove_holder(
    holder_id: str,
    *,
    drive: str | None,
    passphrase: str | None,
    attested: bool,
    trusted_keys: Sequence[bytes],
    allow_loop: bool = False,
) -> str:
    """Check that whoever asks for ``holder_id``'s history holds the key card (its passphrase
    opens the bundle of that holder on ``drive``) or that staff attests it; return the kind.

    Knowing the holder id (printed on the drive) is not enough to read or erase a history.
    """
    if passphrase and not drive:
        raise ProofRequired(
            "The passphrase can only be checked against the person's bundle.",
            hint="Add --drive with the person's drive, or use --attest.",
        )
    if passphrase and drive:
        from nextstep.drives.target import open_target
        from nextstep.returning import list_bundles

        with open_target(drive, allow_loop=allow_loop) as target:
            mine = [b for b in list_bundles(target.root, trusted_keys).bundles]
            mine = [b for b in mine if b.holder_id == holder_id]
            if not mine:
                raise ProofRequired(
                    "The drive holds no bundle of this holder id.",
                    hint="Use the person's own drive, or a staff attestation (--attest).",
                )
            stem, root = max(mine, key=lambda b: b.version).stem, target.root
            pdf = hostile.read_file(root / f"{stem}.pdf", hostile.FileKind.PDF)
            envelope = (
                hostile.read_file(root / f"{stem}.manifest.json", hostile.FileKind.MANIFEST),
                hostile.read_file(
                    root / f"{stem}.manifest.json.minisig", hostile.FileKind.SIGNATURE
                ),
            )
        return check_proof(
            passphrase=passphrase,
            attested=False,
            pdf=pdf,
            envelope=envelope,
            trusted_keys=trusted_keys,
        )
    return check_proof(passphrase=None, attested=attested)


def _prove(
    target: DriveTarget,
    *,
    bundle: str | None,
    passphrase: str | None,
    attested: bool,
    trusted_keys: Sequence[bytes],
) -> tuple[str, str, str]:
    """The chosen bundle's holder id and stem, and the proof (key card or attestation)."""
    from nextstep.returning import list_bundles, pick

    chosen = pick(list_bundles(target.root, trusted_keys), bundle)
    pdf = envelope = None
    if passphrase:
        root, stem = target.root, chosen.stem
        pdf = hostile.read_file(root / f"{stem}.pdf", hostile.FileKind.PDF)
        envelope = (
            hostile.read_file(root / f"{stem}.manifest.json", hostile.FileKind.MANIFEST),
            hostile.read_file(root / f"{stem}.manifest.json.minisig", hostile.FileKind.SIGNATURE),
        )
    proof = check_proof(
        passphrase=passphrase,
        attested=attested,
        pdf=pdf,
        envelope=envelope,
        trusted_keys=trusted_keys,
    )
    return chosen.holder_id, chosen.stem, proof


def given_on_drive(
    settings: Settings,
    log: AuditLog,
    own_key: bytes,
    drive: str,
    *,
    bundle: str | None = None,
    passphrase: str | None = None,
    attested: bool = False,
) -> GivenOnDrive:
    """What the person on ``drive`` has given, after the proof (read only: nothing logged).

    Why the proof first: the holder id in clear on a drive would otherwise be enough to read
    someone's choices."""
    from nextstep.drives.target import open_target
    from nextstep.session import trusted_keys_of  # session imports consent: import late

    trusted = trusted_keys_of(settings, own_key)
    with open_target(drive, allow_loop=settings.drive_allow_loop) as target:
        holder, stem, proof = _prove(
            target, bundle=bundle, passphrase=passphrase, attested=attested, trusted_keys=trusted
        )
    past = history(log, holder)
    given = [p for p in _purposes.PURPOSES if past.active.get(p)]
    return GivenOnDrive(holder, stem, proof, given, past.language or "fr")


def withdraw_with_drive(
    settings: Settings,
    log: AuditLog,
    own_key: bytes,
    drive: str,
    *,
    staff: str,
    requested: Sequence[str] | None,
    bundle: str | None = None,
    passphrase: str | None = None,
    attested: bool = False,
) -> WithdrawalResult:
    """The whole withdrawal with a person's drive, as ``nextstep consent withdraw`` and the
    kiosk's withdrawal screen both do it: pick the bundle, check the proof, withdraw
    ``requested`` (None: all given), erase what they covered, log, write the receipt, and seal
    the log with a checkpoint. A failed proof raises before anything is logged or removed."""
    from nextstep.drives.target import open_target
    from nextstep.session import trusted_keys_of  # session imports consent: import late

    trusted = trusted_keys_of(settings, own_key)
    with open_target(drive, allow_loop=settings.drive_allow_loop) as target:
        holder, stem, proof = _prove(
            target, bundle=bundle, passphrase=passphrase, attested=attested, trusted_keys=trusted
        )
        result = withdraw_on_drive(
            log,
            target,
            holder_id=holder,
            stem=stem,
            staff=staff,
            proof=proof,
            requested=requested,
            trusted_keys=trusted,
            controller=settings.org_name,
            contact=settings.org_contact,
        )
        log.checkpoint("consent_withdrawn")  # the withdrawal is sealed, like access and erasure
    result.proof = proof
    return result
