"""Sending dates, a job's end, other people's acts and days written in words (round 17, from
the fifth independent review; every sentence here was written for the test).

- A sending date printed on the letter ("Date d'envoi : 10/03/2026", "Verzendingsdatum:",
  "Versanddatum:", "Date of dispatch:", a "Verzonden op" line under the letter's date) is
  where a period "suivant la date d'envoi" runs from, and is not a deadline itself. A period
  "à compter du 10 mars" runs from that day. A decision deemed served three working days
  after the sending runs from that deemed day, not from the sending.
- The end of the reader's job, its contract or its notice period is the end of a period,
  in a letter about employment; the end of a lease's notice is still the day to leave.
- Other people's acts: an expert looking at the car in a garage, the prosecution's right to
  file, the card the bank sends, a refund, the police officer's visit.
- A day written in words ("le trente et un mai deux mille vingt-six", "op tweeëntwintig
  april tweeduizend zesentwintig") is read; a judgment's own date in words is not a deadline.
"""

from __future__ import annotations

import datetime as dt

import pytest

from nextstep.understanding.dates import document_date, find_deadlines


def deadlines(text: str) -> list[str]:
    found = find_deadlines(text, doc_date=document_date(text))
    return sorted({d.date.isoformat() for d in found})


SENT = [
    (
        "Service des allocations – Bruxelles, le 6 mars 2026\n"
        "Date d'envoi : 10/03/2026\n\n"
        "Monsieur,\n"
        "Renvoyez-nous le formulaire complété dans les 15 jours suivant la date d'envoi de ce"
        " courrier.",
        ["2026-03-25"],
    ),
    (
        "Hulpkas – Datum: 16/02/2026\n"
        "Verzendingsdatum: 17/02/2026\n\n"
        "Bezorg ons het attest binnen vijftien dagen na de verzending van deze brief.",
        ["2026-03-04"],
    ),
    (
        "Stad Leuven\n"
        "Leuven, 20 april 2026\n"
        "Verzonden op 21/04/2026\n\n"
        "U kunt uw opmerkingen indienen binnen 15 dagen vanaf de verzending van deze brief.",
        ["2026-05-06"],
    ),
    (
        "Arbeitsamt – Eupen, 19.01.2026\n"
        "Versanddatum: 20.01.2026\n\n"
        "Bitte reichen Sie den Nachweis innerhalb von 14 Tagen nach Versand dieses Schreibens"
        " ein.",
        ["2026-02-03"],
    ),
    (
        "City council, 19 January 2026\n"
        "Date of dispatch: 20 January 2026\n\n"
        "Please return the signed form within 14 days following the date of dispatch.",
        ["2026-02-03"],
    ),
    (
        "Office des pensions – Namur, le 6 mars 2026\n\n"
        "Veuillez compléter la déclaration dans les 15 jours à compter du 9 mars 2026.",
        ["2026-03-24"],
    ),
    (
        "Caisse d'allocations familiales\n"
        "Date d'envoi : 25 mars 2026\n\n"
        "Décision\n"
        "Recours : vous pouvez contester cette décision devant le tribunal du travail dans un"
        " délai de trois mois à compter de sa notification. La présente décision est réputée"
        " notifiée le troisième jour ouvrable qui suit la date d'envoi mentionnée ci-dessus.",
        ["2026-06-30"],
    ),
]


@pytest.mark.parametrize("text, expected", SENT)
def test_a_period_runs_from_the_sending_the_letter_dates(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


JOBS = [
    (
        "Charleroi, le 9 janvier 2026\n"
        "Nous mettons fin à votre contrat de travail d'employé moyennant un préavis de huit"
        " semaines, qui prendra cours le lundi 12 janvier 2026 et se terminera le dimanche"
        " 8 mars 2026.\n"
        "Merci de rendre votre badge au plus tard le vendredi 6 mars 2026.",
        ["2026-03-06"],
    ),
    (
        "Mechelen, 2 februari 2026\n"
        "Wij beëindigen uw arbeidsovereenkomst met een opzeggingstermijn van 6 weken, die"
        " ingaat op maandag 9 februari 2026 en eindigt op zondag 22 maart 2026.\n"
        "Lever uw gsm in uiterlijk op vrijdag 20 maart 2026.",
        ["2026-03-20"],
    ),
    (
        "CONTRAT DE TRAVAIL INTÉRIMAIRE\n"
        "Date : 23/02/2026\n"
        "Fin de la mission : vendredi 06/03/2026\n"
        "Signez le contrat dans l'application avant le 27/02/2026.",
        ["2026-02-27"],
    ),
    (
        # a lease's notice, even from a letter that names a job: the day to leave
        "Liège, le 2 février 2026\n"
        "Votre contrat de travail à Liège ne change rien au bail. Le préavis de six mois prend"
        " cours le 1er mars 2026 et se termine le 31 août 2026 : vous devrez libérer les lieux"
        " à cette date.",
        ["2026-08-31"],
    ),
]


@pytest.mark.parametrize("text, expected", JOBS)
def test_a_jobs_end_is_not_a_deadline_a_leases_is(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


OTHERS = [
    (
        "Assurances – Namur, le 2 mars 2026\n"
        "Merci de nous renvoyer le constat signé au plus tard le 9 mars 2026.\n"
        "Notre expert examinera la voiture au garage Dumont le 12 mars 2026.",
        ["2026-03-09"],
    ),
    (
        "Verzekeringen – Hasselt, 2 maart 2026\n"
        "Stuur ons de foto's uiterlijk op 9 maart 2026.\n"
        "De deskundige zal uw wagen in de garage bekijken op 12 maart 2026.",
        ["2026-03-09"],
    ),
    (
        # the reader's own examination by the court's expert stays an appointment
        "Tribunal du travail – Liège, le 2 mars 2026\n"
        "Dit que l'expert procédera à l'examen de la demanderesse le mercredi 18 mars 2026"
        " à 14 heures en son cabinet.",
        ["2026-03-18"],
    ),
    (
        "Politierechtbank Gent – Gent, 2 maart 2026\n"
        "U wordt opgeroepen voor de zitting van 29 april 2026 om 9 uur.\n"
        "Het openbaar ministerie kan zijn conclusies neerleggen tot 8 april 2026.",
        ["2026-04-29"],
    ),
    (
        "Bank – Eupen, 2. März 2026\n"
        "Ihre Karte ist gültig bis 31.03.2026. Ihre neue Karte erhalten Sie spätestens am"
        " 20. März 2026 per Post.",
        ["2026-03-31"],
    ),
    (
        "Krankenkasse – Eupen, 2. März 2026\n"
        "Bitte senden Sie uns die Rechnung bis spätestens 16. März 2026. Die Erstattung"
        " erfolgt danach innerhalb von 10 Werktagen.",
        ["2026-03-16"],
    ),
    (
        "Commune de Herstal – Herstal, le 2 mars 2026\n"
        "Votre déclaration d'arrivée est enregistrée. L'agent de quartier effectuera"
        " l'enquête de résidence dans les 15 jours.",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", OTHERS)
def test_other_peoples_acts_are_not_the_readers(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


def test_a_day_written_in_words_is_read() -> None:
    text = (
        "Justice de paix de Mons – procès-verbal de conciliation\n"
        "Fait à Mons, le quinze mars deux mille vingt-six.\n"
        "La partie défenderesse s'engage à libérer les lieux au plus tard le trente et un mai"
        " deux mille vingt-six et à payer l'arriéré le premier avril 2026 au plus tard."
    )
    assert document_date(text) == dt.date(2026, 3, 15)
    assert deadlines(text) == ["2026-04-01", "2026-05-31"]


def test_an_act_dated_in_words_at_its_head_is_the_documents_date() -> None:
    text = (
        "GERECHTSDEURWAARDER\n\n"
        "Op tweeëntwintig april tweeduizend zesentwintig,\n"
        "op verzoek van NV Krediet, heb ik betekend en bevel gedaan te betalen binnen"
        " de vierentwintig uur."
    )
    assert document_date(text) == dt.date(2026, 4, 22)
    assert "2026-04-22" not in deadlines(text)


def test_a_judgments_own_date_in_words_is_not_a_deadline() -> None:
    text = (
        "Cour du travail de Bruxelles – arrêt\n"
        "Le présent arrêt est exécutoire par provision.\n\n"
        "Ainsi prononcé à Bruxelles, en audience publique de la VIe chambre, le douze mars"
        " deux mille vingt-six."
    )
    assert deadlines(text) == []


#: what the rules above must not take (from a review of this change)
KEPT = [
    (
        # a time limit that ends, in a letter that names an employment contract
        "Arbeitsamt – Eupen, 2. März 2026\n"
        "Ihr Arbeitsvertrag wurde von Ihrem Arbeitgeber beendet. Gegen diese Entscheidung"
        " können Sie Widerspruch einlegen. Die Widerspruchsfrist endet am 2. April 2026.",
        ["2026-04-02"],
    ),
    (
        # the reader's own sending is not the decision's notification
        "CPAS de Seraing – Seraing, le 20 mars 2026\n"
        "Nous avons bien reçu le formulaire que vous nous avez envoyé le 2 mars 2026.\n"
        "Vous pouvez introduire un recours dans les 30 jours de la notification de la présente"
        " décision.",
        ["2026-04-19"],
    ),
    (
        # a wrapped sentence's service word opens a line in lower case
        "Advocatenkantoor – Gent, 10 april 2026\n"
        "Het vonnis werd u op 7 april 2026\n"
        "betekend en is uitvoerbaar vanaf 8 april 2026. U kunt hoger beroep instellen binnen"
        " een maand na de betekening.",
        ["2026-05-07"],
    ),
    (
        # a limit in words is a deadline, not the letter's date
        "Madame,\n"
        "Vous devez libérer les lieux au plus tard le trente et un mai deux mille vingt-six.",
        ["2026-05-31"],
    ),
    (
        "Stadtverwaltung – Eupen, 2. März 2026\n"
        "Vor einer Entscheidung erhalten Sie bis zum 20. März 2026 Gelegenheit zur"
        " Stellungnahme.",
        ["2026-03-20"],
    ),
    (
        "Krankenkasse – Eupen, 2. März 2026\n"
        "Die Erstattung erfolgt nur, wenn Sie die Originalrechnung innerhalb von 14 Tagen"
        " einreichen.",
        ["2026-03-16"],
    ),
    (
        # the reader brings the car to the expert, at a time
        "Assurances – Namur, le 2 mars 2026\n"
        "Merci de présenter votre véhicule à notre expert au garage Dumont le 12 mars 2026 à"
        " 10 heures.",
        ["2026-03-12"],
    ),
]


@pytest.mark.parametrize("text, expected", KEPT)
def test_what_the_new_rules_must_not_take(text: str, expected: list[str]) -> None:
    assert deadlines(text) == expected


def test_a_period_from_a_past_date_or_the_courts_own_day_in_words_is_no_deadline() -> None:
    past = (
        "Service des pensions – Namur, le 20 mars 2026\n"
        "Vous deviez introduire votre demande dans les 30 jours à compter du 2 janvier 2026."
    )
    court = (
        "Justice de paix – Namur, le 2 mars 2026\n"
        "Le tribunal statuera avant le quinze mai deux mille vingt-six."
    )
    assert deadlines(past) == []
    assert deadlines(court) == []
