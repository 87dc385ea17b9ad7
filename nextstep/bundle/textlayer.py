"""The invisible OCR text layer: words placed on their boxes in a glyphless font.

This follows Tesseract's PDF renderer (src/api/pdfrenderer.cpp) and OCRmyPDF's hOCR
transform: a Type0 font with ``Identity-H`` encoding whose CIDs are the UTF-16 code units of
the text, a ``CIDToGIDMap`` sending every CID to glyph 1 of a tiny font that draws nothing
(``data/glyphless.ttf``, Tesseract's ``pdf.ttf``, Apache-2.0), and an identity ``ToUnicode``
CMap so extraction returns the text. Every glyph is 500/1000 em wide; horizontal scaling
(``Tz``) stretches each word to its box, so selection highlights land on the printed word and
``pdftotext`` finds the word on the right page. Text render mode 3 makes it invisible.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

import pikepdf

from nextstep.model import OcrWord

FONT_NAME = "/FGlyphless"
CHAR_WIDTH = 500  # per 1000 em, the font's /DW

_TOUNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


@cache
def _glyphless_ttf() -> bytes:
    return resources.files("nextstep.bundle").joinpath("data/glyphless.ttf").read_bytes()


def glyphless_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    """The Type0 font object (made once per PDF; callers share it across pages)."""
    ttf = _glyphless_ttf()
    font_file = pikepdf.Stream(pdf, ttf)
    font_file.Length1 = len(ttf)
    descriptor = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor,
            FontName=pikepdf.Name.GlyphLessFont,
            Flags=5,
            FontBBox=[0, 0, CHAR_WIDTH, 1000],
            ItalicAngle=0,
            Ascent=1000,
            Descent=0,
            CapHeight=1000,
            StemV=80,
            FontFile2=font_file,
        )
    )
    cid_to_gid = pikepdf.Stream(pdf, b"\x00\x01" * 65536)
    descendant = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.CIDFontType2,
            BaseFont=pikepdf.Name.GlyphLessFont,
            CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
            FontDescriptor=descriptor,
            CIDToGIDMap=cid_to_gid,
            DW=CHAR_WIDTH,
        )
    )
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type0,
            BaseFont=pikepdf.Name.GlyphLessFont,
            Encoding=pikepdf.Name("/Identity-H"),
            DescendantFonts=[descendant],
            ToUnicode=pikepdf.Stream(pdf, _TOUNICODE),
        )
    )


def is_rtl_word(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _rtl_chars(shown: str, x: float, y: float, width: float, units: int) -> list[str]:
    """A right-to-left word: its characters in logical order, each placed from the right.

    Extractors read the drawing order and the positions: poppler and pdfium rebuild the
    logical order from right-to-left positions, mupdf keeps the drawing order; logical order
    drawn right to left satisfies all three (``tests/bundle/test_rtl_pages.py``)."""
    step = width / max(units, 1)
    ops = []
    right = x + width
    for ch in shown:
        n = len(ch.encode("utf-16-be")) // 2
        right -= step * n
        ops.append(f"1 0 0 1 {_fmt(right)} {_fmt(y)} Tm <{_hex_utf16(ch)}> Tj")
    return ops


def _hex_utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _fmt(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def content(
    words: Iterable[OcrWord], *, page_height_px: int, scale: float, min_conf: float = 0.0
) -> bytes:
    """Content-stream operators drawing ``words`` invisibly.

    ``scale`` converts page pixels to points (72 / dpi); PDF's origin is bottom-left, so the
    box bottom ``top + height`` becomes ``y``. A space follows each word that is not the last
    of its line so copy-paste keeps word boundaries.
    """
    kept = [w for w in words if w.text.strip() and w.width > 0 and w.height > 0]
    kept = [w for w in kept if w.conf < 0 or w.conf >= min_conf]
    if not kept:
        return b""
    ops = ["BT", "3 Tr"]
    for i, word in enumerate(kept):
        text = word.text.strip()
        last_in_line = i + 1 == len(kept) or kept[i + 1].line != word.line
        size = max(word.height * scale, 1.0)
        width = word.width * scale
        units = len(text.encode("utf-16-be")) // 2
        hscale = 100.0 * width / (units * size * CHAR_WIDTH / 1000.0)
        x = word.left * scale
        y = (page_height_px - word.top - word.height) * scale
        shown = text if last_in_line else text + " "
        ops.append(f"{FONT_NAME} {_fmt(size)} Tf {_fmt(hscale)} Tz")
        if is_rtl_word(text):
            ops.extend(_rtl_chars(shown, x, y, width, units))
            continue
        ops.append(f"1 0 0 1 {_fmt(x)} {_fmt(y)} Tm <{_hex_utf16(shown)}> Tj")
    ops.append("ET")
    return ("\n".join(ops) + "\n").encode("ascii")
