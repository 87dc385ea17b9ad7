"""Done-when: a bundle holding an asylum refusal (appeal deadline) and a rent arrears letter
shows on its cover page the deadlines with the matching services, in the person's language."""

from __future__ import annotations

import datetime as dt
import subprocess

import cv2
import numpy as np
import pikepdf
import pytest

from crypto import keys
from crypto import passphrase as passphrases
from nextstep.model import Classification, Deadline, Document, OcrPage, OcrWord
from nextstep.referral import deadlines_from_documents, help_sections, load_directory, sample_path
from scanners.types import Page
from tests.conftest import require_tool


def letter(word: str, category: str, deadline: Deadline) -> Document:
    gray = np.full((1754, 1240), 255, np.uint8)
    cv2.putText(gray, word, (150, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, 0, 4)
    color = cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR)
    ocr = OcrPage([OcrWord(word, 150, 250, 400, 60, 95)], word, "fra", 1240, 1754, 150.0, 95)
    return Document(
        pages=[Page(color=color, gray=gray, dpi=150.0, origin="test")],
        ocr=[ocr],
        classification=Classification(category, 0.95),
        language="fr",
        deadlines=[deadline],
        document_date=dt.date(2026, 11, 20),
        title=word,
    )


@pytest.mark.parametrize("language", ["nl", "en"])
def test_cover_lists_deadlines_with_matching_services(language: str) -> None:
    require_tool("pdftotext")
    from nextstep.bundle.build import build_bundle

    docs = [
        letter("Refus", "asylum", Deadline(dt.date(2026, 12, 20), "appeal", "recours 30 jours")),
        letter("Loyer", "housing", Deadline(dt.date(2026, 12, 10), "payment", "arrieres")),
    ]
    directory = load_directory(sample_path())
    pairs = deadlines_from_documents(docs)
    sections = help_sections(
        directory,
        [c for _, c in pairs],
        [d.kind for d, _ in pairs],
        pairs,
        language,
        today=dt.date(2026, 11, 27),
    )
    phrase = passphrases.generate()
    bundle = build_bundle(
        docs,
        holder_id="H-ref01",
        language=language,
        key=keys.generate(),
        kiosk_id="kiosk-test",
        passphrase=phrase,
        created=dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC),
        help_section=sections,
    )
    import io

    with pikepdf.open(io.BytesIO(bundle.pdf), password=phrase) as pdf:
        out = io.BytesIO()
        pdf.save(out)
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", "-", "-"],
        input=out.getvalue(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    flat = " ".join(text.split())
    words = {
        "nl": ("beroep", "betaling", "Waar vindt u hulp"),
        "en": ("appeal", "payment", "Where to get help"),
    }[language]
    assert words[0] in flat and words[1] in flat
    assert "recours" in flat and "paiement" in flat  # French beside the person's language
    appeal_at = flat.index("20/12/2026 -")
    rent_at = flat.index("10/12/2026 -")
    assert rent_at < appeal_at  # earliest first
    # the matching services follow each deadline
    assert flat.index("Bureau d'aide juridique", appeal_at) > appeal_at
    assert "CPAS de Liège" in flat[rent_at:appeal_at]
