"""The one exception root of :mod:`nextstep`; the CLI and the kiosk show ``message`` only."""

from __future__ import annotations


class NextStepError(Exception):
    """A domain failure with a user-facing ``message`` and an optional ``hint`` (what to do)."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()
