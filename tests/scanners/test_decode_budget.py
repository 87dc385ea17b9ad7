"""The decode budget: hostile small files end in one message, with bounded memory, and never
take the other files of a batch down (issue 13, item 2). Peak memory is measured on the real
CLI in a subprocess with ``getrusage(RUSAGE_CHILDREN).ru_maxrss``."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from scanners import errors
from scanners.files import DecodeBudget, FileScanner, open_file
from tests.conftest import ROOT, require_tool

GIB = 1024**3
GOOD = ROOT / "scanners" / "demo" / "samples" / "03-mutualite.png"


def _g4_tiff(path: Path, frames: int) -> Path:
    frame = Image.new("1", (7000, 10000), 1)
    frame.save(path, compression="group4", save_all=True, append_images=[frame] * (frames - 1))
    return path


def _blank_pdf(path: Path, pages: int) -> Path:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    pdf.save(path)
    return path


def _classify_peak(tmp_path: Path, *files: Path) -> tuple[subprocess.CompletedProcess[str], int]:
    """Run ``nextstep classify --json`` in a fresh child; return it and the peak RSS of the
    largest process it ran (bytes)."""
    tmp = tmp_path / "tmp"
    tmp.mkdir(exist_ok=True)
    code = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(p.stdout); sys.stderr.write(p.stderr)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "sys.stderr.write(f'\\nPEAK_KB={peak}\\n'); sys.exit(p.returncode)\n"
    )
    cmd = [sys.executable, "-c", code, sys.executable, "-m", "nextstep.cli", "classify"]
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp))
    proc = subprocess.run(
        [*cmd, "--json", *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
        check=False,
    )
    peak_kb = int(proc.stderr.rsplit("PEAK_KB=", 1)[1].split()[0])
    return proc, peak_kb * 1024


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda d: _g4_tiff(d / "t10.tif", 10), "700 million pixels"),
        (lambda d: _g4_tiff(d / "t30.tif", 30), "limit per file"),
        (lambda d: _blank_pdf(d / "blank200.pdf", 200), "limit per file"),
    ],
    ids=["tiff-10-frames", "tiff-30-frames", "pdf-200-blank-pages"],
)
def test_hostile_file_one_message_bounded_memory(tmp_path: Path, make, words: str) -> None:  # type: ignore[no-untyped-def]
    require_tool("tesseract")
    hostile = make(tmp_path)
    assert hostile.stat().st_size < 200_000
    proc, peak = _classify_peak(tmp_path, GOOD, hostile)
    assert "Traceback" not in proc.stderr
    good, bad = (json.loads(line) for line in proc.stdout.splitlines())
    assert good["category"] == "health"
    assert set(bad) == {"path", "error"} and words in bad["error"]
    assert proc.returncode == 1
    assert peak < 1.5 * GIB, f"peak RSS {peak / GIB:.2f} GiB"


def test_jpeg_pillow_rejects_is_an_error_line_not_a_lost_batch(tmp_path: Path) -> None:
    require_tool("tesseract")
    z = tmp_path / "z.jpg"
    z.write_bytes(b"\xff\xd8\xff\x00")
    proc, _ = _classify_peak(tmp_path, GOOD, z)
    good, bad = (json.loads(line) for line in proc.stdout.splitlines())
    assert good["path"] == str(GOOD) and "category" in good
    assert bad == {"path": str(z), "error": "The JPEG file is damaged and cannot be read."}
    assert "Traceback" not in proc.stderr and "KeyError" not in proc.stderr


def test_headers_are_checked_before_decoding(tmp_path: Path) -> None:
    """The 30-frame TIFF is refused by open_file in well under the time one frame decodes."""
    path = _g4_tiff(tmp_path / "t30.tif", 30)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(errors.FileTooLargeError, match="2100 million"):
        open_file(path)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100_000  # one decoded 70 MP frame alone would be 70 000 KB grey


def test_pages_decode_lazily_one_at_a_time(tmp_path: Path) -> None:
    frame = Image.new("L", (800, 1100), 255)
    path = tmp_path / "three.tif"
    frame.save(path, save_all=True, append_images=[Image.new("L", (800, 1100), 0)] * 2)
    with open_file(path) as source:
        assert len(source) == 3 and source.pixels == 3 * 800 * 1100
        pages = iter(source)
        first = next(pages)
        assert first.pixels.mean() == 255 and first.origin == "file page 1/3"
        assert next(pages).pixels.mean() == 0


def test_session_budget_spans_files(tmp_path: Path) -> None:
    Image.new("L", (1000, 1000), 255).save(tmp_path / "a.png")
    Image.new("L", (1000, 1000), 255).save(tmp_path / "b.png")
    budget = DecodeBudget(max_pages=10, max_pixels=1_500_000, scope="session")
    with FileScanner([tmp_path / "a.png", tmp_path / "b.png"], budget=budget) as sc:
        assert len(sc.capture()) == 1
        with pytest.raises(errors.FileTooLargeError, match="per session"):
            sc.capture()
    assert budget.pages == 1 and budget.pixels == 1_000_000


def test_pillow_decompression_bomb_limit_is_ours() -> None:
    from scanners.files import MAX_PAGE_PIXELS

    assert Image.MAX_IMAGE_PIXELS == MAX_PAGE_PIXELS
