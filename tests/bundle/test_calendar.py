"""Deadlines in the phone: the iCalendar attachment inside the encrypted bundle."""

from __future__ import annotations

import datetime as dt

import icalendar
import pikepdf

from crypto.keys import KioskKey
from nextstep.bundle.calendar import CALENDAR_NAME, _fold, make_calendar
from nextstep.bundle.manifest import DocumentMeta
from nextstep.model import Deadline
from tests.bundle.bundle_samples import Built


def _events(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_bundle_carries_one_event_per_deadline_with_a_reminder(built: Built) -> None:
    with pikepdf.open(built.paths.pdf, password=built.passphrase) as pdf:
        assert CALENDAR_NAME in pdf.attachments
        data = pdf.attachments[CALENDAR_NAME].get_file().read_bytes()
    gold = sorted(d.date for doc in built.documents for d in doc.deadlines)
    events = _events(data)
    assert sorted(e.decoded("DTSTART") for e in events) == gold
    for event in events:
        alarms = [c for c in event.walk() if c.name == "VALARM"]
        assert len(alarms) == 1
        assert alarms[0].decoded("TRIGGER") == -dt.timedelta(days=3)
        summary = str(event["SUMMARY"])
        assert any("\u0600" <= ch <= "\u06ff" for ch in summary)  # the person's language
        assert " / " in summary  # French beside it
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_calendar_is_not_in_clear_on_the_drive(built: Built) -> None:
    for path in built.drive.iterdir():
        assert b"BEGIN:VCALENDAR" not in path.read_bytes(), path.name


def test_no_deadline_no_calendar() -> None:
    meta = DocumentMeta(category="health")
    made = make_calendar(
        [meta], ["D1"], bundle_id="NS-X", language="fr", created=dt.datetime.now(dt.UTC)
    )
    assert made is None


def test_lines_fold_at_75_octets_without_splitting_characters() -> None:
    meta = DocumentMeta(
        category="asylum",
        deadlines=[Deadline(dt.date(2027, 1, 14), "appointment", "x")],
    )
    made = make_calendar(
        [meta], ["D12"], bundle_id="NS-" + "A" * 60, language="ar", created=dt.datetime.now(dt.UTC)
    )
    assert made is not None
    for line in made.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # no character split across a fold
    assert all(len(part.encode()) <= 75 for part in _fold("ش" * 100))
    (event,) = _events(made)
    assert event.decoded("DTSTART") == dt.date(2027, 1, 14)
    assert "NS-" + "A" * 60 in str(event["DESCRIPTION"])


def test_a_changed_or_added_attachment_is_tampering(built: Built, kiosk_key: KioskKey) -> None:
    import io

    import pytest

    from nextstep.bundle import verify as v

    def resaved(change: object) -> bytes:
        with pikepdf.open(io.BytesIO(built.bundle.pdf), password=built.passphrase) as pdf:
            change(pdf)  # type: ignore[operator]
            out = io.BytesIO()
            pdf.save(out, encryption=pikepdf.Encryption(user=built.passphrase, owner="o", R=6))
            return out.getvalue()

    def edit_calendar(pdf: pikepdf.Pdf) -> None:
        data = pdf.attachments[CALENDAR_NAME].get_file().read_bytes()
        pdf.attachments[CALENDAR_NAME] = pikepdf.AttachedFileSpec(
            pdf, data.replace(b"TRIGGER:-P3D", b"TRIGGER:-P1D")
        )

    def add_file(pdf: pikepdf.Pdf) -> None:
        pdf.attachments["run-me.js"] = pikepdf.AttachedFileSpec(pdf, b"app.alert(1)")

    for change, words in ((edit_calendar, "calendar"), (add_file, "did not attach")):
        with pytest.raises(v.TamperedBundleError) as err:
            v.verify_bundle(
                resaved(change), passphrase=built.passphrase, trusted_keys=[kiosk_key.public_bytes]
            )
        assert words in str(err.value)
