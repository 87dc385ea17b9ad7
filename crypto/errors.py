"""The one exception root of :mod:`crypto`: every failure carries a sentence for a person."""

from __future__ import annotations


class CryptoError(Exception):
    """A cryptographic operation failed; ``message`` says what happened and what to do."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()
