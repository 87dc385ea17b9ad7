"""Where a period starts, and whose limit a date is (round 13, from the development corpus
AG's deadline failures; every sentence here was written for the test, not copied from a
corpus): a decision deemed served on the third working day, a bailiff's service the paper does
not date, a start stated after the period, a ruling already given, "dans le mois", and limits
that a court, the writer or the other side keep."""

from __future__ import annotations

import datetime as dt

import pytest

from nextstep.understanding.dates import document_date, find_deadlines, sentence_at


def deadlines(text: str, received: str) -> list[str]:
    found = find_deadlines(
        text, doc_date=document_date(text), today=dt.date.fromisoformat(received)
    )
    return [d.date.isoformat() for d in found]


def test_an_initial_before_a_name_does_not_end_the_sentence() -> None:
    text = "Elle a été remise au cabinet de Me R. Lenoir, à Namur, le 4 mai 2026. Fin."
    at = text.index("4 mai")
    s, e = sentence_at(text, at, at + 5)
    assert text[s:e].startswith("Elle a été remise")
    assert sentence_at(text, text.index("Fin"), len(text))[0] == text.index("Fin")


def test_a_notification_across_an_initial_dates_the_period() -> None:
    text = (
        "Bruxelles, le 2 mars 2026\n\nVous pouvez introduire un recours dans un délai de dix "
        "jours à compter de la notification de la présente décision.\n\nLa présente décision "
        "a été notifiée au domicile élu (cabinet de Me R. Lenoir, Namur) par pli reçu le 5 "
        "mars 2026."
    )
    assert deadlines(text, "2026-03-06") == ["2026-03-15"]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # posted on Thursday 5 March 2026: deemed served Tuesday 10 March
        (
            "Liège, le 5 mars 2026\n\nRecours : vous pouvez saisir le tribunal du travail dans "
            "les trois mois de sa notification. La présente décision est envoyée par pli "
            "recommandé déposé à la poste le 5 mars 2026 ; elle est réputée notifiée le "
            "troisième jour ouvrable qui suit ce dépôt.",
            "2026-06-10",
        ),
        # no posting date: three working days after the letter's date (Monday 9 March ->
        # Thursday 12 March)
        (
            "Liège, le 9 mars 2026\n\nVous pouvez contester cette décision dans un délai de "
            "trois mois à compter de sa notification. Elle est réputée notifiée le troisième "
            "jour ouvrable qui suit la date d'envoi mentionnée ci-dessus.",
            "2026-06-12",
        ),
        # the paper states the deemed day itself: it is no deadline, the period runs from it
        (
            "Bruxelles, le 9 mars 2026\n\nUn recours peut être introduit dans les trente "
            "jours qui suivent la notification de la décision. Elle est réputée notifiée le "
            "troisième jour ouvrable qui suit la remise à la poste, soit le 12/03/2026.",
            "2026-04-11",
        ),
    ],
)
def test_a_decision_deemed_served_on_the_third_working_day(text: str, due: str) -> None:
    assert deadlines(text, "2026-03-13") == [due]


def test_a_bailiffs_service_the_paper_does_not_date_counts_nothing() -> None:
    text = (
        "Jugement du 3 mars 2026\n\nLe présent jugement est susceptible d'appel dans le délai "
        "d'un mois à compter de sa signification."
    )
    assert deadlines(text, "2026-03-05") == []


def test_a_bailiffs_service_the_paper_dates_counts_from_that_day() -> None:
    text = (
        "Gent, 3 maart 2026\n\nU kunt verzet aantekenen binnen vijftien dagen na de betekening "
        "van het vonnis. De betekening is gebeurd op 10 maart 2026."
    )
    assert deadlines(text, "2026-03-11") == ["2026-03-25"]


def test_a_german_delivery_without_its_date_counts_from_the_letter() -> None:
    text = (
        "Eupen, den 3. März 2026\n\nGegen diesen Bescheid kann innerhalb von 30 Tagen nach "
        "Zustellung Widerspruch eingelegt werden."
    )
    assert deadlines(text, "2026-03-05") == ["2026-04-02"]


def test_a_start_stated_after_the_period_moves_it() -> None:
    text = (
        "Hasselt, 16 maart 2026\n\nHet beroep moet aangetekend worden verstuurd binnen vijf "
        "kalenderdagen. Deze termijn begint te lopen de derde dag na de verzending; deze brief "
        "werd verzonden op 16 maart 2026, zodat de termijn loopt vanaf 19 maart 2026."
    )
    assert deadlines(text, "2026-03-17") == ["2026-03-24"]


def test_a_period_after_a_ruling_the_letter_dates() -> None:
    text = (
        "Datum: 16 maart 2026\n\nBeste meneer, de politierechtbank heeft op donderdag 12 "
        "maart 2026 vonnis uitgesproken in uw zaak. U kunt hoger beroep instellen. De termijn "
        "daarvoor bedraagt dertig dagen na de uitspraak."
    )
    assert deadlines(text, "2026-03-17") == ["2026-04-11"]


@pytest.mark.parametrize(
    ("text", "due"),
    [
        (
            "Liège, le 2 mars 2026\n\nLe présent jugement a été notifié aux parties par pli "
            "judiciaire le 6 mars 2026.\n\nIl est susceptible d'appel dans le mois de sa "
            "notification.",
            ["2026-04-06"],
        ),
        (
            "Liège, le 2 mars 2026\n\nFaites réaliser une prise de sang par votre médecin "
            "dans le mois qui précède.",
            [],
        ),
        (
            "Liège, le 2 mars 2026\n\nL'audience est fixée. Le jugement sera prononcé dans le "
            "mois suivant l'audience.",
            [],
        ),
    ],
)
def test_dans_le_mois(text: str, due: list[str]) -> None:
    assert deadlines(text, "2026-03-07") == due


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Conseil de recours statue au plus tard le 20 avril 2026.",
        "De beroepscommissie beslist ten laatste op 20 april 2026.",
        "Je déposerai mes conclusions au greffe pour le 20 avril 2026.",
        "The ONEM must file its written submissions by 20 April 2026.",
        "I must file my written submissions by 20 April 2026.",
        "Les créanciers ont répondu ; je leur ai laissé un délai de trente jours.",
    ],
)
def test_a_limit_someone_else_keeps_is_not_the_readers(sentence: str) -> None:
    assert deadlines(f"Liège, le 2 mars 2026\n\n{sentence}", "2026-03-04") == []


@pytest.mark.parametrize(
    ("sentence", "due"),
    [
        ("Vous déposerez vos conclusions au greffe pour le 20 avril 2026.", "2026-04-20"),
        ("Please file your written submissions by 20 April 2026.", "2026-04-20"),
    ],
)
def test_the_readers_own_filing_stays(sentence: str, due: str) -> None:
    assert deadlines(f"Liège, le 2 mars 2026\n\n{sentence}", "2026-03-04") == [due]


# round 13, from the development corpus AJ (a justice of the peace's registry and a legal-aid
# firm's papers), read after its held-out figures


@pytest.mark.parametrize(
    "closing",
    [
        "Ainsi jugé et prononcé en audience publique le 20 mars 2026.",
        "Prononcé en audience publique le 20 mars 2026.",
        "So verkündet in öffentlicher Sitzung am 20. März 2026.",
        "Gewezen in raadkamer op 20 maart 2026.",
    ],
)
def test_a_judgments_closing_line_dates_it_and_is_no_deadline(closing: str) -> None:
    text = (
        "TRIBUNAL DE LA FAMILLE\n\nVu la requête déposée le 2 février 2026 ;\n\n"
        f"PAR CES MOTIFS, le tribunal fixe la contribution alimentaire.\n\n{closing}\n"
    )
    assert document_date(text) == dt.date(2026, 3, 20)
    assert deadlines(text, "2026-03-25") == []


def test_a_judgment_cited_in_a_letter_does_not_date_the_letter() -> None:
    text = (
        "Liège, le 25 mars 2026\n\nMadame,\n\nLe jugement prononcé en audience publique le 20 "
        "mars 2026 vous est favorable."
    )
    assert document_date(text) == dt.date(2026, 3, 25)


@pytest.mark.parametrize(
    "sentence",
    [
        "De tegenpartij moet haar stukken vóór 20 april 2026 meedelen; ik stuur ze u door.",
        "The other side's lawyer must send me her written submissions by 20 April 2026.",
        "L'expert déposera son rapport au greffe dans les trois mois.",
        "Die Gläubiger müssen ihre Forderung innerhalb eines Monats beim Vermittler anmelden.",
    ],
)
def test_the_other_sides_or_the_experts_time_is_not_the_readers(sentence: str) -> None:
    assert deadlines(f"Liège, le 2 mars 2026\n\n{sentence}", "2026-03-04") == []


def test_the_readers_own_lawyer_filing_for_the_reader_stays() -> None:
    text = "Liège, le 2 mars 2026\n\nYour lawyer must file the appeal by 20 April 2026."
    assert deadlines(text, "2026-03-04") == ["2026-04-20"]


def test_a_bailiffs_act_of_notification_dates_the_service() -> None:
    text = (
        "Bruxelles, le 2 mars 2026\n\nUn recours peut être introduit dans les trente jours "
        "suivant sa notification.\n\nACTE DE NOTIFICATION\nLe 6 mars 2026, je soussigné, agent "
        "de l'administration communale, ai notifié la présente décision à l'intéressé."
    )
    assert deadlines(text, "2026-03-07") == ["2026-04-05"]


@pytest.mark.parametrize(
    "line",
    [
        "Datum uitgifte: 20/03/2026",
        "Imprimé le 20/03/2026 à 20:41",
        "Startdatum opleiding: 20/03/2026",
        "Procès-verbal de saisie-exécution dressé le 20/03/2026.",
        "Votre rendez-vous (complété par le CPAS le 20/03/2026)",
    ],
)
def test_printed_issued_started_and_recorded_days_are_history(line: str) -> None:
    assert deadlines(f"Liège, le 2 mars 2026\n\n{line}\n", "2026-03-04") == []


def test_a_future_record_is_not_history() -> None:
    text = "Liège, le 2 mars 2026\n\nL'état des lieux sera dressé le 20 mars 2026 à 10 h."
    assert deadlines(text, "2026-03-04") == ["2026-03-20"]


def test_the_end_of_an_authorisations_range_is_its_expiry() -> None:
    text = "Namur, le 2 mars 2026\n\nDurée de l'autorisation : du 02/03/2026 au 01/03/2027.\n"
    found = find_deadlines(text, doc_date=document_date(text), today=dt.date(2026, 3, 4))
    assert [(d.date.isoformat(), d.kind) for d in found] == [("2027-03-01", "expiry")]


def test_a_period_from_that_date_runs_from_the_date_before_it() -> None:
    text = (
        "Dear Sir,\n\nLiège, 16 March 2026\n\nThe decision was notified to you at the town hall "
        "on 12 March 2026. An appeal must be lodged within 30 days from that date."
    )
    assert deadlines(text, "2026-03-17") == ["2026-04-11"]


# an independent reviewer (a helper that had not seen the code) wrote 90 letters against this
# round's first version; 29 disagreed with the rules as the reviewer read them. These are the
# mended ones (service to come, an act of service under its heading, Dutch and German deemed
# service, "binnen de maand", the writer's own filing, an expert's period, a Dutch permit's
# range); what stays open is listed in docs/benchmarks.md, round 13.
@pytest.mark.parametrize(
    ("text", "received", "due"),
    [
        (  # review #1
            "Namur, le 4 mars 2026\n\nMadame,\n\nVotre demande d'allocation a été "
            "refusée. La présente décision, envoyée par pli recommandé le 5 mars 2026, "
            "est réputée notifiée le troisième jour ouvrable qui suit sa remise aux "
            "services postaux. Vous pouvez introduire un recours dans les 30 jours de "
            "la notification.",
            "2026-03-04",
            ["2026-04-09"],
        ),
        (  # review #4
            "Brussel, 6 maart 2026\n\nMevrouw,\n\nDe beslissing wordt geacht ter "
            "kennis te zijn gebracht op de derde werkdag volgend op die waarop de "
            "zending aan de postdiensten werd overhandigd. U kunt binnen dertig dagen "
            "na de kennisgeving beroep instellen bij de Raad voor "
            "Vreemdelingenbetwistingen.",
            "2026-03-06",
            ["2026-04-10"],
        ),
        (  # review #5
            "Eupen, den 6. März 2026\n\nSehr geehrter Herr Schmitz,\n\nDer Bescheid "
            "gilt als am dritten Werktag nach seiner Übergabe an die Postdienste "
            "notifiziert. Gegen diesen Bescheid können Sie innerhalb eines Monats nach "
            "der Notifizierung Widerspruch einlegen.",
            "2026-03-06",
            ["2026-04-11"],
        ),
        (  # review #12
            "Liège, le 3 mars 2026\n\nCher Monsieur,\n\nLe jugement rendu le 20 "
            "février 2026 vous sera signifié par huissier dans les prochains jours. "
            "Vous disposerez d'un délai d'un mois à dater de la signification pour "
            "interjeter appel.\n\nMe B. Ernst",
            "2026-03-03",
            [],
        ),
        (  # review #14
            "Gent, 12 maart 2026\n\nGeachte mevrouw,\n\nDe betekening is gebeurd op 9 "
            "maart 2026. U kunt binnen de maand na de betekening hoger beroep "
            "instellen.",
            "2026-03-12",
            ["2026-04-09"],
        ),
        (  # review #17
            "ACTE DE SIGNIFICATION\n\nLe 4 mars 2026, à la requête de la SA Immo Plus, "
            "je soussigné, Jean Dupont, huissier de justice à Namur, ai signifié à "
            "Monsieur Paul Martin le jugement rendu par le juge de paix le 12 février "
            "2026.\n\nLe présent jugement est susceptible d'appel dans le délai d'un "
            "mois à compter de la signification.",
            "2026-03-04",
            ["2026-04-04"],
        ),
        (  # review #19
            "Liège, le 10 mars 2026\n\nMonsieur,\n\nLa partie adverse peut former "
            "appel incident ; vous pouvez interjeter appel dans un délai d'un mois à "
            "compter de la signification, intervenue le 3 mars 2026.",
            "2026-03-10",
            ["2026-04-03"],
        ),
        (  # review #49
            "Eupen, den 4. März 2026\n\nSehr geehrte Frau Heinen,\n\nDer "
            "Sachverständige wird sein Gutachten innerhalb von drei Monaten "
            "hinterlegen.",
            "2026-03-04",
            [],
        ),
        (  # review #51
            "Liège, le 2 mars 2026\n\nMonsieur,\n\nJe dois déposer nos conclusions au "
            "plus tard le 30 mars 2026. Je vous remercie de m'adresser vos remarques "
            "sur le projet pour le 23 mars 2026.",
            "2026-03-02",
            ["2026-03-23"],
        ),
        (  # review #55
            "Liège, le 2 mars 2026\n\nMonsieur,\n\nNous déposerons nos conclusions "
            "pour le 30 mars 2026 au plus tard, pour autant que vous nous fassiez "
            "parvenir vos remarques pour le 23 mars 2026.",
            "2026-03-02",
            ["2026-03-23"],
        ),
        (  # review #73
            "Vlaamse overheid – Arbeidskaart\n\nDuur van de machtiging: van 1 maart "
            "2026 tot 28 februari 2027.",
            "2026-03-04",
            ["2027-02-28"],
        ),
    ],
)
def test_the_reviewers_letters(text: str, received: str, due: list[str]) -> None:
    assert sorted(set(deadlines(text, received))) == due
