"""Return visits: list the bundles on the person's drive, check and repair one, open it.

Everything on the drive is hostile (see :mod:`nextstep.drives.hostile`): the drive is listed
without following links, only the files of the chosen bundle set are read, each with a cap,
and the signed envelope is verified with the kiosk's trusted keys *before* the larger files
are read, so the PDF and its PAR2 volumes are capped by the size the signature vouches for.
Files the kiosk does not need (the age-sealed passphrase, the consent receipt, the audit
proof) are never read, so no byte of them can be carried into a new version.

Why a private copy: the conservation check repairs with PAR2, which rewrites files. Doing that
on a copy of the (encrypted) bundle set in a private temporary folder leaves the drive
untouched until the new version has been written and verified by the drive layer, so an
interrupted visit can never make things worse. Only ciphertext and non-personal sidecars are
copied; nothing in clear touches the kiosk's disk.

Several bundles on one drive (a family sharing a stick, a caseworker carrying several
people's bundles): :func:`list_bundles` names them from their signed envelopes without any
passphrase, :func:`pick` chooses one by bundle id, file stem or holder id, and
:func:`check_before_write` tells the kiosk, before a *new* person's bundle is written, whose
bundles are already there so staff can ask the person.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crypto import minisign
from nextstep.bundle.manifest import Envelope, ManifestError
from nextstep.conservation.recovery import (
    CheckReport,
    CheckStatus,
    check,
    recovery_file_names,
)
from nextstep.drives import hostile
from nextstep.drives.hostile import FileKind
from nextstep.drives.status import DriveError, DriveStatus
from nextstep.errors import NextStepError

ENVELOPE_SUFFIX = ".manifest.json"
SIGNATURE_SUFFIX = ENVELOPE_SUFFIX + ".minisig"
# Files of a bundle set that a return visit never reads, but replaces or removes on write.
UNREAD_SUFFIXES = (".recovery.age", ".consent.txt", ".audit-proof.json", ENVELOPE_SUFFIX + ".next")
PAR2_SLACK = 1024 * 1024  # packet headers and the index, beyond the recovery blocks
# More bundles than a shared family or caseworker drive holds; bounds the reads of a listing.
MAX_BUNDLES = 64


class NoBundleOnDrive(NextStepError):
    """The drive holds no NextStep bundle this kiosk can use."""


class SeveralBundlesOnDrive(NoBundleOnDrive):
    """The drive holds several bundles and none was chosen; ``bundles`` lists them."""

    def __init__(self, bundles: Sequence[BundleOnDrive]) -> None:
        super().__init__(
            f"This drive holds {len(bundles)} NextStep bundles.",
            hint="Ask the person which one is theirs (by date and version) and choose it.",
        )
        self.bundles = list(bundles)


@dataclass(frozen=True)
class BundleOnDrive:
    """One bundle found on a drive, from its signed envelope (verified, never decrypted)."""

    stem: str  # file name without suffix: <stem>.pdf, <stem>.manifest.json, ...
    holder_id: str
    bundle_id: str
    version: int
    created: str  # ISO time of the visit that wrote this version
    kiosk_id: str
    signer_key_id: str


@dataclass
class DriveListing:
    """The bundles on a drive: verified ones, and the stems of envelopes that did not verify
    (unsigned, damaged, or signed by a kiosk this one does not trust)."""

    bundles: list[BundleOnDrive] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)


@dataclass
class DriveBundle:
    """The bundle set read from a drive, repaired in memory when it needed it."""

    stem: str
    holder_id: str
    files: dict[str, bytes]  # the bundle set after repair: PDF, envelope, signature, PAR2
    report: CheckReport
    on_drive: list[str] = field(default_factory=list)  # every name of the set on the drive

    @property
    def pdf(self) -> bytes:
        return self.files[f"{self.stem}.pdf"]

    @property
    def envelope(self) -> tuple[bytes, bytes]:
        return self.files[self.stem + ENVELOPE_SUFFIX], self.files[self.stem + SIGNATURE_SUFFIX]


@dataclass
class WriteCheck:
    """What is already on a drive before a new person's bundle is written to it.

    ``others``: verified bundles of other holders; ``unverified``: envelopes the kiosk cannot
    attribute. When :attr:`needs_confirmation` is true the kiosk asks staff (and the person)
    whether this drive really is theirs before writing; writing never touches those files.
    """

    holder_id: str
    others: list[BundleOnDrive] = field(default_factory=list)
    own: list[BundleOnDrive] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.others or self.unverified)


def _keys(trusted_keys: Sequence[bytes | minisign.PublicKey]) -> list[minisign.PublicKey]:
    out = []
    for key in trusted_keys:
        out.append(key if isinstance(key, minisign.PublicKey) else minisign.parse_public_key(key))
    return out


def _envelope_stems(entries: Sequence[hostile.Entry]) -> list[str]:
    """Stems of the envelopes listed; a link, folder or special file so named is refused."""
    stems = []
    for entry in entries:
        if not entry.name.endswith(ENVELOPE_SUFFIX) or entry.name.startswith("."):
            continue
        if not entry.is_file:
            raise DriveError(DriveStatus.NOT_A_FILE, entry.describe())
        stems.append(entry.name[: -len(ENVELOPE_SUFFIX)])
    return stems


def _read_envelope(
    root: Path, stem: str, keys: list[minisign.PublicKey]
) -> tuple[Envelope, minisign.Verified, bytes, bytes] | None:
    """The verified envelope of ``stem`` with its bytes, or None when it does not verify."""
    env_bytes = hostile.read_file(root / (stem + ENVELOPE_SUFFIX), FileKind.MANIFEST)
    sig_bytes = hostile.read_optional(root / (stem + SIGNATURE_SUFFIX), FileKind.SIGNATURE)
    if sig_bytes is None:
        return None
    try:
        verified = minisign.verify(env_bytes, sig_bytes, keys)
        envelope = Envelope.from_bytes(env_bytes)
    except (minisign.MinisignError, ManifestError):
        return None
    return envelope, verified, env_bytes, sig_bytes


def list_bundles(root: Path, trusted_keys: Sequence[bytes | minisign.PublicKey]) -> DriveListing:
    """Every bundle on the drive at ``root``, by its envelope verified with ``trusted_keys``.

    No passphrase and no decryption: the envelope holds only the random holder id, bundle id,
    version, kiosk and time. Raises :class:`DriveError` when a file named like an envelope
    is a link, folder or special file, or is far too large.
    """
    keys = _keys(trusted_keys)
    listing = DriveListing()
    stems = _envelope_stems(hostile.list_dir(root))
    if len(stems) > MAX_BUNDLES:
        raise NoBundleOnDrive(
            f"This drive holds {len(stems)} bundle descriptions, more than the kiosk reads "
            f"({MAX_BUNDLES}).",
            hint="Copy the person's own bundle to another drive on a computer.",
        )
    for stem in stems:
        found = _read_envelope(root, stem, keys)
        if found is None:
            listing.unverified.append(stem)
            continue
        env, verified, _, _ = found
        listing.bundles.append(
            BundleOnDrive(
                stem=stem,
                holder_id=env.holder_id,
                bundle_id=env.bundle_id,
                version=env.version,
                created=env.created,
                kiosk_id=env.kiosk_id,
                signer_key_id=verified.key.key_id_hex,
            )
        )
    return listing


def pick(listing: DriveListing, choice: str | None = None) -> BundleOnDrive:
    """The bundle named by ``choice`` (bundle id, file stem or holder id), or the only one.

    Raises :class:`SeveralBundlesOnDrive` (listing them) when the choice is ambiguous and
    :class:`NoBundleOnDrive` when nothing matches.
    """
    bundles = listing.bundles
    if choice:
        bundles = [b for b in bundles if choice in (b.bundle_id, b.stem, b.holder_id)]
    if len(bundles) == 1:
        return bundles[0]
    if len(bundles) > 1:
        raise SeveralBundlesOnDrive(bundles)
    if choice and listing.bundles:
        raise NoBundleOnDrive(
            f"No bundle {choice!r} is on this drive.",
            hint="Choose one of the bundles the kiosk lists for this drive.",
        )
    if listing.unverified:
        raise NoBundleOnDrive(
            "The bundle on this drive is not signed by a kiosk this one trusts, or its "
            "description file is damaged.",
            hint="Run `nextstep bundle check` on the drive, or start as a new person.",
        )
    raise NoBundleOnDrive(
        "No NextStep bundle was found on this drive.",
        hint="Check that this is the person's drive, or start a new person.",
    )


def holder_of(
    root: Path, trusted_keys: Sequence[bytes | minisign.PublicKey], choice: str | None = None
) -> str:
    """The random holder id of the chosen bundle (in clear on purpose: it names no one)."""
    return pick(list_bundles(root, trusted_keys), choice).holder_id


def check_before_write(
    root: Path, holder_id: str, trusted_keys: Sequence[bytes | minisign.PublicKey]
) -> WriteCheck:
    """Whose bundles are on the drive before ``holder_id``'s bundle is written to it."""
    listing = list_bundles(root, trusted_keys)
    result = WriteCheck(holder_id=holder_id, unverified=list(listing.unverified))
    for b in listing.bundles:
        (result.own if b.holder_id == holder_id else result.others).append(b)
    return result


def set_names(stem: str, names: Sequence[str]) -> list[str]:
    """The names in ``names`` that belong to the bundle set ``stem`` (read or not)."""
    own = {stem + s for s in (".pdf", ENVELOPE_SUFFIX, SIGNATURE_SUFFIX, *UNREAD_SUFFIXES)}
    own.add(stem + ENVELOPE_SUFFIX + ".next.minisig")
    own.update(recovery_file_names(f"{stem}.pdf", list(names)))
    return sorted(n for n in names if n in own)


def read_checked(
    root: Path, stem: str, trusted_keys: Sequence[bytes | minisign.PublicKey]
) -> DriveBundle:
    """Read bundle ``stem`` (verified envelope first), check and repair a private copy, and
    return the repaired bytes. Raises :class:`DriveError` for hostile files,
    :class:`NoBundleOnDrive` when the envelope does not verify or the bundle is beyond
    repair."""
    keys = _keys(trusted_keys)
    entries = {e.name: e for e in hostile.list_dir(root)}
    on_drive = set_names(stem, list(entries))
    found = _read_envelope(root, stem, keys) if stem + ENVELOPE_SUFFIX in entries else None
    if found is None:
        raise NoBundleOnDrive(
            "The bundle's description file on this drive is missing, damaged or not signed "
            "by a trusted kiosk.",
            hint="Run `nextstep bundle check` on the drive.",
        )
    envelope, _, env_bytes, sig_bytes = found
    pdf_name = f"{stem}.pdf"
    par2_cap = envelope.pdf_size * 12 // 10 + PAR2_SLACK
    wanted: dict[str, tuple[FileKind, int]] = {
        pdf_name: (FileKind.PDF, envelope.pdf_size + PAR2_SLACK)
    }
    for name in recovery_file_names(pdf_name, list(entries)):
        wanted[name] = (FileKind.PAR2, min(FileKind.PAR2.cap, par2_cap))
    if envelope.pdf_size > FileKind.PDF.cap:
        raise DriveError(DriveStatus.FILE_TOO_LARGE, f"the envelope announces {pdf_name} too big")
    copied = {stem + ENVELOPE_SUFFIX: env_bytes, stem + SIGNATURE_SUFFIX: sig_bytes}
    for name, (kind, cap) in wanted.items():
        entry = entries.get(name)
        if entry is None:
            continue
        if not entry.is_file:
            raise DriveError(DriveStatus.NOT_A_FILE, entry.describe())
        data = hostile.read_file(root / name, kind, cap=cap)
        copied[name] = data
    with tempfile.TemporaryDirectory(prefix="nextstep-return-") as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o700)
        for name, data in copied.items():
            fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
        del copied
        report = check(folder / pdf_name, repair=True)
        if not report.status.usable and report.status is not CheckStatus.NO_RECOVERY_DATA:
            raise NoBundleOnDrive(report.message, hint=report.hint or "; ".join(report.lost))
        files: dict[str, bytes] = {}
        for entry in hostile.list_dir(folder):
            if entry.is_file and entry.name in set_names(stem, [entry.name]):
                kind = hostile.kind_of(entry.name) or FileKind.PDF
                files[entry.name] = hostile.read_file(folder / entry.name, kind)
    return DriveBundle(
        stem=stem, holder_id=envelope.holder_id, files=files, report=report, on_drive=on_drive
    )
