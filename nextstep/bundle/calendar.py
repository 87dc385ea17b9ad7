"""The bundle's deadlines as an iCalendar file (RFC 5545), attached inside the encrypted PDF.

Why: deadlines must leave with the person even without a printer, in the phone they carry.
The file is an attachment of the encrypted bundle, so it is never in clear on the drive;
opened from the PDF reader on a phone it offers "add to calendar". One all-day event per
deadline, in the person's language with French beside it, and a reminder three days before
(``VALARM`` with ``TRIGGER:-P3D``). UIDs derive from the bundle id and the deadline's place,
so a later version of the bundle updates the same events instead of duplicating them.
The file is not listed in the signed manifest: it is a pure function of the manifest
(:func:`for_manifest`), so the verifier rebuilds it and compares bytes. Written by hand
because the format is small and fixed; ``tests/bundle/test_calendar.py``
parses it with the ``icalendar`` library and checks the RFC's line folding and escaping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from nextstep.bundle import i18n
from nextstep.bundle.manifest import DocumentMeta, Manifest

CALENDAR_NAME = "deadlines.ics"
REMINDER = "-P3D"
_PRODID = "-//Le Monde des Possibles//NextStep//FR"


def _escape(text: str) -> str:
    """TEXT value escaping of RFC 5545 §3.3.11."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Fold a content line at 75 octets without splitting a UTF-8 character (§3.1)."""
    out: list[str] = []
    current = ""
    limit = 75
    for ch in line:
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = " " + ch
            limit = 75
        else:
            current += ch
    out.append(current)
    return out


def _summary(kind: str, label: str, meta: DocumentMeta, language: str) -> str:
    kind_text = i18n.t(kind, language)
    category = i18n.category(meta.category, language)
    text = f"{kind_text.capitalize()} — {category} ({label})"
    if i18n.lang2(language) != "fr":
        text += f" / {i18n.t(kind, 'fr')} — {i18n.category(meta.category, 'fr')}"
    return text


def for_manifest(manifest: Manifest) -> bytes | None:
    """The calendar a bundle with this manifest must carry (the verifier compares bytes)."""
    labels = [f"D{i + 1}" for i in range(len(manifest.documents))]
    return make_calendar(
        manifest.documents,
        labels,
        bundle_id=manifest.bundle_id,
        language=manifest.language,
        created=dt.datetime.fromisoformat(manifest.created),
    )


def make_calendar(
    metas: Sequence[DocumentMeta],
    labels: Sequence[str],
    *,
    bundle_id: str,
    language: str,
    created: dt.datetime,
) -> bytes | None:
    """The iCalendar bytes for every deadline of ``metas``, or ``None`` when there is none."""
    stamp = created.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    events: list[list[str]] = []
    for meta, label in zip(metas, labels, strict=True):
        for n, deadline in enumerate(sorted(meta.deadlines, key=lambda d: d.date)):
            summary = _summary(deadline.kind, label, meta, language)
            day = deadline.date
            events.append(
                [
                    "BEGIN:VEVENT",
                    f"UID:{bundle_id}-{label}-{n + 1}@nextstep",
                    f"DTSTAMP:{stamp}",
                    f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                    f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
                    f"SUMMARY:{_escape(summary)}",
                    f"DESCRIPTION:{_escape(i18n.both('bundle', language) + ': ' + bundle_id)}",
                    "TRANSP:TRANSPARENT",
                    "BEGIN:VALARM",
                    "ACTION:DISPLAY",
                    f"DESCRIPTION:{_escape(summary)}",
                    f"TRIGGER:{REMINDER}",
                    "END:VALARM",
                    "END:VEVENT",
                ]
            )
    if not events:
        return None
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_PRODID}", "CALSCALE:GREGORIAN"]
    for event in events:
        lines.extend(event)
    lines.append("END:VCALENDAR")
    folded = [part for line in lines for part in _fold(line)]
    return ("\r\n".join(folded) + "\r\n").encode("utf-8")
