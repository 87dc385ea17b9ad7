"""Understanding: OCR (Tesseract), classification with abstention, deadlines and references."""

from nextstep.understanding.errors import OcrError
from nextstep.understanding.recognize import DEFAULT_LANGUAGES, recognize_pages
from nextstep.understanding.tesseract import (
    OcrEngine,
    TesseractEngine,
    TesseractProbe,
    probe_tesseract,
)

__all__ = [
    "DEFAULT_LANGUAGES",
    "OcrEngine",
    "OcrError",
    "TesseractEngine",
    "TesseractProbe",
    "probe_tesseract",
    "recognize_pages",
]
