"""The cover and key card in the person's language: right-to-left pages laid out by the bidi
algorithm with a text layer that poppler, pdfium and mupdf read back in the printed words,
no English fallback, and snapshots rendered by two readers (poppler and pdfium)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from nextstep.bundle import keycard
from nextstep.bundle.cover import render_cover
from nextstep.bundle.manifest import DocumentMeta
from nextstep.model import Document
from tests.bundle.bundle_samples import make_document, require_tool

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
UPDATE = os.environ.get("NEXTSTEP_UPDATE_SNAPSHOTS") == "1"
PHRASE = "6106277604-1296263930-4830213486"
CREATED = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
ENGLISH = (
    "Where to get help",
    "Deadlines",
    "Reference numbers",
    "My documents",
    "Address",
    "Hours",
    "Phone",
    "pages",
    "appeal",
    "payment",
    "cgra_file",
    "national_register",
)


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    return [
        make_document(
            [["Convocation CGRA"]],
            "asylum",
            title="Refus",
            date=dt.date(2026, 11, 2),
            deadlines=[(dt.date(2026, 12, 20), "appeal")],
            references=[("cgra_file", "26/12345")],
        ),
        make_document(
            [["Loyer"], ["Rappel"]],
            "housing",
            title="Loyer",
            date=dt.date(2026, 11, 20),
            deadlines=[(dt.date(2026, 12, 10), "payment")],
            references=[("national_register", "91031412727")],
        ),
    ]


def help_for(documents: list[Document], language: str) -> list:  # type: ignore[type-arg]
    from nextstep.referral import (
        deadlines_from_documents,
        help_sections,
        load_directory,
        sample_path,
    )

    pairs = deadlines_from_documents(documents)
    return help_sections(
        load_directory(sample_path()),
        [c for _, c in pairs],
        [d.kind for d, _ in pairs],
        pairs,
        language,
        today=CREATED.date(),
    )


def cover_pdf(documents: list[Document], language: str) -> bytes:
    metas = [DocumentMeta.from_document(d) for d in documents]
    pages = render_cover(
        metas,
        language=language,
        created=CREATED,
        bundle_id="NS-ABCDEFGH23",
        labels=[f"D{i + 1}" for i in range(len(metas))],
        help_sections=help_for(documents, language),
    )
    return keycard.card_pdf(pages)


def card_pdf(documents: list[Document], language: str) -> bytes:
    return keycard.make_card(
        PHRASE,
        bundle_id="NS-ABCDEFGH23",
        created=CREATED.date(),
        language=language,
        back=help_for(documents, language),
    )


def poppler_text(data: bytes, page: int = 1) -> str:
    out = subprocess.run(
        [require_tool("pdftotext"), "-f", str(page), "-l", str(page), "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return BIDI_MARKS.sub("", out)


def pdfium_text(data: bytes, page: int = 1) -> str:
    return BIDI_MARKS.sub("", pdfium.PdfDocument(data)[page - 1].get_textpage().get_text_range())


def mupdf_text(data: bytes, tmp_path: Path, page: int = 1) -> str:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    out = subprocess.run(
        [require_tool("mutool"), "draw", "-q", "-F", "txt", str(path), str(page)],
        capture_output=True,
        check=True,
    ).stdout.decode()
    return BIDI_MARKS.sub("", out)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ("Échéances", "numéro CGRA", "numéro de registre national", "2 pages", "1 page")),
        ("nl", ("Termijnen", "CGVS-nummer", "rijksregisternummer", "2 pagina's", "1 pagina")),
        ("de", ("Fristen", "GKFS-Aktenzeichen", "Nationalregisternummer", "2 Seiten", "1 Seite")),
        ("en", ("Deadlines", "CGRA file number", "national register number", "2 pages", "1 page")),
    ],
)
def test_cover_in_each_complete_language(
    documents: list[Document], language: str, words: tuple[str, ...], tmp_path: Path
) -> None:
    data = cover_pdf(documents, language)
    for text in (poppler_text(data), pdfium_text(data), mupdf_text(data, tmp_path)):
        found = flat(text)
        for word in words:
            assert word in found, (language, word)
        assert "1 pages" not in found and "cgra_file" not in found
        if language != "fr":
            assert "Échéances" in found  # French beside the person's language


@pytest.mark.parametrize("reader", ["poppler", "pdfium", "mupdf"])
def test_arabic_cover_text_layer_reads_back_the_printed_words(
    documents: list[Document], reader: str, tmp_path: Path
) -> None:
    data = cover_pdf(documents, "ar")
    text = {
        "poppler": lambda: poppler_text(data),
        "pdfium": lambda: pdfium_text(data),
        "mupdf": lambda: mupdf_text(data, tmp_path),
    }[reader]()
    found = flat(text)
    # Arabic words in logical order (letters not reversed) in every reader
    for word in ("مستنداتي", "المواعيد", "النهائية", "الأرقام", "المرجعية", "المساعدة"):
        assert word in found, (reader, word)
        assert word[::-1] not in found, (reader, word)
    assert "صفحتان" in found  # Arabic dual, from the catalogue's plural forms
    for english in ENGLISH:
        assert english not in found, (reader, english)
    assert not re.search(r"\)\s*D\d\s*\(", found), reader  # no mirrored brackets )D3(
    if reader == "mupdf":  # mupdf keeps the drawing order: whole lines in logical order
        assert "رقم ملف CGRA: 26/12345" in found
        assert "أين تجد المساعدة" in found


@pytest.mark.parametrize("language", ["ar", "fa", "ps"])
def test_rtl_cover_lines_are_right_aligned(documents: list[Document], language: str) -> None:
    metas = [DocumentMeta.from_document(d) for d in documents]
    page = render_cover(
        metas, language=language, created=CREATED, bundle_id="NS-X", labels=["D1", "D2"]
    )[0]
    margin = page.image.width * 40 / 595.28
    title = page.words[0]  # the person's language first
    assert any("\u0600" <= c <= "\u06ff" for c in title.text)
    assert abs(title.left + title.width - (page.image.width - margin)) < 6
    french = next(w for w in page.words if w.text == "Mes documents")
    assert abs(french.left - margin) < 6  # the French line stays left-aligned


def test_arabic_help_on_the_cover_falls_back_to_french_not_english(
    documents: list[Document], tmp_path: Path
) -> None:
    text = flat(mupdf_text(cover_pdf(documents, "ar"), tmp_path))
    assert "العنوان / Adresse" in text
    assert "Social assistance" not in text and "Aide sociale" in text


def pngs(data: bytes, page: int) -> dict[str, Image.Image]:
    png = subprocess.run(
        [require_tool("pdftoppm"), "-f", str(page), "-l", str(page), "-r", "60", "-gray"]
        + ["-png", "-singlefile", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout
    pdfium_img = pdfium.PdfDocument(data)[page - 1].render(scale=60 / 72).to_pil().convert("L")
    return {"poppler": Image.open(io.BytesIO(png)).convert("L"), "pdfium": pdfium_img}


@pytest.mark.parametrize("kind", ["cover", "card"])
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_snapshots_by_two_readers(documents: list[Document], kind: str, language: str) -> None:
    data = (cover_pdf if kind == "cover" else card_pdf)(documents, language)
    pages = [1] if kind == "cover" else [1, 2]
    written = []
    for page in pages:
        for reader, image in pngs(data, page).items():
            path = SNAPSHOTS / f"{kind}-{language}-p{page}.{reader}.png"
            if UPDATE or not path.exists():  # NEXTSTEP_UPDATE_SNAPSHOTS=1 after a wanted change
                SNAPSHOTS.mkdir(exist_ok=True)
                image.save(path, optimize=True)
                written.append(path.name)
                continue
            stored = Image.open(path).convert("L")
            assert stored.size == image.size, path.name
            diff = np.abs(np.asarray(stored, np.int16) - np.asarray(image, np.int16))
            assert diff.mean() < 1.5, (path.name, float(diff.mean()))
    if written:
        pytest.skip(f"snapshots written: {', '.join(written)}")
