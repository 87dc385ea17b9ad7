"""Windows to act in, weeks, expiries and money paid to the reader (round 16, from the third
independent review's open letters and a bug found while answering them; every sentence here
was written for the test).

- Dutch "weken" was counted in days: "weken" does not contain "week", so "binnen twee weken"
  gave two days.
- A window ("entre le 16 novembre et le 1er décembre", "tussen 13 april en 29 april") ends on
  its last day, the deadline; its first day is a start. "Présentez-vous à ce centre le" is not
  a window ("centre le" holds "entre le").
- A count back from a card's expiry after a limit word ("au plus tard 30 jours avant la date
  d'expiration", "ten laatste 6 weken vóór de vervaldatum") is the reader's latest day; "ten
  vroegste 45 dagen" is not a limit, and "nach Ablauf der Frist" is not a card's expiry.
- "Within 30 days of the expiry date" runs from the expiry the letter gives.
- Money paid to the reader, said after its date ("wordt op 25 mei op je rekening gestort"),
  a school year's start ("La rentrée des classes est fixée au") and a billing period written
  with a dash are not deadlines; "bis spätestens 6.11." is one.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nextstep.understanding.dates import document_date, find_deadlines, resolve_period


def deadlines(text: str) -> list[str]:
    found = find_deadlines(text, doc_date=document_date(text))
    return sorted({d.date.isoformat() for d in found})


def test_dutch_weeks_are_weeks() -> None:
    assert resolve_period(dt.date(2026, 3, 2), 2, "weken") == dt.date(2026, 3, 16)
    assert resolve_period(dt.date(2026, 12, 14), -6, "weken") == dt.date(2026, 11, 2)
    text = (
        "Gent, 2 maart 2026\n"
        "Beste mevrouw,\n"
        "Bezorg ons de ontbrekende loonfiches binnen twee weken na de datum van deze brief."
    )
    assert deadlines(text) == ["2026-03-16"]


WINDOWS = [
    (
        "Ixelles, le 3 novembre 2026\n"
        "Madame,\n"
        "Nous vous invitons à vous présenter au guichet entre le 16 novembre et le 1er décembre"
        " 2026, afin d'introduire la demande de renouvellement.",
        ["2026-12-01"],
    ),
    (
        "Gent, 2 maart 2026\n"
        "Om de plaats te behouden, moet u uw kind inschrijven tussen 13 april 2026 en"
        " 29 april 2026.",
        ["2026-04-29"],
    ),
    (
        "Namur, le 2 mars 2026\n"
        "Les demandes de prime doivent être introduites entre le 1er avril et le 30 avril"
        " 2026. Aucune demande ne sera acceptée après cette date.",
        ["2026-04-30"],
    ),
    (
        "Bruxelles, le 22/07/2026\n"
        "Une place vous est attribuée. Vous devez vous présenter à ce centre le jeudi"
        " 30 juillet 2026 avant 16 h.",
        ["2026-07-30"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WINDOWS)
def test_a_window_ends_on_its_last_day(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


COUNTED_FROM_EXPIRY = [
    (
        "Liège, le 2 mars 2026\n"
        "Votre carte de séjour expire le 12 juin 2026.\n"
        "Vous devez vous présenter AU PLUS TARD 30 JOURS AVANT la date d'expiration de votre"
        " carte, muni de votre passeport.",
        ["2026-05-13", "2026-06-12"],
    ),
    (
        "Gent, 2 maart 2026\n"
        "Uw verblijfskaart vervalt op 14 december 2026. Maak ten laatste 6 weken vóór de"
        " vervaldatum een afspraak bij de dienst Vreemdelingen.",
        ["2026-11-02", "2026-12-14"],
    ),
    (
        "Eupen, 2. März 2026\n"
        "Ihre Aufenthaltskarte ist gültig bis 14. Dezember 2026. Melden Sie sich spätestens"
        " 30 Tage vor Ablauf Ihrer Karte beim Ausländerdienst.",
        ["2026-11-14", "2026-12-14"],
    ),
    (
        "Gent, 2 maart 2026\n"
        "Uw verblijfskaart vervalt op 14 december 2026. Vraag de verlenging aan ten vroegste"
        " 45 dagen vóór de vervaldatum.",
        ["2026-12-14"],
    ),
    (
        "Date: 12 October 2026\n"
        "Dear customer,\n"
        "Your ID document registered with us expires on 30 November 2026. Please upload a copy"
        " of your new residence card within 30 days of the expiry date.",
        ["2026-11-30", "2026-12-30"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTED_FROM_EXPIRY)
def test_periods_counted_from_a_cards_expiry(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


def test_a_deadline_after_a_limit_is_not_a_cards_expiry() -> None:
    text = (
        "Eupen, 2. März 2026\n"
        "Bitte zahlen Sie den Restbetrag innerhalb von 14 Tagen nach Ablauf der Frist."
    )
    assert "2026-12-14" not in deadlines(text)


NOT_THE_READERS = [
    (
        "Brussel, 11 mei 2026\n"
        "Het vakantiegeld wordt op 25 mei 2026 op je rekening gestort. Wie zijn vakantie voor"
        " juli nog niet heeft aangevraagd, doet dit via het HR-portaal ten laatste op 31 mei.",
        ["2026-05-31"],
    ),
    (
        "Antwerpen, 11 mei 2026\nUw eindejaarspremie wordt op 25 mei 2026 uitbetaald.",
        [],
    ),
    (
        "École communale Les Tilleuls\n"
        "Liège, le 2 mai 2026\n"
        "Les inscriptions se font au secrétariat jusqu'au vendredi 26 juin 2026.\n"
        "La rentrée des classes est fixée au mardi 1er septembre 2026.",
        ["2026-06-26"],
    ),
    (
        "Proximus\n"
        "Date de facture : 02/04/2026\n"
        "Période de facturation : 01/04/2026 - 30/04/2026\n"
        "À payer avant le : 24/04/2026",
        ["2026-04-24"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_THE_READERS)
def test_what_is_not_the_readers_to_do(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


def test_a_yearless_day_after_bis_spaetestens() -> None:
    text = (
        "Liebe Eltern,\n"
        "der Ausflug ins Aquarium kostet 12 €; bitte bis spätestens 6.11. bezahlen.\n"
        "Eupen, 2. November 2026"
    )
    assert deadlines(text) == ["2026-11-06"]


# Round 16's fourth independent review (insurers, family-allowance funds, tax offices, clubs,
# courts): what the office does itself, an age reached, a letter's date under a label that
# names it, a tax period, and periods written in words the table did not have.
OFFICE_AND_AGE = [
    (
        "Infino – Allocations familiales\n"
        "Bruxelles, le 2 juin 2025\n"
        "Nous effectuerons le paiement de juin le 10 juin 2025. Renvoyez-nous l'attestation"
        " scolaire dans le mois.",
        ["2025-07-02"],
    ),
    (
        "Familienkasse\n"
        "Eupen, den 15. September 2025\n"
        "Die nächste Zahlung erfolgt am 8. Oktober 2025. Bitte senden Sie uns die"
        " Schulbescheinigung innerhalb eines Monats zurück.",
        ["2025-10-15"],
    ),
    (
        "Famiwal\n"
        "Votre fille aura 18 ans le 9 mai 2026. Renvoyez-nous le formulaire P7 complété pour"
        " le 30 septembre 2025 au plus tard.\n"
        "Liège, le 2 septembre 2025",
        ["2025-09-30"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OFFICE_AND_AGE)
def test_the_office_pays_and_an_age_is_reached(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


def test_a_tax_period_is_not_the_letters_date() -> None:
    text = (
        "Vlaamse Belastingdienst – Verkeersbelasting\n"
        "Belastbaar tijdperk: 01/09/2025 – 31/08/2026\n"
        "Datum van dit bericht: 10/09/2025\n"
        "Te betalen vóór 10/11/2025."
    )
    assert document_date(text) == dt.date(2025, 9, 10)
    assert deadlines(text) == ["2025-11-10"]


def test_periods_in_words_the_table_lacked() -> None:
    text = "Gent, 2 maart 2026\nBezorg ons de getekende overeenkomst binnen twaalf dagen."
    assert deadlines(text) == ["2026-03-14"]
    text = (
        "Liège, le 2 mars 2026\n"
        "Vous disposez d'un délai de quarante-cinq jours pour introduire votre réclamation."
    )
    assert deadlines(text) == ["2026-04-16"]


def test_a_work_sentence_runs_from_a_final_judgment_not_the_letter() -> None:
    text = (
        "Tribunal correctionnel de Liège\n"
        "Liège, le 2 mars 2026\n"
        "Condamne le prévenu à une peine de travail de 80 heures, à exécuter dans un délai de"
        " douze mois à compter du jour où le jugement est coulé en force de chose jugée."
    )
    assert deadlines(text) == []
