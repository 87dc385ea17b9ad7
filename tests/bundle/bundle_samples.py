"""Sample pages for bundle tests: rendered with Pillow, with the word boxes Pillow drew.

Known boxes stand in for OCR so most tests need no Tesseract call; test_textlayer runs the
real tesseract once to check the boxes path end to end.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from nextstep.model import Classification, Deadline, Document, OcrPage, OcrWord, Reference
from scanners.types import Page

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
DPI = 150


def render_page(
    lines: Sequence[str], *, dpi: int = DPI, photo: bool = False, size_pt: float = 12
) -> tuple[Page, OcrPage]:
    """An A4 page of ``lines`` and its word boxes; ``photo`` adds a colour photo-like area."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    if photo:
        rng = np.random.default_rng(7)
        noise = rng.integers(0, 255, (height // 3, width - 2 * dpi // 2, 3), dtype=np.uint8)
        noise = cv2.GaussianBlur(noise, (31, 31), 0)
        grad = np.linspace(0, 1, noise.shape[1])[None, :, None]
        patch = (noise * 0.5 + np.array([40, 120, 200]) * grad).clip(0, 255).astype(np.uint8)
        image.paste(Image.fromarray(patch), (dpi // 2, height // 2))
    font = ImageFont.truetype(FONT, round(size_pt * dpi / 72))
    words: list[OcrWord] = []
    y = dpi  # one inch margin
    for line_no, line in enumerate(lines):
        x = dpi
        for word in line.split():
            box = draw.textbbox((x, y), word, font=font)
            draw.text((x, y), word, font=font, fill="black")
            words.append(
                OcrWord(
                    word,
                    round(box[0]),
                    round(box[1]),
                    round(box[2] - box[0]),
                    round(box[3] - box[1]),
                    95.0,
                    line_no,
                )
            )
            x = box[2] + font.getlength(" ")
        y += round(size_pt * 1.6 * dpi / 72)
    color = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR)
    gray = cv2.cvtColor(color, cv2.COLOR_BGR2GRAY)
    page = Page(color=color, gray=gray, dpi=float(dpi), origin="test")
    ocr = OcrPage(
        words=words,
        text="\n".join(lines),
        language="fra",
        width=width,
        height=height,
        dpi=float(dpi),
        mean_conf=95.0,
    )
    return page, ocr


def make_document(
    pages: Sequence[Sequence[str]],
    category: str,
    *,
    title: str = "",
    date: dt.date | None = None,
    deadlines: Sequence[tuple[dt.date, str]] = (),
    references: Sequence[tuple[str, str]] = (),
    photo: bool = False,
) -> Document:
    rendered = [render_page(lines, photo=photo) for lines in pages]
    return Document(
        pages=[p for p, _ in rendered],
        ocr=[o for _, o in rendered],
        classification=Classification(category, 0.9),
        language="fr",
        deadlines=[Deadline(d, k, "") for d, k in deadlines],
        references=[Reference(k, v) for k, v in references],
        document_date=date,
        title=title,
    )


def require_tool(name: str) -> str:
    """Same as tests/conftest.require_tool (that module is shadowed by this folder's conftest)."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (./dev.sh setup installs it)")
    return path


@dataclass
class Built:
    bundle: object
    passphrase: str
    drive: Path
    paths: object
    org_identity: str
    documents: list[Document]
