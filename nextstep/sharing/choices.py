"""What a person can share in this visit: the source bundle's documents, numbered as on its
cover (D1, D2...), each with its category, page count and a small picture of its first page.

On a return visit the source bundle holds the earlier visits' documents first (carried, their
first page rendered from the opened bundle in memory by pdfium) and then this visit's. The
pictures are for the share screen only; nothing is written anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import cv2
import numpy as np

if TYPE_CHECKING:
    from nextstep.session import Session

THUMB_WIDTH = 240  # pixels of one page: enough for a 34-cell half-block picture
THUMB_PAGES = 3  # pages shown side by side for a document


@dataclass(frozen=True)
class ShareableDocument:
    number: int  # D1 = 1, as on the cover and in ShareRequest.documents
    category: str
    pages: int
    earlier: bool  # from an earlier visit (carried in the bundle)
    thumbnail: np.ndarray | None = field(default=None, repr=False)  # BGR, first pages


def _small(pixels: np.ndarray) -> np.ndarray:
    if pixels.ndim == 2:
        pixels = cv2.cvtColor(pixels, cv2.COLOR_GRAY2BGR)
    h, w = pixels.shape[:2]
    scale = THUMB_WIDTH / max(1, w)
    return cv2.resize(pixels, (THUMB_WIDTH, max(1, round(h * scale))), interpolation=cv2.INTER_AREA)


def side_by_side(pages: list[np.ndarray]) -> np.ndarray | None:
    """The first pages of a document next to each other (same height, a grey gap), so staff
    and the person see at a glance which pages go."""
    small = [_small(p) for p in pages[:THUMB_PAGES]]
    if not small:
        return None
    height = max(p.shape[0] for p in small)
    gap = np.full((height, THUMB_WIDTH // 12, 3), 96, np.uint8)
    row: list[np.ndarray] = []
    for page in small:
        pad = np.full((height - page.shape[0], THUMB_WIDTH, 3), 255, np.uint8)
        row += [np.vstack([page, pad]), gap]
    return np.hstack(row[:-1])


def _carried_thumbnails(
    pdf: bytes, passphrase: str, documents: list[list[int]]
) -> list[np.ndarray | None]:
    """The first pages of each carried document (page indices given), rendered in memory
    from the encrypted bundle bytes."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf, password=passphrase)
    try:
        out = []
        for indices in documents:
            pages = []
            for index in indices[:THUMB_PAGES]:
                page = doc[index]
                bitmap = page.render(scale=THUMB_WIDTH / max(1.0, page.get_width()))
                rgb = np.asarray(bitmap.to_pil().convert("RGB"))
                pages.append(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
                page.close()
            out.append(side_by_side(pages))
        return out
    finally:
        doc.close()


def shareable_documents(session: Session) -> list[ShareableDocument]:
    """The documents :meth:`Session.share` would choose from, in the source bundle's order."""
    out: list[ShareableDocument] = []
    # Read-only look at the opened earlier bundle (the session stays its only writer).
    visit = session._returning  # noqa: SLF001
    if visit is not None:
        metas = visit.info.manifest.documents
        indices, at = [], len(visit.info.manifest.cover)
        for meta in metas:
            indices.append(list(range(at, at + len(meta.pages))))
            at += len(meta.pages)
        try:
            thumbs = _carried_thumbnails(visit.drive.pdf, visit.passphrase, indices)
        except Exception:  # noqa: BLE001 - a picture is a convenience, never a failure
            thumbs = [None] * len(metas)
        for n, (meta, thumb) in enumerate(zip(metas, thumbs, strict=True), start=1):
            out.append(ShareableDocument(n, meta.category, len(meta.pages), True, thumb))
    # This visit's documents count only once the bundle holding them is built.
    if visit is None or session.bundle_built:
        for doc in session.documents:
            out.append(
                ShareableDocument(
                    len(out) + 1,
                    doc.classification.category,
                    len(doc.pages),
                    False,
                    side_by_side([p.color for p in doc.pages]),
                )
            )
    return out
