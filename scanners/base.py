"""What every capture backend shares: being a context manager that opens and closes itself.

Why a base class and not four copies: a scanner left open holds a camera or a SANE device
that the next session (or another program) cannot get, so every backend must close it the
same way, on success and on error.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self


class ScannerBase:
    """Mixin for :class:`scanners.protocol.Scanner` implementations: ``with scanner: ...``."""

    def open(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.open()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
