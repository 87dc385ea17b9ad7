"""Page images for the bundle: lossless CCITT G4 for bitonal pages, JPEG for the rest.

Why: a typed letter binarised and stored as CCITT Group 4 is small (tens of kB per A4 page at
300 dpi) and *lossless* at the bit level, so digits can never be swapped (the failure of lossy
JBIG2 that the issue forbids). Photos, coloured forms and stamps keep their colour as JPEG at
:data:`JPEG_QUALITY`, chosen with benchmarks/bundle.py (OCR of the bundle's pages still reads
the words). Everything is encoded in memory (Pillow to ``BytesIO``): no image touches disk.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np
import pikepdf
from PIL import Image

from scanners.types import Page

JPEG_QUALITY = 60
# A page is bitonal when nearly all its pixels are near black or near white and it carries no
# colour: then binarising loses nothing a reader needs.
BITONAL_EXTREME_FRACTION = 0.97
BITONAL_MAX_CHROMA = 18.0
ImageKind = Literal["g4", "jpeg-gray", "jpeg-color"]


@dataclass(frozen=True)
class EncodedImage:
    kind: ImageKind
    data: bytes
    width: int
    height: int

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def _chroma(color: np.ndarray) -> float:
    """The 99th percentile of per-pixel colourfulness (max-min channel), on a thumbnail."""
    if color.ndim == 2:
        return 0.0
    small = cv2.resize(color, (max(1, color.shape[1] // 4), max(1, color.shape[0] // 4)))
    spread = small.max(axis=2).astype(np.int16) - small.min(axis=2).astype(np.int16)
    return float(np.percentile(spread, 99))


def classify(page: Page) -> ImageKind:
    gray = page.gray if page.gray is not None else cv2.cvtColor(page.color, cv2.COLOR_BGR2GRAY)
    small = cv2.resize(gray, (max(1, gray.shape[1] // 4), max(1, gray.shape[0] // 4)))
    extreme = float(np.mean((small < 64) | (small > 191)))
    chroma = _chroma(page.color)
    if chroma > BITONAL_MAX_CHROMA:
        return "jpeg-color"
    if extreme >= BITONAL_EXTREME_FRACTION:
        return "g4"
    return "jpeg-gray"


def _binarize(gray: np.ndarray) -> np.ndarray:
    _, bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return bw


def encode_g4(gray: np.ndarray) -> EncodedImage:
    """CCITT G4 strip of the binarised page, taken out of an in-memory one-strip TIFF."""
    bw = _binarize(gray)
    image = Image.fromarray(bw).convert("1")
    buf = io.BytesIO()
    image.save(buf, format="TIFF", compression="group4", strip_size=2**31 - 1)
    tiff = Image.open(io.BytesIO(buf.getvalue()))
    tags = tiff.tag_v2  # type: ignore[attr-defined]
    offsets = tags[273]
    counts = tags[279]
    if len(offsets) != 1:  # pragma: no cover - Pillow honours strip_size
        raise RuntimeError("expected a single TIFF strip")
    raw = buf.getvalue()[offsets[0] : offsets[0] + counts[0]]
    return EncodedImage("g4", raw, image.width, image.height)


def encode_jpeg(pixels: np.ndarray, *, quality: int = JPEG_QUALITY) -> EncodedImage:
    if pixels.ndim == 2:
        image = Image.fromarray(pixels, mode="L")
        kind: ImageKind = "jpeg-gray"
    else:
        image = Image.fromarray(cv2.cvtColor(pixels, cv2.COLOR_BGR2RGB), mode="RGB")
        kind = "jpeg-color"
    buf = io.BytesIO()
    image.save(buf, format="JPEG", quality=quality, optimize=True, subsampling=2)
    return EncodedImage(kind, buf.getvalue(), image.width, image.height)


def encode_page(page: Page, *, quality: int = JPEG_QUALITY) -> EncodedImage:
    kind = classify(page)
    if kind == "g4":
        gray = page.gray if page.gray is not None else cv2.cvtColor(page.color, cv2.COLOR_BGR2GRAY)
        if gray.shape[:2] != page.color.shape[:2]:
            gray = cv2.cvtColor(page.color, cv2.COLOR_BGR2GRAY)
        return encode_g4(gray)
    if kind == "jpeg-gray":
        gray = cv2.cvtColor(page.color, cv2.COLOR_BGR2GRAY) if page.color.ndim == 3 else page.color
        return encode_jpeg(gray, quality=quality)
    return encode_jpeg(page.color, quality=quality)


def to_pdf_stream(pdf: pikepdf.Pdf, image: EncodedImage) -> pikepdf.Stream:
    """An image XObject holding the encoded bytes unchanged (no re-encoding by qpdf)."""
    stream = pikepdf.Stream(pdf, image.data)
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width = image.width
    stream.Height = image.height
    if image.kind == "g4":
        stream.ColorSpace = pikepdf.Name.DeviceGray
        stream.BitsPerComponent = 1
        stream.Filter = pikepdf.Name.CCITTFaxDecode
        stream.DecodeParms = pikepdf.Dictionary(
            K=-1, Columns=image.width, Rows=image.height, BlackIs1=True
        )
    else:
        stream.ColorSpace = (
            pikepdf.Name.DeviceGray if image.kind == "jpeg-gray" else pikepdf.Name.DeviceRGB
        )
        stream.BitsPerComponent = 8
        stream.Filter = pikepdf.Name.DCTDecode
    return stream


def stream_sha256(stream: pikepdf.Stream) -> str:
    """SHA-256 of an image stream's encoded bytes, as the manifest records them."""
    return hashlib.sha256(stream.read_raw_bytes()).hexdigest()


#: What decides how an image's bytes become pixels, and how a page frames them.
_IMAGE_KEYS = (
    "/Width",
    "/Height",
    "/BitsPerComponent",
    "/ColorSpace",
    "/Filter",
    "/DecodeParms",
    "/Decode",
    "/ImageMask",
    "/Mask",
    "/SMask",
    "/Intent",
)
_PAGE_KEYS = ("/MediaBox", "/CropBox", "/Rotate", "/UserUnit")


def frame_sha256(page: pikepdf.Dictionary, image: pikepdf.Stream) -> str:
    """SHA-256 of the image dictionary and page frame, so "/BlackIs1" flipped or a page
    rotated is caught like a changed pixel (the image hash covers only the encoded bytes)."""
    digest = hashlib.sha256()
    for owner, keys in ((image, _IMAGE_KEYS), (page, _PAGE_KEYS)):
        for key in keys:
            value = owner.get(key)
            digest.update(key.encode() + b"=")
            if isinstance(value, pikepdf.Object):
                digest.update(value.unparse(resolved=True))
            else:  # pikepdf hands scalars (int, bool, Decimal) back as Python values
                digest.update(b"-" if value is None else repr(value).encode())
            digest.update(b"\n")
    return digest.hexdigest()


def raster_to_pdf_stream(pdf: pikepdf.Pdf, image: Image.Image) -> pikepdf.Stream:
    """A rendered page (cover, key card) as a 16-colour indexed, Flate-compressed image.

    Rendered text has few colours, so a small palette keeps it sharp and small.
    """
    import zlib

    indexed = image.convert("RGB").quantize(colors=16, dither=Image.Dither.NONE)
    palette = bytes(indexed.getpalette() or [])[: 16 * 3]
    palette = palette.ljust(16 * 3, b"\xff")
    stream = pikepdf.Stream(pdf, zlib.compress(indexed.tobytes(), 9))
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width = indexed.width
    stream.Height = indexed.height
    stream.ColorSpace = pikepdf.Array(
        [pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 15, pikepdf.String(palette)]
    )
    stream.BitsPerComponent = 8
    stream.Filter = pikepdf.Name.FlateDecode
    return stream
