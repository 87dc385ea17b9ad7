"""Domain records shared by understanding, bundle, audit and the kiosk.

These hold personal data (text, dates, references) and therefore live in memory only; the
bundle encrypts them and the audit log never receives them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from scanners.types import Page

CATEGORIES: tuple[str, ...] = (
    "asylum",
    "residence",
    "family",
    "housing",
    "allowances",
    "debt",
    "employment",
    "health",
    "schooling",
    "justice",
    "other",
)

DeadlineKind = Literal["appeal", "payment", "appointment", "expiry", "response", "other"]
DEADLINE_KINDS: tuple[str, ...] = (
    "appeal",
    "payment",
    "appointment",
    "expiry",
    "response",
    "other",
)


@dataclass(frozen=True)
class OcrWord:
    """One recognised word with its box in page pixels and Tesseract's confidence (0-100)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line: int = 0  # line number within the page, for rebuilding text


@dataclass
class OcrPage:
    """OCR of one page: words with boxes (for the bundle's text layer) and plain text."""

    words: list[OcrWord]
    text: str
    language: str  # Tesseract language string used, e.g. "fra" or "nld+eng"
    width: int
    height: int
    dpi: float
    mean_conf: float = 0.0


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    kind: str  # one of DEADLINE_KINDS
    text: str  # the sentence it came from
    computed: bool = False  # True when resolved from a relative phrase
    confirmed: bool = False  # set by staff in the kiosk
    #: the words just before the date (or the period) and just after it, inside its sentence:
    #: the learned deadline filter tells apart two dates of one sentence by them ("payé le …,
    #: à payer avant le …"); never stored in a bundle, not part of equality
    before: str = field(default="", compare=False, repr=False)
    after: str = field(default="", compare=False, repr=False)


@dataclass(frozen=True)
class Reference:
    kind: (
        str  # "national_register", "iban", "structured_communication", "cgra_file", "oe_file", ...
    )
    value: str
    valid: bool | None = None  # checksum verdict, None where no checksum exists


@dataclass
class Classification:
    category: str
    confidence: float
    needs_review: bool = False
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A document of one or more pages with what the kiosk understood of it."""

    pages: list[Page]
    ocr: list[OcrPage]
    classification: Classification
    language: str = "und"
    deadlines: list[Deadline] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    document_date: dt.date | None = None
    issuer: str | None = None
    title: str = ""

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.ocr)
