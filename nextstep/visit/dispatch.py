"""Each command dataclass to the :class:`~nextstep.session.Session` method of the same
meaning: what the session's child process runs for every message it receives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from nextstep.errors import NextStepError
from nextstep.visit import commands as cmd
from nextstep.visit.outcomes import Ejected

if TYPE_CHECKING:
    from nextstep.session import Session


def run(
    session: Session, command: cmd.Command, progress: Callable[[str, float], None] | None = None
) -> object:
    """The outcome of ``command`` on ``session`` (a :mod:`nextstep.visit.outcomes` type, a
    :class:`~nextstep.drives.target.WriteReport`, or None for a command that only logs)."""
    match command:
        case cmd.GiveConsent():
            return session.give_consent(
                command.choices,
                informed=command.informed,
                notice_language=command.notice_language,
                interpreter_language=command.interpreter_language,
            )
        case cmd.WithdrawConsent():
            return session.withdraw_consent(command.purposes)
        case cmd.Capture():
            return session.capture_pages(command.raws, new_document=command.new_document)
        case cmd.CaptureSource():
            return session.capture_source(
                command.spec, command.files, new_document=command.new_document
            )
        case cmd.Analyze():
            return session.analyze(progress)
        case cmd.MovePage():
            return session.move_page(command.document, command.source, command.target)
        case cmd.Merge():
            return session.merge(command.document)
        case cmd.SplitDocument():
            return session.split_document(command.document, command.page)
        case cmd.DeletePage():
            return session.delete_page(command.document, command.page)
        case cmd.SetCategory():
            return session.set_category(command.document, command.category)
        case cmd.ConfirmDeadline():
            return session.confirm_deadline(command.document, command.deadline, command.date)
        case cmd.AddDeadline():
            return session.add_deadline(command.document, command.date, command.kind)
        case cmd.Reopen():
            return session.reopen(command.passphrase, command.spec, bundle=command.bundle)
        case cmd.Build():
            return session.build()
        case cmd.Write():
            return session.write_to_drive(command.spec)
        case cmd.Share():
            return session.share(command.request, agreed=command.agreed)
        case cmd.ShareChoices():
            return session.shareable()
        case cmd.CheckDrive():
            return session.check_drive_before_write(command.spec)
        case cmd.WriteBackup():
            return session.write_backup(command.spec)
        case cmd.Eject():
            return Ejected(session.eject(), session.drive_description)
        case cmd.KeycardPrinted():
            session.keycard_printed()
            return None
        case cmd.MakeSlips():
            return session.slips()
        case cmd.View():
            return session.view()
        case cmd.End():
            return session.finish()
    raise NextStepError(f"Unknown session command {type(command).__name__}.")
