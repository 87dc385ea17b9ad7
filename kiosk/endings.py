"""How a visit ended, and what the end screen tells the person about it.

Why: the end screen used to say "your documents are on your USB drive" after a refusal or a
withdrawal too. Each way a visit can end has its own sentence, so the person is never told
something untrue about their documents.
"""

from __future__ import annotations

import enum

from kiosk.i18n import Np_


class Ending(enum.Enum):
    WRITTEN = "written"  # the bundle is on the person's drive, verified
    NOT_WRITTEN = "not_written"  # captured, but the visit ended before the drive
    UNCHANGED = "unchanged"  # a returning person's drive was left as it was
    REFUSED = "refused"  # consent to digitise refused: nothing captured
    WITHDRAWN = "withdrawn"  # consent withdrawn: the pages were erased


SENTENCES: dict[Ending, str] = {
    Ending.WRITTEN: Np_(
        "Your documents are on your USB drive, locked with your passphrase. This "
        "kiosk has now erased everything it held about you."
    ),
    Ending.NOT_WRITTEN: Np_(
        "Your documents were not written to a USB drive: you have no digital copy from today. "
        "This kiosk has now erased everything it held about you."
    ),
    Ending.UNCHANGED: Np_(
        "Your USB drive was not changed. This kiosk has now erased everything it held about you."
    ),
    Ending.REFUSED: Np_(
        "You chose not to have your documents digitised: nothing was captured and this kiosk "
        "keeps nothing about you."
    ),
    Ending.WITHDRAWN: Np_(
        "You withdrew your consent: the pages captured today were erased and this kiosk keeps "
        "nothing about you."
    ),
}
