"""Files brought by the person (phone photos, scans, PDFs): read as hostile input, keep pixels.

Why this shape: a file on a migrant's phone may be damaged, mislabelled or, rarely, malicious.
We sniff the real format from the first bytes (never trust the extension), check sizes, page
counts and the pixels the pages would decode to *from the headers*, before decoding anything,
and decode with Pillow / pypdfium2 from bytes held in memory. A PDF is only ever rasterised: no
scripts, forms, attachments or fonts survive, because the only thing we return is a numpy array
per page. pdfium runs no JavaScript unless a form environment is initialised, which we never
do, and we render with ``may_draw_forms=False``.

Pages are decoded one at a time (:class:`PageSource`, :func:`iter_file`): a caller that
processes and drops each page holds one page's pixels, whatever the file's length. A
:class:`DecodeBudget` (per file, and optionally per session) caps pages and decoded pixels; a
small file that would expand to far more pixels than its bytes can describe (a "decompression
bomb": G4 TIFF frames of blank paper, a PDF of hundreds of empty pages) is refused before any
page is drawn.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import numpy as np
from PIL import Image, ImageOps

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
#: Pages of one file.
MAX_FILE_PAGES = 200
#: Decoded pixels of one file: about 115 A4 pages at 300 dpi (a thicker file is split).
MAX_FILE_PIXELS = 1_000_000_000
#: A session (one visit's file scanner) decodes at most this many pages and pixels in all.
MAX_SESSION_PAGES = 400
MAX_SESSION_PIXELS = 3_000_000_000
#: Raster files expanding to more than this many pixels per byte of file are refused once
#: they exceed BOMB_FLOOR_PIXELS: real scans compress text pages 100-1000:1 (G4), a blank
#: frame 10^4:1 and more. Below the floor (a few pages) the ratio says nothing.
MAX_PIXELS_PER_BYTE = 2_000
BOMB_FLOOR_PIXELS = 100_000_000
#: Rendering resolution for PDF pages (the OCR sweet spot, the issue's default).
PDF_DPI = 300.0
#: A PDF page larger than this (A2-ish) is rendered at a lower resolution, not refused.
_PDF_MAX_POINTS_SIDE = 1700.0
#: A DPI tag outside this range is a default written by software (72, 1), not a measurement.
_DPI_PLAUSIBLE = (100.0, 1200.0)

_HINT_OTHER = "Ask the person for another copy of the document, or scan the paper instead."
_HINT_SPLIT = "Split the file into smaller documents, or scan the paper pages instead."

# Pillow's own decompression-bomb guard, at our page limit: it raises
# DecompressionBombError past twice this, before allocating anything.
Image.MAX_IMAGE_PIXELS = MAX_PAGE_PIXELS


@dataclass
class DecodeBudget:
    """Pages and decoded pixels that may still be decoded; charged from headers.

    ``scope`` names what the budget covers in the refusal ("file", "session").
    """

    max_pages: int
    max_pixels: int
    scope: str = "file"
    pages: int = 0
    pixels: int = 0

    def check(self, pages: int, pixels: int) -> None:
        """Raise when ``pages``/``pixels`` more would exceed the budget; charge nothing."""
        if self.pages + pages > self.max_pages:
            left = max(0, self.max_pages - self.pages)
            raise TooManyPagesError(
                f"The file has {pages} pages; at most {left} more are accepted "
                f"in this {self.scope} (limit {self.max_pages}).",
                hint=_HINT_SPLIT,
            )
        if self.pixels + pixels > self.max_pixels:
            raise FileTooLargeError(
                f"The file would expand to {pixels // 1_000_000} million pixels; the limit "
                f"per {self.scope} is {self.max_pixels // 1_000_000} million.",
                hint=_HINT_SPLIT,
            )

    def charge(self, pages: int, pixels: int) -> None:
        self.check(pages, pixels)
        self.pages += pages
        self.pixels += pixels


def session_budget() -> DecodeBudget:
    """The budget one visit's file scanner shares across all its files."""
    return DecodeBudget(MAX_SESSION_PAGES, MAX_SESSION_PIXELS, "session")


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


def read_file(path: Path) -> bytes:
    """The bytes of one regular file, size-checked before reading."""
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
        return path.read_bytes()
    except OSError as exc:
        raise ScanError(
            "The file could not be read.", hint="Check that the drive is still connected."
        ) from exc


def open_file(
    path: Path, *, max_pages: int = MAX_FILE_PAGES, session: DecodeBudget | None = None
) -> PageSource:
    """Open one file for lazy decoding; its headers are checked against the budgets now."""
    return open_bytes(read_file(path), max_pages=max_pages, session=session)


def open_bytes(
    data: bytes, *, max_pages: int = MAX_FILE_PAGES, session: DecodeBudget | None = None
) -> PageSource:
    """:func:`open_file` for bytes already in memory (an upload, a phone transfer)."""
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
    source: PageSource = _PdfSource(data) if fmt == "pdf" else _ImageSource(data, fmt)
    try:
        source.admit(max_pages, session)
    except BaseException:
        source.close()
        raise
    return source


def iter_file(
    path: Path, *, max_pages: int = MAX_FILE_PAGES, session: DecodeBudget | None = None
) -> Iterator[RawImage]:
    """The pages of one file, decoded one at a time (drop each before taking the next)."""
    with open_file(path, max_pages=max_pages, session=session) as source:
        yield from source


def load_file(path: Path, *, max_pages: int = MAX_FILE_PAGES) -> list[RawImage]:
    """Read one file into page images; raise a :class:`ScanError` subclass when we must not.

    Only pixels leave this function. ``origin`` says "file page i/n", never the file name,
    since names of personal files are personal data too. Holds every page at once: prefer
    :func:`iter_file` for long files.
    """
    return list(iter_file(path, max_pages=max_pages))


def load_bytes(data: bytes, *, max_pages: int = MAX_FILE_PAGES) -> list[RawImage]:
    """:func:`load_file` for bytes already in memory."""
    with open_bytes(data, max_pages=max_pages) as source:
        return list(source)


class PageSource:
    """One opened file: its page count and decoded size from headers, pages on demand."""

    fmt: str = ""
    #: (width, height) of every page as it will be decoded.
    sizes: list[tuple[int, int]]

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.sizes = []

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def pixels(self) -> int:
        return sum(w * h for w, h in self.sizes)

    def admit(self, max_pages: int, session: DecodeBudget | None) -> None:
        """Read the headers and charge the per-file and session budgets (nothing decoded)."""
        n = self._count()
        if n > max_pages:
            raise TooManyPagesError(
                f"The file has {n} pages; at most {max_pages} are accepted at once.",
                hint="Split the file into separate documents.",
            )
        if session is not None:
            session.check(n, 0)
        self.sizes = self._sizes(n)
        pixels = self.pixels
        DecodeBudget(max_pages, MAX_FILE_PIXELS).charge(n, pixels)
        if (
            self.fmt != "pdf"
            and pixels > BOMB_FLOOR_PIXELS
            and pixels > MAX_PIXELS_PER_BYTE * len(self._data)
        ):
            raise FileTooLargeError(
                f"The file would expand to {pixels // 1_000_000} million pixels from only "
                f"{max(1, len(self._data) // 1024)} KB: it is built to exhaust memory or "
                "holds nothing but empty pages.",
                hint=_HINT_OTHER,
            )
        if session is not None:
            session.charge(n, pixels)

    def page(self, index: int) -> RawImage:
        raise NotImplementedError

    def _count(self) -> int:
        raise NotImplementedError

    def _sizes(self, n: int) -> list[tuple[int, int]]:
        raise NotImplementedError

    def __iter__(self) -> Iterator[RawImage]:
        for index in range(len(self)):
            yield self.page(index)

    def close(self) -> None:
        self._data = b""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


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


#: Pillow format names we accept per sniffed format; only those Pillow has registered are
#: asked for (Pillow 11 stopped registering an MPO opener: asking for it raised KeyError).
_PILLOW_FORMATS = {"jpeg": ("JPEG", "MPO"), "png": ("PNG",), "tiff": ("TIFF",), "heif": ("HEIF",)}


def _open_image(data: bytes, fmt: str) -> Image.Image:
    if fmt == "heif":
        import pillow_heif

        pillow_heif.register_heif_opener()
    Image.init()
    formats = [f for f in _PILLOW_FORMATS[fmt] if f in Image.OPEN]
    with warnings.catch_warnings():
        # Pillow warns between MAX_IMAGE_PIXELS and twice that; we refuse on our own limit.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data), formats=formats)


def _damaged(fmt: str, exc: BaseException) -> CorruptFileError:
    truncated = "truncated" in str(exc).lower()
    return CorruptFileError(
        f"The {fmt.upper()} file is "
        + ("cut short (incomplete copy)." if truncated else "damaged and cannot be read."),
        hint=("Copy the file from the phone again." if truncated else _HINT_OTHER),
    )


_BOMB = FileTooLargeError(
    "The image is far too large for a page (it would expand to billions of pixels).",
    hint="Take the photo again at a normal resolution, or scan the paper.",
)
# Pillow and its plugins raise these for damaged data (KeyError, IndexError and
# struct.error come from malformed tags and markers): all mean "this file cannot be read".
_PILLOW_ERRORS = (OSError, SyntaxError, ValueError, EOFError, KeyError, IndexError, TypeError)


class _ImageSource(PageSource):
    def __init__(self, data: bytes, fmt: str) -> None:
        super().__init__(data)
        self.fmt = fmt
        try:
            self._im: Image.Image | None = _open_image(data, fmt)
        except Image.DecompressionBombError as exc:
            raise FileTooLargeError(_BOMB.message, hint=_BOMB.hint) from exc
        except _PILLOW_ERRORS as exc:
            raise CorruptFileError(
                f"The {fmt.upper()} file is damaged and cannot be read.", hint=_HINT_OTHER
            ) from exc
        self._photo = fmt in ("jpeg", "heif") and _is_camera_photo(self._im)

    def _image(self) -> Image.Image:
        if self._im is None:
            raise CorruptFileError("The file was closed before it was read.", hint=_HINT_OTHER)
        return self._im

    def _count(self) -> int:
        try:
            return int(getattr(self._image(), "n_frames", 1) or 1)
        except _PILLOW_ERRORS as exc:
            raise _damaged(self.fmt, exc) from exc

    def _sizes(self, n: int) -> list[tuple[int, int]]:
        im = self._image()
        sizes = []
        try:
            for index in range(n):
                if n > 1:
                    im.seek(index)  # reads the frame's header (IFD), not its pixels
                w, h = im.size
                _check_size(w, h)
                if self._photo and (im.getexif().get(0x0112) or 1) in (5, 6, 7, 8):
                    w, h = h, w  # EXIF turns the photo a quarter
                sizes.append((w, h))
            if n > 1:
                im.seek(0)
        except ScanError:
            raise
        except Image.DecompressionBombError as exc:
            raise FileTooLargeError(_BOMB.message, hint=_BOMB.hint) from exc
        except _PILLOW_ERRORS as exc:
            raise _damaged(self.fmt, exc) from exc
        return sizes

    def page(self, index: int) -> RawImage:
        im = self._image()
        n = len(self)
        try:
            if n > 1 or index:
                im.seek(index)
            _check_size(*im.size)
            dpi = _plausible_dpi(im.info)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                im.load()
                frame = im
                if self._photo:
                    frame = ImageOps.exif_transpose(im) or im
                pixels = _to_array(frame)
        except ScanError:
            raise
        except Image.DecompressionBombError as exc:
            raise FileTooLargeError(_BOMB.message, hint=_BOMB.hint) from exc
        except (*_PILLOW_ERRORS, MemoryError) as exc:
            raise _damaged(self.fmt, exc) from exc
        origin = f"file page {index + 1}/{n}"
        return RawImage(pixels, dpi, "photo" if self._photo else "file", origin)

    def close(self) -> None:
        if self._im is not None:
            self._im.close()
            self._im = None
        super().close()


# -- PDF ------------------------------------------------------------------------------------------


class _PdfSource(PageSource):
    fmt = "pdf"

    def __init__(self, data: bytes) -> None:
        import pypdfium2 as pdfium

        super().__init__(data)
        self._dpis: list[float] = []
        self.notes: tuple[str, ...] = ()
        try:
            self._doc: Any = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise EncryptedFileError(
                    "The PDF is protected by a password.",
                    hint="Ask the person to open it on the phone and share an unprotected copy.",
                ) from exc
            raise CorruptFileError(
                "The PDF file is damaged and cannot be read.", hint=_HINT_OTHER
            ) from exc

    def _count(self) -> int:
        n = len(self._doc)
        if n == 0:
            raise CorruptFileError("The PDF has no pages.", hint=_HINT_OTHER)
        return n

    def _sizes(self, n: int) -> list[tuple[int, int]]:
        import pypdfium2.raw as pdfium_c

        try:
            active = pdfium_c.FPDFDoc_GetJavaScriptActionCount(self._doc) > 0
            active = active or self._doc.count_attachments() > 0
        except Exception:  # noqa: BLE001 - counting is informative only
            active = False
        if active:
            self.notes = ("pdf_active_content_dropped",)
        sizes = []
        for index in range(n):
            try:
                w_pt, h_pt = self._doc.get_page_size(index)
            except Exception as exc:  # noqa: BLE001 - pdfium reports any damage this way
                raise CorruptFileError(
                    f"Page {index + 1} of the PDF is damaged and cannot be read.",
                    hint=_HINT_OTHER,
                ) from exc
            if not (0 < w_pt < 20_000 and 0 < h_pt < 20_000):
                raise CorruptFileError(
                    f"Page {index + 1} of the PDF has an impossible size.", hint=_HINT_OTHER
                )
            dpi = PDF_DPI
            if max(w_pt, h_pt) > _PDF_MAX_POINTS_SIDE:
                dpi = PDF_DPI * _PDF_MAX_POINTS_SIDE / max(w_pt, h_pt)
            size = (round(w_pt * dpi / 72), round(h_pt * dpi / 72))
            _check_size(*size)
            self._dpis.append(dpi)
            sizes.append(size)
        return sizes

    def page(self, index: int) -> RawImage:
        import pypdfium2 as pdfium

        n = len(self)
        dpi = self._dpis[index]
        try:
            page = self._doc[index]
        except pdfium.PdfiumError as exc:
            raise CorruptFileError(
                f"Page {index + 1} of the PDF is damaged and cannot be drawn.", hint=_HINT_OTHER
            ) from exc
        try:
            bitmap = page.render(scale=dpi / 72.0, may_draw_forms=False)
            try:
                pixels = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
            finally:
                bitmap.close()
        except pdfium.PdfiumError as exc:
            raise CorruptFileError(
                f"Page {index + 1} of the PDF is damaged and cannot be drawn.", hint=_HINT_OTHER
            ) from exc
        finally:
            page.close()
        if pixels.ndim == 3 and pixels.shape[2] == 4:
            pixels = np.ascontiguousarray(pixels[:, :, :3])
        return RawImage(pixels, dpi, "file", f"file page {index + 1}/{n}", self.notes)

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None
        super().close()


# -- the Scanner --------------------------------------------------------------------------------


class FileScanner(ScannerBase):
    """The files backend: each :meth:`capture` returns the pages of the next file.

    A file that cannot be read raises its :class:`ScanError` from :meth:`capture` and the
    scanner moves on, so one bad file does not block the others. All files share one
    session :class:`DecodeBudget`.
    """

    name = "files"

    def __init__(
        self,
        paths: list[Path] | tuple[Path, ...],
        *,
        max_pages: int = MAX_FILE_PAGES,
        budget: DecodeBudget | None = None,
    ) -> None:
        self._paths = [Path(p) for p in paths]
        self._next = 0
        self._max_pages = max_pages
        self.budget = budget or session_budget()

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
        return list(iter_file(path, max_pages=self._max_pages, session=self.budget))

    def close(self) -> None:
        self._next = len(self._paths)
