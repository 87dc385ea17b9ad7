"""The kiosk's one key map: every key means the same thing on every screen.

Why one table: staff learn a key once. Before it, W withdrew consent on capture but wrote the
drive on the drive screen, E edited a date but ejected, N meant new person, new document and
new deadline. Screens now take their bindings and their key-bar hints from here
(:func:`bindings`, :func:`hints`), and ``tests/kiosk/test_keymap.py`` checks that no key is
given two meanings. Labels are marked with ``N_`` and translated when shown, in the staff's
language (the key bar and the F1 help are for staff).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

from kiosk.i18n import N_, _


@dataclass(frozen=True)
class Key:
    key: str  # Textual key name(s), comma separated
    shown: str  # how the key bar writes it
    action: str  # the screen's action (without "action_")
    label: str  # N_-marked English label, translated when shown


KEYS: dict[str, Key] = {
    k.action: k
    for k in (
        # The same everywhere.
        Key("f1", "F1", "help", N_("Help: the keys of this screen")),
        Key("f8", "F8", "next", N_("Continue")),
        Key("escape", "Esc", "back", N_("Back")),
        Key("f9", "F9", "refuse", N_("Refuse or withdraw consent")),
        Key("f10", "F10", "end_visit", N_("End the visit")),
        Key("f5", "F5", "again", N_("Check again")),
        Key("p", "P", "print", N_("Print")),
        # Home.
        Key("n", "N", "new_person", N_("New person")),
        Key("r", "R", "returning", N_("Returning person")),
        Key("c", "C", "checkpoint", N_("End-of-day checkpoint")),
        Key("l", "L", "sign_out", N_("Sign out")),
        Key("g", "G", "staff_language", N_("Staff language")),
        Key("v", "V", "withdraw_consent", N_("Withdraw consent")),
        # Capture.
        Key("space", "Space", "capture", N_("Capture a document")),
        Key("a", "A", "add_page", N_("Add a page to the last one")),
        Key("f3", "F3", "new_document", N_("Next page: new document")),
        Key("f2", "F2", "choose_source", N_("Source")),
        # Review.
        Key("k", "K", "category", N_("Category")),
        Key("d", "D", "confirm_deadline", N_("Confirm deadline")),
        Key("t", "T", "edit_deadline", N_("Edit date")),
        Key("plus", "+", "add_deadline", N_("New deadline")),
        Key("x", "X", "delete_page", N_("Delete page")),
        Key("u", "U", "page_up", N_("Move page up")),
        Key("j", "J", "page_down", N_("Move page down")),
        Key("m", "M", "merge", N_("Merge with next")),
        Key("s", "S", "split", N_("Split here")),
        # Passphrase of a returning person.
        Key("f7", "F7", "camera", N_("Read the key card's QR code")),
        # Consent.
        Key("f6", "F6", "listen", N_("Read the notice aloud")),
        # Drive.
        Key("w", "W", "write", N_("Write and verify")),
        Key("e", "E", "eject", N_("Eject")),
        Key("b", "B", "backup", N_("Backup copy on a second drive")),
        # Sharing with a recipient (a returning person's bundle, or once the drive is verified).
        Key("f4", "F4", "share", N_("Share with a recipient")),
    )
}


def bindings(*actions: str) -> list[BindingType]:
    """Textual bindings for ``actions``, keys from :data:`KEYS` (F1 help is bound once, on
    :class:`kiosk.base.KioskScreen`). ``"next:bundle"`` binds the key of ``next`` to the
    screen's ``action_bundle`` (same meaning, the screen's own name for it)."""
    out: list[BindingType] = []
    for spec in actions:
        meaning, _sep, action = spec.partition(":")
        out.append(Binding(KEYS[meaning].key, action or meaning, show=False))
    return out


def hint(action: str, label: str | None = None) -> tuple[str, str]:
    """One key-bar hint: the key as shown and its label (translated), or ``label`` when the
    screen says more precisely what the key does there."""
    k = KEYS[action]
    return k.shown, label if label is not None else _(k.label)
