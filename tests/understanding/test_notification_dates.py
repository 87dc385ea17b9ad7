"""A period counted from a notification the paper dates, from a day the law sets after the
sending, or a body's own time to decide (round 12, from the development corpus AG's deadline
failures; every sentence here was written for the test, not copied from a corpus)."""

from __future__ import annotations

import datetime as dt

import pytest

from nextstep.understanding.dates import document_date, find_deadlines, sentence_at


def deadlines(text: str, received: str) -> list[str]:
    found = find_deadlines(
        text, doc_date=document_date(text), today=dt.date.fromisoformat(received)
    )
    return [d.date.isoformat() for d in found]


@pytest.mark.parametrize(
    ("text", "due", "served"),
    [
        (
            "Namur, le 9 mars 2026\n\nVotre demande est rejetée. Vous pouvez introduire un "
            "recours dans les trente jours de la notification de la présente décision.\n\n"
            "Date de notification : 12/03/2026 – remise en mains propres au guichet.",
            "2026-04-11",
            "2026-03-12",
        ),
        (
            "Namur, le 9 mars 2026\n\nUn recours est ouvert dans les trois mois de sa "
            "notification.\n\nNotification : remise en mains propres le 13 mars 2026.",
            "2026-06-13",
            "2026-03-13",
        ),
        (
            "Namur, le 9 mars 2026\n\nRecours : dans les trente jours de la notification.\n\n"
            "Notification : la présente décision vous a été remise le 16/03/2026.",
            "2026-04-15",
            "2026-03-16",
        ),
        (
            "Eupen, den 30. April 2026\n\nSie können innerhalb eines Monats nach Zustellung "
            "dieses Bescheids Klage erheben. Dieser Bescheid wurde Ihnen am 4. Mai 2026 per "
            "Einschreiben zugestellt.",
            "2026-06-04",
            "2026-05-04",
        ),
        (
            "Eupen, den 30. April 2026\n\nGegen diesen Beschluss kann innerhalb von dreißig "
            "Tagen nach seiner Notifizierung Klage erhoben werden.\n\nDem Betreffenden "
            "notifiziert am 08.05.2026.",
            "2026-06-07",
            "2026-05-08",
        ),
        (
            "Hasselt, 4 mei 2026\n\nDit besluit werd u ter kennis gebracht op 6 mei 2026. "
            "Beroep is mogelijk binnen dertig dagen na deze kennisgeving.",
            "2026-06-05",
            "2026-05-06",
        ),
    ],
)
def test_a_period_runs_from_the_notification_the_paper_dates(
    text: str, due: str, served: str
) -> None:
    found = deadlines(text, "2026-05-20" if "mai" in text or "mei" in text else "2026-03-20")
    assert due in found
    assert served not in found  # the day of notification is history


def test_a_german_day_before_its_month_does_not_end_a_sentence() -> None:
    text = "Der Bescheid wurde Ihnen am 4. Mai 2026 zugestellt. Das Verfahren ist kostenlos."
    day = text.index("4. Mai")
    assert sentence_at(text, day, day + 11) == (0, text.index(" Das"))


def test_a_period_from_the_third_working_day_after_the_sending() -> None:
    """Friday 10 July 2026: the third working day after it is Wednesday 15 July."""
    text = (
        "Avertissement-extrait de rôle\nDate d'envoi : 10/07/2026\n\nVous pouvez introduire "
        "une réclamation dans un délai de six mois à compter du troisième jour ouvrable qui "
        "suit la date d'envoi."
    )
    assert deadlines(text, "2026-07-13") == ["2027-01-15"]


def test_a_period_from_the_next_day_is_counted_as_any_period() -> None:
    """A period runs from the day after its event (art. 52 C.J.); "à compter du lendemain"
    restates that and adds no day (an independent review's finding on a first version)."""
    text = (
        "Liège, le 3 septembre 2026\n\nNous vous mettons en demeure de payer la prime dans "
        "les quinze jours à compter du lendemain du dépôt de la présente à la poste."
    )
    assert deadlines(text, "2026-09-05") == ["2026-09-18"]


# --- an independent review's cases (round 12) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label line runs on into the next line: only the date next to the label is served
        (
            "OCMW Gent\nGent, 2 maart 2026\n\nNotification : 05/03/2026\nAfspraak: 24/03/2026"
            "\n\nU kunt binnen dertig dagen na deze kennisgeving beroep aantekenen.",
            ["2026-03-24", "2026-04-04"],
        ),
        (
            "ÖSHZ Eupen\nEupen, den 2. März 2026\n\nNotifiziert am 05.03.2026\nTermin beim "
            "Sozialarbeiter am 24.03.2026\n\nSie können innerhalb von drei Monaten nach "
            "Zustellung Einspruch einlegen.",
            ["2026-03-24", "2026-06-05"],
        ),
        (
            "CPAS de Liège\nLiège, le 2 mars 2026\n\nMadame,\n\nNotification : 05/03/2026\n"
            "Montant : 250,00 EUR\nÀ payer le 31/03/2026\n",
            ["2026-03-31"],
        ),
        # "remise" is also an adjournment, "remises en mains propres" a handing over to come
        (
            "Tribunal du travail de Liège\nLiège, le 2 mars 2026\n\nLa décision vous a été "
            "notifiée le 5 mars 2026. L'affaire a été remise au 15 avril 2026. Vous pouvez "
            "introduire un recours dans les trente jours de la notification.",
            ["2026-04-04", "2026-04-15"],
        ),
        (
            "CPAS de Liège\nLiège, le 2 mars 2026\n\nMadame,\n\nLes clés de l'appartement "
            "seront remises en mains propres le 31 mars 2026 lors de l'état des lieux.",
            ["2026-03-31"],
        ),
        (
            "Stadt Eupen\nEupen, den 2. März 2026\n\nIhr neuer Personalausweis wird Ihnen am "
            "20. März 2026 im Rathaus ausgehändigt.",
            ["2026-03-20"],
        ),
        # the reader deciding is the reader's period
        (
            "ÖSHZ Eupen\nEupen, den 2. März 2026\n\nNach Ihrem Gespräch mit dem ÖSHZ "
            "entscheiden Sie innerhalb von 14 Tagen, ob Sie das Angebot annehmen.",
            ["2026-03-16"],
        ),
        (
            "OCMW Gent\nGent, 2 maart 2026\n\nHet centrum vraagt u om te beslissen binnen de "
            "veertien dagen of u het aanbod aanvaardt.",
            ["2026-03-16"],
        ),
        (
            "Brussels, 2 March 2026\n\nThe board decides unless you object within 30 days.",
            ["2026-04-01"],
        ),
        # a service word does not reach across the reader's act, nor back across a clause
        (
            "CPAS de Liège\nLiège, le 2 mars 2026\n\nMadame,\n\nNotification : vous devez "
            "payer la somme de 120 EUR le 20/03/2026 sur le compte indiqué.\n",
            ["2026-03-20"],
        ),
        (
            "CPAS de Liège\nLiège, le 2 mars 2026\n\nMadame,\n\nPrésentez-vous le 20 mars "
            "2026 avec le document qui vous a été notifié.",
            ["2026-03-20"],
        ),
        (
            "Eupen, den 2. März 2026\n\nSie werden gebeten, am 20. März 2026 das Dokument "
            "mitzubringen, das Ihnen zugestellt wurde.",
            ["2026-03-20"],
        ),
    ],
)
def test_a_reviewers_case(text: str, expected: list[str]) -> None:
    assert deadlines(text, "2026-03-10") == expected


@pytest.mark.parametrize(
    "said",
    [
        "Le Conseil statue en principe dans les trois mois de la réception du recours.",
        "De minister beslist binnen twee maanden na ontvangst van het beroep.",
        "De Raad van State spreekt zich binnen acht dagen uit over de toelaatbaarheid.",
        "The centre will answer your request within fifteen days.",
        "Das Gericht entscheidet in der Regel innerhalb von drei Monaten.",
    ],
)
def test_a_bodys_own_time_to_decide_is_not_the_readers(said: str) -> None:
    text = "Liège, le 2 mars 2026\n\nVotre recours a bien été reçu. " + said
    assert deadlines(text, "2026-03-04") == []


def test_a_body_deciding_what_the_reader_must_do_keeps_the_readers_period() -> None:
    text = (
        "Liège, le 2 mars 2026\n\nLe tribunal décide que vous payez dans les quinze jours "
        "la somme de 300 euros."
    )
    assert deadlines(text, "2026-03-04") == ["2026-03-17"]
