"""The key card: the passphrase on paper, large, with a QR code, for a person to keep.

One A6 sheet (105 x 148 mm), two sides, in the person's language with French beside it, so
that the digits can be printed large (17 pt) and a QR code of at least 30 mm fits: small
enough for a wallet, large enough to read without glasses. Front: title, passphrase in three
groups of ten digits, "type only the digits 0-9", QR, three pictograms (plug the drive in,
open the PDF, type the digits), bundle id, date. Back: the nearest deadlines (at most three)
and one place to get help (the referral directory's :class:`~nextstep.bundle.cover.HelpSection`
``kind``/``contact`` fields), never more than one side.
The card is printed through CUPS (``lp``, data on stdin, no file) when a printer is set,
otherwise returned for saving; it is never stored by the kiosk itself.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
import pikepdf
import segno
from PIL import Image, ImageDraw

from crypto import passphrase as passphrases
from nextstep.bundle import i18n, images, textlayer
from nextstep.bundle.cover import HelpInput, HelpSection, help_list
from nextstep.bundle.render import GREY, RED, RasterPage, Writer, font, has_rtl
from nextstep.errors import NextStepError
from scanners.probe import ToolProbe

A6_PT = (297.64, 419.53)
CARD_DPI = 300.0
QUIET_ZONE = 4  # modules of white around the QR code


class KeyCardError(NextStepError):
    """The key card could not be printed or read."""


def render_card(
    passphrase: str,
    *,
    bundle_id: str,
    created: dt.date,
    language: str,
    back: HelpInput = None,
) -> list[RasterPage]:
    """Front (and back when ``back`` has lines) of the card as raster pages."""
    phrase = passphrases.check(passphrase)
    rtl = i18n.is_rtl(language)
    french = i18n.lang2(language) == "fr"
    w = Writer(*A6_PT, dpi=CARD_DPI, margin_pt=14)

    def pair(key: str, size: float, **kw: object) -> None:
        w.text(i18n.t(key, language), size_pt=size, rtl=rtl, **kw)  # type: ignore[arg-type]
        if not french:
            w.text(i18n.t(key, "fr"), size_pt=size * 0.8, **{**kw, "color": GREY})  # type: ignore[arg-type]

    pair("card_title", 12, bold=True)
    w.space(4)
    groups = phrase.split(passphrases.SEPARATOR)
    half = (len(groups) + 1) // 2
    w.text("-".join(groups[:half]) + "-", size_pt=17, bold=True)
    w.text("-".join(groups[half:]), size_pt=17, bold=True)
    pair("card_digits", 9, bold=True)
    w.space(3)
    qr = segno.make(phrase, error="m", micro=False)
    buf = io.BytesIO()
    # ISO/IEC 18004 asks for a quiet zone of 4 modules; with 2, OpenCV missed about 1 card in 100
    qr.save(
        buf,
        kind="png",
        scale=max(1, w.px(95) // (qr.symbol_size(scale=1, border=QUIET_ZONE)[0])),
        border=QUIET_ZONE,
    )
    qr_img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    page = w.page
    page.image.paste(qr_img, (w.margin, w.y))
    _pictograms(page.image, x=w.margin + qr_img.width + w.px(10), y=w.y, size=w.px(26))
    w.y += qr_img.height + w.px(3)
    w.text(f"{i18n.t('bundle', 'fr')}: {bundle_id}", size_pt=7.5, color=GREY)
    w.text(f"{i18n.t('made_on', 'fr')}: {i18n.date_text(created)}", size_pt=7.5, color=GREY)
    pair("card_keep", 8, color=RED)
    sections = help_list(back)
    deadlines = [s for s in sections if s.kind == "deadline"][:MAX_DEADLINES]
    place = next((s.contact for s in deadlines + sections if s.contact), [])
    if deadlines or place:
        w._new_page()
        back_side(w, deadlines, place, language)
    return w.pages


MAX_DEADLINES = 3


def back_side(w: Writer, deadlines: Sequence[HelpSection], place: Sequence[str], lang: str) -> None:
    """The nearest deadlines (at most three) and one place to get help, on one A6 side.

    Lines that would not fit are left out rather than spilling onto a third page: the cover
    inside the bundle holds the full list."""
    rtl = i18n.is_rtl(lang)
    french = i18n.lang2(lang) == "fr"
    bottom = w.height - w.margin

    def fits(lines: int, size: float) -> bool:
        return w.y + lines * w.px(size * 1.35) <= bottom

    def heading(key: str) -> None:
        w.text(i18n.t(key, lang), size_pt=12, bold=True, rtl=rtl)
        if not french:
            w.text(i18n.t(key, "fr"), size_pt=9.5, bold=True, color=GREY)
        w.space(2)

    if deadlines:
        heading("card_next")
        for n, section in enumerate(deadlines):
            extra = section.lines[:1] if rtl and section.lines else []
            if not fits(2 + len(extra), 10.5):
                break
            w.text(
                section.title,
                size_pt=10.5,
                bold=n == 0,
                color=RED if n == 0 else (0, 0, 0),
                rtl=rtl and has_rtl(section.title),
            )
            for line in extra:
                w.text(line, size_pt=10.5, rtl=True)
            w.space(2)
        w.space(4)
    if place and fits(3 + len(place), 10):
        heading("help")
        for line in place:
            if not fits(2, 10):
                break
            w.text(line.strip(), size_pt=10, rtl=rtl and has_rtl(line))


def _pictograms(image: Image.Image, *, x: int, y: int, size: int) -> None:
    """Three numbered steps: USB drive into a computer, open the PDF, type the digits."""
    d = ImageDraw.Draw(image)
    f = font("DejaVuSans-Bold.ttf", size // 2)
    small = font("DejaVuSans-Bold.ttf", size // 3)
    line = max(2, size // 12)
    for n in range(3):
        top = y + n * (size + size // 3)
        d.ellipse((x, top, x + size // 2, top + size // 2), fill=(0, 0, 0))
        d.text((x + size // 4, top + size // 4), str(n + 1), font=small, fill="white", anchor="mm")
        left = x + size // 2 + size // 4
        if n == 0:  # a USB stick entering a laptop side
            d.rectangle(
                (left, top + size // 3, left + size, top + 2 * size // 3), outline=0, width=line
            )
            d.rectangle(
                (left + size, top + 0.4 * size, left + 1.25 * size, top + 0.6 * size), fill=0
            )
            d.line(
                (left + 1.4 * size, top + size // 2, left + 1.8 * size, top + size // 2),
                fill=0,
                width=line,
            )
            d.rectangle(
                (left + 1.9 * size, top + size // 8, left + 2.6 * size, top + size),
                outline=0,
                width=line,
            )
        elif n == 1:  # a page labelled PDF
            d.polygon(
                [
                    (left, top),
                    (left + 0.6 * size, top),
                    (left + 0.8 * size, top + 0.2 * size),
                    (left + 0.8 * size, top + size),
                    (left, top + size),
                ],
                outline=0,
                width=line,
            )
            d.text((left + 0.4 * size, top + 0.6 * size), "PDF", font=small, fill=RED, anchor="mm")
        else:  # a padlock and digits
            d.rectangle((left, top + 0.45 * size, left + 0.7 * size, top + size), fill=0)
            d.arc(
                (left + 0.1 * size, top + 0.05 * size, left + 0.6 * size, top + 0.85 * size),
                180,
                360,
                fill=0,
                width=line,
            )
            d.text((left + 0.9 * size, top + 0.5 * size), "123...", font=f, fill=0, anchor="lm")


def card_pdf(pages: Sequence[RasterPage]) -> bytes:
    """The card as an (unencrypted) PDF, ready for ``lp`` or saving."""
    pdf = pikepdf.new()
    fnt = textlayer.glyphless_font(pdf)
    from nextstep.bundle.build import add_raster_page

    for raster in pages:
        add_raster_page(pdf, fnt, raster)
    out = io.BytesIO()
    pdf.save(out, compress_streams=True)
    return out.getvalue()


def make_card(
    passphrase: str, *, bundle_id: str, created: dt.date, language: str, back: HelpInput = None
) -> bytes:
    return card_pdf(
        render_card(passphrase, bundle_id=bundle_id, created=created, language=language, back=back)
    )


class CardPrinter(Protocol):
    def print_pdf(self, data: bytes, *, title: str) -> str: ...


@dataclass(frozen=True)
class CupsPrinter:
    """Prints through CUPS's ``lp``, feeding the PDF on stdin (no file in the spool dir by us)."""

    queue: str

    def probe(self) -> ToolProbe:
        if shutil.which("lp") is None:
            return ToolProbe(
                "printer",
                False,
                "The lp command (CUPS client) is missing.",
                "apt-get install cups-client",
                required=False,
            )
        result = subprocess.run(
            ["lpstat", "-p", self.queue], capture_output=True, text=True, check=False, timeout=10
        )
        if result.returncode != 0:
            return ToolProbe(
                "printer",
                False,
                f"The printer queue '{self.queue}' is not available.",
                "Check the printer name with `lpstat -p` or fix CUPS.",
                required=False,
            )
        return ToolProbe("printer", True, f"Printer '{self.queue}' is ready.", required=False)

    def print_pdf(self, data: bytes, *, title: str) -> str:
        result = subprocess.run(
            ["lp", "-d", self.queue, "-t", title, "-o", "media=A6", "-"],
            input=data,
            capture_output=True,
            check=False,
            timeout=30,
        )
        if result.returncode != 0:
            raise KeyCardError(
                f"The key card could not be sent to printer '{self.queue}'.",
                hint="Check the printer, or save the card and print it from another computer.",
            )
        return result.stdout.decode(errors="replace").strip()


def read_qr(frame: np.ndarray) -> str | None:
    """The passphrase from a camera frame showing the card's QR code, or ``None``.

    Returns the canonical passphrase only when its check digits are right, so a misread never
    becomes a wrong password attempt.
    """
    gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    # Two detectors at a few scales: each misses some symbols the other reads (finder patterns
    # near the pictograms, a camera held too close or too far), and a try costs milliseconds.
    detectors = (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco())
    for scale in (1.0, 0.75, 0.5):
        candidate = gray if scale == 1.0 else cv2.resize(gray, None, fx=scale, fy=scale)
        for detector in detectors:
            text, _, _ = detector.detectAndDecode(candidate)
            if text and passphrases.validate(text):
                return passphrases.check(text)
    return None


def raster_to_array(raster: RasterPage) -> np.ndarray:
    return cv2.cvtColor(np.asarray(raster.image), cv2.COLOR_RGB2BGR)


_ = images  # images' indexed encoder is used through build.add_raster_page


@dataclass(frozen=True)
class CardDelivery:
    printed: bool
    detail: str  # the CUPS job id, or the path the card was saved to


def print_or_save(
    card: bytes, *, printer: str, save_dir: Path, name: str, lp: CardPrinter | None = None
) -> CardDelivery:
    """Print through CUPS when ``printer`` (Settings.printer) is set, else save for printing.

    The saved file holds the passphrase in clear, so it is created 0600 and staff are told to
    print and delete it; callers choose ``save_dir`` (the demo uses the drive-less output dir).
    """
    if printer:
        job = (lp or CupsPrinter(printer)).print_pdf(card, title=name)
        return CardDelivery(True, job)
    save_dir.mkdir(parents=True, exist_ok=True)
    path = save_dir / f"{name}.pdf"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(card)
    return CardDelivery(False, str(path))
