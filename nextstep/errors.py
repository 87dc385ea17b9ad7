"""The one exception root of :mod:`nextstep`; the CLI and the kiosk show ``message`` only."""

from __future__ import annotations

from typing import Any


class NextStepError(Exception):
    """A domain failure with a user-facing ``message`` and an optional ``hint`` (what to do)."""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle by state, not by ``__init__`` arguments: subclasses take other arguments
        (a drive status, a group number), and a session's errors cross from its child process
        to the kiosk (:mod:`nextstep.visit.process`) as the same class."""
        return (_restore, (type(self), self.message, dict(self.__dict__)))


def _restore(cls: type[NextStepError], message: str, state: dict[str, Any]) -> NextStepError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error
