"""Staff-language sentences for the domain errors a return visit can meet.

Why here: the domain's exceptions carry one English sentence (for logs, the CLI and tests);
the kiosk shows staff one sentence in *their* language, so the errors staff meet at the desk
(no bundle on the drive, a mistyped or wrong passphrase, a tampered or foreign bundle, a drive
problem, the sign-in lock-out) are mapped by exception class to a translated sentence and what
to do. Anything not listed keeps the domain's own sentence.
"""

from __future__ import annotations

from crypto.passphrase import PassphraseError
from kiosk.i18n import CURRENT, _
from nextstep.bundle.verify import (
    NotABundleError,
    TamperedBundleError,
    TruncatedBundleError,
    UnknownSigningKeyError,
    WrongPassphraseError,
)
from nextstep.consent.withdrawal import ProofRequired
from nextstep.drives.status import DriveError
from nextstep.returning import NoBundleOnDrive
from nextstep.staff import StaffLocked
from nextstep.visit.process import SessionProcessError
from scanners.errors import NoPageError, SamplesUsedUpError


def translate(exc: BaseException) -> tuple[str, str] | None:
    """The translated (sentence, hint) for ``exc``, or None to keep the domain's words.
    Matched by class (a subclass gets its parent's sentence), never by name."""
    if isinstance(exc, StaffLocked):
        return (
            _("Too many wrong PINs: sign-in is locked for {seconds} more seconds.").format(
                seconds=exc.seconds
            ),
            _("Wait, or ask a colleague to sign in."),
        )
    if isinstance(exc, SamplesUsedUpError):
        return (
            _("All the demo documents have been captured."),
            _("Press F8 to review them, or F10 to end the visit."),
        )
    if isinstance(exc, NoPageError):
        return (
            _("No page was captured."),
            _("Place the page again and press Space."),
        )
    if isinstance(exc, DriveError):
        return exc.status.sentence(CURRENT.staff), ""
    if isinstance(exc, SessionProcessError):
        return (
            _("The session stopped unexpectedly; its data is gone."),
            _("Start a new session; the person's drive was not changed by this one."),
        )
    if isinstance(exc, StaffLocked):
        return (
            _("Too many wrong PINs: sign-in is locked."),
            _("Wait {n} seconds, or ask a colleague to sign in.").format(n=exc.seconds),
        )
    if isinstance(exc, NoBundleOnDrive):
        return (
            _("No readable NextStep bundle was found on this drive."),
            _(
                "Check that this is the person's drive; if it is, run 'nextstep bundle check' "
                "on it, or start as a new person."
            ),
        )
    if isinstance(exc, ProofRequired):
        return (
            _("The passphrase does not open this bundle: nothing was withdrawn or removed."),
            _(
                "Type the digits exactly as printed on the key card, or, after checking who "
                "the person is, use the staff attestation."
            ),
        )
    if isinstance(exc, WrongPassphraseError):
        return (
            _("The passphrase does not open this bundle."),
            _("Type the digits exactly as printed on the key card, then try again."),
        )
    if isinstance(exc, PassphraseError):
        group = int(getattr(exc, "group", 0) or 0)
        if group:
            return (
                _("Group {n} of the passphrase has a typing mistake.").format(n=group),
                _("Compare group {n} digit by digit with the key card.").format(n=group),
            )
        return (
            _("The passphrase should have three groups of ten digits."),
            _("Type every group printed on the key card."),
        )
    if isinstance(exc, TamperedBundleError):
        return (
            _("The bundle on this drive was altered after a kiosk signed it."),
            _("Do not add to this copy: ask for the original drive, or start as a new person."),
        )
    if isinstance(exc, UnknownSigningKeyError):
        return (
            _("The bundle on this drive was signed by a kiosk this one does not trust."),
            _("Add that kiosk's public key to keys/trusted, or start as a new person."),
        )
    if isinstance(exc, TruncatedBundleError | NotABundleError):
        return (
            _("The bundle file on this drive is incomplete and could not be repaired."),
            _("Ask for the backup drive if there is one, or start as a new person."),
        )
    return None
