"""Whose date it is, and what a date belongs to (round 15, from the third independent
review's open letters; every sentence here was written for the test).

- An appointment whose time stands on the next line under a label of its own ("Heure
  d'admission : 7h00", "Créneau : 8h - 13h") is an appointment, not the letter's date.
- A notification said in other words ("Notification faite le", "Kennisgeving gedaan op",
  "Datum van kennisgeving :") dates the notification, and a period runs from it.
- What the office will do or hand over is its own act: "Le CPAS prendra une décision dans
  les 30 jours", "Votre formulaire C4 vous sera remis au plus tard le".
- A period before an event is counted back from the event's date, even when the letter's
  own date stands in the same paragraph.
- A line of a list is a sentence of its own, so each instalment of a payment plan is read
  with its own words, not with the whole letter's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nextstep.understanding.dates import document_date, find_deadlines, sentence_at


def deadlines(text: str) -> list[str]:
    found = find_deadlines(text, doc_date=document_date(text))
    return sorted({d.date.isoformat() for d in found})


TIMED_UNDER_A_LABEL = [
    (
        "CHU de Liège – Hospitalisation de jour\n"
        "Date de l'examen : jeudi 15 octobre 2026\n"
        "Heure d'arrivée : 7h30\n"
        "Présentez-vous au guichet des admissions avec votre carte d'identité.",
        ["2026-10-15"],
    ),
    (
        "Passage du technicien\n"
        "Date : lundi 9 novembre 2026\n"
        "Créneau : 8h - 12h\n"
        "Une personne majeure doit être présente.",
        ["2026-11-09"],
    ),
    (
        "AZ Sint-Jan – Dagziekenhuis\n"
        "Datum: dinsdag 3 november 2026\n"
        "Aankomst: 8u00\n"
        "Breng uw identiteitskaart mee.",
        ["2026-11-03"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TIMED_UNDER_A_LABEL)
def test_a_time_under_its_own_label_makes_an_appointment(text: str, expected: list[str]) -> None:
    assert document_date(text) is None  # the page prints no date of its own
    # counted from the day it is read, as the kiosk does for an undated page
    found = find_deadlines(text, doc_date=None, today=dt.date(2026, 10, 1))
    assert [d.date.isoformat() for d in found] == expected


NOTIFIED = [
    # 30 days from the notification, not from the letter of 4 May
    (
        "Bruxelles, le 4 mai 2026\n"
        "Ordre de quitter le territoire.\n"
        "Notification faite le 7 mai 2026.\n"
        "Vous devez quitter le territoire dans les 30 jours de la notification de la présente "
        "décision.",
        ["2026-06-06"],
    ),
    (
        "Brussel, 4 mei 2026\n"
        "Bevel om het grondgebied te verlaten.\n"
        "Kennisgeving gedaan op 7 mei 2026.\n"
        "U moet het grondgebied verlaten binnen 30 dagen na de kennisgeving van deze beslissing.",
        ["2026-06-06"],
    ),
    (
        "Brussel, 4 mei 2026\n"
        "Datum van kennisgeving: 7/05/2026\n"
        "U kunt beroep instellen binnen 30 dagen na de kennisgeving van deze beslissing.",
        ["2026-06-06"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOTIFIED)
def test_a_notification_said_in_other_words_starts_the_period(
    text: str, expected: list[str]
) -> None:
    assert deadlines(text) == expected


OFFICES_OWN = [
    # the office's decision, not the reader's
    (
        "Namur, le 2 mars 2026\n"
        "Nous avons bien reçu votre demande. Le CPAS prendra une décision dans les 30 jours. "
        "Envoyez-nous vos fiches de paie avant le 16 mars 2026.",
        ["2026-03-16"],
    ),
    (
        "Brussels, 2 March 2026\n"
        "The Immigration Office will take a decision within four months of receiving your "
        "complete file. Please send the missing birth certificate by 20 March 2026.",
        ["2026-03-20"],
    ),
    (
        "Gent, 2 maart 2026\n"
        "De Dienst Vreemdelingenzaken neemt een beslissing binnen vier maanden. Bezorg ons "
        "uiterlijk op 20 maart 2026 een kopie van uw paspoort.",
        ["2026-03-20"],
    ),
    # what the employer hands the reader
    (
        "Liège, le 1er juin 2026\n"
        "Votre attestation de travail vous sera remise au plus tard le 10 juillet 2026. "
        "Merci de restituer votre badge avant le 30 juin 2026.",
        ["2026-06-30"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OFFICES_OWN)
def test_what_the_office_will_do_is_its_own_date(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


def test_a_start_said_with_commence_is_not_a_deadline() -> None:
    text = (
        "Forem – Liège, le 20 août 2026\n"
        "Votre inscription à la formation est confirmée. La formation commence le lundi "
        "14 septembre 2026. Renvoyez le contrat signé avant le 4 septembre 2026."
    )
    assert deadlines(text) == ["2026-09-04"]


def test_a_period_before_an_event_counts_back_from_it() -> None:
    # the letter's date and the hearing share a paragraph (no full stop after "Madame,"):
    # the hearing, not the letter's date, is what the five days count back from
    text = (
        "Liège, le 10 août 2026\n"
        "Madame,\n"
        "Vous êtes convoquée à l'audience du lundi 7 septembre 2026 à 9h00. Déposez vos "
        "pièces 5 jours avant l'audience."
    )
    assert deadlines(text) == ["2026-09-02", "2026-09-07"]


def test_each_line_of_a_list_is_its_own_sentence() -> None:
    text = (
        "Namur, le 20 janvier 2026\n"
        "Madame, comme convenu, vous réglerez votre dette en trois mensualités :\n"
        "- 1re échéance : 150 EUR le 5 février 2026\n"
        "- 2e échéance : 150 EUR le 5 mars 2026\n"
        "- 3e échéance : 150 EUR le 5 avril 2026\n"
        "En cas de non-respect d'une échéance, le solde devient exigible."
    )
    found = find_deadlines(text, doc_date=document_date(text))
    assert [d.date.isoformat() for d in found] == ["2026-02-05", "2026-03-05", "2026-04-05"]
    for d in found:
        assert d.text.startswith("- ") and "Madame" not in d.text
    start = text.index("- 2e")
    s, e = sentence_at(text, start + 5, start + 10)
    assert text[s:e].strip() == "- 2e échéance : 150 EUR le 5 mars 2026"
