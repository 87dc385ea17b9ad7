"""What the session's commands return to the UI: typed, small, and only what a screen shows.

Why views instead of the documents: the UI must be able to run in another process than the
person's data (:mod:`nextstep.visit.process`), so it receives counts, categories, dates and
page sizes; never OCR text or full-size pixels. The one image that crosses is a thumbnail of
the last captured page, as small PNG bytes the UI drops when the visit ends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from nextstep.drives.status import DriveStatus
from nextstep.visit.stage import Stage

if TYPE_CHECKING:
    import numpy as np

    from nextstep.model import Document

THUMBNAIL_SIDE = 320  # pixels on the longer side: enough for a terminal half-block preview


@dataclass(frozen=True)
class PageView:
    width: int
    height: int
    rotation: int
    rotation_confident: bool


@dataclass(frozen=True)
class DeadlineView:
    date: dt.date
    kind: str
    confirmed: bool
    computed: bool = False


@dataclass(frozen=True)
class DocumentView:
    category: str
    confidence: float
    needs_review: bool
    alternatives: tuple[tuple[str, float], ...]
    reasons: tuple[str, ...]  # why this category: matched terms and rules, for staff
    pages: tuple[PageView, ...]
    deadlines: tuple[DeadlineView, ...]


@dataclass(frozen=True)
class SessionView:
    """The visit now: stage, consents, and the documents read so far."""

    stage: Stage
    consents: dict[str, bool]
    documents: tuple[DocumentView, ...]
    drafts: int  # documents captured, read or not
    pages: int  # pages held, read or not

    @property
    def unread(self) -> int:
        return self.drafts - len(self.documents)

    @property
    def digitize(self) -> bool:
        """Consent to digitise is given (the processing every other step needs)."""
        return self.consents.get("digitize_store", False)


@dataclass(frozen=True)
class Refusal:
    origin: str  # non-personal ("file page 2/3")
    reasons: tuple[str, ...]  # quality reason ids


@dataclass(frozen=True)
class CaptureOutcome:
    """What one press of "capture" produced: how many pages were kept, the refused ones
    with reasons, and a thumbnail of the last kept page."""

    accepted: int
    refused: tuple[Refusal, ...]
    thumbnail: bytes | None = field(default=None, repr=False)  # PNG
    view: SessionView | None = None


@dataclass(frozen=True)
class ReturnVisit:
    """A returning person's opened bundle as staff see it: counts and the drive check's
    outcome (a :class:`nextstep.conservation.recovery.CheckStatus` value)."""

    version: int
    documents: int
    check: str


@dataclass(frozen=True)
class Built:
    """The bundle is made. The passphrase and key card cross to the UI because it shows the
    one and prints the other; nothing else of the bundle does."""

    passphrase: str = field(repr=False)
    keycard_pdf: bytes | None = field(repr=False)
    documents: int
    pages: int
    version: int
    holder_id: str


@dataclass(frozen=True)
class Ejected:
    status: DriveStatus
    description: str = ""  # which drive was released ("/dev/sdb1 (vfat)", a folder), no content


@dataclass(frozen=True)
class Slips:
    """Printed slips for the person (PDF bytes, memory only): None where one could not be
    made; the end of the visit must happen whatever happens here."""

    referral: bytes | None = field(default=None, repr=False)
    reminder: bytes | None = field(default=None, repr=False)
    # The coming deadlines as lines in the person's language, for the end screen to show when
    # no printer can give the reminder slip (the person photographs them).
    deadlines: tuple[str, ...] = field(default=(), repr=False)

    def as_dict(self) -> dict[str, bytes]:
        slips = {"referral": self.referral, "reminder": self.reminder}
        return {name: pdf for name, pdf in slips.items() if pdf is not None}


@dataclass(frozen=True)
class Ended:
    """What stays once the visit is wiped: the signed checkpoint and counts, nothing personal."""

    checkpoint: str
    documents: int
    pages: int
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def thumbnail_png(pixels: np.ndarray, side: int = THUMBNAIL_SIDE) -> bytes:
    """A small PNG of a page (BGR or grey), for the UI's preview."""
    import cv2  # here, not at the top: the kiosk's first screen must not wait for OpenCV

    height, width = pixels.shape[:2]
    scale = min(1.0, side / max(height, width, 1))
    if scale < 1.0:
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        pixels = cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)
    ok, data = cv2.imencode(".png", pixels)
    return bytes(data) if ok else b""


def thumbnail_pixels(png: bytes) -> np.ndarray | None:
    """The pixels of a thumbnail made by :func:`thumbnail_png` (BGR), or None."""
    import cv2  # as above: start-up cost
    import numpy as np

    if not png:
        return None
    image = cv2.imdecode(np.frombuffer(png, dtype=np.uint8), cv2.IMREAD_COLOR)
    return image if isinstance(image, np.ndarray) else None


def document_view(doc: Document) -> DocumentView:
    """What review shows of a document: category, reasons, page sizes, deadline dates."""
    c = doc.classification
    return DocumentView(
        category=c.category,
        confidence=c.confidence,
        needs_review=c.needs_review,
        alternatives=tuple((a, p) for a, p in c.alternatives),
        reasons=tuple(c.reasons),
        pages=tuple(
            PageView(p.size[0], p.size[1], p.rotation, p.rotation_confident) for p in doc.pages
        ),
        deadlines=tuple(
            DeadlineView(d.date, d.kind, d.confirmed, d.computed) for d in doc.deadlines
        ),
    )
