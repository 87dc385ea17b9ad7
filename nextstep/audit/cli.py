"""``nextstep audit ...``: the audit commands, split by who runs them.

- For auditors and witnesses, with no secret of the kiosk (``nextstep.audit.auditor_commands``):
  ``verify``, ``report``, ``check-proof``, ``witness``.
- For the association on the kiosk, with its keys (``nextstep.audit.kiosk_commands``):
  ``checkpoint``, ``proof``, ``subject`` (Art. 15), ``erase`` (Art. 17), ``staff``,
  ``retention``.

Key parsing shared by both lives in ``nextstep.audit.trusted_keys``.
"""

from __future__ import annotations

import argparse

from nextstep.audit import auditor_commands, kiosk_commands


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="verify, report on and answer requests about the log")
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION")

    def usage(_args: argparse.Namespace) -> int:
        audit.print_help()
        return 2

    audit.set_defaults(func=usage)
    auditor_commands.register(asub)
    kiosk_commands.register(asub)
