"""A plain-text PDF writer (pikepdf, standard Helvetica, WinAnsi) for receipts and reports.

Why: receipts and audit reports must be printable and storable as PDF on any machine, without
font files or a layout engine; plain lines in a standard font are enough and stay readable.
Characters WinAnsi cannot show are replaced by "?" (callers choose a Latin-script language).
"""

from __future__ import annotations

import io
import textwrap

import pikepdf

LINES_PER_PAGE = 62


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_pdf(text: str, *, title: str, width: int = 92) -> bytes:
    """Lay ``text`` out on A4 pages, wrapping long lines; the first line is the heading."""
    wrapped: list[str] = []
    for line in text.splitlines():
        wrapped += textwrap.wrap(line, width, subsequent_indent="    ") or [""]
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name.Helvetica,
            Encoding=pikepdf.Name.WinAnsiEncoding,
        )
    )
    for start in range(0, max(len(wrapped), 1), LINES_PER_PAGE):
        ops = [b"BT 12 TL 50 800 Td"]
        for i, line in enumerate(wrapped[start : start + LINES_PER_PAGE]):
            size = b"14" if start == 0 and i == 0 else b"10"
            ops.append(b"/F1 " + size + b" Tf (" + _escape(line) + b") Tj T*")
        ops.append(b"ET")
        page = pdf.add_blank_page(page_size=(595, 842))
        page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.docinfo["/Title"] = title
    buf = io.BytesIO()
    pdf.save(buf, deterministic_id=True)
    return buf.getvalue()
