"""A small raster page writer for the cover page and the key card.

Why raster plus an invisible text layer rather than PDF text: the person's language may be
Arabic, Dari or Tigrinya, which need shaping and right-to-left layout. Pillow with libraqm
(HarfBuzz + FriBiDi) draws those correctly; the same glyphless text layer as the scanned
pages then makes the cover searchable and selectable. The result is identical in every reader.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from nextstep.errors import NextStepError
from nextstep.model import OcrWord

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"),)
REGULAR = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"

BLACK = (0, 0, 0)
GREY = (90, 90, 90)
RED = (176, 0, 32)
HIGHLIGHT = (255, 226, 140)


class FontMissingError(NextStepError):
    """The DejaVu fonts for cover pages are not installed."""


@cache
def font(name: str, size_px: int) -> ImageFont.FreeTypeFont:
    for folder in FONT_DIRS:
        path = folder / name
        if path.exists():
            engine = ImageFont.Layout.RAQM if ImageFont.core.HAVE_RAQM else ImageFont.Layout.BASIC
            return ImageFont.truetype(str(path), size_px, layout_engine=engine)
    raise FontMissingError(
        f"The font {name} is not installed.",
        hint="Install it with: apt-get install fonts-dejavu-core",
    )


@dataclass
class RasterPage:
    """One rendered page with the words drawn on it (for the invisible text layer)."""

    image: Image.Image
    dpi: float
    words: list[OcrWord] = field(default_factory=list)

    @property
    def pixels(self) -> np.ndarray:
        return np.asarray(self.image)


class Writer:
    """Flows lines of text down pages of a fixed size, wrapping and paginating."""

    def __init__(self, width_pt: float, height_pt: float, *, dpi: float, margin_pt: float) -> None:
        self.dpi = dpi
        self.width = round(width_pt * dpi / 72)
        self.height = round(height_pt * dpi / 72)
        self.margin = round(margin_pt * dpi / 72)
        self.pages: list[RasterPage] = []
        self._line_no = 0
        self._new_page()

    def px(self, pt: float) -> int:
        return round(pt * self.dpi / 72)

    def _new_page(self) -> None:
        image = Image.new("RGB", (self.width, self.height), "white")
        self.pages.append(RasterPage(image, self.dpi))
        self.draw = ImageDraw.Draw(image)
        self.y = self.margin

    @property
    def page(self) -> RasterPage:
        return self.pages[-1]

    def space(self, pt: float) -> None:
        self.y += self.px(pt)

    def _wrap(self, text: str, f: ImageFont.FreeTypeFont, width: int) -> list[str]:
        lines: list[str] = []
        for para in text.split("\n"):
            current = ""
            for word in para.split(" "):
                trial = f"{current} {word}".strip()
                if current and f.getlength(trial) > width:
                    lines.append(current)
                    current = word
                else:
                    current = trial
            lines.append(current)
        return lines

    def text(
        self,
        text: str,
        *,
        size_pt: float = 11,
        bold: bool = False,
        color: tuple[int, int, int] = BLACK,
        rtl: bool = False,
        background: tuple[int, int, int] | None = None,
        indent_pt: float = 0,
        x_px: int | None = None,
        width_px: int | None = None,
    ) -> None:
        f = font(BOLD if bold else REGULAR, self.px(size_pt))
        left = self.margin + self.px(indent_pt) if x_px is None else x_px
        avail = (self.width - self.margin - left) if width_px is None else width_px
        line_h = self.px(size_pt * 1.35)
        for line in self._wrap(text, f, avail):
            if self.y + line_h > self.height - self.margin:
                self._new_page()
            if not line:
                self.y += line_h
                continue
            direction = ("rtl" if rtl else "ltr") if ImageFont.core.HAVE_RAQM else None
            length = int(f.getlength(line, direction=direction))
            x = left + avail - length if rtl else left
            if background is not None:
                pad = self.px(2)
                self.draw.rectangle(
                    (left - pad, self.y - pad, left + avail + pad, self.y + line_h), fill=background
                )
            self.draw.text((x, self.y), line, font=f, fill=color, direction=direction)
            box = self.draw.textbbox((x, self.y), line, font=f, direction=direction)
            self._line_no += 1
            top, height = round(box[1]), max(1, round(box[3] - box[1]))
            if rtl or has_rtl(line):
                # One box per word at its place in the bidi layout, text in logical order.
                for word, left, width in word_boxes(line, f, x, rtl=rtl):
                    self.page.words.append(
                        OcrWord(word, left, top, max(1, width), height, 100.0, self._line_no)
                    )
            else:
                self.page.words.append(
                    OcrWord(
                        text=line,
                        left=round(box[0]),
                        top=top,
                        width=max(1, round(box[2] - box[0])),
                        height=height,
                        conf=100.0,
                        line=self._line_no,
                    )
                )
            self.y += line_h

    def rule(self) -> None:
        self.draw.line(
            (self.margin, self.y, self.width - self.margin, self.y), fill=GREY, width=self.px(0.5)
        )
        self.y += self.px(4)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _word_level(word: str, base_rtl: bool) -> bool:
    """True when the word sits in a right-to-left run: it holds RTL letters, or only
    neutrals (punctuation) on a right-to-left line."""
    classes = {unicodedata.bidirectional(c) for c in word}
    if classes & {"R", "AL"}:
        return True
    if classes & {"L", "EN", "AN"}:
        return False
    return base_rtl


def visual_word_order(words: list[str], *, base_rtl: bool) -> list[int]:
    """Indices of ``words`` (logical order) from left to right, by the bidi algorithm at
    word granularity: on a right-to-left line the runs are reversed, while each run of
    left-to-right words (numbers, Latin names) keeps its own order."""
    runs: list[tuple[bool, list[int]]] = []
    for i, word in enumerate(words):
        rtl = _word_level(word, base_rtl)
        if runs and runs[-1][0] == rtl:
            runs[-1][1].append(i)
        else:
            runs.append((rtl, [i]))
    if base_rtl:
        runs.reverse()
    order: list[int] = []
    for rtl, members in runs:
        order.extend(reversed(members) if rtl else members)
    return order


def word_boxes(
    line: str, f: ImageFont.FreeTypeFont, x: int, *, rtl: bool
) -> list[tuple[str, int, int]]:
    """(word, left, width) for each word of ``line`` in logical order, placed as drawn."""
    words = line.split(" ")
    space = f.getlength(" ")
    widths = [
        f.getlength(w, direction="rtl" if _word_level(w, rtl) else "ltr") if w else 0.0
        for w in words
    ]
    placed: dict[int, tuple[int, int]] = {}
    cursor = float(x)
    for i in visual_word_order(words, base_rtl=rtl):
        placed[i] = (round(cursor), round(widths[i]))
        cursor += widths[i] + space
    return [(w, *placed[i]) for i, w in enumerate(words) if w]
