"""Check a bundle the way a caseworker needs: is it whole, from a trusted kiosk, unaltered?

Order of checks, so that each failure gets its own sentence:

1. not a PDF at all -> :class:`NotABundleError`;
2. cut short (no final ``%%EOF``, or shorter than the signed envelope says) ->
   :class:`TruncatedBundleError`;
3. envelope beside the file (when present): signer unknown -> :class:`UnknownSigningKeyError`,
   signature or file hash wrong -> :class:`TamperedBundleError` (this needs no passphrase);
4. the passphrase does not open it -> :class:`WrongPassphraseError`;
5. opened but carries no NextStep manifest -> :class:`NotABundleError`;
6. manifest signer unknown -> :class:`UnknownSigningKeyError`; signature bad, or any page's
   image or content differs from its recorded SHA-256 -> :class:`TamperedBundleError`.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from crypto import minisign
from crypto import passphrase as passphrases
from nextstep.bundle import calendar
from nextstep.bundle.build import ENVELOPE_SIG_SUFFIX, ENVELOPE_SUFFIX, page_hashes
from nextstep.bundle.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    Envelope,
    Manifest,
    ManifestError,
    sha256,
)
from nextstep.drives import hostile
from nextstep.drives.hostile import FileKind
from nextstep.errors import NextStepError

PENDING_SUFFIX = ".next"


class BundleError(NextStepError):
    """Root of bundle verification failures."""


class NotABundleError(BundleError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "This file is not a NextStep bundle" + (f" ({detail})." if detail else "."),
            hint="Choose the .pdf file the kiosk wrote on the drive.",
        )


class TruncatedBundleError(BundleError):
    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "The bundle file is incomplete: it was cut short"
            + (f" ({detail})." if detail else "."),
            hint="Copy it again from the drive or repair it with `nextstep bundle check`.",
        )


class TamperedBundleError(BundleError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            f"The bundle was altered after the kiosk signed it: {detail}.",
            hint="Do not rely on this copy; ask for the original drive or a new copy.",
        )


class UnknownSigningKeyError(BundleError):
    def __init__(self, key_id: str) -> None:
        super().__init__(
            f"The bundle is signed by key {key_id}, which is not a trusted NextStep kiosk key.",
            hint="Check it with the organisation's published public key (--key).",
        )
        self.key_id = key_id


class WrongPassphraseError(BundleError):
    def __init__(self) -> None:
        super().__init__(
            "The passphrase does not open this bundle.",
            hint="Type the digits exactly as printed on the key card, or scan its QR code.",
        )


@dataclass
class BundleInfo:
    manifest: Manifest
    signer_key_id: str
    page_count: int
    encryption: str  # e.g. "AES-256 R6"
    envelope_checked: bool
    envelope: Envelope | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id

    @property
    def version(self) -> int:
        return self.manifest.version


def trusted_public_keys(
    trusted_keys: Sequence[bytes | minisign.PublicKey],
) -> list[minisign.PublicKey]:
    out = []
    for key in trusted_keys:
        out.append(key if isinstance(key, minisign.PublicKey) else minisign.parse_public_key(key))
    return out


def sidecars(path: Path) -> tuple[Path, Path]:
    stem = path.name[: -len(".pdf")] if path.name.endswith(".pdf") else path.name
    return path.with_name(stem + ENVELOPE_SUFFIX), path.with_name(stem + ENVELOPE_SIG_SUFFIX)


def _check_signature(
    data: bytes, sig: bytes, keys: list[minisign.PublicKey], what: str
) -> minisign.Verified:
    try:
        return minisign.verify(data, sig, keys)
    except minisign.UnknownKeyError as exc:
        raise UnknownSigningKeyError(exc.key_id) from exc
    except minisign.BadSignatureError as exc:
        raise TamperedBundleError(f"the signature of the {what} does not match") from exc
    except minisign.MinisignError as exc:
        raise TamperedBundleError(f"the signature of the {what} is damaged") from exc


def check_structure(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        raise NotABundleError("it is not a PDF file" if data else "the file is empty")
    if b"%%EOF" not in data[-1024:]:
        raise TruncatedBundleError("the end of the PDF is missing")


def check_envelope(
    data: bytes,
    envelope_bytes: bytes,
    envelope_sig: bytes | Sequence[bytes],
    keys: list[minisign.PublicKey],
) -> tuple[Envelope, minisign.Verified]:
    """Verify the signed envelope and the PDF bytes against it (no passphrase needed).

    ``envelope_sig`` may list candidate signatures (current and pending, after an
    interrupted return visit); the first that verifies wins, else the first error is raised.
    """
    sigs = [envelope_sig] if isinstance(envelope_sig, bytes) else list(envelope_sig)
    first_error: BundleError | None = None
    verified = None
    for sig in sigs:
        try:
            verified = _check_signature(envelope_bytes, sig, keys, "manifest beside the bundle")
            break
        except BundleError as exc:
            first_error = first_error or exc
    if verified is None:
        raise first_error or TamperedBundleError("the manifest beside the bundle is unsigned")
    try:
        envelope = Envelope.from_bytes(envelope_bytes)
    except ManifestError as exc:  # signed but unreadable: not ours
        raise NotABundleError("its manifest is not a NextStep manifest") from exc
    if len(data) < envelope.pdf_size:
        raise TruncatedBundleError(f"{len(data)} of {envelope.pdf_size} bytes")
    if len(data) != envelope.pdf_size or sha256(data) != envelope.pdf_sha256:
        raise TamperedBundleError("the file's SHA-256 differs from the signed manifest")
    return envelope, verified


def open_pdf(data: bytes, phrase: str) -> pikepdf.Pdf:
    for candidate in passphrases.candidates(phrase):
        try:
            with warnings.catch_warnings():  # "no password was needed": reported below instead
                warnings.simplefilter("ignore", UserWarning)
                return pikepdf.open(io.BytesIO(data), password=candidate)
        except pikepdf.PasswordError:
            continue
        except pikepdf.PdfError as exc:
            raise TamperedBundleError("the PDF structure is damaged") from exc
    raise WrongPassphraseError()


def read_manifest(pdf: pikepdf.Pdf) -> tuple[bytes, bytes]:
    try:
        files = pdf.attachments
        if MANIFEST_NAME not in files or SIGNATURE_NAME not in files:
            raise NotABundleError("it carries no NextStep manifest")
        manifest = files[MANIFEST_NAME].get_file().read_bytes()
        signature = files[SIGNATURE_NAME].get_file().read_bytes()
    except pikepdf.PdfError as exc:
        raise TamperedBundleError("the embedded manifest is damaged") from exc
    return manifest, signature


def check_attachments(pdf: pikepdf.Pdf, manifest: Manifest) -> None:
    """Only the kiosk's attachments, and the calendar exactly as the manifest implies it."""
    try:
        names = set(pdf.attachments)
        expected = calendar.for_manifest(manifest)
        extra = names - {MANIFEST_NAME, SIGNATURE_NAME, calendar.CALENDAR_NAME}
        if extra:
            raise TamperedBundleError("it carries a file the kiosk did not attach")
        if expected is None:
            if calendar.CALENDAR_NAME in names:
                raise TamperedBundleError("it carries a calendar the manifest does not explain")
            return
        if calendar.CALENDAR_NAME not in names:
            return  # bundles made before the calendar existed
        found = pdf.attachments[calendar.CALENDAR_NAME].get_file().read_bytes()
    except pikepdf.PdfError as exc:
        raise TamperedBundleError("an attached file is damaged") from exc
    if found != expected:
        raise TamperedBundleError("the deadlines calendar changed after signing")


def check_pages(pdf: pikepdf.Pdf, manifest: Manifest) -> None:
    entries = manifest.cover + [p for d in manifest.documents for p in d.pages]
    if len(pdf.pages) != len(entries):
        raise TamperedBundleError(
            f"it has {len(pdf.pages)} pages where the manifest lists {len(entries)}"
        )
    for page, entry in zip(pdf.pages, entries, strict=True):
        try:
            image_hash, content_hash, frame = page_hashes(page)
        except (pikepdf.PdfError, AttributeError, KeyError) as exc:
            raise TamperedBundleError(f"page {entry.label} is damaged") from exc
        if image_hash != entry.image_sha256:
            raise TamperedBundleError(f"the image of page {entry.label} changed")
        if content_hash != entry.content_sha256:
            raise TamperedBundleError(f"the text or layout of page {entry.label} changed")
        if entry.frame_sha256 is not None and frame != entry.frame_sha256:
            raise TamperedBundleError(f"how page {entry.label} is drawn changed")


def encryption_text(pdf: pikepdf.Pdf) -> str:
    if not pdf.is_encrypted:
        return "none"
    enc = pdf.encryption
    method = str(enc.stream_method).split(".")[-1]
    return f"{method} R{enc.R} ({enc.bits} bits)"


def verify_open(
    data: bytes,
    *,
    passphrase: str,
    trusted_keys: Sequence[bytes | minisign.PublicKey],
    envelope: tuple[bytes, bytes | list[bytes]] | None = None,
) -> tuple[pikepdf.Pdf, BundleInfo]:
    """Verify and return the opened PDF too (for return visits and sharing)."""
    keys = trusted_public_keys(trusted_keys)
    check_structure(data)
    env: Envelope | None = None
    if envelope is not None:
        env, _ = check_envelope(data, envelope[0], envelope[1], keys)
    pdf = open_pdf(data, passphrase)
    if not pdf.is_encrypted:
        raise NotABundleError("it is not encrypted")
    manifest_bytes, signature = read_manifest(pdf)
    verified = _check_signature(manifest_bytes, signature, keys, "manifest inside the bundle")
    try:
        manifest = Manifest.from_bytes(manifest_bytes)
    except ManifestError as exc:
        raise NotABundleError("its manifest is not a NextStep manifest") from exc
    if env is not None and (
        env.manifest_sha256 != sha256(manifest_bytes) or env.bundle_id != manifest.bundle_id
    ):
        raise TamperedBundleError("the manifest beside the bundle belongs to another version")
    check_pages(pdf, manifest)
    check_attachments(pdf, manifest)
    info = BundleInfo(
        manifest=manifest,
        signer_key_id=verified.key.key_id_hex,
        page_count=len(pdf.pages),
        encryption=encryption_text(pdf),
        envelope_checked=env is not None,
        envelope=env,
    )
    if env is None:
        info.warnings.append("no signed manifest beside the file; checked the embedded one only")
    return pdf, info


def load(pdf: bytes | Path) -> tuple[bytes, tuple[bytes, list[bytes]] | None]:
    """The PDF bytes and, for a path, the envelope files beside it when both exist."""
    if isinstance(pdf, bytes | bytearray):
        return bytes(pdf), None
    path = Path(pdf)
    # A bundle path is usually on a person's drive: read as hostile input (no link, regular
    # file, bounded size), like every drive file.
    kind = hostile.entry_type(path)
    if kind is None:
        raise BundleError(f"There is no file {path}.", hint="Check the path.")
    if kind == "dir":
        raise BundleError(f"{path} is a folder, not a bundle.")
    data = hostile.read_file(path, FileKind.PDF)
    return data, pick_envelope(data, path)


def pick_envelope(data: bytes, path: Path) -> tuple[bytes, list[bytes]] | None:
    """The envelope beside ``path`` that describes ``data``.

    A return visit writes the new envelope as ``.manifest.json.next`` before swapping the PDF, so
    after an interruption either the current or the pending envelope matches the PDF on the
    drive; we pick the matching one (its signature is still checked by the caller).
    """
    env_path, sig_path = sidecars(path)
    nxt_env, nxt_sig = pending_sidecars(path)
    envs = [b for p in (env_path, nxt_env) if (b := hostile.read_optional(p, FileKind.MANIFEST))]
    sigs = [b for p in (sig_path, nxt_sig) if (b := hostile.read_optional(p, FileKind.SIGNATURE))]
    if not envs or not sigs:
        return None
    digest = sha256(data)
    chosen = envs[0]
    for env_bytes in envs:
        try:
            if Envelope.from_bytes(env_bytes).pdf_sha256 == digest:
                chosen = env_bytes
                break
        except ManifestError:
            continue
    return chosen, sigs


def pending_sidecars(path: Path) -> tuple[Path, Path]:
    env_path, _ = sidecars(path)
    nxt = env_path.with_name(env_path.name + PENDING_SUFFIX)
    return nxt, nxt.with_name(nxt.name + ".minisig")


def verify_bundle(
    pdf: bytes | Path,
    *,
    passphrase: str,
    trusted_keys: Sequence[bytes | minisign.PublicKey],
    envelope: tuple[bytes, bytes | list[bytes]] | None = None,
) -> BundleInfo:
    """Verify a bundle (bytes, or a path whose ``.manifest.json``/``.minisig`` are used if present).

    Raises a :class:`BundleError` subclass naming what is wrong; returns what was checked.
    """
    data, found = load(pdf)
    opened, info = verify_open(
        data, passphrase=passphrase, trusted_keys=trusted_keys, envelope=envelope or found
    )
    opened.close()
    return info


def verify_envelope_only(
    path: Path, *, trusted_keys: Sequence[bytes | minisign.PublicKey]
) -> Envelope:
    """Check a bundle file without its passphrase: signed envelope and file hash."""
    data, found = load(path)
    check_structure(data)
    if found is None:
        raise BundleError(
            "The signed manifest beside this bundle is missing, so it cannot be checked "
            "without the passphrase.",
            hint="Give the passphrase, or also copy the .manifest.json and .minisig files.",
        )
    env, _ = check_envelope(data, found[0], found[1], trusted_public_keys(trusted_keys))
    return env
