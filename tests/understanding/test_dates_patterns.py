"""Date patterns the independent evaluation showed missing (issue 4): year-less dates,
relative periods anchored on an event, notice periods, restated dates, periods before an
event, past dates, effective dates, ranges, and the response/expiry kinds.

The sentences are written for these tests, not copied from the independent letters."""

from __future__ import annotations

import datetime as dt

from nextstep.understanding.dates import find_deadlines

D = dt.date


def dates(text: str, doc: dt.date) -> dict[dt.date, tuple[str, bool]]:
    return {d.date: (d.kind, d.computed) for d in find_deadlines(text, doc_date=doc)}


def test_dates_without_year_take_the_next_occurrence_and_are_flagged_computed() -> None:
    doc = D(2027, 2, 3)
    assert dates("Veuillez nous renvoyer le talon pour le 20 février.", doc) == {
        D(2027, 2, 20): ("response", True)
    }
    assert D(2027, 3, 1) in dates("Bezorg ons het attest vóór 1 maart.", doc)
    assert D(2027, 2, 15) in dates("Bitte senden Sie das Formular bis zum 15. Februar zurück.", doc)
    assert D(2027, 4, 2) in dates("Please return the form by April 2.", doc)
    # a December letter asking for January means next January
    assert D(2028, 1, 8) in dates("Merci de répondre avant le 8 janvier.", D(2027, 12, 10))


def test_a_day_without_year_that_just_went_by_is_history() -> None:
    doc = D(2027, 5, 20)
    assert dates("After our meeting on 12 May, we can confirm the offer.", doc) == {}
    assert dates("La fête du quartier, comme chaque année, se tient le 30 juin.", doc) == {}


def test_period_counted_from_a_dated_interview_uses_the_interview_date() -> None:
    text = (
        "U wordt verwacht voor een gesprek op 10 maart 2027 om 9 uur. "
        "Bezorg ons de ontbrekende stukken binnen tien dagen na het gesprek."
    )
    got = dates(text, D(2027, 2, 1))
    assert D(2027, 3, 20) in got and got[D(2027, 3, 20)][1]
    assert D(2027, 2, 11) not in got  # not counted from the letter


def test_period_counted_from_an_undated_event_is_not_guessed() -> None:
    text = "Vous devez nous écrire dans les 8 jours après l'entretien."
    assert dates(text, D(2027, 2, 1)) == {}


def test_notice_period_is_not_a_deadline_from_the_letter() -> None:
    text = "De opzeggingstermijn van drie maanden begint te lopen op de eerste dag van de maand."
    assert dates(text, D(2027, 2, 1)) == {}
    text = "La durée du préavis de trois mois court à partir du mois suivant."
    assert dates(text, D(2027, 2, 1)) == {}


def test_a_restated_date_suppresses_the_relative_duplicate() -> None:
    doc = D(2027, 1, 10)
    text = "Sie können innerhalb von 15 Tagen Widerspruch einlegen, also bis zum 25. Januar 2027."
    got = dates(text, doc)
    assert got == {D(2027, 1, 25): ("appeal", False)}
    text = "You may object within 20 days, that is no later than 2 February 2027."
    assert list(dates(text, doc)) == [D(2027, 2, 2)]


def test_period_before_a_dated_hearing_is_counted_back() -> None:
    text = (
        "Die Verhandlung findet am Dienstag, 20. April 2027 um 9 Uhr statt. "
        "Schriftliche Unterlagen reichen Sie bitte spätestens 10 Tage vor der Verhandlung ein."
    )
    got = dates(text, D(2027, 3, 1))
    assert got[D(2027, 4, 20)][0] == "appointment"
    assert got[D(2027, 4, 10)] == ("response", True)
    text = "L'audience aura lieu le 12 mai 2027 à 14h. Déposez vos pièces 5 jours avant l'audience."
    assert D(2027, 5, 7) in dates(text, D(2027, 4, 1))


def test_dates_before_the_letter_are_not_deadlines() -> None:
    doc = D(2027, 3, 15)
    text = (
        "La décision vous a été notifiée le 2 mars 2027. L'infraction a été constatée le "
        "1 février 2027. Vous pouvez introduire un recours avant le 2 avril 2027."
    )
    assert set(dates(text, doc)) == {D(2027, 4, 2)}


def test_effective_dates_and_range_ends_are_not_deadlines() -> None:
    doc = D(2027, 1, 5)
    assert dates("Le nouveau loyer prend cours le 1er mars 2027.", doc) == {}
    assert dates("Date de prise de cours : 1er mars 2027", doc) == {}  # a lease's first day
    assert dates("Die Nebenkosten werden zum 1. März 2027 angepasst.", doc) == {}
    assert dates("De huur wordt vanaf 1 april 2027 geïndexeerd.", doc) == {}
    got = dates("Le séjour linguistique a lieu du 14 au 18 juin 2027.", doc)
    assert D(2027, 6, 18) not in got
    got = dates("Die Klassenfahrt dauert vom 3. bis 7. Mai 2027.", doc)
    assert D(2027, 5, 7) not in got


def test_a_hearing_introduced_by_du_is_kept_and_a_job_start_is_no_deadline() -> None:
    """A job or a course starting is a start date, not something to do by a date (six
    independent writers agree); a first day given with its hour is an appointment."""
    doc = D(2027, 1, 5)
    text = "Vous êtes convoqué à l'audience publique du jeudi 11 février 2027 à 9h30."
    assert dates(text, doc) == {D(2027, 2, 11): ("appointment", False)}
    text = "Je nieuwe job als magazijnier start vanaf maandag 1 februari 2027."
    assert dates(text, doc) == {}
    text = "Ihre Arbeit beginnt ab dem 1. Februar 2027 in der Filiale Eupen."
    assert dates(text, doc) == {}
    text = "Les cours commencent le 14 septembre 2027."
    assert dates(text, doc) == {}
    text = "Début : lundi 1 février 2027 à 6h00, à l'entrepôt de Herstal."
    assert dates(text, doc) == {D(2027, 2, 1): ("appointment", False)}


def test_response_and_expiry_kinds() -> None:
    doc = D(2027, 1, 5)
    assert dates("Laat ons uiterlijk op 20 januari 2027 weten of u komt.", doc) == {
        D(2027, 1, 20): ("response", False)
    }
    assert dates("Teilen Sie uns bitte bis zum 20. Januar 2027 mit, ob Sie kommen.", doc)[
        D(2027, 1, 20)
    ] == ("response", False)
    assert dates("Please confirm by 20 January 2027 that you accept.", doc)[D(2027, 1, 20)][0] == (
        "response"
    )
    assert (
        dates("Votre titre de séjour arrive à échéance le 30 avril 2027.", doc)[D(2027, 4, 30)][0]
        == "expiry"
    )
    assert dates("Your residence card expires on 30 April 2027.", doc)[D(2027, 4, 30)][0] == (
        "expiry"
    )
    # "a valid reason" is not a validity date
    text = "Bij afwezigheid moet u uiterlijk op 12 januari 2027 een geldige reden meedelen."
    assert dates(text, doc)[D(2027, 1, 12)][0] == "response"


def test_a_period_after_the_service_runs_from_the_day_the_text_says_it_was_served() -> None:
    """Round 9, from writer X's court papers: the day of service stands in another sentence
    than the period counted from it. Written for this test."""
    nl = (
        "Het verstekvonnis werd u betekend door gerechtsdeurwaarder Peeters op 12 mei 2027. "
        "U kunt verzet aantekenen binnen een maand na de betekening."
    )
    got = dates(nl, D(2027, 5, 3))
    assert got == {D(2027, 6, 12): ("appeal", True)}  # not 3 June, from the letter
    fr = (
        "Le jugement vous a été signifié par huissier le 4 octobre 2027. "
        "Le délai d'appel est d'un mois à compter de la signification."
    )
    assert set(dates(fr, D(2027, 10, 8))) == {D(2027, 11, 4)}
    de = (
        "Der Bescheid wurde Ihnen am 2. März 2027 zugestellt. "
        "Sie können innerhalb eines Monats nach der Zustellung Klage erheben."
    )
    assert D(2027, 3, 10) not in dates(de, D(2027, 3, 8))


def test_a_period_after_a_service_long_past_is_no_deadline() -> None:
    text = (
        "La décision vous a été notifiée le 3 janvier 2027. "
        "Un recours pouvait être introduit dans les trente jours de la notification."
    )
    assert dates(text, D(2027, 2, 20)) == {}


def test_a_period_after_an_undated_service_still_runs_from_the_letter() -> None:
    text = "Vous pouvez introduire un recours dans les trente jours de la notification."
    assert set(dates(text, D(2027, 2, 1))) == {D(2027, 3, 3)}
