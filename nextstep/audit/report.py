"""The auditor's report over a period: what happened, under which consent, and what did not.

Why: an auditor (or the association's board, or the data-protection authority) needs one
readable page that says whether the log is intact and whether any processing ran without a
valid consent — which must be zero — listing each case if not. Only counts, purposes and
pseudonyms appear; never a name or a document's content. Categories, notice languages and
how people were informed come from the monthly ``period_totals`` entries (nextstep.audit.tally),
never from a person's entries, which hold them only encrypted.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path

from nextstep.audit import events
from nextstep.audit.bounded import LOG_LIMIT, UnreadableFile, read_bounded
from nextstep.audit.entry import Entry, EntryFormatError, decode
from nextstep.audit.verify import CONSENT, Problem, VerifyReport, consent_problems, verify_log


@dataclass
class PeriodReport:
    start: date
    end: date
    verify: VerifyReport
    sessions: int = 0
    consents_given: Counter[str] = field(default_factory=Counter)  # purpose -> yes answers
    consents_refused: Counter[str] = field(default_factory=Counter)
    consent_languages: Counter[str] = field(default_factory=Counter)
    informed_via: Counter[str] = field(default_factory=Counter)
    withdrawals: Counter[str] = field(default_factory=Counter)
    erasures: int = 0
    access_requests: int = 0
    documents: Counter[str] = field(default_factory=Counter)  # category -> count (totals)
    documents_classified: int = 0
    totals_periods: list[str] = field(default_factory=list)  # months whose totals are in
    pages: int = 0
    bundles_written: int = 0
    shares: int = 0
    recoveries: int = 0
    without_consent: list[Problem] = field(default_factory=list)
    entries_in_period: int = 0


def _entries(path: Path) -> list[Entry | None]:
    out: list[Entry | None] = []
    try:
        data = read_bounded(path, LOG_LIMIT)
    except UnreadableFile:
        return out
    for raw in data.splitlines():
        try:
            out.append(decode(raw))
        except EntryFormatError:
            out.append(None)
    return out


def build(
    path: Path,
    public_keys: Sequence[bytes],
    start: date,
    end: date,
    *,
    checkpoints: Sequence[str] = (),
) -> PeriodReport:
    verdict = verify_log(path, public_keys, checkpoints=checkpoints)
    rep = PeriodReport(start, end, verdict)
    lo = datetime.combine(start, time.min, UTC)
    hi = datetime.combine(end, time.max, UTC)
    entries = _entries(path)
    in_period: set[int] = set()
    for e in entries:
        if e is None:
            continue
        if e.event == events.PERIOD_TOTALS:
            _add_totals(rep, e, start, end)
            continue
        try:
            moment = e.timestamp
        except ValueError:
            continue
        if not lo <= moment <= hi:
            continue
        in_period.add(e.seq)
        rep.entries_in_period += 1
        d = e.details if isinstance(e.details, dict) else {}
        if e.event == events.SESSION_START:
            rep.sessions += 1
        elif e.event == events.CONSENT_GIVEN:
            purposes = d.get("purposes")
            for purpose, yes in purposes.items() if isinstance(purposes, dict) else ():
                (rep.consents_given if yes else rep.consents_refused)[str(purpose)] += 1
        elif e.event == events.CONSENT_WITHDRAWN:
            listed = d.get("purposes")
            for purpose in listed if isinstance(listed, list) and listed else ["(all)"]:
                rep.withdrawals[str(purpose)] += 1
        elif e.event == events.ERASURE:
            rep.erasures += 1
        elif e.event == events.ACCESS_REQUEST:
            rep.access_requests += 1
        elif e.event == events.DOCUMENT_CLASSIFIED:
            rep.documents_classified += 1
        elif e.event == events.PAGE_CAPTURED:
            pages = d.get("pages", 1)
            rep.pages += pages if type(pages) is int and 0 < pages < 10_000 else 1
        elif e.event == events.BUNDLE_WRITTEN:
            rep.bundles_written += 1
        elif e.event == events.SHARE:
            rep.shares += 1
        elif e.event == events.RECOVERY:
            rep.recoveries += 1
    rep.without_consent = [
        p for p in consent_problems(entries) if p.kind == CONSENT and p.seq in in_period
    ]
    return rep


def _add_totals(rep: PeriodReport, e: Entry, start: date, end: date) -> None:
    """Count a month's totals if the month overlaps the report's period (by its own month,
    not by the time of the entry, which is written when the next month starts)."""
    d = e.details if isinstance(e.details, dict) else {}
    month = str(d.get("period", ""))
    if e.subject is not None or not (start.isoformat()[:7] <= month <= end.isoformat()[:7]):
        return
    rep.totals_periods.append(month)
    for group, counter in (
        ("documents", rep.documents),
        ("notice_languages", rep.consent_languages),
        ("informed_via", rep.informed_via),
    ):
        counts = d.get(group)
        for key, n in counts.items() if isinstance(counts, dict) else ():
            if type(n) is int and n > 0:
                counter[str(key)] += n


def _totals_note(rep: PeriodReport) -> str:
    months = ", ".join(sorted(rep.totals_periods)) or "none yet"
    return (
        "Categories, notice languages and ways of informing are monthly totals that name no "
        "person, written when a month ends (months included: " + months + "); the current "
        "month's appear after it ends."
    )


def _table(title: str, counts: Counter[str]) -> str:
    if not counts:
        return f"<h3>{html.escape(title)}</h3><p>None.</p>"
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in sorted(counts.items())
    )
    return f"<h3>{html.escape(title)}</h3><table>{rows}</table>"


def to_html(rep: PeriodReport, log_name: str) -> str:
    v = rep.verify
    verdict = (
        "<p class=ok>The log verifies: every entry, the hash chain, the Merkle tree and "
        f"{v.checkpoints_checked} signed checkpoint(s) are intact ({v.entries} entries).</p>"
        if v.ok
        else "<p class=bad>The log does NOT verify. Problems:</p><ul>"
        + "".join(f"<li>[{p.kind}] {html.escape(str(p))}</li>" for p in v.problems)
        + "</ul>"
    )
    if rep.without_consent:
        consent_html = "<p class=bad>Processing without a valid consent: {}</p><ul>{}</ul>".format(
            len(rep.without_consent),
            "".join(f"<li>{html.escape(str(p))}</li>" for p in rep.without_consent),
        )
    else:
        consent_html = "<p class=ok>Processing without a valid consent: 0</p>"
    facts = Counter(
        {
            "sessions": rep.sessions,
            "pages captured": rep.pages,
            "documents classified": rep.documents_classified,
            "bundles written": rep.bundles_written,
            "shares": rep.shares,
            "recoveries": rep.recoveries,
            "erasures": rep.erasures,
            "access requests (Art. 15)": rep.access_requests,
            "entries in period": rep.entries_in_period,
        }
    )
    return f"""<!doctype html>
<html lang=en><head><meta charset=utf-8>
<title>NextStep audit report {rep.start} to {rep.end}</title>
<style>body{{font-family:sans-serif;max-width:50em;margin:2em auto}}
table{{border-collapse:collapse}}td{{border:1px solid #999;padding:.2em .6em}}
.ok{{color:#060;font-weight:bold}}.bad{{color:#a00;font-weight:bold}}</style></head>
<body><h1>NextStep audit report</h1>
<p>Log: {html.escape(log_name)}<br>Period: {rep.start} to {rep.end} (UTC)<br>
Root hash: {v.root.hex()}</p>
<h2>Integrity</h2>{verdict}
<h2>Consent coverage</h2>{consent_html}
<h2>Activity</h2>{_table("Counts", facts)}
{_table("Consents given, per purpose", rep.consents_given)}
{_table("Consents refused, per purpose", rep.consents_refused)}
{_table("Consents per notice language", rep.consent_languages)}
{_table("How people were informed", rep.informed_via)}
{_table("Withdrawals, per purpose", rep.withdrawals)}
{_table("Documents per category", rep.documents)}
<p>{html.escape(_totals_note(rep))}</p>
<p>This report holds no names and no document content: subjects appear only as pseudonyms.</p>
</body></html>
"""


def to_text(rep: PeriodReport, log_name: str) -> str:
    """The same report as plain text (for the PDF version)."""
    v = rep.verify
    out = [
        f"NextStep audit report {rep.start} to {rep.end} (UTC)",
        f"Log: {log_name}",
        f"Root hash: {v.root.hex()}",
        "",
        "INTEGRITY: "
        + (
            f"the log verifies ({v.entries} entries, {v.checkpoints_checked} checkpoints)"
            if v.ok
            else f"the log does NOT verify ({len(v.problems)} problems)"
        ),
    ]
    out += [f"  [{p.kind}] {p}" for p in v.problems]
    out += ["", f"Processing without a valid consent: {len(rep.without_consent)}"]
    out += [f"  {p}" for p in rep.without_consent]
    out += [
        "",
        f"Sessions: {rep.sessions}   Pages: {rep.pages}   Bundles written: {rep.bundles_written}",
        f"Shares: {rep.shares}   Recoveries: {rep.recoveries}   Erasures: {rep.erasures}   "
        f"Access requests: {rep.access_requests}",
    ]
    for title, counts in (
        ("Consents given, per purpose", rep.consents_given),
        ("Consents refused, per purpose", rep.consents_refused),
        ("Consents per notice language", rep.consent_languages),
        ("How people were informed", rep.informed_via),
        ("Withdrawals, per purpose", rep.withdrawals),
        ("Documents per category", rep.documents),
    ):
        out += ["", title + ":"]
        out += [f"  {k}: {n}" for k, n in sorted(counts.items())] or ["  none"]
    out += ["", _totals_note(rep)]
    out += ["", "No names and no document content: subjects appear only as pseudonyms."]
    return "\n".join(out) + "\n"
