"""Review: each document with category, confidence and reasons; staff change the category,
confirm, edit or add deadlines, and reorder or delete pages.

Three tables, Tab moves between them; each table's keys act on its highlighted row. The
screen shows the session's :class:`~nextstep.visit.outcomes.SessionView` and sends each edit
as a session command (which checks, applies and logs it); the returned view is shown.

Why edits are not in workers: each is a few milliseconds (no OCR, no disk), and keys pressed
in quick succession (U, U, J) must apply in order to the table the staff see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.widgets import DataTable, Label, Static

from kiosk.base import KioskScreen
from kiosk.i18n import CURRENT, N_, _
from kiosk.keymap import bindings, hint
from kiosk.modals import ChoiceModal, ConfirmModal, DateModal
from nextstep.visit.outcomes import DocumentView, SessionView
from nextstep.visit.port import SessionPort
from nextstep.visit.reasons import reason_text

CATEGORY_LABELS = {
    "asylum": N_("asylum"),
    "residence": N_("residence permit"),
    "family": N_("family"),
    "housing": N_("housing"),
    "allowances": N_("allowances"),
    "debt": N_("debt"),
    "employment": N_("employment"),
    "health": N_("health"),
    "schooling": N_("schooling"),
    "justice": N_("justice"),
    "other": N_("other"),
}
KIND_LABELS = {
    "appeal": N_("appeal"),
    "payment": N_("payment"),
    "appointment": N_("appointment"),
    "expiry": N_("expiry"),
    "response": N_("response"),
    "other": N_("other"),
}


def category_label(slug: str) -> str:
    return _(CATEGORY_LABELS.get(slug, slug))


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


def date_text(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


class ReviewScreen(KioskScreen):
    STEP = "review"
    BINDINGS = bindings(
        "category",
        "confirm_deadline",
        "edit_deadline",
        "add_deadline",
        "delete_page",
        "page_up",
        "page_down",
        "merge",
        "split",
        "next:bundle",
        "back",
        "refuse:withdraw",
        "end_visit",
    )

    def __init__(self) -> None:
        super().__init__()
        self.view: SessionView | None = None
        # (document, deadline) of each row of the one deadlines table (every document's)
        self.deadline_rows: list[tuple[int, int]] = []

    def step_title(self) -> str:
        return _("Review")

    def keys(self) -> list[tuple[str, str]]:
        # The most used first: on a narrow screen the key bar keeps those, F1 lists all.
        return [
            hint("next", _("Make bundle")),
            ("Tab", _("Next table")),
            hint("confirm_deadline"),
            hint("edit_deadline"),
            hint("category"),
            hint("back", _("Capture more")),
            hint("add_deadline"),
            hint("delete_page"),
            hint("page_up"),
            hint("page_down"),
            hint("merge"),
            hint("split"),
            hint("end_visit"),
            hint("refuse", _("Withdraw consent")),
        ]

    def compose_body(self) -> ComposeResult:
        with Container(id="review", classes="narrow" if self.narrow else ""):
            with Vertical(id="review-left"):
                yield Label(_("Documents"), classes="table-title")
                yield DataTable(id="documents", cursor_type="row", zebra_stripes=False)
                yield Label(_("Why this category"), classes="table-title")
                yield Static("", id="reasons")
            with Vertical(id="review-right"):
                yield Label(_("Deadlines"), classes="table-title")
                yield DataTable(id="deadlines", cursor_type="row")
                yield Label(_("Pages"), classes="table-title")
                yield DataTable(id="pages", cursor_type="row")

    NARROW = 110  # below this many columns the tables are stacked, each at full width

    @property
    def narrow(self) -> bool:
        return self.app.size.width < self.NARROW

    def on_resize(self) -> None:
        self.query_one("#review").set_class(self.narrow, "narrow")

    def on_mount(self) -> None:
        super().on_mount()
        docs = self.query_one("#documents", DataTable)
        docs.add_columns("#", _("Category"), _("Confidence"), _("Pages"), _("Check"))
        self.query_one("#deadlines", DataTable).add_columns(
            _("Doc."), _("Date"), _("Kind"), _("Confirmed")
        )
        self.query_one("#pages", DataTable).add_columns("#", _("Size"), _("Turned"))
        self.view = self.guard(lambda: self.kiosk.require_session().view())
        self.fill_documents()
        docs.focus()
        # Opened with its first heading in view (focusing the table scrolls it just past).
        self.call_after_refresh(self.query_one("#review").scroll_home, animate=False)

    @property
    def doc_index(self) -> int:
        return max(0, self.query_one("#documents", DataTable).cursor_row)

    @property
    def documents(self) -> tuple[DocumentView, ...]:
        return self.view.documents if self.view is not None else ()

    def document(self) -> DocumentView | None:
        docs = self.documents
        return docs[self.doc_index] if docs and self.doc_index < len(docs) else None

    def command(self, run: Callable[[SessionPort], SessionView]) -> bool:
        """Send one command to the session (under the kiosk's lock) and keep the view it
        returns; False when it failed (the error modal says why)."""

        def call() -> SessionView:
            with self.kiosk.lock:
                return run(self.kiosk.require_session())

        view = self.guard(call)
        if isinstance(view, SessionView):
            self.view = view
            return True
        return False

    def fill_documents(self, keep: int | None = None) -> None:
        table = self.query_one("#documents", DataTable)
        row = table.cursor_row if keep is None else keep
        table.clear()
        for n, doc in enumerate(self.documents, 1):
            c = doc
            check = _("to check") if c.needs_review else _("ok")
            table.add_row(
                str(n),
                category_label(c.category),
                f"{round(c.confidence * 100)} %",
                str(len(doc.pages)),
                check,
            )
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self.fill_deadlines()
        self.fill_details()

    @property
    def today(self) -> dt.date:
        return self.kiosk.today or dt.date.today()

    def fill_deadlines(self) -> None:
        """Every deadline of every document in one table (none is hidden behind another
        document's row); a date already past is flagged."""
        table = self.query_one("#deadlines", DataTable)
        row = table.cursor_row
        table.clear()
        self.deadline_rows = []
        for d, doc in enumerate(self.documents):
            for n, dl in enumerate(doc.deadlines):
                day = date_text(dl.date)
                if dl.date < self.today:
                    day = _("{date} (past!)").format(date=day)
                table.add_row(
                    str(d + 1),
                    day,
                    kind_label(dl.kind),
                    _("yes") if dl.confirmed else _("no — press D"),
                )
                self.deadline_rows.append((d, n))
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))

    @property
    def unconfirmed(self) -> int:
        return sum(1 for doc in self.documents for dl in doc.deadlines if not dl.confirmed)

    def fill_details(self) -> None:
        doc = self.document()
        pages = self.query_one("#pages", DataTable)
        p_row = pages.cursor_row
        pages.clear()
        reasons = self.query_one("#reasons", Static)
        if doc is None:
            reasons.update(_("No document."))
            return
        c = doc
        alt = ", ".join(f"{category_label(a)} {round(p * 100)} %" for a, p in c.alternatives[:2])
        lines = [f"• {reason_text(r, CURRENT.staff)}" for r in c.reasons[:6]] or [
            _("No reason recorded.")
        ]
        if alt:
            lines.append(_("Other possibilities: {alt}").format(alt=alt))
        reasons.update("\n".join(lines))
        for n, page in enumerate(doc.pages, 1):
            w, h = page.width, page.height
            turned = "" if page.rotation_confident else _("check orientation")
            pages.add_row(str(n), f"{w}×{h}", f"{page.rotation}° {turned}".strip())
        if pages.row_count:
            pages.move_cursor(row=min(max(p_row, 0), pages.row_count - 1))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "documents":
            self.fill_details()

    # -- actions -------------------------------------------------------------------------------
    def action_category(self) -> None:
        doc = self.document()
        if doc is None:
            return
        index = self.doc_index

        def chosen(slug: str | None) -> None:
            if slug and self.command(lambda s: s.set_category(index, slug)):
                self.fill_documents(index)

        choices = [(slug, category_label(slug)) for slug in CATEGORY_LABELS]
        self.app.push_screen(
            ChoiceModal(
                _("Category of document {n}").format(n=index + 1),
                choices,
                doc.category,
            ),
            chosen,
        )

    def _deadline_row(self) -> tuple[int, int] | None:
        """(document, deadline) of the highlighted row of the deadlines table."""
        if not self.deadline_rows:
            return None
        row = self.query_one("#deadlines", DataTable).cursor_row
        return self.deadline_rows[min(max(row, 0), len(self.deadline_rows) - 1)]

    def action_confirm_deadline(self) -> None:
        found = self._deadline_row()
        if found is None:
            self.kapp.show_error(
                _("No document has a deadline to confirm."),
                _("Press + to add one if a letter gives a date."),
            )
            return
        index, row = found
        if self.command(lambda s: s.confirm_deadline(index, row)):
            self.fill_deadlines()

    def action_edit_deadline(self) -> None:
        found = self._deadline_row()
        if found is None:
            return
        index, row = found
        current = self.documents[index].deadlines[row].date

        def typed(day: dt.date | None) -> None:
            if day is not None and self.command(lambda s: s.confirm_deadline(index, row, day)):
                self.fill_deadlines()

        self.app.push_screen(DateModal(_("New date for this deadline"), current), typed)

    def action_add_deadline(self) -> None:
        if self.document() is None:
            return
        index = self.doc_index

        def typed(day: dt.date | None) -> None:
            if day is None:
                return

            def kind_chosen(kind: str | None) -> None:
                if kind and self.command(lambda s: s.add_deadline(index, day, kind)):
                    self.fill_deadlines()

            self.app.push_screen(
                ChoiceModal(
                    _("What is due on that date?"), [(k, kind_label(k)) for k in KIND_LABELS]
                ),
                kind_chosen,
            )

        self.app.push_screen(DateModal(_("Date of the new deadline")), typed)

    def _page_row(self) -> int | None:
        doc = self.document()
        if doc is None or not doc.pages:
            return None
        return max(0, self.query_one("#pages", DataTable).cursor_row)

    def action_delete_page(self) -> None:
        row = self._page_row()
        if row is None:
            return
        index = self.doc_index

        def answered(yes: bool | None) -> None:
            if yes and self.command(lambda s: s.delete_page(index, row)):
                self.fill_documents(index)

        self.app.push_screen(
            ConfirmModal(
                _("Delete page {p} of document {d}?").format(p=row + 1, d=index + 1),
                _("Delete"),
                _("Keep"),
            ),
            answered,
        )

    def _move(self, delta: int) -> None:
        row = self._page_row()
        doc = self.document()
        if row is None or doc is None:
            return
        index, target = self.doc_index, row + delta
        if 0 <= target < len(doc.pages) and self.command(lambda s: s.move_page(index, row, target)):
            self.fill_details()
            self.query_one("#pages", DataTable).move_cursor(row=target)

    def action_page_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(1)

    def action_merge(self) -> None:
        index = self.doc_index
        if index + 1 >= len(self.documents):  # the last one: nothing to merge with
            return
        if self.command(lambda s: s.merge(index)):
            self.fill_documents(index)

    def action_split(self) -> None:
        row = self._page_row()
        if row is None or row == 0:
            self.kapp.show_error(
                _("Choose the first page of the new document in the pages table, then press S."),
                _("Tab moves to the pages table."),
            )
            return
        index = self.doc_index
        if self.command(lambda s: s.split_document(index, row)):
            self.fill_documents(index)

    def action_back(self) -> None:
        self.kapp.goto_capture()

    def action_bundle(self) -> None:
        if not self.documents:
            self.kapp.show_error(
                _("There are no documents to put in the bundle."),
                _("Capture at least one document first."),
            )
            return
        if not self.unconfirmed:
            self.kapp.goto_bundle()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.kapp.goto_bundle()
            else:
                self.query_one("#deadlines", DataTable).focus()

        # Deadlines are what a person must not miss: making the bundle with unchecked dates
        # is a choice staff make knowingly.
        self.app.push_screen(
            ConfirmModal(
                _(
                    "{n} deadline(s) not confirmed: check each date against the letter (D). "
                    "Make the bundle anyway?"
                ).format(n=self.unconfirmed),
                _("Make the bundle"),
                _("Check the deadlines"),
            ),
            answered,
        )

    def action_withdraw(self) -> None:
        self.kapp.ask_withdraw_consent()

    def action_end_visit(self) -> None:
        self.kapp.ask_end_visit()
