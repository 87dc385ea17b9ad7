"""Documents being assembled from captured pages, and the staff's edits of them (reorder,
merge, split, delete), each keeping every page's OCR beside it.

Only :class:`nextstep.session.Session` calls these, after checking consent and stage, and logs
each edit; they are pure list surgery so they can be tested and reasoned about alone.
Documents are named by their position among the *read* drafts (what review shows).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from nextstep.errors import NextStepError
from nextstep.model import Document
from scanners.types import Page


@dataclass
class Draft:
    """A document being assembled from captured pages, before it is understood."""

    pages: list[Page] = field(default_factory=list)
    document: Document | None = None


class NoSuchPage(NextStepError):
    """An edit named a document or page that is not there (the view was out of date)."""


def _missing() -> NoSuchPage:
    return NoSuchPage(
        "That document or page is no longer there.",
        hint="Look at the review tables again, then choose the page.",
    )


def read(drafts: list[Draft]) -> list[Document]:
    return [d.document for d in drafts if d.document is not None]


def _document(drafts: list[Draft], index: int) -> Document:
    docs = read(drafts)
    if not 0 <= index < len(docs):
        raise _missing()
    return docs[index]


def move_page(drafts: list[Draft], index: int, source: int, target: int) -> bool:
    """Move page ``source`` of a document to position ``target``; False when nothing moved."""
    doc = _document(drafts, index)
    if not (0 <= source < len(doc.pages) and 0 <= target < len(doc.pages)):
        raise _missing()
    if source == target:
        return False
    for seq in (doc.pages, doc.ocr):
        if len(seq) > max(source, target):
            seq.insert(target, seq.pop(source))  # type: ignore[arg-type]
    return True


def merge_with_next(drafts: list[Draft], index: int) -> None:
    """Join the next document onto this one (pages, text, deadlines, references); this
    document's category stays and is marked for review."""
    docs = read(drafts)
    if not 0 <= index < len(docs) - 1:
        raise _missing()
    first, second = docs[index], docs[index + 1]
    first.pages.extend(second.pages)
    first.ocr.extend(second.ocr)
    first.deadlines.extend(second.deadlines)
    first.references.extend(second.references)
    first.classification.needs_review = True
    drafts[:] = [d for d in drafts if d.document is not second]


def split_before(drafts: list[Draft], index: int, page: int) -> None:
    """Cut a document before ``page``: the later pages become a new document right after it,
    with the same category marked for review (staff then check it)."""
    doc = _document(drafts, index)
    if not 0 < page < len(doc.pages):
        raise _missing()
    new = copy.copy(doc)
    new.pages, doc.pages[:] = doc.pages[page:], doc.pages[:page]
    new.ocr, doc.ocr[:] = doc.ocr[page:], doc.ocr[:page]
    new.deadlines = []
    new.references = []
    new.classification = copy.copy(doc.classification)
    new.classification.needs_review = True
    position = next(n for n, d in enumerate(drafts) if d.document is doc)
    drafts.insert(position + 1, Draft(pages=new.pages, document=new))


def delete_page(drafts: list[Draft], index: int, page: int) -> None:
    """Delete one page; a document left without pages disappears."""
    doc = _document(drafts, index)
    if not 0 <= page < len(doc.pages):
        raise _missing()
    del doc.pages[page]
    if page < len(doc.ocr):
        del doc.ocr[page]
    if not doc.pages:
        drafts[:] = [d for d in drafts if d.document is not doc]
