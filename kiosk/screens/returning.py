"""A returning person: read the holder id from their drive, then (after language and consent)
open their bundle with the passphrase from their key card.

Why no typing of the holder id: the drive's signed envelope carries it in clear (it names no
one), so staff only insert the drive. The passphrase is typed from the card, or read from the
card's QR code when a document camera is configured. Opening checks the drive's copy with PAR2
and repairs it on a private copy first; the new documents are then added as the next version
with the same passphrase.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, LoadingIndicator, Static

from crypto import passphrase as passphrases
from kiosk.base import KioskScreen, explain
from kiosk.bundles import ask_which, holder_or_bundles
from kiosk.endings import Ending
from kiosk.i18n import CURRENT, _, _p, person_raw, wrap
from kiosk.keymap import bindings, hint
from kiosk.modals import ConfirmModal
from nextstep.returning import BundleOnDrive
from nextstep.visit.outcomes import ReturnVisit

#: What a person types: the printed layout of the key card (three groups of ten digits).
PASSPHRASE_PLACEHOLDER = "0000000000-0000000000-0000000000"  # noqa: S105 - not a secret


def passphrase_input(widget_id: str, *, password: bool = False) -> Input:
    """The field a key card's passphrase is typed into, the same on every screen that asks for
    it (here and the withdrawal screen): the card's printed layout as placeholder, one limit."""
    return Input(id=widget_id, placeholder=PASSPHRASE_PLACEHOLDER, max_length=48, password=password)


class ReturningDriveScreen(KioskScreen):
    """Staff insert the person's drive; the kiosk reads whose bundle it holds."""

    STEP = "returning"
    BINDINGS = bindings("again:read", "back:home")

    def __init__(self, *, auto: bool = True) -> None:
        super().__init__()
        self.auto = auto  # read the drive on arrival (snapshots show the screen before)

    def step_title(self) -> str:
        return _("Returning person")

    def keys(self) -> list[tuple[str, str]]:
        return [hint("again", _("Read the drive")), hint("back", _("Back to home"))]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="returning", classes="form"):
            yield Label(_("Insert the person's USB drive"), classes="screen-title")
            yield Static(
                _("The kiosk finds the person's bundle on the drive: nothing to type."),
                id="returning-help",
            )
            yield Static("", id="returning-status")
            with Horizontal(classes="buttons"):
                yield Button(_("Read the drive"), id="read", variant="primary")
                yield Button(_("Back to home"), id="home")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#read", Button).focus()
        if self.auto:
            self.action_read()

    def status(self, text: str) -> None:
        self.query_one("#returning-status", Static).update(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "read":
            self.action_read()
        else:
            self.action_home()

    def action_read(self) -> None:
        if self.running("returning"):
            return
        self.status(_("Reading the drive…"))
        self.read_holder()

    @work(thread=True, exclusive=True, group="returning", exit_on_error=False)
    def read_holder(self, bundle: str | None = None) -> str | list[BundleOnDrive]:
        """The holder id, or the bundles to choose from when the drive holds several."""
        return holder_or_bundles(self.kiosk, bundle)

    def worker_done(self, group: str, result: object) -> None:
        if isinstance(result, str):
            self.kapp.goto_language(holder_id=result)
        elif isinstance(result, list):
            ask_which(self.app, result, self.status, self.read_chosen)

    def read_chosen(self, bundle_id: str) -> None:
        """Read the bundle staff picked on a drive holding several."""
        self.status(_("Reading the drive…"))
        self.read_holder(bundle_id)

    def work_failed(self, group: str, message: str, hint: str) -> None:
        self.status(_("Press F5 to read the drive again once the problem is solved."))
        super().work_failed(group, message, hint)

    def action_home(self) -> None:
        self.kapp.goto_home()


class PassphraseScreen(KioskScreen):
    """The person types the passphrase from their key card (or shows its QR code)."""

    PERSON = True
    STEP = "passphrase"
    BINDINGS = bindings("camera", "next:open", "end_visit:give_up")

    @property
    def busy(self) -> bool:
        return self.running("open") or self.running("qr")

    @property
    def camera(self) -> bool:
        return self.kiosk.camera_configured

    def step_title(self) -> str:
        return _("Passphrase of the returning person")

    def keys(self) -> list[tuple[str, str]]:
        keys = [("Enter/F8", _("Open the bundle"))]
        if self.camera:
            keys.append(hint("camera"))
        keys.append(hint("end_visit", _("No key card: end the visit")))
        return keys

    def compose_body(self) -> ComposeResult:
        with Vertical(id="passphrase-entry"):
            yield Label(_p("Your passphrase"), classes="screen-title")
            yield Static(
                wrap(
                    person_raw("Type the passphrase printed on your key card."),
                    CURRENT.person,
                    self.text_width(80),
                ),
                id="passphrase-help",
            )
            if self.camera:
                yield Static(
                    wrap(
                        person_raw("Or show the QR code of your key card to the camera."),
                        CURRENT.person,
                        self.text_width(80),
                    ),
                    id="passphrase-camera",
                )
            yield passphrase_input("passphrase-input")
            yield LoadingIndicator(id="passphrase-loading")
            yield Static("", id="passphrase-status")
            with Horizontal(classes="buttons"):
                yield Button(_p("Open my documents"), id="open", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#passphrase-loading").display = False
        self.query_one("#passphrase-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_open()

    def action_open(self, typed: str | None = None) -> None:
        """Check the digits' check groups at once (a typo is named by group), then open the
        bundle in a worker: drive check and PAR2 repair, decryption, signature."""
        if self.busy:
            return
        field = self.query_one("#passphrase-input", Input)
        text = field.value if typed is None else typed
        try:
            secret = passphrases.check(text)
        except Exception as exc:  # noqa: BLE001 - PassphraseError: shown, nothing tried
            self.kapp.show_error(*explain(exc))
            return
        self.query_one("#passphrase-loading").display = True
        self.query_one("#passphrase-status", Static).update(
            _("Checking the drive, repairing it if needed, then opening the bundle…")
        )
        self.open_bundle(secret)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def open_bundle(self, secret: str) -> ReturnVisit:
        return self.kiosk.open_returning(secret)

    @work(thread=True, exclusive=True, group="qr", exit_on_error=False)
    def read_qr(self) -> str:
        """The passphrase from the key card's QR code ("" when none is seen)."""
        return self.kiosk.read_card_qr() or ""

    def worker_done(self, group: str, result: object) -> None:
        if group == "open":
            self.query_one("#passphrase-input", Input).value = ""
            self.kapp.goto_capture()
        elif group == "qr" and isinstance(result, str):
            self.qr_read(result)

    def work_failed(self, group: str, message: str, hint: str) -> None:
        """Wrong passphrase, damaged or foreign bundle: the modal says it; retry from here."""
        self.query_one("#passphrase-loading").display = False
        self.query_one("#passphrase-status", Static).update("")
        field = self.query_one("#passphrase-input", Input)
        field.value = ""
        field.focus()
        super().work_failed(group, message, hint)

    def action_camera(self) -> None:
        """Read the passphrase from the card's QR code in one camera frame."""
        if not self.camera or self.busy:
            return
        self.query_one("#passphrase-status", Static).update(_("Reading the QR code…"))
        self.read_qr()

    def qr_read(self, secret: str) -> None:
        if not secret:
            self.query_one("#passphrase-status", Static).update("")
            self.kapp.show_error(
                _("No key card QR code was seen by the camera."),
                _("Hold the card flat under the camera and press F7 again, or type it."),
            )
            return
        self.action_open(secret)

    def action_give_up(self) -> None:
        """No key card today: end the visit (the session is wiped; the drive is untouched)."""
        if self.busy:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.kapp.goto_end(Ending.UNCHANGED)

        self.app.push_screen(
            ConfirmModal(
                _("End this visit without opening the bundle? The drive stays as it is."),
                _("End the visit"),
                _("Stay"),
            ),
            answered,
        )
