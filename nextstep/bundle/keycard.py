"""The key card: the passphrase on paper, large, with a QR code, for a person to keep.

A6 portrait (105 x 148 mm) so that the digits can be printed large (about 16 pt) and a QR
code of at least 30 mm fits: small enough for a wallet folded once, large enough to read
without glasses. Front: title, passphrase in three groups of ten digits, QR, bundle id, date, three
pictograms (plug the drive in, open the PDF, type the digits). Back: the next deadlines
(issue 9 provides them as :class:`~nextstep.bundle.cover.HelpSection` lines).
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
from nextstep.bundle.cover import HelpInput, help_list
from nextstep.bundle.render import GREY, RED, RasterPage, Writer, font
from nextstep.errors import NextStepError

A6_PT = (297.64, 419.53)
CARD_DPI = 300.0


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
    w = Writer(*A6_PT, dpi=CARD_DPI, margin_pt=16)
    w.text(i18n.t("card_title", language), size_pt=13, bold=True, rtl=rtl)
    if i18n.lang2(language) != "fr":
        w.text(i18n.t("card_title", "fr"), size_pt=10, color=GREY)
    w.space(6)
    groups = phrase.split(passphrases.SEPARATOR)
    half = (len(groups) + 1) // 2
    w.text("-".join(groups[:half]) + "-", size_pt=17, bold=True)
    w.text("-".join(groups[half:]), size_pt=17, bold=True)
    w.space(4)
    qr = segno.make(phrase, error="m", micro=False)
    buf = io.BytesIO()
    qr.save(
        buf, kind="png", scale=max(1, w.px(95) // (qr.symbol_size(scale=1, border=2)[0])), border=2
    )
    qr_img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    page = w.page
    page.image.paste(qr_img, (w.margin, w.y))
    _pictograms(page.image, x=w.margin + qr_img.width + w.px(10), y=w.y, size=w.px(26))
    w.y += qr_img.height + w.px(4)
    w.text(f"{i18n.both('bundle', language)}: {bundle_id}", size_pt=8, color=GREY)
    w.text(f"{i18n.both('made_on', language)}: {i18n.date_text(created)}", size_pt=8, color=GREY)
    w.text(i18n.t("card_keep", language), size_pt=8, color=RED, rtl=rtl)
    if i18n.lang2(language) != "fr":
        w.text(i18n.t("card_keep", "fr"), size_pt=7, color=RED)
    sections = help_list(back)
    if sections:
        w._new_page()
        w.text(i18n.both("card_next", language), size_pt=12, bold=True)
        w.space(4)
        for section in sections:
            w.text(section.title, size_pt=9.5, bold=True)
            for line in section.lines:
                w.text(line, size_pt=8.5, indent_pt=8)
            w.space(3)
    return w.pages


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
class PrinterProbe:
    ok: bool
    message: str
    fix: str = ""


@dataclass(frozen=True)
class CupsPrinter:
    """Prints through CUPS's ``lp``, feeding the PDF on stdin (no file in the spool dir by us)."""

    queue: str

    def probe(self) -> PrinterProbe:
        if shutil.which("lp") is None:
            return PrinterProbe(
                False, "The lp command (CUPS client) is missing.", "apt-get install cups-client"
            )
        result = subprocess.run(
            ["lpstat", "-p", self.queue], capture_output=True, text=True, check=False, timeout=10
        )
        if result.returncode != 0:
            return PrinterProbe(
                False,
                f"The printer queue '{self.queue}' is not available.",
                "Check the printer name with `lpstat -p` or fix CUPS.",
            )
        return PrinterProbe(True, f"Printer '{self.queue}' is ready.")

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
    detector = cv2.QRCodeDetector()
    for candidate in (gray, cv2.resize(gray, None, fx=0.5, fy=0.5)):
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
