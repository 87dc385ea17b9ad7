"""The document's own date where round 11 found it missed on the development corpora (issue
12.5): a bailiff's act dated in words, an appointment whose time sits on the next line, a
date alone on its line, a judgment pronounced in open court, an order sent to the parties, a
schedule's table; and the periods that follow from it (24 hours). The last tests are an
independent review's cases, where a first version of these rules went wrong. Documents written
for these tests, not copied from any corpus."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from nextstep.understanding.dates import document_date, find_dates, find_deadlines

D = dt.date


def deadlines(text: str, received: str) -> list[str]:
    today = dt.date.fromisoformat(received)
    found = find_deadlines(text, doc_date=document_date(text), today=today)
    return [d.date.isoformat() for d in found]


@pytest.mark.parametrize(
    ("head", "own"),
    [
        ("L'an deux mille vingt-sept, le trois mars,", D(2027, 3, 3)),
        ("L'AN DEUX MILLE VINGT-HUIT, LE VINGT ET UN JANVIER", D(2028, 1, 21)),
        ("L'an deux mille vingt-sept, le premier février", D(2027, 2, 1)),
        ("L'an deux mille trente et un, le 14 octobre", D(2031, 10, 14)),
        ("Het jaar tweeduizend zevenentwintig, op negentien april", D(2027, 4, 19)),
    ],
)
def test_a_bailiffs_act_dated_in_words(head: str, own: dt.date) -> None:
    text = (
        f"{head}\nÀ la requête de la SA Exemple, en vertu d'un jugement rendu le 2 janvier "
        "2027, signifié le 20 janvier 2027, j'ai fait commandement de payer."
    )
    assert own in [m.date for m in find_dates(text)]
    assert document_date(text) == own


def test_an_order_to_pay_within_twenty_four_hours_runs_out_the_next_day() -> None:
    text = (
        "L'an deux mille vingt-sept, le onze mai,\n"
        "En vertu d'un jugement rendu le 3 mars 2027, signifié le 6 avril 2027,\n"
        "j'ai fait commandement de payer dans les vingt-quatre heures la somme de 812,40 EUR."
    )
    assert deadlines(text, "2027-05-11") == ["2027-05-12"]
    nl = "Betaal het bedrag binnen 48 uur op de rekening van het kantoor."
    assert deadlines(nl, "2027-05-11") == ["2027-05-13"]


@pytest.mark.parametrize(
    "letter",
    [
        "Le Centre\n\nDate : jeudi 10 juin 2027\nHeure : 14h30\nLieu : salle 3\n\n"
        "Namur, le 25 mai 2027",
        "Clinic\n\nDate: Thursday 10 June 2027\nTime: 14:30\nPlace: room 3\n\nLeeds, 25 May 2027",
    ],
)
def test_an_appointment_with_its_time_on_the_next_line_is_not_the_letters_date(
    letter: str,
) -> None:
    assert document_date(letter) == D(2027, 5, 25)
    assert deadlines(letter, "2027-05-27") == ["2027-06-10"]


def test_a_date_alone_on_its_line_dates_a_letter_even_after_a_past_expiry() -> None:
    text = (
        "Immigration Office\n\n12 February 2027\nOur reference: AB-1\n\nDear Ms Doe,\n\n"
        "Your card expired on 31 December 2026. Your new permit is valid until 9 May 2029."
    )
    assert document_date(text) == D(2027, 2, 12)
    assert deadlines(text, "2027-02-15") == ["2029-05-09"]


def test_a_judgment_pronounced_in_open_court_is_dated_by_it_not_by_the_request() -> None:
    text = (
        "Justice de paix du canton de Namur\n\nVu la requête déposée le 3 février 2027 ;\n\n"
        "JUGEMENT prononcé en audience publique le 16 mars 2027\n\n"
        "Le défendeur paiera l'arriéré au plus tard le 30 avril 2027."
    )
    assert document_date(text) == D(2027, 3, 16)
    assert deadlines(text, "2027-03-18") == ["2027-04-30"]


def test_a_period_from_the_sending_of_an_order_runs_from_the_day_the_registry_sent_it() -> None:
    text = (
        "ORDONNANCE\n\nVu la requête introduite le 8 février 2027 ;\n\n"
        "Le greffe adresse la présente ordonnance aux parties le 5 avril 2027.\n\n"
        "Si aucune partie ne demande à être entendue dans les quinze jours de l'envoi de la "
        "présente ordonnance, le recours sera rejeté."
    )
    assert document_date(text) == D(2027, 4, 5)
    assert deadlines(text, "2027-04-07") == ["2027-04-20"]


def test_a_schedule_in_a_table_keeps_its_first_instalment() -> None:
    text = (
        "PLAN DE PAIEMENT\n\nN° | Échéance | Montant\n1 | 10/06/2027 | 50,00\n"
        "2 | 10/07/2027 | 50,00\n3 | 10/08/2027 | 50,00\n"
    )
    assert document_date(text) is None
    assert deadlines(text, "2027-06-02") == ["2027-06-10", "2027-07-10", "2027-08-10"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Après la reconnaissance de votre statut, introduisez la demande avant le 2 septembre "
        "2027.",
        "Merci d'avoir pris connaissance de ce courrier ; répondez avant le 2 septembre 2027.",
    ],
)
def test_a_word_that_holds_naissance_is_no_birth_date(sentence: str) -> None:
    assert deadlines("Liège, le 1er juin 2027\n\n" + sentence, "2027-06-02") == ["2027-09-02"]


def test_a_police_visit_on_a_date_is_history_not_an_appointment() -> None:
    text = (
        "Zone de police\n\nL'agent de quartier est passé le 04/05/2027 à 10h20 pour vérifier "
        "votre résidence. Présentez-vous au commissariat au plus tard le 15/05/2027."
    )
    assert deadlines(text, "2027-05-04") == ["2027-05-15"]


def test_a_hostile_run_of_blanks_in_an_act_date_is_read_in_linear_time() -> None:
    """Three blanks' quantifiers in a row made "tweeduizend" followed by 20,000 spaces take
    minutes (each way of sharing the run was tried); possessive ones read it once. Run in a
    child process so that a regression fails on the time limit instead of hanging the suite."""
    code = (
        "from nextstep.understanding.dates import find_dates\n"
        "for head in ('het jaar tweeduizend', \"L'an deux mille vingt-six,\"):\n"
        "    assert find_dates(head + ' ' * 20000 + 'op') == []\n"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=60, check=False)
    assert done.returncode == 0


# --- an independent review's cases (round 11) ------------------------------------------------

LETTER_END = "\n\nMadame,\nVeuillez agir à temps.\n\nLiège, le 20 novembre 2026"


@pytest.mark.parametrize(
    "head",
    [
        "Rappel de paiement\nÉchéance :\n15 décembre 2026",
        "Herinnering\nUiterste betaaldatum:\n15 december 2026",
        "Le montant doit nous parvenir au plus tard le\n15 décembre 2026\nsinon nous relançons.",
    ],
)
def test_a_deadline_alone_under_its_label_is_not_the_letters_date(head: str) -> None:
    text = head + LETTER_END
    assert document_date(text) == D(2026, 11, 20)
    assert "2026-12-15" in deadlines(text, "2026-11-21")


@pytest.mark.parametrize(
    "quoted",
    [
        "Nous avons reçu l'exploit qui commence par « L'an deux mille vingt-cinq, le trois "
        "mars ». Merci de payer dans les 15 jours.",
        "Par jugement prononcé en audience publique le 2 mars 2026, le tribunal vous a "
        "condamnée. Vous pouvez faire appel dans le mois.",
    ],
)
def test_a_quoted_act_or_judgment_date_does_not_date_the_letter(quoted: str) -> None:
    text = "Madame,\n" + quoted + "\n\nLiège, le 20 novembre 2026"
    assert document_date(text) == D(2026, 11, 20)
    assert "2026-11-20" not in deadlines(text, "2026-11-21")


def test_opening_hours_under_a_dated_place_keep_the_letters_date() -> None:
    text = "CPAS de Namur\nNamur, le 20 novembre 2026\nHoraire : 9h - 16h\n\nMadame, ..."
    assert document_date(text) == D(2026, 11, 20)


@pytest.mark.parametrize(
    "sentence",
    [
        "Notre service clientèle vous répond dans les 48 heures.",
        "Our team will reply within 48 hours of receiving your email.",
        "Unser Kundendienst antwortet innerhalb von 24 Stunden.",
    ],
)
def test_an_office_answering_within_hours_is_no_deadline(sentence: str) -> None:
    assert deadlines("Namur, le 20 novembre 2026\n\n" + sentence, "2026-11-21") == []


def test_a_paper_asked_for_that_must_be_recent_gives_no_deadline() -> None:
    text = (
        "Namur, le 20 novembre 2026\n\nJoignez une composition de ménage qui doit dater de "
        "moins de 3 mois."
    )
    assert deadlines(text, "2026-11-21") == []


def test_crlf_line_ends_keep_a_date_alone_on_its_line() -> None:
    text = (
        "Immigration Office\r\n\r\n12 February 2027\r\nOur reference: AB-1\r\n\r\n"
        "Dear Ms Doe,\r\n\r\nYour permit is valid until 9 May 2029."
    )
    assert document_date(text) == D(2027, 2, 12)


@pytest.mark.parametrize(
    "head",
    [
        "Namur | 20/11/2026 | Réf. 4471\n\nMadame,\nRépondez dans les 30 jours.",
        "Déposée le 20 novembre 2026\nRequête en règlement collectif de dettes. Audience le 15 "
        "décembre 2026 à 9h.",
    ],
)
def test_a_one_line_header_or_a_filing_stamp_still_dates_the_paper(head: str) -> None:
    assert document_date(head) == D(2026, 11, 20)
    assert "2026-11-20" not in deadlines(head, "2026-11-21")
