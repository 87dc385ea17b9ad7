"""Understanding: OCR (Tesseract), classification with abstention, deadlines and references.

Public API: :func:`recognize_pages` (parallel OCR with per-page language choice),
:func:`understand` (OCR pages -> :class:`Understanding`), :func:`analyze_pages` (both, giving a
:class:`nextstep.model.Document`), :func:`probe_tesseract` (preflight).
"""

from nextstep.understanding.classify import classify_text
from nextstep.understanding.dates import document_date, find_deadlines
from nextstep.understanding.errors import OcrError
from nextstep.understanding.recognize import DEFAULT_LANGUAGES, recognize_pages
from nextstep.understanding.references import find_references
from nextstep.understanding.tesseract import (
    OcrEngine,
    TesseractEngine,
    TesseractProbe,
    probe_tesseract,
)
from nextstep.understanding.understand import (
    Understanding,
    analyze_pages,
    to_document,
    understand,
)

__all__ = [
    "DEFAULT_LANGUAGES",
    "OcrEngine",
    "OcrError",
    "TesseractEngine",
    "TesseractProbe",
    "Understanding",
    "analyze_pages",
    "classify_text",
    "document_date",
    "find_deadlines",
    "find_references",
    "probe_tesseract",
    "recognize_pages",
    "to_document",
    "understand",
]
