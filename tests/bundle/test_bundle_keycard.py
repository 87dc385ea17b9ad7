"""Key card: passphrase and QR on an A6 PDF, QR read back from a camera-like frame."""

from __future__ import annotations

import datetime as dt
import subprocess

import cv2
import numpy as np
import pikepdf
import pytest

from crypto import passphrase as pp
from nextstep.bundle import keycard
from nextstep.bundle.cover import HelpSection
from tests.bundle.bundle_samples import require_tool


def camera_frame(card: np.ndarray) -> np.ndarray:
    """The card seen by a webcam: on a desk, tilted in perspective, smaller, blurred, noisy."""
    h, w = card.shape[:2]
    small = cv2.resize(card, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape[:2]
    frame_w, frame_h = 1280, 960
    src = np.float32([[0, 0], [sw, 0], [sw, sh], [0, sh]])
    dst = np.float32(
        [[250, 80], [250 + sw * 0.95, 120], [240 + sw * 0.9, 80 + sh * 0.97], [230, 60 + sh]]
    )
    matrix = cv2.getPerspectiveTransform(src, dst)
    frame = cv2.warpPerspective(small, matrix, (frame_w, frame_h), borderValue=(60, 90, 110))
    frame = cv2.GaussianBlur(frame, (3, 3), 0)
    noise = np.random.default_rng(3).normal(0, 6, frame.shape)
    return np.clip(frame.astype(np.float64) + noise, 0, 255).astype(np.uint8)


def test_card_pdf_holds_passphrase_large_and_searchable() -> None:
    phrase = pp.generate()
    data = keycard.make_card(
        phrase,
        bundle_id="NS-ABCDEFGH23",
        created=dt.date(2026, 11, 27),
        language="nl",
        back=[
            HelpSection(
                "15/12/2026 beroep / recours",
                ["Avocat"],
                kind="deadline",
                contact=["Avocat, rue X"],
            )
        ],
    )
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2  # front and back
        width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
    assert abs(width / 72 * 25.4 - 105) < 1 and abs(height / 72 * 25.4 - 148) < 1  # A6
    text = subprocess.run(
        [require_tool("pdftotext"), "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    groups = phrase.split("-")
    assert groups[0] in text and groups[-1] in text
    assert "NS-ABCDEFGH23" in text and "27/11/2026" in text and "beroep" in text


def test_qr_read_back_from_camera_frame() -> None:
    phrase = pp.generate()
    pages = keycard.render_card(
        phrase, bundle_id="NS-X", created=dt.date(2026, 11, 27), language="ar"
    )
    frame = camera_frame(keycard.raster_to_array(pages[0]))
    assert keycard.read_qr(frame) == phrase
    assert keycard.read_qr(np.full((480, 640, 3), 200, np.uint8)) is None


# OpenCV's first detector missed this one's symbol on the card (CI, 2026-12-06): about 1 card in
# 100 with the 2-module quiet zone the first cards were printed with.
MISSED_ONCE = "0055409646-3171593135-2262375665"


@pytest.mark.parametrize("quiet_zone", [2, keycard.QUIET_ZONE])
def test_qr_of_a_card_the_first_reader_missed_is_read(
    quiet_zone: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cards already printed (2 modules of white) and new ones (4, as ISO/IEC 18004 asks)."""
    monkeypatch.setattr(keycard, "QUIET_ZONE", quiet_zone)
    pages = keycard.render_card(
        MISSED_ONCE, bundle_id="0123456789abcdef", created=dt.date(2026, 1, 5), language="fr"
    )
    card = keycard.raster_to_array(pages[0])
    assert keycard.read_qr(card) == MISSED_ONCE
    assert keycard.read_qr(camera_frame(card)) == MISSED_ONCE


def test_card_refuses_a_mistyped_passphrase() -> None:
    phrase = pp.generate()
    bad = ("1" if phrase[0] != "1" else "2") + phrase[1:]
    with pytest.raises(pp.PassphraseError):
        keycard.render_card(bad, bundle_id="NS-X", created=dt.date(2026, 1, 1), language="fr")


def test_printing_to_a_missing_queue_says_so() -> None:
    require_tool("lp")
    printer = keycard.CupsPrinter("nextstep-no-such-queue")
    probe = printer.probe()
    assert not probe.ok and probe.fix
    with pytest.raises(keycard.KeyCardError, match="could not be sent"):
        printer.print_pdf(b"%PDF-1.4\n", title="card")


def test_print_or_save(tmp_path) -> None:  # noqa: ANN001
    sent: list[tuple[bytes, str]] = []

    class FakePrinter:
        def print_pdf(self, data: bytes, *, title: str) -> str:
            sent.append((data, title))
            return "request id is q-1"

    done = keycard.print_or_save(
        b"%PDF-card", printer="q", save_dir=tmp_path, name="card", lp=FakePrinter()
    )
    assert done.printed and sent == [(b"%PDF-card", "card")]
    assert not list(tmp_path.iterdir())
    saved = keycard.print_or_save(b"%PDF-card", printer="", save_dir=tmp_path, name="card")
    path = tmp_path / "card.pdf"
    assert not saved.printed and saved.detail == str(path)
    assert path.read_bytes() == b"%PDF-card" and (path.stat().st_mode & 0o777) == 0o600


ONE_SHEET_LANGUAGES = ["fr", "nl", "de", "en", "ar"]


def many_deadlines_back(language: str) -> list[HelpSection]:
    """The sample directory's sections for five deadlines, as a real session would pass."""
    from nextstep.model import Deadline
    from nextstep.referral import help_sections, load_directory, sample_path

    today = dt.date(2026, 11, 27)
    pairs = [
        (Deadline(today + dt.timedelta(days=5 + 7 * i), kind, ""), cat)
        for i, (kind, cat) in enumerate(
            [
                ("appeal", "asylum"),
                ("payment", "housing"),
                ("payment", "allowances"),
                ("appointment", "health"),
                ("response", "residence"),
            ]
        )
    ]
    return help_sections(
        load_directory(sample_path()),
        [c for _, c in pairs],
        [d.kind for d, _ in pairs],
        pairs,
        language,
        today=today,
    )


@pytest.mark.parametrize("language", ONE_SHEET_LANGUAGES)
def test_card_is_one_a6_sheet_whose_qr_decodes(language: str) -> None:
    phrase = pp.generate()
    back = many_deadlines_back(language)
    assert len([s for s in back if s.kind == "deadline"]) >= 3
    data = keycard.make_card(
        phrase,
        bundle_id="NS-ABCDEFGH23",
        created=dt.date(2026, 11, 27),
        language=language,
        back=back,
    )
    with pikepdf.open(__import__("io").BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2  # one sheet: front and back
        for page in pdf.pages:
            width, height = (float(v) for v in page.mediabox[2:])
            assert abs(width / 72 * 25.4 - 105) < 1 and abs(height / 72 * 25.4 - 148) < 1
    png = subprocess.run(
        [
            require_tool("pdftoppm"),
            "-f",
            "1",
            "-l",
            "1",
            "-r",
            "200",
            "-gray",
            "-png",
            "-singlefile",
            "-",
        ],
        input=data,
        capture_output=True,
        check=True,
    ).stdout
    front = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_GRAYSCALE)
    assert keycard.read_qr(front) == pp.check(phrase)
    back_text = subprocess.run(
        [require_tool("pdftotext"), "-f", "2", "-l", "2", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    dates = [s.title.split(" ")[0] for s in back if s.kind == "deadline"]
    shown = [d for d in dates if d in back_text]
    assert shown == dates[:3]  # the three nearest deadlines, in order, no more
    place = next(s.contact for s in back if s.contact)
    assert " ".join(back_text.split()).count(place[0]) == 1  # one place to get help, once
    front_text = subprocess.run(
        [require_tool("pdftotext"), "-f", "1", "-l", "1", "-", "-"],
        input=data,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "0–9" in front_text
    if language != "en":
        assert "English" not in front_text + back_text and "Where to get help" not in back_text
