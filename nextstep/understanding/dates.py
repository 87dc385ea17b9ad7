"""Dates in letters: the document's own date, and every deadline with its kind and sentence.

Unlike tools that drop every future date, a future date is exactly what matters here: an
appeal window, an appointment, a payment. A date counts as a deadline when its sentence has a
deadline cue (avant le, uiterlijk, bis zum, no later than, valable jusqu'au, rendez-vous...),
or when it lies after the document's date and nothing says it is a start date. Dates of birth
and past events ("en sa séance du ...") are not deadlines. Relative periods ("dans les 30 jours
de la notification", "binnen 15 dagen na ontvangst") are resolved against the document date
and flagged ``computed``.

The words of these rules, in the four languages, are data: ``data/dates.toml``, read once
here. This module keeps how the patterns are put together from those lists.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

from nextstep.model import Deadline

#: the word lists, by purpose (see the comments in the file)
WORDS: dict[str, Any] = tomllib.loads(
    resources.files("nextstep.understanding").joinpath("data", "dates.toml").read_text("utf-8")
)
_CAL, _TIME, _DOC = WORDS["calendar"], WORDS["time"], WORDS["document_date"]
_HIST, _DUE, _PERIODS = WORDS["history"], WORDS["deadline"], WORDS["periods"]

#: characters of a deadline's sentence kept before and after its date for the learned filter
#: (about five words before, four after: the cue "à payer avant le" or "payé le" sits there)
CONTEXT_BEFORE, CONTEXT_AFTER = 50, 30


def _alt(words: list[str]) -> str:
    """A list of the data file as one alternation, in its order (the first that matches wins)."""
    return "|".join(words)


def _spaced(words: list[str], space: str = r"\s+") -> str:
    """Words each followed by a space, as one alternation: "le\\s+|de\\s+"."""
    return "|".join(w + space for w in words)


_MONTHS: dict[str, int] = {}
for _names in _CAL["months"].values():
    for _i, _n in enumerate(_names, 1):
        _MONTHS[_n] = _i
for _abbr, _i in _CAL["month_variants"].items():
    _MONTHS.setdefault(_abbr, _i)

_MONTH_RE = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_WEEKDAYS = _alt(_CAL["weekdays"])
_DAY_SUFFIX = _alt(_CAL["day_suffixes"])
_DAY_SUFFIX_EN = _alt(_CAL["day_suffixes_en"])
_DAY_OF = _spaced(_CAL["day_month_links"])
_TEXTUAL = re.compile(
    rf"(?:\b(?:{_WEEKDAYS}),?\s+(?:(?:{_alt(_CAL['day_articles'])})\s+)?)?\b(\d{{1,2}})"
    rf"(?:\s*+(?:{_DAY_SUFFIX}))?\s++(?:{_DAY_OF})?({_MONTH_RE})\.?,?\s+(\d{{4}})\b",
    re.I,
)
_TEXTUAL_EN = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:{_DAY_SUFFIX_EN})?,?\s+(\d{{4}})\b", re.I
)
#: "pour le 18 septembre", "vóór 9 oktober", "bis zum 18. September", "by 9 October" (no year)
_NO_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:\s*+(?:{_DAY_SUFFIX}))?\s++(?:{_DAY_OF})?({_MONTH_RE})\b\.?"
    rf"(?!\.?,?\s*\d)",
    re.I,
)
_NO_YEAR_EN = re.compile(
    rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:{_DAY_SUFFIX_EN})?\b(?!,?\s*\d)", re.I
)
#: "mardi 10/03", "pour le 24/07", "vóór 5/3", "am Do. 7.10.": a day and month without the
#: year, read only after a weekday or a word that announces a date (a bare "3/4" is a fraction)
_NO_YEAR_NUM = re.compile(
    # the short weekdays of notes may drop their full stop ("Mi 07.10., 14 Uhr")
    rf"(?:\b(?:{_WEEKDAYS})|\b(?:{_alt(_CAL['weekdays_notes'])})\.?|"
    rf"\b(?:{_alt(_CAL['date_announcers'])}))(?:\s*+,)?\s++(\d{{1,2}})[./](\d{{1,2}})\.?(?![./]?\d)",
    re.I,
)
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([./-])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d/])")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_TIME_AFTER = re.compile(
    r"^[\s,]*(?:(?:" + _alt(_TIME["hour_prepositions"]) + r")?"
    r"\s*\d{1,2}\s*(?:[h:u.]\s*\d{0,2}|" + _alt(_TIME["hour_words"]) + r")|"
    # a time window: "tussen 8 en 16 uur", "zwischen 8 und 12", "between 9 and 12"
    r"(?:" + _alt(_TIME["window_openers"]) + r")\s+\d{1,2}(?:[h:.]\d{2})?\s*"
    r"(?:" + _alt(_TIME["window_links"]) + r")\s*\d{1,2}\b)",
    re.I,
)
#: a time under its own label on the next line: "Date : mercredi 3 juin 2026" / "Heure : 9h15"
_TIME_NEXT_LINE = re.compile(
    r"[ \t,]*\r?\n[ \t]*(?:" + _alt(_TIME["next_line_labels"]) + r")"
    r"(?:[ \t]*:?|(?:[ \t]+|\b(?=['’]))[\w'’]+(?:[ \t]+[\w'’]+){0,2}[ \t]*:)[ \t]*\d{1,2}\s*[h:u.]",
    re.I,
)

_BIRTH = re.compile(r"(?:" + _alt(_HIST["birth"]) + r")[^.\n]{0,40}$", re.I)
#: "send us your date of birth by", "the birth certificate by": the birth is what to send,
#: the date a deadline
_BIRTH_THEN_DUE = re.compile(
    r"(?:" + _alt(_HIST["birth"]) + r")(?:\s+[\w'’-]+)?\s+(?:" + _alt(_DUE["cues"]) + r")\s*$",
    re.I,
)
#: a start date's words: the list, a window's opener ("entre le" before its first day; not
#: "centre le"), or a request "dated" ("demande du")
_START = re.compile(
    r"(?:" + _alt(_HIST["start"]) + r"|\b(?:" + _alt(_HIST["range"]["window_openers"]) + r")|"
    r"(?:" + _alt(_HIST["requests"]) + r")\s+(?:" + _alt(_DOC["dated"]) + r"))"
    r"\s*:?\s*(?:" + _spaced(_HIST["start_articles"]) + r")?$",
    re.I,
)
#: the day a card or certificate was issued, or a payment made: history, never a deadline
#: the words that say a paper was issued or notified ("délivré le", "Afgegeven op",
#: "Ausgestellt am", "Notifié en main propre le", "Kennisgeving gedaan op", "served on")
_ISSUED = _alt(_HIST["issued"])
_ON = _alt(_DOC["date_on"])
_ISSUED_OR_DONE = re.compile(
    # whole words ("reserved" holds "served"); a colon ends a line that announces what follows
    # ("Sie haben eine Vorladung erhalten:" then the appointment on the next line), while a
    # label stands on its own line above its date ("Datum publicatie" / "23-01-2008")
    r"\b(?:" + _ISSUED + r"|" + _alt(_HIST["published"]) + r"|" + _alt(_HIST["done"]) + r")"
    r"(?:\s+(?:" + _ON + r"))?(?:\s*:[ \t]*|\s*)\Z",
    re.I,
)
#: money paid to the reader (a wage, a benefit), not a bill: "seront versés ... vers le",
#: "virement sur votre compte ... le", "wordt gestort op", "paid into your account on"
_PAID_TO_READER = re.compile(r"(?:" + _alt(_HIST["paid_to_reader"]) + r")[^.\n]{0,45}$", re.I)
#: ... or said right after the date ("wordt op 25 mei op je rekening gestort")
_PAID_TO_READER_AFTER = re.compile(
    r"^[^.;\n]{0,15}?\b(?:" + _alt(_HIST["paid_to_reader_after"]) + r")", re.I
)
#: the label of the day a benefit or wage is paid out, as a column heading or a field: a
#: schedule of payments to the reader, unlike "Échéance" / "Vervaldag" / "Uiterste betaaldatum"
#: of a payment plan or a bill
_PAYOUT_LABEL = re.compile(
    "".join(rf"(?<!{w} )" for w in _HIST["payout_not_after"])
    + r"\b(?:"
    + _alt(_HIST["payout_labels"])
    + r")\b",
    re.I,
)


#: how far back a payout heading is looked for: a block longer than this is not a table
PAYOUT_REACH = 3000


def _paid_out(text: str, start: int) -> bool:
    """Whether the date at ``start`` sits under a payout heading: on its own line after the
    label, or in a table (lines without a blank one between) whose first line holds it.
    Looks back at most ``PAYOUT_REACH`` characters, so a text without line breaks stays linear."""
    lo = max(0, start - PAYOUT_REACH)
    line_start = max(lo, text.rfind("\n", lo, start) + 1)
    if _PAYOUT_LABEL.search(text[line_start:start]):
        return True
    block = text.rfind("\n\n", lo, line_start)
    if block < 0 and lo > 0:
        return False  # a block that long is not a table
    head_start = 0 if block < 0 else block + 2
    head_end = text.find("\n", head_start, line_start)
    head = text[head_start : head_end if head_end >= 0 else line_start]
    return bool(_PAYOUT_LABEL.search(head)) and ("|" in head or "\t" in head or "  " in head)


#: a weekday, whole or cut short, as e-mail headers and receipts print it before a date
_SHORT_WEEKDAY = r"(?i:(?:" + _WEEKDAYS + r")|" + _alt(_CAL["weekdays_short"]) + r")\.?,?\s+"
#: a place name as letters print it before their date: capitalised words, with the small
#: words of compound names ("Frankfurt am Main", "Mont-sur-Marchienne", "Sint-Pieters-Leeuw")
_PLACE = (
    r"[A-ZÀ-Ý][\w'’.]+(?:(?:[ \-](?:"
    + _alt(_DOC["place_particles"])
    + r")?)+[A-ZÀ-Ý][\w'’.]+){0,3}"
)
#: what signs a document off with its place: "Fait en deux exemplaires à Liège, le",
#: "Signé à Namur le", "Voor akkoord, Antwerpen", "Getekend te Gent op", "Signed at Leeds on"
_SIGNED_AT = (
    r"(?:" + _alt(_DOC["signed_verbs"]) + r")\b[^\n]{0,40}?\b(?:" + _alt(_DOC["signed_at"])
    + r")\s+" + _PLACE + r"\s*,?\s*(?:" + _alt(_DOC["signed_on"]) + r")?|"
    + r"(?:" + _alt(_DOC["agreed"]) + r"),?\s*" + _PLACE
    + r"\s*,?\s*(?:" + _alt(_DOC["agreed_on"]) + r")?"
)  # fmt: skip
#: labels that name the document's own date ("Date de facture :", "Factuurdatum:",
#: "Rechnungsdatum:", "Date of notice:", "Issue date:")
_LABELS = _DOC["labels"]
_DOCDATE_LABEL = (
    rf"(?:{_alt(_LABELS['date'])})\s+(?:de\s+(?:la\s+)?(?:{_alt(_LABELS['of_fr'])})|"
    rf"du\s+(?:{_alt(_LABELS['of_fr_du'])})|d['’](?:{_alt(_LABELS['of_fr_elided'])})|"
    rf"van\s+(?:de\s+)?(?:{_alt(_LABELS['of_nl'])})|des\s+(?:{_alt(_LABELS['of_de'])})|"
    rf"of\s+(?:the\s+)?(?:{_alt(_LABELS['of_en'])}))|{_alt(_LABELS['whole'])}"
)
#: a place before its date: "Liège, le", "Berlin, den", "Gent,"
_PLACE_HEAD = _PLACE + r"\s*,\s*(?:" + _alt(_DOC["place_date_words"]) + r")?\s*"
_DOCDATE_BEFORE = re.compile(
    r"(?:(?:^|\n)\s*(?:" + _PLACE_HEAD + r"|"
    r"(?:" + _alt(_DOC["heads"]) + r")"
    r"\s*:?\s*(?:"
    + _SHORT_WEEKDAY
    + r")?)|(?:"
    + _SIGNED_AT
    + r"|"
    + _DOCDATE_LABEL
    + r")\s*:?\s*(?:"
    + _SHORT_WEEKDAY
    + r")?)$",
)
#: a date after its place alone: "Namur, le", "Gent,"
_PLACE_DATE = re.compile(r"(?:^|\n)\s*" + _PLACE_HEAD + r"$")
#: a decision or a statement titled with its own date ("Jugement du 15 octobre 2026",
#: "ARRÊT n° 318 442 du", "Décompte n° 2026-21 du", "Urteil vom", "Bescheid vom")
_TITLED = re.compile(
    r"(?:^|\n)\s*(?:" + _alt(_DOC["titles"]) + r")\b[^\n:]{0,30}?"
    r"\b(?:" + _alt(_DOC["dated"]) + r")\s*$"
)
#: a judgment's date as case-law collections and registries head it: a first line naming the
#: court ("France, Cour de cassation, Chambre civile 3, 17 février 2015, 13-28191"), or the
#: hearing it was given at, in capitals ("OPENBARE TERECHTZITTING VAN 13 FEBRUARI 2014")
_COURT_FIRST_LINE = re.compile(r"[^\n]{0,40}\b(?:" + _alt(_DOC["courts"]) + r")\b[^\n]{0,80},\s*")
_HEARING_HEADING = re.compile(r"(?:^|\n)\s*(?:" + _alt(_DOC["hearing_headings"]) + r")\s*$")
#: a judgment's own date: "JUGEMENT prononcé en audience publique le"
_PRONOUNCED = re.compile(r"\b(?:" + _alt(_DOC["pronounced"]) + r")\s+(?:" + _ON + r")\s*$", re.I)
#: how far before its date a judgment's closing line may start ("Ainsi prononcé à Bruxelles,
#: en audience publique de la VIe chambre, le")
PRONOUNCED_REACH = 100
#: a judgment's closing line: "Ainsi jugé et prononcé en audience publique le"
_PRONOUNCED_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?:" + _alt(_DOC["pronounced_line"]) + r"),?\s+(?:(?:" + _ON + r")\s*)?$",
    re.I,
)
#: a request or appeal filed on the date ("Vu la requête introduite le"): a step of the case
_FILED_ON = re.compile(
    r"\b(?:" + _alt(_HIST["requests"]) + r"|" + _alt(_HIST["appeals"]) + r")\s+"
    r"(?:" + _alt(_HIST["filed"]) + r")\s+(?:" + _ON + r")\s*$",
    re.I,
)
#: the day a card was issued or a decision notified: the document's date when it prints
#: no other ("Notifié le", "Ausgestellt am", "Afgegeven op", "Kennisgeving gedaan op")
_ISSUED_ON = re.compile(
    r"\b(?:" + _ISSUED + r")(?:\s+(?:" + _alt(_DOC["issued_at"]) + r")\s+" + _PLACE + r",?)?"
    r"(?:\s+(?:" + _ON + r"))?\s*:?\s*$",
    re.I,
)
#: a printed time stamp right after a date ("16/06/2026 10:42"): a receipt's or an e-mail's
#: own moment, not an appointment ("à 10h", "um 10 Uhr", "at 10:00" have their word)
_STAMP_AFTER = re.compile(
    r"^,?\s+\d{1,2}:\d{2}(?::\d{2})?(?!\s*(?:" + _alt(_TIME["stamp_hour_words"]) + r")\b)", re.I
)

_DEADLINE_CUE = re.compile(
    _alt(_DUE["cues"]) + rf"|(?:{_alt(_DUE['weekday_cues'])}) (?:{_WEEKDAYS})", re.I
)

#: a limit written after its date: "le 18/11 au plus tard", "op 5/3 uiterlijk"
_CUE_AFTER = re.compile(r"^[\s,]*(?:" + _alt(_DUE["cues_after"]) + r")\b", re.I)
_OTHERS = _DUE["others_act"]


def _whole(words: list[str]) -> str:
    """Words as whole words, one of which may end in an apostrophe ("j'", "l'expert")."""
    return r"(?<!\w)(?:" + _alt(words) + r")(?:(?<=['’])|(?!\w))"


#: a limit someone else keeps: a body, the writer or the other side acting by the date
#: ("Le Conseil de recours statue au plus tard le", "I must file my written submissions by")
_OTHERS_ACT = re.compile(
    r"(?:"
    + _whole(_OTHERS["subjects"])
    + r"[^,;:\n]{0,60}?\b(?:"
    + _alt(_OTHERS["verbs"])
    + r")|"
    + _whole(_OTHERS["parties"])
    + r"[^,;:\n]{0,40}?\b(?:"
    + _alt(_OTHERS["party_duties"])
    + r")|"
    + _whole(_OTHERS["filing_parties"])
    + r"[^,;:\n]{0,40}?\b(?:"
    + _alt(_OTHERS["filing_may"])
    + r"))"
    + r"\b[^,;:\n]{0,60}?\b(?:"
    + _alt(_OTHERS["limits"])
    + r")\s*$",
    re.I,
)

#: a period someone else keeps, in its clause before it: "l'expert déposera son rapport dans
#: les trois mois", "die Gläubiger ihre Forderungserklärung innerhalb eines Monats"
_OTHERS_PERIOD = re.compile(
    r"(?:"
    + _whole(_OTHERS["subjects"] + _OTHERS["parties"])
    + r"[^,;:\n]{0,60}?\b(?:"
    + _alt(_OTHERS["verbs"])
    + r")\b|(?<!\w)(?:"
    + _alt(_OTHERS["creditors"])
    + r")\b)[^,;:.\n]{0,60}$",
    re.I,
)

#: an expert's look at a vehicle, set for the date: "Our assessor will inspect the vehicle at
#: the garage on", "De expert zal uw voertuig bekijken op"
_INSPECTION = re.compile(
    _whole(_OTHERS["inspectors"])
    + r"[^,;:.\n]{0,60}?"
    + _whole(_OTHERS["things_inspected"])
    + r"[^,;:.\n]{0,60}$",
    re.I,
)
#: the expert as the object of the reader's act ("présenter votre véhicule à notre expert")
_TO_INSPECTOR = re.compile(r"\b(?:" + _alt(_OTHERS["to_inspector"]) + r")\s*$", re.I)
_INSPECTED_READER = re.compile(r"\b(?:" + _alt(_OTHERS["inspected_not_reader"]) + r")\b")


def _inspection(text: str, lo: int, hi: int) -> bool:
    """Whether the date at ``hi`` is an expert's inspection of a thing, without the reader."""
    x = _INSPECTION.search(text, lo, hi)
    return (
        x is not None
        and not _INSPECTED_READER.search(x.group(0))
        and not _TO_INSPECTOR.search(text, max(lo, x.start() - 20), x.start())
    )


_JOB = _DUE["job_end"]
#: the end of a job's contract or notice, right before its date ("se terminera le dimanche")
_JOB_END = re.compile(
    r"\b(?:" + _alt(_JOB["ends"]) + r")(?:\s+(?:" + _alt(_JOB["end_links"]) + r"))?"
    r"(?:\s+(?:" + _WEEKDAYS + r")\.?,?)?(?:\s+(?:dem|den))?\s*$",
    re.I,
)
_EMPLOYMENT = re.compile(r"\b(?:" + _alt(_JOB["employment"]) + r")\b", re.I)
_HOME = re.compile(r"\b(?:" + _alt(_JOB["homes"]) + r")\b", re.I)
#: what ends is the job, its contract or its notice ("Ce préavis ... se terminera le") ...
_JOB_SUBJECT = re.compile(r"\b(?:" + _alt(_JOB["subjects"]) + r")", re.I)
#: ... not a time limit of the reader's ("Die Widerspruchsfrist endet am")
_JOB_NOT_ENDING = re.compile(r"\b(?:" + _alt(_JOB["time_limits"]) + r")", re.I)


def _others_keep(rx: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Whether ``rx`` (``_OTHERS_ACT`` or ``_OTHERS_PERIOD``) finds someone else's limit in
    [lo, hi) without naming the reader ("Your lawyer must file the appeal by" is the reader's)."""
    x = rx.search(text, lo, hi)
    return x is not None and not _READER.search(x.group(0))


#: with a start date's cue, the words that make the date an end all the same ("à partir du
#: ... jusqu'au")
_UNTIL = re.compile(_alt(_DUE["until"]), re.I)

#: the words of each kind of deadline, in the data file's order: on a tie, the first kind wins
KIND_CUES: dict[str, re.Pattern[str]] = {
    kind: re.compile(_alt(words), re.I) for kind, words in WORDS["kind_cues"].items()
}

_NUMBER_WORDS: dict[str, int] = dict(_PERIODS["number_words"])
_NUM_RE = r"\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_UNIT = _alt(_PERIODS["units"])
_WORD_DAYS: dict[str, int] = dict(_PERIODS["word_days"])
_RELATIVE = re.compile(
    # possessive blanks: a run of them after "binnen" is read once, not shared out
    rf"(?:{_alt(_PERIODS['openers'])})(?:\s++|(?<=['’]))(?:\(\s*+)?"
    rf"({_NUM_RE})\s*"
    rf"(?:\(\s*\d+\s*\)\s*)?({_UNIT})\b"
    # or a period in one word: "sous huitaine"
    rf"|\b(?:{_alt(_PERIODS['word_openers'])})\s++(?P<word>{_alt(list(_WORD_DAYS))})\b",
    re.I,
)


def _period_of(r: re.Match[str]) -> tuple[int, str]:
    """A period's count and unit: "dans les 30 jours" (30, "jours"), "sous huitaine" (8,
    "jours")."""
    if r["word"]:
        return _WORD_DAYS.get(r["word"].lower(), 0), "jours"
    return _count(r.group(1)), r.group(2)


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    start: int
    end: int
    yearless: bool = False  # the year was inferred (next occurrence after the anchor)


def _make(y: int, m: int, d: int) -> dt.date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(name: str) -> int | None:
    key = name.lower().rstrip(".")
    if key in _MONTHS:
        return _MONTHS[key]
    plain = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return _MONTHS.get(plain)


def _next_occurrence(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The next such day on or after ``anchor``; None when the day just went by (a letter of
    27 January writing "on 22 January" tells of the past, one of 20 December writing "by 10
    January" means next year)."""
    this_year = _make(anchor.year, month, day)
    if this_year is None:
        return None
    if this_year >= anchor:
        return this_year
    if (anchor - this_year).days < 120:
        return None
    return _make(anchor.year + 1, month, day)


_ACT = _CAL["act_date"]
#: number words 1-31 of a bailiff's act date, hyphens and spaces alike ("vingt et un")
_ACT_NUMBERS: dict[str, int] = {
    "-".join(w.split()): i for ws in _ACT["numbers"].values() for i, w in enumerate(ws, 1)
}
_ACT_NUMBERS.update({w: 1 for w in _ACT["first"]})
_ACT_NUM_RE = "|".join(
    re.escape(w).replace("\\-", r"[\s-]+") for w in sorted(_ACT_NUMBERS, key=len, reverse=True)
)
#: "L'an deux mille vingt-six, le dix-huit novembre": a bailiff's act dated in words
#: (possessive spaces: a hostile run of blanks after "tweeduizend" must not make the
#: engine try every way of sharing it between three quantifiers)
_ACT_DATE = re.compile(
    rf"\b(?:{_alt(_ACT['openings'])})\s++(?:{_alt(_ACT['thousands'])})"
    rf"(?:[\s-]*+({_ACT_NUM_RE}))?\s*+,?\s*+(?:(?:{_alt(_ACT['day_articles'])})\s++)?"
    rf"({_ACT_NUM_RE}|\d{{1,2}})(?:er|e|ste|de)?\s++({_MONTH_RE})\b",
    re.I,
)

#: a day written in words after its article, with its year in digits or in words ("au plus
#: tard le trente et un mai deux mille vingt-cinq", "Fait à Mons, le quinze mars 2025",
#: "uiterlijk op eenendertig mei tweeduizend vijfentwintig"); the article keeps "un mois"
#: and "dix jours" out, the month name and the year keep "le huit" of a time out
_WORD_DAY_DATE = re.compile(
    rf"(?<=\b(?:{_alt(_ACT['day_articles'])})\s)({_ACT_NUM_RE})\s++({_MONTH_RE})\s++"
    rf"(?:(\d{{4}})\b|(?:{_alt(_ACT['thousands'])})(?:[\s-]*+({_ACT_NUM_RE}))?\b)",
    re.I,
)

#: ... opening its line ("Op tweeëntwintig april tweeduizend zesentwintig," heading a
#: bailiff's act), which dates the document; a day in words after a limit is a deadline
_WORD_DATE_HEAD = re.compile(rf"(?:^|\n)[ \t]*(?:{_alt(_ACT['day_articles'])})\s$", re.I)


def _act_number(word: str) -> int:
    return _ACT_NUMBERS.get("-".join(word.lower().split()), 0) if not word.isdigit() else int(word)


_REF_LABEL = re.compile(r"(?:" + _alt(WORDS["references"]["labels"]) + r")\s*:?\s*$", re.I)


def _in_reference(text: str, s: int, e: int) -> bool:
    """A date-shaped part of a reference number ("Rechnungsnummer 2027-02-15/77", "dossier
    2026/03/15-442", "N° 12.03.2027-5"): glued to more digits, or right after a number label."""
    before, after = text[max(0, s - 2) : s], text[e : e + 2]
    if re.match(r"[/\-.]?\d|[/\-][A-Za-z0-9]", after) or re.search(r"[A-Za-z0-9][/\-]$", before):
        return True
    return bool(_REF_LABEL.search(text[max(0, s - 25) : s]))


class _Spans:
    """Non-overlapping [start, end) spans kept sorted, so that an overlap check costs a
    bisection and not a pass over every date found so far (a date-dense text has thousands)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans: list[tuple[int, int]] = sorted(spans)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self._spans, (e, -1))  # the spans that start before e
        return i > 0 and self._spans[i - 1][1] > s

    def add(self, s: int, e: int) -> None:
        bisect.insort(self._spans, (s, e))

    def starts_within(self, s: int, e: int) -> bool:
        """Whether a span starts in [s, e)."""
        i = bisect.bisect_left(self._spans, (s, -1))
        return i < len(self._spans) and self._spans[i][0] < e

    def within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans that lie wholly in [lo, hi)."""
        out = []
        for s, e in self._spans[bisect.bisect_left(self._spans, (lo, -1)) :]:
            if s >= hi:
                break
            if e <= hi:
                out.append((s, e))
        return out


def find_dates(text: str, *, anchor: dt.date | None = None) -> list[DateMention]:
    """Every absolute date in the text, in order of appearance.

    With an ``anchor`` (the letter's date), a date written without its year ("pour le 18
    septembre") is the next such day on or after the anchor, marked ``yearless``."""
    out: list[DateMention] = []
    spans = _Spans()

    def add(d: dt.date | None, s: int, e: int) -> None:
        if d is None or spans.overlaps(s, e) or _in_reference(text, s, e):
            return
        spans.add(s, e)
        out.append(DateMention(d, s, e))

    for m in _ACT_DATE.finditer(text):
        mo = _month(m.group(3))
        if mo and (day := _act_number(m.group(2))):
            add(
                _make(2000 + (_act_number(m.group(1)) if m.group(1) else 0), mo, day),
                m.start(),
                m.end(),
            )
    for m in _WORD_DAY_DATE.finditer(text):
        mo = _month(m.group(2))
        year = (
            int(m.group(3)) if m.group(3) else 2000 + (_act_number(m.group(4)) if m.group(4) else 0)
        )
        if mo and (day := _act_number(m.group(1))):
            add(_make(year, mo, day), m.start(), m.end())
    for m in _TEXTUAL.finditer(text):
        mo = _month(m.group(2))
        if mo:
            add(_make(int(m.group(3)), mo, int(m.group(1))), m.start(), m.end())
    for m in _TEXTUAL_EN.finditer(text):
        mo = _month(m.group(1))
        if mo:
            add(_make(int(m.group(3)), mo, int(m.group(2))), m.start(), m.end())
    for m in _ISO.finditer(text):
        add(_make(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.start(), m.end())
    for m in _NUMERIC.finditer(text):
        d1, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if mo > 12 and d1 <= 12:
            d1, mo = mo, d1  # month/day order (some English letters)
        add(_make(y, mo, d1), m.start(), m.end())
    if anchor is not None:
        for m in _NO_YEAR_NUM.finditer(text):
            day, mo = int(m.group(1)), int(m.group(2))
            s_, e_ = m.start(1), m.end()
            if not (1 <= day <= 31 and 1 <= mo <= 12) or spans.overlaps(s_, e_):
                continue
            d = _next_occurrence(anchor, mo, day)
            if d is not None:
                spans.add(s_, e_)
                out.append(DateMention(d, s_, e_, yearless=True))
        for rx, di, mi in ((_NO_YEAR, 1, 2), (_NO_YEAR_EN, 2, 1)):
            for m in rx.finditer(text):
                mo = _month(m.group(mi))
                day = int(m.group(di))
                if not mo or not 1 <= day <= 31 or spans.overlaps(m.start(), m.end()):
                    continue
                d = _next_occurrence(anchor, mo, day)
                if d is not None:
                    spans.add(m.start(), m.end())
                    out.append(DateMention(d, m.start(), m.end(), yearless=True))
    out.sort(key=lambda x: x.start)
    return out


#: a full stop, then a capital; not the stop of a German day before its month ("am 10. Juli
#: 2025 zugestellt" is one sentence), nor that of an initial or a title before a name
#: ("cabinet de Me B. Ernst, Liège", "Dr. Lambert")
_SENT_BOUNDARY = re.compile(
    r"(?<=[.!?;])(?!(?<=\d\.)\s+(?i:" + _MONTH_RE + r")\b)"
    r"(?<!\b[A-ZÀ-Ý]\.)"
    + "".join(rf"(?<!\b{t}\.)" for t in _CAL["titles"])
    + r"\s+(?=[A-ZÀ-Ý(])|\n\s*\n|\n(?=[ \t]*(?:[-–•*▪·]|\(?\d{1,2}[.)]|[a-z]\))[ \t])"
)


#: how far a sentence reaches on either side of a date: OCR of a table or of a hostile file
#: can run for pages without a full stop, and every date would scan all of it again
SENTENCE_REACH = 600


def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of the sentence (or paragraph line) that holds [start, end), at most
    ``SENTENCE_REACH`` characters on either side of it."""
    lo, hi = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    s = lo
    for m in _SENT_BOUNDARY.finditer(text, lo, hi):
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            return s, m.start()
    return s, hi


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def _appointment_after(text: str, end: int, next_line: bool = True) -> bool:
    """A time follows the date, on its line or labelled on the next ("Heure : 9h15"): an
    appointment, not a letter's date (unless it is a printed time stamp). ``next_line``
    False: a date after its place ("Namur, le 20 novembre 2026") keeps an opening-hours line
    under it ("Horaire : 9h - 16h") from making it an appointment."""
    after = text[end : end + 20]
    if next_line and _TIME_NEXT_LINE.match(text, end, end + 40):
        return True
    return bool(_TIME_AFTER.match(after)) and not _STAMP_AFTER.match(after)


#: where a paper prints its own heading: a bailiff's "L'an deux mille ..." or a judgment's
#: "prononcé en audience publique le" further down is quoted, not the paper's date
HEAD = 400

#: how far a date's line is read on either side of it: a hostile text can be one line of
#: thousands of dates, and each would read all of it again
LINE_REACH = 300


def _line_bounds(text: str, s: int, e: int) -> tuple[int, int]:
    """Start and end of the line that holds [s, e), read at most ``LINE_REACH`` characters
    either way (cut there when the line is longer)."""
    lo, hi = max(0, s - LINE_REACH), min(len(text), e + LINE_REACH)
    ls, le = text.rfind("\n", lo, s), text.find("\n", e, hi)
    return (ls + 1 if ls >= 0 else lo), (le if le >= 0 else hi)


def _alone_on_line(text: str, m: DateMention) -> bool:
    """The date (with its weekday) is the whole of its line: "26 January 2026" above a
    letter's salutation, as letters print their own date."""
    ls, le = _line_bounds(text, m.start, m.end)
    if (ls > 0 and text[ls - 1] != "\n") or (le < len(text) and text[le] != "\n"):
        return False  # the line runs on beyond reach: not a short line
    if text[ls : m.start].strip() or text[m.end : le].strip().strip(".,").strip():
        return False
    # under a label or a cue ("Échéance :" / "au plus tard le" on the line above) it is the
    # label's date, not the letter's
    above = text[max(0, ls - 81) : max(0, ls - 1)].rstrip()
    return not above.endswith(":") and not _DEADLINE_CUE.search(above[-25:])


def _cells(line: str) -> bool:
    return line.count("|") >= 2 or line.count("\t") >= 2


def _in_table_row(text: str, m: DateMention) -> bool:
    """The date is a cell of a table row ("1 | 15/05/2026 | 125,00") with another row above or
    below it: a schedule's date (a letter's one-line header "Namur | 20/11/2026 | Réf." is not
    a table)."""
    ls, le = _line_bounds(text, m.start, m.end)
    if not _cells(text[ls:le]):
        return False
    if ls > 0 and text[ls - 1] == "\n" and _cells(text[slice(*_line_bounds(text, ls - 1, ls - 1))]):
        return True  # the row above
    return (
        le < len(text)
        and text[le] == "\n"
        and _cells(text[slice(*_line_bounds(text, le + 1, le + 1))])
    )


def document_date(text: str, mentions: list[DateMention] | None = None) -> dt.date | None:
    """The letter's own date: "Liège, le 16 novembre 2026", "Datum: ...", else the first date
    in the top third of the text that is not a birth date."""
    mentions = find_dates(text) if mentions is None else mentions
    newest = max((m.date for m in mentions), default=None)
    for m in mentions:
        before = text[max(0, m.start - 60) : m.start]
        if (
            (
                _DOCDATE_BEFORE.search(before)
                or _TITLED.search(before)
                or _HEARING_HEADING.search(before)
                or _PRONOUNCED_LINE.search(text, max(0, m.start - PRONOUNCED_REACH), m.start)
                or (m.start < 160 and _COURT_FIRST_LINE.fullmatch(text[: m.start]))
            )
            and not _BIRTH.search(before)
            # "Datum: dinsdag 15 december om 08:50"
            and not _appointment_after(text, m.end, next_line=not _PLACE_DATE.search(before))
        ):
            return m.date
    # weaker signs, only when the text has none of those ("Liège, le ..." anywhere wins over
    # a quoted bailiff's formula or a judgment's date cited in a letter)
    for m in mentions:
        before = text[max(0, m.start - 60) : m.start]
        if (
            (
                (
                    m.start < HEAD
                    and (
                        _ACT_DATE.fullmatch(text, m.start, m.end)
                        or (
                            _WORD_DAY_DATE.fullmatch(text, m.start, m.end)
                            and _WORD_DATE_HEAD.search(text, max(0, m.start - 80), m.start)
                        )
                    )
                )
                or (m.start < HEAD and _PRONOUNCED.search(before))
                or (
                    m.start < 600
                    and _alone_on_line(text, m)
                    and newest is not None
                    and (newest - m.date).days <= 5 * 366  # not a birth date under a name
                )
            )
            and not _BIRTH.search(before)
            and not _appointment_after(text, m.end)
        ):
            return m.date
    for m in mentions:  # a card's issue date, a decision's notification, a stamp
        before = text[max(0, m.start - 70) : m.start]
        if (_ISSUED_ON.search(before) or _STAMP.search(before)) and not _BIRTH.search(before):
            return m.date
    limit = max(400, len(text) // 3)
    first_due = min(
        (o.date for o in mentions if _DEADLINE_CUE.search(text[max(0, o.start - 25) : o.start])),
        default=None,
    )
    for m in mentions:
        if m.start > limit:
            break
        before = text[max(0, m.start - 60) : m.start]
        if (
            _BIRTH.search(before)
            or _FILED_ON.search(before)
            or _in_table_row(text, m)
            or _DEADLINE_CUE.search(before[-25:])
            or _RANGE_END.search(before[-40:])
            or _START.search(before[-40:])
            or _appointment_after(text, m.end)
            or (newest is not None and (newest - m.date).days > 2 * 366)  # a birth, a past act
            or (first_due is not None and first_due < m.date)  # a letter predates its deadlines
        ):
            continue
        return m.date
    return None


def _cues(text: str) -> dict[str, _Spans]:
    """Every kind cue of a text, found once, by kind.

    Each date's kind reads the cues of its sentence. Searching each sentence again cost
    about 2 ms a date (six long alternations over up to 1,200 characters), which made a
    date-dense page slow; a lookup by bisection costs next to nothing."""
    return {kind: _Spans(m.span() for m in rx.finditer(text)) for kind, rx in KIND_CUES.items()}


def _kind(cues: dict[str, _Spans], sentence: tuple[int, int], at: int, after: str) -> str:
    """The deadline's kind from the cue nearest before the date at ``at`` (else nearest
    after), among the cues of its ``sentence`` span."""
    s, e = sentence
    appeals = cues["appeal"].within(s, e)
    if _TIME_AFTER.match(after) and not appeals:
        return "appointment"
    best: tuple[int, str] | None = None
    for kind, spans in cues.items():
        for cs, ce in spans.within(s, e):
            dist = at - ce if ce <= at else 10_000 + cs - at
            if best is None or dist < best[0]:
                best = (dist, kind)
    # An appeal dominates its sentence: "un recours ... dans les 30 jours de la notification".
    if any(ce <= at for _, ce in appeals) and best and best[1] != "appointment":
        return "appeal"
    # ... and after the date too, over the verbs that merely go with it ("pour introduire un
    # recours", "om beroep in te dienen"): an appeal is "introduced", "sent", "submitted".
    if appeals and best and best[1] in {"response", "other"}:
        return "appeal"
    return best[1] if best else "other"


def _add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@functools.cache
def _easter(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, as in
    Meeus, *Astronomical Algorithms*, ch. 8): three Belgian public holidays follow it."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_HOLIDAYS_FIXED = frozenset(WORDS["calendar"]["public_holidays"]["fixed"])
_HOLIDAYS_AFTER_EASTER = frozenset(WORDS["calendar"]["public_holidays"]["after_easter"].values())


def is_public_holiday(d: dt.date) -> bool:
    """Whether ``d`` is a Belgian public holiday (the data file's table): a period counted in
    working days passes over it ("le troisième jour ouvrable" after a Thursday before Easter
    is the Wednesday after Easter Monday)."""
    if f"{d.month:02d}-{d.day:02d}" in _HOLIDAYS_FIXED:
        return True
    return (d - _easter(d.year)).days in _HOLIDAYS_AFTER_EASTER


def _add_working_days(d: dt.date, n: int) -> dt.date:
    step = 1 if n >= 0 else -1
    n = abs(n)
    while n > 0:
        d += dt.timedelta(days=step)
        if d.weekday() < 5 and not is_public_holiday(d):
            n -= 1
    return d


_WORKING_DAYS = re.compile(_alt(_PERIODS["working_days"]))
_MONTH_UNIT = re.compile(_alt(_PERIODS["months"]))
_WEEK_UNIT = re.compile(_alt(_PERIODS["weeks"]))
_HOUR_UNIT = re.compile(_alt(_PERIODS["hours"]))
_HOUR_DUTY = re.compile(r"\b(?:" + _alt(_PERIODS["hour_duties"]) + r")\b", re.I)


def resolve_period(base: dt.date, count: int, unit: str) -> dt.date:
    u = unit.lower()
    if _WORKING_DAYS.search(u):
        return _add_working_days(base, count)
    if _MONTH_UNIT.search(u):
        return _add_months(base, count)
    if _WEEK_UNIT.search(u):
        return base + dt.timedelta(weeks=count)
    if _HOUR_UNIT.search(u):
        return base + dt.timedelta(days=-(-count // 24))
    return base + dt.timedelta(days=count)


#: after a date, words that make it the day a change applies rather than something to do
_EFFECT_AFTER = re.compile(r"^[^.;\n]{0,40}?\b(?:" + _alt(_HIST["effect_after"]) + r")", re.I)
#: "le préavis prend cours le premier jour du mois qui suit, soit le ...": the clause says
#: when something starts to run, not what the reader must do
_EFFECT_BEFORE = re.compile(r"(?:" + _alt(_HIST["effect_before"]) + r")[^.;:\n]*$", re.I)
#: "du 14 au", "vom 19. bis", "van 3 tot", "from 14 to": the date that follows ends a range
_RANGE = _HIST["range"]
#: a range's first day as written before its link ("14", "3/4/2026", "1er mars 2026")
_RANGE_DAY = (
    r"(?:\w+\s+)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.\d{1,2}\.?|"
    r"\d{1,2}(?:" + _alt(_RANGE["day_suffixes"]) + r")?(?:\s+(?:" + _MONTH_RE + r")\.?)?"
    r"(?:\s+\d{4})?)"
)
#: words that may name a period between its label and the colon ("Période de facturation :")
PERIOD_LABEL_WORDS = 3
_RANGE_END = re.compile(
    rf"(?:\b(?:{_alt(_RANGE['openers'])})|(?:{_alt(_RANGE['period_labels'])})"
    rf"(?:[ \t]+[\w'’]+){{0,{PERIOD_LABEL_WORDS}}}?[ \t]*:)\s*:?\s+{_RANGE_DAY}"
    rf"\s*(?:{_alt(_RANGE['links'])})\s*:?\s*"
    r"(?:" + _spaced(_RANGE["articles"]) + r")?(?:(?:" + _WEEKDAYS + r")\s+)?$",
    re.I,
)
#: "entre le 16 novembre et le", "tussen 20 april 2026 en": the date that follows is the last
#: day of a window to act in
_WINDOW_END = re.compile(
    rf"\b(?:{_alt(_RANGE['window_openers'])})\s+{_RANGE_DAY}"
    rf"\s+(?:{_alt(_RANGE['window_links'])})\s+(?:(?:{_WEEKDAYS})\s+)?$",
    re.I,
)
#: a range whose end is a deadline: a validity period, a registration or application window
_RANGE_DEADLINE = re.compile(_alt(_RANGE["deadline"]), re.I)
#: a clause's start that runs out within the same clause: "prend cours le ... et expirera le"
_ENDS_HERE = re.compile(_alt(_HIST["ends_here"]), re.I)
_EFFECT_THEN_DUE = re.compile(r"\b(?:" + _alt(_HIST["effect_then_due"]) + r")\b", re.I)
#: relative periods counted from something other than the letter or its notification
_EVENTS = _PERIODS["events"]
_EVENT_ANCHOR = re.compile(
    r"^[^.;\n]{0,25}?\b(?:" + _alt(_EVENTS["after"]) + r")\s+"
    r"(?:" + _spaced([w.replace(" ", r"\s+") for w in _EVENTS["date_of"]]) + r")?"
    r"(?:" + _alt(_EVENTS["articles"]) + r")?\s*"
    r"(" + _alt(_EVENTS["names"] + _EVENTS["exams"] + _EVENTS["rulings"]) + r")",
    re.I,
)
_RULING = re.compile(_alt(_EVENTS["rulings"]), re.I)
_EVENT_WORDS = {group: _alt(words) for group, words in _EVENTS["groups"].items()}
_EXPIRY_EVENT = re.compile(_EVENT_WORDS["expiry"], re.I)
#: a limit word right before a count back from an expiry ("au plus tard 30 jours avant")
_LIMIT_BEFORE = re.compile(r"\b(?:" + _alt(_EVENTS["limits_before"]) + r")\s*$", re.I)
#: "8 Tage vor der Sitzung", "8 jours avant l'audience", "8 dagen vóór de zitting"
_BEFORE_EVENT = re.compile(
    rf"\b({_NUM_RE})\s*({_UNIT})\s+(?:{_alt(_EVENTS['before'])})\s+"
    r"(?:" + _alt(_EVENTS["before_articles"]) + r")?\s*"
    r"(" + _alt(_EVENTS["names"]) + r")",
    re.I,
)
#: a period that is not the reader's to keep: what the office will do ("Sie erhalten innerhalb
#: von 4 Wochen einen Beschluss", "la décision suivra dans les 30 jours"), a third party's
#: delay ("le Procureur dispose d'un délai de deux mois"), or a duty that runs from an
#: event the letter does not date ("signaler tout changement dans les 8 jours", "within 12
#: months of your recognition", "binnen acht dagen na aankomst")
_NOT_YOURS = _PERIODS["not_the_readers"]
_NOT_THE_READERS = re.compile(
    _alt(_NOT_YOURS["office_will"])
    + r"|(?:" + _alt(_NOT_YOURS["answers"]) + r")\s+(?:" + _alt(_NOT_YOURS["answer_follows"])
    + r")|" + _alt(_NOT_YOURS["others_delay"])
    + r"|" + _alt(_NOT_YOURS["any_change"])
    + r"|(?:" + _alt([rf"\b{w}" for w in _NOT_YOURS["if_words"]]) + r")\b[^.,;]{0,30}"
    + r"(?:" + _alt(_NOT_YOURS["change_stems"]) + r")"
    # "de" and its owner each take their blanks whole: a run of blanks after "de" is read once
    + r"|(?:" + _alt(_NOT_YOURS["event_after"]) + r")\s++(?:(?:"
    + _alt(_NOT_YOURS["event_owners"]) + r")\s*+)?(?:" + _alt(_NOT_YOURS["events"]) + r")"
    + r"|" + _alt(_NOT_YOURS["authority_ordered"])
    + r"|" + _alt(_NOT_YOURS["future_ruling"])
    + r"|" + _alt(_NOT_YOURS["refusal_to_come"])
    + r"|" + _alt(_NOT_YOURS["office_pays"])
    + r"|" + _alt(_NOT_YOURS["from_application"])
    # a duty of someone else named in the sentence ("Enregistrement : à charge du bailleur")
    + r"|(?:" + _alt(_NOT_YOURS["charge"]) + r")\s+(?:" + _alt(_NOT_YOURS["charge_of"])
    + r")\s+(?:" + _alt(_NOT_YOURS["charge_parties"]) + r")",
    re.I,
)  # fmt: skip
#: a time limit the law sets for an office or a third party, in one clause: "le CPAS doit
#: prendre sa décision", "het OCMW ... een beslissing moet nemen", "Das ÖSHZ muss innerhalb von
#: 30 Tagen ... entscheiden", "la loi impose au CPAS de statuer"
_CLAUSE = r"[^,;:.\n]{0,80}?"
_DUTY_SUBJECT = r"\b(?:" + _alt(_NOT_YOURS["duty_subjects"]) + r")\b"
#: the reader named ("u", "vous", "Sie", "you"): the other side's appeal in a sentence that
#: names the reader may be the reader's too
_READER = re.compile(r"\b(?:" + _alt(_NOT_YOURS["appeal_not_reader"]) + r")\b", re.I)
_DUTY = re.compile(
    _DUTY_SUBJECT + _CLAUSE + r"\b(?:" + _alt(_NOT_YOURS["duty_words"]) + r")\b" + _CLAUSE
    + r"\b(?:" + _alt(_NOT_YOURS["duty_verbs"]) + r")"
    + r"|" + _DUTY_SUBJECT + _CLAUSE + r"\b(?:" + _alt(_NOT_YOURS["duty_verb_last"]) + r")"
    + r"|(?:" + _alt(_NOT_YOURS["duty_imposed"]) + r")\s*" + _DUTY_SUBJECT + r"\s+de\s+"
    r"(?:" + _alt(_NOT_YOURS["duty_verbs"]) + r")"
    + r"|\b(?:" + _alt(_NOT_YOURS["body_subjects"]) + r")\b" + _CLAUSE
    + r"\b(?:" + _alt(_NOT_YOURS["body_decides"]) + r")\b"
    + r"(?:\s+(?!(?:" + _alt(_NOT_YOURS["body_not_between"]) + r")\b)[\w'’]+){0,3}?\s+"
    + r"(?=" + _alt(_PERIODS["openers"]) + r")"
    + r"|(?P<appeal>\b(?:" + _alt(_NOT_YOURS["appeal_parties"]) + r")\b" + _CLAUSE
    + r"\b(?:" + _alt(_NOT_YOURS["appeal_may"]) + r")\b" + _CLAUSE
    + r"\b(?:" + _alt(_NOT_YOURS["appeal_verbs"]) + r"))",
    re.I,
)  # fmt: skip
#: how far after the duty's verb its period may stand ("... prendre sa décision dans les 30
#: jours"), within the same clause
DUTY_REACH = 45
_CLAUSE_STOP = re.compile(r"[,;:.\n]")


def _duty_regions(text: str) -> _Spans:
    """The clauses that state an office's or a third party's time limit, each from its subject
    to a little after its verb (up to the clause's end), found once per text."""
    out = _Spans()
    for x in _DUTY.finditer(text):
        if x.group("appeal") and _READER.search(text, *sentence_at(text, x.start(), x.end())):
            continue  # "U en uw werkgever kunnen ... beroep instellen": the reader's right too
        stop = _CLAUSE_STOP.search(text, x.end(), x.end() + DUTY_REACH)
        end = stop.start() if stop else min(len(text), x.end() + DUTY_REACH)
        if not out.overlaps(x.start(), end):
            out.add(x.start(), end)
    return out


#: a sentence none of whose dates or periods is the reader's: a worked example ("Exemple : si
#: votre carte expire le 30 juin 2026, ..."), or one that says its time limit is someone
#: else's ("ces délais concernent notre administration", "diese Frist betrifft die Verwaltung")
_SENTENCE_NOT_YOURS = _PERIODS["not_the_readers_sentence"]
_OTHERS_SENTENCE = re.compile(
    r"^\W{0,6}(?:"
    + _alt(_SENTENCE_NOT_YOURS["example"])
    + r")\s*[:,]?\s*(?:"
    + _alt(_SENTENCE_NOT_YOURS["example_case"])
    + r")\b"
    r"|" + _alt(_SENTENCE_NOT_YOURS["someone_elses"]),
    re.I,
)
_NOT_YOURS_SAID = re.compile(_alt(_SENTENCE_NOT_YOURS["not_yours_said"]), re.I)
_YOURS_AFTER = re.compile(_alt(_SENTENCE_NOT_YOURS["yours_after"]), re.I)


def _said_not_yours(text: str, said: list[tuple[int, int]], s: int, e: int, at: int) -> bool:
    """Whether the sentence [s, e) says the time limit at ``at`` is not the reader's: it holds
    a "not your time limit" phrase (``said``: all of the text's, found once), and the date
    stands before it, or after it with nothing naming the reader's own in between."""
    for start, end in said:
        if s <= start < e:
            return at < start or _YOURS_AFTER.search(text, end, at) is None
    return False


#: a stamp on the paper ("[cachet: FEDASIL - CENTRE DE LIÈGE - 09 MARS 2026]", "REÇU LE")
_STAMP = re.compile(
    r"(?:\[\s*(?:"
    + _alt(_HIST["stamp_words"])
    + r")[^\]\n]{0,60}|"
    + _alt(_HIST["stamp_labels"])
    + r")\s*:?\s*$",
    re.I,
)
#: a period counted from a dated notification or decision the sentence names ("dans les
#: trois mois suivant la notification de la décision du 22 septembre 2026")
_DATED_ANCHOR = re.compile(
    r"^[^.;\n]{0,30}?\b(?:" + _alt(_PERIODS["dated_from"]) + r")\s+"
    r"(?:" + _spaced(_PERIODS["dated_articles"], " ") + r")?"
    r"(?:" + _alt(_PERIODS["dated_notices"]) + r")\b[^.;\n]{0,40}?"
    r"\b(?:" + _alt(_DOC["dated"]) + r")\s*$"
    r"|^\s*(?:" + _alt(_PERIODS["dated_start"]) + r")\s*$",
    re.I,
)


def _served_from(articles: list[str]) -> str:
    """A word counting from the service ("from the notification", "na de betekening"): then
    one of ``articles``, then the service's name (group ``notice``)."""
    return (
        r"\b(?:" + _alt(_PERIODS["served_from"]) + r")\s+"
        r"(?:(?:" + _alt(articles) + r")\s*)?"
        r"(?:(?:" + _alt(_PERIODS["served_date_of"]) + r")\s*)?"
        r"(?P<notice>" + _alt(_PERIODS["dated_notices"] + _PERIODS["served_notices"]) + r")\b"
    )


#: a period counted from the service of the decision ("binnen vijftien dagen na de betekening"),
#: and the words that date that service elsewhere in the text ("werd betekend ... op 7 april")
_SERVED_AFTER = re.compile(r"^[^.;\n]{0,25}?" + _served_from(_PERIODS["served_articles"]), re.I)
#: the same, said before the period in its clause: "Vanaf die betekening beschikt u over een
#: termijn van één maand", "À compter de la notification, vous disposez de 30 jours"
_SERVED_BEFORE = re.compile(
    _served_from(_PERIODS["served_articles"] + _PERIODS["served_before_articles"])
    + r"[^.;:\n]{0,60}$",
    re.I,
)
#: a service that is an act of its own, by a bailiff or a court's registry, not the letter's
#: posting: a period from it that the text does not date is not counted from the letter
_SERVICE_ACT = re.compile(r"(?:" + _alt(_PERIODS["service_acts"]) + r")\Z", re.I)
#: the day the law sets after the sending, written right after the period
_THIRD_WORKING_DAY = re.compile(
    r"^[^.;\n]{0,30}?(?:" + _alt(_PERIODS["third_working_day"]) + r")", re.I
)
#: how far after a date its service may be said ("am 4. Mai 2026 per Einschreiben zugestellt")
SERVED_AFTER_REACH = 35
_SERVED_NOT_ACROSS = re.compile(r"\b(?:" + _alt(_PERIODS["served_not_across"]) + r")\b", re.I)
_SERVED_AFTER_NOT_ACROSS = re.compile(
    r"\b(?:" + _alt(_PERIODS["served_after_not_across"]) + r")\b", re.I
)
_SERVED_SAID = re.compile(r"\b(?:" + _alt(_PERIODS["served_said"]) + r")\b", re.I)
#: a label's colon right after the words ("Date de notification :"): the label dates what
#: follows it, never the date on the line above
_LABEL_COLON = re.compile(r"[ \t]*:")
#: the day a period starts, stated in a sentence of its own after it ("zodat de termijn loopt
#: vanaf 20 maart 2025", "le délai commence à courir le")
_RUNS_FROM = re.compile(r"\b(?:" + _alt(_PERIODS["runs_from"]) + r")\s*$", re.I)
#: how far after a period its start may be stated
RUNS_FROM_REACH = 300
_FROM_THAT_DATE = re.compile(
    r"^[^.;\n]{0,30}?\b(?:" + _alt(_PERIODS["from_that_date"]) + r")\b", re.I
)
#: how far before a period "that date" may stand
THAT_DATE_REACH = 300
#: a service still to come, right before its word ("vous sera signifié", "zal worden betekend")
_SERVED_TO_COME = re.compile(r"\b(?:" + _alt(_PERIODS["served_to_come"]) + r")\s*$", re.I)
#: a line that ends right here (blanks only): a heading ("ACTE DE SIGNIFICATION")
_LINE_END = re.compile(r"[ \t]*\r?\n")
#: a line that starts right here (blanks only before, back to the line break)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
#: how far below a service's heading its date may stand ("ACTE DE SIGNIFICATION / Le 4 mars")
HEADING_REACH = 80
#: how far after "réputée notifiée le troisième jour ouvrable ..." the day itself may be stated
DEEMED_STATED_REACH = 60
_DEEMED_SERVED = re.compile(r"\b(?:" + _alt(_PERIODS["deemed_served"]) + r")", re.I)
_NOTICE_PERIOD = re.compile(r"(?:" + _alt(_PERIODS["notice"]) + r")\S*\s*(?:\w+\s+){0,2}$", re.I)


class _EventDates:
    """The dates a text gives its events (an interview, a hearing, a ruling): the dates in a
    sentence that names the event, found once per event and text, so that a text with
    thousands of periods "after the hearing" reads its dates once, not once per period."""

    def __init__(self, text: str, mentions: list[DateMention]) -> None:
        self._text, self._mentions = text, mentions
        self._hits: dict[str, tuple[list[DateMention], list[int]]] = {}
        self._first: dict[tuple[str, dt.date | None], dt.date | None] = {}

    def _of(self, word: str) -> tuple[str, list[DateMention], list[int]]:
        group = next((g for g in _EVENT_WORDS.values() if re.fullmatch(g, word, re.I)), word)
        if group not in self._hits:
            rx, text = re.compile(group, re.I), self._text
            hits = [
                m for m in self._mentions if rx.search(text, *sentence_at(text, m.start, m.end))
            ]
            self._hits[group] = (hits, [m.start for m in hits])
        return (group, *self._hits[group])

    def first(self, word: str, after: dt.date | None) -> dt.date | None:
        """The first date given the event on or after ``after`` (an interview to come)."""
        group, hits, _ = self._of(word)
        if (group, after) not in self._first:
            self._first[group, after] = next(
                (m.date for m in hits if after is None or m.date > after), None
            )
        return self._first[group, after]

    def nearest_before(self, word: str, at: int) -> dt.date | None:
        """The last date given the event before position ``at``, else the first after it (a
        ruling, given before the letter)."""
        _, hits, starts = self._of(word)
        i = bisect.bisect_left(starts, at)
        return hits[i - 1].date if i else (hits[0].date if hits else None)


def _served_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The dates the text gives for the service or notification of a decision: for each word
    that says so, the nearer of the first date after it in its sentence ("notifiée le") and
    the date just before it ("am 3. März 2026 zugestellt"). Only that one: a label line
    without a full stop ("Notification : 05/03/2026") runs on into the next line's
    appointment, which is not a service date."""
    starts = [m.start for m in mentions]
    found: dict[int, DateMention] = {}
    deemed = _Spans((x.start(), x.end()) for x in _DEEMED_SERVED.finditer(text))
    for x in _SERVED_SAID.finditer(text):
        if deemed.overlaps(x.start(), x.end()):
            continue  # "réputée notifiée le troisième jour ouvrable": the law's day, not a date
        if _SERVED_TO_COME.search(text, max(0, x.start() - 20), x.start()):
            continue  # "vous sera signifié": no service yet
        i = bisect.bisect_left(starts, x.end())
        near: list[tuple[int, int]] = []  # (distance, index)
        heading = _LINE_END.match(text, x.end()) is not None  # "ACTE DE SIGNIFICATION" alone
        if (
            i < len(mentions)
            and (
                sentence_at(text, mentions[i].start, mentions[i].end)[0] <= x.start()
                or (heading and mentions[i].start - x.end() <= HEADING_REACH)
            )
            and not _SERVED_NOT_ACROSS.search(text, x.end(), mentions[i].start)
        ):
            near.append((mentions[i].start - x.end(), i))
        before = mentions[i - 1] if i else None
        labelled = near and _LABEL_COLON.match(text, x.end())  # "Datum van kennisgeving: 7/05"
        # a line that opens with the words, capitalised ("Verzonden op 23/04/2025" under
        # "Gent, 22 april 2025", "Ter kennis gebracht ... op 01/07/2026" under "Brussel,
        # 24/06/2026"), dates what follows them, not the line above; a wrapped sentence's
        # "...werd u op 7 april 2026\nbetekend en ..." goes on in lower case
        opens_line = (
            near
            and text[x.start()].isupper()
            and _LINE_START.search(text, max(0, x.start() - 80), x.start())
        )
        if (
            not labelled
            and not opens_line
            and before is not None
            and x.start() < before.end + SERVED_AFTER_REACH
            and sentence_at(text, x.start(), x.end())[0] <= before.start
            and not _SERVED_AFTER_NOT_ACROSS.search(text, before.end, x.start())
        ):
            near.append((x.start() - before.end, i - 1))
        if near:
            j = min(near)[1]
            found[j] = mentions[j]
    return [found[i] for i in sorted(found)]


def _deemed_served(
    text: str, mentions: list[DateMention], sent: dt.date | None
) -> tuple[dt.date | None, DateMention | None]:
    """The day a decision is deemed served when the text says so ("réputée notifiée le
    troisième jour ouvrable qui suit la date d'envoi"): the date its sentence gives after
    those words ("..., soit le 15/05/2026"), else three working days after the posting date
    the sentence gives before them, returned with the date's mention (it is no deadline);
    else three working days after the letter's date ``sent``."""
    x = _DEEMED_SERVED.search(text)
    if x is None:
        return None, None
    s, e = sentence_at(text, x.start(), x.end())
    stated = next((m for m in mentions if x.end() <= m.start < e), None)
    if (
        stated is not None
        and stated.start - x.end() <= DEEMED_STATED_REACH
        # not the period's end: "zodat de termijn verstrijkt op"
        and not _DEADLINE_CUE.search(text, x.end(), stated.start)
    ):
        return stated.date, stated
    posted = [m for m in mentions if s <= m.start < x.start()]
    if posted:  # the posting date: history, as a service date is
        return _add_working_days(posted[-1].date, 3), posted[-1]
    return (_add_working_days(sent, 3) if sent is not None else None), None


def _served_date(served: list[DateMention], at: int) -> dt.date | None:
    """The day of service a period at ``at`` runs from: the last given before it, else the
    first after it, else None (the letter's date)."""
    i = bisect.bisect_left([m.start for m in served], at)
    if i:
        return served[i - 1].date
    return served[0].date if served else None


def _count(raw: str) -> int:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 0)


def _period_deadline(
    text: str, sentence: tuple[int, int], period: tuple[int, int], date: dt.date, kind: str
) -> Deadline:
    """The deadline a period resolves to, with the period and the words before it (and the
    words after it) for the learned filter, inside its sentence."""
    (s, e), (start, end) = sentence, period
    return Deadline(
        date, kind, _clean(text[s:e]), computed=True,
        before=text[max(s, start - CONTEXT_BEFORE) : end],
        after=text[end : min(e, end + CONTEXT_AFTER)],
    )  # fmt: skip


def find_deadlines(
    text: str, *, doc_date: dt.date | None = None, today: dt.date | None = None
) -> list[Deadline]:
    """Every deadline in ``text`` (absolute and relative), ordered by date, deduplicated.

    Only dates on or after the letter's date are deadlines (a notification date or an offence
    date before the letter is history, not something to do)."""
    if doc_date is None:
        doc_date = document_date(text, find_dates(text))
    base = doc_date or today
    mentions = find_dates(text, anchor=base)
    head = max(400, len(text) // 3)
    own_date = next(
        (m for m in mentions if doc_date is not None and m.date == doc_date and m.start < head),
        None,
    )
    out: list[Deadline] = []
    absolute_spans = _Spans()
    cues = _cues(text)
    said = [(x.start(), x.end()) for x in _NOT_YOURS_SAID.finditer(text)]
    served = _served_dates(text, mentions)
    deemed, deemed_said = _deemed_served(text, mentions, doc_date)
    stated = [m for m in mentions if _RUNS_FROM.search(text, max(0, m.start - 40), m.start)]
    stated_at = [m.start for m in stated]
    events = _EventDates(text, mentions)
    served_at = {m.start for m in served + ([deemed_said] if deemed_said else [])}
    employment = _EMPLOYMENT.search(text) is not None
    for m in mentions:
        before = text[max(0, m.start - 60) : m.start]
        if _BIRTH.search(before) and not _BIRTH_THEN_DUE.search(before):
            continue  # a birth date, not "your date of birth by 20 November"
        if doc_date is not None and m.date == doc_date and _DOCDATE_BEFORE.search(before):
            continue
        if m is own_date:
            continue  # the letter's (or e-mail's) own date, even with a time after it
        if _PRONOUNCED_LINE.search(text, max(0, m.start - PRONOUNCED_REACH), m.start):
            continue  # the day a judgment was given
        if base is not None and m.date < base:
            continue
        s, e = sentence_at(text, m.start, m.end)
        sentence = text[s:e]
        if _OTHERS_SENTENCE.search(sentence) or _said_not_yours(text, said, s, e, m.start):
            continue
        local = text[max(s, m.start - 40) : m.start]
        after = text[m.end : m.end + 60]
        timed = _TIME_AFTER.match(after[:20]) is not None
        cue = _DEADLINE_CUE.search(local) or timed or _CUE_AFTER.match(after)
        after_doc = doc_date is not None and m.date > doc_date
        if _ISSUED_OR_DONE.search(text[max(s, m.start - 30) : m.start]):
            continue
        if not cue and m.start in served_at:
            continue  # the day a decision was served: history, the period runs from it
        if _PAID_TO_READER.search(text[max(s, m.start - 70) : m.start]):
            continue
        if _PAID_TO_READER_AFTER.match(after):
            continue
        if _others_keep(_OTHERS_ACT, text, max(s, m.start - 150), m.start):
            continue  # a body's, the writer's or the other side's limit, not the reader's
        if (
            employment
            and _JOB_END.search(text, max(s, m.start - 45), m.start)
            # (in the sentence before, too: "Le préavis est de 5 semaines. Il prend cours ...")
            and _JOB_SUBJECT.search(text, max(0, m.start - 160), m.start)
            and not _HOME.search(sentence)
            and not _JOB_NOT_ENDING.search(text, max(s, m.start - 120), m.start)
        ):
            continue  # the job or its notice ends: a period's end, not a task
        if not timed and _inspection(text, max(s, m.start - 150), m.start):
            continue  # an expert looks at the vehicle; the reader need not be there
        if _paid_out(text, m.start):
            continue
        if _STAMP.search(text[max(0, m.start - 70) : m.start]):
            continue
        window = _WINDOW_END.search(local)
        range_end = None if window else _RANGE_END.search(local)
        if range_end and not _RANGE_DEADLINE.search(text[max(s, m.start - 90) : m.start]):
            continue
        lead = text[max(s, m.start - 90) : m.start]
        effect = _EFFECT_AFTER.match(after) or (
            (eb := _EFFECT_BEFORE.search(lead))
            and not _ENDS_HERE.search(eb.group(0))
            and not _EFFECT_THEN_DUE.search(eb.group(0))
        )
        if effect and not timed:
            continue
        if (
            _START.search(local)
            and not window
            and not _UNTIL.search(local)
            and not timed  # a first day given with its hour is an appointment
        ):
            continue
        if m.yearless and not cue:
            continue
        if not cue and not (after_doc or (doc_date is None and today and m.date >= today)):
            continue
        if m.date.year < 1990:
            continue
        kind = _kind(cues, (s, e), m.start, text[m.end : m.end + 25])
        if range_end and kind not in ("response", "appeal"):
            kind = "expiry"  # the end of a validity period
        out.append(
            Deadline(
                m.date, kind, _clean(sentence), computed=m.yearless,
                before=text[max(s, m.start - CONTEXT_BEFORE) : m.start],
                after=text[m.end : min(e, m.end + CONTEXT_AFTER)],
            )
        )  # fmt: skip
        absolute_spans.add(m.start, m.end)
    if base is not None:
        starts = [m.start for m in mentions]  # in order: find_dates sorts them
        # the "not the reader's" clauses are found once; a period's sentence is searched
        # again only where one of them lies, so a date-dense text stays linear
        not_yours = _Spans((x.start(), x.end()) for x in _NOT_THE_READERS.finditer(text))
        duties = _duty_regions(text)
        for r in _RELATIVE.finditer(text):
            count, unit = _period_of(r)
            if not count:
                continue
            if _NOTICE_PERIOD.search(text[max(0, r.start() - 30) : r.start()]):
                continue  # a notice period runs from its own start, not from the letter
            if _HOUR_UNIT.search(unit.lower()) and not _HOUR_DUTY.search(
                text[max(0, r.start() - 60) : r.end() + 40]
            ):
                continue  # "nous vous répondons dans les 48 heures": the office's
            s, e = sentence_at(text, r.start(), r.end())
            if not_yours.overlaps(s, e) and _NOT_THE_READERS.search(text[s:e]):
                continue
            if duties.overlaps(r.start(), r.end()):
                continue  # an office's or a third party's time limit
            if _others_keep(_OTHERS_PERIOD, text, max(s, r.start() - 150), r.start()):
                continue  # the expert's, the writer's or the creditors' time
            if _OTHERS_SENTENCE.search(text[s:e]) or _said_not_yours(text, said, s, e, r.start()):
                continue
            # "..., also bis zum 24. März" / "so no later than 30 December": the stated date
            # already is the deadline
            if absolute_spans.starts_within(r.end(), e):
                continue
            anchor = base
            in_sentence = mentions[
                bisect.bisect_right(starts, r.end()) : bisect.bisect_left(starts, e)
            ]
            dated = next(
                (x for x in in_sentence if _DATED_ANCHOR.search(text[r.end() : x.start])), None
            )
            if dated is not None:
                anchor = dated.date
            ev = _EVENT_ANCHOR.match(text[r.end() : r.end() + 80])
            served_on: dt.date | None = None
            if ev:
                past = _RULING.fullmatch(ev.group(1)) is not None  # given before the letter
                found = (
                    events.nearest_before(ev.group(1), r.start())
                    if past
                    else events.first(ev.group(1), doc_date)
                )
                if found is None and not past:
                    continue  # counted from an event the letter does not date
                anchor = found or anchor  # an undated ruling: the judgment's own date
            elif (
                dated is None
                and _FROM_THAT_DATE.match(text[r.end() : r.end() + 80])
                and (i := bisect.bisect_left(starts, r.start())) > 0
                and mentions[i - 1].end > r.start() - THAT_DATE_REACH
            ):
                anchor = mentions[i - 1].date
            elif (
                dated is None
                and (j := bisect.bisect_left(stated_at, r.end())) < len(stated)
                and stated_at[j] < r.end() + RUNS_FROM_REACH
            ):
                anchor = stated[j].date  # "zodat de termijn loopt vanaf 20 maart"
            elif dated is None and (
                (sv := _SERVED_AFTER.match(text[r.end() : r.end() + 80]))
                or (sv := _SERVED_BEFORE.search(text[max(s, r.start() - 80) : r.start()]))
            ):
                served_on = _served_date(served, r.start())
                if served_on is None and deemed is None and _SERVICE_ACT.match(sv["notice"]):
                    continue  # served by a bailiff on a day the text does not give
                # a sending date stated and a service deemed some days after it: the later
                dated_service = [d for d in (served_on, deemed) if d is not None]
                anchor = max(dated_service) if dated_service else anchor
            elif dated is None and _THIRD_WORKING_DAY.match(text[r.end() : r.end() + 90]):
                anchor = _add_working_days(anchor, 3)  # the sending's presumed receipt
            date = resolve_period(anchor, count, unit)
            if (served_on is not None or ev or dated is not None) and date < base:
                continue  # served or ruled long ago: the time limit has run out
            kind = _kind(cues, (s, e), r.start(), "")
            out.append(_period_deadline(text, (s, e), (r.start(), r.end()), date, kind))
        for r in _BEFORE_EVENT.finditer(text):
            count = _count(r.group(1))
            if _EXPIRY_EVENT.fullmatch(r.group(3)) and not _LIMIT_BEFORE.search(
                text[max(0, r.start() - 30) : r.start()]
            ):
                continue  # "au plus tôt 45 jours avant la date d'expiration": not a limit
            event = events.first(r.group(3), doc_date)
            if not count or event is None:
                continue
            s, e = sentence_at(text, r.start(), r.end())
            if absolute_spans.starts_within(r.end(), e):
                continue  # "10 dagen vóór de afspraak (dus uiterlijk 14 maart 2027)"
            date = resolve_period(event, -count, r.group(2))
            if date < base:
                continue
            kind = _kind(cues, (s, e), r.start(), "")
            out.append(_period_deadline(text, (s, e), (r.start(), r.end()), date, kind))
    uniq: dict[tuple[dt.date, str], Deadline] = {}
    for d in out:
        uniq.setdefault((d.date, d.kind), d)
    return sorted(uniq.values(), key=lambda d: d.date)
