"""The stages of a visit and which command each one allows.

Capture, reading and review are one stage (CAPTURING) on purpose: staff go back and forth
between the capture and review screens, and a page added after reading is simply read again.
Once the bundle is made (BUILT) its content is fixed: the passphrase may already be on a
printed key card, so editing would make the card and the bundle disagree.

A return visit runs the same stages: its bundle is opened during CAPTURING, before pages are
added, and BUILT then means "version n+1 made".
"""

from __future__ import annotations

import enum

from nextstep.errors import NextStepError


class Stage(enum.Enum):
    CONSENT = "consent"  # started: nothing may be processed until the person chooses
    REFUSED = "refused"  # consent to digitise refused or withdrawn: nothing is processed
    CAPTURING = "capturing"  # capture, reading, review and page edits, in any order
    BUILT = "built"  # the bundle is made (in memory): write it, or end
    WRITTEN = "written"  # written to the person's drive and verified
    EJECTED = "ejected"  # the drive is released; a backup copy may still be written
    ENDED = "ended"  # wiped: every command but reading the stage is refused


class SessionStateError(NextStepError):
    """A command that does not fit the visit's stage (e.g. editing pages after the bundle)."""


#: The stages in which each kind of command is accepted.
CAPTURE_STAGES = frozenset({Stage.CAPTURING})
BUILD_STAGES = frozenset({Stage.CAPTURING, Stage.BUILT})
WRITE_STAGES = frozenset({Stage.BUILT, Stage.WRITTEN})
BACKUP_STAGES = frozenset({Stage.WRITTEN, Stage.EJECTED})
KEYCARD_STAGES = frozenset({Stage.BUILT, Stage.WRITTEN, Stage.EJECTED})
# A share needs a bundle: a returning person's opened one (CAPTURING) or this visit's.
SHARE_STAGES = frozenset({Stage.CAPTURING, Stage.BUILT, Stage.WRITTEN})

_SENTENCES = {
    Stage.CONSENT: "The person has not chosen yet: record their consent first.",
    Stage.REFUSED: "The person has not agreed to this processing.",
    Stage.CAPTURING: "The bundle is not made yet: make it first.",
    Stage.BUILT: "The bundle is already made: its documents can no longer be changed.",
    Stage.WRITTEN: "The bundle is already written: its documents can no longer be changed.",
    Stage.EJECTED: "The drive is already ejected: this step is over.",
    Stage.ENDED: "This session has ended; its data was wiped.",
}


def refuse(stage: Stage) -> SessionStateError:
    """The error for a command not allowed at ``stage``: one sentence saying why."""
    return SessionStateError(_SENTENCES[stage], hint="Follow the kiosk's steps in order.")
