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

THUMB_WIDTH = 240  # pixels: enough for a 34-cell half-block picture


@dataclass(frozen=True)
class ShareableDocument:
    number: int  # D1 = 1, as on the cover and in ShareRequest.documents
    category: str
    pages: int
    earlier: bool  # from an earlier visit (carried in the bundle)
    thumbnail: np.ndarray | None = field(default=None, repr=False)  # BGR, first page


def _small(pixels: np.ndarray) -> np.ndarray:
    h, w = pixels.shape[:2]
    scale = THUMB_WIDTH / max(1, w)
    return cv2.resize(pixels, (THUMB_WIDTH, max(1, round(h * scale))), interpolation=cv2.INTER_AREA)


def _carried_thumbnails(pdf: bytes, passphrase: str, first_pages: list[int]) -> list[np.ndarray]:
    """The first page of each carried document, rendered from the encrypted bundle bytes."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf, password=passphrase)
    try:
        out = []
        for index in first_pages:
            page = doc[index]
            bitmap = page.render(scale=THUMB_WIDTH / max(1.0, page.get_width()))
            rgb = np.asarray(bitmap.to_pil().convert("RGB"))
            out.append(cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
            page.close()
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
        firsts, at = [], len(visit.info.manifest.cover)
        for meta in metas:
            firsts.append(at)
            at += len(meta.pages)
        try:
            thumbs: list[np.ndarray | None] = list(
                _carried_thumbnails(visit.drive.pdf, visit.passphrase, firsts)
            )
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
                    _small(doc.pages[0].color) if doc.pages else None,
                )
            )
    return out
