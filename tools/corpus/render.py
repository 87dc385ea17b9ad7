"""Render a letter (a list of blocks) onto A4 page images with a DejaVu font.

Shared by tools/make_samples.py (the demo samples) and the corpus generator, so that both
produce pages the way a word processor would: margins, wrapped paragraphs, a right-aligned
date, bold headings, pagination. Pixels only; the caller chooses how to save them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
A4_MM = (210.0, 297.0)

FAMILIES = {
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "condensed": ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
    "mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
}


@dataclass(frozen=True)
class Block:
    """kind: para | bold | title | right | small | blank | line | pagebreak."""

    kind: str
    text: str = ""


def P(text: str) -> Block:
    return Block("para", text)


def B(text: str) -> Block:
    return Block("bold", text)


def T(text: str) -> Block:
    return Block("title", text)


def R(text: str) -> Block:
    return Block("right", text)


def S(text: str) -> Block:
    return Block("small", text)


BLANK = Block("blank")
RULE = Block("line")
PAGEBREAK = Block("pagebreak")


def _font(family: str, bold: bool, px: int) -> ImageFont.FreeTypeFont:
    regular, heavy = FAMILIES[family]
    return ImageFont.truetype(str(FONT_DIR / (heavy if bold else regular)), px)


def _wrap(
    draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int
) -> list[str]:
    lines: list[str] = []
    for raw in text.split("\n"):
        words = raw.split(" ")
        cur = ""
        for w in words:
            cand = f"{cur} {w}".strip()
            if draw.textlength(cand, font=font) <= width or not cur:
                cur = cand
            else:
                lines.append(cur)
                cur = w
        lines.append(cur)
    return lines


def render(
    blocks: list[Block],
    *,
    dpi: int = 200,
    family: str = "sans",
    size_pt: float = 10.5,
    margin_mm: float = 22.0,
    line_spacing: float = 1.35,
) -> tuple[list[Image.Image], list[str]]:
    """Return (pages as greyscale images, the exact text of each page, lines joined by \\n)."""
    w = round(A4_MM[0] / 25.4 * dpi)
    h = round(A4_MM[1] / 25.4 * dpi)
    margin = round(margin_mm / 25.4 * dpi)
    px = round(size_pt / 72 * dpi)
    fonts = {
        "para": _font(family, False, px),
        "bold": _font(family, True, px),
        "title": _font(family, True, round(px * 1.35)),
        "right": _font(family, False, px),
        "small": _font(family, False, round(px * 0.85)),
    }
    pages: list[Image.Image] = []
    texts: list[list[str]] = []

    def new_page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
        img = Image.new("L", (w, h), 255)
        pages.append(img)
        texts.append([])
        return img, ImageDraw.Draw(img)

    img, draw = new_page()
    y = margin
    usable = w - 2 * margin
    for block in blocks:
        if block.kind == "pagebreak":
            img, draw = new_page()
            y = margin
            continue
        if block.kind == "blank":
            y += round(px * line_spacing * 0.8)
            continue
        if block.kind == "line":
            draw.line(
                [(margin, y + px // 2), (w - margin, y + px // 2)], fill=0, width=max(2, px // 12)
            )
            y += px
            continue
        font = fonts[block.kind]
        fpx = font.size
        for line in _wrap(draw, block.text, font, usable):
            if y + fpx * line_spacing > h - margin:
                img, draw = new_page()
                y = margin
            x = margin
            if block.kind == "right":
                x = w - margin - round(draw.textlength(line, font=font))
            draw.text((x, y), line, font=font, fill=0)
            if line.strip():
                texts[-1].append(line)
            y += round(fpx * line_spacing)
        y += round(px * 0.45)
    return pages, ["\n".join(t) for t in texts]
