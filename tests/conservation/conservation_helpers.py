"""Helpers for conservation tests: pages with known words, and a bundle on a drive folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from nextstep.model import Classification, Deadline, Document, OcrPage, OcrWord
from scanners.types import Page

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
SECRET_WORDS = ("Zorglubovic", "Pamplemousse")


def text_page(lines: list[str], *, photo: bool = False, dpi: int = 150) -> tuple[Page, OcrPage]:
    """An A4 page with known word boxes (no OCR needed); ``photo`` adds a noisy colour area
    so the bundle is a few hundred KiB, like a real one."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    if photo:
        rng = np.random.default_rng(3)
        patch = rng.integers(0, 255, (height // 2, width - dpi, 3), dtype=np.uint8)
        image.paste(Image.fromarray(cv2.GaussianBlur(patch, (5, 5), 0)), (dpi // 2, height // 3))
    font = ImageFont.truetype(FONT, round(12 * dpi / 72))
    words: list[OcrWord] = []
    y = dpi
    for n, line in enumerate(lines):
        x = dpi
        for word in line.split():
            box = draw.textbbox((x, y), word, font=font)
            draw.text((x, y), word, font=font, fill="black")
            words.append(OcrWord(word, box[0], box[1], box[2] - box[0], box[3] - box[1], 95, n))
            x = box[2] + font.getlength(" ")
        y += round(20 * dpi / 72)
    color = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)
    page = Page(color=color, gray=cv2.cvtColor(color, cv2.COLOR_BGR2GRAY), dpi=dpi, origin="t")
    ocr = OcrPage(words, "\n".join(lines), "fra", width, height, float(dpi), 95.0)
    return page, ocr


def document(
    lines: list[str], category: str, deadlines: list[tuple[dt.date, str]], *, photo: bool = False
) -> Document:
    page, ocr = text_page(lines, photo=photo)
    return Document(
        pages=[page],
        ocr=[ocr],
        classification=Classification(category, 0.9),
        language="fr",
        deadlines=[Deadline(d, k, "") for d, k in deadlines],
        document_date=dt.date(2026, 11, 20),
        title=category,
    )


@dataclass
class DriveBundle:
    folder: Path
    pdf: Path
    passphrase: str
    public_key: bytes
    original: bytes

    def verify(self) -> object:
        from nextstep.bundle.verify import verify_bundle

        return verify_bundle(self.pdf, passphrase=self.passphrase, trusted_keys=[self.public_key])
