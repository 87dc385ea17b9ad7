"""Delivery: the bundle and key card (passphrase shown large, once), the drive (insert ->
status -> write -> verify -> eject -> remove), and the end of the session (wipe + receipt).
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Vertical
from textual.widgets import Button, Digits, Label, LoadingIndicator, Static

from kiosk.base import KioskScreen
from kiosk.endings import SENTENCES, Ending
from kiosk.i18n import CURRENT, _, _p, person_raw, set_languages, wrap
from kiosk.keymap import bindings, hint
from kiosk.modals import ConfirmModal
from kiosk.screens.share import ShareScreen
from kiosk.services import Delivered
from kiosk.support import drive_status, print_document, printer_of
from kiosk.widgets import passphrase_lines
from nextstep.drives.status import DriveStatus
from nextstep.drives.target import WriteReport
from nextstep.returning import WriteCheck
from nextstep.visit.outcomes import Built


class BundleScreen(KioskScreen):
    """Builds the bundle in a worker, then shows the passphrase once, large."""

    PERSON = True
    STEP = "bundle"
    BINDINGS = bindings("next", "print")

    def __init__(self) -> None:
        super().__init__()
        self.ready = False
        self.keycard: bytes | None = None

    def step_title(self) -> str:
        return _("Bundle and key card")

    def keys(self) -> list[tuple[str, str]]:
        if self.kiosk.returning is not None:
            return [hint("next", _("Go to the drive"))]
        keys = [hint("next", _("Passphrase noted: go to the drive"))]
        if printer_of(self.kiosk) is not None:
            keys.append(hint("print", _("Print the key card again")))
        return keys

    def compose_body(self) -> ComposeResult:
        with Vertical(id="bundle"):
            yield Label(_p("Your passphrase"), classes="screen-title")
            yield LoadingIndicator(id="bundle-loading")
            yield Static(_("Making the encrypted bundle…"), id="bundle-status")
            with Center():
                yield Vertical(id="passphrase")
            yield Static("", id="passphrase-note")
            yield Static("", id="keycard-status")
            yield Button(
                _("Passphrase noted: go to the drive"), id="next", variant="primary", disabled=True
            )

    def on_mount(self) -> None:
        super().on_mount()

        self.build()

    @work(thread=True, exclusive=True, group="bundle", exit_on_error=False)
    def build(self) -> Built:
        with self.kiosk.lock:
            return self.kiosk.require_session().build()

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def print_keycard(self, pdf: bytes) -> None:
        print_document(self.kiosk, pdf, "key card")
        with self.kiosk.lock:
            self.kiosk.require_session().keycard_printed()

    def worker_done(self, group: str, result: object) -> None:
        if group == "bundle" and isinstance(result, Built):
            self.built(result)
        elif group == "print":
            self.query_one("#keycard-status", Static).update(_("Key card printed."))

    def built(self, outcome: Built) -> None:
        self.query_one("#bundle-loading").display = False
        visit = self.kiosk.returning
        if visit is None:
            # No holder id here: it is an internal pseudonym, meaningless to the person.
            ready = _("Bundle ready: {docs} document(s).").format(docs=outcome.documents)
        else:
            ready = _(
                "Version {v} ready: {new} new document(s) added to the {old} already there."
            ).format(v=visit.version + 1, new=outcome.documents, old=visit.documents)
        self.query_one("#bundle-status", Static).update(ready)
        self.ready = True
        button = self.query_one("#next", Button)
        button.disabled = False
        button.focus()
        if self.kiosk.returning is not None:
            button.label = _("Go to the drive")
            # Same passphrase as the person's key card: never shown again, no new card.
            self.query_one("#passphrase", Vertical).display = False
            self.query_one("#passphrase-note", Static).update(
                wrap(
                    person_raw(
                        "Your passphrase is unchanged: keep using the key card you already have."
                    ),
                    CURRENT.person,
                    self.text_width(90),
                )
            )
            self.query_one("#keycard-status", Static).update(
                _("Same passphrase as before: no new key card is printed.")
            )
            return
        box = self.query_one("#passphrase", Vertical)
        for line in passphrase_lines(outcome.passphrase):
            box.mount(Digits(line, classes="passphrase-line"))
        self.query_one("#passphrase-note", Static).update(
            wrap(
                person_raw(
                    "Only you receive this passphrase; it opens your documents. It is shown once: "
                    "keep the key card safe and apart from your USB drive."
                ),
                CURRENT.person,
                self.text_width(90),
            )
        )
        self.keycard = outcome.keycard_pdf
        self.action_print()

    def action_print(self) -> None:
        status = self.query_one("#keycard-status", Static)
        if not self.ready or self.kiosk.returning is not None:
            return
        if self.keycard is None:
            status.update(_("No key card requested: the person copies the passphrase by hand."))
            return
        if printer_of(self.kiosk) is None:
            status.update(_("No printer configured: copy the passphrase onto a blank key card."))
            return
        status.update(_("Printing the key card…"))
        self.print_keycard(self.keycard)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_next()

    def action_next(self) -> None:
        if self.ready:
            self.kapp.goto_drive()


class DriveScreen(KioskScreen):
    STEP = "drive"
    BINDINGS = bindings("write", "eject", "backup", "share", "next:finish")

    def __init__(self, *, poll: bool = True) -> None:
        super().__init__()
        self.status: DriveStatus | None = None
        self.poll = poll
        self.backup: DriveStatus | None = None  # the backup copy's status once written

    def step_title(self) -> str:
        return _("Drive")

    @property
    def delivered(self) -> bool:
        return self.status in (DriveStatus.VERIFIED, DriveStatus.EJECTED)

    def keys(self) -> list[tuple[str, str]]:
        keys = [hint("write"), hint("eject")]
        if self.delivered:
            keys.append(hint("backup"))
        if self.status is DriveStatus.VERIFIED:
            keys.append(hint("share"))
        return [*keys, hint("next", _("Finish"))]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="drive"):
            yield Label(
                _("Insert the person's USB drive"), id="drive-title", classes="screen-title"
            )
            yield Static("", id="drive-steps")
            yield Static("", id="drive-status")
            yield Static("", id="drive-remove")
            yield Static("", id="backup-status")
            with Horizontal(classes="buttons"):
                yield Button(_("Write and verify"), id="write", variant="primary")
                yield Button(_("Eject"), id="eject")
                yield Button(_("Backup copy"), id="backup")
                yield Button(_("Finish"), id="finish")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#write", Button).focus()
        self.query_one("#backup", Button).display = False
        self.query_one("#backup-status").display = False
        if self.poll:
            self.check_drive()
            self.set_interval(2.0, self.check_drive)

    @property
    def busy(self) -> bool:
        """The drive is being probed, written or ejected."""
        return self.running("drive") or self.running("drive-poll") or self.running("prepare")

    def check_drive(self) -> None:
        if self.busy or self.status in (
            DriveStatus.WRITTEN,
            DriveStatus.VERIFIED,
            DriveStatus.EJECTED,
        ):
            return
        self.probe_drive()

    # -- workers: the session's drive commands --------------------------------------------
    @work(thread=True, exclusive=True, group="drive-poll", exit_on_error=False)
    def probe_drive(self) -> DriveStatus:
        return drive_status(self.kiosk)

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def prepare_write(self) -> DriveStatus | WriteCheck:
        """Before writing: is the drive there and usable (else its status, nothing written),
        and, for a new person, whose bundles it already holds."""
        status = drive_status(self.kiosk)
        if status is not DriveStatus.READY or self.kiosk.returning is not None:
            return status
        return self.kiosk.check_drive_before_write()

    @work(thread=True, exclusive=True, group="drive", exit_on_error=False)
    def write(self, spec: str) -> WriteReport:
        with self.kiosk.lock:
            return self.kiosk.require_session().write_to_drive(spec)

    @work(thread=True, exclusive=True, group="drive", exit_on_error=False)
    def eject(self) -> DriveStatus:
        with self.kiosk.lock:
            return self.kiosk.require_session().eject()

    @work(thread=True, exclusive=True, group="backup", exit_on_error=False)
    def write_backup(self, spec: str) -> WriteReport:
        with self.kiosk.lock:
            return self.kiosk.require_session().write_backup(spec)

    def worker_done(self, group: str, result: object) -> None:
        if group == "prepare":
            self.prepared(result)
        elif group == "backup" and isinstance(result, WriteReport):
            self.backup_written(result)
        elif isinstance(result, WriteReport):
            self.show_status(result.status)
        elif isinstance(result, DriveStatus):
            self.show_status(result)

    def work_failed(self, group: str, message: str, hint: str) -> None:
        if group == "backup":
            self.query_one("#backup-status", Static).update(
                _("Backup copy not written: solve the problem, then press B again.")
            )
            KioskScreen.work_failed(self, group, message, hint)
            return
        # The drive is not usable: say so (never fall back to "ready"), then look again.
        self.status = None
        self.query_one("#drive-status", Static).update(f"[b red]✘[/] {message}")
        super().work_failed(group, message, hint)

    def show_status(self, status: DriveStatus) -> None:
        """One sentence for the status, in the staff's language, and the step list."""
        self.status = status
        ok = status.ok
        mark = "[b green]✔[/]" if ok else "[b red]✘[/]"
        self.query_one("#drive-status", Static).update(f"{mark} {status.sentence(CURRENT.staff)}")
        order = [DriveStatus.READY, DriveStatus.WRITTEN, DriveStatus.VERIFIED, DriveStatus.EJECTED]
        labels = [
            _("drive inserted"),
            _("bundle written"),
            _("bundle verified"),
            _("drive ejected"),
        ]
        reached = order.index(status) if status in order else -1
        steps = [f"{'■' if n <= reached else '□'} {label}" for n, label in enumerate(labels)]
        self.query_one("#drive-steps", Static).update("   →   ".join(steps))
        # The heading follows the step, so it never asks to insert a drive already written.
        titles = {
            DriveStatus.WRITTEN: _("Checking what was written"),
            DriveStatus.VERIFIED: _("Bundle written and verified: eject the drive"),
            DriveStatus.EJECTED: _("The drive can be removed"),
        }
        self.query_one("#drive-title", Label).update(
            titles.get(status, _("Insert the person's USB drive"))
        )
        remove = self.query_one("#drive-remove", Static)
        if status is DriveStatus.EJECTED:
            remove.update(_p("You can remove the drive."))
            self.query_one("#finish", Button).focus()
        else:
            remove.update("")
        self.offer_backup()

    def offer_backup(self) -> None:
        """Once the person's drive is verified, offer a backup copy on a second drive."""
        self.query_one("#backup", Button).display = self.delivered
        box = self.query_one("#backup-status", Static)
        box.display = self.delivered
        if self.delivered and self.backup is None and not self.running("backup"):
            if self.kiosk.backup_spec == "":
                box.update(
                    _("Backup copy: eject the person's drive, insert a second drive, press B.")
                )
            else:
                box.update(_("Backup copy: press B to write it to the second drive."))
        self.refresh_chrome()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        {
            "write": self.action_write,
            "eject": self.action_eject,
            "backup": self.action_backup,
            "finish": self.action_finish,
        }[str(event.button.id)]()

    def action_backup(self) -> None:
        """Write the same verified bundle set to a second drive (``Kiosk.backup_spec``)."""
        if self.running("backup") or self.busy:
            return
        if not self.delivered:
            self.kapp.show_error(
                _("Write and verify the bundle on the person's drive first."), _("Press W first.")
            )
            return
        self.query_one("#backup-status", Static).update(_("Writing the backup copy…"))
        self.write_backup(self.kiosk.backup_spec)

    def backup_written(self, report: WriteReport) -> None:
        box = self.query_one("#backup-status", Static)
        self.backup = report.status
        if report.ok:  # verified, then released by the session: the drive can go
            text = _("Backup copy written and verified: {sentence}").format(
                sentence=DriveStatus.EJECTED.sentence(CURRENT.staff)
            )
            box.update(f"[b green]✔[/] {text}")
        else:
            text = _("Backup copy: {sentence}").format(
                sentence=report.status.sentence(CURRENT.staff)
            )
            box.update(f"[b red]✘[/] {text}")

    def action_share(self) -> None:
        """Share chosen documents while the verified drive is still in (kiosk/screens/share)."""
        if not self.busy and self.status is DriveStatus.VERIFIED:
            self.app.push_screen(ShareScreen())

    def action_write(self) -> None:
        if self.running("drive") or self.running("prepare"):
            return
        self.query_one("#drive-status", Static).update(_("Checking the drive…"))
        self.prepare_write()

    def prepared(self, result: object) -> None:
        """The drive was looked at: write, show why not, or ask first when it holds other
        people's bundles (the kiosk never writes a second person's bundle without a word)."""
        if isinstance(result, DriveStatus) and result is not DriveStatus.READY:
            self.show_status(result)
            return
        if isinstance(result, WriteCheck) and result.needs_confirmation:
            self.ask_shared_drive(result)
            return
        self.start_write()

    def start_write(self) -> None:
        self.query_one("#drive-status", Static).update(_("Writing and verifying…"))
        self.write(self.kiosk.drive_spec)

    def ask_shared_drive(self, check: WriteCheck) -> None:
        others = len({b.holder_id for b in check.others}) + len(check.unverified)

        def answered(yes: bool | None) -> None:
            if yes:
                self.start_write()
            else:
                self.query_one("#drive-status", Static).update(
                    _("Nothing written: insert the person's own drive, then press W.")
                )

        self.app.push_screen(
            ConfirmModal(
                _(
                    "This drive already holds the bundles of {n} other person(s). Ask the "
                    "person: is it really their drive? Their files stay untouched."
                ).format(n=others),
                _("Yes, write on it"),
                _("No, change the drive"),
            ),
            answered,
        )

    def action_eject(self) -> None:
        if self.status is not DriveStatus.VERIFIED:
            self.kapp.show_error(
                _("Write and verify the bundle before ejecting."), _("Press W first.")
            )
            return
        if not self.running("drive"):
            self.eject()

    def action_finish(self) -> None:
        if not self.delivered:
            returning = self.kiosk.returning is not None
            ending = Ending.UNCHANGED if returning else Ending.NOT_WRITTEN

            def answered(yes: bool | None) -> None:
                if yes:
                    self.kapp.goto_end(ending)

            self.app.push_screen(
                ConfirmModal(
                    _(
                        "The bundle is not on a drive yet. End the session anyway? Everything "
                        "captured will be erased."
                    ),
                    _("End and erase"),
                    _("Stay"),
                ),
                answered,
            )
            return
        self.kapp.goto_end(Ending.WRITTEN)


class EndScreen(KioskScreen):
    """Wipes the session on arrival and shows the receipt with the signed checkpoint."""

    PERSON = True
    STEP = "end"
    BINDINGS = bindings("next:home", "print:print_slips")

    def __init__(
        self, delivered: Delivered | None = None, *, ending: Ending = Ending.WRITTEN
    ) -> None:
        super().__init__()
        self.delivered = delivered
        self.ending = ending

    def step_title(self) -> str:
        return _("End of the session")

    def keys(self) -> list[tuple[str, str]]:

        if self.kiosk.slips and printer_of(self.kiosk) is not None:
            return [hint("next", _("Next person")), hint("print", _("Print the slips"))]
        return [hint("next", _("Next person"))]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="end"):
            yield Label(_p("Thank you"), classes="screen-title")
            yield Static(
                wrap(person_raw(SENTENCES[self.ending]), CURRENT.person, self.text_width(90)),
                id="end-text",
            )
            yield Static("", id="slips-status")
            yield Label(_("Receipt for the register"), classes="table-title")
            yield Static("", id="receipt")
            yield Button(_("Next person"), id="home", variant="primary")

    def on_mount(self) -> None:
        super().on_mount()
        if self.delivered is None:
            # end_session makes the referral and reminder slips before the wipe (memory only)
            self.delivered = self.guard(self.kiosk.end_session)
        self.refresh_chrome()
        self.show_slips()
        self.query_one("#receipt", Static).update(self.receipt())
        self.query_one("#home", Button).focus()
        set_languages(person=CURRENT.staff)

    def show_slips(self) -> None:
        status = self.query_one("#slips-status", Static)
        if not self.kiosk.slips:
            status.display = False
        elif printer_of(self.kiosk) is None:
            text = _(
                "No printer is configured, so the referral and reminder slips cannot be "
                "given: the kiosk never saves them, as they name deadlines."
            )
            lines = self.kiosk.deadline_lines
            if lines:  # the person photographs them; they are in the bundle's calendar too
                width = self.text_width(90)
                heading = wrap(
                    person_raw(
                        "Your next deadlines: take a photo of this list. They are also in your "
                        "documents, with a calendar for your phone."
                    ),
                    CURRENT.person,
                    width,
                )
                shown = [wrap(line, CURRENT.person, width) for line in lines]
                text = "\n".join([text, "", f"[b]{heading}[/b]", *shown])
            status.update(text)
        else:
            status.update(_("Slips for the person: press P to print them."))

    def action_print_slips(self) -> None:
        """P: the referral slip, then the deadline reminder (the ones that exist), in one
        worker so neither cancels the other."""
        slips = [
            (w, self.kiosk.slips[w]) for w in ("referral", "reminder") if w in self.kiosk.slips
        ]
        if not slips or self.running("print"):
            return
        if printer_of(self.kiosk) is None:
            self.show_slips()
            return
        self.query_one("#slips-status", Static).update(_("Printing…"))
        self.print_slips(slips)

    @work(thread=True, exclusive=True, group="print", exit_on_error=False)
    def print_slips(self, slips: list[tuple[str, bytes]]) -> list[str]:
        for which, pdf in slips:
            title = "referral slip" if which == "referral" else "deadline reminder"
            print_document(self.kiosk, pdf, title)
        return [which for which, _pdf in slips]

    def worker_done(self, group: str, result: object) -> None:
        if group == "print" and isinstance(result, list):
            printed = {
                "referral": _("Referral slip printed."),
                "reminder": _("Deadline reminder printed."),
            }
            self.query_one("#slips-status", Static).update(
                " ".join(printed[w] for w in result if w in printed)
            )

    def receipt(self) -> str:
        d = self.delivered
        if d is None:
            return _("The session was already ended.")
        return (
            _("Working data wiped: {docs} document(s), {pages} page(s).").format(
                docs=d.documents, pages=d.pages
            )
            + "\n"
            + _("Signed checkpoint:")
            + "\n"
            + d.checkpoint.strip()
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_home()

    def action_home(self) -> None:
        self.kapp.goto_home()
