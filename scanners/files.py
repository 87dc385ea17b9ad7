"""Files brought by the person (phone photos, scans, PDFs): read as hostile input, keep pixels.

Why this shape: a file on a migrant's phone may be damaged, mislabelled or, rarely, malicious.
We sniff the real format from the first bytes (never trust the extension), check sizes and page
counts *before* decoding anything large, and decode with Pillow / pypdfium2 from bytes held in
memory. A PDF is only ever rasterised: no scripts, forms, attachments or fonts survive, because
the only thing we return is a numpy array per page. pdfium runs no JavaScript unless a form
environment is initialised, which we never do, and we render with ``may_draw_forms=False``.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps, ImageSequence

from scanners.base import ScannerBase
from scanners.errors import (
    CorruptFileError,
    EmptyFileError,
    EncryptedFileError,
    FileTooLargeError,
    ScanError,
    TooManyPagesError,
    UnsupportedFileError,
)
from scanners.types import RawImage

#: Bytes read from one file: a 200-page 300 dpi scan PDF is well under this.
MAX_FILE_BYTES = 300 * 1024 * 1024
#: Pixels of one page: A3 at 600 dpi is 7016 x 9921 = 70 MP; anything bigger is no paper page.
MAX_PAGE_PIXELS = 80_000_000
#: Longest side of one page in pixels (also catches 1 x 10^8 "ribbons").
MAX_SIDE = 20_000
#: Rendering resolution for PDF pages (the OCR sweet spot, the issue's default).
PDF_DPI = 300.0
#: A PDF page larger than this (A2-ish) is rendered at a lower resolution, not refused.
_PDF_MAX_POINTS_SIDE = 1700.0
#: A DPI tag outside this range is a default written by software (72, 1), not a measurement.
_DPI_PLAUSIBLE = (100.0, 1200.0)

_HINT_OTHER = "Ask the person for another copy of the document, or scan the paper instead."


def sniff(head: bytes) -> str | None:
    """The real format from magic bytes: jpeg, png, tiff, heif, pdf, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[4:8] == b"ftyp" and head[8:12] in (
        b"heic",
        b"heix",
        b"hevc",
        b"hevx",
        b"heim",
        b"heis",
        b"mif1",
        b"msf1",
        b"avif",
    ):
        return "heif"
    # PDF allows up to 1024 bytes of junk before the header.
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return None


def load_file(path: Path, *, max_pages: int = 200) -> list[RawImage]:
    """Read one file into page images; raise a :class:`ScanError` subclass when we must not.

    Only pixels leave this function. ``origin`` says "file page i/n", never the file name,
    since names of personal files are personal data too.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ScanError(
            "The file could not be opened.", hint="Check that the drive is still connected."
        ) from exc
    if size == 0:
        raise EmptyFileError(
            "The file is empty (0 bytes).",
            hint="The copy from the phone was probably interrupted; copy it again.",
        )
    if size > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"The file is too large ({size // (1024 * 1024)} MB; the limit is "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB).",
            hint="Split the document or scan the paper pages instead.",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ScanError(
            "The file could not be read.", hint="Check that the drive is still connected."
        ) from exc
    return load_bytes(data, max_pages=max_pages)


def load_bytes(data: bytes, *, max_pages: int = 200) -> list[RawImage]:
    """:func:`load_file` for bytes already in memory (an upload, a phone transfer)."""
    if not data:
        raise EmptyFileError(
            "The file is empty (0 bytes).",
            hint="The copy from the phone was probably interrupted; copy it again.",
        )
    fmt = sniff(data[:1024])
    if fmt is None:
        raise UnsupportedFileError(
            "This file is not a photo, a scan or a PDF, whatever its name says.",
            hint="Accepted: JPEG, PNG, TIFF, HEIC photos and PDF documents.",
        )
    if fmt == "pdf":
        return _load_pdf(data, max_pages)
    return _load_image(data, fmt, max_pages)


# -- images -------------------------------------------------------------------------------------


def _check_size(width: int, height: int) -> None:
    if width <= 0 or height <= 0:
        raise CorruptFileError("The image has no pixels.", hint=_HINT_OTHER)
    if width * height > MAX_PAGE_PIXELS or max(width, height) > MAX_SIDE:
        raise FileTooLargeError(
            f"The image is far too large for a page ({width} x {height} pixels).",
            hint="Take the photo again at a normal resolution, or scan the paper.",
        )


def _plausible_dpi(info: Mapping[Any, Any]) -> float | None:
    dpi = info.get("dpi")
    if isinstance(dpi, tuple) and dpi:
        try:
            value = float(dpi[0])
        except (TypeError, ValueError):
            return None
        if _DPI_PLAUSIBLE[0] <= value <= _DPI_PLAUSIBLE[1]:
            return value
    return None


def _is_camera_photo(im: Image.Image) -> bool:
    """A phone/camera JPEG or HEIC (EXIF Make/Model): needs the page found in it."""
    try:
        exif = im.getexif()
    except Exception:  # noqa: BLE001 - broken EXIF just means "not a photo we know"
        return False
    return bool(exif.get(0x010F) or exif.get(0x0110))  # Make, Model


def _to_array(frame: Image.Image) -> np.ndarray:
    """Pillow frame -> uint8 grey or BGR array (EXIF orientation applied for photos)."""
    if frame.mode in ("1", "L", "I;16", "I", "F"):
        grey = frame.convert("L")
        return np.asarray(grey, dtype=np.uint8).copy()
    if frame.mode in ("RGBA", "LA", "P", "PA") or "transparency" in frame.info:
        # Flatten transparency on white, as paper would be.
        rgba = frame.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        frame = Image.alpha_composite(background, rgba)
    rgb = np.asarray(frame.convert("RGB"), dtype=np.uint8)
    return np.ascontiguousarray(rgb[:, :, ::-1])


def _open_image(data: bytes, fmt: str) -> Image.Image:
    if fmt == "heif":
        import pillow_heif

        pillow_heif.register_heif_opener()
    formats = {"jpeg": ["JPEG", "MPO"], "png": ["PNG"], "tiff": ["TIFF"], "heif": ["HEIF"]}
    with warnings.catch_warnings():
        # Pillow warns between MAX_IMAGE_PIXELS and twice that; we refuse on our own limit.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data), formats=formats.get(fmt))


def _load_image(data: bytes, fmt: str, max_pages: int) -> list[RawImage]:
    try:
        im = _open_image(data, fmt)
    except Image.DecompressionBombError as exc:
        raise FileTooLargeError(
            "The image is far too large for a page (it would expand to billions of pixels).",
            hint="Take the photo again at a normal resolution, or scan the paper.",
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptFileError(
            f"The {fmt.upper()} file is damaged and cannot be read.", hint=_HINT_OTHER
        ) from exc
    with im:
        n_frames = int(getattr(im, "n_frames", 1) or 1)
        if n_frames > max_pages:
            raise TooManyPagesError(
                f"The file has {n_frames} pages; at most {max_pages} are accepted at once.",
                hint="Split the file into separate documents.",
            )
        photo = fmt in ("jpeg", "heif") and _is_camera_photo(im)
        pages: list[RawImage] = []
        try:
            for index, frame in enumerate(ImageSequence.Iterator(im)):
                _check_size(*frame.size)
                dpi = _plausible_dpi(frame.info)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                    frame.load()
                    if photo:
                        frame = ImageOps.exif_transpose(frame) or frame
                    pixels = _to_array(frame)
                origin = f"file page {index + 1}/{n_frames}"
                pages.append(RawImage(pixels, dpi, "photo" if photo else "file", origin))
        except ScanError:
            raise
        except Image.DecompressionBombError as exc:
            raise FileTooLargeError(
                "The image is far too large for a page.",
                hint="Take the photo again at a normal resolution, or scan the paper.",
            ) from exc
        except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
            truncated = "truncated" in str(exc).lower()
            raise CorruptFileError(
                f"The {fmt.upper()} file is "
                + ("cut short (incomplete copy)." if truncated else "damaged and cannot be read."),
                hint=("Copy the file from the phone again." if truncated else _HINT_OTHER),
            ) from exc
    return pages


# -- PDF ------------------------------------------------------------------------------------------


def _load_pdf(data: bytes, max_pages: int) -> list[RawImage]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedFileError(
                "The PDF is protected by a password.",
                hint="Ask the person to open it on the phone and share an unprotected copy.",
            ) from exc
        raise CorruptFileError(
            "The PDF file is damaged and cannot be read.", hint=_HINT_OTHER
        ) from exc
    try:
        n_pages = len(doc)
        if n_pages == 0:
            raise CorruptFileError("The PDF has no pages.", hint=_HINT_OTHER)
        if n_pages > max_pages:
            raise TooManyPagesError(
                f"The PDF has {n_pages} pages; at most {max_pages} are accepted at once.",
                hint="Split the PDF into separate documents.",
            )
        notes: tuple[str, ...] = ()
        try:
            active = pdfium_c.FPDFDoc_GetJavaScriptActionCount(doc) > 0
            active = active or doc.count_attachments() > 0
        except Exception:  # noqa: BLE001 - counting is informative only
            active = False
        if active:
            notes = ("pdf_active_content_dropped",)
        pages: list[RawImage] = []
        for index in range(n_pages):
            page = doc[index]
            try:
                w_pt, h_pt = page.get_size()
                if not (0 < w_pt < 20_000 and 0 < h_pt < 20_000):
                    raise CorruptFileError(
                        f"Page {index + 1} of the PDF has an impossible size.", hint=_HINT_OTHER
                    )
                dpi = PDF_DPI
                if max(w_pt, h_pt) > _PDF_MAX_POINTS_SIDE:
                    dpi = PDF_DPI * _PDF_MAX_POINTS_SIDE / max(w_pt, h_pt)
                _check_size(round(w_pt * dpi / 72), round(h_pt * dpi / 72))
                bitmap = page.render(scale=dpi / 72.0, may_draw_forms=False)
                try:
                    pixels = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
                finally:
                    bitmap.close()
            except pdfium.PdfiumError as exc:
                raise CorruptFileError(
                    f"Page {index + 1} of the PDF is damaged and cannot be drawn.",
                    hint=_HINT_OTHER,
                ) from exc
            finally:
                page.close()
            if pixels.ndim == 3 and pixels.shape[2] == 4:
                pixels = np.ascontiguousarray(pixels[:, :, :3])
            pages.append(RawImage(pixels, dpi, "file", f"file page {index + 1}/{n_pages}", notes))
        return pages
    finally:
        doc.close()


# -- the Scanner --------------------------------------------------------------------------------


class FileScanner(ScannerBase):
    """The files backend: each :meth:`capture` returns the pages of the next file.

    A file that cannot be read raises its :class:`ScanError` from :meth:`capture` and the
    scanner moves on, so one bad file does not block the others.
    """

    name = "files"

    def __init__(self, paths: list[Path] | tuple[Path, ...], *, max_pages: int = 200) -> None:
        self._paths = [Path(p) for p in paths]
        self._next = 0
        self._max_pages = max_pages

    @property
    def documents(self) -> int:
        return len(self._paths)

    @property
    def remaining(self) -> int:
        return len(self._paths) - self._next

    def open(self) -> None:
        self._next = 0

    def frames(self) -> Iterator[np.ndarray]:
        return iter(())

    def capture(self) -> list[RawImage]:
        if self._next >= len(self._paths):
            from scanners.errors import NoPageError

            raise NoPageError("There are no more files to read.", hint="Choose other files.")
        path = self._paths[self._next]
        self._next += 1
        return load_file(path, max_pages=self._max_pages)

    def close(self) -> None:
        self._next = len(self._paths)
