"""Validity and expiry dates of cards and permits (issue 12.5), and the dates that are never
deadlines: the letter's own date, birth and issue dates, dates inside reference numbers,
start dates of periods and dates before the letter. Documents written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from nextstep.understanding.dates import document_date, find_deadlines

CARDS = [
    (
        "Carte de séjour - carte A\nNom : DIALLO Aminata\nNée le 03.04.1990 à Conakry\n"
        "Date de délivrance : 12.01.2026\nValable jusqu'au 11.01.2031\nN° B 1234567 89",
        "2026-02-01",
        "2031-01-11",
    ),
    (
        "VERBLIJFSKAART\nNaam: Yilmaz\nGeboortedatum: 01/02/1985\nAfgiftedatum: 16/09/2026\n"
        "Geldig tot: 15/09/2027",
        "2026-10-01",
        "2027-09-15",
    ),
    (
        "Aufenthaltskarte\nName: Haddad\nGeburtsdatum: 12.07.1992\nAusgestellt am: 02.05.2026\n"
        "Gültig bis: 30.06.2028",
        "2026-06-01",
        "2028-06-30",
    ),
    (
        "Residence permit\nSurname: Okafor\nDate of birth: 21/05/1988\nDate of issue: 10/03/2026\n"
        "Expiry date: 09/03/2031",
        "2026-04-01",
        "2031-03-09",
    ),
    (
        "Residence permit\nDate of birth: 21 May 1988\nIssued: 10 March 2026\n"
        "Expires: 9 March 2031",
        "2026-04-01",
        "2031-03-09",
    ),
    (
        "Attestation d'immatriculation (carte orange)\nValable du 01/03/2026 au 31/08/2026\n"
        "Né le 2 février 1991",
        "2026-03-05",
        "2026-08-31",
    ),
    (
        "Bijlage 35\nGeldig van 14.05.2026 tot 13.06.2026. Dit document moet verlengd worden.",
        "2026-05-20",
        "2026-06-13",
    ),
    (
        "Eupen, den 3. März 2027\nIhr Aufenthaltstitel läuft am 30. April 2027 ab.",
        "2027-03-04",
        "2027-04-30",
    ),
    (
        "London, 5 January 2027\nYour biometric residence permit expires on 28 February 2027. "
        "Your leave started on 1 March 2022.",
        "2027-01-06",
        "2027-02-28",
    ),
]


def deadlines(text: str, received: str) -> list[tuple[str, str]]:
    today = dt.date.fromisoformat(received)
    found = find_deadlines(text, doc_date=document_date(text), today=today)
    return [(d.date.isoformat(), d.kind) for d in found]


@pytest.mark.parametrize(("text", "received", "expiry"), CARDS, ids=range(len(CARDS)))
def test_the_validity_end_of_a_card_is_its_only_deadline(
    text: str, received: str, expiry: str
) -> None:
    assert deadlines(text, received) == [(expiry, "expiry")]


def test_a_renewal_deadline_and_the_expiry_are_both_found() -> None:
    text = (
        "Gent, 4 februari 2027\nUw verblijfskaart vervalt op 20 maart 2027. Vraag de "
        "verlenging aan vóór 20 februari 2027."
    )
    got = dict(deadlines(text, "2027-02-05"))
    assert set(got) == {"2027-02-20", "2027-03-20"}
    assert got["2027-03-20"] == "expiry"


def test_no_deadline_from_a_reference_number() -> None:
    text = (
        "Zahlungserinnerung\nAachen, 10.01.2027\nRechnungsnummer 2027-02-15/77\n"
        "Bitte zahlen Sie bis zum 25.01.2027."
    )
    assert [d for d, _ in deadlines(text, "2027-01-11")] == ["2027-01-25"]
    text = "Liège, le 10 mars 2026\nVotre dossier 15/04/2026-442 est clôturé."
    assert deadlines(text, "2026-03-12") == []


def test_no_deadline_from_a_start_date_or_a_past_visit() -> None:
    start = (
        "Liège, le 2 mars 2027\nVotre allocation est accordée à partir du 1er avril 2027. "
        "Réf. 20270415/88."
    )
    assert deadlines(start, "2027-03-03") == []
    past = (
        "Liège, le 2 mars 2027\nSuite à votre visite du 15 février 2027, votre carte valable "
        "jusqu'au 14 février 2032 vous sera remise."
    )
    assert deadlines(past, "2027-03-03") == [("2032-02-14", "expiry")]


EMAILS = [
    (
        "De : service.population@liege.be\nEnvoyé : lundi 11 janvier 2027 10:32\n"
        "Objet : RE: rendez-vous carte\n\nBonjour, votre rendez-vous pour la carte est fixé au "
        "25 janvier 2027 à 9h15.",
        "2027-01-25",
    ),
    (
        "From: info@council.gov.uk\nSent: Monday, 11 January 2027 10:32\nSubject: your "
        "appointment\n\nPlease attend on 20 January 2027 at 14:00.",
        "2027-01-20",
    ),
    (
        "Van: dienst@gent.be\nVerzonden: maandag 11 januari 2027 10:32\nOnderwerp: uw "
        "aanvraag\n\nGelieve de documenten te bezorgen vóór 1 februari 2027.",
        "2027-02-01",
    ),
    (
        "Von: amt@eupen.be\nGesendet: Montag, 11. Januar 2027 10:32\nBetreff: Termin\n\n"
        "Bitte reichen Sie die Unterlagen bis zum 5. Februar 2027 ein.",
        "2027-02-05",
    ),
]


@pytest.mark.parametrize(("text", "deadline"), EMAILS, ids=["fra", "eng", "nld", "deu"])
def test_a_printed_emails_own_date_and_time_is_no_appointment(text: str, deadline: str) -> None:
    assert [d for d, _ in deadlines(text, "2027-01-11")] == [deadline]


def test_a_form_and_a_payslip() -> None:
    form = (
        "FORMULAIRE DE DEMANDE\nDate de naissance : 12/03/1990\nDate d'arrivée en Belgique : "
        "04/06/2022\nDate : 14/01/2027\nÀ renvoyer au plus tard le 28/01/2027."
    )
    assert [d for d, _ in deadlines(form, "2027-01-15")] == ["2027-01-28"]
    payslip = "Loonbrief januari 2027\nPeriode: 01/01/2027 - 31/01/2027\nDatum: 31/01/2027\n"
    assert deadlines(payslip, "2027-02-02") == []


@pytest.mark.parametrize(
    ("text", "received", "expiry"),
    [
        ("Elektronische vreemdelingenkaart\nVervaldatum: 12/05/2028\nGeboren te Kabul op "
         "01/01/1991", "2026-05-01", "2028-05-12"),
        ("Carte d'identité d'étranger\nDate d'expiration : 12.05.2028\nDate de naissance : "
         "01.01.1991", "2026-05-01", "2028-05-12"),
        ("Aufenthaltstitel\nGültig ab 01.02.2027 bis 31.01.2028", "2027-02-02", "2028-01-31"),
        ("Visa type D\nValid from 01/02/2027 to 31/07/2027\nDate of birth 1/1/1990",
         "2027-02-03", "2027-07-31"),
        ("Liège, le 3 janvier 2027\nMonsieur X (°12.03.1990), votre annexe 35 est prorogée "
         "jusqu'au 3 février 2027.", "2027-01-04", "2027-02-03"),
    ],
)  # fmt: skip
def test_expiry_labels_on_cards(text: str, received: str, expiry: str) -> None:
    assert deadlines(text, received) == [(expiry, "expiry")]


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        # a card whose only dates are a birth date and a validity period
        ("CPAS – carte santé\nNom : KABILA\nNé le : 04/09/1993\nPériode de validité : du "
         "01/02/2027 au 31/07/2027\nPrésenter la carte chez le médecin.", "2027-02-03",
         [("2027-07-31", "expiry")]),
        ("TITRE DE SÉJOUR\nNom : RAHIMI\nDate de naissance : 02 11 1990\nValable du : "
         "10.04.2026\nau : 09.04.2027", "2026-04-12", [("2027-04-09", "expiry")]),
        # an application window ends on a deadline; its first day is none
        ("Académie de musique\nInscriptions : du lundi 8 février au vendredi 5 mars 2027 "
         "inclus, au secrétariat.", "2027-01-20", [("2027-03-05", "expiry")]),
        # the issue date on the same line as the expiry is history
        ("Annexe 15\nN° dossier : 7.654.321 Délivrée le : 11.02.2027 Valable jusqu'au : "
         "10.08.2027", "2027-02-12", [("2027-08-10", "expiry")]),
        # a notice period that starts and expires in one clause: its end is a deadline
        ("Seraing, le 29 avril 2027\nLe préavis prend cours le 1er mai 2027 et expirera le "
         "31 juillet 2027.", "2027-04-30", [("2027-07-31", "expiry")]),
    ],
)  # fmt: skip
def test_the_end_of_a_period_is_a_deadline(
    text: str, received: str, expected: list[tuple[str, str]]
) -> None:
    assert deadlines(text, received) == expected


def test_a_payment_already_made_is_no_deadline() -> None:
    receipt = (
        "Quittance de loyer\nBruxelles, le 2 novembre 2026\nLoyer de novembre 2026 : 640 EUR\n"
        "Payé le 05/11/2026 par virement."
    )
    assert deadlines(receipt, "2026-11-06") == []
    slip = "Payslip October 2026\nDate: 31/10/2026\nPaid on 05/11/2026 to your account."
    assert deadlines(slip, "2026-11-06") == []


def test_a_note_without_a_letter_date_keeps_its_appointment() -> None:
    # the only date has a time after it: an appointment, not the note's own date
    note = "AN ALLE MIETER\nAblesung der Wasserzähler\nam Dienstag 16.02.2027 ab 9 Uhr\nDanke"
    assert document_date(note) is None
    assert deadlines(note, "2027-02-01") == [("2027-02-16", "appointment")]


def test_an_old_date_at_the_top_is_not_the_letters_date() -> None:
    text = (
        "Monsieur TRAORE Issa\n14.05.1984\nRue Haute 3, 4000 Liège\n\nVotre demande du "
        "3 janvier 2027 est complète. Rendez-vous le 20 janvier 2027 à 10h."
    )
    assert document_date(text) != dt.date(1984, 5, 14)


@pytest.mark.parametrize(
    ("text", "own"),
    [
        ("Van: balie@ocmw.be\nDatum: wo 03-02-2027 09:41\nOnderwerp: uw afspraak\n\nKom langs "
         "op 10 februari 2027 om 10 uur.", "2027-02-03"),
        ("From: desk@council.uk\nDate: Tue 2 Feb 2027 17:05\nSubject: your visit\n\nPlease come "
         "on 9 February 2027 at 10:00.", "2027-02-02"),
        ("SUPERMARCHÉ DU PONT\nTICKET - 05/03/2027 18:22\nPain 2,10\nTotal 2,10 EUR",
         "2027-03-05"),
        ("Sehr geehrte Frau Haddad,\nbitte melden Sie sich bis zum 15. März 2027.\n\n"
         "St. Vith, den 01.03.2027", "2027-03-01"),
    ],
)  # fmt: skip
def test_the_letters_own_date_in_headers_stamps_and_signatures(text: str, own: str) -> None:
    assert document_date(text) == dt.date.fromisoformat(own)
    assert own not in [d for d, _ in deadlines(text, own)]


def test_a_card_start_date_is_no_deadline_even_beside_a_work_permit_line() -> None:
    card = (
        "TITRE DE SÉJOUR\nNom : ABEBE\nLieu de délivrance : NAMUR\nValable du 03.02.2027 au "
        "02.02.2028\nRemarques : ACCÈS AU MARCHÉ DU TRAVAIL : ILLIMITÉ"
    )
    assert deadlines(card, "2027-02-05") == [("2028-02-02", "expiry")]


def test_a_notification_date_is_history() -> None:
    text = (
        "Ordre de quitter le territoire\nVous disposez de 30 jours pour quitter le territoire.\n"
        "Notifié en main propre le 04/03/2027 au centre de Jumet."
    )
    assert "2027-03-04" not in [d for d, _ in deadlines(text, "2027-03-04")]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Namur, le 4 février 2027\nVeuillez nous renvoyer le formulaire dans un délai d'un mois "
         "à compter de ce courrier.", "2027-03-04"),
        ("Cardiff, 4 February 2027\nYou can ask us to look at the decision again within one "
         "month of the date of this letter.", "2027-03-04"),
        ("Aachen, den 4. Februar 2027\nGegen diesen Bescheid können Sie innerhalb eines Monats "
         "Widerspruch einlegen.", "2027-03-04"),
        ("Leeds, 4 February 2027\nPlease send the missing payslips within a week.",
         "2027-02-11"),
    ],
)  # fmt: skip
def test_periods_of_one_month_or_one_week_in_words(text: str, due: str) -> None:
    assert [d for d, _ in deadlines(text, "2027-02-05")] == [due]


def test_a_letter_is_dated_before_the_deadlines_it_sets() -> None:
    # no place-and-date line: the first date in the text is the operation, not the letter
    text = (
        "Clinique du Parc - service des admissions\nDevis pour votre opération du 14 octobre "
        "2027 en hôpital de jour.\nUne avance de 900 EUR est à payer au plus tard le 30 "
        "septembre 2027."
    )
    assert document_date(text) != dt.date(2027, 10, 14)
    assert "2027-09-30" in {d for d, _ in deadlines(text, "2027-09-10")}


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Bonjour Mme Sow, la réunion des parents est mardi 16/03 à 18h. La directrice",
         "2027-03-16"),
        ("Huur van maart nog niet betaald. Graag betalen vóór 10/3. De eigenaar", "2027-03-10"),
        ("Fluvius activeert de budgetmeter op 12/03/2027 tussen 8 en 16 uur.", "2027-03-12"),
    ],
)  # fmt: skip
def test_notes_with_a_day_and_month_only(text: str, due: str) -> None:
    assert [d for d, _ in deadlines(text, "2027-03-02")] == [due]
