"""Build one person's bundle: an encrypted, signed, searchable PDF, assembled in memory.

Layout: cover page(s), then every document's pages, each page being the page image with the
invisible OCR text layer on top; outline category -> document; page labels ``D1-1``...;
the signed manifest and its signature attached inside; AES-256 (R6) encryption with
metadata encrypted, user password = the person's passphrase, owner password = a random
secret that is never stored. Nothing is written to disk here: the caller writes
:class:`Bundle` with :meth:`Bundle.write` (atomically) to the drive.
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from crypto import minisign, recovery
from crypto import passphrase as passphrases
from crypto.keys import KioskKey
from nextstep.bundle import i18n, images, textlayer
from nextstep.bundle.calendar import CALENDAR_NAME, make_calendar
from nextstep.bundle.cover import HelpInput, render_cover
from nextstep.bundle.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    DocumentMeta,
    Envelope,
    Manifest,
    PageEntry,
    sha256,
)
from nextstep.bundle.render import RasterPage
from nextstep.errors import NextStepError
from nextstep.fsio import write_atomic
from nextstep.model import Document

PDF_SUFFIX = ".pdf"
ENVELOPE_SUFFIX = ".manifest.json"
ENVELOPE_SIG_SUFFIX = ".manifest.json.minisig"
_STEM_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


class BundleBuildError(NextStepError):
    """The bundle could not be assembled from what was given."""


def new_bundle_id() -> str:
    return "NS-" + "".join(secrets.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(10))


def new_file_stem() -> str:
    """A random file name: says nothing about the person, the category or the date."""
    return "".join(secrets.choice(_STEM_ALPHABET) for _ in range(12))


@dataclass
class BundlePaths:
    pdf: Path
    manifest: Path
    signature: Path
    recovery: Path | None = None

    def all(self) -> list[Path]:
        extra = [self.recovery] if self.recovery else []
        return [self.pdf, self.manifest, self.signature, *extra]


@dataclass
class Bundle:
    """A finished bundle, all in memory.

    ``manifest``/``signature`` are the envelope written beside the PDF (non-personal) and its
    ``.minisig``; the full manifest is inside the encrypted PDF (``inner_manifest``).
    """

    pdf: bytes
    manifest: bytes
    signature: bytes
    bundle_id: str
    file_stem: str
    version: int = 1
    inner_manifest: Manifest | None = field(default=None, repr=False)
    passphrase: str | None = field(default=None, repr=False)  # for sealing recovery only

    def paths(self, folder: Path) -> BundlePaths:
        return paths_for(folder, self.file_stem)

    def write(self, folder: Path, *, recovery_recipient: str = "") -> BundlePaths:
        """Write the files atomically (temp name + fsync + rename), PDF last.

        With ``recovery_recipient`` (the organisation's age key; only with the person's
        consent) the passphrase is also sealed to it in ``<stem>.recovery.age``.

        The temp files hold only ciphertext or non-personal data, so a crash leaves nothing
        readable; the rename order means a reader never sees a new manifest with an old PDF
        for longer than one rename.
        """
        paths = self.paths(folder)
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(paths.manifest, self.manifest)
        write_atomic(paths.signature, self.signature)
        if recovery_recipient:
            if self.passphrase is None:
                raise BundleBuildError("This bundle no longer holds its passphrase to seal.")
            paths.recovery = folder / (self.file_stem + recovery.RECOVERY_SUFFIX)
            write_atomic(paths.recovery, recovery.seal(self.passphrase, recovery_recipient))
        write_atomic(paths.pdf, self.pdf)
        return paths


def paths_for(folder: Path, stem: str) -> BundlePaths:
    return BundlePaths(
        folder / (stem + PDF_SUFFIX),
        folder / (stem + ENVELOPE_SUFFIX),
        folder / (stem + ENVELOPE_SIG_SUFFIX),
    )


# A page adder puts one page into the new PDF and returns its manifest entry (sans label).
PageAdder = Callable[[pikepdf.Pdf, pikepdf.Dictionary], tuple[pikepdf.Page, str, str]]


def _page_dict(
    pdf: pikepdf.Pdf,
    image: pikepdf.Stream,
    width_pt: float,
    height_pt: float,
    text: bytes,
    font: pikepdf.Dictionary,
) -> pikepdf.Page:
    draw = f"q {width_pt:.4f} 0 0 {height_pt:.4f} 0 0 cm /Im0 Do Q\n".encode()
    contents = pikepdf.Stream(pdf, draw + text)
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, round(width_pt, 4), round(height_pt, 4)],
        Resources=pikepdf.Dictionary(
            XObject=pikepdf.Dictionary(Im0=image),
            Font=pikepdf.Dictionary(FGlyphless=font),
        ),
        Contents=contents,
    )
    return pikepdf.Page(pdf.make_indirect(page))


def add_scanned_page(
    pdf: pikepdf.Pdf, font: pikepdf.Dictionary, doc: Document, index: int
) -> tuple[pikepdf.Page, str]:
    page = doc.pages[index]
    encoded = images.encode_page(page)
    stream = images.to_pdf_stream(pdf, encoded)
    width_px, height_px = page.size
    dpi = page.dpi or 300.0
    scale = 72.0 / dpi
    text = b""
    if index < len(doc.ocr):
        ocr = doc.ocr[index]
        # OCR boxes are in the OCR image's pixels; rescale if it differs from the colour page.
        sx = width_px / ocr.width if ocr.width else 1.0
        sy = height_px / ocr.height if ocr.height else 1.0
        words = ocr.words
        if abs(sx - 1) > 1e-3 or abs(sy - 1) > 1e-3:
            from nextstep.model import OcrWord

            words = [
                OcrWord(
                    w.text,
                    round(w.left * sx),
                    round(w.top * sy),
                    max(1, round(w.width * sx)),
                    max(1, round(w.height * sy)),
                    w.conf,
                    w.line,
                )
                for w in words
            ]
        text = textlayer.content(words, page_height_px=height_px, scale=scale)
    pdf_page = _page_dict(pdf, stream, width_px * scale, height_px * scale, text, font)
    pdf.pages.append(pdf_page)
    return pdf.pages[-1], encoded.kind


def add_raster_page(pdf: pikepdf.Pdf, font: pikepdf.Dictionary, raster: RasterPage) -> pikepdf.Page:
    stream = images.raster_to_pdf_stream(pdf, raster.image)
    scale = 72.0 / raster.dpi
    text = textlayer.content(raster.words, page_height_px=raster.image.height, scale=scale)
    page = _page_dict(
        pdf, stream, raster.image.width * scale, raster.image.height * scale, text, font
    )
    pdf.pages.append(page)
    return pdf.pages[-1]


def page_hashes(page: pikepdf.Page) -> tuple[str, str, str]:
    """(image, content, frame) SHA-256 of a bundle page, as recorded in the manifest."""
    image = page.obj.Resources.XObject.Im0
    if not isinstance(image, pikepdf.Stream):
        raise KeyError("Im0")
    return (
        images.stream_sha256(image),
        sha256(page.obj.Contents.read_bytes()),
        images.frame_sha256(page.obj, image),
    )


def doc_label(index: int) -> str:
    return f"D{index + 1}"


@dataclass
class CarriedDocument:
    """A document kept from a previous version: its pages are copied unchanged."""

    meta: DocumentMeta
    source: pikepdf.Pdf
    page_indices: list[int]


@dataclass(frozen=True)
class AssemblyContext:
    """Everything a bundle version is made from besides its new documents: whose it is, who
    signs it, which version it follows, and for a shared copy whom it is for.

    A first visit needs only the first five fields; a return visit adds ``carried``,
    ``bundle_id``, ``version``, ``previous_manifest_sha256`` and ``file_stem``; a shared copy
    adds ``shared_from``, ``recipient`` and its ``preface`` (the recipient's cover pages, which
    come before the cover and are hashed in the manifest like it).
    """

    holder_id: str
    language: str
    key: KioskKey = field(repr=False)  # never in a traceback or a log line
    kiosk_id: str
    passphrase: str = field(repr=False)
    created: dt.datetime | None = None
    help_section: HelpInput = None
    carried: Sequence[CarriedDocument] = ()
    bundle_id: str | None = None
    version: int = 1
    previous_manifest_sha256: str | None = None
    file_stem: str | None = None
    shared_from: str | None = None
    recipient: str | None = None
    preface: Sequence[RasterPage] = ()


def assemble(new_documents: Sequence[Document], ctx: AssemblyContext) -> Bundle:
    """Assemble, sign and encrypt, stage by stage: cover, pages, signed manifest, encryption,
    signed envelope."""
    created = ctx.created or dt.datetime.now(dt.UTC)
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    created_iso = created.isoformat(timespec="seconds")
    bundle_id = ctx.bundle_id or new_bundle_id()
    user_password, owner_password = _passwords(ctx.passphrase)
    for doc in new_documents:
        if not doc.pages:
            raise BundleBuildError("A document without pages cannot go into a bundle.")

    metas: list[DocumentMeta] = [c.meta for c in ctx.carried]
    for doc in new_documents:
        meta = DocumentMeta.from_document(doc)
        meta.added = created_iso
        metas.append(meta)
    labels = [doc_label(i) for i in range(len(metas))]

    pdf = pikepdf.new()
    font = textlayer.glyphless_font(pdf)
    cover_pages = [*ctx.preface] + render_cover(
        metas,
        language=ctx.language,
        created=created,
        bundle_id=bundle_id,
        labels=labels,
        help_sections=ctx.help_section,
    )
    cover_entries = _add_cover(pdf, font, cover_pages)
    starts = _add_pages(pdf, font, ctx.carried, new_documents, metas, labels)
    _page_labels(pdf, len(cover_pages), starts, labels, ctx.language)
    _outline(pdf, metas, starts, labels, ctx.language)

    manifest = Manifest(
        bundle_id=bundle_id,
        holder_id=ctx.holder_id,
        version=ctx.version,
        kiosk_id=ctx.kiosk_id,
        created=created_iso,
        language=i18n.lang2(ctx.language),
        cover=cover_entries,
        documents=metas,
        previous_manifest_sha256=ctx.previous_manifest_sha256,
        shared_from=ctx.shared_from,
        recipient=ctx.recipient,
    )
    manifest_bytes = _attach_signed_manifest(pdf, manifest, ctx.key)
    ics = make_calendar(metas, labels, bundle_id=bundle_id, language=ctx.language, created=created)
    if ics is not None:  # inside the encrypted file only: never in clear on the drive
        pdf.attachments[CALENDAR_NAME] = pikepdf.AttachedFileSpec(
            pdf, ics, mime_type="text/calendar", description=i18n.t("deadlines", ctx.language)
        )
    _set_document_info(pdf, ctx.language)
    data = _encrypt(pdf, user_password, owner_password)

    envelope = Envelope(
        bundle_id=bundle_id,
        holder_id=ctx.holder_id,
        version=ctx.version,
        kiosk_id=ctx.kiosk_id,
        created=created_iso,
        pdf_sha256=sha256(data),
        pdf_size=len(data),
        manifest_sha256=sha256(manifest_bytes),
    )
    envelope_bytes = envelope.to_bytes()
    envelope_sig = minisign.sign(
        ctx.key.private, envelope_bytes, trusted_comment=envelope.trusted_comment()
    )
    return Bundle(
        pdf=data,
        manifest=envelope_bytes,
        signature=envelope_sig,
        bundle_id=bundle_id,
        file_stem=ctx.file_stem or new_file_stem(),
        version=ctx.version,
        inner_manifest=manifest,
        passphrase=user_password,
    )


def _passwords(passphrase: str) -> tuple[str, str]:
    """The PDF's user and owner passwords for the person's passphrase."""
    # The printed form is the user password and its bare digits the owner password, so a
    # reader opens the bundle with either (crypto/passphrase.py says why both fit 32 chars).
    if passphrases.validate(passphrase):
        user_password = passphrases.check(passphrase)  # legacy layout kept as it was printed
        owner_password = passphrases.digits_only(passphrase)
    else:
        user_password, owner_password = passphrase, secrets.token_urlsafe(32)
    if not user_password:
        raise BundleBuildError("A bundle needs a passphrase.")
    return user_password, owner_password


def _add_cover(
    pdf: pikepdf.Pdf, font: pikepdf.Dictionary, cover_pages: Sequence[RasterPage]
) -> list[PageEntry]:
    """The cover stage: the cover (and preface) pages, with their manifest entries C1, C2..."""
    entries: list[PageEntry] = []
    for n, raster in enumerate(cover_pages):
        page = add_raster_page(pdf, font, raster)
        image_hash, content_hash, frame = page_hashes(page)
        entries.append(PageEntry(f"C{n + 1}", image_hash, content_hash, "cover", frame))
    return entries


def _add_pages(
    pdf: pikepdf.Pdf,
    font: pikepdf.Dictionary,
    carried: Sequence[CarriedDocument],
    new_documents: Sequence[Document],
    metas: list[DocumentMeta],
    labels: Sequence[str],
) -> list[int]:
    """The pages stage: carried documents' pages copied unchanged, then the new documents'
    scans with their text layer; fills each meta's page entries and returns each document's
    first page index."""
    starts: list[int] = []
    for i, c in enumerate(carried):
        starts.append(len(pdf.pages))
        entries = []
        for j, src_index in enumerate(c.page_indices):
            pdf.pages.append(c.source.pages[src_index])
            image_hash, content_hash, frame = page_hashes(pdf.pages[-1])
            old = c.meta.pages[j]
            entries.append(
                PageEntry(f"{labels[i]}-{j + 1}", image_hash, content_hash, old.image_kind, frame)
            )
        metas[i].pages = entries
    offset = len(carried)
    for k, doc in enumerate(new_documents):
        i = offset + k
        starts.append(len(pdf.pages))
        entries = []
        for j in range(len(doc.pages)):
            page, kind = add_scanned_page(pdf, font, doc, j)
            image_hash, content_hash, frame = page_hashes(page)
            entries.append(PageEntry(f"{labels[i]}-{j + 1}", image_hash, content_hash, kind, frame))
        metas[i].pages = entries
        metas[i].page_count = len(entries)
    return starts


def _attach_signed_manifest(pdf: pikepdf.Pdf, manifest: Manifest, key: KioskKey) -> bytes:
    """The manifest stage: attach the manifest and its minisign signature; returns its bytes."""
    manifest_bytes = manifest.to_bytes()
    manifest_sig = minisign.sign(
        key.private, manifest_bytes, trusted_comment=manifest.trusted_comment()
    )
    pdf.attachments[MANIFEST_NAME] = pikepdf.AttachedFileSpec(
        pdf, manifest_bytes, mime_type="application/json", description="NextStep manifest"
    )
    pdf.attachments[SIGNATURE_NAME] = pikepdf.AttachedFileSpec(
        pdf, manifest_sig, mime_type="text/plain", description="minisign signature"
    )
    return manifest_bytes


def _set_document_info(pdf: pikepdf.Pdf, language: str) -> None:
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    pdf.Root.Lang = pikepdf.String(i18n.lang2(language))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:title"] = i18n.t("title", language)
    pdf.docinfo["/Title"] = i18n.t("title", language)


def _encrypt(pdf: pikepdf.Pdf, user_password: str, owner_password: str) -> bytes:
    """The encryption stage: AES-256 (R6) with metadata encrypted, saved in memory only."""
    out = io.BytesIO()
    pdf.save(
        out,
        encryption=pikepdf.Encryption(
            owner=owner_password, user=user_password, R=6, aes=True, metadata=True
        ),
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.generate,
        deterministic_id=False,
    )
    return out.getvalue()


def build_bundle(
    documents: Sequence[Document],
    *,
    holder_id: str,
    language: str,
    key: KioskKey,
    kiosk_id: str,
    passphrase: str,
    created: dt.datetime | None = None,
    help_section: HelpInput = None,
) -> Bundle:
    """Assemble, sign and encrypt a new bundle (version 1) for ``documents``."""
    return assemble(
        documents,
        AssemblyContext(
            holder_id=holder_id,
            language=language,
            key=key,
            kiosk_id=kiosk_id,
            passphrase=passphrase,
            created=created,
            help_section=help_section,
        ),
    )


def _page_labels(
    pdf: pikepdf.Pdf,
    cover_count: int,
    starts: Sequence[int],
    labels: Sequence[str],
    language: str,
) -> None:
    nums: list[object] = [
        0,
        pikepdf.Dictionary(P=pikepdf.String(i18n.both("cover", language) + " "), S=pikepdf.Name.D),
    ]
    for start, label in zip(starts, labels, strict=True):
        nums += [start, pikepdf.Dictionary(P=pikepdf.String(f"{label}-"), S=pikepdf.Name.D)]
    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array(nums))


def _outline(
    pdf: pikepdf.Pdf,
    metas: Sequence[DocumentMeta],
    starts: Sequence[int],
    labels: Sequence[str],
    language: str,
) -> None:
    # Document order (D1, D2, D3...), the order of the labels printed on the cover.
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem(i18n.both("cover", language), 0))
        for i, m in enumerate(metas):
            title = i18n.category(m.category, language)
            if i18n.lang2(language) != "fr":
                title += " / " + i18n.category(m.category, "fr")
            if m.title:
                title += f" — {m.title}"
            if m.document_date:
                title += f" — {i18n.date_text(m.document_date)}"
            outline.root.append(pikepdf.OutlineItem(f"{labels[i]} {title}", starts[i]))
