"""The recipient slip: one A5 page the person hands over with the drive (or staff photograph
on screen when there is no printer).

It carries the one-time passphrase as text and QR (so the recipient types or scans it), who
sent the copy, what it holds (count and categories in French) and the stock minisign command
that checks the signature. It is printed or shown, never stored by the kiosk.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

import segno
from PIL import Image

from crypto import passphrase as passphrases
from nextstep.bundle import i18n
from nextstep.bundle.keycard import QUIET_ZONE, card_pdf
from nextstep.bundle.render import GREY, RED, RasterPage, Writer
from nextstep.sharing.texts import check_command, t

A5_PT = (419.53, 595.28)
SLIP_DPI = 200.0


def categories_fr(categories: Sequence[str]) -> str:
    """The categories' French names, each once, in the order given."""
    return ", ".join(i18n.category(c, "fr") for c in dict.fromkeys(categories))


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code of ``text`` as rows of dark (True) modules, with a 2-module quiet zone;
    the kiosk draws it in text cells when there is no printer."""
    code = segno.make(text, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=2)]


def render_slip(
    passphrase: str,
    *,
    org_name: str,
    kiosk_id: str,
    created: dt.date,
    document_count: int,
    categories: Sequence[str],
    stem: str,
    folder: str,
) -> list[RasterPage]:
    """The slip as raster pages (one page: the test asserts it)."""
    phrase = passphrases.check(passphrase)
    w = Writer(*A5_PT, dpi=SLIP_DPI, margin_pt=22)
    w.text(t("slip_title", "fr"), size_pt=15, bold=True)
    w.text(
        t("sent_by", "fr", org=org_name, kiosk=kiosk_id, date=i18n.date_text(created)),
        size_pt=9,
        color=GREY,
    )
    w.space(4)
    w.rule()
    w.text(t("one_time", "fr"), size_pt=10, bold=True)
    groups = phrase.split(passphrases.SEPARATOR)
    half = (len(groups) + 1) // 2
    w.text("-".join(groups[:half]) + "-", size_pt=16, bold=True)
    w.text("-".join(groups[half:]), size_pt=16, bold=True)
    w.space(3)
    code = segno.make(phrase, error="m", micro=False)
    buf = io.BytesIO()
    modules = code.symbol_size(scale=1, border=QUIET_ZONE)[0]
    code.save(buf, kind="png", scale=max(1, w.px(100) // modules), border=QUIET_ZONE)
    image = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    w.page.image.paste(image, (w.margin, w.y))
    w.y += image.height + w.px(4)
    w.rule()
    w.text(t("holds", "fr", n=document_count), size_pt=10, bold=True)
    w.text(categories_fr(categories), size_pt=10, indent_pt=10)
    w.text(t("file", "fr", path=f"{folder}/{stem}.pdf"), size_pt=9, indent_pt=10)
    w.space(3)
    w.text(t("check", "fr"), size_pt=10, bold=True)
    w.text(check_command(stem), size_pt=8.5, indent_pt=10)
    w.space(3)
    w.text(t("keep_apart", "fr"), size_pt=9, color=RED)
    return w.pages


def slip_pdf(pages: Sequence[RasterPage]) -> bytes:
    """The slip as a PDF for ``lp`` or saving (unencrypted: it is the passphrase's paper)."""
    return card_pdf(pages)
