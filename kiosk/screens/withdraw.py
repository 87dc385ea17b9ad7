"""Withdrawing consent with the person's drive, from Home: as easy as giving it (Art. 7(3)).

Why a screen of its own and not the returning flow: a person who only wants to withdraw should
not have to start a visit. Staff insert the drive (the bundle is read as for a returning person,
and picked when the drive holds several), the person types the key card's passphrase (or staff
attest who they are, which is logged), sees the purposes they gave with a box each, nothing
ticked, and confirms in their own language. The withdrawal itself is one domain call
(:func:`nextstep.consent.withdrawal.withdraw_with_drive`, the one ``nextstep consent withdraw``
makes): it logs, erases what the purposes covered and writes the receipt; this screen only
shows what it did.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Static

from kiosk.base import KioskScreen
from kiosk.bundles import ask_which, holder_or_bundles
from kiosk.i18n import CURRENT, _, _p, display, person_raw, set_languages, wrap
from kiosk.keymap import bindings, hint
from kiosk.screens.person import PURPOSE_LABELS
from kiosk.screens.returning import passphrase_input
from nextstep.consent.withdrawal import GivenOnDrive, WithdrawalResult
from nextstep.returning import BundleOnDrive


def purpose_text(pid: str) -> str:
    """A purpose in the person's words, the same as on the consent screen (one source), in
    visual order for a right-to-left language."""
    return display(person_raw(PURPOSE_LABELS.get(pid, pid)), CURRENT.person)


class WithdrawScreen(KioskScreen):
    """Drive, then proof (key card or staff attestation), then the purposes to withdraw."""

    STEP = "withdraw"
    BINDINGS = bindings("again:read", "next:withdraw", "back:home")

    def __init__(self, *, auto: bool = True) -> None:
        super().__init__()
        self.auto = auto  # read the drive on arrival (snapshots show the screen before)
        self.bundle: str | None = None  # the bundle id staff picked when the drive has several
        self.secret: str | None = None  # the key card's passphrase, in memory until done
        self.attested = False
        self.given: GivenOnDrive | None = None
        self.done = False

    @property
    def busy(self) -> bool:
        return any(
            self.running(g) for g in ("withdraw-drive", "withdraw-proof", "withdraw-consent")
        )

    def step_title(self) -> str:
        return _("Withdraw consent")

    def keys(self) -> list[tuple[str, str]]:
        return [
            hint("again", _("Read the drive")),
            hint("next", _("Withdraw the ticked purposes")),
            hint("back", _("Back to home")),
        ]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="withdraw", classes="form"):
            yield Label(_("Withdraw consent with the person's drive"), classes="screen-title")
            yield Static("", id="withdraw-status")
            with Vertical(id="withdraw-proof"):
                yield Static(
                    wrap(
                        person_raw("Type the passphrase printed on your key card."),
                        CURRENT.person,
                        self.text_width(56),
                    ),
                    id="withdraw-help",
                )
                yield passphrase_input("withdraw-passphrase", password=True)
                with Horizontal(classes="buttons"):
                    yield Button(_("Check the key card"), id="check", variant="primary")
                    yield Button(_("No key card: I checked who the person is"), id="attest")
            with Vertical(id="withdraw-purposes"):
                yield Static("", id="withdraw-question")
                yield Vertical(id="withdraw-boxes")
                with Horizontal(classes="buttons"):
                    yield Button(_("Withdraw the ticked purposes"), id="withdraw", variant="error")
            with Horizontal(classes="buttons"):
                yield Button(_("Read the drive"), id="read")
                yield Button(_("Back to home"), id="home")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#withdraw-proof").display = False
        self.query_one("#withdraw-purposes").display = False
        self.query_one("#read", Button).focus()
        if self.auto:
            self.action_read()

    def status(self, text: str) -> None:
        self.query_one("#withdraw-status", Static).update(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {
            "read": self.action_read,
            "home": self.action_home,
            "check": self.action_check,
            "attest": self.action_attest,
            "withdraw": self.action_withdraw,
        }[str(event.button.id)]()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_check()

    # -- 1. the drive ---------------------------------------------------------------------------
    def action_read(self, bundle: str | None = None) -> None:
        if self.busy:
            return
        self.given, self.secret, self.attested, self.done = None, None, False, False
        self.bundle = bundle
        self.query_one("#withdraw-proof").display = False
        self.query_one("#withdraw-purposes").display = False
        self.status(_("Reading the drive…"))
        self.read_drive(bundle)

    @work(thread=True, exclusive=True, group="withdraw-drive", exit_on_error=False)
    def read_drive(self, bundle: str | None = None) -> str | list[BundleOnDrive]:
        """The holder id (the bundle is on the drive), or the bundles to choose from."""
        return holder_or_bundles(self.kiosk, bundle)

    # -- 2. the proof ---------------------------------------------------------------------------
    def action_check(self) -> None:
        from crypto import passphrase as passphrases

        if self.busy or self.given is not None:
            return
        field = self.query_one("#withdraw-passphrase", Input)
        try:
            secret = passphrases.check(field.value)
        except Exception as exc:  # noqa: BLE001 - PassphraseError: shown, nothing tried
            from kiosk.base import explain

            self.kapp.show_error(*explain(exc))
            return
        self.secret, self.attested = secret, False
        self.status(_("Checking the key card against the bundle…"))
        self.prove(secret, False)

    def action_attest(self) -> None:
        """No key card: staff attest, after checking who the person is (logged as such)."""
        from kiosk.modals import ConfirmModal

        if self.busy or self.given is not None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.secret, self.attested = None, True
                self.status(_("Reading the person's choices…"))
                self.prove(None, True)

        self.app.push_screen(
            ConfirmModal(
                _(
                    "Do you attest that you checked this drive is the person's? "
                    "Your attestation is written in the log."
                ),
                _("I attest it"),
                _("Back"),
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="withdraw-proof", exit_on_error=False)
    def prove(self, secret: str | None, attested: bool) -> GivenOnDrive:
        return self.kiosk.given_on_drive(bundle=self.bundle, passphrase=secret, attested=attested)

    def show_purposes(self, given: GivenOnDrive) -> None:
        """One box per purpose the person gave, none ticked, in the person's language."""
        self.given = given
        set_languages(person=given.language)
        self.query_one("#withdraw-passphrase", Input).value = ""
        self.query_one("#withdraw-proof").display = False
        boxes = self.query_one("#withdraw-boxes", Vertical)
        boxes.remove_children()
        if not given.given:
            self.status(_("This person has no consent left to withdraw."))
            return
        self.status(_("Proof accepted. The person ticks what to withdraw."))
        self.query_one("#withdraw-question", Static).update(
            wrap(
                person_raw("Tick each agreement you want to withdraw."),
                CURRENT.person,
                self.text_width(56),
            )
        )
        width = self.text_width(56)  # the form column is narrower than the screen
        for pid in given.given:
            # The wording above its own box: a Checkbox label is one line, cut at 80x24.
            boxes.mount(
                Vertical(
                    Static(wrap(person_raw(PURPOSE_LABELS.get(pid, pid)), CURRENT.person, width)),
                    Checkbox(_p("Withdraw this agreement"), value=False, id=f"withdraw-{pid}"),
                    classes="purpose",
                )
            )
        self.query_one("#withdraw-purposes").display = True
        self.call_after_refresh(self.focus_first_box)

    def focus_first_box(self) -> None:
        boxes = self.query(Checkbox)
        if boxes:
            boxes.first().focus()

    # -- 3. the withdrawal -----------------------------------------------------------------------
    def ticked(self) -> list[str]:
        if self.given is None:
            return []
        return [
            pid for pid in self.given.given if self.query_one(f"#withdraw-{pid}", Checkbox).value
        ]

    def action_withdraw(self) -> None:
        from kiosk.modals import ConfirmModal

        if self.busy or self.done or self.given is None:
            return
        chosen = self.ticked()
        if not chosen:
            self.kapp.show_error(
                _("No purpose is ticked."),
                _("Tick each purpose the person wants to withdraw, then press F8."),
            )
            return
        listed = "\n".join("- " + purpose_text(p) for p in chosen)

        def answered(yes: bool | None) -> None:
            if yes:
                self.status(_("Withdrawing and updating the drive…"))
                self.withdraw(chosen)

        self.app.push_screen(
            ConfirmModal(
                _p("Do you withdraw your agreement to:") + "\n" + listed,
                _p("Yes, withdraw"),
                _p("No"),
                person=True,
            ),
            answered,
        )

    @work(thread=True, exclusive=True, group="withdraw-consent", exit_on_error=False)
    def withdraw(self, purposes: list[str]) -> WithdrawalResult:
        return self.kiosk.withdraw_consent(
            purposes, bundle=self.bundle, passphrase=self.secret, attested=self.attested
        )

    def show_result(self, result: WithdrawalResult) -> None:
        """What the domain did, as it reports it: nothing more is claimed."""
        self.done = True
        self.secret = None
        self.query_one("#withdraw-purposes").display = False
        lines = [_p("Your agreement is withdrawn.")]
        lines += ["- " + purpose_text(d.purpose) for d in result.record.decisions]
        if result.removed:
            lines.append(
                _("Removed from the drive: {files}").format(files=", ".join(result.removed))
            )
        else:
            lines.append(_("Nothing had to be removed from the drive."))
        lines.append(
            _("Receipt written on the drive: {files}").format(files=", ".join(result.receipt_files))
        )
        self.status("\n".join(lines))
        self.query_one("#home", Button).focus()

    # -- workers ---------------------------------------------------------------------------------
    def worker_done(self, group: str, result: object) -> None:
        if group == "withdraw-drive":
            if isinstance(result, list):
                ask_which(self.app, result, self.status, self.action_read)
            elif isinstance(result, str):
                self.status(_("The person's bundle is on the drive."))
                self.query_one("#withdraw-proof").display = True
                self.query_one("#withdraw-passphrase", Input).focus()
        elif group == "withdraw-proof" and isinstance(result, GivenOnDrive):
            self.show_purposes(result)
        elif group == "withdraw-consent" and isinstance(result, WithdrawalResult):
            self.show_result(result)

    def work_failed(self, group: str, message: str, hint: str) -> None:
        """Wrong passphrase, no bundle, a drive that cannot be written: said, nothing lost."""
        if group == "withdraw-proof":
            self.secret = None
            self.query_one("#withdraw-passphrase", Input).value = ""
            self.status(_("Nothing was withdrawn or removed."))
        elif group == "withdraw-consent":
            self.status(_("The withdrawal did not finish: read the message."))
        else:
            self.status(_("Press F5 to read the drive again once the problem is solved."))
        super().work_failed(group, message, hint)

    def action_home(self) -> None:
        self.secret = None
        self.kapp.goto_home()
