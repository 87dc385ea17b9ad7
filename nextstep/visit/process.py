"""A person's session in its own child process, so its memory dies with it.

Why: a Python process never reliably forgets. Dropping references leaves the passphrase, OCR
text and pixels in freed memory until it happens to be reused (a security review found them
in the kiosk's ``/proc/<pid>/mem`` after the end screen). Here the :class:`Session` lives in a
child process started with *spawn* (a fresh interpreter: nothing of the UI's memory is copied
in, nothing of the child's comes back) and :meth:`SessionProcess.end` ends that process, so
the operating system reclaims every page it held.

The UI talks to it through the command dataclasses of :mod:`nextstep.visit.commands` over a
pipe and receives the typed outcomes of :mod:`nextstep.visit.outcomes`; progress of a long
command comes back as ``("progress", stage, fraction)`` messages before its result. A domain
error raised in the child is re-raised here as the same class (see
``NextStepError.__reduce__``). What does cross to the UI is what it shows: counts, categories,
dates, a thumbnail PNG, and after :class:`~nextstep.visit.commands.Build` the passphrase and
key card it must show and print.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import io
import multiprocessing
import os
import pickle
import sys
import threading
import weakref
from collections.abc import Callable, Mapping, Sequence
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from typing import TypeVar

from nextstep.config import Settings
from nextstep.drives.status import DriveStatus
from nextstep.drives.target import WriteReport
from nextstep.errors import NextStepError
from nextstep.returning import WriteCheck
from nextstep.sharing.choices import ShareableDocument
from nextstep.sharing.export import ShareOutcome, ShareRequest
from nextstep.visit import commands as cmd
from nextstep.visit.outcomes import (
    Built,
    CaptureOutcome,
    Ejected,
    Ended,
    ReturnVisit,
    SessionView,
    Slips,
)
from nextstep.visit.stage import Stage
from scanners.protocol import Scanner
from scanners.types import RawImage

T = TypeVar("T")
Progress = Callable[[str, float], None]

#: Seconds the child may take to log the end and exit before it is killed.
EXIT_SECONDS = 10.0


_tracker_lock = threading.Lock()
_live: weakref.WeakSet[SessionProcess] = weakref.WeakSet()
_atexit_registered = False


def _close_all() -> None:
    """At the UI's exit, close every session's pipe: each child then logs its end and exits,
    and multiprocessing's own exit handler (which joins children, and runs after this one)
    does not wait forever on a child still waiting for commands."""
    for session in list(_live):
        session._conn.close()


def _watch(session: SessionProcess) -> None:
    global _atexit_registered
    with _tracker_lock:
        _live.add(session)
        if not _atexit_registered:
            atexit.register(_close_all)
            _atexit_registered = True


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real standard error.

    Why: spawning starts the tracker on first use and hands it ``sys.stderr.fileno()``; a UI
    that captures standard error (Textual does) gives a descriptor the tracker cannot keep
    ("bad value(s) in fds_to_keep"). The real one is always there.
    """
    with _tracker_lock:
        captured = sys.stderr
        try:
            if sys.__stderr__ is not None:
                sys.stderr = sys.__stderr__
            resource_tracker.ensure_running()
        finally:
            sys.stderr = captured


class SessionProcessError(NextStepError):
    """The session's process stopped or answered nonsense: the visit cannot go on."""


def _lost() -> SessionProcessError:
    return SessionProcessError(
        "The session stopped unexpectedly; its data is gone.",
        hint="Start a new session; the person's drive was not changed by this one.",
    )


def _portable(exc: BaseException) -> Exception:
    """The exception to send to the UI: itself when it crosses a pipe intact (the exception
    roots of nextstep, crypto and scanners do), else its sentence in a plain
    :class:`NextStepError` (an unexpected error: a generic sentence, its type name on
    standard error)."""
    message = getattr(exc, "message", None)
    try:
        copy = pickle.loads(pickle.dumps(exc))  # noqa: S301 - our own object, round trip
    except Exception:  # noqa: BLE001 - any class that does not pickle is reduced below
        copy = None
    if isinstance(copy, Exception) and type(copy) is type(exc) and hasattr(copy, "message"):
        return copy
    if isinstance(copy, Exception) and isinstance(message, str) and message:
        return NextStepError(message, hint=str(getattr(exc, "hint", "") or ""))
    print(f"nextstep session: unexpected {type(exc).__name__}", file=sys.stderr)
    return NextStepError(
        "Something went wrong during this step.",
        hint="Try again. If it happens again, call the technical team.",
    )


class _Relay(io.TextIOBase):
    """The child's standard output and error, sent to the UI's process as ``("log", text)``.

    Why: the child inherits the kiosk's terminal; a line written there would land on top of
    the kiosk's screen. The UI prints what it receives where its own messages go (Textual
    captures them; the demo's standard error)."""

    def __init__(self, send: Callable[[tuple[str, object]], None]) -> None:
        self._send = send

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if text.strip():
            with contextlib.suppress(Exception):  # a closed pipe: nothing left to tell
                self._send(("log", text.rstrip("\n") + "\n"))
        return len(text)


def _quiet_descriptors() -> None:
    """Point the child's descriptors 1 and 2 at /dev/null, so tools and native libraries
    cannot scribble on the kiosk's screen either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
    finally:
        os.close(devnull)


def serve(
    conn: Connection,
    settings: Settings,
    staff: str,
    language: str,
    holder_id: str | None,
    today: dt.date | None,
) -> None:
    """The child's main loop: one session, commands in, outcomes out, until End or the UI's
    end of the pipe closes (the kiosk died: the session dies with it)."""
    from nextstep.demo import open_kiosk
    from nextstep.session import Session

    lock = threading.Lock()  # the session's own threads (OCR) may print while it answers

    def send(message: tuple[str, object]) -> None:
        with lock:
            conn.send(message)

    _quiet_descriptors()
    sys.stdout = sys.stderr = _Relay(send)
    try:
        key, audit = open_kiosk(settings)
        session = Session(
            settings,
            key=key,
            audit=audit,
            staff=staff,
            language=language,
            holder_id=holder_id,
            today=today,
        )
    except Exception as exc:  # noqa: BLE001 - the UI shows it
        send(("error", _portable(exc)))
        return
    send(("ready", session.holder_id))

    def progress(stage: str, fraction: float) -> None:
        send(("progress", (stage, fraction)))

    while True:
        try:
            command = conn.recv()
        except (EOFError, OSError):
            if not session.ended:
                session.end()  # logged; the drive (if any) is ejected
            return
        try:
            result = session.run(command, progress)
        except Exception as exc:  # noqa: BLE001 - every failure goes to the UI
            send(("error", _portable(exc)))
            continue
        send(("ok", result))
        if isinstance(command, cmd.End):
            return


class SessionProcess:
    """A client with :class:`nextstep.session.Session`'s command methods; the session runs
    in a child process started here and ended by :meth:`end`. Thread-safe: one command at a
    time (the kiosk's workers may overlap)."""

    def __init__(
        self,
        settings: Settings,
        *,
        staff: str,
        language: str = "fr",
        holder_id: str | None = None,
        today: dt.date | None = None,
    ) -> None:
        _start_resource_tracker()
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        # Not a daemon: the session's OCR starts worker processes of its own.
        self._process = context.Process(
            target=serve,
            args=(theirs, settings, staff, language, holder_id, today),
            name="nextstep-session",
        )
        self._process.start()
        theirs.close()
        self._conn = ours
        self._lock = threading.Lock()
        self.language = language
        self.stage = Stage.CONSENT
        self.drive_description = ""  # the drive the last eject released
        try:
            kind, payload = self._conn.recv()
            while kind == "log":  # the child's start-up said something
                print(str(payload), end="", file=sys.stderr)
                kind, payload = self._conn.recv()
        except (EOFError, OSError):
            self._reap()
            raise _lost() from None
        if kind != "ready":
            self._reap()
            raise payload if isinstance(payload, Exception) else _lost()
        self.holder_id: str = str(payload)
        _watch(self)

    # -- the pipe ----------------------------------------------------------------------------
    @property
    def pid(self) -> int | None:
        return self._process.pid

    def is_alive(self) -> bool:
        return self._process.is_alive()

    @property
    def ended(self) -> bool:
        return self.stage is Stage.ENDED

    def _call(self, command: cmd.Command, kind: type[T], progress: Progress | None = None) -> T:
        with self._lock:
            if self.ended:
                from nextstep.session import SessionEnded

                raise SessionEnded("This session has ended; its data was wiped.")
            try:
                self._conn.send(command)
                while True:
                    tag, payload = self._conn.recv()
                    if tag == "log":
                        print(str(payload), end="", file=sys.stderr)
                        continue
                    if tag == "progress":
                        if progress is not None:
                            # the pipe must be read to the result whatever the UI does
                            with contextlib.suppress(Exception):
                                progress(*payload)
                        continue
                    break
            except Exception:  # noqa: BLE001 - a broken pipe or an unreadable answer
                # The conversation is out of step: end the child (its memory with it).
                self.stage = Stage.ENDED
                self._process.kill()
                self._reap()
                raise _lost() from None
        if tag == "error":
            raise payload if isinstance(payload, Exception) else _lost()
        if not isinstance(payload, kind):
            raise _lost()
        if isinstance(payload, SessionView):
            self.stage = payload.stage
        return payload

    def _reap(self) -> None:
        """Wait for the child to exit; kill it if it does not."""
        self._conn.close()
        self._process.join(EXIT_SECONDS)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(EXIT_SECONDS)

    # -- commands ------------------------------------------------------------------------------
    def run(self, command: cmd.Command) -> object:
        """Any command, as :meth:`nextstep.session.Session.run` takes it (a CLI's list of
        edits); the typed methods below say what each returns."""
        result = self._call(command, object)
        if isinstance(command, cmd.End):
            self.stage = Stage.ENDED
            self._reap()
        return result

    def give_consent(
        self,
        choices: Mapping[str, bool],
        *,
        informed: str = "screen",
        notice_language: str = "",
        interpreter_language: str | None = None,
    ) -> SessionView:
        command = cmd.GiveConsent(dict(choices), informed, notice_language, interpreter_language)
        return self._call(command, SessionView)

    def withdraw_consent(self, purposes: Sequence[str] | None = None) -> SessionView:
        wanted = tuple(purposes) if purposes is not None else None
        return self._call(cmd.WithdrawConsent(wanted), SessionView)

    def capture(self, scanner: Scanner, *, new_document: bool = True) -> CaptureOutcome:
        """Pages from a scanner of this process, handed to the session's process."""
        return self.capture_pages(scanner.capture(), new_document=new_document)

    def capture_pages(
        self, raws: Sequence[RawImage], *, new_document: bool = True
    ) -> CaptureOutcome:
        outcome = self._call(cmd.Capture(tuple(raws), new_document), CaptureOutcome)
        if outcome.view is not None:
            self.stage = outcome.view.stage
        return outcome

    def capture_source(
        self, spec: str, files: Sequence[str] = (), *, new_document: bool = True
    ) -> CaptureOutcome:
        """Pages from a source the session's process opens (its pixels stay there)."""
        command = cmd.CaptureSource(spec, tuple(files), new_document)
        outcome = self._call(command, CaptureOutcome)
        if outcome.view is not None:
            self.stage = outcome.view.stage
        return outcome

    def analyze(self, progress: Progress | None = None) -> SessionView:
        return self._call(cmd.Analyze(), SessionView, progress)

    def view(self) -> SessionView:
        return self._call(cmd.View(), SessionView)

    def move_page(self, index: int, source: int, target: int) -> SessionView:
        return self._call(cmd.MovePage(index, source, target), SessionView)

    def merge(self, index: int) -> SessionView:
        return self._call(cmd.Merge(index), SessionView)

    def split_document(self, index: int, page: int) -> SessionView:
        return self._call(cmd.SplitDocument(index, page), SessionView)

    def delete_page(self, index: int, page: int) -> SessionView:
        return self._call(cmd.DeletePage(index, page), SessionView)

    def set_category(self, index: int, category: str) -> SessionView:
        return self._call(cmd.SetCategory(index, category), SessionView)

    def confirm_deadline(
        self, index: int, deadline: int, date: dt.date | None = None
    ) -> SessionView:
        return self._call(cmd.ConfirmDeadline(index, deadline, date), SessionView)

    def add_deadline(self, index: int, date: dt.date, kind: str) -> SessionView:
        return self._call(cmd.AddDeadline(index, date, kind), SessionView)

    def reopen(
        self, passphrase: str, spec: str | None = None, *, bundle: str | None = None
    ) -> ReturnVisit:
        return self._call(cmd.Reopen(passphrase, spec, bundle), ReturnVisit)

    def build(self) -> Built:
        built = self._call(cmd.Build(), Built)
        self.stage = Stage.BUILT
        return built

    def write_to_drive(self, spec: str | None = None) -> WriteReport:
        report = self._call(cmd.Write(spec), WriteReport)
        if report.ok:
            self.stage = Stage.WRITTEN
        return report

    def check_drive_before_write(self, spec: str | None = None) -> WriteCheck:
        return self._call(cmd.CheckDrive(spec), WriteCheck)

    def shareable(self) -> list[ShareableDocument]:
        return self._call(cmd.ShareChoices(), list)

    def share(self, request: ShareRequest, *, agreed: bool | None = None) -> ShareOutcome | None:
        outcome = self._call(cmd.Share(request, agreed), object)
        assert outcome is None or isinstance(outcome, ShareOutcome)
        return outcome

    def write_backup(self, spec: str) -> WriteReport:
        return self._call(cmd.WriteBackup(spec), WriteReport)

    def eject(self) -> DriveStatus:
        ejected = self._call(cmd.Eject(), Ejected)
        status = ejected.status
        self.drive_description = ejected.description or self.drive_description
        if status is DriveStatus.EJECTED and self.stage is Stage.WRITTEN:
            self.stage = Stage.EJECTED
        return status

    def keycard_printed(self) -> None:
        self._call(cmd.KeycardPrinted(), type(None))

    def slips(self) -> Slips:
        return self._call(cmd.MakeSlips(), Slips)

    def finish(self) -> Ended:
        """End the visit: the child logs the end, wipes, exits; its process is gone after."""
        try:
            ended = self._call(cmd.End(), Ended)
        finally:
            self.stage = Stage.ENDED
            self._reap()
        return ended

    def end(self) -> str:
        return self.finish().checkpoint

    def kill(self) -> None:
        """Stop the child without a word (the UI is exiting on an error): its memory goes
        with it; the audit log shows a session without an end."""
        self.stage = Stage.ENDED
        self._process.kill()
        self._reap()
