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


def assemble(
    new_documents: Sequence[Document],
    *,
    carried: Sequence[CarriedDocument] = (),
    holder_id: str,
    language: str,
    key: KioskKey,
    kiosk_id: str,
    passphrase: str,
    created: dt.datetime | None,
    help_section: HelpInput,
    bundle_id: str | None,
    version: int,
    previous_manifest_sha256: str | None,
    file_stem: str | None,
    shared_from: str | None = None,
    recipient: str | None = None,
    preface: Sequence[RasterPage] = (),
) -> Bundle:
    """Assemble, sign and encrypt; ``preface`` pages (a shared copy's recipient cover) come
    before the cover and are hashed in the manifest like it."""
    created = created or dt.datetime.now(dt.UTC)
    if created.tzinfo is None:
        created = created.replace(tzinfo=dt.UTC)
    created_iso = created.isoformat(timespec="seconds")
    bundle_id = bundle_id or new_bundle_id()
    # The printed form is the user password and its bare digits the owner password, so a
    # reader opens the bundle with either (crypto/passphrase.py says why both fit 32 chars).
    if passphrases.validate(passphrase):
        user_password = passphrases.check(passphrase)  # legacy layout kept as it was printed
        owner_password = passphrases.digits_only(passphrase)
    else:
        user_password, owner_password = passphrase, secrets.token_urlsafe(32)
    if not user_password:
        raise BundleBuildError("A bundle needs a passphrase.")
    for doc in new_documents:
        if not doc.pages:
            raise BundleBuildError("A document without pages cannot go into a bundle.")

    metas: list[DocumentMeta] = [c.meta for c in carried]
    for doc in new_documents:
        meta = DocumentMeta.from_document(doc)
        meta.added = created_iso
        metas.append(meta)
    labels = [doc_label(i) for i in range(len(metas))]

    pdf = pikepdf.new()
    font = textlayer.glyphless_font(pdf)
    cover_pages = [*preface] + render_cover(
        metas,
        language=language,
        created=created,
        bundle_id=bundle_id,
        labels=labels,
        help_sections=help_section,
    )
    cover_entries: list[PageEntry] = []
    for n, raster in enumerate(cover_pages):
        page = add_raster_page(pdf, font, raster)
        image_hash, content_hash, frame = page_hashes(page)
        cover_entries.append(PageEntry(f"C{n + 1}", image_hash, content_hash, "cover", frame))

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

    _page_labels(pdf, len(cover_pages), starts, labels, language)
    _outline(pdf, metas, starts, labels, language)

    manifest = Manifest(
        bundle_id=bundle_id,
        holder_id=holder_id,
        version=version,
        kiosk_id=kiosk_id,
        created=created_iso,
        language=i18n.lang2(language),
        cover=cover_entries,
        documents=metas,
        previous_manifest_sha256=previous_manifest_sha256,
        shared_from=shared_from,
        recipient=recipient,
    )
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
    ics = make_calendar(metas, labels, bundle_id=bundle_id, language=language, created=created)
    if ics is not None:  # inside the encrypted file only: never in clear on the drive
        pdf.attachments[CALENDAR_NAME] = pikepdf.AttachedFileSpec(
            pdf, ics, mime_type="text/calendar", description=i18n.t("deadlines", language)
        )
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    pdf.Root.Lang = pikepdf.String(i18n.lang2(language))
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:title"] = i18n.t("title", language)
    pdf.docinfo["/Title"] = i18n.t("title", language)

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
    data = out.getvalue()
    envelope = Envelope(
        bundle_id=bundle_id,
        holder_id=holder_id,
        version=version,
        kiosk_id=kiosk_id,
        created=created_iso,
        pdf_sha256=sha256(data),
        pdf_size=len(data),
        manifest_sha256=sha256(manifest_bytes),
    )
    envelope_bytes = envelope.to_bytes()
    envelope_sig = minisign.sign(
        key.private, envelope_bytes, trusted_comment=envelope.trusted_comment()
    )
    return Bundle(
        pdf=data,
        manifest=envelope_bytes,
        signature=envelope_sig,
        bundle_id=bundle_id,
        file_stem=file_stem or new_file_stem(),
        version=version,
        inner_manifest=manifest,
        passphrase=user_password,
    )


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
        holder_id=holder_id,
        language=language,
        key=key,
        kiosk_id=kiosk_id,
        passphrase=passphrase,
        created=created,
        help_section=help_section,
        bundle_id=None,
        version=1,
        previous_manifest_sha256=None,
        file_stem=None,
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
        pikepdf.Dictionary(P=pikepdf.String(i18n.t("cover", "fr") + " "), S=pikepdf.Name.D),
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
    from nextstep.model import CATEGORIES

    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem(i18n.both("cover", language), 0))
        for slug in CATEGORIES:
            members = [i for i, m in enumerate(metas) if m.category == slug]
            if not members:
                continue
            cat_title = i18n.category(slug, language)
            if i18n.lang2(language) != "fr":
                cat_title += " / " + i18n.category(slug, "fr")
            item = pikepdf.OutlineItem(cat_title, starts[members[0]])
            for i in members:
                m = metas[i]
                title = m.title or i18n.category(m.category, language)
                if m.document_date:
                    title += f" ({i18n.date_text(m.document_date)})"
                item.children.append(pikepdf.OutlineItem(f"{labels[i]} {title}", starts[i]))
            outline.root.append(item)
