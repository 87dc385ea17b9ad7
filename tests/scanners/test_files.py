"""Files backend: formats, hostile files, and that only pixels come out."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import pikepdf
import pytest
from PIL import Image

from scanners import errors
from scanners.files import FileScanner, load_file
from scanners.types import RawImage


def _png_bytes(arr: np.ndarray, dpi: tuple[int, int] | None = None) -> bytes:
    buf = io.BytesIO()
    kw = {"dpi": dpi} if dpi else {}
    Image.fromarray(arr).save(buf, format="PNG", **kw)
    return buf.getvalue()


def _page(h: int = 300, w: int = 200) -> np.ndarray:
    rng = np.random.default_rng(0)
    return rng.integers(0, 255, (h, w), dtype=np.uint8)


def _assert_pixels_only(raws: list[RawImage]) -> None:
    for r in raws:
        assert isinstance(r.pixels, np.ndarray) and r.pixels.dtype == np.uint8
        assert set(vars(r)) == {"pixels", "dpi", "kind", "origin", "notes"}
        assert r.origin.startswith("file page ") and "active" not in r.origin


def test_png_jpeg_tiff_heic_roundtrip(tmp_path: Path) -> None:
    arr = _page()
    (tmp_path / "a.png").write_bytes(_png_bytes(arr, (300, 300)))
    raws = load_file(tmp_path / "a.png")
    assert len(raws) == 1 and raws[0].dpi == pytest.approx(300, abs=1)
    assert np.array_equal(raws[0].pixels, arr)

    rgb = np.dstack([arr, arr // 2, 255 - arr])
    Image.fromarray(rgb).save(tmp_path / "b.jpg", quality=95)
    raws = load_file(tmp_path / "b.jpg")
    assert raws[0].pixels.shape == (300, 200, 3) and raws[0].dpi is None
    # BGR order: channel 0 is the blue (255 - arr) plane
    assert abs(int(raws[0].pixels[..., 0].mean()) - int((255 - arr).mean())) < 6

    frames = [Image.fromarray(_page(100 + 10 * i, 80)) for i in range(3)]
    frames[0].save(tmp_path / "c.tif", save_all=True, append_images=frames[1:], dpi=(200, 200))
    raws = load_file(tmp_path / "c.tif")
    assert [r.pixels.shape[0] for r in raws] == [100, 110, 120]
    assert [r.origin for r in raws] == ["file page 1/3", "file page 2/3", "file page 3/3"]

    pillow_heif = pytest.importorskip("pillow_heif")
    heif = pillow_heif.from_pillow(Image.fromarray(rgb))
    heif.save(tmp_path / "d.heic", quality=90)
    raws = load_file(tmp_path / "d.heic")
    assert raws[0].pixels.shape == (300, 200, 3)


def test_pdf_rendered_at_300_dpi(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(72 * 2, 72 * 3))  # 2 x 3 inches
    pdf.save(tmp_path / "p.pdf")
    raws = load_file(tmp_path / "p.pdf")
    assert len(raws) == 1 and raws[0].dpi == 300
    assert abs(raws[0].pixels.shape[0] - 900) <= 1 and abs(raws[0].pixels.shape[1] - 600) <= 1
    assert raws[0].notes == ()


def _expect(path: Path, exc: type[errors.ScanError], words: str) -> errors.ScanError:
    with pytest.raises(exc) as info:
        load_file(path)
    err = info.value
    assert words in err.message.lower(), err.message
    assert err.hint and err.message.endswith(".")
    return err


def test_zero_byte_file(tmp_path: Path) -> None:
    (tmp_path / "empty.jpg").write_bytes(b"")
    _expect(tmp_path / "empty.jpg", errors.EmptyFileError, "empty")


def test_text_named_jpg(tmp_path: Path) -> None:
    (tmp_path / "letter.jpg").write_text("Dear sir, this is not a photo.\n")
    _expect(tmp_path / "letter.jpg", errors.UnsupportedFileError, "not a photo")


def test_truncated_jpeg(tmp_path: Path) -> None:
    buf = io.BytesIO()
    Image.fromarray(_page(600, 400)).save(buf, format="JPEG", quality=90)
    (tmp_path / "cut.jpg").write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    _expect(tmp_path / "cut.jpg", errors.CorruptFileError, "cut short")


def _huge_png(path: Path, side: int) -> None:
    """A real, valid 1-bit PNG of side x side pixels (a few hundred kB: a decompression bomb)."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + tag
            + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    comp = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    parts = [comp.compress(row * 1000) for _ in range(side // 1000)]
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", b"".join(parts))
        + chunk(b"IEND", b"")
    )


def test_decompression_bomb_png(tmp_path: Path) -> None:
    _huge_png(tmp_path / "bomb.png", 50_000)
    assert (tmp_path / "bomb.png").stat().st_size < 2_000_000
    _expect(tmp_path / "bomb.png", errors.FileTooLargeError, "too large")


def test_pdf_with_ten_thousand_pages(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    for _ in range(9_999):
        pdf.pages.append(page)
    pdf.save(tmp_path / "many.pdf")
    err = _expect(tmp_path / "many.pdf", errors.TooManyPagesError, "10000 pages")
    assert "200" in err.message


def test_pdf_with_javascript_and_attachment_gives_pixels_only(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(144, 144))
    js = pdf.make_indirect(
        pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('pwned');"))
    )
    pdf.Root.OpenAction = js
    pdf.attachments["payload.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ-evil-bytes")
    pdf.save(tmp_path / "active.pdf")
    raws = load_file(tmp_path / "active.pdf")
    assert len(raws) == 1 and abs(raws[0].pixels.shape[0] - 600) <= 1
    assert raws[0].notes == ("pdf_active_content_dropped",)
    _assert_pixels_only(raws)
    assert b"MZ-evil" not in raws[0].pixels.tobytes()


def test_corrupt_pdf_and_encrypted_pdf(tmp_path: Path) -> None:
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.7\n1 0 obj garbage\n%%EOF")
    _expect(tmp_path / "bad.pdf", errors.CorruptFileError, "damaged")
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(user="secret", owner="o"))
    _expect(tmp_path / "locked.pdf", errors.EncryptedFileError, "password")


def test_file_scanner_moves_past_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(_png_bytes(_page()))
    (tmp_path / "b.jpg").write_bytes(b"")
    (tmp_path / "c.png").write_bytes(_png_bytes(_page(50, 60)))
    with FileScanner([tmp_path / "a.png", tmp_path / "b.jpg", tmp_path / "c.png"]) as sc:
        assert list(sc.frames()) == []
        assert len(sc.capture()) == 1
        with pytest.raises(errors.EmptyFileError):
            sc.capture()
        assert sc.capture()[0].pixels.shape == (50, 60)
        with pytest.raises(errors.NoPageError):
            sc.capture()
