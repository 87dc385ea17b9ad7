"""The bundles on a person's drive, as staff find and pick them: the returning and the
withdrawal screens both start there.

Why one module: both screens read the drive the same way (the holder id, or the list when the
drive holds several) and ask staff the same question, so the label, the order and the wording
stay the same on both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from kiosk.i18n import _
from kiosk.modals import ChoiceModal
from kiosk.services import Kiosk
from nextstep.returning import BundleOnDrive, SeveralBundlesOnDrive


def bundle_label(bundle: BundleOnDrive) -> str:
    """One bundle as staff see it in the choice: date of its last visit, version, and the
    start of its (random, pseudonymous) holder id to tell two apart."""
    day = bundle.created[:16].replace("T", " ")
    return _("{date} · version {version} · holder {holder}").format(
        date=day, version=bundle.version, holder=bundle.holder_id[:8]
    )


def bundle_choice(bundles: Sequence[BundleOnDrive]) -> ChoiceModal:
    """Staff pick the person's bundle on a drive holding several, newest first."""
    newest_first = sorted(bundles, key=lambda b: b.created, reverse=True)
    return ChoiceModal(
        _("Which bundle is the person's? (newest first)"),
        [(b.bundle_id, bundle_label(b)) for b in newest_first],
    )


def holder_or_bundles(kiosk: Kiosk, bundle: str | None = None) -> str | list[BundleOnDrive]:
    """The holder id of the drive's bundle (``bundle``, once staff picked one), or the bundles
    to choose from when the drive holds several. Run in a screen's thread worker: the worker
    returns the list, and the question is asked on the UI thread with :func:`ask_which`."""
    try:
        return kiosk.holder_on_drive(bundle)
    except SeveralBundlesOnDrive as several:
        return several.bundles


def ask_which(
    app: App[Any],
    bundles: Sequence[BundleOnDrive],
    say: Callable[[str], None],
    then: Callable[[str], None],
) -> None:
    """Several bundles on the drive (a shared family drive, or an earlier mistake): ``say`` so
    on the screen, and staff ask the person which is theirs, by date and version. ``then``
    gets the chosen bundle id; nothing happens when staff go back."""
    say(_("This drive holds {n} bundles: choose the person's.").format(n=len(bundles)))

    def chosen(bundle_id: str | None) -> None:
        if bundle_id:
            then(bundle_id)

    app.push_screen(bundle_choice(bundles), chosen)
