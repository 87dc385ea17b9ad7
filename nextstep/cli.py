"""The ``nextstep`` command: one sub-command group per area, each registered by its module.

Errors from any layer arrive as the package's exception root; the CLI prints the user-facing
message and hint (never a traceback) and exits non-zero.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from crypto.errors import CryptoError
from nextstep.errors import NextStepError
from scanners.errors import ScanError

# Each module exposes ``register(subparsers)``; its parsers set ``func(args) -> int``.
COMMAND_MODULES: tuple[str, ...] = (
    "nextstep.bundle.cli",
    "nextstep.commands",
    "nextstep.demo",
    "nextstep.drives.cli",
    "nextstep.understanding.cli",
    "nextstep.audit.cli",
    "nextstep.referral.cli",
    "nextstep.consent.cli",
)

EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nextstep",
        description="NextStep: a secure document-digitization kiosk.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["kiosk"]:  # the UI, by module name: nextstep never imports kiosk
        return int(importlib.import_module("kiosk.cli").main(argv[1:]))
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        return int(func(args) or 0)
    except (NextStepError, ScanError, CryptoError) as exc:
        print(f"nextstep: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  {exc.hint}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("nextstep: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
