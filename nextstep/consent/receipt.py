"""The consent receipt the person keeps (printed, and placed on their drive).

Why: the person must be able to show what they agreed to, when, and how to withdraw, without
asking us. The receipt names the record, the notice version and hash, every purpose in the
words the consent screen showed (one source: nextstep.consent.purposes) with the answer, the
audit entry number and how to reach the controller; no name and no document content. It is
written in the person's language and then in French (the association's and Belgian
administrations' language), through nextstep.consent.wording (documents catalogue). The
JSON-LD record (ISO/IEC TS 27560 shape, DPV terms) goes beside it on the drive.
"""

from __future__ import annotations

import json
import textwrap

from nextstep.audit.textpdf import text_pdf
from nextstep.consent import purposes, wording
from nextstep.consent.record import ConsentRecord

RECEIPT_SUFFIX = ".consent.txt"
RECEIPT_JSON_SUFFIX = ".consent.json"
WITHDRAWAL_SUFFIX = ".withdrawal.txt"
WITHDRAWAL_JSON_SUFFIX = ".withdrawal.json"
WIDTH = 78


def _section(
    record: ConsentRecord, lang: str, removed: list[str] | None, not_given: list[str]
) -> list[str]:
    """The receipt in one language."""

    def w(key: str) -> str:
        return wording.t(key, lang)

    title = w("receipt_title") if record.kind == "given" else w("withdrawal_title")
    lines = [title, "=" * len(title), ""]
    lines.append((w("your_choices") if record.kind == "given" else w("you_withdrew")) + " :")
    for d in record.decisions:
        answer = w("withdrawn") if record.kind == "withdrawn" else w("yes") if d.given else w("no")
        lines += textwrap.wrap(
            f"[{answer}] {purposes.title(d.purpose, lang)} ({w('basis')} : "
            f"{w('basis_' + d.legal_basis)})",
            WIDTH,
            initial_indent="  ",
            subsequent_indent="        ",
        )
    if not_given:
        lines.append(w("not_given") + " :")
        lines += [f"  - {purposes.title(p, lang)}" for p in not_given]
    if record.kind == "withdrawn":
        lines.append("")
        lines += textwrap.wrap(w("stopped"), WIDTH)
        if removed is not None:
            if removed:
                lines.append(w("removed") + " :")
                lines += [f"  - {name}" for name in removed]
            else:
                lines.append(w("nothing_removed"))
            lines += textwrap.wrap(w("kept"), WIDTH)
    via = w("via_" + record.informed_via.value)
    if record.interpreter_language:
        via += f" ({w('interpreter_language')} : {record.interpreter_language})"
    lines += [
        "",
        f"{w('record')} : {record.record_id}",
        f"{w('time')} : {record.time}",
        f"{w('notice')} : {w('version')} {record.notice_version} ({record.notice_language}), "
        f"SHA-256 {record.notice_sha256}",
    ]
    if record.kind == "given":
        lines.append(f"{w('informed')} : {via}")
    lines += [
        f"{w('audit')} : {record.audit_seq}",
        f"{w('pseudonym')} : {record.subject}",
        f"{w('controller')} : {record.controller}",
    ]
    if record.contact:
        lines.append(f"{w('contact')} : {record.contact}")
    lines.append("")
    lines += textwrap.wrap(w("how"), WIDTH)
    return lines


def receipt_text(
    record: ConsentRecord,
    language: str | None = None,
    *,
    removed: list[str] | None = None,
    not_given: list[str] | None = None,
) -> str:
    """A plain-text receipt in the person's language, then in French.

    For a withdrawal, ``removed`` lists the files erased from the drive and ``not_given`` the
    purposes the person asked to withdraw but had never agreed to (said, not listed as withdrawn).
    """
    lang = language or record.notice_language
    parts = [_section(record, code, removed, not_given or []) for code in wording.both(lang)]
    out: list[str] = []
    for i, part in enumerate(parts):
        if i:
            out += ["", "-" * WIDTH, ""]
        out += part
    return "\n".join(out) + "\n"


def receipt_pdf(record: ConsentRecord, language: str | None = None) -> bytes:
    """The French receipt as an A4 PDF (plain text in a standard font, which shows French
    accents but no Arabic script; the person's own language is in the text receipt)."""
    del language  # the standard PDF font covers Latin-1 only: French is always printable
    return text_pdf(receipt_text(record, "fr"), title="NextStep", width=90)


def receipt_json(record: ConsentRecord) -> str:
    """The ISO/IEC TS 27560 / DPV record as JSON-LD, for the person's drive."""
    return json.dumps(record.as_dpv(), ensure_ascii=False, indent=1)
