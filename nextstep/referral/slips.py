"""One-page printable slips: a referral slip (where to go) and a deadline reminder slip.

Why paper: many people we serve have no phone of their own, or lose it; a slip in their
language and in French, showing the date in large print and the service to contact, is what
they can show at a counter. Slips carry no name and no document content, so a lost slip
reveals little. They are drawn with Pillow (with libraqm for Arabic-script shaping) onto a
300 dpi bitonal A4 page and wrapped as a one-page PDF: legible on any printer, tiny, and
every script the font covers works without PDF font embedding.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from nextstep.bundle.render import RasterPage, word_boxes
from nextstep.errors import NextStepError
from nextstep.model import OcrWord
from nextstep.referral.directory import Directory, Service
from nextstep.referral.help import (
    KNOWN_KINDS,
    DeadlineInput,
    date_text,
    service_lines,
    upcoming,
    when_text,
)
from nextstep.referral.texts import lang2, t
from scanners.probe import ToolProbe

DPI = 300
A4_MM = (210, 297)
MARGIN_MM = 15
FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
)
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
FONT_PACKAGE = "fonts-dejavu-core"


class SlipError(NextStepError):
    """A slip could not be drawn."""


def _font_path(bold: bool) -> Path | None:
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[bold]
        if path.is_file():
            return path
    return None


def probe_fonts() -> ToolProbe:
    """Preflight: are the fonts for slips installed? (Slips are optional: not required.)"""
    if _font_path(False) and _font_path(True):
        return ToolProbe("fonts", True, "Slip fonts are available.", required=False)
    return ToolProbe(
        "fonts",
        False,
        "The DejaVu fonts needed to print slips are missing.",
        fix=f"Install them: apt-get install {FONT_PACKAGE}",
        required=False,
    )


@cache
def _font(size_px: int, bold: bool) -> ImageFont.FreeTypeFont:
    path = _font_path(bold)
    if path is None:
        found = probe_fonts()
        raise SlipError(found.detail, hint=found.fix)
    return ImageFont.truetype(str(path), size_px)


def _glyph(font: ImageFont.FreeTypeFont, char: str) -> bytes:
    image = Image.new("L", (64, 64), 0)
    ImageDraw.Draw(image).text((8, 8), char, font=font, fill=255)
    return image.tobytes()


def covers(text: str) -> bool:
    """Whether the slip font has glyphs for every letter of ``text`` (DejaVu has no Ethiopic,
    for instance); an uncovered text would print as empty boxes, so we fall back to English."""
    font = _font(40, False)
    missing = _glyph(font, "\U0010fffd")
    return all(_glyph(font, c) != missing for c in set(text) if ord(c) > 0x7F and not c.isspace())


def _is_rtl_text(text: str) -> bool:
    import unicodedata

    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


class _Page:
    """A cursor on one A4 page; refuses (returns False) what would not fit."""

    def __init__(self) -> None:
        self.px_per_mm = DPI / 25.4
        self.width = round(A4_MM[0] * self.px_per_mm)
        self.height = round(A4_MM[1] * self.px_per_mm)
        self.margin = round(MARGIN_MM * self.px_per_mm)
        self.image = Image.new("L", (self.width, self.height), 255)
        self.draw = ImageDraw.Draw(self.image)
        self.y = self.margin
        self.words: list[OcrWord] = []  # the invisible text layer, as on the cover
        self._line_no = 0

    def px(self, pt: float) -> int:
        return round(pt * DPI / 72)

    def wrap(self, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
        words, lines, line = text.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if line and font.getlength(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        if line:
            lines.append(line)
        return lines or [""]

    def height_of(
        self, text: str, size_pt: float, *, bold: bool = False, indent_pt: float = 0
    ) -> int:
        font = _font(self.px(size_pt), bold)
        width = self.width - 2 * self.margin - self.px(indent_pt)
        return len(self.wrap(text, font, width)) * round(self.px(size_pt) * 1.3)

    def fits(self, height: int) -> bool:
        return self.y + height <= self.height - self.margin

    def text(
        self,
        text: str,
        size_pt: float,
        *,
        bold: bool = False,
        indent_pt: float = 0,
        box: bool = False,
    ) -> None:
        font = _font(self.px(size_pt), bold)
        left = self.margin + self.px(indent_pt)
        right = self.width - self.margin
        step = round(self.px(size_pt) * 1.3)
        lines = self.wrap(text, font, right - left)
        if box:
            pad = self.px(4)
            self.draw.rectangle(
                (left - pad, self.y - pad, right + pad, self.y + step * len(lines) + pad),
                outline=0,
                width=self.px(1.5),
            )
        for line in lines:
            rtl = _is_rtl_text(line)
            x = right - round(font.getlength(line, direction="rtl")) if rtl else left
            if rtl:
                self.draw.text((x, self.y), line, font=font, fill=0, direction="rtl")
            else:
                self.draw.text((x, self.y), line, font=font, fill=0)
            self._layer(line, font, x, rtl=rtl)
            self.y += step
        if box:
            self.y += self.px(6)

    def _layer(self, line: str, font: ImageFont.FreeTypeFont, x: int, *, rtl: bool) -> None:
        """Word boxes for the text layer: logical order, placed where the bidi layout drew them."""
        box = self.draw.textbbox((x, self.y), line, font=font, direction="rtl" if rtl else None)
        top, height = round(box[1]), max(1, round(box[3] - box[1]))
        self._line_no += 1
        if rtl:
            for word, wl, ww in word_boxes(line, font, x, rtl=True):
                self.words.append(OcrWord(word, wl, top, max(1, ww), height, 100.0, self._line_no))
        elif line.strip():
            width = max(1, round(box[2] - box[0]))
            self.words.append(
                OcrWord(line, round(box[0]), top, width, height, 100.0, self._line_no)
            )

    def checkbox(self, size_pt: float) -> None:
        side = self.px(size_pt)
        x = self.margin
        self.draw.rectangle((x, self.y, x + side, self.y + side), outline=0, width=self.px(1.2))

    def pair(self, own: str, fr: str, size_pt: float, **kw: Any) -> None:
        """The person's language then French: one line, or two when scripts differ."""
        if own == fr:
            self.text(own, size_pt, **kw)
        elif _is_rtl_text(own):
            self.text(own, size_pt, **kw)
            self.text(fr, size_pt * 0.85, **{**kw, "bold": False})
        else:
            self.text(f"{own} / {fr}", size_pt, **kw)

    def rule(self) -> None:
        self.y += self.px(4)
        self.draw.line(
            (self.margin, self.y, self.width - self.margin, self.y), fill=0, width=self.px(0.8)
        )
        self.y += self.px(8)

    def space(self, pt: float) -> None:
        self.y += self.px(pt)

    def pdf(self, title: str) -> bytes:
        """The slip as a PDF: the printed image and its invisible, searchable text layer."""
        import pikepdf

        from nextstep.bundle import textlayer
        from nextstep.bundle.build import add_raster_page

        bitonal = self.image.point(lambda v: 255 if v > 160 else 0).convert("RGB")
        pdf = pikepdf.new()
        add_raster_page(pdf, textlayer.glyphless_font(pdf), RasterPage(bitonal, DPI, self.words))
        pdf.docinfo["/Title"] = title
        out = io.BytesIO()
        pdf.save(out, compress_streams=True)
        return out.getvalue()


def _heading(page: _Page, key: str, language: str, org_name: str, today: dt.date) -> None:
    own, fr = t(key, language), t(key, "fr")
    page.text(org_name, 11, bold=True)
    page.text(own, 24, bold=True)
    if own != fr:
        page.text(fr, 16)
    printed, printed_fr = t("printed", language), t("printed", "fr")
    printed = printed if printed == printed_fr else f"{printed} / {printed_fr}"
    page.text(f"{printed} {date_text(today)}", 10)
    page.rule()


def _sample_banner(page: _Page, directory: Directory | None, language: str) -> None:
    if directory is not None and directory.sample:
        own = t("sample", language)
        text = own if own == t("sample", "fr") else f"{own} / {t('sample', 'fr')}"
        page.text(text, 11, bold=True, box=True)


def _footer(page: _Page, language: str) -> None:
    own, fr = t("bring", language), t("bring", "fr")
    if not covers(own):
        own = fr
    page.y = max(page.y, page.height - page.margin - page.px(44))
    page.rule()
    page.text(own, 12, bold=True)
    if own != fr:
        page.text(fr, 11)


def _fit_language(language: str) -> str:
    """The person's language if the font can print it, else French (never English)."""
    lang = lang2(language)
    return lang if covers(t("help_title", lang)) else "fr"


def referral_slip_pdf(
    services: Sequence[Service],
    language: str,
    *,
    directory: Directory | None = None,
    org_name: str = "Le Monde des Possibles",
    today: dt.date | None = None,
) -> bytes:
    """A one-page slip listing ``services`` (those that do not fit are left out, never a second
    page), in the person's language and French."""
    if not services:
        raise SlipError(
            "No service was chosen for the referral slip.",
            hint="Choose at least one service in the directory.",
        )
    today = today or dt.date.today()
    lang = _fit_language(language)
    page = _Page()
    _heading(page, "referral_title", lang, org_name, today)
    _sample_banner(page, directory, lang)
    reserve = page.px(60)
    for service in services:
        lines = service_lines(service, lang)
        need = sum(page.height_of(line, 12) for line in lines) + page.height_of(
            lines[0], 16, bold=True
        )
        if not page.fits(need + reserve):
            break
        page.text(lines[0], 16, bold=True)
        for line in lines[1:]:
            page.text(line.strip(), 12, indent_pt=10)
        page.space(10)
    _footer(page, lang)
    return page.pdf(t("referral_title", "fr"))


def reminder_slip_pdf(
    deadlines: Iterable[DeadlineInput],
    language: str,
    *,
    directory: Directory | None = None,
    categories: Sequence[str] = (),
    org_name: str = "Le Monde des Possibles",
    today: dt.date | None = None,
) -> bytes:
    """A one-page reminder of the coming deadlines, each in large print with days left, a box
    to tick and, when a directory is given, the first service able to act on it."""
    today = today or dt.date.today()
    lang = _fit_language(language)
    page = _Page()
    _heading(page, "reminder_title", lang, org_name, today)
    _sample_banner(page, directory, lang)
    rows = upcoming(deadlines, list(categories), today)
    if not rows:
        page.text(f"{t('no_deadlines', lang)} / {t('no_deadlines', 'fr')}", 14)
    reserve = page.px(60)
    for deadline, dcats in rows:
        service: Service | None = None
        if directory is not None:
            found = directory.services_for(dcats, [deadline.kind])
            able = [s for s in found if deadline.kind in s.deadline_kinds] or found
            service = able[0] if able else None
        if not page.fits(page.px(22) + page.px(14) * 6 + reserve):
            break
        kind = deadline.kind if deadline.kind in KNOWN_KINDS else "other"
        page.checkbox(20)
        page.text(date_text(deadline.date), 22, bold=True, indent_pt=30)
        page.pair(t(kind, lang), t(kind, "fr"), 15, bold=True, indent_pt=30)
        page.text(when_text(deadline.date, today, lang), 12, indent_pt=30)
        if service is not None:
            page.pair(t("who", lang) + ":", t("who", "fr") + ":", 12, indent_pt=30)
            page.text(service.name, 12, bold=True, indent_pt=40)
            contact = " - ".join(x for x in (service.address, service.phone) if x)
            page.text(contact, 12, indent_pt=40)
        page.space(10)
    _footer(page, lang)
    return page.pdf(t("reminder_title", "fr"))
