"""The cover page's help block and the one-page slips, checked the way a person reads them."""

from __future__ import annotations

import datetime as dt
import subprocess

import pikepdf
import pytest

from nextstep.bundle.cover import HelpSection
from nextstep.model import Deadline
from nextstep.referral import (
    SlipError,
    help_section,
    help_sections,
    load_directory,
    referral_slip_pdf,
    reminder_slip_pdf,
    sample_path,
)
from nextstep.referral.slips import covers
from tests.conftest import require_tool

TODAY = dt.date(2026, 11, 27)
APPEAL = (Deadline(dt.date(2026, 12, 20), "appeal", "recours dans les 30 jours"), "asylum")
RENT = (Deadline(dt.date(2026, 12, 10), "payment", "payer avant le"), "housing")
OLD = (Deadline(dt.date(2026, 10, 1), "payment", "old"), "housing")


@pytest.fixture(scope="module")
def directory():  # noqa: ANN201
    return load_directory(sample_path())


def test_deadlines_come_first_with_their_services(directory) -> None:  # noqa: ANN001
    sections = help_sections(
        directory,
        ["asylum", "housing"],
        ["appeal", "payment"],
        [APPEAL, RENT, OLD],
        "nl",
        today=TODAY,
    )
    assert all(isinstance(s, HelpSection) for s in sections)
    rent, appeal = sections[0], sections[1]  # sorted by date; the past one is left out
    assert rent.title.startswith("10/12/2026") and "betaling (paiement)" in rent.title
    assert "over 13 dagen" in rent.title
    assert appeal.title.startswith("20/12/2026") and "beroep (recours)" in appeal.title
    appeal_text = "\n".join(appeal.lines)
    assert "Bureau d'aide juridique" in appeal_text
    assert "advocaat" in appeal_text and "avocat" in appeal_text  # person's language + French
    assert "CPAS" in "\n".join(rent.lines)
    assert not any("01/10/2026" in s.title for s in sections)
    assert "VOORBEELD" in sections[-1].title  # the sample warning reaches the cover
    flat = help_section(
        directory, ["asylum", "housing"], ["appeal", "payment"], [APPEAL, RENT], "nl", today=TODAY
    )
    assert flat.lines[0] == rent.title and flat.title.startswith("Waar vindt u hulp")


def test_rtl_language_has_arabic_labels_with_french_never_english(directory) -> None:  # noqa: ANN001
    sections = help_sections(directory, ["asylum"], ["appeal"], [APPEAL], "ar", today=TODAY)
    first = sections[0]
    assert "recours" in first.title
    assert first.lines[0] == "طعن"
    text = "\n".join(first.lines)
    assert "العنوان / Adresse" in text  # the person's language, French beside it (no brackets)
    assert "(" + "Adresse" not in text
    for english in ("Address", "Hours", "Phone", "appointment", "to check"):
        assert english not in text


def pdf_text_by_ocr(data: bytes) -> str:
    """Render the slip as a printer would and read it back with Tesseract (legibility)."""
    require_tool("pdftoppm")
    require_tool("tesseract")
    png = subprocess.run(
        ["pdftoppm", "-r", "200", "-gray", "-png", "-singlefile", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout
    return subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "fra"], input=png, capture_output=True, check=True
    ).stdout.decode()


def test_referral_slip_is_one_legible_page(directory) -> None:  # noqa: ANN001
    services = directory.services_for(["asylum"], ["appeal"])
    data = referral_slip_pdf(services[:2], "de", directory=directory, today=TODAY)
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1
        box = [float(v) for v in pdf.pages[0].mediabox]
        assert abs(box[2] - 595) < 2 and abs(box[3] - 842) < 2  # A4
    text = pdf_text_by_ocr(data)
    assert "juridique" in text and "Saint-Lambert" in text
    assert "Überweisungsschein" in text or "berweisungsschein" in text
    assert "EXEMPLE" in text  # sample banner


def test_slip_never_spills_to_a_second_page(directory) -> None:  # noqa: ANN001
    data = referral_slip_pdf(list(directory.services), "fr", directory=directory, today=TODAY)
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        assert len(pdf.pages) == 1
    with pytest.raises(SlipError):
        referral_slip_pdf([], "fr")


def test_reminder_slip_shows_dates_and_services(directory) -> None:  # noqa: ANN001
    data = reminder_slip_pdf([APPEAL, RENT, OLD], "fr", directory=directory, today=TODAY)
    text = pdf_text_by_ocr(data)
    assert text.index("10/12/2026") < text.index("20/12/2026")
    assert "01/10/2026" not in text
    assert "dans 13 jours" in text and "recours" in text
    assert "Bureau d'aide juridique" in text or "aide juridique" in text


def test_scripts_the_font_lacks_fall_back_to_french(directory) -> None:  # noqa: ANN001
    assert covers("مهلت‌های من") and not covers("ሓገዝ")
    data = reminder_slip_pdf([APPEAL], "ti", directory=directory, today=TODAY)
    text = pdf_text_by_ocr(data).replace("\n", " ")
    assert "Mes dates limites" in text and "My deadlines" not in text
    assert "Imprimé le / Imprimé le" not in text


@pytest.mark.parametrize("language", ["fr", "nl", "de", "en", "ar"])
def test_reminder_slip_has_a_searchable_text_layer(directory, language: str) -> None:  # noqa: ANN001
    require_tool("pdftotext")
    data = reminder_slip_pdf([APPEAL], language, directory=directory, today=TODAY)
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    flat = " ".join(text.split())
    own = {"fr": "Mes dates limites", "nl": "Mijn termijnen", "de": "Meine Fristen"}
    own |= {"en": "My deadlines", "ar": "مواعيدي النهائية"}
    assert own[language] in flat.replace("\u202b", "").replace("\u202c", "")
    assert "20/12/2026" in flat
