"""Errors of the understanding layer, under the package root :class:`NextStepError`."""

from __future__ import annotations

from nextstep.errors import NextStepError


class OcrError(NextStepError):
    """Tesseract is missing, lacks a language, or failed on a page."""
