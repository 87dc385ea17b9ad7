"""The text layer end to end with real Tesseract boxes (one OCR call), and its font."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import cv2
import pikepdf

from crypto import keys
from crypto import passphrase as pp
from nextstep.bundle import textlayer
from nextstep.bundle.build import build_bundle
from nextstep.model import Classification, Document, OcrPage, OcrWord
from tests.bundle.bundle_samples import render_page, require_tool


def tesseract_words(png: bytes) -> list[OcrWord]:
    """Run ``tesseract stdin stdout tsv`` through pipes (no temp file) and parse the words."""
    tool = require_tool("tesseract")
    tsv = subprocess.run(
        [tool, "stdin", "stdout", "-l", "fra", "--dpi", "150", "tsv"],
        input=png,
        capture_output=True,
        check=True,
    ).stdout.decode()
    words = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
            line = int(cols[2]) * 1000 + int(cols[3]) * 100 + int(cols[4])
            words.append(
                OcrWord(
                    cols[11],
                    int(cols[6]),
                    int(cols[7]),
                    int(cols[8]),
                    int(cols[9]),
                    float(cols[10]),
                    line,
                )
            )
    return words


def test_real_tesseract_boxes_make_a_searchable_page(tmp_path) -> None:  # noqa: ANN001
    page, _ = render_page(
        ["Avis de paiement Kangourou", "Montant dû avant le 15 janvier"], size_pt=14
    )
    ok, png = cv2.imencode(".png", page.gray)
    assert ok
    words = tesseract_words(png.tobytes())
    assert any(w.text == "Kangourou" for w in words)
    ocr = OcrPage(
        words=words, text="", language="fra", width=page.size[0], height=page.size[1], dpi=page.dpi
    )
    doc = Document(pages=[page], ocr=[ocr], classification=Classification("debt", 0.8))
    phrase = pp.generate()
    bundle = build_bundle(
        [doc],
        holder_id="h",
        language="fr",
        key=keys.generate(),
        kiosk_id="k",
        passphrase=phrase,
        created=dt.datetime(2026, 11, 27, tzinfo=dt.UTC),
    )
    with pikepdf.open(io.BytesIO(bundle.pdf), password=phrase) as pdf:
        out = io.BytesIO()
        pdf.save(out)
    text = subprocess.run(
        [require_tool("pdftotext"), "-f", "2", "-l", "2", "-", "-"],
        input=out.getvalue(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "Avis de paiement Kangourou" in text
    assert "janvier" in text


def test_content_scales_each_word_to_its_box() -> None:
    ops = textlayer.content(
        [OcrWord("abcd", 100, 50, 200, 20, 90.0, 0), OcrWord("é", 310, 50, 10, 20, 90.0, 0)],
        page_height_px=1000,
        scale=0.5,
    ).decode()
    assert "3 Tr" in ops  # invisible
    # 4 glyphs of 0.5 em at 10 pt = 20 pt; the box is 100 pt wide -> Tz 500
    assert "/FGlyphless 10 Tf 500 Tz" in ops
    assert "1 0 0 1 50 465 Tm <0061006200630064 0020>".replace(" 0020", "0020") in ops
    assert "<00E9> Tj" in ops  # last word of the line: no trailing space
    assert textlayer.content([], page_height_px=10, scale=1) == b""
