"""Deadline extraction: every absolute form per language, kinds, relative periods, births."""

from __future__ import annotations

import datetime as dt

import pytest

from nextstep.understanding.dates import document_date, find_dates, find_deadlines

D = dt.date
LETTER = D(2026, 11, 16)


def deadlines(text: str, doc: dt.date | None = LETTER) -> set[tuple[dt.date, str]]:
    return {(d.date, d.kind) for d in find_deadlines(text, doc_date=doc)}


@pytest.mark.parametrize(
    "text, date, kind",
    [
        # French
        ("Le montant doit être payé avant le 15 mars 2027.", D(2027, 3, 15), "payment"),
        ("Vous êtes convoqué le mardi 14 janvier 2027 à 10h30.", D(2027, 1, 14), "appointment"),
        ("Ce document est valable jusqu'au 31.12.2027.", D(2027, 12, 31), "expiry"),
        (
            "Veuillez nous renvoyer le formulaire au plus tard le 1er février 2027.",
            D(2027, 2, 1),
            "response",
        ),
        ("Un recours peut être introduit jusqu'au 20/01/2027.", D(2027, 1, 20), "appeal"),
        # Dutch
        ("Het bedrag moet uiterlijk op 12/04/2027 betaald worden.", D(2027, 4, 12), "payment"),
        ("U wordt uitgenodigd op dinsdag 14 januari 2027 om 10u30.", D(2027, 1, 14), "appointment"),
        ("Deze kaart is geldig tot 31-12-2027.", D(2027, 12, 31), "expiry"),
        ("Bezorg ons de documenten vóór 3 mei 2027.", D(2027, 5, 3), "response"),
        ("U kunt beroep instellen tot en met 20 januari 2027.", D(2027, 1, 20), "appeal"),
        # German
        ("Bitte überweisen Sie den Betrag bis zum 3. Mai 2027.", D(2027, 5, 3), "payment"),
        ("Ihr Termin: am Dienstag, 14. Januar 2027 um 10:30 Uhr.", D(2027, 1, 14), "appointment"),
        ("Die Bescheinigung ist gültig bis 31.12.2027.", D(2027, 12, 31), "expiry"),
        (
            "Senden Sie uns das Formular spätestens am 12.04.2027 zurück.",
            D(2027, 4, 12),
            "response",
        ),
        ("Ein Widerspruch ist bis zum 20. Januar 2027 möglich.", D(2027, 1, 20), "appeal"),
        # English
        ("Please pay the amount due no later than 15 March 2027.", D(2027, 3, 15), "payment"),
        ("Your interview is on Tuesday 14 January 2027 at 10:30.", D(2027, 1, 14), "appointment"),
        ("This permit is valid until 31/12/2027.", D(2027, 12, 31), "expiry"),
        ("Please return the signed form by March 15, 2027.", D(2027, 3, 15), "response"),
        ("You may lodge an appeal until 20 January 2027.", D(2027, 1, 20), "appeal"),
    ],
)
def test_absolute_deadlines(text: str, date: dt.date, kind: str) -> None:
    found = find_deadlines(text, doc_date=LETTER)
    assert [(d.date, d.kind) for d in found] == [(date, kind)]
    assert found[0].computed is False
    assert found[0].text.strip().startswith(text.split()[0])


@pytest.mark.parametrize(
    "text, date, kind",
    [
        (
            "Vous pouvez introduire un recours dans les 30 jours de la notification.",
            D(2026, 12, 16),
            "appeal",
        ),
        (
            "Le paiement doit intervenir dans un délai de quinze jours à compter de ce jour.",
            D(2026, 12, 1),
            "payment",
        ),
        (
            "Beroep moet worden ingesteld binnen 15 dagen na ontvangst van deze brief.",
            D(2026, 12, 1),
            "appeal",
        ),
        ("Bezorg ons het formulier binnen de twee maanden.", D(2027, 1, 16), "response"),
        (
            "Gegen diesen Bescheid kann innerhalb von einem Monat Widerspruch eingelegt werden.",
            D(2026, 12, 16),
            "appeal",
        ),
        ("You may appeal within 30 days of this notification.", D(2026, 12, 16), "appeal"),
        ("Répondez dans les 10 jours ouvrables.", D(2026, 11, 30), "response"),
    ],
)
def test_relative_deadlines_resolve_against_document_date(
    text: str, date: dt.date, kind: str
) -> None:
    found = find_deadlines(text, doc_date=LETTER)
    assert [(d.date, d.kind, d.computed) for d in found] == [(date, kind, True)]


def test_relative_deadline_uses_the_letters_own_date() -> None:
    text = "CPAS de Liège\nLiège, le 3 février 2027\n\nRecours possible dans les 3 mois."
    (d,) = find_deadlines(text)
    assert d.date == D(2027, 5, 3) and d.computed and d.kind == "appeal"


@pytest.mark.parametrize(
    "text",
    [
        "Madame X, née le 14 mars 1991 à Kinshasa, demeurant à Liège.",
        "Geboren op 12/04/2001 te Aleppo.",
        "Geburtsdatum: 03.05.1999",
        "Date of birth: 15 March 1990",
    ],
)
def test_dates_of_birth_are_not_deadlines(text: str) -> None:
    assert find_dates(text)  # the date is seen...
    assert find_deadlines(text, doc_date=LETTER) == []  # ...but is not a deadline


def test_future_dates_are_kept_past_events_are_not() -> None:
    text = (
        "En sa séance du 12 novembre 2026, le Comité a pris une décision. "
        "La prochaine révision de votre dossier aura lieu le 20 mai 2027."
    )
    assert {d.date for d in find_deadlines(text, doc_date=LETTER)} == {D(2027, 5, 20)}


def test_start_dates_are_not_deadlines() -> None:
    text = "Le revenu d'intégration vous est octroyé à partir du 1er décembre 2026."
    assert find_deadlines(text, doc_date=LETTER) == []


@pytest.mark.parametrize(
    "text, date",
    [
        ("CPAS de Liège\nLiège, le 16 novembre 2026\nMonsieur,", LETTER),
        ("OCMW Gent\nGent, 3 februari 2027\nGeachte heer,", D(2027, 2, 3)),
        ("Stadt Eupen\nDatum: 05.01.2027\nSehr geehrte Frau,", D(2027, 1, 5)),
        ("Brussels, 7 December 2026\nDear Sir,", D(2026, 12, 7)),
    ],
)
def test_document_date(text: str, date: dt.date) -> None:
    assert document_date(text) == date


def test_document_date_is_not_a_deadline() -> None:
    assert find_deadlines("Liège, le 16 novembre 2026\nMonsieur,") == []


@pytest.mark.parametrize(
    ("sentence", "date", "kind"),
    [
        (
            "Gegen diesen Beschluss können Sie innerhalb von 30 Tagen nach Zustellung Beschwerde "
            "beim Arbeitsgericht einlegen.",
            "2026-12-20",
            "appeal",
        ),
        ("Die Zahlung ist fällig am 01.02.2027.", "2027-02-01", "payment"),
        (
            "Sie haben bis zum 10. April 2027 Zeit, Ihren Antrag zu vervollständigen.",
            "2027-04-10",
            "response",
        ),
        (
            "Vous disposez d'un délai de quinze jours à dater de la notification pour introduire "
            "un recours devant le Conseil du contentieux des étrangers.",
            "2026-12-05",
            "appeal",
        ),
        (
            "Tegen deze beslissing kunt u binnen 30 dagen na ontvangst beroep aantekenen bij de "
            "arbeidsrechtbank.",
            "2026-12-20",
            "appeal",
        ),
    ],
)
def test_kind_cues_written_independently(sentence: str, date: str, kind: str) -> None:
    found = find_deadlines(sentence, doc_date=dt.date(2026, 11, 20))
    assert [(d.date.isoformat(), d.kind) for d in found] == [(date, kind)]
