"""From OCR text to what the kiosk understood: category, deadlines, references, date, issuer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from nextstep.model import Classification, Deadline, Document, OcrPage, Reference
from nextstep.understanding.classify import SHIPPED, classify_text
from nextstep.understanding.dates import document_date, find_deadlines
from nextstep.understanding.langid import best_language
from nextstep.understanding.learned import LinearModel, filter_deadlines, shipped_model
from nextstep.understanding.recognize import DEFAULT_LANGUAGES, recognize_pages
from nextstep.understanding.references import find_references
from scanners.types import Page


@dataclass
class Understanding:
    classification: Classification
    language: str = "und"
    deadlines: list[Deadline] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    document_date: dt.date | None = None
    issuer: str | None = None


_ISSUER_SKIP = re.compile(
    r"^(?:monsieur|madame|mevrouw|meneer|de heer|herr|frau|dear|mr|mrs|ms|m\.|mme|objet|betreft|"
    r"betreff|subject|concerne|re:)\b",
    re.I,
)


def find_issuer(text: str) -> str | None:
    """The sender: the first substantial line of the letter's head that is not an addressee
    or a date, which is where Belgian administrative letters put the institution's name."""
    for line in text.splitlines()[:8]:
        s = line.strip(" -|_.,:;")
        letters = sum(c.isalpha() for c in s)
        if letters < 4 or _ISSUER_SKIP.match(s) or sum(c.isdigit() for c in s) > 4:
            continue
        return s[:120]
    return None


def understand(
    ocr_pages: Sequence[OcrPage],
    *,
    today: dt.date | None = None,
    model: LinearModel | Literal["shipped"] | None = SHIPPED,
) -> Understanding:
    """Understand one document from its pages' OCR. Pure text processing: no I/O.
    ``model``: the learned classifier and deadline filter (None: the rules alone)."""
    text = "\n\n".join(p.text for p in ocr_pages)
    languages = [p.language.split("+")[0] for p in ocr_pages if p.text.strip()]
    lang = best_language(text)
    if lang == "und" and languages:
        lang = languages[0]
    doc_date = document_date(text)
    m = shipped_model() if model == SHIPPED else model
    deadlines = find_deadlines(text, doc_date=doc_date, today=today)
    return Understanding(
        classification=classify_text(text, model=m),
        language=lang,
        deadlines=filter_deadlines(deadlines, doc_date, m if isinstance(m, LinearModel) else None),
        references=find_references(text),
        document_date=doc_date,
        issuer=find_issuer(ocr_pages[0].text) if ocr_pages else None,
    )


def to_document(pages: list[Page], ocr: list[OcrPage], u: Understanding) -> Document:
    return Document(
        pages=pages,
        ocr=ocr,
        classification=u.classification,
        language=u.language,
        deadlines=u.deadlines,
        references=u.references,
        document_date=u.document_date,
        issuer=u.issuer,
    )


def analyze_pages(
    pages: list[Page],
    *,
    languages: tuple[str, ...] = DEFAULT_LANGUAGES,
    workers: int = 0,
    today: dt.date | None = None,
) -> Document:
    """OCR the pages of ONE document in parallel, then understand them."""
    ocr = recognize_pages(pages, languages=languages, workers=workers)
    return to_document(pages, ocr, understand(ocr, today=today))
