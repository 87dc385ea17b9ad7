"""The one exception root of :mod:`scanners`, carrying a sentence staff can act on."""

from __future__ import annotations


class ScanError(Exception):
    """Capture failed; ``message`` is one plain sentence for staff, ``hint`` what to do."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()
