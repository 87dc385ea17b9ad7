"""Text made to hurt: long runs of blanks after a word the rules look for.

OCR of a page hardly yields such runs, but a hostile file can, and a pattern that shares a
run of blanks between two or three quantifiers in a row tries every way of sharing it:
"binnen" then 1,500 spaces took 1.4 s, "Aktenzeichen" then 3,000 spaces 94 s
(benchmarks/hostile_text.py found them). Each case runs in a child process so that a
regression fails on the time limit instead of hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from nextstep.understanding.classify import score_text, subject_of

#: the words after which a run of blanks was read in quadratic or cubic time, one per pattern
TRIGGERS = [
    "Veuillez payer dans les 8 jours de",  # an event after "de" ("de votre arrivée")
    "Vous devez répondre le",  # a day and month announced ("le 24/07")
    "3",  # a day before its month ("3 mars"), with or without the year
    "binnen",  # a period's opener ("binnen 15 dagen", "innerhalb", "within")
    "innerhalb",
    "within",
    "Aktenzeichen",  # a file number's label ("Aktenzeichen : 12/345")
    "Dossier n°",
]
BLANKS = 50_000


def _runs_in_time(code: str) -> None:
    """Run ``code`` in a child Python under a two-minute limit: a regression fails on the
    limit (TimeoutExpired) or on the child's own assertions, never hangs the suite."""
    done = subprocess.run([sys.executable, "-c", code], timeout=120, check=False)
    assert done.returncode == 0


@pytest.mark.parametrize("blank", [" ", "\n", "\t"], ids=["spaces", "newlines", "tabs"])
def test_a_long_run_of_blanks_after_a_word_is_read_in_linear_time(blank: str) -> None:
    code = (
        "import datetime as dt\n"
        "from nextstep.understanding.classify import score_text, subject_of\n"
        "from nextstep.understanding.dates import document_date, find_deadlines\n"
        "from nextstep.understanding.references import find_references\n"
        "def read(text):\n"
        "    found = find_deadlines(text, today=dt.date(2026, 3, 3))\n"
        "    return document_date(text), [d.date for d in found], find_references(text)\n"
        f"for word in {TRIGGERS!r}:\n"
        f"    text = 'Liège, le 3 mars 2026.\\n' + word + {blank!r} * {BLANKS} + 'x.'\n"
        f"    assert read(text) == read(text.replace({blank!r} * {BLANKS}, ' ')), word\n"
        "    score_text(text)\n"
        "    subject_of(text)\n"
    )
    _runs_in_time(code)


def test_a_run_of_newlines_under_a_subject_is_read_in_linear_time() -> None:
    """The subject line's pattern let its leading blanks run over line ends: 8,000 empty lines
    took 5 s, each line start trying every later one."""
    code = (
        "from nextstep.understanding.classify import subject_of\n"
        "text = 'Objet : rappel\\n' + '\\n' * 100000 + 'Bien à vous\\n'\n"
        "assert subject_of(text) == 'objet : rappel'\n"
    )
    _runs_in_time(code)


def test_a_line_of_blanks_as_long_as_a_title_is_not_a_subject() -> None:
    """A line of twelve blanks or more matched the capitals-title pattern and made the subject
    finder index the words of an empty line: classification crashed on it."""
    text = "Madame,\n" + " " * 20 + "\nVotre bail prend fin.\n  \t" + " " * 30 + "\nBien à vous"
    assert subject_of(text) == ""
    assert score_text(text).scores  # scored, not crashed


def test_a_title_in_capitals_is_still_the_subject() -> None:
    """The subject patterns were rewritten for speed; what they find is unchanged: a title in
    capitals, indented by blanks or a tab, or a labelled subject line."""
    text = "Liège\n\n    MISE EN DEMEURE DE PAYER\n\t\tAVIS DE PASSAGE DE L'HUISSIER\nBetreft: huur"
    assert subject_of(text).strip() == (
        "mise en demeure de payer avis de passage de l'huissier betreft: huur"
    )


def test_a_name_or_a_stem_repeated_thousands_of_times_is_read_in_linear_time() -> None:
    """A case-sensitive name scanned its whole line for each occurrence ("Eneco " 4,000 times
    on one line: 3.9 s at 2,000), and a rule's open-ended word ("resili\\w*") scanned a
    blank-less run of "resiliation" to its end from each "resili" (1.6 s at 4,000)."""
    code = (
        "from nextstep.understanding.classify import score_text\n"
        "cases = {'Eneco ': 'housing', 'ONE ': 'family', 'huurder': 'housing',\n"
        "         'resiliation': None}\n"
        "for unit, category in cases.items():\n"
        "    ev = score_text('Liège, le 3 mars 2026.\\n' + unit * 40000)\n"
        "    top = max(ev.scores, key=ev.scores.__getitem__) if any(ev.scores.values()) else None\n"
        "    assert top == category, unit\n"
    )
    _runs_in_time(code)


def test_a_subject_after_a_form_feed_or_a_no_break_space_is_found() -> None:
    """Pages are joined with a form feed; the rewritten pattern first kept only spaces and
    tabs before a subject (an independent review's finding)."""
    assert subject_of("Page 1.\n\fAVERTISSEMENT-EXTRAIT DE ROLE\nx").strip() == (
        "avertissement-extrait de role"
    )
    assert subject_of("\fObjet : loyer\n").strip() == "objet : loyer"
    assert subject_of("\u00a0Objet : loyer\n").strip() == "objet : loyer"


def test_periods_from_events_stated_starts_and_deemed_service_read_in_linear_time() -> None:
    """Round 13's period starts, repeated thousands of times without a paragraph: a period
    "after the ruling" looked through every date of the text for the ruling's date, and 500
    repeats took 7 s, 2,000 took 82 s; the event dates are now found once per text."""
    shapes = [
        "De termijn bedraagt dertig dagen na de uitspraak. Het vonnis werd op 12/03/2026 "
        "uitgesproken. ",
        "Bezwaar binnen 8 dagen na het gesprek. Uw gesprek was op 02/03/2026. ",
        "Beroep binnen vijf dagen. De termijn loopt vanaf 20/03/2026. ",
        "Recours dans les trois mois de sa notification. Elle est réputée notifiée le "
        "troisième jour ouvrable qui suit. ",
        "ACTE DE SIGNIFICATION\nLe 4 mars 2026, ai signifié le jugement. Appel dans le mois "
        "de la signification. ",
    ]
    code = (
        "import datetime as dt\n"
        "from nextstep.understanding.dates import find_deadlines\n"
        f"for unit in {shapes!r}:\n"
        "    text = 'Liège, le 3 mars 2026.\\n' + unit * 3000\n"
        "    find_deadlines(text, today=dt.date(2026, 3, 3))\n"
    )
    _runs_in_time(code)
